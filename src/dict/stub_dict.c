/* stub_dict.c — TEMPORARY placeholder so the tree links; its owner deletes this file
 * when the real implementation lands. */
#include "util/util.h"
#include "syntax/sentence.h"

#include <stdlib.h>

/* dictionaries (owner: dict stage) */
struct ent_dicts { int dummy; };
ent_status ent_dicts_load(const ent_dict_paths *paths, ent_diag *diag, ent_dicts **out) {
    (void)paths; (void)diag; *out = ent_xcalloc(1, sizeof **out); return ENT_OK;
}
ent_status ent_dicts_load_default(const char *dir, ent_diag *diag, ent_dicts **out) {
    (void)dir; return ent_dicts_load(NULL, diag, out);
}
void ent_dicts_free(ent_dicts *d) { free(d); }
void ent_dicts_counts(const ent_dicts *d, ent_dict_counts *out) { (void)d; memset(out, 0, sizeof *out); }

/* stub.c — TEMPORARY placeholders so the tree links while the stages are written.
 * Each owner deletes the functions it implements from this file. */
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

/* CAMEO table (owner: default dictionaries stage) */
const ent_cameo_info *ent_cameo_lookup(const char *code) { (void)code; return NULL; }

/* events + coder (owner: coder stage) */
struct ent_events { int dummy; };
ent_events *ent_events_new(void) { return ent_xcalloc(1, sizeof(ent_events)); }
void ent_events_free(ent_events *ev) { free(ev); }
void ent_events_clear(ent_events *ev) { (void)ev; }
size_t ent_events_count(const ent_events *ev) { (void)ev; return 0; }
const ent_event *ent_events_get(const ent_events *ev, size_t i) { (void)ev; (void)i; return NULL; }

struct ent_coder { int dummy; };
void ent_coder_options_default(ent_coder_options *o) { memset(o, 0, sizeof *o); o->require_dyad = 1; }
ent_status ent_coder_options_apply(ent_coder_options *o, const char *option, const char *value, ent_diag *diag) {
    (void)o; (void)option; (void)value; (void)diag; return ENT_OK;
}
ent_coder *ent_coder_new(const ent_dicts *dicts, const ent_coder_options *opts) {
    (void)dicts; (void)opts; return ent_xcalloc(1, sizeof(ent_coder));
}
void ent_coder_free(ent_coder *c) { free(c); }
void ent_coder_set_options(ent_coder *c, const ent_coder_options *opts) { (void)c; (void)opts; }
void ent_coder_begin_story(ent_coder *c) { (void)c; }
ent_code_result ent_coder_code(ent_coder *c, const ent_sentence *s, long date, ent_events *out) {
    (void)c; (void)s; (void)date; (void)out; return ENT_CODED;
}
const char *ent_coder_error(const ent_coder *c) { (void)c; return ""; }

/* raw text analysis (owner: text/syntax stage) */
ent_status ent_sentence_analyze(ent_sentence *s, const char *text, size_t len, ent_diag *diag) {
    (void)text; (void)len;
    ent_sentence_reset(s);
    ent_diag_add(diag, 1, NULL, 0, "raw-text analysis is not built yet");
    return ENT_ERR_UNSUPPORTED;
}

/* stub_coder.c — TEMPORARY placeholder so the tree links; its owner deletes this file
 * when the real implementation lands. */
#include "util/util.h"
#include "syntax/sentence.h"

#include <stdlib.h>

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

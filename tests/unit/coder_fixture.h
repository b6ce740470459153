/* coder_fixture.h — a coder over small inline dictionaries, for the coder unit tests:
 * the verb, actor and agent texts are written to temp files, loaded, and a coder,
 * sentence and event list are made ready.  cfx_close frees everything and removes the
 * files (safe after a failed cfx_open). */
#ifndef ENT_CODER_FIXTURE_H
#define ENT_CODER_FIXTURE_H

#include "test.h"
#include "entente.h"

#include <unistd.h>

typedef struct cfx {
    char paths[3][64];
    ent_dicts *d;
    ent_coder *c;
    ent_sentence *s;
    ent_events *ev;
} cfx;

static inline int cfx_open(cfx *f, const char *verbs, const char *actors, const char *agents) {
    memset(f, 0, sizeof *f);
    if (!ent_test_temp_file(f->paths[0], verbs) || !ent_test_temp_file(f->paths[1], actors) ||
        !ent_test_temp_file(f->paths[2], agents))
        return 0;
    const char *alist[2] = {f->paths[1], NULL};
    ent_dict_paths p = {f->paths[0], alist, f->paths[2], NULL, NULL};
    if (ent_dicts_load(&p, NULL, &f->d) != ENT_OK) return 0;
    f->c = ent_coder_new(f->d, NULL);
    f->s = ent_sentence_new();
    f->ev = ent_events_new();
    return f->c && f->s && f->ev;
}

static inline void cfx_close(cfx *f) {
    ent_events_free(f->ev);
    ent_sentence_free(f->s);
    ent_coder_free(f->c);
    ent_dicts_free(f->d);
    for (int i = 0; i < 3; i++) if (f->paths[i][0]) unlink(f->paths[i]);
}

/* The events now in f->ev as "SRC>TGT:CODE ..." ("SRC>TGT:CODE/RR" with the root when
 * with_root).  The string is a static buffer, overwritten by the next call. */
static inline const char *cfx_events_str(cfx *f, int with_root) {
    static char out[512];
    out[0] = 0;
    for (size_t k = 0; k < ent_events_count(f->ev); k++) {
        const ent_event *e = ent_events_get(f->ev, k);
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s>%s:%s%s%s", n ? " " : "", e->source, e->target, e->code,
                 with_root ? "/" : "", with_root ? e->root : "");
    }
    return out;
}

/* Code one sentence as a one-sentence story dated 2024-01-01: text tagged and chunked by
 * entente's own analyzer, or (ptb) a Penn parse; options o (NULL: the coder keeps its
 * options).  Returns the events as cfx_events_str does. */
static inline const char *cfx_code(cfx *f, const ent_coder_options *o, const char *text, int ptb, int with_root) {
    if (o) ent_coder_set_options(f->c, o);
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    ent_status st = ptb ? ent_sentence_parse_ptb(f->s, text, strlen(text), NULL)
                        : ent_sentence_analyze(f->s, text, strlen(text), NULL);
    if (st != ENT_OK) return ptb ? "(parse error)" : "(analyze failed)";
    ent_coder_code(f->c, f->s, 20240101, f->ev);
    return cfx_events_str(f, with_root);
}

static inline const char *cfx_code_text(cfx *f, const ent_coder_options *o, const char *text, int with_root) {
    return cfx_code(f, o, text, 0, with_root);
}

#endif

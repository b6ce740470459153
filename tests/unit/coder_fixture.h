/* coder_fixture.h — a coder over small inline dictionaries, for the coder unit tests:
 * the verb, actor and agent texts are written to temp files, loaded, and a coder,
 * sentence and event list are made ready.  cfx_close frees everything and removes the
 * files (safe after a failed cfx_open). */
#ifndef ENT_CODER_FIXTURE_H
#define ENT_CODER_FIXTURE_H

#include "test.h"
#include "entente.h"
#include "coder/coder_events.h"

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
    ent_dict_paths p = {f->paths[0], alist, f->paths[2], NULL, NULL, NULL, NULL};
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

/* Append the events of ev to out (capacity cap) as "SRC>TGT:CODE ..." ("SRC>TGT:CODE/RR"
 * with the root when with_root). */
static inline void cfx_append_events(char *out, size_t cap, const ent_events *ev, int with_root) {
    for (size_t k = 0; k < ent_events_count(ev); k++) {
        const ent_event *e = ent_events_get(ev, k);
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s>%s:%s%s%s", n ? " " : "", e->source, e->target, e->code,
                 with_root ? "/" : "", with_root ? e->root : "");
    }
}

/* The events now in f->ev as cfx_append_events writes them.  The string is a static
 * buffer, overwritten by the next call. */
static inline const char *cfx_events_str(cfx *f, int with_root) {
    static char out[512];
    out[0] = 0;
    cfx_append_events(out, sizeof out, f->ev, with_root);
    return out;
}

/* ent_code_document callback: copy the sentence's events into f->ev. */
static inline int cfx_on_sentence(const ent_story_sentence *s, void *user) {
    cfx *f = user;
    for (size_t k = 0; k < ent_events_count(s->events); k++) {
        const ent_event *e = ent_events_get(s->events, k);
        ent_event *c = ent_events_push(f->ev);
        *c = *e;
        c->source = ent_events_str(f->ev, e->source);
        c->target = ent_events_str(f->ev, e->target);
        c->code = ent_events_str(f->ev, e->code);
        c->root = ent_events_str(f->ev, e->root);
        c->plover = ent_events_str(f->ev, e->plover);
        c->source_text = ent_events_str(f->ev, e->source_text);
        c->target_text = ent_events_str(f->ev, e->target_text);
        c->verb_text = ent_events_str(f->ev, e->verb_text);
        c->issues = ent_events_str(f->ev, e->issues);
    }
    return 0;
}

/* Code text as a story dated 2024-01-01 through the library's document call (the path
 * `entente code` takes); options o (NULL: the coder keeps its options).  The events of
 * all its sentences are left in f->ev and returned as cfx_events_str does. */
static inline const char *cfx_code_doc(cfx *f, const ent_coder_options *o, const char *text, int with_root) {
    if (o) ent_coder_set_options(f->c, o);
    ent_events_clear(f->ev);
    ent_doc doc = {"cfx", "cfx", "", 20240101, "", text, strlen(text), "", "", "", 0, NULL};
    if (ent_code_document(f->c, &doc, NULL, cfx_on_sentence, f, NULL, NULL) != ENT_OK) return "(not coded)";
    return cfx_events_str(f, with_root);
}

/* Code one sentence as a one-sentence story dated 2024-01-01: text through the document
 * call (cfx_code_doc), or (ptb) a Penn parse; options o (NULL: the coder keeps its
 * options).  Returns the events as cfx_events_str does. */
static inline const char *cfx_code(cfx *f, const ent_coder_options *o, const char *text, int ptb, int with_root) {
    if (!ptb) return cfx_code_doc(f, o, text, with_root);
    if (o) ent_coder_set_options(f->c, o);
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_parse_ptb(f->s, text, strlen(text), NULL) != ENT_OK) return "(parse error)";
    ent_coder_code(f->c, f->s, 20240101, f->ev);
    return cfx_events_str(f, with_root);
}

static inline const char *cfx_code_text(cfx *f, const ent_coder_options *o, const char *text, int with_root) {
    return cfx_code_doc(f, o, text, with_root);
}

#endif

/* defaults_fixture.h — the bundled dictionaries with a coder, for tests that code
 * one-sentence stories end to end.  dfx_open(f, with_conf) loads the default set (with
 * the options of its entente.conf when with_conf, as `entente code` does; the library's
 * defaults otherwise); dfx_close frees everything (safe after a failed dfx_open). */
#ifndef ENT_DEFAULTS_FIXTURE_H
#define ENT_DEFAULTS_FIXTURE_H

#include "test.h"
#include "entente.h"

typedef struct dfx { ent_dicts *d; ent_coder *c; ent_sentence *s; ent_events *ev; } dfx;

static inline int dfx_open(dfx *f, int with_conf) {
    memset(f, 0, sizeof *f);
    ent_coder_options o;
    ent_coder_options_default(&o);
    if (ent_dicts_load_dir(NULL, with_conf ? &o : NULL, NULL, &f->d) != ENT_OK || !f->d) return 0;
    f->c = ent_coder_new(f->d, &o);
    f->s = ent_sentence_new();
    f->ev = ent_events_new();
    return 1;
}

static inline void dfx_close(dfx *f) {
    ent_events_free(f->ev);
    ent_sentence_free(f->s);
    ent_coder_free(f->c);
    ent_dicts_free(f->d);
}

/* Code text as a one-sentence story on date into f->ev; the number of events, or -1
 * when the text cannot be analysed. */
static inline int dfx_code(dfx *f, const char *text, long date) {
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_analyze(f->s, text, strlen(text), NULL) != ENT_OK) return -1;
    ent_coder_code(f->c, f->s, date, f->ev);
    return (int)ent_events_count(f->ev);
}

/* Does text, coded on date, yield an event with code (exact, or a 2-digit root; NULL:
 * any) whose source starts with src (NULL: any)?  -1 when it cannot be analysed. */
static inline int dfx_has(dfx *f, const char *text, long date, const char *code, const char *src) {
    if (dfx_code(f, text, date) < 0) return -1;
    for (size_t k = 0; k < ent_events_count(f->ev); k++) {
        const ent_event *e = ent_events_get(f->ev, k);
        const char *got = code && strlen(code) == 2 ? e->root : e->code;
        if (code && (!got || strcmp(got, code))) continue;
        if (src && (!e->source || strncmp(e->source, src, strlen(src)))) continue;
        return 1;
    }
    return 0;
}


/* A table of dated sentences: text coded on date gives (want 1) or does not give (want 0)
 * an event whose source starts with src.  dfx_check_cases checks every row and names each
 * row that fails on stderr. */
typedef struct dfx_case { const char *text; long date; const char *src; int want; } dfx_case;

static inline void dfx_check_cases(dfx *f, const dfx_case *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int got = dfx_has(f, cases[i].text, cases[i].date, NULL, cases[i].src);
        if (got != cases[i].want)
            fprintf(stderr, "  case %zu: \"%s\" on %ld: source %s %s\n", i, cases[i].text, cases[i].date,
                    cases[i].src, cases[i].want ? "expected" : "not expected");
        CHECK_INT(got, cases[i].want);
    }
}

#endif

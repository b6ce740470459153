/* bench-text.c — speed of raw text to sentence structure (split + tokenize + tag +
 * chunk), and optionally of coding each record as a document (ent_code_document, the
 * call `entente code` makes), over the <Text> of a PETRARCH record file.
 * Usage: bench-text RECORDS.xml [SECONDS] [DICTS]
 * DICTS: "default" (the bundled set), "full=DIR" (the Phoenix/CAMEO set in DIR) or DIR
 * (the PETRARCH validation set in DIR).
 * Prints sentences/s and MB/s (per core: CPU time) for analysis alone and, with DICTS,
 * with coding. */
#include "entente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct corpus { char *text; size_t len, cap; size_t records; size_t *starts; } corpus;

static int on_rec(const ent_petr_record *r, void *user) {
    corpus *c = user;
    size_t n = strlen(r->text);
    if (c->len + n + 3 > c->cap) { c->cap = (c->len + n + 3) * 2; c->text = realloc(c->text, c->cap); }
    c->starts = realloc(c->starts, (c->records + 2) * sizeof *c->starts);
    c->starts[c->records] = c->len;
    c->starts[c->records + 1] = c->len + n;
    memcpy(c->text + c->len, r->text, n);
    c->len += n;
    memcpy(c->text + c->len, "\n\n", 2);
    c->len += 2;
    c->text[c->len] = 0;
    c->records++;
    return 0;
}

/* CPU time of this (single-threaded) process: rates are per core and do not depend on
 * what else the machine runs. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct run { ent_sentence *s; ent_coder *coder; size_t sentences, tokens, events; } run;

static int on_sent(ent_sentence *s, const char *p, size_t n, ent_span sp, ent_status st, void *user) {
    (void)p; (void)n; (void)sp;
    run *r = user;
    if (st == ENT_OK) r->tokens += ent_sentence_token_count(s);
    r->sentences++;
    return 0;
}

static int on_story_sentence(const ent_story_sentence *s, void *user) {
    run *r = user;
    r->sentences++;
    r->events += ent_events_count(s->events);
    return 0;
}

/* One pass: split + analyze the whole text, or (with a coder) code each record as a
 * document dated 2015-01-01 through the library's document call. */
static void pass(const corpus *c, run *r) {
    if (!r->coder) { ent_split_analyze(r->s, c->text, c->len, on_sent, r, NULL); return; }
    for (size_t i = 0; i < c->records; i++) {
        const char *t = c->text + c->starts[i];
        ent_doc doc = {"bench", "bench", "", 20150101, "", t, c->starts[i + 1] - c->starts[i], "", "", "", 0, NULL};
        ent_code_document(r->coder, &doc, NULL, on_story_sentence, r, NULL, NULL);
    }
}

static void measure(const corpus *c, double seconds, run *r, const char *what) {
    pass(c, r); /* warm-up: page in the lexicon */
    double t0 = now(), t;
    size_t passes = 0;
    r->sentences = r->tokens = r->events = 0;
    do {
        pass(c, r);
        passes++;
        t = now() - t0;
    } while (t < seconds);
    double mb = (double)c->len * (double)passes / 1e6;
    if (r->coder)
        printf("%-22s %8zu sentences in %.2f s: %9.0f sentences/s %7.2f MB/s, %zu events\n", what, r->sentences, t,
               (double)r->sentences / t, mb / t, r->events);
    else
        printf("%-22s %8zu sentences %9zu tokens in %.2f s: %9.0f sentences/s %7.2f MB/s %10.0f tokens/s\n", what,
               r->sentences, r->tokens, t, (double)r->sentences / t, mb / t, (double)r->tokens / t);
}

typedef struct bigrun { ent_sentence *s; size_t sentences, tokens, maxlen; } bigrun;

static int on_big(const char *p, size_t n, ent_span sp, void *user) {
    (void)p; (void)sp;
    bigrun *b = user;
    b->sentences++;
    if (n > b->maxlen) b->maxlen = n;
    return 0;
}

static int on_big_analyzed(ent_sentence *s, const char *p, size_t n, ent_span sp, ent_status st, void *user) {
    bigrun *b = user;
    on_big(p, n, sp, user);
    if (st == ENT_OK) b->tokens += ent_sentence_token_count(s);
    return 0;
}

/* One line of mb megabytes of words without punctuation: split alone, normalise, and
 * split + analyze (all linear). */
static void big_line(size_t mb) {
    const char *unit = "Arnor and Gondor officials continue talks about the border ";
    size_t u = strlen(unit), len = mb * 1000000;
    char *text = malloc(len + 1);
    for (size_t i = 0; i < len; i++) text[i] = unit[i % u];
    text[len] = 0;
    bigrun b = { NULL, 0, 0, 0 };
    double t0 = now();
    ent_split_sentences(text, len, on_big, &b);
    double t1 = now();
    size_t outlen;
    char *norm = ent_text_normalize(text, len, &outlen);
    double t2 = now();
    bigrun c = { ent_sentence_new(), 0, 0, 0 };
    ent_split_analyze(c.s, text, len, on_big_analyzed, &c, NULL);
    double t3 = now();
    printf("%zu MB line:  split %.2f s (%.1f MB/s, %zu pieces, longest %zu bytes); normalize %.2f s (%.1f MB/s); "
           "split+analyze %.2f s (%.1f MB/s, %zu tokens)\n", mb, t1 - t0, (double)len / 1e6 / (t1 - t0), b.sentences,
           b.maxlen, t2 - t1, (double)len / 1e6 / (t2 - t1), t3 - t2, (double)len / 1e6 / (t3 - t2), c.tokens);
    ent_sentence_free(c.s);
    free(norm);
    free(text);
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--big") == 0) { big_line((size_t)atol(argv[2])); return 0; }
    if (argc < 2) { fprintf(stderr, "usage: bench-text RECORDS.xml [SECONDS] [default|full=DIR|DIR] | --big MB\n"); return 2; }
    double seconds = argc > 2 ? atof(argv[2]) : 2.0;
    corpus c = {0};
    ent_diag *d = ent_diag_new();
    if (ent_petrxml_read(argv[1], NULL, on_rec, &c, d) != ENT_OK || !c.len) {
        fprintf(stderr, "bench-text: cannot read %s\n", argv[1]);
        return 1;
    }
    printf("corpus: %zu records, %zu bytes (the <Text> of %s)\n", c.records, c.len, argv[1]);
    run r = { ent_sentence_new(), NULL, 0, 0, 0 };
    measure(&c, seconds, &r, "split+analyze");
    if (argc > 3) {
        /* "full=DIR": the full Phoenix/CAMEO set in DIR (CAMEO.verbpatterns.150430.txt, the
         * three Phoenix actor files, Phoenix agents, discards and issues) */
        ent_dicts *dicts = NULL;
        char verbs[4096], actors[4096], actors2[4096], actors3[4096], agents[4096], discards[4096], issues[4096];
        const char *dir = argv[3];
        int full = strncmp(dir, "full=", 5) == 0;
        if (full) dir += 5;
        snprintf(verbs, sizeof verbs, full ? "%s/CAMEO.verbpatterns.150430.txt" : "%s/PETR.Validate.verbs.txt", dir);
        snprintf(actors, sizeof actors, full ? "%s/Phoenix.Countries.actors.txt" : "%s/PETR.Validate.actors.txt", dir);
        snprintf(actors2, sizeof actors2, "%s/Phoenix.International.actors.txt", dir);
        snprintf(actors3, sizeof actors3, "%s/Phoenix.MilNonState.actors.txt", dir);
        snprintf(agents, sizeof agents, full ? "%s/Phoenix.agents.txt" : "%s/PETR.Validate.agents.txt", dir);
        snprintf(discards, sizeof discards, full ? "%s/Phoenix.discards.txt" : "%s/PETR.Validate.discards.txt", dir);
        snprintf(issues, sizeof issues, "%s/Phoenix.IssueCoding.txt", dir);
        const char *actor_list[] = { actors, full ? actors2 : NULL, actors3, NULL };
        ent_dict_paths paths = { verbs, actor_list, agents, discards, full ? issues : NULL };
        ent_status st = strcmp(argv[3], "default") == 0 ? ent_dicts_load_default(NULL, d, &dicts)
                                                         : ent_dicts_load(&paths, d, &dicts);
        if (st == ENT_OK && dicts) {
            r.coder = ent_coder_new(dicts, NULL);
            measure(&c, seconds, &r, "documents coded");
            ent_coder_free(r.coder);
            ent_dicts_free(dicts);
        } else printf("bench-text: dictionaries %s did not load (coding not measured)\n", argv[3]);
    }
    ent_sentence_free(r.s);
    ent_diag_free(d);
    free(c.text);
    free(c.starts);
    return 0;
}

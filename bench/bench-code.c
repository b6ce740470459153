/* bench-code.c — speed of the coder on supplied Penn parses: reading the tree
 * (ent_sentence_parse_ptb) plus coding it (ent_coder_code) with a full dictionary set.
 * Usage: bench-code RECORDS.xml DICT_DIR [SENTENCES]
 * The corpus is the records' <Parse> trees repeated until SENTENCES (default 200000)
 * have been coded.  Prints the dictionary load time, sentences/s on one core (CPU time
 * of this single-threaded process), events coded and the peak RSS. */
#include "entente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct corpus { char **parse; long *date; size_t n, cap; } corpus;

static int on_rec(const ent_petr_record *r, void *user) {
    corpus *c = user;
    if (!r->parse || !*r->parse) return 0;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->parse = realloc(c->parse, c->cap * sizeof *c->parse);
        c->date = realloc(c->date, c->cap * sizeof *c->date);
        if (!c->parse || !c->date) { fprintf(stderr, "bench-code: out of memory\n"); exit(1); }
    }
    c->parse[c->n] = strdup(r->parse);
    c->date[c->n++] = r->date;
    return 0;
}

static double wall(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *join(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: bench-code RECORDS.xml DICT_DIR [SENTENCES]\n");
        return 2;
    }
    long target = argc > 3 ? atol(argv[3]) : 200000;
    ent_diag *diag = ent_diag_new();
    corpus c = {0};
    if (ent_petrxml_read(argv[1], NULL, on_rec, &c, diag) != ENT_OK || c.n == 0) {
        fprintf(stderr, "bench-code: no parses read from %s\n", argv[1]);
        return 1;
    }
    char *verbs = join(argv[2], "CAMEO.verbpatterns.150430.txt");
    char *a1 = join(argv[2], "Phoenix.Countries.actors.txt");
    char *a2 = join(argv[2], "Phoenix.International.actors.txt");
    char *a3 = join(argv[2], "Phoenix.MilNonState.actors.txt");
    char *agents = join(argv[2], "Phoenix.agents.txt");
    char *discards = join(argv[2], "Phoenix.discards.txt");
    const char *actors[] = {a1, a2, a3, NULL};
    ent_dict_paths paths = {verbs, actors, agents, discards, NULL};
    ent_dicts *d = NULL;
    double t0 = wall();
    ent_status st = ent_dicts_load(&paths, diag, &d);
    double load = wall() - t0;
    if (st != ENT_OK) {
        for (size_t i = 0; i < ent_diag_count(diag); i++) fprintf(stderr, "%s\n", ent_diag_message(diag, i));
        fprintf(stderr, "bench-code: cannot load the dictionaries from %s\n", argv[2]);
        return 1;
    }
    ent_dict_counts counts;
    ent_dicts_counts(d, &counts);
    ent_diag_clear(diag);

    ent_coder_options o;
    ent_coder_options_default(&o);
    double s0 = wall();
    ent_coder *coder = ent_coder_new(d, &o);
    double setup = wall() - s0;
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    long done = 0, events = 0, bad = 0;
    /* warm-up pass over the corpus (not timed) */
    for (size_t i = 0; i < c.n; i++) {
        if (ent_sentence_parse_ptb(s, c.parse[i], strlen(c.parse[i]), diag) == ENT_OK) {
            ent_events_clear(ev);
            ent_coder_begin_story(coder);
            ent_coder_code(coder, s, c.date[i], ev);
        }
        ent_diag_clear(diag);
    }
    size_t *len = malloc(c.n * sizeof *len);
    for (size_t i = 0; i < c.n; i++) len[i] = strlen(c.parse[i]);
    /* tree reading alone, for the breakdown */
    double p0 = cpu();
    long parsed = 0;
    for (long k = 0; k < target;) {
        for (size_t i = 0; i < c.n && k < target; i++, k++) {
            if (ent_sentence_parse_ptb(s, c.parse[i], len[i], diag) != ENT_OK) ent_diag_clear(diag);
            parsed++;
        }
    }
    double pt = cpu() - p0;
    /* five timed rounds: the machine may be shared, so the best round is reported
     * beside the overall average */
    double w0 = wall(), c0 = cpu(), best = 0;
    long per_round = target / 5 > 0 ? target / 5 : 1;
    while (done < target) {
        double rc = cpu();
        long start = done;
        while (done < target && done - start < per_round) {
            for (size_t i = 0; i < c.n && done < target && done - start < per_round; i++, done++) {
                if (ent_sentence_parse_ptb(s, c.parse[i], len[i], diag) != ENT_OK) {
                    bad++;
                    ent_diag_clear(diag);
                    continue;
                }
                ent_events_clear(ev);
                ent_coder_begin_story(coder);
                ent_coder_code(coder, s, c.date[i], ev);
                events += (long)ent_events_count(ev);
            }
        }
        double dt = cpu() - rc;
        if (dt > 0 && (double)(done - start) / dt > best) best = (double)(done - start) / dt;
    }
    double wt = wall() - w0, ct = cpu() - c0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("dictionaries: %zu verb patterns, %zu verb forms, %zu actor phrases, %zu agent phrases, "
           "%zu discards; loaded in %.3f s\n",
           counts.patterns, counts.verb_forms, counts.actor_phrases, counts.agent_phrases,
           counts.discards_sentence + counts.discards_story, load);
    printf("coder setup (per-thread lookup indexes): %.3f s\n", setup);
    printf("corpus: %zu distinct parses, %ld sentences coded (%ld unreadable), %ld events\n", c.n, done, bad,
           events);
    printf("coding from Penn parses: %.0f sentences/s per core (best of 5 rounds; average %.0f, cpu %.3f s, "
           "wall %.3f s)\n", best, ct > 0 ? (double)done / ct : 0.0, ct, wt);
    printf("  of which tree reading alone: %.0f sentences/s (cpu %.3f s)\n", pt > 0 ? (double)parsed / pt : 0.0, pt);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(coder);
    ent_dicts_free(d);
    ent_diag_free(diag);
    for (size_t i = 0; i < c.n; i++) free(c.parse[i]);
    free(c.parse); free(c.date); free(len);
    free(verbs); free(a1); free(a2); free(a3); free(agents); free(discards);
    return 0;
}

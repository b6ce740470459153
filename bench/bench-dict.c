/* bench-dict.c — load time and memory of a full PETRARCH-1 dictionary set.
 * Usage: bench-dict DICT_DIR [RUNS]
 * Loads DICT_DIR/CAMEO.verbpatterns.*.txt, the three Phoenix.*.actors.txt, Phoenix.agents,
 * Phoenix.discards and Phoenix.IssueCoding RUNS times (default 10); prints the fastest and
 * median load time, entry counts and the process's peak RSS. */
#include "entente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: bench-dict DICT_DIR|--default [RUNS]\n"); return 2; }
    int dflt = strcmp(argv[1], "--default") == 0;   /* entente's bundled set (ENTENTE_DATA or data/) */
    int runs = argc > 2 ? atoi(argv[2]) : 10;
    if (runs < 1 || runs > 1000) runs = 10;
    char p[6][4096];
    const char *names[6] = {"CAMEO.verbpatterns.150430.txt", "Phoenix.Countries.actors.txt",
                            "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
                            "Phoenix.agents.txt", "Phoenix.discards.txt"};
    for (int i = 0; i < 6; i++) snprintf(p[i], sizeof p[i], "%s/%s", argv[1], names[i]);
    char issues[4096];
    snprintf(issues, sizeof issues, "%s/Phoenix.IssueCoding.txt", argv[1]);
    const char *actors[] = {p[1], p[2], p[3], NULL};
    ent_dict_paths paths = {p[0], actors, p[4], p[5], issues};
    double *t = calloc((size_t)runs, sizeof *t);
    ent_dict_counts c = {0};
    for (int r = 0; r < runs; r++) {
        ent_dicts *d = NULL;
        double t0 = now();
        ent_status st = dflt ? ent_dicts_load_default(NULL, NULL, &d) : ent_dicts_load(&paths, NULL, &d);
        t[r] = now() - t0;
        if (st != ENT_OK) { fprintf(stderr, "bench-dict: cannot load %s (%s)\n", argv[1], ent_status_name(st)); return 1; }
        ent_dicts_counts(d, &c);
        ent_dicts_free(d);
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_d);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("dict load (%s, %d runs): fastest %.3f s, median %.3f s, peak RSS %.1f MB\n",
           dflt ? "entente's default set" : "full Phoenix set", runs, t[0],
           t[runs / 2], (double)ru.ru_maxrss / 1024.0);
    printf("  %zu verbs, %zu verb forms, %zu patterns, %zu synsets; %zu actors, %zu actor phrases, %zu dated codes;\n"
           "  %zu agents (%zu phrases), %zu+%zu discards, %zu issue phrases; %zu warnings, %zu errors\n",
           c.verbs, c.verb_forms, c.patterns, c.synsets, c.actors, c.actor_phrases, c.actor_dated_codes, c.agents,
           c.agent_phrases, c.discards_sentence, c.discards_story, c.issues, c.warnings, c.errors);
    free(t);
    return 0;
}

/* cmd_dict.c — 'entente dict counts|check [--dicts DIR | --verbs F --actors F... --agents F
 * --discards F --issues F --places F]': load a dictionary set and print its entry counts (counts) or
 * lint it (check: findings as file:line: messages on stdout, then the counts; exit 1 when
 * there are errors).  Without any option the default dictionaries are used. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void dict_usage(FILE *f) {
    fprintf(f,
            "usage: entente dict counts|check [--dicts DIR | --verbs FILE --actors FILE... --agents FILE\n"
            "                                  --discards FILE --issues FILE --places FILE]\n"
            "  counts  load the set and print how many entries of each kind it holds\n"
            "  check   also lint it: duplicates, conflicting codes, malformed dates, patterns that\n"
            "          can never match, unknown synsets; findings as file:line: message; exit 1 on errors\n"
            "  --dicts DIR  a PETRARCH-style directory (*.verbpatterns.*, *.actors.txt, *agents.txt,\n"
            "               *discards.txt, *Issue*.txt) or the default data directory\n"
            "  --places FILE  a gazetteer: NAME_WORDS [ISO3] a line (the default set's geonames.places.txt)\n");
}

typedef struct strlist { char **v; size_t n, cap; } strlist;

static void sl_push(strlist *l, const char *s) {
    if (l->n + 2 > l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) { perror("entente"); exit(2); }
    }
    l->v[l->n++] = strdup(s);
    l->v[l->n] = NULL;
}

static void sl_free(strlist *l) {
    for (size_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
}

static void print_counts(FILE *f, const ent_dict_counts *c) {
    fprintf(f, "verbs %zu\n", c->verbs);
    fprintf(f, "verb_forms %zu\n", c->verb_forms);
    fprintf(f, "patterns %zu\n", c->patterns);
    fprintf(f, "patterns_skipped %zu\n", c->patterns_skipped);
    fprintf(f, "synsets %zu\n", c->synsets);
    fprintf(f, "actors %zu\n", c->actors);
    fprintf(f, "actor_phrases %zu\n", c->actor_phrases);
    fprintf(f, "actor_dated_codes %zu\n", c->actor_dated_codes);
    fprintf(f, "agents %zu\n", c->agents);
    fprintf(f, "agent_phrases %zu\n", c->agent_phrases);
    fprintf(f, "discards_sentence %zu\n", c->discards_sentence);
    fprintf(f, "discards_story %zu\n", c->discards_story);
    fprintf(f, "issues %zu\n", c->issues);
    if (c->places) fprintf(f, "places %zu\n", c->places);
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        dict_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *sub = argv[1];
    int check = 0;
    if (!strcmp(sub, "check")) check = 1;
    else if (strcmp(sub, "counts") != 0) {
        dict_usage(stderr);
        return cli_usage_error("dict: unknown subcommand '%s' (expected counts or check)", sub);
    }
    const char *dir = NULL, *verbs = NULL, *agents = NULL, *discards = NULL, *issues = NULL, *places = NULL;
    strlist actors = {0};
    int explicit = 0, rc = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { dict_usage(stdout); sl_free(&actors); return 0; }
        if (!more && a[0] == '-' && a[1] == '-') { rc = cli_usage_error("dict: %s needs a value", a); break; }
        if (!strcmp(a, "--dicts")) dir = argv[++i];
        else if (!strcmp(a, "--verbs")) verbs = argv[++i], explicit = 1;
        else if (!strcmp(a, "--agents")) agents = argv[++i], explicit = 1;
        else if (!strcmp(a, "--discards")) discards = argv[++i], explicit = 1;
        else if (!strcmp(a, "--issues")) issues = argv[++i], explicit = 1;
        else if (!strcmp(a, "--places")) places = argv[++i], explicit = 1;
        else if (!strcmp(a, "--actors")) {
            explicit = 1;
            while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) sl_push(&actors, argv[++i]);
        } else { rc = cli_usage_error("dict: unexpected argument '%s'", a); break; }
    }
    if (!rc && dir && explicit) rc = cli_usage_error("dict: give either --dicts DIR or the files, not both");
    if (rc) { sl_free(&actors); return rc; }

    ent_diag *diag = ent_diag_new();
    ent_diag_set_stream(diag, check ? stdout : stderr);
    ent_dicts *d = NULL;
    ent_status st;
    if (explicit) {
        ent_dict_paths p = {verbs, actors.n ? (const char *const *)actors.v : NULL, agents, discards, issues, NULL, places};
        st = ent_dicts_load(&p, diag, &d);
    } else {
        st = ent_dicts_load_dir(dir, NULL, diag, &d);
    }
    sl_free(&actors);
    if (st != ENT_OK) {
        fprintf(stderr, "entente: dict: could not load the dictionaries (%s)\n", ent_status_name(st));
        ent_diag_free(diag);
        return 1;
    }
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    size_t errors = c.errors, warnings = c.warnings;
    if (check) {
        ent_diag *lint = ent_diag_new();         /* its own sink, so its counts are exact */
        ent_diag_set_stream(lint, stdout);
        errors += ent_dicts_check(d, lint);
        size_t kept = ent_diag_count(lint), lerr = ent_diag_errors(lint);
        warnings += kept > lerr ? kept - lerr : 0;  /* the sink keeps at most 10000 */
        ent_diag_free(lint);
    }
    print_counts(stdout, &c);
    printf("warnings %zu\nerrors %zu\n", warnings, errors);
    ent_dicts_free(d);
    ent_diag_free(diag);
    return check && errors ? 1 : 0;
}

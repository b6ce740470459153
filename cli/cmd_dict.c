/* cmd_dict.c — 'entente dict counts|check [--dicts DIR | --verbs F --actors F... --agents F
 * --discards F --issues F]': load a dictionary set and print its entry counts (counts) or
 * lint it (check: findings as file:line: messages on stdout, then the counts; exit 1 when
 * there are errors).  Without any option the default dictionaries are used. */
#include "cli.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void dict_usage(FILE *f) {
    fprintf(f,
            "usage: entente dict counts|check [--dicts DIR | --verbs FILE --actors FILE... --agents FILE\n"
            "                                  --discards FILE --issues FILE]\n"
            "  counts  load the set and print how many entries of each kind it holds\n"
            "  check   also lint it: duplicates, conflicting codes, malformed dates, patterns that\n"
            "          can never match, unknown synsets; findings as file:line: message; exit 1 on errors\n"
            "  --dicts DIR  a PETRARCH-style directory (*.verbpatterns.*, *.actors.txt, *agents.txt,\n"
            "               *discards.txt, *Issue*.txt) or the default data directory\n");
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

/* Paths in dir matching pattern, sorted; files named PETR.Validate.* only when nothing
 * else matches (the validation suite's small dictionaries sit beside the real ones). */
static void find_files(const char *dir, const char *pattern, strlist *out) {
    size_t n = strlen(dir) + strlen(pattern) + 2;
    char *pat = malloc(n);
    if (!pat) return;
    snprintf(pat, n, "%s/%s", dir, pattern);
    glob_t g;
    if (glob(pat, 0, NULL, &g) == 0) {
        size_t before = out->n;
        for (size_t i = 0; i < g.gl_pathc; i++)
            if (!strstr(g.gl_pathv[i], "PETR.Validate.")) sl_push(out, g.gl_pathv[i]);
        if (out->n == before)
            for (size_t i = 0; i < g.gl_pathc; i++) sl_push(out, g.gl_pathv[i]);
        globfree(&g);
    }
    free(pat);
}

static char *first_file(const char *dir, const char *const *patterns) {
    for (size_t i = 0; patterns[i]; i++) {
        strlist l = {0};
        find_files(dir, patterns[i], &l);
        char *r = l.n ? strdup(l.v[0]) : NULL;
        sl_free(&l);
        if (r) return r;
    }
    return NULL;
}

static int has_default_layout(const char *dir) {
    struct stat st;
    size_t n = strlen(dir) + 64;
    char *p = malloc(n);
    if (!p) return 0;
    snprintf(p, n, "%s/entente.verbs.txt", dir);
    int a = stat(p, &st) == 0;
    snprintf(p, n, "%s/dictionaries/entente.verbs.txt", dir);
    int b = stat(p, &st) == 0;
    free(p);
    return a || b;
}

static void print_counts(FILE *f, const ent_dict_counts *c) {
    fprintf(f, "verbs %zu\n", c->verbs);
    fprintf(f, "verb_forms %zu\n", c->verb_forms);
    fprintf(f, "patterns %zu\n", c->patterns);
    fprintf(f, "synsets %zu\n", c->synsets);
    fprintf(f, "actors %zu\n", c->actors);
    fprintf(f, "actor_phrases %zu\n", c->actor_phrases);
    fprintf(f, "actor_dated_codes %zu\n", c->actor_dated_codes);
    fprintf(f, "agents %zu\n", c->agents);
    fprintf(f, "agent_phrases %zu\n", c->agent_phrases);
    fprintf(f, "discards_sentence %zu\n", c->discards_sentence);
    fprintf(f, "discards_story %zu\n", c->discards_story);
    fprintf(f, "issues %zu\n", c->issues);
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
    const char *dir = NULL, *verbs = NULL, *agents = NULL, *discards = NULL, *issues = NULL;
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
        ent_dict_paths p = {verbs, actors.n ? (const char *const *)actors.v : NULL, agents, discards, issues};
        st = ent_dicts_load(&p, diag, &d);
    } else if (!dir || has_default_layout(dir)) {
        st = ent_dicts_load_default(dir, diag, &d);
    } else {
        static const char *const vp[] = {"*.verbpatterns.*", "*verbs*.txt", NULL};
        static const char *const ap[] = {"*agents*.txt", NULL};
        static const char *const dp[] = {"*discards*.txt", NULL};
        static const char *const ip[] = {"*Issue*.txt", NULL};
        char *v = first_file(dir, vp), *ag = first_file(dir, ap), *ds = first_file(dir, dp), *is = first_file(dir, ip);
        find_files(dir, "*.actors.txt", &actors);
        if (!v && !actors.n && !ag) {
            ent_diag_add(diag, 1, dir, 0, "no dictionaries found (expected *.verbpatterns.*, *.actors.txt, *agents.txt)");
            st = ENT_ERR_IO;
        } else {
            ent_dict_paths p = {v, actors.n ? (const char *const *)actors.v : NULL, ag, ds, is};
            st = ent_dicts_load(&p, diag, &d);
        }
        free(v); free(ag); free(ds); free(is);
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

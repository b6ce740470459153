/* cmd_validate.c — 'entente validate FILE.xml [--dicts DIR] [--raw] [--set OPT=VAL] [-v]':
 * codes every PETRARCH validation record and compares with its expected events (as a
 * multiset of (source, target, code) triples; quoted new-actor codes compare without their
 * quotes; expected errors and noevents records must match exactly).  Prints "ok ID" or
 * "FAIL ID expected=[...] got=[...]" per record, "skip ID (why)" for records the file
 * itself excludes, and closes with "N passed, N failed".  Exit 0 when nothing failed.
 * <Config option=... value=...> lines, in <Environment> or between records, change the
 * options of every later record as in PETRARCH-1's validation run; --set overrides them
 * all.  A failing record is followed by the options that were in force for it. */
#include "cli.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct validate_ctx {
    const char *dict_dir;
    int raw, verbose;
    const char *only;            /* run only this record id (or id prefix ending in '*') */
    const char *sets[16];        /* --set OPTION=VALUE coder options, applied after <Config> */
    int nsets;
    ent_diag *diag;
    ent_dicts *dicts;
    ent_coder *coder;
    ent_coder_options opts;
    const ent_events *events;    /* the last record's events (owned by coder) */
    ent_code_result result;      /* and its outcome */
    char include[1024];          /* space-padded list of included categories, "" = all */
    int passed, failed, skipped;
    int fatal;
} validate_ctx;

static int file_exists(const char *p) {
    struct stat st;
    return stat(p, &st) == 0;
}

static char *join(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Apply the --set OPTION=VALUE overrides to v->opts; nonzero (message printed) on a bad one. */
static int apply_sets(validate_ctx *v) {
    for (int i = 0; i < v->nsets; i++) {
        char opt[128];
        const char *eq = strchr(v->sets[i], '=');
        size_t n = eq ? (size_t)(eq - v->sets[i]) : 0;
        if (!eq || n >= sizeof opt) {
            fprintf(stderr, "entente: validate: --set expects OPTION=VALUE, got '%s'\n", v->sets[i]);
            v->fatal = 1;
            return 1;
        }
        memcpy(opt, v->sets[i], n);
        opt[n] = 0;
        if (ent_coder_options_apply(&v->opts, opt, eq + 1, v->diag) != ENT_OK) {
            cli_print_diag(v->diag);
            v->fatal = 1;
            return 1;
        }
    }
    return 0;
}

/* Apply <Config> lines to v->opts; a bad one is reported and ignored, as PETRARCH-1 does. */
static void apply_config(validate_ctx *v, const ent_petr_config *cfg, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (ent_coder_options_apply(&v->opts, cfg[i].option, cfg[i].value, v->diag) != ENT_OK)
            cli_print_diag(v->diag), ent_diag_clear(v->diag);
}

static int on_env(const ent_petr_env *env, void *user) {
    validate_ctx *v = user;
    char *verbs = env->verbfile ? join(v->dict_dir, env->verbfile) : NULL;
    char *actors = env->actorfile ? join(v->dict_dir, env->actorfile) : NULL;
    char *agents = env->agentfile ? join(v->dict_dir, env->agentfile) : NULL;
    char *discards = env->discardfile ? join(v->dict_dir, env->discardfile) : NULL;
    const char *actor_list[2] = {actors, NULL};
    ent_dict_paths paths = {verbs, actor_list, agents, discards, NULL, NULL, NULL};
    ent_status st = ent_dicts_load(&paths, v->diag, &v->dicts);
    free(verbs); free(actors); free(agents); free(discards);
    if (st != ENT_OK) {
        cli_print_diag(v->diag);
        fprintf(stderr, "entente: cannot load the dictionaries named in <Environment> from %s\n", v->dict_dir);
        v->fatal = 1;
        return 1;
    }
    if (v->verbose) cli_print_diag(v->diag);
    ent_diag_clear(v->diag);
    apply_config(v, env->config, env->nconfig);
    if (apply_sets(v)) return 1;
    v->coder = ent_coder_new(v->dicts, &v->opts);
    if (env->include) {
        snprintf(v->include, sizeof v->include, " %s ", env->include);
    }
    return 0;
}

static int category_included(const validate_ctx *v, const char *cat) {
    if (!v->include[0]) return 1;
    char key[128];
    snprintf(key, sizeof key, " %s ", cat);
    return strstr(v->include, key) != NULL;
}

/* ent_code_record callback: keep the record's outcome and events (valid until the
 * coder's next record). */
static int on_coded(const ent_story_sentence *s, void *user) {
    validate_ctx *v = user;
    v->events = s->events;
    v->result = s->result;
    return 0;
}

typedef struct triple { const char *s, *t, *c; int used; } triple;

/* Codes compare equal ignoring surrounding double quotes: new actors (new_actor_length)
 * are coded as their quoted phrase, which the record files write as '"PHRASE"'. */
static int same(const char *a, const char *b) {
    a = a ? a : "";
    b = b ? b : "";
    size_t la = strlen(a), lb = strlen(b);
    if (la >= 2 && a[0] == '"' && a[la - 1] == '"') { a++; la -= 2; }
    if (lb >= 2 && b[0] == '"' && b[lb - 1] == '"') { b++; lb -= 2; }
    return la == lb && memcmp(a, b, la) == 0;
}

static void print_list_expected(const ent_petr_record *r) {
    putchar('[');
    for (size_t i = 0; i < r->nexpected; i++)
        printf("%s(%s,%s,%s)", i ? " " : "", r->expected[i].source, r->expected[i].target, r->expected[i].code);
    putchar(']');
}

static void print_list_events(const ent_events *ev) {
    putchar('[');
    for (size_t i = 0; i < ent_events_count(ev); i++) {
        const ent_event *e = ent_events_get(ev, i);
        printf("%s(%s,%s,%s)", i ? " " : "", e->source, e->target, e->code);
    }
    putchar(']');
}

/* Multiset equality of expected and coded (source, target, code) triples. */
static int events_match(const ent_petr_record *r, const ent_events *ev) {
    size_t n = ent_events_count(ev);
    if (n != r->nexpected) return 0;
    int used[n ? n : 1];
    memset(used, 0, sizeof used);
    for (size_t i = 0; i < r->nexpected; i++) {
        size_t j;
        for (j = 0; j < n; j++) {
            const ent_event *e = ent_events_get(ev, j);
            if (!used[j] && same(e->source, r->expected[i].source) && same(e->target, r->expected[i].target) &&
                same(e->code, r->expected[i].code))
                break;
        }
        if (j == n) return 0;
        used[j] = 1;
    }
    return 1;
}

/* The PETRARCH options in force, as "require_dyad=true new_actor_length=0 comma_min=2 ...". */
static void print_options(const ent_coder_options *o) {
    printf("    options: require_dyad=%s new_actor_length=%d comma_min=%d comma_max=%d comma_bmin=%d "
           "comma_bmax=%d comma_emin=%d comma_emax=%d",
           o->require_dyad ? "true" : "false", o->new_actor_length, o->comma_min, o->comma_max, o->comma_bmin,
           o->comma_bmax, o->comma_emin, o->comma_emax);
    if (o->require_source) printf(" require_source=true");
    if (o->place_country) printf(" place_country=true");
    if (o->future_intent) printf(" future_intent=true");
    if (o->resolve_pronouns) printf(" resolve_pronouns=true");
    putchar('\n');
}

static int code_record(const ent_petr_record *r, void *user) {
    validate_ctx *v = user;
    if (r->nconfig) {
        /* <Config> between records holds for every later record, whether or not this one is
         * run (--only) or skipped; --set still wins */
        apply_config(v, r->config, r->nconfig);
        if (apply_sets(v)) return 1;
        if (v->coder) ent_coder_set_options(v->coder, &v->opts);
    }
    if (v->only) {
        size_t n = strlen(v->only);
        int prefix = n && v->only[n - 1] == '*';
        if (prefix ? strncmp(r->id, v->only, n - 1) != 0 : strcmp(r->id, v->only) != 0) return 0;
    }
    if (r->sentence_flag == 0) { printf("skip %s (sentence=\"false\")\n", r->id); v->skipped++; return 0; }
    if (!category_included(v, r->category)) {
        printf("skip %s (category %s not in <Include>)\n", r->id, r->category);
        v->skipped++;
        return 0;
    }
    if (!v->coder) {
        /* no <Environment>: fall back to the validation dictionaries' usual names */
        ent_petr_env env = {"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt",
                            "PETR.Validate.discards.txt", NULL, 0, NULL};
        if (on_env(&env, v)) return 1;
    }
    const char *got_error = NULL;
    v->events = NULL;
    if (ent_code_record(v->coder, r, v->raw, on_coded, v, v->diag) != ENT_OK) {
        got_error = "bad_input_parse";
        if (v->verbose) cli_print_diag(v->diag);
    } else {
        ent_code_result res = v->result;
        if (res == ENT_DISCARD_STORY) got_error = "storydiscard";
        else if (res == ENT_DISCARD_SENTENCE) got_error = "sentencediscard";
        else if (res == ENT_SKIPPED) got_error = ent_coder_error(v->coder);
    }
    ent_diag_clear(v->diag);
    int ok;
    if (r->error) ok = got_error && strcmp(got_error, r->error) == 0;
    else if (got_error) ok = 0;
    else if (r->noevents) ok = ent_events_count(v->events) == 0;
    else ok = events_match(r, v->events);
    if (ok) {
        printf("ok %s\n", r->id);
        v->passed++;
    } else {
        printf("FAIL %s expected=", r->id);
        if (r->error) printf("error:%s", r->error);
        else if (r->noevents) printf("[]");
        else print_list_expected(r);
        printf(" got=");
        if (got_error) printf("error:%s", got_error);
        else print_list_events(v->events);
        putchar('\n');
        print_options(&v->opts);
        v->failed++;
    }
    if (v->verbose && !got_error) {
        for (size_t i = 0; i < ent_events_count(v->events); i++) {
            const ent_event *e = ent_events_get(v->events, i);
            printf("    %s %s %s  source=\"%s\" target=\"%s\" verb=\"%s\"\n", e->source, e->target, e->code,
                   e->source_text ? e->source_text : "", e->target_text ? e->target_text : "",
                   e->verb_text ? e->verb_text : "");
        }
    }
    return 0;
}

/* code_record with the record's id and category as printable text (control characters
 * from the file shown as \u00XX, never sent raw to the terminal). */
static int on_record(const ent_petr_record *r, void *user) {
    ent_petr_record shown = *r;
    char *id = ent_str_visible(r->id, 0), *category = ent_str_visible(r->category, 0);
    shown.id = id;
    shown.category = category;
    int rc = code_record(&shown, user);
    free(id);
    free(category);
    return rc;
}

static const char *default_dict_dir(const char *xml, char *buf, size_t n) {
    char *copy = strdup(xml);
    const char *dir = dirname(copy);
    snprintf(buf, n, "%s/../dictionaries", dir);
    if (!file_exists(buf)) snprintf(buf, n, "%s", dir);
    free(copy);
    return buf;
}

int cmd_validate(int argc, char **argv) {
    validate_ctx v;
    memset(&v, 0, sizeof v);
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--dicts") && i + 1 < argc) v.dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--raw")) v.raw = 1;
        else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) v.verbose = 1;
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) v.only = argv[++i];
        else if (!strcmp(argv[i], "--set") && i + 1 < argc) {
            if (v.nsets >= 16) return cli_usage_error("validate: too many --set options");
            const char *sv = argv[++i], *eq = strchr(sv, '=');
            char opt[128];
            if (!eq || (size_t)(eq - sv) >= sizeof opt)
                return cli_usage_error("validate: --set expects OPTION=VALUE, got '%s'", sv);
            memcpy(opt, sv, (size_t)(eq - sv));
            opt[eq - sv] = 0;
            ent_coder_options probe;
            ent_coder_options_default(&probe);
            ent_diag *pd = ent_diag_new();
            ent_status ps = ent_coder_options_apply(&probe, opt, eq + 1, pd);
            if (ps != ENT_OK) {
                cli_print_diag(pd);
                ent_diag_free(pd);
                return 2;
            }
            ent_diag_free(pd);
            v.sets[v.nsets++] = sv;
        }
        else if (!strcmp(argv[i], "--help")) {
            printf("usage: entente validate FILE.xml [--dicts DIR] [--raw] [--only ID|PREFIX*] [--set OPT=VAL] [-v]\n"
                   "  Codes each PETRARCH validation record (from its <Parse>, or with --raw from its\n"
                   "  <Text> through entente's own tagger) with the dictionaries its <Environment>\n"
                   "  names, found in DIR (default: ../dictionaries beside FILE, else FILE's folder).\n"
                   "  --set OPT=VAL overrides a coder option (require_dyad, new_actor_length, comma_*).\n");
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error("validate: unknown option '%s'", argv[i]);
        else if (!file) file = argv[i];
        else return cli_usage_error("validate: more than one input file");
    }
    if (!file) return cli_usage_error("validate: no input file (try 'entente validate --help')");
    if (!file_exists(file)) return cli_usage_error("validate: %s: no such file", file);
    char dirbuf[4096];
    if (!v.dict_dir) v.dict_dir = default_dict_dir(file, dirbuf, sizeof dirbuf);
    v.diag = ent_diag_new();
    ent_coder_options_default(&v.opts);
    /* the reader's own messages (malformed or truncated records, XML faults) go out as
     * they happen, in file order; per-record coding messages use v.diag */
    ent_diag *reader_diag = ent_diag_new();
    fflush(stdout);
    ent_diag_set_stream(reader_diag, stderr);
    ent_status st = ent_petrxml_read(file, on_env, on_record, &v, reader_diag);
    size_t reader_errors = ent_diag_errors(reader_diag);
    ent_diag_free(reader_diag);
    int total = v.passed + v.failed;
    if (total) fprintf(stderr, "validate: %d of %d records coded correctly (%.1f%%), %d skipped\n", v.passed, total,
                       100.0 * v.passed / total, v.skipped);
    printf("%d passed, %d failed\n", v.passed, v.failed);
    ent_coder_free(v.coder);
    ent_dicts_free(v.dicts);
    ent_diag_free(v.diag);
    if (v.fatal || st != ENT_OK || reader_errors) return 1;
    return v.failed ? 1 : 0;
}

/* cmd_query.c — 'entente query --db URI': events from the store filtered by actor, dyad,
 * code, root, quad class and date range, or aggregated per day/week/month (counts per
 * quad class, Goldstein sums) overall, per actor or per dyad; CSV or JSON lines out. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void query_usage(FILE *f) {
    fprintf(f,
            "usage: entente query --db URI [filters] [--agg day|week|month|all [--by actor|dyad]]\n"
            "filters:\n"
            "  --actor A        events with A as source or target ('USA*' matches by prefix)\n"
            "  --source A, --target B\n"
            "  --dyad A,B       events between A and B, either direction\n"
            "  --code C         CAMEO code ('04*' by prefix)   --root R   --quad 1..4\n"
            "  --from DATE --to DATE   inclusive, YYYY-MM-DD (or YYYYMMDD, YYYY-MM, YYYY)\n"
            "  --story ID       --search WORDS   events whose sentence holds every word\n"
            "output:\n"
            "  --format csv|jsonl (default csv)   --limit N --offset N (events)   --count\n"
            "  --limit N with --agg: the N rows with most events, most first\n"
            "  --dyadic         only events with both a source and a target\n"
            "  --after CURSOR   events after a keyset cursor (printed by --cursor for the last row)\n"
            "  --cursor         after the events, print the cursor of the last one to stderr\n"
            "  --check          compare the rollup tables with a recount of the events\n"
            "  --sort asc|desc  events oldest (default) or newest first\n");
}

/* RFC 4180 text cell, formula injection neutralised (ent_write_csv_field). */
static void csv_field(FILE *out, const char *s, int last) { ent_write_csv_field(out, s, last); }

static void fmt_date(char out[16], long d) {
    if (d > 0) snprintf(out, 16, "%04ld-%02ld-%02ld", d / 10000 % 10000, d / 100 % 100, d % 100);
    else out[0] = 0;
}

typedef struct qout { int jsonl; long n; } qout;

static int print_event(const ent_event_context *c, const ent_event *e, void *user) {
    qout *q = user;
    q->n++;
    if (q->jsonl) return ent_write_event(stdout, ENT_FORMAT_JSONL, c, e) != 0; /* a failed write stops the query */
    char date[16], num[64], sid[32];
    fmt_date(date, c->date);
    const char *sentence_id = c->sentence_id;
    if (!sentence_id) { snprintf(sid, sizeof sid, "%ld", c->sentence_index); sentence_id = sid; }
    csv_field(stdout, c->story_id, 0);
    csv_field(stdout, sentence_id, 0);
    csv_field(stdout, date, 0);
    csv_field(stdout, e->source, 0);
    csv_field(stdout, e->target, 0);
    csv_field(stdout, e->code, 0);
    csv_field(stdout, e->root, 0);
    snprintf(num, sizeof num, "%d", e->quad);
    csv_field(stdout, num, 0);
    printf("%.1f,", e->goldstein);              /* a number: not neutralised ("-2.0" stays) */
    csv_field(stdout, e->plover, 0);
    csv_field(stdout, e->source_text, 0);
    csv_field(stdout, e->target_text, 0);
    csv_field(stdout, e->verb_text, 0);
    csv_field(stdout, c->sentence_text, 0);
    csv_field(stdout, c->title, 0);
    csv_field(stdout, c->url, 0);
    csv_field(stdout, c->publisher, 1);
    return ferror(stdout) != 0;
}

typedef struct aout { int jsonl; ent_group group; } aout;

/* v in decimal and a comma at p (at most 21 bytes); returns the end. */
static char *put_long(char *p, long v) {
    char d[24];
    int n = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do d[n++] = (char)('0' + u % 10); while ((u /= 10));
    if (v < 0) *p++ = '-';
    while (n) *p++ = d[--n];
    *p++ = ',';
    return p;
}

static int print_agg(const ent_store_agg *r, void *user) {
    aout *a = user;
    if (a->jsonl) {
        json_t *o = json_object();
        json_object_set_new(o, "period", json_string(r->period));
        if (a->group == ENT_GROUP_ACTOR) json_object_set_new(o, "actor", json_string(r->a));
        if (a->group == ENT_GROUP_DYAD) {
            json_object_set_new(o, "source", json_string(r->a));
            json_object_set_new(o, "target", json_string(r->b));
        }
        json_object_set_new(o, "events", json_integer(r->events));
        json_object_set_new(o, "verbal_coop", json_integer(r->quad[1]));
        json_object_set_new(o, "material_coop", json_integer(r->quad[2]));
        json_object_set_new(o, "verbal_conflict", json_integer(r->quad[3]));
        json_object_set_new(o, "material_conflict", json_integer(r->quad[4]));
        json_object_set_new(o, "goldstein", r->goldstein == r->goldstein ? json_real(r->goldstein) : json_null());
        char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
        if (s) { puts(s); free(s); }
        json_decref(o);
        return ferror(stdout) != 0;
    }
    csv_field(stdout, r->period, 0);
    if (a->group == ENT_GROUP_ACTOR) csv_field(stdout, r->a, 0);
    if (a->group == ENT_GROUP_DYAD) { csv_field(stdout, r->a, 0); csv_field(stdout, r->b, 0); }
    /* the five counts by hand, the mean by printf: a year of month x dyad is 143k lines at
     * 1M events, and six printf conversions a line were a third of the command's CPU */
    char line[160], *p = line;
    p = put_long(p, r->events);
    for (int k = 1; k <= 4; k++) p = put_long(p, r->quad[k]);
    snprintf(p, (size_t)(line + sizeof line - p), "%.1f\n", r->goldstein);
    fputs(line, stdout);
    return ferror(stdout) != 0;
}

static int parse_long(const char *s, long lo, long hi, long *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) return 0;
    *out = v;
    return 1;
}

int cmd_query(int argc, char **argv) {
    const char *uri = getenv("ENTENTE_DB");
    ent_store_filter f = {0};
    const char *agg = NULL, *by = NULL;
    int jsonl = 0, count_only = 0, check = 0, want_cursor = 0;
    char dyad[512];
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--help") || !strcmp(o, "-h")) { query_usage(stdout); return 0; }
        if (!strcmp(o, "--count")) { count_only = 1; continue; }
        if (!strcmp(o, "--check")) { check = 1; continue; }
        if (!strcmp(o, "--dyadic")) { f.dyadic = 1; continue; }
        if (!strcmp(o, "--cursor")) { want_cursor = 1; continue; }
        if (o[0] != '-' || o[1] != '-') { query_usage(stderr); return cli_usage_error("query: unexpected argument '%s'", o); }
        if (i + 1 >= argc) return cli_usage_error("query: %s needs a value", o);
        const char *v = argv[++i];
        long n;
        if (!strcmp(o, "--db")) uri = v;
        else if (!strcmp(o, "--actor")) f.actor = v;
        else if (!strcmp(o, "--source")) f.source = v;
        else if (!strcmp(o, "--target")) f.target = v;
        else if (!strcmp(o, "--code")) f.code = v;
        else if (!strcmp(o, "--root")) f.root = v;
        else if (!strcmp(o, "--story")) f.story_id = v;
        else if (!strcmp(o, "--after")) f.after = v;
        else if (!strcmp(o, "--search")) f.text = v;
        else if (!strcmp(o, "--sort")) {
            if (strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0) return cli_usage_error("query: --sort expects asc or desc, got '%s'", v);
            f.newest_first = !strcmp(v, "desc");
        } else if (!strcmp(o, "--dyad")) {
            const char *comma = strchr(v, ',');
            if (!comma || comma == v || !comma[1] || strlen(v) >= sizeof dyad)
                return cli_usage_error("query: --dyad expects two actor codes 'A,B', got '%s'", v);
            strcpy(dyad, v);
            dyad[comma - v] = 0;
            f.dyad_a = dyad;
            f.dyad_b = dyad + (comma - v) + 1;
        } else if (!strcmp(o, "--quad")) {
            if (!parse_long(v, 1, 4, &n)) return cli_usage_error("query: --quad expects 1, 2, 3 or 4, got '%s'", v);
            f.quad = (int)n;
        } else if (!strcmp(o, "--from") || !strcmp(o, "--to")) {
            long d = ent_store_parse_date(v);
            if (!d) return cli_usage_error("query: %s expects a date YYYY-MM-DD, got '%s'", o, v);
            if (!strcmp(o, "--from")) f.date_from = d;
            else {
                /* "--to 2024-03" means through the end of March */
                if (strlen(v) == 7) d = d / 100 * 100 + 31;
                else if (strlen(v) == 4) d = d / 10000 * 10000 + 1231;
                f.date_to = d;
            }
        } else if (!strcmp(o, "--limit") || !strcmp(o, "--offset")) {
            if (!parse_long(v, 0, 1000000000L, &n)) return cli_usage_error("query: %s expects a number >= 0, got '%s'", o, v);
            if (!strcmp(o, "--limit")) f.limit = n; else f.offset = n;
        } else if (!strcmp(o, "--format")) {
            if (!strcmp(v, "csv")) jsonl = 0;
            else if (!strcmp(v, "jsonl")) jsonl = 1;
            else return cli_usage_error("query: --format expects csv or jsonl, got '%s'", v);
        } else if (!strcmp(o, "--agg")) agg = v;
        else if (!strcmp(o, "--by")) by = v;
        else { query_usage(stderr); return cli_usage_error("query: unknown option '%s'", o); }
    }
    if (!uri || !*uri) { query_usage(stderr); return cli_usage_error("query: --db is required"); }
    ent_period period = ENT_PERIOD_ALL;
    ent_group group = ENT_GROUP_NONE;
    if (agg) {
        if (!strcmp(agg, "day")) period = ENT_PERIOD_DAY;
        else if (!strcmp(agg, "week")) period = ENT_PERIOD_WEEK;
        else if (!strcmp(agg, "month")) period = ENT_PERIOD_MONTH;
        else if (!strcmp(agg, "all")) period = ENT_PERIOD_ALL;
        else return cli_usage_error("query: --agg expects day, week, month or all, got '%s'", agg);
    }
    if (by) {
        if (!agg) return cli_usage_error("query: --by needs --agg");
        if (!strcmp(by, "actor")) group = ENT_GROUP_ACTOR;
        else if (!strcmp(by, "dyad")) group = ENT_GROUP_DYAD;
        else return cli_usage_error("query: --by expects actor or dyad, got '%s'", by);
    }
    ent_store *st = cli_open_existing_store(uri, "query");
    if (!st) return 1;
    /* a search covers sentences loaded with --defer-fts too */
    if (f.text && cli_build_fts(st, "query")) {
        ent_store_close(st);
        return 1;
    }
    ent_status s;
    if (check) {
        long bad = 0;
        s = ent_store_check_rollups(st, &bad);
        if (s == ENT_OK) {
            printf("rollups: %ld rows differ from a recount of the events\n", bad);
            if (bad) { ent_store_close(st); return 1; }
        }
    } else if (count_only) {
        long total = 0;
        s = ent_store_query_events(st, &f, NULL, NULL, &total);
        if (s == ENT_OK) printf("%ld\n", total);
    } else if (agg) {
        if (!jsonl) {
            fputs("period,", stdout);
            if (group == ENT_GROUP_ACTOR) fputs("actor,", stdout);
            if (group == ENT_GROUP_DYAD) fputs("source,target,", stdout);
            fputs("events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein\n", stdout);
        }
        aout a = {jsonl, group};
        s = ent_store_aggregate(st, &f, period, group, print_agg, &a);
    } else {
        if (!jsonl)
            fputs("story_id,sentence_id,date,source,target,code,root,quad,goldstein,plover,source_text,"
                  "target_text,verb_text,sentence,title,url,publisher\n", stdout);
        qout q = {jsonl, 0};
        s = ent_store_query_events(st, &f, print_event, &q, NULL);
        if (s == ENT_OK && want_cursor) fprintf(stderr, "cursor: %s\n", ent_store_next_cursor(st));
    }
    /* every line written, or a clear message and status 1 (a full disk, /dev/full) */
    ent_diag *wd = ent_diag_new();
    int write_failed = ent_output_close(stdout, "standard output", wd) != 0;
    cli_print_diag(wd);
    ent_diag_free(wd);
    if (s != ENT_OK && !write_failed) fprintf(stderr, "entente: %s\n", ent_store_error(st));
    ent_store_close(st);
    return s == ENT_OK && !write_failed ? 0 : 1;
}

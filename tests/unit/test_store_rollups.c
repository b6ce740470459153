/* test_store_rollups.c — the rollup tables (schema version 5) against the events they sum.
 * Every aggregate, total and category count of a varied corpus is asked once as the API
 * asks it (answered from a rollup where one fits) and once with a code filter that
 * matches every event (which only the events table answers): the two must agree row for
 * row.  Then the events are deleted behind the store's back, and the aggregates the
 * explorer's main endpoints need must still come back unchanged: proof that they read
 * the rollups.  An old store (version 3 rollups) is migrated: rollups rebuilt from events. */
#include "test.h"
#include "entente.h"
#include "store/db.h"
#include "util/util.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A new empty store at /tmp/entente-rollups-TAG-PID.db (path: 256 bytes). */
static ent_store *fresh(char *path, const char *tag) {
    snprintf(path, 256, "/tmp/entente-rollups-%s-%d.db", tag, (int)getpid());
    ent_test_remove_sqlite(path);
    return ent_test_open_store(path);
}

/* Every rollup row equals a recount of the events. */
static void check_recount(ent_store *st) {
    long bad = -1;
    CHECK_INT(ent_store_check_rollups(st, &bad), ENT_OK);
    CHECK_INT(bad, 0);
}

/* A deterministic corpus: 240 stories of 1-4 events from 2023-11-20 to 2024-03-10 (and
 * some undated), actors with shared prefixes and '---', every quad class 0..4, roots and
 * PLOVER categories (some absent), Goldstein scores with one decimal. */
static void fill_stories(ent_store *st, int must_store);
static void fill(ent_store *st) { fill_stories(st, 1); }
/* must_store 0: a failure to store is expected (a batch written by a writer thread fails
 * at a later story's commit or flush), so results are not checked */
static void fill_stories(ent_store *st, int must_store) {
    static const char *const actors[] = {"ARNGOV", "ARNMIL", "GONGOV", "GONREB", "ROH", "MOR", "---"};
    static const struct { const char *code, *root, *plover; int quad; double g; } codes[] = {
        {"010", "01", "", 0, 0.0},          {"036", "03", "COOPERATE", 1, 4.0}, {"057", "05", "AGREE", 1, 8.0},
        {"070", "07", "AID", 2, 7.0},        {"111", "11", "DISAPPROVE", 3, -2.1}, {"112", "11", "ACCUSE", 3, -2.0},
        {"190", "19", "ATTACK", 4, -10.0},   {"173", "17", "COERCE", 4, -5.3},  {"999", "", "", 0, 0.0}};
    static const long days[] = {20231120, 20231130, 20231201, 20231231, 20240101, 20240102, 20240131,
                                20240201, 20240229, 20240301, 20240310, 0};
    unsigned seed = 7;
    char id[32];
    for (int s = 0; s < 240; s++) {
        seed = seed * 1103515245u + 12345u;
        long date = days[(seed >> 8) % 12];
        snprintf(id, sizeof id, "r%03d", s);
        ent_story_meta m = {id, date, "wire", "t", NULL, 0};
        ent_status bs = ent_store_begin_story(st, &m);
        if (must_store) CHECK_INT(bs, ENT_OK);
        int n = 1 + (int)((seed >> 12) % 4);
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *src = actors[(seed >> 5) % 6], *tgt = actors[(seed >> 9) % 7];
            int c = (int)((seed >> 14) % 9);
            ent_event e = {0};
            e.source = src; e.target = tgt; e.code = codes[c].code; e.root = codes[c].root;
            e.plover = codes[c].plover; e.quad = codes[c].quad; e.goldstein = codes[c].g;
            e.source_text = src; e.target_text = tgt; e.verb_text = "met";
            ent_event_context ctx = {id, i, NULL, date, "Arnor met Gondor.", {0, 17}, NULL, NULL, NULL};
            ent_status as = ent_store_add_event(st, &ctx, &e);
            if (must_store) CHECK_INT(as, ENT_OK);
        }
        ent_status cs = ent_store_commit_story(st);
        if (must_store) CHECK_INT(cs, ENT_OK);
    }
}

typedef struct { ent_buf b; long rows; } text;
static int agg_text(const ent_store_agg *r, void *u) {
    text *t = u;
    ent_buf_printf(&t->b, "%s|%s|%s|%ld|%ld/%ld/%ld/%ld/%ld|%.3f\n", r->period, r->a ? r->a : "", r->b ? r->b : "", r->events,
                   r->quad[0], r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->goldstein);
    t->rows++;
    return 0;
}
static int cat_text(const char *root, const char *plover, int quad, long n, void *u) {
    text *t = u;
    ent_buf_printf(&t->b, "%s|%s|%d|%ld\n", root, plover, quad, n);
    t->rows++;
    return 0;
}

/* Everything asked of filter f, as one text: aggregates at every period and grouping, with
 * and without a top-3 limit, the category counts and the total. */
static char *ask(ent_store *st, ent_store_filter f) {
    text t = {0};
    ent_buf_init(&t.b);
    for (int p = ENT_PERIOD_DAY; p <= ENT_PERIOD_ALL; p++)
        for (int g = ENT_GROUP_NONE; g <= ENT_GROUP_DYAD; g++)
            for (int lim = 0; lim <= 3; lim += 3) {
                f.limit = lim;
                ent_buf_printf(&t.b, "# %d %d %d\n", p, g, lim);
                if (ent_store_aggregate(st, &f, (ent_period)p, (ent_group)g, agg_text, &t) != ENT_OK)
                    ent_buf_printf(&t.b, "error %s\n", ent_store_error(st));
            }
    f.limit = 0;
    ent_buf_puts(&t.b, "# counts\n");
    if (ent_store_category_counts(st, &f, cat_text, &t) != ENT_OK) ent_buf_printf(&t.b, "error %s\n", ent_store_error(st));
    long total = -1;
    if (ent_store_query_events(st, &f, NULL, NULL, &total) != ENT_OK) ent_buf_printf(&t.b, "error %s\n", ent_store_error(st));
    ent_buf_printf(&t.b, "# total %ld\n", total);
    return t.b.data;
}

typedef struct { const char *actor, *source, *target, *dyad_a, *dyad_b, *root; int quad, dyadic; long from, to; } spec;

static ent_store_filter filter_of(const spec *s) {
    ent_store_filter f = {0};
    f.actor = s->actor; f.source = s->source; f.target = s->target; f.dyad_a = s->dyad_a; f.dyad_b = s->dyad_b;
    f.root = s->root; f.quad = s->quad; f.dyadic = s->dyadic; f.date_from = s->from; f.date_to = s->to;
    return f;
}

static const spec SPECS[] = {
    {0},
    {.actor = "GONGOV"},
    {.actor = "ARN*"},
    {.source = "ARNGOV"},
    {.target = "GON*"},
    {.dyad_a = "ARNGOV", .dyad_b = "GONGOV"},
    {.dyadic = 1},
    {.root = "11"},
    {.root = "11", .actor = "ROH"},
    {.quad = 1},
    {.quad = 4, .actor = "MOR"},
    {.quad = 3, .dyadic = 1},
    {.from = 20231201, .to = 20240229},              /* whole months */
    {.from = 20231201, .to = 20240229, .actor = "ARNMIL"},
    {.from = 20231215, .to = 20240215},              /* not month-aligned */
    {.from = 20231215, .actor = "GONREB", .quad = 2},
    {.to = 20231231, .dyadic = 1, .quad = 4},
    {.from = 20240101, .root = "19"},
    /* dates off the months' edges: whole months from the rollup, the edge days from events */
    {.to = 20240215, .dyadic = 1},                   /* open start */
    {.from = 20231215, .quad = 3},                   /* open end */
    {.from = 20231201, .to = 20240215, .dyadic = 1, .quad = 1},
    {.from = 20231121, .to = 20240302},              /* two whole months, edges on both sides */
    {.from = 20240105, .to = 20240220},              /* no whole month inside */
};
#define NSPECS (sizeof SPECS / sizeof SPECS[0])

TEST(store_rollups_agree_with_events) {
    char path[256];
    ent_store *st = fresh(path, "a");
    if (!st) { CHECK(0); return; }
    ent_store_set_batch(st, 50); /* several stories per transaction */
    fill(st);
    CHECK_INT(ent_store_flush(st), ENT_OK);
    check_recount(st);
    char *before[NSPECS];
    for (size_t i = 0; i < NSPECS; i++) {
        ent_store_filter f = filter_of(&SPECS[i]);
        char *fast = ask(st, f);
        f.code = "*"; /* every event, but only the events table can say so */
        char *slow = ask(st, f);
        if (strcmp(fast, slow) != 0) {
            /* the first differing line of each */
            size_t k = 0, line = 0;
            while (fast[k] && fast[k] == slow[k]) { if (fast[k] == '\n') line = k + 1; k++; }
            printf("  filter %zu: rollups and events differ at\n  rollups: %.120s\n  events:  %.120s\n", i, fast + line,
                   slow + line);
            CHECK(0);
        }
        CHECK(strstr(fast, "error") == NULL);
        free(slow);
        before[i] = fast;
    }
    ent_store_close(st);

    /* the events gone (rollups untouched): what the explorer's aggregate endpoints ask
     * must still be answered, the same */
    sqlite3 *raw = NULL;
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw, "DELETE FROM events", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    st = ent_test_open_store(path);
    if (!st) { CHECK(0); for (size_t i = 0; i < NSPECS; i++) free(before[i]); return; }
    static const struct { int spec; ent_period p; ent_group g; } rollup_only[] = {
        {0, ENT_PERIOD_DAY, ENT_GROUP_NONE},  {0, ENT_PERIOD_WEEK, ENT_GROUP_NONE}, {0, ENT_PERIOD_MONTH, ENT_GROUP_NONE},
        {1, ENT_PERIOD_DAY, ENT_GROUP_NONE},  {1, ENT_PERIOD_WEEK, ENT_GROUP_NONE}, {1, ENT_PERIOD_MONTH, ENT_GROUP_NONE},
        {0, ENT_PERIOD_ALL, ENT_GROUP_ACTOR}, {6, ENT_PERIOD_ALL, ENT_GROUP_DYAD},  {12, ENT_PERIOD_ALL, ENT_GROUP_ACTOR},
        {12, ENT_PERIOD_ALL, ENT_GROUP_DYAD}, {0, ENT_PERIOD_MONTH, ENT_GROUP_ACTOR}, {0, ENT_PERIOD_MONTH, ENT_GROUP_DYAD},
        {7, ENT_PERIOD_WEEK, ENT_GROUP_NONE}, {9, ENT_PERIOD_ALL, ENT_GROUP_DYAD},  {2, ENT_PERIOD_ALL, ENT_GROUP_NONE},
        {14, ENT_PERIOD_DAY, ENT_GROUP_ACTOR}, {10, ENT_PERIOD_WEEK, ENT_GROUP_NONE},
    };
    for (size_t i = 0; i < sizeof rollup_only / sizeof rollup_only[0]; i++) {
        ent_store_filter f = filter_of(&SPECS[rollup_only[i].spec]);
        text t = {0};
        ent_buf_init(&t.b);
        ent_buf_printf(&t.b, "# %d %d %d\n", (int)rollup_only[i].p, (int)rollup_only[i].g, 0);
        CHECK_INT(ent_store_aggregate(st, &f, rollup_only[i].p, rollup_only[i].g, agg_text, &t), ENT_OK);
        CHECK(t.rows > 0);
        if (!strstr(before[rollup_only[i].spec], t.b.data)) {
            printf("  spec %d period %d group %d: not answered from the rollups:\n%.600s\n", rollup_only[i].spec,
                   (int)rollup_only[i].p, (int)rollup_only[i].g, t.b.data);
            CHECK(0);
        }
        ent_buf_free(&t.b);
    }
    /* counts by category: unfiltered and for one actor; totals */
    static const int count_specs[] = {0, 1, 7, 12};
    for (size_t i = 0; i < sizeof count_specs / sizeof count_specs[0]; i++) {
        ent_store_filter f = filter_of(&SPECS[count_specs[i]]);
        text t = {0};
        ent_buf_init(&t.b);
        ent_buf_puts(&t.b, "# counts\n");
        CHECK_INT(ent_store_category_counts(st, &f, cat_text, &t), ENT_OK);
        long total = -1;
        CHECK_INT(ent_store_query_events(st, &f, NULL, NULL, &total), ENT_OK);
        ent_buf_printf(&t.b, "# total %ld\n", total);
        CHECK(t.rows > 0 && strstr(before[count_specs[i]], t.b.data) != NULL);
        ent_buf_free(&t.b);
    }
    /* and a filter only the events answer now finds nothing */
    ent_store_filter f = {0};
    f.code = "*";
    long total = -1;
    CHECK_INT(ent_store_query_events(st, &f, NULL, NULL, &total), ENT_OK);
    CHECK_INT(total, 0);
    for (size_t i = 0; i < NSPECS; i++) free(before[i]);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

/* Replacing stored stories subtracts their rollups: keys left without events disappear. */
TEST(store_rollups_replace) {
    char path[256];
    ent_store *st = fresh(path, "r");
    if (!st) { CHECK(0); return; }
    fill(st);
    fill(st); /* the same 240 stories again: each replaces its stored copy */
    check_recount(st);
    ent_story_meta m = {"r001", 20240101, "wire", "t", NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK); /* r001 now has no events */
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    check_recount(st);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

/* One number from a store's file, through a connection of its own (-1: the query failed). */
static long sql_long(const char *path, const char *sql) {
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    long n = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(q, 0);
    else printf("  %s: %s\n", sql, sqlite3_errmsg(db));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return n;
}

/* SQL run on the store's file through a connection of its own. */
static void sql_run(const char *path, const char *sql) {
    sqlite3 *db = NULL;
    char *err = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) { printf("  %s: %s\n", sql, err); CHECK(0); }
    sqlite3_free(err);
    sqlite3_close(db);
}

/* Records, in merge_log, how many events the writer's connection sees each time a key is
 * added to rollup_series: merged only at a transaction's end, as many distinct counts as
 * commits; merged inside it as well, more (the rows are those of its own transaction). */
#define MERGE_LOG "CREATE TABLE merge_log (events INTEGER);" \
    "CREATE TRIGGER merge_log AFTER INSERT ON rollup_series BEGIN INSERT INTO merge_log SELECT count(*) FROM events; END;"

/* A SQLite load with the writer thread whose transactions (at least 200 events, in chunks
 * of at least 50) merge their rollup sums and index their sentences every 40 events
 * (ent_store_set_merge), that is at each chunk: the same keys merged several times inside
 * one transaction sum right (rollups equal a recount, then again after every story is
 * stored once more, replacing its stored copy: keys brought down to zero inside a
 * transaction and added again), every sentence is in the full-text index, and the merges
 * did happen inside the transactions (merge_log: more distinct event counts than with
 * merging at the end only, which the same load with ent_store_set_merge(0) gives). */
TEST(store_rollups_merged_inside_transaction) {
    long distinct[2] = {0, 0};
    for (int mid = 0; mid < 2; mid++) {
        char path[256];
        ent_store *st = fresh(path, mid ? "mid" : "end");
        if (!st) { CHECK(0); return; }
        sql_run(path, MERGE_LOG);
        ent_store_set_batch(st, 200);
        ent_store_set_merge(st, mid ? 40 : 0);
        CHECK_INT(ent_store_set_writers(st, 2), ENT_OK);
        fill(st);
        CHECK_INT(ent_store_flush(st), ENT_OK);
        check_recount(st);
        long stories = 0, events = 0;
        ent_store_written(st, &stories, &events);
        CHECK_INT(stories, 240);
        distinct[mid] = sql_long(path, "SELECT count(DISTINCT events) FROM merge_log");
        fill(st); /* again: each story replaces its stored copy */
        CHECK_INT(ent_store_flush(st), ENT_OK);
        check_recount(st);
        ent_store_close(st);
        CHECK_INT(sql_long(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'gondor'"),
                  sql_long(path, "SELECT count(*) FROM sentences"));
        CHECK_INT(sql_long(path, "SELECT indexed_upto = (SELECT max(rowid) FROM sentences) FROM fts_state"), 1);
        ent_test_remove_sqlite(path);
    }
    CHECK(distinct[0] > 0);
    CHECK(distinct[1] > 2 * distinct[0]);
}

/* The writer thread's rollup sums come from one sorted run per chunk, merged at the end of
 * the transaction; keys are compared by a 7-byte prefix of each text column before the
 * rest.  Actor codes that share 7 or 8 bytes, differ only in their 8th byte or end exactly
 * there, and are not ASCII, spread over the chunks: every key is summed apart (rollups
 * equal a recount; loads in chunks of one event, four to a transaction, and in chunks of
 * 240 give the same per-actor totals as one thread). */
TEST(store_rollup_runs_keep_keys_apart) {
    static const char *const actors[] = {"IGOWSTN",  "IGOWSTNA", "IGOWSTNATMIL", "IGOWSTNAT", "IGOWSTNB",
                                         "ABCDEFGH", "ABCDEFGI", "ABCDEFG",      "\xc3\x89TATGOV", "\xc3\x89TAT", "---"};
    enum { NA = sizeof actors / sizeof *actors };
    ent_buf totals[3];
    for (int k = 0; k < 3; k++) {
        char path[256], tag[8];
        snprintf(tag, sizeof tag, "runs%d", k);
        ent_store *st = fresh(path, tag);
        if (!st) { CHECK(0); return; }
        if (k) {
            ent_store_set_batch(st, k == 1 ? 4 : 960); /* 4 chunks a transaction: of one event; of 240 */
            ent_store_set_merge(st, 0);
            CHECK_INT(ent_store_set_writers(st, 2), ENT_OK);
        }
        unsigned seed = 11;
        char id[32];
        for (int s = 0; s < 300; s++) {
            snprintf(id, sizeof id, "p%03d", s);
            ent_story_meta m = {id, 20240101 + s % 28, "wire", "t", NULL, 0};
            CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
            for (int i = 0; i < 3; i++) {
                seed = seed * 1103515245u + 12345u;
                ent_event e = {0};
                e.source = actors[(seed >> 5) % (NA - 1)];
                e.target = actors[(seed >> 11) % NA];
                e.code = "111"; e.root = "11"; e.plover = "DISAPPROVE"; e.quad = 3; e.goldstein = -2.0;
                e.source_text = e.source; e.target_text = e.target; e.verb_text = "criticised";
                ent_event_context ctx = {id, i, NULL, m.date, "One side criticised the other.", {0, 30}, NULL, NULL, NULL};
                CHECK_INT(ent_store_add_event(st, &ctx, &e), ENT_OK);
            }
            CHECK_INT(ent_store_commit_story(st), ENT_OK);
        }
        CHECK_INT(ent_store_flush(st), ENT_OK);
        check_recount(st);
        ent_store_close(st);
        text t = {0};
        ent_buf_init(&t.b);
        sqlite3 *d = NULL;
        sqlite3_stmt *q = NULL;
        if (sqlite3_open(path, &d) == SQLITE_OK &&
            sqlite3_prepare_v2(d, "SELECT actor, sum(events), sum(goldstein_milli) FROM rollup_actor_day GROUP BY actor ORDER BY actor",
                               -1, &q, NULL) == SQLITE_OK)
            while (sqlite3_step(q) == SQLITE_ROW)
                ent_buf_printf(&t.b, "%s %lld %lld\n", (const char *)sqlite3_column_text(q, 0), sqlite3_column_int64(q, 1),
                               sqlite3_column_int64(q, 2));
        sqlite3_finalize(q);
        sqlite3_close(d);
        totals[k] = t.b;
        ent_test_remove_sqlite(path);
    }
    CHECK(totals[0].data && strstr(totals[0].data, "IGOWSTNATMIL ") && strstr(totals[0].data, "ABCDEFGI "));
    CHECK_STR(totals[1].data ? totals[1].data : "", totals[0].data ? totals[0].data : "");
    CHECK_STR(totals[2].data ? totals[2].data : "", totals[0].data ? totals[0].data : "");
    for (int k = 0; k < 3; k++) ent_buf_free(&totals[k]);
}

/* A transaction that fails after rollup sums were merged inside it (every 40 events, as
 * above; a trigger refuses story r150's events, in the second transaction's third or
 * fourth chunk) is rolled back whole: the merges made inside it leave no trace (rollups
 * equal a recount of the events that stayed), none of its stories is stored, and the
 * transactions after it are written. */
TEST(store_rollups_merged_then_rolled_back) {
    char path[256];
    ent_store *st = fresh(path, "rb");
    if (!st) { CHECK(0); return; }
    sql_run(path, "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN new.story_id = 'r150'"
                  " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
    ent_store_set_batch(st, 200);
    ent_store_set_merge(st, 40);
    CHECK_INT(ent_store_set_writers(st, 2), ENT_OK);
    fill_stories(st, 0);
    ent_store_flush(st); /* the failure was reported at a later story's commit */
    ent_store_close(st);
    sql_run(path, "DROP TRIGGER refuse;");
    st = ent_test_open_store(path);
    if (!st) { CHECK(0); return; }
    check_recount(st);
    ent_store_close(st);
    long stored = sql_long(path, "SELECT count(DISTINCT story_id) FROM events");

    CHECK_INT(sql_long(path, "SELECT count(*) FROM events WHERE story_id = 'r150'"), 0);
    CHECK(stored > 100 && stored < 200);           /* a whole transaction lost, the others stored */
    CHECK_INT(sql_long(path, "SELECT count(*) FROM events WHERE story_id = 'r239'") > 0, 1); /* after it */
    /* the lost stories are one run in the order written (r150's transaction: the chunks
     * after the failed one were refused, not committed in a transaction of their own) of
     * at least the 200 events of a transaction; counted in a store of every story */
    char all_path[256];
    ent_store *all = fresh(all_path, "rball");
    if (!all) { CHECK(0); return; }
    fill(all);
    CHECK_INT(ent_store_flush(all), ENT_OK);
    ent_store_close(all);
    char sql[600];
    snprintf(sql, sizeof sql, "ATTACH '%s' AS rb; CREATE TABLE lost AS SELECT rowid AS n, story_id FROM stories"
             " WHERE story_id NOT IN (SELECT story_id FROM rb.stories)", path);
    sql_run(all_path, sql);
    CHECK_INT(sql_long(all_path, "SELECT count(*) FROM lost"), sql_long(all_path, "SELECT 1 + max(n) - min(n) FROM lost"));
    CHECK(sql_long(all_path, "SELECT count(*) FROM events WHERE story_id IN (SELECT story_id FROM lost)") >= 200);
    ent_test_remove_sqlite(all_path);
    ent_test_remove_sqlite(path);
}

/* A store of schema version 3 (rollups with quad as a key, no actor-day, dyad-month or
 * PLOVER rollups, stale counts) is migrated on open: the rollups are rebuilt from its
 * events and equal a recount; the aggregates read them. */
TEST(store_rollups_migrate_from_v3) {
    char path[256];
    ent_store *st = fresh(path, "v3");
    if (!st) { CHECK(0); return; }
    fill(st);
    ent_store_filter none = {0};
    char *want = ask(st, none);
    ent_store_close(st);
    sqlite3 *raw = NULL;
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw,
        "DROP TABLE rollup_series; DROP TABLE rollup_actor_day; DROP TABLE rollup_actor_month; DROP TABLE rollup_dyad;"
        " DROP TABLE rollup_dyad_month; DROP TABLE rollup_actor;"
        "CREATE TABLE rollup_series (day INTEGER NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
        " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL, PRIMARY KEY (day, root, quad)) WITHOUT ROWID;"
        "CREATE TABLE rollup_actor_month (month INTEGER NOT NULL, actor TEXT NOT NULL, quad INTEGER NOT NULL,"
        " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL, PRIMARY KEY (month, actor, quad)) WITHOUT ROWID;"
        "CREATE TABLE rollup_dyad (source TEXT NOT NULL, target TEXT NOT NULL, quad INTEGER NOT NULL,"
        " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL, PRIMARY KEY (source, target, quad)) WITHOUT ROWID;"
        "CREATE TABLE rollup_actor (actor TEXT NOT NULL, quad INTEGER NOT NULL, events BIGINT NOT NULL,"
        " goldstein_milli BIGINT NOT NULL, PRIMARY KEY (actor, quad)) WITHOUT ROWID;"
        "CREATE INDEX rollup_actor_month_actor ON rollup_actor_month (actor, month);"
        "CREATE INDEX rollup_dyad_target ON rollup_dyad (target);"
        "INSERT INTO rollup_series VALUES (20240101, '11', 3, 999, 0);" /* stale: must not survive */
        "DROP TABLE fts_state;"   /* version 4's full-text watermark: a version 3 store has none */
        /* version 3's insert trigger (version 10 dropped it) */
        "CREATE TRIGGER sentences_fts_ai AFTER INSERT ON sentences BEGIN"
        " INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text); END;"
        "UPDATE schema_version SET version = 3;",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    st = ent_test_open_store(path);
    if (!st) { CHECK(0); free(want); return; }
    check_recount(st);
    char *got = ask(st, none);
    CHECK_STR(got, want);
    free(got);
    free(want);
    ent_store_close(st);
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    CHECK_INT(sqlite3_prepare_v2(raw, "SELECT version FROM schema_version", -1, &q, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(q), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), ent_store_schema_latest());
    sqlite3_finalize(q);
    sqlite3_close(raw);
    ent_test_remove_sqlite(path);
}

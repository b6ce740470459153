/* test_store.c — the event store on SQLite: story transactions (replace, rollback),
 * filters, aggregates, date parsing.  PostgreSQL is exercised by tests/scripts/store-pg.sh. */
#include "test.h"
#include "entente.h"

#include <stdlib.h>
#include <unistd.h>

static ent_store *open_tmp(char *path, size_t n) {
    snprintf(path, n, "/tmp/entente-store-test-%d-XXXXXX", (int)getpid());
    int fd = mkstemp(path);
    if (fd >= 0) close(fd);
    unlink(path);
    ent_diag *d = ent_diag_new();
    ent_store *st = NULL;
    ent_status s = ent_store_open(path, d, &st);
    if (s != ENT_OK) printf("  open %s: %s\n", path, ent_diag_message(d, 0));
    ent_diag_free(d);
    return st;
}

static ent_event mk(const char *src, const char *tgt, const char *code, int quad, double g) {
    ent_event e = {0};
    e.source = src; e.target = tgt; e.code = code;
    static char roots[16][3];
    static int k;
    char *r = roots[k++ & 15];
    r[0] = code[0]; r[1] = code[1]; r[2] = 0;
    e.root = r; e.quad = quad; e.goldstein = g; e.plover = "";
    e.source_text = src; e.target_text = tgt; e.verb_text = "met";
    return e;
}

static void put_story(ent_store *st, const char *id, long date, int n, const ent_event *evs) {
    ent_story_meta m = {id, date, "wire", "t", NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    for (int i = 0; i < n; i++) {
        ent_event_context c = {id, i, NULL, date, "Arnor met Gondor.", {0, 17}, NULL, NULL, NULL};
        CHECK_INT(ent_store_add_event(st, &c, &evs[i]), ENT_OK);
    }
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
}

typedef struct { int n; char codes[64][8]; double g; } seen;
static int collect(const ent_event_context *c, const ent_event *e, void *u) {
    seen *s = u;
    if (s->n < 64) snprintf(s->codes[s->n], 8, "%s", e->code);
    s->n++;
    s->g += e->goldstein;
    (void)c;
    return 0;
}

TEST(store_replace_and_rollback) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    CHECK(st != NULL);
    if (!st) return;
    CHECK_STR(ent_store_backend(st), "sqlite");
    ent_event a[3] = {mk("ARN", "GON", "057", 2, 8.0), mk("GON", "ARN", "190", 4, -10.0), mk("ARN", "MOR", "111", 3, -2.0)};
    put_story(st, "s1", 20240105, 3, a);
    put_story(st, "s1", 20240105, 1, a); /* re-coded: replaces, no duplicates */
    ent_store_counts c;
    CHECK_INT(ent_store_counts_get(st, &c), ENT_OK);
    CHECK_INT(c.stories, 1);
    CHECK_INT(c.events, 1);
    /* a story that is rolled back leaves the previous version intact */
    ent_story_meta m = {"s1", 20240105, NULL, NULL, NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    ent_event_context ctx = {"s1", 0, NULL, 20240105, "x", {0, 0}, NULL, NULL, NULL};
    CHECK_INT(ent_store_add_event(st, &ctx, &a[1]), ENT_OK);
    ent_store_rollback_story(st);
    CHECK_INT(ent_store_counts_get(st, &c), ENT_OK);
    CHECK_INT(c.events, 1);
    /* errors are values */
    CHECK_INT(ent_store_add_event(st, &ctx, &a[0]), ENT_ERR_INVALID);
    CHECK(strstr(ent_store_error(st), "no story") != NULL);
    ent_event bad = a[0];
    bad.code = "";
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    CHECK_INT(ent_store_add_event(st, &ctx, &bad), ENT_ERR_INVALID);
    ent_event_context other = {"s2", 0, NULL, 0, NULL, {0, 0}, NULL, NULL, NULL};
    CHECK_INT(ent_store_add_event(st, &other, &a[0]), ENT_ERR_INVALID);
    ent_store_rollback_story(st);
    ent_store_close(st);
    /* reopen: data persisted */
    ent_diag *d = ent_diag_new();
    CHECK_INT(ent_store_open(path, d, &st), ENT_OK);
    CHECK_INT(ent_store_counts_get(st, &c), ENT_OK);
    CHECK_INT(c.events, 1);
    CHECK_INT(c.actors, 3); /* the actor registry keeps every code seen (MOR from the first version) */
    /* append mode keeps the stored events and numbers new ones after them */
    ent_story_meta ap = {"s1", 20240105, NULL, NULL, NULL, 1};
    CHECK_INT(ent_store_begin_story(st, &ap), ENT_OK);
    CHECK_INT(ent_store_add_event(st, &ctx, &a[2]), ENT_OK);
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    CHECK_INT(ent_store_counts_get(st, &c), ENT_OK);
    CHECK_INT(c.events, 2);
    ent_store_close(st);
    ent_diag_free(d);
    ent_test_remove_sqlite(path);
}

TEST(store_filters) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    if (!st) { CHECK(0); return; }
    ent_event a[3] = {mk("ARNGOV", "GON", "057", 2, 8.0), mk("GON", "ARNGOV", "190", 4, -10.0), mk("ARNMIL", "MOR", "111", 3, -2.0)};
    ent_event b[2] = {mk("MOR", "GON", "036", 1, 4.0), mk("GON", "MOR", "0874", 2, 9.0)};
    put_story(st, "s1", 20240105, 3, a);
    put_story(st, "s2", 20240210, 2, b);
    seen s;
    long total = -1;
    ent_store_filter f = {0};
    memset(&s, 0, sizeof s);
    CHECK_INT(ent_store_query_events(st, &f, collect, &s, &total), ENT_OK);
    CHECK_INT(s.n, 5);
    CHECK_INT(total, 5);
    f.actor = "GON";
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, &total);
    CHECK_INT(s.n, 4);
    f.actor = "ARN*";
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, &total);
    CHECK_INT(s.n, 3);
    memset(&f, 0, sizeof f);
    f.dyad_a = "GON"; f.dyad_b = "ARNGOV";
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, NULL);
    CHECK_INT(s.n, 2);
    CHECK(s.g == -2.0);
    memset(&f, 0, sizeof f);
    f.quad = 2;
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, NULL);
    CHECK_INT(s.n, 2);
    memset(&f, 0, sizeof f);
    f.root = "08";
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, NULL);
    CHECK_INT(s.n, 1);
    CHECK_STR(s.codes[0], "0874");
    memset(&f, 0, sizeof f);
    f.date_from = 20240201;
    f.limit = 1; f.offset = 1;
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, &total);
    CHECK_INT(total, 2);
    CHECK_INT(s.n, 1);
    CHECK_STR(s.codes[0], "0874");
    memset(&f, 0, sizeof f);
    f.offset = 4; /* offset without limit */
    memset(&s, 0, sizeof s);
    ent_store_query_events(st, &f, collect, &s, NULL);
    CHECK_INT(s.n, 1);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

typedef struct { int n; char line[16][96]; } aggs;
static int agg_collect(const ent_store_agg *r, void *u) {
    aggs *a = u;
    if (a->n < 16)
        snprintf(a->line[a->n], 96, "%s %s %s %ld %ld/%ld/%ld/%ld %.1f", r->period, r->a ? r->a : "-", r->b ? r->b : "-",
                 r->events, r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->goldstein);
    a->n++;
    return 0;
}

TEST(store_aggregates) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    if (!st) { CHECK(0); return; }
    ent_event a[3] = {mk("ARN", "GON", "057", 2, 8.0), mk("GON", "ARN", "190", 4, -10.0), mk("ARN", "MOR", "111", 3, -2.0)};
    ent_event b[1] = {mk("ARN", "GON", "036", 1, 4.0)};
    put_story(st, "s1", 20210103, 3, a); /* Sunday: ISO week 2020-W53 */
    put_story(st, "s2", 20210104, 1, b); /* Monday: 2021-W01 */
    aggs r;
    memset(&r, 0, sizeof r);
    CHECK_INT(ent_store_aggregate(st, NULL, ENT_PERIOD_WEEK, ENT_GROUP_NONE, agg_collect, &r), ENT_OK);
    CHECK_INT(r.n, 2);
    CHECK_STR(r.line[0], "2020-W53 - - 3 0/1/1/1 -4.0");
    CHECK_STR(r.line[1], "2021-W01 - - 1 1/0/0/0 4.0");
    memset(&r, 0, sizeof r);
    ent_store_aggregate(st, NULL, ENT_PERIOD_MONTH, ENT_GROUP_ACTOR, agg_collect, &r);
    CHECK_INT(r.n, 3);
    CHECK_STR(r.line[0], "2021-01 ARN - 4 1/1/1/1 0.0");
    CHECK_STR(r.line[1], "2021-01 GON - 3 1/1/0/1 2.0");
    CHECK_STR(r.line[2], "2021-01 MOR - 1 0/0/1/0 -2.0");
    memset(&r, 0, sizeof r);
    ent_store_filter f = {0};
    f.dyad_a = "ARN"; f.dyad_b = "GON";
    ent_store_aggregate(st, &f, ENT_PERIOD_ALL, ENT_GROUP_DYAD, agg_collect, &r);
    CHECK_INT(r.n, 2);
    CHECK_STR(r.line[0], "all ARN GON 2 1/1/0/0 12.0");
    CHECK_STR(r.line[1], "all GON ARN 1 0/0/0/1 -10.0");
    memset(&r, 0, sizeof r);
    ent_store_aggregate(st, NULL, ENT_PERIOD_DAY, ENT_GROUP_NONE, agg_collect, &r);
    CHECK_INT(r.n, 2);
    CHECK_STR(r.line[0], "2021-01-03 - - 3 0/1/1/1 -4.0");
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

TEST(store_parse_date_and_open_errors) {
    CHECK_INT(ent_store_parse_date("2024-02-29"), 20240229);
    CHECK_INT(ent_store_parse_date("20240131"), 20240131);
    CHECK_INT(ent_store_parse_date("2024-03"), 20240301);
    CHECK_INT(ent_store_parse_date("2023"), 20230101);
    CHECK_INT(ent_store_parse_date("2023-02-29"), 0);
    CHECK_INT(ent_store_parse_date("2023-13-01"), 0);
    CHECK_INT(ent_store_parse_date("yesterday"), 0);
    CHECK_INT(ent_store_parse_date(""), 0);
    ent_diag *d = ent_diag_new();
    ent_store *st = (ent_store *)1;
    CHECK_INT(ent_store_open("/nonexistent-dir/x/y.db", d, &st), ENT_ERR_IO);
    CHECK(st == NULL);
    CHECK(ent_diag_errors(d) == 1);
    CHECK_INT(ent_store_open("", d, &st), ENT_ERR_INVALID);
    CHECK_INT(ent_store_open("postgresql://127.0.0.1:1/none?connect_timeout=2", d, &st), ENT_ERR_IO);
    CHECK(strstr(ent_diag_message(d, 2), "PostgreSQL") != NULL);
    ent_diag_free(d);
}

static int count_agg(const ent_store_agg *r, void *u) { (*(long *)u) += r->events; return 0; }

TEST(store_query_time_limit) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    if (!st) { CHECK(0); return; }
    ent_story_meta m = {"big", 20240101, NULL, NULL, NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    ent_event e = mk("ARN", "GON", "057", 2, 8.0);
    for (long i = 0; i < 20000; i++) {
        ent_event_context c = {"big", i / 4, NULL, 20240101 + i % 28, NULL, {0, 0}, NULL, NULL, NULL};
        if (ent_store_add_event(st, &c, &e) != ENT_OK) { CHECK(0); break; }
    }
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    long n = 0;
    CHECK_INT(ent_store_aggregate(st, NULL, ENT_PERIOD_DAY, ENT_GROUP_DYAD, count_agg, &n), ENT_OK);
    CHECK_INT(n, 20000);
    /* a 1 ms limit interrupts a scan of the events (a code filter: no rollup answers it),
     * as an error value */
    ent_store_filter f = {0};
    f.code = "05*";
    n = 0;
    CHECK_INT(ent_store_aggregate(st, &f, ENT_PERIOD_DAY, ENT_GROUP_DYAD, count_agg, &n), ENT_OK);
    CHECK_INT(n, 20000);
    ent_store_set_timeout(st, 1);
    n = 0;
    ent_status s = ent_store_aggregate(st, &f, ENT_PERIOD_DAY, ENT_GROUP_DYAD, count_agg, &n);
    CHECK_INT(s, ENT_ERR_IO);
    CHECK(strstr(ent_store_error(st), "interrupt") != NULL);
    CHECK_INT(ent_store_interrupted(st), 1);
    ent_store_set_timeout(st, 0);
    n = 0;
    CHECK_INT(ent_store_aggregate(st, NULL, ENT_PERIOD_ALL, ENT_GROUP_NONE, count_agg, &n), ENT_OK);
    CHECK_INT(n, 20000);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

#include <sqlite3.h>

/* A database written before schema versions (version 1 tables, no schema_version) is
 * migrated on open: its events get rollups that equal a recount; a database of a newer
 * version than this library is refused with a message. */
TEST(store_schema_migration) {
    char path[256];
    snprintf(path, sizeof path, "/tmp/entente-store-v1-%d.db", (int)getpid());
    ent_test_remove_sqlite(path);
    sqlite3 *raw = NULL;
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw,
        "CREATE TABLE stories (story_id TEXT PRIMARY KEY, date INTEGER, publisher TEXT, title TEXT, url TEXT);"
        "CREATE TABLE sentences (story_id TEXT NOT NULL REFERENCES stories(story_id), sentence_index INTEGER NOT NULL,"
        " sentence_id TEXT, date INTEGER, text TEXT, PRIMARY KEY (story_id, sentence_index));"
        "CREATE TABLE events (story_id TEXT NOT NULL REFERENCES stories(story_id), event_index INTEGER NOT NULL,"
        " sentence_index INTEGER NOT NULL, date INTEGER, source TEXT NOT NULL, target TEXT NOT NULL,"
        " code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein DOUBLE PRECISION, plover TEXT,"
        " source_text TEXT, target_text TEXT, verb_text TEXT, issues TEXT,"
        " sentence_start INTEGER, sentence_end INTEGER, source_start INTEGER, source_end INTEGER,"
        " target_start INTEGER, target_end INTEGER, verb_start INTEGER, verb_end INTEGER,"
        " PRIMARY KEY (story_id, event_index));"
        "CREATE TABLE actors (code TEXT PRIMARY KEY, text TEXT);"
        "INSERT INTO stories VALUES ('old', 20230105, NULL, NULL, NULL);"
        "INSERT INTO events (story_id, event_index, sentence_index, date, source, target, code, root, quad, goldstein)"
        " VALUES ('old', 0, 0, 20230105, 'ARNGOV', 'GONGOV', '057', '05', 2, 8.0),"
        " ('old', 1, 0, 20230105, 'GONGOV', 'ARNGOV', '111', '11', 3, -2.1),"
        " ('old', 2, 0, NULL, 'GONGOV', '---', '111', '11', 3, -2.1);",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    ent_diag *d = ent_diag_new();
    ent_store *st = NULL;
    CHECK_INT(ent_store_open(path, d, &st), ENT_OK);
    if (!st) { ent_diag_free(d); return; }
    long bad = -1;
    CHECK_INT(ent_store_check_rollups(st, &bad), ENT_OK);
    CHECK_INT(bad, 0);
    long n = 0;
    ent_store_filter f = {0};
    f.actor = "GON*";
    CHECK_INT(ent_store_aggregate(st, &f, ENT_PERIOD_MONTH, ENT_GROUP_NONE, count_agg, &n), ENT_OK);
    CHECK_INT(n, 3);
    long total = 0;
    CHECK_INT(ent_store_query_events(st, &f, NULL, NULL, &total), ENT_OK);
    CHECK_INT(total, 3);
    ent_store_close(st);
    /* a newer schema is refused */
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw, "UPDATE schema_version SET version = 999", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    CHECK_INT(ent_store_open(path, d, &st), ENT_ERR_UNSUPPORTED);
    CHECK(ent_diag_count(d) > 0 && strstr(ent_diag_message(d, ent_diag_count(d) - 1), "newer") != NULL);
    ent_diag_free(d);
    ent_test_remove_sqlite(path);
}

/* page size, from a raw connection */
static long raw_page_size(const char *path) {
    sqlite3 *raw = NULL;
    long ps = -1;
    sqlite3_stmt *q = NULL;
    if (sqlite3_open(path, &raw) == SQLITE_OK && sqlite3_prepare_v2(raw, "PRAGMA page_size", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        ps = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(raw);
    return ps;
}

/* A new store is made with 16 KiB pages; a store made before (4 KiB pages) keeps its
 * size and is read and written as before. */
TEST(store_sqlite_page_size) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    CHECK(st != NULL);
    ent_store_close(st);
    CHECK_INT(raw_page_size(path), 16384);
    ent_test_remove_sqlite(path);
    /* an older store: 4 KiB pages, already in WAL mode with a table in it */
    sqlite3 *raw = NULL;
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    CHECK_INT(sqlite3_exec(raw, "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE t (x)", NULL, NULL, NULL),
              SQLITE_OK);
    sqlite3_close(raw);
    st = ent_test_open_store(path);
    CHECK(st != NULL);
    if (st) {
        ent_event_context c = {0};
        ent_event e = {0};
        ent_story_meta m = {0};
        m.story_id = "p1";
        c.story_id = "p1";
        c.date = 20240105;
        e.source = "ARNGOV"; e.target = "GONGOV"; e.code = "057"; e.root = "05"; e.quad = 1; e.goldstein = 8.0;
        CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
        CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
        CHECK_INT(ent_store_commit_story(st), ENT_OK);
        CHECK_INT(ent_store_flush(st), ENT_OK);
        long total = 0;
        CHECK_INT(ent_store_query_events(st, NULL, NULL, NULL, &total), ENT_OK);
        CHECK_INT(total, 1);
        ent_store_close(st);
    }
    CHECK_INT(raw_page_size(path), 4096);
    ent_test_remove_sqlite(path);
}

typedef struct { int n; char keys[64][48]; } keys;
static int collect_key(const ent_event_context *c, const ent_event *e, void *u) {
    keys *k = u;
    if (k->n < 64) snprintf(k->keys[k->n], 48, "%ld/%s/%s/%s", c->date, c->story_id, e->source, e->code);
    k->n++;
    return 0;
}

/* Batched writes (many stories per transaction, a story met again inside a batch, an
 * appended story, a flush while a story is open): rollups equal a recount; keyset pages
 * give the same rows as one listing; prefix filters are ranges.  writers: through
 * ent_store_set_writers (on SQLite a writer thread taking chunks of one event, so a
 * transaction spans chunks and the appended story must wait for its commit). */
static void batches_keyset_prefix(int writers) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    if (!st) { CHECK(0); return; }
    ent_store_set_batch(st, 7);
    if (writers) CHECK_INT(ent_store_set_writers(st, writers), ENT_OK);
    ent_event evs[3] = {mk("ARNGOV", "GONGOV", "057", 2, 8.0), mk("ARNMIL", "ROH", "190", 4, -10.0),
                        mk("GONGOV", "---", "111", 3, -2.05)};
    put_story(st, "s1", 20240105, 3, evs);
    put_story(st, "s2", 20240106, 2, evs);
    put_story(st, "s1", 20240107, 1, evs + 1);   /* again in the same batch: replaces */
    put_story(st, "s3", 0, 3, evs);
    ent_story_meta m = {"s2", 20240106, NULL, NULL, NULL, 1};  /* append to s2 */
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    ent_event_context c = {"s2", 5, NULL, 20240301, "Gondor objected.", {0, 16}, NULL, NULL, NULL};
    CHECK_INT(ent_store_add_event(st, &c, &evs[2]), ENT_OK);
    CHECK_INT(ent_store_flush(st), ENT_OK);       /* the open story stays open */
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    put_story(st, "s4", 20240209, 3, evs);
    CHECK_INT(ent_store_flush(st), ENT_OK);
    long stories = 0, events = 0;
    ent_store_written(st, &stories, &events);
    CHECK_INT(events, 3 + 2 + 1 + 3 + 1 + 3);
    long bad = -1;
    CHECK_INT(ent_store_check_rollups(st, &bad), ENT_OK);
    CHECK_INT(bad, 0);
    long total = 0;
    CHECK_INT(ent_store_query_events(st, NULL, NULL, NULL, &total), ENT_OK);
    CHECK_INT(total, 1 + 3 + 3 + 3);
    /* keyset pages of 3 == one listing */
    keys all = {0}, paged = {0};
    CHECK_INT(ent_store_query_events(st, NULL, collect_key, &all, NULL), ENT_OK);
    ent_store_filter f = {0};
    f.limit = 3;
    char cur[512] = "";
    for (int page = 0; page < 10; page++) {
        f.after = cur[0] ? cur : NULL;
        int before = paged.n;
        CHECK_INT(ent_store_query_events(st, &f, collect_key, &paged, NULL), ENT_OK);
        if (paged.n == before) break;
        snprintf(cur, sizeof cur, "%s", ent_store_next_cursor(st));
    }
    CHECK_INT(paged.n, all.n);
    for (int i = 0; i < all.n && i < paged.n; i++) CHECK_STR(paged.keys[i], all.keys[i]);
    f.after = "garbage";
    CHECK_INT(ent_store_query_events(st, &f, collect_key, &paged, NULL), ENT_ERR_INVALID);
    /* prefix ranges: ARN* is ARNGOV and ARNMIL, not GONGOV */
    ent_store_filter p = {0};
    p.source = "ARN*";
    CHECK_INT(ent_store_query_events(st, &p, NULL, NULL, &total), ENT_OK);
    CHECK_INT(total, 1 + 2 + 2 + 2); /* s1 (its replacing copy): 1, s2: 2, s3: 2, s4: 2 */
    p.source = "ARNM*";
    CHECK_INT(ent_store_query_events(st, &p, NULL, NULL, &total), ENT_OK);
    CHECK_INT(total, 4);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}
TEST(store_batches_keyset_prefix) { batches_keyset_prefix(0); }
TEST(store_batches_writer_thread) { batches_keyset_prefix(2); }

typedef struct { int n; char rows[8][64]; } aggrows;
static int collect_agg(const ent_store_agg *r, void *u) {
    aggrows *a = u;
    if (a->n < 8) snprintf(a->rows[a->n], 64, "%s>%s:%ld:%.1f", r->a ? r->a : "", r->b ? r->b : "", r->events, r->goldstein);
    a->n++;
    return 0;
}

/* Aggregates with a limit keep the groups with most events, most first (ties in key
 * order), on the rollups and on the events path alike; dyadic drops events without a
 * target. */
TEST(store_aggregate_top_and_dyadic) {
    char path[256];
    ent_store *st = open_tmp(path, sizeof path);
    if (!st) { CHECK(0); return; }
    ent_event evs[4] = {mk("ARN", "GON", "057", 2, 8.0), mk("GON", "---", "111", 3, -2.0),
                        mk("GON", "---", "111", 3, -2.0), mk("ROH", "GON", "190", 4, -10.0)};
    put_story(st, "t1", 20240105, 4, evs);
    put_story(st, "t2", 20240210, 2, evs + 2);
    ent_store_filter f = {0};
    f.limit = 2;
    aggrows a = {0};
    CHECK_INT(ent_store_aggregate(st, &f, ENT_PERIOD_ALL, ENT_GROUP_DYAD, collect_agg, &a), ENT_OK);
    CHECK_INT(a.n, 2);
    CHECK_STR(a.rows[0], "GON>---:3:-6.0");
    CHECK_STR(a.rows[1], "ROH>GON:2:-20.0");
    f.dyadic = 1;
    memset(&a, 0, sizeof a);
    CHECK_INT(ent_store_aggregate(st, &f, ENT_PERIOD_ALL, ENT_GROUP_DYAD, collect_agg, &a), ENT_OK);
    CHECK_INT(a.n, 2);
    CHECK_STR(a.rows[0], "ROH>GON:2:-20.0");
    CHECK_STR(a.rows[1], "ARN>GON:1:8.0");
    /* the events path (a code filter) ranks the same way */
    f.code = "1*";
    f.limit = 1;
    f.dyadic = 0;
    memset(&a, 0, sizeof a);
    CHECK_INT(ent_store_aggregate(st, &f, ENT_PERIOD_ALL, ENT_GROUP_ACTOR, collect_agg, &a), ENT_OK);
    CHECK_INT(a.n, 1);
    CHECK_STR(a.rows[0], "GON>:5:-26.0");
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

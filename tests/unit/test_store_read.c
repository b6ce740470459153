/* test_store_read.c — what the store's read path relies on from SQLite.
 * 1. After a load, the planner statistics of each table agree on its row count: ANALYZE
 *    with analysis_limit estimates every index separately, and a WITHOUT ROWID rollup
 *    whose secondary index looked smaller than its key was read whole through that index
 *    (a key lookup per row; /api/network 4x slower at 1M events).  The corpus here is large
 *    enough that a sampled ANALYZE gives one table's indexes different counts (checked
 *    first, so the test keeps testing something), and the store's own close must leave
 *    them equal, with the top-dyads scan reading rollup_dyad by its key.
 * 2. SQLite's memory statistics are off once a store is open (with them on, every
 *    allocation of every connection takes one process-wide mutex: serve's readers slept on
 *    it).  Checked in a fresh process (this binary run again for this test alone), since an
 *    earlier test's own sqlite3_open would have set SQLite up first.
 * 3. A dyad's series by month (and a source's, or a dyad's over whole months) is read from
 *    rollup_dyad_month by seeks of its key month by month, and equals the same read from
 *    the events; shapes the rollup cannot answer (weeks, days, dates off the months' edges, a
 *    target alone, an actor filter) stay on the events.
 * 4. A read-only handle (serve's pool) reads the file through memory-mapped I/O: reading
 *    every event does not copy the file's pages into the process's heap (each of serve's
 *    handles filling a private page cache grew the threads' malloc arenas under the 20
 *    clients, every growth an mprotect holding the address-space lock: db.c). */
#include "test.h"
#include "entente.h"
#include "store/store_int.h"
#include "util/util.h"

#include <malloc.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* 12,000 events between 110 actors in stories of 3, over 90 days: about 7,000 dyads. */
static void fill(ent_store *st) {
    unsigned seed = 11;
    char id[32], src[8], tgt[8];
    for (int s = 0; s < 4000; s++) {
        seed = seed * 1103515245u + 12345u;
        long date = 20240101 + (long)((seed >> 8) % 28) + 100 * (long)((seed >> 16) % 3);
        snprintf(id, sizeof id, "p%05d", s);
        ent_story_meta m = {id, date, "wire", "t", NULL, 0};
        CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
        for (int i = 0; i < 3; i++) {
            seed = seed * 1103515245u + 12345u;
            snprintf(src, sizeof src, "A%03u", (seed >> 4) % 110);
            snprintf(tgt, sizeof tgt, "A%03u", (seed >> 14) % 110);
            ent_event e = {0};
            e.source = src; e.target = tgt; e.code = "042"; e.root = "04"; e.plover = "CONSULT"; e.quad = 1;
            e.goldstein = 1.9;
            ent_event_context ctx = {id, i, NULL, date, "A met B.", {0, 8}, NULL, NULL, NULL};
            CHECK_INT(ent_store_add_event(st, &ctx, &e), ENT_OK);
        }
        CHECK_INT(ent_store_commit_story(st), ENT_OK);
    }
}

/* A new store at /tmp/entente-read-<tag>-<pid>.db (path: 256 bytes) filled by fill(), open
 * for writing; NULL (a failed check) when it cannot be opened.  The caller closes it. */
static ent_store *filled_store(char *path, const char *tag) {
    snprintf(path, 256, "/tmp/entente-read-%s-%d.db", tag, (int)getpid());
    ent_test_remove_sqlite(path);
    ent_store *st = ent_test_open_store(path);
    if (!st) { CHECK(0); return NULL; }
    ent_store_set_batch(st, 3000);
    fill(st);
    return st;
}

typedef struct { char tbl[64]; long rows; int differ; int tables; } stat_scan;

/* Rows of sqlite_stat1 ordered by table: does any table have indexes with different row
 * counts? (single-number rows are tables without indexes) */
static int stat_row(void *u, int n, char **v, char **col) {
    (void)col;
    stat_scan *s = u;
    if (n < 2 || !v[0] || !v[1] || !strchr(v[1], ' ')) return 0;
    long rows = atol(v[1]);
    if (strcmp(s->tbl, v[0]) != 0) {
        snprintf(s->tbl, sizeof s->tbl, "%s", v[0]);
        s->rows = rows;
        s->tables++;
    } else if (rows != s->rows) {
        s->differ++;
    }
    return 0;
}

static stat_scan scan_stats(sqlite3 *db) {
    stat_scan s = {{0}, 0, 0, 0};
    CHECK_INT(sqlite3_exec(db, "SELECT tbl, stat FROM sqlite_stat1 WHERE idx IS NOT NULL ORDER BY tbl", stat_row, &s, NULL), SQLITE_OK);
    return s;
}

static int plan_row(void *u, int n, char **v, char **col) {
    (void)col;
    ent_buf *b = u;
    if (n >= 4 && v[3]) { ent_buf_puts(b, v[3]); ent_buf_putc(b, '\n'); }
    return 0;
}

TEST(store_read_stats_agree_after_load) {
    char path[256];
    ent_store *st = filled_store(path, "stats");
    if (!st) return;
    ent_store_close(st); /* ANALYZE after the load */
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    stat_scan s = scan_stats(db);
    CHECK(s.tables >= 6);
    if (s.differ) printf("  %d index(es) with another row count than their table's after the store's close\n", s.differ);
    CHECK_INT(s.differ, 0);
    /* the top dyads of all dates: rollup_dyad read by its key, not through rollup_dyad_target */
    ent_buf plan;
    ent_buf_init(&plan);
    CHECK_INT(sqlite3_exec(db, "EXPLAIN QUERY PLAN SELECT e.source, e.target FROM rollup_dyad e WHERE e.source <> '---'"
                           " AND e.target <> '---' ORDER BY e.events DESC, e.source, e.target LIMIT 400", plan_row, &plan, NULL),
              SQLITE_OK);
    CHECK(plan.data && strstr(plan.data, "SCAN e") && !strstr(plan.data, "rollup_dyad_target"));
    if (plan.data && strstr(plan.data, "rollup_dyad_target")) printf("  plan:\n%s", plan.data);
    ent_buf_free(&plan);
    /* the corpus is one where sampling alone gives a table's indexes different counts */
    CHECK_INT(sqlite3_exec(db, "PRAGMA analysis_limit=2000; ANALYZE", NULL, NULL, NULL), SQLITE_OK);
    s = scan_stats(db);
    CHECK(s.differ > 0);
    sqlite3_close(db);
    ent_test_remove_sqlite(path);
}

/* Every aggregate row as one line of text, appended to the ent_buf user. */
static int agg_line(const ent_store_agg *r, void *u) {
    ent_buf_printf((ent_buf *)u, "%s %s %s %ld %ld %ld %ld %ld %ld %.3f\n", r->period, r->a ? r->a : "-", r->b ? r->b : "-",
                   r->events, r->quad[0], r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->goldstein);
    return 0;
}

TEST(store_read_dyad_month_from_rollup) {
    /* the table choice */
    ent_store_filter f = {0};
    f.dyad_a = "A001"; f.dyad_b = "A002";
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0), T_DYAD_MONTH);
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_WEEK, ENT_GROUP_NONE, 0), T_EVENTS); /* no week key */
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_DAY, ENT_GROUP_NONE, 0), T_EVENTS);
    f.date_from = 20240201; f.date_to = 20240331;
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_ALL, ENT_GROUP_NONE, 0), T_DYAD_MONTH);
    f.date_from = 20240210; /* off a month's edge */
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0), T_EVENTS);
    f.date_from = f.date_to = 0;
    f.actor = "A003"; /* an actor besides the dyad: the events' actor indexes */
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0), T_EVENTS);
    f.actor = NULL; f.code = "04*";
    CHECK_INT(ent_store_pick_table(&f, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0), T_EVENTS);
    ent_store_filter g = {0};
    g.source = "A00*";
    CHECK_INT(ent_store_pick_table(&g, ENT_PERIOD_MONTH, ENT_GROUP_DYAD, 0), T_DYAD_MONTH);
    g.source = NULL; g.target = "A001"; /* the index leads with the source */
    CHECK_INT(ent_store_pick_table(&g, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0), T_EVENTS);

    char path[256];
    ent_store *st = filled_store(path, "dyadm");
    if (!st) return;
    /* the rollup's answers equal the events' (a code filter matching every event) */
    struct { const char *a, *b, *src; ent_period p; ent_group gr; long from, to, limit; } q[] = {
        {"A001", "A002", NULL, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0, 0, 0},
        {"A00*", "A01*", NULL, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0, 0, 0},
        {"A05*", "A1*", NULL, ENT_PERIOD_ALL, ENT_GROUP_NONE, 20240201, 20240331, 0},
        {NULL, NULL, "A00*", ENT_PERIOD_MONTH, ENT_GROUP_DYAD, 0, 0, 0},
        {NULL, NULL, "A01*", ENT_PERIOD_ALL, ENT_GROUP_DYAD, 20240110, 20240320, 5},
        {NULL, NULL, "A02*", ENT_PERIOD_ALL, ENT_GROUP_DYAD, 20240201, 0, 4},
        {"ZZZ001", "ZZZ002", NULL, ENT_PERIOD_MONTH, ENT_GROUP_NONE, 0, 0, 0}, /* no events: nothing either way */
    };
    int rollup_rows = 0;
    for (size_t k = 0; k < sizeof q / sizeof q[0]; k++) {
        ent_store_filter h = {0};
        h.dyad_a = q[k].a; h.dyad_b = q[k].b; h.source = q[k].src;
        h.date_from = q[k].from; h.date_to = q[k].to; h.limit = q[k].limit;
        ent_buf fast, slow;
        ent_buf_init(&fast);
        ent_buf_init(&slow);
        CHECK_INT(ent_store_aggregate(st, &h, q[k].p, q[k].gr, agg_line, &fast), ENT_OK);
        h.code = "04*";
        CHECK_INT(ent_store_aggregate(st, &h, q[k].p, q[k].gr, agg_line, &slow), ENT_OK);
        CHECK_STR(fast.data ? fast.data : "", slow.data ? slow.data : "");
        for (const char *c = fast.data; c && *c; c++) rollup_rows += *c == '\n';
        if (k == sizeof q / sizeof q[0] - 1) CHECK(!fast.data || !*fast.data);
        ent_buf_free(&fast);
        ent_buf_free(&slow);
    }
    CHECK(rollup_rows > 20); /* the comparisons compared something */
    ent_store_close(st);
    /* a dyad, a source, and a list of dyads joined to the rollup are found by seeks of its
     * key (month, source, target), month by month, never by a scan of the months: with the
     * statistics the store's close leaves, and (a source, the join) without any */
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    for (int stats = 1; stats >= 0; stats--) {
        if (!stats) {
            CHECK_INT(sqlite3_exec(db, "DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;", NULL, NULL, NULL), SQLITE_OK);
            sqlite3_close(db); /* a fresh connection plans without them */
            CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
        }
        for (int shape = stats ? 0 : 1; shape < 3; shape++) {
            ent_store_filter g = {0};
            if (shape == 0) g = f;
            else if (shape == 1) g.source = "A001";
            g.code = NULL;
            g.date_from = shape == 2 ? 20240201 : 0;
            g.date_to = shape == 2 ? 20240331 : 0;
            where w;
            ent_where_build(&w, &g, T_DYAD_MONTH, DB_SQLITE);
            char sql[2048];
            if (shape == 2) /* top_dyads_pruned's join: dyads first, each one's months by the key */
                snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN SELECT e.source, e.target, sum(e.events) FROM (SELECT source, target"
                         " FROM rollup_dyad ORDER BY events DESC LIMIT 20) d CROSS JOIN rollup_dyad_month e%s"
                         " AND e.source = d.source AND e.target = d.target GROUP BY 1, 2", w.sql.data);
            else
                snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN SELECT e.month, sum(e.events) FROM rollup_dyad_month e%s GROUP BY 1",
                         w.sql.data);
            sqlite3_stmt *p = NULL;
            CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &p, NULL), SQLITE_OK);
            int searches = 0, scans = 0;
            while (p && sqlite3_step(p) == SQLITE_ROW) {
                const char *d = (const char *)sqlite3_column_text(p, 3);
                if (d && !strncmp(d, "SEARCH e USING PRIMARY KEY (", 28) && strstr(d, "month") &&
                    strstr(d, shape == 1 ? "source=?)" : "source=? AND target=?)"))
                    searches++;
                if (d && !strncmp(d, "SCAN e", 6)) { scans++; printf("  plan (shape %d, stats %d): %s\n", shape, stats, d); }
            }
            sqlite3_finalize(p);
            ent_where_free(&w);
            CHECK_INT(searches, shape == 0 ? 2 : 1); /* a dyad: A -> B and B -> A */
            CHECK_INT(scans, 0);
        }
    }
    sqlite3_close(db);
    ent_test_remove_sqlite(path);
}

#ifdef __GLIBC__
/* Events of every page read (a code filter only the events table answers, summing each
 * event's own columns) through a reader, against the heap in use before and after. */
TEST(store_read_reader_maps_the_file) {
    char path[256];
    ent_store *st = filled_store(path, "mmap");
    if (!st) return;
    ent_store_close(st);
    struct stat sb;
    CHECK_INT(stat(path, &sb), 0);
    ent_diag *d = ent_diag_new();
    ent_store *r = NULL;
    CHECK_INT(ent_store_open_reader(path, d, &r), ENT_OK);
    ent_diag_free(d);
    if (!r) { ent_test_remove_sqlite(path); return; }
    ent_store_filter f = {0};
    f.code = "04*";
    ent_buf out;
    ent_buf_init(&out);
    struct mallinfo2 m0 = mallinfo2();
    CHECK_INT(ent_store_aggregate(r, &f, ENT_PERIOD_MONTH, ENT_GROUP_NONE, agg_line, &out), ENT_OK);
    struct mallinfo2 m1 = mallinfo2();
    CHECK(out.data && strstr(out.data, "2024-03 - - ")); /* it read the events */
    long grew = (long)m1.uordblks - (long)m0.uordblks;
    if (grew >= (long)sb.st_size / 8) printf("  heap grew %ld bytes reading a %ld-byte store\n", grew, (long)sb.st_size);
    CHECK(sb.st_size > 1000000);
    CHECK(grew < (long)sb.st_size / 8);
    ent_buf_free(&out);
    ent_store_close(r);
    ent_test_remove_sqlite(path);
}
#endif

/* Run in a process of its own (ENT_TEST_FRESH set): no SQLite set up before the store. */
TEST(store_read_no_global_memory_mutex) {
    if (!getenv("ENT_TEST_FRESH")) {
        fflush(stdout); /* the child must not print this process's buffered lines again */
        pid_t p = fork();
        if (p == 0) {
            setenv("ENT_TEST_FRESH", "1", 1);
            if (!freopen("/dev/null", "w", stdout)) _exit(3);
            execl("/proc/self/exe", "unit-tests", "store_read_no_global_memory_mutex", (char *)NULL);
            _exit(2);
        }
        int status = 0;
        CHECK(p > 0 && waitpid(p, &status, 0) == p);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        return;
    }
    char path[256];
    snprintf(path, sizeof path, "/tmp/entente-read-mem-%d.db", (int)getpid());
    ent_test_remove_sqlite(path);
    ent_store *st = ent_test_open_store(path);
    if (!st) { CHECK(0); return; }
    ent_store_filter f = {0};
    long total = -1;
    CHECK_INT(ent_store_query_events(st, &f, NULL, NULL, &total), ENT_OK);
    sqlite3_int64 used = -1, high = -1;
    CHECK_INT(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &high, 0), SQLITE_OK);
    CHECK_INT(used, 0); /* not counted: no global mutex around allocations */
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

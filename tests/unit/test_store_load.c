/* test_store_load.c — the SQLite bulk writer (store.c, ent_store_flush): batches of many
 * stories whose rollup deltas are summed per key in memory and written one UPSERT per key.
 * A batch that replaces stored stories and adds new ones to the same keys must leave the
 * rollups equal to a recount, with no key left at zero events; the full-text index keeps
 * finding the batch's sentences under its bulk-load settings (schema version 6). */
#include "test.h"
#include "entente.h"
#include "store/store_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ent_store *open_batched(char *path, const char *tag, long batch) {
    snprintf(path, 256, "/tmp/entente-load-%s-%d.db", tag, (int)getpid());
    ent_test_remove_sqlite(path);
    ent_diag *d = ent_diag_new();
    ent_store *st = NULL;
    if (ent_store_open(path, d, &st) != ENT_OK) printf("  open %s: %s\n", path, ent_diag_message(d, 0));
    ent_diag_free(d);
    if (st) ent_store_set_batch(st, batch);
    return st;
}

/* Story id with n events between the actors given, all on one day, sentence text s. */
static void story(ent_store *st, const char *id, long date, int n, const char *src, const char *tgt, const char *code,
                  int quad, double g, const char *s) {
    ent_story_meta m = {id, date, "wire", "t", NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    for (int i = 0; i < n; i++) {
        ent_event e = {0};
        e.source = src; e.target = tgt; e.code = code; e.root = "04"; e.plover = "CONSULT";
        e.quad = quad; e.goldstein = g; e.verb_text = "met";
        ent_event_context c = {id, i, NULL, date, s, {0, 5}, NULL, NULL, NULL};
        CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
    }
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
}

static long count_sql(const char *path, const char *sql) {
    sqlite3 *db = NULL;
    long n = -1;
    sqlite3_stmt *q = NULL;
    if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    else printf("  %s: %s\n", sql, sqlite3_errmsg(db));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return n;
}

static void check_recount(ent_store *st) {
    long bad = -1;
    CHECK_INT(ent_store_check_rollups(st, &bad), ENT_OK);
    CHECK_INT(bad, 0);
}

#define ZERO_KEYS \
    "SELECT (SELECT count(*) FROM rollup_series WHERE events <= 0) + (SELECT count(*) FROM rollup_actor_day WHERE events <= 0)" \
    " + (SELECT count(*) FROM rollup_actor_month WHERE events <= 0) + (SELECT count(*) FROM rollup_dyad WHERE events <= 0)" \
    " + (SELECT count(*) FROM rollup_dyad_month WHERE events <= 0) + (SELECT count(*) FROM rollup_actor WHERE events <= 0)"

/* One batch both subtracts (stories replaced) and adds (new stories, the replacements) on
 * the same rollup keys; a key whose only events are replaced by events elsewhere goes. */
TEST(store_load_batch_replaces_and_adds_on_shared_keys) {
    char path[256];
    ent_store *st = open_batched(path, "mix", 1000);
    if (!st) { CHECK(0); return; }
    story(st, "a1", 20240105, 3, "ARNGOV", "GONGOV", "040", 1, 1.0, "Arnor met Gondor.");
    story(st, "a2", 20240105, 2, "ARNGOV", "GONGOV", "040", 1, 1.0, "Arnor met Gondor again.");
    story(st, "a3", 20240210, 1, "ROHMIL", "---", "190", 4, -10.0, "Rohan fought.");
    CHECK_INT(ent_store_flush(st), ENT_OK);
    check_recount(st);
    /* a1 moves to another dyad and day; a3's only key (ROHMIL, 2024-02-10) loses its event;
     * a4 adds to the key a1 leaves, in the same batch */
    story(st, "a1", 20240301, 1, "MORGOV", "GONGOV", "111", 3, -2.1, "Mordor criticized Gondor.");
    story(st, "a3", 20240211, 1, "ROHGOV", "---", "010", 0, 0.0, "Rohan said.");
    story(st, "a4", 20240105, 1, "ARNGOV", "GONGOV", "057", 1, 8.0, "Arnor signed with Gondor.");
    CHECK_INT(ent_store_flush(st), ENT_OK);
    check_recount(st);
    ent_store_close(st);
    CHECK_INT(count_sql(path, ZERO_KEYS), 0);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM rollup_actor_day WHERE actor = 'ROHMIL'"), 0);
    CHECK_INT(count_sql(path, "SELECT events FROM rollup_dyad WHERE source = 'ARNGOV' AND target = 'GONGOV'"), 3);
    CHECK_INT(count_sql(path, "SELECT goldstein_milli FROM rollup_dyad WHERE source = 'ARNGOV' AND target = 'GONGOV'"), 10000);
    CHECK_INT(count_sql(path, "SELECT n3 FROM rollup_actor_month WHERE actor = 'MORGOV' AND month = 202403"), 1);
    CHECK_INT(count_sql(path, "SELECT g3 FROM rollup_actor_month WHERE actor = 'MORGOV' AND month = 202403"), -2100);
    ent_test_remove_sqlite(path);
}

/* A batch whose replacements are the stored stories again, unchanged: every key's delta is
 * zero, the rollups stay as they were. */
TEST(store_load_batch_same_stories_again) {
    char path[256];
    ent_store *st = open_batched(path, "same", 1000);
    if (!st) { CHECK(0); return; }
    for (int round = 0; round < 2; round++) {
        story(st, "b1", 20231231, 2, "GONREB", "GONGOV", "173", 4, -5.3, "Rebels arrested officials.");
        story(st, "b2", 0, 1, "GONREB", "GONREB", "010", 0, 0.0, "Rebels said.");
        CHECK_INT(ent_store_flush(st), ENT_OK);
        check_recount(st);
    }
    ent_store_close(st);
    CHECK_INT(count_sql(path, "SELECT sum(events) FROM rollup_series"), 3);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM rollup_actor_day WHERE actor = 'GONREB'"), 2);
    ent_test_remove_sqlite(path);
}

static int count_row(const ent_event_context *c, const ent_event *e, void *user) {
    (void)c; (void)e;
    ++*(int *)user;
    return 0;
}

/* The full-text index under the bulk-load settings: set by the migration, and the
 * sentences of several batches are all found, none twice. */
TEST(store_load_fts_settings_and_search) {
    char path[256];
    ent_store *st = open_batched(path, "fts", 4);
    if (!st) { CHECK(0); return; }
    char id[16];
    for (int i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "f%02d", i);
        story(st, id, 20240101 + i % 28, 1, "ARNGOV", "GONGOV", "040", 1, 1.0,
              i % 3 == 0 ? "Envoys negotiated a ceasefire." : "Ministers met in Minas Tirith.");
    }
    ent_store_filter f = {0};
    f.text = "ceasefire";
    int n = 0;
    CHECK_INT(ent_store_query_events(st, &f, count_row, &n, NULL), ENT_OK);
    CHECK_INT(n, 10);
    f.text = "negotiate"; /* stemmed */
    n = 0;
    CHECK_INT(ent_store_query_events(st, &f, count_row, &n, NULL), ENT_OK);
    CHECK_INT(n, 10);
    ent_store_close(st);
    CHECK_INT(count_sql(path, "SELECT v FROM sentences_fts_config WHERE k = 'automerge'"), 8);
    CHECK_INT(count_sql(path, "SELECT v FROM sentences_fts_config WHERE k = 'hashsize'"), 67108864);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'tirith'"), 20);
    ent_test_remove_sqlite(path);
}

/* A code against a filter value ("ARNGOV", or a prefix "ARN*"). */
static int code_matches(const char *pat, const char *code) {
    size_t n = strlen(pat);
    return n && pat[n - 1] == '*' ? !strncmp(pat, code, n - 1) : !strcmp(pat, code);
}

typedef struct gen_event { const char *src, *tgt; long date; } gen_event;

/* Whether generated event e passes f's actor and date filters, as the API defines them. */
static int gen_passes(const gen_event *e, const ent_store_filter *f) {
    if (f->actor && !code_matches(f->actor, e->src) && !code_matches(f->actor, e->tgt)) return 0;
    if (f->source && !code_matches(f->source, e->src)) return 0;
    if (f->target && !code_matches(f->target, e->tgt)) return 0;
    if (f->dyad_a && !((code_matches(f->dyad_a, e->src) && code_matches(f->dyad_b, e->tgt)) ||
                       (code_matches(f->dyad_b, e->src) && code_matches(f->dyad_a, e->tgt))))
        return 0;
    if ((f->date_from > 0 || f->date_to > 0) && e->date <= 0) return 0;
    if (f->date_from > 0 && e->date < f->date_from) return 0;
    if (f->date_to > 0 && e->date > f->date_to) return 0;
    return 1;
}

typedef struct page_acc { int n; long last_date; } page_acc;
static int page_row(const ent_event_context *c, const ent_event *e, void *user) {
    (void)e;
    page_acc *a = user;
    a->n++;
    a->last_date = c->date;
    return 0;
}

/* Schema version 11: SQLite keeps no index of events by actor; a filter on actors reads
 * the days its actors have events on (rollup_actor_day) and, for a pair, the months the
 * pair has events in (rollup_dyad_month).  Every actor, source, target, dyad and prefix
 * filter, with and without a date range, oldest or newest first, whole or page by page
 * through the keyset cursor, gives exactly the events a scan would: also undated events
 * (no day names them), events of an actor on a day it has only as a target, and a pair
 * whose actors share days but not events. */
TEST(store_actor_filters_read_actor_days) {
    char path[256];
    ent_store *st = open_batched(path, "actordays", 7);
    if (!st) { CHECK(0); return; }
    static const char *const actors[] = {"ARNGOV", "ARNMIL", "GONGOV", "MORMIL", "ROHGOV", "---"};
    gen_event ev[400];
    size_t nev = 0;
    unsigned r = 12345;
    char id[16];
    for (int k = 0; k < 120; k++) {
        r = r * 1103515245u + 12345u;
        long date = (r >> 8) % 9 == 0 ? 0 : 20240101 + (long)((r >> 12) % 3) * 100 + (long)((r >> 16) % 28);
        int n = 1 + (int)((r >> 20) % 3);
        ent_story_meta m = {id, date, "wire", "t", NULL, 0};
        snprintf(id, sizeof id, "a%03d", k);
        CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
        for (int i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            const char *src = actors[(r >> 10) % 5], *tgt = actors[(r >> 14) % 6];
            ent_event e = {0};
            e.source = src; e.target = tgt; e.code = "040"; e.root = "04"; e.plover = "CONSULT";
            e.quad = 1; e.goldstein = 1.0; e.verb_text = "met";
            ent_event_context c = {id, i, NULL, date, "Envoys met.", {0, 5}, NULL, NULL, NULL};
            CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
            ev[nev++] = (gen_event){src, tgt, date};
        }
        CHECK_INT(ent_store_commit_story(st), ENT_OK);
    }
    /* an actor with dated events only: its listings read its days alone (no undated range) */
    for (int k = 0; k < 9; k++) {
        snprintf(id, sizeof id, "i%03d", k);
        long date = 20240105 + (k % 3) * 100 + k;
        ent_story_meta m = {id, date, "wire", "t", NULL, 0};
        CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
        ent_event e = {0};
        e.source = k % 2 ? "ISEGOV" : "ARNGOV"; e.target = k % 2 ? "ARNGOV" : "ISEGOV"; e.code = "040"; e.root = "04";
        e.plover = "CONSULT"; e.quad = 1; e.goldstein = 1.0; e.verb_text = "met";
        ent_event_context c = {id, 0, NULL, date, "Envoys met.", {0, 5}, NULL, NULL, NULL};
        CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
        ev[nev++] = (gen_event){e.source, e.target, date};
        CHECK_INT(ent_store_commit_story(st), ENT_OK);
    }
    CHECK_INT(ent_store_flush(st), ENT_OK);
    struct { const char *actor, *source, *target, *a, *b; long from, to; } q[] = {
        {"ARNGOV", NULL, NULL, NULL, NULL, 0, 0},        {"ARN*", NULL, NULL, NULL, NULL, 0, 0},
        {NULL, "GONGOV", NULL, NULL, NULL, 0, 0},        {NULL, NULL, "MORMIL", NULL, NULL, 0, 0},
        {NULL, NULL, "---", NULL, NULL, 0, 0},           {NULL, "ARNGOV", "GONGOV", NULL, NULL, 0, 0},
        {NULL, NULL, NULL, "ARNGOV", "GONGOV", 0, 0},    {NULL, NULL, NULL, "ARN*", "MOR*", 0, 0},
        {NULL, NULL, NULL, "ROHGOV", "ROHGOV", 0, 0},    {"ROHGOV", "ARNMIL", NULL, NULL, NULL, 0, 0},
        {"ARNGOV", NULL, NULL, NULL, NULL, 20240205, 20240311}, {NULL, NULL, NULL, "GONGOV", "MORMIL", 20240201, 0},
        {NULL, "ARN*", "GON*", NULL, NULL, 0, 20240215}, {"NOSUCH", NULL, NULL, NULL, NULL, 0, 0},
        {"ISEGOV", NULL, NULL, NULL, NULL, 0, 0},        {NULL, NULL, NULL, "ARNGOV", "ISEGOV", 0, 0},
        {NULL, "ISE*", "ARNGOV", NULL, NULL, 0, 0},
    };
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
        ent_store_filter f = {0};
        f.actor = q[i].actor; f.source = q[i].source; f.target = q[i].target; f.dyad_a = q[i].a; f.dyad_b = q[i].b;
        f.date_from = q[i].from; f.date_to = q[i].to;
        int want = 0, undated = 0;
        for (size_t k = 0; k < nev; k++)
            if (gen_passes(&ev[k], &f)) { want++; undated += ev[k].date <= 0; }
        for (int newest = 0; newest < 2; newest++) {
            f.newest_first = newest;
            f.limit = 0;
            f.after = NULL;
            page_acc all = {0, 0};
            long total = -1;
            CHECK_INT(ent_store_query_events(st, &f, page_row, &all, &total), ENT_OK);
            if (all.n != want) printf("  filter %zu (newest %d): %d events, expected %d (%d undated)\n", i, newest, all.n, want, undated);
            CHECK_INT(all.n, want);
            CHECK_INT(total, want);
            /* pages of 4 through the cursor add up to the whole */
            f.limit = 4;
            int paged = 0, pages = 0;
            char cursor[256] = "";
            for (;;) {
                page_acc pg = {0, 0};
                f.after = cursor[0] ? cursor : NULL;
                CHECK_INT(ent_store_query_events(st, &f, page_row, &pg, NULL), ENT_OK);
                paged += pg.n;
                if (pg.n < 4 || ++pages > 200) break;
                snprintf(cursor, sizeof cursor, "%s", ent_store_next_cursor(st));
            }
            CHECK_INT(paged, want);
        }
    }
    ent_store_close(st);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('events_source', 'events_target', 'events_dyad')"), 0);
    /* version 12: rollup_dyad_month has its key alone (a pair's months are read month by month) */
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rollup_dyad_month'"
                              " AND sql IS NOT NULL"), 0);
    ent_test_remove_sqlite(path);
}

/* The plan of an actor, dyad and prefix listing at 10M events' statistics: events are
 * read by date from events_order, for the days rollup_actor_day gives (and a pair's months
 * from rollup_dyad_month), never by a scan of all events.  The WHERE is the store's own. */
TEST(store_actor_listing_reads_days) {
    char path[256];
    ent_store *st = open_batched(path, "dayplan", 5);
    if (!st) { CHECK(0); return; }
    story(st, "p1", 20240103, 3, "ARNGOV", "GONGOV", "040", 1, 1.0, "Arnor met Gondor.");
    ent_store_close(st);
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "DELETE FROM sqlite_stat1 WHERE tbl = 'events';"
                               "INSERT INTO sqlite_stat1 VALUES ('events', 'events_code', '11737440 2001 251'),"
                               " ('events', 'events_order', '11737440 6000 3 1 1 1 1 1'), ('events', 'sqlite_autoindex_events_1', '11737440 3 1');"
                               "ANALYZE sqlite_schema;", NULL, NULL, NULL), SQLITE_OK);
    ent_store_filter f[5] = {{0}, {0}, {0}, {0}, {0}};
    f[0].dyad_a = "ARNGOV"; f[0].dyad_b = "GONGOV";
    f[1].source = "ARNGOV"; f[1].target = "GON*";
    f[2].actor = "ROHGOV";
    f[3].actor = "ROH*"; f[3].date_from = 20240101;
    f[4].dyad_a = "ARNGOV"; f[4].dyad_b = "GONGOV"; f[4].date_to = 20241231;
    for (int k = 0; k < 5; k++) {
        where w;
        ent_where_build(&w, &f[k], T_EVENTS, DB_SQLITE);
        char sql[4096];
        snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN SELECT * FROM events e%s ORDER BY e.date DESC, e.story_id DESC,"
                 " e.event_index DESC LIMIT 50", w.sql.data);
        sqlite3_stmt *p = NULL;
        CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &p, NULL), SQLITE_OK);
        for (int i = 0; p && i < w.np; i++)
            if (w.p[i].t == P_TEXT) sqlite3_bind_text(p, i + 1, w.p[i].s, -1, SQLITE_STATIC);
            else if (w.p[i].t == P_INT) sqlite3_bind_int64(p, i + 1, w.p[i].i);
        int by_day = 0, days = 0, scans = 0, sorts = 0;
        while (p && sqlite3_step(p) == SQLITE_ROW) {
            const char *d = (const char *)sqlite3_column_text(p, 3);
            if (!d) continue;
            if (strstr(d, "INDEX events_order (date=?)")) by_day++;
            else if (strstr(d, "rollup_actor_day USING PRIMARY KEY (actor")) days++;
            if (!strncmp(d, "SCAN e", 6) || !strncmp(d, "SCAN events", 11)) { scans++; printf("  filter %d: %s\n", k, d); }
            if (strstr(d, "TEMP B-TREE FOR ORDER BY")) sorts++;
        }
        sqlite3_finalize(p);
        CHECK(by_day > 0);
        CHECK(days > 0);
        CHECK_INT(scans, 0);
        /* with a date range no undated range is read, so the page comes in index order,
         * the days taken newest first, without collecting and sorting every match */
        if (k >= 3) CHECK_INT(sorts, 0);
        ent_where_free(&w);
    }
    sqlite3_close(db);
    ent_test_remove_sqlite(path);
}

static long fts_hits(const char *path, const char *word) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '%s'", word);
    return count_sql(path, sql);
}

/* Schema version 10: no trigger indexes an inserted sentence; the writer's catch-up does,
 * above the watermark fts_state.indexed_upto.  A delete lowers the watermark to the largest
 * rowid left, so a rowid freed at the top and given again to a row inserted by another
 * program is above it: that row is indexed by the next catch-up (not skipped), nothing is
 * indexed twice, and deleted sentences are found no more. */
TEST(store_fts_watermark_without_insert_trigger) {
    char path[256];
    ent_store *st = open_batched(path, "ftsmark", 2);
    if (!st) { CHECK(0); return; }
    story(st, "w1", 20240101, 1, "ARNGOV", "GONGOV", "040", 1, 1.0, "Envoys of Arnor reached Bree.");
    story(st, "w2", 20240102, 1, "ARNGOV", "GONGOV", "040", 1, 1.0, "Gondor hosted talks at Pelargir.");
    story(st, "w3", 20240103, 1, "ARNGOV", "GONGOV", "040", 1, 1.0, "Rohan sent riders to Edoras.");
    ent_store_close(st);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_fts_ai'"), 0);
    CHECK_INT(count_sql(path, "SELECT indexed_upto FROM fts_state"), count_sql(path, "SELECT max(rowid) FROM sentences"));
    long top = count_sql(path, "SELECT max(rowid) FROM sentences");
    /* another program deletes the newest sentence, then inserts one: SQLite gives it the freed rowid */
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "DELETE FROM sentences WHERE story_id = 'w3'", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "INSERT INTO sentences (story_id, sentence_index, text) VALUES ('w1', 7, 'Riders crossed the Isen.')",
                           NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK_INT(count_sql(path, "SELECT max(rowid) FROM sentences"), top);  /* the freed rowid, given again */
    CHECK_INT(count_sql(path, "SELECT indexed_upto FROM fts_state"), top - 1);
    CHECK_INT(fts_hits(path, "edoras"), 0);  /* deleted: gone from the index */
    CHECK_INT(fts_hits(path, "isen"), 0);    /* above the watermark: not yet indexed */
    ent_diag *d = ent_diag_new();
    CHECK_INT(ent_store_open(path, d, &st), ENT_OK);
    ent_diag_free(d);
    long indexed = -1;
    CHECK_INT(ent_store_build_fts(st, &indexed), ENT_OK);
    CHECK_INT(indexed, 1);
    /* a story loaded again through the store: its old sentence leaves the index, the new one enters */
    ent_store_set_batch(st, 2);
    story(st, "w2", 20240102, 1, "ARNGOV", "GONGOV", "040", 1, 1.0, "Gondor hosted talks at Osgiliath.");
    ent_store_close(st);
    CHECK_INT(fts_hits(path, "isen"), 1);
    CHECK_INT(fts_hits(path, "pelargir"), 0);
    CHECK_INT(fts_hits(path, "osgiliath"), 1);
    CHECK_INT(fts_hits(path, "bree"), 1);
    CHECK_INT(fts_hits(path, "riders"), 1);  /* Rohan's riders were deleted; the Isen's are indexed once */
    CHECK_INT(count_sql(path, "SELECT indexed_upto FROM fts_state"), count_sql(path, "SELECT max(rowid) FROM sentences"));
    CHECK_INT(count_sql(path, "SELECT count(*) FROM pragma_quick_check"), 1);
    sqlite3 *chk = NULL;
    CHECK_INT(sqlite3_open(path, &chk), SQLITE_OK);
    CHECK_INT(sqlite3_exec(chk, "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)", NULL, NULL, NULL),
              SQLITE_OK);
    sqlite3_close(chk);
    ent_test_remove_sqlite(path);
}

/* ent_store_unnamed_actors: the stored actor codes without a name row (load reads the
 * dictionaries only when there are some). */
TEST(store_unnamed_actors_counts_codes_without_names) {
    char path[256];
    ent_store *st = open_batched(path, "unnamed", 2);
    if (!st) { CHECK(0); return; }
    long n = -1;
    CHECK_INT(ent_store_unnamed_actors(st, &n), ENT_OK);
    CHECK_INT(n, 0);
    story(st, "u1", 20240101, 1, "ARNGOV", "GONGOV", "040", 1, 1.0, "Arnor met Gondor.");
    CHECK_INT(ent_store_flush(st), ENT_OK);
    CHECK_INT(ent_store_unnamed_actors(st, &n), ENT_OK);
    CHECK_INT(n, 2);
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "INSERT INTO actor_names (code, name) VALUES ('ARNGOV', 'Arnor government'), ('GONGOV', NULL)",
                           NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK_INT(ent_store_unnamed_actors(st, &n), ENT_OK);
    CHECK_INT(n, 0); /* a row without a name counts as named: the dictionaries had none */
    story(st, "u2", 20240102, 1, "ARNGOV", "MORMIL", "190", 4, -10.0, "Arnor fought Mordor.");
    CHECK_INT(ent_store_flush(st), ENT_OK);
    CHECK_INT(ent_store_unnamed_actors(st, &n), ENT_OK);
    CHECK_INT(n, 1);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

/* The writer inserts a batch's events in date order (store.c, lite_insert_rows), so their
 * rowids follow the dates, not the stories' order; the stories stay whole and every
 * listing is unchanged (it orders by date, story, event). */
TEST(store_batch_inserts_events_by_date) {
    char path[256];
    ent_store *st = open_batched(path, "bydate", 100);
    if (!st) { CHECK(0); return; }
    story(st, "s1", 20240305, 2, "ARNGOV", "GONGOV", "040", 1, 1.0, "Arnor met Gondor.");
    story(st, "s2", 20220101, 1, "GONGOV", "ARNGOV", "040", 1, 1.0, "Gondor met Arnor.");
    story(st, "s3", 20230615, 1, "MORMIL", "GONGOV", "190", 4, -10.0, "Mordor fought Gondor.");
    story(st, "s4", 0, 1, "MORMIL", "ARNGOV", "111", 3, -2.0, "Mordor criticized Arnor.");
    ent_store_close(st);
    /* rowid order = (undated first) then date order; the two events of s1 keep their order */
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events a JOIN events b ON a.rowid < b.rowid"
                              " WHERE coalesce(a.date, 0) > coalesce(b.date, 0)"), 0);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events a JOIN events b ON a.story_id = b.story_id AND a.rowid < b.rowid"
                              " WHERE a.event_index > b.event_index"), 0);
    CHECK_INT(count_sql(path, "SELECT count(*) FROM events"), 5);
    ent_test_remove_sqlite(path);
}

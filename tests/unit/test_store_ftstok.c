/* test_store_ftstok.c — full-text tokens made ahead and replayed (src/store/ftstok.c).
 * 1. On the database layer: tokens made on one connection and queued on another are
 *    replayed for the texts the catch-up inserts (the head of the queue, or past entries
 *    it skips), a text not queued is tokenised by SQLite, and the index passes FTS5's
 *    integrity-check on a connection without the wrapper, term for term the same as a
 *    plain insert's.
 * 2. Through the store: a chunked load (writer thread) indexes exactly what a load
 *    without writers indexes, over texts with accents, digits, apostrophes and non-Latin
 *    scripts. */
#include "test.h"
#include "entente.h"
#include "store/db.h"
#include "util/util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Invented sentences, shaped as a wire's are: accents, digits, hyphens, apostrophes,
 * other scripts, an empty one and repeats. */
static const char *const TEXTS[] = {
    "Zürich's envoy met Ortega in São Paulo on 3 May.",
    "The U.N. mission reported 2-1 in the vote; officials didn't comment.",
    "Négociations à Genève: les délégués ont signé l'accord.",
    "Министр встретился с делегацией в Москве.",
    "",
    "Ministers met, ministers argued, ministers left — again.",
    "Troops withdrew from the border town of Qal'at al-Nahr.",
    "東京で会談が行われた。",
    "Ministers met, ministers argued, ministers left — again.",
};
#define NTEXTS (sizeof TEXTS / sizeof TEXTS[0])

/* Every (term, row, offset) of the index, in order, as read by fts5vocab. */
static void index_terms(const char *path, ent_buf *out) {
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, sentences_fts, instance)", NULL, NULL, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT term, doc, offset FROM temp.v ORDER BY term, doc, offset", -1, &q, NULL), SQLITE_OK);
    while (q && sqlite3_step(q) == SQLITE_ROW)
        ent_buf_printf(out, "%s %lld %lld\n", (const char *)sqlite3_column_text(q, 0), (long long)sqlite3_column_int64(q, 1),
                       (long long)sqlite3_column_int64(q, 2));
    sqlite3_finalize(q);
    sqlite3_close(db);
}

/* FTS5's own check that the index holds exactly the content table's tokens, on a plain
 * connection (SQLite's tokenizer, no wrapper). */
static int integrity_ok(const char *path) {
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    char *err = NULL;
    int rc = sqlite3_exec(db, "INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')", NULL, NULL, &err);
    if (rc != SQLITE_OK) printf("  integrity-check: %s\n", err ? err : "?");
    sqlite3_free(err);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

/* Both indexes pass the integrity-check and list the same terms at the same places (at
 * least min_len bytes of listing, so the comparison compares something). */
static void same_index(const char *plain, const char *other, size_t min_len) {
    CHECK(integrity_ok(plain));
    CHECK(integrity_ok(other));
    ent_buf ta, tb;
    ent_buf_init(&ta);
    ent_buf_init(&tb);
    index_terms(plain, &ta);
    index_terms(other, &tb);
    CHECK(ta.len > min_len);
    if (ta.len < 4000) CHECK_STR(tb.data ? tb.data : "", ta.data ? ta.data : "");
    else CHECK(tb.len == ta.len && !memcmp(tb.data, ta.data, ta.len));
    ent_buf_free(&ta);
    ent_buf_free(&tb);
}

/* Two new stores, "plain" and "other" (paths into pa and pb); 0 if either fails (both closed). */
static int two_stores(const char *tag, char *pa, char *pb, ent_store **a, ent_store **b) {
    snprintf(pa, 256, "/tmp/entente-ftstok-%s-plain-%d.db", tag, (int)getpid());
    snprintf(pb, 256, "/tmp/entente-ftstok-%s-other-%d.db", tag, (int)getpid());
    ent_test_remove_sqlite(pa);
    ent_test_remove_sqlite(pb);
    *a = ent_test_open_store(pa);
    *b = ent_test_open_store(pb);
    if (*a && *b) return 1;
    ent_store_close(*a);
    ent_store_close(*b);
    return 0;
}

/* Insert the texts as sentences of one story, then index them as the writer's catch-up
 * does.  queue: tokens made on a second connection are queued first, for every text but
 * not_queued, plus one text that is never inserted, before skip. */
static void insert_and_index(const char *path, int queue, size_t not_queued, size_t skip, long counts[3]) {
    ent_diag *dg = ent_diag_new();
    db *w = NULL, *h = NULL;
    CHECK_INT(ent_db_open(path, 0, dg, &w), ENT_OK);
    CHECK_INT(ent_db_open(path, 0, dg, &h), ENT_OK);
    ent_diag_free(dg);
    if (!w || !h) { ent_db_close(w); ent_db_close(h); return; }
    struct ftstok_conn *wc = ent_db_ftstok(w);
    CHECK(wc != NULL);
    ent_ftstok *t = ent_ftstok_new(ent_db_ftstok(h));
    CHECK(t != NULL);
    ent_buf toks;
    ent_buf_init(&toks);
    CHECK_INT(ent_db_exec_script(w, "BEGIN IMMEDIATE; INSERT INTO stories (story_id) VALUES ('k1')"), ENT_OK);
    for (size_t i = 0; i < NTEXTS; i++) {
        if (queue && i == skip) { /* queued, never inserted: passed over */
            ent_buf_clear(&toks);
            const char *gone = "Delegates adjourned without a statement.";
            CHECK(ent_ftstok_run(t, gone, strlen(gone), &toks));
            ent_ftstok_queue(wc, gone, strlen(gone), toks.data ? toks.data : "", toks.len);
        }
        if (queue && i != not_queued) {
            ent_buf_clear(&toks);
            CHECK(ent_ftstok_run(t, TEXTS[i], strlen(TEXTS[i]), &toks));
            ent_ftstok_queue(wc, TEXTS[i], strlen(TEXTS[i]), toks.data ? toks.data : "", toks.len);
        }
        db_param p[2] = {db_int((long long)i), db_text(TEXTS[i])};
        CHECK_INT(ent_db_run(w, "INSERT INTO sentences (story_id, sentence_index, text) VALUES ('k1', ?, ?)", 0, p, 2, NULL, NULL),
                  ENT_OK);
    }
    CHECK_INT(ent_db_exec_script(w, "INSERT INTO sentences_fts (rowid, text) SELECT rowid, text FROM sentences"
                                    " WHERE rowid > (SELECT indexed_upto FROM fts_state);"
                                    "UPDATE fts_state SET indexed_upto = (SELECT max(rowid) FROM sentences); COMMIT"),
              ENT_OK);
    ent_ftstok_counts(wc, &counts[0], &counts[1], &counts[2]);
    ent_buf_free(&toks);
    ent_ftstok_free(t);
    ent_db_close(h);
    ent_db_close(w);
}

TEST(store_ftstok_replays_sqlite_tokens) {
    char plain[256], replayed[256];
    ent_store *a, *b;
    if (!two_stores("db", plain, replayed, &a, &b)) { CHECK(0); return; }
    ent_store_close(a);
    ent_store_close(b);
    long c0[3] = {0}, c1[3] = {0};
    insert_and_index(plain, 0, NTEXTS, NTEXTS, c0);
    insert_and_index(replayed, 1, 6, 3, c1);
    /* without a queue SQLite tokenises every text */
    CHECK_INT(c0[1], 0);
    CHECK_INT(c0[2], (long)NTEXTS);
    /* queued: all texts and the one never inserted; every queued text replayed (the one
     * before it passed over), the one not queued tokenised by SQLite */
    CHECK_INT(c1[0], (long)NTEXTS);
    CHECK_INT(c1[1], (long)NTEXTS - 1);
    CHECK_INT(c1[2], 1);
    same_index(plain, replayed, 200);
    ent_test_remove_sqlite(plain);
    ent_test_remove_sqlite(replayed);
}

/* n stories of 1-3 events each, sentences from TEXTS with a number, into st. */
static void load_texts(ent_store *st, int n) {
    char id[16], text[256];
    for (int k = 0; k < n; k++) {
        snprintf(id, sizeof id, "t%04d", k);
        ent_story_meta m = {id, 20240101 + k % 28, "wire", "t", NULL, 0};
        CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
        for (int i = 0; i < 1 + k % 3; i++) {
            snprintf(text, sizeof text, "%s Story %d, part %d.", TEXTS[(size_t)(k + i) % NTEXTS], k, i);
            ent_event e = {0};
            e.source = "ARNGOV"; e.target = "GONGOV"; e.code = "040"; e.root = "04"; e.plover = "CONSULT";
            e.quad = 1; e.goldstein = 1.0; e.verb_text = "met";
            ent_event_context c = {id, i, NULL, m.date, text, {0, 5}, NULL, NULL, NULL};
            CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
        }
        CHECK_INT(ent_store_commit_story(st), ENT_OK);
    }
}

TEST(store_ftstok_chunked_load_indexes_the_same) {
    char plain[256], chunked[256];
    ent_store *a, *b;
    if (!two_stores("load", plain, chunked, &a, &b)) { CHECK(0); return; }
    load_texts(a, 400);
    ent_store_set_batch(b, 300); /* transactions over several chunks and merges */
    CHECK_INT(ent_store_set_writers(b, 2), ENT_OK);
    ent_store_set_merge(b, 100);
    load_texts(b, 400);
    ent_store_close(a);
    ent_store_close(b);
    same_index(plain, chunked, 10000);
    ent_test_remove_sqlite(plain);
    ent_test_remove_sqlite(chunked);
}

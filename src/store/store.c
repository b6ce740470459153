/* store.c — the event store: stories, sentences, events and actors in one schema on
 * SQLite or PostgreSQL.  Each story is written in one transaction that first deletes what
 * the story had, so re-coding replaces and a killed run leaves stories whole or absent.
 * Queries build one WHERE clause from an ent_store_filter; aggregates (per day/week/month,
 * per actor or dyad) are computed here from the matching rows so both backends agree. */
#include "store/db.h"
#include "util/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ent_store {
    db *db;
    ent_buf err;       /* the last failure's message, whole (ent_store_error) */
    int in_story;      /* a story transaction is open */
    int failed;        /* the open story failed and was rolled back */
    char *story_id;
    long story_date;
    long next_event;
    long last_sentence;  /* sentence row known to exist in the open story, -1 none */
    ent_strmap actors;   /* actor codes known to be stored (committed) */
    char **pending;      /* actor codes inserted by the open story */
    size_t npending, cap_pending;
};

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS stories ("
    " story_id TEXT PRIMARY KEY, date INTEGER, publisher TEXT, title TEXT, url TEXT);"
    "CREATE TABLE IF NOT EXISTS sentences ("
    " story_id TEXT NOT NULL REFERENCES stories(story_id), sentence_index INTEGER NOT NULL,"
    " sentence_id TEXT, date INTEGER, text TEXT, PRIMARY KEY (story_id, sentence_index));"
    "CREATE TABLE IF NOT EXISTS events ("
    " story_id TEXT NOT NULL REFERENCES stories(story_id), event_index INTEGER NOT NULL,"
    " sentence_index INTEGER NOT NULL, date INTEGER, source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein DOUBLE PRECISION, plover TEXT,"
    " source_text TEXT, target_text TEXT, verb_text TEXT, issues TEXT,"
    " sentence_start INTEGER, sentence_end INTEGER, source_start INTEGER, source_end INTEGER,"
    " target_start INTEGER, target_end INTEGER, verb_start INTEGER, verb_end INTEGER,"
    " PRIMARY KEY (story_id, event_index));"
    "CREATE INDEX IF NOT EXISTS events_date ON events (date);"
    "CREATE INDEX IF NOT EXISTS events_source ON events (source, date);"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target, date);"
    "CREATE TABLE IF NOT EXISTS actors (code TEXT PRIMARY KEY, text TEXT);";

static ent_status fail(ent_store *st, ent_status s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static ent_status fail(ent_store *st, ent_status s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ent_buf_clear(&st->err);
    ent_buf_vprintf(&st->err, fmt, ap);
    va_end(ap);
    return s;
}

static int max_row(const char *const *v, int n, void *user) {
    if (n > 0 && v[0]) *(long *)user = atol(v[0]);
    return 0;
}

ent_status ent_store_open(const char *uri, ent_diag *diag, ent_store **out) {
    *out = NULL;
    if (!uri || !*uri) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: no database given (expected a file path or postgresql:// URI)");
        return ENT_ERR_INVALID;
    }
    db *d = db_open(uri, diag);
    if (!d) return ENT_ERR_IO;
    /* The schema is created only when a table is missing: on PostgreSQL even
     * CREATE INDEX IF NOT EXISTS locks the table and would wait for a writer's open story.
     * Creation is one transaction (all or nothing); on PostgreSQL it also takes an
     * advisory lock so that concurrent first opens do not collide. */
    int pg = db_get_kind(d) == DB_PG;
    long have = 0;
    ent_status rc = db_run(d, pg ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                            " AND table_name IN ('stories', 'sentences', 'events', 'actors')"
                          : "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                            " AND name IN ('stories', 'sentences', 'events', 'actors')",
                    0, NULL, 0, max_row, &have) == 0 ? ENT_OK : ENT_ERR_IO;
    if (rc == ENT_OK && have < 4 &&
        (db_exec_script(d, pg ? "BEGIN; SELECT pg_advisory_xact_lock(7346418)" : "BEGIN IMMEDIATE") != 0 ||
         db_exec_script(d, SCHEMA) != 0 || db_exec_script(d, "COMMIT") != 0))
        rc = ENT_ERR_IO;
    if (rc != ENT_OK) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot create schema: %s", db_error(d));
        db_close(d);
        return ENT_ERR_IO;
    }
    ent_store *st = ent_xcalloc(1, sizeof *st);
    st->db = d;
    ent_strmap_init(&st->actors);
    ent_buf_init(&st->err);
    *out = st;
    return ENT_OK;
}

void ent_store_close(ent_store *st) {
    if (!st) return;
    if (st->in_story) ent_store_rollback_story(st);
    free(st->story_id);
    db_close(st->db);
    ent_strmap_free(&st->actors);
    free(st->pending);
    ent_buf_free(&st->err);
    free(st);
}

const char *ent_store_error(const ent_store *st) { return st && st->err.data ? st->err.data : ""; }
const char *ent_store_backend(const ent_store *st) {
    return db_get_kind(st->db) == DB_PG ? "postgresql" : "sqlite";
}

/* Forget (rollback) or keep (commit) the actor codes the open story inserted. */
static void pending_done(ent_store *st, int keep) {
    for (size_t i = 0; i < st->npending; i++) {
        if (keep) ent_strmap_slot(&st->actors, st->pending[i], strlen(st->pending[i]), NULL);
        free(st->pending[i]);
    }
    st->npending = 0;
}

/* Roll back the open story after a failed statement; keeps st->err. */
static ent_status story_failed(ent_store *st, const char *what) {
    fail(st, ENT_ERR_IO, "story %s: %s: %s", st->story_id ? st->story_id : "?", what, db_error(st->db));
    db_batch_discard(st->db);
    if (st->in_story) db_exec_script(st->db, "ROLLBACK");
    pending_done(st, 0);
    st->in_story = 0;
    st->failed = 1;
    return ENT_ERR_IO;
}

ent_status ent_store_begin_story(ent_store *st, const ent_story_meta *m) {
    ent_buf_clear(&st->err);
    if (!m || !m->story_id || !*m->story_id) return fail(st, ENT_ERR_INVALID, "begin_story: story_id is required");
    if (st->in_story) ent_store_rollback_story(st);
    free(st->story_id);
    st->story_id = ent_xstrdup(m->story_id);
    st->story_date = m->date;
    st->next_event = 0;
    st->last_sentence = -1;
    st->failed = 0;
    /* PostgreSQL: the whole story goes to the server in one round trip at commit */
    db_batch_begin(st->db);
    if (db_exec_script(st->db, "BEGIN") != 0) return story_failed(st, "begin");
    st->in_story = 1;
    db_param id = db_text(m->story_id);
    if (m->append) {
        long mx = -1;
        if (db_run(st->db, "SELECT max(event_index) FROM events WHERE story_id = ?", 1, &id, 1, max_row, &mx) != 0)
            return story_failed(st, "find last event");
        st->next_event = mx + 1;
    } else {
        if (db_run(st->db, "DELETE FROM events WHERE story_id = ?", 1, &id, 1, NULL, NULL) != 0)
            return story_failed(st, "delete old events");
        if (db_run(st->db, "DELETE FROM sentences WHERE story_id = ?", 1, &id, 1, NULL, NULL) != 0)
            return story_failed(st, "delete old sentences");
    }
    db_param p[5] = {id, m->date > 0 ? db_int(m->date) : db_text(NULL), db_text(m->publisher),
                     db_text(m->title), db_text(m->url)};
    if (db_run(st->db,
               "INSERT INTO stories (story_id, date, publisher, title, url) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT (story_id) DO UPDATE SET date = excluded.date,"
               " publisher = excluded.publisher, title = excluded.title, url = excluded.url",
               1, p, 5, NULL, NULL) != 0)
        return story_failed(st, "insert story");
    return ENT_OK;
}

static ent_status need_story(ent_store *st, const char *what) {
    if (st->in_story) return ENT_OK;
    if (st->failed) return fail(st, ENT_ERR_INVALID, "%s: story %s was rolled back after an error", what, st->story_id ? st->story_id : "?");
    return fail(st, ENT_ERR_INVALID, "%s: no story begun", what);
}

ent_status ent_store_add_sentence(ent_store *st, long idx, const char *sentence_id, long date, const char *text) {
    ent_status s = need_story(st, "add_sentence");
    if (s) return s;
    db_param p[5] = {db_text(st->story_id), db_int(idx), db_text(sentence_id),
                     date > 0 ? db_int(date) : db_text(NULL), db_text(text)};
    if (db_run(st->db,
               "INSERT INTO sentences (story_id, sentence_index, sentence_id, date, text) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT (story_id, sentence_index) DO UPDATE SET sentence_id = excluded.sentence_id,"
               " date = excluded.date, text = excluded.text",
               1, p, 5, NULL, NULL) != 0)
        return story_failed(st, "insert sentence");
    st->last_sentence = idx;
    return ENT_OK;
}

static db_param span_lo(ent_span s) { return s.end > s.start ? db_int(s.start) : db_text(NULL); }
static db_param span_hi(ent_span s) { return s.end > s.start ? db_int(s.end) : db_text(NULL); }

/* Record an actor code once per store handle (known and pending codes are skipped, which
 * saves a round trip per event on PostgreSQL). */
static ent_status add_actor(ent_store *st, const char *code, const char *text) {
    if (!code || !*code || !strcmp(code, "---")) return ENT_OK;
    size_t n = strlen(code);
    if (ent_strmap_key(&st->actors, code, n)) return ENT_OK;
    for (size_t i = 0; i < st->npending; i++)
        if (!strcmp(st->pending[i], code)) return ENT_OK;
    db_param p[2] = {db_text(code), db_text(text)};
    if (db_run(st->db, "INSERT INTO actors (code, text) VALUES (?, ?) ON CONFLICT (code) DO NOTHING", 1, p, 2,
               NULL, NULL) != 0)
        return ENT_ERR_IO;
    ENT_GROW(st->pending, st->npending + 1, st->cap_pending);
    st->pending[st->npending++] = ent_xstrdup(code);
    return ENT_OK;
}

ent_status ent_store_add_event(ent_store *st, const ent_event_context *c, const ent_event *e) {
    ent_status s = need_story(st, "add_event");
    if (s) return s;
    if (!e || !e->code || !*e->code) return fail(st, ENT_ERR_INVALID, "add_event: event has no code");
    if (c && c->story_id && strcmp(c->story_id, st->story_id) != 0)
        return fail(st, ENT_ERR_INVALID, "add_event: event of story %s inside story %s", c->story_id, st->story_id);
    long sidx = c ? c->sentence_index : 0;
    long date = (c && c->date > 0) ? c->date : st->story_date;
    db_param sp[5] = {db_text(st->story_id), db_int(sidx), db_text(c ? c->sentence_id : NULL),
                      date > 0 ? db_int(date) : db_text(NULL), db_text(c ? c->sentence_text : NULL)};
    if (sidx != st->last_sentence &&
        db_run(st->db,
               "INSERT INTO sentences (story_id, sentence_index, sentence_id, date, text) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT (story_id, sentence_index) DO NOTHING",
               1, sp, 5, NULL, NULL) != 0)
        return story_failed(st, "insert sentence");
    st->last_sentence = sidx;
    ent_span none = {0, 0};
    ent_span ss = c ? c->sentence_span : none;
    db_param p[23] = {
        db_text(st->story_id), db_int(st->next_event), db_int(sidx), date > 0 ? db_int(date) : db_text(NULL),
        db_text(e->source ? e->source : "---"), db_text(e->target ? e->target : "---"), db_text(e->code),
        db_text(e->root), db_int(e->quad), db_real(e->goldstein), db_text(e->plover), db_text(e->source_text),
        db_text(e->target_text), db_text(e->verb_text), db_text(e->issues),
        span_lo(ss), span_hi(ss), span_lo(e->source_span), span_hi(e->source_span),
        span_lo(e->target_span), span_hi(e->target_span), span_lo(e->verb_span), span_hi(e->verb_span)};
    if (db_run(st->db,
               "INSERT INTO events (story_id, event_index, sentence_index, date, source, target, code, root, quad,"
               " goldstein, plover, source_text, target_text, verb_text, issues, sentence_start, sentence_end,"
               " source_start, source_end, target_start, target_end, verb_start, verb_end)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               1, p, 23, NULL, NULL) != 0)
        return story_failed(st, "insert event");
    st->next_event++;
    if (add_actor(st, e->source, e->source_text) != ENT_OK || add_actor(st, e->target, e->target_text) != ENT_OK)
        return story_failed(st, "insert actor");
    return ENT_OK;
}

ent_status ent_store_commit_story(ent_store *st) {
    ent_status s = need_story(st, "commit_story");
    if (s) return s;
    if (db_exec_script(st->db, "COMMIT") != 0 || db_batch_flush(st->db) != 0) return story_failed(st, "commit");
    pending_done(st, 1);
    st->in_story = 0;
    return ENT_OK;
}

void ent_store_rollback_story(ent_store *st) {
    if (!st || !st->in_story) return;
    db_batch_discard(st->db);
    db_exec_script(st->db, "ROLLBACK");
    pending_done(st, 0);
    st->in_story = 0;
}

/* ---- dates --------------------------------------------------------------------------- */

static int all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int days_in_month(long y, long m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

long ent_store_parse_date(const char *s) {
    if (!s) return 0;
    size_t n = strlen(s);
    long y, m = 1, d = 1;
    if (n == 8 && all_digits(s, 8)) {
        long v = atol(s);
        y = v / 10000, m = v / 100 % 100, d = v % 100;
    } else if ((n == 10 || n == 7 || n == 4) && all_digits(s, 4)) {
        y = atol(s);
        if (n >= 7) {
            if (s[4] != '-' || !all_digits(s + 5, 2)) return 0;
            m = (s[5] - '0') * 10 + (s[6] - '0');
        }
        if (n == 10) {
            if (s[7] != '-' || !all_digits(s + 8, 2)) return 0;
            d = (s[8] - '0') * 10 + (s[9] - '0');
        }
    } else {
        return 0;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    return y * 10000 + m * 100 + d;
}

/* Period label of a YYYYMMDD date. */
static void period_label(char out[48], long date, ent_period p) {
    if (p == ENT_PERIOD_ALL) { strcpy(out, "all"); return; }
    long y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (date <= 0 || m < 1 || m > 12 || d < 1 || d > 31) { strcpy(out, "unknown"); return; }
    if (p == ENT_PERIOD_DAY) snprintf(out, 48, "%04ld-%02ld-%02ld", y, m, d);
    else if (p == ENT_PERIOD_MONTH) snprintf(out, 48, "%04ld-%02ld", y, m);
    else {
        int week;
        long ty = ent_date_iso_week(date, &week);
        snprintf(out, 48, "%04ld-W%02d", ty, week);
    }
}

/* ---- queries ------------------------------------------------------------------------- */

typedef struct where {
    ent_buf sql;
    db_param p[24];
    int np;
    char *owned[16]; /* prefix strings made for '*' filters */
    int nowned;
} where;

static void w_and(where *w) { ent_buf_puts(&w->sql, w->sql.len ? " AND " : " WHERE "); }

/* "col = ?" or, for a value ending in '*', a prefix match. */
static void w_match(where *w, const char *col, const char *v) {
    size_t n = strlen(v);
    if (n > 0 && v[n - 1] == '*' && w->nowned < 16) {
        char *pre = ent_xstrndup(v, n - 1);
        w->owned[w->nowned++] = pre;
        ent_buf_printf(&w->sql, "substr(%s, 1, %zu) = ?", col, n - 1);
        w->p[w->np++] = db_text(pre);
    } else {
        ent_buf_printf(&w->sql, "%s = ?", col);
        w->p[w->np++] = db_text(v);
    }
}

static void where_build(where *w, const ent_store_filter *f) {
    memset(w, 0, sizeof *w);
    ent_buf_init(&w->sql);
    if (!f) return;
    if (f->actor && *f->actor) {
        w_and(w); ent_buf_puts(&w->sql, "(");
        w_match(w, "e.source", f->actor); ent_buf_puts(&w->sql, " OR ");
        w_match(w, "e.target", f->actor); ent_buf_puts(&w->sql, ")");
    }
    if (f->source && *f->source) { w_and(w); w_match(w, "e.source", f->source); }
    if (f->target && *f->target) { w_and(w); w_match(w, "e.target", f->target); }
    if (f->dyad_a && *f->dyad_a && f->dyad_b && *f->dyad_b) {
        w_and(w); ent_buf_puts(&w->sql, "((");
        w_match(w, "e.source", f->dyad_a); ent_buf_puts(&w->sql, " AND ");
        w_match(w, "e.target", f->dyad_b); ent_buf_puts(&w->sql, ") OR (");
        w_match(w, "e.source", f->dyad_b); ent_buf_puts(&w->sql, " AND ");
        w_match(w, "e.target", f->dyad_a); ent_buf_puts(&w->sql, "))");
    }
    if (f->code && *f->code) { w_and(w); w_match(w, "e.code", f->code); }
    if (f->root && *f->root) { w_and(w); ent_buf_puts(&w->sql, "e.root = ?"); w->p[w->np++] = db_text(f->root); }
    if (f->quad > 0) { w_and(w); ent_buf_puts(&w->sql, "e.quad = ?"); w->p[w->np++] = db_int(f->quad); }
    if (f->date_from > 0) { w_and(w); ent_buf_puts(&w->sql, "e.date >= ?"); w->p[w->np++] = db_int(f->date_from); }
    if (f->date_to > 0) { w_and(w); ent_buf_puts(&w->sql, "e.date <= ?"); w->p[w->np++] = db_int(f->date_to); }
    if (f->story_id && *f->story_id) { w_and(w); ent_buf_puts(&w->sql, "e.story_id = ?"); w->p[w->np++] = db_text(f->story_id); }
}

static void where_free(where *w) {
    ent_buf_free(&w->sql);
    for (int i = 0; i < w->nowned; i++) free(w->owned[i]);
}

static int count_row(const char *const *v, int n, void *user) {
    if (n > 0 && v[0]) *(long *)user = atol(v[0]);
    return 0;
}

typedef struct ev_cb { ent_store_event_fn fn; void *user; } ev_cb;

static ent_span row_span(const char *a, const char *b) {
    ent_span s = {0, 0};
    if (a && b) { s.start = (uint32_t)strtoul(a, NULL, 10); s.end = (uint32_t)strtoul(b, NULL, 10); }
    return s;
}

static int event_row(const char *const *v, int n, void *user) {
    ev_cb *cb = user;
    if (n < 24) return 1;
    ent_event_context c = {0};
    ent_event e = {0};
    c.story_id = v[0];
    c.sentence_index = v[1] ? atol(v[1]) : 0;
    c.sentence_id = v[2];
    c.date = v[3] ? atol(v[3]) : 0;
    c.sentence_text = v[4];
    c.sentence_span = row_span(v[5], v[6]);
    e.source = v[7]; e.target = v[8]; e.code = v[9]; e.root = v[10] ? v[10] : "";
    e.quad = v[11] ? atoi(v[11]) : 0;
    e.goldstein = v[12] ? strtod(v[12], NULL) : 0;
    e.plover = v[13] ? v[13] : "";
    e.source_text = v[14] ? v[14] : ""; e.target_text = v[15] ? v[15] : "";
    e.verb_text = v[16] ? v[16] : ""; e.issues = v[17] ? v[17] : "";
    e.source_span = row_span(v[18], v[19]);
    e.target_span = row_span(v[20], v[21]);
    e.verb_span = row_span(v[22], v[23]);
    return cb->fn(&c, &e, cb->user);
}

ent_status ent_store_query_events(ent_store *st, const ent_store_filter *f, ent_store_event_fn fn, void *user,
                                  long *total) {
    ent_buf_clear(&st->err);
    where w;
    where_build(&w, f);
    ent_status rc = ENT_OK;
    if (total) {
        *total = 0;
        ent_buf q;
        ent_buf_init(&q);
        ent_buf_printf(&q, "SELECT count(*) FROM events e%s", w.sql.data ? w.sql.data : "");
        if (db_run(st->db, q.data, 0, w.p, w.np, count_row, total) != 0)
            rc = fail(st, ENT_ERR_IO, "query: %s", db_error(st->db));
        ent_buf_free(&q);
    }
    if (rc == ENT_OK && fn) {
        ent_buf q;
        ent_buf_init(&q);
        ent_buf_printf(&q,
                       "SELECT e.story_id, e.sentence_index, s.sentence_id, e.date, s.text, e.sentence_start,"
                       " e.sentence_end, e.source, e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
                       " e.source_text, e.target_text, e.verb_text, e.issues, e.source_start, e.source_end,"
                       " e.target_start, e.target_end, e.verb_start, e.verb_end"
                       " FROM events e LEFT JOIN sentences s ON s.story_id = e.story_id"
                       " AND s.sentence_index = e.sentence_index%s"
                       " ORDER BY e.date, e.story_id, e.event_index",
                       w.sql.data ? w.sql.data : "");
        int np = w.np;
        long limit = f ? f->limit : 0, offset = f ? f->offset : 0;
        if (limit > 0) { ent_buf_puts(&q, " LIMIT ?"); w.p[np++] = db_int(limit); }
        else if (offset > 0 && db_get_kind(st->db) == DB_SQLITE) ent_buf_puts(&q, " LIMIT -1");
        if (offset > 0) { ent_buf_puts(&q, " OFFSET ?"); w.p[np++] = db_int(offset); }
        ev_cb cb = {fn, user};
        if (db_run(st->db, q.data, 0, w.p, np, event_row, &cb) != 0)
            rc = fail(st, ENT_ERR_IO, "query: %s", db_error(st->db));
        ent_buf_free(&q);
    }
    where_free(&w);
    return rc;
}

/* ---- aggregates ---------------------------------------------------------------------- */

typedef struct agg_acc {
    char *key;          /* period \x1f a \x1f b */
    long events, quad[5];
    double goldstein;
} agg_acc;

typedef struct agg_state {
    ent_period period;
    ent_group group;
    ent_strmap index;   /* key -> (agg index + 1) */
    agg_acc *rows;
    size_t n, cap;
    ent_buf key;
} agg_state;

/* Add a group of events (count n, counts per quad class q[0..4], Goldstein sum g). */
static void agg_add(agg_state *a, const char *period, const char *x, const char *y, long n, const long *q, double g) {
    ent_buf_clear(&a->key);
    ent_buf_puts(&a->key, period);
    ent_buf_putc(&a->key, '\x1f');
    if (x) ent_buf_puts(&a->key, x);
    ent_buf_putc(&a->key, '\x1f');
    if (y) ent_buf_puts(&a->key, y);
    int created = 0;
    void **slot = ent_strmap_slot(&a->index, a->key.data, a->key.len, &created);
    size_t i;
    if (created) {
        ENT_GROW(a->rows, a->n + 1, a->cap);
        i = a->n++;
        memset(&a->rows[i], 0, sizeof a->rows[i]);
        a->rows[i].key = ent_xstrndup(a->key.data, a->key.len);
        *slot = (void *)(uintptr_t)(i + 1);
    } else {
        i = (size_t)(uintptr_t)*slot - 1;
    }
    agg_acc *r = &a->rows[i];
    r->events += n;
    for (int k = 0; k < 5; k++) r->quad[k] += q[k];
    r->goldstein += g;
}

static int agg_row(const char *const *v, int n, void *user) {
    agg_state *a = user;
    if (n < 9) return 1;
    char period[48];
    period_label(period, v[0] ? atol(v[0]) : 0, a->period);
    const char *src = v[1] ? v[1] : "---", *tgt = v[2] ? v[2] : "---";
    long cnt = v[3] ? atol(v[3]) : 0, q[5];
    q[0] = cnt;
    for (int k = 1; k <= 4; k++) { q[k] = v[3 + k] ? atol(v[3 + k]) : 0; q[0] -= q[k]; }
    double g = v[8] ? strtod(v[8], NULL) : 0;
    switch (a->group) {
    case ENT_GROUP_NONE: agg_add(a, period, NULL, NULL, cnt, q, g); break;
    case ENT_GROUP_DYAD: agg_add(a, period, src, tgt, cnt, q, g); break;
    case ENT_GROUP_ACTOR:
        if (strcmp(src, "---") != 0) agg_add(a, period, src, NULL, cnt, q, g);
        if (strcmp(tgt, "---") != 0 && strcmp(tgt, src) != 0) agg_add(a, period, tgt, NULL, cnt, q, g);
        break;
    }
    return 0;
}

static int cmp_acc(const void *x, const void *y) {
    return strcmp(((const agg_acc *)x)->key, ((const agg_acc *)y)->key);
}

ent_status ent_store_aggregate(ent_store *st, const ent_store_filter *f, ent_period period, ent_group group,
                               ent_store_agg_fn fn, void *user) {
    ent_buf_clear(&st->err);
    where w;
    where_build(&w, f);
    ent_buf q;
    ent_buf_init(&q);
    /* the database sums per day and dyad; periods and actors are folded together here */
    ent_buf_printf(&q,
                   "SELECT e.date, e.source, e.target, count(*),"
                   " sum(CASE WHEN e.quad = 1 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad = 2 THEN 1 ELSE 0 END),"
                   " sum(CASE WHEN e.quad = 3 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END),"
                   " sum(e.goldstein) FROM events e%s GROUP BY e.date, e.source, e.target",
                   w.sql.data ? w.sql.data : "");
    agg_state a = {0};
    a.period = period;
    a.group = group;
    ent_strmap_init(&a.index);
    ent_buf_init(&a.key);
    ent_status rc = ENT_OK;
    if (db_run(st->db, q.data, 0, w.p, w.np, agg_row, &a) != 0) rc = fail(st, ENT_ERR_IO, "aggregate: %s", db_error(st->db));
    if (rc == ENT_OK && a.n) qsort(a.rows, a.n, sizeof *a.rows, cmp_acc);
    for (size_t i = 0; rc == ENT_OK && i < a.n; i++) {
        char *k = a.rows[i].key;
        char *s1 = strchr(k, '\x1f');
        char *s2 = s1 ? strchr(s1 + 1, '\x1f') : NULL;
        if (!s1 || !s2) continue;
        *s1 = 0;
        *s2 = 0;
        ent_store_agg row = {0};
        row.period = k;
        row.a = group != ENT_GROUP_NONE ? s1 + 1 : NULL;
        row.b = group == ENT_GROUP_DYAD ? s2 + 1 : NULL;
        row.events = a.rows[i].events;
        memcpy(row.quad, a.rows[i].quad, sizeof row.quad);
        row.goldstein = a.rows[i].goldstein;
        if (fn(&row, user)) break;
    }
    for (size_t i = 0; i < a.n; i++) free(a.rows[i].key);
    free(a.rows);
    ent_strmap_free(&a.index);
    ent_buf_free(&a.key);
    ent_buf_free(&q);
    where_free(&w);
    return rc;
}

ent_status ent_store_counts_get(ent_store *st, ent_store_counts *out) {
    memset(out, 0, sizeof *out);
    static const char *const q[4] = {"SELECT count(*) FROM stories", "SELECT count(*) FROM sentences",
                                     "SELECT count(*) FROM events", "SELECT count(*) FROM actors"};
    long *dst[4] = {&out->stories, &out->sentences, &out->events, &out->actors};
    for (int i = 0; i < 4; i++)
        if (db_run(st->db, q[i], 1, NULL, 0, max_row, dst[i]) != 0) return fail(st, ENT_ERR_IO, "counts: %s", db_error(st->db));
    return ENT_OK;
}

void ent_store_set_timeout(ent_store *st, long ms) { db_set_timeout(st->db, ms); }

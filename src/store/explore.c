/* explore.c — the store's queries for the explorer: full-text search of sentences (an
 * FTS5 index kept in step with the sentences table by triggers on SQLite, a GIN index on
 * to_tsvector('english', text) on PostgreSQL: schema.c, version 3), actor names from the
 * dictionaries, event counts by CAMEO root and PLOVER category, and one story with all its
 * sentences. */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- full-text condition ------------------------------------------------------------ */

/* The user's words as an FTS5 query that cannot be a syntax error: each word quoted (an
 * implicit AND), a trailing '*' kept as a prefix match.  For PostgreSQL the words go to
 * plainto_tsquery, which takes any text; '*' is dropped there. */
static char *fts_query(const char *text, int pg) {
    ent_buf b;
    ent_buf_init(&b);
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (!*p) break;
        size_t n = 0;
        while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != '\n' && p[n] != '\r') n++;
        int prefix = n > 1 && p[n - 1] == '*';
        size_t m = prefix ? n - 1 : n;
        ent_buf tok;
        ent_buf_init(&tok);
        for (size_t i = 0; i < m; i++)
            if (p[i] != '"' && p[i] != '*') ent_buf_putc(&tok, p[i]);
        if (tok.len) {
            if (b.len) ent_buf_putc(&b, ' ');
            if (pg) ent_buf_append(&b, tok.data, tok.len);
            else {
                ent_buf_putc(&b, '"');
                ent_buf_append(&b, tok.data, tok.len);
                ent_buf_putc(&b, '"');
                if (prefix) ent_buf_putc(&b, '*');
            }
        }
        ent_buf_free(&tok);
        p += n;
    }
    if (!b.len) ent_buf_puts(&b, ""); /* allocate */
    return b.data;
}

void ent_where_text(where *w, const char *text, db_kind kind) {
    if (w->nowned >= (int)(sizeof w->owned / sizeof w->owned[0]) || w->np >= (int)(sizeof w->p / sizeof w->p[0]) - 8)
        return; /* cannot happen: a filter uses at most 16 parameters */
    char *q = fts_query(text, kind == DB_PG);
    w->owned[w->nowned++] = q;
    ent_buf_puts(&w->sql, w->sql.len ? " AND " : " WHERE ");
    if (!*q) { ent_buf_puts(&w->sql, "1 = 0"); return; } /* no words left: nothing matches */
    if (kind == DB_PG)
        ent_buf_puts(&w->sql, "(e.story_id, e.sentence_index) IN (SELECT ts.story_id, ts.sentence_index FROM sentences ts"
                              " WHERE to_tsvector('english', coalesce(ts.text, '')) @@ plainto_tsquery('english', ?))");
    else
        ent_buf_puts(&w->sql, "(e.story_id, e.sentence_index) IN (SELECT ts.story_id, ts.sentence_index FROM sentences ts"
                              " WHERE ts.rowid IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))");
    w->p[w->np++] = db_text(q);
}

/* ---- actor names --------------------------------------------------------------------- */

typedef struct code_list { char **v; size_t n, cap; } code_list;

static int collect_code(const char *const *v, int n, void *user) {
    code_list *l = user;
    if (n < 1 || !v[0]) return 0;
    ENT_GROW(l->v, l->n + 1, l->cap);
    l->v[l->n++] = ent_xstrdup(v[0]);
    return 0;
}

ent_status ent_store_unnamed_actors(ent_store *st, long *count) {
    *count = 0;
    if (ent_db_run(ent_store_db(st), "SELECT count(*) FROM actors a WHERE NOT EXISTS (SELECT 1 FROM actor_names n WHERE n.code = a.code)",
                   0, NULL, 0, ent_db_row_long, count) != 0)
        return ent_store_fail(st, ENT_ERR_IO, "count unnamed actors");
    return ENT_OK;
}

ent_status ent_store_name_actors(ent_store *st, const ent_actor_names *names, long *named) {
    if (named) *named = 0;
    db *d = ent_store_db(st);
    code_list l = {0};
    ent_status rc = ENT_OK;
    if (ent_db_run(d, "SELECT a.code FROM actors a WHERE NOT EXISTS (SELECT 1 FROM actor_names n WHERE n.code = a.code)"
                  " ORDER BY a.code", 0, NULL, 0, collect_code, &l) != 0)
        rc = ent_store_fail(st, ENT_ERR_IO, "name actors");
    if (rc == ENT_OK && l.n) {
        if (ent_db_exec_script(d, "BEGIN") != 0) rc = ent_store_fail(st, ENT_ERR_IO, "name actors");
        for (size_t i = 0; rc == ENT_OK && i < l.n; i++) {
            char *name = ent_actor_names_get(names, l.v[i]);
            char *country = NULL;
            if (strlen(l.v[i]) > 3 && ent_actor_names_has(names, l.v[i], 3)) {
                char c3[4] = {l.v[i][0], l.v[i][1], l.v[i][2], 0};
                country = ent_actor_names_get(names, c3);
            } else if (strlen(l.v[i]) == 3 && name) {
                country = ent_xstrdup(name);
            }
            db_param p[3] = {db_text(l.v[i]), db_text(name), db_text(country)};
            if (ent_db_run(d, "INSERT INTO actor_names (code, name, country) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE"
                          " SET name = excluded.name, country = excluded.country", 1, p, 3, NULL, NULL) != 0)
                rc = ent_store_fail(st, ENT_ERR_IO, "name actors");
            else if (named && name) (*named)++;
            free(name);
            free(country);
        }
        if (rc == ENT_OK && ent_db_exec_script(d, "COMMIT") != 0) rc = ent_store_fail(st, ENT_ERR_IO, "name actors");
        if (rc != ENT_OK) ent_db_exec_script(d, "ROLLBACK");
    }
    for (size_t i = 0; i < l.n; i++) free(l.v[i]);
    free(l.v);
    return rc;
}

typedef struct name_out { char *name, *country; int found; } name_out;

static int name_row(const char *const *v, int n, void *user) {
    name_out *o = user;
    if (n < 2) return 1;
    o->found = 1;
    o->name = v[0] ? ent_xstrdup(v[0]) : NULL;
    o->country = v[1] ? ent_xstrdup(v[1]) : NULL;
    return 1;
}

ent_status ent_store_actor_name(ent_store *st, const char *code, char **name, char **country) {
    *name = NULL;
    if (country) *country = NULL;
    if (!code || !*code) return ENT_OK;
    name_out o = {0};
    db_param p = db_text(code);
    if (ent_db_run(ent_store_db(st), "SELECT name, country FROM actor_names WHERE code = ?", 1, &p, 1, name_row, &o) != 0)
        return ent_store_fail(st, ENT_ERR_IO, "actor name");
    *name = o.name;
    if (country) *country = o.country;
    else free(o.country);
    return ENT_OK;
}

typedef struct names_cb { ent_store_name_fn fn; void *user; } names_cb;

static int each_name(const char *const *v, int n, void *user) {
    names_cb *cb = user;
    if (n < 3 || !v[0]) return 0;
    return cb->fn(v[0], v[1], v[2], cb->user);
}

ent_status ent_store_actor_names_each(ent_store *st, ent_store_name_fn fn, void *user) {
    names_cb cb = {fn, user};
    if (ent_db_run(ent_store_db(st), "SELECT code, name, country FROM actor_names ORDER BY code", 1, NULL, 0, each_name, &cb) != 0)
        return ent_store_fail(st, ENT_ERR_IO, "actor names");
    return ENT_OK;
}

ent_status ent_store_actor_names_of(ent_store *st, const char *const *codes, size_t n, ent_store_name_fn fn, void *user) {
    enum { CHUNK = DB_MAX_PARAMS }; /* codes per query */
    names_cb cb = {fn, user};
    db_param p[CHUNK];
    ent_buf q;
    ent_buf_init(&q);
    ent_status rc = ENT_OK;
    for (size_t at = 0; rc == ENT_OK && at < n; at += CHUNK) {
        size_t k = n - at < CHUNK ? n - at : CHUNK;
        ent_buf_clear(&q);
        ent_buf_puts(&q, "SELECT code, name, country FROM actor_names WHERE code IN (");
        for (size_t i = 0; i < k; i++) {
            ent_buf_puts(&q, i ? ", ?" : "?");
            p[i] = db_text(codes[at + i]);
        }
        ent_buf_putc(&q, ')');
        if (ent_db_run(ent_store_db(st), q.data, 0, p, (int)k, each_name, &cb) != 0) rc = ent_store_fail(st, ENT_ERR_IO, "actor names");
    }
    ent_buf_free(&q);
    return rc;
}

/* ---- counts by category --------------------------------------------------------------- */

typedef struct cat_cb { ent_store_category_fn fn; void *user; } cat_cb;

/* One (root, PLOVER) row with its count, counts per quad class 1..4: a callback per quad
 * class that has events (the rest of the count is quad 0, unknown), quad order. */
static int cat_row(const char *const *v, int n, void *user) {
    cat_cb *cb = user;
    if (n < 7) return 1;
    const char *root = v[0] ? v[0] : "", *plover = v[1] ? v[1] : "";
    long q[5];
    q[0] = v[2] ? atol(v[2]) : 0;
    for (int k = 1; k <= 4; k++) { q[k] = v[2 + k] ? atol(v[2 + k]) : 0; q[0] -= q[k]; }
    for (int k = 0; k <= 4; k++)
        if (q[k] > 0 && cb->fn(root, plover, k, q[k], cb->user)) return 1;
    return 0;
}

ent_status ent_store_category_counts(ent_store *st, const ent_store_filter *f, ent_store_category_fn fn, void *user) {
    db *d = ent_store_db(st);
    table t = ent_store_pick_table(f, ENT_PERIOD_ALL, ENT_GROUP_NONE, 1);
    where w;
    ent_where_build(&w, f, t, ent_db_get_kind(d));
    ent_buf q;
    ent_buf_init(&q);
    /* the events' missing root or category is '' as in the rollups, so both group alike */
    const char *keys = t == T_EVENTS ? "coalesce(e.root, ''), coalesce(e.plover, '')" : "e.root, e.plover";
    ent_buf_printf(&q, "SELECT %s, ", keys);
    ent_store_agg_sums(&q, t, f ? f->quad : 0, 0);
    ent_buf_printf(&q, " FROM %s%s GROUP BY 1, 2 ORDER BY 1, 2", ent_store_table_sql(t), w.sql.data ? w.sql.data : "");
    cat_cb cb = {fn, user};
    ent_status rc = ENT_OK;
    if (ent_db_run(d, q.data, 0, w.p, w.np, cat_row, &cb) != 0) rc = ent_store_fail(st, ENT_ERR_IO, "counts");
    ent_buf_free(&q);
    ent_where_free(&w);
    return rc;
}

/* ---- one story ------------------------------------------------------------------------ */

typedef struct story_cb { ent_store_story_fn fn; ent_store_sentence_fn sfn; void *user; int found; } story_cb;

static int story_row(const char *const *v, int n, void *user) {
    story_cb *cb = user;
    if (n < 5) return 1;
    cb->found = 1;
    ent_story_meta m = {v[0], v[1] ? atol(v[1]) : 0, v[2], v[3], v[4], 0};
    return cb->fn ? cb->fn(&m, cb->user) : 0;
}

static int sentence_row(const char *const *v, int n, void *user) {
    story_cb *cb = user;
    if (n < 4) return 1;
    return cb->sfn ? cb->sfn(v[0] ? atol(v[0]) : 0, v[1], v[2] ? atol(v[2]) : 0, v[3] ? v[3] : "", cb->user) : 0;
}

ent_status ent_store_story(ent_store *st, const char *story_id, ent_store_story_fn fn, ent_store_sentence_fn sfn,
                           void *user, int *found) {
    db *d = ent_store_db(st);
    story_cb cb = {fn, sfn, user, 0};
    db_param p = db_text(story_id);
    *found = 0;
    if (ent_db_run(d, "SELECT story_id, date, publisher, title, url FROM stories WHERE story_id = ?", 1, &p, 1, story_row,
               &cb) != 0)
        return ent_store_fail(st, ENT_ERR_IO, "story");
    if (!cb.found) return ENT_OK;
    *found = 1;
    if (ent_db_run(d, "SELECT sentence_index, sentence_id, date, text FROM sentences WHERE story_id = ?"
                  " ORDER BY sentence_index", 1, &p, 1, sentence_row, &cb) != 0)
        return ent_store_fail(st, ENT_ERR_IO, "story sentences");
    return ENT_OK;
}

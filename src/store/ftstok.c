/* ftstok.c — the full-text tokens of a bulk load's sentences, made on the loading thread
 * and replayed on the writer's connection (SQLite).
 *
 * A chunked SQLite load has two threads: the one that reads the input and builds chunks,
 * and SQLite's one writer, the load's bottleneck.  FTS5 tokenises every new sentence on
 * the writer (the table's tokenizer, 'porter unicode61': schema.c, version 3).  Here the
 * loading thread runs that very tokenizer (SQLite's own, found on its connection) over the
 * sentences of each chunk it hands, and the writer's connection answers FTS5's requests
 * for document tokens from those lists instead of tokenising again.
 *
 * The writer's connection has a tokenizer named "porter" of its own (registered at open,
 * before any statement opens the full-text table; FTS5 takes the newest of a name) that
 * wraps SQLite's.  For each document FTS5 gives it, it looks at its queue of (text, tokens)
 * pairs, queued by the writer in the order it inserted the sentences, which is the order
 * in which the catch-up (store.c, FTS_CATCH_UP) reads them back: when the text is
 * byte for byte the queued one (the head, or one of the next few when rows were skipped),
 * the queued tokens are given; otherwise SQLite's tokenizer runs as usual.  The tokens
 * given are thus always what SQLite's tokenizer gives for that text, and the index is the
 * one a plain insert makes (tests/unit/test_store_load.c checks it with FTS5's
 * integrity-check from a connection without the wrapper).  Queries, prefix and auxiliary
 * requests always run SQLite's tokenizer.  Other programs opening the store see the plain
 * schema: nothing here is stored. */
#include "store/db.h"
#include "util/util.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far past the head a document's text is looked for in the queue (queued sentences
 * the catch-up does not read, e.g. rows an insert left alone, are passed over). */
#define LOOKAHEAD 16
/* The tokenizer arguments the store's table gives "porter" (schema.c, version 3). */
#define PARENT_ARG "unicode61"

struct ftstok_conn {
    fts5_tokenizer orig; /* SQLite's porter tokenizer of this connection */
    void *orig_user;
    ent_buf q;           /* entries: u32 text length, text, u32 tokens length, tokens */
    size_t head;         /* offset of the first entry not yet given */
    long queued, replayed, tokenized;
};

/* A token record: i32 flags, start, end, length, then the token's bytes. */
typedef struct { int32_t flags, start, end, len; } tok_rec;

struct ent_ftstok {
    struct ftstok_conn *c;
    Fts5Tokenizer *tok;
    ent_buf *out;
};

typedef struct wrap_tok {
    struct ftstok_conn *c;
    Fts5Tokenizer *real;
    int replayable; /* made with the store table's arguments */
} wrap_tok;

static fts5_api *fts5_of(sqlite3 *lite) {
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(lite, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

static int wrap_create(void *user, const char **argv, int argc, Fts5Tokenizer **out) {
    struct ftstok_conn *c = user;
    wrap_tok *w = calloc(1, sizeof *w);
    if (!w) return SQLITE_NOMEM;
    w->c = c;
    w->replayable = argc == 1 && !strcmp(argv[0], PARENT_ARG);
    int rc = c->orig.xCreate(c->orig_user, argv, argc, &w->real);
    if (rc != SQLITE_OK) { free(w); return rc; }
    *out = (Fts5Tokenizer *)w;
    return SQLITE_OK;
}

static void wrap_delete(Fts5Tokenizer *t) {
    wrap_tok *w = (wrap_tok *)t;
    if (!w) return;
    w->c->orig.xDelete(w->real);
    free(w);
}

static uint32_t get_u32(const char *p) { uint32_t v; memcpy(&v, p, sizeof v); return v; }

/* The queued entry at offset at: its text and tokens; returns the next entry's offset. */
static size_t entry_at(const ent_buf *q, size_t at, const char **text, size_t *ntext, const char **toks, size_t *ntoks) {
    *ntext = get_u32(q->data + at);
    *text = q->data + at + 4;
    at += 4 + *ntext;
    *ntoks = get_u32(q->data + at);
    *toks = q->data + at + 4;
    return at + 4 + *ntoks;
}

static int wrap_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int ntext,
                         int (*emit)(void *, int, const char *, int, int, int)) {
    wrap_tok *w = (wrap_tok *)t;
    struct ftstok_conn *c = w->c;
    if (w->replayable && flags == FTS5_TOKENIZE_DOCUMENT && ntext >= 0) {
        size_t at = c->head;
        for (int k = 0; k < LOOKAHEAD && at < c->q.len; k++) {
            const char *qt, *toks;
            size_t nq, nt;
            size_t next = entry_at(&c->q, at, &qt, &nq, &toks, &nt);
            if (nq == (size_t)ntext && !memcmp(qt, text, nq)) {
                c->head = next;
                c->replayed++;
                for (size_t i = 0; i < nt;) {
                    tok_rec r;
                    memcpy(&r, toks + i, sizeof r);
                    int rc = emit(ctx, r.flags, toks + i + sizeof r, r.len, r.start, r.end);
                    if (rc != SQLITE_OK) return rc == SQLITE_DONE ? SQLITE_OK : rc;
                    i += sizeof r + (size_t)r.len;
                }
                return SQLITE_OK;
            }
            at = next;
        }
    }
    c->tokenized++;
    return c->orig.xTokenize(w->real, ctx, flags, text, ntext, emit);
}

static void conn_free(void *p) {
    struct ftstok_conn *c = p;
    if (!c) return;
    ent_buf_free(&c->q);
    free(c);
}

struct ftstok_conn *ent_ftstok_attach(struct sqlite3 *lite) {
    fts5_api *api = fts5_of(lite);
    if (!api || api->iVersion < 1) return NULL;
    struct ftstok_conn *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    ent_buf_init(&c->q);
    if (api->xFindTokenizer(api, "porter", &c->orig_user, &c->orig) != SQLITE_OK) { conn_free(c); return NULL; }
    fts5_tokenizer wrap = {wrap_create, wrap_delete, wrap_tokenize};
    /* from here SQLite owns c: conn_free runs when the connection closes */
    if (api->xCreateTokenizer(api, "porter", c, &wrap, conn_free) != SQLITE_OK) return NULL;
    return c;
}

void ent_ftstok_queue(struct ftstok_conn *c, const char *text, size_t ntext, const char *toks, size_t ntoks) {
    if (!c || ntext > UINT32_MAX || ntoks > UINT32_MAX) return;
    uint32_t n = (uint32_t)ntext, m = (uint32_t)ntoks;
    ent_buf_append(&c->q, (const char *)&n, 4);
    ent_buf_append(&c->q, text, ntext);
    ent_buf_append(&c->q, (const char *)&m, 4);
    ent_buf_append(&c->q, toks, ntoks);
    c->queued++;
}

void ent_ftstok_clear(struct ftstok_conn *c) {
    if (!c) return;
    ent_buf_clear(&c->q);
    c->head = 0;
}

void ent_ftstok_counts(const struct ftstok_conn *c, long *queued, long *replayed, long *tokenized) {
    *queued = c ? c->queued : 0;
    *replayed = c ? c->replayed : 0;
    *tokenized = c ? c->tokenized : 0;
}

static int take_token(void *user, int flags, const char *tok, int n, int start, int end) {
    ent_ftstok *t = user;
    if (n < 0) return SQLITE_OK;
    tok_rec r = {flags, start, end, n};
    ent_buf_append(t->out, (const char *)&r, sizeof r);
    ent_buf_append(t->out, tok, (size_t)n);
    return SQLITE_OK;
}

ent_ftstok *ent_ftstok_new(struct ftstok_conn *c) {
    if (!c) return NULL;
    ent_ftstok *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    const char *arg[1] = {PARENT_ARG};
    t->c = c;
    if (c->orig.xCreate(c->orig_user, arg, 1, &t->tok) != SQLITE_OK) { free(t); return NULL; }
    return t;
}

int ent_ftstok_run(ent_ftstok *t, const char *text, size_t n, ent_buf *out) {
    if (!t || n > INT32_MAX) return 0;
    t->out = out;
    return t->c->orig.xTokenize(t->tok, t, FTS5_TOKENIZE_DOCUMENT, text, (int)n, take_token) == SQLITE_OK;
}

void ent_ftstok_free(ent_ftstok *t) {
    if (!t) return;
    t->c->orig.xDelete(t->tok);
    free(t);
}

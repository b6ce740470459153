/* db.h — the thin database layer under the event store: one SQL dialect (the common
 * subset of SQLite and PostgreSQL, '?' placeholders) run on either backend.  Internal.
 * Errors: functions return an ent_status; the message is in ent_db_error(d) until the next
 * statement on the same handle. */
#ifndef ENT_STORE_DB_H
#define ENT_STORE_DB_H

#include "entente.h"
#include "util/util.h"

typedef enum { DB_SQLITE, DB_PG } db_kind;

typedef enum { P_NULL, P_TEXT, P_INT, P_REAL } db_ptype;
typedef struct db_param {
    db_ptype t;
    const char *s;
    long long i;
    double d;
} db_param;
/* Parameters one statement may bind (more is an error, never a truncated list). */
#define DB_MAX_PARAMS 64

static inline db_param db_text(const char *s) { return (db_param){s ? P_TEXT : P_NULL, s, 0, 0}; }
static inline db_param db_int(long long i) { return (db_param){P_INT, NULL, i, 0}; }
static inline db_param db_real(double d) { return (db_param){P_REAL, NULL, 0, d}; }

/* Row callback: vals[i] is NULL for SQL NULL; valid only during the call.  Nonzero stops. */
typedef int (*db_row_fn)(const char *const *vals, int ncols, void *user);

typedef struct db db;

/* Open a connection (read_only: the session refuses writes, for serve's workers).  On
 * failure *out is NULL and the reason ("store: ...") is in diag. */
ent_status ent_db_open(const char *uri, int read_only, ent_diag *diag, db **out);
void ent_db_close(db *d);
db_kind ent_db_get_kind(const db *d);
/* Message of this connection's last failure. */
const char *ent_db_error(const db *d);
/* 1 when the last failure was PostgreSQL's deadlock_detected (40P01) or
 * serialization_failure (40001): the transaction was rolled back and may be run again. */
int ent_db_retryable(const db *d);
/* 1 when the last db_run failed because it ran into the db_set_timeout limit. */
int ent_db_interrupted(const db *d);
/* 1 when a transaction is open on d (PostgreSQL: not idle; SQLite: not in autocommit). */
int ent_db_in_transaction(const db *d);
/* Run statements without parameters (may be several separated by ';'). */
ent_status ent_db_exec_script(db *d, const char *sql);
/* Run one statement with parameters, delivering each result row to fn (may be NULL).
 * sql must be a string literal or otherwise live as long as d (SQLite caches the prepared
 * statement by its address) unless cache is 0. */
ent_status ent_db_run(db *d, const char *sql, int cache, const db_param *p, int np, db_row_fn fn, void *user);
/* SQLite writers: run sql, a statement that reads the table ent_rows (columns c0 ..
 * c31, e.g. "INSERT INTO t (a, b) SELECT c0, c1 FROM ent_rows"), which gives nrows rows:
 * row i's values are asked of fill(user, i, out) once, with out[0 .. DB_ROWS_MAX_COLS-1]
 * preset to NULL; the text it points to must live until the call returns.  sql is cached
 * by address, as ent_db_run's with cache 1.  PostgreSQL or a read-only handle:
 * ENT_ERR_UNSUPPORTED. */
#define DB_ROWS_MAX_COLS 32
typedef void (*db_row_fill)(void *user, size_t row, db_param *out);
ent_status ent_db_run_rows(db *d, const char *sql, size_t nrows, db_row_fill fill, void *user);
/* A db_row_fn for a one-value answer: its first column (when not NULL) into *(long *)user. */
int ent_db_row_long(const char *const *v, int n, void *user);
/* ent_db_run for an answer that may be large and is wanted as it comes (cache 0): on
 * PostgreSQL through a cursor, in its own transaction when none is open, fetched 1000
 * rows at a time.  The planner then favours plans that give the first rows early, such as
 * reading an index in the order asked instead of sorting the whole answer, and rows do
 * not cost a result object each (single-row mode).  The time limit holds for the whole
 * answer, as on SQLite. */
ent_status ent_db_run_stream(db *d, const char *sql, const db_param *p, int np, db_row_fn fn, void *user);
/* PostgreSQL only: run copy_sql ("COPY t (cols) FROM STDIN") with data in COPY text
 * format (rows built with ent_db_copy_field). */
ent_status ent_db_copy(db *d, const char *copy_sql, const char *data, size_t len);
/* Append one COPY text field (s NULL: \N) and a tab, or a newline when last. */
void ent_db_copy_field(ent_buf *b, const char *s, int last);
/* A read-only handle on a PostgreSQL server of this machine (unix socket or loopback):
 * its backend process's CPU time and time waiting for a processor so far, in ms (Linux
 * /proc/PID/schedstat); 1 when known, 0 otherwise (SQLite, a remote server, no /proc). */
int ent_db_server_clock(const db *d, double *cpu_ms, double *runq_ms);
/* Abort statements running longer than ms milliseconds (0: no limit). */
void ent_db_set_timeout(db *d, long ms);

/* ftstok.c: full-text tokens made ahead by a bulk load's reading thread and replayed on
 * its writer's SQLite connection (see there).
 * - ent_ftstok_attach: at the open of a SQLite connection that writes; NULL when SQLite has
 *   no FTS5 (the connection then tokenises as usual).  The state belongs to the connection.
 * - ent_db_ftstok: that state (NULL on PostgreSQL, read-only handles, or no FTS5).
 * - ent_ftstok_queue: the writer queues a sentence it inserted, with its tokens; the
 *   catch-up after takes them; ent_ftstok_clear drops what is left (after a catch-up, or a
 *   rolled-back chunk).  ent_ftstok_counts: entries queued, documents replayed and
 *   documents tokenised by SQLite, since the open.
 * - ent_ftstok_new (on the thread that will use it; c: its own connection's state) makes
 *   a tokenizer for ent_ftstok_run, which appends the tokens of text to out (returns 0 on
 *   failure); free it before its connection closes. */
struct sqlite3;
struct ftstok_conn;
typedef struct ent_ftstok ent_ftstok;
struct ftstok_conn *ent_ftstok_attach(struct sqlite3 *lite);
struct ftstok_conn *ent_db_ftstok(const db *d);
void ent_ftstok_queue(struct ftstok_conn *c, const char *text, size_t ntext, const char *toks, size_t ntoks);
void ent_ftstok_clear(struct ftstok_conn *c);
void ent_ftstok_counts(const struct ftstok_conn *c, long *queued, long *replayed, long *tokenized);
ent_ftstok *ent_ftstok_new(struct ftstok_conn *c);
int ent_ftstok_run(ent_ftstok *t, const char *text, size_t n, ent_buf *out);
void ent_ftstok_free(ent_ftstok *t);

/* schema.c: bring the database up to the newest schema version (see schema.c). */
ent_status ent_store_migrate(db *d, ent_diag *diag);
int ent_store_schema_latest(void);

#endif

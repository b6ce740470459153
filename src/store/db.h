/* db.h — the thin database layer under the event store: one SQL dialect (the common
 * subset of SQLite and PostgreSQL, '?' placeholders) run on either backend.  Internal. */
#ifndef ENT_STORE_DB_H
#define ENT_STORE_DB_H

#include "entente.h"

typedef enum { DB_SQLITE, DB_PG } db_kind;

typedef enum { P_NULL, P_TEXT, P_INT, P_REAL } db_ptype;
typedef struct db_param {
    db_ptype t;
    const char *s;
    long long i;
    double d;
} db_param;

static inline db_param db_text(const char *s) { return (db_param){s ? P_TEXT : P_NULL, s, 0, 0}; }
static inline db_param db_int(long long i) { return (db_param){P_INT, NULL, i, 0}; }
static inline db_param db_real(double d) { return (db_param){P_REAL, NULL, 0, d}; }

/* Row callback: vals[i] is NULL for SQL NULL; valid only during the call.  Nonzero stops. */
typedef int (*db_row_fn)(const char *const *vals, int ncols, void *user);

typedef struct db db;

/* Open a connection; NULL with a message in err (size errsz) on failure. */
/* Open a database (uri as for ent_store_open); NULL with "store: ..." in diag on failure. */
db *db_open(const char *uri, ent_diag *diag);
void db_close(db *d);
db_kind db_get_kind(const db *d);
/* Last error message of this connection. */
const char *db_error(const db *d);
/* Run statements without parameters (may be several separated by ';'). 0 ok, -1 error. */
int db_exec_script(db *d, const char *sql);
/* Run one statement with parameters, delivering each result row to fn (may be NULL).
 * sql must be a string literal or otherwise live as long as d (SQLite caches the prepared
 * statement by its address) unless cache is 0.  0 ok, -1 error. */
/* PostgreSQL: between db_batch_begin and db_batch_flush, statements that return no rows
 * (db_exec_script, db_run without a callback) are collected with their parameters inlined
 * as literals and sent in one round trip by db_batch_flush (or before the next statement
 * that returns rows).  Errors then surface at the flush.  db_batch_discard drops what was
 * not sent yet.  No-ops on SQLite, where every statement runs at once. */
void db_batch_begin(db *d);
int db_batch_flush(db *d);
void db_batch_discard(db *d);
/* Abort statements running longer than ms milliseconds (0: no limit). */
void db_set_timeout(db *d, long ms);
int db_run(db *d, const char *sql, int cache, const db_param *p, int np, db_row_fn fn, void *user);

#endif

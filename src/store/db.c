/* db.c — runs the store's SQL on SQLite (sqlite3) or PostgreSQL (libpq).  Statements use
 * '?' placeholders; for PostgreSQL they are rewritten to $1, $2, ...  Rows come back as
 * text columns on both backends (PostgreSQL in single-row mode, so large scans stream). */
#include "store/db.h"
#include "util/util.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define STMT_CACHE 32

struct db {
    db_kind kind;
    sqlite3 *lite;
    PGconn *pg;
    ent_buf err;       /* the last failure's message, whole (db_error) */
    struct { const char *sql; sqlite3_stmt *stmt; } cache[STMT_CACHE];
    int ncache;
    long timeout_ms;
    int read_only;
    int interrupted;   /* the last statement ran into the time limit */
    char state[6];     /* PostgreSQL: SQLSTATE of the last failure ("" when none or unknown) */
    struct timespec deadline;
    int srv_pid;       /* PostgreSQL on this machine: the backend's process id (its clock); else 0 */
    /* SQLite: the rows that the table ent_rows gives while ent_db_run_rows runs (else NULL) */
    const struct rows_src *rows;
    /* SQLite writer: its tokenizer that replays tokens made ahead (ftstok.c; owned by the
     * connection), or NULL */
    struct ftstok_conn *ftstok;
};

/* ---- rows from the caller's memory (SQLite) --------------------------------------------
 * ent_rows is an eponymous virtual table (it needs no CREATE; every writer connection has
 * it): while ent_db_run_rows runs a statement on the connection, it gives that call's rows,
 * each filled on demand by the caller's db_row_fill, as columns c0 .. c31 (unfilled: NULL).
 * A bulk write is then one statement, INSERT ... SELECT ... FROM ent_rows, instead of one
 * bind, step and reset per row, and SQLite keeps its cursors on the written table and its
 * indexes open across the rows. */
typedef struct rows_src {
    size_t n;
    db_row_fill fill;
    void *user;
} rows_src;

typedef struct rows_vtab {
    sqlite3_vtab base;
    db *d;
} rows_vtab;

typedef struct rows_cursor {
    sqlite3_vtab_cursor base;
    size_t i;
    size_t filled; /* the row whose values are in p; SIZE_MAX: none */
    db_param p[DB_ROWS_MAX_COLS];
} rows_cursor;

/* zeroed memory from SQLite's allocator (the module's objects are freed by sqlite3_free) */
static void *lite_zalloc(size_t n) {
    void *p = sqlite3_malloc64(n);
    if (p) memset(p, 0, n);
    return p;
}

static int rows_connect(sqlite3 *lite, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) {
    (void)argc; (void)argv; (void)err;
    ent_buf decl;
    ent_buf_init(&decl);
    ent_buf_puts(&decl, "CREATE TABLE x(");
    for (int i = 0; i < DB_ROWS_MAX_COLS; i++) ent_buf_printf(&decl, "%sc%d", i ? ", " : "", i);
    ent_buf_puts(&decl, ")");
    int rc = sqlite3_declare_vtab(lite, decl.data);
    ent_buf_free(&decl);
    if (rc != SQLITE_OK) return rc;
    rows_vtab *v = lite_zalloc(sizeof *v);
    if (!v) return SQLITE_NOMEM;
    v->d = aux;
    *out = &v->base;
    return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *v) { sqlite3_free(v); return SQLITE_OK; }

static int rows_best_index(sqlite3_vtab *v, sqlite3_index_info *info) {
    const rows_src *r = ((rows_vtab *)v)->d->rows;
    info->estimatedRows = r ? (sqlite3_int64)r->n : 1;
    info->estimatedCost = (double)info->estimatedRows;
    return SQLITE_OK;
}

static int rows_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out) {
    (void)v;
    rows_cursor *c = lite_zalloc(sizeof *c);
    if (!c) return SQLITE_NOMEM;
    c->filled = SIZE_MAX;
    *out = &c->base;
    return SQLITE_OK;
}

static int rows_close(sqlite3_vtab_cursor *c) { sqlite3_free(c); return SQLITE_OK; }

static int rows_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc, sqlite3_value **argv) {
    (void)idx; (void)idxstr; (void)argc; (void)argv;
    rows_cursor *c = (rows_cursor *)cur;
    c->i = 0;
    c->filled = SIZE_MAX;
    return SQLITE_OK;
}

static int rows_next(sqlite3_vtab_cursor *cur) { ((rows_cursor *)cur)->i++; return SQLITE_OK; }

static int rows_eof(sqlite3_vtab_cursor *cur) {
    const rows_src *r = ((rows_vtab *)cur->pVtab)->d->rows;
    return !r || ((rows_cursor *)cur)->i >= r->n;
}

static int rows_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
    rows_cursor *c = (rows_cursor *)cur;
    const rows_src *r = ((rows_vtab *)cur->pVtab)->d->rows;
    if (!r || col < 0 || col >= DB_ROWS_MAX_COLS) { sqlite3_result_null(ctx); return SQLITE_OK; }
    if (c->filled != c->i) {
        for (int k = 0; k < DB_ROWS_MAX_COLS; k++) c->p[k] = db_text(NULL);
        r->fill(r->user, c->i, c->p);
        c->filled = c->i;
    }
    const db_param *p = &c->p[col];
    switch (p->t) {
    case P_NULL: sqlite3_result_null(ctx); break;
    case P_TEXT: sqlite3_result_text(ctx, p->s, -1, SQLITE_STATIC); break; /* lives as long as the call */
    case P_INT: sqlite3_result_int64(ctx, p->i); break;
    case P_REAL: sqlite3_result_double(ctx, p->d); break;
    }
    return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
    *rowid = (sqlite3_int64)((rows_cursor *)cur)->i;
    return SQLITE_OK;
}

static const sqlite3_module ROWS_MODULE = {
    .iVersion = 1,
    .xCreate = NULL, /* eponymous only: used by name, never created */
    .xConnect = rows_connect,
    .xBestIndex = rows_best_index,
    .xDisconnect = rows_disconnect,
    .xDestroy = rows_disconnect,
    .xOpen = rows_open,
    .xClose = rows_close,
    .xFilter = rows_filter,
    .xNext = rows_next,
    .xEof = rows_eof,
    .xColumn = rows_column,
    .xRowid = rows_rowid,
};

static void quiet_notice(void *arg, const char *msg) { (void)arg; (void)msg; }

static int get_int(const char *const *v, int n, void *u) {
    if (n > 0 && v[0]) *(int *)u = atoi(v[0]);
    return 0;
}

/* d->srv_pid: the backend serving this connection when it runs on this machine, so that
 * ent_db_server_clock can read its CPU time from /proc; 0 for a remote server.  Local
 * means a unix socket or a loopback address, and /proc/PID naming a postgres process
 * (a server in another PID namespace, such as a container, fails that check or, rarely,
 * names another postgres process: the figures are then not this backend's). */
static void pg_find_backend(db *d) {
    d->srv_pid = 0;
    const char *h = PQhost(d->pg);
    if (!h || !(h[0] == '/' || h[0] == '@' || !strcmp(h, "localhost") || !strncmp(h, "127.", 4) || !strcmp(h, "::1")))
        return;
    int pid = 0;
    if (ent_db_run(d, "SELECT pg_backend_pid()", 0, NULL, 0, get_int, &pid) != ENT_OK || pid <= 0) return;
    char path[64], comm[32] = "";
    snprintf(path, sizeof path, "/proc/%d/comm", pid);
    FILE *f = fopen(path, "r");
    if (!f) return;
    if (!fgets(comm, sizeof comm, f)) comm[0] = 0;
    fclose(f);
    double c, q;
    if (!strncmp(comm, "postgres", 8)) {
        d->srv_pid = pid;
        if (!ent_db_server_clock(d, &c, &q)) d->srv_pid = 0; /* no schedstat */
    }
}

int ent_db_server_clock(const db *d, double *cpu_ms, double *runq_ms) {
    *cpu_ms = *runq_ms = 0;
    if (!d || d->kind != DB_PG || d->srv_pid <= 0) return 0;
    char path[64], b[128];
    snprintf(path, sizeof path, "/proc/%d/schedstat", d->srv_pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t n = read(fd, b, sizeof b - 1);
    close(fd);
    if (n <= 0) return 0;
    b[n] = 0;
    unsigned long long run = 0, wait = 0;
    if (sscanf(b, "%llu %llu", &run, &wait) != 2) return 0;
    *cpu_ms = (double)run / 1e6;
    *runq_ms = (double)wait / 1e6;
    return 1;
}

static int is_pg_uri(const char *uri) {
    return !strncmp(uri, "postgresql://", 13) || !strncmp(uri, "postgres://", 11);
}

/* Set the failure message (kept whole; trailing newlines and spaces dropped). */
static void set_err(db *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(db *d, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    d->state[0] = 0;
    ent_buf_clear(&d->err);
    ent_buf_vprintf(&d->err, fmt, ap);
    va_end(ap);
    while (d->err.len && (d->err.data[d->err.len - 1] == '\n' || d->err.data[d->err.len - 1] == ' '))
        d->err.data[--d->err.len] = 0;
}

/* Fill d->err from a libpq connection message. */
static void pg_conn_err(db *d) { set_err(d, "%s", d->pg ? PQerrorMessage(d->pg) : "out of memory"); }

/* SQLite's process-wide settings, once, before its first connection.  Memory statistics
 * off: with them on (SQLite's default) every allocation and free of every connection
 * takes one global mutex, and serve's concurrent readers spent most of their time asleep
 * on it (20 clients: requests blocked on that mutex for longer than their own CPU time,
 * the server using 0.3 of 2 cores).  entente reads no memory statistics.  If the
 * application embedding libentente has already initialised SQLite, sqlite3_config refuses
 * (SQLITE_MISUSE) and its settings stay. */
static pthread_once_t lite_once = PTHREAD_ONCE_INIT;
static void lite_setup(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

/* PostgreSQL: the session settings of a read-only handle (serve's pool).  No parallel
 * workers: serve answers many requests at once, each on its own backend, and a plan's
 * workers would be further processes competing for the same few cores, their work
 * counted neither in the request's backend (Server-Timing `db`) nor anywhere but as
 * `blocked`.  No JIT compilation: a plan over many rows (an export of every event; a
 * listing without LIMIT at 1M events compiled for 3.3 s before it ran) pays seconds of
 * compiling for a query that streams.  At 1M events none of the bench's endpoints had a
 * parallel or JIT plan; the settings keep it so as stores grow.  (The 20-client
 * outliers of last round came from new connections' catalog caches: store.c,
 * ent_store_open_reader.) */
#define PG_READER_SETUP \
    "SET default_transaction_read_only = on; SET max_parallel_workers_per_gather = 0; SET jit = off"

ent_status ent_db_open(const char *uri, int read_only, ent_diag *diag, db **out) {
    *out = NULL;
    pthread_once(&lite_once, lite_setup);
    db *d = ent_xcalloc(1, sizeof *d);
    ent_buf_init(&d->err);
    if (is_pg_uri(uri)) {
        d->kind = DB_PG;
        d->pg = PQconnectdb(uri);
        if (!d->pg || PQstatus(d->pg) != CONNECTION_OK) {
            pg_conn_err(d);
            ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot connect to PostgreSQL: %s", ent_db_error(d));
            if (d->pg) PQfinish(d->pg);
            ent_buf_free(&d->err);
            free(d);
            return ENT_ERR_IO;
        }
        PQsetNoticeProcessor(d->pg, quiet_notice, NULL);
        d->read_only = read_only;
        if (read_only && ent_db_exec_script(d, PG_READER_SETUP) != ENT_OK) {
            ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: %s", ent_db_error(d));
            ent_db_close(d);
            return ENT_ERR_IO;
        }
        if (read_only) pg_find_backend(d); /* serve's handles time their backend */
        *out = d;
        return ENT_OK;
    }
    d->kind = DB_SQLITE;
    const char *path = !strncmp(uri, "sqlite:", 7) ? uri + 7 : uri;
    if (!*path) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: empty database path (expected a file path or postgresql:// URI)");
        free(d);
        return ENT_ERR_INVALID;
    }
    /* a writer's connection is used by one thread only: no per-call connection mutex
     * (SQLITE_OPEN_NOMUTEX; a bulk load makes millions of calls) */
    int rc = sqlite3_open_v2(path, &d->lite, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (read_only ? 0 : SQLITE_OPEN_NOMUTEX),
                             NULL);
    if (rc != SQLITE_OK) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot open SQLite database %s: %s", path,
                     d->lite ? sqlite3_errmsg(d->lite) : sqlite3_errstr(rc));
        sqlite3_close(d->lite);
        free(d);
        return ENT_ERR_IO;
    }
    sqlite3_busy_timeout(d->lite, 10000);
    /* WAL: readers (serve, query) never block the writer; a killed writer loses only its
     * open transaction. */
    /* Switching a new file to WAL needs a moment of exclusive access, and SQLite may
     * answer "locked" at once (without its busy handler) while another process opens the
     * same new file: retry for up to 10 s. */
    int tries = 0;
    ent_status failed;
    /* A new store gets 16 KiB pages (SQLite's default is 4 KiB; the size is fixed once the
     * file holds a page, so this is a no-op on an existing store, and it must come before
     * the switch to WAL).  A load's inserts land all over the event indexes and rollups;
     * with fewer, larger pages it makes fewer page lookups, WAL frames and system calls:
     * ten loads of 100k events in random date order cost 4.4 CPU-s for the last 100k
     * against 5.4 with 4 KiB pages, and the first 2.7 against 3.0 (bench-store.sh; 32 and
     * 64 KiB measured the same).  A small load onto a large store writes each page it
     * touches whole, so the size stays moderate: 1,000 events onto 1M took 0.8-1.0 s
     * against 0.6-0.8 with 4 KiB pages. */
    if (!read_only) ent_db_exec_script(d, "PRAGMA page_size=16384");
    if (!read_only) sqlite3_create_module_v2(d->lite, "ent_rows", &ROWS_MODULE, d, NULL);
    if (!read_only) d->ftstok = ent_ftstok_attach(d->lite);
    while ((failed = ent_db_exec_script(d, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                                        " PRAGMA cache_size=-65536")) != ENT_OK &&
           (sqlite3_errcode(d->lite) == SQLITE_BUSY || sqlite3_errcode(d->lite) == SQLITE_LOCKED ||
            strstr(ent_db_error(d), "locked")) &&
           tries++ < 200)
        sqlite3_sleep(50);
    /* serve keeps up to 32 read-only handles: a smaller page cache each (the OS caches
     * too), and the file read through memory-mapped I/O (up to SQLite's limit, 2 GB), so
     * the handles share the operating system's copy of each page instead of each copying
     * it into a page cache of its own.  With private caches, every new handle of serve's
     * pool filled its cache under the 20 clients (at 1M events ~2,900 heap extensions of
     * the threads' malloc arenas, each an mprotect holding the process's address-space
     * lock while the other threads' page faults waited: requests asleep 12-35 ms,
     * Server-Timing "blocked", for 0.4-11 ms of their own work). */
    if (!failed && read_only)
        failed = ent_db_exec_script(d, "PRAGMA query_only=1; PRAGMA cache_size=-16384; PRAGMA mmap_size=2147418112");
    if (failed) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot open SQLite database %s: %s", path, ent_db_error(d));
        ent_db_close(d);
        return ENT_ERR_IO;
    }
    *out = d;
    return ENT_OK;
}

struct ftstok_conn *ent_db_ftstok(const db *d) { return d->kind == DB_SQLITE ? d->ftstok : NULL; }

void ent_db_close(db *d) {
    if (!d) return;
    ent_buf_free(&d->err);
    for (int i = 0; i < d->ncache; i++) sqlite3_finalize(d->cache[i].stmt);
    if (d->lite) sqlite3_close(d->lite);
    if (d->pg) PQfinish(d->pg);
    free(d);
}

db_kind ent_db_get_kind(const db *d) { return d->kind; }
const char *ent_db_error(const db *d) { return d->err.data ? d->err.data : ""; }

static void set_pg_err(db *d, const char *what, PGresult *r) {
    const char *m = r ? PQresultErrorMessage(r) : PQerrorMessage(d->pg);
    if (!m || !*m) m = PQerrorMessage(d->pg);
    set_err(d, "%s: %s", what, m);
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    if (state) snprintf(d->state, sizeof d->state, "%s", state);
}

int ent_db_retryable(const db *d) {
    return d->kind == DB_PG && (!strcmp(d->state, "40P01") || !strcmp(d->state, "40001"));
}

ent_status ent_db_exec_script(db *d, const char *sql) {
    if (d->kind == DB_SQLITE) {
        char *msg = NULL;
        if (sqlite3_exec(d->lite, sql, NULL, NULL, &msg) != SQLITE_OK) {
            set_err(d, "SQLite: %s", msg ? msg : sqlite3_errmsg(d->lite));
            sqlite3_free(msg);
            return ENT_ERR_IO;
        }
        return ENT_OK;
    }
    PGresult *r = PQexec(d->pg, sql);
    ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        set_pg_err(d, "PostgreSQL", r);
        PQclear(r);
        return ENT_ERR_IO;
    }
    PQclear(r);
    return ENT_OK;
}

static sqlite3_stmt *lite_prepare(db *d, const char *sql, int cache) {
    if (cache)
        for (int i = 0; i < d->ncache; i++)
            if (d->cache[i].sql == sql) return d->cache[i].stmt;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(d->lite, sql, -1, &st, NULL) != SQLITE_OK) {
        set_err(d, "SQLite: %s", sqlite3_errmsg(d->lite));
        return NULL;
    }
    if (cache && d->ncache < STMT_CACHE) {
        d->cache[d->ncache].sql = sql;
        d->cache[d->ncache].stmt = st;
        d->ncache++;
    }
    return st;
}

static ent_status lite_run(db *d, const char *sql, int cache, const db_param *p, int np, db_row_fn fn, void *user) {
    sqlite3_stmt *st = lite_prepare(d, sql, cache);
    if (!st) return ENT_ERR_IO;
    int cached = 0;
    for (int i = 0; i < d->ncache; i++) if (d->cache[i].stmt == st) cached = 1;
    int rc = SQLITE_OK;
    for (int i = 0; i < np && rc == SQLITE_OK; i++) {
        switch (p[i].t) {
        case P_NULL: rc = sqlite3_bind_null(st, i + 1); break;
        case P_TEXT: rc = sqlite3_bind_text(st, i + 1, p[i].s, -1, SQLITE_STATIC); break;
        case P_INT: rc = sqlite3_bind_int64(st, i + 1, p[i].i); break;
        case P_REAL: rc = sqlite3_bind_double(st, i + 1, p[i].d); break;
        }
    }
    ent_status ret = ENT_OK;
    if (rc != SQLITE_OK) {
        set_err(d, "SQLite: %s", sqlite3_errmsg(d->lite));
        ret = ENT_ERR_IO;
    } else {
        const char *vals[64];
        for (;;) {
            rc = sqlite3_step(st);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                if (rc == SQLITE_INTERRUPT) d->interrupted = 1;
                set_err(d, "SQLite: %s", sqlite3_errmsg(d->lite));
                ret = ENT_ERR_IO;
                break;
            }
            int n = sqlite3_column_count(st);
            if (n > 64) n = 64;
            for (int i = 0; i < n; i++) vals[i] = (const char *)sqlite3_column_text(st, i);
            if (fn && fn(vals, n, user)) break;
        }
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (!cached) sqlite3_finalize(st);
    return ret;
}

static ent_status pg_run(db *d, const char *sql, const db_param *p, int np, db_row_fn fn, void *user) {
    if (np > DB_MAX_PARAMS) { /* never bind a truncated list */
        set_err(d, "a statement with %d parameters (at most %d)", np, DB_MAX_PARAMS);
        return ENT_ERR_INVALID;
    }
    ent_buf q;
    ent_buf_init(&q);
    int k = 0;
    for (const char *s = sql; *s; s++) {
        if (*s == '?') ent_buf_printf(&q, "$%d", ++k);
        else ent_buf_putc(&q, *s);
    }
    const char *vals[DB_MAX_PARAMS];
    char num[DB_MAX_PARAMS][32];
    for (int i = 0; i < np; i++) {
        switch (p[i].t) {
        case P_NULL: vals[i] = NULL; break;
        case P_TEXT: vals[i] = p[i].s; break;
        case P_INT: snprintf(num[i], sizeof num[i], "%lld", p[i].i); vals[i] = num[i]; break;
        case P_REAL: snprintf(num[i], sizeof num[i], "%.17g", p[i].d); vals[i] = num[i]; break;
        }
    }
    ent_status ret = ENT_OK;
    if (!PQsendQueryParams(d->pg, q.data, np, NULL, vals, NULL, NULL, 0)) {
        set_pg_err(d, "PostgreSQL", NULL);
        ent_buf_free(&q);
        return ENT_ERR_IO;
    }
    ent_buf_free(&q);
    PQsetSingleRowMode(d->pg);
    int stop = 0;
    PGresult *r;
    while ((r = PQgetResult(d->pg)) != NULL) {
        ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_SINGLE_TUPLE) {
            if (!stop && fn) {
                int n = PQnfields(r);
                if (n > 64) n = 64;
                const char *cols[64];
                for (int i = 0; i < n; i++) cols[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
                if (fn(cols, n, user)) stop = 1; /* keep draining the remaining rows */
            }
        } else if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK && ret == ENT_OK) {
            const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            if (state && !strcmp(state, "57014")) d->interrupted = 1; /* query_canceled */
            set_pg_err(d, "PostgreSQL", r);
            ret = ENT_ERR_IO;
        }
        PQclear(r);
    }
    return ret;
}

/* 1 once the time limit's deadline has passed (SQLite's progress handler: nonzero interrupts
 * the running statement; ent_db_run_stream checks it between fetches). */
static int deadline_passed(void *arg) {
    db *d = arg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > d->deadline.tv_sec ||
           (now.tv_sec == d->deadline.tv_sec && now.tv_nsec > d->deadline.tv_nsec);
}

void ent_db_set_timeout(db *d, long ms) {
    d->timeout_ms = ms > 0 ? ms : 0;
    if (d->kind == DB_SQLITE) {
        sqlite3_progress_handler(d->lite, d->timeout_ms ? 10000 : 0, d->timeout_ms ? deadline_passed : NULL, d);
    } else {
        char q[64];
        snprintf(q, sizeof q, "SET statement_timeout = %ld", d->timeout_ms);
        ent_db_exec_script(d, q);
    }
}

/* After a reconnect: the session settings of this handle again. */
static void pg_session_setup(db *d) {
    if (d->read_only) {
        ent_db_exec_script(d, PG_READER_SETUP);
        pg_find_backend(d);
    }
    if (d->timeout_ms) ent_db_set_timeout(d, d->timeout_ms);
}

int ent_db_interrupted(const db *d) { return d->interrupted; }

ent_status ent_db_copy(db *d, const char *copy_sql, const char *data, size_t len) {
    ent_buf_clear(&d->err);
    d->state[0] = 0;
    if (d->kind != DB_PG) {
        set_err(d, "internal: COPY on SQLite");
        return ENT_ERR_INVALID;
    }
    PGresult *r = PQexec(d->pg, copy_sql);
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) {
        set_pg_err(d, "PostgreSQL", r);
        PQclear(r);
        return ENT_ERR_IO;
    }
    PQclear(r);
    int ok = 1;
    for (size_t off = 0; ok && off < len;) {
        size_t n = len - off > (1u << 20) ? (1u << 20) : len - off;
        ok = PQputCopyData(d->pg, data + off, (int)n) == 1;
        off += n;
    }
    if (PQputCopyEnd(d->pg, ok ? NULL : "client error") != 1) ok = 0;
    ent_status ret = ok ? ENT_OK : ENT_ERR_IO;
    if (!ok) set_pg_err(d, "PostgreSQL COPY", NULL);
    while ((r = PQgetResult(d->pg)) != NULL) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && ret == ENT_OK) {
            set_pg_err(d, "PostgreSQL COPY", r);
            ret = ENT_ERR_IO;
        }
        PQclear(r);
    }
    return ret;
}

void ent_db_copy_field(ent_buf *b, const char *s, int last) {
    if (!s) ent_buf_puts(b, "\\N");
    else
        for (;;) { /* runs of plain bytes in one append, then the byte to escape */
            size_t n = strcspn(s, "\\\t\n\r");
            ent_buf_append(b, s, n);
            s += n;
            if (!*s) break;
            switch (*s++) {
            case '\\': ent_buf_puts(b, "\\\\"); break;
            case '\t': ent_buf_puts(b, "\\t"); break;
            case '\n': ent_buf_puts(b, "\\n"); break;
            default: ent_buf_puts(b, "\\r"); break;
            }
        }
    ent_buf_putc(b, last ? '\n' : '\t');
}

/* Before each statement: no message, the time limit's deadline from now, and on
 * PostgreSQL a lost connection reset (a long-lived reader such as serve outlives a server
 * restart; outside any transaction: PQTRANS_IDLE or a lost connection) with the session
 * settings again. */
static void run_start(db *d) {
    ent_buf_clear(&d->err);
    d->state[0] = 0;
    d->interrupted = 0;
    if (d->timeout_ms) {
        clock_gettime(CLOCK_MONOTONIC, &d->deadline);
        d->deadline.tv_sec += d->timeout_ms / 1000;
        d->deadline.tv_nsec += (d->timeout_ms % 1000) * 1000000L;
        if (d->deadline.tv_nsec >= 1000000000L) { d->deadline.tv_sec++; d->deadline.tv_nsec -= 1000000000L; }
    }
    if (d->kind == DB_PG && PQstatus(d->pg) == CONNECTION_BAD) {
        PQreset(d->pg);
        if (PQstatus(d->pg) == CONNECTION_OK) pg_session_setup(d);
    }
}

#define STREAM_BATCH 1000

/* The result of the FETCH sent last (PQsendQuery), NULL after a failure, with the rest of
 * its results drained so the connection can take the next command. */
static PGresult *stream_result(db *d) {
    PGresult *r = PQgetResult(d->pg), *more;
    while ((more = PQgetResult(d->pg))) PQclear(more);
    return r;
}

int ent_db_row_long(const char *const *v, int n, void *user) {
    if (n > 0 && v[0]) *(long *)user = atol(v[0]);
    return 0;
}

int ent_db_in_transaction(const db *d) {
    if (d->kind == DB_SQLITE) return !sqlite3_get_autocommit(d->lite);
    return PQtransactionStatus(d->pg) != PQTRANS_IDLE;
}

/* PostgreSQL: the rows through a cursor, STREAM_BATCH at a time, the next FETCH sent before
 * the rows of the last one go to fn, so the server reads the next batch while this process
 * formats the last (a year of month x dyad rows: 143 round trips, each waiting for the
 * other side).  A FETCH in flight when fn stops or the time limit passes is read and
 * dropped before the cursor is closed. */
ent_status ent_db_run_stream(db *d, const char *sql, const db_param *p, int np, db_row_fn fn, void *user) {
    if (d->kind == DB_SQLITE) return ent_db_run(d, sql, 0, p, np, fn, user);
    run_start(d);
    int own_tx = PQtransactionStatus(d->pg) == PQTRANS_IDLE;
    ent_buf q;
    ent_buf_init(&q);
    ent_buf_printf(&q, "DECLARE ent_stream NO SCROLL CURSOR FOR %s", sql);
    ent_status rc = own_tx ? ent_db_exec_script(d, "BEGIN") : ENT_OK;
    if (rc == ENT_OK) rc = pg_run(d, q.data, p, np, NULL, NULL);
    ent_buf_free(&q);
    char fetch[48];
    snprintf(fetch, sizeof fetch, "FETCH %d FROM ent_stream", STREAM_BATCH);
    int inflight = rc == ENT_OK && PQsendQuery(d->pg, fetch);
    if (rc == ENT_OK && !inflight) {
        set_err(d, "PostgreSQL: %s", PQerrorMessage(d->pg));
        rc = ENT_ERR_IO;
    }
    int stop = 0;
    while (rc == ENT_OK && inflight && !stop) {
        PGresult *r = stream_result(d);
        inflight = 0;
        if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
            const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
            if (state && !strcmp(state, "57014")) d->interrupted = 1;
            set_pg_err(d, "PostgreSQL", r);
            PQclear(r);
            rc = ENT_ERR_IO;
            break;
        }
        int rows = PQntuples(r), n = PQnfields(r);
        if (d->timeout_ms && deadline_passed(d)) { /* the whole answer within the time limit, as on SQLite */
            d->interrupted = 1;
            set_err(d, "PostgreSQL: canceling statement due to statement timeout (%ld ms for the whole answer)", d->timeout_ms);
            rc = ENT_ERR_IO;
        } else if (rows == STREAM_BATCH && !(inflight = PQsendQuery(d->pg, fetch))) {
            set_err(d, "PostgreSQL: %s", PQerrorMessage(d->pg));
            rc = ENT_ERR_IO;
        }
        if (n > 64) n = 64;
        const char *cols[64];
        for (int i = 0; rc == ENT_OK && i < rows && !stop; i++) {
            for (int j = 0; j < n; j++) cols[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
            if (fn && fn(cols, n, user)) stop = 1;
        }
        PQclear(r);
    }
    if (inflight) PQclear(stream_result(d)); /* fn stopped early: the next batch is dropped */
    if (own_tx) {
        ent_buf keep; /* the first failure's message outlives the rollback */
        ent_buf_init(&keep);
        ent_buf_puts(&keep, ent_db_error(d));
        int was = d->interrupted;
        if (ent_db_exec_script(d, rc == ENT_OK ? "COMMIT" : "ROLLBACK") != ENT_OK && rc == ENT_OK) rc = ENT_ERR_IO;
        else if (keep.len) set_err(d, "%s", keep.data);
        d->interrupted = was;
        ent_buf_free(&keep);
    } else if (rc == ENT_OK) {
        rc = ent_db_exec_script(d, "CLOSE ent_stream");
    }
    return rc;
}

ent_status ent_db_run_rows(db *d, const char *sql, size_t nrows, db_row_fill fill, void *user) {
    if (d->kind != DB_SQLITE || d->read_only) {
        set_err(d, "ent_rows: only on a SQLite writer's connection");
        return ENT_ERR_UNSUPPORTED;
    }
    if (!nrows) return ENT_OK;
    rows_src src = {nrows, fill, user};
    d->rows = &src;
    run_start(d);
    ent_status rc = lite_run(d, sql, 1, NULL, 0, NULL, NULL);
    d->rows = NULL;
    return rc;
}

ent_status ent_db_run(db *d, const char *sql, int cache, const db_param *p, int np, db_row_fn fn, void *user) {
    run_start(d);
    if (d->kind == DB_SQLITE) return lite_run(d, sql, cache, p, np, fn, user);
    int idle = PQtransactionStatus(d->pg) == PQTRANS_IDLE;
    ent_status rc = pg_run(d, sql, p, np, fn, user);
    if (rc != ENT_OK && idle && PQstatus(d->pg) == CONNECTION_BAD) { /* lost between statements: retry once */
        PQreset(d->pg);
        if (PQstatus(d->pg) == CONNECTION_OK) {
            pg_session_setup(d);
            rc = pg_run(d, sql, p, np, fn, user);
        }
    }
    return rc;
}

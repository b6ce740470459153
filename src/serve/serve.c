/* serve.c — the event explorer over HTTP (libmicrohttpd): a JSON API on top of the event
 * store (/api/events with filters, offset or keyset paging, /api/series for a dyad's or
 * actor's time series, /api/network for the actor network, /api/actors) and the web page,
 * whose assets are embedded in the binary (assets.c).  GET/HEAD only; bodies, unknown
 * parameters, oversized values and bad numbers are answered 4xx with a JSON message.
 *
 * Concurrency and limits.  One thread per connection (MHD), so a slow request never
 * holds up another; database work goes through a pool of read-only store handles (one
 * per request in flight): `pool` of them are opened at start (a burst of clients then
 * finds them ready instead of each opening its own; on PostgreSQL opening one is a new
 * server process), more on demand up to max(pool, POOL_MAX); each query under the
 * query time limit.  Slow clients cannot starve the server: a connection must complete
 * its request headers within header_timeout seconds of opening (or of its previous
 * response), however slowly it trickles them (a reaper thread shuts such sockets down);
 * idle connections close after timeout_seconds; connection budgets are generous per
 * address and in all, so a few slow clients cannot use them up.  Requests whose Host is
 * not an IP literal, "localhost" or an allowed name are refused (DNS rebinding). */
#include "serve/serve.h"
#include "util/util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS 24
#define MAX_ARG_LEN 256
#define MAX_URL_LEN 256
#define PAGE_MAX 500
#define POOL_MAX 32          /* database handles at most (requests running queries at once),
                                unless the warm pool is larger */
#define POOL_WARM 20         /* handles opened at start: the clients a small server expects */
#define POOL_WAIT_MS 5000    /* a request waits this long for a free handle, then 503 */

/* A connection as the header deadline sees it. */
typedef struct tracked {
    struct tracked *prev, *next;
    int fd;
    int waiting;             /* reading request headers */
    int shut;                /* already shut down by the reaper */
    int requests;            /* requests whose headers have arrived */
    struct timespec since;   /* when the wait for headers began */
} tracked;

struct ent_server {
    struct MHD_Daemon *mhd;
    ent_store *st;
    char *uri;
    long query_timeout_ms;
    int header_timeout;
    char **hosts;            /* allowed Host names besides IP literals and localhost */
    size_t nhosts;
    /* handle pool */
    pthread_mutex_t pool_mu;
    pthread_cond_t pool_cv;
    ent_store **idle;        /* pool_max slots */
    int nidle, nopen, pool_max;
    /* connections and the reaper */
    pthread_mutex_t conn_mu;
    tracked conns;           /* list head */
    pthread_t reaper;
    int stopping, reaper_started;
    int port;
};

static void now_ts(struct timespec *t) { clock_gettime(CLOCK_MONOTONIC, t); }
static double since_s(const struct timespec *t) {
    struct timespec n;
    now_ts(&n);
    return (double)(n.tv_sec - t->tv_sec) + (double)(n.tv_nsec - t->tv_nsec) / 1e9;
}

/* ---- request timing: the Server-Timing header ----------------------------------------
 * Each API answer says where its time went, split by what the request's thread was doing
 * (one thread per connection, so the thread's clocks are the request's):
 *   cpu      running: the request's own work (CLOCK_THREAD_CPUTIME_ID)
 *   runq     ready to run but waiting for a processor, as other threads and processes ran
 *            (Linux schedstat; absent elsewhere): sharing the CPU, not waiting for them
 *   pool     waiting for a free database handle held by another request (the only queue
 *            in the server)
 *   open     opening a new database handle when none was idle (the request's own setup:
 *            on PostgreSQL a new server connection); its CPU and runq are counted here,
 *            not in cpu and runq
 *   db       PostgreSQL on this machine only: the CPU time of the server process (the
 *            backend) working for this request's handle meanwhile (its own work, done
 *            while the thread sleeps on the socket)
 *   dbrunq   the same backend ready to run but waiting for a processor
 *   blocked  the rest: asleep on a lock, the disk or the database's busy handler; on
 *            PostgreSQL also the backend's own lock and disk waits, and the socket; for a
 *            remote PostgreSQL server (no db, dbrunq) also the server's work and the network
 *   dbwait   the part of blocked while the request held its database handle (between
 *            pool_get and pool_put) that neither this thread nor the backend spent running
 *            or ready: on PostgreSQL the backend asleep (its locks, its disk) or the
 *            socket; on SQLite its locks and the disk.  blocked - dbwait was spent outside
 *            the database (MHD, the allocator, the address space, the response): in this
 *            process.  With the backend and the thread running at once the sum over-counts
 *            their time, so dbwait is a lower bound (floored at 0, at most blocked)
 *   sleeps   (a count, not ms) the thread's voluntary context switches during the request
 *            (each sleep: a lock, the socket, the disk), dbsleeps those while it held its
 *            database handle (on PostgreSQL each query sleeps on the socket at least once),
 *            and faults its page faults (minor + major: a fault may wait on the address-
 *            space lock)
 *   total    from the complete request to the response queued
 *   conn     the first request of a connection only, before total: from the connection's
 *            accept to its request headers read (its thread started, the headers in)
 * db and dbrunq can overlap the thread's own cpu (rows stream while the backend makes
 * the next ones), so blocked is total minus the others, floored at 0.
 * bench/store-http.cjs reads it to tell sharing the processors apart from waiting behind
 * another request.  Thread-local: set up by api(), added and cleared by reply(). */
typedef struct req_clock {
    int on;
    double t0, cpu0, runq0, pool;
    double open, open_cpu, open_runq; /* opening handles: wall, CPU, runq (ms) */
    int db_on;                        /* the handle's server clock is known */
    double db, dbq, db0, dbq0;        /* the backend's CPU and runq: summed, at pool_get */
    double hold, hold_self;           /* handles held: wall, and this thread's CPU + runq meanwhile */
    double hold_t0, hold_s0;          /* at pool_get */
    long sw0, flt0;                   /* voluntary switches, page faults at the start */
    long hold_sw, hold_sw0;           /* voluntary switches while handles were held; at pool_get */
} req_clock;
static __thread req_clock rclock;
static __thread double conn_ms = -1; /* the conn part of this thread's next API answer; -1: none */

static double clock_ms(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* This thread's time spent runnable but not running, in ms; -1 when unknown.  (read(2)
 * into a stack buffer: no allocation, so no allocator lock, on the request's path) */
static double runq_ms(void) {
    int fd = open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char b[128];
    ssize_t n = read(fd, b, sizeof b - 1);
    close(fd);
    if (n <= 0) return -1;
    b[n] = 0;
    unsigned long long run = 0, wait = 0;
    return sscanf(b, "%llu %llu", &run, &wait) == 2 ? (double)wait / 1e6 : -1;
}

/* This thread's voluntary context switches and page faults so far (*sw, *flt). */
static void thread_counts(long *sw, long *flt) {
    struct rusage ru;
    if (getrusage(RUSAGE_THREAD, &ru) != 0) { *sw = *flt = 0; return; }
    *sw = ru.ru_nvcsw;
    *flt = ru.ru_minflt + ru.ru_majflt;
}

/* This thread's CPU time plus its time ready to run, in ms (runq 0 when unknown). */
static double self_ms(void) {
    double q = runq_ms();
    return clock_ms(CLOCK_THREAD_CPUTIME_ID) + (q > 0 ? q : 0);
}

static void timing_start(void) {
    rclock.on = 1;
    rclock.t0 = clock_ms(CLOCK_MONOTONIC);
    rclock.cpu0 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
    rclock.runq0 = runq_ms();
    rclock.pool = 0;
    rclock.open = rclock.open_cpu = rclock.open_runq = 0;
    rclock.db_on = 0;
    rclock.db = rclock.dbq = 0;
    rclock.hold = rclock.hold_self = 0;
    rclock.hold_sw = 0;
    thread_counts(&rclock.sw0, &rclock.flt0);
}

static void timing_header(struct MHD_Response *r) {
    if (!rclock.on) return;
    rclock.on = 0;
    double total = clock_ms(CLOCK_MONOTONIC) - rclock.t0, cpu = clock_ms(CLOCK_THREAD_CPUTIME_ID) - rclock.cpu0;
    double rq = rclock.runq0 >= 0 ? runq_ms() : -1;
    rq = rq >= 0 ? rq - rclock.runq0 : 0;
    cpu -= rclock.open_cpu;
    rq -= rclock.open_runq;
    if (cpu < 0) cpu = 0;
    if (rq < 0) rq = 0;
    double blocked = total - cpu - rq - rclock.pool - rclock.open - rclock.db - rclock.dbq;
    if (blocked < 0) blocked = 0;
    double dbwait = rclock.hold - rclock.hold_self - rclock.db - rclock.dbq;
    if (dbwait < 0) dbwait = 0;
    if (dbwait > blocked) dbwait = blocked;
    long sw, flt;
    thread_counts(&sw, &flt);
    char v[320], dbpart[64] = "", connpart[32] = "";
    if (rclock.db_on) snprintf(dbpart, sizeof dbpart, "db;dur=%.2f, dbrunq;dur=%.2f, ", rclock.db, rclock.dbq);
    if (conn_ms >= 0) snprintf(connpart, sizeof connpart, ", conn;dur=%.2f", conn_ms);
    conn_ms = -1;
    snprintf(v, sizeof v,
             "cpu;dur=%.2f, runq;dur=%.2f, pool;dur=%.2f, open;dur=%.2f, %sblocked;dur=%.2f, total;dur=%.2f%s, dbwait;dur=%.2f,"
             " sleeps;dur=%ld, dbsleeps;dur=%ld, faults;dur=%ld",
             cpu, rq, rclock.pool, rclock.open, dbpart, blocked, total, connpart, dbwait, sw - rclock.sw0, rclock.hold_sw,
             flt - rclock.flt0);
    MHD_add_response_header(r, "Server-Timing", v);
}

/* ---- the handle pool ------------------------------------------------------------------ */

static ent_store *pool_take(ent_server *srv, char *err, size_t errsz, double *waited);

/* A read-only store handle for one request, or NULL (message in err) when none could be
 * opened or none came free within POOL_WAIT_MS (the wait is the request's "pool" time,
 * opening a new handle its "open" time).  Give it back with pool_put. */
static ent_store *pool_get(ent_server *srv, char *err, size_t errsz) {
    double waited = 0;
    ent_store *h = pool_take(srv, err, errsz, &waited);
    if (rclock.on) {
        rclock.pool += waited;
        if (h) rclock.db_on = ent_store_server_clock(h, &rclock.db0, &rclock.dbq0);
        rclock.hold_t0 = clock_ms(CLOCK_MONOTONIC);
        rclock.hold_s0 = self_ms();
        long flt;
        thread_counts(&rclock.hold_sw0, &flt);
    }
    return h;
}

/* A wait of this thread that began at wall time t0 (ms), with self_ms() s0 and voluntary
 * switches sw0 then: its wall time less the thread's own CPU and run queue meanwhile, if
 * the thread slept (on a lock or a condition) in it; 0 if it never slept.  A thread that
 * did not sleep waited behind nothing: the rest of its wall time was taken from it while it
 * ran (the hypervisor's steal, interrupts), which Linux counts neither as its CPU nor as its
 * run queue, and which the request's "blocked" part then shows. */
static double slept_ms(double t0, double s0, long sw0) {
    long sw, flt;
    thread_counts(&sw, &flt);
    if (sw == sw0) return 0;
    double w = clock_ms(CLOCK_MONOTONIC) - t0 - (self_ms() - s0);
    return w > 0 ? w : 0;
}

/* A read-only handle with the server's query time limit, or NULL (message in d); when a
 * request is timing, its wall, CPU and runq time go to the request's "open" clock. */
static ent_store *open_handle(ent_server *srv, ent_diag *d) {
    double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_THREAD_CPUTIME_ID), q0 = runq_ms();
    ent_store *h = NULL;
    if (ent_store_open_reader(srv->uri, d, &h) == ENT_OK) ent_store_set_timeout(h, srv->query_timeout_ms);
    else h = NULL;
    if (rclock.on) {
        double q1 = q0 >= 0 ? runq_ms() : -1;
        rclock.open += clock_ms(CLOCK_MONOTONIC) - t0;
        rclock.open_cpu += clock_ms(CLOCK_THREAD_CPUTIME_ID) - c0;
        if (q1 >= 0) rclock.open_runq += q1 - q0;
    }
    return h;
}

/* pool_get's work: *waited gets the time this thread slept for the pool's lock or for a
 * free handle (slept_ms; only when a request is timing), not the opening of a new one. */
static ent_store *pool_take(ent_server *srv, char *err, size_t errsz, double *waited) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += POOL_WAIT_MS / 1000;
    double t0 = 0, s0 = 0;
    long sw0 = 0, flt;
    if (rclock.on) { t0 = clock_ms(CLOCK_MONOTONIC); s0 = self_ms(); thread_counts(&sw0, &flt); }
    pthread_mutex_lock(&srv->pool_mu);
    while (!srv->nidle && srv->nopen >= srv->pool_max) {
        if (pthread_cond_timedwait(&srv->pool_cv, &srv->pool_mu, &deadline) == ETIMEDOUT) {
            pthread_mutex_unlock(&srv->pool_mu);
            snprintf(err, errsz, "server busy: every database connection is in use");
            if (rclock.on) *waited = slept_ms(t0, s0, sw0);
            return NULL;
        }
    }
    if (srv->nidle) {
        ent_store *h = srv->idle[--srv->nidle];
        pthread_mutex_unlock(&srv->pool_mu);
        if (rclock.on) *waited = slept_ms(t0, s0, sw0);
        return h;
    }
    srv->nopen++;
    pthread_mutex_unlock(&srv->pool_mu);
    if (rclock.on) *waited = slept_ms(t0, s0, sw0); /* before the open, the request's own setup */
    ent_diag *d = ent_diag_new();
    ent_store *h = open_handle(srv, d);
    if (!h) {
        snprintf(err, errsz, "%s", ent_diag_count(d) ? ent_diag_message(d, 0) : "cannot open the database");
        pthread_mutex_lock(&srv->pool_mu);
        srv->nopen--;
        pthread_cond_signal(&srv->pool_cv);
        pthread_mutex_unlock(&srv->pool_mu);
    }
    ent_diag_free(d);
    return h;
}

/* Give h back; the backend's work since pool_get is the request's db and dbrunq time. */
static void pool_put(ent_server *srv, ent_store *h) {
    double c, q;
    if (rclock.on && rclock.db_on && ent_store_server_clock(h, &c, &q)) {
        rclock.db += c - rclock.db0;
        rclock.dbq += q - rclock.dbq0;
        rclock.db_on = 1;
    }
    double t_put = 0, s_put = 0;
    long sw = 0;
    if (rclock.on) {
        long flt;
        thread_counts(&sw, &flt);
        rclock.hold_sw += sw - rclock.hold_sw0;
        t_put = clock_ms(CLOCK_MONOTONIC);
        s_put = self_ms();
        rclock.hold += t_put - rclock.hold_t0;
        rclock.hold_self += s_put - rclock.hold_s0;
    }
    pthread_mutex_lock(&srv->pool_mu);
    if (rclock.on) rclock.pool += slept_ms(t_put, s_put, sw); /* asleep on the pool's lock */
    srv->idle[srv->nidle++] = h;
    pthread_cond_signal(&srv->pool_cv);
    pthread_mutex_unlock(&srv->pool_mu);
}

/* ---- connections: header deadline ------------------------------------------------------ */

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code) {
    ent_server *srv = cls;
    pthread_mutex_lock(&srv->conn_mu);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        tracked *t = ent_xcalloc(1, sizeof *t);
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        t->fd = ci ? ci->connect_fd : -1;
        t->waiting = 1;
        now_ts(&t->since);
        t->next = srv->conns.next;
        t->prev = &srv->conns;
        srv->conns.next->prev = t;
        srv->conns.next = t;
        *socket_context = t;
    } else if (*socket_context) {
        tracked *t = *socket_context;
        t->prev->next = t->next;
        t->next->prev = t->prev;
        free(t);
        *socket_context = NULL;
    }
    pthread_mutex_unlock(&srv->conn_mu);
}

static tracked *conn_tracked(struct MHD_Connection *conn) {
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* A response went out: a keep-alive connection waits for headers again. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe) {
    (void)con_cls; (void)toe;
    ent_server *srv = cls;
    pthread_mutex_lock(&srv->conn_mu);
    tracked *t = conn_tracked(conn);
    if (t) { t->waiting = 1; now_ts(&t->since); }
    pthread_mutex_unlock(&srv->conn_mu);
}

/* Shut down connections whose request headers are overdue (their MHD thread then sees
 * the socket closed and ends the connection). */
static void *reaper(void *arg) {
    ent_server *srv = arg;
    for (;;) {
        struct timespec nap = {0, 200 * 1000000L};
        nanosleep(&nap, NULL);
        pthread_mutex_lock(&srv->conn_mu);
        if (srv->stopping) { pthread_mutex_unlock(&srv->conn_mu); break; }
        for (tracked *t = srv->conns.next; t != &srv->conns; t = t->next)
            if (t->waiting && !t->shut && t->fd >= 0 && since_s(&t->since) > srv->header_timeout) {
                shutdown(t->fd, SHUT_RDWR);
                t->shut = 1;
            }
        pthread_mutex_unlock(&srv->conn_mu);
    }
    return NULL;
}

/* ---- Host check (DNS rebinding) --------------------------------------------------------- */

/* Host header value allowed: an IP literal, localhost, or a name given with allow_hosts;
 * the port, if any, is ignored. */
static int host_ok(const ent_server *srv, const char *host) {
    char h[300];
    size_t n = strlen(host);
    if (n == 0 || n >= sizeof h) return 0;
    if (host[0] == '[') { /* [v6]:port */
        const char *e = strchr(host, ']');
        if (!e || (e[1] && e[1] != ':')) return 0;
        memcpy(h, host + 1, (size_t)(e - host - 1));
        h[e - host - 1] = 0;
        struct in6_addr a6;
        return inet_pton(AF_INET6, h, &a6) == 1;
    }
    memcpy(h, host, n + 1);
    char *colon = strchr(h, ':');
    if (colon) *colon = 0;
    size_t k = strlen(h);
    if (k && h[k - 1] == '.') h[--k] = 0; /* "localhost." */
    struct in_addr a4;
    if (inet_pton(AF_INET, h, &a4) == 1) return 1;
    if (!strcasecmp(h, "localhost")) return 1;
    for (size_t i = 0; i < srv->nhosts; i++)
        if (!strcasecmp(h, srv->hosts[i])) return 1;
    return 0;
}

/* ---- request arguments ---------------------------------------------------------------- */

typedef struct args {
    const char *k[MAX_ARGS], *v[MAX_ARGS];
    int n, too_many;
    char bad[160]; /* first problem found, "" when none */
} args;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    args *a = cls;
    if (a->n >= MAX_ARGS) { a->too_many = 1; return MHD_NO; }
    a->k[a->n] = key;
    a->v[a->n] = value ? value : "";
    a->n++;
    return MHD_YES;
}

static const char *arg(const args *a, const char *k) {
    for (int i = 0; i < a->n; i++)
        if (!strcmp(a->k[i], k)) return a->v[i];
    return NULL;
}

/* Every argument must be one of allowed (NULL-terminated), short and valid UTF-8. */
static int check_args(args *a, const char *const *allowed) {
    if (a->too_many) { snprintf(a->bad, sizeof a->bad, "too many query parameters (at most %d)", MAX_ARGS); return 0; }
    for (int i = 0; i < a->n; i++) {
        int ok = 0;
        for (const char *const *p = allowed; *p; p++) if (!strcmp(*p, a->k[i])) ok = 1;
        json_t *probe = json_string(a->k[i]);
        if (!probe) { snprintf(a->bad, sizeof a->bad, "parameter name is not valid UTF-8"); return 0; }
        json_decref(probe);
        if (!ok) { snprintf(a->bad, sizeof a->bad, "unknown parameter '%.40s'", a->k[i]); return 0; }
        for (int j = 0; j < i; j++)
            if (!strcmp(a->k[j], a->k[i])) { snprintf(a->bad, sizeof a->bad, "parameter '%.40s' given twice", a->k[i]); return 0; }
        if (strlen(a->v[i]) > MAX_ARG_LEN) { snprintf(a->bad, sizeof a->bad, "parameter '%.40s' is longer than %d bytes", a->k[i], MAX_ARG_LEN); return 0; }
        probe = json_string(a->v[i]);
        if (!probe) { snprintf(a->bad, sizeof a->bad, "parameter '%.40s' is not valid UTF-8", a->k[i]); return 0; }
        json_decref(probe);
    }
    return 1;
}

static int arg_long(args *a, const char *k, long lo, long hi, long dflt, long *out) {
    const char *v = arg(a, k);
    *out = dflt;
    if (!v || !*v) return 1;
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || x < lo || x > hi) {
        snprintf(a->bad, sizeof a->bad, "parameter '%s' must be a whole number from %ld to %ld", k, lo, hi);
        return 0;
    }
    *out = x;
    return 1;
}

static const char *const FILTER_ARGS[] = {"actor", "source", "target", "dyad", "code", "root", "quad", "from", "to", "story",
                                          "q", "sort"};
#define NFILTER (sizeof FILTER_ARGS / sizeof FILTER_ARGS[0])

/* Fill f from the filter arguments; dyad_buf holds the split "A,B". 0 on a bad value. */
static int parse_filter(args *a, ent_store_filter *f, char *dyad_buf, size_t dyad_sz) {
    memset(f, 0, sizeof *f);
    const char *v;
    if ((v = arg(a, "actor")) && *v) f->actor = v;
    if ((v = arg(a, "source")) && *v) f->source = v;
    if ((v = arg(a, "target")) && *v) f->target = v;
    if ((v = arg(a, "code")) && *v) f->code = v;
    if ((v = arg(a, "root")) && *v) f->root = v;
    if ((v = arg(a, "story")) && *v) f->story_id = v;
    if ((v = arg(a, "q")) && *v) f->text = v;
    if ((v = arg(a, "sort")) && *v) {
        if (strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0) {
            snprintf(a->bad, sizeof a->bad, "parameter 'sort' must be asc or desc");
            return 0;
        }
        f->newest_first = !strcmp(v, "desc");
    }
    if ((v = arg(a, "dyad")) && *v) {
        const char *c = strchr(v, ',');
        if (!c || c == v || !c[1] || strlen(v) >= dyad_sz) {
            snprintf(a->bad, sizeof a->bad, "parameter 'dyad' must be two actor codes 'A,B'");
            return 0;
        }
        memcpy(dyad_buf, v, strlen(v) + 1);
        dyad_buf[c - v] = 0;
        f->dyad_a = dyad_buf;
        f->dyad_b = dyad_buf + (c - v) + 1;
    }
    long q;
    if (!arg_long(a, "quad", 1, 4, 0, &q)) return 0;
    f->quad = (int)q;
    const char *dk[2] = {"from", "to"};
    for (int i = 0; i < 2; i++) {
        v = arg(a, dk[i]);
        if (!v || !*v) continue;
        long d = ent_store_parse_date(v);
        if (!d) { snprintf(a->bad, sizeof a->bad, "parameter '%s' must be a date YYYY-MM-DD", dk[i]); return 0; }
        if (i == 0) f->date_from = d; else f->date_to = d;
    }
    return 1;
}

/* ---- JSON helpers ------------------------------------------------------------------ */

/* A JSON string for any bytes: invalid UTF-8 is replaced by U+FFFD. */
json_t *ent_jstr(const char *s) {
    if (!s) return json_null();
    json_t *j = json_string(s);
    if (j) return j;
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_json_escape(&b, s, strlen(s)); /* escapes and repairs; decode it back */
    ent_buf q;
    ent_buf_init(&q);
    ent_buf_putc(&q, '"');
    ent_buf_append(&q, b.data, b.len);
    ent_buf_putc(&q, '"');
    j = json_loadb(q.data, q.len, JSON_DECODE_ANY, NULL);
    ent_buf_free(&b);
    ent_buf_free(&q);
    return j ? j : json_string("");
}

/* An actor code for the page: an empty or missing code is the absent actor "---". */
static json_t *jactor(const char *s) { return ent_jstr(s && *s ? s : "---"); }
static int no_actor(const char *s) { return !s || !*s || !strcmp(s, "---"); }

static json_t *jspan(ent_span s) {
    if (s.end <= s.start) return json_null();
    return json_pack("[II]", (json_int_t)s.start, (json_int_t)s.end);
}

static void fmt_date(char out[16], long d) {
    if (d > 0) snprintf(out, 16, "%04ld-%02ld-%02ld", d / 10000 % 10000, d / 100 % 100, d % 100);
    else out[0] = 0;
}

/* A JSON number, or null for NaN and infinities (json_real refuses them, which would drop
 * the key or the whole row from a reply). */
static json_t *jnum(double v) { return isfinite(v) ? json_real(v) : json_null(); }

int ent_add_event_json(const ent_event_context *c, const ent_event *e, void *user) {
    json_t *arr = user, *o = json_object();
    char date[16];
    fmt_date(date, c->date);
    json_object_set_new(o, "story_id", ent_jstr(c->story_id));
    json_object_set_new(o, "sentence_id", ent_jstr(c->sentence_id));
    json_object_set_new(o, "sentence_index", json_integer(c->sentence_index));
    json_object_set_new(o, "date", date[0] ? json_string(date) : json_null());
    json_object_set_new(o, "source", jactor(e->source));
    json_object_set_new(o, "target", jactor(e->target));
    json_object_set_new(o, "code", ent_jstr(e->code));
    json_object_set_new(o, "root", ent_jstr(e->root));
    json_object_set_new(o, "quad", json_integer(e->quad));
    json_object_set_new(o, "goldstein", jnum(e->goldstein));
    json_object_set_new(o, "plover", ent_jstr(e->plover));
    json_object_set_new(o, "source_text", ent_jstr(e->source_text));
    json_object_set_new(o, "target_text", ent_jstr(e->target_text));
    json_object_set_new(o, "verb_text", ent_jstr(e->verb_text));
    json_object_set_new(o, "sentence", ent_jstr(c->sentence_text));
    json_object_set_new(o, "sentence_offsets", jspan(c->sentence_span));
    json_object_set_new(o, "source_offsets", jspan(e->source_span));
    json_object_set_new(o, "target_offsets", jspan(e->target_span));
    json_object_set_new(o, "verb_offsets", jspan(e->verb_span));
    json_object_set_new(o, "title", ent_jstr(c->title));
    json_object_set_new(o, "url", ent_jstr(c->url));
    json_object_set_new(o, "publisher", ent_jstr(c->publisher));
    json_array_append_new(arr, o);
    return 0;
}

static int add_series(const ent_store_agg *r, void *user) {
    json_array_append_new(user, json_pack("{s:s,s:I,s:I,s:I,s:[IIII],s:o}", "period", r->period, "events",
                                          (json_int_t)r->events, "cooperation", (json_int_t)(r->quad[1] + r->quad[2]),
                                          "conflict", (json_int_t)(r->quad[3] + r->quad[4]), "quad",
                                          (json_int_t)r->quad[1], (json_int_t)r->quad[2], (json_int_t)r->quad[3],
                                          (json_int_t)r->quad[4], "goldstein", jnum(r->goldstein)));
    return 0;
}

/* Aggregate rows kept in C (the network can have tens of thousands of dyads): only the
 * top ones become JSON. */
typedef struct agg_item {
    char *a, *b;
    long events, quad[5];
    double goldstein;
    size_t order;       /* position in the store's order, for a stable ranking */
} agg_item;
typedef struct agg_list { agg_item *v; size_t n, cap; } agg_list;

static int collect_actor(const ent_store_agg *r, void *user) {
    if (no_actor(r->a)) return 0;
    agg_list *L = user;
    ENT_GROW(L->v, L->n + 1, L->cap);
    agg_item *it = &L->v[L->n];
    memset(it, 0, sizeof *it);
    it->a = ent_xstrdup(r->a);
    it->events = r->events;
    memcpy(it->quad, r->quad, sizeof it->quad);
    it->goldstein = r->goldstein;
    it->order = L->n++;
    return 0;
}

static int collect_edge(const ent_store_agg *r, void *user) {
    if (no_actor(r->a) || no_actor(r->b)) return 0; /* no partner: not a link */
    collect_actor(r, user);
    agg_list *L = user;
    L->v[L->n - 1].b = ent_xstrdup(r->b);
    return 0;
}

static void agg_list_free(agg_list *L) {
    for (size_t i = 0; i < L->n; i++) { free(L->v[i].a); free(L->v[i].b); }
    free(L->v);
}

static int by_events_desc(const void *x, const void *y) {
    const agg_item *a = x, *b = y;
    if (a->events != b->events) return a->events < b->events ? 1 : -1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int by_key(const void *x, const void *y) {
    const agg_item *a = x, *b = y;
    int c = strcmp(a->a, b->a);
    return c ? c : strcmp(a->b ? a->b : "", b->b ? b->b : "");
}

/* Keep the max largest items of L (by events, the store's order among equals). */
static void top_n(agg_list *L, size_t max) {
    if (L->n <= max) return;
    qsort(L->v, L->n, sizeof *L->v, by_events_desc);
    for (size_t i = max; i < L->n; i++) { free(L->v[i].a); free(L->v[i].b); }
    L->n = max;
}

static json_t *actor_json(const agg_item *it) {
    json_t *o = json_object();
    json_object_set_new(o, "id", ent_jstr(it->a));
    json_object_set_new(o, "events", json_integer(it->events));
    json_object_set_new(o, "goldstein", jnum(it->goldstein));
    return o;
}

static json_t *edge_json(const agg_item *it) {
    json_t *o = json_object();
    json_object_set_new(o, "source", ent_jstr(it->a));
    json_object_set_new(o, "target", ent_jstr(it->b));
    json_object_set_new(o, "events", json_integer(it->events));
    json_object_set_new(o, "goldstein", jnum(it->goldstein));
    json_object_set_new(o, "cooperation", json_integer(it->quad[1] + it->quad[2]));
    json_object_set_new(o, "conflict", json_integer(it->quad[3] + it->quad[4]));
    return o;
}

/* ---- responses ------------------------------------------------------------------------ */

void ent_serve_headers(struct MHD_Response *r, const char *type, int cache) {
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    MHD_add_response_header(r, "Cache-Control", cache ? "max-age=60" : "no-store");
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned code, const char *type, const char *body,
                            size_t len, int cache) {
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    ent_serve_headers(r, type, cache);
    timing_header(r);
    enum MHD_Result ret = MHD_queue_response(conn, code, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *conn, unsigned code, json_t *o) {
    char *s = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(o);
    if (!s) return reply(conn, 500, "application/json", "{\"error\":\"out of memory\"}", 25, 0);
    enum MHD_Result r = reply(conn, code, "application/json; charset=utf-8", s, strlen(s), 0);
    free(s);
    return r;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, unsigned code, const char *msg) {
    return send_json(conn, code, json_pack("{s:o,s:i}", "error", ent_jstr(msg), "status", (int)code));
}

/* ---- API ------------------------------------------------------------------------------ */

static enum MHD_Result api(ent_server *srv, struct MHD_Connection *conn, const char *path) {
    timing_start();
    args a = {0};
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, &a);
    const char *allowed[NFILTER + 4];
    size_t k = 0;
    for (size_t i = 0; i < NFILTER; i++) allowed[k++] = FILTER_ARGS[i];
    int is_events = !strcmp(path, "/api/events"), is_series = !strcmp(path, "/api/series");
    int is_network = !strcmp(path, "/api/network"), is_actors = !strcmp(path, "/api/actors");
    int is_counts = !strcmp(path, "/api/counts"), is_export = !strcmp(path, "/api/export");
    int is_story = !strcmp(path, "/api/story");
    if (!strcmp(path, "/api/cameo")) {
        const char *none[] = {NULL};
        return check_args(&a, none) ? send_json(conn, 200, ent_xapi_cameo()) : send_error(conn, 400, a.bad);
    }
    if (!is_events && !is_series && !is_network && !is_actors && !is_counts && !is_export && !is_story)
        return send_error(conn, 404, "no such API endpoint");
    if (is_story) {
        const char *only[] = {"id", NULL};
        const char *id = arg(&a, "id");
        if (!check_args(&a, only)) return send_error(conn, 400, a.bad);
        if (!id || !*id) return send_error(conn, 400, "parameter 'id' (a story id) is required");
        char err[300];
        ent_store *h = pool_get(srv, err, sizeof err);
        if (!h) return send_error(conn, 503, err);
        int found = 0;
        json_t *o = ent_xapi_story(h, id, &found);
        snprintf(err, sizeof err, "%s", ent_store_error(h));
        int interrupted = ent_store_interrupted(h);
        pool_put(srv, h);
        if (!o) return send_error(conn, interrupted ? 503 : 500, err[0] ? err : "database error");
        if (!found) { json_decref(o); return send_error(conn, 404, "no such story"); }
        return send_json(conn, 200, o);
    }
    if (is_events) { allowed[k++] = "limit"; allowed[k++] = "offset"; allowed[k++] = "after"; }
    if (is_export) allowed[k++] = "format";
    if (is_series) allowed[k++] = "period";
    if (is_network || is_actors) allowed[k++] = "limit";
    allowed[k] = NULL;
    ent_store_filter f;
    char dyad[MAX_ARG_LEN + 1];
    if (!check_args(&a, allowed) || !parse_filter(&a, &f, dyad, sizeof dyad)) return send_error(conn, 400, a.bad);
    /* every argument is checked before a database handle is taken */
    long limit = 0, offset = 0;
    ent_period per = ENT_PERIOD_MONTH;
    const char *p = NULL;
    if (is_events) {
        if (!arg_long(&a, "limit", 1, PAGE_MAX, 50, &limit) || !arg_long(&a, "offset", 0, 1000000000L, 0, &offset))
            return send_error(conn, 400, a.bad);
        const char *after = arg(&a, "after");
        if (after && *after) {
            if (offset) return send_error(conn, 400, "parameters 'after' and 'offset' cannot be combined");
            f.after = after;
        }
        f.limit = limit;
        f.offset = offset;
    } else if (is_series) {
        p = arg(&a, "period");
        if (!p || !*p || !strcmp(p, "month")) p = "month";
        else if (!strcmp(p, "day")) per = ENT_PERIOD_DAY;
        else if (!strcmp(p, "week")) per = ENT_PERIOD_WEEK;
        else return send_error(conn, 400, "parameter 'period' must be day, week or month");
    } else if (!arg_long(&a, "limit", 1, 1000, is_actors ? 200 : 100, &limit)) {
        return send_error(conn, 400, a.bad);
    }
    const char *fmt = is_export ? arg(&a, "format") : NULL;
    if (is_export && (!fmt || (strcmp(fmt, "csv") != 0 && strcmp(fmt, "jsonl") != 0)))
        return send_error(conn, 400, "parameter 'format' must be csv or jsonl");
    char err[300];
    ent_store *h = pool_get(srv, err, sizeof err);
    if (!h) return send_error(conn, 503, err);
    if (is_export) {
        ent_store_set_timeout(h, EXPORT_TIMEOUT_MS);
        struct MHD_Response *r = ent_xapi_export(h, &f, !strcmp(fmt, "csv"));
        ent_store_set_timeout(h, srv->query_timeout_ms);
        snprintf(err, sizeof err, "%s", ent_store_error(h));
        int interrupted = ent_store_interrupted(h);
        pool_put(srv, h);
        if (!r) return send_error(conn, interrupted ? 503 : 500, err[0] ? err : "export failed");
        enum MHD_Result ret = MHD_queue_response(conn, 200, r);
        MHD_destroy_response(r);
        return ret;
    }
    json_t *out = json_object();
    ent_status s = ENT_OK;
    if (is_counts) {
        s = ent_xapi_counts(h, &f, out);
    } else if (is_events) {
        long total = 0;
        json_t *arr = json_array();
        s = ent_store_query_events(h, &f, ent_add_event_json, arr, &total);
        if (s == ENT_OK) s = ent_xapi_name_events(h, arr);
        json_object_set_new(out, "total", json_integer(total));
        json_object_set_new(out, "limit", json_integer(limit));
        json_object_set_new(out, "offset", json_integer(offset));
        /* keyset paging: the cursor of this page's last event when a next page may exist */
        const char *next = ent_store_next_cursor(h);
        json_object_set_new(out, "next", (long)json_array_size(arr) == limit && *next ? ent_jstr(next) : json_null());
        json_object_set_new(out, "events", arr);
    } else if (is_series) {
        json_t *arr = json_array();
        s = ent_store_aggregate(h, &f, per, ENT_GROUP_NONE, add_series, arr);
        json_object_set_new(out, "period", json_string(p));
        json_object_set_new(out, "series", arr);
    } else {
        agg_list nodes = {0}, edges = {0};
        ent_store_filter nf = f;
        if (is_actors) nf.limit = limit; /* the database keeps the top actors */
        s = ent_store_aggregate(h, &nf, ENT_PERIOD_ALL, ENT_GROUP_ACTOR, collect_actor, &nodes);
        json_t *arr = json_array();
        if (is_actors) {
            top_n(&nodes, (size_t)limit);
            for (size_t i = 0; i < nodes.n; i++) json_array_append_new(arr, actor_json(&nodes.v[i]));
            if (s == ENT_OK) s = ent_xapi_name_nodes(h, arr);
            json_object_set_new(out, "actors", arr);
        } else {
            /* the database ranks the edges (events with both actors) and keeps the top ones */
            ent_store_filter ef = f;
            ef.dyadic = 1;
            ef.limit = limit;
            if (s == ENT_OK) s = ent_store_aggregate(h, &ef, ENT_PERIOD_ALL, ENT_GROUP_DYAD, collect_edge, &edges);
            top_n(&edges, (size_t)limit);
            if (edges.n) qsort(edges.v, edges.n, sizeof *edges.v, by_key); /* edges in dyad order */
            /* nodes: only actors that appear on a kept edge */
            ent_strmap used;
            ent_strmap_init(&used);
            for (size_t i = 0; i < edges.n; i++) {
                ent_strmap_slot(&used, edges.v[i].a, strlen(edges.v[i].a), NULL);
                ent_strmap_slot(&used, edges.v[i].b, strlen(edges.v[i].b), NULL);
                json_array_append_new(arr, edge_json(&edges.v[i]));
            }
            json_t *kept = json_array();
            for (size_t i = 0; i < nodes.n; i++)
                if (ent_strmap_key(&used, nodes.v[i].a, strlen(nodes.v[i].a))) json_array_append_new(kept, actor_json(&nodes.v[i]));
            ent_strmap_free(&used);
            if (s == ENT_OK) s = ent_xapi_name_nodes(h, kept);
            json_object_set_new(out, "nodes", kept);
            json_object_set_new(out, "edges", arr);
        }
        agg_list_free(&nodes);
        agg_list_free(&edges);
    }
    snprintf(err, sizeof err, "%s", ent_store_error(h));
    int interrupted = ent_store_interrupted(h);
    pool_put(srv, h);
    if (s != ENT_OK) {
        json_decref(out);
        if (s == ENT_ERR_INVALID) return send_error(conn, 400, err);
        return send_error(conn, interrupted ? 503 : 500, err[0] ? err : "database error");
    }
    return send_json(conn, 200, out);
}

/* ---- request entry ------------------------------------------------------------------- */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **con_cls) {
    (void)upload_data;
    ent_server *srv = cls;
    rclock.on = 0; /* api() times its requests */
    static int first_marker;
    if (!*con_cls) {
        *con_cls = &first_marker;
        pthread_mutex_lock(&srv->conn_mu);
        tracked *t = conn_tracked(conn);
        conn_ms = -1;
        if (t) {
            t->waiting = 0; /* headers complete */
            if (!t->requests++) conn_ms = since_s(&t->since) * 1e3;
        }
        pthread_mutex_unlock(&srv->conn_mu);
        const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host");
        if (!host && strcmp(version, MHD_HTTP_VERSION_1_0) != 0)
            return send_error(conn, 400, "a Host header is required");
        if (host && !host_ok(srv, host))
            return send_error(conn, 421, "this server answers requests for its IP address or localhost only "
                                         "(Host not allowed; see serve --allow-host)");
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        const char *te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding");
        if ((cl && strcmp(cl, "0") != 0) || te) return send_error(conn, 413, "request bodies are not accepted");
        return MHD_YES;
    }
    if (*upload_data_size) { /* a body we did not announce-check: refuse it */
        *upload_data_size = 0;
        return send_error(conn, 413, "request bodies are not accepted");
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) return send_error(conn, 405, "only GET and HEAD are supported");
    if (strlen(url) > MAX_URL_LEN) return send_error(conn, 414, "path too long");
    if (!strncmp(url, "/api/", 5)) return api(srv, conn, url);
    const ent_asset *as = ent_asset_find(!strcmp(url, "/") ? "/index.html" : url);
    if (!as) return reply(conn, 404, "text/plain; charset=utf-8", "not found\n", 10, 0);
    return reply(conn, 200, as->type, as->data, as->len, 1);
}

static int parse_bind(const char *bind, int port, struct sockaddr_storage *ss, int *v6) {
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        *v6 = 0;
        return 1;
    }
    if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *v6 = 1;
        return 1;
    }
    return 0;
}

ent_status ent_server_start(ent_store *st, const ent_server_options *o, ent_diag *diag, ent_server **out) {
    *out = NULL;
    ent_server_options def = {0};
    if (!o) o = &def;
    const char *bind = o->bind && *o->bind ? o->bind : "127.0.0.1";
    if (o->port < 0 || o->port > 65535) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "serve: port %d out of range 0..65535", o->port);
        return ENT_ERR_INVALID;
    }
    struct sockaddr_storage ss;
    int v6 = 0;
    if (!parse_bind(bind, o->port, &ss, &v6)) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "serve: bind address '%s' is not an IPv4 or IPv6 address", bind);
        return ENT_ERR_INVALID;
    }
    ent_server *srv = ent_xcalloc(1, sizeof *srv);
    srv->st = st;
    srv->uri = ent_xstrdup(ent_store_uri(st));
    srv->query_timeout_ms = o->query_timeout_ms > 0 ? o->query_timeout_ms : 5000;
    srv->header_timeout = o->header_timeout_seconds > 0 ? o->header_timeout_seconds : 10;
    if (o->allow_hosts && *o->allow_hosts) {
        char *list = ent_xstrdup(o->allow_hosts), *save = NULL;
        for (char *h = strtok_r(list, ", ", &save); h; h = strtok_r(NULL, ", ", &save)) {
            srv->hosts = ent_xrealloc(srv->hosts, (srv->nhosts + 1) * sizeof *srv->hosts);
            srv->hosts[srv->nhosts++] = ent_xstrdup(h);
        }
        free(list);
    }
    pthread_mutex_init(&srv->pool_mu, NULL);
    pthread_cond_init(&srv->pool_cv, NULL);
    pthread_mutex_init(&srv->conn_mu, NULL);
    srv->conns.next = srv->conns.prev = &srv->conns;
    ent_store_set_timeout(st, srv->query_timeout_ms);
    /* the warm pool: every handle opened now, so a burst of requests finds them ready */
    int warm = o->pool_size > 0 ? o->pool_size : o->pool_size < 0 ? 0 : POOL_WARM;
    srv->pool_max = warm > POOL_MAX ? warm : POOL_MAX;
    srv->idle = ent_xcalloc((size_t)srv->pool_max, sizeof *srv->idle);
    for (int i = 0; i < warm; i++) {
        ent_store *h = open_handle(srv, diag);
        if (!h) {
            ent_diag_add(diag, ENT_ERROR, NULL, 0, "serve: cannot open database handle %d of the pool's %d (a smaller --pool, "
                         "or a server allowing more connections)", i + 1, warm);
            ent_server_stop(srv);
            return ENT_ERR_IO;
        }
        srv->idle[srv->nidle++] = h;
        srv->nopen++;
    }
    unsigned max_conn = o->max_connections > 0 ? (unsigned)o->max_connections : 512;
    unsigned per_ip = o->max_per_address > 0 ? (unsigned)o->max_per_address : (max_conn + 1) / 2;
    if (pthread_create(&srv->reaper, NULL, reaper, srv) != 0) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "serve: cannot start a thread");
        ent_server_stop(srv);
        return ENT_ERR_IO;
    }
    srv->reaper_started = 1;
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
                     (v6 ? MHD_USE_IPv6 : 0);
    srv->mhd = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, srv,
                                MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                                MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout_seconds > 0 ? o->timeout_seconds : 10),
                                MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
                                MHD_OPTION_CONNECTION_LIMIT, max_conn,
                                MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip,
                                MHD_OPTION_THREAD_STACK_SIZE, (size_t)(512 * 1024),
                                MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
                                MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
                                MHD_OPTION_END);
    if (!srv->mhd) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "serve: cannot listen on %s port %d (in use, or not permitted)", bind, o->port);
        ent_server_stop(srv);
        return ENT_ERR_IO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->mhd, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? info->port : o->port;
    *out = srv;
    return ENT_OK;
}

int ent_server_port(const ent_server *srv) { return srv ? srv->port : 0; }

void ent_server_stop(ent_server *srv) {
    if (!srv) return;
    if (srv->mhd) MHD_stop_daemon(srv->mhd);
    pthread_mutex_lock(&srv->conn_mu);
    srv->stopping = 1;
    pthread_mutex_unlock(&srv->conn_mu);
    if (srv->reaper_started) pthread_join(srv->reaper, NULL);
    while (srv->nidle) ent_store_close(srv->idle[--srv->nidle]);
    free(srv->idle);
    for (size_t i = 0; i < srv->nhosts; i++) free(srv->hosts[i]);
    free(srv->hosts);
    pthread_mutex_destroy(&srv->pool_mu);
    pthread_cond_destroy(&srv->pool_cv);
    pthread_mutex_destroy(&srv->conn_mu);
    free(srv->uri);
    free(srv);
}

/* test_serve.c — the explorer's HTTP server in-process: API answers with the right
 * numbers, bad requests get 4xx, the page is served.  (tests/scripts/store-web.sh adds the
 * raw-socket abuse cases and the browser test.) */
#include "test.h"
#include "entente.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* The raw response (headers and body) of req on 127.0.0.1:port, into out; its length. */
static size_t http_raw(int port, const char *req, char *out, size_t outsz) {
    size_t n = 0;
    out[0] = 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    struct timeval tv = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && write(fd, req, strlen(req)) >= 0) {
        ssize_t r;
        while (n < outsz - 1 && (r = read(fd, out + n, outsz - 1 - n)) > 0) n += (size_t)r;
    }
    out[n] = 0;
    close(fd);
    return n;
}

/* One HTTP exchange on 127.0.0.1:port; returns the status (0: no answer), body copied into out. */
static int http(int port, const char *req, char *out, size_t outsz) {
    static char buf[65536];
    http_raw(port, req, buf, sizeof buf);
    int status = 0;
    sscanf(buf, "HTTP/1.%*d %d", &status);
    const char *b = strstr(buf, "\r\n\r\n");
    snprintf(out, outsz, "%s", b ? b + 4 : "");
    return status;
}

static int get(int port, const char *path, char *out, size_t outsz) {
    char req[2048];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
    return http(port, req, out, outsz);
}

/* A new SQLite store at /tmp/entente-serve-TAG-PID.db (name into path); NULL on failure. */
static ent_store *fresh_store(char path[128], const char *tag, ent_diag *d) {
    snprintf(path, 128, "/tmp/entente-serve-%s-%d.db", tag, (int)getpid());
    unlink(path);
    ent_store *st = NULL;
    CHECK_INT(ent_store_open(path, d, &st), ENT_OK);
    return st;
}

TEST(serve_api_and_errors) {
    char path[128];
    ent_diag *d = ent_diag_new();
    ent_store *st = fresh_store(path, "test", d);
    if (!st) { ent_diag_free(d); return; }
    const char *src[3] = {"ARN", "GON", "ARN"}, *tgt[3] = {"GON", "ARN", "MOR"}, *code[3] = {"057", "190", "111"};
    int quad[3] = {2, 4, 3};
    double gold[3] = {8.0, -10.0, -2.0};
    ent_story_meta m = {"s1", 20240105, NULL, NULL, NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    for (int i = 0; i < 3; i++) {
        ent_event e = {0};
        e.source = src[i]; e.target = tgt[i]; e.code = code[i]; e.root = ""; e.quad = quad[i]; e.goldstein = gold[i];
        e.source_text = "Arnor <b>"; e.target_text = ""; e.verb_text = "";
        ent_event_context c = {"s1", i, NULL, i == 2 ? 20240204 : 20240105, "Arnor <b>met</b> Gondor & co.", {0, 0}, NULL, NULL, NULL};
        CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
    }
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    /* an event without a target is counted for its actor but draws no link */
    ent_story_meta m2 = {"s2", 20240301, NULL, NULL, NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m2), ENT_OK);
    ent_event lone = {0};
    lone.source = "MOR"; lone.target = "---"; lone.code = "010"; lone.quad = 1;
    ent_event_context lc = {"s2", 0, NULL, 20240301, "Mordor said nothing.", {0, 0}, NULL, NULL, NULL};
    CHECK_INT(ent_store_add_event(st, &lc, &lone), ENT_OK);
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    ent_server_options o = {0};
    o.port = 0;
    ent_server *srv = NULL;
    CHECK_INT(ent_server_start(st, &o, d, &srv), ENT_OK);
    int port = ent_server_port(srv);
    CHECK(port > 0);
    static char body[65536];
    if (srv) {
        CHECK_INT(get(port, "/api/events?limit=1&offset=1", body, sizeof body), 200);
        CHECK(strstr(body, "\"total\":4") != NULL);
        CHECK(strstr(body, "\"code\":\"190\"") != NULL);
        CHECK(strstr(body, "\"sentence\":\"Arnor <b>met</b> Gondor & co.\"") != NULL); /* JSON, not HTML */
        CHECK_INT(get(port, "/api/series?dyad=ARN,GON&period=day", body, sizeof body), 200);
        CHECK(strstr(body, "\"period\":\"2024-01-05\",\"events\":2,\"cooperation\":1,\"conflict\":1") != NULL);
        CHECK_INT(get(port, "/api/network", body, sizeof body), 200);
        CHECK(strstr(body, "{\"source\":\"ARN\",\"target\":\"MOR\",\"events\":1") != NULL);
        CHECK(strstr(body, "---") == NULL);
        CHECK(strstr(body, "{\"id\":\"MOR\",\"events\":2") != NULL);
        CHECK_INT(get(port, "/api/events?quad=7", body, sizeof body), 400);
        CHECK(strstr(body, "'quad'") != NULL);
        CHECK_INT(get(port, "/api/events?nope=1", body, sizeof body), 400);
        CHECK_INT(get(port, "/api/missing", body, sizeof body), 404);
        CHECK_INT(get(port, "/missing.html", body, sizeof body), 404);
        CHECK_INT(http(port, "PUT /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", body, sizeof body), 405);
        CHECK_INT(http(port, "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc", body, sizeof body), 413);
        CHECK_INT(http(port, "HELLO WORLD\r\n\r\n", body, sizeof body), 400);
        int junk = http(port, "NONSENSE\r\n\r\n", body, sizeof body); /* dropped or 400 */
        CHECK(junk == 0 || junk == 400);
        CHECK_INT(get(port, "/", body, sizeof body), 200);
        CHECK(strstr(body, "<script src=\"/app.js\"></script>") != NULL);
        CHECK_INT(get(port, "/app.js", body, sizeof body), 200);
        CHECK(strstr(body, "'use strict'") != NULL);
        ent_server_stop(srv);
    }
    ent_server_options bad = {0};
    bad.bind = "localhost"; /* names are not resolved: an address is required */
    ent_server *s2 = NULL;
    CHECK_INT(ent_server_start(st, &bad, d, &s2), ENT_ERR_INVALID);
    CHECK(s2 == NULL);
    ent_store_close(st);
    ent_diag_free(d);
    ent_test_remove_sqlite(path);
}

#include <sqlite3.h>

/* Story id of 2024-01-05 with one event ARN -> GON of the given code and sentence. */
static void one_event(ent_store *st, const char *id, const char *code, const char *root, int quad, double g,
                      const char *sentence) {
    ent_story_meta m = {id, 20240105, NULL, NULL, NULL, 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    ent_event e = {0};
    e.source = "ARN"; e.target = "GON"; e.code = code; e.root = root; e.quad = quad; e.goldstein = g;
    e.source_text = e.target_text = e.verb_text = "";
    ent_event_context c = {id, 0, NULL, 20240105, sentence, {0, 0}, NULL, NULL, NULL};
    CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
}

/* A stored Goldstein that is not a number (NaN text in the database, as PostgreSQL can
 * hold) is null in the reply; the key and the row stay (issue 16, P14). */
TEST(serve_nan_goldstein_keeps_the_key) {
    char path[128];
    ent_diag *d = ent_diag_new();
    ent_store *st = fresh_store(path, "nan", d);
    if (!st) { ent_diag_free(d); return; }
    one_event(st, "n1", "111", "11", 3, -2.0, "Arnor criticised Gondor.");
    sqlite3 *db;
    if (sqlite3_open(path, &db) == SQLITE_OK) {
        CHECK_INT(sqlite3_exec(db, "UPDATE events SET goldstein = 'NaN'", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
    }
    ent_server_options o = {0};
    ent_server *srv = NULL;
    CHECK_INT(ent_server_start(st, &o, d, &srv), ENT_OK);
    static char body[65536];
    if (srv) {
        int port = ent_server_port(srv);
        CHECK_INT(get(port, "/api/events", body, sizeof body), 200);
        CHECK(strstr(body, "\"quad\":3,\"goldstein\":null,\"plover\"") != NULL);
        CHECK_INT(get(port, "/api/network", body, sizeof body), 200);
        CHECK(strstr(body, "\"goldstein\"") != NULL);
        ent_server_stop(srv);
    }
    ent_store_close(st);
    ent_diag_free(d);
    ent_test_remove_sqlite(path);
}

/* The Server-Timing durations of the first response in text: 1 when all six are there. */
static int server_timing(const char *text, double *cpu, double *runq, double *pool, double *open, double *blocked,
                         double *total) {
    const char *h = strstr(text, "Server-Timing: ");
    const char *end = strstr(text, "\r\n\r\n");
    if (!h || (end && h > end)) return 0;
    return sscanf(h, "Server-Timing: cpu;dur=%lf, runq;dur=%lf, pool;dur=%lf, open;dur=%lf, blocked;dur=%lf, total;dur=%lf",
                  cpu, runq, pool, open, blocked, total) == 6;
}

/* Every API answer says where its time went (Server-Timing: the thread's own CPU, its
 * wait for a processor, for a database handle, and the rest); the page's files do not,
 * also when they follow an API request on the same connection (the clock is per request). */
TEST(serve_timing_header) {
    char path[128];
    ent_diag *d = ent_diag_new();
    ent_store *st = fresh_store(path, "timing", d);
    if (!st) { ent_diag_free(d); return; }
    one_event(st, "t1", "057", "05", 1, 8.0, "Arnor signed with Gondor.");
    double sc = -1, sq = -1;
    CHECK_INT(ent_store_server_clock(st, &sc, &sq), 0); /* SQLite: no server process */
    CHECK(sc == 0 && sq == 0);
    /* pass 0: the default warm pool, every handle open before the first request;
     * pass 1: no warm pool (--pool 0), the first request opens a handle */
    for (int pass = 0; pass < 2; pass++) {
    ent_server_options o = {0};
    o.pool_size = pass ? -1 : 0;
    ent_server *srv = NULL;
    CHECK_INT(ent_server_start(st, &o, d, &srv), ENT_OK);
    static char out[65536];
    if (srv) {
        int port = ent_server_port(srv);
        static const char *const paths[] = {"/api/counts", "/api/network", "/api/events?limit=5", "/api/series?period=day",
                                            "/api/events?quad=9"};
        for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
            char req[256];
            snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", paths[i]);
            http_raw(port, req, out, sizeof out);
            double cpu = -1, runq = -1, pool = -1, open = -1, blocked = -1, total = -1;
            CHECK(server_timing(out, &cpu, &runq, &pool, &open, &blocked, &total));
            CHECK(cpu >= 0 && runq >= 0 && pool >= 0 && open >= 0 && blocked >= 0 && total >= 0);
            CHECK(cpu <= total + 0.05 && pool <= total + 0.05 && open <= total + 0.05);
            /* requests one at a time: without a warm pool the first opens a handle, the
             * others reuse it; with one, none opens */
            if (i == 0 && pass) CHECK(open > 0);
            else CHECK(open == 0);
            /* ... and none waits for a handle: the pool's time counts only a thread that slept
             * for the pool's lock or a free handle, not time taken from it as it ran */
            CHECK(pool == 0);
            CHECK(!strstr(out, "db;dur=")); /* SQLite: no server-side part */
            /* the part of blocked spent holding the database handle, and the thread's
             * sleeps and page faults (counts) */
            double dbwait = -1, sleeps = -1, dbsleeps = -1, faults = -1;
            const char *x = strstr(out, ", dbwait;dur=");
            CHECK(x && sscanf(x, ", dbwait;dur=%lf, sleeps;dur=%lf, dbsleeps;dur=%lf, faults;dur=%lf", &dbwait, &sleeps, &dbsleeps,
                              &faults) == 4);
            CHECK(dbwait >= 0 && dbwait <= blocked && faults >= 0 && sleeps == (long)sleeps);
            CHECK(dbsleeps >= 0 && dbsleeps <= sleeps);
            if (!server_timing(out, &cpu, &runq, &pool, &open, &blocked, &total)) printf("  %s:\n%.400s\n", paths[i], out);
        }
        /* an API request, then a file, on one kept-alive connection */
        http_raw(port,
                 "GET /api/counts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                 "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                 out, sizeof out);
        const char *second = strstr(out + 1, "HTTP/1.1 200");
        CHECK(strstr(out, "Server-Timing: cpu;dur=") != NULL && strstr(out, "Server-Timing: cpu;dur=") < second);
        CHECK(second && !strstr(second, "Server-Timing"));
        /* two API requests on one connection: the first says how long from the accept to
         * its headers (conn), the second has no such part (its wait began with the client) */
        http_raw(port,
                 "GET /api/counts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                 "GET /api/actors HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                 out, sizeof out);
        const char *next = strstr(out + 1, "HTTP/1.1 200");
        const char *c1 = strstr(out, ", conn;dur=");
        CHECK(next && c1 && c1 < next && !strstr(next, "conn;dur="));
        CHECK(next && strstr(next, "Server-Timing: cpu;dur="));
        http_raw(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", out, sizeof out);
        CHECK(strstr(out, "HTTP/1.1 200") == out && !strstr(out, "Server-Timing"));
        ent_server_stop(srv);
    }
    }
    ent_store_close(st);
    ent_diag_free(d);
    ent_test_remove_sqlite(path);
}

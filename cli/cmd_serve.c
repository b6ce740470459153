/* cmd_serve.c — 'entente serve --db URI [--port N] [--bind ADDR]': the event explorer (web
 * page and JSON API) until SIGINT/SIGTERM.  Binds to 127.0.0.1 unless told otherwise and
 * prints the URL it listens on (port 0 picks a free port). */
#include "cli.h"

#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_flag;
static void on_signal(int sig) { (void)sig; stop_flag = 1; }

static void serve_usage(FILE *f) {
    fprintf(f, "usage: entente serve --db URI [--port N] [--bind ADDR] [options]\n"
               "  Serves the event explorer at http://ADDR:N/ (default 127.0.0.1:8080) and its\n"
               "  JSON API: /api/events, /api/series, /api/network, /api/actors.\n"
               "  --timeout S          close a connection idle this long (default 10)\n"
               "  --header-timeout S   a request's headers must arrive within S seconds (default 10)\n"
               "  --query-timeout MS   stop any database query after MS milliseconds (default 5000)\n"
               "  --max-connections N  connections in all (default 512; half of them per client address)\n"
               "  --pool N             database handles opened at start, one per request running at once\n"
               "                       (default 20; more open as needed, up to 32 or N; on PostgreSQL\n"
               "                       each is a server connection; 0: open them only as needed)\n"
               "  --allow-host NAMES   Host names to answer besides IP addresses and localhost\n"
               "                       (comma-separated; others are refused against DNS rebinding)\n");
}

int cmd_serve(int argc, char **argv) {
    const char *uri = getenv("ENTENTE_DB");
    ent_server_options o = {0};
    o.port = 8080;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { serve_usage(stdout); return 0; }
        if (i + 1 >= argc || a[0] != '-') { serve_usage(stderr); return cli_usage_error("serve: bad argument '%s'", a); }
        const char *v = argv[++i];
        char *end;
        if (!strcmp(a, "--db")) uri = v;
        else if (!strcmp(a, "--bind")) o.bind = v;
        else if (!strcmp(a, "--port")) {
            long p = strtol(v, &end, 10);
            if (*end || !*v || p < 0 || p > 65535) return cli_usage_error("serve: --port expects 0..65535, got '%s'", v);
            o.port = (int)p;
        } else if (!strcmp(a, "--timeout")) {
            long t = strtol(v, &end, 10);
            if (*end || !*v || t < 1 || t > 3600) return cli_usage_error("serve: --timeout expects 1..3600 seconds, got '%s'", v);
            o.timeout_seconds = (int)t;
        } else if (!strcmp(a, "--header-timeout")) {
            long t = strtol(v, &end, 10);
            if (*end || !*v || t < 1 || t > 3600) return cli_usage_error("serve: --header-timeout expects 1..3600 seconds, got '%s'", v);
            o.header_timeout_seconds = (int)t;
        } else if (!strcmp(a, "--query-timeout")) {
            long t = strtol(v, &end, 10);
            if (*end || !*v || t < 1 || t > 3600000) return cli_usage_error("serve: --query-timeout expects 1..3600000 ms, got '%s'", v);
            o.query_timeout_ms = t;
        } else if (!strcmp(a, "--max-connections")) {
            long t = strtol(v, &end, 10);
            if (*end || !*v || t < 2 || t > 10000) return cli_usage_error("serve: --max-connections expects 2..10000, got '%s'", v);
            o.max_connections = (int)t;
        } else if (!strcmp(a, "--pool")) {
            long t = strtol(v, &end, 10);
            if (*end || !*v || t < 0 || t > 256) return cli_usage_error("serve: --pool expects 0..256 handles, got '%s'", v);
            o.pool_size = t ? (int)t : -1;
        } else if (!strcmp(a, "--allow-host")) {
            o.allow_hosts = v;
        } else { serve_usage(stderr); return cli_usage_error("serve: unknown option '%s'", a); }
    }
    if (!uri || !*uri) { serve_usage(stderr); return cli_usage_error("serve: --db is required"); }
#ifdef __GLIBC__
    /* Allocator settings for many request threads, before any starts.  glibc shares its
     * arenas (8 per core) among more threads than that, and grows and trims each arena's
     * heap as requests come and go (mprotect, madvise: the process's memory-map lock).
     * Sampled under 20 clients on SQLite, request threads slept in those paths (futex,
     * mprotect, madvise) in 72 of ~1,800 thread samples by default, in 1 with an arena per
     * thread up to 64 and the freed tops kept. */
    mallopt(M_ARENA_MAX, 64);
    mallopt(M_TOP_PAD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
    ent_store *st = cli_open_existing_store(uri, "serve");
    if (!st) return 1;
    ent_diag *d = ent_diag_new();
    ent_server *srv = NULL;
    /* sentences loaded with --defer-fts become searchable before the first request */
    if (cli_build_fts(st, "serve") || ent_server_start(st, &o, d, &srv) != ENT_OK) {
        cli_print_diag(d);
        ent_diag_free(d);
        ent_store_close(st);
        return 1;
    }
    ent_diag_free(d);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    const char *bind = o.bind ? o.bind : "127.0.0.1";
    int v6 = strchr(bind, ':') != NULL;
    if (strcmp(bind, "127.0.0.1") != 0 && strcmp(bind, "::1") != 0 && strncmp(bind, "127.", 4) != 0)
        fprintf(stderr, "entente serve: warning: listening on %s, beyond this machine; the explorer has no "
                        "authentication\n", bind);
    fprintf(stderr, "entente serve: listening on http://%s%s%s:%d/ (%s database)\n", v6 ? "[" : "", bind, v6 ? "]" : "",
            ent_server_port(srv), ent_store_backend(st));
    while (!stop_flag) pause();
    ent_server_stop(srv);
    ent_store_close(st);
    fprintf(stderr, "entente serve: stopped\n");
    return 0;
}

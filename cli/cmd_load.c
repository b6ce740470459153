/* cmd_load.c — 'entente load --db URI [events.jsonl ...]': fills the event store from the
 * JSON lines that 'entente code' writes.  Consecutive lines of one story form one story
 * that replaces the story's stored events; whole stories are written in batches of about
 * LOAD_BATCH_* events per transaction (bigger batches write each index page fewer times),
 * and the batch is also written whenever the input has nothing more to read at the moment
 * (a pipe from a slow producer), so what was read is visible without waiting for the
 * batch to fill.  A story met again after other stories (a
 * re-coded story, or the same file twice) replaces its earlier lines too, with a warning,
 * so nothing is ever stored twice.  Malformed lines are reported as file:line and skipped
 * (exit status 1 at the end), never silently dropped.  The story's title, url and
 * publisher are taken from its first line. */
#include "cli.h"
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Events per transaction.  SQLite: a batch writes every index page it touches once (and
 * the rollup keys it shares once), and at a million events a batch of 50,000 touches most
 * pages of the random-order indexes, so a larger batch writes fewer pages per event: each
 * commit writes them all to the WAL and the checkpoint again into the database (1M events
 * in random date order: 2.28 GB written in batches of 200k, 1.63 GB in batches of 500k,
 * and the slowest tenth of the load 23-26k/s against 25-29k/s; the page cache stays at
 * its 256 MB, spilling to the WAL).  A kill loses at most the batch in progress, whole
 * stories.  PostgreSQL: COPY and one merge per batch. */
#define LOAD_BATCH_SQLITE 500000
#define LOAD_BATCH_PG 50000
/* PostgreSQL connections writing batches at once (ent_store_set_writers): the server's index
 * work on two processors.  One load of 1M events in date order on a 2-core machine: 74 s
 * with one writer, 46 s with two, the same server CPU (README, "Loading and scale").
 * SQLite (any value >= 2): one writer thread, the input read meanwhile. */
#define LOAD_WRITERS_PG 2
/* The longest JSON line load accepts (one event with its sentence is a few kilobytes): a
 * longer line is reported and skipped without being held in memory whole. */
#define LOAD_MAX_LINE (16 << 20)

typedef struct loader {
    ent_store *st;
    char *story;            /* story being read, NULL when none */
    cli_strmap seen;        /* stories committed in this run */
    ent_event_reader *reader;
    long bad;
    int fatal;
} loader;

/* --report-every N: one machine-readable line on stderr each time the events written pass
 * a multiple of N (and one for the rest at the end), for benchmarks and logs:
 *   entente load: report events=E stories=S committed=K seconds=W cpu=C interval_events=e
 *   interval_seconds=w interval_cpu=c events_per_s=R
 * E, S: written to the database so far (ent_store_progress: committed, or inside the
 * transaction still open); K: of those, committed; W, C: wall and CPU (user + system)
 * seconds since the load began; e, w, c: the same since the previous line; R = e / w.
 * A line follows the write of whole stories: with SQLite's writer thread a chunk (8,192
 * events, or a quarter of a smaller --batch), counted once the reading thread meets the
 * writer again, so a stretch holds the work on its chunks, including a commit (rollups,
 * full-text index) when one of its chunks ended a transaction; with one thread, or on
 * PostgreSQL, a whole transaction (--batch).  What is committed, and so what a kill
 * leaves, is unchanged: whole stories, whole transactions. */
typedef struct report {
    long every;             /* 0: no reports */
    long next;              /* events committed at which the next line is due */
    long last_events;
    double t0, cpu0, last_wall, last_cpu;
} report;

static double wall_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_now(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void report_init(report *r, long every) {
    memset(r, 0, sizeof *r);
    r->every = every;
    r->next = every;
    r->t0 = wall_now();
    r->cpu0 = cpu_now();
}

/* Print a line when events (written) has reached the next multiple (or, final, when
 * anything was written since the last line); committed: of those, committed. */
static void report_maybe(report *r, long stories, long events, long committed, int final) {
    if (r->every <= 0 || events < r->next) {
        if (!(final && r->every > 0 && events > r->last_events)) return;
    }
    double w = wall_now() - r->t0, c = cpu_now() - r->cpu0;
    long de = events - r->last_events;
    double dw = w - r->last_wall, dc = c - r->last_cpu;
    fprintf(stderr,
            "entente load: report events=%ld stories=%ld committed=%ld seconds=%.3f cpu=%.3f interval_events=%ld"
            " interval_seconds=%.3f interval_cpu=%.3f events_per_s=%.0f\n",
            events, stories, committed, w, c, de, dw, dc, dw > 0 ? de / dw : 0.0);
    r->last_events = events;
    r->last_wall = w;
    r->last_cpu = c;
    while (r->next <= events) r->next += r->every;
}

/* ent_store_on_progress callback of a load: a report line when one is due. */
typedef struct report_hook { report *r; ent_store *st; } report_hook;
static void report_progress(void *user) {
    report_hook *h = user;
    long stories = 0, events = 0, committed = 0;
    ent_store_progress(h->st, &stories, &events);
    ent_store_written(h->st, NULL, &committed);
    report_maybe(h->r, stories, events, committed, 0);
}

static int was_seen(loader *L, const char *id) { return cli_strmap_get(&L->seen, id) != NULL; }

static int finish_story(loader *L) {
    if (!L->story) return 0;
    int rc = 0;
    if (ent_store_commit_story(L->st) != ENT_OK) {
        fprintf(stderr, "entente: %s\n", ent_store_error(L->st));
        L->fatal = 1;
        rc = -1;
    }
    cli_strmap_put(&L->seen, L->story, NULL);
    free(L->story);
    L->story = NULL;
    return rc;
}

/* One JSON line -> one stored event.  Returns 0, or -1 after reporting a bad line. */
static int load_line(loader *L, const char *file, long lineno, const char *line, size_t len) {
    ent_event_line x;
    const char *why;
    if (ent_event_reader_parse(L->reader, line, len, &x, &why) != ENT_OK) {
        fprintf(stderr, "%s:%ld: error: expected a JSON object per line (%s)\n", file, lineno, why);
        L->bad++;
        return -1;
    }
    ent_event_context c = x.ctx;
    ent_event e = x.ev;
    const char *story = c.story_id;
    if (!story || !*story || !e.code || !*e.code || !e.source || !e.target) {
        fprintf(stderr, "%s:%ld: error: event needs string fields story_id, source, target and code\n", file, lineno);
        L->bad++;
        return -1;
    }
    const char *ds = x.date;
    long date = ds ? ent_store_parse_date(ds) : 0;
    if (ds && *ds && !date) {
        char *shown = ent_str_visible(ds, 0); /* no raw control characters to the terminal */
        fprintf(stderr, "%s:%ld: warning: bad date '%s' (expected YYYY-MM-DD), stored without date\n", file, lineno, shown);
        free(shown);
    }
    if (!L->story || strcmp(L->story, story) != 0) {
        if (finish_story(L) != 0) return -1;
        if (was_seen(L, story)) {
            char *shown = ent_str_visible(story, 0);
            fprintf(stderr, "%s:%ld: warning: story %s appears again after other stories; this copy replaces "
                            "the earlier one\n", file, lineno, shown);
            free(shown);
        }
        ent_story_meta m = {story, date, c.publisher, c.title, c.url, 0};
        if (ent_store_begin_story(L->st, &m) != ENT_OK) {
            fprintf(stderr, "entente: %s\n", ent_store_error(L->st));
            L->fatal = 1;
            return -1;
        }
        L->story = strdup(story);
    }
    c.date = date;
    /* fill CAMEO attributes the line left out */
    const ent_cameo_info *ci = (!e.root || !e.quad) ? ent_cameo_lookup(e.code) : NULL;
    if (ci) {
        if (!e.root) e.root = ci->root;
        if (!e.quad) { e.quad = ci->quad; if (!x.has_goldstein) e.goldstein = ci->goldstein; }
        if (!e.plover) e.plover = ci->plover;
    }
    if (ent_store_add_event(L->st, &c, &e) != ENT_OK) {
        fprintf(stderr, "%s:%ld: error: %s\n", file, lineno, ent_store_error(L->st));
        L->fatal = 1; /* the story's transaction is unusable: stop rather than lose lines */
        L->bad++;
        return -1;
    }
    return 0;
}

/* Lines of a file descriptor, read in large blocks; a line longer than LOAD_MAX_LINE is
 * skipped (its bytes read and dropped as they come). */
typedef struct reader {
    int fd;
    char *buf;
    size_t cap, start, end;
    int eof, err;
    int skipping;           /* inside a line that is too long: drop bytes up to its newline */
} reader;

/* 1 when a whole line (or the unterminated last one) is buffered. */
static int reader_has_line(const reader *R) {
    return (R->end > R->start && memchr(R->buf + R->start, '\n', R->end - R->start) != NULL) || (R->eof && R->end > R->start);
}

/* Next line (without its newline) in *line and *len: returns 1; 2 for a line longer than
 * LOAD_MAX_LINE (skipped; *len is the limit); 0 at the end or on a read error. */
static int reader_next(reader *R, char **line, size_t *len) {
    for (;;) {
        char *nl = R->end > R->start ? memchr(R->buf + R->start, '\n', R->end - R->start) : NULL; /* buf may be NULL */
        if (R->skipping) { /* drop the rest of the long line */
            R->start = nl ? (size_t)(nl - R->buf) + 1 : R->end;
            if (nl || R->eof) {
                R->skipping = 0;
                *line = R->buf + R->start;
                *len = LOAD_MAX_LINE;
                return 2;
            }
        } else if (!nl && R->end - R->start > LOAD_MAX_LINE) {
            R->skipping = 1;
            continue;
        }
        if (nl || (R->eof && R->end > R->start)) {
            *line = R->buf + R->start;
            *len = nl ? (size_t)(nl - *line) : R->end - R->start;
            R->start = nl ? (size_t)(nl - R->buf) + 1 : R->end;
            if (*len <= LOAD_MAX_LINE) return 1;
            *len = LOAD_MAX_LINE; /* read in one block with its newline: skipped all the same */
            return 2;
        }
        if (R->eof) return 0;
        if (R->start > 0) {
            memmove(R->buf, R->buf + R->start, R->end - R->start);
            R->end -= R->start;
            R->start = 0;
        }
        if (R->end == R->cap) {
            R->cap = R->cap ? 2 * R->cap : 1 << 20;
            R->buf = realloc(R->buf, R->cap + 1);
            if (!R->buf) { fprintf(stderr, "entente: out of memory\n"); exit(1); }
        }
        ssize_t n = read(R->fd, R->buf + R->end, R->cap - R->end);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { R->err = errno; R->eof = 1; continue; }
        if (n == 0) R->eof = 1;
        R->end += (size_t)n;
    }
}

/* 1 when reading more would wait: nothing buffered and nothing ready on the descriptor. */
static int reader_would_block(const reader *R) {
    if (R->eof || reader_has_line(R)) return 0;
    struct pollfd p = {R->fd, POLLIN, 0};
    return poll(&p, 1, 0) == 0;
}

void cli_store_bulk(ent_store *st, long batch, int writers, const char *who) {
    int lite = !strcmp(ent_store_backend(st), "sqlite");
    ent_store_set_batch(st, batch ? batch : lite ? LOAD_BATCH_SQLITE : LOAD_BATCH_PG);
    if (!writers) writers = LOAD_WRITERS_PG;
    if (writers > 1 && ent_store_set_writers(st, writers) != ENT_OK) /* SQLite: one writer thread */
        fprintf(stderr, "entente: %s: warning: %s; writing over one connection\n", who, ent_store_error(st));
}

int cli_name_actors(ent_store *st, const ent_dicts *dicts) {
    if (!dicts) return 0;
    ent_actor_names *n = ent_actor_names_new(dicts);
    ent_status s = ent_store_name_actors(st, n, NULL);
    ent_actor_names_free(n);
    if (s == ENT_OK) return 0;
    fprintf(stderr, "entente: %s\n", ent_store_error(st));
    return 1;
}

int cli_build_fts(ent_store *st, const char *who) {
    long pending = 0, done = 0;
    if (ent_store_fts_pending(st, &pending) == ENT_OK && pending > 0) {
        fprintf(stderr, "entente %s: indexing %ld sentences for full-text search (loaded with --defer-fts)\n", who, pending);
        if (ent_store_build_fts(st, &done) == ENT_OK) return 0;
    } else if (!ent_store_error(st)[0]) {
        return 0;
    }
    fprintf(stderr, "entente: %s: %s\n", who, ent_store_error(st));
    return 1;
}

static void load_usage(FILE *f) {
    fprintf(f, "usage: entente load --db URI [--dicts DIR] [--defer-fts] [--writers N] [--batch N] [--report-every N]\n"
               "       [FILE.jsonl ...]   (no FILE or '-': standard input)\n"
               "  Stores coded events (the JSON lines of 'entente code') in an SQLite file or a\n"
               "  postgresql:// database; each story is one transaction and replaces what it had.\n"
               "  A line may be at most %d MB long.\n"
               "  --dicts DIR   dictionaries that name the actor codes for the explorer\n"
               "                (default: the bundled set)\n"
               "  --defer-fts   leave the new sentences out of the full-text search index (a faster\n"
               "                bulk load); 'entente index', 'serve' and 'query --search' build it\n"
               "  --writers N   PostgreSQL: write batches over N connections at once (default %d;\n"
               "                1: one connection).  SQLite, N >= 2: one thread writes while the input\n"
               "                is read; 1: one thread does both.  Each batch is still one transaction\n"
               "                of whole stories\n"
               "  --batch N     about N events per transaction, whole stories only (default %d on\n"
               "                SQLite, %d on PostgreSQL; 1: each story its own transaction)\n"
               "  --report-every N  a line 'entente load: report events=... committed=... seconds=...\n"
               "                cpu=... events_per_s=...' on stderr each time another N events are\n"
               "                written (committed, or in the transaction still open; SQLite's writer\n"
               "                thread: counted a chunk of whole stories at a time)\n",
            LOAD_MAX_LINE >> 20, LOAD_WRITERS_PG, LOAD_BATCH_SQLITE, LOAD_BATCH_PG);
}

static void index_usage(FILE *f) {
    fprintf(f, "usage: entente index --db URI\n"
               "  Builds the full-text search index of the sentences that 'load --defer-fts' left out\n"
               "  (serve and query --search do this by themselves when they open the database).\n");
}

int cmd_index(int argc, char **argv) {
    const char *uri = getenv("ENTENTE_DB");
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { index_usage(stdout); return 0; }
        if (!strcmp(argv[i], "--db") && i + 1 < argc) uri = argv[++i];
        else { index_usage(stderr); return cli_usage_error("index: unexpected argument '%s'", argv[i]); }
    }
    if (!uri || !*uri) { index_usage(stderr); return cli_usage_error("index: --db is required"); }
    ent_store *st = cli_open_existing_store(uri, "index");
    if (!st) return 1;
    long pending = 0;
    int rc = ent_store_fts_pending(st, &pending) != ENT_OK || cli_build_fts(st, "index");
    if (!rc) fprintf(stderr, "entente index: %ld sentences indexed; the full-text index is complete\n", pending);
    else if (pending == 0) fprintf(stderr, "entente: index: %s\n", ent_store_error(st));
    ent_store_close(st);
    return rc;
}

int cmd_load(int argc, char **argv) {
    const char *uri = getenv("ENTENTE_DB");
    const char *dict_dir = NULL;
    const char *files[argc > 1 ? argc : 1]; /* any number of files: at most one per argument */
    int nfiles = 0, defer_fts = 0, writers = LOAD_WRITERS_PG;
    long batch = 0, every = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { load_usage(stdout); return 0; }
        if (!strcmp(argv[i], "--db")) {
            if (++i >= argc) return cli_usage_error("--db needs a database (file path or postgresql:// URI)");
            uri = argv[i];
        } else if (!strcmp(argv[i], "--defer-fts")) {
            defer_fts = 1;
        } else if (!strcmp(argv[i], "--batch") || !strcmp(argv[i], "--report-every")) {
            const char *opt = argv[i];
            if (!cli_parse_count(++i < argc ? argv[i] : NULL, 1, LONG_MAX, !strcmp(opt, "--batch") ? &batch : &every))
                return cli_usage_error("load: %s needs a positive number of events", opt);
        } else if (!strcmp(argv[i], "--writers")) {
            long n;
            if (!cli_parse_count(++i < argc ? argv[i] : NULL, 1, CLI_WRITERS_MAX, &n))
                return cli_usage_error("--writers needs a number from 1 to %d", CLI_WRITERS_MAX);
            writers = (int)n;
        } else if (!strcmp(argv[i], "--dicts")) {
            if (++i >= argc) return cli_usage_error("--dicts needs a dictionary directory");
            dict_dir = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            load_usage(stderr);
            return cli_usage_error("load: unknown option '%s'", argv[i]);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!uri || !*uri) { load_usage(stderr); return cli_usage_error("load: --db is required"); }
    if (nfiles == 0) files[nfiles++] = "-";
    long long total = 0;
    for (int i = 0; i < nfiles; i++) {
        struct stat sb;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0) total += sb.st_size;
    }
    ent_diag *d = ent_diag_new();
    loader L = {0};
    L.reader = ent_event_reader_new();
    if (ent_store_open(uri, d, &L.st) != ENT_OK) {
        cli_print_diag(d);
        ent_diag_free(d);
        ent_event_reader_free(L.reader);
        return 1;
    }
    ent_diag_free(d);
    ent_store_defer_fts(L.st, defer_fts);
    cli_store_bulk(L.st, batch, writers, "load");
    cli_progress pr;
    cli_progress_init(&pr, total);
    report rep;
    report_init(&rep, every);
    report_hook hook = {&rep, L.st};
    if (every > 0) ent_store_on_progress(L.st, report_progress, &hook); /* also while the last flush waits */
    long long done = 0;
    long stored = 0, stored_events = 0;
    int io_err = 0;
    reader R = {0};
    for (int i = 0; i < nfiles && !L.fatal; i++) {
        int is_stdin = !strcmp(files[i], "-");
        const char *name = is_stdin ? "<stdin>" : files[i];
        int fd = is_stdin ? 0 : open(files[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) { fprintf(stderr, "%s: error: %s\n", name, strerror(errno)); io_err = 1; continue; }
        R.fd = fd;
        R.start = R.end = 0;
        R.eof = R.err = 0;
        long lineno = 0;
        char *line;
        size_t n;
        for (;;) {
            if (L.fatal) break;
            /* the input pauses: make the stories read so far visible now */
            if (reader_would_block(&R) && ent_store_flush(L.st) != ENT_OK) {
                fprintf(stderr, "entente: %s\n", ent_store_error(L.st));
                L.fatal = 1;
                break;
            }
            int got = reader_next(&R, &line, &n);
            if (!got) break;
            lineno++;
            done += (long long)n + 1;
            if (got == 2) {
                fprintf(stderr, "%s:%ld: error: line longer than %d MB (the longest JSON line load takes), skipped\n", name,
                        lineno, LOAD_MAX_LINE >> 20);
                L.bad++;
                continue;
            }
            size_t len = n;
            while (len && (line[len - 1] == '\r')) len--;
            size_t k = 0;
            while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
            if (k == len) continue;
            line[len] = 0;
            load_line(&L, name, lineno, line, len);
            ent_store_written(L.st, &stored, &stored_events);
            cli_progress_update(&pr, stored, stored_events, done);
        }
        if (R.err) { fprintf(stderr, "%s: error: read failed: %s\n", name, strerror(R.err)); io_err = 1; }
        if (!is_stdin) close(fd);
    }
    free(R.buf);
    if (!L.fatal) finish_story(&L);
    if (!L.fatal && ent_store_flush(L.st) != ENT_OK) {
        fprintf(stderr, "entente: %s\n", ent_store_error(L.st));
        L.fatal = 1;
    }
    ent_store_on_progress(L.st, NULL, NULL);
    ent_store_written(L.st, &stored, &stored_events);
    report_maybe(&rep, stored, stored_events, stored_events, 1);
    long unnamed = 1; /* unknown (the count failed): load the dictionaries and try */
    if (!L.fatal && stored && ent_store_unnamed_actors(L.st, &unnamed) != ENT_OK) unnamed = 1;
    if (!L.fatal && stored && unnamed > 0) {
        /* names for the explorer, for the new actor codes only (most loads add none, and
         * the dictionaries take 50 ms to read); a dictionary problem costs the names, not
         * the load */
        ent_diag *dd = ent_diag_new();
        ent_dicts *dicts = NULL;
        if ((dict_dir ? ent_dicts_load_dir(dict_dir, NULL, dd, &dicts) : ent_dicts_load_default(NULL, dd, &dicts)) != ENT_OK) {
            fprintf(stderr, "entente: load: %s: actors stored without names (dictionaries not loaded)\n",
                    dict_dir ? "error" : "warning");
            cli_print_diag(dd);
            if (dict_dir) L.fatal = 1; /* the names asked for are missing */
        } else if (cli_name_actors(L.st, dicts)) {
            L.fatal = 1;
        }
        ent_dicts_free(dicts);
        ent_diag_free(dd);
    }
    cli_progress_finish(&pr, stored, stored_events, done);
    fprintf(stderr, "entente load: %ld stories, %ld events stored (%s)%s\n", stored, stored_events,
            ent_store_backend(L.st), L.bad ? "; some lines were rejected" : L.fatal ? "; loading stopped after an error" : "");
    cli_strmap_free(&L.seen);
    ent_event_reader_free(L.reader);
    free(L.story);
    ent_store_close(L.st);
    return (L.fatal || L.bad || io_err) ? 1 : 0;
}

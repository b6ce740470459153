/* store.c — the event store: stories, sentences, events and actors on SQLite or
 * PostgreSQL (schema and migrations in schema.c), with rollup tables kept in the same
 * transactions as the events.
 *
 * Writing.  A story is built in memory (begin_story, add_sentence, add_event) and becomes
 * part of the current batch at commit_story; a batch is written in one transaction
 * (write_batch) when it holds batch_events events (ent_store_set_batch; default 1, so every
 * story commits at once) or at ent_store_flush / ent_store_close.  A batch holds whole
 * stories only, so a killed writer leaves every story complete or absent.  In the batch
 * transaction: stories already stored are replaced (their rollup counts subtracted, their
 * rows deleted) unless appended to; rows go in with prepared statements (SQLite) or COPY
 * (PostgreSQL: stories and sentences through staging tables merged with ON CONFLICT,
 * events straight into the month-partitioned table); the batch's rollup deltas, with
 * Goldstein scores in fixed-point thousandths, go into the six rollups: on SQLite summed
 * here per rollup key and written by one prepared UPSERT per key, on PostgreSQL COPYed
 * into a staging table and merged by SQL (ROLLUP_MERGE).
 *
 * Reading.  Filters compile to one WHERE clause; prefix filters ('USA*') are ranges, so
 * they use the indexes.  Aggregates, category counts and totals read the rollup that
 * answers the filter with the fewest rows (ent_store_pick_table), without GROUP BY when its
 * key is the result's key, and fall back to the events table (through its indexes) for
 * code, story and text filters and the few shapes no rollup holds.  The top dyads of a
 * range of months are found without summing every dyad (top_dyads_pruned).  Listings
 * page by offset or by keyset (the cursor of the last row of the previous page); on
 * PostgreSQL a page reads the month partitions a window at a time (pg_list_by_months). */
#include "store/db.h"
#include "store/store_int.h"
#include "util/util.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <assert.h>

/* ---- the batch in memory ------------------------------------------------------------- */

typedef struct b_story {
    const char *id, *publisher, *title, *url;
    long date;
    int append;
    long first_event;   /* append: event indexes continue from here */
} b_story;

typedef struct b_sentence {
    size_t story;
    long idx, date;
    const char *sid, *text;
    int upd;            /* 1: add_sentence (replaces a stored row), 0: from an event (keeps one) */
    const char *toks;   /* chunked SQLite load: the text's full-text tokens (ftstok.c), or NULL */
    size_t ntoks;
} b_sentence;

typedef struct b_event {
    size_t story;
    long idx, sidx, date;
    const char *source, *target, *code, *root, *plover, *stext, *ttext, *vtext, *issues;
    int quad;
    double goldstein;
    ent_span ss, sp, tp, vp;
} b_event;

struct ent_store {
    db *db;
    char *uri;
    ent_diag *diag;         /* messages of the latest failure (ent_store_error: the last one) */
    long batch_limit;       /* events per transaction; <= 1: every story */
    int in_story, failed;
    long written, written_stories; /* events and stories committed by this handle */
    long written_sents;     /* PostgreSQL: sentences committed by this handle */
    long gin_pending;       /* PostgreSQL bulk load: sentences committed since the last merge of
                             * the GIN pending list (the handle's own, or its writers': under mmu) */
    long open_written, open_stories; /* chunked SQLite load: events and stories its writer has
                                      * written into the transaction still open (ent_store_progress) */
    ent_store_progress_fn on_progress; /* ent_store_on_progress */
    void *on_progress_user;
    long gin_mark;          /* PostgreSQL: written_sents when ent_store_flush last merged the GIN pending list */
    long written_rollup[6]; /* PostgreSQL: keys added to each rollup (R_SERIES ... R_ACTOR) */
    long day_written;       /* PostgreSQL: the latest event date (YYYYMMDD) committed by this handle */
    long day_before;        /* PostgreSQL: the latest day in the rollups when bulk writing began
                             * (ent_store_set_batch), or -1: not known */
    char cursor[512];       /* keyset cursor of the last listed event */
    /* the batch */
    ent_arena arena;
    b_story *stories; size_t nstories, cap_stories;
    b_sentence *sents; size_t nsents, cap_sents;
    b_event *events; size_t nevents, cap_events;
    ent_strmap batch_ids;   /* story id -> index + 1 */
    ent_strmap story_sents; /* open story: sentence index (as bytes) -> sents index + 1 */
    struct { const char *code, *text; } *new_actors; /* actor codes the batch adds */
    size_t nactors, cap_actors;
    ent_strmap actors;      /* actor codes known to be stored or in the batch */
    ent_strmap months;      /* PostgreSQL: month partitions known to exist -> events committed
                             * into each by this handle (events_undated included) */
    long *lmonths;          /* PostgreSQL listings: the month partitions (0: undated), ascending, */
    size_t nlmonths, cap_lmonths; /* as the catalog gave them at lmonths_at (pg_list_by_months) */
    struct timespec lmonths_at;
    size_t mark_sents, mark_events; /* rollback point of the open story */
    long next_event;
    int defer_fts;          /* leave new sentences out of the full-text index */
    ent_ftstok *ftstok;     /* chunked SQLite load: the handing thread's tokenizer (tokens_ahead) */
    ent_buf tokbuf;
    int fts_checked;        /* PostgreSQL: the index was dropped or created by this handle */
    /* PostgreSQL bulk loads over several connections (ent_store_set_writers): each writer
     * a handle of its own, written by its thread; wmu guards the writers' busy/done flags */
    struct writer *writers;
    int nwriters, wquit;
    int retry;              /* the last write_batch failed in a way worth trying again */
    /* SQLite bulk loads (ent_store_set_writers): one writer thread, to which the main
     * thread hands chunks of LITE_CHUNK events while it reads on (up to LITE_AHEAD of them
     * wait in the writer's queue); a transaction spans the chunks until it holds
     * batch_limit events (chunked: this handle hands chunks; txn_events: events handed
     * into the open transaction so far) */
    int chunked;
    long txn_events;
    /* the writer's handle of a chunked load (in_chunks): a transaction left open between
     * chunks (txn_open), whether the chunk being written ends it (last_chunk), its rollup
     * sums so far (txn_deltas, owned) and what it holds (counted as written at its commit) */
    int in_chunks;
    int txn_open, last_chunk;
    struct deltas *txn_deltas;
    /* the open transaction's sums since its last merge, made by the handing thread and
     * handed with the chunk after which they are merged (owned; sorted by key: the writer
     * only writes them, with its own sums of replaced stories) */
    struct deltas *chunk_deltas;
    int txn_broken;          /* a chunk of the open transaction failed: the rest of it is
                              * refused, so the sums handed at its end never count rows that
                              * were rolled back */
    /* the handing thread of a chunked load: the sums of each chunk it has handed into the
     * open transaction since its last merge, one sorted run per chunk (owned), merged into
     * one and handed to the writer with the chunk that ends the transaction or that passes
     * a multiple of merge_every events handed (handed: this handle's count, over all
     * transactions), which the writer then merges into the open transaction (see
     * flush_async) */
    struct deltas **txn_runs;
    size_t nruns, cap_runs;
    long handed, merge_every;
    long txn_written, txn_stories;
    /* SQLite writer: the thread that checkpoints the WAL on its own connection (ckpt_db,
     * set while the thread runs) as the writer goes on; woken after each commit (under wmu) */
    pthread_t ckpt_thread;
    db *ckpt_db;
    int ckpt_wanted;
    pthread_cond_t ckpt_cv;
    pthread_mutex_t wmu;
    pthread_cond_t wcv;
    /* PostgreSQL writers: the batches between the start of their rollup merge and their
     * commit (merging[i]: writer i's sums, or NULL; merge_seq[i]: the order in which they
     * began), under mmu; mcv is signalled when one ends (pg_merge_ordered) */
    const struct deltas *merging[8];
    unsigned long merge_seq[8], merge_next;
    pthread_mutex_t mmu;
    pthread_cond_t mcv;
    /* a writer's handle: the handle it writes for, and its place in parent->merging */
    struct ent_store *parent;
    int windex;
};

/* Events a chunked SQLite load hands its writer thread at a time (whole stories): small
 * enough that reading and writing overlap within one transaction of batch_limit events;
 * a transaction of fewer than 4 * LITE_CHUNK events goes in about four chunks. */
#define LITE_CHUNK 8192
/* Chunks a chunked load hands ahead of its writer: they wait in the writer's queue while
 * it writes.  The writer's work comes in bursts: at every merge_every events it merges
 * the rollup sums and indexes the sentences, as long as writing a dozen chunks' rows,
 * while writing one chunk's rows takes it less time than reading the chunk.  With one
 * chunk handed at a time, the reading thread stopped during each burst and the writer
 * then waited for it between bursts: idle for a tenth of a 1M-event load. */
#define LITE_AHEAD 8
/* Events after which a chunked load's open transaction merges the rollup sums of its rows
 * so far and indexes its sentences (ent_store_set_merge; flush_async) */
#define LITE_MERGE 100000
static long lite_chunk(long batch_limit) {
    long c = batch_limit / 4;
    return c > LITE_CHUNK ? LITE_CHUNK : c < 1 ? 1 : c;
}

/* One writer of a handle with several connections.  The main thread hands it a whole
 * batch (moved into sub) and goes on reading; the thread writes it with sub's connection. */
typedef struct writer {
    ent_store *sub;         /* own handle and connection; owns the batch in flight */
    pthread_t thread;
    ent_strmap ids;         /* story ids of the batch in flight (main thread only) */
    int busy;               /* a batch was handed and is not written yet, or one is queued
                             * (under wmu) */
    ent_store *owner;       /* the handle whose batches it writes */
    /* SQLite's one writer: batches handed while it writes wait here, in order, each in a
     * handle that is never opened and holds only the batch (qcap of them, owned; qhead,
     * qlen under wmu) */
    ent_store **queue;
    int qcap, qhead, qlen;
    /* what each batch written since the last collection counted, in order, moved out of
     * sub by the writer's thread after it (under wmu; none: nothing to collect): the main
     * thread never reads sub while the writer may write the next batch, and still reports
     * progress batch by batch */
    struct batch_done *dones;
    size_t ndones, cap_dones;
} writer;

/* One batch a writer wrote: its counts (events, stories, sentences written; the open
 * transaction's events and stories; the latest day written; keys added to each rollup)
 * and its failure (status and message, owned), if it failed. */
typedef struct batch_done {
    long written, stories, sents, open_written, open_stories, day;
    long rollup[6];
    ent_status result;
    char *error;
} batch_done;

static ent_status fail(ent_store *st, ent_status s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static ent_status fail(ent_store *st, ent_status s, const char *fmt, ...) {
    ent_buf msg; /* kept whole */
    ent_buf_init(&msg);
    va_list ap;
    va_start(ap, fmt);
    ent_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    ent_diag_add(st->diag, ENT_ERROR, NULL, 0, "%s", msg.data ? msg.data : "");
    ent_buf_free(&msg);
    return s;
}

static int is_pg(const ent_store *st) { return ent_db_get_kind(st->db) == DB_PG; }

/* Empty the batch after it was written (or lost).  A story still open (flushed from
 * outside while it is being built) moves to the front of the new batch, its strings
 * copied into a fresh arena. */
/* Free a handle's batch: its strings, rows and story ids. */
static void batch_free(ent_store *st) {
    ent_arena_free(&st->arena);
    free(st->stories);
    free(st->sents);
    free(st->events);
    free(st->new_actors);
    ent_strmap_free(&st->batch_ids);
}

static void batch_reset(ent_store *st) {
    st->nactors = 0;
    ent_strmap_free(&st->batch_ids);
    ent_strmap_init(&st->batch_ids);
    if (!st->in_story) {
        ent_arena_reset(&st->arena);
        st->nstories = st->nsents = st->nevents = 0;
        ent_strmap_free(&st->story_sents);
        ent_strmap_init(&st->story_sents);
        return;
    }
    ent_arena old = st->arena;
    ent_arena_init(&st->arena, 1 << 16);
#define CARRY(x) ((x) = (x) ? ent_arena_strdup(&st->arena, (x)) : NULL)
    b_story *b = &st->stories[0];
    *b = st->stories[st->nstories];
    CARRY(b->id); CARRY(b->publisher); CARRY(b->title); CARRY(b->url);
    size_t ns = st->nsents - st->mark_sents, ne = st->nevents - st->mark_events;
    memmove(st->sents, st->sents + st->mark_sents, ns * sizeof *st->sents);
    memmove(st->events, st->events + st->mark_events, ne * sizeof *st->events);
    ent_strmap_free(&st->story_sents);
    ent_strmap_init(&st->story_sents);
    for (size_t i = 0; i < ns; i++) {
        b_sentence *r = &st->sents[i];
        r->story = 0;
        CARRY(r->sid); CARRY(r->text);
        ent_strmap_slot(&st->story_sents, (const char *)&r->idx, sizeof r->idx, NULL)[0] = (void *)(uintptr_t)(i + 1);
    }
    for (size_t i = 0; i < ne; i++) {
        b_event *e = &st->events[i];
        e->story = 0;
        CARRY(e->source); CARRY(e->target); CARRY(e->code); CARRY(e->root); CARRY(e->plover);
        CARRY(e->stext); CARRY(e->ttext); CARRY(e->vtext); CARRY(e->issues);
    }
#undef CARRY
    ent_arena_free(&old);
    st->nstories = 0;
    st->nsents = ns;
    st->nevents = ne;
    st->mark_sents = st->mark_events = 0;
}

/* A store handle around an open connection d (the handle owns d from here on);
 * arena_block sizes its per-story arena: large for writers, small for readers. */
static ent_store *store_new(db *d, const char *uri, size_t arena_block) {
    ent_store *st = ent_xcalloc(1, sizeof *st);
    st->db = d;
    st->uri = ent_xstrdup(uri);
    st->diag = ent_diag_new();
    st->batch_limit = 1;
    st->merge_every = LITE_MERGE;
    st->day_before = -1;
    ent_arena_init(&st->arena, arena_block);
    ent_strmap_init(&st->batch_ids);
    ent_strmap_init(&st->story_sents);
    ent_strmap_init(&st->actors);
    ent_strmap_init(&st->months);
    ent_buf_init(&st->tokbuf);
    return st;
}

/* SQLite's planner statistics after a load.  ANALYZE with analysis_limit samples each
 * index and estimates its row count separately, so one table's indexes get different
 * counts (at 1M events rollup_dyad's key 138,226 rows, its index on target 92,378, truly
 * 119,283 both).  The planner then believes the smaller-looking index is cheaper to scan
 * whole and reads every row of a WITHOUT ROWID rollup through it, a key lookup per row:
 * the top dyads of /api/network took 4x longer than with exact counts.  Every full index
 * has exactly its table's rows, so each gets the largest estimate of its table (partial
 * indexes, of which the schema has none, are left alone); ANALYZE sqlite_schema reloads
 * them.  One transaction, so a reader never loads the sampled counts alone. */
#define LITE_STATS \
    "BEGIN IMMEDIATE; PRAGMA analysis_limit=2000; ANALYZE;" \
    "UPDATE sqlite_stat1 SET stat = (SELECT max(CAST(s.stat AS INTEGER)) FROM sqlite_stat1 s WHERE s.tbl = sqlite_stat1.tbl)" \
    " || substr(stat, instr(stat, ' ')) WHERE instr(stat, ' ') > 0 AND NOT EXISTS (SELECT 1 FROM sqlite_master m" \
    " WHERE m.type = 'index' AND m.name = sqlite_stat1.idx AND m.sql LIKE '% WHERE %');" \
    "ANALYZE sqlite_schema; COMMIT"

ent_status ent_store_open(const char *uri, ent_diag *diag, ent_store **out) {
    *out = NULL;
    if (!uri || !*uri) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: no database given (expected a file path or postgresql:// URI)");
        return ENT_ERR_INVALID;
    }
    db *d;
    ent_status s = ent_db_open(uri, 0, diag, &d);
    if (s) return s;
    if ((s = ent_store_migrate(d, diag)) != ENT_OK) {
        ent_db_close(d);
        return s;
    }
    *out = store_new(d, uri, 1 << 16);
    return ENT_OK;
}

/* The query shapes whose planning warms a reader's connection (ent_store_open_reader):
 * listings with every filter column, their joins and order; an aggregate over the code
 * index; each rollup by its keys. */
#define PG_WARM_PLANS \
    "EXPLAIN SELECT 1 FROM events e LEFT JOIN sentences s ON s.story_id = e.story_id AND s.sentence_index = e.sentence_index" \
    " LEFT JOIN stories t ON t.story_id = e.story_id WHERE e.source = '' AND e.target = '' AND e.date > 0 AND e.code = ''" \
    " AND e.root = '' AND e.quad = 0 AND e.month > 0 ORDER BY e.date NULLS FIRST, e.story_id, e.event_index LIMIT 1;" \
    "EXPLAIN SELECT count(*), sum(goldstein) FROM events e WHERE e.code >= '' AND e.code < '' AND e.date BETWEEN 0 AND 0;" \
    "EXPLAIN SELECT 1 FROM rollup_series e WHERE e.day = 0 AND e.root = '' AND e.plover = '';" \
    "EXPLAIN SELECT 1 FROM rollup_actor_day e WHERE e.actor = '' AND e.day = 0;" \
    "EXPLAIN SELECT 1 FROM rollup_actor_month e WHERE e.month = 0 AND e.actor = '';" \
    "EXPLAIN SELECT 1 FROM rollup_dyad e WHERE e.source = '' AND e.target = '' ORDER BY e.events DESC LIMIT 1;" \
    "EXPLAIN SELECT 1 FROM rollup_dyad_month e WHERE e.month = 0 AND e.source = '' AND e.target = '';" \
    "EXPLAIN SELECT 1 FROM rollup_actor e WHERE e.actor = '' AND e.root = '' AND e.plover = '';" \
    "EXPLAIN SELECT 1 FROM actor_names WHERE code = ''"

ent_status ent_store_open_reader(const char *uri, ent_diag *diag, ent_store **out) {
    *out = NULL;
    db *d;
    ent_status s = ent_db_open(uri, 1, diag, &d);
    if (s) return s;
    long v = 0;
    if (ent_db_run(d, "SELECT max(version) FROM schema_version", 0, NULL, 0, ent_db_row_long, &v) != ENT_OK ||
        v != ent_store_schema_latest()) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: %s has schema version %ld, expected %d (open it for writing once to migrate)",
                     uri, v, ent_store_schema_latest());
        ent_db_close(d);
        return ENT_ERR_UNSUPPORTED;
    }
    /* PostgreSQL: the handle's first query against the month-partitioned events loads the
     * catalog entries of every partition and index (relation, index and statistics caches
     * of the backend): a listing planned in 20-45 ms with 11.6k buffer reads on a new
     * connection, 2-5 ms on a used one (1M events, 61 partitions).  serve's pool hands
     * requests its handles in turn, so under 20 clients most requests met a handle that had
     * never seen the events, and those backends loaded the same catalog pages at once
     * (the 20-client criterion's outliers were all event listings, "blocked").  Planning
     * (never running) the shapes serve asks loads them here, when the handle is opened.
     * A failure only leaves the handle cold. */
    if (ent_db_get_kind(d) == DB_PG)
        ent_db_exec_script(d, PG_WARM_PLANS);
    *out = store_new(d, uri, 4096);
    return ENT_OK;
}

static void pg_analyze(ent_store *st, db *side, int gin); /* below, by the PostgreSQL rollup merge */
static void deltas_free(struct deltas *D); /* below, with the rollup sums */
static void runs_free(struct deltas **runs, size_t n);
/* Merge the full-text GIN index's pending list into the index. */
#define PG_GIN_CLEAN \
    "SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = 'sentences_tsv'" \
    " AND c.relnamespace = current_schema()::regnamespace"
/* Sentences written since the last merge of the pending list before ent_store_flush merges
 * it early (see there). */
#define GIN_EARLY_SENTS 20000
/* Sentences committed between two merges of the pending list during a bulk load (see
 * gin_merge_due). */
#define GIN_MERGE_SENTS 100000
/* A thread running PG_GIN_CLEAN on connection arg (a db no other thread uses meanwhile). */
static void *gin_clean_main(void *arg) {
    ent_db_exec_script(arg, PG_GIN_CLEAN);
    return NULL;
}
/* below, by ent_store_flush: several writers */
static void writers_join(ent_store *st, int nthreads);
static void writers_stop(ent_store *st, int nthreads, int nhandles);
static ent_status writers_drain(ent_store *st);
static ent_status writers_wait_story(ent_store *st, const char *id);
static ent_status flush_batch(ent_store *st);
static writer *writers_first_idle(ent_store *st, ent_status *err);
static ent_status writer_collect(ent_store *st, writer *w, int wait);

void ent_store_close(ent_store *st) {
    if (!st) return;
    if (st->in_story) ent_store_rollback_story(st);
    if (st->nstories || st->nwriters) {
        if (ent_store_flush(st) != ENT_OK)
            fprintf(stderr, "entente: store: %s\n", ent_store_error(st));
    }
    /* PostgreSQL: the full-text index's pending list merged (see ent_store_set_batch), and
     * the statistics of the tables the load doubled; with writers, the merge and part of
     * the statistics on a writer's (idle) connection while this one analyses the events */
    int gin = st->written > 0 && is_pg(st) && st->batch_limit > 1 && !st->defer_fts;
    int analyse = st->written > 0 && is_pg(st);
    if (analyse && st->nwriters) {
        pg_analyze(st, st->writers[0].sub->db, gin);
        gin = analyse = 0;
    }
    /* SQLite: fresh statistics for the planner after a load, sampled and made consistent
     * (LITE_STATS); with a writer thread, while the checkpointer still copies the last
     * transaction into the database (ANALYZE needs the write lock, which a checkpoint does
     * not hold), not after it */
    int lite_stats = st->written > 0 && !is_pg(st), running = st->nwriters;
    if (lite_stats && st->nwriters) {
        writers_join(st, st->nwriters);
        running = 0;
        ent_db_exec_script(st->db, LITE_STATS);
        lite_stats = 0;
    }
    if (st->nwriters) writers_stop(st, running, st->nwriters);
    if (gin) ent_db_exec_script(st->db, PG_GIN_CLEAN);
    if (analyse) pg_analyze(st, NULL, 0);
    else if (lite_stats) ent_db_exec_script(st->db, LITE_STATS);
    ent_ftstok_free(st->ftstok); /* before its connection */
    ent_buf_free(&st->tokbuf);
    ent_db_close(st->db);
    for (int k = 0; k < 2; k++) { /* a writer's sums, should it stop before using them */
        struct deltas *D = k ? st->txn_deltas : st->chunk_deltas;
        if (D) deltas_free(D);
        free(D);
    }
    runs_free(st->txn_runs, st->nruns);
    free(st->txn_runs);
    batch_free(st);
    ent_strmap_free(&st->story_sents);
    ent_strmap_free(&st->actors);
    ent_strmap_free(&st->months);
    free(st->lmonths);
    ent_diag_free(st->diag);
    free(st->uri);
    free(st);
}

const char *ent_store_error(const ent_store *st) {
    size_t n = st ? ent_diag_count(st->diag) : 0;
    return n ? ent_diag_message(st->diag, n - 1) : "";
}
const char *ent_store_backend(const ent_store *st) { return is_pg(st) ? "postgresql" : "sqlite"; }
const char *ent_store_uri(const ent_store *st) { return st->uri; }
const char *ent_store_next_cursor(const ent_store *st) { return st->cursor; }
int ent_store_interrupted(const ent_store *st) { return ent_db_interrupted(st->db); }
int ent_store_server_clock(const ent_store *st, double *cpu_ms, double *runq_ms) {
    return ent_db_server_clock(st ? st->db : NULL, cpu_ms, runq_ms);
}

void ent_store_written(const ent_store *st, long *stories, long *events) {
    if (stories) *stories = st->written_stories;
    if (events) *events = st->written;
}

void ent_store_progress(const ent_store *st, long *stories, long *events) {
    if (stories) *stories = st->written_stories + st->open_stories;
    if (events) *events = st->written + st->open_written;
}

void ent_store_on_progress(ent_store *st, ent_store_progress_fn fn, void *user) {
    st->on_progress = fn;
    st->on_progress_user = user;
}

static void progressed(ent_store *st) {
    if (st->on_progress) st->on_progress(st->on_progress_user);
}

void ent_store_set_merge(ent_store *st, long events) { st->merge_every = events > 0 ? events : LONG_MAX; }

void ent_store_set_batch(ent_store *st, long events) {
    st->batch_limit = events > 1 ? events : 1;
    /* a bulk writer inserts into every index at random places: give SQLite a page cache
     * that holds them (256 MB at most; pages are allocated only as used), so the rate
     * stays flat as the database grows */
    if (st->batch_limit > 1 && !is_pg(st)) ent_db_exec_script(st->db, "PRAGMA cache_size=-262144");
    /* SQLite: no foreign-key probe of stories per sentence and event row; as on PostgreSQL
     * (schema.c), the writer itself puts a story's row in the transaction of its rows */
    if (st->batch_limit > 1 && !is_pg(st)) ent_db_exec_script(st->db, "PRAGMA foreign_keys=OFF");
    /* PostgreSQL: a batch's merges group tens of thousands of staged rows; with the default
     * 4 MB of work memory their hash aggregates spill to disk.  New sentences wait in the
     * full-text GIN index's pending list until it holds 64 MB (not 4), so it is merged into
     * the index in fewer, larger passes (50k sentences: 2.2 s instead of 3.5 s); a bulk
     * load merges it itself every GIN_MERGE_SENTS sentences (gin_merge_due), before that
     * limit, and the list is flushed at close, so searches after the load do not scan it.  Commits do not wait
     * for their WAL to reach the disk: a killed client loses nothing committed (the server
     * writes its WAL within a few wal_writer_delay; a batch is one transaction, whole or absent); only a
     * crash of the server itself may lose the last batches committed, still whole stories,
     * which a re-run of the load writes again. */
    if (st->batch_limit > 1 && is_pg(st))
        ent_db_exec_script(st->db, "SET work_mem = '64MB'; SET gin_pending_list_limit = '64MB'; SET synchronous_commit = off");
    /* PostgreSQL: the latest day stored before this load, for pg_analyze */
    if (st->batch_limit > 1 && is_pg(st) && st->day_before < 0 && !st->written &&
        ent_db_run(st->db, "SELECT coalesce(max(day), 0) FROM rollup_series", 0, NULL, 0, ent_db_row_long, &st->day_before) != ENT_OK)
        st->day_before = -1;
}

/* ---- writing: stories into the batch ----------------------------------------------- */

static const char *dup(ent_store *st, const char *s) { return s ? ent_arena_strdup(&st->arena, s) : NULL; }

ent_status ent_store_begin_story(ent_store *st, const ent_story_meta *m) {
    ent_diag_clear(st->diag);
    if (!m || !m->story_id || !*m->story_id) return fail(st, ENT_ERR_INVALID, "begin_story: story_id is required");
    if (st->in_story) ent_store_rollback_story(st);
    st->failed = 0;
    /* a story met again within the batch: write the batch first, so the later copy
     * replaces (or appends to) the stored one exactly as across batches */
    if (ent_strmap_get(&st->batch_ids, m->story_id, strlen(m->story_id))) {
        ent_status s = flush_batch(st);
        if (s) return s;
    }
    long first = 0;
    if (m->append) {
        /* its stored events first: a batch in flight with this story written (chunked: the
         * open transaction committed, as it may hold the story) */
        ent_status s = st->chunked ? ent_store_flush(st) : writers_wait_story(st, m->story_id);
        if (s) return s;
        long mx = -1;
        db_param id = db_text(m->story_id);
        if (ent_db_run(st->db, "SELECT max(event_index) FROM events WHERE story_id = ?", 1, &id, 1, ent_db_row_long, &mx) != ENT_OK)
            return fail(st, ENT_ERR_IO, "story %s: find last event: %s", m->story_id, ent_db_error(st->db));
        first = mx + 1;
    }
    ENT_GROW(st->stories, st->nstories + 1, st->cap_stories);
    b_story *b = &st->stories[st->nstories];
    b->id = dup(st, m->story_id);
    b->publisher = dup(st, m->publisher);
    b->title = dup(st, m->title);
    b->url = dup(st, m->url);
    b->date = m->date > 0 ? m->date : 0;
    b->append = m->append;
    b->first_event = first;
    st->next_event = first;
    st->mark_sents = st->nsents;
    st->mark_events = st->nevents;
    ent_strmap_free(&st->story_sents);
    ent_strmap_init(&st->story_sents);
    st->in_story = 1;
    return ENT_OK;
}

static ent_status need_story(ent_store *st, const char *what) {
    if (st->in_story) return ENT_OK;
    if (st->failed) return fail(st, ENT_ERR_INVALID, "%s: the story was rolled back after an error", what);
    return fail(st, ENT_ERR_INVALID, "%s: no story begun", what);
}

/* The open story's sentence row idx: found, or added (upd 0 keeps a stored row). */
static b_sentence *story_sentence(ent_store *st, long idx, int *created) {
    int made = 0;
    void **slot = ent_strmap_slot(&st->story_sents, (const char *)&idx, sizeof idx, &made);
    if (!made) { *created = 0; return &st->sents[(size_t)(uintptr_t)*slot - 1]; }
    ENT_GROW(st->sents, st->nsents + 1, st->cap_sents);
    b_sentence *r = &st->sents[st->nsents++];
    memset(r, 0, sizeof *r);
    r->story = st->nstories;
    r->idx = idx;
    *slot = (void *)(uintptr_t)st->nsents;
    *created = 1;
    return r;
}

ent_status ent_store_add_sentence(ent_store *st, long idx, const char *sentence_id, long date, const char *text) {
    ent_status s = need_story(st, "add_sentence");
    if (s) return s;
    int created;
    b_sentence *r = story_sentence(st, idx, &created);
    r->sid = dup(st, sentence_id);
    r->date = date > 0 ? date : 0;
    r->text = dup(st, text);
    r->upd = 1;
    return ENT_OK;
}

static void note_actor(ent_store *st, const char *code, const char *text) {
    if (!code || !*code || !strcmp(code, "---")) return;
    int created = 0;
    ent_strmap_slot(&st->actors, code, strlen(code), &created);
    if (!created) return;
    ENT_GROW(st->new_actors, st->nactors + 1, st->cap_actors);
    st->new_actors[st->nactors].code = dup(st, code); /* in the batch: it may move to a writer */
    st->new_actors[st->nactors].text = dup(st, text);
    st->nactors++;
}

ent_status ent_store_add_event(ent_store *st, const ent_event_context *c, const ent_event *e) {
    ent_status s = need_story(st, "add_event");
    if (s) return s;
    const b_story *b = &st->stories[st->nstories];
    if (!e || !e->code || !*e->code) return fail(st, ENT_ERR_INVALID, "add_event: event has no code");
    if (c && c->story_id && strcmp(c->story_id, b->id) != 0)
        return fail(st, ENT_ERR_INVALID, "add_event: event of story %s inside story %s", c->story_id, b->id);
    long sidx = c ? c->sentence_index : 0;
    long date = (c && c->date > 0) ? c->date : b->date;
    int created;
    b_sentence *r = story_sentence(st, sidx, &created);
    if (created) {
        r->sid = dup(st, c ? c->sentence_id : NULL);
        r->date = date;
        r->text = dup(st, c ? c->sentence_text : NULL);
    }
    ENT_GROW(st->events, st->nevents + 1, st->cap_events);
    b_event *v = &st->events[st->nevents++];
    memset(v, 0, sizeof *v);
    v->story = st->nstories;
    v->idx = st->next_event++;
    v->sidx = sidx;
    v->date = date;
    v->source = dup(st, e->source && *e->source ? e->source : "---");
    v->target = dup(st, e->target && *e->target ? e->target : "---");
    v->code = dup(st, e->code);
    v->root = dup(st, e->root);
    v->plover = dup(st, e->plover);
    v->stext = dup(st, e->source_text);
    v->ttext = dup(st, e->target_text);
    v->vtext = dup(st, e->verb_text);
    v->issues = dup(st, e->issues);
    v->quad = e->quad;
    v->goldstein = isfinite(e->goldstein) ? e->goldstein : 0;
    ent_span none = {0, 0};
    v->ss = c ? c->sentence_span : none;
    v->sp = e->source_span;
    v->tp = e->target_span;
    v->vp = e->verb_span;
    note_actor(st, e->source, e->source_text);
    note_actor(st, e->target, e->target_text);
    return ENT_OK;
}

ent_status ent_store_commit_story(ent_store *st) {
    ent_status s = need_story(st, "commit_story");
    if (s) return s;
    const b_story *b = &st->stories[st->nstories];
    ent_strmap_slot(&st->batch_ids, b->id, strlen(b->id), NULL)[0] = (void *)(uintptr_t)(st->nstories + 1);
    st->nstories++;
    st->in_story = 0;
    /* a batch written meanwhile is counted now, not when the next batch is handed (up to
     * a batch later on PostgreSQL; on SQLite, up to LITE_AHEAD chunks are queued), so
     * progress reports follow the writes */
    ent_status err = ENT_OK;
    for (int i = 0; st->nwriters && i < st->nwriters; i++) {
        ent_status ws = writer_collect(st, &st->writers[i], 0);
        if (ws && !err) err = ws;
    }
    long limit = st->chunked ? lite_chunk(st->batch_limit) : st->batch_limit;
    ent_status fs = ((long)st->nevents >= limit || st->batch_limit <= 1) ? flush_batch(st) : ENT_OK;
    return err ? err : fs;
}

void ent_store_rollback_story(ent_store *st) {
    if (!st || !st->in_story) return;
    /* actor codes first noted by this story stay in the batch's list (a code without
     * events in the actors table is harmless; the map has no removal) */
    st->nsents = st->mark_sents;
    st->nevents = st->mark_events;
    st->in_story = 0;
}

/* ---- writing: one batch, one transaction ----------------------------------------------- */

static long long milli(double g) { return llround(g * 1000.0); }

/* SQLite: each rollup's key columns (in primary-key order) and its two statements: the
 * UPSERT that adds a key's sums, and the DELETE that drops the key when a replaced story
 * took its last event away (only such keys are looked at). */
#define RK_MAX 3
typedef struct rollup_spec {
    int nk;
    int ints;      /* bit j: key column j is an integer (else text) */
    const char *bulk;  /* the UPSERT of a batch's keys, read from ent_rows (c0 .. c<nk+9>) */
    const char *prune; /* the DELETE of one key if it holds no event */
    /* PostgreSQL: the table, the merge of its staging table stage_<table> (the rows of a
     * batch, one per key), and the delete of the keys that batch emptied */
    const char *table, *pg_merge, *pg_prune;
} rollup_spec;
/* table T keyed by COLS (NK columns, ints as above; WHERE: the key columns as "col = ?"
 * joined by AND) */
#define RCOLS(COLS) " (" COLS ", events, goldstein_milli, n1, n2, n3, n4, g1, g2, g3, g4)"
#define RSEL2 " SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 FROM ent_rows WHERE true"
#define RSEL3 " SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12 FROM ent_rows WHERE true"
#define RSPEC(T, NK, INTS, COLS, WHERE) \
    {NK, INTS, \
     "INSERT INTO " T RCOLS(COLS) RSEL##NK " ON CONFLICT (" COLS ")" ROLLUP_UPSERT(T), \
     "DELETE FROM " T " WHERE " WHERE " AND events = 0", \
     T, "INSERT INTO " T " SELECT * FROM stage_" T " ON CONFLICT (" COLS ")" ROLLUP_UPSERT(T), \
     "DELETE FROM " T " WHERE (" COLS ") IN (SELECT " COLS " FROM stage_" T " WHERE events < 0) AND events = 0"}
enum { R_SERIES, R_ACTOR_DAY, R_ACTOR_MONTH, R_DYAD, R_DYAD_MONTH, R_ACTOR, R_COUNT };
static const rollup_spec ROLLUPS[R_COUNT] = {
    RSPEC("rollup_series", 3, 1, "day, root, plover", "day = ? AND root = ? AND plover = ?"),
    RSPEC("rollup_actor_day", 2, 2, "actor, day", "actor = ? AND day = ?"),
    RSPEC("rollup_actor_month", 2, 1, "month, actor", "month = ? AND actor = ?"),
    RSPEC("rollup_dyad", 2, 0, "source, target", "source = ? AND target = ?"),
    RSPEC("rollup_dyad_month", 3, 1, "month, source, target", "month = ? AND source = ? AND target = ?"),
    RSPEC("rollup_actor", 3, 0, "actor, root, plover", "actor = ? AND root = ? AND plover = ?"),
};

/* One key of one rollup and the batch's sums for it: events, goldstein_milli, n1..n4,
 * g1..g4 (the column order of ROLLUP_VALUES). */
typedef struct racc {
    long ki[RK_MAX];       /* integer columns; for a text column, its text_prefix */
    const char *ks[RK_MAX];
    long long v[10];
    int shared;            /* PostgreSQL writers: an earlier batch still open has the key too */
} racc;

typedef struct rsum {
    ent_strmap index; /* encoded key -> row index + 1 (stale once sorted) */
    racc *rows;
    size_t n, cap;
    int sorted;       /* rows in key order (rsum_sort); no key may be added after */
    const rollup_spec *spec;
    int staged;       /* PostgreSQL: rows were COPYed into its staging table (pg_merge_rollups) */
} rsum;

/* A batch's rollup deltas: each rollup's keys summed here (R), then written by one UPSERT
 * per key (SQLite) or one COPY and one INSERT ... ON CONFLICT per rollup (PostgreSQL).
 * Strings are copied into strs. */
typedef struct deltas {
    rsum R[R_COUNT];
    ent_buf key;
    ent_arena strs;
    int negative;        /* some delta subtracts (a stored story was replaced) */
} deltas;

static void deltas_init(deltas *D) {
    memset(D, 0, sizeof *D);
    for (int r = 0; r < R_COUNT; r++) {
        ent_strmap_init(&D->R[r].index);
        D->R[r].spec = &ROLLUPS[r];
    }
    ent_buf_init(&D->key);
    ent_arena_init(&D->strs, 1 << 16);
}

static void deltas_free(deltas *D) {
    for (int r = 0; r < R_COUNT; r++) {
        ent_strmap_free(&D->R[r].index);
        free(D->R[r].rows);
    }
    ent_buf_free(&D->key);
    ent_arena_free(&D->strs);
}

/* Key (ki, ks) of a rollup as the bytes rsum.index maps. */
static void rsum_key(const rollup_spec *sp, const long *ki, const char *const *ks, ent_buf *key) {
    ent_buf_clear(key);
    for (int j = 0; j < sp->nk; j++) {
        if (sp->ints >> j & 1) ent_buf_append(key, (const char *)&ki[j], sizeof ki[j]);
        else ent_buf_append(key, ks[j], strlen(ks[j]) + 1);
    }
}

/* The first 7 bytes of s (NUL-padded) in the high 7 bytes of a number, and in its low
 * byte whether more follow: as unsigned numbers, these order as strcmp orders the strings
 * as far as they tell (equal numbers with the low byte 1: compare from byte 7 on). */
static long text_prefix(const char *s) {
    unsigned long v = 0;
    int i = 0;
    for (; i < 7 && s[i]; i++) v |= (unsigned long)(unsigned char)s[i] << 8 * (7 - i);
    return (long)(v | (i == 7 && s[7] ? 1 : 0));
}

/* The sums of key (ki, ks) of rollup r (integer columns read ki[j], text columns ks[j]),
 * made zero when new. */
static racc *rsum_slot(deltas *D, int r, const long *ki, const char *const *ks) {
    rsum *R = &D->R[r];
    assert(!R->sorted); /* the index no longer matches the rows */
    ent_buf *key = &D->key;
    rsum_key(R->spec, ki, ks, key);
    int created = 0;
    void **slot = ent_strmap_slot(&R->index, key->data, key->len, &created);
    if (created) {
        ENT_GROW(R->rows, R->n + 1, R->cap);
        racc *a = &R->rows[R->n++];
        memset(a, 0, sizeof *a);
        for (int j = 0; j < R->spec->nk; j++) {
            if (R->spec->ints >> j & 1) a->ki[j] = ki[j];
            else a->ks[j] = ent_arena_strdup(&D->strs, ks[j]), a->ki[j] = text_prefix(ks[j]);
        }
        *slot = (void *)(uintptr_t)R->n;
    }
    return &R->rows[(size_t)(uintptr_t)*slot - 1];
}

/* Add n events with Goldstein sum g (thousandths) of quad class quad to key (ki, ks) of
 * rollup r. */
static void rsum_add(deltas *D, int r, const long *ki, const char *const *ks, int quad, long long n, long long g) {
    racc *a = rsum_slot(D, r, ki, ks);
    a->v[0] += n;
    a->v[1] += g;
    if (quad >= 1 && quad <= 4) {
        a->v[1 + quad] += n;
        a->v[5 + quad] += g;
    }
}

/* One event shape's contribution to the six rollups.  An event counts for an
 * actor once as source and once as target when the target is another actor (schema.c). */
static void rollup_delta_add(deltas *D, long day, const char *src, const char *tgt, const char *root, const char *plover,
                           int quad, long long n, long long g) {
    long month = day / 100;
    long ki[RK_MAX] = {day, 0, 0};
    const char *ks[RK_MAX] = {NULL, root, plover};
    rsum_add(D, R_SERIES, ki, ks, quad, n, g);
    ks[0] = src; ks[1] = tgt;
    rsum_add(D, R_DYAD, ki, ks, quad, n, g);
    ki[0] = month; ks[1] = src; ks[2] = tgt;
    rsum_add(D, R_DYAD_MONTH, ki, ks, quad, n, g);
    const char *side[2] = {src, tgt};
    for (int k = 0; k < 2; k++) {
        const char *a = side[k];
        if (!strcmp(a, "---") || (k == 1 && !strcmp(a, src))) continue;
        ks[0] = a; ki[1] = day;
        rsum_add(D, R_ACTOR_DAY, ki, ks, quad, n, g);
        ki[0] = month; ks[1] = a;
        rsum_add(D, R_ACTOR_MONTH, ki, ks, quad, n, g);
        ks[0] = a; ks[1] = root; ks[2] = plover;
        rsum_add(D, R_ACTOR, ki, ks, quad, n, g);
    }
}

static void delta_add(deltas *D, long day, const char *src, const char *tgt, const char *root, const char *plover, int quad,
                      long long n, long long g) {
    if (n < 0) D->negative = 1;
    rollup_delta_add(D, day, src, tgt, root ? root : "", plover ? plover : "", quad, n, g);
}

/* Add every key's sums of src to dst. */
static void deltas_merge(deltas *dst, const deltas *src) {
    for (int r = 0; r < R_COUNT; r++) {
        const rsum *R = &src->R[r];
        for (size_t i = 0; i < R->n; i++) {
            racc *a = rsum_slot(dst, r, R->rows[i].ki, R->rows[i].ks);
            for (int j = 0; j < 10; j++) a->v[j] += R->rows[i].v[j];
        }
    }
    dst->negative |= src->negative;
}

/* The rollup sums of the batch's events (st->nevents: an open story left out). */
static void deltas_of_events(const ent_store *st, deltas *D) {
    for (size_t i = 0; i < st->nevents; i++) {
        const b_event *e = &st->events[i];
        delta_add(D, e->date, e->source, e->target, e->root, e->plover, e->quad, 1, milli(e->goldstein));
    }
}

static void runs_free(deltas **runs, size_t n) {
    for (size_t i = 0; i < n; i++) {
        deltas_free(runs[i]);
        free(runs[i]);
    }
}

static int subtract_row(const char *const *v, int n, void *user) {
    if (n < 8) return 1;
    delta_add(user, v[0] ? atol(v[0]) : 0, v[1] ? v[1] : "---", v[2] ? v[2] : "---", v[3] ? v[3] : "", v[4] ? v[4] : "",
              v[5] ? atoi(v[5]) : 0, -atoll(v[6] ? v[6] : "0"), -atoll(v[7] ? v[7] : "0"));
    return 0;
}

static int collect_id(const char *const *v, int n, void *user) {
    if (n > 0 && v[0]) {
        ent_strmap *m = user;
        ent_strmap_slot(m, v[0], strlen(v[0]), NULL);
    }
    return 0;
}

/* PostgreSQL text[] literal of the given story ids. */
static void pg_array(ent_buf *b, const char *const *ids, size_t n) {
    ent_buf_putc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (i) ent_buf_putc(b, ',');
        ent_buf_putc(b, '"');
        for (const char *s = ids[i]; *s; s++) {
            if (*s == '"' || *s == '\\') ent_buf_putc(b, '\\');
            ent_buf_putc(b, *s);
        }
        ent_buf_putc(b, '"');
    }
    ent_buf_putc(b, '}');
}

/* Stored stories that this batch replaces: subtract their rollups, delete their rows. */
static ent_status replace_stored(ent_store *st, deltas *D) {
    ent_strmap existing;
    ent_strmap_init(&existing);
    ent_status s = ENT_OK;
    const char **ids = ent_xmalloc((st->nstories + 1) * sizeof *ids);
    size_t nids = 0;
    for (size_t i = 0; i < st->nstories; i++)
        if (!st->stories[i].append) ids[nids++] = st->stories[i].id;
    if (nids && is_pg(st)) {
        ent_buf arr;
        ent_buf_init(&arr);
        pg_array(&arr, ids, nids);
        db_param p = db_text(arr.data);
        if (ent_db_run(st->db, "SELECT story_id FROM stories WHERE story_id = ANY(CAST(? AS text[]))", 1, &p, 1, collect_id,
                   &existing) != ENT_OK)
            s = ENT_ERR_IO;
        size_t k = 0;
        for (size_t i = 0; i < nids; i++)
            if (ent_strmap_key(&existing, ids[i], strlen(ids[i])))
                ids[k++] = ids[i];
        nids = s ? 0 : k;
        if (nids) {
            ent_buf_clear(&arr);
            pg_array(&arr, ids, nids);
            p = db_text(arr.data);
            if (ent_db_run(st->db, ROLLUP_OF_EVENTS " WHERE story_id = ANY(CAST(? AS text[])) GROUP BY 1, 2, 3, 4, 5, 6", 1, &p, 1,
                       subtract_row, D) != ENT_OK ||
                ent_db_run(st->db, "DELETE FROM events WHERE story_id = ANY(CAST(? AS text[]))", 1, &p, 1, NULL, NULL) != ENT_OK ||
                ent_db_run(st->db, "DELETE FROM sentences WHERE story_id = ANY(CAST(? AS text[]))", 1, &p, 1, NULL, NULL) != ENT_OK ||
                ent_db_run(st->db, "DELETE FROM stories WHERE story_id = ANY(CAST(? AS text[]))", 1, &p, 1, NULL, NULL) != ENT_OK)
                s = ENT_ERR_IO;
        }
        ent_buf_free(&arr);
    } else {
        for (size_t i = 0; !s && i < nids; i++) {
            db_param p = db_text(ids[i]);
            long have = 0;
            if (ent_db_run(st->db, "SELECT count(*) FROM stories WHERE story_id = ?", 1, &p, 1, ent_db_row_long, &have) != ENT_OK) {
                s = ENT_ERR_IO;
                break;
            }
            if (!have) continue;
            if (ent_db_run(st->db, ROLLUP_OF_EVENTS " WHERE story_id = ? GROUP BY 1, 2, 3, 4, 5, 6", 1, &p, 1, subtract_row, D) != ENT_OK ||
                ent_db_run(st->db, "DELETE FROM events WHERE story_id = ?", 1, &p, 1, NULL, NULL) != ENT_OK ||
                ent_db_run(st->db, "DELETE FROM sentences WHERE story_id = ?", 1, &p, 1, NULL, NULL) != ENT_OK)
                s = ENT_ERR_IO;
        }
    }
    free(ids);
    ent_strmap_free(&existing);
    return s;
}

static db_param opt_int(long v) { return v > 0 ? db_int(v) : db_text(NULL); }
static db_param span_lo(ent_span s) { return s.end > s.start ? db_int(s.start) : db_text(NULL); }
static db_param span_hi(ent_span s) { return s.end > s.start ? db_int(s.end) : db_text(NULL); }

/* qsort order of unsigned 64-bit keys */
static int cmp_u64(const void *a, const void *b) {
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

/* The order in which a batch's events are written: by date (undated first), then as
 * handed, not story by story.  In a load whose dates are scattered, consecutive inserts
 * into the indexes led by date (SQLite's events_order, the largest; on PostgreSQL the
 * month partitions and their indexes) then land on neighbouring pages, still in the CPU's
 * cache, instead of anywhere (SQLite, 100k events in random date order onto 900k: -10%
 * writer CPU; date order: unchanged).  Returns the places in st->events in that order
 * (sorted as keys holding the date above the place); the caller frees the array. */
static unsigned long long *events_by_date(const ent_store *st) {
    unsigned long long *ord = ent_xmalloc((st->nevents + 1) * sizeof *ord);
    for (size_t i = 0; i < st->nevents; i++)
        ord[i] = ((unsigned long long)(st->events[i].date > 0 ? st->events[i].date : 0) << 32) | i;
    qsort(ord, st->nevents, sizeof *ord, cmp_u64);
    for (size_t k = 0; k < st->nevents; k++) ord[k] &= 0xffffffffULL;
    return ord;
}

/* SQLite: a batch's rows, each kind written by one statement reading ent_rows (db.h,
 * ent_db_run_rows): the rows' values are handed to SQLite from the batch in place, and
 * SQLite walks the table and its indexes with cursors kept open from row to row.  One
 * statement per row (bind, step, reset) cost the writer 5-10% more (1M events in random
 * date order: rows 21.8 CPU-s against 20.1, rollups 15.7 against 13.6-14.8). */
typedef struct rows_of {
    const ent_store *st;
    const size_t *pick;            /* sentences: the places in st->sents to write */
    const unsigned long long *ord; /* events: the places in st->events, in writing order */
} rows_of;

static void story_row(void *user, size_t i, db_param *p) {
    const b_story *b = &((const rows_of *)user)->st->stories[i];
    p[0] = db_text(b->id); p[1] = opt_int(b->date); p[2] = db_text(b->publisher); p[3] = db_text(b->title);
    p[4] = db_text(b->url);
}

static void sentence_row(void *user, size_t i, db_param *p) {
    const rows_of *R = user;
    const b_sentence *r = &R->st->sents[R->pick[i]];
    p[0] = db_text(R->st->stories[r->story].id); p[1] = db_int(r->idx); p[2] = db_text(r->sid); p[3] = opt_int(r->date);
    p[4] = db_text(r->text);
}

static void event_row_of(void *user, size_t i, db_param *p) {
    const rows_of *R = user;
    const b_event *e = &R->st->events[R->ord[i]];
    db_param v[24] = {
        db_text(R->st->stories[e->story].id), db_int(e->idx), db_int(e->sidx), opt_int(e->date), db_text(e->source),
        db_text(e->target), db_text(e->code), db_text(e->root), db_int(e->quad), db_real(e->goldstein),
        db_text(e->plover), db_text(e->stext), db_text(e->ttext), db_text(e->vtext), db_text(e->issues),
        span_lo(e->ss), span_hi(e->ss), span_lo(e->sp), span_hi(e->sp), span_lo(e->tp), span_hi(e->tp),
        span_lo(e->vp), span_hi(e->vp), db_int(e->date > 0 ? e->date / 100 : 0)};
    memcpy(p, v, sizeof v);
}

#define C5 "SELECT c0, c1, c2, c3, c4 FROM ent_rows WHERE true"
#define SENTENCE_INSERT "INSERT OR FAIL INTO sentences (story_id, sentence_index, sentence_id, date, text) " C5 \
    " ON CONFLICT (story_id, sentence_index) DO "

static ent_status lite_insert_rows(ent_store *st) {
    rows_of R = {st, NULL, NULL};
    if (ent_db_run_rows(st->db,
                        "INSERT INTO stories (story_id, date, publisher, title, url) " C5
                        " ON CONFLICT (story_id) DO UPDATE SET date = excluded.date,"
                        " publisher = excluded.publisher, title = excluded.title, url = excluded.url",
                        st->nstories, story_row, &R) != ENT_OK)
        return ENT_ERR_IO;
    /* sentences that replace a stored one (upd) and new ones, each by its own statement */
    size_t *pick = ent_xmalloc((st->nsents + 1) * sizeof *pick), nnew = 0, nupd = 0;
    for (size_t i = 0; i < st->nsents; i++) if (!st->sents[i].upd) pick[nnew++] = i;
    for (size_t i = 0; i < st->nsents; i++) if (st->sents[i].upd) pick[nnew + nupd++] = i;
    R.pick = pick;
    ent_status s = ent_db_run_rows(st->db, SENTENCE_INSERT "NOTHING", nnew, sentence_row, &R);
    R.pick = pick + nnew;
    if (!s)
        s = ent_db_run_rows(st->db,
                            SENTENCE_INSERT "UPDATE SET sentence_id = excluded.sentence_id, date = excluded.date,"
                                            " text = excluded.text",
                            nupd, sentence_row, &R);
    /* the tokens made ahead, in the order the rows went in (which the catch-up reads) */
    struct ftstok_conn *fc = s ? NULL : ent_db_ftstok(st->db);
    for (size_t k = 0; fc && k < nnew + nupd; k++) {
        const b_sentence *r = &st->sents[pick[k]];
        if (r->toks && r->text) ent_ftstok_queue(fc, r->text, strlen(r->text), r->toks, r->ntoks);
    }
    free(pick);
    if (s) return ENT_ERR_IO;
    R.ord = events_by_date(st);
    s = ent_db_run_rows(st->db,
                        "INSERT OR FAIL INTO events (story_id, event_index, sentence_index, date, source, target, code, root, quad,"
                        " goldstein, plover, source_text, target_text, verb_text, issues, sentence_start, sentence_end,"
                        " source_start, source_end, target_start, target_end, verb_start, verb_end, month)"
                        " SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19,"
                        " c20, c21, c22, c23 FROM ent_rows",
                        st->nevents, event_row_of, &R);
    free((void *)R.ord);
    return s ? ENT_ERR_IO : ENT_OK;
}

/* A COPY field holding the integer v (present: else NULL), then a tab or (last) a newline.
 * Digits by hand: a batch writes millions of integers, and printf was a fifth of the
 * loader's time. */
static void copy_long(ent_buf *b, long long v, int present, int last) {
    if (!present) { ent_db_copy_field(b, NULL, last); return; }
    char tmp[24];
    int n = sizeof tmp;
    tmp[--n] = last ? '\n' : '\t';
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do tmp[--n] = (char)('0' + u % 10); while ((u /= 10) != 0);
    if (v < 0) tmp[--n] = '-';
    ent_buf_append(b, tmp + n, sizeof tmp - (size_t)n);
}
static void copy_span(ent_buf *b, ent_span s, int last) {
    copy_long(b, s.start, s.end > s.start, 0);
    copy_long(b, s.end, s.end > s.start, last);
}

/* PostgreSQL: the month partitions the batch needs, created a whole year at a time (the
 * months of each year the batch touches) in one short transaction of their own, with the
 * parent's choice of columns without statistics (store_int.h, PG_EVENTS_NO_STATS).
 * Creating a partition locks the parent table until every open write transaction on it
 * has ended, so with several writers (ent_store_set_writers) a creation waits for the
 * other writer's whole batch: a year at a time, a load in date order meets that wait once
 * a year of news instead of once a month.  The writers of one process create them one at
 * a time (partitions_mu), so two never race on the same name. */
static pthread_mutex_t partitions_mu = PTHREAD_MUTEX_INITIALIZER;
static ent_status pg_partitions(ent_store *st) {
    ent_buf q;
    ent_buf_init(&q);
    ent_status s = ENT_OK;
    pthread_mutex_lock(&partitions_mu);
    for (size_t i = 0; !s && i < st->nevents; i++) {
        long m = st->events[i].date > 0 ? st->events[i].date / 100 : 0;
        if (m < 1) continue;
        char name[40];
        int len = snprintf(name, sizeof name, "events_%ld", m);
        if (ent_strmap_key(&st->months, name, (size_t)len)) continue;
        for (long k = 1; !s && k <= 12; k++) {
            long mk = m / 100 * 100 + k;
            len = snprintf(name, sizeof name, "events_%ld", mk);
            int created = 0;
            ent_strmap_slot(&st->months, name, (size_t)len, &created);
            if (!created) continue;
            long have = 0;
            db_param p = db_text(name);
            if (ent_db_run(st->db, "SELECT count(*) FROM pg_class WHERE relname = ? AND relnamespace = current_schema()::regnamespace",
                           1, &p, 1, ent_db_row_long, &have) != ENT_OK)
                s = ENT_ERR_IO;
            else if (!have)
                ent_buf_printf(&q, "CREATE TABLE IF NOT EXISTS %s PARTITION OF events FOR VALUES FROM (%ld) TO (%ld); ALTER TABLE %s%s;",
                               name, mk, mk + 1, name, PG_EVENTS_NO_STATS);
        }
    }
    /* one script, so one transaction: the partitions and their statistics settings */
    if (!s && q.len) s = ent_db_exec_script(st->db, q.data);
    pthread_mutex_unlock(&partitions_mu);
    ent_buf_free(&q);
    if (s) { /* forget what this call noted: a later batch checks again */
        ent_strmap_free(&st->months);
        ent_strmap_init(&st->months);
    }
    return s ? ENT_ERR_IO : ENT_OK;
}

/* PostgreSQL, after a batch committed: its events counted into their partitions' entries
 * of st->months (pg_analyze reads them). */
static void pg_count_months(ent_store *st) {
    for (size_t i = 0; i < st->nevents; i++) {
        if (st->events[i].date > st->day_written) st->day_written = st->events[i].date;
        long m = st->events[i].date > 0 ? st->events[i].date / 100 : 0;
        char name[40];
        int len = m >= 1 ? snprintf(name, sizeof name, "events_%ld", m) : snprintf(name, sizeof name, "events_undated");
        void **v = ent_strmap_slot(&st->months, name, (size_t)len, NULL);
        *v = (void *)((intptr_t)*v + 1);
    }
}

/* PostgreSQL: a batch's stories, sentences and events by COPY.  When no story of the batch
 * appends, replace_stored has deleted every stored row the batch's rows could meet, so
 * stories and sentences go straight into their tables; otherwise they go through staging
 * tables merged with ON CONFLICT (an appended story keeps its row and sentences). */
static ent_status pg_insert_rows(ent_store *st) {
    ent_buf b;
    ent_buf_init(&b);
    int append = 0;
    for (size_t i = 0; i < st->nstories; i++) append |= st->stories[i].append;
    ent_status s = !append ? ENT_OK : ent_db_exec_script(st->db,
                                  "CREATE TEMP TABLE IF NOT EXISTS stage_stories (story_id TEXT, date INTEGER, publisher TEXT,"
                                  " title TEXT, url TEXT) ON COMMIT DELETE ROWS;"
                                  "CREATE TEMP TABLE IF NOT EXISTS stage_sentences (story_id TEXT, sentence_index INTEGER,"
                                  " sentence_id TEXT, date INTEGER, text TEXT, upd BOOLEAN) ON COMMIT DELETE ROWS");
    for (size_t i = 0; !s && i < st->nstories; i++) {
        const b_story *r = &st->stories[i];
        ent_db_copy_field(&b, r->id, 0);
        copy_long(&b, r->date, r->date > 0, 0);
        ent_db_copy_field(&b, r->publisher, 0);
        ent_db_copy_field(&b, r->title, 0);
        ent_db_copy_field(&b, r->url, 1);
    }
    if (!s) s = ent_db_copy(st->db, append ? "COPY stage_stories FROM STDIN" : "COPY stories (story_id, date, publisher, title, url) FROM STDIN",
                            b.data ? b.data : "", b.len);
    ent_buf_clear(&b);
    for (size_t i = 0; !s && i < st->nsents; i++) {
        const b_sentence *r = &st->sents[i];
        ent_db_copy_field(&b, st->stories[r->story].id, 0);
        copy_long(&b, r->idx, 1, 0);
        ent_db_copy_field(&b, r->sid, 0);
        copy_long(&b, r->date, r->date > 0, 0);
        ent_db_copy_field(&b, r->text, !append);
        if (append) ent_db_copy_field(&b, r->upd ? "t" : "f", 1);
    }
    if (!s)
        s = ent_db_copy(st->db, append ? "COPY stage_sentences FROM STDIN"
                                       : "COPY sentences (story_id, sentence_index, sentence_id, date, text) FROM STDIN",
                        b.data ? b.data : "", b.len);
    if (!s && append)
        s = ent_db_exec_script(st->db,
                           "INSERT INTO stories SELECT * FROM stage_stories ON CONFLICT (story_id) DO UPDATE SET"
                           " date = excluded.date, publisher = excluded.publisher, title = excluded.title, url = excluded.url;"
                           "INSERT INTO sentences SELECT story_id, sentence_index, sentence_id, date, text FROM stage_sentences"
                           " WHERE upd ON CONFLICT (story_id, sentence_index) DO UPDATE SET sentence_id = excluded.sentence_id,"
                           " date = excluded.date, text = excluded.text;"
                           "INSERT INTO sentences SELECT story_id, sentence_index, sentence_id, date, text FROM stage_sentences"
                           " WHERE NOT upd ON CONFLICT (story_id, sentence_index) DO NOTHING");
    ent_buf_clear(&b);
    unsigned long long *ord = events_by_date(st);
    for (size_t k = 0; !s && k < st->nevents; k++) {
        const b_event *e = &st->events[ord[k]];
        ent_db_copy_field(&b, st->stories[e->story].id, 0);
        copy_long(&b, e->idx, 1, 0);
        copy_long(&b, e->sidx, 1, 0);
        copy_long(&b, e->date, e->date > 0, 0);
        ent_db_copy_field(&b, e->source, 0);
        ent_db_copy_field(&b, e->target, 0);
        ent_db_copy_field(&b, e->code, 0);
        ent_db_copy_field(&b, e->root, 0);
        copy_long(&b, e->quad, 1, 0);
        ent_buf_printf(&b, "%.17g\t", e->goldstein);
        ent_db_copy_field(&b, e->plover, 0);
        ent_db_copy_field(&b, e->stext, 0);
        ent_db_copy_field(&b, e->ttext, 0);
        ent_db_copy_field(&b, e->vtext, 0);
        ent_db_copy_field(&b, e->issues, 0);
        copy_span(&b, e->ss, 0);
        copy_span(&b, e->sp, 0);
        copy_span(&b, e->tp, 0);
        copy_span(&b, e->vp, 0);
        copy_long(&b, e->date > 0 ? e->date / 100 : 0, 1, 1);
    }
    if (!s && b.len)
        s = ent_db_copy(st->db,
                    "COPY events (story_id, event_index, sentence_index, date, source, target, code, root, quad,"
                    " goldstein, plover, source_text, target_text, verb_text, issues, sentence_start, sentence_end,"
                    " source_start, source_end, target_start, target_end, verb_start, verb_end, month) FROM STDIN",
                    b.data, b.len);
    free(ord);
    ent_buf_free(&b);
    return s;
}

static ent_status insert_actors(ent_store *st) {
    for (size_t i = 0; i < st->nactors; i++) {
        db_param p[2] = {db_text(st->new_actors[i].code), db_text(st->new_actors[i].text)};
        if (ent_db_run(st->db, "INSERT INTO actors (code, text) VALUES (?, ?) ON CONFLICT (code) DO NOTHING", 1, p, 2, NULL,
                   NULL) != ENT_OK)
            return ENT_ERR_IO;
    }
    return ENT_OK;
}

/* the rollup whose rows racc_cmp orders (qsort has no context; per thread, as several
 * threads may each write their own store) */
static __thread const rollup_spec *sort_spec;

/* Primary-key order, so consecutive UPSERTs touch neighbouring B-tree pages.  A text
 * column is compared by its prefix (text_prefix) first, and by strcmp only past it. */
static int racc_cmp(const void *x, const void *y) {
    const racc *a = x, *b = y;
    for (int j = 0; j < sort_spec->nk; j++) {
        if (sort_spec->ints >> j & 1) {
            if (a->ki[j] != b->ki[j]) return a->ki[j] < b->ki[j] ? -1 : 1;
            continue;
        }
        unsigned long pa = (unsigned long)a->ki[j], pb = (unsigned long)b->ki[j];
        if (pa != pb) return pa < pb ? -1 : 1;
        if (pa & 1) { /* both longer than 7 bytes */
            int c = strcmp(a->ks[j] + 7, b->ks[j] + 7);
            if (c) return c;
        }
    }
    return 0;
}

/* Sort a rollup's summed rows into key order (consecutive writes touch neighbouring
 * B-tree pages). */
static void rsum_sort(rsum *R) {
    if (R->sorted) return;
    R->sorted = 1;
    if (R->n < 2) return; /* also: qsort's array may not be NULL, even when empty */
    sort_spec = R->spec;
    qsort(R->rows, R->n, sizeof *R->rows, racc_cmp);
}

/* Runs merged: the handing thread's sums of the chunks since the last merge, each chunk's
 * its own run (every rollup sorted, rsum_sort), become one deltas in key order with a
 * key's sums added together.  A run is summed and sorted as its chunk is handed (about
 * 28k keys, while the writer writes the chunk before), and this merge is linear in the
 * keys; one sort of all the keys at the merge point (340k keys per 100k events in random
 * date order) had left the writer idle about 0.3 s at each merge point.  Consumes the n
 * runs (their strings move into the result's arena); the caller owns the result. */
static deltas *deltas_of_runs(deltas **runs, size_t n) {
    deltas *out = ent_xmalloc(sizeof *out);
    deltas_init(out);
    size_t *at = ent_xmalloc((n + 1) * sizeof *at), *heap = ent_xmalloc((n + 1) * sizeof *heap);
    for (int r = 0; r < R_COUNT; r++) {
        rsum *O = &out->R[r];
        size_t total = 0, nh = 0;
        for (size_t i = 0; i < n; i++) total += runs[i]->R[r].n;
        O->rows = ent_xmalloc((total + 1) * sizeof *O->rows);
        O->cap = total + 1;
        O->sorted = 1;
        sort_spec = O->spec;
        /* a binary min-heap of the runs by their next row (heap[] holds run numbers) */
#define HEAD(k) (&runs[heap[k]]->R[r].rows[at[heap[k]]])
        for (size_t i = 0; i < n; i++) {
            at[i] = 0;
            if (!runs[i]->R[r].n) continue;
            size_t k = nh++;
            heap[k] = i;
            while (k && racc_cmp(HEAD(k), HEAD((k - 1) / 2)) < 0) {
                size_t up = (k - 1) / 2, t = heap[k];
                heap[k] = heap[up], heap[up] = t, k = up;
            }
        }
        while (nh) {
            const racc *a = HEAD(0);
            racc *last = O->n ? &O->rows[O->n - 1] : NULL;
            if (last && racc_cmp(last, a) == 0) {
                for (int j = 0; j < 10; j++) last->v[j] += a->v[j];
            } else {
                O->rows[O->n++] = *a;
            }
            if (++at[heap[0]] == runs[heap[0]]->R[r].n) heap[0] = heap[--nh];
            for (size_t k = 0;;) { /* sift the new head down */
                size_t c = 2 * k + 1, m = k;
                if (c < nh && racc_cmp(HEAD(c), HEAD(m)) < 0) m = c;
                if (c + 1 < nh && racc_cmp(HEAD(c + 1), HEAD(m)) < 0) m = c + 1;
                if (m == k) break;
                size_t t = heap[k];
                heap[k] = heap[m], heap[m] = t, k = m;
            }
        }
#undef HEAD
    }
    for (size_t i = 0; i < n; i++) {
        out->negative |= runs[i]->negative;
        ent_arena_adopt(&out->strs, &runs[i]->strs);
        deltas_free(runs[i]);
        free(runs[i]);
    }
    free(at);
    free(heap);
    return out;
}

static int deltas_empty(const deltas *D) {
    for (int r = 0; r < R_COUNT; r++)
        if (D->R[r].n) return 0;
    return 1;
}

/* Whether a summed row adds nothing (a replaced story written again unchanged). */
static int racc_zero(const racc *a) {
    for (int j = 0; j < 10; j++)
        if (a->v[j]) return 0;
    return 1;
}

/* SQLite: write every key of every rollup with the rollup's prepared UPSERT, in key order;
 * a key whose events fell (a replaced story) is deleted if it reached zero. */
/* SQLite: each rollup's summed rows (sorted in key order, rows that sum to nothing left
 * out) by one UPSERT reading them from ent_rows; then the keys that a replaced story took
 * its last events from are deleted, one statement each (few). */
typedef struct racc_rows {
    const rollup_spec *sp;
    const racc *const *rows;
} racc_rows;

static void racc_row(void *user, size_t i, db_param *p) {
    const racc_rows *R = user;
    const racc *a = R->rows[i];
    for (int j = 0; j < R->sp->nk; j++) p[j] = (R->sp->ints >> j & 1) ? db_int(a->ki[j]) : db_text(a->ks[j]);
    for (int j = 0; j < 10; j++) p[R->sp->nk + j] = db_int(a->v[j]);
}

static ent_status lite_merge_rollups(ent_store *st, deltas *D) {
    ent_status s = ENT_OK;
    for (int r = 0; !s && r < R_COUNT; r++) {
        rsum *R = &D->R[r];
        const rollup_spec *sp = R->spec;
        rsum_sort(R);
        const racc **live = ent_xmalloc((R->n + 1) * sizeof *live);
        size_t n = 0;
        for (size_t i = 0; i < R->n; i++) if (!racc_zero(&R->rows[i])) live[n++] = &R->rows[i];
        racc_rows rr = {sp, live};
        if (ent_db_run_rows(st->db, sp->bulk, n, racc_row, &rr) != ENT_OK) s = ENT_ERR_IO;
        for (size_t i = 0; !s && i < n; i++) {
            if (live[i]->v[0] >= 0) continue;
            db_param p[RK_MAX + 10];
            racc_row(&rr, i, p);
            if (ent_db_run(st->db, sp->prune, 1, p, sp->nk, NULL, NULL) != ENT_OK) s = ENT_ERR_IO;
        }
        free(live);
    }
    return s;
}

/* PostgreSQL: each rollup's summed rows (sorted in key order, rows that sum to nothing
 * left out) COPYed into a temporary table shaped like the rollup, then merged by one
 * INSERT ... ON CONFLICT without grouping (rollup_spec.pg_merge); keys that a replaced
 * story took its last events from are deleted (pg_prune).  Grouping the batch's rows in
 * SQL had cost a quarter of the merge time.  phase -1: every row (sorted here); 0 or 1:
 * the rows whose racc.shared is that (sorted by pg_merge_ordered), the staging tables
 * emptied first in phase 1. */
static ent_status pg_merge_rollups(ent_store *st, deltas *D, int phase) {
    ent_buf b, q;
    ent_buf_init(&b);
    ent_buf_init(&q);
    ent_status s = ENT_OK;
    for (int r = 0; !s && r < R_COUNT; r++) {
        rsum *R = &D->R[r];
        const rollup_spec *sp = R->spec;
        if (phase < 0) rsum_sort(R);
        ent_buf_clear(&b);
        int subtracts = 0;
        for (size_t i = 0; i < R->n; i++) {
            const racc *a = &R->rows[i];
            if (racc_zero(a) || (phase >= 0 && a->shared != phase)) continue;
            subtracts |= a->v[0] < 0;
            for (int j = 0; j < sp->nk; j++) {
                if (sp->ints >> j & 1) copy_long(&b, a->ki[j], 1, 0);
                else ent_db_copy_field(&b, a->ks[j], 0);
            }
            for (int j = 0; j < 10; j++) copy_long(&b, a->v[j], 1, j == 9);
        }
        if (!b.len) continue;
        const char *t = sp->table;
        ent_buf_clear(&q);
        ent_buf_printf(&q, "CREATE TEMP TABLE IF NOT EXISTS stage_%s (LIKE %s) ON COMMIT DELETE ROWS", t, t);
        if (phase == 1 && R->staged) ent_buf_printf(&q, "; TRUNCATE stage_%s", t);
        R->staged = 1;
        s = ent_db_exec_script(st->db, q.data);
        ent_buf_clear(&q);
        ent_buf_printf(&q, "COPY stage_%s FROM STDIN", t);
        if (!s) s = ent_db_copy(st->db, q.data, b.data, b.len);
        /* the keys the merge added (a new row version's xmax is 0; an updated one's is this
         * transaction): what pg_analyze weighs */
        long fresh = 0;
        ent_buf_clear(&q);
        ent_buf_printf(&q, "WITH m AS (%s RETURNING xmax = 0 AS fresh) SELECT count(*) FROM m WHERE fresh", sp->pg_merge);
        if (!s && ent_db_run(st->db, q.data, 0, NULL, 0, ent_db_row_long, &fresh) != ENT_OK) s = ENT_ERR_IO;
        if (!s) st->written_rollup[r] += fresh;
        if (!s && subtracts) s = ent_db_exec_script(st->db, sp->pg_prune);
    }
    ent_buf_free(&b);
    ent_buf_free(&q);
    return s;
}

/* PostgreSQL writers of one handle (ent_store_set_writers): the rollup merge in two steps,
 * so that two batches merge at once where their keys differ.  A merge upserts rows that
 * other batches share (the same day, dyad, actor), and PostgreSQL holds each row's lock
 * until the commit, so with one merge in key order the second of two batches written
 * together waited at its first shared key for the first's whole merge and commit, one core
 * idle (2-4 s of a 100k load in random date order, by pg_stat_activity sampling).  Here a
 * batch notes, when its merge begins, which of its keys an earlier batch still open has
 * too (parent->merging); it merges the others at once (no writer of this handle holds or
 * will take them before it commits), waits in this process until those earlier batches
 * have ended (pg_merge_done), and then merges the shared ones.  A writer thus never waits
 * on a row another writer of the handle locked, so they cannot deadlock; each step is in
 * key order.  (Two loading processes are not ordered with each other: a deadlock between
 * them aborts a batch, which is written again: flush_sync.)  Returns with the batch
 * registered: the caller calls pg_merge_done after its COMMIT or ROLLBACK. */
static ent_status pg_merge_ordered(ent_store *st, deltas *D) {
    ent_store *p = st->parent;
    for (int r = 0; r < R_COUNT; r++) rsum_sort(&D->R[r]);
    unsigned long wait_for[8] = {0}; /* per writer: the seq of an earlier batch sharing a key */
    int shared = 0;
    ent_buf key;
    ent_buf_init(&key);
    pthread_mutex_lock(&p->mmu);
    for (int j = 0; j < 8; j++) {
        const deltas *E = p->merging[j];
        if (!E || j == st->windex) continue;
        int hit = 0;
        for (int r = 0; r < R_COUNT; r++) {
            rsum *R = &D->R[r];
            for (size_t i = 0; i < R->n; i++) {
                racc *a = &R->rows[i];
                rsum_key(R->spec, a->ki, a->ks, &key);
                if (ent_strmap_key(&E->R[r].index, key.data, key.len)) a->shared = hit = 1;
            }
        }
        if (hit) { wait_for[j] = p->merge_seq[j]; shared = 1; }
    }
    p->merging[st->windex] = D;
    p->merge_seq[st->windex] = ++p->merge_next;
    pthread_mutex_unlock(&p->mmu);
    ent_buf_free(&key);
    ent_status s = pg_merge_rollups(st, D, 0);
    if (s || !shared) return s;
    pthread_mutex_lock(&p->mmu);
    for (int j = 0; j < 8; j++)
        while (wait_for[j] && p->merge_seq[j] == wait_for[j]) pthread_cond_wait(&p->mcv, &p->mmu);
    pthread_mutex_unlock(&p->mmu);
    return pg_merge_rollups(st, D, 1);
}

/* A writer's batch committed or rolled back: writers whose merge waits for it go on. */
static void pg_merge_done(ent_store *st) {
    ent_store *p = st->parent;
    if (!p) return;
    pthread_mutex_lock(&p->mmu);
    if (p->merging[st->windex]) {
        p->merging[st->windex] = NULL;
        p->merge_seq[st->windex] = 0;
        pthread_cond_broadcast(&p->mcv);
    }
    pthread_mutex_unlock(&p->mmu);
}

/* PostgreSQL, after a load: ANALYZE each table this handle wrote to whose rows at least
 * doubled since its statistics were taken (never analysed, or rows written >= pg_class's
 * reltuples), so a first load leaves statistics for the planner at once, while later
 * loads cost no more than their own rows: ANALYZE of the month partitioned events recurses
 * into every partition, and a table that grows by less than that is left to autovacuum
 * (which analyses at 10% change, up to a minute later).  The rollups are analysed at a
 * tenth already: they are keyed by day or month, and a load of newer news adds keys past
 * the end of their statistics' histogram, which the planner then reads as empty (measured:
 * the network for one year took 4 s instead of 75 ms after ten loads of 100k in date order,
 * until the next ANALYZE).  ANALYZE samples a bounded number of rows, about 0.1-0.3 s per
 * rollup at 1M events.  The rollups count the keys the merges added, not the keys they
 * updated, and the four keyed by date are analysed when the load added a key dated after
 * the latest day stored before it (past the end of their statistics) or doubled them; the
 * two keyed by actors alone when they grew by a tenth.  A load in random date order adds
 * keys inside the statistics' range, where the planner's estimates hold, and is left to
 * autovacuum (counting every merged row, each load of 100k onto 900k analysed all six
 * rollups again: 0.8-1.3 s of server time per load).  Failures only leave statistics older. */
static int note_reltuples(const char *const *v, int n, void *user) {
    if (n < 2 || !v[0] || !v[1]) return 0;
    double t = atof(v[1]); /* stored + 2: never analysed (-1) is 1, and 0 rows not absent */
    ent_strmap_slot(user, v[0], strlen(v[0]), NULL)[0] = (void *)(intptr_t)(t < 0 ? 1 : (intptr_t)t + 2);
    return 0;
}
/* Add "ANALYZE name;" to q when rows written to it reach its reltuples in tuples divided by
 * part (1: the table doubled; 10: it grew by a tenth). */
static void analyze_if_grown(ent_buf *q, const ent_strmap *tuples, const char *name, long rows, long part) { /* part LONG_MAX: any row */
    intptr_t t = (intptr_t)ent_strmap_get(tuples, name, strlen(name));
    if (rows > 0 && t && (t == 1 || rows >= (long)(t - 2) / part)) ent_buf_printf(q, "ANALYZE %s;", name);
}
/* side (a writer's idle connection, or NULL): a thread merges the GIN pending list there
 * first (gin) and then analyses the stories, sentences and rollups while this connection
 * analyses the events (their partitions: most of the work), on two processors instead of
 * one (the first load into a new store analyses every table: about 2 s of server time at
 * 100k events that ran alone at its end). */
typedef struct side_job { db *d; int gin; const char *script; } side_job;
static void *side_main(void *arg) {
    side_job *j = arg;
    if (j->gin) ent_db_exec_script(j->d, PG_GIN_CLEAN);
    if (j->script && *j->script) ent_db_exec_script(j->d, j->script);
    return NULL;
}
static void pg_analyze(ent_store *st, db *side, int gin) {
    ent_strmap tuples; /* relation name -> reltuples + 2 (1: never analysed) */
    ent_strmap_init(&tuples);
    ent_buf q, qe; /* the rest; the events */
    ent_buf_init(&q);
    ent_buf_init(&qe);
    int known = 0;
    if (ent_db_run(st->db, "SELECT relname, reltuples FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                           " AND relkind IN ('r', 'p')", 0, NULL, 0, note_reltuples, &tuples) == ENT_OK) {
        analyze_if_grown(&q, &tuples, "stories", st->written_stories, 1);
        analyze_if_grown(&q, &tuples, "sentences", st->written_sents, 1);
        for (int r = 0; r < R_COUNT; r++) {
            /* keyed by date: past the end of the statistics, or doubled; else a tenth more keys */
            int dated = r != R_DYAD && r != R_ACTOR && st->day_before >= 0;
            analyze_if_grown(&q, &tuples, ROLLUPS[r].table, st->written_rollup[r],
                             !dated ? 10 : st->day_written > st->day_before ? LONG_MAX : 1);
        }
        analyze_if_grown(&qe, &tuples, "events", st->written, 1);
        if (!qe.len) /* else ANALYZE events covered every partition */
            for (size_t i = 0; i < st->months.cap; i++)
                if (st->months.keys[i]) analyze_if_grown(&qe, &tuples, st->months.keys[i], (long)(intptr_t)st->months.vals[i], 1);
        known = 1;
    }
    side_job job = {side, gin, q.data};
    pthread_t t;
    int threaded = side && pthread_create(&t, NULL, side_main, &job) == 0;
    if (!threaded && gin) ent_db_exec_script(st->db, PG_GIN_CLEAN);
    if (known && qe.len) ent_db_exec_script(st->db, qe.data);
    if (threaded) pthread_join(t, NULL);
    else if (known && q.len) ent_db_exec_script(st->db, q.data);
    ent_buf_free(&q);
    ent_buf_free(&qe);
    ent_strmap_free(&tuples);
}

/* Merge the deltas into the rollup tables. */
static ent_status merge_rollups(ent_store *st, deltas *D) {
    if (!is_pg(st)) return lite_merge_rollups(st, D);
    return st->parent ? pg_merge_ordered(st, D) : pg_merge_rollups(st, D, -1);
}

/* ---- the full-text index of sentences (schema.c, version 4) ---------------------------- */

/* SQLite: index the sentences above the watermark in one statement and raise it. */
#define FTS_CATCH_UP \
    "INSERT INTO sentences_fts (rowid, text) SELECT rowid, text FROM sentences" \
    " WHERE rowid > (SELECT indexed_upto FROM fts_state);" \
    "UPDATE fts_state SET indexed_upto = (SELECT max(rowid) FROM sentences)" \
    " WHERE indexed_upto < (SELECT coalesce(max(rowid), 0) FROM sentences)"
#define PG_FTS_INDEX "CREATE INDEX IF NOT EXISTS sentences_tsv ON sentences USING gin (to_tsvector('english', coalesce(text, '')))"

/* Inside a batch's transaction: bring the index up to date with the rows just written, or
 * (deferred) leave it behind; on PostgreSQL, deferring drops the GIN index once, and a
 * writer that does not defer creates it again if a deferred load left it out. */
static ent_status fts_step(ent_store *st) {
    if (is_pg(st)) {
        if (st->fts_checked) return ENT_OK;
        st->fts_checked = 1;
        return ent_db_exec_script(st->db, st->defer_fts ? "DROP INDEX IF EXISTS sentences_tsv" : PG_FTS_INDEX);
    }
    if (st->defer_fts) return ENT_OK;
    ent_status s = ent_db_exec_script(st->db, FTS_CATCH_UP);
    ent_ftstok_clear(ent_db_ftstok(st->db));
    return s;
}

void ent_store_defer_fts(ent_store *st, int defer) { st->defer_fts = defer != 0; st->fts_checked = 0; }

ent_status ent_store_fts_pending(ent_store *st, long *pending) {
    ent_diag_clear(st->diag);
    *pending = 0;
    long have = 1;
    if (is_pg(st) &&
        ent_db_run(st->db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'sentences_tsv' AND schemaname = current_schema()",
                   1, NULL, 0, ent_db_row_long, &have) != ENT_OK)
        return fail(st, ENT_ERR_IO, "full-text index: %s", ent_db_error(st->db));
    if (is_pg(st) && have) return ENT_OK;
    if (ent_db_run(st->db, is_pg(st) ? "SELECT count(*) FROM sentences"
                                     : "SELECT count(*) FROM sentences WHERE rowid > (SELECT indexed_upto FROM fts_state)",
                   1, NULL, 0, ent_db_row_long, pending) != ENT_OK)
        return fail(st, ENT_ERR_IO, "full-text index: %s", ent_db_error(st->db));
    return ENT_OK;
}

ent_status ent_store_build_fts(ent_store *st, long *indexed) {
    long n = 0;
    ent_status s = ent_store_fts_pending(st, &n);
    if (indexed) *indexed = 0;
    if (s || !n) return s;
    if (ent_db_exec_script(st->db, is_pg(st) ? "BEGIN" : "BEGIN IMMEDIATE") != ENT_OK)
        return fail(st, ENT_ERR_IO, "full-text index: %s", ent_db_error(st->db));
    if (ent_db_exec_script(st->db, is_pg(st) ? PG_FTS_INDEX : FTS_CATCH_UP) != ENT_OK ||
        ent_db_exec_script(st->db, "COMMIT") != ENT_OK) {
        fail(st, ENT_ERR_IO, "full-text index: %s", ent_db_error(st->db));
        ent_db_exec_script(st->db, "ROLLBACK");
        return ENT_ERR_IO;
    }
    if (indexed) *indexed = n;
    return ENT_OK;
}

/* Chunked writer: its transaction committed or rolled back; the next chunk begins anew.
 * broken: it was rolled back before its last chunk, which with the chunks between is then
 * refused (txn_broken), so that no later chunk commits without the earlier ones' events
 * while the sums handed at the end count them. */
static void chunk_deltas_drop(ent_store *st) {
    if (!st->chunk_deltas) return;
    deltas_free(st->chunk_deltas);
    free(st->chunk_deltas);
    st->chunk_deltas = NULL;
}

static void write_batch_end(ent_store *st, deltas *D, int broken) {
    deltas_free(D);
    free(D);
    st->txn_deltas = NULL;
    chunk_deltas_drop(st);
    st->txn_broken = broken && !st->last_chunk;
}

/* One attempt at writing the batch (st->nsents and st->nevents already leave out an open
 * story): its partitions, then one transaction.  On failure the transaction is rolled
 * back and *step names the part that failed.  The writer of a chunked SQLite load
 * (st->txn_deltas kept between calls) writes a chunk into the transaction left open by
 * the chunk before, and ends it (rollups, commit) only with the last chunk. */
static ent_status write_batch(ent_store *st, const char **step) {
    deltas own, *D = &own;
    if (st->in_chunks) {
        if (!st->txn_deltas) {
            st->txn_deltas = ent_xmalloc(sizeof *st->txn_deltas);
            deltas_init(st->txn_deltas);
        }
        D = st->txn_deltas;
    } else {
        deltas_init(D);
    }
    if (st->in_chunks && st->txn_broken) { /* refused (see txn_broken) until the transaction's last chunk */
        if (st->last_chunk) write_batch_end(st, D, 1);
        else chunk_deltas_drop(st);
        st->retry = 0;
        return fail(st, ENT_ERR_IO, "an earlier chunk of its transaction failed and was rolled back");
    }
    if (!st->in_chunks) deltas_of_events(st, D);
    ent_status s = ENT_OK;
    int fts_ran = !st->fts_checked;
    int ends = !st->in_chunks || st->last_chunk;
    int merge = ends || st->chunk_deltas; /* chunked: the handing thread's sums so far come with this chunk */
    *step = "partitions";
    if (is_pg(st)) s = pg_partitions(st);
    if (!s && !st->txn_open) { *step = "begin"; s = ent_db_exec_script(st->db, is_pg(st) ? "BEGIN" : "BEGIN IMMEDIATE"); }
    int open = !s;
    if (!s) st->txn_open = st->in_chunks;
    if (!s) { *step = "replace stored stories"; s = replace_stored(st, D); }
    if (!s) { *step = "insert rows"; s = is_pg(st) ? pg_insert_rows(st) : lite_insert_rows(st); }
    /* chunked: once per transaction (each statement adds a segment that FTS5 merges) */
    if (!s && merge) { *step = "full-text index"; s = fts_step(st); }
    if (!s) { *step = "insert actors"; s = insert_actors(st); }
    if (!s && st->chunk_deltas) { /* the sums since the last merge, summed by the handing thread */
        if (deltas_empty(D)) { /* nothing replaced: written as they are (sorted) */
            deltas_free(D);
            *D = *st->chunk_deltas;
        } else { /* a replaced story's sums subtracted here: added into those */
            deltas_merge(D, st->chunk_deltas);
            deltas_free(st->chunk_deltas);
        }
        free(st->chunk_deltas);
        st->chunk_deltas = NULL;
    }
    if (!s && merge) { *step = "rollups"; s = merge_rollups(st, D); }
    if (!s && merge && !ends) { /* merged into the open transaction: its sums begin anew */
        deltas_free(D);
        deltas_init(D);
    }
    if (!s && ends) { *step = "commit"; s = ent_db_exec_script(st->db, "COMMIT"); }
    if (!s && ends) st->txn_open = 0;
    if (s) {
        if (open) { /* keep the batch's error, not the rollback's */
            ent_buf err;
            ent_buf_init(&err);
            ent_buf_puts(&err, ent_db_error(st->db));
            int retry = ent_db_retryable(st->db);
            ent_db_exec_script(st->db, "ROLLBACK");
            fail(st, ENT_ERR_IO, "%s", err.data ? err.data : "");
            ent_buf_free(&err);
            st->retry = retry;
        } else {
            fail(st, ENT_ERR_IO, "%s", ent_db_error(st->db));
            st->retry = ent_db_retryable(st->db);
        }
        if (fts_ran) st->fts_checked = 0; /* PostgreSQL: the index change was rolled back too */
        ent_ftstok_clear(ent_db_ftstok(st->db)); /* tokens of rows rolled back */
        st->txn_open = 0;
        s = ENT_ERR_IO;
    }
    if (is_pg(st)) pg_merge_done(st); /* after the COMMIT or ROLLBACK */
    if (!st->in_chunks) deltas_free(D);
    else if (!st->txn_open) write_batch_end(st, D, s && !ends);
    return s;
}

/* PostgreSQL bulk load, after a batch of nsents sentences committed on st: whether st
 * should now merge the full-text index's pending list (PG_GIN_CLEAN, outside any
 * transaction).  Left alone, the list grows to gin_pending_list_limit (64 MB, about 250k
 * sentences of the bench) and the insert that passes it merges the whole list inside its
 * COPY: 5 s of server CPU in one batch, every 250k events, so one stretch of a load in
 * three ran at half speed (trace of a 1M load: COPY sentences 7-8 s against 2 s).  Merged
 * every GIN_MERGE_SENTS sentences committed (counted over the handle's writers), the work
 * comes in equal parts, the merge runs on the committing writer's connection while the
 * other writer goes on, and searches meanwhile scan a short list. */
static int gin_merge_due(ent_store *st, long nsents) {
    if (!is_pg(st) || st->defer_fts || st->batch_limit <= 1 || nsents <= 0) return 0;
    ent_store *p = st->parent ? st->parent : st;
    if (st->parent) pthread_mutex_lock(&p->mmu);
    p->gin_pending += nsents;
    int due = p->gin_pending >= GIN_MERGE_SENTS;
    if (due) p->gin_pending = 0;
    if (st->parent) pthread_mutex_unlock(&p->mmu);
    return due;
}

/* Times a batch is tried when PostgreSQL aborts it as a deadlock victim or for a
 * serialization failure (another writer's transaction held rows it needed). */
#define WRITE_ATTEMPTS 5

/* Write the batch now, on this handle's connection, in one transaction (retried whole
 * after a deadlock); the batch is emptied either way, a failure reported in the handle. */
static ent_status flush_sync(ent_store *st) {
    if (!st->nstories && !(st->txn_open && st->last_chunk)) return ENT_OK;
    const char *first = st->nstories ? st->stories[0].id : "", *last = st->nstories ? st->stories[st->nstories - 1].id : "";
    char what[300];
    if (st->txn_stories) /* chunked: the transaction's earlier chunks are lost with this one */
        snprintf(what, sizeof what, "transaction of %zu stories ending %.100s .. %.100s", st->nstories + (size_t)st->txn_stories,
                 first, last);
    else if (st->nstories == 1) snprintf(what, sizeof what, "story %.200s", first);
    else snprintf(what, sizeof what, "batch of %zu stories %.100s .. %.100s", st->nstories, first, last);
    /* a story still open stays out of this transaction (see batch_reset) */
    size_t all_sents = st->nsents, all_events = st->nevents;
    if (st->in_story) {
        st->nsents = st->mark_sents;
        st->nevents = st->mark_events;
    }
    const char *step = "";
    ent_status s;
    for (int attempt = 1;; attempt++) {
        st->retry = 0;
        s = write_batch(st, &step);
        if (!s || !st->retry || attempt >= WRITE_ATTEMPTS) break;
        fprintf(stderr, "entente: store: warning: %s: %s: %s; writing it again (attempt %d of %d)\n", what, step,
                ent_store_error(st), attempt + 1, WRITE_ATTEMPTS);
        struct timespec pause = {0, 50000000L * attempt};
        nanosleep(&pause, NULL);
    }
    if (s) {
        fail(st, ENT_ERR_IO, "%s: %s: %s", what, step, ent_store_error(st)[0] ? ent_store_error(st) : "failed");
        /* the batch's actor codes were not stored: forget them so a later batch inserts them */
        ent_strmap_free(&st->actors);
        ent_strmap_init(&st->actors);
        st->failed = 1;
        st->txn_written = st->txn_stories = 0;
    } else if (st->txn_open) { /* chunked: counted when the transaction commits */
        st->txn_written += (long)st->nevents;
        st->txn_stories += (long)st->nstories;
    } else {
        st->written += (long)st->nevents + st->txn_written;
        st->written_stories += (long)st->nstories + st->txn_stories;
        st->written_sents += (long)st->nsents;
        st->txn_written = st->txn_stories = 0;
        if (is_pg(st)) pg_count_months(st);
        if (gin_merge_due(st, (long)st->nsents)) ent_db_exec_script(st->db, PG_GIN_CLEAN); /* a failure only delays it */
        progressed(st);
    }
    st->nsents = all_sents;
    st->nevents = all_events;
    batch_reset(st);
    return s;
}

/* ---- several writers (PostgreSQL) ------------------------------------------------------- */

/* SQLite writer's companion: after each commit, copy the WAL's new pages into the database
 * (a passive checkpoint, on its own connection) while the writer writes the next chunks,
 * instead of the committing writer doing it (wal_autocheckpoint is off on its connection).
 * A checkpoint never blocks the writer; the WAL is reused once a checkpoint has caught up. */
static void *ckpt_main(void *arg) {
    ent_store *st = arg;
    pthread_mutex_lock(&st->wmu);
    for (;;) {
        while (!st->ckpt_wanted && !st->wquit) pthread_cond_wait(&st->ckpt_cv, &st->wmu);
        if (!st->ckpt_wanted) break;
        st->ckpt_wanted = 0;
        pthread_mutex_unlock(&st->wmu);
        ent_db_exec_script(st->ckpt_db, "PRAGMA wal_checkpoint(PASSIVE)");
        pthread_mutex_lock(&st->wmu);
    }
    pthread_mutex_unlock(&st->wmu);
    return NULL;
}

/* A writer's thread: write each batch handed to it with its own connection. */
static void batch_holder_free(ent_store *h);

/* A writer's handle, queue and counts (its thread ended or never started). */
static void writer_free(writer *w) {
    ent_store_close(w->sub);
    ent_strmap_free(&w->ids);
    for (int q = 0; q < w->qcap; q++) batch_holder_free(w->queue[q]);
    free(w->queue);
    for (size_t i = 0; i < w->ndones; i++) free(w->dones[i].error);
    free(w->dones);
}

/* A handle that only holds a batch, for a writer's queue (never opened). */
static ent_store *batch_holder_new(void) {
    ent_store *h = ent_xcalloc(1, sizeof *h);
    ent_arena_init(&h->arena, 1 << 16);
    ent_strmap_init(&h->batch_ids);
    return h;
}

static void batch_holder_free(ent_store *h) {
    batch_free(h);
    if (h->chunk_deltas) deltas_free(h->chunk_deltas);
    free(h->chunk_deltas);
    free(h);
}

/* Swap the batches of a and b (whole stories, none open): one side's batch moves, the
 * other's (emptied, its arrays kept for reuse) comes back. */
static void batch_swap(ent_store *a, ent_store *b) {
#define SWAP(f) do { __typeof__(a->f) tmp_ = a->f; a->f = b->f; b->f = tmp_; } while (0)
    SWAP(arena);
    SWAP(stories); SWAP(nstories); SWAP(cap_stories);
    SWAP(sents); SWAP(nsents); SWAP(cap_sents);
    SWAP(events); SWAP(nevents); SWAP(cap_events);
    SWAP(new_actors); SWAP(nactors); SWAP(cap_actors);
#undef SWAP
    a->mark_sents = a->mark_events = b->mark_sents = b->mark_events = 0;
}

/* What a writer's handle (to) writes its next batch by, from where it was handed (from):
 * whether it ends the transaction, the rollup sums to merge after it (moved), the batch
 * size, and full-text indexing or not. */
static void batch_terms(ent_store *to, ent_store *from, int last_chunk, deltas *merge) {
    to->last_chunk = last_chunk;
    if (merge) to->chunk_deltas = merge; /* to's is NULL: taken at its last end */
    to->batch_limit = from->batch_limit;
    if (to->defer_fts != from->defer_fts) {
        to->defer_fts = from->defer_fts;
        to->fts_checked = 0;
    }
}

/* Under wmu, the writer idle or between batches: the first queued batch becomes the one
 * in flight. */
static void writer_pop(writer *w) {
    ent_store *q = w->queue[w->qhead];
    batch_swap(w->sub, q);
    batch_terms(w->sub, q, q->last_chunk, q->chunk_deltas);
    q->chunk_deltas = NULL;
    w->qhead = (w->qhead + 1) % w->qcap;
    w->qlen--;
    w->busy = 1;
}

/* Under wmu, after the writer's thread wrote a batch with result s: its counts and its
 * failure move from sub to the end of w's list, for writer_collect. */
static void writer_counts_take(writer *w, ent_status s) {
    ent_store *sub = w->sub;
    ENT_GROW(w->dones, w->ndones + 1, w->cap_dones);
    batch_done *d = &w->dones[w->ndones++];
    memset(d, 0, sizeof *d);
    d->written = sub->written;
    d->stories = sub->written_stories;
    d->sents = sub->written_sents;
    sub->written = sub->written_stories = sub->written_sents = 0;
    d->open_written = sub->txn_written; /* chunked SQLite: its open transaction */
    d->open_stories = sub->txn_stories;
    d->day = sub->day_written;
    for (int r = 0; r < R_COUNT; r++) {
        d->rollup[r] = sub->written_rollup[r];
        sub->written_rollup[r] = 0;
    }
    d->result = s;
    if (s) {
        d->error = ent_xstrdup(ent_store_error(sub));
        ent_diag_clear(sub->diag);
    }
}

static void *writer_main(void *arg) {
    writer *w = arg;
    ent_store *st = w->owner;
    pthread_mutex_lock(&st->wmu);
    for (;;) {
        while (!w->busy && !st->wquit) pthread_cond_wait(&st->wcv, &st->wmu);
        if (!w->busy) break;
        pthread_mutex_unlock(&st->wmu);
        ent_status s = flush_sync(w->sub);
        pthread_mutex_lock(&st->wmu);
        if (st->ckpt_db && !w->sub->txn_open && w->sub->last_chunk) { /* committed: checkpoint meanwhile */
            st->ckpt_wanted = 1;
            pthread_cond_signal(&st->ckpt_cv);
        }
        writer_counts_take(w, s);
        if (w->qlen) writer_pop(w);
        else w->busy = 0;
        pthread_cond_broadcast(&st->wcv);
    }
    pthread_mutex_unlock(&st->wmu);
    return NULL;
}

/* Main thread: the batches writer w has written since the last collection, each once and
 * in order (wait: until it has written all it was handed; else at once, ENT_OK if none).
 * Each one's counts join the handle's, with a progress report; a failure becomes the
 * handle's error, and the first is returned. */
static ent_status writer_collect_done(ent_store *st, writer *w, int wait, int *busy);

static ent_status writer_collect(ent_store *st, writer *w, int wait) {
    ent_status result = ENT_OK, s;
    int busy = 1;
    do { /* waiting: each batch's counts as it is written (progress reported batch by batch) */
        if ((s = writer_collect_done(st, w, wait, &busy)) && !result) result = s;
    } while (wait && busy);
    return result;
}

/* writer_collect's step: the batches written so far (wait: at least one, unless the writer
 * is idle); *busy: whether it was still writing. */
static ent_status writer_collect_done(ent_store *st, writer *w, int wait, int *busy) {
    pthread_mutex_lock(&st->wmu);
    while (wait && w->busy && !w->ndones) pthread_cond_wait(&st->wcv, &st->wmu);
    *busy = w->busy;
    /* PostgreSQL's writers queue nothing: collected once idle (its months are read from
     * sub below); SQLite's one writer may be writing the next batch meanwhile */
    int done = w->ndones && (w->qcap || !w->busy);
    batch_done *dones = NULL;
    size_t ndones = 0;
    if (done) {
        dones = w->dones, ndones = w->ndones;
        w->dones = NULL;
        w->ndones = w->cap_dones = 0;
    }
    pthread_mutex_unlock(&st->wmu);
    if (!done) return ENT_OK;
    ent_store *sub = w->sub;
    for (size_t i = 0; !w->qcap && i < sub->months.cap; i++) {
        if (!sub->months.keys[i]) continue;
        void **v = ent_strmap_slot(&st->months, sub->months.keys[i], sub->months.klens[i], NULL);
        *v = (void *)((intptr_t)*v + (intptr_t)sub->months.vals[i]);
        sub->months.vals[i] = NULL;
    }
    ent_strmap_free(&w->ids);
    ent_strmap_init(&w->ids);
    ent_status result = ENT_OK;
    for (size_t i = 0; i < ndones; i++) { /* batch by batch, as they were written */
        batch_done *d = &dones[i];
        st->written += d->written;
        st->written_stories += d->stories;
        st->written_sents += d->sents;
        st->open_written = d->open_written;
        st->open_stories = d->open_stories;
        if (d->day > st->day_written) st->day_written = d->day;
        for (int r = 0; r < R_COUNT; r++) st->written_rollup[r] += d->rollup[r];
        progressed(st);
        if (d->result != ENT_OK) {
            fail(st, d->result, "%s", d->error);
            /* the failed batch's actor codes were not stored (see flush_sync) */
            ent_strmap_free(&st->actors);
            ent_strmap_init(&st->actors);
            if (!result) result = d->result;
        }
        free(d->error);
    }
    free(dones);
    return result;
}

/* Flushing, every batch handed: wait until some writer is idle.  When another writer is
 * still writing, the idle one's result is collected (a failure into *err, if none yet) and
 * it is returned: its connection is unused until it is handed a batch.  Else NULL. */
static writer *writers_first_idle(ent_store *st, ent_status *err) {
    writer *idle = NULL;
    int busy = 0;
    pthread_mutex_lock(&st->wmu);
    while (!idle) {
        busy = 0;
        for (int i = 0; i < st->nwriters; i++) {
            if (st->writers[i].busy) busy++;
            else if (!idle) idle = &st->writers[i];
        }
        if (!idle) pthread_cond_wait(&st->wcv, &st->wmu);
    }
    pthread_mutex_unlock(&st->wmu);
    if (!busy) return NULL;
    ent_status s = writer_collect(st, idle, 0);
    if (s && !*err) *err = s;
    return idle;
}

/* Wait until every writer has written its batch; the first failure met. */
static ent_status writers_drain(ent_store *st) {
    ent_status err = ENT_OK;
    for (int i = 0; i < st->nwriters; i++) {
        ent_status s = writer_collect(st, &st->writers[i], 1);
        if (s && !err) err = s;
    }
    return err;
}

/* Wait for the writer whose batch in flight holds story id (none: nothing to wait for). */
static ent_status writers_wait_story(ent_store *st, const char *id) {
    for (int i = 0; i < st->nwriters; i++)
        if (ent_strmap_key(&st->writers[i].ids, id, strlen(id))) return writer_collect(st, &st->writers[i], 1);
    return ENT_OK;
}

/* Chunked SQLite load, on the handing thread: the full-text tokens of the chunk's sentences,
 * made by SQLite's own tokenizer on this handle's connection and kept in the batch, so the
 * writer's connection replays them instead of tokenising (ftstok.c).  Without a tokenizer
 * (no FTS5) nothing is made and the writer tokenises. */
static void tokens_ahead(ent_store *st) {
    if (!st->ftstok) st->ftstok = ent_ftstok_new(ent_db_ftstok(st->db));
    for (size_t i = 0; st->ftstok && i < st->nsents; i++) {
        b_sentence *r = &st->sents[i];
        ent_buf_clear(&st->tokbuf);
        if (!r->text || !ent_ftstok_run(st->ftstok, r->text, strlen(r->text), &st->tokbuf)) continue;
        char *t = ent_arena_alloc(&st->arena, st->tokbuf.len + 1);
        if (st->tokbuf.len) memcpy(t, st->tokbuf.data, st->tokbuf.len);
        r->toks = t;
        r->ntoks = st->tokbuf.len;
    }
}

/* Hand the batch (whole stories, no story open) to an idle writer and return without
 * waiting for it to be written.  A story of the batch still in flight in an earlier batch
 * is waited for first, so the later copy replaces the earlier one as with one connection.
 * Returns the failure of an earlier batch written meanwhile, if any (that batch is lost,
 * as a failed batch is with one connection); this one is handed on either way. */
static ent_status flush_async(ent_store *st, int end_txn) {
    ent_status err = ENT_OK, s;
    for (int i = 0; i < st->nwriters; i++)
        if ((s = writer_collect(st, &st->writers[i], 0)) && !err) err = s;
    for (size_t k = 0; !st->chunked && k < st->nstories; k++)
        if ((s = writers_wait_story(st, st->stories[k].id)) && !err) err = s;
    /* chunked (SQLite): this chunk ends the transaction when it fills the batch, or when
     * asked (a flush); an empty chunk only ends it */
    int ends = !st->chunked || end_txn || st->txn_events + (long)st->nevents >= st->batch_limit;
    int hands = st->nstories && !st->in_story; /* else the writer's handle stays empty since its last chunk */
    long before = st->handed, after = before + (hands ? (long)st->nevents : 0);
    deltas *merge = NULL;
    if (hands && st->chunked && !st->defer_fts) tokens_ahead(st);
    if (hands && st->chunked) { /* the chunk's rollup sums, summed and sorted here: a run */
        deltas *run = ent_xmalloc(sizeof *run);
        deltas_init(run);
        deltas_of_events(st, run);
        for (int r = 0; r < R_COUNT; r++) rsum_sort(&run->R[r]);
        ENT_GROW(st->txn_runs, st->nruns + 1, st->cap_runs);
        st->txn_runs[st->nruns++] = run;
    }
    if (st->chunked && st->nruns && (ends || before / st->merge_every != after / st->merge_every)) {
        /* The sums since the last merge go with this chunk, sorted here: the writer thread
         * (the load's bottleneck) neither sums nor sorts them (a fifth of its share of a
         * 200k transaction's end), and merges them after the chunk's rows.  Merged at the
         * transaction's end only, the work of a whole transaction (200k events: about 550k
         * UPSERTs, the full-text index of its sentences) fell on the stretch of a load in
         * which it ended, which then cost twice the CPU of the others; merged also each
         * time the events handed pass a multiple of merge_every, on the same grid as a
         * load's report lines (100k in the bench), each stretch merges the sums of about
         * that many events.  Still one commit per transaction: a rollback undoes the
         * merges made inside it with its rows. */
        merge = deltas_of_runs(st->txn_runs, st->nruns);
        st->nruns = 0;
    }
    /* Only now wait for the writer: the summing, sorting and merging above run while it still
     * writes the chunk before.  Done after the wait, they had left the writer idle for
     * the reading thread's largest share of the work: at 1M events in random date order
     * the two threads ran one after the other (42 s for 45 CPU-s), not side by side. */
    writer *w = NULL;
    ent_store *into = NULL; /* an idle writer's handle, or the next place in SQLite's writer's queue */
    pthread_mutex_lock(&st->wmu);
    while (!w) {
        for (int i = 0; !w && i < st->nwriters; i++) {
            writer *c = &st->writers[i];
            if (!c->busy) w = c, into = c->sub;
            else if (c->qlen < c->qcap) w = c, into = c->queue[(c->qhead + c->qlen) % c->qcap];
        }
        if (!w) pthread_cond_wait(&st->wcv, &st->wmu);
    }
    pthread_mutex_unlock(&st->wmu);
    /* into is the main thread's until handed below: the writer touches neither an idle
     * writer's handle nor a place behind its queue */
    if ((s = writer_collect(st, w, 0)) && !err) err = s;
    st->txn_events = ends ? 0 : st->txn_events + (long)st->nevents;
    if (hands) {
        batch_swap(into, st);
        if (w->qcap) { /* one writer, in order: a story's later copy is always written after the earlier */
            ent_strmap_free(&st->batch_ids);
            ent_strmap_init(&st->batch_ids);
        } else {
            ent_strmap tmp = w->ids; /* empty: collected above */
            w->ids = st->batch_ids;
            st->batch_ids = tmp;
        }
    }
    batch_terms(into, st, ends, merge);
    st->handed = after;
    pthread_mutex_lock(&st->wmu);
    if (into == w->sub) w->busy = 1;
    else if (w->qlen++, !w->busy) writer_pop(w); /* the writer ended its batch meanwhile */
    pthread_cond_broadcast(&st->wcv);
    pthread_mutex_unlock(&st->wmu);
    return err;
}

/* The batch is full (or must be written before a story in it is met again): written now,
 * or handed to a writer. */
static ent_status flush_batch(ent_store *st) {
    if (st->nwriters && !st->in_story) return st->nstories ? flush_async(st, 0) : ENT_OK;
    return ent_store_flush(st);
}

ent_status ent_store_flush(ent_store *st) {
    if (!st->nwriters) return flush_sync(st);
    ent_status err = ENT_OK, s;
    if (st->nstories && !st->in_story) err = flush_async(st, 1);
    else if (st->txn_events) err = flush_async(st, 1); /* chunked: only the open transaction committed */
    /* PostgreSQL: once one writer has committed while another still writes (at the end of
     * a load of two batches, the second merges its rollups, which waited for the first's
     * commit), the full-text index's pending list is merged on the idle writer's connection
     * meanwhile, instead of by ent_store_close after the last commit (0.6-0.8 s of a 100k
     * load that one core ran alone).  Entries of a transaction still open are merged too
     * (GIN's pending list holds no visibility); what is written after the merge began is
     * merged at close, as before.  Only once GIN_EARLY_SENTS sentences have been written
     * since the last such merge, so a load whose input arrives slowly (a flush whenever it
     * would wait) still merges the list in few, large passes (ent_store_set_batch). */
    pthread_t gin_thread;
    int gin = 0;
    if (is_pg(st) && st->batch_limit > 1 && !st->defer_fts) {
        writer *w = writers_first_idle(st, &err);
        if (w && st->written_sents - st->gin_mark >= GIN_EARLY_SENTS &&
            pthread_create(&gin_thread, NULL, gin_clean_main, w->sub->db) == 0)
            gin = 1;
    }
    if ((s = writers_drain(st)) && !err) err = s;
    if (gin) {
        pthread_join(gin_thread, NULL);
        st->gin_mark = st->written_sents;
    }
    /* a story still open: the finished ones written here, after every batch before them */
    if (st->nstories && (s = flush_sync(st)) && !err) err = s;
    return err;
}

ent_status ent_store_set_writers(ent_store *st, int n) {
    ent_diag_clear(st->diag);
    if (n < 2 || st->nwriters) return ENT_OK;
    if (n > 8) n = 8;
    if (!is_pg(st)) n = 1; /* SQLite: one writer at a time; the caller's thread reads on */
    ent_status s = ent_store_flush(st);
    if (s) return s;
    /* the full-text index created (or dropped) here, outside the writers' transactions:
     * two writers creating it inside theirs would each wait for the other's table lock */
    if (is_pg(st) && !st->fts_checked && fts_step(st) != ENT_OK) {
        st->fts_checked = 0;
        return fail(st, ENT_ERR_IO, "writers: full-text index: %s", ent_db_error(st->db));
    }
    writer *ws = ent_xcalloc((size_t)n, sizeof *ws);
    int opened = 0;
    for (; opened < n; opened++) {
        db *d;
        if (ent_db_open(st->uri, 0, st->diag, &d) != ENT_OK) break;
        writer *w = &ws[opened];
        w->owner = st;
        w->sub = store_new(d, st->uri, 1 << 16);
        ent_store_set_batch(w->sub, st->batch_limit);
        w->sub->defer_fts = st->defer_fts;
        w->sub->fts_checked = is_pg(st);
        w->sub->in_chunks = !is_pg(st);
        if (is_pg(st)) {
            w->sub->parent = st;
            w->sub->windex = opened;
        } else {
            w->qcap = LITE_AHEAD;
            w->queue = ent_xcalloc(LITE_AHEAD, sizeof *w->queue);
            for (int q = 0; q < LITE_AHEAD; q++) w->queue[q] = batch_holder_new();
        }
        ent_strmap_init(&w->ids);
    }
    if (opened < n) {
        for (int i = 0; i < opened; i++) {
            writer_free(&ws[i]);
        }
        free(ws);
        return fail(st, ENT_ERR_IO, "writers: cannot open connection %d of %d", opened + 1, n);
    }
    pthread_mutex_init(&st->wmu, NULL);
    pthread_cond_init(&st->wcv, NULL);
    pthread_mutex_init(&st->mmu, NULL);
    pthread_cond_init(&st->mcv, NULL);
    pthread_cond_init(&st->ckpt_cv, NULL);
    st->writers = ws;
    st->wquit = 0;
    st->chunked = !is_pg(st);
    st->txn_events = 0;
    /* SQLite: checkpoints on a thread of their own (ckpt_main); without one (no second
     * connection or thread) the writer's connection checkpoints as usual */
    if (st->chunked && ent_db_open(st->uri, 0, st->diag, &st->ckpt_db) == ENT_OK) {
        if (pthread_create(&st->ckpt_thread, NULL, ckpt_main, st) == 0) {
            ent_db_exec_script(ws[0].sub->db, "PRAGMA wal_autocheckpoint=0");
        } else {
            ent_db_close(st->ckpt_db);
            st->ckpt_db = NULL;
        }
    }
    ent_diag_clear(st->diag);
    for (int i = 0; i < n; i++) {
        if (pthread_create(&ws[i].thread, NULL, writer_main, &ws[i]) != 0) {
            writers_stop(st, i, n);
            return fail(st, ENT_ERR_IO, "writers: cannot start thread %d of %d", i + 1, n);
        }
    }
    st->nwriters = n;
    return ENT_OK;
}

/* Tell the writer threads (the first nthreads) to end once idle, and wait for them.  The
 * SQLite checkpointer, if any, finishes the checkpoint it is running and ends too, on its
 * own: writers_stop waits for it. */
static void writers_join(ent_store *st, int nthreads) {
    pthread_mutex_lock(&st->wmu);
    st->wquit = 1;
    pthread_cond_broadcast(&st->wcv);
    pthread_mutex_unlock(&st->wmu);
    for (int i = 0; i < nthreads; i++) pthread_join(st->writers[i].thread, NULL);
}

/* Stop the writers' first nthreads threads (each after its batch; 0: writers_join ended
 * them already), the checkpointer, and close the nhandles handles. */
static void writers_stop(ent_store *st, int nthreads, int nhandles) {
    writers_join(st, nthreads);
    if (st->ckpt_db) {
        pthread_mutex_lock(&st->wmu);
        pthread_cond_signal(&st->ckpt_cv);
        pthread_mutex_unlock(&st->wmu);
        pthread_join(st->ckpt_thread, NULL);
        ent_db_close(st->ckpt_db);
        st->ckpt_db = NULL;
    }
    st->chunked = 0;
    for (int i = 0; i < nhandles; i++) {
        writer_free(&st->writers[i]);
    }
    free(st->writers);
    st->writers = NULL;
    st->nwriters = 0;
    pthread_cond_destroy(&st->wcv);
    pthread_cond_destroy(&st->ckpt_cv);
    pthread_mutex_destroy(&st->wmu);
    pthread_cond_destroy(&st->mcv);
    pthread_mutex_destroy(&st->mmu);
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
    if ((p == ENT_PERIOD_DAY || p == ENT_PERIOD_MONTH) && y >= 1000 && y <= 9999) {
        /* by hand: a label per aggregate row (snprintf was a tenth of a long aggregate's CPU) */
        char *o = out;
        for (long div = 1000; div; div /= 10) *o++ = (char)('0' + y / div % 10);
        *o++ = '-';
        *o++ = (char)('0' + m / 10);
        *o++ = (char)('0' + m % 10);
        if (p == ENT_PERIOD_DAY) { *o++ = '-'; *o++ = (char)('0' + d / 10); *o++ = (char)('0' + d % 10); }
        *o = 0;
    } else if (p == ENT_PERIOD_DAY) snprintf(out, 48, "%04ld-%02ld-%02ld", y, m, d);
    else if (p == ENT_PERIOD_MONTH) snprintf(out, 48, "%04ld-%02ld", y, m);
    else {
        int week;
        long ty = ent_date_iso_week(date, &week);
        snprintf(out, 48, "%04ld-W%02d", ty, week);
    }
}

/* ---- queries ------------------------------------------------------------------------- */

/* Which table a query reads (store_int.h), as it is named in FROM. */
static const char *const TABLE_SQL[] = {"events e", "rollup_series e", "rollup_actor_day e", "rollup_actor_month e",
                                        "rollup_dyad e", "rollup_dyad_month e", "rollup_actor e"};

static void w_and(where *w) { ent_buf_puts(&w->sql, w->sql.len ? " AND " : " WHERE "); }

/* "col = ?" or, for a value ending in '*', the prefix as a range: col >= 'USA' AND col < 'USB'. */
static void w_match(where *w, const char *col, const char *v) {
    size_t n = strlen(v);
    if (n > 0 && v[n - 1] == '*' && w->nowned + 2 <= (int)(sizeof w->owned / sizeof w->owned[0])) {
        char *lo = ent_xstrndup(v, n - 1), *hi = ent_xstrndup(v, n - 1);
        w->owned[w->nowned++] = lo;
        w->owned[w->nowned++] = hi;
        size_t k = n - 1;
        while (k > 0 && (unsigned char)hi[k - 1] == 0xff) hi[--k] = 0;
        if (k == 0) { ent_buf_printf(&w->sql, "%s >= ?", col); w->p[w->np++] = db_text(lo); return; }
        hi[k - 1] = (char)((unsigned char)hi[k - 1] + 1);
        ent_buf_printf(&w->sql, "(%s >= ? AND %s < ?)", col, col);
        w->p[w->np++] = db_text(lo);
        w->p[w->np++] = db_text(hi);
    } else {
        ent_buf_printf(&w->sql, "%s = ?", col);
        w->p[w->np++] = db_text(v);
    }
}

static int has(const char *s) { return s && *s; }

/* SQLite: rollup_dyad_month has one key, (month, source, target) (schema.c, version 12).
 * A date range over it, or none, is written as the list of its months,
 *   e.month IN (every month from the first stored one in the range to the last),
 * so that a dyad or a source, alone or joined to a list of dyads, is read by one seek of
 * the key per month (month = ? AND source = ? AND target = ?), and a scan of the months
 * walks the key in order as a range would.  The list is made by the database from two
 * seeks (the first and last stored month) and counts every calendar month between them;
 * month 0 (undated events) is in it only when no date bounds the range.  lo, hi: the
 * range's first and last month, 0 when open. */
static void w_months(where *w, const char *col, long lo, long hi) {
    ent_buf_printf(&w->sql,
                   "%s IN (WITH RECURSIVE mo(m) AS (SELECT (SELECT min(month) FROM rollup_dyad_month WHERE month >= ?)"
                   " UNION ALL SELECT CASE WHEN m %% 100 = 12 THEN m + 89 ELSE m + 1 END FROM mo"
                   " WHERE m < (SELECT max(month) FROM rollup_dyad_month WHERE month <= ?)) SELECT m FROM mo%s)",
                   col, lo > 0 || hi > 0 ? "" : " UNION ALL SELECT 0");
    w->p[w->np++] = db_int(lo > 0 ? lo : 1);
    w->p[w->np++] = db_int(hi > 0 ? hi : 999999);
}

/* Date filter aligned to whole months (so the month rollups can answer). */
static int month_aligned(const ent_store_filter *f) {
    if (f->date_from > 0 && f->date_from % 100 != 1) return 0;
    if (f->date_to > 0) {
        long y = f->date_to / 10000, m = f->date_to / 100 % 100;
        if (m < 1 || m > 12 || f->date_to % 100 < days_in_month(y, m)) return 0;
    }
    return 1;
}

/* The table that answers filter f at the given period and grouping with the fewest rows
 * read (the rollups in schema.c, version 4); the events table when none can.  A rollup
 * keyed by actor counts an event for each of its actors, so it answers a filter on one
 * exact actor ungrouped (the event is counted once for that actor), or no actor filter;
 * the dyad rollups answer any actor, prefix and dyad filter. */
table ent_store_pick_table(const ent_store_filter *f, ent_period period, ent_group group, int by_category) {
    ent_store_filter none = {0};
    if (!f) f = &none;
    if (has(f->code) || has(f->story_id) || has(f->text) || f->quad < 0 || f->quad > 4) return T_EVENTS;
    int dates = f->date_from > 0 || f->date_to > 0, root = has(f->root);
    int pairs = has(f->source) || has(f->target) || (has(f->dyad_a) && has(f->dyad_b));
    int actorish = has(f->actor) || pairs || f->dyadic;
    int one_actor = has(f->actor) && f->actor[strlen(f->actor) - 1] != '*' && !pairs && !f->dyadic;
    int all_time = period == ENT_PERIOD_ALL && !dates;
    int by_month = (period == ENT_PERIOD_MONTH || period == ENT_PERIOD_ALL) && month_aligned(f);
    if (by_category) { /* root x PLOVER x quad counts */
        if (!actorish) return T_SERIES;
        return one_actor && !dates ? T_ACTOR : T_EVENTS;
    }
    if (group == ENT_GROUP_NONE && !actorish) return T_SERIES;
    if ((group == ENT_GROUP_NONE && one_actor) || (group == ENT_GROUP_ACTOR && !actorish)) {
        if (all_time) return T_ACTOR;
        if (root) return T_EVENTS;
        if (group == ENT_GROUP_ACTOR && by_month) return T_ACTOR_MONTH;
        return T_ACTOR_DAY;
    }
    if (root) return T_EVENTS;
    if (all_time) return T_DYAD;
    /* the month x dyad rollup, scanned by month or, for a source or a dyad (a source and
     * a target either way), read by seeks of its key month by month (on PostgreSQL through
     * its index by dyad, source, target, month): a dyad's series by month is one row per
     * month.  With an actor filter (source or
     * target) or a target alone the events find fewer rows: on PostgreSQL through their
     * actor indexes, on SQLite through the actors' days (where_days). */
    int by_source = has(f->source) || (has(f->dyad_a) && has(f->dyad_b));
    if (by_month && !has(f->actor) && (!pairs || by_source)) return T_DYAD_MONTH;
    return T_EVENTS;
}

static int keyed_by_actor(table t) { return t == T_ACTOR || t == T_ACTOR_DAY || t == T_ACTOR_MONTH; }

void ent_store_agg_sums(ent_buf *q, table t, int quad, int whole) {
    const char *sum = whole ? "" : "sum";
    if (t == T_EVENTS) {
        ent_buf_puts(q, "count(*), sum(CASE WHEN e.quad = 1 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad = 2 THEN 1 ELSE 0 END),"
                        " sum(CASE WHEN e.quad = 3 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END),"
                        " sum(CAST(round(coalesce(e.goldstein, 0) * 1000) AS BIGINT))");
    } else if (quad >= 1 && quad <= 4) { /* the where clause keeps rows with events of that class */
        ent_buf_printf(q, "%s(e.n%d)", sum, quad);
        for (int k = 1; k <= 4; k++) {
            if (k == quad) ent_buf_printf(q, ", %s(e.n%d)", sum, k);
            else ent_buf_puts(q, ", 0");
        }
        ent_buf_printf(q, ", %s(e.g%d)", sum, quad);
    } else {
        ent_buf_printf(q, "%s(e.events), %s(e.n1), %s(e.n2), %s(e.n3), %s(e.n4), %s(e.goldstein_milli)", sum, sum, sum, sum,
                       sum, sum);
    }
}

const char *ent_store_table_sql(table t) { return TABLE_SQL[t]; }

/* SQLite keeps no index of events by actor (schema version 11): each cost a random
 * insert per event, more than a third of a bulk load's row writing.  A filter on actors
 * reads instead the days on which they have events, from rollup_actor_day (keyed by
 * actor and day, kept in the load's transactions), each day's events through events_order
 * (date first; it holds source and target, so the filter is tested there).  Two actors
 * (a dyad, or an actor and a source or target) read the days both have, and a pair
 * (source and target, or dyad) only within the months the pair has events
 * (rollup_dyad_month: on SQLite a seek of its key per month and direction, w_months).  Undated events are named
 * by no day: they are read too, unless a date range leaves them out.  The absent actor
 * '---' has no days (the rollups leave it out): a filter value that matches it guides
 * nothing. */
static int matches_absent(const char *v) {
    size_t n = strlen(v);
    return n && v[n - 1] == '*' ? n - 1 <= 3 && !strncmp(v, "---", n - 1) : !strcmp(v, "---");
}

/* The actors whose days guide f (at most two, into a; the first is one of every matching
 * event's actors), and whether they are a pair; returns how many. */
static int days_actors(const ent_store_filter *f, const char *a[2], int *pair) {
    int n = 0, dyad = has(f->dyad_a) && has(f->dyad_b);
    const char *cand[3] = {dyad ? f->dyad_a : f->actor, dyad ? f->dyad_b : f->source, dyad ? NULL : f->target};
    for (int i = 0; i < 3 && n < 2; i++)
        if (has(cand[i]) && !matches_absent(cand[i])) a[n++] = cand[i];
    /* a pair: the dyad, or a source and a target (no other actor filter) */
    *pair = n == 2 && (dyad || (!has(f->actor) && a[0] == f->source && a[1] == f->target));
    return n;
}

/* How where_build reads SQLite's events for an actor filter: not by days (DAYS_NONE), by
 * the actors' days and the undated events too (DAYS_ALL: the undated events are then a
 * second range of events_order, which costs SQLite the order of the index, so a listing
 * collects and sorts its matches), or by the days alone (DAYS_DATED: the caller knows
 * that the actors have no undated events, or the filter has a date range). */
enum { DAYS_NONE, DAYS_ALL, DAYS_DATED };

static void where_days(where *w, const ent_store_filter *f, db_kind kind, int mode) {
    if (kind != DB_SQLITE || !f || mode == DAYS_NONE) return;
    const char *a[2];
    int pair, n = days_actors(f, a, &pair), dyad = has(f->dyad_a) && has(f->dyad_b);
    if (!n) return;
    int dated = f->date_from > 0 || f->date_to > 0 || mode == DAYS_DATED;
    w_and(w);
    ent_buf_puts(&w->sql, dated ? "e.date IN (" : "(e.date IS NULL OR e.date IN (");
    for (int i = 0; i < n; i++) {
        if (i) ent_buf_puts(&w->sql, " INTERSECT ");
        ent_buf_puts(&w->sql, "SELECT day FROM rollup_actor_day WHERE ");
        w_match(w, "actor", a[i]);
        ent_buf_puts(&w->sql, " AND day > 0");
        if (f->date_from > 0) { ent_buf_puts(&w->sql, " AND day >= ?"); w->p[w->np++] = db_int(f->date_from); }
        if (f->date_to > 0) { ent_buf_puts(&w->sql, " AND day <= ?"); w->p[w->np++] = db_int(f->date_to); }
    }
    if (pair) { /* the pair's months: one seek per month and direction (w_months) */
        ent_buf_puts(&w->sql, " AND day / 100 IN (");
        for (int side = 0; side < 1 + dyad; side++) {
            ent_buf_puts(&w->sql, side ? " UNION ALL SELECT month FROM rollup_dyad_month WHERE "
                                       : "SELECT month FROM rollup_dyad_month WHERE ");
            w_months(w, "month", f->date_from > 0 ? f->date_from / 100 : 0, f->date_to > 0 ? f->date_to / 100 : 0);
            ent_buf_puts(&w->sql, " AND ");
            w_match(w, "source", a[side]); ent_buf_puts(&w->sql, " AND "); w_match(w, "target", a[1 - side]);
        }
        ent_buf_puts(&w->sql, ")");
    }
    ent_buf_puts(&w->sql, dated ? ")" : "))");
}

/* The date range of f over table t. */
static void where_dates(where *w, const ent_store_filter *f, table t, db_kind kind) {
    const char *dcol = t == T_EVENTS ? "e.date" : (t == T_SERIES || t == T_ACTOR_DAY) ? "e.day" : "e.month";
    long div = (t == T_ACTOR_MONTH || t == T_DYAD_MONTH) ? 100 : 1;
    /* PostgreSQL's events are partitioned by month, not date: the months of the range are
     * named too, so the planner opens only their partitions (a listing over all of them
     * took 368 locks at 61 months, most outside the fast path, where 20 concurrent
     * listings met on the lock manager) */
    int months = t == T_EVENTS && kind == DB_PG;
    if (t == T_DYAD_MONTH && kind == DB_SQLITE) { /* with or without a range */
        w_and(w);
        w_months(w, "e.month", f->date_from > 0 ? f->date_from / 100 : 0, f->date_to > 0 ? f->date_to / 100 : 0);
        return;
    }
    if (f->date_from > 0) {
        w_and(w);
        ent_buf_printf(&w->sql, "%s >= ?", dcol);
        w->p[w->np++] = db_int(f->date_from / div);
        if (months) { ent_buf_puts(&w->sql, " AND e.month >= ?"); w->p[w->np++] = db_int(f->date_from / 100); }
    }
    if (f->date_to > 0) {
        w_and(w);
        /* undated events (NULL in the events, 0 in the rollups) match no date range */
        if (t != T_EVENTS && f->date_from <= 0) ent_buf_printf(&w->sql, "%s > 0 AND ", dcol);
        ent_buf_printf(&w->sql, "%s <= ?", dcol);
        w->p[w->np++] = db_int(f->date_to / div);
        if (months) { ent_buf_puts(&w->sql, " AND e.month <= ?"); w->p[w->np++] = db_int(f->date_to / 100); }
    }
}

/* days: on SQLite's events, where_days's condition (DAYS_*) */
static void where_build(where *w, const ent_store_filter *f, table t, db_kind kind, int days) {
    memset(w, 0, sizeof *w);
    ent_buf_init(&w->sql);
    if (!f) return;
    if (has(f->actor)) {
        w_and(w);
        if (keyed_by_actor(t)) {
            w_match(w, "e.actor", f->actor);
        } else {
            ent_buf_puts(&w->sql, "(");
            w_match(w, "e.source", f->actor); ent_buf_puts(&w->sql, " OR ");
            w_match(w, "e.target", f->actor); ent_buf_puts(&w->sql, ")");
        }
    }
    if (has(f->source)) { w_and(w); w_match(w, "e.source", f->source); }
    if (has(f->target)) { w_and(w); w_match(w, "e.target", f->target); }
    if (has(f->dyad_a) && has(f->dyad_b)) {
        w_and(w); ent_buf_puts(&w->sql, "((");
        w_match(w, "e.source", f->dyad_a); ent_buf_puts(&w->sql, " AND ");
        w_match(w, "e.target", f->dyad_b); ent_buf_puts(&w->sql, ") OR (");
        w_match(w, "e.source", f->dyad_b); ent_buf_puts(&w->sql, " AND ");
        w_match(w, "e.target", f->dyad_a); ent_buf_puts(&w->sql, "))");
    }
    if (f->dyadic) { w_and(w); ent_buf_puts(&w->sql, "e.source <> '---' AND e.target <> '---'"); }
    if (has(f->code)) { w_and(w); w_match(w, "e.code", f->code); }
    if (has(f->root)) { w_and(w); ent_buf_puts(&w->sql, "e.root = ?"); w->p[w->np++] = db_text(f->root); }
    if (f->quad > 0 && t == T_EVENTS) { w_and(w); ent_buf_puts(&w->sql, "e.quad = ?"); w->p[w->np++] = db_int(f->quad); }
    else if (f->quad >= 1 && f->quad <= 4) { w_and(w); ent_buf_printf(&w->sql, "e.n%d > 0", f->quad); }
    where_dates(w, f, t, kind);
    if (has(f->story_id)) { w_and(w); ent_buf_puts(&w->sql, "e.story_id = ?"); w->p[w->np++] = db_text(f->story_id); }
    if (has(f->text) && t == T_EVENTS) ent_where_text(w, f->text, kind); /* ent_store_pick_table: text needs the events */
    if (t == T_EVENTS) where_days(w, f, kind, days);
}

void ent_where_build(where *w, const ent_store_filter *f, table t, db_kind kind) { where_build(w, f, t, kind, DAYS_ALL); }

/* SQLite: whether f's actors have undated events (then a listing by their days reads the
 * undated ones too: DAYS_ALL); an error counts as yes. */
static int days_undated(ent_store *st, const ent_store_filter *f) {
    const char *a[2];
    int pair;
    if (!f || (f->date_from > 0 || f->date_to > 0) || !days_actors(f, a, &pair)) return 0;
    where w;
    memset(&w, 0, sizeof w);
    ent_buf_init(&w.sql);
    ent_buf_puts(&w.sql, "SELECT count(*) FROM (SELECT 1 FROM rollup_actor_day WHERE ");
    w_match(&w, "actor", a[0]);
    ent_buf_puts(&w.sql, " AND day = 0 LIMIT 1)");
    long n = 1;
    if (ent_db_run(st->db, w.sql.data, 0, w.p, w.np, ent_db_row_long, &n) != ENT_OK) n = 1;
    ent_where_free(&w);
    return n > 0;
}

void ent_where_free(where *w) {
    ent_buf_free(&w->sql);
    for (int i = 0; i < w->nowned; i++) free(w->owned[i]);
}

typedef struct ev_cb {
    ent_store_event_fn fn;
    void *user;
    ent_store *st;
    long rows;   /* rows given to fn */
    int stopped; /* fn returned nonzero */
} ev_cb;

static ent_span row_span(const char *a, const char *b) {
    ent_span s = {0, 0};
    if (a && b) { s.start = (uint32_t)strtoul(a, NULL, 10); s.end = (uint32_t)strtoul(b, NULL, 10); }
    return s;
}

static int event_row(const char *const *v, int n, void *user) {
    ev_cb *cb = user;
    if (n < 28) return 1;
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
    c.title = v[25]; c.url = v[26]; c.publisher = v[27];
    snprintf(cb->st->cursor, sizeof cb->st->cursor, "%ld.%s.%s", c.date, v[24] ? v[24] : "0", c.story_id ? c.story_id : "");
    cb->rows++;
    if (cb->fn(&c, &e, cb->user)) cb->stopped = 1;
    return cb->stopped;
}

/* Parse a keyset cursor "DATE.EVENT_INDEX.STORY_ID"; 0 when malformed. */
static int parse_cursor(const char *s, long *date, long *idx, const char **story) {
    char *end;
    *date = strtol(s, &end, 10);
    if (end == s || *end != '.' || *date < 0) return 0;
    s = end + 1;
    *idx = strtol(s, &end, 10);
    if (end == s || *end != '.' || *idx < 0) return 0;
    *story = end + 1;
    return **story != 0;
}

/* The listing's SELECT into q: the page chosen from the events alone under wsql (" WHERE
 * ..." or NULL; the database walks an index and stops after the limit), and only its rows
 * joined to their sentences and stories.  With limit / offset set it ends its inner query
 * with "LIMIT ?" / "OFFSET ?", whose values the caller binds after the WHERE's. */
static void listing_sql(ent_store *st, const ent_store_filter *f, ent_buf *q, const char *wsql, int limit, int offset) {
    const char *nulls = is_pg(st) ? " NULLS FIRST" : "";
    const char *desc = f && f->newest_first ? " DESC" : "";
    const char *dir = f && f->newest_first ? (is_pg(st) ? " DESC NULLS LAST" : " DESC") : nulls;
    ent_buf_printf(q,
                   "SELECT e.story_id, e.sentence_index, s.sentence_id, e.date, s.text, e.sentence_start,"
                   " e.sentence_end, e.source, e.target, e.code, e.root, e.quad, e.goldstein, e.plover,"
                   " e.source_text, e.target_text, e.verb_text, e.issues, e.source_start, e.source_end,"
                   " e.target_start, e.target_end, e.verb_start, e.verb_end, e.event_index, t.title, t.url, t.publisher"
                   " FROM (SELECT * FROM events e%s ORDER BY e.date%s, e.story_id%s, e.event_index%s",
                   wsql ? wsql : "", dir, desc, desc);
    if (limit) ent_buf_puts(q, " LIMIT ?");
    else if (offset && !is_pg(st)) ent_buf_puts(q, " LIMIT -1");
    if (offset) ent_buf_puts(q, " OFFSET ?");
    ent_buf_printf(q,
                   ") e LEFT JOIN sentences s ON s.story_id = e.story_id AND s.sentence_index = e.sentence_index"
                   " LEFT JOIN stories t ON t.story_id = e.story_id"
                   " ORDER BY e.date%s, e.story_id%s, e.event_index%s", dir, desc, desc);
}

/* Row of the partition catalog: "events_YYYYMM" -> YYYYMM, "events_undated" -> 0, into
 * st->lmonths. */
static int month_row(const char *const *v, int n, void *user) {
    ent_store *st = user;
    if (n < 1 || !v[0]) return 0;
    long m = 0;
    if (strcmp(v[0], "events_undated") != 0) {
        char *end;
        if (strncmp(v[0], "events_", 7) != 0) return 0;
        m = strtol(v[0] + 7, &end, 10);
        if (*end || m < 1) return 0;
    }
    ENT_GROW(st->lmonths, st->nlmonths + 1, st->cap_lmonths);
    st->lmonths[st->nlmonths++] = m;
    return 0;
}

static int cmp_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Seconds a handle keeps its list of month partitions before reading the catalog again. */
#define LMONTHS_TTL 10

/* PostgreSQL, a page of a listing (limit > 0): walked through the month partitions in the
 * listing's order (oldest or newest first; the undated, month 0, first or last), a window
 * of 1, then 2, 4, 8 ... partitions at a time, each statement bounded on month so the
 * planner opens and locks only the window's partitions, until the page is full or the
 * filter's range (its dates and the cursor) is done.  One statement over every partition
 * locked 61 tables and their 5 indexes each (368 locks, most past the 16 of the lock
 * manager's fast path), where 20 concurrent listings met; a window of one month takes 12.
 * The order is the single statement's: a date lies in one month, so the rows of a window
 * all come before those of the next, ties included.  The windows are sized by the
 * partitions the handle knows (the catalog, read again after LMONTHS_TTL seconds, outside
 * the listing's transaction so its locks are not held), but bounded so that together they
 * cover every month of the range, the first and last open-ended: a partition created since
 * is read all the same.  The offset is skipped by counting whole windows, then by the
 * OFFSET of the window it falls in; the doubling bounds the statements to about
 * log2(partitions) + 1 pages and as many counts.  All of it runs in one REPEATABLE READ
 * snapshot (unless the caller has a transaction open), so counts and pages see the same
 * rows.  w is the listing's WHERE (dates, filters, cursor); cb counts the rows given. */
static ent_status pg_list_by_months(ent_store *st, const ent_store_filter *f, const where *w, int has_cursor, long cdate,
                                    ev_cb *cb) {
    int newest = f->newest_first;
    long lo = INT_MIN, hi = INT_MAX; /* months of the range (month is an INTEGER) */
    if (f->date_from > 0 || f->date_to > 0) lo = 1; /* a date range holds no undated event */
    if (f->date_from > 0 && f->date_from / 100 > lo) lo = f->date_from / 100;
    if (f->date_to > 0 && f->date_to / 100 < hi) hi = f->date_to / 100;
    if (has_cursor && cdate > 0) {
        if (newest && cdate / 100 < hi) hi = cdate / 100;
        if (!newest && cdate / 100 > lo) lo = cdate / 100;
    } else if (has_cursor && newest) {
        hi = 0; /* newest first, after an undated row: the undated only */
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!st->lmonths_at.tv_sec || now.tv_sec - st->lmonths_at.tv_sec >= LMONTHS_TTL || ent_db_in_transaction(st->db)) {
        st->nlmonths = 0;
        if (ent_db_run(st->db,
                       "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                       " WHERE i.inhparent = 'events'::regclass",
                       0, NULL, 0, month_row, st) != ENT_OK) {
            st->lmonths_at.tv_sec = 0;
            return fail(st, ENT_ERR_IO, "query: the month partitions: %s", ent_db_error(st->db));
        }
        qsort(st->lmonths, st->nlmonths, sizeof *st->lmonths, cmp_long);
        st->lmonths_at = now;
    }
    /* the known months inside the range, in the listing's order */
    long *m = ent_xmalloc((st->nlmonths + 1) * sizeof *m);
    size_t n = 0;
    for (size_t i = 0; i < st->nlmonths; i++) {
        long v = st->lmonths[newest ? st->nlmonths - 1 - i : i];
        if (v >= lo && v <= hi) m[n++] = v;
    }
    int own_tx = !ent_db_in_transaction(st->db);
    if (own_tx && ent_db_exec_script(st->db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") != ENT_OK) {
        free(m);
        return fail(st, ENT_ERR_IO, "query: %s", ent_db_error(st->db));
    }
    ent_status rc = ENT_OK;
    ent_buf wsql, q;
    ent_buf_init(&wsql);
    ent_buf_init(&q);
    ent_buf_puts(&wsql, w->sql.len ? w->sql.data : "");
    ent_buf_puts(&wsql, w->sql.len ? " AND e.month >= ? AND e.month <= ?" : " WHERE e.month >= ? AND e.month <= ?");
    long need = f->limit, skip = f->offset > 0 ? f->offset : 0;
    long edge = newest ? hi : lo; /* where the next window starts */
    db_param p[DB_MAX_PARAMS];
    memcpy(p, w->p, (size_t)w->np * sizeof *p);
    for (size_t i = 0, size = 1; rc == ENT_OK && need > 0 && !cb->stopped && (i < n || i == 0); i += size, size *= 2) {
        /* this window: from edge to its last known month, or to the range's end */
        long end = newest ? lo : hi;
        if (i + size < n) end = m[i + size - 1];
        else size = n > i ? n - i : 1;
        int np = w->np;
        p[np++] = db_int(newest ? end : edge);
        p[np++] = db_int(newest ? edge : end);
        edge = newest ? end - 1 : end + 1;
        if (skip > 0) { /* the window's rows, when the offset may pass them all */
            long c = 0;
            ent_buf_clear(&q);
            ent_buf_printf(&q, "SELECT count(*) FROM events e%s", wsql.data);
            if (ent_db_run(st->db, q.data, 0, p, np, ent_db_row_long, &c) != ENT_OK) {
                rc = fail(st, ENT_ERR_IO, "query: %s", ent_db_error(st->db));
                break;
            }
            if (c <= skip) { skip -= c; continue; }
        }
        ent_buf_clear(&q);
        listing_sql(st, f, &q, wsql.data, 1, skip > 0);
        p[np++] = db_int(need);
        if (skip > 0) p[np++] = db_int(skip);
        long before = cb->rows;
        if (ent_db_run(st->db, q.data, 0, p, np, event_row, cb) != ENT_OK)
            rc = fail(st, ENT_ERR_IO, "query: %s", ent_db_error(st->db));
        need -= cb->rows - before;
        skip = 0;
    }
    if (own_tx && ent_db_exec_script(st->db, rc == ENT_OK ? "COMMIT" : "ROLLBACK") != ENT_OK && rc == ENT_OK)
        rc = fail(st, ENT_ERR_IO, "query: %s", ent_db_error(st->db));
    ent_buf_free(&wsql);
    ent_buf_free(&q);
    free(m);
    return rc;
}

ent_status ent_store_query_events(ent_store *st, const ent_store_filter *f, ent_store_event_fn fn, void *user,
                                  long *total) {
    ent_diag_clear(st->diag);
    st->cursor[0] = 0;
    ent_status rc = ENT_OK;
    if (total) {
        *total = 0;
        table t = ent_store_pick_table(f, ENT_PERIOD_ALL, ENT_GROUP_NONE, 0);
        where w;
        ent_where_build(&w, f, t, ent_db_get_kind(st->db));
        ent_buf q;
        ent_buf_init(&q);
        int quad = f && f->quad >= 1 && f->quad <= 4 ? f->quad : 0;
        if (t == T_EVENTS) ent_buf_puts(&q, "SELECT count(*)");
        else if (quad) ent_buf_printf(&q, "SELECT sum(e.n%d)", quad);
        else ent_buf_puts(&q, "SELECT sum(e.events)");
        ent_buf_printf(&q, " FROM %s%s", TABLE_SQL[t], w.sql.data ? w.sql.data : "");
        if (ent_db_run(st->db, q.data, 0, w.p, w.np, ent_db_row_long, total) != ENT_OK)
            rc = fail(st, ENT_ERR_IO, "query: %s", ent_db_error(st->db));
        ent_buf_free(&q);
        ent_where_free(&w);
    }
    if (rc == ENT_OK && fn) {
        where w;
        /* SQLite: a page of a filter that matches many events is found fastest by walking
         * the date order and testing each event (50 matches come after a few thousand
         * rows), not by collecting every match through the filter's index and sorting
         * them, nor by reading the actors' days (where_days); the rollup total tells
         * which case this is.  Unary '+' keeps the filter columns from being used as an
         * index. */
        int walk = !is_pg(st) && total && *total >= 10000 && f && f->limit > 0;
        where_build(&w, f, T_EVENTS, ent_db_get_kind(st->db),
                    walk || is_pg(st) ? DAYS_NONE : days_undated(st, f) ? DAYS_ALL : DAYS_DATED);
        if (walk && w.sql.len) {
            static const char *const cols[] = {"e.source", "e.target", "e.code", "e.root", "e.quad"};
            ent_buf b;
            ent_buf_init(&b);
            for (const char *p = w.sql.data; *p;) {
                int hit = 0;
                for (size_t i = 0; i < sizeof cols / sizeof cols[0] && !hit; i++)
                    if (!strncmp(p, cols[i], strlen(cols[i]))) {
                        ent_buf_putc(&b, '+');
                        ent_buf_puts(&b, cols[i]);
                        p += strlen(cols[i]);
                        hit = 1;
                    }
                if (!hit) ent_buf_putc(&b, *p++);
            }
            ent_buf_free(&w.sql);
            w.sql = b;
        }
        long cdate = 0, cidx = 0;
        const char *cstory = NULL;
        if (f && has(f->after)) {
            if (!parse_cursor(f->after, &cdate, &cidx, &cstory)) {
                ent_where_free(&w);
                return fail(st, ENT_ERR_INVALID, "query: bad cursor '%.60s' (expected the 'next' value of a previous page)",
                            f->after);
            }
            w_and(&w);
            /* the rows after the cursor in the query's order: undated rows come first
             * oldest-first and last newest-first */
            /* PostgreSQL: and the cursor's month partition and those after it (before it,
             * and the undated of month 0, newest first), see ent_where_build */
            if (cdate > 0 && is_pg(st)) {
                ent_buf_puts(&w.sql, f->newest_first ? "e.month <= ? AND " : "e.month >= ? AND ");
                w.p[w.np++] = db_int(cdate / 100);
            }
            if (cdate > 0 && !f->newest_first) {
                ent_buf_puts(&w.sql, "(e.date, e.story_id, e.event_index) > (?, ?, ?)");
                w.p[w.np++] = db_int(cdate);
            } else if (cdate > 0) {
                ent_buf_puts(&w.sql, "(e.date IS NULL OR (e.date, e.story_id, e.event_index) < (?, ?, ?))");
                w.p[w.np++] = db_int(cdate);
            } else if (!f->newest_first) {
                ent_buf_puts(&w.sql, "(e.date IS NOT NULL OR (e.story_id, e.event_index) > (?, ?))");
            } else {
                ent_buf_puts(&w.sql, "(e.date IS NULL AND (e.story_id, e.event_index) < (?, ?))");
            }
            w.p[w.np++] = db_text(cstory);
            w.p[w.np++] = db_int(cidx);
        }
        ev_cb cb = {fn, user, st, 0, 0};
        long limit = f ? f->limit : 0, offset = f ? f->offset : 0;
        if (is_pg(st) && limit > 0) {
            rc = pg_list_by_months(st, f, &w, has(f->after), cdate, &cb);
        } else {
            ent_buf q;
            ent_buf_init(&q);
            listing_sql(st, f, &q, w.sql.data, limit > 0, offset > 0);
            int np = w.np;
            if (limit > 0) w.p[np++] = db_int(limit);
            if (offset > 0) w.p[np++] = db_int(offset);
            if (ent_db_run(st->db, q.data, 0, w.p, np, event_row, &cb) != ENT_OK)
                rc = fail(st, ENT_ERR_IO, "query: %s", ent_db_error(st->db));
            ent_buf_free(&q);
        }
        ent_where_free(&w);
    }
    return rc;
}

/* ---- aggregates ---------------------------------------------------------------------- */

typedef struct agg_acc {
    char *key;          /* period \x1f a \x1f b */
    long events, quad[5];
    long long milli;
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
static void agg_add(agg_state *a, const char *period, const char *x, const char *y, long n, const long *q, long long g) {
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
    r->milli += g;
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
    long long g = v[8] ? atoll(v[8]) : 0;
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

typedef struct direct_cb { ent_period period; ent_group group; ent_store_agg_fn fn; void *user; } direct_cb;

/* One fully grouped row -> one ent_store_agg. */
static int direct_row(const char *const *v, int n, void *user) {
    direct_cb *dc = user;
    if (n < 9) return 1;
    char period[48];
    period_label(period, v[0] ? atol(v[0]) : 0, dc->period);
    ent_store_agg row = {0};
    row.period = period;
    row.a = dc->group != ENT_GROUP_NONE ? (v[1] ? v[1] : "---") : NULL;
    row.b = dc->group == ENT_GROUP_DYAD ? (v[2] ? v[2] : "---") : NULL;
    row.events = v[3] ? atol(v[3]) : 0;
    row.quad[0] = row.events;
    for (int k = 1; k <= 4; k++) { row.quad[k] = v[3 + k] ? atol(v[3 + k]) : 0; row.quad[0] -= row.quad[k]; }
    row.goldstein = (double)(v[8] ? atoll(v[8]) : 0) / 1000.0;
    return dc->fn(&row, dc->user);
}

/* Last day (YYYYMMDD) of month m (YYYYMM). */
static long month_end(long m) { return m * 100 + days_in_month(m / 100, m % 100); }
static long next_month(long m) { return m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1; }
static long prev_month(long m) { return m % 100 == 1 ? (m / 100 - 1) * 100 + 12 : m - 1; }

/* Dyad sums kept in C for dyads_month_split: the six values of an aggregate row (events,
 * events of quad class 1..4, Goldstein thousandths), by "source\x1ftarget". */
typedef struct dsum { const char *source, *target; long long v[6]; } dsum;
typedef struct dsums { ent_strmap index; dsum *rows; size_t n, cap; ent_buf key; ent_arena strs; } dsums;

static void dsums_init(dsums *D) {
    memset(D, 0, sizeof *D);
    ent_strmap_init(&D->index);
    ent_buf_init(&D->key);
    ent_arena_init(&D->strs, 1 << 14);
}
static void dsums_free(dsums *D) {
    ent_strmap_free(&D->index);
    ent_buf_free(&D->key);
    ent_arena_free(&D->strs);
    free(D->rows);
}
static dsum *dsums_get(dsums *D, const char *src, const char *tgt) {
    ent_buf_clear(&D->key);
    ent_buf_printf(&D->key, "%s\x1f%s", src, tgt);
    int created = 0;
    void **slot = ent_strmap_slot(&D->index, D->key.data, D->key.len, &created);
    if (created) {
        ENT_GROW(D->rows, D->n + 1, D->cap);
        dsum *r = &D->rows[D->n++];
        memset(r, 0, sizeof *r);
        r->source = ent_arena_strdup(&D->strs, src);
        r->target = ent_arena_strdup(&D->strs, tgt);
        *slot = (void *)(uintptr_t)D->n;
    }
    return &D->rows[(size_t)(uintptr_t)*slot - 1];
}
/* A row "source, target, six sums": added to the dyad's. */
static int dsums_row(const char *const *v, int n, void *user) {
    if (n < 8) return 1;
    dsum *r = dsums_get(user, v[0] ? v[0] : "---", v[1] ? v[1] : "---");
    for (int k = 0; k < 6; k++) r->v[k] += v[2 + k] ? atoll(v[2 + k]) : 0;
    return 0;
}
static int cmp_dsum_top(const void *x, const void *y) {
    const dsum *a = x, *b = y;
    if (a->v[0] != b->v[0]) return a->v[0] < b->v[0] ? 1 : -1;
    int c = strcmp(a->source, b->source);
    return c ? c : strcmp(a->target, b->target);
}
static int cmp_ll_desc(const void *x, const void *y) {
    long long a = *(const long long *)x, b = *(const long long *)y;
    return a < b ? 1 : a > b ? -1 : 0;
}

/* The SQL (into q, parameters into p; returns their number) of every sum over the whole
 * months (wm) of some candidates of top_dyads_pruned, the dyads with at least floor_v
 * events over all dates (wd): ranked = 1, the `n` with most events in the months, as rows
 * "0, source, target, sums" most first; ranked = 0, those with at least n events in the
 * months, as "source, target, sums".  Which ones is decided from their counts first (on
 * PostgreSQL from the index by dyad alone); only they have their sums read. */
static int chosen_sums(ent_buf *q, db_param *p, const where *wd, const where *wm, int quad, long long floor_v, int ranked,
                       long long n) {
    char cnt[16];
    if (quad) snprintf(cnt, sizeof cnt, "e.n%d", quad);
    else snprintf(cnt, sizeof cnt, "e.events");
    const char *wds = wd->sql.data ? wd->sql.data : "", *wms = wm->sql.data ? wm->sql.data : " WHERE true";
    int np = 0;
    for (int i = 0; i < wd->np; i++) p[np++] = wd->p[i];
    p[np++] = db_int(floor_v);
    for (int i = 0; i < wm->np; i++) p[np++] = wm->p[i];
    p[np++] = db_int(n);
    for (int i = 0; i < wm->np; i++) p[np++] = wm->p[i];
    ent_buf_clear(q);
    ent_buf_puts(q, ranked ? "SELECT 0, e.source, e.target, " : "SELECT e.source, e.target, ");
    ent_store_agg_sums(q, T_DYAD_MONTH, quad, 0);
    ent_buf_printf(q, " FROM (SELECT e.source, e.target FROM (SELECT e.source, e.target FROM rollup_dyad e%s%s%s >= ?) d"
                      " CROSS JOIN rollup_dyad_month e%s AND e.source = d.source AND e.target = d.target"
                      " GROUP BY e.source, e.target %s%s%s ?) d"
                      " CROSS JOIN rollup_dyad_month e%s AND e.source = d.source AND e.target = d.target"
                      " GROUP BY e.source, e.target%s",
                   wds, wd->sql.len ? " AND " : " WHERE ", cnt, wms, ranked ? "ORDER BY sum(" : "HAVING sum(", cnt,
                   ranked ? ") DESC, e.source, e.target LIMIT" : ") >=", wms, ranked ? " ORDER BY 4 DESC, e.source, e.target" : "");
    return np;
}

/* The `top` dyads with most events over a range, without summing every dyad of the
 * range: a dyad's events over all dates (rollup_dyad) bound its events in any range.  The
 * range counts of the 4 x `top` dyads of all dates (seeds: more than `top`, for a floor
 * nearer the true one) give a floor L, the top-th largest; only dyads with at least L
 * events over all dates can be in the top, so only they are summed, dyad by dyad (CROSS
 * JOIN: SQLite keeps that join order; its key read month by month, PostgreSQL's index
 * rollup_dyad_month_dyad), and the
 * top ones given to fn.  The range is the whole months of `in` plus, when it does not
 * fall on months' edges, the days at its ends, whose sums by dyad are in `edges` (empty
 * otherwise; dyads_month_split).  *done is 0 when the floor is unknown (fewer than `top`
 * seeds have events in the range): the caller then sums every dyad. */
static ent_status top_dyads_pruned(ent_store *st, const ent_store_filter *in, int quad, long top, dsums *edges, ent_store_agg_fn fn,
                                   void *user, int *done) {
    *done = 0;
    char cnt[16];
    if (quad) snprintf(cnt, sizeof cnt, "e.n%d", quad);
    else snprintf(cnt, sizeof cnt, "e.events");
    ent_store_filter all = *in;
    all.date_from = all.date_to = 0;
    where wd, wm;
    db_kind k = ent_db_get_kind(st->db);
    ent_where_build(&wd, &all, T_DYAD, k);
    ent_where_build(&wm, in, T_DYAD_MONTH, k);
    const char *wds = wd.sql.data ? wd.sql.data : "", *wms = wm.sql.data ? wm.sql.data : " WHERE true";
    const char *and = wd.sql.len ? " AND " : " WHERE ";
    long long max_edge = 0; /* the most events of one dyad on the edge days */
    for (size_t i = 0; i < edges->n; i++) if (edges->rows[i].v[0] > max_edge) max_edge = edges->rows[i].v[0];
    db_param p[96];
    ent_buf q;
    ent_buf_init(&q);
    dsums seeds, cands, full;
    dsums_init(&seeds);
    dsums_init(&cands);
    dsums_init(&full);
    ent_status rc = ENT_OK;
    long long *counts = NULL, floor_v = 0, nth = 0;
    dsum *rank = NULL;
    size_t nrank = 0;
    /* 1. the seeds' events over the whole months, plus their edge days: the floor */
    int np = 0;
    for (int i = 0; i < wd.np; i++) p[np++] = wd.p[i];
    p[np++] = db_int(4 * top);
    for (int i = 0; i < wm.np; i++) p[np++] = wm.p[i];
    ent_buf_printf(&q, "SELECT e.source, e.target, sum(%s), 0, 0, 0, 0, 0 FROM (SELECT e.source, e.target FROM rollup_dyad e%s"
                       " ORDER BY %s DESC, e.source, e.target LIMIT ?) d CROSS JOIN rollup_dyad_month e%s"
                       " AND e.source = d.source AND e.target = d.target GROUP BY e.source, e.target",
                   cnt, wds, cnt, wms);
    if (ent_db_run(st->db, q.data, 0, p, np, dsums_row, &seeds) != ENT_OK) rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
    counts = ent_xmalloc((seeds.n + 1) * sizeof *counts);
    size_t m = 0;
    for (size_t i = 0; rc == ENT_OK && i < seeds.n; i++) {
        /* seeds without events in the whole months are left out: the floor only gets lower */
        dsum *r = &seeds.rows[i];
        ent_buf_clear(&edges->key);
        ent_buf_printf(&edges->key, "%s\x1f%s", r->source, r->target);
        void *slot = ent_strmap_get(&edges->index, edges->key.data, edges->key.len);
        if (slot) r->v[0] += edges->rows[(size_t)(uintptr_t)slot - 1].v[0];
        if (r->v[0] > 0) counts[m++] = r->v[0];
    }
    if (rc == ENT_OK && (long)m >= top) {
        qsort(counts, m, sizeof *counts, cmp_ll_desc);
        floor_v = counts[top - 1];
    }
    if (rc == ENT_OK && floor_v && !edges->n) {
        /* whole months only: the database ranks the candidates by their events (the index
         * alone) and sums every value for the top ones */
        np = chosen_sums(&q, p, &wd, &wm, quad, floor_v, 1, top);
        direct_cb dc = {ENT_PERIOD_ALL, ENT_GROUP_DYAD, fn, user};
        if (ent_db_run(st->db, q.data, 0, p, np, direct_row, &dc) != ENT_OK) rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
        *done = rc == ENT_OK;
    } else if (rc == ENT_OK && floor_v) {
        /* 2. every dyad with at least the floor over all dates: its events over the range,
         *    and every dyad of the edge days (those that are not such
         *    candidates have fewer events than the floor: they stay out of the top) */
        np = 0;
        for (int i = 0; i < wd.np; i++) p[np++] = wd.p[i];
        p[np++] = db_int(floor_v);
        for (int i = 0; i < wm.np; i++) p[np++] = wm.p[i];
        ent_buf_clear(&q);
        ent_buf_printf(&q, "SELECT e.source, e.target, sum(%s), 0, 0, 0, 0, 0 FROM (SELECT e.source, e.target FROM rollup_dyad e%s%s%s >= ?)"
                           " d CROSS JOIN rollup_dyad_month e%s AND e.source = d.source AND e.target = d.target"
                           " GROUP BY e.source, e.target",
                       cnt, wds, and, cnt, wms);
        if (ent_db_run(st->db, q.data, 0, p, np, dsums_row, &cands) != ENT_OK) rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
        for (size_t i = 0; rc == ENT_OK && i < edges->n; i++) dsums_get(&cands, edges->rows[i].source, edges->rows[i].target)->v[0] += edges->rows[i].v[0];
        rank = cands.rows;
        for (size_t i = 0; i < cands.n; i++) if (rank[i].v[0] > 0) rank[nrank++] = rank[i];
        qsort(rank, nrank, sizeof *rank, cmp_dsum_top);
        if ((long)nrank > top) nrank = (size_t)top;
        nth = nrank ? rank[nrank - 1].v[0] : 0;
    }
    if (rc == ENT_OK && nrank) {
        /* 3. every sum, for the dyads that can be among the top only (a top dyad has at least
         *    nth events in the range, so at least nth - max_edge in the whole months) */
        np = chosen_sums(&q, p, &wd, &wm, quad, floor_v, 0, nth - max_edge);
        if (ent_db_run(st->db, q.data, 0, p, np, dsums_row, &full) != ENT_OK) rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
        for (size_t i = 0; rc == ENT_OK && i < nrank; i++) {
            long long v[6] = {0};
            ent_buf_clear(&full.key);
            ent_buf_printf(&full.key, "%s\x1f%s", rank[i].source, rank[i].target);
            void *slot = ent_strmap_get(&full.index, full.key.data, full.key.len);
            if (slot) memcpy(v, full.rows[(size_t)(uintptr_t)slot - 1].v, sizeof v);
            ent_buf_clear(&edges->key);
            ent_buf_printf(&edges->key, "%s\x1f%s", rank[i].source, rank[i].target);
            slot = ent_strmap_get(&edges->index, edges->key.data, edges->key.len);
            if (slot) for (int j = 0; j < 6; j++) v[j] += edges->rows[(size_t)(uintptr_t)slot - 1].v[j];
            ent_store_agg row = {0};
            row.period = "all";
            row.a = rank[i].source;
            row.b = rank[i].target;
            row.events = (long)v[0];
            row.quad[0] = row.events;
            for (int j = 1; j <= 4; j++) { row.quad[j] = (long)v[j]; row.quad[0] -= row.quad[j]; }
            row.goldstein = (double)v[5] / 1000.0;
            if (fn(&row, user)) break;
        }
        *done = rc == ENT_OK;
    }
    free(counts);
    dsums_free(&seeds);
    dsums_free(&cands);
    dsums_free(&full);
    ent_buf_free(&q);
    ent_where_free(&wd);
    ent_where_free(&wm);
    return rc;
}

/* The dyads of a date range that does not start or end on a month's edge (the explorer's
 * date inputs give such ranges), for filters the month x dyad rollup answers otherwise:
 * the whole months inside the range from rollup_dyad_month, and only the days at its two
 * ends (less than a month each) from the events, through their date index; the database
 * sums the two by dyad.  Exact, and the same SQL on both backends.  *done is 0 when the
 * range holds no whole month (the caller reads the events: at most two months of them). */
static ent_status dyads_month_split(ent_store *st, const ent_store_filter *f, long top, ent_store_agg_fn fn, void *user,
                                    int *done) {
    *done = 0;
    long m1 = 0, m2 = 0; /* first and last whole month inside the range; 0: open */
    if (f->date_from > 0) m1 = f->date_from % 100 == 1 ? f->date_from / 100 : next_month(f->date_from / 100);
    if (f->date_to > 0) m2 = f->date_to == month_end(f->date_to / 100) ? f->date_to / 100 : prev_month(f->date_to / 100);
    if (m1 && m2 && m1 > m2) return ENT_OK;
    ent_store_filter in = *f, lo = *f, hi = *f;
    in.date_from = m1 ? m1 * 100 + 1 : 0;
    in.date_to = m2 ? month_end(m2) : 0;
    int has_lo = f->date_from > 0 && f->date_from < in.date_from, has_hi = f->date_to > 0 && f->date_to > in.date_to;
    /* the days before the first whole month, and after the last one */
    if (has_lo) lo.date_to = month_end(prev_month(m1));
    if (has_hi) hi.date_from = next_month(m2) * 100 + 1;
    int quad = f->quad >= 1 && f->quad <= 4 ? f->quad : 0;
    where wi, wl, wh;
    db_kind k = ent_db_get_kind(st->db);
    ent_where_build(&wi, &in, T_DYAD_MONTH, k);
    ent_where_build(&wl, &lo, T_EVENTS, k);
    ent_where_build(&wh, &hi, T_EVENTS, k);
    ent_status rc = ENT_OK;
    if (top) {
        /* the edge days' sums by dyad, kept in C, then the top dyads found by their bound */
        dsums edges;
        dsums_init(&edges);
        for (int side = 0; side < 2 && rc == ENT_OK; side++) {
            where *we = side ? &wh : &wl;
            if (!(side ? has_hi : has_lo)) continue;
            ent_buf eq;
            ent_buf_init(&eq);
            ent_buf_puts(&eq, "SELECT e.source, e.target, ");
            ent_store_agg_sums(&eq, T_EVENTS, quad, 0);
            ent_buf_printf(&eq, " FROM events e%s GROUP BY e.source, e.target", we->sql.data);
            if (ent_db_run(st->db, eq.data, 0, we->p, we->np, dsums_row, &edges) != ENT_OK)
                rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
            ent_buf_free(&eq);
        }
        if (rc == ENT_OK) rc = top_dyads_pruned(st, &in, quad, top, &edges, fn, user, done);
        dsums_free(&edges);
        if (rc != ENT_OK || *done) {
            ent_where_free(&wi);
            ent_where_free(&wl);
            ent_where_free(&wh);
            return rc;
        }
    }
    db_param p[128];
    int np = 0;
    for (int i = 0; i < wi.np; i++) p[np++] = wi.p[i];
    if (has_lo) for (int i = 0; i < wl.np; i++) p[np++] = wl.p[i];
    if (has_hi) for (int i = 0; i < wh.np; i++) p[np++] = wh.p[i];
    /* the events of the edge days in the rollups' shape */
#define EDGE_COLS \
    "SELECT e.source, e.target, 1 AS events, " G_MILLI_E " AS goldstein_milli," \
    " CASE WHEN e.quad = 1 THEN 1 ELSE 0 END AS n1, CASE WHEN e.quad = 2 THEN 1 ELSE 0 END AS n2," \
    " CASE WHEN e.quad = 3 THEN 1 ELSE 0 END AS n3, CASE WHEN e.quad = 4 THEN 1 ELSE 0 END AS n4," \
    " CASE WHEN e.quad = 1 THEN " G_MILLI_E " ELSE 0 END AS g1, CASE WHEN e.quad = 2 THEN " G_MILLI_E " ELSE 0 END AS g2," \
    " CASE WHEN e.quad = 3 THEN " G_MILLI_E " ELSE 0 END AS g3, CASE WHEN e.quad = 4 THEN " G_MILLI_E " ELSE 0 END AS g4" \
    " FROM events e"
#define G_MILLI_E "CAST(round(coalesce(e.goldstein, 0) * 1000) AS BIGINT)"
    ent_buf q;
    ent_buf_init(&q);
    ent_buf_puts(&q, "SELECT 0, e.source, e.target, ");
    ent_store_agg_sums(&q, T_DYAD_MONTH, quad, 0);
    ent_buf_printf(&q, " FROM (SELECT e.source, e.target, e.events, e.goldstein_milli, e.n1, e.n2, e.n3, e.n4, e.g1, e.g2, e.g3, e.g4"
                       " FROM rollup_dyad_month e%s", wi.sql.data ? wi.sql.data : "");
    if (has_lo) ent_buf_printf(&q, " UNION ALL " EDGE_COLS "%s", wl.sql.data);
    if (has_hi) ent_buf_printf(&q, " UNION ALL " EDGE_COLS "%s", wh.sql.data);
#undef EDGE_COLS
#undef G_MILLI_E
    ent_buf_puts(&q, ") e GROUP BY e.source, e.target ORDER BY ");
    if (top) { ent_buf_puts(&q, "4 DESC, "); }
    ent_buf_puts(&q, "e.source, e.target");
    if (top) { ent_buf_puts(&q, " LIMIT ?"); p[np++] = db_int(top); }
    direct_cb dc = {ENT_PERIOD_ALL, ENT_GROUP_DYAD, fn, user};
    if (ent_db_run(st->db, q.data, 0, p, np, direct_row, &dc) != ENT_OK) rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
    *done = 1;
    ent_buf_free(&q);
    ent_where_free(&wi);
    ent_where_free(&wl);
    ent_where_free(&wh);
    return rc;
}

static int cmp_acc(const void *x, const void *y) {
    return strcmp(((const agg_acc *)x)->key, ((const agg_acc *)y)->key);
}

/* Most events first, then key order. */
static int cmp_acc_top(const void *x, const void *y) {
    const agg_acc *a = x, *b = y;
    if (a->events != b->events) return a->events < b->events ? 1 : -1;
    return strcmp(a->key, b->key);
}

ent_status ent_store_aggregate(ent_store *st, const ent_store_filter *f, ent_period period, ent_group group,
                               ent_store_agg_fn fn, void *user) {
    ent_diag_clear(st->diag);
    table t = ent_store_pick_table(f, period, group, 0);
    where w;
    ent_where_build(&w, f, t, ent_db_get_kind(st->db));
    /* the database sums per period key and (when grouped) dyad; weeks and actors are
     * folded together here.  The key is a date (the first of its month by month), 0 when
     * undated, so undated rows sort last. */
    const char *pcol = period == ENT_PERIOD_ALL ? "0"
                       : t == T_EVENTS ? (period == ENT_PERIOD_MONTH ? "CASE WHEN e.date > 0 THEN e.date / 100 * 100 + 1 ELSE 0 END" : "coalesce(e.date, 0)")
                       : (t == T_SERIES || t == T_ACTOR_DAY) ? (period == ENT_PERIOD_MONTH ? "CASE WHEN e.day > 0 THEN e.day / 100 * 100 + 1 ELSE 0 END" : "e.day")
                       : (t == T_ACTOR_MONTH || t == T_DYAD_MONTH) ? "CASE WHEN e.month > 0 THEN e.month * 100 + 1 ELSE 0 END"
                                                                 : "0";
    int by_actor = keyed_by_actor(t);
    const char *pair = group == ENT_GROUP_NONE ? "'---', '---'" : by_actor ? "e.actor, '---'" : "e.source, e.target";
    const char *pgroup = group == ENT_GROUP_NONE ? "" : by_actor ? ", e.actor" : ", e.source, e.target";
    /* a constant period (ALL) is left out of GROUP BY and ORDER BY, so SQLite can walk
     * the rollup's key order instead of sorting */
    int constant = !strcmp(pcol, "0") && group != ENT_GROUP_NONE;
    /* Rows the database groups completely (no week or actor folding) stream straight to fn
     * in the order the folding path gives: period (undated last), then group key. */
    int direct = period != ENT_PERIOD_WEEK &&
                 (group == ENT_GROUP_DYAD || group == ENT_GROUP_NONE || (group == ENT_GROUP_ACTOR && by_actor));
    /* A rollup whose key is exactly (period, group) has one row per result row: read
     * without GROUP BY (summing is most of the cost of a large rollup's scan) */
    int exact = direct && ((t == T_DYAD && group == ENT_GROUP_DYAD) ||
                           (t == T_DYAD_MONTH && group == ENT_GROUP_DYAD && period == ENT_PERIOD_MONTH) ||
                           (t == T_ACTOR_MONTH && group == ENT_GROUP_ACTOR && period == ENT_PERIOD_MONTH) ||
                           (t == T_ACTOR_DAY && group != ENT_GROUP_DYAD && period == ENT_PERIOD_DAY));
    int quad = f ? f->quad : 0;
    long top = f && f->limit > 0 ? f->limit : 0;
    if (t == T_DYAD_MONTH && group == ENT_GROUP_DYAD && period == ENT_PERIOD_ALL && top) {
        int done = 0;
        dsums none;
        dsums_init(&none);
        ent_status rc = top_dyads_pruned(st, f, quad >= 1 && quad <= 4 ? quad : 0, top, &none, fn, user, &done);
        dsums_free(&none);
        if (rc != ENT_OK || done) { ent_where_free(&w); return rc; }
    }
    if (t == T_EVENTS && group == ENT_GROUP_DYAD && period == ENT_PERIOD_ALL && f && (f->date_from > 0 || f->date_to > 0)) {
        /* dates off the months' edges, where whole months would read the month x dyad rollup */
        ent_store_filter whole = *f;
        if (whole.date_from > 0) whole.date_from = whole.date_from / 100 * 100 + 1;
        if (whole.date_to > 0) whole.date_to = month_end(whole.date_to / 100);
        int done = 0;
        ent_status rc = ENT_OK;
        if (ent_store_pick_table(&whole, period, group, 0) == T_DYAD_MONTH) rc = dyads_month_split(st, f, top, fn, user, &done);
        if (rc != ENT_OK || done) { ent_where_free(&w); return rc; }
    }
    ent_buf q;
    ent_buf_init(&q);
    ent_buf_printf(&q, "SELECT %s, %s, ", pcol, pair);
    ent_store_agg_sums(&q, t, quad, exact);
    ent_buf_printf(&q, " FROM %s%s", TABLE_SQL[t], w.sql.data ? w.sql.data : "");
    if (!exact) ent_buf_printf(&q, " GROUP BY %s%s", constant ? pgroup + 2 : "1", constant ? "" : pgroup);
    /* A rollup read row by row (exact) in its key order, whole: ordered by the key column
     * itself, not the period label, so the database can walk the primary key (month or
     * day, then the group) in order instead of sorting the answer, and the rows stream
     * through a cursor (ent_db_run_stream: on PostgreSQL the planner then favours the
     * ordered walk).  Undated rows (key 0) come last: a second statement when the filter
     * lets them in. */
    const char *kcol = !exact || top ? NULL : t == T_DYAD_MONTH || t == T_ACTOR_MONTH ? "e.month" : t == T_ACTOR_DAY ? "e.day" : NULL;
    if (direct && kcol && strcmp(pcol, "0") != 0) {
        direct_cb dc = {period, group, fn, user};
        ent_status rc = ENT_OK;
        int undated = !(f && f->date_from > 0);
        for (int pass = 0; pass < 1 + undated && rc == ENT_OK; pass++) {
            ent_buf s;
            ent_buf_init(&s);
            ent_buf_puts(&s, q.data);
            if (undated) ent_buf_printf(&s, "%s%s %s 0", w.sql.len ? " AND " : " WHERE ", kcol, pass ? "=" : ">");
            if (pass && *pgroup) ent_buf_printf(&s, " ORDER BY %s", pgroup + 2);
            else if (!pass) ent_buf_printf(&s, " ORDER BY %s%s", kcol, pgroup);
            if (ent_db_run_stream(st->db, s.data, w.p, w.np, direct_row, &dc) != ENT_OK)
                rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
            ent_buf_free(&s);
        }
        ent_buf_free(&q);
        ent_where_free(&w);
        return rc;
    }
    if (direct) {
        /* top: the database keeps only the `top` largest groups (a bounded sort) */
        char most[32] = "";
        if (top && !exact) snprintf(most, sizeof most, "4 DESC, "); /* column 4: the number of events */
        else if (top && quad >= 1 && quad <= 4) snprintf(most, sizeof most, "e.n%d DESC, ", quad);
        else if (top) snprintf(most, sizeof most, "e.events DESC, ");
        if (constant) ent_buf_printf(&q, " ORDER BY %s%s", most, pgroup + 2);
        else ent_buf_printf(&q, " ORDER BY %sCASE WHEN %s = 0 THEN 1 ELSE 0 END, 1%s", most, pcol, pgroup);
        int np = w.np;
        if (top) { ent_buf_puts(&q, " LIMIT ?"); w.p[np++] = db_int(top); }
        direct_cb dc = {period, group, fn, user};
        ent_status rc = ENT_OK;
        if (ent_db_run(st->db, q.data, 0, w.p, np, direct_row, &dc) != ENT_OK)
            rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
        ent_buf_free(&q);
        ent_where_free(&w);
        return rc;
    }
    agg_state a = {0};
    a.period = period;
    a.group = group;
    ent_strmap_init(&a.index);
    ent_buf_init(&a.key);
    ent_status rc = ENT_OK;
    if (ent_db_run(st->db, q.data, 0, w.p, w.np, agg_row, &a) != ENT_OK) rc = fail(st, ENT_ERR_IO, "aggregate: %s", ent_db_error(st->db));
    if (rc == ENT_OK && a.n) qsort(a.rows, a.n, sizeof *a.rows, top ? cmp_acc_top : cmp_acc);
    for (size_t i = 0; rc == ENT_OK && i < a.n && (!top || (long)i < top); i++) {
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
        row.goldstein = (double)a.rows[i].milli / 1000.0;
        if (fn(&row, user)) break;
    }
    for (size_t i = 0; i < a.n; i++) free(a.rows[i].key);
    free(a.rows);
    ent_strmap_free(&a.index);
    ent_buf_free(&a.key);
    ent_buf_free(&q);
    ent_where_free(&w);
    return rc;
}

ent_status ent_store_counts_get(ent_store *st, ent_store_counts *out) {
    memset(out, 0, sizeof *out);
    ent_diag_clear(st->diag);
    static const char *const q[4] = {"SELECT count(*) FROM stories", "SELECT count(*) FROM sentences",
                                     "SELECT count(*) FROM events", "SELECT count(*) FROM actors"};
    long *dst[4] = {&out->stories, &out->sentences, &out->events, &out->actors};
    for (int i = 0; i < 4; i++)
        if (ent_db_run(st->db, q[i], 1, NULL, 0, ent_db_row_long, dst[i]) != ENT_OK) return fail(st, ENT_ERR_IO, "counts: %s", ent_db_error(st->db));
    return ENT_OK;
}

/* Rows of each rollup table that differ from a recount of the events, both directions. */
#define DIFF(T, SEL) \
    "SELECT (SELECT count(*) FROM (SELECT * FROM " T " EXCEPT " SEL(EVENTS_AS_STAGE) ") x)" \
    " + (SELECT count(*) FROM (" SEL(EVENTS_AS_STAGE) " EXCEPT SELECT * FROM " T ") y)"

ent_status ent_store_check_rollups(ent_store *st, long *mismatches) {
    ent_diag_clear(st->diag);
    static const char *const q[] = {
        DIFF("rollup_series", ROLLUP_SEL_SERIES),       DIFF("rollup_actor_day", ROLLUP_SEL_ACTOR_DAY),
        DIFF("rollup_actor_month", ROLLUP_SEL_ACTOR_MONTH), DIFF("rollup_dyad", ROLLUP_SEL_DYAD),
        DIFF("rollup_dyad_month", ROLLUP_SEL_DYAD_MONTH), DIFF("rollup_actor", ROLLUP_SEL_ACTOR)};
    *mismatches = 0;
    /* PostgreSQL: the recounts group a million events into up to a million keys and
     * compare them as sets; with the default 4 MB of work memory they sorted on disk (5
     * minutes of server time at 1M events) */
    if (is_pg(st)) ent_db_exec_script(st->db, "SET work_mem = '256MB'");
    ent_status s = ENT_OK;
    for (size_t i = 0; !s && i < sizeof q / sizeof q[0]; i++) {
        long n = 0;
        if (ent_db_run(st->db, q[i], 0, NULL, 0, ent_db_row_long, &n) != ENT_OK) s = fail(st, ENT_ERR_IO, "check: %s", ent_db_error(st->db));
        *mismatches += n;
    }
    if (is_pg(st)) ent_db_exec_script(st->db, "RESET work_mem");
    return s;
}

void ent_store_set_timeout(ent_store *st, long ms) { ent_db_set_timeout(st->db, ms); }

db *ent_store_db(ent_store *st) { return st->db; }

ent_status ent_store_fail(ent_store *st, ent_status s, const char *what) {
    return fail(st, s, "%s: %s", what, ent_db_error(st->db));
}

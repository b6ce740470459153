/* cmd_code.c — 'entente code [FILE...|-] [--input FMT] [--format jsonl|tsv] [--dicts DIR]
 * [-j N] [--out FILE]': the whole pipeline.  Documents are read (text, JSON lines, HTML,
 * PDF, standard input), cleaned, split into sentences, tagged and chunked, coded, and
 * the events written one per line with their evidence (story id, sentence index and
 * offsets, actor/verb offsets in the cleaned text).  '--input petrxml' codes the <Parse>
 * of each record of a PETRARCH XML file instead.
 *
 * Threads: the main thread reads documents into batches (up to BATCH_JOBS documents or
 * BATCH_BYTES of text each) and queues the batches in a ring of at most
 * BATCHES_PER_THREAD * N; N workers (one ent_coder each, sharing the read-only ent_dicts)
 * take whole batches, so the hand-off (lock, wake-up) is paid once per batch, not once
 * per document; the main thread emits finished batches from the head of the ring, so
 * the output keeps the input order.  Memory is bounded by the ring size times the batch
 * size (a single document larger than BATCH_BYTES makes a batch of its own).  A partly
 * filled batch is handed over at once when a worker is waiting with nothing queued.
 * A bad document is reported on stderr ("file:line: error: ...") and the run goes on;
 * the exit status is 1 when any document was bad, 2 for usage errors. */
#include "cli.h"
#include "progress.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BATCHES_PER_THREAD 4
#define BATCH_JOBS 64
#define BATCH_BYTES (256 * 1024)
#define MAX_THREADS 64
#define ENT_STR_(x) #x
#define ENT_STR(x) ENT_STR_(x)

/* ---- jobs: one story each, with its results -------------------------------------------- */

typedef struct sent_rec {
    char *text;           /* the sentence as coded (NUL-terminated copy in the job's blocks) */
    ent_span span;        /* offsets in the cleaned story text */
    long date;            /* the date its events happened */
    long index;
} sent_rec;

typedef struct ev_rec {
    size_t sent;          /* index into job.sents */
    ent_event ev;         /* strings copied into the job's blocks */
} ev_rec;

/* A block of the job's storage: every string a job keeps (ids, title, sentence texts,
 * event strings) and its sentence and event arrays are bump-allocated from these and
 * freed with the job at once, instead of one malloc and free per string. */
typedef struct job_block {
    struct job_block *next;
    size_t used, cap;
    char data[];
} job_block;

typedef struct job {
    job_block *blocks;    /* strings and arrays (job_alloc); head is the newest block */
    /* input: a document, or a PETRARCH record */
    ent_doc *doc;
    char *story_id, *title, *url, *source, *ptb;
    char *origin;         /* "file:line" of a PETRARCH record or JSON line, "file" of a document */
    const ent_coder *explain;  /* --explain: the coder whose explanations go to messages */
    long story_date;
    /* results */
    sent_rec *sents;      /* sents and evs live in the job's blocks */
    size_t nsents, sents_cap;
    ev_rec *evs;
    size_t nevs, evs_cap;
    char *messages;       /* diagnostics to print when the job is emitted */
    size_t msg_len;
    int bad;              /* the document could not be coded at all */
    int message_only;     /* no document: only messages (a bad document) to print in order */
    long skipped;         /* sentences the coder skipped or analysis rejected */
} job;

/* A unit of hand-off between the main thread and the workers: consecutive jobs. */
typedef struct batch {
    job *jobs[BATCH_JOBS];
    size_t n, bytes;
    int done;             /* coded (guarded by code_ctx.mu) */
} batch;

typedef struct worker {
    ent_coder *coder;
    ent_diag *diag;
    pthread_t thread;
    struct code_ctx *cc;
} worker;

typedef struct code_ctx {
    /* options */
    ent_input_format input;
    ent_format format;
    unsigned write_flags; /* ENT_WRITE_* (--set write_actor_text=true) */
    const char *dict_dir, *out_path;
    int threads, raw, sentences_only, verbose, explain;
    const char *db_uri;   /* --db: also store each story (src/store) */
    ent_store *store;
    int store_failed;
    long db_batch;        /* --batch: events per transaction (0: the backend's default) */
    int db_writers;       /* --writers: PostgreSQL connections writing at once (0: default) */
    cli_strmap stored_ids; /* --db: story id -> the document that used it in this run */
    cli_progress progress;
    long long progress_done;
    /* state */
    ent_dicts *dicts;
    ent_coder_options opts;
    const char *config_path;     /* --config FILE */
    const char *sets[32];        /* --set OPTION=VALUE, applied last */
    size_t nsets;
    FILE *out;
    const char *out_name; /* --out FILE or "standard output", for messages */
    int write_failed;     /* a write to out failed: reported once, no more reading */
    ent_diag *diag;       /* main thread's diagnostics (reading) */
    worker *workers;
    batch **ring;         /* batches [head, tail) in input order, indices mod ring_cap */
    batch *cur;           /* the batch being filled (main thread only) */
    size_t head, tail, next, ring_cap;
    /* worker pool */
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
    int quit;
    int idle;             /* workers waiting for a batch */
    /* totals */
    long docs, bad_docs, sentences, events, skipped;
    long input_docs;      /* documents and records read from the current input */
    long empty_inputs;    /* inputs (and folders) that gave no document at all: exit 1 */
    const char *cur_path; /* the input being read */
} code_ctx;

/* n bytes owned by the job (freed by job_free), 8-byte aligned when align. */
static void *job_alloc(job *j, size_t n, int align) {
    job_block *b = j->blocks;
    size_t at = b ? (align ? (b->used + 7) & ~(size_t)7 : b->used) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        size_t cap = n > 2048 ? n : 2048;
        b = malloc(sizeof *b + cap);
        if (!b) { fprintf(stderr, "entente: out of memory\n"); exit(3); }
        b->next = j->blocks;
        b->cap = cap;
        j->blocks = b;
        at = 0;
    }
    b->used = at + n;
    return b->data + at;
}

/* A NUL-terminated copy of s[0..n) owned by the job (freed by job_free); "" is shared. */
static char *job_strndup(job *j, const char *s, size_t n) {
    static char empty[1];
    if (!n) return empty;
    char *p = job_alloc(j, n + 1, 0);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* Room for one more element in an array held in the job's blocks: a full array is copied
 * into one twice as large (the old one stays in the blocks until job_free). */
#define JOB_GROW(j, arr, count, cap, first)                                                \
    do {                                                                                 \
        if ((count) == (cap)) {                                                          \
            size_t nc_ = (cap) ? (cap) * 2 : (first);                                    \
            void *na_ = job_alloc((j), nc_ * sizeof *(arr), 1);                          \
            if (count) memcpy(na_, (arr), (count) * sizeof *(arr));                      \
            (arr) = na_;                                                                 \
            (cap) = nc_;                                                                 \
        }                                                                                \
    } while (0)

/* job_strndup of a NUL-terminated string (NULL reads as ""). */
static char *job_str(job *j, const char *s) { return s ? job_strndup(j, s, strlen(s)) : job_strndup(j, "", 0); }

/* Queue a message line; control characters from documents (ids, dates) made visible. */
static void job_msg(job *j, const char *raw) {
    char *msg = ent_str_visible(raw, 0);
    size_t n = strlen(msg);
    char *m = realloc(j->messages, j->msg_len + n + 2);
    if (!m) { free(msg); return; }
    j->messages = m;
    memcpy(m + j->msg_len, msg, n);
    m[j->msg_len + n] = '\n';
    j->msg_len += n + 1;
    m[j->msg_len] = 0;
    free(msg);
}

/* job_msg of a printf-style message, whatever its length. */
static void job_msgf(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void job_msgf(job *j, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *m = NULL;
    if (vasprintf(&m, fmt, ap) >= 0) job_msg(j, m);
    va_end(ap);
    free(m);
}

static void job_diag(job *j, ent_diag *d) {
    for (size_t i = 0; i < ent_diag_count(d); i++) job_msg(j, ent_diag_message(d, i));
    ent_diag_clear(d);
}

static void job_free(job *j) {
    if (!j) return;
    ent_doc_free(j->doc);
    for (job_block *b = j->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(j->messages);
    free(j);
}

/* Record one sentence and the events found in it (events may be NULL). */
static void keep_sentence(job *j, const char *text, size_t len, ent_span span, long date, const ent_events *events) {
    JOB_GROW(j, j->sents, j->nsents, j->sents_cap, 8);
    size_t si = j->nsents++;
    sent_rec *s = &j->sents[si];
    s->text = job_strndup(j, text, len);
    s->span = span;
    s->date = date;
    s->index = (long)si;
    for (size_t i = 0; i < ent_events_count(events); i++) {
        const ent_event *e = ent_events_get(events, i);
        JOB_GROW(j, j->evs, j->nevs, j->evs_cap, 4);
        ev_rec *r = &j->evs[j->nevs++];
        r->sent = si;
        r->ev = *e;
        r->ev.source = job_str(j, e->source);
        r->ev.target = job_str(j, e->target);
        r->ev.code = job_str(j, e->code);
        r->ev.root = job_str(j, e->root);
        r->ev.plover = job_str(j, e->plover);
        r->ev.source_text = job_str(j, e->source_text);
        /* source_root / target_root point into the dictionaries, which outlive the job */
        r->ev.target_text = job_str(j, e->target_text);
        r->ev.verb_text = job_str(j, e->verb_text);
        r->ev.issues = job_str(j, e->issues);
    }
}

/* ---- coding one story (worker threads) ------------------------------------------------- */

/* --explain: the coder's account of the sentence just coded, as messages of job j */
static void job_explain(job *j, long index, const char *text, size_t len) {
    if (!j->explain) return;
    job_msgf(j, "explain %s sentence %ld: %.*s", j->story_id ? j->story_id : "", index, (int)(len > 100 ? 100 : len),
             text);
    /* one message per line (messages are made visible: a newline would be escaped) */
    for (const char *x = ent_coder_explanation(j->explain); *x;) {
        size_t n = strcspn(x, "\n");
        job_msgf(j, "%.*s", (int)n, x);
        x += n + (x[n] == '\n');
    }
}

static int on_sentence(const ent_story_sentence *s, void *user) {
    job *j = user;
    job_explain(j, s->index, s->text, s->len);
    if (s->result == ENT_SKIPPED) j->skipped++;
    keep_sentence(j, s->text, s->len, s->span, s->date, s->events);
    return 0;
}

static void code_doc(job *j, worker *w) {
    ent_document_options o = {w->cc->sentences_only, w->cc->verbose};
    ent_story story;
    if (w->cc->explain) j->explain = w->coder;
    ent_code_document(w->coder, j->doc, &o, on_sentence, j, &story, w->diag);
    j->story_date = story.date;
    j->title = job_str(j, story.title);
    job_diag(j, w->diag);
}

static void code_ptb(job *j, worker *w) {
    ent_petr_record rec = {0};
    rec.id = j->story_id;
    rec.date = j->story_date;
    rec.text = j->title;
    rec.parse = j->ptb;
    if (w->cc->explain) j->explain = w->coder;
    if (ent_code_record(w->coder, &rec, w->cc->raw, on_sentence, j, w->diag) != ENT_OK) {
        for (size_t i = 0; i < ent_diag_count(w->diag); i++)
            job_msgf(j, "%s: record %s not coded: %s", j->origin, j->story_id, ent_diag_message(w->diag, i));
        ent_diag_clear(w->diag);
        j->bad = 1;
        j->skipped++;
        keep_sentence(j, j->title, strlen(j->title), (ent_span){0, (uint32_t)strlen(j->title)}, j->story_date, NULL);
    }
}

static void run_job(job *j, worker *w) {
    if (j->message_only) return;
    if (j->ptb) code_ptb(j, w);
    else code_doc(j, w);
}

static void *worker_main(void *arg) {
    worker *w = arg;
    code_ctx *cc = w->cc;
    pthread_mutex_lock(&cc->mu);
    for (;;) {
        while (!cc->quit && cc->next == cc->tail) {
            cc->idle++;
            pthread_cond_wait(&cc->work_cv, &cc->mu);
            cc->idle--;
        }
        if (cc->next == cc->tail) break; /* quit and nothing left */
        batch *b = cc->ring[cc->next++ % cc->ring_cap];
        pthread_mutex_unlock(&cc->mu);
        for (size_t i = 0; i < b->n; i++) run_job(b->jobs[i], w);
        pthread_mutex_lock(&cc->mu);
        b->done = 1;
        pthread_cond_broadcast(&cc->done_cv);
    }
    pthread_mutex_unlock(&cc->mu);
    return NULL;
}

/* ---- emitting (main thread, input order) ------------------------------------------------ */

/* --db: store one story (its sentences and events) in one transaction that replaces what
 * the story had.  A story without an id is skipped with a warning; a database failure
 * stops storing (reported once) and makes the exit status 1. */
static void store_job(code_ctx *cc, job *j) {
    if (cc->store_failed || j->bad) return;
    /* Two documents of one run with the same story id (a duplicate id in a JSONL file,
     * index.html in two folders, id-less lines named after their file) would overwrite
     * each other: the later one is stored as "ID@ORIGIN", ORIGIN being the document's path
     * (and line, for JSON lines) as given; "#2", "#3"... are added if that is taken too. */
    const char *origin = j->origin ? j->origin : "";
    char *unique = NULL;
    const char *id = j->story_id;
    if (cli_strmap_put(&cc->stored_ids, id, origin)) {
        const char *first = cli_strmap_get(&cc->stored_ids, id);
        size_t n = strlen(id) + strlen(origin) + 32;
        unique = malloc(n);
        if (!unique) { fprintf(stderr, "entente: out of memory\n"); exit(1); }
        snprintf(unique, n, "%s@%s", id, origin);
        for (int k = 2; cli_strmap_put(&cc->stored_ids, unique, origin) && k < 1000000; k++)
            snprintf(unique, n, "%s@%s#%d", id, origin, k);
        fprintf(stderr, "%s: warning: story id '%s' was already stored in this run (from %s); this story is stored as '%s'\n",
                *origin ? origin : "<input>", id, *first ? first : "an earlier document", unique);
        id = unique;
    }
    ent_story_meta m = {id, j->story_date, j->source, j->title, j->url, 0};
    ent_status st = ent_store_begin_story(cc->store, &m);
    for (size_t i = 0; st == ENT_OK && i < j->nsents; i++)
        st = ent_store_add_sentence(cc->store, j->sents[i].index, NULL, j->sents[i].date, j->sents[i].text);
    for (size_t i = 0; st == ENT_OK && i < j->nevs; i++) {
        const sent_rec *s = &j->sents[j->evs[i].sent];
        ent_event_context ctx = {id, s->index, NULL, s->date, s->text, s->span, j->ptb ? NULL : j->title, j->url, j->source};
        st = ent_store_add_event(cc->store, &ctx, &j->evs[i].ev);
    }
    free(unique);
    if (st == ENT_OK) st = ent_store_commit_story(cc->store);
    if (st == ENT_OK) return;
    ent_store_rollback_story(cc->store);
    fprintf(stderr, "entente: code: --db: %s\n", ent_store_error(cc->store));
    if (st != ENT_ERR_INVALID) cc->store_failed = 1;
}

/* A write to the output failed: say so once; reading stops (the exit status is 1). */
static void output_failed(code_ctx *cc) {
    if (cc->write_failed) return;
    cc->write_failed = 1;
    ent_diag *d = ent_diag_new();
    if (ent_output_check(cc->out, cc->out_name, d) == 0) ent_diag_add(d, ENT_ERROR, cc->out_name, 0, "cannot write: write error");
    cli_print_diag(d);
    ent_diag_free(d);
}

static void emit_job(code_ctx *cc, job *j) {
    if (j->messages) fputs(j->messages, stderr);
    cc->bad_docs += j->bad;
    if (j->message_only) return;
    cc->docs++;
    cc->sentences += (long)j->nsents;
    cc->skipped += j->skipped;
    if (cc->sentences_only) {
        for (size_t i = 0; i < j->nsents && !cc->write_failed; i++) {
            const sent_rec *s = &j->sents[i];
            if (ent_write_sentence(cc->out, j->story_id, s->index, s->date, s->span, s->text) != 0) output_failed(cc);
        }
        return;
    }
    if (cc->out && j->nevs) {
        /* the story's events with their contexts, written at once (formats that merge or
         * number events per story need them all); PETRARCH records keep their own id */
        ent_event_context *ctxs = calloc(j->nevs, sizeof *ctxs);
        ent_event *evs = calloc(j->nevs, sizeof *evs);
        if (!ctxs || !evs) { fprintf(stderr, "entente: out of memory\n"); exit(3); }
        for (size_t i = 0; i < j->nevs; i++) {
            const ev_rec *r = &j->evs[i];
            const sent_rec *s = &j->sents[r->sent];
            ent_event_context ctx = {j->story_id, s->index, NULL, s->date, s->text, s->span, j->ptb ? NULL : j->title, j->url, j->source};
            if (j->ptb && cc->format == ENT_FORMAT_PETRARCH) ctx.sentence_id = j->story_id;
            ctxs[i] = ctx;
            evs[i] = r->ev;
        }
        if (!cc->write_failed && ent_write_story(cc->out, cc->format, cc->write_flags, j->nevs, ctxs, evs) != 0)
            output_failed(cc);
        free(ctxs);
        free(evs);
    }
    cc->events += (long)j->nevs;
    /* ==== --db seam ====================================================================
     * A store (src/store) receives the same story here, in input order, on the main
     * thread: ent_store_begin_story with {j->story_id, j->story_date, j->source,
     * j->title, j->url}, ent_store_add_sentence for each j->sents[i] (index, NULL, date,
     * text), ent_store_add_event with the ctx built above for each j->evs[i], then
     * ent_store_commit_story. */
    if (cc->store) store_job(cc, j);
    cli_progress_update(&cc->progress, cc->docs, cc->events, cc->progress_done);
}

/* Emit finished batches from the head of the ring, in order.  With wait, block on the
 * workers until at most max_pending batches are left; without, emit only what is done. */
static void emit_ready(code_ctx *cc, size_t max_pending, int wait) {
    pthread_mutex_lock(&cc->mu);
    while (cc->head < cc->tail) {
        batch *b = cc->ring[cc->head % cc->ring_cap];
        if (!b->done) {
            if (!wait || cc->tail - cc->head <= max_pending) break;
            pthread_cond_wait(&cc->done_cv, &cc->mu);
            continue;
        }
        cc->head++;
        pthread_mutex_unlock(&cc->mu);
        for (size_t i = 0; i < b->n; i++) {
            emit_job(cc, b->jobs[i]);
            job_free(b->jobs[i]);
        }
        free(b);
        pthread_mutex_lock(&cc->mu);
    }
    pthread_mutex_unlock(&cc->mu);
}

/* Hand the batch being filled to the workers (waiting while the ring is full). */
static void submit_batch(code_ctx *cc) {
    batch *b = cc->cur;
    if (!b) return;
    cc->cur = NULL;
    emit_ready(cc, cc->ring_cap - 1, 1); /* makes room: waits while the ring is full */
    pthread_mutex_lock(&cc->mu);
    cc->ring[cc->tail++ % cc->ring_cap] = b;
    pthread_cond_signal(&cc->work_cv);
    pthread_mutex_unlock(&cc->mu);
    emit_ready(cc, 0, 0);
}

/* Code and emit every queued job. */
static void flush_batch(code_ctx *cc) {
    submit_batch(cc);
    emit_ready(cc, 0, 1);
    if (cc->out && !cc->write_failed && fflush(cc->out) != 0) output_failed(cc);
}

/* Queue a job (with one thread: code and emit it at once). */
static void add_job(code_ctx *cc, job *j) {
    if (cc->threads <= 1) {
        run_job(j, &cc->workers[0]);
        emit_job(cc, j);
        job_free(j);
        return;
    }
    if (!cc->cur && !(cc->cur = calloc(1, sizeof *cc->cur))) { fprintf(stderr, "entente: out of memory\n"); exit(3); }
    batch *b = cc->cur;
    b->jobs[b->n++] = j;
    b->bytes += (j->doc ? j->doc->text_len : 0) + (j->ptb ? strlen(j->ptb) : 0) + 64;
    if (b->n == BATCH_JOBS || b->bytes >= BATCH_BYTES) { submit_batch(cc); return; }
    /* a worker waiting with nothing queued gets the partial batch at once: the workers
     * never wait on a batch being filled (and a slow stream is coded as it arrives);
     * while they are all busy, documents gather into full batches */
    pthread_mutex_lock(&cc->mu);
    int starving = cc->idle > 0 && cc->next == cc->tail;
    pthread_mutex_unlock(&cc->mu);
    if (starving) submit_batch(cc);
}

/* ---- inputs ---------------------------------------------------------------------------- */

/* Queue the messages in cc->diag (bad documents found while reading) as a job of their
 * own, so they are printed in input order among the other documents' messages. */
static void add_message_job(code_ctx *cc) {
    if (!ent_diag_count(cc->diag)) return;
    job *j = calloc(1, sizeof *j);
    if (!j) { cli_print_diag(cc->diag); ent_diag_clear(cc->diag); return; }
    j->message_only = 1;
    j->bad = (int)ent_diag_errors(cc->diag);
    job_diag(j, cc->diag);
    add_job(cc, j);
}

static int petr_record(const ent_petr_record *r, void *user) {
    code_ctx *cc = user;
    if (cc->write_failed) return 1;
    cc->input_docs++;
    add_message_job(cc); /* records skipped before this one */
    job *j = calloc(1, sizeof *j);
    if (!j) return 1;
    j->story_id = job_str(j, r->id);
    char origin[4200];
    snprintf(origin, sizeof origin, "%s:%ld", cc->cur_path, r->line);
    j->origin = job_str(j, origin);
    j->story_date = r->date;
    j->title = job_str(j, r->text);
    j->ptb = job_str(j, r->parse);
    j->source = job_str(j, r->source);
    add_job(cc, j);
    return 0;
}

/* An input that gave no document and no error: a warning, and exit status 1 at the end
 * (an empty file, a feed without items, XML that is not PETRARCH's). */
static void no_documents(code_ctx *cc, const char *path, ent_input_format fmt) {
    ent_diag_add(cc->diag, ENT_WARNING, strcmp(path, "-") ? path : "stdin", 0, "no documents in this input (read as %s)",
                 ent_input_format_name(fmt));
    cc->empty_inputs++;
}

/* Read one input (file or "-") and queue its documents; bad documents are queued as
 * messages.  Returns the number of failures not counted that way. */
static long code_input(code_ctx *cc, const char *path) {
    ent_input_format fmt = cc->input;
    if (fmt == ENT_INPUT_AUTO && strcmp(path, "-")) {
        char head[1024];
        size_t n = 0;
        FILE *f = fopen(path, "rb");
        if (f) { n = fread(head, 1, sizeof head, f); fclose(f); }
        fmt = ent_input_detect(path, f ? head : NULL, n);
    }
    cc->cur_path = path;
    cc->input_docs = 0;
    if (fmt == ENT_INPUT_PETRXML) {
        ent_status st = ent_petrxml_read(strcmp(path, "-") ? path : "/dev/stdin", NULL, petr_record, cc, cc->diag);
        long unreported = st != ENT_OK && !ent_diag_errors(cc->diag);
        if (st == ENT_OK && !cc->input_docs) no_documents(cc, path, fmt);
        add_message_job(cc);
        return unreported;
    }
    ent_doc_reader *r;
    if (ent_doc_reader_open(path, fmt, cc->diag, &r) != ENT_OK) {
        add_message_job(cc);
        return 0;
    }
    int failed = 0;
    while (!cc->write_failed) {
        ent_doc *doc;
        ent_status st = ent_doc_reader_next(r, &doc, cc->diag);
        if (st != ENT_OK) {
            failed = 1;
            add_message_job(cc); /* printed after the documents before it */
            continue;
        }
        if (!doc) {
            if (!cc->input_docs && !failed) {
                no_documents(cc, path, ent_doc_reader_format(r));
                add_message_job(cc);
            }
            break;
        }
        cc->input_docs++;
        add_message_job(cc); /* the reader's warnings about this document */
        job *j = calloc(1, sizeof *j);
        if (!j) { ent_doc_free(doc); ent_doc_reader_free(r); return 1; }
        j->doc = doc;
        j->story_id = job_str(j, doc->id);
        j->origin = job_str(j, doc->origin);
        j->url = job_str(j, doc->url);
        j->source = job_str(j, doc->source);
        add_job(cc, j);
    }
    ent_doc_reader_free(r);
    return 0;
}

/* The input among files that is the same file as path (same device and inode, so a
 * symbolic or hard link to an input counts; "-" is standard input), or NULL.  A path that
 * does not exist yet is no input. */
static const char *output_is_input(const char *path, const char **files, size_t nfiles) {
    struct stat out, in;
    if (stat(path, &out) != 0) return NULL;
    for (size_t i = 0; i < nfiles; i++) {
        int ok = strcmp(files[i], "-") ? stat(files[i], &in) == 0 : fstat(0, &in) == 0;
        if (ok && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return strcmp(files[i], "-") ? files[i] : "standard input";
    }
    return NULL;
}

/* ---- dictionaries ------------------------------------------------------------------------ */

/* What loading the dictionaries found: with -v every message; otherwise the first
 * DICT_ERRORS_SHOWN errors and a count of all.  A set with no verbs codes nothing: it is
 * refused (returns -1). */
#define DICT_ERRORS_SHOWN 10
static int report_dicts(code_ctx *cc) {
    ent_dict_counts n;
    ent_dicts_counts(cc->dicts, &n);
    size_t shown = 0;
    for (size_t i = 0; i < ent_diag_count(cc->diag); i++) {
        const char *m = ent_diag_message(cc->diag, i);
        if (cc->verbose || (strstr(m, ": error: ") && shown++ < DICT_ERRORS_SHOWN)) fprintf(stderr, "%s\n", m);
    }
    if (n.errors && !cc->verbose)
        fprintf(stderr, "entente: code: the dictionaries have %zu error(s) and %zu warning(s)%s; "
                        "'entente dict check' lists them\n", n.errors, n.warnings,
                n.errors > DICT_ERRORS_SHOWN ? " (first " ENT_STR(DICT_ERRORS_SHOWN) " errors shown)" : "");
    if (!n.verbs) {
        fprintf(stderr, "entente: code: the dictionary set has no verbs (%s): no event could be coded\n",
                cc->config_path ? cc->config_path : cc->dict_dir ? cc->dict_dir : "the bundled set");
        return -1;
    }
    return 0;
}

/* ---- command --------------------------------------------------------------------------- */

static void usage(FILE *f) {
    fprintf(f,
            "usage: entente code [FILE...|-] [--input FMT] [--format FMT] [--dicts DIR | --config FILE]\n"
            "                    [--set OPT=VAL]... [-j N] [--out FILE] [--db URI [--batch N] [--writers N]]\n"
            "  Codes documents into CAMEO events, one line per event.\n"
            "  --input FMT    text, jsonl, html, pdf, petrxml or feed (RSS/Atom: each item a\n"
            "                 story) (default: detected per file)\n"
            "  --format F     jsonl (default), tsv, plover (PLOVER/POLECAT JSON lines; events\n"
            "                 without a PLOVER category left out), phoenix (Phoenix CSV) or\n"
            "                 petrarch (PETRARCH-1 tab-separated records; with --set\n"
            "                 write_actor_text=true also the source and target text, with\n"
            "                 --set write_actor_root=true the actors' dictionary roots)\n"
            "  --dicts DIR    dictionaries in DIR: entente's layout or PETRARCH's file names\n"
            "                 (default: the bundled set); DIR/entente.conf may hold [Options]\n"
            "  --config FILE  a PETR_config.ini-style file: [Dictionaries] dir or files, [Options]\n"
            "  --set OPT=VAL  a coder option over the others (require_dyad, require_source,\n"
            "                 new_actor_length, comma_*); may be repeated\n"
            "  -j N           N worker threads (default 1); output keeps the input order\n"
            "  --out FILE     write events to FILE instead of standard output\n"
            "  --db URI       store stories and events in an SQLite file or postgresql:// database\n"
            "                 (no event lines unless --out).  Written as `entente load` writes:\n"
            "                 whole stories in batches, a story coded again replacing its rows\n"
            "  --batch N      with --db: about N events per transaction, whole stories only\n"
            "                 (default 500000 on SQLite, 50000 on PostgreSQL)\n"
            "  --writers N    with --db on PostgreSQL: write batches over N connections at once\n"
            "                 (default 2; 1: one connection)\n"
            "  --raw          petrxml: code each record's <Text> with entente's tagger, not <Parse>\n"
            "  --sentences    print the cleaned, dated sentences instead of events\n"
            "  -v             report skipped sentences and totals on stderr\n"
            "  --explain      also show on stderr how each sentence was coded (see entente explain)\n"
            "  A FILE that is a folder stands for the input files under it (recursive, by\n"
            "  extension, in sorted order).  No FILE (or '-') reads standard input.  Bad\n"
            "  documents are reported on stderr and skipped, an input without any document is\n"
            "  warned about; the exit status is then 1.\n");
}

int cmd_code(int argc, char **argv) {
    code_ctx cc;
    memset(&cc, 0, sizeof cc);
    cc.threads = 1;
    cc.format = ENT_FORMAT_JSONL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); free(files); return 0; }
        else if (!strcmp(a, "--input") || !strcmp(a, "--format") || !strcmp(a, "--dicts") || !strcmp(a, "-j") ||
                 !strcmp(a, "--config") || !strcmp(a, "--set") ||
                 !strcmp(a, "--out") || !strcmp(a, "--db") || !strcmp(a, "--batch") || !strcmp(a, "--writers")) {
            if (!val) { free(files); return cli_usage_error("code: %s needs a value", a); }
            i++;
            if (!strcmp(a, "--input")) {
                int f = ent_input_format_parse(val);
                if (f < 0) { free(files); return cli_usage_error("code: unknown input format '%s' (text, jsonl, html, pdf, petrxml, feed)", val); }
                cc.input = (ent_input_format)f;
            } else if (!strcmp(a, "--format")) {
                int f = ent_format_parse(val);
                if (f < 0) { free(files); return cli_usage_error("code: unknown output format '%s' (jsonl, tsv, plover, phoenix, petrarch)", val); }
                cc.format = (ent_format)f;
            } else if (!strcmp(a, "--dicts")) cc.dict_dir = val;
            else if (!strcmp(a, "--config")) cc.config_path = val;
            else if (!strcmp(a, "--set") && (!strncmp(val, "write_actor_text=", 17) || !strncmp(val, "write_actor_root=", 17))) {
                /* PETRARCH-1's output options: the actor text and root columns of --format petrarch */
                const char *v = val + 17;
                unsigned flag = val[12] == 't' ? ENT_WRITE_ACTOR_TEXT : ENT_WRITE_ACTOR_ROOT;
                if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "1")) cc.write_flags |= flag;
                else if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "0")) cc.write_flags &= ~flag;
                else { free(files); return cli_usage_error("code: %.16s must be true or false, got '%s'", val, v); }
            }
            else if (!strcmp(a, "--set")) {
                if (!strchr(val, '=') || val[0] == '=') { free(files); return cli_usage_error("code: --set expects OPTION=VALUE, got '%s'", val); }
                if (cc.nsets == sizeof cc.sets / sizeof cc.sets[0]) { free(files); return cli_usage_error("code: too many --set options"); }
                cc.sets[cc.nsets++] = val;
            }
            else if (!strcmp(a, "--out")) cc.out_path = val;
            else if (!strcmp(a, "--db")) cc.db_uri = val;
            else if (!strcmp(a, "--batch")) {
                if (!cli_parse_count(val, 1, LONG_MAX, &cc.db_batch)) {
                    free(files);
                    return cli_usage_error("code: --batch needs a positive number of events");
                }
            } else {
                int w = !strcmp(a, "--writers"); /* else -j */
                long n, hi = w ? CLI_WRITERS_MAX : MAX_THREADS;
                if (!cli_parse_count(val, 1, hi, &n)) {
                    free(files);
                    return cli_usage_error("code: %s needs a number from 1 to %ld", w ? "--writers" : "-j", hi);
                }
                if (w) cc.db_writers = (int)n;
                else cc.threads = (int)n;
            }
        } else if (!strcmp(a, "--raw")) cc.raw = 1;
        else if (!strcmp(a, "--sentences")) cc.sentences_only = 1;
        else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) cc.verbose = 1;
        else if (!strcmp(a, "--explain")) cc.explain = 1;
        else if (a[0] == '-' && a[1]) { free(files); return cli_usage_error("code: unknown option '%s' (try 'entente code --help')", a); }
        else files[nfiles++] = a;
    }
    if (!nfiles) files[nfiles++] = "-";

    if (cc.config_path && cc.dict_dir) { free(files); return cli_usage_error("code: give --dicts or --config, not both"); }
    ent_coder_options_default(&cc.opts);
    cc.diag = ent_diag_new();
    if (!cc.sentences_only) {
        ent_status st = cli_load_coder_setup(cc.config_path, cc.dict_dir, cc.sets, cc.nsets, &cc.opts, cc.diag, &cc.dicts);
        if (st != ENT_OK) {
            cli_print_diag(cc.diag);
            fprintf(stderr, "entente: code: cannot set up the dictionaries and coder options\n");
            ent_dicts_free(cc.dicts);   /* loaded when only a --set option was wrong */
            ent_diag_free(cc.diag);
            free(files);
            return 1;
        }
        if (report_dicts(&cc) != 0) {
            ent_dicts_free(cc.dicts);
            ent_diag_free(cc.diag);
            free(files);
            return 1;
        }
        ent_diag_clear(cc.diag);
    }
    if (cc.db_uri && (cc.sentences_only || ent_store_open(cc.db_uri, cc.diag, &cc.store) != ENT_OK)) {
        if (cc.sentences_only) fprintf(stderr, "entente: code: --db stores events; it cannot be used with --sentences\n");
        cli_print_diag(cc.diag);
        ent_dicts_free(cc.dicts);
        ent_diag_free(cc.diag);
        free(files);
        return cc.sentences_only ? 2 : 1;
    }
    if ((cc.db_batch || cc.db_writers) && !cc.db_uri) {
        fprintf(stderr, "entente: code: --batch and --writers set how --db writes; give --db too\n");
        ent_dicts_free(cc.dicts);
        ent_diag_free(cc.diag);
        free(files);
        return 2;
    }
    /* whole stories in batches, over the PostgreSQL writers, as `load` writes (issue 14) */
    if (cc.store) cli_store_bulk(cc.store, cc.db_batch, cc.db_writers, "code");
    cc.out = stdout;
    cc.out_name = cc.out_path ? cc.out_path : "standard output";
    if (cc.store && !cc.out_path) cc.out = NULL;
    const char *alias = cc.out_path ? output_is_input(cc.out_path, files, nfiles) : NULL;
    if (alias) {
        fprintf(stderr, "entente: code: --out %s is the input %s (same file): refusing to overwrite it\n", cc.out_path, alias);
        ent_store_close(cc.store);
        ent_dicts_free(cc.dicts);
        ent_diag_free(cc.diag);
        free(files);
        return 2;
    }
    if (cc.out_path && !(cc.out = fopen(cc.out_path, "w"))) {
        fprintf(stderr, "entente: code: cannot write %s: %m\n", cc.out_path);
        ent_store_close(cc.store);
        ent_dicts_free(cc.dicts);
        ent_diag_free(cc.diag);
        free(files);
        return 1;
    }
    pthread_mutex_init(&cc.mu, NULL);
    pthread_cond_init(&cc.work_cv, NULL);
    pthread_cond_init(&cc.done_cv, NULL);
    cc.ring_cap = (size_t)cc.threads * BATCHES_PER_THREAD;
    cc.ring = calloc(cc.ring_cap, sizeof *cc.ring);
    cc.workers = calloc((size_t)cc.threads, sizeof *cc.workers);
    /* Tables that the library builds on first use (CAMEO table, tagger lexicon) are built
     * here, before any worker starts, so the workers only ever read them. */
    {
        ent_sentence *warm = ent_sentence_new();
        ent_cameo_lookup("010");
        ent_sentence_analyze(warm, "Leaders met.", 12, cc.diag);
        ent_sentence_free(warm);
        ent_diag_clear(cc.diag);
    }
    for (int i = 0; i < cc.threads; i++) {
        worker *w = &cc.workers[i];
        w->cc = &cc;
        w->coder = ent_coder_new(cc.dicts, &cc.opts);
        if (cc.explain && w->coder) ent_coder_set_explain(w->coder, 1);
        w->diag = ent_diag_new();
        if (cc.threads > 1) pthread_create(&w->thread, NULL, worker_main, w);
    }
    if (cc.out && !cc.sentences_only) ent_write_header(cc.out, cc.format);
    if (cc.out && (ferror(cc.out) || fflush(cc.out) != 0)) output_failed(&cc);
    /* folders stand for the input files under them */
    char **inputs;
    size_t ninputs, empty_dirs;
    cc.bad_docs += cli_expand_inputs("code", files, nfiles, &inputs, &ninputs, &empty_dirs);
    cc.empty_inputs += (long)empty_dirs;
    long long total_bytes = 0;
    struct stat fst;
    for (size_t i = 0; i < ninputs; i++)
        if (strcmp(inputs[i], "-") && stat(inputs[i], &fst) == 0) total_bytes += fst.st_size;
    cli_progress_init(&cc.progress, total_bytes);
    if (cc.out == stdout && isatty(1)) cc.progress.on = 0; /* would mix with the events */

    for (size_t i = 0; i < ninputs && !cc.write_failed; i++) {
        cc.bad_docs += code_input(&cc, inputs[i]);
        if (strcmp(inputs[i], "-") && stat(inputs[i], &fst) == 0) cc.progress_done += fst.st_size;
    }
    cli_free_inputs(inputs, ninputs);
    flush_batch(&cc);
    cli_progress_finish(&cc.progress, cc.docs, cc.events, cc.progress_done);

    pthread_mutex_lock(&cc.mu);
    cc.quit = 1;
    pthread_cond_broadcast(&cc.work_cv);
    pthread_mutex_unlock(&cc.mu);
    for (int i = 0; i < cc.threads; i++) {
        worker *w = &cc.workers[i];
        if (cc.threads > 1) pthread_join(w->thread, NULL);
        ent_coder_free(w->coder);
        ent_diag_free(w->diag);
    }
    if (cc.verbose)
        fprintf(stderr, "code: %ld documents (%ld bad), %ld sentences (%ld skipped), %ld events\n", cc.docs,
                cc.bad_docs, cc.sentences, cc.skipped, cc.events);
    int rc = cc.bad_docs || cc.empty_inputs ? 1 : 0;
    if (cc.store) {
        /* what the database holds now, not what was coded (issue 16 P6) */
        if (!cc.store_failed && ent_store_flush(cc.store) != ENT_OK) {
            fprintf(stderr, "entente: code: --db: %s\n", ent_store_error(cc.store));
            cc.store_failed = 1;
        }
        long stored_stories = 0, stored_events = 0;
        ent_store_written(cc.store, &stored_stories, &stored_events);
        fprintf(stderr, "entente code: %ld stories, %ld events stored (%s)%s\n", stored_stories, stored_events,
                ent_store_backend(cc.store), cc.store_failed ? "; storing stopped after an error" : "");
        if (cc.store_failed) rc = 1;
        else if (cli_name_actors(cc.store, cc.dicts)) rc = 1;
        cli_strmap_free(&cc.stored_ids);
        ent_store_close(cc.store);
    }
    if (cc.write_failed) rc = 1;
    else if (cc.out) { /* flushed, synced (a file) and closed: a full disk is an error, not a cut file */
        ent_diag *d = ent_diag_new();
        if (ent_output_close(cc.out, cc.out_name, d) != 0) { cli_print_diag(d); rc = 1; }
        ent_diag_free(d);
    }
    if (cc.write_failed && cc.out && cc.out != stdout) fclose(cc.out);
    pthread_cond_destroy(&cc.work_cv);
    pthread_cond_destroy(&cc.done_cv);
    pthread_mutex_destroy(&cc.mu);
    free(cc.ring);
    free(cc.workers);
    ent_dicts_free(cc.dicts);
    ent_diag_free(cc.diag);
    free(files);
    return rc;
}

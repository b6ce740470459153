/* analyze.c — raw text of one sentence to the coder's sentence structure:
 * tokenize (text/tokenize.c) -> POS tags (tagger.c) -> phrase tree (chunker.c).
 * Token spans are byte offsets into the text given.  Called from an
 * ent_split_sentences callback on the sentence it was handed, it takes the splitter's
 * tokens instead of tokenizing again (text/split.c, ent_tokcache_for). */
#include "syntax/tagger.h"
#include "text/text.h"

#include <pthread.h>
#include <stdlib.h>

/* More tokens than this in one "sentence" is refused with ENT_ERR_LIMIT (the splitter
 * never produces such sentences; the limit bounds memory on hostile input). */
#define ANALYZE_MAX_TOKENS 2000000

/* Per-thread scratch reused across calls (no malloc per sentence); buffers that grew
 * past SCRATCH_KEEP entries for a huge sentence are released afterwards. */
#define SCRATCH_KEEP 65536
static _Thread_local struct scratch {
    ent_tagword *w;
    ent_span *spans;
    size_t cap, scap;
    ent_buf texts;
    int registered;
} tl;

/* Free this thread's scratch when the thread exits (a key destructor runs in the
 * exiting thread, so tl is still this thread's). */
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static void scratch_free(void *unused) {
    (void)unused;
    free(tl.w);
    free(tl.spans);
    ent_buf_free(&tl.texts);
    memset(&tl, 0, sizeof tl);
}
static void scratch_key_init(void) { pthread_key_create(&scratch_key, scratch_free); }

ent_status ent_sentence_analyze(ent_sentence *s, const char *text, size_t len, ent_diag *diag) {
    ent_sentence_reset(s);
    if (!text && len) {
        ent_diag_add(diag, 1, NULL, 0, "ent_sentence_analyze: NULL text with length %zu", len);
        return ENT_ERR_INVALID;
    }
    if (len > UINT32_MAX) {
        ent_diag_add(diag, 1, NULL, 0, "ent_sentence_analyze: text of %zu bytes exceeds the 4 GiB span limit", len);
        return ENT_ERR_LIMIT;
    }
    /* inside an ent_split_sentences callback the splitter's tokens are reused */
    const ent_tokcache *tc = ent_tokcache_for(text, len);
    ent_tokenizer tz;
    ent_tokenizer_init(&tz, tc || !text ? "" : text, tc ? 0 : len);
    size_t ci = 0;
    if (!tl.registered) {
        pthread_once(&scratch_once, scratch_key_init);
        pthread_setspecific(scratch_key, &tl);
        tl.registered = 1;
    }
    ent_tagword *w = tl.w;
    ent_span *spans = tl.spans;
    size_t n = 0, cap = tl.cap, scap = tl.scap;
    ent_buf texts = tl.texts;
    ent_buf_clear(&texts);
    ent_tok t;
    ent_status st = ENT_OK;
    int last_abbrev = 0;
    for (;;) {
        if (tc) {
            if (ci >= tc->n) break;
            const ent_ctok *c = &tc->toks[ci++];
            t.span = c->span;
            t.text = ent_ctok_text(tc, c);
            t.len = c->len;
            t.kind = c->kind;
            t.abbrev = c->abbrev;
        } else if (!ent_tokenizer_next(&tz, &t)) break;
        if (n >= ANALYZE_MAX_TOKENS) {
            ent_diag_add(diag, 1, NULL, 0, "ent_sentence_analyze: more than %d tokens in one sentence (split the text first)",
                         ANALYZE_MAX_TOKENS);
            st = ENT_ERR_LIMIT;
            break;
        }
        ENT_GROW(w, n + 1, cap);
        ENT_GROW(spans, n + 1, scap);
        if (tc) w[n].text = t.text;   /* stable while the split's callback runs */
        else {
            w[n].text = (const char *)(uintptr_t)texts.len; /* offset for now: texts may move */
            ent_buf_append(&texts, t.text, t.len);
            ent_buf_putc(&texts, 0);
        }
        w[n].len = t.len;
        w[n].kind = t.kind;
        w[n].tag[0] = 0;
        spans[n] = t.span;
        last_abbrev = t.abbrev;
        n++;
    }
    ent_tokenizer_free(&tz);
    if (st == ENT_OK) {
        if (!tc)
            for (size_t i = 0; i < n; i++) w[i].text = texts.data + (uintptr_t)w[i].text;
        if (n > 0 && last_abbrev) {
            /* "... in the U.S." -> "U.S." "." as in the Treebank */
            ENT_GROW(w, n + 1, cap);
            ENT_GROW(spans, n + 1, scap);
            w[n].text = ".";
            w[n].len = 1;
            w[n].kind = ENT_TOK_PUNCT;
            w[n].tag[0] = 0;
            spans[n] = (ent_span){ spans[n - 1].end - 1, spans[n - 1].end };
            n++;
        }
        ent_tag_words(w, n);
        ent_chunk(s, w, spans, n);
        s->source = text;
        s->source_len = len;
    } else {
        ent_sentence_reset(s);
    }
    if (cap > SCRATCH_KEEP) {
        free(w);
        free(spans);
        ent_buf_free(&texts);
        w = NULL; spans = NULL; cap = scap = 0;
    }
    tl.w = w; tl.spans = spans; tl.cap = cap; tl.scap = scap; tl.texts = texts;
    return st;
}

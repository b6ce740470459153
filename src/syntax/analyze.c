/* analyze.c — raw text of one sentence to the coder's sentence structure:
 * tokenize (text/tokenize.c) -> POS tags (tagger.c) -> phrase tree (chunker.c).
 * Token spans are byte offsets into the text given.  ent_sentence_analyze_tokens takes
 * the tokens an ent_split_tokens callback was handed instead of tokenizing again.  The
 * scratch of all three steps is the sentence's work area (ent_analysis_work). */
#include "syntax/analyze.h"
#include "syntax/tagger.h"

#include <stdlib.h>

/* More tokens than this in one "sentence" is refused with ENT_ERR_LIMIT (the splitter
 * never produces such sentences; the limit bounds memory on hostile input). */
#define ANALYZE_MAX_TOKENS 2000000

/* Scratch buffers that grew past SCRATCH_KEEP entries for a huge sentence are released
 * after it. */
#define SCRATCH_KEEP 65536

ent_analysis_work *ent_sentence_work(ent_sentence *s) {
    if (!s->work) s->work = ent_xcalloc(1, sizeof *s->work);
    return s->work;
}

void ent_analysis_work_free(ent_analysis_work *aw) {
    if (!aw) return;
    free(aw->w);
    free(aw->spans);
    ent_buf_free(&aw->texts);
    free(aw->tag.cand);
    free(aw->tag.qw);
    free(aw->tag.qcand);
    free(aw->tag.qmap);
    free(aw->chunk.nodes);
    free(aw->chunk.memo);
    free(aw->chunk.map);
    free(aw->chunk.stack);
    ent_tokcache_free(aw->toks);
    free(aw);
}

ent_status ent_sentence_analyze(ent_sentence *s, const char *text, size_t len, ent_diag *diag) {
    return ent_sentence_analyze_tokens(s, text, len, NULL, diag);
}

ent_tokcache *ent_sentence_tokcache(ent_sentence *s) {
    ent_analysis_work *aw = ent_sentence_work(s);
    if (!aw->toks) aw->toks = ent_tokcache_new();
    return aw->toks;
}

typedef struct split_analyze {
    ent_sentence *s;
    ent_analyzed_fn fn;
    void *user;
    ent_diag *diag;
} split_analyze;

static int on_split(const char *text, size_t len, ent_span span, const ent_tokcache *toks, void *user) {
    split_analyze *sa = user;
    ent_status st = ent_sentence_analyze_tokens(sa->s, text, len, toks, sa->diag);
    return sa->fn ? sa->fn(sa->s, text, len, span, st, sa->user) : 0;
}

size_t ent_split_analyze(ent_sentence *s, const char *text, size_t len, ent_analyzed_fn fn, void *user,
                         ent_diag *diag) {
    split_analyze sa = {s, fn, user, diag};
    return ent_split_tokens(text, len, ent_sentence_tokcache(s), on_split, &sa);
}

ent_status ent_sentence_analyze_tokens(ent_sentence *s, const char *text, size_t len, const ent_tokcache *tc,
                                       ent_diag *diag) {
    ent_sentence_reset(s);
    if (!text && len) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "ent_sentence_analyze: NULL text with length %zu", len);
        return ENT_ERR_INVALID;
    }
    if (len > UINT32_MAX) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "ent_sentence_analyze: text of %zu bytes exceeds the 4 GiB span limit", len);
        return ENT_ERR_LIMIT;
    }
    if (tc && (tc->text != text || tc->len != len)) tc = NULL; /* not this sentence's tokens */
    ent_tokenizer tz;
    ent_tokenizer_init(&tz, tc || !text ? "" : text, tc ? 0 : len);
    size_t ci = 0;
    ent_analysis_work *aw = ent_sentence_work(s);
    ent_tagword *w = aw->w;
    ent_span *spans = aw->spans;
    size_t n = 0, cap = aw->cap, scap = aw->scap;
    ent_buf texts = aw->texts;
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
            ent_diag_add(diag, ENT_ERROR, NULL, 0, "ent_sentence_analyze: more than %d tokens in one sentence (split the text first)",
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
        ent_tag_words(&aw->tag, w, n);
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
    aw->w = w; aw->spans = spans; aw->cap = cap; aw->scap = scap; aw->texts = texts;
    return st;
}

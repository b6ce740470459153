/* split.c — sentence splitting of a whole text (ent_split_sentences in entente.h).
 *
 * Works on the tokenizer's stream, so abbreviations and numbers are already whole
 * tokens ("U.S.", "3.5").  A boundary follows ".", "!", "?" or "..." (plus any closing
 * quotes and brackets) when the next token can start a sentence (not a lower-case word,
 * not a comma); after an abbreviation that can end a sentence ("U.S.", "Inc.") only when
 * a typical sentence opener follows ("The", "He"); never after a title ("Mr.", "Gen.") or
 * an initial.  A blank line always ends a sentence, and so does the end of a
 * headline-like line (at most 20 words, mostly capitalised, lower case only for
 * function words, no final punctuation) before a line that starts a sentence.  Streaming:
 * linear time; memory is the longest token plus the tokens of the current sentence.
 * ent_split_tokens (internal) also hands each sentence's tokens to its callback in a
 * cache the caller owns, so that analysing the sentence (ent_sentence_analyze_tokens)
 * does not tokenize it again. */
#include "text/text.h"

#include <ctype.h>
#include <stdlib.h>

static int tok_is(const ent_tok *t, const char *s) {
    size_t n = strlen(s);
    return t->len == n && memcmp(t->text, s, n) == 0;
}

static int is_terminal(const ent_tok *t) {
    return t->kind == ENT_TOK_PUNCT && (tok_is(t, ".") || tok_is(t, "!") || tok_is(t, "?") || tok_is(t, "..."));
}

static int is_closer(const ent_tok *t) {
    return tok_is(t, "''") || tok_is(t, "'") || tok_is(t, "-RRB-") || tok_is(t, "-RSB-") || tok_is(t, "-RCB-");
}

/* Can t open a new sentence? */
static int can_start(const ent_tok *t) {
    unsigned char c = (unsigned char)t->text[0];
    if (t->kind == ENT_TOK_WORD) return !islower(c);
    if (t->kind == ENT_TOK_NUMBER) return 1;
    if (t->kind == ENT_TOK_CLITIC) return 0;
    return tok_is(t, "``") || tok_is(t, "`") || tok_is(t, "-LRB-") || tok_is(t, "-LSB-") ||
           tok_is(t, "--") || tok_is(t, "*") || tok_is(t, "$") || tok_is(t, "#");
}

static const char *const OPENERS[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "his", "her", "its", "their", "our", "in", "on", "at", "but", "and",
    "or", "so", "if", "when", "while", "after", "before", "as", "however", "meanwhile",
    "also", "for", "last", "earlier", "later", "some", "many", "most", "both", "what", "who",
    "why", "how", "police", "officials", "yet", "since", "although", "though", "during",
    "according", "with", "one", "two", "three", NULL
};

static int is_opener(const ent_tok *t) {
    if (t->kind != ENT_TOK_WORD || !isupper((unsigned char)t->text[0]) || t->len >= 16) return 0;
    char low[16];
    for (size_t i = 0; i < t->len; i++) low[i] = (char)tolower((unsigned char)t->text[i]);
    low[t->len] = 0;
    for (size_t i = 0; OPENERS[i]; i++)
        if (OPENERS[i][0] == low[0] && strcmp(OPENERS[i], low) == 0) return 1;
    return 0;
}

/* Lower-case words a title-case headline may contain ("Talks on Peace Resume in Cairo"). */
static int is_function_word(const ent_tok *t) {
    static const char *const F[] = { "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and",
                                     "or", "as", "with", "from", "into", "over", "amid", "after", "says",
                                     "vs", "via", "but", "nor", "is", "are", NULL };
    if (t->len > 5) return 0;
    for (size_t i = 0; F[i]; i++)
        if (F[i][0] == t->text[0] && strncmp(F[i], t->text, t->len) == 0 && F[i][t->len] == 0) return 1;
    return 0;
}

/* ---- token cache (see text.h) --------------------------------------------------------- */

ent_tokcache *ent_tokcache_new(void) {
    ent_tokcache *c = ent_xcalloc(1, sizeof *c);
    ent_buf_init(&c->texts);
    return c;
}

void ent_tokcache_free(ent_tokcache *c) {
    if (!c) return;
    free(c->toks);
    ent_buf_free(&c->texts);
    free(c);
}

static void cache_push(ent_tokcache *c, const ent_tok *t) {
    ENT_GROW(c->toks, c->n + 1, c->cap);
    ent_ctok *k = &c->toks[c->n++];
    k->span = t->span;
    k->len = (uint32_t)t->len;
    k->kind = t->kind;
    k->abbrev = t->abbrev;
    if (t->text == c->base + t->span.start) {   /* the source bytes themselves: no copy */
        k->in_source = 1;
        k->off = t->span.start;
        return;
    }
    /* a normalised form (scratch or a constant): copied, with a NUL after it */
    k->in_source = 0;
    k->off = (uint32_t)c->texts.len;
    ent_buf *B = &c->texts;
    ENT_GROW(B->data, B->len + t->len + 2, B->cap);
    memcpy(B->data + B->len, t->text, t->len);
    B->len += t->len + 1;
    B->data[B->len - 1] = 0;
    B->data[B->len] = 0;
}

/* Hand the sentence [start, end) to fn with its tokens (c NULL: none kept); token spans
 * become relative to the sentence.  Returns fn's result. */
static int emit(ent_tokcache *c, const char *text, uint32_t start, uint32_t end, ent_split_fn fn, void *user) {
    if (!c) return fn(text + start, end - start, (ent_span){ start, end }, NULL, user);
    for (size_t i = 0; i < c->n; i++) { c->toks[i].span.start -= start; c->toks[i].span.end -= start; }
    c->text = text + start;
    c->len = end - start;
    int r = fn(text + start, end - start, (ent_span){ start, end }, c, user);
    c->text = NULL;
    c->n = 0;
    ent_buf_clear(&c->texts);
    return r;
}

/* What the last token of the current sentence allows. */
enum { P_NONE, P_TERMINAL, P_ABBREV };

/* A cache that grew past CACHE_KEEP tokens or bytes for a huge sentence is shrunk back
 * after the split, so one pathological text does not pin its memory in a work area. */
#define CACHE_KEEP 65536

size_t ent_split_tokens(const char *text, size_t len, ent_tokcache *cache, ent_split_fn fn, void *user) {
    if (!text || len == 0) return 0;
    if (len > UINT32_MAX) len = UINT32_MAX; /* spans are 32-bit */
    ent_tokenizer tz;
    ent_tokenizer_init(&tz, text, len);
    ent_tok t;
    if (!fn) cache = NULL;
    if (cache) { cache->base = text; cache->n = 0; ent_buf_clear(&cache->texts); }
    size_t count = 0;
    int have = 0, pending = P_NONE, stop = 0;
    uint32_t start = 0, end = 0;
    size_t line_words = 0, line_caps = 0, line_lower = 0; /* line_lower: lower-case content words */
    int line_open = 0; /* last token of the line leaves the sentence open (",", "the") */
    while (!stop && ent_tokenizer_next(&tz, &t)) {
        if (have) {
            int boundary = 0;
            if (t.newlines_before >= 2) boundary = 1;
            else if (pending == P_TERMINAL) {
                if ((is_closer(&t) && !t.space_before) || tok_is(&t, "''") || tok_is(&t, "-RRB-")) {
                    end = t.span.end;
                    if (cache) cache_push(cache, &t);
                    continue;
                }
                boundary = can_start(&t);
            } else if (pending == P_ABBREV) {
                boundary = is_opener(&t);
            }
            if (!boundary && t.newlines_before == 1 && !line_open && line_words > 0 && line_words <= 20 &&
                line_caps * 10 >= line_words * 6 && line_lower == 0 && can_start(&t) && pending == P_NONE)
                boundary = 1;
            if (!boundary && t.span.end - start > ENT_SPLIT_MAX_BYTES) boundary = 1;
            if (boundary) {
                count++;
                if (fn && emit(cache, text, start, end, fn, user)) stop = 1;
                have = 0;
            }
        }
        if (stop) break;
        if (!have) { have = 1; start = t.span.start; line_words = line_caps = line_lower = 0; }
        if (t.newlines_before) line_words = line_caps = line_lower = 0;
        end = t.span.end;
        if (cache) cache_push(cache, &t);
        if (t.kind == ENT_TOK_WORD) {
            line_words++;
            if (!islower((unsigned char)t.text[0])) line_caps++;
            else if (line_lower == 0 && !is_function_word(&t)) line_lower++; /* only == 0 is tested */
        }
        line_open = t.kind == ENT_TOK_PUNCT && !is_closer(&t);
        if (is_terminal(&t)) pending = P_TERMINAL;
        else if (t.abbrev) {
            int cls = ent_abbrev_class(t.text, t.len - 1);
            int initial = t.len == 2;
            pending = (cls == ENT_ABBR_TITLE || initial) ? P_NONE : P_ABBREV;
        } else pending = P_NONE;
    }
    if (have && !stop) {
        count++;
        if (fn) emit(cache, text, start, end, fn, user);
    }
    ent_tokenizer_free(&tz);
    if (cache) {
        cache->text = cache->base = NULL;
        cache->n = 0;
        ent_buf_clear(&cache->texts);
        if (cache->cap > CACHE_KEEP) { free(cache->toks); cache->toks = NULL; cache->cap = 0; }
        if (cache->texts.cap > CACHE_KEEP) { ent_buf_free(&cache->texts); ent_buf_init(&cache->texts); }
    }
    return count;
}

/* The public splitter: no tokens are kept for the callback. */
typedef struct plain_split { ent_sentence_fn fn; void *user; } plain_split;
static int plain_sentence(const char *s, size_t len, ent_span span, const ent_tokcache *toks, void *user) {
    (void)toks;
    const plain_split *p = user;
    return p->fn(s, len, span, p->user);
}

size_t ent_split_sentences(const char *text, size_t len, ent_sentence_fn fn, void *user) {
    plain_split p = {fn, user};
    return ent_split_tokens(text, len, NULL, fn ? plain_sentence : NULL, &p);
}

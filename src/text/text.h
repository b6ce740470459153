/* text.h — internal interface of the text stage: code-point normalisation, the
 * streaming Treebank-convention tokenizer and the abbreviation tables shared by the
 * tokenizer and the sentence splitter.  Public entry points (ent_split_sentences,
 * ent_text_normalize) are declared in entente.h. */
#ifndef ENT_TEXT_H
#define ENT_TEXT_H

#include "util/util.h"

/* Decode one code point at s[i] (i < len).  Returns it and sets *n to its byte length;
 * an invalid or truncated sequence yields 0xFFFD with *n = 1. */
int32_t ent_utf8_decode(const char *s, size_t len, size_t i, int *n);

/* ASCII replacement for a code point that normalisation rewrites (typographic quotes,
 * dashes, spaces, ligatures, fullwidth forms, control characters): writes up to 3
 * bytes to out and returns their count (0 for characters that are dropped, such as
 * zero-width spaces), or -1 when the code point is kept as it is. */
int ent_norm_codepoint(int32_t cp, char out[4]);

/* Token kinds, for the splitter and tagger. */
enum {
    ENT_TOK_WORD = 0,   /* letters/digits, possibly with internal . , - ' & / */
    ENT_TOK_NUMBER,     /* starts with a digit */
    ENT_TOK_PUNCT,      /* punctuation or symbol */
    ENT_TOK_CLITIC      /* 's 're n't ... split off a word */
};

/* One token.  text is the normalised form ("``" for an opening double quote, "--" for
 * an em dash, "-LRB-" for "("); it points into the source or into the tokenizer's
 * scratch buffer and is valid until the next call. */
typedef struct ent_tok {
    ent_span span;        /* bytes in the source */
    const char *text;
    size_t len;
    int kind;
    int space_before;     /* white space (or start of text) precedes the token */
    int newlines_before;  /* number of '\n' in the white space before it */
    int abbrev;           /* a word that swallowed a final '.' ("Mr.", "U.S.") */
} ent_tok;

typedef struct ent_tokenizer {
    const char *s;
    size_t len, pos;
    ent_buf scratch;
    int32_t prev_cp;      /* last code point of the previous token, 0 at start */
    int prev_open;        /* previous token opens something (quote/bracket) */
    int prev_word;        /* previous token was a word or number */
} ent_tokenizer;

void ent_tokenizer_init(ent_tokenizer *tz, const char *s, size_t len);
void ent_tokenizer_free(ent_tokenizer *tz);
/* Next token; returns 0 at the end of the text.  Linear overall. */
int ent_tokenizer_next(ent_tokenizer *tz, ent_tok *t);

/* The tokens of the sentence an ent_split_tokens callback is being handed, so that
 * ent_sentence_analyze_tokens on that sentence does not tokenize it a second time.  Token
 * spans are relative to text; a token's characters (len bytes, not NUL-terminated) are
 * base + off when in_source (the token is the source bytes as they are), else
 * texts.data + off (a normalised form).  The caller owns the cache (part of its work
 * area: ent_tokcache_new / ent_tokcache_free) and lends it to each split. */
typedef struct ent_ctok {
    ent_span span;
    uint32_t off, len;
    int kind, abbrev, in_source;
} ent_ctok;

typedef struct ent_tokcache {
    const char *text;     /* the sentence handed to the callback */
    size_t len;
    const char *base;     /* the whole text being split */
    ent_ctok *toks;
    size_t n, cap;
    ent_buf texts;
} ent_tokcache;

/* The characters of cached token k of c. */
static inline const char *ent_ctok_text(const ent_tokcache *c, const ent_ctok *k) {
    return (k->in_source ? c->base : c->texts.data) + k->off;
}

/* ent_text_clean with its scratch (working copy, paragraph store) in sc, which the
 * caller keeps between documents (zero-initialised at first; ent_clean_scratch_free). */
typedef struct ent_clean_scratch {
    char *w;
    size_t wcap;
    ent_buf store;
} ent_clean_scratch;
void ent_text_clean_with(ent_clean_scratch *sc, const char *text, size_t len, ent_cleaned *out);
void ent_clean_scratch_free(ent_clean_scratch *sc);

ent_tokcache *ent_tokcache_new(void);
void ent_tokcache_free(ent_tokcache *c);

/* ent_split_sentences with the sentence's tokens handed to fn in cache (valid until fn
 * returns; cache NULL: toks is NULL).  The splitting itself is the same. */
typedef int (*ent_split_fn)(const char *sentence, size_t len, ent_span span, const ent_tokcache *toks, void *user);
size_t ent_split_tokens(const char *text, size_t len, ent_tokcache *cache, ent_split_fn fn, void *user);

/* Abbreviation classes for a word without its final '.', case-insensitive. */
enum { ENT_ABBR_NONE = 0, ENT_ABBR_TITLE, ENT_ABBR_OTHER };
int ent_abbrev_class(const char *w, size_t n);
/* Is w[0..n) a U.S. legislator's party-and-state tag, "R-Texas", "D-Calif", "D-N.Y",
 * "I-Vt." (R, D or I, a hyphen, then a state's one-word name, its newspaper
 * abbreviation or its dotted initials; a final '.' allowed), any case? */
int ent_party_state_tag(const char *w, size_t n);
/* Month number (1-12) for a month's name or abbreviation in any case ("May", "FEB.",
 * "Sept"), else 0 (dates.c). */
int ent_month_word(const char *w, size_t n);

/* Whether a line of extracted text is an artifact (symbols, codes, mangled words) rather
 * than prose: ent_clean_is_garbage is the fast 64-bytes-at-a-time version, ent_clean_is_garbage_scan
 * the byte-by-byte reference it must agree with (src/text/clean.c; tests compare them). */
int ent_clean_is_garbage(const char *s, size_t n);
int ent_clean_is_garbage_scan(const char *s, size_t n);

#endif

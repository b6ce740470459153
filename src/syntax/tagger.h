/* tagger.h — internal interface of entente's POS tagger and chunker.
 *
 * lexicon.c: lookup in the build-time Brill lexicon table (tools/gen-lexicon.mjs).
 * tagger.c:  Penn POS tags for a token sequence: lexicon candidates (most frequent tag
 *            first), suffix/shape rules for unknown words, then contextual rules.
 * chunker.c: a Penn-style phrase tree (S, NP, VP, PP, SBAR, ...) over tagged tokens,
 *            written into an ent_sentence. */
#ifndef ENT_TAGGER_H
#define ENT_TAGGER_H

#include "syntax/sentence.h"

#define ENT_LEX_MAXTAGS 6

/* Candidate Penn tags of a word as written (case-sensitive), most frequent first.
 * Returns their number (0 when the word is unknown); tags[] point to static strings,
 * most of them rows of ent_lex_tag8 (8 readable bytes, zero-padded). */
int ent_lex_lookup(const char *w, size_t n, const char *tags[ENT_LEX_MAXTAGS]);
#define ENT_LEX_TAG8_MAX 64
extern char ent_lex_tag8[ENT_LEX_TAG8_MAX][8];
/* Number of words in the lexicon (0 would mean the table is missing). */
size_t ent_lex_words(void);

/* Closed-class word features, computed once per token by ent_tag_words. */
enum {
    ENT_W_BE = 1 << 0, ENT_W_HAVE = 1 << 1, ENT_W_DO = 1 << 2, ENT_W_NUMBER = 1 << 3,
    ENT_W_PARTICLE = 1 << 4, ENT_W_SUB = 1 << 5, ENT_W_TEMPORAL = 1 << 6, ENT_W_NEXTLAST = 1 << 7,
    ENT_W_WILL = 1 << 8, ENT_W_THAT = 1 << 9, ENT_W_OF = 1 << 10, ENT_W_BY = 1 << 11,
    ENT_W_NOT = 1 << 12, ENT_W_WHOSE = 1 << 13, ENT_W_CLITIC_S = 1 << 14,
    ENT_W_NAMEPART = 1 << 15,    /* a lowercase particle of personal names: "de", "van", "bin" */
    ENT_W_TODIR = 1 << 16,       /* a word after which "to" is a preposition: "returned", "came" */
    ENT_W_NO = 1 << 17,          /* "no" ("no longer": an adverb) */
    ENT_W_SAY = 1 << 18,         /* a verb that opens a reported clause: "said", "warns", "believes" */
    ENT_W_IN = 1 << 19,          /* "in" (a verb's particle before "to": "gave in to") */
    ENT_W_TIMEUNIT = 1 << 20     /* a noun of a span of time: "years", "day" ("two days after ...") */
};
/* Features of a word (case-insensitive); 0 for open-class words. */
unsigned ent_word_flags(const char *w, size_t n);
/* Is w[0..n) a capitalised word that can only be a name: not all capitals, no name
 * particle, and its lower-case form unknown to the lexicon ("Julie", "Luther"; not
 * "Culture", "Bush", "US")? */
int ent_word_pure_name(const char *w, size_t n);

/* One token to tag: text in, tag (and flags) out. */
typedef struct ent_tagword {
    const char *text;
    size_t len;
    int kind;                 /* ENT_TOK_* from text/text.h */
    char tag[ENT_LABEL_MAX];
    unsigned flags;           /* ENT_W_*, set by ent_tag_words */
} ent_tagword;

/* The analyzer's work area: what tokenizing, tagging and chunking reuse from one sentence
 * to the next (no malloc per sentence).  An ent_sentence owns one (s->work, made on first
 * analysis by ent_sentence_work, freed with the sentence), so whoever owns the sentence
 * owns the scratch: one sentence per thread, no hidden per-thread state.  Buffers that
 * grew huge for one sentence are released after it. */
typedef struct ent_tag_scratch {        /* tagger.c: per-token tag candidates */
    struct cand *cand;
    size_t cap;
    /* a sentence with quotation marks: its other words, their candidates and places */
    ent_tagword *qw;
    struct cand *qcand;
    size_t *qmap;
    size_t qcap;
} ent_tag_scratch;
typedef struct ent_chunk_scratch {      /* chunker.c: nodes, memo, map and stack */
    struct cnode *nodes;
    size_t cap;
    uint32_t *memo;
    int32_t *map, *stack;
    size_t mcap, scap, stcap;
} ent_chunk_scratch;
struct ent_analysis_work {
    ent_tagword *w;                     /* analyze.c: the sentence's tokens */
    ent_span *spans;
    size_t cap, scap;
    ent_buf texts;
    ent_tag_scratch tag;
    ent_chunk_scratch chunk;
    struct ent_tokcache *toks;          /* the splitter's tokens for ent_split_analyze and
                                           ent_code_document (text/text.h), made on first use */
};
typedef struct ent_analysis_work ent_analysis_work;
/* s's work area, made on first use. */
ent_analysis_work *ent_sentence_work(ent_sentence *s);

/* Tag n tokens in place, with candidates in sc.  Linear time; never fails. */
void ent_tag_words(ent_tag_scratch *sc, ent_tagword *w, size_t n);

/* Build the phrase tree for tokens already in tagged form: s must be reset; the
 * function adds the ROOT, phrases and tokens (texts and spans from w/spans) and calls
 * ent_sentence_finish.  spans may be NULL.  Scratch: s's work area.  Linear time; tree
 * depth bounded. */
void ent_chunk(ent_sentence *s, const ent_tagword *w, const ent_span *spans, size_t n);

#endif

/* coder_int.h — internal structures of the event coder (src/coder/ files).
 *
 * The coder works on a flat "item" sequence derived from the sentence's phrase tree:
 * every phrase becomes an OPEN item, its children, and a CLOSE item; a token becomes a
 * WORD item carrying its tag (a tagged word counts as a complete phrase of its own;
 * words inside NE groups carry no tag).  Noun phrases that can hold actors
 * are flattened into NE groups (OPEN(NE) words CLOSE(NE)); coordinated noun phrases
 * become NEC groups holding one NE per conjunct.  This is the shallow view the
 * TABARI/PETRARCH dictionaries were written for: verb patterns are word sequences
 * around the verb, actors are word sequences inside noun phrases.
 *
 * All per-sentence memory lives in the ent_coder's scratch (arrays reused between
 * sentences, an arena reset per sentence), so coding does not allocate in steady state.
 */
#ifndef ENT_CODER_INT_H
#define ENT_CODER_INT_H

#include "util/util.h"
#include "syntax/sentence.h"
#include "dict/dict.h"

enum { K_OPEN = 1, K_CLOSE, K_WORD };

/* label classes used by the coder's decisions */
enum {
    L_OTHER = 0, L_NE, L_NEC, L_NP, L_VP, L_S, L_PP, L_SBR, L_VB, L_COMMA, L_CC, L_IN,
    L_POS, L_NN, L_JJ, L_ROOT, L_SBAR
};

typedef struct coder_item {
    uint8_t kind;        /* K_OPEN, K_CLOSE, K_WORD */
    uint8_t lab;         /* L_* class of the phrase label / tag */
    uint8_t vbn;         /* OPEN/CLOSE with tag VBN */
    uint8_t placed;      /* OPEN(NE): its country came from the place after it (place_after) */
    uint8_t pair;        /* OPEN(NE): "the two sides": coded as the two parties it stands for */
    uint8_t story_ref;   /* OPEN(NE): coded from a person the story named earlier (story_person) */
    const char *label;   /* phrase label (OPEN/CLOSE), tag (WORD of a leaf), else NULL */
    const char *w;       /* WORD: uppercased text */
    int32_t tok;         /* WORD: token index, else -1 */
    uint32_t h;          /* WORD: hash of w (pattern prefilter) */
    int32_t mate;        /* OPEN <-> CLOSE partner index (filled by ent_cz_pair) */
    const char *code;    /* OPEN(NE): actor code after assignment ("---" = none) */
    const char *text;    /* OPEN(NE): the words of the phrase (evidence) */
    const char *root;    /* OPEN(NE): root phrase of the actor entry that gave the code, or NULL */
} coder_item;

/* growable item vector */
typedef struct cvec {
    coder_item *v;
    size_t n, cap;
} cvec;

/* per-sentence scratch of the linearizer */
typedef struct cz_scratch {
    cvec items, tmp;
    uint8_t *nlab;   size_t nlab_cap;     /* per-node label class after compound marking */
    int32_t *flat;   size_t flat_cap;     /* per-node: end of its subtree (exclusive) */
    const char **words; size_t words_cap; /* word buffer for dictionary lookups */
    int32_t *pos;    size_t pos_cap;      /* item index of each word in `words` */
    uint32_t *wh;    size_t wh_cap;       /* hash of each word in `words` */
    uint32_t *th;    size_t th_cap;       /* hash of each token's uppercased text */
    int nec_in_ne;                        /* a compound inside an NE: needs expanding */
    int relative_phrases;                 /* set by the caller (clauses option): a relative
                                           * clause set off by a comma inside a noun phrase
                                           * keeps its phrases (ent_cz_linearize) */
    const struct ent_dicts *d;            /* the coder's dictionaries (NULL: none), for
                                             names with "of" ("the Group of Seven") */
    int attributed;                       /* set by ent_cz_commas: it set aside a closing
                                           * clause with a verb of saying (", the ministry
                                           * said"): the sentence is someone's report */
} cz_scratch;

static inline void cvec_push(cvec *c, coder_item it) {
    ENT_GROW(c->v, c->n + 1, c->cap);
    c->v[c->n++] = it;
}

/* Append a zeroed item and return it (filled in place: no copy of a whole item). */
static inline coder_item *cvec_add(cvec *c) {
    ENT_GROW(c->v, c->n + 1, c->cap);
    coder_item *it = &c->v[c->n++];
    *it = (coder_item){0};
    return it;
}

/* Hash every token's uppercased text into z->th (call before ent_cz_linearize). */
void ent_cz_hash_tokens(cz_scratch *z, const ent_sentence *s);
/* Build the item sequence of sentence s into z->items.  Returns 0 on success, -1 if the
 * tree is unusable (empty). */
int ent_cz_linearize(cz_scratch *z, const ent_sentence *s);
/* Fill the mate fields; returns 0 if balanced, -1 otherwise. */
int ent_cz_pair(cvec *c);
/* PETRARCH's "dateline" test: the first three phrases are ROOT, NE, NEC. */
int ent_cz_is_dateline(const cvec *c);
/* Delete comma-delimited clauses according to the comma_* options (0 = off for max);
 * keep_joined (the clauses option) keeps a clause joined by a coordinator or subordinator
 * with a finite verb of its own. */
void ent_cz_commas(cz_scratch *z, int cmin, int cmax, int bmin, int bmax, int emin, int emax, int keep_joined);

/* A form of "be" (upper-case word; NULL is not): what makes a following past participle
 * passive and a following "going to"/"set to" a plan. */
static inline int ent_cz_is_be_form(const char *w) {
    static const char *const be[] = {"WAS", "WERE", "IS", "ARE", "BE", "BEEN", "BEING", "AM", "'RE", NULL};
    return ent_str_in_list(w, be);
}

/* A form of "be", or of a copula that keeps a state ("remain", "stay"): a past participle
 * after it is passive ("remained detained": held by someone), unless it is a participle of
 * a state of the subject (coder.c, stative_resolve, stative_participle). */
static inline int ent_cz_is_passive_aux(const char *w) {
    static const char *const keep[] = {"REMAIN", "REMAINS", "REMAINED", "REMAINING", "STAY", "STAYS", "STAYED",
                                       "STAYING", NULL};
    return ent_cz_is_be_form(w) || ent_str_in_list(w, keep);
}

/* A subordinator that opens an adverbial clause stating an act of its own, of time,
 * contrast or cause ("after Turkey threatened Sweden", "while Russia condemned the
 * strikes", "as the rebels vowed to seize ..."); upper-case word.  Not "if" or
 * "unless" (a condition: no act took place), not "that" (a reported or object clause). */
static inline int ent_cz_is_subordinator(const char *w) {
    static const char *const sub[] = {"WHILE", "WHEREAS", "ALTHOUGH", "THOUGH", "AFTER", "BEFORE", "AS", "WHEN",
                                      "SINCE", "BECAUSE", "UNTIL", NULL};
    return ent_str_in_list(w, sub);
}

#endif

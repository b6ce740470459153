/* synidx.h — per-coder lookup accelerators over a read-only dictionary set (synidx.c). */
#ifndef ENT_CODER_SYNIDX_H
#define ENT_CODER_SYNIDX_H

#include "dict/dict.h"
#include <string.h>

typedef struct syn_slot { uint32_t syn, h, start, count; } syn_slot;

typedef struct syn_index {
    syn_slot *slots; size_t cap;           /* (synset, first-word hash) -> members */
    const ent_phrase **members;
    uint64_t *actor_h1; size_t nactor;     /* bit 32 set: hash of the adjacent 2nd word */
    uint64_t *agent_h1; size_t nagent;
    uint64_t *actor_sig, *agent_sig;       /* 64-bit set of the phrase's words (word_bit) */
} syn_index;

/* The coder's word hash (tokens and every accelerator table): see ent_word_hash. */
static inline uint32_t ent_cz_word_hash(const char *w) { return ent_word_hash(w); }

/* one bit of a 64-bit word-set signature for a word hash */
static inline uint64_t word_bit(uint32_t h) { return 1ull << ((h ^ (h >> 17)) & 63); }

/* Build from d (which must outlive the index); never fails (allocation aborts). */
void ent_syn_index_build(syn_index *x, const ent_dicts *d);
void ent_syn_index_free(syn_index *x);

/* Length of the longest member of s matching words w[i..] (h[] are the words' hashes
 * by ent_cz_word_hash); 0 if none.  Same result as ent_synset_match. */
size_t ent_syn_index_match(const syn_index *x, const ent_dicts *d, const ent_synset *s, const char *const *w,
                       const uint32_t *h, size_t n, size_t i);

/* Verb patterns of each block keyed by one literal word each (patterns without any
 * literal word are under the "wild" key).  Values are indices into the coder's rank
 * array (porder), increasing = preferred first. */
typedef struct pat_index {
    syn_slot *slots; size_t cap;
    uint32_t *ranks;
    uint64_t *bloom;       /* 2^18-bit filter of the keys (keeps misses in cache) */
    uint64_t *words;       /* 2^16-bit filter of the key words of all blocks */
} pat_index;

/* Can word hash h be the key of any pattern?  (filter: no false "no") */
static inline int pat_index_may_key(const pat_index *x, uint32_t h) {
    return x->words && ((x->words[(h >> 6) & 1023] >> (h & 63)) & 1);
}

void ent_pat_index_build(pat_index *x, const ent_dicts *d, const uint32_t *porder);
void ent_pat_index_free(pat_index *x);
const uint32_t *ent_pat_index_get(const pat_index *x, uint32_t block, uint32_t h, uint32_t *count);
const uint32_t *ent_pat_index_wild(const pat_index *x, uint32_t block, uint32_t *count);

/* Actor / agent phrases keyed by the hash of their first word; each list holds phrase
 * indices (into d->actor_phrases / d->agents), longest phrase first.  Callers must still
 * compare the first word (hashes may collide). */
typedef struct first_index {
    syn_slot *slots; size_t cap;
    uint32_t *idx;
    uint64_t *bits;        /* 2^16-bit filter of first-word hashes */
    uint64_t *bloom;       /* 2^18-bit filter of the (first, second) keys */
} first_index;

/* May a phrase of the index start with the word of hash h?  (bits: a first_index's bits;
 * false positives only) */
static inline int ent_first_bit(const uint64_t *bits, uint32_t h) { return (int)((bits[(h >> 6) & 1023] >> (h & 63)) & 1); }

void ent_first_index_build(first_index *actors, first_index *agents, const ent_dicts *d);
void ent_first_index_free(first_index *x);
/* Discard phrases by first word plus their word signatures (*sig, caller frees). */
void ent_discard_index_build(first_index *x, uint64_t **sig, const ent_dicts *d);
/* Issue phrases by first word plus their word signatures (*sig, caller frees). */
void ent_issue_index_build(first_index *x, uint64_t **sig, const ent_dicts *d);
/* Same result as ent_dict_issues (hits must hold max entries; *ignored is set). */
size_t ent_issue_index_match(const first_index *x, const uint64_t *sig, const ent_dicts *d, const char *const *w,
                         const uint32_t *h, size_t n, const ent_issue **hits, size_t max, int *ignored);
/* Same result as ent_dict_discard_match: 0 none, 1 sentence discard, 2 story discard. */
int ent_discard_index_match(const first_index *x, const uint64_t *sig, const ent_dicts *d, const char *const *w,
                        const uint32_t *h, size_t n);
/* single-level index (discards): phrases starting with word hash h */
const uint32_t *ent_first_index_get(const first_index *x, uint32_t h, uint32_t *count);
/* two-level index (actors, agents): phrases (first, second adjacent word) = (h, h2), and
 * the rest of the phrases starting with h (single words, gapped second elements) */
const uint32_t *ent_first_index_get2(const first_index *x, uint32_t h, uint32_t h2, uint32_t *count);
const uint32_t *ent_first_index_get_wild(const first_index *x, uint32_t h, uint32_t *count);

#endif

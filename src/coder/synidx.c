/* synidx.c — per-coder lookup accelerators over a loaded (read-only) dictionary set:
 * synset members indexed by (synset, first word) so matching a synset at a position
 * looks at the few members that can start there instead of all of them, and the hash
 * of the second word of every actor/agent phrase for a cheap first rejection; verb
 * patterns by (block, rarest literal word); actor, agent, discard and issue phrases by
 * first word.  Every key is a word hash precomputed at load time (ent_pel.h). */
#include "coder/synidx.h"

#include <stdlib.h>

#define WILD 0xffffffffu

typedef struct trip { uint32_t syn, h; const ent_phrase *m; } trip;

static int trip_cmp(const void *a, const void *b) {
    const trip *x = a, *y = b;
    if (x->syn != y->syn) return x->syn < y->syn ? -1 : 1;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return 0;
}

static uint64_t slot_hash(uint32_t syn, uint32_t h) {
    uint64_t k = ((uint64_t)syn << 32) | h;
    k ^= k >> 33; k *= 0xff51afd7ed558ccdull; k ^= k >> 33;
    return k;
}

/* The slot of key (syn, h), whose slot_hash is sh, in an open-addressing table of cap (a
 * power of two) slots, empty ones having count 0: the slot holding the key, else the
 * empty slot where it goes.  Every table of this file is built and probed with it. */
static inline size_t slot_probe(const syn_slot *slots, size_t cap, uint64_t sh, uint32_t syn, uint32_t h) {
    size_t p = sh & (cap - 1);
    while (slots[p].count && !(slots[p].syn == syn && slots[p].h == h)) p = (p + 1) & (cap - 1);
    return p;
}

#define BLOOM_WORDS 4096   /* 2^18 bits */
static inline void bloom_add(uint64_t *b, uint64_t k) { b[(k >> 40) & (BLOOM_WORDS - 1)] |= 1ull << (k >> 58); }
static inline int bloom_has(const uint64_t *b, uint64_t k) { return (b[(k >> 40) & (BLOOM_WORDS - 1)] >> (k >> 58)) & 1; }

/* The values (values + start, count of them) stored under key (syn, h) in a table whose
 * keys are also in the bloom filter; NULL and *count 0 when the key is absent. */
static inline const uint32_t *slot_values(const syn_slot *slots, size_t cap, const uint64_t *bloom, uint32_t syn,
                                          uint32_t h, const uint32_t *values, uint32_t *count) {
    *count = 0;
    if (!cap) return NULL;
    uint64_t sh = slot_hash(syn, h);
    if (!bloom_has(bloom, sh)) return NULL;
    size_t p = slot_probe(slots, cap, sh, syn, h);
    *count = slots[p].count;
    return *count ? values + slots[p].start : NULL;
}

/* Stable LSD radix sort of n (key, value) pairs by key, 8 bits a pass (passes where
 * every key has the same byte are skipped).  Index building sorts tens of thousands of
 * entries, where qsort's comparator calls dominated the coder's setup time. */
typedef struct kv { uint64_t key; uint64_t val; } kv;

static void radix_sort(kv *a, size_t n) {
    if (n < 2) return;
    kv *tmp = ent_xmalloc(n * sizeof *tmp);
    kv *src = a, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t cnt[256] = {0};
        for (size_t i = 0; i < n; i++) cnt[(src[i].key >> shift) & 255]++;
        if (cnt[(src[0].key >> shift) & 255] == n) continue;
        size_t sum = 0;
        for (int b = 0; b < 256; b++) { size_t c = cnt[b]; cnt[b] = sum; sum += c; }
        for (size_t i = 0; i < n; i++) dst[cnt[(src[i].key >> shift) & 255]++] = src[i];
        kv *t = src; src = dst; dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
    free(tmp);
}

/* A phrase's lookup keys: the hash of an adjacent second word (bit 32 set, 0 when there
 * is none) and the 64-bit set of its words (word_bit). */
static void phrase_keys(const ent_phrase *p, uint64_t *h1, uint64_t *sig) {
    *h1 = (p->n > 1 && p->el[1].kind == ENT_PEL_WORD && !p->el[1].gap) ? ((uint64_t)1 << 32) | p->el[1].h : 0;
    *sig = 0;
    for (uint32_t k = 0; k < p->n; k++)
        if (p->el[k].kind == ENT_PEL_WORD) *sig |= word_bit(p->el[k].h);
}

void ent_syn_index_build(syn_index *x, const ent_dicts *d) {
    memset(x, 0, sizeof *x);
    if (!d) return;
    size_t n = 0;
    for (size_t i = 0; i < d->nsynsets; i++) n += d->synsets[i].nmembers;
    if (n) {
        trip *t = ent_xmalloc(n * sizeof *t);
        size_t k = 0;
        for (size_t i = 0; i < d->nsynsets; i++) {
            const ent_synset *s = &d->synsets[i];
            for (uint32_t j = 0; j < s->nmembers; j++) {
                const ent_phrase *m = &s->members[j];
                if (!m->n) continue;
                t[k].syn = (uint32_t)i;
                t[k].h = m->el[0].kind == ENT_PEL_WORD ? m->el[0].h : WILD;
                t[k].m = m;
                k++;
            }
        }
        n = k;
        qsort(t, n, sizeof *t, trip_cmp);
        x->members = ent_xmalloc((n ? n : 1) * sizeof *x->members);
        size_t cap = 16;
        while (cap < n * 2) cap *= 2;
        x->cap = cap;
        x->slots = ent_xcalloc(cap, sizeof *x->slots);
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && t[j].syn == t[i].syn && t[j].h == t[i].h) { x->members[j] = t[j].m; j++; }
            size_t p = slot_probe(x->slots, cap, slot_hash(t[i].syn, t[i].h), t[i].syn, t[i].h);
            x->slots[p].syn = t[i].syn; x->slots[p].h = t[i].h;
            x->slots[p].start = (uint32_t)i; x->slots[p].count = (uint32_t)(j - i);
            i = j;
        }
        free(t);
    }
    x->nactor = d->nactor_phrases;
    x->actor_h1 = ent_xcalloc(x->nactor + 1, sizeof *x->actor_h1);
    x->actor_sig = ent_xcalloc(x->nactor + 1, sizeof *x->actor_sig);
    for (size_t i = 0; i < d->nactor_phrases; i++)
        phrase_keys(&d->actor_phrases[i].phrase, &x->actor_h1[i], &x->actor_sig[i]);
    x->nagent = d->nagents;
    x->agent_h1 = ent_xcalloc(x->nagent + 1, sizeof *x->agent_h1);
    x->agent_sig = ent_xcalloc(x->nagent + 1, sizeof *x->agent_sig);
    for (size_t i = 0; i < d->nagents; i++)
        phrase_keys(&d->agents[i].phrase, &x->agent_h1[i], &x->agent_sig[i]);
}

void ent_syn_index_free(syn_index *x) {
    free(x->slots);
    free(x->members);
    free(x->actor_h1);
    free(x->agent_h1);
    free(x->actor_sig);
    free(x->agent_sig);
    memset(x, 0, sizeof *x);
}

static const syn_slot *find_slot(const syn_index *x, uint32_t syn, uint32_t h) {
    if (!x->cap) return NULL;
    size_t p = slot_probe(x->slots, x->cap, slot_hash(syn, h), syn, h);
    return x->slots[p].count ? &x->slots[p] : NULL;
}

static size_t match_depth(const syn_index *x, const ent_dicts *d, const ent_synset *s, const char *const *w,
                          const uint32_t *h, size_t n, size_t i, int depth);

static size_t member_at(const syn_index *x, const ent_dicts *d, const ent_phrase *m, const char *const *w,
                        const uint32_t *h, size_t n, size_t i, int depth) {
    size_t at = i;
    for (uint32_t k = 0; k < m->n; k++) {
        const ent_pel *e = &m->el[k];
        if (e->kind == ENT_PEL_SYNSET) {
            size_t l = e->synset ? match_depth(x, d, e->synset, w, h, n, at, depth + 1) : 0;
            if (!l) return 0;
            at += l;
        } else {
            if (at >= n || strcmp(w[at], e->text)) return 0;
            at++;
        }
    }
    return at - i;
}

static size_t scan(const syn_index *x, const ent_dicts *d, const syn_slot *sl, const char *const *w,
                   const uint32_t *h, size_t n, size_t i, int depth, size_t best) {
    if (!sl) return best;
    for (uint32_t k = 0; k < sl->count; k++) {
        size_t l = member_at(x, d, x->members[sl->start + k], w, h, n, i, depth);
        if (l > best) best = l;
    }
    return best;
}

static size_t match_depth(const syn_index *x, const ent_dicts *d, const ent_synset *s, const char *const *w,
                          const uint32_t *h, size_t n, size_t i, int depth) {
    if (!s || depth > 8 || i >= n) return 0;
    size_t si = (size_t)(s - d->synsets);
    if (si >= d->nsynsets) return ent_synset_match(s, w, n, i);
    size_t best = scan(x, d, find_slot(x, (uint32_t)si, h[i]), w, h, n, i, depth, 0);
    return scan(x, d, find_slot(x, (uint32_t)si, WILD), w, h, n, i, depth, best);
}

size_t ent_syn_index_match(const syn_index *x, const ent_dicts *d, const ent_synset *s, const char *const *w,
                       const uint32_t *h, size_t n, size_t i) {
    return match_depth(x, d, s, w, h, n, i, 0);
}

/* ---- verb patterns by (block, one literal word) ------------------------------------------ */

#define FREQ_SIZE 65536

void ent_pat_index_build(pat_index *x, const ent_dicts *d, const uint32_t *porder) {
    memset(x, 0, sizeof *x);
    if (!d || !d->npatterns) return;
    size_t n = d->npatterns;
    /* how many pattern elements use each word (hashed buckets) */
    uint32_t *freq = ent_xcalloc(FREQ_SIZE, sizeof *freq);
    for (size_t i = 0; i < n; i++) {
        const ent_pattern *p = &d->patterns[i];
        for (uint32_t e = 0; e < p->nlower; e++)
            if (p->lower[e].kind == ENT_PEL_WORD) freq[p->lower[e].h & (FREQ_SIZE - 1)]++;
        for (uint32_t e = 0; e < p->nupper; e++)
            if (p->upper[e].kind == ENT_PEL_WORD) freq[p->upper[e].h & (FREQ_SIZE - 1)]++;
    }
    trip *t = ent_xmalloc(n * sizeof *t);
    size_t k = 0;
    for (size_t b = 0; b < d->nblocks; b++) {
        const ent_verb_block *blk = &d->blocks[b];
        if (!blk->npatterns || !blk->patterns) continue;
        size_t off = (size_t)(blk->patterns - d->patterns);
        if (off + blk->npatterns > n) continue;
        for (uint32_t r = 0; r < blk->npatterns; r++) {
            const ent_pattern *p = &d->patterns[porder[off + r]];
            /* key: the pattern's literal word that is rarest among all patterns */
            uint32_t h = WILD, best = UINT32_MAX;
            for (int side = 0; side < 2; side++) {
                const ent_pel *el = side ? p->upper : p->lower;
                uint32_t ne = side ? p->nupper : p->nlower;
                for (uint32_t e = 0; e < ne; e++) {
                    if (el[e].kind != ENT_PEL_WORD) continue;
                    uint32_t wh = el[e].h;
                    uint32_t f = freq[wh & (FREQ_SIZE - 1)];
                    if (f < best) { best = f; h = wh; }
                }
            }
            t[k].syn = (uint32_t)b;
            t[k].h = h;
            t[k].m = (const ent_phrase *)(uintptr_t)(off + r);   /* rank slot, not a phrase */
            k++;
        }
    }
    n = k;
    {   /* by (block, key word); equal keys keep their (rank) order */
        kv *a = ent_xmalloc((n ? n : 1) * sizeof *a);
        for (size_t i = 0; i < n; i++) { a[i].key = ((uint64_t)t[i].syn << 32) | t[i].h; a[i].val = (uint64_t)(uintptr_t)t[i].m; }
        radix_sort(a, n);
        for (size_t i = 0; i < n; i++) {
            t[i].syn = (uint32_t)(a[i].key >> 32); t[i].h = (uint32_t)a[i].key;
            t[i].m = (const ent_phrase *)(uintptr_t)a[i].val;
        }
        free(a);
    }
    x->ranks = ent_xmalloc((n ? n : 1) * sizeof *x->ranks);
    x->bloom = ent_xcalloc(BLOOM_WORDS, sizeof *x->bloom);
    x->words = ent_xcalloc(1024, sizeof *x->words);
    for (size_t i = 0; i < n; i++)
        if (t[i].h != WILD) x->words[(t[i].h >> 6) & 1023] |= 1ull << (t[i].h & 63);
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    x->cap = cap;
    x->slots = ent_xcalloc(cap, sizeof *x->slots);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t[j].syn == t[i].syn && t[j].h == t[i].h) { x->ranks[j] = (uint32_t)(uintptr_t)t[j].m; j++; }
        /* within one key keep rank order */
        for (size_t a = i + 1; a < j; a++) {
            uint32_t v = x->ranks[a];
            size_t bb = a;
            while (bb > i && x->ranks[bb - 1] > v) { x->ranks[bb] = x->ranks[bb - 1]; bb--; }
            x->ranks[bb] = v;
        }
        uint64_t sh = slot_hash(t[i].syn, t[i].h);
        bloom_add(x->bloom, sh);
        size_t p = slot_probe(x->slots, cap, sh, t[i].syn, t[i].h);
        x->slots[p].syn = t[i].syn; x->slots[p].h = t[i].h;
        x->slots[p].start = (uint32_t)i; x->slots[p].count = (uint32_t)(j - i);
        i = j;
    }
    free(t);
    free(freq);
}

void ent_pat_index_free(pat_index *x) {
    free(x->bloom);
    free(x->words);
    free(x->slots);
    free(x->ranks);
    memset(x, 0, sizeof *x);
}

const uint32_t *ent_pat_index_get(const pat_index *x, uint32_t block, uint32_t h, uint32_t *count) {
    return slot_values(x->slots, x->cap, x->bloom, block, h, x->ranks, count);
}

const uint32_t *ent_pat_index_wild(const pat_index *x, uint32_t block, uint32_t *count) {
    return ent_pat_index_get(x, block, WILD, count);
}

/* ---- actor / agent phrases by first word ------------------------------------------------ */

typedef struct ptrip { uint32_t h, h2, len, idx; } ptrip;

/* two_level: phrases whose second word must directly follow the first are keyed by
 * (first word, second word); all others by (first word, WILD). */
static void first_build(first_index *x, const ent_phrase *(*get)(const ent_dicts *, size_t), const ent_dicts *d,
                        size_t n, int two_level) {
    memset(x, 0, sizeof *x);
    if (!n) return;
    ptrip *t = ent_xmalloc(n * sizeof *t);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const ent_phrase *p = get(d, i);
        if (!p->n || p->el[0].kind != ENT_PEL_WORD) continue;
        t[k].h = p->el[0].h;
        t[k].h2 = (two_level && p->n > 1 && p->el[1].kind == ENT_PEL_WORD && !p->el[1].gap)
                      ? p->el[1].h : (two_level ? WILD : 0);
        t[k].len = p->n;
        t[k].idx = (uint32_t)i;
        k++;
    }
    n = k;
    x->idx = ent_xmalloc((n ? n : 1) * sizeof *x->idx);
    x->bits = ent_xcalloc(1024, sizeof *x->bits);
    x->bloom = ent_xcalloc(BLOOM_WORDS, sizeof *x->bloom);
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    x->cap = cap;
    x->slots = ent_xcalloc(cap, sizeof *x->slots);
    /* one slot per key (h, h2), counting its phrases; no sorting of keys is needed */
    uint32_t *slot_of = ent_xmalloc((n ? n : 1) * sizeof *slot_of);
    uint32_t maxlen = 0;
    for (size_t i = 0; i < n; i++) {
        x->bits[(t[i].h >> 6) & 1023] |= 1ull << (t[i].h & 63);
        uint64_t sh = slot_hash(t[i].h2, t[i].h);
        bloom_add(x->bloom, sh);
        size_t p = slot_probe(x->slots, cap, sh, t[i].h2, t[i].h);
        x->slots[p].h = t[i].h;
        x->slots[p].syn = t[i].h2;
        x->slots[p].count++;
        slot_of[i] = (uint32_t)p;
        if (t[i].len > maxlen) maxlen = t[i].len;
    }
    uint32_t sum = 0;
    for (size_t p = 0; p < cap; p++)
        if (x->slots[p].count) { x->slots[p].start = sum; sum += x->slots[p].count; x->slots[p].count = 0; }
    /* each key's phrases longest first, then in index order: the entries (in index
     * order) visited by decreasing length, a stable counting sort */
    size_t *cnt = ent_xcalloc((size_t)maxlen + 2, sizeof *cnt);
    for (size_t i = 0; i < n; i++) cnt[maxlen - t[i].len]++;
    size_t acc = 0;
    for (size_t l = 0; l <= maxlen; l++) { size_t c = cnt[l]; cnt[l] = acc; acc += c; }
    uint32_t *order = ent_xmalloc((n ? n : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++) order[cnt[maxlen - t[i].len]++] = (uint32_t)i;
    for (size_t r = 0; r < n; r++) {
        size_t i = order[r];
        syn_slot *sl = &x->slots[slot_of[i]];
        x->idx[sl->start + sl->count++] = t[i].idx;
    }
    free(order);
    free(cnt);
    free(slot_of);
    free(t);
}

static const ent_phrase *actor_phrase(const ent_dicts *d, size_t i) { return &d->actor_phrases[i].phrase; }
static const ent_phrase *agent_phrase(const ent_dicts *d, size_t i) { return &d->agents[i].phrase; }

static const ent_phrase *discard_phrase(const ent_dicts *d, size_t i) { return &d->discards[i].phrase; }

void ent_first_index_build(first_index *actors, first_index *agents, const ent_dicts *d) {
    first_build(actors, actor_phrase, d, d ? d->nactor_phrases : 0, 1);
    first_build(agents, agent_phrase, d, d ? d->nagents : 0, 1);
}

/* Phrases of a single-level index (discards, issues) by first word, plus each phrase's
 * word signature (*sig, n + 1 entries, caller frees). */
static void single_build(first_index *x, uint64_t **sig, const ent_phrase *(*get)(const ent_dicts *, size_t),
                         const ent_dicts *d, size_t n) {
    first_build(x, get, d, n, 0);
    *sig = ent_xcalloc(n + 1, sizeof **sig);
    for (size_t i = 0; i < n; i++) {
        const ent_phrase *p = get(d, i);
        for (uint32_t k = 0; k < p->n; k++)
            if (p->el[k].kind == ENT_PEL_WORD) (*sig)[i] |= word_bit(p->el[k].h);
    }
}

void ent_discard_index_build(first_index *x, uint64_t **sig, const ent_dicts *d) {
    single_build(x, sig, discard_phrase, d, d ? d->ndiscards : 0);
}

static const ent_phrase *issue_phrase(const ent_dicts *d, size_t i) { return &d->issues[i].phrase; }

void ent_issue_index_build(first_index *x, uint64_t **sig, const ent_dicts *d) {
    single_build(x, sig, issue_phrase, d, d ? d->nissues : 0);
}

size_t ent_issue_index_match(const first_index *x, const uint64_t *sig, const ent_dicts *d, const char *const *w,
                         const uint32_t *h, size_t n, const ent_issue **hits, size_t max, int *ignored) {
    size_t count = 0;
    *ignored = 0;
    if (!x->bits) return 0;
    uint64_t ss = 0;
    for (size_t i = 0; i < n; i++) ss |= word_bit(h[i]);
    for (size_t i = 0; i < n; i++) {
        if (!ent_first_bit(x->bits, h[i])) continue;
        uint32_t cnt;
        const uint32_t *l = ent_first_index_get(x, h[i], &cnt);
        for (uint32_t k = 0; k < cnt; k++) {
            if (sig[l[k]] & ~ss) continue;
            const ent_issue *is = &d->issues[l[k]];
            if (!ent_phrase_match(&is->phrase, w, n, i)) continue;
            if (is->ignore) { *ignored = is->ignore; return 0; }
            if (count < max) hits[count] = is;
            count++;
        }
    }
    return count;
}

int ent_discard_index_match(const first_index *x, const uint64_t *sig, const ent_dicts *d, const char *const *w,
                        const uint32_t *h, size_t n) {
    if (!x->bits) return 0;
    uint64_t ss = 0;
    for (size_t i = 0; i < n; i++) ss |= word_bit(h[i]);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (!ent_first_bit(x->bits, h[i])) continue;
        uint32_t cnt;
        const uint32_t *l = ent_first_index_get(x, h[i], &cnt);
        for (uint32_t k = 0; k < cnt; k++) {
            if (sig[l[k]] & ~ss) continue;
            const ent_discard *ds = &d->discards[l[k]];
            if (!ent_phrase_match(&ds->phrase, w, n, i)) continue;
            if (ds->story) return 2;
            found = 1;
        }
    }
    return found;
}

void ent_first_index_free(first_index *x) {
    free(x->bits);
    free(x->bloom);
    free(x->slots);
    free(x->idx);
    memset(x, 0, sizeof *x);
}

const uint32_t *ent_first_index_get2(const first_index *x, uint32_t h, uint32_t h2, uint32_t *count) {
    return slot_values(x->slots, x->cap, x->bloom, h2, h, x->idx, count);
}

const uint32_t *ent_first_index_get(const first_index *x, uint32_t h, uint32_t *count) {
    return ent_first_index_get2(x, h, 0, count);
}

const uint32_t *ent_first_index_get_wild(const first_index *x, uint32_t h, uint32_t *count) {
    return ent_first_index_get2(x, h, WILD, count);
}

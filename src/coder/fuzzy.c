/* fuzzy.c — misspelled names ("Mitterand", "Ethopia"): the one actor-dictionary word at
 * edit distance 1 (one letter added, dropped or changed) from a word the dictionaries and
 * the lexicon do not know.
 *
 * The vocabulary is every word of 6 to 31 letters (A-Z only) in the actor phrases.  Each
 * word is indexed under the hash of itself and of each form with one letter deleted (the
 * deletion neighbourhood); a query looks up its own such forms, so substitutions (one
 * deletion each side), insertions and deletions all meet, and every candidate is
 * verified.  A query with no candidate or with two or more gets no answer: only a unique
 * nearest name is taken.  Built once per coder (ent_fuzzy_new); read-only afterwards. */
#include "coder/fuzzy.h"

#include <stdlib.h>
#include <string.h>

#define FZ_MIN 6
#define FZ_MAX 31

typedef struct fz_ent { uint64_t h; uint32_t word; } fz_ent;

struct ent_fuzzy {
    char **words;      /* the vocabulary, sorted, unique (owned) */
    size_t nwords;
    fz_ent *ents;      /* sorted by h */
    size_t nents;
};

/* FNV-1a over w[0..n) without the byte at skip (skip >= n: none) */
static uint64_t fz_hash(const char *w, size_t n, size_t skip) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        if (i == skip) continue;
        h ^= (unsigned char)w[i];
        h *= 1099511628211ull;
    }
    return h ^ (uint64_t)(n - (skip < n));
}

static int fz_word_ok(const char *w, size_t n) {
    if (n < FZ_MIN || n > FZ_MAX) return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'A' || w[i] > 'Z') return 0;
    return 1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int cmp_ent(const void *a, const void *b) {
    const fz_ent *x = a, *y = b;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return x->word < y->word ? -1 : x->word > y->word;
}

ent_fuzzy *ent_fuzzy_new(const ent_dicts *d) {
    ent_fuzzy *f = ent_xcalloc(1, sizeof *f);
    if (!d) return f;
    size_t cap = 0;
    for (size_t k = 0; k < d->nactor_phrases; k++) {
        const ent_phrase *p = &d->actor_phrases[k].phrase;
        for (uint32_t e = 0; e < p->n; e++) {
            const ent_pel *el = &p->el[e];
            if (el->kind != ENT_PEL_WORD || !el->text || !fz_word_ok(el->text, strlen(el->text))) continue;
            ENT_GROW(f->words, f->nwords + 1, cap);
            f->words[f->nwords++] = (char *)el->text;   /* borrowed until copied below */
        }
    }
    if (!f->nwords) return f;
    qsort(f->words, f->nwords, sizeof *f->words, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < f->nwords; i++)
        if (!u || strcmp(f->words[u - 1], f->words[i])) f->words[u++] = f->words[i];
    f->nwords = u;
    size_t total = 0;
    for (size_t i = 0; i < u; i++) {
        f->words[i] = ent_xstrdup(f->words[i]);
        total += strlen(f->words[i]) + 1;
    }
    f->ents = ent_xmalloc(total * sizeof *f->ents);
    for (size_t i = 0; i < u; i++) {
        const char *w = f->words[i];
        size_t n = strlen(w);
        f->ents[f->nents++] = (fz_ent){fz_hash(w, n, n), (uint32_t)i};
        for (size_t j = 0; j < n; j++) {
            if (j && w[j] == w[j - 1]) continue;   /* "MITTERRAND" minus either R: one form */
            f->ents[f->nents++] = (fz_ent){fz_hash(w, n, j), (uint32_t)i};
        }
    }
    qsort(f->ents, f->nents, sizeof *f->ents, cmp_ent);
    return f;
}

void ent_fuzzy_free(ent_fuzzy *f) {
    if (!f) return;
    for (size_t i = 0; i < f->nwords; i++) free(f->words[i]);
    free(f->words);
    free(f->ents);
    free(f);
}

size_t ent_fuzzy_size(const ent_fuzzy *f) { return f ? f->nwords : 0; }

/* Levenshtein distance of a[0..n) and b[0..m) is exactly 1? */
static int dist1(const char *a, size_t n, const char *b, size_t m) {
    if (n == m) {
        size_t diff = 0;
        for (size_t i = 0; i < n && diff < 2; i++) diff += a[i] != b[i];
        return diff == 1;
    }
    if (n + 1 == m) { const char *t = a; a = b; b = t; size_t s = n; n = m; m = s; }
    if (m + 1 != n) return 0;
    size_t i = 0;
    while (i < m && a[i] == b[i]) i++;
    return !memcmp(a + i + 1, b + i, m - i);   /* a has one letter more, at i */
}

/* first entry with hash h, or nents */
static size_t lower_bound(const ent_fuzzy *f, uint64_t h) {
    size_t lo = 0, hi = f->nents;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->ents[mid].h < h) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const char *ent_fuzzy_match(const ent_fuzzy *f, const char *w, size_t n) {
    if (!f || !f->nents || !fz_word_ok(w, n)) return NULL;
    const char *found = NULL;
    for (size_t skip = 0; skip <= n; skip++) {
        if (skip < n && skip && w[skip] == w[skip - 1]) continue;
        uint64_t h = fz_hash(w, n, skip);
        for (size_t i = lower_bound(f, h); i < f->nents && f->ents[i].h == h; i++) {
            const char *v = f->words[f->ents[i].word];
            size_t m = strlen(v);
            if (m == n && !memcmp(v, w, n)) return NULL;   /* a dictionary word itself */
            if (v == found || !dist1(w, n, v, m)) continue;
            if (found) return NULL;                        /* two names as near: neither */
            found = v;
        }
    }
    return found;
}

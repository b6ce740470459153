/* fuzzy.c — misspelled names ("Mitterand", "Ethopia"): the one actor-dictionary word at
 * edit distance 1 (one letter added, dropped or changed) from a word the dictionaries and
 * the lexicon do not know.
 *
 * The vocabulary is every word of 6 to 31 letters (A-Z only) in the actor phrases.  Each
 * word is indexed under the hash of itself and of each form with one letter deleted (the
 * deletion neighbourhood); a query looks up its own such forms, so substitutions (one
 * deletion each side), insertions and deletions all meet, and every candidate is
 * verified.  The index is a chained hash table, built in one pass (no sort).  A query with no candidate or with two or more gets no answer: only a unique
 * nearest name is taken.  Built once per coder (ent_fuzzy_new); read-only afterwards. */
#include "coder/fuzzy.h"

#include <stdlib.h>
#include <string.h>

#define FZ_MIN 6
#define FZ_MAX 31

struct ent_fuzzy {
    const char **words;   /* the vocabulary, unique (the dictionaries' strings) */
    size_t nwords;
    uint64_t *eh;         /* entries: a form's hash and the word it comes from, chained */
    uint32_t *ew, *next;  /* from bucket[eh & mask] (UINT32_MAX ends a chain) */
    size_t nents;
    uint32_t *bucket;
    size_t mask;
};

/* FNV-1a over w[0..n) without the byte at skip (skip >= n: none), and the form's length */
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

static size_t pow2_above(size_t n) {
    size_t c = 1024;
    while (c < 2 * n) c <<= 1;
    return c;
}

static void fz_add(ent_fuzzy *f, uint64_t h, uint32_t word) {
    size_t b = (size_t)h & f->mask;
    f->eh[f->nents] = h;
    f->ew[f->nents] = word;
    f->next[f->nents] = f->bucket[b];
    f->bucket[b] = (uint32_t)f->nents++;
}

ent_fuzzy *ent_fuzzy_new(const ent_dicts *d) {
    ent_fuzzy *f = ent_xcalloc(1, sizeof *f);
    if (!d) return f;
    /* the unique words, through an open-addressing set of their hashes */
    size_t n = 0;
    for (size_t k = 0; k < d->nactor_phrases; k++) n += d->actor_phrases[k].phrase.n;
    size_t scap = pow2_above(n ? n : 1);
    const char **set = ent_xcalloc(scap, sizeof *set);
    size_t cap = 0, letters = 0;
    for (size_t k = 0; k < d->nactor_phrases; k++) {
        const ent_phrase *p = &d->actor_phrases[k].phrase;
        for (uint32_t e = 0; e < p->n; e++) {
            const ent_pel *el = &p->el[e];
            size_t len = el->kind == ENT_PEL_WORD && el->text ? strlen(el->text) : 0;
            if (!fz_word_ok(el->text, len)) continue;
            size_t i = (size_t)fz_hash(el->text, len, len) & (scap - 1);
            while (set[i] && strcmp(set[i], el->text)) i = (i + 1) & (scap - 1);
            if (set[i]) continue;
            set[i] = el->text;
            ENT_GROW(f->words, f->nwords + 1, cap);
            f->words[f->nwords++] = el->text;
            letters += len + 1;
        }
    }
    free(set);
    if (!f->nwords) return f;
    f->eh = ent_xmalloc(letters * sizeof *f->eh);
    f->ew = ent_xmalloc(letters * sizeof *f->ew);
    f->next = ent_xmalloc(letters * sizeof *f->next);
    size_t nb = pow2_above(letters);
    f->bucket = ent_xmalloc(nb * sizeof *f->bucket);
    memset(f->bucket, 0xff, nb * sizeof *f->bucket);
    f->mask = nb - 1;
    for (size_t i = 0; i < f->nwords; i++) {
        const char *w = f->words[i];
        size_t len = strlen(w);
        fz_add(f, fz_hash(w, len, len), (uint32_t)i);
        for (size_t j = 0; j < len; j++) {
            if (j && w[j] == w[j - 1]) continue;   /* "MITTERRAND" minus either R: one form */
            fz_add(f, fz_hash(w, len, j), (uint32_t)i);
        }
    }
    return f;
}

void ent_fuzzy_free(ent_fuzzy *f) {
    if (!f) return;
    free(f->words);
    free(f->eh);
    free(f->ew);
    free(f->next);
    free(f->bucket);
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

const char *ent_fuzzy_match(const ent_fuzzy *f, const char *w, size_t n) {
    if (!f || !f->nents || !fz_word_ok(w, n)) return NULL;
    const char *found = NULL;
    for (size_t skip = 0; skip <= n; skip++) {
        if (skip < n && skip && w[skip] == w[skip - 1]) continue;
        uint64_t h = fz_hash(w, n, skip);
        for (uint32_t i = f->bucket[(size_t)h & f->mask]; i != UINT32_MAX; i = f->next[i]) {
            if (f->eh[i] != h) continue;
            const char *v = f->words[f->ew[i]];
            size_t m = strlen(v);
            if (m == n && !memcmp(v, w, n)) return NULL;   /* a dictionary word itself */
            if (v == found || !dist1(w, n, v, m)) continue;
            if (found) return NULL;                        /* two names as near: neither */
            found = v;
        }
    }
    return found;
}

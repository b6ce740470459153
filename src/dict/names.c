/* names.c — readable names for actor codes, taken from a loaded dictionary set, for the
 * explorer and the store ("RUSGOV" -> "Russian Federation government").
 *
 * A code made of a named country and named agents is named by its parts ("RUSGOV" ->
 * "Russian Federation government"), not by whichever record carries it ("WHITE_HOUSE").
 * Any other code that an actor record carries without a date restriction is named by that
 * record's primary phrase.  When several records share the code (a country, its capital, its
 * demonym, its cities), the name comes from the generated ISO 3166 list
 * (iso-countries.actors.txt) when the set has one, else from the record whose phrase has
 * the most words, then the most letters, then the first in file order; phrases with '-' or
 * '.' ("AMERICAN-FLAGGED", "U.S.") are never names.  Any other code is split into the
 * longest named prefix and three-letter agent codes, each named by the first agent phrase
 * (not a plural) that carries it: "USAGOVMIL" -> "United States government military".
 * Parts that nothing names are kept as codes. */
#include "dict/dict.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct ent_actor_names {
    ent_strmap actors;   /* code -> const ent_actor * (the naming record) */
    ent_strmap agents;   /* code -> const ent_agent * */
};

static int bad_root(const char *r) { return strchr(r, '-') || strchr(r, '.') || !*r; }

static size_t words_in(const char *r) {
    size_t n = 1;
    for (const char *p = r; *p; p++)
        if ((*p == '_' || *p == ' ') && p[1] && p[1] != '_' && p[1] != ' ') n++;
    return n;
}

static int from_iso_list(const ent_actor *a) {
    const char *f = a->file ? strrchr(a->file, '/') : NULL;
    f = f ? f + 1 : a->file;
    return f && !strncmp(f, "iso-countries", 13);
}

/* Is record a a better name for its code than b? */
static int better(const ent_actor *a, const ent_actor *b) {
    int ia = from_iso_list(a), ib = from_iso_list(b);
    if (ia != ib) return ia > ib;
    size_t wa = words_in(a->root), wb = words_in(b->root);
    if (wa != wb) return wa > wb;
    return strlen(a->root) > strlen(b->root);
}

ent_actor_names *ent_actor_names_new(const ent_dicts *d) {
    ent_actor_names *n = ent_xcalloc(1, sizeof *n);
    ent_strmap_init(&n->actors);
    ent_strmap_init(&n->agents);
    for (size_t i = 0; d && i < d->nactors; i++) {
        const ent_actor *a = &d->actors[i];
        if (!a->root || bad_root(a->root)) continue;
        for (uint32_t k = 0; k < a->ncodes; k++) {
            const ent_actor_code *c = &a->codes[k];
            if (c->kind != ENT_DATE_ANY || !c->code || !*c->code) continue;
            void **slot = ent_strmap_slot(&n->actors, c->code, strlen(c->code), NULL);
            if (!*slot || better(a, *slot)) *slot = (void *)a;
        }
    }
    for (size_t i = 0; d && i < d->nagents; i++) {
        const ent_agent *g = &d->agents[i];
        if (g->plural || !g->code || !*g->code || !g->phrase.n) continue;
        void **slot = ent_strmap_slot(&n->agents, g->code, strlen(g->code), NULL);
        if (!*slot) *slot = (void *)g;
    }
    return n;
}

void ent_actor_names_free(ent_actor_names *n) {
    if (!n) return;
    ent_strmap_free(&n->actors);
    ent_strmap_free(&n->agents);
    free(n);
}

static int small_word(const char *w, size_t n) {
    static const char *const small[] = {"OF", "AND", "THE", "FOR", "ON", "IN", "DE", "DU", "DA", "AL", "EL", "LA", "TO", NULL};
    for (const char *const *s = small; *s; s++)
        if (strlen(*s) == n && !strncmp(*s, w, n)) return 1;
    return 0;
}

static int has_vowel(const char *w, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strchr("AEIOUY", w[i])) return 1;
    return 0;
}

/* An uppercase dictionary phrase as words: "UNITED_STATES_" -> "United States"; short
 * words without a vowel or of two letters stay uppercase ("UN", "EU"); with lower, every
 * word is lowercase ("government"). */
static void put_phrase(ent_buf *b, const char *p, int lower) {
    int first = 1;
    while (*p) {
        while (*p == '_' || *p == ' ') p++;
        if (!*p) break;
        size_t n = 0;
        while (p[n] && p[n] != '_' && p[n] != ' ') n++;
        if (!first) ent_buf_putc(b, ' ');
        int keep = !lower && (n <= 2 || !has_vowel(p, n)) && !small_word(p, n);
        int down = lower || (!first && small_word(p, n));
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            if (keep) ent_buf_putc(b, (char)c);
            else if (i == 0 && !down) ent_buf_putc(b, (char)toupper(c));
            else ent_buf_putc(b, (char)tolower(c));
        }
        first = 0;
        p += n;
    }
}

static const ent_actor *actor_of(const ent_actor_names *n, const char *code, size_t len) {
    return ent_strmap_get(&n->actors, code, len);
}

char *ent_actor_names_get(const ent_actor_names *n, const char *code) {
    if (!n || !code) return NULL;
    size_t len = strlen(code);
    if (!len || !strcmp(code, "---")) return NULL;
    ent_buf b;
    ent_buf_init(&b);
    int named = 0;
    size_t at = 0;
    /* a country and agents that all have names compose ("USAGOV": not the one record,
     * "WHITE_HOUSE", that happens to carry the code); otherwise the longest prefix an
     * actor record names, the whole code first */
    int composed = len > 3 && len % 3 == 0 && actor_of(n, code, 3);
    for (size_t k = 3; composed && k < len; k += 3)
        if (!ent_strmap_get(&n->agents, code + k, 3)) composed = 0;
    for (size_t k = composed ? 3 : len; k >= 3; k = k > 3 ? k - 3 : 0) {
        if (k != len && k % 3) continue;
        const ent_actor *a = actor_of(n, code, k);
        if (a) {
            put_phrase(&b, a->root, 0);
            named = 1;
            at = k;
            break;
        }
        if (k == 3) break;
    }
    /* the rest as three-letter agent codes */
    while (at < len) {
        size_t k = len - at >= 3 ? 3 : len - at;
        const ent_agent *g = k == 3 ? ent_strmap_get(&n->agents, code + at, 3) : NULL;
        if (b.len) ent_buf_putc(&b, ' ');
        if (g) {
            ent_buf tmp;
            ent_buf_init(&tmp);
            for (uint32_t i = 0; i < g->phrase.n; i++) {
                if (i) ent_buf_putc(&tmp, ' ');
                ent_buf_puts(&tmp, g->phrase.el[i].text);
            }
            put_phrase(&b, tmp.data, 1);
            ent_buf_free(&tmp);
            named = 1;
        } else {
            ent_buf_append(&b, code + at, k);
        }
        at += k;
    }
    if (!named) {
        ent_buf_free(&b);
        return NULL;
    }
    return b.data; /* ent_buf data is malloc'ed and NUL-terminated */
}

int ent_actor_names_has(const ent_actor_names *n, const char *code, size_t len) {
    return n && code && actor_of(n, code, len) != NULL;
}

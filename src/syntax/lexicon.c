/* lexicon.c — lookup in the POS lexicon table generated at build time from the Brill
 * tagger lexicon (npm package `brill`, see tools/gen-lexicon.mjs and the Makefile).  The
 * table is an open-addressing hash (FNV-1a, linear probing; the tags stored right after
 * each word) compiled into the library, so lookups need no initialisation and are safe
 * from any thread. */
#include "syntax/tagger.h"

#include <pthread.h>

extern const unsigned ent_lex_ntagnames;
extern const char *const ent_lex_tagnames[];
extern const uint32_t ent_lex_count, ent_lex_size;
/* per word: length byte, the word's bytes, tag count, tag ids (most frequent first) */
extern const unsigned char ent_lex_blob[];
/* slot = (blob offset + 1) << 11 | the hash's 11 high bits; 0 = empty */
extern const uint32_t ent_lex_slots[];

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

/* Tag names of up to 7 bytes copied into 8 zero-padded bytes (ent_lex_tag8, see
 * tagger.h); tag_ptr[id] is the name lookups hand out: the padded copy, or the generated
 * string for a longer name or an id past ENT_LEX_TAG8_MAX.  Built once, thread-safe. */
char ent_lex_tag8[ENT_LEX_TAG8_MAX][8];
static const char **tag_ptr;
static pthread_once_t tag_once = PTHREAD_ONCE_INIT;
static int tag_ready;

static void tag_init(void) {
    static const char *ptrs[256];
    for (unsigned i = 0; i < ent_lex_ntagnames && i < 256; i++) {
        const char *t = ent_lex_tagnames[i];
        size_t n = strlen(t);
        if (i < ENT_LEX_TAG8_MAX && n <= 7) {
            memcpy(ent_lex_tag8[i], t, n);   /* the rest stays zero */
            ptrs[i] = ent_lex_tag8[i];
        } else ptrs[i] = t;
    }
    tag_ptr = ptrs;
    __atomic_store_n(&tag_ready, 1, __ATOMIC_RELEASE);
}

int ent_lex_lookup(const char *w, size_t n, const char *tags[ENT_LEX_MAXTAGS]) {
    if (n == 0 || n > 255 || ent_lex_size == 0) return 0;
    if (!__atomic_load_n(&tag_ready, __ATOMIC_ACQUIRE)) pthread_once(&tag_once, tag_init);
    const char *const *names = ent_lex_ntagnames <= 256 ? tag_ptr : ent_lex_tagnames;
    uint32_t full = fnv1a(w, n), mask = ent_lex_size - 1, h = full & mask, check = full >> 21;
    for (;;) {
        uint32_t slot = ent_lex_slots[h];
        if (slot == 0) return 0;
        if ((slot & 0x7FF) == check) {
            const unsigned char *p = ent_lex_blob + ((slot >> 11) - 1);
            if (p[0] == n && memcmp(p + 1, w, n) == 0) {
                const unsigned char *t = p + 1 + n;
                int k = t[0] < ENT_LEX_MAXTAGS ? t[0] : ENT_LEX_MAXTAGS;
                for (int i = 0; i < k; i++) tags[i] = names[t[1 + i]];
                return k;
            }
        }
        h = (h + 1) & mask;
    }
}

size_t ent_lex_words(void) { return ent_lex_count; }

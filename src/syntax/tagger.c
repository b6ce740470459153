/* tagger.c — entente's Penn Treebank POS tagger.
 *
 * 1. Candidates: the Brill lexicon (lexicon.c, tags ordered most frequent first); a
 *    capitalised word at the start of a sentence or in an all-capitals line is also
 *    looked up in lower case.  Unknown words get a tag from their shape and suffix
 *    (capitalised -> NNP, -ing -> VBG, -ly -> RB, -s -> NNS, ...).
 * 2. Contextual rules in the spirit of Brill's transformations, applied left to right:
 *    a table (RULES: a condition on the word's tag, its neighbours' tags and flags and its
 *    candidates, then the new tag, each with its example) read by apply_rules in order;
 *    TO/MD + verb -> VB, determiner + verb-or-noun -> noun, have/be + VBD -> VBN,
 *    subject + VBN-or-VBD -> VBD, "'s" as POS or VBZ, "that" as IN/DT/WDT, particles;
 *    news shapes: a past tense after a proper-noun/pronoun/noun subject before its object
 *    ("Iran shot down", "Egypt cut ties"), noun modifiers that look like verbs ("tear gas",
 *    "advanced chips", "sweeping tariffs"), a noun-or-adjective heading its NP.
 *    British doubled-l forms ("travelled") and prefixed verbs ("retook") borrow the
 *    candidates of "traveled" / "took"; tags are compared as 64-bit integers.
 * Measured on the Penn parses of the PETRARCH dev records by bench/bench-text.sh. */
#include "syntax/tagger.h"
#include "text/text.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>

typedef struct cand {
    int n;
    const char *t[ENT_LEX_MAXTAGS];
    uint64_t p[ENT_LEX_MAXTAGS];   /* t[] packed by pack_tag, filled after pass 1 */
    uint64_t m;                    /* the TB_* bits of t[] (see RULES), filled in pass 2 */
    uint64_t cur;                  /* the TB_* bit of the word's current tag, kept in pass 2 */
} cand;

/* Tags are short: an inline comparison beats a call to strcmp.  eqs works on any two
 * strings; eq (below) compares a token's tag (an ENT_LABEL_MAX array, or NOTAG) with a
 * string literal as one 64-bit integer. */
static inline int eqs(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}
/* A string literal of up to 7 characters as one integer, byte k in bits 8k..8k+7 and
 * zeros past its NUL: a constant expression (the index is clamped, so no byte past the
 * literal is ever named). */
#define LITB(s, k) (sizeof(s) > (k) ? (uint64_t)(unsigned char)(s)[sizeof(s) > (k) ? (k) : 0] << (8 * (k)) : 0)
#define LIT8(s) (LITB(s, 0) | LITB(s, 1) | LITB(s, 2) | LITB(s, 3) | LITB(s, 4) | LITB(s, 5) | LITB(s, 6) | LITB(s, 7))
#define MASK8(s) (sizeof(s) >= 8 ? ~(uint64_t)0 : (((uint64_t)1 << (8 * sizeof(s))) - 1))

/* a is a tag array (ENT_LABEL_MAX >= 8 bytes, so 8 bytes are readable): one masked
 * 64-bit comparison with a literal's LIT8/MASK8 constants. */
static inline __attribute__((always_inline)) int eqv(const char *a, uint64_t lit, uint64_t mask) {
    uint64_t v;
    memcpy(&v, a, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return (v & mask) == lit;
}
_Static_assert(ENT_LABEL_MAX >= 8, "eq() reads 8 bytes of a tag");
#define eq(a, lit) eqv((a), LIT8(lit), MASK8(lit))
static const char NOTAG[ENT_LABEL_MAX] = "";


/* A tag of up to 7 bytes as one integer (byte i in bits 8i..8i+7, zero-padded). */
static inline uint64_t pack_tag(const char *t) {
    /* a lexicon tag is a zero-padded row of ent_lex_tag8: one 8-byte load */
    if ((uintptr_t)t - (uintptr_t)ent_lex_tag8 < sizeof ent_lex_tag8) {
        uint64_t p;
        memcpy(&p, t, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        p = __builtin_bswap64(p);
#endif
        return p;
    }
    /* unrolled: tags are 1-5 bytes and this runs for every candidate tag of every word */
    uint64_t v = 0;
#define PACK_BYTE(i) if (!t[i]) return v; v |= (uint64_t)(unsigned char)t[i] << (8 * (i));
    PACK_BYTE(0) PACK_BYTE(1) PACK_BYTE(2) PACK_BYTE(3) PACK_BYTE(4) PACK_BYTE(5) PACK_BYTE(6) PACK_BYTE(7)
#undef PACK_BYTE
    return v;
}
static inline int has_p(const cand *c, uint64_t tag) {
    for (int i = 0; i < c->n; i++)
        if (c->p[i] == tag) return 1;
    return 0;
}
/* pass 1: the candidate list holds the literal tag (names packed and compared as integers;
 * equal integers mean equal names, as tags are at most 7 bytes) */
static inline int has_sp(const cand *c, uint64_t tag) {
    for (int i = 0; i < c->n; i++)
        if (pack_tag(c->t[i]) == tag) return 1;
    return 0;
}
#define has_s(c, lit) has_sp((c), LIT8(lit))
/* passes 2-3: the candidate list holds the literal tag (packed integers compared) */
#define has(c, lit) has_p((c), LIT8(lit))

static inline void set(ent_tagword *w, const char *tag) {
    size_t n = 0;
    while (tag[n] && n < ENT_LABEL_MAX - 1) { w->tag[n] = tag[n]; n++; } /* tags are 1-5 bytes */
    w->tag[n] = 0;
}

static int word_is(const ent_tagword *w, const char *s) {
    if (w->len == 0 || tolower((unsigned char)w->text[0]) != s[0]) return 0;
    size_t n = strlen(s);
    if (w->len != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)w->text[i]) != s[i]) return 0;
    return 1;
}

/* The word starts with p (ASCII case-insensitive): "helped" for "help". */
static int word_prefix(const ent_tagword *w, const char *p) {
    size_t n = strlen(p);
    if (w->len < n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)w->text[i]) != p[i]) return 0;
    return 1;
}

/* ---- closed-class word features ---------------------------------------------------- */

static const struct { const char *w; unsigned f; } FEATURES[] = {
    { "is", ENT_W_BE }, { "are", ENT_W_BE }, { "was", ENT_W_BE }, { "were", ENT_W_BE }, { "be", ENT_W_BE },
    { "been", ENT_W_BE }, { "being", ENT_W_BE }, { "am", ENT_W_BE }, { "'s", ENT_W_BE | ENT_W_CLITIC_S },
    { "'re", ENT_W_BE }, { "'m", ENT_W_BE },
    { "have", ENT_W_HAVE }, { "has", ENT_W_HAVE }, { "had", ENT_W_HAVE }, { "having", ENT_W_HAVE },
    { "'ve", ENT_W_HAVE }, { "'d", ENT_W_HAVE | ENT_W_WILL },
    { "do", ENT_W_DO }, { "does", ENT_W_DO }, { "did", ENT_W_DO },
    { "will", ENT_W_WILL }, { "would", ENT_W_WILL }, { "'ll", ENT_W_WILL },
    { "not", ENT_W_NOT }, { "n't", ENT_W_NOT },
    { "up", ENT_W_PARTICLE }, { "out", ENT_W_PARTICLE }, { "off", ENT_W_PARTICLE }, { "down", ENT_W_PARTICLE },
    { "away", ENT_W_PARTICLE }, { "back", ENT_W_PARTICLE },
    { "after", ENT_W_SUB }, { "before", ENT_W_SUB }, { "because", ENT_W_SUB }, { "while", ENT_W_SUB },
    { "although", ENT_W_SUB }, { "though", ENT_W_SUB }, { "if", ENT_W_SUB }, { "unless", ENT_W_SUB },
    { "since", ENT_W_SUB }, { "until", ENT_W_SUB }, { "when", ENT_W_SUB }, { "whereas", ENT_W_SUB },
    { "once", ENT_W_SUB }, { "as", ENT_W_SUB }, { "whether", ENT_W_SUB }, { "where", ENT_W_SUB },
    { "that", ENT_W_SUB | ENT_W_THAT },
    { "today", ENT_W_TEMPORAL }, { "yesterday", ENT_W_TEMPORAL }, { "tomorrow", ENT_W_TEMPORAL },
    { "tonight", ENT_W_TEMPORAL }, { "next", ENT_W_NEXTLAST }, { "last", ENT_W_NEXTLAST }, { "this", ENT_W_NEXTLAST },
    { "minute", ENT_W_TIMEUNIT }, { "minutes", ENT_W_TIMEUNIT }, { "hour", ENT_W_TIMEUNIT },
    { "hours", ENT_W_TIMEUNIT }, { "day", ENT_W_TIMEUNIT }, { "days", ENT_W_TIMEUNIT }, { "week", ENT_W_TIMEUNIT },
    { "weeks", ENT_W_TIMEUNIT }, { "month", ENT_W_TIMEUNIT }, { "months", ENT_W_TIMEUNIT },
    { "year", ENT_W_TIMEUNIT }, { "years", ENT_W_TIMEUNIT }, { "decade", ENT_W_TIMEUNIT },
    { "decades", ENT_W_TIMEUNIT }, { "moments", ENT_W_TIMEUNIT },
    { "of", ENT_W_OF }, { "by", ENT_W_BY }, { "whose", ENT_W_WHOSE },
    { "one", ENT_W_NUMBER }, { "two", ENT_W_NUMBER }, { "three", ENT_W_NUMBER }, { "four", ENT_W_NUMBER },
    { "five", ENT_W_NUMBER }, { "six", ENT_W_NUMBER }, { "seven", ENT_W_NUMBER }, { "eight", ENT_W_NUMBER },
    { "nine", ENT_W_NUMBER }, { "ten", ENT_W_NUMBER }, { "eleven", ENT_W_NUMBER }, { "twelve", ENT_W_NUMBER },
    { "thirteen", ENT_W_NUMBER }, { "fourteen", ENT_W_NUMBER }, { "fifteen", ENT_W_NUMBER },
    { "sixteen", ENT_W_NUMBER }, { "seventeen", ENT_W_NUMBER }, { "eighteen", ENT_W_NUMBER },
    { "nineteen", ENT_W_NUMBER }, { "twenty", ENT_W_NUMBER }, { "thirty", ENT_W_NUMBER }, { "forty", ENT_W_NUMBER },
    { "fifty", ENT_W_NUMBER }, { "sixty", ENT_W_NUMBER }, { "seventy", ENT_W_NUMBER }, { "eighty", ENT_W_NUMBER },
    { "ninety", ENT_W_NUMBER }, { "hundred", ENT_W_NUMBER }, { "thousand", ENT_W_NUMBER },
    { "million", ENT_W_NUMBER }, { "billion", ENT_W_NUMBER }, { "trillion", ENT_W_NUMBER }, { "dozen", ENT_W_NUMBER },
    { "bn", ENT_W_NUMBER }, { "mn", ENT_W_NUMBER }, { "tn", ENT_W_NUMBER },
    /* particles inside personal names ("Charles de Gaulle", "Mohammed bin Salman", "Ursula
     * von der Leyen"); not "do", "e", "y", "as", "ten": English words first */
    { "de", ENT_W_NAMEPART }, { "da", ENT_W_NAMEPART }, { "dos", ENT_W_NAMEPART }, { "das", ENT_W_NAMEPART },
    { "di", ENT_W_NAMEPART }, { "del", ENT_W_NAMEPART }, { "della", ENT_W_NAMEPART }, { "du", ENT_W_NAMEPART },
    { "des", ENT_W_NAMEPART }, { "la", ENT_W_NAMEPART }, { "le", ENT_W_NAMEPART }, { "van", ENT_W_NAMEPART },
    { "von", ENT_W_NAMEPART }, { "der", ENT_W_NAMEPART }, { "den", ENT_W_NAMEPART }, { "ter", ENT_W_NAMEPART },
    { "zu", ENT_W_NAMEPART }, { "bin", ENT_W_NAMEPART }, { "ibn", ENT_W_NAMEPART }, { "bint", ENT_W_NAMEPART },
    { "ben", ENT_W_NAMEPART }, { "ould", ENT_W_NAMEPART }, { "al", ENT_W_NAMEPART }, { "el", ENT_W_NAMEPART },
    /* words whose "to" is a preposition, never an infinitive's: verbs of coming back, rising
     * and leading to a state ("returned to power", "came to power", "led to war") and
     * "according to"; not "go" ("going to attack") nor "due" ("due to visit") */
    { "return", ENT_W_TODIR }, { "returns", ENT_W_TODIR }, { "returned", ENT_W_TODIR },
    { "returning", ENT_W_TODIR }, { "come", ENT_W_TODIR }, { "comes", ENT_W_TODIR }, { "came", ENT_W_TODIR },
    { "rise", ENT_W_TODIR }, { "rises", ENT_W_TODIR }, { "rose", ENT_W_TODIR }, { "risen", ENT_W_TODIR },
    { "lead", ENT_W_TODIR }, { "leads", ENT_W_TODIR }, { "led", ENT_W_TODIR }, { "according", ENT_W_TODIR },
    { "swept", ENT_W_TODIR }, { "restored", ENT_W_TODIR },
    { "no", ENT_W_NO }, { "in", ENT_W_IN },
    /* verbs that open a reported clause ("said Iran warns Israel", where the plural after
     * the name is its verb; not "gave Syria supplies to rebuild") */
    { "say", ENT_W_SAY }, { "says", ENT_W_SAY }, { "said", ENT_W_SAY }, { "tell", ENT_W_SAY },
    { "tells", ENT_W_SAY }, { "told", ENT_W_SAY }, { "warn", ENT_W_SAY }, { "warns", ENT_W_SAY },
    { "warned", ENT_W_SAY }, { "add", ENT_W_SAY }, { "adds", ENT_W_SAY }, { "added", ENT_W_SAY },
    { "announce", ENT_W_SAY }, { "announces", ENT_W_SAY }, { "announced", ENT_W_SAY }, { "state", ENT_W_SAY },
    { "states", ENT_W_SAY }, { "stated", ENT_W_SAY }, { "claim", ENT_W_SAY }, { "claims", ENT_W_SAY },
    { "claimed", ENT_W_SAY }, { "report", ENT_W_SAY }, { "reports", ENT_W_SAY }, { "reported", ENT_W_SAY },
    { "believe", ENT_W_SAY }, { "believes", ENT_W_SAY }, { "believed", ENT_W_SAY }, { "think", ENT_W_SAY },
    { "thinks", ENT_W_SAY }, { "thought", ENT_W_SAY }, { "insist", ENT_W_SAY }, { "insists", ENT_W_SAY },
    { "insisted", ENT_W_SAY }, { "argue", ENT_W_SAY }, { "argues", ENT_W_SAY }, { "argued", ENT_W_SAY },
    { "note", ENT_W_SAY }, { "notes", ENT_W_SAY }, { "noted", ENT_W_SAY }, { "declare", ENT_W_SAY },
    { "declares", ENT_W_SAY }, { "declared", ENT_W_SAY }, { "confirm", ENT_W_SAY }, { "confirms", ENT_W_SAY },
    { "confirmed", ENT_W_SAY }, { "deny", ENT_W_SAY }, { "denies", ENT_W_SAY }, { "denied", ENT_W_SAY },
    { "admit", ENT_W_SAY }, { "admits", ENT_W_SAY }, { "admitted", ENT_W_SAY }, { "stress", ENT_W_SAY },
    { "stresses", ENT_W_SAY }, { "stressed", ENT_W_SAY }, { "fear", ENT_W_SAY }, { "fears", ENT_W_SAY },
    { "feared", ENT_W_SAY }, { "hope", ENT_W_SAY }, { "hopes", ENT_W_SAY }, { "hoped", ENT_W_SAY },
    { "know", ENT_W_SAY }, { "knows", ENT_W_SAY }, { "knew", ENT_W_SAY }, { "suggest", ENT_W_SAY },
    { "suggests", ENT_W_SAY }, { "suggested", ENT_W_SAY }, { "allege", ENT_W_SAY }, { "alleges", ENT_W_SAY },
    { "alleged", ENT_W_SAY }, { "assert", ENT_W_SAY }, { "asserts", ENT_W_SAY }, { "asserted", ENT_W_SAY },
};

/* A tiny open-addressing table over FEATURES, built once (thread-safe).  A word is keyed
 * by its lower-cased bytes packed into an integer (byte i in bits 8i..8i+7: the first
 * eight bytes) plus its ninth byte and its length, and hashed multiplicatively. */
#define FEAT_BITS 9
#define FEAT_SLOTS (1u << FEAT_BITS)
typedef struct feat_key { uint64_t v; uint8_t n, ninth; } feat_key;
static feat_key feat_keys[FEAT_SLOTS];
static int16_t feat_slot[FEAT_SLOTS];
static pthread_once_t feat_once = PTHREAD_ONCE_INIT;
static int feat_ready;   /* set (release) when the table is built */
/* feat_first[n]: bit b set when some feature word of n bytes starts with a byte whose
 * lower-cased value is b modulo 64 (a quick rejection before hashing) */
static uint64_t feat_first[10];

static inline uint32_t feat_hash(uint64_t v, size_t n) {
    return (uint32_t)(((v ^ (uint64_t)n) * 0x9E3779B97F4A7C15ull) >> (64 - FEAT_BITS));
}

/* ASCII lower-casing of a byte (others unchanged). */
static const unsigned char LOWER[256] = {
#define L4(b) (b), (b) + 1, (b) + 2, (b) + 3
#define L16(b) L4(b), L4((b) + 4), L4((b) + 8), L4((b) + 12)
    L16(0x00), L16(0x10), L16(0x20), L16(0x30),
    0x40, L4(0x61), L4(0x65), L4(0x69), L4(0x6D), L4(0x71), L4(0x75), 0x79, 0x7A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    L16(0x60), L16(0x70), L16(0x80), L16(0x90), L16(0xA0), L16(0xB0), L16(0xC0), L16(0xD0), L16(0xE0), L16(0xF0),
#undef L16
#undef L4
};

/* The key of w[0..n) lower-cased (n <= 9). */
static inline feat_key feat_pack(const char *w, size_t n) {
    feat_key k = { 0, (uint8_t)n, 0 };
    size_t m = n < 8 ? n : 8;
    const unsigned char *u = (const unsigned char *)w;
    for (size_t i = 0; i < m; i++) k.v |= (uint64_t)LOWER[u[i]] << (8 * i);
    if (n == 9) {
        unsigned char c = (unsigned char)w[8];
        k.ninth = (c >= 'A' && c <= 'Z') ? (uint8_t)(c | 0x20) : c;
    }
    return k;
}

static void feat_init(void) {
    for (size_t i = 0; i < FEAT_SLOTS; i++) feat_slot[i] = -1;
    for (size_t i = 0; i < sizeof FEATURES / sizeof *FEATURES; i++) {
        size_t n = strlen(FEATURES[i].w);
        if (n > 9) abort(); /* ent_word_flags relies on it */
        feat_key k = feat_pack(FEATURES[i].w, n);
        uint32_t h = feat_hash(k.v, n);
        while (feat_slot[h] >= 0) h = (h + 1) & (FEAT_SLOTS - 1);
        feat_slot[h] = (int16_t)i;
        feat_keys[h] = k;
        feat_first[n] |= 1ull << (LOWER[(unsigned char)FEATURES[i].w[0]] & 63);
    }
    __atomic_store_n(&feat_ready, 1, __ATOMIC_RELEASE);
}

unsigned ent_word_flags(const char *w, size_t n) {
    if (n == 0 || n > 9) return 0;   /* the longest feature words have 9 letters */
    if (!__atomic_load_n(&feat_ready, __ATOMIC_ACQUIRE)) pthread_once(&feat_once, feat_init);
    if (!((feat_first[n] >> (LOWER[(unsigned char)w[0]] & 63)) & 1)) return 0;
    feat_key k = feat_pack(w, n);
    uint32_t h = feat_hash(k.v, n);
    while (feat_slot[h] >= 0) {
        const feat_key *e = &feat_keys[h];
        if (e->v == k.v && e->n == k.n && e->ninth == k.ninth) return FEATURES[feat_slot[h]].f;
        h = (h + 1) & (FEAT_SLOTS - 1);
    }
    return 0;
}

static int is_verb_tag(const char *t) { return t[0] == 'V' && t[1] == 'B'; }

/* Whether w (n bytes) ends in the lower-case ASCII suffix suf, case-insensitively, with
 * at least two bytes before it.  Inline so strlen of a literal suffix folds away. */
static inline int ends(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    if (n <= k + 1) return 0;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)w[n - k + i];
        if (c >= 'A' && c <= 'Z') c |= 0x20;
        if (c != (unsigned char)suf[i]) return 0;
    }
    return 1;
}

/* Whether w[0..n) is a form of the Arabic article written before a hyphen: "al", "el",
 * and its assimilated forms before sun letters ("ad-Din", "ash-Sharaa", "an-Nahar"); the
 * first letter may be a capital ("Al-Assad" opening a sentence). */
static int arabic_article(const char *w, size_t n) {
    static const char *const A[] = {"al", "el", "ad", "ed", "ar", "as", "ash", "at", "ath", "az", "an", "ud", "ul", NULL};
    for (int i = 0; A[i]; i++)
        if (strlen(A[i]) == n && LOWER[(unsigned char)w[0]] == A[i][0] && memcmp(w + 1, A[i] + 1, n - 1) == 0)
            return 1;
    return 0;
}

/* Tag of a word the lexicon does not know, from its shape. */
static const char *guess(const char *w, size_t n, int initial) {
    size_t digits = 0, alpha = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (isdigit(c)) digits++;
        else if (isalpha(c)) { alpha++; if (isupper(c)) upper++; }
    }
    if (digits && memchr(w, '-', n) && alpha) return "JJ";   /* "12-year" */
    if (digits && digits >= alpha) return "CD";
    if (memchr(w, '-', n)) {
        const char *last = w;
        for (size_t i = 0; i < n; i++) if (w[i] == '-') last = w + i + 1;
        size_t ln = (size_t)(w + n - last);
        const char *t[ENT_LEX_MAXTAGS];
        int k = ent_lex_lookup(last, ln, t);
        if (isupper((unsigned char)w[0]) && !initial) return "NNP";
        /* "al-Attas", "el-Sisi", "ash-Sharaa": the Arabic article (as written before a
         * sun letter too) on a capitalised word is a name */
        if (isupper((unsigned char)last[0]) && arabic_article(w, (size_t)(last - 1 - w))) return "NNP";
        /* "Al-Sharaa", "Bin-Salman": capitalised after the hyphen too -> a name anywhere */
        if (isupper((unsigned char)w[0]) && isupper((unsigned char)last[0]) && k == 0) return "NNP";
        if (k > 0 && (eqs(t[0], "NNS"))) return "NNS";
        if (k > 0 && eqs(t[0], "NN") && !ends(w, n, "ed") && !ends(w, n, "ing")) return "NN";
        return "JJ";
    }
    if (upper && isupper((unsigned char)w[0])) return (n > 3 && upper == n && ends(w, n, "s")) ? "NNPS" : "NNP";
    if ((unsigned char)w[0] >= 0x80) return "NNP";
    if (ends(w, n, "ing")) return "VBG";
    if (ends(w, n, "ed")) return "VBN";
    if (ends(w, n, "ly")) return "RB";
    if (ends(w, n, "tion") || ends(w, n, "sion") || ends(w, n, "ment") || ends(w, n, "ness") ||
        ends(w, n, "ity") || ends(w, n, "ism") || ends(w, n, "ance") || ends(w, n, "ence") ||
        ends(w, n, "ship") || ends(w, n, "hood"))
        return "NN";
    if (ends(w, n, "ous") || ends(w, n, "ful") || ends(w, n, "ive") || ends(w, n, "able") ||
        ends(w, n, "ible") || ends(w, n, "al") || ends(w, n, "ic") || ends(w, n, "less") ||
        ends(w, n, "ish") || ends(w, n, "ary") || ends(w, n, "ian"))
        return "JJ";
    if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is")) return "NNS";
    if (ends(w, n, "ize") || ends(w, n, "ise") || ends(w, n, "ify")) return "VB";
    return "NN";
}

static const char *punct_tag(const ent_tagword *w) {
    const char *t = w->text;
    size_t n = w->len;
#define IS(s) (n == strlen(s) && memcmp(t, s, n) == 0)
    if (IS("``") || IS("`")) return "``";
    if (IS("''") || IS("'")) return "''";
    if (IS(".") || IS("!") || IS("?")) return ".";
    if (IS(",")) return ",";
    if (IS("...") || IS("--") || IS("-") || IS(":") || IS(";")) return ":";
    if (IS("-LRB-") || IS("-LSB-") || IS("-LCB-")) return "-LRB-";
    if (IS("-RRB-") || IS("-RSB-") || IS("-RCB-")) return "-RRB-";
    if (IS("$")) return "$";
    if (IS("#")) return "#";
    if (IS("%")) return "NN";
    if (IS("&")) return "CC";
#undef IS
    if (n >= 2 && ((unsigned char)t[0] >= 0x80)) {
        /* a currency sign or other symbol */
        if (!memcmp(t, "\xE2\x82\xAC", 3) || !memcmp(t, "\xC2\xA3", 2) || !memcmp(t, "\xC2\xA5", 2)) return "$";
    }
    return "SYM";
}

static const char *clitic_tag(const ent_tagword *w) {
    if (word_is(w, "n't")) return "RB";
    if (word_is(w, "'s") || word_is(w, "'")) return "POS";
    if (word_is(w, "'re") || word_is(w, "'ve") || word_is(w, "'m")) return "VBP";
    if (word_is(w, "'ll") || word_is(w, "'d")) return "MD";
    return "POS";
}

/* British doubled-l verb forms ("travelled", "signalling") take the candidates of the
 * American spelling ("traveled") when the lexicon knows that with a verb reading:
 * the Brill lexicon, trained on American text, lists some of them as adjectives only. */
static void british_ll(const char *t, size_t n, cand *c) {
    size_t stem;   /* bytes up to and including the first 'l' of "ll" */
    if (n >= 7 && ends(t, n, "lled")) stem = n - 3;
    else if (n >= 8 && ends(t, n, "lling")) stem = n - 4;
    else return;
    char v = (char)tolower((unsigned char)t[stem - 2]);   /* "travelled": the 'e' before "ll" */
    if (!(v == 'e' || v == 'a' || v == 'o' || v == 'u') || n > 63) return;
    char am[64];
    memcpy(am, t, stem);
    memcpy(am + stem, t + stem + 1, n - stem - 1);
    cand a;
    a.n = ent_lex_lookup(am, n - 1, a.t);
    int verb = 0;
    for (int i = 0; i < a.n; i++) verb |= is_verb_tag(a.t[i]);
    if (!verb) return;
    int mine = 0;
    for (int i = 0; i < c->n; i++) mine |= is_verb_tag(c->t[i]);
    /* keep the word's own list when it already prefers a verb reading */
    if (c->n == 0 || !mine || !is_verb_tag(c->t[0])) *c = a;
}

/* An unknown lower-case word made of a verb prefix and a known verb form ("retook",
 * "outmanoeuvred", "underwent") takes that form's candidates when they start with a verb. */
static void prefixed_verb(const char *t, size_t n, cand *c) {
    static const char *const prefixes[] = {"re", "over", "out", "under", "mis", "co", "pre", "un", "counter", NULL};
    for (int p = 0; prefixes[p]; p++) {
        size_t k = strlen(prefixes[p]);
        if (n < k + 3 || memcmp(t, prefixes[p], k) != 0) continue;
        const char *r = t + k;
        if (*r == '-') r++;
        cand a;
        a.n = ent_lex_lookup(r, (size_t)(t + n - r), a.t);
        if (a.n > 0 && is_verb_tag(a.t[0])) { *c = a; return; }
    }
}

/* Candidates for a word; initial: sentence-initial; caps: an all-capitals context. */
static void lookup(const ent_tagword *w, int initial, int caps, cand *c) {
    c->n = ent_lex_lookup(w->text, w->len, c->t);
    if (w->len >= 7 && (w->text[w->len - 1] == 'd' || w->text[w->len - 1] == 'g')) british_ll(w->text, w->len, c);
    if (c->n == 0 && w->len >= 5 && w->text[0] >= 'a' && w->text[0] <= 'u') prefixed_verb(w->text, w->len, c);
    unsigned char f = (unsigned char)w->text[0];
    if (!(initial || caps) || !isupper(f) || w->len >= 64) return;
    char low[64];
    for (size_t i = 0; i < w->len; i++) low[i] = (char)tolower((unsigned char)w->text[i]);
    cand lc;
    lc.n = ent_lex_lookup(low, w->len, lc.t);
    if (lc.n > 0) {
        /* a known proper noun keeps NNP ("China" at the start of a sentence) */
        if (c->n == 0 || (initial && !caps && !eqs(c->t[0], "NNP") && !eqs(c->t[0], "NNPS"))) *c = lc;
        return;
    }
    if (c->n == 0 && caps && w->len > 1) {
        low[0] = (char)f;  /* Title case */
        c->n = ent_lex_lookup(low, w->len, c->t);
    }
}

static int is_noun(const char *t) { return t[0] == 'N' && t[1] == 'N'; }
static int is_verb(const char *t) { return t[0] == 'V' && t[1] == 'B'; }

/* ---- contextual rules as a table ------------------------------------------------------
 * Pass 2 applies RULES in order to each word, left to right, over the current tags (the
 * way Brill's contextual rule files read: a condition on the word and its neighbours, then
 * the tag it takes); the first rule whose condition holds sets the tag and ends the word.
 * Tags are compared as bits of a 64-bit set (TB_*): the word's own tag, the tag before it,
 * the tag before it looking through adverbs, the tag after it, and its candidates. */
enum {
    TB_NONE, TB_OTHER, TB_HASH, TB_DOLLAR, TB_NN, TB_JJ, TB_VB, TB_SYM, TB_COLON, TB_CC, TB_NNP, TB_LPAREN,
    TB_RPAREN, TB_COMMA, TB_DOT, TB_SEMI, TB_IN, TB_DT, TB_NNS, TB_PRP, TB_FW, TB_LS, TB_VBD, TB_RB, TB_NNPS,
    TB_PDT, TB_VBP, TB_VBZ, TB_RP, TB_UH, TB_VBN, TB_VBG, TB_JJS, TB_JJR, TB_RBS, TB_RBR, TB_MD, TB_OQ,
    TB_PRPS, TB_WRB, TB_POS, TB_WDT, TB_TO, TB_WP, TB_EX, TB_WPS, TB_CQ, TB_LRB, TB_RRB, TB_CD, TB_COUNT
};
_Static_assert(TB_COUNT <= 64, "tag bits fit a uint64_t");
/* the names of TB_HASH.. in order (TB_NONE is the empty tag, TB_OTHER any tag not listed) */
static const char *const TB_NAMES[TB_COUNT - 2] = {
    "#", "$", "NN", "JJ", "VB", "SYM", ":", "CC", "NNP", "(", ")", ",", ".", ";", "IN", "DT", "NNS", "PRP",
    "FW", "LS", "VBD", "RB", "NNPS", "PDT", "VBP", "VBZ", "RP", "UH", "VBN", "VBG", "JJS", "JJR", "RBS", "RBR",
    "MD", "``", "PRP$", "WRB", "POS", "WDT", "TO", "WP", "EX", "WP$", "''", "-LRB-", "-RRB-", "CD"
};
#define B(t) ((uint64_t)1 << TB_##t)
#define ANY (~(uint64_t)0)
#define NOUNS (B(NN) | B(NNS) | B(NNP) | B(NNPS))                            /* is_noun */
#define VERBS (B(VB) | B(VBD) | B(VBG) | B(VBN) | B(VBP) | B(VBZ))           /* is_verb */
#define FINITE (B(VBD) | B(VBZ) | B(VBP))

/* packed tag -> TB_* bit: open addressing over 128 slots, built once (thread-safe) */
#define TBH_SLOTS 128
static uint64_t tbh_key[TBH_SLOTS];
static uint8_t tbh_bit[TBH_SLOTS];
static pthread_once_t tbh_once = PTHREAD_ONCE_INIT;
static int tbh_ready;
static inline uint32_t tbh_hash(uint64_t v) { return (uint32_t)((v * 0x9E3779B97F4A7C15ull) >> 57); }
static void tbh_fill(void) {
    for (int b = TB_HASH; b < TB_COUNT; b++) {
        uint64_t v = pack_tag(TB_NAMES[b - TB_HASH]);
        uint32_t h = tbh_hash(v);
        while (tbh_key[h]) h = (h + 1) & (TBH_SLOTS - 1);
        tbh_key[h] = v;
        tbh_bit[h] = (uint8_t)b;
    }
}
/* The bit of a tag array (ENT_LABEL_MAX bytes, zero-terminated). */
static inline uint64_t tag_bit_p(uint64_t v) {
    if (!v) return B(NONE);
    for (uint32_t h = tbh_hash(v); tbh_key[h]; h = (h + 1) & (TBH_SLOTS - 1))
        if (tbh_key[h] == v) return (uint64_t)1 << tbh_bit[h];
    return B(OTHER);
}
/* The bit of a tag array (ENT_LABEL_MAX >= 8 bytes, zero-terminated; bytes after the NUL
 * may be stale): one 8-byte load, the bytes from the first zero on cleared. */
static inline uint64_t tag_bit(const char *a) {
    uint64_t v;
    memcpy(&v, a, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    uint64_t z = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;   /* lowest set: first zero byte */
    if (z) v &= ((z & -z) >> 7) - 1;
    return tag_bit_p(v);
}
/* lex_bit[id]: the bit of the lexicon's tag ent_lex_tag8[id] (filled by rules_init) */
static uint64_t lex_bit[ENT_LEX_TAG8_MAX];
/* The bit of a candidate tag name: a lexicon row by its index, else hashed. */
static inline uint64_t cand_bit(const char *t, uint64_t packed) {
    uintptr_t off = (uintptr_t)t - (uintptr_t)ent_lex_tag8;
    if (off < sizeof ent_lex_tag8) return lex_bit[off / 8];
    return tag_bit_p(packed);
}

/* What a rule may look at besides the masks: the word, its neighbours, the clause. */
typedef struct rctx {
    const ent_tagword *w;
    const cand *c;
    size_t n, i;
    uint64_t prev, next, pv, cands;   /* TB_* bits: tags before / after / before the adverbs, candidates */
    int clause_verb;                  /* a verb or modal since the clause's start or last comma */
    int aux_be, aux_have, do_aux, new_clause, particle_next;
    size_t j;                         /* i less the adverbs before it */
} rctx;

typedef struct rule {
    uint64_t self, prev, next, pv;    /* the tag sets the word, its neighbours must be in */
    uint64_t cand;                    /* some candidate in this set (0: no condition) */
    unsigned self_has, self_not;      /* ENT_W_* flags the word must have / lack */
    unsigned prev_not, next_not;      /* flags the word before / after (when there is one) must lack */
    int (*test)(const rctx *);        /* a further condition, or NULL */
    const char *to;                   /* the new tag */
    const char *to_else;              /* when set: `to` if it is a candidate, else this */
} rule;

#define NEXT_OBJ (B(DT) | B(PRPS) | B(PRP) | B(NNP) | B(NNPS) | B(CD) | B(JJ) | B(NNS))
static int r_subject_past(const rctx *r) {
    return (!r->clause_verb || r->new_clause) && !isupper((unsigned char)r->w[r->i].text[0]) &&
           ((r->next & NEXT_OBJ) || r->particle_next);
}
static int r_pronoun_or_noun_subject(const rctx *r) {
    return !r->clause_verb && ((r->prev & B(PRP)) || r->i >= 2) && ((r->next & (B(DT) | B(PRPS))) || r->particle_next);
}
static int r_reported_pronoun(const rctx *r) {
    return r->clause_verb && r->i >= 2 && (r->c[r->i - 2].cur & FINITE) &&
           ((r->next & (B(DT) | B(PRPS))) || r->particle_next);
}
/* the verb coordinated before "and" is a simple past not after be/have */
static int r_coordinated_past(const rctx *r) {
    const ent_tagword *w = r->w;
    size_t i = r->i, k = i - 1;
    while (k > 0 && i - k < 16 && !is_verb(w[k - 1].tag) && !eq(w[k - 1].tag, "MD")) k--;
    return k > 0 && eq(w[k - 1].tag, "VBD") && !(k >= 2 && (w[k - 2].flags & (ENT_W_BE | ENT_W_HAVE)));
}
/* "fired rockets at Israel, attacked border towns and took hostages": a past form after a
 * comma, coordinated with a simple past before it (r_coordinated_past), in a list that a
 * conjunction and another past form close within 16 words, is one too (not a participle
 * set off by commas: "seized a tanker, owned by ...", "killed ten rebels, armed with ...") */
static int r_listed_past(const rctx *r) {
    if (!r_coordinated_past(r)) return 0;
    for (size_t q = r->i + 1; q + 1 < r->n && q < r->i + 16; q++) {
        if (eq(r->w[q].tag, ".") || eq(r->w[q].tag, ":")) return 0;
        if (eq(r->w[q].tag, "CC")) return has(&r->c[q + 1], "VBD");
    }
    return 0;
}
static int r_next_of(const rctx *r) { return r->i + 1 < r->n && (r->w[r->i + 1].flags & ENT_W_OF); }
static int r_not_help_let_make(const rctx *r) {
    const ent_tagword *p = &r->w[r->i - 1];
    return !(p->len >= 3 && (word_prefix(p, "help") || word_prefix(p, "let") || word_prefix(p, "make") ||
                             word_prefix(p, "made")));
}
static int r_ed_ing(const rctx *r) {
    const ent_tagword *x = &r->w[r->i];
    return ends(x->text, x->len, "ed") || ends(x->text, x->len, "ing");
}
static int r_headline_opening(const rctx *r) {
    return r->i == 0 && isupper((unsigned char)r->w[0].text[0]) && r->n > 2 &&
           (is_verb(r->w[2].tag) || eq(r->w[2].tag, "MD"));
}
static int r_adj_or_ed(const rctx *r) {
    const ent_tagword *x = &r->w[r->i];
    return (r->cands & B(JJ)) || ends(x->text, x->len, "ed");
}
static int r_head_before_verb(const rctx *r) {
    if (r->i + 1 >= r->n) return 0;
    if (r->next & (B(VBD) | B(VBZ) | B(MD))) return 1;
    return (r->next & B(VBN)) && has(&r->c[r->i + 1], "VBD") && !(r->i + 2 < r->n && (r->w[r->i + 2].flags & ENT_W_BY));
}
/* "returned to power after", "came to power in": after "to" that follows a word of
 * direction (ENT_W_TODIR) or a verb's particle ("gave in to pressure from"), a word that
 * can be a noun and is not followed by what starts an object is the noun ("returned to
 * attack the town" keeps the verb) */
static int r_directional_to(const rctx *r) {
    return r->i >= 2 && ((r->w[r->i - 2].flags & ENT_W_TODIR) || eq(r->w[r->i - 2].tag, "RP")) &&
           !(r->next & NEXT_OBJ) && !r->particle_next;
}
#define SUBJECT_NAME (B(NNP) | B(NNPS) | B(PRP)) /* a name or pronoun that can be a subject */
/* the name or pronoun before word i opens its clause: no verb yet in the clause, or a
 * reported clause after a finite verb of saying or "that" ("said Iran warns ..."; not the
 * second object of "gave Syria supplies to ...") */
static int r_subject_verb(const rctx *r) {
    if (!r->clause_verb) return 1;
    size_t s = r->j;   /* back over the adverbs, then the names or pronoun */
    while (s > 0 && (r->c[s - 1].cur & SUBJECT_NAME)) s--;
    if (s == 0) return 1;
    return ((r->c[s - 1].cur & FINITE) && (r->w[s - 1].flags & ENT_W_SAY)) || (r->w[s - 1].flags & ENT_W_THAT);
}
/* Word i follows a phrase set off by commas right after a name or pronoun subject, with no
 * finite verb before it ("Greece, like most other members, plans to ..."): back from the
 * closing comma to an opening comma that follows a name or pronoun (at most 24 words). */
static int r_after_aside(const rctx *r) {
    for (size_t k = r->i - 1, steps = 0; k > 1 && steps < 24; k--, steps++) {
        if (r->c[k - 1].cur & (FINITE | B(MD))) return 0;
        if ((r->c[k - 1].cur & B(COMMA)) && k >= 2) return (r->c[k - 2].cur & SUBJECT_NAME) != 0;
    }
    return 0;
}
/* "no longer": the adverb, so that "would no longer supply" keeps its modal's verb */
static int r_no_longer(const rctx *r) { return r->i + 1 < r->n && word_is(&r->w[r->i + 1], "longer"); }
/* "evacuated the wounded from", "the accused was": a past form after "the" with no noun
 * after it heads the noun phrase (an adjective as noun, Penn's JJ), not a verb */
static int r_the_before(const rctx *r) { return r->i > 0 && word_is(&r->w[r->i - 1], "the"); }
static int r_to_or_do(const rctx *r) { return (r->pv & (B(TO) | B(MD))) || (r->do_aux && r->j < r->i); }
/* Does the lexicon list an inflected form of the word as a verb (VBD, VBN, VBG) while the
 * word itself has no verb reading?  "blockade" (NN only) has "blockading" VBG, "broker"
 * has "brokered" VBD: the Brill lexicon lacks many base forms of news verbs.  Tried forms:
 * +ed, +ing, +d and e->ing after a final 'e', a doubled final consonant +ed/+ing. */
static int inflects_as_verb(const ent_tagword *x, const cand *c) {
    for (int k = 0; k < c->n; k++)
        if (is_verb_tag(c->t[k]) || eqs(c->t[k], "MD")) return 0;
    size_t n = x->len;
    if (n < 3 || n > 40) return 0;
    char f[48];
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = (unsigned char)x->text[k];
        if (!islower(ch)) return 0;
        f[k] = (char)ch;
    }
    int e = f[n - 1] == 'e', dbl = !e && !strchr("aeiouwxy", f[n - 1]) && strchr("aeiou", f[n - 2]);
    static const char *const suf[] = {"ed", "ing"};
    for (int s = 0; s < 2; s++) {
        for (int v = 0; v < 3; v++) {
            size_t m = n;
            if (v == 1) { if (!e) continue; m = n - 1; }            /* "blockad" + ing */
            if (v == 2) { if (!dbl) continue; f[n] = f[n - 1]; m = n + 1; }   /* "ban" + n + ed */
            if (e && v == 0 && s == 0) m = n - 1;                   /* "blockade" + d */
            size_t l = strlen(suf[s]);
            memcpy(f + m, suf[s], l);
            const char *t[ENT_LEX_MAXTAGS];
            int k = ent_lex_lookup(f, m + l, t);
            for (int q = 0; q < k; q++)
                if (eqs(t[q], "VBD") || eqs(t[q], "VBN") || eqs(t[q], "VBG")) return 1;
        }
    }
    return 0;
}
/* "would blockade", "to broker a deal": after a modal, or after "to" before what starts an
 * object, a noun whose inflected forms are verbs is the base verb */
static int r_modal_base_verb(const rctx *r) {
    if (!(r->pv & B(MD)) && !(r->next & NEXT_OBJ)) return 0;
    return inflects_as_verb(&r->w[r->i], &r->c[r->i]);
}
/* "the will of the people", "Iran's will": a modal after an article or possessive */
static int r_article_before(const rctx *r) {
    if (r->i == 0) return 0;
    const ent_tagword *p = &r->w[r->i - 1];
    return (r->prev & (B(PRPS) | B(POS))) || word_is(p, "the") || word_is(p, "a") || word_is(p, "an");
}
static int r_after_be_have(const rctx *r) { return r->i > 0 && (r->w[r->i - 1].flags & (ENT_W_BE | ENT_W_HAVE)); }
static int r_passive(const rctx *r) {
    return r->aux_be || r->aux_have || (r->i + 1 < r->n && (r->w[r->i + 1].flags & ENT_W_BY));
}
static int r_past_after_subject(const rctx *r) {
    return !r->aux_be && !r->aux_have && ((r->pv & (NOUNS | B(PRP))) || (r->prev & (B(WDT) | B(WP) | B(RRB))));
}
static int r_not_do_aux(const rctx *r) { return !r->do_aux; }
static int r_that_first(const rctx *r) { return (r->prev & B(IN)) || r->i == 0; }
static int r_that_in(const rctx *r) {
    return !eq(r->w[r->i].tag, "DT") || (r->prev & (VERBS | B(COMMA)));
}
static int r_aux_have(const rctx *r) { return r->aux_have; }
/* A name particle continues a name: the word before is a capitalised word (or a particle
 * already read as part of the name) and, past any further particles, a capitalised word
 * follows: "Perez de Cuellar", "President De la Rua", "van der Bellen"; not "de facto",
 * not "said la Marca". */
static int r_name_particle(const rctx *r) {
    if (r->i == 0) return 0;
    const ent_tagword *p = &r->w[r->i - 1];
    if (p->kind != ENT_TOK_WORD) return 0;
    if (!isupper((unsigned char)p->text[0]) && !((p->flags & ENT_W_NAMEPART) && (r->prev & B(NNP)))) return 0;
    size_t k = r->i + 1;
    while (k < r->n && k < r->i + 3 && (r->w[k].flags & ENT_W_NAMEPART) &&
           !isupper((unsigned char)r->w[k].text[0]))
        k++;
    return k < r->n && r->w[k].kind == ENT_TOK_WORD && isupper((unsigned char)r->w[k].text[0]);
}

/* A number closing a name ("the Group of 20", "the Group of Seven"): a capitalised noun,
 * "of", then the number, so the word after it starts the predicate. */
static int r_after_name_number(const rctx *r) {
    const ent_tagword *w = r->w;
    size_t i = r->i;
    return i >= 3 && (w[i - 2].flags & ENT_W_OF) && (eq(w[i - 3].tag, "NNP") || eq(w[i - 3].tag, "NNPS")) &&
           isupper((unsigned char)w[i - 3].text[0]) && !(r->next & (B(NN) | B(NNS)));
}

#define AFTER_DET (B(DT) | B(PRPS) | B(POS) | B(JJ) | B(JJS) | B(JJR) | B(CD))
#define VERB_NOT_VBN_VBG (B(VB) | B(VBD) | B(VBP) | B(VBZ))
#define AUX (ENT_W_BE | ENT_W_HAVE | ENT_W_DO | ENT_W_WILL)
/* The rules, in the order they are tried.  A mask left 0 is no condition. */
static const rule RULES[] = {
    /* "Charles de Gaulle", "Mohammed bin Salman": a lowercase name particle between
     * capitalised words is part of the name, as a Penn parse tags it */
    { .self_has = ENT_W_NAMEPART, .test = r_name_particle, .to = "NNP" },
    /* "would no longer supply weapons": "no" before "longer" is an adverb (not a
     * determiner that hides the modal from the verb after it) */
    { .self_has = ENT_W_NO, .test = r_no_longer, .to = "RB" },
    /* "Iran shot down a drone", "Egypt cut diplomatic ties": a proper-noun subject, no
     * verb yet in the clause (or a reported clause: "said Iran shot ..."), then a word that
     * can be a past tense followed by what starts an object */
    { .self = ~B(VBD), .cand = B(VBD), .prev = B(NNP) | B(NNPS), .test = r_subject_past, .to = "VBD" },
    /* "it shot down two jets", "a fighter jet shot down a balloon": the same after a
     * pronoun or a common noun, with only a determiner or particle after as evidence */
    { .self = B(NN) | B(NNS), .cand = B(VBD), .prev = B(PRP) | B(NN) | B(NNS), .test = r_pronoun_or_noun_subject,
      .to = "VBD" },
    /* "said it shot down": a reported clause's pronoun subject */
    { .self = B(NN), .cand = B(VBD), .prev = B(PRP), .test = r_reported_pronoun, .to = "VBD" },
    /* "shot down two jets and captured a pilot": a past form after "and" whose
     * coordinated verb is a simple past is one too */
    { .self = B(VBN), .cand = B(VBD), .prev = B(CC), .next_not = ENT_W_BY, .test = r_coordinated_past, .to = "VBD" },
    /* "attacked Kyiv, shelled Kharkiv and bombed Odesa": the same in the middle of a list */
    { .self = B(VBN), .cand = B(VBD), .prev = B(COMMA), .next_not = ENT_W_BY, .test = r_listed_past, .to = "VBD" },
    /* "the downing of the jet": a gerund after a determiner and before "of" is a noun */
    { .self = B(VBG), .prev = B(DT) | B(PRPS) | B(POS), .test = r_next_of, .to = "NN" },
    /* "announced sweeping tariffs": a participle that can be an adjective, between a
     * finite verb and a plural noun, modifies the noun */
    { .self = B(VBG), .cand = B(JJ), .prev = FINITE, .prev_not = ENT_W_BE | ENT_W_HAVE | ENT_W_DO, .next = B(NNS),
      .to = "JJ" },
    /* "fired tear gas": a base verb right after a finite verb and before a noun is a noun
     * modifier (but "helped build", "let go" keep the verb) */
    { .self = B(VB) | B(VBP), .cand = B(NN), .prev = FINITE, .prev_not = AUX, .next = B(NN) | B(NNS),
      .test = r_not_help_let_make, .to = "NN" },
    /* "traded blame for the collapse", "vowed revenge on": a simple past takes no bare
     * infinitive (but "helped build", "let go", "did not go": auxiliaries and those three
     * keep the verb), so a noun-or-verb right after it is its object, whatever follows */
    { .self = B(VB), .cand = B(NN), .prev = B(VBD), .prev_not = AUX, .test = r_not_help_let_make, .to = "NN" },
    /* "Iran's armed forces", "the detained journalists", "Yemen's warring parties": a past
     * form or gerund between a determiner or possessive and a noun modifies it */
    { .self = B(VBN) | B(VBD) | B(VBG), .prev = B(POS) | B(DT) | B(PRPS), .next = B(NN) | B(NNS),
      .self_not = ENT_W_BE, .test = r_ed_ing, .to = "JJ" },
    /* "Polish lawmakers approved ...": news does not open with an imperative, so a
     * capitalised first word read as a base verb before a noun and a verb is its
     * adjective (a nationality) or a name */
    { .self = B(VB), .next = NOUNS, .test = r_headline_opening, .to = "JJ", .to_else = "NNP" },
    /* "exports of advanced chips": a past form between a preposition and a noun modifies it */
    { .self = B(VBD) | B(VBN), .prev = B(IN), .prev_not = ENT_W_BY, .next = B(NN) | B(NNS), .test = r_adj_or_ed,
      .to = "JJ", .to_else = "VBN" },
    /* "opened its hospitals to wounded Palestinians", "returned to occupied villages": no
     * infinitive has a participle for its verb, so a participle after "to" and before a
     * noun modifies the noun ("to" is the preposition) */
    { .self = B(VBN), .prev = B(TO), .next = NOUNS, .to = "JJ" },
    /* "foreign policy chief condemned": a noun-or-adjective ending a noun phrase right
     * before a finite verb (or a past form that can be one) is the head noun */
    { .self = B(JJ), .cand = B(NN), .prev = B(NN) | B(NNP), .test = r_head_before_verb, .to = "NN" },
    /* "the Group of 20 agreed on ...", "the Group of Nine criticized Gondor": after a
     * number closing a name, a past form not before a common noun is the verb (not "20
     * agreed" read as an adjective, nor a participle) */
    { .self = B(VBD) | B(VBN) | B(JJ), .cand = B(VBD), .prev = B(CD), .test = r_after_name_number, .to = "VBD" },
    /* "the will of the people": a modal-or-noun after an article or possessive is the noun */
    { .self = B(MD), .cand = B(NN), .test = r_article_before, .to = "NN" },
    /* "to go", "will go", "did not go": a verb after to, a modal or do is a base form */
    /* "returned to power after the coup", "came to power in 1999": "to" after a word of
     * direction is a preposition, so a noun-or-verb after it, not before an object, is the
     * noun (r_directional_to) */
    { .cand = B(NN), .prev = B(TO), .test = r_directional_to, .to = "NN" },
    { .self = ~B(RB), .cand = B(VB), .test = r_to_or_do, .to = "VB" },
    /* "would blockade the port", "to broker a deal": a noun the lexicon knows only as a
     * noun but whose inflected forms it lists as verbs ("blockading", "brokered"), after
     * a modal or after "to" before what starts an object, is the base verb (r_modal_base_verb) */
    { .self = B(NN), .pv = B(TO) | B(MD), .test = r_modal_base_verb, .to = "VB" },
    /* "would visited": after to or a modal, a finite form is taken for the base form */
    { .self = VERB_NOT_VBN_VBG, .pv = B(TO) | B(MD), .to = "VB" },
    /* "the attacks", "his plans", "two cuts", "the fine": a verb form after a determiner,
     * possessive, adjective or number is a noun, or an adjective inside the phrase */
    { .self = B(VBZ), .prev = AFTER_DET, .self_not = AUX, .cand = B(NNS), .to = "NNS" },
    { .self = VERB_NOT_VBN_VBG, .prev = AFTER_DET, .self_not = AUX, .cand = B(NN), .to = "NN" },
    { .self = VERB_NOT_VBN_VBG, .prev = AFTER_DET, .self_not = AUX, .cand = B(JJ),
      .next = ~(B(COMMA) | B(DOT) | B(COLON) | B(NONE)), .to = "JJ" },
    /* "in the north", "a stab in the back": an adverb-or-noun after a determiner */
    { .self = B(RB), .cand = B(NN), .prev = B(DT) | B(PRPS), .next = ~(NOUNS | B(JJ)), .to = "NN" },
    /* "a lightning offensive in ...", "the military.": a noun-or-adjective ending a noun
     * phrase (a preposition or punctuation next) is the head noun */
    { .self = B(JJ), .cand = B(NN), .prev = B(DT) | B(NN) | B(JJ) | B(PRPS) | B(POS),
      .next = B(IN) | B(DOT) | B(COMMA) | B(COLON) | B(TO) | B(CC), .to = "NN" },
    /* "South Korea's military said": an adjective right before a finite verb is a noun */
    { .self = B(JJ), .cand = B(NN), .prev = B(POS) | B(DT) | B(PRPS), .next = FINITE | B(MD), .to = "NN" },
    /* "the fighting ended": a gerund after a determiner, not before a noun, is a noun */
    { .self = B(VBG), .cand = B(NN), .prev = B(DT) | B(PRPS) | B(POS), .next = ~(NOUNS | B(JJ)), .to = "NN" },
    /* "imposed sanctions", "against attacks": a -s form after a verb or preposition is a plural */
    { .self = B(VBZ), .cand = B(NNS), .prev = FINITE | B(VB) | B(IN), .to = "NNS" },
    /* "was hit", "have set": after be/have a form that can be a participle is one */
    { .self = B(NN) | B(VB) | B(VBP), .cand = B(VBN), .prev = VERBS, .test = r_after_be_have, .to = "VBN" },
    /* "was attacked", "had ruled", "attacked by": a passive or perfect past form */
    { .self = B(VBD), .cand = B(VBN), .test = r_passive, .to = "VBN" },
    /* "police arrested", "which attacked": a past form after its subject is a simple past */
    { .self = B(VBN), .cand = B(VBD), .next_not = ENT_W_BY, .test = r_past_after_subject, .to = "VBD" },
    /* "evacuated the wounded from Gorazde", "the accused was freed": a past form after
     * "the" that no noun or adjective follows heads the noun phrase (r_the_before) */
    { .self = B(VBD) | B(VBN), .prev = B(DT), .next = ~(NOUNS | B(JJ) | B(JJS) | B(JJR) | B(VBG) | B(CD) | B(VBN)),
      .test = r_the_before, .to = "JJ" },
    /* "the wounded": a past form after a determiner is the participle */
    { .self = B(VBD), .prev = B(DT) | B(PRPS), .cand = B(VBN), .to = "VBN" },
    /* "they attack", "officials say": a base verb after a plural subject (not after to or a
     * modal) is a present tense */
    { .self = B(VB), .pv = ~(B(TO) | B(MD)), .prev = B(PRP) | B(NNS) | B(NNPS) | B(WDT) | B(WP), .to = "VBP" },
    /* "a peace deal", "in return": a base verb after a noun or preposition is a noun */
    { .self = B(VB), .prev = NOUNS | B(IN), .cand = B(NN), .to = "NN" },
    /* "Greece, like most other members, plans to impose ...": a plural before "to" right
     * after a phrase set off by commas after the subject is its verb (r_after_aside) */
    { .self = B(NNS), .cand = B(VBZ), .prev = B(COMMA), .next = B(TO), .test = r_after_aside, .to = "VBZ" },
    /* "Iran warns the US", "he plans to", "Israel no longer attacks Gaza": a plural after
     * a name or pronoun (adverbs between allowed) that opens a clause, before what starts
     * an object, is a present verb (not "to send Leopard tanks to Ukraine": r_subject_verb) */
    { .self = B(NNS), .cand = B(VBZ), .pv = B(NNP) | B(PRP), .test = r_subject_verb,
      .next = B(DT) | B(PRPS) | B(NNP) | B(TO) | B(CD) | B(PRP) | B(JJ), .to = "VBZ" },
    /* "they support the plan", "we need to": a noun after a pronoun, before an object, is a verb */
    { .self = B(NN), .cand = B(VBP) | B(VB), .prev = B(PRP), .next = B(DT) | B(PRPS) | B(NNP) | B(TO) | B(PRP) | B(IN),
      .to = "VBP" },
    /* "near East Jerusalem": an adverb-or-adjective before a name is an adjective */
    { .self = B(RB), .cand = B(JJ), .next = B(NNP), .prev = ~VERBS, .to = "JJ" },
    /* "very close": after a degree adverb a verb reading is unlikely */
    { .prev = B(RB), .self = B(VB) | B(VBP), .pv = ~(B(MD) | B(TO)), .cand = B(RB) | B(JJ), .test = r_not_do_aux,
      .to = "RB", .to_else = "JJ" },
    /* "abandon improved relations": a participle between a verb and a noun is an adjective */
    { .self = B(VBN) | B(VBD), .cand = B(JJ), .prev = VERBS, .prev_not = ENT_W_BE | ENT_W_HAVE,
      .next = B(JJ) | B(NN) | B(NNS), .to = "JJ" },
    /* "a key role", "military aid": a noun-or-adjective before a noun modifies it */
    { .self = B(NN) | B(NNP), .cand = B(JJ), .next = B(NN) | B(NNS), .prev = ~B(JJ), .to = "JJ" },
    /* "whose" */
    { .self_has = ENT_W_WHOSE, .to = "WP$" },
    /* "that": "the group that attacked" (WDT), "in that case", "protested against that
     * plan" (DT: the noun phrase stays whole), "said that" (IN); otherwise its tag stays
     * (no rule below applies to it) */
    { .self_has = ENT_W_THAT, .prev = NOUNS | B(COMMA), .next = VERBS | B(MD), .to = "WDT" },
    { .self_has = ENT_W_THAT, .next = B(NN) | B(NNS), .test = r_that_first, .to = "DT" },
    { .self_has = ENT_W_THAT, .test = r_that_in, .to = "IN" },
    /* "gave in to demands", "caved in to pressure", "stepped in to mediate": "in" between
     * a verb and "to" is the verb's particle (no preposition "in" takes "to" after it) */
    { .self = B(IN), .self_has = ENT_W_IN, .prev = VERBS, .next = B(TO), .to = "RP" },
    /* "shot down the plane", "called off.": a particle right after a verb */
    { .self = B(IN) | B(RB), .self_has = ENT_W_PARTICLE, .prev = VERBS,
      .next = B(DT) | B(PRPS) | B(DOT) | B(COMMA) | NOUNS | B(PRP) | B(CD) | B(JJ), .to = "RP" },
    /* "has brokered a ceasefire", "has embargoed oil": an adjective-or-participle after
     * have is the participle (the verb the coder reads) */
    { .self = B(JJ), .cand = B(VBN), .test = r_aux_have, .to = "VBN" },
};
#define NRULES (sizeof RULES / sizeof *RULES)
/* The rules as bit sets (bit k: RULES[k]), built once with the tag table: rs_self[b] holds
 * the rules whose word-tag condition admits tag bit b, and the same for the tag before
 * (rs_prev), after (rs_next), before the adverbs (rs_pv) and for a candidate (rs_cand,
 * plus rs_nocand: the rules without a candidate condition).  A word's rules to try are
 * the AND of its sets, so most words try none or one. */
_Static_assert(NRULES <= 64, "a rule set fits a uint64_t");
static uint64_t rs_self[TB_COUNT], rs_prev[TB_COUNT], rs_next[TB_COUNT], rs_pv[TB_COUNT], rs_cand[TB_COUNT];
static uint64_t rs_nocand;

static void rules_init(void) {
    tbh_fill();
    const char *t[ENT_LEX_MAXTAGS];
    (void)ent_lex_lookup("the", 3, t);   /* the lexicon's tag rows are filled by its first lookup */
    for (int k = 0; k < ENT_LEX_TAG8_MAX; k++) lex_bit[k] = tag_bit_p(pack_tag(ent_lex_tag8[k]));
    for (size_t k = 0; k < NRULES; k++) {
        const rule *r = &RULES[k];
        uint64_t bit = (uint64_t)1 << k;
        for (int b = 0; b < TB_COUNT; b++) {
            uint64_t tb = (uint64_t)1 << b;
            if (!r->self || (r->self & tb)) rs_self[b] |= bit;
            if (!r->prev || (r->prev & tb)) rs_prev[b] |= bit;
            if (!r->next || (r->next & tb)) rs_next[b] |= bit;
            if (!r->pv || (r->pv & tb)) rs_pv[b] |= bit;
            if (r->cand & tb) rs_cand[b] |= bit;
        }
        if (!r->cand) rs_nocand |= bit;
    }
    __atomic_store_n(&tbh_ready, 1, __ATOMIC_RELEASE);
}

/* Apply the rules in order to word r->i (x); the first whose condition holds sets the
 * tag and ends the word.  Returns whether a tag was set. */
static int apply_rules(ent_tagword *x, const rctx *r) {
    uint64_t cm = rs_nocand;
    for (uint64_t b = r->cands; b; b &= b - 1) cm |= rs_cand[__builtin_ctzll(b)];
    uint64_t todo = cm & rs_self[__builtin_ctzll(r->c[r->i].cur)] & rs_prev[__builtin_ctzll(r->prev)] &
                    rs_next[__builtin_ctzll(r->next)] & rs_pv[__builtin_ctzll(r->pv)];
    for (; todo; todo &= todo - 1) {
        const rule *ru = &RULES[__builtin_ctzll(todo)];
        if (ru->self_has && !(x->flags & ru->self_has)) continue;
        if (x->flags & ru->self_not) continue;
        if (ru->prev_not && r->i > 0 && (r->w[r->i - 1].flags & ru->prev_not)) continue;
        if (ru->next_not && r->i + 1 < r->n && (r->w[r->i + 1].flags & ru->next_not)) continue;
        if (ru->test && !ru->test(r)) continue;
        set(x, ru->to_else && !(r->cands & tag_bit_p(pack_tag(ru->to))) ? ru->to_else : ru->to);
        return 1;
    }
    return 0;
}

/* Whether the sentence is in capitals (a headline): its words are then looked up in
 * lower case too. */
static int caps_sentence(const ent_tagword *w, size_t n) {
    size_t letters = 0, uppers = 0, bytes = 0;
    for (size_t i = 0; i < n; i++) bytes += w[i].len;
    /* stop once the lower-case letters exceed a tenth of all bytes: not capitals then */
    for (size_t i = 0; i < n && (letters - uppers) * 10 <= bytes; i++)
        for (size_t k = 0; k < w[i].len; k++) {
            unsigned char ch = (unsigned char)w[i].text[k];
            if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') { letters++; if (ch <= 'Z') uppers++; }
        }
    return letters > 8 && uppers * 10 >= letters * 9;
}

/* Does the capitalised word x, whose lexicon candidates c are all plural nouns, have no
 * plural shape ("Luigi", "Paganini": entries the Brill lexicon took from capitalised
 * plurals)?  Such a word is a name, unless its lower-case form is a plural the lexicon
 * knows ("Teeth", "Menfolk" opening a sentence). */
static inline int name_not_plural(const ent_tagword *x, const cand *c) {
    /* most words fail the first tests: no candidate, lower case, not a plural first */
    if (c->n == 0 || (unsigned char)(x->text[0] - 'A') > 'Z' - 'A' || !eqs(c->t[0], "NNS")) return 0;
    if (x->len < 2 || x->len >= 64 || ent_all_upper(x->text, x->len)) return 0;
    for (int k = 0; k < c->n; k++)
        if (!eqs(c->t[k], "NNS")) return 0;
    char e = (char)tolower((unsigned char)x->text[x->len - 1]);
    if (e == 's') return 0;
    char low[64];
    for (size_t i = 0; i < x->len; i++) low[i] = (char)tolower((unsigned char)x->text[i]);
    const char *t[ENT_LEX_MAXTAGS];
    int k = ent_lex_lookup(low, x->len, t);
    for (int j = 0; j < k; j++)
        if (eqs(t[j], "NNS")) return 0;
    return 1;
}

int ent_word_pure_name(const char *w, size_t n) {
    if (n < 2 || n >= 64 || !isupper((unsigned char)w[0]) || ent_all_upper(w, n)) return 0;
    if (ent_word_flags(w, n) & ENT_W_NAMEPART) return 0;
    char low[64];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    const char *t[ENT_LEX_MAXTAGS];
    return ent_lex_lookup(low, n, t) == 0;
}

/* Pass 1 for word i of n: its flags, candidates (c[i]) and initial tag; caps: an
 * all-capitals sentence (a headline). */
static void initial_tag(ent_tagword *w, size_t n, size_t i, cand *c, int caps) {
    c[i].n = 0;
    ent_tagword *x = &w[i];
    x->flags = ent_word_flags(x->text, x->len);
    if (x->kind == ENT_TOK_PUNCT) { set(x, punct_tag(x)); return; }
    if (x->kind == ENT_TOK_CLITIC) { set(x, clitic_tag(x)); return; }
    int initial = i == 0 || eq(w[i - 1].tag, "``") || eq(w[i - 1].tag, "-LRB-") || eq(w[i - 1].tag, ":");
    lookup(x, initial, caps, &c[i]);
    /* "Bin Salman met ...", "Ould Abdallah said": a capitalised name particle opening a
     * sentence before a capitalised word starts the name (not "bin", "ould" as words) */
    if (initial && !caps && (x->flags & ENT_W_NAMEPART) && isupper((unsigned char)x->text[0]) && i + 1 < n &&
        w[i + 1].kind == ENT_TOK_WORD && isupper((unsigned char)w[i + 1].text[0])) {
        c[i].n = 1; c[i].t[0] = "NNP";
    }
    /* "Luigi Di Maio": a capitalised word the lexicon knows only as a plural, without a
     * plural's shape, is a name */
    if (!caps && name_not_plural(x, &c[i])) { c[i].n = 1; c[i].t[0] = "NNP"; }
    /* a capitalised word inside a name ("Michel Delving") is a proper noun even when
     * the lexicon knows it only from sentence starts */
    if (!initial && !caps && c[i].n > 0 && isupper((unsigned char)x->text[0]) && i > 0 &&
        eq(w[i - 1].tag, "NNP") && !has_s(&c[i], "NNP") && !has_s(&c[i], "NNPS") &&
        !has_s(&c[i], "IN") && !has_s(&c[i], "CC") && !has_s(&c[i], "DT")) c[i].n = 0;
    if (x->flags & ENT_W_NUMBER) { set(x, "CD"); return; }
    /* an all-capitals word in ordinary text is an acronym: "US", "UN", "WHO", "IT" */
    if (!caps && x->len >= 2 && x->len <= 6 && ent_all_upper(x->text, x->len)) {
        set(x, "NNP");
        c[i].n = 1; c[i].t[0] = "NNP";
        return;
    }
    /* a regular past form is both VBD and VBN */
    if (c[i].n > 0 && c[i].n < ENT_LEX_MAXTAGS && ends(x->text, x->len, "ed")) {
        if (has_s(&c[i], "VBN") && !has_s(&c[i], "VBD")) c[i].t[c[i].n++] = "VBD";
        else if (has_s(&c[i], "VBD") && !has_s(&c[i], "VBN")) c[i].t[c[i].n++] = "VBN";
    }
    /* "fines": a plural the lexicon knows only as a noun is also a present verb when
     * its singular is a verb ("fine" VB) */
    if (c[i].n > 0 && c[i].n < ENT_LEX_MAXTAGS && eqs(c[i].t[0], "NNS") && x->len >= 4 && x->len < 64 &&
        x->text[x->len - 1] == 's' && x->text[x->len - 2] != 's' && !has_s(&c[i], "VBZ")) {
        const char *st[ENT_LEX_MAXTAGS];
        int k = ent_lex_lookup(x->text, x->len - 1, st);
        for (int j = 0; j < k; j++)
            if (eqs(st[j], "VB")) { c[i].t[c[i].n++] = "VBZ"; break; }
    }
    if (c[i].n > 0) set(x, c[i].t[0]);
    else if (x->kind == ENT_TOK_NUMBER) {
        if (memchr(x->text, '-', x->len)) { set(x, "JJ"); return; } /* "12-year" */
        set(x, (ends(x->text, x->len, "st") || ends(x->text, x->len, "nd") || ends(x->text, x->len, "rd") ||
                ends(x->text, x->len, "th")) ? "JJ" : "CD");
    } else {
        set(x, guess(x->text, x->len, initial));
        /* the ambiguity an unknown word's suffix leaves open */
        if (eq(x->tag, "VBN")) { c[i].n = 2; c[i].t[0] = "VBN"; c[i].t[1] = "VBD"; }
        else if (eq(x->tag, "NNS")) { c[i].n = 2; c[i].t[0] = "NNS"; c[i].t[1] = "VBZ"; }
        else if (eq(x->tag, "VBG")) { c[i].n = 2; c[i].t[0] = "VBG"; c[i].t[1] = "NN"; }
    }
    /* numbers and special symbols the lexicon tags oddly */
    if (eq(x->tag, "(") || eq(x->tag, ")")) set(x, "SYM");
}

/* Pass 2 for a clitic "'s" at i: the possessive, or "is"/"has" as VBZ ("it's", "that's
 * the plan", "Gondor's been warned"). */
static void clitic_s(ent_tagword *w, cand *c, size_t n, size_t i) {
    ent_tagword *x = &w[i];
    const char *prev = i > 0 ? w[i - 1].tag : NOTAG;
    const char *next = i + 1 < n ? w[i + 1].tag : NOTAG;
    const char *next2 = i + 2 < n ? w[i + 2].tag : NOTAG;
    int adjectival = (eq(next, "VBN") || eq(next, "VBG")) && (is_noun(next2) || eq(next2, "JJ"));
    /* "Beijing's backing for": a gerund after a proper noun's "'s" is a noun */
    if (eq(next, "VBG") && (eq(prev, "NNP") || eq(prev, "NNPS"))) adjectival = 1;
    if (((eq(next, "VBN") || eq(next, "VBG")) && !adjectival) || eq(next, "DT") || eq(next, "TO") ||
        (eq(next, "RB") && !is_noun(prev)) ||
        eq(prev, "PRP") || eq(prev, "EX") || eq(prev, "WP") || (i > 0 && (w[i - 1].flags & ENT_W_THAT)))
        { set(x, "VBZ"); c[i].cur = B(VBZ); }
}

/* What the rules look at for word i (see rctx). */
static void rule_context(rctx *r, const ent_tagword *w, const cand *c, size_t n, size_t i, int clause_verb) {
    *r = (rctx){ .w = w, .c = c, .n = n, .i = i, .clause_verb = clause_verb };
    const ent_tagword *x = &w[i];
    const cand *ci = &c[i];
    uint64_t m = 0;
    for (int k = 0; k < ci->n; k++) m |= cand_bit(ci->t[k], ci->p[k]);
    r->cands = m;
    /* the previous tag, looking through adverbs ("will not go", "to quickly go") */
    size_t j = i;
    while (j > 0 && (eq(w[j - 1].tag, "RB") || eq(w[j - 1].tag, "RBR"))) j--;
    r->j = j;
    r->pv = j > 0 ? c[j - 1].cur : B(NONE);
    r->prev = i > 0 ? c[i - 1].cur : B(NONE);
    r->next = i + 1 < n ? c[i + 1].cur : B(NONE);
    int verbish = (x->tag[0] == 'V' || x->tag[0] == 'J');
    for (size_t k = i, steps = 0; verbish && k > 0 && steps < 4; k--, steps++) {
        const ent_tagword *p = &w[k - 1];
        if (p->flags & ENT_W_BE) { r->aux_be = 1; break; }
        if (p->flags & ENT_W_HAVE) { r->aux_have = 1; break; }
        if (!(eq(p->tag, "RB") || eq(p->tag, "RBR") || (eq(p->tag, "VBN") && k != i))) break;
    }
    r->do_aux = j > 0 && (w[j - 1].flags & ENT_W_DO);
    size_t subj = i;   /* start of the proper-noun run before i */
    while (subj > 0 && (eq(w[subj - 1].tag, "NNP") || eq(w[subj - 1].tag, "NNPS"))) subj--;
    /* "said Iran shot ...": a reported clause may start after a finite verb or "that" */
    r->new_clause = subj > 0 && subj < i && (eq(w[subj - 1].tag, "VBD") || eq(w[subj - 1].tag, "VBZ") ||
                                            eq(w[subj - 1].tag, "VBP") || (w[subj - 1].flags & ENT_W_THAT));
    r->particle_next = i + 1 < n && (w[i + 1].flags & ENT_W_PARTICLE) && !(w[i + 1].flags & ENT_W_BY);
}

/* Pass 3: a sentence without any verb most likely mis-tagged one: "Ethiopia act on ..."
 * (within the first clause: up to the first comma). */
static void verbless_clause(ent_tagword *w, const cand *c, size_t n) {
    size_t region = 0;
    while (region < n && !eq(w[region].tag, ",") && !((w[region].flags & ENT_W_SUB) && eq(w[region].tag, "IN"))) region++;
    int verbs = 0;
    for (size_t i = 0; i < region && !verbs; i++) verbs = is_verb(w[i].tag) || eq(w[i].tag, "MD");
    /* "Mali's junta cut ties with Ukraine": a past tense after the subject noun, before
     * the object, is the verb (preferred over reading the object as a present verb) */
    for (size_t i = 1; i + 1 < region && !verbs; i++) {
        const char *p = w[i - 1].tag, *q = w[i + 1].tag;
        if (!is_noun(p) && !eq(p, "PRP")) continue;
        if (!(eq(w[i].tag, "NN") || eq(w[i].tag, "NNS") || eq(w[i].tag, "JJ")) || !has(&c[i], "VBD")) continue;
        if (isupper((unsigned char)w[i].text[0])) continue;
        if (is_noun(q) || eq(q, "JJ") || eq(q, "DT") || eq(q, "PRP$") || eq(q, "CD") || eq(q, "PRP")) {
            set(&w[i], "VBD");
            verbs = 1;
        }
    }
    int np_so_far = 1;
    for (size_t i = 1; i + 1 < region && !verbs && np_so_far; i++) {
        const char *p = w[i - 1].tag, *q = w[i + 1].tag;
        np_so_far = is_noun(p) || eq(p, "DT") || eq(p, "JJ") || eq(p, "PRP") || eq(p, "PRP$") || eq(p, "CC") ||
                    eq(p, "POS");
        if (!np_so_far) break;
        if (!(is_noun(p) || eq(p, "PRP")) || !(eq(q, "DT") || eq(q, "IN") || eq(q, "TO") || eq(q, "PRP$") ||
                                                eq(q, "NNP") || eq(q, "PRP") || eq(q, "CD")))
            continue;
        /* "Fornost and Gondor welcome a resumption": an adjective reading loses too */
        int adj_verb = eq(w[i].tag, "JJ") && (eq(q, "DT") || eq(q, "PRP$"));
        if ((eq(w[i].tag, "NN") || adj_verb) && (has(&c[i], "VBP") || has(&c[i], "VB"))) { set(&w[i], "VBP"); verbs = 1; }
        else if (eq(w[i].tag, "NNS") && has(&c[i], "VBZ")) { set(&w[i], "VBZ"); verbs = 1; }
    }
}

static void context_passes(ent_tagword *w, cand *c, size_t n);

/* An opening or closing quotation mark, double or single (the tokenizer writes them ``
 * '' ` '; an apostrophe of a possessive is a clitic, not punctuation), after pass 1. */
static int is_quote_mark(const ent_tagword *x) {
    return x->kind == ENT_TOK_PUNCT && (eq(x->tag, "``") || eq(x->tag, "''"));
}

void ent_tag_words(ent_tag_scratch *sc, ent_tagword *w, size_t n) {
    if (n == 0) return;
    /* candidates in the caller's scratch, kept between calls unless it grew huge */
    ENT_GROW(sc->cand, n, sc->cap);
    cand *c = sc->cand;
    int caps = caps_sentence(w, n);
    /* pass 1: candidates and initial tags */
    for (size_t i = 0; i < n; i++) initial_tag(w, n, i, c, caps);
    if (!__atomic_load_n(&tbh_ready, __ATOMIC_ACQUIRE)) pthread_once(&tbh_once, rules_init);
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < c[i].n; k++) c[i].p[k] = pack_tag(c[i].t[k]);
        c[i].cur = tag_bit(w[i].tag);
    }
    /* Quotation marks are transparent to passes 2 and 3: they run over the other
     * words, so "the "close friendship"" is read as "the close friendship" (a determiner
     * before "close", not a quote), and a quoted verb keeps its subject ("they "oppose
     * enlargement""); each word's tag is then copied back to its place. */
    size_t quotes = 0;
    for (size_t i = 0; i < n; i++) quotes += is_quote_mark(&w[i]);
    if (!quotes || quotes == n) {
        context_passes(w, c, n);
    } else {
        size_t m = n - quotes;
        if (m > sc->qcap) {
            free(sc->qw); free(sc->qcand); free(sc->qmap);
            sc->qcap = m;
            sc->qw = ent_xmalloc(m * sizeof *sc->qw);
            sc->qcand = ent_xmalloc(m * sizeof *sc->qcand);
            sc->qmap = ent_xmalloc(m * sizeof *sc->qmap);
        }
        for (size_t i = 0, k = 0; i < n; i++) {
            if (is_quote_mark(&w[i])) continue;
            sc->qw[k] = w[i];
            sc->qcand[k] = c[i];
            sc->qmap[k++] = i;
        }
        context_passes(sc->qw, sc->qcand, m);
        for (size_t k = 0; k < m; k++) w[sc->qmap[k]] = sc->qw[k];
    }
    if (sc->cap > 65536) { free(sc->cand); sc->cand = NULL; sc->cap = 0; }
    if (sc->qcap > 65536) { free(sc->qw); free(sc->qcand); free(sc->qmap); sc->qw = NULL; sc->qcand = NULL; sc->qmap = NULL; sc->qcap = 0; }
}

/* Passes 2 and 3 over n words with their candidates c (pass 1 done). */
static void context_passes(ent_tagword *w, cand *c, size_t n) {
    /* pass 2: contextual rules, left to right over the current tags */
    int clause_verb = 0;   /* a verb or modal since the start of the clause (or last comma) */
    for (size_t i = 0; i < n; i++) {
        ent_tagword *x = &w[i];
        const cand *ci = &c[i];
        const char *prev = i > 0 ? w[i - 1].tag : NOTAG;
        if (i > 0) {
            if (is_verb(prev) || eq(prev, "MD")) clause_verb = 1;
            else if (eq(prev, ",") || eq(prev, ":") || eq(prev, "CC")) clause_verb = 0;
        }
        if (x->kind == ENT_TOK_CLITIC) {
            if (word_is(x, "'s")) clitic_s(w, c, n, i);
            continue;
        }
        if (ci->n == 0 && x->kind != ENT_TOK_WORD) continue;
        /* the rules below only retag adjectives, nouns, verbs and adverbs, plus the words
         * flagged "that", "whose", "in" and particles, and modals ("the will"): skip the rest
         * (DT, IN, CC, punctuation...) */
        if (!(x->flags & (ENT_W_THAT | ENT_W_WHOSE | ENT_W_PARTICLE | ENT_W_NAMEPART | ENT_W_NO | ENT_W_IN)) &&
            !(x->tag[0] == 'J' || x->tag[0] == 'N' || x->tag[0] == 'V' || x->tag[0] == 'R' || eq(x->tag, "MD")))
            continue;
        rctx r;
        rule_context(&r, w, c, n, i, clause_verb);
        if (apply_rules(x, &r)) c[i].cur = tag_bit(x->tag);
    }
    verbless_clause(w, c, n);
}

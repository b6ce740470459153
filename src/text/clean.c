/* clean.c — cleanup of text extracted from printed pages, PDFs and web pages before it
 * is split and coded.  Drops page counters ("1 of 4"), print headers and footers
 * ("02/04/22, 15:38", URLs), captions and photo credits ("... © AP"), copyright lines,
 * running headers/footers repeated on every page, OCR garbage lines, web boilerplate ("Advertisement", "Read more: ...") and inline
 * markup (<u>...</u>); joins words hyphenated across lines,
 * lines of one paragraph, and paragraphs broken across pages.  The front matter --
 * section label, headline, standfirst, byline, dateline -- is taken out as metadata.
 *
 * Works line by line on a private copy: linear in the input size. */
#include "util/util.h"
#include "text/text.h"

#include <ctype.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef enum { L_TEXT, L_BLANK, L_ARTIFACT, L_HEADING } line_kind;

typedef struct cline {
    char *s;           /* points into the working copy; NUL-terminated, trimmed */
    size_t n;
    line_kind kind;
} cline;

static inline unsigned char lower_ascii(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c; }

/* s[0..k) equals the lower-case ASCII string low, ignoring case: strncasecmp(s, low, k)
 * == 0 without the call (it stops at the first difference, so a NUL in s ends it too). */
static inline int ci_eq(const char *s, const char *low, size_t k) {
    for (size_t i = 0; i < k; i++)
        if (lower_ascii((unsigned char)s[i]) != (unsigned char)low[i]) return 0;
    return 1;
}
/* s starts with the lower-case literal lit, ignoring case. */
#define CI_PREFIX(s, lit) ci_eq((s), (lit), sizeof(lit) - 1)

/* ---- inline markup -------------------------------------------------------------------- */

static int markup_tag(const char *s, size_t n, size_t *tag_len) {
    static const char *const tags[] = {"u", "b", "i", "em", "strong", "span", "br", "a", "sup", "sub", "p", "div",
                                       "font", "small", "mark", "ins", "del", "s", "strike", NULL};
    if (n < 3 || s[0] != '<') return 0;
    size_t i = 1;
    if (s[i] == '/') i++;
    size_t ns = i;
    while (i < n && isalpha((unsigned char)s[i])) i++;
    size_t nl = i - ns;
    if (!nl) return 0;
    int known = 0;
    for (int k = 0; tags[k]; k++)
        if (strlen(tags[k]) == nl && ci_eq(s + ns, tags[k], nl)) known = 1;
    if (!known) return 0;
    /* attributes up to '>' on the same line, no '<' inside */
    while (i < n && s[i] != '>' && s[i] != '<' && s[i] != '\n' && i < 400) i++;
    if (i >= n || s[i] != '>') return 0;
    *tag_len = i + 1;
    return 1;
}

/* Copy text with CR/CRLF made LF, inline markup removed and common entities decoded,
 * into o (len + 1 bytes). */
static char *strip_markup(char *o, const char *text, size_t len, size_t *out_len) {
    size_t k = 0;
    /* bytes that need a look: CR, '<', '&', tab, form feed, vertical tab */
    static const unsigned char special[256] = {['\r'] = 1, ['<'] = 1, ['&'] = 1, ['\t'] = 1, ['\f'] = 1, ['\v'] = 1};
    for (size_t i = 0; i < len;) {
        size_t run = i;
        const unsigned char *u = (const unsigned char *)text;
        while (run + 8 <= len && !(special[u[run]] | special[u[run + 1]] | special[u[run + 2]] | special[u[run + 3]] |
                                   special[u[run + 4]] | special[u[run + 5]] | special[u[run + 6]] | special[u[run + 7]]))
            run += 8;   /* eight bytes a step: most text has nothing special */
        while (run < len && !special[u[run]]) run++;
        if (run > i) {   /* plain text: copied as one block */
            memcpy(o + k, text + i, run - i);
            k += run - i;
            i = run;
            if (i >= len) break;
        }
        char c = text[i];
        size_t tl;
        if (c == '\r') { o[k++] = '\n'; i += (i + 1 < len && text[i + 1] == '\n') ? 2 : 1; continue; }
        if (c == '<' && markup_tag(text + i, len - i, &tl)) {
            /* <br> ends a line; other tags vanish */
            if (tl >= 3 && CI_PREFIX(text + i, "<br")) o[k++] = '\n';
            i += tl;
            continue;
        }
        if (c == '&') {
            static const struct { const char *e; char c; } ents[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&nbsp;", ' '}};
            int hit = 0;
            for (size_t e = 0; e < sizeof ents / sizeof ents[0]; e++) {
                size_t el = strlen(ents[e].e);
                if (i + el <= len && !strncmp(text + i, ents[e].e, el)) { o[k++] = ents[e].c; i += el; hit = 1; break; }
            }
            if (hit) continue;
        }
        if (c == '\t' || c == '\f' || c == '\v') c = (c == '\f') ? '\n' : ' ';
        o[k++] = c;
        i++;
    }
    o[k] = 0;
    *out_len = k;
    return o;
}

/* ---- line classification -------------------------------------------------------------- */

/* Skip spaces from s[*i]. */
static void sp(const char *s, size_t n, size_t *i) { while (*i < n && s[*i] == ' ') (*i)++; }

/* "N of M" / "Page N of M" / "N/M" at s[*i]; advances *i on success. */
static int page_counter_at(const char *s, size_t n, size_t *i) {
    size_t j = *i;
    if (j + 5 <= n && CI_PREFIX(s + j, "page ")) j += 5;
    size_t a = j;
    while (j < n && isdigit((unsigned char)s[j])) j++;
    if (j == a || j - a > 4) return 0;
    if (j + 4 <= n && !strncmp(s + j, " of ", 4)) j += 4;
    else if (j < n && s[j] == '/') j++;
    else return 0;
    size_t b = j;
    while (j < n && isdigit((unsigned char)s[j])) j++;
    if (j == b || j - b > 4) return 0;
    if (j < n && s[j] != ' ') return 0;
    *i = j;
    return 1;
}

/* "02/04/22, 15:38" or "2/4/2022 3:38 PM" at s[*i]; advances *i on success. */
static int print_stamp_at(const char *s, size_t n, size_t *i) {
    size_t j = *i, a = j;
    int parts = 0;
    for (;;) {
        size_t b = j;
        while (j < n && isdigit((unsigned char)s[j])) j++;
        if (j == b || j - b > 4) return 0;
        parts++;
        if (parts == 3) break;
        if (j >= n || s[j] != '/') return 0;
        j++;
    }
    if (j - a < 6) return 0;
    if (j < n && s[j] == ',') j++;
    sp(s, n, &j);
    size_t t = j;
    while (j < n && isdigit((unsigned char)s[j])) j++;
    if (j == t || j - t > 2 || j >= n || s[j] != ':') return 0;
    j++;
    t = j;
    while (j < n && isdigit((unsigned char)s[j])) j++;
    if (j - t != 2) return 0;
    size_t k = j;
    sp(s, n, &k);
    if (k + 2 <= n && (CI_PREFIX(s + k, "am") || CI_PREFIX(s + k, "pm"))) j = k + 2;
    *i = j;
    return 1;
}

static int url_at(const char *s, size_t n, size_t *i) {
    size_t j = *i;
    if (!(j + 7 <= n && (CI_PREFIX(s + j, "http://") || CI_PREFIX(s + j, "https://") ||
                         CI_PREFIX(s + j, "www."))))
        return 0;
    while (j < n && s[j] != ' ') j++;
    *i = j;
    return 1;
}

/* A line made only of page counters, print stamps and URLs (in any order). */
static int is_print_furniture(const char *s, size_t n) {
    size_t i = 0;
    int items = 0;
    while (i < n) {
        sp(s, n, &i);
        if (i >= n) break;
        if (page_counter_at(s, n, &i) || print_stamp_at(s, n, &i) || url_at(s, n, &i)) { items++; continue; }
        /* "- 3 -" page numbers */
        if (s[i] == '-' || s[i] == '|') { i++; continue; }
        if (isdigit((unsigned char)s[i]) && n <= 8) { while (i < n && isdigit((unsigned char)s[i])) i++; items++; continue; }
        return 0;
    }
    return items > 0;
}


/* A needle for ci_find: lower-case ASCII bytes, their count, and the index of a byte
 * that is rare in running text, which the search looks for first. */
typedef struct needle {
    const char *low;
    size_t k, anchor;
} needle;
#define NEEDLE(lit, a) ((needle){ lit, sizeof(lit) - 1, a })

/* First offset of the needle in s[0..n), ASCII case-insensitive, or -1.  Runs once per
 * line and pattern, so it finds the anchor byte with memchr (both cases of a letter,
 * merged in order) before comparing the whole needle around it. */
static int ci_find(const char *s, size_t n, needle nd) {
    size_t k = nd.k, a = nd.anchor;
    if (k == 0) return 0;
    if (k > n) return -1;
    const char *low = nd.low;
    unsigned char f = (unsigned char)low[a];
    unsigned char F = (f >= 'a' && f <= 'z') ? (unsigned char)(f - 0x20) : f;
    const char *lo = s + a, *end = s + (n - k) + a + 1;   /* where the anchor can be */
    if (f == F) {
        for (const char *p = lo; p < end; p++) {
            p = memchr(p, f, (size_t)(end - p));
            if (!p) return -1;
            if (ci_eq(p - a, low, k)) return (int)(p - a - s);
        }
        return -1;
    }
    /* a letter: the next lower-case and the next upper-case occurrence, by memchr each */
    const char *pl = memchr(lo, f, (size_t)(end - lo)), *pu = memchr(lo, F, (size_t)(end - lo));
    while (pl || pu) {
        const char *p = (pl && (!pu || pl < pu)) ? pl : pu;
        if (ci_eq(p - a, low, k)) return (int)(p - a - s);
        if (p == pl) pl = p + 1 < end ? memchr(p + 1, f, (size_t)(end - p - 1)) : NULL;
        else pu = p + 1 < end ? memchr(p + 1, F, (size_t)(end - p - 1)) : NULL;
    }
    return -1;
}

static int is_copyright(const char *s, size_t n) {
    if (n > 300) return 0;
    if (ci_find(s, n, NEEDLE("all rights reserved", 6)) >= 0) return 1;
    if (n >= 9 && CI_PREFIX(s, "copyright")) return 1;
    if (n >= 2 && !strncmp(s, "\xC2\xA9", 2) && n < 120) return 1; /* starts with © */
    if (n >= 3 && CI_PREFIX(s, "(c)") && n < 120) return 1;
    return 0;
}

/* A caption or photo credit: a short line that ends with a credit ("... © AP",
 * "Photo: Reuters", "(AP Photo/...)", "Getty Images"). */
static int is_caption(const char *s, size_t n) {
    if (n > 300) return 0;
    int c = ci_find(s, n, NEEDLE("\xC2\xA9", 0)); /* © */
    if (c >= 0) {
        /* the credit after © is a few capitalised words */
        size_t words = 0;
        for (size_t i = (size_t)c + 2; i < n; i++)
            if (s[i] == ' ' && i + 1 < n && s[i + 1] != ' ') words++;
        if (words <= 5) return 1;
    }
    if (ci_find(s, n, NEEDLE("(ap photo", 0)) >= 0 || ci_find(s, n, NEEDLE("getty images", 4)) >= 0 ||
        ci_find(s, n, NEEDLE("/ reuters", 0)) >= 0)
        return n < 250;
    if ((n >= 6 && CI_PREFIX(s, "photo:")) || (n >= 8 && CI_PREFIX(s, "picture:")) ||
        (n >= 11 && CI_PREFIX(s, "photograph:")) || (n >= 6 && CI_PREFIX(s, "image:")))
        return 1;
    return 0;
}

/* Web and print boilerplate lines: "Advertisement", "Read more: ...", "Share this
 * article", "Sign up to our newsletter", "Click here ...". */
static int is_boilerplate(const char *s, size_t n) {
    static const char *const whole[] = {"advertisement", "skip to main content", "share this article", "share",
                                        "read more", "continue reading", "print this page", "listen to this article",
                                        "story continues below", "sponsored", "subscribe", NULL};
    static const char *const starts[] = {"read more:", "related:", "sign up to", "sign up for", "follow us on",
                                         "click here", "listen to this article", "see also:", "watch:", NULL};
    if (n > 120) return 0;
    size_t m = n;
    while (m && (s[m - 1] == ':' || s[m - 1] == '.' || s[m - 1] == ' ')) m--;
    /* every pattern starts with a letter in [a-w]: most lines fail on their first byte */
    unsigned char f = lower_ascii((unsigned char)s[0]);
    if (f < 'a' || f > 'w') return 0;
    for (int i = 0; whole[i]; i++)
        if (whole[i][0] == f && m == strlen(whole[i]) && ci_eq(s, whole[i], m)) return 1;
    for (int i = 0; starts[i]; i++)
        if (starts[i][0] == f && n >= strlen(starts[i]) && ci_eq(s, starts[i], strlen(starts[i]))) return 1;
    return 0;
}

static int ends_sentence(const char *s, size_t n) {
    while (n && (s[n - 1] == ' ')) n--;
    if (!n) return 0;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'' || c == ')' || c == ']' || c == 0)
        return 1; /* (a NUL too, as strchr on the list would find its terminator) */
    /* closing curly quote U+201D / U+2019 */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        return 1;
    return 0;
}

/* OCR garbage: stray symbols, digit runs with leading zeros, odd capitals, and no final
 * punctuation.  Scores evidence; needs several signs, dense enough among the line's words, so
 * that real text (a long paragraph with a few rare names) is not dropped.
 * Byte classes: 1 a-z, 2 A-Z, 4 0-9, 8 a byte >= 0x80 (part of a letter). */
static const unsigned char GCLS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
};

/* A name with a particle prefix, not an OCR capital: "McGonagall", "MacArthur",
 * "DeSantis", "LeBron" (a capital, one or two lower-case letters, a capital, then only
 * lower-case letters and trailing punctuation such as "'s" or a comma). */
static int particle_name(const char *t, size_t w) {
    size_t i = 1;
    if (w < 4 || GCLS[(unsigned char)t[0]] != 2) return 0;
    while (i < w && i < 3 && GCLS[(unsigned char)t[i]] == 1) i++;
    if (i < 2 || i >= w || GCLS[(unsigned char)t[i]] != 2) return 0;
    i++;
    if (i >= w || GCLS[(unsigned char)t[i]] != 1) return 0;
    while (i < w && GCLS[(unsigned char)t[i]] == 1) i++;
    for (; i < w; i++)   /* "'s", ",", "." after the name; no further capital or digit */
        if (GCLS[(unsigned char)t[i]] == 2 || GCLS[(unsigned char)t[i]] == 4) return 0;
    return 1;
}

/* The verdict on a line's evidence: enough signs (3), and dense enough (one per eight
 * words) that a long paragraph of prose with a few odd names or symbols is kept. */
static int garbage_verdict(int score, size_t words) {
    return score >= 3 && (size_t)score * 8 >= words;
}

int ent_clean_is_garbage_scan(const char *s, size_t n) {
    /* one pass over the line: letter count and the per-word evidence together */
    size_t alpha = 0, nonspace = 0, words = 0;
    int score = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t a = i;
        /* OR and AND of the word's classes, the classes of its last three bytes */
        unsigned any = 0, all = 4, last3 = 0, inner_cap = 0;
        for (; i < n && s[i] != ' '; i++) {
            unsigned c = GCLS[(unsigned char)s[i]];
            alpha += (0x106u >> c) & 1;   /* classes 1, 2 and 8 are letters */
            any |= c;
            all &= c;
            /* lowercase letter followed by a capital inside a word: "cabIne" */
            last3 = ((last3 << 4) | c) & 0xFFF;
            inner_cap |= last3 == 0x121;
        }
        size_t w = i - a;
        if (!w) break;
        nonspace += w;
        words++;
        const char *t = s + a;
        if (!any && !(w == 1 && (t[0] == '-' || t[0] == '&'))) score += 2; /* "=" "|" "~" */
        else if (w >= 2 && t[0] == '0' && all == 4) score += 1;            /* "000" */
        else if (w >= 3 && inner_cap && !particle_name(t, w)) score += 1;
    }
    if (!nonspace) return 0;
    if (nonspace >= 3 && alpha * 10 < nonspace * 5) return 1; /* mostly symbols */
    if (words < 3) return 0;
    if (!ends_sentence(s, n)) score += 1;
    return garbage_verdict(score, words);
}

/* Byte masks of 64 bytes (bit i for byte i): space ' ', the digit '0', letters (GCLS 1,
 * 2, 8), any class (letters and digits), lower-case and upper-case ASCII letters. */
typedef struct gmask { uint64_t sp, zero, letter, cls, lo, up; } gmask;

static inline void garbage_masks(const char *s, gmask *m) {
#ifdef __SSE2__
    memset(m, 0, sizeof *m);
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        /* unsigned "x - base < count" as a signed compare after moving base to -128 */
#define GRANGE(base, count) _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - (base)))), \
                                           _mm_set1_epi8((char)(0x80 + (count))))
        __m128i lo = GRANGE('a', 26), up = GRANGE('A', 26), dg = GRANGE('0', 10);
#undef GRANGE
        unsigned sh = 16 * (unsigned)k;
        uint64_t hi = (uint16_t)_mm_movemask_epi8(x);
        uint64_t l = (uint16_t)_mm_movemask_epi8(lo), u = (uint16_t)_mm_movemask_epi8(up);
        m->sp |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))) << sh;
        m->zero |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('0'))) << sh;
        m->lo |= l << sh;
        m->up |= u << sh;
        m->letter |= (l | u | hi) << sh;
        m->cls |= (l | u | hi | (uint16_t)_mm_movemask_epi8(dg)) << sh;
    }
#else
    memset(m, 0, sizeof *m);
    for (int i = 0; i < 64; i++) {
        unsigned c = GCLS[(unsigned char)s[i]];
        uint64_t bit = (uint64_t)1 << i;
        if (s[i] == ' ') m->sp |= bit;
        if (s[i] == '0') m->zero |= bit;
        if (c == 1) m->lo |= bit;
        if (c == 2) m->up |= bit;
        if (c & 11) m->letter |= bit;
        if (c) m->cls |= bit;
    }
#endif
}

/* Bits set in v (inline: no popcount instruction is assumed). */
static inline size_t popcount64(uint64_t v) {
    v = v - ((v >> 1) & 0x5555555555555555ull);
    v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (size_t)((v * 0x0101010101010101ull) >> 56);
}

/* is_garbage_scan's answer, 64 bytes at a time: the letter and non-space counts are
 * popcounts; the words are found from the space mask.  Only words that start with a
 * symbol are looked at byte by byte (they may be all symbols: +2 each).  A line with a
 * word that starts with '0' or a lower-upper-lower run ("cabIne") (evidence the masks do
 * not score) is left to is_garbage_scan; for the others the score is what the scan
 * would give: 2 per all-symbol word, plus 1 without a final punctuation. */
int ent_clean_is_garbage(const char *s, size_t n) {
    size_t alpha = 0, nonspace = 0, words = 0;
    int sym = 0;
    char tail[64];
    uint64_t prev_sp = 1, prev_lo = 0, prev_up = 0;   /* the line start acts as a space */
    for (size_t base = 0; base < n; base += 64) {
        const char *blk = s + base;
        uint64_t valid = ~(uint64_t)0;
        if (n - base < 64) {
            memset(tail, 0, sizeof tail);
            memcpy(tail, blk, n - base);
            blk = tail;
            valid = ((uint64_t)1 << (n - base)) - 1;
        }
        gmask m;
        garbage_masks(blk, &m);
        uint64_t sp = m.sp & valid, ns = ~m.sp & valid;
        nonspace += popcount64(ns);
        alpha += popcount64(m.letter & valid);
        uint64_t starts = ns & ((sp << 1) | prev_sp);
        words += popcount64(starts);
        /* lower, upper, lower: the pattern ends at bit j when lo[j], up[j-1], lo[j-2] */
        uint64_t tri = m.lo & ((m.up << 1) | prev_up) & ((m.lo << 2) | prev_lo);
        if ((tri & valid) || (starts & m.zero)) return ent_clean_is_garbage_scan(s, n);
        prev_sp = sp >> 63;
        prev_up = m.up >> 63;
        prev_lo = m.lo >> 62;
        /* words starting with a symbol: all symbols unless a letter or digit follows */
        for (uint64_t st = starts & ~m.cls; st; st &= st - 1) {
            size_t a = base + (size_t)__builtin_ctzll(st), i = a;
            unsigned any = 0;
            for (; i < n && s[i] != ' '; i++) any |= GCLS[(unsigned char)s[i]];
            if (!any && !(i - a == 1 && (s[a] == '-' || s[a] == '&'))) sym += 2;
        }
    }
    if (!nonspace) return 0;
    if (nonspace >= 3 && alpha * 10 < nonspace * 5) return 1; /* mostly symbols */
    if (words < 3) return 0;
    if (!ends_sentence(s, n)) sym += 1;
    return garbage_verdict(sym, words);
}

/* A byline: "By Jane Doe", "Jane Doe in Seoul and John Roe in Moscow 10 HOURS AGO",
 * "Jane Doe, Reuters". */
static int is_byline(const char *s, size_t n) {
    if (n > 250 || ends_sentence(s, n)) {
        if (!(n >= 3 && !strncmp(s, "By ", 3) && n < 120)) return 0;
    }
    if (n >= 3 && !strncmp(s, "By ", 3)) return 1;
    if (ci_find(s, n, NEEDLE(" ago", 2)) >= 0 &&
        (ci_find(s, n, NEEDLE(" hours ago", 1)) >= 0 || ci_find(s, n, NEEDLE(" minutes ago", 1)) >= 0 ||
         ci_find(s, n, NEEDLE(" days ago", 3)) >= 0 || ci_find(s, n, NEEDLE(" hour ago", 1)) >= 0))
        return 1;
    return 0;
}

/* A line that stops mid-sentence: ends with a comma, a hyphen or a function word. */
static int looks_unfinished(const char *s, size_t n) {
    static const char *const words[] = {"the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "by",
                                        "at", "from", "its", "their", "his", "her", "that", "as", "was", "were",
                                        "is", "are", "has", "have", "had", "said", NULL};
    while (n && s[n - 1] == ' ') n--;
    if (!n) return 0;
    if (s[n - 1] == ',' || s[n - 1] == '-' || s[n - 1] == ';') return 1;
    size_t b = n;
    while (b && isalpha((unsigned char)s[b - 1])) b--;
    if (b && s[b - 1] != ' ') return 0;
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n - b && ci_eq(s + b, words[i], n - b)) return 1;
    return 0;
}

static int is_heading(const char *s, size_t n) { return n >= 2 && s[0] == '#'; }

static size_t word_count(const char *s, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
    return w;
}

/* Length of a dateline at the start of a paragraph ("MOSCOW, Feb 4 (Reuters) - ",
 * "LONDON (AP) -- ", "KYIV, Ukraine, March 3, 2022 — ", "GENEVA — ", "NAIROBI: "),
 * including the dash and the space after it; 0 when there is none.  A place in capitals
 * must be followed by a date or an (Agency) before a plain dash; before an em or en dash
 * or a colon, the place alone (at least four capitals, optionally ", Country") will do. */
static size_t dateline_len(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && i < 60 && (isupper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.' || s[i] == '\'' || s[i] == '-'))
        i++;
    if (i < 3 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1])) return 0;
    while (i > 0 && s[i - 1] == ' ') i--;
    if (i >= n || s[i - 1] == '-') return 0;
    /* the place alone: "NAIROBI: ", "GENEVA — ", "KABUL, Afghanistan — " */
    size_t caps = 0, pe = 0;
    while (pe < n && pe < 60 && (isupper((unsigned char)s[pe]) || s[pe] == '.' || s[pe] == '\'' ||
                                 (s[pe] == ' ' && pe + 1 < n && s[pe + 1] != '-')))
        caps += isupper((unsigned char)s[pe++]) != 0;
    while (pe > 0 && s[pe - 1] == ' ') pe--;
    if (caps >= 4) {
        size_t j = pe;
        if (j + 2 < n && s[j] == ',' && s[j + 1] == ' ' && isupper((unsigned char)s[j + 2])) {
            /* ", Country" in capitalised words */
            j += 2;
            while (j < n && j < pe + 40 && (isalpha((unsigned char)s[j]) || s[j] == ' ' || s[j] == '.')) {
                if (s[j] == ' ' && j + 1 < n && isalpha((unsigned char)s[j + 1]) && !isupper((unsigned char)s[j + 1]))
                    break;
                j++;
            }
            while (j > pe && s[j - 1] == ' ') j--;
        }
        if (j + 1 < n && s[j] == ':' && s[j + 1] == ' ' && j == pe) return j + 2;
        if (j + 4 < n && s[j] == ' ' && (unsigned char)s[j + 1] == 0xE2 && (unsigned char)s[j + 2] == 0x80 &&
            ((unsigned char)s[j + 3] == 0x93 || (unsigned char)s[j + 3] == 0x94) && s[j + 4] == ' ')
            return j + 5;
        if (j + 3 < n && s[j] == ' ' && s[j + 1] == '-' && s[j + 2] == '-' && s[j + 3] == ' ') return j + 4;
    }
    int evidence = 0;
    size_t lim = n < i + 80 ? n : i + 80;
    for (size_t j = i; j < lim; j++) {
        char c = s[j];
        if (c == '(') {
            const char *close = memchr(s + j, ')', lim - j);
            if (!close) return 0;
            evidence = 1;
            j = (size_t)(close - s);
            continue;
        }
        if (isdigit((unsigned char)c)) { evidence = 1; continue; }
        int dash_len = 0;
        if (c == '-') dash_len = (j + 1 < lim && s[j + 1] == '-') ? 2 : 1;
        else if ((unsigned char)c == 0xE2 && j + 2 < lim && (unsigned char)s[j + 1] == 0x80 &&
                 ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94))
            dash_len = 3;
        if (dash_len) {
            if (j == 0 || s[j - 1] != ' ' || j + (size_t)dash_len >= n || s[j + dash_len] != ' ') return 0;
            return evidence ? j + (size_t)dash_len + 1 : 0;
        }
        if (c == '.' || c == '!' || c == '?' || c == '"') return 0; /* a sentence, not a dateline */
    }
    return 0;
}

/* ---- assembly ------------------------------------------------------------------------- */

/* The value of every field of an ent_cleaned that is "": one shared writable byte instead
 * of a malloc per field (ent_cleaned_free knows it and does not free it). */
static char empty_field[1];

static char *dup_n(const char *s, size_t n) {
    if (!s || !n) return empty_field;
    return ent_xstrndup(s, n);
}

/* Stack storage for the lines and paragraphs of a short text; a longer one moves to the
 * heap (GROW_LOCAL: like ENT_GROW, for an array that starts in a local buffer). */
#define LOCAL_N 32
#define GROW_LOCAL(ptr, local, need, cap)                                           \
    do {                                                                            \
        if ((size_t)(need) > (cap)) {                                               \
            size_t nc_ = (cap) * 2;                                                 \
            while (nc_ < (size_t)(need)) nc_ *= 2;                                  \
            if ((ptr) == (local)) {                                                 \
                (ptr) = ent_xmalloc(nc_ * sizeof *(ptr));                           \
                memcpy((ptr), (local), (cap) * sizeof *(ptr));                      \
            } else (ptr) = ent_xrealloc((ptr), nc_ * sizeof *(ptr));                \
            (cap) = nc_;                                                            \
        }                                                                           \
    } while (0)

/* 1 + the offset of the first "  " in s[i..n) (the offset of its second space), or n. */
static size_t double_space_at(const char *s, size_t i, size_t n) {
    size_t k = i;
#ifdef __SSE2__
    const __m128i sp = _mm_set1_epi8(' ');
    for (; k + 17 <= n; k += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + k + 1));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, sp), _mm_cmpeq_epi8(b, sp)));
        if (m) return k + (size_t)__builtin_ctz(m) + 1;
    }
#endif
    for (; k + 1 < n; k++)
        if (s[k] == ' ' && s[k + 1] == ' ') return k + 1;
    return n;
}

/* Append line to the paragraph that starts at offset start of buffer p, joining a word
 * hyphenated across the break. */
static void para_add(ent_buf *p, size_t start, const char *s, size_t n) {
    if (p->len > start) {
        char last = p->data[p->len - 1];
        char before = p->len - start >= 2 ? p->data[p->len - 2] : ' ';
        if (last == '-' && isalpha((unsigned char)before) && n && islower((unsigned char)s[0])) {
            p->len--; /* "co-" + "operation" -> "cooperation" */
            p->data[p->len] = 0;
        } else {
            ent_buf_putc(p, ' ');
        }
    }
    /* collapse runs of spaces inside the line: copy whole runs between double spaces */
    size_t i = 0;
    while (i < n) {
        if (s[i] == ' ' && p->len > start && p->data[p->len - 1] == ' ') { i++; continue; }
        /* up to the next double space */
        size_t e = double_space_at(s, i, n);
        ent_buf_append(p, s + i, e - i);
        i = e;
    }
}

/* The scratch of ent_text_clean_with (its type is in text.h): the working copy of the
 * text and the paragraph store, kept by the caller's work area between documents and
 * shrunk after a text larger than SCRATCH_KEEP bytes. */
#define SCRATCH_KEEP (1u << 20)
void ent_clean_scratch_free(ent_clean_scratch *sc) {
    free(sc->w);
    ent_buf_free(&sc->store);
    memset(sc, 0, sizeof *sc);
}

static void scratch_put(ent_clean_scratch *sc) {
    if (sc->wcap > SCRATCH_KEEP || sc->store.cap > SCRATCH_KEEP) ent_clean_scratch_free(sc);
}

void ent_text_clean(const char *text, size_t len, ent_cleaned *out) {
    ent_clean_scratch sc = {0};
    ent_text_clean_with(&sc, text, len, out);
    ent_clean_scratch_free(&sc);
}

typedef struct para {
    size_t start, len;   /* in the paragraph store */
    int heading;
    int after_break;     /* an artifact line (page break) was removed just before it */
} para;

void ent_text_clean_with(ent_clean_scratch *sc, const char *text, size_t len, ent_cleaned *out) {
    memset(out, 0, sizeof *out);
    if (!text) text = "", len = 0;
    size_t wlen;
    /* the working copy and the paragraph store live in the caller's scratch, kept between
     * calls (no malloc for them per story) */
    if (len + 1 > sc->wcap) {
        free(sc->w);
        sc->w = ent_xmalloc(len + 1);
        sc->wcap = len + 1;
    }
    char *w = strip_markup(sc->w, text, len, &wlen);

    /* the print date (footer/header or dateline), before lines are cut apart */
    out->print_date = ent_date_from_text(w, wlen);

    /* 1. lines, trimmed and classified */
    cline lines_local[LOCAL_N];
    cline *lines = lines_local;
    size_t nlines = 0, lcap = LOCAL_N;
    for (size_t i = 0; i <= wlen;) {
        const char *nl = i < wlen ? memchr(w + i, '\n', wlen - i) : NULL;
        size_t e = nl ? (size_t)(nl - w) : wlen;
        size_t a = i, b = e;
        while (a < b && ent_is_space((unsigned char)w[a])) a++;
        while (b > a && ent_is_space((unsigned char)w[b - 1])) b--;
        /* no-break spaces at the edges */
        while (b - a >= 2 && (unsigned char)w[a] == 0xC2 && (unsigned char)w[a + 1] == 0xA0) a += 2;
        w[b] = 0;
        GROW_LOCAL(lines, lines_local, nlines + 1, lcap);
        cline *l = &lines[nlines++];
        l->s = w + a;
        l->n = b - a;
        if (!l->n) l->kind = L_BLANK;
        else if (is_print_furniture(l->s, l->n) || is_copyright(l->s, l->n) || is_caption(l->s, l->n) ||
                 is_boilerplate(l->s, l->n))
            l->kind = L_ARTIFACT;
        else if (is_heading(l->s, l->n)) l->kind = L_HEADING;
        else if (ent_clean_is_garbage(l->s, l->n)) l->kind = L_ARTIFACT;
        else l->kind = L_TEXT;
        if (l->kind == L_ARTIFACT) out->dropped_lines++;
        i = e + 1;
    }

    /* running headers and footers: a short line without final punctuation that recurs
     * on three or more pages ("FINANCIAL TIMES", "World | Example News") */
    size_t candidates = 0;   /* fewer than three: nothing can recur three times */
    for (size_t i = 0; i < nlines && candidates < 3; i++) {
        cline *l = &lines[i];
        candidates += l->kind == L_TEXT && l->n >= 3 && l->n <= 100 && !ends_sentence(l->s, l->n);
    }
    if (candidates >= 3) {
        ent_strmap seen;
        ent_strmap_init(&seen);
        for (size_t i = 0; i < nlines; i++) {
            cline *l = &lines[i];
            if (l->kind != L_TEXT || l->n < 3 || l->n > 100 || ends_sentence(l->s, l->n)) continue;
            void **slot = ent_strmap_slot(&seen, l->s, l->n, NULL);
            *slot = (void *)((uintptr_t)*slot + 1);
        }
        for (size_t i = 0; i < nlines; i++) {
            cline *l = &lines[i];
            if (l->kind != L_TEXT || l->n < 3 || l->n > 100 || ends_sentence(l->s, l->n)) continue;
            if ((uintptr_t)ent_strmap_get(&seen, l->s, l->n) >= 3) {
                l->kind = L_ARTIFACT;
                out->dropped_lines++;
            }
        }
        ent_strmap_free(&seen);
    }

    /* 2. paragraphs: runs of text lines; headings are paragraphs of their own */
    ent_buf store = sc->store;
    ent_buf_clear(&store);
    para ps_local[LOCAL_N];
    para *ps = ps_local;
    size_t np = 0, pcap = LOCAL_N;
    int broke = 0;
    size_t cur = 0;   /* the paragraph being built: store[cur, store.len) */
    int cur_after_break = 0;
#define FLUSH()                                                                           \
    do {                                                                                  \
        if (store.len > cur) {                                                            \
            GROW_LOCAL(ps, ps_local, np + 1, pcap);                                       \
            ps[np++] = (para){cur, store.len - cur, 0, cur_after_break};                  \
            cur = store.len;                                                              \
        }                                                                                 \
    } while (0)
    for (size_t i = 0; i < nlines; i++) {
        cline *l = &lines[i];
        if (l->kind == L_BLANK) { FLUSH(); continue; }
        if (l->kind == L_ARTIFACT) { FLUSH(); broke = 1; continue; }
        if (l->kind == L_HEADING) {
            FLUSH();
            const char *s = l->s;
            size_t n = l->n;
            while (n && *s == '#') s++, n--;
            while (n && *s == ' ') s++, n--;
            GROW_LOCAL(ps, ps_local, np + 1, pcap);
            ps[np++] = (para){store.len, n, 1, broke};
            ent_buf_append(&store, s, n);
            cur = store.len;
            broke = 0;
            continue;
        }
        if (store.len == cur) { cur_after_break = broke; broke = 0; }
        para_add(&store, cur, l->s, l->n);
    }
    FLUSH();
#undef FLUSH
    const char *P = store.data ? store.data : "";

    /* 3. front matter: headings (section label, headline), standfirst, byline, until the
     *    first paragraph of running text (one that ends like a sentence). */
    size_t body = 0;
    const char *headline = NULL, *section = NULL, *standfirst = NULL, *byline = NULL;
    size_t hl = 0, sl = 0, sfl = 0, bl = 0;
    int have_heading = 0;
    for (; body < np; body++) {
        para *p = &ps[body];
        const char *s = P + p->start;
        if (p->heading) {
            have_heading = 1;
            /* a short heading before the headline is a section label ("Nato") */
            if (headline && !section && hl && word_count(headline, hl) <= 3) section = headline, sl = hl;
            headline = s, hl = p->len;
            continue;
        }
        if (is_byline(s, p->len)) { byline = s, bl = p->len; continue; }
        if (ends_sentence(s, p->len) || word_count(s, p->len) > 45) break;
        /* a line without final punctuation in the front matter */
        if (!headline && !have_heading) {
            const char *next = body + 1 < np ? P + ps[body + 1].start : NULL;
            if (next && !looks_unfinished(s, p->len) && !islower((unsigned char)next[0])) {
                headline = s, hl = p->len;
                have_heading = 1;
                continue;
            }
            break;
        }
        if (headline && !standfirst) { standfirst = s, sfl = p->len; continue; }
        break;
    }
    if (body == np && np) body = 0, headline = standfirst = byline = section = NULL; /* all front matter: keep as text */
    out->headline = dup_n(headline, hl);
    out->section = dup_n(section, sl);
    out->standfirst = dup_n(standfirst, sfl);

    /* 4. running text: credits at the end ("Additional reporting by ...") go to the byline;
     *    paragraphs broken across a page (no final punctuation, then lowercase, or a page
     *    break between) are joined. */
    ent_buf by;
    ent_buf_init(&by);
    if (byline) ent_buf_append(&by, byline, bl);
    ent_buf t;
    ent_buf_init(&t);
    int open = 0; /* the last paragraph in t may continue */
    for (size_t i = body; i < np; i++) {
        para *p = &ps[i];
        const char *s = P + p->start;
        size_t n = p->len;
        if (p->heading) { /* subheadings inside the story are not running text */
            open = 0;
            continue;
        }
        if ((n >= 22 && CI_PREFIX(s, "additional reporting by")) || (n >= 12 && CI_PREFIX(s, "reporting by")) ||
            (n >= 10 && CI_PREFIX(s, "edited by ")) || (n >= 10 && CI_PREFIX(s, "writing by"))) {
            if (by.len) ent_buf_puts(&by, "; ");
            ent_buf_append(&by, s, n);
            open = 0;
            continue;
        }
        if (i == body && !out->dateline) {
            size_t dl = dateline_len(s, n);
            if (dl) {
                size_t e = dl;
                while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '-' || (unsigned char)s[e - 1] >= 0x80)) e--;
                out->dateline = dup_n(s, e);
                s += dl;
                n -= dl;
            }
        }
        int cont = open && n && (islower((unsigned char)s[0]) || p->after_break);
        if (cont) {
            char last = t.data[t.len - 1];
            if (last == '-' && islower((unsigned char)s[0])) t.len--, t.data[t.len] = 0;
            else ent_buf_putc(&t, ' ');
        } else if (t.len) {
            ent_buf_puts(&t, "\n\n");
            out->paragraphs++;
        } else {
            out->paragraphs++;
        }
        ent_buf_append(&t, s, n);
        open = !ends_sentence(s, n);
    }
    if (!t.data) ent_buf_append(&t, "", 0);
    out->text = t.data ? t.data : ent_xstrdup("");
    out->len = t.len;
    out->byline = by.data ? by.data : dup_n(NULL, 0);
    if (!out->dateline) out->dateline = dup_n(NULL, 0);
    if (!by.data) ent_buf_free(&by);

    /* 5. the print date moved back by a relative byline time ("10 HOURS AGO") */
    if (out->print_date && byline) out->print_date = ent_date_resolve(byline, bl, out->print_date);

    if (ps != ps_local) free(ps);
    sc->store = store;
    scratch_put(sc);
    if (lines != lines_local) free(lines);
}

void ent_cleaned_free(ent_cleaned *c) {
    if (!c) return;
    char *f[] = {c->text, c->headline, c->standfirst, c->byline, c->section, c->dateline};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        if (f[i] != empty_field) free(f[i]);
    memset(c, 0, sizeof *c);
}

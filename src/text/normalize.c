/* normalize.c — Unicode to ASCII-friendly text: typographic quotes, dashes, ellipses,
 * Unicode spaces, ligatures and fullwidth forms become ASCII; control characters become
 * spaces; invalid UTF-8 becomes U+FFFD.  Decoding uses libutf8proc. */
#include "text/text.h"

#include <stdlib.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

int32_t ent_utf8_decode(const char *s, size_t len, size_t i, int *n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *n = 1; return c; }
    utf8proc_int32_t cp;
    size_t avail = len - i;
    if (avail > 4) avail = 4;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)avail, &cp);
    if (r <= 0) { *n = 1; return 0xFFFD; }
    *n = (int)r;
    return cp;
}

int ent_norm_codepoint(int32_t cp, char out[4]) {
    if (cp < 0x80) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return -1;
        if (cp < 0x20 || cp == 0x7F) { out[0] = ' '; return 1; }
        return -1;
    }
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        out[0] = '\''; return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        out[0] = '"'; return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63:
        out[0] = '-'; return 1;
    case 0x2014: case 0x2015: case 0x2E3A:
        out[0] = '-'; out[1] = '-'; return 2;
    case 0x2026:
        out[0] = out[1] = out[2] = '.'; return 3;
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0x2028: case 0x2029:
    case 0x0085:
        out[0] = ' '; return 1;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return 0;
    case 0x2022: case 0x00B7: case 0x2027:
        out[0] = '*'; return 1;
    default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) { out[0] = ' '; return 1; }
    if (cp >= 0x80 && cp < 0xA0) { out[0] = ' '; return 1; }             /* C1 controls */
    if (cp >= 0xFF01 && cp <= 0xFF5E) { out[0] = (char)(cp - 0xFEE0); return 1; } /* fullwidth */
    if (cp >= 0xFB00 && cp <= 0xFB06) {                                    /* ligatures */
        utf8proc_int32_t d[4];
        int last;
        utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 4, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
        if (k <= 0 || k > 3) return -1;
        for (int i = 0; i < k; i++) {
            if (d[i] >= 0x80) return -1;
            out[i] = (char)d[i];
        }
        return (int)k;
    }
    return -1;
}

/* Bytes that end a run of plain ASCII: controls other than tab, LF and CR, DEL, and
 * every byte >= 0x80. */
static const unsigned char NORM_STOP[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x7F] = 1,
    [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

char *ent_text_normalize(const char *text, size_t len, size_t *out_len) {
    ent_buf b;
    ent_buf_init(&b);
    ENT_GROW(b.data, len + 1, b.cap);   /* room for the usual case: output as long as input */
    b.data[0] = 0;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* copy runs of plain ASCII at once (eight bytes a step while none stops it) */
        size_t j = i;
#ifdef __SSE2__
        /* sixteen bytes a step: a stop is a byte < 0x20 as a signed char (so also every
         * byte >= 0x80) other than tab, LF and CR, or DEL */
        {
            const __m128i sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), tab = _mm_set1_epi8('\t'),
                          lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
            while (j + 16 <= len) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(text + j));
                __m128i ok = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, lf)), _mm_cmpeq_epi8(x, cr));
                __m128i stop = _mm_or_si128(_mm_andnot_si128(ok, _mm_cmplt_epi8(x, sp)), _mm_cmpeq_epi8(x, del));
                unsigned m = (unsigned)_mm_movemask_epi8(stop);
                if (m) { j += (size_t)__builtin_ctz(m); break; }
                j += 16;
            }
        }
#endif
        while (j + 8 <= len && !(NORM_STOP[u[j]] | NORM_STOP[u[j + 1]] | NORM_STOP[u[j + 2]] | NORM_STOP[u[j + 3]] |
                                 NORM_STOP[u[j + 4]] | NORM_STOP[u[j + 5]] | NORM_STOP[u[j + 6]] | NORM_STOP[u[j + 7]]))
            j += 8;
        while (j < len && !NORM_STOP[u[j]]) j++;
        if (j > i) { ent_buf_append(&b, text + i, j - i); i = j; continue; }
        int n;
        int32_t cp = ent_utf8_decode(text, len, i, &n);
        char rep[4];
        int k = ent_norm_codepoint(cp, rep);
        if (k >= 0) ent_buf_append(&b, rep, (size_t)k);
        else if (cp == 0xFFFD) ent_buf_append(&b, "\xEF\xBF\xBD", 3);
        else ent_buf_append(&b, text + i, (size_t)n);
        i += (size_t)n;
    }
    if (!b.data) ent_buf_append(&b, "", 0);
    if (out_len) *out_len = b.len;
    return b.data;
}

/* jsonflat.c — the strict scanner for flat JSON objects (jsonflat.h): one pass over the
 * line, strings decoded in place into the caller's buffer, no tree.  Anything it is not
 * sure of declines the line, for jansson to decide. */
#include "util/jsonflat.h"
#include "util/util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FLAT_MAX_FIELDS 64

static inline int json_ws(unsigned c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static const unsigned char *skip_ws(const unsigned char *p, const unsigned char *end) {
    while (p < end && json_ws(*p)) p++;
    return p;
}

/* Nonzero when one of the 8 bytes of x may be special in a JSON string: < 0x20, '"',
 * '\\' or >= 0x80.  Never misses one; a false alarm happens only in a word that holds a
 * special byte too (borrows start at special bytes), so the byte loop after it stops
 * within the word. */
static inline uint64_t swar_special(uint64_t x) {
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    return ((x - ones * 0x20) | (q - ones) | (b - ones) | x) & high;
}

static inline int plain_byte(unsigned c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

/* Four hex digits at p (p + 4 <= end checked by the caller); -1 when not hex. */
static long hex4(const unsigned char *p) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], h;
        if (c >= '0' && c <= '9') h = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') h = (c | 0x20) - 'a' + 10;
        else return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Decode the JSON string whose opening quote is just before p into out (room for the raw
 * length), NUL-terminate it.  Returns the byte after the closing quote, or NULL when the
 * scanner does not take the string (bad escape, lone surrogate, \u0000, raw control byte,
 * invalid UTF-8, no closing quote).  *olen gets the decoded length. */
static const unsigned char *scan_string(const unsigned char *p, const unsigned char *end, char *out, size_t *olen) {
    char *o = out;
    for (;;) {
        while (end - p >= 8) {
            uint64_t x;
            memcpy(&x, p, 8);
            if (swar_special(x)) break;
            memcpy(o, &x, 8);
            p += 8;
            o += 8;
        }
        while (p < end && plain_byte(*p)) *o++ = (char)*p++;
        if (p >= end) return NULL;
        unsigned c = *p;
        if (c == '"') {
            *o = 0;
            *olen = (size_t)(o - out);
            return p + 1;
        }
        if (c >= 0x80) {
            size_t k = ent_utf8_seq_len(p, (size_t)(end - p));
            if (!k) return NULL;
            memcpy(o, p, k);
            o += k;
            p += k;
            continue;
        }
        if (c != '\\' || end - p < 2) return NULL; /* raw control byte, or a cut escape */
        switch (p[1]) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            if (end - p < 6) return NULL;
            long cp = hex4(p + 2);
            if (cp <= 0) return NULL; /* not hex, or \u0000 (jansson refuses NUL) */
            if (cp >= 0xDC00 && cp <= 0xDFFF) return NULL; /* lone low surrogate */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - p < 12 || p[6] != '\\' || p[7] != 'u') return NULL;
                long lo = hex4(p + 8);
                if (lo < 0xDC00 || lo > 0xDFFF) return NULL;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
            if (cp < 0x80) *o++ = (char)cp;
            else if (cp < 0x800) {
                *o++ = (char)(0xC0 | (cp >> 6));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *o++ = (char)(0xE0 | (cp >> 12));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (char)(0xF0 | (cp >> 18));
                *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
            p += 6;
            continue;
        }
        default: return NULL;
        }
        p += 2;
    }
}

/* A number at p: -?(0|[1-9][0-9]{0,17}) as an integer; with reals, a fraction and an
 * exponent too.  Fills v (its text copied to *out) and returns the byte after it, or NULL
 * to decline (more than 18 digits, a real when reals are not taken, an overflow). */
static const unsigned char *scan_number(const unsigned char *p, const unsigned char *end, char **out, unsigned flags,
                                        jf_value *v) {
    const unsigned char *q = p + (*p == '-');
    if (q >= end || *q < '0' || *q > '9') return NULL;
    const unsigned char *digits = q;
    if (*q == '0') q++;
    else
        while (q < end && *q >= '0' && *q <= '9') q++;
    int real = 0;
    if (q < end && *q == '.') {
        real = 1;
        const unsigned char *f = ++q;
        while (q < end && *q >= '0' && *q <= '9') q++;
        if (q == f) return NULL;
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        real = 1;
        q++;
        if (q < end && (*q == '+' || *q == '-')) q++;
        const unsigned char *x = q;
        while (q < end && *q >= '0' && *q <= '9') q++;
        if (q == x) return NULL;
    }
    if (q < end && *q >= '0' && *q <= '9') return NULL; /* "01" */
    if (real && !(flags & JF_REALS)) return NULL;
    if (!real && q - digits > 18) return NULL; /* jansson words "too big" */
    size_t n = (size_t)(q - p);
    char *s = memcpy(*out, p, n);
    s[n] = 0;
    *out += n + 1; /* the number is at least as long as its text + a delimiter */
    if (real) {
        v->kind = JF_REAL;
        v->d = strtod(s, NULL);
        if (!isfinite(v->d)) return NULL; /* jansson: "real number overflow" */
    } else {
        v->kind = JF_INTEGER;
        v->i = strtoll(s, NULL, 10);
        v->d = (double)v->i;
        if (n == 2 && s[0] == '-' && s[1] == '0') { s[0] = '0'; s[1] = 0; n = 1; } /* jansson prints 0 */
    }
    v->s = s;
    v->n = n;
    return q;
}

int ent_json_flat_scan(const char *line, size_t len, char *out, unsigned flags, jf_field_fn fn, void *user) {
    const unsigned char *p = (const unsigned char *)line, *end = p + len;
    p = skip_ws(p, end);
    if (p >= end || *p != '{') return 0;
    p = skip_ws(p + 1, end);
    if (p >= end || *p != '"') return 0; /* "{}": the callers have nothing to do with it */
    struct { const char *s; size_t n; } keys[FLAT_MAX_FIELDS];
    size_t nkeys = 0;
    for (;;) {
        /* key */
        if (p >= end || *p != '"' || nkeys == FLAT_MAX_FIELDS) return 0;
        size_t klen;
        const char *key = out;
        p = scan_string(p + 1, end, out, &klen);
        if (!p) return 0;
        out += klen + 1;
        for (size_t i = 0; i < nkeys; i++)
            if (keys[i].n == klen && !memcmp(keys[i].s, key, klen)) return 0; /* duplicate */
        keys[nkeys].s = key;
        keys[nkeys++].n = klen;
        p = skip_ws(p, end);
        if (p >= end || *p != ':') return 0;
        p = skip_ws(p + 1, end);
        if (p >= end) return 0;

        /* value */
        jf_value v;
        memset(&v, 0, sizeof v);
        if (*p == '"') {
            v.kind = JF_STRING;
            v.s = out;
            p = scan_string(p + 1, end, out, &v.n);
            if (!p) return 0;
            out += v.n + 1;
        } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            if (!(p = scan_number(p, end, &out, flags, &v))) return 0;
        } else if (*p == '[') {
            if (!(flags & JF_INT_ARRAYS)) return 0;
            v.kind = JF_INTS;
            p = skip_ws(p + 1, end);
            while (p < end && *p != ']') {
                jf_value x;
                if (v.nints == JF_MAX_INTS || !(p = scan_number(p, end, &out, 0, &x))) return 0;
                v.ints[v.nints++] = x.i;
                p = skip_ws(p, end);
                if (p < end && *p == ',') {
                    p = skip_ws(p + 1, end);
                    if (p < end && *p == ']') return 0; /* "[1,]" */
                } else if (p < end && *p != ']') {
                    return 0;
                }
            }
            if (p >= end) return 0;
            p++;
        } else {
            const char *lit;
            if (end - p >= 4 && !memcmp(p, "true", 4)) lit = "true", v.kind = JF_TRUE;
            else if (end - p >= 5 && !memcmp(p, "false", 5)) lit = "false", v.kind = JF_FALSE;
            else if (end - p >= 4 && !memcmp(p, "null", 4)) lit = "null", v.kind = JF_NULL;
            else return 0;
            p += strlen(lit);
            if (p < end && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) return 0; /* "trueish" */
            v.s = lit;
            v.n = strlen(lit);
        }
        if (fn(user, key, klen, &v)) return 0;

        p = skip_ws(p, end);
        if (p >= end) return 0;
        if (*p == '}') break;
        if (*p != ',') return 0;
        p = skip_ws(p + 1, end);
    }
    return skip_ws(p + 1, end) == end;
}

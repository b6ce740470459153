/* jsonflat.h — a strict one-pass scanner for flat JSON objects (one object whose values are
 * strings, numbers, literals and, when asked, short arrays of integers), the fast path of
 * the readers of JSON lines (ingest/jsonl.c: stories; store/eventline.c: coded events).
 * It takes only what it is sure of and declines everything else (nesting, duplicate keys,
 * bad escapes or UTF-8, \u0000, big numbers, trailing bytes), so its caller hands those
 * lines to jansson, which decides and words every error.  Internal. */
#ifndef ENT_UTIL_JSONFLAT_H
#define ENT_UTIL_JSONFLAT_H

#include <stddef.h>

typedef enum { JF_STRING, JF_INTEGER, JF_REAL, JF_TRUE, JF_FALSE, JF_NULL, JF_INTS } jf_kind;

#define JF_MAX_INTS 4

typedef struct jf_value {
    jf_kind kind;
    const char *s;      /* STRING: decoded, NUL-terminated; INTEGER, REAL: the number as jansson
                         * prints an integer ("-0" becomes "0"), NUL-terminated */
    size_t n;           /* length of s */
    long long i;        /* INTEGER */
    double d;           /* REAL and INTEGER */
    long long ints[JF_MAX_INTS]; /* INTS: the array's integers */
    size_t nints;
} jf_value;

enum {
    JF_REALS = 1,       /* take real numbers (else a real declines the line) */
    JF_INT_ARRAYS = 2   /* take arrays of up to JF_MAX_INTS integers */
};

/* Called once per field in input order; key is NUL-terminated.  Nonzero declines the line. */
typedef int (*jf_field_fn)(void *user, const char *key, size_t klen, const jf_value *v);

/* Scan line[0..len) as one flat object.  out must have room for len + 1 bytes: decoded keys
 * and strings are written there and stay valid as long as out does.  Returns 1 when every
 * field was delivered to fn, 0 when the scanner (or fn) declines the line. */
int ent_json_flat_scan(const char *line, size_t len, char *out, unsigned flags, jf_field_fn fn, void *user);

#endif

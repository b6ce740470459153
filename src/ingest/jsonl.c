/* jsonl.c — one JSON-lines story ({"id", "date", "title", "text", "url", "source", ...})
 * to an ent_doc.  Fields entente does not know are kept verbatim (compact JSON, as
 * jansson's json_dumps writes it) in the document's extra fields, in input order.
 *
 * Two paths give the same document.  A strict scanner handles the common flat case (one
 * object whose values are strings, small integers, true, false or null) in one pass
 * without building a JSON tree; on anything else (nesting, real or big numbers,
 * duplicate keys, bad escapes or UTF-8, no "text" string, trailing bytes...) it declines
 * and jansson decides, so every error message and every unusual case comes from jansson.
 * Both paths apply fields with the same function (put_field). */
#include "ingest/ingest.h"

#include <jansson.h>
#include <stdlib.h>

/* ---- shared: one top-level field into the document --------------------------------- */

enum { FV_STRING, FV_INTEGER, FV_OTHER };

/* Apply the top-level field key to d.  kind is the value's kind; for FV_STRING s/n is the
 * decoded string, for FV_INTEGER the number printed; in_arena says s already lives
 * (NUL-terminated) in d's arena and may be used without a copy.  Returns 1 when the field
 * must also be kept as an extra field (the caller adds its JSON text), 0 when consumed. */
static int put_field(doc_impl *d, const char *key, int kind, const char *s, size_t n, int in_arena) {
    const char *v = NULL;
#define VAL() (v ? v : (v = in_arena ? s : ent_doc_str(d, s, n)))
    switch (key[0]) {
    case 't':
        if (!strcmp(key, "text") && kind == FV_STRING) {
            d->pub.text = VAL();
            d->pub.text_len = n;
            return 0;
        }
        if (!strcmp(key, "title") && kind == FV_STRING) { d->pub.title = VAL(); return 0; }
        break;
    case 'i':
        if (!strcmp(key, "id") && kind != FV_OTHER) { d->pub.id = VAL(); return 0; }
        break;
    case 'd':
        if (!strcmp(key, "date") && kind != FV_OTHER) {
            d->pub.date_text = VAL();
            d->pub.date = ent_date_parse(v, n);
            return 0;
        }
        break;
    case 'u':
        if (!strcmp(key, "url") && kind == FV_STRING) { d->pub.url = VAL(); return 0; }
        break;
    case 's':
        if (!strcmp(key, "source") && kind == FV_STRING) { d->pub.source = VAL(); return 0; }
        break;
    case 'b': case 'a':
        /* the first non-empty byline or author; still kept as an extra field so nothing is lost */
        if ((!strcmp(key, "byline") || !strcmp(key, "author")) && kind == FV_STRING && !*d->pub.byline)
            d->pub.byline = VAL();
        break;
    }
#undef VAL
    return 1;
}

/* ---- the reference path: jansson ----------------------------------------------------- */

static const char *json_kind(const json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: case JSON_REAL: return "a number";
    case JSON_TRUE: case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

doc_impl *ent_jsonl_extract_jansson(const char *line, size_t len, ent_buf *why) {
    json_error_t err;
    json_t *root = json_loadb(line, len, 0, &err);
    if (!root) {
        if (!strncmp(err.text, "unable to decode byte", 21))
            ent_buf_printf(why, "unknown encoding: not UTF-8 (%s, column %d)", err.text, err.column);
        else
            ent_buf_printf(why, "not valid JSON: %s (column %d)", err.text, err.column);
        return NULL;
    }
    if (!json_is_object(root)) {
        ent_buf_printf(why, "expected a JSON object per line, got %s", json_kind(root));
        json_decref(root);
        return NULL;
    }
    json_t *text = json_object_get(root, "text");
    if (!text || !json_is_string(text)) {
        ent_buf_printf(why, text ? "field \"text\" must be a string, got %s" : "no \"text\" field%s",
                 text ? json_kind(text) : "");
        json_decref(root);
        return NULL;
    }
    doc_impl *d = ent_doc_new();
    char num[64];
    const char *key;
    json_t *v;
    /* jansson keeps insertion order when iterating (since 2.8): extra fields stay in order */
    json_object_foreach(root, key, v) {
        int kind = FV_OTHER;
        const char *s = NULL;
        size_t n = 0;
        if (json_is_string(v)) {
            kind = FV_STRING;
            s = json_string_value(v);
            n = json_string_length(v);
        } else if (json_is_integer(v)) {
            kind = FV_INTEGER;
            snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
            s = num;
            n = strlen(num);
        }
        if (!put_field(d, key, kind, s, n, 0)) continue;
        char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        ent_doc_add_field(d, key, dump ? dump : "null");
        free(dump);
    }
    json_decref(root);
    return d;
}

/* ---- the fast path: a strict scanner for flat objects -------------------------------- */

#define FAST_MAX_FIELDS 64

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

/* s as a compact JSON string the way json_dumps writes it: '"' and '\\' escaped, control
 * bytes as \b \f \n \r \t or \u00XX (upper-case hex), everything else (UTF-8 included)
 * as it is. */
static void json_encode_like_jansson(ent_buf *b, const char *s, size_t n) {
    ent_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        ent_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': ent_buf_puts(b, "\\\""); break;
        case '\\': ent_buf_puts(b, "\\\\"); break;
        case '\b': ent_buf_puts(b, "\\b"); break;
        case '\f': ent_buf_puts(b, "\\f"); break;
        case '\n': ent_buf_puts(b, "\\n"); break;
        case '\r': ent_buf_puts(b, "\\r"); break;
        case '\t': ent_buf_puts(b, "\\t"); break;
        default: ent_buf_printf(b, "\\u%04X", (unsigned)c); break;
        }
    }
    ent_buf_append(b, s + run, n - run);
    ent_buf_putc(b, '"');
}

doc_impl *ent_jsonl_extract_fast(const char *line, size_t len) {
    const unsigned char *p = (const unsigned char *)line, *end = p + len;
    p = skip_ws(p, end);
    if (p >= end || *p != '{') return NULL;
    p = skip_ws(p + 1, end);
    if (p >= end || *p != '"') return NULL; /* "{}" has no text: jansson words the error */

    doc_impl *d = ent_doc_new();
    /* every decoded string (keys too) goes into one arena block: each is shorter than its
     * quoted source by at least one byte, so the line's length plus one is room enough */
    char *out = ent_arena_alloc(&d->arena, len + 1);
    struct { const char *s; size_t n; } keys[FAST_MAX_FIELDS];
    size_t nkeys = 0;
    int have_text = 0;
    ent_buf ej;
    ent_buf_init(&ej);

    for (;;) {
        /* key */
        if (p >= end || *p != '"' || nkeys == FAST_MAX_FIELDS) goto decline;
        size_t klen;
        const char *key = out;
        p = scan_string(p + 1, end, out, &klen);
        if (!p) goto decline;
        out += klen + 1;
        for (size_t i = 0; i < nkeys; i++)
            if (keys[i].n == klen && !memcmp(keys[i].s, key, klen)) goto decline; /* duplicate */
        keys[nkeys].s = key;
        keys[nkeys++].n = klen;
        p = skip_ws(p, end);
        if (p >= end || *p != ':') goto decline;
        p = skip_ws(p + 1, end);
        if (p >= end) goto decline;

        /* value */
        int kind;
        const char *s = NULL;
        size_t n = 0;
        const char *lit = NULL;
        if (*p == '"') {
            s = out;
            p = scan_string(p + 1, end, out, &n);
            if (!p) goto decline;
            out += n + 1;
            kind = FV_STRING;
        } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            /* -?(0|[1-9][0-9]{0,17}): always fits in a long long; jansson prints "-0" as "0" */
            const unsigned char *q = p + (*p == '-');
            if (q >= end || *q < '0' || *q > '9') goto decline;
            const unsigned char *digits = q;
            if (*q == '0') q++;
            else
                while (q < end && *q >= '0' && *q <= '9' && q - digits < 18) q++;
            if (q < end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E')) goto decline;
            s = (const char *)p;
            n = (size_t)(q - p);
            if (n == 2 && p[0] == '-' && p[1] == '0') s = "0", n = 1;
            s = memcpy(out, s, n);
            out[n] = 0;
            out += n + 1; /* the number is at least as long as its text + a delimiter */
            p = q;
            kind = FV_INTEGER;
        } else {
            if (end - p >= 4 && !memcmp(p, "true", 4)) lit = "true";
            else if (end - p >= 5 && !memcmp(p, "false", 5)) lit = "false";
            else if (end - p >= 4 && !memcmp(p, "null", 4)) lit = "null";
            else goto decline;
            p += strlen(lit);
            if (p < end && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) goto decline; /* "trueish" */
            kind = FV_OTHER;
        }
        if (!strcmp(key, "text")) {
            if (kind != FV_STRING) goto decline; /* jansson says what is wrong */
            have_text = 1;
        }
        if (put_field(d, key, kind, s, n, 1)) {
            ent_buf_clear(&ej);
            if (kind == FV_STRING) json_encode_like_jansson(&ej, s, n);
            else if (kind == FV_INTEGER) ent_buf_append(&ej, s, n);
            else ent_buf_puts(&ej, lit);
            ent_doc_add_field(d, key, ej.data);
        }

        p = skip_ws(p, end);
        if (p >= end) goto decline;
        if (*p == '}') break;
        if (*p != ',') goto decline;
        p = skip_ws(p + 1, end);
    }
    if (skip_ws(p + 1, end) != end || !have_text) goto decline;
    ent_buf_free(&ej);
    return d;

decline:
    ent_buf_free(&ej);
    ent_doc_free(&d->pub);
    return NULL;
}

doc_impl *ent_jsonl_extract(const char *line, size_t len, ent_buf *why) {
    doc_impl *d = ent_jsonl_extract_fast(line, len);
    return d ? d : ent_jsonl_extract_jansson(line, len, why);
}

/* ---- comparing documents (tests, fuzzing) -------------------------------------------- */

const char *ent_doc_diff(const ent_doc *a, const ent_doc *b) {
    if (strcmp(a->id, b->id)) return "id";
    if (strcmp(a->origin, b->origin)) return "origin";
    if (strcmp(a->date_text, b->date_text)) return "date_text";
    if (a->date != b->date) return "date";
    if (strcmp(a->title, b->title)) return "title";
    if (a->text_len != b->text_len) return "text_len";
    if (memcmp(a->text, b->text, a->text_len) || a->text[a->text_len] || b->text[b->text_len]) return "text";
    if (strcmp(a->url, b->url)) return "url";
    if (strcmp(a->source, b->source)) return "source";
    if (strcmp(a->byline, b->byline)) return "byline";
    if (a->nextra != b->nextra) return "nextra";
    for (size_t i = 0; i < a->nextra; i++) {
        if (strcmp(a->extra[i].name, b->extra[i].name)) return "extra name";
        if (strcmp(a->extra[i].json, b->extra[i].json)) return "extra json";
    }
    return NULL;
}

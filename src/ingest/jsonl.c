/* jsonl.c — one JSON-lines story ({"id", "date", "title", "text", "url", "source", ...};
 * "story_id" stands for a missing "id")
 * to an ent_doc.  Fields entente does not know are kept verbatim (compact JSON, as
 * jansson's json_dumps writes it) in the document's extra fields, in input order.
 *
 * Two paths give the same document.  The strict scanner of util/jsonflat.c handles the
 * common flat case (one object whose values are strings, small integers, true, false or
 * null) in one pass without building a JSON tree; on anything else (nesting, real or big numbers,
 * duplicate keys, bad escapes or UTF-8, no "text" string, trailing bytes...) it declines
 * and jansson decides, so every error message and every unusual case comes from jansson.
 * Both paths apply fields with the same function (put_field). */
#include "ingest/ingest.h"
#include "util/jsonflat.h"

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
        /* "story_id", as the events entente writes name it, when the line has no "id" (an
         * "id" before or after it wins); kept as an extra field either way */
        if (!strcmp(key, "story_id") && kind != FV_OTHER && !*d->pub.id) d->pub.id = VAL();
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

/* The fast path: the flat-object scanner (util/jsonflat.c) feeding put_field. */
typedef struct fast_state {
    doc_impl *d;
    ent_buf ej;         /* an extra field's JSON text */
    int have_text;
} fast_state;

static int fast_field(void *user, const char *key, size_t klen, const jf_value *v) {
    (void)klen;
    fast_state *f = user;
    int kind = v->kind == JF_STRING ? FV_STRING : v->kind == JF_INTEGER ? FV_INTEGER : FV_OTHER;
    const char *s = kind == FV_OTHER ? NULL : v->s;
    if (!strcmp(key, "text")) {
        if (kind != FV_STRING) return 1; /* jansson says what is wrong */
        f->have_text = 1;
    }
    if (put_field(f->d, key, kind, s, v->n, 1)) {
        ent_buf_clear(&f->ej);
        if (kind == FV_STRING) json_encode_like_jansson(&f->ej, v->s, v->n);
        else ent_buf_append(&f->ej, v->s, v->n); /* an integer or a literal, as jansson prints it */
        ent_doc_add_field(f->d, key, f->ej.data);
    }
    return 0;
}

doc_impl *ent_jsonl_extract_fast(const char *line, size_t len) {
    fast_state f = {ent_doc_new(), {0}, 0};
    ent_buf_init(&f.ej);
    /* every decoded string (keys too) goes into one arena block: each is shorter than its
     * quoted source by at least one byte, so the line's length plus one is room enough */
    char *out = ent_arena_alloc(&f.d->arena, len + 1);
    int ok = ent_json_flat_scan(line, len, out, 0, fast_field, &f) && f.have_text;
    ent_buf_free(&f.ej);
    if (ok) return f.d;
    ent_doc_free(&f.d->pub);
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

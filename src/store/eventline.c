/* eventline.c — one JSON line of 'entente code' read back into an event (for load).  Two
 * paths fill the same ent_event_line through one function (put): the flat-object scanner
 * (util/jsonflat.c) for the lines entente writes (strings, integers, reals, offset pairs),
 * and jansson for anything else, which also words every error.  A member of an unexpected
 * type counts as absent, on both paths. */
#include "entente.h"
#include "util/jsonflat.h"
#include "util/util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct ent_event_reader {
    char *buf;              /* the scanner's decoded strings */
    size_t cap;
    json_t *root;           /* the jansson path's tree, kept until the next line */
    ent_buf why;
};

ent_event_reader *ent_event_reader_new(void) {
    ent_event_reader *r = ent_xcalloc(1, sizeof *r);
    ent_buf_init(&r->why);
    return r;
}

void ent_event_reader_free(ent_event_reader *r) {
    if (!r) return;
    free(r->buf);
    json_decref(r->root);
    ent_buf_free(&r->why);
    free(r);
}

/* An offset pair [start, end] with 0 <= start <= end < 2^32, else {0, 0}. */
static ent_span span_of(const jf_value *v) {
    ent_span s = {0, 0};
    if (v->kind == JF_INTS && v->nints == 2 && v->ints[0] >= 0 && v->ints[1] >= v->ints[0] && v->ints[1] <= 0xffffffffLL) {
        s.start = (uint32_t)v->ints[0];
        s.end = (uint32_t)v->ints[1];
    }
    return s;
}

/* Apply one member to out; always 0 (the scanner's "go on"). */
static int put(void *user, const char *key, size_t klen, const jf_value *v) {
    (void)klen;
    ent_event_line *o = user;
    ent_event_context *c = &o->ctx;
    ent_event *e = &o->ev;
    const char *s = v->kind == JF_STRING ? v->s : NULL;
    static const struct { const char *key; size_t off; int ctx; } strs[] = {
#define C(k, f) {k, offsetof(ent_event_context, f), 1}
#define E(k, f) {k, offsetof(ent_event, f), 0}
        C("story_id", story_id), C("sentence_id", sentence_id), C("sentence", sentence_text), C("title", title),
        C("url", url), C("publisher", publisher), E("source", source), E("target", target), E("code", code),
        E("root", root), E("plover", plover), E("source_text", source_text), E("target_text", target_text),
        E("verb_text", verb_text), E("issues", issues)
#undef C
#undef E
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (!strcmp(key, strs[i].key)) {
            *(const char **)((char *)(strs[i].ctx ? (void *)c : (void *)e) + strs[i].off) = s;
            return 0;
        }
    if (!strcmp(key, "date")) o->date = s;
    else if (!strcmp(key, "sentence_index")) c->sentence_index = v->kind == JF_INTEGER ? (long)v->i : 0;
    else if (!strcmp(key, "quad")) e->quad = v->kind == JF_INTEGER ? (int)v->i : 0;
    else if (!strcmp(key, "goldstein")) {
        o->has_goldstein = 1;
        e->goldstein = v->kind == JF_INTEGER || v->kind == JF_REAL ? v->d : 0;
    } else if (!strcmp(key, "sentence_offsets")) c->sentence_span = span_of(v);
    else if (!strcmp(key, "source_offsets")) e->source_span = span_of(v);
    else if (!strcmp(key, "target_offsets")) e->target_span = span_of(v);
    else if (!strcmp(key, "verb_offsets")) e->verb_span = span_of(v);
    return 0;
}

/* A jansson value as the scanner would deliver it (strings point into the tree). */
static void from_json(json_t *j, jf_value *v) {
    memset(v, 0, sizeof *v);
    switch (json_typeof(j)) {
    case JSON_STRING: v->kind = JF_STRING; v->s = json_string_value(j); v->n = json_string_length(j); break;
    case JSON_INTEGER: v->kind = JF_INTEGER; v->i = json_integer_value(j); v->d = (double)v->i; break;
    case JSON_REAL: v->kind = JF_REAL; v->d = json_real_value(j); break;
    case JSON_TRUE: v->kind = JF_TRUE; break;
    case JSON_FALSE: v->kind = JF_FALSE; break;
    case JSON_NULL: v->kind = JF_NULL; break;
    case JSON_ARRAY:
        v->kind = JF_INTS;
        if (json_array_size(j) > JF_MAX_INTS) { v->kind = JF_NULL; break; } /* no offset pair */
        for (size_t i = 0; i < json_array_size(j); i++) {
            json_t *x = json_array_get(j, i);
            if (!json_is_integer(x)) { v->kind = JF_NULL; break; }
            v->ints[v->nints++] = json_integer_value(x);
        }
        break;
    default: v->kind = JF_NULL; break; /* an object */
    }
}

ent_status ent_event_reader_parse(ent_event_reader *r, const char *line, size_t len, ent_event_line *out, const char **why) {
    memset(out, 0, sizeof *out);
    *why = NULL;
    json_decref(r->root);
    r->root = NULL;
    if (len + 1 > r->cap) {
        r->cap = len + 1 > 2 * r->cap ? len + 1 : 2 * r->cap;
        free(r->buf);
        r->buf = ent_xmalloc(r->cap);
    }
    if (ent_json_flat_scan(line, len, r->buf, JF_REALS | JF_INT_ARRAYS, put, out)) return ENT_OK;
    memset(out, 0, sizeof *out);
    json_error_t jerr;
    r->root = json_loadb(line, len, 0, &jerr);
    if (!r->root || !json_is_object(r->root)) {
        ent_buf_clear(&r->why);
        ent_buf_puts(&r->why, r->root ? "not an object" : jerr.text);
        *why = r->why.data;
        return ENT_ERR_SYNTAX;
    }
    const char *key;
    json_t *val;
    json_object_foreach(r->root, key, val) {
        jf_value v;
        from_json(val, &v);
        put(out, key, strlen(key), &v);
    }
    return ENT_OK;
}

/* jsonl.c — one JSON-lines story ({"id", "date", "title", "text", "url", "source", ...})
 * to an ent_doc, with jansson.  Fields entente does not know are kept verbatim (compact
 * JSON) in the document's extra fields, in input order. */
#include "ingest/ingest.h"

#include <jansson.h>
#include <stdlib.h>

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

/* A scalar field as text: strings as they are, numbers printed; NULL for other kinds. */
static const char *scalar(doc_impl *d, json_t *v, char *num, size_t num_len) {
    if (json_is_string(v)) return doc_str(d, json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        snprintf(num, num_len, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return doc_str(d, num, strlen(num));
    }
    return NULL;
}

doc_impl *jsonl_extract(const char *line, size_t len, char *why, size_t why_len) {
    json_error_t err;
    json_t *root = json_loadb(line, len, 0, &err);
    if (!root) {
        if (!strncmp(err.text, "unable to decode byte", 21))
            snprintf(why, why_len, "unknown encoding: not UTF-8 (%s, column %d)", err.text, err.column);
        else
            snprintf(why, why_len, "not valid JSON: %s (column %d)", err.text, err.column);
        return NULL;
    }
    if (!json_is_object(root)) {
        snprintf(why, why_len, "expected a JSON object per line, got %s", json_kind(root));
        json_decref(root);
        return NULL;
    }
    json_t *text = json_object_get(root, "text");
    if (!text || !json_is_string(text)) {
        snprintf(why, why_len, text ? "field \"text\" must be a string, got %s" : "no \"text\" field%s",
                 text ? json_kind(text) : "");
        json_decref(root);
        return NULL;
    }
    doc_impl *d = doc_new();
    char num[64];
    const char *key;
    json_t *v;
    /* jansson keeps insertion order when iterating (since 2.8): extra fields stay in order */
    json_object_foreach(root, key, v) {
        const char *s = NULL;
        if (!strcmp(key, "text")) {
            d->pub.text = doc_str(d, json_string_value(v), json_string_length(v));
            d->pub.text_len = json_string_length(v);
            continue;
        }
        if (!strcmp(key, "id") && (s = scalar(d, v, num, sizeof num))) { d->pub.id = s; continue; }
        if (!strcmp(key, "date") && (s = scalar(d, v, num, sizeof num))) {
            d->pub.date_text = s;
            d->pub.date = ent_date_parse(s, strlen(s));
            continue;
        }
        if (!strcmp(key, "title") && json_is_string(v)) { d->pub.title = scalar(d, v, num, sizeof num); continue; }
        if (!strcmp(key, "url") && json_is_string(v)) { d->pub.url = scalar(d, v, num, sizeof num); continue; }
        if (!strcmp(key, "source") && json_is_string(v)) { d->pub.source = scalar(d, v, num, sizeof num); continue; }
        if ((!strcmp(key, "byline") || !strcmp(key, "author")) && json_is_string(v) && !*d->pub.byline) {
            d->pub.byline = scalar(d, v, num, sizeof num);
            /* still kept as an extra field below so nothing is lost */
        }
        char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        doc_add_field(d, key, dump ? dump : "null");
        free(dump);
    }
    json_decref(root);
    return d;
}

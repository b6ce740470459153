/* explore_api.c — the explorer's endpoints beyond the event table: actor names and CAMEO
 * descriptions attached to API rows, counts by CAMEO root and PLOVER category, one story
 * with all its sentences and events (/api/story), the CAMEO table (/api/cameo) and the
 * download of every event of a filter as CSV or JSON lines (/api/export).  serve.c parses
 * the request and lends each call a store handle of its own from the server's pool. */
#include "serve/serve.h"
#include "util/util.h"

#include <jansson.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

json_t *ent_xapi_cameo(void) {
    json_t *codes = json_object(), *plover = json_object();
    for (size_t i = 0; i < ent_cameo_count(); i++) {
        const ent_cameo_info *c = ent_cameo_at(i);
        json_object_set_new(codes, c->code, ent_jstr(c->name));
        if (c->plover && *c->plover && !json_object_get(plover, c->plover))
            json_object_set_new(plover, c->plover, json_integer(c->quad));
    }
    return json_pack("{s:o,s:o}", "codes", codes, "plover", plover);
}

/* ---- actor names, cached per request ------------------------------------------------ */

typedef struct names {
    ent_strmap map;    /* code -> char* "name\0country\0" (malloc'ed), or (void*)1 for none */
    ent_store *st;
    int complete;      /* every stored name is in map: a miss means no name, no query */
} names;

static void names_init(names *n, ent_store *st) { ent_strmap_init(&n->map); n->st = st; n->complete = 0; }

static void names_put(names *n, const char *code, const char *nm, const char *co, void **slot) {
    (void)code;
    if (nm || co) {
        size_t a = nm ? strlen(nm) : 0, b = co ? strlen(co) : 0;
        char *v = ent_xmalloc(a + b + 2);
        memcpy(v, nm ? nm : "", a + 1);
        memcpy(v + a + 1, co ? co : "", b + 1);
        *slot = v;
    } else {
        *slot = (void *)1;
    }
}

static int preload_one(const char *code, const char *nm, const char *co, void *user) {
    names *n = user;
    int created = 0;
    void **slot = ent_strmap_slot(&n->map, code, strlen(code), &created);
    if (created) names_put(n, code, nm, co, slot);
    return 0;
}

/* Read every stored name at once: for callers already inside a query (an export streams
 * its rows, and PostgreSQL takes no second statement on the connection meanwhile). */
static ent_status names_preload(names *n) {
    ent_status s = ent_store_actor_names_each(n->st, preload_one, n);
    n->complete = s == ENT_OK;
    return s;
}

static void names_free(names *n) {
    for (size_t i = 0; i < n->map.cap; i++)
        if (n->map.keys[i] && n->map.vals[i] != (void *)1) free(n->map.vals[i]);
    ent_strmap_free(&n->map);
}

/* Name and country of code (either may be NULL); -1 on a database error. */
static int names_get(names *n, const char *code, const char **name, const char **country) {
    *name = *country = NULL;
    if (!code || !*code || !strcmp(code, "---")) return 0;
    int created = 0;
    void **slot = ent_strmap_slot(&n->map, code, strlen(code), &created);
    if (created && n->complete) {
        *slot = (void *)1;
    } else if (created) {
        char *nm = NULL, *co = NULL;
        if (ent_store_actor_name(n->st, code, &nm, &co) != ENT_OK) { *slot = (void *)1; return -1; }
        names_put(n, code, nm, co, slot);
        free(nm);
        free(co);
    }
    if (*slot == (void *)1) return 0;
    const char *v = *slot;
    *name = *v ? v : NULL;
    *country = v[strlen(v) + 1] ? v + strlen(v) + 1 : NULL;
    return 0;
}

static int name_obj(names *n, json_t *o, const char *key, const char *name_key, const char *country_key) {
    const char *nm, *co;
    if (names_get(n, json_string_value(json_object_get(o, key)), &nm, &co) != 0) return -1;
    json_object_set_new(o, name_key, ent_jstr(nm));
    json_object_set_new(o, country_key, ent_jstr(co));
    return 0;
}

static const char *code_name(const char *code) {
    const ent_cameo_info *c = code ? ent_cameo_lookup(code) : NULL;
    return c ? c->name : NULL;
}

/* Names for each object of arr: its "source" and "target" (events, with the CAMEO
 * description of its "code") or its "id" (actors).  Every code's name is read first, in a
 * few queries (a round trip per code costs a millisecond each on PostgreSQL). */
static ent_status name_rows(ent_store *st, json_t *arr, int events) {
    names n;
    names_init(&n, st);
    size_t i;
    json_t *o;
    ent_strmap seen;
    ent_strmap_init(&seen);
    const char **codes = ent_xmalloc((2 * json_array_size(arr) + 1) * sizeof *codes);
    size_t ncodes = 0;
    json_array_foreach(arr, i, o) {
        const char *c[2] = {json_string_value(json_object_get(o, events ? "source" : "id")),
                            events ? json_string_value(json_object_get(o, "target")) : NULL};
        for (int k = 0; k < 2; k++) {
            int created = 0;
            if (!c[k] || !*c[k] || !strcmp(c[k], "---")) continue;
            ent_strmap_slot(&seen, c[k], strlen(c[k]), &created);
            if (created) codes[ncodes++] = c[k];
        }
    }
    ent_status s = ent_store_actor_names_of(st, codes, ncodes, preload_one, &n);
    n.complete = s == ENT_OK; /* a code not read has no name */
    free(codes);
    ent_strmap_free(&seen);
    json_array_foreach(arr, i, o) {
        if (s != ENT_OK) break;
        int rc = events ? name_obj(&n, o, "source", "source_name", "source_country") ||
                              name_obj(&n, o, "target", "target_name", "target_country")
                        : name_obj(&n, o, "id", "name", "country");
        if (rc) { s = ENT_ERR_IO; break; }
        if (events) json_object_set_new(o, "code_name", ent_jstr(code_name(json_string_value(json_object_get(o, "code")))));
    }
    names_free(&n);
    return s;
}

ent_status ent_xapi_name_events(ent_store *st, json_t *arr) { return name_rows(st, arr, 1); }
ent_status ent_xapi_name_nodes(ent_store *st, json_t *arr) { return name_rows(st, arr, 0); }

/* ---- counts by category -------------------------------------------------------------- */

typedef struct counts { json_t *roots, *plover; } counts;

static void bump(json_t *obj, const char *key, long n) {
    json_t *v = json_object_get(obj, key);
    json_object_set_new(obj, key, json_integer((v ? json_integer_value(v) : 0) + n));
}

static int on_category(const char *root, const char *plover, int quad, long n, void *user) {
    (void)quad;
    counts *c = user;
    bump(c->roots, *root ? root : "unknown", n);
    bump(c->plover, *plover ? plover : "none", n);
    return 0;
}

/* {"key": n, ...} -> [{"<kname>": key, "events": n, ...}] in key order */
static json_t *as_list(json_t *obj, const char *kname, int roots) {
    json_t *out = json_array();
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        json_t *o = json_pack("{s:s,s:O}", kname, key, "events", v);
        if (roots) {
            const ent_cameo_info *c = strcmp(key, "unknown") ? ent_cameo_lookup(key) : NULL;
            json_object_set_new(o, "name", ent_jstr(c ? c->name : NULL));
            json_object_set_new(o, "quad", json_integer(c ? c->quad : 0));
        } else {
            int quad = 0;
            for (size_t i = 0; i < ent_cameo_count() && !quad; i++)
                if (ent_cameo_at(i)->plover && !strcmp(ent_cameo_at(i)->plover, key)) quad = ent_cameo_at(i)->quad;
            json_object_set_new(o, "quad", json_integer(quad));
        }
        json_array_append_new(out, o);
    }
    return out;
}

ent_status ent_xapi_counts(ent_store *st, const ent_store_filter *f, json_t *out) {
    counts c = {json_object(), json_object()};
    ent_status s = ent_store_category_counts(st, f, on_category, &c);
    json_object_set_new(out, "roots", as_list(c.roots, "root", 1));
    json_object_set_new(out, "plover", as_list(c.plover, "plover", 0));
    json_decref(c.roots);
    json_decref(c.plover);
    return s;
}

/* ---- one story ------------------------------------------------------------------------ */

static void fmt_date(char out[16], long d) {
    if (d > 0) snprintf(out, 16, "%04ld-%02ld-%02ld", d / 10000 % 10000, d / 100 % 100, d % 100);
    else out[0] = 0;
}

static int story_meta(const ent_story_meta *m, void *user) {
    json_t *o = user;
    char date[16];
    fmt_date(date, m->date);
    json_object_set_new(o, "story", json_pack("{s:o,s:o,s:o,s:o,s:o}", "story_id", ent_jstr(m->story_id), "date",
                                              date[0] ? json_string(date) : json_null(), "title", ent_jstr(m->title),
                                              "url", ent_jstr(m->url), "publisher", ent_jstr(m->publisher)));
    return 0;
}

static int story_sentence(long idx, const char *sid, long date, const char *text, void *user) {
    json_t *o = user;
    char d[16];
    fmt_date(d, date);
    json_array_append_new(json_object_get(o, "sentences"),
                          json_pack("{s:I,s:o,s:o,s:o,s:[]}", "index", (json_int_t)idx, "sentence_id", ent_jstr(sid), "date",
                                    d[0] ? json_string(d) : json_null(), "text", ent_jstr(text), "events"));
    return 0;
}

json_t *ent_xapi_story(ent_store *st, const char *id, int *found) {
    json_t *o = json_object();
    json_object_set_new(o, "sentences", json_array());
    if (ent_store_story(st, id, story_meta, story_sentence, o, found) != ENT_OK) { json_decref(o); return NULL; }
    if (!*found) return o;
    ent_store_filter f = {0};
    f.story_id = id;
    json_t *evs = json_array();
    if (ent_store_query_events(st, &f, ent_add_event_json, evs, NULL) != ENT_OK || ent_xapi_name_events(st, evs) != ENT_OK) {
        json_decref(evs);
        json_decref(o);
        return NULL;
    }
    /* each event goes under its sentence (a sentence stored only through its event is added) */
    json_t *sents = json_object_get(o, "sentences");
    size_t i;
    json_t *e;
    json_array_foreach(evs, i, e) {
        json_int_t si = json_integer_value(json_object_get(e, "sentence_index"));
        json_t *home = NULL, *s;
        size_t j;
        json_array_foreach(sents, j, s)
            if (json_integer_value(json_object_get(s, "index")) == si) { home = s; break; }
        if (!home) {
            home = json_pack("{s:I,s:O,s:O,s:O,s:[]}", "index", si, "sentence_id", json_object_get(e, "sentence_id"),
                             "date", json_object_get(e, "date"), "text", json_object_get(e, "sentence"), "events");
            json_array_append_new(sents, home);
        }
        json_array_append(json_object_get(home, "events"), e);
    }
    json_decref(evs);
    return o;
}

/* ---- export: CSV (the columns of CSV_HEADER) or the JSON lines of 'code' ------------- */

typedef struct exporter {
    FILE *f;
    int csv;
    names n;
    int failed;
    long rows;
} exporter;

static const char CSV_HEADER[] =
    "story_id,sentence_index,date,source,source_name,source_country,target,target_name,target_country,"
    "code,code_name,root,quad,goldstein,plover,source_text,target_text,verb_text,sentence,title,url,publisher\n";

static int export_row(const ent_event_context *c, const ent_event *e, void *user) {
    exporter *x = user;
    x->rows++;
    if (!x->csv) {
        ent_write_event(x->f, ENT_FORMAT_JSONL, c, e);
        return ferror(x->f) ? (x->failed = 1) : 0;
    }
    const char *sn, *sc, *tn, *tc;
    if (names_get(&x->n, e->source, &sn, &sc) != 0 || names_get(&x->n, e->target, &tn, &tc) != 0) return x->failed = 1;
    char idx[24], date[16], quad[16], gold[32];
    snprintf(idx, sizeof idx, "%ld", c->sentence_index);
    fmt_date(date, c->date);
    snprintf(quad, sizeof quad, "%d", e->quad);
    snprintf(gold, sizeof gold, "%.1f", e->goldstein);
    const char *cols[] = {c->story_id, idx, date, e->source, sn, sc, e->target, tn, tc, e->code, code_name(e->code),
                          e->root, quad, gold, e->plover, e->source_text, e->target_text, e->verb_text,
                          c->sentence_text, c->title, c->url, c->publisher};
    size_t n = sizeof cols / sizeof cols[0];
    /* text cells through the shared writer (RFC 4180, formulas neutralised); the numbers
     * formatted here (index, quad, Goldstein) are written as they are */
    for (size_t i = 0; i < n; i++) {
        int num = cols[i] == idx || cols[i] == quad || cols[i] == gold;
        if (num) fprintf(x->f, "%s%s", cols[i], i + 1 == n ? "\n" : ",");
        else ent_write_csv_field(x->f, cols[i], i + 1 == n);
    }
    return ferror(x->f) ? (x->failed = 1) : 0;
}

struct MHD_Response *ent_xapi_export(ent_store *st, const ent_store_filter *f, int csv) {
    exporter x = {0};
    x.f = tmpfile();
    x.csv = csv;
    if (!x.f) return NULL;
    names_init(&x.n, st);
    if (csv) fputs(CSV_HEADER, x.f);
    ent_store_filter all = *f;
    all.limit = all.offset = 0;
    ent_status s = csv ? names_preload(&x.n) : ENT_OK;
    if (s == ENT_OK) s = ent_store_query_events(st, &all, export_row, &x, NULL);
    names_free(&x.n);
    long size = (s == ENT_OK && !x.failed && fflush(x.f) == 0) ? ftell(x.f) : -1;
    int fd = size >= 0 ? dup(fileno(x.f)) : -1;
    fclose(x.f);
    if (fd < 0) return NULL;
    struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)size, fd);
    if (!r) { close(fd); return NULL; }
    ent_serve_headers(r, csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8", 0);
    MHD_add_response_header(r, "Content-Disposition",
                            csv ? "attachment; filename=\"entente-events.csv\"" : "attachment; filename=\"entente-events.jsonl\"");
    char rows[32];
    snprintf(rows, sizeof rows, "%ld", x.rows);
    MHD_add_response_header(r, "X-Entente-Rows", rows);
    return r;
}

/* serve.h — internals of the web explorer: the embedded page assets, the helpers serve.c
 * shares, and the explorer endpoints of explore_api.c.  Internal. */
#ifndef ENT_SERVE_H
#define ENT_SERVE_H

#include <stddef.h>
#include "entente.h"

typedef struct ent_asset {
    const char *path;   /* "/index.html" */
    const char *type;   /* Content-Type */
    const char *data;
    size_t len;
} ent_asset;

/* The embedded asset served at path, or NULL. */
const ent_asset *ent_asset_find(const char *path);

/* ---- serve.c ---- */
struct MHD_Response;
typedef struct json_t json_t;
/* A JSON string for any bytes (invalid UTF-8 becomes U+FFFD); NULL gives null. */
json_t *ent_jstr(const char *s);
/* ent_store_event_fn appending one event object to the JSON array user. */
int ent_add_event_json(const ent_event_context *c, const ent_event *e, void *user);
/* Content type and the security and cache headers every response carries. */
void ent_serve_headers(struct MHD_Response *r, const char *type, int cache);

/* ---- explore_api.c: each call has a store handle of its own (serve.c's pool) ---- */
#define EXPORT_TIMEOUT_MS 600000L
/* {"codes": {"010": "Make statement, ...", ...}, "plover": {...}} from the CAMEO table. */
json_t *ent_xapi_cameo(void);
/* Add source_name/target_name (+ _country) and code_name to each event object of arr. */
ent_status ent_xapi_name_events(ent_store *st, json_t *arr);
/* Add name and country to each {"id": code} object of arr. */
ent_status ent_xapi_name_nodes(ent_store *st, json_t *arr);
/* Fill out with "roots" (in root order) and "plover" (in order of the lowest root each
 * category occurs with): event counts of the filter per category, each with its quad. */
ent_status ent_xapi_counts(ent_store *st, const ent_store_filter *f, json_t *out);
/* {"story": {...}, "sentences": [{"index", "date", "text", "events": [...]}]}; NULL on a
 * database error (message in ent_store_error); *found 0 when there is no such story. */
json_t *ent_xapi_story(ent_store *st, const char *id, int *found);
/* Every event matching f (limit/offset ignored) as CSV (csv=1) or JSON lines, written to
 * an unlinked temporary file as rows arrive and sent from it; NULL on failure. */
struct MHD_Response *ent_xapi_export(ent_store *st, const ent_store_filter *f, int csv);

#endif

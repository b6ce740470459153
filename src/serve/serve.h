/* serve.h — internals of the web explorer: the embedded page assets.  Internal. */
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

#endif

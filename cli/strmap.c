/* strmap.c — a string-to-string hash map for the command line (the CLI sees only the
 * public header, so not util's ent_strmap): open addressing, FNV-1a, keys and values
 * copied and owned by the map.  Used for the story ids a run has stored (load, code --db). */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static char *xdup(const char *s) {
    char *d = strdup(s ? s : "");
    if (!d) { fprintf(stderr, "entente: out of memory\n"); exit(1); }
    return d;
}

static size_t find(const cli_strmap *m, const char *key) {
    size_t j = fnv(key) & (m->cap - 1);
    while (m->keys[j] && strcmp(m->keys[j], key) != 0) j = (j + 1) & (m->cap - 1);
    return j;
}

const char *cli_strmap_get(const cli_strmap *m, const char *key) {
    if (!m->cap) return NULL;
    size_t j = find(m, key);
    return m->keys[j] ? m->vals[j] : NULL;
}

int cli_strmap_put(cli_strmap *m, const char *key, const char *val) {
    if (2 * (m->n + 1) > m->cap) {
        cli_strmap old = *m;
        m->cap = old.cap ? 2 * old.cap : 1024;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->vals = calloc(m->cap, sizeof *m->vals);
        if (!m->keys || !m->vals) { fprintf(stderr, "entente: out of memory\n"); exit(1); }
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = find(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
            }
        free(old.keys);
        free(old.vals);
    }
    size_t j = find(m, key);
    if (m->keys[j]) return 1;
    m->keys[j] = xdup(key);
    m->vals[j] = xdup(val);
    m->n++;
    return 0;
}

void cli_strmap_free(cli_strmap *m) {
    for (size_t i = 0; i < m->cap; i++) { free(m->keys[i]); free(m->vals[i]); }
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

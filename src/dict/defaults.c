/* defaults.c — the project's own default dictionaries (data/dictionaries): finding the
 * directory (argument, $ENTENTE_DATA, data/ beside the binary or in the source tree,
 * share/entente beside the installed library, the install prefix) and loading its files with ent_dicts_load():
 *   entente.verbs.txt then entente.cameo.verbs.txt (the verbs it lacks, generated from the
 *   public CAMEO verb dictionary by tools/gen-verbs.mjs), every NAME.actors.txt (hand-written, plus iso-countries.actors.txt
 *   which `make` generates from iso-codes with tools/gen-countries.c), entente.agents.txt,
 *   entente.discards.txt.  Keeping every actor file in one directory lets any loader that
 *   globs *.actors.txt (e.g. `entente code --dicts DIR`) read the same set. */
#include "util/util.h"

#include <dlfcn.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#define VERBS_FILE "entente.verbs.txt"
#define CAMEO_VERBS_FILE "entente.cameo.verbs.txt"   /* generated: tools/gen-verbs.mjs */
#define AGENTS_FILE "entente.agents.txt"
#define DISCARDS_FILE "entente.discards.txt"
#define ISO_FILE "iso-countries.actors.txt"

#ifndef ENT_INSTALL_DATADIR
#define ENT_INSTALL_DATADIR "/usr/local/share/entente"
#endif

/* If base (a data/ directory or its dictionaries/ subdirectory) holds the default verb
 * file, return the malloc'ed dictionaries directory, else NULL. */
static char *probe(const char *base) {
    if (!base || !*base) return NULL;
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_printf(&b, "%s/dictionaries/" VERBS_FILE, base);
    if (ent_path_is_file(b.data)) {
        b.data[b.len - strlen("/" VERBS_FILE)] = '\0';
        return b.data;
    }
    ent_buf_clear(&b);
    ent_buf_printf(&b, "%s/" VERBS_FILE, base);
    if (ent_path_is_file(b.data)) {
        ent_buf_clear(&b);
        ent_buf_puts(&b, base);
        return b.data;
    }
    ent_buf_free(&b);
    return NULL;
}

char *ent_default_dict_dir(const char *dir, ent_diag *diag) {
    char *found;
    if (dir) {
        if ((found = probe(dir))) return found;
        ent_diag_add(diag, ENT_ERROR, dir, 0, "no default dictionaries here (expected %s or dictionaries/%s)",
                     VERBS_FILE, VERBS_FILE);
        return NULL;
    }
    const char *env = getenv("ENTENTE_DATA");
    if (env && *env) {
        if ((found = probe(env))) return found;
        ent_diag_add(diag, ENT_ERROR, env, 0, "$ENTENTE_DATA holds no default dictionaries (expected %s)",
                     VERBS_FILE);
        return NULL;
    }
    /* beside the binary: BIN/data (installed flat), BIN/../data (build dir in the source
     * tree, e.g. build/entente), BIN/../share/entente (prefix/bin/entente) */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"/data", "/../data", "/../share/entente"};
            for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
                ent_buf b;
                ent_buf_init(&b);
                ent_buf_printf(&b, "%s%s", exe, rel[i]);
                found = probe(b.data);
                ent_buf_free(&b);
                if (found) return found;
            }
        }
    }
    /* the library's own file: LIBDIR/../share/entente (an installed libentente.so) */
    Dl_info info;
    if (dladdr((void *)ent_default_dict_dir, &info) && info.dli_fname && strchr(info.dli_fname, '/')) {
        ent_buf b;
        ent_buf_init(&b);
        ent_buf_puts(&b, info.dli_fname);
        *strrchr(b.data, '/') = '\0';
        b.len = strlen(b.data);
        ent_buf_puts(&b, "/../share/entente");
        found = probe(b.data);
        ent_buf_free(&b);
        if (found) return found;
    }
    if ((found = probe("data"))) return found;           /* run from the source tree */
    if ((found = probe(ENT_INSTALL_DATADIR))) return found;
    if ((found = probe("/usr/share/entente"))) return found;
    ent_diag_add(diag, ENT_ERROR, NULL, 0,
                 "default dictionaries not found: pass a directory, set $ENTENTE_DATA, or "
                 "install data/ beside the binary (looked for %s)", VERBS_FILE);
    return NULL;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append dir/NAME for every NAME ending in ".actors.txt" in dir, sorted by name. */
static void list_actor_files(const char *dir, char ***files, size_t *n, size_t *cap) {
    DIR *d = opendir(dir);
    if (!d) return;
    size_t first = *n;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        const char *suf = ".actors.txt";
        size_t sl = strlen(suf);
        if (len <= sl || strcmp(e->d_name + len - sl, suf) != 0) continue;
        ent_buf b;
        ent_buf_init(&b);
        ent_buf_printf(&b, "%s/%s", dir, e->d_name);
        ENT_GROW(*files, *n + 2, *cap);
        (*files)[(*n)++] = b.data;
    }
    closedir(d);
    qsort(*files + first, *n - first, sizeof **files, cmp_str);
}

ent_status ent_dicts_load_default(const char *dir, ent_diag *diag, ent_dicts **out) {
    *out = NULL;
    char *dd = ent_default_dict_dir(dir, diag);
    if (!dd) return ENT_ERR_IO;

    char **actors = NULL;
    size_t nact = 0, cap = 0;
    ent_buf gen;
    ent_buf_init(&gen);
    ent_buf_printf(&gen, "%s/" ISO_FILE, dd);
    if (!ent_path_is_file(gen.data))
        ent_diag_add(diag, ENT_WARNING, gen.data, 0,
                     "generated country actors missing: run `make` to build them from iso-codes");
    list_actor_files(dd, &actors, &nact, &cap);
    ENT_GROW(actors, nact + 1, cap);
    actors[nact] = NULL;

    ent_buf verbs, more, agents, discards;
    ent_buf_init(&verbs);
    ent_buf_init(&more);
    ent_buf_init(&agents);
    ent_buf_init(&discards);
    ent_buf_printf(&verbs, "%s/" VERBS_FILE, dd);
    ent_buf_printf(&more, "%s/" CAMEO_VERBS_FILE, dd);
    ent_buf_printf(&agents, "%s/" AGENTS_FILE, dd);
    ent_buf_printf(&discards, "%s/" DISCARDS_FILE, dd);

    ent_dict_paths paths = {
        .verbs = verbs.data,
        .actors = (const char *const *)actors,
        .agents = agents.data,
        .discards = discards.data,
        .issues = NULL,
        .verbs_more = ent_path_is_file(more.data) ? more.data : NULL,
    };
    ent_status st = ent_dicts_load(&paths, diag, out);

    for (size_t i = 0; i < nact; i++) free(actors[i]);
    free(actors);
    ent_buf_free(&gen);
    ent_buf_free(&verbs);
    ent_buf_free(&more);
    ent_buf_free(&agents);
    ent_buf_free(&discards);
    free(dd);
    return st;
}

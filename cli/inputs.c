/* inputs.c — the inputs named on a command line: a directory stands for the files under
 * it, found recursively (hidden files and folders skipped, symbolic links to folders not
 * followed, so a link loop cannot recur) whose extension is one entente reads, in sorted
 * path order; anything else is kept as given. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

static const char *const input_exts[] = {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml",
                                         ".pdf", ".xml", ".rss", ".atom"};

static int readable_ext(const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof input_exts / sizeof *input_exts; i++) {
        size_t k = strlen(input_exts[i]);
        if (n > k && !strcasecmp(name + n - k, input_exts[i])) return 1;
    }
    return 0;
}

typedef struct strvec { char **v; size_t n, cap; } strvec;

static void push(strvec *s, char *p) {
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        char **v = realloc(s->v, s->cap * sizeof *v);
        if (!v) { fprintf(stderr, "entente: out of memory\n"); exit(3); }
        s->v = v;
    }
    s->v[s->n++] = p;
}

static int cmp_path(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Add the readable files under dir to out; returns the number of folders that could not
 * be read (each reported). */
static int walk(const char *cmd, const char *dir, int depth, strvec *out) {
    if (depth > MAX_DEPTH) {
        fprintf(stderr, "%s: warning: folders nested deeper than %d levels are not read\n", dir, MAX_DEPTH);
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "entente: %s: cannot read folder %s: %s\n", cmd, dir, strerror(errno));
        return 1;
    }
    int bad = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p) { fprintf(stderr, "entente: out of memory\n"); exit(3); }
        snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat ls, st;
        if (lstat(p, &ls) != 0 || stat(p, &st) != 0) { free(p); continue; } /* dangling link */
        if (S_ISDIR(st.st_mode)) {
            if (!S_ISLNK(ls.st_mode)) bad += walk(cmd, p, depth + 1, out);
            free(p);
        } else if (S_ISREG(st.st_mode) && readable_ext(e->d_name)) {
            push(out, p);
        } else {
            free(p);
        }
    }
    closedir(d);
    return bad;
}

int cli_expand_inputs(const char *cmd, const char *const *args, size_t nargs, char ***out, size_t *nout,
                      size_t *empty_dirs) {
    strvec v = {0};
    int bad = 0;
    *empty_dirs = 0;
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if (strcmp(args[i], "-") && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t from = v.n;
            bad += walk(cmd, args[i], 0, &v);
            size_t found = v.n - from;
            if (found) qsort(v.v + from, found, sizeof *v.v, cmp_path);
            if (found)
                fprintf(stderr, "entente: %s: %s: %zu input file%s\n", cmd, args[i], found, found == 1 ? "" : "s");
            else {
                fprintf(stderr, "%s: warning: no input files in this folder (looked for .txt, .jsonl, .json, .html, "
                                ".pdf, .xml, .rss, .atom and the like)\n", args[i]);
                (*empty_dirs)++;
            }
            continue;
        }
        char *p = strdup(args[i]);
        if (!p) { fprintf(stderr, "entente: out of memory\n"); exit(3); }
        push(&v, p);
    }
    *out = v.v;
    *nout = v.n;
    return bad;
}

void cli_free_inputs(char **v, size_t n) {
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

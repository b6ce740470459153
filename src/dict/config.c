/* config.c — where a run's dictionaries and coder options come from: a dictionary
 * directory (the project's layout or PETRARCH's usual file names, with an optional
 * entente.conf of coder options beside the files), or a configuration file in the layout
 * of PETRARCH's PETR_config.ini ([Dictionaries] and [Options] sections).
 *
 * The INI reader is small and strict on purpose: every malformed line is reported with
 * file:line and what was expected, and nothing the file says is silently dropped (keys
 * entente has no use for, such as PETRARCH's textfile_list, get a warning). */
#include "util/util.h"

#include <glob.h>
#include <stdlib.h>

#define DIR_CONF "entente.conf"

static int is_regular_file_in(const char *dir, const char *name) {
    ent_buf p;
    ent_buf_init(&p);
    ent_buf_printf(&p, "%s/%s", dir, name);
    int r = ent_path_is_file(p.data);
    ent_buf_free(&p);
    return r;
}

/* ---- INI reading -------------------------------------------------------------------- */

typedef struct ini_entry {
    char *section, *key, *value;  /* malloc'ed; section lower-cased, key lower-cased */
    long line;
} ini_entry;

typedef struct ini_file {
    ini_entry *v;
    size_t n, cap;
} ini_file;

static void ini_free(ini_file *f) {
    for (size_t i = 0; i < f->n; i++) { free(f->v[i].section); free(f->v[i].key); free(f->v[i].value); }
    free(f->v);
    memset(f, 0, sizeof *f);
}

static char *trim_dup(const char *s, size_t n, int lower) {
    while (n && ent_is_space((unsigned char)*s)) { s++; n--; }
    while (n && ent_is_space((unsigned char)s[n - 1])) n--;
    char *r = ent_xstrndup(s, n);
    if (lower)
        for (char *p = r; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (char)(*p | 0x20);
    return r;
}

/* Parse path into f.  Lines: "[Section]", "key = value" (or "key: value"), comments starting
 * with '#' or ';', blank lines; a line starting with a space or tab continues the previous
 * value (joined with one space).  Errors go to diag with the line number. */
static ent_status ini_read(const char *path, ini_file *f, ent_diag *diag) {
    char *data = NULL;
    size_t len = 0;
    if (ent_read_file(path, &data, &len, diag) != ENT_OK) return ENT_ERR_IO;
    if (ent_utf8_invalid_at(data, len) != len) {
        ent_diag_add(diag, ENT_ERROR, path, 0, "not UTF-8 text (a configuration file is expected)");
        free(data);
        return ENT_ERR_SYNTAX;
    }
    ent_status st = ENT_OK;
    char *section = NULL;
    long lineno = 0;
    for (size_t at = 0; at < len;) {
        const char *line = data + at;
        const char *nl = memchr(line, '\n', len - at);
        size_t n = nl ? (size_t)(nl - line) : len - at;
        at += n + (nl ? 1 : 0);
        lineno++;
        if (n && line[n - 1] == '\r') n--;
        size_t i = 0;
        while (i < n && ent_is_space((unsigned char)line[i])) i++;
        if (i == n || line[i] == '#' || line[i] == ';') continue;
        if (i > 0 && f->n && f->v[f->n - 1].line > 0 && section &&
            !strcmp(f->v[f->n - 1].section, section)) {
            /* continuation of the previous value */
            ini_entry *e = &f->v[f->n - 1];
            char *more = trim_dup(line + i, n - i, 0);
            size_t a = strlen(e->value), b = strlen(more);
            e->value = ent_xrealloc(e->value, a + b + 2);
            if (a) e->value[a++] = ' ';
            memcpy(e->value + a, more, b + 1);
            free(more);
            continue;
        }
        if (line[i] == '[') {
            const char *close = memchr(line + i, ']', n - i);
            if (!close) {
                ent_diag_add(diag, ENT_ERROR, path, lineno, "expected a section header '[Name]'");
                st = ENT_ERR_SYNTAX;
                continue;
            }
            free(section);
            section = trim_dup(line + i + 1, (size_t)(close - line - i - 1), 1);
            continue;
        }
        const char *eq = NULL;
        for (size_t k = i; k < n; k++) if (line[k] == '=' || line[k] == ':') { eq = line + k; break; }
        if (!eq || eq == line + i) {
            ent_diag_add(diag, ENT_ERROR, path, lineno, "expected 'key = value', a [Section] or a # comment");
            st = ENT_ERR_SYNTAX;
            continue;
        }
        if (!section) {
            ent_diag_add(diag, ENT_ERROR, path, lineno, "'key = value' before any [Section] (expected [Dictionaries] or [Options] first)");
            st = ENT_ERR_SYNTAX;
            continue;
        }
        ENT_GROW(f->v, f->n + 1, f->cap);
        ini_entry *e = &f->v[f->n++];
        e->section = ent_xstrdup(section);
        e->key = trim_dup(line + i, (size_t)(eq - line - i), 1);
        e->value = trim_dup(eq + 1, (size_t)(line + n - eq - 1), 0);
        e->line = lineno;
    }
    free(section);
    free(data);
    return st;
}

/* Apply the [Options] entries of f to o.  Keys PETRARCH reads but the coder has no use for
 * get a warning; anything else unknown, or a bad value, is an error naming file:line. */
static ent_status apply_options(const ini_file *f, const char *path, ent_coder_options *o, ent_diag *diag) {
    static const char *const petrarch_only[] = {
        "textfile_list", "textfile_name", "eventfile_name", "code_by_sentence", "pause_by_sentence",
        "pause_by_story", "write_actor_root", "write_actor_text", "write_event_text", "stanfordnlp",
        "run_date", NULL};
    ent_status st = ENT_OK;
    for (size_t i = 0; i < f->n; i++) {
        const ini_entry *e = &f->v[i];
        if (strcmp(e->section, "options")) continue;
        int skip = 0;
        for (int k = 0; petrarch_only[k] && !skip; k++) skip = !strcmp(e->key, petrarch_only[k]);
        if (skip) {
            ent_diag_add(diag, ENT_WARNING, path, e->line, "option '%s' is PETRARCH's and not used by entente; ignored", e->key);
            continue;
        }
        ent_diag *one = ent_diag_new();
        if (ent_coder_options_apply(o, e->key, e->value, one) != ENT_OK) {
            const char *msg = ent_diag_count(one) ? ent_diag_message(one, 0) : "bad option";
            if (!strncmp(msg, "error: ", 7)) msg += 7;
            ent_diag_add(diag, ENT_ERROR, path, e->line, "%s", msg);
            st = ENT_ERR_INVALID;
        }
        ent_diag_free(one);
    }
    return st;
}

/* ---- dictionary directories ----------------------------------------------------------- */

/* The last (in glob order) file of dir matching the first pattern that matches; malloc'ed. */
static char *first_match(const char *dir, const char *const *patterns) {
    for (int i = 0; patterns[i]; i++) {
        ent_buf pat;
        ent_buf_init(&pat);
        ent_buf_printf(&pat, "%s/%s", dir, patterns[i]);
        glob_t g;
        int r = glob(pat.data, 0, NULL, &g);
        ent_buf_free(&pat);
        if (r == 0 && g.gl_pathc) {
            char *found = ent_xstrdup(g.gl_pathv[g.gl_pathc - 1]);
            globfree(&g);
            return found;
        }
        if (r == 0) globfree(&g);
    }
    return NULL;
}

/* PETRARCH's usual names: *.verbpatterns.*, Phoenix.*.actors.txt when present (the PETRARCH
 * distribution keeps the small validation actors beside them) else every *actors.txt,
 * *agents.txt, *discards.txt, *issues.txt, and a gazetteer *places.txt when there is one. */
static ent_status load_petrarch_dir(const char *dir, ent_diag *diag, ent_dicts **out) {
    static const char *const verbs_p[] = {"*.verbpatterns.*", "*verbs.txt", "*Verbs.txt", NULL};
    static const char *const agents_p[] = {"Phoenix.agents.txt", "*agents.txt", "*Agents.txt", NULL};
    static const char *const discards_p[] = {"Phoenix.discards.txt", "*discards.txt", "*Discards.txt", NULL};
    static const char *const issues_p[] = {"*IssueCoding*.txt", "*issues.txt", NULL};
    static const char *const places_p[] = {"*places.txt", NULL};
    char *verbs = first_match(dir, verbs_p), *agents = first_match(dir, agents_p);
    char *places = first_match(dir, places_p);
    char *discards = first_match(dir, discards_p), *issues = first_match(dir, issues_p);
    ent_buf pat;
    ent_buf_init(&pat);
    ent_buf_printf(&pat, "%s/Phoenix.*.actors.txt", dir);
    glob_t g;
    int gr = glob(pat.data, 0, NULL, &g);
    if (gr != 0) {
        if (gr == GLOB_NOMATCH) globfree(&g);
        ent_buf_clear(&pat);
        ent_buf_printf(&pat, "%s/*ctors.txt", dir);
        gr = glob(pat.data, 0, NULL, &g);
    }
    ent_buf_free(&pat);
    ent_status st;
    if (!verbs && gr != 0) {
        ent_diag_add(diag, ENT_ERROR, dir, 0, "no dictionaries found (expected *.verbpatterns.* or *verbs.txt, "
                                      "*actors.txt, *agents.txt, *discards.txt)");
        st = ENT_ERR_IO;
    } else {
        const char *none[1] = {NULL};
        ent_dict_paths p = {verbs, gr == 0 ? (const char *const *)g.gl_pathv : none, agents, discards, issues, NULL,
                            places};
        st = ent_dicts_load(&p, diag, out);
    }
    if (gr == 0 || gr == GLOB_NOMATCH) globfree(&g);
    free(verbs); free(agents); free(discards); free(issues); free(places);
    return st;
}

/* Options of DIR/entente.conf, when the file exists ([Options] only). */
static ent_status apply_dir_conf(const char *dir, ent_coder_options *opts, ent_diag *diag) {
    if (!opts) return ENT_OK;
    ent_buf p;
    ent_buf_init(&p);
    ent_buf_printf(&p, "%s/" DIR_CONF, dir);
    ent_status st = ENT_OK;
    if (ent_path_is_file(p.data)) {
        ini_file f = {0};
        st = ini_read(p.data, &f, diag);
        if (st == ENT_OK) {
            for (size_t i = 0; i < f.n; i++)
                if (strcmp(f.v[i].section, "options"))
                    ent_diag_add(diag, ENT_WARNING, p.data, f.v[i].line,
                                 "only [Options] is read from a dictionary directory's " DIR_CONF "; '%s' ignored",
                                 f.v[i].key);
            st = apply_options(&f, p.data, opts, diag);
        }
        ini_free(&f);
    }
    ent_buf_free(&p);
    return st;
}

ent_status ent_dicts_load_dir(const char *dir, ent_coder_options *opts, ent_diag *diag, ent_dicts **out) {
    *out = NULL;
    char *dd = NULL;
    if (!dir || is_regular_file_in(dir, "entente.verbs.txt") || is_regular_file_in(dir, "dictionaries/entente.verbs.txt")) {
        dd = ent_default_dict_dir(dir, diag);
        if (!dd) return ENT_ERR_IO;
    } else if (!ent_path_is_dir(dir)) {
        ent_diag_add(diag, ENT_ERROR, dir, 0, "not a directory");
        return ENT_ERR_IO;
    }
    const char *where = dd ? dd : dir;
    ent_status st = apply_dir_conf(where, opts, diag);
    if (st == ENT_OK) st = dd ? ent_dicts_load_default(dd, diag, out) : load_petrarch_dir(dir, diag, out);
    free(dd);
    return st;
}

/* ---- configuration files ------------------------------------------------------------- */

/* name resolved against base (a directory) unless absolute; malloc'ed */
static char *resolve(const char *base, const char *name) {
    if (name[0] == '/' || !base || !*base) return ent_xstrdup(name);
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_printf(&b, "%s/%s", base, name);
    return b.data;
}

ent_status ent_config_load(const char *path, ent_coder_options *opts, ent_diag *diag, ent_dicts **out) {
    *out = NULL;
    ini_file f = {0};
    ent_status st = ini_read(path, &f, diag);
    if (st != ENT_OK) { ini_free(&f); return st; }
    /* the file's own directory: the base of relative names */
    char *home = ent_xstrdup(path);
    char *slash = strrchr(home, '/');
    if (slash) *slash = '\0'; else { free(home); home = ent_xstrdup("."); }

    const char *dir = NULL, *verbs = NULL, *actors = NULL, *agents = NULL, *discards = NULL, *issues = NULL;
    long dir_line = 0;
    for (size_t i = 0; i < f.n; i++) {
        ini_entry *e = &f.v[i];
        if (!strcmp(e->section, "options")) continue;
        if (strcmp(e->section, "dictionaries")) {
            ent_diag_add(diag, ENT_WARNING, path, e->line, "section [%s] is not used by entente; '%s' ignored", e->section, e->key);
            continue;
        }
        const char **slot = NULL;
        if (!strcmp(e->key, "dir") || !strcmp(e->key, "dictionary_dir")) { slot = &dir; dir_line = e->line; }
        else if (!strcmp(e->key, "verbfile_name")) slot = &verbs;
        else if (!strcmp(e->key, "actorfile_list") || !strcmp(e->key, "actorfile_name")) slot = &actors;
        else if (!strcmp(e->key, "agentfile_name")) slot = &agents;
        else if (!strcmp(e->key, "discardfile_name")) slot = &discards;
        else if (!strcmp(e->key, "issuefile_name")) slot = &issues;
        if (!slot) {
            ent_diag_add(diag, ENT_ERROR, path, e->line,
                         "unknown key '%s' in [Dictionaries] (expected dir, verbfile_name, actorfile_list, "
                         "agentfile_name, discardfile_name or issuefile_name)", e->key);
            st = ENT_ERR_SYNTAX;
            continue;
        }
        *slot = *e->value ? e->value : NULL;
    }
    int named_files = verbs || actors || agents || discards || issues;
    char *dir_abs = dir ? resolve(home, dir) : NULL;
    ent_coder_options dir_opts = *opts;
    if (st == ENT_OK && named_files) {
        /* PETRARCH style: files named one by one, relative to dir (or the file's directory) */
        const char *base = dir_abs ? dir_abs : home;
        char *v = verbs ? resolve(base, verbs) : NULL, *ag = agents ? resolve(base, agents) : NULL;
        char *ds = discards ? resolve(base, discards) : NULL, *is = issues ? resolve(base, issues) : NULL;
        char **alist = NULL;
        size_t na = 0, cap = 0;
        for (const char *a = actors; a && *a;) {
            const char *comma = strchr(a, ',');
            size_t n = comma ? (size_t)(comma - a) : strlen(a);
            char *one = trim_dup(a, n, 0);
            if (*one) {
                ENT_GROW(alist, na + 2, cap);
                alist[na++] = resolve(base, one);
            }
            free(one);
            a = comma ? comma + 1 : a + n;
        }
        ENT_GROW(alist, na + 1, cap);
        alist[na] = NULL;
        ent_dict_paths p = {v, (const char *const *)alist, ag, ds, is, NULL, NULL};
        st = ent_dicts_load(&p, diag, out);
        for (size_t i = 0; i < na; i++) free(alist[i]);
        free(alist); free(v); free(ag); free(ds); free(is);
    } else if (st == ENT_OK) {
        /* a dictionary directory, or the bundled default set: its entente.conf comes first,
         * then this file's [Options] override it */
        if (dir_abs && !ent_path_is_dir(dir_abs)) {
            ent_diag_add(diag, ENT_ERROR, path, dir_line, "dir: %s is not a directory", dir_abs);
            st = ENT_ERR_IO;
        } else {
            st = ent_dicts_load_dir(dir_abs, &dir_opts, diag, out);
        }
    }
    {   /* checked even when the dictionaries failed, so that every mistake is reported */
        ent_coder_options merged = dir_opts;
        ent_status ost = apply_options(&f, path, &merged, diag);
        if (st == ENT_OK) st = ost;
        if (st == ENT_OK) *opts = merged;
    }
    if (st != ENT_OK && *out) { ent_dicts_free(*out); *out = NULL; }
    free(dir_abs);
    free(home);
    ini_free(&f);
    return st;
}

/* discards.c — readers for PETRARCH-1 discard files (one phrase per line; a leading '+'
 * marks a story discard) and issue files (Phoenix.IssueCoding.txt: `phrase [CODE]` with
 * the expansions n:WORD (singular + plural), v:WORD (regular verb forms) and A+B (both
 * "A B" and "A-B"), `~phrase` / `~~phrase` ignore phrases, <ISSUE ...> section tags). */
#include "dict/dict_load.h"

#include <stdlib.h>

void ent_dict_read_discards(dict_ld *ld, char *buf, size_t len) {
    ent_dicts *d = ld->d;
    dict_lines L;
    ent_dict_lines_init(&L, buf, len, ld);
    char *line;
    while ((line = ent_dict_next_line(&L))) {
        const char *s = ent_dict_skip_space(line);
        int story = s[0] == '+';
        if (story) s++;
        ent_pel *el;
        uint32_t ne = ent_dict_tokens(ld, s, strlen(s), 0, &el, NULL, NULL);
        if (!ne) { ent_dict_err(ld, L.lineno, "empty story discard (expected +WORDS)"); continue; }
        ENT_GROW(d->discards, d->ndiscards + 1, ld->cap_discards);
        ent_discard *x = &d->discards[d->ndiscards++];
        x->phrase = (ent_phrase){el, ne};
        x->story = (uint8_t)story;
        x->file = ld->file;
        x->line = (uint32_t)L.lineno;
    }
}

#define MAX_FORMS 64

/* Expand the first marker found in s (uppercase); appends results to out. Returns 0 when
 * s holds no marker (s itself is final). */
static int expand_once(const char *s, char **out, size_t *nout) {
    const char *m = NULL;
    int kind = 0;
    const char *n = strstr(s, "N:"), *v = strstr(s, "V:"), *p = strchr(s, '+');
    if (n && (!m || n < m)) m = n, kind = 'N';
    if (v && (!m || v < m)) m = v, kind = 'V';
    if (p && (!m || p < m)) m = p, kind = '+';
    if (!m) return 0;
    size_t pre = (size_t)(m - s);
    if (kind == '+') {
        for (int k = 0; k < 2 && *nout < MAX_FORMS; k++) {
            char *r = ent_xstrdup(s);
            r[pre] = k ? '-' : ' ';
            out[(*nout)++] = r;
        }
        return 1;
    }
    const char *w = m + 2;
    size_t wl = 0;
    while (w[wl] && w[wl] != ' ') wl++;
    const char *rest = w + wl;
    char forms[4][128];
    int nf = 0;
    if (wl == 0 || wl > 100) {
        snprintf(forms[nf++], 128, "%.*s", (int)wl, w);
    } else if (kind == 'N') {
        snprintf(forms[nf++], 128, "%.*s", (int)wl, w);
        if (w[wl - 1] == 'Y') snprintf(forms[nf++], 128, "%.*sIES", (int)(wl - 1), w);
        else snprintf(forms[nf++], 128, "%.*sS", (int)wl, w);
    } else {
        snprintf(forms[nf++], 128, "%.*s", (int)wl, w);
        snprintf(forms[nf++], 128, "%.*sS", (int)wl, w);
        if (w[wl - 1] == 'E') {
            snprintf(forms[nf++], 128, "%.*sD", (int)wl, w);
            snprintf(forms[nf++], 128, "%.*sING", (int)(wl - 1), w);
        } else {
            snprintf(forms[nf++], 128, "%.*sED", (int)wl, w);
            snprintf(forms[nf++], 128, "%.*sING", (int)wl, w);
        }
    }
    for (int k = 0; k < nf && *nout < MAX_FORMS; k++) {
        size_t L = pre + strlen(forms[k]) + strlen(rest) + 1;
        char *r = ent_xmalloc(L);
        snprintf(r, L, "%.*s%s%s", (int)pre, s, forms[k], rest);
        out[(*nout)++] = r;
    }
    return 1;
}

static void add_issue(dict_ld *ld, const char *text, const char *code, int ignore, long line) {
    ent_dicts *d = ld->d;
    char *work[MAX_FORMS], *next[MAX_FORMS];
    size_t nw = 1;
    work[0] = ent_xstrdup(text);
    ent_str_upper(work[0]);
    for (int round = 0; round < 16; round++) {
        size_t nn = 0;
        int changed = 0;
        for (size_t i = 0; i < nw; i++) {
            if (nn < MAX_FORMS && expand_once(work[i], next, &nn)) { changed = 1; free(work[i]); }
            else if (nn < MAX_FORMS) next[nn++] = work[i];
            else free(work[i]);
        }
        memcpy(work, next, nn * sizeof *work);
        nw = nn;
        if (!changed) break;
    }
    for (size_t i = 0; i < nw; i++) {
        ent_pel *el;
        uint32_t ne = ent_dict_tokens(ld, work[i], strlen(work[i]), 0, &el, NULL, NULL);
        free(work[i]);
        if (!ne) { ent_dict_err(ld, line, "empty issue phrase (expected PHRASE [CODE])"); continue; }
        ENT_GROW(d->issues, d->nissues + 1, ld->cap_issues);
        ent_issue *x = &d->issues[d->nissues++];
        x->phrase = (ent_phrase){el, ne};
        x->code = code;
        x->ignore = (uint8_t)ignore;
        x->file = ld->file;
        x->line = (uint32_t)line;
    }
}

void ent_dict_read_issues(dict_ld *ld, char *buf, size_t len) {
    dict_lines L;
    ent_dict_lines_init(&L, buf, len, ld);
    char *line;
    while ((line = ent_dict_next_line(&L))) {
        const char *s = ent_dict_skip_space(line);
        if (s[0] == '<') continue;                        /* <ISSUE ...> / </ISSUE> */
        if (s[0] == '~') {
            int ig = s[1] == '~' ? 2 : 1;
            add_issue(ld, ent_dict_skip_space(s + ig), "", ig, L.lineno);
            continue;
        }
        const char *br = strchr(s, '[');
        const char *cl = br ? strchr(br, ']') : NULL;
        if (!br || !cl) {   /* PETRARCH-1 skips these too */
            ent_dict_warn(ld, L.lineno, "issue phrase without a code (expected PHRASE [CODE]); line skipped");
            continue;
        }
        const char *code, *code2;
        if (!ent_dict_code(ld, L.lineno, br + 1, (size_t)(cl - br - 1), &code, &code2)) continue;
        char *t = ent_xstrndup(s, ent_dict_trim_len(s, (size_t)(br - s)));
        add_issue(ld, t, code, 0, L.lineno);
        free(t);
    }
}

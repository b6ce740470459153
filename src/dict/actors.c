/* actors.c — reader for TABARI/PETRARCH-1 actor files (Phoenix.*.actors.txt,
 * PETR.Validate.actors.txt).  Records are
 *     PRIMARY_PHRASE [CODE]          # optional default code
 *     +SYNONYM_PHRASE                # any number
 *     <TAB>[CODE]                    # default code
 *     <TAB>[CODE <YYMMDD]            # before (inclusive)
 *     <TAB>[CODE >YYMMDD]            # after (inclusive)
 *     <TAB>[CODE YYMMDD-YYMMDD]      # interval (inclusive)
 * with 6-digit (00-30 -> 20YY) or 8-digit dates; '#' and ';' start comments and
 * "---STOP---" ends the file.  As in PETRARCH-1, consecutive primary lines with no code
 * between them form one record sharing the codes that follow.
 * Codes of a record are copied into the arena when the next
 * primary phrase (or the end of the file) closes it. */
#include "dict/dict_load.h"

#include <ctype.h>
#include <stdlib.h>

typedef struct actor_state {
    dict_ld *ld;
    ent_actor *cur;
    ent_actor_code *codes; size_t ncodes, cap;
} actor_state;

static void close_actor(actor_state *as) {
    if (!as->cur) return;
    if (as->ncodes) {
        ent_actor_code *c = ent_arena_alloc(&as->ld->d->arena, as->ncodes * sizeof *c);
        memcpy(c, as->codes, as->ncodes * sizeof *c);
        as->cur->codes = c;
    }
    as->cur->ncodes = (uint32_t)as->ncodes;
    if (!as->ncodes) {
        const char *save = as->ld->file;
        as->ld->file = as->cur->file;
        ent_dict_warn(as->ld, as->cur->line, "actor '%s' has no code (expected [CODE] on the line or on a following indented line)",
                  as->cur->root);
        as->ld->file = save;
    }
    as->ncodes = 0;
    as->cur = NULL;
}

/* One date with surrounding blanks trimmed; whole/wn is the bracket body for messages. */
static int parse_date_field(dict_ld *ld, long line, const char *s, size_t n, const char *whole, size_t wn,
                            int32_t *out) {
    while (n && ent_is_space((unsigned char)*s)) s++, n--;
    n = ent_dict_trim_len(s, n);
    int ok = 0;
    long v = ent_dict_parse_date(s, n, &ok);
    if (!ok) {
        ent_dict_err(ld, line, "malformed date '%.*s' in [%.*s] (expected YYMMDD or YYYYMMDD)", (int)n, s, (int)wn, whole);
        return 0;
    }
    *out = (int32_t)v;
    return 1;
}

/* Parse the inside of "[...]" on an actor line and append the code. */
static void parse_code(actor_state *as, const char *s, size_t n, long line) {
    dict_ld *ld = as->ld;
    while (n && ent_is_space((unsigned char)*s)) s++, n--;
    n = ent_dict_trim_len(s, n);
    const char *whole = s;
    int wn = (int)n;
    if (!n) { ent_dict_err(ld, line, "empty code '[]' (expected [CODE] or [CODE date-restriction])"); return; }
    size_t cl = 0;
    while (cl < n && !ent_is_space((unsigned char)s[cl])) cl++;
    ent_actor_code c = {0};
    c.code = ent_dict_upper(ld, s, cl);
    c.line = (uint32_t)line;
    const char *r = s + cl;
    size_t rn = n - cl;
    while (rn && ent_is_space((unsigned char)*r)) r++, rn--;
    if (!rn) {
        c.kind = ENT_DATE_ANY;
    } else if (*r == '<' || *r == '>') {
        c.kind = *r == '<' ? ENT_DATE_BEFORE : ENT_DATE_AFTER;
        int32_t v;
        if (!parse_date_field(ld, line, r + 1, rn - 1, whole, n, &v)) return;
        if (c.kind == ENT_DATE_BEFORE) c.to = v;
        else c.from = v;
    } else {
        const char *dash = memchr(r, '-', rn);
        if (!dash) {
            ent_dict_err(ld, line, "unexpected '%.*s' after the code in [%.*s] (expected <DATE, >DATE or DATE-DATE)",
                     (int)rn, r, wn, whole);
            return;
        }
        c.kind = ENT_DATE_RANGE;
        if (!parse_date_field(ld, line, r, (size_t)(dash - r), whole, n, &c.from)) return;
        if (!parse_date_field(ld, line, dash + 1, rn - (size_t)(dash - r) - 1, whole, n, &c.to)) return;
        if (c.to < c.from) {
            ent_dict_err(ld, line, "end date before start date in [%.*s]", wn, whole);
            return;
        }
    }
    if (c.kind != ENT_DATE_ANY) ld->d->nactor_dated++;
    ENT_GROW(as->codes, as->ncodes + 1, as->cap);
    as->codes[as->ncodes++] = c;
}

/* Find "[...]" in s; returns 1 with its body, 0 if absent, -1 (reported) if unclosed. */
static int bracket(dict_ld *ld, long line, const char *s, const char **body, size_t *n) {
    const char *br = strchr(s, '[');
    if (!br) return 0;
    const char *cl = strchr(br, ']');
    if (!cl) { ent_dict_err(ld, line, "missing ']' after code (expected [CODE])"); return -1; }
    *body = br + 1;
    *n = (size_t)(cl - br - 1);
    return 1;
}

/* A possessive inside an actor phrase ("PEOPLE'S_REPUBLIC_OF_CHINA", "KURDISTAN_WORKERS'_PARTY",
 * "LORD'S_RESISTANCE_ARMY") is its own token in text ("People 's", "Workers '"), and a
 * noun phrase's words leave it out ("THE PEOPLE REPUBLIC OF CHINA"): the phrase's word
 * drops its 'S or final ' likewise, so that the entry matches.  A word that is only an
 * apostrophe, or one with it inside ("D'IVOIRE", "O'NEILL"), is kept.  el's words are
 * the loader's own uppercased copies (ent_dict_tokens), cut in place. */
static void drop_possessive_endings(ent_pel *el, uint32_t ne) {
    for (uint32_t k = 0; k < ne; k++) {
        char *w = (char *)el[k].text;
        size_t l = strlen(w), cut = 0;
        if (l >= 3 && w[l - 2] == '\'' && w[l - 1] == 'S') cut = 2;
        else if (l >= 2 && w[l - 1] == '\'') cut = 1;
        if (!cut || !isalpha((unsigned char)w[l - cut - 1])) continue;
        w[l - cut] = 0;
        el[k].h = ent_word_hash_n(w, l - cut);
    }
}

static void add_phrase(actor_state *as, const char *s, size_t n, long line, int synonym) {
    dict_ld *ld = as->ld;
    ent_dicts *d = ld->d;
    ent_pel *el;
    uint32_t ne = ent_dict_tokens(ld, s, n, 0, &el, NULL, NULL);
    if (!ne) { ent_dict_err(ld, line, "empty actor phrase (expected WORDS_JOINED_BY_UNDERSCORES)"); return; }
    drop_possessive_endings(el, ne);
    if (d->nactor_phrases >= ld->cap_actor_phrases) { ent_dict_err(ld, line, "too many actor phrases"); return; }
    ent_actor_phrase *p = &d->actor_phrases[d->nactor_phrases++];
    p->phrase = (ent_phrase){el, ne};
    p->actor = as->cur;
    p->line = (uint32_t)line;
    p->synonym = (uint8_t)synonym;
}

void ent_dict_read_actors(dict_ld *ld, char *buf, size_t len) {
    ent_dicts *d = ld->d;
    actor_state as = {.ld = ld};
    dict_lines L;
    ent_dict_lines_init(&L, buf, len, ld);
    L.semicolon = 1;
    char *line;
    while ((line = ent_dict_next_line(&L))) {
        long ln = L.lineno;
        if (strstr(line, "---STOP---")) break;
        const char *body;
        size_t bn;
        if (ent_is_space((unsigned char)line[0])) {           /* code line */
            const char *s = ent_dict_skip_space(line);
            if (s[0] != '[') {
                ent_dict_err(ld, ln, "indented line without a code (expected [CODE] or [CODE date-restriction])");
                continue;
            }
            if (!as.cur) { ent_dict_err(ld, ln, "code line before any actor (expected a PHRASE line first)"); continue; }
            if (bracket(ld, ln, s, &body, &bn) == 1) parse_code(&as, body, bn, ln);
            continue;
        }
        if (line[0] == '+') {                                  /* synonym */
            if (!as.cur) { ent_dict_err(ld, ln, "synonym before any actor (expected a PHRASE line first)"); continue; }
            const char *br = strchr(line, '[');
            size_t n = br ? (size_t)(br - line - 1) : strlen(line + 1);
            add_phrase(&as, line + 1, n, ln, 1);
            if (br && bracket(ld, ln, line, &body, &bn) == 1) parse_code(&as, body, bn, ln);
            continue;
        }
        if (line[0] == '[') { ent_dict_err(ld, ln, "code without an actor phrase (indent code lines with a tab)"); continue; }
        const char *br = strchr(line, '[');
        size_t n = ent_dict_trim_len(line, br ? (size_t)(br - line) : strlen(line));
        if (as.cur && !as.ncodes) {
            /* TABARI/PETRARCH-1: primary phrases without codes share the codes that
             * follow them (several spellings listed before one code block) */
            if (br)
                ent_dict_warn(ld, as.cur->line, "actor '%s' has no code of its own; it shares the codes of '%.*s' (line %ld)",
                          as.cur->root, (int)n, line, ln);
            add_phrase(&as, line, n, ln, 0);
            if (br && bracket(ld, ln, line, &body, &bn) == 1) parse_code(&as, body, bn, ln);
            continue;
        }
        close_actor(&as);                                      /* primary phrase */
        if (d->nactors >= ld->cap_actors) { ent_dict_err(ld, ln, "too many actors"); continue; }
        ent_actor *a = &d->actors[d->nactors++];
        memset(a, 0, sizeof *a);
        a->root = ent_dict_upper(ld, line, n);
        a->file = ld->file;
        a->line = (uint32_t)ln;
        as.cur = a;
        add_phrase(&as, line, n, ln, 0);
        if (br && bracket(ld, ln, line, &body, &bn) == 1) parse_code(&as, body, bn, ln);
    }
    close_actor(&as);
    free(as.codes);
}

/* agents.c — reader for PETRARCH-1 agent files (Phoenix.agents.txt,
 * PETR.Validate.agents.txt):
 *     !PERSON! = MAN, MEN, WOMAN            substitution set
 *     PHRASE {PLURAL} [~CODE]               ~CODE: goes after the actor code
 *     PHRASE [CODE~]                        CODE~: goes before the actor code
 *     CONGRESS!PERSON! [~LEG]               one entry per set member, no plurals
 * Without {...} a regular plural is generated (Y -> IES, S -> +ES, else +S); an empty {}
 * means no plural.  A phrase of two or three words also stands for its one-word form with
 * hyphens (VICE_PRESIDENT: "Vice-President"), as titles are often written. */
#include "dict/dict_load.h"

#include <stdlib.h>

typedef struct subst_set { char *name; char **items; size_t n; } subst_set;

typedef struct agent_state {
    dict_ld *ld;
    subst_set *sets; size_t nsets, cap;
} agent_state;

/* The one-word form of a title written with hyphens ("Vice-President", "Attorney-General",
 * "Commander-in-Chief": one token in the text) of an agent phrase of two or three words of
 * letters (VICE_PRESIDENT, ATTORNEY_GENERAL, COMMANDER_IN_CHIEF) into out; 0 for any other
 * phrase. */
static int hyphen_form(const char *s, size_t n, ent_buf *out) {
    int words = 1;
    ent_buf_clear(out);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '_' || ch == ' ') {
            if (i == 0 || i + 1 == n || s[i - 1] == '_' || s[i - 1] == ' ') return 0;
            words++;
            ent_buf_putc(out, '-');
        } else if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
            ent_buf_putc(out, (char)ch);
        } else {
            return 0;
        }
    }
    return words >= 2 && words <= 3;
}

static void store_one(agent_state *as, const char *s, size_t n, const char *code, int before, int plural, int hyphened,
                      long line) {
    dict_ld *ld = as->ld;
    ent_dicts *d = ld->d;
    ent_pel *el;
    uint32_t ne = ent_dict_tokens(ld, s, n, 0, &el, NULL, NULL);
    if (!ne) { ent_dict_err(ld, line, "empty agent phrase (expected PHRASE [~CODE])"); return; }
    ENT_GROW(d->agents, d->nagents + 1, ld->cap_agents);
    ent_agent *a = &d->agents[d->nagents++];
    a->phrase = (ent_phrase){el, ne};
    a->code = code;
    a->before = (uint8_t)before;
    a->plural = (uint8_t)plural;
    a->hyphened = (uint8_t)hyphened;
    a->file = ld->file;
    a->line = (uint32_t)line;
}

/* Store the agent phrase s[0..n), and with it its one-word hyphened form (hyphen_form). */
static void store(agent_state *as, const char *s, size_t n, const char *code, int before, int plural, long line) {
    store_one(as, s, n, code, before, plural, 0, line);
    ent_buf h;
    ent_buf_init(&h);
    if (hyphen_form(s, ent_dict_trim_len(s, n), &h)) store_one(as, h.data, h.len, code, before, plural, 1, line);
    ent_buf_free(&h);
}

static void define_set(agent_state *as, const char *s, long line) {
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    const char *eq = b ? strchr(b, '=') : NULL;
    if (!a || !b || !eq || b == a + 1) {
        ent_dict_err(as->ld, line, "malformed substitution set (expected !NAME! = A, B, ...)");
        return;
    }
    subst_set st = {ent_xstrndup(a + 1, (size_t)(b - a - 1)), NULL, 0};
    ent_str_upper(st.name);
    size_t cap = 0;
    const char *p = eq + 1;
    for (;;) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        const char *q = p;
        while (n && ent_is_space((unsigned char)*q)) q++, n--;
        n = ent_dict_trim_len(q, n);
        if (n) {
            ENT_GROW(st.items, st.n + 1, cap);
            st.items[st.n] = ent_xstrndup(q, n);
            ent_str_upper(st.items[st.n++]);
        }
        if (!c) break;
        p = c + 1;
    }
    if (!st.n) ent_dict_warn(as->ld, line, "substitution set !%s! is empty", st.name);
    for (size_t i = 0; i < as->nsets; i++)
        if (strcmp(as->sets[i].name, st.name) == 0) {
            ent_dict_warn(as->ld, line, "substitution set !%s! redefined; the new definition is used", st.name);
            for (size_t k = 0; k < as->sets[i].n; k++) free(as->sets[i].items[k]);
            free(as->sets[i].items);
            free(as->sets[i].name);
            as->sets[i] = st;
            return;
        }
    ENT_GROW(as->sets, as->nsets + 1, as->cap);
    as->sets[as->nsets++] = st;
}

void ent_dict_read_agents(dict_ld *ld, char *buf, size_t len) {
    agent_state as = {.ld = ld};
    dict_lines L;
    ent_dict_lines_init(&L, buf, len, ld);
    char *line;
    while ((line = ent_dict_next_line(&L))) {
        long ln = L.lineno;
        const char *s = ent_dict_skip_space(line);
        if (strchr(s, '!') && strchr(s, '=')) { define_set(&as, s, ln); continue; }
        const char *br = strchr(s, '[');
        if (!br) { ent_dict_err(ld, ln, "agent without a code (expected PHRASE [~CODE] or PHRASE [CODE~])"); continue; }
        const char *cl = strchr(br, ']');
        if (!cl) { ent_dict_err(ld, ln, "missing ']' after agent code (expected [~CODE])"); continue; }
        const char *cs = br + 1;
        size_t cn = (size_t)(cl - cs);
        while (cn && ent_is_space((unsigned char)*cs)) cs++, cn--;
        cn = ent_dict_trim_len(cs, cn);
        int before = 0;
        if (cn && cs[0] == '~') cs++, cn--;
        else if (cn && cs[cn - 1] == '~') before = 1, cn--;
        else if (cn) ent_dict_warn(ld, ln, "agent code '%.*s' without '~' (treated as ~%.*s)", (int)cn, cs, (int)cn, cs);
        if (!cn || memchr(cs, ' ', cn)) { ent_dict_err(ld, ln, "malformed agent code '[%.*s]' (expected [~CODE] or [CODE~])", (int)(cl - br - 1), br + 1); continue; }
        const char *code = ent_dict_upper(ld, cs, cn);
        size_t pn = ent_dict_trim_len(s, (size_t)(br - s));
        const char *bang = memchr(s, '!', pn);
        if (bang) {
            const char *bang2 = memchr(bang + 1, '!', pn - (size_t)(bang - s) - 1);
            if (!bang2) { ent_dict_err(ld, ln, "substitution marker without closing '!' (expected !NAME!)"); continue; }
            size_t mn = (size_t)(bang2 - bang - 1);
            subst_set *set = NULL;
            for (size_t i = 0; i < as.nsets; i++)
                if (strlen(as.sets[i].name) == mn && strncasecmp(as.sets[i].name, bang + 1, mn) == 0) set = &as.sets[i];
            if (!set) { ent_dict_err(ld, ln, "unknown substitution set !%.*s! (define it first: !NAME! = A, B)", (int)mn, bang + 1); continue; }
            ld->d->nagent_lines++;
            for (size_t k = 0; k < set->n; k++) {
                ent_buf b;
                ent_buf_init(&b);
                ent_buf_append(&b, s, (size_t)(bang - s));
                ent_buf_puts(&b, set->items[k]);
                ent_buf_append(&b, bang2 + 1, pn - (size_t)(bang2 + 1 - s));
                store(&as, b.data, b.len, code, before, 0, ln);
                ent_buf_free(&b);
            }
            continue;
        }
        const char *ob = memchr(s, '{', pn);
        if (ob) {
            const char *cb = memchr(ob, '}', pn - (size_t)(ob - s));
            if (!cb) { ent_dict_err(ld, ln, "missing '}' after agent plural (expected PHRASE {PLURAL} [~CODE])"); continue; }
            ld->d->nagent_lines++;
            store(&as, s, (size_t)(ob - s), code, before, 0, ln);
            const char *ps = ob + 1;
            size_t psn = (size_t)(cb - ob - 1);
            while (psn && ent_is_space((unsigned char)*ps)) ps++, psn--;
            psn = ent_dict_trim_len(ps, psn);
            if (psn) store(&as, ps, psn, code, before, 1, ln);
            continue;
        }
        ld->d->nagent_lines++;
        store(&as, s, pn, code, before, 0, ln);
        size_t bn = pn;
        while (bn && s[bn - 1] == '_') bn--;
        if (!bn) continue;
        char *pl = ent_xmalloc(bn + 4);
        char last = ent_upper(s[bn - 1]);
        if (last == 'Y') snprintf(pl, bn + 4, "%.*sIES", (int)(bn - 1), s);
        else if (last == 'S') snprintf(pl, bn + 4, "%.*sES", (int)bn, s);
        else snprintf(pl, bn + 4, "%.*sS", (int)bn, s);
        store(&as, pl, strlen(pl), code, before, 1, ln);
        free(pl);
    }
    for (size_t i = 0; i < as.nsets; i++) {
        for (size_t k = 0; k < as.sets[i].n; k++) free(as.sets[i].items[k]);
        free(as.sets[i].items);
        free(as.sets[i].name);
    }
    free(as.sets);
}

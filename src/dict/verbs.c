/* verbs.c — reader for PETRARCH-1/TABARI verb pattern files (CAMEO.verbpatterns.*,
 * PETR.Validate.verbs.txt): synsets (&NAME + members), verb blocks `--- NAME [code] ---`,
 * verb lines (single or multi-word with '+', own code, irregular forms in {...}) with
 * their generated regular forms, and patterns `- UPPER * LOWER [code] # comment`.
 *
 * The PETRARCH-2 layout of the same format (CAMEO.2.0.txt) is read too: its patterns
 * group words into a prepositional phrase "(TO {BANNED PARTIES})" and a noun phrase
 * "{MODIFIER HEAD}"; these become the same words in the same order with other words
 * allowed between them, as a PETRARCH-1 pattern (petr2_pattern).  "[:173]" codes only
 * the event from target to source (ent_pattern.reversed); commas between irregular forms
 * are separators; its "~ a (a b X) SAY = a b CODE" transformations are not patterns and
 * are each reported and skipped.
 *
 * Regular forms follow PETRARCH-1 (PETRreader.make_verb_forms): 3rd person +ES after
 * S/X/Z else +S; root ending in E: +D and E->ING; otherwise +ED and +ING.  A verb with
 * {...} gets exactly the listed forms plus its base.  Multi-word verbs use the same rule
 * on the '+'-marked word.  Synset members get a plural of their last word (Y->IES, else +S,
 * S->+ES) unless the synset name or the member ends in '_'. */
#include "dict/dict_load.h"

#include <stdlib.h>

typedef struct verb_state {
    dict_ld *ld;
    long block;                 /* index of the current block, -1 before the first */
    ent_synset *syn;            /* synset whose members are being read, or NULL */
    int syn_noplural;
    ent_phrase *mem; size_t nmem, capmem;  /* members of the current synset */
} verb_state;

/* Regular forms of root (uppercase): 3 forms written to out (malloc'ed strings). */
static void regular_forms(const char *root, char *out[3]) {
    size_t n = strlen(root);
    char last = n ? root[n - 1] : 0;
    out[0] = ent_xmalloc(n + 4);
    out[1] = ent_xmalloc(n + 4);
    out[2] = ent_xmalloc(n + 4);
    snprintf(out[0], n + 4, "%s%s", root, (last == 'S' || last == 'X' || last == 'Z') ? "ES" : "S");
    if (last == 'E') {
        snprintf(out[1], n + 4, "%sD", root);
        snprintf(out[2], n + 4, "%.*sING", (int)(n - 1), root);
    } else {
        snprintf(out[1], n + 4, "%sED", root);
        snprintf(out[2], n + 4, "%sING", root);
    }
}

static int same_words(const char *const *a, const char *const *b, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(a[i], b[i]) != 0) return 0;
    return 1;
}

/* Add one form entry (words already uppercase, copied here).  Entries for the same form
 * are chained with more context words first; among equals the later definition comes
 * first (PETRARCH-1 lets a later definition of the same form win). */
static void add_form(dict_ld *ld, const char *form, const ent_verb *v,
                     const char *const *before, uint32_t nb, const char *const *after, uint32_t na) {
    ent_dicts *d = ld->d;
    int created = 0;
    void **slot = ent_strmap_slot(&d->verb_map, form, strlen(form), &created);
    for (const ent_verb_form *f = *slot; f; f = f->next)
        if (f->verb == v && f->nbefore == nb && f->nafter == na && same_words(f->before, before, nb) &&
            same_words(f->after, after, na))
            return;                                    /* same entry generated twice */
    ent_verb_form *f = ent_arena_alloc(&d->arena, sizeof *f);
    f->form = ent_strmap_key(&d->verb_map, form, strlen(form));
    f->verb = v;
    f->nbefore = nb;
    f->nafter = na;
    f->before = NULL;
    f->after = NULL;
    if (nb) {
        const char **b = ent_arena_alloc(&d->arena, nb * sizeof *b);
        for (uint32_t i = 0; i < nb; i++) b[i] = ent_arena_strdup(&d->arena, before[i]);
        f->before = b;
    }
    if (na) {
        const char **a = ent_arena_alloc(&d->arena, na * sizeof *a);
        for (uint32_t i = 0; i < na; i++) a[i] = ent_arena_strdup(&d->arena, after[i]);
        f->after = a;
    }
    const ent_verb_form **pp = (const ent_verb_form **)slot;
    while (*pp && (*pp)->nbefore + (*pp)->nafter > nb + na) pp = (const ent_verb_form **)&(*pp)->next;
    f->next = *pp;
    *pp = f;
    d->nforms++;
}

/* Store a multi-word phrase like "RE_+ADMITS" (uppercase).  Returns 0 if it has no '+'
 * (or several, or more than 64 words). */
static int add_multi_form(dict_ld *ld, const ent_verb *v, const char *phrase) {
    char *tmp = ent_xstrdup(phrase);
    const char *w[64];
    uint32_t nw = 0;
    int verb_at = -1;
    char *save = NULL;
    for (char *t = strtok_r(tmp, "_ \t", &save); t; t = strtok_r(NULL, "_ \t", &save)) {
        if (nw == 64) { free(tmp); return 0; }        /* absurdly long: reported by the caller */
        if (t[0] == '+') {
            if (verb_at >= 0 || !t[1]) { free(tmp); return 0; }
            verb_at = (int)nw;
            t++;
        }
        w[nw++] = t;
    }
    if (verb_at < 0) { free(tmp); return 0; }
    add_form(ld, w[verb_at], v, w, (uint32_t)verb_at, w + verb_at + 1, nw - (uint32_t)verb_at - 1);
    free(tmp);
    return 1;
}

/* Replace the '+'-marked word of a multi-word phrase by its regular forms. */
static void add_multi_regular(dict_ld *ld, const ent_verb *v, const char *phrase) {
    const char *plus = strchr(phrase, '+');
    size_t st = (size_t)(plus - phrase) + 1, en = st;
    while (phrase[en] && phrase[en] != '_' && phrase[en] != ' ') en++;
    char *root = ent_xstrndup(phrase + st, en - st);
    char *forms[3];
    regular_forms(root, forms);
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(phrase) + strlen(forms[k]) + 1;
        char *p = ent_xmalloc(n);
        snprintf(p, n, "%.*s%s%s", (int)st, phrase, forms[k], phrase + en);
        add_multi_form(ld, v, p);
        free(p);
        free(forms[k]);
    }
    free(root);
}

static void end_synset(verb_state *vs) {
    if (!vs->syn) return;
    ent_synset *s = vs->syn;
    if (vs->nmem) {
        ent_phrase *m = ent_arena_alloc(&vs->ld->d->arena, vs->nmem * sizeof *m);
        memcpy(m, vs->mem, vs->nmem * sizeof *m);
        s->members = m;
    }
    s->nmembers = (uint32_t)vs->nmem;
    vs->nmem = 0;
    vs->syn = NULL;
}

static void read_synset_def(verb_state *vs, const char *s, long line) {
    dict_ld *ld = vs->ld;
    ent_dicts *d = ld->d;
    size_t n = 0;
    while (s[n] && !ent_is_space((unsigned char)s[n])) n++;
    if (*ent_dict_skip_space(s + n)) ent_dict_warn(ld, line, "text after synset name '%.*s' ignored", (int)n, s);
    int noplural = n > 1 && s[n - 1] == '_';
    if (noplural) n--;
    if (n < 2) { ent_dict_err(ld, line, "empty synset name (expected &NAME)"); return; }
    if (d->nsynsets >= ld->cap_synsets) { ent_dict_err(ld, line, "too many synsets"); return; }
    char *name = ent_dict_upper(ld, s, n);
    int created = 0;
    void **slot = ent_strmap_slot(&d->synset_map, name, n, &created);
    if (!created) {
        const ent_synset *old = *slot;
        ent_dict_warn(ld, line, "synset %s redefined (first defined at line %u); the new definition is used",
                  name, (unsigned)old->line);
    }
    ent_synset *syn = &d->synsets[d->nsynsets++];
    memset(syn, 0, sizeof *syn);
    syn->name = name;
    syn->line = (uint32_t)line;
    syn->file = ld->file;
    *slot = syn;
    vs->syn = syn;
    vs->syn_noplural = noplural;
}

static void read_synset_member(verb_state *vs, const char *s, long line) {
    dict_ld *ld = vs->ld;
    size_t n = strlen(s);
    n = ent_dict_trim_len(s, n);
    if (!n) { ent_dict_err(ld, line, "empty synset member (expected +WORDS)"); return; }
    int noplural = vs->syn_noplural || s[n - 1] == '_';
    ent_pel *el;
    uint32_t ne = ent_dict_tokens(ld, s, n, 2, &el, NULL, NULL);
    if (!ne) { ent_dict_err(ld, line, "empty synset member (expected +WORDS)"); return; }
    ENT_GROW(vs->mem, vs->nmem + 2, vs->capmem);
    vs->mem[vs->nmem++] = (ent_phrase){el, ne};
    if (noplural || el[ne - 1].kind != ENT_PEL_WORD) return;
    /* plural of the last word */
    ent_pel *pl = ent_arena_alloc(&ld->d->arena, ne * sizeof *pl);
    memcpy(pl, el, ne * sizeof *pl);
    const char *w = el[ne - 1].text;
    size_t wl = strlen(w);
    char *p = ent_arena_alloc(&ld->d->arena, wl + 4);
    if (wl > 1 && w[wl - 1] == 'Y') snprintf(p, wl + 4, "%.*sIES", (int)(wl - 1), w);
    else if (w[wl - 1] == 'S') snprintf(p, wl + 4, "%sES", w);
    else snprintf(p, wl + 4, "%sS", w);
    pl[ne - 1].text = p;
    pl[ne - 1].h = ent_word_hash(p);
    vs->mem[vs->nmem++] = (ent_phrase){pl, ne};
}

/* A bracketed code [s, s+n) (without the brackets) of a block, verb or pattern: "057",
 * "013:012", or PETRARCH-2's "[:110]" (only the event from target to source: *reversed
 * set, the code in *code).  0 on error (reported). */
static int verb_code(dict_ld *ld, long line, const char *s, size_t n, const char **code, const char **code2,
                     uint8_t *reversed) {
    while (n && ent_is_space((unsigned char)*s)) s++, n--;
    *reversed = n > 1 && *s == ':';
    if (*reversed) {
        *code2 = NULL;
        return ent_dict_code(ld, line, s + 1, n - 1, code, NULL);
    }
    return ent_dict_code(ld, line, s, n, code, code2);
}

static void read_block(verb_state *vs, const char *s, long line) {
    dict_ld *ld = vs->ld;
    ent_dicts *d = ld->d;
    const char *p = s + 3;
    const char *br = strchr(p, '[');
    const char *end = p + strlen(p);
    const char *code = "---", *code2 = NULL;
    uint8_t reversed = 0;
    const char *name_end = br ? br : end;
    if (!br) {                                       /* "--- NAME ---" */
        size_t n = ent_dict_trim_len(p, (size_t)(end - p));
        while (n && p[n - 1] == '-') n--;
        name_end = p + n;
    } else {
        const char *cl = strchr(br, ']');
        if (!cl) {
            ent_dict_err(ld, line, "missing ']' in block header (expected --- NAME [CODE] ---)");
            code = "---";
        } else if (!verb_code(ld, line, br + 1, (size_t)(cl - br - 1), &code, &code2, &reversed)) {
            code = "---";
            code2 = NULL;
            reversed = 0;
        }
    }
    const char *ns = ent_dict_skip_space(p);
    size_t nl = ns < name_end ? ent_dict_trim_len(ns, (size_t)(name_end - ns)) : 0;
    if (d->nblocks >= ld->cap_blocks) { ent_dict_err(ld, line, "too many verb blocks"); return; }
    ent_verb_block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    b->name = ent_dict_upper(ld, ns, nl);
    b->code = code;
    b->code2 = code2;
    b->reversed = reversed;
    b->file = ld->file;
    b->line = (uint32_t)line;
    vs->block = (long)d->nblocks++;
}

/* Is the pattern text [s, s+n) in the PETRARCH-2 layout: a "(" or a "{...}" group that
 * is not a TABARI disjunction (which separates its alternatives with '|')? */
static int petr2_pattern(const char *s, size_t n) {
    if (memchr(s, '|', n)) return 0;
    return memchr(s, '(', n) || memchr(s, ')', n) || memchr(s, '{', n) || memchr(s, '}', n);
}

static void read_pattern(verb_state *vs, const char *s, long line, const char *comment) {
    dict_ld *ld = vs->ld;
    ent_dicts *d = ld->d;
    if (vs->block < 0) { ent_dict_err(ld, line, "pattern before the first verb block (expected --- NAME [CODE] ---)"); return; }
    const char *br = strchr(s, '[');
    if (!br) { ent_dict_err(ld, line, "pattern without a code (expected - WORDS * WORDS [CODE])"); return; }
    const char *cl = strchr(br, ']');
    if (!cl) { ent_dict_err(ld, line, "missing ']' after pattern code (expected [CODE])"); return; }
    size_t tl = ent_dict_trim_len(s, (size_t)(br - s));
    int petr2 = petr2_pattern(s, tl);
    if (!petr2 && memchr(s, '{', tl)) {
        d->patterns_skipped++;
        ent_dict_warn(ld, line, "TABARI disjunction {...} in pattern is not supported; pattern skipped");
        return;
    }
    /* "_ " is an open match in TABARI and means ' ' here; a final '_' is dropped */
    char *t = ent_xstrndup(s + 1, tl - 1);
    if (petr2)   /* PETRARCH-2 phrase groups: their words, in order, gaps allowed */
        for (char *u = t; *u; u++)
            if (*u == '(' || *u == ')' || *u == '{' || *u == '}') *u = ' ';
    for (char *u; (u = strstr(t, "_ "));) *u = ' ';
    size_t n = strlen(t);
    while (n && t[n - 1] == '_') t[--n] = 0;
    char *star = strchr(t, '*');
    if (!star) {
        ent_dict_err(ld, line, "pattern without '*' (expected - WORDS * WORDS [CODE])");
        free(t);
        return;
    }
    if (strchr(star + 1, '*')) {
        ent_dict_err(ld, line, "pattern with more than one '*' (expected one verb position)");
        free(t);
        return;
    }
    const char *code, *code2;
    uint8_t reversed;
    if (!verb_code(ld, line, br + 1, (size_t)(cl - br - 1), &code, &code2, &reversed)) { free(t); return; }
    if (d->npatterns >= ld->cap_patterns) { ent_dict_err(ld, line, "too many patterns"); free(t); return; }
    ent_pattern *p = &d->patterns[d->npatterns];
    memset(p, 0, sizeof *p);
    ent_pel *up, *lo;
    int gb, ga;
    p->nupper = ent_dict_tokens(ld, t, (size_t)(star - t), 1, &up, &gb, &ga);
    /* upper gaps: connector after each element, toward the verb */
    for (uint32_t k = 0; k < p->nupper; k++) up[k].gap = (k + 1 < p->nupper) ? up[k + 1].gap : (uint8_t)ga;
    p->nlower = ent_dict_tokens(ld, star + 1, strlen(star + 1), 1, &lo, &gb, NULL);
    if (p->nlower) lo[0].gap = (uint8_t)gb;
    p->upper = up;
    p->lower = lo;
    p->block = &d->blocks[vs->block];
    p->code = code;
    p->code2 = code2;
    p->reversed = reversed;
    p->text = ent_arena_strndup(&d->arena, s, tl);
    size_t cn = ent_dict_trim_len(comment, strlen(comment));
    p->comment = cn ? ent_arena_strndup(&d->arena, comment, cn) : "";
    p->file = ld->file;
    p->line = (uint32_t)line;
    ent_verb_block *b = &d->blocks[vs->block];
    if (!b->npatterns) b->patterns = p;
    b->npatterns++;
    d->npatterns++;
    free(t);
}

static void read_verb(verb_state *vs, const char *s, long line) {
    dict_ld *ld = vs->ld;
    ent_dicts *d = ld->d;
    if (vs->block < 0) { ent_dict_err(ld, line, "verb before the first verb block (expected --- NAME [CODE] ---)"); return; }
    ent_verb_block *b = &d->blocks[vs->block];
    const char *code = b->code, *code2 = b->code2;
    uint8_t reversed = b->reversed;
    size_t tl = strlen(s);
    const char *br = strchr(s, '[');
    if (br) {
        const char *cl = strchr(br, ']');
        if (!cl) { ent_dict_err(ld, line, "missing ']' after verb code (expected VERB [CODE])"); return; }
        if (!verb_code(ld, line, br + 1, (size_t)(cl - br - 1), &code, &code2, &reversed)) return;
        tl = (size_t)(br - s);
    }
    const char *ob = memchr(s, '{', tl);
    const char *forms = NULL;
    size_t nforms = 0, bl = tl;
    if (ob) {
        const char *cb = memchr(ob, '}', tl - (size_t)(ob - s));
        if (!cb) { ent_dict_err(ld, line, "missing '}' after irregular verb forms (expected VERB {FORMS})"); return; }
        forms = ob + 1;
        nforms = (size_t)(cb - ob - 1);
        bl = (size_t)(ob - s);
    }
    bl = ent_dict_trim_len(s, bl);
    if (!bl) { ent_dict_err(ld, line, "missing verb before '{' (expected VERB {FORMS})"); return; }
    char *base = ent_dict_upper(ld, s, bl);
    int multi = strchr(base, '_') != NULL;
    if (!multi) {
        char *sp = base;
        while (*sp && !ent_is_space((unsigned char)*sp)) sp++;
        if (*sp) {
            ent_dict_warn(ld, line, "verb '%s' has several words; only '%.*s' is used (join multi-word verbs with '_' and mark the verb with '+')",
                      base, (int)(sp - base), base);
            *sp = 0;
        }
        if (base[0] == '+') base++;                  /* "+SYNONYM" line */
        if (!*base) { ent_dict_err(ld, line, "empty verb (expected VERB)"); return; }
    } else {
        int plus = 0;
        for (const char *c = base; *c; c++) plus += *c == '+';
        const char *pl = strchr(base, '+');
        if (plus != 1 || !pl[1] || pl[1] == '_' || (pl > base && pl[-1] != '_')) {
            ent_dict_err(ld, line, "multi-word verb '%s' needs one '+' before the verb word (expected e.g. CORDON_+OFF)", base);
            return;
        }
    }
    if (d->nverbs >= ld->cap_verbs) { ent_dict_err(ld, line, "too many verbs"); return; }
    ent_verb *v = &d->verbs[d->nverbs++];
    memset(v, 0, sizeof *v);
    v->block = b;
    v->text = base;
    v->code = code;
    v->code2 = code2;
    v->reversed = reversed;
    v->line = (uint32_t)line;
    v->multiword = (uint8_t)multi;
    v->irregular = forms != NULL;
    if (!b->nverbs) b->verbs = v;
    b->nverbs++;

    if (multi) {
        if (!add_multi_form(ld, v, base)) {
            ent_dict_err(ld, line, "multi-word verb '%s' has more than 64 words", base);
            return;
        }
        if (forms) {
            char *f = ent_dict_upper(ld, forms, nforms);
            char *save = NULL;
            for (char *w = strtok_r(f, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save))
                if (!add_multi_form(ld, v, w))
                    ent_dict_warn(ld, line, "form '%s' of multi-word verb '%s' has no '+' marking the verb word; form skipped", w, base);
        } else {
            add_multi_regular(ld, v, base);
        }
        return;
    }
    add_form(ld, base, v, NULL, 0, NULL, 0);
    if (forms) {
        char *f = ent_dict_upper(ld, forms, nforms);
        int any = 0;
        char *save = NULL;
        for (char *w = strtok_r(f, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save)) {
            add_form(ld, w, v, NULL, 0, NULL, 0);
            any = 1;
        }
        if (!any) ent_dict_warn(ld, line, "empty irregular forms {} for verb '%s': only the base form is used", base);
    } else {
        char *rf[3];
        regular_forms(base, rf);
        for (int k = 0; k < 3; k++) { add_form(ld, rf[k], v, NULL, 0, NULL, 0); free(rf[k]); }
    }
}

/* "=VERB": the current block holds more patterns for VERB, a verb of an earlier block
 * (resolved in ent_dict_finish_verbs); such a block has no verbs of its own. */
static void read_more_for(verb_state *vs, const char *s, long line) {
    dict_ld *ld = vs->ld;
    ent_dicts *d = ld->d;
    if (vs->block < 0) { ent_dict_err(ld, line, "'=VERB' before the first verb block (expected --- NAME [CODE] ---)"); return; }
    ent_verb_block *b = &d->blocks[vs->block];
    size_t n = ent_dict_trim_len(s, strlen(s));
    if (!n || b->more_for || b->nverbs) {
        ent_dict_err(ld, line, "'=VERB' must name one verb, alone in its block (expected =VERB before the block's patterns)");
        return;
    }
    b->more_for = ent_dict_upper(ld, s, n);
}

void ent_dict_read_verbs(dict_ld *ld, char *buf, size_t len) {
    verb_state vs = {.ld = ld, .block = -1};
    dict_lines L;
    ent_dict_lines_init(&L, buf, len, ld);
    char *line;
    while ((line = ent_dict_next_line(&L))) {
        const char *s = ent_dict_skip_space(line);
        if (vs.syn && s[0] == '+') { read_synset_member(&vs, s + 1, L.lineno); continue; }
        end_synset(&vs);
        if (strncmp(s, "---", 3) == 0) read_block(&vs, s, L.lineno);
        else if (s[0] == '-') read_pattern(&vs, s, L.lineno, L.comment);
        else if (s[0] == '~') {
            /* PETRARCH-2 transformation "~ a (a b ATTACK) SAY = a b 015": a rewrite of the
             * event coded in a reported clause, not a verb pattern */
            ld->d->patterns_skipped++;
            ent_dict_warn(ld, L.lineno, "PETRARCH-2 transformation '%s' cannot be expressed as a verb pattern (it "
                      "rewrites the event of a reported clause; entente's coder keeps the reported event); skipped",
                      s);
        }
        else if (s[0] == '&') read_synset_def(&vs, s, L.lineno);
        else if (s[0] == '=') read_more_for(&vs, s + 1, L.lineno);
        else read_verb(&vs, s, L.lineno);
    }
    end_synset(&vs);
    free(vs.mem);
}

/* Resolve an element's synset; report unknown names. */
static void resolve(dict_ld *ld, ent_pel *e, const char *file, uint32_t line) {
    if (e->kind != ENT_PEL_SYNSET) return;
    e->synset = ent_dict_synset(ld->d, e->text);
    if (!e->synset) {
        const char *save = ld->file;
        ld->file = file;
        ent_dict_err(ld, line, "unknown synset %s", e->text);
        ld->file = save;
    }
}

/* The verb of block b that a pattern comment names: its first token ("SUMMON" in
 * "SUMMON <OY 13 Mar 2006>", "CALLED_ON", "+CALL_UP"), compared with the block's verb
 * texts and their forms.  The CAMEO verb files record there the verb each pattern was
 * written for.  NULL when the comment names no verb of the block. */
static const ent_verb *comment_verb(const ent_dicts *d, const ent_verb_block *b, const char *comment) {
    char tok[64];
    size_t n = 0;
    const char *c = comment;
    if (*c == '+') c++;
    while (*c && !ent_is_space((unsigned char)*c) && *c != '<' && *c != ',' && n + 1 < sizeof tok) {
        char ch = *c++;
        if (ch != '+') tok[n++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    tok[n] = 0;
    if (!n) return NULL;
    for (uint32_t i = 0; i < b->nverbs; i++) {
        const char *t = b->verbs[i].text;
        size_t k = 0;
        for (; *t; t++) {
            if (*t == '+') continue;
            if (k >= n || *t != tok[k]) break;
            k++;
        }
        if (!*t && k == n) return &b->verbs[i];
    }
    /* a form ("CALLED_ON", "SIGNED"): its first word, and the next one if any */
    char *us = strchr(tok, '_');
    if (us) *us = 0;
    const char *next = us ? us + 1 : NULL;
    for (const ent_verb_form *f = ent_dict_verb_forms(d, tok); f; f = f->next) {
        if (f->verb->block != b) continue;
        if (next ? (f->nafter >= 1 && !strncmp(f->after[0], next, strcspn(next, "_")) &&
                    f->after[0][strcspn(next, "_")] == 0)
                 : f->nafter == 0)
            return f->verb;
    }
    return NULL;
}

/* The verbs of block b that a pattern's comment names: the first word of each of its
 * comma-separated parts ("INITIATE <OY 10 Jul 2007>  , LAUNCH <JON 2/22/96>": INITIATE and
 * LAUNCH; commas inside <...> do not separate).  Sets p->written_for (arena array) and
 * p->nwritten_for; NULL / 0 when the comment names no verb of the block. */
static void comment_verbs(ent_dicts *d, ent_pattern *p) {
    const ent_verb *v[16];
    uint32_t n = 0;
    p->written_for = NULL;
    p->nwritten_for = 0;
    if (!p->comment || !*p->comment) return;
    const char *c = p->comment;
    while (*c && n < 16) {
        while (ent_is_space((unsigned char)*c) || *c == ',') c++;
        if (!*c) break;
        const ent_verb *vb = comment_verb(d, p->block, c);
        int dup = 0;
        for (uint32_t i = 0; i < n && vb; i++) dup |= v[i] == vb;
        if (vb && !dup) v[n++] = vb;
        int in_angle = 0;   /* to the next comma outside <...> */
        for (; *c && (in_angle || *c != ','); c++) {
            if (*c == '<') in_angle = 1;
            else if (*c == '>') in_angle = 0;
        }
    }
    if (!n) return;
    const ent_verb **a = ent_arena_alloc(&d->arena, n * sizeof *a);
    memcpy(a, v, n * sizeof *a);
    p->written_for = a;
    p->nwritten_for = n;
}

/* Attach each "=VERB" block to the verb of that text in an earlier block (its base form
 * entry, nothing before or after it); a name no earlier block defines is reported. */
static void resolve_more(dict_ld *ld) {
    ent_dicts *d = ld->d;
    for (size_t i = 0; i < d->nblocks; i++) {
        const ent_verb_block *b = &d->blocks[i];
        if (!b->more_for) continue;
        const char *word = b->more_for;
        ent_verb *v = NULL;
        if (!strchr(word, '_')) {   /* a one-word verb: its base form's entries */
            for (const ent_verb_form *f = ent_dict_verb_forms(d, word); f && !v; f = f->next)
                if (f->verb->block < b && !f->nbefore && !f->nafter && !strcmp(f->verb->text, word))
                    v = (ent_verb *)f->verb;
        } else {                    /* a multi-word verb ("+CALL_UP"): by its text */
            for (size_t k = 0; k < d->nverbs && !v; k++)
                if (d->verbs[k].block < b && !strcmp(d->verbs[k].text, word)) v = &d->verbs[k];
        }
        if (!v) {
            const char *save = ld->file;
            ld->file = b->file;
            ent_dict_warn(ld, b->line, "'=%s': no earlier block defines this verb; its patterns are not used", word);
            ld->file = save;
            continue;
        }
        if (!v->more) v->more = b;
    }
}

void ent_dict_finish_verbs(dict_ld *ld) {
    ent_dicts *d = ld->d;
    resolve_more(ld);
    for (size_t i = 0; i < d->npatterns; i++) comment_verbs(d, &d->patterns[i]);
    for (size_t i = 0; i < d->npatterns; i++) {
        ent_pattern *p = &d->patterns[i];
        for (uint32_t k = 0; k < p->nupper; k++) resolve(ld, (ent_pel *)&p->upper[k], p->file, p->line);
        for (uint32_t k = 0; k < p->nlower; k++) resolve(ld, (ent_pel *)&p->lower[k], p->file, p->line);
    }
    for (size_t i = 0; i < d->nsynsets; i++) {
        ent_synset *s = &d->synsets[i];
        for (uint32_t m = 0; m < s->nmembers; m++)
            for (uint32_t k = 0; k < s->members[m].n; k++)
                resolve(ld, (ent_pel *)&s->members[m].el[k], s->file, s->line);
    }
}

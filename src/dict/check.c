/* check.c — ent_dicts_check: lint a loaded dictionary set (duplicates, conflicting codes,
 * patterns that can never match, verb forms claimed by several blocks, synonym sets that
 * contain themselves, overlapping dated actor codes, overlapping terms of one office,
 * countries without a demonym, verbs without a pattern for the objects news commonly
 * gives them).  Reads the set only; findings go to an ent_diag. */
#include "dict/dict.h"
#include "dict/demonym.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct lint {
    ent_diag *diag;
    size_t errors;
} lint;

static void finding(lint *l, ent_severity sev, const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void finding(lint *l, ent_severity sev, const char *file, uint32_t line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (sev == ENT_ERROR) l->errors++;
    ent_diag_vadd(l->diag, sev, file, (long)line, fmt, ap);
    va_end(ap);
}

/* "W1 W2 ..." of a phrase into b (cleared first). */
static void phrase_key(ent_buf *b, const ent_phrase *p) {
    ent_buf_clear(b);
    for (uint32_t k = 0; k < p->n; k++) {
        if (k) ent_buf_putc(b, ' ');
        ent_buf_puts(b, p->el[k].text);
    }
}

static void actor_codes_key(ent_buf *b, const ent_actor *a) {
    ent_buf_clear(b);
    for (uint32_t k = 0; a && k < a->ncodes; k++)
        ent_buf_printf(b, "%s/%d/%d/%d;", a->codes[k].code, a->codes[k].kind, (int)a->codes[k].from, (int)a->codes[k].to);
}

/* Human-readable code list of an actor: "KHMGOV 20030101-20040531, KHMELI". */
static void describe_codes(ent_buf *b, const ent_actor *a) {
    ent_buf_clear(b);
    ent_buf_puts(b, "");
    for (uint32_t k = 0; k < a->ncodes && k < 4; k++) {
        const ent_actor_code *c = &a->codes[k];
        if (k) ent_buf_puts(b, ", ");
        if (k == 3) { ent_buf_printf(b, "... (%u codes)", (unsigned)a->ncodes); break; }
        ent_buf_puts(b, c->code);
        if (c->kind == ENT_DATE_BEFORE) ent_buf_printf(b, " <%d", (int)c->to);
        else if (c->kind == ENT_DATE_AFTER) ent_buf_printf(b, " >%d", (int)c->from);
        else if (c->kind == ENT_DATE_RANGE) ent_buf_printf(b, " %d-%d", (int)c->from, (int)c->to);
    }
}

static void check_actors(lint *l, const ent_dicts *d) {
    ent_strmap seen;
    ent_strmap_init(&seen);
    ent_buf key, ca, cb;
    ent_buf_init(&key); ent_buf_init(&ca); ent_buf_init(&cb);
    for (size_t i = 0; i < d->nactor_phrases; i++) {
        const ent_actor_phrase *p = &d->actor_phrases[i];
        phrase_key(&key, &p->phrase);
        int created = 0;
        void **slot = ent_strmap_slot(&seen, key.data, key.len, &created);
        if (created) { *slot = (void *)p; continue; }
        const ent_actor_phrase *q = *slot;
        if (q->actor == p->actor) {
            finding(l, ENT_WARNING, p->actor->file, p->line, "duplicate actor phrase '%s' (also at line %u)", key.data, (unsigned)q->line);
            continue;
        }
        actor_codes_key(&ca, q->actor);
        actor_codes_key(&cb, p->actor);
        if (strcmp(ca.data ? ca.data : "", cb.data ? cb.data : "") == 0)
            finding(l, ENT_WARNING, p->actor->file, p->line, "duplicate actor phrase '%s' (same codes at %s:%u)", key.data,
                    q->actor->file, (unsigned)q->line);
        else {
            describe_codes(&ca, q->actor);
            describe_codes(&cb, p->actor);
            finding(l, ENT_ERROR, p->actor->file, p->line,
                    "conflicting codes for actor phrase '%s': [%s] here, [%s] at %s:%u (the first entry wins)",
                    key.data, cb.data, ca.data, q->actor->file, (unsigned)q->line);
        }
    }
    /* overlapping dated codes with different codes inside one record */
    for (size_t i = 0; i < d->nactors; i++) {
        const ent_actor *a = &d->actors[i];
        for (uint32_t x = 0; x < a->ncodes; x++) {
            const ent_actor_code *c1 = &a->codes[x];
            if (c1->kind != ENT_DATE_RANGE) continue;
            for (uint32_t y = x + 1; y < a->ncodes; y++) {
                const ent_actor_code *c2 = &a->codes[y];
                if (c2->kind != ENT_DATE_RANGE) continue;
                if (strcmp(c1->code, c2->code) == 0) {
                    if (c1->from < c2->to && c2->from < c1->to)   /* a shared hand-over day is fine */
                        finding(l, ENT_WARNING, a->file, c2->line,
                                "overlapping dated roles for one office: %s %d-%d overlaps %d-%d (line %u); merge the terms",
                                c2->code, (int)c2->from, (int)c2->to, (int)c1->from, (int)c1->to, (unsigned)c1->line);
                    continue;
                }
                if (c1->from < c2->to && c2->from < c1->to)
                    finding(l, ENT_WARNING, a->file, c2->line,
                            "date range %d-%d of %s overlaps %d-%d of %s (line %u); the first listed wins",
                            (int)c2->from, (int)c2->to, c2->code, (int)c1->from, (int)c1->to, c1->code,
                            (unsigned)c1->line);
            }
        }
    }
    ent_buf_free(&key); ent_buf_free(&ca); ent_buf_free(&cb);
    ent_strmap_free(&seen);
}

static void check_agents(lint *l, const ent_dicts *d) {
    ent_strmap seen;
    ent_strmap_init(&seen);
    ent_buf key;
    ent_buf_init(&key);
    uint32_t last_line = 0;
    const char *last_file = NULL;
    for (size_t i = 0; i < d->nagents; i++) {
        const ent_agent *a = &d->agents[i];
        if (a->hyphened) continue;   /* made at load from a phrase checked here */
        phrase_key(&key, &a->phrase);
        int created = 0;
        void **slot = ent_strmap_slot(&seen, key.data, key.len, &created);
        if (created) { *slot = (void *)a; continue; }
        const ent_agent *b = *slot;
        if (b->line == a->line && b->file == a->file) continue;   /* plural equal to another form */
        if (a->line == last_line && a->file == last_file) continue; /* plural of a reported line */
        last_line = a->line;
        last_file = a->file;
        if (strcmp(a->code, b->code) == 0 && a->before == b->before)
            finding(l, ENT_WARNING, a->file, a->line, "duplicate agent phrase '%s' (also at line %u)", key.data, (unsigned)b->line);
        else
            finding(l, ENT_ERROR, a->file, a->line, "conflicting codes for agent phrase '%s': %s%s%s here, %s%s%s at line %u",
                    key.data, a->before ? "" : "~", a->code, a->before ? "~" : "", b->before ? "" : "~", b->code,
                    b->before ? "~" : "", (unsigned)b->line);
    }
    ent_buf_free(&key);
    ent_strmap_free(&seen);
}

static void check_discards(lint *l, const ent_dicts *d) {
    ent_strmap seen;
    ent_strmap_init(&seen);
    ent_buf key;
    ent_buf_init(&key);
    for (size_t i = 0; i < d->ndiscards; i++) {
        const ent_discard *x = &d->discards[i];
        phrase_key(&key, &x->phrase);
        int created = 0;
        void **slot = ent_strmap_slot(&seen, key.data, key.len, &created);
        if (created) { *slot = (void *)x; continue; }
        const ent_discard *y = *slot;
        if (x->story == y->story)
            finding(l, ENT_WARNING, x->file, x->line, "duplicate discard '%s' (also at line %u)", key.data, (unsigned)y->line);
        else
            finding(l, ENT_WARNING, x->file, x->line, "discard '%s' is both a story and a sentence discard (line %u); the story discard wins",
                    key.data, (unsigned)y->line);
    }
    ent_buf_free(&key);
    ent_strmap_free(&seen);
}

static void pattern_key(ent_buf *b, const ent_pattern *p) {
    ent_buf_clear(b);
    for (uint32_t k = 0; k < p->nupper; k++) ent_buf_printf(b, "%s%c", p->upper[k].text, p->upper[k].gap ? ' ' : '_');
    ent_buf_putc(b, '*');
    for (uint32_t k = 0; k < p->nlower; k++) ent_buf_printf(b, "%c%s", p->lower[k].gap ? ' ' : '_', p->lower[k].text);
}

static void check_pattern_elements(lint *l, const ent_pattern *p) {
    int src = 0, tgt = 0, cmp = 0;
    const ent_pel *all[2] = {p->upper, p->lower};
    uint32_t ns[2] = {p->nupper, p->nlower};
    for (int h = 0; h < 2; h++)
        for (uint32_t k = 0; k < ns[h]; k++) {
            const ent_pel *e = &all[h][k];
            if (e->kind == ENT_PEL_SOURCE) src++;
            else if (e->kind == ENT_PEL_TARGET) tgt++;
            else if (e->kind == ENT_PEL_COMPOUND) cmp++;
            else if (e->kind == ENT_PEL_SYNSET && e->synset && e->synset->nmembers == 0)
                finding(l, ENT_ERROR, p->file, p->line, "pattern can never match: synset %s is empty", e->text);
        }
    if (src > 1 || tgt > 1 || cmp > 1)
        finding(l, ENT_WARNING, p->file, p->line, "pattern marks the %s more than once", src > 1 ? "source ($)" : tgt > 1 ? "target (+)" : "compound actor (%)");
}

/* Synonym sets that contain themselves through members "+&OTHER" (&A -> &B -> &A): each
 * cycle is reported once, at the synset where the walk entered it.  Depth-first search
 * with an explicit stack (a chain of thousands of synsets cannot overflow anything). */
static void check_synset_cycles(lint *l, const ent_dicts *d) {
    size_t n = d->nsynsets;
    if (!n) return;
    unsigned char *state = calloc(n, 1);     /* 0 unseen, 1 on the stack, 2 done */
    typedef struct { size_t s; uint32_t m, k; } frame;
    frame *st = malloc(n * sizeof *st);
    if (!state || !st) { free(state); free(st); return; }
    ent_buf path;
    ent_buf_init(&path);
    for (size_t root = 0; root < n; root++) {
        if (state[root]) continue;
        size_t depth = 0;
        st[depth++] = (frame){root, 0, 0};
        state[root] = 1;
        while (depth) {
            frame *f = &st[depth - 1];
            const ent_synset *s = &d->synsets[f->s];
            const ent_synset *next = NULL;
            while (!next && f->m < s->nmembers) {   /* the next synset element of a member */
                const ent_phrase *ph = &s->members[f->m];
                if (f->k >= ph->n) { f->m++; f->k = 0; continue; }
                const ent_pel *e = &ph->el[f->k++];
                if (e->kind == ENT_PEL_SYNSET && e->synset) next = e->synset;
            }
            if (!next) { state[f->s] = 2; depth--; continue; }
            size_t t = (size_t)(next - d->synsets);
            if (t >= n || state[t] == 2) continue;
            if (state[t] == 0) { state[t] = 1; st[depth++] = (frame){t, 0, 0}; continue; }
            /* back edge: the stack from t to the top is the cycle */
            size_t from = depth;
            while (from && st[from - 1].s != t) from--;
            ent_buf_clear(&path);
            for (size_t q = from ? from - 1 : 0; q < depth; q++) {
                ent_buf_puts(&path, d->synsets[st[q].s].name);
                ent_buf_puts(&path, " -> ");
            }
            ent_buf_puts(&path, next->name);
            finding(l, ENT_ERROR, next->file, next->line, "synset %s contains itself: %s", next->name, path.data);
        }
    }
    ent_buf_free(&path);
    free(st);
    free(state);
}

static void check_verbs(lint *l, const ent_dicts *d) {
    ent_buf key;
    ent_buf_init(&key);
    for (size_t bi = 0; bi < d->nblocks; bi++) {
        const ent_verb_block *b = &d->blocks[bi];
        ent_strmap seen;
        ent_strmap_init(&seen);
        for (uint32_t i = 0; i < b->npatterns; i++) {
            const ent_pattern *p = &b->patterns[i];
            check_pattern_elements(l, p);
            pattern_key(&key, p);
            int created = 0;
            void **slot = ent_strmap_slot(&seen, key.data, key.len, &created);
            if (created) { *slot = (void *)p; continue; }
            const ent_pattern *q = *slot;
            int same = strcmp(p->code, q->code) == 0 &&
                       strcmp(p->code2 ? p->code2 : "", q->code2 ? q->code2 : "") == 0;
            if (same)
                finding(l, ENT_WARNING, p->file, p->line, "duplicate pattern '%s' in block %s (same as line %u)", p->text, b->name,
                        (unsigned)q->line);
            else
                finding(l, ENT_ERROR, p->file, p->line,
                        "pattern '%s' [%s] can never match: line %u has the same pattern with [%s]", p->text, p->code,
                        (unsigned)q->line, q->code);
        }
        ent_strmap_free(&seen);
        for (uint32_t i = 0; i < b->nverbs; i++)
            for (uint32_t j = 0; j < i; j++)
                if (strcmp(b->verbs[i].text, b->verbs[j].text) == 0) {
                    finding(l, ENT_WARNING, b->file, b->verbs[i].line, "duplicate verb '%s' in block %s (also at line %u)",
                            b->verbs[i].text, b->name, (unsigned)b->verbs[j].line);
                    break;
                }
    }
    /* plain forms claimed by verbs of different blocks: one finding per pair of verbs */
    ent_strmap pairs;
    ent_strmap_init(&pairs);
    for (size_t s = 0; s < d->verb_map.cap; s++) {
        if (!d->verb_map.keys[s]) continue;
        const ent_verb_form *later = NULL;          /* chain order: later definitions first */
        for (const ent_verb_form *f = d->verb_map.vals[s]; f; f = f->next) {
            if (f->nbefore || f->nafter) continue;
            if (!later) { later = f; continue; }
            if (f->verb->block == later->verb->block) continue;
            char pk[64];
            int pn = snprintf(pk, sizeof pk, "%p %p", (const void *)later->verb, (const void *)f->verb);
            int created = 0;
            void **slot = ent_strmap_slot(&pairs, pk, (size_t)pn, &created);
            if (!created) continue;
            *slot = (void *)f;
            finding(l, ENT_WARNING, later->verb->block->file, later->verb->line,
                    "verb '%s' of block %s shares forms with verb '%s' of block %s (line %u); the later definition wins",
                    later->verb->text, later->verb->block->name, f->verb->text, f->verb->block->name,
                    (unsigned)f->verb->line);
        }
    }
    ent_strmap_free(&pairs);
    for (size_t i = 0; i < d->nsynsets; i++)
        if (!d->synsets[i].nmembers)
            finding(l, ENT_WARNING, d->synsets[i].file, d->synsets[i].line, "synset %s has no members", d->synsets[i].name);
    ent_buf_free(&key);
}

/* ---- countries without a demonym ----------------------------------------------------- */

/* CAMEO's three-letter codes that are no country: regions and kinds of non-state actor. */
static const char *const non_country[] = {
    "AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CRB", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF",
    "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "IGO", "NGO", "NGM", "IMG",
    "MNC", "UIS", "INT", "---"};

/* Countries that have no English demonym of their own: the Holy See; Dominica and the
 * Republic of the Congo, whose "Dominican" and "Congolese" mean the Dominican Republic and
 * the DR Congo in news. */
static const char *const no_demonym[] = {"VAT", "DMA", "COG"};

static int is_country_code(const char *c) {
    if (strlen(c) != 3) return 0;
    for (int i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z') return 0;
    for (size_t i = 0; i < sizeof non_country / sizeof non_country[0]; i++)
        if (strcmp(c, non_country[i]) == 0) return 0;
    return 1;
}

/* The one undated country code of an actor ("MWI"), or NULL. */
static const char *actor_country(const ent_actor *a) {
    const char *c = NULL;
    for (uint32_t k = 0; k < a->ncodes; k++) {
        if (a->codes[k].kind != ENT_DATE_ANY) continue;
        if (c || !is_country_code(a->codes[k].code)) return NULL;
        c = a->codes[k].code;
    }
    return c;
}

/* A country has a demonym when one of its phrases also has its -s plural coded to it
 * (MALAWIAN / MALAWIANS, SOUTH_KOREAN / SOUTH_KOREANS: adjective and people; JERSEYMAN /
 * JERSEYMEN), or is one that
 * English does not pluralise (CHINESE, BRITISH, FRENCH, SWISS, MALAGASY).  Checked for the
 * countries the set codes people or institutions of (some code XXX... longer than the
 * country's own, or a dated one), so that uninhabited territories are not reported.  One
 * finding per such country without a demonym, at its first phrase. */
static void check_demonyms(lint *l, const ent_dicts *d) {
    typedef struct { const char *code; const ent_actor_phrase *first; int has; } ctry;
    ent_strmap words;        /* "CODE PHRASE" of country phrases */
    ent_strmap countries;    /* code -> index + 1 into cs */
    ent_strmap inst;         /* country codes with institutions or people */
    ent_strmap_init(&words);
    ent_strmap_init(&countries);
    ent_strmap_init(&inst);
    ctry *cs = NULL;
    size_t ncs = 0, cap = 0;
    ent_buf key, ph;
    ent_buf_init(&key);
    ent_buf_init(&ph);
    for (size_t i = 0; i < d->nactors; i++)
        for (uint32_t k = 0; k < d->actors[i].ncodes; k++) {
            const ent_actor_code *c = &d->actors[i].codes[k];
            if (strlen(c->code) > 3 || c->kind != ENT_DATE_ANY)
                *ent_strmap_slot(&inst, c->code, 3, NULL) = (void *)1;
        }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < d->nactor_phrases; i++) {
            const ent_actor_phrase *p = &d->actor_phrases[i];
            const char *c = actor_country(p->actor);
            if (!c || !ent_strmap_get(&inst, c, 3)) continue;
            ent_buf_clear(&ph);
            for (uint32_t k = 0; k < p->phrase.n; k++) {
                if (k) ent_buf_putc(&ph, '_');
                ent_buf_puts(&ph, p->phrase.el[k].text);
            }
            ent_buf_clear(&key);
            ent_buf_printf(&key, "%s %s", c, ph.data);
            if (pass == 0) {
                *ent_strmap_slot(&words, key.data, key.len, NULL) = (void *)1;
                continue;
            }
            int created = 0;
            void **slot = ent_strmap_slot(&countries, c, 3, &created);
            if (created) {
                ENT_GROW(cs, ncs + 1, cap);
                cs[ncs] = (ctry){c, p, 0};
                *slot = (void *)(uintptr_t)(ncs + 1);
                ncs++;
            }
            ctry *k = &cs[(uintptr_t)*slot - 1];
            if (k->has) continue;
            if (ent_demonym_invariable(ph.data)) k->has = 1;
            if (key.len > 3 && strcmp(key.data + key.len - 3, "MAN") == 0) {
                key.data[key.len - 2] = 'E';     /* JERSEYMAN / JERSEYMEN */
                if (ent_strmap_get(&words, key.data, key.len)) k->has = 1;
                key.data[key.len - 2] = 'A';
            }
            ent_buf_putc(&key, 'S');
            if (ent_strmap_get(&words, key.data, key.len)) k->has = 1;
        }
    }
    for (size_t i = 0; i < ncs; i++)
        for (size_t j = 0; j < sizeof no_demonym / sizeof no_demonym[0]; j++)
            if (strcmp(cs[i].code, no_demonym[j]) == 0) cs[i].has = 1;
    for (size_t i = 0; i < ncs; i++)
        if (!cs[i].has)
            finding(l, ENT_WARNING, cs[i].first->actor->file, cs[i].first->line,
                    "country %s ('%s') has no demonym (a name with its -s plural, e.g. MALAWIAN and MALAWIANS)",
                    cs[i].code, cs[i].first->actor->root);
    free(cs);
    ent_buf_free(&key);
    ent_buf_free(&ph);
    ent_strmap_free(&words);
    ent_strmap_free(&countries);
    ent_strmap_free(&inst);
}

/* ---- verbs without a pattern for their common objects ---------------------------------- */

/* Objects that wire news commonly gives these verbs, each of which changes the event
 * (accepting demands is yielding, ending sanctions is easing them, holding talks is
 * consulting).  A verb of the set whose block has no pattern naming the object, directly
 * or through a synonym set, is reported. */
static const struct { const char *verb, *objects; } common_objects[] = {
    {"ACCEPT", "DEMANDS PROPOSAL OFFER"},
    {"REJECT", "DEMANDS PROPOSAL OFFER"},
    {"OPEN", "BORDER"},
    {"CLOSE", "BORDER EMBASSY"},
    {"CANCEL", "VISIT TALKS"},
    {"CALL_OFF", "STRIKE TALKS"},
    {"HOLD", "TALKS"},
    {"SHARE", "INTELLIGENCE"},
    {"END", "SANCTIONS"},
    {"LIFT", "SANCTIONS CURFEW"},
    {"EASE", "SANCTIONS CURFEW"},
    {"IMPOSE", "SANCTIONS CURFEW"},
    {"SIGN", "AGREEMENT"},
    {"SEND", "TROOPS"},
    {"WITHDRAW", "TROOPS"},
    {"RELEASE", "PRISONERS"},
    {"EXPEL", "DIPLOMATS"},
};

/* Does element e (word or synonym set) stand for word w (or w without its plural -S)? */
static int pel_names(const ent_pel *e, const char *w, int depth) {
    if (depth > 4) return 0;
    if (e->kind == ENT_PEL_SYNSET) {
        if (!e->synset) return 0;
        for (uint32_t m = 0; m < e->synset->nmembers; m++) {
            const ent_phrase *ph = &e->synset->members[m];
            for (uint32_t k = 0; k < ph->n; k++)
                if (pel_names(&ph->el[k], w, depth + 1)) return 1;
        }
        return 0;
    }
    if (!e->text) return 0;
    size_t n = strlen(w);
    return strcmp(e->text, w) == 0 ||
           (n > 1 && w[n - 1] == 'S' && strlen(e->text) == n - 1 && strncmp(e->text, w, n - 1) == 0);
}

static void check_common_objects(lint *l, const ent_dicts *d) {
    for (size_t i = 0; i < d->nverbs; i++) {
        const ent_verb *v = &d->verbs[i];
        for (size_t c = 0; c < sizeof common_objects / sizeof common_objects[0]; c++) {
            const char *vt = v->text;
            if (*vt == '+') vt++;
            if (strcmp(vt, common_objects[c].verb) != 0) continue;
            /* a multi-word verb of the set that names the object ("+SHARE_INTELLIGENCE") */
            ent_buf mw;
            ent_buf_init(&mw);
            char objs[128];
            snprintf(objs, sizeof objs, "%s", common_objects[c].objects);
            char *save = NULL;
            for (char *o = strtok_r(objs, " ", &save); o; o = strtok_r(NULL, " ", &save)) {
                int found = 0;
                const ent_verb_block *b = v->block;
                for (uint32_t k = 0; k < b->npatterns && !found; k++)
                    for (uint32_t e = 0; e < b->patterns[k].nlower && !found; e++)
                        found = pel_names(&b->patterns[k].lower[e], o, 0);
                for (size_t m = 0; m < d->nverbs && !found; m++) {
                    ent_buf_clear(&mw);
                    for (const char *t = d->verbs[m].text; *t; t++)
                        if (*t != '+') ent_buf_putc(&mw, *t);
                    size_t vl = strlen(common_objects[c].verb), ol = strlen(o);
                    const char *x = mw.data;
                    if (!x || strncmp(x, common_objects[c].verb, vl) != 0 || x[vl] != '_') continue;
                    x += vl + 1;
                    found = strncmp(x, o, ol) == 0 || (ol > 1 && o[ol - 1] == 'S' && strncmp(x, o, ol - 1) == 0 &&
                                                       (x[ol - 1] == '\0' || x[ol - 1] == '_'));
                }
                if (!found)
                    finding(l, ENT_WARNING, b->file, v->line, "verb '%s' (block %s) has no pattern for its common object '%s'",
                            common_objects[c].verb, b->name, o);
            }
            ent_buf_free(&mw);
        }
    }
}

size_t ent_dicts_check(const ent_dicts *d, ent_diag *diag) {
    lint l = {diag, 0};
    if (!d) return 0;
    check_verbs(&l, d);
    check_synset_cycles(&l, d);
    check_common_objects(&l, d);
    check_actors(&l, d);
    check_demonyms(&l, d);
    check_agents(&l, d);
    check_discards(&l, d);
    return l.errors;
}

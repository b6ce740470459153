/* coder.c — the event coder: options, the ent_coder handle and ent_coder_code().
 *
 * Per sentence: discards -> items (linearize.c) -> dateline test -> comma clauses ->
 * compound noun phrases split into one NE per conjunct -> verbs.  For each verb phrase
 * whose verb (or multi-word verb) is in the dictionary, the patterns of its block are
 * matched against the words before ("upper", back to the sentence start or the nearest
 * comma) and after ("lower", to the end of the verb phrase) the verb; the longest
 * matching pattern (file order on ties) gives the event code, else the verb's own code.
 * A pattern whose + lands on an uncoded phrase only counts when no other pattern
 * matches.  Commas inside a complete noun phrase before the verb, and a comma with no
 * phrase between it and the verb, do not end the upper part.  Verb phrases opening with a
 * bare participle after a sibling verb phrase (reduced relatives) are not coded; a bare
 * statement (code 010) gives way to the events of the clause it reports, unless that
 * clause is modal ("said it would ...").
 *
 * Pattern elements: words ('_' = directly adjacent, ' ' = other words may come between),
 * &SYNSET (any member phrase), $ / + (the source / target: the noun phrase we are in the
 * middle of, or a following one; after a gap the first one with an actor code is
 * preferred), ^ (skip to the end of the current or next noun phrase), % (a compound: in
 * the upper part both source and target, in the lower part the target).  Without $ / +
 * the target is the first coded phrase after the verb (skipping country-less phrases
 * made of pattern words; else the first phrase not made of pattern words) and the source
 * the nearest coded phrase before the verb with a different code, preferring subjects
 * over objects of earlier verb or prepositional phrases.  A compound subject with no
 * coded target acts among its members for cooperative codes (roots 03-06, 08).  Actor codes of noun phrases are computed on first use: the first actor
 * phrase plus agents around it (NGO~ before, ~GOV after), date-restricted codes resolved
 * on the sentence date.  Events are expanded over compounds, "a:b" symmetric codes and
 * passive voice (a form of BE + participle + a BY phrase of the participle's own
 * phrase swaps source and target), then filtered
 * (self-reference, require_dyad, duplicates).  Personal pronouns (PRP) never match actor
 * phrases.  Each event carries the byte offsets of its evidence (the source and target
 * noun phrases, the verb plus the pattern words matched) when the tokens have offsets.
 *
 * The corrections of events after matching (a side's country or role read from the rest
 * of the sentence) are in refine.c; the handle's state they share is in coder_state.h.
 *
 * All scratch memory is owned by the coder and reused; the dictionaries are read-only
 * and shared, the lookup accelerators (synidx.c) are per coder.
 */
#include "coder/coder_state.h"
#include "coder/fuzzy.h"
#include "coder/coder_events.h"
#include "coder/document.h"
#include "coder/synidx.h"
#include "coder/enrich.h"
#include "coder/harm.h"
#include "coder/intent.h"
#include "coder/nominal.h"
#include "coder/persons.h"
#include "syntax/tagger.h"
#include "text/text.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define trace ent_cd_trace   /* the coder's account of a sentence (coder_state.h) */

/* ---- options ------------------------------------------------------------------------ */

void ent_coder_options_default(ent_coder_options *o) {
    memset(o, 0, sizeof *o);
    o->require_dyad = 1;
    o->new_actor_length = 0;
    o->comma_min = 2; o->comma_max = 8;
    o->comma_bmin = 0; o->comma_bmax = 0;
    o->comma_emin = 2; o->comma_emax = 8;
}

static int parse_bool(const char *v, int *out) {
    char b[16];
    size_t n = strlen(v);
    if (n >= sizeof b) return -1;
    for (size_t i = 0; i <= n; i++) b[i] = (char)tolower((unsigned char)v[i]);
    if (!strcmp(b, "true") || !strcmp(b, "1") || !strcmp(b, "yes")) { *out = 1; return 0; }
    if (!strcmp(b, "false") || !strcmp(b, "0") || !strcmp(b, "no")) { *out = 0; return 0; }
    return -1;
}

static int parse_int(const char *v, int *out) {
    char *end;
    long x = strtol(v, &end, 10);
    while (*end && ent_is_space((unsigned char)*end)) end++;
    if (end == v || *end || x < 0 || x > 100000) return -1;
    *out = (int)x;
    return 0;
}

ent_status ent_coder_options_apply(ent_coder_options *o, const char *option, const char *value,
                                   ent_diag *diag) {
    if (!option || !value) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "coder option: missing option name or value");
        return ENT_ERR_INVALID;
    }
    int *ip = NULL, isbool = 0, dummy = 0;
    if (!strcmp(option, "require_dyad")) { ip = &o->require_dyad; isbool = 1; }
    else if (!strcmp(option, "require_source")) { ip = &o->require_source; isbool = 1; }
    else if (!strcmp(option, "place_country")) { ip = &o->place_country; isbool = 1; }
    else if (!strcmp(option, "future_intent")) { ip = &o->future_intent; isbool = 1; }
    else if (!strcmp(option, "resolve_pronouns")) { ip = &o->resolve_pronouns; isbool = 1; }
    else if (!strcmp(option, "clauses")) { ip = &o->clauses; isbool = 1; }
    else if (!strcmp(option, "fuzzy_names")) { ip = &o->fuzzy_names; isbool = 1; }
    else if (!strcmp(option, "stop_on_error")) { ip = &dummy; isbool = 1; }
    else if (!strcmp(option, "new_actor_length")) ip = &o->new_actor_length;
    else if (!strcmp(option, "comma_min")) ip = &o->comma_min;
    else if (!strcmp(option, "comma_max")) ip = &o->comma_max;
    else if (!strcmp(option, "comma_bmin")) ip = &o->comma_bmin;
    else if (!strcmp(option, "comma_bmax")) ip = &o->comma_bmax;
    else if (!strcmp(option, "comma_emin")) ip = &o->comma_emin;
    else if (!strcmp(option, "comma_emax")) ip = &o->comma_emax;
    else {
        ent_diag_add(diag, ENT_ERROR, NULL, 0,
                     "unknown coder option '%s' (expected require_dyad, require_source, place_country, future_intent, "
                     "resolve_pronouns, clauses, fuzzy_names, "
                     "new_actor_length, stop_on_error "
                     "or comma_min/max/bmin/bmax/emin/emax)", option);
        return ENT_ERR_INVALID;
    }
    int v;
    if (isbool ? parse_bool(value, &v) : parse_int(value, &v)) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "coder option %s: bad value '%s' (expected %s)", option, value,
                     isbool ? "true or false" : "a non-negative integer");
        return ENT_ERR_INVALID;
    }
    *ip = v;
    return ENT_OK;
}

/* ---- coder handle ------------------------------------------------------------------- */

/* The order in which a block's patterns are tried: more elements first; among patterns
 * of as many elements, the one naming more words (literal words and synonym sets, not
 * the $ + % ^ slots) first, so "- * TO MEDIATION" beats "- * WITH +" when both match
 * ("agreed to mediation with Egypt").  Equal ranks keep file order. */
static uint32_t pattern_rank(const ent_pattern *p) {
    uint32_t named = 0;
    for (uint32_t e = 0; e < p->nupper; e++) named += p->upper[e].kind == ENT_PEL_WORD || p->upper[e].kind == ENT_PEL_SYNSET;
    for (uint32_t e = 0; e < p->nlower; e++) named += p->lower[e].kind == ENT_PEL_WORD || p->lower[e].kind == ENT_PEL_SYNSET;
    return (p->nupper + p->nlower) * 256u + (named < 255 ? named : 255);
}

ent_coder *ent_coder_new(const ent_dicts *dicts, const ent_coder_options *opts) {
    ent_coder *c = ent_xcalloc(1, sizeof *c);
    c->d = dicts;
    c->z.d = dicts;   /* the linearizer's dictionaries: the coder's, for good */
    if (opts) c->o = *opts;
    else ent_coder_options_default(&c->o);
    ent_arena_init(&c->arena, 8192);
    ent_buf_init(&c->buf);
    c->err = "";
    c->empty_h = ent_cz_word_hash("");
    if (dicts && dicts->npatterns) {
        c->psig = ent_xcalloc(dicts->npatterns * 2, sizeof *c->psig);
        for (size_t i = 0; i < dicts->npatterns; i++) {
            const ent_pattern *p = &dicts->patterns[i];
            for (uint32_t k = 0; k < p->nupper; k++)
                if (p->upper[k].kind == ENT_PEL_WORD)
                    sig_add(&c->psig[2 * i + 1], p->upper[k].h);
            for (uint32_t k = 0; k < p->nlower; k++)
                if (p->lower[k].kind == ENT_PEL_WORD)
                    sig_add(&c->psig[2 * i], p->lower[k].h);
        }
    }
    if (dicts && dicts->nsynsets) {
        c->ssig = ent_xcalloc(dicts->nsynsets, sizeof *c->ssig);
        for (size_t i = 0; i < dicts->nsynsets; i++) {
            const ent_synset *sy = &dicts->synsets[i];
            for (uint32_t k = 0; k < sy->nmembers; k++) {
                const ent_phrase *m = &sy->members[k];
                if (!m->n) continue;
                if (m->el[0].kind == ENT_PEL_WORD) sig_add(&c->ssig[i], m->el[0].h);
                else memset(&c->ssig[i], 0xff, sizeof c->ssig[i]);
            }
            /* &PLACE also matches place names, &BODY the names of intergovernmental bodies,
             * whatever their words: no prefilter */
            static const char *const named[2] = {"&PLACE", "&BODY"};
            const ent_synset **slot[2] = {&c->place_syn, &c->body_syn};
            for (int t = 0; t < 2; t++)
                if (sy->name && !strcmp(sy->name, named[t])) {
                    *slot[t] = sy;
                    memset(&c->ssig[i], 0xff, sizeof c->ssig[i]);
                }
        }
    }
    if (dicts && dicts->npatterns) {
        /* a pattern can only match if each of its synsets has a member whose first word
         * occurs on the synset's side of the verb (checked against ssig) */
        size_t total = 0;
        for (size_t i = 0; i < dicts->npatterns; i++) {
            const ent_pattern *p = &dicts->patterns[i];
            for (uint32_t k = 0; k < p->nupper; k++) total += p->upper[k].kind == ENT_PEL_SYNSET;
            for (uint32_t k = 0; k < p->nlower; k++) total += p->lower[k].kind == ENT_PEL_SYNSET;
        }
        c->psyn_at = ent_xmalloc((dicts->npatterns + 1) * sizeof *c->psyn_at);
        c->psyn = ent_xmalloc((total ? total : 1) * sizeof *c->psyn);
        size_t at = 0;
        for (size_t i = 0; i < dicts->npatterns; i++) {
            const ent_pattern *p = &dicts->patterns[i];
            c->psyn_at[i] = (uint32_t)at;
            for (int side = 0; side < 2; side++) {
                const ent_pel *el = side ? p->upper : p->lower;
                uint32_t ne = side ? p->nupper : p->nlower;
                for (uint32_t k = 0; k < ne; k++) {
                    if (el[k].kind != ENT_PEL_SYNSET) continue;
                    const ent_synset *sy = el[k].synset;
                    uint32_t v;
                    if (!sy) v = PSYN_NONE;
                    else if (!c->ssig || sy < dicts->synsets || sy >= dicts->synsets + dicts->nsynsets) continue;
                    else v = (uint32_t)(sy - dicts->synsets);
                    c->psyn[at++] = v | (side ? PSYN_UPPER : 0);
                }
            }
        }
        c->psyn_at[dicts->npatterns] = (uint32_t)at;
    }
    c->civil_syn = dicts ? ent_dict_synset(dicts, "&CIVIL_TASK") : NULL;
    ent_syn_index_build(&c->sx, dicts);
    if (dicts && dicts->npatterns) {
        c->porder = ent_xmalloc(dicts->npatterns * sizeof *c->porder);
        c->prank = ent_xmalloc(dicts->npatterns * sizeof *c->prank);
        for (size_t i = 0; i < dicts->npatterns; i++) c->porder[i] = (uint32_t)i;
        for (size_t i = 0; i < dicts->npatterns; i++) c->prank[i] = pattern_rank(&dicts->patterns[i]);
        for (size_t b = 0; b < dicts->nblocks; b++) {
            const ent_verb_block *blk = &dicts->blocks[b];
            if (!blk->npatterns || !blk->patterns) continue;
            size_t off = (size_t)(blk->patterns - dicts->patterns);
            if (off + blk->npatterns > dicts->npatterns) continue;
            uint32_t *o = c->porder + off;
            /* insertion sort by decreasing pattern_rank (stable: file order on ties) */
            for (uint32_t i = 1; i < blk->npatterns; i++) {
                uint32_t v = o[i];
                uint32_t lv = c->prank[v];
                uint32_t j = i;
                while (j > 0) {
                    uint32_t u = o[j - 1];
                    if (c->prank[u] >= lv) break;
                    o[j] = u;
                    j--;
                }
                o[j] = v;
            }
        }
    }
    if (c->porder) ent_pat_index_build(&c->px, dicts, c->porder);
    ent_first_index_build(&c->fa, &c->fg, dicts);
    ent_discard_index_build(&c->fd, &c->dsig, dicts);
    ent_issue_index_build(&c->fi, &c->isig, dicts);
    const char *dbg = getenv("ENTENTE_CODER_DEBUG");
    c->debug = dbg && *dbg && *dbg != '0';
    return c;
}

/* One line of the coder's account of a sentence: into the explanation when explaining,
 * else to stderr under ENTENTE_CODER_DEBUG; nothing otherwise (callers test TRACING
 * first, so that the arguments cost nothing in normal coding). */
void ent_cd_trace(ent_coder *c, const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (c->explain) { ent_buf_puts(&c->xbuf, line); ent_buf_putc(&c->xbuf, '\n'); }
    else if (c->debug) fprintf(stderr, "%s\n", line);
}

static const char *item_code(ent_coder *c, size_t i);
static const char *item_text(ent_coder *c, size_t i);

/* The item sequence in a bracketed form, NE codes after '>' (explain / debug). */
static void dump_items(ent_coder *cd) {
    const cvec *c = &cd->z.items;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].kind == K_OPEN && c->v[i].lab == L_NE) item_code(cd, i);
    ent_buf b = {0};
    for (size_t i = 0; i < c->n; i++) {
        const coder_item *x = &c->v[i];
        if (x->kind == K_WORD) ent_buf_printf(&b, "%s ", x->w);
        else if (x->kind == K_OPEN) {
            if (x->lab == L_NE) ent_buf_printf(&b, "(NE>%s ", x->code ? x->code : "?");
            else ent_buf_printf(&b, "(%s ", x->label);
        } else ent_buf_printf(&b, "~%s ", x->label);
    }
    if (cd->explain) { ent_buf_puts(&cd->xbuf, b.data ? b.data : ""); ent_buf_putc(&cd->xbuf, '\n'); }
    else fprintf(stderr, "%s\n", b.data ? b.data : "");
    ent_buf_free(&b);
}

static void gseq_free(gseq *m) {
    free(m->tok); free(m->w); free(m->h); free(m->inner); free(m->outer); free(m->wpos); free(m->gfrom); free(m->sh); free(m->g);
}

void ent_coder_free(ent_coder *c) {
    if (!c) return;
    free(c->z.items.v); free(c->z.tmp.v); free(c->z.nlab); free(c->z.flat);
    free(c->z.words); free(c->z.pos);
    gseq_free(&c->gs);
    free(c->ev); free(c->cs); free(c->ct); free(c->psig); free(c->ssig); free(c->psyn_at); free(c->psyn); free(c->porder); free(c->prank); free(c->cand);
    ent_pat_index_free(&c->px);
    ent_first_index_free(&c->fa);
    ent_first_index_free(&c->fg);
    ent_first_index_free(&c->fd);
    free(c->dsig);
    ent_first_index_free(&c->fi);
    free(c->isig);
    free(c->z.th);
    ent_syn_index_free(&c->sx);
    ent_fuzzy_free(c->fuzzy);
    free(c->z.wh);
    ent_buf_free(&c->buf);
    ent_buf_free(&c->xbuf);
    ent_arena_free(&c->arena);
    ent_docwork_free(c->docwork);
    free(c);
}

void ent_coder_set_options(ent_coder *c, const ent_coder_options *opts) { if (opts) c->o = *opts; }
void ent_coder_begin_story(ent_coder *c) {
    c->story_discarded = 0;
    c->antecedent[0] = 0;
    c->ante_n = c->ante_age = 0;
    c->pair_ante[0] = 0;
    c->pair_age = 0;
    c->story_cc[0] = 0;
    c->story_cc_mixed = 0;
    c->dateline_cc[0] = 0;
    c->dateline_abroad = 0;
    ent_people_reset(&c->people);
}

void ent_cd_set_dateline(ent_coder *c, const char *dateline) {
    c->dateline_cc[0] = 0;
    if (!c->d || !dateline) return;
    char buf[64], *w[8];
    size_t l = strcspn(dateline, ",(-"), n = 0;
    if (!l || l >= sizeof buf) return;
    for (size_t k = 0; k < l; k++) buf[k] = (char)toupper((unsigned char)dateline[k]);
    buf[l] = 0;
    for (char *t = buf; *t && n < 8;) {   /* the place's words */
        while (*t == ' ' || *t == '\t') *t++ = 0;
        if (!*t) break;
        w[n++] = t;
        t += strcspn(t, " \t");
    }
    if (!n || n >= 8) return;
    const char *code = NULL;
    if (ent_dict_actor_match(c->d, (const char *const *)w, n, 0, 0, NULL, &code) != n || !code || strlen(code) != 3 ||
        !ent_enrich_country_code(code)) {
        code = NULL;
        if (ent_dict_place_match(c->d, (const char *const *)w, n, 0, &code) != n) code = NULL;
    }
    if (code && strlen(code) == 3) memcpy(c->dateline_cc, code, 4);
}
void ent_cd_scan_story(ent_coder *c, const char *text, size_t len) {
    c->dateline_abroad = 0;
    if (!c->d || !c->dateline_cc[0] || !text || !len) return;
    /* the story's tokens as its sentences will have them: the pipeline's tokenizer, each
     * folded as ent_sentence_add_token folds a token's upper form (accents off: "CÔTE"
     * is the dictionaries' COTE) */
    ent_arena words;
    ent_arena_init(&words, 1 << 14);
    size_t cap = 256, n = 0;
    const char **w = ent_xmalloc(cap * sizeof *w);
    ent_tokenizer tz;
    ent_tok t;
    ent_tokenizer_init(&tz, text, len);
    while (ent_tokenizer_next(&tz, &t)) {
        char *u = ent_arena_alloc(&words, t.len + 1);
        memcpy(u, t.text, t.len);
        u[ent_word_fold(u, t.len)] = 0;
        if (n == cap) w = ent_xrealloc(w, (cap *= 2) * sizeof *w);
        w[n++] = u;
    }
    ent_tokenizer_free(&tz);
    int own = 0, other = 0;
    for (size_t k = 0; k < n && !own; k++) {
        const char *code = NULL;
        size_t l = ent_dict_actor_match(c->d, w, n, k, 0, NULL, &code);
        if (!l) continue;
        if (code && strlen(code) >= 3) {
            char cc[4] = {code[0], code[1], code[2], 0};
            if (ent_enrich_country_code(cc)) {
                if (!strcmp(cc, c->dateline_cc)) own = 1;
                else other++;
            }
        }
        k += l - 1;
    }
    free(w);
    ent_arena_free(&words);
    c->dateline_abroad = other >= 2 && !own;   /* one passing mention makes no story foreign */
}
const char *ent_cd_dateline_home(const ent_coder *c, const char *story_cc, int mixed) {
    if (!c->dateline_cc[0] || mixed || (story_cc[0] && strcmp(story_cc, c->dateline_cc))) return "";
    return c->dateline_cc;
}
const char *ent_coder_error(const ent_coder *c) { return c->err; }
ent_docwork **ent_coder_docwork(ent_coder *c) { return &c->docwork; }
int ent_coder_has_dicts(const ent_coder *c) { return c->d != NULL; }

/* ---- compounds inside noun phrases --------------------------------------------------- */

static int is_n_label(const coder_item *it) {
    return (it->kind == K_OPEN || it->kind == K_WORD) && it->label && it->label[0] == 'N';
}

/* An NE holding a compound ("lawmakers in Fornost and Gondor") becomes an NEC with one NE
 * per conjunct; the NE's other words are copied into each (except the word right before
 * the compound, usually its preposition), and a conjunct word's adjectives with it, those
 * of the first to a later one without its own ("Russian oil and gas": RUSSIAN GAS). */
static int expand_once(ent_coder *c) {
    cvec *in = &c->z.items, *out = &c->z.tmp;
    {   /* anything to do?  (an NEC inside an NE) */
        int any = 0, inne = 0;
        for (size_t i = 0; i < in->n && !any; i++) {
            const coder_item *x = &in->v[i];
            if (x->kind == K_OPEN && x->lab == L_NE) inne++;
            else if (x->kind == K_CLOSE && x->lab == L_NE) inne--;
            else if (inne > 0 && x->kind == K_OPEN && x->lab == L_NEC) any = 1;
        }
        if (!any) return 0;
    }
    out->n = 0;
    int changed = 0;
    int32_t stack[256];
    int sp = 0;
    for (size_t i = 0; i < in->n; i++) {
        coder_item *it = &in->v[i];
        if (it->kind == K_CLOSE && sp > 0) sp--;
        if (!(it->kind == K_OPEN && it->lab == L_NE) || it->mate < 0) {
            if (it->kind == K_OPEN && sp < 256) stack[sp++] = (int32_t)i;
            cvec_push(out, *it);
            continue;
        }
        size_t m = (size_t)it->mate, nc = 0;
        for (size_t k = i + 1; k < m; k++)
            if (in->v[k].kind == K_OPEN && in->v[k].lab == L_NEC) { nc = k; break; }
        if (!nc || in->v[nc].mate < 0) {
            if (sp < 256) stack[sp++] = (int32_t)i;
            cvec_push(out, *it);
            continue;
        }
        size_t ncm = (size_t)in->v[nc].mate;
        changed = 1;
        /* a conjunct of an enclosing compound: its parts join that compound */
        int wrap = !(sp > 0 && in->v[stack[sp - 1]].lab == L_NEC);
        if (wrap) cvec_push(out, in->v[nc]);
        size_t pre_end = nc > i + 1 ? nc - 1 : nc;
        size_t lead_b = 0, lead_e = 0;   /* the adjectives before the first word conjunct */
        int first = 1;
        for (size_t k = nc + 1; k < ncm;) {
            const coder_item *e = &in->v[k];
            int phrase = e->kind == K_OPEN && e->mate > (int32_t)k && (size_t)e->mate <= ncm;
            if (is_n_label(e) && (phrase || e->kind == K_WORD)) {
                size_t cb = phrase ? k + 1 : k, ce = phrase ? (size_t)e->mate : k + 1;
                /* a word conjunct's adjectives go with it ("Russian oil"), and those of
                 * the first to a later one that has none ("imports of Russian oil and
                 * gas": Russian gas too) */
                size_t mb = cb, me = cb;
                if (!phrase) {
                    while (mb > nc + 1 && in->v[mb - 1].kind == K_WORD && in->v[mb - 1].label &&
                           !strncmp(in->v[mb - 1].label, "JJ", 2))
                        mb--;
                    if (first) lead_b = mb, lead_e = me;
                    else if (mb == me) mb = lead_b, me = lead_e;
                }
                first = 0;
                cvec_push(out, *it);                      /* OPEN NE */
                for (size_t q = i + 1; q < pre_end; q++) cvec_push(out, in->v[q]);
                for (size_t q = mb; q < me; q++) cvec_push(out, in->v[q]);
                for (size_t q = cb; q < ce; q++) cvec_push(out, in->v[q]);
                for (size_t q = ncm + 1; q < m; q++) cvec_push(out, in->v[q]);
                cvec_push(out, in->v[m]);                 /* CLOSE NE */
                k = ce + (phrase ? 1 : 0);
            } else if (e->kind == K_OPEN && e->mate > (int32_t)k) k = (size_t)e->mate + 1;
            else k++;
        }
        if (wrap) cvec_push(out, in->v[ncm]);
        i = m;
    }
    if (changed) {
        cvec t = *in; *in = *out; *out = t;
        ent_cz_pair(in);
    }
    return changed;
}

static void expand_compounds(ent_coder *c) {
    if (!c->z.nec_in_ne) return;
    for (int round = 0; round < 4 && expand_once(c); round++) {}
}

/* ---- actor codes --------------------------------------------------------------------- */

/* Match phrase p (its first word already equal to w[i]) with PETRARCH actor semantics:
 * after a '_' the next word must follow directly, after a ' ' other words may come
 * between.  Returns the number of words spanned, 0 if no match. */
static size_t phrase_at(const ent_phrase *p, const char *const *w, const uint32_t *wh, uint64_t h1, size_t n,
                        size_t i) {
    if (h1 && (i + 1 >= n || wh[i + 1] != (uint32_t)h1)) return 0;   /* adjacent 2nd word differs */
    size_t k = i + 1;
    for (uint32_t e = 1; e < p->n; e++) {
        const ent_pel *el = &p->el[e];
        for (;;) {
            if (k >= n) return 0;
            if (el->kind == ENT_PEL_WORD && !strcmp(w[k], el->text)) break;
            if (el->kind == ENT_PEL_SYNSET && el->synset && ent_synset_match(el->synset, w, n, k)) break;
            if (!el->gap) return 0;
            k++;
        }
        k++;
    }
    return k - i;
}

/* The code of one NE from its words: the first actor phrase found, plus every agent
 * phrase outside it (NGO~ style codes go before the actor code, ~GOV style after). */
typedef struct phr_src {        /* one phrase family (actors or agents) for lookups */
    const first_index *fx;
    const uint64_t *sig, *h1;
    const ent_actor_phrase *ap;     /* exactly one of ap / ag is set */
    const ent_agent *ag;
} phr_src;

static const ent_phrase *phr_get(const phr_src *ps, uint32_t i) {
    return ps->ap ? &ps->ap[i].phrase : &ps->ag[i].phrase;
}

/* The longest phrase of ps matching at w[i] (first in index order among equals); returns
 * its index or -1, and its length in words in *len. */
static int64_t best_phrase_at(const phr_src *ps, const char *const *w, const uint32_t *wh, size_t n, size_t i,
                              uint64_t nesig, size_t *len) {
    uint32_t na = 0, nb = 0;
    const uint32_t *la = i + 1 < n ? ent_first_index_get2(ps->fx, wh[i], wh[i + 1], &na) : NULL;
    const uint32_t *lb = ent_first_index_get_wild(ps->fx, wh[i], &nb);
    uint32_t ia = 0, ib = 0;
    while (ia < na || ib < nb) {
        uint32_t k;
        if (ib >= nb) k = la[ia++];
        else if (ia >= na) k = lb[ib++];
        else {
            const ent_phrase *pa = phr_get(ps, la[ia]), *pb = phr_get(ps, lb[ib]);
            if (pa->n > pb->n || (pa->n == pb->n && la[ia] < lb[ib])) k = la[ia++];
            else k = lb[ib++];
        }
        if (ps->sig[k] & ~nesig) continue;
        const ent_phrase *p = phr_get(ps, k);
        if (strcmp(p->el[0].text, w[i])) continue;
        size_t l = phrase_at(p, w, wh, ps->h1[k], n, i);
        if (l) { *len = l; return k; }
    }
    return -1;
}

/* Agent words that are also given names: "Marine Le Pen", "Rebel Wilson".  Only these
 * may open a personal name; every other agent word before a name is its title
 * ("General Smith", "President Macron"). */
static const char *const GIVEN_AGENT[] = {"MARINE", "REBEL", NULL};
/* Agent words that are also common surnames: "Julie Bishop", "Martin Luther King".  An
 * institution ("the Calenardhon Ministry") or a plural ("Osgiliath Soldiers") after an
 * unknown name is never one. */
static const char *const SURNAME_AGENT[] = {"BISHOP", "JUDGE", "KING", "PASTOR", "PRIEST", "FARMER", "MINER",
                                            "SPEAKER", NULL};

/* a capitalised word that can only be a name: the lexicon knows no lower-case reading
 * ("Julie", "Luther"), so it is neither a title nor a noun modifier ("Culture Minister") */
static int tok_pure_name(const ent_token *t) {
    return tok_cap(t) && !strcmp(t->tag, "NNP") && ent_word_pure_name(t->text, strlen(t->text));
}

/* Is the one-word agent at w[i] part of a personal name rather than a role?  (tk[]: the
 * words' tokens as written, NULL where unknown.)
 * (A) a given name: an agent word listed in GIVEN_AGENT, capitalised, directly before a
 *     word that can only be a name or a capitalised name particle, neither starting an
 *     agent phrase ("Marine Le Pen", "Marine Tondelier", but not "Marine Commander",
 *     "Marine Corps", "Marine Gen. Smith", "a Marine was killed", "the Marines");
 * (B) a surname: a capitalised agent word listed in SURNAME_AGENT ending the name, right
 *     after a word that can only be a name ("Julie Bishop", "Martin Luther King";
 *     not "Syrian President" (an actor), "Army Chief" (an agent), "Culture Minister"
 *     ("culture" is a noun), nor a title before a name ("President Ilves")). */
static int agent_is_name(const phr_src *pg, const char *const *w, const uint32_t *wh, size_t n,
                         size_t i, uint64_t nesig, const ent_token *const *tk, size_t a0, size_t a1, int actor) {
    if (!tk || !tok_cap(tk[i])) return 0;
    size_t len = 0;
    if (i + 1 < n && ent_str_in_list(w[i], GIVEN_AGENT) && tk[i + 1] && (tok_pure_name(tk[i + 1]) || (tok_cap(tk[i + 1]) && i + 2 < n &&
        (ent_word_flags(tk[i + 1]->text, strlen(tk[i + 1]->text)) & ENT_W_NAMEPART))) &&
        best_phrase_at(pg, w, wh, n, i + 1, nesig, &len) < 0)
        return 1;
    if (i > 0 && ent_str_in_list(w[i], SURNAME_AGENT) && (i + 1 == n || !tok_cap(tk[i + 1])) && tok_pure_name(tk[i - 1]) &&
        !(actor && i - 1 >= a0 && i - 1 < a1) && best_phrase_at(pg, w, wh, n, i - 1, nesig, &len) < 0)
        return 1;
    return 0;
}

/* Words that name no content of their own in a phrase ("THE WEST"): an overlap between
 * two actor phrases goes to the one with more of the other words. */
static const char *const FUNCTION_WORDS[] = {"THE", "A", "AN", "OF", "AND", "FOR", "IN", "ON", "TO", NULL};
static size_t content_words(const char *const *w, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += *w[i] && !ent_str_in_list(w[i], FUNCTION_WORDS);
    return k;
}

/* Words that end a company's name ("Admiral Insurance", "Acme Holdings Ltd."), compared
 * without a final full stop. */
static const char *const COMPANY_WORDS[] = {
    "INSURANCE", "ASSURANCE", "BANK", "BANCORP", "GROUP", "HOLDING", "HOLDINGS", "AIRLINES", "AIRWAYS", "MOTORS",
    "INC", "LTD", "LIMITED", "CORP", "CORPORATION", "CO", "COMPANY", "PLC", "LLC", "GMBH", "AG", "INDUSTRIES",
    "ENTERPRISES", "SECURITIES", "PARTNERS", "PHARMACEUTICALS", "TECHNOLOGIES", NULL};
static int company_word(const char *w) {
    size_t l = strlen(w);
    char b[32];
    if (l < 2 || l >= sizeof b) return 0;
    if (w[l - 1] == '.') l--;
    memcpy(b, w, l);
    b[l] = 0;
    return ent_str_in_list(b, COMPANY_WORDS);
}

/* A company's name inside an NE (tk: the words' tokens as written): a run of capitalised
 * words ending in capitalised company words, with at least one word before them.  Sets
 * [*s, *f) to the words before the company words; returns 0 when there is none. */
static int company_name(const char *const *w, const ent_token *const *tk, size_t n, size_t *s, size_t *f) {
    size_t e = n;
    while (e > 0 && !(tk[e - 1] && tok_cap(tk[e - 1]) && company_word(w[e - 1]))) e--;
    if (e == 0) return 0;
    size_t b = e - 1;   /* first company word of the run that ends at e - 1 */
    while (b > 0 && tk[b - 1] && tok_cap(tk[b - 1]) && company_word(w[b - 1])) b--;
    size_t a = b;
    while (a > 0 && tk[a - 1] && tok_cap(tk[a - 1])) a--;
    if (a == b) return 0;
    *s = a;
    *f = b;
    return 1;
}

/* A town or city of the gazetteer in an NE's words that no actor phrase names: the first
 * place written as a name (ent_enrich_place) that either modifies a noun after it ("a
 * Samarra official", "Kherson residents") or ends the NE after OF ("the town of Samarra",
 * "residents of Samarra").  A name alone ("Jackson said", "met Jackson") may be a
 * person's, and one after IN or AT is where something happens ("talks in Geneva"), no
 * party to it (the country-less actors of the sentence may take its country: enrich.c):
 * neither names anything here.  Returns the place's country code (its words: [*at, *at +
 * *len)) or NULL. */
static const char *place_in_ne(ent_coder *c, const char *const *w, const ent_token *const *tk, size_t n,
                               size_t *at, size_t *len) {
    for (size_t i = 0; i < n; i++) {
        const char *code = NULL;
        size_t l = ent_enrich_place(c->d, w, tk, n, i, &code);
        if (!l) continue;
        if (i + l == n && !(i > 0 && !strcmp(w[i - 1], "OF"))) {
            if (TRACING(c)) trace(c, "place %s (gazetteer) heads the phrase without OF: no party here", w[i]);
            continue;
        }
        if (TRACING(c)) trace(c, "place %s (gazetteer) stands for %s", w[i], code);
        *at = i;
        *len = l;
        return code;
    }
    return NULL;
}

/* Suffixes of a hyphenated word NAME-SUFFIX that make it stand for NAME's actor: the
 * party that leads, backs, owns, runs, flags or drafts the thing named ("Vietnamese-led
 * forces", "an Iran-backed militia", "a Liberian-flagged tanker", "a US-drafted
 * resolution").  Suffixes of place or origin ("Yemen-based", "Rotterdam-bound",
 * "Iranian-born", "Russian-made") name no party and are not listed: such a word codes
 * nothing. */
static const char *const AFFILIATION_SUFFIX[] = {
    "LED", "BACKED", "SPONSORED", "FUNDED", "SUPPORTED", "ALLIED", "ALIGNED", "AFFILIATED",
    "CONTROLLED", "OWNED", "OPERATED", "LINKED", "ARMED", "TRAINED", "FLAGGED", "REGISTERED",
    "DRAFTED", NULL};

/* The actor phrase named by the affiliation word w[i] (NAME-SUFFIX, AFFILIATION_SUFFIX):
 * NAME alone or with up to 3 words before it ("Marshall Islands-flagged", "South
 * Korea-owned"), the longest that is a whole actor phrase.  Returns the phrase's index
 * (-1: none) and sets *j0 to the phrase's first word in w. */
static int64_t affiliation_actor(const phr_src *pa, const char *const *w, const uint32_t *wh, size_t i, size_t *j0) {
    const char *dash = strrchr(w[i], '-');
    if (!dash || dash == w[i] || !ent_str_in_list(dash + 1, AFFILIATION_SUFFIX)) return -1;
    size_t pl = (size_t)(dash - w[i]);
    if (pl >= 64) return -1;
    char pre[64];
    memcpy(pre, w[i], pl);
    pre[pl] = 0;
    const char *ww[4];
    uint32_t hh[4];
    size_t back = i < 3 ? i : 3;
    for (size_t b = 0; b < back; b++) ww[b] = w[i - back + b], hh[b] = wh[i - back + b];
    ww[back] = pre;
    hh[back] = ent_cz_word_hash(pre);
    uint64_t sig = 0;
    for (size_t b = 0; b <= back; b++) sig |= word_bit(hh[b]);
    for (size_t b = 0; b <= back; b++) {   /* longest first */
        size_t len = 0;
        int64_t k = best_phrase_at(pa, ww, hh, back + 1, b, sig, &len);
        if (k >= 0 && b + len == back + 1) { *j0 = i - back + b; return k; }
    }
    return -1;
}

/* Agent words that are also nouns of a stance: "opposition" is a group ("Kenya's
 * opposition rejected the results", "the opposition party") and also the owner's stance
 * toward something ("Iran's opposition to the nuclear deal"). */
static const char *const STANCE_AGENT[] = {"OPPOSITION", "RESISTANCE", NULL};

/* Is the agent word w[i], the NE's last word, a stance of its owner rather than a
 * group: a STANCE_AGENT word right after a possessive ('s) and followed by TO in the
 * sentence?  tk: the words' tokens (NULL: never). */
static int stance_noun(const ent_coder *c, const char *const *w, const ent_token *const *tk, size_t n, size_t i) {
    if (!tk || !c->sent || i + 1 != n || i == 0 || !tk[i] || !ent_str_in_list(w[i], STANCE_AGENT)) return 0;
    const ent_token *t0 = c->sent->tokens;
    size_t t = (size_t)(tk[i] - t0);
    if (t < 1 || t + 1 >= c->sent->ntokens) return 0;
    return !strcmp(t0[t - 1].tag, "POS") && !strcmp(t0[t + 1].tag, "TO");
}

/* Is the one-word agent at w[i], a person's title as a noun ("general"), used here as an
 * adjective on the noun after it ("a general strike", "the general election")?  It is
 * when it is tagged JJ and the next word is a common noun that names no person ("a general
 * manager" stays a person).  The caller asks only for military ranks, whose adjectives
 * never name the armed forces, and only when the next word opens no agent phrase of its
 * own: "official" as an adjective still names the government ("the official news
 * agency" ---GOV), "Islamist media" stays MUS + MED.  tk: the words' tokens, or
 * NULL (then never). */
static int agent_as_adjective(const char *const *w, const ent_token *const *tk, size_t n, size_t i) {
    if (!tk || i + 1 >= n || !tk[i] || !tk[i + 1] || strcmp(tk[i]->tag, "JJ")) return 0;
    if (strcmp(tk[i + 1]->tag, "NN") && strcmp(tk[i + 1]->tag, "NNS")) return 0;
    return ent_noun_is_person(w[i]) && !ent_noun_is_person(w[i + 1]);
}

/* Is actor phrase p a surname alias: one word, a '+' synonym of an entry whose root has
 * more words and ends in it ("+BUSH" of GEORGE_W._BUSH, "+TRUSS" of LIZ_TRUSS)? */
static int surname_alias(const ent_actor_phrase *p) {
    if (p->phrase.n != 1 || !p->synonym || !p->actor || !p->actor->root) return 0;
    const char *r = p->actor->root, *w = p->phrase.el[0].text;
    size_t rl = strlen(r), wl = strlen(w);
    while (rl && r[rl - 1] == '_') rl--;
    return rl > wl + 1 && r[rl - wl - 1] == '_' && !strncmp(r + rl - wl, w, wl);
}

static const char *code_with_roles(ent_coder *c, const char *base, const char *role);

/* Is token tk written with no capital letter ("elite", "state-owned", "bush")? */
static int tok_lowercase(const ent_token *tk) {
    if (!tk || !tk->text) return 0;
    for (const char *q = tk->text; *q; q++)
        if (isupper((unsigned char)*q)) return 0;
    return 1;
}

/* Does table is (ent_noun_is_person, ent_noun_is_message) hold the common noun w
 * (capitals), or the singular of w read as a plural in -S ("AIDES")?  With sibilants on,
 * also a plural in -ES after a sibilant ("SPEECHES", "WITNESSES") or in -IES
 * ("DEPUTIES"); "LINES" is never "LIN". */
static int noun_or_singular_in(const char *w, int (*is)(const char *), int sibilants) {
    char sg[64];
    size_t l = strlen(w);
    if (is(w)) return 1;
    if (l < 3 || l >= sizeof sg || w[l - 1] != 'S') return 0;
    memcpy(sg, w, l - 1);
    sg[l - 1] = 0;
    if (is(sg)) return 1;
    if (!sibilants || l < 5 || w[l - 2] != 'E') return 0;
    if (w[l - 3] == 'I') {
        sg[l - 3] = 'Y';
        sg[l - 2] = 0;
        return is(sg);
    }
    sg[l - 2] = 0;
    return (w[l - 3] == 'S' || w[l - 3] == 'X' || w[l - 3] == 'Z' ||
            (w[l - 3] == 'H' && (w[l - 4] == 'C' || w[l - 4] == 'S'))) && is(sg);
}

/* Is the plural or singular common noun w (capitals) a person's ("AIDES", "SUPPORTER")? */
static int noun_names_person(const char *w) { return noun_or_singular_in(w, ent_noun_is_person, 0); }

/* Is the capitalised word w[i] of an NE (tk: its tokens, none NULL) a common word that
 * opens the sentence as a modifier of the noun after it ("Bush fires spread", "Gallant
 * rescuers ..."), rather than a surname: it is the sentence's first word, has a
 * lower-case reading in the lexicon (not a pure name), the NE's next word is a common
 * noun in lower case that opens no agent phrase and names no person ("Bush aides",
 * "Bush administration" stay the person's), and nobody of that surname was named earlier
 * in the story (c->people).  Only asked for a dictionary surname alias. */
static int opening_modifier(ent_coder *c, const phr_src *pg, const char *const *w, const uint32_t *wh, size_t n,
                            size_t i, uint64_t nesig, const ent_token *const *tk) {
    if (!c->sent || !c->sent->ntokens || i + 1 >= n || !tk[i] || !tk[i + 1] || tk[i] != &c->sent->tokens[0] ||
        !tk[i]->text || ent_word_pure_name(tk[i]->text, strlen(tk[i]->text)))
        return 0;
    /* a word only an adjective may qualify people too ("Gallant volunteers"); a noun
     * before a person's noun is the person's name ("Bush supporters") */
    char low[64];
    size_t l = strlen(tk[i]->text), nt;
    const char *lt[ENT_LEX_MAXTAGS];
    if (l >= sizeof low) return 0;
    for (size_t k = 0; k <= l; k++) low[k] = (char)tolower((unsigned char)tk[i]->text[k]);
    int adjective = (nt = (size_t)ent_lex_lookup(low, l, lt)) > 0;
    for (size_t k = 0; k < nt && adjective; k++) adjective = !strncmp(lt[k], "JJ", 2);
    const char *t = tk[i + 1]->tag;
    size_t len = 0;
    if (!tok_lowercase(tk[i + 1]) || (strcmp(t, "NN") && strcmp(t, "NNS")) || (!adjective && noun_names_person(w[i + 1])) ||
        (c->fg.bits && ent_first_bit(c->fg.bits, wh[i + 1]) && best_phrase_at(pg, w, wh, n, i + 1, nesig, &len) >= 0))
        return 0;
    int amb = 0;
    return !ent_people_by_surname(&c->people, w[i], &amb) && !amb;
}

/* A body of a country named after it in one NE: "Russia's Gazprom" RUSBUS, "Iran's
 * Revolutionary Guards", "Iranian Revolutionary Guards" IRNMIL, "Hungary's Orban" HUNGOV,
 * "Russia's state-owned Gazprom" (modifiers in lower case between them; tk needed).
 * country: the code of the actor phrase ending before w[a1] (a possessive's "'s" is no
 * word of the NE); the next actor phrase lends its roles when country is a bare country
 * and that phrase's code is the same country (or "---", none) with roles.  Returns
 * country with those roles (arena string; [*b0, *b1): the body's words, *root: its
 * entry's root phrase) or NULL, the NE keeping country alone ("Russia's economy" RUS). */
static const char *owned_body(ent_coder *c, const phr_src *pa, const char *const *w, const uint32_t *wh,
                              size_t n, size_t a1, uint64_t nesig, long date, const char *country,
                              const ent_token *const *tk, size_t *b0, size_t *b1, const char **root) {
    if (a1 == 0 || a1 >= n || strlen(country) != 3 || !ent_enrich_country_code(country)) return NULL;
    size_t j = a1;
    /* modifiers only: adjectives, nouns, participles ("Russia's purchase of Gazprom shares"
     * names no body of Russia's), and no agent phrase: a title before a name says the
     * person's role ("Britain's foreign secretary <name>": GOV from the title, not the
     * name's entry of that date) */
    phr_src pg = {&c->fg, c->sx.agent_sig, c->sx.agent_h1, NULL, c->d->agents};
    while (tk && j + 1 < n && tok_lowercase(tk[j]) &&
           (tk[j]->tag[0] == 'J' || tk[j]->tag[0] == 'N' || !strcmp(tk[j]->tag, "VBN"))) {
        size_t glen = 0;
        if (c->fg.bits && ent_first_bit(c->fg.bits, wh[j]) && best_phrase_at(&pg, w, wh, n, j, nesig, &glen) >= 0)
            return NULL;
        j++;
    }
    if ((j > a1 && tok_lowercase(tk[j])) || !ent_first_bit(c->fa.bits, wh[j])) return NULL;
    size_t len = 0;
    int64_t k = best_phrase_at(pa, w, wh, n, j, nesig, &len);
    if (k < 0 || (tk && surname_alias(&c->d->actor_phrases[k]) && tok_lowercase(tk[j]))) return NULL;
    const char *bc = ent_actor_code_on(c->d->actor_phrases[k].actor, date);
    if (!bc || strlen(bc) < 6 || strchr(bc, '/')) return NULL;
    char bcc[4] = {bc[0], bc[1], bc[2], 0};
    if (strcmp(bcc, "---") && !ent_enrich_country_code(bcc)) return NULL;   /* IGO..., NGO... */
    /* another country's body is no body of this one: "Mali's Wagner mercenaries" are not
     * Mali's forces, "Syria's Hezbollah allies" no Syrian rebels */
    if (strcmp(bcc, "---") && strcmp(bcc, country)) return NULL;
    *b0 = j;
    *b1 = j + len;
    if (root) *root = c->d->actor_phrases[k].actor->root;
    return code_with_roles(c, country, bc);
}

/* Nouns that name a body of the state when a country's name is on them ("the Ghana
 * Electoral Commission", "Nigeria's anti-corruption agency", "the Revenue Authority of
 * Kenya"); the agent dictionary has no such noun alone, which would make every "the
 * commission" a government. */
static const char *const STATE_BODY[] = {"COMMISSION", "AUTHORITY", "AGENCY", "BUREAU", "DIRECTORATE",
                                         "INSPECTORATE", "DEPARTMENT", "REGULATOR", NULL};

/* Is an NE whose one actor phrase is a bare country (words [a0, a1)) and which has no
 * agent phrase a body of that country's state: its head (the word before its first OF,
 * ON or FOR, else its last word) is a STATE_BODY noun outside the country's words, it is
 * not named as one of many ("a Nigerian travel agency": A, AN), and no other actor phrase
 * is in it ("the Kenya bureau of the Red Cross")? */
static int state_body(ent_coder *c, const phr_src *pa, const char *const *w, const uint32_t *wh, size_t n,
                      size_t a0, size_t a1, uint64_t nesig) {
    static const char *const preps[] = {"OF", "ON", "FOR", NULL};
    if (!n || !strcmp(w[0], "A") || !strcmp(w[0], "AN")) return 0;
    size_t h = n;
    for (size_t k = 1; k < n; k++)
        if (ent_str_in_list(w[k], preps)) { h = k; break; }
    if ((h - 1 >= a0 && h - 1 < a1) || !ent_str_in_list(w[h - 1], STATE_BODY)) return 0;
    for (size_t k = 0; k < n; k++) {
        size_t len = 0;
        if (k >= a0 && k < a1) continue;
        if (ent_first_bit(c->fa.bits, wh[k]) && best_phrase_at(pa, w, wh, n, k, nesig, &len) >= 0) return 0;
    }
    return 1;
}

/* The code of one NE from its words: the first actor phrase found (with the roles of a
 * body of its country named after it: owned_body), plus every agent
 * phrase outside them (NGO~ style codes go before the actor code, ~GOV style after), but
 * not an agent word that is part of a personal name (agent_is_name; tk: the words'
 * tokens as written, or NULL to skip that test).  With no actor phrase, a gazetteer place
 * written as a name (tk needed) stands for its country (place_in_ne).
 * *root (root may be NULL) gets the root phrase of that actor's entry, or NULL. */
static const char *ne_code(ent_coder *c, const char *const *w, const uint32_t *wh, size_t n, long date,
                           const char **root, const ent_token *const *tk) {
    const ent_dicts *d = c->d;
    const char *actor = NULL;
    size_t a0 = 0, a1 = 0, b0 = n, b1 = n;   /* the actor phrase's words; a body's after it (owned_body) */
    if (root) *root = NULL;
    uint64_t nesig = 0;
    for (size_t i = 0; i < n; i++) nesig |= word_bit(wh[i]);
    phr_src pa = {&c->fa, c->sx.actor_sig, c->sx.actor_h1, d->actor_phrases, NULL};
    phr_src pg = {&c->fg, c->sx.agent_sig, c->sx.agent_h1, NULL, d->agents};
    /* the first-word filters of each family (fa/fg.bits; NULL when it has no phrases) */
    const uint64_t *abits = c->fa.bits, *gbits = c->fg.bits;
    for (size_t i = 0; i < n && !actor && abits; i++) {
        if (!ent_first_bit(abits, wh[i])) continue;
        size_t len = 0;
        int64_t k = best_phrase_at(&pa, w, wh, n, i, nesig, &len);
        if (k < 0) continue;
        /* a surname alias written in lower case is a common word ("bush fires", "a steel
         * truss"); capitalised it stays a name, at the sentence's start too ("Trump
         * criticized ..."): a surname no dictionary knows is a person there only through
         * story memory (story_person) */
        if (tk && surname_alias(&d->actor_phrases[k]) && (tok_lowercase(tk[i]) || opening_modifier(c, &pg, w, wh, n, i, nesig, tk))) {
            if (TRACING(c)) trace(c, "actor phrase at %s is a common word here, not the person's name", w[i]);
            continue;
        }
        /* a body of water named by a country ("the Gulf of Oman", "the Taiwan Strait")
         * is a place, no party */
        if ((i >= 2 && !strcmp(w[i - 1], "OF") && ent_enrich_water_noun(w[i - 2])) ||
            (i + len < n && ent_enrich_water_noun(w[i + len]))) {
            if (TRACING(c)) trace(c, "actor phrase at %s names a body of water here", w[i]);
            i += len - 1;
            continue;
        }
        /* a phrase starting inside this one that runs past its end and names more content
         * words wins: "the West Bank" is WEST_BANK (PSE), not THE_WEST and a bank */
        for (size_t j = i + 1, lj = 0; j < i + len; j++) {
            if (!ent_first_bit(abits, wh[j])) continue;
            int64_t kj = best_phrase_at(&pa, w, wh, n, j, nesig, &lj);
            if (kj >= 0 && j + lj > i + len && content_words(w + j, lj) > content_words(w + i, len)) {
                if (TRACING(c)) trace(c, "actor phrase at %s overlaps a longer name at %s", w[i], w[j]);
                k = kj; i = j; len = lj;
                break;
            }
        }
        /* a people named in the plural "of" a country's place are its residents: "the
         * Albanians of southern Serbia" SRB, "the Kurds of northern Iraq" IRQ (not "Russians
         * of Ukrainian descent": the country after OF must be a name) */
        if (tk && i + len + 1 < n && tk[i + len - 1] && !strcmp(tk[i + len - 1]->tag, "NNPS") &&
            !strcmp(w[i + len], "OF")) {
            size_t j = i + len + 1, lj = 0;
            while (j < n && ent_enrich_place_filler(w[j])) j++;
            int64_t kj = j < n && tk[j] && !strncmp(tk[j]->tag, "NNP", 3) ? best_phrase_at(&pa, w, wh, n, j, nesig, &lj) : -1;
            const char *cj = kj >= 0 ? ent_actor_code_on(d->actor_phrases[kj].actor, date) : NULL;
            if (cj && strlen(cj) == 3 && ent_enrich_country_code(cj)) {
                if (TRACING(c)) trace(c, "%s of %s: the people of the place", w[i], w[j]);
                k = kj; i = j; len = lj;
            }
        }
        const char *code = ent_actor_code_on(d->actor_phrases[k].actor, date);
        actor = code ? code : "---";
        if (root) *root = d->actor_phrases[k].actor->root;
        a0 = i; a1 = i + len;
        const char *own = owned_body(c, &pa, w, wh, n, a1, nesig, date, actor, tk, &b0, &b1, root);
        if (own) {
            if (TRACING(c)) trace(c, "actor phrase at %s names a body of %s: %s", w[b0], actor, own);
            actor = own;
        }
    }
    /* "Vietnamese-led forces", "a Marshall Islands-flagged tanker": with no actor phrase
     * of its own, the NE's word of affiliation stands for its NAME's actor (an actor named
     * in the NE wins: "Rwanda-backed M23 rebels" are M23's) */
    for (size_t i = 0; i < n && !actor && abits; i++) {
        size_t j0 = 0;
        int64_t k = strchr(w[i], '-') ? affiliation_actor(&pa, w, wh, i, &j0) : -1;
        if (k < 0) continue;
        const char *code = ent_actor_code_on(d->actor_phrases[k].actor, date);
        actor = code ? code : "---";
        if (root) *root = d->actor_phrases[k].actor->root;
        a0 = j0; a1 = i + 1;
    }
    if (!actor && tk && d->nplaces) {
        size_t len = 0;
        const char *pc = place_in_ne(c, w, tk, n, &a0, &len);
        if (pc) { actor = pc; a1 = a0 + len; }
    }
    const ent_agent *ag[16];
    int nag = 0;
    size_t co0 = n, co1 = n;   /* the words of a company's name before its company words */
    int co_known = !tk;        /* found on the first agent phrase (most NEs have none) */
    for (size_t i = 0; i < n && gbits; i++) {
        if (actor && ((i >= a0 && i < a1) || (i >= b0 && i < b1))) continue;
        if (!ent_first_bit(gbits, wh[i])) continue;
        size_t len = 0;
        int64_t k = best_phrase_at(&pg, w, wh, n, i, nesig, &len);
        if (k < 0) continue;
        if (!co_known) co_known = 1, company_name(w, tk, n, &co0, &co1);
        if (i >= co0 && i + len <= co1) {
            /* "Admiral Insurance", "Marine Holdings Ltd.": the company's name, not a role */
            if (TRACING(c)) trace(c, "agent word %s is part of a company's name here", w[i]);
            i += len - 1;
            continue;
        }
        if (len == 1 && agent_is_name(&pg, w, wh, n, i, nesig, tk, a0, a1, actor != NULL)) {
            if (TRACING(c)) trace(c, "agent word %s is part of a personal name here", w[i]);
            continue;
        }
        size_t nlen = 0;
        if (len == 1 && !strcmp(d->agents[k].code, "MIL") && agent_as_adjective(w, tk, n, i) &&
            best_phrase_at(&pg, w, wh, n, i + 1, nesig, &nlen) < 0) {
            if (TRACING(c)) trace(c, "agent word %s qualifies the noun %s here: no role", w[i], w[i + 1]);
            continue;
        }
        if (len == 1 && tk && w[i][0] && w[i][strlen(w[i]) - 1] == '.' &&
            (i + 1 >= n || !tk[i + 1] || strncmp(tk[i + 1]->tag, "NNP", 3) ||
             (ent_first_bit(gbits, wh[i + 1]) && best_phrase_at(&pg, w, wh, n, i + 1, nesig, &nlen) >= 0))) {
            /* an abbreviated title ("Sen.", "Gen.") stands before a name; "Rep. of Congo",
             * "the Dem. Rep. Party" abbreviate no title */
            if (TRACING(c)) trace(c, "abbreviation %s names no one here (no name after it)", w[i]);
            continue;
        }
        if (len == 1 && stance_noun(c, w, tk, n, i)) {
            if (TRACING(c)) trace(c, "agent word %s names the owner's stance here (... TO): no role", w[i]);
            continue;
        }
        if (nag < 16) ag[nag++] = &d->agents[k];
        i += len - 1;
    }
    if (!nag && actor && strlen(actor) == 3 && ent_enrich_country_code(actor) && b0 == n &&
        state_body(c, &pa, w, wh, n, a0, a1, nesig)) {
        if (TRACING(c)) trace(c, "a body of %s's state (its head noun): %sGOV", actor, actor);
        return code_with_roles(c, actor, "---GOV");
    }
    if (!nag) return actor ? actor : "---";
    ent_buf *b = &c->buf;
    ent_buf_clear(b);
    ent_buf_puts(b, actor ? actor : "---");
    for (int k = 0; k < nag; k++) {
        const char *ac = ag[k]->code;
        size_t al = strlen(ac);
        int dup = 0;
        for (size_t off = 0; al && off + al <= b->len; off += 3)
            if (!memcmp(b->data + off, ac, al)) { dup = 1; break; }
        if (dup) break;
        if (ag[k]->before) {
            /* a CODE~ agent goes before the actor code (PETRARCH: "NGOARN"), in place of
             * a missing one ("an aid group" NGO, not NGO---); after a country named IN
             * the phrase where its people are, a plural noun before IN ("aid workers in
             * Chad": TCDNGO, as place_after codes "aid workers" followed by "in Chad"; "a
             * rights group in Chad" is a Chadian group, NGOHRITCD) */
            char tmp[256];
            int bare = !strncmp(b->data, "---", 3);
            if (actor && a0 >= 2 && tk && tk[a0 - 2] && !strcmp(tk[a0 - 2]->tag, "NNS") && !strcmp(w[a0 - 1], "IN") &&
                b->len == 3 && ent_enrich_country_code(b->data))
                snprintf(tmp, sizeof tmp, "%s%s", b->data, ac);
            else
                snprintf(tmp, sizeof tmp, "%s%s", ac, b->data + (bare ? 3 : 0));
            ent_buf_clear(b);
            ent_buf_puts(b, tmp);
        } else ent_buf_puts(b, ac);
    }
    return ent_arena_strdup(&c->arena, b->data);
}

/* Personal pronouns (Penn tag PRP: "us", "it", "we", "they") never match an actor or
 * agent phrase: "told us" must not code "US" as the United States.  PETRARCH-1 has no
 * pronoun resolution (TABARI's was never ported), so a pronoun is simply uncoded. */
static int token_is_pronoun(const ent_coder *c, int32_t tok) {
    if (!c->sent || tok < 0 || (size_t)tok >= c->sent->ntokens) return 0;
    const char *t = c->sent->tokens[tok].tag;
    return t[0] == 'P' && t[1] == 'R' && t[2] == 'P' && !t[3];
}

/* clauses option: coordinated modifiers in one noun phrase name an actor each ("Senior
 * Hungarian and Romanian officials": HUNGOV and ROUGOV; "Russian and Chinese warships"):
 * the phrase's words (c->z.words[0, n)) with each conjunct alone are coded, and when both
 * name different countries the phrase's code becomes both, '/'-joined (one event each). */
static void coordinated_modifiers(ent_coder *c, coder_item *x, size_t n) {
    size_t a = 1;
    while (a + 2 < n && strcmp(c->z.words[a], "AND")) a++;
    if (a + 2 >= n) return;
    const char *w[64];
    uint32_t h[64];
    if (n > 64) return;
    const char *codes[2];
    for (int side = 0; side < 2; side++) {   /* side 0: without "AND Y", side 1: without "X AND" */
        size_t m = 0, skip = side ? a - 1 : a;
        for (size_t k = 0; k < n; k++) {
            if (k == skip || k == skip + 1) continue;
            w[m] = c->z.words[k];
            h[m++] = c->z.wh[k];
        }
        const char *root = NULL;
        codes[side] = ne_code(c, w, h, m, c->date, &root, NULL);
        if (strlen(codes[side]) < 3 || !strncmp(codes[side], "---", 3) || strchr(codes[side], '/')) return;
    }
    if (!strncmp(codes[0], codes[1], 3)) return;
    ent_buf_clear(&c->buf);
    ent_buf_printf(&c->buf, "%s/%s", codes[0], codes[1]);
    x->code = ent_arena_strdup(&c->arena, c->buf.data);
}

/* clauses option: possessives coordinated before one head ("Russia's and Belarus's
 * leaders", "France's, Italy's and Spain's ministers"): the parser makes each owner a
 * conjunct of its own, and only the last holds the head.  The NE x (words
 * c->z.words[0, n)), a conjunct ending in a possessive, takes the head of the NEC's last
 * conjunct (its words after its last possessive) when that adds a role to its own
 * country ("RUSSIA 'S" RUS -> RUSSIA 'S LEADERS RUSGOV); anything else leaves x as it is. */
static void shared_possessed(ent_coder *c, coder_item *x, size_t n) {
    const cvec *it = &c->z.items;
    if (n < 2 || n > 32 || (strcmp(c->z.words[n - 1], "'S") && strcmp(c->z.words[n - 1], "'")) ||
        strlen(x->code) != 3 || !ent_enrich_country_code(x->code) || x->mate < 0)
        return;
    size_t k = (size_t)x->mate + 1, last = 0;
    while (k < it->n) {   /* the conjuncts after this one, up to the NEC's close */
        const coder_item *y = &it->v[k];
        if (y->kind == K_CLOSE && y->lab == L_NEC) break;
        if (y->kind == K_OPEN && y->lab == L_NE && y->mate > (int32_t)k) { last = k; k = (size_t)y->mate + 1; continue; }
        if (y->kind == K_WORD && y->w && (!strcmp(y->w, "AND") || !strcmp(y->w, ","))) { k++; continue; }
        return;
    }
    if (k >= it->n || !last) return;
    const char *w[48];
    uint32_t h[48];
    memcpy(w, c->z.words, n * sizeof *w);
    memcpy(h, c->z.wh, n * sizeof *h);
    size_t m = n, pos = 0;
    for (size_t q = last + 1; q < (size_t)it->v[last].mate; q++)
        if (it->v[q].kind == K_WORD && it->v[q].w && (!strcmp(it->v[q].w, "'S") || !strcmp(it->v[q].w, "'"))) pos = q;
    if (!pos) return;
    for (size_t q = pos + 1; q < (size_t)it->v[last].mate && m < 48; q++)
        if (it->v[q].kind == K_WORD && it->v[q].w) { w[m] = it->v[q].w; h[m++] = it->v[q].h; }
    if (m == n || m >= 48) return;
    const char *root = NULL, *code = ne_code(c, w, h, m, c->date, &root, NULL);
    if (strlen(code) <= 3 || strncmp(code, x->code, 3) || strchr(code, '/')) return;
    if (TRACING(c)) trace(c, "coordinated possessive: %s shares the head of the last owner's phrase: %s", x->code, code);
    x->code = code;
    x->root = root;
}

/* resolve_pronouns: may "it" stand for the antecedent code a?  Only a country alone
 * ("IRN") or an international, non-governmental or business body (IGO..., NGO...,
 * MNC...): a country role ("IRNGOV") may be a person. */
static int ante_is_body(const char *a) {
    if (strlen(a) == 3 && ent_enrich_country_code(a)) return 1;
    if (strlen(a) < 3) return 0;
    return !strncmp(a, "IGO", 3) || !strncmp(a, "NGO", 3) || !strncmp(a, "MNC", 3);
}

/* Does the NE whose OPEN is item i open the sentence (no word before it)?  "it" and
 * "the country" stand for an earlier sentence's actor only there: later in the sentence
 * they are this sentence's ("Pakistan denied that it harboured ...", "an attack on the
 * country"). */
static int opens_sentence(const ent_coder *c, size_t i) {
    for (size_t q = 0; q < i; q++)
        if (c->z.items.v[q].kind == K_WORD) return 0;
    return 1;
}

/* Is the "it" whose NE closes at item m expletive ("It is raining", "It was reported
 * that ...", "It seems ...")?  Any "it" followed by a form of "be" or a raising verb is
 * taken as one: such a subject never stands for an earlier actor here. */
static int expletive_it(const ent_coder *c, size_t m) {
    static const char *const verbs[] = {"IS", "WAS", "'S", "SEEMS", "SEEMED", "APPEARS", "APPEARED",
                                        "REMAINS", "REMAINED", "HAS", "HAD", "WILL", "WOULD", "MAY", "MIGHT", NULL};
    const cvec *it = &c->z.items;
    for (size_t k = m + 1; k < it->n; k++) {
        if (it->v[k].kind != K_WORD) continue;
        const char *w = it->v[k].w;
        if (!w) return 0;
        return ent_str_in_list(w, verbs);
    }
    return 0;
}

/* base (an actor's code) with the roles of role ("---REB" -> "REB") appended, each only
 * when base does not already hold it ("TURREB" + "---REB" -> "TURREB"); arena string. */
static const char *code_with_roles(ent_coder *c, const char *base, const char *role) {
    ent_buf_clear(&c->buf);
    ent_buf_puts(&c->buf, base);
    for (const char *r = role + 3; strlen(r) >= 3; r += 3) {
        int dup = 0;
        for (size_t off = 0; off + 3 <= strlen(base) && !dup; off += 3) dup = !strncmp(base + off, r, 3);
        if (!dup) ent_buf_printf(&c->buf, "%.3s", r);
    }
    return ent_arena_strdup(&c->arena, c->buf.data);
}

static int item_word_is(const cvec *it, size_t k, const char *w) {
    return k < it->n && it->v[k].kind == K_WORD && it->v[k].w && !strcmp(it->v[k].w, w);
}
/* The OPEN of the NE that closes at item k, or -1. */
static int64_t ne_closing_at(const cvec *it, size_t k) {
    if (k >= it->n || it->v[k].kind != K_CLOSE || it->v[k].mate < 0) return -1;
    const coder_item *o = &it->v[it->v[k].mate];
    return o->kind == K_OPEN && o->lab == L_NE ? it->v[k].mate : -1;
}
/* Is the NE opening at item g one capitalised acronym ("RUF", "PKK", "MB")? */
static int ne_is_acronym(const ent_coder *c, size_t g) {
    const cvec *it = &c->z.items;
    if (it->v[g].mate != (int32_t)g + 2 || it->v[g + 1].kind != K_WORD || !c->sent) return 0;
    int32_t t = it->v[g + 1].tok;
    if (t < 0 || (size_t)t >= c->sent->ntokens) return 0;
    const char *w = c->sent->tokens[t].text;
    size_t n = strlen(w);
    return n >= 2 && n <= 8 && ent_all_upper(w, n);
}
/* Are the words of the NE opening at item i lowercase as written (a common-noun head:
 * "group", "rebels", "party"), at most two? */
static int ne_lowercase_head(const ent_coder *c, size_t i) {
    const cvec *it = &c->z.items;
    size_t words = 0;
    for (size_t k = i + 1; k < (size_t)it->v[i].mate; k++) {
        if (it->v[k].kind != K_WORD) return 0;
        int32_t t = it->v[k].tok;
        if (!c->sent || t < 0 || (size_t)t >= c->sent->ntokens || isupper((unsigned char)c->sent->tokens[t].text[0]))
            return 0;
        words++;
    }
    return words >= 1 && words <= 2;
}

/* clauses option: a name and its acronym in parentheses stand for one actor, and so does
 * a common-noun head right after them: "The Revolutionary Front (RUF)" takes RUF's code
 * when the name alone has none, "The Muslim Brotherhood (MB)" gives MB its own, and in
 * "the Kurdistan Workers Party (PKK) militants", "Hizbollah (Party of God) group" the
 * head ("militants", "group": no country, usually the verb's subject) takes the
 * acronym's code, else the name's, else the gloss's, with its own roles (TURREB + ---REB: TURREB); a name
 * takes its acronym's code as it is (the agent words of "Kurdistan Workers Party" are
 * part of the name).  x: the NE at item i, whose code (no country) is set. */
static void glossed_name(ent_coder *c, size_t i, coder_item *x) {
    const cvec *it = &c->z.items;
    size_t m = (size_t)x->mate;
    const char *base = NULL;
    int own_roles = 0;   /* the head keeps its roles; a name's agent words ("Workers Party") do not */
    if (i >= 2 && item_word_is(it, i - 1, "-RRB-") && ne_lowercase_head(c, i)) {
        int64_t g = ne_closing_at(it, i - 2);
        int64_t p = g >= 2 && item_word_is(it, (size_t)g - 1, "-LRB-") ? ne_closing_at(it, (size_t)g - 2) : -1;
        if (p >= 0) {
            const char *pc = item_code(c, (size_t)p), *gc = item_code(c, (size_t)g);
            /* an acronym's own entry is the most specific; else the name, else the gloss */
            base = code_has_actor(gc) && ne_is_acronym(c, (size_t)g) ? gc
                 : code_has_actor(pc) ? pc : code_has_actor(gc) ? gc : NULL;
            own_roles = 1;
        }
    } else if (item_word_is(it, m + 1, "-LRB-") && m + 2 < it->n && it->v[m + 2].kind == K_OPEN &&
               it->v[m + 2].lab == L_NE && ne_is_acronym(c, m + 2) && item_word_is(it, (size_t)it->v[m + 2].mate + 1, "-RRB-")) {
        const char *gc = item_code(c, m + 2);   /* "The Revolutionary Front (RUF)" */
        if (code_has_actor(gc)) base = gc;
    } else if (i >= 2 && item_word_is(it, i - 1, "-LRB-") && ne_is_acronym(c, i) && item_word_is(it, m + 1, "-RRB-")) {
        int64_t p = ne_closing_at(it, i - 2);   /* "The Muslim Brotherhood (MB)" */
        if (p >= 0 && code_has_actor(item_code(c, (size_t)p))) base = item_code(c, (size_t)p);
    }
    if (!base || strchr(base, '/')) return;
    const char *was = x->code;
    x->code = own_roles ? code_with_roles(c, base, x->code) : base;
    if (TRACING(c)) trace(c, "name and gloss: %s is %s", was, x->code);
}

/* A role without a country ("settlers", "doctors", "troops": ---CVL, ---HLH, ---MIL) whose
 * NE (closing at item m) is followed by a prepositional phrase IN or FROM a phrase with a
 * country takes that country: "accused settlers in the West Bank" PSECVL, "expelled
 * diplomats from Russia" RUSGOV.  So does a role of any number followed by OF a phrase
 * with a country, the office of that country, when the parse left "X of Y" as two
 * phrases ("met the emir of Qatar in Damascus": the place after Qatar split it) QATGOV.
 * The NE's code x->code is replaced. */
static void place_after(ent_coder *c, size_t m, coder_item *x) {
    const cvec *it = &c->z.items;
    if (m + 3 >= it->n) return;
    const coder_item *pp = &it->v[m + 1], *in = &it->v[m + 2], *ne = &it->v[m + 3];
    if (pp->kind != K_OPEN || pp->lab != L_PP || in->kind != K_WORD || !in->w || ne->kind != K_OPEN ||
        ne->lab != L_NE || (strcmp(in->w, "IN") && strcmp(in->w, "FROM") && strcmp(in->w, "OF")))
        return;
    if (ent_enrich_foreign_text(item_text(c, (size_t)it->v[m].mate))) return;   /* "foreign fighters in Idlib" */
    /* IN, FROM: only a group of people, a plural head ("settlers", "troops"), not "an oil
     * tanker in the Gulf" nor "an exercise in Rajasthan" */
    const coder_item *head = &it->v[m - 1];
    if (head->kind != K_WORD || !c->sent || head->tok < 0 || (size_t)head->tok >= c->sent->ntokens ||
        (strcmp(in->w, "OF") && strcmp(c->sent->tokens[head->tok].tag, "NNS")))
        return;
    const char *yc = item_code(c, m + 3);
    char cc[4] = {0};
    int of = !strcmp(in->w, "OF");
    int ngo = !strncmp(x->code, "NGO", 3);
    if (ngo && (of || strlen(x->code) > 6)) return;
    if (strlen(yc) < 3 || (of && strlen(yc) != 3)) return;   /* OF a state itself, not "of Kurdish militants" */
    memcpy(cc, yc, 3);
    if (!ent_enrich_country_code(cc)) return;
    ent_buf_clear(&c->buf);
    /* aid workers (NGO~, country-less) IN a place are that country's as civilians there
     * are ("aid workers in Chad": TCDNGO, as the NE "aid workers in Chad" codes); FROM a
     * country they are an NGO of it, in the order PETRARCH writes a nationality (NGOTCD) */
    if (!ngo) ent_buf_printf(&c->buf, "%s%s", cc, x->code + 3);
    else if (!strcmp(in->w, "IN")) ent_buf_printf(&c->buf, "%s%s", cc, x->code);
    else ent_buf_printf(&c->buf, "%s%s", x->code, cc);
    if (TRACING(c)) trace(c, "%s %s %s: %s is %s", x->code, in->w, of ? "a state" : "a place", yc, c->buf.data);
    x->code = ent_arena_strdup(&c->arena, c->buf.data);
    x->placed = !of;
}

/* Is token t inside a quotation (more opening than closing quotes before it)?  A "his"
 * there is the quoted speaker's, whose antecedent the sentence's narrator does not give. */
static int token_in_quote(const ent_coder *c, int32_t t) {
    if (!c->sent || t < 0 || (size_t)t >= c->sent->ntokens) return 0;
    int open = 0;
    for (int32_t k = 0; k < t; k++) {
        const char *g = c->sent->tokens[k].tag;
        if (!strcmp(g, "``")) open++;
        else if (!strcmp(g, "''") && open > 0) open--;
    }
    return open > 0;
}

/* resolve_pronouns: a role with no country after a possessive pronoun ("its troops",
 * "his forces", "her government", "their soldiers": the NE whose OPEN is item i, code
 * x->code "---XXX") takes the country of the nearest complete coded NE before it (not
 * one that encloses it) that the pronoun can stand for:
 *   its    any actor with a country;
 *   his, her  a person: a country with a role ("UKRMIL" for "Ukraine's commander",
 *          "RUSGOV" for "Vladimir Putin") whose last word is singular and either a name
 *          (NNP) or a noun whose first sense is a person (persons.h: "commander", not
 *          "government": "The Ukrainian government said his forces ..." is no UKRMIL),
 *          and only when the pronoun is not inside a quotation (the quoted speaker's "his"
 *          is someone else);
 *   their  a group or a country: a plural last word ("Ukrainian troops") or a country
 *          alone ("Ukraine said their ..."), never a singular person.
 * Antecedents without a country (---, IGO, NGO, IMG, MNC, joint codes) are passed over;
 * with none found x->code is unchanged.  The new code is arena-owned. */
static void possessive_owner(ent_coder *c, size_t i, coder_item *x) {
    const cvec *it = &c->z.items;
    const char *p = it->v[i + 1].w;
    enum { ITS, HIS, THEIR } kind;
    if (!strcmp(p, "ITS")) kind = ITS;
    else if (!strcmp(p, "HIS") || !strcmp(p, "HER")) kind = HIS;
    else if (!strcmp(p, "THEIR")) kind = THEIR;
    else return;
    if (kind == HIS && token_in_quote(c, it->v[i + 1].tok)) return;
    for (size_t q = i; q-- > 0;) {
        const coder_item *y = &it->v[q];
        if (y->kind != K_OPEN || y->lab != L_NE || y->mate < 0 || (size_t)y->mate > i) continue;
        const char *yc = item_code(c, q);
        if (strlen(yc) < 3 || !strncmp(yc, "---", 3) || !strncmp(yc, "IGO", 3) || !strncmp(yc, "NGO", 3) ||
            !strncmp(yc, "IMG", 3) || !strncmp(yc, "MNC", 3) || strchr(yc, '/'))
            continue;
        if (kind != ITS) {
            /* the NE's last word: its number tells a person from a group */
            size_t last = (size_t)y->mate;
            while (last > q + 1 && it->v[last - 1].kind != K_WORD) last--;
            const char *g = last > q + 1 ? item_tag(c, last - 1) : "";
            int plural = !strcmp(g, "NNS") || !strcmp(g, "NNPS");
            int country = strlen(yc) == 3 && ent_enrich_country_code(yc);
            if (kind == HIS && (country || plural || strlen(yc) < 6)) continue;
            if (kind == HIS && strncmp(g, "NNP", 3) && !ent_noun_is_person(it->v[last - 1].w)) {
                if (TRACING(c)) trace(c, "possessive: %s cannot stand for %s (no person)", p, it->v[last - 1].w);
                continue;
            }
            if (kind == THEIR && !country && !plural) continue;
        }
        ent_buf_clear(&c->buf);
        ent_buf_printf(&c->buf, "%.3s%s", yc, x->code + 3);
        if (TRACING(c)) trace(c, "possessive: %s %s belongs to %s: %s", p, x->code, yc, c->buf.data);
        x->code = ent_arena_strdup(&c->arena, c->buf.data);
        return;
    }
}

/* The actor code of the NE whose OPEN is item i, computed on first use (most noun
 * phrases of a sentence are never a candidate source or target) and cached.  Pronouns
 * stand in the word list as "" (which no phrase matches), so actor phrases cannot run
 * across them either. */
/* Note code q (len bytes) among the parties p[0..*np) of a pair: a new one is added while
 * there are fewer than two; returns 1 when it is a third (no pair). */
static int pair_note(const char *p[2], size_t pl[2], int *np, const char *q, size_t len) {
    for (int j = 0; j < *np; j++)
        if (pl[j] == len && !strncmp(p[j], q, len)) return 0;
    if (*np == 2) return 1;
    p[*np] = q;
    pl[(*np)++] = len;
    return 0;
}

/* resolve_pronouns: a description of two parties ("the two sides", "both countries", "the
 * two leaders", "the foreign ministers of the two countries") stands for the two actors
 * it refers back to: the two distinct coded actors named before it in the sentence
 * ("China joined Russia ..., as the leaders of the two countries agreed"), or, when the
 * sentence names none before it or the description is not the subject of its clause, the
 * two parties of the story's last coded sentence ("Xi met Putin in Moscow.  The two
 * leaders signed ...").  A role a description of states names (LEADERS: GOV, ARMIES:
 * MIL) goes with each party's country.  The phrase must end in
 * one of PAIR_NOUNS after THE TWO or BOTH ("both sides of the border", "two countries"
 * are no such description); a description of states (all but PAIR_ANY_NOUNS) counts
 * only actors of a country before it; with one actor before it, or more than two, or no pair to
 * refer to, x is left uncoded.  Sets x->code ("A/B", arena-owned) and x->pair; returns
 * whether it did. */
static const char *const PAIR_NOUNS[] = {"SIDES", "COUNTRIES", "NATIONS", "STATES", "GOVERNMENTS", "LEADERS",
                                         "PRESIDENTS", "PREMIERS", "MINISTERS", "DELEGATIONS", "PARTIES",
                                         "NEIGHBOURS", "NEIGHBORS", "ALLIES", "RIVALS", "ARMIES", "MILITARIES",
                                         "MEN", "ADMINISTRATIONS", NULL};
/* those that may stand for any two actors, not only two states */
static const char *const PAIR_ANY_NOUNS[] = {"SIDES", "PARTIES", "ALLIES", "RIVALS", "DELEGATIONS", "MEN", NULL};
static int pair_description(ent_coder *c, size_t i, coder_item *x) {
    const cvec *it = &c->z.items;
    size_t m = (size_t)x->mate, last = 0, two = 0, nw = 0;
    const char *w[16];
    uint32_t h[16];
    for (size_t k = i + 1; k < m; k++) {
        if (it->v[k].kind != K_WORD || !it->v[k].w) continue;
        if (nw == 16) return 0;
        w[nw] = it->v[k].w;
        h[nw] = it->v[k].h;
        if (!strcmp(w[nw], "BOTH") || (!strcmp(w[nw], "TWO") && nw > 0 && !strcmp(w[nw - 1], "THE"))) two = nw + 1;
        last = k;
        nw++;
    }
    if (!two || two >= nw || !ent_str_in_list(w[nw - 1], PAIR_NOUNS) || it->v[last].tok < 0) return 0;
    /* states (and their leaders) are countries: an organisation named before is no party */
    int states = !ent_str_in_list(w[nw - 1], PAIR_ANY_NOUNS);
    /* the parties: the distinct coded actors before the phrase, else the story's pair */
    const char *p[2] = {NULL, NULL};
    size_t pl[2] = {0, 0};
    int np = 0, many = 0;
    for (size_t k = 0; k < i && !many; k++) {
        const coder_item *y = &it->v[k];
        if (y->kind != K_OPEN || y->lab != L_NE || y->mate < 0 || (size_t)y->mate > i) continue;
        const char *code = item_code(c, k);
        for (const char *q = code; *q && !many;) {
            size_t len = strcspn(q, "/");
            if (len >= 3 && strncmp(q, "---", 3) && (!states || ent_enrich_country_code((char[4]){q[0], q[1], q[2], 0}))) {
                many = pair_note(p, pl, &np, q, len);
            }
            q += len + (q[len] == '/');
        }
    }
    /* before it in its own sentence only as the subject of a finite clause of its own
     * ("..., and the ministers of the two countries met"): an object ("Egypt and Qatar
     * urged both parties to ...") means others, named earlier in the story */
    const char *vt = m + 2 < it->n && it->v[m + 1].kind == K_OPEN && it->v[m + 1].lab == L_VP &&
                     it->v[m + 2].kind == K_WORD && it->v[m + 2].label ? it->v[m + 2].label : "";
    int subject = !strcmp(vt, "MD") || !strcmp(vt, "VBD") || !strcmp(vt, "VBZ") || !strcmp(vt, "VBP");   /* finite */
    if (np && !subject) np = 0, many = 0;
    if (many || np == 1) return 0;
    if (!np) {
        const char *sl = strchr(c->pair_ante, '/');
        if (!c->pair_ante[0] || !sl) return 0;
        p[0] = c->pair_ante; pl[0] = (size_t)(sl - c->pair_ante);
        p[1] = sl + 1; pl[1] = strlen(sl + 1);
    }
    /* a role named by the description itself ("---GOV" for THE TWO LEADERS) */
    const char *desc = ne_code(c, w, h, nw, c->date, NULL, NULL);
    if (strncmp(desc, "---", 3)) return 0;   /* names an actor of its own */
    const char *role = states ? desc + 3 : "";   /* "both parties": no political party */
    ent_buf_clear(&c->buf);
    for (int j = 0; j < 2; j++) {
        char cc[4] = {0};
        if (pl[j] >= 3) memcpy(cc, p[j], 3);
        if (j) ent_buf_putc(&c->buf, '/');
        if (*role && ent_enrich_country_code(cc)) ent_buf_printf(&c->buf, "%s%s", cc, role);
        else ent_buf_printf(&c->buf, "%.*s", (int)pl[j], p[j]);
    }
    x->code = ent_arena_strdup(&c->arena, c->buf.data);
    x->pair = 1;
    if (TRACING(c)) trace(c, "description of two parties: %s is %s", item_text(c, i), x->code);
    return 1;
}

/* resolve_pronouns: "the country's X", "the nation's X" (the NE whose OPEN is item i, code
 * x->code "---" or "---XXX") belong to the one country the actor phrases before it name
 * ("Haitian gangs stormed the country's largest prison": HTI; "the country's army" after
 * "Sudanese rebels": SDNMIL); two countries before it ("Russia accused Ukraine of shelling
 * the country's border regions") or none leave it alone.  The new code is arena-owned. */
static void the_countrys(ent_coder *c, size_t i, coder_item *x) {
    const cvec *it = &c->z.items;
    if (i + 3 >= (size_t)x->mate || !item_word_is(it, i + 1, "THE") || it->v[i + 2].kind != K_WORD || !it->v[i + 2].w ||
        (strcmp(it->v[i + 2].w, "COUNTRY") && strcmp(it->v[i + 2].w, "NATION")) || !c->sent)
        return;
    int32_t t = it->v[i + 2].tok;
    if (t < 0 || (size_t)t + 1 >= c->sent->ntokens || strcmp(c->sent->tokens[t + 1].tag, "POS")) return;
    char one[4] = {0};
    for (size_t q = 0; q < i; q++) {
        const coder_item *y = &it->v[q];
        if (y->kind != K_OPEN || y->lab != L_NE || y->mate < 0 || (size_t)y->mate > i) continue;
        const char *yc = item_code(c, q);
        if (strlen(yc) < 3 || strchr(yc, '/')) continue;
        char cc[4] = {yc[0], yc[1], yc[2], 0};
        if (!ent_enrich_country_code(cc)) continue;
        if (one[0] && strcmp(one, cc)) return;   /* two countries: which one? */
        memcpy(one, cc, 4);
    }
    if (!one[0]) return;
    ent_buf_clear(&c->buf);
    ent_buf_printf(&c->buf, "%s%s", one, x->code + 3);
    if (TRACING(c)) trace(c, "the country's: %s belongs to %s: %s", x->code, one, c->buf.data);
    x->code = ent_arena_strdup(&c->arena, c->buf.data);
}

/* ---- people named again later in the story (resolve_pronouns) ------------------------- */

/* The words of the NE whose OPEN is item i into w/wh/tk (up to 16; tokens never NULL);
 * returns their count, or 0 when there are more or a word has no token or is a pronoun. */
static size_t ne_words16(ent_coder *c, size_t i, const char *w[16], uint32_t wh[16], const ent_token *tk[16]) {
    const cvec *it = &c->z.items;
    const coder_item *x = &it->v[i];
    size_t n = 0;
    if (!c->sent || x->mate < 0) return 0;
    for (size_t k = i + 1; k < (size_t)x->mate; k++) {
        const coder_item *y = &it->v[k];
        if (y->kind != K_WORD) continue;
        if (n == 16 || y->tok < 0 || (size_t)y->tok >= c->sent->ntokens || token_is_pronoun(c, y->tok)) return 0;
        tk[n] = &c->sent->tokens[y->tok];
        w[n] = y->w;
        wh[n++] = y->h;
    }
    return n;
}

/* Are the words w[0, n) a country or an international body named alone ("POLISH", "SOUTH
 * KOREAN", "U.S.", "UN")?  Their code is a bare country code, or an IGO's. */
static int words_are_country(ent_coder *c, const char *const *w, const uint32_t *wh, size_t n) {
    const char *code = ne_code(c, w, wh, n, c->date, NULL, NULL);
    return (strlen(code) == 3 && ent_enrich_country_code(code)) || !strncmp(code, "IGO", 3);
}

/* Is token k (tk: NULL for none) written as a name: capitalised and tagged a singular
 * proper noun (NNP), or a common noun when it opens the sentence (where the tagger reads
 * a capital as nothing: "Tusk/NN accused ...")? */
static int name_token(const ent_coder *c, const ent_token *tk) {
    if (!tk || !c->sent || !tk->text || !isupper((unsigned char)tk->text[0])) return 0;
    if (!strcmp(tk->tag, "NNP")) return 1;
    return tk == &c->sent->tokens[0] && !strcmp(tk->tag, "NN");
}

/* Where a title may start in an NE's words w[0, n): after a leading "the" and a country
 * named alone ("the Polish prime minister", "U.S. Secretary of State ..."; not when the
 * first word may start an agent phrase: "PRESIDENT ..."). */
static size_t title_start(ent_coder *c, const char *const *w, const uint32_t *wh, size_t n) {
    size_t s = 0;
    if (n && (!strcmp(w[0], "THE") || !strcmp(w[0], "A") || !strcmp(w[0], "AN"))) s = 1;
    int agent_first = s < n && c->fg.bits && ent_first_bit(c->fg.bits, wh[s]);
    for (size_t len = 1; len <= 3 && s + len < n && !agent_first; len++)
        if (words_are_country(c, w + s, wh + s, len)) return s + len;
    return s;
}

/* Does the title w[t0, n0) name a person by one of its words ("SECRETARY OF STATE": a
 * person's noun among them; "MINISTRY" none; an abbreviated title, "SEN.", "GEN.", is a
 * person's)? */
static int title_names_person(const char *const *w, size_t t0, size_t n0) {
    for (size_t k = t0; k < n0; k++) {
        size_t l = strlen(w[k]);
        if (ent_noun_is_person(w[k]) || (l >= 3 && w[k][l - 1] == '.' && isalpha((unsigned char)w[k][l - 2])))
            return 1;
    }
    return 0;
}

/* The title and the name in an NE's words w[0, n) (tk: their tokens, none NULL).  After a
 * leading "the" and a country named alone ("Polish", "U.S."; from *t0 on), the title is
 * [*t0, *n0): agent phrases up to the name ("PRIME MINISTER", "SECRETARY OF STATE"; may
 * be empty, else its last word is an agent word); the name is [*n0, *n1): the words
 * after it up to the NE's end, or up to an "OF <country>" tail ("President Emmanuel Macron
 * of France"), 1 to 4 of them, each written as a name (name_token).  Returns 0 when
 * there is no such name. */
static int person_parts(ent_coder *c, const char *const *w, const uint32_t *wh, const ent_token *const *tk, size_t n,
                        size_t *t0, size_t *n0, size_t *n1) {
    if (n > 16 || !c->fg.bits) return 0;
    size_t s = title_start(c, w, wh, n);
    size_t e = n;
    for (size_t k = n; k-- > s + 1;)
        if (!strcmp(w[k], "OF")) {
            if (k + 1 < n && words_are_country(c, w + k + 1, wh + k + 1, n - k - 1)) e = k;
            break;
        }
    /* the words agent phrases cover, read from the title's start as ne_code reads them */
    uint8_t agent[16] = {0};
    uint64_t nesig = 0;
    for (size_t k = 0; k < n; k++) nesig |= word_bit(wh[k]);
    phr_src pg = {&c->fg, c->sx.agent_sig, c->sx.agent_h1, NULL, c->d->agents};
    for (size_t k = s; k < e; k++) {
        size_t len = 0;
        if (best_phrase_at(&pg, w, wh, e, k, nesig, &len) < 0 || !len) continue;
        for (size_t j = k; j < k + len && j < e; j++) agent[j] = 1;
        k += len - 1;
    }
    size_t b = e;
    while (b > s && !agent[b - 1] && name_token(c, tk[b - 1])) b--;
    if (b == e || e - b > 4 || (b > s && !agent[b - 1])) return 0;
    *t0 = s; *n0 = b; *n1 = e;
    return 1;
}

/* The words w[a, b) joined by spaces into out (size outsz); 0 when they do not fit. */
static int join_words(const char *const *w, size_t a, size_t b, char *out, size_t outsz) {
    size_t k = 0;
    out[0] = 0;
    for (size_t i = a; i < b; i++) {
        size_t l = strlen(w[i]);
        if (k + l + 2 > outsz) return 0;
        if (k) out[k++] = ' ';
        memcpy(out + k, w[i], l + 1);
        k += l;
    }
    return 1;
}

/* Is the one-word NE of token tk (in the sentence being coded) a month named as a date
 * ("in May", "since March", "last August"), not a person whose surname it is? */
static int month_as_date(const ent_coder *c, const ent_token *tk) {
    static const char *const before[] = {"LAST", "NEXT", "EARLY", "LATE", "MID", "THIS", NULL};
    if (!c->sent || !tk->upper || !ent_month_word(tk->upper, strlen(tk->upper))) return 0;
    size_t t = (size_t)(tk - c->sent->tokens);
    if (!t) return 0;
    const ent_token *p = &c->sent->tokens[t - 1];
    return !strcmp(p->tag, "IN") || !strcmp(p->tag, "TO") || (p->upper && ent_str_in_list(p->upper, before));
}

/* An honorific before a surname: "Mr Tusk", "Dr. Tedros". */
static int honorific(const char *w) {
    static const char *const h[] = {"MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", NULL};
    return ent_str_in_list(w, h);
}

/* A later mention of a person the story named in full (note_people), in the NE whose OPEN
 * is item i (words w[0, n), tk their tokens or NULL), whose own code x->code has no
 * country ("---", "---GOV"): "Tusk", "Prime Minister Tusk", "Mr Tusk" (a one-word name
 * after nothing but a title or an honorific; not a month after a preposition: "in May"),
 * "Donald Tusk" (the name again, 2-4 words, without its title) take that person's code; "Tusk's
 * government" the person's country with the NE's own role (POLGOV); "the prime minister"
 * (the title alone, as the full mention wrote it) the code of the one person named with
 * that title.  A surname two people share, or a title two hold, gives nothing.  The new
 * code is arena-owned; x->story_ref marks it. */
static void story_person(ent_coder *c, coder_item *x, const char *const *w, const uint32_t *wh,
                         const ent_token *const *tk, size_t n) {
    if (!n || n > 16 || !tk) return;
    for (size_t k = 0; k < n; k++) if (!tk[k]) return;
    char key[64];
    const char *code = NULL, *how = "";
    int amb = 0, own_role = 0;
    if (n >= 2 && !strcmp(w[0], "THE")) {
        if (join_words(w, 1, n, key, sizeof key)) code = ent_people_by_title(&c->people, key, &amb), how = "title";
    } else if (n >= 2 && name_token(c, tk[0]) && c->sent && (size_t)(tk[0] - c->sent->tokens) + 1 < c->sent->ntokens &&
               !strcmp(tk[0][1].tag, "POS") && (strlen(x->code) > 3 || !noun_names_person(w[n - 1]))) {
        /* "Boateng's government" takes the NE's role; "Boateng's remarks" (no role, and
         * no person of the owner's: "Boateng's brother") is the person's own */
        snprintf(key, sizeof key, "%s", w[0]);
        code = ent_people_by_surname(&c->people, key, &amb), how = "possessive", own_role = strlen(x->code) > 3;
    } else if (name_token(c, tk[n - 1])) {
        size_t t0 = 0, n0 = 0, n1 = 0;
        int ok = (n == 1 && !month_as_date(c, tk[0])) || (n == 2 && honorific(w[0])) ||
                 (person_parts(c, w, wh, tk, n, &t0, &n0, &n1) && t0 == 0 && n0 == n - 1 && n1 == n && n0 > 0);
        if (ok) {
            snprintf(key, sizeof key, "%s", w[n - 1]);
            code = ent_people_by_surname(&c->people, key, &amb), how = "surname";
        } else if (n <= 4) {   /* the name again in full, without its title: "Kaarel Vessik" */
            size_t k = 0;
            while (k < n && name_token(c, tk[k])) k++;
            if (k == n && join_words(w, 0, n, key, sizeof key))
                code = ent_people_by_name(&c->people, key, &amb), how = "name";
        }
    }
    if (amb) {
        if (TRACING(c)) trace(c, "story person: %s (%s) names two people of the story: no code", key, how);
        return;
    }
    if (!code) return;
    if (own_role) {
        char cc[4] = {code[0], code[1], code[2], 0};
        if (strlen(code) < 3 || !ent_enrich_country_code(cc)) return;
        ent_buf_clear(&c->buf);
        ent_buf_printf(&c->buf, "%s%s", cc, x->code + 3);
        code = c->buf.data;
    }
    if (TRACING(c)) trace(c, "story person: %s (%s) is %s, named earlier in the story", key, how, code);
    x->code = ent_arena_strdup(&c->arena, code);
    x->root = NULL;
    x->story_ref = 1;
}

/* The people this sentence names in full, noted for the story's later sentences: an NE
 * whose code has a country (or is an IGO's) and was made by no earlier mention, whose
 * words are a title naming a person (one of its words a person's noun: "SECRETARY OF
 * STATE") and a name ("Polish Prime Minister Donald Tusk": POLGOV, by "TUSK" and "PRIME
 * MINISTER"), or a name of two or more words alone that an actor entry coded with a role
 * ("Donald Tusk").  Codes no verb asked for are computed here, without tracing. */
/* The country of a person named with a title of state but no country (the NE at item i,
 * coded "---GOV", "---MIL", "---LEG", "---JUD" or "---COP": "Defence Minister Oleh
 * Marchenko"), as a reader of the story takes it: the country this sentence's events gave
 * the person (refine.c, home_of_titled_person), else the dateline's country while the
 * story named no other (ent_cd_dateline_home), else the one country the story's events
 * named before this sentence (before: "" none or several; mixed: several).
 * None when this sentence codes the person against that very country ("Minister X
 * criticised China" in a story about China: X is more likely foreign to it).  Returns
 * the country with the role into out (8 bytes), or NULL (nothing is guessed). */
static const char *home_role(ent_coder *c, size_t i, const char *code, const char *before, int mixed, char *out) {
    static const char *const roles[] = {"GOV", "MIL", "LEG", "JUD", "COP", NULL};
    if (strlen(code) != 6 || strncmp(code, "---", 3) || !ent_str_in_list(code + 3, roles)) return NULL;
    for (size_t k = 0; k < c->nev; k++) {   /* the sentence's own (refine.c, home_of_titled_person) */
        const rawev *e = &c->ev[k];
        const char *self = e->sitem == (int32_t)i ? e->src : e->titem == (int32_t)i ? e->tgt : NULL;
        if (self && strlen(self) == 6 && !strcmp(self + 3, code + 3) && strncmp(self, "---", 3)) {
            memcpy(out, self, 7);
            return out;
        }
    }
    const char *cc = ent_cd_dateline_home(c, before, mixed);
    if (cc[0] && !before[0]) {   /* a bureau's abroad: the other side of the person's first event may be foreign */
        const char *facing = NULL;
        for (size_t k = 0; k < c->nev && !facing; k++)
            facing = c->ev[k].sitem == (int32_t)i ? c->ev[k].tgt : c->ev[k].titem == (int32_t)i ? c->ev[k].src : NULL;
        if (ent_cd_dateline_abroad(c, c->sent, cc, facing)) cc = "";
    }
    if (!cc[0]) cc = before;
    if (!cc[0]) return NULL;
    for (size_t k = 0; k < c->nev; k++) {
        const rawev *e = &c->ev[k];
        const char *other = e->sitem == (int32_t)i ? e->tgt : e->titem == (int32_t)i ? e->src : NULL;
        if (other && !strncmp(other, cc, 3)) return NULL;
    }
    snprintf(out, 8, "%s%s", cc, code + 3);
    return out;
}

static void note_people(ent_coder *c, const char *cc_before, int mixed_before) {
    const cvec *it = &c->z.items;
    if (!c->sent) return;
    for (size_t i = 0; i < it->n; i++) {
        coder_item *x = &it->v[i];
        if (x->kind != K_OPEN || x->lab != L_NE || x->mate < 0 || x->story_ref || x->pair) continue;
        size_t m = (size_t)x->mate, n = 0;
        /* most NEs end in a common noun: a name, or the country after "OF", is an NNP */
        const coder_item *z = &it->v[m - 1];
        if (z->kind != K_WORD || z->tok < 0 || (size_t)z->tok >= c->sent->ntokens ||
            strcmp(c->sent->tokens[z->tok].tag, "NNP"))
            continue;
        const char *w[16];
        uint32_t wh[16];
        const ent_token *tk[16];
        n = ne_words16(c, i, w, wh, tk);
        if (n < 2) continue;
        /* cheap tests first: the name ends the NE or comes before its last OF; a title
         * starts with a word an agent phrase may start with (c->fg's first-word bits); a
         * name alone is proper nouns only */
        size_t e = n;
        for (size_t k = n; k-- > 1;)
            if (!strcmp(w[k], "OF")) { e = k; break; }
        if (!name_token(c, tk[n - 1]) && !name_token(c, tk[e - 1])) continue;
        int agent = 0, proper = 1;
        for (size_t k = 0; k < n && proper; k++)
            if (k || strcmp(w[k], "THE")) proper = name_token(c, tk[k]);
        for (size_t k = 0; k < e && !agent && c->fg.bits; k++)
            agent = ent_first_bit(c->fg.bits, wh[k]);
        if (!agent && (!proper || n > 5)) continue;
        int ex = c->explain, dbg = c->debug;
        c->explain = c->debug = 0;
        size_t t0, n0, n1;
        int ok = person_parts(c, w, wh, tk, n, &t0, &n0, &n1);
        const char *code = ok ? item_code(c, i) : "";
        c->explain = ex, c->debug = dbg;
        char home[8];
        int untold = ok && !strncmp(code, "---", 3);   /* a title with no country */
        if (untold && (n0 == t0 || !(code = home_role(c, i, code, cc_before, mixed_before, home)))) continue;
        if (!ok || strlen(code) < 3 || !strncmp(code, "---", 3) || strchr(code, '/')) continue;
        char cc[4] = {code[0], code[1], code[2], 0};
        if (!ent_enrich_country_code(cc) && strcmp(cc, "IGO")) continue;
        int person = title_names_person(w, t0, n0);   /* "SECRETARY OF STATE" */
        if (n0 > t0 ? !person : (n1 - n0 < 2 || n1 != n || !x->root || strlen(code) < 6)) continue;
        char name[64], title[48];
        if (!join_words(w, n0, n1, name, sizeof name) || !join_words(w, t0, n0, title, sizeof title)) continue;
        if (ent_people_note(&c->people, name, title, code) && TRACING(c))
            trace(c, "story person: %s%s%s is %s for the rest of the story%s", title, *title ? " " : "", name, code,
                  !untold ? "" : c->dateline_cc[0] ? " (the dateline's country)" : " (the story's country)");
    }
}

int ent_cd_titled_person(ent_coder *c, int32_t i) {
    const char *w[16];
    uint32_t wh[16];
    const ent_token *tk[16];
    size_t t0, n0, n1, n;
    if (i < 0 || (size_t)i >= c->z.items.n || !c->fg.bits) return 0;
    n = ne_words16(c, (size_t)i, w, wh, tk);
    return n >= 2 && person_parts(c, w, wh, tk, n, &t0, &n0, &n1) && n0 > t0 && title_names_person(w, t0, n0);
}

/* Is an NE's word list "(THE) SIDELINES|MARGINS OF ...": the occasion of a meeting ("on
 * the sidelines of the APEC summit", "on the margins of the UN General Assembly"), where
 * its parties meet, not a party itself (the body whose summit it is would otherwise be
 * coded: IGOBUSAPC). */
static int occasion_phrase(const char *const *w, size_t n) {
    size_t k = n && !strcmp(w[0], "THE") ? 1 : 0;
    return k + 1 < n && (!strcmp(w[k], "SIDELINES") || !strcmp(w[k], "MARGINS") || !strcmp(w[k], "MARGIN")) &&
           !strcmp(w[k + 1], "OF");
}

static const char *item_code(ent_coder *c, size_t i) {
    coder_item *x = &c->z.items.v[i];
    if (x->code) return x->code;
    if (x->kind != K_OPEN || x->lab != L_NE || x->mate < 0) return "---";
    const cvec *it = &c->z.items;
    size_t m = (size_t)x->mate, n = 0;
    if (c->o.resolve_pronouns && c->antecedent[0] && m == i + 2 && it->v[i + 1].kind == K_WORD &&
        token_is_pronoun(c, it->v[i + 1].tok)) {
        /* a subject pronoun alone: "He" stands for the one actor of the story's last
         * coded sentence, "They" for one or more of them ("Xi and Putin held talks.
         * They pledged ..."); anything else stays uncoded */
        const char *w = it->v[i + 1].w;
        int they = !strcmp(w, "THEY"), he = !strcmp(w, "HE") || !strcmp(w, "SHE");
        int its = !strcmp(w, "IT") && c->ante_n == 1 && ante_is_body(c->antecedent) && opens_sentence(c, i) &&
                  !expletive_it(c, m);
        if ((they && c->ante_n >= 1) || (he && c->ante_n == 1) || its) {
            x->code = ent_arena_strdup(&c->arena, c->antecedent);
            if (TRACING(c)) trace(c, "pronoun: %s is %s (the story's last source)", w, x->code);
            return x->code;
        }
    }
    if (c->o.resolve_pronouns && c->ante_n == 1 && m == i + 3 && it->v[i + 1].kind == K_WORD &&
        it->v[i + 2].kind == K_WORD && it->v[i + 1].w && it->v[i + 2].w && !strcmp(it->v[i + 1].w, "THE") &&
        !strcmp(it->v[i + 2].w, "COUNTRY") && strlen(c->antecedent) >= 3 && opens_sentence(c, i) &&
        ent_enrich_country_code((char[4]){c->antecedent[0], c->antecedent[1], c->antecedent[2], 0})) {
        /* "Iran rejected the proposal.  The country demanded ...": the country of the
         * story's one last source ("The ministry ..." as IRNGOV: IRN) */
        x->code = ent_arena_strndup(&c->arena, c->antecedent, 3);
        if (TRACING(c)) trace(c, "definite description: THE COUNTRY is %s (the story's last source)", x->code);
        return x->code;
    }
    if (c->o.resolve_pronouns && pair_description(c, i, x)) return x->code;
    ENT_GROW(c->z.words, m - i + 1, c->z.words_cap);
    ENT_GROW(c->z.wh, m - i + 1, c->z.wh_cap);
    const ent_token *tk[64];   /* filled below for the first 64 words */
    tk[0] = NULL;
    int have_tk = c->sent != NULL;
    for (size_t k = i + 1; k < m; k++) {
        if (it->v[k].kind != K_WORD) continue;
        int32_t t = it->v[k].tok;
        if (n < 64) tk[n] = have_tk && t >= 0 && (size_t)t < c->sent->ntokens ? &c->sent->tokens[t] : NULL;
        if (token_is_pronoun(c, it->v[k].tok)) { c->z.wh[n] = c->empty_h; c->z.words[n++] = ""; }
        else { c->z.wh[n] = it->v[k].h; c->z.words[n++] = it->v[k].w; }
    }
    x->code = ne_code(c, c->z.words, c->z.wh, n, c->date, &x->root, have_tk && n <= 64 ? tk : NULL);
    if (occasion_phrase(c->z.words, n)) {
        if (TRACING(c) && strcmp(x->code, "---")) trace(c, "occasion: %s names no party", x->code);
        x->code = "---";
        x->root = NULL;
        return x->code;
    }
    if (c->o.resolve_pronouns && c->people.n && !strncmp(x->code, "---", 3))
        story_person(c, x, c->z.words, c->z.wh, have_tk && n <= 16 ? tk : NULL, n);
    if (c->o.clauses && n >= 4) coordinated_modifiers(c, x, n);
    if (c->o.clauses) shared_possessed(c, x, n);
    if (c->o.clauses && !code_has_actor(x->code)) glossed_name(c, i, x);
    if (c->o.resolve_pronouns && !strncmp(x->code, "---", 3) && x->code[3] && it->v[i + 1].kind == K_WORD &&
        it->v[i + 1].w)
        possessive_owner(c, i, x);
    if (c->o.resolve_pronouns && !strncmp(x->code, "---", 3)) the_countrys(c, i, x);
    if (c->o.clauses && ((!strncmp(x->code, "---", 3) && x->code[3]) || !strncmp(x->code, "NGO", 3))) place_after(c, m, x);
    return x->code;
}

/* The root phrase of the actor entry that coded the NE at item i (i < 0: none), as the
 * dictionary wrote it ("HAMID_KARZAI_"); "" when no entry gave the code.  The string
 * belongs to the dictionaries (no copy per event). */
static const char *item_root(const ent_coder *c, int32_t i) {
    const char *r = i >= 0 ? c->z.items.v[i].root : NULL;
    return r ? r : "";
}

/* The words of the NE whose OPEN is item i, space-separated (evidence), built on use. */
static const char *item_text(ent_coder *c, size_t i) {
    coder_item *x = &c->z.items.v[i];
    if (x->text) return x->text;
    if (x->kind != K_OPEN || x->mate < 0) return "";
    const cvec *it = &c->z.items;
    ent_buf_clear(&c->buf);
    for (size_t k = i + 1; k < (size_t)x->mate; k++)
        if (it->v[k].kind == K_WORD) {
            if (c->buf.len) ent_buf_putc(&c->buf, ' ');
            ent_buf_puts(&c->buf, it->v[k].w);
        }
    x->text = ent_arena_strdup(&c->arena, c->buf.data);
    return x->text;
}

/* &BODY: is the NE whose OPEN is item i the name of an intergovernmental body, which one
 * joins or leaves ("left the European Union", "quit ECOWAS")?  It is when its code is an
 * IGO's and its last word is a proper noun: "the NATO summit" and "the UN Security Council
 * meeting" are events of a body, not the body. */
static int ne_is_body(ent_coder *c, size_t i) {
    const coder_item *x = &c->z.items.v[i];
    if (x->kind != K_OPEN || x->lab != L_NE || x->mate < 0 || !c->sent) return 0;
    if (strncmp(item_code(c, i), "IGO", 3)) return 0;
    for (size_t k = (size_t)x->mate; k > i; k--) {
        const coder_item *y = &c->z.items.v[k - 1];
        if (y->kind != K_WORD) continue;
        if (y->tok < 0 || (size_t)y->tok >= c->sent->ntokens) return 0;
        return !strncmp(c->sent->tokens[y->tok].tag, "NNP", 3);
    }
    return 0;
}

/* &PLACE: is the NE whose OPEN is item i the name of a place, which an act of force takes
 * rather than detains ("captured Damascus", "seized Crimea", "took over the Gaza Strip")?
 * It is when its code is a bare country (no agent: "Syrian soldiers" SYRMIL is people,
 * "the Kremlin" RUSGOV an institution), all its words after a leading "the" make up that
 * one actor phrase, each a capitalised singular proper noun (NNP; "Syrians" is NNPS),
 * and the phrase is no demonym: with -S added to its last word or taken off, it is not
 * also a phrase of the same country ("SYRIAN"/"SYRIANS"; "DAMASCUS" has no such twin).
 * Places the actor dictionaries do not list are not known here. */
static int ne_is_place(ent_coder *c, size_t i) {
    const coder_item *x = &c->z.items.v[i];
    if (x->kind != K_OPEN || x->lab != L_NE || x->mate < 0 || !c->sent || !c->d) return 0;
    const char *code = item_code(c, i);
    if (strlen(code) != 3 || !ent_enrich_country_code(code)) return 0;
    const cvec *it = &c->z.items;
    const char *w[8];
    uint32_t wh[8];
    size_t n = 0;
    uint64_t sig = 0;
    for (size_t k = i + 1; k < (size_t)x->mate; k++) {
        const coder_item *y = &it->v[k];
        if (y->kind != K_WORD) continue;
        if (!n && !strcmp(y->w, "THE")) continue;
        if (n == 8 || y->tok < 0 || (size_t)y->tok >= c->sent->ntokens) return 0;
        const ent_token *t = &c->sent->tokens[y->tok];
        if (strcmp(t->tag, "NNP") || !tok_cap(t)) return 0;
        w[n] = y->w; wh[n] = y->h; sig |= word_bit(y->h); n++;
    }
    if (!n) return 0;
    phr_src pa = {&c->fa, c->sx.actor_sig, c->sx.actor_h1, c->d->actor_phrases, NULL};
    size_t len = 0;
    if (best_phrase_at(&pa, w, wh, n, 0, sig, &len) < 0 || len != n) return 0;
    const char *lw = w[n - 1];
    size_t l = strlen(lw);
    char alt[72];
    if (l + 2 > sizeof alt) return 0;
    for (int v = 0; v < 2; v++) {
        if (v == 0) { memcpy(alt, lw, l); alt[l] = 'S'; alt[l + 1] = 0; }
        else if (l > 2 && lw[l - 1] == 'S') { memcpy(alt, lw, l - 1); alt[l - 1] = 0; }
        else continue;
        w[n - 1] = alt;
        wh[n - 1] = ent_cz_word_hash(alt);
        uint64_t sig2 = 0;
        for (size_t k = 0; k < n; k++) sig2 |= word_bit(wh[k]);
        size_t l2 = 0;
        int64_t k2 = best_phrase_at(&pa, w, wh, n, 0, sig2, &l2);
        if (k2 >= 0 && l2 == n) {
            const char *cc = ent_actor_code_on(c->d->actor_phrases[k2].actor, c->date);
            if (cc && !strncmp(cc, code, 3)) return 0;
        }
    }
    return 1;
}

/* ---- match sequences ----------------------------------------------------------------- */

/* Does word w end a regular plural of sing ("STREETS" of STREET, "MARCHES" of MARCH,
 * "TIES"/"TIE", "PARTIES" of PARTY)?  n: strlen(w). */
static int plural_of(const char *w, size_t n, const char *sing) {
    size_t k = strlen(sing);
    if (n == k + 1 && w[k] == 'S' && !strncmp(w, sing, k)) return 1;
    if (n == k + 2 && w[k] == 'E' && w[k + 1] == 'S' && !strncmp(w, sing, k)) return 1;
    return k >= 2 && sing[k - 1] == 'Y' && n == k + 2 && !strncmp(w, sing, k - 1) && !strcmp(w + k - 1, "IES");
}

/* The singulars a plural head noun may stand for, as word hashes (h[0], h[1]; 0 none):
 * -S, -ES and -IES > -Y cut off. */
static void singular_hashes(const char *w, uint32_t h[2]) {
    char b[64];
    size_t n = strlen(w);
    h[0] = h[1] = 0;
    if (n < 4 || n >= sizeof b || w[n - 1] != 'S' || w[n - 2] == 'S') return;
    memcpy(b, w, n + 1);
    if (n > 4 && !strcmp(w + n - 3, "IES")) {
        b[n - 3] = 'Y'; b[n - 2] = 0;
        h[0] = ent_cz_word_hash(b);
        return;
    }
    b[n - 1] = 0;
    h[0] = ent_cz_word_hash(b);
    if (w[n - 2] == 'E') { b[n - 2] = 0; h[1] = ent_cz_word_hash(b); }
}

/* Plural heads: in each NE (not a compound), the last word of its first run of nouns,
 * before any preposition ("THE STREETS OF CAIRO": STREETS; "A SET OF RESOLUTIONS": SET),
 * when tagged as a plural noun (NNS, NNPS).  A pattern word naming the singular matches
 * such a word (match_lower/match_upper): "- * TO THE STREET" names the phrase whose head
 * is STREET, and "took to the streets of Cairo" is that phrase in the plural.  A plural
 * that is not the head ("a set of resolutions" for "- * RESOLUTION"), or heads the object
 * of OF, still needs the pattern to spell it, as PETRARCH's own unit test SYNSET-21b
 * requires (PETRARCH-1 itself matches pattern words exactly: no plural at all). */
static void mark_plural_heads(gseq *m, const ent_sentence *sent) {
    ENT_GROW(m->sh, 2 * m->n + 2, m->shcap);
    memset(m->sh, 0, (2 * m->n + 2) * sizeof *m->sh);
    if (!sent) return;
    for (size_t gi = 0; gi < m->ng; gi++) {
        const grp *g = &m->g[gi];
        /* not a compound; not the object of OF, a noun's complement whose number is not
         * the pattern's ("a set of resolutions" when "set" is not taken for a noun) */
        if (g->nec || (g->first > 0 && !strcmp(m->w[g->first - 1], "OF"))) continue;
        int32_t head = -1, w;
        for (w = g->first; w < g->end; w++) {
            if (m->inner[w] != (int32_t)gi || m->tok[w] < 0 || (size_t)m->tok[w] >= sent->ntokens) break;
            const char *t = sent->tokens[m->tok[w]].tag;
            if (t[0] == 'N' && t[1] == 'N') head = w;
            else if (head >= 0 || !strcmp(t, "IN") || !strcmp(t, "TO")) break;
        }
        if (head < 0) continue;
        if (w < g->end) {   /* the noun run must end the phrase or be followed by its preposition */
            const char *t = m->tok[w] >= 0 && (size_t)m->tok[w] < sent->ntokens ? sent->tokens[m->tok[w]].tag : "";
            if (strcmp(t, "IN") && strcmp(t, "TO")) continue;
        }
        const char *ht = sent->tokens[m->tok[head]].tag;
        if (!strcmp(ht, "NNS") || !strcmp(ht, "NNPS")) singular_hashes(m->w[head], m->sh + 2 * head);
    }
}

/* The sentence's words in text order with the NE/NEC groups they belong to, and for
 * every group its innermost enclosing VP or PP (to tell subjects from objects). */
static void build_gseq(const cvec *c, gseq *m) {
    m->n = 0; m->ng = 0;
    int32_t stack[32], pstack[64], instk[32];   /* instk[k]: innermost NE among stack[0..k] */
    int sp = 0, pp = 0;
    ENT_GROW(m->wpos, c->n + 1, m->pcap);
    ENT_GROW(m->w, c->n + 1, m->wcap);       /* words <= items: no growth in the loop */
    ENT_GROW(m->h, c->n + 1, m->hcap);
    ENT_GROW(m->tok, c->n + 1, m->tkcap);
    ENT_GROW(m->inner, c->n + 1, m->icap);
    ENT_GROW(m->outer, c->n + 1, m->ocap);
    for (size_t i = 0; i < c->n; i++) {
        const coder_item *x = &c->v[i];
        m->wpos[i] = (int32_t)m->n;
        if (x->kind == K_CLOSE) {
            if (sp > 0 && x->mate == m->g[stack[sp - 1]].item) { m->g[stack[sp - 1]].end = (int32_t)m->n; sp--; }
            else if (pp > 0 && x->mate == pstack[pp - 1]) pp--;
            continue;
        }
        if (x->kind == K_OPEN) {
            if ((x->lab == L_VP || x->lab == L_PP) && pp < 64 && x->mate > (int32_t)i) pstack[pp++] = (int32_t)i;
            else if ((x->lab == L_NE || x->lab == L_NEC) && sp < 32 && x->mate > (int32_t)i) {
                ENT_GROW(m->g, m->ng + 1, m->gcap);
                grp *g = &m->g[m->ng];
                g->item = (int32_t)i; g->first = (int32_t)m->n; g->end = (int32_t)m->n;
                g->nec = x->lab == L_NEC; g->top = sp == 0;
                g->pvo = pp ? pstack[pp - 1] : -1;
                g->pvc = pp ? c->v[pstack[pp - 1]].mate : -1;
                instk[sp] = g->nec ? (sp ? instk[sp - 1] : -1) : (int32_t)m->ng;
                stack[sp++] = (int32_t)m->ng++;
            }
            continue;
        }
        m->inner[m->n] = sp ? instk[sp - 1] : -1;
        m->outer[m->n] = sp ? stack[0] : -1;
        m->h[m->n] = x->h;
        m->tok[m->n] = x->tok;
        m->w[m->n++] = x->w;
    }
    m->wpos[c->n] = (int32_t)m->n;
    while (sp > 0) { m->g[stack[sp - 1]].end = (int32_t)m->n; sp--; }
    ENT_GROW(m->gfrom, m->n + 1, m->fcap);
    size_t g = 0;
    for (size_t w = 0; w <= m->n; w++) {
        while (g < m->ng && m->g[g].first < (int32_t)w) g++;
        m->gfrom[w] = (int32_t)g;
    }
}

/* the view of the words of items [ia, ib) */
static void make_view(const gseq *G, const cvec *c, size_t ia, size_t ib, mseq *m) {
    if (ib > c->n) ib = c->n;
    if (ia > ib) ia = ib;
    m->G = G;
    m->a = G->wpos[ia];
    m->n = G->wpos[ib] - m->a;
    m->w = G->w + m->a;
    m->h = G->h + m->a;
    m->ga = G->gfrom[m->a];
    m->gb = G->gfrom[m->a + m->n];
}

/* group accessors relative to a view: groups that start before the view are invisible */
static inline int v_inner(const mseq *m, int q) {
    int g = m->G->inner[m->a + q];
    return (g >= 0 && m->G->g[g].first >= m->a) ? g : -1;
}
static inline int v_outer(const mseq *m, int q) {
    int g = m->G->outer[m->a + q];
    if (g >= 0 && m->G->g[g].first >= m->a) return g;
    return v_inner(m, q);
}
static inline int g_first(const mseq *m, int g) { return m->G->g[g].first - m->a; }
/* Is word q of the view a plural head noun (mark_plural_heads) of the singular sing (hash
 * h)? */
static inline int plural_head_is(const mseq *m, int q, uint32_t h, const char *sing) {
    const uint32_t *sh = m->G->sh + 2 * (m->a + q);
    return h && (sh[0] == h || sh[1] == h) && plural_of(m->w[q], strlen(m->w[q]), sing);
}
static inline int g_end(const mseq *m, int g) {
    int e = m->G->g[g].end - m->a;
    return e > m->n ? m->n : e;
}
static inline int g_nec(const mseq *m, int g) { return m->G->g[g].nec; }

/* ---- pattern matching ------------------------------------------------------------------ */

typedef struct mstate {
    ent_coder *coder;
    const ent_pattern *p;
    const ent_dicts *d;
    const sig256 *ssig;
    const syn_index *sx;
    const mseq *up, *lo;
    int src_up, src, tgt_up, tgt;   /* group index (and whether in upper), -1 = none */
    int nused;                      /* lower words matched by pattern words */
    int16_t used[32];
    int nuused;                     /* upper words matched by pattern words (evidence) */
    int16_t uused[32];
    int budget;                     /* matching steps left (bounds backtracking) */
} mstate;

/* What a failed attempt must undo: the actors bound, the evidence counts and the budget
 * (the used[] entries below the counts are never changed by deeper attempts). */
typedef struct msnap { int src_up, src, tgt_up, tgt, nused, nuused, budget; } msnap;

static inline msnap snap(const mstate *s) {
    return (msnap){s->src_up, s->src, s->tgt_up, s->tgt, s->nused, s->nuused, s->budget};
}

static inline void restore(mstate *s, const msnap *v) {
    s->src_up = v->src_up; s->src = v->src; s->tgt_up = v->tgt_up; s->tgt = v->tgt;
    s->nused = v->nused; s->nuused = v->nuused; s->budget = v->budget;
}

static void use_words(mstate *s, int from, int to) {
    for (int q = from; q < to && s->nused < 32; q++) s->used[s->nused++] = (int16_t)q;
}

static void use_upper(mstate *s, int from, int to) {
    for (int q = from; q < to && s->nuused < 32; q++) s->uused[s->nuused++] = (int16_t)q;
}

/* were all lower words [from, to) matched by pattern words? */
static int words_used(const mstate *s, int from, int to) {
    for (int q = from; q < to; q++) {
        int k = 0;
        while (k < s->nused && s->used[k] != q) k++;
        if (k == s->nused) return 0;
    }
    return 1;
}

static int match_upper(mstate *s, int j, int pos);
static int match_lower(mstate *s, int j, int pos);

/* can a member of synset sy start with word q of m?  (signature test, no false "no") */
/* the first-word signature of synset sy, NULL when unknown (then any word may start it) */
static inline const sig256 *synset_sig(const mstate *s, const ent_synset *sy) {
    size_t i = (size_t)(sy - s->d->synsets);
    return i < s->d->nsynsets ? &s->ssig[i] : NULL;
}

static inline int sig_has(const sig256 *g, uint32_t h) { return !g || ((g->b[(h >> 6) & 3] >> (h & 63)) & 1); }

static size_t synset_at(const mstate *s, const ent_synset *sy, const mseq *m, int q) {
    if (!sig_has(synset_sig(s, sy), m->h[q])) return 0;
    return ent_syn_index_match(s->sx, s->d, sy, m->w, m->h, m->n, (size_t)q);
}

static int synset_end_at(const mstate *s, const ent_synset *sy, const mseq *m, int q) {
    /* length of a member ending exactly at word q-1, 0 if none */
    const sig256 *g = synset_sig(s, sy);
    for (int L = q < 8 ? q : 8; L >= 1; L--)
        if (sig_has(g, m->h[q - L]) &&
            (int)ent_syn_index_match(s->sx, s->d, sy, m->w, m->h, (size_t)q, (size_t)(q - L)) == L) return L;
    return 0;
}

/* the group to use for $ + % starting at word q: the outermost one starting there */
static int group_starting(const mseq *m, int q) {
    int g = v_outer(m, q);
    if (g >= 0 && g_first(m, g) == q) return g;
    g = v_inner(m, q);
    if (g >= 0 && g_first(m, g) == q) return g;
    return -1;
}

static int group_ending(const mseq *m, int q) {   /* group whose last word is q-1 */
    int g = v_outer(m, q - 1);
    if (g >= 0 && g_end(m, g) == q) return g;
    g = v_inner(m, q - 1);
    if (g >= 0 && g_end(m, g) == q) return g;
    return -1;
}

static void set_actor(mstate *s, int kind, int g, int up, int lower_compound_target_only) {
    if (kind == ENT_PEL_SOURCE || (kind == ENT_PEL_COMPOUND && !lower_compound_target_only)) {
        s->src = g; s->src_up = up;
    }
    if (kind == ENT_PEL_TARGET || kind == ENT_PEL_COMPOUND) { s->tgt = g; s->tgt_up = up; }
}

/* Do the words [from, to) of the lower view name an actor with a country ("an EU aid
 * package for ...", "a U.N. resolution on ...")?  Then the phrase's code is that actor's,
 * not the one after the preposition, and a + must not take the whole phrase. */
static int head_has_country(const mstate *s, int from, int to) {
    const mseq *m = s->lo;
    if (to <= from) return 0;
    const char *hc = ne_code(s->coder, m->w + from, m->h + from, (size_t)(to - from), s->coder->date, NULL, NULL);
    return !code_is_null(hc) && strncmp(hc, "---", 3) != 0;
}

/* The Penn tag of word p of view m, "" when it has no token. */
static const char *view_tag(const ent_coder *c, const mseq *m, int p) {
    int32_t tok = c->gs.tok[m->a + p];
    return tok >= 0 && c->sent && (size_t)tok < c->sent->ntokens ? c->sent->tokens[tok].tag : "";
}

/* Is word p of view m an infinitive for sure: tagged VB, and a word the lexicon knows as
 * no noun ("disperse", "quell"; not "fight", "flood", "police", whose VB after TO may be
 * a noun the tagger misread: "sent food to flood victims")?  A word the lexicon does not
 * know is taken as tagged. */
static int sure_infinitive(const ent_coder *c, const mseq *m, int p) {
    if (strcmp(view_tag(c, m, p), "VB")) return 0;
    int32_t tok = c->gs.tok[m->a + p];
    const char *w = c->sent->tokens[tok].text, *tags[ENT_LEX_MAXTAGS];
    int nt = ent_lex_lookup(w, strlen(w), tags);
    for (int k = 0; k < nt; k++)
        if (tags[k][0] == 'N') return 0;
    return 1;
}

/* May the pattern word TO at lower element j match the sentence's TO at word q?  A TO
 * right after an actor slot that ends the pattern's words (nothing after it, or only
 * $ + ^ %) names the preposition ("- $ * + TO [042:043]": welcomed X to Ankara), so it
 * needs a noun phrase after it: the infinitive of "welcomed Russia's offer to mediate"
 * is no visit.  A pattern going on with words ("- * TO ATTEND") may take an infinitive,
 * and a TO after a word the pattern names ("- * FIRE TO") is left as written. */
static int to_fits(const mstate *s, int j, int q) {
    const ent_pattern *p = s->p;
    const mseq *m = s->lo;
    if (strcmp(p->lower[j].text, "TO")) return 1;
    /* clauses option: a TO whose pattern goes on with an actor slot names a destination
     * ("- * POLICE TO +"), not the TO of an infinitive ("deployed police to disperse the
     * crowd") */
    if (s->coder->o.clauses && (uint32_t)j + 1 < p->nlower && p->lower[j + 1].kind != ENT_PEL_WORD &&
        p->lower[j + 1].kind != ENT_PEL_SYNSET && q + 1 < m->n && sure_infinitive(s->coder, m, q + 1))
        return 0;
    if (j == 0 || p->lower[j - 1].kind == ENT_PEL_WORD || p->lower[j - 1].kind == ENT_PEL_SYNSET) return 1;
    for (uint32_t k = (uint32_t)j + 1; k < p->nlower; k++)
        if (p->lower[k].kind == ENT_PEL_WORD || p->lower[k].kind == ENT_PEL_SYNSET) return 1;
    return q + 1 < m->n && v_outer(m, q + 1) >= 0;
}

/* Is word q of view m inside a phrase of place or origin (its innermost enclosing VP or
 * PP is a PP opening with IN, AT, FROM...)?  A place there is where the act happens
 * ("captured militants in Kabul"), not what it takes (&PLACE); a particle parsed as a
 * preposition ("taken over the city") is no such phrase. */
static int in_pp(const ent_coder *c, const mseq *m, int q) {
    static const char *const preps[] = {"IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "ACROSS", "THROUGHOUT",
                                        "AROUND", "FROM", "ON", "DURING", "AFTER", "BEFORE", NULL};
    int g = m->G->inner[m->a + q];
    if (g < 0) g = m->G->outer[m->a + q];
    if (g < 0) return 0;
    int32_t pv = m->G->g[g].pvo;
    if (pv < 0 || c->z.items.v[pv].lab != L_PP) return 0;
    const coder_item *w = &c->z.items.v[pv + 1];
    return w->kind == K_WORD && w->w && ent_str_in_list(w->w, preps);
}

/* Does a possessive ('s, ') come right before word q of view m in the sentence (the
 * token after word q-1's is tagged POS)? */
static int possessive_before(const ent_coder *c, const mseq *m, int q) {
    if (q <= 0 || !c->sent) return 0;
    int32_t t = m->G->tok[m->a + q - 1];
    if (t < 0 || (size_t)t + 1 >= c->sent->ntokens) return 0;
    return !strcmp(c->sent->tokens[t + 1].tag, "POS");
}

/* After a + (lower element j) bound group g: "approved Sweden's bid" for "- * + BID".
 * A possessive inside the phrase ends the actor the + stands for and the pattern's next
 * words go on after it (the chunker keeps "SWEDEN BID" one group, where PETRARCH's
 * parses split off "Sweden 's").  1 when the rest of the pattern matches so. */
static int possessive_rest(mstate *s, int j, int g) {
    const ent_pattern *p = s->p;
    const mseq *m = s->lo;
    if (p->lower[j].kind != ENT_PEL_TARGET || j + 1 >= (int)p->nlower || g_nec(m, g)) return 0;
    const ent_pel *ne = &p->lower[j + 1];
    if (ne->kind != ENT_PEL_WORD && ne->kind != ENT_PEL_SYNSET) return 0;
    for (int k = g_first(m, g) + 1; k < g_end(m, g); k++) {
        if (!possessive_before(s->coder, m, k)) continue;
        /* the pattern's next word is the possessed noun itself ("Peru's offer to
         * mediate" is no "+ TO") */
        int here = ne->kind == ENT_PEL_WORD
                       ? ((m->h[k] == ne->h && !strcmp(m->w[k], ne->text)) || plural_head_is(m, k, ne->h, ne->text))
                       : ne->synset && synset_at(s, ne->synset, m, k) > 0;
        if (here && match_lower(s, j + 1, k)) return 1;
    }
    return 0;
}

/* A passive verb (coder->passive_slot): the target a pattern names first after the verb
 * is the passive subject ("- * + UNDER INVESTIGATION" on "X has been put under
 * investigation", "+ ON TRIAL", "+ OF ESPIONAGE"), so the slot may stand empty, the
 * pattern's words matched from pos on; the subject then becomes the target
 * (code_agentless).  The slot must be followed by two words at least: a lone particle
 * or preposition ("+ OUT", "+ TO") says too little of the phrase to read the passive by.
 * 1 when the rest matches. */
static int passive_slot(mstate *s, int j, int pos) {
    const ent_pattern *p = s->p;
    if (!s->coder->passive_slot || j != 0 || pos != 0 || p->lower[0].kind != ENT_PEL_TARGET || p->nlower < 3)
        return 0;
    for (int k = 1; k < 3; k++)
        if (p->lower[k].kind != ENT_PEL_WORD && p->lower[k].kind != ENT_PEL_SYNSET) return 0;
    return match_lower(s, 1, 0);
}

/* Does the gap of lower element j, from word pos to word q of the view (q > pos), run out
 * of the phrase of the preposition the pattern's previous word matched (at pos-1)?  "- *
 * TO &TALKS_" reads "returned to the stalled talks" and "to a new round of talks", not
 * "returned to Cairo after talks" or "to Cairo for talks": a second preposition in the
 * gap (OF excepted, which goes on with the noun phrase) opens a phrase of its own. */
static int gap_leaves_pp(const mstate *s, int j, int pos, int q) {
    const ent_pattern *p = s->p;
    const mseq *m = s->lo;
    if (!s->coder->o.clauses || j == 0 || !p->lower[j].gap || q <= pos || p->lower[j - 1].kind != ENT_PEL_WORD) return 0;
    const char *t = view_tag(s->coder, m, pos - 1);
    if (strcmp(t, "IN") && strcmp(t, "TO")) return 0;
    if (!strcmp(t, "TO") && pos < m->n && !strcmp(view_tag(s->coder, m, pos), "VB")) return 0;   /* an infinitive */
    for (int r = pos; r < q; r++) {
        t = view_tag(s->coder, m, r);
        if ((!strcmp(t, "IN") || !strcmp(t, "TO")) && strcmp(m->w[r], "OF")) return 1;
    }
    return 0;
}

static int match_lower(mstate *s, int j, int pos) {
    if (--s->budget < 0) return 0;
    const ent_pattern *p = s->p;
    const mseq *m = s->lo;
    if (j == (int)p->nlower) return match_upper(s, (int)p->nupper - 1, s->up->n);
    const ent_pel *e = &p->lower[j];
    int n = m->n;
    if (e->kind == ENT_PEL_SKIP) {         /* ^: skip to the end of the current/next NE */
        int g = (pos < n) ? v_inner(m, pos) : -1;
        if (g < 0 || g_first(m, g) >= pos) {
            g = -1;
            for (int q = pos; q < n && g < 0; q++)
                if (v_inner(m, q) >= 0) g = v_inner(m, q);
        }
        if (g < 0) return 0;
        return match_lower(s, j + 1, g_end(m, g));
    }
    if (e->kind != ENT_PEL_WORD && e->kind != ENT_PEL_SYNSET && pos > 0 && pos < n) {
        /* $ + %: the phrase whose first words the pattern has just matched ("MAY_DAY $"
         * on "May Day with Eriador") */
        int g = e->kind == ENT_PEL_COMPOUND ? v_outer(m, pos) : v_inner(m, pos);
        if (g >= 0 && g_first(m, g) < pos && (e->kind != ENT_PEL_COMPOUND || g_nec(m, g)) &&
            words_used(s, g_first(m, g), pos)) {
            msnap save = snap(s);
            set_actor(s, e->kind, g, 0, 1);
            if (match_lower(s, j + 1, g_end(m, g))) return 1;
            restore(s, &save);
        }
        /* "* BOYCOTT OF +" on "a diplomatic boycott of the Olympics": the pattern words
         * end inside an "X of Y" phrase after modifiers the pattern does not name; the
         * phrase (coded from its actor words) is the actor */
        else if (g >= 0 && e->kind != ENT_PEL_COMPOUND && g_first(m, g) < pos - 1 && words_used(s, pos - 1, pos) &&
                 j > 0 && p->lower[j - 1].kind == ENT_PEL_WORD &&
                 (!strcmp(m->w[pos - 1], "OF") || !strcmp(m->w[pos - 1], "AGAINST") || !strcmp(m->w[pos - 1], "ON") ||
                  !strcmp(m->w[pos - 1], "WITH") || !strcmp(m->w[pos - 1], "TO") || !strcmp(m->w[pos - 1], "FROM")) &&
                 !head_has_country(s, g_first(m, g), pos)) {
            msnap save = snap(s);
            set_actor(s, e->kind, g, 0, 1);
            if (match_lower(s, j + 1, g_end(m, g))) return 1;
            restore(s, &save);
        }
    }
    int last = e->gap ? n - 1 : pos;
    uint32_t eh = e->kind == ENT_PEL_WORD ? e->h : 0;
    if (e->gap && (e->kind == ENT_PEL_SOURCE || e->kind == ENT_PEL_TARGET)) {
        /* "... $" / "... +" after a gap: the first phrase with an actor code, else the
         * first phrase (as for the default target) */
        for (int pass = 0; pass < 2; pass++)
            for (int g = m->ga; g < m->gb; g++) {
                int q = g_first(m, g);
                if (q < pos || q >= n || group_starting(m, q) != g) continue;
                int coded = g_nec(m, g) || !code_is_null(item_code(s->coder, (size_t)m->G->g[g].item));
                if (coded != !pass) continue;
                msnap save = snap(s);
                set_actor(s, e->kind, g, 0, 1);
                if (match_lower(s, j + 1, g_end(m, g))) return 1;
                if (possessive_rest(s, j, g)) return 1;
                restore(s, &save);
            }
        return passive_slot(s, j, pos);
    }
    for (int q = pos; q <= last && q < n; q++) {
        switch (e->kind) {
        case ENT_PEL_WORD:
            if (((m->h[q] == eh && !strcmp(m->w[q], e->text)) || plural_head_is(m, q, eh, e->text)) && to_fits(s, j, q) &&
                !gap_leaves_pp(s, j, pos, q)) {
                int nu = s->nused;
                use_words(s, q, q + 1);
                if (match_lower(s, j + 1, q + 1)) return 1;
                s->nused = nu;
            }
            break;
        case ENT_PEL_SYNSET:
            if (e->synset) {
                size_t L = synset_at(s, e->synset, m, q);
                /* &PLACE: or a place's name; &BODY: or a body's name */
                int (*named)(ent_coder *, size_t) = e->synset == s->coder->place_syn ? ne_is_place
                                                    : e->synset == s->coder->body_syn ? ne_is_body
                                                                                      : NULL;
                if (!L && named) {
                    int g = group_starting(m, q);
                    if (g >= 0 && !g_nec(m, g) && named(s->coder, (size_t)m->G->g[g].item)) L = (size_t)(g_end(m, g) - q);
                }
                if (L && e->synset == s->coder->place_syn && in_pp(s->coder, m, q)) L = 0;
                if (L && gap_leaves_pp(s, j, pos, q)) L = 0;
                int nu = s->nused;
                use_words(s, q, q + (int)L);
                if (L && match_lower(s, j + 1, q + (int)L)) return 1;
                s->nused = nu;
            }
            break;
        default: {
            int g = group_starting(m, q);
            if (g < 0) break;
            if (e->kind == ENT_PEL_COMPOUND && !g_nec(m, g)) break;
            msnap save = snap(s);
            set_actor(s, e->kind, g, 0, 1);
            if (match_lower(s, j + 1, g_end(m, g))) return 1;
            if (possessive_rest(s, j, g)) return 1;
            restore(s, &save);
        }
        }
    }
    return passive_slot(s, j, pos);
}

/* upper elements are matched from the verb backwards; pos = end (exclusive) of the
 * words still available */
static int match_upper(mstate *s, int j, int pos) {
    if (j < 0) return 1;
    if (--s->budget < 0) return 0;
    const ent_pattern *p = s->p;
    const mseq *m = s->up;
    const ent_pel *e = &p->upper[j];
    if (e->kind == ENT_PEL_SKIP) {
        int g = (pos > 0) ? v_inner(m, pos - 1) : -1;
        if (g < 0 || g_end(m, g) <= pos) {
            g = -1;
            for (int q = pos; q > 0 && g < 0; q--)
                if (v_inner(m, q - 1) >= 0) g = v_inner(m, q - 1);
        }
        if (g < 0) return 0;
        return match_upper(s, j - 1, g_first(m, g));
    }
    if (e->kind != ENT_PEL_WORD && e->kind != ENT_PEL_SYNSET && pos > 0 && pos < m->n) {
        int g = e->kind == ENT_PEL_COMPOUND ? v_outer(m, pos - 1) : v_inner(m, pos - 1);
        if (g >= 0 && g_end(m, g) > pos && (e->kind != ENT_PEL_COMPOUND || g_nec(m, g))) {
            msnap save = snap(s);
            set_actor(s, e->kind, g, 1, 0);
            if (match_upper(s, j - 1, g_first(m, g))) return 1;
            restore(s, &save);
        }
    }
    int lowest = e->gap ? 1 : pos;
    uint32_t eh = e->kind == ENT_PEL_WORD ? e->h : 0;
    for (int q = pos; q >= lowest && q >= 1; q--) {
        switch (e->kind) {
        case ENT_PEL_WORD:
            if ((m->h[q - 1] == eh && !strcmp(m->w[q - 1], e->text)) || plural_head_is(m, q - 1, eh, e->text)) {
                int nu = s->nuused;
                use_upper(s, q - 1, q);
                if (match_upper(s, j - 1, q - 1)) return 1;
                s->nuused = nu;
            }
            break;
        case ENT_PEL_SYNSET:
            if (e->synset) {
                int L = synset_end_at(s, e->synset, m, q);
                int nu = s->nuused;
                use_upper(s, q - L, q);
                if (L && match_upper(s, j - 1, q - L)) return 1;
                s->nuused = nu;
            }
            break;
        default: {
            int g = group_ending(m, q);
            if (g < 0) break;
            if (e->kind == ENT_PEL_COMPOUND && !g_nec(m, g)) break;
            msnap save = snap(s);
            set_actor(s, e->kind, g, 1, 0);
            if (match_upper(s, j - 1, g_first(m, g))) return 1;
            restore(s, &save);
        }
        }
    }
    return 0;
}

/* ---- verbs ------------------------------------------------------------------------------ */

static int skip_word(const char *w) {
    static const char *const sk[] = {"THE", "A", "AN", "IT", "HE", "THEY", "HER", "HAS", "HAD", "HAVE", "SOME",
                                     "FEW", "THAT", "HUNDRED", "THOUSAND", "MILLION", "BILLION", "TRILLION",
                                     "DOZEN", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
                                     "NINE", "DOLLAR", "DUCAT", NULL};
    if (ent_str_in_list(w, sk)) return 1;
    const char *p = w;
    if (*p == '-' || *p == '+') p++;
    if (!*p) return 0;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p)) return 0;
    return 1;
}

/* Does the multi-word verb form f fit around the verb word at item v?  Sets the item
 * range [*vs, *ve] covered by its words.  loose: adverbs and days may stand between. */
static int verb_form_fits(const cvec *c, const ent_verb_form *f, size_t v, size_t lo, size_t hi, size_t *vs,
                          size_t *ve, int loose) {
    size_t k = v;
    for (uint32_t a = 0; a < f->nafter; a++) {
        for (;;) {
            k++;
            if (k >= hi) return 0;
            if (c->v[k].kind != K_WORD) continue;
            if (!strcmp(c->v[k].w, f->after[a])) break;
            if (skip_word(c->v[k].w) || (loose && loose_skip(&c->v[k]))) continue;
            return 0;
        }
    }
    *ve = k;
    k = v;
    for (uint32_t b = f->nbefore; b-- > 0;) {
        for (;;) {
            if (k <= lo) return 0;
            k--;
            if (c->v[k].kind != K_WORD) continue;
            if (!strcmp(c->v[k].w, f->before[b])) break;
            if (skip_word(c->v[k].w) || (loose && loose_skip(&c->v[k]))) continue;
            return 0;
        }
    }
    *vs = k;
    return 1;
}

/* Passive voice: the verb phrase at vp is a chain of verbs (each the first word of its
 * VP, or following each other inside one VP: "will be killed", "were killed") in which
 * a form of BE is directly followed by a past participle, and the participle's own
 * phrase holds a BY prepositional phrase (not one inside a nested clause: "to be allowed
 * to leave X by Y" is not passive at "allowed ... by").  Returns the item of the
 * participle, 0 if active. */
static size_t passive_verb(const cvec *c, size_t vp) {
    size_t k = vp, pc = 0;
    const char *prev = NULL;
    for (int guard = 0; guard < 8 && !pc; guard++) {
        if (c->v[k].mate < 0) return 0;
        size_t end = (size_t)c->v[k].mate, next = 0, j = k + 1;
        /* the verb words at the start of this VP */
        while (j < end && c->v[j].kind == K_WORD && c->v[j].lab == L_VB) {
            if (c->v[j].vbn && ent_cz_is_passive_aux(prev)) { pc = j; break; }
            prev = c->v[j].w;
            j++;
        }
        if (pc) break;
        /* then the nested VP that continues the chain (adverbs may come first) */
        for (; j < end; j++) {
            const coder_item *x = &c->v[j];
            if (x->kind == K_OPEN && x->lab == L_VP) { next = j; break; }
            if (x->kind == K_OPEN && x->mate > (int32_t)j) { j = (size_t)x->mate; continue; }
            if (x->kind == K_WORD && x->lab == L_VB) break;
        }
        if (!next) return 0;
        k = next;
    }
    if (!pc) return 0;
    /* BY among the phrases of the participle's VP (k), outside nested clauses */
    size_t end = (size_t)c->v[k].mate;
    for (size_t j = pc + 1; j < end; j++) {
        const coder_item *x = &c->v[j];
        if (x->kind == K_OPEN && (x->lab == L_S || x->lab == L_SBAR || x->lab == L_VP) && x->mate > (int32_t)j) {
            j = (size_t)x->mate;
            continue;
        }
        if (x->kind == K_WORD && !strcmp(x->w, "BY")) return pc;
    }
    return 0;
}

/* A raising passive: a form of BE, the participle of a verb of saying or believing,
 * then a TO-infinitive clause ("Arnor is said to be about to restore ties", "is
 * reported to have shelled", "is believed to hold").  Its subject is not acted on by the
 * participle (nobody "said Arnor"): the sentence reports what the subject does, so the
 * participle codes as an active verb would (PETRARCH-1's check_passive only turns a
 * participle with BY around; otherwise the subject is the source), and a statement code
 * gives way to the infinitive clause like any reported clause.  vp is the participle's
 * verb phrase, verb its item.  Returns the infinitive's S item, 0 if not this shape. */
static size_t raising_passive(const cvec *items, size_t vp, size_t verb) {
    static const char *const report[] = {"SAID", "REPORTED", "BELIEVED", "THOUGHT", "RUMORED", "RUMOURED",
                                         "ALLEGED", "CLAIMED", "UNDERSTOOD", NULL};
    const coder_item *w = &items->v[verb];
    if (!w->w || items->v[vp].mate < 0) return 0;
    int hit = 0;
    for (int i = 0; report[i] && !hit; i++) hit = !strcmp(w->w, report[i]);
    if (!hit) return 0;
    size_t end = (size_t)items->v[vp].mate, k = verb + 1;
    while (k < end && items->v[k].kind == K_WORD && items->v[k].label && items->v[k].label[0] == 'R') k++;
    if (k + 2 >= end || items->v[k].kind != K_OPEN || items->v[k].lab != L_S) return 0;
    const coder_item *x = &items->v[k + 1], *to = &items->v[k + 2];
    if (!(x->kind == K_OPEN && x->lab == L_VP)) return 0;
    return to->kind == K_WORD && to->w && !strcmp(to->w, "TO") ? k : 0;
}

/* Is the verb at item verb (its phrase at vp) a passive: a past participle right after a
 * form of BE, inside its verb phrase ("(VP was attacked") or before it ("was (VP
 * attacked"), over the openings of verb phrases, and no raising passive ("is said to
 * ...")?  "did not put" is none. */
/* A participle of resolve after BE and before TO ("is committed to supporting Ukraine",
 * "are determined to defend", "remains dedicated to"): a state of its subject, which is the
 * one committed, not a passive (nobody "committed the United States"). */
static int stative_resolve(const cvec *items, size_t verb) {
    static const char *const resolve[] = {"COMMITTED", "DETERMINED", "DEDICATED", NULL};
    if (!items->v[verb].w || !ent_str_in_list(items->v[verb].w, resolve)) return 0;
    size_t k = verb + 1;
    while (k < items->n && items->v[k].kind == K_OPEN) k++;
    return k < items->n && items->v[k].kind == K_WORD && items->v[k].w && !strcmp(items->v[k].w, "TO");
}

static int be_passive(const cvec *items, size_t vp, size_t verb) {
    if (!items->v[verb].vbn || raising_passive(items, vp, verb) || stative_resolve(items, verb)) return 0;
    size_t b = verb;
    while (b > 0 && items->v[b - 1].kind == K_OPEN && items->v[b - 1].lab == L_VP) b--;
    return b > 0 && items->v[b - 1].kind == K_WORD && items->v[b - 1].w && ent_cz_is_passive_aux(items->v[b - 1].w);
}

/* With new_actor_length > 0, an uncoded phrase of at most that many words is reported
 * as its own quoted text ("\"THE MINISTRY OF MAGIC\""); otherwise NULL. */
static const char *new_actor(ent_coder *c, const char *text) {
    int max = c->o.new_actor_length;
    if (max <= 0 || !*text) return NULL;
    int words = 1;
    for (const char *p = text; *p; p++) words += *p == ' ';
    if (words > max) return NULL;
    ent_buf_clear(&c->buf);
    ent_buf_putc(&c->buf, '"');
    ent_buf_puts(&c->buf, text);
    ent_buf_putc(&c->buf, '"');
    return ent_arena_strdup(&c->arena, c->buf.data);
}

/* ---- evidence offsets ------------------------------------------------------------------- */

/* Widen *sp to cover token tok's byte span; tokens without offsets (Penn parses: {0,0})
 * and tok < 0 leave it alone.  An empty *sp ({0,0}) means "nothing yet". */
static void span_add_tok(const ent_sentence *s, int32_t tok, ent_span *sp) {
    if (!s || tok < 0 || (size_t)tok >= s->ntokens) return;
    ent_span t = s->tokens[tok].span;
    if (t.end <= t.start) return;
    if (sp->end <= sp->start) { *sp = t; return; }
    if (t.start < sp->start) sp->start = t.start;
    if (t.end > sp->end) sp->end = t.end;
}

/* The byte span of the words among items [a, b] ({0,0} when none has offsets). */
static ent_span items_span(const ent_coder *c, size_t a, size_t b) {
    ent_span sp = {0, 0};
    const cvec *it = &c->z.items;
    for (size_t k = a; k <= b && k < it->n; k++)
        if (it->v[k].kind == K_WORD) span_add_tok(c->sent, it->v[k].tok, &sp);
    return sp;
}

/* The byte span of the words of the NE whose OPEN is item i ({0,0} for i < 0). */
static ent_span item_span(const ent_coder *c, int32_t i) {
    if (i < 0) return (ent_span){0, 0};
    const coder_item *x = &c->z.items.v[i];
    return items_span(c, (size_t)i, (size_t)x->mate);   /* mate < 0 (unbalanced): to the end */
}

/* For the other coder files (coder_state.h). */
const char *ent_cd_item_code(ent_coder *c, size_t i) { return item_code(c, i); }
const char *ent_cd_item_text(ent_coder *c, size_t i) { return item_text(c, i); }
ent_span ent_cd_item_span(const ent_coder *c, int32_t i) { return item_span(c, i); }

/* codes of a group: an NE's code (split at '/'), or every non-null code of an NEC; each
 * with the NE item its text and offsets come from */
static size_t group_codes(ent_coder *c, const cvec *items, const grp *g, codeent **out, size_t *cap) {
    size_t n = 0;
    size_t a = (size_t)g->item, b = items->v[a].mate > 0 ? (size_t)items->v[a].mate : a;
    for (size_t i = a; i <= b; i++) {
        const coder_item *x = &items->v[i];
        if (!(x->kind == K_OPEN && x->lab == L_NE)) continue;
        const char *code = item_code(c, i);
        if (!strcmp(code, "---")) {
            const char *na = c->o.new_actor_length > 0 ? new_actor(c, item_text(c, i)) : NULL;
            if (na) code = na;
            else if (g->nec) continue;
        }
        const char *p = code;
        for (;;) {
            const char *sl = strchr(p, '/');
            size_t len = sl ? (size_t)(sl - p) : strlen(p);
            ENT_GROW(*out, n + 1, *cap);
            (*out)[n].code = sl ? ent_arena_strndup(&c->arena, p, len) : p;
            (*out)[n].item = (int32_t)i;
            n++;
            if (!sl) break;
            p = sl + 1;
        }
        if (!g->nec) break;
    }
    if (!n) {
        ENT_GROW(*out, 1, *cap);
        (*out)[0].code = "---";
        (*out)[0].item = items->v[a].lab == L_NE ? (int32_t)a : -1;
        n = 1;
    }
    return n;
}

/* How many different codes the members of group g have (group_codes, in c->ct: scratch
 * that make_events fills again). */
static size_t distinct_codes(ent_coder *c, const grp *g) {
    size_t n = group_codes(c, &c->z.items, g, &c->ct, &c->ctcap), d = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(c->ct[i].code, "---")) continue;
        size_t j = 0;
        while (j < i && strcmp(c->ct[j].code, c->ct[i].code)) j++;
        if (j == i) d++;
    }
    return d;
}

static void add_raw(ent_coder *c, const codeent *s, const codeent *t, const char *code, vevid *vt,
                    ent_span vspan) {
    if (!strcmp(s->code, t->code)) {   /* self-reference */
        if (TRACING(c)) trace(c, "  no event: source and target are both %s", s->code);
        return;
    }
    ENT_GROW(c->ev, c->nev + 1, c->evcap);
    rawev *e = &c->ev[c->nev++];
    e->src = s->code; e->tgt = t->code; e->code = code; e->sitem = s->item; e->titem = t->item; e->vt = vt;
    e->vspan = vspan;
    e->vtok = c->cur_vtok;
    e->agentless = 0;
}

static void make_events(ent_coder *c, const grp *sg, const grp *tg, const char *code, const char *code2,
                        int passive, vevid *vtext, ent_span vspan) {
    const cvec *items = &c->z.items;
    size_t ns = group_codes(c, items, sg, &c->cs, &c->cscap);
    size_t nt;
    if (tg) nt = group_codes(c, items, tg, &c->ct, &c->ctcap);
    else {                            /* no target phrase at all (require_dyad off) */
        ENT_GROW(c->ct, 1, c->ctcap);
        c->ct[0].code = "---";
        c->ct[0].item = -1;
        nt = 1;
    }
    codeent *S = c->cs, *T = c->ct;
    if (code2) {                      /* symmetric event: a null side takes the other's codes */
        if (!strcmp(S[0].code, "---")) { S = T; ns = nt; }
        else if (!strcmp(T[0].code, "---")) { T = S; nt = ns; }
    }
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
            const codeent *a = &S[i], *b = &T[j];
            if (passive) { const codeent *x = a; a = b; b = x; }
            add_raw(c, a, b, code, vtext, vspan);
            if (code2) add_raw(c, b, a, code2, vtext, vspan);
        }
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}


/* The source phrase before the verb (upper view c->up, items [ustart, vs)) for target tg
 * (may be NULL): the nearest coded subject with a code other than the target's first;
 * phrases inside a complete verb or prepositional phrase before the verb (objects) only
 * when nothing else is available.  NULL when there is none. */
static const grp *pick_source(ent_coder *c, const grp *tg, size_t ustart, size_t vs) {
    const gseq *G = &c->gs;
    const grp *sg = NULL;
    const mseq *m = &c->up;
    const char *tcode = (!tg || tg->nec) ? NULL : item_code(c, (size_t)tg->item);
    if (code_is_null(tcode)) tcode = NULL;   /* two unknown phrases may differ */
    for (int pass = 0; pass < 4 && !sg; pass++) {
        for (int g = m->gb; g-- > m->ga && !sg;) {
            const grp *x = &G->g[g];
            if (!x->top || g_end(m, g) <= g_first(m, g)) continue;
            int nested = x->pvo >= (int32_t)ustart && x->pvc >= 0 && x->pvc < (int32_t)vs;
            if (nested != (pass & 1)) continue;
            if (c->conj_b && x->item > (int32_t)c->conj_a && x->item < (int32_t)c->conj_b) continue;
            if (c->means_b && x->item > (int32_t)c->means_a && x->item < (int32_t)c->means_b) continue;
            const char *gcode = x->nec ? NULL : item_code(c, (size_t)x->item);
            if (!x->nec && tcode && !strcmp(gcode, tcode)) continue;
            if (pass < 2 && !(x->nec || !code_is_null(gcode))) continue;
            sg = x;
        }
    }
    return sg;
}

/* Does group g open with a reciprocal pronoun ("each other('s)", "one another")? */
static int reciprocal(const gseq *G, const grp *g) {
    if (g->end - g->first < 2) return 0;
    const char *a = G->w[g->first], *b = G->w[g->first + 1];
    return (!strcmp(a, "EACH") && !strcmp(b, "OTHER")) || (!strcmp(a, "ONE") && !strcmp(b, "ANOTHER"));
}

/* Can the members of a compound subject do this act to each other when no target is
 * named?  Roots 03-06 (cooperation, consultation) and 08 (yield: ceasefires, truces). */
static int mutual_code(const char *code) {
    if (!code || code[0] != '0') return 0;
    return (code[1] >= '3' && code[1] <= '6') || code[1] == '8';
}

/* Did match s bind its + target to a single phrase without an actor code?  Such a match
 * yields no dyadic event, so a shorter pattern with a coded target is preferred. */
static int uncoded_target(ent_coder *c, const mstate *s) {
    if (s->tgt < 0) return 0;
    const grp *g = &c->gs.g[s->tgt];
    return !g->nec && code_is_null(item_code(c, (size_t)g->item));
}

/* Can every synset of pattern pi match?  Not when none of a synset's members starts with
 * a word present on its side of the verb (slo / sup: the words after / before it). */
static int synsets_possible(const ent_coder *c, size_t pi, const sig256 *slo, const sig256 *sup) {
    for (uint32_t k = c->psyn_at[pi], e = c->psyn_at[pi + 1]; k < e; k++) {
        uint32_t v = c->psyn[k], si = v & ~PSYN_UPPER;
        if (si == PSYN_NONE) return 0;
        const sig256 *q = &c->ssig[si], *t = (v & PSYN_UPPER) ? sup : slo;
        if (!((q->b[0] & t->b[0]) | (q->b[1] & t->b[1]) | (q->b[2] & t->b[2]) | (q->b[3] & t->b[3]))) return 0;
    }
    return 1;
}

/* Where the words after a verb stop counting for its patterns: at an adverbial clause of
 * time, cause or condition inside the verb phrase ("began talks, the first since fighting
 * erupted": FIGHTING belongs to the "since" clause, not to BEGIN).  Clauses of purpose
 * ("agreed to ...") stay in.  statement (clauses option; -1 without it): 1 for a verb
 * of saying, which also stops at the clause it reports; 0 or 1 also stop at a relative
 * clause on the object. */
static size_t lower_end(const cvec *items, size_t from, size_t end, int statement) {
    static const char *const adverbial[] = {"AFTER", "BEFORE", "SINCE", "UNTIL", "WHILE", "WHEN", "AS",
                                            "BECAUSE", "ALTHOUGH", "THOUGH", "WHEREAS", "UNLESS", "IF",
                                            "ONCE", NULL};
    for (size_t k = from; k + 1 < end; k++) {
        const coder_item *x = &items->v[k];
        /* a relative clause inside a noun phrase of the object ("re-open its borders to UN
         * peacekeepers, who oversee a ceasefire"): its words are its own verb's */
        if (statement >= 0 && x->kind == K_OPEN && x->lab == L_SBR) return k;
        if (x->kind != K_OPEN || x->lab != L_SBAR) continue;
        const coder_item *w = &items->v[k + 1];
        /* a verb of saying ends at the clause it reports ("announced that it is prepared to
         * impose martial law": MARTIAL LAW is the reported verb's, not ANNOUNCE's) */
        if (statement > 0 && ((w->kind == K_OPEN && w->label && !strcmp(w->label, "S")) ||
                          (w->kind == K_WORD && w->w && !strcmp(w->w, "THAT"))))
            return k;
        /* a relative clause on the object ("arrested the man that attacked the embassy"):
         * its words are its own verb's */
        if (statement >= 0 && w->kind == K_OPEN && w->label && !strcmp(w->label, "WHNP")) return k;
        /* a participle of allegation on the object ("arrested a man suspected of stabbing
         * three people", "detained a man accused of attacking ..."), parsed as a clause: the
         * man is the object, what he is suspected of is no part of this verb */
        if (statement == 0 && w->kind == K_OPEN && w->label && !strcmp(w->label, "S") && k + 2 < end &&
            items->v[k + 2].kind == K_OPEN && items->v[k + 2].lab == L_NE && items->v[k + 2].mate > 0) {
            static const char *const alleged[] = {"SUSPECTED", "ACCUSED", "CHARGED", "BELIEVED", "ALLEGED",
                                                  "WANTED", "CONVICTED", "THOUGHT", "REPORTED", NULL};
            size_t m = (size_t)items->v[k + 2].mate;
            const coder_item *p = m + 2 < end ? &items->v[m + 2] : NULL;
            if (p && items->v[m + 1].kind == K_OPEN && items->v[m + 1].lab == L_VP && p->kind == K_WORD && p->w)
                if (ent_str_in_list(p->w, alleged)) return m + 1;
        }
        /* a measure of time before the subordinator ("five years after ..."; clauses
         * option: the reference coder reads on into such a clause) */
        if (statement >= 0 && w->kind == K_OPEN && w->lab == L_NE && w->mate > (int32_t)(k + 1) &&
            (size_t)w->mate + 1 < end)
            w = &items->v[w->mate + 1];
        if (w->kind != K_WORD || !w->w) continue;
        if (ent_str_in_list(w->w, adverbial)) return k;
    }
    return end;
}

/* Is there a noun phrase other than the source sg in reach of the verb: after it (to the
 * end of its verb phrase) or before it (back to the comma or sentence start)?  PETRARCH-1
 * makes an event only when it finds a target phrase, one without an actor code ("---")
 * being enough: "an official said today" (a bare temporal NP-TMP, no noun phrase) codes
 * nothing, "... said on Saturday" and "... declared martial law" do. */
static int other_phrase(const ent_coder *c, const grp *sg) {
    const gseq *G = &c->gs;
    const mseq *lo = &c->lo, *up = &c->up;
    for (int g = lo->ga; g < lo->gb; g++)
        if (G->g[g].top && g_end(lo, g) > g_first(lo, g)) return 1;
    for (int g = up->ga; g < up->gb; g++) {
        const grp *x = &G->g[g];
        if (!x->top || g_end(up, g) <= g_first(up, g) || x == sg) continue;
        if (sg && x->first >= sg->first && x->end <= sg->end) continue;
        return 1;
    }
    return 0;
}

/* A verb with a particle right after it ("called up reservists", "backed down") is a
 * phrasal verb, another verb than the bare one: the word index (in the lower view) of
 * such a particle, -1 when there is none.  A multi-word verb form that includes the
 * particle has already taken it out of the lower view. */
static int verb_particle(const ent_coder *c, size_t ve) {
    const cvec *items = &c->z.items;
    if (ve + 2 >= items->n) return -1;
    const coder_item *o = &items->v[ve + 1], *w = &items->v[ve + 2];
    if (o->kind != K_OPEN || !o->label || strcmp(o->label, "PRT") || w->kind != K_WORD) return -1;
    int q = c->gs.wpos[ve + 2] - c->lo.a;
    return q >= 0 && q < c->lo.n ? q : -1;
}

/* May the pattern match s stand for the phrasal verb whose particle is lower word prt?
 * When it names the particle ("- * UP &MILITARY RESERVE") or other words after the verb
 * ("- * GAS" on "cut off gas supplies"); not when it says nothing after the verb but
 * actors ("- $ * +" written for the bare verb: "called up reservists" is no summons). */
static int names_particle(const mstate *s, int prt) {
    if (prt < 0 || words_used(s, prt, prt + 1)) return 1;
    for (uint32_t k = 0; k < s->p->nlower; k++)
        if (s->p->lower[k].kind == ENT_PEL_WORD || s->p->lower[k].kind == ENT_PEL_SYNSET) return 1;
    return 0;
}

/* Does pattern p apply to verb vb?  PETRARCH applies every pattern of a block to all of
 * its verbs; a pattern written for some of them (its comment names them) applies to those
 * verbs only, so "- $ * + [040]" of SUMMON does not code "called up" (MOBILIZE's CALL_UP)
 * as a summons. */
static int pattern_for_verb(const ent_coder *c, const ent_pattern *p, const ent_verb *vb) {
    (void)c;
    if (!p->written_for) return 1;
    for (uint32_t i = 0; i < p->nwritten_for; i++)
        if (p->written_for[i] == vb) return 1;
    return 0;
}

/* A code of saying whose reported clause carries the event (010 statement, 012/013
 * remarks, 017 symbolic act, 019 accord): with the clauses option, all
 * of these; without it PETRARCH's plain 010 only.  Not 015: an admission is the event
 * ("Turkey admitted that its troops had shot at the convoy"). */
static int statement_code(const ent_coder *c, const char *code) {
    if (!code) return 0;
    if (!c->o.clauses) return !strcmp(code, "010");
    return code[0] == '0' && code[1] == '1' && strcmp(code, "011") && strcmp(code, "014") &&
           strcmp(code, "015") && strcmp(code, "016") && strcmp(code, "018");
}

/* A demand (CAMEO root 10: "made one demand", "issued a list of demands") whose content
 * may follow a colon, coded as a reported clause's (check_verbs, colon_report). */
static int demand_code(const char *code) { return code && code[0] == '1' && code[1] == '0'; }

/* Where the subject of the verb phrase at vp may be looked for: inside a relative clause
 * ("a helicopter that was captured by the Sudanese authorities", "the militia that
 * attacked the village"), from the phrase the clause modifies; elsewhere from start. */
static size_t clause_start(const cvec *items, size_t vp, size_t start) {
    for (size_t k = vp; k-- > start;) {
        const coder_item *x = &items->v[k];
        if (x->kind == K_CLOSE) {
            if (x->mate >= 0 && (size_t)x->mate < k) k = (size_t)x->mate;
            continue;
        }
        if (x->kind != K_OPEN) continue;
        /* an enclosing phrase */
        if (x->lab != L_SBAR || k + 1 >= items->n) continue;
        const coder_item *w = &items->v[k + 1];
        if (!(w->kind == K_OPEN && w->label && !strcmp(w->label, "WHNP"))) return start;
        /* the modified phrase: the complete NE/NP right before the clause (a comma
         * between allowed) */
        size_t j = k;
        if (j > start && items->v[j - 1].kind == K_WORD && items->v[j - 1].lab == L_COMMA) j--;
        if (j > start && items->v[j - 1].kind == K_CLOSE && items->v[j - 1].mate >= (int32_t)start &&
            (items->v[j - 1].lab == L_NE || items->v[j - 1].lab == L_NP))
            return (size_t)items->v[j - 1].mate;
        return start;
    }
    return start;
}

static int code_verb_as(ent_coder *c, size_t vp, size_t verb, size_t start, const char *as_verb);
static size_t object_phrase(const ent_coder *c, size_t vp, size_t verb);

/* A participle after "be" that says what the subject does, not what is done to it: "were
 * engaged in ethnic cleansing", "is involved in the fighting" (the participle, item verb,
 * then IN).  Its subject is the actor, as in an active clause. */
static int stative_participle(const cvec *items, size_t verb) {
    const char *w = items->v[verb].w;
    if (!w || (strcmp(w, "ENGAGED") && strcmp(w, "INVOLVED"))) return 0;
    for (size_t k = verb + 1; k < items->n && k < verb + 4; k++)
        if (items->v[k].kind == K_WORD) return items->v[k].w && !strcmp(items->v[k].w, "IN");
    return 0;
}

/* Does the single phrase g name a weapon or an attack ("A ROADSIDE BOMBING", "AN AIR
 * STRIKE") rather than an actor? */
static int weapon_phrase(const gseq *G, const grp *g) {
    if (!g || g->nec) return 0;
    for (int32_t i = g->first; i < g->end; i++)
        if (ent_harm_violence_word(G->w + g->first, (size_t)(g->end - g->first), (size_t)(i - g->first))) return 1;
    return 0;
}

/* Does the single phrase g end in a word of attack or weapon whose words before it may name
 * the attacker ("A HEZBOLLAH ATTACK", "AN ISRAELI AIRSTRIKE", "A RUSSIAN MISSILE STRIKE")? */
static int attack_by(const gseq *G, const grp *g) {
    if (!g || g->nec || g->end - g->first < 2) return 0;
    return ent_harm_violence_word(G->w + g->first, (size_t)(g->end - g->first), (size_t)(g->end - 1 - g->first));
}

/* clauses option: a passive with no BY agent right after the verb, whose subject sg is the
 * one acted on.  The agent may stand in a BY phrase further on ("were killed in air
 * strikes by the Syrian army"), or be the one whose attack an IN or DURING phrase names
 * ("were wounded in a Hezbollah attack": LBNREB; "killed in an Israeli airstrike"); else
 * the event has no source for now (marked agentless:
 * it takes the country of the one place the sentence names when place_country is on,
 * "a journalist was killed in a car bomb in Beirut", and is dropped otherwise). */
static int code_agentless(ent_coder *c, const grp *sg, const char *code, vevid *vtext, ent_span vspan) {
    const gseq *G = &c->gs;
    const cvec *items = &c->z.items;
    const mseq *m = &c->lo;
    for (int g = m->ga; g < m->gb; g++) {
        const grp *x = &G->g[g];
        if (!x->top || g_end(m, g) <= g_first(m, g) || x->pvo < 0 || items->v[x->pvo].lab != L_PP) continue;
        const coder_item *by = &items->v[x->pvo + 1];
        if (by->kind != K_WORD || !by->w || strcmp(by->w, "BY")) continue;
        const char *xc = x->nec ? NULL : item_code(c, (size_t)x->item);
        if (xc && code_is_null(xc)) continue;
        if (TRACING(c)) trace(c, "  passive: the agent is in a BY phrase further on");
        make_events(c, x, sg, code, NULL, 0, vtext, vspan);
        return 1;
    }
    for (int g = m->ga; g < m->gb; g++) {
        const grp *x = &G->g[g];
        if (!x->top || x->nec || x->pvo < 0 || items->v[x->pvo].lab != L_PP || !attack_by(G, x)) continue;
        const coder_item *in = &items->v[x->pvo + 1];
        if (in->kind != K_WORD || !in->w || (strcmp(in->w, "IN") && strcmp(in->w, "DURING"))) continue;
        const char *xc = item_code(c, (size_t)x->item);
        if (code_is_null(xc)) continue;
        if (TRACING(c)) trace(c, "  passive: the agent is the one whose attack the IN phrase names");
        make_events(c, x, sg, code, NULL, 0, vtext, vspan);
        return 1;
    }
    if (!sg || !c->o.place_country) {
        if (TRACING(c)) trace(c, "  passive without an agent: no event");
        return 0;
    }
    if (TRACING(c)) trace(c, "  passive without an agent: the source is the country of the place named, if one");
    size_t n0 = c->nev;
    make_events(c, sg, NULL, code, NULL, 1, vtext, vspan);   /* passive: sg is the target */
    for (size_t i = n0; i < c->nev; i++) c->ev[i].agentless = 1;
    return 1;
}

/* Code one verb phrase (OPEN item vp, verb word item verb, sentence start item start).
 * Returns 1 if the verb produced an event code (the caller then skips the rest of the
 * verb phrase); the raw events go to c->ev. */
static int code_verb(ent_coder *c, size_t vp, size_t verb, size_t start) {
    return code_verb_as(c, vp, verb, start, NULL);
}

/* code_verb, with the verb's dictionary entry looked up under as_verb instead of its own
 * word when as_verb is not NULL (nominal events: the noun "withdrawal" coded as WITHDRAW). */
/* code_verb step 1, the verb form: among the forms of the verb's dictionary entry, the
 * first multi-word form whose other words stand around item verb within [start, vpend)
 * ("called ... on"), else its single-word form.  Sets [*vs, *ve], the items of the form's
 * words; NULL when no form fits. */
static const ent_verb_form *pick_form(const cvec *items, const ent_verb_form *forms, size_t verb, size_t start,
                                      size_t vpend, size_t *vs, size_t *ve, int loose) {
    const ent_verb_form *use = NULL;
    *vs = *ve = verb;
    for (const ent_verb_form *f = forms; f; f = f->next) {
        if (f->nbefore == 0 && f->nafter == 0) {
            if (!use) { use = f; *vs = *ve = verb; }
            continue;
        }
        size_t a, b;
        if (verb_form_fits(items, f, verb, start, vpend, &a, &b, loose)) { use = f; *vs = a; *ve = b; break; }
    }
    return use;
}

/* code_verb step 2, the words around the verb: the upper view c->up (the subject side,
 * items [ustart, uend): back to the sentence start or the nearest comma) and the lower
 * view c->lo (the object side, from ve + 1 to lower_end).  Returns ustart. */
static size_t verb_views(ent_coder *c, size_t start, size_t vs, size_t uend, size_t ve, size_t vpend, int statement) {
    const cvec *items = &c->z.items;
    size_t ustart = start;
    for (size_t k = uend; k-- > start;) {
        const coder_item *x = &items->v[k];
        /* commas inside a complete phrase before the verb (an appositive or relative
         * clause of the subject: "Russia, which denies it, accused ...") do not count */
        if (x->kind == K_CLOSE && x->mate >= (int32_t)start && (size_t)x->mate < k && items->v[x->mate].lab == L_NP) {
            k = (size_t)x->mate;
            continue;
        }
        if (x->kind == K_WORD && x->lab == L_COMMA && x->label) {
            /* a comma right before the verb phrase, with no phrase between (what a
             * deleted parenthetical leaves: "Russian troops, attacked ..."), does not cut
             * the subject off */
            int between = 0;
            for (size_t q = k + 1; q < vs && !between; q++) {
                /* the objects of a verb phrase coordinated before this one ("attacked
                 * Kyiv, [shelled Kharkiv] and bombed Odesa") are no subject (clauses) */
                if (c->o.clauses && items->v[q].kind == K_OPEN && items->v[q].lab == L_VP &&
                    items->v[q].mate > (int32_t)q && (size_t)items->v[q].mate < vs) {
                    q = (size_t)items->v[q].mate;
                    continue;
                }
                between = items->v[q].kind == K_OPEN && (items->v[q].lab == L_NE || items->v[q].lab == L_NEC);
            }
            if (!between && k > start) continue;
            ustart = k + 1;
            break;
        }
    }
    make_view(&c->gs, items, ustart, uend, &c->up);
    make_view(&c->gs, items, ve + 1, lower_end(items, ve + 1, vpend, statement), &c->lo);
    return ustart;

}

/* code_verb step 3, the pattern: the longest pattern of block blk that matches around the
 * verb (views c->up and c->lo), candidates found through the pattern index (words present
 * around the verb, plus patterns without literal words) when the dictionaries are ordered;
 * patterns written for another verb of the block are skipped, and with a particle after
 * the verb (prt, from verb_particle; -1 none) only patterns that name it or other words
 * count; a match whose + target is an uncoded phrase only when nothing better matches.  Fills
 * *best and returns its score (words matched), -1 when no pattern matches. */
/* Did match s bind its + target to a single phrase with the code subj (the subject's own:
 * "Kenya deployed police to Nairobi")?  Such a target yields no dyadic event either (a
 * place in the source's own country), so a pattern without it is preferred.  subj NULL:
 * no coded single subject. */
static int own_target(ent_coder *c, const mstate *s, const char *subj) {
    if (s->tgt < 0 || s->tgt_up || !subj) return 0;   /* "- + * IN $": the subject is the target */
    const grp *g = &c->gs.g[s->tgt];
    return !g->nec && !strcmp(item_code(c, (size_t)g->item), subj);
}

/* Is a clause after the object of the verb of match s what the verb says or asks of its
 * object rather than a purpose or a relative clause ("urged the rebels to agree to a truce",
 * "warned the West that ...")?  So for the verbs of blocks that say, ask, promise, demand
 * or threaten (CAMEO roots 01-05, 10-14): their patterns may read words in that clause. */
static int asks_of_object(const mstate *s) {
    const char *k = s->p->block ? s->p->block->code : NULL;
    if (!k || strlen(k) < 2) return 0;
    return (k[0] == '0' && k[1] >= '1' && k[1] <= '5') || (k[0] == '1' && k[1] >= '0' && k[1] <= '4');
}

/* clauses option: does match s take its object word (the first lower word it uses) from a
 * clause that hangs on the verb's object ("sent soldiers to quell food riots": FOOD for
 * "- * &HUMAID"; "withdrew from a treaty that limits troops": TROOPS for "- * &TROOP")?
 * Such a clause opens after a noun with a relative word (WDT, WP, WRB, THAT: "an area
 * where warships anchored"), a participle (VBG: "a resolution calling for ...") or TO and
 * an infinitive (a purpose: sure_infinitive) the match does not use itself ("- * TO FIGHT
 * &SCOURGE" uses FIGHT).  A prepositional phrase after the object is no such clause: the
 * patterns often name words there ("struck the port with missiles", "approved billions
 * in military aid").  After the object of a verb that says or asks something of it, the
 * clause is what is said or
 * asked (asks_of_object: "warned Kyiv that it would use missiles"), and a clause right
 * after the verb is its own ("offered to send troops", "ruled that the blockade was
 * illegal").  Actor slots ($ + %) may lie anywhere. */
static int match_past_clause(const ent_coder *c, const mstate *s) {
    if (!c->sent || !s->nused || asks_of_object(s)) return 0;
    const mseq *m = s->lo;
    int first = INT_MAX;
    for (int k = 0; k < s->nused; k++) if (s->used[k] < first) first = s->used[k];
    for (int p = 1; p < first && p < m->n; p++) {
        if (view_tag(c, m, p - 1)[0] != 'N') continue;
        const char *t = view_tag(c, m, p), *w = m->w[p];
        int at;   /* the word that opens the clause */
        if (!strcmp(t, "WDT") || !strcmp(t, "WP") || !strcmp(t, "WRB") || !strcmp(t, "VBG") || !strcmp(w, "THAT")) at = p;
        else if (!strcmp(t, "TO") && p + 1 < first && sure_infinitive(c, m, p + 1)) at = p + 1;
        else continue;
        int used = 0;
        for (int k = 0; k < s->nused && !used; k++) used = s->used[k] == at;
        if (!used) return 1;
    }
    return 0;
}

static int cmp_i16(const void *a, const void *b) {
    int16_t x = *(const int16_t *)a, y = *(const int16_t *)b;
    return (x > y) - (x < y);
}

/* Between two matches of patterns of the same pattern_rank: does match a name a word
 * nearer after the verb than match b ("released a video of two hostages": VIDEO, the
 * object, over HOSTAGES)?  The words each uses are compared in order from the verb, the
 * first that differs deciding: two patterns on the same noun take the preposition
 * nearer to it ("announced sanctions against Iranian judges for their rulings on
 * students": AGAINST, not the ON of another noun's phrase).  When either names no word
 * after the verb (a subject pattern, "- RESOLUTION *"), no: file order decides. */
static int nearer_match(const mstate *a, const mstate *b) {
    if (!a->nused || !b->nused) return 0;
    int16_t ua[32], ub[32];
    memcpy(ua, a->used, sizeof(int16_t) * (size_t)a->nused);
    memcpy(ub, b->used, sizeof(int16_t) * (size_t)b->nused);
    qsort(ua, (size_t)a->nused, sizeof *ua, cmp_i16);
    qsort(ub, (size_t)b->nused, sizeof *ub, cmp_i16);
    for (int k = 0; k < a->nused && k < b->nused; k++)
        if (ua[k] != ub[k]) return ua[k] < ub[k];
    return 0;
}

/* The best pattern of block blk for verb vb (prt: its particle), into *best; its score
 * (elements matched), -1 when none.  A match whose + target is uncoded or the subject's
 * own code (subj, may be NULL) is kept only when no other matches. */
static int best_pattern(ent_coder *c, const ent_verb_block *blk, const ent_verb *vb, int prt, const char *subj,
                        mstate *best) {
    mstate s = {0}, alt = {0};
    int best_score = -1, alt_score = -1;   /* alt: best match whose + target is uncoded */
    uint32_t best_rank = 0;                /* pattern_rank of *best */
    *best = (mstate){0};
    best->src = best->tgt = -1;
    if (blk && blk->npatterns && blk->patterns) {
        sig256 sup = {{0, 0, 0, 0}}, slo = {{0, 0, 0, 0}};
        for (int k = 0; k < c->up.n; k++) sig_add(&sup, c->up.h[k]);
        for (int k = 0; k < c->lo.n; k++) sig_add(&slo, c->lo.h[k]);
        for (int side = 0; side < 2; side++) {   /* plural heads stand for their singulars */
            const mseq *m = side ? &c->up : &c->lo;
            for (int k = 0; k < 2 * m->n; k++)
                if (c->gs.sh[2 * m->a + k]) sig_add(side ? &sup : &slo, c->gs.sh[2 * m->a + k]);
        }
        size_t off = (size_t)(blk->patterns - c->d->patterns);
        int ordered = c->porder && off + blk->npatterns <= c->d->npatterns;
        if (ordered) {
            /* candidates: patterns keyed by a word present around the verb, plus those
             * without literal words; tried longest first */
            uint32_t bi = (uint32_t)(blk - c->d->blocks), cnt, nwild;
            size_t nc = 0;
            const uint32_t *wild = ent_pat_index_wild(&c->px, bi, &nwild);
            for (int side = 0; side < 2; side++) {
                const mseq *m = side ? &c->up : &c->lo;
                for (int q = 0; q < m->n; q++)
                    for (int v = 0; v < 3; v++) {   /* the word, then a plural head's singulars */
                        uint32_t h = v ? c->gs.sh[2 * (m->a + q) + v - 1] : m->h[q];
                        if (!h || !pat_index_may_key(&c->px, h)) continue;
                        const uint32_t *r = ent_pat_index_get(&c->px, bi, h, &cnt);
                        if (!r || !cnt) continue;
                        ENT_GROW(c->cand, nc + cnt, c->ccap);
                        memcpy(c->cand + nc, r, cnt * sizeof *r);
                        nc += cnt;
                    }
            }
            /* keyed candidates sorted; merged on the fly with the (sorted) wild list */
            if (nc > 24) qsort(c->cand, nc, sizeof *c->cand, cmp_u32);
            else
                for (size_t a = 1; a < nc; a++) {
                    uint32_t v = c->cand[a];
                    size_t b = a;
                    while (b > 0 && c->cand[b - 1] > v) { c->cand[b] = c->cand[b - 1]; b--; }
                    c->cand[b] = v;
                }
            uint32_t prev = UINT32_MAX;
            size_t ia = 0, iw = 0;
            while (ia < nc || iw < nwild) {
                uint32_t rank;
                if (iw >= nwild || (ia < nc && c->cand[ia] < wild[iw])) rank = c->cand[ia++];
                else rank = wild[iw++];
                if (rank == prev) continue;
                prev = rank;
                size_t pi = c->porder[rank];
                const ent_pattern *p = &c->d->patterns[pi];
                int score = (int)(p->nupper + p->nlower);
                uint32_t prank = c->prank[pi];
                if (best_score >= 0 && prank < best_rank) break;   /* ranks only fall from here */
                if (!score) continue;   /* "- * [code]": the verb without object (intransitive_pattern) */
                if (!sig_covers(&slo, &c->psig[2 * pi]) || !sig_covers(&sup, &c->psig[2 * pi + 1]) ||
                    !synsets_possible(c, pi, &slo, &sup))
                    continue;
                if (!pattern_for_verb(c, p, vb)) continue;
                s.coder = c; s.p = p; s.up = &c->up; s.lo = &c->lo; s.d = c->d; s.ssig = c->ssig; s.sx = &c->sx;
                s.src = s.tgt = -1; s.src_up = s.tgt_up = 0; s.nused = 0; s.nuused = 0; s.budget = 20000;
                if (match_lower(&s, 0, 0) && names_particle(&s, prt)) {
                    if (c->o.clauses && match_past_clause(c, &s)) {
                        if (TRACING(c)) trace(c, "verb %s: pattern %s took a word from a clause on its object: not used", vb->text, p->text);
                        continue;
                    }
                    if (uncoded_target(c, &s) || own_target(c, &s, subj)) { if (alt_score < 0) { alt = s; alt_score = score; } continue; }
                    if (best_score >= 0 && !nearer_match(&s, best)) continue;
                    *best = s; best_score = score; best_rank = prank;
                }
            }
        } else {
            for (uint32_t k = 0; k < blk->npatterns; k++) {
                const ent_pattern *p = &blk->patterns[k];
                int score = (int)(p->nupper + p->nlower);
                uint32_t rank = pattern_rank(p);
                if (!score || (best_score >= 0 && rank < best_rank)) continue;
                if (!pattern_for_verb(c, p, vb)) continue;
                s.coder = c; s.p = p; s.up = &c->up; s.lo = &c->lo; s.d = c->d; s.ssig = c->ssig; s.sx = &c->sx;
                s.src = s.tgt = -1; s.src_up = s.tgt_up = 0; s.nused = 0; s.nuused = 0; s.budget = 20000;
                if (match_lower(&s, 0, 0) && names_particle(&s, prt)) {
                    if (uncoded_target(c, &s) || own_target(c, &s, subj)) { if (alt_score < 0) { alt = s; alt_score = score; } continue; }
                    if (best_score >= 0 && rank == best_rank && !nearer_match(&s, best)) continue;
                    *best = s; best_score = score; best_rank = rank;
                }
            }
        }
    }
    if (best_score < 0 && alt_score >= 0) { *best = alt; best_score = alt_score; }
    return best_score;
}

/* code_verb step 4, the evidence: the verb's words [vs, ve] and the pattern words of
 * match best, as token indices in sentence order (arena memory; at most 96 tokens, more
 * is cut), and their offsets in *vspan. */
static vevid *verb_evidence(ent_coder *c, size_t vs, size_t ve, const mstate *best, ent_span *vspan) {
    const cvec *items = &c->z.items;
    /* evidence: the verb words and the pattern words matched around them, in sentence
     * order (token order; at most 96 tokens, more is cut) */
    int32_t vt[96];
    int nvt = 0;
    for (size_t k = vs; k <= ve && nvt < 96; k++)
        if (items->v[k].kind == K_WORD && items->v[k].tok >= 0) vt[nvt++] = items->v[k].tok;
    for (int k = 0; k < best->nused && nvt < 96; k++) vt[nvt++] = c->gs.tok[c->lo.a + best->used[k]];
    for (int k = 0; k < best->nuused && nvt < 96; k++) vt[nvt++] = c->gs.tok[c->up.a + best->uused[k]];
    for (int a = 1; a < nvt; a++) {
        int32_t v = vt[a];
        int b = a;
        while (b > 0 && vt[b - 1] > v) { vt[b] = vt[b - 1]; b--; }
        vt[b] = v;
    }
    vevid *vtext = ent_arena_alloc(&c->arena, sizeof *vtext + (size_t)nvt * sizeof(int32_t));
    vtext->text = NULL;
    vtext->n = 0;
    for (int k = 0; k < nvt; k++) {
        if (vt[k] < 0 || (size_t)vt[k] >= c->sent->ntokens || (k && vt[k] == vt[k - 1])) continue;
        vtext->tok[vtext->n++] = vt[k];
    }
    /* evidence offsets: the verb words and the pattern words matched around them */
    *vspan = items_span(c, vs, ve);
    for (int k = 0; k < best->nused; k++) span_add_tok(c->sent, c->gs.tok[c->lo.a + best->used[k]], vspan);
    for (int k = 0; k < best->nuused; k++) span_add_tok(c->sent, c->gs.tok[c->up.a + best->uused[k]], vspan);

    return vtext;
}

/* Does group g of view m (code xc) name the act the pattern matched: a phrase with no
 * country, holding a word of the pattern and headed by an event noun ("a military
 * offensive", "drone attacks")? */
static int names_act(const gseq *G, const mstate *best, const mseq *m, int g, const char *xc) {
    const grp *x = &G->g[g];
    if (strncmp(xc, "---", 3) || x->end <= x->first || !ent_event_noun_verb(G->w[x->end - 1])) return 0;
    for (int k = 0; k < best->nused; k++)
        if (best->used[k] >= g_first(m, g) && best->used[k] < g_end(m, g)) return 1;
    return 0;
}

/* Is the next coded phrase after group g of m one in a phrase of place ("in Minsk",
 * in_pp), or is there none? */
static int place_follows(ent_coder *c, const mseq *m, int g) {
    const gseq *G = m->G;
    for (int h = g + 1; h < m->gb; h++) {
        const grp *x = &G->g[h];
        if (!x->top || g_end(m, h) <= g_first(m, h)) continue;
        if (!x->nec && code_is_null(item_code(c, (size_t)x->item))) continue;
        return in_pp(c, m, g_first(m, h));
    }
    return 1;
}

/* Does some NE of the compound phrase g have a code with a country ("tents and blankets":
 * no; "Chad and Niger": yes)? */
static int nec_has_country(ent_coder *c, const grp *g) {
    const cvec *items = &c->z.items;
    size_t a = (size_t)g->item, b = items->v[a].mate > 0 ? (size_t)items->v[a].mate : a;
    for (size_t i = a + 1; i < b; i++) {
        if (items->v[i].kind != K_OPEN || items->v[i].lab != L_NE) continue;
        const char *code = item_code(c, i);
        if (!code_is_null(code) && strncmp(code, "---", 3)) return 1;
    }
    return 0;
}

/* Is group g of m (the default target's candidate) an object of the actor's own that the
 * matched pattern names: a phrase of pattern words opened by ITS or THEIR ("its
 * ambassador", "their troops")? */
static int own_object(ent_coder *c, const mstate *best, const mseq *m, int g) {
    const grp *x = &m->G->g[g];
    if (x->nec || (size_t)x->item + 1 >= c->z.items.n) return 0;
    const coder_item *first = &c->z.items.v[x->item + 1];
    if (first->kind != K_WORD || !first->w || (strcmp(first->w, "ITS") && strcmp(first->w, "THEIR"))) return 0;
    for (int k = 0; k < best->nused; k++)
        if (best->used[k] >= g_first(m, g) && best->used[k] < g_end(m, g)) return 1;
    return 0;
}

/* code_verb step 5, the target when the pattern named none: the first coded phrase after
 * the verb (not one made of pattern words that names no country), a TO phrase's country
 * for a country-less object sent somewhere, else the first phrase that is not pattern
 * words.  *tg_alt receives the first coded phrase (the fallback when the preferred target
 * leaves no source). */
static const grp *default_target(ent_coder *c, const mstate *best, const grp **tg_alt) {
    const cvec *items = &c->z.items;
    const gseq *G = &c->gs;
    const grp *tg = NULL;
    /* the first coded phrase after the verb, else the first phrase that is not part
     * of the matched pattern */
    const mseq *m = &c->lo;
    /* pass 0: a coded phrase, but not one made of pattern words that names no
     * country ("agreed to provide tanks to Ukraine": UKR, not the ---MIL of TANKS
     * matched by &MILAID); pass 1: any coded phrase */
    for (int pass = 0; pass < 2 && !tg; pass++)
        for (int g = m->ga; g < m->gb && !tg; g++) {
            const grp *x = &G->g[g];
            if (!x->top || g_end(m, g) <= g_first(m, g)) continue;
            const char *xc = x->nec ? NULL : item_code(c, (size_t)x->item);
            if (!x->nec && code_is_null(xc)) continue;
            /* a phrase that names the act itself ("launched a military offensive": the
             * offensive is no party to it, and its "military" no one's army) is no
             * target, not even the fallback */
            int act = xc && names_act(G, best, m, g, xc);
            if (!*tg_alt && !act) *tg_alt = x;
            if (xc && !strncmp(xc, "---", 3)) {
                int used = 0;
                for (int k = 0; k < best->nused && !used; k++)
                    used = best->used[k] >= g_first(m, g) && best->used[k] < g_end(m, g);
                /* civilians or protesters the pattern names ("fired on protesters in
                 * Minsk") are those acted on: kept in pass 0 over a place after them */
                int people = used && pass == 0 && (!strcmp(xc + 3, "OPP") || !strcmp(xc + 3, "CVL")) && place_follows(c, m, g);
                if (used && ((pass == 0 && !people) || act)) continue;
            }
            tg = x;
        }
    const char *tgc = tg && !tg->nec ? item_code(c, (size_t)tg->item) : NULL;
    int owned = tgc && own_object(c, best, m, (int)(tg - G->g));
    if (tg && (tg->nec ? !nec_has_country(c, tg) : (!strncmp(tgc, "---", 3) || owned))) {
        /* a country-less object sent somewhere ("sent police officers to Haiti",
         * "recalled its ambassadors to the United States", "sent tents and blankets to
         * Nepal"): the country of the TO phrase that follows is the target.  An object of
         * the actor's own that the pattern names ("withdrew its ambassador to Chile", "took
         * its soldiers out of Niger", "recalled its envoy in Lima") is only what the act
         * moves: the country it is posted to or taken from (TO, IN, FROM, OUT OF) is the
         * one acted on, when it is another than the owner's */
        for (int g = (int)(tg - G->g) + 1; g < m->gb; g++) {
            const grp *x = &G->g[g];
            if (!x->top || g_end(m, g) <= g_first(m, g) || x->pvo < 0) continue;
            const coder_item *pp = &items->v[x->pvo];
            if (pp->lab != L_PP || (size_t)x->pvo + 1 >= items->n || items->v[x->pvo + 1].kind != K_WORD)
                continue;
            const char *pw = items->v[x->pvo + 1].w;
            int host = !strcmp(pw, "TO") ||
                       (owned && (!strcmp(pw, "FROM") || !strcmp(pw, "IN") ||
                                  (!strcmp(pw, "OUT") && (size_t)x->pvo + 2 < items->n &&
                                   items->v[x->pvo + 2].kind == K_WORD && !strcmp(items->v[x->pvo + 2].w, "OF"))));
            if (!host) continue;
            if (x->nec) { tg = x; break; }
            const char *xc = item_code(c, (size_t)x->item);
            if (code_is_null(xc) || !strncmp(xc, "---", 3)) continue;
            if (owned && !strncmp(xc, tgc, 3)) continue;   /* "its troops in its north" */
            if (TRACING(c) && owned) trace(c, "  %s %s %s: the country acted on is %s", tgc, pw, item_text(c, (size_t)x->item), xc);
            tg = x;
            break;
        }
    }
    for (int g = m->ga; g < m->gb && !tg; g++) {
        const grp *x = &G->g[g];
        if (!x->top || g_end(m, g) <= g_first(m, g)) continue;
        int used = 0;
        for (int k = 0; k < best->nused && !used; k++) {
            int q = best->used[k];
            used = q >= g_first(m, g) && q < g_end(m, g);
        }
        if (!used) tg = x;
    }
    return tg;
}

/* Is phrase x the verb's own partner: the direct object of the verb phrase at item vp,
 * or the object of a WITH phrase in it (no clause or verb phrase between), and not one
 * that names the subject again ("their forces", "each other")? */
static int verb_partner(const cvec *items, size_t vp, const grp *x) {
    if (x->pvo < 0 || (size_t)x->pvo < vp || (size_t)x->pvo + 1 >= items->n) return 0;
    const coder_item *w = &items->v[x->item + 1];
    if (w->kind == K_WORD && w->w && (!strcmp(w->w, "THEIR") || !strcmp(w->w, "EACH") || !strcmp(w->w, "ITS")))
        return 0;
    if ((size_t)x->pvo == vp) return items->v[vp].lab == L_VP;
    const coder_item *pp = &items->v[x->pvo], *in = &items->v[x->pvo + 1];
    if (pp->lab != L_PP || in->kind != K_WORD || !in->w || strcmp(in->w, "WITH")) return 0;
    for (size_t k = vp + 1; k < (size_t)x->pvo; k++) {
        const coder_item *y = &items->v[k];
        if (y->kind == K_OPEN && y->mate > x->pvo && (y->lab == L_VP || y->lab == L_S || y->lab == L_SBAR || y->lab == L_SBR))
            return 0;
    }
    return 1;
}

/* clauses option: the agent of a passive verb, the phrase of its BY phrase in the lower
 * view ("Germany was pressed by its allies to send tanks to Ukraine": ITS ALLIES, coded or
 * not, never a phrase further on), or NULL when there is none. */
static const grp *by_agent(ent_coder *c) {
    const cvec *items = &c->z.items;
    const gseq *G = &c->gs;
    const mseq *m = &c->lo;
    for (int g = m->ga; g < m->gb; g++) {
        const grp *x = &G->g[g];
        if (!x->top || g_end(m, g) <= g_first(m, g) || x->pvo < 0) continue;
        const coder_item *pp = &items->v[x->pvo];
        if (pp->lab == L_PP && (size_t)x->pvo + 1 < items->n && items->v[x->pvo + 1].kind == K_WORD &&
            items->v[x->pvo + 1].w && !strcmp(items->v[x->pvo + 1].w, "BY"))
            return x;
    }
    return NULL;
}

/* code_verb step 6, source, target and events: for the verb at item verb (its phrase at vp;
 * form from vs; subject side from ustart) with code (code2: the symmetric code, or NULL)
 * and match best: the target (the pattern's, else default_target), the source (the
 * pattern's, else pick_source), compound and reciprocal subjects, passives (passive: the
 * verb was reached through a BY agent; reversed: a PETRARCH-2 "[:code]" pattern, the
 * event runs from target to source), then the raw events.  Returns 1 (the verb
 * counts as coded) or 0 (an agentless passive without the clauses option). */
/* The clause a verb of saying reports: the SBAR that opens with THAT or a bare S right after
 * the verb at item verb (or after its object or a phrase of time: "told the summit that
 * ...", "said on Monday that ...") and inside the verb phrase at vp.  Returns the SBAR's
 * OPEN item, or 0 when there is none. */
static size_t reported_sbar(const ent_coder *c, size_t vp, size_t verb) {
    const cvec *items = &c->z.items;
    size_t end = items->v[vp].mate > (int32_t)vp ? (size_t)items->v[vp].mate : items->n;
    for (size_t k = verb + 1; k + 1 < end; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind == K_OPEN && x->lab == L_SBAR) {
            const coder_item *w = &items->v[k + 1];
            if ((w->kind == K_OPEN && w->label && !strcmp(w->label, "S")) ||
                (w->kind == K_WORD && w->w && !strcmp(w->w, "THAT")))
                return k;
            return 0;
        }
        /* an object or a phrase of time or place before the clause is stepped over whole */
        if (x->kind == K_OPEN && (x->lab == L_NE || x->lab == L_NEC || x->lab == L_PP) && x->mate > (int32_t)k)
            k = (size_t)x->mate;
        else if (x->kind == K_OPEN) return 0;   /* another verb phrase or clause first */
    }
    return 0;
}

/* clauses option: the target of a statement (statement_code) whose verb reports a clause
 * ("X said that Y ...").  What the clause says is about its subject: that subject, when
 * it is an actor of a country other than the speaker's, is the target ("predicted that
 * China would test ...": CHN); a phrase deeper in the clause, inside its predicate ("...
 * stayed aloof from the war in Sudan"), is not, and neither is the speaker's own side
 * ("insisted that the country ..."): then there is no target.  A target outside the
 * clause (the addressee: "told the envoys that ...") stays.  tg is the target found so far
 * (may be NULL), sg the source; returns the target to use (NULL: none). */
static const grp *reported_subject_target(ent_coder *c, size_t vp, size_t verb, const grp *sg, const grp *tg) {
    const cvec *items = &c->z.items;
    const gseq *G = &c->gs;
    size_t sb = reported_sbar(c, vp, verb);
    if (!sb || items->v[sb].mate <= (int32_t)sb) return tg;
    size_t se = (size_t)items->v[sb].mate;
    if (tg && !((size_t)tg->item > sb && (size_t)tg->item < se)) return tg;   /* an addressee */
    /* the clause's subject: the first NE of its S, before the S's verb phrase */
    size_t k = sb + 1;
    if (items->v[k].kind == K_WORD) k++;                                     /* THAT */
    if (k < se && items->v[k].kind == K_OPEN && items->v[k].label && !strcmp(items->v[k].label, "S")) k++;
    const grp *subj = NULL;
    if (k < se && items->v[k].kind == K_OPEN && items->v[k].lab == L_NE)
        for (size_t g = 0; g < G->ng && !subj; g++)
            if (G->g[g].item == (int32_t)k && G->g[g].top && !G->g[g].nec) subj = &G->g[g];
    const char *xc = subj ? item_code(c, (size_t)subj->item) : NULL;
    const char *sc = sg && !sg->nec ? item_code(c, (size_t)sg->item) : "";
    int named = subj && code_has_actor(xc) && !strchr(xc, '/');
    /* a subject named through a phrase inside it ("the border with Nepal") is a thing */
    for (size_t q = k + 1; named && q < (size_t)items->v[k].mate; q++)
        if (items->v[q].kind == K_WORD && !strcmp(item_tag(c, q), "IN")) named = 0;
    if (named && strlen(sc) >= 3 && !strncmp(sc, xc, 3)) named = 0;          /* the speaker's own */
    if (TRACING(c))
        trace(c, "  statement reporting a clause: %s", named ? "its subject is the target" : "no target in it");
    return named ? subj : NULL;
}

static int verb_events(ent_coder *c, const mstate *best, const char *code, const char *code2, vevid *vtext,
                       ent_span vspan, size_t ustart, size_t vs, size_t vp, size_t verb, int passive, int reversed) {
    const cvec *items = &c->z.items;
    const gseq *G = &c->gs;
    /* the second of two coordinated verb phrases shares the first one's subject, never its
     * object ("A roadside bomb killed one U.S. soldier and wounded two others": the
     * soldier wounded nobody) */
    c->conj_a = c->conj_b = 0;
    if (c->o.clauses && vp >= 2) {
        size_t j = vp;
        /* back over the verb phrases and the modal or adverbs that open this one ("and
         * would deny ...") */
        while (j > 0 && ((items->v[j - 1].kind == K_OPEN && items->v[j - 1].lab == L_VP) ||
                         (items->v[j - 1].kind == K_WORD && items->v[j - 1].label &&
                          (!strcmp(items->v[j - 1].label, "MD") || items->v[j - 1].label[0] == 'R'))))
            j--;
        size_t before = j;
        while (j > 0 && items->v[j - 1].kind == K_WORD && items->v[j - 1].w &&
               (!strcmp(items->v[j - 1].w, "AND") || !strcmp(items->v[j - 1].w, "OR") ||
                !strcmp(items->v[j - 1].w, "BUT") || !strcmp(items->v[j - 1].w, ",")))
            j--;
        const coder_item *p = j > 0 && j < before ? &items->v[j - 1] : NULL;
        if (p && p->kind == K_CLOSE && p->mate >= 0 && items->v[p->mate].lab == L_VP) {
            c->conj_a = (size_t)p->mate;
            c->conj_b = j - 1;
        }
    }
    const grp *tg = NULL, *sg = NULL, *tg_alt = NULL;   /* tg_alt: first coded phrase */
    if (best->tgt >= 0) tg = &G->g[best->tgt];
    if (best->src >= 0) sg = &G->g[best->src];
    if (sg && tg == sg && sg->nec && !mutual_code(code)) {
        /* an upper % made the compound subject both source and target ("X and Y
         * clashed"); for an act that is not cooperative, a coded direct object (not in
         * a prepositional phrase, not pattern words) is the real target ("Russian and
         * Belarusian troops attacked Kyiv") */
        const mseq *m = &c->lo;
        for (int g = m->ga; g < m->gb; g++) {
            const grp *x = &G->g[g];
            if (!x->top || x->nec || g_end(m, g) <= g_first(m, g)) continue;
            if (x->pvo < 0 || items->v[x->pvo].lab != L_VP) continue;
            if (code_is_null(item_code(c, (size_t)x->item))) continue;
            int used = 0;
            for (int k = 0; k < best->nused && !used; k++)
                used = best->used[k] >= g_first(m, g) && best->used[k] < g_end(m, g);
            if (!used) { tg = x; break; }
        }
    }
    if (sg && tg == sg && sg->nec && c->o.clauses && mutual_code(code) && distinct_codes(c, sg) >= 2) {
        /* an upper % made the compound subject both source and target, but the verb names
         * a coded partner of its own: its direct object or a WITH phrase ("Kenya and a
         * group of farmers held talks with Uganda", "the president and his ministers met
         * Chinese officials"): every member acts toward that partner, not toward the
         * others.  A partner with a member's own code, a place or a topic ("signed a deal
         * on Gaza") leaves the members acting among themselves. */
        const grp *alt = NULL, *x = default_target(c, best, &alt);
        if (x && !x->nec && verb_partner(items, vp, x)) {
            const char *xc = item_code(c, (size_t)x->item);
            size_t n = group_codes(c, items, sg, &c->ct, &c->ctcap);
            int own = !code_has_actor(xc);
            for (size_t i = 0; i < n && !own; i++) own = !strcmp(c->ct[i].code, xc);
            if (!own) {
                if (TRACING(c)) trace(c, "  compound subject toward the verb's own partner %s", xc);
                tg = x;
            }
        }
    }
    if (sg && tg == sg && sg->nec && distinct_codes(c, sg) < 2) {
        /* an upper % made the compound subject both source and target, but fewer than
         * two of its members have codes of their own ("Fabius and a group of deputies
         * held talks with Romania's leaders"): the members cannot act on each other, so
         * the target is found after the verb as for any other pattern */
        if (TRACING(c)) trace(c, "  compound subject with one coded member: target after the verb");
        tg = default_target(c, best, &tg_alt);
        /* the phrase after the verb has that member's own code ("Iran and six world
         * powers reached a deal to curb Tehran's programme"): as for a single subject
         * below, the act stands without a target rather than not at all */
        if (tg && !tg->nec && !c->o.require_dyad && !strcmp(item_code(c, (size_t)tg->item), c->ct[0].code)) {
            make_events(c, sg, NULL, code, code2, 0, vtext, vspan);
            return 1;
        }
    }
    if (!tg && passive && c->o.clauses) tg = by_agent(c);
    if (!tg) tg = default_target(c, best, &tg_alt);
    if (!sg) {
        sg = pick_source(c, tg, ustart, vs);
        /* the target preferred over the pattern's own words gives no event (no source, or
         * the source's own code): fall back to the first coded phrase */
        if (tg && tg_alt && tg_alt != tg && !tg->nec &&
            (!sg || (!sg->nec && !strcmp(item_code(c, (size_t)sg->item), item_code(c, (size_t)tg->item))))) {
            tg = tg_alt;
            sg = pick_source(c, tg, ustart, vs);
        }
    }
    if (!sg && !c->o.require_dyad && tg) {
        /* the only subject has the target's code, usually a place in the source's own
         * country ("North Korea paraded missiles through Pyongyang"): the act stands
         * without a target rather than not at all */
        sg = pick_source(c, NULL, ustart, vs);
        if (sg) tg = NULL;
    }
    if (!sg) {
        if (TRACING(c)) trace(c, "  code %s, but no source phrase before the verb: no event", code);
        return 1;
    }
    if (c->o.clauses && best->tgt < 0 && statement_code(c, code)) tg = reported_subject_target(c, vp, verb, sg, tg);
    int place = 0;   /* the default target is only a place ("... in the South China Sea") */
    if (tg && best->tgt < 0 && tg->pvo >= 0 && items->v[tg->pvo].lab == L_PP && (size_t)tg->pvo + 1 < items->n) {
        const coder_item *in = &items->v[tg->pvo + 1];
        place = in->kind == K_WORD && (!strcmp(in->w, "IN") || !strcmp(in->w, "AT") || !strcmp(in->w, "NEAR") ||
                                       !strcmp(in->w, "OFF"));
    }
    /* a compound subject, or a description of two parties ("the two sides": its code,
     * given by item_code, is both) */
    int compound = sg->nec || (strchr(item_code(c, (size_t)sg->item), '/') && items->v[sg->item].pair);
    if (compound && tg && reciprocal(G, tg)) {
        /* "China and Russia would support each other": each member toward the others */
        make_events(c, sg, sg, code, code2, 0, vtext, vspan);
        return 1;
    }
    if (compound && (!tg || place || (!tg->nec && code_is_null(item_code(c, (size_t)tg->item)))) && mutual_code(code)) {
        /* no (coded) target, or only a place: a compound subject of a cooperative act
         * ("Xi and Putin signed a statement", "India and Pakistan declared a ceasefire",
         * "... held joint exercises in the South China Sea") acts among its members,
         * each toward the others (CAMEO's compound convention); with one coded member
         * ("Putin and an unnamed envoy signed a pact") there is no one to act toward: the
         * act stands without a target */
        if (distinct_codes(c, sg) < 2) {
            if (!c->o.require_dyad) make_events(c, sg, NULL, code, code2, 0, vtext, vspan);
            return 1;
        }
        make_events(c, sg, sg, code, code2, 0, vtext, vspan);
        return 1;
    }
    {
        /* A passive with no agent ("Fico was shot", "Syria was readmitted to the Arab
         * League", "could not be blackmailed") names only the one acted on; the phrase
         * found as its "source" is that patient, or a coded actor far up the sentence: no
         * event, and the verb does not count as coded (a verb of saying above it still
         * codes).  A pattern that places the source itself ("+ WAS * DEAD IN $") still
         * codes. */
        if (!passive && best->src < 0 && be_passive(items, vp, verb) &&
            !(c->o.clauses && stative_participle(items, verb))) {
            if (!c->o.clauses) {
                if (TRACING(c)) trace(c, "  passive without a BY agent: no event");
                return 0;
            }
            return code_agentless(c, sg, code, vtext, vspan);
        }
    }
    if (!tg) {
        /* no target phrase at all: an event from the source alone ("Yoon declared martial
         * law") under entente's convention (require_dyad off, require_source on).  With
         * require_dyad off alone (PETRARCH-1's option) the target may be a phrase without
         * an actor code ("---") but there must be one (other_phrase). */
        if (!c->o.require_dyad && (c->o.require_source || other_phrase(c, sg)))
            make_events(c, sg, NULL, code, code2, 0, vtext, vspan);
        return 1;
    }
    size_t n0 = c->nev;
    make_events(c, sg, tg, code, code2, passive != reversed, vtext, vspan);
    /* an unknown agent ("by a roadside bomb"), or a weapon or attack as the subject ("A car
     * bomb killed ten people in Baghdad"): agentless, the place may give the source */
    if (c->o.clauses && c->o.place_country) {
        int unknown = 0;   /* any event without a source (the weapon test is only for those) */
        for (size_t i = n0; i < c->nev && !unknown; i++) unknown = !strcmp(c->ev[i].src, "---");
        if (unknown && (passive || weapon_phrase(G, sg)))
            for (size_t i = n0; i < c->nev; i++) c->ev[i].agentless = !strcmp(c->ev[i].src, "---");
    }
    return 1;
}


/* Does the matched pattern of a passive verb (item verb) take words of the BY phrase that
 * opens the verb's complement ("were committed by Russian troops": TROOPS for "- *
 * &TROOP")?  Those words are the agent, not the verb's object; words after the phrase
 * ("was urged by Poland to send tanks") may be. */
static int pattern_in_agent(const ent_coder *c, const mstate *m, size_t verb) {
    const cvec *items = &c->z.items;
    size_t k = verb + 1;
    while (k < items->n && items->v[k].kind != K_WORD) k++;
    if (k >= items->n || !items->v[k].w || strcmp(items->v[k].w, "BY") || items->v[k].tok < 0) return 0;
    /* the agent: the words of BY's own phrase ("by Poland", not "to send tanks" after it) */
    const coder_item *pp = &items->v[k - 1];
    if (pp->kind != K_OPEN || pp->lab != L_PP || pp->mate <= (int32_t)k) return 0;
    int32_t by = items->v[k].tok, last = by;
    for (size_t q = k; q < (size_t)pp->mate; q++)
        if (items->v[q].kind == K_WORD && items->v[q].tok > last) last = items->v[q].tok;
    for (int i = 0; i < m->nused; i++) {
        int32_t t = c->gs.tok[c->lo.a + m->used[i]];
        if (t > by && t <= last) return 1;
    }
    return 0;
}

/* Nouns of a transfer that take their own TO: "the sale of American weapons to Taiwan",
 * "deliveries of gas to Europe". */
static const char *const TRANSFER_NOUN[] = {"SALE", "SALES", "DELIVERY", "DELIVERIES", "TRANSFER", "TRANSFERS",
                                            "SHIPMENT", "SHIPMENTS", "EXPORT", "EXPORTS", "SUPPLY", "SUPPLIES", NULL};

/* Does the matched pattern of a verb of saying or of disapproval (its code's root 01, 02,
 * 10-14: "protested ... to", "complained ... to") take as its addressee a TO that belongs
 * to a noun of transfer between the verb and it ("protested the sale of American weapons
 * to Taiwan": Taiwan is where the weapons go, not whom China protested to)?  Verbs of
 * giving ("sent a shipment to Haiti") keep their TO. */
static int pattern_to_of_transfer(const ent_coder *c, const mstate *m, size_t verb, const char *code) {
    static const char *const roots[] = {"01", "02", "10", "11", "12", "13", "14", NULL};
    char r[3] = {0};
    if (!c->sent || !code || strlen(code) < 2) return 0;
    memcpy(r, code, 2);
    if (!ent_str_in_list(r, roots)) return 0;
    int32_t vt = c->z.items.v[verb].tok;
    if (vt < 0) return 0;
    for (int i = 0; i < m->nused; i++) {
        int32_t t = c->gs.tok[c->lo.a + m->used[i]];
        if (t <= vt || (size_t)t >= c->sent->ntokens || strcmp(c->sent->tokens[t].tag, "TO")) continue;
        for (int32_t q = vt + 1; q < t; q++) {
            const ent_token *tq = &c->sent->tokens[q];
            if (!strncmp(tq->tag, "NN", 2) && tq->upper && ent_str_in_list(tq->upper, TRANSFER_NOUN)) return 1;
        }
    }
    return 0;
}

/* The pattern of block blk (usable for verb vb) that names only one word after the verb,
 * the head of the passive subject group subj, or NULL: "- * CRIME" for "Crimes were
 * committed".  The head's plural matches the pattern's singular, as a phrase head does. */
static const ent_pattern *subject_pattern(ent_coder *c, const ent_verb_block *blk, const ent_verb *vb, const grp *subj) {
    if (!subj || subj->nec) return NULL;
    const coder_item *h = ne_head(c, subj->item);
    if (!h) return NULL;
    size_t hl = strlen(h->w);
    for (uint32_t i = 0; i < blk->npatterns; i++) {
        const ent_pattern *p = &blk->patterns[i];
        if (p->nupper || p->nlower != 1 || p->lower[0].kind != ENT_PEL_WORD || !pattern_for_verb(c, p, vb)) continue;
        const char *w = p->lower[0].text;
        size_t wl = strlen(w);
        if (!strcmp(w, h->w) || (hl == wl + 1 && h->w[wl] == 'S' && !strncmp(w, h->w, wl)) ||
            (hl == wl + 2 && wl && w[wl - 1] == 'Y' && !strncmp(w, h->w, wl - 1) && !strcmp(h->w + wl - 1, "IES")))
            return p;
    }
    return NULL;
}

/* A pattern of no words, "- * [150]  # MOBILIZE", says what verb vb codes used with no
 * object at all ("Armenia mobilized on Sunday", against "mobilized its supporters"): the
 * first such pattern of block blk for vb whose code is not null, else NULL.  Used only
 * when no other pattern matches, the verb has no object phrase and its subject (subj, may
 * be NULL) is a state or a state's government or military (intransitive_subject). */
static const ent_pattern *intransitive_pattern(const ent_coder *c, const ent_verb_block *blk, const ent_verb *vb) {
    if (!blk) return NULL;
    for (uint32_t i = 0; i < blk->npatterns; i++) {
        const ent_pattern *p = &blk->patterns[i];
        if (!p->nupper && !p->nlower && !code_is_null(p->code) && pattern_for_verb(c, p, vb)) return p;
    }
    return NULL;
}

/* Does the noun phrase opening at item k end its head (the words before any phrase nested
 * in it) with a member of synset sy (a plural for a singular: "the wildfires", "flood
 * relief operations")? */
static int head_in_synset(const ent_coder *c, size_t k, const ent_synset *sy) {
    const cvec *items = &c->z.items;
    const char *w[24];
    size_t n = 0, end = (size_t)items->v[k].mate;
    for (size_t q = k + 1; q < end && n < 24; q++) {
        if (items->v[q].kind == K_OPEN) break;
        if (items->v[q].kind == K_WORD && items->v[q].w) w[n++] = items->v[q].w;
    }
    for (size_t i = 0; i < n; i++)
        if (i + ent_synset_match(sy, w, n, i) == n) return 1;
    return 0;
}

/* Is the force the verb at item verb (in verb phrase vp) deploys or sends sent for a task
 * that is no military posture?  After the verb, the first purpose of the verb phrase, a
 * TO-infinitive ("deployed soldiers to fight the wildfires", "to help with flood relief")
 * or a FOR phrase ("for earthquake rescue"), has for its first noun phrase one whose head
 * is a member of &CIVIL_TASK (c->civil_syn).  A finite verb ends the search (a clause of
 * its own).  0 when the dictionaries have no such set. */
static int civil_purpose(const ent_coder *c, size_t vp, size_t verb) {
    const cvec *items = &c->z.items;
    if (!c->civil_syn) return 0;
    size_t end = (size_t)items->v[vp].mate, q = verb + 1;
    for (; q < end; q++) {
        const coder_item *x = &items->v[q];
        if (x->kind != K_WORD || !x->w) continue;
        const char *t = item_tag(c, q);
        if (!strcmp(t, "VBD") || !strcmp(t, "VBZ") || !strcmp(t, "VBP") || !strcmp(t, "MD")) return 0;
        if (!strcmp(x->w, "FOR")) break;
        if (strcmp(x->w, "TO")) continue;
        size_t r = q + 1;
        while (r < end && items->v[r].kind != K_WORD) r++;
        if (r < end && !strcmp(item_tag(c, r), "VB")) break;
    }
    for (q++; q < end; q++) {
        const coder_item *x = &items->v[q];
        if (x->kind == K_WORD && x->w && item_tag(c, q)[0] == 'V' && strcmp(item_tag(c, q), "VB") && strcmp(item_tag(c, q), "VBG"))
            return 0;
        if (x->kind == K_OPEN && (x->lab == L_NE || x->lab == L_NP)) return head_in_synset(c, q, c->civil_syn);
    }
    return 0;
}

/* Does the parse open a clause right after the verb with its object ("mobilised
 * [S resources [to fight the outbreak]]")?  code_nominal reads the same shape. */
static int clause_object(const ent_coder *c, size_t vp, size_t verb) {
    const cvec *items = &c->z.items;
    return verb + 2 < (size_t)items->v[vp].mate && items->v[verb + 1].kind == K_OPEN && items->v[verb + 1].label &&
           !strcmp(items->v[verb + 1].label, "S") && items->v[verb + 2].kind == K_OPEN &&
           (items->v[verb + 2].lab == L_NE || items->v[verb + 2].lab == L_NP);
}

/* The head of the noun phrase opening at item k: its last word before any phrase nested
 * in it ("A TEAM [of experts]": TEAM), NULL when it has none.  A last HOME after another
 * word is the adverb of a destination the chunker took in ("TOURISTS HOME": TOURISTS). */
static const char *phrase_head_word(const ent_coder *c, size_t k) {
    const cvec *items = &c->z.items;
    const char *h = NULL, *before = NULL;
    for (size_t q = k + 1; q < (size_t)items->v[k].mate; q++) {
        if (items->v[q].kind == K_OPEN) break;
        if (items->v[q].kind == K_WORD && items->v[q].w) before = h, h = items->v[q].w;
    }
    return h && before && !strcmp(h, "HOME") ? before : h;
}

/* Is blk a block of verbs that hand their object over to someone: one of its patterns
 * names the recipient after TO ("- * &ECONAID TO + [071]")?  A block of helping ("helped
 * the victims", "sheltered refugees") names none: its object is the one helped. */
static int block_hands_over(const ent_verb_block *blk) {
    for (uint32_t i = 0; blk && i < blk->npatterns; i++) {
        const ent_pattern *p = &blk->patterns[i];
        for (uint32_t k = 0; k + 1 < p->nlower; k++)
            if (p->lower[k].kind == ENT_PEL_WORD && !strcmp(p->lower[k].text, "TO") && p->lower[k + 1].kind == ENT_PEL_TARGET)
                return 1;
    }
    return 0;
}

/* Verb vb's own code (used when no pattern matched) gives aid (root 07), and its block
 * hands its object over (block_hands_over): does the object phrase say that what is
 * handed over is no aid?  The head noun of the object names persons ("airlifted tourists
 * home", "sent its citizens") or a message ("delivered a note", "gave a speech"):
 * carrying people or words is no aid, and a pattern must name them for any other code
 * (&HUMAID's doctors, &DIPLOMAT_, "- * LETTER [010]").  An object that is an actor of its
 * own (a state: "gave Jordan wheat") or a thing ("sent blankets") keeps the verb's code. */
static int aid_object_is_none(ent_coder *c, const ent_verb *vb, size_t vp, size_t verb) {
    const char *code = vb->code;
    if (!c->o.clauses || !code || strncmp(code, "07", 2) || !block_hands_over(vb->block)) return 0;
    const cvec *items = &c->z.items;
    size_t k = object_phrase(c, vp, verb);
    if (k && items->v[k].lab == L_NE && items->v[k].mate > 0 && (size_t)items->v[k].mate + 1 < (size_t)items->v[vp].mate) {
        /* two objects, the first a state ("gave Poland a guarantee"): the second is the thing */
        size_t k2 = (size_t)items->v[k].mate + 1;
        const char *cc = item_code(c, k);
        if (items->v[k2].kind == K_OPEN && (items->v[k2].lab == L_NE || items->v[k2].lab == L_NP) && strlen(cc) == 3 &&
            ent_enrich_country_code(cc))
            k = k2;
    }
    const char *h = k ? phrase_head_word(c, k) : NULL;
    return h && (noun_or_singular_in(h, ent_noun_is_person, 1) || noun_or_singular_in(h, ent_noun_is_message, 1));
}

/* Is code (may be NULL) a state, its government or its military ("ARM", "ARMGOV",
 * "ARMMIL"), the subjects a bare intransitive act of state is read for? */
static int intransitive_subject(const char *code) {
    if (!code || strlen(code) < 3) return 0;
    char cc[4] = {code[0], code[1], code[2], 0};
    if (!ent_enrich_country_code(cc)) return 0;
    return !code[3] || !strcmp(code + 3, "GOV") || !strcmp(code + 3, "MIL");
}

static int code_verb_as(ent_coder *c, size_t vp, size_t verb, size_t start, const char *as_verb) {
    const cvec *items = &c->z.items;
    if (c->o.clauses) start = clause_start(items, vp, start);
    size_t vpend = (size_t)items->v[vp].mate;
    const char *vword = as_verb ? as_verb : items->v[verb].w;
    const ent_verb_form *forms = ent_dict_verb_forms(c->d, vword);
    if (!forms) {
        if (TRACING(c)) trace(c, "verb %s: not in the verb dictionary", vword);
        return 0;
    }
    size_t vs, ve;
    const ent_verb_form *use = pick_form(items, forms, verb, start, vpend, &vs, &ve, c->o.clauses);
    if (!use) {
        if (TRACING(c)) trace(c, "verb %s: only multi-word forms, none of which fits here", vword);
        return 0;
    }
    const ent_verb *vb = use->verb;
    const ent_verb_block *blk = vb->block;

    size_t uend = as_verb ? vp : vs;   /* a nominal event's source is its light verb's subject */
    /* statement: -1 without the clauses option (PETRARCH's view: no clause cuts) */
    int statement = c->o.clauses ? statement_code(c, vb->code) : -1;
    size_t ustart = verb_views(c, start, vs, uend, ve, vpend, statement);

    int prt = verb_particle(c, ve);
    mstate best;
    const grp *subj = pick_source(c, NULL, ustart, vs);
    const char *subj_code = subj && !subj->nec ? item_code(c, (size_t)subj->item) : NULL;
    if (code_is_null(subj_code)) subj_code = NULL;
    c->passive_slot = c->o.clauses && !as_verb && be_passive(items, vp, verb);
    int best_score = best_pattern(c, blk, vb, prt, subj_code, &best);
    if (vb->more && best_score < 0) {
        /* more patterns for this verb from a later file ("=VERB" block): tried only when
         * none of the verb's own patterns matches */
        mstate more;
        int more_score = best_pattern(c, vb->more, vb, prt, subj_code, &more);
        if (more_score >= 0) { best = more; best_score = more_score; }
    }
    if (best_score >= 0 && c->passive_slot && pattern_in_agent(c, &best, verb)) {
        /* "Crimes were committed by Sudanese soldiers": SOLDIERS is the agent, no object
         * for "- * &TROOP" */
        if (TRACING(c)) trace(c, "verb %s: pattern %s matched words of the passive's BY agent: not used", vword, best.p->text);
        best_score = -1;
    }
    if (best_score >= 0 && c->o.clauses && pattern_to_of_transfer(c, &best, verb, best.p->code ? best.p->code : vb->code)) {
        if (TRACING(c)) trace(c, "verb %s: pattern %s took the TO of a noun of transfer: not used", vword, best.p->text);
        best_score = -1;
    }
    if (best_score < 0 && c->passive_slot) {
        /* the passive subject is the verb's object: a pattern of its one head word may say
         * the act is none ("Abuses were committed by the army": "- * ABUSE [---]") */
        const ent_pattern *sp = subject_pattern(c, blk, vb, subj);
        if (!sp && vb->more) sp = subject_pattern(c, vb->more, vb, subj);
        if (sp && code_is_null(sp->code)) {
            c->passive_slot = 0;
            if (TRACING(c)) trace(c, "  the passive subject is the object of pattern %s [---]: not an event here", sp->text);
            return 0;
        }
    }
    c->passive_slot = 0;
    if (TRACING(c)) {
        if (best_score >= 0) trace(c, "verb %s: pattern %s [%s]", vword, best.p->text, best.p->code ? best.p->code : "");
        else trace(c, "verb %s: no pattern matched; the verb's own code [%s]", vword, vb->code ? vb->code : "");
    }
    const char *code = NULL, *code2 = NULL;
    /* a matched pattern with the null code [---] says "not an event here": the verb's own
     * code is not used then (TABARI/PETRARCH dictionaries use it to block readings such as
     * "killed in a plane crash") */
    if (best_score >= 0 && code_is_null(best.p->code)) {
        if (TRACING(c)) trace(c, "  the pattern's null code says: not an event here");
        return 0;
    }
    int reversed = 0;   /* PETRARCH-2 "[:110]": the event runs from target to source */
    if (best_score < 0 && prt < 0 && !as_verb && !be_passive(items, vp, verb) &&
        intransitive_subject(subj_code) && !object_phrase(c, vp, verb) && !clause_object(c, vp, verb)) {
        const ent_pattern *ip = intransitive_pattern(c, blk, vb);
        if (!ip && vb->more) ip = intransitive_pattern(c, vb->more, vb);
        if (ip) {
            if (TRACING(c)) trace(c, "  no object and a state for subject: pattern %s [%s]", ip->text, ip->code);
            best.p = ip; best.src = best.tgt = -1; best.nused = 0; best.nuused = 0;
            best_score = 0;
        }
    }
    if (best_score >= 0) { code = best.p->code; code2 = best.p->code2; reversed = best.p->reversed; }
    else if (prt >= 0) {      /* a phrasal verb no pattern names: not this verb */
        if (TRACING(c)) trace(c, "  a particle follows and no pattern names it: not this verb");
        return 0;
    } else if (!code_is_null(vb->code)) {
        if (!as_verb && (object_phrase(c, vp, verb) || clause_object(c, vp, verb)) &&
            (intransitive_pattern(c, blk, vb) || (vb->more && intransitive_pattern(c, vb->more, vb)))) {
            /* a pattern of no words for a verb with a code of its own says the code is the
             * verb's use without object ("the rebels withdrew"): an object no pattern names
             * ("withdrew its complaint") makes no event */
            if (TRACING(c)) trace(c, "  an object no pattern names, and the verb's own code is for its use without object: no event");
            return 0;
        }
        if (!as_verb && aid_object_is_none(c, vb, vp, verb)) {
            if (TRACING(c)) trace(c, "  the object names persons or a message, no aid, and no pattern names it: no event");
            return 0;
        }
        code = vb->code; code2 = vb->code2; reversed = vb->reversed; best.src = best.tgt = -1; best.nused = 0; best.nuused = 0;
    }
    if (!code) {
        if (TRACING(c)) trace(c, "  null code and no pattern: no event");
        return 0;
    }
    if (c->o.clauses && !strncmp(code, "15", 2) && civil_purpose(c, vp, verb)) {
        /* "deployed soldiers to fight the wildfires": a force sent for a civil task is no posture */
        if (TRACING(c)) trace(c, "  the force is sent for a civil task (&CIVIL_TASK): no event");
        return 0;
    }
    c->last_code = code;
    c->last_own = best_score < 0 || best.nused == 0;   /* no pattern, or one naming no word after the verb */
    c->last_form_words = ve > vs;   /* a multi-word form ("held talks"): it names its object */
    /* the modality of a nominal event is its light verb's ("did not begin the withdrawal") */
    c->cur_vtok = as_verb ? items->v[vp + 1].tok : items->v[verb].tok;

    ent_span vspan;
    vevid *vtext = verb_evidence(c, vs, ve, &best, &vspan);

    return verb_events(c, &best, code, code2, vtext, vspan, ustart, vs, vp, verb, !as_verb && verb != vp + 1, reversed);
}

/* The text of the word at item i as the sentence wrote it, and its lexicon tags into
 * tags (*nt of them); NULL when item i is no word of the sentence. */
static const char *item_word_tags(const ent_coder *c, size_t i, const char **tags, int *nt) {
    const coder_item *x = &c->z.items.v[i];
    const ent_sentence *s = c->sent;
    if (x->kind != K_WORD || !s || x->tok < 0 || (size_t)x->tok >= s->ntokens) return NULL;
    const char *w = s->tokens[x->tok].text;
    *nt = ent_lex_lookup(w, strlen(w), tags);
    return w;
}

/* Can the word at item i, tagged as a past tense, be a past participle as well (the
 * lexicon gives it VBN; a word it does not know, when it ends in -ed)? */
static int maybe_participle(const ent_coder *c, size_t i) {
    const char *tags[ENT_LEX_MAXTAGS], *label = c->z.items.v[i].label, *w;
    int nt = 0;
    if (!label || strcmp(label, "VBD") || !(w = item_word_tags(c, i, tags, &nt))) return 0;
    size_t n = strlen(w);
    if (!nt) return n > 4 && !strcmp(w + n - 2, "ed");
    for (int j = 0; j < nt; j++)
        if (!strcmp(tags[j], "VBN")) return 1;
    return 0;
}

/* Is the word at item i more often a past participle than anything else (the first of
 * its lexicon tags is VBN: "based", "held"; not "arrived", "sent")? */
static int participle_first(const ent_coder *c, size_t i) {
    const char *tags[ENT_LEX_MAXTAGS];
    int nt = 0;
    return item_word_tags(c, i, tags, &nt) && nt > 0 && !strcmp(tags[0], "VBN");
}

/* A verb phrase opening with a bare past participle ("... a truce deal mediated by
 * Qatar") after a sibling verb phrase of the same clause is a reduced relative clause
 * or participial modifier, not a second main verb: is the VP at k such a phrase?  With
 * the clauses option, so is one the tagger read as a past tense ("talks aimed at ending
 * the dispute" with "aimed" VBD) when it follows the sibling's close with nothing between:
 * two finite verbs of one subject are joined by a coordinator or a comma. */
static int reduced_relative(const ent_coder *c, size_t k, size_t start) {
    const cvec *items = &c->z.items;
    if (!items->v[k + 1].vbn) {
        if (!c->o.clauses || k <= start || items->v[k - 1].kind != K_CLOSE || items->v[k - 1].lab != L_VP ||
            items->v[k - 1].mate < 0 || !maybe_participle(c, k + 1))
            return 0;
        /* the sibling is a finite verb of its own, not a participle itself ("rebels
         * [backed by Uganda] [seized] ..."), nor a statement whose reported clause the
         * parse split ("said [the fighters] [had surrendered]"); "had", "was" are no
         * participles of a clause of their own */
        const coder_item *p = &items->v[items->v[k - 1].mate + 1], *v = &items->v[k + 1];
        if (p->kind != K_WORD || !p->w || !p->label ||
            (strcmp(p->label, "VBD") && strcmp(p->label, "VBZ") && strcmp(p->label, "VBP") && strcmp(p->label, "MD")))
            return 0;
        if ((ent_word_flags(p->w, strlen(p->w)) & ENT_W_SAY) ||
            (ent_word_flags(v->w, strlen(v->w)) & (ENT_W_BE | ENT_W_HAVE | ENT_W_DO)))
            return 0;
        /* nor a participle read as a past tense itself: a word more often a participle
         * ("based", "held") with no object after it ("a group [based in Belgrade]
         * [charged] ..."); one with an object is active ("hosted a meeting") */
        size_t pi = (size_t)items->v[k - 1].mate + 1;
        const coder_item *o = &items->v[pi + 1];
        return !participle_first(c, pi) || (o->kind == K_OPEN && (o->lab == L_NE || o->lab == L_NP));
    }
    for (size_t i = k; i-- > start;) {
        const coder_item *x = &items->v[i];
        if (x->kind == K_OPEN) return 0;          /* reached the parent */
        if (x->kind == K_CLOSE) {
            if (x->lab == L_VP) return 1;
            if (x->mate >= 0 && (size_t)x->mate < i) i = (size_t)x->mate;
        }
    }
    return 0;
}

/* Does the first verb phrase in items [from, to) open with a modal ("said it would
 * attack")?  A reported intention is not the act itself: the statement is kept. */
static int reports_modal(const cvec *items, size_t from, size_t to) {
    for (size_t k = from; k + 1 < to; k++)
        if (items->v[k].kind == K_OPEN && items->v[k].lab == L_VP) {
            const coder_item *y = &items->v[k + 1];
            return y->kind == K_WORD && y->label && !strcmp(y->label, "MD");
        }
    return 0;
}

/* Events [n0, nev) coded from a noun or participle inside the object phrase at item k
 * with no target after it: the phrase names it ("the shelling of Syrian villages": SYR;
 * "a decree banning Ukrainian imports": UKR), unless it is the source's own country. */
static void phrase_target(ent_coder *c, size_t k, size_t n0) {
    const char *oc = item_code(c, k);
    for (size_t i = n0; i < c->nev; i++)
        if (!strcmp(c->ev[i].tgt, "---") && !code_is_null(oc) && strncmp(oc, "---", 3) && strncmp(oc, c->ev[i].src, 3) &&
            !strchr(oc, '/')) {
            c->ev[i].tgt = oc;
            c->ev[i].titem = (int32_t)k;
        }
}

/* The object phrase of the verb at item verb (in verb phrase vp): the NE or NP right
 * after it, over particles and adverbs ("speeded up", "formally began"); its OPEN item,
 * or 0 when there is none. */
static size_t object_phrase(const ent_coder *c, size_t vp, size_t verb) {
    const cvec *items = &c->z.items;
    size_t end = (size_t)items->v[vp].mate, k = verb + 1;
    for (;;) {
        const coder_item *x = &items->v[k];
        if (k < end && x->kind == K_WORD && x->label && x->label[0] == 'R') k++;
        else if (k < end && x->kind == K_OPEN && x->label && !strcmp(x->label, "PRT") && x->mate > (int32_t)k)
            k = (size_t)x->mate + 1;
        else break;
    }
    if (k >= end || items->v[k].kind != K_OPEN || (items->v[k].lab != L_NE && items->v[k].lab != L_NP)) return 0;
    return k;
}

/* clauses option: a verb that enacts a document (ent_enact_verb) whose object is a
 * document noun followed by a participle the verb dictionaries know ("signed an order
 * restricting investment", "passed a bill imposing sanctions"): the participle's act,
 * coded with the enacting verb's subject as source, is the event.  Returns 1 when it
 * coded the participle (events or not), 0 when the object holds no such document. */
static int code_document(ent_coder *c, size_t vp, size_t verb, size_t start) {
    const cvec *items = &c->z.items;
    size_t k = object_phrase(c, vp, verb);
    if (!k) return 0;
    size_t ne_end = (size_t)items->v[k].mate;
    for (size_t q = k + 1; q + 1 < ne_end; q++) {
        const coder_item *w = &items->v[q], *p = &items->v[q + 1];
        if (w->kind == K_OPEN && w->lab != L_NE) break;   /* a nested phrase: past the head */
        if (w->kind != K_WORD || !w->w || !ent_document_noun(w->w)) continue;
        if (p->kind != K_WORD || !p->w || strcmp(item_tag(c, q + 1), "VBG") || !ent_dict_verb_forms(c->d, p->w)) continue;
        c->last_code = NULL;
        if (TRACING(c)) trace(c, "document %s %s in the object of %s: coded as the verb %s", w->w, p->w, items->v[verb].w, p->w);
        size_t n0 = c->nev;
        int r = code_verb_as(c, vp, q + 1, start, p->w);
        phrase_target(c, k, n0);
        return r;
    }
    return 0;
}

/* Does the noun at item q have a FOR phrase right after it whose head noun names goods
 * (ent_goods_noun: "demand for Russian crude oil", "for grain and fertiliser")?  The head
 * is the last noun of the first run of nouns after FOR, over determiners, numbers and
 * adjectives. */
static int for_goods(const ent_coder *c, size_t q) {
    const cvec *items = &c->z.items;
    size_t k = q + 1;
    while (k < items->n && items->v[k].kind != K_WORD) k++;
    if (k >= items->n || !items->v[k].w || strcmp(items->v[k].w, "FOR")) return 0;
    const char *head = NULL;
    for (k++; k < items->n; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind != K_WORD) continue;
        const char *t = item_tag(c, k);
        if (t[0] == 'N') head = x->w;
        else if (head || !(t[0] == 'D' || t[0] == 'J' || !strcmp(t, "CD") || !strcmp(t, "PRP$"))) break;
    }
    return ent_goods_noun(head);
}

/* The verb of the event noun at word item q: a one-word event noun, a two-word one with
 * the word before ("hunger strike"), or a count-only one after a counting determiner and
 * any adjectives ("one demand", "a fresh demand"); NULL when q names no act. */
static const char *event_noun_verb(const ent_coder *c, size_t q) {
    const cvec *items = &c->z.items;
    const coder_item *w = &items->v[q];
    const char *v = ent_event_noun_verb(w->w);
    if (v && !strcmp(v, "DEMAND") && for_goods(c, q)) return NULL;   /* the market's demand */
    if (!v && q > 0 && items->v[q - 1].kind == K_WORD) v = ent_event_compound_verb(items->v[q - 1].w, w->w);
    if (!v && ent_event_count_noun_verb(w->w)) {
        size_t p = q;
        while (p > 0 && items->v[p - 1].kind == K_WORD && item_tag(c, p - 1)[0] == 'J') p--;
        if (p > 0 && items->v[p - 1].kind == K_WORD && ent_counting_determiner(items->v[p - 1].w) && !for_goods(c, q))
            v = ent_event_count_noun_verb(w->w);
    }
    return v;
}

/* Is the OF at word item q inside the proper name of the one told ("the Council of
 * Europe of its withdrawal", "the Organization of American States of ...")?  The word
 * before it and every word after it up to the next OF (before end) are proper nouns. */
static int name_of(const ent_coder *c, size_t q, size_t end) {
    const cvec *items = &c->z.items;
    size_t p = q;
    while (p > 0 && items->v[p - 1].kind != K_WORD) p--;
    if (!p || strncmp(item_tag(c, p - 1), "NNP", 3)) return 0;
    size_t n = 0;
    for (size_t r = q + 1; r < end; r++) {
        const coder_item *w = &items->v[r];
        if (w->kind != K_WORD) continue;
        if (w->w && !strcmp(w->w, "OF")) return n > 0;
        if (strncmp(item_tag(c, r), "NNP", 3)) return 0;
        n++;
    }
    return 0;
}

/* Nominal events: the verb of the event noun at the head of the direct object of the verb
 * at item verb (in verb phrase vp), coded in its place ("began the withdrawal of its
 * troops from Panama" as WITHDRAW ... FROM; "undertook a mediation mission between Syria
 * and the PLO" as MEDIATE ... BETWEEN).  The object is the first phrase after the verb
 * (a particle between allowed: "speeded up the withdrawal"); the noun is any of its words
 * in the event-noun table (nominal.c).  Returns code_verb_as's result, 0 when there is
 * no event noun. */
static int code_nominal(ent_coder *c, size_t vp, size_t verb, size_t start) {
    const cvec *items = &c->z.items;
    size_t k = object_phrase(c, vp, verb);
    if (!k && clause_object(c, vp, verb))
        k = verb + 2;   /* "continued [S their hunger strike [to demand ...]]": the parse's clause */
    if (!k) return 0;
    size_t ne_end = (size_t)items->v[k].mate, q0 = k + 1;
    if (ent_inform_verb(items->v[verb].w)) {
        /* "notified [the UN] [of its withdrawal from ...]": the act is the head of the
         * OF phrase after the one told, however the phrases nest */
        size_t vpend = (size_t)items->v[vp].mate, q = k + 1;
        while (q < vpend && !(items->v[q].kind == K_WORD && items->v[q].w && !strcmp(items->v[q].w, "OF") &&
                              !name_of(c, q, vpend)))
            q++;
        size_t of = q;
        for (q++; q < vpend; q++) {
            const coder_item *w = &items->v[q];
            if (w->kind != K_WORD || !w->w) continue;
            if (!strcmp(item_tag(c, q), "IN")) return 0;   /* past the head */
            if (event_noun_verb(c, q)) break;
        }
        if (q >= vpend) return 0;
        const coder_item *nx = &items->v[q + 1];   /* the head: "the withdrawal's costs" is no act */
        if (nx->kind == K_WORD && nx->w && (!strcmp(item_tag(c, q + 1), "POS") || item_tag(c, q + 1)[0] == 'N'))
            return 0;
        /* the phrase the noun heads names the target; one that begins before the OF holds
         * the end of the told one's name ("[American States of its withdrawal]" in "the
         * Organization of American States of its withdrawal"): the one told names it */
        for (size_t o = q; o-- > k;)
            if (items->v[o].kind == K_OPEN && items->v[o].lab == L_NE && items->v[o].mate > (int32_t)q) {
                if (o > of) k = o;
                break;
            }
        q0 = q;
        ne_end = q + 1;
    }
    for (size_t q = q0; q < ne_end; q++) {
        const coder_item *w = &items->v[q];
        if (w->kind == K_OPEN && w->lab != L_NE) break;   /* a nested phrase: past the head */
        if (w->kind != K_WORD || !w->w) continue;
        const char *v = event_noun_verb(c, q);
        if (!v) continue;
        if (q + 1 < ne_end && items->v[q + 1].kind == K_WORD && items->v[q + 1].w && item_tag(c, q + 1)[0] == 'N') {
            /* a modifier of the noun after it ("the occupation rate", "a release date"):
             * no act */
            if (TRACING(c)) trace(c, "event noun %s modifies the noun %s: not the act", w->w, items->v[q + 1].w);
            continue;
        }
        c->last_code = NULL;
        if (TRACING(c)) trace(c, "event noun %s in the object of %s: coded as the verb %s", w->w, items->v[verb].w, v);
        size_t n0 = c->nev;
        int r = code_verb_as(c, vp, q, start, v);
        /* the phrase names the target, unless its code comes from the modifier of a
         * two-word noun ("a general strike": GENERAL is no military actor here) */
        if (!ent_event_noun_verb(w->w) && !ent_event_count_noun_verb(w->w)) return r;
        phrase_target(c, k, n0);
        return r;
    }
    return 0;
}

/* Does the word item k end a noun group: a preposition (IN), TO or a comma? */
static int ends_noun_group(const ent_coder *c, size_t k) {
    const char *t = item_tag(c, k);
    return !strcmp(t, "IN") || !strcmp(t, "TO") || c->z.items.v[k].lab == L_COMMA;
}

/* Nominal events as the subject: an event noun heading the subject of a verb that says
 * the act goes on or starts and has no object (ent_occur_verb: "Palestinian riots
 * against Israeli policies are still continuing", "talks with Iran resumed"), coded as
 * the noun's verb: source before the noun ("Palestinian"), target after it ("against
 * Israeli ...").  The subject is the NE or NP closing right before the verb phrase (over
 * the auxiliaries and adverbs of enclosing verb phrases: "are still continuing"); its
 * head is its last noun before a preposition or nested phrase, so that "the talks'
 * venue" or "the riot police" name no act.  Returns code_verb_as's result, 0 when the
 * subject names no act. */
/* The code of the words among items [from, to) (markup skipped), as an actor phrase of
 * their own; "---" when there are none or more than 32. */
static const char *span_code(ent_coder *c, size_t from, size_t to) {
    const cvec *items = &c->z.items;
    const char *w[32];
    uint32_t h[32];
    size_t n = 0;
    for (size_t k = from; k < to; k++) {
        if (items->v[k].kind != K_WORD || !items->v[k].w) continue;
        if (n == 32) return "---";
        w[n] = items->v[k].w;
        h[n++] = items->v[k].h;
    }
    return n ? ne_code(c, w, h, n, c->date, NULL, NULL) : "---";
}

/* Events [n0, nev) coded from an event noun heading the subject NE at item open ("Palestinian
 * riots against Azerbaijani military policies are still continuing"): the whole phrase gave
 * their source, which mixes the act's owner with its target (PSEMIL).  The owner is the
 * phrase up to the noun ("Palestinian riots": PSE); the words after a preposition other
 * than BY after the noun name the target ("Israeli military policies": ISRMIL), over
 * none or one found after the subject ("Iran's talks with the United States resumed in
 * Oman": USA, not OMN). */
static void split_subject_nominal(ent_coder *c, size_t open, size_t head, size_t n0) {
    const cvec *items = &c->z.items;
    size_t end = (size_t)items->v[open].mate;
    const coder_item *p = head + 1 < end ? &items->v[head + 1] : NULL;
    if (!p || p->kind != K_WORD || !p->w || !strcmp(p->w, "BY") || strcmp(item_tag(c, head + 1), "IN")) return;
    const char *own = span_code(c, open + 1, head + 1), *tgt = span_code(c, head + 2, end);
    for (size_t i = n0; i < c->nev; i++) {
        rawev *e = &c->ev[i];
        if (e->sitem != (int32_t)open) continue;
        if (code_has_actor(own) && strcmp(own, e->src)) {
            if (TRACING(c)) trace(c, "  the act's owner before the noun: %s, not %s", own, e->src);
            e->src = own;
        }
        if ((code_is_null(e->tgt) || e->titem > (int32_t)end) && code_has_actor(tgt) && strncmp(tgt, e->src, 3)) {
            if (TRACING(c)) trace(c, "  the act's target after %s: %s", p->w, tgt);
            e->tgt = tgt;
            e->titem = -1;
        }
    }
}

static int code_subject_nominal(ent_coder *c, size_t vp, size_t verb, size_t start) {
    const cvec *items = &c->z.items;
    if (object_phrase(c, vp, verb)) return 0;
    size_t i = vp;
    while (i > start) {
        const coder_item *x = &items->v[i - 1];
        if (x->kind == K_OPEN && x->lab == L_VP) i--;
        else if (x->kind == K_WORD && x->label && (x->label[0] == 'R' || x->lab == L_VB || !strcmp(x->label, "MD")))
            i--;
        else break;
    }
    if (i <= start || i - 1 <= start) return 0;
    const coder_item *cl = &items->v[i - 1];
    if (cl->kind != K_CLOSE || cl->mate < (int32_t)start) return 0;
    size_t open = (size_t)cl->mate;
    if (items->v[open].lab != L_NE && items->v[open].lab != L_NP) return 0;
    size_t head = 0;
    for (size_t q = open + 1; q < i - 1; q++) {
        const coder_item *w = &items->v[q];
        if (w->kind != K_WORD) break;
        if (ends_noun_group(c, q)) break;
        const char *t = item_tag(c, q);
        if (t[0] == 'N' && t[1] == 'N') head = q;
        else if (strcmp(t, "POS")) head = 0;   /* the head is the last word before the break */
    }
    if (!head) return 0;
    /* the head must end the noun group: "the talks' venue", "riot police" name no act */
    const coder_item *nx = &items->v[head + 1];
    if (nx->kind == K_WORD && head + 1 < i - 1 && !ends_noun_group(c, head + 1)) return 0;
    const char *v = event_noun_verb(c, head);
    if (!v) return 0;
    /* who acts is named before the noun ("Palestinian riots", "Iran's talks") or by "by"
     * after it; an actor after it otherwise is the act's target or partner ("protests
     * against the government", "talks with Iran"), never its source */
    int owner = nx->kind == K_WORD && nx->w && !strcmp(nx->w, "BY");
    for (size_t q = open + 1; q < head && !owner; q++) {
        const coder_item *w = &items->v[q];
        if (w->kind == K_WORD && w->tok >= 0 && (size_t)w->tok < c->sent->ntokens && strcmp(item_tag(c, q), "DT") &&
            tok_cap(&c->sent->tokens[w->tok]))
            owner = 1;
    }
    if (!owner) return 0;
    c->last_code = NULL;
    if (TRACING(c)) trace(c, "event noun %s, the subject of %s: coded as the verb %s", items->v[head].w, items->v[verb].w, v);
    size_t n0 = c->nev;
    int r = code_verb_as(c, vp, head, start, v);
    if (items->v[open].lab == L_NE) split_subject_nominal(c, open, head, n0);
    return r;
}

/* The clause a verb of saying reports, among the phrases of its verb phrase [from, end):
 * the first SBAR, or S with a subject of its own ("said on Tuesday that ...", "said it
 * would ..."), reached over complete phrases only (time, place, addressee), so that an
 * infinitive inside an object ("expressed concern over the decision to shoot down ...")
 * or of the verb itself ("agreed to open talks") is not taken for reported speech.
 * Returns the clause's OPEN item, or 0. */
static size_t reported_clause(const cvec *items, size_t from, size_t end) {
    for (size_t k = from; k < end; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind == K_OPEN && x->label && !strcmp(x->label, "SBAR") && x->mate > (int32_t)k) return k;
        if (x->kind == K_OPEN && x->label && !strcmp(x->label, "S") && x->mate > (int32_t)k) {
            const coder_item *y = &items->v[k + 1];
            return y->kind == K_OPEN && (y->lab == L_NE || y->lab == L_NEC || y->lab == L_NP) ? k : 0;
        }
        if (x->kind == K_OPEN && x->mate > (int32_t)k) { k = (size_t)x->mate; continue; }
        if (x->kind == K_WORD && x->lab != L_COMMA && !(x->label && x->label[0] == 'R')) return 0;
    }
    return 0;
}

/* The words a statement reports after a colon: the verb phrase closing at item end is
 * followed by ":" (and an opening quote) and then a phrase; returns the item where they
 * start, *qe the item where they end (the close of the clause around them, within to),
 * or 0 when there is no such colon. */
static size_t colon_report(const cvec *items, size_t end, size_t to, size_t *qe) {
    size_t q = end + 1;
    if (q >= to || items->v[q].kind != K_WORD || !items->v[q].w || strcmp(items->v[q].w, ":")) return 0;
    q++;
    while (q < to && items->v[q].kind == K_WORD && items->v[q].w && !strcmp(items->v[q].w, "``")) q++;
    if (q >= to || items->v[q].kind != K_OPEN) return 0;
    size_t e = q;
    while (e < to && !(items->v[e].kind == K_CLOSE && items->v[e].mate >= 0 && (size_t)items->v[e].mate < q)) e++;
    *qe = e;
    return q;
}

/* Does the phrase opening at item k stand for the speaker of the statement it is reported
 * in: a pronoun, or a phrase the speaker owns ("his country would break relations", "its
 * forces had advanced")?  Such a phrase is no subject of the clause's own. */
static int speakers_phrase(const cvec *items, size_t k) {
    static const char *const own[] = {"HIS", "HER", "ITS", "THEIR", "OUR", "MY", "IT", "THEY", "HE", "SHE", "WE", NULL};
    const coder_item *w = k + 1 < items->n ? &items->v[k + 1] : NULL;
    return w && w->kind == K_WORD && ent_str_in_list(w->w, own);
}

/* A reported clause the phrases split ("said [Hamas fighters in Rafah] [had surrendered]",
 * no S or SBAR around them): the verb of saying at item verb, whose verb phrase ends at
 * item end, has only an actor phrase (with prepositional phrases after it) as its object,
 * and a verb phrase follows its own at once.  Returns that verb phrase's OPEN item, or 0. */
static size_t split_report(const cvec *items, size_t verb, size_t end) {
    size_t k = verb + 1;
    if (k >= end || items->v[k].kind != K_OPEN || (items->v[k].lab != L_NE && items->v[k].lab != L_NEC) ||
        items->v[k].mate <= (int32_t)k)
        return 0;
    k = (size_t)items->v[k].mate + 1;
    while (k < end && items->v[k].kind == K_OPEN && items->v[k].lab == L_PP && items->v[k].mate > (int32_t)k)
        k = (size_t)items->v[k].mate + 1;
    if (k != end || end + 1 >= items->n) return 0;
    const coder_item *n = &items->v[end + 1];
    return n->kind == K_OPEN && n->lab == L_VP && n->mate > (int32_t)(end + 1) ? end + 1 : 0;
}

/* Does the reported clause at item ra (from reported_clause) open with a subject phrase of
 * its own ("said [that] a missile killed ...")?  Its verbs then take their source from
 * the clause, never from the speaker outside it (Poland did not fire the missile). */
static int reported_subject(const cvec *items, size_t ra) {
    size_t k = ra + 1;
    if (items->v[ra].label && !strcmp(items->v[ra].label, "SBAR")) {
        while (k < items->n && items->v[k].kind == K_WORD) k++;   /* THAT */
        if (k >= items->n || items->v[k].kind != K_OPEN || !items->v[k].label || strcmp(items->v[k].label, "S"))
            return 0;
        k++;
    }
    if (!(k + 1 < items->n && items->v[k].kind == K_OPEN &&
          (items->v[k].lab == L_NE || items->v[k].lab == L_NEC || items->v[k].lab == L_NP)))
        return 0;
    return !speakers_phrase(items, k);
}

/* The subject pronoun of a reported clause (item ra, from reported_clause) is the
 * speaker: "Iraq said it would allow ...", "Xi and Putin said they oppose ...".  Its
 * phrase takes the distinct sources of the statement's raw events [n0, n1) ('/'-joined,
 * so that each speaker gets its own event), before anything reads its code. */
static void bind_reported_pronoun(ent_coder *c, size_t ra, size_t n0, size_t n1) {
    cvec *items = &c->z.items;
    size_t k = ra + 1;
    if (items->v[ra].label && !strcmp(items->v[ra].label, "SBAR")) {
        while (k < items->n && items->v[k].kind == K_WORD) k++;   /* THAT */
        if (k >= items->n || items->v[k].kind != K_OPEN || !items->v[k].label || strcmp(items->v[k].label, "S"))
            return;
        k++;
    }
    if (k + 2 >= items->n || items->v[k].kind != K_OPEN || items->v[k].lab != L_NE || items->v[k].mate != (int32_t)(k + 2))
        return;
    const coder_item *w = &items->v[k + 1];
    if (w->kind != K_WORD || !token_is_pronoun(c, w->tok) || !w->w) return;
    if (strcmp(w->w, "IT") && strcmp(w->w, "THEY") && strcmp(w->w, "HE") && strcmp(w->w, "SHE") && strcmp(w->w, "WE"))
        return;
    ent_buf_clear(&c->buf);
    for (size_t i = n0; i < n1; i++) {
        const char *src = c->ev[i].src;
        if (code_is_null(src)) continue;
        int seen = 0;
        for (size_t j = n0; j < i && !seen; j++) seen = !strcmp(c->ev[j].src, src);
        if (seen) continue;
        if (c->buf.len) ent_buf_putc(&c->buf, '/');
        ent_buf_puts(&c->buf, src);
    }
    if (!c->buf.len) return;
    items->v[k].code = ent_arena_strdup(&c->arena, c->buf.data);
    if (TRACING(c)) trace(c, "  reported clause: its subject %s stands for the speaker %s", w->w, items->v[k].code);
}

/* Is the verb at token vtok inside a verb phrase, in its own finite clause, whose modal
 * of possibility belongs to another verb ("could [lead to a deal on [cutting tariffs]]")?
 * The act is then only as possible as that verb's. */
static int under_possibility(const ent_coder *c, int32_t vtok) {
    const cvec *items = &c->z.items;
    size_t i = 0;
    while (i < items->n && !(items->v[i].kind == K_WORD && items->v[i].tok == vtok)) i++;
    if (i >= items->n) return 0;
    for (size_t k = i; k-- > 0;) {
        const coder_item *x = &items->v[k];
        if (x->kind == K_CLOSE) {
            if (x->mate >= 0 && (size_t)x->mate < k) k = (size_t)x->mate;
            continue;
        }
        if (x->kind != K_OPEN) continue;
        if (x->lab == L_SBAR) return 0;
        const coder_item *md = &items->v[k + 1];
        if (x->lab != L_VP || md->kind != K_WORD || !md->label || strcmp(md->label, "MD")) continue;
        for (size_t j = k + 2; j < i; j++)
            if (items->v[j].kind == K_WORD && items->v[j].lab == L_VB)
                return items->v[j].tok >= 0 && (ent_modality(c->sent, items->v[j].tok) & ENT_MOD_MAYBE);
        return 0;
    }
    return 0;
}

/* Does the sentence set a condition ("if", "unless")? */
static int conditional_sentence(const ent_coder *c) {
    for (size_t i = 0; c->sent && i < c->sent->ntokens; i++) {
        const char *w = c->sent->tokens[i].upper;
        if (w && (!strcmp(w, "IF") || !strcmp(w, "UNLESS"))) return 1;
    }
    return 0;
}

/* clauses option: recode or drop the raw events [from, c->nev) by the modality of their
 * verbs.  speaker: the statement whose reported clause they come from ("Russia said ..."),
 * or NULL in a main clause.  Negated acts give no event ("did not attack"), except
 * cooperation announced as not going to happen, which is its rejection ("would not meet":
 * 125); reported future acts are intents (03x) or threats (13x), and so are conflictual
 * future acts on a condition ("will cut gas unless ..."); what the speaker says another
 * must do is the speaker's demand on that other (10x). */
static void apply_modality(ent_coder *c, size_t from, const rawev *speaker) {
    size_t keep = from;
    for (size_t i = from; i < c->nev; i++) {
        rawev e = c->ev[i];
        int m = e.vtok >= 0 ? ent_modality(c->sent, e.vtok) : 0;
        const char *to = NULL;
        int drop = 0;
        if ((m & ENT_MOD_OBLIGE) && speaker && strcmp(speaker->src, "---") && !strcmp(e.src, speaker->src)) {
            /* the speaker's own obligation ("Russia said it must return the helicopter"):
             * what it says it will do, an intent as for "will"; a negated one is no act */
            if (m & ENT_MOD_NEG) drop = 1;
            else if ((to = ent_intent_code(e.code))) e.code = to;
        } else if ((m & ENT_MOD_OBLIGE) && speaker && strcmp(speaker->src, "---")) {
            /* the speaker demands it of the clause's subject (or of the acted-on party
             * when the subject is unknown); a negated obligation ("Sudan must not return
             * the helicopter") demands that the act not happen: CAMEO's unspecified
             * demand (100), not the demand for the act itself */
            int subj = strcmp(e.src, "---") != 0;
            if (subj) { e.tgt = e.src; e.titem = e.sitem; }
            e.src = speaker->src; e.sitem = speaker->sitem;
            e.code = (m & ENT_MOD_NEG) ? "100" : ent_demand_code(e.code);
            drop = !strcmp(e.src, e.tgt);
        } else if ((m & ENT_MOD_CEASE) && (to = ent_cease_code(e.code))) {
            /* "no longer supplies weapons to Ukraine": the aid stops (1622); announced in
             * a reported clause or on a condition, the threat of it ("said it would no
             * longer supply ...": 1311) */
            const char *th = (m & ENT_MOD_FUTURE) && (speaker || conditional_sentence(c)) ? ent_threat_code(to) : NULL;
            e.code = th ? th : to;
        } else if ((m & ENT_MOD_COMMIT) && !(m & ENT_MOD_NEG)) {
            /* "agreed to provide a loan" (0331), "vowed to strike" (1384), "agreed to ban
             * Russian oil" (163): an act committed to (ent_commit_code) */
            e.code = ent_commit_code(e.code, m);
        } else if (m & ENT_MOD_NEG) {
            to = (m & ENT_MOD_FUTURE) ? ent_refusal_code(e.code) : NULL;
            if (to) e.code = to;
            else drop = 1;
        } else if ((m & ENT_MOD_FUTURE) && speaker) {
            if ((to = ent_intent_code(e.code)) || (to = ent_threat_code(e.code))) e.code = to;
        } else if ((m & ENT_MOD_FUTURE) && conditional_sentence(c) && (to = ent_threat_code(e.code))) {
            /* a conflictual act announced on a condition is a threat ("The EC may halt
             * mediation if cooperation founders", "Russia will cut gas unless Ukraine pays") */
            e.code = to;
        } else if (!c->z.attributed &&
                   ((m & ENT_MOD_MAYBE) || (!speaker && e.vtok >= 0 && under_possibility(c, e.vtok)))) {
            /* an act the sentence itself only calls possible, no one announcing or
             * threatening it ("the EU could impose sanctions on Belarus", "a deal that
             * might end the war", "could lead to a deal on cutting tariffs"): nothing
             * took place.  A sentence a closing ", the minister said" attributes is
             * someone's report, and keeps its code as before. */
            drop = 1;
        }
        if (TRACING(c) && (drop || e.code != c->ev[i].code || e.src != c->ev[i].src))
            trace(c, "  %s%s%s%s: %s>%s %s: %s", (m & ENT_MOD_CEASE) ? "ceasing " : (m & ENT_MOD_NEG) ? "negated " : "",
                  (m & ENT_MOD_OBLIGE) ? "obligation" : (m & ENT_MOD_FUTURE) ? "future" :
                  (m & ENT_MOD_COMMIT) ? "commitment" : "act",
                  speaker ? " reported by " : "", speaker ? speaker->src : "", c->ev[i].src, c->ev[i].tgt, c->ev[i].code,
                  drop ? "dropped" : "recoded");
        if (TRACING(c) && !drop && (e.code != c->ev[i].code || e.src != c->ev[i].src))
            trace(c, "    becomes %s>%s %s", e.src, e.tgt, e.code);
        if (drop) continue;
        c->ev[keep++] = e;
    }
    c->nev = keep;
}

/* clauses option: an obligation in a reported clause whose verb codes nothing ("Russia
 * said Sudan must return a helicopter", "the Red Cross said US and British forces must
 * ensure security"): the speaker demands something of the clause's subject, CAMEO's
 * unspecified demand (100).  vp is the verb phrase of verb (item verb); speaker the
 * statement.  The subject is the actor phrase right before the verb phrase and its modal
 * or adverbs, coded and not the speaker; a negated obligation ("must not be forced out")
 * or none at all adds nothing.  Returns 1 when it added events. */
static int reported_demand(ent_coder *c, size_t vp, size_t verb, const rawev *speaker) {
    const cvec *items = &c->z.items;
    const coder_item *v = &items->v[verb];
    if (!speaker || code_is_null(speaker->src) || v->tok < 0) return 0;
    int m = ent_modality(c->sent, v->tok);
    if (!(m & ENT_MOD_OBLIGE) || (m & ENT_MOD_NEG)) return 0;
    /* back over the verb phrases and the modal or adverbs that open them */
    size_t j = vp, first = vp;
    while (j > 0) {
        const coder_item *p = &items->v[j - 1];
        if (p->kind == K_OPEN && p->lab == L_VP) j--;
        else if (p->kind == K_WORD && p->label && (p->label[0] == 'M' || p->label[0] == 'R')) first = --j;
        else break;
    }
    if (j == 0 || items->v[j - 1].kind != K_CLOSE || items->v[j - 1].mate < 0) return 0;
    int32_t subj = items->v[j - 1].mate;
    const gseq *G = &c->gs;
    const grp *sg = NULL;
    for (size_t g = 0; g < G->ng && !sg; g++)
        if (G->g[g].item == subj) sg = &G->g[g];
    if (!sg) return 0;
    size_t nt = group_codes(c, items, sg, &c->ct, &c->ctcap);
    vevid *vt = ent_arena_alloc(&c->arena, sizeof *vt + 8 * sizeof(int32_t));
    vt->text = NULL;
    vt->n = 0;
    for (size_t k = first; k <= verb && vt->n < 8; k++)
        if (items->v[k].kind == K_WORD && items->v[k].tok >= 0) vt->tok[vt->n++] = items->v[k].tok;
    ent_span vspan = items_span(c, first, verb);
    codeent s = {speaker->src, speaker->sitem};
    size_t n0 = c->nev;
    c->cur_vtok = -1;   /* the modality is spent: apply_modality leaves the demand alone */
    for (size_t i = 0; i < nt; i++) {
        codeent t = c->ct[i];
        if (code_is_null(t.code)) continue;
        add_raw(c, &s, &t, "100", vt, vspan);
    }
    if (TRACING(c) && c->nev > n0)
        trace(c, "  obligation reported by %s, verb %s codes nothing: %s demands it of the subject (100)", speaker->src,
              v->w, speaker->src);
    return c->nev > n0;
}

/* "is ready to", "are willing to", "was prepared to": when item verb is a form of "be"
 * followed (before end) by an adjective phrase of readiness (ent_ready_adjective), the item
 * after that phrase, where its infinitive starts; else 0. */
static size_t ready_adjective(const cvec *items, size_t verb, size_t end) {
    const coder_item *v = &items->v[verb];
    if (v->kind != K_WORD || !v->w || !ent_cz_is_be_form(v->w)) return 0;
    size_t k = verb + 1;
    while (k < end && items->v[k].kind == K_WORD && items->v[k].label && items->v[k].label[0] == 'R') k++;
    const coder_item *a = &items->v[k];
    if (k + 1 >= end || a->kind != K_OPEN || !a->label || strcmp(a->label, "ADJP") || a->mate <= (int32_t)k) return 0;
    size_t last = (size_t)a->mate;   /* its one word, or adverbs and the adjective */
    while (last > k && items->v[last].kind != K_WORD) last--;
    if (last <= k || !ent_ready_adjective(items->v[last].w)) return 0;
    return (size_t)a->mate + 1;
}

/* clauses option: a verb of commitment (ent_commit_verb), or "be" with an adjective of
 * readiness ("is ready to attack", "are willing to negotiate"), that matched none of its patterns,
 * with a TO-infinitive right after it ("agreed to halt attacks on energy sites", "vowed
 * to strike Israel"): the infinitive's verb codes the event, with the subject of the
 * verb of commitment as its source; apply_modality then makes it an intent, a threat or
 * the act decided (ent_commit_code).  A negated commitment ("did not agree to") is left
 * alone.  Returns 1 when the infinitive coded (events or not), 0 when there is no
 * infinitive or its verb codes nothing. */
static int code_infinitive(ent_coder *c, size_t vp, size_t verb, size_t start) {
    const cvec *items = &c->z.items;
    size_t end = (size_t)items->v[vp].mate, k = verb + 1;
    size_t adj = ready_adjective(items, verb, end);
    if (!c->last_own || (!adj && !ent_commit_verb(items->v[verb].w))) return 0;
    if (items->v[verb].tok >= 0 && (ent_modality(c->sent, items->v[verb].tok) & ENT_MOD_NEG)) return 0;
    if (adj) k = adj;
    while (k < end && items->v[k].kind == K_WORD && items->v[k].label && items->v[k].label[0] == 'R') k++;
    /* (S (VP TO (VP verb ...: the infinitive clause, its TO, its verb phrase */
    if (!(k + 3 < end && items->v[k].kind == K_OPEN && items->v[k].lab == L_S && items->v[k + 1].kind == K_OPEN &&
          items->v[k + 1].lab == L_VP && items->v[k + 2].kind == K_WORD && items->v[k + 2].w &&
          !strcmp(items->v[k + 2].w, "TO") && items->v[k + 3].kind == K_OPEN && items->v[k + 3].lab == L_VP &&
          items->v[k + 3].mate > 0))
        return 0;
    size_t ivp = k + 3, iverb = ivp + 1;
    if (items->v[iverb].kind != K_WORD || items->v[iverb].lab != L_VB) return 0;
    if (TRACING(c)) trace(c, "%s, no pattern naming what follows: its infinitive %s codes the act", items->v[verb].w,
                          items->v[iverb].w);
    c->last_code = NULL;
    size_t n1 = c->nev;
    if (!code_verb(c, ivp, iverb, start)) {
        /* an intention is only what it intends: "aims to weaken NATO", "plans to overtake
         * China" are no intent to cooperate (030), the plan verb's own code; the verb's
         * events give way to none */
        if (adj || !ent_plan_verb(items->v[verb].w)) return 0;
        if (TRACING(c)) trace(c, "  %s: an intention of an act not coded: no event", items->v[verb].w);
        c->nev = n1;
        return 1;
    }
    /* only an act one commits to: cooperation (04-08, an intent) or force and sanctions
     * (13-20); a statement, appeal or intent (01-03: "promised to invite Ukraine") or a
     * demand, inquiry or rejection (09-12) leaves the commitment's own reading */
    for (size_t i = n1; i < c->nev; i++) {
        const char *e = c->ev[i].code;
        int root = e && isdigit((unsigned char)e[0]) && isdigit((unsigned char)e[1]) ? (e[0] - '0') * 10 + e[1] - '0' : 0;
        if (root < 4 || (root > 8 && root < 13)) {
            if (TRACING(c)) trace(c, "  %s: not an act committed to; the commitment stands", e ? e : "");
            c->nev = n1;
            return 0;
        }
    }
    return 1;
}

/* Tries a reading that takes over from the verb's own ("signed an order restricting ...":
 * the order's act; "launched a mediation effort": the event noun's).  When `how` codes, the
 * events it added replace the ones the verb coded since n0 (if coded), and 1 is returned;
 * when it does not, the verb's last code is restored and 0 returned. */
static int supersede(ent_coder *c, int (*how)(ent_coder *, size_t, size_t, size_t), size_t vp, size_t verb,
                     size_t start, size_t n0, int coded) {
    size_t n1 = c->nev;
    const char *lc = c->last_code;
    if (!how(c, vp, verb, start)) {
        c->last_code = lc;
        return 0;
    }
    if (coded) {
        memmove(c->ev + n0, c->ev + n1, (c->nev - n1) * sizeof *c->ev);
        c->nev -= n1 - n0;
    }
    return 1;
}

static void check_verbs(ent_coder *c, size_t start, size_t from, size_t to, int depth, const rawev *speaker);

/* Does the subject phrase opening at item k (an NE, or an NEC of NEs) name an actor: a
 * code other than a bare "---" (an agent without a country, "---GOV", counts)? */
static int subject_is_actor(ent_coder *c, size_t k) {
    const cvec *items = &c->z.items;
    if (items->v[k].lab == L_NEC)
        for (k++; k < items->n && items->v[k].kind == K_OPEN && items->v[k].lab != L_NE; k++) {}
    return k < items->n && items->v[k].kind == K_OPEN && items->v[k].lab == L_NE && strcmp(item_code(c, k), "---");
}

/* clauses option: the adverbial clauses among items [from, to) of a coded verb's phrase,
 * outside [skip_lo, skip_hi) (its reported clause, coded already): "expelled the
 * ambassador [after Turkey threatened Sweden]", "accused Pakistan of sheltering militants,
 * [while Pakistan denied the charge]".  Each opens with a subordinator
 * (ent_cz_is_subordinator) and a subject phrase of its own, and is coded as a clause of
 * its own: its verbs take their source inside it, never from the main clause.  A clause
 * whose subject names no actor ("as he embarked on a trip to ..." with no antecedent,
 * "after heavy floods hit the north") is left alone: its source would be some other
 * phrase inside it.  A participle after the subordinator ("after accusing Poland of
 * ...") codes from the verb's own subject.  A relative clause set off by a comma on an
 * actor object is coded too, the actor its source; a purpose infinitive after an act of
 * means (purpose_infinitive) too, from the act's subject. */
/* Is the phrase opening at item k a purpose infinitive after a verb's object or
 * prepositional phrase: (S [NE] (VP TO (VP VB ...))), item from being the first after the
 * verb and something before k ("sent ships [to help the Philippines]", "mobilized
 * volunteers in Canada [to help support ...]")?  Returns the infinitive
 * verb phrase's OPEN item, or 0.  Right after the verb it is a complement ("agreed to
 * ...": the commitment layer's); after an object that names an actor, that actor is the
 * one who is to act ("allowed Russian troops to attack", "invited Trump to visit"); "to
 * help" names whom the act is for (refine.c helped_target). */
static size_t purpose_infinitive(ent_coder *c, size_t from, size_t k) {
    const cvec *items = &c->z.items;
    const coder_item *x = &items->v[k];
    if (x->lab != L_S || k + 3 >= items->n) return 0;
    size_t q = k + 1;
    if (items->v[q].kind == K_OPEN && items->v[q].lab == L_NE && items->v[q].mate > (int32_t)q) {
        if (subject_is_actor(c, q)) return 0;
        q = (size_t)items->v[q].mate + 1;
    } else if (k == from) return 0;
    if (q + 2 >= (size_t)x->mate || items->v[q].kind != K_OPEN || items->v[q].lab != L_VP) return 0;
    const coder_item *to = &items->v[q + 1], *iv = &items->v[q + 2];
    if (!(to->kind == K_WORD && to->w && !strcmp(to->w, "TO") && iv->kind == K_OPEN && iv->lab == L_VP &&
          q + 3 < items->n && items->v[q + 3].kind == K_WORD && items->v[q + 3].lab == L_VB))
        return 0;
    /* "to help (defend) Israel" names whom the act helps, no act of its own (refine.c,
     * helped_target) */
    if (items->v[q + 3].w && !strcmp(items->v[q + 3].w, "HELP")) return 0;
    return q + 2;
}

/* Is a coded verb whose raw events are [n0, c->nev) a means to what a purpose infinitive
 * after it is for: aid or sending (07), yielding (08), a show of force (15), coercion
 * (17) or violence (18-20)?  A statement, appeal, demand, disapproval, rejection, threat
 * or inquiry before "X to do" names what it asks of X ("urged Iran to stop"); a meeting,
 * an agreement or a protest for a purpose names what it is about ("met to discuss",
 * "signed a deal to cut tariffs", "marched to demand ..."): no act of its own. */
static int acts_for_purpose(const ent_coder *c, size_t n0) {
    if (n0 >= c->nev) return 0;
    for (size_t i = n0; i < c->nev; i++) {
        const char *e = c->ev[i].code;
        int root = e && isdigit((unsigned char)e[0]) && isdigit((unsigned char)e[1]) ? (e[0] - '0') * 10 + e[1] - '0' : 0;
        if (!(root == 7 || root == 8 || root == 15 || root >= 17)) return 0;
    }
    return 1;
}

/* Does a verb phrase open right after item k, past the phrases that close there? */
static int verb_phrase_after(const cvec *items, size_t k) {
    for (k++; k < items->n && items->v[k].kind == K_CLOSE; k++) {}
    return k < items->n && items->v[k].kind == K_OPEN && items->v[k].lab == L_VP;
}

static void adverbial_clauses(ent_coder *c, size_t from, size_t to, size_t skip_lo, size_t skip_hi, int depth,
                              size_t n0) {
    const cvec *items = &c->z.items;
    int purpose = acts_for_purpose(c, n0);
    size_t n1 = c->nev;   /* the verb's own events: [n0, n1) */
    for (size_t k = from; k + 3 < to; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind != K_OPEN || x->mate <= (int32_t)k) continue;
        if (k >= skip_lo && k < skip_hi) { k = skip_hi - 1; continue; }
        size_t ivp = purpose ? purpose_infinitive(c, from, k) : 0;
        if (ivp) {
            /* the act the verb is for, besides the verb's own: its source is the verb's
             * subject, not the phrases between ("sent [ships] to help ...") */
            if (TRACING(c)) trace(c, "  to %s: the purpose of the act", items->v[ivp + 1].w);
            c->means_a = from - 1;
            c->means_b = ivp;
            size_t p0 = c->nev;
            check_verbs(c, c->means_start, ivp, (size_t)items->v[ivp].mate + 1, depth + 1, NULL);
            c->means_a = c->means_b = 0;
            /* an act of the verb's own kind is the verb's ("sent engineers to help
             * rebuild Ukraine": one act of aid, coded by SENT) */
            size_t w = p0;
            for (size_t i = p0; i < c->nev; i++) {
                int same = 0;
                for (size_t j = n0; j < n1 && !same; j++)
                    same = c->ev[i].code && c->ev[j].code && !strncmp(c->ev[i].code, c->ev[j].code, 2);
                if (!same) c->ev[w++] = c->ev[i];
            }
            c->nev = w;
            k = (size_t)x->mate;
            continue;
        }
        if (x->lab != L_SBAR) continue;
        if (items->v[k + 1].kind == K_OPEN && items->v[k + 1].label && !strcmp(items->v[k + 1].label, "WHNP")) {
            /* a relative clause set off by a comma on an actor object ("criticised Iran,
             * which has supplied drones to Russia"): the actor is its verbs' source */
            size_t j = k;
            if (j > from && items->v[j - 1].kind == K_WORD && items->v[j - 1].lab == L_COMMA) j--;
            const coder_item *ne = j > from ? &items->v[j - 1] : NULL;
            if (j < k && ne->kind == K_CLOSE && ne->lab == L_NE && ne->mate >= (int32_t)from &&
                subject_is_actor(c, (size_t)ne->mate)) {
                if (TRACING(c)) trace(c, "  a relative clause on %s", items->v[ne->mate].text ? items->v[ne->mate].text : "its phrase");
                check_verbs(c, (size_t)ne->mate, k, (size_t)x->mate, depth + 1, NULL);
            }
            k = (size_t)x->mate;
            continue;
        }
        /* the subordinator, after a measure of time ("five years after ...") */
        size_t q = k + 1;
        if (items->v[q].kind == K_OPEN && items->v[q].lab == L_NE && items->v[q].mate > (int32_t)q) q = items->v[q].mate + 1;
        const coder_item *w = &items->v[q], *s = q + 3 < to ? &items->v[q + 1] : NULL;
        int sub = s && w->kind == K_WORD && w->label && !strcmp(w->label, "IN") && ent_cz_is_subordinator(w->w) &&
                  s->kind == K_OPEN && s->lab == L_S && s->mate > (int32_t)(q + 1) && items->v[q + 2].kind == K_OPEN;
        if (sub && (items->v[q + 2].lab == L_NE || items->v[q + 2].lab == L_NEC) && subject_is_actor(c, q + 2)) {
            if (TRACING(c)) trace(c, "  %s: an adverbial clause of its own", w->w);
            check_verbs(c, q + 1, q + 1, (size_t)s->mate, depth + 1, NULL);
        } else if (sub && items->v[q + 2].lab == L_VP && items->v[q + 3].kind == K_WORD && items->v[q + 3].label &&
                   !strcmp(items->v[q + 3].label, "VBG") && !verb_phrase_after(items, (size_t)x->mate)) {
            /* "expelled two Polish diplomats [after accusing Poland of espionage]": the
             * participle's subject is the verb's, not the phrases between (but "as
             * [fighting with Azerbaijan] flared": a noun, the subject of a verb after) */
            if (TRACING(c)) trace(c, "  %s %s: the subject's act", w->w, items->v[q + 3].w);
            c->means_a = from - 1;
            c->means_b = q + 2;
            check_verbs(c, c->means_start, q + 2, (size_t)s->mate, depth + 1, NULL);
            c->means_a = c->means_b = 0;
        }
        k = (size_t)x->mate;
    }
}

/* The events [n1, nev) that the words a statement (the verb at item verb) reports coded
 * replace the statement's own [n0, n1); when there are none the statement stands.  what
 * names those words in the trace (plural: they "code", else it "codes"). */
static void replace_statement(ent_coder *c, size_t verb, size_t n0, size_t n1, const char *what, int plural) {
    if (TRACING(c))
        trace(c, "  %s: %s %s%s", c->z.items.v[verb].w, what, plural ? "code" : "codes",
              c->nev > n1 ? " events, which replace the statement" : " nothing: the statement stands");
    if (c->nev > n1) {
        memmove(c->ev + n0, c->ev + n1, (c->nev - n1) * sizeof *c->ev);
        c->nev -= n1 - n0;
    }
}

/* clauses option: is the verb phrase at item vp a participle opening a subordinate clause
 * with no subject of its own inside another verb's phrase ("entered Syria [after
 * [shelling Kurdish positions]]")?  Then its subject is that verb's, not the phrases
 * between: they are set aside for the source search (c->means_a, c->means_b), as
 * adverbial_clauses does when the other verb codes an event. */
static void subordinate_participle(ent_coder *c, size_t vp, size_t start) {
    const cvec *items = &c->z.items;
    if (vp < start + 3) return;
    const coder_item *s = &items->v[vp - 1], *w = &items->v[vp - 2], *sb = &items->v[vp - 3], *v = &items->v[vp + 1];
    if (s->kind != K_OPEN || s->lab != L_S || w->kind != K_WORD || !w->label || strcmp(w->label, "IN") ||
        !ent_cz_is_subordinator(w->w) || sb->kind != K_OPEN || sb->lab != L_SBAR || v->kind != K_WORD || !v->label ||
        strcmp(v->label, "VBG"))
        return;
    for (size_t p = vp - 3; p-- > start;) {   /* the phrase that holds the clause */
        const coder_item *x = &items->v[p];
        if (x->kind == K_OPEN && x->mate > (int32_t)(vp - 3)) {
            if (x->lab != L_VP) return;
            c->means_a = p;
            c->means_b = vp - 3;
            return;
        }
    }
}

/* Code the verb phrases among items [from, to); start is the first item of the sentence
 * (the upper limit of source searches); depth counts reported clauses entered (bounded,
 * so that deeply nested "said ... said ..." input cannot exhaust the stack); speaker is
 * the statement whose reported clause this is (NULL in the main clause). */
static void check_verbs(ent_coder *c, size_t start, size_t from, size_t to, int depth, const rawev *speaker) {
    const cvec *items = &c->z.items;
    for (size_t k = from; k + 1 < to && k + 1 < items->n; k++) {
        const coder_item *x = &items->v[k];
        if (!(x->kind == K_OPEN && x->lab == L_VP) || x->mate < 0) continue;
        const coder_item *y = &items->v[k + 1];
        if (!(y->kind == K_WORD && y->lab == L_VB && y->label)) continue;
        if (reduced_relative(c, k, start)) { k = (size_t)x->mate; continue; }
        size_t verb = k + 1, pv = passive_verb(items, k);
        if (pv) verb = pv;
        if (items->v[verb].kind != K_WORD) continue;
        size_t n0 = c->nev;
        c->last_code = NULL;
        c->cur_vtok = -1;
        size_t ma = c->means_a, mb = c->means_b;
        if (c->o.clauses && !c->means_b) subordinate_participle(c, k, start);
        int coded = code_verb(c, k, verb, start);
        c->means_a = ma, c->means_b = mb;
        if (!coded && c->o.clauses && speaker && reported_demand(c, k, verb, speaker)) coded = 1;
        if (coded && c->o.clauses &&
            (ent_commit_verb(items->v[verb].w) || ready_adjective(items, verb, (size_t)items->v[k].mate))) {
            /* "agreed to halt attacks": the act committed to, over the agreement */
            if (supersede(c, code_infinitive, k, verb, start, n0, coded)) coded = 1;
        }
        if (c->o.clauses && ent_enact_verb(items->v[verb].w)) {
            /* "signed an order restricting investment": the order's act, over the signing */
            if (supersede(c, code_document, k, verb, start, n0, coded)) coded = 1;
        }
        /* a light verb with a code of its own that no pattern confirmed ("extended" [070]:
         * "extended their hunger strike", "extended the blockade of ...") carries its
         * event noun object like the light verbs without one; "extended aid" (no event
         * noun) keeps the verb's code, and so does a multi-word form that names the
         * noun itself ("held talks") */
        int light = ent_light_verb(items->v[verb].w) && (!coded || (c->last_own && !c->last_form_words));
        if (c->o.clauses && (light || ent_keep_verb(items->v[verb].w) ||
                             ent_inform_verb(items->v[verb].w) ||
                             (coded && statement_code(c, c->last_code) &&
                              !reported_clause(items, verb + 1, (size_t)x->mate) &&
                              !split_report(items, verb, (size_t)x->mate)))) {
            /* a light verb that says nothing by itself, a verb that keeps an act in force,
             * or a statement, whose object names an event ("launched a mediation effort
             * between ...", "upheld the suspension of ...", "announced its rejection
             * of ..."): the event noun's verb codes it */
            if (supersede(c, code_nominal, k, verb, start, n0, coded)) coded = 1;
        }
        if (c->o.clauses && !coded && ent_occur_verb(items->v[verb].w)) {
            /* "riots against Israeli policies are continuing": the subject's act */
            if (supersede(c, code_subject_nominal, k, verb, start, n0, coded)) coded = 1;
        }
        if (coded && TRACING(c))
            for (size_t i = n0; i < c->nev; i++) trace(c, "  raw event %s>%s %s", c->ev[i].src, c->ev[i].tgt, c->ev[i].code);
        if (coded) {
            size_t end = (size_t)x->mate, rlo = 0, rhi = 0;
            if (c->o.clauses) apply_modality(c, n0, speaker);
            /* a bare statement ("Pakistan said it shot down two jets", code 010) yields to
             * the events of the clause it reports, when that clause codes any; without the
             * clauses option, not when it is a modal intention ("said it would ...") */
            if (depth < 8 && statement_code(c, c->last_code) && verb + 1 < end &&
                (c->o.clauses || !reports_modal(items, verb + 1, end))) {
                size_t n1 = c->nev, ra = verb + 1, rb = end;
                rawev said = {0}, *sp = NULL;
                if (n1 > n0) { said = c->ev[n0]; sp = &said; }
                size_t sv = 0;
                if (!c->o.clauses || (ra = reported_clause(items, verb + 1, end)) != 0 ||
                    (ra = raising_passive(items, k, verb)) != 0) {
                    if (c->o.clauses) {
                        rb = (size_t)items->v[ra].mate;
                        bind_reported_pronoun(c, ra, n0, n1);
                    }
                    check_verbs(c, c->o.clauses && reported_subject(items, ra) ? ra : start, ra, rb, depth + 1, sp);
                    rlo = ra, rhi = rb;
                } else if ((sv = split_report(items, verb, end)) != 0) {
                    /* "said [the last Ukrainian fighters at the steelworks] [had surrendered]":
                     * the object is the subject of the verb phrase after the statement's */
                    check_verbs(c, speakers_phrase(items, verb + 1) ? start : verb + 1, sv,
                                (size_t)items->v[sv].mate + 1, depth + 1, sp);
                    end = (size_t)items->v[sv].mate;
                    rlo = sv, rhi = end;
                }
                replace_statement(c, verb, n0, n1, "the reported clause", 0);
            }
            /* "Putin said: \"We will not allow ...\"": the words after a colon that closes
             * the statement's verb phrase are the clause it reports, as after "said that";
             * after a demand ("made one demand: ...") they are what is demanded */
            size_t qb = 0, qa = c->o.clauses && depth < 8 && !rhi &&
                                        (statement_code(c, c->last_code) || demand_code(c->last_code))
                                    ? colon_report(items, end, to, &qb) : 0;
            if (qa) {
                size_t n1 = c->nev;
                rawev said = {0}, *sp = NULL;
                if (n1 > n0) { said = c->ev[n0]; sp = &said; }
                bind_reported_pronoun(c, qa - 1, n0, n1);
                check_verbs(c, qa, qa, qb, depth + 1, sp);
                replace_statement(c, verb, n0, n1, "the words after the colon", 1);
            }
            if (c->o.clauses && depth < 8) {
                c->means_start = start;
                adverbial_clauses(c, verb + 1, end, rlo, rhi, depth, n0);
            }
            k = qa ? qb - 1 : end;
        } else if (pv) k = pv - 1;
    }
}

/* ---- events out ------------------------------------------------------------------------- */

/* The text of evidence words v, joined on first use (arena string). */
static const char *verb_text(ent_coder *c, vevid *v) {
    if (v->text) return v->text;
    ent_buf_clear(&c->buf);
    for (int k = 0; k < v->n; k++) {
        if (c->buf.len) ent_buf_putc(&c->buf, ' ');
        ent_buf_puts(&c->buf, c->sent->tokens[v->tok[k]].upper);
    }
    v->text = ent_arena_strdup(&c->arena, c->buf.data ? c->buf.data : "");
    return v->text;
}

/* Issue codes of the sentence as "CODE N, CODE M" (counts of matched phrases, in order
 * of first occurrence); "" without an issues dictionary, or when an ignore phrase
 * occurs. */
static const char *sentence_issues(ent_coder *c, const ent_sentence *s) {
    if (!c->d || !c->d->nissues) return "";
    ENT_GROW(c->z.words, s->ntokens + 1, c->z.words_cap);
    for (size_t i = 0; i < s->ntokens; i++) c->z.words[i] = s->tokens[i].upper;
    const ent_issue *hits[64];
    int ignored = 0;
    size_t n = ent_issue_index_match(&c->fi, c->isig, c->d, c->z.words, c->z.th, s->ntokens, hits, 64, &ignored);
    if (n > 64) n = 64;
    if (ignored || !n) return "";
    const char *codes[64];
    int counts[64], nc = 0;
    for (size_t i = 0; i < n; i++) {
        int k = 0;
        while (k < nc && strcmp(codes[k], hits[i]->code)) k++;
        if (k == nc) { codes[nc] = hits[i]->code; counts[nc++] = 0; }
        counts[k]++;
    }
    ent_buf_clear(&c->buf);
    for (int k = 0; k < nc; k++) ent_buf_printf(&c->buf, "%s%s %d", k ? ", " : "", codes[k], counts[k]);
    return ent_arena_strdup(&c->arena, c->buf.data);
}

/* Whether the options drop event e: require_dyad wants both actors; require_source wants a
 * source (that it also has a country when the target is absent is checked after the
 * place pass, which may give it one: drop_countryless). */
static int event_dropped(const ent_coder *c, const rawev *e) {
    int no_src = !strcmp(e->src, "---"), no_tgt = !strcmp(e->tgt, "---");
    if (c->o.require_dyad && (no_src || no_tgt)) return 1;
    if (c->o.require_source && no_src) return 1;
    return 0;
}

/* require_source: drop the events [from, count) of out whose source is a role without a
 * country: before the story's country is given to domestic roles (armed = 0), those with
 * no target ("---GOV" to nobody says nothing); after it and the place's (armed = 1),
 * those whose source is only an armed group no one is named for ("Gunmen shot the prime
 * minister", "Suicide bombers attacked Brussels airport": ---UAF): an attack by someone
 * unknown names no source, as events without one are dropped.  A role of its own ("Judge
 * Rivera", ---JUD) stays. */
static void drop_countryless(ent_coder *c, ent_events *out, size_t from, int armed) {
    size_t keep = from;
    for (size_t i = from; i < out->n; i++) {
        const ent_event *e = &out->v[i];
        int unknown = armed ? !strcmp(e->source, "---UAF") : !strncmp(e->source, "---", 3) && !strcmp(e->target, "---");
        if (unknown) {
            if (armed && TRACING(c)) trace(c, "event %s>%s %s dropped: an unknown armed source", e->source, e->target, e->code);
            continue;
        }
        if (keep != i) out->v[keep] = *e;
        keep++;
    }
    out->n = keep;
}

/* resolve_pronouns: the distinct sources with a country of the events [from, count) of
 * out become the antecedent of the next sentences' "he", "she" and "they" (up to four
 * codes); a sentence with no such event leaves the old one for one more sentence. */
static void remember_sources(ent_coder *c, const ent_events *out, size_t from) {
    char next[sizeof c->antecedent];
    size_t len = 0;
    int n = 0;
    next[0] = 0;
    for (size_t i = from; i < out->n && n < 4; i++) {
        const char *src = out->v[i].source;
        size_t sl = strlen(src);
        if (!strncmp(src, "---", 3) || strchr(src, '/') || len + sl + 2 > sizeof next) continue;
        int seen = 0;
        for (const char *p = next; *p && !seen;) {
            size_t k = strcspn(p, "/");
            seen = k == sl && !strncmp(p, src, sl);
            p += k + (p[k] == '/');
        }
        if (seen) continue;
        if (len) next[len++] = '/';
        memcpy(next + len, src, sl + 1);
        len += sl;
        n++;
    }
    if (n) {
        memcpy(c->antecedent, next, len + 1);
        c->ante_n = n;
        c->ante_age = 0;
    } else if (++c->ante_age > 1) {
        c->antecedent[0] = 0;
        c->ante_n = 0;
    }
    /* the parties of those events (sources and targets): a pair when exactly two */
    const char *p[2] = {NULL, NULL};
    size_t pl[2] = {0, 0};
    int np = 0, many = 0;
    for (size_t i = from; i < out->n && !many; i++) {
        for (int side = 0; side < 2 && !many; side++) {
            const char *a = side ? out->v[i].target : out->v[i].source;
            if (!strncmp(a, "---", 3) || strchr(a, '/')) continue;
            many = pair_note(p, pl, &np, a, strlen(a));
        }
    }
    if (np == 2 && !many && pl[0] + pl[1] + 2 <= sizeof c->pair_ante) {
        memcpy(c->pair_ante, p[0], pl[0]);
        c->pair_ante[pl[0]] = '/';
        memcpy(c->pair_ante + pl[0] + 1, p[1], pl[1] + 1);
        c->pair_age = 0;
    } else if (many || ++c->pair_age > 2) {   /* one party alone ("The UN called for a truce") keeps it */
        c->pair_ante[0] = 0;
    }
}

static void emit_events(ent_coder *c, const ent_sentence *sent, ent_events *out) {
    size_t n = c->nev;
    const char *issues = NULL;
    int harm = -1;
    for (size_t i = 0; i < n; i++) {
        rawev *e = &c->ev[i];
        if (!ent_refine_raw_event(c, sent, e, &harm)) continue;
        if (event_dropped(c, e)) {
            if (TRACING(c))
                trace(c, "raw event %s>%s %s dropped: %s", e->src, e->tgt, e->code,
                      c->o.require_dyad ? "require_dyad wants a source and a target" : "require_source wants a source");
            continue;
        }
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++) {
            rawev *f = &c->ev[j];
            if (event_dropped(c, f)) continue;
            dup = !strcmp(e->src, f->src) && !strcmp(e->tgt, f->tgt) && !strcmp(e->code, f->code);
        }
        if (dup) continue;
        ent_event *ev = ent_events_push(out);
        ev->source = ent_events_str(out, e->src);
        ev->target = ent_events_str(out, e->tgt);
        ev->code = ent_events_str(out, e->code);
        const ent_cameo_info *ci = ent_cameo_lookup(e->code);
        if (ci) {
            ev->root = ent_events_str(out, ci->root);
            ev->quad = ci->quad;
            ev->goldstein = ci->goldstein;
            ev->plover = ent_events_str(out, ci->plover);
        } else {
            char root[3] = {0};
            if (isdigit((unsigned char)e->code[0]) && isdigit((unsigned char)e->code[1])) {
                root[0] = e->code[0]; root[1] = e->code[1];
            }
            ev->root = ent_events_str(out, root);
            ev->plover = ent_events_str(out, "");
        }
        ev->source_root = item_root(c, e->sitem);
        ev->target_root = item_root(c, e->titem);
        ev->source_text = ent_events_str(out, e->sitem >= 0 ? item_text(c, (size_t)e->sitem) : "");
        ev->target_text = ent_events_str(out, e->titem >= 0 ? item_text(c, (size_t)e->titem) : "");
        ev->verb_text = ent_events_str(out, verb_text(c, e->vt));
        ev->source_span = item_span(c, e->sitem);
        ev->target_span = item_span(c, e->titem);
        ev->verb_span = e->vspan;
        if (!issues) issues = ent_events_str(out, sentence_issues(c, sent));
        ev->issues = issues;
    }
}

/* resolve_pronouns: a name coded from the appositive role after it ("Kaarel Vessik, the
 * Estonian prime minister,": ESTGOV; appositive_roles) is a person named in full: noted
 * with the role's words after "the" and its country as title ("PRIME MINISTER"), when the
 * name is 1 to 4 words written as names, the code has a country and the role names a
 * person (one of its words a person's noun). */
static void note_apposed(ent_coder *c, size_t name_item, size_t role_item, const char *code) {
    const char *w[16], *rw[16];
    uint32_t wh[16], rh[16];
    const ent_token *tk[16], *rt[16];
    size_t n = ne_words16(c, name_item, w, wh, tk), rn = ne_words16(c, role_item, rw, rh, rt);
    if (!n || n > 4 || !rn || strlen(code) < 6 || strchr(code, '/') ||
        !ent_enrich_country_code((char[4]){code[0], code[1], code[2], 0}))
        return;
    for (size_t k = 0; k < n; k++)
        if (!name_token(c, tk[k])) return;
    size_t t0 = title_start(c, rw, rh, rn);
    int person = title_names_person(rw, t0, rn);
    char name[64], title[48];
    if (!person || !join_words(w, 0, n, name, sizeof name) || !join_words(rw, t0, rn, title, sizeof title)) return;
    if (ent_people_note(&c->people, name, title, code) && TRACING(c))
        trace(c, "story person: %s, %s, is %s for the rest of the story", name, title, code);
}

/* Is the NE opening at item b one word, a U.S. legislator's party-and-state tag
 * ("R-TEXAS", "D-N.Y.": text.h ent_party_state_tag)? */
static int party_tag_ne(const cvec *items, size_t b) {
    const coder_item *x = &items->v[b];
    return x->mate == (int32_t)b + 2 && items->v[b + 1].kind == K_WORD && items->v[b + 1].w &&
           ent_party_state_tag(items->v[b + 1].w, strlen(items->v[b + 1].w));
}

/* clauses option: a person unknown to the dictionaries followed by an appositive role that
 * is known ("Nikki Haley, the US ambassador, criticised Moscow"; "The foreign minister,
 * Sergei Lavrov, ..." the other way round) is coded as the role: a phrase whose code has
 * no country takes the country-bearing code of the NE set off by commas right after it.
 * Runs before ent_cz_commas deletes the appositive; the code is cached in the phrase's item. */
static void appositive_roles(ent_coder *c) {
    cvec *items = &c->z.items;
    for (size_t k = 0; k + 3 < items->n; k++) {
        const coder_item *a = &items->v[k];
        if (a->kind != K_OPEN || a->lab != L_NE || a->mate <= (int32_t)k) continue;
        size_t q = (size_t)a->mate + 1;
        int paren = q < items->n && item_word_is(items, q, "-LRB-");   /* "Sen. Jane Doe (R-Texas)" */
        if (q >= items->n || items->v[q].kind != K_WORD || (items->v[q].lab != L_COMMA && !paren)) continue;
        size_t b = q + 1;
        while (b < items->n && items->v[b].kind == K_OPEN && items->v[b].lab == L_NP) b++;
        if (b >= items->n || items->v[b].kind != K_OPEN || items->v[b].lab != L_NE || items->v[b].mate <= (int32_t)b)
            continue;
        size_t e = (size_t)items->v[b].mate + 1;
        while (e < items->n && items->v[e].kind == K_CLOSE && items->v[e].lab == L_NP) e++;
        int tag = party_tag_ne(items, b);
        if (e >= items->n || items->v[e].kind != K_WORD ||
            (paren ? !tag || !item_word_is(items, e, "-RRB-") : items->v[e].lab != L_COMMA))
            continue;
        const char *ac = item_code(c, k), *bc = tag ? "USA" : item_code(c, b);
        if (strncmp(ac, "---", 3) || !strncmp(bc, "---", 3) || strchr(bc, '/')) continue;
        /* a country alone after a role with none: the role in that country ("Senator
         * Jane Doe, R-Texas," USALEG) */
        if (strlen(bc) == 3 && ac[3] && ent_enrich_country_code(bc)) bc = code_with_roles(c, bc, ac);
        if (TRACING(c)) trace(c, "appositive role: %s is coded %s (was %s)", item_text(c, k), bc, ac);
        items->v[k].code = bc;
        if (c->o.resolve_pronouns) note_apposed(c, k, b, bc);
        k = (size_t)items->v[b].mate;
    }
}

void ent_coder_set_explain(ent_coder *c, int on) {
    c->explain = on != 0;
    ent_buf_clear(&c->xbuf);
}

const char *ent_coder_explanation(const ent_coder *c) { return c->xbuf.data ? c->xbuf.data : ""; }

/* The explanation's opening (tokens and tags) and closing (the events out, or why
 * nothing came out). */
static void explain_tokens(ent_coder *c, const ent_sentence *s) {
    ent_buf_clear(&c->xbuf);
    ent_buf_puts(&c->xbuf, "tokens:");
    for (size_t i = 0; s && i < s->ntokens; i++)
        ent_buf_printf(&c->xbuf, " %s/%s", ent_sentence_token_text(s, i), s->tokens[i].tag);
    ent_buf_puts(&c->xbuf, "\nphrases (NE>actor code; comma clauses set aside; ~ closes):\n");
}

static void explain_result(ent_coder *c, ent_code_result r, const ent_events *out, size_t from) {
    if (!c->explain) return;
    if (r != ENT_CODED) {
        ent_buf_printf(&c->xbuf, "not coded: %s\n",
                       r == ENT_DISCARD_STORY ? "the story matched a discard phrase"
                       : r == ENT_DISCARD_SENTENCE ? "the sentence matched a discard phrase" : c->err);
        return;
    }
    size_t n = ent_events_count(out);
    if (n == from) ent_buf_puts(&c->xbuf, "events: none\n");
    for (size_t i = from; i < n; i++) {
        const ent_event *e = ent_events_get(out, i);
        ent_buf_printf(&c->xbuf, "event: %s>%s %s (%s) source \"%s\" target \"%s\" verb \"%s\"\n", e->source, e->target,
                       e->code, e->plover && *e->plover ? e->plover : "-", e->source_text, e->target_text, e->verb_text);
    }
}

static ent_code_result code_sentence(ent_coder *c, const ent_sentence *s, long date, ent_events *out);

ent_code_result ent_coder_code(ent_coder *c, const ent_sentence *s, long date, ent_events *out) {
    if (!c->explain) return code_sentence(c, s, date, out);
    explain_tokens(c, s);
    size_t from = ent_events_count(out);
    ent_code_result r = code_sentence(c, s, date, out);
    explain_result(c, r, out, from);
    return r;
}

/* clauses option: the sentence's closing attribution, ", SPEAKER VERB ..." after its last
 * comma ("Russia is arming the rebels, Ukraine charged on Monday."; "..., a human rights
 * group protested here Wednesday.").  Returns the comma's item when the clause is an actor
 * phrase with a code, then a verb phrase opening with a finite verb whose own code is an
 * accusation, a rejection or a warning (CAMEO roots 11-13: the speaker's act toward the
 * one the sentence is about), or a protest, which said of words is verbal (111); *code
 * gets that code.  0 otherwise (a neutral "..., the
 * minister said" leaves the sentence's own events alone). */
static size_t closing_attribution(ent_coder *c, const char **code) {
    const cvec *items = &c->z.items;
    long kend = (long)items->n - 1;
    while (kend >= 2 && items->v[kend].kind == K_CLOSE) kend--;   /* the final punctuation */
    long ka = kend - 1;
    while (ka >= 2 && !(items->v[ka].kind == K_WORD && items->v[ka].lab == L_COMMA)) ka--;
    if (ka < 2) return 0;
    size_t k = (size_t)ka + 1;
    if (k >= items->n || items->v[k].kind != K_OPEN || items->v[k].lab != L_NE || items->v[k].mate < 0) return 0;
    size_t v = (size_t)items->v[k].mate + 1;
    if (v + 1 >= items->n || items->v[v].kind != K_OPEN || items->v[v].lab != L_VP) return 0;
    const coder_item *w = &items->v[v + 1];
    if (w->kind != K_WORD || !w->w || !w->label || (strcmp(w->label, "VBD") && strcmp(w->label, "VBZ") && strcmp(w->label, "VBP")))
        return 0;
    /* the clause before the comma has a verb of its own (else the comma closes a fronted
     * phrase, "On Tuesday, Nigeria summoned ..."), and the attribution is short: the
     * speaker, the verb and a few words of time or place */
    int vp_before = 0, words_after = 0;
    for (long i = 0; i < ka && !vp_before; i++) vp_before = items->v[i].kind == K_OPEN && items->v[i].lab == L_VP;
    for (long i = ka + 1; i < kend; i++) words_after += items->v[i].kind == K_WORD;
    if (!vp_before || words_after > 10) return 0;
    const ent_verb_form *f = ent_dict_verb_forms(c->d, w->w);
    while (f && (f->nbefore || f->nafter)) f = f->next;   /* the single-word form */
    const char *vc = f && f->verb ? f->verb->code : NULL;
    if (vc && !strncmp(vc, "14", 2)) vc = "111";   /* "..., the group protested": a verbal protest (CAMEO 11) */
    if (!vc || (strncmp(vc, "11", 2) && strncmp(vc, "12", 2) && strncmp(vc, "13", 2))) return 0;
    if (code_is_null(item_code(c, k))) return 0;   /* last: the speaker's code costs a lookup */
    *code = vc;
    return (size_t)ka;
}

/* clauses option: the event of a closing attribution (comma item ka, code): from its
 * speaker to the subject of the sentence's main clause, the first coded actor phrase before
 * the first verb phrase ("Croatian authorities are failing ..., a human rights group
 * protested": the group protests at the authorities).  None when that subject is the
 * speaker or there is none. */
static void attribution_event(ent_coder *c, size_t ka, const char *code) {
    const cvec *items = &c->z.items;
    size_t sp = ka + 1, verb = (size_t)items->v[sp].mate + 2;
    int32_t subj = -1;
    for (size_t k = 0; k < ka && subj < 0; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind == K_OPEN && x->lab == L_VP) break;
        if (x->kind == K_OPEN && x->lab == L_NE && !code_is_null(item_code(c, k))) subj = (int32_t)k;
    }
    if (subj < 0) return;
    codeent s = {item_code(c, sp), (int32_t)sp}, t = {item_code(c, (size_t)subj), subj};
    vevid *vt = ent_arena_alloc(&c->arena, sizeof *vt + sizeof(int32_t));
    vt->text = NULL;
    vt->n = 0;
    if (items->v[verb].tok >= 0) vt->tok[vt->n++] = items->v[verb].tok;
    c->cur_vtok = -1;
    size_t n0 = c->nev;
    add_raw(c, &s, &t, code, vt, items_span(c, verb, verb));
    if (TRACING(c) && c->nev > n0)
        trace(c, "closing attribution: %s %s the main clause's subject: raw event %s>%s %s", s.code, items->v[verb].w, s.code, t.code, code);
}

/* Does word v in place of the word at item i make an actor phrase: one of two or more
 * words with a neighbour as written ("Francois Mitterand": FRANCOIS_MITTERRAND), or a
 * country's one-word name ("Ethopia": ETHIOPIA)?  A lone surname or place one letter
 * from a name ("Sinjar", SINWAR) is not enough. */
static int fuzzy_fits(ent_coder *c, size_t i, const char *v) {
    const cvec *it = &c->z.items;
    const char *w[9];
    uint32_t wh[9];
    size_t a = i, b = i + 1;
    while (a > 0 && i - a < 4 && it->v[a - 1].kind == K_WORD && it->v[a - 1].w) a--;
    while (b < it->n && b - i < 5 && it->v[b].kind == K_WORD && it->v[b].w) b++;
    size_t n = 0, at = 0;
    uint64_t sig = 0;
    for (size_t k = a; k < b; k++, n++) {
        if (k == i) at = n;
        w[n] = k == i ? v : it->v[k].w;
        wh[n] = k == i ? ent_cz_word_hash(v) : it->v[k].h;
        sig |= word_bit(wh[n]);
    }
    phr_src pa = {&c->fa, c->sx.actor_sig, c->sx.actor_h1, c->d->actor_phrases, NULL};
    if (!c->fa.bits) return 0;
    for (size_t j = 0; j <= at; j++) {
        size_t len = 0;
        int64_t k = best_phrase_at(&pa, w, wh, n, j, sig, &len);
        if (k < 0 || j + len <= at) continue;
        if (len >= 2) return 1;
        /* a country's name standing alone, not inside a person's ("Jordon Ibe",
         * "Kenyon Martin" are no JORDAN, KENYAN) */
        const char *code = ent_actor_code_on(c->d->actor_phrases[k].actor, c->date);
        int32_t t = it->v[i].tok;
        const ent_sentence *s = c->sent;
        int named = s && t >= 0 && (size_t)t < s->ntokens &&
                    ((t > 0 && !strncmp(s->tokens[t - 1].tag, "NNP", 3) && isupper((unsigned char)s->tokens[t - 1].text[0])) ||
                     ((size_t)t + 1 < s->ntokens && !strncmp(s->tokens[t + 1].tag, "NNP", 3) &&
                      isupper((unsigned char)s->tokens[t + 1].text[0])));
        if (code && strlen(code) == 3 && ent_enrich_country_code(code) && !named) return 1;
    }
    return 0;
}

/* fuzzy_names: a proper noun the dictionaries, the gazetteer and the lexicon do not know,
 * written like a name (capitalised, not all capitals, tagged NNP, 6+ letters), is read as the one actor
 * word one letter away ("President Francois Mitterand" FRANCOIS MITTERRAND, "Ethopia"
 * ETHIOPIA): the coder reads (and the phrase text shows) the name found; offsets still
 * point at the text as written. */
static void fuzzy_names(ent_coder *c, const ent_sentence *s) {
    cvec *it = &c->z.items;
    for (size_t i = 0; i < it->n; i++) {
        coder_item *x = &it->v[i];
        if (x->kind != K_WORD || x->tok < 0 || (size_t)x->tok >= s->ntokens || !x->w) continue;
        const ent_token *t = &s->tokens[x->tok];
        size_t n = strlen(t->text);
        if (n < 6 || strncmp(t->tag, "NNP", 3) || !ent_word_pure_name(t->text, n)) continue;
        const char *tags[ENT_LEX_MAXTAGS];
        if (ent_lex_lookup(t->text, n, tags)) continue;
        if (c->d->nplaces && ent_dict_place_match(c->d, &x->w, 1, 0, NULL)) continue;   /* a town ("Malang") */
        if (!c->fuzzy) c->fuzzy = ent_fuzzy_new(c->d);
        const char *v = ent_fuzzy_match(c->fuzzy, x->w, strlen(x->w));
        if (!v) continue;
        if (!fuzzy_fits(c, i, v)) {
            if (TRACING(c)) trace(c, "misspelled name? %s is one letter from %s, which names nothing here", x->w, v);
            continue;
        }
        if (TRACING(c)) trace(c, "misspelled name? %s read as %s", x->w, v);
        x->w = v;
        x->h = ent_cz_word_hash(v);
    }
}

/* Is the token text t a match score ("2-1", "4-0"; a hyphen or an en dash, one or two
 * digits a side: a vote such as "a 52-48 vote" has the same shape, which is why match_report
 * wants a name right before it)? */
static int score_token(const char *t) {
    size_t a = 0, b = 0;
    while (isdigit((unsigned char)t[a])) a++;
    if (a < 1 || a > 2) return 0;
    const char *r = t[a] == '-' ? t + a + 1 : !strncmp(t + a, "\xe2\x80\x93", 3) ? t + a + 3 : NULL;
    if (!r) return 0;
    while (isdigit((unsigned char)r[b])) b++;
    return b >= 1 && b <= 2 && !r[b];
}

/* Is sentence s a match report, whose "beat", "defeated", "attacked" between two teams
 * are no political event?  Two marks, each read from tokens and tags only:
 *   a score right after a name ("beat Germany 2-1", "edged the United States 3-2");
 *   a contest noun heading a place-or-time phrase, nothing nominal or "of" after it: "in
 *   the final", "at the finals", "in Tuesday's match", "at the tournament" (not "the
 *   final round of talks", "the final communique", "the final of the talks", "in a
 *   shouting match"; "game" is left out: "a pawn in a bigger game").
 * The dictionary's sports phrases (Premier League, semifinal, ...) are matched before. */
static int match_report(const ent_sentence *s) {
    static const char *const contest[] = {"FINAL", "FINALS", "MATCH", "MATCHES", "TOURNAMENT", NULL};
    static const char *const quarrel[] = {"SHOUTING", "SLANGING", NULL};   /* "a shouting match" */
    for (size_t i = 1; i < s->ntokens; i++) {
        const ent_token *t = &s->tokens[i], *p = &s->tokens[i - 1];
        if (score_token(t->text) && (!strcmp(p->tag, "NNP") || !strcmp(p->tag, "NNPS"))) return 1;
        if (!ent_str_in_list(t->upper, contest) || ent_str_in_list(p->upper, quarrel)) continue;
        const char *nt = i + 1 < s->ntokens ? s->tokens[i + 1].tag : ".";
        if (nt[0] == 'N' || nt[0] == 'J' || !strcmp(nt, "CD") || !strcmp(nt, "VBG") ||
            (i + 1 < s->ntokens && !strcmp(s->tokens[i + 1].upper, "OF")))
            continue;
        /* back over the phrase's determiner and modifiers to its preposition */
        int det = 0;
        size_t k = i;
        while (k-- > 0 && i - k <= 5) {
            const char *g = s->tokens[k].tag;
            if (!strcmp(g, "DT") || !strcmp(g, "PRP$") || !strcmp(g, "POS")) det = 1;
            else if (!strcmp(g, "IN")) { if (det) return 1; break; }
            else if (!(g[0] == 'J' || g[0] == 'N' || !strcmp(g, "CD") || !strcmp(g, "HYPH"))) break;
        }
    }
    return 0;
}

/* clauses option, in a match report (match_report): the raw events between two bare
 * countries, which is how news names national teams ("France beat Germany 2-1"), are
 * dropped; events with a role on either side stay ("police beat fans during the match":
 * ---COP, a real event at a sports ground). */
static void drop_team_events(ent_coder *c) {
    size_t keep = 0;
    for (size_t i = 0; i < c->nev; i++) {
        const rawev *e = &c->ev[i];
        int team = e->src && e->tgt && strlen(e->src) == 3 && strlen(e->tgt) == 3 && ent_enrich_country_code(e->src) &&
                   ent_enrich_country_code(e->tgt);
        if (team && TRACING(c)) trace(c, "match report: %s>%s %s is a contest between teams, dropped", e->src, e->tgt,
                                      e->code);
        if (!team) c->ev[keep++] = *e;
    }
    c->nev = keep;
}

static ent_code_result code_sentence(ent_coder *c, const ent_sentence *s, long date, ent_events *out) {
    c->err = "";
    c->nev = 0;
    c->sent = s;
    ent_arena_reset(&c->arena);
    if (c->story_discarded) return ENT_DISCARD_STORY;
    if (!s || s->ntokens == 0) { c->err = "empty_sentence"; return ENT_SKIPPED; }
    ent_cz_hash_tokens(&c->z, s);
    if (c->d && c->d->ndiscards) {
        ENT_GROW(c->z.words, s->ntokens, c->z.words_cap);
        for (size_t i = 0; i < s->ntokens; i++) c->z.words[i] = s->tokens[i].upper;
        int dm = ent_discard_index_match(&c->fd, c->dsig, c->d, c->z.words, c->z.th, s->ntokens);
        if (dm == 2) { c->story_discarded = 1; return ENT_DISCARD_STORY; }
        if (dm == 1) return ENT_DISCARD_SENTENCE;
    }
    c->z.relative_phrases = c->o.clauses;
    if (ent_cz_linearize(&c->z, s) != 0) { c->err = "bad_input_parse"; return ENT_SKIPPED; }
    if (ent_cz_is_dateline(&c->z.items)) { c->err = "dateline"; return ENT_SKIPPED; }
    if (!c->d) return ENT_CODED;
    const ent_coder_options *o = &c->o;
    c->date = date;
    if (o->fuzzy_names) fuzzy_names(c, s);
    if (o->clauses) appositive_roles(c);
    /* a closing attribution that accuses, rejects or warns is kept (not cut as a trailing
     * comma clause) and coded on its own, after the clauses before it */
    const char *acode = NULL;
    int attrib = o->clauses && closing_attribution(c, &acode);
    ent_cz_commas(&c->z, o->comma_min, o->comma_max, o->comma_bmin, o->comma_bmax, attrib ? 0 : o->comma_emin,
                  attrib ? 0 : o->comma_emax, o->clauses);
    expand_compounds(c);
    size_t start = (c->z.items.n && c->z.items.v[0].kind == K_OPEN) ? 1 : 0;
    if (TRACING(c)) dump_items(c);
    build_gseq(&c->z.items, &c->gs);
    mark_plural_heads(&c->gs, s);
    size_t ka = attrib ? closing_attribution(c, &acode) : 0;   /* where it is now */
    check_verbs(c, start, start, ka ? ka : c->z.items.n, 0, NULL);
    if (ka) attribution_event(c, ka, acode);
    if (c->nev && o->clauses && c->d->ndiscards && match_report(s)) drop_team_events(c);
    size_t n_before = ent_events_count(out);
    emit_events(c, s, out);
    if (o->place_country) ent_enrich_events(c->d, s, date, out, n_before); /* "---OPP" + "in Yangon" -> "MMROPP" */
    if (o->future_intent) ent_intent_events(s, out, n_before);            /* "will provide aid": 0331 */
    if (o->require_source) drop_countryless(c, out, n_before, 0);
    char cc_before[4] = {0};   /* the story's one country before this sentence */
    int mixed_before = c->story_cc_mixed;
    if (!mixed_before) memcpy(cc_before, c->story_cc, 4);
    if (o->clauses) ent_refine_events(c, s, out, n_before);
    if (o->require_source) drop_countryless(c, out, n_before, 1);
    if (o->resolve_pronouns) remember_sources(c, out, n_before);   /* after: "the army" is NGAMIL */
    if (o->resolve_pronouns) note_people(c, cc_before, mixed_before);
    return ENT_CODED;
}

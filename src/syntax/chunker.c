/* chunker.c — a Penn-style phrase tree over tagged tokens, shaped like the parses the
 * coder reads: (ROOT (S (NP ...) (VP (VBZ is) (VP (VBN expected) (S (VP (TO to) (VP ...)))))
 * (. .))).  Base NPs from tag patterns (possessives nest: (NP (NP Arnor 's) president);
 * single proper nouns coordinate flat: (NP A , B and C)); "of" PPs attach to their NP,
 * other PPs to the VP; auxiliaries and infinitives nest VPs; subordinating words and
 * "that"/"which" open SBARs; a clause after a reporting verb becomes (SBAR (S ...));
 * coordinated clauses and VPs are wrapped as in the Treebank.
 *
 * Subjects take PPs, coordination, appositives and comma parentheticals when a verb
 * follows ("Lawmakers in Fornost, in remarks on Monday, welcomed"); a closing
 * ", officials said" makes (S (S ...) (, ,) (NP officials) (VP said)).
 * Also shaped as the parser does: coordinated adjectives (ADJP awful and evil), a
 * measure before a subordinator (SBAR (NP five years) (IN after) (S ...)), a lone
 * adjective after a verb (ADJP dead), a PP after a coordinated object on its last
 * conjunct, and a leading upper-case dateline ("CEBU CITY: --") as an NP fragment,
 * which the coder then skips as PETRARCH does.
 *
 * Deterministic recursive descent.  Lookahead is bounded (a subject scan looks at most
 * 8 pieces of 25 tokens) and base-NP ends are memoised, so time is linear; nesting
 * deeper than MAX_DEPTH is attached flat, which bounds the tree depth (and the
 * recursion) whatever the input.  Scratch memory is per thread and reused. */
#include "syntax/tagger.h"
#include "text/text.h"

#include <ctype.h>
#include <stdlib.h>

#define MAX_DEPTH 40

typedef struct cnode {
    const char *label;           /* a string literal: phrase labels are constants */
    int32_t tok;                 /* token for a leaf, -1 for a phrase */
    int32_t parent, first, last, next, prev;
} cnode;

typedef struct chunk_state {
    const ent_tagword *w;
    size_t n;
    cnode *nodes;
    size_t nn, cap;
    int depth;
    uint32_t *np_memo;           /* per token: (end - i + 1) << 1 | poss of its base NP, 0 = not yet */
    size_t subj_end;             /* verb position of the subject being parsed, SIZE_MAX if none */
    int no_coord;                /* parsing one conjunct of a coordination: no nested lists */
    int32_t obj_vp;              /* the VP whose direct object is being parsed, -1 if none */
} chunk_state;

static const char *tag_at(const chunk_state *k, size_t i) { return i < k->n ? k->w[i].tag : ""; }
static inline int tag_eq(const chunk_state *k, size_t i, const char *t) {
    if (i >= k->n) return 0;
    const char *a = k->w[i].tag;
    while (*a && *a == *t) { a++; t++; }
    return *a == *t;
}
/* tag_is(k, i, "NN"): token i exists and has that tag (a string literal of at most 7
 * characters, compared as one integer).
 * A literal of up to 7 characters as a 64-bit constant (byte k in bits 8k..), and the
 * mask of its bytes with the NUL; the index is clamped so no byte past it is named. */
#define LITB(s, k) (sizeof(s) > (k) ? (uint64_t)(unsigned char)(s)[sizeof(s) > (k) ? (k) : 0] << (8 * (k)) : 0)
#define LIT8(s) (LITB(s, 0) | LITB(s, 1) | LITB(s, 2) | LITB(s, 3) | LITB(s, 4) | LITB(s, 5) | LITB(s, 6) | LITB(s, 7))
#define MASK8(s) (sizeof(s) >= 8 ? ~(uint64_t)0 : (((uint64_t)1 << (8 * sizeof(s))) - 1))
#define tag_is(k, i, lit) tag_is_((k), (i), LIT8(lit), MASK8(lit))
static inline __attribute__((always_inline)) int tag_is_(const chunk_state *k, size_t i, uint64_t lit, uint64_t mask) {
    if (i >= k->n) return 0;
    /* one masked 64-bit comparison: a tag array has ENT_LABEL_MAX >= 8 bytes */
    uint64_t v;
    memcpy(&v, k->w[i].tag, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return (v & mask) == lit;
}
_Static_assert(ENT_LABEL_MAX >= 8, "tag_is reads 8 bytes of a tag");
static inline int flag(const chunk_state *k, size_t i, unsigned f) { return i < k->n && (k->w[i].flags & f); }
static int is_noun(const chunk_state *k, size_t i) { const char *t = tag_at(k, i); return t[0] == 'N' && t[1] == 'N'; }
static int is_verb(const chunk_state *k, size_t i) { const char *t = tag_at(k, i); return t[0] == 'V' && t[1] == 'B'; }
static int is_adj(const chunk_state *k, size_t i) { const char *t = tag_at(k, i); return t[0] == 'J' && t[1] == 'J'; }
static int is_adv(const chunk_state *k, size_t i) { const char *t = tag_at(k, i); return t[0] == 'R' && t[1] == 'B'; } /* RB RBR RBS */

static int32_t node(chunk_state *k, int32_t parent, const char *label, int32_t tok) {
    ENT_GROW(k->nodes, k->nn + 1, k->cap);
    int32_t id = (int32_t)k->nn++;
    cnode *c = &k->nodes[id];
    c->label = label;
    c->tok = tok;
    c->parent = parent;
    c->first = c->last = c->next = c->prev = -1;
    if (parent >= 0) {
        cnode *p = &k->nodes[parent];
        c->prev = p->last;
        if (p->last >= 0) k->nodes[p->last].next = id;
        else p->first = id;
        p->last = id;
    }
    return id;
}

/* a leaf's label is its word's tag, read from k->w when the tree is emitted */
static void leaf(chunk_state *k, int32_t parent, size_t i) { node(k, parent, "", (int32_t)i); }

/* Put the last child of p under a new phrase that becomes p's last child. */
static int32_t wrap_last(chunk_state *k, int32_t p, const char *label) {
    int32_t c = k->nodes[p].last;
    if (c < 0) return node(k, p, label, -1);
    int32_t before = k->nodes[c].prev;
    if (before >= 0) k->nodes[before].next = -1; else k->nodes[p].first = -1;
    k->nodes[p].last = before;
    int32_t w = node(k, p, label, -1);
    k->nodes[c].parent = w;
    k->nodes[c].prev = k->nodes[c].next = -1;
    k->nodes[w].first = k->nodes[w].last = c;
    return w;
}

/* ---- base noun phrases -------------------------------------------------------------- */

static int finite_at(const chunk_state *k, size_t j);

static int np_word(const chunk_state *k, size_t i) {
    return is_noun(k, i) || is_adj(k, i) || tag_is(k, i, "CD") || tag_is(k, i, "$") || tag_is(k, i, "#");
}

static size_t np_end_scan(const chunk_state *k, size_t i, int *poss);

/* End of the base NP starting at i (i when none); *poss is set when it ends in POS.
 * Memoised: the lookahead asks for the same positions many times. */
static size_t np_end(const chunk_state *k, size_t i, int *poss) {
    if (i >= k->n) { *poss = 0; return i; }
    uint32_t m = k->np_memo[i];
    if (m) { *poss = (int)(m & 1); return i + (m >> 1) - 1; }
    size_t j = np_end_scan(k, i, poss);
    if (j - i < (1u << 30)) k->np_memo[i] = (uint32_t)(((j - i + 1) << 1) | (unsigned)*poss);
    return j;
}

static size_t np_end_scan(const chunk_state *k, size_t i, int *poss) {
    size_t j = i;
    *poss = 0;
    if (i >= k->n) return i;
    if (tag_is(k, j, "PRP") || tag_is(k, j, "EX") || tag_is(k, j, "WP")) return j + 1;
    if (tag_is(k, j, "PDT")) j++;
    if (tag_is(k, j, "DT") || tag_is(k, j, "PRP$") || tag_is(k, j, "WP$")) j++;
    if (is_adv(k, j) && (tag_is(k, j + 1, "CD") || (j > i && is_adj(k, j + 1))) && j + 1 < k->n) j++;
    /* "more than 100,000 troops", "less than half" */
    if ((tag_is(k, j, "JJR") || tag_is(k, j, "RBR")) && tag_is(k, j + 1, "IN") && (tag_is(k, j + 2, "CD") || tag_is(k, j + 2, "DT")) &&
        k->w[j + 1].len == 4 && memcmp(k->w[j + 1].text, "than", 4) == 0)
        j += 2;
    size_t head = j;
    for (;;) {
        /* a temporal noun after a noun starts its own NP: "Moscow today", "Arnor next week" */
        if (j > head && is_noun(k, j - 1) && (flag(k, j, ENT_W_TEMPORAL) || (flag(k, j, ENT_W_NEXTLAST) && is_noun(k, j + 1))))
            break;
        /* a number after a plural noun starts a new NP: "ties (two years) after" */
        if (j > head && tag_is(k, j - 1, "NNS") && tag_is(k, j, "CD")) break;
        if (np_word(k, j)) { j++; continue; }
        if ((tag_is(k, j, "VBN") || tag_is(k, j, "VBG")) && j > head && (np_word(k, j + 1) && !tag_is(k, j + 1, "CD"))) { j++; continue; }
        if ((tag_is(k, j, "VBN") || tag_is(k, j, "VBG")) && j == head && j > i && (is_noun(k, j + 1) || is_adj(k, j + 1))) { j++; continue; }
        /* coordinated adjectives: "awful and evil minister" */
        if (j > head && is_adj(k, j - 1) && tag_is(k, j, "CC") && is_adj(k, j + 1)) { j++; continue; }
        /* flat coordination of proper nouns: Arnor , Osgiliath and Gondor */
        if (j == head + 1 && head == i && tag_is(k, j - 1, "NNP") && (tag_is(k, j, "CC") || tag_is(k, j, ",")) &&
            tag_is(k, j + 1, "NNP") && !tag_is(k, j + 2, "NNP") && !tag_is(k, j + 2, "POS") &&
            !(i > 0 && tag_is(k, i - 1, ","))) {
            /* only a list of single proper nouns that ends in "CC NNP": taken whole */
            size_t m = j, items = 0;
            if (tag_is(k, j, ",")) {
                while (tag_is(k, m, ",") && tag_is(k, m + 1, "NNP") && !tag_is(k, m + 2, "NNP") && items < 50) {
                    m += 2;
                    items++;
                }
                if (tag_is(k, m, ",")) m++;
            }
            /* "in Xinjiang, Putin and Xi presented": the comma closes an introductory PP
             * (but "the ambassadors of A, B and C met", "talks between A, B and C began") */
            int intro = tag_is(k, j, ",") && i > 0 && tag_is(k, i - 1, "IN") && !flag(k, i - 1, ENT_W_OF) &&
                        !(k->w[i - 1].len == 7 && memcmp(k->w[i - 1].text, "between", 7) == 0) &&
                        !(k->w[i - 1].len == 5 && memcmp(k->w[i - 1].text, "among", 5) == 0) && finite_at(k, m + 2);
            if (!intro && tag_is(k, m, "CC") && tag_is(k, m + 1, "NNP") && !tag_is(k, m + 2, "NNP") && !tag_is(k, m + 2, "POS")) {
                j = m + 2;
                /* common nouns the list modifies: (NP (NP Eriadori and Calenardhon) leaders) */
                while (tag_is(k, j, "NN") || tag_is(k, j, "NNS")) j++;
            }
            break;
        }
        /* two bare common nouns coordinated flat: "Lawmakers and officials", "Danish media
         * and government"; after a determiner only when their number agrees (the
         * parser's choice): "the media and government" stays two NPs */
        if (j > head && is_noun(k, j - 1) && !tag_is(k, j - 1, "NNP") && tag_is(k, j, "CC") && is_noun(k, j + 1) &&
            !tag_is(k, j + 1, "NNP") && (head == i || tag_eq(k, j + 1, k->w[j - 1].tag)) && !is_noun(k, j + 2) &&
            !tag_is(k, j + 2, "POS") && !(j >= head + 2 && is_noun(k, j - 2))) { j += 2; continue; }
        break;
    }
    /* a trailing adjective or number with no noun after it still heads an NP ("five") */
    if (j == head) {
        if (j > i) return j;          /* bare determiner: "that", "this" */
        return i;
    }
    if (tag_is(k, j, "POS")) { *poss = 1; return j + 1; }
    return j;
}

/* "almost five years": an adverb that opens a noun phrase */
static int np_starts_with_adv(const chunk_state *k, size_t i) {
    return is_adv(k, i) && tag_is(k, i + 1, "CD");
}

static int sub_word(const chunk_state *k, size_t i);
static size_t parse_np(chunk_state *k, int32_t parent, size_t i);
static size_t parse_vp(chunk_state *k, int32_t parent, size_t i);
static int verb_start(const chunk_state *k, size_t i);
static size_t parse_clause(chunk_state *k, int32_t parent, size_t i, const char *label);

/* End of a full NP at i (possessive chains and "of" PPs) without building anything:
 * the lookahead behind clause and coordination decisions. */
static size_t np_full_end(const chunk_state *k, size_t i) {
    int poss;
    size_t j = np_end(k, i, &poss);
    if (j == i) return i;
    while (poss) { size_t m = np_end(k, j, &poss); if (m == j) break; j = m; }
    while (flag(k, j, ENT_W_OF)) {
        size_t m = np_end(k, j + 1, &poss);
        if (m == j + 1) break;
        j = m;
        while (poss) { size_t q = np_end(k, j, &poss); if (q == j) break; j = q; }
    }
    return j;
}

/* Where a verb group may start at j (after adverbs)? */
static int finite_at(const chunk_state *k, size_t j) {
    while (tag_is(k, j, "RB") || tag_is(k, j, "``")) j++;
    return tag_is(k, j, "MD") || (is_verb(k, j) && !tag_is(k, j, "VBG") && !(tag_is(k, j, "VBN") && !tag_is(k, j + 1, "IN")));
}

/* End of a subject starting at i when a verb group follows it, else i.  A subject is an
 * NP with any of: PPs ("Lawmakers in Fornost"), coordination ("Fornost and the evil
 * Gondor"), appositives and parentheticals between commas ("Osgiliath, the state's
 * fiercest foe,", ", in remarks published on Monday,", ", who arrived on Monday,").
 * Bounded lookahead (8 pieces of at most 25 tokens). */
enum { SUBJ_SIMPLE, SUBJ_CLOSED, SUBJ_FULL };

static size_t subject_end(const chunk_state *k, size_t i, int mode) {
    size_t j = np_full_end(k, i);
    if (j == i) return i;
    for (int pieces = 0; pieces < 8; pieces++) {
        if (finite_at(k, j)) return j;
        if (mode != SUBJ_SIMPLE && (tag_is(k, j, "IN") || tag_is(k, j, "TO")) && !sub_word(k, j) &&
            np_full_end(k, j + 1) > j + 1) {
            j = np_full_end(k, j + 1);
            continue;
        }
        if (tag_is(k, j, "CC") && np_full_end(k, j + 1) > j + 1) { j = np_full_end(k, j + 1); continue; }
        if (mode == SUBJ_SIMPLE) break;
        if (tag_is(k, j, ",") && tag_is(k, j + 1, "CC")) { j++; continue; }
        if (tag_is(k, j, ",")) {
            size_t e = np_full_end(k, j + 1);
            if (e > j + 1 && (tag_is(k, e, ",") || tag_is(k, e, "CC") || (mode == SUBJ_FULL && finite_at(k, e)))) {
                j = e;
                continue;
            }
            size_t m = j + 1, lim = j + 25;
            while (m < k->n && m < lim && !tag_is(k, m, ",") && !tag_is(k, m, ".") && !tag_is(k, m, ":")) m++;
            if (m > j + 1 && tag_is(k, m, ",")) { j = m + 1; continue; }
        }
        break;
    }
    return finite_at(k, j) ? j : i;
}

/* Is there a clause (subject + verb group) at i? */
static int clause_at(const chunk_state *k, size_t i) { return subject_end(k, i, SUBJ_CLOSED) > i; }

/* A clause at i whose verb is not the verb of the subject being parsed: inside "Talks
 * between Iran and the United States resumed" the CC does not start a new clause. */
static int new_clause_at(const chunk_state *k, size_t i) {
    size_t e = subject_end(k, i, SUBJ_CLOSED);
    return e > i && e != k->subj_end;
}

/* The words [i, j) of a base NP under np; coordinated adjectives form an ADJP as in
 * the Treebank: (NP (ADJP (JJ awful) (CC and) (JJ evil)) (NN minister)). */
static void base_leaves(chunk_state *k, int32_t np, size_t i, size_t j) {
    for (size_t m = i; m < j; m++) {
        if (is_adj(k, m) && m + 2 < j && (tag_is(k, m + 1, "CC") || tag_is(k, m + 1, ",")) && is_adj(k, m + 2)) {
            size_t e = m + 1;
            while (e + 1 < j && (tag_is(k, e, "CC") || tag_is(k, e, ",")) && is_adj(k, e + 1)) e += 2;
            int32_t adjp = node(k, np, "ADJP", -1);
            for (; m < e; m++) leaf(k, adjp, m);
            m--;
            continue;
        }
        leaf(k, np, m);
    }
}

static size_t parse_base_np(chunk_state *k, int32_t parent, size_t i, int32_t *out) {
    int poss;
    size_t j = np_end(k, i, &poss);
    int32_t np = node(k, parent, "NP", -1);
    /* a proper-noun list followed by common nouns nests: (NP (NP A , B and C) leaders) */
    size_t list_end = j;
    if (tag_is(k, i, "NNP") && j > i + 3 && (tag_is(k, j - 1, "NN") || tag_is(k, j - 1, "NNS"))) {
        size_t m = i + 1;
        while (m + 1 < j && (tag_is(k, m, ",") || tag_is(k, m, "CC")) && tag_is(k, m + 1, "NNP")) m += 2;
        if (m > i + 1 && tag_is(k, m - 2, "CC") && m < j) list_end = m;
    }
    if (list_end < j) {
        int32_t inner = node(k, np, "NP", -1);
        base_leaves(k, inner, i, list_end);
        base_leaves(k, np, list_end, j);
    } else base_leaves(k, np, i, j);
    *out = np;
    while (poss) {
        /* (NP (NP Arnor 's) president) */
        size_t m = np_end(k, j, &poss);
        if (m == j) break;
        int32_t outer = wrap_last(k, parent, "NP");
        base_leaves(k, outer, j, m);
        np = outer;
        j = m;
    }
    *out = np;
    return j;
}

static size_t parse_np(chunk_state *k, int32_t parent, size_t i) {
    int32_t np;
    size_t j = parse_base_np(k, parent, i, &np);
    if (j == i) return i;
    /* of-PPs: (NP (NP the president) (PP (IN of) (NP Arnor))) */
    while (flag(k, j, ENT_W_OF)) {
        int poss;
        if (np_end(k, j + 1, &poss) == j + 1) break;
        np = wrap_last(k, parent, "NP");
        int32_t pp = node(k, np, "PP", -1);
        leaf(k, pp, j);
        if (k->depth < MAX_DEPTH) {
            /* right-branching: (NP the Gondor (PP of (NP (NP the Prince) (PP of ...)))) */
            k->depth++;
            j = parse_np(k, pp, j + 1);
            /* a place after "of NNP" modifies it: (NP (NP Gondor) (PP in (NP Eriador))) */
            int32_t obj = k->nodes[pp].last, obj_last = obj >= 0 ? k->nodes[obj].last : -1;
            int obj_nnp = obj_last >= 0 && k->nodes[obj_last].tok >= 0 && tag_is(k, (size_t)k->nodes[obj_last].tok, "NNP");
            if (obj_nnp && tag_is(k, j, "IN") && k->w[j].len == 2 && memcmp(k->w[j].text, "in", 2) == 0 &&
                tag_is(k, j + 1, "NNP")) {
                int32_t inner = wrap_last(k, pp, "NP");
                int32_t loc = node(k, inner, "PP", -1);
                leaf(k, loc, j);
                int32_t dummy;
                j = parse_base_np(k, loc, j + 1, &dummy);
            }
            k->depth--;
            break;
        }
        int32_t inner;
        j = parse_base_np(k, pp, j + 1, &inner);
    }
    /* relative clause: (NP (NP ...) (, ,) (SBAR (WHNP (WP who)) (S (VP ...))) (, ,)) */
    if (k->depth < MAX_DEPTH && ((tag_is(k, j, ",") && (tag_is(k, j + 1, "WP") || tag_is(k, j + 1, "WDT"))) ||
                                 ((tag_is(k, j, "WP") || (tag_is(k, j, "WDT") && !flag(k, j, ENT_W_THAT))) && verb_start(k, j + 1)))) {
        int32_t outer = wrap_last(k, parent, "NP");
        int commas = tag_is(k, j, ",");
        if (commas) leaf(k, outer, j++);
        int32_t sb = node(k, outer, "SBAR", -1);
        int32_t wh = node(k, sb, "WHNP", -1);
        leaf(k, wh, j++);
        k->depth++;
        if (verb_start(k, j)) { int32_t s = node(k, sb, "S", -1); j = parse_vp(k, s, j); }
        else j = parse_clause(k, sb, j, "S");
        k->depth--;
        if (commas && tag_is(k, j, ",")) leaf(k, outer, j++);
        return j;
    }
    /* coordination: NP (, NP)* CC NP, unless a clause follows the CC */
    if (k->depth < MAX_DEPTH && !k->no_coord && (tag_is(k, j, "CC") || tag_is(k, j, ",")) &&
        np_full_end(k, j + 1) > j + 1 && !new_clause_at(k, j + 1)) {
        size_t m = j, last_end = j;
        int saw_cc = 0;
        while (tag_is(k, m, ",") || tag_is(k, m, "CC")) {
            if (tag_is(k, m, "CC")) saw_cc = 1;
            size_t e = np_full_end(k, m + 1);
            if (e == m + 1 || new_clause_at(k, m + 1)) break;
            m = e; last_end = e;
            if (saw_cc) break;
        }
        if (saw_cc && last_end > j) {
            int32_t co = wrap_last(k, parent, "NP");
            k->depth++;
            int saved = k->no_coord;
            k->no_coord = 1;
            while (j < last_end) {
                leaf(k, co, j);
                j = parse_np(k, co, j + 1);
            }
            k->no_coord = saved;
            /* a PP after a coordinated direct object goes with its last conjunct:
             * abandon (NP (NP full) (CC &) (NP (NP ties) (PP with (NP Gondor)))) */
            int32_t lastc = k->nodes[co].last;
            if (parent == k->obj_vp && lastc >= 0 && k->nodes[lastc].tok < 0 && tag_is(k, j, "IN") && !sub_word(k, j) &&
                !tag_is(k, j + 1, "VBG") && np_full_end(k, j + 1) > j + 1) {
                int32_t inner = wrap_last(k, co, "NP");
                int32_t pp = node(k, inner, "PP", -1);
                leaf(k, pp, j);
                j = parse_np(k, pp, j + 1);
            }
            k->depth--;
        }
    }
    /* appositive at the end of a phrase: "in Osgiliath, the state's fiercest foe." */
    if (tag_is(k, j, ",") && k->depth < MAX_DEPTH) {
        size_t e = np_full_end(k, j + 1);
        if (e > j + 1 && !clause_at(k, j + 1) && (e >= k->n || tag_is(k, e, ".") || tag_is(k, e, "''"))) {
            int32_t ap = wrap_last(k, parent, "NP");
            leaf(k, ap, j);
            k->depth++;
            j = parse_np(k, ap, j + 1);
            k->depth--;
        }
    }
    return j;
}

/* ---- verb phrases --------------------------------------------------------------------- */


static int sub_word(const chunk_state *k, size_t i) {
    if (tag_is(k, i, "WRB") || tag_is(k, i, "WDT")) return 1;
    if (!(tag_is(k, i, "IN") || tag_is(k, i, "RB"))) return 0;
    return flag(k, i, ENT_W_SUB);
}

static int verb_start(const chunk_state *k, size_t i) {
    while (tag_is(k, i, "RB")) i++;
    return tag_is(k, i, "MD") || (is_verb(k, i));
}

static size_t parse_vp(chunk_state *k, int32_t parent, size_t i);
static int verb_start(const chunk_state *k, size_t i);

/* Complements of a verb, appended to vp, until something that ends the VP. */
static size_t complements(chunk_state *k, int32_t vp, size_t i, size_t head) {
    size_t start = i;
    while (i < k->n) {
        size_t before = i;
        if (tag_is(k, i, "RP")) { int32_t prt = node(k, vp, "PRT", -1); leaf(k, prt, i++); continue; }
        /* an opening quote inside the VP: said they "oppose ..." */
        if (tag_is(k, i, "``") && i + 1 < k->n && !tag_is(k, i + 1, "''")) { leaf(k, vp, i++); continue; }
        if (is_adv(k, i) && !sub_word(k, i) && !np_starts_with_adv(k, i)) { int32_t a = node(k, vp, "ADVP", -1); leaf(k, a, i++); continue; }
        if (tag_is(k, i, "TO") && verb_start(k, i + 1) && k->depth < MAX_DEPTH) {
            int32_t s = node(k, vp, "S", -1);
            i = parse_vp(k, s, i);
            continue;
        }
        if (sub_word(k, i) && k->depth < MAX_DEPTH) {
            /* "after crowds trashed its embassy", "that they will meet" */
            size_t j = i + 1;
            if (clause_at(k, j) || verb_start(k, j)) {
                int32_t sb = node(k, vp, "SBAR", -1);
                if (tag_is(k, i, "WDT")) { int32_t wh = node(k, sb, "WHNP", -1); leaf(k, wh, i); }
                else leaf(k, sb, i);
                i = parse_clause(k, sb, j, "S");
                continue;
            }
        }
        if (tag_is(k, i, "IN") && tag_is(k, i + 1, "VBG") && k->depth < MAX_DEPTH) {
            /* "accused Arnor of attacking ..." -> (PP (IN of) (S (VP (VBG attacking) ...))) */
            int32_t pp = node(k, vp, "PP", -1);
            leaf(k, pp, i);
            int32_t s = node(k, pp, "S", -1);
            i = parse_vp(k, s, i + 1);
            continue;
        }
        if ((tag_is(k, i, "IN") || tag_is(k, i, "TO")) && np_full_end(k, i + 1) > i + 1) {
            int32_t pp = node(k, vp, "PP", -1);
            leaf(k, pp, i);
            i = parse_np(k, pp, i + 1);
            continue;
        }
        if (i > start || is_verb(k, i - 1)) {
            if (subject_end(k, i, SUBJ_SIMPLE) > i && k->depth < MAX_DEPTH) {
                /* a reported clause without "that": said (SBAR (S Gondor attacked)) */
                int32_t sb = node(k, vp, "SBAR", -1);
                i = parse_clause(k, sb, i, "S");
                continue;
            }
        }
        if (np_full_end(k, i) > i) {
            size_t e = np_full_end(k, i);
            /* a measure before a subordinator: (SBAR (NP almost five years) (IN after) (S ...)) */
            if ((np_starts_with_adv(k, i) || tag_is(k, i, "CD")) && tag_is(k, e, "IN") && sub_word(k, e) &&
                clause_at(k, e + 1) && k->depth < MAX_DEPTH) {
                int32_t sb = node(k, vp, "SBAR", -1);
                int32_t np;
                i = parse_base_np(k, sb, i, &np);
                if (tag_is(k, i, "IN")) {
                    leaf(k, sb, i);
                    i = parse_clause(k, sb, i + 1, "S");
                }
                continue;
            }
            /* adjectives alone after a verb: (VP shot (ADJP dead) ...) */
            int noun = 0;
            for (size_t m = i; m < e && !noun; m++) noun = !is_adj(k, m) && !tag_is(k, m, "CC");
            if (!noun && !tag_is(k, e, "CC")) {
                int32_t a = node(k, vp, "ADJP", -1);
                for (; i < e; i++) leaf(k, a, i);
                continue;
            }
            if (tag_is(k, e, "TO") && verb_start(k, e + 1) && k->depth < MAX_DEPTH && flag(k, head, ENT_W_BE)) {
                /* "is a neat place to visit": (NP a neat place (S (VP (TO to) ...))) */
                i = parse_np(k, vp, i);
                int32_t npn = k->nodes[vp].last;
                if (tag_is(k, i, "TO")) { int32_t sc = node(k, npn, "S", -1); i = parse_vp(k, sc, i); }
                continue;
            }
            if (tag_is(k, e, "TO") && verb_start(k, e + 1) && k->depth < MAX_DEPTH) {
                /* "urged Eriador to respond": (S (NP Eriador) (VP (TO to) ...)) */
                int32_t sc = node(k, vp, "S", -1);
                i = parse_np(k, sc, i);
                if (tag_is(k, i, "TO")) i = parse_vp(k, sc, i);
                continue;
            }
            int32_t saved_obj = k->obj_vp;
            k->obj_vp = vp;
            i = parse_np(k, vp, i);
            k->obj_vp = saved_obj;
            continue;
        }
        if (is_adj(k, i)) { int32_t a = node(k, vp, "ADJP", -1); leaf(k, a, i++); continue; }
        if (tag_is(k, i, "VBG") && k->depth < MAX_DEPTH) {
            int32_t s = node(k, vp, "S", -1);
            i = parse_vp(k, s, i);
            continue;
        }
        if (tag_is(k, i, ",") && i + 1 < k->n && k->depth < MAX_DEPTH) {
            /* ", saying ...", ", after ...", ", which ...", ", almost five years after ..." stay
             * inside the VP */
            size_t e = np_full_end(k, i + 1);
            if (e > i + 1 && sub_word(k, e) && (clause_at(k, e + 1) || verb_start(k, e + 1))) {
                leaf(k, vp, i++);
                continue;
            }
            if (tag_is(k, i + 1, "VBG") || (sub_word(k, i + 1) && !tag_is(k, i + 1, "IN")) ||
                (sub_word(k, i + 1) && (clause_at(k, i + 2) || verb_start(k, i + 2)))) {
                leaf(k, vp, i++);
                continue;
            }
        }
        if (tag_is(k, i, "CC") && verb_start(k, i + 1) && !clause_at(k, i + 1) && k->depth < MAX_DEPTH) {
            /* a finite verb after the CC coordinates with a finite VP higher up */
            size_t v = i + 1;
            while (tag_is(k, v, "RB")) v++;
            int finite = tag_is(k, v, "VBD") || tag_is(k, v, "VBZ") || tag_is(k, v, "VBP") || tag_is(k, v, "MD");
            if (finite && head < k->n && !(tag_is(k, head, "VBD") || tag_is(k, head, "VBZ") || tag_is(k, head, "VBP") ||
                                           tag_is(k, head, "MD")) && k->depth > 1)
                break;
            /* coordinated VPs: (VP (VP met ...) (CC and) (VP signed ...)) */
            int32_t par = k->nodes[vp].parent;
            if (par >= 0 && k->nodes[par].last == vp) {
                int32_t co = wrap_last(k, par, "VP");
                leaf(k, co, i);
                i = parse_vp(k, co, i + 1);
                return i;
            }
        }
        if (i == before) break;
    }
    return i;
}

/* A verb group with its complements: auxiliaries nest ((VP (MD will) (VP (VB meet) ..))).
 * Returns the end; consumes at least one token when called at a verb, TO or MD. */
static size_t parse_vp(chunk_state *k, int32_t parent, size_t i) {
    k->depth++;
    int32_t vp = node(k, parent, "VP", -1);
    /* leading adverbs */
    while (tag_is(k, i, "RB") && i + 1 < k->n && (is_verb(k, i + 1) || tag_is(k, i + 1, "MD") || tag_is(k, i + 1, "RB")))
        leaf(k, vp, i++);
    size_t head = i;
    for (;;) {
        if (i >= k->n) break;
        head = i;
        leaf(k, vp, i);
        int aux = tag_is(k, i, "MD") || tag_is(k, i, "TO") ||
                  (is_verb(k, i) && flag(k, i, ENT_W_BE | ENT_W_HAVE | ENT_W_DO | ENT_W_WILL));
        i++;
        while ((tag_is(k, i, "RB") && verb_start(k, i + 1)) || flag(k, i, ENT_W_NOT))
            leaf(k, vp, i++);
        if (aux && (is_verb(k, i) || tag_is(k, i, "MD"))) { vp = node(k, vp, "VP", -1); continue; }
        if (aux && tag_is(k, i, "TO") && verb_start(k, i + 1)) {
            /* "is about to" style: the TO opens an S */
            int32_t s = node(k, vp, "S", -1);
            vp = node(k, s, "VP", -1);
            continue;
        }
        if (aux && tag_is(k, i, "IN") && tag_is(k, i + 1, "TO") && verb_start(k, i + 2)) {
            /* (VP (VBZ is) (VP (IN about) (S (VP (TO to) ...)))) */
            int32_t inner = node(k, vp, "VP", -1);
            leaf(k, inner, i++);
            int32_t s = node(k, inner, "S", -1);
            vp = node(k, s, "VP", -1);
            continue;
        }
        break;
    }
    i = complements(k, vp, i, head);
    k->depth--;
    return i;
}

/* ---- clauses ------------------------------------------------------------------------- */

static size_t parse_subject_in(chunk_state *k, int32_t s, size_t i, size_t end);

/* The subject [i, end) found by subject_end: (NP (NP ...) (PP ...) (, ,) (NP ...) ...). */
static size_t parse_subject(chunk_state *k, int32_t s, size_t i, size_t end) {
    size_t saved = k->subj_end;
    k->subj_end = end;
    size_t j = parse_subject_in(k, s, i, end);
    k->subj_end = saved;
    return j;
}

static size_t parse_subject_in(chunk_state *k, int32_t s, size_t i, size_t end) {
    size_t j = parse_np(k, s, i);
    if (j >= end || j == i) return j;
    int32_t wrap = wrap_last(k, s, "NP");
    k->depth++;
    while (j < end) {
        size_t before = j;
        if (tag_is(k, j, "CC") || tag_is(k, j, ",")) leaf(k, wrap, j++);
        else if ((tag_is(k, j, "WP") || tag_is(k, j, "WDT")) && k->depth < MAX_DEPTH) {
            int32_t sb = node(k, wrap, "SBAR", -1);
            int32_t wh = node(k, sb, "WHNP", -1);
            leaf(k, wh, j++);
            if (verb_start(k, j)) { int32_t c = node(k, sb, "S", -1); j = parse_vp(k, c, j); }
            else j = parse_clause(k, sb, j, "S");
        } else if ((tag_is(k, j, "IN") || tag_is(k, j, "TO")) && np_full_end(k, j + 1) > j + 1) {
            int32_t pp = node(k, wrap, "PP", -1);
            leaf(k, pp, j);
            j = parse_np(k, pp, j + 1);
        } else if (np_full_end(k, j) > j) j = parse_np(k, wrap, j);
        else if (verb_start(k, j) && k->depth < MAX_DEPTH) j = parse_vp(k, wrap, j);
        else if (is_adv(k, j)) { int32_t a = node(k, wrap, "ADVP", -1); leaf(k, a, j++); }
        else leaf(k, wrap, j++);
        if (j == before) leaf(k, wrap, j++);
    }
    k->depth--;
    return j;
}

/* An opening prepositional phrase that holds a verb ("With the west opposing ...,",
 * "Despite Russia having warned ...,"): a preposition that does not start a subordinate
 * clause, then within 40 tokens a comma (outside quotes and brackets) that a clause
 * follows, with a verb form before the comma.  Returns the comma's index, or i. */
static size_t intro_phrase_end(const chunk_state *k, size_t i) {
    if (!tag_is(k, i, "IN") || sub_word(k, i) || np_full_end(k, i + 1) == i + 1) return i;
    int verb = 0, nest = 0;
    for (size_t j = i + 1; j < k->n && j < i + 40; j++) {
        if (tag_is(k, j, "``") || tag_is(k, j, "-LRB-")) nest++;
        else if ((tag_is(k, j, "''") || tag_is(k, j, "-RRB-")) && nest > 0) nest--;
        else if (tag_is(k, j, ".") || tag_is(k, j, ":")) return i;
        else if (is_verb(k, j)) verb = 1;
        else if (tag_is(k, j, ",") && !nest) return verb && clause_at(k, j + 1) ? j : i;
    }
    return i;
}

/* A clause: leading modifiers, a subject, a VP, and coordinated clauses.  Always
 * consumes at least one token when i < n. */
static size_t parse_clause(chunk_state *k, int32_t parent, size_t i, const char *label) {
    k->depth++;
    int32_t s = node(k, parent, label, -1);
    size_t start = i;
    int have_vp = 0;
    while (i < k->n) {
        size_t before = i;
        if (!have_vp) {
            size_t se = subject_end(k, i, k->depth == 1 ? SUBJ_FULL : SUBJ_CLOSED);
            if (se > i) {
                i = parse_subject(k, s, i, se);
                /* "Gollum recently allowed": (ADVP (RB recently)) before the VP */
                while ((tag_is(k, i, "RB") && verb_start(k, i + 1) && !flag(k, i, ENT_W_NOT)) || tag_is(k, i, "``")) {
                    if (tag_is(k, i, "``")) { leaf(k, s, i++); continue; }
                    int32_t a = node(k, s, "ADVP", -1);
                    leaf(k, a, i++);
                }
                i = parse_vp(k, s, i);
                have_vp = 1;
                continue;
            }
            if (verb_start(k, i) && !(tag_is(k, i, "VBN") && i == start)) { i = parse_vp(k, s, i); have_vp = 1; continue; }
            if (k->depth == 1 && i == start && k->depth < MAX_DEPTH) {
                size_t e = intro_phrase_end(k, i);
                if (e > i) {
                    /* "With the west opposing Russia's build-up and China's treatment of
                     * Uyghurs, Putin and Xi presented ...": the opening prepositional
                     * phrase runs to its comma, whatever verbs it holds; parsed inside a
                     * PP with the sentence cut at the comma (base NPs never cross a comma,
                     * so the memoised NP ends stay valid) */
                    size_t saved = k->n;
                    int32_t pp = node(k, s, "PP", -1);
                    leaf(k, pp, i++);
                    k->n = e;
                    while (i < e) {
                        size_t b = i;
                        if (np_full_end(k, i) > i) i = parse_np(k, pp, i);
                        else if (verb_start(k, i)) i = parse_vp(k, pp, i);
                        else if ((tag_is(k, i, "IN") || tag_is(k, i, "TO")) && np_full_end(k, i + 1) > i + 1) {
                            int32_t in = node(k, pp, "PP", -1);
                            leaf(k, in, i);
                            i = parse_np(k, in, i + 1);
                        } else leaf(k, pp, i++);
                        if (i == b) leaf(k, pp, i++);
                    }
                    k->n = saved;
                    continue;
                }
            }
            if (sub_word(k, i) && k->depth < MAX_DEPTH && (clause_at(k, i + 1))) {
                int32_t sb = node(k, s, "SBAR", -1);
                leaf(k, sb, i);
                i = parse_clause(k, sb, i + 1, "S");
                continue;
            }
            if ((tag_is(k, i, "IN") || tag_is(k, i, "TO")) && np_full_end(k, i + 1) > i + 1) {
                int32_t pp = node(k, s, "PP", -1);
                leaf(k, pp, i);
                i = parse_np(k, pp, i + 1);
                continue;
            }
            if (np_full_end(k, i) > i) { i = parse_np(k, s, i); continue; }
            if (is_adv(k, i) && !np_starts_with_adv(k, i)) { int32_t a = node(k, s, "ADVP", -1); leaf(k, a, i++); continue; }
            if (tag_is(k, i, ",") || tag_is(k, i, "``") || tag_is(k, i, "''") || tag_is(k, i, ":") ||
                tag_is(k, i, "-LRB-") || tag_is(k, i, "-RRB-")) { leaf(k, s, i++); continue; }
            if (i == start || k->depth > 1) { leaf(k, s, i++); continue; }
            break;
        }
        /* after the VP: coordinated clause "X met Y and Z signed W" */
        if ((tag_is(k, i, "CC") || (tag_is(k, i, ",") && tag_is(k, i + 1, "CC"))) && k->depth < MAX_DEPTH) {
            size_t j = tag_is(k, i, ",") ? i + 2 : i + 1;
            if (clause_at(k, j)) {
                int32_t co = wrap_last(k, parent, label);
                /* wrap_last put s under co; continue in co */
                while (i < j) leaf(k, co, i++);
                i = parse_clause(k, co, j, label);
                k->depth--;
                return i;
            }
        }
        if (k->depth > 1) break; /* embedded clauses end after their VP */
        if (tag_is(k, i, ",") && subject_end(k, i + 1, SUBJ_FULL) > i + 1 && k->depth < MAX_DEPTH) {
            /* a closing reporting clause: (S (S Arnor will ...) (, ,) (NP officials) (VP said)) */
            int32_t outer = wrap_last(k, parent, label);
            s = outer;
            leaf(k, s, i++);
            size_t se = subject_end(k, i, SUBJ_FULL);
            i = parse_subject(k, s, i, se);
            i = parse_vp(k, s, i);
            continue;
        }
        /* anything else at top level: attach as phrases or leaves */
        if (sub_word(k, i) && clause_at(k, i + 1) && k->depth < MAX_DEPTH) {
            int32_t sb = node(k, s, "SBAR", -1);
            leaf(k, sb, i);
            i = parse_clause(k, sb, i + 1, "S");
        } else if ((tag_is(k, i, "IN") || tag_is(k, i, "TO")) && np_full_end(k, i + 1) > i + 1) {
            int32_t pp = node(k, s, "PP", -1);
            leaf(k, pp, i);
            i = parse_np(k, pp, i + 1);
        } else if (np_full_end(k, i) > i) i = parse_np(k, s, i);
        else if (verb_start(k, i)) i = parse_vp(k, s, i);
        else leaf(k, s, i++);
        if (i == before) leaf(k, s, i++);
    }
    if (i == start && i < k->n) leaf(k, s, i++);
    k->depth--;
    return i;
}

/* ---- output --------------------------------------------------------------------------- */

/* A dateline opening the sentence: an upper-case place name (NNP words, "CEBU CITY" or
 * "MANILA, Philippines", at most 8 tokens) followed by ":" / "--" and more text.  Returns
 * the index after the dash tokens, 0 when there is none. */
static size_t dateline_end(const chunk_state *k) {
    size_t i = 0, letters = 0;
    if (!tag_is(k, 0, "NNP")) return 0;
    for (size_t c = 0; c < k->w[0].len; c++) {
        char ch = k->w[0].text[c];
        if (ch >= 'a' && ch <= 'z') return 0;
        if (ch >= 'A' && ch <= 'Z') letters++;
    }
    if (letters < 2) return 0;
    while (i < k->n && i < 8 && (tag_is(k, i, "NNP") || tag_is(k, i, "NNPS") || (i > 0 && tag_is(k, i, ",") && (tag_is(k, i + 1, "NNP") || tag_is(k, i + 1, "NNPS")))))
        i++;
    if (!tag_is(k, i, ":")) return 0;
    while (tag_is(k, i, ":")) i++;
    /* more than a closing punctuation mark must follow */
    return i + 1 < k->n ? i : 0;
}

void ent_chunk(ent_sentence *s, const ent_tagword *w, const ent_span *spans, size_t n) {
    ent_chunk_scratch *tl = &ent_sentence_work(s)->chunk; /* reused between sentences */
    size_t need = n ? n : 1;
    if (need > tl->mcap) {
        free(tl->memo);
        tl->memo = ent_xmalloc(need * sizeof *tl->memo);
        tl->mcap = need;
    }
    memset(tl->memo, 0, need * sizeof *tl->memo);
    chunk_state k = { w, n, tl->nodes, 0, tl->cap, 0, tl->memo, SIZE_MAX, 0, -1 };
    int32_t root = node(&k, -1, "ROOT", -1);
    size_t i = 0;
    size_t dl = dateline_end(&k);
    if (dl) {
        /* the parser reads "CEBU CITY: -- Officials said ..." as a fragment:
         * (ROOT (NP (NP CEBU CITY) (: :) (: --) (S ...) (. .))) */
        int32_t frag = node(&k, root, "NP", -1);
        int32_t place = node(&k, frag, "NP", -1);
        for (; i < n && !tag_is(&k, i, ":"); i++) {
            if (tag_is(&k, i, ",")) {
                leaf(&k, frag, i);
                place = node(&k, frag, "NP", -1);
            } else leaf(&k, place, i);
        }
        for (; i < dl; i++) leaf(&k, frag, i);
        size_t end = n;
        while (end > i && tag_is(&k, end - 1, ".")) end--;
        k.n = end; /* the final period closes the fragment, not its clause */
        while (i < end) {
            size_t j = parse_clause(&k, frag, i, "S");
            if (j <= i) j = i + 1;
            i = j;
        }
        k.n = n;
        for (; i < n; i++) leaf(&k, frag, i);
    }
    while (i < n) {
        size_t j = parse_clause(&k, root, i, "S");
        if (j <= i) j = i + 1; /* cannot happen; guarantees progress */
        i = j;
    }
    /* emit in preorder so every parent precedes its children */
    ENT_GROW(tl->map, k.nn, tl->scap);
    if (tl->stcap < tl->scap + 1) { /* the stack never holds more than every node once, plus the root */
        tl->stack = ent_xrealloc(tl->stack, (tl->scap + 1) * sizeof *tl->stack);
        tl->stcap = tl->scap + 1;
    }
    int32_t *map = tl->map, *stack = tl->stack;
    /* Write the sentence's nodes and tokens directly (what ent_sentence_add_phrase /
     * ent_sentence_add_token do, without their per-call growth checks and label
     * lengths): room for every node and leaf token is made once, and the texts of all
     * tokens share one arena block (each text followed by its upper-case copy when it
     * has lower-case ASCII letters, else the text doubles as its upper-case form). */
    size_t nleaves = 0, bytes = 0;
    for (size_t id = 0; id < k.nn; id++)
        if (k.nodes[id].tok >= 0) { nleaves++; bytes += 2 * (w[k.nodes[id].tok].len + 1); }
    ENT_GROW(s->nodes, s->nnodes + k.nn, s->nodes_cap);
    ENT_GROW(s->tokens, s->ntokens + nleaves, s->tokens_cap);
    char *text = bytes ? ent_arena_alloc(&s->arena, bytes) : NULL;
    size_t sp = 0;
    stack[sp++] = root;
    while (sp) {
        int32_t id = stack[--sp];
        const cnode *c = &k.nodes[id];
        int32_t par = c->parent >= 0 ? map[c->parent] : -1;
        int32_t nid = (int32_t)s->nnodes++;
        ent_node *o = &s->nodes[nid];
        o->parent = par;
        o->first_child = o->last_child = o->next_sibling = -1;
        if (par >= 0) {
            ent_node *pp = &s->nodes[par];
            if (pp->last_child >= 0) s->nodes[pp->last_child].next_sibling = nid;
            else pp->first_child = nid;
            pp->last_child = nid;
        }
        if (c->tok >= 0) {
            const ent_tagword *x = &w[c->tok];
            /* the tag array is NUL-terminated within ENT_LABEL_MAX bytes */
            memcpy(o->label, x->tag, ENT_LABEL_MAX);
            o->label[ENT_LABEL_MAX - 1] = 0;
            int32_t tid = (int32_t)s->ntokens++;
            ent_token *t = &s->tokens[tid];
            size_t len = x->len;
            /* one pass: the text, and its upper-case copy written after it in any case
             * (the room is reserved) but kept only when it differs */
            unsigned has_lower = 0;
            char *up = text + len + 1;
            const char *src = x->text;
            for (size_t b = 0; b < len; b++) {
                unsigned char ch = (unsigned char)src[b];
                unsigned low = (unsigned)(ch - 'a') < 26u;
                text[b] = (char)ch;
                up[b] = (char)(ch - (low << 5));   /* ent_upper */
                has_lower |= low | (ch >> 7);
            }
            text[len] = 0;
            t->text = text;
            if (has_lower) {
                up[ent_word_fold(up, len)] = 0;    /* accents folded (ASCII already is) */
                t->upper = up;
                text = up + len + 1;
            } else {
                t->upper = text;
                text += len + 1;
            }
            memcpy(t->tag, o->label, ENT_LABEL_MAX);
            t->node = nid;
            t->span = spans ? spans[c->tok] : (ent_span){ 0, 0 };
            o->token = tid;
            o->tok_first = tid;
            o->tok_end = tid + 1;
        } else {
            /* phrase labels are short literals */
            size_t b = 0;
            for (; c->label[b] && b < ENT_LABEL_MAX - 1; b++) o->label[b] = c->label[b];
            o->label[b] = 0;
            o->token = -1;
            o->tok_first = INT32_MAX;   /* ent_sentence_finish fills the spans */
            o->tok_end = -1;
        }
        map[id] = nid;
        /* push children in reverse so they come out in order */
        for (int32_t ch = c->last; ch >= 0; ch = k.nodes[ch].prev) stack[sp++] = ch;
    }
    tl->nodes = k.nodes;
    tl->cap = k.cap;
    if (tl->cap > 262144 || tl->mcap > 65536) {
        /* do not keep the scratch of a huge sentence */
        free(tl->nodes); free(tl->memo); free(tl->map); free(tl->stack);
        memset(tl, 0, sizeof *tl);
    }
    ent_sentence_finish(s);
}

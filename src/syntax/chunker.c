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
 * Deterministic recursive descent: parse_clause, parse_vp, parse_np and parse_subject
 * build the phrases, and the contextual decisions inside them (what opens a PP, an SBAR,
 * a nested S, what a coordination or a comma does, where a phrase ends) are rows of
 * condition -> action tables read in order by apply_chunk_rules, each row with the
 * example that motivates it: CLAUSE_RULES and AFTER_VP_RULES (a clause before and after
 * its verb), VERB_GROUP_RULES (auxiliaries), VP_RULES (a verb's complements),
 * SUBJECT_RULES (a subject's pieces) and INTRO_RULES (an opening prepositional phrase).
 * Lookahead is bounded (a subject scan looks at most 8 pieces of 25 tokens) and the ends
 * of base and full NPs are memoised, so time is linear; nesting deeper than MAX_DEPTH is
 * attached flat, which bounds the tree depth (and the recursion) whatever the input.
 * Scratch memory is the caller's (ent_sentence_work) and reused. */
#include "syntax/tagger.h"
#include "text/text.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <strings.h>

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
    uint32_t *full_memo;         /* per token: end - i + 1 of its full NP (np_full_end), 0 = not yet */
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

/* "up to" before a number at i: a quantity, as "more than" is ("kidnapped up to 16
 * advisers"), not a particle and a PP */
static int quantity_up_to(const chunk_state *k, size_t i) {
    return tag_is(k, i, "IN") && tag_is(k, i + 1, "TO") && tag_is(k, i + 2, "CD") && k->w[i].len == 2 &&
           !strncasecmp(k->w[i].text, "up", 2);
}

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

/* A flat list of single proper nouns from the CC or comma j after the NNP at i ("Arnor ,
 * Osgiliath and Gondor", with common nouns it modifies: "Eriadori and Calenardhon
 * leaders"): its end, or j when the list is not taken whole. */
static size_t nnp_list_end(const chunk_state *k, size_t i, size_t j) {
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
    return j;
}

/* Is word i a preposition that takes a noun phrase as its object (not a subordinator:
 * "as", "if", "while", "that", "than" may open a clause with a participle)? */
static int object_preposition(const chunk_state *k, size_t i) {
    static const char *const preps[] = {"in", "into", "at", "on", "of", "from", "for", "with", "against", "across",
                                        "near", "over", "under", "inside", "throughout", "around", "within",
                                        "toward", "towards", "between", "among", "to", NULL};
    if (!tag_is(k, i, "IN") && !tag_is(k, i, "TO")) return 0;
    for (int p = 0; preps[p]; p++)
        if (k->w[i].len == strlen(preps[p]) && !strncasecmp(k->w[i].text, preps[p], k->w[i].len)) return 1;
    return 0;
}

/* Is word i a verb that may take a noun phrase for object right after it: any verb that
 * is no auxiliary, be or have ("had detained", "was detained", "having detained" make a
 * participle after them a verb)? */
static int object_verb(const chunk_state *k, size_t i) {
    return is_verb(k, i) && !flag(k, i, ENT_W_BE | ENT_W_HAVE | ENT_W_DO);
}

/* A finite verb (VBD, VBZ, VBP) or modal at j, after adverbs: what only a clause's own
 * verb group opens with (finite_at also takes a base form). */
static int strictly_finite_at(const chunk_state *k, size_t j) {
    while (is_adv(k, j)) j++;
    return tag_is(k, j, "VBD") || tag_is(k, j, "VBZ") || tag_is(k, j, "VBP") || tag_is(k, j, "MD");
}

/* The end (after the closing quote) of a quoted nominal opening at the `` at j: at most six
 * adjectives, nouns, numbers or participles, the last a noun, then ''; else j. */
static size_t quoted_nominal_end(const chunk_state *k, size_t j) {
    if (!tag_is(k, j, "``")) return j;
    size_t m = j + 1;
    while (m < k->n && m - j <= 6 && (np_word(k, m) || tag_is(k, m, "VBN") || tag_is(k, m, "VBG"))) m++;
    return m > j + 1 && is_noun(k, m - 1) && tag_is(k, m, "''") ? m + 1 : j;
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
    /* "up to 16 advisers": (QP (IN up) (TO to) (CD 16)) opens the NP */
    if (quantity_up_to(k, j)) j += 2;
    size_t head = j;
    for (;;) {
        /* a quoted name of a thing after a determiner or adjective: its quotation marks are
         * inside the NP ("the "close friendship" between", "a "special military
         * operation"", "its new "red lines""; not "called the plan "a disaster"").  Its
         * last word is the head: the NP ends with the closing quote ("a "special law"
         * recognizing ...": a participle after it opens a clause) */
        size_t qe = j > i && (j == head || is_adj(k, j - 1)) ? quoted_nominal_end(k, j) : j;
        if (qe > j) { j = qe; break; }
        /* a temporal noun after a noun starts its own NP: "Moscow today", "Arnor next week" */
        if (j > head && is_noun(k, j - 1) && (flag(k, j, ENT_W_TEMPORAL) || (flag(k, j, ENT_W_NEXTLAST) && is_noun(k, j + 1))))
            break;
        /* a number after a plural noun starts a new NP: "ties (two years) after" */
        if (j > head && tag_is(k, j - 1, "NNS") && tag_is(k, j, "CD")) break;
        /* an adjective after a bare proper noun (no determiner), followed by a
         * preposition, is predicative, not part of the NP: "held Kyiv responsible for",
         * "found Iran guilty of" (but "Militants loyal to ...", with TO, and "a
         * Swedish-Iranian national" keep their NP) */
        if (j > head && head == i && (tag_is(k, j - 1, "NNP") || tag_is(k, j - 1, "NNPS")) && tag_is(k, j, "JJ") &&
            tag_is(k, j + 1, "IN"))
            break;
        if (np_word(k, j)) { j++; continue; }
        if ((tag_is(k, j, "VBN") || tag_is(k, j, "VBG")) && j > head && (np_word(k, j + 1) && !tag_is(k, j + 1, "CD"))) { j++; continue; }
        if ((tag_is(k, j, "VBN") || tag_is(k, j, "VBG")) && j == head && j > i && (is_noun(k, j + 1) || is_adj(k, j + 1))) { j++; continue; }
        /* a participle right after a preposition, before a noun (an adjective between
         * allowed), modifies it: "in occupied Kherson", "in besieged Mariupol", "of
         * sanctioned Russian goods" (not a gerund: "by killing civilians") */
        if (tag_is(k, j, "VBN") && j == head && j == i && i > 0 && object_preposition(k, i - 1) &&
            (is_noun(k, j + 1) || (is_adj(k, j + 1) && is_noun(k, j + 2)))) { j++; continue; }
        /* a participle right after a verb that is no auxiliary (be, have), before a noun
         * (an adjective between allowed), modifies it: the verb's object opens with it,
         * "released treated water", "freed detained sailors" (not "had detained sailors") */
        if (tag_is(k, j, "VBN") && j == head && j == i && i > 0 && object_verb(k, i - 1) &&
            (is_noun(k, j + 1) || (is_adj(k, j + 1) && is_noun(k, j + 2)))) { j++; continue; }
        /* coordinated adjectives: "awful and evil minister" */
        if (j > head && is_adj(k, j - 1) && tag_is(k, j, "CC") && is_adj(k, j + 1)) { j++; continue; }
        /* flat coordination of proper nouns: Arnor , Osgiliath and Gondor */
        if (j == head + 1 && head == i && tag_is(k, j - 1, "NNP") && (tag_is(k, j, "CC") || tag_is(k, j, ",")) &&
            tag_is(k, j + 1, "NNP") && !tag_is(k, j + 2, "NNP") && !tag_is(k, j + 2, "POS") &&
            !(i > 0 && tag_is(k, i - 1, ","))) {
            size_t e = nnp_list_end(k, i, j);
            /* after a verb that reports nothing, a finite verb after the list makes its
             * last name the subject of a clause of its own: "criticised Iran and [Germany
             * praised Israel]" (not "said [Iran and Germany praised Israel]") */
            if (!(e == j + 2 && i > 0 && is_verb(k, i - 1) && !flag(k, i - 1, ENT_W_SAY) && strictly_finite_at(k, e)))
                j = e;
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
static size_t np_full_end_scan(const chunk_state *k, size_t i);
static size_t np_full_end(const chunk_state *k, size_t i) {
    if (i >= k->n) return i;
    uint32_t m = k->full_memo[i];
    if (m) return i + m - 1;
    size_t j = np_full_end_scan(k, i);
    if (j - i < (1u << 31)) k->full_memo[i] = (uint32_t)(j - i + 1);
    return j;
}

/* Memoised like np_end: the rules ask for the same positions many times.  A full NP
 * never ends past a cut of the sentence (k->n) other than at the comma or period there,
 * whose tokens end an "of" chain anyway, so the value holds with or without the cut. */
static size_t np_full_end_scan(const chunk_state *k, size_t i) {
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


/* A relative clause's SBAR under parent, from the wh-word at j: (SBAR (WHNP (WP who))
 * (S (VP ...))), or (SBAR (WHNP which) (S Gondor signed)) when a subject follows. */
static size_t relative_clause(chunk_state *k, int32_t parent, size_t j) {
    int32_t sb = node(k, parent, "SBAR", -1);
    int32_t wh = node(k, sb, "WHNP", -1);
    leaf(k, wh, j++);
    if (verb_start(k, j)) { int32_t c = node(k, sb, "S", -1); return parse_vp(k, c, j); }
    return parse_clause(k, sb, j, "S");
}

/* Whether the of-object after the "of" at j is followed by a CC and a conjunct parallel to
 * the phrase that "of" modifies: a base NP with its own "of" and a head of the same kind
 * (both proper nouns, "Elessar of Gondor and Eomer of Rohan", or both common nouns, "the
 * king of Gondor and the lord of Rohan").  A proper-noun conjunct after a common head
 * ("the kings of Gondor and the Kingdom of Rohan") or a conjunct without "of" ("the kings
 * of Gondor and Rohan") leaves the coordination inside the of-object. */
static int parallel_of_conjunct(const chunk_state *k, size_t j) {
    if (j == 0) return 0;
    int poss;
    size_t oe = np_end(k, j + 1, &poss);
    if (oe == j + 1 || poss || !tag_is(k, oe, "CC")) return 0;
    size_t e2 = np_end(k, oe + 1, &poss);
    if (e2 <= oe + 1 || poss || !flag(k, e2, ENT_W_OF)) return 0;
    const char *h1 = tag_at(k, j - 1), *h2 = tag_at(k, e2 - 1);
    if (h1[0] != 'N' || h1[1] != 'N' || h2[0] != 'N' || h2[1] != 'N') return 0;
    return (h1[2] == 'P') == (h2[2] == 'P');
}

/* of-PPs after the base NP that ends at j: (NP (NP the president) (PP (IN of) (NP
 * Arnor))), right-branching below MAX_DEPTH.  *np is the phrase now ending at the result. */
static size_t np_of_pps(chunk_state *k, int32_t parent, size_t j, int32_t *np) {
    while (flag(k, j, ENT_W_OF)) {
        int poss;
        if (np_end(k, j + 1, &poss) == j + 1) break;
        *np = wrap_last(k, parent, "NP");
        int32_t pp = node(k, *np, "PP", -1);
        leaf(k, pp, j);
        if (k->depth < MAX_DEPTH) {
            /* (NP the Gondor (PP of (NP (NP the Prince) (PP of ...)))) */
            k->depth++;
            /* "Elessar of Gondor and Eomer of Rohan": the conjunct after the CC is a phrase
             * of the same kind with its own of-PP, so the coordination joins the two whole
             * phrases (parse_np coordinates them once this one ends), not the of-object */
            int saved = k->no_coord;
            if (parallel_of_conjunct(k, j)) k->no_coord = 1;
            j = parse_np(k, pp, j + 1);
            k->no_coord = saved;
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
    return j;
}

/* The end of a coordination of NPs starting at the CC or comma j ("A, B and C"), j when
 * there is none: a CC must come, and no conjunct may start a clause of its own. */
static size_t np_coordination_end(const chunk_state *k, size_t j) {
    if (k->depth >= MAX_DEPTH || k->no_coord || !(tag_is(k, j, "CC") || tag_is(k, j, ",")) ||
        np_full_end(k, j + 1) == j + 1 || new_clause_at(k, j + 1))
        return j;
    size_t m = j, last_end = j;
    int saw_cc = 0;
    while (tag_is(k, m, ",") || tag_is(k, m, "CC")) {
        if (tag_is(k, m, "CC")) saw_cc = 1;
        size_t e = np_full_end(k, m + 1);
        if (e == m + 1 || new_clause_at(k, m + 1)) break;
        m = e; last_end = e;
        if (saw_cc) break;
    }
    return saw_cc ? last_end : j;
}

/* The coordination [j, end) after the NP just built: (NP (NP A) (, ,) (NP B) (CC and)
 * (NP C)), its conjuncts flat (no nested lists). */
static size_t np_coordination(chunk_state *k, int32_t parent, size_t j, size_t end) {
    int32_t co = wrap_last(k, parent, "NP");
    k->depth++;
    int saved = k->no_coord;
    k->no_coord = 1;
    while (j < end) {
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
    return j;
}

/* A full NP: base NP, of-PPs, then a relative clause, or a coordination and an
 * appositive at the end of the phrase. */
static size_t parse_np(chunk_state *k, int32_t parent, size_t i) {
    int32_t np;
    size_t j = parse_base_np(k, parent, i, &np);
    if (j == i) return i;
    j = np_of_pps(k, parent, j, &np);
    /* relative clause: (NP (NP ...) (, ,) (SBAR (WHNP (WP who)) (S (VP ...))) (, ,)) */
    if (k->depth < MAX_DEPTH && ((tag_is(k, j, ",") && (tag_is(k, j + 1, "WP") || tag_is(k, j + 1, "WDT"))) ||
                                 ((tag_is(k, j, "WP") || (tag_is(k, j, "WDT") && !flag(k, j, ENT_W_THAT))) && verb_start(k, j + 1)))) {
        int32_t outer = wrap_last(k, parent, "NP");
        int commas = tag_is(k, j, ",");
        if (commas) leaf(k, outer, j++);
        k->depth++;
        j = relative_clause(k, outer, j);
        k->depth--;
        if (commas && tag_is(k, j, ",")) leaf(k, outer, j++);
        return j;
    }
    size_t co = np_coordination_end(k, j);
    if (co > j) j = np_coordination(k, parent, j, co);
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
    /* after adverbs and an opening quote: "pledged to "deepen ties"" */
    while (tag_is(k, i, "RB") || (tag_is(k, i, "``") && i + 1 < k->n)) i++;
    return tag_is(k, i, "MD") || (is_verb(k, i));
}

/* ---- the contextual rules --------------------------------------------------------------
 * Which tag sequences extend a phrase, open a PP, an SBAR or a nested clause, attach a
 * PP or end the phrase are rows of condition -> action tables, one table per place in
 * the tree (a verb's complements, a clause before and after its verb, a subject, an
 * opening prepositional phrase), the way Brill's rule files read.  At each position the
 * rows are tried in order; the first whose condition holds acts: it builds under the
 * phrase being filled, moves the position on, and says whether the phrase goes on.
 * When no row holds, the phrase ends there.  A row reads { tags the token at the
 * position may have, condition, action, guard }: { X_I | X_T, w_pp, t_pp, 0 } is "at
 * IN or TO with a noun phrase after it, open a PP". */

/* What a row sees: the phrase it fills and the position, with what its place fixed. */
typedef struct at {
    int32_t into;         /* the phrase the row attaches to: the VP, S, subject NP or PP */
    size_t i;             /* the token looked at; an action moves it past what it took */
    size_t start;         /* where the phrase's material began */
    size_t head;          /* complements: the VP's head verb */
    size_t e;             /* an end the condition looked ahead to, for its action */
    int32_t parent;       /* clauses: the clause's parent and label */
    const char *label;
    int have_vp;          /* clauses: the verb phrase is built */
} at;

enum { GO_ON, END };      /* an action's verdict: try the rows again, or end the phrase */

/* The tag at a row's position, by its first character: a row names the tags its
 * condition can start with (0: any), so a position tries only the rows its tag admits. */
enum {
    X_C = 1 << 0,      /* CC CD */
    X_COMMA = 1 << 1,
    X_I = 1 << 2,      /* IN */
    X_T = 1 << 3,      /* TO */
    X_R = 1 << 4,      /* RB RBR RBS RP */
    X_OQ = 1 << 5,     /* `` */
    X_CQ = 1 << 6,     /* '' */
    X_W = 1 << 7,      /* WDT WP WP$ WRB */
    X_V = 1 << 8,      /* VB VBD VBG VBN VBP VBZ */
    X_M = 1 << 9,      /* MD */
    X_COLON = 1 << 10, /* : */
    X_BR = 1 << 11,    /* -LRB- -RRB- */
    X_OTHER = 1 << 12, /* the rest, and past the end */
    X_NCLASSES = 13
};
static inline unsigned tag_class(const chunk_state *k, size_t i) {
    if (i >= k->n) return X_OTHER;
    switch (k->w[i].tag[0]) {
    case 'C': return X_C;
    case ',': return X_COMMA;
    case 'I': return X_I;
    case 'T': return X_T;
    case 'R': return X_R;
    case '`': return X_OQ;
    case '\'': return X_CQ;
    case 'W': return X_W;
    case 'V': return X_V;
    case 'M': return X_M;
    case ':': return X_COLON;
    case '-': return X_BR;
    default: return X_OTHER;
    }
}

typedef struct chunk_rule {
    unsigned tags;        /* X_* classes the tag at the position must be in (0: any) */
    int (*when)(const chunk_state *, at *);   /* the condition; may set a->e */
    int (*then)(chunk_state *, at *);         /* the action: GO_ON or END */
    int guard;            /* a token the action left is attached as a leaf (progress) */
} chunk_rule;

/* A table: its rows in order, and for each tag class the rows whose tags admit it (bit
 * r: rows[r]), filled once by chunk_tables_init, so a position tries only those. */
typedef struct chunk_table {
    const chunk_rule *rows;
    size_t n;
    uint32_t by_class[X_NCLASSES];
} chunk_table;

/* The first row of t whose condition holds at a->i acts; END when none holds. */
static int apply_chunk_rules(chunk_state *k, const chunk_table *t, at *a) {
    for (uint32_t m = t->by_class[__builtin_ctz(tag_class(k, a->i))]; m; m &= m - 1) {
        const chunk_rule *row = &t->rows[__builtin_ctz(m)];
        if (!row->when(k, a)) continue;
        size_t before = a->i;
        int v = row->then(k, a);
        if (row->guard && a->i == before) leaf(k, a->into, a->i++);
        return v;
    }
    return END;
}

/* Apply t at each position until a row ENDs, none holds, or the position reaches end. */
static size_t run_chunk_rules(chunk_state *k, const chunk_table *t, at *a, size_t end) {
    while (a->i < end && apply_chunk_rules(k, t, a) == GO_ON) {}
    return a->i;
}

/* -- conditions shared by several tables -- */
static int w_any(const chunk_state *k, at *a) { (void)k; (void)a; return 1; }
static int w_pp(const chunk_state *k, at *a) {
    return (tag_is(k, a->i, "IN") || tag_is(k, a->i, "TO")) && np_full_end(k, a->i + 1) > a->i + 1;
}
static int w_np(const chunk_state *k, at *a) { return np_full_end(k, a->i) > a->i; }
static int w_verb(const chunk_state *k, at *a) { return verb_start(k, a->i); }
static int w_sub_clause(const chunk_state *k, at *a) {
    return sub_word(k, a->i) && k->depth < MAX_DEPTH && clause_at(k, a->i + 1);
}

/* -- actions shared by several tables -- */
static int t_leaf(chunk_state *k, at *a) { leaf(k, a->into, a->i++); return GO_ON; }
static int t_advp(chunk_state *k, at *a) { int32_t p = node(k, a->into, "ADVP", -1); leaf(k, p, a->i++); return GO_ON; }
static int t_np(chunk_state *k, at *a) { a->i = parse_np(k, a->into, a->i); return GO_ON; }
static int t_vp(chunk_state *k, at *a) { a->i = parse_vp(k, a->into, a->i); return GO_ON; }
static int t_pp(chunk_state *k, at *a) {
    int32_t pp = node(k, a->into, "PP", -1);
    leaf(k, pp, a->i);
    a->i = parse_np(k, pp, a->i + 1);
    return GO_ON;
}
/* (SBAR (IN after) (S ...)) */
static int t_sbar(chunk_state *k, at *a) {
    int32_t sb = node(k, a->into, "SBAR", -1);
    leaf(k, sb, a->i);
    a->i = parse_clause(k, sb, a->i + 1, "S");
    return GO_ON;
}
/* (S (VP (TO to) ...)), (S (VP (VBG saying) ...)) */
static int t_s_vp(chunk_state *k, at *a) { int32_t s = node(k, a->into, "S", -1); a->i = parse_vp(k, s, a->i); return GO_ON; }


/* -- a verb's complements (the rows of VP_RULES, in order) -- */
static int w_particle(const chunk_state *k, at *a) { return tag_is(k, a->i, "RP"); }
/* "out" or "off" tagged as a preposition right before another one is the verb's particle
 * ("pulled out of the deal", "lashed out at Moscow", "walked off with"): a preposition
 * takes a noun phrase, never a second preposition.  Not after a form of be ("are out of
 * control": a predicate). */
static int w_particle_before_pp(const chunk_state *k, at *a) {
    if (flag(k, a->head, ENT_W_BE) || !tag_is(k, a->i, "IN") || !(tag_is(k, a->i + 1, "IN") || tag_is(k, a->i + 1, "TO"))) return 0;
    const ent_tagword *w = &k->w[a->i];
    return (w->len == 3 && !strncasecmp(w->text, "out", 3)) || (w->len == 3 && !strncasecmp(w->text, "off", 3));
}
static int t_particle(chunk_state *k, at *a) { int32_t p = node(k, a->into, "PRT", -1); leaf(k, p, a->i++); return GO_ON; }
/* A closing quote at a->i whose opening quote is the last one before it and stands right
 * before the VP's head (or before its "to"), with a PP or an NP after it: "to "resume
 * talks" with Togo", "would "destroy" the bases" (not "said "we will fight" in a speech",
 * whose quote opened before the clause). */
static int w_quote_closes_vp(const chunk_state *k, at *a) {
    if (!tag_is(k, a->i, "''") || a->head >= k->n ||
        !(w_pp(k, &(at){ .i = a->i + 1 }) || np_full_end(k, a->i + 1) > a->i + 1))
        return 0;
    size_t q = a->i;
    while (q > a->head && !tag_is(k, q - 1, "``") && !tag_is(k, q - 1, "''")) q--;
    if (q > a->head) return 0;   /* another quote inside the VP */
    return (a->head >= 1 && tag_is(k, a->head - 1, "``")) ||
           (a->head >= 2 && tag_is(k, a->head - 2, "``") && tag_is(k, a->head - 1, "TO"));
}
static int w_open_quote(const chunk_state *k, at *a) {
    return tag_is(k, a->i, "``") && a->i + 1 < k->n && !tag_is(k, a->i + 1, "''");
}
static int w_vp_adverb(const chunk_state *k, at *a) {
    return is_adv(k, a->i) && !sub_word(k, a->i) && !np_starts_with_adv(k, a->i);
}
static int w_to_verb(const chunk_state *k, at *a) {
    return tag_is(k, a->i, "TO") && verb_start(k, a->i + 1) && k->depth < MAX_DEPTH;
}
static int w_sub_clause_or_vp(const chunk_state *k, at *a) {
    return sub_word(k, a->i) && k->depth < MAX_DEPTH && (clause_at(k, a->i + 1) || verb_start(k, a->i + 1));
}
static int t_sub_clause(chunk_state *k, at *a) {
    int32_t sb = node(k, a->into, "SBAR", -1);
    if (tag_is(k, a->i, "WDT")) { int32_t wh = node(k, sb, "WHNP", -1); leaf(k, wh, a->i); }
    else leaf(k, sb, a->i);
    a->i = parse_clause(k, sb, a->i + 1, "S");
    return GO_ON;
}
static int w_prep_gerund(const chunk_state *k, at *a) {
    return tag_is(k, a->i, "IN") && tag_is(k, a->i + 1, "VBG") && k->depth < MAX_DEPTH;
}
static int t_prep_gerund(chunk_state *k, at *a) {
    int32_t pp = node(k, a->into, "PP", -1);
    leaf(k, pp, a->i);
    int32_t s = node(k, pp, "S", -1);
    a->i = parse_vp(k, s, a->i + 1);
    return GO_ON;
}
/* Is the "subject" of a reported clause at a->i an object and a clause coordinated with
 * the verb's own: "criticised [Iran] and [Germany praised Israel]", "welcomed [the
 * proposal] but [Israel rejected it]"?  The phrase at a->i is followed by a conjunction and
 * a clause of its own.  "But" and "yet" join clauses, never the subjects of one.  After
 * "and" the clause must open with a name or a pronoun ("and [the] Germany ..."; common
 * nouns coordinate as often: "returned rifles and military equipment taken ..."), and a
 * verb that opens a reported clause (ENT_W_SAY) keeps the coordinated subject ("said Iran
 * and Germany praised Israel"). */
static int object_then_clause(const chunk_state *k, const at *a) {
    size_t e = np_full_end(k, a->i);
    if (e == a->i || !tag_is(k, e, "CC") || !clause_at(k, e + 1)) return 0;
    const ent_tagword *cc = &k->w[e];
    if (!(cc->len == 3 && !strncasecmp(cc->text, "and", 3))) return 1;
    size_t h = tag_is(k, e + 1, "DT") ? e + 2 : e + 1;
    return !flag(k, a->head, ENT_W_SAY) && (tag_is(k, h, "NNP") || tag_is(k, h, "NNPS") || tag_is(k, e + 1, "PRP"));
}
static int w_reported(const chunk_state *k, at *a) {
    return (a->i > a->start || is_verb(k, a->i - 1)) && subject_end(k, a->i, SUBJ_SIMPLE) > a->i &&
           k->depth < MAX_DEPTH && !object_then_clause(k, a);
}
static int t_reported(chunk_state *k, at *a) {
    int32_t sb = node(k, a->into, "SBAR", -1);
    a->i = parse_clause(k, sb, a->i, "S");
    return GO_ON;
}
/* the object NP's end in a->e, when there is an object */
static int w_object(const chunk_state *k, at *a) { a->e = np_full_end(k, a->i); return a->e > a->i; }
/* a measure of time before a subordinator ("almost five years after", "two days before");
 * not any number ("arrested 20 protesters after they attacked ...": the object) */
static int w_measure_sub(const chunk_state *k, at *a) {
    return w_object(k, a) && (np_starts_with_adv(k, a->i) || tag_is(k, a->i, "CD")) && tag_is(k, a->e, "IN") &&
           flag(k, a->e - 1, ENT_W_TIMEUNIT) && sub_word(k, a->e) && clause_at(k, a->e + 1) && k->depth < MAX_DEPTH;
}
static int t_measure_sub(chunk_state *k, at *a) {
    int32_t sb = node(k, a->into, "SBAR", -1), np;
    a->i = parse_base_np(k, sb, a->i, &np);
    if (tag_is(k, a->i, "IN")) {
        leaf(k, sb, a->i);
        a->i = parse_clause(k, sb, a->i + 1, "S");
    }
    return GO_ON;
}
static int w_lone_adjectives(const chunk_state *k, at *a) {
    if (!w_object(k, a)) return 0;
    for (size_t m = a->i; m < a->e; m++)
        if (!is_adj(k, m) && !tag_is(k, m, "CC")) return 0;
    return !tag_is(k, a->e, "CC");
}
static int t_adjectives(chunk_state *k, at *a) {
    int32_t p = node(k, a->into, "ADJP", -1);
    for (; a->i < a->e; a->i++) leaf(k, p, a->i);
    return GO_ON;
}
/* "released [treated water]", "freed [detained sailors]": a participle right after a verb
 * that is no auxiliary opens its object when np_end_scan takes it into the noun phrase;
 * or the subject of a reported clause ("said [detained activists] were freed") */
static int w_participle_object(const chunk_state *k, at *a) {
    return tag_is(k, a->i, "VBN") && a->i == a->start && a->i > 0 && object_verb(k, a->i - 1) && w_object(k, a) &&
           a->e > a->i + 1;
}
static int w_participle_reported(const chunk_state *k, at *a) {
    return w_participle_object(k, a) && k->depth < MAX_DEPTH &&
           (w_reported(k, a) || (flag(k, a->i - 1, ENT_W_SAY) && subject_end(k, a->i, SUBJ_CLOSED) > a->i));
}
static int w_object_to(const chunk_state *k, at *a) {
    return w_object(k, a) && tag_is(k, a->e, "TO") && verb_start(k, a->e + 1) && k->depth < MAX_DEPTH;
}
static int w_be_object_to(const chunk_state *k, at *a) { return w_object_to(k, a) && flag(k, a->head, ENT_W_BE); }
static int t_np_with_to(chunk_state *k, at *a) {
    a->i = parse_np(k, a->into, a->i);
    int32_t npn = k->nodes[a->into].last;
    if (tag_is(k, a->i, "TO")) { int32_t sc = node(k, npn, "S", -1); a->i = parse_vp(k, sc, a->i); }
    return GO_ON;
}
static int t_object_to(chunk_state *k, at *a) {
    int32_t sc = node(k, a->into, "S", -1);
    a->i = parse_np(k, sc, a->i);
    if (tag_is(k, a->i, "TO")) a->i = parse_vp(k, sc, a->i);
    return GO_ON;
}
static int w_quantity_object(const chunk_state *k, at *a) { return quantity_up_to(k, a->i) && w_object(k, a); }
static int t_object(chunk_state *k, at *a) {
    int32_t saved = k->obj_vp;
    k->obj_vp = a->into;
    a->i = parse_np(k, a->into, a->i);
    k->obj_vp = saved;
    return GO_ON;
}
static int w_gerund(const chunk_state *k, at *a) { return tag_is(k, a->i, "VBG") && k->depth < MAX_DEPTH; }
static int w_comma_in_vp(const chunk_state *k, at *a) {
    size_t i = a->i;
    if (!tag_is(k, i, ",") || i + 1 >= k->n || k->depth >= MAX_DEPTH) return 0;
    size_t e = np_full_end(k, i + 1);
    if (e > i + 1 && sub_word(k, e) && (clause_at(k, e + 1) || verb_start(k, e + 1))) return 1;
    return tag_is(k, i + 1, "VBG") || (sub_word(k, i + 1) && !tag_is(k, i + 1, "IN")) ||
           (sub_word(k, i + 1) && (clause_at(k, i + 2) || verb_start(k, i + 2)));
}
static int w_cc_verb(const chunk_state *k, at *a) {
    return tag_is(k, a->i, "CC") && verb_start(k, a->i + 1) && !clause_at(k, a->i + 1) && k->depth < MAX_DEPTH;
}
static int t_cc_verb(chunk_state *k, at *a) {
    /* a finite verb after the CC coordinates with a finite VP higher up */
    size_t v = a->i + 1, head = a->head;
    while (tag_is(k, v, "RB")) v++;
    int finite = tag_is(k, v, "VBD") || tag_is(k, v, "VBZ") || tag_is(k, v, "VBP") || tag_is(k, v, "MD");
    if (finite && head < k->n && !(tag_is(k, head, "VBD") || tag_is(k, head, "VBZ") || tag_is(k, head, "VBP") ||
                                   tag_is(k, head, "MD")) && k->depth > 1)
        return END;
    /* else coordinated VPs: (VP (VP met ...) (CC and) (VP signed ...)) */
    int32_t par = k->nodes[a->into].parent;
    if (par >= 0 && k->nodes[par].last == a->into) {
        int32_t co = wrap_last(k, par, "VP");
        leaf(k, co, a->i);
        a->i = parse_vp(k, co, a->i + 1);
    }
    return END;
}

#define SUBW (X_W | X_I | X_R)       /* sub_word: WRB WDT, or IN RB flagged as subordinators */
#define VERBW (X_R | X_V | X_M)      /* verb_start: adverbs, then a verb or modal */
/* np_end_scan's first words: PRP EX WP PDT DT PRP$ WP$ RB JJR RBR NN* JJ* CD $ # */
#define NPW (X_OTHER | X_W | X_R | X_C)
static const chunk_rule VP_RULES[] = {
    /* "called off the talks": (PRT (RP off)) */
    { X_R, w_particle, t_particle, 0 },
    /* "pulled out of the deal": (PRT (IN out)) (PP (IN of) ...) */
    { X_I, w_particle_before_pp, t_particle, 0 },
    /* said they "oppose ...": an opening quote inside the VP */
    { X_OQ, w_open_quote, t_leaf, 0 },
    /* promised to "resume talks" with Togo: the quote that opened right before the verb
     * closes inside its VP, which goes on */
    { X_CQ, w_quote_closes_vp, t_leaf, 0 },
    /* "attacked Gondor again": (ADVP (RB again)) */
    { X_R, w_vp_adverb, t_advp, 0 },
    /* "agreed to meet": (S (VP (TO to) (VP meet))) */
    { X_T, w_to_verb, t_s_vp, 0 },
    /* "after crowds trashed its embassy", "that they will meet", "which angered Gondor" */
    { SUBW, w_sub_clause_or_vp, t_sub_clause, 0 },
    /* "accused Arnor of attacking": (PP (IN of) (S (VP (VBG attacking) ...))) */
    { X_I, w_prep_gerund, t_prep_gerund, 0 },
    /* "kidnapped up to 16 advisers": the object opens with its quantity */
    { X_I, w_quantity_object, t_object, 0 },
    /* "met in Osgiliath": (PP (IN in) (NP Osgiliath)) */
    { X_I | X_T, w_pp, t_pp, 0 },
    /* a reported clause without "that": said (SBAR (S Gondor attacked)) */
    { NPW, w_reported, t_reported, 0 },
    /* a measure before a subordinator: (SBAR (NP almost five years) (IN after) (S ...)) */
    { NPW, w_measure_sub, t_measure_sub, 0 },
    /* adjectives alone after a verb: (VP shot (ADJP dead) ...) */
    { NPW, w_lone_adjectives, t_adjectives, 0 },
    /* "is a neat place to visit": (NP a neat place (S (VP (TO to) ...))) after be */
    { NPW, w_be_object_to, t_np_with_to, 0 },
    /* "urged Eriador to respond": (S (NP Eriador) (VP (TO to) ...)) */
    { NPW, w_object_to, t_object_to, 0 },
    /* "recalled its ambassador": the direct object (a PP after its coordination goes
     * with the last conjunct, see np_coordination) */
    { NPW, w_object, t_object, 0 },
    /* "released treated water": the object opens with a participle, or the subject of a
     * reported clause does ("said detained activists were freed") */
    { X_V, w_participle_reported, t_reported, 0 },
    { X_V, w_participle_object, t_object, 0 },
    /* "kept fighting": (S (VP (VBG fighting) ...)) */
    { X_V, w_gerund, t_s_vp, 0 },
    /* ", saying ...", ", after ...", ", which ...", ", almost five years after ..." stay
     * inside the VP */
    { X_COMMA, w_comma_in_vp, t_leaf, 0 },
    /* "met Gondor and signed a deal": coordinated VPs, or the end of a non-finite VP
     * before a finite verb that coordinates higher up; the VP ends either way */
    { X_C, w_cc_verb, t_cc_verb, 0 },
};
#define NROWS(t) (sizeof (t) / sizeof *(t))
static chunk_table VP_TABLE = { VP_RULES, NROWS(VP_RULES), { 0 } };

/* Complements of a verb, appended to vp, until no row of VP_RULES holds. */
static size_t complements(chunk_state *k, int32_t vp, size_t i, size_t head) {
    at a = { .into = vp, .i = i, .start = i, .head = head };
    return run_chunk_rules(k, &VP_TABLE, &a, k->n);
}

/* -- a verb group: what an auxiliary (be, have, do, will, a modal, to) is followed by,
 * tried after the auxiliary and its adverbs (the rows of VERB_GROUP_RULES) -- */
static int w_aux_verb(const chunk_state *k, at *a) { return is_verb(k, a->i) || tag_is(k, a->i, "MD"); }
static int t_aux_verb(chunk_state *k, at *a) { a->into = node(k, a->into, "VP", -1); return GO_ON; }
static int w_aux_to(const chunk_state *k, at *a) { return tag_is(k, a->i, "TO") && verb_start(k, a->i + 1); }
static int t_aux_to(chunk_state *k, at *a) {
    int32_t s = node(k, a->into, "S", -1);
    a->into = node(k, s, "VP", -1);
    return GO_ON;
}
static int w_aux_in_to(const chunk_state *k, at *a) {
    return tag_is(k, a->i, "IN") && tag_is(k, a->i + 1, "TO") && verb_start(k, a->i + 2);
}
static int t_aux_in_to(chunk_state *k, at *a) {
    int32_t inner = node(k, a->into, "VP", -1);
    leaf(k, inner, a->i++);
    int32_t s = node(k, inner, "S", -1);
    a->into = node(k, s, "VP", -1);
    return GO_ON;
}

static const chunk_rule VERB_GROUP_RULES[] = {
    /* "will meet", "has been attacked": (VP (MD will) (VP (VB meet) ...)) */
    { X_V | X_M, w_aux_verb, t_aux_verb, 0 },
    /* "has to respond": (VP (VBZ has) (S (VP (TO to) (VP respond)))) */
    { X_T, w_aux_to, t_aux_to, 0 },
    /* "is about to restore": (VP (VBZ is) (VP (IN about) (S (VP (TO to) ...)))) */
    { X_I, w_aux_in_to, t_aux_in_to, 0 },
};
static chunk_table VERB_GROUP_TABLE = { VERB_GROUP_RULES, NROWS(VERB_GROUP_RULES), { 0 } };

/* Is the verb at i a copula other than BE ("remain", "stay") before a participle, adverbs
 * between ("remains firmly committed to")?  It then nests the participle's VP as BE does:
 * (VP (VBZ remains) (VP (VBN committed) (S (VP (TO to) ...)))), so the participle's
 * patterns code as they do after "is". */
static int copula_before_participle(const chunk_state *k, size_t i) {
    static const char *const forms[] = {"remain", "remains", "remained", "remaining",
                                        "stay", "stays", "stayed", "staying", NULL};
    if (!is_verb(k, i)) return 0;
    int found = 0;
    for (int f = 0; forms[f] && !found; f++)
        found = k->w[i].len == strlen(forms[f]) && !strncasecmp(k->w[i].text, forms[f], k->w[i].len);
    if (!found) return 0;
    size_t j = i + 1;
    while (tag_is(k, j, "RB")) j++;
    return tag_is(k, j, "VBN");
}

/* A verb group with its complements: auxiliaries nest ((VP (MD will) (VP (VB meet) ..))).
 * Returns the end; consumes at least one token when called at a verb, TO or MD. */
static size_t parse_vp(chunk_state *k, int32_t parent, size_t i) {
    /* an opening quote before the verb group (verb_start looks past it) is a leaf before
     * the VP, which opens with its verb: "and "destroy" the bases" */
    while (tag_is(k, i, "``") && i + 1 < k->n && (is_verb(k, i + 1) || tag_is(k, i + 1, "MD") || tag_is(k, i + 1, "RB")))
        leaf(k, parent, i++);
    k->depth++;
    at a = { .into = node(k, parent, "VP", -1), .i = i };
    /* leading adverbs */
    while (tag_is(k, a.i, "RB") && a.i + 1 < k->n && (is_verb(k, a.i + 1) || tag_is(k, a.i + 1, "MD") || tag_is(k, a.i + 1, "RB")))
        leaf(k, a.into, a.i++);
    size_t head = a.i;
    while (a.i < k->n) {
        head = a.i;
        leaf(k, a.into, a.i);
        int aux = tag_is(k, a.i, "MD") || tag_is(k, a.i, "TO") ||
                  (is_verb(k, a.i) && flag(k, a.i, ENT_W_BE | ENT_W_HAVE | ENT_W_DO | ENT_W_WILL)) ||
                  copula_before_participle(k, a.i);
        a.i++;
        /* "will not meet", "has repeatedly said", "to "deepen ties"" (the quote a leaf of
         * the verb group) */
        while ((tag_is(k, a.i, "RB") && verb_start(k, a.i + 1)) || flag(k, a.i, ENT_W_NOT) ||
               (aux && tag_is(k, a.i, "``") && verb_start(k, a.i + 1)))
            leaf(k, a.into, a.i++);
        if (!aux || apply_chunk_rules(k, &VERB_GROUP_TABLE, &a) == END) break;
    }
    a.i = complements(k, a.into, a.i, head);
    k->depth--;
    return a.i;
}

/* ---- clauses ------------------------------------------------------------------------- */

/* -- a subject: the pieces subject_end found (the rows of SUBJECT_RULES) -- */
static int w_cc_or_comma(const chunk_state *k, at *a) { return tag_is(k, a->i, "CC") || tag_is(k, a->i, ","); }
static int w_relative(const chunk_state *k, at *a) {
    return (tag_is(k, a->i, "WP") || tag_is(k, a->i, "WDT")) && k->depth < MAX_DEPTH;
}
static int t_relative(chunk_state *k, at *a) { a->i = relative_clause(k, a->into, a->i); return GO_ON; }
static int w_verb_nested(const chunk_state *k, at *a) { return verb_start(k, a->i) && k->depth < MAX_DEPTH; }
static int w_adverb(const chunk_state *k, at *a) { return is_adv(k, a->i); }

static const chunk_rule SUBJECT_RULES[] = {
    /* "Fornost and the evil Gondor", "Osgiliath, the state's fiercest foe," */
    { X_C | X_COMMA, w_cc_or_comma, t_leaf, 1 },
    /* "Officials, who arrived on Monday,": (SBAR (WHNP (WP who)) (S (VP arrived ...))) */
    { X_W, w_relative, t_relative, 1 },
    /* "Lawmakers in Fornost": (PP (IN in) (NP Fornost)) */
    { X_I | X_T, w_pp, t_pp, 1 },
    /* "Osgiliath, the state's fiercest foe,": the appositive NP */
    { 0, w_np, t_np, 1 },
    /* ", in remarks published on Monday,": a verb inside a parenthetical */
    { VERBW, w_verb_nested, t_vp, 1 },
    /* ", however,": (ADVP (RB however)) */
    { X_R, w_adverb, t_advp, 1 },
    /* anything else inside the subject (a quote, a bracket) is a leaf of it */
    { 0, w_any, t_leaf, 1 },
};
static chunk_table SUBJECT_TABLE = { SUBJECT_RULES, NROWS(SUBJECT_RULES), { 0 } };

/* The subject [i, end) found by subject_end: (NP (NP ...) (PP ...) (, ,) (NP ...) ...). */
static size_t parse_subject(chunk_state *k, int32_t s, size_t i, size_t end) {
    size_t saved = k->subj_end;
    k->subj_end = end;
    size_t j = parse_np(k, s, i);
    if (j < end && j != i) {
        at a = { .into = wrap_last(k, s, "NP"), .i = j };
        k->depth++;
        j = run_chunk_rules(k, &SUBJECT_TABLE, &a, end);
        k->depth--;
    }
    k->subj_end = saved;
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

/* -- inside an opening prepositional phrase (the rows of INTRO_RULES) -- */
static const chunk_rule INTRO_RULES[] = {
    /* "Despite Arnor having warned Gondor,": the NPs, (NP (NNP Arnor)) */
    { 0, w_np, t_np, 1 },
    /* its verbs: (VP (VBG having) (VP (VBN warned) ...)) */
    { VERBW, w_verb, t_vp, 1 },
    /* "Despite Arnor having warned Gondor in March,": PPs */
    { X_I | X_T, w_pp, t_pp, 1 },
    /* "Despite Arnor having warned Gondor (again),": brackets, adverbs as leaves */
    { 0, w_any, t_leaf, 1 },
};
static chunk_table INTRO_TABLE = { INTRO_RULES, NROWS(INTRO_RULES), { 0 } };

/* -- a clause before its verb (the rows of CLAUSE_RULES) -- */
static int w_subject(const chunk_state *k, at *a) {
    a->e = subject_end(k, a->i, k->depth == 1 ? SUBJ_FULL : SUBJ_CLOSED);
    return a->e > a->i;
}
static int t_subject(chunk_state *k, at *a) {
    size_t i = parse_subject(k, a->into, a->i, a->e);
    /* "Gollum recently allowed": (ADVP (RB recently)) before the VP */
    while ((tag_is(k, i, "RB") && verb_start(k, i + 1) && !flag(k, i, ENT_W_NOT)) || tag_is(k, i, "``")) {
        if (tag_is(k, i, "``")) { leaf(k, a->into, i++); continue; }
        int32_t p = node(k, a->into, "ADVP", -1);
        leaf(k, p, i++);
    }
    a->i = parse_vp(k, a->into, i);
    a->have_vp = 1;
    return GO_ON;
}
static int w_clause_verb(const chunk_state *k, at *a) {
    return verb_start(k, a->i) && !(tag_is(k, a->i, "VBN") && a->i == a->start);
}
static int t_clause_verb(chunk_state *k, at *a) { a->i = parse_vp(k, a->into, a->i); a->have_vp = 1; return GO_ON; }
static int w_intro_phrase(const chunk_state *k, at *a) {
    if (k->depth != 1 || a->i != a->start) return 0;
    a->e = intro_phrase_end(k, a->i);
    return a->e > a->i;
}
static int t_intro_phrase(chunk_state *k, at *a) {
    /* parsed inside a PP with the sentence cut at the comma (base NPs never cross a
     * comma, so the memoised NP ends stay valid) */
    size_t saved = k->n;
    at in = { .into = node(k, a->into, "PP", -1), .i = a->i };
    leaf(k, in.into, in.i++);
    k->n = a->e;
    a->i = run_chunk_rules(k, &INTRO_TABLE, &in, a->e);
    k->n = saved;
    return GO_ON;
}
static int w_free_adverb(const chunk_state *k, at *a) { return is_adv(k, a->i) && !np_starts_with_adv(k, a->i); }
static int w_punct(const chunk_state *k, at *a) {
    size_t i = a->i;
    return tag_is(k, i, ",") || tag_is(k, i, "``") || tag_is(k, i, "''") || tag_is(k, i, ":") || tag_is(k, i, "-LRB-") ||
           tag_is(k, i, "-RRB-");
}
static int w_clause_leaf(const chunk_state *k, at *a) { return a->i == a->start || k->depth > 1; }

static const chunk_rule CLAUSE_RULES[] = {
    /* "Lawmakers in Fornost, in remarks on Monday, welcomed ...": subject, then the VP */
    { 0, w_subject, t_subject, 0 },
    /* "Signing the deal, Arnor praised Gondor": no subject, the VP (S (VP (VBG Signing)
     * ...)); not a participle opening the clause ("Welcomed by Gondor, ...") */
    { VERBW, w_clause_verb, t_clause_verb, 0 },
    /* "With the west opposing Russia's build-up and China's treatment of Uyghurs, Putin
     * and Xi presented ...": the opening prepositional phrase runs to its comma, whatever
     * verbs it holds (top level only) */
    { X_I, w_intro_phrase, t_intro_phrase, 0 },
    /* "After Gondor attacked, Arnor ...": (SBAR (IN after) (S ...)) */
    { SUBW, w_sub_clause, t_sbar, 0 },
    /* "On Monday, ...": an opening PP */
    { X_I | X_T, w_pp, t_pp, 0 },
    /* "Five years ago, ...": an NP that no verb follows */
    { 0, w_np, t_np, 0 },
    /* "Separately, ...": (ADVP (RB separately)) */
    { X_R, w_free_adverb, t_advp, 0 },
    /* commas, quotes, colons and brackets before the subject: the opening quote of
     * `` Arnor will attack , '' Gondor said, the bracket of "The ministry (in Osgiliath) said" */
    { X_COMMA | X_OQ | X_CQ | X_COLON | X_BR, w_punct, t_leaf, 0 },
    /* anything else at the clause's start, or anywhere in an embedded clause: "But Arnor
     * attacked Gondor" (CC But) */
    { 0, w_clause_leaf, t_leaf, 0 },
};
static chunk_table CLAUSE_TABLE = { CLAUSE_RULES, NROWS(CLAUSE_RULES), { 0 } };

/* -- a clause after its verb (the rows of AFTER_VP_RULES) -- */
static int w_coordinated_clause(const chunk_state *k, at *a) {
    size_t i = a->i;
    if (!(tag_is(k, i, "CC") || (tag_is(k, i, ",") && tag_is(k, i + 1, "CC"))) || k->depth >= MAX_DEPTH) return 0;
    a->e = tag_is(k, i, ",") ? i + 2 : i + 1;
    return clause_at(k, a->e);
}
static int t_coordinated_clause(chunk_state *k, at *a) {
    /* wrap_last puts the clause so far under co; the next one goes on in co */
    int32_t co = wrap_last(k, a->parent, a->label);
    while (a->i < a->e) leaf(k, co, a->i++);
    a->i = parse_clause(k, co, a->e, a->label);
    return END;
}
static int w_embedded(const chunk_state *k, at *a) { (void)a; return k->depth > 1; }
static int t_end(chunk_state *k, at *a) { (void)k; (void)a; return END; }
static int w_closing_report(const chunk_state *k, at *a) {
    return tag_is(k, a->i, ",") && subject_end(k, a->i + 1, SUBJ_FULL) > a->i + 1 && k->depth < MAX_DEPTH;
}
static int t_closing_report(chunk_state *k, at *a) {
    a->into = wrap_last(k, a->parent, a->label);
    leaf(k, a->into, a->i++);
    size_t se = subject_end(k, a->i, SUBJ_FULL);
    a->i = parse_subject(k, a->into, a->i, se);
    a->i = parse_vp(k, a->into, a->i);
    return GO_ON;
}

static const chunk_rule AFTER_VP_RULES[] = {
    /* "Arnor attacked Gondor, and Rohan recalled its ambassador": (S (S Arnor attacked
     * Gondor) (, ,) (CC and) (S Rohan recalled ...)) */
    { X_C | X_COMMA, w_coordinated_clause, t_coordinated_clause, 0 },
    /* an embedded clause, said (SBAR (S Gondor attacked)), ends after its VP and the
     * clauses coordinated with it */
    { 0, w_embedded, t_end, 0 },
    /* "Arnor will attack, officials said": (S (S Arnor will ...) (, ,) (NP officials) (VP said)) */
    { X_COMMA, w_closing_report, t_closing_report, 0 },
    /* what is left at top level attaches as phrases or leaves: "Arnor attacked Gondor --
     * after Rohan fled": (SBAR (IN after) (S ...)) */
    { SUBW, w_sub_clause, t_sbar, 1 },
    /* "Arnor attacked Gondor, in a statement": (PP (IN in) (NP a statement)) */
    { X_I | X_T, w_pp, t_pp, 1 },
    /* "Arnor attacked Gondor on Monday -- a day of mourning": (NP a day) */
    { 0, w_np, t_np, 1 },
    /* "Arnor attacked Gondor -- killing ten people": (VP (VBG killing) ...) */
    { VERBW, w_verb, t_vp, 1 },
    /* the final period, (. .), and any other token */
    { 0, w_any, t_leaf, 1 },
};
static chunk_table AFTER_VP_TABLE = { AFTER_VP_RULES, NROWS(AFTER_VP_RULES), { 0 } };

/* A clause: leading modifiers, a subject, a VP, and coordinated clauses.  Always
 * consumes at least one token when i < n. */
static size_t parse_clause(chunk_state *k, int32_t parent, size_t i, const char *label) {
    k->depth++;
    at a = { .into = node(k, parent, label, -1), .i = i, .start = i, .parent = parent, .label = label };
    while (a.i < k->n) {
        int v = apply_chunk_rules(k, a.have_vp ? &AFTER_VP_TABLE : &CLAUSE_TABLE, &a);
        if (v == END) break;
    }
    if (a.i == i && a.i < k->n) leaf(k, a.into, a.i++);
    k->depth--;
    return a.i;
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

/* The fragment a dateline makes (dl: dateline_end's index): the parser reads "CEBU CITY:
 * -- Officials said ..." as (ROOT (NP (NP CEBU CITY) (: :) (: --) (S ...) (. .))).
 * Returns the end of the sentence. */
static size_t parse_dateline(chunk_state *k, int32_t root, size_t dl) {
    size_t i = 0, n = k->n;
    int32_t frag = node(k, root, "NP", -1);
    int32_t place = node(k, frag, "NP", -1);
    for (; i < n && !tag_is(k, i, ":"); i++) {
        if (tag_is(k, i, ",")) {
            leaf(k, frag, i);
            place = node(k, frag, "NP", -1);
        } else leaf(k, place, i);
    }
    for (; i < dl; i++) leaf(k, frag, i);
    size_t end = n;
    while (end > i && tag_is(k, end - 1, ".")) end--;
    k->n = end; /* the final period closes the fragment, not its clause */
    while (i < end) {
        size_t j = parse_clause(k, frag, i, "S");
        if (j <= i) j = i + 1;
        i = j;
    }
    k->n = n;
    for (; i < n; i++) leaf(k, frag, i);
    return i;
}

/* Token tok's leaf as sentence node o (a new token of s): its text and upper-case form
 * go to *text, room that the caller reserved (2 * (len + 1) bytes); returns the room left. */
static char *emit_leaf(ent_sentence *s, ent_node *o, int32_t nid, const ent_tagword *x, ent_span span, char *text) {
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
    t->span = span;
    o->token = tid;
    o->tok_first = tid;
    o->tok_end = tid + 1;
    return text;
}

/* Write k's tree into s in preorder (every parent before its children).  What
 * ent_sentence_add_phrase / ent_sentence_add_token do, without their per-call growth
 * checks and label lengths: room for every node and leaf token is made once, and the
 * texts of all tokens share one arena block (each text followed by its upper-case copy
 * when it has lower-case ASCII letters, else the text doubles as its upper-case form). */
static void emit_tree(ent_sentence *s, const chunk_state *k, ent_chunk_scratch *tl, const ent_span *spans, int32_t root) {
    const ent_tagword *w = k->w;
    ENT_GROW(tl->map, k->nn, tl->scap);
    if (tl->stcap < tl->scap + 1) { /* the stack never holds more than every node once, plus the root */
        tl->stack = ent_xrealloc(tl->stack, (tl->scap + 1) * sizeof *tl->stack);
        tl->stcap = tl->scap + 1;
    }
    int32_t *map = tl->map, *stack = tl->stack;
    size_t nleaves = 0, bytes = 0;
    for (size_t id = 0; id < k->nn; id++)
        if (k->nodes[id].tok >= 0) { nleaves++; bytes += 2 * (w[k->nodes[id].tok].len + 1); }
    ENT_GROW(s->nodes, s->nnodes + k->nn, s->nodes_cap);
    ENT_GROW(s->tokens, s->ntokens + nleaves, s->tokens_cap);
    char *text = bytes ? ent_arena_alloc(&s->arena, bytes) : NULL;
    size_t sp = 0;
    stack[sp++] = root;
    while (sp) {
        int32_t id = stack[--sp];
        const cnode *c = &k->nodes[id];
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
            text = emit_leaf(s, o, nid, &w[c->tok], spans ? spans[c->tok] : (ent_span){ 0, 0 }, text);
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
        for (int32_t ch = c->last; ch >= 0; ch = k->nodes[ch].prev) stack[sp++] = ch;
    }
}

/* Each table's rows by tag class, built once (thread-safe). */
static chunk_table *const TABLES[] = { &VP_TABLE, &VERB_GROUP_TABLE, &SUBJECT_TABLE, &INTRO_TABLE, &CLAUSE_TABLE,
                                       &AFTER_VP_TABLE };
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static int tables_ready;
static void chunk_tables_init(void) {
    for (size_t t = 0; t < sizeof TABLES / sizeof *TABLES; t++)
        for (size_t r = 0; r < TABLES[t]->n; r++)
            for (int c = 0; c < X_NCLASSES; c++)
                if (!TABLES[t]->rows[r].tags || (TABLES[t]->rows[r].tags & (1u << c)))
                    TABLES[t]->by_class[c] |= (uint32_t)1 << r;
    __atomic_store_n(&tables_ready, 1, __ATOMIC_RELEASE);
}
_Static_assert(NROWS(VP_RULES) <= 32 && NROWS(CLAUSE_RULES) <= 32 && NROWS(AFTER_VP_RULES) <= 32 && NROWS(SUBJECT_RULES) <= 32,
               "a table's rows fit a uint32_t");

void ent_chunk(ent_sentence *s, const ent_tagword *w, const ent_span *spans, size_t n) {
    if (!__atomic_load_n(&tables_ready, __ATOMIC_ACQUIRE)) pthread_once(&tables_once, chunk_tables_init);
    ent_chunk_scratch *tl = &ent_sentence_work(s)->chunk; /* reused between sentences */
    size_t need = n ? n : 1;
    if (need > tl->mcap) {
        free(tl->memo);
        tl->memo = ent_xmalloc(2 * need * sizeof *tl->memo);   /* np_end's, then np_full_end's */
        tl->mcap = need;
    }
    memset(tl->memo, 0, 2 * need * sizeof *tl->memo);
    chunk_state k = { w, n, tl->nodes, 0, tl->cap, 0, tl->memo, tl->memo + need, SIZE_MAX, 0, -1 };
    int32_t root = node(&k, -1, "ROOT", -1);
    size_t dl = dateline_end(&k);
    size_t i = dl ? parse_dateline(&k, root, dl) : 0;
    while (i < n) {
        size_t j = parse_clause(&k, root, i, "S");
        if (j <= i) j = i + 1; /* cannot happen; guarantees progress */
        i = j;
    }
    emit_tree(s, &k, tl, spans, root);
    tl->nodes = k.nodes;
    tl->cap = k.cap;
    if (tl->cap > 262144 || tl->mcap > 65536) {
        /* do not keep the scratch of a huge sentence */
        free(tl->nodes); free(tl->memo); free(tl->map); free(tl->stack);
        memset(tl, 0, sizeof *tl);
    }
    ent_sentence_finish(s);
}

/* linearize.c — turns a sentence's phrase tree into the coder's flat item sequence
 * (coder_int.h): marks coordinated noun phrases as compounds (NEC), flattens noun phrases
 * that can hold actors into NE groups (possessives, "X of Y" prepositional phrases and
 * plain noun phrases), flattens relative clauses inside noun phrases, splits compounds
 * into one NE per conjunct (coder.c then splits compounds found inside NEs), tests for
 * datelines and removes comma-delimited clauses (comma_* options; a clause holding the
 * sentence's main verb is never removed, so "On Monday, X accused Y" keeps its subject).
 *
 * The rules follow the shallow-parse conventions the TABARI/PETRARCH dictionaries were
 * written for; they are implemented here directly on the tree (pre-order node indices
 * equal text order, so "later in the parse" is "larger node index").
 */
#include "coder/coder_int.h"
#include "coder/synidx.h"
#include "syntax/tagger.h"
#include "text/text.h"

#include <ctype.h>

typedef struct lin_state {
    cz_scratch *z;
    const ent_sentence *s;
    const ent_node *nd;
    int32_t *end;     /* subtree end (exclusive) of each node */
    uint8_t *lab;     /* label class per node (after compound marking) */
    cvec *out;
    int32_t stk[512];  /* open items awaiting their CLOSE (mates are set on the fly) */
    int sp, overflow;
    int ne_depth;      /* open NE groups */
} lin_state;

static uint8_t label_class(const char *l) {
    switch (l[0]) {
    case 'N':
        if (l[1] == 'P' && !l[2]) return L_NP;
        if (l[1] == 'N') return L_NN;
        if (l[1] == 'E' && l[2] == 'C' && !l[3]) return L_NEC;
        if (l[1] == 'E' && !l[2]) return L_NE;
        return L_OTHER;
    case 'V':
        if (l[1] == 'P' && !l[2]) return L_VP;
        if (l[1] == 'B') return L_VB;
        return L_OTHER;
    case 'S': return (l[1] == 'B' && l[2] == 'A' && l[3] == 'R' && !l[4]) ? L_SBAR : L_S;
    case 'P':
        if (l[1] == 'P' && !l[2]) return L_PP;
        if (l[1] == 'O' && l[2] == 'S' && !l[3]) return L_POS;
        return L_OTHER;
    case ',': return l[1] ? L_OTHER : L_COMMA;
    case 'C': return (l[1] == 'C') ? L_CC : L_OTHER;
    case 'I': return (l[1] == 'N' && !l[2]) ? L_IN : L_OTHER;
    case 'J': return (l[1] == 'J') ? L_JJ : L_OTHER;
    case 'R': return (l[1] == 'O' && l[2] == 'O' && l[3] == 'T' && !l[4]) ? L_ROOT : L_OTHER;
    default: return L_OTHER;
    }
}

static const char *class_label(uint8_t c, const char *orig) {
    switch (c) {
    case L_NE: return "NE";
    case L_NEC: return "NEC";
    case L_SBR: return "SBR";
    default: return orig;
    }
}

static void push_open(lin_state *L, uint8_t lab, const char *label) {
    cvec *o = L->out;
    if (lab == L_NE) L->ne_depth++;
    else if (lab == L_NEC && L->ne_depth > 0) L->z->nec_in_ne = 1;
    if (L->sp < 512) L->stk[L->sp] = (int32_t)o->n;
    else L->overflow = 1;
    L->sp++;
    coder_item *it = cvec_add(o);
    it->kind = K_OPEN; it->lab = lab; it->label = label; it->tok = -1; it->mate = -1;
    it->vbn = lab == L_VB && label[2] == 'N' && !label[3];
}

static void push_close(lin_state *L, uint8_t lab, const char *label) {
    cvec *o = L->out;
    int32_t mate = -1;
    if (lab == L_NE) L->ne_depth--;
    if (L->sp > 0) {
        L->sp--;
        if (L->sp < 512) {
            mate = L->stk[L->sp];
            o->v[mate].mate = (int32_t)o->n;
        }
    }
    coder_item *it = cvec_add(o);
    it->kind = K_CLOSE; it->lab = lab; it->label = label; it->tok = -1; it->mate = mate;
    it->vbn = lab == L_VB && label[2] == 'N' && !label[3];
}

static void push_word_tagged(lin_state *L, int32_t tok, uint8_t lab, const char *tag) {
    coder_item *it = cvec_add(L->out);
    it->kind = K_WORD; it->tok = tok; it->mate = -1;
    it->lab = lab; it->label = tag;
    it->vbn = lab == L_VB && tag[2] == 'N' && !tag[3];
    it->w = L->s->tokens[tok].upper;
    it->h = L->z->th[tok];
}

/* a word inside an actor phrase or flattened clause: no tag (not a phrase of its own) */
static void push_word(lin_state *L, int32_t tok) { push_word_tagged(L, tok, L_OTHER, NULL); }

static int is_sbar(const lin_state *L, int32_t n) { return L->lab[n] == L_SBAR; }

/* leaf: a WORD carrying its tag (it counts as a complete phrase of its own) */
static void emit_leaf(lin_state *L, int32_t n) {
    const ent_node *x = &L->nd[n];
    push_word_tagged(L, x->token, L->lab[n], x->label);
}

/* every word of the subtree, without markup */
static void emit_words(lin_state *L, int32_t n) {
    for (int32_t i = n; i < L->end[n]; i++)
        if (L->nd[i].token >= 0) push_word(L, L->nd[i].token);
}

/* the subtree verbatim: phrases and leaves with their labels (used inside compounds) */
static void emit_raw(lin_state *L, int32_t n) {
    const ent_node *x = &L->nd[n];
    if (x->token >= 0) { emit_leaf(L, n); return; }
    uint8_t c = L->lab[n];
    const char *lb = class_label(c, x->label);
    push_open(L, c, lb);
    for (int32_t ch = x->first_child; ch >= 0; ch = L->nd[ch].next_sibling) emit_raw(L, ch);
    push_close(L, c, lb);
}

/* Words of a noun phrase as an actor phrase: markup dropped, except that compounds
 * (NEC) inside keep their structure so they can be split later; skip_tok is left out. */
static void emit_ne_words(lin_state *L, int32_t n, int32_t skip_tok) {
    const ent_node *x = &L->nd[n];
    if (x->token >= 0) {
        if (x->token != skip_tok) push_word(L, x->token);
        return;
    }
    if (L->lab[n] == L_NEC) { emit_raw(L, n); return; }
    for (int32_t ch = x->first_child; ch >= 0; ch = L->nd[ch].next_sibling) emit_ne_words(L, ch, skip_tok);
}

/* One walk over the subtree of n (n itself excluded) for what a noun phrase's shape
 * depends on: the first possessive (POS) and prepositional phrase (PP) nodes (-1 when
 * none) and whether it holds a noun phrase or compound.  Relative clauses (SBAR) are
 * opaque: they are flattened to words inside noun phrases. */
static void scan_np(const lin_state *L, int32_t n, int32_t *pos, int32_t *pp, int *np_inside) {
    *pos = -1; *pp = -1; *np_inside = 0;
    for (int32_t i = n + 1; i < L->end[n];) {
        uint8_t c = L->lab[i];
        if (c == L_SBAR) { i = L->end[i]; continue; }
        if (c == L_POS) { *pos = i; return; }   /* the caller needs nothing else then */
        if (c == L_PP && *pp < 0) *pp = i;
        if (c == L_NP || c == L_NEC) *np_inside = 1;
        i++;
    }
}

/* Words of one conjunct of a compound, as its actor phrase: like emit_ne_words, but a
 * prepositional phrase whose object could not be one actor phrase by the NE rules above
 * (a plain noun phrase, or "X of Y" with no deeper preposition: emit_prep_ne's limit) is
 * left out whole.  "bans on travel to Canada against officers in the Russian military"
 * keeps "BANS" (three prepositions down, CANADA is not the conjunct's actor and the
 * agent MILITARY is not Canada's); "bans against the king of Gondor" stays whole. */
static void emit_conjunct_words(lin_state *L, int32_t n) {
    const ent_node *x = &L->nd[n];
    if (x->token >= 0) { push_word(L, x->token); return; }
    if (L->lab[n] == L_NEC) { emit_raw(L, n); return; }
    if (L->lab[n] == L_PP)
        for (int32_t i = n + 1; i < L->end[n]; i++)
            if (L->lab[i] == L_PP)
                for (int32_t j = i + 1; j < L->end[i]; j++)
                    if (L->lab[j] == L_PP) return;
    for (int32_t ch = x->first_child; ch >= 0; ch = L->nd[ch].next_sibling) emit_conjunct_words(L, ch);
}

/* Does noun phrase n end in a plural noun (NNS, NNPS)? */
static int plural_head(const lin_state *L, int32_t n) {
    int32_t last = -1;
    for (int32_t i = n; i < L->end[n]; i++)
        if (L->nd[i].token >= 0) last = i;
    if (last < 0) return 0;
    const char *t = L->s->tokens[L->nd[last].token].tag;
    return t[0] == 'N' && t[1] == 'N' && (t[2] == 'S' || (t[2] == 'P' && t[3] == 'S'));
}

/* A place: a prepositional phrase of a preposition of location and one noun phrase with
 * no prepositional phrase inside: (PP (IN in) (NP South Korea)), not "with Russia". */
static int place_pp(const lin_state *L, int32_t n) {
    static const char *const locative[] = {"IN", "AT", "ALONG", "ACROSS", "NEAR", "INSIDE", "OUTSIDE",
                                           "THROUGHOUT", "AROUND", "FROM", NULL};
    if (L->lab[n] != L_PP) return 0;
    int32_t in = L->nd[n].first_child, obj = in >= 0 ? L->nd[in].next_sibling : -1;
    if (in < 0 || L->nd[in].token < 0 || L->lab[in] != L_IN || obj < 0 || L->nd[obj].next_sibling >= 0 ||
        (L->lab[obj] != L_NP && L->lab[obj] != L_NEC) ||
        !ent_str_in_list(L->s->tokens[L->nd[in].token].upper, locative))
        return 0;
    for (int32_t i = obj + 1; i < L->end[obj]; i++)
        if (L->lab[i] == L_PP || L->lab[i] == L_SBAR) return 0;
    return 1;
}

/* Is noun phrase n, after a determiner, one actor phrase of the dictionaries with "of"
 * inside ("the Group of Seven", "the Organization of American States")?  Such a name is no
 * deeper prepositional phrase. */
static int name_with_of(const lin_state *L, int32_t n) {
    const char *w[16];
    size_t nw = 0;
    if (!L->z->d) return 0;
    for (int32_t i = n; i < L->end[n]; i++) {
        int32_t t = L->nd[i].token;
        if (t < 0) continue;
        const ent_token *k = &L->s->tokens[t];
        if (nw == 0 && !strcmp(k->tag, "DT")) continue;
        if (nw == 16) return 0;
        w[nw++] = k->upper;
    }
    return nw >= 3 && ent_dict_actor_match(L->z->d, w, nw, 0, 0, NULL, NULL) == nw;
}

/* Does an actor phrase start at a word of noun phrase n ("the Gondor")? */
static int names_actor(const lin_state *L, int32_t n) {
    const char *w[16];
    size_t nw = 0;
    for (int32_t i = n; i < L->end[n] && nw < 16; i++)
        if (L->nd[i].token >= 0) w[nw++] = L->s->tokens[L->nd[i].token].upper;
    for (size_t i = 0; i < nw; i++)
        if (ent_dict_actor_match(L->z->d, w, nw, i, 0, NULL, NULL)) return 1;
    return 0;
}

/* "X of Y" noun phrase: head noun phrase + preposition + object noun phrase (+ a
 * following relative clause).  Returns 1 and emits an NE, or 0 (nothing emitted) when
 * the phrase does not have that simple shape. */
static int emit_prep_ne(lin_state *L, int32_t np, int32_t pp) {
    int32_t q = L->nd[pp].parent;
    if (q < 0 || L->lab[q] != L_NP) return 0;
    int32_t head = L->nd[q].first_child;
    if (head < 0 || (L->lab[head] != L_NP && L->lab[head] != L_NEC)) return 0;
    /* the first preposition after the head */
    int32_t in = -1;
    for (int32_t i = L->end[head]; i < L->end[q]; i++)   /* one after q could not have an object in q */
        if (L->nd[i].token >= 0 && L->lab[i] == L_IN) { in = i; break; }
    if (in < 0) return 0;
    int32_t obj = -1;
    for (int32_t i = in + 1; i < L->end[q]; i++)
        if (L->lab[i] == L_NP || L->lab[i] == L_NEC) { obj = i; break; }
    if (obj < 0) return 0;
    int nested = 0;
    for (int32_t i = obj + 1; i < L->end[obj] && !nested; i++) nested = L->lab[i] == L_PP;
    if (nested && !(name_with_of(L, obj) && !names_actor(L, head)))
        return 0;   /* nested prepositional phrases: too deep, unless a role of a name with
                       "of" ("Leaders of the Group of Seven"; not "the Gondor of the Prince
                       of Dol Amroth", whose two actors PETRARCH keeps apart) */
    push_open(L, L_NE, "NE");
    if (L->lab[head] == L_NEC) emit_raw(L, head);
    else emit_ne_words(L, head, -1);
    push_word(L, L->nd[in].token);
    if (L->lab[obj] == L_NEC) emit_raw(L, obj);
    else emit_ne_words(L, obj, -1);

    int32_t from = L->end[obj];
    /* places after "X of Y" or "X at Y" belong to the same NE, as "Doctors in South Korea"
     * is one: "Thousands of doctors in South Korea" (NP (NP X (PP of Y)) (PP in Z)),
     * "Dockworkers at ports along the U.S. East Coast" (NP (NP X) (PP at Y) (PP along Z));
     * a place phrase whose object holds no deeper phrase, one after the other, after a
     * plural head (a group of people; not "a fire at a hostel in Wellington") */
    int32_t after = L->nd[in].parent, more = plural_head(L, head);
    for (int32_t ch = more && after >= 0 ? L->nd[after].next_sibling : -1; ch >= 0; ch = L->nd[ch].next_sibling) {
        if (!place_pp(L, ch)) { more = 0; break; }
        emit_ne_words(L, ch, -1);
        from = L->end[ch];
    }
    if (more && q != np && L->nd[q].parent == np)
        for (int32_t ch = L->nd[q].next_sibling; ch >= 0 && place_pp(L, ch); ch = L->nd[ch].next_sibling) {
            emit_ne_words(L, ch, -1);
            from = L->end[ch];
        }
    for (int32_t i = from; i < L->end[np]; i++)
        if (is_sbar(L, i)) { emit_words(L, i); break; }
    push_close(L, L_NE, "NE");
    return 1;
}

/* The possessive ending noun phrase n ("Russia 's"): its last leaf when that is a POS,
 * else -1. */
static int32_t possessive_end(const lin_state *L, int32_t n) {
    int32_t last = L->end[n] - 1;
    return last > n && L->nd[last].token >= 0 && L->lab[last] == L_POS ? last : -1;
}

/* A compound noun phrase at clause level: one NE per conjunct; adjectives before the
 * first noun are shared by single-noun conjuncts ("evil Mordor and Gondor").  In a flat
 * compound "(NP (NNP Barack) (NNP Obama) (CC and) (NNP Vladimir) (NNP Putin))" the nouns
 * next to each other make one conjunct, as the parse "(NP (NP Barack Obama) (CC and) (NP
 * Vladimir Putin))" has them. */
static void emit_nec(lin_state *L, int32_t n) {
    push_open(L, L_NEC, "NEC");
    int32_t e = L->end[n], i = n + 1;
    int32_t adj[16]; int nadj = 0;
    for (; i < e; i++) {
        if (L->lab[i] == L_NP || L->lab[i] == L_NN) break;
        if (L->lab[i] == L_JJ && L->nd[i].token >= 0 && nadj < 16) adj[nadj++] = L->nd[i].token;
    }
    while (i < e) {
        if (L->lab[i] == L_NN && L->nd[i].token >= 0) {
            push_open(L, L_NE, "NE");
            for (int k = 0; k < nadj; k++) push_word(L, adj[k]);
            push_word(L, L->nd[i].token);
            i = L->end[i];
            while (i < e && L->lab[i] == L_NN && L->nd[i].token >= 0) {   /* Barack Obama */
                push_word(L, L->nd[i].token);
                i = L->end[i];
            }
            push_close(L, L_NE, "NE");
        } else if (L->lab[i] == L_NP) {
            push_open(L, L_NE, "NE");
            int32_t pos = possessive_end(L, i);
            if (pos >= 0 && L->end[i] < e && L->lab[L->end[i]] == L_NN && L->nd[L->end[i]].token >= 0) {
                /* "Russia's Gazprom and Turkey": the owner and the nouns it determines are one
                 * conjunct, without the 's, as a possessive noun phrase is (emit_node) */
                emit_ne_words(L, i, L->nd[pos].token);
                i = L->end[i];
                while (i < e && L->lab[i] == L_NN && L->nd[i].token >= 0) {
                    push_word(L, L->nd[i].token);
                    i = L->end[i];
                }
            } else {
                emit_conjunct_words(L, i);
                i = L->end[i];
            }
            push_close(L, L_NE, "NE");
        } else i++;
    }
    push_close(L, L_NEC, "NEC");
}

/* "Chinese and Indian troops": a noun phrase of leaves [DT] A (, A)* CC A N+ whose
 * modifiers A are capitalised adjectives (nationalities) becomes a compound with one NE
 * per modifier, each followed by the shared nouns ("CHINESE TROOPS", "INDIAN TROOPS").
 * Lower-case modifiers ("economic and military aid") are left alone.  With common set
 * (a phrase the chunker already made a compound of nouns, a demonym being tagged NNP:
 * "Armenian and Azerbaijani troops") the shared nouns must be common nouns (NN, NNS), so
 * that "Iran and Afghan leader Hamid Karzai" stays two actors.  Returns 1 if it
 * emitted the compound. */
static int emit_adj_compound(lin_state *L, int32_t n, int common) {
    int32_t ch[24], m = 0;
    int ncc = 0;
    /* the leaves, looking into child phrases made only of leaves ("(NP (ADJP Chinese and
     * Indian) troops)" from the chunker) */
    for (int32_t c = L->nd[n].first_child; c >= 0; c = L->nd[c].next_sibling) {
        if (L->nd[c].token >= 0) {
            if (m == 24) return 0;
            ncc += L->lab[c] == L_CC;
            ch[m++] = c;
            continue;
        }
        for (int32_t g = L->nd[c].first_child; g >= 0; g = L->nd[g].next_sibling) {
            if (L->nd[g].token < 0 || m == 24) return 0;
            ncc += L->lab[g] == L_CC;
            ch[m++] = g;
        }
    }
    if (!ncc || m < 4) return 0;   /* no "A and B N" (two modifiers, CC, a noun) */
    int i = 0;
    if (i < m && !strcmp(L->nd[ch[i]].label, "DT")) i++;
    int32_t adj[8];
    int nadj = 0, cc = 0;
    for (; i < m; i++) {
        const char *lb = L->nd[ch[i]].label;
        const char *tx = L->s->tokens[L->nd[ch[i]].token].text;
        int cap = isupper((unsigned char)tx[0]);
        if ((!strcmp(lb, "JJ") || !strcmp(lb, "NNP") || !strcmp(lb, "NNPS")) && cap && nadj < 8 &&
            i + 1 < m && (L->lab[ch[i + 1]] == L_CC || L->lab[ch[i + 1]] == L_COMMA || cc)) {
            adj[nadj++] = L->nd[ch[i]].token;
            if (cc) { i++; break; }           /* the last modifier, after the CC */
            continue;
        }
        if (L->lab[ch[i]] == L_COMMA && nadj > 0 && !cc) continue;
        if (L->lab[ch[i]] == L_CC && nadj > 0 && !cc) { cc = 1; continue; }
        return 0;
    }
    if (!cc || nadj < 2 || i >= m) return 0;
    for (int k = i; k < m; k++)
        if (L->lab[ch[k]] != L_NN || (common && strcmp(L->nd[ch[k]].label, "NN") && strcmp(L->nd[ch[k]].label, "NNS")))
            return 0;
    push_open(L, L_NEC, "NEC");
    for (int a = 0; a < nadj; a++) {
        push_open(L, L_NE, "NE");
        push_word(L, adj[a]);
        for (int k = i; k < m; k++) push_word(L, L->nd[ch[k]].token);
        push_close(L, L_NE, "NE");
    }
    push_close(L, L_NEC, "NEC");
    return 1;
}

/* A relative clause set off by a comma inside noun phrase np, at its child n: (SBAR (WHNP
 * which|who) (S ...)) after a comma ("Egypt, which mediated between ...,").  With
 * relative_phrases (the clauses option) it keeps its phrases, so that its verb codes with
 * the phrase it modifies as source (coder.c clause_start); else its words stay flat, as
 * the reference coder has them. */
static int comma_relative(const lin_state *L, int32_t np, int32_t n) {
    if (!L->z->relative_phrases) return 0;
    int32_t w = L->nd[n].first_child, prev = -1;
    if (w < 0 || L->nd[w].token >= 0 || strcmp(L->nd[w].label, "WHNP")) return 0;
    for (int32_t ch = L->nd[np].first_child; ch >= 0 && ch != n; ch = L->nd[ch].next_sibling) prev = ch;
    return prev >= 0 && L->lab[prev] == L_COMMA;
}

static void emit_node(lin_state *L, int32_t n, int in_np) {
    const ent_node *x = &L->nd[n];
    if (x->token >= 0) { emit_leaf(L, n); return; }
    uint8_t c = L->lab[n];
    if (c == L_NEC) {   /* "Armenian and Azerbaijani troops": a demonym tagged NNP made it a compound */
        if (!(L->ne_depth == 0 && emit_adj_compound(L, n, 1))) emit_nec(L, n);
        return;
    }
    if (in_np && is_sbar(L, n) && x->parent >= 0 && comma_relative(L, x->parent, n)) {
        push_open(L, L_SBAR, "SBAR");
        for (int32_t ch = x->first_child; ch >= 0; ch = L->nd[ch].next_sibling) emit_node(L, ch, 0);
        push_close(L, L_SBAR, "SBAR");
        return;
    }
    if (in_np && is_sbar(L, n)) {           /* relative clause inside a noun phrase */
        push_open(L, L_SBR, "SBR");
        emit_words(L, n);
        push_close(L, L_SBR, "SBR");
        return;
    }
    if (c == L_NP) {
        if (L->ne_depth == 0 && emit_adj_compound(L, n, 0)) return;
        int32_t pos, pp;
        int np_inside;
        scan_np(L, n, &pos, &pp, &np_inside);
        if (pos >= 0) {                      /* possessive: one phrase without the 's */
            push_open(L, L_NE, "NE");
            emit_ne_words(L, n, L->nd[pos].token);
            push_close(L, L_NE, "NE");
            return;
        }
        if (pp >= 0) {
            if (emit_prep_ne(L, n, pp)) return;
        } else if (!np_inside) {             /* simple noun phrase */
            push_open(L, L_NE, "NE");
            emit_ne_words(L, n, -1);
            push_close(L, L_NE, "NE");
            return;
        }
        in_np = 1;
    }
    const char *lb = class_label(c, x->label);
    push_open(L, c, lb);
    for (int32_t ch = x->first_child; ch >= 0; ch = L->nd[ch].next_sibling) emit_node(L, ch, in_np);
    push_close(L, c, lb);
}

/* Is token i a capitalised proper noun, or a capitalised noun inside the sentence (a
 * word of a name: "Minister of Defence")? */
static int cap_name(const ent_sentence *s, size_t i) {
    const ent_token *k = &s->tokens[i];
    return !strncmp(k->tag, i ? "NN" : "NNP", i ? 2 : 3) && isupper((unsigned char)k->text[0]);
}

/* Does an actor phrase of the dictionaries end at token e, starting at a capitalised
 * name at or before it (over the run of such names that e closes: "Burkina Faso")? */
static int actor_ends_at(const lin_state *L, size_t e) {
    const char *w[16];
    size_t a = e;
    while (a > 0 && e - a < 15 && cap_name(L->s, a - 1)) a--;
    size_t nw = 0;
    for (size_t i = a; i <= e; i++) w[nw++] = L->s->tokens[i].upper;
    for (size_t i = 0; i < nw; i++)
        if (ent_dict_actor_match(L->z->d, w, nw, i, 0, NULL, NULL) == nw - i) return 1;
    return 0;
}

/* Is the CC at token t a word of one name ("the Peace and Security Council", "the Belt
 * and Road Initiative", "Trinidad and Tobago"): between two capitalised nouns, with no
 * actor phrase of the dictionaries ending at the one before it, and either an actor
 * phrase spanning it or the name going on after the second noun (another capitalised
 * noun)?  Such a phrase is no compound of two actors. */
static int cc_in_name(const lin_state *L, size_t t) {
    const ent_sentence *s = L->s;
    if (!L->z->d || t == 0 || t + 1 >= s->ntokens || !cap_name(s, t - 1) || !cap_name(s, t + 1)) return 0;
    if (actor_ends_at(L, t - 1)) return 0;
    const char *w[16];
    size_t a = t - 1, nw = 0;
    while (a > 0 && t - a < 8 && cap_name(s, a - 1)) a--;
    for (size_t i = a; i < s->ntokens && nw < 16; i++) w[nw++] = s->tokens[i].upper;
    for (size_t i = 0; i < t - a; i++)
        if (ent_dict_actor_match(L->z->d, w, nw, i, 0, NULL, NULL) > t + 1 - a - i) return 1;
    return t + 2 < s->ntokens && cap_name(s, t + 2);
}

/* Coordination: a CC directly inside a noun phrase with several nouns and no clause
 * makes that noun phrase a compound (NEC), unless it is a word of one name. */
static void mark_compounds(lin_state *L) {
    for (size_t t = 0; t < L->s->ntokens; t++) {
        if (L->s->tokens[t].tag[0] != 'C' || L->s->tokens[t].tag[1] != 'C') continue;
        if (cc_in_name(L, t)) continue;
        int32_t p = L->nd[L->s->tokens[t].node].parent;
        if (p < 0) continue;
        int clause = 0, ncc = 0, nn = 0;
        for (int32_t i = p; i < L->end[p]; i++) {
            const char *lb = L->nd[i].label;
            if (lb[0] == 'S' || (lb[0] == 'V' && lb[1] == 'P')) clause = 1;
            if (lb[0] == 'C' && lb[1] == 'C') ncc++;
            if (lb[0] == 'N' || L->lab[i] == L_NEC) nn++;
        }
        if (clause || ncc > 1) continue;
        if (L->lab[p] == L_NP && nn >= 3) L->lab[p] = L_NEC;
    }
}

void ent_cz_hash_tokens(cz_scratch *z, const ent_sentence *s) {
    ENT_GROW(z->th, s->ntokens + 1, z->th_cap);
    for (size_t i = 0; i < s->ntokens; i++) z->th[i] = ent_cz_word_hash(s->tokens[i].upper);
}

int ent_cz_linearize(cz_scratch *z, const ent_sentence *s) {
    z->items.n = 0;
    if (s->nnodes == 0 || s->ntokens == 0) return -1;
    size_t nn = s->nnodes;
    ENT_GROW(z->nlab, nn, z->nlab_cap);
    ENT_GROW(z->flat, nn, z->flat_cap);
    lin_state L;
    L.sp = 0; L.overflow = 0; L.ne_depth = 0;
    z->nec_in_ne = 0;
    L.z = z; L.s = s; L.nd = s->nodes; L.end = z->flat; L.lab = z->nlab; L.out = &z->items;
    for (size_t i = nn; i-- > 0;) {
        const ent_node *x = &s->nodes[i];
        L.end[i] = x->last_child >= 0 ? L.end[x->last_child] : (int32_t)i + 1;
        L.lab[i] = label_class(x->label);
    }
    mark_compounds(&L);
    emit_node(&L, 0, 0);
    if (L.overflow || L.sp != 0) return ent_cz_pair(&z->items);
    return 0;
}

int ent_cz_pair(cvec *c) {
    int32_t stack[1024];
    int sp = 0, ok = 1;
    for (size_t i = 0; i < c->n; i++) {
        coder_item *it = &c->v[i];
        it->mate = -1;
        if (it->kind == K_OPEN) {
            if (sp < 1024) stack[sp++] = (int32_t)i;
            else ok = 0;
        } else if (it->kind == K_CLOSE) {
            if (sp == 0) { ok = 0; continue; }
            int32_t o = stack[--sp];
            c->v[o].mate = (int32_t)i;
            it->mate = o;
        }
    }
    return (ok && sp == 0) ? 0 : -1;
}

int ent_cz_is_dateline(const cvec *c) {
    uint8_t want[3] = {L_ROOT, L_NE, L_NEC};
    int k = 0;
    for (size_t i = 0; i < c->n && k < 3; i++) {
        if (c->v[i].kind != K_OPEN) continue;
        if (c->v[i].lab != want[k]) return 0;
        k++;
    }
    return k == 3;
}

/* ---- comma-delimited clauses ------------------------------------------------------- */

static int is_comma_open(const coder_item *it) { return it->kind == K_WORD && it->lab == L_COMMA && it->label; }

static int count_words(const cvec *c, size_t lo, size_t hi) {
    int k = 0;
    for (size_t i = lo; i < hi && i < c->n; i++)
        if (c->v[i].kind == K_WORD && isalpha((unsigned char)c->v[i].w[0])) k++;
    return k;
}

/* Remove every complete phrase lying inside [lo, hi); returns the number removed. */
static size_t delete_phrases(cvec *c, size_t lo, size_t hi) {
    size_t w = lo, i = lo;
    while (i < hi) {
        if (c->v[i].kind == K_OPEN && c->v[i].mate > (int32_t)i && (size_t)c->v[i].mate < hi) {
            i = (size_t)c->v[i].mate + 1;
            continue;
        }
        if (c->v[i].kind == K_WORD && c->v[i].label) { i++; continue; }   /* a leaf */
        c->v[w++] = c->v[i++];
    }
    size_t removed = hi - w;
    if (removed) {
        memmove(c->v + w, c->v + hi, (c->n - hi) * sizeof(coder_item));
        c->n -= removed;
        ent_cz_pair(c);
    }
    return removed;
}

static size_t remove_range(cvec *c, size_t lo, size_t n) {
    if (lo + n > c->n) return 0;
    memmove(c->v + lo, c->v + lo + n, (c->n - lo - n) * sizeof(coder_item));
    c->n -= n;
    ent_cz_pair(c);
    return n;
}

static long first_comma(const cvec *c, size_t from) {
    for (size_t i = from; i < c->n; i++)
        if (is_comma_open(&c->v[i])) return (long)i;
    return -1;
}

/* index of the last item that is not a CLOSE (the final punctuation) */
static long find_end(const cvec *c) {
    long k = (long)c->n - 1;
    while (k >= 2 && c->v[k].kind == K_CLOSE) k--;
    return k;
}

static int is_finite_tag(const char *t) {
    return t && (!strcmp(t, "VBD") || !strcmp(t, "VBZ") || !strcmp(t, "VBP") || !strcmp(t, "MD"));
}

/* The sentence's main verb phrase: among the verb phrases that hang from the top clause
 * (only S phrases above them), the first one opening with a finite verb (VBD, VBZ, VBP,
 * MD), else the last one ("Russian troops, backed by artillery, attacked ..." with both
 * participles tagged VBN).  Item index, or -1 when there is none. */
static long main_vp(const cvec *c) {
    int nons = 0, sp = 0;
    uint8_t stk[256];
    long last = -1;
    for (size_t i = 0; i < c->n; i++) {
        const coder_item *x = &c->v[i];
        if (x->kind == K_OPEN) {
            if (x->lab == L_VP && nons == 0) {
                /* a coordination of verb phrases opens with its first conjunct ("(VP (VP
                 * killed ...) and (VP wounded ...))"): its first verb is the one */
                size_t j = i + 1;
                while (j < c->n && c->v[j].kind == K_OPEN && c->v[j].lab == L_VP) j++;
                if (j < c->n && c->v[j].kind == K_WORD && is_finite_tag(c->v[j].label)) return (long)i;
                last = (long)i;
            }
            int other = x->lab != L_S && x->lab != L_ROOT;
            if (sp < 256) stk[sp] = (uint8_t)other;
            sp++;
            nons += other;
        } else if (x->kind == K_CLOSE && sp > 0) {
            sp--;
            if (sp < 256) nons -= stk[sp];
        }
    }
    return last;
}

/* Is there a finite verb (a leaf tagged VBD, VBZ, VBP or MD) in [lo, hi)? */
static int has_finite(const cvec *c, size_t lo, size_t hi) {
    for (size_t i = lo; i < hi && i < c->n; i++)
        if (c->v[i].kind == K_WORD && is_finite_tag(c->v[i].label)) return 1;
    return 0;
}

/* Does the comma clause [lo, hi) hold the sentence's main verb?  Then it is not a
 * parenthetical and must not be deleted ("On Monday, Russia accused ...", "Russia, which
 * denies it, accused ...").  It does when it holds the main verb phrase (main_vp), or a
 * finite verb with none before it (a fronted phrase the parser made a clause of: "After
 * months of talks, Iran and the US signed ..."). */
static int main_clause(const cvec *c, size_t lo, size_t hi) {
    long v = main_vp(c);
    if (v >= (long)lo && v < (long)hi) return 1;
    return has_finite(c, lo, hi) && !has_finite(c, 2, lo);
}

/* Does the comma clause [lo, hi) open with a coordinating conjunction (a leaf tagged CC:
 * "but", "and") followed by a finite verb of its own?  Then it is a second predicate or
 * clause joined to the sentence ("Benin opened its borders to ..., but was still refusing
 * admittance to Ghanaians, ..."), not a parenthetical, and stays.  "and also Sumy" or "but
 * not the blockade imposed on it" have none and are set aside as before. */
static int coordinate_clause(const cvec *c, size_t lo, size_t hi) {
    size_t i = lo;
    while (i < hi && c->v[i].kind == K_OPEN) i++;
    if (i >= hi || c->v[i].kind != K_WORD || !c->v[i].label || strcmp(c->v[i].label, "CC")) return 0;
    return has_finite(c, i + 1, hi);
}

/* Does the comma clause [lo, hi) join a clause of its own to the sentence: its first word
 * a coordinator (coordinate_clause) or an adverbial subordinator ("..., and Ukraine
 * accused Moscow of ...", "..., while Pakistan denied the charge"), with a finite verb
 * after it, or itself a finite verb other than one of saying (the middle of a list of
 * verb phrases: "attacked Kyiv, shelled Kharkiv and bombed Odesa")?  Such a clause
 * states an act of its own, not a parenthetical, and is kept (the clauses option), in
 * the middle of the sentence as at its end, as is a relative clause with its phrases
 * (ent_cz_linearize's relative_phrases) and a finite verb.  An attribution (", a
 * spokesman said", ", said the ministry"), a participle (", killing ten people") or a
 * bare phrase (", and Iran,") is no such clause. */
static int joined_clause(const cvec *c, size_t lo, size_t hi) {
    size_t i = lo;
    /* a relative clause that kept its phrases (relative_phrases): "Egypt, [which mediated
     * between Israel and Hamas], condemned ..." */
    if (lo + 1 < hi && c->v[lo].kind == K_OPEN && c->v[lo].lab == L_SBAR && c->v[lo + 1].kind == K_OPEN &&
        c->v[lo + 1].label && !strcmp(c->v[lo + 1].label, "WHNP"))
        return has_finite(c, lo, hi);
    while (i < hi && i < c->n && c->v[i].kind == K_OPEN) i++;
    if (i >= hi || i >= c->n || c->v[i].kind != K_WORD || !c->v[i].label || !c->v[i].w) return 0;
    if (is_finite_tag(c->v[i].label) && strcmp(c->v[i].label, "MD"))
        return !(ent_word_flags(c->v[i].w, strlen(c->v[i].w)) & ENT_W_SAY);
    if (!strcmp(c->v[i].label, "CC")) return coordinate_clause(c, lo, hi);
    return !strcmp(c->v[i].label, "IN") && ent_cz_is_subordinator(c->v[i].w) && has_finite(c, i + 1, hi);
}

/* Is the comma clause [lo, hi) at the end of the sentence an attribution of it: an actor
 * phrase (with prepositional phrases or a parenthesis after it), then a verb phrase that
 * ends the clause, opening with a finite verb of saying and holding no clause of its own
 * ("..., Kenyan Foreign Minister Peter Otieno said on Monday", "..., the state news agency
 * reported from Nairobi today")?  Such a clause is set aside however long the speaker's
 * name and title are (ent_cz_commas, with keep_joined). */
static int attribution_clause(const cvec *c, size_t lo, size_t hi) {
    size_t i = lo;
    if (i >= hi || c->v[i].kind != K_OPEN || (c->v[i].lab != L_NE && c->v[i].lab != L_NP) || c->v[i].mate < 0) return 0;
    i = (size_t)c->v[i].mate + 1;
    while (i < hi) {
        const coder_item *x = &c->v[i];
        if (x->kind == K_OPEN && x->lab == L_PP && x->mate > (int32_t)i) i = (size_t)x->mate + 1;
        else if (x->kind == K_WORD && x->w && !strcmp(x->w, "-LRB-")) {
            while (i < hi && !(c->v[i].kind == K_WORD && c->v[i].w && !strcmp(c->v[i].w, "-RRB-"))) i++;
            i++;
        } else break;
    }
    if (i + 1 >= hi || c->v[i].kind != K_OPEN || c->v[i].lab != L_VP || c->v[i].mate < 0) return 0;
    const coder_item *v = &c->v[i + 1];
    if (v->kind != K_WORD || !v->w || !is_finite_tag(v->label) || !strcmp(v->label, "MD") ||
        !(ent_word_flags(v->w, strlen(v->w)) & ENT_W_SAY))
        return 0;
    size_t end = (size_t)c->v[i].mate;
    for (size_t k = i + 2; k < end; k++)
        if (c->v[k].kind == K_OPEN && (c->v[k].lab == L_S || c->v[k].lab == L_SBAR || c->v[k].lab == L_VP)) return 0;
    for (size_t k = end + 1; k < hi; k++)
        if (c->v[k].kind != K_CLOSE) return 0;
    return 1;
}

/* Is the one word in [lo, hi) a U.S. legislator's party-and-state tag (", R-Texas,":
 * text.h ent_party_state_tag), an appositive however short? */
static int party_tag(const cvec *c, size_t lo, size_t hi) {
    for (size_t i = lo; i < hi && i < c->n; i++)
        if (c->v[i].kind == K_WORD && c->v[i].w && isalpha((unsigned char)c->v[i].w[0]))
            return ent_party_state_tag(c->v[i].w, strlen(c->v[i].w));
    return 0;
}

void ent_cz_commas(cz_scratch *z, int cmin, int cmax, int bmin, int bmax, int emin, int emax, int keep_joined) {
    cvec *c = &z->items;
    z->attributed = 0;
    long k = first_comma(c, 0);
    if (k < 0) return;
    if (bmax != 0) {
        int n = count_words(c, 2, (size_t)k);
        if (n >= bmin && n <= bmax) delete_phrases(c, 2, (size_t)k);
    }
    if (emax != 0) {
        long kend = find_end(c), ka = kend - 1;
        while (ka >= 2 && !is_comma_open(&c->v[ka])) ka--;
        if (ka >= 2 && is_comma_open(&c->v[ka])) {
            int n = count_words(c, (size_t)ka, c->n);
            int fits = n <= emax || (keep_joined && n <= 2 * emax && attribution_clause(c, (size_t)ka + 1, (size_t)kend));
            if (n >= emin && fits && kend > ka + 1 && !main_clause(c, (size_t)ka + 1, (size_t)kend) &&
                !(keep_joined && joined_clause(c, (size_t)ka + 1, (size_t)kend))) {
                /* (the parse may leave the verb inside the speaker's phrase, untagged) */
                for (long i = ka + 1; i < kend && !z->attributed; i++)
                    z->attributed = c->v[i].kind == K_WORD && c->v[i].w && (!c->v[i].label || is_finite_tag(c->v[i].label)) &&
                                    (ent_word_flags(c->v[i].w, strlen(c->v[i].w)) & ENT_W_SAY);
                delete_phrases(c, (size_t)ka + 1, (size_t)kend);
            }
        }
    }
    if (cmax != 0) {
        long ka = first_comma(c, 0);
        while (ka >= 0) {
            long kb = first_comma(c, (size_t)ka + 1);
            if (kb < 0) break;
            int n = count_words(c, (size_t)ka + 1, (size_t)kb);
            if (n == 1 && party_tag(c, (size_t)ka + 1, (size_t)kb)) n = cmin;   /* ", R-Texas," */
            if (n >= cmin && n <= cmax && !main_clause(c, (size_t)ka + 1, (size_t)kb) &&
                !coordinate_clause(c, (size_t)ka + 1, (size_t)kb) &&
                !(keep_joined && joined_clause(c, (size_t)ka + 1, (size_t)kb)))
                delete_phrases(c, (size_t)ka, (size_t)kb);
            /* continue from the old position of the closing comma, as the reference
             * coder does (the items after it have moved down) */
            ka = kb;
        }
    }
    /* dangling initial or terminal comma */
    k = first_comma(c, 0);
    if (k >= 0 && count_words(c, 2, (size_t)k) == 0) remove_range(c, (size_t)k, 1);
    long kend = find_end(c), ka = kend - 1;
    while (ka >= 2 && !is_comma_open(&c->v[ka])) ka--;
    if (ka >= 2 && is_comma_open(&c->v[ka]) && count_words(c, (size_t)ka + 1, (size_t)kend) == 0)
        remove_range(c, (size_t)ka, 1);
}

/* coder_state.h — the ent_coder handle's state and the per-sentence structures it keeps,
 * shared by the files of the coder that read them (coder.c, which owns and fills them;
 * refine.c, which corrects a sentence's events).  Internal: nothing outside src/coder/
 * includes it.  Small read-only helpers over the item sequence are here as inline
 * functions; the ones that compute and cache (an NE's actor code, its text) stay in
 * coder.c and are reached through the ent_cd_ functions declared at the end.
 */
#ifndef ENT_CODER_STATE_H
#define ENT_CODER_STATE_H

#include "coder/mentions.h"
#include "coder/coder_int.h"
#include "coder/coder_events.h"
#include "coder/document.h"
#include "coder/fuzzy.h"
#include "coder/synidx.h"

#include <ctype.h>
#include <string.h>

#define PSYN_UPPER 0x80000000u
#define PSYN_NONE 0x7fffffffu

/* 256-bit word-set signature: a pattern can only match if every literal word of it
 * occurs around the verb, i.e. (pattern & ~sentence) == 0. */
typedef struct sig256 { uint64_t b[4]; } sig256;

static inline void sig_add(sig256 *s, uint32_t h) { s->b[(h >> 6) & 3] |= 1ull << (h & 63); }
static inline int sig_covers(const sig256 *sent, const sig256 *pat) {
    return !((pat->b[0] & ~sent->b[0]) | (pat->b[1] & ~sent->b[1]) | (pat->b[2] & ~sent->b[2]) |
             (pat->b[3] & ~sent->b[3]));
}

typedef struct grp {           /* an NE or NEC group of the sentence */
    int32_t item;              /* item index of its OPEN */
    int32_t first, end;        /* word range [first, end) in the sentence's words */
    int32_t pvo, pvc;          /* innermost enclosing VP/PP: its OPEN and CLOSE items, -1 */
    uint8_t nec;
    uint8_t top;               /* not inside another group */
} grp;

typedef struct gseq {          /* the sentence's words and groups, built once per sentence */
    const char **w; size_t wcap;
    uint32_t *h; size_t hcap;
    int32_t *inner, *outer; size_t icap, ocap;   /* innermost NE / outermost group, -1 */
    int32_t *wpos; size_t pcap;  /* per item: index of the first word at or after it */
    int32_t *tok; size_t tkcap;  /* per word: its token index (-1 when none) */
    int32_t *gfrom; size_t fcap; /* per word w (and n): first group with first >= w */
    uint32_t *sh; size_t shcap;  /* per word x 2: hashes of the singulars of a plural head
                                    noun (plural_head), 0 = none */
    grp *g; size_t ng, gcap;
    size_t n;
} gseq;

typedef struct mseq {          /* a view: words [a, a+n) before or after a verb */
    const gseq *G;
    const char *const *w;      /* G->w + a */
    const uint32_t *h;         /* G->h + a */
    int a, n;
    int ga, gb;                /* groups starting inside the view */
} mseq;

typedef struct rawev {         /* an event before filtering */
    const char *src, *tgt, *code;
    int32_t sitem, titem;      /* OPEN(NE) item of the source / target phrase, -1: none
                                  (their text and offsets are built only for events that
                                  are emitted: most raw events lack a side's code) */
    struct vevid *vt;          /* the verb's evidence words */
    int32_t vtok;              /* token of the verb itself (modality is read before it), -1 */
    int agentless;             /* from a passive with no agent: the source is to come from
                                  the sentence's place (code_agentless) */
    ent_span vspan;            /* evidence offsets, {0,0} when unknown */
} rawev;

/* The evidence words of a coded verb (token indices in sentence order, no repeats); the
 * text ("RESTORE DIPLOMATIC TIES") is joined only for verbs whose events are emitted. */
typedef struct vevid {
    const char *text;          /* NULL until verb_text() */
    int n;
    int32_t tok[];
} vevid;

typedef struct codeent { const char *code; int32_t item; } codeent;   /* item: as rawev.sitem */

struct ent_coder {
    const ent_dicts *d;
    ent_fuzzy *fuzzy;          /* fuzzy_names: the actor words' index, made on first use */
    ent_docwork *docwork;      /* ent_code_document's sentence, events, story text */
    ent_coder_options o;
    cz_scratch z;
    ent_arena arena;           /* per-sentence strings */
    gseq gs;
    mseq up, lo;
    rawev *ev; size_t nev, evcap;
    codeent *cs, *ct; size_t cscap, ctcap;
    ent_buf buf;
    int story_discarded;
    char antecedent[96];       /* resolve_pronouns: source codes of the story's last coded
                                  sentence, '/'-separated ("" when none) */
    int ante_n, ante_age;      /* codes in it; sentences since it was set */
    char pair_ante[96];        /* resolve_pronouns: the two parties of the story's last coded
                                  sentence that named two, "A/B" ("": none, or a sentence
                                  since named more than two, or it is 3 sentences old) */
    int pair_age;              /* sentences since pair_ante was set */
    size_t conj_a, conj_b;     /* clauses option: the OPEN and CLOSE items of the verb phrase
                                  coordinated before the one being coded ("killed X and
                                  wounded Y"), whose phrases are no source; 0, 0: none */
    size_t means_a, means_b;   /* clauses option: the items between a coded verb and its
                                  purpose infinitive ("sent [ships] to help ..."), whose
                                  phrases are no source of the infinitive; 0, 0: none */
    size_t means_start;        /* the upper limit of its source search (check_verbs' start) */
    char story_cc[4];          /* clauses option: the one country the story's events have
                                  named so far ("" none); story_cc_mixed: more than one */
    int story_cc_mixed;
    char dateline_cc[4];       /* the country of the story's dateline place ("KYIV, May 3 -":
                                  UKR; ent_cd_set_dateline), "" none */
    int dateline_abroad;       /* the story's text names a country other than dateline_cc
                                  and never dateline_cc itself (ent_cd_scan_story) */
    ent_story_people people;   /* resolve_pronouns: the people the story has named in full
                                  (note_people), for later mentions by surname or title */
    long date;                 /* date of the sentence being coded */
    const ent_sentence *sent;  /* the sentence being coded (token spans and tags) */
    uint32_t empty_h;          /* ent_cz_word_hash(""): the stand-in for pronouns */
    int debug;                 /* $ENTENTE_CODER_DEBUG: print the item sequence to stderr */
    int explain;               /* ent_coder_set_explain: trace each sentence into xbuf */
    ent_buf xbuf;              /* the last sentence's explanation (ent_coder_explanation) */
    const char *last_code;     /* code of the last verb coded by code_verb (NULL: none) */
    int last_own;              /* ... with no pattern naming a word after the verb */
    int last_form_words;       /* ... by a multi-word form of the verb ("held talks") */
    int32_t cur_vtok;          /* token of the verb code_verb is making events for */
    int passive_slot;          /* clauses option, a passive verb's patterns: a + slot right after
                                  the verb may stand empty (its phrase is the passive subject) */
    syn_index sx;              /* synset/actor lookup accelerators */
    uint32_t *porder;          /* per block (at its first pattern's index): pattern indices
                                  by decreasing pattern_rank, then file order */
    uint32_t *prank;           /* per pattern (index in d->patterns): its pattern_rank */
    pat_index px;              /* patterns by (block, literal word) */
    first_index fa, fg, fd;    /* actor / agent / discard phrases by first word */
    uint64_t *dsig;            /* discard phrase signatures */
    first_index fi;            /* issue phrases by first word */
    uint64_t *isig;            /* issue phrase signatures */
    uint32_t *cand; size_t ccap; /* candidate ranks for one verb */
    sig256 *psig;              /* per pattern (index in d->patterns) x 2: its literal words
                                  after the verb ([2i]) and before it ([2i+1]) */
    sig256 *ssig;              /* per synset: first words of its members (all bits if a
                                  member starts with a synset) */
    uint32_t *psyn_at, *psyn;  /* pattern i's synset elements: psyn[psyn_at[i] .. psyn_at[i+1]),
                                  each the synset's index (PSYN_NONE: unknown, never matches)
                                  plus PSYN_UPPER when before the verb */
    const ent_synset *body_syn;  /* the verb dictionaries' &BODY set, NULL when none: its
                                    members, or a phrase coded as an intergovernmental body */
    const ent_synset *place_syn; /* the verb dictionaries' &PLACE set, NULL when none: its
                                  members, and any place name (ne_is_place) */
    const ent_synset *civil_syn; /* the verb dictionaries' &CIVIL_TASK set, NULL when none:
                                  tasks a force is sent to that are no posture (civil_purpose) */
    const char *err;
};


/* ---- helpers over the item sequence ------------------------------------------------ */

/* Does code name a country or body (not "---" or "---ROLE")? */
static inline int code_has_actor(const char *code) { return code && strlen(code) >= 3 && strncmp(code, "---", 3); }

static inline int code_is_null(const char *code) { return !code || !*code || !strcmp(code, "---"); }

static inline int tok_cap(const ent_token *t) { return t && isupper((unsigned char)t->text[0]); }

/* The Penn tag of token t of the sentence being coded ("" when there is none: words inside
 * actor phrases carry no tag in the item sequence, only their tokens do). */
static inline const char *token_tag(const ent_coder *c, int32_t t) {
    if (!c->sent || t < 0 || (size_t)t >= c->sent->ntokens) return "";
    return c->sent->tokens[t].tag;
}

/* The Penn tag of the word item k ("" when it has no token). */
static inline const char *item_tag(const ent_coder *c, size_t k) { return token_tag(c, c->z.items.v[k].tok); }

/* clauses option: words that may also stand between the words of a multi-word verb: an
 * adverb or a day ("called Tuesday on Israel to ...", "backed quickly down"). */
static inline int loose_skip(const coder_item *x) {
    static const char *const days[] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                                       "SUNDAY", "TODAY", "YESTERDAY", "AGAIN", NULL};
    if (x->label && x->label[0] == 'R' && x->label[1] == 'B') return 1;
    return ent_str_in_list(x->w, days);
}

/* The last word (head) of the NE whose OPEN is item i, a word item with its upper-case
 * form; NULL when none. */
static inline const coder_item *ne_head(const ent_coder *c, int32_t i) {
    const cvec *it = &c->z.items;
    if (i < 0 || (size_t)i >= it->n || it->v[i].kind != K_OPEN || it->v[i].mate <= i) return NULL;
    const coder_item *h = &it->v[it->v[i].mate - 1];
    return h->kind == K_WORD && h->w ? h : NULL;
}

/* ---- coder.c's helpers for the other coder files ----------------------------------- */

/* One line of the coder's account of a sentence: into the explanation when explaining,
 * else to stderr under ENTENTE_CODER_DEBUG; nothing otherwise.  Callers test TRACING
 * first, so that the arguments cost nothing in normal coding. */
#define TRACING(c) ((c)->explain || (c)->debug)
void ent_cd_trace(ent_coder *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The actor code of the NE whose OPEN is item i, computed on first use and cached in the
 * item ("---": none).  The string lives in the coder's arena or dictionaries. */
const char *ent_cd_item_code(ent_coder *c, size_t i);
/* The words of the NE whose OPEN is item i (evidence text), from the coder's arena. */
const char *ent_cd_item_text(ent_coder *c, size_t i);
/* Is the NE whose OPEN is item i a person named with a title and a name ("President
 * Jorge Mendes", "Polish Foreign Minister Adam Nowak"; the title names a person)? */
int ent_cd_titled_person(ent_coder *c, int32_t i);
/* The dateline's country (c->dateline_cc) when it may stand for the story's country:
 * the story's events named no country before (story_cc "" and not mixed) or only that
 * one; "" otherwise ("LONDON - Russian forces shelled Kharkiv. ..." names two). */
const char *ent_cd_dateline_home(const ent_coder *c, const char *story_cc, int mixed);
/* refine.c: while the story's events have named no country, does sentence s speak of
 * another country than the dateline's cc and never of cc itself (a country other than cc
 * in an actor phrase or as the place named, no word naming cc), or, naming none at all,
 * belong to a story about other countries (c->dateline_abroad, ent_cd_scan_story)?  Then the dateline is a
 * bureau's abroad and stands for no person's country ("WASHINGTON - Foreign Minister X
 * accused Bolivia of arming gangs on the border with Peru").  The country of facing (the
 * code of the other side of the person's event, may be NULL) does not count: an official
 * at home acts on other countries ("MANILA - Sen. X accused China ...").  0 when s is NULL
 * or cc "". */
int ent_cd_dateline_abroad(ent_coder *c, const ent_sentence *s, const char *cc, const char *facing);
/* The byte span of the words of the NE whose OPEN is item i ({0,0} for i < 0). */
ent_span ent_cd_item_span(const ent_coder *c, int32_t i);

/* ---- refine.c: corrections of a sentence's events after matching ------------------- */

/* One raw event before it is emitted: its source from the place named when it has none,
 * a state's protest as an official one, a welcome as a host's, the roles of counterparts,
 * the doer of an act named by a noun.  *harm caches the sentence's cause of harm across
 * its events (-1: not read yet).  Returns 0 when the event is to be dropped (a crime
 * report), 1 otherwise. */
int ent_refine_raw_event(ent_coder *c, const ent_sentence *sent, rawev *e, int *harm);

/* The clauses option's passes over the events emitted for sentence s (out->v[from ..]):
 * a dual national's other country, a possessor as target, the country of a domestic
 * source or target, the source's own means, the target of a reaction. */
void ent_refine_events(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from);

#endif

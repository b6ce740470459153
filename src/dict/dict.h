/* dict.h — internal in-memory form of a loaded dictionary set (struct ent_dicts) and the
 * lookups the coder uses.  Readers: verbs.c (PETRARCH-1/TABARI verb patterns + synsets),
 * actors.c, agents.c, discards.c (+ issues), dicts.c (load/free/counts, lookups),
 * check.c (ent_dicts_check lint).
 *
 * Everything hangs off one arena owned by the ent_dicts: all pointers below stay valid
 * until ent_dicts_free and are never modified after loading (thread-safe to read).
 * All dictionary words are stored UPPERCASE; lookups expect uppercased words.
 *
 * Connectors: words joined by '_' must be adjacent (gap == 0); joined by ' ' other words
 * may come between (gap == 1); see ent_pel.gap for which neighbour a gap refers to.  The
 * longest-match helpers below treat both as "next token" (PETRARCH-1 actor/agent
 * matching); the coder may use `gap` for looser pattern matching.
 */
#ifndef ENT_DICT_H
#define ENT_DICT_H

#include <stdint.h>
#include <string.h>
#include "entente.h"
#include "util/util.h"

/* The word hash every lookup accelerator uses (dictionary words, stored in ent_pel.h,
 * and sentence tokens hash alike): 8 bytes at a time, so short words cost a few
 * instructions.  n = strlen(w). */
static inline uint32_t ent_word_hash_n(const char *w, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, w, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
        w += 8; n -= 8;
    }
    if (n) {
        /* the last 1-7 bytes as a little-endian number, with fixed-size loads (a
         * variable-length memcpy costs more than the rest of the hash) */
        const unsigned char *u = (const unsigned char *)w;
        uint64_t v = 0;
        size_t o = 0;
        if (n & 4) { uint32_t a; memcpy(&a, u, 4); v = a; o = 4; }
        if (n & 2) { uint16_t a; memcpy(&a, u + o, 2); v |= (uint64_t)a << (8 * o); o += 2; }
        if (n & 1) v |= (uint64_t)u[o] << (8 * o);
        h = (h ^ v) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    return (uint32_t)(h ^ (h >> 32));
}
static inline uint32_t ent_word_hash(const char *w) { return ent_word_hash_n(w, strlen(w)); }

/* ---- pattern / phrase elements ----------------------------------------------------- */

typedef enum ent_pel_kind {
    ENT_PEL_WORD = 0,   /* literal word, uppercase (may contain '-', '\'', digits, ...) */
    ENT_PEL_SYNSET,     /* &NAME: any member phrase of the synset (pel.synset) */
    ENT_PEL_SOURCE,     /* $  : the source actor is taken from the noun phrase here */
    ENT_PEL_TARGET,     /* +  : the target actor is taken from the noun phrase here */
    ENT_PEL_COMPOUND,   /* %  : compound actor here supplies both source and target */
    ENT_PEL_SKIP        /* ^  : skip the next noun phrase (its actors are not used) */
} ent_pel_kind;

struct ent_synset;

typedef struct ent_pel {
    uint8_t kind;        /* ent_pel_kind */
    uint8_t gap;         /* connector between this element and its neighbour on the verb
                            side (pattern) / the previous element (phrase): 1 = ' ' (other
                            words may come between), 0 = '_' (must be adjacent) */
    uint16_t pad_;
    uint32_t h;          /* ent_word_hash(text), computed once when loading */
    const char *text;    /* the word, "&NAME", "$", "+", "%" or "^" */
    const struct ent_synset *synset; /* ENT_PEL_SYNSET only; NULL if unknown (reported) */
} ent_pel;

/* A word sequence (actor/agent/discard phrase, synset member); el[k].gap is the
 * connector before el[k]. */
typedef struct ent_phrase {
    const ent_pel *el;   /* el[0].gap is always 0 */
    uint32_t n;
} ent_phrase;

/* ---- verbs ----------------------------------------------------------------------------- */

typedef struct ent_synset {
    const char *name;            /* "&NAME" (a trailing '_' on the definition is dropped) */
    const ent_phrase *members;   /* members, generated plurals included; a member may
                                    itself contain an ENT_PEL_SYNSET element ("+&X") */
    uint32_t nmembers;
    uint32_t line;
    const char *file;
} ent_synset;

struct ent_verb_block;

/* One pattern line `- UPPER * LOWER [code] # comment`. */
typedef struct ent_pattern {
    const struct ent_verb_block *block;
    const char *code;    /* first code, e.g. "0874"; "---" = null code (no event) */
    const char *code2;   /* second code of a "013:012" pair, else NULL */
    uint8_t reversed;    /* PETRARCH-2 "[:173]": the event runs from target to source */
    const struct ent_verb *const *written_for;  /* the verbs of its block the comment names
                                   ("# SUMMON <OY 13 Mar 2006>", "# INITIATE <OY ...> , LAUNCH
                                   <JON ...>"), NULL when it names none */
    uint32_t nwritten_for;
    const ent_pel *upper; uint32_t nupper;  /* elements before the verb, in text order;
                                               upper[k].gap = connector AFTER upper[k]
                                               (upper[nupper-1].gap: "X_*" 0, "X *" 1) */
    const ent_pel *lower; uint32_t nlower;  /* elements after the verb, in text order;
                                               lower[k].gap = connector BEFORE lower[k]
                                               (lower[0].gap: "*_X" 0, "* X" 1) */
    const char *text;    /* the pattern as written (without code and comment) */
    const char *comment; /* text after '#', trimmed, "" if none */
    const char *file;
    uint32_t line;
} ent_pattern;

/* A verb block `--- NAME [code] ---`: its verbs share its patterns. */
typedef struct ent_verb_block {
    const char *name;            /* "ABANDON", "EXPLAIN_VERBAL" */
    const char *code;            /* "---" when absent or null */
    const char *code2;           /* NULL unless "a:b" */
    uint8_t reversed;            /* PETRARCH-2 "[:110]" */
    const struct ent_verb *verbs; uint32_t nverbs;
    const ent_pattern *patterns; uint32_t npatterns;
    const char *more_for;        /* "=VERB" line: the block only adds its patterns to VERB,
                                    defined in an earlier block (ent_verb.more); else NULL */
    const char *file;
    uint32_t line;
} ent_verb_block;

/* One verb line of a block (primary or synonym, single or multi-word). */
typedef struct ent_verb {
    const ent_verb_block *block;
    const char *text;    /* as written, without {forms}/[code], e.g. "KLM_NOP_+RST" */
    const char *code;    /* own code, else the block's; "---" = null */
    const char *code2;
    uint8_t reversed;    /* PETRARCH-2 "[:110]": the event runs from target to source */
    uint32_t line;
    uint8_t multiword;
    uint8_t irregular;   /* forms came from {...} (no regular forms generated) */
    const ent_verb_block *more;  /* a later block of more patterns for this verb ("=VERB"),
                                    tried after its own block's; NULL when none */
} ent_verb;

/* One inflected form of a verb: the word the parser marks as the verb, plus (for
 * multi-word verbs) the words that must directly precede / follow it.  All entries for
 * the same form are chained by `next`, multi-word ones first (longest first); among
 * entries of equal length the later definition comes first (PETRARCH-1: later wins). */
typedef struct ent_verb_form {
    const char *form;              /* "RST", "RSTS", "SAID" */
    const ent_verb *verb;
    const char *const *before; uint32_t nbefore;  /* in text order, adjacent to the verb */
    const char *const *after;  uint32_t nafter;
    const struct ent_verb_form *next;
} ent_verb_form;

/* ---- actors ----------------------------------------------------------------------------- */

typedef enum ent_date_kind {
    ENT_DATE_ANY = 0,    /* [CODE]            default code */
    ENT_DATE_BEFORE,     /* [CODE <date]      date <= to   */
    ENT_DATE_AFTER,      /* [CODE >date]      date >= from */
    ENT_DATE_RANGE       /* [CODE from-to]    from <= date <= to (inclusive) */
} ent_date_kind;

typedef struct ent_actor_code {
    const char *code;
    uint8_t kind;        /* ent_date_kind */
    int32_t from, to;    /* YYYYMMDD (6-digit YYMMDD: 00-30 -> 20YY, else 19YY) */
    uint32_t line;
} ent_actor_code;

/* One actor record: a primary phrase, its '+' synonyms and its codes (in file order). */
typedef struct ent_actor {
    const char *root;              /* primary phrase as written, e.g. "HAMID_KARZAI_" */
    const ent_actor_code *codes; uint32_t ncodes;
    const char *file;
    uint32_t line;
} ent_actor;

typedef struct ent_actor_phrase {
    ent_phrase phrase;
    const ent_actor *actor;
    uint32_t line;
    uint8_t synonym;     /* 1 for a '+' line */
} ent_actor_phrase;

/* ---- agents ----------------------------------------------------------------------------- */

typedef struct ent_agent {
    ent_phrase phrase;
    const char *code;    /* without '~', e.g. "GOV" */
    uint8_t before;      /* 1 for "[NGO~]": goes before the actor code; 0 for "[~GOV]": after */
    uint8_t plural;      /* generated or {...} plural form */
    uint8_t hyphened;    /* the one-word form made at load of a 2-3 word phrase
                          * ("VICE-PRESIDENT" for VICE_PRESIDENT: agents.c) */
    const char *file;
    uint32_t line;
} ent_agent;

/* ---- places (gazetteer) --------------------------------------------------------------- */

typedef struct ent_place {
    ent_phrase phrase;   /* the name's words, uppercase, accents folded */
    const char *code;    /* the country's ISO 3166-1 alpha-3 code */
    uint32_t line;
} ent_place;

/* ---- discards / issues ---------------------------------------------------------------- */

typedef struct ent_discard {
    ent_phrase phrase;
    uint8_t story;       /* '+' line: discard the whole story */
    const char *file;
    uint32_t line;
} ent_discard;

typedef struct ent_issue {
    ent_phrase phrase;   /* generated forms are separate entries */
    const char *code;    /* "EARLY_CHILDHOOD_EDUCATION" */
    uint8_t ignore;      /* 1: "~phrase" (sentence), 2: "~~phrase" (story) */
    const char *file;
    uint32_t line;
} ent_issue;

/* Index over phrases keyed by their first word: open addressing on the word's hash
 * (ent_pel.h); each slot's entries (indices into the phrase array, longest phrase first,
 * file order among equals) are idx[start .. start+count).  Words whose hashes collide
 * share a slot, so users compare the whole phrase.  Arrays live in the set's arena. */
typedef struct ent_pidx_slot { uint32_t h, start, count; } ent_pidx_slot;

typedef struct ent_phrase_index {
    ent_pidx_slot *slots;   /* cap slots; count == 0: empty */
    size_t cap;
    uint32_t *idx;
} ent_phrase_index;

/* ---- the set --------------------------------------------------------------------------- */

struct ent_dicts {
    ent_arena arena;

    ent_synset *synsets; size_t nsynsets;
    ent_strmap synset_map;               /* "&NAME" -> ent_synset * */
    ent_verb_block *blocks; size_t nblocks;
    ent_verb *verbs; size_t nverbs;
    ent_pattern *patterns; size_t npatterns;
    size_t nforms;                       /* ent_verb_form entries */
    ent_strmap verb_map;                 /* form -> ent_verb_form * (chain) */
    size_t patterns_skipped;             /* legacy patterns skipped (e.g. TABARI {..}) */

    ent_actor *actors; size_t nactors;
    ent_actor_phrase *actor_phrases; size_t nactor_phrases;
    size_t nactor_dated;
    ent_phrase_index actor_index;

    ent_agent *agents; size_t nagents;   /* every stored phrase (plurals included) */
    size_t nagent_lines;
    ent_phrase_index agent_index;

    ent_discard *discards; size_t ndiscards;
    ent_phrase_index discard_index;

    ent_issue *issues; size_t nissues;
    ent_phrase_index issue_index;

    ent_place *places; size_t nplaces;   /* gazetteer (ent_dict_paths.places) */
    ent_phrase_index place_index;

    size_t warnings, errors;             /* diagnostics produced while loading */
};

/* ---- lookups (all take uppercased words; return NULL / 0 when nothing matches) ------- */

/* Chain of verb entries whose verb word is `form`. */
const ent_verb_form *ent_dict_verb_forms(const ent_dicts *d, const char *form);

/* Does the multi-word entry f match with its verb word at words[i]? (before/after words
 * must directly surround it). */
int ent_dict_verb_form_matches(const ent_verb_form *f, const char *const *words, size_t n, size_t i);

const ent_synset *ent_dict_synset(const ent_dicts *d, const char *name); /* "&NAME" */

/* Length (in words) of the longest member of synset s matching words[i..]; 0 if none.
 * Nested synsets are followed (depth-limited). */
size_t ent_synset_match(const ent_synset *s, const char *const *words, size_t n, size_t i);

/* Code of actor a valid on date (YYYYMMDD, 0 = unknown): the first date-restricted code
 * (file order) whose restriction holds, else the first unrestricted code, else NULL. */
const char *ent_actor_code_on(const ent_actor *a, long date);

/* Longest actor phrase starting at words[i]; returns its length in words (0 if none) and
 * sets *phrase (may be NULL) and *code (may be NULL; the code valid on date, or NULL if the
 * actor has no valid code on that date). */
size_t ent_dict_actor_match(const ent_dicts *d, const char *const *words, size_t n, size_t i,
                            long date, const ent_actor_phrase **phrase, const char **code);

/* Longest gazetteer place starting at words[i]; returns its length in words (0 if none)
 * and sets *code (may be NULL) to its country's code. */
size_t ent_dict_place_match(const ent_dicts *d, const char *const *words, size_t n, size_t i, const char **code);

/* Longest agent phrase starting at words[i]; returns its length (0 if none). */
size_t ent_dict_agent_match(const ent_dicts *d, const char *const *words, size_t n, size_t i,
                            const ent_agent **agent);

/* First discard phrase occurring anywhere in words[0..n); story discards win over sentence
 * ones.  Returns 0 (none), 1 (sentence discard) or 2 (story discard); *hit may be NULL. */
int ent_dict_discard_match(const ent_dicts *d, const char *const *words, size_t n,
                           const ent_discard **hit);

/* Issue phrases occurring in words[0..n) (each occurrence once, in sentence order): up to
 * max entries are written to hits; returns how many occurrences there are.  If an ignore
 * phrase (~ or ~~) occurs, *ignored (may be NULL) is set to its kind (1 or 2) and 0 is
 * returned: PETRARCH-1 codes no issues for such a sentence. */
size_t ent_dict_issues(const ent_dicts *d, const char *const *words, size_t n,
                       const ent_issue **hits, size_t max, int *ignored);

/* Generic: match phrase p at words[i..] contiguously; returns its length or 0. */
size_t ent_phrase_match(const ent_phrase *p, const char *const *words, size_t n, size_t i);

#endif

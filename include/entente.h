/* entente.h — the one public header of libentente, a political event coder.
 *
 * Pipeline: documents (ingest) -> clean text (text) -> sentences with tokens, tags and
 * phrases (syntax) -> dictionary lookups (dict) -> events (coder) -> JSONL/TSV/database
 * (output, store).  Handles are opaque; every function that can fail returns an
 * ent_status and leaves a message retrievable from the handle or an ent_diag.
 *
 * Ownership: whoever calls *_new / *_load owns the result and frees it with the matching
 * *_free.  Strings returned by accessors belong to the handle and live until it is freed
 * or (for per-sentence data) until the next call that reuses it.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ENTENTE_VERSION "0.1.0"

/* ---- status and diagnostics ------------------------------------------------------- */

typedef enum ent_status {
    ENT_OK = 0,
    ENT_ERR_IO,        /* a file could not be opened or read */
    ENT_ERR_SYNTAX,    /* malformed input: dictionary line, parse tree, XML, JSON */
    ENT_ERR_NOMEM,
    ENT_ERR_INVALID,   /* bad argument or option */
    ENT_ERR_LIMIT,     /* input exceeds a configured limit */
    ENT_ERR_UNSUPPORTED
} ent_status;

const char *ent_status_name(ent_status st);

/* A diagnostic sink: collects warnings and errors as "file:line: message" lines.
 * Readers keep going after recoverable problems and report each one here. */
typedef struct ent_diag ent_diag;

ent_diag *ent_diag_new(void);
void ent_diag_free(ent_diag *d);
/* If stream is non-NULL, each message is also printed there as it arrives. */
void ent_diag_set_stream(ent_diag *d, FILE *stream);
size_t ent_diag_count(const ent_diag *d);
size_t ent_diag_errors(const ent_diag *d);           /* messages of error severity */
const char *ent_diag_message(const ent_diag *d, size_t i); /* owned by d */
void ent_diag_clear(ent_diag *d);
/* Record a message; file may be NULL, line 0 means "no line". printf-style. */
void ent_diag_add(ent_diag *d, int is_error, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- dictionaries ------------------------------------------------------------------- */

/* A loaded dictionary set: verbs (patterns), actors, agents, discards, plus the CAMEO
 * event table (names, quad class, Goldstein, PLOVER).  Immutable once loaded, so one
 * set can be shared by any number of coders on any number of threads. */
typedef struct ent_dicts ent_dicts;

typedef struct ent_dict_paths {
    const char *verbs;            /* PETRARCH-1/TABARI verb pattern file */
    const char *const *actors;    /* NULL-terminated list of actor files */
    const char *agents;
    const char *discards;
    const char *issues;           /* optional */
} ent_dict_paths;

typedef struct ent_dict_counts {
    size_t verbs, verb_forms, patterns, synsets;
    size_t actors, actor_phrases, actor_dated_codes;
    size_t agents, agent_phrases;
    size_t discards_sentence, discards_story;
    size_t issues;
    size_t warnings, errors;
} ent_dict_counts;

/* Load a dictionary set.  Any path may be NULL (that part stays empty).  Malformed lines
 * are reported to diag (may be NULL) and skipped; the status is ENT_OK unless a file
 * could not be read at all.  On success *out owns the set (free with ent_dicts_free). */
ent_status ent_dicts_load(const ent_dict_paths *paths, ent_diag *diag, ent_dicts **out);

/* Load the project's default dictionaries from dir (NULL: the built-in search path,
 * $ENTENTE_DATA, then the data/ directory installed beside the binary). */
ent_status ent_dicts_load_default(const char *dir, ent_diag *diag, ent_dicts **out);

void ent_dicts_free(ent_dicts *d);
void ent_dicts_counts(const ent_dicts *d, ent_dict_counts *out);

/* ---- CAMEO event table ---------------------------------------------------------------- */

typedef struct ent_cameo_info {
    const char *code;      /* "057" */
    const char *name;      /* "Sign formal agreement" */
    const char *root;      /* "05" */
    int quad;              /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;
    const char *plover;    /* "AGREE" */
} ent_cameo_info;

/* Look up a CAMEO event code (also accepts codes with a trailing letter, e.g. "075A",
 * by falling back to the longest known prefix).  NULL when unknown. */
const ent_cameo_info *ent_cameo_lookup(const char *code);

/* ---- sentences ---------------------------------------------------------------------- */

/* A sentence as the coder consumes it: tokens with Penn tags and a phrase tree.  Filled
 * either from a Penn Treebank parse (ent_sentence_parse_ptb) or from raw text by the
 * built-in tagger and chunker (ent_sentence_analyze).  Reusable: each fill resets it. */
typedef struct ent_sentence ent_sentence;

ent_sentence *ent_sentence_new(void);
void ent_sentence_free(ent_sentence *s);

/* Read a Penn Treebank bracketed parse "(ROOT (S (NP (NNP Arnor)) ...))".  Fails with
 * ENT_ERR_SYNTAX (message in diag) for unbalanced or truncated trees. */
ent_status ent_sentence_parse_ptb(ent_sentence *s, const char *ptb, size_t len, ent_diag *diag);

/* Tag and chunk one sentence of raw text (already split) with entente's own tagger. */
ent_status ent_sentence_analyze(ent_sentence *s, const char *text, size_t len, ent_diag *diag);

size_t ent_sentence_token_count(const ent_sentence *s);
const char *ent_sentence_token_text(const ent_sentence *s, size_t i);
const char *ent_sentence_token_tag(const ent_sentence *s, size_t i);
/* Render the phrase tree back as a bracketed string (for debugging and tests); the
 * returned string is owned by s. */
const char *ent_sentence_to_ptb(ent_sentence *s);

/* ---- events ------------------------------------------------------------------------- */

typedef struct ent_span { uint32_t start, end; } ent_span; /* byte offsets, end exclusive */

/* One coded event.  Strings are owned by the ent_events list that holds the event. */
typedef struct ent_event {
    const char *source;       /* actor code, e.g. "RUSGOV" */
    const char *target;       /* actor code, "---" when absent */
    const char *code;         /* CAMEO event code, e.g. "057" */
    const char *root;         /* "05" */
    int quad;
    double goldstein;
    const char *plover;
    const char *source_text;  /* the words that matched the source actor */
    const char *target_text;
    const char *verb_text;    /* the verb and pattern words that matched */
    const char *issues;       /* optional issue codes, may be "" */
    ent_span source_span, target_span, verb_span; /* offsets when known, else {0,0} */
} ent_event;

typedef struct ent_events ent_events;

ent_events *ent_events_new(void);
void ent_events_free(ent_events *ev);
void ent_events_clear(ent_events *ev);
size_t ent_events_count(const ent_events *ev);
const ent_event *ent_events_get(const ent_events *ev, size_t i);

/* ---- coder -------------------------------------------------------------------------- */

typedef struct ent_coder ent_coder;

typedef struct ent_coder_options {
    int require_dyad;         /* default 1: drop events without both source and target */
    int new_actor_length;     /* default 0: no "new actor" output */
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
} ent_coder_options;

void ent_coder_options_default(ent_coder_options *o);

/* A coder borrows dicts (which must outlive it) and holds per-thread scratch space:
 * use one coder per thread. */
ent_coder *ent_coder_new(const ent_dicts *dicts, const ent_coder_options *opts);
void ent_coder_free(ent_coder *c);
void ent_coder_set_options(ent_coder *c, const ent_coder_options *opts);

/* Start a new story: story-level discards are reset. */
void ent_coder_begin_story(ent_coder *c);

/* Outcome of coding one sentence. */
typedef enum ent_code_result {
    ENT_CODED = 0,            /* zero or more events appended */
    ENT_DISCARD_SENTENCE,     /* a sentence discard matched: no events */
    ENT_DISCARD_STORY,        /* a story discard matched: no events for the rest of the story */
    ENT_SKIPPED               /* the sentence could not be coded (error name in
                                 ent_coder_error(), e.g. "dateline", "bad_input_parse") */
} ent_code_result;

/* Code one sentence dated date (YYYYMMDD as an integer, 0 if unknown), appending its
 * events to out.  Never fails on bad text: problems come back as ENT_SKIPPED. */
ent_code_result ent_coder_code(ent_coder *c, const ent_sentence *s, long date, ent_events *out);
/* Why the last sentence was skipped ("" when it was not). */
const char *ent_coder_error(const ent_coder *c);

/* ---- PETRARCH XML records (validation files and parsed-story input) ------------------ */

typedef struct ent_petr_expected {
    const char *source, *target, *code;
} ent_petr_expected;

typedef struct ent_petr_record {
    const char *id;
    const char *category;       /* "" when absent */
    long date;                  /* YYYYMMDD, 0 when absent or malformed */
    int sentence_flag;          /* sentence="true": 1, "false": 0, absent: -1 */
    const char *text;           /* <Text>, trimmed, "" when absent */
    const char *parse;          /* <Parse>, "" when absent */
    long line;                  /* line of the <Sentence> element in the file */
    size_t nexpected;
    const ent_petr_expected *expected;
    int noevents;               /* <EventCoding noevents="True"> */
    const char *error;          /* <EventCoding error="..."> or NULL */
} ent_petr_record;

typedef struct ent_petr_config {
    const char *option, *value;
} ent_petr_config;

typedef struct ent_petr_env {
    const char *verbfile, *actorfile, *agentfile, *discardfile; /* NULL when absent */
    const char *include;        /* space-separated categories, NULL when absent */
    size_t nconfig;
    const ent_petr_config *config;
} ent_petr_env;

/* Called once for <Environment> (if present, before the first record) and once per
 * <Sentence>.  Pointers are valid only during the call.  Return nonzero to stop. */
typedef int (*ent_petr_env_fn)(const ent_petr_env *env, void *user);
typedef int (*ent_petr_record_fn)(const ent_petr_record *rec, void *user);

/* Stream a PETRARCH XML file.  Malformed records are reported to diag and skipped;
 * a file that is not well-formed XML stops the reading with ENT_ERR_SYNTAX after the
 * records that came before the fault have been delivered. */
ent_status ent_petrxml_read(const char *path, ent_petr_env_fn on_env, ent_petr_record_fn on_record,
                            void *user, ent_diag *diag);

/* Apply one <Config option=... value=...> to coder options; ENT_ERR_INVALID (message in
 * diag) for an unknown option or a bad value. */
ent_status ent_coder_options_apply(ent_coder_options *o, const char *option, const char *value,
                                   ent_diag *diag);

/* ---- output: events as JSONL or TSV ------------------------------------------------- */

/* Where an event came from: the story and sentence it was coded in. */
typedef struct ent_event_context {
    const char *story_id;
    long sentence_index;        /* 0-based index of the sentence in its story */
    const char *sentence_id;    /* e.g. "DEMO-01" or "story-3"; may be NULL */
    long date;                  /* YYYYMMDD the event happened (story date as fallback) */
    const char *sentence_text;  /* evidence; may be NULL */
    ent_span sentence_span;     /* offsets of the sentence in the cleaned story text */
} ent_event_context;

typedef enum ent_format { ENT_FORMAT_JSONL, ENT_FORMAT_TSV } ent_format;

/* Write the TSV header line (no-op for JSONL). */
void ent_write_header(FILE *out, ent_format fmt);
/* Write one event as one line. */
void ent_write_event(FILE *out, ent_format fmt, const ent_event_context *ctx, const ent_event *ev);

/* ==== sections owned by later stages are added below this line ==== */

#ifdef __cplusplus
}
#endif
#endif /* ENTENTE_H */

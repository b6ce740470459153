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

/* The version, in this one place: the CLI's --version, the library's file name and soname,
 * entente.pc and the man page all take it from here. */
#define ENTENTE_VERSION "0.1.0"

/* The version of the library linked (ENTENTE_VERSION when it was built). */
const char *ent_version(void);

/* The opaque types of the one call below; each is described in its own section. */
typedef struct ent_coder ent_coder;
typedef struct ent_events ent_events;
typedef struct ent_diag ent_diag;
typedef struct ent_doc ent_doc;
typedef struct ent_span { uint32_t start, end; } ent_span; /* byte offsets, end exclusive */

/* What a call that can fail returns; the message (file, line, what was expected) is in
 * the ent_diag it was given.  Running out of memory is not a status: libentente's
 * allocations print "out of memory" and abort, as allocation failure is not recoverable
 * midway through a sentence. */
typedef enum ent_status {
    ENT_OK = 0,
    ENT_ERR_IO,        /* a file could not be opened or read */
    ENT_ERR_SYNTAX,    /* malformed input: dictionary line, parse tree, XML, JSON */
    ENT_ERR_INVALID,   /* bad argument or option */
    ENT_ERR_LIMIT,     /* input exceeds a configured limit */
    ENT_ERR_UNSUPPORTED
} ent_status;

/* Outcome of coding one sentence. */
typedef enum ent_code_result {
    ENT_CODED = 0,            /* zero or more events appended */
    ENT_DISCARD_SENTENCE,     /* a sentence discard matched: no events */
    ENT_DISCARD_STORY,        /* a story discard matched: no events for the rest of the story */
    ENT_SKIPPED               /* the sentence could not be coded (error name in
                                 ent_coder_error(), e.g. "dateline", "bad_input_parse") */
} ent_code_result;

/* ---- code a document: the one call ---------------------------------------------------
 *
 *   ent_dicts *d;  ent_dicts_load_dir(NULL, &opts, diag, &d);     (the bundled set)
 *   ent_coder *c = ent_coder_new(d, &opts);                        (one per thread)
 *   ent_doc_reader_open("story.html", ENT_INPUT_AUTO, diag, &r);
 *   while (ent_doc_reader_next(r, &doc, diag) == ENT_OK && doc) {
 *       ent_code_document(c, doc, NULL, on_sentence, user, NULL, diag);
 *       ent_doc_free(doc);
 *   }
 *
 * ent_code_document does what `entente code` does with one document: cleanup of
 * extraction artifacts, the headline put first, normalisation, the story date (the
 * document's, else a print date or dateline, else a date found in the text), sentence
 * splitting, each sentence's own date ("on Friday"), tagging and chunking, coding with
 * the coder's per-story state (story discards, pronoun antecedents), and offsets of the
 * sentences and of the events' words in the story text. */

/* The story as coded: what every offset refers to. */
typedef struct ent_story {
    const char *title;        /* the headline coded first ("" when none) */
    long date;                /* YYYYMMDD: the document's, else from the text; 0 unknown */
    const char *text;         /* headline(s), blank line, cleaned and normalised body */
    size_t len;
} ent_story;

/* One sentence of the story and its events, delivered in text order. */
typedef struct ent_story_sentence {
    const ent_story *story;
    long index;               /* 0-based index of the sentence in the story */
    const char *text;         /* points into story->text; not NUL-terminated */
    size_t len;
    ent_span span;            /* the sentence's offsets in story->text */
    long date;                /* YYYYMMDD its events happened (story date as fallback) */
    ent_code_result result;   /* ENT_SKIPPED also when the tagger refused the sentence */
    const ent_events *events; /* its events; their spans are offsets in story->text */
} ent_story_sentence;

/* Return nonzero to stop coding the document. */
typedef int (*ent_story_fn)(const ent_story_sentence *s, void *user);

typedef struct ent_document_options {
    int sentences_only;       /* clean, split and date the sentences, do not code them */
    int verbose;              /* also report to diag why sentences were not analysed */
} ent_document_options;

/* Code one document with coder c (opts NULL: defaults).  fn (may be NULL) is called once
 * per sentence; everything it receives lives until it returns.  story (may be NULL)
 * receives the story; its strings belong to c and live until c's next
 * ent_code_document.  Warnings ("date not understood", "no text after cleanup") go to
 * diag as "origin: warning: ...".  A story discard ends the story after the sentence
 * that matched.  c may have been made with no dictionaries (ent_coder_new(NULL, NULL))
 * when only sentences are wanted.  Returns ENT_OK, or ENT_ERR_INVALID for a NULL coder
 * or document. */
ent_status ent_code_document(ent_coder *c, const ent_doc *doc, const ent_document_options *opts,
                             ent_story_fn fn, void *user, ent_story *story, ent_diag *diag);

/* ---- status and diagnostics ------------------------------------------------------- */

const char *ent_status_name(ent_status st);

/* A diagnostic sink: collects warnings and errors as "file:line: error: message" lines
 * (": warning: " for warnings), each kept whole.  Readers keep going after recoverable
 * problems and report each one here. */
typedef enum ent_severity { ENT_WARNING = 0, ENT_ERROR = 1 } ent_severity;

ent_diag *ent_diag_new(void);
void ent_diag_free(ent_diag *d);
/* If stream is non-NULL, each message is also printed there as it arrives. */
void ent_diag_set_stream(ent_diag *d, FILE *stream);
size_t ent_diag_count(const ent_diag *d);
size_t ent_diag_errors(const ent_diag *d);           /* messages of error severity */
const char *ent_diag_message(const ent_diag *d, size_t i); /* owned by d */
ent_severity ent_diag_severity(const ent_diag *d, size_t i);
void ent_diag_clear(ent_diag *d);
/* Record a message; file may be NULL, line 0 means "no line". printf-style. */
void ent_diag_add(ent_diag *d, ent_severity sev, const char *file, long line, const char *fmt, ...)
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
    const char *verbs_more;       /* optional: a verb file read after verbs, as if it
                                     followed it (the default set's entente.cameo.verbs.txt);
                                     it may use verbs' synonym sets */
    const char *places;           /* optional: a gazetteer, `NAME_WORDS [ISO3]` a line (the
                                     default set's geonames.places.txt); a place codes a
                                     noun phrase that no actor phrase names */
} ent_dict_paths;

typedef struct ent_dict_counts {
    size_t verbs, verb_forms, patterns, synsets;
    size_t actors, actor_phrases, actor_dated_codes;
    size_t agents, agent_phrases;
    size_t discards_sentence, discards_story;
    size_t issues;
    size_t warnings, errors;
    size_t patterns_skipped;    /* pattern lines that could not be expressed (each warned) */
    size_t places;              /* gazetteer places */
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

/* Split a text into sentences (as ent_split_sentences does) and analyse each into s (as
 * ent_sentence_analyze does, reusing the splitter's tokens: nothing is tokenized twice).
 * fn (may be NULL) gets s, the sentence (not NUL-terminated, inside text), its span in text
 * and the analysis status (a refused sentence comes with its status, message in diag, and
 * an empty s); return nonzero to stop.  Returns the number of sentences. */
typedef int (*ent_analyzed_fn)(ent_sentence *s, const char *sentence, size_t len, ent_span span, ent_status st,
                               void *user);
size_t ent_split_analyze(ent_sentence *s, const char *text, size_t len, ent_analyzed_fn fn, void *user,
                         ent_diag *diag);

size_t ent_sentence_token_count(const ent_sentence *s);
const char *ent_sentence_token_text(const ent_sentence *s, size_t i);
const char *ent_sentence_token_tag(const ent_sentence *s, size_t i);
/* Render the phrase tree back as a bracketed string (for debugging and tests); the
 * returned string is owned by s. */
const char *ent_sentence_to_ptb(ent_sentence *s);

/* ---- events ------------------------------------------------------------------------- */

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
    const char *source_root;  /* the root phrase of the actor dictionary entry that gave the */
    const char *target_root;  /* code as written there ("HAMID_KARZAI_"), PETRARCH's actor root;
                                 "" or NULL when none.  Owned by the ent_dicts (valid while it
                                 is loaded), not by the event list. */
} ent_event;

ent_events *ent_events_new(void);
void ent_events_free(ent_events *ev);
void ent_events_clear(ent_events *ev);
size_t ent_events_count(const ent_events *ev);
const ent_event *ent_events_get(const ent_events *ev, size_t i);

/* ---- coder -------------------------------------------------------------------------- */

typedef struct ent_coder_options {
    int require_dyad;         /* default 1: drop events without both source and target */
    int require_source;       /* default 0; 1: drop events with no source actor, and events
                                 with no target whose source has no country ("---GOV") */
    int place_country;        /* default 0; 1: actors without a country ("---CVL") take the
                                 country of the one place the sentence names ("in Yangon") */
    int future_intent;        /* default 0; 1: cooperation announced as future or planned
                                 ("will provide aid") is coded as intent, root 03 (0331) */
    int resolve_pronouns;     /* default 0; 1: a subject "he"/"she"/"they" stands for the
                                 source(s) of the story's last coded sentence, and a role
                                 after "its"/"their" takes the country of the nearest
                                 coded actor before it ("Ukraine said its troops ...");
                                 a sentence-initial "it" stands for that one source
                                 when it is a country or an IGO/NGO/MNC (not when
                                 expletive: "It was reported that"), "the country" for
                                 that source's country; a person the story named in
                                 full (title + country + name, or an actor entry) is
                                 coded so when named again by surname ("Vessik",
                                 "Mr Vessik", "Vessik's government") or by the same
                                 title ("the prime minister"), unless two people of
                                 the story share that surname or title */
    int clauses;              /* default 0; 1: the clause layer.  Reported speech and
                                 modality as CAMEO codes them ("X said it would attack" ->
                                 13x threat, "would allow" -> 03x intent, "said Y must
                                 release" -> X>Y 10x demand, "would not meet" -> 12x, "did
                                 not attack" -> none); relative clauses; nominal events
                                 ("began the withdrawal of"); appositive roles ("X, the US
                                 ambassador," is USAGOV when X is unknown) */
    int new_actor_length;     /* default 0: no "new actor" output */
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    int fuzzy_names;          /* default 0; 1: a capitalised proper noun of 6+ letters that
                                 the lexicon and the actor dictionaries do not know is read
                                 as the one actor-dictionary word one letter away, if there
                                 is exactly one ("Mitterand" MITTERRAND, "Ethopia") */
} ent_coder_options;

void ent_coder_options_default(ent_coder_options *o);

/* A coder borrows dicts (which must outlive it) and owns the work area of everything it
 * runs (ent_code_document's cleanup, splitting, tagging and coding scratch): use one coder
 * per thread.  dicts NULL: a coder that codes nothing, for sentences only. */
ent_coder *ent_coder_new(const ent_dicts *dicts, const ent_coder_options *opts);
void ent_coder_free(ent_coder *c);
void ent_coder_set_options(ent_coder *c, const ent_coder_options *opts);

/* Start a new story: story-level discards are reset. */
void ent_coder_begin_story(ent_coder *c);


/* Code one sentence dated date (YYYYMMDD as an integer, 0 if unknown), appending its
 * events to out.  Never fails on bad text: problems come back as ENT_SKIPPED. */
ent_code_result ent_coder_code(ent_coder *c, const ent_sentence *s, long date, ent_events *out);
/* Why the last sentence was skipped ("" when it was not). */
const char *ent_coder_error(const ent_coder *c);

/* Explain mode (off by default): every ent_coder_code call also writes a readable
 * account of how the sentence was coded: tokens and tags, the phrases with their actor
 * codes, each verb's dictionary entry and the pattern that matched (or why it gave
 * nothing: not in the dictionary, null code, no source, agentless passive), reported
 * clauses, modality, nominal events and appositive roles, events dropped by the options,
 * and the events out.  ent_coder_explanation returns it for the last sentence coded
 * ("" before any); the string belongs to c and lives until its next ent_coder_code. */
void ent_coder_set_explain(ent_coder *c, int on);
const char *ent_coder_explanation(const ent_coder *c);

/* ---- PETRARCH XML records (validation files and parsed-story input) ------------------ */

typedef struct ent_petr_expected {
    const char *source, *target, *code;
} ent_petr_expected;

typedef struct ent_petr_config ent_petr_config;

typedef struct ent_petr_record {
    const char *id;
    const char *category;       /* "" when absent */
    const char *source;         /* the source attribute (publisher), "" when absent */
    long date;                  /* YYYYMMDD, 0 when absent or malformed */
    int sentence_flag;          /* sentence="true": 1, "false": 0, absent: -1 */
    const char *text;           /* <Text>, trimmed, "" when absent */
    const char *parse;          /* <Parse>, "" when absent */
    long line;                  /* line of the <Sentence> element in the file */
    size_t nexpected;
    const ent_petr_expected *expected;
    int noevents;               /* <EventCoding noevents="True"> */
    const char *error;          /* <EventCoding error="..."> or NULL */
    size_t nconfig;             /* <Config option=... value=...> lines met between the previous
                                   record and this one, in file order: as in PETRARCH-1's
                                   validation run they change the options of this and every
                                   later record */
    const ent_petr_config *config;
} ent_petr_record;

struct ent_petr_config {
    const char *option, *value;
};

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

/* Code one PETRARCH record as a one-sentence story dated rec->date (ent_code_document's
 * counterpart for parsed input): its <Parse> (from_text 0), or its <Text> through entente's
 * own tagger and chunker (from_text 1).  fn (may be NULL) is called once with the sentence
 * (<Text>, the story text too) and its events, whose spans are offsets in <Text> when
 * from_text and {0,0} otherwise (a parse's tokens carry no offsets); they stay valid
 * until c's next ent_code_record or ent_code_document.  A coder without
 * dictionaries only reads the parse.  A parse or text that cannot be read returns its
 * status (ENT_ERR_SYNTAX, ENT_ERR_LIMIT) with the message in diag, and fn is not called. */
ent_status ent_code_record(ent_coder *c, const ent_petr_record *rec, int from_text, ent_story_fn fn, void *user,
                           ent_diag *diag);

/* Apply one <Config option=... value=...> to coder options; ENT_ERR_INVALID (message in
 * diag) for an unknown option or a bad value. */
ent_status ent_coder_options_apply(ent_coder_options *o, const char *option, const char *value,
                                   ent_diag *diag);

/* ---- dictionary directories and configuration files (src/dict/config.c) ------------- */

/* Load the dictionaries of a directory: the project's layout (entente.verbs.txt beside
 * *.actors.txt, entente.agents.txt, entente.discards.txt; also a data/ directory holding
 * dictionaries/) or PETRARCH's usual names (*.verbpatterns.*, Phoenix.*.actors.txt else
 * *actors.txt, *agents.txt, *discards.txt, *issues.txt).  dir NULL: the bundled default
 * set (see ent_default_dict_dir).  When opts is not NULL and the directory holds an
 * entente.conf, the [Options] in it are applied to opts first, so a dictionary set carries
 * the coding conventions it was written for.  On success *out owns the set. */
ent_status ent_dicts_load_dir(const char *dir, ent_coder_options *opts, ent_diag *diag, ent_dicts **out);

/* Read a configuration file laid out like PETRARCH's PETR_config.ini: "[Section]",
 * "key = value", '#' or ';' comments, values continued on lines that start with a space.
 *   [Dictionaries]  dir = DIR (a directory as for ent_dicts_load_dir), or PETRARCH's keys
 *                   verbfile_name, actorfile_list (comma-separated), agentfile_name,
 *                   discardfile_name, issuefile_name, resolved against dir when given, else
 *                   against the file's own directory.  No such keys: the bundled set.
 *   [Options]       coder options (the names ent_coder_options_apply takes), applied over
 *                   the directory's entente.conf and over what *opts held.
 * Other sections and PETRARCH-only keys get a warning.  A malformed line, an unknown key or
 * a bad value fails with file:line in diag.  On success *out owns the loaded dictionaries
 * and *opts holds the options; on failure *out is NULL and *opts is unchanged. */
ent_status ent_config_load(const char *path, ent_coder_options *opts, ent_diag *diag, ent_dicts **out);

/* ---- output: events as JSONL or TSV ------------------------------------------------- */

/* Where an event came from: the story and sentence it was coded in. */
typedef struct ent_event_context {
    const char *story_id;
    long sentence_index;        /* 0-based index of the sentence in its story */
    const char *sentence_id;    /* e.g. "DEMO-01" or "story-3"; may be NULL */
    long date;                  /* YYYYMMDD the event happened (story date as fallback) */
    const char *sentence_text;  /* evidence; may be NULL */
    ent_span sentence_span;     /* offsets of the sentence in the cleaned story text */
    const char *title;          /* the story's title, URL and publisher (source); each may */
    const char *url;            /* be NULL or "" when unknown */
    const char *publisher;
} ent_event_context;

/* Output formats (src/output):
 *  - JSONL: entente's own JSON lines, one event each, with all attributes and evidence;
 *  - TSV: the same as tab-separated columns with a header line;
 *  - PLOVER: POLECAT-style JSON lines (event, mode, context, actor and recipient objects,
 *    quad, location, text, ...); events PLOVER has no category for (CAMEO 01x) are left out;
 *  - PHOENIX: Phoenix-dataset CSV (EventID, split date, actor entity/role/attribute, codes,
 *    quad, Goldstein, issues, location, ids, URL, source) with a header line;
 *  - PETRARCH: PETRARCH-1's tab-separated event records (date, source, target, code, issues,
 *    ids, [url,] source [, source text, target text] [, source root, target root]), one per
 *    (date, source, target, code) of a story, without a header. */
typedef enum ent_format {
    ENT_FORMAT_JSONL, ENT_FORMAT_TSV, ENT_FORMAT_PLOVER, ENT_FORMAT_PHOENIX, ENT_FORMAT_PETRARCH
} ent_format;

/* "jsonl", "tsv", "plover", "phoenix", "petrarch" -> format; -1 when unknown. */
int ent_format_parse(const char *name);
const char *ent_format_name(ent_format fmt);

/* Flags of ent_write_story. */
#define ENT_WRITE_ACTOR_TEXT 1u   /* PETRARCH: add the source and target text columns, as
                                     PETRARCH-1 does with write_actor_text = True */
#define ENT_WRITE_ACTOR_ROOT 2u   /* PETRARCH: then the source and target actor roots, as
                                     with write_actor_root = True */

/* Write the header line of fmt (TSV, PHOENIX; nothing for the others). */
void ent_write_header(FILE *out, ent_format fmt);
/* Write one event as one line (JSONL, TSV, PLOVER; PHOENIX and PETRARCH records are
 * written per story by ent_write_story, which this calls for a story of one event).  TSV
 * cells have tabs and line breaks as spaces and other control characters as \u00XX.
 * Returns 0, or -1 when the write failed (errno set; see ent_output_check). */
int ent_write_event(FILE *out, ent_format fmt, const ent_event_context *ctx, const ent_event *ev);
/* Write the n events of one story (ctx[i] is the context of ev[i], in story order) in
 * fmt.  Formats that number or merge events within a story (PHOENIX event ids, the
 * PETRARCH one-record-per-(date, source, target, code) filter) need the whole story.
 * Text cells are escaped as ent_write_event's and ent_write_csv_field's.  0, or -1 when
 * the write failed. */
int ent_write_story(FILE *out, ent_format fmt, unsigned flags, size_t n, const ent_event_context *ctx,
                    const ent_event *ev);
/* One cleaned sentence as a JSON line {"story_id","sentence_index","date","sentence_offsets",
 * "text"} ('code --sentences'); date YYYYMMDD or 0 (null).  0, or -1 on a failed write. */
int ent_write_sentence(FILE *out, const char *story_id, long index, long date, ent_span span, const char *text);
/* One CSV text cell (RFC 4180) followed by ',' or, when last, a newline.  Neutralised
 * against formula injection by the OWASP rule: a cell that starts with '=', '+', '-',
 * '@', tab or carriage return gets a leading "'" (and is quoted); control characters
 * other than tab and line breaks are written as \u00XX.  Numbers the program formats
 * itself are written as they are, not through this. */
void ent_write_csv_field(FILE *out, const char *s, int last);
/* s with control characters (C0 but tab and newline kept when keep_layout, DEL, C1) as
 * \u00XX: text from documents made safe for a terminal or a text file.  Malloc'ed. */
char *ent_str_visible(const char *s, int keep_layout);
/* Whether every write to out so far reached it: flushes; 0 when all is well, else -1
 * with "NAME: error: cannot write: REASON" in diag (NAME: the file name, or "standard
 * output").  Callers stop producing output at the first failure. */
int ent_output_check(FILE *out, const char *name, ent_diag *diag);
/* ent_output_check, then fsync when out is a regular file (so a full disk is seen now,
 * not lost at close), then fclose unless out is stdout or stderr.  0 or -1 (message in diag). */
int ent_output_close(FILE *out, const char *name, ent_diag *diag);

/* ==== sections owned by later stages are added below this line ==== */

/* ---- dictionary lint (src/dict/check.c) ----------------------------------------------- */

/* Lint a loaded set: duplicate entries, one phrase with conflicting codes, patterns that
 * can never match (shadowed by an earlier identical pattern of the same block, empty
 * synsets), verb forms claimed by several blocks, overlapping dated codes.  Problems met
 * while loading (malformed lines and dates, unknown synsets) are already in the load diag.
 * Each finding goes to diag as "file:line: error|warning: message".  Returns the number
 * of errors found (warnings are not counted). */
size_t ent_dicts_check(const ent_dicts *d, ent_diag *diag);

/* ---- default data: CAMEO table listing, default dictionary files (src/dict/cameo.c,
 *      src/dict/defaults.c) ---------------------------------------------------------- */

/* Number of codes in the CAMEO table and the i-th entry in code order (NULL past the end). */
size_t ent_cameo_count(void);
const ent_cameo_info *ent_cameo_at(size_t i);

/* Find the directory holding the default dictionaries: dir if non-NULL, else $ENTENTE_DATA,
 * else data/ beside the running binary or in the source tree it was built in, else the
 * install prefix.  Returns a malloc'ed path to the "dictionaries" directory (caller frees)
 * or NULL (reason in diag, may be NULL) when none of them holds the default files. */
char *ent_default_dict_dir(const char *dir, ent_diag *diag);

/* ---- actor names from a dictionary set (src/dict/names.c) ------------------------------ */

/* Readable names for actor codes: an index over a loaded set (borrowed; must outlive it). */
typedef struct ent_actor_names ent_actor_names;
ent_actor_names *ent_actor_names_new(const ent_dicts *d);
void ent_actor_names_free(ent_actor_names *n);
/* The name of code ("RUSGOV" -> "Russian Federation government"): a named country followed
 * by named agents, else the record that carries the code without a date, else the longest
 * named prefix followed by its agents' names (unnamed parts stay codes).
 * Returns a malloc'ed string (caller frees), or NULL when no part of the code is named. */
char *ent_actor_names_get(const ent_actor_names *n, const char *code);
/* Does an actor record carry exactly the first len bytes of code (undated)? */
int ent_actor_names_has(const ent_actor_names *n, const char *code, size_t len);

/* ---- store: stories, sentences, events and actors in SQLite or PostgreSQL (src/store) - */

/* Reading back the JSON lines of 'entente code' (what load stores).  Members of an
 * unexpected type count as absent; unknown members are ignored. */
typedef struct ent_event_line {
    ent_event_context ctx;      /* story_id, sentence_index, sentence_id, sentence (text and
                                   offsets), title, url, publisher; ctx.date is left 0 */
    ent_event ev;               /* source, target, code, root, quad, goldstein, plover, the
                                   matched texts, issues, offsets */
    const char *date;           /* "date" as written (NULL when absent or not a string) */
    int has_goldstein;          /* the line has a "goldstein" member (of any type) */
} ent_event_line;
typedef struct ent_event_reader ent_event_reader;
ent_event_reader *ent_event_reader_new(void);
void ent_event_reader_free(ent_event_reader *r);
/* Parse one line into *out; its strings belong to r and stay valid until the next call.
 * ENT_ERR_SYNTAX when the line is not one JSON object, with the reason in *why (owned by r). */
ent_status ent_event_reader_parse(ent_event_reader *r, const char *line, size_t len, ent_event_line *out,
                                  const char **why);

/* An open event database.  uri: "postgresql://..." or "postgres://..." (libpq), else a
 * SQLite file path (optionally prefixed "sqlite:").  The schema is created when absent.
 * One handle is used by one thread at a time. */
typedef struct ent_store ent_store;

typedef struct ent_story_meta {
    const char *story_id;       /* required */
    long date;                  /* YYYYMMDD, 0 when unknown */
    const char *publisher, *title, *url; /* optional, may be NULL */
    int append;                 /* 1: keep the story's stored events and add to them */
} ent_story_meta;

/* Open (and create) a store, bringing its schema to the newest version (forward
 * migrations; see the README's store schema); on failure *out is NULL and the reason is
 * in diag.  A database of a newer schema than this library knows is refused. */
ent_status ent_store_open(const char *uri, ent_diag *diag, ent_store **out);
/* Open a read-only handle (serve's workers); the schema must be the newest already. */
ent_status ent_store_open_reader(const char *uri, ent_diag *diag, ent_store **out);
/* The database server's own work for this handle so far, when this process can see it:
 * on a PostgreSQL server of this machine (unix socket or loopback), the backend process's
 * CPU time and its time waiting for a processor, in ms (from Linux /proc).  Returns 0 and
 * zeros when unknown: SQLite (the work is the calling thread's own), a remote server, or
 * a handle not opened by ent_store_open_reader. */
int ent_store_server_clock(const ent_store *st, double *cpu_ms, double *runq_ms);
/* The URI st was opened with (owned by st). */
const char *ent_store_uri(const ent_store *st);
/* Closes the store; an open story transaction is rolled back (the story stays as it was). */
void ent_store_close(ent_store *st);
/* Message of the last failure on this handle ("" when none); owned by st. */
const char *ent_store_error(const ent_store *st);
/* "sqlite" or "postgresql". */
const char *ent_store_backend(const ent_store *st);

/* Writing: each story is one transaction.  begin_story starts it and removes what the
 * story had before (re-coding replaces, never duplicates); add_sentence / add_event add
 * rows (add_event also records the sentence from ctx when it was not added); commit_story
 * makes it all visible at once, rollback_story drops it (meta->append keeps old rows).  After any failure the story's
 * transaction is rolled back and later calls fail until the next begin_story. */
ent_status ent_store_begin_story(ent_store *st, const ent_story_meta *meta);
ent_status ent_store_add_sentence(ent_store *st, long sentence_index, const char *sentence_id,
                                  long date, const char *text);
ent_status ent_store_add_event(ent_store *st, const ent_event_context *ctx, const ent_event *ev);
ent_status ent_store_commit_story(ent_store *st);
void ent_store_rollback_story(ent_store *st);
/* Batching for bulk loads: committed stories are collected and written in one transaction
 * once they hold `events` events (default 1: every story is written at commit_story).  A
 * batch only ever holds whole stories.  ent_store_flush writes what is collected (close
 * does too); a failure there loses the whole batch, reported in ent_store_error. */
void ent_store_set_batch(ent_store *st, long events);
/* Bulk loads with writer threads (n >= 2; call after ent_store_set_batch; no effect with
 * n < 2).  PostgreSQL: batches written over n connections at once.  A full batch is handed
 * to an idle writer thread and commit_story returns while it is written; each batch is
 * still one transaction of whole stories, a story met again waits for its earlier batch,
 * and a batch aborted as a deadlock victim is written again.  SQLite (one writer at a time,
 * whatever n): one writer thread takes the batch in chunks of whole stories as they fill
 * (a few thousand events) while the caller goes on, in one transaction that commits with
 * the chunk that completes the batch; a second connection checkpoints the WAL meanwhile;
 * an appended story (meta->append) first waits for the open transaction to commit.  A
 * failed batch (SQLite: the whole open transaction) is reported by a later commit_story,
 * flush or close.  ent_store_flush waits for every batch (and commits).  Fails (the handle
 * keeps one connection) when a connection cannot be opened. */
ent_status ent_store_set_writers(ent_store *st, int n);
/* SQLite loads with the writer thread: inside a transaction, merge the rollup sums and index
 * the new sentences each time the events handed to the writer pass a multiple of this
 * number (default 100,000; <= 0: only at the transaction's end), so that a transaction
 * larger than that does not put all of that work on its last chunk.  Rows, rollups and
 * index still commit together.  Takes effect from the next chunk handed to the writer. */
void ent_store_set_merge(ent_store *st, long events);
ent_status ent_store_flush(ent_store *st);
/* Stories and events this handle has committed to the database so far (for summaries:
 * what is stored, not what was handed in). */
void ent_store_written(const ent_store *st, long *stories, long *events);
/* Stories and events written to the database so far, committed or inside a transaction
 * still open (a chunked SQLite load: the chunks its writer thread has finished, counted
 * when the handing thread next meets the writer; otherwise what ent_store_written gives).
 * For progress reports only: what is not committed is lost if the process dies. */
void ent_store_progress(const ent_store *st, long *stories, long *events);
/* fn(user) is called on the thread that writes through this handle each time its counts
 * (ent_store_written, ent_store_progress) have grown: after a commit of its own, and each
 * time it collects a writer thread's finished batch or chunk, also inside ent_store_flush
 * and ent_store_close (so a load can report the batches the final flush waits for).
 * NULL: none.  fn must not write through the handle. */
typedef void (*ent_store_progress_fn)(void *user);
void ent_store_on_progress(ent_store *st, ent_store_progress_fn fn, void *user);
/* The full-text index of sentences (search) is normally brought up to date in every
 * write transaction.  With defer on, this handle's writes leave new sentences out of it
 * (a faster bulk load; on PostgreSQL its GIN index is dropped), and searches miss them
 * until ent_store_build_fts (or a later writer that does not defer) indexes them. */
void ent_store_defer_fts(ent_store *st, int defer);
/* Sentences not in the full-text index yet (0 when it is complete). */
ent_status ent_store_fts_pending(ent_store *st, long *pending);
/* Index every sentence left out, in one transaction; *indexed (may be NULL) gets how many. */
ent_status ent_store_build_fts(ent_store *st, long *indexed);

/* Which events a query covers.  NULL / 0 fields do not filter.  Actor codes ending in '*'
 * match by prefix ("USA*" matches USAGOV).  dyad_a and dyad_b together select events
 * between the two in either direction. */
typedef struct ent_store_filter {
    const char *actor;          /* source or target */
    const char *source, *target;
    const char *dyad_a, *dyad_b;
    const char *code;           /* CAMEO code, '*' suffix for prefix */
    const char *root;
    int quad;                   /* 1..4, 0 any */
    long date_from, date_to;    /* YYYYMMDD inclusive, 0 open */
    const char *story_id;
    long limit, offset;         /* limit 0: no limit; aggregates: the top `limit` rows */
    int dyadic;                 /* 1: only events with both a source and a target */
    const char *after;          /* keyset paging: events after this cursor (from
                                   ent_store_next_cursor of the previous page); NULL: none */
    const char *text;           /* words the event's sentence must contain (full-text search:
                                   SQLite FTS5 / PostgreSQL tsvector, stemmed English; a
                                   word ending in '*' matches as a prefix on SQLite) */
    int newest_first;           /* events query: latest date first */
} ent_store_filter;

/* Parse "YYYY-MM-DD" or "YYYYMMDD" (also "YYYY-MM" / "YYYY": first day) into YYYYMMDD;
 * returns 0 for anything else. */
long ent_store_parse_date(const char *s);

/* One stored event and its context as delivered to a query callback; pointers are valid
 * only during the call.  Return nonzero to stop the query. */
typedef int (*ent_store_event_fn)(const ent_event_context *ctx, const ent_event *ev, void *user);

/* Events matching f ordered by date (undated first), story, event.  *total (may be NULL)
 * receives the number of matching events ignoring limit/offset/after. */
ent_status ent_store_query_events(ent_store *st, const ent_store_filter *f, ent_store_event_fn fn,
                                  void *user, long *total);
/* Keyset cursor of the last event the latest query delivered ("" when none): pass it as
 * filter.after for the next page.  Owned by st, valid until the next query. */
const char *ent_store_next_cursor(const ent_store *st);
/* 1 when the latest failed query ran into the ent_store_set_timeout limit. */
int ent_store_interrupted(const ent_store *st);

typedef enum ent_period { ENT_PERIOD_DAY, ENT_PERIOD_WEEK, ENT_PERIOD_MONTH, ENT_PERIOD_ALL } ent_period;
typedef enum ent_group { ENT_GROUP_NONE, ENT_GROUP_ACTOR, ENT_GROUP_DYAD } ent_group;

/* One aggregate row: a period ("2024-03-05", ISO week "2024-W10", "2024-03", or "all")
 * and, per group, an actor (a) or a directed dyad (a -> b). */
typedef struct ent_store_agg {
    const char *period;
    const char *a, *b;          /* NULL when not grouped that way */
    long events;
    long quad[5];               /* quad[1..4]: counts per quad class; quad[0]: unknown */
    double goldstein;           /* sum of Goldstein scores */
} ent_store_agg;

typedef int (*ent_store_agg_fn)(const ent_store_agg *row, void *user);

/* Aggregate the events matching f per period and group, rows in order of period then
 * group key; with f->limit > 0 only the f->limit rows with most events, most first (ties
 * in that order).  f->offset and f->after are ignored.  ENT_GROUP_ACTOR counts an event
 * once for its source and once for its target (when different and not "---"). */
ent_status ent_store_aggregate(ent_store *st, const ent_store_filter *f, ent_period period,
                               ent_group group, ent_store_agg_fn fn, void *user);

/* Counts of rows per table, for reports and tests. */
typedef struct ent_store_counts { long stories, sentences, events, actors; } ent_store_counts;
ent_status ent_store_counts_get(ent_store *st, ent_store_counts *out);
/* Compare the rollup tables with a recount from the events: *mismatches rows differ. */
ent_status ent_store_check_rollups(ent_store *st, long *mismatches);
/* Abort any single query that runs longer than ms milliseconds (0: no limit). */
void ent_store_set_timeout(ent_store *st, long ms);

/* ---- explorer queries (src/store/explore.c) ------------------------------------------- */

/* Name every stored actor code that has no name yet (table actor_names: code, name, and
 * the name of its three-letter country when the code starts with one).  *named (may be
 * NULL) receives how many got a name.  One transaction. */
ent_status ent_store_name_actors(ent_store *st, const ent_actor_names *names, long *named);
/* *count = how many stored actor codes have no row in actor_names yet (0: naming them
 * would change nothing, so a caller may skip loading dictionaries). */
ent_status ent_store_unnamed_actors(ent_store *st, long *count);
/* The stored name and country name of an actor code; *name / *country are malloc'ed or NULL
 * when unknown (country may be NULL to skip it). */
ent_status ent_store_actor_name(ent_store *st, const char *code, char **name, char **country);
/* Every stored actor name in code order (name and country may be NULL). */
typedef int (*ent_store_name_fn)(const char *code, const char *name, const char *country, void *user);
ent_status ent_store_actor_names_each(ent_store *st, ent_store_name_fn fn, void *user);
/* The stored names of the n given codes (fn once per code that has a name row, in any
 * order): a page of rows named in a few queries (64 codes each), not one per code. */
ent_status ent_store_actor_names_of(ent_store *st, const char *const *codes, size_t n, ent_store_name_fn fn, void *user);

/* Event counts of the events matching f, per (root, PLOVER category, quad class). */
typedef int (*ent_store_category_fn)(const char *root, const char *plover, int quad, long events, void *user);
ent_status ent_store_category_counts(ent_store *st, const ent_store_filter *f, ent_store_category_fn fn, void *user);

/* One story: fn gets its metadata once, then sfn each sentence in order (index, sentence
 * id or NULL, date, text); pointers are valid during the call only.  *found is 0 when
 * there is no such story (status ENT_OK). */
typedef int (*ent_store_story_fn)(const ent_story_meta *meta, void *user);
typedef int (*ent_store_sentence_fn)(long index, const char *sentence_id, long date, const char *text, void *user);
ent_status ent_store_story(ent_store *st, const char *story_id, ent_store_story_fn fn, ent_store_sentence_fn sfn,
                           void *user, int *found);

/* ---- serve: the event explorer, a JSON API and web page over HTTP (src/serve) -------- */

typedef struct ent_server ent_server;

typedef struct ent_server_options {
    const char *bind;           /* IPv4 or IPv6 address; NULL: 127.0.0.1 */
    int port;                   /* 0: any free port (see ent_server_port) */
    int timeout_seconds;        /* idle connection timeout; 0: 10 */
    long query_timeout_ms;      /* per database query; 0: 5000 */
    int header_timeout_seconds; /* a request's headers must arrive within this; 0: 10 */
    int max_connections;        /* in all; 0: 512 */
    int max_per_address;        /* per client address; 0: half of max_connections */
    const char *allow_hosts;    /* comma-separated Host names accepted besides IP literals
                                   and localhost (DNS rebinding guard); NULL: none */
    int pool_size;              /* read-only database handles opened at start (the warm
                                   pool; a PostgreSQL connection each); 0: 20, -1: none */
} ent_server_options;

/* Start serving st (borrowed; must outlive the server) on background threads: one per
 * connection, queries on read-only handles of the same database: pool_size opened at
 * start, more when that many requests are running, up to max(pool_size, 32) at once.
 * On failure (also when a handle of the warm pool cannot be opened) *out is NULL and the
 * reason is in diag. */
ent_status ent_server_start(ent_store *st, const ent_server_options *o, ent_diag *diag, ent_server **out);
int ent_server_port(const ent_server *srv);
void ent_server_stop(ent_server *srv);

/* ---- documents: ingest, cleanup, dates (stage "docs") -------------------------------- */

/* Input formats of 'entente code'.  ENT_INPUT_AUTO guesses from the file name and the
 * first bytes (%PDF, '<html', '{', '<rss'/'<feed', '<Sentences'/'<?xml'). */
typedef enum ent_input_format {
    ENT_INPUT_AUTO = 0, ENT_INPUT_TEXT, ENT_INPUT_JSONL, ENT_INPUT_HTML, ENT_INPUT_PDF, ENT_INPUT_PETRXML,
    ENT_INPUT_FEED              /* RSS 2.0, RSS 1.0 or Atom: each item / entry one story */
} ent_input_format;

/* "text", "jsonl", "html", "pdf", "petrxml", "feed" (also "rss", "atom"), "auto" -> format;
 * -1 when unknown. */
int ent_input_format_parse(const char *name);
const char *ent_input_format_name(ent_input_format f);
/* Guess a format from a path (may be NULL) and the first n bytes of the content. */
ent_input_format ent_input_detect(const char *path, const char *head, size_t n);

/* A field of a JSON-lines story that entente does not interpret, kept verbatim. */
typedef struct ent_doc_field {
    const char *name;
    const char *json;            /* the value as compact JSON text */
} ent_doc_field;

/* One document (story).  Every string is non-NULL ("" when absent) and owned by the
 * document; free with ent_doc_free. */
struct ent_doc {
    const char *id;              /* "id" field, else file name (+ ":LINE" for JSON lines) */
    const char *origin;          /* where it came from, "file" or "file:line", for messages */
    const char *date_text;       /* the date as given (JSON field, HTML metadata), "" if none */
    long date;                   /* YYYYMMDD parsed from date_text, 0 if none */
    const char *title;
    const char *text;            /* body text as extracted (not yet cleaned) */
    size_t text_len;
    const char *url, *source;
    const char *byline;          /* from metadata (HTML author), "" if none */
    size_t nextra;
    const ent_doc_field *extra;  /* unknown JSON fields, in input order */
};

void ent_doc_free(ent_doc *doc);

/* A stream of documents from one input: a file, or standard input when path is "-". */
typedef struct ent_doc_reader ent_doc_reader;

/* Open path (or "-") as format fmt (ENT_INPUT_AUTO: detect).  ENT_INPUT_PETRXML is not
 * read here (see ent_petrxml_read): it fails with ENT_ERR_UNSUPPORTED.  On failure the
 * reason ("path: ...") is in diag and *out is NULL. */
ent_status ent_doc_reader_open(const char *path, ent_input_format fmt, ent_diag *diag, ent_doc_reader **out);
/* Same over a memory buffer (copied); name is used in ids and messages. */
ent_status ent_doc_reader_open_mem(const char *name, const char *data, size_t len, ent_input_format fmt,
                                   ent_diag *diag, ent_doc_reader **out);
ent_input_format ent_doc_reader_format(const ent_doc_reader *r);
/* Next document.  Returns ENT_OK with *doc set (caller owns it), ENT_OK with *doc NULL
 * at the end, or an error status for one bad document (message "origin: what" in diag,
 * *doc NULL): the caller reports it and calls again -- the following documents are
 * still delivered. */
ent_status ent_doc_reader_next(ent_doc_reader *r, ent_doc **doc, ent_diag *diag);
void ent_doc_reader_free(ent_doc_reader *r);

/* Text after cleanup of extraction artifacts (page counters, print headers and footers,
 * URLs, photo credits, copyright lines, OCR garbage, inline markup, line-broken words and
 * paragraphs).  text holds the running text as paragraphs separated by one blank line;
 * the headline, standfirst and byline are taken out into their own fields. */
typedef struct ent_cleaned {
    char *text;
    size_t len;
    size_t paragraphs;
    char *headline, *standfirst, *byline, *section; /* "" when not found */
    char *dateline;              /* "MOSCOW, Feb 4 (Reuters)" taken off the first paragraph, or "" */
    long print_date;             /* YYYYMMDD from a print header/footer or dateline, else 0 */
    size_t dropped_lines;        /* artifact lines removed */
} ent_cleaned;

/* Clean extracted text.  Never fails; *out owns its strings, which must be released only
 * with ent_cleaned_free (empty fields may share one static "", never free them yourself). */
void ent_text_clean(const char *text, size_t len, ent_cleaned *out);
void ent_cleaned_free(ent_cleaned *c);

/* Parse a date in the usual forms: "2022-02-04", "2022-02-04T15:38:00Z", "20220204",
 * "Feb 4, 2022", "4 February 2022", "Fri, 04 Feb 2022 15:38:00 GMT", US "02/04/22"
 * and "02/04/2022".  Returns YYYYMMDD or 0 when s is not a valid date. */
long ent_date_parse(const char *s, size_t len);
/* The story date found in text: a dateline ("MOSCOW, Feb 4 (Reuters) -") or a print
 * header/footer ("02/04/22, 15:38").  0 when none. */
long ent_date_from_text(const char *text, size_t len);
/* The date a sentence's event happened: relative expressions ("on Friday", "yesterday",
 * "last week", "10 HOURS AGO", "on Feb 3") resolved against story_date (YYYYMMDD).
 * Returns story_date when the sentence has none (or story_date is 0). */
long ent_date_resolve(const char *sentence, size_t len, long story_date);
/* Day arithmetic on YYYYMMDD dates; 0 stays 0. */
long ent_date_add_days(long date, int days);
/* ISO 8601 week of a YYYYMMDD date: returns the week-year and sets *week (1..53);
 * 0 and *week 0 when date is 0. */
long ent_date_iso_week(long date, int *week);

/* ---- text: sentence splitting and normalisation (stage "text") ----------------------- */

/* Called once per sentence, in text order.  sentence points into the text given to
 * ent_split_sentences (not NUL-terminated), len is its length in bytes, span its byte
 * offsets in that text (end exclusive; surrounding white space excluded).  Return
 * nonzero to stop the splitting. */
typedef int (*ent_sentence_fn)(const char *sentence, size_t len, ent_span span, void *user);

/* Split a whole text (a story, a document) into sentences.  Knows abbreviations
 * ("Mr.", "U.S.", "Gen."), initials, numbers ("3.5"), closing quotes and brackets after
 * the full stop, and treats a blank line, or the end of a headline-like line (short,
 * mostly capitalised, no final punctuation), as a boundary.  Never fails: binary junk
 * and invalid UTF-8 end up inside sentences; a run of more than ENT_SPLIT_MAX_BYTES
 * bytes without a boundary is cut between two tokens (a single longer token is
 * delivered whole).  Linear time, constant memory.  Returns the number of sentences
 * delivered. */
#define ENT_SPLIT_MAX_BYTES 65536
size_t ent_split_sentences(const char *text, size_t len, ent_sentence_fn fn, void *user);

/* Normalise text for coding: typographic quotes, dashes, ellipses, non-breaking and
 * other Unicode spaces, ligatures and fullwidth forms become their ASCII forms;
 * control characters become spaces; invalid UTF-8 becomes U+FFFD.  Returns a malloc'ed,
 * NUL-terminated string (caller frees) and its length in *out_len (may be NULL).  Never
 * fails (allocation failure aborts). */
char *ent_text_normalize(const char *text, size_t len, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif /* ENTENTE_H */

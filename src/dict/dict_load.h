/* dict_load.h — helpers shared by the dictionary readers (verbs.c, actors.c, agents.c,
 * discards.c) and dicts.c: line iteration with PETRARCH comment rules, diagnostics,
 * tokenising phrases into ent_pel elements.  Internal to src/dict. */
#ifndef ENT_DICT_LOAD_H
#define ENT_DICT_LOAD_H

#include "dict/dict.h"

/* State of one load: the set being filled and where problems go. */
typedef struct dict_ld {
    ent_dicts *d;
    ent_diag *diag;
    const char *file;          /* current file name (arena copy) */
    /* fixed capacities of the arrays that others point into (set by dicts.c) */
    size_t cap_synsets, cap_blocks, cap_verbs, cap_patterns, cap_actors, cap_actor_phrases;
    size_t cap_agents, cap_discards, cap_issues, cap_places;   /* growable */
} dict_ld;

/* Iterator over the lines of a file buffer (modified in place). */
typedef struct dict_lines {
    char *p, *end;
    long lineno;
    int semicolon;             /* also treat ';' as a comment start (TABARI actor files) */
    const char *comment;       /* text after the comment mark of the last line, or "" */
    dict_ld *ld;               /* where an unclosed "<!--" is reported (may be NULL) */
} dict_lines;

/* ld (may be NULL) receives the error for a "<!--" comment that is never closed. */
void ent_dict_lines_init(dict_lines *L, char *buf, size_t len, dict_ld *ld);

/* Next non-empty line after comment removal ('#' anywhere, lines starting with "<!",
 * <!-- ... --> possibly over several lines), right-trimmed, NUL-terminated in place.
 * Leading whitespace is kept.  Returns NULL at the end; L->lineno is the line number. */
char *ent_dict_next_line(dict_lines *L);

void ent_dict_err(dict_ld *ld, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ent_dict_warn(dict_ld *ld, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Trim helpers on [s, s+n). */
const char *ent_dict_skip_space(const char *s);
size_t ent_dict_trim_len(const char *s, size_t n);      /* length without trailing space */

/* Uppercased arena copy of s[0..n). */
char *ent_dict_upper(dict_ld *ld, const char *s, size_t n);

/* Split s[0..n) into elements at ' ' and '_' runs.  el[k].gap = 1 if the run before the
 * token held whitespace, else 0; *gap_before / *gap_after (may be NULL) tell about the
 * leading / trailing run ("IN_" -> after 0, "IN " -> after 1, "IN" -> after 0).
 * kinds: pattern == 1 (verb patterns): "$ + % ^" and "&NAME" become their element
 * kinds; 2 (synset members): only "&NAME" does; 0: every token is a plain word.
 * Returns the number of elements (arena-allocated in *out; NULL when 0). */
uint32_t ent_dict_tokens(dict_ld *ld, const char *s, size_t n, int pattern, ent_pel **out,
                     int *gap_before, int *gap_after);

/* Parse a code "[...]" body: "---" / "013" / "013:012".  Returns 0 (and reports) when
 * empty or containing blanks. */
int ent_dict_code(dict_ld *ld, long line, const char *s, size_t n, const char **code, const char **code2);

/* Readers: each parses one file buffer (NUL-terminated, modified in place). */
void ent_dict_read_verbs(dict_ld *ld, char *buf, size_t len);
void ent_dict_finish_verbs(dict_ld *ld);    /* resolve synsets, after all verb files */
void ent_dict_read_actors(dict_ld *ld, char *buf, size_t len);
void ent_dict_read_agents(dict_ld *ld, char *buf, size_t len);
void ent_dict_read_discards(dict_ld *ld, char *buf, size_t len);
void ent_dict_read_issues(dict_ld *ld, char *buf, size_t len);
void ent_dict_read_places(dict_ld *ld, char *buf, size_t len);

/* Parse a date "YYMMDD" or "YYYYMMDD" (digits s[0..n)); 0 and *ok=0 when invalid. */
long ent_dict_parse_date(const char *s, size_t n, int *ok);

/* Build an index over n entries of `stride` bytes starting at base, each beginning with
 * an ent_phrase. */
void ent_dict_build_index(ent_phrase_index *ix, ent_arena *a, const void *base, size_t stride, size_t n);

#endif

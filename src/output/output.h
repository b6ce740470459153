/* output.h — helpers shared by the event writers of src/output (not public). */
#ifndef ENT_OUTPUT_H
#define ENT_OUTPUT_H

#include "util/util.h"

/* Append s as one CSV cell (no separator): control characters visible as \u00XX, a
 * leading = + - @ TAB CR neutralised with "'" (OWASP), quoted with '"' doubled when it
 * holds a comma, a quote or a line break.  ent_write_csv_field writes the same to a FILE. */
void ent_buf_csv_cell(ent_buf *b, const char *s);
/* Append s[0..n) as one TSV cell (no separator): tabs and line breaks become spaces, other
 * control characters \u00XX. */
void ent_buf_tsv_cell(ent_buf *b, const char *s, size_t n);

/* The header line of the formats written by formats.c (PHOENIX); nothing for the others. */
void ent_output_header(FILE *out, ent_format fmt);

#endif

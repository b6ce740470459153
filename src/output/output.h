/* output.h — helpers shared by the event writers of src/output (not public). */
#ifndef ENT_OUTPUT_H
#define ENT_OUTPUT_H

#include "util/util.h"

/* Append s[0..n) as one CSV field (RFC 4180): quoted, with '"' doubled, when it holds a
 * comma, a quote or a line break; as it is otherwise. */
void ent_buf_csv_field(ent_buf *b, const char *s, size_t n);

/* The header line of the formats written by formats.c (PHOENIX); nothing for the others. */
void ent_output_header(FILE *out, ent_format fmt);

#endif

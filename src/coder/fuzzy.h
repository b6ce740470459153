/* fuzzy.h — the unique actor-dictionary word at edit distance 1 from a misspelled name
 * (fuzzy.c). */
#ifndef ENT_FUZZY_H
#define ENT_FUZZY_H

#include "dict/dict.h"

typedef struct ent_fuzzy ent_fuzzy;

/* The index of the actor phrases' words of 6 to 31 letters of d (d may be NULL: an empty
 * index).  The caller owns it (ent_fuzzy_free); it borrows d's strings, so d must
 * outlive it (as a coder's dictionaries outlive the coder). */
ent_fuzzy *ent_fuzzy_new(const ent_dicts *d);
void ent_fuzzy_free(ent_fuzzy *f);
/* Number of words indexed. */
size_t ent_fuzzy_size(const ent_fuzzy *f);
/* w[0..n): an upper-case word.  Returns the one indexed word at edit distance exactly 1
 * (owned by f), or NULL: w is itself indexed, too short or long, not all letters A-Z, or
 * no word or two or more words are that near. */
const char *ent_fuzzy_match(const ent_fuzzy *f, const char *w, size_t n);

#endif

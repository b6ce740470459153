/* persons.h — is a noun a person's?  The table is generated at build time by
 * tools/gen-persons.mjs from WordNet (nouns whose most frequent sense is a person:
 * "minister", "commander"; not "government", "army"). */
#ifndef ENT_CODER_PERSONS_H
#define ENT_CODER_PERSONS_H

/* upper: a singular noun in capitals ("SPOKESMAN"); NULL or unknown: 0. */
int ent_noun_is_person(const char *upper);

#endif

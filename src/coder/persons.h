/* persons.h — is a noun a person's, or a message's?  The tables are generated at build
 * time by tools/gen-persons.mjs from WordNet (nouns whose most frequent sense is a person:
 * "minister", "commander"; not "government", "army"; or a communication or a time:
 * "letter", "deadline"). */
#ifndef ENT_CODER_PERSONS_H
#define ENT_CODER_PERSONS_H

/* upper: a singular noun in capitals ("SPOKESMAN"); NULL or unknown: 0. */
int ent_noun_is_person(const char *upper);

/* upper: a singular noun in capitals whose first WordNet sense is a communication
 * ("LETTER", "SPEECH", "NOTE") or a time ("DEADLINE"); NULL or unknown: 0. */
int ent_noun_is_message(const char *upper);

#endif

/* nominal.h — event nouns and the verbs they derive from (src/coder/nominal.c). */
#ifndef ENT_CODER_NOMINAL_H
#define ENT_CODER_NOMINAL_H

/* The verb (upper case, base form, as the verb dictionaries list it) that the upper-case
 * noun w names the act of ("WITHDRAWAL" -> "WITHDRAW", "TALKS" -> "TALK"), or NULL when
 * w is not an event noun.  A static string. */
const char *ent_event_noun_verb(const char *w);
/* The verb of an event noun that names an act only counted ("a demand": DEMAND), or NULL;
 * ent_counting_determiner: does w count it ("a", "one", "its", ...)? */
const char *ent_event_count_noun_verb(const char *w);
int ent_counting_determiner(const char *w);

/* Is the upper-case noun w one for goods bought and sold ("OIL", "WHEAT", "CHIPS",
 * "EXPORTS")?  A demand for them is the market's, no act. */
int ent_goods_noun(const char *w);

/* The verb of a two-word event noun, modifier mod right before the noun w ("HUNGER"
 * "STRIKE" -> "FAST"), or NULL.  A static string. */
const char *ent_event_compound_verb(const char *mod, const char *w);

/* Is the upper-case word w a verb that says an act goes on or starts, with the event
 * noun as its subject and no object ("riots are continuing", "protests erupted")? */
int ent_occur_verb(const char *w);

/* Is the upper-case word w a light verb, one that carries an event noun without changing
 * its act ("began the withdrawal", "launched a mediation effort")? */
int ent_light_verb(const char *w);

/* Is the upper-case word w a verb of informing ("notified", "informed"), whose "of"
 * phrase names the act told of ("notified the UN of its withdrawal")? */
int ent_inform_verb(const char *w);

/* Is the upper-case word w a verb that keeps an act in force ("upheld the suspension",
 * "maintained its blockade")?  Its event noun object codes over its own entry. */
int ent_keep_verb(const char *w);

/* Is the upper-case word w a verb that enacts a document ("signed", "approved", "passed",
 * "issued")?  With a document noun whose participle names an act ("signed an order
 * restricting investment"), the act is the event, over the verb's own code. */
int ent_enact_verb(const char *w);

/* Is the upper-case word w a noun for a document that orders or enacts something
 * ("ORDER", "DECREE", "LAW", "BILL", "RESOLUTION")? */
int ent_document_noun(const char *w);

#endif

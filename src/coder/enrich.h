/* enrich.h — the coder's post-pass over a sentence's events (src/coder/enrich.c). */
#ifndef ENT_CODER_ENRICH_H
#define ENT_CODER_ENRICH_H

#include "entente.h"
#include "syntax/sentence.h"
#include "dict/dict.h"

/* The one country named as a place in sentence s ("in Yangon", "at a rally in Istanbul",
 * "in southern Lebanon"): a preposition (IN, AT, NEAR, OUTSIDE, ACROSS, THROUGHOUT),
 * optionally THE, a compass adjective or "the city/town/region of", then an actor phrase
 * of d whose code on date is a country ("MMR", or a country's government such as the
 * Kremlin) or a gazetteer place written as a name (ent_enrich_place).  Writes the 3-letter code into cc (4 bytes) and returns 1 when exactly one
 * distinct country is named that way; returns 0 (cc = "") when none or several are. */
int ent_enrich_place_country(const ent_dicts *d, const ent_sentence *s, long date, char cc[4]);

/* A gazetteer place of d (ent_dict_place_match) at w[i], written as a name: each of its
 * words capitalised but not in capitals only and tagged NNP/NNPS, with no such word right
 * before or after it ("Michael Jackson", "Jackson Heights" are no Jackson, USA), nor a
 * noun of a natural feature after it ("the Noto peninsula" is no Noto, Italy).  tk[k]
 * is the token of w[k] (NULL: unknown, so no place).  Returns the place's length in words
 * (0: none) and sets *code to its country. */
size_t ent_enrich_place(const ent_dicts *d, const char *const *w, const ent_token *const *tk, size_t n, size_t i,
                        const char **code);

/* Is w (upper case, may be NULL) a word that may stand between a preposition and a place
 * name ("THE", "NORTHERN", "SOUTH-EASTERN", "DOWNTOWN")? */
int ent_enrich_place_filler(const char *w);

/* Is w (upper case, may be NULL) a noun of a body of water ("GULF", "SEA", "STRAIT")?  A
 * country's name with one ("the Gulf of Oman", "the Sea of Japan", "the Taiwan Strait")
 * names the water, no party to an event. */
int ent_enrich_water_noun(const char *w);

/* Is w (upper case, may be NULL) a noun of a country's edge ("BORDER", "FRONTIER")?  A
 * place named by one ("near the Ukrainian border", "at the Syrian frontier") may lie on
 * either side: it names no country. */
int ent_enrich_edge_noun(const char *w);

/* Does an actor's text (upper case, words joined by spaces) call it FOREIGN ("FOREIGN
 * TROOPS", "TWO FOREIGN NATIONALS"): of some country other than the one the sentence or
 * story is about, so that no pass may give it that country?  "FOREIGN MINISTER",
 * "FOREIGN MINISTRY", "FOREIGN AFFAIRS" ... name an office of the country itself: no. */
int ent_enrich_foreign_text(const char *text);
/* Does an event side's text (words in capitals) name one who speaks for a state abroad
 * ("THE AMBASSADOR", "DIPLOMATS", "THE EMBASSY")? */
int ent_enrich_envoy_text(const char *text);

/* Is code a country (or a country's government, "RUSGOV") rather than a region, an
 * international or non-state body, or no actor? */
int ent_enrich_country_code(const char *code);

/* Give the country-less actors ("---CVL", "---OPP", "---MIL") of events [from, count)
 * of out the country of the sentence's one place (see above): "---OPP" becomes "MMROPP".
 * Codes that are only "---" (no actor), coded actors and actors whose text opens with a
 * possessive pronoun ("its forces": owned by an actor named elsewhere) are left alone;
 * an event whose source and target become equal is dropped.  Returns the number of codes changed. */
size_t ent_enrich_events(const ent_dicts *d, const ent_sentence *s, long date, ent_events *out,
                         size_t from);

#endif

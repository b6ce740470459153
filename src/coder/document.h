/* document.h — internal: the coder's document work area (document.c), which the
 * ent_coder handle owns and frees. */
#ifndef ENT_CODER_DOCUMENT_H
#define ENT_CODER_DOCUMENT_H

#include "util/util.h"

typedef struct ent_docwork ent_docwork;

/* Frees a work area made by ent_code_document (NULL is fine). */
void ent_docwork_free(ent_docwork *w);
/* The coder's slot for its work area (NULL until the first ent_code_document). */
ent_docwork **ent_coder_docwork(ent_coder *c);
/* Whether c was made with a dictionary set (else it only splits and dates). */
int ent_coder_has_dicts(const ent_coder *c);
/* The story's dateline ("MOSCOW, Feb 4 (Reuters)", as text cleanup took it off; NULL or
 * "": none): its place, the words before the first comma or parenthesis, named whole by
 * an actor entry of a country alone or by the gazetteer, is the story's home country
 * (coder.c), kept until the next ent_coder_begin_story.  Call after that. */
void ent_cd_set_dateline(ent_coder *c, const char *dateline);
/* Reads the whole story's text (len bytes; the dateline taken off) for the countries its
 * words name by the actor dictionaries: when it names others than the dateline's twice or
 * more and never the dateline's own, the dateline is a bureau's abroad ("WASHINGTON - ...
 * Peru and Bolivia ...": c->dateline_abroad); one passing mention ("PARIS - ... Unions in
 * Belgium joined") is not.  Call after ent_cd_set_dateline; nothing is kept of text. */
void ent_cd_scan_story(ent_coder *c, const char *text, size_t len);

#endif

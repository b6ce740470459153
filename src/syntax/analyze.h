/* analyze.h — internal: sentence analysis with tokens the splitter already made. */
#ifndef ENT_ANALYZE_H
#define ENT_ANALYZE_H

#include "syntax/sentence.h"
#include "text/text.h"

/* ent_sentence_analyze, taking the tokens from tc (what an ent_split_tokens callback was
 * handed with this very sentence) instead of tokenizing again; tc NULL, or holding
 * another sentence's tokens: tokenized from text. */
ent_status ent_sentence_analyze_tokens(ent_sentence *s, const char *text, size_t len, const ent_tokcache *tc,
                                       ent_diag *diag);

/* The sentence's token cache for ent_split_tokens (its work area's; made on first use). */
ent_tokcache *ent_sentence_tokcache(ent_sentence *s);

#endif

/* intent.h — the coder's post-pass for announced cooperation (src/coder/intent.c). */
#ifndef ENT_CODER_INTENT_H
#define ENT_CODER_INTENT_H

#include "entente.h"
#include "syntax/sentence.h"

/* Recode the events [from, count) of out whose verb in s is announced as future or
 * planned ("will provide", "plans to visit") and whose code is cooperative (roots 04-08)
 * to CAMEO's intent code in root 03 (071 -> 0331, 042 -> 036, 085 -> 0354); root, quad
 * class, Goldstein score and PLOVER category follow.  Returns the number recoded. */
size_t ent_intent_events(const ent_sentence *s, ent_events *out, size_t from);

#endif

/* harm.h — what caused the harm a sentence reports (src/coder/harm.c). */
#ifndef ENT_CODER_HARM_H
#define ENT_CODER_HARM_H

#include <stddef.h>

typedef enum {
    ENT_HARM_UNKNOWN = 0,   /* no word names the cause ("were killed in Kabul") */
    ENT_HARM_ACCIDENT,      /* a crash, collision, natural disaster or blaze, and no violence */
    ENT_HARM_VIOLENCE       /* a weapon, an attack or a perpetrator ("bomb", "gunmen", "clashes") */
} ent_harm;

/* The cause named by the n upper-case words (NULL entries are skipped): violence when any
 * word names it, else accident when any word names one, else unknown. */
ent_harm ent_harm_cause(const char *const *words, size_t n);

/* Does word i of words[0..n) name a weapon, an attack or its perpetrators ("BOMB",
 * "GUNMEN"; "FIRE" after "OPENED", "STRIKE" after "AIR")? */
int ent_harm_violence_word(const char *const *words, size_t n, size_t i);

#endif

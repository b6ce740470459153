/* test_coder_harm.c — what caused the harm a sentence reports (src/coder/harm.c): the
 * senses of "fire" and "strike", violence over an accident word, and sentences that name
 * no cause.  Words are given upper-case, one per token, as the coder passes them. */
#include "test.h"
#include "coder/harm.h"

#include <stdio.h>
#include <string.h>

/* The cause named by the space-separated words of text (at most 32). */
static ent_harm cause(const char *text) {
    static char buf[512];
    const char *w[32];
    size_t n = 0;
    strncpy(buf, text, sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    for (char *p = strtok(buf, " "); p && n < 32; p = strtok(NULL, " ")) w[n++] = p;
    return ent_harm_cause(w, n);
}

/* Each sentence and the cause it names. */
static const struct { const char *text; ent_harm want; } CASES[] = {
    /* fire: gunfire and arson are violence, a blaze is an accident */
    {"GUNMEN OPENED FIRE ON A BUS", ENT_HARM_VIOLENCE},
    {"TWO DIED IN AN EXCHANGE OF FIRE", ENT_HARM_VIOLENCE},
    {"MOB SET FIRE TO A CHURCH", ENT_HARM_VIOLENCE},
    {"NINE DIED IN A FIRE AT A MARKET", ENT_HARM_ACCIDENT},
    {"THE FIRE KILLED TEN", ENT_HARM_ACCIDENT},
    /* strike: an air or drone strike is violence, a hunger strike nothing */
    {"KILLED IN AN AIR STRIKE", ENT_HARM_VIOLENCE},
    {"KILLED IN DRONE STRIKES", ENT_HARM_VIOLENCE},
    {"DIED DURING A HUNGER STRIKE", ENT_HARM_UNKNOWN},
    /* explosion: a gas explosion is an accident, a bare one names no cause */
    {"A GAS EXPLOSION KILLED TEN", ENT_HARM_ACCIDENT},
    {"KILLED IN AN EXPLOSION AT A FACTORY", ENT_HARM_UNKNOWN},
    {"KILLED IN A CAR BOMB EXPLOSION", ENT_HARM_VIOLENCE},
    /* violence wins over an accident word; no word, no cause */
    {"THE BUS CRASHED AFTER GUNMEN OPENED FIRE", ENT_HARM_VIOLENCE},
    {"THE PLANE CRASHED AFTER IT WAS HIT BY A MISSILE", ENT_HARM_VIOLENCE},
    {"TWELVE WERE KILLED WHEN A BUS CRASHED", ENT_HARM_ACCIDENT},
    {"THIRTY DROWNED WHEN A FERRY CAPSIZED", ENT_HARM_ACCIDENT},
    {"TWO SOLDIERS WERE KILLED IN KABUL", ENT_HARM_UNKNOWN},
    {"", ENT_HARM_UNKNOWN},
};

TEST(harm_cause_senses) {
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        ent_harm got = cause(CASES[i].text);
        if (got != CASES[i].want) fprintf(stderr, "  \"%s\": got %d, want %d\n", CASES[i].text, (int)got, (int)CASES[i].want);
        CHECK_INT(got, CASES[i].want);
    }
}

/* demonym.h — English demonyms that take no -s plural ("the Swiss", "the Malagasy",
 * "Batswana" is already the people).  Shared by the country generator
 * (tools/gen-countries.c: which plurals to write) and the dictionary lint (check.c: a
 * country has a demonym when one of its names has its -s plural or is one of these). */
#ifndef ENT_DEMONYM_H
#define ENT_DEMONYM_H

#include <string.h>

/* Is d (an uppercase demonym, words joined by '_') one that English does not pluralise
 * with -s?  Endings -ESE, -ISH, -CH (but CZECH), -SS, -IS, and a few whole words. */
static inline int ent_demonym_invariable(const char *d) {
    static const char *const words[] = {"MOTSWANA", "BATSWANA", "MOSOTHO", "BASOTHO", "MALAGASY", "TURKMEN",
                                        "KIRGHIZ", "KYRGYZ", "GREENLANDIC", "MANX", "BURKINABE", "I-KIRIBATI",
                                        "NI-VANUATU"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(d, words[i]) == 0) return 1;
    size_t n = strlen(d);
    if (n < 4) return 0;
    static const char *const ends[] = {"ESE", "SS", "SH", "CH", "IS"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t e = strlen(ends[i]);
        if (n > e && strcmp(d + n - e, ends[i]) == 0) return strcmp(d, "CZECH") != 0;
    }
    return 0;
}

#endif

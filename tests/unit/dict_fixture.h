/* dict_fixture.h — helpers for the dictionary unit tests (test_dict_*.c): write a small
 * dictionary to a temporary file, find a diagnostic, remove the file. */
#ifndef ENT_DICT_FIXTURE_H
#define ENT_DICT_FIXTURE_H

#include "test.h"
#include "dict/dict.h"

#include <unistd.h>

/* Write text to a fresh temp file; returns its path (static storage, 8 slots). */
static inline const char *fx_file(const char *text) {
    static char paths[8][64];
    static int k;
    return ent_test_temp_file(paths[k++ & 7], text);
}

/* Does diag hold exactly "<path>:<line>: <rest>"? */
static inline int fx_has(const ent_diag *dg, const char *path, long line, const char *rest) {
    char want[1024];
    snprintf(want, sizeof want, "%s:%ld: %s", path, line, rest);
    for (size_t i = 0; i < ent_diag_count(dg); i++)
        if (strcmp(ent_diag_message(dg, i), want) == 0) return 1;
    printf("  missing diagnostic: %s\n  have:\n", want);
    for (size_t i = 0; i < ent_diag_count(dg) && i < 20; i++) printf("    %s\n", ent_diag_message(dg, i));
    return 0;
}

static inline void fx_unlink(const char *p) { if (p) unlink(p); }

#endif

/* test.h — a minimal unit-test harness.  TEST(name) { ... } registers a test at load
 * time; CHECK(cond) records a failure with file:line and keeps going; CHECK_STR compares
 * strings.  tests/unit/main.c runs them all and prints "N passed, N failed". */
#ifndef ENT_TEST_H
#define ENT_TEST_H

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

typedef void (*ent_test_fn)(void);
void ent_test_register(const char *name, ent_test_fn fn, const char *file);
void ent_test_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The shared reference directory ($ENTENTE_SHARED or ../shared) if it holds rel, else
 * NULL; a test that needs it calls SKIP_UNLESS_SHARED. */
const char *ent_test_shared_path(const char *rel);
void ent_test_skip(const char *why);
/* Write text to a fresh temporary file whose name goes into path (64 bytes); returns
 * path, or NULL when the file cannot be written.  Tests remove their files. */
const char *ent_test_temp_file(char path[64], const char *text);
/* Remove an SQLite file and its -wal and -shm companions (missing ones are fine). */
void ent_test_remove_sqlite(const char *path);
/* The event store at path, opened (created if new) for writing; NULL, with the reason
 * printed, when it cannot be. */
struct ent_store *ent_test_open_store(const char *path);

#define TEST(name)                                                                      \
    static void name(void);                                                             \
    __attribute__((constructor)) static void reg_##name(void) { ent_test_register(#name, name, __FILE__); } \
    static void name(void)

#define CHECK(cond)                                                                     \
    do { if (!(cond)) ent_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); } while (0)

#define CHECK_STR(got, want)                                                            \
    do {                                                                                \
        const char *g_ = (got), *w_ = (want);                                           \
        if (!g_ || !w_ || strcmp(g_, w_) != 0)                                          \
            ent_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #got,    \
                          g_ ? g_ : "(null)", w_ ? w_ : "(null)");                      \
    } while (0)

#define CHECK_INT(got, want)                                                            \
    do {                                                                                \
        long long g_ = (long long)(got), w_ = (long long)(want);                        \
        if (g_ != w_) ent_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #got, g_, w_); \
    } while (0)

/* Path of a file under the shared directory, or skip the current test. */
#define SHARED_OR_SKIP(var, rel)                                                        \
    const char *var = ent_test_shared_path(rel);                                        \
    if (!var) { ent_test_skip("../shared/" rel " not found (set ENTENTE_SHARED)"); return; }

#endif

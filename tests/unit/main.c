/* main.c — runs every registered unit test; optional argv[1] filters by substring.
 * Prints one line per test ("ok", "FAIL", "skip") and closes with "N passed, N failed". */
#include "test.h"
#include "entente.h"

#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct { const char *name, *file; ent_test_fn fn; } test_entry;
static test_entry tests[1024];
static int ntests;
static int cur_failed, cur_skipped;
static const char *cur_name;

void ent_test_register(const char *name, ent_test_fn fn, const char *file) {
    if (ntests < (int)(sizeof tests / sizeof tests[0])) tests[ntests++] = (test_entry){name, file, fn};
}

void ent_test_fail(const char *file, int line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("  %s:%d: %s: ", file, line, cur_name);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    cur_failed++;
}

void ent_test_skip(const char *why) {
    printf("  skip %s: %s\n", cur_name, why);
    cur_skipped = 1;
}

const char *ent_test_shared_path(const char *rel) {
    static char buf[8][4096];
    static int k;
    const char *dir = getenv("ENTENTE_SHARED");
    if (!dir || !*dir) dir = "../shared";
    char *b = buf[k++ & 7];
    snprintf(b, sizeof buf[0], "%s/%s", dir, rel);
    struct stat st;
    return stat(b, &st) == 0 ? b : NULL;
}

const char *ent_test_temp_file(char path[64], const char *text) {
    snprintf(path, 64, "/tmp/entente-test-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    size_t n = strlen(text);
    ssize_t w = write(fd, text, n);
    close(fd);
    return w == (ssize_t)n ? path : NULL;
}

void ent_test_remove_sqlite(const char *path) {
    char b[4200];
    unlink(path);
    snprintf(b, sizeof b, "%s-wal", path); unlink(b);
    snprintf(b, sizeof b, "%s-shm", path); unlink(b);
}

struct ent_store *ent_test_open_store(const char *path) {
    ent_diag *d = ent_diag_new();
    ent_store *st = NULL;
    if (ent_store_open(path, d, &st) != ENT_OK) printf("  open %s: %s\n", path, ent_diag_count(d) ? ent_diag_message(d, 0) : "?");
    ent_diag_free(d);
    return st;
}

static int by_file_then_name(const void *a, const void *b) {
    const test_entry *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    return c ? c : strcmp(x->name, y->name);
}

int main(int argc, char **argv) {
    const char *filter = argc > 1 ? argv[1] : NULL;
    int passed = 0, failed = 0, skipped = 0;
    qsort(tests, (size_t)ntests, sizeof tests[0], by_file_then_name);
    for (int i = 0; i < ntests; i++) {
        if (filter && !strstr(tests[i].name, filter)) continue;
        cur_name = tests[i].name;
        cur_failed = cur_skipped = 0;
        tests[i].fn();
        fflush(stdout);
        if (cur_failed) { printf("FAIL %s\n", cur_name); failed++; }
        else if (cur_skipped) { printf("skip %s\n", cur_name); skipped++; }
        else { printf("ok %s\n", cur_name); passed++; }
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}

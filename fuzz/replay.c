/* replay.c — a main() for the fuzz targets without libFuzzer's engine: every file named
 * on the command line (a directory: every file in it) is read and handed once to
 * LLVMFuzzerTestOneInput.  Built with ASan+UBSan by `make fuzz-replay`, which CI runs over
 * the checked-in corpus (fuzz/corpus/), so a regression on a saved input fails CI on any
 * compiler.  Exit status 0 when every input ran; a sanitizer report aborts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run one file through the target; returns 0, or 1 when it cannot be read. */
static int replay_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "replay: cannot open %s\n", path); return 1; }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; }
            else buf = nb;
        }
    }
    int bad = ferror(f) || !buf;
    fclose(f);
    if (bad) { fprintf(stderr, "replay: cannot read %s\n", path); free(buf); return 1; }
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    long inputs = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) { fprintf(stderr, "replay: %s: no such file\n", argv[i]); failed++; continue; }
        if (!S_ISDIR(st.st_mode)) { failed += replay_file(argv[i]); inputs++; continue; }
        struct dirent **names;
        int n = scandir(argv[i], &names, NULL, alphasort);
        if (n < 0) { fprintf(stderr, "replay: cannot list %s\n", argv[i]); failed++; continue; }
        for (int k = 0; k < n; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], names[k]->d_name);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) { failed += replay_file(path); inputs++; }
            free(names[k]);
        }
        free(names);
    }
    printf("replay %s: %ld inputs, %ld unreadable\n", argv[0], inputs, failed);
    return failed ? 1 : 0;
}

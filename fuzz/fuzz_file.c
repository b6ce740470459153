/* fuzz_file.c — libFuzzer target for the file readers of untrusted input: the PETRARCH XML
 * reader and the dictionary readers (verbs, actors, agents, discards).  Each input is
 * written to a temporary file and read by every reader; none may crash or leak. */
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int on_rec(const ent_petr_record *r, void *u) { (void)r; (void)u; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[] = "/tmp/entente-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    if (write(fd, data, size) != (ssize_t)size) { close(fd); unlink(path); return 0; }
    close(fd);
    ent_diag *d = ent_diag_new();
    ent_petrxml_read(path, NULL, on_rec, NULL, d);
    const char *actors[] = {path, NULL};
    ent_dict_paths p = {path, actors, path, path, NULL};
    ent_dicts *dicts = NULL;
    if (ent_dicts_load(&p, d, &dicts) == ENT_OK) ent_dicts_free(dicts);
    ent_diag_free(d);
    unlink(path);
    return 0;
}

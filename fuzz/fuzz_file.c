/* fuzz_file.c — libFuzzer target for the file readers of untrusted input: the PETRARCH XML
 * reader, the dictionary readers (verbs, actors, agents, discards), the JSON-lines
 * document reader and the RSS/Atom feed reader.  Each input is written to a temporary file and read by every reader;
 * none may crash or leak.  The input is also one JSON line for a differential check:
 * when the fast JSON-lines scanner takes it, jansson must take it too and give the same
 * document (abort otherwise). */
#include "util/util.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int on_rec(const ent_petr_record *r, void *u) { (void)r; (void)u; return 0; }

static void jsonl_differential(const uint8_t *data, size_t size) {
    char *line = malloc(size + 1);
    if (!line) return;
    memcpy(line, data, size);
    line[size] = 0;
    doc_impl *f = ent_jsonl_extract_fast(line, size);
    if (f) {
        ent_buf why;
        ent_buf_init(&why);
        doc_impl *j = ent_jsonl_extract_jansson(line, size, &why);
        ent_buf_free(&why);
        const char *diff = j ? ent_doc_diff(&f->pub, &j->pub) : "jansson refuses the line";
        if (diff) {
            fprintf(stderr, "fuzz_file: JSON-lines fast path and jansson differ: %s\n", diff);
            abort();
        }
        ent_doc_free(&j->pub);
        ent_doc_free(&f->pub);
    }
    free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    jsonl_differential(data, size);
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
    static const ent_input_format doc_formats[] = {ENT_INPUT_JSONL, ENT_INPUT_FEED};
    for (size_t f = 0; f < sizeof doc_formats / sizeof *doc_formats; f++) {
        ent_doc_reader *r;
        if (ent_doc_reader_open(path, doc_formats[f], d, &r) != ENT_OK) continue;
        for (int guard = 0; guard < 100000; guard++) {
            ent_doc *doc = NULL;
            ent_status st = ent_doc_reader_next(r, &doc, d);
            if (st == ENT_OK && !doc) break;
            ent_doc_free(doc);
        }
        ent_doc_reader_free(r);
    }
    ent_diag_free(d);
    unlink(path);
    return 0;
}

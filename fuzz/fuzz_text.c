/* fuzz_text.c — libFuzzer target for the raw-text path: document readers (auto-detected
 * format over the bytes), then each document through ent_code_document (cleanup,
 * sentence splitting, dates, tagging, chunking, coding with the bundled dictionaries when
 * they load, else tagging and chunking alone). */
#include "entente.h"

#include <stdint.h>

static ent_sentence *sent;
static ent_coder *coder;
static int have_dicts;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!coder) {
        ent_dicts *dicts = NULL; /* kept for the process's life, as the coder borrows it */
        have_dicts = ent_dicts_load_default(NULL, NULL, &dicts) == ENT_OK && dicts;
        coder = ent_coder_new(dicts, NULL);
        sent = ent_sentence_new();
    }
    ent_diag *d = ent_diag_new();
    ent_doc_reader *r = NULL;
    if (ent_doc_reader_open_mem("fuzz", (const char *)data, size, ENT_INPUT_AUTO, d, &r) == ENT_OK) {
        for (int n = 0; n < 64; n++) {
            ent_doc *doc = NULL;
            ent_status st = ent_doc_reader_next(r, &doc, d);
            if (st == ENT_OK && !doc) break;
            if (!doc) continue;
            ent_story story;
            ent_code_document(coder, doc, NULL, NULL, NULL, &story, d);
            /* no dictionaries: the sentences are still tagged and chunked */
            if (!have_dicts) ent_split_analyze(sent, story.text, story.len, NULL, NULL, NULL);
            ent_diag_clear(d);
            ent_doc_free(doc);
        }
        ent_doc_reader_free(r);
    }
    ent_diag_free(d);
    return 0;
}

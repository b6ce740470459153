/* fuzz_text.c — libFuzzer target for the raw-text path: document readers (auto-detected
 * format over the bytes), cleanup, sentence splitting, tagging and chunking. */
#include "entente.h"

#include <stdint.h>

static ent_sentence *sent;

static int on_sentence(const char *s, size_t len, ent_span span, void *user) {
    (void)span; (void)user;
    ent_sentence_analyze(sent, s, len, NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!sent) sent = ent_sentence_new();
    ent_diag *d = ent_diag_new();
    ent_doc_reader *r = NULL;
    if (ent_doc_reader_open_mem("fuzz", (const char *)data, size, ENT_INPUT_AUTO, d, &r) == ENT_OK) {
        for (int n = 0; n < 64; n++) {
            ent_doc *doc = NULL;
            ent_status st = ent_doc_reader_next(r, &doc, d);
            if (st == ENT_OK && !doc) break;
            if (!doc) continue;
            ent_cleaned c;
            ent_text_clean(doc->text, doc->text_len, &c);
            ent_split_sentences(c.text, c.len, on_sentence, NULL);
            ent_cleaned_free(&c);
            ent_doc_free(doc);
        }
        ent_doc_reader_free(r);
    }
    ent_diag_free(d);
    return 0;
}

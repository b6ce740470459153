/* fuzz_ptb.c — libFuzzer target for the Penn Treebank reader (untrusted parse input).
 * Build and run: make fuzz FUZZ_SECONDS=60 */
#include "syntax/sentence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static ent_sentence *s;
    if (!s) s = ent_sentence_new();
    if (ent_sentence_parse_ptb(s, (const char *)data, size, NULL) == ENT_OK) {
        const char *r = ent_sentence_to_ptb(s);
        (void)r;
        for (size_t i = 0; i < s->nnodes; i++)
            if (s->nodes[i].tok_first > s->nodes[i].tok_end) __builtin_trap();
    }
    return 0;
}

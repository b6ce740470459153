/* test_chunk_upper.c — the chunker's token texts: each token's text and its ASCII
 * upper-case form (used for dictionary matching), for short, word-sized and long words,
 * UTF-8 letters (left alone) and words without lower-case letters (shared form). */
#include "test.h"
#include "syntax/sentence.h"

/* reference: ASCII letters upper-cased byte by byte, every other byte unchanged */
static int upper_ok(const char *text, const char *upper) {
    size_t n = strlen(text);
    if (strlen(upper) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (upper[i] != ent_upper(text[i])) return 0;
    return 1;
}

TEST(chunk_token_upper_forms) {
    ent_sentence *s = ent_sentence_new();
    const char *text = "Zoë met az AZ Abcdefgh abcdefghijklmnopqrstuvwxyz0123 "
                       "NATO's 1999 Ünited façade-builders ``met'' x.";
    CHECK_INT(ent_sentence_analyze(s, text, strlen(text), NULL), ENT_OK);
    CHECK(s->ntokens >= 12);
    for (size_t i = 0; i < s->ntokens; i++) {
        const ent_token *t = &s->tokens[i];
        CHECK(upper_ok(t->text, t->upper));
    }
    CHECK_STR(s->tokens[0].upper, "ZOë");
    CHECK_STR(s->tokens[2].upper, "AZ");
    CHECK_STR(s->tokens[4].text, "Abcdefgh");
    CHECK_STR(s->tokens[4].upper, "ABCDEFGH");
    CHECK(s->tokens[3].upper == s->tokens[3].text);   /* "AZ": no lower case, shared */
    CHECK_STR(s->tokens[5].upper, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123");
    ent_sentence_free(s);
}

/* test_chunk_upper.c — the chunker's token texts: each token's text and its matching key
 * (ent_word_fold: upper case, accents stripped; used for dictionary matching), for short,
 * word-sized and long words, UTF-8 letters and words without lower-case letters (shared
 * form); ent_word_fold itself on accents, marks, other scripts and invalid bytes. */
#include "test.h"
#include "syntax/sentence.h"

/* reference: an ASCII word's key is its letters upper-cased byte by byte */
static int upper_ok(const char *text, const char *upper) {
    size_t n = strlen(text);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)text[i] >= 0x80) return strlen(upper) <= n;   /* folded: never longer */
    if (strlen(upper) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (upper[i] != ent_upper(text[i])) return 0;
    return 1;
}

static void check_fold(const char *in, const char *want) {
    char buf[64];
    size_t n = strlen(in);
    memcpy(buf, in, n);
    size_t k = ent_word_fold(buf, n);
    CHECK(k <= n);
    buf[k] = 0;
    CHECK_STR(buf, want);
}

TEST(word_fold_accents_and_scripts) {
    check_fold("Sékou", "SEKOU");
    check_fold("SÉKOU", "SEKOU");
    check_fold("Touré", "TOURE");
    check_fold("François", "FRANCOIS");
    check_fold("Ñúñez", "NUNEZ");
    check_fold("Erdoğan", "ERDOGAN");
    check_fold("Wałęsa", "WAŁESA");            /* Ł is a letter of its own, upper-cased */
    check_fold("Ø", "Ø");
    check_fold("e\xcc\x81", "E");                 /* e + combining acute: the mark goes */
    check_fold("Москва", "МОСКВА");
    check_fold("NATO's", "NATO'S");
    check_fold("a\xff\xc3" "b", "A\xff\xc3" "B");         /* invalid bytes kept */
    check_fold("", "");
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
    CHECK_STR(s->tokens[0].upper, "ZOE");
    CHECK_STR(s->tokens[2].upper, "AZ");
    CHECK_STR(s->tokens[4].text, "Abcdefgh");
    CHECK_STR(s->tokens[4].upper, "ABCDEFGH");
    CHECK(s->tokens[3].upper == s->tokens[3].text);   /* "AZ": no lower case, shared */
    CHECK_STR(s->tokens[5].upper, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123");
    ent_sentence_free(s);
}

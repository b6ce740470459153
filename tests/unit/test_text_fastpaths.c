/* test_text_fastpaths.c — behaviour at the edges of the text stage's fast paths: cleanup
 * of texts longer than its on-stack line and paragraph storage, running headers (found
 * only once three candidate lines exist), empty fields of ent_cleaned; tokens that keep
 * their source bytes or are normalised, inside a split and outside it; relative dates
 * whose trigger word carries a final period. */
#include "test.h"
#include "entente.h"

/* n paragraphs "Paragraph K ends here." separated by blank lines, with a running header
 * line after every `every` paragraphs (0: none). */
static char *paragraphs(int n, int every) {
    size_t cap = (size_t)n * 64 + 64, len = 0;
    char *t = malloc(cap);
    for (int i = 0; i < n; i++) {
        len += (size_t)snprintf(t + len, cap - len, "Paragraph %d ends here.\n\n", i);
        if (every && (i + 1) % every == 0) len += (size_t)snprintf(t + len, cap - len, "EXAMPLE DAILY NEWS\n\n");
    }
    return t;
}

TEST(clean_many_lines_and_paragraphs) {
    char *t = paragraphs(100, 0);   /* 200 lines, 100 paragraphs: past the stack storage */
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK_INT(c.paragraphs, 100);
    CHECK(strstr(c.text, "Paragraph 0 ends here.\n\nParagraph 1 ends here.") == c.text);
    CHECK(strstr(c.text, "Paragraph 99 ends here.") != NULL);
    CHECK_INT(c.dropped_lines, 0);
    ent_cleaned_free(&c);
    free(t);
}

TEST(clean_running_header_needs_three) {
    /* the header recurs 4 times among 40 paragraphs: dropped; twice: kept as text */
    char *t = paragraphs(40, 10);
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK(strstr(c.text, "EXAMPLE DAILY NEWS") == NULL);
    CHECK_INT(c.dropped_lines, 4);
    CHECK_INT(c.paragraphs, 40);
    ent_cleaned_free(&c);
    free(t);
    t = paragraphs(40, 20);
    ent_text_clean(t, strlen(t), &c);
    CHECK(strstr(c.text, "EXAMPLE DAILY NEWS") != NULL);
    CHECK_INT(c.dropped_lines, 0);
    ent_cleaned_free(&c);
    free(t);
}

TEST(clean_empty_fields_are_empty_strings) {
    const char *t = "Arnor and Gondor signed a border pact on Tuesday.";
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK_STR(c.text, t);
    CHECK_STR(c.headline, "");
    CHECK_STR(c.standfirst, "");
    CHECK_STR(c.byline, "");
    CHECK_STR(c.section, "");
    CHECK_STR(c.dateline, "");
    ent_cleaned_free(&c);
    ent_cleaned_free(&c);   /* a second free of the emptied struct is harmless */
    ent_text_clean("", 0, &c);
    CHECK_STR(c.text, "");
    ent_cleaned_free(&c);
}

typedef struct tokrun { ent_sentence *s; char ptb[8][512]; size_t n; } tokrun;

static int keep_ptb(const char *p, size_t n, ent_span sp, void *user) {
    (void)sp;
    tokrun *r = user;
    if (r->n < 8 && ent_sentence_analyze(r->s, p, n, NULL) == ENT_OK)
        snprintf(r->ptb[r->n++], sizeof r->ptb[0], "%s", ent_sentence_to_ptb(r->s));
    return 0;
}

TEST(split_tokens_source_and_normalised) {
    /* ASCII words (source bytes), typographic quotes and a non-ASCII word (normalised or
     * kept), "n't" and an abbreviation: the same tree inside a split and outside it */
    const char *text = "\xE2\x80\x9CWe don\xE2\x80\x99t accept it,\xE2\x80\x9D said caf\xC3\xA9 owner Mr. Smith "
                       "in the U.S. on Friday. Gondor\xE2\x80\x94in turn\xE2\x80\x94" "agreed.";
    tokrun r = { ent_sentence_new(), {{0}}, 0 };
    CHECK_INT(ent_split_sentences(text, strlen(text), keep_ptb, &r), 2);
    CHECK_INT(r.n, 2);
    CHECK(strstr(r.ptb[0], "(`` ``)") != NULL);
    CHECK(strstr(r.ptb[0], "n't)") != NULL);
    CHECK(strstr(r.ptb[0], "caf\xC3\xA9") != NULL);
    CHECK(strstr(r.ptb[0], " Mr.)") != NULL);
    CHECK(strstr(r.ptb[1], "(: --)") != NULL);
    /* outside a split: the first sentence analysed on its own gives the same tree */
    const char *end = strstr(text, " Gondor");
    CHECK(ent_sentence_analyze(r.s, text, (size_t)(end - text), NULL) == ENT_OK);
    CHECK_STR(ent_sentence_to_ptb(r.s), r.ptb[0]);
    ent_sentence_free(r.s);
}

TEST(date_trigger_words_with_period) {
    /* a word token takes its final '.': "on. 5 Feb", "last. week" still resolve */
    const char *a = "Talks began on. 3 Feb between the two sides";
    CHECK_INT(ent_date_resolve(a, strlen(a), 20220204), 20220203);
    const char *b = "They met last. week in Minas Tirith";
    CHECK_INT(ent_date_resolve(b, strlen(b), 20220204), 20220128);
    const char *c = "They met yesterday.";
    CHECK_INT(ent_date_resolve(c, strlen(c), 20220301), 20220228);
    const char *d = "They met in the Ministry on Tuesdays";
    CHECK_INT(ent_date_resolve(d, strlen(d), 20220204), 20220204);
}

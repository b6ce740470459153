/* test_text_split.c — ent_split_sentences: abbreviations, initials, quotes, headlines,
 * blank lines, spans, early stop. */
#include "test.h"
#include "text/text.h"

typedef struct collect {
    char out[4096];
    size_t o, count, stop_after;
    int spans_ok;
    const char *text;
} collect;

static int on_sent(const char *s, size_t len, ent_span sp, void *user) {
    collect *c = user;
    if (c->text && (s != c->text + sp.start || sp.end - sp.start != len)) c->spans_ok = 0;
    c->o += (size_t)snprintf(c->out + c->o, sizeof c->out - c->o, "%s%.*s", c->o ? "|" : "", (int)len, s);
    c->count++;
    return c->stop_after && c->count >= c->stop_after;
}

static const char *split(const char *text, collect *c) {
    memset(c, 0, sizeof *c);
    c->text = text;
    c->spans_ok = 1;
    size_t n = ent_split_sentences(text, strlen(text), on_sent, c);
    if (n != c->count) c->spans_ok = 0;
    return c->out;
}

TEST(split_abbreviations_and_initials) {
    collect c;
    CHECK_STR(split("Mr. Putin met J. R. Smith in the U.S. on Monday. The talks went well.", &c),
              "Mr. Putin met J. R. Smith in the U.S. on Monday.|The talks went well.");
    CHECK(c.spans_ok);
    CHECK_STR(split("Prices rose 3.5 percent in the U.S. The dollar fell.", &c),
              "Prices rose 3.5 percent in the U.S.|The dollar fell.");
    CHECK_STR(split("Shares of Acme Inc. rose. Gen. Lee left at 3 p.m. and then slept.", &c),
              "Shares of Acme Inc. rose.|Gen. Lee left at 3 p.m. and then slept.");
    CHECK_STR(split("It fell... Then it rose. it was lowercase.", &c), "It fell...|Then it rose. it was lowercase.");
}

TEST(split_quotes_and_brackets) {
    collect c;
    CHECK_STR(split("He said: \"We will win.\" She disagreed! Why? (Nobody knows.) Fine.", &c),
              "He said: \"We will win.\"|She disagreed!|Why?|(Nobody knows.)|Fine.");
    CHECK_STR(split("\"Is it over?\" he asked.", &c), "\"Is it over?\" he asked.");
    CHECK(c.spans_ok);
}

TEST(split_headlines_and_blank_lines) {
    collect c;
    CHECK_STR(split("ARNOR SIGNS PEACE DEAL WITH GONDOR\nMOSCOW - Arnor and Gondor signed\na deal on Monday.\n\nNo final stop here\n\nNext paragraph.", &c),
              "ARNOR SIGNS PEACE DEAL WITH GONDOR|MOSCOW - Arnor and Gondor signed\na deal on Monday.|No final stop here|Next paragraph.");
    CHECK(c.spans_ok);
    /* a wrapped line of prose is not a headline */
    CHECK_STR(split("Rohan is ready to renew full trade links with Dale nearly\nten years after the flood.", &c),
              "Rohan is ready to renew full trade links with Dale nearly\nten years after the flood.");
}

TEST(split_spans_stop_and_empty) {
    collect c;
    const char *t = "  One here.   Two there.\n";
    split(t, &c);
    CHECK_INT(c.count, 2);
    CHECK(c.spans_ok);
    memset(&c, 0, sizeof c);
    c.stop_after = 1;
    CHECK_INT(ent_split_sentences("A b. C d. E f.", 14, on_sent, &c), 1);
    CHECK_STR(c.out, "A b.");
    CHECK_INT(ent_split_sentences("", 0, on_sent, &c), 0);
    CHECK_INT(ent_split_sentences("   \n\n  ", 7, NULL, NULL), 0);
    CHECK_INT(ent_split_sentences("No callback. Still counted.", 27, NULL, NULL), 2);
}

TEST(split_wrapped_title_case_prose_is_not_a_headline) {
    collect c;
    /* a wrapped line that happens to be mostly capitalised but has lower-case content words */
    CHECK_STR(split("Russian President Vladimir Putin met with Chinese President\nXi Jinping on Friday.", &c),
              "Russian President Vladimir Putin met with Chinese President\nXi Jinping on Friday.");
    /* a title-case headline with only lower-case function words */
    CHECK_STR(split("Talks on Peace Resume in Cairo\nNegotiators met on Monday.", &c),
              "Talks on Peace Resume in Cairo|Negotiators met on Monday.");
}

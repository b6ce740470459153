/* test_text_tokenize.c — the tokenizer (Treebank conventions, byte offsets) and
 * ent_text_normalize. */
#include "test.h"
#include "text/text.h"

/* Tokens joined with '|'; spans as "start-end" joined with ' ' into spans_out. */
static const char *toks(const char *s, char *spans_out, size_t cap) {
    static char out[4096];
    size_t o = 0, so = 0;
    ent_tokenizer tz;
    ent_tokenizer_init(&tz, s, strlen(s));
    ent_tok t;
    out[0] = 0;
    if (spans_out) spans_out[0] = 0;
    while (ent_tokenizer_next(&tz, &t)) {
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", o ? "|" : "", (int)t.len, t.text);
        if (spans_out) so += (size_t)snprintf(spans_out + so, cap - so, "%s%u-%u", so ? " " : "", t.span.start, t.span.end);
    }
    ent_tokenizer_free(&tz);
    return out;
}

TEST(tokenize_treebank_clitics_and_abbreviations) {
    CHECK_STR(toks("Mr. Smith's firm didn't pay.", NULL, 0), "Mr.|Smith|'s|firm|did|n't|pay|.");
    CHECK_STR(toks("They can't and won't go; we're sure I'm right", NULL, 0),
              "They|ca|n't|and|wo|n't|go|;|we|'re|sure|I|'m|right");
    CHECK_STR(toks("the U.S. and U.K. at 3 a.m. with Gen. Lee", NULL, 0),
              "the|U.S.|and|U.K.|at|3|a.m.|with|Gen.|Lee");
    CHECK_STR(toks("O'Brien met the ministers' aides", NULL, 0), "O'Brien|met|the|ministers|'|aides");
    CHECK_STR(toks("J. R. Smith", NULL, 0), "J.|R.|Smith");
    CHECK_STR(toks("the end.", NULL, 0), "the|end|.");
}

TEST(tokenize_numbers_and_units) {
    CHECK_STR(toks("$100,000 and 3.5% of 10bn or 1mn, 1,2", NULL, 0), "$|100,000|and|3.5|%|of|10|bn|or|1|mn|,|1|,|2");
    CHECK_STR(toks("the 1990s and 21st century", NULL, 0), "the|1990s|and|21st|century");
    CHECK_STR(toks("a cease-fire in 2014-15 by AT&T", NULL, 0), "a|cease-fire|in|2014-15|by|AT&T");
    CHECK_STR(toks("the U.S.-led raid at 5:30 p.m. on an anti- Gondor march", NULL, 0),
              "the|U.S.-led|raid|at|5:30|p.m.|on|an|anti-|Gondor|march");
    /* underscores join dictionary phrases; in text they separate words like the parses do */
    CHECK_STR(toks("the Prince of Dol_Amroth", NULL, 0), "the|Prince|of|Dol|Amroth");
}

TEST(tokenize_quotes_brackets_dashes) {
    CHECK_STR(toks("He said \"no\" (again) -- twice...", NULL, 0),
              "He|said|``|no|''|-LRB-|again|-RRB-|--|twice|...");
    /* typographic forms are normalised per token; offsets stay on the source bytes */
    char spans[512];
    const char *s = "\xE2\x80\x9CPeace\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s fine\xE2\x80\xA6";
    CHECK_STR(toks(s, spans, sizeof spans), "``|Peace|''|--|it|'s|fine|...");
    CHECK_STR(spans, "0-3 3-8 8-11 12-15 16-18 18-22 23-27 27-30");
}

TEST(tokenize_offsets_ascii) {
    char spans[512];
    CHECK_STR(toks("  Arnor's envoy,\n met Gondor.", spans, sizeof spans), "Arnor|'s|envoy|,|met|Gondor|.");
    CHECK_STR(spans, "2-7 7-9 10-15 15-16 18-21 22-28 28-29");
}

TEST(tokenize_unicode_letters_and_invalid_bytes) {
    char spans[256];
    /* accented letters stay in the word; a ligature is expanded; an invalid byte becomes U+FFFD */
    CHECK_STR(toks("Caf\xC3\xA9 \xEF\xAC\x81ne a\xFF" "b", spans, sizeof spans), "Caf\xC3\xA9|fine|a\xEF\xBF\xBD" "b");
    CHECK_STR(spans, "0-5 6-11 12-15");
    /* non-breaking space separates words */
    CHECK_STR(toks("New\xC2\xA0York", NULL, 0), "New|York");
}

TEST(normalize_text) {
    size_t n;
    const char *in = "\xE2\x80\x9C" "fa\xEF\xAC\x81r\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s\xC2\xA0ok\xE2\x80\xA6\x01";
    char *s = ent_text_normalize(in, strlen(in), &n);
    CHECK_STR(s, "\"fafir\" - it's ok... ");
    CHECK_INT(n, strlen(s));
    free(s);
    in = "bad \xC3 byte \xED\xA0\x80 end";
    s = ent_text_normalize(in, strlen(in), &n);
    CHECK_STR(s, "bad \xEF\xBF\xBD byte \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
    free(s);
    s = ent_text_normalize("", 0, &n);
    CHECK_STR(s, "");
    CHECK_INT(n, 0);
    free(s);
    in = "\xEF\xBC\xA1\xEF\xBC\x91 zero\xE2\x80\x8B" "width";
    s = ent_text_normalize(in, strlen(in), NULL);
    CHECK_STR(s, "A1 zerowidth");
    free(s);
}

TEST(tokenize_n_fast_path_keeps_nt_clitics) {
    /* words full of n's take the fast path; "n't" (ASCII or U+2019 apostrophe) still splits */
    CHECK_STR(toks("Nonintervention continues; Iran didn\xE2\x80\x99t sign, Britain wasn't in", NULL, 0),
              "Nonintervention|continues|;|Iran|did|n't|sign|,|Britain|was|n't|in");
    /* an n at the very end of the text, and "n'" without t */
    CHECK_STR(toks("rock n' roll in Yemen", NULL, 0), "rock|n|'|roll|in|Yemen");
}

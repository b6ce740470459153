/* test_clean_text.c — cleanup of extraction artifacts (src/text/clean.c): synthetic
 * printed-page text written for these tests, and a golden check of the shared FT
 * article that stores no text of it (counts, a hash, absent patterns, tiny phrases). */
#include "test.h"
#include "entente.h"

#include <stdint.h>

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

/* A two-page print of an invented story with every kind of artifact. */
static const char *const PRINTED =
    "## World\n"
    "\n"
    "## Arnor and Gondor sign border pact after long talks\n"
    "\n"
    "Ministers agree to reopen crossings and share river patrols\n"
    "\n"
    "1 of 2\n"
    "\n"
    "The two ministers at the signing in Minas Tirith \xC2\xA9 Reuters\n"
    "\n"
    "Jane Roe in Minas Tirith 3 HOURS AGO\n"
    "\n"
    "Arnor and Gondor signed a border pact on Tuesday, ending a dispute that has closed the crossings\n"
    "since the spring. The <u>agreement</u> was welcomed by neigh-\n"
    "bouring states.\n"
    "\n"
    "The foreign minister of Arnor said the pact would be reviewed by\n"
    "\n"
    "Xq = 000 IIIl cabIne wrt ~ frm\n"
    "\n"
    "https://news.example.com/world/arnor-gondor-pact 1/2\n"
    "\n"
    "03/15/22, 09:12\n"
    "\n"
    "parliament next month.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "Rohan criticised the deal.\n"
    "Read more: Rohan and the river tolls\n"
    "\n"
    "Additional reporting by John Doe in Edoras\n"
    "\n"
    "Copyright Example News Ltd 2022. All rights reserved.\n"
    "\n"
    "2 of 2 03/15/22, 09:12\n";

TEST(clean_drops_artifacts_and_keeps_front_matter) {
    ent_cleaned c;
    ent_text_clean(PRINTED, strlen(PRINTED), &c);
    CHECK_STR(c.section, "World");
    CHECK_STR(c.headline, "Arnor and Gondor sign border pact after long talks");
    CHECK_STR(c.standfirst, "Ministers agree to reopen crossings and share river patrols");
    CHECK_STR(c.byline, "Jane Roe in Minas Tirith 3 HOURS AGO; Additional reporting by John Doe in Edoras");
    CHECK_STR(c.text,
              "Arnor and Gondor signed a border pact on Tuesday, ending a dispute that has closed the crossings "
              "since the spring. The agreement was welcomed by neighbouring states.\n\n"
              "The foreign minister of Arnor said the pact would be reviewed by parliament next month.\n\n"
              "Rohan criticised the deal.");
    CHECK_INT(c.len, strlen(c.text));
    CHECK_INT(c.paragraphs, 3);
    CHECK_INT(c.print_date, 20220315);
    /* page counter, caption, garbage, URL, stamp, advertisement, read more, copyright,
     * last footer */
    CHECK_INT(c.dropped_lines, 9);
    ent_cleaned_free(&c);
}

TEST(clean_plain_story_headline_and_line_wraps) {
    const char *t = "Rebels attack army base\n\nRebels attacked an army base near\nthe capital, officials said.\r\n"
                    "The army\r\nresponded.\n";
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK_STR(c.headline, "Rebels attack army base");
    CHECK_STR(c.text, "Rebels attacked an army base near the capital, officials said. The army responded.");
    CHECK_INT(c.paragraphs, 1);
    CHECK_STR(c.byline, "");
    CHECK_INT(c.print_date, 0);
    ent_cleaned_free(&c);
}

TEST(clean_keeps_ordinary_text_untouched) {
    /* real sentences with numbers, symbols and capitals are not garbage */
    const char *t = "Inflation rose 3.5% in March = a 10-year high, the IMF said.\n\nThe CEO of ACME Corp. resigned.";
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK_STR(c.text, t);
    CHECK_INT(c.dropped_lines, 0);
    CHECK_STR(c.headline, "");
    ent_cleaned_free(&c);
}

TEST(clean_empty_and_front_matter_only) {
    ent_cleaned c;
    ent_text_clean("", 0, &c);
    CHECK_STR(c.text, "");
    CHECK_INT(c.paragraphs, 0);
    ent_cleaned_free(&c);
    ent_text_clean(NULL, 0, &c);
    CHECK_STR(c.text, "");
    ent_cleaned_free(&c);
    /* a lone line is text, not a headline of nothing */
    ent_text_clean("Troops withdrew", 15, &c);
    CHECK_STR(c.text, "Troops withdrew");
    CHECK_STR(c.headline, "");
    ent_cleaned_free(&c);
}

static uint64_t fnv1a(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* Golden check of the shared FT article.  The article is copyrighted: nothing of its
 * text is stored here beyond a few 2-3 word phrases; the cleaned text is pinned by its
 * length, paragraph count and FNV-1a hash. */
TEST(clean_golden_ft_article) {
    SHARED_OR_SKIP(path, "articles/ft-2022-02-04-xi-putin-nato.txt");
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    ent_cleaned c;
    ent_text_clean(buf, n, &c);
    CHECK_INT(c.paragraphs, 16);
    CHECK_INT(c.print_date, 20220204);
    CHECK_STR(c.section, "Nato");
    CHECK(strncmp(c.headline, "Xi backs", 8) == 0);
    CHECK(strncmp(c.standfirst, "Russian and Chinese", 19) == 0);
    CHECK(contains(c.byline, "HOURS AGO") && contains(c.byline, "Additional reporting"));
    /* artifacts gone */
    static const char *const gone[] = {"of 4", "02/04/22", "15:38", "\xC2\xA9", "Copyright", "rights reserved",
                                       "<u>", "</u>", " = ", "HOURS AGO", "##", "Additional reporting", "\n\n\n", NULL};
    for (int i = 0; gone[i]; i++)
        if (contains(c.text, gone[i])) ent_test_fail(__FILE__, __LINE__, "cleaned text still contains \"%s\"", gone[i]);
    /* paragraphs rejoined across the page breaks; markup text kept */
    CHECK(contains(c.text, "according to reached"));
    CHECK(contains(c.text, "Pakistan's frayed ties"));
    CHECK(contains(c.text, "the Beijing Winter Olympics."));
    CHECK(strncmp(c.text, "China has joined", 16) == 0);
    CHECK_INT(c.len, 3893);
    CHECK(fnv1a(c.text, c.len) == 0x4707f24350a2157fULL);
    if (fnv1a(c.text, c.len) != 0x4707f24350a2157fULL) fprintf(stderr, "  cleaned FT article: len %zu hash %016llx\n", c.len,
                                               (unsigned long long)fnv1a(c.text, c.len));
    /* the story date: footer 02/04/22 with "10 HOURS AGO"; the text says "on Friday" */
    CHECK_INT(ent_date_resolve(c.text, c.len, c.print_date), 20220204);
    ent_cleaned_free(&c);
}

TEST(clean_takes_dateline_off_first_paragraph) {
    const char *t = "Rohan condemns raid\n\nEDORAS, June 7 (Example Wire) - Rohan condemned the raid on Tuesday.\n\n"
                    "Copyright 2023 Example Wire. All rights reserved.";
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK_STR(c.headline, "Rohan condemns raid");
    CHECK_STR(c.dateline, "EDORAS, June 7 (Example Wire)");
    CHECK_STR(c.text, "Rohan condemned the raid on Tuesday.");
    CHECK_INT(c.print_date, 20230607);
    ent_cleaned_free(&c);
    /* an em dash, and a capitalised sentence that is no dateline */
    const char *t2 = "KYIV, Ukraine, March 3, 2022 \xE2\x80\x94 Talks resumed.";
    ent_text_clean(t2, strlen(t2), &c);
    CHECK_STR(c.dateline, "KYIV, Ukraine, March 3, 2022");
    CHECK_STR(c.text, "Talks resumed.");
    ent_cleaned_free(&c);
    const char *t3 = "NATO - the alliance - met in 2021 to discuss it.";
    ent_text_clean(t3, strlen(t3), &c);
    CHECK_STR(c.dateline, "");
    CHECK_STR(c.text, t3);
    ent_cleaned_free(&c);
}

TEST(clean_drops_running_headers_repeated_on_pages) {
    const char *t = "EXAMPLE HERALD\nArnor and Gondor met on Monday to discuss the\n\nEXAMPLE HERALD\nriver tolls. Talks "
                    "ended without a deal.\n\nEXAMPLE HERALD\nRohan said it would mediate.\n";
    ent_cleaned c;
    ent_text_clean(t, strlen(t), &c);
    CHECK_STR(c.text, "Arnor and Gondor met on Monday to discuss the river tolls. Talks ended without a deal.\n\n"
                      "Rohan said it would mediate.");
    CHECK_INT(c.dropped_lines, 3);
    ent_cleaned_free(&c);
    /* twice is not a running header */
    const char *t2 = "No comment\n\nThe minister said nothing.\n\nNo comment\n\nThe envoy left.";
    ent_text_clean(t2, strlen(t2), &c);
    CHECK_INT(c.dropped_lines, 0);
    ent_cleaned_free(&c);
}

/* test_clean_scan.c — the byte scans of src/text/clean.c that were rewritten for speed
 * (first-byte filters, block copies): credits and copyright lines found in any letter
 * case and at any position, boilerplate by its first word, runs of spaces collapsed,
 * tabs, CRs and entities still handled inside plain-text blocks. */
#include "test.h"
#include "entente.h"

static ent_cleaned C;

static const char *clean(const char *text) {
    ent_cleaned_free(&C);
    ent_text_clean(text, strlen(text), &C);
    return C.text;
}

TEST(clean_scan_credits_any_case_any_position) {
    const char *body = "Arnor and Gondor signed a pact on Tuesday.\n\n";
    char buf[512];
    /* the credit at the end, in another case than the pattern */
    snprintf(buf, sizeof buf, "%sThe ministers at the signing (ap PHOTO/Jane Roe)\n\nThe pact ends a dispute.\n", body);
    CHECK(strstr(clean(buf), "signing") == NULL);
    CHECK(strstr(C.text, "The pact ends a dispute.") != NULL);
    CHECK(C.dropped_lines >= 1);
    snprintf(buf, sizeof buf, "%sBorder guards at the crossing. GETTY images\n\nThe pact ends a dispute.\n", body);
    CHECK(strstr(clean(buf), "Border guards") == NULL);
    /* a copyright notice with the phrase in the middle */
    snprintf(buf, sizeof buf, "%s2022 Example News. ALL Rights Reserved.\n\nThe pact ends a dispute.\n", body);
    CHECK(strstr(clean(buf), "Example News") == NULL);
    /* ordinary sentences with the same first letters survive */
    CHECK(strstr(clean("Getting the allies together took all year, the minister said.\n"), "Getting the allies") != NULL);
    CHECK_INT(C.dropped_lines, 0);
}

TEST(clean_scan_boilerplate_by_first_word) {
    CHECK(strstr(clean("Arnor signed the pact.\n\nADVERTISEMENT\n\nGondor welcomed it.\n"), "ADVERTISEMENT") == NULL);
    CHECK(strstr(C.text, "Gondor welcomed it.") != NULL);
    CHECK(strstr(clean("Arnor signed the pact.\n\nRead more: other stories\n\nGondor welcomed it.\n"), "Read more") == NULL);
    /* a sentence that merely starts like a pattern is kept */
    CHECK(strstr(clean("Share prices rose after Arnor signed the pact.\n"), "Share prices rose") != NULL);
}

TEST(clean_scan_spaces_tabs_and_entities) {
    CHECK_STR(clean("Arnor  and   Gondor\tsigned a pact &amp; a truce.\r\n"), "Arnor and Gondor signed a pact & a truce.");
    /* a double space at the very end and a single one before it */
    CHECK_STR(clean("Arnor signed it.  "), "Arnor signed it.");
    CHECK_STR(clean("a b  c   d"), "a b c d");
    /* markup inside a long plain block is still removed */
    CHECK_STR(clean("The <b>agreement</b> was welcomed by all of the neighbouring states."),
              "The agreement was welcomed by all of the neighbouring states.");
    ent_cleaned_free(&C);
}

#define S(lit) (lit), strlen(lit)

TEST(clean_scan_dates_found_by_memchr) {
    /* a stamp right at the start, and one after other slashes (URLs, fractions) */
    CHECK_INT(ent_date_from_text(S("02/04/22, 15:38 Example News")), 20220204);
    CHECK_INT(ent_date_from_text(S("https://example.com/a/b 1/2 12/25/2021 9:05 PM")), 20211225);
    /* a slash-date glued to other digits or slashes is no stamp */
    CHECK_INT(ent_date_from_text(S("ref 1/02/04/22, 15:38")), 0);
    /* a dateline on a later line, a dateline-like text in mid-line is not one */
    CHECK_INT(ent_date_from_text(S("Headline\nStandfirst\nKYIV, March 3, 2022 -- Shelling went on.")), 20220303);
    CHECK_INT(ent_date_from_text(S("He said KYIV, March 3, 2022 -- was calm.")), 0);
    /* weekday and relative words in any case; short words that share first letters */
    long story = 20220204; /* a Friday */
    CHECK_INT(ent_date_resolve(S("Talks ended YESTERDAY."), story), 20220203);
    CHECK_INT(ent_date_resolve(S("Troops moved on Wednesday."), story), 20220202);
    CHECK_INT(ent_date_resolve(S("The wed talks ended."), story), story);
    CHECK_INT(ent_date_resolve(S("Three days ago the talks ended."), story), 20220201);
}

/* test_clean_dates.c — story dates and event dates (src/text/dates.c). */
#include "test.h"
#include "entente.h"

#define S(x) x, strlen(x)

TEST(dates_parse_formats) {
    CHECK_INT(ent_date_parse(S("2022-02-04")), 20220204);
    CHECK_INT(ent_date_parse(S("2022-02-04T15:38:00Z")), 20220204);
    CHECK_INT(ent_date_parse(S("20220204")), 20220204);
    CHECK_INT(ent_date_parse(S("Feb 4, 2022")), 20220204);
    CHECK_INT(ent_date_parse(S("February 4 2022")), 20220204);
    CHECK_INT(ent_date_parse(S("4 February 2022")), 20220204);
    CHECK_INT(ent_date_parse(S("Fri, 04 Feb 2022 15:38:00 GMT")), 20220204);
    CHECK_INT(ent_date_parse(S("02/04/22")), 20220204);   /* US month/day/year */
    CHECK_INT(ent_date_parse(S("02/04/2022")), 20220204);
    CHECK_INT(ent_date_parse(S("Sept. 30, 1999")), 19990930);
    /* invalid dates are 0, not guesses */
    CHECK_INT(ent_date_parse(S("2022-02-30")), 0);
    CHECK_INT(ent_date_parse(S("13/01/22")), 0);
    CHECK_INT(ent_date_parse(S("yesterday")), 0);
    CHECK_INT(ent_date_parse(S("")), 0);
    CHECK_INT(ent_date_parse(NULL, 0), 0);
}

TEST(dates_add_days_crosses_months_and_leap_years) {
    CHECK_INT(ent_date_add_days(20220301, -1), 20220228);
    CHECK_INT(ent_date_add_days(20200301, -1), 20200229);
    CHECK_INT(ent_date_add_days(20211231, 1), 20220101);
    CHECK_INT(ent_date_add_days(0, 5), 0);
}

TEST(dates_from_text_footer_and_dateline) {
    const char *footer = "Some text\n\n3 of 4 02/04/22, 15:38\n\nmore text";
    CHECK_INT(ent_date_from_text(S(footer)), 20220204);
    const char *dl = "Headline\n\nLONDON, February 3, 2021 (Reuters) - The minister said.";
    CHECK_INT(ent_date_from_text(S(dl)), 20210203);
    /* a dateline without a year takes it from the copyright line */
    const char *dl2 = "MOSCOW, Feb 4 (Reuters) - Talks ended.\n\nCopyright 2022 Reuters. All rights reserved.";
    CHECK_INT(ent_date_from_text(S(dl2)), 20220204);
    /* a date in running text is not a print stamp */
    const char *plain = "The deal, signed 02/04/22 in Beijing, runs for years.";
    CHECK_INT(ent_date_from_text(S(plain)), 0);
    CHECK_INT(ent_date_from_text(S("no date here")), 0);
}

TEST(dates_resolve_relative_expressions) {
    long story = 20220204; /* a Friday */
    CHECK_INT(ent_date_resolve(S("The leaders met in Beijing on Friday."), story), 20220204);
    CHECK_INT(ent_date_resolve(S("Troops crossed the border on Wednesday."), story), 20220202);
    CHECK_INT(ent_date_resolve(S("He spoke last Friday."), story), 20220128);
    CHECK_INT(ent_date_resolve(S("They will meet next Monday."), story), 20220207);
    CHECK_INT(ent_date_resolve(S("Rebels attacked the town yesterday."), story), 20220203);
    CHECK_INT(ent_date_resolve(S("It happened the day before yesterday."), story), 20220202);
    CHECK_INT(ent_date_resolve(S("Talks collapsed last week."), story), 20220128);
    CHECK_INT(ent_date_resolve(S("The deal was signed last month."), story), 20220104);
    CHECK_INT(ent_date_resolve(S("Posted 10 HOURS AGO"), story), 20220204);
    CHECK_INT(ent_date_resolve(S("Posted 30 hours ago"), story), 20220203);
    CHECK_INT(ent_date_resolve(S("Clashes broke out three days ago."), story), 20220201);
    CHECK_INT(ent_date_resolve(S("The ministers met on Feb 3 in Rome."), story), 20220203);
    CHECK_INT(ent_date_resolve(S("The ministers met on 28 December in Rome."), story), 20211228);
    /* no expression: the story date; no story date: stays unknown */
    CHECK_INT(ent_date_resolve(S("Russia moved troops to the border."), story), story);
    CHECK_INT(ent_date_resolve(S("They met on Friday."), 0), 0);
    /* a day later in the year than the story is last year's */
    CHECK_INT(ent_date_resolve(S("They met on 3 May, officials said."), story), 20210503);
}

TEST(dates_iso_week_edges) {
    int w;
    CHECK_INT(ent_date_iso_week(20210103, &w), 2020); CHECK_INT(w, 53);
    CHECK_INT(ent_date_iso_week(20210104, &w), 2021); CHECK_INT(w, 1);
    CHECK_INT(ent_date_iso_week(20241230, &w), 2025); CHECK_INT(w, 1);
    CHECK_INT(ent_date_iso_week(20220204, &w), 2022); CHECK_INT(w, 5);
    CHECK_INT(ent_date_iso_week(0, &w), 0); CHECK_INT(w, 0);
}

/* Edges of the resolver's pre-scan (a sentence is tokenized only around a date word):
 * words glued to digits, trailing dots, date words at the very start or end, symbols. */
TEST(dates_resolve_prescan_edges) {
    long story = 20220204; /* a Friday */
    CHECK_INT(ent_date_resolve(S("Friday: the leaders met."), story), 20220204);
    CHECK_INT(ent_date_resolve(S("The leaders met Wednesday."), story), 20220202);
    CHECK_INT(ent_date_resolve(S("THEY MET ON WEDNESDAY IN ROME."), story), 20220202);
    CHECK_INT(ent_date_resolve(S("They met on. Feb 3 in Rome."), story), 20220203);
    CHECK_INT(ent_date_resolve(S("The 10on count was wrong."), story), story);
    CHECK_INT(ent_date_resolve(S("Mondays are quiet in Rome."), story), story);
    CHECK_INT(ent_date_resolve(S("%%% ### @@@ yesterday"), story), 20220203);
    CHECK_INT(ent_date_resolve(S("yesterday"), story), 20220203);
    CHECK_INT(ent_date_resolve(S(""), story), story);
    /* a date word far into a long sentence is still found */
    char long_s[600];
    memset(long_s, 'x', sizeof long_s);
    for (size_t i = 8; i < 500; i += 9) long_s[i] = ' ';
    memcpy(long_s + 520, " on Wednesday.", 14);
    CHECK_INT(ent_date_resolve(long_s, 534, story), 20220202);
}

/* test_dict_heads_west.c — the bundled heads of state and government of the Americas and
 * Europe since 1945 (entente.heads.west.actors.txt, issue 12) code their country's
 * government inside their dated terms only; names shared by two office holders keep both
 * terms; the territories' own demonyms (gen-countries) code the territory. */
#include "defaults_fixture.h"

static int source_is(dfx *f, const char *text, long date, const char *src) {
    return dfx_has(f, text, date, NULL, src);
}

TEST(dict_heads_west_dated_terms) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    /* in office, and after it (elite, not government) */
    CHECK_INT(source_is(&f, "Raul Alfonsin criticized Britain over the Falklands.", 19850501, "ARGGOV"), 1);
    CHECK_INT(source_is(&f, "Raul Alfonsin criticized Britain over the Falklands.", 19950501, "ARGGOV"), 0);
    CHECK_INT(source_is(&f, "Edward Gierek criticized West Germany.", 19750501, "POLGOV"), 1);
    CHECK_INT(source_is(&f, "Edward Gierek criticized West Germany.", 19850501, "POLGOV"), 0);
    CHECK_INT(source_is(&f, "President Kubitschek accused the United States of meddling.", 19580501, "BRAGOV"), 1);
    /* a taoiseach out of office between two terms */
    CHECK_INT(source_is(&f, "De Valera criticized Britain.", 19520101, "IRLGOV"), 1);
    CHECK_INT(source_is(&f, "De Valera criticized Britain.", 19500101, "IRLGOV"), 0);
    /* Uruguay's council chairman of one year */
    CHECK_INT(source_is(&f, "Benito Nardone accused Cuba of interference.", 19600601, "URYGOV"), 1);
    CHECK_INT(source_is(&f, "Benito Nardone accused Cuba of interference.", 19620601, "URYGOV"), 0);
    /* one name, two office holders (Latvia's prime minister of 2000 and president of 2011) */
    CHECK_INT(source_is(&f, "Andris Berzins criticized Russia.", 20010601, "LVAGOV"), 1);
    CHECK_INT(source_is(&f, "Andris Berzins criticized Russia.", 20120601, "LVAGOV"), 1);
    CHECK_INT(source_is(&f, "Andris Berzins criticized Russia.", 20060601, "LVAGOV"), 0);
    /* a historical state's office: Yugoslavia's federal prime minister */
    CHECK_INT(source_is(&f, "Ante Markovic accused Slovenia of breaking the law.", 19910301, "YUGGOV"), 1);
    dfx_close(&f);
}

TEST(dict_heads_west_no_common_words) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    /* office-and-surname forms only: a bare "major" or "king" is no head of government */
    CHECK_INT(source_is(&f, "Prime Minister Major criticized Argentina.", 19920601, "GBRGOV"), 1);
    CHECK_INT(source_is(&f, "An army major criticized the government of Chile.", 19920601, "GBRGOV"), 0);
    CHECK_INT(source_is(&f, "King Olav criticized Sweden.", 19700601, "NORGOV"), 1);
    CHECK_INT(source_is(&f, "The king criticized Sweden.", 19700601, "NORGOV"), 0);
    dfx_close(&f);
}

TEST(dict_heads_west_territory_demonyms) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "Chagossian exiles accused Britain of abandoning them.", 20100601, "IOT"), 1);
    CHECK_INT(source_is(&f, "British Virgin Islanders protested against the government of Britain.", 20100601, "VGB"), 1);
    CHECK_INT(source_is(&f, "U.S. Virgin Islanders protested against the government of Britain.", 20100601, "VIR"), 1);
    dfx_close(&f);
}

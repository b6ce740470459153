/* test_dict_heads_africa.c — the bundled dictionaries know Africa's heads of state and
 * government since 1945 or independence (entente.heads.africa.actors.txt): a name codes
 * the country's government during the person's terms only, historical states keep their
 * own codes, and a person's code follows the story date across several terms. */
#include "defaults_fixture.h"

/* Does text, coded on date, yield an event whose source starts with src? */
static int source_is(dfx *f, const char *text, long date, const char *src) {
    return dfx_has(f, text, date, NULL, src);
}

TEST(dict_heads_africa_terms) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    /* heads of the first decades after independence, which the Phoenix records lack */
    CHECK_INT(source_is(&f, "Sekou Toure accused France of plotting against Guinea.", 19700501, "GINGOV"), 1);
    CHECK_INT(source_is(&f, "Yakubu Gowon accused Britain of meddling.", 19680501, "NGAGOV"), 1);
    CHECK_INT(source_is(&f, "King Farouk protested to Britain.", 19470501, "EGYGOV"), 1);
    CHECK_INT(source_is(&f, "Kenneth Kaunda criticized Rhodesia.", 19760501, "ZMBGOV"), 1);
    /* out of office the same man is no government, but keeps his country */
    CHECK_INT(source_is(&f, "Yakubu Gowon accused Britain of meddling.", 19900501, "NGAGOV"), 0);
    CHECK_INT(source_is(&f, "Yakubu Gowon accused Britain of meddling.", 19900501, "NGA"), 1);
    /* two terms with a gap between them */
    CHECK_INT(source_is(&f, "Muhammadu Buhari criticized Ghana.", 19840501, "NGAGOV"), 1);
    CHECK_INT(source_is(&f, "Muhammadu Buhari criticized Ghana.", 19950501, "NGAGOV"), 0);
    CHECK_INT(source_is(&f, "Muhammadu Buhari criticized Ghana.", 20180501, "NGAGOV"), 1);
    /* an opposition leader who became president */
    CHECK_INT(source_is(&f, "Hakainde Hichilema criticized Zimbabwe.", 20150501, "ZMBOPP"), 1);
    CHECK_INT(source_is(&f, "Hakainde Hichilema criticized Zimbabwe.", 20240501, "ZMBGOV"), 1);
    dfx_close(&f);
}

TEST(dict_heads_africa_codes) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    /* Rhodesia's government has the historical state's code, Zimbabwe's its own */
    CHECK_INT(source_is(&f, "Ian Smith rejected the proposals of Britain.", 19700501, "RHOGOV"), 1);
    CHECK_INT(source_is(&f, "Robert Mugabe rejected the proposals of Britain.", 20000501, "ZWEGOV"), 1);
    /* Mauritania's leaders are Mauritania's (MRT), not Mauritius's (MUS) */
    CHECK_INT(source_is(&f, "Moktar Ould Daddah accused Morocco of aggression.", 19760501, "MRTGOV"), 1);
    CHECK_INT(source_is(&f, "Moktar Ould Daddah accused Morocco of aggression.", 19760501, "MUS"), 0);
    CHECK_INT(source_is(&f, "Sidi Mohamed Ould Boubacar accused Senegal of aggression.", 19930501, "MRTGOV"), 1);
    dfx_close(&f);
}

/* test_dict_heads_africa.c — the bundled dictionaries know Africa's heads of state and
 * government since 1945 or independence (entente.heads.africa.actors.txt): a name codes
 * the country's government during the person's terms only, historical states keep their
 * own codes, and a person's code follows the story date across several terms.  dfx_has
 * (defaults_fixture.h): does the text, coded on the date, give an event whose source
 * starts with the code? */
#include "defaults_fixture.h"

TEST(dict_heads_africa) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    /* heads of the first decades after independence, which the Phoenix records lack */
    CHECK_INT(dfx_has(&f, "Sekou Toure accused France of plotting against Guinea.", 19700501, NULL, "GINGOV"), 1);
    CHECK_INT(dfx_has(&f, "Yakubu Gowon accused Britain of meddling.", 19680501, NULL, "NGAGOV"), 1);
    CHECK_INT(dfx_has(&f, "King Farouk protested to Britain.", 19470501, NULL, "EGYGOV"), 1);
    CHECK_INT(dfx_has(&f, "Kenneth Kaunda criticized Rhodesia.", 19760501, NULL, "ZMBGOV"), 1);
    /* out of office the same man is no government, but keeps his country */
    CHECK_INT(dfx_has(&f, "Yakubu Gowon accused Britain of meddling.", 19900501, NULL, "NGAGOV"), 0);
    CHECK_INT(dfx_has(&f, "Yakubu Gowon accused Britain of meddling.", 19900501, NULL, "NGA"), 1);
    /* names as news spells them, with their accents */
    CHECK_INT(dfx_has(&f, "Alpha Condé accused France of plotting against Guinea.", 20150501, NULL, "GINGOV"), 1);
    CHECK_INT(dfx_has(&f, "Mathieu Kérékou accused Nigeria of meddling.", 19800501, NULL, "BENGOV"), 1);
    /* two terms with a gap between them */
    CHECK_INT(dfx_has(&f, "Muhammadu Buhari criticized Ghana.", 19840501, NULL, "NGAGOV"), 1);
    CHECK_INT(dfx_has(&f, "Muhammadu Buhari criticized Ghana.", 19950501, NULL, "NGAGOV"), 0);
    CHECK_INT(dfx_has(&f, "Muhammadu Buhari criticized Ghana.", 20180501, NULL, "NGAGOV"), 1);
    /* an opposition leader who became president */
    CHECK_INT(dfx_has(&f, "Hakainde Hichilema criticized Zimbabwe.", 20150501, NULL, "ZMBOPP"), 1);
    CHECK_INT(dfx_has(&f, "Hakainde Hichilema criticized Zimbabwe.", 20240501, NULL, "ZMBGOV"), 1);
    /* Rhodesia's government has the historical state's code, Zimbabwe's its own */
    CHECK_INT(dfx_has(&f, "Ian Smith rejected the proposals of Britain.", 19700501, NULL, "RHOGOV"), 1);
    CHECK_INT(dfx_has(&f, "Robert Mugabe rejected the proposals of Britain.", 20000501, NULL, "ZWEGOV"), 1);
    /* Mauritania's leaders are Mauritania's (MRT), not Mauritius's (MUS) */
    CHECK_INT(dfx_has(&f, "Moktar Ould Daddah accused Morocco of aggression.", 19760501, NULL, "MRTGOV"), 1);
    CHECK_INT(dfx_has(&f, "Moktar Ould Daddah accused Morocco of aggression.", 19760501, NULL, "MUS"), 0);
    CHECK_INT(dfx_has(&f, "Sidi Mohamed Ould Boubacar accused Senegal of aggression.", 19930501, NULL, "MRTGOV"), 1);
    /* terms corrected after the heads files (issue 12): a term added, a term closed */
    CHECK_INT(dfx_has(&f, "Burhan accused Ethiopia of aggression.", 20200501, NULL, "SDNGOV"), 1);
    CHECK_INT(dfx_has(&f, "Burhan accused Ethiopia of aggression.", 20180501, NULL, "SDNGOV"), 0);
    CHECK_INT(dfx_has(&f, "Abdou Diouf criticized Mauritania.", 19750501, NULL, "SENGOV"), 1);
    CHECK_INT(dfx_has(&f, "Habib Bourguiba criticized France.", 19561001, NULL, "TUNGOV"), 1);
    CHECK_INT(dfx_has(&f, "Patrice Talon criticized Niger.", 20240501, NULL, "BENGOV"), 1);
    CHECK_INT(dfx_has(&f, "Patrice Talon criticized Niger.", 20260801, NULL, "BENGOV"), 0);
    /* Guinea-Bissau's ministers are Guinea-Bissau's (GNB), not Guinea's (GIN) */
    CHECK_INT(dfx_has(&f, "Baciro Dja criticized Senegal.", 20160701, NULL, "GNBGOV"), 1);
    CHECK_INT(dfx_has(&f, "Baciro Dja criticized Senegal.", 20160701, NULL, "GIN"), 0);
    dfx_close(&f);
}

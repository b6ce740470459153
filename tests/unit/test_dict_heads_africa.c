/* test_dict_heads_africa.c — the bundled dictionaries know Africa's heads of state and
 * government since 1945 or independence (entente.heads.africa.actors.txt): a name codes
 * the country's government during the person's terms only, historical states keep their
 * own codes, and a person's code follows the story date across several terms.  Each row
 * (dfx_case, defaults_fixture.h): does the text, coded on the date, give an event whose
 * source starts with the code? */
#include "defaults_fixture.h"

static const dfx_case cases[] = {
    /* heads of the first decades after independence, which the Phoenix records lack */
    {"Sekou Toure accused France of plotting against Guinea.", 19700501, "GINGOV", 1},
    {"Yakubu Gowon accused Britain of meddling.", 19680501, "NGAGOV", 1},
    {"King Farouk protested to Britain.", 19470501, "EGYGOV", 1},
    {"Kenneth Kaunda criticized Rhodesia.", 19760501, "ZMBGOV", 1},
    /* out of office the same man is no government, but keeps his country */
    {"Yakubu Gowon accused Britain of meddling.", 19900501, "NGAGOV", 0},
    {"Yakubu Gowon accused Britain of meddling.", 19900501, "NGA", 1},
    /* names as news spells them, with their accents */
    {"Alpha Condé accused France of plotting against Guinea.", 20150501, "GINGOV", 1},
    {"Mathieu Kérékou accused Nigeria of meddling.", 19800501, "BENGOV", 1},
    /* two terms with a gap between them */
    {"Muhammadu Buhari criticized Ghana.", 19840501, "NGAGOV", 1},
    {"Muhammadu Buhari criticized Ghana.", 19950501, "NGAGOV", 0},
    {"Muhammadu Buhari criticized Ghana.", 20180501, "NGAGOV", 1},
    /* an opposition leader who became president */
    {"Hakainde Hichilema criticized Zimbabwe.", 20150501, "ZMBOPP", 1},
    {"Hakainde Hichilema criticized Zimbabwe.", 20240501, "ZMBGOV", 1},
    /* Rhodesia's government has the historical state's code, Zimbabwe's its own */
    {"Ian Smith rejected the proposals of Britain.", 19700501, "RHOGOV", 1},
    {"Robert Mugabe rejected the proposals of Britain.", 20000501, "ZWEGOV", 1},
    /* Mauritania's leaders are Mauritania's (MRT), not Mauritius's (MUS) */
    {"Moktar Ould Daddah accused Morocco of aggression.", 19760501, "MRTGOV", 1},
    {"Moktar Ould Daddah accused Morocco of aggression.", 19760501, "MUS", 0},
    {"Sidi Mohamed Ould Boubacar accused Senegal of aggression.", 19930501, "MRTGOV", 1},
    /* terms corrected after the heads files (issue 12): a term added, a term closed */
    {"Burhan accused Ethiopia of aggression.", 20200501, "SDNGOV", 1},
    {"Burhan accused Ethiopia of aggression.", 20180501, "SDNGOV", 0},
    {"Abdou Diouf criticized Mauritania.", 19750501, "SENGOV", 1},
    {"Habib Bourguiba criticized France.", 19561001, "TUNGOV", 1},
    {"Patrice Talon criticized Niger.", 20240501, "BENGOV", 1},
    {"Patrice Talon criticized Niger.", 20260801, "BENGOV", 0},
    /* Guinea-Bissau's ministers are Guinea-Bissau's (GNB), not Guinea's (GIN) */
    {"Baciro Dja criticized Senegal.", 20160701, "GNBGOV", 1},
    {"Baciro Dja criticized Senegal.", 20160701, "GIN", 0},
};

TEST(dict_heads_africa) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    dfx_check_cases(&f, cases, sizeof cases / sizeof cases[0]);
    dfx_close(&f);
}

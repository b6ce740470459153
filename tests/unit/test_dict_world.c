/* test_dict_world.c — the bundled dictionaries know the world (issue 12): demonyms and
 * capitals of every ISO country (generated from world-countries), historical states,
 * people with dated roles (entente.people.actors.txt, from Phoenix), organisations under
 * former names, armed groups and sub-national units; and words that must not code. */
#include "defaults_fixture.h"

/* Does text, coded on date, yield an event whose source starts with src? */
static int source_is(dfx *f, const char *text, long date, const char *src) {
    return dfx_has(f, text, date, NULL, src);
}

TEST(dict_world_demonyms_and_capitals) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "Malawian soldiers attacked rebels near the border.", 20100301, "MWI"), 1);
    CHECK_INT(source_is(&f, "The Gambian government accused Senegal of backing rebels.", 20100301, "GMBGOV"), 1);
    CHECK_INT(source_is(&f, "Burundian troops clashed with rebels in Congo.", 20100301, "BDI"), 1);
    CHECK_INT(source_is(&f, "Lilongwe criticised Zambia over the border dispute.", 20100301, "MWI"), 1);
    CHECK_INT(source_is(&f, "The Trinidadian government rejected the demand of Venezuela.", 20100301, "TTO"), 1);
    /* a withheld capital that is an English word codes no country */
    CHECK_INT(source_is(&f, "Male students protested against the government of Chile.", 20100301, "MDV"), 0);
    dfx_close(&f);
}

TEST(dict_world_historical_states) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "The Soviet Union condemned the United States.", 19850501, "USR"), 1);
    CHECK_INT(source_is(&f, "East Germany expelled two West German diplomats.", 19850501, "DDR"), 1);
    CHECK_INT(source_is(&f, "Zaire accused Rwanda of sending troops.", 19960501, "COD"), 1);
    /* Yugoslavia before the break-up, Serbia's state after it */
    CHECK_INT(source_is(&f, "Yugoslavia protested to Albania.", 19850501, "YUG"), 1);
    CHECK_INT(source_is(&f, "Yugoslavia protested to Albania.", 19990501, "SRB"), 1);
    dfx_close(&f);
}

TEST(dict_world_people_dated) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "President Daniel arap Moi criticised Britain.", 19950501, "KENGOV"), 1);
    CHECK_INT(source_is(&f, "Daniel Ortega accused the United States of meddling.", 19870501, "NICGOV"), 1);
    /* out of office, the same man is no government */
    CHECK_INT(source_is(&f, "Daniel Ortega accused the United States of meddling.", 19950501, "NICGOV"), 0);
    CHECK_INT(source_is(&f, "Daniel Ortega accused the United States of meddling.", 19950501, "NIC"), 1);
    CHECK_INT(source_is(&f, "Mswati III met the president of Mozambique.", 20050501, "SWZGOV"), 1);
    dfx_close(&f);
}

TEST(dict_world_organisations_and_groups) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "The European Economic Community imposed an embargo on Argentina.", 19820501, "IGO"), 1);
    CHECK_INT(source_is(&f, "The OAU condemned the coup in Sierra Leone.", 19970601, "IGO"), 1);
    CHECK_INT(source_is(&f, "UNITA rebels attacked a government garrison.", 19930601, "AGO"), 1);
    CHECK_INT(source_is(&f, "The RUF attacked Guinean troops.", 20000601, "SLE"), 1);
    CHECK_INT(source_is(&f, "The Sindh government accused India of sabotage.", 20100601, "PAKGOV"), 1);
    /* Northern Ireland's armed groups are the United Kingdom's, settlers Israel's */
    CHECK_INT(source_is(&f, "Irish nationalist guerrillas attacked British soldiers in Belfast.", 19900601, "GBRREB"), 1);
    CHECK_INT(source_is(&f, "Jewish settlers in Hebron attacked Palestinian farmers.", 19990601, "ISR"), 1);
    /* the Rwandan Patriotic Front rules Rwanda after July 1994 */
    CHECK_INT(source_is(&f, "The Rwandan Patriotic Front accused France of arming the militias.", 19930601, "RWAREB"), 1);
    CHECK_INT(source_is(&f, "The Rwandan Patriotic Front accused France of arming the militias.", 19990601, "RWAGOV"), 1);
    dfx_close(&f);
}

TEST(dict_world_cold_war_leaders) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "Leonid Brezhnev criticized China over the border clashes.", 19750501, "USRGOV"), 1);
    CHECK_INT(source_is(&f, "Kwame Nkrumah accused Britain of meddling.", 19600501, "GHAGOV"), 1);
    CHECK_INT(source_is(&f, "Mikhail Gorbachev criticized Vladimir Putin.", 20050501, "RUS"), 1);
    CHECK_INT(source_is(&f, "Mikhail Gorbachev criticized Vladimir Putin.", 20050501, "USRGOV"), 0);
    /* one name, two presidents: the father's term and the son's */
    CHECK_INT(source_is(&f, "Ferdinand Marcos accused Japan of interference.", 19750501, "PHLGOV"), 1);
    CHECK_INT(source_is(&f, "Ferdinand Marcos accused Japan of interference.", 19950501, "PHLGOV"), 0);
    CHECK_INT(source_is(&f, "Ferdinand Marcos accused Japan of interference.", 20230501, "PHLGOV"), 1);
    dfx_close(&f);
}

/* Verb senses: what a halted, ended or called-off thing is decides the event. */
static int code_is(dfx *f, const char *text, long date, const char *code) {
    return dfx_has(f, text, date, code, NULL);
}

TEST(dict_world_verb_senses) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(code_is(&f, "The European Union ended sanctions against Belarus.", 20200101, "085"), 1);
    CHECK_INT(code_is(&f, "Canada halted sanctions against Iran.", 20200101, "085"), 1);
    CHECK_INT(code_is(&f, "The unions called off a strike after talks with the government of Nigeria.", 20200101, "082"), 1);
    CHECK_INT(code_is(&f, "Students in Serbia ended their protest against the government.", 20200101, "082"), 1);
    CHECK_INT(code_is(&f, "Israel halted air strikes on Gaza.", 20200101, "087"), 1);
    CHECK_INT(code_is(&f, "Germany cancelled a visit to Turkey.", 20200101, "160"), 1);
    CHECK_INT(code_is(&f, "Kenya accepted the demands of the opposition.", 20200101, "080"), 1);
    CHECK_INT(code_is(&f, "The Netherlands held a telephone conversation with Belgium.", 20200101, "041"), 1);
    /* a strike that is called off, ended or staged by workers is no attack */
    CHECK_INT(code_is(&f, "The unions called off a strike after talks with the government of Nigeria.", 20200101, "19"), 0);
    CHECK_INT(code_is(&f, "Palestinian prisoners staged a hunger strike in Israel.", 20200101, "19"), 0);
    /* protests after which something else happened are not themselves called off */
    CHECK_INT(code_is(&f, "Israel's government postponed the judicial overhaul after mass protests.", 20230327, "082"), 0);
    /* conceding a point, dismissing reports, completing an inquiry: no yielding, rejection
     * or retreat */
    CHECK_INT(code_is(&f, "Japan conceded that the talks with China had stalled.", 20200101, "080"), 0);
    CHECK_INT(code_is(&f, "Iran dismissed the reports from Israel as lies.", 20200101, "120"), 0);
    CHECK_INT(code_is(&f, "Iran dismissed the reports from Israel as lies.", 20200101, "016"), 1);
    CHECK_INT(code_is(&f, "Police in Kenya completed the investigation into the attack on Somalia's embassy.", 20200101, "0874"), 0);
    CHECK_INT(code_is(&f, "Russia completed its withdrawal from Kherson.", 20221111, "0874"), 1);
    /* abusing one's power or office is no assault */
    CHECK_INT(code_is(&f, "The minister of Kenya abused his power.", 20200101, "18"), 0);
    CHECK_INT(code_is(&f, "Kenyan police abused their authority.", 20200101, "18"), 0);
    CHECK_INT(code_is(&f, "Police in Egypt abused detainees.", 20200101, "182"), 1);
    dfx_close(&f);
}

/* CAMEO codes an ethnic group by the country it lives in: "ethnic X" takes the place the
 * sentence names, and gives no country when none is named. */
TEST(dict_world_ethnic_groups) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    CHECK_INT(source_is(&f, "Ethnic Albanians in southern Serbia accused the police of abuses.", 20010101, "SRB"), 1);
    CHECK_INT(source_is(&f, "Ethnic Russians in eastern Ukraine accused the government of discrimination.", 20140101, "UKR"), 1);
    CHECK_INT(source_is(&f, "Ethnic Serbs in Kosovo accused NATO of bias.", 19990601, "KSV"), 1);
    CHECK_INT(source_is(&f, "Ethnic Albanians in southern Serbia accused the police of abuses.", 20010101, "ALB"), 0);
    CHECK_INT(source_is(&f, "Ethnic Hungarians accused the government of Romania of discrimination.", 20010101, "HUN"), 0);
    dfx_close(&f);
}

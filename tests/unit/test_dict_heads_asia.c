/* test_dict_heads_asia.c — people of Asia, the Middle East and Oceania whom the generated
 * file (entente.people, from Phoenix, data to 2014) knew with open or missing terms, and
 * whose corrected entries are in entente.heads.asia.actors.txt (issue 12): a name codes
 * the government inside the added terms, not after a closed one, and North Vietnam's
 * leaders keep the historical state's code before 1976. */
#include "defaults_fixture.h"

static const dfx_case cases[] = {
    /* terms the generated file lacked */
    {"Suleyman Demirel criticized Greece.", 19670601, "TURGOV", 1},
    {"Suleyman Demirel criticized Greece.", 19850601, "TURGOV", 0},
    {"Sher Bahadur Deuba criticized India.", 20180101, "NPLGOV", 1},
    {"Sher Bahadur Deuba criticized India.", 20190601, "NPLGOV", 0},
    {"Hun Sen accused Thailand of aggression.", 20150601, "KHMGOV", 1},
    /* open roles of 2014 closed */
    {"Nursultan Nazarbayev criticized Russia.", 20150601, "KAZGOV", 1},
    {"Nursultan Nazarbayev criticized Russia.", 20200601, "KAZGOV", 0},
    {"Michel Suleiman accused Syria of meddling.", 20160601, "LBNGOV", 0},
    /* a hand-written entry: out of office during the 2023-24 caretaker months */
    {"Shehbaz Sharif accused India of aggression.", 20231001, "PAKGOV", 0},
    {"Shehbaz Sharif accused India of aggression.", 20241001, "PAKGOV", 1},
    /* North Vietnam (VDR) before 1976, Vietnam (VNM) after */
    {"Pham Van Dong accused the United States of aggression.", 19700601, "VDRGOV", 1},
    {"Pham Van Dong accused the United States of aggression.", 19700601, "VNM", 0},
    {"Pham Van Dong accused China of aggression.", 19790601, "VNMGOV", 1},
};

TEST(dict_heads_asia) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    dfx_check_cases(&f, cases, sizeof cases / sizeof cases[0]);
    dfx_close(&f);
}

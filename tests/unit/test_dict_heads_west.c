/* test_dict_heads_west.c — the bundled heads of state and government of the Americas and
 * Europe since 1945 (entente.heads.west.actors.txt, issue 12) code their country's
 * government inside their dated terms only; names shared by two office holders keep both
 * terms; office-and-surname forms code, the bare office words do not; the territories'
 * own demonyms (tools/gen-countries.c) code the territory. */
#include "defaults_fixture.h"

static const dfx_case cases[] = {
    /* in office, and after it (elite, not government) */
    {"Raul Alfonsin criticized Britain over the Falklands.", 19850501, "ARGGOV", 1},
    {"Raul Alfonsin criticized Britain over the Falklands.", 19950501, "ARGGOV", 0},
    {"Edward Gierek criticized West Germany.", 19750501, "POLGOV", 1},
    {"Edward Gierek criticized West Germany.", 19850501, "POLGOV", 0},
    {"President Kubitschek accused the United States of meddling.", 19580501, "BRAGOV", 1},
    /* a taoiseach out of office between two terms */
    {"De Valera criticized Britain.", 19520101, "IRLGOV", 1},
    {"De Valera criticized Britain.", 19500101, "IRLGOV", 0},
    /* Uruguay's council chairman of one year */
    {"Benito Nardone accused Cuba of interference.", 19600601, "URYGOV", 1},
    {"Benito Nardone accused Cuba of interference.", 19620601, "URYGOV", 0},
    /* one name, two office holders (Latvia's prime minister of 2000, president of 2011) */
    {"Andris Berzins criticized Russia.", 20010601, "LVAGOV", 1},
    {"Andris Berzins criticized Russia.", 20120601, "LVAGOV", 1},
    {"Andris Berzins criticized Russia.", 20060601, "LVAGOV", 0},
    /* a historical state's office: Yugoslavia's federal prime minister */
    {"Ante Markovic accused Slovenia of breaking the law.", 19910301, "YUGGOV", 1},
    /* office-and-surname forms only: a bare "major" or "king" is no head of government */
    {"Prime Minister Major criticized Argentina.", 19920601, "GBRGOV", 1},
    {"An army major criticized the government of Chile.", 19920601, "GBRGOV", 0},
    {"King Olav criticized Sweden.", 19700601, "NORGOV", 1},
    {"The king criticized Sweden.", 19700601, "NORGOV", 0},
    /* terms corrected after the heads files (issue 12): prime-minister terms added to
     * hand-written entries, terms ended in 2026 closed, interregna filled */
    {"Jacques Chirac criticized Britain.", 19750501, "FRAGOV", 1},
    {"Jacques Chirac criticized Britain.", 19800501, "FRAGOV", 0},
    {"Romano Prodi criticized Austria.", 19970501, "ITAGOV", 1},
    {"Leonid Brezhnev criticized China.", 19620601, "USRGOV", 1},
    {"Nicolas Maduro accused Colombia of plotting.", 20200601, "VENGOV", 1},
    {"Nicolas Maduro accused Colombia of plotting.", 20260601, "VENGOV", 0},
    {"Viktor Orban criticized Brussels.", 20260701, "HUNGOV", 0},
    {"Oscar Osorio accused Guatemala of meddling.", 19490601, "SLVGOV", 1},
    {"Hector Caraccioli accused Nicaragua of aggression.", 19570601, "HNDGOV", 1},
    {"Hector Caraccioli accused Nicaragua of aggression.", 19590601, "HNDGOV", 0},
    {"Gabriele Gatti accused Italy of pressure.", 19950601, "SMRGOV", 1},
    {"Gabriele Gatti accused Italy of pressure.", 20050601, "SMRGOV", 0},
    /* demonyms world-countries lacks or shares */
    {"Chagossian exiles accused Britain of abandoning them.", 20100601, "IOT", 1},
    {"British Virgin Islanders protested against the government of Britain.", 20100601, "VGB", 1},
    {"U.S. Virgin Islanders protested against the government of Britain.", 20100601, "VIR", 1},
};

TEST(dict_heads_west) {
    dfx f;
    CHECK(dfx_open(&f, 1));
    if (!f.d) return;
    dfx_check_cases(&f, cases, sizeof cases / sizeof cases[0]);
    dfx_close(&f);
}

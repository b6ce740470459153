/* cameo.c — entente's own CAMEO event table behind ent_cameo_lookup(): every CAMEO event
 * code (20 roots, all 3- and 4-digit codes) with a short name in our own words, its root,
 * quad class, Goldstein score and PLOVER category.  The scores and categories are public
 * reference facts (GDELT's Goldstein table, the CAMEO->PLOVER 2021 table); the unit test
 * test_cameo.c checks every code against ../shared/cameo.  Codes 01x have no PLOVER
 * counterpart (PLOVER drops public statements): their category is "".  Appeals (02x) are
 * REQUEST in PLOVER's sense.  The table is static and read-only, so lookups are thread-safe. */
#include "util/util.h"

#include <stdlib.h>

typedef struct cameo_row {
    const char *code, *name;
    double goldstein;
    const char *plover;
} cameo_row;

/* Sorted by code as strings ("01" < "010" < "0211" < "022" ...): looked up by bsearch. */
static const cameo_row rows[] = {
    {"01", "Make a public statement", 0.0, ""},
    {"010", "Make a statement, not otherwise specified", 0.0, ""},
    {"011", "Decline to comment", -0.1, ""},
    {"012", "Make a pessimistic remark", -0.4, ""},
    {"013", "Make an optimistic remark", 0.4, ""},
    {"014", "Weigh options, consider a course", 0.0, ""},
    {"015", "Acknowledge or take responsibility", 0.0, ""},
    {"016", "Deny responsibility", -2.0, ""},
    {"017", "Take part in a symbolic act", 0.0, ""},
    {"018", "Express sympathy or condolence", 3.4, ""},
    {"019", "Express agreement or accord", 3.4, ""},
    {"02", "Appeal", 3.0, "REQUEST"},
    {"020", "Appeal, not otherwise specified", 3.0, "REQUEST"},
    {"021", "Appeal for material cooperation", 3.4, "REQUEST"},
    {"0211", "Appeal for economic cooperation", 3.4, "REQUEST"},
    {"0212", "Appeal for military cooperation", 3.4, "REQUEST"},
    {"0213", "Appeal for judicial cooperation", 3.4, "REQUEST"},
    {"0214", "Appeal for intelligence cooperation", 3.4, "REQUEST"},
    {"022", "Appeal for diplomatic cooperation or policy support", 3.2, "REQUEST"},
    {"023", "Appeal for aid", 3.4, "REQUEST"},
    {"0231", "Appeal for economic aid", 3.4, "REQUEST"},
    {"0232", "Appeal for military aid", 3.4, "REQUEST"},
    {"0233", "Appeal for humanitarian aid", 3.4, "REQUEST"},
    {"0234", "Appeal for military protection or peacekeeping", 3.4, "REQUEST"},
    {"024", "Appeal for political reform", -0.3, "REQUEST"},
    {"0241", "Appeal for a change of leadership", -0.3, "REQUEST"},
    {"0242", "Appeal for a change of policy", -0.3, "REQUEST"},
    {"0243", "Appeal for rights", -0.3, "REQUEST"},
    {"0244", "Appeal for a change of institutions or regime", -0.3, "REQUEST"},
    {"025", "Appeal to yield", -0.3, "REQUEST"},
    {"0251", "Appeal to ease administrative sanctions", -0.3, "REQUEST"},
    {"0252", "Appeal to ease popular dissent", -0.3, "REQUEST"},
    {"0253", "Appeal to release persons or property", -0.3, "REQUEST"},
    {"0254", "Appeal to ease economic sanctions, boycott or embargo", -0.3, "REQUEST"},
    {"0255", "Appeal to allow international involvement", -0.3, "REQUEST"},
    {"0256", "Appeal to de-escalate military engagement", -0.3, "REQUEST"},
    {"026", "Appeal to others to meet or negotiate", 4.0, "REQUEST"},
    {"027", "Appeal to others to settle a dispute", 4.0, "REQUEST"},
    {"028", "Appeal to others to mediate or accept mediation", 4.0, "REQUEST"},
    {"03", "Express intent to cooperate", 4.0, "AGREE"},
    {"030", "Express intent to cooperate, not otherwise specified", 4.0, "AGREE"},
    {"031", "Express intent to cooperate materially", 5.2, "AGREE"},
    {"0311", "Express intent to cooperate economically", 5.2, "AGREE"},
    {"0312", "Express intent to cooperate militarily", 5.2, "AGREE"},
    {"0313", "Express intent to cooperate on judicial matters", 5.2, "AGREE"},
    {"0314", "Express intent to cooperate on intelligence", 5.2, "AGREE"},
    {"032", "Express intent to cooperate diplomatically", 4.5, "AGREE"},
    {"033", "Express intent to provide material aid", 5.2, "AGREE"},
    {"0331", "Express intent to provide economic aid", 5.2, "AGREE"},
    {"0332", "Express intent to provide military aid", 5.2, "AGREE"},
    {"0333", "Express intent to provide humanitarian aid", 5.2, "AGREE"},
    {"0334", "Express intent to provide protection or peacekeepers", 6.0, "AGREE"},
    {"034", "Express intent to bring political reform", 7.0, "AGREE"},
    {"0341", "Express intent to change leadership", 7.0, "AGREE"},
    {"0342", "Express intent to change policy", 7.0, "AGREE"},
    {"0343", "Express intent to grant rights", 7.0, "AGREE"},
    {"0344", "Express intent to change institutions or regime", 7.0, "AGREE"},
    {"035", "Express intent to yield", 7.0, "AGREE"},
    {"0351", "Express intent to ease administrative sanctions", 7.0, "AGREE"},
    {"0352", "Express intent to ease popular dissent", 7.0, "AGREE"},
    {"0353", "Express intent to release persons or property", 7.0, "AGREE"},
    {"0354", "Express intent to ease economic sanctions, boycott or embargo", 7.0, "AGREE"},
    {"0355", "Express intent to allow international involvement", 7.0, "AGREE"},
    {"0356", "Express intent to de-escalate military engagement", 7.0, "AGREE"},
    {"036", "Express intent to meet or negotiate", 4.0, "AGREE"},
    {"037", "Express intent to settle a dispute", 5.0, "AGREE"},
    {"038", "Express intent to accept mediation", 7.0, "AGREE"},
    {"039", "Express intent to mediate", 5.0, "AGREE"},
    {"04", "Consult", 1.0, "CONSULT"},
    {"040", "Consult, not otherwise specified", 1.0, "CONSULT"},
    {"041", "Talk by telephone", 1.0, "CONSULT"},
    {"042", "Travel to another place for a visit", 1.9, "CONSULT"},
    {"043", "Receive a visitor", 2.8, "CONSULT"},
    {"044", "Meet at a third location", 2.5, "CONSULT"},
    {"045", "Mediate", 5.0, "CONSULT"},
    {"046", "Negotiate", 7.0, "CONSULT"},
    {"05", "Engage in diplomatic cooperation", 3.5, "SUPPORT"},
    {"050", "Cooperate diplomatically, not otherwise specified", 3.5, "SUPPORT"},
    {"051", "Praise or endorse", 3.4, "SUPPORT"},
    {"052", "Defend verbally", 3.5, "SUPPORT"},
    {"053", "Rally support on behalf of another", 3.8, "SUPPORT"},
    {"054", "Grant diplomatic recognition", 6.0, "SUPPORT"},
    {"055", "Apologize", 7.0, "SUPPORT"},
    {"056", "Forgive", 7.0, "SUPPORT"},
    {"057", "Sign a formal agreement", 8.0, "SUPPORT"},
    {"06", "Engage in material cooperation", 6.0, "COOPERATE"},
    {"060", "Cooperate materially, not otherwise specified", 6.0, "COOPERATE"},
    {"061", "Cooperate economically", 6.4, "COOPERATE"},
    {"062", "Cooperate militarily", 7.4, "COOPERATE"},
    {"063", "Cooperate on judicial matters", 7.4, "COOPERATE"},
    {"064", "Share intelligence or information", 7.0, "COOPERATE"},
    {"07", "Provide aid", 7.0, "AID"},
    {"070", "Provide aid, not otherwise specified", 7.0, "AID"},
    {"071", "Provide economic aid", 7.4, "AID"},
    {"072", "Provide military aid", 8.3, "AID"},
    {"073", "Provide humanitarian aid", 7.4, "AID"},
    {"074", "Provide military protection or peacekeeping", 8.5, "AID"},
    {"075", "Grant asylum", 7.0, "AID"},
    {"08", "Yield", 5.0, "CONCEDE"},
    {"080", "Yield, not otherwise specified", 5.0, "CONCEDE"},
    {"081", "Ease administrative sanctions", 5.0, "CONCEDE"},
    {"0811", "Ease restrictions on political freedoms", 5.0, "CONCEDE"},
    {"0812", "Lift a ban on parties or politicians", 5.0, "CONCEDE"},
    {"0813", "Lift or ease a curfew", 5.0, "RETREAT"},
    {"0814", "Lift a state of emergency or martial law", 5.0, "RETREAT"},
    {"082", "Ease political dissent", 5.0, "CONCEDE"},
    {"083", "Accede to demands for political reform", 5.0, "CONCEDE"},
    {"0831", "Accede to demands for a change of leadership", 5.0, "CONCEDE"},
    {"0832", "Accede to demands for a change of policy", 5.0, "CONCEDE"},
    {"0833", "Accede to demands for rights", 5.0, "CONCEDE"},
    {"0834", "Accede to demands for a change of institutions or regime", 5.0, "CONCEDE"},
    {"084", "Return or release", 7.0, "RETREAT"},
    {"0841", "Release or return persons", 7.0, "RETREAT"},
    {"0842", "Return property", 7.0, "RETREAT"},
    {"085", "Ease economic sanctions, boycott or embargo", 7.0, "RETREAT"},
    {"086", "Allow international involvement", 9.0, "RETREAT"},
    {"0861", "Accept peacekeepers", 9.0, "RETREAT"},
    {"0862", "Accept inspectors", 9.0, "RETREAT"},
    {"0863", "Allow humanitarian aid through", 9.0, "RETREAT"},
    {"087", "De-escalate military engagement", 9.0, "RETREAT"},
    {"0871", "Declare a truce or ceasefire", 9.0, "RETREAT"},
    {"0872", "Ease a military blockade", 9.0, "RETREAT"},
    {"0873", "Demobilize armed forces", 9.0, "RETREAT"},
    {"0874", "Retreat or surrender militarily", 10.0, "RETREAT"},
    {"09", "Investigate", -2.0, "ACCUSE"},
    {"090", "Investigate, not otherwise specified", -2.0, "ACCUSE"},
    {"091", "Investigate crime or corruption", -2.0, "ACCUSE"},
    {"092", "Investigate human rights abuses", -2.0, "ACCUSE"},
    {"093", "Investigate military action", -2.0, "ACCUSE"},
    {"094", "Investigate war crimes", -2.0, "ACCUSE"},
    {"10", "Demand", -5.0, "REQUEST"},
    {"100", "Demand, not otherwise specified", -5.0, "REQUEST"},
    {"101", "Demand material cooperation", -5.0, "REQUEST"},
    {"1011", "Demand economic cooperation", -5.0, "REQUEST"},
    {"1012", "Demand military cooperation", -5.0, "REQUEST"},
    {"1013", "Demand judicial cooperation", -5.0, "REQUEST"},
    {"1014", "Demand intelligence cooperation", -5.0, "REQUEST"},
    {"102", "Demand diplomatic cooperation or policy support", -5.0, "REQUEST"},
    {"103", "Demand aid", -5.0, "REQUEST"},
    {"1031", "Demand economic aid", -5.0, "REQUEST"},
    {"1032", "Demand military aid", -5.0, "REQUEST"},
    {"1033", "Demand humanitarian aid", -5.0, "REQUEST"},
    {"1034", "Demand protection or peacekeeping", -5.0, "REQUEST"},
    {"104", "Demand political reform", -5.0, "REQUEST"},
    {"1041", "Demand a change of leadership", -5.0, "REQUEST"},
    {"1042", "Demand a change of policy", -5.0, "REQUEST"},
    {"1043", "Demand rights", -5.0, "REQUEST"},
    {"1044", "Demand a change of institutions or regime", -5.0, "REQUEST"},
    {"105", "Demand that the target yield", -5.0, "REQUEST"},
    {"1051", "Demand easing of administrative sanctions", -5.0, "REQUEST"},
    {"1052", "Demand easing of popular dissent", -5.0, "REQUEST"},
    {"1053", "Demand release of persons or property", -5.0, "REQUEST"},
    {"1054", "Demand easing of economic sanctions, boycott or embargo", -5.0, "REQUEST"},
    {"1055", "Demand that international involvement be allowed", -5.0, "REQUEST"},
    {"1056", "Demand de-escalation of military engagement", -5.0, "REQUEST"},
    {"106", "Demand a meeting or negotiation", -5.0, "REQUEST"},
    {"107", "Demand settlement of a dispute", -5.0, "REQUEST"},
    {"108", "Demand mediation", -5.0, "REQUEST"},
    {"11", "Disapprove", -2.0, "ACCUSE"},
    {"110", "Disapprove, not otherwise specified", -2.0, "ACCUSE"},
    {"111", "Criticize or denounce", -2.0, "ACCUSE"},
    {"112", "Accuse, not otherwise specified", -2.0, "ACCUSE"},
    {"1121", "Accuse of crime or corruption", -2.0, "ACCUSE"},
    {"1122", "Accuse of human rights abuses", -2.0, "ACCUSE"},
    {"1123", "Accuse of aggression", -2.0, "ACCUSE"},
    {"1124", "Accuse of war crimes", -2.0, "ACCUSE"},
    {"1125", "Accuse of espionage or treason", -2.0, "ACCUSE"},
    {"113", "Rally opposition against", -2.0, "ACCUSE"},
    {"114", "Complain officially", -2.0, "ACCUSE"},
    {"115", "File a lawsuit against", -2.0, "ACCUSE"},
    {"116", "Find guilty or liable in court", -2.0, "ACCUSE"},
    {"12", "Reject", -4.0, "REJECT"},
    {"120", "Reject, not otherwise specified", -4.0, "REJECT"},
    {"121", "Reject material cooperation", -4.0, "REJECT"},
    {"1211", "Reject economic cooperation", -4.0, "REJECT"},
    {"1212", "Reject military cooperation", -4.0, "REJECT"},
    {"1213", "Reject judicial cooperation", -4.0, "REJECT"},
    {"1214", "Reject intelligence cooperation", -4.0, "REJECT"},
    {"122", "Reject a request for material aid", -4.0, "REJECT"},
    {"1221", "Reject a request for economic aid", -4.0, "REJECT"},
    {"1222", "Reject a request for military aid", -4.0, "REJECT"},
    {"1223", "Reject a request for humanitarian aid", -4.0, "REJECT"},
    {"1224", "Reject a request for protection or peacekeeping", -4.0, "REJECT"},
    {"123", "Reject a demand for political reform", -4.0, "REJECT"},
    {"1231", "Reject a demand for a change of leadership", -4.0, "REJECT"},
    {"1232", "Reject a demand for a change of policy", -4.0, "REJECT"},
    {"1233", "Reject a demand for rights", -4.0, "REJECT"},
    {"1234", "Reject a demand for a change of institutions or regime", -4.0, "REJECT"},
    {"124", "Refuse to yield", -4.0, "REJECT"},
    {"1241", "Refuse to ease administrative sanctions", -4.0, "REJECT"},
    {"1242", "Refuse to ease popular dissent", -4.0, "REJECT"},
    {"1243", "Refuse to release persons or property", -4.0, "REJECT"},
    {"1244", "Refuse to ease economic sanctions, boycott or embargo", -4.0, "REJECT"},
    {"1245", "Refuse to allow international involvement", -4.0, "REJECT"},
    {"1246", "Refuse to de-escalate military engagement", -4.0, "REJECT"},
    {"125", "Reject a proposal to meet or negotiate", -5.0, "REJECT"},
    {"126", "Reject mediation", -5.0, "REJECT"},
    {"127", "Reject a plan or agreement to settle a dispute", -5.0, "REJECT"},
    {"128", "Defy norms or law", -5.0, "REJECT"},
    {"129", "Veto", -5.0, "REJECT"},
    {"13", "Threaten", -6.0, "THREATEN"},
    {"130", "Threaten, not otherwise specified", -4.4, "THREATEN"},
    {"131", "Threaten non-military measures", -5.8, "THREATEN"},
    {"1311", "Threaten to cut or stop aid", -5.8, "THREATEN"},
    {"1312", "Threaten sanctions, boycott or embargo", -5.8, "THREATEN"},
    {"1313", "Threaten to downgrade or break relations", -5.8, "THREATEN"},
    {"132", "Threaten administrative sanctions", -5.8, "THREATEN"},
    {"1321", "Threaten to restrict freedom of expression", -5.8, "THREATEN"},
    {"1322", "Threaten to ban parties or politicians", -5.8, "THREATEN"},
    {"1323", "Threaten a curfew", -5.8, "THREATEN"},
    {"1324", "Threaten a state of emergency or martial law", -5.8, "THREATEN"},
    {"133", "Threaten protest or political dissent", -5.8, "THREATEN"},
    {"134", "Threaten to stop negotiations", -5.8, "THREATEN"},
    {"135", "Threaten to stop mediation", -5.8, "THREATEN"},
    {"136", "Threaten to end international involvement", -7.0, "THREATEN"},
    {"137", "Threaten violent repression", -7.0, "THREATEN"},
    {"138", "Threaten military force", -7.0, "THREATEN"},
    {"1381", "Threaten a blockade", -7.0, "THREATEN"},
    {"1382", "Threaten occupation", -7.0, "THREATEN"},
    {"1383", "Threaten unconventional violence", -7.0, "THREATEN"},
    {"1384", "Threaten a conventional attack", -7.0, "THREATEN"},
    {"1385", "Threaten an attack with weapons of mass destruction", -7.0, "THREATEN"},
    {"139", "Issue an ultimatum", -7.0, "THREATEN"},
    {"14", "Protest", -6.5, "PROTEST"},
    {"140", "Engage in political dissent, not otherwise specified", -6.5, "PROTEST"},
    {"141", "Demonstrate or rally", -6.5, "PROTEST"},
    {"1411", "Demonstrate for a change of leadership", -6.5, "PROTEST"},
    {"1412", "Demonstrate for a change of policy", -6.5, "PROTEST"},
    {"1413", "Demonstrate for rights", -6.5, "PROTEST"},
    {"1414", "Demonstrate for a change of institutions or regime", -6.5, "PROTEST"},
    {"142", "Go on hunger strike", -6.5, "PROTEST"},
    {"1421", "Hunger strike for a change of leadership", -6.5, "PROTEST"},
    {"1422", "Hunger strike for a change of policy", -6.5, "PROTEST"},
    {"1423", "Hunger strike for rights", -6.5, "PROTEST"},
    {"1424", "Hunger strike for a change of institutions or regime", -6.5, "PROTEST"},
    {"143", "Strike or boycott", -6.5, "PROTEST"},
    {"1431", "Strike or boycott for a change of leadership", -6.5, "PROTEST"},
    {"1432", "Strike or boycott for a change of policy", -6.5, "PROTEST"},
    {"1433", "Strike or boycott for rights", -6.5, "PROTEST"},
    {"1434", "Strike or boycott for a change of institutions or regime", -6.5, "PROTEST"},
    {"144", "Block passage or obstruct", -7.5, "PROTEST"},
    {"1441", "Obstruct to demand a change of leadership", -7.5, "PROTEST"},
    {"1442", "Obstruct to demand a change of policy", -7.5, "PROTEST"},
    {"1443", "Obstruct to demand rights", -7.5, "PROTEST"},
    {"1444", "Obstruct to demand a change of institutions or regime", -7.5, "PROTEST"},
    {"145", "Protest violently or riot", -7.5, "PROTEST"},
    {"1451", "Riot for a change of leadership", -7.5, "PROTEST"},
    {"1452", "Riot for a change of policy", -7.5, "PROTEST"},
    {"1453", "Riot for rights", -7.5, "PROTEST"},
    {"1454", "Riot for a change of institutions or regime", -7.5, "PROTEST"},
    {"15", "Show force", -7.2, "MOBILIZE"},
    {"150", "Show military or police power, not otherwise specified", -7.2, "MOBILIZE"},
    {"151", "Raise police alert level", -7.2, "MOBILIZE"},
    {"152", "Raise military alert level", -7.2, "MOBILIZE"},
    {"153", "Mobilize or reinforce police", -7.2, "MOBILIZE"},
    {"154", "Mobilize or reinforce armed forces", -7.2, "MOBILIZE"},
    {"16", "Reduce relations", -4.0, "SANCTION"},
    {"160", "Reduce relations, not otherwise specified", -4.0, "SANCTION"},
    {"161", "Downgrade or break diplomatic relations", -4.0, "SANCTION"},
    {"162", "Cut or stop aid", -5.6, "SANCTION"},
    {"1621", "Cut or stop economic aid", -5.6, "SANCTION"},
    {"1622", "Cut or stop military aid", -5.6, "SANCTION"},
    {"1623", "Cut or stop humanitarian aid", -5.6, "SANCTION"},
    {"163", "Impose an embargo, boycott or sanctions", -8.0, "COERCE"},
    {"164", "Break off negotiations", -7.0, "SANCTION"},
    {"165", "Break off mediation", -6.5, "SANCTION"},
    {"166", "Expel or withdraw international involvement", -7.0, "SANCTION"},
    {"1661", "Expel or withdraw peacekeepers", -7.0, "SANCTION"},
    {"1662", "Expel or withdraw inspectors or observers", -7.0, "SANCTION"},
    {"1663", "Expel or withdraw aid agencies", -7.0, "SANCTION"},
    {"17", "Coerce", -7.0, "COERCE"},
    {"170", "Coerce, not otherwise specified", -7.0, "COERCE"},
    {"171", "Seize or damage property", -9.2, "COERCE"},
    {"1711", "Confiscate property", -9.2, "COERCE"},
    {"1712", "Destroy property", -9.2, "ASSAULT"},
    {"172", "Impose administrative sanctions", -5.0, "COERCE"},
    {"1721", "Restrict freedom of expression", -5.0, "COERCE"},
    {"1722", "Ban parties or politicians", -5.0, "COERCE"},
    {"1723", "Impose a curfew", -5.0, "COERCE"},
    {"1724", "Impose a state of emergency or martial law", -5.0, "COERCE"},
    {"173", "Arrest, detain or charge", -5.0, "COERCE"},
    {"174", "Expel or deport individuals", -5.0, "COERCE"},
    {"175", "Use violent repression", -9.0, "ASSAULT"},
    {"18", "Assault", -9.0, "ASSAULT"},
    {"180", "Use unconventional violence, not otherwise specified", -9.0, "ASSAULT"},
    {"181", "Abduct, hijack or take hostage", -9.0, "ASSAULT"},
    {"182", "Physically assault", -9.5, "ASSAULT"},
    {"1821", "Sexually assault", -9.0, "ASSAULT"},
    {"1822", "Torture", -9.0, "ASSAULT"},
    {"1823", "Kill by physical assault", -10.0, "ASSAULT"},
    {"183", "Carry out a non-military bombing", -10.0, "ASSAULT"},
    {"1831", "Carry out a suicide bombing", -10.0, "ASSAULT"},
    {"1832", "Carry out a car bombing", -10.0, "ASSAULT"},
    {"1833", "Carry out a roadside bombing", -10.0, "ASSAULT"},
    {"184", "Use as a human shield", -8.0, "ASSAULT"},
    {"185", "Attempt to assassinate", -8.0, "ASSAULT"},
    {"186", "Assassinate", -10.0, "ASSAULT"},
    {"19", "Fight", -10.0, "ASSAULT"},
    {"190", "Use conventional military force, not otherwise specified", -10.0, "ASSAULT"},
    {"191", "Impose a blockade or restrict movement", -9.5, "COERCE"},
    {"192", "Occupy territory", -9.5, "COERCE"},
    {"193", "Fight with small arms and light weapons", -10.0, "ASSAULT"},
    {"194", "Fight with artillery and tanks", -10.0, "ASSAULT"},
    {"195", "Use aerial weapons", -10.0, "ASSAULT"},
    {"196", "Violate a ceasefire", -9.5, "ASSAULT"},
    {"20", "Use unconventional mass violence", -10.0, "ASSAULT"},
    {"200", "Use unconventional mass violence, not otherwise specified", -10.0, "ASSAULT"},
    {"201", "Carry out mass expulsion", -9.5, "ASSAULT"},
    {"202", "Carry out mass killings", -10.0, "ASSAULT"},
    {"203", "Carry out ethnic cleansing", -10.0, "ASSAULT"},
    {"204", "Use weapons of mass destruction", -10.0, "ASSAULT"},
    {"2041", "Use chemical, biological or radiological weapons", -10.0, "ASSAULT"},
    {"2042", "Detonate a nuclear weapon", -10.0, "ASSAULT"},
};

#define NROWS (sizeof rows / sizeof rows[0])

static const char *const root_codes[21] = {
    "", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"};

static ent_cameo_info infos[NROWS];
static int ready; /* set once the infos array is filled (see ensure_ready) */

static int quad_of_root(int root) {
    if (root <= 5) return 1;
    if (root <= 8) return 2;
    if (root <= 13) return 3;
    return 4;
}

/* Fill infos[] from rows[].  Idempotent and deterministic: concurrent first calls write
 * identical values, so no lock is needed for correctness of the result. */
static void ensure_ready(void) {
    if (__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) return;
    for (size_t i = 0; i < NROWS; i++) {
        int root = (rows[i].code[0] - '0') * 10 + (rows[i].code[1] - '0');
        infos[i].code = rows[i].code;
        infos[i].name = rows[i].name;
        infos[i].root = root_codes[root];
        infos[i].quad = quad_of_root(root);
        infos[i].goldstein = rows[i].goldstein;
        infos[i].plover = rows[i].plover;
    }
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
}

static int cmp_key(const void *k, const void *row) {
    return strcmp((const char *)k, ((const cameo_row *)row)->code);
}

/* Exact lookup of a 2..4-digit code; NULL when absent. */
static const ent_cameo_info *find_exact(const char *key) {
    const cameo_row *r = bsearch(key, rows, NROWS, sizeof rows[0], cmp_key);
    return r ? &infos[r - rows] : NULL;
}

const ent_cameo_info *ent_cameo_lookup(const char *code) {
    if (!code) return NULL;
    while (ent_is_space((unsigned char)*code)) code++;
    char key[5];
    size_t n = 0;
    while (n < 4 && code[n] >= '0' && code[n] <= '9') { key[n] = code[n]; n++; }
    if (n < 2) return NULL;
    ensure_ready();
    /* longest known prefix: "0756" -> "075", "075A" -> "075", "1990" -> "19" */
    for (; n >= 2; n--) {
        key[n] = '\0';
        const ent_cameo_info *info = find_exact(key);
        if (info) return info;
    }
    return NULL;
}

/* Number of codes in the table and the i-th entry (for tests, listings). */
size_t ent_cameo_count(void) { return NROWS; }

const ent_cameo_info *ent_cameo_at(size_t i) {
    if (i >= NROWS) return NULL;
    ensure_ready();
    return &infos[i];
}

/* nominal.c — event nouns: the nouns that name an act ("the withdrawal of troops", "a
 * mediation effort", "its rejection of the proposal"), each with the verb it derives from.
 * The coder codes such a noun, as the object of a light verb that says nothing by itself
 * ("began", "launched", "completed": the table of light verbs below) or of a statement
 * ("announced"), through the verb's
 * own dictionary entry and patterns, so the nominal event costs no dictionary line of its
 * own.  The table is the derivational morphology of English (as WordNet's derivational
 * links record it) for the acts CAMEO codes; nouns whose verb reading is ambiguous in
 * news ("strike": hunger strike or air strike; "fire") are left out. */
#include "coder/nominal.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct { const char *noun, *verb; } noun_verb;

/* sorted by noun (strcmp order) for bsearch */
static const noun_verb nouns[] = {
    {"ABDUCTION", "ABDUCT"},
    {"ACCUSATION", "ACCUSE"},
    {"ACCUSATIONS", "ACCUSE"},
    {"AIRSTRIKE", "BOMB"},
    {"AIRSTRIKES", "BOMB"},
    {"ANNEXATION", "ANNEX"},
    {"APOLOGY", "APOLOGIZE"},
    {"ARREST", "ARREST"},
    {"ARRESTS", "ARREST"},
    {"ASSASSINATION", "ASSASSINATE"},
    {"ASSAULT", "ATTACK"},
    {"ATTACK", "ATTACK"},
    {"ATTACKS", "ATTACK"},
    {"BAN", "BAN"},
    {"BLOCKADE", "BLOCKADE"},
    {"BOMBARDMENT", "BOMBARD"},
    {"BOMBING", "BOMB"},
    {"BOMBINGS", "BOMB"},
    {"BOYCOTT", "BOYCOTT"},
    {"CONDEMNATION", "CONDEMN"},
    {"CONSULTATIONS", "CONSULT"},
    {"CRITICISM", "CRITICIZE"},
    {"DEMANDS", "DEMAND"},
    {"DEMONSTRATION", "DEMONSTRATE"},
    {"DEMONSTRATIONS", "DEMONSTRATE"},
    {"DEPLOYMENT", "DEPLOY"},
    {"DEPORTATION", "DEPORT"},
    {"DEPORTATIONS", "DEPORT"},
    {"DETENTION", "DETAIN"},
    {"DETENTIONS", "DETAIN"},
    {"EVACUATION", "EVACUATE"},
    {"EXECUTION", "EXECUTE"},
    {"EXPULSION", "EXPEL"},
    {"EXTRADITION", "EXTRADITE"},
    {"FIGHTING", "FIGHT"},
    {"HOSTILITIES", "FIGHT"},
    {"INQUIRY", "INVESTIGATE"},
    {"IMPRISONMENT", "IMPRISON"},
    {"INVASION", "INVADE"},
    {"INVESTIGATION", "INVESTIGATE"},
    {"INVESTIGATIONS", "INVESTIGATE"},
    {"KIDNAPPING", "KIDNAP"},
    {"MEDIATION", "MEDIATE"},
    {"MOBILISATION", "MOBILIZE"},
    {"MOBILIZATION", "MOBILIZE"},
    {"NEGOTIATION", "NEGOTIATE"},
    {"NEGOTIATIONS", "NEGOTIATE"},
    {"OCCUPATION", "OCCUPY"},
    {"OFFENSIVE", "ATTACK"},
    {"PROTEST", "PROTEST"},
    {"PROTESTS", "PROTEST"},
    {"PULLBACK", "WITHDRAW"},
    {"PULLOUT", "WITHDRAW"},
    {"RAID", "RAID"},
    {"RAIDS", "RAID"},
    {"RECOGNITION", "RECOGNIZE"},
    {"REJECTION", "REJECT"},
    {"RELEASE", "RELEASE"},
    {"RESIGNATION", "RESIGN"},
    {"RIOT", "RIOT"},
    {"RIOTS", "RIOT"},
    {"SEIZURE", "SEIZE"},
    {"SHELLING", "SHELL"},
    {"SIEGE", "BESIEGE"},
    {"SIGNING", "SIGN"},
    {"SIT-IN", "OBSTRUCT"},
    {"SIT-INS", "OBSTRUCT"},
    {"SUSPENSION", "SUSPEND"},
    {"TALKS", "TALK"},
    {"THREAT", "THREATEN"},
    {"THREATS", "THREATEN"},
    {"VISIT", "VISIT"},
    {"WALKOUT", "BOYCOTT"},
    {"WALKOUTS", "BOYCOTT"},
    {"WARNING", "WARN"},
    {"WARNINGS", "WARN"},
    {"WITHDRAWAL", "WITHDRAW"},
};

static int cmp_noun(const void *k, const void *e) { return strcmp((const char *)k, ((const noun_verb *)e)->noun); }

const char *ent_event_noun_verb(const char *w) {
    if (!w || w[0] < 'A' || w[0] > 'Z') return NULL;
    const noun_verb *hit = bsearch(w, nouns, sizeof nouns / sizeof nouns[0], sizeof nouns[0], cmp_noun);
    return hit ? hit->verb : NULL;
}

/* Event nouns that are mass nouns too ("expanded demand for oil", "China's demand for
 * gas": the market's): they name an act only counted, after a determiner that counts or a
 * possessive pronoun, adjectives between allowed ("made one demand", "issued a new
 * demand", "renewed its demand"); ent_event_count_noun_verb gives the verb, and
 * ent_counting_determiner the words that count. */
typedef struct { const char *noun, *verb; } count_noun;
static const count_noun count_nouns[] = {{"DEMAND", "DEMAND"}};

const char *ent_event_count_noun_verb(const char *w) {
    for (size_t i = 0; w && i < sizeof count_nouns / sizeof count_nouns[0]; i++)
        if (!strcmp(w, count_nouns[i].noun)) return count_nouns[i].verb;
    return NULL;
}

int ent_counting_determiner(const char *w) {
    static const char *const det[] = {"A", "AN", "ANOTHER", "EACH", "HER", "HIS", "ITS", "ONE", "OUR", "THEIR",
                                      "THIS", NULL};
    return ent_str_in_list(w, det);
}

/* Nouns for goods and commodities bought and sold in markets: the demand "for" them is
 * the market's ("its demand for Brazilian soybeans", "the demand for chips"), not a
 * political demand ("its demand for a ceasefire", "for compensation", "for his
 * release").  Arms, food and aid are left out: they are asked for as well as bought.
 * Sorted (strcmp order) for bsearch. */
static const char *const goods[] = {
    "ALUMINIUM", "ALUMINUM", "BATTERIES", "BEEF", "BONDS", "CARS", "CHIPS", "COAL", "COBALT", "COCOA",
    "COFFEE", "COMMODITIES", "COPPER", "CORN", "COTTON", "CREDIT", "CRUDE", "DIESEL", "ELECTRICITY", "ENERGY",
    "EXPORTS", "FERTILISER", "FERTILISERS", "FERTILIZER", "FERTILIZERS", "FUEL", "GAS", "GASOLINE", "GOLD",
    "GOODS", "GRAIN", "GRAINS", "HOUSING", "IMPORTS", "IRON", "LABOR", "LABOUR", "LITHIUM", "LNG", "LOANS",
    "MAIZE", "METALS", "NICKEL", "OIL", "ORE", "PETROL", "PETROLEUM", "PORK", "POWER", "PRODUCTS", "RICE",
    "RUBBER", "SEMICONDUCTORS", "SILVER", "SOY", "SOYBEANS", "STEEL", "SUGAR", "TIMBER", "URANIUM", "VEHICLES",
    "WHEAT", "WOOL",
};

static int cmp_str(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }

int ent_goods_noun(const char *w) {
    return w && bsearch(w, goods, sizeof goods / sizeof goods[0], sizeof goods[0], cmp_str) != NULL;
}

/* Event nouns of two words, whose head alone is ambiguous ("strike": an air strike is an
 * attack, a hunger strike a protest): the modifier right before the head decides, and the
 * verb is one of the dictionary's single-word verbs for the act (FAST is in the hunger
 * strike block [142], BOYCOTT in the strike-or-boycott block [143]).  A head with any
 * other modifier ("air strike", "missile strike") is no event noun here. */
typedef struct { const char *mod, *noun, *verb; } compound_verb;
static const compound_verb compounds[] = {
    {"GENERAL", "STRIKE", "BOYCOTT"},    {"GENERAL", "STRIKES", "BOYCOTT"},
    {"HUNGER", "STRIKE", "FAST"},        {"HUNGER", "STRIKES", "FAST"},
    {"INDEFINITE", "STRIKE", "BOYCOTT"}, {"LABOR", "STRIKE", "BOYCOTT"},
    {"LABOR", "STRIKES", "BOYCOTT"},     {"LABOUR", "STRIKE", "BOYCOTT"},
    {"LABOUR", "STRIKES", "BOYCOTT"},    {"NATIONWIDE", "STRIKE", "BOYCOTT"},
    {"NATIONWIDE", "STRIKES", "BOYCOTT"}, {"OPEN-ENDED", "STRIKE", "BOYCOTT"},
};

const char *ent_event_compound_verb(const char *mod, const char *w) {
    if (!mod || !w) return NULL;
    for (size_t i = 0; i < sizeof compounds / sizeof compounds[0]; i++)
        if (!strcmp(compounds[i].noun, w) && !strcmp(compounds[i].mod, mod)) return compounds[i].verb;
    return NULL;
}

/* Verbs that say an act goes on, starts or grows, with the event noun as their subject
 * and no object ("riots are continuing", "protests erupted", "talks resumed").  Sorted
 * (strcmp order) for bsearch. */
static const char *const occur[] = {
    "BEGAN", "BEGIN", "BEGINNING", "BEGINS", "BEGUN", "CONTINUE", "CONTINUED", "CONTINUES",
    "CONTINUING", "ERUPT", "ERUPTED", "ERUPTING", "ERUPTS", "ESCALATE", "ESCALATED", "ESCALATES",
    "ESCALATING", "INTENSIFIED", "INTENSIFIES", "INTENSIFY", "INTENSIFYING", "RAGE", "RAGED",
    "RAGES", "RAGING", "RESUME", "RESUMED", "RESUMES", "RESUMING", "SPREAD", "SPREADING", "SPREADS",
    "START", "STARTED", "STARTING", "STARTS", NULL};

static int cmp_word(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }

/* Is w in the sorted list (n words)?  A binary search: these lists are asked about every
 * verb of every sentence. */
static int in_sorted(const char *w, const char *const *list, size_t n) {
    return w && bsearch(w, list, n, sizeof *list, cmp_word) != NULL;
}

int ent_occur_verb(const char *w) {
    return in_sorted(w, occur, sizeof occur / sizeof occur[0] - 1);
}

/* Verbs that carry an event noun without changing it: to begin, carry on, speed up or
 * complete an act is to do it.  Verbs that end or refuse an act ("end", "halt", "lift",
 * "reject") are not here: "ended the blockade" is no blockade. */
static const char *const light[] = {
    "ACCELERATE", "ACCELERATED", "ACCELERATES", "BEGAN", "BEGIN", "BEGINS", "BEGUN", "CARRIED", "CARRIES",
    "CARRY", "COMMENCE", "COMMENCED", "COMPLETE", "COMPLETED", "COMPLETES", "CONDUCT", "CONDUCTED",
    "CONDUCTS", "CONTINUE", "CONTINUED", "CONTINUES", "ESCALATE", "ESCALATED", "EXPAND", "EXPANDED",
    "EXPANDS", "EXTEND", "EXTENDED", "EXTENDS", "HELD", "HOLD", "HOLDS", "INTENSIFIED", "INTENSIFIES",
    "INTENSIFY", "ISSUE", "ISSUED", "ISSUES", "LAUNCH", "LAUNCHED", "LAUNCHES", "MADE", "MAKE", "MAKES", "OPEN", "OPENED", "OPENS",
    "ORDER", "ORDERED", "ORDERS", "PURSUE", "PURSUED", "RENEW", "RENEWED", "RENEWS", "RESUME", "RESUMED",
    "RESUMES", "SPED", "SPEED", "SPEEDED", "STAGE", "STAGED", "STAGES", "START", "STARTED", "STARTS",
    "STEP", "STEPPED", "STEPS", "TIGHTEN", "TIGHTENED", "TIGHTENS", "UNDERTAKE", "UNDERTAKES", "UNDERTOOK",
    "UNDERTAKEN", NULL};

/* Verbs that keep an act in force: their event noun object is the act, over any code of
 * their own ("upheld the suspension of the newspaper" is the suspension, "maintained its
 * blockade" the blockade); with an object that names no act ("upheld the verdict") the
 * verb's own entry codes. */
static const char *const keep[] = {"KEEP", "KEEPING", "KEEPS", "KEPT", "MAINTAIN", "MAINTAINED", "MAINTAINING",
                                   "MAINTAINS", "UPHELD", "UPHOLD", "UPHOLDING", "UPHOLDS", NULL};

/* Verbs of informing, whose object is the one told and whose "of" phrase the act told of
 * ("notified the United Nations of its withdrawal from ...", "informed Norway of its
 * suspension of ..."): the act is the event, from the informer.  Sorted for bsearch. */
static const char *const inform[] = {"INFORM", "INFORMED", "INFORMING", "INFORMS", "NOTIFIED", "NOTIFIES",
                                     "NOTIFY", "NOTIFYING", NULL};

int ent_inform_verb(const char *w) {
    return in_sorted(w, inform, sizeof inform / sizeof inform[0] - 1);
}

int ent_keep_verb(const char *w) {
    return ent_str_in_list(w, keep);
}

int ent_light_verb(const char *w) {
    return ent_str_in_list(w, light);
}

/* Verbs that enact a document, and the documents: "signed an executive order restricting
 * investment", "approved a law banning the party", "passed a bill imposing sanctions",
 * "issued a decree expelling the diplomats".  The document's participle names the act. */
static const char *const enact[] = {"ADOPT", "ADOPTED", "ADOPTS", "APPROVE", "APPROVED", "APPROVES", "ENACT",
                                    "ENACTED", "ENACTS", "ISSUE", "ISSUED", "ISSUES", "PASS", "PASSED", "PASSES",
                                    "SIGN", "SIGNED", "SIGNS", NULL};
static const char *const documents[] = {"BILL", "BILLS", "DECREE", "DECREES", "DIRECTIVE", "DIRECTIVES", "LAW",
                                        "LAWS", "LEGISLATION", "MEASURE", "MEASURES", "ORDER", "ORDERS",
                                        "ORDINANCE", "REGULATION", "REGULATIONS", "RESOLUTION", "RESOLUTIONS",
                                        NULL};

int ent_enact_verb(const char *w) {
    return ent_str_in_list(w, enact);
}

int ent_document_noun(const char *w) {
    return ent_str_in_list(w, documents);
}

/* harm.c — what caused the deaths or injuries a sentence reports: violence or accident.
 *
 * An agentless report of harm ("Two policemen were killed in an ambush in Mali") takes
 * the country of the place it names as its source (CAMEO's convention for unattributed
 * attacks), but the same shape reports accidents and disasters ("Twelve people were
 * killed when a bus crashed in Peru", "Thirty people died in floods in Pakistan"), which
 * are no attack by anyone.  The coder asks this file which cause the words name:
 *   violence  a weapon, an attack or a perpetrator (bomb, shelling, ambush, gunmen,
 *             clashes, air strike, "opened fire", "shot dead", "set fire to");
 *   accident  a crash, collision, natural disaster or fire ("in a fire", flood,
 *             earthquake, landslide, drowned, stampede, "died in an accident");
 *   unknown   neither ("killed in an explosion", "were killed in Kabul").
 * Violence wins over an accident word ("a bus crashed after gunmen opened fire"): the
 * perpetrator is what makes it an attack.  Words are the tokens' upper-case forms. */
#include "coder/harm.h"
#include "util/util.h"

#include <string.h>

/* Words that name a weapon, an attack or its perpetrators on their own. */
static const char *const violence_words[] = {
    "ATTACK", "ATTACKS", "ATTACKED", "ATTACKER", "ATTACKERS", "ASSAULT", "ASSAULTS",
    "BOMB", "BOMBS", "BOMBING", "BOMBINGS", "BOMBED", "BOMBER", "BOMBERS", "CAR-BOMB",
    "BOMBARDMENT", "BOMBARDED", "EXPLOSIVE", "EXPLOSIVES", "IED", "IEDS", "GRENADE",
    "GRENADES", "ROCKET", "ROCKETS", "MISSILE", "MISSILES", "MORTAR", "MORTARS", "SHELLS",
    "SHELLING", "SHELLED", "SHELLFIRE", "ARTILLERY", "AMBUSH", "AMBUSHED", "AMBUSHES",
    "GUNMAN", "GUNMEN", "GUNFIRE", "GUNFIGHT", "GUNBATTLE", "GUNSHOT", "GUNSHOTS",
    "SHOOTING", "SHOT", "SNIPER", "SNIPERS", "CROSSFIRE", "MILITANT", "MILITANTS",
    "INSURGENT", "INSURGENTS", "REBEL", "REBELS", "TERRORIST", "TERRORISTS", "GUERRILLA",
    "GUERRILLAS", "GUERILLA", "GUERILLAS", "JIHADIST", "JIHADISTS", "ASSAILANT",
    "ASSAILANTS", "CLASH", "CLASHES", "CLASHED", "FIGHTING", "RAID", "RAIDS", "RAIDED",
    "LANDMINE", "LANDMINES", "LAND-MINE", "MINEFIELD", "MINEFIELDS", "MASSACRE", "MASSACRED", "ASSASSINATED",
    "ASSASSINATION", "BEHEADED", "STABBED", "STABBING", "KIDNAPPED", "ABDUCTED",
    "AIRSTRIKE", "AIRSTRIKES", "AIR-STRIKE", "AIR-STRIKES", "DRONE", "DRONES", "MURDERED",
    "ARSON", "RIOTING", "RIOTERS", "LYNCHED", "TORTURED", NULL};

/* Words that name an accident or a disaster. */
static const char *const accident_words[] = {
    "CRASH", "CRASHES", "CRASHED", "COLLISION", "COLLISIONS", "COLLIDED", "ACCIDENT",
    "ACCIDENTS", "ACCIDENTAL", "ACCIDENTALLY", "FLOOD", "FLOODS", "FLOODING", "FLOODWATERS",
    "FLASH-FLOOD", "EARTHQUAKE", "EARTHQUAKES", "QUAKE", "TREMOR", "LANDSLIDE", "LANDSLIDES",
    "MUDSLIDE", "MUDSLIDES", "AVALANCHE", "DROWNED", "DROWNING", "STAMPEDE", "CYCLONE",
    "HURRICANE", "TYPHOON", "TORNADO", "TSUNAMI", "BLAZE", "WILDFIRE", "WILDFIRES",
    "DERAILED", "DERAILMENT", "CAPSIZED", "CAPSIZE", "SANK", "HEATWAVE", "LIGHTNING",
    "COLLAPSE", "COLLAPSED", "ERUPTION", "EPIDEMIC", "OUTBREAK", "CHOLERA", "MALFUNCTION",
    NULL};

/* "fire" after these is gunfire or arson ("opened fire", "an exchange of fire", "came
 * under fire", "rocket fire", "set fire to"). */
static const char *const fire_violent_before[] = {
    "OPENED", "OPEN", "OPENING", "OPENS", "OF", "UNDER", "ROCKET", "ARTILLERY", "MORTAR",
    "TANK", "SNIPER", "MACHINE-GUN", "MACHINEGUN", "HOSTILE", "CROSS", "SET", "SETTING",
    "SETS", "LIVE", NULL};

/* "strike(s)" after these is an attack ("an air strike"; not "a hunger strike"). */
static const char *const strike_violent_before[] = {
    "AIR", "DRONE", "MISSILE", "ROCKET", "ARTILLERY", "MILITARY", "AERIAL", "NAVAL",
    "ISRAELI", "RUSSIAN", "AMERICAN", "U.S.", "US", NULL};

int ent_harm_violence_word(const char *const *words, size_t n, size_t i) {
    const char *w = words[i];
    if (!w) return 0;
    if (ent_str_in_list(w, violence_words)) return 1;
    const char *prev = i > 0 && words[i - 1] ? words[i - 1] : "";
    if (!strcmp(w, "FIRE")) return ent_str_in_list(prev, fire_violent_before);
    if (!strcmp(w, "STRIKE") || !strcmp(w, "STRIKES")) return ent_str_in_list(prev, strike_violent_before);
    (void)n;
    return 0;
}

/* Is word i an accident or disaster word?  "fire" is one when it is a blaze ("in a fire",
 * "the fire", "a factory fire"), not gunfire; "gas explosion" and "gas leak" are too. */
static int accident_word(const char *const *words, size_t n, size_t i) {
    const char *w = words[i];
    if (!w) return 0;
    if (ent_str_in_list(w, accident_words)) return 1;
    const char *prev = i > 0 && words[i - 1] ? words[i - 1] : "";
    if (!strcmp(w, "FIRE") || !strcmp(w, "FIRES"))
        return !ent_str_in_list(prev, fire_violent_before) && (i + 1 >= n || !words[i + 1] || strcmp(words[i + 1], "ON"));
    if (!strcmp(w, "EXPLOSION") || !strcmp(w, "LEAK") || !strcmp(w, "BLAST"))
        return !strcmp(prev, "GAS") || !strcmp(prev, "BOILER") || !strcmp(prev, "CHEMICAL");
    return 0;
}

ent_harm ent_harm_cause(const char *const *words, size_t n) {
    int accident = 0;
    for (size_t i = 0; i < n; i++) {
        if (ent_harm_violence_word(words, n, i)) return ENT_HARM_VIOLENCE;
        if (accident_word(words, n, i)) accident = 1;
    }
    return accident ? ENT_HARM_ACCIDENT : ENT_HARM_UNKNOWN;
}

/* enrich.c — the coder's post-pass: actors without a country.
 *
 * News names crowds, soldiers and gunmen without their nationality but with the place
 * where they act: "Thousands of people protested in Yangon against the military coup".
 * The actor dictionaries code the people ("---CVL") and the military ("---MIL") without a
 * country; the place, though, is an actor phrase too (capitals and major cities stand
 * for their country).  When a sentence names exactly one country that way, its
 * country-less actors take that country ("MMRCVL", "MMRMIL").  Two or more countries
 * named as places ("fighting in Gaza and in southern Lebanon") are ambiguous and change
 * nothing.  Only the tokens are read, not the phrase tree: a place is a preposition of
 * location followed by an actor phrase. */
#include "coder/enrich.h"
#include "coder/harm.h"
#include "coder/coder_events.h"

#include <stdlib.h>
#include <string.h>

/* Prepositions that introduce a place. */
static int place_prep(const char *w) {
    static const char *const preps[] = {"IN", "AT", "NEAR", "OUTSIDE", "ACROSS", "THROUGHOUT", "INSIDE", NULL};
    return ent_str_in_list(w, preps);
}

/* A word written as (part of) a proper name: capitalised, some letter in lower case
 * (not a headline in capitals), tagged NNP or NNPS. */
static int name_token(const ent_token *t) {
    if (!t || !t->text || !(t->text[0] >= 'A' && t->text[0] <= 'Z') || strncmp(t->tag, "NNP", 3)) return 0;
    for (const char *p = t->text + 1; *p; p++)
        if (*p >= 'a' && *p <= 'z') return 1;
    return 0;
}

/* Nouns of a body of water: "the Gulf of Oman", "the Taiwan Strait" are no country. */
static const char *const WATERS[] = {"GULF", "SEA", "SEAS", "STRAIT", "STRAITS", "BAY", "OCEAN", NULL};
int ent_enrich_water_noun(const char *w) { return ent_str_in_list(w, WATERS); }

/* Nouns of other natural features: "the Noto peninsula" is named after no town Noto
 * (a country's name before one still stands for it: "the Crimean peninsula"). */
static const char *const LANDFORMS[] = {
    "PENINSULA", "ISLAND", "ISLANDS", "ISLE", "ISLES", "MOUNTAIN", "MOUNTAINS", "MOUNT", "HILLS", "RIVER", "LAKE",
    "VALLEY", "DESERT", "COAST", "CAPE", "PLAIN", "PLAINS", "PLATEAU", "FOREST", "GLACIER", "VOLCANO", "CANAL",
    "CHANNEL", "REEF", "BASIN", "DELTA", NULL};

size_t ent_enrich_place(const ent_dicts *d, const char *const *w, const ent_token *const *tk, size_t n, size_t i,
                        const char **code) {
    const char *c = NULL;
    size_t len = ent_dict_place_match(d, w, n, i, &c);
    if (!len || !tk) return 0;
    for (size_t k = i; k < i + len; k++)
        if (!name_token(tk[k])) return 0;
    if ((i > 0 && name_token(tk[i - 1])) || (i + len < n && name_token(tk[i + len]))) return 0;
    if (i + len < n && (ent_enrich_water_noun(w[i + len]) || ent_str_in_list(w[i + len], LANDFORMS))) return 0;
    if (code) *code = c;
    return len;
}

/* Words that may stand between the preposition and the place name. */
static int place_filler(const char *w) {
    static const char *const fill[] = {
        "THE", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "NORTHEASTERN",
        "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN", "NORTH-EASTERN", "NORTH-WESTERN",
        "SOUTH-EASTERN", "SOUTH-WESTERN", "DOWNTOWN", "NEIGHBOURING", "NEIGHBORING",
        "NORTH", "SOUTH", "EAST", "WEST"};   /* "in south Lebanon"; "South Africa" is matched first */
    for (size_t i = 0; i < sizeof fill / sizeof *fill; i++)
        if (!strcmp(w, fill[i])) return 1;
    return 0;
}

int ent_enrich_place_filler(const char *w) { return w && place_filler(w); }

/* Does the preposition at words[i] follow an event noun that a preposition of topic
 * governs ("protested against the war in Gaza", "talks on the fighting in Sudan")?  Such a
 * place is what the actors speak of, not where they are. */
static int topic_event(const char *const *words, size_t i) {
    static const char *const events[] = {"WAR", "WARS", "FIGHTING", "CONFLICT", "VIOLENCE", "CRISIS", "INVASION",
                                         "OCCUPATION", "OFFENSIVE", "GENOCIDE", "BOMBING", "BOMBINGS", NULL};
    static const char *const topics[] = {"AGAINST", "OVER", "ABOUT", "ON", "REGARDING", "CONCERNING", NULL};
    if (i < 2 || !ent_str_in_list(words[i - 1], events)) return 0;
    size_t k = i - 2;
    if (!strcmp(words[k], "THE") && k > 0) k--;
    return ent_str_in_list(words[k], topics);
}

/* A lower-case adjective or past participle (JJ, VBN) that may stand before a place
 * name: "occupied", "besieged", "war-torn". */
static int modifier_word(const ent_token *t) {
    return t->text[0] >= 'a' && t->text[0] <= 'z' && (!strcmp(t->tag, "JJ") || !strcmp(t->tag, "VBN"));
}

/* "the city of", "the region of": a noun of settlement followed by OF. */
static int place_noun(const char *w) {
    static const char *const nouns[] = {"CITY", "TOWN", "VILLAGE", "REGION", "PROVINCE", "CAPITAL",
                                        "PORT", "STATE", "DISTRICT"};
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
        if (!strcmp(w, nouns[i])) return 1;
    return 0;
}

int ent_enrich_edge_noun(const char *w) {
    static const char *const edge[] = {"BORDER", "BORDERS", "FRONTIER", "FRONTIERS", "BOUNDARY", "BORDERLANDS"};
    if (!w) return 0;
    for (size_t i = 0; i < sizeof edge / sizeof *edge; i++)
        if (!strcmp(w, edge[i])) return 1;
    return 0;
}

/* Is code a country (or a country's government, as "the Kremlin" is) rather than a
 * region, an international or non-state body, or no actor?  CAMEO's regional and
 * group codes are three letters too, so they are listed; not CAF, which the dictionaries
 * give the Central African Republic (CAMEO's Central Africa is CFR). */
int ent_enrich_country_code(const char *code) {
    static const char *const nonstate[] = {
        "---", "IGO", "NGO", "IMG", "MNC", "UAF", "UIS", "WST", "EUR", "AFR", "ASA", "MEA",
        "LAM", "NAF", "SAF", "WAF", "EAF", "CFR", "CAS", "SEA", "SAS", "SAM", "NMR",
        "BLK", "BAL", "CAU", "CRB", "PGS", "MDE", "SCN", "GOV", "MIL", "REB", "OPP", "CVL",
        "BUS", "MED", "INT"};
    size_t n = strlen(code);
    if (n != 3 && !(n == 6 && !strcmp(code + 3, "GOV"))) return 0;
    for (size_t i = 0; i < sizeof nonstate / sizeof *nonstate; i++)
        if (!strncmp(code, nonstate[i], 3)) return 0;
    for (size_t i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z') return 0;
    return 1;
}

/* ent_enrich_place_country, and with on_attacks also the place an attack is ON ("air
 * strikes on Rafah", "a drone attack on Moscow": ON right after a noun of violence,
 * harm.c), which counts only when the sentence names no place the other way; *attacked
 * (may be NULL) tells that the country came from such a place. */
static int place_country(const ent_dicts *d, const ent_sentence *s, long date, int on_attacks, char cc[4],
                         int *attacked) {
    cc[0] = 0;
    if (attacked) *attacked = 0;
    if (!d || !s || !s->ntokens) return 0;
    const char *words_small[64];
    const ent_token *tk_small[64];
    const char **words = words_small;
    const ent_token **tk = tk_small;
    size_t n = s->ntokens;
    if (n > 64) words = ent_xcalloc(n, sizeof *words), tk = ent_xcalloc(n, sizeof *tk);
    for (size_t i = 0; i < n; i++) words[i] = s->tokens[i].upper ? s->tokens[i].upper : "", tk[i] = &s->tokens[i];
    /* [0]: places the actor dictionaries name; [1]: gazetteer places, which count only
     * when the sentence names no place of the first kind ("in Solhan in Burkina Faso");
     * [2]: places an attack is on (on_attacks), when there is none of the other two */
    int found[3] = {0, 0, 0}, ambiguous[3] = {0, 0, 0};
    char got[3][4];
    for (size_t i = 0; i + 1 < n && !ambiguous[0]; i++) {
        size_t j;
        int on = 0;
        if (place_prep(words[i])) {
            if (topic_event(words, i)) continue;   /* "against the war in Gaza" */
            j = i + 1;
        } else if (place_noun(words[i]) && !strcmp(words[i + 1], "OF")) j = i;   /* "the city of X" */
        else if (on_attacks && i > 0 && !strcmp(words[i], "ON") && s->tokens[i - 1].tag[0] == 'N' &&
                 ent_harm_violence_word(words, n, i - 1))
            j = i + 1, on = 1;
        else continue;
        /* the place, and further places joined to it ("in Yangon and Mandalay") */
        for (;;) {
            /* fillers are skipped unless they open a name ("in South Sudan", "in The Hague"),
             * and so are lower-case adjectives and participles ("in occupied Kherson", "in
             * war-torn Sudan", "in the besieged city of Mariupol") */
            while (j < n && (place_filler(words[j]) || modifier_word(&s->tokens[j])) &&
                   !ent_dict_actor_match(d, words, n, j, date, NULL, NULL))
                j++;
            if (j + 1 < n && place_noun(words[j]) && !strcmp(words[j + 1], "OF")) j += 2;
            if (j >= n) break;
            const char *code = NULL;
            size_t len = ent_dict_actor_match(d, words, n, j, date, NULL, &code);
            int gaz = 0;
            if (!len) {
                /* "in El Geneina, Sudan", "in Bajaur, Pakistan": a place the dictionaries
                 * do not know, named with its country after a comma */
                size_t k = j;
                while (k < n && k < j + 4 && (!strcmp(s->tokens[k].tag, "NNP") || !strcmp(s->tokens[k].tag, "NNPS"))) k++;
                if (k > j && k + 1 < n && !strcmp(words[k], ",")) {
                    size_t l2 = ent_dict_actor_match(d, words, n, k + 1, date, NULL, &code);
                    if (l2 && code && ent_enrich_country_code(code)) len = k + 1 + l2 - j;
                }
            }
            if (!len && (len = ent_enrich_place(d, words, tk, n, j, &code))) gaz = 1;   /* "in Samarra" */
            if (!len || !code || !ent_enrich_country_code(code)) break;
            if (j + len < n && ent_enrich_edge_noun(words[j + len])) break;   /* "near the Ukrainian border" */
            /* "in Israeli strikes", "in a Russian missile strike": whose attack, not where
             * ("Gunmen in Nigeria kidnapped ...": a verb after the place) */
            if (j + len < n && s->tokens[j + len].tag[0] == 'N' && ent_harm_violence_word(words, n, j + len)) break;
            int kind = on ? 2 : gaz;
            if (!found[kind]) { memcpy(got[kind], code, 3); got[kind][3] = 0; found[kind] = 1; }
            else if (strncmp(got[kind], code, 3)) ambiguous[kind] = 1;
            i = j + len - 1;
            j += len;
            if (j + 1 < n && (!strcmp(words[j], "AND") || !strcmp(words[j], "OR") || !strcmp(words[j], ","))) j++;
            else break;
            if (place_prep(words[j])) j++;
        }
    }
    if (words != words_small) free(words), free(tk);
    int k = found[0] ? 0 : found[1] ? 1 : 2;
    if (!found[k] || ambiguous[k]) { cc[0] = 0; return 0; }
    memcpy(cc, got[k], 4);
    if (attacked) *attacked = k == 2;
    return 1;
}

int ent_enrich_place_country(const ent_dicts *d, const ent_sentence *s, long date, char cc[4]) {
    return place_country(d, s, date, 0, cc, NULL);
}

/* Does code lack a country but name a role ("---OPP")? */
static int countryless(const char *code) {
    return code && !strncmp(code, "---", 3) && code[3] != 0;
}

/* Does the actor's text open with a possessive pronoun ("ITS FORCES", "THEIR TROOPS")?
 * Such an actor belongs to someone named elsewhere (usually the subject: "Russia said its
 * forces captured villages in Kharkiv"), not to the place. */
static int owned_elsewhere(const char *text) {
    static const char *const poss[] = {"ITS ", "THEIR ", "HIS ", "HER ", "OUR "};
    if (!text) return 0;
    for (size_t i = 0; i < sizeof poss / sizeof *poss; i++)
        if (!strncmp(text, poss[i], strlen(poss[i]))) return 1;
    return 0;
}

/* Does some word of text (capitals, words joined by spaces; words of 32 bytes or more
 * are skipped) satisfy is(word, arg)? */
static int some_word(const char *text, int (*is)(const char *w, const void *arg), const void *arg) {
    char w[32];
    for (const char *p = text; p && *p;) {
        size_t l = strcspn(p, " ");
        if (l < sizeof w) {
            memcpy(w, p, l);
            w[l] = 0;
            if (is(w, arg)) return 1;
        }
        p += l;
        p += strspn(p, " ");
    }
    return 0;
}

static int word_in_list(const char *w, const void *list) { return ent_str_in_list(w, (const char *const *)list); }

/* Is w a word the sentence arg (an ent_sentence) has as a plural noun (NNS, NNPS)? */
static int plural_word(const char *w, const void *arg) {
    const ent_sentence *s = arg;
    for (size_t i = 0; i < s->ntokens; i++)
        if (s->tokens[i].upper && !strcmp(s->tokens[i].upper, w) &&
            (!strcmp(s->tokens[i].tag, "NNS") || !strcmp(s->tokens[i].tag, "NNPS")))
            return 1;
    return 0;
}

/* Does an event side's text name one who speaks for a state abroad ("the ambassador",
 * "diplomats", "the embassy")?  Such a one is as often a foreign state's in the city a
 * story is filed from as the host's. */
int ent_enrich_envoy_text(const char *text) {
    static const char *const envoy[] = {"AMBASSADOR", "AMBASSADORS", "ENVOY", "ENVOYS", "DIPLOMAT", "DIPLOMATS",
                                        "EMBASSY", "EMBASSIES", "CONSUL", "CONSULATE", NULL};
    return some_word(text, word_in_list, envoy);
}

/* Is an actor with no country (code "---GOV" ..., text its words) one that the place of
 * its event may well host rather than hold: an envoy (ent_enrich_envoy_text), or states'
 * officials, legislators or officers named in the plural in a consultation (CAMEO root
 * 04: meetings, talks), where many states meet at a venue ("Negotiators met in Geneva",
 * "talks with Gulf ministers in Doha")?  One official so named is the place's host or at
 * home there ("King X met the U.S. president in Riyadh"), and people of the place's own
 * (protesters, business leaders) are no visitors. */
static int visitor(const ent_sentence *s, const char *code, const char *event_code, const char *text) {
    static const char *const state[] = {"GOV", "LEG", "MIL", "SPY", NULL};
    if (ent_enrich_envoy_text(text)) return 1;
    return event_code && !strncmp(event_code, "04", 2) && strlen(code) == 6 && ent_str_in_list(code + 3, state) &&
           some_word(text, plural_word, s);   /* "MINISTERS", "THE TWO LEADERS" */
}

int ent_enrich_foreign_text(const char *text) {
    static const char *const office[] = {"MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES", "SECRETARY", "OFFICE",
                                         "AFFAIRS", "POLICY", "SERVICE", "RELATIONS", "MINISTER'S", NULL};
    for (const char *p = text; p && (p = strstr(p, "FOREIGN ")) != NULL; p += 8) {
        if (p != text && p[-1] != ' ') continue;
        const char *w = p + 8, *e = strchr(w, ' ');
        char next[24];
        size_t l = e ? (size_t)(e - w) : strlen(w);
        if (l >= sizeof next) return 1;
        memcpy(next, w, l);
        next[l] = 0;
        if (!ent_str_in_list(next, office)) return 1;
    }
    return 0;
}

/* Is e an act of force (roots 18-20; not 196, a ceasefire violated) on a thing or person
 * that names no actor at all: a target phrase coded "---" ("a Shiite mosque", "a
 * shopping mall", "a 17-year-old driver"), not the source's own ("its positions") nor
 * the source itself ("blew himself up")?  Such a target is struck where it stands: it
 * takes the country of the sentence's place, as "struck a school in Gaza" takes Gaza's
 * code from the dictionaries. */
static int struck_thing(const ent_event *e) {
    static const char *const self[] = {"HIMSELF", "HERSELF", "ITSELF", "THEMSELVES", NULL};
    return !strcmp(e->target, "---") && e->target_text && *e->target_text && !owned_elsewhere(e->target_text) &&
           !ent_str_in_list(e->target_text, self) && strncmp(e->code, "196", 3) &&
           (!strncmp(e->code, "18", 2) || !strncmp(e->code, "19", 2) || !strncmp(e->code, "20", 2));
}

size_t ent_enrich_events(const ent_dicts *d, const ent_sentence *s, long date, ent_events *out,
                         size_t from) {
    if (!out || from >= out->n) return 0;
    int any = 0;
    for (size_t i = from; i < out->n && !any; i++)
        any = (countryless(out->v[i].source) && !owned_elsewhere(out->v[i].source_text) &&
               !ent_enrich_foreign_text(out->v[i].source_text)) ||
              (countryless(out->v[i].target) && !owned_elsewhere(out->v[i].target_text) &&
               !ent_enrich_foreign_text(out->v[i].target_text)) ||
              struck_thing(&out->v[i]);
    if (!any) return 0;
    char cc[4];
    /* no place where they are: victims of an attack take the country of the place it
     * was on ("Israeli air strikes on Rafah killed 20 civilians": PSECVL), attackers
     * do not (they came to it) */
    int on_only = 0;
    if (!place_country(d, s, date, 1, cc, &on_only)) return 0;
    size_t changed = 0, keep = from;
    char buf[64];
    for (size_t i = from; i < out->n; i++) {
        ent_event *e = &out->v[i];
        const char **side[2] = {&e->source, &e->target};
        const char *text[2] = {e->source_text, e->target_text};
        const char *was[2] = {e->source, e->target};
        for (int k = 0; k < 2; k++) {
            const char *code = *side[k];
            if (k == 1 && struck_thing(e)) {   /* the place's country itself: "a mosque in Kunduz" AFG */
                memcpy(buf, cc, 3);
                buf[3] = 0;
                *side[k] = ent_events_str(out, buf);
                changed++;
                continue;
            }
            if (!countryless(code) || owned_elsewhere(text[k]) || ent_enrich_foreign_text(text[k]) ||
                strlen(code) >= sizeof buf - 3 || visitor(s, code, e->code, text[k]))
                continue;
            if (on_only && (k == 0 || (strncmp(e->code, "18", 2) && strncmp(e->code, "19", 2) &&
                                       strncmp(e->code, "20", 2))))
                continue;
            memcpy(buf, cc, 3);
            strcpy(buf + 3, code + 3);
            *side[k] = ent_events_str(out, buf);
            changed++;
        }
        /* a target that became its source's own code, the source having named that
         * country itself ("Thousands of doctors in South Korea walked out of hospitals":
         * KORHLH, not toward KORHLH): the target keeps no country */
        if (!strcmp(e->source, e->target) && e->source == was[0] && e->target != was[1]) e->target = was[1];
        if (!strcmp(e->source, e->target)) continue;   /* became a self-reference */
        int dup = 0;
        for (size_t j = from; j < keep && !dup; j++)
            dup = !strcmp(out->v[j].source, e->source) && !strcmp(out->v[j].target, e->target) &&
                  !strcmp(out->v[j].code, e->code);
        if (dup) continue;
        if (keep != i) out->v[keep] = *e;
        keep++;
    }
    out->n = keep;
    return changed;
}

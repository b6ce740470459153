/* refine.c — the coder's corrections of events after pattern matching (coder.c calls
 * them): per raw event before it is emitted (ent_refine_raw_event: a source from the place
 * named, official protest, a host's welcome, counterpart roles, the doer of an act named by
 * a noun, crime reports dropped), and per sentence over its emitted events under the
 * clauses option (ent_refine_events: dual nationals, possessors as targets, domestic
 * sources and targets, the source's own means, the target of a reaction).  Each reads the
 * sentence's item sequence and tokens in the coder's state (coder_state.h) and changes only
 * the events it is given; strings it makes live in the coder's arena.
 */
#include "coder/coder_state.h"
#include "coder/enrich.h"
#include "coder/harm.h"
#include "coder/nominal.h"
#include "coder/persons.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* The one country named as a place in the sentence's phrases: an actor phrase with a
 * country code right after a preposition of place ("in a northern district of
 * Kabul", "outside of the Syrian city of Homs").  Writes the three letters to cc and
 * returns 1 when exactly one country is named that way. */
static int place_country(ent_coder *c, char cc[4]) {
    const cvec *items = &c->z.items;
    static const char *const preps[] = {"IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "ACROSS", "THROUGHOUT", NULL};
    int found = 0;
    cc[0] = 0;
    for (size_t i = 1; i < items->n; i++) {
        const coder_item *x = &items->v[i];
        if (x->kind != K_OPEN || x->lab != L_NE) continue;
        size_t k = i;
        while (k > 0 && items->v[k - 1].kind == K_OPEN) k--;
        if (k == 0 || items->v[k - 1].kind != K_WORD || !items->v[k - 1].w) continue;
        const char *p = items->v[k - 1].w;
        if (!strcmp(p, "OF") && k >= 2) {   /* "outside of", "near of" */
            size_t q = k - 1;
            while (q > 0 && items->v[q - 1].kind != K_WORD) q--;
            if (q == 0 || !items->v[q - 1].w) continue;
            p = items->v[q - 1].w;
            if (strcmp(p, "OUTSIDE") && strcmp(p, "NEAR")) continue;
        }
        int ok = 0;
        for (int j = 0; preps[j] && !ok; j++) ok = !strcmp(p, preps[j]);
        if (!ok) continue;
        const char *code = ent_cd_item_code(c, i);
        if (!ent_enrich_country_code(code)) continue;
        if (x->mate > (int32_t)i + 1 && ent_enrich_edge_noun(items->v[x->mate - 1].w)) continue;   /* "near the Ukrainian border" */
        if (found && strncmp(cc, code, 3)) return 0;   /* two countries: ambiguous */
        memcpy(cc, code, 3);
        cc[3] = 0;
        found = 1;
    }
    return found;
}

/* Does the phrase of an event side (its words, text) end in a common noun, so that it
 * names a thing of the actor rather than the actor ("ALGERIA FIRST MULTI-PARTY
 * ELECTIONS", not "GAZA" or "THE PHILIPPINES")?  The last word's tag is that of its first
 * token in the sentence. */
static int side_ends_in_common_noun(const ent_coder *c, const char *text) {
    if (!text || !*text || !c->sent) return 0;
    const char *last = strrchr(text, ' ');
    last = last ? last + 1 : text;
    for (size_t i = 0; i < c->sent->ntokens; i++) {
        const ent_token *t = &c->sent->tokens[i];
        if (t->upper && !strcmp(t->upper, last)) return !strcmp(t->tag, "NN") || !strcmp(t->tag, "NNS");
    }
    return 0;
}

/* The one country the events [from, count) of out name in their sides (a code's first
 * three letters, when a country: ent_enrich_country_code) into one; 0 when none or two. */
static int events_one_country(const ent_events *out, size_t from, char one[4]) {
    size_t n = ent_events_count(out);
    one[0] = 0;
    for (size_t i = from; i < n; i++) {
        const ent_event *e = ent_events_get(out, i);
        const char *sides[2] = {e->source, e->target};
        for (int k = 0; k < 2; k++) {
            if (strlen(sides[k]) < 3 || strchr(sides[k], '/')) continue;
            char cc[4] = {sides[k][0], sides[k][1], sides[k][2], 0};
            if (!ent_enrich_country_code(cc)) continue;
            if (!one[0]) memcpy(one, cc, 4);
            else if (strcmp(one, cc)) return 0;
        }
    }
    return one[0] != 0;
}

static int institution_role(const char *a);

/* Is a a domestic institution named without its country that acts at home far more than
 * abroad: ---JUD, ---COP, ---PTY, ---OPP, alone or first of a combined role
 * (institution_role: "---OPPLEG" opposition lawmakers, "---COPMIL")? */
static int domestic_role(const char *a) {
    static const char *const roles[] = {"JUD", "COP", "PTY", "OPP", NULL};
    if (!institution_role(a)) return 0;
    char r[4] = {a[3], a[4], a[5], 0};
    return ent_str_in_list(r, roles);
}

/* clauses option: a source that is a domestic institution named without its country (a
 * judge, the police, a party, the opposition: ---JUD, ---COP, ---PTY, ---OPP) takes the
 * country of its own target when that target is the country's own institution or people
 * (CHLGOV, ZMBCVL: a role) or a thing of that country ("Algeria's first elections": its
 * phrase ends in a common noun, side_ends_in_common_noun), and the sentence's events name no other
 * country: "Judge Lopez opened an investigation into three Peruvian officials"
 * PERJUD, "The Renewal party will boycott Algeria's elections" DZAPTY.  A target that is the
 * state itself gives nothing ("A court ruled against Venezuela", "The archbishop called
 * for sanctions against Nigeria": foreign voices act on states), nor does a source that
 * acts abroad as often as at home (the government, the army, lawmakers: ---GOV, ---MIL,
 * ---LEG).  A combined role whose first is one of these goes the same way ("opposition
 * lawmakers" ---OPPLEG, domestic_role).  Events [from, count) of out. */
static void domestic_source_of_target(ent_coder *c, ent_events *out, size_t from) {
    size_t n = ent_events_count(out);
    int any = 0;   /* a source that may change, before the events' countries are read */
    for (size_t i = from; i < n && !any; i++) any = domestic_role(ent_events_get(out, i)->source);
    char one[4];
    if (!any || !events_one_country(out, from, one)) return;
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        if (!domestic_role(e->source)) continue;
        size_t tl = strlen(e->target);
        if (tl < 3 || strncmp(e->target, one, 3)) continue;
        if (tl == 3 && !side_ends_in_common_noun(c, e->target_text)) continue;
        char t[16];
        snprintf(t, sizeof t, "%s%s", one, e->source + 3);
        if (!strcmp(t, e->target)) continue;
        if (TRACING(c)) ent_cd_trace(c, "domestic actor: %s is %s (the country of its target %s)", e->source, t, e->target);
        e->source = ent_events_str(out, t);
    }
}

/* Is a an institution of a country named without the country, one role or two joined
 * ("---GOV", "---OPP", "---COP", "---JUD", "---LEG", "---PTY", "---MIL", "---REB"; "---GOVMIL"
 * government troops, "---MILCOP" military police, "---OPPLEG" opposition lawmakers,
 * "---GOVMED" state media: a second role may also be MED or SPY)?  Rebels stand alone. */
static int institution_role(const char *a) {
    static const char *const roles[] = {"GOV", "OPP", "COP", "JUD", "LEG", "PTY", "MIL", "REB", NULL};
    static const char *const second[] = {"GOV", "OPP", "COP", "JUD", "LEG", "PTY", "MIL", "MED", "SPY", NULL};
    size_t l = strlen(a);
    if (strncmp(a, "---", 3) || (l != 6 && l != 9)) return 0;
    char r[4] = {a[3], a[4], a[5], 0};
    if (!ent_str_in_list(r, roles)) return 0;
    return l == 6 || (strcmp(r, "REB") && ent_str_in_list(a + 6, second) && strcmp(a + 6, r));
}

/* Is code a reduction of relations that a state aims at another's people, not its own:
 * CAMEO 16x (160 reduce relations, 161 break relations, 162 cut aid, 163 sanctions and
 * embargoes, 165 halt mediation, 166 expel or withdraw) save 164, halting negotiations,
 * which a government does with its own opposition, unions or rebels as often? */
static int sanctions_abroad(const char *code) {
    return code && code[0] == '1' && code[1] == '6' && code[2] != '4';
}

/* Does text, an actor phrase's words in capitals, name one person by a noun of persons
 * (persons.h: "THE FOREIGN MINISTER", "FOREIGN MINISTER ANA SILVA", "A SPOKESMAN"),
 * before any OF?  Groups ("SOLDIERS", "THE POLICE") and bodies ("THE GOVERNMENT") do not. */
static int names_one_person(const char *text) {
    char w[48];
    for (const char *p = text ? text : ""; *p;) {
        while (*p == ' ') p++;
        size_t l = strcspn(p, " ");
        if (!l) break;
        if (l < sizeof w) {
            memcpy(w, p, l);
            w[l] = 0;
            if (!strcmp(w, "OF")) return 0;
            if (ent_noun_is_person(w)) return 1;
        }
        p += l;
    }
    return 0;
}

/* clauses option: sources and targets that are a country's institutions named without the
 * country ("the government", "the opposition", "police", "the court", "parliament", "the
 * army", "the rebels", "government troops": institution_role) take the story's country when its events so far,
 * this sentence's included for targets, earlier ones only for sources, name exactly one
 * ("Nigerian troops ... The army accused the opposition": NGAMIL, NGAOPP), as CAMEO codes
 * domestic actors.  While the story has named no country (sources: before this sentence;
 * targets: this one included), the dateline's place (c->dateline_cc) stands for the
 * story's country ("HARARE - Police detained opposition activists": ZWECOP, ZWEOPP), but not for rebels,
 * envoys (enrich.c ent_enrich_envoy_text), a person in a sentence or story about another
 * country (names_one_person, ent_cd_dateline_abroad), a side whose other side is that country alone ("The government
 * criticised Zimbabwe" from HARARE is a foreign one) nor a foreign one; a country so
 * given then counts among the story's countries ("HARARE - The government accused
 * Zambia. The army ...": two countries, the army stays ---MIL).  A side does not take
 * the very code of the other ("Iran's foreign ministry summoned the ambassador": a
 * counterpart is as often foreign), except the target of an inquiry or an arrest (roots
 * 09, 17), which a state makes on its own ("Malawi's anti-graft bureau charged two
 * ministers": MWIGOV both).  Events [from, count) of out. */
static void domestic_actors(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from) {
    size_t n = ent_events_count(out);
    char prev[4] = {0};   /* the story's country before this sentence: what sources may take */
    if (!c->story_cc_mixed) memcpy(prev, c->story_cc, 4);
    for (size_t i = from; i < n && !c->story_cc_mixed; i++) {
        const ent_event *e = ent_events_get(out, i);
        const char *sides[2] = {e->source, e->target};
        for (int k = 0; k < 2; k++) {
            /* the country of "NGA", "NGAOPP": the first three letters, when a country */
            if (strlen(sides[k]) < 3) continue;
            char cc[4] = {sides[k][0], sides[k][1], sides[k][2], 0};
            if (!ent_enrich_country_code(cc)) continue;
            if (!c->story_cc[0]) memcpy(c->story_cc, cc, 4);
            else if (strcmp(c->story_cc, cc)) c->story_cc_mixed = 1;
        }
    }
    /* targets: the country of the story so far, this sentence included */
    const char *tcc = c->story_cc_mixed ? "" : c->story_cc;
    const char *dcc = c->story_cc_mixed ? "" : c->dateline_cc;   /* while the story has none */
    int dated = 0;                                                /* a side took dcc */
    if (!prev[0] && !tcc[0] && !dcc[0]) return;
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        const char **side[2] = {&e->source, &e->target};
        for (int k = 0; k < 2; k++) {
            const char *a = *side[k];
            if (!institution_role(a) || ent_enrich_foreign_text(k ? e->target_text : e->source_text)) continue;
            /* rebels are often foreign to the country that names them ("Russia condemned
             * the rebels"): only a source takes a country for them, from earlier sentences */
            if (k == 1 && !strcmp(a + 3, "REB")) continue;
            /* a source takes the country of earlier sentences only ("An international court
             * ruled against Venezuela" is no Venezuelan court), even when this sentence
             * names another ("The ministry criticised China's drills" after Japan's) */
            const char *cc = k == 0 ? prev : tcc;
            int byline = 0;
            /* nor for a person (the foreign minister) in a sentence about another country
             * only: the bureau is abroad (ent_cd_dateline_abroad) */
            const char *text = k ? e->target_text : e->source_text;
            if (!cc[0] && dcc[0] && strcmp(a + 3, "REB") && strcmp(*side[!k], dcc) && !ent_enrich_envoy_text(text) &&
                !(names_one_person(text) && ent_cd_dateline_abroad(c, s, dcc, *side[!k])))
                cc = dcc, byline = 1;
            if (!cc[0]) continue;
            /* a state reduces relations with another's people, not its own (sanctions_abroad:
             * "Canada imposed sanctions on army officers" are no Canadian army; after
             * "Myanmar's junta seized power", the EU's are Myanmar's) */
            if (k == 1 && sanctions_abroad(e->code) && !strncmp(cc, e->source, 3)) continue;
            char t[12];
            snprintf(t, sizeof t, "%s%s", cc, a + 3);
            if (!strcmp(t, *side[!k]) && !(k == 1 && e->root && (!strcmp(e->root, "09") || !strcmp(e->root, "17"))))
                continue;
            if (TRACING(c))
                ent_cd_trace(c, "domestic actor: %s is %s (the %s country)", a, t, byline ? "dateline's" : "story's");
            *side[k] = ent_events_str(out, t);
            dated |= byline;
        }
    }
    if (dated && !c->story_cc[0]) memcpy(c->story_cc, dcc, 4);
    else if (dated && strcmp(c->story_cc, dcc)) c->story_cc_mixed = 1;
}

/* Does the sentence say what a protest is against: AGAINST ("marched against the pension
 * reform"), or a form of PROTEST that takes an object ("to protest his detention", "in
 * protest at the law")?  OVER is left out: "a strike over wages" is a dispute with
 * employers as often as with the state. */
static int protest_has_grievance(const ent_sentence *s) {
    static const char *const marks[] = {"AGAINST", NULL};
    static const char *const protest[] = {"PROTEST", "PROTESTS", "PROTESTED", "PROTESTING", NULL};
    for (size_t i = 0; s && i < s->ntokens; i++) {
        const char *w = s->tokens[i].upper;
        if (!w) continue;
        if (ent_str_in_list(w, marks)) return 1;
        if (ent_str_in_list(w, protest) && i + 1 < s->ntokens) {
            const char *t = s->tokens[i + 1].tag, *nw = s->tokens[i + 1].upper;
            if (nw && (!strcmp(nw, "AT") || !strcmp(nw, "THE"))) return 1;
            if (!strcmp(t, "PRP$") || !strncmp(t, "JJ", 2) || !strncmp(t, "NN", 2)) return 1;
        }
    }
    return 0;
}

/* Does any actor phrase of the sentence, inside a larger phrase or not, name a country
 * other than cc and skip ("riots against Azerbaijani military policies", where the riots'
 * phrase took the Armenian code)?  A walk over the tokens with the actor dictionaries;
 * *own (may be NULL) tells whether one names cc itself, and then the walk reads the whole
 * sentence.  skip: a country's three letters, or "" none. */
static int countries_named(ent_coder *c, const ent_sentence *s, const char *cc, const char *skip, int *own) {
    size_t n = s->ntokens;
    const char *small[64];
    const char **w = n > 64 ? ent_xcalloc(n, sizeof *w) : small;
    for (size_t i = 0; i < n; i++) w[i] = s->tokens[i].upper ? s->tokens[i].upper : "";
    int other = 0;
    if (own) *own = 0;
    for (size_t i = 0; i < n && (!other || own); i++) {
        const char *code = NULL;
        size_t len = ent_dict_actor_match(c->d, w, n, i, c->date, NULL, &code);
        if (!len) continue;
        if (code && strlen(code) >= 3) {
            char k[4] = {code[0], code[1], code[2], 0};
            if (ent_enrich_country_code(k)) {
                if (!strcmp(k, cc)) {
                    if (own) *own = 1;
                } else if (strcmp(k, skip)) other = 1;
            }
        }
        i += len - 1;
    }
    if (w != small) free(w);
    return other;
}

static int names_other_country(ent_coder *c, const ent_sentence *s, const char *cc) {
    return countries_named(c, s, cc, "", NULL);
}

int ent_cd_dateline_abroad(ent_coder *c, const ent_sentence *s, const char *cc, const char *facing) {
    if (!s || !cc[0]) return 0;
    int own = 0;
    char pc[4], skip[4] = "";
    if (facing && strlen(facing) >= 3) {
        memcpy(skip, facing, 3);
        skip[3] = 0;
        if (!ent_enrich_country_code(skip)) skip[0] = 0;
    }
    int other = countries_named(c, s, cc, skip, &own);
    if (!other && ent_enrich_place_country(c->d, s, c->date, pc)) other = strcmp(pc, cc) && strcmp(pc, skip);
    /* the story's countries count only when the sentence names none, not even facing's */
    return !own && (other || (!skip[0] && c->dateline_abroad));
}

/* clauses option: the target of an act inside one country.  When the sentence's events
 * name one country only (and no place names another), and the source is of it:
 * - a target that names people without a country (---CVL "hundreds of people", ---REB,
 *   ---MED, ---EDUOPP) of an act of authority (CAMEO roots 08, 17: a release, an arrest,
 *   a ban), of mass violence (20) or of force (18, 19) by the police or by no one named
 *   takes that country: a state arrests, frees or kills those in its reach ("French
 *   police arrested 700 people": FRACVL).  Words of a government toward unnamed rebels
 *   (11x, 12x) may be about foreign ones, an army's strikes may be abroad: unchanged;
 * - a curfew, a state of emergency, martial law (1723, 1724) and threats of them (1323,
 *   1324) without a target are imposed on the country itself (KOR);
 * - a protest (14x) without a target that names its grievance ("against the pension
 *   reform", "to protest his detention": protest_has_grievance) is aimed at the
 *   country's government (FRAGOV); a march without one is left alone.
 * Events [from, count) of out. */
static void domestic_targets(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from) {
    size_t n = ent_events_count(out);
    int any = 0;   /* a target that may change, before the events' countries are read */
    for (size_t i = from; i < n && !any; i++) {
        const ent_event *e = ent_events_get(out, i);
        any = !strncmp(e->target, "---", 3) && strncmp(e->source, "---", 3);
    }
    char one[4], pc[4];
    if (!any || !events_one_country(out, from, one)) return;
    static const char *const declared[] = {"1723", "1724", "1323", "1324", NULL};
    /* roles of people (not ships and firms, ---BUS, nor refugees and migrants, ---REF,
     * who are often foreign to where they are) */
    static const char *const people[] = {"CVL", "REB", "OPP", "MED", "EDU", "LAB", "HLH", "REL", "HRI",
                                         "CRM", "PTY", "GOV", "MIL", "COP", "JUD", "LEG", NULL};
    int grievance = -1, other = -1;
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        if (strncmp(e->source, one, 3)) continue;
        const char *r = e->root ? e->root : "";
        char t[16];
        t[0] = 0;
        char role[4] = {0};
        if (!strncmp(e->target, "---", 3) && strlen(e->target) >= 6) memcpy(role, e->target + 3, 3);
        if (role[0] && strlen(e->target) < 12 && ent_str_in_list(role, people) && !ent_enrich_foreign_text(e->target_text)) {
            /* force (18, 19) by the police, or by no one named (the source is the place's
             * country); an army's strikes are as often abroad ("Israeli air strikes
             * killed 20 civilians") */
            int force = !strcmp(r, "18") || !strcmp(r, "19");
            if (!strcmp(r, "08") || !strcmp(r, "17") || !strcmp(r, "20") ||
                (force && ((strlen(e->source) == 6 && !strcmp(e->source + 3, "COP")) || !*e->source_text)))
                snprintf(t, sizeof t, "%s%s", one, e->target + 3);
        } else if (!strcmp(e->target, "---")) {
            if (ent_str_in_list(e->code, declared)) snprintf(t, sizeof t, "%s", one);
            else if (!strcmp(r, "14")) {
                if (grievance < 0) grievance = protest_has_grievance(s);
                if (grievance) snprintf(t, sizeof t, "%sGOV", one);
            }
        }
        if (!t[0] || (!strcmp(t, e->source) && !ent_str_in_list(e->code, declared))) continue;
        if (other < 0)   /* read once, and only for an event that would change: they cost a scan */
            other = (ent_enrich_place_country(c->d, s, c->date, pc) && strcmp(pc, one)) || names_other_country(c, s, one);
        if (other) return;
        if (TRACING(c)) ent_cd_trace(c, "domestic target: %s %s %s is %s (the sentence's one country)", e->source, e->code, e->target, t);
        if (!strcmp(e->target, "---")) {   /* inferred, not a phrase's: no words stand for it */
            e->target_text = ent_events_str(out, "");
            e->target_span = (ent_span){0, 0};
        }
        e->target = ent_events_str(out, t);
    }
}

/* Is an event side's text the source's own means rather than someone acted on: a
 * phrase opening with a possessive pronoun ("ITS TROOPS", "THEIR FORCES"), or one whose
 * last word is a common noun of no actor or agent ("A MILITARY OFFENSIVE", "A MILITARY
 * RESPONSE", where MILITARY gave the code; not "WARSHIPS")?  "HIS TROOPS" is left out: a leader praising or visiting
 * "his troops" acts toward them. */
static int own_means(const ent_coder *c, const char *text) {
    if (!text || !*text) return 0;
    if (!strncmp(text, "ITS ", 4) || !strncmp(text, "THEIR ", 6)) return 1;
    if (!side_ends_in_common_noun(c, text)) return 0;
    const char *last = strrchr(text, ' ');
    last = last ? last + 1 : text;
    const char *w[1] = {last};
    return !ent_dict_actor_match(c->d, w, 1, 0, c->date, NULL, NULL) && !ent_dict_agent_match(c->d, w, 1, 0, NULL);
}

/* The first NE among items [lo, hi) whose first word is at token min_tok or after, coded
 * as one actor of a country other than the source's (its first three letters differ);
 * its code (the item's, arena-owned) and *at its item, or NULL.  The target the passes
 * below turn an event toward. */
static const char *first_other_actor(ent_coder *c, size_t lo, size_t hi, int32_t min_tok, const char *source,
                                     size_t *at) {
    const cvec *items = &c->z.items;
    for (size_t k = lo; k < hi && k + 1 < items->n; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind != K_OPEN || x->lab != L_NE || x->mate <= (int32_t)k) continue;
        int32_t tok = items->v[k + 1].tok;
        if (tok < 0 || tok < min_tok) continue;
        const char *code = ent_cd_item_code(c, k);
        if (strlen(code) >= 3 && strncmp(code, "---", 3) && strncmp(code, source, 3) && !strchr(code, '/')) {
            *at = k;
            return code;
        }
    }
    return NULL;
}

/* Is the NE at item k only where an act happened: the object of a phrase of place (IN,
 * AT, NEAR, ON, OFF) that follows a verb ("were fighting in Congo") or a noun that names an
 * act ("the attack in Kosovo": ent_event_noun_verb), not one on a thing or people acted on
 * ("shelled villages in Donetsk")? */
static int place_phrase(const ent_coder *c, size_t k) {
    static const char *const where[] = {"IN", "AT", "NEAR", "ON", "OFF", NULL};
    const cvec *items = &c->z.items;
    if (!(k >= 3 && items->v[k - 1].kind == K_WORD && items->v[k - 1].w && ent_str_in_list(items->v[k - 1].w, where) &&
          items->v[k - 2].kind == K_OPEN && items->v[k - 2].lab == L_PP))
        return 0;
    size_t q = k - 3;   /* the word before the phrase, past the closes of what it ends */
    while (q > 0 && items->v[q].kind == K_CLOSE) q--;
    if (items->v[q].kind != K_WORD || !items->v[q].w) return 0;
    return !strncmp(item_tag(c, q), "VB", 2) || ent_event_noun_verb(items->v[q].w) != NULL;
}

/* Event e turned toward the NE at item k: its code, words and offsets become the target. */
static void retarget(ent_coder *c, ent_events *out, ent_event *e, const char *code, size_t k) {
    e->target = ent_events_str(out, code);
    e->target_text = ent_events_str(out, ent_cd_item_text(c, k));
    e->target_span = ent_cd_item_span(c, (int32_t)k);
}

/* clauses option: a target that is the source's own forces or means ("Syria offered its
 * troops to Lebanon", "France pulled its troops out of Niger", "Iran threatened a military
 * offensive against Iraq": SYR>SYRMIL, FRA>FRAMIL, IRN>IRNMIL) is what the source acts
 * with, not on: the act is toward the first actor of another country named after it in
 * the sentence (LBN, NER, IRQ), when there is one.  Only acts done with means (CAMEO
 * roots 03 offers, 08 withdrawals, 13 threats, 15 shows of force, 17-20 force), not
 * words or cooperation toward one's own ("Putin praised his troops").  Events [from,
 * count) of out; needs the tokens' offsets. */
static void means_not_target(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from) {
    static const char *const roots[] = {"03", "08", "13", "15", "17", "18", "19", "20", NULL};
    /* a claim or denial of responsibility (015, 016) speaks of the source's own conduct:
     * its own side named in what it admits or denies ("denied that its forces shelled
     * the town", "admitted that its army shot down a plane") is never the target */
    static const char *const responsibility[] = {"015", "016", NULL};
    size_t n = ent_events_count(out);
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        if (strlen(e->source) < 3 || strlen(e->target) < 3 || strncmp(e->source, e->target, 3) ||
            !strncmp(e->source, "---", 3) || !e->target_span.end)
            continue;
        int resp = ent_str_in_list(e->code, responsibility);
        if (!resp && (strlen(e->target) <= 3 || !ent_str_in_list(e->root, roots) || !own_means(c, e->target_text)))
            continue;
        size_t nt = s->ntokens, at = 0;
        while (at < nt && s->tokens[at].span.start < e->target_span.end) at++;   /* after the target */
        /* the first actor phrase after it with a code of another country (the phrases'
         * own rules hold: "the Taiwan Strait" names no TWN) */
        size_t oi = 0;
        const char *other = first_other_actor(c, 0, c->z.items.n, (int32_t)at, e->source, &oi);
        /* what the source denies or admits of its own side happened somewhere: a place
         * where ("was behind the blast in a Peruvian town") is no one it acts toward */
        if (other && resp && place_phrase(c, oi)) {
            if (TRACING(c)) ent_cd_trace(c, "own side: %s is only where it happened", other);
            other = NULL;
        }
        if (!other && resp) {
            if (TRACING(c)) ent_cd_trace(c, "own side: %s %s %s is no target", e->source, e->code, e->target);
            e->target = ent_events_str(out, "---");
            e->target_text = ent_events_str(out, "");
            e->target_span = (ent_span){0, 0};
        }
        if (!other) continue;
        if (TRACING(c))
            ent_cd_trace(c, "own %s: %s %s %s (\"%s\"); toward %s", resp ? "side" : "means", e->source, e->code,
                         e->target, e->target_text, other);
        retarget(c, out, e, other, oi);
    }
}

/* clauses option: a target that names no country, followed by a phrase FOR, TO, OVER or
 * AGAINST (directly or after a participle: "linked to", "tied to") whose NE is a
 * possessive ("Russia's aggression", "Iran's nuclear programme"), is aimed at the
 * possessor: "called for a tribunal for Russia's aggression", "sanctioned firms linked
 * to Iran's drone programme" target RUS, IRN.  Not when the possessor is of the source's
 * country, nor when the phrase is no possessive ("a tribunal for war crimes") unless a
 * participle of affiliation introduces it ("ships linked to Israel": ISR).  Runs
 * before the domestic passes (which would give the role the story's country).  Events
 * [from, count) of out; needs the tokens' offsets. */
static const char *const AFFILIATION_PARTICIPLE[] = {"LINKED", "TIED", "CONNECTED", "AFFILIATED", "ALLIED", NULL};

/* Does item k open a verb phrase whose first word is a participle (VBN, or VBD as the
 * tagger may read it)?  *tie is set when it is one of affiliation ("linked", "affiliated"). */
static int participle_vp(const ent_coder *c, size_t k, int *tie) {
    const cvec *items = &c->z.items;
    if (!(k + 1 < items->n && items->v[k].kind == K_OPEN && items->v[k].lab == L_VP && items->v[k + 1].kind == K_WORD &&
          (!strcmp(item_tag(c, k + 1), "VBN") || !strcmp(item_tag(c, k + 1), "VBD"))))
        return 0;
    *tie = ent_str_in_list(items->v[k + 1].w, AFFILIATION_PARTICIPLE);
    return 1;
}

static void possessor_target(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from) {
    static const char *const preps[] = {"FOR", "TO", "OVER", "AGAINST", NULL};
    const cvec *items = &c->z.items;
    size_t n = ent_events_count(out);
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        if (strncmp(e->target, "---", 3) || !e->target_span.end || strchr(e->target, '/')) continue;
        /* the target's NE, then what follows it */
        size_t t = items->n;
        for (size_t k = 0; k < items->n; k++) {
            const coder_item *x = &items->v[k];
            if (x->kind != K_OPEN || x->lab != L_NE || x->mate <= (int32_t)k) continue;
            ent_span sp = ent_cd_item_span(c, (int32_t)k);
            if (sp.start == e->target_span.start && sp.end == e->target_span.end) { t = k; break; }
        }
        if (t == items->n) continue;
        size_t k = (size_t)items->v[t].mate + 1;
        while (k < items->n && items->v[k].kind == K_CLOSE) k++;
        int tie = 0;   /* a participle of affiliation: "ships linked to Israel" are Israel's */
        if (participle_vp(c, k, &tie)) k += 2;   /* "linked", "tied" */
        if (k < items->n && items->v[k].kind == K_OPEN && items->v[k].lab == L_PP) k++;
        if (k + 1 >= items->n || items->v[k].kind != K_WORD || !ent_str_in_list(items->v[k].w, preps)) continue;
        k++;
        const coder_item *ne = &items->v[k];
        if (ne->kind != K_OPEN || ne->lab != L_NE || ne->mate <= (int32_t)k) continue;
        ent_span sp = ent_cd_item_span(c, (int32_t)k);
        int poss = 0;
        for (size_t q = 0; q < s->ntokens && !poss; q++)
            if (s->tokens[q].span.start >= sp.start && s->tokens[q].span.end <= sp.end &&
                !strcmp(s->tokens[q].tag, "POS"))
                poss = 1;
        if (!poss && !tie) continue;
        const char *code = ent_cd_item_code(c, k);
        char cc[4] = {0};
        if (strlen(code) < 3 || strchr(code, '/')) continue;
        memcpy(cc, code, 3);
        if (!ent_enrich_country_code(cc) || !strncmp(cc, e->source, 3)) continue;
        if (TRACING(c))
            ent_cd_trace(c, "possessor: %s %s %s (\"%s\") names no country; aimed at %s, the owner named after it", e->source,
                  e->code, e->target, e->target_text, code);
        retarget(c, out, e, code, k);
    }
}

/* clauses option: a reaction without a target is aimed at the one whose act prompted it,
 * named in a clause of time, cause or condition after the verb ("Iran vowed revenge
 * after an Israeli strike killed ...", "Armenia mobilised reservists as fighting with
 * Azerbaijan flared", "China threatened countermeasures if the United States raised
 * tariffs"): the first actor phrase of another country in that clause (an SBAR opening
 * with AFTER, AS, IF, UNLESS, WHEN or FOLLOWING) is the target, as an actor in a phrase
 * after AFTER already is ("after the Hamas attack").  Only for acts of conflict (CAMEO
 * roots 11-20); a statement, an appeal or cooperation after an event is no answer to it.
 * Events [from, count) of out; needs the tokens' offsets. */
static void reaction_target(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from) {
    static const char *const roots[] = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "20", NULL};
    static const char *const subord[] = {"AFTER", "AS", "IF", "UNLESS", "WHEN", "FOLLOWING", NULL};
    const cvec *items = &c->z.items;
    size_t n = ent_events_count(out);
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        if (strcmp(e->target, "---") || strlen(e->source) < 3 || !strncmp(e->source, "---", 3) ||
            !ent_str_in_list(e->root, roots) || !e->verb_span.end)
            continue;
        const char *other = NULL;
        size_t oi = 0;
        for (size_t k = 0; k + 1 < items->n && !other; k++) {
            const coder_item *x = &items->v[k];
            if (x->kind != K_OPEN || x->lab != L_SBAR || x->mate <= (int32_t)k) continue;
            const coder_item *w = &items->v[k + 1];
            if (w->kind != K_WORD || !w->w || !ent_str_in_list(w->w, subord) || w->tok < 0 ||
                (size_t)w->tok >= s->ntokens || s->tokens[w->tok].span.start < e->verb_span.end)
                continue;
            other = first_other_actor(c, k + 1, (size_t)x->mate, 0, e->source, &oi);
            k = (size_t)x->mate;   /* the first such clause only */
            if (!other) break;
        }
        if (!other) continue;
        if (TRACING(c)) ent_cd_trace(c, "reaction: %s %s has no target; %s, named in the clause after it, prompted it", e->source, e->code, other);
        retarget(c, out, e, other, oi);
    }
}

/* The country code of one word ("SWEDISH", "IRAN"), or NULL. */
static const char *word_country(ent_coder *c, const char *w) {
    const char *code = NULL, *ws[1] = {w};
    if (ent_dict_actor_match(c->d, ws, 1, 0, c->date, NULL, &code) != 1 || !code || strlen(code) != 3 ||
        !ent_enrich_country_code(code))
        return NULL;
    return code;
}

/* clauses option: a dual national acted on by one of their two states ("Iran executed a
 * Swedish-Iranian national", "Russia jailed a Russian-American woman", "a German-Turkish
 * journalist": the phrase has no country of its own, "---" or "---MED") is the other
 * state's national: the target is that country with the phrase's role (SWE, USA, DEUMED),
 * as the story is news for the relations between the two.  Runs before the passes that
 * give a countryless target the sentence's or the story's country.  The phrase holds a word "A-B"
 * whose two parts are each a country's name or demonym, one of them the source's
 * country.  Events [from, count) of out. */
static void dual_national_target(ent_coder *c, ent_events *out, size_t from) {
    size_t n = ent_events_count(out);
    for (size_t i = from; i < n; i++) {
        ent_event *e = (ent_event *)ent_events_get(out, i);
        if (strncmp(e->target, "---", 3) || strlen(e->target) > 9 || !e->target_text || !strchr(e->target_text, '-') ||
            strlen(e->source) < 3)
            continue;
        const char *p = e->target_text, *other = NULL;
        while (*p && !other) {
            size_t len = strcspn(p, " ");
            const char *h = memchr(p, '-', len);
            char a[48], b[48];
            if (h && h > p && (size_t)(h - p) < sizeof a && len - (size_t)(h - p) - 1 < sizeof b && h + 1 < p + len &&
                !memchr(h + 1, '-', len - (size_t)(h - p) - 1)) {
                memcpy(a, p, (size_t)(h - p)); a[h - p] = 0;
                memcpy(b, h + 1, len - (size_t)(h - p) - 1); b[len - (size_t)(h - p) - 1] = 0;
                const char *ca = word_country(c, a), *cb = ca ? word_country(c, b) : NULL;
                if (ca && cb && strcmp(ca, cb)) {
                    if (!strncmp(e->source, ca, 3)) other = cb;
                    else if (!strncmp(e->source, cb, 3)) other = ca;
                }
            }
            p += len;
            while (*p == ' ') p++;
        }
        if (!other) continue;
        char t[16];
        snprintf(t, sizeof t, "%s%s", other, e->target + 3);   /* the role kept: "---MED" -> "DEUMED" */
        if (TRACING(c)) ent_cd_trace(c, "dual national: \"%s\" acted on by %s is %s", e->target_text, e->source, t);
        e->target = ent_events_str(out, t);
    }
}

/* May agentless event e take the place's country as its source?  Acts of force (CAMEO
 * roots 18-20) only when the sentence names violence (a weapon, an attack, a perpetrator:
 * harm.c), or names no cause at all and the ones harmed are soldiers or police ("Two
 * soldiers were killed in Kabul"); never for an accident or disaster ("killed when a bus
 * crashed in Peru").  A statement (root 01) never: the place says nothing ("Blinken is
 * expected in Israel", "the deal was hoped for in Doha": nobody's optimism, 013).  Other
 * acts ("a journalist was arrested in Cairo") always may.
 * *harm caches the sentence's cause (-1: not read yet). */
static int harm_by_violence(ent_coder *c, const ent_sentence *sent, const rawev *e, int *harm) {
    const char *k = e->code;
    if (!strncmp(k, "01", 2)) return 0;
    if (strncmp(k, "18", 2) && strncmp(k, "19", 2) && strncmp(k, "20", 2)) return 1;
    if (*harm < 0) {
        size_t n = sent ? sent->ntokens : 0;
        const char *small[64] = {0};
        const char **w = n > 64 ? ent_xcalloc(n, sizeof *w) : small;
        for (size_t i = 0; i < n; i++) w[i] = sent->tokens[i].upper;
        *harm = (int)ent_harm_cause(w, n);
        if (w != small) free(w);
    }
    if (*harm == ENT_HARM_VIOLENCE) return 1;
    if (*harm == ENT_HARM_ACCIDENT) return 0;
    size_t tl = strlen(e->tgt);
    return tl >= 6 && (!strncmp(e->tgt + 3, "MIL", 3) || !strncmp(e->tgt + 3, "COP", 3));
}

/* place_country option: is src a people's role without a country ("protesters" ---OPP,
 * "students" ---EDU, "doctors" ---HLH, "workers" ---LAB, "residents" ---CVL, clergy,
 * business, media, rights groups)?  Such a source acting in a place named right after
 * its verb is of that place's country ("Thousands of protesters marched in London to
 * demand a ceasefire in Gaza": GBROPP, where enrich.c, seeing two countries, gives
 * none; verb_place_country).  Not the state's forces or armed groups, nor refugees
 * (often foreign to where they are): for those only enrich.c's one-place rule holds. */
static int social_role(const char *src) {
    static const char *const roles[] = {"OPP", "EDU", "HLH", "LAB", "CVL", "REL", "BUS", "MED", "HRI", NULL};
    return !strncmp(src, "---", 3) && strlen(src) == 6 && ent_str_in_list(src + 3, roles);
}

/* The country of the place right after the verb token vtok, in a locative phrase that
 * opens straight after it ("marched in London", "rallied outside the parliament in
 * Tbilisi" no: only the first phrase, "protested at Harvard"): cc gets its three letters.
 * Returns 0 when the verb is followed by anything else ("protested against the war in
 * Gaza") or the place has no country. */
static int verb_place_country(ent_coder *c, int32_t vtok, char cc[4]) {
    const cvec *items = &c->z.items;
    static const char *const preps[] = {"IN", "AT", "OUTSIDE", "INSIDE", "ACROSS", "THROUGHOUT", "THROUGH", NULL};
    if (vtok < 0) return 0;
    size_t i = 0;
    while (i < items->n && !(items->v[i].kind == K_WORD && items->v[i].tok == vtok)) i++;
    for (i++; i < items->n && items->v[i].kind != K_WORD; i++) {}
    if (i >= items->n || !items->v[i].w) return 0;
    if (!ent_str_in_list(items->v[i].w, preps)) return 0;
    for (i++; i < items->n && items->v[i].kind == K_OPEN && items->v[i].lab != L_NE; i++)
        if (items->v[i].lab == L_NEC) return 0;   /* "in Yangon and Istanbul": two places */
    if (i >= items->n || items->v[i].kind != K_OPEN || items->v[i].mate < 0) return 0;
    size_t after = (size_t)items->v[i].mate + 1;   /* "in Yangon, Istanbul and ..." */
    while (after < items->n && items->v[after].kind == K_CLOSE) after++;
    if (after < items->n && items->v[after].kind == K_WORD && items->v[after].w &&
        (!strcmp(items->v[after].w, "AND") || !strcmp(items->v[after].w, "OR")))
        return 0;
    const char *code = ent_cd_item_code(c, i);
    if (!ent_enrich_country_code(code)) return 0;
    memcpy(cc, code, 3);
    cc[3] = 0;
    return 1;
}

/* Is the NE whose OPEN is item i an unnamed private person: no proper noun or other
 * capitalized word (past the sentence's first) in it and a head noun (its last word)
 * naming a person ("a man", "two teenagers", "the suspect", "a 23-year-old woman")? Plural
 * heads are tried without -S / -ES and MEN as MAN. */
static int ne_private_person(const ent_coder *c, int32_t i) {
    const cvec *it = &c->z.items;
    if (i < 0 || (size_t)i >= it->n || it->v[i].kind != K_OPEN || it->v[i].mate <= i) return 0;
    const char *head = NULL;
    for (int32_t k = i + 1; k < it->v[i].mate; k++) {
        const coder_item *x = &it->v[k];
        if (x->kind != K_WORD || !x->w) continue;
        if (!strncmp(token_tag(c, x->tok), "NNP", 3) || (x->tok > 0 && tok_cap(&c->sent->tokens[x->tok])))
            return 0;                                /* a name, a nationality ("a Russian-American woman") */
        head = x->w;
    }
    if (!head) return 0;
    if (ent_noun_is_person(head)) return 1;
    char b[64];
    size_t n = strlen(head);
    if (n < 4 || n >= sizeof b || head[n - 1] != 'S') {
        if (n < 3 || n >= sizeof b || strcmp(head + n - 3, "MEN")) return 0;
        memcpy(b, head, n + 1);
        b[n - 2] = 'A';                              /* MEN, WOMEN, POLICEMEN */
        return ent_noun_is_person(b);
    }
    memcpy(b, head, n - 1);
    b[n - 1] = 0;                                    /* SUSPECTS */
    if (ent_noun_is_person(b)) return 1;
    if (n > 4 && b[n - 2] == 'E') { b[n - 2] = 0; return ent_noun_is_person(b); }   /* WITNESSES */
    return 0;
}

/* The item index of the OPEN of the NE straight after the verb token vtok (its object:
 * "arrested [a suspect]"), or -1 when something else follows the verb. */
static int32_t object_after_verb(const ent_coder *c, int32_t vtok) {
    const cvec *it = &c->z.items;
    size_t i = 0;
    if (vtok < 0) return -1;
    while (i < it->n && !(it->v[i].kind == K_WORD && it->v[i].tok == vtok)) i++;
    for (i++; i < it->n && it->v[i].kind == K_OPEN && it->v[i].lab != L_NE; i++)
        if (it->v[i].lab != L_NP) return -1;
    return i < it->n && it->v[i].kind == K_OPEN && it->v[i].lab == L_NE ? (int32_t)i : -1;
}

/* A crime report, not a political event: an arrest, detention, jailing or charge (173) or
 * a verdict (116) by the police or a court (COP, JUD) of someone the sentence neither
 * names nor gives a country or role ("Police arrested a man suspected of stabbing ...", "A
 * court jailed a woman for fraud"). The verb's object is an unnamed private person
 * (ne_private_person) and the event's target is that phrase ("---") or a place of the
 * source's own country that the target search found further on ("German police arrested a
 * suspect after a shooting in Hamburg": DEU). "protesters" (---OPP), "a British
 * journalist" (GBRMED), "members of MASSOB" (a name), a sentence that names another
 * country ("detained a man suspected of spying for Russia"), a person held in another
 * country ("Israeli police detained a man in Hebron": PSE), a capture by a state or its
 * forces ("Pakistan captured a pilot") stay events, and so do other coercions of persons
 * ("banned women from working", 172). */
static int crime_report(ent_coder *c, const rawev *e) {
    if (strcmp(e->code, "173") && strcmp(e->code, "116")) return 0;
    if (strlen(e->src) < 6 || (strcmp(e->src + 3, "COP") && strcmp(e->src + 3, "JUD"))) return 0;
    int priv = !strcmp(e->tgt, "---") ? ne_private_person(c, e->titem)
               : strlen(e->tgt) == 3 && !strncmp(e->src, e->tgt, 3) && ne_private_person(c, object_after_verb(c, e->vtok));
    if (!priv) return 0;
    /* another country named anywhere makes it a matter between states ("detained a man
     * suspected of spying for Russia", "a man who attacked the Israeli embassy") */
    size_t n = c->sent ? c->sent->ntokens : 0;
    const char *small[64];
    const char **w = n > 64 ? ent_xcalloc(n, sizeof *w) : small;
    for (size_t i = 0; i < n; i++) w[i] = c->sent->tokens[i].upper ? c->sent->tokens[i].upper : "";
    /* the source's country, or (police named without one) the first the sentence names,
     * where they act: "Police arrested ... in Sydney" */
    char own[4] = {0};
    if (strncmp(e->src, "---", 3)) memcpy(own, e->src, 3);
    int foreign = 0;
    for (size_t i = 0; i < n && !foreign; i++) {
        const char *code = NULL;
        size_t len = ent_dict_actor_match(c->d, w, n, i, c->date, NULL, &code);
        char cc[4] = {0};
        if (!len || !code || strlen(code) < 3) continue;
        memcpy(cc, code, 3);
        i += len - 1;
        if (!ent_enrich_country_code(cc)) continue;
        if (!own[0]) memcpy(own, cc, 4);
        else foreign = strcmp(cc, own) != 0;
    }
    if (w != small) free(w);
    return !foreign;
}

/* Is the source of e a state itself: its government ("the Japanese foreign ministry",
 * "Pakistan's government": a GOV role) or a country by its name ("China", "Beijing", "the
 * Philippines": the code is a bare country and the phrase ends in an NNP), not its people
 * ("Thousands of Serbians": a plural or number in the phrase; "Israelis": a name ending
 * in S without THE before it; "Kenyan students", "farmers in Paris": roles)? */
static int source_is_state(ent_coder *c, const rawev *e) {
    size_t n = strlen(e->src);
    if (n < 3 || !strncmp(e->src, "---", 3) || strchr(e->src, '/')) return 0;
    if (n >= 6 && !strcmp(e->src + 3, "GOV")) return 1;
    if (n != 3 || e->sitem < 0 || (size_t)e->sitem >= c->z.items.n) return 0;
    const cvec *it = &c->z.items;
    const coder_item *x = &it->v[e->sitem], *first = NULL, *head = NULL;
    if (x->kind != K_OPEN || x->mate <= e->sitem) return 0;
    for (int32_t k = e->sitem + 1; k < x->mate; k++) {
        const coder_item *y = &it->v[k];
        if (y->kind != K_WORD || !y->w) continue;
        const char *t = token_tag(c, y->tok);
        if (!strcmp(t, "CD") || !strcmp(t, "NNS") || !strcmp(t, "NNPS")) return 0;
        if (!first) first = y;
        head = y;
    }
    if (!head || strcmp(token_tag(c, head->tok), "NNP")) return 0;
    size_t hl = strlen(head->w);
    return head->w[hl - 1] != 'S' || !strcmp(first->w, "THE");
}

/* "His Saudi counterpart": one who holds the other side's office in another country.  An
 * actor named only as a counterpart, coded with a bare country, takes the role of the
 * actor on the other side of the event: "The French defence minister (FRAGOV) met his
 * German counterpart" DEUGOV, "Egypt's army chief (EGYMIL) met his Israeli counterpart"
 * ISRMIL.  *side is the counterpart's code, other the other side's; rewritten in the
 * arena when it applies. */
static void counterpart_role(ent_coder *c, const char **side, int32_t item, const char *other) {
    const coder_item *h = ne_head(c, item);
    if (!h || (strcmp(h->w, "COUNTERPART") && strcmp(h->w, "COUNTERPARTS"))) return;
    if (strlen(*side) != 3 || !strncmp(*side, "---", 3) || strlen(other) < 6 || strchr(other, '/')) return;
    char t[32];
    if (snprintf(t, sizeof t, "%s%s", *side, other + 3) >= (int)sizeof t) return;
    if (TRACING(c)) ent_cd_trace(c, "counterpart %s takes the role of %s: %s", *side, other, t);
    *side = ent_arena_strdup(&c->arena, t);
}

/* A person named with a title of state and no country ("President Jorge Mendes": ---GOV,
 * ---LEG, ---JUD) on one side of an event whose other side is a group inside one country
 * that is not that state's face abroad (its opposition, parties, people, workers,
 * students, rebels, courts, police: "accused the Angolan rebels", AGOREB) holds office in
 * that country (AGOGOV): news names a home official without the country, a foreign one
 * with it.  Not for acts of force (roots 18-20), which cross borders as often, nor
 * against a country named alone ("criticised China": often a foreign one's).  Failing
 * that, such a person (---MIL and ---COP too) takes the country of the story's dateline
 * while the story has named no other (coder.c ent_cd_dateline_home: "LONDON - Russian
 * forces shelled Kharkiv. Defence Minister X ..." is no British minister), when the
 * other side is not of that country, nor, in the story's first evidence, a sentence
 * about another country only (ent_cd_dateline_abroad: "WASHINGTON - Foreign Minister X
 * accused Bolivia ..." is filed by a bureau abroad, and the minister's country unsaid). */
static void home_of_titled_person(ent_coder *c, rawev *e) {
    static const char *const state[] = {"GOV", "LEG", "JUD", NULL};
    static const char *const dated[] = {"GOV", "LEG", "JUD", "MIL", "COP", NULL};
    static const char *const home[] = {"OPP", "PTY", "CVL", "LAB", "EDU", "REB", "JUD", "COP", NULL};
    if (!e->code) return;
    int force = (e->code[0] == '1' && e->code[1] >= '8') || e->code[0] == '2';
    for (int side = 0; side < 2; side++) {
        const char **self = side ? &e->tgt : &e->src, *other = side ? e->src : e->tgt;
        int32_t item = side ? e->titem : e->sitem;
        if (strlen(*self) != 6 || strncmp(*self, "---", 3) || !ent_str_in_list(*self + 3, dated)) continue;
        char cc[4] = {other[0], other[1], other[2], 0};
        int inside = !force && ent_str_in_list(*self + 3, state) && strlen(other) == 6 && ent_enrich_country_code(cc) &&
                     ent_str_in_list(other + 3, home);
        /* else the story's dateline while the story named no other country, as for its
         * later mentions (coder.c home_role), when the other side is not of that country */
        const char *dl = ent_cd_dateline_home(c, c->story_cc, c->story_cc_mixed);
        /* nor for the target of sanctions by a side that takes the dateline's country too
         * (sanctions_abroad: "LONDON - The government imposed sanctions on General X") */
        int sanctioned = side == 1 && sanctions_abroad(e->code) && !strncmp(other, "---", 3);
        if (!inside && dl[0] && strncmp(other, dl, 3) && !sanctioned &&
            !(!c->story_cc[0] && ent_cd_dateline_abroad(c, c->sent, dl, other))) {
            memcpy(cc, dl, 4);
            inside = 1;
        } else if (!inside) continue;
        if (!ent_cd_titled_person(c, item)) continue;
        char t[8];
        snprintf(t, sizeof t, "%s%s", cc, *self + 3);
        if (TRACING(c)) ent_cd_trace(c, "titled person %s is %s (%s)", *self, t,
                                     strcmp(cc, c->dateline_cc) ? "the other side is a group inside the country" : "the dateline's country");
        *self = ent_arena_strdup(&c->arena, t);
    }
}

/* Does the noun w name an act of force or coercion (CAMEO roots 17-20), by the code of
 * the verb it derives from: an event noun ("ARREST", "EXECUTION": nominal.c) or a gerund
 * that is itself a form of a dictionary verb ("KILLING", "JAILING")? */
static int coercive_act_noun(const ent_coder *c, const char *w) {
    const char *v = ent_event_noun_verb(w);
    size_t n = strlen(w);
    if (!v && n > 5 && !strcmp(w + n - 3, "ING")) v = w;
    if (!v) return 0;
    for (const ent_verb_form *f = ent_dict_verb_forms(c->d, v); f; f = f->next) {
        if (f->nbefore || f->nafter || !f->verb || !f->verb->code) continue;
        const char *k = f->verb->code;
        return (k[0] == '1' && k[1] >= '7') || (k[0] == '2' && k[1] == '0');
    }
    return 0;
}

/* The one who did the act a disapproval names: "condemned the arrest of an American
 * journalist in Russia" is aimed at Russia, not at the journalist; "the killing of
 * protesters by security forces" at the forces.  For an event of root 11 whose target
 * phrase is "(the) NOUN OF ..." with NOUN an act of force or coercion
 * (coercive_act_noun), the target becomes the code of a BY phrase right after the
 * phrase, else the country of an IN phrase there.  The act's phrase is the target's, or
 * the verb's object when no target was found ("Britain condemned the detention of two
 * British nationals in Iran": the nationals are Britain's own, so no target).  "condemned the visit of ..." (no
 * coercion), "Russia's arrest of ..." (the possessor is the target already) and an act
 * with no BY or IN phrase after it are left alone. */
static void doer_of_act(ent_coder *c, rawev *e) {
    const cvec *it = &c->z.items;
    if (strncmp(e->code, "11", 2)) return;
    int32_t ti = e->titem;
    if (ti < 0 && !strcmp(e->tgt, "---")) ti = object_after_verb(c, e->vtok);   /* of the source's own */
    if (ti < 0 || (size_t)ti >= it->n) return;
    const coder_item *x = &it->v[ti];
    if (x->kind != K_OPEN || x->mate <= ti) return;
    size_t k = (size_t)ti + 1, end = (size_t)x->mate;
    while (k < end && it->v[k].kind != K_WORD) k++;
    static const char *const articles[] = {"THE", "A", "AN", NULL};
    if (k < end && it->v[k].w && ent_str_in_list(it->v[k].w, articles))
        for (k++; k < end && it->v[k].kind != K_WORD; k++) {}
    if (k >= end || !it->v[k].w || !coercive_act_noun(c, it->v[k].w)) return;
    size_t q = k + 1;
    while (q < end && it->v[q].kind != K_WORD) q++;
    if (q >= end || !it->v[q].w || strcmp(it->v[q].w, "OF")) return;
    size_t m = end + 1;                       /* after the phrase: (PP BY|IN (NE ... */
    while (m < it->n && it->v[m].kind == K_CLOSE) m++;
    if (m + 2 >= it->n || it->v[m].kind != K_OPEN || it->v[m].lab != L_PP || it->v[m + 1].kind != K_WORD ||
        !it->v[m + 1].w || it->v[m + 2].kind != K_OPEN || it->v[m + 2].lab != L_NE)
        return;
    int by = !strcmp(it->v[m + 1].w, "BY");
    if (!by && strcmp(it->v[m + 1].w, "IN")) return;
    const char *code = ent_cd_item_code(c, m + 2);
    char cc[4] = {0};
    if (code_is_null(code) || strchr(code, '/') || strlen(code) < 3) return;
    memcpy(cc, code, 3);
    if (!by && !ent_enrich_country_code(cc)) return;
    const char *t = by ? code : ent_arena_strdup(&c->arena, cc);
    if (!strcmp(t, e->src)) return;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: the act's doer %s (%s phrase)", e->src, e->tgt, e->code, t, by ? "BY" : "IN");
    e->tgt = t;
    e->titem = (int32_t)(m + 2);
}

/* Is the NE whose OPEN is item i "(the) NOUN OF ..." with NOUN an event noun (nominal.c:
 * "the release of American detainees", "the arrest of a journalist"), whose actor is the
 * one acted on, not the doer? */
static int act_of(const ent_coder *c, int32_t i) {
    const cvec *it = &c->z.items;
    size_t k = (size_t)i + 1, end = (size_t)it->v[i].mate;
    while (k < end && it->v[k].kind != K_WORD) k++;
    if (k < end && it->v[k].w && (!strcmp(it->v[k].w, "THE") || !strcmp(it->v[k].w, "A") || !strcmp(it->v[k].w, "AN"))) k++;
    if (k + 1 >= end || it->v[k].kind != K_WORD || !it->v[k].w || !ent_event_noun_verb(it->v[k].w)) return 0;
    return it->v[k + 1].kind == K_WORD && it->v[k + 1].w && !strcmp(it->v[k + 1].w, "OF");
}

/* The doer named by BY of the thing a disapproval or rejection is about: "China condemned
 * the visit to Taiwan by U.S. House Speaker Nancy Pelosi" is aimed at the Speaker (USALEG),
 * not at Taiwan; "Moscow rejected the price cap on Russian oil imposed by Western
 * countries" at the West; "Iran condemned the attack on its embassy by Israeli jets" at
 * Israel; "Washington welcomed the release of American detainees by Iran" praises Iran.
 * For an event of root 11 or 12, or praise (051), whose verb has an object phrase naming
 * no actor (a thing or an act: "the visit", "the price cap") or only the one an act is
 * done to ("the release of American detainees": act_of), and whose target is that
 * phrase, a phrase after it or none, the target becomes the code of the first BY phrase reached
 * from the object over prepositional phrases ("to Taiwan", "on Russian oil"), noun
 * phrases ("a stab in the back by Turkey") and a participle ("imposed by", "carried out
 * by"), when that code has an actor other than the source.  The walk stops at anything
 * else: a finite verb, a conjunction, a clause, a comma ("condemned the visit and praised
 * the speech by ..."), and at WITH, which names the addressee ("lodged a protest with
 * Russia over a visit by Medvedev" stays RUS).  An object that names an actor
 * ("condemned Taiwan's president, elected by ...") and a BY phrase with no actor ("by
 * drones", "by the end of the year") leave the event alone.  Runs after doer_of_act,
 * which aims an act of force named with OF at its doer. */
static void agent_of_object(ent_coder *c, rawev *e) {
    const cvec *it = &c->z.items;
    if (strncmp(e->code, "11", 2) && strncmp(e->code, "12", 2) && strcmp(e->code, "051")) return;
    int32_t ob = object_after_verb(c, e->vtok);
    if (ob < 0 || (e->titem >= 0 && e->titem < ob) ||
        (code_has_actor(ent_cd_item_code(c, (size_t)ob)) && !act_of(c, ob)))
        return;
    size_t k = (size_t)it->v[ob].mate + 1;
    while (k < it->n) {
        const coder_item *x = &it->v[k];
        if (x->kind == K_CLOSE) { k++; continue; }
        if (x->kind == K_WORD) {
            if (!x->vbn) return;                          /* "imposed", "carried" (out) */
            k++;
            if (k < it->n && it->v[k].kind == K_WORD && it->v[k].w && !strcmp(it->v[k].w, "OUT")) k++;
            continue;
        }
        if (x->lab == L_NE) { k = (size_t)x->mate + 1; continue; }
        if (x->lab == L_NP) { k++; continue; }
        if (x->lab == L_VP) {                             /* a participle's phrase only */
            if (k + 1 >= it->n || it->v[k + 1].kind != K_WORD || !it->v[k + 1].vbn) return;
            k++;
            continue;
        }
        if (x->lab != L_PP || k + 2 >= it->n || it->v[k + 1].kind != K_WORD || !it->v[k + 1].w) return;
        if (!strcmp(it->v[k + 1].w, "WITH")) return;     /* the addressee: "lodged a protest with Russia over ..." */
        if (strcmp(it->v[k + 1].w, "BY")) { k += 2; continue; }
        if (it->v[k + 2].kind != K_OPEN || it->v[k + 2].lab != L_NE) return;
        const char *t = ent_cd_item_code(c, k + 2);
        if (!code_has_actor(t) || strchr(t, '/') || !strcmp(t, e->src) || !strcmp(t, e->tgt)) return;
        if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: the doer of its object, %s (BY phrase)", e->src, e->tgt, e->code, t);
        e->tgt = t;
        e->titem = (int32_t)(k + 2);
        return;
    }
}

/* The item of the word before item i, skipping phrase openings and closings; -1 none. */
static int32_t word_before(const cvec *it, int32_t i) {
    for (i--; i >= 0; i--)
        if (it->v[i].kind == K_WORD) return i;
    return -1;
}

/* Welcoming a leader is hosting a visit (043), welcoming an act is praise (051): "Macron
 * welcomed Zelensky to Paris", "Putin gave a warm welcome to the Chinese president"
 * against "China welcomed the ceasefire", "welcomed Japan's decision".  For a 051 event
 * whose target phrase is WELCOME's own object (right after the verb WELCOMED, or after
 * "welcome to", a day or adverb allowed between: "a warm welcome on Monday to"), is headed by a name or a person noun (no possessive, no OF: "the release of
 * a German citizen" is an act) and has a country, the code becomes 043.  Returns the code e should carry. */
static const char *welcome_as_host(ent_coder *c, const rawev *e) {
    const cvec *it = &c->z.items;
    if (strcmp(e->code, "051") || e->titem < 0 || (size_t)e->titem >= it->n || !code_has_actor(e->tgt) ||
        !ent_enrich_country_code((char[4]){e->tgt[0], e->tgt[1], e->tgt[2], 0}))
        return e->code;
    int32_t p = word_before(it, e->titem);
    if (p < 0 || !it->v[p].w) return e->code;
    if (!strcmp(it->v[p].w, "TO")) {   /* "a warm welcome to", "a welcome on Thursday to" */
        p = word_before(it, p);
        for (int k = 0; k < 3 && p >= 0 && it->v[p].w && loose_skip(&it->v[p]); k++) {
            p = word_before(it, p);
            if (p >= 0 && it->v[p].w && !strcmp(it->v[p].w, "ON")) p = word_before(it, p);
        }
    } else if (it->v[p].tok != e->vtok) return e->code;        /* "welcomed [Zelensky]" */
    if (p < 0 || !it->v[p].w || strncmp(it->v[p].w, "WELCOM", 6)) return e->code;
    const coder_item *h = ne_head(c, e->titem);
    if (!h || (strncmp(token_tag(c, h->tok), "NNP", 3) && !ent_noun_is_person(h->w))) return e->code;
    for (int32_t k = e->titem + 1; k < it->v[e->titem].mate; k++)   /* "Japan's decision", "the release of a citizen" */
        if (it->v[k].kind == K_WORD && (!strcmp(token_tag(c, it->v[k].tok), "POS") || (it->v[k].w && !strcmp(it->v[k].w, "OF"))))
            return e->code;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s 051: welcoming a leader is hosting a visit (043)", e->src, e->tgt);
    return "043";
}

/* A state that protests complains officially (114), it does not demonstrate (141 and its
 * 1411-1414): "China protested the arms sale", "Japan's foreign ministry protested the
 * missile launch".  Only the verb PROTEST: "Arnor took to the streets" speaks of its
 * people.  People protesting ("Thousands of Israelis", "Kenyan students") keep
 * 141 (source_is_state).  Returns the code e should carry. */
static const char *state_protest(ent_coder *c, const rawev *e) {
    if (strncmp(e->code, "141", 3) || e->vtok < 0 || !c->sent || (size_t)e->vtok >= c->sent->ntokens ||
        strncmp(c->sent->tokens[e->vtok].upper, "PROTEST", 7) || !source_is_state(c, e))
        return e->code;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: a state protests officially (114)", e->src, e->tgt, e->code);
    return "114";
}


/* Two verbs that share one object: "Russian soldiers beat and tortured Ukrainian
 * civilians", "China condemned and rejected the Japanese statement", "Kenya arrested and
 * deported two Somali journalists".  The parse gives the object to the second verb
 * only; an event of the first, with no target phrase of its own, takes the second's: the
 * target of the raw event of the second verb with the same source when it is that verb's
 * direct object, or else the first actor phrase after the second verb (over the phrases that open there: "tortured
 * [Ukrainian civilians held ...]", which codes nothing of its own).  The first verb must
 * be followed by AND or OR and the second verb (an adverb between allowed: "and later
 * released").  "V1 X and V2 Y" (the first has its object) and "V1 and V2" with no
 * object are left alone. */
static void shared_object(ent_coder *c, const ent_sentence *sent, rawev *e) {
    if (strcmp(e->tgt, "---") || e->titem >= 0 || e->vtok < 0 || !sent) return;
    /* acts of assembly and posture take no object: "Protesters marched and clashed with
     * police", "Serbs rallied and denounced ..." (14x, 15x, 053) */
    if (!strncmp(e->code, "14", 2) || !strncmp(e->code, "15", 2) || !strcmp(e->code, "053")) return;
    size_t v = (size_t)e->vtok, n = sent->ntokens;
    if (v + 2 >= n || sent->tokens[v].tag[0] != 'V' || !sent->tokens[v + 1].upper ||
        (strcmp(sent->tokens[v + 1].upper, "AND") && strcmp(sent->tokens[v + 1].upper, "OR")))
        return;
    size_t v2 = v + 2;
    if (sent->tokens[v2].tag[0] == 'R' && v2 + 1 < n) v2++;
    if (strncmp(sent->tokens[v2].tag, "VB", 2)) return;
    const char *t = NULL;
    int32_t ti = -1;
    for (size_t i = 0; i < c->nev && !t; i++) {
        const rawev *f = &c->ev[i];
        if (f != e && f->vtok == (int32_t)v2 && !strcmp(f->src, e->src) && f->titem >= 0 && code_has_actor(f->tgt) &&
            f->titem == object_after_verb(c, f->vtok))   /* its direct object, not "clashed with police" */
            t = f->tgt, ti = f->titem;
    }
    if (!t) {   /* the second verb coded nothing: the first actor phrase after it */
        const cvec *it = &c->z.items;
        size_t k = 0;
        while (k < it->n && !(it->v[k].kind == K_WORD && it->v[k].tok == (int32_t)v2)) k++;
        for (k++; k < it->n && it->v[k].kind == K_OPEN && it->v[k].lab != L_NE; k++)
            if (it->v[k].lab != L_NP && it->v[k].lab != L_S && it->v[k].lab != L_SBR &&
                !(it->v[k].label && !strcmp(it->v[k].label, "SBAR")))
                return;
        if (k >= it->n || it->v[k].kind != K_OPEN || it->v[k].lab != L_NE) return;
        const char *code = ent_cd_item_code(c, k);
        if (!code_has_actor(code) || strchr(code, '/')) return;
        t = code;
        ti = (int32_t)k;
    }
    if (!strcmp(t, e->src)) return;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: the object of the verb after AND, %s", e->src, e->tgt, e->code, t);
    e->tgt = t;
    e->titem = ti;
}

/* A past participle with no auxiliary, right after the noun it describes and right
 * before BY ("M23 rebels backed by Rwanda seized Goma", "rescued students kidnapped by
 * gunmen", "Villagers killed by Russian soldiers were buried"), is a passive whose agent
 * is the BY phrase: the parse may read it as the noun's own verb (tagged VBD, or a clause
 * of its own) and code the noun as the source and the agent as the target.  For such an
 * event (its verb followed by BY, no form of BE, HAVE or GET before it over adverbs, its
 * target that BY phrase, a noun phrase right before it, and a pattern that does
 * not take the BY itself, as "stood by" would) the BY phrase becomes the source and the
 * noun the target: RWA>CODREB 051, NGAUAF>NGAEDU 181.  When the noun names no actor and
 * the source came from further out, the noun is still the target ("The Indian navy
 * rescued the crew of a ship hijacked by Somali pirates": SOMCRM>---, not toward the
 * navy); a noun with a code of its own that was not the source leaves the event alone.
 * A BY phrase that names no actor ("the areas of Sulawesi hit by the earthquake") is
 * swapped all the same: the event loses its source (the noun was what was hit) and is
 * not written.
 * A passive with its auxiliary ("were kidnapped by") is read as one already. */
static void reduced_passive(ent_coder *c, const ent_sentence *sent, rawev *e) {
    static const char *const aux[] = {"HAS", "HAVE", "HAD", "HAVING", "GET", "GETS", "GOT", "GETTING", "GOTTEN", NULL};
    const cvec *it = &c->z.items;
    if (!sent || e->vtok < 1 || (size_t)e->vtok + 1 >= sent->ntokens || e->sitem < 0 || e->titem < 0) return;
    const ent_token *t = sent->tokens;
    size_t v = (size_t)e->vtok;
    if ((strcmp(t[v].tag, "VBD") && strcmp(t[v].tag, "VBN")) || !t[v + 1].upper || strcmp(t[v + 1].upper, "BY")) return;
    size_t b = v;
    while (b > 0 && t[b - 1].tag[0] == 'R') b--;
    if (b > 0 && t[b - 1].upper && (ent_cz_is_passive_aux(t[b - 1].upper) || ent_str_in_list(t[b - 1].upper, aux))) return;
    if (e->vt)
        for (int k = 0; k < e->vt->n; k++)
            if (e->vt->tok[k] == (int32_t)v + 1) return;   /* the pattern's own BY: "stood by" */
    size_t k = 0;                                          /* the BY word's item, then its NE */
    while (k < it->n && !(it->v[k].kind == K_WORD && it->v[k].tok == (int32_t)v + 1)) k++;
    for (k++; k < it->n && it->v[k].kind == K_OPEN && it->v[k].lab != L_NE; k++) {}
    if (k >= it->n || (int32_t)k != e->titem) return;
    size_t vi = 0;                                         /* the verb's item, its VP's OPEN before it */
    while (vi < it->n && !(it->v[vi].kind == K_WORD && it->v[vi].tok == (int32_t)v)) vi++;
    if (vi < 2 || vi >= it->n || it->v[vi - 1].kind != K_OPEN || it->v[vi - 1].lab != L_VP) return;
    int32_t noun = it->v[vi - 2].kind == K_CLOSE && it->v[vi - 2].mate >= 0 &&
                   it->v[it->v[vi - 2].mate].lab == L_NE ? it->v[vi - 2].mate : -1;
    if (noun < 0) return;                                  /* no noun right before the participle */
    /* the noun was the source, or named none and the source came from further out ("the
     * crew of a ship hijacked by Somali pirates" after "The Indian navy rescued") */
    const char *nt = noun == e->sitem ? e->src : ent_cd_item_code(c, (size_t)noun);
    if (noun != e->sitem && !code_is_null(nt)) return;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: a participle before BY, a passive: %s>%s", e->src, e->tgt, e->code, e->tgt, nt);
    e->src = e->tgt;
    e->tgt = nt;
    e->sitem = e->titem;
    e->titem = noun;
}

/* Ground taken from someone: "The Syrian army retook Aleppo from rebel fighters",
 * "Russian forces recaptured most of the Kursk region from Ukrainian troops".  An event
 * of taking territory (192) whose target is a place (a bare country code: "Aleppo" SYR,
 * "the Kursk region" RUS) followed directly by FROM and a phrase with a code is aimed at
 * the one the ground was taken from: UKRMIL; a group named without a country takes the
 * place's ("rebel fighters" ---REBUAF holding Aleppo: SYRREBUAF).  A FROM phrase
 * that names nothing ("from the north"), the source itself, or a target that is a party
 * already ("captured the town from Tigrayan rebels", where the town names no actor and
 * the rebels are the target) change nothing. */
static void taken_from(ent_coder *c, rawev *e) {
    const cvec *it = &c->z.items;
    if (strcmp(e->code, "192") || e->titem < 0 || strlen(e->tgt) != 3 || !ent_enrich_country_code(e->tgt)) return;
    size_t m = (size_t)it->v[e->titem].mate + 1;
    while (m < it->n && it->v[m].kind == K_CLOSE && it->v[m].lab != L_VP && it->v[m].lab != L_S) m++;
    if (m + 2 >= it->n || it->v[m].kind != K_OPEN || it->v[m].lab != L_PP || it->v[m + 1].kind != K_WORD ||
        !it->v[m + 1].w || strcmp(it->v[m + 1].w, "FROM") || it->v[m + 2].kind != K_OPEN || it->v[m + 2].lab != L_NE)
        return;
    const char *f = ent_cd_item_code(c, m + 2);
    if (code_is_null(f) || strchr(f, '/') || !strcmp(f, e->src)) return;
    if (!strncmp(f, "---", 3)) {   /* a group without a country holds ground of the place's */
        char t[32];
        if (snprintf(t, sizeof t, "%s%s", e->tgt, f + 3) >= (int)sizeof t) return;
        f = ent_arena_strdup(&c->arena, t);
    }
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: ground taken from %s", e->src, e->tgt, e->code, f);
    e->tgt = f;
    e->titem = (int32_t)(m + 2);
}

/* The partner of a relation a role adjective describes: "Iran suspended official
 * contacts with Britain", "would boycott every official contact with Chile".
 * A target phrase whose code is a role without a country (---GOV, ---MIL) that no person
 * gives (its last word is a thing, "contacts", "talks": the role comes from "official",
 * "military") and that is followed directly by WITH and a phrase naming an actor is
 * aimed at that actor: GBR, USA (before, IRNGOV: the source's own government).  A person
 * ("protesters with ...", "officials with ...") keeps the target. */
static void partner_of_relation(ent_coder *c, rawev *e) {
    const cvec *it = &c->z.items;
    if (e->titem < 0 || strncmp(e->tgt, "---", 3) || !e->tgt[3]) return;
    const coder_item *x = &it->v[e->titem];
    if (x->kind != K_OPEN || x->lab != L_NE || x->mate <= e->titem) return;
    size_t m = (size_t)x->mate;
    const coder_item *h = &it->v[m - 1];
    const char *ht = h->kind == K_WORD ? token_tag(c, h->tok) : "";
    if (!h->w || ent_noun_is_person(h->w) || (strcmp(ht, "NNS") && strcmp(ht, "NN"))) return;
    if (m + 3 >= it->n || it->v[m + 1].kind != K_OPEN || it->v[m + 1].lab != L_PP || !it->v[m + 2].w ||
        strcmp(it->v[m + 2].w, "WITH") || it->v[m + 3].kind != K_OPEN || it->v[m + 3].lab != L_NE)
        return;
    const char *w = ent_cd_item_code(c, m + 3);
    if (!code_has_actor(w) || strchr(w, '/') || !strcmp(w, e->src)) return;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: the partner of the relation, %s (WITH phrase)", e->src, e->tgt, e->code, w);
    e->tgt = w;
    e->titem = (int32_t)(m + 3);
}

/* Help given to the source is no target: "NATO tightened the blockade of Serbia with
 * Albania's help", "Iraqi forces attacked the town with American support", "Mali expelled
 * the envoy with the backing of Russia".  A target phrase right after WITH that names
 * help (its last word, or its head before OF, is HELP, SUPPORT, ASSISTANCE, BACKING or
 * BLESSING) is whoever helped the source: the target becomes the verb's object when
 * that names an actor other than the source ("the blockade of Serbia": SRB), else none. */
static void helper_not_target(ent_coder *c, rawev *e) {
    static const char *const help[] = {"HELP", "SUPPORT", "ASSISTANCE", "BACKING", "BLESSING", NULL};
    const cvec *it = &c->z.items;
    if (e->titem < 2 || code_is_null(e->tgt)) return;
    const coder_item *x = &it->v[e->titem];
    if (x->kind != K_OPEN || x->lab != L_NE || x->mate <= e->titem) return;
    int32_t p = e->titem - 1;
    while (p >= 0 && it->v[p].kind == K_OPEN) p--;
    if (p < 0 || it->v[p].kind != K_WORD || !it->v[p].w || strcmp(it->v[p].w, "WITH")) return;
    size_t m = (size_t)x->mate, k = (size_t)e->titem + 1;
    const coder_item *last = &it->v[m - 1];
    int is_help = last->kind == K_WORD && last->w && ent_str_in_list(last->w, help);
    if (!is_help && it->v[k].w && !strcmp(it->v[k].w, "THE")) k++;
    if (!is_help && k + 1 < m && it->v[k].w && ent_str_in_list(it->v[k].w, help) && it->v[k + 1].w &&
        !strcmp(it->v[k + 1].w, "OF"))
        is_help = 1;
    if (!is_help) return;
    int32_t ob = object_after_verb(c, e->vtok);
    const char *oc = ob >= 0 && ob != e->titem ? ent_cd_item_code(c, (size_t)ob) : "---";
    if (!code_has_actor(oc) || strchr(oc, '/') || !strcmp(oc, e->src)) oc = "---", ob = -1;
    if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: WITH help names a helper, not the target: %s", e->src, e->tgt, e->code, oc);
    e->tgt = oc;
    e->titem = ob;
}

/* Independence demanded from a state is aimed at that state: "Thousands of Tamils
 * demonstrated ... calling for independence from Sri Lanka" LKA, "demanding a referendum on
 * independence from Indonesian rule" IDN.  For a demand or protest (roots 10, 14) with no
 * target or one of the source's own country, the first phrase after INDEPENDENCE,
 * AUTONOMY or SECESSION FROM that names a country gives the target. */
static void separation_target(ent_coder *c, rawev *e) {
    static const char *const sep[] = {"INDEPENDENCE", "AUTONOMY", "SECESSION", NULL};
    const cvec *it = &c->z.items;
    if (strncmp(e->code, "10", 2) && strncmp(e->code, "14", 2)) return;
    if (!code_is_null(e->tgt) && strncmp(e->tgt, e->src, 3)) return;
    for (size_t k = 0; k + 3 < it->n; k++) {
        if (it->v[k].kind != K_WORD || !it->v[k].w || !ent_str_in_list(it->v[k].w, sep)) continue;
        size_t q = k + 1;
        while (q < it->n && it->v[q].kind != K_WORD) q++;
        if (q >= it->n || !it->v[q].w || strcmp(it->v[q].w, "FROM")) continue;
        for (q++; q < it->n && it->v[q].kind == K_OPEN && it->v[q].lab != L_NE; q++) {}
        if (q >= it->n || it->v[q].kind != K_OPEN || it->v[q].lab != L_NE) continue;
        const char *t = ent_cd_item_code(c, q);
        if (strlen(t) < 3 || strchr(t, '/') || !ent_enrich_country_code((char[4]){t[0], t[1], t[2], 0}) || !strcmp(t, e->tgt))
            return;
        if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: independence demanded from %s", e->src, e->tgt, e->code, t);
        e->tgt = t;
        e->titem = (int32_t)q;
        return;
    }
}

/* The one helped by an offer or a provision: "The United States sent warships to help
 * defend Israel", "Germany sent engineers to help rebuild Ukraine", "Turkey offered troops
 * to help stabilise Somalia".  For an event of offering, cooperating, giving or showing
 * force (roots 03, 06, 07, 15) with no target or one of the source's own (the means it
 * sends: USAMIL, TURMIL), the actor phrase right after TO HELP, or after TO HELP and a
 * bare verb, later in the clause (no finite verb between) is the target when it names a
 * country other than the source's: ISR, UKR, SOM.  "to help fight fires in Greece" (no
 * actor right there) changes nothing. */
static void helped_target(ent_coder *c, const ent_sentence *sent, rawev *e) {
    static const char *const roots[] = {"03", "06", "07", "15", NULL};
    const cvec *it = &c->z.items;
    char r[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
    if (!sent || e->vtok < 0 || !ent_str_in_list(r, roots)) return;
    if (!code_is_null(e->tgt) && strncmp(e->tgt, e->src, 3) && strncmp(e->tgt, "---", 3)) return;
    const ent_token *t = sent->tokens;
    size_t n = sent->ntokens, h = 0;
    for (size_t i = (size_t)e->vtok + 1; i + 1 < n && !h; i++) {
        if (!strcmp(t[i].tag, "VBD") || !strcmp(t[i].tag, "VBZ") || !strcmp(t[i].tag, "VBP") || !strcmp(t[i].tag, "MD")) return;
        if (t[i].upper && !strcmp(t[i].upper, "TO") && t[i + 1].upper && !strcmp(t[i + 1].upper, "HELP")) h = i + 2;
    }
    if (!h || h >= n) return;
    for (int step = 0; step < 2; step++) {   /* the phrase right after HELP, or after HELP and a verb */
        size_t k = 0;
        while (k < it->n && !(it->v[k].kind == K_WORD && it->v[k].tok == (int32_t)h)) k++;
        if (k >= 1 && k < it->n && it->v[k - 1].kind == K_OPEN && it->v[k - 1].lab == L_NE) {
            const char *code = ent_cd_item_code(c, k - 1);
            if (strlen(code) < 3 || strchr(code, '/') || !ent_enrich_country_code((char[4]){code[0], code[1], code[2], 0}) ||
                !strncmp(code, e->src, 3))
                return;
            if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: the one helped, %s", e->src, e->tgt, e->code, code);
            e->tgt = code;
            e->titem = (int32_t)(k - 1);
            return;
        }
        if (strcmp(t[h].tag, "VB") || h + 1 >= n) return;
        h++;
    }
}

/* A source that names no country (---LAB "500,000 workers", ---REB "gunmen") followed by
 * a participle of affiliation and its phrase TO or WITH ("workers affiliated with the
 * Serbian Workers' Union", "gunmen linked to Hamas") is of the country of the actor it
 * is affiliated with: its role keeps ("SRB" + "LAB").  The source's NE must close right
 * before the participle, and the event's verb be the first verb after the phrase (an
 * auxiliary or modal may come between): the predicate the affiliated subject goes with,
 * not a later verb the parse gave the same subject.  Returns the new code (arena-owned)
 * or NULL. */
static const char *affiliated_source(ent_coder *c, const rawev *e) {
    static const char *const aux[] = {"HAS", "HAVE", "HAD", "DO", "DOES", "DID", NULL};
    const cvec *items = &c->z.items;
    if (strncmp(e->src, "---", 3) || strchr(e->src, '/') || e->sitem < 0 || (size_t)e->sitem >= items->n ||
        items->v[e->sitem].mate <= e->sitem)
        return NULL;
    size_t k = (size_t)items->v[e->sitem].mate + 1;
    int tie = 0;
    if (!participle_vp(c, k, &tie) || !tie) return NULL;
    k += 2;
    if (k < items->n && items->v[k].kind == K_OPEN && items->v[k].lab == L_PP) k++;
    if (k + 1 >= items->n || items->v[k].kind != K_WORD || !items->v[k].w ||
        (strcmp(items->v[k].w, "TO") && strcmp(items->v[k].w, "WITH")))
        return NULL;
    k++;
    if (items->v[k].kind != K_OPEN || items->v[k].lab != L_NE || items->v[k].mate <= (int32_t)k) return NULL;
    const ent_sentence *s = c->sent;
    if (!s || e->vtok < 0 || (size_t)e->vtok >= s->ntokens) return NULL;
    uint32_t after = ent_cd_item_span(c, (int32_t)k).end;
    for (int32_t q = 0; q < e->vtok; q++) {
        const ent_token *tq = &s->tokens[q];
        if (tq->span.start < after) continue;
        const char *w = tq->upper ? tq->upper : "";
        if (tq->tag[0] == 'V' && !ent_cz_is_be_form(w) && !ent_str_in_list(w, aux)) return NULL;
    }
    const char *code = ent_cd_item_code(c, k);
    char t[16];
    if (strlen(code) < 3 || strchr(code, '/')) return NULL;
    memcpy(t, code, 3);
    t[3] = 0;
    if (!ent_enrich_country_code(t)) return NULL;
    snprintf(t + 3, sizeof t - 3, "%s", e->src + 3);
    return ent_arena_strdup(&c->arena, t);
}

/* Is the source phrase of e a bare crowd: quantity words and numbers only ("Thousands",
 * "Tens of thousands", "Some 2,000", "Hundreds more"), with at least one quantity noun?
 * Such a subject is people, as "thousands of people" is (---CVL). */
static int crowd_source(const ent_coder *c, const rawev *e) {
    static const char *const crowd[] = {"THOUSANDS", "HUNDREDS", "DOZENS", "SCORES", "MILLIONS", "TENS", NULL};
    static const char *const filler[] = {"OF", "SOME", "ABOUT", "AROUND", "NEARLY", "ALMOST", "MORE", "THAN",
                                         "OVER", "MANY", "SEVERAL", NULL};
    const cvec *items = &c->z.items;
    if (strcmp(e->src, "---") || e->sitem < 0 || (size_t)e->sitem >= items->n || items->v[e->sitem].mate <= e->sitem)
        return 0;
    int quantity = 0;
    for (int32_t k = e->sitem + 1; k < items->v[e->sitem].mate; k++) {
        const coder_item *x = &items->v[k];
        if (x->kind != K_WORD || !x->w) continue;
        if (ent_str_in_list(x->w, crowd)) quantity = 1;
        else if (!ent_str_in_list(x->w, filler) && strcmp(item_tag(c, (size_t)k), "CD")) return 0;
    }
    return quantity;
}

/* A strike by people of a social role is a labour strike, not an attack: an event coded as
 * force (roots 18-20) through the noun STRIKE(S) among its evidence words ("Nurses began a
 * strike over pay": &ATTACKNOUN, 190) whose source's role is workers, teachers, health
 * workers, farmers, media, business, clergy, civilians or the opposition (LAB, EDU, HLH,
 * AGR, MED, BUS, REL, CVL, OPP) is CAMEO's strike or boycott (143); after HUNGER, the
 * hunger strike (142).  Returns the code e should carry. */
static const char *labour_strike(const ent_coder *c, const rawev *e) {
    static const char *const roles[] = {"LAB", "EDU", "HLH", "AGR", "MED", "BUS", "REL", "CVL", "OPP", NULL};
    size_t sl = strlen(e->src);
    if (!e->vt || !c->sent || sl < 6 || strchr(e->src, '/') || !ent_str_in_list(e->src + sl - 3, roles) ||
        !(e->code[0] == '2' || (e->code[0] == '1' && (e->code[1] == '8' || e->code[1] == '9'))))
        return e->code;
    for (int k = 0; k < e->vt->n; k++) {
        int32_t t = e->vt->tok[k];
        if (t < 0 || (size_t)t >= c->sent->ntokens) continue;
        const char *w = c->sent->tokens[t].upper ? c->sent->tokens[t].upper : "";
        if (strcmp(w, "STRIKE") && strcmp(w, "STRIKES")) continue;
        const char *p = t > 0 && c->sent->tokens[t - 1].upper ? c->sent->tokens[t - 1].upper : "";
        return !strcmp(p, "HUNGER") ? "142" : "143";
    }
    return e->code;
}

int ent_refine_raw_event(ent_coder *c, const ent_sentence *sent, rawev *e, int *harm) {
    char pc[4];
    reduced_passive(c, sent, e);
    shared_object(c, sent, e);
    taken_from(c, e);
    partner_of_relation(c, e);
    helper_not_target(c, e);
    separation_target(c, e);
    helped_target(c, sent, e);
    if (crowd_source(c, e)) {
        if (TRACING(c)) ent_cd_trace(c, "raw event ---->%s %s: a crowd as the source, people (---CVL)", e->tgt, e->code);
        e->src = "---CVL";
    }
    const char *aff = affiliated_source(c, e);
    if (aff) {
        if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: source %s, of the actor it is affiliated with", e->src, e->tgt, e->code, aff);
        e->src = aff;
    }
    if (c->o.place_country && social_role(e->src) && verb_place_country(c, e->vtok, pc)) {
        char t[8];
        snprintf(t, sizeof t, "%s%s", pc, e->src + 3);
        if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: source %s, a people's role in the place named", e->src, e->tgt, e->code, t);
        e->src = ent_arena_strdup(&c->arena, t);
    }
    if (e->agentless && !strcmp(e->src, "---") && !harm_by_violence(c, sent, e, harm)) {
        if (TRACING(c))
            ent_cd_trace(c, "raw event ---->%s %s: no source from the place (%s)", e->tgt, e->code,
                  !strncmp(e->code, "01", 2) ? "a statement" :
                  *harm == ENT_HARM_ACCIDENT ? "an accident or disaster, not an attack" : "no word of violence");
    } else if (e->agentless && !strcmp(e->src, "---")) {
        char cc[4];
        /* not the target's own country ("two Iraqi soldiers"), unless the target took
         * it from the place ("ten people in Baghdad": IRQCVL) */
        int placed = e->titem >= 0 && (size_t)e->titem < c->z.items.n && c->z.items.v[e->titem].placed;
        if ((place_country(c, cc) || ent_enrich_place_country(c->d, sent, c->date, cc)) &&
            (strncmp(cc, e->tgt, 3) || (placed && strcmp(cc, e->tgt)))) {
            e->src = ent_arena_strdup(&c->arena, cc);
            e->sitem = -1;
            if (TRACING(c)) ent_cd_trace(c, "raw event ---->%s %s: source %s, the place named", e->tgt, e->code, cc);
        }
    }
    const char *strike = labour_strike(c, e);
    if (strike != e->code) {
        if (TRACING(c)) ent_cd_trace(c, "raw event %s>%s %s: a strike by a social role, %s", e->src, e->tgt, e->code, strike);
        e->code = strike;
    }
    e->code = state_protest(c, e);
    e->code = welcome_as_host(c, e);
    home_of_titled_person(c, e);
    counterpart_role(c, &e->tgt, e->titem, e->src);
    counterpart_role(c, &e->src, e->sitem, e->tgt);
    doer_of_act(c, e);
    agent_of_object(c, e);
    if (crime_report(c, e)) {
        if (TRACING(c))
            ent_cd_trace(c, "raw event %s>%s %s dropped: coercion of an unnamed private person (a crime report)",
                  e->src, e->tgt, e->code);
        return 0;
    }
    return 1;
}

void ent_refine_events(ent_coder *c, const ent_sentence *s, ent_events *out, size_t from) {
    dual_national_target(c, out, from);   /* before the domestic passes */
    possessor_target(c, s, out, from);    /* before the domestic passes */
    domestic_source_of_target(c, out, from);
    domestic_actors(c, s, out, from);
    domestic_targets(c, s, out, from);
    means_not_target(c, s, out, from);
    reaction_target(c, s, out, from);
}

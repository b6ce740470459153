/* intent.c — the coder's post-pass for announced cooperation (coder option future_intent).
 *
 * CAMEO codes what an actor says it WILL do as an intent, not as the act: "Japan will
 * provide aid to Ukraine" is 0331 (express intent to provide economic aid), not 071;
 * "Biden plans to visit Hanoi" is 036 (express intent to meet), not 042.  The verb
 * dictionaries match the main verb whatever its tense (PETRARCH does the same), so this
 * pass looks at the words before the matched verb: a future modal (will, would, shall,
 * 'll) or a phrase of plan (plans to, intends to, is set to, is due to, is expected to,
 * is going to, is scheduled to), with adverbs and "be" in between allowed, moves a
 * cooperative code (roots 04 to 08) to its intent code in root 03.  Negated futures
 * ("will not attend") and conflictual codes are left alone: an announced sanction is
 * usually the decision itself, and a threat is the verb dictionaries' business (13x).
 * A commitment ("agreed to provide", "pledged to send") counts as announced too.
 * Only tokens are read; the verb is found by its byte offsets, or by its first word when
 * the sentence came from a Penn parse without offsets.  The file also holds ent_modality
 * and the code maps the clause layer (coder.c, apply_modality) uses: intent, threat,
 * demand, refusal, cessation ("no longer") and commitment. */
#include "coder/intent.h"
#include "coder/coder_events.h"
#include "coder/coder_int.h"

#include <string.h>

/* Intent code for a cooperative code, or NULL. */
const char *ent_intent_code(const char *code) {
    static const struct { const char *from, *to; } map[] = {
        /* most specific first: 4-digit codes, then 3-digit, then root */
        {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"}, {"0834", "0344"},
        {"0841", "0353"}, {"0842", "0353"},
        {"040", "036"}, {"041", "036"}, {"042", "036"}, {"043", "036"}, {"044", "036"},
        {"045", "039"}, {"046", "036"},
        {"050", "032"}, {"051", "032"}, {"052", "032"}, {"053", "032"}, {"054", "032"},
        {"055", "032"}, {"056", "032"}, {"057", "030"},
        {"060", "031"}, {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"070", "033"}, {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"075", "033"},
        {"080", "035"}, {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"},
        {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(code, map[i].from, strlen(map[i].from))) return map[i].to;
    return NULL;
}

/* A code map: the first entry whose `from` prefixes code (tables list the most specific
 * codes first), else NULL. */
typedef struct { const char *from, *to; } code_map;
static const char *map_code(const code_map *m, size_t n, const char *code) {
    for (size_t i = 0; i < n; i++)
        if (!strncmp(code, m[i].from, strlen(m[i].from))) return m[i].to;
    return NULL;
}

/* CAMEO's threat for an announced conflictual act (roots 13-20). */
const char *ent_threat_code(const char *code) {
    static const code_map map[] = {
        {"14", "133"},                                       /* protest -> threaten protest */
        {"15", "138"},                                       /* force posture -> threaten force */
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"},
        {"166", "136"}, {"16", "131"},                       /* reduce relations -> threaten to */
        {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"172", "132"},
        {"17", "137"},                                       /* coerce -> threaten repression */
        {"18", "1383"}, {"191", "1381"}, {"192", "1382"}, {"19", "1384"}, {"20", "1385"},
        {"13", "13"},                                        /* already a threat: kept */
    };
    const char *to = map_code(map, sizeof map / sizeof map[0], code);
    return to && !strcmp(to, "13") ? code : to;
}

/* CAMEO's demand for an act someone says another must do ("Germany said Turkey must
 * release the journalists": 084 -> 1053).  Every code has one (100 at worst). */
const char *ent_demand_code(const char *code) {
    static const code_map map[] = {
        {"061", "1011"}, {"062", "1012"}, {"063", "1013"}, {"064", "1014"}, {"06", "101"},
        {"05", "102"},
        {"071", "1031"}, {"072", "1032"}, {"073", "1033"}, {"074", "1034"}, {"07", "103"},
        {"081", "1051"}, {"082", "1052"}, {"083", "104"}, {"084", "1053"}, {"085", "1054"},
        {"086", "1055"}, {"087", "1056"}, {"08", "105"},
        {"04", "106"}, {"10", "10"},
    };
    const char *to = map_code(map, sizeof map / sizeof map[0], code);
    if (!to) return "100";
    return !strcmp(to, "10") ? code : to;
}

/* CAMEO's rejection for a cooperative act announced as not going to happen ("Iran said it
 * would not meet the envoy": 036/04x -> 125), or NULL for codes outside roots 03-08. */
const char *ent_refusal_code(const char *code) {
    static const code_map map[] = {
        {"061", "1211"}, {"062", "1212"}, {"063", "1213"}, {"064", "1214"}, {"06", "121"},
        {"071", "1221"}, {"072", "1222"}, {"073", "1223"}, {"074", "1224"}, {"07", "122"},
        {"081", "1241"}, {"082", "1242"}, {"083", "123"}, {"084", "1243"}, {"085", "1244"},
        {"086", "1245"}, {"08", "124"},
        {"04", "125"}, {"057", "127"}, {"05", "120"}, {"03", "120"},
    };
    return map_code(map, sizeof map / sizeof map[0], code);
}

/* CAMEO's reduction of relations for a cooperative act that stops ("would no longer supply
 * weapons to Ukraine": 072 -> 1622), or NULL outside roots 04-07. */
const char *ent_cease_code(const char *code) {
    static const code_map map[] = {
        {"071", "1621"}, {"072", "1622"}, {"073", "1623"}, {"07", "162"},
        {"045", "165"}, {"046", "164"}, {"04", "160"}, {"05", "160"}, {"06", "160"},
    };
    return map_code(map, sizeof map / sizeof map[0], code);
}

/* Verbs of commitment: decision ("agreed to", "decided to") and promise ("vowed to"). */
static const char *const decide_verbs[] = {"AGREE", "AGREES", "AGREED", "AGREEING", "CONSENT", "CONSENTS",
                                           "CONSENTED", "DECIDE", "DECIDES", "DECIDED", "DECIDING", "RESOLVED",
                                           NULL};
static const char *const vow_verbs[] = {"VOW", "VOWS", "VOWED", "VOWING", "PLEDGE", "PLEDGES", "PLEDGED",
                                        "PLEDGING", "PROMISE", "PROMISES", "PROMISED", "PROMISING", "SWORE",
                                        "SWEAR", "SWEARS", "SWORN", "OFFER", "OFFERS", "OFFERED", "OFFERING", NULL};
/* intention, read as a promise: "plans to impose restrictions" is a threat */
static const char *const plan_verbs[] = {"PLAN", "PLANS", "PLANNED", "PLANNING", "INTEND", "INTENDS", "INTENDED",
                                         "INTENDING", "AIM", "AIMS", "AIMED", "AIMING", NULL};

int ent_plan_verb(const char *w) { return ent_str_in_list(w, plan_verbs); }

int ent_ready_adjective(const char *w) {
    static const char *const ready[] = {"READY", "WILLING", "PREPARED", NULL};
    return ent_str_in_list(w, ready);
}

int ent_commit_verb(const char *w) {
    return ent_str_in_list(w, decide_verbs) || ent_str_in_list(w, vow_verbs) || ent_plan_verb(w);
}

const char *ent_commit_code(const char *code, int m) {
    const char *to = ent_intent_code(code);
    if (to) return to;
    if ((m & ENT_MOD_VOW) && (to = ent_threat_code(code))) return to;
    return code;
}

/* The token of the event's verb: the one starting at the verb's offset, else the first
 * verb-tagged token spelling the first word of the verb text; -1 when not found. */
static long verb_token(const ent_sentence *s, const ent_event *e) {
    if (e->verb_span.end > e->verb_span.start) {
        for (size_t i = 0; i < s->ntokens; i++)
            if (s->tokens[i].span.start == e->verb_span.start && s->tokens[i].span.end > s->tokens[i].span.start)
                return (long)i;
    }
    const char *vt = e->verb_text ? e->verb_text : "";
    size_t n = strcspn(vt, " ");
    if (!n) return -1;
    for (size_t i = 0; i < s->ntokens; i++) {
        const ent_token *t = &s->tokens[i];
        if (t->tag[0] == 'V' && t->upper && strlen(t->upper) == n && !strncmp(t->upper, vt, n)) return (long)i;
    }
    return -1;
}

/* Upper-case form of token i of s, "" when out of range or without one. */
static const char *tok_upper(const ent_sentence *s, long i) {
    return i >= 0 && (size_t)i < s->ntokens && s->tokens[i].upper ? s->tokens[i].upper : "";
}

/* Is the verb at token v inside an open question, a clause or infinitive after "whether"
 * ("discussed whether to expel the diplomats", "it is unclear whether Russia will attack
 * Kyiv")?  Read back over at most ten words of the clause: a comma, a colon, a
 * semicolon or another verb than an auxiliary ends it. */
static int open_question(const ent_sentence *s, long v) {
    static const char *const aux[] = {"DO", "DOES", "DID", "HAVE", "HAS", "HAD", NULL};
    for (long j = v - 1; j >= 0 && j >= v - 10; j--) {
        const ent_token *t = &s->tokens[j];
        const char *w = tok_upper(s, j);
        if (!strcmp(w, "WHETHER")) return 1;
        if (!strcmp(t->tag, ",") || !strcmp(t->tag, ":")) return 0;
        if (t->tag[0] == 'V' && !ent_cz_is_be_form(w) && !ent_str_in_list(w, aux)) return 0;
    }
    return 0;
}

/* Does the gerund at token v name an act held back ("stopped short of expelling", "refrained
 * from condemning", "held off on imposing", "avoided criticizing", "has no intention of
 * sending")?  The words right before it decide. */
static int abstained_gerund(const ent_sentence *s, long v) {
    static const char *const stop[] = {"STOP", "STOPS", "STOPPED", "STOPPING", NULL};
    static const char *const refrain[] = {"REFRAIN", "REFRAINS", "REFRAINED", "REFRAINING", "ABSTAIN", "ABSTAINS",
                                          "ABSTAINED", "ABSTAINING", "DESIST", "DESISTED", NULL};
    static const char *const hold[] = {"HOLD", "HOLDS", "HELD", "HOLDING", NULL};
    static const char *const avoid[] = {"AVOID", "AVOIDS", "AVOIDED", "AVOIDING", NULL};
    static const char *const intention[] = {"INTENTION", "INTENTIONS", "PLAN", "PLANS", NULL};
    if (strcmp(s->tokens[v].tag, "VBG")) return 0;
    const char *p1 = tok_upper(s, v - 1), *p2 = tok_upper(s, v - 2), *p3 = tok_upper(s, v - 3);
    if (ent_str_in_list(p1, avoid)) return 1;
    if (!strcmp(p1, "OF"))
        return (!strcmp(p2, "SHORT") && ent_str_in_list(p3, stop)) ||
               (ent_str_in_list(p2, intention) && !strcmp(p3, "NO"));
    if (!strcmp(p1, "FROM") && ent_str_in_list(p2, refrain)) return 1;
    return (!strcmp(p1, "FROM") || !strcmp(p1, "ON")) && !strcmp(p2, "OFF") && ent_str_in_list(p3, hold);
}

int ent_modality(const ent_sentence *s, long v) {
    static const char *const future[] = {"WILL", "WOULD", "SHALL", "'LL", "WO", NULL};
    static const char *const maybe[] = {"MAY", "MIGHT", "COULD", "CAN", "CA", NULL};
    static const char *const oblige[] = {"MUST", "SHOULD", "OUGHT", NULL};
    /* arrangement and expectation ("is set to", "is due to"; plan, intend and aim are verbs
     * of promise, plan_verbs, read first) */
    static const char *const plan[] = {"GOING", "SET", "DUE", "EXPECTED", "SCHEDULED", "PREPARING",
                                       "THREATENS", "THREATENED", NULL};
    static const char *const must[] = {"HAVE", "HAS", "HAD", NULL};   /* "has to release" */
    /* "failed to reach agreement", "refused to meet", "declined to resign": an act that
     * did not or will not happen, read as a negated future (a cooperative act becomes
     * its rejection, 12x; any other gives no event) */
    static const char *const fail[] = {"FAIL", "FAILS", "FAILED", "FAILING", "REFUSE", "REFUSES", "REFUSED",
                                       "REFUSING", "DECLINE", "DECLINES", "DECLINED", "DECLINING", NULL};
    static const char *const aux[] = {"DO", "DOES", "DID", "HAVE", "HAS", "HAD", NULL};
    static const char *const neg[] = {"NOT", "N'T", "NEVER", NULL};
    int flags = 0;
    if (!s || v <= 0 || (size_t)v >= s->ntokens) return 0;
    /* an act asked about or held back did not happen: negated, with no future (no event,
     * not a refusal) */
    if (open_question(s, v) || abstained_gerund(s, v)) return ENT_MOD_NEG;
    for (long j = v - 1, steps = 0; j >= 0 && steps < 6; j--, steps++) {
        const ent_token *t = &s->tokens[j];
        const char *w = t->upper ? t->upper : "";
        if (!strcmp(w, "LONGER") && j > 0 && s->tokens[j - 1].upper && !strcmp(s->tokens[j - 1].upper, "NO")) {
            flags |= ENT_MOD_NEG | ENT_MOD_CEASE;   /* "no longer supplies": the act stops */
            j--;
            continue;
        }
        if (ent_str_in_list(w, neg)) {
            /* "not only ... but": no negation */
            if ((size_t)j + 1 < s->ntokens && s->tokens[j + 1].upper && !strcmp(s->tokens[j + 1].upper, "ONLY"))
                return flags;
            flags |= ENT_MOD_NEG;
            continue;
        }
        if (!strcmp(t->tag, "MD")) {
            if (ent_str_in_list(w, future)) return flags | ENT_MOD_FUTURE;
            if (ent_str_in_list(w, maybe)) return flags | ENT_MOD_FUTURE | ENT_MOD_MAYBE;
            if (ent_str_in_list(w, oblige)) return flags | ENT_MOD_OBLIGE;
            return flags;
        }
        if (!strcmp(w, "TO")) {
            if (j != v - 1 && !(j == v - 2 && s->tokens[v - 1].tag[0] == 'R')) return flags;
            const char *p = j > 0 && s->tokens[j - 1].upper ? s->tokens[j - 1].upper : "";
            /* "has no plans to send troops", "no intention to attack": an intention denied */
            if ((ent_plan_verb(p) || !strcmp(p, "INTENTION")) && !strcmp(tok_upper(s, j - 2), "NO"))
                return flags | ENT_MOD_NEG;
            if (ent_str_in_list(p, decide_verbs)) return flags | ENT_MOD_COMMIT;
            if (ent_str_in_list(p, vow_verbs) || ent_plan_verb(p)) return flags | ENT_MOD_COMMIT | ENT_MOD_VOW;
            /* "is ready to attack": a promise, and a future ("is not ready to meet" is the
             * refusal of the meeting) */
            if (ent_ready_adjective(p)) {
                for (long q = j - 2; q >= 0 && q >= j - 4; q--) {   /* "is not ready to", "is not yet ready to" */
                    const char *wq = s->tokens[q].upper ? s->tokens[q].upper : "";
                    if (ent_str_in_list(wq, neg)) flags |= ENT_MOD_NEG;
                    else if (s->tokens[q].tag[0] != 'R' && !ent_cz_is_be_form(wq)) break;
                }
                return flags | ENT_MOD_COMMIT | ENT_MOD_VOW | ENT_MOD_FUTURE;
            }
            if (ent_str_in_list(p, plan)) return flags | ENT_MOD_FUTURE;
            if (ent_str_in_list(p, must) || !strcmp(p, "OUGHT")) return flags | ENT_MOD_OBLIGE;
            if (ent_str_in_list(p, fail)) return flags | ENT_MOD_NEG | ENT_MOD_FUTURE;
            return flags;
        }
        if (t->tag[0] == 'R' && t->tag[1] == 'B') continue;      /* also, soon, formally */
        if (ent_cz_is_be_form(w) || !strcmp(w, "'S") || ent_str_in_list(w, aux)) continue;
        return flags;
    }
    return flags;
}

size_t ent_intent_events(const ent_sentence *s, ent_events *out, size_t from) {
    if (!s || !out) return 0;
    size_t changed = 0;
    for (size_t i = from; i < out->n; i++) {
        ent_event *e = &out->v[i];
        const char *to = ent_intent_code(e->code ? e->code : "");
        if (!to) continue;
        long v = verb_token(s, e);
        int m = v < 0 ? 0 : ent_modality(s, v);
        /* announced ("will provide") or committed to ("plans to visit", "agreed to send") */
        if (m != ENT_MOD_FUTURE && (!(m & ENT_MOD_COMMIT) || (m & ENT_MOD_NEG))) continue;
        const ent_cameo_info *ci = ent_cameo_lookup(to);
        if (!ci) continue;
        e->code = ent_events_str(out, to);
        e->root = ent_events_str(out, ci->root);
        e->quad = ci->quad;
        e->goldstein = ci->goldstein;
        e->plover = ent_events_str(out, ci->plover);
        changed++;
    }
    return changed;
}

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
 * Only tokens are read; the verb is found by its byte offsets, or by its first word when
 * the sentence came from a Penn parse without offsets. */
#include "coder/intent.h"
#include "coder/coder_events.h"
#include "coder/coder_int.h"

#include <string.h>

/* Intent code for a cooperative code, or NULL. */
static const char *intent_code(const char *code) {
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

static int word_in(const char *w, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(w, list[i])) return 1;
    return 0;
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

/* Is the verb at token v announced as future or planned?  Scans back over adverbs and
 * forms of "be"; a negation on the way cancels. */
static int announced(const ent_sentence *s, long v) {
    static const char *const modal[] = {"WILL", "WOULD", "SHALL", "'LL", "WO", NULL};
    static const char *const plan[] = {"PLANS", "PLAN", "PLANNED", "PLANNING", "INTENDS", "INTEND",
                                       "INTENDED", "GOING", "SET", "DUE", "EXPECTED", "SCHEDULED",
                                       "PREPARING", "PREPARED", "READY", "AIMS", "AIMING", NULL};
    static const char *const neg[] = {"NOT", "N'T", "NEVER", "NO", NULL};
    for (long j = v - 1, steps = 0; j >= 0 && steps < 6; j--, steps++) {
        const ent_token *t = &s->tokens[j];
        const char *w = t->upper ? t->upper : "";
        if (word_in(w, neg)) return 0;
        if (!strcmp(t->tag, "MD")) return word_in(w, modal);
        if (!strcmp(w, "TO") && j == v - 1) {
            /* "plans to visit", "is set to sign", "is expected to announce" */
            return j > 0 && word_in(s->tokens[j - 1].upper ? s->tokens[j - 1].upper : "", plan);
        }
        if (t->tag[0] == 'R' && t->tag[1] == 'B') continue;      /* also, soon, formally */
        if (ent_cz_is_be_form(w) || !strcmp(w, "'S")) continue;      /* "will be sending", "it's set to" */
        return 0;
    }
    return 0;
}

size_t ent_intent_events(const ent_sentence *s, ent_events *out, size_t from) {
    if (!s || !out) return 0;
    size_t changed = 0;
    for (size_t i = from; i < out->n; i++) {
        ent_event *e = &out->v[i];
        const char *to = intent_code(e->code ? e->code : "");
        if (!to) continue;
        long v = verb_token(s, e);
        if (v < 0 || !announced(s, v)) continue;
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

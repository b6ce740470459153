/* test_coder_onesided.c — events with no target phrase (coder option require_dyad off),
 * the null code [---] on a pattern, and passives without an agent, over small inline
 * dictionaries and raw text (entente's own tagger and chunker). */
#include "coder_fixture.h"

static const char *VERBS =
    "--- DECLARE [010] ---\nDECLARE\n- * MARTIAL LAW [1724]\n- * A HOLIDAY [---]\n\n"
    "--- KILL [190] ---\nKILL\n- * IN A PLANE CRASH [---]\n\n"
    "--- SHOOT [193] ---\nSHOOT {SHOOTS SHOT SHOOTING}\n\n"
    "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n\n"
    "--- READMIT [054] ---\nREADMIT {READMITS READMITTED READMITTING}\n";
static const char *ACTORS = "SOUTH_KOREA [KOR]\n+SOUTH_KOREAN\nSLOVAKIA [SVK]\n+SLOVAK\nRUSSIA [RUS]\n+RUSSIAN\nUKRAINE [UKR]\n+UKRAINIAN\n";
static const char *AGENTS = "PRESIDENT [~GOV]\nPRIME_MINISTER [~GOV]\nGUNMAN [~UAF]\nSOLDIER [~MIL]\n";

/* Code text with options o; events as "SRC>TGT:CODE ...". */
static const char *run(cfx *f, const ent_coder_options *o, const char *text) {
    return cfx_code_text(f, o, text, 0);
}

TEST(coder_pattern_without_target) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        /* the pattern's own words are not a target: no dyad, so PETRARCH's default codes nothing */
        CHECK_STR(run(&f, &o, "The South Korean president declared martial law."), "");
        o.require_dyad = 0;
        CHECK_STR(run(&f, &o, "The South Korean president declared martial law."), "KORGOV>---:1724");
    }
    cfx_close(&f);
}

TEST(coder_null_pattern_blocks_verb_code) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        CHECK_STR(run(&f, &o, "Russian soldiers killed Ukrainian soldiers."), "RUSMIL>UKRMIL:190");
        /* [---] on a matched pattern: not an event, and the verb's own 190 is not used */
        o.require_dyad = 0;
        CHECK_STR(run(&f, &o, "Russian soldiers killed Ukrainian soldiers."), "RUSMIL>UKRMIL:190");
        CHECK_STR(run(&f, &o, "Two Russian soldiers were killed in a plane crash."), "");
        CHECK_STR(run(&f, &o, "Russia declared war on Ukraine."), "RUS>UKR:010");
        CHECK_STR(run(&f, &o, "Russia declared a holiday on Monday."), "");
    }
    cfx_close(&f);
}

TEST(coder_passive_without_agent) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        o.require_dyad = 0;
        /* the subject of an agentless passive is acted on, not acting: no event from it */
        CHECK_STR(run(&f, &o, "The Slovak prime minister was shot."), "");
        /* with an agent the roles are known */
        CHECK_STR(run(&f, &o, "The Slovak prime minister was shot by a gunman."), "---UAF>SVKGOV:193");
        /* ... also when a phrase after it could pass for a target */
        CHECK_STR(run(&f, &o, "Slovakia was readmitted to Ukraine."), "");
        CHECK_STR(run(&f, &o, "Ukraine readmitted Slovakia."), "UKR>SVK:054");
        /* an agentless passive under a verb of saying leaves the statement */
        CHECK_STR(run(&f, &o, "The Slovak prime minister said he would not be shot."), "SVKGOV>---:010");
    }
    cfx_close(&f);
}

/* Code the sentences of texts[] as one story; events of the last one as "SRC>TGT:CODE". */
static const char *run_story(cfx *f, const ent_coder_options *o, const char *const *texts) {
    const char *out = "";
    ent_coder_set_options(f->c, o);
    ent_coder_begin_story(f->c);
    for (size_t i = 0; texts[i]; i++) {
        ent_events_clear(f->ev);
        if (ent_sentence_analyze(f->s, texts[i], strlen(texts[i]), NULL) != ENT_OK) return "(analyze failed)";
        ent_coder_code(f->c, f->s, 20240101, f->ev);
        out = cfx_events_str(f, 0);
    }
    return out;
}

TEST(coder_resolve_pronouns) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        o.require_dyad = 0;
        o.require_source = 1;
        const char *one[] = {"The Slovak prime minister declared war on Ukraine.", "He declared martial law.", NULL};
        const char *two[] = {"Russia and Slovakia declared war on Ukraine.", "They declared martial law.", NULL};
        const char *gap[] = {"Russia declared war on Ukraine.", "The weather was cold.", "It rained.",
                             "He declared martial law.", NULL};
        /* off (PETRARCH): a pronoun is never an actor */
        CHECK_STR(run_story(&f, &o, one), "");
        o.resolve_pronouns = 1;
        CHECK_STR(run_story(&f, &o, one), "SVKGOV>---:1724");
        CHECK_STR(run_story(&f, &o, two), "RUS>---:1724 SVK>---:1724");
        /* "he" needs exactly one antecedent */
        const char *he_two[] = {"Russia and Slovakia declared war on Ukraine.", "He declared martial law.", NULL};
        CHECK_STR(run_story(&f, &o, he_two), "");
        /* the antecedent does not outlive two sentences without events, nor the story */
        CHECK_STR(run_story(&f, &o, gap), "");
        const char *next_story[] = {"He declared martial law.", NULL};
        CHECK_STR(run_story(&f, &o, next_story), "");
    }
    cfx_close(&f);
}

/* Pattern words after the verb stop at an adverbial clause ("after", "since", "while" ...):
 * its words belong to another verb. */
TEST(coder_patterns_stop_at_adverbial_clause) {
    static const char *verbs =
        "--- BEGIN [040] ---\nBEGIN {BEGINS BEGAN BEGUN BEGINNING}\n- * FIGHTING [190]\n- * TALKS [046]\n";
    cfx f;
    CHECK(cfx_open(&f, verbs, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        /* FIGHTING comes first in the block, but it is inside the "after" clause */
        CHECK_STR(cfx_code_text(&f, &o, "Russia began talks with Ukraine after fighting erupted.", 0), "RUS>UKR:046");
        /* in the verb's own phrase it still matches */
        CHECK_STR(cfx_code_text(&f, &o, "Russia began fighting with Ukraine.", 0), "RUS>UKR:190");
        /* a target inside the clause is not taken either */
        o.require_dyad = 0;
        CHECK_STR(cfx_code_text(&f, &o, "Russia began talks after Ukrainian crowds protested.", 0), "RUS>---:046");
    }
    cfx_close(&f);
}

/* The only target is the source's own country (a place in it): with require_dyad off the
 * act is kept without a target instead of being dropped as a self-reference. */
TEST(coder_own_country_place_is_no_target) {
    static const char *verbs = "--- PARADE [150] ---\nPARADE {PARADES PARADED PARADING}\n\n"
                               "--- INVESTIGATE [090] ---\nINVESTIGATE\n";
    static const char *actors = "NORTH_KOREA [PRK]\n+PYONGYANG\nSOUTH_KOREA [KOR]\n+SEOUL\n";
    cfx f;
    CHECK(cfx_open(&f, verbs, actors, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        CHECK_STR(cfx_code_text(&f, &o, "North Korea paraded missiles through Pyongyang.", 0), "");
        o.require_dyad = 0;
        CHECK_STR(cfx_code_text(&f, &o, "North Korea paraded missiles through Pyongyang.", 0), "PRK>---:150");
        /* another country stays the target */
        CHECK_STR(cfx_code_text(&f, &o, "North Korea paraded missiles through Seoul.", 0), "PRK>KOR:150");
    }
    cfx_close(&f);
}

/* resolve_pronouns also gives a role after "its"/"their" the country of the nearest coded
 * actor before it ("Ukraine said its troops ..."). */
TEST(coder_its_role_takes_the_subject_country) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        const char *t = "Ukraine said its soldiers killed Russian soldiers.";
        CHECK_STR(cfx_code_text(&f, &o, t, 0), "---MIL>RUSMIL:190");
        o.resolve_pronouns = 1;
        CHECK_STR(cfx_code_text(&f, &o, t, 0), "UKRMIL>RUSMIL:190");
        /* no coded actor with a country before it: unchanged */
        CHECK_STR(cfx_code_text(&f, &o, "Its soldiers killed Russian soldiers.", 0), "---MIL>RUSMIL:190");
    }
    cfx_close(&f);
}

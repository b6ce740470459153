/* test_dict_shared.c — loads every PETRARCH-1 format dictionary in
 * ../shared/petrarch/dictionaries (skipped when absent): plausible counts, only the
 * malformed lines the files really contain reported as errors, lookups that work. */
#include "dict_fixture.h"

#include <time.h>

#define DD "petrarch/dictionaries/"

TEST(dict_shared_phoenix_set) {
    SHARED_OR_SKIP(verbs, DD "CAMEO.verbpatterns.150430.txt");
    SHARED_OR_SKIP(countries, DD "Phoenix.Countries.actors.txt");
    SHARED_OR_SKIP(intl, DD "Phoenix.International.actors.txt");
    SHARED_OR_SKIP(mil, DD "Phoenix.MilNonState.actors.txt");
    SHARED_OR_SKIP(agents, DD "Phoenix.agents.txt");
    SHARED_OR_SKIP(discards, DD "Phoenix.discards.txt");
    SHARED_OR_SKIP(issues, DD "Phoenix.IssueCoding.txt");
    const char *actors[] = {countries, intl, mil, NULL};
    ent_dict_paths p = {verbs, actors, agents, discards, issues, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    CHECK(secs < 2.0);                            /* ~0.08 s measured; generous for CI/asan */
    if (!d) { ent_diag_free(dg); return; }
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK(c.verbs > 1500 && c.verbs < 3000);
    CHECK(c.verb_forms > 5000);
    CHECK(c.patterns > 10000 && c.patterns < 14374);
    CHECK(c.synsets > 30);
    CHECK(c.actors > 20000);
    CHECK(c.actor_phrases > 30000 && c.actor_phrases < 65272);
    CHECK(c.actor_dated_codes > 20000);
    CHECK(c.agents > 2000 && c.agent_phrases > c.agents);
    CHECK(c.discards_sentence > 400 && c.discards_story > 50);
    CHECK(c.issues > 3000);
    /* the files contain a handful of genuinely malformed lines; each one is reported and
     * nothing else is an error */
    CHECK(c.errors >= 10 && c.errors < 30);
    CHECK_INT(c.errors, ent_diag_errors(dg));
    char want[4096];
    snprintf(want, sizeof want, "%s:14190: error: end date before start date in [EGYGOV 20121207-20120802]", countries);
    int found = 0;
    for (size_t i = 0; i < ent_diag_count(dg); i++) {
        const char *m = ent_diag_message(dg, i);
        if (!strcmp(m, want)) found = 1;
        CHECK(strstr(m, ".txt:") != NULL);        /* every message names file:line */
    }
    CHECK(found);

    const ent_verb_form *f = ent_dict_verb_forms(d, "SAID");
    CHECK(f != NULL);
    if (f) CHECK_STR(f->verb->text, "SAY");
    CHECK(ent_dict_synset(d, "&CURRENCY") != NULL);
    const char *w[] = {"UNITED", "STATES"};
    const char *code = NULL;
    CHECK_INT(ent_dict_actor_match(d, w, 2, 0, 20150101, NULL, &code), 2);
    CHECK_STR(code, "USA");
    const char *k[] = {"HAMID", "KARZAI"};
    CHECK_INT(ent_dict_actor_match(d, k, 2, 0, 19900101, NULL, &code), 2);
    CHECK_STR(code, "AFGELI");
    ent_dicts_free(d);
    ent_diag_free(dg);
}

TEST(dict_shared_validation_set) {
    SHARED_OR_SKIP(verbs, DD "PETR.Validate.verbs.txt");
    SHARED_OR_SKIP(actors, DD "PETR.Validate.actors.txt");
    SHARED_OR_SKIP(agents, DD "PETR.Validate.agents.txt");
    SHARED_OR_SKIP(discards, DD "PETR.Validate.discards.txt");
    const char *al[] = {actors, NULL};
    ent_dict_paths p = {verbs, al, agents, discards, NULL, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    if (!d) { ent_diag_free(dg); return; }
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK(c.verbs > 200 && c.patterns > 400 && c.synsets > 10);
    CHECK(c.actors > 100 && c.agents > 80);
    CHECK(c.discards_sentence + c.discards_story > 5);
    /* one malformed line: "- * DIPLXMATIC  [###]" ('#' starts a comment, so no ']') */
    CHECK_INT(c.errors, 1);
    CHECK(fx_has(dg, verbs, 992, "error: missing ']' after pattern code (expected [CODE])"));
    /* the nested synset &ACCORDSYN (+&TIETYPES, +&CURRENCY) resolves */
    const ent_synset *s = ent_dict_synset(d, "&ACCORDSYN");
    CHECK(s != NULL);
    const char *w[] = {"SWISS", "FRANCS"};
    if (s) CHECK_INT(ent_synset_match(s, w, 2, 0), 2);
    ent_dicts_free(d);
    ent_diag_free(dg);
}

/* test_defaults.c — the project's default dictionaries (data/dictionaries): they load
 * with zero errors and warnings, actors resolve by date (leaders change office), demonyms,
 * capitals and seats of government resolve to their country, IGOs and agents are known,
 * and the verb dictionary covers all 20 CAMEO root categories. */
#include "test.h"
#include "dict/dict.h"

#include <stdlib.h>

static ent_dicts *load_defaults(void) {
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    ent_status st = ent_dicts_load_default(NULL, dg, &d);
    CHECK_INT(st, ENT_OK);
    for (size_t i = 0; i < ent_diag_count(dg); i++) printf("  diag: %s\n", ent_diag_message(dg, i));
    CHECK_INT(ent_diag_count(dg), 0);
    ent_diag_free(dg);
    return d;
}

/* Code of the longest actor phrase at the start of the space-separated words on date. */
static const char *actor(const ent_dicts *d, const char *phrase, long date) {
    static char buf[256];
    const char *words[16];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", phrase);
    for (char *t = strtok(buf, " "); t && n < 16; t = strtok(NULL, " ")) words[n++] = t;
    const char *code = NULL;
    size_t len = ent_dict_actor_match(d, words, n, 0, date, NULL, &code);
    return len == n ? code : NULL;
}

static const char *agent(const ent_dicts *d, const char *word) {
    const char *words[1] = {word};
    const ent_agent *a = NULL;
    return ent_dict_agent_match(d, words, 1, 0, &a) ? a->code : NULL;
}

TEST(defaults_load_without_errors) {
    ent_dicts *d = load_defaults();
    if (!d) return;
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.errors, 0);
    CHECK_INT(c.warnings, 0);
    CHECK(c.actors > 500);          /* ~250 generated countries + our own entries */
    CHECK(c.actor_dated_codes > 300);
    CHECK(c.verbs > 300);
    CHECK(c.patterns > 400);
    CHECK(c.agents > 100);
    CHECK(c.discards_story > 10);
    ent_dicts_free(d);
}

TEST(defaults_actors_change_with_date) {
    ent_dicts *d = load_defaults();
    if (!d) return;
    CHECK_STR(actor(d, "VLADIMIR PUTIN", 20050101), "RUSGOV");
    CHECK_STR(actor(d, "PUTIN", 19950101), "RUSELI");
    CHECK_STR(actor(d, "DMITRY MEDVEDEV", 20030101), "RUSELI");
    CHECK_STR(actor(d, "DMITRY MEDVEDEV", 20100101), "RUSGOV");
    CHECK_STR(actor(d, "TRUMP", 20180101), "USAGOV");
    CHECK_STR(actor(d, "TRUMP", 20220101), "USAELI");
    CHECK_STR(actor(d, "TRUMP", 20250301), "USAGOV");
    CHECK_STR(actor(d, "BORIS JOHNSON", 20200101), "GBRGOV");
    CHECK_STR(actor(d, "BORIS JOHNSON", 20230101), "GBRLEG");
    CHECK_STR(actor(d, "SERGEI LAVROV", 20220204), "RUSGOV");
    CHECK_STR(actor(d, "XI JINPING", 20220204), "CHNGOV");
    CHECK_STR(actor(d, "JENS STOLTENBERG", 20200101), "IGOWSTNAT");
    CHECK_STR(actor(d, "JENS STOLTENBERG", 20100101), "NORGOV");
    CHECK_STR(actor(d, "ANGELA MERKEL", 20100101), "DEUGOV");
    CHECK_STR(actor(d, "ANGELA MERKEL", 20230101), "DEUELI");
    ent_dicts_free(d);
}

TEST(defaults_countries_demonyms_capitals) {
    ent_dicts *d = load_defaults();
    if (!d) return;
    /* generated from iso-codes */
    CHECK_STR(actor(d, "FRANCE", 20200101), "FRA");
    CHECK_STR(actor(d, "SOUTH KOREA", 20200101), "KOR");
    CHECK_STR(actor(d, "UNITED STATES", 20200101), "USA");
    CHECK_STR(actor(d, "REPUBLIC OF KOREA", 20200101), "KOR");
    CHECK_STR(actor(d, "COTE D'IVOIRE", 20200101), "CIV");
    /* ours: short names, demonyms, capitals, seats of government */
    CHECK_STR(actor(d, "RUSSIA", 20200101), "RUS");
    CHECK_STR(actor(d, "RUSSIAN", 20200101), "RUS");
    CHECK_STR(actor(d, "CHINESE", 20200101), "CHN");
    CHECK_STR(actor(d, "UKRAINIANS", 20200101), "UKR");
    CHECK_STR(actor(d, "MOSCOW", 20200101), "RUS");
    CHECK_STR(actor(d, "BEIJING", 20200101), "CHN");
    CHECK_STR(actor(d, "WASHINGTON", 20200101), "USA");
    CHECK_STR(actor(d, "NEW DELHI", 20200101), "IND");
    CHECK_STR(actor(d, "THE KREMLIN", 20200101), "RUSGOV");
    CHECK_STR(actor(d, "KREMLIN", 20200101), "RUSGOV");
    CHECK_STR(actor(d, "WHITE HOUSE", 20200101), "USAGOV");
    CHECK_STR(actor(d, "DOWNING STREET", 20200101), "GBRGOV");
    /* ambiguous bare name: "Congo" is the DRC in wire use; the Republic keeps its long name */
    CHECK_STR(actor(d, "CONGO", 20200101), "COD");
    CHECK_STR(actor(d, "REPUBLIC OF THE CONGO", 20200101), "COG");
    /* IGOs, companies, media */
    CHECK_STR(actor(d, "NATO", 20200101), "IGOWSTNAT");
    CHECK_STR(actor(d, "UNITED NATIONS", 20200101), "IGOUNO");
    CHECK_STR(actor(d, "EUROPEAN UNION", 20200101), "IGOEUREEC");
    CHECK_STR(actor(d, "GAZPROM", 20200101), "RUSBUS");
    CHECK_STR(actor(d, "CNPC", 20200101), "CHNBUS");
    CHECK_STR(actor(d, "XINHUA", 20200101), "CHNGOVMED");
    /* pronouns and common words are not actors */
    CHECK(actor(d, "WHO", 20200101) == NULL);
    CHECK(actor(d, "MAY", 20200101) == NULL);
    /* agents, plurals included */
    CHECK_STR(agent(d, "TROOPS"), "MIL");
    CHECK_STR(agent(d, "SOLDIERS"), "MIL");
    CHECK_STR(agent(d, "POLICEMEN"), "COP");
    CHECK_STR(agent(d, "REBELS"), "REB");
    CHECK_STR(agent(d, "GOVERNMENT"), "GOV");
    CHECK_STR(agent(d, "JOURNALISTS"), "MED");
    ent_dicts_free(d);
}

TEST(defaults_verbs_cover_every_root) {
    ent_dicts *d = load_defaults();
    if (!d) return;
    int seen[21] = {0};
    for (size_t i = 0; i < d->nverbs; i++) {
        const ent_cameo_info *e = ent_cameo_lookup(d->verbs[i].code);
        if (e) seen[atoi(e->root)]++;
    }
    for (size_t i = 0; i < d->npatterns; i++) {
        const ent_cameo_info *e = ent_cameo_lookup(d->patterns[i].code);
        if (e) seen[atoi(e->root)]++;
        /* every non-null code in the file is a known CAMEO code */
        if (strcmp(d->patterns[i].code, "---") != 0 && !e)
            ent_test_fail(__FILE__, __LINE__, "line %u: unknown code %s", d->patterns[i].line,
                          d->patterns[i].code);
    }
    for (int r = 1; r <= 20; r++)
        if (seen[r] == 0) ent_test_fail(__FILE__, __LINE__, "no verb or pattern for root %02d", r);
    /* verbs of the news, regular and irregular forms */
    const char *forms[] = {"SAID", "OPPOSED", "SIGNED", "PLEDGED", "DISCUSSED", "PRAISED", "TOUTED",
                           "CONDEMNED", "REAFFIRMED", "SIGNALLED", "JOINED", "MET", "VISITED",
                           "SANCTIONED", "EXPELLED", "ARRESTED", "INVADED", "SHOT", "FOUGHT",
                           "WITHDREW", "THREATENED", "ACCUSED", "DEMANDED", "URGED", "REJECTED"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (!ent_dict_verb_forms(d, forms[i]))
            ent_test_fail(__FILE__, __LINE__, "verb form %s missing", forms[i]);
    ent_dicts_free(d);
}

TEST(defaults_directory_search) {
    ent_diag *dg = ent_diag_new();
    char *dir = ent_default_dict_dir(NULL, dg);
    CHECK(dir != NULL);
    if (dir) CHECK(strstr(dir, "dictionaries") != NULL);
    free(dir);
    /* an explicit directory that does not hold the files is an error, not a fallback */
    CHECK(ent_default_dict_dir("/nonexistent/entente", dg) == NULL);
    CHECK(ent_diag_errors(dg) == 1);
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default("/nonexistent/entente", dg, &d), ENT_ERR_IO);
    CHECK(d == NULL);
    /* $ENTENTE_DATA is honoured */
    const char *old = getenv("ENTENTE_DATA");
    char *saved = old ? strdup(old) : NULL;
    setenv("ENTENTE_DATA", "/nonexistent/entente-data", 1);
    ent_diag_clear(dg);
    CHECK(ent_default_dict_dir(NULL, dg) == NULL);
    CHECK(ent_diag_count(dg) == 1 && strstr(ent_diag_message(dg, 0), "ENTENTE_DATA"));
    if (saved) setenv("ENTENTE_DATA", saved, 1); else unsetenv("ENTENTE_DATA");
    free(saved);
    ent_diag_free(dg);
}

/* test_dict_actors.c — actor, agent, discard and issue readers: date-restricted codes,
 * synonyms, shared code blocks, longest match, plurals, substitution sets, story vs
 * sentence discards, issue expansions, and the exact messages for malformed lines. */
#include "dict_fixture.h"

static const char *ACTORS =
    "# comment\n"
    "UNITED_STATES [USA]\n"                      /* 2 */
    "+AMERICA\n"
    "UNITED_STATES_SENATE [USALEG]\n"            /* 4 */
    "HAMID_KARZAI_  ; CountryInfo.txt\n"          /* 5 */
    "+PRESIDENT_KARZAI\n"
    "\t[AFGELI 620101-780427]\n"                  /* 7 */
    "\t[AFGGOV 20011222-20141229]\n"
    "\t[AFGELI]\n"
    "BORIS_YELTSIN_\n"                           /* 10 */
    "YELTSIN\n"                                  /* 11: no code: shares the next block */
    "\t[RUSGOV <991231]\n"
    "\t[RUSELI >000101]\n"
    "---STOP---\n"
    "IGNORED [XXX]\n";

static ent_dicts *load_actors(const char *text, ent_diag *dg, const char **path) {
    *path = fx_file(text);
    const char *list[2] = {*path, NULL};
    ent_dict_paths p = {NULL, list, NULL, NULL, NULL, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    return d;
}

TEST(dict_actors_codes_and_dates) {
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_actors(ACTORS, dg, &path);
    CHECK_INT(ent_diag_count(dg), 0);
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.actors, 4);
    CHECK_INT(c.actor_phrases, 7);
    CHECK_INT(c.actor_dated_codes, 4);

    const ent_actor *k = &d->actors[2];
    CHECK_STR(k->root, "HAMID_KARZAI_");
    CHECK_INT(k->ncodes, 3);
    CHECK_INT(k->codes[0].kind, ENT_DATE_RANGE);
    CHECK_INT(k->codes[0].from, 19620101);       /* 6-digit: 62 -> 1962 */
    CHECK_INT(k->codes[0].to, 19780427);
    CHECK_INT(k->codes[1].from, 20011222);
    CHECK_STR(ent_actor_code_on(k, 19700101), "AFGELI");
    CHECK_STR(ent_actor_code_on(k, 20050101), "AFGGOV");
    CHECK_STR(ent_actor_code_on(k, 20011222), "AFGGOV"); /* inclusive */
    CHECK_STR(ent_actor_code_on(k, 19900101), "AFGELI"); /* default */
    CHECK_STR(ent_actor_code_on(k, 0), "AFGELI");

    const ent_actor *y = &d->actors[3];
    CHECK_INT(y->codes[0].kind, ENT_DATE_BEFORE);
    CHECK_INT(y->codes[0].to, 19991231);
    CHECK_INT(y->codes[1].kind, ENT_DATE_AFTER);
    CHECK_INT(y->codes[1].from, 20000101);       /* 00 -> 2000 */
    CHECK_STR(ent_actor_code_on(y, 19950101), "RUSGOV");
    CHECK_STR(ent_actor_code_on(y, 20100101), "RUSELI");
    CHECK(ent_actor_code_on(y, 0) == NULL);       /* no default, no date */
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_actors_longest_match) {
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_actors(ACTORS, dg, &path);
    const char *w[] = {"THE", "UNITED", "STATES", "SENATE", "MET", "PRESIDENT", "KARZAI", "AND", "YELTSIN", "IGNORED"};
    size_t n = sizeof w / sizeof w[0];
    const ent_actor_phrase *ph;
    const char *code;
    CHECK_INT(ent_dict_actor_match(d, w, n, 0, 20050101, &ph, &code), 0);
    CHECK_INT(ent_dict_actor_match(d, w, n, 1, 20050101, &ph, &code), 3);
    CHECK_STR(code, "USALEG");
    CHECK_INT(ent_dict_actor_match(d, w, 3, 1, 20050101, &ph, &code), 2);   /* sequence ends */
    CHECK_STR(code, "USA");
    CHECK_INT(ent_dict_actor_match(d, w, n, 5, 20050101, &ph, &code), 2);
    CHECK_STR(code, "AFGGOV");
    CHECK(ph->synonym);
    CHECK_STR(ph->actor->root, "HAMID_KARZAI_");
    CHECK_INT(ent_dict_actor_match(d, w, n, 8, 19950101, &ph, &code), 1);
    CHECK_STR(code, "RUSGOV");
    CHECK_INT(ent_dict_actor_match(d, w, n, 9, 19950101, &ph, &code), 0);  /* after ---STOP--- */
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_actors_malformed) {
    static const char *bad =
        "\t[ABC]\n"                                   /* 1 */
        "+SYNONYM_FIRST\n"                            /* 2 */
        "KOREA [KOR]\n"                               /* 3 */
        "\t[KORGOV 2004017-20061201]\n"               /* 4 */
        "\t[KORGOV 20121207-20120802]\n"              /* 5 */
        "\t[KORGOV 19820101]\n"                       /* 6 */
        "\t[KORGOV >20100231]\n"                      /* 7 */
        "\tJOHN_MCCLOY_\n"                            /* 8 */
        "\t[KORGOV 990101\n"                          /* 9 */
        "\t[KORMIL 990101-000101]\n";                 /* 10: good */
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_actors(bad, dg, &path);
    CHECK(fx_has(dg, path, 1, "error: code line before any actor (expected a PHRASE line first)"));
    CHECK(fx_has(dg, path, 2, "error: synonym before any actor (expected a PHRASE line first)"));
    CHECK(fx_has(dg, path, 4, "error: malformed date '2004017' in [KORGOV 2004017-20061201] (expected YYMMDD or YYYYMMDD)"));
    CHECK(fx_has(dg, path, 5, "error: end date before start date in [KORGOV 20121207-20120802]"));
    CHECK(fx_has(dg, path, 6, "error: unexpected '19820101' after the code in [KORGOV 19820101] (expected <DATE, >DATE or DATE-DATE)"));
    CHECK(fx_has(dg, path, 7, "error: malformed date '20100231' in [KORGOV >20100231] (expected YYMMDD or YYYYMMDD)"));
    CHECK(fx_has(dg, path, 8, "error: indented line without a code (expected [CODE] or [CODE date-restriction])"));
    CHECK(fx_has(dg, path, 9, "error: missing ']' after code (expected [CODE])"));
    CHECK_INT(ent_diag_errors(dg), 8);
    CHECK_INT(d->nactors, 1);
    CHECK_INT(d->actors[0].ncodes, 2);           /* [KOR] and the good range */
    CHECK_STR(ent_actor_code_on(&d->actors[0], 19990601), "KORMIL");
    CHECK_STR(ent_actor_code_on(&d->actors[0], 20050601), "KOR");
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_agents_plurals_and_sets) {
    static const char *agents =
        "!PERSON! = MAN, MEN, WOMAN\n"               /* 1 */
        "\n"
        "PRESIDENT [~GOVPRS] # ns 6/26/01\n"         /* 3 */
        "POLICE {} [~COP]\n"                          /* 4 */
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
        "MILITIA [~MIL]\n"                            /* 6 */
        "BUS [~TRN]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n"                 /* 8 */
        "CONGRESS!PERSON! [~LEG]\n"                   /* 9 */
        "ISLAMIC_EXTREMIST\n"                         /* 10 */
        "FARM!NOSUCH! [~AGR]\n"                       /* 11 */
        "DEPARTMENT [~ENV}\n"                         /* 12 */
        "ARMY {ARMIES [~MIL]\n";                      /* 13 */
    ent_diag *dg = ent_diag_new();
    const char *path = fx_file(agents);
    ent_dict_paths p = {NULL, NULL, path, NULL, NULL, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    CHECK(fx_has(dg, path, 10, "error: agent without a code (expected PHRASE [~CODE] or PHRASE [CODE~])"));
    CHECK(fx_has(dg, path, 11, "error: unknown substitution set !NOSUCH! (define it first: !NAME! = A, B)"));
    CHECK(fx_has(dg, path, 12, "error: missing ']' after agent code (expected [~CODE])"));
    CHECK(fx_has(dg, path, 13, "error: missing '}' after agent plural (expected PHRASE {PLURAL} [~CODE])"));
    CHECK_INT(ent_diag_errors(dg), 4);

    const char *w[] = {"PRESIDENTS", "POLICE", "POLICES", "ATTORNEYS", "GENERAL", "MILITIAS", "BUSES",
                       "HUMAN", "RIGHTS", "BODIES", "CONGRESSWOMAN", "CONGRESSMANS"};
    size_t n = sizeof w / sizeof w[0];
    const ent_agent *a;
    CHECK_INT(ent_dict_agent_match(d, w, n, 0, &a), 1);
    CHECK_STR(a->code, "GOVPRS");
    CHECK(!a->before && a->plural);
    CHECK_INT(ent_dict_agent_match(d, w, n, 1, &a), 1);
    CHECK_INT(ent_dict_agent_match(d, w, n, 2, &a), 0);   /* {} : no plural */
    CHECK_INT(ent_dict_agent_match(d, w, n, 3, &a), 2);
    CHECK_STR(a->code, "GOVATG");
    CHECK_INT(ent_dict_agent_match(d, w, n, 5, &a), 1);   /* MILITIA -> MILITIAS */
    CHECK_INT(ent_dict_agent_match(d, w, n, 6, &a), 1);   /* BUS -> BUSES */
    CHECK_INT(ent_dict_agent_match(d, w, n, 7, &a), 3);   /* BODY -> BODIES */
    CHECK_STR(a->code, "NGO");
    CHECK(a->before);
    CHECK_INT(ent_dict_agent_match(d, w, n, 10, &a), 1);
    CHECK_STR(a->code, "LEG");
    CHECK_INT(ent_dict_agent_match(d, w, n, 11, &a), 0);  /* no plurals of substitutions */
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.agents, 7);                      /* lines stored */
    CHECK_INT(c.agent_phrases, 14);              /* 4 + 1 + 2 + 2 + 2 + 3 substitutions */
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_discards_and_issues) {
    static const char *discards =
        "# Story-level discards are indicated with a '+'.\n"
        "+ACADEMY AWARD   # LRP 08 Mar 2004\n"
        "AFL GRAND FINAL\n"
        "BASEBALL\n"
        "GROUP A_\n"
        "+\n";                                        /* 6 */
    static const char *issues =
        "<ISSUE CATEGORY=\"EDUCATION\">\n"
        "n:university [POSTSECONDARY_EDUCATION]\n"
        "pre+k [EARLY_CHILDHOOD]\n"
        "ethnic v:purge [ATROCITY]\n"
        "~get head start\n"
        "eurozone\n"                                  /* 6 */
        "</ISSUE>\n";
    ent_diag *dg = ent_diag_new();
    const char *dp = fx_file(discards), *ip = fx_file(issues);
    ent_dict_paths p = {NULL, NULL, NULL, dp, ip, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    CHECK(fx_has(dg, dp, 6, "error: empty story discard (expected +WORDS)"));
    CHECK(fx_has(dg, ip, 6, "warning: issue phrase without a code (expected PHRASE [CODE]); line skipped"));
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.discards_story, 1);
    CHECK_INT(c.discards_sentence, 3);
    CHECK_INT(c.issues, 2 + 2 + 4 + 1);
    const ent_discard *hit;
    const char *s1[] = {"HE", "WATCHED", "THE", "AFL", "GRAND", "FINAL"};
    CHECK_INT(ent_dict_discard_match(d, s1, 6, &hit), 1);
    CHECK_INT(hit->line, 3);
    const char *s2[] = {"BASEBALL", "AND", "THE", "ACADEMY", "AWARD"};
    CHECK_INT(ent_dict_discard_match(d, s2, 5, &hit), 2);   /* story wins */
    const char *s3[] = {"GROUP", "A", "WON"};
    CHECK_INT(ent_dict_discard_match(d, s3, 3, &hit), 1);
    const char *s4[] = {"AFL", "GRAND"};
    CHECK_INT(ent_dict_discard_match(d, s4, 2, &hit), 0);
    /* issue expansions */
    int univ = 0, prek = 0, purging = 0;
    for (size_t i = 0; i < d->nissues; i++) {
        const ent_phrase *ph = &d->issues[i].phrase;
        if (ph->n == 1 && !strcmp(ph->el[0].text, "UNIVERSITIES")) univ++;
        if (ph->n == 1 && !strcmp(ph->el[0].text, "PRE-K")) prek++;
        if (ph->n == 2 && !strcmp(ph->el[1].text, "PURGING")) purging++;
    }
    CHECK_INT(univ, 1);
    CHECK_INT(prek, 1);
    CHECK_INT(purging, 1);
    const ent_issue *hits[4];
    int ign = -1;
    const char *s5[] = {"TWO", "UNIVERSITIES", "AND", "PRE", "K", "SCHOOLS"};
    CHECK_INT(ent_dict_issues(d, s5, 6, hits, 4, &ign), 2);
    CHECK_INT(ign, 0);
    CHECK_STR(hits[0]->code, "POSTSECONDARY_EDUCATION");
    CHECK_STR(hits[1]->code, "EARLY_CHILDHOOD");
    const char *s6[] = {"UNIVERSITIES", "GET", "HEAD", "START"};
    CHECK_INT(ent_dict_issues(d, s6, 4, hits, 4, &ign), 0);
    CHECK_INT(ign, 1);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(dp);
    fx_unlink(ip);
}

/* The gazetteer reader (places.c): NAME_WORDS [ISO3] lines, longest match, and the
 * messages for malformed lines. */
TEST(dict_places) {
    const char *pp = fx_file("# towns\n"
                             "SAMARRA [IRQ]\n"                 /* 2 */
                             "KHAN_YUNIS [PSE]\n"              /* 3 */
                             "KHAN [PAK]\n"                    /* 4 */
                             "NOCODE\n"                        /* 5 */
                             "SPLIT [Croatia]\n"               /* 6 */
                             " [IRQ]\n");                      /* 7 */
    ent_dict_paths p = {NULL, NULL, NULL, NULL, NULL, NULL, pp};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.places, 3);
    CHECK_INT(ent_diag_errors(dg), 3);
    CHECK(fx_has(dg, pp, 5, "error: malformed place 'NOCODE' (expected NAME_WORDS [CODE])"));
    CHECK(fx_has(dg, pp, 6, "error: place code 'Croatia' is no country code (expected three capitals, e.g. [IRQ])"));
    CHECK(fx_has(dg, pp, 7, "error: malformed place '[IRQ]' (expected NAME_WORDS [CODE])"));
    const char *code = NULL;
    const char *s1[] = {"IN", "KHAN", "YUNIS", "TODAY"};
    CHECK_INT(ent_dict_place_match(d, s1, 4, 1, &code), 2);
    CHECK_STR(code, "PSE");
    CHECK_INT(ent_dict_place_match(d, s1, 2, 1, &code), 1);   /* KHAN alone */
    CHECK_STR(code, "PAK");
    const char *s2[] = {"SAMARRA"};
    CHECK_INT(ent_dict_place_match(d, s2, 1, 0, &code), 1);
    CHECK_STR(code, "IRQ");
    CHECK_INT(ent_dict_place_match(d, s1, 4, 0, &code), 0);
    CHECK(code == NULL);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(pp);
}

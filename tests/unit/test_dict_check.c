/* test_dict_check.c — ent_dicts_check: duplicates (warnings), conflicting codes and
 * patterns that can never match (errors), overlapping dated codes, verb forms claimed by
 * two blocks; a clean set has no findings. */
#include "dict_fixture.h"

TEST(dict_check_findings) {
    static const char *verbs =
        "&EMPTY\n"                                     /* 1: no members */
        "--- SAY [010] ---\n"
        "SAY {SAYS SAID SAYING}\n"                     /* 3 */
        "- * POLICY [100]\n"                           /* 4 */
        "- * POLICY [100]\n"                           /* 5: duplicate */
        "- * POLICY [101]\n"                           /* 6: never matches */
        "- * &EMPTY [102]\n"                           /* 7: never matches */
        "- + * + TALKS [103]\n"                        /* 8: two targets */
        "--- TELL [020] ---\n"
        "TELL {TELLS TOLD TELLING}\n"
        "SAY\n";                                       /* 11: SAY also in block SAY */
    static const char *actors =
        "UNITED_STATES [USA]\n"                        /* 1 */
        "+AMERICA\n"
        "AMERICA [CAN]\n"                              /* 3: conflicting */
        "UNITED_STATES [USA]\n"                        /* 4: duplicate */
        "SOME_MINISTER\n"                              /* 5 */
        "\t[ABCGOV 20010101-20050101]\n"
        "\t[ABCELI 20040101-20080101]\n";              /* 7: overlaps */
    static const char *agents =
        "PRESIDENT [~GOV]\n"
        "PRESIDENT [~GOV]\n"                           /* 2: duplicate */
        "PRESIDENT [NGO~]\n";                          /* 3: conflicting */
    const char *vp = fx_file(verbs), *ap = fx_file(actors), *gp = fx_file(agents);
    const char *al[] = {ap, NULL};
    ent_dict_paths p = {vp, al, gp, NULL, NULL, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    CHECK_INT(ent_diag_errors(dg), 0);
    ent_diag_clear(dg);
    size_t errors = ent_dicts_check(d, dg);
    CHECK(fx_has(dg, vp, 5, "warning: duplicate pattern '- * POLICY' in block SAY (same as line 4)"));
    CHECK(fx_has(dg, vp, 6, "error: pattern '- * POLICY' [101] can never match: line 4 has the same pattern with [100]"));
    CHECK(fx_has(dg, vp, 7, "error: pattern can never match: synset &EMPTY is empty"));
    CHECK(fx_has(dg, vp, 8, "warning: pattern marks the target (+) more than once"));
    CHECK(fx_has(dg, vp, 1, "warning: synset &EMPTY has no members"));
    CHECK(fx_has(dg, vp, 11, "warning: verb 'SAY' of block TELL shares forms with verb 'SAY' of block SAY (line 3); the later definition wins"));
    char want[512];
    snprintf(want, sizeof want, "error: conflicting codes for actor phrase 'AMERICA': [CAN] here, [USA] at %s:2 (the first entry wins)", ap);
    CHECK(fx_has(dg, ap, 3, want));
    snprintf(want, sizeof want, "warning: duplicate actor phrase 'UNITED STATES' (same codes at %s:1)", ap);
    CHECK(fx_has(dg, ap, 4, want));
    CHECK(fx_has(dg, ap, 7, "warning: date range 20040101-20080101 of ABCELI overlaps 20010101-20050101 of ABCGOV (line 6); the first listed wins"));
    CHECK(fx_has(dg, gp, 2, "warning: duplicate agent phrase 'PRESIDENT' (also at line 1)"));
    CHECK(fx_has(dg, gp, 3, "error: conflicting codes for agent phrase 'PRESIDENT': NGO~ here, ~GOV at line 1"));
    CHECK_INT(errors, 4);
    CHECK_INT(ent_diag_errors(dg), 4);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(vp); fx_unlink(ap); fx_unlink(gp);
}

TEST(dict_check_clean) {
    static const char *verbs =
        "&CURRENCY\n+DOLLAR\n"
        "--- GRANT [070] ---\nGRANT\nGIVE {GAVE GIVEN GIVING}\n"
        "- * &CURRENCY [071]\n- * AID [073]\n";
    const char *vp = fx_file(verbs);
    ent_dict_paths p = {vp, NULL, NULL, NULL, NULL, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    CHECK_INT(ent_dicts_check(d, dg), 0);
    CHECK_INT(ent_diag_count(dg), 0);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(vp);
}

/* Issue 12's findings: countries without a demonym (only countries whose people or
 * institutions the set codes), overlapping terms of one office (not a shared hand-over
 * day), verbs without a pattern for an object news commonly gives them (a synonym set
 * member or a multi-word verb "+SHARE_INTELLIGENCE" counts). */
TEST(dict_check_world_findings) {
    static const char *verbs =
        "&SANCTION\n+SANCTION\n+EMBARGO\n"              /* 1-3 */
        "--- HALT [---] ---\n"                          /* 4 */
        "HALT\n"                                        /* 5 */
        "END\n"                                         /* 6: has SANCTIONS via &SANCTION */
        "- * &SANCTION [085]\n"                         /* 7 */
        "--- ACCEPT [---] ---\n"                        /* 8 */
        "ACCEPT\n"                                      /* 9: no DEMANDS, no OFFER */
        "- * PROPOSAL [080]\n"                          /* 10 */
        "--- AFFIRM [019] ---\n"                        /* 11 */
        "SHARE\n"                                       /* 12: INTELLIGENCE via the multi-word verb */
        "--- SHARE_INFO [064] ---\n"
        "+SHARE_INTELLIGENCE {+SHARES_INTELLIGENCE +SHARED_INTELLIGENCE +SHARING_INTELLIGENCE}\n";
    static const char *actors =
        "MALAWI [MWI]\n+MALAWIAN\n+MALAWIANS\n"         /* 1-3: demonym and plural */
        "SWITZERLAND [CHE]\n+SWISS\n"                   /* 4-5: invariable */
        "FIJI [FJI]\n+FIJIAN\n"                         /* 6-7: no plural */
        "BOUVET_ISLAND [BVT]\n"                         /* 8: no people coded: not reported */
        "SOME_MINISTER\n"                               /* 9 */
        "\t[MWIGOV 20010101-20050101]\n"                /* 10 */
        "\t[MWIGOV 20040101-20080101]\n"                /* 11: overlaps line 10 */
        "OTHER_MINISTER\n"                              /* 12 */
        "\t[CHEGOV 20010101-20050101]\n"
        "\t[CHEGOV 20050101-20080101]\n"                /* 14: hand-over day only */
        "FIJI_ARMY [FJIMIL]\n"                          /* 15 */
        "JERSEY [JEY]\n+JERSEYMAN\n+JERSEYMEN\n"         /* 16-18: -man/-men */
        "STATES_OF_JERSEY [JEYGOV]\n"                   /* 19 */
        "GUERNSEY [GGY]\n+GUERNSEYMAN\n"                /* 20-21: no plural */
        "STATES_OF_GUERNSEY [GGYGOV]\n";                /* 22 */
    const char *vp = fx_file(verbs), *ap = fx_file(actors);
    const char *al[] = {ap, NULL};
    ent_dict_paths p = {vp, al, NULL, NULL, NULL, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    CHECK_INT(ent_diag_errors(dg), 0);
    ent_diag_clear(dg);
    CHECK_INT(ent_dicts_check(d, dg), 0);
    CHECK(fx_has(dg, vp, 9, "warning: verb 'ACCEPT' (block ACCEPT) has no pattern for its common object 'DEMANDS'"));
    CHECK(fx_has(dg, vp, 9, "warning: verb 'ACCEPT' (block ACCEPT) has no pattern for its common object 'OFFER'"));
    CHECK(fx_has(dg, ap, 11, "warning: overlapping dated roles for one office: MWIGOV 20040101-20080101 overlaps 20010101-20050101 (line 10); merge the terms"));
    CHECK(fx_has(dg, ap, 6, "warning: country FJI ('FIJI') has no demonym (a name with its -s plural, e.g. MALAWIAN and MALAWIANS)"));
    CHECK(fx_has(dg, ap, 20, "warning: country GGY ('GUERNSEY') has no demonym (a name with its -s plural, e.g. MALAWIAN and MALAWIANS)"));
    CHECK_INT(ent_diag_count(dg), 5);   /* END, SHARE, MWI, CHE, JEY, BVT and line 14 are fine */
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(vp); fx_unlink(ap);
}

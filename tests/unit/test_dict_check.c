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
    ent_dict_paths p = {vp, al, gp, NULL, NULL};
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
    ent_dict_paths p = {vp, NULL, NULL, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    CHECK_INT(ent_dicts_check(d, dg), 0);
    CHECK_INT(ent_diag_count(dg), 0);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(vp);
}

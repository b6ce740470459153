/* test_dict_verbs.c — verb dictionary reader: blocks, codes, regular and irregular forms,
 * multi-word verbs, synsets (plurals, nesting), pattern elements and connectors, and the
 * exact messages for malformed lines. */
#include "dict_fixture.h"

static const char *VERBS =
    "<!-- test verbs -->\n"
    "&CURRENCY\n"                      /* 2 */
    "+DOLLAR\n"
    "+SWISS FRANC\n"
    "+PENNY\n"                         /* 5 */
    "\n"
    "&TIES_\n"                         /* 7 */
    "+MILITARY\n"
    "+&CURRENCY\n"
    "\n"
    "--- ABANDON [080] ---\n"          /* 11 */
    "ABANDON    # pas 15 Jul 2003\n"
    "FIX\n"
    "RELEASE [081]\n"
    "SAY {SAYS SAID SAYING}\n"         /* 15 */
    "KLM_NOP_+RST [002]\n"
    "+ABC_DEF_GHI\n"
    "- SAID + MUST * POLICY [100] # ABANDON <ab 10 Jul 2003>\n"   /* 18 */
    "- IN_*  [075]\n"
    "- * NEW_&TIES_RELATIONS [050:051]\n"   /* 20 */
    "- % * ^_AID TO $ [0874]\n"
    "\n"
    "--- ACCORD [---] ---\n"            /* 23 */
    "ACCORD\n";

static ent_dicts *load_verbs(const char *text, ent_diag *dg, const char **path) {
    *path = fx_file(text);
    ent_dict_paths p = {*path, NULL, NULL, NULL, NULL, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    return d;
}

TEST(dict_verbs_blocks_and_forms) {
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(VERBS, dg, &path);
    CHECK_INT(ent_diag_count(dg), 0);
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.verbs, 7);
    CHECK_INT(c.patterns, 4);
    CHECK_INT(c.synsets, 2);
    CHECK_INT(d->nblocks, 2);
    CHECK_STR(d->blocks[0].name, "ABANDON");
    CHECK_STR(d->blocks[0].code, "080");
    CHECK_STR(d->blocks[1].code, "---");
    CHECK_INT(d->blocks[0].nverbs, 6);
    CHECK_INT(d->blocks[0].npatterns, 4);

    /* regular forms: +S / +ES after S,X,Z; +ED / +D after E; +ING / E->ING */
    static const char *const regular[][2] = {
        {"ABANDONS", "ABANDON"}, {"ABANDONED", "ABANDON"}, {"ABANDONING", "ABANDON"},
        {"FIXES", "FIX"}, {"FIXED", "FIX"}, {"RELEASED", "RELEASE"}, {"RELEASING", "RELEASE"},
        {"RELEASES", "RELEASE"}, {"SAID", "SAY"}, {"SAYING", "SAY"}, {"ACCORDED", "ACCORD"}};
    for (size_t i = 0; i < sizeof regular / sizeof regular[0]; i++) {
        const ent_verb_form *f = ent_dict_verb_forms(d, regular[i][0]);
        CHECK(f != NULL);
        if (f) CHECK_STR(f->verb->text, regular[i][1]);
    }
    /* irregular forms replace the regular ones */
    CHECK(ent_dict_verb_forms(d, "SAYED") == NULL);
    CHECK(ent_dict_verb_forms(d, "RELEASEED") == NULL);
    /* codes: own code, else the block's */
    CHECK_STR(ent_dict_verb_forms(d, "RELEASE")->verb->code, "081");
    CHECK_STR(ent_dict_verb_forms(d, "FIX")->verb->code, "080");
    CHECK_STR(ent_dict_verb_forms(d, "ACCORD")->verb->code, "---");
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_verbs_multiword) {
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(VERBS, dg, &path);
    const ent_verb_form *f = ent_dict_verb_forms(d, "RST");
    CHECK(f != NULL);
    if (f) {
        CHECK_INT(f->nbefore, 2);
        CHECK_INT(f->nafter, 0);
        CHECK_STR(f->before[0], "KLM");
        CHECK_STR(f->before[1], "NOP");
        CHECK_STR(f->verb->code, "002");
        CHECK(f->verb->multiword);
    }
    f = ent_dict_verb_forms(d, "RSTED");
    CHECK(f && f->nbefore == 2);
    const char *ok[] = {"KLM", "NOP", "RSTING"};
    const char *bad[] = {"KLM", "XX", "RSTING"};
    f = ent_dict_verb_forms(d, "RSTING");
    CHECK(f && ent_dict_verb_form_matches(f, ok, 3, 2));
    CHECK(f && !ent_dict_verb_form_matches(f, bad, 3, 2));
    f = ent_dict_verb_forms(d, "ABCS");           /* "+ABC_DEF_GHI": verb first, then words */
    CHECK(f != NULL);
    if (f) {
        CHECK_INT(f->nbefore, 0);
        CHECK_INT(f->nafter, 2);
        CHECK_STR(f->after[1], "GHI");
        CHECK_STR(f->verb->code, "080");
    }
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_verbs_synsets) {
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(VERBS, dg, &path);
    const ent_synset *cur = ent_dict_synset(d, "&CURRENCY");
    CHECK(cur != NULL);
    if (!cur) return;
    CHECK_INT(cur->nmembers, 6);                  /* three members + their plurals */
    const char *w1[] = {"SWISS", "FRANCS", "X"};
    CHECK_INT(ent_synset_match(cur, w1, 3, 0), 2);
    const char *w2[] = {"PENNIES"};
    CHECK_INT(ent_synset_match(cur, w2, 1, 0), 1);
    const ent_synset *ties = ent_dict_synset(d, "&TIES");   /* defined as &TIES_: no plurals */
    CHECK(ties != NULL);
    if (!ties) return;
    CHECK_INT(ties->nmembers, 2);
    const char *w3[] = {"MILITARYS"};
    CHECK_INT(ent_synset_match(ties, w3, 1, 0), 0);
    const char *w4[] = {"NEW", "DOLLARS"};       /* nested: +&CURRENCY */
    CHECK_INT(ent_synset_match(ties, w4, 2, 1), 1);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_verbs_patterns) {
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(VERBS, dg, &path);
    const ent_pattern *p = &d->patterns[0];
    CHECK_INT(p->line, 18);
    CHECK_STR(p->code, "100");
    CHECK(p->code2 == NULL);
    CHECK_STR(p->comment, "ABANDON <ab 10 Jul 2003>");
    CHECK_INT(p->nupper, 3);
    CHECK_INT(p->upper[0].kind, ENT_PEL_WORD);
    CHECK_STR(p->upper[0].text, "SAID");
    CHECK_INT(p->upper[1].kind, ENT_PEL_TARGET);
    CHECK_INT(p->upper[2].gap, 1);                /* "MUST *" */
    CHECK_INT(p->nlower, 1);
    CHECK_STR(p->lower[0].text, "POLICY");
    CHECK_INT(p->lower[0].gap, 1);
    CHECK(p->block == &d->blocks[0]);

    p = &d->patterns[1];                          /* "IN_*" */
    CHECK_INT(p->nupper, 1);
    CHECK_INT(p->upper[0].gap, 0);
    CHECK_INT(p->nlower, 0);

    p = &d->patterns[2];                          /* "* NEW_&TIES_RELATIONS [050:051]" */
    CHECK_STR(p->code, "050");
    CHECK_STR(p->code2, "051");
    CHECK_INT(p->nlower, 3);
    CHECK_INT(p->lower[0].gap, 1);
    CHECK_INT(p->lower[1].kind, ENT_PEL_SYNSET);
    CHECK_INT(p->lower[1].gap, 0);
    CHECK(p->lower[1].synset == ent_dict_synset(d, "&TIES"));
    CHECK_INT(p->lower[2].gap, 0);

    p = &d->patterns[3];                          /* "% * ^_AID TO $" */
    CHECK_INT(p->upper[0].kind, ENT_PEL_COMPOUND);
    CHECK_INT(p->lower[0].kind, ENT_PEL_SKIP);
    CHECK_INT(p->lower[1].gap, 0);
    CHECK_INT(p->lower[3].kind, ENT_PEL_SOURCE);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_verbs_malformed) {
    static const char *bad =
        "- * EARLY [010]\n"                          /* 1: before any block */
        "--- SAY [010] ---\n"
        "SAY\n"
        "- * POLICY\n"                               /* 4: no code */
        "- NO STAR [011]\n"                          /* 5 */
        "- * A * B [012]\n"                          /* 6 */
        "- * &NOSUCH [013]\n"                        /* 7 */
        "CLEAR_UP\n"                                 /* 8: no '+' */
        "GIVE {GAVE GIVEN\n"                         /* 9 */
        "- * C [014\n"                               /* 10 */
        "- * [ ] \n"                                 /* 11 */
        "- * {A | B} [015]\n"                        /* 12: TABARI disjunction */
        "- * GOOD [016]\n";                          /* 13 */
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(bad, dg, &path);
    CHECK(fx_has(dg, path, 1, "error: pattern before the first verb block (expected --- NAME [CODE] ---)"));
    CHECK(fx_has(dg, path, 4, "error: pattern without a code (expected - WORDS * WORDS [CODE])"));
    CHECK(fx_has(dg, path, 5, "error: pattern without '*' (expected - WORDS * WORDS [CODE])"));
    CHECK(fx_has(dg, path, 6, "error: pattern with more than one '*' (expected one verb position)"));
    CHECK(fx_has(dg, path, 7, "error: unknown synset &NOSUCH"));
    CHECK(fx_has(dg, path, 8, "error: multi-word verb 'CLEAR_UP' needs one '+' before the verb word (expected e.g. CORDON_+OFF)"));
    CHECK(fx_has(dg, path, 9, "error: missing '}' after irregular verb forms (expected VERB {FORMS})"));
    CHECK(fx_has(dg, path, 10, "error: missing ']' after pattern code (expected [CODE])"));
    CHECK(fx_has(dg, path, 11, "error: empty code '[]' (expected [CODE])"));
    CHECK(fx_has(dg, path, 12, "warning: TABARI disjunction {...} in pattern is not supported; pattern skipped"));
    CHECK_INT(ent_diag_errors(dg), 9);
    /* the reader went on: the good lines are there */
    CHECK_INT(d->nverbs, 1);
    CHECK_INT(d->npatterns, 2);                  /* &NOSUCH pattern kept (reported), GOOD */
    CHECK_STR(d->patterns[d->npatterns - 1].code, "016");
    ent_dict_counts c;
    ent_dicts_counts(d, &c);
    CHECK_INT(c.errors, 9);
    CHECK_INT(c.warnings, 1);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_verbs_missing_file) {
    ent_diag *dg = ent_diag_new();
    ent_dict_paths p = {"/nonexistent/verbs.txt", NULL, NULL, NULL, NULL, NULL, NULL};
    ent_dicts *d = (ent_dicts *)1;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_ERR_IO);
    CHECK(d == NULL);
    CHECK(ent_diag_errors(dg) >= 1);
    ent_diag_free(dg);
}

TEST(dict_verbs_comments_crlf_bom) {
    static const char *text =
        "\xEF\xBB\xBF<!-- a comment\r\n"               /* 1: BOM + multi-line XML comment */
        "--- NOT A BLOCK [999] ---\r\n"
        "-->\r\n"
        "--- GRANT [070] ---  <!-- inline --> \r\n"    /* 4 */
        "GRANT # comment\r\n"
        "# - * IGNORED [000]\r\n"
        "- * AID [073] # GRANT <jw 11/14/91>\r\n";     /* 7 */
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(text, dg, &path);
    CHECK_INT(ent_diag_count(dg), 0);
    CHECK_INT(d->nblocks, 1);
    CHECK_STR(d->blocks[0].code, "070");
    CHECK_INT(d->blocks[0].line, 4);
    CHECK_INT(d->npatterns, 1);
    CHECK_STR(d->patterns[0].comment, "GRANT <jw 11/14/91>");
    CHECK_INT(d->patterns[0].line, 7);
    CHECK(ent_dict_verb_forms(d, "GRANTED") != NULL);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

TEST(dict_verbs_later_definition_first) {
    static const char *text =
        "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n"
        "--- WILL [030] ---\nSAY\n";                   /* SAY again: the later one wins */
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(text, dg, &path);
    const ent_verb_form *f = ent_dict_verb_forms(d, "SAY");
    CHECK(f != NULL && f->next != NULL);
    if (f && f->next) {
        CHECK_STR(f->verb->code, "030");
        CHECK_STR(f->next->verb->code, "010");
    }
    f = ent_dict_verb_forms(d, "SAID");               /* only the irregular verb has it */
    CHECK(f != NULL && f->next == NULL);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

/* The PETRARCH-2 layout (CAMEO.2.0.txt): phrase groups become their words with gaps
 * allowed, "[:110]" codes the reversed event, commas separate irregular forms, and a
 * transformation line is named and skipped. */
TEST(dict_verbs_petrarch2_layout) {
    static const char *text =
        "&WEAPON\n+ROCKET\n\n"
        "--- ADD [---] ---\nADD\n"
        "- * SANCTIONS [163]\n"                                 /* 6 */
        "- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n"           /* 7 */
        "- * (BEFORE COURT)   [:173]  # APPEAR\n"                 /* 8 */
        "- * {&WEAPON ATTACK} (AGAINST) + [190]\n"               /* 9 */
        "--- OFFEND [:110] ---\n"                                /* 10 */
        "APPALL\n"
        "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED} [030]\n"
        "~ a (a b ATTACK) SAY = a b 015\n";                      /* 13 */
    ent_diag *dg = ent_diag_new();
    const char *path;
    ent_dicts *d = load_verbs(text, dg, &path);
    CHECK_INT(ent_diag_errors(dg), 0);
    CHECK_INT(d->npatterns, 4);
    CHECK_INT(d->patterns_skipped, 1);
    CHECK(fx_has(dg, path, 13, "warning: PETRARCH-2 transformation '~ a (a b ATTACK) SAY = a b 015' cannot be "
                               "expressed as a verb pattern (it rewrites the event of a reported clause; entente's "
                               "coder keeps the reported event); skipped"));
    if (d->npatterns == 4) {
        const ent_pattern *p = &d->patterns[1];
        CHECK_INT(p->nlower, 5);                    /* TO LIST OF BANNED PARTIES */
        if (p->nlower == 5) {
            CHECK_STR(p->lower[0].text, "TO");
            CHECK_STR(p->lower[3].text, "BANNED");
            CHECK_STR(p->lower[4].text, "PARTIES");
            CHECK_INT(p->lower[4].gap, 1);
        }
        CHECK_STR(d->patterns[2].code, "173");
        CHECK(d->patterns[2].code2 == NULL);
        CHECK_INT(d->patterns[2].reversed, 1);
        CHECK_INT(d->patterns[1].reversed, 0);
        p = &d->patterns[3];
        CHECK_INT(p->nlower, 4);                    /* &WEAPON ATTACK AGAINST + */
        if (p->nlower == 4) {
            CHECK_INT(p->lower[0].kind, ENT_PEL_SYNSET);
            CHECK(p->lower[0].synset != NULL);
        }
    }
    CHECK_INT(d->nblocks, 2);
    if (d->nblocks == 2) {
        CHECK_STR(d->blocks[1].code, "110");
        CHECK_INT(d->blocks[1].reversed, 1);
    }
    const ent_verb_form *f = ent_dict_verb_forms(d, "APPALLED");
    CHECK(f != NULL && f->verb->reversed);
    f = ent_dict_verb_forms(d, "BE");               /* +BE_DETERMINED after a comma */
    CHECK(f != NULL && f->nafter == 1 && !strcmp(f->after[0], "DETERMINED"));
    CHECK(ent_dict_verb_forms(d, ",") == NULL);
    ent_dicts_free(d);
    ent_diag_free(dg);
    fx_unlink(path);
}

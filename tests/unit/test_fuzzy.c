/* test_fuzzy.c — ent_fuzzy_match (coder/fuzzy.c): the one actor word at edit distance 1,
 * and no answer for a dictionary word, a tie, a short word or two edits. */
#include "dict_fixture.h"
#include "coder/fuzzy.h"

static const char FUZZY_ACTORS[] =
    "ETHIOPIA [ETH]\n"
    "FRANCOIS_MITTERRAND [FRAGOV]\n"
    "SINWAR [PSEREB]\n"
    "SINGAR [XXX]\n"
    "GHANA [GHA]\n"
    "MALAWI [MWI]\n";

TEST(fuzzy_unique_name_one_edit_away) {
    ent_diag *dg = ent_diag_new();
    const char *path = fx_file(FUZZY_ACTORS);
    const char *list[2] = {path, NULL};
    ent_dict_paths p = {NULL, list, NULL, NULL, NULL, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, dg, &d), ENT_OK);
    ent_fuzzy *f = ent_fuzzy_new(d);
    /* ETHIOPIA FRANCOIS MITTERRAND SINWAR SINGAR MALAWI (GHANA: under 6 letters) */
    CHECK_INT((long)ent_fuzzy_size(f), 6);
    CHECK_STR(ent_fuzzy_match(f, "ETHOPIA", 7), "ETHIOPIA");       /* a letter dropped */
    CHECK_STR(ent_fuzzy_match(f, "MITTERAND", 9), "MITTERRAND");   /* of a double letter */
    CHECK_STR(ent_fuzzy_match(f, "ETHIIOPIA", 9), "ETHIOPIA");     /* a letter added */
    CHECK_STR(ent_fuzzy_match(f, "MALAWA", 6), "MALAWI");          /* a letter changed */
    CHECK(ent_fuzzy_match(f, "FRANCIOS", 8) == NULL);            /* two letters changed */
    CHECK(ent_fuzzy_match(f, "SINJAR", 6) == NULL);              /* SINWAR and SINGAR: a tie */
    CHECK(ent_fuzzy_match(f, "ETHIOPIA", 8) == NULL);            /* a dictionary word itself */
    CHECK(ent_fuzzy_match(f, "GHANAA", 6) == NULL);              /* GHANA is not indexed */
    CHECK(ent_fuzzy_match(f, "MALAW", 5) == NULL);               /* too short to ask */
    CHECK(ent_fuzzy_match(f, "MALAW1", 6) == NULL);              /* not all letters */
    ent_fuzzy_free(f);
    f = ent_fuzzy_new(NULL);
    CHECK_INT((long)ent_fuzzy_size(f), 0);
    CHECK(ent_fuzzy_match(f, "ETHOPIA", 7) == NULL);
    ent_fuzzy_free(f);
    ent_dicts_free(d);
    fx_unlink(path);
    ent_diag_free(dg);
}

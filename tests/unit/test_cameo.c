/* test_cameo.c — the CAMEO event table: structure, prefix fallback, and agreement with
 * the public reference tables in ../shared/cameo (Goldstein scores, PLOVER categories). */
#include "test.h"
#include "entente.h"

#include <math.h>

TEST(cameo_table_is_sorted_and_consistent) {
    size_t n = ent_cameo_count();
    CHECK(n >= 300);
    int roots = 0;
    for (size_t i = 0; i < n; i++) {
        const ent_cameo_info *e = ent_cameo_at(i);
        CHECK(e != NULL);
        if (!e) return;
        size_t len = strlen(e->code);
        CHECK(len >= 2 && len <= 4);
        if (i > 0) CHECK(strcmp(ent_cameo_at(i - 1)->code, e->code) < 0);
        CHECK(strncmp(e->code, e->root, 2) == 0 && strlen(e->root) == 2);
        int r = atoi(e->root);
        CHECK(r >= 1 && r <= 20);
        int want = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
        CHECK_INT(e->quad, want);
        CHECK(e->name && *e->name);
        CHECK(e->goldstein >= -10.0 && e->goldstein <= 10.0);
        CHECK(ent_cameo_lookup(e->code) == e);
        if (len == 2) roots++;
        /* every 3-/4-digit code has its parent in the table */
        if (len > 2) {
            char parent[5];
            memcpy(parent, e->code, len - 1);
            parent[len - 1] = '\0';
            const ent_cameo_info *p = ent_cameo_lookup(parent);
            CHECK(p && strcmp(p->code, parent) == 0);
        }
    }
    CHECK_INT(roots, 20);
    CHECK(ent_cameo_at(n) == NULL);
}

TEST(cameo_lookup_examples_and_fallback) {
    const ent_cameo_info *e = ent_cameo_lookup("057");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->root, "05");
    CHECK_INT(e->quad, 1);
    CHECK_STR(e->plover, "SUPPORT");
    CHECK(fabs(e->goldstein - 8.0) < 1e-9);
    CHECK_STR(ent_cameo_lookup("075A")->code, "075");      /* trailing letter */
    CHECK_STR(ent_cameo_lookup("0759")->code, "075");      /* unknown 4-digit code */
    CHECK_STR(ent_cameo_lookup("1990")->code, "19");       /* unknown 3-digit prefix */
    CHECK_STR(ent_cameo_lookup(" 190 ")->code, "190");     /* surrounding blanks */
    CHECK_STR(ent_cameo_lookup("013:012")->code, "013");   /* first half of a pair */
    CHECK_INT(ent_cameo_lookup("190")->quad, 4);
    CHECK_INT(ent_cameo_lookup("0874")->quad, 2);
    CHECK_INT(ent_cameo_lookup("112")->quad, 3);
    CHECK(ent_cameo_lookup("---") == NULL);
    CHECK(ent_cameo_lookup("") == NULL);
    CHECK(ent_cameo_lookup(NULL) == NULL);
    CHECK(ent_cameo_lookup("7") == NULL);
    CHECK(ent_cameo_lookup("21") == NULL);
    CHECK(ent_cameo_lookup("00") == NULL);
}

TEST(cameo_matches_shared_goldstein_table) {
    SHARED_OR_SKIP(path, "cameo/CAMEO.goldsteinscale.tsv");
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    char line[256];
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        char code[16];
        double g;
        if (sscanf(line, "%15[0-9]\t%lf", code, &g) != 2) continue; /* header */
        const ent_cameo_info *e = ent_cameo_lookup(code);
        if (!e || strcmp(e->code, code) != 0) {
            ent_test_fail(__FILE__, __LINE__, "code %s missing from the table", code);
            continue;
        }
        if (fabs(e->goldstein - g) > 1e-9)
            ent_test_fail(__FILE__, __LINE__, "code %s: goldstein %.1f, shared says %.1f", code,
                          e->goldstein, g);
        checked++;
    }
    fclose(f);
    CHECK(checked > 300);
}

TEST(cameo_matches_shared_plover_table) {
    SHARED_OR_SKIP(path, "cameo/CAMEO2PLOVER-2021.txt");
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    /* A code may be listed more than once ("08" under CONCEDE and RETREAT): the table's
     * category must be one of those listed, so collect them all first. */
    static struct { char code[8]; char cats[4][32]; int n; } seen[400];
    int nseen = 0;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char code[8], cat[32];
        if (sscanf(line, "%7[0-9]: %31[A-Z]", code, cat) != 2) continue;
        int k;
        for (k = 0; k < nseen && strcmp(seen[k].code, code) != 0; k++) {}
        if (k == nseen) {
            if (nseen == 400) break;
            snprintf(seen[k].code, sizeof seen[k].code, "%s", code);
            seen[k].n = 0;
            nseen++;
        }
        if (seen[k].n < 4) snprintf(seen[k].cats[seen[k].n++], 32, "%s", cat);
    }
    fclose(f);
    CHECK(nseen > 250);
    for (int k = 0; k < nseen; k++) {
        const ent_cameo_info *e = ent_cameo_lookup(seen[k].code);
        if (!e || strcmp(e->code, seen[k].code) != 0) {
            ent_test_fail(__FILE__, __LINE__, "code %s missing from the table", seen[k].code);
            continue;
        }
        int ok = 0;
        for (int j = 0; j < seen[k].n; j++) ok |= strcmp(e->plover, seen[k].cats[j]) == 0;
        if (!ok)
            ent_test_fail(__FILE__, __LINE__, "code %s: plover %s, shared says %s", seen[k].code,
                          e->plover, seen[k].cats[0]);
    }
}

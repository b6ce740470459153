/* test_coder_mentions.c — the story's people named in full (src/coder/mentions.c): the
 * same person named twice is one entry, a surname or a title two people share finds no
 * one, a family name written first is found when no name ends in it, a name too long for
 * its field is not noted. */
#include "test.h"
#include "coder/mentions.h"

#include <string.h>

TEST(mentions_same_person_merges) {
    ent_story_people p;
    ent_people_reset(&p);
    CHECK_INT(ent_people_note(&p, "KAAREL VESSIK", "PRIME MINISTER", "ESTGOV"), 1);
    /* the surname alone, same code: the same person (the longer name and first title kept) */
    CHECK_INT(ent_people_note(&p, "VESSIK", "", "ESTGOV"), 1);
    CHECK_INT(p.n, 1);
    CHECK_STR(p.v[0].name, "KAAREL VESSIK");
    CHECK_STR(ent_people_by_surname(&p, "VESSIK", NULL), "ESTGOV");
    CHECK_STR(ent_people_by_title(&p, "PRIME MINISTER", NULL), "ESTGOV");
    /* a word that only ends the surname is no match ("SIK" of "VESSIK") */
    CHECK(ent_people_by_surname(&p, "SIK", NULL) == NULL);
    ent_people_reset(&p);
    CHECK(ent_people_by_surname(&p, "VESSIK", NULL) == NULL);
}

TEST(mentions_shared_surname_or_title_is_ambiguous) {
    ent_story_people p;
    int amb = 0;
    ent_people_reset(&p);
    ent_people_note(&p, "LUIS SALCEDO", "INTERIOR MINISTER", "PERGOV");
    ent_people_note(&p, "MARTA SALCEDO", "DEFENCE MINISTER", "ECUGOV");
    CHECK(ent_people_by_surname(&p, "SALCEDO", &amb) == NULL);
    CHECK_INT(amb, 1);
    CHECK_STR(ent_people_by_title(&p, "DEFENCE MINISTER", &amb), "ECUGOV");
    CHECK_INT(amb, 0);
    /* two given names with one code are two people too */
    ent_people_reset(&p);
    ent_people_note(&p, "AINO KALLIO", "FOREIGN MINISTER", "FINGOV");
    ent_people_note(&p, "ERIK KALLIO", "FOREIGN MINISTER", "FINGOV");
    CHECK_INT(p.n, 2);
    CHECK(ent_people_by_title(&p, "FOREIGN MINISTER", &amb) == NULL);
    CHECK_INT(amb, 1);
}

TEST(mentions_family_name_first) {
    ent_story_people p;
    int amb = 0;
    ent_people_reset(&p);
    ent_people_note(&p, "ZHAO LINTANG", "FOREIGN MINISTER", "CHNGOV");
    ent_people_note(&p, "RI SON GWON", "FOREIGN MINISTER", "PRKGOV");
    /* the first word of a name of two words or more */
    CHECK_STR(ent_people_by_surname(&p, "ZHAO", &amb), "CHNGOV");
    CHECK_INT(amb, 0);
    CHECK_STR(ent_people_by_surname(&p, "RI", NULL), "PRKGOV");
    CHECK_STR(ent_people_by_surname(&p, "LINTANG", NULL), "CHNGOV");
    /* a word inside the name, or a prefix of its first word, is no match */
    CHECK(ent_people_by_surname(&p, "SON", NULL) == NULL);
    CHECK(ent_people_by_surname(&p, "ZHA", NULL) == NULL);
    /* a name ending in the word wins over one starting with it */
    ent_people_note(&p, "ANNA ZHAO", "TRADE MINISTER", "SGPGOV");
    CHECK_STR(ent_people_by_surname(&p, "ZHAO", &amb), "SGPGOV");
    /* two names starting with it: no one */
    ent_people_reset(&p);
    ent_people_note(&p, "ZHAO LINTANG", "FOREIGN MINISTER", "CHNGOV");
    ent_people_note(&p, "ZHAO MEIFEN", "TRADE MINISTER", "CHNGOV");
    CHECK(ent_people_by_surname(&p, "ZHAO", &amb) == NULL);
    CHECK_INT(amb, 1);
    /* the name again, or its last words; another given name is someone else */
    ent_people_reset(&p);
    ent_people_note(&p, "KENJI MORIYAMA", "TRADE MINISTER", "JPNGOV");
    CHECK_STR(ent_people_by_name(&p, "KENJI MORIYAMA", NULL), "JPNGOV");
    CHECK(ent_people_by_name(&p, "AIKO MORIYAMA", NULL) == NULL);
    CHECK(ent_people_by_name(&p, "MORIYAMA", NULL) == NULL);   /* one word: by_surname's */
    /* a name of one word is matched by its last word only */
    ent_people_reset(&p);
    ent_people_note(&p, "ZHAO", "", "CHNGOV");
    CHECK_STR(ent_people_by_surname(&p, "ZHAO", NULL), "CHNGOV");
}

TEST(mentions_limits) {
    ent_story_people p;
    ent_people_reset(&p);
    char longname[80];
    memset(longname, 'A', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    CHECK_INT(ent_people_note(&p, longname, "", "ESTGOV"), 0);
    CHECK_INT(ent_people_note(&p, "", "", "ESTGOV"), 0);
    CHECK_INT(ent_people_note(&p, "KAAREL VESSIK", "", ""), 0);
    char name[16];
    for (int i = 0; i < ENT_STORY_PEOPLE_MAX + 3; i++) {
        snprintf(name, sizeof name, "P%d", i);
        ent_people_note(&p, name, "", "ESTGOV");
    }
    CHECK_INT(p.n, ENT_STORY_PEOPLE_MAX);
}

/* mentions.h — internal: the people a story has named in full, for later mentions by
 * surname or title (resolve_pronouns; mentions.c).  The coder keeps one list per story
 * (ent_coder.people), emptied by ent_coder_begin_story: nothing crosses stories. */
#ifndef ENT_CODER_MENTIONS_H
#define ENT_CODER_MENTIONS_H

#define ENT_STORY_PEOPLE_MAX 24

typedef struct ent_story_person {
    char name[64];      /* the name's words, space-separated, uppercase: "DONALD TUSK" */
    char title[48];     /* the title before the name: "PRIME MINISTER"; "" none */
    char code[24];      /* the actor code of the full mention: "POLGOV" */
} ent_story_person;

typedef struct ent_story_people {
    ent_story_person v[ENT_STORY_PEOPLE_MAX];
    int n;
} ent_story_people;

void ent_people_reset(ent_story_people *p);

/* Note a person named in full (name: 1+ words; title may be ""; code with a country).  A
 * person already noted with the same code whose name is a word-suffix of this one, or
 * this one of it ("TUSK", "DONALD TUSK"), is the same person: the longer name and the
 * first title are kept.  Anyone else is a new entry (two "KIM"s make "KIM" ambiguous).
 * Strings too long for the fields, and a full list, are not noted.  Returns 1 if noted. */
int ent_people_note(ent_story_people *p, const char *name, const char *title, const char *code);

/* The code of the one noted person whose name ends in the word surname, or whose title
 * is title (exactly); NULL when none, or when two people qualify (*ambiguous set to 1;
 * ambiguous may be NULL).  The string belongs to p.  A surname no name ends in may be
 * the first word of a name of two words or more, a family name written first ("LI" of
 * "LI KEQIANG", "MOON" of "MOON JAE-IN"), under the same rule of one person only. */
const char *ent_people_by_surname(const ent_story_people *p, const char *surname, int *ambiguous);
const char *ent_people_by_title(const ent_story_people *p, const char *title, int *ambiguous);
/* The code of the one noted person whose name is name (two words or more: "KAAREL VESSIK")
 * or ends in its words; NULL when none or two (as above). */
const char *ent_people_by_name(const ent_story_people *p, const char *name, int *ambiguous);

#endif

/* mentions.c — the story's people named in full (see mentions.h).  A short list searched
 * linearly: a story names a handful of people. */
#include "coder/mentions.h"

#include <string.h>

void ent_people_reset(ent_story_people *p) { p->n = 0; }

/* Is a's word list a suffix of b's ("TUSK" of "DONALD TUSK"), or equal? */
static int word_suffix(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb || strcmp(b + lb - la, a)) return 0;
    return la == lb || b[lb - la - 1] == ' ';
}

static const char *surname_of(const char *name) {
    const char *s = strrchr(name, ' ');
    return s ? s + 1 : name;
}

int ent_people_note(ent_story_people *p, const char *name, const char *title, const char *code) {
    if (!*name || !*code || strlen(name) >= sizeof p->v[0].name || strlen(title) >= sizeof p->v[0].title ||
        strlen(code) >= sizeof p->v[0].code)
        return 0;
    for (int i = 0; i < p->n; i++) {
        ent_story_person *q = &p->v[i];
        if (strcmp(q->code, code) || (!word_suffix(name, q->name) && !word_suffix(q->name, name))) continue;
        if (strlen(name) > strlen(q->name)) strcpy(q->name, name);
        if (!q->title[0]) strcpy(q->title, title);
        return 1;
    }
    if (p->n >= ENT_STORY_PEOPLE_MAX) return 0;
    ent_story_person *q = &p->v[p->n++];
    strcpy(q->name, name);
    strcpy(q->title, title);
    strcpy(q->code, code);
    return 1;
}

/* Is key the first word of a name of two words or more ("LI" of "LI KEQIANG")? */
static int first_word_is(const char *name, const char *key) {
    size_t l = strlen(key);
    return !strncmp(name, key, l) && name[l] == ' ';
}

/* Does q match key: by its name's last word (which 0), its title (1), its name's first
 * word (2), or the name's last words (3)? */
static int person_key(const ent_story_person *q, const char *key, int which) {
    switch (which) {
    case 1: return !strcmp(q->title, key);
    case 2: return first_word_is(q->name, key);
    case 3: return word_suffix(key, q->name);
    default: return !strcmp(surname_of(q->name), key);
    }
}

/* The one person for whom key matches (which: as person_key). */
static const char *one_person(const ent_story_people *p, const char *key, int which, int *ambiguous) {
    const char *found = NULL;
    if (ambiguous) *ambiguous = 0;
    if (!*key) return NULL;
    for (int i = 0; i < p->n; i++) {
        const ent_story_person *q = &p->v[i];
        if (!person_key(q, key, which)) continue;
        if (found) {
            if (ambiguous) *ambiguous = 1;
            return NULL;
        }
        found = q->code;
    }
    return found;
}

const char *ent_people_by_surname(const ent_story_people *p, const char *surname, int *ambiguous) {
    int amb = 0;
    const char *code = one_person(p, surname, 0, &amb);
    if (!code && !amb) code = one_person(p, surname, 2, &amb);   /* family name first */
    if (ambiguous) *ambiguous = amb;
    return code;
}

const char *ent_people_by_name(const ent_story_people *p, const char *name, int *ambiguous) {
    return strchr(name, ' ') ? one_person(p, name, 3, ambiguous) : NULL;
}

const char *ent_people_by_title(const ent_story_people *p, const char *title, int *ambiguous) {
    return one_person(p, title, 1, ambiguous);
}

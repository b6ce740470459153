/* gen-countries.c — build-time generator of data/dictionaries/iso-countries.actors.txt:
 * one actor entry per ISO 3166-1 country, read from Debian's iso-codes JSON
 * (/usr/share/iso-codes/json/iso_3166-1.json).  Each entry is the short name with the
 * alpha-3 code (CAMEO country codes are ISO alpha-3), plus synonyms: the official name,
 * the common name, "X, Y of" names reordered to "Y of X", parenthesised alternatives, and
 * an accent-free spelling of any non-ASCII name.
 * With the npm package world-countries' countries.json (ODbL 1.0, (c) Mohammed Le Doze)
 * each ISO country also gets its English demonyms (adjective and, where English forms one
 * by adding -s, the plural people noun: Malawian, Malawians), its capitals (metonyms:
 * "Lilongwe said"), and its other English spellings (Ivory Coast, East Timor).
 * A name claimed by several countries goes to the one UN member among them, else to none
 * ("Dominican": DOM and DMA); names already in the hand-written files given after --skip
 * are left out (those files win), and a few capitals that are common words or person
 * names are withheld.  Run by the Makefile; prints to stdout.
 * Usage: gen-countries ISO_3166-1.JSON [WORLD-COUNTRIES.JSON] [--skip ACTORS.TXT...] > FILE.
 * Exit status 1 with a message on bad input. */
#include "dict/demonym.h"

#include <jansson.h>
#include <utf8proc.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXNAMES 64

typedef struct { char *v[MAXNAMES * 8]; int n; } names;

/* "ETHNIC_X" phrases of every demonym (one record for all countries, see main). */
static names ethnic;

/* Turn a display name into dictionary form: letters uppercased with their accents
 * stripped (the matcher folds accents the same way, see ent_word_fold: "Brasília" is
 * BRASILIA and matches both spellings), runs of blanks joined by '_'.  Returns a
 * malloc'ed string. */
static char *dict_form(const char *s) {
    utf8proc_uint8_t *folded = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK) < 0)
        folded = (utf8proc_uint8_t *)strdup(s);     /* invalid UTF-8: kept as it is */
    if (!folded) { perror("malloc"); exit(1); }
    size_t n = strlen((const char *)folded);
    char *out = malloc(n + 1), *o = out;
    if (!out) { perror("malloc"); exit(1); }
    int pending = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = folded[i];
        if (c == ' ' || c == '\t') { pending = o != out; i++; continue; }
        if (pending) { *o++ = '_'; pending = 0; }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(folded + i, (utf8proc_ssize_t)(n - i), &cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = k > 0 ? utf8proc_encode_char(utf8proc_toupper(cp), enc) : 0;
        if (k <= 0) { *o++ = (char)c; i++; continue; }
        if (el > k) { memcpy(o, folded + i, (size_t)k); o += k; }   /* never longer */
        else { memcpy(o, enc, (size_t)el); o += el; }
        i += (size_t)k;
    }
    *o = '\0';
    free(folded);
    return out;
}

/* Bare names that are ambiguous in news use and are assigned by the hand-written
 * entente.countries.actors.txt instead: wire reports mostly mean the DRC (COD) by
 * "Congo", while ISO's short name "Congo" is the Republic of the Congo (COG), which
 * keeps its longer names here.  And native names that fold to a common English noun:
 * Iceland's "Ísland" is ISLAND, which named "Snake Island" and "Rhode Island" ISL (of the
 * one-word names only this one is no English name of its country; "China", "Guinea",
 * "Jersey" and "Niger" are common nouns too, but their countries' English names). */
static const char *const withheld[] = {"CONGO", "ISLAND"};

/* Capitals that are common words, person names or other well-known places, left out as
 * metonyms ("Victoria", "Male", "Georgetown University"). */
static const char *const withheld_capitals[] = {
    "VICTORIA", "HAMILTON", "STANLEY", "DOUGLAS", "PLYMOUTH", "THE_VALLEY", "GEORGETOWN",
    "JERUSALEM", "MALE", "CAYENNE", "SAN_JOSE", "JAMESTOWN", "ADAMSTOWN", "KING_EDWARD_POINT",
    "KINGSTON", "SAINT_JOHN'S", "ST._JOHN'S", "AVARUA", "SAIPAN", "THE_SETTLEMENT"};

/* world-countries demonyms that are place names or too vague ("Gibraltar", "Vatican"). */
static const char *const withheld_demonyms[] = {"GIBRALTAR", "DJIBOUTI", "VATICAN", "AMERICAN_ISLANDER"};

/* Demonyms world-countries lacks or shares between two territories (so that neither
 * gets it): the islanders of uninhabited or military territories, the Chagossians of the
 * British Indian Ocean Territory, Guernsey's and Jersey's own forms (world-countries
 * gives both "Channel Islander"), the two Virgin Islands', and those whose world-countries
 * demonym is their sovereign's (Bonaire, the Northern Marianas).  plural NULL: the -s plural
 * where English forms one (add_demonyms). */
static const struct { const char *a3, *demonym, *plural; } extra_demonyms[] = {
    {"BVT", "Bouvet Islander", NULL},
    {"UMI", "U.S. Minor Outlying Islander", NULL},
    {"IOT", "Chagossian", NULL},
    {"GGY", "Guernseyman", "Guernseymen"},
    {"GGY", "Guernseywoman", "Guernseywomen"},
    {"JEY", "Jerseyman", "Jerseymen"},
    {"JEY", "Jerseywoman", "Jerseywomen"},
    {"VGB", "British Virgin Islander", NULL},
    {"VIR", "U.S. Virgin Islander", NULL},
    {"VIR", "US Virgin Islander", NULL},
    {"BES", "Bonairean", NULL},                       /* world-countries: "Dutch" */
    {"MNP", "Northern Mariana Islander", NULL},       /* world-countries: "American" */
};

/* The list add() consults besides withheld[]: set while adding capitals or demonyms. */
static const char *const *extra_withheld;
static size_t n_extra_withheld;

static int in_list(const char *f, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(f, list[i]) == 0) return 1;
    return 0;
}

static int is_withheld(const char *f) {
    return in_list(f, withheld, sizeof withheld / sizeof withheld[0]) ||
           (extra_withheld && in_list(f, extra_withheld, n_extra_withheld));
}

static void add(names *ns, const char *display) {
    if (!display || !*display || ns->n >= MAXNAMES * 8 - 1) return;
    char *f = dict_form(display);
    if (is_withheld(f)) { free(f); return; }
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->v[i], f) == 0) { free(f); return; }
    ns->v[ns->n++] = f;
}

/* Add a name and the variants an English text would use for it. */
static void add_variants(names *ns, const char *name) {
    if (!name) return;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", name);
    char *paren = strchr(buf, '(');
    if (paren) {                                   /* "Holy See (Vatican City State)" */
        char *close = strchr(paren, ')');
        if (close) {
            *close = '\0';
            add_variants(ns, paren + 1);
        }
        while (paren > buf && paren[-1] == ' ') paren--;
        *paren = '\0';
    }
    char *comma = strchr(buf, ',');
    if (comma) {                                   /* "Korea, Republic of" */
        *comma = '\0';
        const char *tail = comma + 1;
        while (*tail == ' ') tail++;
        size_t tl = strlen(tail);
        int of_end = (tl > 3 && strcmp(tail + tl - 3, " of") == 0) ||
                     (tl > 7 && strcmp(tail + tl - 7, " of the") == 0);
        int one_word = strchr(tail, ' ') == NULL;
        if (of_end || one_word) {
            char re[1100];
            snprintf(re, sizeof re, "%s %s", tail, buf);
            add(ns, re);
        } else {
            add(ns, buf);                          /* "Bonaire, Sint Eustatius and Saba" */
        }
        return;
    }
    add(ns, buf);
}

/* ---- world-countries facts */

/* Demonyms that English pluralises with -s (not "the Swiss", "the French"). */
static int plural_s(const char *d) {
    return strlen(d) >= 4 && !ent_demonym_invariable(d);
}

/* One demonym string of world-countries ("Antiguan, Barbudan", "Kittitian or Nevisian"):
 * each part, and its -s plural where English has one. */
static void add_demonyms(names *ns, const char *s) {
    if (!s || !*s) return;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    char *save = NULL;
    for (char *part = strtok_r(buf, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
        char *or = strstr(part, " or ");
        if (or) { *or = '\0'; add_demonyms(ns, or + 4); }
        while (*part == ' ') part++;
        if (!*part) continue;
        char *f0 = dict_form(part);
        int held = is_withheld(f0);
        free(f0);
        if (held) continue;
        add(ns, part);
        char eth[300];
        snprintf(eth, sizeof eth, "ethnic %s", part);
        if (ethnic.n < MAXNAMES * 8) add(&ethnic, eth);
        char *f = dict_form(part);
        if (plural_s(f)) {
            char pl[300];
            snprintf(pl, sizeof pl, "%ss", part);
            add(ns, pl);
            snprintf(eth, sizeof eth, "ethnic %ss", part);
            if (ethnic.n < MAXNAMES * 8) add(&ethnic, eth);
        }
        free(f);
    }
}

static json_t *wc_find(json_t *wc, const char *a3) {
    size_t i;
    json_t *c;
    json_array_foreach(wc, i, c) {
        const char *x = json_string_value(json_object_get(c, "cca3"));
        if (x && strcmp(x, a3) == 0) return c;
    }
    return NULL;
}

/* The world-countries names of one country into ns. */
static void add_wc(names *ns, json_t *c) {
    json_t *name = json_object_get(c, "name");
    add_variants(ns, json_string_value(json_object_get(name, "common")));
    add_variants(ns, json_string_value(json_object_get(name, "official")));
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(c, "altSpellings"), i, v) {
        const char *s = json_string_value(v);
        if (s && strlen(s) > 3) add_variants(ns, s);   /* "MW", "USA": codes, not names */
    }
    json_t *dem = json_object_get(json_object_get(c, "demonyms"), "eng");
    extra_withheld = withheld_demonyms;
    n_extra_withheld = sizeof withheld_demonyms / sizeof withheld_demonyms[0];
    add_demonyms(ns, json_string_value(json_object_get(dem, "m")));
    add_demonyms(ns, json_string_value(json_object_get(dem, "f")));
    extra_withheld = withheld_capitals;
    n_extra_withheld = sizeof withheld_capitals / sizeof withheld_capitals[0];
    json_array_foreach(json_object_get(c, "capital"), i, v) add_variants(ns, json_string_value(v));
    extra_withheld = NULL;
}

/* The extra_demonyms of country a3 into ns. */
static void add_extra_demonyms(names *ns, const char *a3) {
    for (size_t i = 0; i < sizeof extra_demonyms / sizeof extra_demonyms[0]; i++) {
        if (strcmp(extra_demonyms[i].a3, a3) != 0) continue;
        if (extra_demonyms[i].plural) {
            add(ns, extra_demonyms[i].demonym);
            add(ns, extra_demonyms[i].plural);
        } else {
            add_demonyms(ns, extra_demonyms[i].demonym);
        }
    }
}

/* ---- names of hand-written actor files (--skip) */

typedef struct { char **v; size_t n, cap; } strset;

static int cmp_strp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void strset_add(strset *s, char *str) {
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v) { perror("realloc"); exit(1); }
    }
    s->v[s->n++] = str;
}

static int strset_has(const strset *s, const char *str) {
    return s->n && bsearch(&str, s->v, s->n, sizeof *s->v, cmp_strp) != NULL;
}

/* The phrases (primary and '+' lines) of a TABARI actor file, in dictionary form with a
 * final '_' dropped. */
static void read_skip(strset *s, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    char line[2048];
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        if (*p == '+') p++;
        else if (*p == '#' || *p == ';' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') continue;
        size_t n = strcspn(p, " \t\r\n[#;");
        while (n && p[n - 1] == '_') n--;
        if (!n) continue;
        p[n] = '\0';
        char *f2 = dict_form(p);
        strset_add(s, f2);
    }
    fclose(f);
    qsort(s->v, s->n, sizeof *s->v, cmp_strp);
}

typedef struct { const char *a3; int un; names ns; } country;

static void names_free(names *ns) {
    for (int k = 0; k < ns->n; k++) free(ns->v[k]);
    ns->n = 0;
}

int main(int argc, char **argv) {
    const char *iso = NULL, *wcpath = NULL;
    strset skip = {0}, all = {0};
    json_t *root = NULL, *wc = NULL;
    country *cs = NULL;
    size_t nc = 0;
    int status = 1;
    int i0 = 1;
    for (; i0 < argc && strcmp(argv[i0], "--skip") != 0; i0++) {
        if (!iso) iso = argv[i0];
        else if (!wcpath) wcpath = argv[i0];
        else iso = NULL, i0 = argc;
    }
    if (!iso) {
        fprintf(stderr, "usage: %s iso_3166-1.json [world-countries.json] [--skip ACTORS.TXT...]\n", argv[0]);
        return 2;
    }
    for (int k = i0 + 1; k < argc; k++) read_skip(&skip, argv[k]);
    json_error_t err;
    root = json_load_file(iso, 0, &err);
    if (!root) {
        fprintf(stderr, "%s:%d: %s (is the iso-codes package installed?)\n", iso, err.line, err.text);
        goto done;
    }
    json_t *list = json_object_get(root, "3166-1");
    if (!json_is_array(list)) {
        fprintf(stderr, "%s: expected an object with a \"3166-1\" array\n", iso);
        goto done;
    }
    if (wcpath) {
        wc = json_load_file(wcpath, 0, &err);
        if (!wc) {
            fprintf(stderr, "%s:%d: %s (expected world-countries' countries.json)\n", wcpath, err.line, err.text);
            goto done;
        }
        if (!json_is_array(wc)) {
            fprintf(stderr, "%s: expected world-countries' countries.json, an array of countries\n", wcpath);
            goto done;
        }
    }
    size_t ncountries = json_array_size(list);
    cs = calloc(ncountries ? ncountries : 1, sizeof *cs);
    if (!cs) { perror("calloc"); goto done; }
    size_t i, nwc = 0;
    json_t *c;
    json_array_foreach(list, i, c) {
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        const char *name = json_string_value(json_object_get(c, "name"));
        if (!a3 || !name || strlen(a3) != 3) {
            fprintf(stderr, "%s: entry %zu: expected \"alpha_3\" and \"name\" strings\n", iso, i);
            continue;
        }
        country *k = &cs[nc++];
        k->a3 = a3;
        add_variants(&k->ns, json_string_value(json_object_get(c, "common_name")));
        add_variants(&k->ns, name);
        add_variants(&k->ns, json_string_value(json_object_get(c, "official_name")));
        json_t *w = wc ? wc_find(wc, a3) : NULL;
        if (w) {
            nwc++;
            k->un = json_is_true(json_object_get(w, "unMember"));
            add_wc(&k->ns, w);
        }
        add_extra_demonyms(&k->ns, a3);
    }
    /* every name with its claimants: sort (name, country) pairs */
    for (size_t a = 0; a < nc; a++)
        for (int k = 0; k < cs[a].ns.n; k++) strset_add(&all, cs[a].ns.v[k]);
    qsort(all.v, all.n, sizeof *all.v, cmp_strp);
    printf("# iso-countries.actors.txt — GENERATED by tools/gen-countries.c at build time; do not edit.\n"
           "# Names: %s (Debian package iso-codes).\n", iso);
    if (wc)
        printf("# Demonyms, capitals and other spellings: %s, npm package world-countries,\n"
               "# ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1.0/), (c) Mohammed Le Doze.\n", wcpath);
    printf("# One entry per ISO 3166-1 country or territory, coded with its alpha-3 code.\n\n");
    size_t count = 0, dropped = 0;
    for (size_t a = 0; a < nc; a++) {
        country *k = &cs[a];
        int printed = 0;
        for (int n = 0; n < k->ns.n; n++) {
            const char *f = k->ns.v[n];
            if (strset_has(&skip, f)) continue;
            /* claimed elsewhere? */
            int other_un = 0, others = 0;
            for (size_t b = 0; b < nc; b++) {
                if (b == a) continue;
                for (int m = 0; m < cs[b].ns.n; m++)
                    if (strcmp(cs[b].ns.v[m], f) == 0) { others++; other_un += cs[b].un; break; }
            }
            if (others && (!k->un || other_un)) { dropped++; continue; }
            if (!printed) printf("%s [%s]\n", f, k->a3);
            else printf("+%s\n", f);
            printed = 1;
        }
        if (printed) { printf("\n"); count++; }
    }
    /* "ethnic Albanians" are people of the country they live in (CAMEO): no country here,
     * so that the coder's place_country option gives them the place the sentence names
     * ("ethnic Albanians in southern Serbia": SRBCVL) */
    int eprinted = 0;
    for (int n = 0; n < ethnic.n; n++) {
        if (strset_has(&skip, ethnic.v[n])) continue;
        if (!eprinted) printf("# ethnic groups: the country of the place where they live\n%s [---CVL]\n", ethnic.v[n]);
        else printf("+%s\n", ethnic.v[n]);
        eprinted = 1;
    }
    if (count == 0) {
        fprintf(stderr, "%s: no countries found\n", iso);
        goto done;
    }
    fprintf(stderr, "gen-countries: %zu countries (%zu with world-countries facts), %zu shared names left out\n",
            count, nwc, dropped);
    status = 0;
done:
    for (size_t a = 0; a < nc; a++) names_free(&cs[a].ns);
    free(cs);
    names_free(&ethnic);
    free(all.v);                       /* its strings are the countries' */
    for (size_t k2 = 0; k2 < skip.n; k2++) free(skip.v[k2]);
    free(skip.v);
    json_decref(root);
    json_decref(wc);
    return status;
}

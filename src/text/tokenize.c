/* tokenize.c — entente's streaming tokenizer: raw UTF-8 text to Treebank-convention
 * tokens with byte offsets into the original text.
 *
 * Conventions (those of the Penn parses the coder is written for): clitics split off
 * ("'s", "'re", "n't": "don't" -> "do" "n't"), double quotes become `` and '', brackets
 * -LRB- -RRB-, em dashes "--", ellipses "...".  Kept whole: abbreviations with their
 * period ("Mr.", "U.S.", "a.m."), numbers with separators ("100,000", "3.5"), hyphenated
 * words ("U.S.-led"), times ("5:30"), "AT&T", "O'Brien".  A number glued to a unit is
 * split ("10bn" -> "10" "bn"); an underscore separates words ("Dol_Amroth" -> "Dol"
 * "Amroth", as in the parses dictionaries were written for).
 * Typographic characters are normalised per token, so offsets always refer to the
 * source bytes.  Memory is O(longest token); time is linear. */
#include "text/text.h"

#include <ctype.h>
#include <stdlib.h>
#include <utf8proc.h>

enum { C_SPACE, C_ALNUM, C_PUNCT };

typedef struct ch {
    int32_t cp;
    int n;       /* bytes */
    int cls;
    char eq;     /* ASCII equivalent for punctuation, 'a' / '0' for letters / digits */
} ch;

/* Class of each ASCII byte (isalnum in the C locale; an underscore separates words:
 * "Dol_Amroth" -> Dol Amroth). */
static const unsigned char ACLS[128] = {
    C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE,
    C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, C_SPACE, /* 0x20 */
    C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT,
    C_PUNCT, C_PUNCT, C_PUNCT,                                                                   /* ! .. / */
    C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, /* 0-9 */
    C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT,                            /* : .. @ */
    C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM,
    C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM,
    C_ALNUM, C_ALNUM,                                                                            /* A-Z */
    C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_SPACE, C_PUNCT,                                      /* [ \ ] ^ _ ` */
    C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM,
    C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM, C_ALNUM,
    C_ALNUM, C_ALNUM,                                                                            /* a-z */
    C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT, C_SPACE,                                               /* { | } ~ DEL */
};
_Static_assert(sizeof ACLS == 128, "ACLS covers ASCII");

static void get_slow(const char *s, size_t len, size_t i, ch *c);

/* The character at s[i]: ASCII inline, the rest out of line. */
static inline void get(const char *s, size_t len, size_t i, ch *c) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        c->cp = b; c->n = 1; c->eq = (char)b;
        c->cls = ACLS[b];
        return;
    }
    get_slow(s, len, i, c);
}

static void get_slow(const char *s, size_t len, size_t i, ch *c) {
    c->cp = ent_utf8_decode(s, len, i, &c->n);
    char rep[4];
    int k = ent_norm_codepoint(c->cp, rep);
    if (k == 0 || (k == 1 && rep[0] == ' ')) { c->cls = C_SPACE; c->eq = ' '; return; }
    if (k > 0) {
        c->eq = rep[0];
        c->cls = isalnum((unsigned char)rep[0]) ? C_ALNUM : C_PUNCT;
        return;
    }
    if (c->cp == 0xFFFD) { c->cls = C_ALNUM; c->eq = 'a'; return; }
    utf8proc_category_t cat = utf8proc_category(c->cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        c->cls = C_ALNUM; c->eq = 'a'; return;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        c->cls = C_ALNUM; c->eq = '0'; return;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        c->cls = C_SPACE; c->eq = ' '; return;
    default:
        c->cls = C_PUNCT; c->eq = 0; return;
    }
}

/* ---- abbreviations ------------------------------------------------------------------ */

/* The word lists are sorted in byte order (strcmp), for a binary search. */
static const char *const TITLES[] = {
    "adm", "amb", "apr", "atty", "aug", "ave", "brig", "capt", "cdr", "cmdr", "col", "cpl", "cpt", "dec", "det",
    "dr", "feb", "fig", "fr", "ft", "gen", "gens", "gov", "hon", "insp", "jan", "jr", "jul", "jun", "lt", "maj",
    "mar", "messrs", "mlle", "mme", "mr", "mrs", "ms", "msgr", "mssrs", "mt", "no", "nos", "nov", "oct", "pres",
    "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "v", "vs"
};
static const char *const OTHERS[] = {
    "al", "approx", "assn", "bros", "co", "corp", "cos", "dept", "est", "etc", "gov't", "hrs", "inc", "intl",
    "ltd", "mins", "natl", "plc", "univ", "yr", "yrs"
};

/* w[0..n) lower-cased is in the sorted list (binary search). */
static int word_in_(const char *w, size_t n, const char *const *list, size_t count) {
    char low[16];
    if (n == 0 || n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        low[i] = (char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);   /* tolower, C locale */
    }
    low[n] = 0;
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(list[mid], low);
        if (c == 0) return 1;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}
#define word_in(w, n, list) word_in_((w), (n), (list), sizeof(list) / sizeof *(list))

int ent_abbrev_class(const char *w, size_t n) {
    if (word_in(w, n, TITLES)) return ENT_ABBR_TITLE;
    if (word_in(w, n, OTHERS)) return ENT_ABBR_OTHER;
    return ENT_ABBR_NONE;
}

/* Does [s, s+n) look like "U.S" / "a.m" / "e.g" / "Ph.D": letters in short groups
 * separated by single dots? */
static int dotted_letters(const char *s, size_t n) {
    size_t group = 0, dots = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') { if (group == 0) return 0; dots++; group = 0; }
        else if (isalpha(c)) { if (++group > 3) return 0; }
        else return 0;
    }
    return dots > 0 && group > 0;
}

/* The U.S. states' one-word names and their newspaper abbreviations (sorted, lower
 * case), for the party-and-state tags of legislators ("R-Texas", "D-Calif."). */
static const char *const US_STATES[] = {
    "ala", "alabama", "alaska", "ariz", "arizona", "ark", "arkansas", "calif", "california", "colo", "colorado",
    "conn", "connecticut", "del", "delaware", "fla", "florida", "ga", "georgia", "hawaii", "idaho", "ill",
    "illinois", "ind", "indiana", "iowa", "kan", "kansas", "kentucky", "ky", "la", "louisiana", "maine", "maryland",
    "mass", "massachusetts", "md", "mich", "michigan", "minn", "minnesota", "miss", "mississippi", "missouri",
    "mo", "mont", "montana", "neb", "nebraska", "nev", "nevada", "ohio", "okla", "oklahoma", "ore", "oregon", "pa",
    "pennsylvania", "tenn", "tennessee", "texas", "utah", "va", "vermont", "virginia", "vt", "wash", "washington",
    "wis", "wisconsin", "wyo", "wyoming"
};

int ent_party_state_tag(const char *w, size_t n) {
    if (n > 0 && w[n - 1] == '.') n--;
    if (n < 4 || w[1] != '-') return 0;
    char p = (char)(w[0] & ~0x20);
    if (p != 'R' && p != 'D' && p != 'I') return 0;
    return word_in_(w + 2, n - 2, US_STATES, sizeof US_STATES / sizeof *US_STATES) || dotted_letters(w + 2, n - 2);
}

static const char *const UNITS[] = {   /* sorted */
    "b", "bn", "cm", "ft", "gw", "k", "kg", "km", "kmh", "kw", "lb", "lbs", "m", "mi", "ml", "mm", "mn", "mph",
    "mw", "pc", "tn", "trn"
};

/* ---- tokenizer ------------------------------------------------------------------------ */

void ent_tokenizer_init(ent_tokenizer *tz, const char *s, size_t len) {
    memset(tz, 0, sizeof *tz);
    tz->s = s;
    tz->len = len;
    ent_buf_init(&tz->scratch);
}

void ent_tokenizer_free(ent_tokenizer *tz) { ent_buf_free(&tz->scratch); }

static int is_clitic_letters(const char *l, size_t n) {
    static const char *const CL[] = { "d", "ll", "m", "re", "s", "ve" };   /* sorted */
    return word_in(l, n, CL);
}

/* At s[i] an apostrophe (of n bytes): the length of the ASCII letters after it that form
 * a clitic ("s", "ll", ...) followed by a non-letter, or 0. */
static size_t clitic_after(const char *s, size_t len, size_t i, int n) {
    size_t j = i + (size_t)n, k = 0;
    while (j + k < len && k < 3 && isalpha((unsigned char)s[j + k])) k++;
    if (k == 0 || (j + k < len && isalnum((unsigned char)s[j + k]))) return 0;
    if (j + k < len && (unsigned char)s[j + k] >= 0x80) {
        ch c; get(s, len, j + k, &c);
        if (c.cls == C_ALNUM) return 0;
    }
    return is_clitic_letters(s + j, k) ? k : 0;
}

static int is_apos(const ch *c) { return c->cp == '\'' || c->cp == 0x2019; }

/* "n't" at i (n, apostrophe, t, then no letter)?  Returns its byte length or 0. */
static size_t nt_at(const char *s, size_t len, size_t i) {
    if (i >= len || (s[i] != 'n' && s[i] != 'N')) return 0;
    if (i + 1 >= len) return 0;
    ch a; get(s, len, i + 1, &a);
    if (!is_apos(&a)) return 0;
    size_t t = i + 1 + (size_t)a.n;
    if (t >= len || (s[t] != 't' && s[t] != 'T')) return 0;
    if (t + 1 < len) { ch d; get(s, len, t + 1, &d); if (d.cls == C_ALNUM) return 0; }
    return t + 1 - i;
}

/* Copy s[a,b) into the scratch buffer normalising non-ASCII characters; returns 1 when
 * a copy was needed (otherwise the token text can point into the source). */
static int norm_copy(ent_tokenizer *tz, size_t a, size_t b) {
    int ascii = 1;
    size_t x = a;
    for (; x + 8 <= b; x += 8) {   /* eight bytes at a time */
        uint64_t v;
        memcpy(&v, tz->s + x, 8);
        if (v & 0x8080808080808080ull) break;
    }
    unsigned char acc = 0;   /* the tail (a short token is all tail): OR of its bytes */
    for (; x < b; x++) acc |= (unsigned char)tz->s[x];
    if (acc & 0x80) ascii = 0;
    if (ascii) return 0;
    ent_buf_clear(&tz->scratch);
    size_t i = a;
    while (i < b) {
        int n;
        int32_t cp = ent_utf8_decode(tz->s, tz->len, i, &n);
        char rep[4];
        int k = ent_norm_codepoint(cp, rep);
        if (k >= 0) ent_buf_append(&tz->scratch, rep, (size_t)k);
        else if (cp == 0xFFFD) ent_buf_append(&tz->scratch, "\xEF\xBF\xBD", 3);
        else ent_buf_append(&tz->scratch, tz->s + i, (size_t)n);
        i += (size_t)n;
    }
    return 1;
}

static void set_text(ent_tokenizer *tz, ent_tok *t, size_t a, size_t b) {
    if (norm_copy(tz, a, b)) { t->text = tz->scratch.data; t->len = tz->scratch.len; }
    else { t->text = tz->s + a; t->len = b - a; }
}

static void set_fixed(ent_tok *t, const char *text) { t->text = text; t->len = strlen(text); }

/* scan_word's fast path: 1 for an ASCII letter or digit, 2 for 'n' / 'N' (which may start
 * "n't"), 0 for every other byte. */
static const unsigned char WFAST[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

/* Scan a word starting at i (an alphanumeric character); returns its end.  *nonascii is
 * set when a byte >= 0x80 was met (the word may need normalising); left alone otherwise. */
static size_t scan_word(ent_tokenizer *tz, size_t i, int *abbrev, int *nonascii) {
    const char *s = tz->s;
    size_t len = tz->len, j = i;
    int32_t prev = 0;
    *abbrev = 0;
again:
    while (j < len) {
        unsigned char b = (unsigned char)s[j];
        /* fast path: ASCII letters and digits; an 'n' only when no apostrophe (' or the
         * U+2019 lead byte) follows, so it cannot start "n't" */
        unsigned f = WFAST[b];
        if (f == 1 || (f == 2 && j + 1 < len && s[j + 1] != '\'' && (unsigned char)s[j + 1] != 0xE2)) {
            j++;
            while (j < len && WFAST[(unsigned char)s[j]] == 1) j++;   /* the rest of the run */
            prev = (unsigned char)s[j - 1];
            continue;
        }
        if (b >= 0x80) *nonascii = 1;
        ch c; get(s, len, j, &c);
        if (c.cls == C_ALNUM) {
            /* "don't": stop before the n of n't */
            if ((c.cp == 'n' || c.cp == 'N') && j > i && nt_at(s, len, j)) break;
            prev = c.cp; j += (size_t)c.n; continue;
        }
        if (c.cls != C_PUNCT || j + (size_t)c.n >= len) break;
        ch d; get(s, len, j + (size_t)c.n, &d);
        int prev_alnum = prev != 0;
        if (c.eq == '.' && c.cp == '.' && d.cls == C_ALNUM && prev_alnum) { prev = '.'; j += 1; continue; }
        if (c.cp == ',' && prev >= '0' && prev <= '9' && j + 3 < len + 0 &&
            isdigit((unsigned char)s[j + 1]) && j + 3 < len && isdigit((unsigned char)s[j + 2]) &&
            isdigit((unsigned char)s[j + 3]) && (j + 4 >= len || !isalnum((unsigned char)s[j + 4]))) {
            prev = ','; j += 1; continue;
        }
        if ((c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011) && d.cls == C_ALNUM && prev_alnum) {
            prev = '-'; j += (size_t)c.n; continue;
        }
        if (is_apos(&c) && d.cls == C_ALNUM && prev_alnum) {
            if (clitic_after(s, len, j, c.n)) break;
            prev = '\''; j += (size_t)c.n; continue;
        }
        if (c.cp == '&' && isupper((unsigned char)prev) && d.cp < 0x80 && isupper((unsigned char)d.cp)) {
            prev = '&'; j += 1; continue;
        }
        if (c.cp == '/' && d.cls == C_ALNUM && prev_alnum) { prev = '/'; j += 1; continue; }
        /* times and ratios: "5:30" */
        if (c.cp == ':' && prev >= '0' && prev <= '9' && d.cp >= '0' && d.cp <= '9') { prev = ':'; j += 1; continue; }
        /* a prefix with a dangling hyphen: "anti- Gondor" */
        if (c.cp == '-' && prev_alnum && isalpha((unsigned char)prev) && d.cls == C_SPACE && j > i + 1) {
            j += 1;
            break;
        }
        break;
    }
    /* number glued to a unit: "10bn" -> "10" */
    if (isdigit((unsigned char)s[i])) {
        size_t p = i;
        while (p < j && (isdigit((unsigned char)s[p]) || s[p] == '.' || s[p] == ',')) p++;
        if (p < j && p > i && isdigit((unsigned char)s[p - 1])) {
            size_t q = p;
            while (q < j && isalpha((unsigned char)s[q])) q++;
            if (q == j && word_in(s + p, j - p, UNITS)) return p;
        }
    }
    /* a final period that belongs to the word */
    if (j < len && s[j] == '.' && !(j + 1 < len && s[j + 1] == '.')) {
        size_t n = j - i;
        int take = 0;
        if (n == 1 && isupper((unsigned char)s[i])) take = 1;              /* initial */
        else if (dotted_letters(s + i, n)) take = 1;                        /* U.S. */
        else if (ent_abbrev_class(s + i, n) != ENT_ABBR_NONE) take = 1;    /* Mr. */
        else if (ent_party_state_tag(s + i, n)) take = 1;                   /* D-Calif. */
        if (take) {
            *abbrev = 1;
            j++;
            /* "U.S.-led": the abbreviation goes on as a hyphenated word */
            if (j + 1 < len && s[j] == '-' && isalnum((unsigned char)s[j + 1])) {
                *abbrev = 0;
                j++;
                goto again;
            }
        }
    }
    return j;
}

int ent_tokenizer_next(ent_tokenizer *tz, ent_tok *t) {
    const char *s = tz->s;
    size_t len = tz->len, i = tz->pos;
    int spaces = (i == 0), newlines = 0;
    ch c;
    for (;;) {
        if (i >= len) { tz->pos = i; return 0; }
        if (s[i] == ' ' || s[i] == '_') { spaces = 1; i++; continue; }
        get(s, len, i, &c);
        if (c.cls != C_SPACE) break;
        if (c.cp == '\n' || c.cp == 0x2028 || c.cp == 0x2029) newlines++;
        spaces = 1;
        i += (size_t)c.n;
    }
    /* every field is set below (text and len on every path, abbrev by scan_word) */
    t->text = NULL;
    t->len = 0;
    t->abbrev = 0;
    t->space_before = spaces;
    t->newlines_before = newlines;
    t->kind = ENT_TOK_PUNCT;
    int glued = !spaces && tz->prev_cp != 0;
    int prev_alnum_glued = glued && tz->prev_word;
    size_t end = i + (size_t)c.n;

    if (c.cls == C_ALNUM) {
        size_t nt = prev_alnum_glued ? nt_at(s, len, i) : 0;
        if (nt) {
            end = i + nt;
            t->kind = ENT_TOK_CLITIC;
            set_text(tz, t, i, end);
        } else {
            int nonascii = 0;
            end = scan_word(tz, i, &t->abbrev, &nonascii);
            t->kind = (s[i] >= '0' && s[i] <= '9') ? ENT_TOK_NUMBER : ENT_TOK_WORD;
            if (nonascii) set_text(tz, t, i, end);
            else { t->text = s + i; t->len = end - i; }   /* ASCII: the source bytes as they are */
        }
    } else {
        size_t cl;
        if (is_apos(&c) && prev_alnum_glued && (cl = clitic_after(s, len, i, c.n)) > 0) {
            end = i + (size_t)c.n + cl;
            t->kind = ENT_TOK_CLITIC;
            set_text(tz, t, i, end);
        } else if (c.eq == '"' || (c.cp == '\'' && i + 1 < len && s[i + 1] == '\'') ||
                   (c.cp == '`' && i + 1 < len && s[i + 1] == '`')) {
            if (c.cp == '\'' || c.cp == '`') end = i + 2;
            int open;
            if (c.cp == 0x201C || c.cp == 0x201E || c.cp == 0x00AB || c.cp == '`') open = 1;
            else if (c.cp == 0x201D || c.cp == 0x00BB || c.cp == '\'') open = 0;
            else {
                ch d; int dn = 0;
                if (end < len) { get(s, len, end, &d); dn = d.cls != C_SPACE; }
                open = spaces || tz->prev_open || (dn && (tz->prev_cp == ',' || tz->prev_cp == ':' || tz->prev_cp == ';'));
            }
            set_fixed(t, open ? "``" : "''");
            t->kind = ENT_TOK_PUNCT;
        } else if (c.eq == '\'' || c.cp == '`') {
            /* single quote: possessive after a plural ("ministers'"), opening, closing */
            int next_alnum = 0;
            if (end < len) { ch d; get(s, len, end, &d); next_alnum = d.cls == C_ALNUM; }
            if (prev_alnum_glued && (tz->prev_cp == 's' || tz->prev_cp == 'S') && !next_alnum) {
                set_fixed(t, "'"); t->kind = ENT_TOK_CLITIC;
            } else if (c.cp == '`' || c.cp == 0x2018 || (!glued && next_alnum)) {
                set_fixed(t, "`");
            } else {
                set_fixed(t, "'");
            }
        } else if (c.cp == '.' || c.cp == 0x2026) {
            size_t dots = 0;
            end = i;
            while (end < len) {
                if (s[end] == '.') { dots++; end++; }
                else { ch d; get(s, len, end, &d); if (d.cp != 0x2026) break; dots += 3; end += (size_t)d.n; }
            }
            set_fixed(t, dots >= 2 ? "..." : ".");
        } else if (c.eq == '-') {
            int dashes = 0;
            end = i;
            while (end < len) {
                ch d; get(s, len, end, &d);
                if (d.eq != '-' || d.cls != C_PUNCT) break;
                dashes += (d.cp == 0x2014 || d.cp == 0x2015 || d.cp == 0x2E3A) ? 2 : 1;
                if (d.cp == 0x2013 && !(glued && end + (size_t)d.n < len && isdigit((unsigned char)s[end + (size_t)d.n])))
                    dashes = 2;
                end += (size_t)d.n;
            }
            set_fixed(t, dashes >= 2 ? "--" : "-");
        } else if (c.cp == '(') set_fixed(t, "-LRB-");
        else if (c.cp == ')') set_fixed(t, "-RRB-");
        else if (c.cp == '[') set_fixed(t, "-LSB-");
        else if (c.cp == ']') set_fixed(t, "-RSB-");
        else if (c.cp == '{') set_fixed(t, "-LCB-");
        else if (c.cp == '}') set_fixed(t, "-RCB-");
        else set_text(tz, t, i, end);
    }
    t->span.start = (uint32_t)i;
    t->span.end = (uint32_t)end;
    /* remember what the next token needs to know */
    int n;
    size_t last = end - 1;
    if ((unsigned char)s[last] < 0x80) tz->prev_cp = (unsigned char)s[last];   /* what decoding gives */
    else {
        while (last > i && ((unsigned char)s[last] & 0xC0) == 0x80) last--;
        tz->prev_cp = ent_utf8_decode(s, len, last, &n);
    }
    if (tz->prev_cp == 0) tz->prev_cp = ' ';
    tz->prev_word = t->kind == ENT_TOK_WORD || t->kind == ENT_TOK_NUMBER;
    /* (a word or clitic never reads "``", "`" or "-LRB-") */
    tz->prev_open = t->kind == ENT_TOK_PUNCT &&
                    ((t->len == 2 && memcmp(t->text, "``", 2) == 0) || (t->len == 1 && t->text[0] == '`') ||
                     (t->len == 5 && t->text[0] == '-' && t->text[2] == 'L'));
    tz->pos = end;
    return 1;
}

/* dates.c — story dates and event dates.  Parses the date formats found in news
 * metadata, finds a story date in the text itself (dateline, print header/footer), and
 * resolves relative expressions in a sentence ("on Friday", "yesterday", "10 HOURS
 * AGO") against the story date.  Dates are YYYYMMDD integers; 0 means unknown. */
#include "util/util.h"

#include <ctype.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---------------- */

static long days_from_civil(long y, long m, long d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static long civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    return (y + (m <= 2)) * 10000 + m * 100 + d;
}

static int days_in_month(long y, long m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

static long make_date(long y, long m, long d) {
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    return y * 10000 + m * 100 + d;
}

long ent_date_add_days(long date, int days) {
    if (date <= 0) return 0;
    return civil_from_days(days_from_civil(date / 10000, (date / 100) % 100, date % 100) + days);
}

/* 0 = Monday ... 6 = Sunday */
static int weekday(long date) {
    long z = days_from_civil(date / 10000, (date / 100) % 100, date % 100);
    return (int)(((z % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

long ent_date_iso_week(long date, int *week) {
    if (date <= 0) { *week = 0; return 0; }
    /* the week belongs to the year of its Thursday */
    long thu = ent_date_add_days(date, 3 - weekday(date));
    long jan1 = (thu / 10000) * 10000 + 101;
    long z_thu = days_from_civil(thu / 10000, (thu / 100) % 100, thu % 100);
    long z_jan1 = days_from_civil(jan1 / 10000, 1, 1);
    *week = (int)((z_thu - z_jan1) / 7 + 1);
    return thu / 10000;
}

/* ---- words ---------------------------------------------------------------------------- */

static const char *const month_names[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
static const char *const day_names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* Month number for a word ("Feb", "Feb.", "Sept", "February"), else 0 (text.h). */
int ent_month_word(const char *w, size_t n) {
    if (n && w[n - 1] == '.') n--;
    if (n < 3) return 0;
    char low[16];
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = 0;
    if (!strcmp(low, "sept")) return 9;
    static const unsigned char month_len[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
    for (int m = 0; m < 12; m++) {
        if (low[0] != month_names[m][0]) continue;   /* cheap filter: the first letter */
        size_t full = month_len[m];
        if (n == full ? !strcmp(low, month_names[m]) : (n == 3 && !strncmp(low, month_names[m], 3))) return m + 1;
    }
    return 0;
}

/* Weekday number (0 = Monday) for "Friday", "Fri", "Fri." (abbreviations only when
 * allow_abbrev), else -1. */
static int day_word(const char *w, size_t n, int allow_abbrev) {
    if (n && w[n - 1] == '.') n--;
    if (n < 3 || n > 9) return -1;
    char low[16];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = 0;
    for (int d = 0; d < 7; d++) {
        if (low[0] != day_names[d][0]) continue;   /* cheap filter: the first letter */
        if (!strcmp(low, day_names[d])) return d;
        if (allow_abbrev && n == 3 && !strncmp(low, day_names[d], 3)) return d;
    }
    return -1;
}

/* ---- parsing --------------------------------------------------------------------------- */

typedef struct dtok {
    const char *s;
    size_t n;
    int kind;       /* 'n' number, 'w' word, 'p' punctuation char */
    long val;
} dtok;

/* ASCII classes for date_tokens (the C locale's isdigit/isalpha, without the ctype
 * table look-up per byte): 1 digit, 2 letter, 4 space. */
static const unsigned char DCLS[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2,
    ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2,
    ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
    ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2, ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2,
    ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2, ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2,
    ['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2,
    [' '] = 4, ['\t'] = 4, ['\n'] = 4, ['\r'] = 4, ['\f'] = 4, ['\v'] = 4,
};
#define D_DIGIT(c) (DCLS[(unsigned char)(c)] & 1)
#define D_ALPHA(c) (DCLS[(unsigned char)(c)] & 2)

static size_t date_tokens(const char *s, size_t len, dtok *t, size_t max) {
    size_t nt = 0;
    for (size_t i = 0; i < len && nt < max;) {
        unsigned char c = (unsigned char)s[i];
        unsigned k = DCLS[c];
        if (k & 4) { i++; continue; }
        size_t j = i;
        if (k & 1) {
            long v = 0;
            while (j < len && D_DIGIT(s[j]) && j - i < 9) v = v * 10 + (s[j++] - '0');
            t[nt++] = (dtok){s + i, j - i, 'n', v};
            /* ordinal suffix: 4th, 1st, 22nd, 3rd */
            if (j + 1 < len && D_ALPHA(s[j]) && D_ALPHA(s[j + 1]) && (j + 2 >= len || !D_ALPHA(s[j + 2])))
                j += 2;
        } else if (k & 2) {
            j++;
            while (j < len && D_ALPHA(s[j])) j++;
            if (j < len && s[j] == '.') j++;
            t[nt++] = (dtok){s + i, j - i, 'w', 0};
        } else {
            j++;
            t[nt++] = (dtok){s + i, 1, 'p', 0};
        }
        i = j;
    }
    return nt;
}

static long two_digit_year(long y, size_t digits) {
    if (digits <= 2) return y < 70 ? 2000 + y : 1900 + y;
    return y;
}

long ent_date_parse(const char *s, size_t len) {
    if (!s) return 0;
    /* "2022-02-04" exactly (the usual metadata date): what the token rules below give */
    if (len == 10 && s[4] == '-' && s[7] == '-' && D_DIGIT(s[0]) && D_DIGIT(s[1]) && D_DIGIT(s[2]) && D_DIGIT(s[3]) &&
        D_DIGIT(s[5]) && D_DIGIT(s[6]) && D_DIGIT(s[8]) && D_DIGIT(s[9]))
        return make_date((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                         (s[5] - '0') * 10 + (s[6] - '0'), (s[8] - '0') * 10 + (s[9] - '0'));
    dtok t[16];
    size_t nt = date_tokens(s, len, t, 16);
    size_t i = 0;
    /* skip a leading weekday: "Fri, 04 Feb 2022", "Friday 4 February 2022" */
    if (i < nt && t[i].kind == 'w' && day_word(t[i].s, t[i].n, 1) >= 0) {
        i++;
        if (i < nt && t[i].kind == 'p' && *t[i].s == ',') i++;
    }
    if (i >= nt) return 0;
    /* 20220204 */
    if (t[i].kind == 'n' && t[i].n == 8 && (i + 1 == nt || t[i + 1].kind == 'p'))
        return make_date(t[i].val / 10000, (t[i].val / 100) % 100, t[i].val % 100);
    /* number sep number sep number */
    if (i + 4 < nt && t[i].kind == 'n' && t[i + 1].kind == 'p' && t[i + 2].kind == 'n' && t[i + 3].kind == 'p' &&
        t[i + 4].kind == 'n' && *t[i + 1].s == *t[i + 3].s && strchr("-/.", *t[i + 1].s)) {
        if (t[i].n == 4) return make_date(t[i].val, t[i + 2].val, t[i + 4].val); /* ISO */
        if (*t[i + 1].s == '/')                                                      /* US */
            return make_date(two_digit_year(t[i + 4].val, t[i + 4].n), t[i].val, t[i + 2].val);
        return make_date(two_digit_year(t[i + 4].val, t[i + 4].n), t[i + 2].val, t[i].val); /* 04.02.2022 */
    }
    /* Feb 4, 2022 / February 4 2022 */
    int m;
    if (t[i].kind == 'w' && (m = ent_month_word(t[i].s, t[i].n)) > 0 && i + 1 < nt && t[i + 1].kind == 'n') {
        size_t k = i + 2;
        if (k < nt && t[k].kind == 'p' && *t[k].s == ',') k++;
        if (k < nt && t[k].kind == 'n' && t[k].n == 4) return make_date(t[k].val, m, t[i + 1].val);
        return 0;
    }
    /* 4 Feb 2022 / 04 February, 2022 */
    if (t[i].kind == 'n' && t[i].n <= 2 && i + 2 < nt && t[i + 1].kind == 'w' &&
        (m = ent_month_word(t[i + 1].s, t[i + 1].n)) > 0) {
        size_t k = i + 2;
        if (k < nt && t[k].kind == 'p' && *t[k].s == ',') k++;
        if (k < nt && t[k].kind == 'n' && t[k].n == 4) return make_date(t[k].val, m, t[i].val);
    }
    return 0;
}

/* ---- story date in the text ------------------------------------------------------------ */

/* A print header/footer stamp "02/04/22, 15:38" (US month/day/year, then a time). */
static long footer_date(const char *text, size_t len) {
    /* candidates are found by their first '/' (memchr), at offset 2 of the stamp */
    for (const char *slash = len >= 8 ? memchr(text + 2, '/', len - 2) : NULL; slash;
         slash = (size_t)(slash + 1 - text) < len ? memchr(slash + 1, '/', len - (size_t)(slash + 1 - text)) : NULL) {
        size_t i = (size_t)(slash - text) - 2;
        if (i + 8 > len) break;
        if (i > 0 && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '/')) continue;
        const char *p = text + i;
        size_t k = 0;
        if (!(isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && p[2] == '/' &&
              isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) && p[5] == '/'))
            continue;
        k = 6;
        while (i + k < len && isdigit((unsigned char)p[k]) && k < 10) k++;
        if (k != 8 && k != 10) continue;
        /* the time after it tells a print stamp from any other date */
        size_t j = k;
        if (i + j < len && p[j] == ',') j++;
        while (i + j < len && p[j] == ' ') j++;
        if (!(i + j + 4 < len && isdigit((unsigned char)p[j]) && (p[j + 1] == ':' || p[j + 2] == ':'))) continue;
        long d = ent_date_parse(p, k);
        if (d) return d;
    }
    return 0;
}

/* A year mentioned with a copyright sign or word: "Copyright ... 2022", "© 2022". */
static long copyright_year(const char *text, size_t len) {
    const char *p = text, *end = text + len;
    while ((p = memmem(p, (size_t)(end - p), "opyright", 8)) != NULL) {
        for (const char *q = p; q + 4 <= end && q < p + 80 && *q != '\n'; q++)
            if ((q[0] == '1' || q[0] == '2') && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
                isdigit((unsigned char)q[3]) && (q + 4 == end || !isdigit((unsigned char)q[4])) &&
                !isdigit((unsigned char)q[-1]))
                return (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
        p += 8;
    }
    return 0;
}

/* A dateline at the start of a line: "MOSCOW, Feb 4 (Reuters) -", "LONDON, February 4,
 * 2022 --".  Returns YYYYMMDD, or MMDD (< 10000) when the dateline has no year. */
static long dateline_date(const char *text, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (i > 0) {   /* jump to the next line start */
            const char *nl = memchr(text + i - 1, '\n', len - (i - 1));
            if (!nl) break;
            i = (size_t)(nl - text) + 1;
            if (i >= len) break;
        }
        size_t j = i;
        /* the place: capitals, spaces, dots, apostrophes, hyphens, up to 40 bytes */
        while (j < len && j - i < 40 && (isupper((unsigned char)text[j]) || text[j] == ' ' || text[j] == '.' ||
                                         text[j] == '\'' || text[j] == '-'))
            j++;
        if (j - i < 3 || j >= len || text[j] != ',') continue;
        j++;
        size_t line_end = j;
        while (line_end < len && text[line_end] != '\n') line_end++;
        size_t seg = line_end - j < 40 ? line_end - j : 40;
        dtok t[12];
        size_t nt = date_tokens(text + j, seg, t, 12);
        int m;
        if (nt >= 2 && t[0].kind == 'w' && (m = ent_month_word(t[0].s, t[0].n)) > 0 && t[1].kind == 'n' && t[1].n <= 2) {
            size_t k = 2;
            if (k < nt && t[k].kind == 'p' && *t[k].s == ',') k++;
            if (k < nt && t[k].kind == 'n' && t[k].n == 4) return make_date(t[k].val, m, t[1].val);
            /* "(Reuters) -" or a dash must follow for a dateline without year */
            if (k < nt && t[k].kind == 'p' && (*t[k].s == '(' || *t[k].s == '-' || (unsigned char)*t[k].s == 0xE2))
                return m * 100 + t[1].val;
        }
    }
    return 0;
}

long ent_date_from_text(const char *text, size_t len) {
    if (!text) return 0;
    long d = footer_date(text, len);
    if (d) return d;
    long dl = dateline_date(text, len);
    if (dl >= 10000) return dl;
    if (dl > 0) {
        long y = copyright_year(text, len);
        if (y) return make_date(y, dl / 100, dl % 100);
    }
    return 0;
}

/* ---- relative dates in a sentence ------------------------------------------------------ */

static long number_word(const char *w, size_t n) {
    static const char *const nums[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                       "ten", "eleven", "twelve"};
    char low[16];
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = 0;
    if (!strcmp(low, "a") || !strcmp(low, "an")) return 1;
    for (int i = 0; i < 12; i++)
        if (!strcmp(low, nums[i])) return i + 1;
    return 0;
}

/* t is the word w (lower case), ignoring case and a final dot.  Inline, no libc call:
 * it runs several times per word of every sentence. */
static inline int word_is(const dtok *t, const char *w) {
    size_t n = t->n;
    if (n && t->s[n - 1] == '.') n--; /* "yesterday." */
    if (t->kind != 'w' || strlen(w) != n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t->s[i];
        if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != (unsigned char)w[i]) return 0;
    }
    return 1;
}

/* First letters (lower case) of the words resolve_tokens looks at: yesterday, today,
 * tonight, tomorrow, last, ago, on and the weekdays (monday ... sunday). */
static inline int date_word_start(unsigned char c) {
    /* one bit per letter a..z; a word token starts with a letter */
    enum { B = (1u << ('y' - 'a')) | (1u << ('t' - 'a')) | (1u << ('l' - 'a')) | (1u << ('a' - 'a')) |
               (1u << ('o' - 'a')) | (1u << ('m' - 'a')) | (1u << ('w' - 'a')) | (1u << ('f' - 'a')) |
               (1u << ('s' - 'a')) };
    unsigned k = (unsigned)(c | 0x20) - 'a';
    return k < 26 && ((B >> k) & 1);
}

/* s[0..n) equals the lower-case word w, ignoring ASCII case. */
static inline int run_is(const char *s, const char *w, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != (unsigned char)w[i]) return 0;
    }
    return 1;
}

/* Resolve the first relative date expression among tokens; 0 when none. */
static long resolve_tokens(const dtok *t, size_t nt, long story) {
    for (size_t i = 0; i < nt; i++) {
        if (t[i].kind != 'w' || !date_word_start((unsigned char)t[i].s[0])) continue;
        /* "the day before yesterday" */
        if (word_is(&t[i], "yesterday")) {
            if (i >= 2 && word_is(&t[i - 1], "before") && word_is(&t[i - 2], "day")) return ent_date_add_days(story, -2);
            return ent_date_add_days(story, -1);
        }
        if (word_is(&t[i], "today") || word_is(&t[i], "tonight")) return story;
        if (word_is(&t[i], "tomorrow")) return ent_date_add_days(story, 1);
        if (word_is(&t[i], "last") && i + 1 < nt) {
            if (word_is(&t[i + 1], "week")) return ent_date_add_days(story, -7);
            if (word_is(&t[i + 1], "night")) return ent_date_add_days(story, -1);
            if (word_is(&t[i + 1], "month")) {
                long y = story / 10000, m = (story / 100) % 100 - 1, d = story % 100;
                if (m < 1) m = 12, y--;
                if (d > days_in_month(y, m)) d = days_in_month(y, m);
                return make_date(y, m, d);
            }
        }
        /* "N hours/days/weeks ago" */
        if (word_is(&t[i], "ago") && i >= 2) {
            const dtok *u = &t[i - 1], *n = &t[i - 2];
            long k = n->kind == 'n' ? n->val : number_word(n->s, n->n);
            if (k > 0) {
                size_t un = u->n;
                if (un && (u->s[un - 1] == 's' || u->s[un - 1] == 'S')) un--;
                dtok base = *u;
                base.n = un;
                if (word_is(&base, "hour")) return ent_date_add_days(story, -(int)(k / 24));
                if (word_is(&base, "minute")) return story;
                if (word_is(&base, "day")) return ent_date_add_days(story, -(int)k);
                if (word_is(&base, "week")) return ent_date_add_days(story, -7 * (int)k);
            }
        }
        /* weekdays: the most recent one on or before the story date; "last Friday" on a
         * Friday means a week ago; "next Friday" is in the future */
        int wd = isupper((unsigned char)t[i].s[0]) && t[i].n >= 6 ? day_word(t[i].s, t[i].n, 0) : -1;
        if (wd >= 0) {
            int sw = weekday(story);
            int back = (sw - wd + 7) % 7;
            if (i > 0 && word_is(&t[i - 1], "next")) return ent_date_add_days(story, (wd - sw + 7) % 7 ? (wd - sw + 7) % 7 : 7);
            if (i > 0 && word_is(&t[i - 1], "last") && back == 0) back = 7;
            return ent_date_add_days(story, -back);
        }
        /* "on Feb 3", "on 3 February": this year, or last year if that is in the future */
        int m;
        if (word_is(&t[i], "on") && i + 2 < nt) {
            long d = 0;
            if (t[i + 1].kind == 'w' && (m = ent_month_word(t[i + 1].s, t[i + 1].n)) > 0 && t[i + 2].kind == 'n' && t[i + 2].n <= 2) {
                if (i + 4 < nt && t[i + 3].kind == 'p' && *t[i + 3].s == ',' && t[i + 4].kind == 'n' && t[i + 4].n == 4)
                    return make_date(t[i + 4].val, m, t[i + 2].val);
                d = make_date(story / 10000, m, t[i + 2].val);
            } else if (t[i + 1].kind == 'n' && t[i + 1].n <= 2 && t[i + 2].kind == 'w' &&
                       (m = ent_month_word(t[i + 2].s, t[i + 2].n)) > 0) {
                d = make_date(story / 10000, m, t[i + 1].val);
            }
            if (d) {
                if (d > ent_date_add_days(story, 7)) d = make_date(story / 10000 - 1, (d / 100) % 100, d % 100);
                if (d) return d;
            }
        }
    }
    return 0;
}

/* Bit i of the result: byte i of s[0..64) is an ASCII letter (D_ALPHA). */
static inline uint64_t alpha_bits64(const char *s) {
#ifdef __SSE2__
    const __m128i lo = _mm_set1_epi8(0x20), bias = _mm_set1_epi8(0x80 - 'a'), lim = _mm_set1_epi8((char)(0x80 + 26));
    uint64_t m = 0;
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * k));
        /* (x | 0x20) in 'a'..'z', as a signed compare after moving 'a' to -128 */
        __m128i v = _mm_add_epi8(_mm_or_si128(x, lo), bias);
        m |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmplt_epi8(v, lim)) << (16 * k);
    }
    return m;
#else
    uint64_t m = 0;
    for (int i = 0; i < 64; i++) m |= (uint64_t)(D_ALPHA(s[i]) != 0) << i;
    return m;
#endif
}

/* Whether the word at w (n letters, then s_end) is one resolve_tokens could act on:
 * yesterday, today, tonight, tomorrow, last, ago, a capitalised weekday of 6+ bytes, or
 * "on" followed by a number or a month word. */
static int date_word_at(const char *w, size_t n, const char *s_end) {
    const char *e = w + n;
#define RUN_IS(lit) (n == sizeof lit - 1 && run_is(w, lit, n))
    if (RUN_IS("yesterday") || RUN_IS("today") || RUN_IS("tonight") || RUN_IS("tomorrow") || RUN_IS("last") ||
        RUN_IS("ago"))
        return 1;
    if (RUN_IS("on")) {
        const char *j = e;
        if (j < s_end && *j == '.') j++;
        while (j < s_end && (DCLS[(unsigned char)*j] & 4)) j++;
        if (j < s_end && D_DIGIT(*j)) return 1;
        if (j < s_end && D_ALPHA(*j)) {
            const char *k = j + 1;
            while (k < s_end && D_ALPHA(*k)) k++;
            if (k < s_end && *k == '.') k++;
            if (ent_month_word(j, (size_t)(k - j)) > 0) return 1;
        }
        return 0;
    }
#undef RUN_IS
    /* a weekday as resolve_tokens tests it (the token may carry a final dot) */
    size_t tn = n + (e < s_end && *e == '.');
    return tn >= 6 && isupper((unsigned char)w[0]) && day_word(w, tn, 0) >= 0;
}

/* Offset of the first word date_word_at accepts, or -1 when there is none.  Exact as a
 * filter (never -1 where resolve_tokens would find a date, and no token before that
 * word can give one): every word token of date_tokens is a maximal
 * run of letters (with an optional final dot, which word_is ignores), and the token after
 * "on" starts at its next non-space byte.  Letters are found 64 bytes at a time (SSE2
 * where available); only the words whose first letter starts a date word are looked at.
 * Most sentences have none, and then no token array is built. */
static long first_date_word(const char *s, size_t len) {
    char tail[64];
    uint64_t prev_last = 0;   /* the byte before this block is a letter */
    for (size_t base = 0; base < len; base += 64) {
        const char *blk = s + base;
        if (len - base < 64) {
            memset(tail, 0, sizeof tail);
            memcpy(tail, blk, len - base);
            blk = tail;
        }
        uint64_t a = alpha_bits64(blk);
        uint64_t starts = a & ~((a << 1) | prev_last);
        prev_last = a >> 63;
        while (starts) {
            size_t i = base + (size_t)__builtin_ctzll(starts);
            starts &= starts - 1;
            if (!date_word_start((unsigned char)s[i])) continue;
            size_t e = i + 1;
            while (e < len && D_ALPHA(s[e])) e++;
            if (date_word_at(s + i, e - i, s + len)) return (long)i;
        }
    }
    return -1;
}

/* A place to start date_tokens at or before offset p, with at least two tokens (the
 * look-behind of resolve_tokens) before any token at or after p: the start of the
 * space-separated group two groups before p's, or 0.  Right after a space the tokens are
 * those of a scan from the start (no token holds a space), and each group holds one
 * token at least. */
static size_t token_sync_before(const char *s, size_t p) {
    size_t q = p;
    for (int g = 0;; g++) {
        while (q > 0 && !(DCLS[(unsigned char)s[q - 1]] & 4)) q--;   /* to the group's start */
        if (g == 2 || q == 0) return q;
        while (q > 0 && (DCLS[(unsigned char)s[q - 1]] & 4)) q--;     /* over the spaces before it */
        if (q == 0) return 0;
    }
}

long ent_date_resolve(const char *sentence, size_t len, long story_date) {
    if (!sentence || story_date <= 0 || !make_date(story_date / 10000, (story_date / 100) % 100, story_date % 100))
        return story_date;
    long first = first_date_word(sentence, len);
    if (first < 0) return story_date;
    dtok t[256];
    if (len < 256) {
        /* one window of fewer than 256 tokens, as below: the tokens before the first date
         * word but two give nothing, so the scan starts there */
        size_t q = token_sync_before(sentence, (size_t)first);
        size_t nt = date_tokens(sentence + q, len - q, t, 256);
        long d = resolve_tokens(t, nt, story_date);
        return d ? d : story_date;
    }
    size_t done = 0;
    /* tokens in windows so a long sentence is scanned whole */
    while (done < len) {
        size_t chunk = len - done;
        size_t nt = date_tokens(sentence + done, chunk, t, 256);
        long d = resolve_tokens(t, nt, story_date);
        if (d) return d;
        if (nt < 256) break;
        /* continue after the 250th token (overlap keeps "N hours ago" whole) */
        done = (size_t)(t[250].s - sentence);
    }
    return story_date;
}

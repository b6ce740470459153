/* dicts.c — loading a dictionary set (ent_dicts_load / _free / _counts; the default set
 * is found by defaults.c),
 * the helpers every reader shares (lines, comments, tokens, codes, dates) and the
 * phrase indexes and longest-match lookups declared in dict.h. */
#include "dict/dict_load.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- lines and comments ------------------------------------------------------------- */

void ent_dict_lines_init(dict_lines *L, char *buf, size_t len, dict_ld *ld) {
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF) {
        buf += 3;                                     /* UTF-8 byte order mark */
        len -= 3;
    }
    L->p = buf;
    L->end = buf + len;
    L->lineno = 0;
    L->semicolon = 0;
    L->comment = "";
    L->ld = ld;
}

/* Cut one raw line off the buffer; NULL at the end. */
static char *raw_line(dict_lines *L) {
    if (L->p >= L->end) return NULL;
    char *s = L->p;
    char *nl = memchr(s, '\n', (size_t)(L->end - s));
    if (nl) { *nl = 0; L->p = nl + 1; }
    else L->p = L->end;
    L->lineno++;
    return s;
}

char *ent_dict_next_line(dict_lines *L) {
    char *s;
    while ((s = raw_line(L))) {
        if (s[0] == '#' || (s[0] == '<' && s[1] == '!' && strncmp(s, "<!--", 4) != 0)) continue;
        char *c = strchr(s, '<');
        if (c && strncmp(c, "<!--", 4) != 0) c = strstr(c + 1, "<!--");
        if (c) {
            char *e = strstr(c + 4, "-->");
            if (e) memmove(c, e + 3, strlen(e + 3) + 1);
            else {
                *c = 0;                        /* keep what came before, skip to "-->" */
                long start = L->lineno;
                char *t;
                while ((t = raw_line(L)) && !strstr(t, "-->")) {}
                if (!t && L->ld)               /* never closed: the rest of the file is lost */
                    ent_dict_err(L->ld, start, "comment '<!--' is never closed: the %ld line(s) after it are ignored (close it with '-->')",
                             L->lineno - start);
            }
        }
        L->comment = "";
        char *h = strchr(s, '#');
        if (h) { *h = 0; L->comment = ent_dict_skip_space(h + 1); }
        if (L->semicolon && (h = strchr(s, ';'))) { *h = 0; L->comment = ent_dict_skip_space(h + 1); }
        size_t n = strlen(s);
        while (n && ent_is_space((unsigned char)s[n - 1])) n--;
        s[n] = 0;
        if (*ent_dict_skip_space(s)) return s;
    }
    return NULL;
}

/* ---- diagnostics --------------------------------------------------------------------- */

static void vreport(dict_ld *ld, ent_severity sev, long line, const char *fmt, va_list ap) {
    if (sev == ENT_ERROR) ld->d->errors++;
    else ld->d->warnings++;
    ent_diag_vadd(ld->diag, sev, ld->file, line, fmt, ap);
}

void ent_dict_err(dict_ld *ld, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, ENT_ERROR, line, fmt, ap);
    va_end(ap);
}

void ent_dict_warn(dict_ld *ld, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vreport(ld, ENT_WARNING, line, fmt, ap);
    va_end(ap);
}

/* ---- small text helpers --------------------------------------------------------------- */

const char *ent_dict_skip_space(const char *s) {
    while (*s && ent_is_space((unsigned char)*s)) s++;
    return s;
}

size_t ent_dict_trim_len(const char *s, size_t n) {
    while (n && ent_is_space((unsigned char)s[n - 1])) n--;
    return n;
}

char *ent_dict_upper(dict_ld *ld, const char *s, size_t n) {
    char *p = ent_arena_alloc(&ld->d->arena, n + 1);
    for (size_t i = 0; i < n; i++) p[i] = ent_upper(s[i]);
    p[n] = 0;
    return p;
}

/* ent_dict_tokens' byte map: ASCII letters uppercased, the separators ' ', '_', TAB -> 0 */
static const unsigned char tok_map[256] = {
      0,   1,   2,   3,   4,   5,   6,   7,   8,   0,  10,  11,  12,  13,  14,  15,
     16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
      0,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
     48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,
     64,  65,  66,  67,  68,  69,  70,  71,  72,  73,  74,  75,  76,  77,  78,  79,
     80,  81,  82,  83,  84,  85,  86,  87,  88,  89,  90,  91,  92,  93,  94,   0,
     96,  65,  66,  67,  68,  69,  70,  71,  72,  73,  74,  75,  76,  77,  78,  79,
     80,  81,  82,  83,  84,  85,  86,  87,  88,  89,  90, 123, 124, 125, 126, 127,
    128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
    144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
    160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
    176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
    192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
    208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
    224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
    240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};

/* One pass over the text makes an uppercased copy (separators become NULs, so every
 * token is its own string) and counts the tokens; the elements then point into it.
 * Phrases are the bulk of a dictionary, so this is the loader's hot loop. */
uint32_t ent_dict_tokens(dict_ld *ld, const char *s, size_t n, int pattern, ent_pel **out,
                     int *gap_before, int *gap_after) {
    *out = NULL;
    if (gap_before) *gap_before = 0;
    if (gap_after) *gap_after = 0;
    char *buf = ent_arena_alloc(&ld->d->arena, n + 1);
    uint32_t count = 0;
    unsigned prev = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = tok_map[(unsigned char)s[i]];
        buf[i] = (char)c;
        count += (c != 0) & (prev == 0);
        prev = c;
    }
    buf[n] = 0;
    if (!count) return 0;
    ent_pel *el = ent_arena_alloc(&ld->d->arena, count * sizeof *el);
    uint32_t k = 0;
    size_t i = 0;
    while (i < n) {
        int space = 0, any = 0;
        while (i < n && !buf[i]) { if (s[i] == ' ' || s[i] == '\t') space = 1; any = 1; i++; }
        if (i >= n) { if (gap_after) *gap_after = space; break; }
        if (k == 0 && gap_before) *gap_before = any ? space : 0;
        size_t st = i;
        i += strlen(buf + st);
        ent_pel *e = &el[k];
        memset(e, 0, sizeof *e);
        e->gap = (uint8_t)(k ? space : 0);
        e->text = buf + st;
        size_t tl = i - st;
        for (size_t b = st; b < i; b++)          /* non-ASCII: the accent-folded key */
            if ((unsigned char)buf[b] >= 0x80) { tl = ent_word_fold(buf + st, tl); buf[st + tl] = 0; break; }
        e->h = ent_word_hash_n(e->text, tl);
        e->kind = ENT_PEL_WORD;
        if (pattern && e->text[0] == '&' && tl > 1) {
            e->kind = ENT_PEL_SYNSET;
        } else if (pattern == 1 && tl == 1) {
            switch (e->text[0]) {
            case '$': e->kind = ENT_PEL_SOURCE; break;
            case '+': e->kind = ENT_PEL_TARGET; break;
            case '%': e->kind = ENT_PEL_COMPOUND; break;
            case '^': e->kind = ENT_PEL_SKIP; break;
            default: break;
            }
        }
        k++;
    }
    *out = el;
    return count;
}

int ent_dict_code(dict_ld *ld, long line, const char *s, size_t n, const char **code, const char **code2) {
    while (n && ent_is_space((unsigned char)*s)) s++, n--;
    n = ent_dict_trim_len(s, n);
    *code = NULL;
    if (code2) *code2 = NULL;
    if (!n) { ent_dict_err(ld, line, "empty code '[]' (expected [CODE])"); return 0; }
    for (size_t i = 0; i < n; i++)
        if (ent_is_space((unsigned char)s[i])) {
            ent_dict_err(ld, line, "blank inside code '[%.*s]' (expected one code)", (int)n, s);
            return 0;
        }
    const char *colon = memchr(s, ':', n);
    if (colon && code2 && !(n == 3 && memcmp(s, "---", 3) == 0)) {
        *code = ent_dict_upper(ld, s, (size_t)(colon - s));
        *code2 = ent_dict_upper(ld, colon + 1, n - (size_t)(colon - s) - 1);
        if (!**code || !**code2) {
            ent_dict_err(ld, line, "malformed code pair '[%.*s]' (expected [CODE:CODE])", (int)n, s);
            return 0;
        }
    } else {
        *code = ent_dict_upper(ld, s, n);
    }
    return 1;
}

long ent_dict_parse_date(const char *s, size_t n, int *ok) {
    *ok = 0;
    if (n != 6 && n != 8) return 0;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned dg = (unsigned)(unsigned char)s[i] - '0';
        if (dg > 9) return 0;
        v = v * 10 + (long)dg;
    }
    long y, m, dd;
    if (n == 6) {
        y = v / 10000;
        y += y <= 30 ? 2000 : 1900;
        m = v / 100 % 100;
        dd = v % 100;
    } else {
        y = v / 10000;
        m = v / 100 % 100;
        dd = v % 100;
    }
    static const int mdays[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || dd < 1 || dd > mdays[m]) return 0;
    if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    *ok = 1;
    return y * 10000 + m * 100 + dd;
}

/* ---- phrase indexes --------------------------------------------------------------------- */

#define PHRASE_AT(base, stride, i) ((const ent_phrase *)((const char *)(base) + (size_t)(i) * (stride)))

/* One hash-table insertion per entry (by the first word's precomputed hash), then the
 * entries visited by decreasing length (a stable counting sort) fill each slot's range:
 * longest first, file order on ties. */
void ent_dict_build_index(ent_phrase_index *ix, ent_arena *a, const void *base, size_t stride, size_t n) {
    memset(ix, 0, sizeof *ix);
    if (!n) return;
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    ix->cap = cap;
    ix->slots = ent_arena_alloc(a, cap * sizeof *ix->slots);
    memset(ix->slots, 0, cap * sizeof *ix->slots);
    ix->idx = ent_arena_alloc(a, n * sizeof *ix->idx);
    uint32_t *slot_of = ent_xmalloc(n * sizeof *slot_of);
    uint32_t maxlen = 0;
    for (size_t i = 0; i < n; i++) {
        const ent_phrase *p = PHRASE_AT(base, stride, i);
        if (!p->n) continue;
        uint32_t h = p->el[0].h;
        size_t k = h & (cap - 1);
        while (ix->slots[k].count && ix->slots[k].h != h) k = (k + 1) & (cap - 1);
        ix->slots[k].h = h;
        ix->slots[k].count++;
        slot_of[i] = (uint32_t)k;
        if (p->n > maxlen) maxlen = p->n;
    }
    uint32_t sum = 0;
    for (size_t k = 0; k < cap; k++)
        if (ix->slots[k].count) { ix->slots[k].start = sum; sum += ix->slots[k].count; ix->slots[k].count = 0; }
    size_t *cnt = ent_xcalloc((size_t)maxlen + 2, sizeof *cnt);
    for (size_t i = 0; i < n; i++) {
        uint32_t len = PHRASE_AT(base, stride, i)->n;
        if (len) cnt[maxlen - len]++;
    }
    size_t acc = 0;
    for (size_t l = 0; l <= maxlen; l++) { size_t c = cnt[l]; cnt[l] = acc; acc += c; }
    uint32_t *order = ent_xmalloc((acc ? acc : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++) {
        uint32_t len = PHRASE_AT(base, stride, i)->n;
        if (len) order[cnt[maxlen - len]++] = (uint32_t)i;
    }
    for (size_t r = 0; r < acc; r++) {
        ent_pidx_slot *sl = &ix->slots[slot_of[order[r]]];
        ix->idx[sl->start + sl->count++] = order[r];
    }
    free(order);
    free(cnt);
    free(slot_of);
}

/* Entries of ix whose first word may be w (same hash); *count of them, NULL if none. */
static const uint32_t *index_get(const ent_phrase_index *ix, const char *w, uint32_t *count) {
    *count = 0;
    if (!ix->cap || !w) return NULL;
    uint32_t h = ent_word_hash(w);
    size_t k = h & (ix->cap - 1);
    while (ix->slots[k].count) {
        if (ix->slots[k].h == h) { *count = ix->slots[k].count; return ix->idx + ix->slots[k].start; }
        k = (k + 1) & (ix->cap - 1);
    }
    return NULL;
}

size_t ent_phrase_match(const ent_phrase *p, const char *const *words, size_t n, size_t i) {
    if (i + p->n > n || !p->n) return 0;
    for (uint32_t k = 0; k < p->n; k++)
        if (!words[i + k] || strcmp(words[i + k], p->el[k].text) != 0) return 0;
    return p->n;
}

/* Longest entry of ix matching at words[i]; its index in *idx. */
static size_t index_longest(const ent_phrase_index *ix, const void *base, size_t stride,
                            const char *const *words, size_t n, size_t i, uint32_t *idx) {
    if (i >= n) return 0;
    uint32_t cnt;
    const uint32_t *l = index_get(ix, words[i], &cnt);
    for (uint32_t k = 0; k < cnt; k++) {
        size_t m = ent_phrase_match(PHRASE_AT(base, stride, l[k]), words, n, i);
        if (m) { *idx = l[k]; return m; }
    }
    return 0;
}

/* ---- lookups ---------------------------------------------------------------------------- */

const ent_verb_form *ent_dict_verb_forms(const ent_dicts *d, const char *form) {
    if (!d || !form || !d->verb_map.cap) return NULL;
    return ent_strmap_get(&d->verb_map, form, strlen(form));
}

int ent_dict_verb_form_matches(const ent_verb_form *f, const char *const *words, size_t n, size_t i) {
    if (i >= n || strcmp(words[i], f->form) != 0) return 0;
    if (f->nbefore > i || i + 1 + f->nafter > n) return 0;
    for (uint32_t k = 0; k < f->nbefore; k++)
        if (strcmp(words[i - f->nbefore + k], f->before[k]) != 0) return 0;
    for (uint32_t k = 0; k < f->nafter; k++)
        if (strcmp(words[i + 1 + k], f->after[k]) != 0) return 0;
    return 1;
}

const ent_synset *ent_dict_synset(const ent_dicts *d, const char *name) {
    if (!d || !name || !d->synset_map.cap) return NULL;
    size_t n = strlen(name);
    if (n && name[n - 1] == '_') n--;
    return ent_strmap_get(&d->synset_map, name, n);
}

static size_t synset_match_depth(const ent_synset *s, const char *const *words, size_t n, size_t i, int depth);

/* Match a member phrase (which may contain nested synsets) at words[i..]. */
static size_t member_match(const ent_phrase *p, const char *const *words, size_t n, size_t i, int depth) {
    size_t at = i;
    for (uint32_t k = 0; k < p->n; k++) {
        const ent_pel *e = &p->el[k];
        if (e->kind == ENT_PEL_SYNSET) {
            if (!e->synset) return 0;
            size_t m = synset_match_depth(e->synset, words, n, at, depth + 1);
            if (!m) return 0;
            at += m;
        } else {
            if (at >= n || !words[at] || strcmp(words[at], e->text) != 0) return 0;
            at++;
        }
    }
    return at - i;
}

static size_t synset_match_depth(const ent_synset *s, const char *const *words, size_t n, size_t i, int depth) {
    if (!s || depth > 8 || i >= n) return 0;
    size_t best = 0;
    for (uint32_t k = 0; k < s->nmembers; k++) {
        size_t m = member_match(&s->members[k], words, n, i, depth);
        if (m > best) best = m;
    }
    return best;
}

size_t ent_synset_match(const ent_synset *s, const char *const *words, size_t n, size_t i) {
    return synset_match_depth(s, words, n, i, 0);
}

const char *ent_actor_code_on(const ent_actor *a, long date) {
    if (!a) return NULL;
    for (uint32_t k = 0; k < a->ncodes; k++) {
        const ent_actor_code *c = &a->codes[k];
        switch (c->kind) {
        case ENT_DATE_BEFORE: if (date && date <= c->to) return c->code; break;
        case ENT_DATE_AFTER: if (date && date >= c->from) return c->code; break;
        case ENT_DATE_RANGE: if (date && date >= c->from && date <= c->to) return c->code; break;
        default: break;
        }
    }
    for (uint32_t k = 0; k < a->ncodes; k++)
        if (a->codes[k].kind == ENT_DATE_ANY) return a->codes[k].code;
    return NULL;
}

size_t ent_dict_actor_match(const ent_dicts *d, const char *const *words, size_t n, size_t i,
                            long date, const ent_actor_phrase **phrase, const char **code) {
    uint32_t idx = 0;
    size_t m = d ? index_longest(&d->actor_index, d->actor_phrases, sizeof *d->actor_phrases, words, n, i, &idx) : 0;
    if (phrase) *phrase = m ? &d->actor_phrases[idx] : NULL;
    if (code) *code = m ? ent_actor_code_on(d->actor_phrases[idx].actor, date) : NULL;
    return m;
}

size_t ent_dict_place_match(const ent_dicts *d, const char *const *words, size_t n, size_t i, const char **code) {
    uint32_t idx = 0;
    size_t m = d && d->nplaces ? index_longest(&d->place_index, d->places, sizeof *d->places, words, n, i, &idx) : 0;
    if (code) *code = m ? d->places[idx].code : NULL;
    return m;
}

size_t ent_dict_agent_match(const ent_dicts *d, const char *const *words, size_t n, size_t i,
                            const ent_agent **agent) {
    uint32_t idx = 0;
    size_t m = d ? index_longest(&d->agent_index, d->agents, sizeof *d->agents, words, n, i, &idx) : 0;
    if (agent) *agent = m ? &d->agents[idx] : NULL;
    return m;
}

int ent_dict_discard_match(const ent_dicts *d, const char *const *words, size_t n,
                           const ent_discard **hit) {
    const ent_discard *first = NULL;
    if (hit) *hit = NULL;
    if (!d || !d->ndiscards) return 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cnt;
        const uint32_t *l = index_get(&d->discard_index, words[i], &cnt);
        for (uint32_t k = 0; k < cnt; k++) {
            const ent_discard *ds = &d->discards[l[k]];
            if (!ent_phrase_match(&ds->phrase, words, n, i)) continue;
            if (ds->story) { if (hit) *hit = ds; return 2; }
            if (!first) first = ds;
        }
    }
    if (hit) *hit = first;
    return first ? 1 : 0;
}

size_t ent_dict_issues(const ent_dicts *d, const char *const *words, size_t n,
                       const ent_issue **hits, size_t max, int *ignored) {
    size_t count = 0;
    if (ignored) *ignored = 0;
    if (!d || !d->nissues) return 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cnt;
        const uint32_t *l = index_get(&d->issue_index, words[i], &cnt);
        for (uint32_t k = 0; k < cnt; k++) {
            const ent_issue *is = &d->issues[l[k]];
            if (!ent_phrase_match(&is->phrase, words, n, i)) continue;
            if (is->ignore) {
                if (ignored) *ignored = is->ignore;
                return 0;
            }
            if (hits && count < max) hits[count] = is;
            count++;
        }
    }
    return count;
}

/* ---- loading ------------------------------------------------------------------------------ */

static size_t count_lines(const char *s, size_t n) {
    size_t c = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))); p++) c++;
    return c;
}

typedef struct loaded_file { const char *path; char *buf; size_t len; } loaded_file;

void ent_dicts_free(ent_dicts *d) {
    if (!d) return;
    ent_strmap_free(&d->synset_map);
    ent_strmap_free(&d->verb_map);
    free(d->synsets); free(d->blocks); free(d->verbs); free(d->patterns);
    free(d->actors); free(d->actor_phrases); free(d->agents); free(d->discards); free(d->issues); free(d->places);
    ent_arena_free(&d->arena);
    free(d);
}

/* Warn about an empty file and about lines that are not valid UTF-8 (they are kept, but
 * their odd bytes can never match text, which is normalised to valid UTF-8). */
/* Offset of the first byte of buf[0..len) that is not valid UTF-8 (len if none): plain
 * ASCII is skipped 8 bytes at a time, each other character is checked by
 * ent_utf8_invalid_at on its own bytes (the length its lead byte announces). */
static size_t first_invalid(const char *buf, size_t len) {
    size_t at = 0;
    while (at < len) {
        if (at + 8 <= len) {
            uint64_t v;
            memcpy(&v, buf + at, 8);
            if (!(v & 0x8080808080808080ull)) { at += 8; continue; }
        }
        unsigned char c = (unsigned char)buf[at];
        if (c < 0x80) { at++; continue; }
        size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (l > len - at) l = len - at;
        size_t ok = ent_utf8_invalid_at(buf + at, l);
        if (ok < l) return at + ok;
        at += l;
    }
    return len;
}

/* Warn about an empty file and about lines that are not valid UTF-8 (they are kept, but
 * their odd bytes can never match text, which is normalised to valid UTF-8). */
static void check_text(const loaded_file *f, ent_dicts *d, ent_diag *diag) {
    if (f->len == 0) {
        ent_diag_add(diag, ENT_WARNING, f->path, 0, "empty file: no entries");
        d->warnings++;
        return;
    }
    size_t at = 0, reported = 0;
    while ((at += first_invalid(f->buf + at, f->len - at)) < f->len) {
        long line = (long)count_lines(f->buf, at);
        if (reported++ < 20)
            ent_diag_add(diag, ENT_WARNING, f->path, line, "invalid UTF-8 byte 0x%02x (line kept; it cannot match text)",
                         (unsigned char)f->buf[at]);
        d->warnings++;
        const char *nl = memchr(f->buf + at, '\n', f->len - at);   /* one report per line */
        at = nl ? (size_t)(nl - f->buf) + 1 : f->len;
    }
}

static ent_status read_one(const char *path, loaded_file *f, ent_dicts *d, ent_diag *diag) {
    f->path = path;
    f->buf = NULL;
    f->len = 0;
    if (!path) return ENT_OK;
    ent_status st = ent_read_file(path, &f->buf, &f->len, diag);
    if (st == ENT_OK) check_text(f, d, diag);
    return st;
}

ent_status ent_dicts_load(const ent_dict_paths *paths, ent_diag *diag, ent_dicts **out) {
    *out = NULL;
    ent_dicts *d = ent_xcalloc(1, sizeof *d);
    ent_arena_init(&d->arena, 1 << 20);
    ent_strmap_init(&d->synset_map);
    ent_strmap_init(&d->verb_map);
    dict_ld ld = {.d = d, .diag = diag};
    ent_dict_paths none = {0};
    if (!paths) paths = &none;

    /* read every file first: array capacities come from line counts */
    size_t nact = 0;
    if (paths->actors) while (paths->actors[nact]) nact++;
    loaded_file *files = ent_xcalloc(nact + 4, sizeof *files);
    loaded_file more = {0}, places = {0};
    ent_status st = ENT_OK;
    st = read_one(paths->verbs, &files[0], d, diag);
    if (st == ENT_OK) st = read_one(paths->verbs_more, &more, d, diag);
    if (st == ENT_OK) st = read_one(paths->agents, &files[1], d, diag);
    if (st == ENT_OK) st = read_one(paths->discards, &files[2], d, diag);
    if (st == ENT_OK) st = read_one(paths->issues, &files[3], d, diag);
    if (st == ENT_OK) st = read_one(paths->places, &places, d, diag);
    for (size_t i = 0; st == ENT_OK && i < nact; i++) st = read_one(paths->actors[i], &files[4 + i], d, diag);
    if (st != ENT_OK) {
        for (size_t i = 0; i < nact + 4; i++) free(files[i].buf);
        free(files);
        free(more.buf);
        free(places.buf);
        ent_dicts_free(d);
        return st;
    }

    if (files[0].buf || more.buf) {
        size_t n = (files[0].buf ? count_lines(files[0].buf, files[0].len) : 0) +
                   (more.buf ? count_lines(more.buf, more.len) : 0) + 1;
        ld.cap_synsets = ld.cap_blocks = ld.cap_verbs = ld.cap_patterns = n;
        d->synsets = ent_xcalloc(n, sizeof *d->synsets);
        d->blocks = ent_xcalloc(n, sizeof *d->blocks);
        d->verbs = ent_xcalloc(n, sizeof *d->verbs);
        d->patterns = ent_xcalloc(n, sizeof *d->patterns);
        if (files[0].buf) {
            ld.file = ent_arena_strdup(&d->arena, files[0].path);
            ent_dict_read_verbs(&ld, files[0].buf, files[0].len);
        }
        if (more.buf) {
            ld.file = ent_arena_strdup(&d->arena, more.path);
            ent_dict_read_verbs(&ld, more.buf, more.len);
        }
        ent_dict_finish_verbs(&ld);
    }
    size_t alines = 1;
    for (size_t i = 0; i < nact; i++) alines += count_lines(files[4 + i].buf, files[4 + i].len);
    if (nact) {
        ld.cap_actors = ld.cap_actor_phrases = alines;
        d->actors = ent_xcalloc(alines, sizeof *d->actors);
        d->actor_phrases = ent_xcalloc(alines, sizeof *d->actor_phrases);
    }
    for (size_t i = 0; i < nact; i++) {
        ld.file = ent_arena_strdup(&d->arena, files[4 + i].path);
        ent_dict_read_actors(&ld, files[4 + i].buf, files[4 + i].len);
    }
    if (files[1].buf) {
        ld.file = ent_arena_strdup(&d->arena, files[1].path);
        ent_dict_read_agents(&ld, files[1].buf, files[1].len);
    }
    if (files[2].buf) {
        ld.file = ent_arena_strdup(&d->arena, files[2].path);
        ent_dict_read_discards(&ld, files[2].buf, files[2].len);
    }
    if (files[3].buf) {
        ld.file = ent_arena_strdup(&d->arena, files[3].path);
        ent_dict_read_issues(&ld, files[3].buf, files[3].len);
    }
    if (places.buf) {
        ld.file = ent_arena_strdup(&d->arena, places.path);
        ent_dict_read_places(&ld, places.buf, places.len);
    }
    for (size_t i = 0; i < nact + 4; i++) free(files[i].buf);
    free(files);
    free(more.buf);
    free(places.buf);

    ent_dict_build_index(&d->actor_index, &d->arena, d->actor_phrases, sizeof *d->actor_phrases, d->nactor_phrases);
    ent_dict_build_index(&d->agent_index, &d->arena, d->agents, sizeof *d->agents, d->nagents);
    ent_dict_build_index(&d->discard_index, &d->arena, d->discards, sizeof *d->discards, d->ndiscards);
    ent_dict_build_index(&d->issue_index, &d->arena, d->issues, sizeof *d->issues, d->nissues);
    ent_dict_build_index(&d->place_index, &d->arena, d->places, sizeof *d->places, d->nplaces);
    *out = d;
    return ENT_OK;
}

void ent_dicts_counts(const ent_dicts *d, ent_dict_counts *out) {
    memset(out, 0, sizeof *out);
    if (!d) return;
    out->verbs = d->nverbs;
    out->verb_forms = d->nforms;
    out->patterns = d->npatterns;
    out->patterns_skipped = d->patterns_skipped;
    out->synsets = d->nsynsets;
    out->actors = d->nactors;
    out->actor_phrases = d->nactor_phrases;
    out->actor_dated_codes = d->nactor_dated;
    out->agents = d->nagent_lines;
    for (size_t i = 0; i < d->nagents; i++) out->agent_phrases += !d->agents[i].hyphened; /* as written, and plurals */
    for (size_t i = 0; i < d->ndiscards; i++) {
        if (d->discards[i].story) out->discards_story++;
        else out->discards_sentence++;
    }
    out->issues = d->nissues;
    out->places = d->nplaces;
    out->warnings = d->warnings;
    out->errors = d->errors;
}

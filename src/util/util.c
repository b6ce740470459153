/* util.c — allocation, arena, buffer, string map, file reading (see util.h). */
#include "util/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <utf8proc.h>

static void oom(size_t n) {
    fprintf(stderr, "entente: out of memory allocating %zu bytes\n", n);
    abort();
}

void *ent_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}
void *ent_xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}
void *ent_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}
char *ent_xstrdup(const char *s) { return ent_xstrndup(s, strlen(s)); }
char *ent_xstrndup(const char *s, size_t n) {
    char *p = ent_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* ---- arena ---- */
struct ent_arena_block {
    ent_arena_block *next;
    size_t used, size;
    _Alignas(8) unsigned char data[];
};

void ent_arena_init(ent_arena *a, size_t block_size) {
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
}

void *ent_arena_alloc(ent_arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    ent_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t sz = n > a->block_size ? n : a->block_size;
        b = ent_xmalloc(sizeof *b + sz);
        b->size = sz;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *ent_arena_strndup(ent_arena *a, const char *s, size_t n) {
    char *p = ent_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
char *ent_arena_strdup(ent_arena *a, const char *s) { return ent_arena_strndup(a, s, strlen(s)); }

void ent_arena_reset(ent_arena *a) {
    ent_arena_block *b = a->head;
    if (!b) return;
    /* keep the last (oldest) block, which is the smallest common one */
    while (b->next) {
        ent_arena_block *n = b->next;
        free(b);
        b = n;
    }
    b->used = 0;
    a->head = b;
}

void ent_arena_free(ent_arena *a) {
    ent_arena_block *b = a->head;
    while (b) {
        ent_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
}

void ent_arena_adopt(ent_arena *dst, ent_arena *src) {
    ent_arena_block *first = src->head, *last = first;
    if (!first) return;
    while (last->next) last = last->next;
    if (dst->head) { /* after dst's head, which stays the block dst allocates from */
        last->next = dst->head->next;
        dst->head->next = first;
    } else {
        dst->head = first;
    }
    src->head = NULL;
}

/* ---- buffer ---- */
void ent_buf_init(ent_buf *b) { b->data = NULL; b->len = b->cap = 0; }
void ent_buf_free(ent_buf *b) { free(b->data); ent_buf_init(b); }
void ent_buf_clear(ent_buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

void ent_buf_append(ent_buf *b, const char *s, size_t n) {
    ENT_GROW(b->data, b->len + n + 1, b->cap);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
void ent_buf_puts(ent_buf *b, const char *s) { ent_buf_append(b, s, strlen(s)); }
void ent_buf_putc(ent_buf *b, char c) { ent_buf_append(b, &c, 1); }

void ent_buf_vprintf(ent_buf *b, const char *fmt, va_list ap) {
    va_list again;
    va_copy(again, ap);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof tmp) ent_buf_append(b, tmp, (size_t)n);
    else if (n >= 0) {
        ENT_GROW(b->data, b->len + (size_t)n + 1, b->cap);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void ent_buf_printf(ent_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ent_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

size_t ent_utf8_invalid_at(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) { i++; continue; }
        size_t l = ent_utf8_seq_len(p + i, n - i);
        if (!l) return i;
        i += l;
    }
    return n;
}

void ent_buf_json_escape(ent_buf *b, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* a run of printable ASCII needing no escape is appended in one copy */
        size_t r = i;
        while (r < n && p[r] >= 0x20 && p[r] < 0x80 && p[r] != '"' && p[r] != '\\') r++;
        if (r > i) { ent_buf_append(b, s + i, r - i); i = r; if (i == n) break; }
        unsigned c = p[i];
        if (c == '"' || c == '\\') { ent_buf_putc(b, '\\'); ent_buf_putc(b, (char)c); i++; }
        else if (c == '\n') { ent_buf_puts(b, "\\n"); i++; }
        else if (c == '\t') { ent_buf_puts(b, "\\t"); i++; }
        else if (c == '\r') { ent_buf_puts(b, "\\r"); i++; }
        else if (c < 0x20) { ent_buf_printf(b, "\\u%04x", c); i++; }
        else if (c < 0x80) { ent_buf_putc(b, (char)c); i++; }
        else {
            size_t l = ent_utf8_seq_len(p + i, n - i);
            if (l) { ent_buf_append(b, s + i, l); i += l; }
            else { ent_buf_puts(b, "\xEF\xBF\xBD"); i++; }
        }
    }
}

/* Append s[0..n) with control characters visible: C0 (but tab and newline when
 * keep_layout), DEL and C1 (U+0080-U+009F) as \u00XX, bytes that are not UTF-8 as \xHH. */
void ent_buf_put_visible(ent_buf *b, const char *s, size_t n, int keep_layout) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t r = i;
        while (r < n && p[r] >= 0x20 && p[r] < 0x7F) r++;
        if (r > i) { ent_buf_append(b, s + i, r - i); i = r; if (i == n) break; }
        unsigned c = p[i];
        if (c < 0x80) {
            if (keep_layout && (c == '\t' || c == '\n')) ent_buf_putc(b, (char)c);
            else ent_buf_printf(b, "\\u%04x", c);
            i++;
            continue;
        }
        size_t l = ent_utf8_seq_len(p + i, n - i);
        if (!l) { ent_buf_printf(b, "\\x%02X", c); i++; }
        else if (c == 0xC2 && p[i + 1] < 0xA0) { ent_buf_printf(b, "\\u%04x", p[i + 1]); i += 2; }
        else { ent_buf_append(b, s + i, l); i += l; }
    }
}

char *ent_str_visible(const char *s, int keep_layout) {
    ent_buf b;
    ent_buf_init(&b);
    if (s) ent_buf_put_visible(&b, s, strlen(s), keep_layout);
    if (!b.data) return ent_xstrdup("");
    return b.data;
}

/* ---- string map ---- */
uint64_t ent_hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h ^ (h >> 29);
}

void ent_strmap_init(ent_strmap *m) {
    memset(m, 0, sizeof *m);
    ent_arena_init(&m->arena, 64 * 1024);
}
void ent_strmap_free(ent_strmap *m) {
    free(m->keys); free(m->klens); free(m->vals);
    ent_arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

static size_t strmap_find(const ent_strmap *m, const char *key, size_t n) {
    size_t mask = m->cap - 1, i = ent_hash(key, n) & mask;
    while (m->keys[i]) {
        if (m->klens[i] == n && memcmp(m->keys[i], key, n) == 0) return i;
        i = (i + 1) & mask;
    }
    return i;
}

void *ent_strmap_get(const ent_strmap *m, const char *key, size_t n) {
    if (!m->cap) return NULL;
    size_t i = strmap_find(m, key, n);
    return m->keys[i] ? m->vals[i] : NULL;
}
const char *ent_strmap_key(const ent_strmap *m, const char *key, size_t n) {
    if (!m->cap) return NULL;
    return m->keys[strmap_find(m, key, n)];
}

static void strmap_rehash(ent_strmap *m, size_t ncap) {
    const char **ok = m->keys; uint32_t *ol = m->klens; void **ov = m->vals;
    size_t ocap = m->cap;
    m->keys = ent_xcalloc(ncap, sizeof *m->keys);
    m->klens = ent_xcalloc(ncap, sizeof *m->klens);
    m->vals = ent_xcalloc(ncap, sizeof *m->vals);
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!ok[i]) continue;
        size_t j = strmap_find(m, ok[i], ol[i]);
        m->keys[j] = ok[i]; m->klens[j] = ol[i]; m->vals[j] = ov[i];
    }
    free(ok); free(ol); free(ov);
}

void **ent_strmap_slot(ent_strmap *m, const char *key, size_t n, int *created) {
    if ((m->count + 1) * 4 >= m->cap * 3) strmap_rehash(m, m->cap ? m->cap * 2 : 64);
    size_t i = strmap_find(m, key, n);
    if (created) *created = !m->keys[i];
    if (!m->keys[i]) {
        m->keys[i] = ent_arena_strndup(&m->arena, key, n);
        m->klens[i] = (uint32_t)n;
        m->vals[i] = NULL;
        m->count++;
    }
    return &m->vals[i];
}

/* ---- files ---- */
int ent_path_is_file(const char *path) {
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int ent_path_is_dir(const char *path) {
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

ent_status ent_read_file(const char *path, char **out, size_t *len, ent_diag *diag) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        ent_diag_add(diag, ENT_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return ENT_ERR_IO;
    }
    ent_buf b;
    ent_buf_init(&b);
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) ent_buf_append(&b, tmp, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        ent_diag_add(diag, ENT_ERROR, path, 0, "read error");
        ent_buf_free(&b);
        return ENT_ERR_IO;
    }
    if (!b.data) ent_buf_append(&b, "", 0);
    *out = b.data;
    if (len) *len = b.len;
    return ENT_OK;
}

size_t ent_word_fold(char *s, size_t n) {
    size_t r = 0, w = 0;
    while (r < n) {
        unsigned char c = (unsigned char)s[r];
        if (c < 0x80) { s[w++] = ent_upper((char)c); r++; continue; }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + r, (utf8proc_ssize_t)(n - r), &cp);
        if (k <= 0) { s[w++] = s[r++]; continue; }
        utf8proc_int32_t d[4];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
        utf8proc_uint8_t enc[16];
        size_t el = 0;
        for (utf8proc_ssize_t i = 0; m >= 0 && m <= 4 && i < m; i++)
            el += (size_t)utf8proc_encode_char(utf8proc_toupper(d[i]), enc + el);
        if (m < 0 || m > 4 || el > (size_t)k) { memmove(s + w, s + r, (size_t)k); w += (size_t)k; }
        else { memcpy(s + w, enc, el); w += el; }   /* a bare mark folds to nothing */
        r += (size_t)k;
    }
    return w;
}

void ent_str_upper(char *s) {
    s[ent_word_fold(s, strlen(s))] = 0;
}

const char *ent_shared_dir(void) {
    const char *e = getenv("ENTENTE_SHARED");
    return (e && *e) ? e : "../shared";
}

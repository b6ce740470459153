/* util.h — small shared building blocks: arena allocator, growable buffer, string map,
 * file slurping, ASCII case helpers.  Internal to libentente (not in the public header). */
#ifndef ENT_UTIL_H
#define ENT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "entente.h"

/* ---- memory: allocation failure is fatal (prints and aborts) -------------------------- */
void *ent_xmalloc(size_t n);
void *ent_xcalloc(size_t n, size_t size);
void *ent_xrealloc(void *p, size_t n);
char *ent_xstrdup(const char *s);
char *ent_xstrndup(const char *s, size_t n);

/* Grow a dynamic array: ENT_GROW(ptr, count_needed, capacity). */
#define ENT_GROW(ptr, need, cap)                                                       \
    do {                                                                               \
        if ((size_t)(need) > (size_t)(cap)) {                                          \
            size_t ent_nc_ = (cap) ? (size_t)(cap) * 2 : 16;                           \
            while (ent_nc_ < (size_t)(need)) ent_nc_ *= 2;                             \
            (ptr) = ent_xrealloc((ptr), ent_nc_ * sizeof *(ptr));                      \
            (cap) = ent_nc_;                                                           \
        }                                                                              \
    } while (0)

/* ---- arena: bump allocator; everything is freed at once by reset/free ---------------- */
typedef struct ent_arena_block ent_arena_block;
typedef struct ent_arena {
    ent_arena_block *head;
    size_t block_size;
} ent_arena;

void ent_arena_init(ent_arena *a, size_t block_size);
void *ent_arena_alloc(ent_arena *a, size_t n);         /* 8-byte aligned, never NULL */
char *ent_arena_strndup(ent_arena *a, const char *s, size_t n);
char *ent_arena_strdup(ent_arena *a, const char *s);
void ent_arena_reset(ent_arena *a);                    /* keeps the first block */
void ent_arena_free(ent_arena *a);
/* Move every block of src into dst (src is left empty): what was allocated from src now
 * lives, and is freed, with dst. */
void ent_arena_adopt(ent_arena *dst, ent_arena *src);

/* ---- growable byte buffer, always NUL-terminated ------------------------------------ */
typedef struct ent_buf {
    char *data;
    size_t len, cap;
} ent_buf;

void ent_buf_init(ent_buf *b);
void ent_buf_free(ent_buf *b);
void ent_buf_clear(ent_buf *b);
void ent_buf_append(ent_buf *b, const char *s, size_t n);
void ent_buf_puts(ent_buf *b, const char *s);
void ent_buf_putc(ent_buf *b, char c);
void ent_buf_printf(ent_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ent_buf_vprintf(ent_buf *b, const char *fmt, va_list ap);
/* ent_diag_add with a va_list (for reporting helpers of their own). */
void ent_diag_vadd(ent_diag *d, ent_severity sev, const char *file, long line, const char *fmt, va_list ap);
/* The one UTF-8 validator.  Length of the valid UTF-8 sequence starting at s (n >= 1
 * bytes available), 0 when invalid: stray continuation byte, overlong form, surrogate,
 * above U+10FFFF, truncated. */
static inline size_t ent_utf8_seq_len(const unsigned char *s, size_t n) {
    unsigned c = s[0], min;
    size_t len;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}
/* Offset of the first byte of s[0..n) that is not part of valid UTF-8, or n when all of
 * it is valid. */
size_t ent_utf8_invalid_at(const char *s, size_t n);
/* Append s with JSON string escaping (no surrounding quotes); invalid UTF-8 -> U+FFFD. */
void ent_buf_json_escape(ent_buf *b, const char *s, size_t n);
/* Append s with control characters made visible (see ent_str_visible in entente.h):
 * for messages, file names and TSV/CSV cells. */
void ent_buf_put_visible(ent_buf *b, const char *s, size_t n, int keep_layout);

/* ---- string map: open addressing, keys copied into the map's arena ------------------- */
typedef struct ent_strmap {
    const char **keys;
    uint32_t *klens;
    void **vals;
    size_t cap, count;
    ent_arena arena;
} ent_strmap;

uint64_t ent_hash(const char *s, size_t n);
void ent_strmap_init(ent_strmap *m);
void ent_strmap_free(ent_strmap *m);
/* Returns the slot value for key, or NULL. */
void *ent_strmap_get(const ent_strmap *m, const char *key, size_t n);
/* Returns a pointer to the value slot, inserting the key (value NULL) if absent.
 * *created (may be NULL) tells whether it was inserted. The pointer is valid until the
 * next insertion. */
void **ent_strmap_slot(ent_strmap *m, const char *key, size_t n, int *created);
/* The map's copy of a key that is present (interned string), or NULL. */
const char *ent_strmap_key(const ent_strmap *m, const char *key, size_t n);

/* ---- files ------------------------------------------------------------------------ */
/* Read a whole file; *out is malloc'ed and NUL-terminated (caller frees).  On failure
 * reports "path: reason" to diag and returns ENT_ERR_IO. */
ent_status ent_read_file(const char *path, char **out, size_t *len, ent_diag *diag);
/* Whether path names an existing regular file / directory (following symlinks). */
int ent_path_is_file(const char *path);
int ent_path_is_dir(const char *path);

/* ---- ASCII helpers ---------------------------------------------------------------- */
static inline int ent_is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
/* Whether the n bytes at s are all ASCII capital letters (n 0: yes). */
static inline int ent_all_upper(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z')) return 0;
    return 1;
}
/* Whether s (may be NULL: no) is one of the strings of list, which ends with NULL. */
static inline int ent_str_in_list(const char *s, const char *const *list) {
    if (!s) return 0;
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == s[0] && !strcmp(s, list[i])) return 1;   /* first letter first: cheap */
    return 0;
}
static inline char ent_upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c; }
/* The matching key of a word, in place: ASCII letters uppercased, and every other letter
 * uppercased with its accents stripped ("Sékou" and "SÉKOU" -> "SEKOU", "Ôtan" -> "OTAN"),
 * so dictionary phrases and text words meet whatever accents either side writes.  The key
 * is never longer than the word (a letter whose key would need more bytes is kept as it
 * is; invalid UTF-8 bytes are kept); returns its length.  No NUL is written. */
size_t ent_word_fold(char *s, size_t n);
/* ent_word_fold on a NUL-terminated string (the NUL moves to the key's end). */
void ent_str_upper(char *s);
/* Shared-data directory: $ENTENTE_SHARED or "../shared". */
const char *ent_shared_dir(void);

#endif

/* doc.c — the document reader: opens a file, standard input or a memory buffer, detects
 * its format and yields ent_doc records one at a time.  Plain text and HTML and PDF
 * files are one document each; JSON lines are streamed one line at a time so memory
 * stays bounded whatever the input size.  A bad document is reported and skipped; the
 * reader stays usable for the ones after it.
 *
 * Bounded memory: coding a story costs about 14 times its text, so a story longer than
 * DOC_PART_BYTES is handed out in parts cut at paragraph breaks (ids "ID", "ID#part2",
 * ..., with a warning); plain text is read part by part (never whole), a JSON line longer
 * than DOC_MAX_BYTES is refused as it is read (never buffered whole), and HTML, PDF and
 * UTF-16 files are refused above DOC_MAX_BYTES. */
#include "ingest/ingest.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <strings.h>

#define DOC_MAX_BYTES ((size_t)64 << 20)  /* an HTML/PDF/UTF-16 file or a JSON line: at most 64 MiB */
#define DOC_PART_BYTES ((size_t)4 << 20) /* a longer text is coded in parts of at most 4 MiB */
#define STREAM_BYTES 65536
#define PEEK_BYTES 4096

/* ---- documents ---------------------------------------------------------------------- */

doc_impl *ent_doc_new(void) {
    /* malloc + memset: glibc's calloc costs more than both for this small struct */
    doc_impl *d = ent_xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    ent_arena_init(&d->arena, 4096);
    d->pub.id = d->pub.origin = d->pub.date_text = d->pub.title = d->pub.text = "";
    d->pub.url = d->pub.source = d->pub.byline = "";
    return d;
}

const char *ent_doc_str(doc_impl *d, const char *s, size_t n) { return ent_arena_strndup(&d->arena, s ? s : "", s ? n : 0); }

void ent_doc_add_field(doc_impl *d, const char *name, const char *json) {
    ENT_GROW(d->fields, d->nfields + 1, d->fields_cap);
    d->fields[d->nfields].name = ent_arena_strdup(&d->arena, name);
    d->fields[d->nfields].json = ent_arena_strdup(&d->arena, json);
    d->nfields++;
    d->pub.extra = d->fields;
    d->pub.nextra = d->nfields;
}

void ent_doc_free(ent_doc *doc) {
    if (!doc) return;
    doc_impl *d = (doc_impl *)doc;
    ent_arena_free(&d->arena);
    free(d->fields);
    free(d);
}

/* ---- encodings ---------------------------------------------------------------------- */

char *ent_to_utf8(const char *s, size_t n, const char *charset, size_t *out_len, ent_buf *why) {
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) {
        ent_buf_printf(why, "unknown encoding '%s'", charset);
        return NULL;
    }
    size_t cap = n * 4 + 16;
    char *out = ent_xmalloc(cap);
    char *in = (char *)s, *o = out;
    size_t inleft = n, outleft = cap - 1;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(o - out);
                cap *= 2;
                out = ent_xrealloc(out, cap);
                o = out + used;
                outleft = cap - 1 - used;
                continue;
            }
            ent_buf_printf(why, "invalid %s byte sequence at byte %zu", charset, (size_t)(in - s));
            free(out);
            iconv_close(cd);
            return NULL;
        }
    }
    iconv_close(cd);
    *o = 0;
    if (out_len) *out_len = (size_t)(o - out);
    return out;
}

/* ---- formats ------------------------------------------------------------------------ */

static const char *const format_names[] = {"auto", "text", "jsonl", "html", "pdf", "petrxml", "feed"};
#define NFORMATS ((int)(sizeof format_names / sizeof *format_names))

int ent_input_format_parse(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < NFORMATS; i++)
        if (!strcasecmp(name, format_names[i])) return i;
    if (!strcasecmp(name, "txt")) return ENT_INPUT_TEXT;
    if (!strcasecmp(name, "json") || !strcasecmp(name, "ndjson")) return ENT_INPUT_JSONL;
    if (!strcasecmp(name, "xml")) return ENT_INPUT_PETRXML;
    if (!strcasecmp(name, "rss") || !strcasecmp(name, "atom")) return ENT_INPUT_FEED;
    return -1;
}

const char *ent_input_format_name(ent_input_format f) {
    return (int)f >= 0 && (int)f < NFORMATS ? format_names[f] : "?";
}

static int has_suffix(const char *path, const char *suf) {
    size_t n = strlen(path), k = strlen(suf);
    return n > k && !strcasecmp(path + n - k, suf);
}

static int head_has(const char *head, size_t n, const char *needle) {
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(head + i, needle, k)) return 1;
    return 0;
}

ent_input_format ent_input_detect(const char *path, const char *head, size_t n) {
    if (path) {
        if (has_suffix(path, ".pdf")) return ENT_INPUT_PDF;
        if (has_suffix(path, ".html") || has_suffix(path, ".htm") || has_suffix(path, ".xhtml")) return ENT_INPUT_HTML;
        if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") || has_suffix(path, ".json")) return ENT_INPUT_JSONL;
        if (has_suffix(path, ".txt") || has_suffix(path, ".text")) return ENT_INPUT_TEXT;
        if (has_suffix(path, ".rss") || has_suffix(path, ".atom")) return ENT_INPUT_FEED;
    }
    if (!head) return path && has_suffix(path, ".xml") ? ENT_INPUT_PETRXML : ENT_INPUT_TEXT;
    if (n >= 5 && !memcmp(head, "%PDF-", 5)) return ENT_INPUT_PDF;
    size_t i = 0;
    if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3)) i = 3;
    while (i < n && ent_is_space((unsigned char)head[i])) i++;
    if (i < n && head[i] == '{') return ENT_INPUT_JSONL;
    if (i < n && head[i] == '<') {
        const char *h = head + i;
        size_t m = n - i;
        /* a feed: its root element, after the XML declaration, comments, stylesheets */
        if ((!strncmp(h, "<?xml", m < 5 ? m : 5) || !strncmp(h, "<!--", m < 4 ? m : 4) || !strncasecmp(h, "<rss", m < 4 ? m : 4) ||
             !strncmp(h, "<feed", m < 5 ? m : 5) || !strncmp(h, "<rdf:RDF", m < 8 ? m : 8)) &&
            (head_has(h, m, "<rss") || head_has(h, m, "<feed") || head_has(h, m, "<rdf:RDF")) &&
            !head_has(h, m, "<Sentence"))
            return ENT_INPUT_FEED;
        if (head_has(h, m, "<html") || head_has(h, m, "<!doctype html") || head_has(h, m, "<body") ||
            head_has(h, m, "<head") || head_has(h, m, "<article"))
            return ENT_INPUT_HTML;
        if (head_has(h, m, "<Sentences") || head_has(h, m, "<Sentence ") || head_has(h, m, "<Environment") ||
            (path && has_suffix(path, ".xml")))
            return ENT_INPUT_PETRXML;
        if (m >= 5 && !strncmp(h, "<?xml", 5)) return ENT_INPUT_PETRXML;
        return ENT_INPUT_HTML;
    }
    if (path && has_suffix(path, ".xml")) return ENT_INPUT_PETRXML;
    return ENT_INPUT_TEXT;
}

/* ---- the reader --------------------------------------------------------------------- */

struct ent_doc_reader {
    char *name;          /* path or "stdin", for messages */
    char *base;          /* id prefix: the file name without its folder */
    FILE *f;
    int close_f;
    char *mem;           /* copy of an in-memory input */
    ent_input_format fmt;
    char pre[PEEK_BYTES];
    size_t pre_len, pre_pos;
    long line;           /* JSON lines: line number of the last line read */
    int done;
    char *sb;            /* stream buffer (STREAM_BYTES) after the peeked bytes */
    size_t sb_pos, sb_len;
    ent_buf lb;          /* a line that spans buffers */
    /* a long story handed out in parts */
    doc_impl *big;       /* owned; NULL when none */
    size_t big_off;
    int part;            /* parts handed out so far (of big, or of a streamed text) */
    /* plain text read part by part */
    ent_buf tb;
    size_t tb_base;      /* offset in the file of tb.data[0] */
    int tb_started, tb_eof;
    ent_feed *feed;      /* feeds: the parsed feed, items delivered one at a time */
    ent_buf why;         /* why the last document failed (whole; see ent_*_extract) */
};

static ent_status reader_setup(ent_doc_reader *r, ent_input_format fmt, ent_diag *diag) {
    r->pre_len = fread(r->pre, 1, sizeof r->pre, r->f);
    if (ferror(r->f)) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "cannot read: %s", strerror(errno));
        return ENT_ERR_IO;
    }
    r->fmt = fmt == ENT_INPUT_AUTO ? ent_input_detect(r->close_f ? r->name : NULL, r->pre, r->pre_len) : fmt;
    return ENT_OK;
}

static ent_doc_reader *reader_alloc(const char *name) {
    ent_doc_reader *r = ent_xcalloc(1, sizeof *r);
    r->name = ent_xstrdup(name);
    const char *slash = strrchr(name, '/');
    r->base = ent_xstrdup(slash ? slash + 1 : name);
    ent_buf_init(&r->lb);
    ent_buf_init(&r->tb);
    return r;
}

ent_status ent_doc_reader_open(const char *path, ent_input_format fmt, ent_diag *diag, ent_doc_reader **out) {
    *out = NULL;
    int is_stdin = !strcmp(path, "-");
    ent_doc_reader *r = reader_alloc(is_stdin ? "stdin" : path);
    if (is_stdin) r->f = stdin;
    else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            ent_diag_add(diag, ENT_ERROR, path, 0, "cannot open: %s", strerror(errno));
            ent_doc_reader_free(r);
            return ENT_ERR_IO;
        }
        r->close_f = 1;
    }
    ent_status st = reader_setup(r, fmt, diag);
    if (st != ENT_OK) { ent_doc_reader_free(r); return st; }
    *out = r;
    return ENT_OK;
}

ent_status ent_doc_reader_open_mem(const char *name, const char *data, size_t len, ent_input_format fmt,
                                   ent_diag *diag, ent_doc_reader **out) {
    *out = NULL;
    ent_doc_reader *r = reader_alloc(name ? name : "memory");
    r->mem = ent_xmalloc(len + 1);
    memcpy(r->mem, data, len);
    r->f = len ? fmemopen(r->mem, len, "rb") : fopen("/dev/null", "rb");
    if (!r->f) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "cannot open memory stream: %s", strerror(errno));
        ent_doc_reader_free(r);
        return ENT_ERR_IO;
    }
    r->close_f = 1;
    ent_status st = reader_setup(r, fmt, diag);
    if (st != ENT_OK) { ent_doc_reader_free(r); return st; }
    /* a memory buffer is named by the caller: detect from its name too */
    if (fmt == ENT_INPUT_AUTO) r->fmt = ent_input_detect(r->name, r->pre, r->pre_len);
    *out = r;
    return ENT_OK;
}

ent_input_format ent_doc_reader_format(const ent_doc_reader *r) { return r->fmt; }

void ent_doc_reader_free(ent_doc_reader *r) {
    if (!r) return;
    if (r->f && r->close_f) fclose(r->f);
    free(r->name);
    free(r->base);
    free(r->mem);
    free(r->sb);
    ent_buf_free(&r->lb);
    ent_buf_free(&r->tb);
    if (r->big) ent_doc_free(&r->big->pub);
    ent_feed_free(r->feed);
    ent_buf_free(&r->why);
    free(r);
}

/* Read the whole (rest of the) input into a malloc'ed buffer; ENT_ERR_LIMIT if larger
 * than DOC_MAX_BYTES. */
static ent_status read_all(ent_doc_reader *r, char **out, size_t *len, ent_diag *diag) {
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_append(&b, r->pre + r->pre_pos, r->pre_len - r->pre_pos);
    r->pre_pos = r->pre_len;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) {
        if (b.len + n > DOC_MAX_BYTES) {
            ent_diag_add(diag, ENT_ERROR, r->name, 0, "document larger than %zu MiB", DOC_MAX_BYTES >> 20);
            ent_buf_free(&b);
            return ENT_ERR_LIMIT;
        }
        ent_buf_append(&b, chunk, n);
    }
    if (ferror(r->f)) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "cannot read: %s", strerror(errno));
        ent_buf_free(&b);
        return ENT_ERR_IO;
    }
    if (!b.data) ent_buf_append(&b, "", 0);
    *out = b.data ? b.data : ent_xstrdup("");
    *len = b.len;
    return ENT_OK;
}

/* Next line (without its newline) as *line, *len: it points into the peeked bytes, the
 * stream buffer or r->lb (a line that spans buffers), valid until the next call; not
 * NUL-terminated.  A line longer than DOC_MAX_BYTES is read to its end but not kept:
 * *too_long is set and *len is 0.  0 at the end of input. */
static int read_line(ent_doc_reader *r, const char **line, size_t *len, int *too_long) {
    *too_long = 0;
    ent_buf_clear(&r->lb);
    int have = 0;
    if (r->pre_pos < r->pre_len) {
        const char *p = r->pre + r->pre_pos;
        size_t left = r->pre_len - r->pre_pos;
        const char *nl = memchr(p, '\n', left);
        if (nl) {
            *line = p;
            *len = (size_t)(nl - p);
            r->pre_pos += *len + 1;
            return 1;
        }
        ent_buf_append(&r->lb, p, left);
        r->pre_pos = r->pre_len;
        have = 1;
    }
    for (;;) {
        if (r->sb_pos >= r->sb_len) {
            if (!r->sb) r->sb = ent_xmalloc(STREAM_BYTES);
            r->sb_pos = 0;
            r->sb_len = fread(r->sb, 1, STREAM_BYTES, r->f);
            if (!r->sb_len) break;
        }
        const char *p = r->sb + r->sb_pos;
        size_t left = r->sb_len - r->sb_pos;
        const char *nl = memchr(p, '\n', left);
        size_t take = nl ? (size_t)(nl - p) : left;
        have = 1;
        r->sb_pos += take + (nl ? 1 : 0);
        if (!*too_long && !r->lb.len && nl) { *line = p; *len = take; return 1; } /* within the buffer */
        if (!*too_long && r->lb.len + take > DOC_MAX_BYTES) { *too_long = 1; ent_buf_free(&r->lb); }
        if (!*too_long) ent_buf_append(&r->lb, p, take);
        if (nl) break;
    }
    if (!have) return 0;
    *line = r->lb.data ? r->lb.data : "";
    *len = *too_long ? 0 : r->lb.len;
    return 1;
}

/* "name:line" in the document's arena (as snprintf "%s:%ld" into 4200 bytes would give:
 * a longer name is cut to 4199 bytes in all). */
static const char *line_origin(doc_impl *d, const char *name, long line) {
    char num[24];
    size_t k = sizeof num;
    unsigned long v = line < 0 ? 0UL - (unsigned long)line : (unsigned long)line;
    do { num[--k] = (char)('0' + v % 10); v /= 10; } while (v);
    if (line < 0) num[--k] = '-';
    size_t nl = strlen(name), dl = sizeof num - k, total = nl + 1 + dl;
    if (total > 4199) total = 4199;
    char *o = ent_arena_alloc(&d->arena, total + 1);
    char *p = o;
    size_t take = nl < total ? nl : total;
    memcpy(p, name, take);
    p += take;
    if ((size_t)(p - o) < total) *p++ = ':';
    size_t rest = total - (size_t)(p - o);
    memcpy(p, num + k, rest);
    p[rest] = 0;
    return o;
}

/* Plain text: one story.  UTF-8 (BOM dropped) or UTF-16 with a BOM; anything else is an
 * unknown encoding. */
static ent_status text_doc(ent_doc_reader *r, char *data, size_t len, size_t base, ent_doc **out, ent_diag *diag) {
    ent_buf *why = &r->why;
    ent_buf_clear(why);
    char *conv = NULL;
    const char *s = data;
    size_t n = len;
    if (n >= 2 && ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)) {
        conv = ent_to_utf8(s + 2, n - 2, "UTF-16LE", &n, why);
        if (!conv) { ent_diag_add(diag, ENT_ERROR, r->name, 0, "%s", why->data); return ENT_ERR_SYNTAX; }
        s = conv;
    } else if (n >= 2 && ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)) {
        conv = ent_to_utf8(s + 2, n - 2, "UTF-16BE", &n, why);
        if (!conv) { ent_diag_add(diag, ENT_ERROR, r->name, 0, "%s", why->data); return ENT_ERR_SYNTAX; }
        s = conv;
    } else if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
        s += 3;
        n -= 3;
    }
    size_t bad = ent_utf8_invalid_at(s, n);
    if (bad != n) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "unknown encoding: not UTF-8 (invalid byte 0x%02X at offset %zu); convert the file to UTF-8",
                     (unsigned char)s[bad], base + bad);
        free(conv);
        return ENT_ERR_SYNTAX;
    }
    if (memchr(s, 0, n)) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "binary data (NUL byte) in a text document");
        free(conv);
        return ENT_ERR_SYNTAX;
    }
    doc_impl *d = ent_doc_new();
    d->pub.text = ent_doc_str(d, s, n);
    d->pub.text_len = n;
    free(conv);
    *out = &d->pub;
    return ENT_OK;
}

/* Where to cut a text longer than max: after the last paragraph break ("\n\n") in its
 * second half, else the last line break, else the last space, else at max (moved back
 * to the start of a UTF-8 character). */
static size_t part_cut(const char *s, size_t n, size_t max) {
    if (n <= max) return n;
    for (size_t i = max; i > max / 2; i--)
        if (s[i - 1] == '\n' && s[i - 2] == '\n') return i;
    for (size_t i = max; i > max / 2; i--)
        if (s[i - 1] == '\n') return i;
    for (size_t i = max; i > max / 2; i--)
        if (s[i - 1] == ' ') return i;
    size_t i = max;
    while (i > 1 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    return i;
}

/* "ID" for the first part of a story, "ID#partK" for the others (in d's arena). */
static const char *part_id(doc_impl *d, const char *id, int part) {
    if (part <= 1) return ent_doc_str(d, id, strlen(id));
    char *o = ent_arena_alloc(&d->arena, strlen(id) + 24);
    sprintf(o, "%s#part%d", id, part);
    return o;
}

static void warn_parts(ent_doc_reader *r, ent_diag *diag, long line, const char *id) {
    ent_diag_add(diag, ENT_WARNING, r->name, line,
                 "story longer than %zu MiB: coded in parts of at most %zu MiB cut at paragraph breaks "
                 "(story ids %s, %s#part2, ...)", DOC_PART_BYTES >> 20, DOC_PART_BYTES >> 20, id, id);
}

/* The next part of r->big: its metadata with the next slice of its text (r->big is
 * freed after the last one). */
static void next_part(ent_doc_reader *r, ent_doc **out) {
    doc_impl *b = r->big;
    const ent_doc *bp = &b->pub;
    size_t cut = part_cut(bp->text + r->big_off, bp->text_len - r->big_off, DOC_PART_BYTES);
    doc_impl *d = ent_doc_new();
    d->pub.id = part_id(d, bp->id, ++r->part);
    d->pub.origin = ent_doc_str(d, bp->origin, strlen(bp->origin));
    d->pub.date_text = ent_doc_str(d, bp->date_text, strlen(bp->date_text));
    d->pub.date = bp->date;
    d->pub.title = ent_doc_str(d, bp->title, strlen(bp->title));
    d->pub.url = ent_doc_str(d, bp->url, strlen(bp->url));
    d->pub.source = ent_doc_str(d, bp->source, strlen(bp->source));
    d->pub.byline = ent_doc_str(d, bp->byline, strlen(bp->byline));
    for (size_t k = 0; k < bp->nextra; k++) ent_doc_add_field(d, bp->extra[k].name, bp->extra[k].json);
    d->pub.text = ent_doc_str(d, bp->text + r->big_off, cut);
    d->pub.text_len = cut;
    r->big_off += cut;
    while (r->big_off < bp->text_len && ent_is_space((unsigned char)bp->text[r->big_off])) r->big_off++;
    if (r->big_off >= bp->text_len) { ent_doc_free(&b->pub); r->big = NULL; }
    *out = &d->pub;
}

/* Hand out d, whole or (longer than DOC_PART_BYTES) in parts. */
static ent_status deliver(ent_doc_reader *r, doc_impl *d, long line, ent_doc **out, ent_diag *diag) {
    if (d->pub.text_len <= DOC_PART_BYTES) { *out = &d->pub; return ENT_OK; }
    warn_parts(r, diag, line, d->pub.id);
    r->big = d;
    r->big_off = 0;
    r->part = 0;
    next_part(r, out);
    return ENT_OK;
}

/* Plain text, part by part: at most DOC_PART_BYTES (+ one read) in memory at a time. */
static ent_status text_part(ent_doc_reader *r, ent_doc **out, ent_diag *diag) {
    if (!r->tb_started) {
        r->tb_started = 1;
        ent_buf_append(&r->tb, r->pre + r->pre_pos, r->pre_len - r->pre_pos);
        r->pre_pos = r->pre_len;
    }
    char chunk[STREAM_BYTES];
    while (r->tb.len <= DOC_PART_BYTES && !r->tb_eof) {
        size_t n = fread(chunk, 1, sizeof chunk, r->f);
        if (!n) {
            r->tb_eof = 1;
            if (ferror(r->f)) {
                ent_diag_add(diag, ENT_ERROR, r->name, 0, "cannot read: %s", strerror(errno));
                r->done = 1;
                return ENT_ERR_IO;
            }
        }
        ent_buf_append(&r->tb, chunk, n);
    }
    if (!r->part && r->tb_eof) { /* an empty text input (white space only) holds no document */
        size_t k = 0;
        while (k < r->tb.len && ent_is_space((unsigned char)r->tb.data[k])) k++;
        if (k == r->tb.len) { r->done = 1; return ENT_OK; }
    }
    size_t cut = part_cut(r->tb.data ? r->tb.data : "", r->tb.len, DOC_PART_BYTES);
    if (!r->part && cut < r->tb.len) warn_parts(r, diag, 0, r->base);
    r->part++;
    ent_doc *td = NULL;
    ent_status st = text_doc(r, r->tb.data ? r->tb.data : "", cut, r->tb_base, &td, diag);
    /* drop the part (and the white space after it) from the buffer */
    size_t next = cut;
    while (next < r->tb.len && ent_is_space((unsigned char)r->tb.data[next])) next++;
    memmove(r->tb.data, r->tb.data + next, r->tb.len - next);
    r->tb.len -= next;
    r->tb_base += next;
    if (r->tb_eof && !r->tb.len) r->done = 1;
    if (st != ENT_OK) return st;
    doc_impl *d = (doc_impl *)td;
    d->pub.origin = ent_doc_str(d, r->name, strlen(r->name));
    if (!*d->pub.id) d->pub.id = part_id(d, r->base, r->part);
    *out = td;
    return ENT_OK;
}

/* Feeds: the whole feed is parsed on the first call, then one item per call; an item
 * without text is one bad document ("name:line: item N has no ..."). */
static ent_status feed_doc(ent_doc_reader *r, ent_doc **out, ent_diag *diag) {
    ent_buf *why = &r->why;
    ent_buf_clear(why);
    if (!r->feed) {
        char *data;
        size_t len;
        ent_status st = read_all(r, &data, &len, diag);
        if (st != ENT_OK) { r->done = 1; return st; }
        long at = 0;
        r->feed = ent_feed_open(r->name, data, len, &at, why);
        free(data);
        if (!r->feed) {
            r->done = 1;
            ent_diag_add(diag, ENT_ERROR, r->name, at, "%s", why->data ? why->data : "unreadable feed");
            return ENT_ERR_SYNTAX;
        }
    }
    doc_impl *d;
    long line = 0;
    int got = ent_feed_next(r->feed, &d, &line, why);
    if (got == 0) { r->done = 1; return ENT_OK; }
    if (got < 0) {
        ent_diag_add(diag, ENT_ERROR, r->name, line, "%s", why->data ? why->data : "unreadable item");
        return ENT_ERR_SYNTAX;
    }
    if (d->warning) ent_diag_add(diag, ENT_WARNING, r->name, line, "%s", d->warning);
    d->pub.origin = line_origin(d, r->name, line);
    if (!*d->pub.id) d->pub.id = line_origin(d, r->base, line);
    return deliver(r, d, line, out, diag);
}

ent_status ent_doc_reader_next(ent_doc_reader *r, ent_doc **out, ent_diag *diag) {
    *out = NULL;
    if (r->big) { next_part(r, out); return ENT_OK; }
    if (r->done) return ENT_OK;
    ent_buf *why = &r->why;
    ent_buf_clear(why);
    if (r->fmt == ENT_INPUT_JSONL) {
        for (;;) {
            const char *s;
            size_t n;
            int too_long;
            if (!read_line(r, &s, &n, &too_long)) { r->done = 1; return ENT_OK; }
            r->line++;
            if (too_long) {
                ent_diag_add(diag, ENT_ERROR, r->name, r->line, "line longer than %zu MiB: skipped", DOC_MAX_BYTES >> 20);
                return ENT_ERR_LIMIT;
            }
            if (!s) s = "";
            while (n && ent_is_space((unsigned char)s[n - 1])) n--;
            size_t i = 0;
            while (i < n && ent_is_space((unsigned char)s[i])) i++;
            if (i == n) continue; /* blank line */
            ent_buf_clear(why);
            doc_impl *d = ent_jsonl_extract(s + i, n - i, why);
            if (!d) {
                ent_diag_add(diag, ENT_ERROR, r->name, r->line, "%s", why->data ? why->data : "unreadable line");
                return ENT_ERR_SYNTAX;
            }
            d->pub.origin = line_origin(d, r->name, r->line);
            if (!*d->pub.id) d->pub.id = line_origin(d, r->base, r->line);
            return deliver(r, d, r->line, out, diag);
        }
    }
    if (r->fmt == ENT_INPUT_FEED) return feed_doc(r, out, diag);
    if (r->fmt == ENT_INPUT_TEXT) {
        const unsigned char *h = (const unsigned char *)r->pre;
        int utf16 = r->pre_len >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF));
        if (!utf16 || r->tb_started) return text_part(r, out, diag);
    }
    r->done = 1;
    if (r->fmt == ENT_INPUT_PETRXML) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "PETRARCH XML is read record by record (use --input petrxml with a file)");
        return ENT_ERR_UNSUPPORTED;
    }
    char *data;
    size_t len;
    ent_status st = read_all(r, &data, &len, diag);
    if (st != ENT_OK) return st;
    doc_impl *d = NULL;
    if (r->fmt == ENT_INPUT_HTML) d = ent_html_extract(data, len, why);
    else if (r->fmt == ENT_INPUT_PDF) d = ent_pdf_extract(data, len, why);
    else {
        size_t k = 0;
        while (k < len && ent_is_space((unsigned char)data[k])) k++;
        if (k == len) { free(data); return ENT_OK; } /* an empty text input holds no document */
        ent_doc *td = NULL;
        st = text_doc(r, data, len, 0, &td, diag);
        d = (doc_impl *)td;
        if (st != ENT_OK) { free(data); return st; }
    }
    free(data);
    if (!d) {
        ent_diag_add(diag, ENT_ERROR, r->name, 0, "%s", why->data ? why->data : "unreadable document");
        return ENT_ERR_SYNTAX;
    }
    if (d->warning) ent_diag_add(diag, ENT_WARNING, r->name, 0, "%s", d->warning);
    d->pub.origin = ent_doc_str(d, r->name, strlen(r->name));
    if (!*d->pub.id) d->pub.id = ent_doc_str(d, r->base, strlen(r->base));
    return deliver(r, d, 0, out, diag);
}

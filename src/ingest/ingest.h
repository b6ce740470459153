/* ingest.h — internals shared by the document readers (the files in src/ingest): building an
 * ent_doc in its own arena, encoding checks, and the per-format extractors. */
#ifndef ENT_INGEST_H
#define ENT_INGEST_H

#include "util/util.h"

/* An ent_doc with the arena its strings live in (ent_doc is the first member, so an
 * ent_doc * from the public API is a doc_impl *). */
typedef struct doc_impl {
    ent_doc pub;
    ent_arena arena;
    ent_doc_field *fields;
    size_t nfields, fields_cap;
    const char *warning;  /* NULL, or what the reader should report as a warning (in arena) */
} doc_impl;

/* New document with every string "" (never NULL). */
doc_impl *ent_doc_new(void);
/* Set one string field (copied into the document's arena). */
const char *ent_doc_str(doc_impl *d, const char *s, size_t n);
void ent_doc_add_field(doc_impl *d, const char *name, const char *json);

/* Convert n bytes from charset to UTF-8 with iconv.  Returns a malloc'ed NUL-terminated
 * string (length in *out_len) or NULL with the reason in why (e.g. unknown encoding). */
char *ent_to_utf8(const char *s, size_t n, const char *charset, size_t *out_len, ent_buf *why);

/* Per-format extraction of one whole document from memory.  On failure: NULL and a
 * message (without the origin prefix) in why. */
doc_impl *ent_html_extract(const char *data, size_t len, ent_buf *why);
doc_impl *ent_pdf_extract(const char *data, size_t len, ent_buf *why);
/* RSS 2.0 / RSS 1.0 / Atom feeds (feed.c).  ent_feed_open parses the whole feed (name is
 * for libxml's messages); NULL and why on failure (not XML, not a feed; *line is where, or
 * 0).  ent_feed_next delivers the next item: 1 with *out (caller owns it), 0 at the end, -1
 * for an item without any text (why says which); *line is the item's line in the feed. */
typedef struct ent_feed ent_feed;
ent_feed *ent_feed_open(const char *name, const char *data, size_t len, long *line, ent_buf *why);
int ent_feed_next(ent_feed *f, doc_impl **out, long *line, ent_buf *why);
void ent_feed_free(ent_feed *f);
/* One JSON line (NUL-terminated) -> document; NULL and why on failure. */
doc_impl *ent_jsonl_extract(const char *line, size_t len, ent_buf *why);
/* The two paths of ent_jsonl_extract, callable apart (tests, fuzzing).  The fast scanner takes
 * flat objects only and returns NULL when it does not handle the line (it has no errors
 * of its own); the jansson path handles everything and words every error. */
doc_impl *ent_jsonl_extract_fast(const char *line, size_t len);
doc_impl *ent_jsonl_extract_jansson(const char *line, size_t len, ent_buf *why);
/* Name of the first field in which two documents differ ("id", "text", "extra json"...),
 * or NULL when they are field-for-field identical. */
const char *ent_doc_diff(const ent_doc *a, const ent_doc *b);

#endif

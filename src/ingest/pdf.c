/* pdf.c — a PDF to an ent_doc with poppler-glib: the text of every page in reading
 * order (pages separated by a blank line), the creation date and author from the
 * document information.  A file poppler cannot open (truncated, encrypted, not a PDF)
 * or one without any text (a scan) is a bad document with a clear reason. */
#include "ingest/ingest.h"

#include <poppler.h>
#include <stdlib.h>

/* Append a page's text, with a blank line where the vertical gap between two lines is
 * clearly larger than the usual line spacing (a paragraph break; poppler's text has
 * none).  Character rectangles come from the text layout, one per character. */
static void page_text(PopplerPage *page, const char *t, ent_buf *b) {
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    size_t tlen = strlen(t);
    if (!poppler_page_get_text_layout(page, &rects, &nrects) || !nrects) {
        ent_buf_append(b, t, tlen);
        g_free(rects);
        return;
    }
    /* top of each line: the rectangle of its first character */
    size_t nl = 1;
    for (size_t i = 0; i < tlen; i++) nl += t[i] == '\n';
    double *top = ent_xcalloc(nl, sizeof *top), *height = ent_xcalloc(nl, sizeof *height);
    size_t line = 0, ch = 0;
    int at_start = 1;
    for (size_t i = 0; i < tlen; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c & 0xC0) == 0x80) continue; /* continuation byte: same character */
        if (at_start && c != '\n' && ch < nrects) {
            top[line] = rects[ch].y1;
            height[line] = rects[ch].y2 - rects[ch].y1;
            at_start = 0;
        }
        if (c == '\n') { line++; at_start = 1; }
        ch++;
    }
    /* usual spacing: the smallest positive advance between consecutive lines */
    double usual = 0;
    for (size_t l = 1; l < nl; l++) {
        double adv = top[l] - top[l - 1];
        if (adv > 0.5 && (usual == 0 || adv < usual)) usual = adv;
    }
    line = 0;
    for (size_t i = 0; i < tlen; i++) {
        ent_buf_putc(b, t[i]);
        if (t[i] != '\n') continue;
        line++;
        double adv = line < nl ? top[line] - top[line - 1] : 0;
        double h = height[line - 1] > 0 ? height[line - 1] : usual;
        if (usual > 0 && (adv > usual * 1.6 || adv > h * 2.2 || adv < 0)) ent_buf_putc(b, '\n');
    }
    free(top);
    free(height);
    g_free(rects);
}

doc_impl *ent_pdf_extract(const char *data, size_t len, ent_buf *why) {
    if (len < 5 || memcmp(data, "%PDF-", 5)) {
        ent_buf_printf(why, "not a PDF file (no %%PDF- header)");
        return NULL;
    }
    if (len > (size_t)1 << 30) {
        ent_buf_printf(why, "PDF larger than 1 GiB");
        return NULL;
    }
    GBytes *bytes = g_bytes_new(data, len);
    GError *err = NULL;
    PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (!pd) {
        ent_buf_printf(why, "unreadable PDF (truncated or damaged?): %s", err ? err->message : "unknown error");
        if (err) g_error_free(err);
        return NULL;
    }
    int pages = poppler_document_get_n_pages(pd);
    ent_buf b;
    ent_buf_init(&b);
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = poppler_document_get_page(pd, i);
        if (!page) continue;
        char *t = poppler_page_get_text(page);
        if (t && *t) {
            if (b.len) ent_buf_puts(&b, "\n\n");
            page_text(page, t, &b);
        }
        g_free(t);
        g_object_unref(page);
    }
    int has_text = 0;
    for (size_t i = 0; i < b.len && !has_text; i++) has_text = !ent_is_space((unsigned char)b.data[i]);
    if (!has_text) {
        if (pages) ent_buf_printf(why, "PDF has no extractable text (%d page%s; scanned image?)", pages, pages == 1 ? "" : "s");
        else ent_buf_printf(why, "PDF has no pages (truncated or damaged?)");
        ent_buf_free(&b);
        g_object_unref(pd);
        return NULL;
    }
    doc_impl *d = ent_doc_new();
    d->pub.text = ent_doc_str(d, b.data, b.len);
    d->pub.text_len = b.len;
    ent_buf_free(&b);
    /* the information dictionary's title is often a file name or "Microsoft Word - x":
     * kept as an extra field, not used as the headline (cleanup finds that in the text) */
    char *title = poppler_document_get_title(pd);
    if (title && *title) {
        ent_buf j;
        ent_buf_init(&j);
        ent_buf_putc(&j, '"');
        ent_buf_json_escape(&j, title, strlen(title));
        ent_buf_putc(&j, '"');
        ent_doc_add_field(d, "pdf_title", j.data);
        ent_buf_free(&j);
    }
    g_free(title);
    char *author = poppler_document_get_author(pd);
    if (author) d->pub.byline = ent_doc_str(d, author, strlen(author));
    g_free(author);
    GDateTime *dt = poppler_document_get_creation_date_time(pd);
    if (dt) {
        char buf[16];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", g_date_time_get_year(dt), g_date_time_get_month(dt),
                 g_date_time_get_day_of_month(dt));
        d->pub.date_text = ent_doc_str(d, buf, strlen(buf));
        d->pub.date = ent_date_parse(buf, strlen(buf));
        g_date_time_unref(dt);
    }
    g_object_unref(pd);
    return d;
}

/* feed.c — RSS 2.0 and Atom feeds: each <item> / <entry> is one story, with its title,
 * link, date (pubDate, dc:date, published, updated), publisher (the channel or feed
 * title) and text (content:encoded or description, Atom content or summary; HTML is
 * cleaned by the HTML extractor).  The feed is parsed with libxml2 without network access
 * or external entities.  A feed that is not well-formed XML, or not RSS/Atom, is one error;
 * an item without any text is a bad document, reported and skipped. */
#include "ingest/ingest.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <strings.h>

struct ent_feed {
    xmlDocPtr doc;
    xmlNodePtr next;      /* next item/entry node to deliver (NULL at the end) */
    int atom;
    char *publisher;      /* channel/feed title, malloc'ed */
    long nitems;          /* items delivered or rejected so far */
};

static int is_elem(xmlNodePtr n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* First child element called name (namespace prefix ignored; with ns, the prefix's URI
 * must contain ns). */
static xmlNodePtr child(xmlNodePtr parent, const char *name, const char *ns) {
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
        if (!is_elem(c, name)) continue;
        if (ns && !(c->ns && c->ns->href && strstr((const char *)c->ns->href, ns))) continue;
        if (!ns && c->ns && c->ns->prefix) continue; /* "dc:title" is not "title" */
        return c;
    }
    return NULL;
}

/* The text of an element, trimmed, malloc'ed ("" when absent). */
static char *text_of(xmlNodePtr n) {
    xmlChar *c = n ? xmlNodeGetContent(n) : NULL;
    const char *s = c ? (const char *)c : "";
    while (ent_is_space((unsigned char)*s)) s++;
    size_t len = strlen(s);
    while (len && ent_is_space((unsigned char)s[len - 1])) len--;
    char *out = ent_xstrndup(s, len);
    if (c) xmlFree(c);
    return out;
}

/* The next item (RSS) or entry (Atom) at or after n. */
static xmlNodePtr item_from(xmlNodePtr n, int atom) {
    for (; n; n = n->next)
        if (is_elem(n, atom ? "entry" : "item")) return n;
    return NULL;
}

ent_feed *ent_feed_open(const char *name, const char *data, size_t len, long *line, ent_buf *why) {
    *line = 0;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) { ent_buf_printf(why, "out of memory"); return NULL; }
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)(len > (size_t)INT32_MAX ? INT32_MAX : len), name, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        const char *msg = e && e->message ? e->message : "";
        size_t k = strlen(msg);
        while (k && (msg[k - 1] == '\n' || msg[k - 1] == ' ')) k--;
        *line = e ? e->line : 0;
        ent_buf_printf(why, "feed is not well-formed XML: %.*s", k ? (int)k : 11, k ? msg : "parse error");
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    xmlFreeParserCtxt(ctxt);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    ent_feed *f = ent_xcalloc(1, sizeof *f);
    f->doc = doc;
    if (is_elem(root, "rss")) {
        xmlNodePtr ch = child(root, "channel", NULL);
        if (!ch) {
            ent_buf_printf(why, "RSS feed without a <channel> element");
            ent_feed_free(f);
            return NULL;
        }
        f->publisher = text_of(child(ch, "title", NULL));
        f->next = item_from(ch->children, 0);
    } else if (is_elem(root, "feed")) {
        f->atom = 1;
        f->publisher = text_of(child(root, "title", NULL));
        f->next = item_from(root->children, 1);
    } else if (is_elem(root, "RDF")) { /* RSS 1.0: items are siblings of the channel */
        f->publisher = text_of(child(child(root, "channel", "rss"), "title", "rss"));
        f->next = item_from(root->children, 0);
    } else {
        ent_buf_printf(why, "not an RSS or Atom feed (root element <%s>)", root ? (const char *)root->name : "none");
        ent_feed_free(f);
        return NULL;
    }
    return f;
}

void ent_feed_free(ent_feed *f) {
    if (!f) return;
    if (f->doc) xmlFreeDoc(f->doc);
    free(f->publisher);
    free(f);
}

/* Atom's link: rel="alternate" (or no rel) href; RSS's <link> text. */
static char *item_link(xmlNodePtr it, int atom) {
    if (!atom) return text_of(child(it, "link", NULL));
    xmlNodePtr fallback = NULL;
    for (xmlNodePtr c = it->children; c; c = c->next) {
        if (!is_elem(c, "link")) continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        int alt = !rel || !strcmp((const char *)rel, "alternate");
        if (rel) xmlFree(rel);
        if (alt) { fallback = c; break; }
        if (!fallback) fallback = c;
    }
    xmlChar *href = fallback ? xmlGetProp(fallback, (const xmlChar *)"href") : NULL;
    char *out = ent_xstrdup(href ? (const char *)href : "");
    if (href) xmlFree(href);
    return out;
}

int ent_feed_next(ent_feed *f, doc_impl **out, long *line, ent_buf *why) {
    *out = NULL;
    xmlNodePtr it = f->next;
    if (!it) return 0;
    f->next = item_from(it->next, f->atom);
    f->nitems++;
    *line = xmlGetLineNo(it);
    char *title = text_of(child(it, "title", NULL));
    char *link = item_link(it, f->atom);
    char *id = text_of(f->atom ? child(it, "id", NULL) : child(it, "guid", NULL));
    xmlNodePtr dn = f->atom ? child(it, "published", NULL) : child(it, "pubDate", NULL);
    if (!dn) dn = f->atom ? child(it, "updated", NULL) : child(it, "date", "purl.org/dc");
    char *date = text_of(dn);
    /* the story text: full content before the summary */
    xmlNodePtr body = f->atom ? child(it, "content", NULL) : child(it, "encoded", "purl.org/rss/1.0/modules/content");
    if (!body) body = f->atom ? child(it, "summary", NULL) : child(it, "description", NULL);
    char *html = text_of(body);
    int plain = 0;
    if (f->atom && body) {
        xmlChar *type = xmlGetProp(body, (const xmlChar *)"type");
        plain = !type || !strcmp((const char *)type, "text");
        if (type) xmlFree(type);
    }
    doc_impl *d = NULL;
    if (*html && !plain) {
        ent_buf hwhy;
        ent_buf_init(&hwhy);
        d = ent_html_extract(html, strlen(html), &hwhy);
        ent_buf_free(&hwhy);
        if (d) d->pub.title = ""; /* a fragment's own <title>, if any, is not the item's */
    }
    if (!d && (*html || *title)) {
        d = ent_doc_new();
        d->pub.text = ent_doc_str(d, html, strlen(html));
        d->pub.text_len = strlen(html);
    }
    if (!d) {
        ent_buf_printf(why, "%s %ld has no title, description or content; skipped", f->atom ? "entry" : "item",
                 f->nitems);
    } else {
        d->pub.title = ent_doc_str(d, title, strlen(title));
        d->pub.url = ent_doc_str(d, link, strlen(link));
        d->pub.source = ent_doc_str(d, f->publisher, strlen(f->publisher));
        d->pub.date_text = ent_doc_str(d, date, strlen(date));
        d->pub.date = *date ? ent_date_parse(date, strlen(date)) : 0;
        const char *ident = *id ? id : link;
        d->pub.id = ent_doc_str(d, ident, strlen(ident));
        *out = d;
    }
    free(title);
    free(link);
    free(id);
    free(date);
    free(html);
    return d ? 1 : -1;
}

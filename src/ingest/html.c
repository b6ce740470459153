/* html.c — a news web page to an ent_doc with gumbo: the article's running text (the
 * <article>, else <main>, else the element holding most paragraph text, else <body>) as
 * paragraphs, with navigation, headers, footers, asides, scripts, forms,
 * figures/captions, share and "related" boxes dropped; the title, date, author,
 * canonical URL and site name from the page's metadata (meta tags, else schema.org
 * JSON-LD). */
#include "ingest/ingest.h"

#include <ctype.h>
#include <gumbo.h>
#include <jansson.h>
#include <stdlib.h>
#include <strings.h>

typedef struct html_meta {
    const char *title, *og_title, *date, *author, *url, *site; /* borrowed from the gumbo tree */
    json_t *ld;                   /* the first JSON-LD block with a datePublished, owned */
    const GumboNode *h1, *article, *main, *role_main, *body, *title_el, *time_el;
} html_meta;

static const char *attr(const GumboNode *n, const char *name) {
    if (n->type != GUMBO_NODE_ELEMENT) return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static int ci_contains(const char *hay, const char *needle) {
    if (!hay) return 0;
    size_t k = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, k)) return 1;
    return 0;
}

/* The news object in JSON-LD: an object with "datePublished", directly, in an array or
 * under "@graph".  Borrowed from root. */
static json_t *ld_article(json_t *v, int depth) {
    if (depth > 4 || !v) return NULL;
    if (json_is_object(v)) {
        if (json_is_string(json_object_get(v, "datePublished"))) return v;
        return ld_article(json_object_get(v, "@graph"), depth + 1);
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            json_t *r = ld_article(e, depth + 1);
            if (r) return r;
        }
    }
    return NULL;
}

static void collect_meta(const GumboNode *n, html_meta *m) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT && !m->ld && attr(n, "type") && !strcasecmp(attr(n, "type"), "application/ld+json") &&
        n->v.element.children.length == 1) {
        const GumboNode *t = n->v.element.children.data[0];
        if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA) {
            json_t *root = json_loads(t->v.text.text, 0, NULL);
            if (ld_article(root, 0)) m->ld = root;
            else json_decref(root);
        }
    }
    if (tag == GUMBO_TAG_META) {
        const char *key = attr(n, "property");
        if (!key) key = attr(n, "name");
        if (!key) key = attr(n, "itemprop");
        const char *content = attr(n, "content");
        if (key && content && *content) {
            if (!strcasecmp(key, "og:title") || !strcasecmp(key, "headline")) { if (!m->og_title) m->og_title = content; }
            else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "datePublished") ||
                     !strcasecmp(key, "date") || !strcasecmp(key, "pubdate") || !strcasecmp(key, "publish-date") ||
                     !strcasecmp(key, "dc.date") || !strcasecmp(key, "dc.date.issued") ||
                     !strcasecmp(key, "sailthru.date") || !strcasecmp(key, "parsely-pub-date")) {
                if (!m->date) m->date = content;
            } else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") || !strcasecmp(key, "byl")) {
                if (!m->author) m->author = content;
            } else if (!strcasecmp(key, "og:url")) { if (!m->url) m->url = content; }
            else if (!strcasecmp(key, "og:site_name")) { if (!m->site) m->site = content; }
        }
    } else if (tag == GUMBO_TAG_LINK) {
        const char *rel = attr(n, "rel"), *href = attr(n, "href");
        if (rel && href && !strcasecmp(rel, "canonical")) m->url = href;
    } else if (tag == GUMBO_TAG_TITLE && !m->title_el) m->title_el = n;
    else if (tag == GUMBO_TAG_H1 && !m->h1) m->h1 = n;
    else if (tag == GUMBO_TAG_ARTICLE && !m->article) m->article = n;
    else if (tag == GUMBO_TAG_MAIN && !m->main) m->main = n;
    else if (tag == GUMBO_TAG_BODY && !m->body) m->body = n;
    else if (tag == GUMBO_TAG_TIME && !m->time_el && attr(n, "datetime")) m->time_el = n;
    if (!m->role_main && attr(n, "role") && !strcasecmp(attr(n, "role"), "main")) m->role_main = n;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) collect_meta(ch->data[i], m);
}

/* Elements whose content is never running text. */
static int skip_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_H1:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS:
        return 1;
    default: return 0;
    }
}

/* Boilerplate containers recognised by class or id. */
static int skip_by_name(const GumboNode *n) {
    static const char *const words[] = {"share", "social", "related", "comment", "advert", "promo", "newsletter",
                                        "cookie", "subscribe", "byline", "caption", "credit", "breadcrumb",
                                        "sidebar", "footer", "masthead", "paywall", "recommend", "tags", NULL};
    const char *cls = attr(n, "class"), *id = attr(n, "id");
    if (!cls && !id) return 0;
    for (int i = 0; words[i]; i++)
        if (ci_contains(cls, words[i]) || ci_contains(id, words[i])) return 1;
    const char *hidden = attr(n, "hidden");
    const char *aria = attr(n, "aria-hidden");
    return hidden != NULL || (aria && !strcasecmp(aria, "true"));
}

static int block_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_PRE: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS:
        return 1;
    default: return 0;
    }
}

/* Text output with collapsed white space and paragraph breaks ("\n\n") at blocks. */
typedef struct txt {
    ent_buf b;
    int pending_space, pending_break;
} txt;

static void txt_break(txt *t) {
    if (t->b.len) t->pending_break = 1;
    t->pending_space = 0;
}

static void txt_text(txt *t, const char *s) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (ent_is_space(c)) { if (t->b.len) t->pending_space = 1; continue; }
        /* U+00A0 no-break space */
        if (c == 0xC2 && (unsigned char)s[1] == 0xA0) { s++; if (t->b.len) t->pending_space = 1; continue; }
        if (t->pending_break) ent_buf_puts(&t->b, "\n\n");
        else if (t->pending_space) ent_buf_putc(&t->b, ' ');
        t->pending_break = t->pending_space = 0;
        ent_buf_putc(&t->b, (char)c);
    }
}

static void walk(const GumboNode *n, txt *t) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) { txt_text(t, n->v.text.text); return; }
    if (n->type == GUMBO_NODE_WHITESPACE) { if (t->b.len) t->pending_space = 1; return; }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    GumboTag tag = n->v.element.tag;
    if (skip_tag(tag) || skip_by_name(n)) return;
    if (tag == GUMBO_TAG_BR) { txt_break(t); return; }
    int block = block_tag(tag);
    if (block) txt_break(t);
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) walk(ch->data[i], t);
    if (block) txt_break(t);
}

/* All text under n, white space collapsed, into a document string. */
static const char *node_text(doc_impl *d, const GumboNode *n) {
    txt t = {{0}, 0, 0};
    ent_buf_init(&t.b);
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_TEXT) txt_text(&t, c->v.text.text);
        else if (c->type == GUMBO_NODE_WHITESPACE) t.pending_space = t.b.len > 0;
        else if (c->type == GUMBO_NODE_ELEMENT) {
            const char *s = node_text(d, c);
            if (*s) { if (t.b.len) t.pending_space = 1; txt_text(&t, s); }
        }
    }
    const char *r = doc_str(d, t.b.data, t.b.len);
    ent_buf_free(&t.b);
    return r;
}

/* The charset a page declares in its first bytes (<meta charset=...> or a content-type
 * meta), copied into out; 0 when none. */
static int declared_charset(const char *data, size_t len, char *out, size_t out_len) {
    size_t lim = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(data + i, "charset=", 8)) continue;
        size_t j = i + 8;
        while (j < lim && (data[j] == '"' || data[j] == '\'' || data[j] == ' ')) j++;
        size_t k = 0;
        while (j < lim && k + 1 < out_len && (isalnum((unsigned char)data[j]) || strchr("-_.:", data[j])))
            out[k++] = data[j++];
        out[k] = 0;
        return k > 0;
    }
    return 0;
}

/* Text bytes directly under n's <p> children (not counting skipped boilerplate). */
static size_t p_text_len(const GumboNode *n) {
    size_t total = 0;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type != GUMBO_NODE_ELEMENT || c->v.element.tag != GUMBO_TAG_P || skip_by_name(c)) continue;
        const GumboVector *pc = &c->v.element.children;
        for (unsigned k = 0; k < pc->length; k++) {
            const GumboNode *t = pc->data[k];
            if (t->type == GUMBO_NODE_TEXT) total += strlen(t->v.text.text);
            else if (t->type == GUMBO_NODE_ELEMENT && t->v.element.tag != GUMBO_TAG_A)
                for (unsigned q = 0; q < t->v.element.children.length; q++) {
                    const GumboNode *u = t->v.element.children.data[q];
                    if (u->type == GUMBO_NODE_TEXT) total += strlen(u->v.text.text);
                }
        }
    }
    return total;
}

/* Without <article> or <main>: the element whose paragraphs hold the most text (the
 * story's container on most news pages), outside navigation and boilerplate. */
static void best_container(const GumboNode *n, const GumboNode **best, size_t *best_len) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    if (skip_tag(n->v.element.tag) || skip_by_name(n)) return;
    size_t len = p_text_len(n);
    if (len > *best_len) { *best = n; *best_len = len; }
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) best_container(ch->data[i], best, best_len);
}

doc_impl *html_extract(const char *data, size_t len, char *why, size_t why_len) {
    char cs[64];
    char *conv = NULL;
    const char *s = data;
    size_t n = len;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3;
    if (declared_charset(s, n, cs, sizeof cs) && strcasecmp(cs, "utf-8") && strcasecmp(cs, "utf8") &&
        strcasecmp(cs, "us-ascii") && strcasecmp(cs, "ascii")) {
        conv = to_utf8(s, n, cs, &n, why, why_len);
        if (!conv) return NULL;
        s = conv;
    } else if (utf8_invalid_at(s, n) != (size_t)-1) {
        /* no usable declaration: the HTML default, windows-1252 */
        conv = to_utf8(s, n, "WINDOWS-1252", &n, why, why_len);
        if (!conv) return NULL;
        s = conv;
    }
    GumboOptions opts = kGumboDefaultOptions;
    GumboOutput *out = gumbo_parse_with_options(&opts, s, n);
    if (!out) {
        snprintf(why, why_len, "HTML could not be parsed");
        free(conv);
        return NULL;
    }
    html_meta m;
    memset(&m, 0, sizeof m);
    collect_meta(out->root, &m);
    const GumboNode *content = m.article ? m.article : m.main ? m.main : m.role_main ? m.role_main : NULL;
    if (!content && m.body) {
        size_t best_len = 0;
        best_container(m.body, &content, &best_len);
        if (!content || best_len < 80) content = m.body; /* no clear story container */
    }
    doc_impl *d = doc_new();
    txt t = {{0}, 0, 0};
    ent_buf_init(&t.b);
    if (content) walk(content, &t);
    if (!t.b.len) {
        snprintf(why, why_len, "no article text found (empty or missing <body>)");
        ent_buf_free(&t.b);
        ent_doc_free(&d->pub);
        json_decref(m.ld);
        gumbo_destroy_output(&opts, out);
        free(conv);
        return NULL;
    }
    d->pub.text = doc_str(d, t.b.data, t.b.len);
    d->pub.text_len = t.b.len;
    ent_buf_free(&t.b);
    if (m.h1) d->pub.title = node_text(d, m.h1);
    if (!*d->pub.title && m.og_title) d->pub.title = doc_str(d, m.og_title, strlen(m.og_title));
    if (!*d->pub.title && m.title_el) d->pub.title = node_text(d, m.title_el);
    /* JSON-LD (schema.org NewsArticle) fills what the meta tags did not */
    json_t *art = ld_article(m.ld, 0);
    if (art) {
        json_t *v;
        if (!m.date && (v = json_object_get(art, "datePublished")) && json_is_string(v)) m.date = json_string_value(v);
        if (!*d->pub.title && (v = json_object_get(art, "headline")) && json_is_string(v))
            d->pub.title = doc_str(d, json_string_value(v), json_string_length(v));
        v = json_object_get(art, "author");
        if (json_is_array(v)) v = json_array_get(v, 0);
        if (json_is_object(v)) v = json_object_get(v, "name");
        if (!m.author && json_is_string(v)) m.author = json_string_value(v);
        v = json_object_get(art, "publisher");
        if (json_is_object(v)) v = json_object_get(v, "name");
        if (!m.site && json_is_string(v)) m.site = json_string_value(v);
    }
    const char *date = m.date ? m.date : m.time_el ? attr(m.time_el, "datetime") : NULL;
    if (date) {
        d->pub.date_text = doc_str(d, date, strlen(date));
        d->pub.date = ent_date_parse(date, strlen(date));
    }
    /* "Headline | Site name" from <title>: drop the site name */
    if (!m.h1 && m.site && *d->pub.title) {
        size_t tl = strlen(d->pub.title), sl = strlen(m.site);
        if (tl > sl + 3 && !strcmp(d->pub.title + tl - sl, m.site)) {
            size_t e = tl - sl;
            while (e && (d->pub.title[e - 1] == ' ' || d->pub.title[e - 1] == '|' || d->pub.title[e - 1] == '-'))
                e--;
            if (e) d->pub.title = doc_str(d, d->pub.title, e);
        }
    }
    if (m.author) d->pub.byline = doc_str(d, m.author, strlen(m.author));
    if (m.url) d->pub.url = doc_str(d, m.url, strlen(m.url));
    if (m.site) d->pub.source = doc_str(d, m.site, strlen(m.site));
    json_decref(m.ld);
    gumbo_destroy_output(&opts, out);
    free(conv);
    return d;
}

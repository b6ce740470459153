/* html.c — a news web page to an ent_doc with gumbo: the article's running text (the
 * <article>, else <main>, else the element holding most paragraph text, else <body>) as
 * paragraphs, with navigation, headers, footers, asides, scripts, forms,
 * figures/captions, share and "related" boxes dropped; the title, date, author,
 * canonical URL and site name from the page's metadata (meta tags, else schema.org
 * JSON-LD).
 *
 * Hostile pages: gumbo's tree building costs time in proportion to the depth of the open
 * elements for every tag, keeps an error record (with a copy of the open-element stack)
 * per parse error, checks duplicate attributes pairwise and frees its tree recursively.
 * So a page is first measured by a linear pre-scan (html_budget: elements, attributes on
 * one element, the nesting depth estimated with a stack of open element names); over
 * budget it is read as text only (tags stripped, entities decoded) with a warning, and
 * gumbo never sees it.  Within budget gumbo runs without an error list, and every walk of
 * its tree is iterative (explicit stack) and stops descending at HTML_WALK_DEPTH. */
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

/* Explicit-stack walk of a gumbo tree: an entry is an element and the index of its next
 * child; the stack holds at most HTML_WALK_DEPTH entries (deeper subtrees are not entered
 * and truncated is set). */
#define HTML_WALK_DEPTH 1024
typedef struct walk_ent {
    const GumboNode *n;
    unsigned next;
    size_t len_at;        /* node_text: output length when the element was entered */
    int space_at;         /* node_text: pending_space then */
} walk_ent;
typedef struct walk_stack {
    walk_ent *e;          /* malloc'ed, freed by the owner of the stack */
    size_t n, cap;
    int truncated;
} walk_stack;

/* Push an element whose children are to be visited; 0 at the depth limit. */
static int ws_push(walk_stack *ws, const GumboNode *n) {
    if (ws->n >= HTML_WALK_DEPTH) { ws->truncated = 1; return 0; }
    ENT_GROW(ws->e, ws->n + 1, ws->cap);
    walk_ent *e = &ws->e[ws->n++];
    e->n = n;
    e->next = 0;
    e->len_at = 0;
    e->space_at = 0;
    return 1;
}

/* The next child of the top entry, or NULL when it has no more (the entry stays). */
static const GumboNode *ws_next_child(walk_stack *ws) {
    walk_ent *t = &ws->e[ws->n - 1];
    const GumboVector *ch = t->n->type == GUMBO_NODE_DOCUMENT ? &t->n->v.document.children : &t->n->v.element.children;
    return t->next < ch->length ? ch->data[t->next++] : NULL;
}

static void meta_visit(const GumboNode *n, html_meta *m) {
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
}

/* Every element under the document root, in document order, into m. */
static void collect_meta(const GumboNode *root, html_meta *m, walk_stack *ws) {
    ws->n = 0;
    ws_push(ws, root);
    while (ws->n) {
        const GumboNode *c = ws_next_child(ws);
        if (!c) { ws->n--; continue; }
        if (c->type != GUMBO_NODE_ELEMENT) continue;
        meta_visit(c, m);
        ws_push(ws, c);
    }
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

/* n bytes of UTF-8 text into t: runs of white space (and U+00A0) become one space. */
static void txt_bytes(txt *t, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ent_is_space(c)) { if (t->b.len) t->pending_space = 1; continue; }
        /* U+00A0 no-break space */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { i++; if (t->b.len) t->pending_space = 1; continue; }
        if (t->pending_break) ent_buf_puts(&t->b, "\n\n");
        else if (t->pending_space) ent_buf_putc(&t->b, ' ');
        t->pending_break = t->pending_space = 0;
        ent_buf_putc(&t->b, (char)c);
    }
}

static void txt_text(txt *t, const char *s) { txt_bytes(t, s, strlen(s)); }

/* Running text of the subtree at root into t: blocks break paragraphs, boilerplate
 * subtrees are skipped. */
static void walk(const GumboNode *root, txt *t, walk_stack *ws) {
    ws->n = 0;
    const GumboNode *n = root;
    for (;;) {
        if (n) {                                       /* entering n */
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) txt_text(t, n->v.text.text);
            else if (n->type == GUMBO_NODE_WHITESPACE) { if (t->b.len) t->pending_space = 1; }
            else if ((n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) &&
                     !skip_tag(n->v.element.tag) && !skip_by_name(n)) {
                if (n->v.element.tag == GUMBO_TAG_BR) txt_break(t);
                else {
                    if (block_tag(n->v.element.tag)) txt_break(t);
                    ws_push(ws, n);
                }
            }
        }
        if (!ws->n) break;
        n = ws_next_child(ws);
        if (!n) {                                      /* leaving the top element */
            if (block_tag(ws->e[--ws->n].n->v.element.tag)) txt_break(t);
            if (!ws->n) break;
        }
    }
}

/* All text under root, white space collapsed, into a document string: an element's text
 * is set off by a space from the text before it (an element without text adds none). */
static const char *node_text(doc_impl *d, const GumboNode *root, walk_stack *ws) {
    txt t = {{0}, 0, 0};
    ent_buf_init(&t.b);
    ws->n = 0;
    ws_push(ws, root);
    while (ws->n) {
        const GumboNode *c = ws_next_child(ws);
        if (!c) {
            walk_ent *e = &ws->e[--ws->n];
            if (ws->n && t.b.len == e->len_at) t.pending_space = e->space_at;
            continue;
        }
        if (c->type == GUMBO_NODE_TEXT) txt_text(&t, c->v.text.text);
        else if (c->type == GUMBO_NODE_WHITESPACE) t.pending_space = t.b.len > 0;
        else if (c->type == GUMBO_NODE_ELEMENT) {
            size_t at = t.b.len;
            int sp = t.pending_space;
            if (t.b.len) t.pending_space = 1;
            if (ws_push(ws, c)) { ws->e[ws->n - 1].len_at = at; ws->e[ws->n - 1].space_at = sp; }
        }
    }
    const char *r = ent_doc_str(d, t.b.data, t.b.len);
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
static const GumboNode *best_container(const GumboNode *root, size_t *best_len, walk_stack *ws) {
    const GumboNode *best = NULL;
    *best_len = 0;
    ws->n = 0;
    const GumboNode *n = root;
    for (;;) {
        if (n && n->type == GUMBO_NODE_ELEMENT && !skip_tag(n->v.element.tag) && !skip_by_name(n)) {
            size_t len = p_text_len(n);
            if (len > *best_len) { best = n; *best_len = len; }
            ws_push(ws, n);
        }
        if (!ws->n) break;
        n = ws_next_child(ws);
        if (!n && !--ws->n) break;
    }
    return best;
}

/* ---- budget pre-scan and text-only reading ------------------------------------------ */

#define HTML_MAX_DEPTH 400        /* estimated nesting of open elements */
#define HTML_MAX_ELEMENTS 200000  /* start tags in one page */
#define HTML_MAX_ATTRS 256        /* attributes on one element */

static int name_is(const char *p, size_t k, const char *lit) { return strlen(lit) == k && !strncasecmp(p, lit, k); }

static int name_in(const char *p, size_t k, const char *const *list) {
    for (; *list; list++)
        if (name_is(p, k, *list)) return 1;
    return 0;
}

/* Elements that never hold children, and those closed by the next one of their kind (or
 * their parent's end): neither makes the tree deeper. */
static const char *const void_names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                         "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
                                         "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
                                         "thead", "tfoot", "colgroup", "rb", "rt", "rp", "rtc", NULL};
/* Elements whose content is raw text up to their end tag. */
static const char *const raw_names[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                        "noframes", "noscript", "plaintext", NULL};
/* Elements that end a paragraph in text-only reading. */
static const char *const block_names[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
                                          "section", "article", "main", "pre", "tr", "table", "ul", "ol", "dd",
                                          "dt", "hr", "body", "address", "header", "footer", "nav", "aside", NULL};

typedef struct html_tag {
    const char *name;
    size_t name_len;
    int end;              /* </name> */
    int self_closing;     /* <name ... /> */
    size_t nattrs;
} html_tag;

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Index of needle (k bytes, compared without case) in s[i..n), or n. */
static size_t find_ci(const char *s, size_t n, size_t i, const char *needle, size_t k) {
    for (; i + k <= n; i++) {
        const char *p = memchr(s + i, needle[0], n - i);
        const char *q = needle[0] != (needle[0] ^ 0x20) && is_alpha((unsigned char)needle[0])
                            ? memchr(s + i, needle[0] ^ 0x20, n - i) : NULL;
        if (!p || (q && q < p)) p = q;
        if (!p) return n;
        i = (size_t)(p - s);
        if (i + k <= n && !strncasecmp(s + i, needle, k)) return i;
    }
    return n;
}

/* One markup item at s[i] == '<'.  Returns the offset after it and sets *kind: 0 when the
 * '<' is plain text, 1 for a tag (described in *tag), 2 for a comment, doctype or
 * processing instruction.  Linear in the bytes consumed. */
static size_t lex_markup(const char *s, size_t n, size_t i, int *kind, html_tag *tag) {
    size_t j = i + 1;
    *kind = 0;
    if (j >= n) return j;
    if (s[j] == '!' || s[j] == '?') {
        *kind = 2;
        if (j + 2 < n && s[j] == '!' && s[j + 1] == '-' && s[j + 2] == '-') {
            size_t e = find_ci(s, n, j + 3, "-->", 3);
            return e < n ? e + 3 : n;
        }
        const char *gt = memchr(s + j, '>', n - j);
        return gt ? (size_t)(gt - s) + 1 : n;
    }
    memset(tag, 0, sizeof *tag);
    if (s[j] == '/') { tag->end = 1; j++; }
    if (j >= n || !is_alpha((unsigned char)s[j])) return i + 1;
    *kind = 1;
    tag->name = s + j;
    while (j < n && !ent_is_space((unsigned char)s[j]) && s[j] != '/' && s[j] != '>') j++;
    tag->name_len = (size_t)(s + j - tag->name);
    for (;;) {
        while (j < n && ent_is_space((unsigned char)s[j])) j++;
        if (j >= n) return n;
        if (s[j] == '>') return j + 1;
        if (s[j] == '/') {
            if (j + 1 < n && s[j + 1] == '>') { tag->self_closing = 1; return j + 2; }
            j++;
            continue;
        }
        size_t a = j++;              /* an attribute name (its first byte may be '=') */
        while (j < n && !ent_is_space((unsigned char)s[j]) && s[j] != '>' && s[j] != '/' && s[j] != '=') j++;
        (void)a;
        tag->nattrs++;
        while (j < n && ent_is_space((unsigned char)s[j])) j++;
        if (j < n && s[j] == '=') {
            j++;
            while (j < n && ent_is_space((unsigned char)s[j])) j++;
            if (j < n && (s[j] == '"' || s[j] == '\'')) {
                const char *q = memchr(s + j + 1, s[j], n - j - 1);
                j = q ? (size_t)(q - s) + 1 : n;
            } else {
                while (j < n && !ent_is_space((unsigned char)s[j]) && s[j] != '>') j++;
            }
        }
    }
}

/* After the start tag of a raw-text element ending at i: the offset of its end tag. */
static size_t raw_text_end(const char *s, size_t n, size_t i, const html_tag *tag) {
    char end[16];
    if (tag->name_len + 2 >= sizeof end) return i;
    end[0] = '<';
    end[1] = '/';
    memcpy(end + 2, tag->name, tag->name_len);
    return find_ci(s, n, i, end, tag->name_len + 2);
}

/* 1 (and the reason in why) when the page is beyond what gumbo is given: more than
 * HTML_MAX_ELEMENTS elements, an element with more than HTML_MAX_ATTRS attributes, or
 * nesting deeper than HTML_MAX_DEPTH as estimated with a stack of open element names (an
 * end tag closes the nearest open element of its name and those above it; one without
 * such an element is ignored, as the HTML5 tree builder does). */
static int html_over_budget(const char *s, size_t n, ent_buf *why) {
    struct { const char *name; size_t len; } open[HTML_MAX_DEPTH + 1];
    size_t depth = 0, elements = 0, foreign = 0; /* foreign: depth of the outermost <svg>/<math>, or 0 */
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) break;
        int kind;
        html_tag tag;
        i = lex_markup(s, n, (size_t)(lt - s), &kind, &tag);
        if (kind != 1) continue;
        if (tag.end) {
            size_t k = depth;
            while (k > 0 && !(open[k - 1].len == tag.name_len && !strncasecmp(open[k - 1].name, tag.name, tag.name_len))) k--;
            if (k > 0) depth = k - 1;
            if (foreign > depth) foreign = 0;
            continue;
        }
        if (++elements > HTML_MAX_ELEMENTS) {
            ent_buf_printf(why, "more than %d HTML elements", HTML_MAX_ELEMENTS);
            return 1;
        }
        if (tag.nattrs > HTML_MAX_ATTRS) {
            ent_buf_printf(why, "an element with more than %d attributes", HTML_MAX_ATTRS);
            return 1;
        }
        if (name_in(tag.name, tag.name_len, raw_names)) {
            i = raw_text_end(s, n, i, &tag);
            continue;
        }
        if (name_in(tag.name, tag.name_len, void_names) || (foreign && tag.self_closing)) continue;
        if (depth == HTML_MAX_DEPTH) {
            ent_buf_printf(why, "HTML nested deeper than %d elements", HTML_MAX_DEPTH);
            return 1;
        }
        open[depth].name = tag.name;
        open[depth].len = tag.name_len;
        depth++;
        if (!foreign && (name_is(tag.name, tag.name_len, "svg") || name_is(tag.name, tag.name_len, "math"))) foreign = depth;
    }
    return 0;
}

/* Text of s[0..n) with character references decoded, into t. */
static void txt_decoded(txt *t, const char *s, size_t n) {
    static const struct { const char *name; const char *utf8; } named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"},
        {"mdash", "\xE2\x80\x94"}, {"ndash", "\xE2\x80\x93"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
        {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"hellip", "\xE2\x80\xA6"}, {"copy", "\xC2\xA9"}};
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t stop = amp ? (size_t)(amp - s) : n;
        txt_bytes(t, s + i, stop - i);
        if (!amp) return;
        i = stop + 1;
        if (i < n && s[i] == '#') {
            size_t j = i + 1;
            int hex = j < n && (s[j] == 'x' || s[j] == 'X');
            if (hex) j++;
            unsigned long cp = 0;
            size_t digits = 0;
            while (j < n && digits < 8 && (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j]))) {
                cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)s[j]) ? s[j] - '0' : (s[j] | 0x20) - 'a' + 10);
                j++, digits++;
            }
            if (digits) {
                if (j < n && s[j] == ';') j++;
                if (!cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
                char u[4];
                size_t k;
                if (cp < 0x80) u[0] = (char)cp, k = 1;
                else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
                else if (cp < 0x10000)
                    u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
                else
                    u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
                    u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
                txt_bytes(t, u, k);
                i = j;
                continue;
            }
        } else {
            size_t q;
            for (q = 0; q < sizeof named / sizeof named[0]; q++) {
                size_t k = strlen(named[q].name);
                if (i + k < n && !strncmp(s + i, named[q].name, k) && s[i + k] == ';') {
                    txt_text(t, named[q].utf8);
                    i += k + 1;
                    break;
                }
            }
            if (q < sizeof named / sizeof named[0]) continue;
        }
        txt_bytes(t, "&", 1);
    }
}

/* A page over budget: its text with the tags stripped (scripts, styles and other raw-text
 * elements left out, blocks as paragraph breaks), no metadata, and a warning saying why.
 * NULL and why when there is no text. */
static doc_impl *html_text_only(const char *s, size_t n, const char *reason, ent_buf *why) {
    txt t = {{0}, 0, 0};
    ent_buf_init(&t.b);
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t stop = lt ? (size_t)(lt - s) : n;
        txt_decoded(&t, s + i, stop - i);
        if (!lt) break;
        int kind;
        html_tag tag;
        size_t next = lex_markup(s, n, stop, &kind, &tag);
        if (kind == 0) { txt_bytes(&t, "<", 1); i = stop + 1; continue; }
        i = next;
        if (kind != 1) continue;
        if (name_in(tag.name, tag.name_len, block_names)) txt_break(&t);
        if (!tag.end && name_in(tag.name, tag.name_len, raw_names)) {
            i = raw_text_end(s, n, i, &tag);
            if (name_is(tag.name, tag.name_len, "textarea")) txt_break(&t);
        }
    }
    if (!t.b.len) {
        ent_buf_printf(why, "%s, and no text in it", reason);
        ent_buf_free(&t.b);
        return NULL;
    }
    doc_impl *d = ent_doc_new();
    d->pub.text = ent_doc_str(d, t.b.data, t.b.len);
    d->pub.text_len = t.b.len;
    ent_buf_free(&t.b);
    char w[300];
    snprintf(w, sizeof w, "%s: read as text only (tags stripped; no title, date or boilerplate removal)", reason);
    d->warning = ent_doc_str(d, w, strlen(w));
    return d;
}
doc_impl *ent_html_extract(const char *data, size_t len, ent_buf *why) {
    char cs[64];
    char *conv = NULL;
    const char *s = data;
    size_t n = len;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3;
    if (declared_charset(s, n, cs, sizeof cs) && strcasecmp(cs, "utf-8") && strcasecmp(cs, "utf8") &&
        strcasecmp(cs, "us-ascii") && strcasecmp(cs, "ascii")) {
        conv = ent_to_utf8(s, n, cs, &n, why);
        if (!conv) return NULL;
        s = conv;
    } else if (ent_utf8_invalid_at(s, n) != n) {
        /* no usable declaration: the HTML default, windows-1252 */
        conv = ent_to_utf8(s, n, "WINDOWS-1252", &n, why);
        if (!conv) return NULL;
        s = conv;
    }
    ent_buf over;
    ent_buf_init(&over);
    if (html_over_budget(s, n, &over)) {
        doc_impl *d = html_text_only(s, n, over.data, why);
        ent_buf_free(&over);
        free(conv);
        return d;
    }
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; /* errors are not used: none recorded (each copies the open-element stack) */
    GumboOutput *out = gumbo_parse_with_options(&opts, s, n);
    if (!out) {
        ent_buf_printf(why, "HTML could not be parsed");
        free(conv);
        return NULL;
    }
    html_meta m;
    memset(&m, 0, sizeof m);
    walk_stack ws = {NULL, 0, 0, 0};
    collect_meta(out->root, &m, &ws);
    const GumboNode *content = m.article ? m.article : m.main ? m.main : m.role_main ? m.role_main : NULL;
    if (!content && m.body) {
        size_t best_len = 0;
        content = best_container(m.body, &best_len, &ws);
        if (!content || best_len < 80) content = m.body; /* no clear story container */
    }
    doc_impl *d = ent_doc_new();
    txt t = {{0}, 0, 0};
    ent_buf_init(&t.b);
    if (content) walk(content, &t, &ws);
    if (!t.b.len) {
        ent_buf_printf(why, "no article text found (empty or missing <body>)");
        ent_buf_free(&t.b);
        ent_doc_free(&d->pub);
        free(ws.e);
        json_decref(m.ld);
        gumbo_destroy_output(&opts, out);
        free(conv);
        return NULL;
    }
    d->pub.text = ent_doc_str(d, t.b.data, t.b.len);
    d->pub.text_len = t.b.len;
    ent_buf_free(&t.b);
    if (m.h1) d->pub.title = node_text(d, m.h1, &ws);
    if (!*d->pub.title && m.og_title) d->pub.title = ent_doc_str(d, m.og_title, strlen(m.og_title));
    if (!*d->pub.title && m.title_el) d->pub.title = node_text(d, m.title_el, &ws);
    /* JSON-LD (schema.org NewsArticle) fills what the meta tags did not */
    json_t *art = ld_article(m.ld, 0);
    if (art) {
        json_t *v;
        if (!m.date && (v = json_object_get(art, "datePublished")) && json_is_string(v)) m.date = json_string_value(v);
        if (!*d->pub.title && (v = json_object_get(art, "headline")) && json_is_string(v))
            d->pub.title = ent_doc_str(d, json_string_value(v), json_string_length(v));
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
        d->pub.date_text = ent_doc_str(d, date, strlen(date));
        d->pub.date = ent_date_parse(date, strlen(date));
    }
    /* "Headline | Site name" from <title>: drop the site name */
    if (!m.h1 && m.site && *d->pub.title) {
        size_t tl = strlen(d->pub.title), sl = strlen(m.site);
        if (tl > sl + 3 && !strcmp(d->pub.title + tl - sl, m.site)) {
            size_t e = tl - sl;
            while (e && (d->pub.title[e - 1] == ' ' || d->pub.title[e - 1] == '|' || d->pub.title[e - 1] == '-'))
                e--;
            if (e) d->pub.title = ent_doc_str(d, d->pub.title, e);
        }
    }
    if (m.author) d->pub.byline = ent_doc_str(d, m.author, strlen(m.author));
    if (m.url) d->pub.url = ent_doc_str(d, m.url, strlen(m.url));
    if (m.site) d->pub.source = ent_doc_str(d, m.site, strlen(m.site));
    if (ws.truncated) {
        char w[160];
        snprintf(w, sizeof w, "HTML nested deeper than %d elements: the text below that depth is left out", HTML_WALK_DEPTH);
        d->warning = ent_doc_str(d, w, strlen(w));
    }
    free(ws.e);
    json_decref(m.ld);
    gumbo_destroy_output(&opts, out);
    free(conv);
    return d;
}

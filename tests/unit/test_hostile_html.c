/* test_hostile_html.c — hostile HTML (issue 16, P1/P2): pages nested deeper than the
 * parse budget, with thousands of unclosed tags or with too many attributes on one element
 * are read as text only with a warning (never a crash or a blow-up); pages within budget
 * still go through gumbo; the text-only reader strips tags, skips scripts and decodes
 * character references. */
#include "test.h"
#include "entente.h"

/* The one document of an HTML page in memory (NULL when it was refused); diag gets the
 * messages. */
static ent_doc *read_page(const char *html, ent_diag *diag) {
    ent_doc_reader *r;
    if (ent_doc_reader_open_mem("page.html", html, strlen(html), ENT_INPUT_HTML, diag, &r) != ENT_OK) return NULL;
    ent_doc *d = NULL;
    if (ent_doc_reader_next(r, &d, diag) != ENT_OK) d = NULL;
    ent_doc_reader_free(r);
    return d;
}

/* prefix + open*n + middle + close*n + suffix, malloc'ed. */
static char *repeat_page(const char *prefix, const char *open, size_t n, const char *middle, const char *close,
                         const char *suffix) {
    size_t lo = strlen(open), lc = strlen(close);
    size_t len = strlen(prefix) + n * (lo + lc) + strlen(middle) + strlen(suffix);
    char *s = malloc(len + 1), *p = s;
    p += sprintf(p, "%s", prefix);
    for (size_t i = 0; i < n; i++) p += sprintf(p, "%s", open);
    p += sprintf(p, "%s", middle);
    for (size_t i = 0; i < n; i++) p += sprintf(p, "%s", close);
    sprintf(p, "%s", suffix);
    return s;
}

static int has_msg(const ent_diag *d, const char *needle) {
    for (size_t i = 0; i < ent_diag_count(d); i++)
        if (strstr(ent_diag_message(d, i), needle)) return 1;
    return 0;
}

TEST(hostile_html_deep_nesting_is_text_only) {
    /* the repro, scaled down: balanced <span>s far past the stack budget */
    const char *shapes[][2] = {{"<span>", "</span>"}, {"<div>", "</div>"}, {"<b>", ""}, {"<i></b>", ""},
                               {"<div/>", ""}};
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        char *page = repeat_page("<html><body><article>", shapes[k][0], 50000, "<p>Russia criticised China.</p>",
                                 shapes[k][1], "</article></body></html>");
        ent_diag *diag = ent_diag_new();
        ent_doc *d = read_page(page, diag);
        CHECK(d != NULL);
        if (d) CHECK_STR(d->text, "Russia criticised China.");
        CHECK(has_msg(diag, "page.html: warning: HTML nested deeper than 400 elements: read as text only"));
        ent_doc_free(d);
        ent_diag_free(diag);
        free(page);
    }
}

TEST(hostile_html_within_budget_uses_the_parser) {
    /* 300 nested elements: gumbo reads it, the headline and article are found, no warning */
    char *page = repeat_page("<html><head><title>T | Site</title></head><body><h1>Pact signed</h1><article>", "<div>",
                             300, "<p>Russia criticised China.</p>", "</div>", "</article></body></html>");
    ent_diag *diag = ent_diag_new();
    ent_doc *d = read_page(page, diag);
    CHECK(d != NULL);
    if (d) { CHECK_STR(d->title, "Pact signed"); CHECK_STR(d->text, "Russia criticised China."); }
    CHECK_INT(ent_diag_count(diag), 0);
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
    /* many self-closing elements inside <svg> do not count as nesting */
    page = repeat_page("<html><body><article><p>Russia criticised China.</p><svg>", "<path d=\"M0\"/>", 2000, "", "",
                       "</svg></article></body></html>");
    diag = ent_diag_new();
    d = read_page(page, diag);
    CHECK(d != NULL);
    if (d) CHECK_STR(d->text, "Russia criticised China.");
    CHECK_INT(ent_diag_count(diag), 0);
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
    /* unclosed <p> and <li> close themselves: a long list is not deep */
    page = repeat_page("<html><body><article><ul>", "<li>Russia criticised China.", 1000, "", "", "</ul></article></body></html>");
    diag = ent_diag_new();
    d = read_page(page, diag);
    CHECK(d != NULL);
    CHECK_INT(ent_diag_count(diag), 0);
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
}

TEST(hostile_html_attribute_and_element_budgets) {
    size_t n = 300;
    char *page = malloc(64 + n * 16 + 128), *p = page;
    p += sprintf(p, "<html><body><p");
    for (size_t i = 0; i < n; i++) p += sprintf(p, " a%zu=x", i);
    sprintf(p, ">Russia criticised China.</p></body></html>");
    ent_diag *diag = ent_diag_new();
    ent_doc *d = read_page(page, diag);
    CHECK(d != NULL);
    if (d) CHECK_STR(d->text, "Russia criticised China.");
    CHECK(has_msg(diag, "warning: an element with more than 256 attributes: read as text only"));
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
    /* more elements than the budget, each closed (flat): text only too */
    page = repeat_page("<html><body>", "<i>x</i>", 200001, "<p>Russia criticised China.</p>", "", "</body></html>");
    diag = ent_diag_new();
    d = read_page(page, diag);
    CHECK(d != NULL);
    CHECK(has_msg(diag, "warning: more than 200000 HTML elements: read as text only"));
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
}

TEST(hostile_html_text_only_reading) {
    /* scripts, styles and comments left out, references decoded, a bare '<' kept, blocks
     * as paragraphs */
    char *page = repeat_page("<html><head><title>Skip me</title><style>p{}</style></head><body>", "<span>", 500,
                             "<script>var x = '<p>no</p>';</script><!-- <p>hidden</p> -->"
                             "<p>Russia &amp; Iran criticised China&#x2019;s plan &#8212; a &lt;b&gt; 1 < 2 &bogus;</p>"
                             "<div>Second&nbsp;paragraph.</div>",
                             "</span>", "</body></html>");
    ent_diag *diag = ent_diag_new();
    ent_doc *d = read_page(page, diag);
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->text, "Russia & Iran criticised China\xE2\x80\x99s plan \xE2\x80\x94 a <b> 1 < 2 &bogus;\n\n"
                           "Second paragraph.");
        CHECK_STR(d->title, "");
    }
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
    /* over budget and nothing but markup and script: refused with the reason */
    page = repeat_page("<html><body>", "<b>", 1000, "<script>alert(1)</script>", "", "</body></html>");
    diag = ent_diag_new();
    d = read_page(page, diag);
    CHECK(d == NULL);
    CHECK(has_msg(diag, "page.html: error: HTML nested deeper than 400 elements, and no text in it"));
    ent_doc_free(d);
    ent_diag_free(diag);
    free(page);
}

/* test_ingest_docs.c — the document readers (src/ingest): format detection, JSON lines
 * (bad lines reported, the rest kept), plain text encodings, HTML article extraction,
 * PDF text (a tiny PDF authored by the test itself), and bad documents. */
#include "test.h"
#include "entente.h"

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

/* Read every document of a memory input; returns the count, errors in *nerr, the docs
 * in out (caller frees each). */
static size_t read_all_docs(const char *name, const char *data, size_t len, ent_input_format fmt, ent_doc **out,
                            size_t max, size_t *nerr, ent_diag *diag) {
    ent_doc_reader *r;
    *nerr = 0;
    if (ent_doc_reader_open_mem(name, data, len, fmt, diag, &r) != ENT_OK) return 0;
    size_t n = 0;
    for (int guard = 0; guard < 1000; guard++) {
        ent_doc *d;
        ent_status st = ent_doc_reader_next(r, &d, diag);
        if (st != ENT_OK) { (*nerr)++; continue; }
        if (!d) break;
        if (n < max) out[n++] = d;
        else ent_doc_free(d);
    }
    ent_doc_reader_free(r);
    return n;
}

TEST(ingest_format_names_and_detection) {
    CHECK_INT(ent_input_format_parse("jsonl"), ENT_INPUT_JSONL);
    CHECK_INT(ent_input_format_parse("PDF"), ENT_INPUT_PDF);
    CHECK_INT(ent_input_format_parse("petrxml"), ENT_INPUT_PETRXML);
    CHECK_INT(ent_input_format_parse("docx"), -1);
    CHECK_STR(ent_input_format_name(ENT_INPUT_HTML), "html");
    CHECK_INT(ent_input_detect("a/story.pdf", NULL, 0), ENT_INPUT_PDF);
    CHECK_INT(ent_input_detect("x.ndjson", NULL, 0), ENT_INPUT_JSONL);
    CHECK_INT(ent_input_detect(NULL, "%PDF-1.4\n", 9), ENT_INPUT_PDF);
    CHECK_INT(ent_input_detect(NULL, "  {\"id\":1}", 10), ENT_INPUT_JSONL);
    CHECK_INT(ent_input_detect(NULL, "<!DOCTYPE html><html>", 21), ENT_INPUT_HTML);
    CHECK_INT(ent_input_detect(NULL, "<?xml version=\"1.0\"?>\n<Sentences>", 33), ENT_INPUT_PETRXML);
    CHECK_INT(ent_input_detect(NULL, "Rebels attacked", 15), ENT_INPUT_TEXT);
    CHECK_INT(ent_input_detect("story.txt", "{not json", 9), ENT_INPUT_TEXT); /* the name wins */
}

TEST(ingest_jsonl_fields_bad_lines_and_extras) {
    const char *in =
        "{\"id\":\"s1\",\"date\":\"2022-02-04\",\"title\":\"Pact signed\",\"text\":\"Arnor signed a pact.\","
        "\"url\":\"https://example.org/1\",\"source\":\"Example News\",\"lang\":\"en\",\"tags\":[\"a\",\"b\"]}\n"
        "\n"
        "{\"id\":\"s2\",\"text\":\"Gondor \n"          /* truncated line: not JSON */
        "[1,2,3]\n"                                  /* JSON but not an object */
        "{\"id\":7,\"date\":20220203,\"text\":\"Rohan protested.\"}\n"
        "{\"id\":\"s4\",\"title\":\"no text\"}\n"
        "{\"text\":\"Anonymous story.\",\"date\":\"not a date\"}";
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[8];
    size_t nerr;
    size_t n = read_all_docs("stories.jsonl", in, strlen(in), ENT_INPUT_AUTO, docs, 8, &nerr, diag);
    CHECK_INT(n, 3);
    CHECK_INT(nerr, 3);
    CHECK_INT(ent_diag_errors(diag), 3);
    if (ent_diag_count(diag) == 3) {
        CHECK(contains(ent_diag_message(diag, 0), "stories.jsonl:3: error: not valid JSON"));
        CHECK_STR(ent_diag_message(diag, 1), "stories.jsonl:4: error: expected a JSON object per line, got an array");
        CHECK_STR(ent_diag_message(diag, 2), "stories.jsonl:6: error: no \"text\" field");
    }
    if (n == 3) {
        CHECK_STR(docs[0]->id, "s1");
        CHECK_INT(docs[0]->date, 20220204);
        CHECK_STR(docs[0]->date_text, "2022-02-04");
        CHECK_STR(docs[0]->title, "Pact signed");
        CHECK_STR(docs[0]->text, "Arnor signed a pact.");
        CHECK_STR(docs[0]->url, "https://example.org/1");
        CHECK_STR(docs[0]->source, "Example News");
        CHECK_STR(docs[0]->origin, "stories.jsonl:1");
        CHECK_INT(docs[0]->nextra, 2);
        if (docs[0]->nextra == 2) {
            CHECK_STR(docs[0]->extra[0].name, "lang");
            CHECK_STR(docs[0]->extra[0].json, "\"en\"");
            CHECK_STR(docs[0]->extra[1].name, "tags");
            CHECK_STR(docs[0]->extra[1].json, "[\"a\",\"b\"]");
        }
        CHECK_STR(docs[1]->id, "7");               /* numeric ids become text */
        CHECK_INT(docs[1]->date, 20220203);
        CHECK_STR(docs[1]->title, "");
        CHECK_STR(docs[2]->id, "stories.jsonl:7"); /* no id: file and line */
        CHECK_INT(docs[2]->date, 0);
        CHECK_STR(docs[2]->date_text, "not a date");
    }
    for (size_t i = 0; i < n; i++) ent_doc_free(docs[i]);
    ent_diag_free(diag);
}

TEST(ingest_text_encodings) {
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[2];
    size_t nerr;
    /* UTF-8 with a BOM */
    size_t n = read_all_docs("a.txt", "\xEF\xBB\xBFKyiv talks", 13, ENT_INPUT_AUTO, docs, 2, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) { CHECK_STR(docs[0]->text, "Kyiv talks"); CHECK_STR(docs[0]->id, "a.txt"); ent_doc_free(docs[0]); }
    /* UTF-16LE with a BOM: "Hé" */
    n = read_all_docs("b.txt", "\xFF\xFEH\0\xE9\0", 6, ENT_INPUT_TEXT, docs, 2, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) { CHECK_STR(docs[0]->text, "H\xC3\xA9"); ent_doc_free(docs[0]); }
    /* Latin-1 bytes without a BOM: an unknown encoding, reported, nothing coded */
    n = read_all_docs("c.txt", "caf\xE9 au lait", 12, ENT_INPUT_TEXT, docs, 2, &nerr, diag);
    CHECK_INT(n, 0);
    CHECK_INT(nerr, 1);
    CHECK_STR(ent_diag_message(diag, 0),
              "c.txt: error: unknown encoding: not UTF-8 (invalid byte 0xE9 at offset 3); convert the file to UTF-8");
    ent_diag_free(diag);
}

static const char *const PAGE =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>Arnor and Gondor sign pact | Example News</title>\n"
    "<meta property=\"og:site_name\" content=\"Example News\">\n"
    "<meta property=\"article:published_time\" content=\"2022-03-15T09:12:00Z\">\n"
    "<meta name=\"author\" content=\"Jane Roe\">\n"
    "<link rel=\"canonical\" href=\"https://news.example.com/arnor-gondor\">\n"
    "<script>var tracking = \"Rohan invaded Mordor\";</script><style>p{}</style></head>\n"
    "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
    "<header><p>Subscribe today &amp; save</p></header>\n"
    "<article><h1>Arnor and Gondor sign border pact</h1>\n"
    "<div class=\"byline\">By Jane Roe</div>\n"
    "<figure><img src=\"x.jpg\"><figcaption>Ministers at the signing. Photo: Reuters</figcaption></figure>\n"
    "<p>Arnor and Gondor signed a border pact on Tuesday, officials said.</p>\n"
    "<p>The <b>agreement</b> reopens the crossings &mdash; closed since spring.<br>Rohan criticised it.</p>\n"
    "<div class=\"share-tools\">Share on Twitter</div>\n"
    "<aside>Related: Older talks collapsed</aside></article>\n"
    "<footer>&copy; Example News 2022</footer></body></html>\n";

TEST(ingest_html_article_text_and_metadata) {
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[2];
    size_t nerr;
    size_t n = read_all_docs("page.html", PAGE, strlen(PAGE), ENT_INPUT_AUTO, docs, 2, &nerr, diag);
    CHECK_INT(n, 1);
    CHECK_INT(nerr, 0);
    if (n) {
        const ent_doc *d = docs[0];
        CHECK_STR(d->title, "Arnor and Gondor sign border pact");
        CHECK_INT(d->date, 20220315);
        CHECK_STR(d->byline, "Jane Roe");
        CHECK_STR(d->url, "https://news.example.com/arnor-gondor");
        CHECK_STR(d->source, "Example News");
        CHECK_STR(d->id, "page.html");
        CHECK_STR(d->text, "Arnor and Gondor signed a border pact on Tuesday, officials said.\n\n"
                           "The agreement reopens the crossings \xE2\x80\x94 closed since spring.\n\n"
                           "Rohan criticised it.");
    }
    for (size_t i = 0; i < n; i++) ent_doc_free(docs[i]);
    ent_diag_free(diag);
}

TEST(ingest_html_bad_pages) {
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[2];
    size_t nerr;
    const char *empty = "<html><head><title>Nothing</title></head><body> <nav>Home</nav> </body></html>";
    CHECK_INT(read_all_docs("empty.html", empty, strlen(empty), ENT_INPUT_AUTO, docs, 2, &nerr, diag), 0);
    CHECK_INT(nerr, 1);
    const char *bogus = "<html><head><meta charset=\"x-klingon\"></head><body><p>Qapla</p></body></html>";
    CHECK_INT(read_all_docs("bogus.html", bogus, strlen(bogus), ENT_INPUT_AUTO, docs, 2, &nerr, diag), 0);
    CHECK_INT(nerr, 1);
    if (ent_diag_count(diag) == 2) {
        CHECK_STR(ent_diag_message(diag, 0), "empty.html: error: no article text found (empty or missing <body>)");
        CHECK_STR(ent_diag_message(diag, 1), "bogus.html: error: unknown encoding 'x-klingon'");
    }
    /* a declared legacy charset is converted */
    const char *latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                        "</head><body><p>Caf\xE9 talks ended.</p></body></html>";
    size_t n = read_all_docs("latin.html", latin, strlen(latin), ENT_INPUT_AUTO, docs, 2, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) { CHECK_STR(docs[0]->text, "Caf\xC3\xA9 talks ended."); ent_doc_free(docs[0]); }
    ent_diag_free(diag);
}

/* A one-page PDF written by hand (Helvetica, no embedded fonts): a headline, a gap,
 * then body lines.  The xref offsets are computed, so the file is valid. */
static char *make_pdf(size_t *len) {
    const char *content = "BT /F1 16 Tf 72 720 Td (Rebels attack army base) Tj ET\n"
                          "BT /F1 11 Tf 72 680 Td 14 TL (Rebels attacked an army base near the) Tj\n"
                          "(capital on Tuesday, officials said.) ' (The government condemned the attack.) ' ET\n";
    char stream[1024];
    snprintf(stream, sizeof stream, "<< /Length %zu >>\nstream\n%sendstream", strlen(content), content);
    const char *objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream,
        "<< /Title (Army base attack) /CreationDate (D:20220301120000Z) >>",
    };
    static char out[4096];
    size_t k = (size_t)snprintf(out, sizeof out, "%%PDF-1.4\n");
    size_t offs[6];
    for (int i = 0; i < 6; i++) {
        offs[i] = k;
        k += (size_t)snprintf(out + k, sizeof out - k, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t x = k;
    k += (size_t)snprintf(out + k, sizeof out - k, "xref\n0 7\n0000000000 65535 f \n");
    for (int i = 0; i < 6; i++) k += (size_t)snprintf(out + k, sizeof out - k, "%010zu 00000 n \n", offs[i]);
    k += (size_t)snprintf(out + k, sizeof out - k, "trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n%zu\n%%%%EOF\n", x);
    *len = k;
    return out;
}

TEST(ingest_pdf_text_and_truncated_pdf) {
    size_t len;
    const char *pdf = make_pdf(&len);
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[2];
    size_t nerr;
    size_t n = read_all_docs("story.pdf", pdf, len, ENT_INPUT_AUTO, docs, 2, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(docs[0]->title, "");
        CHECK_INT(docs[0]->nextra, 1);
        if (docs[0]->nextra == 1) CHECK_STR(docs[0]->extra[0].json, "\"Army base attack\"");
        CHECK_INT(docs[0]->date, 20220301);
        /* the gap after the headline becomes a paragraph break; wrapped lines stay one paragraph */
        CHECK(!strncmp(docs[0]->text, "Rebels attack army base\n\nRebels attacked an army base near the\ncapital", 69));
        ent_cleaned c;
        ent_text_clean(docs[0]->text, docs[0]->text_len, &c);
        CHECK_STR(c.headline, "Rebels attack army base");
        CHECK_STR(c.text, "Rebels attacked an army base near the capital on Tuesday, officials said. "
                          "The government condemned the attack.");
        ent_cleaned_free(&c);
        ent_doc_free(docs[0]);
    }
    /* cut in half: reported, no crash */
    n = read_all_docs("cut.pdf", pdf, len / 2, ENT_INPUT_AUTO, docs, 2, &nerr, diag);
    CHECK_INT(n, 0);
    CHECK_INT(nerr, 1);
    if (ent_diag_count(diag))
        CHECK(contains(ent_diag_message(diag, 0), "cut.pdf: error: unreadable PDF (truncated or damaged?)"));
    /* forced --input pdf on something else */
    ent_diag_clear(diag);
    n = read_all_docs("fake.pdf", "hello", 5, ENT_INPUT_PDF, docs, 2, &nerr, diag);
    CHECK_INT(n, 0);
    CHECK_STR(ent_diag_message(diag, 0), "fake.pdf: error: not a PDF file (no %PDF- header)");
    ent_diag_free(diag);
}

/* Every prefix and a spread of byte flips of each fixture: each read ends with documents
 * or reported errors (never a crash, never a silent nothing), and cleanup of whatever
 * came out keeps its invariants. */
static void read_mangled(const char *name, const char *data, size_t len, ent_input_format fmt, size_t *docs,
                         size_t *errs) {
    ent_diag *diag = ent_diag_new();
    ent_doc_reader *r;
    if (ent_doc_reader_open_mem(name, data, len, fmt, diag, &r) != ENT_OK) { (*errs)++; ent_diag_free(diag); return; }
    for (int guard = 0; guard < 100; guard++) {
        ent_doc *d;
        size_t before = ent_diag_errors(diag);
        ent_status st = ent_doc_reader_next(r, &d, diag);
        if (st != ENT_OK) {
            CHECK(ent_diag_errors(diag) == before + 1); /* every bad document says why */
            (*errs)++;
            continue;
        }
        if (!d) break;
        (*docs)++;
        CHECK(d->text && strlen(d->text) == d->text_len);
        ent_cleaned c;
        ent_text_clean(d->text, d->text_len, &c);
        CHECK(strlen(c.text) == c.len);
        CHECK(!strstr(c.text, "\n\n\n"));
        ent_cleaned_free(&c);
        ent_doc_free(d);
    }
    ent_doc_reader_free(r);
    ent_diag_free(diag);
}

TEST(ingest_mangled_inputs_never_crash) {
    size_t plen;
    const char *pdf = make_pdf(&plen);
    const char *jsonl = "{\"id\":\"a\",\"text\":\"Arnor signed a pact.\",\"x\":[1,{\"y\":null}]}\n{\"id\":\"b\",\"text\":\"Gondor \\u00e9 agreed.\"}\n";
    struct { const char *name, *data; size_t len; ent_input_format fmt; } in[] = {
        {"m.pdf", pdf, plen, ENT_INPUT_PDF}, {"m.html", PAGE, strlen(PAGE), ENT_INPUT_HTML},
        {"m.jsonl", jsonl, strlen(jsonl), ENT_INPUT_JSONL}};
    static char buf[8192];
    for (size_t k = 0; k < 3; k++) {
        size_t docs = 0, errs = 0, n = in[k].len;
        if (n > sizeof buf) n = sizeof buf;
        size_t step = n / 40 ? n / 40 : 1;
        for (size_t cut = 0; cut < n; cut += step) read_mangled(in[k].name, in[k].data, cut, in[k].fmt, &docs, &errs);
        for (size_t pos = 0; pos < n; pos += step) {
            memcpy(buf, in[k].data, n);
            buf[pos] = (char)(buf[pos] ^ 0xA5);
            read_mangled(in[k].name, buf, n, in[k].fmt, &docs, &errs);
        }
        CHECK(docs > 0);  /* many variants are still readable */
        CHECK(errs > 0);  /* and the broken ones are reported */
    }
}

TEST(ingest_html_json_ld_metadata) {
    const char *page =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"headline\":\"Rohan closes border\","
        "\"datePublished\":\"2021-11-30T22:10:00-05:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"}],"
        "\"publisher\":{\"name\":\"Edoras Post\"}}]}</script></head>"
        "<body><p>Rohan closed its border with Isengard.</p></body></html>";
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[1];
    size_t nerr;
    size_t n = read_all_docs("ld.html", page, strlen(page), ENT_INPUT_HTML, docs, 1, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(docs[0]->title, "Rohan closes border");
        CHECK_INT(docs[0]->date, 20211130); /* the publisher's local date */
        CHECK_STR(docs[0]->byline, "Ann Lee");
        CHECK_STR(docs[0]->source, "Edoras Post");
        CHECK_STR(docs[0]->text, "Rohan closed its border with Isengard.");
        ent_doc_free(docs[0]);
    }
    ent_diag_free(diag);
}

TEST(ingest_html_without_article_element_finds_story_container) {
    const char *page =
        "<html><head><title>Gondor news</title></head><body>"
        "<div id=\"menu\"><ul><li><a href=\"/a\">Politics</a></li><li><a href=\"/b\">Sport</a></li></ul>"
        "<p>Login to see your saved stories</p></div>"
        "<div class=\"content\"><div class=\"story-body\">"
        "<p>Gondor reopened its border with Rohan on Monday after two weeks of talks.</p>"
        "<p>The interior minister said trade would resume within days.</p></div>"
        "<div class=\"newsletter\"><p>Sign up for our daily briefing and never miss a story again.</p></div></div>"
        "<div class=\"bottom\"><p>About us</p></div></body></html>";
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[1];
    size_t nerr;
    size_t n = read_all_docs("nav.html", page, strlen(page), ENT_INPUT_HTML, docs, 1, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(docs[0]->title, "Gondor news");
        CHECK_STR(docs[0]->text, "Gondor reopened its border with Rohan on Monday after two weeks of talks.\n\n"
                                 "The interior minister said trade would resume within days.");
        ent_doc_free(docs[0]);
    }
    ent_diag_free(diag);
}

TEST(ingest_html_title_without_site_name) {
    const char *page = "<html><head><title>Rohan closes border | Edoras Post</title>"
                       "<meta property=\"og:site_name\" content=\"Edoras Post\"></head>"
                       "<body><p>Rohan closed its border.</p></body></html>";
    ent_diag *diag = ent_diag_new();
    ent_doc *docs[1];
    size_t nerr;
    size_t n = read_all_docs("t.html", page, strlen(page), ENT_INPUT_HTML, docs, 1, &nerr, diag);
    CHECK_INT(n, 1);
    if (n) {
        CHECK_STR(docs[0]->title, "Rohan closes border");
        CHECK_STR(docs[0]->source, "Edoras Post");
        ent_doc_free(docs[0]);
    }
    ent_diag_free(diag);
}

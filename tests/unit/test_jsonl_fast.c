/* test_jsonl_fast.c — the JSON-lines fast path (src/ingest/jsonl.c) against the jansson
 * path: on a table of lines (escapes, surrogates, unicode, empty strings, integers,
 * literals, duplicate keys, nesting, trailing bytes, bad UTF-8, whitespace) the fast
 * scanner either gives a document field-for-field identical to jansson's or declines;
 * plus exact values, and random / mutated lines checked the same way. */
#include "test.h"
#include "ingest/ingest.h"

/* Run both paths on line; returns 1 if the fast path took it.  A fast document must
 * equal jansson's (which must exist). */
static int both_paths(const char *line, size_t len, int tag) {
    ent_buf why;
    ent_buf_init(&why);
    doc_impl *f = ent_jsonl_extract_fast(line, len);
    doc_impl *j = ent_jsonl_extract_jansson(line, len, &why);
    if (f) {
        if (!j) ent_test_fail(__FILE__, __LINE__, "line %d: fast path took a line jansson refuses (%s)", tag, why.data);
        else {
            const char *diff = ent_doc_diff(&f->pub, &j->pub);
            if (diff) ent_test_fail(__FILE__, __LINE__, "line %d: fast and jansson documents differ in %s", tag, diff);
        }
    }
    if (f) ent_doc_free(&f->pub);
    if (j) ent_doc_free(&j->pub);
    ent_buf_free(&why);
    return f != NULL;
}

/* 1: the fast path must take the line; 0: it must decline (jansson decides). */
static const struct { int fast; const char *line; } rows[] = {
    {1, "{\"id\":\"s1\",\"date\":\"2022-02-04\",\"text\":\"Arnor signed a pact.\"}"},
    {1, " \t{ \"id\" : \"s1\" ,\r\n \"text\" :\"x\" } \n\r\t"},
    {1, "{\"text\":\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"}"},
    {1, "{\"text\":\"x\",\"note\":\"q\\\"\\\\\\n\\u0001\\u001f/\\u007f\"}"},
    {1, "{\"text\":\"caf\\u00e9 \\u20AC \\ud83d\\ude00 \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}"},
    {1, "{\"id\":\"\",\"text\":\"\",\"title\":\"\",\"url\":\"\",\"source\":\"\"}"},
    {1, "{\"id\":7,\"date\":20220203,\"text\":\"Rohan protested.\"}"},
    {1, "{\"id\":-0,\"text\":\"x\",\"n\":0,\"m\":-0,\"o\":-1,\"p\":-9,\"q\":5,\"k\":-123456789012345678,\"big\":999999999999999999}"},
    {1, "{\"text\":\"x\",\"a\":null,\"b\":true,\"c\":false,\"id\":null,\"date\":false}"},
    {1, "{\"text\":\"x\",\"author\":\"\",\"byline\":\"B. Writer\",\"title\":5,\"url\":true,\"source\":null}"},
    {1, "{\"te\\u0078t\":\"key written with an escape\",\"k\\u00e9y\":\"v\"}"},
    {1, "{\"text\":\"raw DEL \x7f and tab escape \\t ok\"}"},
    {1, "{\"text\":\"0123456789abcdef0123456789abcdef\\\"0123456789\xc3\xa9" "abcdef\\u00e9xyz\"}"},
    {1, "{\"lang\":\"en\",\"text\":\"t\",\"z\":\"last\"}"},
    {1, "{\"text\":\"/path\\/slash\",\"u\":\"a\\/b\"}"},
    /* declined: jansson decides (some it accepts, some it refuses) */
    {0, "{\"text\":\"x\",\"meta\":{\"a\":1}}"},
    {0, "{\"text\":\"x\",\"tags\":[\"a\",\"b\"]}"},
    {0, "{\"text\":\"x\",\"score\":1.5}"},
    {0, "{\"text\":\"x\",\"score\":1e5}"},
    {0, "{\"text\":\"x\",\"n\":1234567890123456789}"},
    {0, "{\"text\":\"x\",\"n\":99999999999999999999}"},
    {0, "{\"text\":\"x\",\"n\":01}"},
    {0, "{\"text\":\"x\",\"n\":-}"},
    {0, "{\"text\":\"a\",\"text\":\"b\"}"},
    {0, "{\"id\":\"a\",\"text\":\"b\",\"id\":\"c\"}"},
    {0, "{\"text\":\"x\",\"author\":\"\",\"byline\":\"B\",\"author\":\"A\"}"},
    {0, "{\"text\":\"x\"} x"},
    {0, "{\"text\":\"x\"}{}"},
    {0, "{\"text\":\"x\",}"},
    {0, "{\"text\":\"x\" \"id\":\"y\"}"},
    {0, "{\"text\":\"bad \\x escape\"}"},
    {0, "{\"text\":\"short \\u12\"}"},
    {0, "{\"text\":\"not hex \\u00zz\"}"},
    {0, "{\"text\":\"lone high \\ud800 here\"}"},
    {0, "{\"text\":\"lone low \\udc00\"}"},
    {0, "{\"text\":\"high then plain \\ud800\\u0041\"}"},
    {0, "{\"text\":\"nul \\u0000 char\"}"},
    {0, "{\"text\":\"bad byte \xff\"}"},
    {0, "{\"text\":\"overlong \xc0\xaf\"}"},
    {0, "{\"text\":\"surrogate in UTF-8 \xed\xa0\x80\"}"},
    {0, "{\"text\":\"cut \xe2\x82\"}"},
    {0, "{\"text\":\"control \x01 byte\"}"},
    {0, "{\"text\":\"raw\ttab\"}"},
    {0, "{\"id\":\"no text\"}"},
    {0, "{\"text\":1}"},
    {0, "{\"text\":null}"},
    {0, "{}"},
    {0, "[]"},
    {0, "\"just a string\""},
    {0, ""},
    {0, "{\"text\":\"x\",\"a\":tru}"},
    {0, "{\"text\":\"x\",\"a\":trueX}"},
    {0, "{\"text\":\"x\",\"a\":nul}"},
    {0, "{\"text\":\"x\""},
    {0, "{\"text\":\"unterminated}"},
    {0, "{\"text\" \"x\"}"},
    {0, "{\"text\":\"x\",\"\\u0000key\":1}"},
    {0, "\xef\xbb\xbf{\"text\":\"BOM\"}"},
};

TEST(jsonl_fast_matches_jansson_on_table) {
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *line = rows[i].line;
        int fast = both_paths(line, strlen(line), (int)i);
        int want = rows[i].fast;
        if (fast != want)
            ent_test_fail(__FILE__, __LINE__, "row %zu: fast path %s, expected it to %s: %s", i,
                          fast ? "took the line" : "declined", want ? "take it" : "decline", line);
    }
}

TEST(jsonl_fast_exact_values) {
    const char *l1 = "{\"id\":-0,\"date\":20220203,\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\",\"n\":-0,"
                     "\"note\":\"a\\nb\\u0001\\/\\u00e9\",\"t\":true,\"z\":null,\"author\":\"\",\"byline\":\"B\"}";
    doc_impl *d = ent_jsonl_extract_fast(l1, strlen(l1));
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->pub.id, "0");
        CHECK_STR(d->pub.date_text, "20220203");
        CHECK_INT(d->pub.date, 20220203);
        CHECK_STR(d->pub.text, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\"");
        CHECK_INT(d->pub.text_len, strlen("caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\""));
        CHECK_STR(d->pub.byline, "B");
        CHECK_INT(d->pub.nextra, 6);
        if (d->pub.nextra == 6) {
            CHECK_STR(d->pub.extra[0].name, "n");
            CHECK_STR(d->pub.extra[0].json, "0");
            CHECK_STR(d->pub.extra[1].name, "note");
            CHECK_STR(d->pub.extra[1].json, "\"a\\nb\\u0001/\xc3\xa9\"");
            CHECK_STR(d->pub.extra[2].json, "true");
            CHECK_STR(d->pub.extra[3].json, "null");
            CHECK_STR(d->pub.extra[4].name, "author");
            CHECK_STR(d->pub.extra[4].json, "\"\"");
            CHECK_STR(d->pub.extra[5].name, "byline");
            CHECK_STR(d->pub.extra[5].json, "\"B\"");
        }
        ent_doc_free(&d->pub);
    }
    const char *l2 = "  {\"title\":\"T\",\"text\":\"Body.\",\"url\":\"u\",\"source\":\"S\",\"id\":\"s9\"}  ";
    d = ent_jsonl_extract_fast(l2, strlen(l2));
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->pub.title, "T");
        CHECK_STR(d->pub.text, "Body.");
        CHECK_STR(d->pub.url, "u");
        CHECK_STR(d->pub.source, "S");
        CHECK_STR(d->pub.id, "s9");
        CHECK_INT(d->pub.nextra, 0);
        CHECK_INT(d->pub.date, 0);
        ent_doc_free(&d->pub);
    }
    ent_buf why;
    ent_buf_init(&why);
    const char *l3 = "{\"text\":\"x\",\"id\":-1,\"a\":-0,\"b\":-7,\"c\":-123456789012345678}";
    d = ent_jsonl_extract_fast(l3, strlen(l3));
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->pub.id, "-1");
        CHECK_INT(d->pub.nextra, 3);
        if (d->pub.nextra == 3) {
            CHECK_STR(d->pub.extra[0].json, "0");
            CHECK_STR(d->pub.extra[1].json, "-7");
            CHECK_STR(d->pub.extra[2].json, "-123456789012345678");
        }
        ent_doc_free(&d->pub);
    }
    /* the combined entry point still words jansson's errors */
    CHECK(ent_jsonl_extract("{\"text\":1}", 10, &why) == NULL);
    CHECK_STR(why.data, "field \"text\" must be a string, got a number");
    ent_buf_clear(&why);
    CHECK(ent_jsonl_extract("{\"id\":\"x\"}", 10, &why) == NULL);
    CHECK_STR(why.data, "no \"text\" field");
    ent_buf_free(&why);
}

/* A small deterministic generator (xorshift) for random lines. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(unsigned n) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static void rand_string(ent_buf *b) {
    static const char *const pieces[] = {
        "a", "Z", " ", "0", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9",
        "\\u20ac", "\\u001F", "\\uD83D\\uDE00", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\x7f", "text",
        "abcdefghijklmnop", "\\u2028", "'",
    };
    ent_buf_putc(b, '"');
    unsigned n = rnd(24);
    for (unsigned i = 0; i < n; i++) ent_buf_puts(b, pieces[rnd(sizeof pieces / sizeof pieces[0])]);
    ent_buf_putc(b, '"');
}

static void rand_ws(ent_buf *b) {
    static const char ws[] = " \t\r\n";
    while (rnd(4) == 0) ent_buf_putc(b, ws[rnd(4)]);
}

/* A random flat object; the "text" key is always there, other keys may repeat. */
static void rand_line(ent_buf *b) {
    static const char *const keys[] = {"id", "date", "title", "url", "source", "byline", "author", "lang", "x", "t\\u00e9"};
    static const char *const lits[] = {"true", "false", "null", "0", "-0", "7", "-1", "-9", "-42", "20220203", "123456789012345678", "-999999999999999999"};
    ent_buf_clear(b);
    rand_ws(b);
    ent_buf_putc(b, '{');
    unsigned n = rnd(6), at = rnd(n + 1);
    for (unsigned i = 0; i <= n; i++) {
        if (i) ent_buf_putc(b, ',');
        rand_ws(b);
        if (i == at) ent_buf_puts(b, "\"text\"");
        else {
            ent_buf_printf(b, "\"%s\"", keys[rnd(sizeof keys / sizeof keys[0])]);
        }
        rand_ws(b);
        ent_buf_putc(b, ':');
        rand_ws(b);
        if (i == at || rnd(2)) rand_string(b);
        else ent_buf_puts(b, lits[rnd(sizeof lits / sizeof lits[0])]);
        rand_ws(b);
    }
    ent_buf_putc(b, '}');
    rand_ws(b);
}

TEST(jsonl_fast_random_and_mutated_lines) {
    ent_buf b;
    ent_buf_init(&b);
    int took = 0, mutated_took = 0;
    for (int i = 0; i < 3000; i++) {
        rand_line(&b);
        took += both_paths(b.data, b.len, i);
        /* flip, drop or insert one byte: whatever the fast path takes must still match */
        size_t pos = rnd((unsigned)b.len);
        static const char junk[] = "\"\\{}[],:u0-.eE \x01\x80\xc3\xff";
        switch (rnd(3)) {
        case 0: b.data[pos] = junk[rnd(sizeof junk - 1)]; break;
        case 1: memmove(b.data + pos, b.data + pos + 1, b.len - pos); b.len--; break;
        default:
            ent_buf_putc(&b, 0);
            memmove(b.data + pos + 1, b.data + pos, b.len - pos - 1);
            b.data[pos] = junk[rnd(sizeof junk - 1)];
            break;
        }
        mutated_took += both_paths(b.data, b.len, 100000 + i);
    }
    /* most random lines have no duplicate key and must take the fast path */
    CHECK(took > 1000);
    CHECK(mutated_took > 0);
    ent_buf_free(&b);
}

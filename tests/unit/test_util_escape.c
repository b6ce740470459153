/* test_util_escape.c — ent_buf_json_escape: runs of plain text are copied whole, every
 * kind of character that needs escaping is escaped at run boundaries, invalid UTF-8 is
 * replaced, and the result appends to what the buffer already holds. */
#include "test.h"
#include "util/util.h"

static void esc(ent_buf *b, const char *s, size_t n) {
    b->len = 0;
    ent_buf_putc(b, 0);
    b->len = 0;
    ent_buf_json_escape(b, s, n);
    ent_buf_putc(b, 0);
}

TEST(json_escape_runs_and_specials) {
    ent_buf b;
    ent_buf_init(&b);
    esc(&b, "plain words only", 16);
    CHECK_STR(b.data, "plain words only");
    esc(&b, "\"q\" a\\b", 7);
    CHECK_STR(b.data, "\\\"q\\\" a\\\\b");
    esc(&b, "a\nb\tc\rd\x01" "e\x7f" "f", 11);
    CHECK_STR(b.data, "a\\nb\\tc\\rd\\u0001e\x7f" "f");
    esc(&b, "caf\xC3\xA9 \xE2\x80\x94 ok", 12);
    CHECK_STR(b.data, "caf\xC3\xA9 \xE2\x80\x94 ok");
    esc(&b, "bad\xC3(x\xFF", 7);
    CHECK_STR(b.data, "bad\xEF\xBF\xBD(x\xEF\xBF\xBD");
    esc(&b, "nul\0in", 6);
    CHECK_STR(b.data, "nul\\u0000in");
    esc(&b, "", 0);
    CHECK_STR(b.data, "");
    esc(&b, "\"", 1);
    CHECK_STR(b.data, "\\\"");
    ent_buf_free(&b);
}

TEST(json_escape_appends_long_text) {
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_puts(&b, "x=");
    char src[5000];
    for (size_t i = 0; i < sizeof src; i++) src[i] = (char)(i % 50 == 49 ? '"' : 'a' + (int)(i % 26));
    ent_buf_json_escape(&b, src, sizeof src);
    CHECK_INT((long)b.len, 2 + 5000 + 100);   /* 100 quotes, each gains a backslash */
    CHECK(!memcmp(b.data, "x=abc", 5));
    size_t quotes = 0, k = 2;
    for (size_t i = 0; i < sizeof src; i++) {
        if (src[i] == '"') { CHECK(b.data[k] == '\\'); k++; quotes++; }
        CHECK(b.data[k] == src[i]);
        k++;
    }
    CHECK_INT((long)quotes, 100);
    ent_buf_free(&b);
}

/* test_util_diag.c — the error contract's pieces: ent_diag keeps messages whole with an
 * enum severity, ent_buf_vprintf grows as needed, and the one UTF-8 validator
 * (ent_utf8_seq_len / ent_utf8_invalid_at) refuses what RFC 3629 refuses. */
#include "test.h"
#include "util/util.h"

TEST(diag_severity_and_whole_messages) {
    ent_diag *d = ent_diag_new();
    ent_diag_add(d, ENT_WARNING, "f.txt", 3, "odd %s", "thing");
    ent_diag_add(d, ENT_ERROR, NULL, 0, "bad %d", 7);
    CHECK_INT(ent_diag_count(d), 2);
    CHECK_INT(ent_diag_errors(d), 1);
    CHECK_STR(ent_diag_message(d, 0), "f.txt:3: warning: odd thing");
    CHECK_STR(ent_diag_message(d, 1), "error: bad 7");
    CHECK_INT(ent_diag_severity(d, 0), ENT_WARNING);
    CHECK_INT(ent_diag_severity(d, 1), ENT_ERROR);
    CHECK_INT(ent_diag_severity(d, 2), ENT_WARNING); /* past the end */
    /* a message far longer than any fixed buffer is kept whole */
    size_t n = 5000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = (char)('a' + i % 26);
    big[n] = 0;
    ent_diag_add(d, ENT_ERROR, "long.txt", 1, "x%sy", big);
    const char *m = ent_diag_message(d, 2);
    CHECK(m != NULL && strlen(m) == strlen("long.txt:1: error: x") + n + 1);
    CHECK(m && m[strlen(m) - 1] == 'y');
    free(big);
    ent_diag_clear(d);
    CHECK_INT(ent_diag_count(d), 0);
    CHECK_INT(ent_diag_errors(d), 0);
    ent_diag_free(d);
    /* a NULL sink discards */
    ent_diag_add(NULL, ENT_ERROR, NULL, 0, "nowhere");
    CHECK_INT(ent_diag_count(NULL), 0);
}

TEST(buf_vprintf_grows) {
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_printf(&b, "%s", "short");
    char big[1000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = 0;
    ent_buf_printf(&b, "<%s>", big);
    CHECK_INT(b.len, 5 + 2 + 999);
    CHECK(b.data[b.len - 1] == '>' && b.data[b.len] == 0);
    ent_buf_free(&b);
}

TEST(utf8_one_validator) {
    const char *ok = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80";
    CHECK_INT(ent_utf8_invalid_at(ok, strlen(ok)), strlen(ok));
    CHECK_INT(ent_utf8_invalid_at("", 0), 0);
    CHECK_INT(ent_utf8_invalid_at("ab\x80", 3), 2);               /* stray continuation */
    CHECK_INT(ent_utf8_invalid_at("a\xC0\xAF", 3), 1);            /* overlong '/' */
    CHECK_INT(ent_utf8_invalid_at("a\xE0\x80\xAF", 4), 1);        /* overlong, 3 bytes */
    CHECK_INT(ent_utf8_invalid_at("\xED\xA0\x80", 3), 0);         /* surrogate U+D800 */
    CHECK_INT(ent_utf8_invalid_at("\xF4\x90\x80\x80", 4), 0);     /* above U+10FFFF */
    CHECK_INT(ent_utf8_invalid_at("ok\xE2\x80", 4), 2);           /* truncated */
    CHECK_INT(ent_utf8_seq_len((const unsigned char *)"\xC3\xA9", 2), 2);
    CHECK_INT(ent_utf8_seq_len((const unsigned char *)"\xC3\xA9", 1), 0);
    CHECK_INT(ent_utf8_seq_len((const unsigned char *)"A", 1), 1);
}

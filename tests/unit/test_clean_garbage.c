/* test_clean_garbage.c — the cleaner's artifact-line test: the 64-bytes-at-a-time
 * ent_clean_is_garbage must agree with the byte-by-byte ent_clean_is_garbage_scan on every line
 * (random lines of words, symbols, digits, capitals inside words, UTF-8 bytes, lengths
 * across the 64-byte block boundaries), and both must call prose prose. */
#include "test.h"
#include "text/text.h"
#include "entente.h"

#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned next_rand(void) {
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

TEST(clean_garbage_fast_matches_scan) {
    static const char *const pieces[] = {
        "the", "Minister", "said", "000", "0", "12", "cabIne", "aB", "=", "|", "~", "-", "&", "--",
        "##", "@@@", "x", "NATO", "\xc3\xa9t\xc3\xa9", "\xe2\x80\x94", ".", ",", "!", "Page", "1/3",
        "www.example.com", "aBcDeF", "(c)", "2022", "a", "I", "\xf0\x9f\x98\x80"};
    size_t np = sizeof pieces / sizeof pieces[0];
    char line[512];
    int mismatches = 0;
    for (int iter = 0; iter < 60000 && mismatches < 5; iter++) {
        size_t n = 0, target = next_rand() % 300;
        while (n < target) {
            const char *p = pieces[next_rand() % np];
            size_t k = strlen(p);
            if (n + k + 2 >= sizeof line) break;
            memcpy(line + n, p, k);
            n += k;
            unsigned sp = next_rand() % 8;
            if (sp < 6) line[n++] = ' ';
            else if (sp == 6) { line[n++] = ' '; line[n++] = ' '; }
        }
        /* also cut at every length near a block boundary */
        size_t cut = (iter % 7 == 0 && n > 64) ? 63 + next_rand() % 3 : n;
        if (cut > n) cut = n;
        int fast = ent_clean_is_garbage(line, cut), slow = ent_clean_is_garbage_scan(line, cut);
        if (fast != slow) {
            mismatches++;
            fprintf(stderr, "  mismatch (fast %d, scan %d) on %zu bytes: %.*s\n", fast, slow, cut, (int)cut, line);
        }
    }
    CHECK_INT(mismatches, 0);
    const char *prose = "The foreign ministers of the two countries met in Geneva on Monday.";
    CHECK_INT(ent_clean_is_garbage(prose, strlen(prose)), 0);
    CHECK_INT(ent_clean_is_garbage_scan(prose, strlen(prose)), 0);
    const char *junk = "= | ~ ## @@@ = | ~ ## @@@ = | ~";
    CHECK_INT(ent_clean_is_garbage(junk, strlen(junk)), ent_clean_is_garbage_scan(junk, strlen(junk)));
    CHECK(ent_clean_is_garbage(junk, strlen(junk)) != 0);
}

/* A long paragraph of prose with a few rare names (particle names such as "McTavish",
 * repeated) is kept, by both the scan and the fast test and by the cleaner as a whole;
 * OCR garbage, short or long, is still dropped. */
TEST(clean_garbage_keeps_prose_with_rare_names) {
    const char *sentence =
        "Minister Eilidh McTavish of Arvandor met Governor Tobias MacQuarrie in the port of Velmora on "
        "Tuesday, and the two agreed to reopen the river crossings closed since the spring floods. ";
    char para[4096];
    size_t len = 0;
    for (int i = 0; i < 20 && len + strlen(sentence) < sizeof para; i++) {
        memcpy(para + len, sentence, strlen(sentence));
        len += strlen(sentence);
    }
    para[--len] = 0;   /* no trailing space */
    CHECK(len > 3000);
    CHECK_INT(ent_clean_is_garbage_scan(para, len), 0);
    CHECK_INT(ent_clean_is_garbage(para, len), 0);
    ent_cleaned c;
    ent_text_clean(para, len, &c);
    CHECK_INT(c.len, len);
    CHECK_INT(c.dropped_lines, 0);
    ent_cleaned_free(&c);
    /* a short line of particle names is prose too */
    const char *names = "McCain, MacArthur and DeSantis met LeBron";
    CHECK_INT(ent_clean_is_garbage_scan(names, strlen(names)), 0);
    CHECK_INT(ent_clean_is_garbage(names, strlen(names)), 0);
    /* OCR garbage: inner capitals that are no name, symbols, zero-led digits */
    const char *ocr = "Xq = 000 IIIl cabIne wrt ~ frm";
    CHECK(ent_clean_is_garbage_scan(ocr, strlen(ocr)) != 0);
    CHECK(ent_clean_is_garbage(ocr, strlen(ocr)) != 0);
    const char *ocr2 = "tHe rIver ~ crOssings | wEre 0031 cLosed = sInce";
    CHECK(ent_clean_is_garbage_scan(ocr2, strlen(ocr2)) != 0);
    CHECK(ent_clean_is_garbage(ocr2, strlen(ocr2)) != 0);
    /* a long garbage line: its signs stay dense however long it is */
    char junk[2048];
    size_t jl = 0;
    const char *piece = "wrt ~ frm cabIne 000 ";
    while (jl + strlen(piece) < sizeof junk) { memcpy(junk + jl, piece, strlen(piece)); jl += strlen(piece); }
    junk[--jl] = 0;
    CHECK(ent_clean_is_garbage_scan(junk, jl) != 0);
    CHECK(ent_clean_is_garbage(junk, jl) != 0);
}

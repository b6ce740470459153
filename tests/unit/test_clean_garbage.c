/* test_clean_garbage.c — the cleaner's artifact-line test: the 64-bytes-at-a-time
 * ent_clean_is_garbage must agree with the byte-by-byte ent_clean_is_garbage_scan on every line
 * (random lines of words, symbols, digits, capitals inside words, UTF-8 bytes, lengths
 * across the 64-byte block boundaries), and both must call prose prose. */
#include "test.h"
#include "text/text.h"

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

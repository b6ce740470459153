/* test_text_pathological.c — hostile inputs run in linear time without a crash:
 * a 100,000-token sentence without punctuation, a 16 MB line, binary junk, deeply
 * nested quotes/brackets/clauses, one huge token. */
#include "test.h"
#include "syntax/tagger.h"
#include "text/text.h"

#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: steady on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int tree_depth(const ent_sentence *s) {
    int max = 0;
    for (size_t i = 0; i < s->nnodes; i++) {
        int d = 0;
        for (int32_t p = s->nodes[i].parent; p >= 0; p = s->nodes[p].parent) d++;
        if (d > max) max = d;
        if (max > 10000) break;
    }
    return max;
}

static char *repeat(const char *unit, size_t times, size_t *len) {
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
    s[u * times] = 0;
    *len = u * times;
    return s;
}

static void check_tree(const ent_sentence *s, size_t len) {
    for (size_t i = 0; i < s->ntokens; i++) {
        CHECK(s->tokens[i].span.end <= len);
        CHECK(s->tokens[i].span.start < s->tokens[i].span.end);
        CHECK(i == 0 || s->tokens[i].span.start >= s->tokens[i - 1].span.end ||
              s->tokens[i].span.end == s->tokens[i - 1].span.end); /* the added final "." */
        if (i > 0 && s->tokens[i].span.start < s->tokens[i - 1].span.end) break;
    }
}

TEST(pathological_100k_token_sentence) {
    size_t len;
    char *text = repeat("the minister met officials to discuss plans and ", 12500, &len); /* 100,000 tokens */
    ent_sentence *s = ent_sentence_new();
    double t0 = now();
    CHECK_INT(ent_sentence_analyze(s, text, len, NULL), ENT_OK);
    double t1 = now();
    CHECK_INT(s->ntokens, 100000);
    CHECK(tree_depth(s) < 400);
    check_tree(s, len);
    /* linear: a tenth of the input takes about a tenth of the time (quadratic would be 100x) */
    CHECK_INT(ent_sentence_analyze(s, text, len / 10, NULL), ENT_OK);
    double t2 = now();
    fprintf(stderr, "  100k tokens: %.3f s, 10k tokens: %.3f s\n", t1 - t0, t2 - t1);
    CHECK(t1 - t0 < 30 * (t2 - t1) + 0.1);
    CHECK(strlen(ent_sentence_to_ptb(s)) > len / 10);
    ent_sentence_free(s);
    free(text);
}

typedef struct spanstat { size_t count, covered, maxlen; const char *base; int ok; } spanstat;
static int on_sent(const char *p, size_t n, ent_span sp, void *u) {
    spanstat *st = u;
    st->count++;
    st->covered += n;
    if (n > st->maxlen) st->maxlen = n;
    if (p != st->base + sp.start || sp.end - sp.start != n) st->ok = 0;
    return 0;
}

TEST(pathological_16mb_line_split_and_normalize) {
    size_t len;
    char *text = repeat("Arnor and Gondor talks continue without end ", 16 * 1024 * 1024 / 44, &len);
    spanstat st = { 0, 0, 0, text, 1 };
    size_t n = ent_split_sentences(text, len, on_sent, &st);
    CHECK_INT(n, st.count);
    CHECK(st.ok);
    CHECK(n > len / (ENT_SPLIT_MAX_BYTES + 64));
    CHECK(st.maxlen <= ENT_SPLIT_MAX_BYTES + 64);
    /* nothing lost but the single spaces between the pieces */
    CHECK(st.covered + n >= len - 1);
    size_t out;
    char *norm = ent_text_normalize(text, len, &out);
    CHECK_INT(out, len);
    free(norm);
    free(text);
}

TEST(pathological_binary_junk) {
    size_t len = 1 << 20;
    unsigned char *junk = malloc(len);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < len; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; junk[i] = (unsigned char)x; }
    spanstat st = { 0, 0, 0, (const char *)junk, 1 };
    ent_split_sentences((const char *)junk, len, on_sent, &st);
    CHECK(st.ok);
    CHECK(st.count > 0);
    ent_sentence *s = ent_sentence_new();
    CHECK_INT(ent_sentence_analyze(s, (const char *)junk, 200000, NULL), ENT_OK);
    CHECK(s->ntokens > 0);
    check_tree(s, 200000);
    /* every token text is valid UTF-8 after normalisation */
    for (size_t i = 0; i < s->ntokens; i++) {
        const char *t = s->tokens[i].text;
        size_t tl = strlen(t);
        for (size_t k = 0; k < tl;) { int nb; int32_t cp = ent_utf8_decode(t, tl, k, &nb);
            if (cp == 0xFFFD && !(nb == 3 && (unsigned char)t[k] == 0xEF)) { CHECK(0); break; } k += (size_t)nb; }
    }
    size_t out;
    char *norm = ent_text_normalize((const char *)junk, len, &out);
    CHECK(out >= len / 2);
    free(norm);
    ent_sentence_free(s);
    free(junk);
}

TEST(pathological_deep_nesting) {
    const char *units[] = { "(", "\" ", "[ ", "to go ", "that Arnor said ", "who met Gondor , which ", "Arnor and " };
    ent_sentence *s = ent_sentence_new();
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t len;
        char *text = repeat(units[u], 20000, &len);
        CHECK_INT(ent_sentence_analyze(s, text, len, NULL), ENT_OK);
        CHECK(s->ntokens >= 20000);
        CHECK(tree_depth(s) < 400);
        CHECK(ent_sentence_to_ptb(s)[0] == '(');
        spanstat st = { 0, 0, 0, text, 1 };
        ent_split_sentences(text, len, on_sent, &st);
        CHECK(st.ok);
        free(text);
    }
    ent_sentence_free(s);
}

TEST(pathological_one_huge_token) {
    size_t len;
    char *text = repeat("x", 1 << 20, &len);
    spanstat st = { 0, 0, 0, text, 1 };
    CHECK_INT(ent_split_sentences(text, len, on_sent, &st), 1);
    CHECK_INT(st.maxlen, len);
    ent_sentence *s = ent_sentence_new();
    CHECK_INT(ent_sentence_analyze(s, text, len, NULL), ENT_OK);
    CHECK_INT(s->ntokens, 1);
    ent_sentence_free(s);
    free(text);
}

/* test_text_split_cache.c — the explicit token hand-off: ent_split_tokens gives each
 * sentence's tokens to its callback in the caller's cache, and
 * ent_sentence_analyze_tokens on that sentence must give the same tree, tokens and
 * offsets as analysing a copy of the sentence from scratch.  Tokens that belong to
 * another sentence are not used, and the public splitter hands none over. */
#include "test.h"
#include "syntax/analyze.h"
#include "syntax/tagger.h"
#include "text/text.h"

typedef struct cmp { ent_sentence *a, *b; size_t sentences, cached, differ; } cmp;

static int same_analysis(const ent_sentence *a, const ent_sentence *b) {
    int same = a->ntokens == b->ntokens && strcmp(ent_sentence_to_ptb((ent_sentence *)a), ent_sentence_to_ptb((ent_sentence *)b)) == 0;
    for (size_t i = 0; same && i < a->ntokens; i++)
        same = a->tokens[i].span.start == b->tokens[i].span.start && a->tokens[i].span.end == b->tokens[i].span.end;
    return same;
}

static int on_sent(const char *p, size_t n, ent_span sp, const ent_tokcache *toks, void *user) {
    cmp *c = user;
    c->sentences++;
    if (toks && toks->text == p && toks->len == n) c->cached++;
    char *copy = malloc(n + 1);
    memcpy(copy, p, n);
    copy[n] = 0;
    CHECK_INT(ent_sentence_analyze_tokens(c->a, p, n, toks, NULL), ENT_OK);
    CHECK_INT(ent_sentence_analyze(c->b, copy, n, NULL), ENT_OK);
    if (!same_analysis(c->a, c->b)) {
        c->differ++;
        ent_test_fail(__FILE__, __LINE__, "cached and fresh analysis differ for \"%.*s\"", (int)n, p);
    }
    /* the same tokens offered with a copy of the text (another sentence) are not taken */
    CHECK_INT(ent_sentence_analyze_tokens(c->a, copy, n, toks, NULL), ENT_OK);
    CHECK(same_analysis(c->a, c->b));
    free(copy);
    return 0;
}

TEST(split_cache_matches_fresh_analysis) {
    const char *text =
        "Mr. Smith met the U.S. envoy in Gondor's capital on Monday. \"We won't give up,\" he said (twice).\n"
        "Talks resumed -- officials said -- after 3.5 hours\xE2\x80\xA6 The \xE2\x80\x9C" "deal\xE2\x80\x9D was signed by AT&T Inc. "
        "The ministers' statement came at 5:30 p.m. in Minas Tirith.\n\nCEBU CITY: -- Officials met the mayor!\n"
        "Peace Talks Resume In Cairo\nArnor and Gondor restored ties with Osgiliath, a senior official said.";
    cmp c = { ent_sentence_new(), ent_sentence_new(), 0, 0, 0 };
    ent_tokcache *cache = ent_tokcache_new();
    size_t n = ent_split_tokens(text, strlen(text), cache, on_sent, &c);
    CHECK(n >= 6);
    CHECK_INT(c.sentences, n);
    CHECK_INT(c.cached, n);      /* every sentence handed over comes with its tokens */
    CHECK_INT(c.differ, 0);
    /* the splitting is the same as the public splitter's */
    CHECK_INT(ent_split_sentences(text, strlen(text), NULL, NULL), n);
    /* without a cache no tokens are handed over, and the analysis is the same */
    cmp d = { c.a, c.b, 0, 0, 0 };
    CHECK_INT(ent_split_tokens(text, strlen(text), NULL, on_sent, &d), n);
    CHECK_INT(d.cached, 0);
    CHECK_INT(d.differ, 0);
    ent_tokcache_free(cache);
    ent_sentence_free(c.a);
    ent_sentence_free(c.b);
}

/* a callback that splits another text with a cache of its own: the outer sentence's
 * tokens are untouched */
typedef struct nest { ent_tokcache *inner_cache; size_t inner, outer_ok; } nest;
static int on_inner(const char *p, size_t n, ent_span sp, const ent_tokcache *toks, void *user) {
    nest *x = user;
    if (toks && toks->text == p && toks->len == n) x->inner++;
    return 0;
}
static int on_outer(const char *p, size_t n, ent_span sp, const ent_tokcache *toks, void *user) {
    nest *x = user;
    const char *other = "One more. And another.";
    ent_split_tokens(other, strlen(other), x->inner_cache, on_inner, x);
    if (toks && toks->text == p && toks->len == n && toks->n >= 4) x->outer_ok++;
    return 0;
}

TEST(split_cache_nested_splits) {
    const char *text = "Arnor met Gondor. Gondor met Arnor.";
    nest x = { ent_tokcache_new(), 0, 0 };
    ent_tokcache *outer = ent_tokcache_new();
    CHECK_INT(ent_split_tokens(text, strlen(text), outer, on_outer, &x), 2);
    CHECK_INT(x.inner, 4);
    CHECK_INT(x.outer_ok, 2);
    ent_tokcache_free(outer);
    ent_tokcache_free(x.inner_cache);
}

/* the public split + analyze: the same sentences and the same analysis as splitting and
 * analysing each sentence apart, and a sentence refused is handed over with its status */
typedef struct pub { ent_sentence *fresh; size_t n, same; } pub;
static int on_analyzed(ent_sentence *s, const char *p, size_t n, ent_span sp, ent_status st, void *user) {
    pub *x = user;
    x->n++;
    CHECK_INT(st, ENT_OK);
    char *copy = malloc(n + 1);
    memcpy(copy, p, n);
    copy[n] = 0;
    CHECK_INT(ent_sentence_analyze(x->fresh, copy, n, NULL), ENT_OK);
    if (same_analysis(s, x->fresh)) x->same++;
    free(copy);
    return x->n == 3; /* stop after three */
}

TEST(split_analyze_public_call) {
    const char *text = "Mr. Smith met the U.S. envoy. Talks resumed -- officials said. \"We won't,\" he said. Gondor agreed.";
    ent_sentence *s = ent_sentence_new();
    pub x = { ent_sentence_new(), 0, 0 };
    ent_split_analyze(s, text, strlen(text), on_analyzed, &x, NULL);
    CHECK_INT(x.n, 3);
    CHECK_INT(x.same, 3);
    CHECK_INT(ent_split_analyze(s, text, strlen(text), NULL, NULL, NULL), 4);
    CHECK_INT(ent_split_analyze(s, "", 0, NULL, NULL, NULL), 0);
    ent_sentence_free(x.fresh);
    ent_sentence_free(s);
}

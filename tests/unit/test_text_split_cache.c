/* test_text_split_cache.c — ent_sentence_analyze inside an ent_split_sentences callback
 * reuses the splitter's tokens (text/split.c ent_tokcache_for): the result must be the
 * same tree, tokens and offsets as analysing a copy of the sentence from scratch. */
#include "test.h"
#include "syntax/tagger.h"
#include "text/text.h"

typedef struct cmp { ent_sentence *a, *b; size_t sentences, cached, differ; } cmp;

static int on_sent(const char *p, size_t n, ent_span sp, void *user) {
    cmp *c = user;
    c->sentences++;
    if (ent_tokcache_for(p, n)) c->cached++;
    /* a copy of the text is not the sentence being handed over: tokenized afresh */
    char *copy = malloc(n + 1);
    memcpy(copy, p, n);
    copy[n] = 0;
    CHECK(ent_tokcache_for(copy, n) == NULL);
    CHECK_INT(ent_sentence_analyze(c->a, p, n, NULL), ENT_OK);
    CHECK_INT(ent_sentence_analyze(c->b, copy, n, NULL), ENT_OK);
    int same = c->a->ntokens == c->b->ntokens && strcmp(ent_sentence_to_ptb(c->a), ent_sentence_to_ptb(c->b)) == 0;
    for (size_t i = 0; same && i < c->a->ntokens; i++)
        same = c->a->tokens[i].span.start == c->b->tokens[i].span.start && c->a->tokens[i].span.end == c->b->tokens[i].span.end;
    if (!same) {
        c->differ++;
        ent_test_fail(__FILE__, __LINE__, "cached and fresh analysis differ for \"%.*s\"", (int)n, p);
    }
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
    size_t n = ent_split_sentences(text, strlen(text), on_sent, &c);
    CHECK(n >= 6);
    CHECK_INT(c.sentences, n);
    CHECK_INT(c.cached, n);      /* every sentence handed over has its tokens published */
    CHECK_INT(c.differ, 0);
    /* outside a callback nothing is cached */
    CHECK(ent_tokcache_for(text, strlen(text)) == NULL);
    ent_sentence_free(c.a);
    ent_sentence_free(c.b);
}

/* a callback that splits another text: the inner split has its own cache and the outer
 * one is published again afterwards */
typedef struct nest { size_t inner, outer_ok; } nest;
static int on_inner(const char *p, size_t n, ent_span sp, void *user) {
    nest *x = user;
    if (ent_tokcache_for(p, n)) x->inner++;
    return 0;
}
static int on_outer(const char *p, size_t n, ent_span sp, void *user) {
    nest *x = user;
    const char *other = "One more. And another.";
    ent_split_sentences(other, strlen(other), on_inner, x);
    if (ent_tokcache_for(p, n)) x->outer_ok++;
    return 0;
}

TEST(split_cache_nested_splits) {
    const char *text = "Arnor met Gondor. Gondor met Arnor.";
    nest x = { 0, 0 };
    CHECK_INT(ent_split_sentences(text, strlen(text), on_outer, &x), 2);
    CHECK_INT(x.inner, 4);
    CHECK_INT(x.outer_ok, 2);
}

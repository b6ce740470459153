/* test_ptb.c — Penn Treebank reader: structure, spans, malformed trees. */
#include "test.h"
#include "syntax/sentence.h"

TEST(ptb_reads_simple_tree) {
    ent_sentence *s = ent_sentence_new();
    const char *t = "(ROOT (S (NP-SBJ (NNP Arnor)) (VP (VBZ is) (ADJP (JJ happy))) (. .)))";
    CHECK_INT(ent_sentence_parse_ptb(s, t, strlen(t), NULL), ENT_OK);
    CHECK_INT(ent_sentence_token_count(s), 4);
    CHECK_STR(ent_sentence_token_text(s, 0), "Arnor");
    CHECK_STR(ent_sentence_token_tag(s, 1), "VBZ");
    CHECK_STR(s->tokens[0].upper, "ARNOR");
    CHECK_STR(ent_sentence_to_ptb(s), "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ happy))) (. .)))");
    /* VP covers tokens 1..2 */
    int32_t vp = s->nodes[s->tokens[1].node].parent;
    CHECK_STR(s->nodes[vp].label, "VP");
    CHECK_INT(s->nodes[vp].tok_first, 1);
    CHECK_INT(s->nodes[vp].tok_end, 3);
    ent_sentence_free(s);
}

TEST(ptb_rejects_unbalanced_and_truncated) {
    ent_sentence *s = ent_sentence_new();
    ent_diag *d = ent_diag_new();
    const char *extra = "(ROOT (S (NP (NNP A))) ))";
    CHECK_INT(ent_sentence_parse_ptb(s, extra, strlen(extra), d), ENT_ERR_SYNTAX);
    CHECK(ent_diag_count(d) == 1 && strstr(ent_diag_message(d, 0), "unexpected ')'"));
    ent_diag_clear(d);
    const char *trunc = "(ROOT (S (NP (NNP A)) (VP (VBD sa";
    CHECK_INT(ent_sentence_parse_ptb(s, trunc, strlen(trunc), d), ENT_ERR_SYNTAX);
    CHECK(ent_diag_count(d) == 1 && strstr(ent_diag_message(d, 0), "unclosed"));
    CHECK_INT(ent_sentence_token_count(s), 0);
    ent_diag_clear(d);
    CHECK_INT(ent_sentence_parse_ptb(s, "", 0, d), ENT_ERR_SYNTAX);
    CHECK(ent_diag_count(d) == 1 && strstr(ent_diag_message(d, 0), "empty parse"));
    ent_diag_clear(d);
    CHECK_INT(ent_sentence_parse_ptb(s, "junk", 4, d), ENT_ERR_SYNTAX);
    ent_diag_free(d);
    ent_sentence_free(s);
}

TEST(ptb_depth_limit_and_invalid_utf8) {
    ent_sentence *s = ent_sentence_new();
    ent_diag *d = ent_diag_new();
    size_t n = 5000;
    char *deep = malloc(n * 5 + 32);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) { memcpy(deep + k, "(NP ", 4); k += 4; }
    memcpy(deep + k, "(NN x)", 6); k += 6;
    for (size_t i = 0; i < n; i++) deep[k++] = ')';
    CHECK_INT(ent_sentence_parse_ptb(s, deep, k, d), ENT_ERR_LIMIT);
    free(deep);
    const char *bad = "(ROOT (NP (NN \xff\xfe)))";
    CHECK_INT(ent_sentence_parse_ptb(s, bad, strlen(bad), d), ENT_OK);
    CHECK_INT(ent_sentence_token_count(s), 1);
    ent_diag_free(d);
    ent_sentence_free(s);
}

/* test_ptb_whitespace.c — the Penn Treebank reader's fast paths: long indentation runs
 * (skipped eight blanks at a time) mixed with tabs, newlines and CRs, and token strings
 * (text and uppercased form share one allocation; words without lowercase letters share
 * one string). */
#include "test.h"
#include "syntax/sentence.h"

TEST(ptb_indentation_runs_and_mixed_white_space) {
    ent_sentence *s = ent_sentence_new();
    /* 1..40 blanks between every bracket, plus tabs, CR/LF and a blank run at the end */
    const char *base = "(ROOT|(S|(NP|(NNP|Arnor))|(VP|(VBD|signed)|(NP|(DT|the)|(NN|pact)))|(.|.)))|";
    for (int run = 1; run <= 40; run++) {
        char buf[4096];
        size_t n = 0;
        for (const char *p = base; *p && n < sizeof buf - 64; p++) {
            if (*p != '|') { buf[n++] = *p; continue; }
            if (run % 3 == 0) buf[n++] = '\n';
            if (run % 5 == 0) buf[n++] = '\t';
            for (int k = 0; k < run; k++) buf[n++] = ' ';
            if (run % 7 == 0) buf[n++] = '\r';
        }
        ent_diag *dg = ent_diag_new();
        ent_status st = ent_sentence_parse_ptb(s, buf, n, dg);
        CHECK_INT(st, ENT_OK);
        if (st != ENT_OK) { printf("    run %d: %s\n", run, ent_diag_count(dg) ? ent_diag_message(dg, 0) : "?"); }
        ent_diag_free(dg);
        if (st != ENT_OK) break;
        CHECK_STR(ent_sentence_to_ptb(s),
                  "(ROOT (S (NP (NNP Arnor)) (VP (VBD signed) (NP (DT the) (NN pact))) (. .)))");
        CHECK_INT(ent_sentence_token_count(s), 5);
    }
    ent_sentence_free(s);
}

TEST(ptb_token_text_and_uppercase) {
    ent_sentence *s = ent_sentence_new();
    const char *t = "(ROOT (S (NP (NNP NATO) (NNP Élan)) (VP (VBD said) (NP (CD 42) (NNS Troops))) (. .)))";
    CHECK_INT(ent_sentence_parse_ptb(s, t, strlen(t), NULL), ENT_OK);
    CHECK_INT(s->ntokens, 6);
    if (s->ntokens == 6) {
        static const char *const text[] = {"NATO", "Élan", "said", "42", "Troops", "."};
        static const char *const upper[] = {"NATO", "ELAN", "SAID", "42", "TROOPS", "."};
        static const char *const tag[] = {"NNP", "NNP", "VBD", "CD", "NNS", "."};
        for (int i = 0; i < 6; i++) {
            CHECK_STR(s->tokens[i].text, text[i]);
            CHECK_STR(s->tokens[i].upper, upper[i]);
            CHECK_STR(s->tokens[i].tag, tag[i]);
            CHECK_INT(s->nodes[s->tokens[i].node].token, i);
        }
        /* "Élan": the matching key has the accent folded (ent_word_fold) */
        CHECK_STR(s->tokens[1].upper, "ELAN");
    }
    /* reuse: a second fill replaces the tokens and keeps them intact */
    const char *t2 = "(ROOT (NP (NNP gondor)))";
    CHECK_INT(ent_sentence_parse_ptb(s, t2, strlen(t2), NULL), ENT_OK);
    CHECK_INT(s->ntokens, 1);
    if (s->ntokens == 1) {
        CHECK_STR(s->tokens[0].text, "gondor");
        CHECK_STR(s->tokens[0].upper, "GONDOR");
    }
    ent_sentence_free(s);
}

/* test_tagger_chunk.c — ent_sentence_analyze: tags and the Penn-shaped tree the coder
 * reads (NP subjects, nested VPs, PPs, SBARs, coordination), spans into the text. */
#include "test.h"
#include "syntax/tagger.h"
#include "text/text.h"

static ent_sentence *S;

static const char *analyze(const char *text) {
    if (!S) S = ent_sentence_new();
    ent_status st = ent_sentence_analyze(S, text, strlen(text), NULL);
    CHECK_INT(st, ENT_OK);
    return ent_sentence_to_ptb(S);
}

static const char *tags(void) {
    static char out[1024];
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < S->ntokens && o < sizeof out; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? " " : "", S->tokens[i].tag);
    return out;
}

TEST(analyze_simple_clause) {
    CHECK_STR(analyze("Arnor restored diplomatic ties with Gondor."),
              "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))");
    /* spans point at the words in the text */
    CHECK_INT(S->ntokens, 7);
    CHECK_INT(S->tokens[1].span.start, 6);
    CHECK_INT(S->tokens[1].span.end, 14);
    CHECK_STR(S->tokens[1].upper, "RESTORED");
}

TEST(analyze_auxiliaries_and_infinitives_nest) {
    CHECK_STR(analyze("Rohan is about to resume talks nearly ten years after mobs burned its consulate."),
              "(ROOT (S (NP (NNP Rohan)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB resume) (NP (NNS talks)) "
              "(SBAR (NP (RB nearly) (CD ten) (NNS years)) (IN after) (S (NP (NNS mobs)) (VP (VBD burned) "
              "(NP (PRP$ its) (NN consulate)))))))))) (. .)))");
    analyze("Gondor will not meet the envoy.");
    CHECK_STR(tags(), "NNP MD RB VB DT NN .");
}

TEST(analyze_possessive_of_pp_and_coordination) {
    CHECK_STR(analyze("The ambassadors of Arnor, Osgiliath and Gondor met Eriador's president."),
              "(ROOT (S (NP (NP (DT The) (NNS ambassadors)) (PP (IN of) (NP (NNP Arnor) (, ,) (NNP Osgiliath) (CC and) (NNP Gondor)))) "
              "(VP (VBD met) (NP (NP (NNP Eriador) (POS 's)) (NN president))) (. .)))");
    CHECK_STR(analyze("Gondor accused Arnor of attacking its border posts and vowed to retaliate."),
              "(ROOT (S (NP (NNP Gondor)) (VP (VP (VBD accused) (NP (NNP Arnor)) (PP (IN of) (S (VP (VBG attacking) "
              "(NP (PRP$ its) (NN border) (NNS posts)))))) (CC and) (VP (VBD vowed) (S (VP (TO to) (VP (VB retaliate)))))) (. .)))");
}

TEST(analyze_reported_and_relative_clauses) {
    CHECK_STR(analyze("Police said the attack killed 12 people."),
              "(ROOT (S (NP (NNP Police)) (VP (VBD said) (SBAR (S (NP (DT the) (NN attack)) (VP (VBD killed) (NP (CD 12) (NNS people)))))) (. .)))");
    analyze("Arnor's president, who arrived on Monday, said that they would sign a deal.");
    /* the subject NP holds the relative clause; the main VP follows it */
    const ent_node *root = &S->nodes[0];
    const ent_node *s = &S->nodes[root->first_child];
    CHECK_STR(s->label, "S");
    const ent_node *np = &S->nodes[s->first_child];
    CHECK_STR(np->label, "NP");
    CHECK_INT(np->tok_end, 9);
    const ent_node *vp = &S->nodes[np->next_sibling];
    CHECK_STR(vp->label, "VP");
    CHECK_STR(S->tokens[vp->tok_first].text, "said");
}

TEST(analyze_headline_caps_and_final_abbreviation) {
    analyze("ARNOR ACCUSES GONDOR OF BORDER ATTACK");
    CHECK_STR(tags(), "NNP VBZ NNP IN NN NN");
    analyze("Troops arrived in the U.S.");
    CHECK_INT(S->ntokens, 6);
    CHECK_STR(S->tokens[4].text, "U.S.");
    CHECK_STR(S->tokens[5].text, ".");
    CHECK_STR(S->tokens[5].tag, ".");
}

TEST(analyze_empty_and_reuse) {
    analyze("");
    CHECK_INT(S->ntokens, 0);
    CHECK_STR(ent_sentence_to_ptb(S), "(ROOT)");
    analyze("Hello.");
    CHECK_INT(S->ntokens, 2);
    ent_diag *d = ent_diag_new();
    CHECK_INT(ent_sentence_analyze(S, NULL, 5, d), ENT_ERR_INVALID);
    CHECK_INT(ent_diag_errors(d), 1);
    ent_diag_free(d);
}

/* Does the rendered tree contain this bracketed phrase? */
static int has_phrase(const char *tree, const char *phrase) { return strstr(tree, phrase) != NULL; }

TEST(analyze_news_constructions) {
    const char *t = analyze("Talks between Iran and the United States resumed in Vienna.");
    CHECK(has_phrase(t, "(NP (NP (NNS Talks)) (PP (IN between) (NP (NP (NNP Iran)) (CC and) (NP (DT the) (NNP United) (NNPS States)))))"));
    CHECK(has_phrase(t, "(VP (VBD resumed)"));
    /* a closing reporting clause becomes a sibling of the reported S */
    t = analyze("North Korea fired two missiles into the sea, South Korea's military said.");
    CHECK(has_phrase(t, "(ROOT (S (S (NP (NNP North) (NNP Korea)) (VP (VBD fired)"));
    CHECK(has_phrase(t, "(, ,) (NP (NP (NNP South) (NNP Korea) (POS 's)) (NN military)) (VP (VBD said))"));
    /* passive with a by-phrase, acronyms as proper nouns */
    t = analyze("The minister was killed by gunmen near the US embassy.");
    CHECK(has_phrase(t, "(VP (VBD was) (VP (VBN killed) (PP (IN by) (NP (NNS gunmen)))"));
    CHECK(has_phrase(t, "(NP (DT the) (NNP US) (NN embassy))"));
    /* quotes inside a reported clause, a subject with PPs and a parenthetical */
    t = analyze("Presidents of Arnor and Gondor said they \"oppose further enlargement\".");
    CHECK(has_phrase(t, "(VP (VBD said) (SBAR (S (NP (PRP they)) (`` ``) (VP (VB"));
    t = analyze("Lawmakers in Fornost and Gondor, in remarks published on Monday, welcomed the deal.");
    const ent_node *s = &S->nodes[S->nodes[0].first_child];
    const ent_node *subj = &S->nodes[s->first_child];
    CHECK_STR(subj->label, "NP");
    CHECK_STR(S->tokens[subj->tok_end].text, "welcomed");
}

/* Two threads analysing at once get the same trees as one thread alone (per-thread
 * scratch, the shared lexicon and word-feature tables are read-only after init). */
#include <pthread.h>

static const char *const MT_TEXTS[] = {
    "Arnor's president, who arrived on Monday, said that they would sign a deal.",
    "Talks between Iran and the United States resumed in Vienna.",
    "Gondor accused Arnor of attacking its border posts and vowed to retaliate.",
};

typedef struct mt_job { int which, ok; char want[1024]; } mt_job;

static void *mt_run(void *arg) {
    mt_job *j = arg;
    ent_sentence *s = ent_sentence_new();
    j->ok = 1;
    for (int r = 0; r < 300 && j->ok; r++) {
        const char *t = MT_TEXTS[(j->which + r) % 3];
        ent_sentence_analyze(s, t, strlen(t), NULL);
        if ((j->which + r) % 3 == j->which && strcmp(ent_sentence_to_ptb(s), j->want) != 0) j->ok = 0;
    }
    ent_sentence_free(s);
    return NULL;
}

TEST(analyze_is_thread_safe) {
    mt_job jobs[3];
    pthread_t th[3];
    for (int i = 0; i < 3; i++) {
        jobs[i].which = i;
        snprintf(jobs[i].want, sizeof jobs[i].want, "%s", analyze(MT_TEXTS[i]));
    }
    for (int i = 0; i < 3; i++) CHECK_INT(pthread_create(&th[i], NULL, mt_run, &jobs[i]), 0);
    for (int i = 0; i < 3; i++) pthread_join(th[i], NULL);
    for (int i = 0; i < 3; i++) CHECK(jobs[i].ok);
}

TEST(analyze_opening_phrase_with_a_verb_runs_to_its_comma) {
    /* the verb inside "With ... opposing ...," is not the main verb, and the NP list after
     * the comma is the subject, not a continuation of the phrase */
    const char *t = analyze("With the west opposing Russia's build-up and China's policy in Xinjiang, "
                            "Putin and Xi presented a united front.");
    CHECK(strstr(t, "(, ,) (NP (NP (NNP Putin)) (CC and) (NP (NNP Xi))) (VP (VBD presented)") != NULL);
    CHECK(strncmp(t, "(ROOT (S (PP (IN With) ", 23) == 0);
    /* no verb in the opening phrase: unchanged, an ordinary PP */
    CHECK_STR(analyze("After the talks, Russia signed a deal."),
              "(ROOT (S (PP (IN After) (NP (DT the) (NNS talks))) (, ,) (NP (NNP Russia)) (VP (VBD signed) (NP (DT a) (NN deal))) (. .)))");
    /* no clause after the comma: not an opening phrase */
    t = analyze("With Russia opposing the plan, and more.");
    CHECK(strstr(t, "(VBG opposing)") != NULL && strstr(t, "(IN With)") != NULL);
}

/* The example each row of chunker.c's rule tables gives in its comment builds the
 * phrase that comment shows (a row that stopped firing, or an example that stopped
 * holding, fails here).  {sentence, a piece its tree must hold}. */
TEST(chunker_rule_examples) {
    static const char *const EX[][2] = {
        /* VP_RULES */
        {"Arnor called off the talks.", "(VP (VBD called) (PRT (RP off))"},
        {"Arnor pulled out of the deal.", "(VP (VBD pulled) (PRT (IN out)) (PP (IN of) (NP (DT the) (NN deal))))"},
        {"Arnor attacked Gondor again.", "(NP (NNP Gondor)) (ADVP (RB again)))"},
        {"Arnor agreed to meet Gondor.", "(VP (VBD agreed) (S (VP (TO to) (VP (VB meet)"},
        {"Arnor met Gondor after crowds trashed its embassy.", "(SBAR (IN after) (S (NP (NNS crowds)) (VP (VBD trashed)"},
        {"Arnor accused Gondor of attacking Rohan.", "(PP (IN of) (S (VP (VBG attacking) (NP (NNP Rohan)))))"},
        {"Arnor met Gondor in Osgiliath.", "(PP (IN in) (NP (NNP Osgiliath)))"},
        {"Arnor said Gondor attacked Rohan.", "(VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD attacked)"},
        {"Arnor restored ties almost five years after crowds trashed its embassy.",
         "(SBAR (NP (RB almost) (CD five) (NNS years)) (IN after) (S (NP (NNS crowds))"},
        {"Two soldiers were shot dead by Gondor.", "(VP (VBN shot) (ADJP (JJ dead)) (PP (IN by)"},
        {"Osgiliath is a neat place to visit.", "(NP (DT a) (JJ neat) (NN place) (S (VP (TO to) (VP (VB visit)))))"},
        {"Arnor urged Eriador to respond.", "(VP (VBD urged) (S (NP (NNP Eriador)) (VP (TO to) (VP (VB respond)))))"},
        {"Arnor kept fighting Gondor.", "(VP (VBD kept) (S (VP (VBG fighting) (NP (NNP Gondor)))))"},
        {"Arnor met Gondor and signed a deal.", "(VP (VP (VBD met) (NP (NNP Gondor))) (CC and) (VP (VBD signed)"},
        /* VERB_GROUP_RULES */
        {"Arnor will meet Gondor.", "(VP (MD will) (VP (VB meet) (NP (NNP Gondor))))"},
        {"Arnor has to respond.", "(VP (VBZ has) (S (VP (TO to) (VP (VB respond)))))"},
        {"Arnor is about to restore ties with Gondor.", "(VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore)"},
        /* SUBJECT_RULES */
        {"Officials, who arrived on Monday, met Gondor.",
         "(NP (NP (NNS Officials)) (, ,) (SBAR (WHNP (WP who)) (S (VP (VBD arrived)"},
        {"Lawmakers in Fornost, in remarks published on Monday, welcomed the deal.",
         "(NP (NP (NNS Lawmakers)) (PP (IN in) (NP (NNP Fornost))) (, ,) (PP (IN in) (NP (NNS remarks))) (VP (VBD published)"},
        {"Gondor, however, rejected the deal.", "(NP (NP (NNP Gondor)) (, ,) (ADVP (RB however)) (, ,))"},
        /* INTRO_RULES */
        {"Despite Arnor having warned Gondor, Rohan attacked.",
         "(PP (IN Despite) (NP (NNP Arnor)) (VP (VBG having) (VP (VBN warned) (NP (NNP Gondor))))) (, ,) (NP (NNP Rohan))"},
        /* CLAUSE_RULES */
        {"Signing the deal, Arnor praised Gondor.", "(S (S (VP (VBG Signing) (NP (DT the) (NN deal)))) (, ,) (NP (NNP Arnor))"},
        {"After Gondor attacked, Arnor recalled its ambassador.", "(S (SBAR (IN After) (S (NP (NNP Gondor)) (VP (VBD attacked)))) (, ,)"},
        {"On Monday, Arnor attacked Gondor.", "(S (PP (IN On) (NP (NNP Monday))) (, ,) (NP (NNP Arnor))"},
        {"Five years ago, Arnor attacked Gondor.", "(S (NP (CD Five) (NNS years)) (ADVP (RB ago)) (, ,)"},
        {"Separately, Arnor attacked Gondor.", "(S (ADVP (RB Separately)) (, ,) (NP (NNP Arnor))"},
        {"But Arnor attacked Gondor.", "(ROOT (S (CC But) (NP (NNP Arnor))"},
        /* AFTER_VP_RULES */
        {"Arnor attacked Gondor, and Rohan recalled its ambassador.",
         "(S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (, ,) (CC and) (S (NP (NNP Rohan))"},
        {"Arnor will attack Gondor, officials said.", "(, ,) (NP (NNS officials)) (VP (VBD said)) (. .)))"},
        {"Arnor attacked Gondor -- after Rohan fled.", "(: --) (SBAR (IN after) (S (NP (NNP Rohan)) (VP (VBD fled))))"},
        {"Arnor attacked Gondor, in a statement.", "(, ,) (PP (IN in) (NP (DT a) (NN statement))) (. .)"},
        {"Arnor attacked Gondor -- killing ten people.", "(: --) (VP (VBG killing) (NP (CD ten) (NNS people)))"},
    };
    for (size_t i = 0; i < sizeof EX / sizeof *EX; i++) {
        const char *tree = analyze(EX[i][0]);
        if (!strstr(tree, EX[i][1])) fprintf(stderr, "  %s\n  -> %s\n  wants %s\n", EX[i][0], tree, EX[i][1]);
        CHECK(strstr(tree, EX[i][1]) != NULL);
    }
}

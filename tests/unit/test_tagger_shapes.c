/* test_tagger_shapes.c — tree shapes the chunker gives raw text so that the coder reads
 * it as it reads a parser's tree: coordinated adjectives (ADJP), where noun coordination
 * is flat, PPs after a coordinated object, sentence-initial datelines, and verbs the
 * tagger recovers from adjective readings. */
#include "test.h"
#include "syntax/tagger.h"

static const char *tree(const char *text) {
    static ent_sentence *s;
    if (!s) s = ent_sentence_new();
    CHECK_INT(ent_sentence_analyze(s, text, strlen(text), NULL), ENT_OK);
    return ent_sentence_to_ptb(s);
}

TEST(shape_coordinated_adjectives_form_adjp) {
    CHECK_STR(tree("Ithilen's awful and evil minister warned Gondor."),
              "(ROOT (S (NP (NP (NNP Ithilen) (POS 's)) (ADJP (JJ awful) (CC and) (JJ evil)) (NN minister)) "
              "(VP (VBD warned) (NP (NNP Gondor))) (. .)))");
    /* a single adjective stays a plain NP word */
    CHECK(strstr(tree("The evil minister warned Gondor."), "ADJP") == NULL);
}

TEST(shape_noun_coordination_flat_or_split) {
    /* bare nouns: one flat NP */
    CHECK_STR(tree("Danish media and government warned Gondor."),
              "(ROOT (S (NP (JJ Danish) (NNS media) (CC and) (NN government)) (VP (VBD warned) (NP (NNP Gondor))) (. .)))");
    /* after a determiner, nouns of different number: two NPs */
    CHECK_STR(tree("The Danish media and government warned Gondor."),
              "(ROOT (S (NP (NP (DT The) (JJ Danish) (NNS media)) (CC and) (NP (NN government))) "
              "(VP (VBD warned) (NP (NNP Gondor))) (. .)))");
    /* same number after a determiner: flat again */
    CHECK(strstr(tree("The lawmakers and officials warned Gondor."), "(NP (DT The) (NNS lawmakers) (CC and) (NNS officials))") != NULL);
}

TEST(shape_pp_after_coordinated_object) {
    CHECK_STR(tree("Arnor will abandon talks and diplomatic ties with Gondor."),
              "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB abandon) (NP (NP (NNS talks)) (CC and) "
              "(NP (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor))))))) (. .)))");
    /* a simple object leaves the PP in the VP */
    CHECK_STR(tree("Arnor will abandon diplomatic ties with Gondor."),
              "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB abandon) (NP (JJ diplomatic) (NNS ties)) "
              "(PP (IN with) (NP (NNP Gondor))))) (. .)))");
}

TEST(shape_dateline_fragment) {
    CHECK_STR(tree("CEBU CITY: -- Officials met the mayor."),
              "(ROOT (NP (NP (NNP CEBU) (NNP CITY)) (: :) (: --) (S (NP (NNS Officials)) (VP (VBD met) "
              "(NP (DT the) (NN mayor)))) (. .)))");
    CHECK_STR(tree("MANILA, PHILIPPINES -- Officials met the mayor."),
              "(ROOT (NP (NP (NNP MANILA)) (, ,) (NP (NNPS PHILIPPINES)) (: --) (S (NP (NNS Officials)) (VP (VBD met) "
              "(NP (DT the) (NN mayor)))) (. .)))");
    /* not a dateline: lower-case letters, or nothing after the dash */
    CHECK(strncmp(tree("Cebu City: officials met the mayor."), "(ROOT (NP", 9) != 0);
    CHECK(strncmp(tree("CEBU CITY --"), "(ROOT (NP (NP", 13) != 0);
}

TEST(tagger_verb_from_adjective_reading) {
    CHECK_STR(tree("Fornost and Gondor welcome a resumption of talks."),
              "(ROOT (S (NP (NNP Fornost) (CC and) (NNP Gondor)) (VP (VBP welcome) (NP (NP (DT a) (NN resumption)) "
              "(PP (IN of) (NP (NNS talks))))) (. .)))");
}

TEST(shape_measure_before_subordinator_and_lone_adjectives) {
    /* (SBAR (NP almost five years) (IN after) (S ...)) as the Treebank has it */
    CHECK_STR(tree("Arnor restored ties two years after crowds burned its embassy."),
              "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (SBAR (NP (CD two) (NNS years)) (IN after) "
              "(S (NP (NNS crowds)) (VP (VBD burned) (NP (PRP$ its) (NN embassy)))))) (. .)))");
    /* an adjective with no noun after a verb is an ADJP, not an NP */
    CHECK_STR(tree("An envoy was shot dead in Osgiliath."),
              "(ROOT (S (NP (DT An) (NN envoy)) (VP (VBD was) (VP (VBN shot) (ADJP (JJ dead)) (PP (IN in) (NP (NNP Osgiliath))))) (. .)))");
    /* but a coordinated adjective still starts a coordinated object */
    CHECK(strstr(tree("Arnor will abandon full & close ties with Gondor."), "(ADJP (JJ full))") == NULL);
}

TEST(shape_proper_noun_list_before_common_noun_nests) {
    CHECK_STR(tree("Bree will meet Eriadori and Calenardhon leaders on Sunday."),
              "(ROOT (S (NP (NNP Bree)) (VP (MD will) (VP (VB meet) (NP (NP (NNP Eriadori) (CC and) (NNP Calenardhon)) "
              "(NNS leaders)) (PP (IN on) (NP (NNP Sunday))))) (. .)))");
    /* without a common noun after it the list stays flat */
    CHECK(strstr(tree("Bree will meet Eriadori and Calenardhon on Sunday."),
                 "(NP (NNP Eriadori) (CC and) (NNP Calenardhon))") != NULL);
}

/* test_tagger_news.c — tagger/chunker fixes found on wire news: a verb after a
 * sentence-initial proper noun, British doubled-l past forms, noun modifiers that look
 * like verbs ("tear gas", "advanced chips"), hyphenated capitalised names and a
 * noun-or-adjective head before the main verb. */
#include "test.h"
#include "syntax/tagger.h"

static ent_sentence *S;

/* the tags of text's tokens, space-separated (static buffer) */
static const char *tags_of(const char *text) {
    static char out[1024];
    if (!S) S = ent_sentence_new();
    CHECK_INT(ent_sentence_analyze(S, text, strlen(text), NULL), ENT_OK);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < S->ntokens && o < sizeof out; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? " " : "", S->tokens[i].tag);
    return out;
}

TEST(tagger_news_verb_after_proper_noun_subject) {
    CHECK_STR(tags_of("Iran shot down a drone."), "NNP VBD RP DT NN .");
    CHECK_STR(tags_of("Egypt cut diplomatic ties with Qatar."), "NNP VBD JJ NNS IN NNP .");
    /* the verb heads a VP with the object inside it */
    CHECK(strstr(ent_sentence_to_ptb(S), "(VP (VBD cut) (NP (JJ diplomatic) (NNS ties))") != NULL);
    /* once the clause has its verb, a later noun after a name stays a noun */
    CHECK_STR(tags_of("Officials said Iran shot a drone."), "NNS VBD NNP VBD DT NN .");
    CHECK_STR(tags_of("Arnor signed the Gondor cut deal."), "NNP VBD DT NNP NN NN .");
}

TEST(tagger_news_british_doubled_l) {
    CHECK_STR(tags_of("Macron travelled to India."), "NNP VBD TO NNP .");
    CHECK_STR(tags_of("The ministry cancelled the visit."), "DT NN VBD DT NN .");
    /* words the lexicon lacks take the American form's readings */
    CHECK_STR(tags_of("Arnor fuelled the conflict."), "NNP VBD DT NN .");
    CHECK_STR(tags_of("Gondor is signalling a change."), "NNP VBZ VBG DT NN .");
}

TEST(tagger_news_noun_modifiers) {
    CHECK_STR(tags_of("Police fired tear gas at protesters."), "NNP VBD NN NN IN NNS .");
    CHECK_STR(tags_of("Tokyo restricted sales of advanced chips to Beijing."),
              "NNP VBD NNS IN JJ NNS TO NNP .");
    /* a causative keeps its bare verb */
    CHECK_STR(tags_of("They helped build schools."), "PRP VBD VB NNS .");
}

TEST(tagger_news_hyphenated_name) {
    CHECK_STR(tags_of("Al-Sharaa accused Iran of supporting militias."), "NNP VBD NNP IN VBG NNS .");
    /* a hyphenated adjective at the start of a sentence stays one */
    CHECK_STR(tags_of("Anti-government protesters marched."), "JJ NNS VBD .");
}

TEST(tagger_news_head_noun_before_verb) {
    CHECK_STR(tags_of("The European Union's foreign policy chief condemned the attack."),
              "DT JJ NNP POS JJ NN NN VBD DT NN .");
    CHECK(strstr(ent_sentence_to_ptb(S), "(VP (VBD condemned) (NP (DT the) (NN attack)))") != NULL);
}

TEST(tagger_news_pronoun_and_noun_subjects) {
    /* a reported clause with a pronoun subject, a phrasal verb and a coordinated past */
    CHECK_STR(tags_of("Pakistan said it shot down two jets and captured a pilot."),
              "NNP VBD PRP VBD RP CD NNS CC VBD DT NN .");
    /* a common-noun subject */
    CHECK_STR(tags_of("A fighter jet shot down a balloon."), "DT NN NN VBD RP DT NN .");
    /* a participle after "and" stays one when the first verb is passive */
    CHECK_STR(tags_of("Two men were arrested and charged."), "CD NNS VBD VBN CC VBN .");
}

TEST(tagger_news_gerunds_as_nouns_and_adjectives) {
    CHECK_STR(tags_of("Putin condemned the downing of the jet."), "NNP VBD DT NN IN DT NN .");
    CHECK_STR(tags_of("Trump announced sweeping tariffs."), "NNP VBD JJ NNS .");
    /* a gerund taking an object after a verb stays a verb */
    CHECK_STR(tags_of("Arnor stopped sending troops."), "NNP VBD VBG NNS .");
}

TEST(tagger_news_plural_noun_as_present_verb) {
    /* the lexicon knows "fines" only as a noun; "fine" is also a verb */
    CHECK_STR(tags_of("The EU fines Google for abusing its dominance."), "DT NNP VBZ NNP IN VBG PRP$ NN .");
    /* a plural of a noun that is no verb stays a noun */
    CHECK_STR(tags_of("Arnor sent soldiers to Gondor."), "NNP VBD NNS TO NNP .");
}

TEST(tagger_news_prefixed_verbs_and_np_heads) {
    /* "retook" is not in the lexicon; "took" is a past tense */
    CHECK_STR(tags_of("Syrian forces retook the city."), "JJ NNS VBD DT NN .");
    /* a noun-or-adjective before a preposition heads its noun phrase */
    CHECK_STR(tags_of("Arnor began a lightning offensive in the north."), "NNP VBD DT NN NN IN DT NN .");
    /* before a noun it stays an adjective */
    CHECK_STR(tags_of("Arnor began an offensive operation."), "NNP VBD DT JJ NN .");
}

TEST(tagger_news_verbless_clause_prefers_past_tense) {
    /* no verb found: "cut" (VBD) wins over reading "ties" as a present verb */
    CHECK_STR(tags_of("Mali's junta cut ties with Ukraine."), "NNP POS NN VBD NNS IN NNP .");
    CHECK(strstr(ent_sentence_to_ptb(S), "(VP (VBD cut) (NP (NNS ties))") != NULL);
    /* a clause that has its verb is left alone */
    CHECK_STR(tags_of("The budget cut angered Gondor."), "DT NN NN VBD NNP .");
}

TEST(tagger_news_participle_after_possessive_and_initial_nationality) {
    /* a past form between a possessive or determiner and a noun modifies the noun */
    CHECK_STR(tags_of("Iran's armed forces fired missiles."), "NNP POS JJ NNS VBD NNS .");
    CHECK(strstr(ent_sentence_to_ptb(S), "(JJ armed) (NNS forces)") != NULL);
    CHECK_STR(tags_of("The detained journalists were freed."), "DT JJ NNS VBD VBN .");
    CHECK_STR(tags_of("Yemen's warring parties agreed."), "NNP POS JJ NNS VBD .");
    /* a gerund heading "of" is still a noun */
    CHECK_STR(tags_of("The killing of civilians continued."), "DT NN IN NNS VBD .");
    /* ... but not after a form of "be": "were armed" stays a participle */
    CHECK_STR(tags_of("The rebels were armed by Iran."), "DT NNS VBD VBN IN NNP .");
    /* a capitalised first word read as a base verb before a noun and a verb: a nationality */
    CHECK_STR(tags_of("Polish lawmakers approved the bill."), "NNP NNS VBD DT NN .");
    /* an imperative that is not followed by noun + verb stays a verb */
    CHECK_STR(tags_of("Stop the war now."), "VB DT NN RB .");
}

TEST(tagger_news_that_as_determiner_after_a_preposition) {
    /* "that" before a noun after a preposition (or first) is a determiner: the noun
     * phrase stays whole, (PP (IN against) (NP (DT that) (NN plan))) */
    CHECK_STR(tags_of("Russia protested against that plan by Ukraine."), "NNP VBD IN DT NN IN NNP .");
    CHECK(strstr(ent_sentence_to_ptb(S), "(PP (IN against) (NP (DT that) (NN plan)))") != NULL);
    CHECK_STR(tags_of("Poland criticized Ukraine over that decision to expel diplomats."),
              "NNP VBD NNP IN DT NN TO VB NNS .");
    CHECK_STR(tags_of("In that case, Arnor attacked Gondor."), "IN DT NN , NNP VBD NNP .");
    /* not before a noun, or after a verb: the complementiser; after a noun before a verb:
     * the relative pronoun */
    CHECK_STR(tags_of("Arnor said that Gondor attacked."), "NNP VBD IN NNP VBD .");
    CHECK_STR(tags_of("The group that attacked Gondor fled."), "DT NN WDT VBD NNP VBD .");
}

TEST(tagger_news_adjective_or_participle_after_have) {
    /* a word the lexicon lists first as an adjective is the participle after have, so
     * the verb group nests: (VP (VBZ has) (VP (VBN brokered) ...)) */
    CHECK_STR(tags_of("Qatar has brokered a ceasefire between Israel and Hamas."), "NNP VBZ VBN DT NN IN NNP CC NNP .");
    CHECK(strstr(ent_sentence_to_ptb(S), "(VP (VBZ has) (VP (VBN brokered)") != NULL);
    CHECK_STR(tags_of("The United States has embargoed oil shipments to Iran."), "DT NNP NNPS VBZ VBN NN NNS TO NNP .");
    CHECK_STR(tags_of("Russia has disarmed the rebels."), "NNP VBZ VBN DT NNS .");
    /* without have the adjective stays */
    CHECK_STR(tags_of("The disarmed rebels fled."), "DT JJ NNS VBD .");
}

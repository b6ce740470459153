/* test_coder_news.c — coder behaviour on shapes common in wire text, with small inline
 * dictionaries and hand-written Penn parses (so the tests do not depend on the tagger):
 * a fronted phrase + comma before the subject, passive voice with a BY agent, reduced
 * relative clauses after the main verb, and verb_text holding the verb and the pattern
 * words in sentence order. */
#include "coder_fixture.h"
#include "entente.h"

#include <unistd.h>

static const char *NW_VERBS =
    "--- ACCUSE [112] ---\nACCUSE\n- * + OF SPYING [1125]\n\n"
    "--- KILL [190] ---\nKILL {KILLED KILLS KILLING}\nCLASH\n- % * [190]\n\n"
    "--- MEDIATE [045] ---\nMEDIATE {MEDIATED}\n\n"
    "--- FREE [084] ---\nFREE {FREED}\n- * PRISONERS TO + [0841]\n\n"
    "--- PLEDGE [030] ---\nPLEDGE\n- * AID TO + [033]\n\n"
    "--- SIGN [057] ---\nSIGN\n- % * STATEMENT [057]\n- * STATEMENT WITH + [057]\n\n"
    "--- SAY [010] ---\nSAY {SAID}\n\n"
    "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZED}\n\n"
    "--- ANNOUNCE [010] ---\nANNOUNCE\n- * BOYCOTT OF + [143]\n- * BOYCOTT [143]\n\n"
    "--- AGREE [030] ---\nAGREE\n- * TO PROVIDE TANKS [0332]\n\n"
    "--- PROVIDE [070] ---\nPROVIDE\n- * TANKS TO + [0332]\n\n"
    "--- SEND [070] ---\nSEND {SENT}\n\n";
static const char *NW_ACTORS =
    "RUSSIA [RUS]\nUKRAINE [UKR]\nISRAELI [ISR]\nHEZBOLLAH [LBNREB]\nQATAR [QAT]\nHAMAS [PSEHMS]\n"
    "ARNOR [ARN]\nGONDOR [GON]\nCHINESE [CHN]\nINDIAN [IND]\nXI [CHNGOV]\nPUTIN [RUSGOV]\nOLYMPICS [CHN]\n";
static const char *NW_AGENTS = "SOLDIERS [~MIL]\nFIGHTERS [~UAF]\nTANKS [~MIL]\nOFFICERS [~COP]\n";

typedef cfx nwfx;
static int nw_open(nwfx *f) { return cfx_open(f, NW_VERBS, NW_ACTORS, NW_AGENTS); }
static void nw_close(nwfx *f) { cfx_close(f); }

/* Code one Penn parse; returns the events as "SRC>TGT:CODE" joined by spaces. */
static const char *nw_code(nwfx *f, const char *ptb) { return cfx_code(f, NULL, ptb, 1, 0); }

#define NW_OPEN(f) nwfx f; if (!nw_open(&f)) { CHECK(!"fixture dictionaries load"); nw_close(&f); return; }

TEST(coder_news_fronted_phrase_keeps_subject) {
    NW_OPEN(f);
    const char *core = "(NP (NNP Russia)) (VP (VBD accused) (NP (NNP Ukraine)) (PP (IN of) (S (VP (VBG spying)))))";
    char b[1024];
    /* plain */
    snprintf(b, sizeof b, "(ROOT (S %s (. .)))", core);
    CHECK_STR(nw_code(&f, b), "RUS>UKR:1125");
    /* "On Monday, ...": the clause after the only comma holds the main verb */
    snprintf(b, sizeof b, "(ROOT (S (PP (IN On) (NP (NNP Monday))) (, ,) %s (. .)))", core);
    CHECK_STR(nw_code(&f, b), "RUS>UKR:1125");
    snprintf(b, sizeof b, "(ROOT (S (ADVP (RB Separately)) (, ,) %s (. .)))", core);
    CHECK_STR(nw_code(&f, b), "RUS>UKR:1125");
    snprintf(b, sizeof b,
             "(ROOT (S (PP (IN In) (NP (NP (DT a) (NN statement)) (PP (IN on) (NP (NNP Friday))))) (, ,) %s (. .)))",
             core);
    CHECK_STR(nw_code(&f, b), "RUS>UKR:1125");
    /* a fronted phrase followed by a short parenthetical: still the main clause */
    CHECK_STR(nw_code(&f, "(ROOT (S (PP (IN On) (NP (NNP Monday))) (, ,) (NP (NNP Russia)) (VP (VBD accused) "
                          "(NP (NNP Ukraine)) (, ,) (PP (IN of) (S (VP (VBG spying))))) (. .)))"),
              "RUS>UKR:112");
    /* a terminal comma clause after a verb is still deleted (comma_emin/emax) */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD accused) (NP (NNP Gondor))) (, ,) "
                          "(NP (NNP Russia)) (VP (VBD accused) (NP (NNP Ukraine))) (. .)))"),
              "ARN>GON:112");
    nw_close(&f);
}

TEST(coder_news_passive_by_agent_is_source) {
    NW_OPEN(f);
    /* WERE + participle + BY: the BY agent is the source */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (CD Two) (JJ Israeli) (NNS soldiers)) (VP (VBD were) (VP (VBN killed) "
                          "(PP (IN by) (NP (NNP Hezbollah) (NNS fighters))))) (. .)))"),
              "LBNREBUAF>ISRMIL:190");
    /* modal chain: will be killed by */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB be) (VP (VBN killed) "
                          "(PP (IN by) (NP (NNP Gondor)))))) (. .)))"),
              "GON>ARN:190");
    /* active voice unchanged */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD killed) (NP (NNP Arnor))) (. .)))"), "GON>ARN:190");
    /* BY inside a nested clause is not the agent of the participle: the passive has no
     * agent, and an agentless passive codes nothing (Qatar did not kill Arnor) */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN killed) (NP (NNP Gondor)) "
                          "(SBAR (IN after) (S (NP (NNP Qatar)) (VP (VBD stood) (PP (IN by))))))) (. .)))"),
              "");
    nw_close(&f);
}

TEST(coder_news_reduced_relative_not_main_verb) {
    NW_OPEN(f);
    /* "mediated by Qatar" modifies the deal; the main verb's event is kept, the
     * participle codes nothing of its own */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Hamas)) (VP (VBD freed) (NP (NNS prisoners)) (PP (TO to) (NP (NNP Arnor))) "
                          "(PP (IN under) (NP (DT a) (NN deal)))) (VP (VBN mediated) (PP (IN by) (NP (NNP Qatar)))) "
                          "(. .)))"),
              "PSEHMS>ARN:0841");
    /* a participle after a comma-less coordination with a finite verb is still a verb */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Qatar)) (VP (VBD mediated) (PP (IN between) (NP (NNP Arnor)))) (. .)))"),
              "QAT>ARN:045");
    nw_close(&f);
}

TEST(coder_news_verb_text_has_pattern_words) {
    NW_OPEN(f);
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD pledged) (NP (NN aid)) (PP (TO to) (NP (NNP Gondor)))) (. .)))"),
              "ARN>GON:033");
    if (ent_events_count(f.ev) == 1) CHECK_STR(ent_events_get(f.ev, 0)->verb_text, "PLEDGED AID TO");
    /* a verb without a pattern: the verb alone */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD killed) (NP (NNP Arnor))) (. .)))"), "GON>ARN:190");
    if (ent_events_count(f.ev) == 1) CHECK_STR(ent_events_get(f.ev, 0)->verb_text, "KILLED");
    /* pattern words after the target, in sentence order */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Russia)) (VP (VBD accused) (NP (NNP Ukraine)) (PP (IN of) (S (VP (VBG spying))))) (. .)))"),
              "RUS>UKR:1125");
    if (ent_events_count(f.ev) == 1) CHECK_STR(ent_events_get(f.ev, 0)->verb_text, "ACCUSED OF SPYING");
    nw_close(&f);
}

TEST(coder_news_fronted_participle_and_appositive) {
    NW_OPEN(f);
    /* "According to officials," is a fronted phrase even though it holds a VBG */
    CHECK_STR(nw_code(&f, "(ROOT (S (PP (VBG According) (PP (TO to) (NP (NNS officials)))) (, ,) (NP (NNP Russia)) "
                          "(VP (VBD accused) (NP (NNP Ukraine)) (PP (IN of) (S (VP (VBG spying))))) (. .)))"),
              "RUS>UKR:1125");
    /* commas of a relative clause inside the subject do not cut the subject off */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NP (NNP Russia)) (, ,) (SBAR (WHNP (WDT which)) (S (VP (VBZ denies) (NP (PRP it))))) (, ,)) "
                          "(VP (VBD accused) (NP (NNP Ukraine)) (PP (IN of) (S (VP (VBG spying))))) (. .)))"),
              "RUS>UKR:1125");
    /* a participial parenthetical is deleted and the subject reaches the main verb, even
     * when both participles are tagged VBN */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Hezbollah) (NNS fighters)) (, ,) (VP (VBN backed) (PP (IN by) (NP (NNP Qatar)))) (, ,) "
                          "(VP (VBN killed) (NP (JJ Israeli) (NNS soldiers))) (. .)))"),
              "LBNREBUAF>ISRMIL:190");
    /* a fronted clause with a finite verb of its own keeps the main clause */
    CHECK_STR(nw_code(&f, "(ROOT (S (SBAR (IN After) (S (NP (NNP Qatar)) (VP (VBD slept)))) (, ,) (NP (NNP Russia)) "
                          "(VP (VBD accused) (NP (NNP Ukraine)) (PP (IN of) (S (VP (VBG spying))))) (. .)))"),
              "RUS>UKR:1125");
    nw_close(&f);
}

TEST(coder_news_compound_subject_without_target) {
    NW_OPEN(f);
    /* a cooperative act of a compound subject with no target: each member toward the other */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Xi) (CC and) (NNP Putin)) (VP (VBD signed) (NP (DT a) (JJ joint) (NN statement))) (. .)))"),
              "CHNGOV>RUSGOV:057 RUSGOV>CHNGOV:057");
    /* a place is not a target of a cooperative act of a compound subject */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD mediated) (PP (IN in) (NP (NNP Qatar)))) (. .)))"),
              "ARN>GON:045 GON>ARN:045");
    /* a hostile act without a target is not turned into one between the members */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD criticized) (NP (DT the) (NN plan))) (. .)))"), "");
    /* a coded target is used as before */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD criticized) (NP (NNP Qatar))) (. .)))"),
              "ARN>QAT:111 GON>QAT:111");
    nw_close(&f);
}

TEST(coder_news_pattern_target_choice) {
    NW_OPEN(f);
    /* "STATEMENT WITH +" binds an uncoded phrase in a nested clause: the shorter pattern
     * with the compound subject wins */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Xi) (CC and) (NNP Putin)) (VP (VBD signed) (NP (NP (DT a) (NN statement)) "
                          "(VP (VBG declaring) (NP (NN partnership)) (PP (IN with) (NP (DT no) (NNS limits)))))) (. .)))"),
              "CHNGOV>RUSGOV:057 RUSGOV>CHNGOV:057");
    /* "BOYCOTT OF +" inside one "X of Y" noun phrase */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD announced) (NP (NP (DT a) (JJ diplomatic) (NN boycott)) "
                          "(PP (IN of) (NP (DT the) (NNP Olympics))))) (. .)))"),
              "ARN>CHN:143");
    if (ent_events_count(f.ev) == 1) CHECK_STR(ent_events_get(f.ev, 0)->verb_text, "ANNOUNCED BOYCOTT OF");
    /* the governing verb's pattern over the infinitive; the target is not the pattern's
     * own words (TANKS, an agent) but the country */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD agreed) (S (VP (TO to) (VP (VB provide) (NP (NNS tanks)) "
                          "(PP (TO to) (NP (NNP Arnor))))))) (. .)))"),
              "GON>ARN:0332");
    if (ent_events_count(f.ev) == 1) CHECK_STR(ent_events_get(f.ev, 0)->verb_text, "AGREED TO PROVIDE TANKS");
    nw_close(&f);
}

TEST(coder_news_statement_yields_to_reported_clause) {
    NW_OPEN(f);
    /* "X said it killed Y": the reported act, with the pronoun left to the speaker */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (VBD killed) (NP (NNP Gondor)))))) (. .)))"),
              "ARN>GON:190");
    /* a reported clause that codes nothing leaves the statement itself */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (PP (TO to) (NP (NNP Gondor))) (SBAR (S (NP (PRP it)) (VP (VBD slept))))) (. .)))"),
              "ARN>GON:010");
    /* a reported intention ("said it would kill") is not the act: the statement stays */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (MD would) (VP (VB kill) "
                          "(NP (NNP Gondor))))))) (. .)))"),
              "ARN>GON:010");
    nw_close(&f);
}

TEST(coder_news_nationality_compound) {
    NW_OPEN(f);
    /* "Chinese and Indian troops": one actor per nationality, sharing the noun */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (JJ Chinese) (CC and) (JJ Indian) (NNS soldiers)) (VP (VBD clashed)) (. .)))"),
              "CHNMIL>INDMIL:190 INDMIL>CHNMIL:190");
    /* the chunker's shape: the modifiers in a phrase of their own */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (ADJP (JJ Chinese) (CC and) (JJ Indian)) (NNS soldiers)) (VP (VBD clashed)) (. .)))"),
              "CHNMIL>INDMIL:190 INDMIL>CHNMIL:190");
    /* an upper % of a hostile act with a coded direct object: the object is the target */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (JJ Chinese) (CC and) (JJ Indian) (NNS soldiers)) (VP (VBD killed) (NP (NNP Gondor))) (. .)))"),
              "CHNMIL>GON:190 INDMIL>GON:190");
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Qatar)) (VP (VBD clashed) (PP (IN in) (NP (NNP Gondor)))) (. .)))"),
              "ARN>QAT:190 QAT>ARN:190");
    /* lower-case modifiers stay one phrase */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD pledged) (NP (JJ economic) (CC and) (JJ military) (NN aid)) "
                          "(PP (TO to) (NP (NNP Gondor)))) (. .)))"),
              "ARN>GON:033");
    nw_close(&f);
}

TEST(coder_news_country_of_to_phrase_over_agent_object) {
    NW_OPEN(f);
    /* a country-less object sent to a country: the country is the target */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NNS officers)) (PP (TO to) (NP (NNP Gondor)))) (. .)))"),
              "ARN>GON:070");
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NNS officers)) (PP (TO to) (NP (NNP Gondor) (CC and) (NNP Qatar)))) (. .)))"),
              "ARN>GON:070 ARN>QAT:070");
    /* not for other prepositions: the agent stays the target */
    CHECK_STR(nw_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD killed) (NP (NNS officers)) (PP (IN in) (NP (NNP Gondor)))) (. .)))"),
              "ARN>---COP:190");
    nw_close(&f);
}

/* test_coder_petrarch.c — PETRARCH pattern semantics over small inline dictionaries and
 * invented sentences, each from raw text and from a Penn parse: a pattern written for one
 * verb of its block (its comment names it) applies to that verb only; a phrasal verb
 * (verb + particle) is not coded by a pattern that says nothing after the verb but actors,
 * nor by the bare verb's code; PETRARCH-2 "[:110]" codes the reversed event; a temporal
 * NP-TMP is no target phrase. */
#include "coder_fixture.h"

static const char *ACTORS = "IRAN [IRN]\n+IRANIAN\nIRAQ [IRQ]\n+IRAQI\nCHILE [CHL]\nPERU [PER]\n+PERUVIAN\n"
                            "RUSSIA [RUS]\n+RUSSIAN\nPOLAND [POL]\n";
static const char *AGENTS = "SOLDIER [~MIL]\nAMBASSADOR [~GOV]\nMINISTER [~GOV]\nCOURT [~JUD]\n";

/* Code raw text (ptb 0) or a Penn parse (ptb 1) with PETRARCH's default options. */
static const char *code(cfx *f, const char *text, int ptb) {
    ent_coder_options o;
    ent_coder_options_default(&o);
    return cfx_code(f, &o, text, ptb, 0);
}

/* "- $ * + [040] # SUMMON" applies to SUMMON, not to the block's other verbs. */
TEST(coder_pattern_for_its_comment_verb) {
    static const char *verbs =
        "--- MOBILIZE [150] ---\nMOBILIZE\nSUMMON [150]\n+CALL_UP\n"
        "- $ * + [040]  # SUMMON <xx 01 Jan 2024>\n"
        "- * + TO ARMS [154]\n";                      /* no verb named: every verb */
    cfx f;
    CHECK(cfx_open(&f, verbs, ACTORS, AGENTS));
    if (f.d) {
        CHECK_STR(code(&f, "Iran summoned the Iraqi ambassador.", 0), "IRN>IRQGOV:040");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Iran)) (VP (VBD summoned) (NP (DT the) (JJ Iraqi) (NN ambassador))) (. .)))", 1),
                  "IRN>IRQGOV:040");
        /* the SUMMON pattern does not make a summons of "called up" or "mobilized" */
        CHECK_STR(code(&f, "Iran called up Iraqi soldiers.", 0), "IRN>IRQMIL:150");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Iran)) (VP (VBD called) (PRT (RP up)) (NP (JJ Iraqi) (NNS soldiers))) (. .)))", 1),
                  "IRN>IRQMIL:150");
        CHECK_STR(code(&f, "Iran mobilized Iraqi soldiers.", 0), "IRN>IRQMIL:150");
        /* a pattern without a verb in its comment still serves them all */
        CHECK_STR(code(&f, "Iran mobilized Iraqi soldiers to arms.", 0), "IRN>IRQMIL:154");
        CHECK_STR(code(&f, "Iran called up Iraqi soldiers to arms.", 0), "IRN>IRQMIL:154");
        /* nothing to code: no target */
        CHECK_STR(code(&f, "Iran summoned nobody.", 0), "");
    }
    cfx_close(&f);
}

/* A verb + particle the dictionary does not name is another verb. */
TEST(coder_phrasal_verb_needs_its_particle) {
    static const char *verbs =
        "--- CALL [040] ---\nCALL\n- $ * + [040]\n\n"
        "--- CUT [160] ---\nCUT {CUTS CUTTING}\n- * GAS [162]\n- * OFF TIES WITH + [160]\n";
    cfx f;
    CHECK(cfx_open(&f, verbs, ACTORS, AGENTS));
    if (f.d) {
        CHECK_STR(code(&f, "Iran called Iraq.", 0), "IRN>IRQ:040");
        /* "called up" / "called off": neither the bare pattern nor the verb code */
        CHECK_STR(code(&f, "Iran called off talks with Iraq.", 0), "");
        /* the tagger reads "up" before an adjective + noun as a particle, as a Penn parse does */
        CHECK_STR(code(&f, "Iran called up Iraqi soldiers.", 0), "");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Iran)) (VP (VBD called) (PRT (RP up)) (NP (JJ Iraqi) (NNS soldiers))) (. .)))", 1),
                  "");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Iran)) (VP (VBD called) (PRT (RP off)) (NP (NNP Iraq))) (. .)))", 1), "");
        /* a pattern naming the particle, or other words after the verb, still codes */
        CHECK_STR(code(&f, "Russia cut off gas to Poland.", 0), "RUS>POL:162");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Russia)) (VP (VBD cut) (PRT (RP off)) (NP (NN gas)) (PP (TO to) (NP (NNP Poland)))) (. .)))", 1),
                  "RUS>POL:162");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Russia)) (VP (VBD cut) (PRT (RP off)) (NP (NNS ties)) (PP (IN with) (NP (NNP Poland)))) (. .)))", 1),
                  "RUS>POL:160");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Russia)) (VP (VBD cut) (NP (NNS ties)) (PP (IN with) (NP (NNP Poland)))) (. .)))", 1),
                  "RUS>POL:160");
    }
    cfx_close(&f);
}

/* PETRARCH-2 "[:110]" on a block, and "[:173]" on a pattern: target -> source. */
TEST(coder_petrarch2_reversed_code) {
    static const char *verbs =
        "--- OFFEND [:110] ---\nOFFEND\nAPPALL\n\n"
        "--- APPEAR [---] ---\nAPPEAR\n- * (BEFORE {IRAQI COURT}) [:173]\n";
    cfx f;
    CHECK(cfx_open(&f, verbs, ACTORS, AGENTS));
    if (f.d) {
        CHECK_STR(code(&f, "Chile offended Peru.", 0), "PER>CHL:110");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Chile)) (VP (VBD appalled) (NP (NNP Peru))) (. .)))", 1), "PER>CHL:110");
        CHECK_STR(code(&f, "The Iranian minister appeared before an Iraqi court.", 0), "IRQJUD>IRNGOV:173");
        /* no pattern, no code of its own: nothing */
        CHECK_STR(code(&f, "The Iranian minister appeared with Peruvian soldiers.", 0), "");
    }
    cfx_close(&f);
}

/* A flat compound "(NP (NNP Barack) (NNP Obama) (CC and) (NNP Vladimir) (NNP Putin))":
 * nouns next to each other are one conjunct. */
TEST(coder_flat_compound_conjuncts) {
    static const char *verbs = "--- ACCUSE [112] ---\nACCUSE\n";
    static const char *actors = "IRAN [IRN]\nIRAQ [IRQ]\nCHILE [CHL]\nPERU [PER]\nBARACK_OBAMA [USAGOV]\n"
                                "VLADIMIR_PUTIN [RUSGOV]\nPUTIN [RUS]\n";
    cfx f;
    CHECK(cfx_open(&f, verbs, actors, AGENTS));
    if (f.d) {
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Barack) (NNP Obama) (CC and) (NNP Vladimir) (NNP Putin)) "
                           "(VP (VBD accused) (NP (NNP Iraq))) (. .)))", 1),
                  "USAGOV>IRQ:112 RUSGOV>IRQ:112");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Iran) (, ,) (NNP Chile) (CC and) (NNP Peru)) "
                           "(VP (VBD accused) (NP (NNP Iraq))) (. .)))", 1),
                  "IRN>IRQ:112 CHL>IRQ:112 PER>IRQ:112");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Iran) (CC and) (NNP Putin)) (VP (VBD accused) (NP (NNP Iraq))) (. .)))", 1),
                  "IRN>IRQ:112 RUS>IRQ:112");
    }
    cfx_close(&f);
}

/* A pattern's final TO right after its target slot is the preposition ("welcomed X to
 * Y": a visit), not an infinitive ("welcomed X's offer to mediate"); a TO after a word
 * the pattern names ("- * FIRE TO") is left as written. */
TEST(coder_final_to_is_a_preposition) {
    static const char *verbs = "--- WELCOME [051] ---\nWELCOME\n- $ * + TO [042:043]\n\n"
                               "--- SET [---] ---\nSET {SETS SETTING}\n- * FIRE TO [145]\n";
    static const char *actors = "CHILE [CHL]\nPERU [PER]\n+PERUVIAN\nIRAN [IRN]\n+IRANIAN\nIRAQ [IRQ]\n+IRAQI\n";
    cfx f;
    CHECK(cfx_open(&f, verbs, actors, AGENTS));
    if (f.d) {
        CHECK_STR(code(&f, "Chile welcomed the Peruvian minister to Santiago.", 0), "CHL>PERGOV:042 PERGOV>CHL:043");
        CHECK_STR(code(&f, "Chile welcomed Peru's offer to mediate.", 0), "CHL>PER:051");
        CHECK_STR(code(&f, "(ROOT (S (NP (NNP Chile)) (VP (VBD welcomed) (NP (NP (NNP Peru) (POS 's)) (NN offer) "
                           "(S (VP (TO to) (VP (VB mediate)))))) (. .)))", 1),
                  "CHL>PER:051");
        CHECK_STR(code(&f, "Iranian soldiers set fire to police vehicles in Iraq.", 0), "IRNMIL>IRQ:145");
    }
    cfx_close(&f);
}

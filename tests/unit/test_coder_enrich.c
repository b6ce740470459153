/* test_coder_enrich.c — the coder's post-pass (src/coder/enrich.c): actors without a
 * country ("---OPP") take the country of the one place the sentence names ("in Yangon"),
 * over small inline dictionaries and raw text (entente's own tagger). */
#include "coder_fixture.h"
#include "coder/enrich.h"

static const char *VERBS =
    "--- PROTEST [141] ---\nPROTEST\nDEMONSTRATE\n- * AGAINST + [141]\n\n"
    "--- FIGHT [190] ---\nATTACK\nCLASH\n\n"
    "--- ARREST [173] ---\nARREST\nDETAIN\n";
static const char *ACTORS =
    "MYANMAR [MMR]\n+YANGON\n+BURMESE\n"
    "TURKEY [TUR]\n+ISTANBUL\n+TURKISH\n"
    "RUSSIA [RUS]\n+RUSSIAN\n+KREMLIN\n"
    "UKRAINE [UKR]\n+KHARKIV\n"
    "LEBANON [LBN]\n"
    "SUDAN [SDN]\n"
    "SOUTH SUDAN [SSD]\n"
    "NATO [IGOWSTNAT]\n"
    "JUNTA [---MIL]\n";
static const char *AGENTS =
    "PROTESTER [~OPP]\nPOLICE {} [~COP]\nTROOPS {} [~MIL]\nARMY [~MIL]\nGOVERNMENT [~GOV]\n"
    "PEOPLE {} [~CVL]\nSOLDIER [~MIL]\n";

/* Code text with the coder's current options; events as "SRC>TGT:CODE ...". */
static const char *run(cfx *f, const char *text) {
    return cfx_code_text(f, NULL, text, 0);
}

/* The place country of text, "" when none or ambiguous. */
static const char *place(cfx *f, const char *text) {
    static char cc[4];
    if (ent_sentence_analyze(f->s, text, strlen(text), NULL) != ENT_OK) return "(analyze failed)";
    ent_enrich_place_country(f->d, f->s, 20240101, cc);
    return cc;
}

TEST(enrich_place_country_found) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        CHECK_STR(place(&f, "Thousands of people protested in Yangon against the coup."), "MMR");
        CHECK_STR(place(&f, "Police detained dozens at a rally in Istanbul on Sunday."), "TUR");
        CHECK_STR(place(&f, "Soldiers clashed in southern Lebanon."), "LBN");
        CHECK_STR(place(&f, "Shelling hit the city of Kharkiv overnight."), "UKR");
        /* a place the dictionaries do not know, named with its country after a comma */
        CHECK_STR(place(&f, "Soldiers clashed in El Geneina, Myanmar, on Monday."), "MMR");
        CHECK_STR(place(&f, "Soldiers clashed in El Geneina on Monday."), "");
        /* the same country twice is still one country */
        CHECK_STR(place(&f, "People marched in Yangon and in Myanmar's north."), "MMR");
        /* a lower-case compass word before the place ("in south Lebanon"); one that opens a
         * name is the name ("in South Sudan" is not Sudan) */
        CHECK_STR(place(&f, "Soldiers clashed in south Lebanon."), "LBN");
        CHECK_STR(place(&f, "Protesters gathered in north Kharkiv."), "UKR");
        CHECK_STR(place(&f, "Soldiers clashed in South Sudan."), "SSD");
        CHECK_STR(place(&f, "Soldiers clashed in Sudan."), "SDN");
    }
    cfx_close(&f);
}

TEST(enrich_place_country_none_or_ambiguous) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        CHECK_STR(place(&f, "Thousands of people protested against the coup."), "");
        /* two countries named as places: no choice */
        CHECK_STR(place(&f, "Protesters gathered in Istanbul and in Yangon."), "");
        /* a country that is not a place (subject, object) does not count */
        CHECK_STR(place(&f, "Russia attacked Ukraine."), "");
        /* an international body is not a country */
        CHECK_STR(place(&f, "Ministers met at NATO on Friday."), "");
    }
    cfx_close(&f);
}

TEST(enrich_events_take_place_country) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        /* PETRARCH's defaults: the pass is off (coder option place_country) */
        CHECK_STR(run(&f, "Protesters demonstrated in Yangon against the army."), "---OPP>---MIL:141");
        ent_coder_options o;
        ent_coder_options_default(&o);
        o.place_country = 1;
        ent_coder_set_options(f.c, &o);
        /* both country-less actors take the place's country */
        CHECK_STR(run(&f, "Protesters demonstrated in Yangon against the army."), "MMROPP>MMRMIL:141");
        /* a coded actor keeps its own country; only the country-less one changes */
        CHECK_STR(run(&f, "Russian troops detained protesters in Kharkiv."), "RUSMIL>UKROPP:173");
        /* ambiguous places change nothing */
        CHECK_STR(run(&f, "Protesters demonstrated in Yangon and Istanbul against the army."),
                  "---OPP>---MIL:141");
        /* no place: unchanged */
        CHECK_STR(run(&f, "Protesters demonstrated against the army."), "---OPP>---MIL:141");
        /* "its troops" belong to the subject, not to the place they act in */
        CHECK_STR(run(&f, "Russia said its troops detained protesters in Kharkiv."), "---MIL>UKROPP:173");
    }
    cfx_close(&f);
}

TEST(enrich_events_direct_calls) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        /* nothing to do: an empty range and a NULL list are fine */
        CHECK_INT(ent_enrich_events(f.d, f.s, 20240101, f.ev, 0), 0);
        CHECK_INT(ent_enrich_events(f.d, f.s, 20240101, NULL, 0), 0);
        /* events before `from` (earlier sentences) are not touched */
        run(&f, "Protesters demonstrated against the army.");
        CHECK_INT(ent_events_count(f.ev), 1);
        const char *text = "People protested in Yangon.";
        CHECK(ent_sentence_analyze(f.s, text, strlen(text), NULL) == ENT_OK);
        CHECK_INT(ent_enrich_events(f.d, f.s, 20240101, f.ev, 1), 0);
        CHECK_STR(ent_events_get(f.ev, 0)->source, "---OPP");
        CHECK_INT(ent_enrich_events(f.d, f.s, 20240101, f.ev, 0), 2);
        CHECK_STR(ent_events_get(f.ev, 0)->source, "MMROPP");
        CHECK_STR(ent_events_get(f.ev, 0)->target, "MMRMIL");
    }
    cfx_close(&f);
}

/* test_coder_intent.c — coder options over small inline dictionaries and raw text:
 * future_intent (announced cooperation coded as CAMEO intent, src/coder/intent.c) and
 * require_source (one-sided events kept only with a known source). */
#include "coder_fixture.h"

static const char *VERBS =
    "--- PROVIDE [070] ---\nPROVIDE\n- * AID [071]\n\n"
    "--- VISIT [042] ---\nVISIT\n\n"
    "--- EASE [080] ---\nEASE\n- * SANCTIONS [085]\n\n"
    "--- ATTACK [190] ---\nATTACK\n\n"
    "--- CONDEMN [111] ---\nCONDEMN\n";
static const char *ACTORS =
    "JAPAN [JPN]\nUKRAINE [UKR]\nVIETNAM [VNM]\nRUSSIA [RUS]\nVENEZUELA [VEN]\n"
    "UNITED_STATES [USA]\n+WASHINGTON\n";
static const char *AGENTS = "GOVERNMENT [~GOV]\nPROTESTER [~OPP]\n";

/* Code text with options o; events as "SRC>TGT:CODE/ROOT ...". */
static const char *run(cfx *f, const ent_coder_options *o, const char *text) {
    return cfx_code_text(f, o, text, 1);
}

TEST(coder_future_intent) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options off, on;
        ent_coder_options_default(&off);
        on = off;
        on.future_intent = 1;
        /* off (PETRARCH): the tense does not matter */
        CHECK_STR(run(&f, &off, "Japan will provide aid to Ukraine."), "JPN>UKR:071/07");
        /* on: the announced act becomes the intent, root 03 */
        CHECK_STR(run(&f, &on, "Japan will provide aid to Ukraine."), "JPN>UKR:0331/03");
        CHECK_STR(run(&f, &on, "Japan provided aid to Ukraine."), "JPN>UKR:071/07");
        CHECK_STR(run(&f, &on, "Japan plans to visit Vietnam."), "JPN>VNM:036/03");
        CHECK_STR(run(&f, &on, "Japan is expected to visit Vietnam."), "JPN>VNM:036/03");
        CHECK_STR(run(&f, &on, "Washington said it would soon ease sanctions on Venezuela."), "USA>VEN:0354/03");
        /* a negated future is not an intent; conflict and other modals are left alone */
        CHECK_STR(run(&f, &on, "Japan will not visit Vietnam."), "JPN>VNM:042/04");
        CHECK_STR(run(&f, &on, "Russia will attack Ukraine."), "RUS>UKR:190/19");
        CHECK_STR(run(&f, &on, "Japan could visit Vietnam."), "JPN>VNM:042/04");
    }
    cfx_close(&f);
}

TEST(coder_require_source) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_coder_options o;
        ent_coder_options_default(&o);
        /* PETRARCH's default: dyads only */
        CHECK_STR(run(&f, &o, "Japan condemned the decision."), "");
        o.require_dyad = 0;
        CHECK_STR(run(&f, &o, "Japan condemned the decision."), "JPN>---:111/11");
        CHECK_STR(run(&f, &o, "The government condemned the decision."), "---GOV>---:111/11");
        /* require_source: a source with a country when there is no target */
        o.require_source = 1;
        CHECK_STR(run(&f, &o, "Japan condemned the decision."), "JPN>---:111/11");
        CHECK_STR(run(&f, &o, "The government condemned the decision."), "");
        CHECK_STR(run(&f, &o, "The government condemned Russia."), "---GOV>RUS:111/11");
        /* bad option values are errors with a message */
        ent_diag *d = ent_diag_new();
        CHECK(ent_coder_options_apply(&o, "require_source", "maybe", d) == ENT_ERR_INVALID);
        CHECK(ent_coder_options_apply(&o, "future_intent", "yes", d) == ENT_OK);
        CHECK_INT(o.future_intent, 1);
        CHECK_INT(ent_diag_count(d), 1);
        ent_diag_free(d);
    }
    cfx_close(&f);
}

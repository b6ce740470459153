/* test_defaults_coding.c — the default dictionaries end to end: our own news-like
 * sentences, tagged by entente's raw-text analyzer and coded by the coder, give the
 * expected CAMEO root category and source country; leaders resolve by the story date;
 * sports stories are discarded. */
#include "test.h"
#include "entente.h"

typedef struct coded { const char *text; long date; const char *root; const char *source; } coded;

/* Code one sentence; returns the number of events, fills *out (caller frees). */
static size_t code_one(ent_coder *c, ent_sentence *s, const char *text, long date,
                       ent_events *ev, ent_code_result *res) {
    ent_events_clear(ev);
    ent_coder_begin_story(c);
    if (ent_sentence_analyze(s, text, strlen(text), NULL) != ENT_OK) return 0;
    *res = ent_coder_code(c, s, date, ev);
    return ent_events_count(ev);
}

TEST(defaults_code_own_sentences) {
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, NULL, &d), ENT_OK);
    if (!d) return;
    ent_coder_options o;
    ent_coder_options_default(&o);
    ent_coder *c = ent_coder_new(d, &o);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    static const coded cases[] = {
        {"India rejected the allegations by Canada.", 20230920, "01", "IND"},
        {"Brazil urged Venezuela to show restraint.", 20240730, "02", "BRA"},
        {"Japan pledged humanitarian aid to Pakistan.", 20230620, "03", "JPN"},
        {"The Japanese prime minister met the Australian prime minister in Tokyo.", 20230101, "04", "JPN"},
        {"Brazil signed a trade agreement with Argentina.", 20240312, "05", "BRA"},
        {"India sold weapons to Armenia.", 20230101, "06", "IND"},
        {"The World Bank provided emergency loans to Pakistan.", 20230620, "07", "IGO"},
        {"Russia released an American teacher.", 20250210, "08", "RUS"},
        {"The International Criminal Court investigated war crimes in Sudan.", 20230801, "09", "IGO"},
        {"Mali demanded the withdrawal of French troops.", 20220201, "10", "MLI"},
        {"Belarus accused Poland of espionage.", 20240905, "11", "BLR"},
        {"Hungary vetoed the European Union aid package for Ukraine.", 20231215, "12", "HUN"},
        {"North Korea threatened South Korea with military action.", 20230101, "13", "PRK"},
        {"Georgian protesters demonstrated against the government.", 20241201, "14", "GEO"},
        {"Venezuela deployed troops to the border with Guyana.", 20240730, "15", "VEN"},
        {"Poland expelled three Belarusian diplomats.", 20240905, "16", "POL"},
        {"Kenyan police arrested dozens of demonstrators.", 20231002, "17", "KEN"},
        {"Islamic State militants beheaded a Syrian soldier.", 20150101, "18", "IMG"},
        {"Russian forces attacked Ukraine.", 20220224, "19", "RUS"},
        {"Sudanese militias massacred civilians in Darfur.", 20230801, "20", "SDN"},
        {"Iran fired missiles at Israel.", 20240414, "19", "IRN"},
        {"The European Union imposed sanctions on Russia.", 20220301, "16", "IGO"},
    };
    int ok = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ent_code_result res = ENT_SKIPPED;
        size_t n = code_one(c, s, cases[i].text, cases[i].date, ev, &res);
        int hit = 0;
        for (size_t k = 0; k < n; k++) {
            const ent_event *e = ent_events_get(ev, k);
            if (e->root && strcmp(e->root, cases[i].root) == 0 && e->source &&
                strncmp(e->source, cases[i].source, 3) == 0)
                hit = 1;
        }
        if (!hit) {
            ent_test_fail(__FILE__, __LINE__, "\"%s\": expected root %s from %s, got %zu event(s)%s%s/%s",
                          cases[i].text, cases[i].root, cases[i].source, n, n ? ": " : "",
                          n ? ent_events_get(ev, 0)->code : "", n ? ent_events_get(ev, 0)->source : "");
        } else {
            ok++;
        }
    }
    CHECK_INT(ok, (int)(sizeof cases / sizeof cases[0]));

    /* the same words code to different actors on different dates */
    ent_code_result res;
    const char *t = "Dmitry Medvedev met Angela Merkel in Berlin.";
    CHECK(code_one(c, s, t, 20030101, ev, &res) >= 1);
    if (ent_events_count(ev)) {
        CHECK_STR(ent_events_get(ev, 0)->source, "RUSELI");
        CHECK_STR(ent_events_get(ev, 0)->target, "DEUELI");
    }
    CHECK(code_one(c, s, t, 20100101, ev, &res) >= 1);
    if (ent_events_count(ev)) {
        CHECK_STR(ent_events_get(ev, 0)->source, "RUSGOV");
        CHECK_STR(ent_events_get(ev, 0)->target, "DEUGOV");
        CHECK_STR(ent_events_get(ev, 0)->root, "04");
    }

    /* a sports story is discarded */
    CHECK_INT(code_one(c, s, "Argentina beat Brazil in the World Cup qualifier.", 20240110, ev, &res), 0);
    CHECK_INT(res, ENT_DISCARD_STORY);

    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
}

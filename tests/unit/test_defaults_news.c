/* test_defaults_news.c — wire-style phrasings the default dictionaries were extended for
 * while measuring them on the gold news set (bench/bench-gold.sh): multi-word verb
 * patterns (lodge a protest with, file a case against, pay a visit to, vow to destroy),
 * upper patterns (protesters/air strikes/suicide bombers as the subject), dated leaders
 * added for 2015-2026 news, places standing for their country.  Each sentence is tagged
 * by entente's raw-text analyzer and coded; an event of the expected root from the
 * expected source country (and, where given, target country) must come out.  These are
 * not gold-set sentences. */
#include "test.h"
#include "entente.h"

typedef struct probe {
    const char *text;
    long date;
    const char *root, *source, *target; /* target may be NULL: not checked */
} probe;

/* 1 when some event of ev has the root and the source (and target) country prefixes. */
static int has_event(const ent_events *ev, const probe *p) {
    for (size_t k = 0; k < ent_events_count(ev); k++) {
        const ent_event *e = ent_events_get(ev, k);
        if (!e->root || strcmp(e->root, p->root) != 0) continue;
        if (!e->source || strncmp(e->source, p->source, strlen(p->source)) != 0) continue;
        if (p->target && (!e->target || strncmp(e->target, p->target, strlen(p->target)) != 0)) continue;
        return 1;
    }
    return 0;
}

static const probe probes[] = {
    {"Japan lodged a formal protest with China over an airspace violation.", 20240601, "11", "JPN", "CHN"},
    {"South Africa filed a genocide case against Israel at the International Court of Justice.",
     20231229, "11", "ZAF", "ISR"},
    {"Macron paid a state visit to Morocco.", 20241028, "04", "FRAGOV", "MAR"},
    {"The Kremlin said it was ready to hold talks with Washington.", 20250201, "03", "RUSGOV", "USA"},
    {"Israeli Prime Minister Benjamin Netanyahu vowed to destroy Hamas.", 20231010, "13", "ISRGOV", "PSE"},
    {"Russia vowed to respond to the deployment of U.S. missiles in Germany.", 20240711, "13", "RUS", NULL},
    {"The African Union suspended Niger from the bloc.", 20230822, "16", "IGO", "NER"},
    {"Chinese warships sailed near Japan's southern islands.", 20240601, "15", "CHN", "JPN"},
    {"North Korean hackers stole cryptocurrency from South Korean firms.", 20240601, "17", "PRK", "KOR"},
    {"The Netherlands handed over F-16 jets to Ukraine.", 20250101, "07", "NLD", "UKR"},
    {"Israeli jets struck Hezbollah targets in southern Lebanon.", 20240920, "19", "ISRMIL", "LBN"},
    {"An Israeli air strike destroyed a school in Rafah.", 20240520, "19", "ISR", "PSE"},
    {"Demonstrators stormed the parliament building in Nairobi.", 20240625, "14", "---", NULL},
    {"The Pope appealed for peace in Ukraine.", 20240601, "02", "VAT", "UKR"},
    {"Russian missiles hit a shopping centre in Kharkiv.", 20240525, "19", "RUS", "UKR"},
    {"Azerbaijani troops shelled villages in Nagorno-Karabakh.", 20230919, "19", "AZE", NULL},
    {"Erdogan met Ahmed al-Sharaa in Ankara.", 20250204, "04", "TURGOV", "SYRGOV"},
    {"Ruto hosted Tshisekedi in Nairobi.", 20240301, "04", "KENGOV", "CODGOV"},
    {"Ukraine accepted a U.S. proposal for a ceasefire.", 20250311, "08", "UKR", "USA"},
    {"Trump said he would lift sanctions on Syria.", 20250513, "03", "USA", "SYR"},
};

TEST(defaults_news_phrasings) {
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, NULL, &d), ENT_OK);
    if (!d) return;
    ent_coder_options o;
    ent_coder_options_default(&o);
    ent_coder *c = ent_coder_new(d, &o);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const probe *p = &probes[i];
        ent_events_clear(ev);
        ent_coder_begin_story(c);
        CHECK_INT(ent_sentence_analyze(s, p->text, strlen(p->text), NULL), ENT_OK);
        ent_coder_code(c, s, p->date, ev);
        if (!has_event(ev, p)) {
            const ent_event *e = ent_events_count(ev) ? ent_events_get(ev, 0) : NULL;
            ent_test_fail(__FILE__, __LINE__, "\"%s\": expected root %s from %s to %s, got %zu event(s)%s%s/%s/%s",
                          p->text, p->root, p->source, p->target ? p->target : "any",
                          ent_events_count(ev), e ? ": " : "", e ? e->source : "", e ? e->target : "",
                          e ? e->code : "");
        }
    }
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
}

/* The same name codes by date: al-Sharaa led rebels before December 2024 and the
 * government after; Hemedti's forces were the army's until the April 2023 war. */
TEST(defaults_news_dated_leaders) {
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, NULL, &d), ENT_OK);
    if (!d) return;
    ent_coder_options o;
    ent_coder_options_default(&o);
    ent_coder *c = ent_coder_new(d, &o);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    static const probe dated[] = {
        {"Sharaa accused Iran of meddling in Syria.", 20230301, "11", "SYRREB", "IRN"},
        {"Sharaa accused Iran of meddling in Syria.", 20250301, "11", "SYRGOV", "IRN"},
        {"Hemedti accused Egypt of bombing his forces.", 20231010, "11", "SDNREB", "EGY"},
        {"Hemedti accused Egypt of bombing his forces.", 20210101, "11", "SDNMIL", "EGY"},
    };
    for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
        const probe *p = &dated[i];
        ent_events_clear(ev);
        ent_coder_begin_story(c);
        CHECK_INT(ent_sentence_analyze(s, p->text, strlen(p->text), NULL), ENT_OK);
        ent_coder_code(c, s, p->date, ev);
        if (!has_event(ev, p))
            ent_test_fail(__FILE__, __LINE__, "\"%s\" on %ld: expected %s from %s, got %zu event(s)%s%s",
                          p->text, p->date, p->root, p->source, ent_events_count(ev),
                          ent_events_count(ev) ? ": " : "",
                          ent_events_count(ev) ? ent_events_get(ev, 0)->source : "");
    }
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
}

/* test_defaults_wire.c — CAMEO phrasings and actors added to the default dictionaries for
 * current wire reports: tariffs raised/cut/announced, blockades and sanctions "on" a
 * target, "ordered X to leave" (expulsion), entering or retaking towns, abrogating
 * agreements, postponed or called-off talks, "ruled against", hangings, and dated leaders
 * filling gaps (G20/UNSC ministers, Middle East, South Asia, the Sahel).  Sentences are our
 * own; each is tagged by the raw-text analyzer and coded with the bundled dictionaries. */
#include "test.h"
#include "entente.h"

typedef struct wire_probe {
    const char *text;
    long date;
    const char *code;            /* exact CAMEO code, or a 2-digit root */
    const char *source, *target; /* actor code prefixes; target NULL = not checked */
} wire_probe;

/* 1 when some event matches the probe's code (or root), source and target prefixes. */
static int wire_match(const ent_events *ev, const wire_probe *p) {
    for (size_t k = 0; k < ent_events_count(ev); k++) {
        const ent_event *e = ent_events_get(ev, k);
        const char *got = strlen(p->code) == 2 ? e->root : e->code;
        if (!got || strcmp(got, p->code) != 0) continue;
        if (!e->source || strncmp(e->source, p->source, strlen(p->source)) != 0) continue;
        if (p->target && (!e->target || strncmp(e->target, p->target, strlen(p->target)) != 0)) continue;
        return 1;
    }
    return 0;
}

static const wire_probe wire_probes[] = {
    {"Washington raised tariffs on Canadian lumber.", 20250301, "163", "USA", "CAN"},
    {"Beijing hiked tariffs on American soybeans.", 20180701, "163", "CHN", "USA"},
    {"Brussels announced new tariffs on Chinese electric cars.", 20240612, "163", "IGOEUR", "CHN"},
    {"Japan and South Korea cut tariffs on each other's steel.", 20240601, "085", "JPN", NULL},
    {"Turkey imposed a naval blockade on Cyprus.", 20240601, "191", "TUR", "CYP"},
    {"Estonia ordered the Russian ambassador to leave.", 20240601, "166", "EST", "RUS"},
    {"Ukrainian forces recaptured the Russian town of Sudzha.", 20240815, "192", "UKR", "RUS"},
    {"Russian soldiers entered the Ukrainian city of Pokrovsk.", 20250101, "192", "RUS", "UKR"},
    {"Burkina Faso terminated its military agreement with France.", 20230201, "160", "BFA", "FRA"},
    {"Seoul postponed talks with Tokyo.", 20240601, "164", "KOR", "JPN"},
    {"An international court ruled against Venezuela.", 20240601, "116", "---", "VEN"},
    {"Iran hanged a British-Iranian dissident.", 20230114, "1823", "IRN", NULL},
    {"Pence warned North Korea against new tests.", 20180201, "13", "USAGOV", "PRK"},
    {"Karzai accused Pakistan of sheltering militants.", 20080101, "11", "AFGGOV", "PAK"},
    {"Zarif met Lavrov in Moscow.", 20190101, "04", "IRNGOV", "RUSGOV"},
    {"Sikorski criticised Moscow over the attack.", 20240601, "11", "POLGOV", "RUS"},
    {"Morsi condemned Israel over the raid.", 20121120, "11", "EGYGOV", "ISR"},
    {"Sudani visited Tehran.", 20231106, "04", "IRQGOV", "IRN"},
    {"Brazzaville signed an oil deal with Beijing.", 20240601, "05", "COG", "CHN"},
    {"London hit Tehran with new sanctions.", 20240601, "163", "GBR", "IRN"},
    {"Serbia and Kosovo traded accusations.", 20240601, "112", "SRB", "KSV"},
    {"Egypt extended an invitation to Erdogan.", 20240601, "036", "EGY", "TURGOV"},
    {"ECOWAS suspended the membership of Niger.", 20230801, "160", "IGO", "NER"},
    {"Egypt reopened its border with Gaza.", 20240601, "081", "EGY", "PSE"},
    {"Israel intercepted a Houthi missile.", 20240601, "19", "ISR", "YEMREB"},
    {"Iran downed an American drone.", 20190620, "190", "IRN", "USA"},
    {"Niger ordered the French ambassador to leave.", 20230901, "166", "NER", "FRA"},
    {"Seoul voted against the Russian resolution.", 20240601, "12", "KOR", "RUS"},
    {"The IDF struck Hezbollah targets in Lebanon.", 20240601, "19", "ISRMIL", "LBN"},
    {"IGAD urged Sudan to accept a ceasefire.", 20240601, "02", "IGO", "SDN"},
    {"The Bundestag approved arms deliveries to Kyiv.", 20240601, "07", "DEULEG", "UKR"},
    {"Kataib Hezbollah attacked a US base in Syria.", 20240601, "19", "IRQREB", NULL},
    {"Beijing flew warplanes near Taiwan.", 20240601, "150", "CHN", "TWN"},
    {"Vietnam concluded a trade agreement with Australia.", 20240601, "057", "VNM", "AUS"},
    {"Kenya withdrew its ambassador from Uganda.", 20240601, "161", "KEN", "UGA"},
    {"Ukrainian drones damaged a Russian warship.", 20240601, "19", "UKR", "RUS"},
};

TEST(defaults_wire_phrasings) {
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, NULL, &d), ENT_OK);
    if (!d) return;
    ent_coder_options o;
    ent_coder_options_default(&o);
    ent_coder *c = ent_coder_new(d, &o);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    for (size_t i = 0; i < sizeof wire_probes / sizeof wire_probes[0]; i++) {
        const wire_probe *p = &wire_probes[i];
        ent_events_clear(ev);
        ent_coder_begin_story(c);
        CHECK_INT(ent_sentence_analyze(s, p->text, strlen(p->text), NULL), ENT_OK);
        ent_coder_code(c, s, p->date, ev);
        if (!wire_match(ev, p)) {
            const ent_event *e = ent_events_count(ev) ? ent_events_get(ev, 0) : NULL;
            ent_test_fail(__FILE__, __LINE__, "\"%s\": expected %s from %s to %s, got %zu event(s)%s%s/%s/%s",
                          p->text, p->code, p->source, p->target ? p->target : "any",
                          ent_events_count(ev), e ? ": " : "", e ? e->source : "", e ? e->target : "",
                          e ? e->code : "");
        }
    }
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
}

/* Splitting ANNOUNCE/DECLARE out of the SAY block must not turn plain statements about
 * tariffs into sanctions, and leaders' dated roles end: Pence after 2021 is no longer
 * government, and a cancelled concert is no event. */
TEST(defaults_wire_no_overreach) {
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, NULL, &d), ENT_OK);
    if (!d) return;
    ent_coder_options o;
    ent_coder_options_default(&o);
    ent_coder *c = ent_coder_new(d, &o);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    static const char *said = "Canada said tariffs would hurt American consumers.";
    ent_coder_begin_story(c);
    CHECK_INT(ent_sentence_analyze(s, said, strlen(said), NULL), ENT_OK);
    ent_coder_code(c, s, 20250301, ev);
    for (size_t k = 0; k < ent_events_count(ev); k++)
        CHECK(strcmp(ent_events_get(ev, k)->code, "163") != 0);

    static const char *later = "Pence warned North Korea against new tests.";
    ent_events_clear(ev);
    ent_coder_begin_story(c);
    CHECK_INT(ent_sentence_analyze(s, later, strlen(later), NULL), ENT_OK);
    ent_coder_code(c, s, 20230601, ev);
    CHECK(ent_events_count(ev) > 0);
    for (size_t k = 0; k < ent_events_count(ev); k++)
        CHECK(strncmp(ent_events_get(ev, k)->source, "USAGOV", 6) != 0);

    static const char *concert = "The singer cancelled her concert in Paris.";
    ent_events_clear(ev);
    ent_coder_begin_story(c);
    CHECK_INT(ent_sentence_analyze(s, concert, strlen(concert), NULL), ENT_OK);
    ent_coder_code(c, s, 20240601, ev);
    CHECK_INT((int)ent_events_count(ev), 0);
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
}

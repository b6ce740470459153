/* test_defaults_probes.c — the bundled dictionaries end to end on our own sentences.
 * tests/data/probes/default-dicts.tsv lists sentences with the event they must yield
 * (code or root, source and target prefixes, story date): each is tagged by entente's
 * raw-text analyzer and coded.  A few behaviours that are not "an event must match" are
 * checked in code below: statements that must not become sanctions, roles that end,
 * non-political sentences, sports stories discarded. */
#include "test.h"
#include "entente.h"

#define PROBES "tests/data/probes/default-dicts.tsv"

typedef struct fixture {
    ent_dicts *d;
    ent_coder *c;
    ent_sentence *s;
    ent_events *ev;
} fixture;

static int fx_open(fixture *f) {
    memset(f, 0, sizeof *f);
    /* as `entente code` does: the bundled set with the options of its entente.conf */
    ent_coder_options o;
    ent_coder_options_default(&o);
    CHECK_INT(ent_dicts_load_dir(NULL, &o, NULL, &f->d), ENT_OK);
    if (!f->d) return 0;
    CHECK_INT(o.require_source && o.place_country && o.future_intent && !o.require_dyad, 1);
    f->c = ent_coder_new(f->d, &o);
    f->s = ent_sentence_new();
    f->ev = ent_events_new();
    return 1;
}

static void fx_close(fixture *f) {
    ent_events_free(f->ev);
    ent_sentence_free(f->s);
    ent_coder_free(f->c);
    ent_dicts_free(f->d);
}

/* Code text as a one-sentence story dated date; returns the coder's result. */
static ent_code_result code_text(fixture *f, const char *text, long date) {
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_analyze(f->s, text, strlen(text), NULL) != ENT_OK) return ENT_SKIPPED;
    return ent_coder_code(f->c, f->s, date, f->ev);
}

static int prefix(const char *s, const char *p) { return s && strncmp(s, p, strlen(p)) == 0; }

/* Does some event match code (exact, or the root when 2 digits), source and target? */
static int has_match(const ent_events *ev, const char *code, const char *src, const char *tgt) {
    for (size_t k = 0; k < ent_events_count(ev); k++) {
        const ent_event *e = ent_events_get(ev, k);
        const char *got = strlen(code) == 2 ? e->root : e->code;
        if (got && strcmp(got, code) == 0 && prefix(e->source, src) && (!strcmp(tgt, "-") || prefix(e->target, tgt)))
            return 1;
    }
    return 0;
}

TEST(defaults_probe_sentences) {
    FILE *in = fopen(PROBES, "r");
    if (!in) { ent_test_fail(__FILE__, __LINE__, "cannot open %s (run from the repository root)", PROBES); return; }
    fixture f;
    if (!fx_open(&f)) { fclose(in); return; }
    char line[1024];
    int n = 0, lineno = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#') continue;
        char *field[5];
        int k = 0;
        for (char *p = line; k < 5 && p; k++) {
            field[k] = p;
            p = k < 4 ? strchr(p, '\t') : NULL;
            if (p) *p++ = 0;
        }
        if (k != 5) { ent_test_fail(PROBES, lineno, "expected 5 tab-separated fields"); continue; }
        long date = atol(field[0]);
        code_text(&f, field[4], date);
        n++;
        if (!has_match(f.ev, field[1], field[2], field[3])) {
            const ent_event *e = ent_events_count(f.ev) ? ent_events_get(f.ev, 0) : NULL;
            ent_test_fail(PROBES, lineno, "\"%s\": expected %s from %s to %s, got %zu event(s)%s%s/%s/%s", field[4],
                          field[1], field[2], field[3], ent_events_count(f.ev), e ? ": " : "",
                          e ? e->source : "", e ? e->target : "", e ? e->code : "");
        }
    }
    fclose(in);
    CHECK(n >= 80);
    fx_close(&f);
}

TEST(defaults_no_overreach) {
    fixture f;
    if (!fx_open(&f)) return;
    /* ANNOUNCE/DECLARE are split from SAY: a statement about tariffs is no sanction */
    code_text(&f, "Canada said tariffs would hurt American consumers.", 20250301);
    for (size_t k = 0; k < ent_events_count(f.ev); k++) CHECK(strcmp(ent_events_get(f.ev, k)->code, "163") != 0);
    /* dated roles end: Pence after 2021 is no longer government */
    code_text(&f, "Pence warned North Korea against new tests.", 20230601);
    CHECK(ent_events_count(f.ev) > 0);
    for (size_t k = 0; k < ent_events_count(f.ev); k++) CHECK(!prefix(ent_events_get(f.ev, k)->source, "USAGOV"));
    /* not political */
    code_text(&f, "The singer cancelled her concert in Paris.", 20240601);
    CHECK_INT(ent_events_count(f.ev), 0);
    /* a sports story is discarded */
    CHECK_INT(code_text(&f, "Argentina beat Brazil in the World Cup qualifier.", 20240110), ENT_DISCARD_STORY);
    CHECK_INT(ent_events_count(f.ev), 0);
    fx_close(&f);
}

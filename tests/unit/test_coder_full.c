/* test_coder_full.c — the coder with the full shared dictionaries (CAMEO verb patterns,
 * Phoenix actors/agents/discards): sentences whose codes PETRARCH-1's own test suite
 * documents, plus a check that every unit-test parse codes without trouble.  Skips when
 * ../shared is absent. */
#include "test.h"
#include "entente.h"

typedef struct full {
    ent_dicts *d;
    ent_coder *c;
    ent_sentence *s;
    ent_events *ev;
} full;

static int full_open(full *f, const char *dir) {
    char v[1024], a1[1024], a2[1024], a3[1024], ag[1024], di[1024];
    snprintf(v, sizeof v, "%s/CAMEO.verbpatterns.150430.txt", dir);
    snprintf(a1, sizeof a1, "%s/Phoenix.Countries.actors.txt", dir);
    snprintf(a2, sizeof a2, "%s/Phoenix.International.actors.txt", dir);
    snprintf(a3, sizeof a3, "%s/Phoenix.MilNonState.actors.txt", dir);
    snprintf(ag, sizeof ag, "%s/Phoenix.agents.txt", dir);
    snprintf(di, sizeof di, "%s/Phoenix.discards.txt", dir);
    const char *al[] = {a1, a2, a3, NULL};
    ent_dict_paths p = {v, al, ag, di, NULL, NULL, NULL};
    memset(f, 0, sizeof *f);
    if (ent_dicts_load(&p, NULL, &f->d) != ENT_OK) return 0;
    f->c = ent_coder_new(f->d, NULL);
    f->s = ent_sentence_new();
    f->ev = ent_events_new();
    return 1;
}

static void full_close(full *f) {
    ent_events_free(f->ev);
    ent_sentence_free(f->s);
    ent_coder_free(f->c);
    ent_dicts_free(f->d);
}

static int codes_to(full *f, const char *ptb, const char *src, const char *tgt, const char *code) {
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_parse_ptb(f->s, ptb, strlen(ptb), NULL) != ENT_OK) return 0;
    ent_coder_code(f->c, f->s, 20010101, f->ev);
    int hit = 0;
    for (size_t i = 0; i < ent_events_count(f->ev); i++) {
        const ent_event *e = ent_events_get(f->ev, i);
        if (!strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code)) hit = 1;
        else printf("    extra event %s %s %s\n", e->source, e->target, e->code);
    }
    return hit && ent_events_count(f->ev) == 1;
}

TEST(coder_full_dictionaries_reference_sentences) {
    SHARED_OR_SKIP(dir, "petrarch/dictionaries");
    full f;
    if (!full_open(&f, dir)) { CHECK(0); return; }
    CHECK(codes_to(&f, "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France)))))", "DEU", "FRA", "192"));
    CHECK(codes_to(&f, "(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France)))))", "DEU", "FRA", "173"));
    CHECK(codes_to(&f,
                   "( (S (S (NP (DT A) (NNP Tunisian) (NN court)) (VP (AUXZ has) (VP (VBN jailed) "
                   "(NP (DT a) (JJ Nigerian) (NN student)) (PP (IN for) (NP (CD two) (NNS years))) "
                   "(PP (IN for) (S (VP (VBG helping) (S (NP (JJ young) (NNS militants)) (VP (VB join) "
                   "(NP (NP (DT an) (JJ armed) (JJ Islamic) (NN group)) (PP (IN in) (NP (NNP Lebanon)))))))))))) "
                   "(, ,) (NP (PRP$ his) (NN lawyer)) (VP (VBD said) (NP (NNP Wednesday))) (. .)))",
                   "TUNJUD", "NGAEDU", "173"));
    full_close(&f);
}

typedef struct scan { full *f; long n, events, bad; } scan;

static int on_rec(const ent_petr_record *r, void *user) {
    scan *sc = user;
    if (!r->parse || !*r->parse) return 0;
    if (ent_sentence_parse_ptb(sc->f->s, r->parse, strlen(r->parse), NULL) != ENT_OK) { sc->bad++; return 0; }
    ent_events_clear(sc->f->ev);
    ent_coder_begin_story(sc->f->c);
    ent_code_result res = ent_coder_code(sc->f->c, sc->f->s, r->date, sc->f->ev);
    for (size_t i = 0; i < ent_events_count(sc->f->ev); i++) {
        const ent_event *e = ent_events_get(sc->f->ev, i);
        /* every event is complete: codes, a known CAMEO root and evidence */
        if (!e->source[0] || !e->target[0] || !e->code[0] || !e->verb_text[0] || !e->source_text) sc->bad++;
        if (strcmp(e->source, "---") == 0 || strcmp(e->target, "---") == 0) sc->bad++;   /* require_dyad */
    }
    if (res == ENT_SKIPPED && strcmp(ent_coder_error(sc->f->c), "dateline") != 0) sc->bad++;
    sc->events += (long)ent_events_count(sc->f->ev);
    sc->n++;
    return 0;
}

TEST(coder_full_dictionaries_all_unit_parses) {
    SHARED_OR_SKIP(dir, "petrarch/dictionaries");
    SHARED_OR_SKIP(rec, "petrarch/records/PETR.UnitTest.dev.xml");
    full f;
    if (!full_open(&f, dir)) { CHECK(0); return; }
    scan sc = {&f, 0, 0, 0};
    ent_diag *d = ent_diag_new();
    ent_petrxml_read(rec, NULL, on_rec, &sc, d);
    ent_diag_free(d);
    CHECK(sc.n > 150);
    CHECK(sc.events > 20);     /* the CAMEO patterns code many of the unit sentences too */
    CHECK_INT(sc.bad, 1);      /* ERROR-02's unbalanced parse */
    full_close(&f);
}

/* test_coder_evidence.c — evidence offsets of coded events (source_span, target_span,
 * verb_span) on raw text analysed by entente's tagger, {0,0} spans from Penn parses, and
 * personal pronouns (PRP) that must not match actor phrases ("told us" is not the US). */
#include "coder_fixture.h"
#include "entente.h"

#include <unistd.h>

static const char *EV_VERBS =
    "--- PLEDGE [030] ---\nPLEDGE\n- * AID TO + [033]\n\n"
    "--- ATTACK [190] ---\nATTACK\n\n"
    "--- TELL [010] ---\nTELL {TOLD TELLS TELLING}\n\n";
static const char *EV_ACTORS = "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nUS [USA]\nIT [ITA]\n";
static const char *EV_AGENTS = "GOVERNMENT [~GOV]\n";

typedef cfx evfx;
static int evfx_open(evfx *f) { return cfx_open(f, EV_VERBS, EV_ACTORS, EV_AGENTS); }
static void evfx_close(evfx *f) { cfx_close(f); }

static size_t code_text(evfx *f, const char *text) {
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_analyze(f->s, text, strlen(text), NULL) != ENT_OK) return 0;
    ent_coder_code(f->c, f->s, 20200101, f->ev);
    return ent_events_count(f->ev);
}

static size_t code_ptb(evfx *f, const char *ptb) {
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_parse_ptb(f->s, ptb, strlen(ptb), NULL) != ENT_OK) return 0;
    ent_coder_code(f->c, f->s, 20200101, f->ev);
    return ent_events_count(f->ev);
}

/* the text a span points at, copied into buf */
static const char *at(const char *text, ent_span sp, char *buf, size_t cap) {
    size_t n = strlen(text);
    if (sp.end < sp.start || sp.end > n || sp.end - sp.start >= cap) return "(bad span)";
    memcpy(buf, text + sp.start, sp.end - sp.start);
    buf[sp.end - sp.start] = 0;
    return buf;
}

static const ent_event *find_event(const ent_events *ev, const char *src, const char *tgt, const char *code) {
    for (size_t i = 0; i < ent_events_count(ev); i++) {
        const ent_event *e = ent_events_get(ev, i);
        if (!strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code)) return e;
    }
    for (size_t i = 0; i < ent_events_count(ev); i++) {
        const ent_event *e = ent_events_get(ev, i);
        printf("    got %s %s %s\n", e->source, e->target, e->code);
    }
    return NULL;
}

TEST(coder_evidence_offsets_from_raw_text) {
    evfx f;
    if (!evfx_open(&f)) { CHECK(0); evfx_close(&f); return; }
    char b[128];
    /* a pattern with words after the verb: the verb span covers "pledged aid to" */
    const char *t1 = "Arnor pledged aid to Gondor.";
    code_text(&f, t1);
    const ent_event *e = find_event(f.ev, "ARN", "GON", "033");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(at(t1, e->source_span, b, sizeof b), "Arnor");
        CHECK_STR(at(t1, e->target_span, b, sizeof b), "Gondor");
        CHECK_STR(at(t1, e->verb_span, b, sizeof b), "pledged aid to");
    }
    /* multi-word noun phrases with an agent; the offsets are relative to the text given */
    const char *t2 = "  The Mordor government attacked the government of Gondor on Monday.";
    code_text(&f, t2);
    e = find_event(f.ev, "MORGOV", "GONGOV", "190");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(at(t2, e->source_span, b, sizeof b), "The Mordor government");
        CHECK_STR(at(t2, e->target_span, b, sizeof b), "the government of Gondor");
        CHECK_STR(at(t2, e->verb_span, b, sizeof b), "attacked");
        CHECK_STR(e->source_text, "THE MORDOR GOVERNMENT");
    }
    /* compounds: each conjunct's event points at its own words */
    const char *t3 = "Arnor and Gondor attacked Mordor.";
    code_text(&f, t3);
    e = find_event(f.ev, "GON", "MOR", "190");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(at(t3, e->source_span, b, sizeof b), "Gondor");
        CHECK_STR(at(t3, e->target_span, b, sizeof b), "Mordor");
    }
    e = find_event(f.ev, "ARN", "MOR", "190");
    CHECK(e != NULL);
    if (e) CHECK_STR(at(t3, e->source_span, b, sizeof b), "Arnor");
    evfx_close(&f);
}

TEST(coder_evidence_offsets_absent_for_penn_parses) {
    evfx f;
    if (!evfx_open(&f)) { CHECK(0); evfx_close(&f); return; }
    CHECK_INT(code_ptb(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))"), 1);
    const ent_event *e = ent_events_get(f.ev, 0);
    if (e) {
        CHECK_STR(e->source_text, "ARNOR");
        CHECK_INT(e->source_span.start, 0); CHECK_INT(e->source_span.end, 0);
        CHECK_INT(e->target_span.start, 0); CHECK_INT(e->target_span.end, 0);
        CHECK_INT(e->verb_span.start, 0); CHECK_INT(e->verb_span.end, 0);
    }
    evfx_close(&f);
}

TEST(coder_pronouns_do_not_match_actors) {
    evfx f;
    if (!evfx_open(&f)) { CHECK(0); evfx_close(&f); return; }
    /* Penn parses: (PRP us) / (PRP it) are uncoded, (NNP US) is the United States */
    code_ptb(&f, "(ROOT (S (NP (NNP Mordor)) (VP (VBD told) (NP (PRP us))) (. .)))");
    CHECK_INT(ent_events_count(f.ev), 0);
    code_ptb(&f, "(ROOT (S (NP (PRP It)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))");
    CHECK_INT(ent_events_count(f.ev), 0);
    code_ptb(&f, "(ROOT (S (NP (DT The) (NNP US)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))");
    CHECK(find_event(f.ev, "USA", "GON", "190") != NULL);
    /* a pronoun does not hide the next coded phrase: the target becomes Gondor */
    code_ptb(&f, "(ROOT (S (NP (NNP Mordor)) (VP (VBD told) (NP (PRP us)) (SBAR (S (NP (PRP it)) "
                 "(VP (MD would) (VP (VB attack) (NP (NNP Gondor))))))) (. .)))");
    CHECK(find_event(f.ev, "MOR", "GON", "010") != NULL);
    for (size_t i = 0; i < ent_events_count(f.ev); i++) {
        CHECK(strcmp(ent_events_get(f.ev, i)->target, "USA") != 0);
        CHECK(strcmp(ent_events_get(f.ev, i)->target, "ITA") != 0);
    }
    /* raw text through entente's tagger: "us" is a pronoun, "the US" a country */
    code_text(&f, "Mordor told us it would attack Gondor.");
    CHECK(find_event(f.ev, "MOR", "GON", "010") != NULL);
    for (size_t i = 0; i < ent_events_count(f.ev); i++) {
        CHECK(strcmp(ent_events_get(f.ev, i)->target, "USA") != 0);
        CHECK(strcmp(ent_events_get(f.ev, i)->source, "ITA") != 0);
    }
    code_text(&f, "The US attacked Mordor.");
    CHECK(find_event(f.ev, "USA", "MOR", "190") != NULL);
    evfx_close(&f);
}

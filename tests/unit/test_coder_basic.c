/* test_coder_basic.c — the event coder on small inline dictionaries and hand-written
 * Penn parses: actors, agents (both placements), compounds, verb codes, pattern
 * elements (words, '_' adjacency, synsets, $ + ^ %), passive voice, symmetric codes,
 * discards, date-restricted codes, require_dyad, datelines and coder options. */
#include "test.h"
#include "entente.h"

#include <unistd.h>

/* ---- fixture: write inline dictionaries to temp files and load them ------------------ */

static const char *cf_file(const char *text) {
    static char paths[8][64];
    static int k;
    return ent_test_temp_file(paths[k++ & 7], text);
}

static const char *VERBS =
    "&CURRENCY\n+DOLLAR\n+SWISS FRANC\n\n"
    "--- ATTACK [190] ---\nATTACK\n- * WITH &CURRENCY [903]\n\n"
    "--- BARGAIN [031] ---\nBARGAIN\n- * FOR_ASYLUM [174]\n- * ASYLUM [175]\n\n"
    "--- VISIT [032:033] ---\nVISIT\n\n"
    "--- CELEBRATE [181] ---\nCELEBRATE\n- * EID AT ^ WITH + [043]\n- $ HOSTED * [044]\n\n"
    "--- AGREE [081] ---\nAGREE\n- % * [030:030]\n- * WITH % [031]\n\n"
    "--- SAY [023] ---\nSAY {SAID SAYS SAYING}\n\n";

static const char *ACTORS =
    "ARNOR [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nMORDOR [MOR]\nLORIEN [ELR/GAL]\n"
    "UNITED ARAB EMIRATES [UAE]\n"
    "GOLLUM\n\t[HOB <950601]\n\t[HOBGOV 19950601-19990815]\n\t[HOBREB >990816]\n";

static const char *AGENTS = "POLICE {} [~COP]\nSOLDIER [~MIL]\nMSF {} [NGO~]\nGOVERNMENT [~GOV]\n";

static const char *DISCARDS = "BASEBALL\n+WORLD CUP\n";

typedef struct fx {
    ent_dicts *d;
    ent_coder *c;
    ent_sentence *s;
    ent_events *ev;
    const char *paths[4];
} fx;

static int fx_open(fx *f, const ent_coder_options *o) {
    memset(f, 0, sizeof *f);
    f->paths[0] = cf_file(VERBS);
    f->paths[1] = cf_file(ACTORS);
    f->paths[2] = cf_file(AGENTS);
    f->paths[3] = cf_file(DISCARDS);
    const char *alist[2] = {f->paths[1], NULL};
    ent_dict_paths p = {f->paths[0], alist, f->paths[2], f->paths[3], NULL, NULL, NULL};
    ent_diag *dg = ent_diag_new();
    ent_status st = ent_dicts_load(&p, dg, &f->d);
    ent_diag_free(dg);
    if (st != ENT_OK) return 0;
    ent_coder_options def;
    ent_coder_options_default(&def);
    f->c = ent_coder_new(f->d, o ? o : &def);
    f->s = ent_sentence_new();
    f->ev = ent_events_new();
    return 1;
}

static void fx_close(fx *f) {
    ent_events_free(f->ev);
    ent_sentence_free(f->s);
    ent_coder_free(f->c);
    ent_dicts_free(f->d);
    for (int i = 0; i < 4; i++) if (f->paths[i]) unlink(f->paths[i]);
}

/* Code one parse as a new story; returns the result, events in f->ev. */
static ent_code_result fx_code(fx *f, const char *ptb, long date) {
    ent_events_clear(f->ev);
    ent_coder_begin_story(f->c);
    if (ent_sentence_parse_ptb(f->s, ptb, strlen(ptb), NULL) != ENT_OK) return ENT_SKIPPED;
    return ent_coder_code(f->c, f->s, date, f->ev);
}

/* Is (src, tgt, code) among the events? */
static int has_event(const ent_events *ev, const char *src, const char *tgt, const char *code) {
    for (size_t i = 0; i < ent_events_count(ev); i++) {
        const ent_event *e = ent_events_get(ev, i);
        if (!strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code)) return 1;
    }
    return 0;
}

static void show(const ent_events *ev) {
    for (size_t i = 0; i < ent_events_count(ev); i++) {
        const ent_event *e = ent_events_get(ev, i);
        printf("    got %s %s %s\n", e->source, e->target, e->code);
    }
}

#define WANT(f, src, tgt, code)                                                  \
    do {                                                                         \
        if (!has_event((f)->ev, src, tgt, code)) { show((f)->ev); }              \
        CHECK(has_event((f)->ev, src, tgt, code));                               \
    } while (0)

/* ---- tests ------------------------------------------------------------------------- */

TEST(coder_actor_verb_and_evidence) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    CHECK_INT(fx_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))", 20010101),
              ENT_CODED);
    CHECK_INT(ent_events_count(f.ev), 1);
    const ent_event *e = ent_events_get(f.ev, 0);
    if (e) {
        CHECK_STR(e->source, "ARN");
        CHECK_STR(e->target, "GON");
        CHECK_STR(e->code, "190");
        CHECK_STR(e->root, "19");
        CHECK_STR(e->source_text, "ARNOR");
        CHECK_STR(e->target_text, "GONDOR");
        CHECK_STR(e->verb_text, "ATTACKED");
    }
    /* a synonym, and a verb form not in the dictionary codes nothing */
    fx_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Minas) (NNP Tirith))) (. .)))", 20010101);
    WANT(&f, "ARN", "GON", "190");
    CHECK_INT(fx_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD admired) (NP (NNP Gondor))) (. .)))", 20010101),
              ENT_CODED);
    CHECK_INT(ent_events_count(f.ev), 0);
    fx_close(&f);
}

TEST(coder_agents_before_and_after_actor) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor) (NN police)) (VP (VBD attacked) (NP (NNP Gondor) (NNS soldiers))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 1);
    WANT(&f, "ARNCOP", "GONMIL", "190");
    fx_code(&f, "(ROOT (S (NP (NNP MSF) (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))", 20010101);
    WANT(&f, "NGOARN", "GON", "190");
    /* possessive: Gondor's government */
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NP (NNP Gondor) (POS 's)) (NN government))) (. .)))",
            20010101);
    WANT(&f, "ARN", "GONGOV", "190");
    fx_close(&f);
}

TEST(coder_compound_actors) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 2);
    WANT(&f, "ARN", "MOR", "190");
    WANT(&f, "GON", "MOR", "190");
    /* a compound code ELR/GAL splits into two targets */
    fx_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Lorien))) (. .)))", 20010101);
    CHECK_INT(ent_events_count(f.ev), 2);
    WANT(&f, "ARN", "ELR", "190");
    WANT(&f, "ARN", "GAL", "190");
    /* "% *": the members of a compound subject act on each other */
    fx_code(&f, "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBP agree)) (. .)))", 20010101);
    CHECK_INT(ent_events_count(f.ev), 2);
    WANT(&f, "ARN", "GON", "030");
    WANT(&f, "GON", "ARN", "030");
    /* "* WITH %": a compound target after WITH, source from the subject */
    fx_code(&f,
            "(ROOT (S (NP (NNP Mordor)) (VP (VBZ agrees) (PP (IN with) (NP (NNP Arnor) (CC and) (NNP Gondor)))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 2);
    WANT(&f, "MOR", "ARN", "031");
    WANT(&f, "MOR", "GON", "031");
    fx_close(&f);
}

TEST(coder_pattern_words_synsets_and_adjacency) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    /* FOR_ASYLUM needs the two words adjacent; ASYLUM alone is the fallback pattern */
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD bargained) (PP (IN for) (NP (NN asylum))) (PP (IN in) (NP (NNP Gondor)))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 1);
    WANT(&f, "ARN", "GON", "174");
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD bargained) (PP (IN for) (NP (JJ political) (NN asylum))) (PP (IN in) (NP (NNP Gondor)))) (. .)))",
            20010101);
    WANT(&f, "ARN", "GON", "175");
    /* a multi-word synset member */
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)) (PP (IN with) (NP (JJ swiss) (NNS franc)))) (. .)))",
            20010101);
    WANT(&f, "ARN", "GON", "903");
    fx_close(&f);
}

TEST(coder_pattern_actor_elements) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    /* "* EID AT ^ WITH +": ^ skips United Arab Emirates, + is Gondor */
    fx_code(&f,
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD celebrated) (NP (NP (NNP Eid)) (PP (IN at) (NP (NNP United) (NNP Arab) (NNP Emirates)))) "
            "(PP (IN with) (NP (NNP Gondor)))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 1);
    WANT(&f, "ARN", "GON", "043");
    /* "$ HOSTED *" on the nested verb CELEBRATING: the source comes from the pattern's $
     * before HOSTED (not a dictionary verb itself), the target is the default */
    fx_code(&f,
            "(ROOT (S (NP (NNP Mordor)) (VP (VBD hosted) (VP (VBG celebrating) (NP (NNP Arnor)))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 1);
    WANT(&f, "MOR", "ARN", "044");
    fx_close(&f);
}

TEST(coder_passive_and_symmetric) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    fx_code(&f,
            "(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Arnor))))) (. .)))",
            20010101);
    CHECK_INT(ent_events_count(f.ev), 1);
    WANT(&f, "ARN", "GON", "190");
    fx_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD visited) (NP (NNP Gondor))) (. .)))", 20010101);
    CHECK_INT(ent_events_count(f.ev), 2);
    WANT(&f, "ARN", "GON", "032");
    WANT(&f, "GON", "ARN", "033");
    fx_close(&f);
}

TEST(coder_discards_sentence_and_story) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    const char *base = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor) (NN baseball) (NNS fans))) (. .)))";
    CHECK_INT(fx_code(&f, base, 20010101), ENT_DISCARD_SENTENCE);
    CHECK_INT(ent_events_count(f.ev), 0);
    const char *story = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor) (NNP World) (NNP Cup) (NNS fans))) (. .)))";
    CHECK_INT(fx_code(&f, story, 20010101), ENT_DISCARD_STORY);
    /* the rest of the story stays discarded; a new story codes again */
    const char *plain = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))";
    ent_sentence_parse_ptb(f.s, plain, strlen(plain), NULL);
    ent_events_clear(f.ev);
    CHECK_INT(ent_coder_code(f.c, f.s, 20010101, f.ev), ENT_DISCARD_STORY);
    CHECK_INT(fx_code(&f, plain, 20010101), ENT_CODED);
    CHECK_INT(ent_events_count(f.ev), 1);
    fx_close(&f);
}

TEST(coder_date_restricted_actor_codes) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    const char *t = "(ROOT (S (NP (NNP Gollum)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))";
    fx_code(&f, t, 19940101);
    WANT(&f, "HOB", "GON", "190");
    fx_code(&f, t, 19970101);
    WANT(&f, "HOBGOV", "GON", "190");
    fx_code(&f, t, 20050101);
    WANT(&f, "HOBREB", "GON", "190");
    fx_close(&f);
}

TEST(coder_require_dyad_and_null_actors) {
    ent_coder_options o;
    ent_coder_options_default(&o);
    CHECK_INT(o.require_dyad, 1);
    fx f;
    if (!fx_open(&f, &o)) { CHECK(0); return; }
    const char *t = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (DT the) (NN village))) (. .)))";
    fx_code(&f, t, 20010101);
    CHECK_INT(ent_events_count(f.ev), 0);
    o.require_dyad = 0;
    ent_coder_set_options(f.c, &o);
    fx_code(&f, t, 20010101);
    CHECK_INT(ent_events_count(f.ev), 1);
    WANT(&f, "ARN", "---", "190");
    /* new_actor_length: short uncoded phrases are reported as their quoted words */
    o.new_actor_length = 2;
    ent_coder_set_options(f.c, &o);
    fx_code(&f, t, 20010101);
    WANT(&f, "ARN", "\"THE VILLAGE\"", "190");
    o.new_actor_length = 1;   /* "THE VILLAGE" has two words: too long */
    ent_coder_set_options(f.c, &o);
    fx_code(&f, t, 20010101);
    WANT(&f, "ARN", "---", "190");
    o.new_actor_length = 0;
    ent_coder_set_options(f.c, &o);
    /* an agent without an actor gives ---GOV */
    fx_code(&f, "(ROOT (S (NP (DT The) (NN government)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))", 20010101);
    WANT(&f, "---GOV", "GON", "190");
    fx_close(&f);
}

TEST(coder_dateline_is_skipped) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    const char *t =
        "(ROOT (NP (NP (NNP CEBU) (NNP CITY)) (: --) (NP (NP (NP (NNP Arnor) (NNP Mayor)) (CC and) "
        "(NP (NP (DT the) (NN town) (POS 's)) (NN fisherfolk))) (VP (VBD attacked) (NP (NNP Gondor)))) (. .)))";
    CHECK_INT(fx_code(&f, t, 20010101), ENT_SKIPPED);
    CHECK_STR(ent_coder_error(f.c), "dateline");
    CHECK_INT(ent_events_count(f.ev), 0);
    /* a normal sentence resets the error */
    fx_code(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))", 20010101);
    CHECK_STR(ent_coder_error(f.c), "");
    fx_close(&f);
}

TEST(coder_options_apply) {
    ent_coder_options o;
    ent_coder_options_default(&o);
    CHECK_INT(o.comma_min, 2);
    CHECK_INT(o.comma_max, 8);
    CHECK_INT(o.comma_bmax, 0);
    ent_diag *d = ent_diag_new();
    CHECK_INT(ent_coder_options_apply(&o, "require_dyad", "False", d), ENT_OK);
    CHECK_INT(o.require_dyad, 0);
    CHECK_INT(ent_coder_options_apply(&o, "comma_emax", "5", d), ENT_OK);
    CHECK_INT(o.comma_emax, 5);
    CHECK_INT(ent_coder_options_apply(&o, "new_actor_length", "3", d), ENT_OK);
    CHECK_INT(o.new_actor_length, 3);
    CHECK_INT(ent_coder_options_apply(&o, "stop_on_error", "True", d), ENT_OK);
    CHECK_INT(ent_diag_count(d), 0);
    CHECK_INT(ent_coder_options_apply(&o, "comma_max", "many", d), ENT_ERR_INVALID);
    CHECK(ent_diag_count(d) == 1 && strstr(ent_diag_message(d, 0), "comma_max"));
    CHECK_INT(o.comma_max, 8);
    CHECK_INT(ent_coder_options_apply(&o, "colour", "blue", d), ENT_ERR_INVALID);
    CHECK(ent_diag_count(d) == 2 && strstr(ent_diag_message(d, 1), "unknown coder option 'colour'"));
    ent_diag_free(d);
}

TEST(coder_comma_clause_removed) {
    fx f;
    if (!fx_open(&f, NULL)) { CHECK(0); return; }
    /* the internal clause ", which Mordor attacked ," (3 words) is removed, so Mordor is
     * not the target; the terminal clause (2..8 words) is removed too */
    const char *t =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NP (NNP Gondor)) (, ,) (SBAR (WHNP (WDT which)) (S (NP (NNP Mordor)) "
        "(VP (VBD attacked)))) (, ,))) (. .)))";
    fx_code(&f, t, 20010101);
    WANT(&f, "ARN", "GON", "190");
    CHECK_INT(ent_events_count(f.ev), 1);
    fx_close(&f);
}

TEST(coder_events_list_basics) {
    ent_events *ev = ent_events_new();
    CHECK_INT(ent_events_count(ev), 0);
    CHECK(ent_events_get(ev, 0) == NULL);
    ent_events_clear(ev);
    ent_events_free(ev);
    ent_events_free(NULL);
    /* a coder without dictionaries codes nothing but does not crash */
    ent_coder *c = ent_coder_new(NULL, NULL);
    ent_sentence *s = ent_sentence_new();
    ent_events *e = ent_events_new();
    const char *t = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))";
    ent_sentence_parse_ptb(s, t, strlen(t), NULL);
    CHECK_INT(ent_coder_code(c, s, 0, e), ENT_CODED);
    CHECK_INT(ent_events_count(e), 0);
    ent_sentence *empty = ent_sentence_new();
    CHECK_INT(ent_coder_code(c, empty, 0, e), ENT_SKIPPED);
    ent_sentence_free(empty);
    ent_events_free(e);
    ent_sentence_free(s);
    ent_coder_free(c);
}

TEST(coder_issue_codes_on_events) {
    const char *v = cf_file(VERBS), *a = cf_file(ACTORS);
    const char *is = cf_file("<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">\nn:sanction [SANCTIONS]\nnuclear weapon [NUCLEAR]\n</ISSUE>\n");
    const char *alist[2] = {a, NULL};
    ent_dict_paths p = {v, alist, NULL, NULL, is, NULL, NULL};
    ent_dicts *d = NULL;
    if (ent_dicts_load(&p, NULL, &d) != ENT_OK) { CHECK(0); return; }
    ent_coder *c = ent_coder_new(d, NULL);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    const char *t = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)) (PP (IN over) (NP (NNS sanctions) "
                    "(CC and) (NNS sanctions)))) (. .)))";
    ent_sentence_parse_ptb(s, t, strlen(t), NULL);
    ent_coder_code(c, s, 20010101, ev);
    CHECK_INT(ent_events_count(ev), 1);
    if (ent_events_count(ev)) CHECK_STR(ent_events_get(ev, 0)->issues, "SANCTIONS 2");
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
    unlink(v); unlink(a); unlink(is);
}

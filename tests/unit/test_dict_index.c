/* test_dict_index.c — the loader's precomputed lookup data and the coder's prefilters:
 * every phrase element carries the hash of its word (plural synset members included),
 * phrase indexes give the longest phrase first and file order among equals, and the
 * coder's synset / issue prefilters never reject a pattern or phrase that matches. */
#include "dict_fixture.h"
#include "coder_fixture.h"

static const char *VERBS =
    "&WEAPON\n"
    "+gun\n"
    "+cruise missile\n"
    "+PENNY\n"
    "\n"
    "&SUDDEN\n"
    "+SUDDENLY\n"
    "\n"
    "--- SEND [070] ---\n"
    "SEND {SENDS SENT SENDING}\n"
    "- * &WEAPON TO + [0874]\n"
    "- klm_nop * rst  uvw [071]\n"
    "\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "- &SUDDEN * + [195]\n";

static const char *ACTORS =
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n"
    "NEW [NW1]\n"
    "New_York [NY1]\n"
    "NEW_YORK_CITY [NYC]\n"
    "NEW_YORK [NY2]\n"
    "NEW CASTLE [NCA]\n";

static int hashes_ok(const ent_pel *el, uint32_t n) {
    for (uint32_t k = 0; k < n; k++)
        if (el[k].h != ent_word_hash(el[k].text)) return 0;
    return 1;
}

TEST(dict_elements_carry_word_hashes) {
    const char *v = fx_file(VERBS), *a = fx_file(ACTORS);
    const char *alist[2] = {a, NULL};
    ent_dict_paths p = {v, alist, NULL, NULL, NULL, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, NULL, &d), ENT_OK);
    if (!d) { fx_unlink(v); fx_unlink(a); return; }
    size_t checked = 0;
    for (size_t i = 0; i < d->nsynsets; i++)
        for (uint32_t m = 0; m < d->synsets[i].nmembers; m++) {
            const ent_phrase *ph = &d->synsets[i].members[m];
            CHECK(hashes_ok(ph->el, ph->n));
            checked += ph->n;
        }
    /* members are uppercased, split at blanks, plurals generated */
    const ent_synset *w = ent_dict_synset(d, "&WEAPON");
    CHECK(w != NULL);
    if (w) {
        int found_missiles = 0, found_pennies = 0;
        for (uint32_t m = 0; m < w->nmembers; m++) {
            const ent_phrase *ph = &w->members[m];
            if (ph->n == 2 && !strcmp(ph->el[0].text, "CRUISE") && !strcmp(ph->el[1].text, "MISSILES")) {
                found_missiles = 1;
                CHECK_INT(ph->el[1].gap, 1);
            }
            if (ph->n == 1 && !strcmp(ph->el[0].text, "PENNIES")) found_pennies = 1;
        }
        CHECK(found_missiles);
        CHECK(found_pennies);
    }
    for (size_t i = 0; i < d->npatterns; i++) {
        CHECK(hashes_ok(d->patterns[i].upper, d->patterns[i].nupper));
        CHECK(hashes_ok(d->patterns[i].lower, d->patterns[i].nlower));
        checked += d->patterns[i].nupper + d->patterns[i].nlower;
    }
    /* "- klm_nop * rst  uvw": connectors after KLM ('_': adjacent) and between RST and
     * UVW (blanks: other words may come between) */
    const ent_pattern *kp = NULL;
    for (size_t i = 0; i < d->npatterns; i++)
        if (!strcmp(d->patterns[i].code, "071")) kp = &d->patterns[i];
    CHECK(kp != NULL);
    if (kp) {
        CHECK_INT(kp->nupper, 2);
        CHECK_INT(kp->nlower, 2);
        if (kp->nupper == 2 && kp->nlower == 2) {
            CHECK_STR(kp->upper[0].text, "KLM");
            CHECK_STR(kp->upper[1].text, "NOP");
            CHECK_INT(kp->upper[1].gap, 1);   /* "NOP *" */
            CHECK_STR(kp->lower[1].text, "UVW");
            CHECK_INT(kp->lower[1].gap, 1);
        }
    }
    for (size_t i = 0; i < d->nactor_phrases; i++) {
        const ent_phrase *ph = &d->actor_phrases[i].phrase;
        CHECK(hashes_ok(ph->el, ph->n));
        checked += ph->n;
    }
    CHECK(checked > 20);
    ent_dicts_free(d);
    fx_unlink(v);
    fx_unlink(a);
}

TEST(dict_index_longest_first_then_file_order) {
    const char *a = fx_file(ACTORS);
    const char *alist[2] = {a, NULL};
    ent_dict_paths p = {NULL, alist, NULL, NULL, NULL, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, NULL, &d), ENT_OK);
    if (!d) { fx_unlink(a); return; }
    const char *code = NULL;
    const char *w1[] = {"NEW", "YORK", "CITY"};
    CHECK_INT(ent_dict_actor_match(d, w1, 3, 0, 0, NULL, &code), 3);
    CHECK_STR(code, "NYC");
    const char *w2[] = {"NEW", "YORK", "TIMES"};
    CHECK_INT(ent_dict_actor_match(d, w2, 3, 0, 0, NULL, &code), 2);
    CHECK_STR(code, "NY1");                       /* the earlier of two equal phrases */
    const char *w3[] = {"NEW", "CASTLE"};
    CHECK_INT(ent_dict_actor_match(d, w3, 2, 0, 0, NULL, &code), 2);
    CHECK_STR(code, "NCA");
    const char *w4[] = {"NEW", "DELHI"};
    CHECK_INT(ent_dict_actor_match(d, w4, 2, 0, 0, NULL, &code), 1);
    CHECK_STR(code, "NW1");
    const char *w5[] = {"OLD", "YORK"};
    CHECK_INT(ent_dict_actor_match(d, w5, 2, 0, 0, NULL, &code), 0);
    CHECK_INT(ent_dict_actor_match(d, w5, 2, 1, 0, NULL, &code), 0);   /* YORK alone is no phrase */
    ent_dicts_free(d);
    fx_unlink(a);
}

static const char *code_one(cfx *f, const char *ptb) {
    ent_events_clear(f->ev);
    ent_sentence_parse_ptb(f->s, ptb, strlen(ptb), NULL);
    ent_coder_begin_story(f->c);
    ent_coder_code(f->c, f->s, 20010101, f->ev);
    if (ent_events_count(f->ev) != 1) return "";
    const ent_event *e = ent_events_get(f->ev, 0);
    static char buf[64];
    snprintf(buf, sizeof buf, "%s %s %s", e->source, e->target, e->code);
    return buf;
}

TEST(coder_synset_prefilter_keeps_matches) {
    cfx f;
    if (!cfx_open(&f, VERBS, ACTORS, "")) { CHECK(0); cfx_close(&f); return; }
    /* a synset member after the verb (a generated plural of a two-word member) */
    CHECK_STR(code_one(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (JJ cruise) (NNS missiles)) "
                           "(PP (TO to) (NP (NNP Gondor)))) (. .)))"),
              "ARN GON 0874");
    /* no member of &WEAPON around the verb: the block's own code */
    CHECK_STR(code_one(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NNS doctors)) "
                           "(PP (TO to) (NP (NNP Gondor)))) (. .)))"),
              "ARN GON 070");
    /* a synset member before the verb */
    CHECK_STR(code_one(&f, "(ROOT (S (NP (NNP Arnor)) (ADVP (RB suddenly)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))"),
              "ARN GON 195");
    CHECK_STR(code_one(&f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))"),
              "ARN GON 190");
    cfx_close(&f);
}

TEST(coder_issue_prefilter_counts_and_ignores) {
    const char *v = fx_file(VERBS), *a = fx_file(ACTORS);
    const char *is = fx_file("<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">\nn:sanction [SANCTIONS]\ncruise missile [MISSILES]\n"
                             "~penny\n</ISSUE>\n");
    const char *alist[2] = {a, NULL};
    ent_dict_paths p = {v, alist, NULL, NULL, is, NULL, NULL};
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load(&p, NULL, &d), ENT_OK);
    if (!d) { fx_unlink(v); fx_unlink(a); fx_unlink(is); return; }
    ent_coder *c = ent_coder_new(d, NULL);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    const char *t1 = "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (JJ cruise) (NN missile)) (PP (TO to) (NP (NNP Gondor)))) "
                     "(PP (IN despite) (NP (NNS sanctions))) (. .)))";
    ent_sentence_parse_ptb(s, t1, strlen(t1), NULL);
    ent_coder_code(c, s, 20010101, ev);
    CHECK_INT(ent_events_count(ev), 1);
    if (ent_events_count(ev)) CHECK_STR(ent_events_get(ev, 0)->issues, "MISSILES 1, SANCTIONS 1");
    /* an ignore phrase anywhere in the sentence: no issues */
    ent_events_clear(ev);
    const char *t2 = "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (DT a) (NN penny)) (PP (TO to) (NP (NNP Gondor)))) "
                     "(PP (IN despite) (NP (NNS sanctions))) (. .)))";
    ent_sentence_parse_ptb(s, t2, strlen(t2), NULL);
    ent_coder_code(c, s, 20010101, ev);
    CHECK_INT(ent_events_count(ev), 1);
    if (ent_events_count(ev)) CHECK_STR(ent_events_get(ev, 0)->issues, "");
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    ent_dicts_free(d);
    fx_unlink(v); fx_unlink(a); fx_unlink(is);
}

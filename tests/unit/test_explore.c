/* test_explore.c — the explorer's store queries on SQLite: actor names from the default
 * dictionaries (whole codes, country + agents, IGOs, unknown parts), full-text search of
 * sentences (stemmed, prefix, words that must all occur, quote-safe, kept in step when a
 * story is re-coded), newest-first order, counts by root/PLOVER, one story with its
 * sentences. */
#include "test.h"
#include "entente.h"

#include <stdlib.h>
#include <unistd.h>

TEST(explore_actor_names_from_default_dicts) {
    ent_diag *dg = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, dg, &d), ENT_OK);
    ent_diag_free(dg);
    if (!d) return;
    ent_actor_names *n = ent_actor_names_new(d);
    static const char *const cases[][2] = {
        {"USA", "United States"},                   /* the ISO name, not "US" or a city */
        {"RUS", "Russian Federation"},
        {"USAGOV", "United States government"},     /* country + agent */
        {"RUSMIL", "Russian Federation military"},
        {"IGOUNODEVWBK", "World Bank"},             /* an IGO record */
        {"USAQQQ", "United States QQQ"},            /* an unknown agent part stays a code */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = ent_actor_names_get(n, cases[i][0]);
        CHECK_STR(got, cases[i][1]);
        free(got);
    }
    CHECK(ent_actor_names_get(n, "QQQZZZ") == NULL);   /* nothing known: no name */
    CHECK(ent_actor_names_get(n, "---") == NULL);
    CHECK(ent_actor_names_get(n, "") == NULL);
    CHECK_INT(ent_actor_names_has(n, "RUSGOV", 3), 1);
    CHECK_INT(ent_actor_names_has(n, "GOVRUS", 3), 0);
    ent_actor_names_free(n);
    ent_dicts_free(d);
}

typedef struct got { char buf[2048]; } got;

static int on_event(const ent_event_context *c, const ent_event *e, void *u) {
    got *g = u;
    size_t n = strlen(g->buf);
    snprintf(g->buf + n, sizeof g->buf - n, "%s/%ld:%s ", c->story_id, c->sentence_index, e->code);
    return 0;
}

static const char *events(ent_store *st, const char *text, int newest) {
    static got g;
    g.buf[0] = 0;
    ent_store_filter f = {0};
    f.text = text;
    f.newest_first = newest;
    long total = -1;
    if (ent_store_query_events(st, &f, on_event, &g, &total) != ENT_OK) return "error";
    return g.buf;
}

static void story(ent_store *st, const char *id, long date, const char *const *sents, size_t n, const char *title) {
    ent_story_meta m = {id, date, "Example Wire", title, "https://example.org/x", 0};
    CHECK_INT(ent_store_begin_story(st, &m), ENT_OK);
    for (size_t i = 0; i < n; i++) {
        CHECK_INT(ent_store_add_sentence(st, (long)i, NULL, date, sents[i]), ENT_OK);
        ent_event e = {0};
        e.source = "USAGOV"; e.target = i ? "RUS" : "---"; e.code = i ? "112" : "051"; e.root = i ? "11" : "05";
        e.quad = i ? 3 : 1; e.plover = i ? "ACCUSE" : "CONSULT";
        ent_event_context c = {id, (long)i, NULL, date, sents[i], {0, 0}, NULL, NULL, NULL};
        CHECK_INT(ent_store_add_event(st, &c, &e), ENT_OK);
    }
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
}

static int on_cat(const char *root, const char *plover, int quad, long n, void *u) {
    got *g = u;
    size_t k = strlen(g->buf);
    snprintf(g->buf + k, sizeof g->buf - k, "%s/%s/%d=%ld ", root, plover, quad, n);
    return 0;
}

static int on_meta(const ent_story_meta *m, void *u) {
    got *g = u;
    snprintf(g->buf, sizeof g->buf, "%s|%ld|%s|%s|%s;", m->story_id, m->date, m->title, m->url, m->publisher);
    return 0;
}

static int on_sent(long i, const char *sid, long date, const char *text, void *u) {
    got *g = u;
    size_t k = strlen(g->buf);
    snprintf(g->buf + k, sizeof g->buf - k, "%ld:%s;", i, text);
    (void)sid; (void)date;
    return 0;
}

TEST(explore_search_counts_story) {
    char path[128];
    snprintf(path, sizeof path, "/tmp/entente-explore-test-%d.db", (int)getpid());
    unlink(path);
    ent_diag *dg = ent_diag_new();
    ent_store *st = NULL;
    CHECK_INT(ent_store_open(path, dg, &st), ENT_OK);
    ent_diag_free(dg);
    if (!st) return;
    const char *a[] = {"The envoys met in Geneva.", "Washington accused Moscow of sanctions busting."};
    const char *b[] = {"Ministers meet again.", "Washington criticised the new sanction \"list\"."};
    story(st, "a", 20240105, a, 2, "Talks in Geneva");
    story(st, "b", 20240210, b, 2, NULL);
    CHECK_STR(events(st, "sanctions", 0), "a/1:112 b/1:112 ");      /* stemmed: sanction(s) */
    CHECK_STR(events(st, "washington accused", 0), "a/1:112 ");      /* every word must occur */
    CHECK_STR(events(st, "gene*", 0), "a/0:051 ");                   /* prefix */
    CHECK_STR(events(st, "\"list", 0), "b/1:112 ");                  /* a stray quote is no syntax error */
    CHECK_STR(events(st, "NEAR(", 0), "");                           /* nor FTS5 operators */
    CHECK_STR(events(st, "\"\"", 0), "");                            /* no words: nothing */
    CHECK_STR(events(st, "tanks", 0), "");
    CHECK_STR(events(st, NULL, 1), "b/1:112 b/0:051 a/1:112 a/0:051 "); /* newest first */
    /* re-coding a story replaces its sentences in the index too */
    const char *a2[] = {"The envoys met in Vienna.", "Nothing else happened."};
    story(st, "a", 20240105, a2, 2, "Talks in Vienna");
    CHECK_STR(events(st, "geneva", 0), "");
    CHECK_STR(events(st, "vienna", 0), "a/0:051 ");
    CHECK_STR(events(st, "sanctions", 0), "b/1:112 ");
    /* counts by root / PLOVER / quad for a filter */
    got g = {{0}};
    ent_store_filter f = {0};
    CHECK_INT(ent_store_category_counts(st, &f, on_cat, &g), ENT_OK);
    CHECK_STR(g.buf, "05/CONSULT/1=2 11/ACCUSE/3=2 ");
    g.buf[0] = 0;
    f.text = "sanctions";
    CHECK_INT(ent_store_category_counts(st, &f, on_cat, &g), ENT_OK);
    CHECK_STR(g.buf, "11/ACCUSE/3=1 ");
    /* one story, all its sentences (also one that gave no event) */
    ent_story_meta more = {"a", 20240105, "Example Wire", "Talks in Vienna", "https://example.org/x", 1};
    CHECK_INT(ent_store_begin_story(st, &more), ENT_OK);
    CHECK_INT(ent_store_add_sentence(st, 2, NULL, 20240105, "The weather was fine."), ENT_OK);
    CHECK_INT(ent_store_commit_story(st), ENT_OK);
    int found = 0;
    g.buf[0] = 0;
    CHECK_INT(ent_store_story(st, "a", on_meta, on_sent, &g, &found), ENT_OK);
    CHECK_INT(found, 1);
    CHECK_STR(g.buf, "a|20240105|Talks in Vienna|https://example.org/x|Example Wire;0:The envoys met in Vienna.;1:Nothing else happened.;"
                     "2:The weather was fine.;");
    CHECK_STR(events(st, "weather", 0), "");   /* indexed, but no event in that sentence */
    CHECK_INT(ent_store_story(st, "zzz", on_meta, on_sent, &g, &found), ENT_OK);
    CHECK_INT(found, 0);
    /* actor names: stored once per code */
    ent_diag *dg2 = ent_diag_new();
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, dg2, &d), ENT_OK);
    ent_diag_free(dg2);
    ent_actor_names *n = ent_actor_names_new(d);
    long named = -1;
    CHECK_INT(ent_store_name_actors(st, n, &named), ENT_OK);
    CHECK_INT(named, 2);
    CHECK_INT(ent_store_name_actors(st, n, &named), ENT_OK);
    CHECK_INT(named, 0);   /* already named */
    char *name = NULL, *country = NULL;
    CHECK_INT(ent_store_actor_name(st, "USAGOV", &name, &country), ENT_OK);
    CHECK_STR(name, "United States government");
    CHECK_STR(country, "United States");
    free(name); free(country);
    CHECK_INT(ent_store_actor_name(st, "ZZZ", &name, &country), ENT_OK);
    CHECK(name == NULL && country == NULL);
    ent_actor_names_free(n);
    ent_dicts_free(d);
    ent_store_close(st);
    ent_test_remove_sqlite(path);
}

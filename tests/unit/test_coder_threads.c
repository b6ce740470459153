/* test_coder_threads.c — one dictionary set shared by coders on several threads: raw
 * text (tagger, chunker) and Penn parses coded concurrently give exactly the events of a
 * serial run.  (Races themselves are checked with valgrind --tool=helgrind on
 * 'entente code -j 2'; this test guards the observable result.) */
#include "test.h"
#include "entente.h"

#include <pthread.h>

static const char *const TH_TEXTS[] = {
    "India rejected the allegations by Canada.",
    "Brazil urged Venezuela to show restraint.",
    "Japan pledged humanitarian aid to Pakistan.",
    "Russian forces attacked Ukraine.",
    "Poland expelled three Belarusian diplomats.",
    "Iran fired missiles at Israel.",
    "Russia told us it would attack Ukraine.",
    "The European Union imposed sanctions on Russia.",
};
#define TH_N (sizeof TH_TEXTS / sizeof TH_TEXTS[0])
#define TH_ROUNDS 25

typedef struct th_job {
    const ent_dicts *d;
    char out[TH_N][256];   /* per sentence: "SRC TGT CODE [s,e] ..." of every event */
    int ok;
} th_job;

static void render(const ent_events *ev, char *buf, size_t cap) {
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < ent_events_count(ev) && n < cap; i++) {
        const ent_event *e = ent_events_get(ev, i);
        int w = snprintf(buf + n, cap - n, "%s %s %s [%u,%u];", e->source, e->target, e->code,
                         e->source_span.start, e->source_span.end);
        if (w < 0) break;
        n += (size_t)w;
    }
}

static void *th_run(void *arg) {
    th_job *j = arg;
    ent_coder *c = ent_coder_new(j->d, NULL);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    j->ok = 1;
    for (int r = 0; r < TH_ROUNDS; r++)
        for (size_t i = 0; i < TH_N; i++) {
            ent_events_clear(ev);
            ent_coder_begin_story(c);
            if (ent_sentence_analyze(s, TH_TEXTS[i], strlen(TH_TEXTS[i]), NULL) != ENT_OK) { j->ok = 0; continue; }
            ent_coder_code(c, s, 20240101, ev);
            char buf[256];
            render(ev, buf, sizeof buf);
            if (r == 0) memcpy(j->out[i], buf, sizeof buf);
            else if (strcmp(buf, j->out[i])) j->ok = 0;   /* the same thread must be stable too */
        }
    ent_events_free(ev);
    ent_sentence_free(s);
    ent_coder_free(c);
    return NULL;
}

TEST(coder_threads_share_dictionaries) {
    ent_dicts *d = NULL;
    CHECK_INT(ent_dicts_load_default(NULL, NULL, &d), ENT_OK);
    if (!d) return;
    static th_job serial, par[2];
    serial.d = d;
    th_run(&serial);
    CHECK(serial.ok);
    int events = 0;
    for (size_t i = 0; i < TH_N; i++) events += serial.out[i][0] != 0;
    CHECK(events >= 5);   /* the sentences do code: the comparison below means something */
    pthread_t t[2];
    for (int k = 0; k < 2; k++) {
        par[k].d = d;
        CHECK_INT(pthread_create(&t[k], NULL, th_run, &par[k]), 0);
    }
    for (int k = 0; k < 2; k++) pthread_join(t[k], NULL);
    for (int k = 0; k < 2; k++) {
        CHECK(par[k].ok);
        for (size_t i = 0; i < TH_N; i++) CHECK_STR(par[k].out[i], serial.out[i]);
    }
    ent_dicts_free(d);
}

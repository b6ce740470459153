/* test_document.c — ent_code_document, the library's one call from a read document to
 * dated events: story text and date, sentence dates and offsets, event spans in story
 * offsets, story discards, stopping, warnings, a coder without dictionaries. */
#include "coder_fixture.h"

static const char *VERBS =
    "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED CRITICISED CRITICISES}\n\n"
    "--- MEET [040] ---\nMEET {MEETS MET MEETING}\n- * WITH + [040]\n";
static const char *ACTORS = "RUSSIA [RUS]\nFRANCE [FRA]\nGERMANY [DEU]\n";
static const char *AGENTS = "PRESIDENT [~GOV]\n";

typedef struct seen {
    char out[1024];           /* one line per sentence: "index date [start,end) result: events" */
    const ent_story *story;
    int stop_after;           /* stop after this many sentences (0: never) */
    int n;
} seen;

static int on_sentence(const ent_story_sentence *s, void *user) {
    seen *v = user;
    size_t n = strlen(v->out);
    snprintf(v->out + n, sizeof v->out - n, "%ld %ld [%u,%u) %d:", s->index, s->date, s->span.start, s->span.end,
             (int)s->result);
    /* the sentence text is the story text at its span, and each event's words are the
     * story text at their spans */
    CHECK(s->text == s->story->text + s->span.start && s->len == s->span.end - s->span.start);
    for (size_t k = 0; k < ent_events_count(s->events); k++) {
        const ent_event *e = ent_events_get(s->events, k);
        n = strlen(v->out);
        snprintf(v->out + n, sizeof v->out - n, " %s>%s:%s %.*s|%.*s", e->source, e->target, e->code,
                 (int)(e->source_span.end - e->source_span.start), s->story->text + e->source_span.start,
                 (int)(e->verb_span.end - e->verb_span.start), s->story->text + e->verb_span.start);
    }
    n = strlen(v->out);
    snprintf(v->out + n, sizeof v->out - n, "\n");
    v->story = s->story;
    return v->stop_after && ++v->n >= v->stop_after;
}

static ent_doc make_doc(const char *title, const char *date_text, long date, const char *text) {
    ent_doc d = {"t1", "test.jsonl:3", date_text, date, title, text, strlen(text), "", "", "", 0, NULL};
    return d;
}

TEST(document_dates_offsets_and_headline) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_diag *diag = ent_diag_new();
        ent_doc d = make_doc("Russia criticises France", "2024-03-08", 20240308,
                             "Russia criticised France on Tuesday. Germany met with France yesterday.");
        seen v = {{0}, NULL, 0, 0};
        ent_story story;
        CHECK_INT(ent_code_document(f.c, &d, NULL, on_sentence, &v, &story, diag), ENT_OK);
        /* the headline is coded first, then the body; dates resolve against the story's */
        CHECK_STR(story.title, "Russia criticises France");
        CHECK_INT(story.date, 20240308);
        CHECK_STR(story.text, "Russia criticises France\n\nRussia criticised France on Tuesday. Germany met with France yesterday.");
        CHECK_STR(v.out, "0 20240308 [0,24) 0: RUS>FRA:111 Russia|criticises\n"
                         "1 20240305 [26,62) 0: RUS>FRA:111 Russia|criticised\n"
                         "2 20240307 [63,97) 0: DEU>FRA:040 Germany|met with\n");
        CHECK_INT(ent_diag_count(diag), 0);
        ent_diag_free(diag);
    }
    cfx_close(&f);
}

TEST(document_story_date_from_text_and_warnings) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_diag *diag = ent_diag_new();
        /* a date that is not understood: the dateline's date is used, with a warning */
        ent_doc d = make_doc("", "sometime", 0, "MOSCOW, Feb 4, 2022 (Reuters) - Russia criticised France.");
        seen v = {{0}, NULL, 0, 0};
        ent_story story;
        CHECK_INT(ent_code_document(f.c, &d, NULL, on_sentence, &v, &story, diag), ENT_OK);
        CHECK_INT(story.date, 20220204);
        CHECK_INT(ent_diag_count(diag), 1);
        CHECK_STR(ent_diag_message(diag, 0),
                  "test.jsonl:3: warning: date 'sometime' not understood; using the date found in the text");
        CHECK(strstr(v.out, "RUS>FRA:111") != NULL);
        /* no text at all: a warning, no sentence */
        ent_diag_clear(diag);
        ent_doc empty = make_doc("", "", 0, "   \n ");
        v.out[0] = 0;
        CHECK_INT(ent_code_document(f.c, &empty, NULL, on_sentence, &v, &story, diag), ENT_OK);
        CHECK_STR(v.out, "");
        CHECK_INT(story.date, 0);
        CHECK_INT(ent_diag_count(diag), 1);
        CHECK_STR(ent_diag_message(diag, 0), "test.jsonl:3: warning: no text to code after cleanup");
        ent_diag_free(diag);
    }
    cfx_close(&f);
}

TEST(document_stop_and_sentences_only) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        const char *text = "Russia criticised France. Germany met with France. France criticised Germany.";
        ent_doc d = make_doc("", "", 20240101, text);
        /* the callback stops the story after two sentences */
        seen v = {{0}, NULL, 2, 0};
        CHECK_INT(ent_code_document(f.c, &d, NULL, on_sentence, &v, NULL, NULL), ENT_OK);
        CHECK_INT(v.n, 2);
        CHECK(strstr(v.out, "DEU>FRA:040") != NULL && !strstr(v.out, "FRA>DEU"));
        /* sentences only: split and dated, nothing coded */
        ent_document_options o = {1, 0};
        seen w = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_document(f.c, &d, &o, on_sentence, &w, NULL, NULL), ENT_OK);
        CHECK_STR(w.out, "0 20240101 [0,25) 0:\n1 20240101 [26,50) 0:\n2 20240101 [51,77) 0:\n");
        /* a coder made without dictionaries does the same */
        ent_coder *bare = ent_coder_new(NULL, NULL);
        seen b = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_document(bare, &d, NULL, on_sentence, &b, NULL, NULL), ENT_OK);
        CHECK_STR(b.out, w.out);
        ent_coder_free(bare);
        /* NULL arguments are refused with a message */
        ent_diag *diag = ent_diag_new();
        CHECK_INT(ent_code_document(NULL, &d, NULL, NULL, NULL, NULL, diag), ENT_ERR_INVALID);
        CHECK_INT(ent_code_document(f.c, NULL, NULL, NULL, NULL, NULL, diag), ENT_ERR_INVALID);
        CHECK_INT(ent_diag_errors(diag), 2);
        ent_diag_free(diag);
    }
    cfx_close(&f);
}

TEST(document_story_discard_ends_story) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_dicts_free(f.d);
        ent_coder_free(f.c);
        f.d = NULL;
        f.c = NULL;
        char dpath[64];
        CHECK(ent_test_temp_file(dpath, "+SOCCER\n") != NULL);
        const char *alist[2] = {f.paths[1], NULL};
        ent_dict_paths p = {f.paths[0], alist, f.paths[2], dpath, NULL, NULL, NULL};
        CHECK_INT(ent_dicts_load(&p, NULL, &f.d), ENT_OK);
        f.c = ent_coder_new(f.d, NULL);
        ent_doc d = make_doc("", "", 20240101,
                             "Russia criticised France. The soccer match ended. Germany met with France.");
        seen v = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_document(f.c, &d, NULL, on_sentence, &v, NULL, NULL), ENT_OK);
        /* the discard's sentence is delivered with its result, and nothing after it */
        CHECK_STR(v.out, "0 20240101 [0,25) 0: RUS>FRA:111 Russia|criticised\n1 20240101 [26,49) 2:\n");
        unlink(dpath);
    }
    cfx_close(&f);
}

TEST(document_record_parse_and_text) {
    cfx f;
    CHECK(cfx_open(&f, VERBS, ACTORS, AGENTS));
    if (f.d) {
        ent_petr_record r = {0};
        r.id = "r1";
        r.date = 20150102;
        r.text = "Russia criticised France.";
        r.parse = "(ROOT (S (NP (NNP Russia)) (VP (VBD criticised) (NP (NNP France))) (. .)))";
        /* from the parse: the events, with no offsets (parse tokens have none) */
        seen v = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_record(f.c, &r, 0, on_sentence, &v, NULL), ENT_OK);
        CHECK_STR(v.out, "0 20150102 [0,25) 0: RUS>FRA:111 |\n");
        /* from the text: offsets in <Text> */
        seen t = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_record(f.c, &r, 1, on_sentence, &t, NULL), ENT_OK);
        CHECK_STR(t.out, "0 20150102 [0,25) 0: RUS>FRA:111 Russia|criticised\n");
        /* a broken parse: its status and message, no callback */
        r.parse = "(ROOT (S (NP (NNP Russia))";
        ent_diag *diag = ent_diag_new();
        seen b = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_record(f.c, &r, 0, on_sentence, &b, diag), ENT_ERR_SYNTAX);
        CHECK_STR(b.out, "");
        CHECK_INT(ent_diag_errors(diag), 1);
        /* a coder without dictionaries reads the parse and codes nothing */
        r.parse = "(ROOT (S (NP (NNP Russia)) (VP (VBD criticised) (NP (NNP France))) (. .)))";
        ent_coder *bare = ent_coder_new(NULL, NULL);
        seen n = {{0}, NULL, 0, 0};
        CHECK_INT(ent_code_record(bare, &r, 0, on_sentence, &n, NULL), ENT_OK);
        CHECK_STR(n.out, "0 20150102 [0,25) 0:\n");
        ent_coder_free(bare);
        CHECK_INT(ent_code_record(f.c, NULL, 0, NULL, NULL, diag), ENT_ERR_INVALID);
        ent_diag_free(diag);
    }
    cfx_close(&f);
}

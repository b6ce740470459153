/* document.c — ent_code_document: one read document to its dated, offset-carrying
 * events, the pipeline `entente code` runs per story:
 *   ent_text_clean_with (artifacts out, headline found) -> story text = headline(s) +
 *   body -> ent_text_normalize -> story date -> ent_split_tokens -> per sentence:
 *   ent_date_resolve, ent_sentence_analyze_tokens, ent_coder_code -> event spans shifted
 *   from sentence to story offsets -> the caller's callback.
 * And ent_code_record, its counterpart for a PETRARCH record (a parse, or its text).
 * Everything reused between documents lives in the coder's document work area
 * (ent_docwork): the cleanup scratch, the sentence with its own work area (the splitter's
 * token cache, handed explicitly to the analysis of each sentence, which so does not
 * tokenize it again; tagging and chunking scratch), the event list and the story text.
 * A coder is used by one thread at a time, so this is that thread's whole work area. */
#include "coder/document.h"
#include "coder/coder_events.h"
#include "syntax/analyze.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

struct ent_docwork {
    ent_clean_scratch clean;
    ent_sentence *sentence;   /* with its analysis scratch and the splitter's token cache */
    ent_events *events;
    char *raw;            /* headline(s) + cleaned body, before normalisation */
    size_t raw_cap;
    char *text;           /* the story text (ent_text_normalize's result) */
    char *title;
    ent_story story;
};

void ent_docwork_free(ent_docwork *w) {
    if (!w) return;
    ent_clean_scratch_free(&w->clean);
    ent_sentence_free(w->sentence);
    ent_events_free(w->events);
    free(w->raw);
    free(w->text);
    free(w->title);
    free(w);
}

static ent_docwork *docwork_get(ent_coder *c) {
    ent_docwork **slot = ent_coder_docwork(c);
    if (!*slot) {
        ent_docwork *w = ent_xcalloc(1, sizeof *w);
        w->sentence = ent_sentence_new();
        w->events = ent_events_new();
        *slot = w;
    }
    return *slot;
}

static ent_span shift_span(ent_span s, uint32_t by) {
    if (s.end > s.start) { s.start += by; s.end += by; }
    return s;
}

typedef struct doc_run {
    ent_coder *coder;
    ent_docwork *w;
    const ent_document_options *o;
    ent_story_fn fn;
    void *user;
    ent_diag *diag;
    long index;
    int stop;
} doc_run;

/* One sentence: its date, analysis and coding, then the caller's callback. */
static int on_split_sentence(const char *text, size_t len, ent_span span, const ent_tokcache *toks, void *user) {
    doc_run *r = user;
    ent_docwork *w = r->w;
    ent_story_sentence s = {&w->story, r->index++, text, len, span,
                            ent_date_resolve(text, len, w->story.date), ENT_CODED, w->events};
    ent_events_clear(w->events);
    if (!r->o->sentences_only) {
        if (ent_sentence_analyze_tokens(w->sentence, text, len, toks, r->o->verbose ? r->diag : NULL) != ENT_OK) {
            s.result = ENT_SKIPPED;
        } else {
            s.result = ent_coder_code(r->coder, w->sentence, s.date, w->events);
            if (s.result != ENT_CODED) ent_events_clear(w->events);
            /* the coder's spans are offsets in the sentence: make them offsets in the story */
            for (size_t i = 0; i < w->events->n; i++) {
                ent_event *e = &w->events->v[i];
                e->source_span = shift_span(e->source_span, span.start);
                e->target_span = shift_span(e->target_span, span.start);
                e->verb_span = shift_span(e->verb_span, span.start);
            }
            if (s.result == ENT_DISCARD_STORY) r->stop = 1;
        }
    }
    if (r->fn && r->fn(&s, r->user)) r->stop = 1;
    return r->stop;
}

/* The story text: the headline (it often carries the event), a second headline that
 * cleanup found in the text when the document had its own title, then the running text,
 * separated by blank lines; then normalised.  Sets w->story. */
static void build_story(ent_docwork *w, const ent_doc *d, const ent_cleaned *cl) {
    const char *heads[2] = {*d->title ? d->title : cl->headline,
                            *d->title && *cl->headline && strcmp(d->title, cl->headline) ? cl->headline : ""};
    size_t raw_len = strlen(heads[0]) + strlen(heads[1]) + 4 + cl->len;
    if (raw_len + 1 > w->raw_cap) {
        free(w->raw);
        w->raw_cap = raw_len + 1 > 4096 ? raw_len + 1 : 4096;
        w->raw = ent_xmalloc(w->raw_cap);
    }
    char *raw = w->raw;
    size_t k = 0;
    for (int h = 0; h < 2; h++) {
        size_t hl = strlen(heads[h]);
        if (!hl) continue;
        memcpy(raw + k, heads[h], hl);
        k += hl;
        memcpy(raw + k, "\n\n", 2);
        k += 2;
    }
    if (!cl->len && k) k -= 2;
    memcpy(raw + k, cl->text, cl->len);
    k += cl->len;
    raw[k] = 0;
    free(w->text);
    free(w->title);
    w->text = ent_text_normalize(raw, k, &w->story.len);
    w->title = ent_xstrdup(heads[0]);
    w->story.text = w->text;
    w->story.title = w->title;
    w->story.date = d->date ? d->date : cl->print_date;
    if (!w->story.date) w->story.date = ent_date_from_text(d->text, d->text_len);
}

ent_status ent_code_document(ent_coder *c, const ent_doc *doc, const ent_document_options *opts,
                             ent_story_fn fn, void *user, ent_story *story, ent_diag *diag) {
    if (!c || !doc) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "ent_code_document: %s is NULL", c ? "the document" : "the coder");
        return ENT_ERR_INVALID;
    }
    static const ent_document_options defaults = {0, 0};
    ent_document_options o = opts ? *opts : defaults;
    if (!ent_coder_has_dicts(c)) o.sentences_only = 1;
    ent_docwork *w = docwork_get(c);
    ent_cleaned cl;
    ent_text_clean_with(&w->clean, doc->text, doc->text_len, &cl);
    build_story(w, doc, &cl);
    ent_coder_begin_story(c);
    ent_cd_set_dateline(c, cl.dateline);
    ent_cd_scan_story(c, w->story.text, w->story.len);
    ent_cleaned_free(&cl);
    if (story) *story = w->story;
    if (*doc->date_text && !doc->date)
        ent_diag_add(diag, ENT_WARNING, doc->origin, 0, "date '%.40s' not understood; using %s", doc->date_text,
                     w->story.date ? "the date found in the text" : "no date");
    if (!w->story.len) ent_diag_add(diag, ENT_WARNING, doc->origin, 0, "no text to code after cleanup");
    doc_run r = {c, w, &o, fn, user, diag, 0, 0};
    ent_split_tokens(w->story.text, w->story.len, o.sentences_only ? NULL : ent_sentence_tokcache(w->sentence), on_split_sentence, &r);
    return ENT_OK;
}

ent_status ent_code_record(ent_coder *c, const ent_petr_record *rec, int from_text, ent_story_fn fn, void *user,
                           ent_diag *diag) {
    if (!c || !rec) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "ent_code_record: %s is NULL", c ? "the record" : "the coder");
        return ENT_ERR_INVALID;
    }
    ent_docwork *w = docwork_get(c);
    const char *text = rec->text ? rec->text : "", *parse = rec->parse ? rec->parse : "";
    size_t len = strlen(text);
    ent_coder_begin_story(c);
    ent_events_clear(w->events);
    ent_status st = from_text ? ent_sentence_analyze(w->sentence, text, len, diag)
                              : ent_sentence_parse_ptb(w->sentence, parse, strlen(parse), diag);
    if (st != ENT_OK) return st;
    w->story = (ent_story){"", rec->date, text, len};
    ent_story_sentence s = {&w->story, 0, text, len, {0, (uint32_t)len}, rec->date, ENT_CODED, w->events};
    if (ent_coder_has_dicts(c)) {
        s.result = ent_coder_code(c, w->sentence, rec->date, w->events);
        if (s.result != ENT_CODED) ent_events_clear(w->events);
        /* the parse's tokens are not offsets in <Text>: no spans then */
        for (size_t i = 0; i < w->events->n && !from_text; i++)
            w->events->v[i].source_span = w->events->v[i].target_span = w->events->v[i].verb_span = (ent_span){0, 0};
    }
    if (fn) fn(&s, user);
    return ENT_OK;
}

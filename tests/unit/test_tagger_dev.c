/* test_tagger_dev.c — POS accuracy and base-NP F1 of entente's tagger and chunker
 * against the Penn parses of the PETRARCH dev records (../shared; skipped without it).
 * The tagger and chunker run on the gold tokens so the two are measured apart from the
 * tokenizer; the numbers are printed and must stay above the floors below. */
#include "test.h"
#include "syntax/tagger.h"
#include "text/text.h"

#include <ctype.h>

typedef struct devstats {
    size_t tokens, correct;
    size_t gold_np, pred_np, match_np;
    size_t records;
    ent_sentence *gold, *pred;
} devstats;

/* Base NPs: NP nodes with no NP below them; written as (first << 32 | end) keys. */
static size_t base_nps(const ent_sentence *s, uint64_t *out, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < s->nnodes; i++) {
        const ent_node *n = &s->nodes[i];
        if (!ent_label_is(n, "NP")) continue;
        int inner = 0;
        for (size_t j = i + 1; j < s->nnodes && !inner; j++) {
            if (!ent_label_is(&s->nodes[j], "NP")) continue;
            for (int32_t p = s->nodes[j].parent; p >= 0; p = s->nodes[p].parent)
                if ((size_t)p == i) { inner = 1; break; }
        }
        if (!inner && k < cap) out[k++] = ((uint64_t)n->tok_first << 32) | (uint32_t)n->tok_end;
    }
    return k;
}

static int kind_of(const char *t) {
    if (isdigit((unsigned char)t[0])) return ENT_TOK_NUMBER;
    if (isalpha((unsigned char)t[0]) && strcasecmp(t, "n't") != 0) return ENT_TOK_WORD;
    if ((t[0] == '\'' && t[1] && t[1] != '\'') || strcasecmp(t, "n't") == 0 || strcmp(t, "'") == 0) return ENT_TOK_CLITIC;
    if ((unsigned char)t[0] >= 0x80) return ENT_TOK_WORD;
    return ENT_TOK_PUNCT;
}

static int on_rec(const ent_petr_record *r, void *user) {
    devstats *st = user;
    if (!r->parse[0]) return 0;
    if (ent_sentence_parse_ptb(st->gold, r->parse, strlen(r->parse), NULL) != ENT_OK) return 0;
    size_t n = st->gold->ntokens;
    ent_tagword *w = calloc(n ? n : 1, sizeof *w);
    for (size_t i = 0; i < n; i++) {
        w[i].text = st->gold->tokens[i].text;
        w[i].len = strlen(w[i].text);
        w[i].kind = kind_of(w[i].text);
    }
    ent_tag_words(&ent_sentence_work(st->pred)->tag, w, n);
    for (size_t i = 0; i < n; i++) {
        const char *g = st->gold->tokens[i].tag;
        if (strncmp(g, "AUX", 3) == 0) continue; /* not a Penn tag */
        st->tokens++;
        if (strcmp(g, w[i].tag) == 0) st->correct++;
        else if (getenv("ENT_TAG_DEBUG")) fprintf(stderr, "%s: %s gold %s got %s | %s %s _ %s %s\n", r->id, w[i].text, g, w[i].tag,
                                              i > 0 ? w[i - 1].text : "^", i > 0 ? w[i - 1].tag : "", i + 1 < n ? w[i + 1].text : "$", i + 1 < n ? w[i + 1].tag : "");
    }
    ent_sentence_reset(st->pred);
    ent_chunk(st->pred, w, NULL, n);
    uint64_t g[512], p[512];
    size_t ng = base_nps(st->gold, g, 512), np = base_nps(st->pred, p, 512);
    st->gold_np += ng;
    st->pred_np += np;
    for (size_t a = 0; a < ng; a++)
        for (size_t b = 0; b < np; b++)
            if (g[a] == p[b]) { st->match_np++; break; }
    if (getenv("ENT_NP_DEBUG")) {
        for (int side = 0; side < 2; side++) {
            uint64_t *x = side ? p : g, *y = side ? g : p;
            size_t nx = side ? np : ng, ny = side ? ng : np;
            for (size_t a = 0; a < nx; a++) {
                size_t b = 0;
                while (b < ny && y[b] != x[a]) b++;
                if (b < ny) continue;
                fprintf(stderr, "%s %s:", side ? "extra" : "missed", r->id);
                for (uint32_t t = (uint32_t)(x[a] >> 32); t < (uint32_t)x[a]; t++) fprintf(stderr, " %s/%s", w[t].text, w[t].tag);
                fprintf(stderr, "\n");
            }
        }
    }
    CHECK_INT(st->pred->ntokens, n);
    st->records++;
    free(w);
    return 0;
}

TEST(tagger_dev_records_accuracy) {
    SHARED_OR_SKIP(path, "petrarch/records/PETR.UnitTest.dev.xml");
    devstats st = {0};
    st.gold = ent_sentence_new();
    st.pred = ent_sentence_new();
    CHECK(ent_lex_words() > 50000);
    ent_status rc = ent_petrxml_read(path, NULL, on_rec, &st, NULL);
    CHECK_INT(rc, ENT_OK);
    CHECK(st.records > 100);
    double acc = st.tokens ? 100.0 * (double)st.correct / (double)st.tokens : 0;
    double prec = st.pred_np ? (double)st.match_np / (double)st.pred_np : 0;
    double rec = st.gold_np ? (double)st.match_np / (double)st.gold_np : 0;
    double f1 = prec + rec > 0 ? 200.0 * prec * rec / (prec + rec) : 0;
    fprintf(stderr, "  dev records: %zu, POS accuracy %.2f%% (%zu/%zu), base-NP P %.1f%% R %.1f%% F1 %.2f%%\n",
            st.records, acc, st.correct, st.tokens, 100 * prec, 100 * rec, f1);
    CHECK(acc >= 93.0);
    CHECK(f1 >= 85.0);
    ent_sentence_free(st.gold);
    ent_sentence_free(st.pred);
}

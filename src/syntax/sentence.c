/* sentence.c — building and rendering the internal sentence structure (sentence.h). */
#include "syntax/sentence.h"

#include <stdlib.h>

ent_sentence *ent_sentence_new(void) {
    ent_sentence *s = ent_xcalloc(1, sizeof *s);
    ent_arena_init(&s->arena, 16 * 1024);
    ent_buf_init(&s->render);
    return s;
}

void ent_sentence_free(ent_sentence *s) {
    if (!s) return;
    free(s->tokens);
    free(s->nodes);
    ent_arena_free(&s->arena);
    ent_buf_free(&s->render);
    ent_analysis_work_free(s->work);
    free(s);
}

void ent_sentence_reset(ent_sentence *s) {
    s->ntokens = 0;
    s->nnodes = 0;
    s->source = NULL;
    s->source_len = 0;
    ent_arena_reset(&s->arena);
}

static void copy_label(char *dst, const char *src, size_t n) {
    if (n >= ENT_LABEL_MAX) n = ENT_LABEL_MAX - 1;
    for (size_t i = 0; i < n; i++) dst[i] = src[i];   /* labels are short: no memcpy call */
    dst[n] = 0;
}

static int32_t add_node(ent_sentence *s, int32_t parent, const char *label, size_t len) {
    ENT_GROW(s->nodes, s->nnodes + 1, s->nodes_cap);
    int32_t id = (int32_t)s->nnodes++;
    ent_node *n = &s->nodes[id];
    copy_label(n->label, label, len);
    n->parent = parent;
    n->first_child = n->last_child = n->next_sibling = -1;
    n->token = -1;
    n->tok_first = INT32_MAX;   /* no token yet; ent_sentence_finish fills the spans */
    n->tok_end = -1;
    if (parent >= 0) {
        ent_node *p = &s->nodes[parent];
        if (p->last_child >= 0) s->nodes[p->last_child].next_sibling = id;
        else p->first_child = id;
        p->last_child = id;
    }
    return id;
}

int32_t ent_sentence_add_phrase(ent_sentence *s, int32_t parent, const char *label, size_t label_len) {
    return add_node(s, parent, label, label_len);
}

int32_t ent_sentence_add_token(ent_sentence *s, int32_t parent, const char *tag, size_t tag_len,
                               const char *text, size_t text_len, ent_span span) {
    int32_t node = add_node(s, parent, tag, tag_len);
    ENT_GROW(s->tokens, s->ntokens + 1, s->tokens_cap);
    int32_t id = (int32_t)s->ntokens++;
    ent_token *t = &s->tokens[id];
    /* one arena allocation for both strings; a word without lowercase ASCII letters or
     * other UTF-8 (punctuation, numbers, "NATO") shares its text as the uppercased form */
    int has_lower = 0;
    for (size_t i = 0; i < text_len; i++)
        if ((text[i] >= 'a' && text[i] <= 'z') || (unsigned char)text[i] >= 0x80) { has_lower = 1; break; }
    char *p = ent_arena_alloc(&s->arena, has_lower ? 2 * (text_len + 1) : text_len + 1);
    memcpy(p, text, text_len);
    p[text_len] = 0;
    t->text = p;
    if (has_lower) {
        char *up = p + text_len + 1;
        memcpy(up, text, text_len);
        up[ent_word_fold(up, text_len)] = 0;   /* accents folded: see ent_word_fold */
        t->upper = up;
    } else t->upper = p;
    memcpy(t->tag, s->nodes[node].label, ENT_LABEL_MAX);   /* the leaf's label is the tag */
    t->node = node;
    t->span = span;
    s->nodes[node].token = id;
    s->nodes[node].tok_first = id;
    s->nodes[node].tok_end = id + 1;
    return id;
}

void ent_sentence_finish(ent_sentence *s) {
    /* children always have larger indices than their parent, so a reverse sweep
     * propagates spans bottom-up (add_node/add_token set the starting values: a leaf
     * its token, a phrase none) */
    for (size_t i = s->nnodes; i-- > 0;) {
        ent_node *n = &s->nodes[i];
        if (n->tok_first == INT32_MAX) { n->tok_first = n->tok_end = 0; }
        if (n->parent >= 0) {
            ent_node *p = &s->nodes[n->parent];
            if (n->tok_end > n->tok_first || n->token >= 0) {
                if (n->tok_first < p->tok_first) p->tok_first = n->tok_first;
                if (n->tok_end > p->tok_end) p->tok_end = n->tok_end;
            }
        }
    }
}

size_t ent_sentence_token_count(const ent_sentence *s) { return s->ntokens; }
const char *ent_sentence_token_text(const ent_sentence *s, size_t i) {
    return i < s->ntokens ? s->tokens[i].text : NULL;
}
const char *ent_sentence_token_tag(const ent_sentence *s, size_t i) {
    return i < s->ntokens ? s->tokens[i].tag : NULL;
}

static void render(ent_sentence *s, int32_t id) {
    const ent_node *n = &s->nodes[id];
    ent_buf_putc(&s->render, '(');
    ent_buf_puts(&s->render, n->label);
    if (n->token >= 0) {
        ent_buf_putc(&s->render, ' ');
        ent_buf_puts(&s->render, s->tokens[n->token].text);
    }
    for (int32_t c = n->first_child; c >= 0; c = s->nodes[c].next_sibling) {
        ent_buf_putc(&s->render, ' ');
        render(s, c);
    }
    ent_buf_putc(&s->render, ')');
}

const char *ent_sentence_to_ptb(ent_sentence *s) {
    ent_buf_clear(&s->render);
    if (s->nnodes) render(s, 0);
    else ent_buf_append(&s->render, "", 0);
    return s->render.data;
}

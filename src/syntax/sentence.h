/* sentence.h — the internal sentence structure shared by every producer (Penn Treebank
 * reader, entente's own tagger/chunker) and the coder.
 *
 * A sentence is a vector of tokens plus a tree of nodes.  Node 0 is the root.  A leaf
 * node carries one token (its label is the token's POS tag); an inner node is a phrase
 * (label "S", "NP", "VP", "PP", "SBAR", ...; function tags such as "-SBJ" are stripped).
 * Children of a node are linked first_child -> next_sibling in sentence order, and every
 * node knows the token span it covers, [tok_first, tok_end).
 *
 * All strings live in the sentence's arena and stay valid until the next fill/reset.
 */
#ifndef ENT_SENTENCE_H
#define ENT_SENTENCE_H

#include "util/util.h"

#define ENT_LABEL_MAX 12

typedef struct ent_token {
    const char *text;    /* as written in the input */
    const char *upper;   /* ASCII-uppercased copy, used for dictionary matching */
    char tag[ENT_LABEL_MAX]; /* Penn POS tag */
    int32_t node;        /* the leaf node of this token */
    ent_span span;       /* byte offsets in the source text when known, else {0,0} */
} ent_token;

typedef struct ent_node {
    char label[ENT_LABEL_MAX];
    int32_t parent;      /* -1 for the root */
    int32_t first_child, last_child, next_sibling; /* -1 when none */
    int32_t token;       /* token index for a leaf, -1 for a phrase */
    int32_t tok_first, tok_end; /* covered token span */
} ent_node;

struct ent_sentence {
    ent_token *tokens;
    size_t ntokens, tokens_cap;
    ent_node *nodes;
    size_t nnodes, nodes_cap;
    ent_arena arena;
    ent_buf render;          /* scratch for ent_sentence_to_ptb */
    const char *source;      /* raw text the offsets refer to (may be NULL) */
    size_t source_len;
    struct ent_analysis_work *work; /* ent_sentence_analyze's scratch (syntax/tagger.h), or NULL */
};

/* Free an analysis work area (analyze.c); NULL is fine. */
void ent_analysis_work_free(struct ent_analysis_work *w);

/* Reset to an empty sentence (keeps allocated memory). */
void ent_sentence_reset(ent_sentence *s);
/* Append a phrase node under parent (-1 for root); returns its index. */
int32_t ent_sentence_add_phrase(ent_sentence *s, int32_t parent, const char *label, size_t label_len);
/* Append a token with a leaf node under parent; returns the token index. text is copied. */
int32_t ent_sentence_add_token(ent_sentence *s, int32_t parent, const char *tag, size_t tag_len,
                               const char *text, size_t text_len, ent_span span);
/* Compute tok_first/tok_end for every node (call once the tree is complete). */
void ent_sentence_finish(ent_sentence *s);

static inline int ent_label_is(const ent_node *n, const char *label) { return strcmp(n->label, label) == 0; }

#endif

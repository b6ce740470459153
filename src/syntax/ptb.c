/* ptb.c — reader of Penn Treebank bracketed parses into the internal sentence structure.
 *
 * Accepts "(ROOT (S (NP (NNP Arnor)) (VP ...)))" with any white space, an unlabelled
 * outer "( ... )", function tags ("NP-SBJ-1" -> "NP"; but a temporal noun phrase "NP-TMP"
 * keeps its tag: it names a time, never an actor, as in PETRARCH-1, which makes actor
 * phrases of "(NP " only), and -LRB-/-RRB- style escapes
 * (kept as written).  Unbalanced, truncated or over-deep trees fail with ENT_ERR_SYNTAX
 * and a message naming the byte offset and what was expected.  Runs in linear time
 * with an explicit stack (no recursion). */
#include "syntax/sentence.h"

#include <stdlib.h>

#define PTB_MAX_DEPTH 1000

static size_t label_base_len(const char *l, size_t n) {
    if (n == 0 || l[0] == '-') return n;   /* -LRB-, -NONE- */
    if (n >= 6 && !memcmp(l, "NP-TMP", 6) && (n == 6 || l[6] == '-' || l[6] == '=')) return 6;
    for (size_t i = 1; i < n; i++)
        if (l[i] == '-' || l[i] == '=') return i;
    return n;
}

/* Byte classes, a constant table (no run-time initialisation, so thread-safe):
 * SP = white space as ent_is_space, DL = a word delimiter (white space or a bracket). */
enum { SP = 1, DL = 2 };
static const unsigned char cls[256] = {
    [' '] = SP | DL, ['\t'] = SP | DL, ['\n'] = SP | DL, ['\r'] = SP | DL, ['\f'] = SP | DL, ['\v'] = SP | DL,
    ['('] = DL, [')'] = DL,
};
static inline int is_space(char c) { return cls[(unsigned char)c] & SP; }
static inline int is_delim(char c) { return cls[(unsigned char)c] & DL; }

ent_status ent_sentence_parse_ptb(ent_sentence *s, const char *p, size_t len, ent_diag *diag) {
    ent_sentence_reset(s);
    int32_t stack[PTB_MAX_DEPTH];
    int depth = 0;
    size_t i = 0;
    int seen_root = 0;
    while (i < len) {
        char c = p[i];
        if (is_space(c)) {
            /* indentation: skip blanks eight at a time */
            i++;
            uint64_t v;
            while (i + 8 <= len && (memcpy(&v, p + i, 8), v == 0x2020202020202020ull)) i += 8;
            continue;
        }
        if (c == ')') {
            if (depth == 0) {
                ent_diag_add(diag, ENT_ERROR, "parse", 0, "unbalanced tree: unexpected ')' at byte %zu", i);
                return ENT_ERR_SYNTAX;
            }
            depth--;
            i++;
            continue;
        }
        if (c != '(') {
            ent_diag_add(diag, ENT_ERROR, "parse", 0, "expected '(' or ')' at byte %zu, found '%c'", i, c);
            return ENT_ERR_SYNTAX;
        }
        if (depth == 0 && seen_root) {
            ent_diag_add(diag, ENT_ERROR, "parse", 0, "unbalanced tree: text after the closing ')' of the root at byte %zu", i);
            return ENT_ERR_SYNTAX;
        }
        i++;
        while (i < len && is_space(p[i])) i++;
        size_t ls = i;
        while (i < len && !is_delim(p[i])) i++;
        size_t llen = i - ls;
        while (i < len && is_space(p[i])) i++;
        if (i >= len) break; /* truncated: reported below */
        int32_t parent = depth ? stack[depth - 1] : -1;
        if (p[i] == '(' || p[i] == ')') {
            if (depth >= PTB_MAX_DEPTH) {
                ent_diag_add(diag, ENT_ERROR, "parse", 0, "tree nested deeper than %d levels at byte %zu", PTB_MAX_DEPTH, ls);
                return ENT_ERR_LIMIT;
            }
            const char *label = p + ls;
            size_t blen = label_base_len(label, llen);
            if (blen == 0 && parent < 0) { label = "ROOT"; blen = 4; }
            int32_t id = ent_sentence_add_phrase(s, parent, label, blen);
            stack[depth++] = id;
            seen_root = 1;
            continue;
        }
        /* leaf: "(TAG word)" */
        size_t ws = i;
        while (i < len && !is_delim(p[i])) i++;
        size_t wlen = i - ws;
        while (i < len && is_space(p[i])) i++;
        if (i >= len) break;
        if (p[i] != ')') {
            ent_diag_add(diag, ENT_ERROR, "parse", 0, "expected ')' after the word at byte %zu", ws);
            return ENT_ERR_SYNTAX;
        }
        if (parent < 0) {
            /* a bare "(TAG word)" tree: give it a root */
            parent = ent_sentence_add_phrase(s, -1, "ROOT", 4);
            seen_root = 1;
        }
        ent_span none = {0, 0};
        ent_sentence_add_token(s, parent, p + ls, llen, p + ws, wlen, none);
        i++;
    }
    if (depth != 0 || !seen_root) {
        if (!seen_root)
            ent_diag_add(diag, ENT_ERROR, "parse", 0, "empty parse: no bracketed tree found");
        else
            ent_diag_add(diag, ENT_ERROR, "parse", 0, "unbalanced tree: %d unclosed '(' at end of input (%zu bytes)", depth, len);
        ent_sentence_reset(s);
        return ENT_ERR_SYNTAX;
    }
    ent_sentence_finish(s);
    return ENT_OK;
}

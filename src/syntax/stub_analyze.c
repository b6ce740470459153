/* stub_analyze.c — TEMPORARY placeholder so the tree links; its owner deletes this file
 * when the real implementation lands. */
#include "util/util.h"
#include "syntax/sentence.h"

#include <stdlib.h>

/* raw text analysis (owner: text/syntax stage) */
ent_status ent_sentence_analyze(ent_sentence *s, const char *text, size_t len, ent_diag *diag) {
    (void)text; (void)len;
    ent_sentence_reset(s);
    ent_diag_add(diag, 1, NULL, 0, "raw-text analysis is not built yet");
    return ENT_ERR_UNSUPPORTED;
}

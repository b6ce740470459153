/* stub_cameo.c — TEMPORARY placeholder so the tree links; its owner deletes this file
 * when the real implementation lands. */
#include "util/util.h"
#include "syntax/sentence.h"

#include <stdlib.h>

/* CAMEO table (owner: default dictionaries stage) */
const ent_cameo_info *ent_cameo_lookup(const char *code) { (void)code; return NULL; }

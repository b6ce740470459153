/* cmd_explain.c — `entente explain "sentence"`: code text as `entente code` does and print,
 * for each sentence, the coder's account of it (ent_coder_explanation: tokens and tags,
 * phrases with actor codes, each verb's dictionary entry and pattern or why it gave
 * nothing, reported clauses, modality, nominal events, dropped events) and its events. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct explain_ctx {
    const ent_coder *coder;
    const char *id;
} explain_ctx;

static int on_sentence(const ent_story_sentence *s, void *user) {
    const explain_ctx *x = user;
    printf("sentence %ld: %.*s\n%s", s->index, (int)s->len, s->text, ent_coder_explanation(x->coder));
    if (s->result != ENT_CODED && !*ent_coder_explanation(x->coder)) printf("not coded (not analysed)\n");
    putchar('\n');
    return 0;
}

static void usage(FILE *f) {
    fprintf(f,
            "usage: entente explain [options] [\"SENTENCE\" ...]\n"
            "  Code each argument (or standard input, when there is none) as one story and show\n"
            "  how: tokens and tags, phrases with their actor codes, each verb's dictionary entry\n"
            "  and the pattern that matched or why it gave nothing, and the events.\n"
            "  --dicts DIR    dictionaries in DIR (default: the bundled set)\n"
            "  --config FILE  a PETR_config.ini-style file\n"
            "  --set OPT=VAL  a coder option over the others; may be repeated\n"
            "  --date DATE    the story date, YYYY-MM-DD (dated actors; default: none)\n");
}

/* The whole of standard input (malloc'ed, NUL-terminated), or NULL. */
static char *read_stdin(size_t *len) {
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    if (!b) return NULL;
    for (;;) {
        if (n + 1024 > cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) { free(b); return NULL; }
            b = nb;
        }
        size_t r = fread(b + n, 1, cap - n - 1, stdin);
        if (!r) break;
        n += r;
    }
    b[n] = 0;
    *len = n;
    return b;
}

int cmd_explain(int argc, char **argv) {
    const char *dict_dir = NULL, *config = NULL, *sets[32];
    size_t nsets = 0;
    long date = 0;
    const char **texts = calloc((size_t)argc + 1, sizeof *texts);
    size_t ntexts = 0;
    if (!texts) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); free(texts); return 0; }
        if (!strcmp(a, "--dicts") || !strcmp(a, "--config") || !strcmp(a, "--set") || !strcmp(a, "--date")) {
            if (!val) { free(texts); return cli_usage_error("explain: %s needs a value", a); }
            i++;
            if (!strcmp(a, "--dicts")) dict_dir = val;
            else if (!strcmp(a, "--config")) config = val;
            else if (!strcmp(a, "--date")) {
                date = ent_date_parse(val, strlen(val));
                if (date <= 0) { free(texts); return cli_usage_error("explain: --date '%s' is not a date (YYYY-MM-DD)", val); }
            } else {
                if (nsets == sizeof sets / sizeof sets[0] || !strchr(val, '=')) {
                    free(texts);
                    return cli_usage_error("explain: --set wants OPTION=VALUE (at most 32)");
                }
                sets[nsets++] = val;
            }
        } else if (a[0] == '-' && a[1]) {
            free(texts);
            return cli_usage_error("explain: unknown option '%s' (see entente explain --help)", a);
        } else texts[ntexts++] = a;
    }
    if (config && dict_dir) { free(texts); return cli_usage_error("explain: give --dicts or --config, not both"); }
    ent_coder_options opts;
    ent_coder_options_default(&opts);
    ent_diag *diag = ent_diag_new();
    ent_dicts *dicts = NULL;
    if (cli_load_coder_setup(config, dict_dir, sets, nsets, &opts, diag, &dicts) != ENT_OK) {
        cli_print_diag(diag);
        fprintf(stderr, "entente: explain: cannot set up the dictionaries and coder options\n");
        ent_dicts_free(dicts);
        ent_diag_free(diag);
        free(texts);
        return 1;
    }
    ent_diag_clear(diag);
    char *input = NULL;
    size_t input_len = 0;
    if (!ntexts) {
        if (!(input = read_stdin(&input_len))) { fprintf(stderr, "entente: explain: cannot read standard input\n"); return 1; }
        texts[ntexts++] = input;
    }
    ent_coder *coder = ent_coder_new(dicts, &opts);
    ent_coder_set_explain(coder, 1);
    for (size_t i = 0; i < ntexts; i++) {
        char id[32];
        snprintf(id, sizeof id, "explain-%zu", i);
        ent_doc doc = {.id = id, .origin = input ? "stdin" : "argument", .date_text = "", .date = date, .title = "",
                       .text = texts[i], .text_len = texts[i] == input ? input_len : strlen(texts[i]),
                       .url = "", .source = "", .byline = ""};
        explain_ctx x = {coder, id};
        ent_code_document(coder, &doc, NULL, on_sentence, &x, NULL, diag);
        cli_print_diag(diag);
        ent_diag_clear(diag);
    }
    ent_coder_free(coder);
    ent_dicts_free(dicts);
    ent_diag_free(diag);
    free(input);
    free(texts);
    return 0;
}

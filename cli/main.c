/* main.c — entente CLI entry point: dispatches to the subcommands. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_parse_count(const char *s, long lo, long hi, long *out) {
    char *end = NULL;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || end == s || *end || v < lo || v > hi) return 0;
    *out = v;
    return 1;
}

int cli_usage_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("entente: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 2;
}

int cli_db_missing(const char *uri) {
    if (!strncmp(uri, "postgresql:", 11) || !strncmp(uri, "postgres:", 9)) return 0;
    const char *path = !strncmp(uri, "sqlite:", 7) ? uri + 7 : uri;
    struct stat sb;
    return stat(path, &sb) != 0;
}

void cli_print_diag(const ent_diag *d) {
    for (size_t i = 0; i < ent_diag_count(d); i++) fprintf(stderr, "%s\n", ent_diag_message(d, i));
}

ent_store *cli_open_existing_store(const char *uri, const char *cmd) {
    if (cli_db_missing(uri)) {
        fprintf(stderr, "entente: %s: no such database: %s\n", cmd, uri);
        return NULL;
    }
    ent_diag *d = ent_diag_new();
    ent_store *st = NULL;
    if (ent_store_open(uri, d, &st) != ENT_OK) cli_print_diag(d);
    ent_diag_free(d);
    return st;
}

ent_status cli_load_coder_setup(const char *config_path, const char *dict_dir, const char *const *sets, size_t nsets,
                                ent_coder_options *opts, ent_diag *diag, ent_dicts **dicts) {
    ent_status st = config_path ? ent_config_load(config_path, opts, diag, dicts)
                                : ent_dicts_load_dir(dict_dir, opts, diag, dicts);
    for (size_t k = 0; st == ENT_OK && k < nsets; k++) {
        char opt[64];
        const char *eq = strchr(sets[k], '=');
        if (!eq) return ENT_ERR_INVALID;
        snprintf(opt, sizeof opt, "%.*s", (int)(eq - sets[k]), sets[k]);
        st = ent_coder_options_apply(opts, opt, eq + 1, diag);
    }
    return st;
}

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} commands[] = {
    {"code", cmd_code, "code documents into events (text, JSON lines, HTML, PDF, PETRARCH XML)"},
    {"explain", cmd_explain, "show how a sentence is coded: tags, phrases, actors, verb patterns, events"},
    {"validate", cmd_validate, "run PETRARCH validation records and report pass/fail"},
    {"dict", cmd_dict, "check a dictionary set and report counts"},
    {"query", cmd_query, "query an event database"},
    {"serve", cmd_serve, "serve the event explorer web page"},
    {"load", cmd_load, "store coded events (JSON lines) in an event database"},
    {"index", cmd_index, "build the full-text search index that 'load --defer-fts' left out"},
};

static void usage(FILE *f) {
    fprintf(f, "usage: entente <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\n'entente <command> --help' describes a command's options.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) { usage(stderr); return 2; }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) { usage(stdout); return 0; }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) { printf("entente %s\n", ent_version()); return 0; }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
    usage(stderr);
    return cli_usage_error("unknown command '%s'", argv[1]);
}

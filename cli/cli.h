/* cli.h — the entente command-line tool: one file per subcommand, all built on the
 * public header only. */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include "entente.h"

int cmd_validate(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* Load the dictionaries for a coding command: from a PETR_config.ini-style file when
 * config_path is set, else from dict_dir (NULL: the bundled set, with its entente.conf
 * options), then apply the nsets "OPTION=VALUE" overrides.  Messages go to diag; on
 * failure *dicts may still hold loaded dictionaries (the caller frees them). */
ent_status cli_load_coder_setup(const char *config_path, const char *dict_dir, const char *const *sets, size_t nsets,
                                ent_coder_options *opts, ent_diag *diag, ent_dicts **dicts);

/* Print "entente: <msg>" to stderr; returns 2 (usage error) for convenience. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Parse s (may be NULL) as a whole decimal number from lo to hi into *out: 1, else 0
 * (*out untouched; the caller words the usage error). */
int cli_parse_count(const char *s, long lo, long hi, long *out);
/* The most writer connections --writers takes (as many as ent_store_set_writers opens). */
#define CLI_WRITERS_MAX 8
/* 1 when uri names an SQLite file that does not exist (query and serve refuse to
 * create an empty database for a mistyped path). */
int cli_db_missing(const char *uri);
/* Open the store at uri for command cmd, which must exist already (query, serve, index):
 * NULL after reporting a missing database or a failed open on stderr. */
ent_store *cli_open_existing_store(const char *uri, const char *cmd);

/* A string -> string hash map owning copies of its keys and values (cli/strmap.c). */
typedef struct cli_strmap { char **keys, **vals; size_t cap, n; } cli_strmap;
/* The value stored for key, or NULL. */
const char *cli_strmap_get(const cli_strmap *m, const char *key);
/* Add key -> val (val NULL stores ""); returns 1 (and changes nothing) when key is there. */
int cli_strmap_put(cli_strmap *m, const char *key, const char *val);
void cli_strmap_free(cli_strmap *m);
/* Bulk writing for `load` and `code --db` (cmd_load.c): about batch events per
 * transaction, whole stories only (0: the backend's default, 500,000 on SQLite, 50,000 on
 * PostgreSQL) and on PostgreSQL writers connections writing batches at once (0: the
 * default, 2; 1: one connection).  A writer that cannot start is a warning naming `who`:
 * the store then writes over its own connection. */
void cli_store_bulk(ent_store *st, long batch, int writers, const char *who);
/* Name the store's actors that have no name yet from dicts (cmd_load.c); a failure is
 * printed and returns 1. */
int cli_name_actors(ent_store *st, const ent_dicts *dicts);
/* Build the full-text index of sentences that 'load --defer-fts' left out, with a note on
 * stderr naming the command `who` (cmd_load.c); 0, or 1 after reporting a failure. */
int cli_build_fts(ent_store *st, const char *who);
/* Print every message of diag to stderr. */
void cli_print_diag(const ent_diag *d);
/* The inputs of a command (cli/inputs.c): each directory among args is replaced by the
 * files under it (recursive, by extension, sorted; "entente: CMD: DIR: N input files" on
 * stderr), other arguments are kept.  *out is a malloc'ed array of malloc'ed paths (free
 * with cli_free_inputs); *empty_dirs counts folders without any input file (each
 * warned about).  Returns the number of folders that could not be read (each reported). */
int cli_expand_inputs(const char *cmd, const char *const *args, size_t nargs, char ***out, size_t *nout,
                      size_t *empty_dirs);
void cli_free_inputs(char **v, size_t n);

#endif

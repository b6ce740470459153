/* cmd_query.c — 'entente query' (placeholder until its stage lands). */
#include "cli.h"

int cmd_query(int argc, char **argv) {
    (void)argc; (void)argv;
    return cli_usage_error("'query' is not available in this build yet");
}

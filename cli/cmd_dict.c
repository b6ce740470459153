/* cmd_dict.c — 'entente dict' (placeholder until its stage lands). */
#include "cli.h"

int cmd_dict(int argc, char **argv) {
    (void)argc; (void)argv;
    return cli_usage_error("'dict' is not available in this build yet");
}

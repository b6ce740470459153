/* cmd_code.c — 'entente code' (placeholder until its stage lands). */
#include "cli.h"

int cmd_code(int argc, char **argv) {
    (void)argc; (void)argv;
    return cli_usage_error("'code' is not available in this build yet");
}

/* cmd_serve.c — 'entente serve' (placeholder until its stage lands). */
#include "cli.h"

int cmd_serve(int argc, char **argv) {
    (void)argc; (void)argv;
    return cli_usage_error("'serve' is not available in this build yet");
}

/* assets.c — the explorer's web page (files in src/serve/assets/) embedded in the binary at build
 * time with the assembler's .incbin (paths are relative to the repository root, where make
 * runs; the Makefile rebuilds this object when an asset changes).  No CDN, no files at run
 * time. */
#include "serve/serve.h"

#include <string.h>

#define EMBED(sym, file)                                                                  \
    __asm__(".section .rodata\n"                                                          \
            ".global " #sym "\n"                                                          \
            ".balign 16\n" #sym ":\n"                                                     \
            ".incbin \"" file "\"\n"                                                      \
            ".global " #sym "_end\n" #sym "_end:\n"                                       \
            ".byte 0\n"                                                                   \
            ".previous\n");                                                               \
    extern const char sym[], sym##_end[];

EMBED(ent_asset_index_html, "src/serve/assets/index.html")
EMBED(ent_asset_app_js, "src/serve/assets/app.js")
EMBED(ent_asset_app_css, "src/serve/assets/app.css")

const ent_asset *ent_asset_find(const char *path) {
    static ent_asset table[3];
    if (!table[0].path) {
        table[0] = (ent_asset){"/index.html", "text/html; charset=utf-8", ent_asset_index_html,
                               (size_t)(ent_asset_index_html_end - ent_asset_index_html)};
        table[1] = (ent_asset){"/app.js", "text/javascript; charset=utf-8", ent_asset_app_js,
                               (size_t)(ent_asset_app_js_end - ent_asset_app_js)};
        table[2] = (ent_asset){"/app.css", "text/css; charset=utf-8", ent_asset_app_css,
                               (size_t)(ent_asset_app_css_end - ent_asset_app_css)};
    }
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (!strcmp(table[i].path, path)) return &table[i];
    return NULL;
}

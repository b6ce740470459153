/* diag.c — diagnostic sink: "file:line: severity: message" lines with a severity (control
 * characters in them made visible), and the status names.  A NULL ent_diag is accepted
 * everywhere and discards messages.  Messages are kept whole, whatever their length. */
#include "util/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct ent_diag {
    char **msgs;
    unsigned char *is_error;
    size_t count, cap, errors;
    FILE *stream;
};

ent_diag *ent_diag_new(void) { return ent_xcalloc(1, sizeof(ent_diag)); }

void ent_diag_clear(ent_diag *d) {
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) free(d->msgs[i]);
    d->count = d->errors = 0;
}

void ent_diag_free(ent_diag *d) {
    if (!d) return;
    ent_diag_clear(d);
    free(d->msgs);
    free(d->is_error);
    free(d);
}

void ent_diag_set_stream(ent_diag *d, FILE *stream) { if (d) d->stream = stream; }
size_t ent_diag_count(const ent_diag *d) { return d ? d->count : 0; }
size_t ent_diag_errors(const ent_diag *d) { return d ? d->errors : 0; }
const char *ent_diag_message(const ent_diag *d, size_t i) {
    return (d && i < d->count) ? d->msgs[i] : NULL;
}
ent_severity ent_diag_severity(const ent_diag *d, size_t i) {
    return (d && i < d->count && d->is_error[i]) ? ENT_ERROR : ENT_WARNING;
}

/* Keep at most this many messages in memory; later ones are counted, printed, dropped. */
#define DIAG_MAX_KEPT 10000

void ent_diag_add(ent_diag *d, ent_severity sev, const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ent_diag_vadd(d, sev, file, line, fmt, ap);
    va_end(ap);
}

void ent_diag_vadd(ent_diag *d, ent_severity sev, const char *file, long line, const char *fmt, va_list ap) {
    if (!d) return;
    int is_error = sev == ENT_ERROR;
    ent_buf b;
    ent_buf_init(&b);
    if (file) {
        ent_buf_put_visible(&b, file, strlen(file), 0);
        if (line > 0) ent_buf_printf(&b, ":%ld", line);
        ent_buf_puts(&b, ": ");
    }
    ent_buf_puts(&b, is_error ? "error: " : "warning: ");
    /* file names, ids and text quoted from documents: no raw ESC/BEL to the terminal */
    ent_buf msg;
    ent_buf_init(&msg);
    ent_buf_vprintf(&msg, fmt, ap);
    if (msg.data) ent_buf_put_visible(&b, msg.data, msg.len, 0);
    ent_buf_free(&msg);
    if (d->stream) fprintf(d->stream, "%s\n", b.data);
    if (is_error) d->errors++;
    if (d->count >= DIAG_MAX_KEPT) { ent_buf_free(&b); return; }
    ENT_GROW(d->msgs, d->count + 1, d->cap);
    d->is_error = ent_xrealloc(d->is_error, d->cap);
    d->msgs[d->count] = b.data;
    d->is_error[d->count] = (unsigned char)is_error;
    d->count++;
}

const char *ent_status_name(ent_status st) {
    switch (st) {
    case ENT_OK: return "ok";
    case ENT_ERR_IO: return "i/o error";
    case ENT_ERR_SYNTAX: return "syntax error";
    case ENT_ERR_INVALID: return "invalid argument";
    case ENT_ERR_LIMIT: return "limit exceeded";
    case ENT_ERR_UNSUPPORTED: return "unsupported";
    }
    return "unknown status";
}

const char *ent_version(void) { return ENTENTE_VERSION; }

/* writer.c — events out as JSON lines or TSV, one event per line, with their CAMEO
 * attributes and evidence.  A line is built in one buffer and written with one fwrite;
 * keys are literal prefixes and integers are formatted by hand (no printf per field).
 * Also the shared output helpers: sentence lines, CSV cells (formula injection
 * neutralised), and write-failure checks that every command uses.  The other formats
 * (PLOVER, Phoenix, PETRARCH) are in formats.c. */
#include "output/output.h"
#include "util/util.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

/* ent_buf_append, inline when the room is there (the line buffer is sized up front). */
static inline void put(ent_buf *b, const char *s, size_t n) {
    if (b->len + n + 1 <= b->cap) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = 0;
    } else {
        ent_buf_append(b, s, n);
    }
}

/* Append the literal prefix (",\"key\":" and the like), then v as a JSON string or null.
 * A string of printable ASCII without '"' or '\\' (the usual case) needs no escaping and
 * is copied at once; any other goes through ent_buf_json_escape. */
#define JSON_STR(b, prefix, v) json_str(b, prefix, sizeof prefix - 1, v)
static void json_str(ent_buf *b, const char *prefix, size_t plen, const char *v) {
    put(b, prefix, plen);
    if (!v) { put(b, "null", 4); return; }
    put(b, "\"", 1);
    size_t n = 0;
    for (;; n++) {
        unsigned char c = (unsigned char)v[n];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
    }
    if (!v[n]) put(b, v, n);
    else ent_buf_json_escape(b, v, n + strlen(v + n));
    put(b, "\"", 1);
}

/* Append v in decimal (what printf's %ld / %u would give). */
static void put_long(ent_buf *b, long v) {
    char tmp[24];
    int k = sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do { tmp[--k] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) tmp[--k] = '-';
    put(b, tmp + k, sizeof tmp - (size_t)k);
}

/* Append the literal prefix, then "[start,end]" */
#define JSON_SPAN(b, prefix, sp) json_span(b, prefix, sizeof prefix - 1, sp)
static void json_span(ent_buf *b, const char *prefix, size_t plen, ent_span sp) {
    put(b, prefix, plen);
    put(b, "[", 1);
    put_long(b, (long)sp.start);
    put(b, ",", 1);
    put_long(b, (long)sp.end);
    put(b, "]", 1);
}

/* YYYY-MM-DD of a YYYYMMDD date (as "%04ld-%02ld-%02ld" of its parts), "" for d <= 0. */
static void format_date(char out[11], long d) {
    if (d <= 0) { out[0] = 0; return; }
    long y = (d / 10000) % 10000, m = (d / 100) % 100, dd = d % 100;
    out[0] = (char)('0' + y / 1000); out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10); out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10); out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10); out[9] = (char)('0' + dd % 10);
    out[10] = 0;
}

/* v in decimal into out (at least 24 bytes), as "%ld" would give; returns out. */
static char *format_long(char *out, long v) {
    char tmp[24];
    int k = sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do { tmp[--k] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) tmp[--k] = '-';
    memcpy(out, tmp + k, sizeof tmp - (size_t)k);
    out[sizeof tmp - (size_t)k] = 0;
    return out;
}

/* Append v as "%.1f" would.  Goldstein values are tenths: when v is the double nearest
 * k/10 for an integer k, its decimal expansion rounds to k/10 exactly, which is written
 * by hand; anything else (and -0.0) goes through printf. */
static void put_tenths(ent_buf *b, double v) {
    if (v != v || v > 1e300 || v < -1e300) { put(b, "null", 4); return; } /* NaN, inf: not JSON numbers */
    if (v > -1e9 && v < 1e9) {
        double t = v * 10.0;
        long k = (long)(t < 0 ? t - 0.5 : t + 0.5);
        if ((double)k / 10.0 == v && !(k == 0 && 1.0 / v < 0)) {
            char tmp[32];
            unsigned long u = k < 0 ? 0UL - (unsigned long)k : (unsigned long)k;
            int n = sizeof tmp;
            tmp[--n] = (char)('0' + u % 10);
            tmp[--n] = '.';
            u /= 10;
            do { tmp[--n] = (char)('0' + u % 10); u /= 10; } while (u);
            if (k < 0) tmp[--n] = '-';
            put(b, tmp + n, sizeof tmp - (size_t)n);
            return;
        }
    }
    ent_buf_printf(b, "%.1f", v);
}

void ent_buf_tsv_cell(ent_buf *b, const char *s, size_t n) {
    for (const char *p = s, *end = s + n; p < end;) {
        size_t r = 0;
        while (p + r < end && p[r] != '\t' && p[r] != '\n' && p[r] != '\r') r++;
        ent_buf_put_visible(b, p, r, 0);
        p += r;
        if (p < end) { ent_buf_putc(b, ' '); p++; }
    }
}

/* A TSV cell and its tab. */
static void tsv_field(ent_buf *b, const char *v) {
    if (v) ent_buf_tsv_cell(b, v, strlen(v));
    ent_buf_putc(b, '\t');
}

void ent_write_header(FILE *out, ent_format fmt) {
    if (fmt != ENT_FORMAT_JSONL && fmt != ENT_FORMAT_TSV) { ent_output_header(out, fmt); return; }
    if (fmt == ENT_FORMAT_TSV)
        fputs("story_id\tsentence_id\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tplover\t"
              "source_text\ttarget_text\tverb_text\tsentence\n", out);
}

int ent_write_event(FILE *out, ent_format fmt, const ent_event_context *ctx, const ent_event *ev) {
    if (fmt != ENT_FORMAT_JSONL && fmt != ENT_FORMAT_TSV) return ent_write_story(out, fmt, 0, 1, ctx, ev);
    /* one allocation, sized for the usual line (it grows if needed) */
    ent_buf b;
    b.cap = 768 + (ctx->sentence_text ? strlen(ctx->sentence_text) * 2 : 0);
    b.data = ent_xmalloc(b.cap);
    b.len = 0;
    b.data[0] = 0;
    char date[11];
    format_date(date, ctx->date);
    char sid[64];
    const char *sentence_id = ctx->sentence_id ? ctx->sentence_id : format_long(sid, ctx->sentence_index);
    if (fmt == ENT_FORMAT_JSONL) {
        JSON_STR(&b, "{\"story_id\":", ctx->story_id);
        JSON_STR(&b, ",\"sentence_id\":", sentence_id);
        put(&b, ",\"sentence_index\":", sizeof ",\"sentence_index\":" - 1);
        put_long(&b, ctx->sentence_index);
        JSON_STR(&b, ",\"date\":", date[0] ? date : NULL);
        JSON_STR(&b, ",\"source\":", ev->source);
        JSON_STR(&b, ",\"target\":", ev->target);
        JSON_STR(&b, ",\"code\":", ev->code);
        JSON_STR(&b, ",\"root\":", ev->root);
        put(&b, ",\"quad\":", sizeof ",\"quad\":" - 1);
        put_long(&b, ev->quad);
        put(&b, ",\"goldstein\":", sizeof ",\"goldstein\":" - 1);
        put_tenths(&b, ev->goldstein);   /* printf's rounding, kept */
        JSON_STR(&b, ",\"plover\":", ev->plover);
        JSON_STR(&b, ",\"source_text\":", ev->source_text);
        JSON_STR(&b, ",\"target_text\":", ev->target_text);
        JSON_STR(&b, ",\"verb_text\":", ev->verb_text);
        if (ev->issues && *ev->issues) JSON_STR(&b, ",\"issues\":", ev->issues);
        if (ctx->sentence_text) JSON_STR(&b, ",\"sentence\":", ctx->sentence_text);
        if (ctx->sentence_span.end > ctx->sentence_span.start) JSON_SPAN(&b, ",\"sentence_offsets\":", ctx->sentence_span);
        if (ev->source_span.end > ev->source_span.start) JSON_SPAN(&b, ",\"source_offsets\":", ev->source_span);
        if (ev->target_span.end > ev->target_span.start) JSON_SPAN(&b, ",\"target_offsets\":", ev->target_span);
        if (ev->verb_span.end > ev->verb_span.start) JSON_SPAN(&b, ",\"verb_offsets\":", ev->verb_span);
        if (ctx->title && *ctx->title) JSON_STR(&b, ",\"title\":", ctx->title);
        if (ctx->url && *ctx->url) JSON_STR(&b, ",\"url\":", ctx->url);
        if (ctx->publisher && *ctx->publisher) JSON_STR(&b, ",\"publisher\":", ctx->publisher);
        put(&b, "}\n", 2);
    } else {
        tsv_field(&b, ctx->story_id);
        tsv_field(&b, sentence_id);
        tsv_field(&b, date);
        tsv_field(&b, ev->source);
        tsv_field(&b, ev->target);
        tsv_field(&b, ev->code);
        tsv_field(&b, ev->root);
        ent_buf_printf(&b, "%d\t%.1f\t", ev->quad, ev->goldstein);
        tsv_field(&b, ev->plover);
        tsv_field(&b, ev->source_text);
        tsv_field(&b, ev->target_text);
        tsv_field(&b, ev->verb_text);
        tsv_field(&b, ctx->sentence_text);
        b.data[b.len - 1] = '\n';
    }
    int rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    ent_buf_free(&b);
    return rc;
}

int ent_write_sentence(FILE *out, const char *story_id, long index, long date, ent_span span, const char *text) {
    ent_buf b;
    ent_buf_init(&b);
    char d[11];
    format_date(d, date);
    JSON_STR(&b, "{\"story_id\":", story_id ? story_id : "");
    put(&b, ",\"sentence_index\":", sizeof ",\"sentence_index\":" - 1);
    put_long(&b, index);
    JSON_STR(&b, ",\"date\":", d[0] ? d : NULL);
    JSON_SPAN(&b, ",\"sentence_offsets\":", span);
    JSON_STR(&b, ",\"text\":", text ? text : "");
    put(&b, "}\n", 2);
    int rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    ent_buf_free(&b);
    return rc;
}

void ent_buf_csv_cell(ent_buf *out, const char *s) {
    if (!s) s = "";
    /* OWASP CSV injection rule: a leading = + - @ TAB CR makes a spreadsheet formula */
    int formula = *s && strchr("=+-@\t\r", *s) != NULL;
    ent_buf b;
    ent_buf_init(&b);
    if (formula) ent_buf_putc(&b, '\'');
    for (const char *p = s; *p;) {           /* line breaks kept (quoted), tabs kept */
        size_t r = strcspn(p, "\r\n\t");
        ent_buf_put_visible(&b, p, r, 0);
        p += r;
        if (*p) ent_buf_putc(&b, *p++);
    }
    const char *v = b.data ? b.data : "";
    if (formula || strpbrk(v, ",\"\r\n")) {
        ent_buf_putc(out, '"');
        for (; *v; v++) {
            if (*v == '"') ent_buf_putc(out, '"');
            ent_buf_putc(out, *v);
        }
        ent_buf_putc(out, '"');
    } else {
        ent_buf_puts(out, v);
    }
    ent_buf_free(&b);
}

void ent_write_csv_field(FILE *out, const char *s, int last) {
    /* the common cell (actor codes, periods): printable ASCII with nothing to quote or
     * neutralise is written as it is, without building it (a year of month x dyad
     * aggregates is 143k lines at 1M events) */
    const char *p = s ? s : "";
    if (!*p || !strchr("=+-@", *p)) {
        while (*p >= 0x20 && *p < 0x7F && *p != ',' && *p != '"') p++;
        if (!*p) {
            if (s) fputs(s, out);
            fputc(last ? '\n' : ',', out);
            return;
        }
    }
    ent_buf b;
    ent_buf_init(&b);
    ent_buf_csv_cell(&b, s);
    ent_buf_putc(&b, last ? '\n' : ',');
    fwrite(b.data, 1, b.len, out);
    ent_buf_free(&b);
}

int ent_output_check(FILE *out, const char *name, ent_diag *diag) {
    if (!out) return 0;
    int saved = errno;    /* right after a failed write: its reason */
    errno = 0;
    int flush_failed = fflush(out) != 0;
    int err = errno ? errno : saved;
    if (!flush_failed && !ferror(out)) return 0;
    ent_diag_add(diag, ENT_ERROR, name, 0, "cannot write: %s", err ? strerror(err) : "write error");
    return -1;
}

int ent_output_close(FILE *out, const char *name, ent_diag *diag) {
    if (!out) return 0;
    int rc = ent_output_check(out, name, diag);
    struct stat sb;
    if (rc == 0 && fstat(fileno(out), &sb) == 0 && S_ISREG(sb.st_mode) && fsync(fileno(out)) != 0) {
        ent_diag_add(diag, ENT_ERROR, name, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    if (out != stdout && out != stderr && fclose(out) != 0 && rc == 0) {
        ent_diag_add(diag, ENT_ERROR, name, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    return rc;
}

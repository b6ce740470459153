/* writer.c — events out as JSON lines or TSV, one event per line, with their CAMEO
 * attributes and evidence.  A line is built in one buffer and written with one fwrite;
 * keys are literal prefixes and integers are formatted by hand (no printf per field). */
#include "util/util.h"

/* Append the literal prefix (",\"key\":" and the like), then v as a JSON string or null. */
#define JSON_STR(b, prefix, v) json_str(b, prefix, sizeof prefix - 1, v)
static void json_str(ent_buf *b, const char *prefix, size_t plen, const char *v) {
    ent_buf_append(b, prefix, plen);
    if (!v) { ent_buf_append(b, "null", 4); return; }
    ent_buf_append(b, "\"", 1);
    ent_buf_json_escape(b, v, strlen(v));
    ent_buf_append(b, "\"", 1);
}

/* Append v in decimal (what printf's %ld / %u would give). */
static void put_long(ent_buf *b, long v) {
    char tmp[24];
    int k = sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do { tmp[--k] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) tmp[--k] = '-';
    ent_buf_append(b, tmp + k, sizeof tmp - (size_t)k);
}

/* Append the literal prefix, then "[start,end]" */
#define JSON_SPAN(b, prefix, sp) json_span(b, prefix, sizeof prefix - 1, sp)
static void json_span(ent_buf *b, const char *prefix, size_t plen, ent_span sp) {
    ent_buf_append(b, prefix, plen);
    ent_buf_append(b, "[", 1);
    put_long(b, (long)sp.start);
    ent_buf_append(b, ",", 1);
    put_long(b, (long)sp.end);
    ent_buf_append(b, "]", 1);
}

static void format_date(char out[11], long d) {
    if (d <= 0) { out[0] = 0; return; }
    snprintf(out, 11, "%04ld-%02ld-%02ld", (d / 10000) % 10000, (d / 100) % 100, d % 100);
}

static void tsv_field(ent_buf *b, const char *v) {
    if (v)
        for (; *v; v++) ent_buf_putc(b, (*v == '\t' || *v == '\n' || *v == '\r') ? ' ' : *v);
    ent_buf_putc(b, '\t');
}

void ent_write_header(FILE *out, ent_format fmt) {
    if (fmt == ENT_FORMAT_TSV)
        fputs("story_id\tsentence_id\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tplover\t"
              "source_text\ttarget_text\tverb_text\tsentence\n", out);
}

void ent_write_event(FILE *out, ent_format fmt, const ent_event_context *ctx, const ent_event *ev) {
    ent_buf b;
    ent_buf_init(&b);
    char date[11];
    format_date(date, ctx->date);
    char sid[64];
    const char *sentence_id = ctx->sentence_id;
    if (!sentence_id) {
        snprintf(sid, sizeof sid, "%ld", ctx->sentence_index);
        sentence_id = sid;
    }
    if (fmt == ENT_FORMAT_JSONL) {
        JSON_STR(&b, "{\"story_id\":", ctx->story_id);
        JSON_STR(&b, ",\"sentence_id\":", sentence_id);
        ent_buf_puts(&b, ",\"sentence_index\":");
        put_long(&b, ctx->sentence_index);
        JSON_STR(&b, ",\"date\":", date[0] ? date : NULL);
        JSON_STR(&b, ",\"source\":", ev->source);
        JSON_STR(&b, ",\"target\":", ev->target);
        JSON_STR(&b, ",\"code\":", ev->code);
        JSON_STR(&b, ",\"root\":", ev->root);
        ent_buf_puts(&b, ",\"quad\":");
        put_long(&b, ev->quad);
        ent_buf_printf(&b, ",\"goldstein\":%.1f", ev->goldstein);   /* printf's rounding, kept */
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
        ent_buf_append(&b, "}\n", 2);
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
    fwrite(b.data, 1, b.len, out);
    ent_buf_free(&b);
}

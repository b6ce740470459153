/* writer.c — events out as JSON lines or TSV, one event per line, with their CAMEO
 * attributes and evidence. */
#include "util/util.h"

static void json_str(ent_buf *b, const char *key, const char *v, int comma) {
    if (comma) ent_buf_putc(b, ',');
    ent_buf_putc(b, '"');
    ent_buf_puts(b, key);
    ent_buf_puts(b, "\":");
    if (!v) { ent_buf_puts(b, "null"); return; }
    ent_buf_putc(b, '"');
    ent_buf_json_escape(b, v, strlen(v));
    ent_buf_putc(b, '"');
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
        ent_buf_putc(&b, '{');
        json_str(&b, "story_id", ctx->story_id, 0);
        json_str(&b, "sentence_id", sentence_id, 1);
        ent_buf_printf(&b, ",\"sentence_index\":%ld", ctx->sentence_index);
        json_str(&b, "date", date[0] ? date : NULL, 1);
        json_str(&b, "source", ev->source, 1);
        json_str(&b, "target", ev->target, 1);
        json_str(&b, "code", ev->code, 1);
        json_str(&b, "root", ev->root, 1);
        ent_buf_printf(&b, ",\"quad\":%d,\"goldstein\":%.1f", ev->quad, ev->goldstein);
        json_str(&b, "plover", ev->plover, 1);
        json_str(&b, "source_text", ev->source_text, 1);
        json_str(&b, "target_text", ev->target_text, 1);
        json_str(&b, "verb_text", ev->verb_text, 1);
        if (ev->issues && *ev->issues) json_str(&b, "issues", ev->issues, 1);
        if (ctx->sentence_text) json_str(&b, "sentence", ctx->sentence_text, 1);
        if (ctx->sentence_span.end > ctx->sentence_span.start)
            ent_buf_printf(&b, ",\"sentence_offsets\":[%u,%u]", ctx->sentence_span.start, ctx->sentence_span.end);
        if (ev->source_span.end > ev->source_span.start)
            ent_buf_printf(&b, ",\"source_offsets\":[%u,%u]", ev->source_span.start, ev->source_span.end);
        if (ev->target_span.end > ev->target_span.start)
            ent_buf_printf(&b, ",\"target_offsets\":[%u,%u]", ev->target_span.start, ev->target_span.end);
        if (ev->verb_span.end > ev->verb_span.start)
            ent_buf_printf(&b, ",\"verb_offsets\":[%u,%u]", ev->verb_span.start, ev->verb_span.end);
        ent_buf_puts(&b, "}\n");
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

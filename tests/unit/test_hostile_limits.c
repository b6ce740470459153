/* test_hostile_limits.c — bounded memory on huge inputs (issue 16): a plain text longer
 * than 4 MiB is handed out in parts cut at paragraph breaks (ids ID, ID#part2, ...) and
 * nothing is lost or repeated; a long JSON line is split the same way; a JSON line over
 * 64 MiB is refused as it is read and the lines after it are still read. */
#include "test.h"
#include "entente.h"

static int has_msg(const ent_diag *d, const char *needle) {
    for (size_t i = 0; i < ent_diag_count(d); i++)
        if (strstr(ent_diag_message(d, i), needle)) return 1;
    return 0;
}

/* Paragraphs "Paragraph N says little." separated by blank lines, about len bytes. */
static char *paragraphs(size_t len, size_t *out_len) {
    char *s = malloc(len + 64), *p = s;
    for (long i = 0; (size_t)(p - s) < len; i++) p += sprintf(p, "Paragraph %ld says little.\n\n", i);
    *out_len = (size_t)(p - s);
    return s;
}

TEST(hostile_long_text_in_parts) {
    size_t len;
    char *text = paragraphs((size_t)9 << 20, &len);
    ent_diag *diag = ent_diag_new();
    ent_doc_reader *r;
    CHECK(ent_doc_reader_open_mem("long.txt", text, len, ENT_INPUT_TEXT, diag, &r) == ENT_OK);
    char *joined = malloc(len + 64);
    size_t at = 0;
    int parts = 0;
    for (int guard = 0; guard < 10; guard++) {
        ent_doc *d;
        CHECK(ent_doc_reader_next(r, &d, diag) == ENT_OK);
        if (!d) break;
        parts++;
        char want[32];
        if (parts == 1) snprintf(want, sizeof want, "long.txt");
        else snprintf(want, sizeof want, "long.txt#part%d", parts);
        CHECK_STR(d->id, want);
        CHECK(d->text_len <= ((size_t)4 << 20));
        CHECK(d->text_len > ((size_t)2 << 20) || parts == 3);    /* cut in the second half */
        CHECK(d->text_len >= 2 && !strncmp(d->text, "Paragraph", 9)); /* starts a paragraph */
        if (at + d->text_len > len) { CHECK(!"parts longer than the text"); ent_doc_free(d); break; }
        memcpy(joined + at, d->text, d->text_len);
        at += d->text_len;                                        /* a part keeps its "\n\n" */
        ent_doc_free(d);
    }
    CHECK_INT(parts, 3);
    CHECK_INT(at, len);
    CHECK(at == len && !memcmp(joined, text, len));               /* nothing lost or repeated */
    CHECK(has_msg(diag, "long.txt: warning: story longer than 4 MiB: coded in parts of at most 4 MiB"));
    ent_doc_reader_free(r);
    ent_diag_free(diag);
    free(joined);
    free(text);
}

TEST(hostile_short_text_is_one_story) {
    const char *t = "Russia criticised China.\n\nFrance praised Japan.\n";
    ent_diag *diag = ent_diag_new();
    ent_doc_reader *r;
    CHECK(ent_doc_reader_open_mem("short.txt", t, strlen(t), ENT_INPUT_TEXT, diag, &r) == ENT_OK);
    ent_doc *d;
    CHECK(ent_doc_reader_next(r, &d, diag) == ENT_OK);
    CHECK(d != NULL);
    if (d) { CHECK_STR(d->id, "short.txt"); CHECK_STR(d->text, t); ent_doc_free(d); }
    CHECK(ent_doc_reader_next(r, &d, diag) == ENT_OK);
    CHECK(d == NULL);
    CHECK_INT(ent_diag_count(diag), 0);
    ent_doc_reader_free(r);
    ent_diag_free(diag);
}

TEST(hostile_json_lines_long_and_too_long) {
    /* line 1: 5 MiB of text (two parts); line 2: over 64 MiB (refused); line 3: small */
    size_t big = (size_t)5 << 20, huge = ((size_t)64 << 20) + 100;
    size_t cap = big + huge + 256;
    char *in = malloc(cap), *p = in;
    p += sprintf(p, "{\"id\":\"long\",\"text\":\"");
    for (size_t i = 0; i < big / 25; i++) p += sprintf(p, "Russia criticised China. ");
    p += sprintf(p, "\"}\n{\"id\":\"huge\",\"text\":\"");
    memset(p, 'a', huge);
    p += huge;
    p += sprintf(p, "\"}\n{\"id\":\"after\",\"text\":\"France praised Japan.\"}\n");
    ent_diag *diag = ent_diag_new();
    ent_doc_reader *r;
    CHECK(ent_doc_reader_open_mem("in.jsonl", in, (size_t)(p - in), ENT_INPUT_JSONL, diag, &r) == ENT_OK);
    free(in);
    const char *ids[8];
    char idbuf[8][32];
    int n = 0, errors = 0;
    for (int guard = 0; guard < 10; guard++) {
        ent_doc *d;
        ent_status st = ent_doc_reader_next(r, &d, diag);
        if (st != ENT_OK) { CHECK(st == ENT_ERR_LIMIT); errors++; continue; }
        if (!d) break;
        if (n < 8) { snprintf(idbuf[n], sizeof idbuf[n], "%s", d->id); ids[n] = idbuf[n]; n++; }
        ent_doc_free(d);
    }
    CHECK_INT(n, 3);
    CHECK_INT(errors, 1);
    if (n == 3) { CHECK_STR(ids[0], "long"); CHECK_STR(ids[1], "long#part2"); CHECK_STR(ids[2], "after"); }
    CHECK(has_msg(diag, "in.jsonl:2: error: line longer than 64 MiB: skipped"));
    CHECK(has_msg(diag, "in.jsonl:1: warning: story longer than 4 MiB"));
    ent_doc_reader_free(r);
    ent_diag_free(diag);
}

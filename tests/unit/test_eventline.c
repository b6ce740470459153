/* test_eventline.c — reading back 'entente code' JSON lines (src/store/eventline.c): on a
 * table of lines (the lines code writes, escapes, reals, exponents, offsets of every shape,
 * members of the wrong type, duplicates, nesting, bad JSON) and on random mutations of
 * them, ent_event_reader_parse gives exactly what a plain jansson reading gives (the
 * reference below: each member looked up in the parsed object, wrong types as absent). */
#include "test.h"
#include "entente.h"

#include <jansson.h>
#include <math.h>

static const char *ref_str(json_t *o, const char *k) {
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static ent_span ref_span(json_t *o, const char *k) {
    ent_span s = {0, 0};
    json_t *v = json_object_get(o, k);
    if (json_is_array(v) && json_array_size(v) == 2 && json_is_integer(json_array_get(v, 0)) &&
        json_is_integer(json_array_get(v, 1))) {
        json_int_t a = json_integer_value(json_array_get(v, 0)), b = json_integer_value(json_array_get(v, 1));
        if (a >= 0 && b >= a && b <= 0xffffffffLL) { s.start = (uint32_t)a; s.end = (uint32_t)b; }
    }
    return s;
}

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }
static int same_span(ent_span a, ent_span b) { return a.start == b.start && a.end == b.end; }

/* Compare the reader with the reference on one line; tag names it in failures. */
static void compare(ent_event_reader *r, const char *line, int tag) {
    size_t len = strlen(line);
    ent_event_line x;
    const char *why = NULL;
    ent_status s = ent_event_reader_parse(r, line, len, &x, &why);
    json_error_t jerr;
    json_t *o = json_loadb(line, len, 0, &jerr);
    if (!o || !json_is_object(o)) {
        if (s == ENT_OK) ent_test_fail(__FILE__, __LINE__, "line %d: read, but jansson refuses it: %s", tag, line);
        else if (!why || !*why) ent_test_fail(__FILE__, __LINE__, "line %d: refused without a reason", tag);
        json_decref(o);
        return;
    }
    if (s != ENT_OK) {
        ent_test_fail(__FILE__, __LINE__, "line %d: refused (%s), jansson reads it: %s", tag, why ? why : "?", line);
        json_decref(o);
        return;
    }
    const char *keys[] = {"story_id", "sentence_id", "sentence", "title", "url", "publisher", "source", "target",
                          "code", "root", "plover", "source_text", "target_text", "verb_text", "issues", "date"};
    const char *got[] = {x.ctx.story_id, x.ctx.sentence_id, x.ctx.sentence_text, x.ctx.title, x.ctx.url,
                         x.ctx.publisher, x.ev.source, x.ev.target, x.ev.code, x.ev.root, x.ev.plover,
                         x.ev.source_text, x.ev.target_text, x.ev.verb_text, x.ev.issues, x.date};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!same_str(got[i], ref_str(o, keys[i])))
            ent_test_fail(__FILE__, __LINE__, "line %d: %s is '%s', jansson '%s'", tag, keys[i], got[i] ? got[i] : "(null)",
                          ref_str(o, keys[i]) ? ref_str(o, keys[i]) : "(null)");
    json_t *si = json_object_get(o, "sentence_index"), *q = json_object_get(o, "quad"), *g = json_object_get(o, "goldstein");
    if (x.ctx.sentence_index != (json_is_integer(si) ? (long)json_integer_value(si) : 0))
        ent_test_fail(__FILE__, __LINE__, "line %d: sentence_index %ld", tag, x.ctx.sentence_index);
    if (x.ev.quad != (json_is_integer(q) ? (int)json_integer_value(q) : 0))
        ent_test_fail(__FILE__, __LINE__, "line %d: quad %d", tag, x.ev.quad);
    double gw = json_is_number(g) ? json_number_value(g) : 0;
    if (memcmp(&x.ev.goldstein, &gw, sizeof gw) != 0) /* bit for bit */
        ent_test_fail(__FILE__, __LINE__, "line %d: goldstein %.17g, jansson %.17g", tag, x.ev.goldstein, gw);
    if (x.has_goldstein != (g != NULL)) ent_test_fail(__FILE__, __LINE__, "line %d: has_goldstein %d", tag, x.has_goldstein);
    if (!same_span(x.ctx.sentence_span, ref_span(o, "sentence_offsets")) || !same_span(x.ev.source_span, ref_span(o, "source_offsets")) ||
        !same_span(x.ev.target_span, ref_span(o, "target_offsets")) || !same_span(x.ev.verb_span, ref_span(o, "verb_offsets")))
        ent_test_fail(__FILE__, __LINE__, "line %d: offsets differ", tag);
    json_decref(o);
}

static const char *const lines[] = {
    /* as 'entente code' writes them */
    "{\"story_id\":\"stdin\",\"sentence_id\":\"0\",\"sentence_index\":0,\"date\":null,\"source\":\"RUSMIL\",\"target\":\"UKRMIL\","
    "\"code\":\"190\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,\"plover\":\"ASSAULT\",\"source_text\":\"RUSSIAN TROOPS\","
    "\"target_text\":\"UKRAINIAN FORCES\",\"verb_text\":\"ATTACKED\",\"sentence\":\"Russian troops attacked Ukrainian forces.\","
    "\"sentence_offsets\":[0,80],\"source_offsets\":[0,14],\"target_offsets\":[24,40],\"verb_offsets\":[15,23]}",
    "{\"story_id\":\"W-1\",\"sentence_index\":3,\"date\":\"2021-02-10\",\"source\":\"USA\",\"target\":\"---\",\"code\":\"010\","
    "\"goldstein\":0.0,\"title\":\"T\",\"url\":\"http://x/\",\"publisher\":\"AP\",\"issues\":\"\"}",
    /* numbers */
    "{\"story_id\":\"a\",\"goldstein\":-6.5e0,\"quad\":-0,\"sentence_index\":123456789012345678}",
    "{\"story_id\":\"a\",\"goldstein\":1E+2,\"quad\":3}",
    "{\"story_id\":\"a\",\"goldstein\":0.30000000000000004}",
    "{\"story_id\":\"a\",\"goldstein\":1e-400}",
    "{\"story_id\":\"a\",\"goldstein\":1e400}",
    "{\"story_id\":\"a\",\"goldstein\":7}",
    "{\"story_id\":\"a\",\"goldstein\":null,\"quad\":2.0}",
    "{\"story_id\":\"a\",\"goldstein\":\"3.4\",\"quad\":\"2\"}",
    "{\"story_id\":\"a\",\"sentence_index\":1234567890123456789}",
    "{\"story_id\":\"a\",\"goldstein\":01}",
    "{\"story_id\":\"a\",\"goldstein\":1.}",
    "{\"story_id\":\"a\",\"goldstein\":.5}",
    "{\"story_id\":\"a\",\"goldstein\":-}",
    /* offsets of every shape */
    "{\"sentence_offsets\":[],\"source_offsets\":[1],\"target_offsets\":[1,2,3],\"verb_offsets\":[5,4]}",
    "{\"sentence_offsets\":[-1,2],\"source_offsets\":[0,4294967295],\"target_offsets\":[0,4294967296],\"verb_offsets\":[1.0,2]}",
    "{\"sentence_offsets\":[ 1 , 2 ],\"source_offsets\":[1,2,3,4,5],\"target_offsets\":[1,],\"verb_offsets\":[\"1\",2]}",
    "{\"sentence_offsets\":[[1],2]}",
    "{\"sentence_offsets\":{\"a\":1}}",
    /* strings */
    "{\"story_id\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\",\"source\":\"ÄÖ\"}",
    "{\"story_id\":\"x\\u0000y\"}",
    "{\"story_id\":\"\\ud800\"}",
    "{\"story_id\":\"bad \\x escape\"}",
    "{\"story_id\":\"raw \x01 control\"}",
    "{\"story_id\":\"cut",
    /* structure */
    "{\"story_id\":\"a\",\"story_id\":\"b\"}",
    "{\"code\":\"1\",\"nested\":{\"a\":[1,{\"b\":2}]},\"source\":true,\"target\":false}",
    "  {\"story_id\" : \"a\" , \"code\" : \"010\" }  ",
    "{}",
    "{ }",
    "[1,2]",
    "\"str\"",
    "{\"a\":1} x",
    "{\"a\":1,}",
    "{\"a\" 1}",
    "{\"a\":tru}",
    "{\"a\":truex}",
    "",
};

TEST(eventline_matches_jansson_on_table) {
    ent_event_reader *r = ent_event_reader_new();
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) compare(r, lines[i], (int)i);
    ent_event_reader_free(r);
}

TEST(eventline_exact_values) {
    ent_event_reader *r = ent_event_reader_new();
    ent_event_line x;
    const char *why;
    CHECK(ent_event_reader_parse(r, lines[0], strlen(lines[0]), &x, &why) == ENT_OK);
    CHECK_STR(x.ctx.story_id, "stdin");
    CHECK_STR(x.ev.source, "RUSMIL");
    CHECK_STR(x.ev.verb_text, "ATTACKED");
    CHECK(x.date == NULL);
    CHECK(x.ev.goldstein == -10.0 && x.has_goldstein);
    CHECK_INT(x.ev.quad, 4);
    CHECK_INT(x.ctx.sentence_span.end, 80);
    CHECK_INT(x.ev.verb_span.start, 15);
    CHECK(ent_event_reader_parse(r, "{\"a\":", 5, &x, &why) == ENT_ERR_SYNTAX && why && *why);
    CHECK(ent_event_reader_parse(r, "[1]", 3, &x, &why) == ENT_ERR_SYNTAX);
    CHECK_STR(why, "not an object");
    ent_event_reader_free(r);
}

/* Every table line with bytes replaced, deleted or duplicated at random (fixed seed). */
TEST(eventline_mutated_lines) {
    ent_event_reader *r = ent_event_reader_new();
    unsigned seed = 12345;
    static const char alphabet[] = "{}[]\",:\\0123456789.eE+-tfnul ax\x01\xc3\xa9";
    char buf[1024];
    for (int round = 0; round < 4000; round++) {
        const char *src = lines[round % 2 == 0 ? 0 : (size_t)round % (sizeof lines / sizeof lines[0])];
        size_t n = strlen(src);
        if (n >= sizeof buf - 8) continue;
        memcpy(buf, src, n + 1);
        for (int k = 0; k < 3 && n > 0; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % n;
            int op = (int)((seed >> 4) % 3);
            char c = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            if (op == 0) buf[at] = c;
            else if (op == 1) { memmove(buf + at, buf + at + 1, n - at); n--; }
            else { memmove(buf + at + 1, buf + at, n - at + 1); buf[at] = c; n++; }
        }
        buf[n] = 0;
        compare(r, buf, 1000 + round);
    }
    ent_event_reader_free(r);
}

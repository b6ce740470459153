/* test_formats.c — the event formats of src/output/formats.c: names, PLOVER records
 * (category for every code PLOVER maps, mode and context as the CAMEO->PLOVER table in
 * ../shared/cameo lists them, 01x left out), Phoenix actor columns and CSV quoting, the
 * PETRARCH-1 story filter and issue format. */
#include "entente.h"
#include "test.h"

/* Everything ent_write_story writes for the n events, as one malloc'ed string. */
static char *story_out(ent_format fmt, unsigned flags, size_t n, const ent_event_context *c, const ent_event *e) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    ent_write_story(f, fmt, flags, n, c, e);
    fclose(f);
    return buf;
}

static ent_event ev_of(const char *src, const char *tgt, const char *code, const char *issues) {
    const ent_cameo_info *ci = ent_cameo_lookup(code);
    ent_event e;
    memset(&e, 0, sizeof e);
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.root = ci ? ci->root : "";
    e.quad = ci ? ci->quad : 0;
    e.goldstein = ci ? ci->goldstein : 0;
    e.plover = ci ? ci->plover : "";
    e.source_text = "SRC";
    e.target_text = "TGT";
    e.verb_text = "VERB";
    e.issues = issues;
    return e;
}

TEST(formats_names) {
    const char *names[] = {"jsonl", "tsv", "plover", "phoenix", "petrarch"};
    for (int i = 0; i < 5; i++) {
        CHECK_INT(ent_format_parse(names[i]), i);
        CHECK_STR(ent_format_name((ent_format)i), names[i]);
    }
    CHECK_INT(ent_format_parse("gdelt"), -1);
    CHECK_INT(ent_format_parse(NULL), -1);
}

/* Every code of the table has a PLOVER category except the public statements (01x),
 * which PLOVER does not code; those events are left out of PLOVER output. */
TEST(formats_plover_category_for_every_mapped_code) {
    size_t n = ent_cameo_count(), mapped = 0;
    for (size_t i = 0; i < n; i++) {
        const ent_cameo_info *c = ent_cameo_at(i);
        int statement = !strcmp(c->root, "01");
        if (statement != !*c->plover) ent_test_fail(__FILE__, __LINE__, "code %s: plover '%s'", c->code, c->plover);
        ent_event_context ctx = {"s", 0, NULL, 20240101, "x", {0, 0}, NULL, NULL, NULL};
        ent_event e = ev_of("USA", "RUS", c->code, "");
        char *out = story_out(ENT_FORMAT_PLOVER, 0, 1, &ctx, &e);
        if (statement) CHECK_STR(out, "");
        else if (!out || !strstr(out, c->plover)) ent_test_fail(__FILE__, __LINE__, "code %s: no PLOVER record", c->code);
        else mapped++;
        free(out);
    }
    CHECK(mapped > 250);
}

/* Mode and context of each code as the shared CAMEO->PLOVER table lists them. */
TEST(formats_plover_mode_context_match_shared_table) {
    SHARED_OR_SKIP(path, "cameo/CAMEO2PLOVER-2021.txt");
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) return;
    char line[512], seen[400][8];
    int nseen = 0, checked = 0;
    while (fgets(line, sizeof line, f)) {
        char code[8];
        int at = 0;
        if (sscanf(line, "%7[0-9]:%n", code, &at) != 1 || !strchr(line, ',')) continue;
        int dup = 0;
        for (int k = 0; k < nseen && !dup; k++) dup = !strcmp(seen[k], code);
        if (dup || nseen == 400) continue; /* the first listing of a code is the one used */
        snprintf(seen[nseen++], 8, "%s", code);
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        /* fields: category, mode, contexts ("a; b") */
        char *fields[3] = {NULL, NULL, NULL}, *p = line + at;
        for (int k = 0; k < 3 && p; k++) {
            fields[k] = p;
            p = strchr(p, ',');
            if (p) *p++ = 0;
        }
        char mode[64] = "", ctx[128] = "[";
        if (fields[1]) sscanf(fields[1], " %63[^ \t\n]", mode);
        for (char *c = fields[2] ? strtok(fields[2], "; \t\n") : NULL; c; c = strtok(NULL, "; \t\n")) {
            if (ctx[1]) strcat(ctx, ",");
            snprintf(ctx + strlen(ctx), sizeof ctx - strlen(ctx), "\"%s\"", c);
        }
        strcat(ctx, "]");
        char want_mode[80], want_ctx[160];
        if (*mode) snprintf(want_mode, sizeof want_mode, "\"mode\":\"%s\"", mode);
        else snprintf(want_mode, sizeof want_mode, "\"mode\":null");
        snprintf(want_ctx, sizeof want_ctx, "\"context\":%s", ctx);
        ent_event_context cx = {"s", 0, NULL, 20240101, "x", {0, 0}, NULL, NULL, NULL};
        ent_event e = ev_of("USA", "RUS", code, "");
        char *out = story_out(ENT_FORMAT_PLOVER, 0, 1, &cx, &e);
        if (!out || !strstr(out, want_mode) || !strstr(out, want_ctx))
            ent_test_fail(__FILE__, __LINE__, "code %s: want %s %s, got %s", code, want_mode, want_ctx, out ? out : "");
        else checked++;
        free(out);
    }
    fclose(f);
    CHECK(checked > 250);
}

TEST(formats_phoenix_actor_columns_and_quoting) {
    ent_event_context c = {"st,1", 2, NULL, 20240305, "x", {0, 0}, NULL, "https://e.x/a?b=1,2", "Wire \"A\""};
    ent_event e[4] = {ev_of("IGOUNOMIL", "---GOV", "190", "FOOD 2, WATER 1"), ev_of("CVL", "USAGOVMIL", "111", ""),
                      ev_of("USAMIL", "---", "010", ""), ev_of("FRA", "DEU", "057", "")};
    ent_event_context cs[4] = {c, c, c, c};
    cs[3].sentence_index = 3;
    char *out = story_out(ENT_FORMAT_PHOENIX, 0, 4, cs, e);
    CHECK_STR(out,
              "\"st,1-2-1\",20240305,2024,3,5,IGOUNOMIL,IGO,,UNO;MIL,\"'---GOV\",,GOV,,190,19,4,-10.0,\"FOOD,2;WATER,1\",,,,,,"
              "\"st,1-2\",\"https://e.x/a?b=1,2\",\"Wire \"\"A\"\"\"\n"
              "\"st,1-2-2\",20240305,2024,3,5,CVL,,CVL,,USAGOVMIL,USA,GOV,MIL,111,11,3,-2.0,,,,,,,"
              "\"st,1-2\",\"https://e.x/a?b=1,2\",\"Wire \"\"A\"\"\"\n"
              "\"st,1-2-3\",20240305,2024,3,5,USAMIL,USA,MIL,,\"'---\",,,,010,01,0,0.0,,,,,,,"
              "\"st,1-2\",\"https://e.x/a?b=1,2\",\"Wire \"\"A\"\"\"\n"
              "\"st,1-3-1\",20240305,2024,3,5,FRA,FRA,,,DEU,DEU,,,057,05,1,8.0,,,,,,,"
              "\"st,1-3\",\"https://e.x/a?b=1,2\",\"Wire \"\"A\"\"\"\n");
    free(out);
}

/* (Text cells go through the project's CSV cell writer: a code starting with '-', as
 * "---GOV", is neutralised against formula injection like any other cell.) */

/* One record per (date, source, target, code) of a story, ids of all its sentences, the
 * first issues found; no url column without a url; "NULL" for an unknown source. */
TEST(formats_petrarch_story_filter) {
    ent_event_context c[4] = {{"S", 0, NULL, 20240305, "a", {0, 0}, NULL, NULL, NULL},
                              {"S", 1, NULL, 20240305, "b", {0, 0}, NULL, NULL, NULL},
                              {"S", 1, NULL, 20240305, "b", {0, 0}, NULL, NULL, NULL},
                              {"S", 2, NULL, 20240306, "c", {0, 0}, NULL, NULL, NULL}};
    ent_event e[4] = {ev_of("ARN", "GON", "111", ""), ev_of("ARN", "GON", "111", "BORDER 1"),
                      ev_of("GON", "ARN", "111", ""), ev_of("ARN", "GON", "111", "")};
    char *out = story_out(ENT_FORMAT_PETRARCH, 0, 4, c, e);
    CHECK_STR(out, "20240305\tARN\tGON\t111\tBORDER,1\tS-0;S-1\tNULL\n"
                   "20240305\tGON\tARN\t111\t\tS-1\tNULL\n"
                   "20240306\tARN\tGON\t111\t\tS-2\tNULL\n");
    free(out);
    for (int i = 0; i < 4; i++) { c[i].sentence_id = "REC_7"; c[i].url = "http://u"; c[i].publisher = "AFP"; }
    out = story_out(ENT_FORMAT_PETRARCH, ENT_WRITE_ACTOR_TEXT, 1, c, e);
    CHECK_STR(out, "20240305\tARN\tGON\t111\t\tREC_7\thttp://u\tAFP\tSRC\tTGT\n");
    free(out);
    e[0].source_root = "ARNOR_KINGDOM_";
    out = story_out(ENT_FORMAT_PETRARCH, ENT_WRITE_ACTOR_TEXT | ENT_WRITE_ACTOR_ROOT, 1, c, e);
    CHECK_STR(out, "20240305\tARN\tGON\t111\t\tREC_7\thttp://u\tAFP\tSRC\tTGT\tARNOR KINGDOM\t---\n");
    free(out);
}

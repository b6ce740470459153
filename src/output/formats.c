/* formats.c — the event formats other tools read: PLOVER/POLECAT-style JSON lines,
 * Phoenix-dataset CSV and PETRARCH-1's tab-separated event records (ent_write_story),
 * plus the format names (ent_format_parse).  entente's own JSONL and TSV are in
 * writer.c.  The PLOVER mode and context of each CAMEO code are public reference facts
 * (the CAMEO->PLOVER conversion table of the PLOVER manual, Sept 2021); the category
 * itself comes from the project's CAMEO table (src/dict/cameo.c). */
#include "output/output.h"
#include "util/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const format_names[] = {"jsonl", "tsv", "plover", "phoenix", "petrarch"};

int ent_format_parse(const char *name) {
    for (size_t i = 0; name && i < sizeof format_names / sizeof *format_names; i++)
        if (!strcmp(name, format_names[i])) return (int)i;
    return -1;
}

const char *ent_format_name(ent_format fmt) {
    return (size_t)fmt < sizeof format_names / sizeof *format_names ? format_names[fmt] : "?";
}

/* ---- PLOVER mode and context per CAMEO code --------------------------------------------- */

/* {code, mode, contexts (comma-separated)}, sorted by code as strings.  Codes the table
 * does not list have neither. */
typedef struct plover_row { const char *code, *mode, *context; } plover_row;
static const plover_row plover_rows[] = {
    {"030", "", "diplomatic"},
    {"031", "", "diplomatic"},
    {"0311", "", "economic"},
    {"0312", "", "military"},
    {"0313", "", "legal"},
    {"0314", "", "intelligence"},
    {"032", "", "diplomatic"},
    {"033", "", "diplomatic"},
    {"0331", "", "economic"},
    {"0332", "", "military"},
    {"0333", "", "humanitarian"},
    {"0334", "", "peacekeeping"},
    {"034", "", "political_institutions"},
    {"0341", "", "political_institutions"},
    {"0342", "", "executive"},
    {"0343", "", "rights_freedoms"},
    {"0344", "", "political_institutions"},
    {"035", "", ""},
    {"0351", "", "rights_freedoms"},
    {"0352", "", ""},
    {"0353", "", "rights_freedoms"},
    {"0354", "", "economic"},
    {"0355", "", "diplomatic"},
    {"0356", "", "military"},
    {"036", "", "diplomatic"},
    {"037", "", "diplomatic"},
    {"038", "", "diplomatic"},
    {"039", "", "diplomatic"},
    {"040", "", ""},
    {"041", "phone", ""},
    {"042", "visit", ""},
    {"043", "visit", ""},
    {"044", "third-party", ""},
    {"045", "", "diplomatic"},
    {"046", "", "diplomatic"},
    {"050", "", "diplomatic"},
    {"051", "", "diplomatic"},
    {"052", "", "diplomatic"},
    {"053", "", "diplomatic"},
    {"054", "", "diplomatic"},
    {"055", "", "diplomatic"},
    {"056", "", "diplomatic"},
    {"057", "", "diplomatic"},
    {"060", "", ""},
    {"061", "", "economic"},
    {"062", "", "military"},
    {"063", "", "legal"},
    {"064", "", "intelligence"},
    {"070", "", ""},
    {"071", "", "economic"},
    {"072", "", "military"},
    {"073", "", "humanitarian"},
    {"074", "", "peacekeeping"},
    {"075", "", "asylum"},
    {"080", "", ""},
    {"081", "", "legal"},
    {"0811", "", "democracy"},
    {"0812", "", "democracy"},
    {"0813", "", "legal"},
    {"0814", "", "legal"},
    {"082", "", "democracy"},
    {"083", "", "political_institutions"},
    {"0831", "", "political_institutions"},
    {"0832", "", "executive"},
    {"0833", "", "rights_freedoms"},
    {"0834", "", "political_institutions"},
    {"084", "", ""},
    {"0841", "release", "legal"},
    {"0842", "return", "legal"},
    {"085", "ease", "economic"},
    {"086", "access", "diplomatic"},
    {"0861", "access", "peacekeeping"},
    {"0862", "access", "diplomatic"},
    {"0863", "access", "humanitarian"},
    {"087", "disarm", "military"},
    {"0871", "ceasefire", "military"},
    {"0872", "withdraw", "military"},
    {"0873", "disarm", "military"},
    {"0874", "disarm", "military"},
    {"090", "investigate", ""},
    {"091", "investigate", "crime,corruption"},
    {"092", "investigate", "human_rights"},
    {"093", "investigate", "military"},
    {"094", "investigate", "military,legal"},
    {"100", "", ""},
    {"101", "assist", ""},
    {"1011", "assist", "economic"},
    {"1012", "assist", "military"},
    {"1013", "assist", "legal"},
    {"1014", "assist", "intelligence"},
    {"102", "assist", "diplomatic"},
    {"103", "assist", ""},
    {"1031", "assist", "economic"},
    {"1032", "assist", "military"},
    {"1033", "assist", "humanitarian"},
    {"1034", "assist", "peacekeeping"},
    {"104", "change", "political_institutions"},
    {"1041", "change", "executive"},
    {"1042", "change", "executive"},
    {"1043", "change", "rights_freedoms"},
    {"1044", "change", "political_institutions"},
    {"105", "change", "legal"},
    {"1051", "yield", "legal"},
    {"1052", "yield", "legal"},
    {"1053", "yield", "legal"},
    {"1054", "yield", "economic"},
    {"1055", "yield", "diplomatic"},
    {"1056", "yield", "military"},
    {"106", "meet", "diplomatic"},
    {"107", "meet", "diplomatic"},
    {"108", "meet", "diplomatic"},
    {"110", "disapprove", ""},
    {"111", "disapprove", ""},
    {"112", "disapprove", ""},
    {"1121", "allege", "crime,corruption"},
    {"1122", "allege", "human_rights"},
    {"1123", "allege", "military"},
    {"1124", "allege", "military,legal"},
    {"1125", "allege", "legal"},
    {"113", "disapprove", ""},
    {"114", "allege", "diplomatic"},
    {"115", "allege", "legal"},
    {"116", "disapprove", "legal"},
    {"120", "", ""},
    {"121", "assist", ""},
    {"1211", "assist", "economic"},
    {"1212", "assist", "military"},
    {"1213", "assist", "legal"},
    {"1214", "assist", "intelligence"},
    {"122", "assist", ""},
    {"1221", "assist", "economic"},
    {"1222", "assist", "military"},
    {"1223", "assist", "humanitarian"},
    {"1224", "assist", "peacekeeping"},
    {"123", "change", "political_institutions"},
    {"1231", "change", "executive"},
    {"1232", "change", "executive"},
    {"1233", "change", "rights_freedoms"},
    {"1234", "change", "political_institutions"},
    {"124", "change", ""},
    {"1241", "change", "executive"},
    {"1242", "change", ""},
    {"1243", "yield", "legal"},
    {"1244", "yield", "economic"},
    {"1245", "yield", "diplomatic"},
    {"1246", "yield", "military"},
    {"125", "meet", "diplomatic"},
    {"126", "meet", "diplomatic"},
    {"127", "meet", "diplomatic"},
    {"128", "yield", "legal"},
    {"129", "yield", "diplomatic"},
    {"130", "", ""},
    {"131", "", ""},
    {"1311", "relations", ""},
    {"1312", "restrict", "economic"},
    {"1313", "relations", "diplomatic"},
    {"132", "ban", "executive"},
    {"1321", "political", "human_rights"},
    {"1322", "ban", "pro_autocracy"},
    {"1323", "restrict", "pro_autocracy"},
    {"1324", "restrict", "pro_autocracy"},
    {"133", "relations", ""},
    {"134", "relations", "diplomatic"},
    {"135", "relations", "diplomatic"},
    {"136", "expel", "diplomatic"},
    {"137", "violence", "pro_autocracy"},
    {"138", "violence", "military"},
    {"1381", "restrict", "military"},
    {"1382", "territory", "military"},
    {"1383", "violence", "military"},
    {"1384", "violence", "military"},
    {"1385", "violence", "cbrn"},
    {"139", "relations", "diplomatic"},
    {"140", "", ""},
    {"141", "demo", ""},
    {"1411", "demo", "executive"},
    {"1412", "demo", "executive"},
    {"1413", "demo", "rights_freedoms"},
    {"1414", "demo", "political_institutions"},
    {"142", "hunger", ""},
    {"1421", "hunger", "executive"},
    {"1422", "hunger", "executive"},
    {"1423", "hunger", "rights_freedoms"},
    {"1424", "hunger", "political_institutions"},
    {"143", "boycott", ""},
    {"1431", "boycott", "executive"},
    {"1432", "boycott", "executive"},
    {"1433", "boycott", "rights_freedoms"},
    {"1434", "boycott", "political_institutions"},
    {"144", "obstruct", ""},
    {"1441", "obstruct", "executive"},
    {"1442", "obstruct", "executive"},
    {"1443", "obstruct", "rights_freedoms"},
    {"1444", "obstruct", "political_institutions"},
    {"145", "riot", ""},
    {"1451", "riot", "executive"},
    {"1452", "riot", "executive"},
    {"1453", "riot", "rights_freedoms"},
    {"1454", "riot", "political_institutions"},
    {"150", "", ""},
    {"151", "police", ""},
    {"152", "troops", "military"},
    {"153", "police", ""},
    {"154", "troops", "military"},
    {"160", "", ""},
    {"161", "withdraw", "diplomatic"},
    {"162", "discontinue", "human_security"},
    {"1621", "discontinue", "economic"},
    {"1622", "discontinue", "military"},
    {"1623", "discontinue", "humanitarian"},
    {"163", "restrict", "diplomatic"},
    {"164", "withdraw", "diplomatic"},
    {"165", "withdraw", "diplomatic"},
    {"166", "expel", "diplomatic"},
    {"1661", "expel", "military"},
    {"1662", "expel", "diplomatic"},
    {"1663", "expel", "human_security"},
    {"170", "", ""},
    {"171", "seize", "human_security"},
    {"1711", "seize", "human_security"},
    {"1712", "seize", "human_security"},
    {"172", "restrict", "executive"},
    {"1721", "restrict", "rights_freedoms"},
    {"1722", "ban", "pro_autocracy"},
    {"1723", "curfew", "pro_autocracy"},
    {"1724", "martial-law", "pro_autocracy"},
    {"173", "arrest", "legal"},
    {"174", "deport", "legal"},
    {"175", "pro_autocracy", "military"},
    {"180", "", ""},
    {"181", "abduct", ""},
    {"182", "beat", ""},
    {"1821", "sexual", ""},
    {"1822", "torture", ""},
    {"1823", "", ""},
    {"183", "suicide-attack", ""},
    {"1831", "suicide-attack", ""},
    {"1832", "explosives", ""},
    {"1833", "explosives", ""},
    {"184", "abduct", ""},
    {"185", "assassinate", ""},
    {"186", "assassinate", ""},
    {"190", "", "military"},
    {"191", "restrict", "military"},
    {"192", "seize", "military"},
    {"193", "firearms", "military"},
    {"194", "heavy-weapons", "military"},
    {"195", "heavy-weapons", "military"},
    {"196", "", "legal,military"},
    {"200", "massacre", "military"},
    {"201", "cleansing", "religion_ethnicity"},
    {"202", "massacre", "religion_ethnicity"},
    {"203", "cleansing", "religion_ethnicity"},
    {"204", "unconventional", "cbrn"},
    {"2041", "unconventional", "cbrn"},
    {"2042", "unconventional", "cbrn"},
};

static int plover_cmp(const void *key, const void *row) {
    return strcmp(key, ((const plover_row *)row)->code);
}

/* The mode and contexts of a CAMEO code; a code with a letter suffix ("075A") or unknown
 * to the table falls back to its longest listed prefix of 3 or more characters. */
static const plover_row *plover_lookup(const char *code) {
    char k[8];
    size_t n = strlen(code);
    if (n >= sizeof k) n = sizeof k - 1;
    memcpy(k, code, n);
    k[n] = 0;
    for (; n >= 3; k[--n] = 0) {
        const plover_row *r = bsearch(k, plover_rows, sizeof plover_rows / sizeof *plover_rows, sizeof *plover_rows,
                                      plover_cmp);
        if (r) return r;
    }
    return NULL;
}

/* ---- shared pieces -------------------------------------------------------------------- */

static void put_json(ent_buf *b, const char *v) {
    if (!v) { ent_buf_puts(b, "null"); return; }
    ent_buf_putc(b, '"');
    ent_buf_json_escape(b, v, strlen(v));
    ent_buf_putc(b, '"');
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

/* An actor code split as the Phoenix data does: the entity (first three letters: a
 * country or IGO/NGO/IMG/MNC, unless they are a role), the primary role (the three letters
 * after the entity when they are one of the Phoenix roles, or the first three when the
 * code starts with a role), and the remaining three-letter attributes joined with ';'. */
static const char *const phoenix_roles[] = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
                                             "SPY", "MED", "EDU", "BUS", "CRM", "CVL"};
static int is_role(const char *s) {
    for (size_t i = 0; i < sizeof phoenix_roles / sizeof *phoenix_roles; i++)
        if (!strncmp(s, phoenix_roles[i], 3)) return 1;
    return 0;
}

typedef struct actor_parts { char entity[4], role[4], attr[64]; } actor_parts;

static void split_actor(const char *code, actor_parts *p) {
    memset(p, 0, sizeof *p);
    size_t n = code ? strlen(code) : 0;
    if (n < 3 || !strncmp(code, "---", 3)) {
        if (n >= 6 && is_role(code + 3)) memcpy(p->role, code + 3, 3); /* "---GOV" */
        return;
    }
    size_t at = 3;
    if (is_role(code)) memcpy(p->role, code, 3);
    else {
        memcpy(p->entity, code, 3);
        if (n >= 6 && is_role(code + 3)) { memcpy(p->role, code + 3, 3); at = 6; }
    }
    size_t k = 0;
    for (size_t i = at; i + 3 <= n && k + 5 < sizeof p->attr; i += 3) {
        if (k) p->attr[k++] = ';';
        memcpy(p->attr + k, code + i, 3);
        k += 3;
    }
    p->attr[k] = 0;
}

/* entente's issues "CODE N, CODE M" as PETRARCH's "CODE,N;CODE,M", each field through put. */
static void put_issues(ent_buf *b, const char *issues, void (*put)(ent_buf *, const char *, size_t)) {
    if (!issues || !*issues) return;
    ent_buf t;
    ent_buf_init(&t);
    for (const char *p = issues; *p;) {
        while (*p == ' ' || *p == ',') p++;
        const char *e = p;
        while (*e && *e != ',') e++;
        const char *end = e;
        while (end > p && end[-1] == ' ') end--;
        if (end > p) {
            const char *sp = end;
            while (sp > p && sp[-1] != ' ') sp--;   /* start of the count */
            if (t.len) ent_buf_putc(&t, ';');
            if (sp > p) {
                const char *ce = sp;
                while (ce > p && ce[-1] == ' ') ce--;
                ent_buf_append(&t, p, (size_t)(ce - p));
                ent_buf_putc(&t, ',');
                ent_buf_append(&t, sp, (size_t)(end - sp));
            } else {
                ent_buf_append(&t, p, (size_t)(end - p));
            }
        }
        p = e;
    }
    if (t.len) put(b, t.data, t.len);
    ent_buf_free(&t);
}

static void tsv_put(ent_buf *b, const char *s, size_t n) { ent_buf_tsv_cell(b, s, n); }
static void tsv_str(ent_buf *b, const char *s) { if (s) ent_buf_tsv_cell(b, s, strlen(s)); }
static void csv_str(ent_buf *b, const char *s) { ent_buf_csv_cell(b, s ? s : ""); }
/* a cell given as s[0..n) */
static void csv_put(ent_buf *b, const char *s, size_t n) {
    char *t = ent_xstrndup(s, n);
    ent_buf_csv_cell(b, t);
    free(t);
}

/* ---- PLOVER / POLECAT-style JSON ---------------------------------------------------------- */

static const char *const quad_names[] = {"", "VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT",
                                         "MATERIAL CONFLICT"};

static void plover_actor(ent_buf *b, const char *key, const char *code, const char *text) {
    ent_buf_printf(b, ",\"%s\":", key);
    if (!code || !*code || !strcmp(code, "---")) { ent_buf_puts(b, "null"); return; }
    actor_parts p;
    split_actor(code, &p);
    ent_buf_puts(b, "{\"code\":");
    put_json(b, code);
    ent_buf_puts(b, ",\"country\":");
    put_json(b, nonempty(p.entity));
    ent_buf_puts(b, ",\"sector\":");
    put_json(b, nonempty(p.role));
    ent_buf_puts(b, ",\"text\":");
    put_json(b, nonempty(text));
    ent_buf_putc(b, '}');
}

/* One PLOVER record, or nothing when the event has no PLOVER category (CAMEO 01x). */
static void write_plover(ent_buf *b, const ent_event_context *c, const ent_event *e, long k) {
    if (!e->plover || !*e->plover) return;
    const plover_row *pr = e->code ? plover_lookup(e->code) : NULL;
    ent_buf_puts(b, "{\"id\":\"");
    ent_buf_json_escape(b, c->story_id ? c->story_id : "", c->story_id ? strlen(c->story_id) : 0);
    ent_buf_printf(b, "-%ld-%ld\",\"date\":", c->sentence_index, k);
    if (c->date > 0) ent_buf_printf(b, "\"%04ld-%02ld-%02ld\"", c->date / 10000, c->date / 100 % 100, c->date % 100);
    else ent_buf_puts(b, "null");
    ent_buf_puts(b, ",\"event\":");
    put_json(b, e->plover);
    ent_buf_puts(b, ",\"mode\":");
    put_json(b, pr ? nonempty(pr->mode) : NULL);
    ent_buf_puts(b, ",\"context\":[");
    for (const char *s = pr ? pr->context : ""; *s;) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        if (s != pr->context) ent_buf_putc(b, ',');
        ent_buf_putc(b, '"');
        ent_buf_append(b, s, n);
        ent_buf_putc(b, '"');
        s += n + (comma ? 1 : 0);
    }
    ent_buf_puts(b, "],\"quad\":");
    int q = e->quad >= 1 && e->quad <= 4 ? e->quad : 0;
    if (q) ent_buf_printf(b, "%d,\"quad_code\":\"%s\"", q, quad_names[q]);
    else ent_buf_puts(b, "null,\"quad_code\":null");
    plover_actor(b, "actor", e->source, e->source_text);
    plover_actor(b, "recipient", e->target, e->target_text);
    ent_buf_puts(b, ",\"location\":null,\"cameo\":");
    put_json(b, e->code);
    ent_buf_printf(b, ",\"goldstein\":%.1f,\"event_text\":", e->goldstein);
    put_json(b, nonempty(e->verb_text));
    ent_buf_puts(b, ",\"text\":");
    put_json(b, c->sentence_text);
    ent_buf_puts(b, ",\"story_id\":");
    put_json(b, c->story_id);
    ent_buf_printf(b, ",\"sentence_index\":%ld,\"title\":", c->sentence_index);
    put_json(b, nonempty(c->title));
    ent_buf_puts(b, ",\"url\":");
    put_json(b, nonempty(c->url));
    ent_buf_puts(b, ",\"source\":");
    put_json(b, nonempty(c->publisher));
    ent_buf_puts(b, "}\n");
}

/* ---- Phoenix CSV ------------------------------------------------------------------------ */

static const char phoenix_header[] =
    "EventID,Date,Year,Month,Day,SourceActorFull,SourceActorEntity,SourceActorRole,SourceActorAttribute,"
    "TargetActorFull,TargetActorEntity,TargetActorRole,TargetActorAttribute,EventCode,EventRootCode,"
    "QuadClass,GoldsteinScore,Issues,Lat,Lon,LocationName,StateName,CountryCode,SentenceID,URLs,NewsSources\n";

/* Phoenix's quad class, its own conversion from the root code (01-02 neutral 0, 16 verbal
 * conflict 3), not CAMEO's; -1 for a code without a root. */
static int phoenix_quad(const char *root) {
    static const int q[21] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4};
    if (!root || !isdigit((unsigned char)root[0]) || !isdigit((unsigned char)root[1])) return -1;
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    return r >= 1 && r <= 20 ? q[r] : -1;
}

static void phoenix_actor(ent_buf *b, const char *code) {
    actor_parts p;
    split_actor(code, &p);
    csv_str(b, code);
    ent_buf_putc(b, ',');
    csv_str(b, p.entity);
    ent_buf_putc(b, ',');
    csv_str(b, p.role);
    ent_buf_putc(b, ',');
    csv_str(b, p.attr);
    ent_buf_putc(b, ',');
}

/* One Phoenix row; EventID is STORY-SENTENCE-K (K counts from 1 within the sentence), so
 * the ids do not depend on how a corpus was split into runs. */
static void write_phoenix(ent_buf *b, const ent_event_context *c, const ent_event *e, long k) {
    ent_buf t;
    ent_buf_init(&t);
    ent_buf_printf(&t, "%s-%ld", c->story_id ? c->story_id : "", c->sentence_index);
    size_t sid_len = t.len;
    ent_buf_printf(&t, "-%ld", k);
    csv_put(b, t.data, t.len);
    ent_buf_putc(b, ',');
    if (c->date > 0) ent_buf_printf(b, "%08ld,%04ld,%ld,%ld,", c->date, c->date / 10000, c->date / 100 % 100, c->date % 100);
    else ent_buf_puts(b, ",,,,");
    phoenix_actor(b, e->source);
    phoenix_actor(b, e->target);
    csv_str(b, e->code);
    ent_buf_putc(b, ',');
    csv_str(b, e->root);
    ent_buf_putc(b, ',');
    int q = phoenix_quad(e->root);
    if (q >= 0) ent_buf_printf(b, "%d", q);
    ent_buf_printf(b, ",%.1f,", e->goldstein);
    put_issues(b, e->issues, csv_put);
    ent_buf_puts(b, ",,,,,,");   /* Lat, Lon, LocationName, StateName, CountryCode: not geocoded */
    csv_put(b, t.data, sid_len); /* SentenceID */
    ent_buf_putc(b, ',');
    csv_str(b, c->url);
    ent_buf_putc(b, ',');
    csv_str(b, c->publisher);
    ent_buf_putc(b, '\n');
    ent_buf_free(&t);
}

/* ---- PETRARCH-1 event records ----------------------------------------------------------- */

/* A tab and an actor root as PETRARCH writes it: the dictionary's words separated by
 * spaces ("HAMID_KARZAI_" -> "HAMID KARZAI"), "---" when there is none. */
static void put_root(ent_buf *b, const char *r) {
    ent_buf_putc(b, '\t');
    if (!r || !*r) { ent_buf_puts(b, "---"); return; }
    ent_buf t;
    ent_buf_init(&t);
    for (const char *p = r; *p; p++) {
        if (*p != '_') ent_buf_putc(&t, *p);
        else if (t.len && t.data[t.len - 1] != ' ' && p[1]) ent_buf_putc(&t, ' ');
    }
    tsv_str(b, t.data ? t.data : "");
    ent_buf_free(&t);
}

/* One record per distinct (date, source, target, code) of the story, in order of first
 * appearance, with the ids of every sentence that gave it (PETRARCH-1's story filter):
 *   date source target code issues ids [url] source [source_text target_text] [source_root target_root]
 * ids are the sentence ids joined with ';' (ctx->sentence_id, else STORY-SENTENCE); the
 * url column is there only when the story has a URL, as in PETRARCH-1; the story's
 * publisher is its source, "NULL" when unknown. */
static void write_petrarch(ent_buf *b, unsigned flags, size_t n, const ent_event_context *ctx, const ent_event *ev) {
    char *done = ent_xcalloc(n ? n : 1, 1);
    ent_buf ids, id;
    ent_buf_init(&ids);
    ent_buf_init(&id);
    for (size_t i = 0; i < n; i++) {
        if (done[i]) continue;
        const ent_event *e = &ev[i];
        const ent_event_context *c = &ctx[i];
        const char *issues = NULL;
        ent_buf_clear(&ids);
        long last_sentence = -1;
        for (size_t j = i; j < n; j++) {
            const ent_event *f = &ev[j];
            if (j > i && (done[j] || ctx[j].date != c->date || strcmp(f->source, e->source) ||
                          strcmp(f->target, e->target) || strcmp(f->code, e->code)))
                continue;
            done[j] = 1;
            if (!issues && f->issues && *f->issues) issues = f->issues;
            if (ctx[j].sentence_index == last_sentence) continue; /* one id per sentence */
            last_sentence = ctx[j].sentence_index;
            ent_buf_clear(&id);
            if (ctx[j].sentence_id) ent_buf_puts(&id, ctx[j].sentence_id);
            else ent_buf_printf(&id, "%s-%ld", ctx[j].story_id ? ctx[j].story_id : "", ctx[j].sentence_index);
            if (ids.len) ent_buf_putc(&ids, ';');
            ent_buf_append(&ids, id.data, id.len);
        }
        if (c->date > 0) ent_buf_printf(b, "%08ld", c->date);
        ent_buf_putc(b, '\t');
        tsv_str(b, e->source);
        ent_buf_putc(b, '\t');
        tsv_str(b, e->target);
        ent_buf_putc(b, '\t');
        tsv_str(b, e->code);
        ent_buf_putc(b, '\t');
        put_issues(b, issues, tsv_put);
        ent_buf_putc(b, '\t');
        tsv_str(b, ids.data);
        ent_buf_putc(b, '\t');
        if (c->url && *c->url) {
            tsv_str(b, c->url);
            ent_buf_putc(b, '\t');
        }
        tsv_str(b, c->publisher && *c->publisher ? c->publisher : "NULL");
        if (flags & ENT_WRITE_ACTOR_TEXT) {
            ent_buf_putc(b, '\t');
            tsv_str(b, e->source_text && *e->source_text ? e->source_text : "---");
            ent_buf_putc(b, '\t');
            tsv_str(b, e->target_text && *e->target_text ? e->target_text : "---");
        }
        if (flags & ENT_WRITE_ACTOR_ROOT) {
            put_root(b, e->source_root);
            put_root(b, e->target_root);
        }
        ent_buf_putc(b, '\n');
    }
    ent_buf_free(&id);
    ent_buf_free(&ids);
    free(done);
}

/* ---- entry points ------------------------------------------------------------------------ */

int ent_write_story(FILE *out, ent_format fmt, unsigned flags, size_t n, const ent_event_context *ctx,
                    const ent_event *ev) {
    if (fmt == ENT_FORMAT_JSONL || fmt == ENT_FORMAT_TSV) {
        for (size_t i = 0; i < n; i++)
            if (ent_write_event(out, fmt, &ctx[i], &ev[i]) != 0) return -1;
        return 0;
    }
    ent_buf b;
    ent_buf_init(&b);
    if (fmt == ENT_FORMAT_PETRARCH) {
        write_petrarch(&b, flags, n, ctx, ev);
    } else {
        long k = 0; /* events are numbered from 1 within their sentence */
        for (size_t i = 0; i < n; i++) {
            k = i && ctx[i].sentence_index == ctx[i - 1].sentence_index ? k + 1 : 1;
            if (fmt == ENT_FORMAT_PLOVER) write_plover(&b, &ctx[i], &ev[i], k);
            else write_phoenix(&b, &ctx[i], &ev[i], k);
        }
    }
    int rc = !b.len || fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
    ent_buf_free(&b);
    return rc;
}

void ent_output_header(FILE *out, ent_format fmt) {
    if (fmt == ENT_FORMAT_PHOENIX) fputs(phoenix_header, out);
}

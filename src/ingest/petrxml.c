/* petrxml.c — streaming reader of PETRARCH XML files: the validation records
 * (<Environment>, <Sentence> with <EventCoding>, <Text>, <Parse>) and parsed-story
 * input in the same shape.  Uses libxml2's xmlTextReader so memory stays bounded
 * whatever the file size. */
#include "util/util.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>

typedef struct rec_state {
    ent_arena arena;               /* strings of the current record / environment */
    ent_petr_expected *exp;
    size_t nexp, exp_cap;
    ent_petr_config *cfg;
    size_t ncfg, cfg_cap;
} rec_state;

static const char *attr(xmlTextReaderPtr r, ent_arena *a, const char *name) {
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = ent_arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

/* Trim and return a copy of the text content of the current element. */
static const char *content(xmlTextReaderPtr r, ent_arena *a) {
    xmlChar *v = xmlTextReaderReadString(r);
    if (!v) return "";
    const char *s = (const char *)v, *e = s + strlen(s);
    while (s < e && ent_is_space((unsigned char)*s)) s++;
    while (e > s && ent_is_space((unsigned char)e[-1])) e--;
    char *out = ent_arena_strndup(a, s, (size_t)(e - s));
    xmlFree(v);
    return out;
}

static long parse_date(const char *s) {
    if (!s) return 0;
    while (ent_is_space((unsigned char)*s)) s++;
    char *end;
    long d = strtol(s, &end, 10);
    if (end == s) return 0;
    size_t n = (size_t)(end - s);
    if (n == 6) d = (d / 10000 < 50 ? 20000000 : 19000000) + d; /* YYMMDD */
    else if (n != 8) return 0;
    return d;
}

static const char *strip_quotes(ent_arena *a, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') return ent_arena_strndup(a, s + 1, n - 2);
    return s;
}

/* Line of the element the reader is on (the node's own line, not the parser's look-ahead). */
static long node_line(xmlTextReaderPtr r) {
    xmlNodePtr n = xmlTextReaderCurrentNode(r);
    long l = n ? xmlGetLineNo(n) : -1;
    return l > 0 ? l : xmlTextReaderGetParserLineNumber(r);
}

static int name_is(xmlTextReaderPtr r, const char *name) {
    const xmlChar *n = xmlTextReaderConstName(r);
    return n && strcmp((const char *)n, name) == 0;
}

/* Read the environment block; the reader is positioned on <Environment>. */
static int read_environment(xmlTextReaderPtr r, rec_state *st, ent_petr_env_fn on_env, void *user) {
    ent_petr_env env;
    memset(&env, 0, sizeof env);
    st->ncfg = 0;
    int depth = xmlTextReaderDepth(r);
    if (xmlTextReaderIsEmptyElement(r)) goto done;
    while (xmlTextReaderRead(r) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth) break;
        if (type != XML_READER_TYPE_ELEMENT) continue;
        if (name_is(r, "Verbfile")) env.verbfile = content(r, &st->arena);
        else if (name_is(r, "Actorfile")) env.actorfile = content(r, &st->arena);
        else if (name_is(r, "Agentfile")) env.agentfile = content(r, &st->arena);
        else if (name_is(r, "Discardfile")) env.discardfile = content(r, &st->arena);
        else if (name_is(r, "Include")) env.include = content(r, &st->arena);
        else if (name_is(r, "Config")) {
            ENT_GROW(st->cfg, st->ncfg + 1, st->cfg_cap);
            st->cfg[st->ncfg].option = attr(r, &st->arena, "option");
            st->cfg[st->ncfg].value = attr(r, &st->arena, "value");
            if (st->cfg[st->ncfg].option && st->cfg[st->ncfg].value) st->ncfg++;
        }
    }
done:
    env.config = st->cfg;
    env.nconfig = st->ncfg;
    return on_env ? on_env(&env, user) : 0;
}

/* Read one <Sentence>; the reader is positioned on its start tag. */
static int read_sentence(xmlTextReaderPtr r, rec_state *st, const char *path, ent_petr_record_fn on_record,
                         void *user, ent_diag *diag) {
    ent_petr_record rec;
    memset(&rec, 0, sizeof rec);
    st->nexp = 0;
    rec.line = node_line(r);
    rec.id = attr(r, &st->arena, "id");
    rec.category = attr(r, &st->arena, "category");
    if (!rec.category) rec.category = "";
    const char *date = attr(r, &st->arena, "date");
    rec.date = parse_date(date);
    const char *sflag = attr(r, &st->arena, "sentence");
    rec.sentence_flag = !sflag ? -1 : (strcmp(sflag, "true") == 0 || strcmp(sflag, "True") == 0);
    rec.text = "";
    rec.parse = "";
    int depth = xmlTextReaderDepth(r);
    if (!xmlTextReaderIsEmptyElement(r)) {
        while (xmlTextReaderRead(r) == 1) {
            int type = xmlTextReaderNodeType(r);
            if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth) break;
            if (type != XML_READER_TYPE_ELEMENT) continue;
            if (name_is(r, "Text")) rec.text = content(r, &st->arena);
            else if (name_is(r, "Parse")) rec.parse = content(r, &st->arena);
            else if (name_is(r, "EventCoding")) {
                const char *err = attr(r, &st->arena, "error");
                const char *noev = attr(r, &st->arena, "noevents");
                if (err) rec.error = err;
                else if (noev) rec.noevents = (noev[0] == 'T' || noev[0] == 't' || noev[0] == '1');
                else {
                    ENT_GROW(st->exp, st->nexp + 1, st->exp_cap);
                    ent_petr_expected *e = &st->exp[st->nexp++];
                    e->source = strip_quotes(&st->arena, attr(r, &st->arena, "sourcecode"));
                    e->target = strip_quotes(&st->arena, attr(r, &st->arena, "targetcode"));
                    e->code = attr(r, &st->arena, "eventcode");
                    if (!e->source || !e->target || !e->code) {
                        ent_diag_add(diag, 0, path, node_line(r),
                                     "<EventCoding> needs sourcecode, targetcode and eventcode (or noevents/error); ignored");
                        st->nexp--;
                    }
                }
            }
        }
    }
    rec.expected = st->exp;
    rec.nexpected = st->nexp;
    if (!rec.id) {
        ent_diag_add(diag, 0, path, rec.line, "<Sentence> without an id attribute; record skipped");
        return 0;
    }
    if (date && !rec.date)
        ent_diag_add(diag, 0, path, rec.line, "record %s: date \"%s\" is not YYYYMMDD", rec.id, date);
    return on_record ? on_record(&rec, user) : 0;
}

typedef struct err_ctx { ent_diag *diag; const char *path; int reported; } err_ctx;

static void on_xml_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc) {
    err_ctx *ec = arg;
    if (ec->reported++ > 5) return;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", msg);
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' ')) buf[--n] = 0;
    ent_diag_add(ec->diag, sev == XML_PARSER_SEVERITY_ERROR || sev == XML_PARSER_SEVERITY_VALIDITY_ERROR, ec->path,
                 loc ? xmlTextReaderLocatorLineNumber(loc) : 0, "XML: %s", buf);
}

ent_status ent_petrxml_read(const char *path, ent_petr_env_fn on_env, ent_petr_record_fn on_record,
                            void *user, ent_diag *diag) {
    xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!r) {
        ent_diag_add(diag, 1, path, 0, "cannot open as XML");
        return ENT_ERR_IO;
    }
    err_ctx ec = {diag, path, 0};
    xmlTextReaderSetErrorHandler(r, on_xml_error, &ec);
    rec_state st;
    memset(&st, 0, sizeof st);
    ent_arena_init(&st.arena, 16 * 1024);
    int rc = 0, stop = 0;
    while (!stop && (rc = xmlTextReaderRead(r)) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
        if (name_is(r, "Environment")) { stop = read_environment(r, &st, on_env, user); ent_arena_reset(&st.arena); }
        else if (name_is(r, "Sentence")) { stop = read_sentence(r, &st, path, on_record, user, diag); ent_arena_reset(&st.arena); }
    }
    ent_status status = ENT_OK;
    if (!stop && rc < 0) {
        if (!ec.reported) ent_diag_add(diag, 1, path, 0, "XML is not well-formed");
        status = ENT_ERR_SYNTAX;
    }
    ent_arena_free(&st.arena);
    free(st.exp);
    free(st.cfg);
    xmlFreeTextReader(r);
    return status;
}

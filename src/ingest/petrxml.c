/* petrxml.c — streaming reader of PETRARCH XML files: the validation records
 * (<Environment>, <Sentence> with <EventCoding>, <Text>, <Parse>) and parsed-story
 * input in the same shape.  Uses libxml2's xmlTextReader so memory stays bounded
 * whatever the file size.  The parser keeps libxml2's limits (no XML_PARSE_HUGE: its
 * entity-amplification guard stops a "billion laughs" DOCTYPE at once), never loads an
 * external DTD or entity (no DTDLOAD/NOENT) and never touches the network (NONET). */
#include "util/util.h"

#include <errno.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

typedef struct err_ctx {
    ent_diag *diag;
    const char *path;
    int reported;
    uint64_t last;        /* hash of the last message reported (a repeat is not printed again) */
} err_ctx;

/* Strings and expected events of one record.  Two slots: a record is held back until
 * the next one (or a clean end of file) shows the XML did not break inside it. */
/* <Config> lines met between records; option and value strings are malloc'ed and owned
 * by the list (cfg_list_clear frees them). */
typedef struct cfg_list {
    ent_petr_config *v;
    size_t n, cap;
} cfg_list;

static void cfg_list_clear(cfg_list *l) {
    for (size_t i = 0; i < l->n; i++) {
        free((char *)l->v[i].option);
        free((char *)l->v[i].value);
    }
    l->n = 0;
}

typedef struct rec_slot {
    ent_arena arena;
    ent_petr_expected *exp;
    size_t nexp, exp_cap;
    cfg_list cfg;                  /* the <Config> lines delivered with this slot's record */
} rec_slot;

typedef struct rec_state {
    err_ctx *ec;                   /* XML errors seen so far */
    rec_slot slot[2];
    int cur;                       /* slot being filled */
    ent_petr_record held;          /* complete record not yet delivered (strings in the other slot) */
    int has_held;
    ent_petr_config *cfg;          /* <Config> inside <Environment> */
    size_t ncfg, cfg_cap;
    cfg_list pending;              /* <Config> between records, not yet given to a record */
} rec_state;

static const char *attr(xmlTextReaderPtr r, ent_arena *a, const char *name) {
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = ent_arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

/* Trimmed copy of the text content of the element the reader is on, read node by node
 * up to its end tag (so a fault later in the file cannot blank it out).  Leaves the
 * reader on the end tag. */
static const char *content(xmlTextReaderPtr r, ent_arena *a) {
    if (xmlTextReaderIsEmptyElement(r)) return "";
    int depth = xmlTextReaderDepth(r);
    ent_buf b;
    ent_buf_init(&b);
    while (xmlTextReaderRead(r) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth) break;
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
            type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (v) ent_buf_puts(&b, v);
        }
    }
    const char *s = b.data ? b.data : "", *e = s + b.len;
    while (s < e && ent_is_space((unsigned char)*s)) s++;
    while (e > s && ent_is_space((unsigned char)e[-1])) e--;
    char *out = ent_arena_strndup(a, s, (size_t)(e - s));
    ent_buf_free(&b);
    return out;
}

/* YYYYMMDD (or PETRARCH's YYMMDD) as an integer when it is a real calendar date (month
 * 1-12, a day the month has, year 1800-2200), else 0. */
static long parse_date(const char *s) {
    if (!s) return 0;
    while (ent_is_space((unsigned char)*s)) s++;
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9') n++;
    const char *e = s + n;
    while (ent_is_space((unsigned char)*e)) e++;
    if (*e || (n != 6 && n != 8)) return 0;
    long d = strtol(s, NULL, 10);
    if (n == 6) d = (d / 10000 < 50 ? 20000000 : 19000000) + d; /* YYMMDD */
    char iso[16];
    snprintf(iso, sizeof iso, "%08ld", d);
    return ent_date_parse(iso, 8); /* 0 for 99999999, 20231345, 20230229 */
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

/* Remember a <Config option=... value=...> met between records (the reader is on it):
 * it goes out with the next complete record. */
static void read_record_config(xmlTextReaderPtr r, rec_state *st, const char *path, ent_diag *diag) {
    xmlChar *o = xmlTextReaderGetAttribute(r, (const xmlChar *)"option");
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"value");
    if (o && v) {
        ENT_GROW(st->pending.v, st->pending.n + 1, st->pending.cap);
        st->pending.v[st->pending.n].option = ent_xstrdup((const char *)o);
        st->pending.v[st->pending.n].value = ent_xstrdup((const char *)v);
        st->pending.n++;
    } else {
        ent_diag_add(diag, ENT_WARNING, path, node_line(r), "<Config> needs option and value attributes; ignored");
    }
    xmlFree(o);
    xmlFree(v);
}

/* Read the environment block; the reader is positioned on <Environment>. */
static int read_environment(xmlTextReaderPtr r, rec_state *st, ent_petr_env_fn on_env, void *user) {
    ent_arena *arena = &st->slot[st->cur].arena;
    ent_petr_env env;
    memset(&env, 0, sizeof env);
    st->ncfg = 0;
    int depth = xmlTextReaderDepth(r);
    if (xmlTextReaderIsEmptyElement(r)) goto done;
    while (xmlTextReaderRead(r) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth) break;
        if (type != XML_READER_TYPE_ELEMENT) continue;
        if (name_is(r, "Verbfile")) env.verbfile = content(r, arena);
        else if (name_is(r, "Actorfile")) env.actorfile = content(r, arena);
        else if (name_is(r, "Agentfile")) env.agentfile = content(r, arena);
        else if (name_is(r, "Discardfile")) env.discardfile = content(r, arena);
        else if (name_is(r, "Include")) env.include = content(r, arena);
        else if (name_is(r, "Config")) {
            ENT_GROW(st->cfg, st->ncfg + 1, st->cfg_cap);
            st->cfg[st->ncfg].option = attr(r, arena, "option");
            st->cfg[st->ncfg].value = attr(r, arena, "value");
            if (st->cfg[st->ncfg].option && st->cfg[st->ncfg].value) st->ncfg++;
        }
    }
done:
    env.config = st->cfg;
    env.nconfig = st->ncfg;
    return on_env ? on_env(&env, user) : 0;
}

/* Read one <Sentence>; the reader is positioned on its start tag.  Fills *out (strings in
 * the current slot) and returns 1 when the record is complete and well-formed, 0 when it
 * was reported and skipped. */
static int read_sentence(xmlTextReaderPtr r, rec_state *st, const char *path, ent_petr_record *out, ent_diag *diag) {
    rec_slot *cs = &st->slot[st->cur];
    ent_arena *arena = &cs->arena;
    ent_petr_record rec;
    memset(&rec, 0, sizeof rec);
    cs->nexp = 0;
    rec.line = node_line(r);
    rec.id = attr(r, arena, "id");
    rec.category = attr(r, arena, "category");
    if (!rec.category) rec.category = "";
    rec.source = attr(r, arena, "source");
    if (!rec.source) rec.source = "";
    const char *date = attr(r, arena, "date");
    rec.date = parse_date(date);
    const char *sflag = attr(r, arena, "sentence");
    rec.sentence_flag = !sflag ? -1 : (strcmp(sflag, "true") == 0 || strcmp(sflag, "True") == 0);
    rec.text = "";
    rec.parse = "";
    int depth = xmlTextReaderDepth(r);
    int closed = xmlTextReaderIsEmptyElement(r);
    if (!closed) {
        while (xmlTextReaderRead(r) == 1) {
            int type = xmlTextReaderNodeType(r);
            if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth) { closed = 1; break; }
            if (type != XML_READER_TYPE_ELEMENT) continue;
            if (name_is(r, "Text")) rec.text = content(r, arena);
            else if (name_is(r, "Parse")) rec.parse = content(r, arena);
            else if (name_is(r, "EventCoding")) {
                const char *err = attr(r, arena, "error");
                const char *noev = attr(r, arena, "noevents");
                if (err) rec.error = err;
                else if (noev) rec.noevents = (noev[0] == 'T' || noev[0] == 't' || noev[0] == '1');
                else {
                    ENT_GROW(cs->exp, cs->nexp + 1, cs->exp_cap);
                    ent_petr_expected *e = &cs->exp[cs->nexp++];
                    e->source = strip_quotes(arena, attr(r, arena, "sourcecode"));
                    e->target = strip_quotes(arena, attr(r, arena, "targetcode"));
                    e->code = attr(r, arena, "eventcode");
                    if (!e->source || !e->target || !e->code) {
                        ent_diag_add(diag, ENT_WARNING, path, node_line(r),
                                     "<EventCoding> needs sourcecode, targetcode and eventcode (or noevents/error); ignored");
                        cs->nexp--;
                    }
                }
            }
        }
    }
    rec.expected = cs->exp;
    rec.nexpected = cs->nexp;
    if (!closed) {
        /* the file ended (or broke) inside the record: never code half a record */
        ent_diag_add(diag, ENT_ERROR, path, rec.line, "record %s is truncated: the XML ends before </Sentence>; record skipped",
                     rec.id ? rec.id : "(no id)");
        return 0;
    }
    if (!rec.id) {
        ent_diag_add(diag, ENT_WARNING, path, rec.line, "<Sentence> without an id attribute; record skipped");
        return 0;
    }
    if (date && !rec.date)
        ent_diag_add(diag, ENT_WARNING, path, rec.line, "record %s: date \"%s\" is not a valid YYYYMMDD date; coded without a date",
                     rec.id, date);
    *out = rec;
    return 1;
}


static void on_xml_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc) {
    err_ctx *ec = arg;
    if (ec->reported++ > 5) return;
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
    uint64_t h = ent_hash(msg, n);
    if (ec->reported > 1 && h == ec->last) return;  /* e.g. one entity loop reported once per reference */
    ec->last = h;
    ent_severity es = sev == XML_PARSER_SEVERITY_ERROR || sev == XML_PARSER_SEVERITY_VALIDITY_ERROR ? ENT_ERROR : ENT_WARNING;
    ent_diag_add(ec->diag, es, ec->path, loc ? xmlTextReaderLocatorLineNumber(loc) : 0, "XML: %.*s", (int)n, msg);
}

/* ---- a file cut off inside a record ------------------------------------------------ */

/* libxml2's reader parses ahead in chunks, and a fatal error at the end of the file (a
 * download or a copy cut short) spoils the records still in its chunk, so the last
 * complete records would be lost with the cut one.  A regular file whose text after its
 * last </Sentence> is not just end tags is therefore read only up to that </Sentence>,
 * followed by the end tags of the elements around the records (as opened before the
 * first <Sentence>); the cut record is reported. */
#define TAIL_BYTES 65536

typedef struct cut_input {
    FILE *f;
    long limit, pos;      /* bytes of the file given to the parser, and given so far */
    char close[600];      /* the end tags of the records' ancestors, given after them */
    size_t close_len, close_pos;
    long lines;           /* line breaks in the bytes given so far */
} cut_input;

static int cut_read(void *ctx, char *buf, int len) {
    cut_input *c = ctx;
    if (c->pos < c->limit) {
        long want = c->limit - c->pos < len ? c->limit - c->pos : len;
        size_t n = fread(buf, 1, (size_t)want, c->f);
        if (!n) return ferror(c->f) ? -1 : 0;
        c->pos += (long)n;
        for (size_t k = 0; k < n; k++) c->lines += buf[k] == '\n';
        return (int)n;
    }
    size_t n = c->close_len - c->close_pos < (size_t)len ? c->close_len - c->close_pos : (size_t)len;
    memcpy(buf, c->close + c->close_pos, n);
    c->close_pos += n;
    return (int)n;
}

static int cut_close(void *ctx) {
    cut_input *c = ctx;
    if (c->f) fclose(c->f);
    c->f = NULL;
    return 0;
}

/* When path is a regular file that ends inside a record: fills c (the file opened, the
 * offset just after the last </Sentence>, the root's end tag) and the cut record's id (""
 * when it has none, "\1" when what follows is not a record at all) into id, and returns
 * 1.  0 otherwise (c untouched). */
static int find_cut(const char *path, cut_input *c, char *id, size_t id_len) {
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 16) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    static const char end_tag[] = "</Sentence>";
    char *head = ent_xmalloc(2 * (TAIL_BYTES + 1)), *tail = head + TAIL_BYTES + 1;
    size_t hn = fread(head, 1, TAIL_BYTES, f);
    head[hn] = 0;
    long from = sb.st_size > TAIL_BYTES ? (long)sb.st_size - TAIL_BYTES : 0;
    size_t tn = 0;
    if (fseek(f, from, SEEK_SET) == 0) tn = fread(tail, 1, TAIL_BYTES, f);
    tail[tn] = 0;
    /* the last </Sentence>, then only white space and end tags (or nothing) is whole */
    const char *last = NULL;
    for (const char *p = tail; (p = memmem(p, tn - (size_t)(p - tail), end_tag, sizeof end_tag - 1)); p++) last = p;
    if (!last) { fclose(f); free(head); return 0; }
    const char *q = last + sizeof end_tag - 1, *e = tail + tn;
    for (;;) {
        while (q < e && ent_is_space((unsigned char)*q)) q++;
        if (q + 1 < e && q[0] == '<' && q[1] == '/') {
            const char *gt = memchr(q, '>', (size_t)(e - q));
            if (!gt) break;
            q = gt + 1;
            continue;
        }
        break;
    }
    if (q >= e) { fclose(f); free(head); return 0; }
    /* the elements around the first record (from the start of the file): closed in turn */
    char close[sizeof c->close];
    size_t cl = 0;
    {
        const char *open[8];
        size_t openlen[8], depth = 0;
        const char *p = head;
        while ((p = strchr(p, '<'))) {
            if (!strncmp(p, "<Sentence", 9) && (ent_is_space((unsigned char)p[9]) || p[9] == '>')) break;
            const char *gt = strchr(p, '>');
            if (!gt) { p = NULL; break; }
            if (!strncmp(p, "<!--", 4)) { const char *ce = strstr(p, "-->"); if (!ce) { p = NULL; break; } p = ce + 3; continue; }
            size_t nl = 0;
            const char *nm = p + (p[1] == '/' ? 2 : 1);
            while (nm + nl < gt && !ent_is_space((unsigned char)nm[nl]) && nm[nl] != '/') nl++;
            if (p[1] == '/') { if (depth) depth--; }
            else if (p[1] != '?' && p[1] != '!' && gt[-1] != '/' && nl) {
                if (depth == 8 || nl > 60) { p = NULL; break; }
                open[depth] = nm;
                openlen[depth++] = nl;
            }
            p = gt + 1;
        }
        if (!p || !depth) { fclose(f); free(head); return 0; }
        while (depth--) cl += (size_t)snprintf(close + cl, sizeof close - cl, "\n</%.*s>", (int)openlen[depth], open[depth]);
    }
    const char *rec = strstr(q, "<Sentence"), *ida = rec ? strstr(rec, " id=\"") : NULL;
    id[0] = rec ? 0 : 1;  /* 1: no record began after the last whole one */
    if (ida) snprintf(id, id_len, "%.*s", (int)strcspn(ida + 5, "\"<>\n"), ida + 5);
    rewind(f);
    memset(c, 0, sizeof *c);
    c->f = f;
    c->limit = from + (long)(last + sizeof end_tag - 1 - tail);
    memcpy(c->close, close, cl + 1);
    c->close_len = cl;
    free(head);
    return 1;
}

/* ---- a stream (pipe, terminal, socket) ------------------------------------------------ */

/* A stream cannot be opened twice (the emptiness probe would eat its first bytes) nor
 * read from its end, so it is read once, in order, from the FILE the probe opened. */
static int stream_read(void *ctx, char *buf, int len) {
    FILE *f = ctx;
    size_t n = fread(buf, 1, (size_t)len, f);
    return n ? (int)n : ferror(f) ? -1 : 0;
}

static int stream_close(void *ctx) { return fclose((FILE *)ctx); }

ent_status ent_petrxml_read(const char *path, ent_petr_env_fn on_env, ent_petr_record_fn on_record,
                            void *user, ent_diag *diag) {
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        ent_diag_add(diag, ENT_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return ENT_ERR_IO;
    }
    struct stat sb;
    int stream = fstat(fileno(probe), &sb) != 0 || !S_ISREG(sb.st_mode);
    int first = fgetc(probe);
    if (first == EOF || !stream) fclose(probe);
    else ungetc(first, probe);            /* the stream is read from this FILE */
    if (first == EOF) {
        ent_diag_add(diag, ENT_ERROR, path, 0, "empty file (expected PETRARCH XML with <Sentence> records)");
        return ENT_ERR_SYNTAX;
    }
    cut_input cut;
    char cut_id[128];
    int is_cut = !stream && find_cut(path, &cut, cut_id, sizeof cut_id);
    int cut_has_record = is_cut && cut_id[0] != 1;
    /* xmlReaderForIO closes its input (cut_close / stream_close) in every case */
    xmlTextReaderPtr r = is_cut   ? xmlReaderForIO(cut_read, cut_close, &cut, path, NULL, XML_PARSE_NONET | XML_PARSE_RECOVER)
                         : stream ? xmlReaderForIO(stream_read, stream_close, probe, path, NULL, XML_PARSE_NONET | XML_PARSE_RECOVER)
                                  : xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_RECOVER);
    if (!r) {
        ent_diag_add(diag, ENT_ERROR, path, 0, "cannot open as XML");
        return ENT_ERR_IO;
    }
    err_ctx ec = {diag, path, 0, 0};
    size_t errors_at_start = ent_diag_errors(diag);
    xmlTextReaderSetErrorHandler(r, on_xml_error, &ec);
    rec_state st;
    memset(&st, 0, sizeof st);
    ent_arena_init(&st.slot[0].arena, 16 * 1024);
    ent_arena_init(&st.slot[1].arena, 16 * 1024);
    st.ec = &ec;
    int rc = 0, stop = 0;
    while (!stop && (rc = xmlTextReaderRead(r)) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
        if (name_is(r, "Environment")) {
            stop = read_environment(r, &st, on_env, user);
            ent_arena_reset(&st.slot[st.cur].arena);
        } else if (name_is(r, "Sentence")) {
            ent_petr_record rec;
            int ok = read_sentence(r, &st, path, &rec, diag);
            if (ok) {                     /* the <Config> lines before it go out with it */
                cfg_list *sc = &st.slot[st.cur].cfg;
                cfg_list_clear(sc);
                cfg_list t = *sc;
                *sc = st.pending;
                st.pending = t;
                rec.config = sc->v;
                rec.nconfig = sc->n;
            }
            if (st.has_held) {            /* a new record began: the held one is whole */
                st.has_held = 0;
                if (ec.reported)          /* libxml parses ahead: a fault already seen may have cut it */
                    ent_diag_add(diag, ENT_ERROR, path, st.held.line,
                                 "record %s skipped: read after an XML error (see above), its content may be cut",
                                 st.held.id);
                else if (on_record)
                    stop = on_record(&st.held, user);
                ent_arena_reset(&st.slot[st.cur ^ 1].arena);
            }
            if (ok) { st.held = rec; st.has_held = 1; st.cur ^= 1; }
            else ent_arena_reset(&st.slot[st.cur].arena);
        } else if (name_is(r, "Config")) {
            read_record_config(r, &st, path, diag);
        }
    }
    ent_status status = ENT_OK;
    /* in recovery mode libxml keeps delivering nodes after a fault; any error report
     * means the document is broken at or before its end */
    if (!stop && (rc < 0 || ent_diag_errors(diag) > errors_at_start || ec.reported)) {
        if (!ec.reported) ent_diag_add(diag, ENT_ERROR, path, 0, "XML is not well-formed");
        if (st.has_held)                  /* the fault may lie inside it: never code half a record */
            ent_diag_add(diag, ENT_ERROR, path, st.held.line,
                         "record %s skipped: the XML breaks off in or after it (see the error above)", st.held.id);
        status = ENT_ERR_SYNTAX;
    } else if (!stop && st.has_held && on_record) {
        on_record(&st.held, user);
    }
    if (is_cut) {
        if (cut_has_record)
            ent_diag_add(diag, ENT_ERROR, path, cut.lines + 1, "the file ends inside record %s, which starts after this line: that "
                         "record is skipped, the ones before it are read", *cut_id ? cut_id : "(no id)");
        else
            ent_diag_add(diag, ENT_ERROR, path, cut.lines + 1, "the text after this line (after the last complete record) is "
                         "not the end of the XML: it is ignored");
        status = ENT_ERR_SYNTAX;
    }
    for (int k = 0; k < 2; k++) {
        ent_arena_free(&st.slot[k].arena);
        free(st.slot[k].exp);
        cfg_list_clear(&st.slot[k].cfg);
        free(st.slot[k].cfg.v);
    }
    cfg_list_clear(&st.pending);
    free(st.pending.v);
    free(st.cfg);
    xmlFreeTextReader(r);
    return status;
}

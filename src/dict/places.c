/* places.c — reader for a gazetteer file (data/dictionaries/geonames.places.txt, made by
 * tools/gen-places.mjs): one place a line,
 *     NAME_WORDS [CODE]          # CODE: the country's ISO 3166-1 alpha-3 code
 * with '#' comments.  A place is no actor entry: the coder reads one only where no actor
 * phrase names the noun phrase, and only as written like a name (see ent_enrich_place). */
#include "dict/dict_load.h"

#include <stdlib.h>

void ent_dict_read_places(dict_ld *ld, char *buf, size_t len) {
    ent_dicts *d = ld->d;
    dict_lines L;
    ent_dict_lines_init(&L, buf, len, ld);
    char *line;
    while ((line = ent_dict_next_line(&L))) {
        const char *s = ent_dict_skip_space(line);
        const char *br = strchr(s, '['), *cl = br ? strchr(br, ']') : NULL;
        size_t n = br ? ent_dict_trim_len(s, (size_t)(br - s)) : 0;
        if (!br || !cl || !n) {
            ent_dict_err(ld, L.lineno, "malformed place '%s' (expected NAME_WORDS [CODE])", s);
            continue;
        }
        const char *c = ent_dict_skip_space(br + 1);
        size_t cn = ent_dict_trim_len(c, (size_t)(cl - c));
        if (cn != 3 || !ent_all_upper(c, 3)) {
            ent_dict_err(ld, L.lineno, "place code '%.*s' is no country code (expected three capitals, e.g. [IRQ])",
                         (int)cn, c);
            continue;
        }
        ent_pel *el;
        uint32_t ne = ent_dict_tokens(ld, s, n, 0, &el, NULL, NULL);
        if (!ne) { ent_dict_err(ld, L.lineno, "empty place name (expected NAME_WORDS [CODE])"); continue; }
        ENT_GROW(d->places, d->nplaces + 1, ld->cap_places);
        ent_place *p = &d->places[d->nplaces++];
        p->phrase = (ent_phrase){el, ne};
        p->code = ent_dict_upper(ld, c, 3);
        p->line = (uint32_t)L.lineno;
    }
}

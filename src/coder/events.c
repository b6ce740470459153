/* events.c — the ent_events list: coded events plus the strings they point to, all
 * owned by the list (an arena reset by ent_events_clear, so refilling it per sentence
 * does not allocate in steady state). */
#include "coder/coder_events.h"

#include <stdlib.h>

ent_events *ent_events_new(void) {
    ent_events *ev = ent_xcalloc(1, sizeof *ev);
    ent_arena_init(&ev->arena, 4096);
    return ev;
}

void ent_events_free(ent_events *ev) {
    if (!ev) return;
    free(ev->v);
    ent_arena_free(&ev->arena);
    free(ev);
}

void ent_events_clear(ent_events *ev) {
    ev->n = 0;
    ent_arena_reset(&ev->arena);
}

size_t ent_events_count(const ent_events *ev) { return ev ? ev->n : 0; }

const ent_event *ent_events_get(const ent_events *ev, size_t i) {
    return (ev && i < ev->n) ? &ev->v[i] : NULL;
}

const char *ent_events_str(ent_events *ev, const char *s) {
    return ent_arena_strdup(&ev->arena, s ? s : "");
}

ent_event *ent_events_push(ent_events *ev) {
    ENT_GROW(ev->v, ev->n + 1, ev->cap);
    ent_event *e = &ev->v[ev->n++];
    memset(e, 0, sizeof *e);
    return e;
}

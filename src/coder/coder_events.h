/* coder_events.h — internal layout of the ent_events list (events.c) shared with the
 * coder, which appends to it. */
#ifndef ENT_CODER_EVENTS_H
#define ENT_CODER_EVENTS_H

#include "util/util.h"

struct ent_events {
    ent_event *v;
    size_t n, cap;
    ent_arena arena;     /* strings of the events; reset by ent_events_clear */
};

/* Copy s into the list's arena (NULL -> ""). */
const char *ent_events_str(ent_events *ev, const char *s);
/* Append a zeroed event and return it (valid until the next push). */
ent_event *ent_events_push(ent_events *ev);

#endif

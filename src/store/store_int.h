/* store_int.h — what the store's query files share: the WHERE clause built from an
 * ent_store_filter (store.c), the explorer's schema and full-text clause (explore.c), and
 * the handle's connection.  Internal. */
#ifndef ENT_STORE_INT_H
#define ENT_STORE_INT_H

#include "store/db.h"
#include "util/util.h"

/* Which table a query reads: the events or one of the rollups (schema.c). */
typedef enum { T_EVENTS, T_SERIES, T_ACTOR_MONTH, T_DYAD, T_ACTOR } table;

typedef struct where {
    ent_buf sql;     /* " WHERE ..." or "" */
    db_param p[40];
    int np;
    char *owned[24]; /* strings made for '*' and text filters, freed by where_free */
    int nowned;
} where;

/* Build the WHERE clause of f over table t aliased "e" (f may be NULL). */
void where_build(where *w, const ent_store_filter *f, table t, db_kind kind);
void where_free(where *w);
/* Add the full-text condition "the event's sentence matches text" (explore.c). */
void where_text(where *w, const char *text, db_kind kind);

db *store_db(ent_store *st);
/* Record "what: <database error>" as the handle's error; returns s. */
ent_status store_fail(ent_store *st, ent_status s, const char *what);

#endif

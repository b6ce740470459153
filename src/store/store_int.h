/* store_int.h — what the store's query files share: the WHERE clause built from an
 * ent_store_filter (store.c), the explorer's schema and full-text clause (explore.c), and
 * the handle's connection.  Internal. */
#ifndef ENT_STORE_INT_H
#define ENT_STORE_INT_H

#include "store/db.h"
#include "util/util.h"

/* Which table a query reads: the events or one of the rollups (schema.c, version 4). */
typedef enum { T_EVENTS, T_SERIES, T_ACTOR_DAY, T_ACTOR_MONTH, T_DYAD, T_DYAD_MONTH, T_ACTOR } table;

/* ---- the rollups' SQL, shared by the migration that builds them (schema.c), the writer
 * that keeps them (store.c) and the check that recounts them.  Same text on both backends. */

/* The value columns of every rollup: the events and their Goldstein sum in thousandths,
 * then per quad class k = 1..4 the events of that class (n<k>) and their sum (g<k>). */
#define ROLLUP_VALUES \
    " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL," \
    " n1 BIGINT NOT NULL, n2 BIGINT NOT NULL, n3 BIGINT NOT NULL, n4 BIGINT NOT NULL," \
    " g1 BIGINT NOT NULL, g2 BIGINT NOT NULL, g3 BIGINT NOT NULL, g4 BIGINT NOT NULL"
#define ROLLUP_UPSERT(T) \
    " DO UPDATE SET events = " T ".events + excluded.events," \
    " goldstein_milli = " T ".goldstein_milli + excluded.goldstein_milli," \
    " n1 = " T ".n1 + excluded.n1, n2 = " T ".n2 + excluded.n2, n3 = " T ".n3 + excluded.n3, n4 = " T ".n4 + excluded.n4," \
    " g1 = " T ".g1 + excluded.g1, g2 = " T ".g2 + excluded.g2, g3 = " T ".g3 + excluded.g3, g4 = " T ".g4 + excluded.g4"

/* A batch's deltas, one row per (day, source, target, root, plover, quad): the writer
 * fills it (a temporary table, emptied per batch). */
#define STAGE_ROLLUP_COLS(C) \
    "(day INTEGER, source TEXT" C ", target TEXT" C ", root TEXT" C ", plover TEXT" C ", quad INTEGER," \
    " events BIGINT, goldstein_milli BIGINT)"
#define STAGE_ROLLUP_SQLITE "CREATE TEMP TABLE IF NOT EXISTS stage_rollup " STAGE_ROLLUP_COLS("")
#define STAGE_ROLLUP_PG \
    "CREATE TEMP TABLE IF NOT EXISTS stage_rollup " STAGE_ROLLUP_COLS(" COLLATE \"C\"") " ON COMMIT DELETE ROWS"

/* An event's Goldstein score in thousandths (the same rounding everywhere). */
#define G_MILLI "CAST(round(coalesce(goldstein, 0) * 1000) AS BIGINT)"
/* The events as stage_rollup rows (a WHERE and GROUP BY 1, 2, 3, 4, 5, 6 follow). */
#define ROLLUP_OF_EVENTS \
    "SELECT coalesce(date, 0), source, target, coalesce(root, ''), coalesce(plover, ''), coalesce(quad, 0), count(*)," \
    " sum(" G_MILLI ") FROM events"
/* The events one by one in the shape of stage_rollup, for a recount. */
#define EVENTS_AS_STAGE \
    "(SELECT coalesce(date, 0) AS day, source, target, coalesce(root, '') AS root, coalesce(plover, '') AS plover," \
    " coalesce(quad, 0) AS quad, 1 AS events, " G_MILLI " AS goldstein_milli FROM events) s"

/* The ten value sums of rows with count N and Goldstein sum G per quad class. */
#define ROLLUP_SUMS(N, G) \
    " sum(" N "), sum(" G ")," \
    " sum(CASE WHEN quad = 1 THEN " N " ELSE 0 END), sum(CASE WHEN quad = 2 THEN " N " ELSE 0 END)," \
    " sum(CASE WHEN quad = 3 THEN " N " ELSE 0 END), sum(CASE WHEN quad = 4 THEN " N " ELSE 0 END)," \
    " sum(CASE WHEN quad = 1 THEN " G " ELSE 0 END), sum(CASE WHEN quad = 2 THEN " G " ELSE 0 END)," \
    " sum(CASE WHEN quad = 3 THEN " G " ELSE 0 END), sum(CASE WHEN quad = 4 THEN " G " ELSE 0 END)"
/* The two sides of each row of relation R as (P columns, actor, root, plover, quad, n,
 * g): the source, and the target when it is another actor. */
#define ROLLUP_SIDES(R, P1, P2) \
    " SELECT " P1 "source AS actor, root, plover, quad, events AS n, goldstein_milli AS g FROM " R \
    " WHERE source <> '---' UNION ALL SELECT " P2 "target, root, plover, quad, events, goldstein_milli FROM " R \
    " WHERE target <> '---' AND target <> source"
/* Each rollup's rows computed from relation R (stage_rollup, or EVENTS_AS_STAGE), in
 * the table's column order. */
#define ROLLUP_SEL_SERIES(R) \
    "SELECT day, root, plover," ROLLUP_SUMS("events", "goldstein_milli") " FROM " R " WHERE true GROUP BY day, root, plover"
#define ROLLUP_SEL_ACTOR_DAY(R) \
    "SELECT actor, d," ROLLUP_SUMS("n", "g") " FROM (" ROLLUP_SIDES(R, "day AS d, ", "day, ") ") a WHERE true GROUP BY actor, d"
#define ROLLUP_SEL_ACTOR_MONTH(R) \
    "SELECT m, actor," ROLLUP_SUMS("n", "g") " FROM (" ROLLUP_SIDES(R, "day / 100 AS m, ", "day / 100, ") \
    ") a WHERE true GROUP BY m, actor"
#define ROLLUP_SEL_DYAD(R) \
    "SELECT source, target," ROLLUP_SUMS("events", "goldstein_milli") " FROM " R " WHERE true GROUP BY source, target"
#define ROLLUP_SEL_DYAD_MONTH(R) \
    "SELECT day / 100, source, target," ROLLUP_SUMS("events", "goldstein_milli") " FROM " R \
    " WHERE true GROUP BY day / 100, source, target"
#define ROLLUP_SEL_ACTOR(R) \
    "SELECT actor, root, plover," ROLLUP_SUMS("n", "g") " FROM (" ROLLUP_SIDES(R, "", "") \
    ") a WHERE true GROUP BY actor, root, plover"
/* Merge stage_rollup into the six rollups. */
#define ROLLUP_MERGE \
    "INSERT INTO rollup_series " ROLLUP_SEL_SERIES("stage_rollup") \
    " ON CONFLICT (day, root, plover)" ROLLUP_UPSERT("rollup_series") ";" \
    "INSERT INTO rollup_actor_day " ROLLUP_SEL_ACTOR_DAY("stage_rollup") \
    " ON CONFLICT (actor, day)" ROLLUP_UPSERT("rollup_actor_day") ";" \
    "INSERT INTO rollup_actor_month " ROLLUP_SEL_ACTOR_MONTH("stage_rollup") \
    " ON CONFLICT (month, actor)" ROLLUP_UPSERT("rollup_actor_month") ";" \
    "INSERT INTO rollup_dyad " ROLLUP_SEL_DYAD("stage_rollup") \
    " ON CONFLICT (source, target)" ROLLUP_UPSERT("rollup_dyad") ";" \
    "INSERT INTO rollup_dyad_month " ROLLUP_SEL_DYAD_MONTH("stage_rollup") \
    " ON CONFLICT (month, source, target)" ROLLUP_UPSERT("rollup_dyad_month") ";" \
    "INSERT INTO rollup_actor " ROLLUP_SEL_ACTOR("stage_rollup") \
    " ON CONFLICT (actor, root, plover)" ROLLUP_UPSERT("rollup_actor")
/* PostgreSQL: the events columns no query filters, joins or sorts on get no planner
 * statistics (ANALYZE skips them: it sorted every sampled column, a third of a load's
 * server time on the bench corpus).  schema.c (version 6) sets it on the table and its
 * partitions then; store.c on each partition it creates (a new partition does not take
 * it from the parent).  Append "ALTER TABLE name" before it. */
#define PG_EVENTS_NO_STATS \
    " ALTER COLUMN goldstein SET STATISTICS 0, ALTER COLUMN plover SET STATISTICS 0," \
    " ALTER COLUMN source_text SET STATISTICS 0, ALTER COLUMN target_text SET STATISTICS 0," \
    " ALTER COLUMN verb_text SET STATISTICS 0, ALTER COLUMN issues SET STATISTICS 0," \
    " ALTER COLUMN sentence_start SET STATISTICS 0, ALTER COLUMN sentence_end SET STATISTICS 0," \
    " ALTER COLUMN source_start SET STATISTICS 0, ALTER COLUMN source_end SET STATISTICS 0," \
    " ALTER COLUMN target_start SET STATISTICS 0, ALTER COLUMN target_end SET STATISTICS 0," \
    " ALTER COLUMN verb_start SET STATISTICS 0, ALTER COLUMN verb_end SET STATISTICS 0"

typedef struct where {
    ent_buf sql;     /* " WHERE ..." or "" */
    db_param p[64];
    int np;
    char *owned[48]; /* strings made for '*' and text filters, freed by ent_where_free */
    int nowned;
} where;

/* Build the WHERE clause of f over table t aliased "e" (f may be NULL). */
void ent_where_build(where *w, const ent_store_filter *f, table t, db_kind kind);
void ent_where_free(where *w);
/* The table (events or a rollup) that answers filter f at a period and grouping
 * (by_category: counts per root, PLOVER category and quad class), and its FROM text. */
table ent_store_pick_table(const ent_store_filter *f, ent_period period, ent_group group, int by_category);
const char *ent_store_table_sql(table t);
/* Append the six sums an aggregate of table t reads: events, events of quad class 1..4,
 * Goldstein in thousandths (quad: the filter's quad class, 0 any); whole (a rollup read
 * one row per result row): the columns themselves, not their sums. */
void ent_store_agg_sums(ent_buf *q, table t, int quad, int whole);
/* Add the full-text condition "the event's sentence matches text" (explore.c). */
void ent_where_text(where *w, const char *text, db_kind kind);

db *ent_store_db(ent_store *st);
/* Record "what: <database error>" as the handle's error; returns s. */
ent_status ent_store_fail(ent_store *st, ent_status s, const char *what);

#endif

/* schema.c — the event store's schema as a list of forward migrations, and the code that
 * brings a database up to the newest one.  The version lives in the one-row table
 * schema_version on both backends.  ent_store_open (and so load, code --db, query and
 * serve) runs every step above the database's version, in order, in one transaction under
 * a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so concurrent first opens
 * and a killed migration leave the database at one version or the next, never between.
 *
 * To change the schema, append a step: never edit one that has shipped.  A database whose
 * version is newer than this program knows is refused (an older entente must not write to
 * a schema it does not understand).  The README's "Store schema" section documents the
 * result for people who open the store from Python or R. */
#include "store/db.h"
#include "store/store_int.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct migration {
    int version;
    const char *what;
    const char *sqlite; /* script for SQLite */
    const char *pg;     /* script for PostgreSQL; NULL: same as sqlite */
} migration;

/* Version 1: the original four tables (created with IF NOT EXISTS, so a database made
 * before versions existed passes through it unchanged). */
#define V1_TABLES \
    "CREATE TABLE IF NOT EXISTS stories (" \
    " story_id TEXT PRIMARY KEY, date INTEGER, publisher TEXT, title TEXT, url TEXT);" \
    "CREATE TABLE IF NOT EXISTS sentences (" \
    " story_id TEXT NOT NULL REFERENCES stories(story_id), sentence_index INTEGER NOT NULL," \
    " sentence_id TEXT, date INTEGER, text TEXT, PRIMARY KEY (story_id, sentence_index));" \
    "CREATE TABLE IF NOT EXISTS events (" \
    " story_id TEXT NOT NULL REFERENCES stories(story_id), event_index INTEGER NOT NULL," \
    " sentence_index INTEGER NOT NULL, date INTEGER, source TEXT NOT NULL, target TEXT NOT NULL," \
    " code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein DOUBLE PRECISION, plover TEXT," \
    " source_text TEXT, target_text TEXT, verb_text TEXT, issues TEXT," \
    " sentence_start INTEGER, sentence_end INTEGER, source_start INTEGER, source_end INTEGER," \
    " target_start INTEGER, target_end INTEGER, verb_start INTEGER, verb_end INTEGER," \
    " PRIMARY KEY (story_id, event_index));" \
    "CREATE INDEX IF NOT EXISTS events_date ON events (date);" \
    "CREATE INDEX IF NOT EXISTS events_source ON events (source, date);" \
    "CREATE INDEX IF NOT EXISTS events_target ON events (target, date);" \
    "CREATE TABLE IF NOT EXISTS actors (code TEXT PRIMARY KEY, text TEXT);"

/* Version 2: rollups (counts and fixed-point Goldstein sums, in thousandths, kept in the
 * transaction that writes the events), an index for every filter that the rollups do not
 * answer, a month column (the partition key on PostgreSQL), and views joining events to
 * sentences and stories.  The rollups are small by design (none is keyed by day AND
 * dyad, which would be nearly as large as the events):
 *   rollup_series       day x root x quad          unfiltered and root/quad series, totals
 *   rollup_actor_month  month x actor x quad       one actor's series and totals by month
 *   rollup_dyad         source x target x quad     network, actor and dyad totals
 *   rollup_actor        actor x quad               the actor list
 * An event counts for an actor once as source and once as target (when the target is
 * different and not '---').  On SQLite they are WITHOUT ROWID tables, clustered on their
 * keys, so a scan in key order reads each row once, in place.  Keys never hold NULL: an unknown date is 0, a missing root
 * '', quad 0. */
#define V2_ROLLUPS(C, W) \
    "CREATE TABLE rollup_series (day INTEGER NOT NULL, root TEXT" C " NOT NULL, quad INTEGER NOT NULL," \
    " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL, PRIMARY KEY (day, root, quad))" W ";" \
    "CREATE TABLE rollup_actor_month (month INTEGER NOT NULL, actor TEXT" C " NOT NULL, quad INTEGER NOT NULL," \
    " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL, PRIMARY KEY (month, actor, quad))" W ";" \
    "CREATE TABLE rollup_dyad (source TEXT" C " NOT NULL, target TEXT" C " NOT NULL, quad INTEGER NOT NULL," \
    " events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL, PRIMARY KEY (source, target, quad))" W ";" \
    "CREATE TABLE rollup_actor (actor TEXT" C " NOT NULL, quad INTEGER NOT NULL, events BIGINT NOT NULL," \
    " goldstein_milli BIGINT NOT NULL, PRIMARY KEY (actor, quad))" W ";" \
    "CREATE INDEX rollup_actor_month_actor ON rollup_actor_month (actor, month);" \
    "CREATE INDEX rollup_dyad_target ON rollup_dyad (target);"

/* the rollups of events already stored (a database of version 1) */
#define V2_FILL \
    "INSERT INTO rollup_series SELECT coalesce(date, 0), coalesce(root, ''), coalesce(quad, 0), count(*)," \
    " sum(CAST(round(goldstein * 1000) AS BIGINT)) FROM events WHERE true GROUP BY 1, 2, 3;" \
    "INSERT INTO rollup_actor_month SELECT m, actor, q, count(*), sum(g) FROM (" \
    " SELECT coalesce(date, 0) / 100 AS m, source AS actor, coalesce(quad, 0) AS q," \
    " CAST(round(goldstein * 1000) AS BIGINT) AS g FROM events WHERE source <> '---'" \
    " UNION ALL SELECT coalesce(date, 0) / 100, target, coalesce(quad, 0), CAST(round(goldstein * 1000) AS BIGINT)" \
    " FROM events WHERE target <> '---' AND target <> source) a WHERE true GROUP BY 1, 2, 3;" \
    "INSERT INTO rollup_dyad SELECT source, target, coalesce(quad, 0), count(*)," \
    " sum(CAST(round(goldstein * 1000) AS BIGINT)) FROM events WHERE true GROUP BY 1, 2, 3;" \
    "INSERT INTO rollup_actor SELECT actor, quad, sum(events), sum(goldstein_milli) FROM rollup_actor_month" \
    " WHERE true GROUP BY 1, 2;"

/* The indexes an aggregate falls back to carry quad and goldstein, so date-range, actor
 * and dyad aggregates read the index alone, never the table rows. */
#define V2_EVENT_INDEXES \
    "CREATE INDEX events_dyad ON events (source, target, date, quad, goldstein);" \
    "CREATE INDEX events_code ON events (code, date);"

#define V2_VIEWS \
    "CREATE VIEW event_sentences AS SELECT e.*, s.sentence_id, s.text AS sentence" \
    " FROM events e LEFT JOIN sentences s ON s.story_id = e.story_id AND s.sentence_index = e.sentence_index;" \
    "CREATE VIEW event_stories AS SELECT es.*, st.date AS story_date, st.publisher, st.title, st.url" \
    " FROM event_sentences es JOIN stories st ON st.story_id = es.story_id;"

/* an empty actor code (written by old loads) is the absent actor '---' */
#define V2_NORMALISE \
    "UPDATE events SET source = '---' WHERE source = '';" \
    "UPDATE events SET target = '---' WHERE target = '';"

static const char V2_SQLITE[] =
    V2_NORMALISE
    "ALTER TABLE events ADD COLUMN month INTEGER NOT NULL DEFAULT 0;"
    "UPDATE events SET month = date / 100 WHERE date IS NOT NULL;"
    "DROP INDEX IF EXISTS events_date; DROP INDEX IF EXISTS events_source; DROP INDEX IF EXISTS events_target;"
    "CREATE INDEX events_target ON events (target, date, quad, goldstein);"
    "CREATE INDEX events_order ON events (date, story_id, event_index, source, target, quad, goldstein);"
    V2_EVENT_INDEXES
    V2_ROLLUPS("", " WITHOUT ROWID")
    V2_FILL
    V2_VIEWS;

/* PostgreSQL: events becomes a table partitioned by month (range on the month column,
 * YYYYMM, 0 for undated); ent_store creates a month's partition before its first row.
 * Codes compare bytewise (COLLATE "C"), as on SQLite, so prefix ranges and orders agree.
 * events.story_id and sentences.story_id name a stories row without a foreign-key
 * constraint: the per-row trigger halved COPY's speed, and the writer (store.c) always
 * writes a story's row in the same transaction as its sentences and events. */
static const char V2_PG[] =
    V2_NORMALISE
    "ALTER TABLE events RENAME TO events_v1;"
    "ALTER INDEX IF EXISTS events_pkey RENAME TO events_v1_pkey;"
    "DROP INDEX IF EXISTS events_date; DROP INDEX IF EXISTS events_source; DROP INDEX IF EXISTS events_target;"
    "CREATE TABLE events ("
    " story_id TEXT COLLATE \"C\" NOT NULL, event_index INTEGER NOT NULL,"
    " sentence_index INTEGER NOT NULL, date INTEGER, source TEXT COLLATE \"C\" NOT NULL,"
    " target TEXT COLLATE \"C\" NOT NULL, code TEXT COLLATE \"C\" NOT NULL, root TEXT COLLATE \"C\","
    " quad INTEGER, goldstein DOUBLE PRECISION, plover TEXT,"
    " source_text TEXT, target_text TEXT, verb_text TEXT, issues TEXT,"
    " sentence_start INTEGER, sentence_end INTEGER, source_start INTEGER, source_end INTEGER,"
    " target_start INTEGER, target_end INTEGER, verb_start INTEGER, verb_end INTEGER,"
    " month INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (story_id, event_index, month)) PARTITION BY RANGE (month);"
    "CREATE TABLE events_undated PARTITION OF events FOR VALUES FROM (MINVALUE) TO (1);"
    "DO $$ DECLARE m INTEGER; BEGIN"
    " FOR m IN SELECT DISTINCT date / 100 FROM events_v1 WHERE date / 100 >= 1 LOOP"
    "  EXECUTE format('CREATE TABLE events_%s PARTITION OF events FOR VALUES FROM (%s) TO (%s)', m, m, m + 1);"
    " END LOOP; END $$;"
    "INSERT INTO events SELECT *, CASE WHEN date / 100 >= 1 THEN date / 100 ELSE 0 END FROM events_v1;"
    "DROP TABLE events_v1;"
    "ALTER TABLE sentences DROP CONSTRAINT IF EXISTS sentences_story_id_fkey;"
    /* story ids compare bytewise everywhere, so joins of events to sentences and stories
     * can use their key indexes */
    "ALTER TABLE stories ALTER COLUMN story_id TYPE TEXT COLLATE \"C\";"
    "ALTER TABLE sentences ALTER COLUMN story_id TYPE TEXT COLLATE \"C\";"
    "CREATE INDEX events_target ON events (target, date) INCLUDE (quad, goldstein);"
    "CREATE INDEX events_order ON events (date NULLS FIRST, story_id, event_index) INCLUDE (source, target, quad, goldstein);"
    V2_EVENT_INDEXES
    V2_ROLLUPS(" COLLATE \"C\"", "")
    V2_FILL
    V2_VIEWS;

/* Version 3: the explorer (src/store/explore.c).  Actor names from the dictionaries, and a
 * full-text index of the sentences: on SQLite an FTS5 table over sentences.text (external
 * content, Porter stemming) kept in step by triggers, on PostgreSQL a GIN index on
 * to_tsvector('english', text).  Sentences stored before are indexed here. */
#define V3_NAMES "CREATE TABLE actor_names (code TEXT PRIMARY KEY, name TEXT, country TEXT);"
static const char V3_SQLITE[] =
    V3_NAMES
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid',"
    " tokenize='porter unicode61');"
    "CREATE TRIGGER sentences_fts_ai AFTER INSERT ON sentences BEGIN"
    " INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text); END;"
    "CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;"
    "CREATE TRIGGER sentences_fts_au AFTER UPDATE ON sentences BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text); END;"
    "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');";
static const char V3_PG[] =
    V3_NAMES
    "CREATE INDEX sentences_tsv ON sentences USING gin (to_tsvector('english', coalesce(text, '')));";

/* Version 4: the full-text index is filled in bulk, once per write transaction, instead of
 * by a trigger per sentence (FTS5 flushes its pending terms at every statement, so the
 * per-row trigger cost six times the bulk insert), and it can be left behind for a later
 * build (load --defer-fts, entente index).  fts_state.indexed_upto is the watermark: every
 * sentence with rowid <= indexed_upto is in sentences_fts, none above it is.  The writer
 * (store.c, fts_catch_up) indexes the rows above it and raises it; the triggers keep the
 * rows at or below it in step (a row inserted there when SQLite reuses a rowid, updates,
 * deletes), so a writer that does not know about the watermark still keeps the index
 * right.  PostgreSQL keeps its GIN index (deferring drops it; building creates it). */
static const char V4_SQLITE[] =
    "CREATE TABLE fts_state (indexed_upto INTEGER NOT NULL);"
    "INSERT INTO fts_state SELECT coalesce(max(rowid), 0) FROM sentences;"
    "DROP TRIGGER sentences_fts_ai; DROP TRIGGER sentences_fts_ad; DROP TRIGGER sentences_fts_au;"
    "CREATE TRIGGER sentences_fts_ai AFTER INSERT ON sentences WHEN new.rowid <= (SELECT indexed_upto FROM fts_state) BEGIN"
    " INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text); END;"
    "CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences WHEN old.rowid <= (SELECT indexed_upto FROM fts_state) BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;"
    "CREATE TRIGGER sentences_fts_au AFTER UPDATE ON sentences BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT 'delete', old.rowid, old.text"
    "  WHERE old.rowid <= (SELECT indexed_upto FROM fts_state);"
    " INSERT INTO sentences_fts (rowid, text) SELECT new.rowid, new.text"
    "  WHERE new.rowid <= (SELECT indexed_upto FROM fts_state); END;";

/* Version 5: the rollups reshaped to one row per key, the quad classes as columns (half
 * the rows or fewer, and no grouping left to do when a key is read whole), and two more
 * keys, so every aggregate the API and `query --agg` offer reads a rollup:
 *   rollup_series       day x root x plover      series, totals, counts by root/PLOVER
 *   rollup_actor_day    actor x day              one actor's series by day, week or month
 *   rollup_actor_month  month x actor            the actor list over whole months
 *   rollup_dyad         source x target          the network, actor and dyad totals
 *   rollup_dyad_month   month x source x target  the network over whole months (an index by
 *                                                dyad for the top dyads of a range: store.c)
 *   rollup_actor        actor x root x plover    the actor list, one actor's counts
 * Every table carries ROLLUP_VALUES (store_int.h): events and goldstein_milli, and per
 * quad class k = 1..4 the events n<k> and their Goldstein sum g<k> (unknown quad: the
 * rest).  The old tables are dropped and the new ones filled from the events by the
 * writer's own merge (ROLLUP_MERGE) over the events grouped as a batch would be. */
#define V5_TABLES(C, W) \
    "DROP TABLE IF EXISTS rollup_series; DROP TABLE IF EXISTS rollup_actor_month;" \
    "DROP TABLE IF EXISTS rollup_dyad; DROP TABLE IF EXISTS rollup_actor;" \
    "DROP TABLE IF EXISTS rollup_actor_day; DROP TABLE IF EXISTS rollup_dyad_month;" \
    "CREATE TABLE rollup_series (day INTEGER NOT NULL, root TEXT" C " NOT NULL, plover TEXT" C " NOT NULL," \
    ROLLUP_VALUES ", PRIMARY KEY (day, root, plover))" W ";" \
    "CREATE TABLE rollup_actor_day (actor TEXT" C " NOT NULL, day INTEGER NOT NULL," \
    ROLLUP_VALUES ", PRIMARY KEY (actor, day))" W ";" \
    "CREATE TABLE rollup_actor_month (month INTEGER NOT NULL, actor TEXT" C " NOT NULL," \
    ROLLUP_VALUES ", PRIMARY KEY (month, actor))" W ";" \
    "CREATE TABLE rollup_dyad (source TEXT" C " NOT NULL, target TEXT" C " NOT NULL," \
    ROLLUP_VALUES ", PRIMARY KEY (source, target))" W ";" \
    "CREATE INDEX rollup_dyad_target ON rollup_dyad (target);" \
    "CREATE TABLE rollup_dyad_month (month INTEGER NOT NULL, source TEXT" C " NOT NULL, target TEXT" C " NOT NULL," \
    ROLLUP_VALUES ", PRIMARY KEY (month, source, target))" W ";" \
    "CREATE INDEX rollup_dyad_month_dyad ON rollup_dyad_month (source, target, month, events);" \
    "CREATE TABLE rollup_actor (actor TEXT" C " NOT NULL, root TEXT" C " NOT NULL, plover TEXT" C " NOT NULL," \
    ROLLUP_VALUES ", PRIMARY KEY (actor, root, plover))" W ";"
#define V5_FILL(STAGE) \
    STAGE ";" \
    "INSERT INTO stage_rollup " ROLLUP_OF_EVENTS " WHERE true GROUP BY 1, 2, 3, 4, 5, 6;" \
    ROLLUP_MERGE ";" \
    "DROP TABLE stage_rollup;"
static const char V5_SQLITE[] = V5_TABLES("", " WITHOUT ROWID") V5_FILL(STAGE_ROLLUP_SQLITE);
static const char V5_PG[] = V5_TABLES(" COLLATE \"C\"", "") V5_FILL(STAGE_ROLLUP_PG);

/* Version 6: full-text merge settings for bulk loads (SQLite; FTS5 keeps them in
 * sentences_fts_config).  hashsize: a writer buffers up to 64 MB of new terms before it
 * writes them out as a segment, so a load batch becomes one segment instead of one per
 * megabyte; automerge 8: a level's segments are merged once 8 of them (not 4) have
 * gathered, so each term is rewritten fewer times as the index grows.  A search reads at
 * most a few more segments.  PostgreSQL: nothing. */
static const char V6_SQLITE[] =
    "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', 67108864);"
    "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 8);";

/* Version 7 (PostgreSQL only).
 * - The rollups whose updates change no indexed column (series, actor-day, actor-month,
 *   actor) leave half of each page free (fillfactor 50), so a batch's upsert of a key
 *   writes the new row version on the same page and adds no index entry (a heap-only
 *   tuple; the dead version is pruned by the next visit to the page).  Measured on a
 *   200k-event store: one batch's 68k updates of rollup_actor_day took 2.3 s packed, 0.9 s
 *   with the free space.  CLUSTER rewrites stored rows with the free space (instant on an
 *   empty store).  rollup_dyad and rollup_dyad_month keep full pages: an index of each
 *   holds events, so their updates add index entries anyway.
 * - rollup_dyad gets an index by events (most first), so the network's top dyads of all
 *   dates, and the seeds and candidates of a date range's top dyads (store.c,
 *   top_dyads_pruned), are read from its head instead of a scan of every dyad: at 1M
 *   events the network 101 ms -> under 1 ms, the floor query of a year's network 100 ->
 *   12 ms (loaded machine).
 * - No planner statistics for the event columns no query selects by (store_int.h); ALTER
 *   TABLE of the parent reaches the partitions that exist. */
#define V7_FILL(T) "ALTER TABLE " T " SET (fillfactor = 50); CLUSTER " T " USING " T "_pkey;"
static const char V7_PG[] =
    V7_FILL("rollup_series") V7_FILL("rollup_actor_day") V7_FILL("rollup_actor_month") V7_FILL("rollup_actor")
    "CREATE INDEX rollup_dyad_events ON rollup_dyad (events DESC, source, target);"
    "ALTER TABLE events" PG_EVENTS_NO_STATS ";";

/* Version 8 (SQLite only): the index of events by source actor is keyed (source, date,
 * target, quad, goldstein) instead of (source, target, date, quad, goldstein).  Keyed by
 * dyad, a load in date order added each event at the end of its dyad's run, one of 120k
 * places at 1M events, so every 100k events wrote every page of the index (8.2k of the
 * 28.9k pages a 100k load wrote onto 900k events); keyed by source and date, as
 * events_target is by target, the new events go at the end of each source actor's run
 * (a few hundred places).  A dyad filter (source = A AND target = B) reads A's entries
 * and tests the target in the index itself (no table row read); one actor, an actor
 * prefix and an actor over a date range read a range as before.  PostgreSQL keeps its
 * partitioned events_dyad. */
static const char V8_SQLITE[] =
    "DROP INDEX IF EXISTS events_dyad;"
    "CREATE INDEX IF NOT EXISTS events_source ON events (source, date, target, quad, goldstein);";

/* Version 9 (PostgreSQL only): rollup_dyad_month is updated in place too.  Its index by
 * dyad held events (so a range's top dyads were ranked from the index alone), so every
 * upsert of a key wrote a new row version elsewhere plus an entry in both indexes; in
 * random date order a batch of 50k events updates ~47k of its keys (measured: no update
 * was heap-only).  Keyed (source, target, month) only and with half of each page free, as
 * the other rollups (version 7), an upsert changes no indexed column and writes its new
 * version on the same page; a range's top dyads read each candidate's month rows from the
 * table (a few per dyad). */
static const char V9_PG[] =
    "DROP INDEX IF EXISTS rollup_dyad_month_dyad;"
    V7_FILL("rollup_dyad_month")
    "CREATE INDEX rollup_dyad_month_dyad ON rollup_dyad_month (source, target, month);";

/* Version 10 (SQLite only): no trigger on inserting sentences.  Its body ran only for a
 * row at or below the watermark (version 4), which a writer's new rows never are, yet its
 * presence made every sentence INSERT open the FTS5 table in its statement (4% of a bulk
 * loader's writer instructions, 30k sentences onto 900k).  The watermark invariant of
 * version 4 still holds without it: a new row's rowid is above every stored rowid, and the
 * delete trigger now lowers the watermark to the largest rowid left, so a rowid freed at
 * the top and given again lands above it and is indexed by the writer's catch-up (or
 * `entente index`), never skipped.  A rowid a caller chooses itself, below the watermark,
 * is the one case left unindexed (README, "Schema"). */
static const char V10_SQLITE[] =
    "DROP TRIGGER IF EXISTS sentences_fts_ai; DROP TRIGGER IF EXISTS sentences_fts_ad;"
    "CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences WHEN old.rowid <= (SELECT indexed_upto FROM fts_state) BEGIN"
    " INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " UPDATE fts_state SET indexed_upto = min(indexed_upto, (SELECT coalesce(max(rowid), 0) FROM sentences)); END;";

/* Version 11 (SQLite only): no index of events by actor.  events_source and events_target
 * each took a B-tree insert at a random place per event: 4-4.5 CPU-s per million events
 * each, as much as the table, its key, events_order and events_code together, and more
 * each 100k as the store grew.  A filter on actors now reads the days on which they have
 * events (rollup_actor_day) through events_order (store.c, where_days).  The index of
 * rollup_dyad_month by dyad no longer holds events, which changed on every upsert of a
 * key (a delete and an insert in the index); as on PostgreSQL (version 9), a range's top
 * dyads read each candidate's month rows from the table. */
static const char V11_SQLITE[] =
    "DROP INDEX IF EXISTS events_source; DROP INDEX IF EXISTS events_target;"
    "DROP INDEX IF EXISTS rollup_dyad_month_dyad;"
    "CREATE INDEX rollup_dyad_month_dyad ON rollup_dyad_month (source, target, month);";

/* Version 12 (SQLite only): rollup_dyad_month without its index by dyad.  Most of a
 * load's new keys of that rollup are new rows (a dyad's first events in a month), and each
 * went into two B-trees at random places, its key and the index: 5.5 of the writer's 14 CPU-s
 * of rollup upserts per million events in random date order, 2.9 without the index.  A dyad
 * or a source is now read by one seek of the key per month of the range, the months named
 * by the query (store.c, w_months). */
static const char V12_SQLITE[] = "DROP INDEX IF EXISTS rollup_dyad_month_dyad;";

static const migration MIGRATIONS[] = {
    {1, "stories, sentences, events, actors", V1_TABLES, NULL},
    {2, "rollups, filter indexes, month partitions, views", V2_SQLITE, V2_PG},
    {3, "explorer: actor names, full-text index of sentences", V3_SQLITE, V3_PG},
    {4, "full-text index filled in bulk, deferrable", V4_SQLITE, "SELECT 1"},
    {5, "rollups by key with quad columns; actor-day, dyad-month, root and PLOVER rollups", V5_SQLITE, V5_PG},
    {6, "full-text index: larger in-memory segments and fewer merges for bulk loads", V6_SQLITE, "SELECT 1"},
    {7, "PostgreSQL: rollup pages half free (upserts update in place); dyads by events; no statistics for unfiltered event columns", "SELECT 1", V7_PG},
    {8, "SQLite: events by source actor keyed (source, date, target), so loads in date order append", V8_SQLITE, "SELECT 1"},
    {9, "PostgreSQL: rollup_dyad_month updated in place (pages half free, index by dyad without events)", "SELECT 1", V9_PG},
    {10, "SQLite: sentences indexed for full-text search by the writer alone (no insert trigger)", V10_SQLITE, "SELECT 1"},
    {11, "SQLite: no event indexes by actor (actor filters read the actors' days); dyad-month index without counts", V11_SQLITE,
     "SELECT 1"},
    {12, "SQLite: rollup_dyad_month read by its key alone, month by month (no index by dyad)", V12_SQLITE, "SELECT 1"},
};
#define NMIGRATIONS (sizeof MIGRATIONS / sizeof MIGRATIONS[0])

int ent_store_schema_latest(void) { return MIGRATIONS[NMIGRATIONS - 1].version; }

static ent_status read_version(db *d, long *version, ent_diag *diag) {
    int pg = ent_db_get_kind(d) == DB_PG;
    long have = 0;
    *version = 0;
    if (ent_db_run(d, pg ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                       " AND table_name = 'schema_version'"
                     : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
               0, NULL, 0, ent_db_row_long, &have) != ENT_OK) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot read the schema version: %s", ent_db_error(d));
        return ENT_ERR_IO;
    }
    if (have && ent_db_run(d, "SELECT max(version) FROM schema_version", 0, NULL, 0, ent_db_row_long, version) != ENT_OK) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot read the schema version: %s", ent_db_error(d));
        return ENT_ERR_IO;
    }
    return ENT_OK;
}

ent_status ent_store_migrate(db *d, ent_diag *diag) {
    long v;
    ent_status s = read_version(d, &v, diag);
    if (s) return s;
    int latest = ent_store_schema_latest();
    if (v > latest) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0,
                     "store: the database has schema version %ld, newer than this entente knows (%d); "
                     "use a newer entente", v, latest);
        return ENT_ERR_UNSUPPORTED;
    }
    if (v == latest) return ENT_OK; /* the common case: no lock taken */
    int pg = ent_db_get_kind(d) == DB_PG;
    if (ent_db_exec_script(d, pg ? "BEGIN; SELECT pg_advisory_xact_lock(7346418)" : "BEGIN IMMEDIATE") != ENT_OK) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot lock the database to update its schema: %s", ent_db_error(d));
        return ENT_ERR_IO;
    }
    /* another process may have migrated while we waited for the lock */
    s = read_version(d, &v, diag);
    if (!s && ent_db_exec_script(d, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)") != ENT_OK) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot create schema_version: %s", ent_db_error(d));
        s = ENT_ERR_IO;
    }
    for (size_t i = 0; !s && i < NMIGRATIONS; i++) {
        const migration *m = &MIGRATIONS[i];
        if (m->version <= v) continue;
        if (ent_db_exec_script(d, pg && m->pg ? m->pg : m->sqlite) != ENT_OK) {
            ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: schema migration to version %d (%s) failed: %s", m->version, m->what,
                         ent_db_error(d));
            s = ENT_ERR_IO;
        }
    }
    char q[96];
    snprintf(q, sizeof q, "DELETE FROM schema_version; INSERT INTO schema_version VALUES (%d)", latest);
    if (!s && (ent_db_exec_script(d, q) != ENT_OK || ent_db_exec_script(d, "COMMIT") != ENT_OK)) {
        ent_diag_add(diag, ENT_ERROR, NULL, 0, "store: cannot record the schema version: %s", ent_db_error(d));
        s = ENT_ERR_IO;
    }
    if (s) ent_db_exec_script(d, "ROLLBACK");
    return s;
}

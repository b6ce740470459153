#!/bin/sh
# store-pg-writers.sh — PostgreSQL loads over several connections (load --writers N, 2 by
# default; the store's writer threads), on a private server: the same store as one
# connection and as SQLite; a story repeated in the input ends with its last version even
# when its copies are in batches written at once; kill -9 leaves whole stories, a re-run no
# duplicates, rollups equal to a recount; a batch aborted as a deadlock victim is written
# again.
. tests/store/lib.sh
LPID=""
script_cleanup() { [ -n "$LPID" ] && kill "$LPID" 2>/dev/null; }
PG_SERVER_OPTS="-c log_connections=on"
pg_script store-pg-writers
dump() { # URI: what the store answers (events in order, aggregates from the rollups)
  timeout 60 $E query --db "$1" --limit 0 --format jsonl
  timeout 60 $E query --db "$1" --agg month --by dyad --format jsonl
  timeout 60 $E query --db "$1" --agg day --by actor --format jsonl
  timeout 60 $E query --db "$1" --agg all --by actor --root 11 --format jsonl
  timeout 60 $E query --db "$1" --check
}
gen_stories 1000 5 >"$T/big.jsonl"

# 1. two and three writers, small batches: the same store as one connection and as SQLite
for db in one two three; do pg_createdb $db; done
timeout 300 $E load --writers 1 --db "$(pg_uri one)" "$T/big.jsonl" 2>"$T/one.err"
timeout 300 $E load --writers 2 --batch 200 --db "$(pg_uri two)" "$T/big.jsonl" 2>"$T/two.err"
conns() { grep -c "connection authorized: user=postgres database=$1" "$PG_DIR/server.log"; }
c0=$(conns three)
timeout 300 $E load --writers 3 --batch 97 --db "$(pg_uri three)" "$T/big.jsonl" 2>"$T/three.err"
c1=$(conns three)
timeout 300 $E load --db "$T/lite.db" "$T/big.jsonl" 2>/dev/null
dump "$(pg_uri one)" >"$T/one.out"; dump "$(pg_uri two)" >"$T/two.out"; dump "$(pg_uri three)" >"$T/three.out"
dump "$T/lite.db" >"$T/lite.out"
check "store-pg-writers: 2 and 3 writers store what one connection and SQLite store ($(wc -l <"$T/one.out") lines)" \
  "$(cmp -s "$T/one.out" "$T/two.out" && cmp -s "$T/one.out" "$T/three.out" && cmp -s "$T/one.out" "$T/lite.out" && echo same)" same
check "store-pg-writers: 2 writers report every story and event" "$(tail -n 1 "$T/two.err")" \
  "entente load: 1000 stories, 5000 events stored (postgresql)"
check "store-pg-writers: 3 writers: a connection each and the handle's own, the year's 12 partitions, no warning" \
  "$((c1 - c0)) $(pgq three "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relname ~ '^events_2024'") $(grep -c . "$T/three.err")" "4 12 1"
# at close the GIN pending list is merged (on a writer's connection) while the handle's own
# connection analyses: nothing left pending, the tables the load made analysed
pgq two "CREATE EXTENSION IF NOT EXISTS pgstattuple" >/dev/null 2>&1
check "store-pg-writers: after a 2-writer load the full-text pending list is empty and the new tables analysed" \
  "$(pgq two "SELECT pending_pages, pending_tuples FROM pgstatginindex('sentences_tsv')"); $(pgq two "SELECT count(*)
     FROM pg_stat_user_tables WHERE relname IN ('stories', 'sentences', 'rollup_dyad', 'events_202402') AND analyze_count > 0")" \
  "0|0; 4"

# 2. every story twice, its second copy in the very next batch (another writer): the
# second copy is what stays (ARNGOV renamed ZZZGOV, every date a year earlier)
awk '{ print > ("'"$T"'/orig-" int((NR - 1) / 100) ".jsonl") }' "$T/big.jsonl"
sed 's/ARNGOV/ZZZGOV/g; s/"date":"2024-/"date":"2023-/' "$T/big.jsonl" >"$T/moved.jsonl"
awk '{ print > ("'"$T"'/moved-" int((NR - 1) / 100) ".jsonl") }' "$T/moved.jsonl"
i=0; : >"$T/twice.jsonl"
while [ $i -lt 50 ]; do cat "$T/orig-$i.jsonl" "$T/moved-$i.jsonl" >>"$T/twice.jsonl"; i=$((i + 1)); done
pg_createdb twice && pg_createdb movedref
timeout 300 $E load --writers 2 --batch 100 --db "$(pg_uri twice)" "$T/twice.jsonl" 2>/dev/null
timeout 300 $E load --writers 1 --db "$(pg_uri movedref)" "$T/moved.jsonl" 2>/dev/null
dump "$(pg_uri twice)" >"$T/twice.out"; dump "$(pg_uri movedref)" >"$T/movedref.out"
check "store-pg-writers: a story repeated in the next batch ends with its last version, rollups equal a recount" \
  "$(cmp -s "$T/twice.out" "$T/movedref.out" && echo same; tail -n 1 "$T/twice.out")" \
  "same
rollups: 0 rows differ from a recount of the events"

# 3. kill -9 during a load over two writers, then a re-run
pg_createdb killed
gen_stories 6000 5 >"$T/kill.jsonl"
$E load --writers 2 --batch 500 --db "$(pg_uri killed)" "$T/kill.jsonl" 2>/dev/null &
LPID=$!
end=$(($(date +%s) + 30))
while [ "$(date +%s)" -lt $end ] && [ "$(pgq killed "SELECT count(*) FROM stories" 2>/dev/null || echo 0)" -lt 1500 ]; do sleep 0.1; done
kill -9 $LPID 2>/dev/null; wait $LPID 2>/dev/null; LPID=""
got=$(T=$T story_counts "$E" "$(pg_uri killed)"); set -- $got
if [ "$3" = 0 ] && [ "$2" = $(($1 * 5)) ] && [ "$1" -gt 0 ]; then ok "store-pg-writers: kill -9 during a 2-writer load left $1 whole stories, none partial"
else bad "store-pg-writers: kill -9 during a 2-writer load" "stories/events/partial = $got"; fi
check "store-pg-writers: rollups equal a recount after the kill" "$(timeout 60 $E query --db "$(pg_uri killed)" --check)" \
  "rollups: 0 rows differ from a recount of the events"
timeout 300 $E load --writers 2 --batch 500 --db "$(pg_uri killed)" "$T/kill.jsonl" 2>/dev/null
check "store-pg-writers: the re-run leaves every story once, rollups equal a recount" \
  "$(T=$T story_counts "$E" "$(pg_uri killed)"); $(timeout 60 $E query --db "$(pg_uri killed)" --check)" \
  "6000 30000 0; rollups: 0 rows differ from a recount of the events"

# 4. a deadlock: another session holds a rollup row the batch needs, then waits for a row
# the batch holds; PostgreSQL aborts the loader's transaction (its deadlock check runs
# after the other session waits: deadlock_timeout 3 s there, 60 s in the other session),
# and the loader writes the batch again once the other session has rolled back.
pg_createdb dead
gen_stories 3 5 >"$T/three.jsonl"
sed 's/K-0000/L-0000/' "$T/three.jsonl" >"$T/three-new.jsonl"
$E load --db "$(pg_uri dead)" "$T/three.jsonl" 2>/dev/null
"$PG_BIN/psql" -X -q -h "$PG_DIR" -p 5433 -U postgres dead >"$T/other.out" 2>&1 <<'SQL' &
BEGIN;
SET deadlock_timeout = '60s';
UPDATE rollup_actor SET events = events WHERE actor = 'ARNGOV';
DO $$ DECLARE i int := 0; BEGIN
  WHILE i < 300 AND NOT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted) LOOP PERFORM pg_sleep(0.1); i := i + 1; END LOOP;
END $$;
UPDATE rollup_series SET events = events WHERE day = 20240202;
ROLLBACK;
SQL
opid=$!
sleep 1
PGOPTIONS="-c deadlock_timeout=3s" timeout 120 $E load --writers 2 --db "$(pg_uri dead)" "$T/three-new.jsonl" 2>"$T/dead.err"
rc=$?
wait $opid
check "store-pg-writers: a batch aborted as a deadlock victim is written again (exit $rc)" \
  "$(grep -c 'deadlock detected.*writing it again (attempt 2 of 5)' "$T/dead.err"); $(T=$T PER_STORY=5 story_counts "$E" "$(pg_uri dead)"); $($E query --db "$(pg_uri dead)" --check)" \
  "1; 6 30 0; rollups: 0 rows differ from a recount of the events"
[ $rc = 0 ] || sed 's/^/  loader: /' "$T/dead.err"
exit 0

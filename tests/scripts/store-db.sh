#!/bin/sh
# store-db.sh — the event store on SQLite and on a private PostgreSQL server started here:
# both backends give the same answers to the same queries; a load killed with SIGKILL
# leaves every story whole or absent; re-running it leaves no duplicates.
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-store.XXXXXX)
PG_DIR=""
cleanup() { pg_stop; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
FIX=tests/store/fixtures/events.jsonl
gen_stories 1000 5 >"$T/big.jsonl"

queries() { # URI: every query whose output both backends must agree on
  Q="timeout 60 $E"
  $Q query --db "$1" --dyad GONGOV,MORMIL
  $Q query --db "$1" --agg month --by actor
  $Q query --db "$1" --agg week --by dyad --format jsonl
  $Q query --db "$1" --agg day --quad 4
  $Q query --db "$1" --actor 'ARN*' --format jsonl
  $Q query --db "$1" --code '19*' --limit 3 --offset 2
  $Q query --db "$1" --count --from 2024-02-01 --to 2024-06-30
  $Q query --db "$1" --agg day --actor GONGOV
  $Q query --db "$1" --agg week --actor GONGOV --quad 3
  $Q query --db "$1" --agg month --by dyad --from 2024-02-01 --to 2024-06-30
  $Q query --db "$1" --agg all --by actor --root 11 --limit 3
  $Q query --db "$1" --agg all --by dyad --dyadic --limit 5 --from 2024-02-10 --to 2024-05-20
  $Q query --db "$1" --agg all --by dyad --quad 4 --from 2024-02-10
}

# Each aggregate read from a rollup equals the same aggregate read from the events (a code
# filter matching every event, which only the events table answers).
rollup_vs_events() { # NAME URI
  n=0 differ=""
  set -f # the prefix filters (ARN*) are filters, not file names
  for a in "--agg day" "--agg week" "--agg month --by actor" "--agg all --by dyad --limit 5" "--agg day --actor GONGOV" \
           "--agg week --actor GONGOV" "--agg month --by dyad --from 2024-02-01 --to 2024-06-30" "--agg all --by actor --root 11" \
           "--agg month --quad 2" "--agg all --by dyad --dyadic --quad 4" "--agg day --by actor --from 2024-03-01" \
           "--count --actor ARNGOV" "--count --dyadic --quad 1" \
           "--agg all --by dyad --dyadic --limit 5 --from 2024-02-10 --to 2024-05-20" "--agg all --by dyad --quad 4 --from 2024-02-10" \
           "--agg all --by dyad --limit 3 --to 2024-04-20" "--agg month --dyad GONGOV,MORMIL" "--agg month --dyad ARN*,GON*" \
           "--agg all --dyad GONGOV,ROHGOV --from 2024-02-01 --to 2024-06-30" "--agg month --by dyad --source GONGOV" \
           "--agg all --by dyad --source SHI* --limit 2 --from 2024-02-10 --to 2024-05-20"; do
    fast=$(timeout 60 $E query --db "$2" $a --format jsonl 2>&1)
    slow=$(timeout 60 $E query --db "$2" $a --code '*' --format jsonl 2>&1)
    [ -n "$fast" ] && [ "$fast" = "$slow" ] || differ="$differ [$a]"
    n=$((n + 1))
  done
  set +f
  check "store $name: $n aggregates read from rollups equal the same read from the events" "${differ:-none differ}" "none differ"
}

kill_test() { # NAME URI
  name=$1 uri=$2
  # 1. deterministic: 10 whole stories and the first 2 lines of story 11 go through a FIFO;
  #    the loader is killed while it waits in the middle of story 11.
  mkfifo "$T/fifo.$name"
  $E load --db "$uri" <"$T/fifo.$name" 2>"$T/load-$name.err" &
  pid=$!
  exec 3>"$T/fifo.$name"
  head -n 52 "$T/big.jsonl" >&3
  end=$(($(date +%s) + 20))
  while [ "$(date +%s)" -lt $end ]; do
    [ "$(timeout 2 $E query --db "$uri" --count 2>/dev/null)" = 50 ] && break
    sleep 0.1
  done
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  exec 3>&-
  got=$(story_counts "$E" "$uri")
  check "store $name: SIGKILL inside a story leaves whole stories only" "$got" "10 50 0"
  [ "$got" = "10 50 0" ] || sed 's/^/  loader: /' "$T/load-$name.err"
  # 2. a bulk load killed at an arbitrary moment
  $E load --db "$uri" "$T/big.jsonl" 2>/dev/null &
  pid=$!
  sleep 0.4; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  got=$(story_counts "$E" "$uri"); set -- $got
  if [ "$3" = 0 ] && [ "$2" = $(($1 * 5)) ]; then ok "store $name: SIGKILL during a bulk load left $1 whole stories, none partial"
  else bad "store $name: SIGKILL during a bulk load" "stories/events/partial = $got"; fi
  # 3. the re-run replaces what was there: every story exactly once
  timeout 300 $E load --db "$uri" "$T/big.jsonl" 2>/dev/null
  check "store $name: re-run after the kill leaves no duplicates" "$(story_counts "$E" "$uri")" "1000 5000 0"
  check "store $name: rollups equal a recount after the kill and the re-run" "$(timeout 60 $E query --db "$uri" --check)" \
    "rollups: 0 rows differ from a recount of the events"
}

# serve_up URI ERRFILE: entente serve in the background on a free port (pid in spid, port
# in port; port empty when it did not start within 10 s)
serve_up() {
  $E serve --db "$1" --port 0 2>"$2" &
  spid=$!
  port=""
  end=$(($(date +%s) + 10))
  while [ -z "$port" ] && [ "$(date +%s)" -lt $end ]; do
    sleep 0.1
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$2")
  done
}

# ---- SQLite ----
SQ="$T/fixture.db"
$E load --db "$SQ" "$FIX" 2>/dev/null && $E load --db "$SQ" "$FIX" 2>/dev/null
check "store sqlite: loading twice replaces stories" "$($E query --db "$SQ" --count)" 9
t0=$(date +%s.%N)
timeout 300 $E load --db "$T/speed.db" "$T/big.jsonl" 2>/dev/null
t1=$(date +%s.%N)
echo "note: sqlite load of 1000 stories / 5000 events took $(echo "$t1 $t0" | awk '{printf "%.2f", $1 - $2}') s"
kill_test sqlite "$T/kill.db"
name=sqlite rollup_vs_events sqlite "$T/speed.db"

# ---- PostgreSQL ----
if ! pg_start; then
  skip "store postgresql" "$PG_WHY"
  exit 0
fi
pg_createdb fixture && pg_createdb killtest || { bad "store postgresql: createdb"; exit 1; }
PQ=$(pg_uri fixture)
$E load --db "$PQ" "$FIX" 2>/dev/null && $E load --db "$PQ" "$FIX" 2>/dev/null
check "store postgresql: loading twice replaces stories" "$($E query --db "$PQ" --count)" 9
queries "$SQ" >"$T/sqlite.out" 2>&1
queries "$PQ" >"$T/pg.out" 2>&1
if [ -s "$T/sqlite.out" ] && cmp -s "$T/sqlite.out" "$T/pg.out"; then ok "store: SQLite and PostgreSQL answer $(wc -l <"$T/pg.out") query lines identically"
else bad "store: SQLite and PostgreSQL differ"; diff "$T/sqlite.out" "$T/pg.out" | head -10; fi
# the explorer's API answers the same on both backends
api_dump() { # URI -> the API's answers to a few requests
  serve_up "$1" "$T/serve.err"
  [ -n "$port" ] && timeout 30 node -e '
    const base = "http://127.0.0.1:" + process.argv[1];
    (async () => { for (const p of ["/api/events?actor=GONGOV&limit=3", "/api/series?dyad=GONGOV,MORMIL&period=week", "/api/series?dyad=GONGOV,MORMIL&period=month", "/api/network",
        "/api/actors", "/api/counts", "/api/counts?actor=GONGOV", "/api/series?actor=GONGOV&period=day",
        "/api/network?from=2024-01-01&to=2024-06-30", "/api/network?from=2024-01-15&to=2024-06-10&limit=20"])
      console.log(await (await fetch(base + p)).text()); })();' "$port"
  kill $spid; wait $spid 2>/dev/null
}
if command -v node >/dev/null 2>&1; then
  api_dump "$SQ" >"$T/api-sqlite.out" 2>&1
  api_dump "$PQ" >"$T/api-pg.out" 2>&1
  if grep -q '"nodes"' "$T/api-pg.out" && cmp -s "$T/api-sqlite.out" "$T/api-pg.out"; then ok "store: serve answers the same API on SQLite and PostgreSQL"
  else bad "store: serve API differs between backends"; diff "$T/api-sqlite.out" "$T/api-pg.out" | head -6; fi
fi
# a running server reconnects after PostgreSQL restarts
if command -v node >/dev/null 2>&1; then
  serve_up "$PQ" "$T/serve2.err"
  fetch_total() { timeout 20 node -e 'fetch("http://127.0.0.1:" + process.argv[1] + "/api/events?limit=1").then((r) => r.json()).then((j) => console.log(j.total)).catch((e) => console.log("error", e.message))' "$port"; }
  before=$(fetch_total)
  pg_as "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w -t 30 restart -o \"-k $PG_DIR -c listen_addresses= -p 5433 -c fsync=off\"" >/dev/null 2>&1
  after=$(fetch_total)
  kill $spid; wait $spid 2>/dev/null
  check "store postgresql: serve answers across a server restart" "$before $after" "9 9"
fi
kill_test postgresql "$(pg_uri killtest)"
t0=$(date +%s.%N)
timeout 300 $E load --db "$(pg_uri killtest)" "$T/big.jsonl" 2>/dev/null
t1=$(date +%s.%N)
echo "note: postgresql re-load of 1000 stories / 5000 events took $(echo "$t1 $t0" | awk '{printf "%.2f", $1 - $2}') s"
name=postgresql rollup_vs_events postgresql "$(pg_uri killtest)"
# PostgreSQL settings of the writer (schema version 7, store.c): rollup pages half free, no
# statistics for the event columns no query selects by (also on the partitions the writer
# creates), and ANALYZE after a load only of the tables it at least doubled.
check "store postgresql: the five rollups updated in place keep half of each page free" \
  "$(pgq killtest "SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class WHERE relname LIKE 'rollup%' AND relkind = 'r' AND reloptions @> '{fillfactor=50}'")" \
  "rollup_actor rollup_actor_day rollup_actor_month rollup_dyad_month rollup_series"
# (the re-runs above updated every key: version 9 makes rollup_dyad_month's updates heap-only)
check "store postgresql: rollup_dyad_month's updates are heap-only (no new index entries)" \
  "$(pgq killtest "SELECT n_tup_upd >= 20 AND n_tup_hot_upd * 10 >= n_tup_upd * 9 FROM pg_stat_user_tables WHERE relname = 'rollup_dyad_month'")" t
# (a store of 5,000 events is small enough for a scan: the plan is asked without one)
check "store postgresql: the network's top dyads can be read from an index by events" \
  "$(pgq killtest "SET enable_seqscan = off; EXPLAIN SELECT source, target FROM rollup_dyad WHERE source <> '---' AND target <> '---' ORDER BY events DESC, source, target LIMIT 50" | grep -c 'rollup_dyad_events')" 1
check "store postgresql: event partitions made by the writer keep no statistics of issues and verb_text" \
  "$(pgq killtest "SELECT count(DISTINCT c.relname), count(*) FILTER (WHERE a.attstattarget <> 0) FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname ~ '^events_2024' AND a.attname IN ('issues', 'verb_text')")" "12|0"
# a story stored again with other actors and another day: its old keys leave every rollup
# (subtracted to nothing, deleted), its new keys come in
gen_stories 3 5 >"$T/three.jsonl"
sed 's/ARNGOV/ZZZGOV/g; s/"date":"2024-\([0-9]*\)-\([0-9]*\)"/"date":"2021-\1-\2"/' "$T/three.jsonl" >"$T/three-moved.jsonl"
pg_createdb replace
$E load --db "$(pg_uri replace)" "$T/three.jsonl" 2>/dev/null && $E load --db "$(pg_uri replace)" "$T/three-moved.jsonl" 2>/dev/null
check "store postgresql: a story stored again elsewhere leaves no empty rollup keys, and rollups equal a recount" \
  "$($E query --db "$(pg_uri replace)" --check); $(pgq replace "SELECT (SELECT count(*) FROM rollup_series WHERE day / 10000 = 2024)
     + (SELECT count(*) FROM rollup_actor_day WHERE actor = 'ARNGOV') + (SELECT count(*) FROM rollup_actor WHERE actor = 'ARNGOV')
     + (SELECT count(*) FROM rollup_dyad_month WHERE month / 100 = 2024) + (SELECT count(*) FROM rollup_dyad WHERE source = 'ARNGOV')
     + (SELECT count(*) FROM rollup_actor_month WHERE actor = 'ARNGOV'), (SELECT count(*) FROM rollup_actor WHERE actor = 'ZZZGOV')")" \
  "rollups: 0 rows differ from a recount of the events; 0|3"
pg_createdb analyse
head -n 50 "$T/big.jsonl" >"$T/head.jsonl"
$E load --db "$(pg_uri analyse)" "$T/head.jsonl" 2>/dev/null
a1=$(pgq analyse "SELECT sum(analyze_count) FROM pg_stat_user_tables WHERE relname IN ('stories', 'events_202402')")
$E load --db "$(pg_uri analyse)" "$T/big.jsonl" 2>/dev/null
a2=$(pgq analyse "SELECT sum(analyze_count) FROM pg_stat_user_tables WHERE relname IN ('stories', 'events_202402')")
$E load --db "$(pg_uri analyse)" "$T/head.jsonl" 2>/dev/null
a3=$(pgq analyse "SELECT sum(analyze_count) FROM pg_stat_user_tables WHERE relname IN ('stories', 'events_202402')")
check "store postgresql: ANALYZE after loads that doubled a table (first, 100-fold), not after a small one" "$a1 $a2 $a3" "2 4 4"
# a later load of newer news adds rollup keys past the end of their statistics: the rollups
# are analysed at a tenth's growth (else the planner reads the new months as empty), the
# stories table, grown by a quarter, is not
pg_createdb newer
awk 'BEGIN { for (i = 0; i < 40; i++) printf "{\"story_id\":\"N-%03d\",\"sentence_index\":0,\"date\":\"2024-01-%02d\",\"source\":\"A%02d\",\"target\":\"B%02d\",\"code\":\"040\",\"quad\":1,\"goldstein\":1.0,\"sentence\":\"A met B.\"}\n", i, i % 28 + 1, i, i }' >"$T/jan.jsonl"
awk 'BEGIN { for (i = 0; i < 10; i++) printf "{\"story_id\":\"M-%03d\",\"sentence_index\":0,\"date\":\"2024-03-%02d\",\"source\":\"A%02d\",\"target\":\"B%02d\",\"code\":\"040\",\"quad\":1,\"goldstein\":1.0,\"sentence\":\"A met B.\"}\n", i, i + 1, i, i }' >"$T/mar.jsonl"
$E load --db "$(pg_uri newer)" "$T/jan.jsonl" 2>/dev/null
n1=$(pgq newer "SELECT string_agg(relname || '=' || analyze_count, ' ' ORDER BY relname) FROM pg_stat_user_tables WHERE relname IN ('stories', 'rollup_dyad_month')")
$E load --db "$(pg_uri newer)" "$T/mar.jsonl" 2>/dev/null
n2=$(pgq newer "SELECT string_agg(relname || '=' || analyze_count, ' ' ORDER BY relname) FROM pg_stat_user_tables WHERE relname IN ('stories', 'rollup_dyad_month')")
check "store postgresql: a load of newer months analyses the rollups it grew by a tenth, not stories grown by a quarter" \
  "$n1 / $n2" "rollup_dyad_month=1 stories=1 / rollup_dyad_month=2 stories=1"
# a page naming more actors than one statement binds (200 codes): answered, every row named
if command -v node >/dev/null 2>&1 && pg_createdb manyactors; then
  awk 'BEGIN { for (i = 0; i < 100; i++) printf "{\"story_id\":\"M-%03d\",\"sentence_index\":0,\"date\":\"2024-01-02\",\"source\":\"A%03d\",\"target\":\"B%03d\",\"code\":\"040\",\"quad\":1,\"goldstein\":1.0,\"sentence\":\"A met B.\"}\n", i, i, i }' >"$T/many.jsonl"
  $E load --db "$(pg_uri manyactors)" "$T/many.jsonl" 2>/dev/null
  serve_up "$(pg_uri manyactors)" "$T/serve3.err"
  got=$(timeout 30 node -e '
    const base = "http://127.0.0.1:" + process.argv[1];
    (async () => {
      const a = await fetch(base + "/api/actors?limit=300"), e = await fetch(base + "/api/events?limit=100");
      const ja = await a.json(), je = await e.json();
      console.log(a.status, e.status, (ja.actors || []).length, (je.events || []).filter((x) => "source_name" in x).length);
    })().catch((err) => console.log("error", err.message));' "$port")
  kill $spid; wait $spid 2>/dev/null
  check "store postgresql: actors and events naming 200 codes (more than a statement binds)" "$got" "200 200 200 100"
fi
# a store of schema version 3 (rollups keyed by quad) is migrated: its rollups rebuilt from
# the events equal a recount
"$PG_BIN/psql" -q -h "$PG_DIR" -p 5433 -U postgres -v ON_ERROR_STOP=1 killtest >"$T/psql.out" 2>&1 <<'SQL' || bad "store postgresql: make a version 3 store" "$(cat "$T/psql.out")"
DROP TABLE rollup_series, rollup_actor_day, rollup_actor_month, rollup_dyad, rollup_dyad_month, rollup_actor;
CREATE TABLE rollup_series (day INTEGER NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, events BIGINT NOT NULL,
  goldstein_milli BIGINT NOT NULL, PRIMARY KEY (day, root, quad));
CREATE TABLE rollup_actor_month (month INTEGER NOT NULL, actor TEXT NOT NULL, quad INTEGER NOT NULL, events BIGINT NOT NULL,
  goldstein_milli BIGINT NOT NULL, PRIMARY KEY (month, actor, quad));
CREATE TABLE rollup_dyad (source TEXT NOT NULL, target TEXT NOT NULL, quad INTEGER NOT NULL, events BIGINT NOT NULL,
  goldstein_milli BIGINT NOT NULL, PRIMARY KEY (source, target, quad));
CREATE TABLE rollup_actor (actor TEXT NOT NULL, quad INTEGER NOT NULL, events BIGINT NOT NULL, goldstein_milli BIGINT NOT NULL,
  PRIMARY KEY (actor, quad));
CREATE INDEX rollup_dyad_target ON rollup_dyad (target);
INSERT INTO rollup_series VALUES (20240101, '11', 3, 999, 0);
UPDATE schema_version SET version = 3;
SQL
# (the newest version: the one a store made by this entente has)
version() { "$PG_BIN/psql" -At -h "$PG_DIR" -p 5433 -U postgres -c 'SELECT version FROM schema_version' "$1"; }
check "store postgresql: a version 3 store is migrated, rollups rebuilt from the events" \
  "$(timeout 120 $E query --db "$(pg_uri killtest)" --check); $(version killtest)" \
  "rollups: 0 rows differ from a recount of the events; $(version fixture)"
exit 0

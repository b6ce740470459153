#!/bin/sh
# bench-store.sh — the event store at scale, on SQLite and on a private PostgreSQL server
# (unix socket, as tests/store/lib.sh starts it): a synthetic corpus of STORE_BENCH_EVENTS
# events (default 1,000,000; bench/gen-store-corpus.awk) is loaded in ten parts, printing
# the rate per part (flat or not); then the database size, `query --agg` times, every API
# endpoint's latency alone and with 20 concurrent clients (bench/store-http.cjs), a kill -9
# during a batched load (rollups must equal a recount, a re-run must leave no duplicates),
# and whether both backends give identical aggregates.  STORE_BENCH_10M=1 runs the same at
# 10 million events (long: hours on a shared 2-core machine).  STORE_BENCH_LOAD_ONLY=1 stops
# after the loads (rates, CPU, size, rollup check), STORE_BENCH_PG_OPTS sets the PostgreSQL
# server's options (default: the README's bulk-load settings), STORE_BENCH_BACKENDS picks the backends
# ("sqlite postgresql"), STORE_BENCH_LOAD_OPTS passes options to every load (such as
# --defer-fts; the full-text index is then built after the last part and timed),
# STORE_BENCH_ONE_LOAD=0 leaves out the one-process load of the whole corpus (one_load),
# STORE_BENCH_TEN_LOADS=0 leaves out the ten loads and all that follows them (the one load alone),
# STORE_BENCH_PG_TRACE=DIR keeps server-side evidence of the PostgreSQL one load in DIR:
# the server's log (checkpoints, autovacuum runs, statements over 1 s, each line stamped
# with the Unix time) and a sample each second of every server process (pg_stat_activity:
# type, state, wait event, query; its CPU seconds so far from /proc), with the load's start
# time, to set beside the loader's report lines (load.err); bench/pg-trace-summary.sh DIR
# sums it up per stretch (server CPU by process kind, waits, autovacuum, checkpoints, the
# full-text index's pending list and its merges).
# STORE_BENCH_ORDER=date generates the stories in date order (as a news archive coded day by
# day arrives) instead of at random dates.  STORE_BENCH_KEEP=PATH keeps the SQLite store
# there afterwards (to measure it again).  Figures only; nothing here passes or fails.
# Timings are wall-clock and move with the machine's load (the 1-minute load average is
# printed with each); CPU seconds are the loader's, plus the PostgreSQL server's; the API
# part also prints the server's CPU time per request.
# Bounded at 10M: the full recount (`query --check`, every rollup against the events; 5
# minutes of server CPU at 1M on PostgreSQL, hours at 10M) runs only up to 1M events or
# with STORE_BENCH_RECOUNT=1; beyond, the kill -9 part checks the totals instead (events,
# and the sums of events and Goldstein thousandths of the three rollups that count each
# event once), which a torn or doubled batch changes.  The aggregates for comparing the
# backends are dumped only when both run.
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
N=${STORE_BENCH_EVENTS:-1000000}
[ "${STORE_BENCH_10M:-0}" = 1 ] && N=10000000
T=$(mktemp -d /tmp/entente-bench-store.XXXXXX)
PG_DIR=""
SPID=""
trap '[ -n "$SPID" ] && kill "$SPID" 2>/dev/null; pg_stop; rm -rf "$T"' EXIT
now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
secs() { echo "$1 $2" | awk '{ printf "%.2f", $2 - $1 }'; }
command -v node >/dev/null 2>&1 || { echo "bench-store: node is needed for the HTTP part"; exit 0; }

echo "bench-store: $N events; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
# ten parts, each ending at a story boundary (loaded by ten `entente load` runs, the
# incremental case; and all at once by one, as a user loads a corpus: one_load)
awk -v n="$N" -v order="${STORE_BENCH_ORDER:-random}" -f bench/gen-store-corpus.awk | awk -v n="$N" -v dir="$T" '
  { match($0, /"story_id":"[^"]*"/); id = substr($0, RSTART, RLENGTH)
    if (id != last && c >= (p + 1) * n / 10 && p < 9) p++
    p += 0
    last = id; c++; print > (dir "/part-" p ".jsonl") }'
echo "bench-store: corpus generated in $(secs "$t0" "$(now)") s ($(cat "$T"/part-*.jsonl | wc -c | awk '{ printf "%.0f MB", $1 / 1e6 }'))"

serve_start() { # URI
  : >"$T/serve.err" # not an earlier server's port (the child truncates the file only once it runs)
  $E serve --db "$1" --port 0 --query-timeout 30000 2>"$T/serve.err" &
  SPID=$!
  PORT=""; i=0
  while [ $i -lt 100 ] && [ -z "$PORT" ]; do
    PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$T/serve.err"); [ -n "$PORT" ] || sleep 0.1; i=$((i + 1))
  done
}

bench_backend() { # NAME URI
  name=$1 uri=$2
  echo "== $name"
  total=0
  for p in 0 1 2 3 4 5 6 7 8 9; do
    f="$T/part-$p.jsonl"
    n=$(wc -l <"$f")
    c0=$(server_cpu)
    t0=$(now); /usr/bin/time -f "%U %S" -o "$T/cpu" $E load ${STORE_BENCH_LOAD_OPTS:-} --db "$uri" "$f" 2>"$T/load.err"; t1=$(now)
    [ "$name" = postgresql ] && sleep 0.5; c1=$(server_cpu) # the backend has ended
    total=$((total + n))
    d=$(secs "$t0" "$t1")
    echo "$name load part $((p + 1))/10: $n events in $d s = $(echo "$n $d" | awk '{ printf "%.0f", $1 / $2 }') events/s" \
      "(cpu $(awk '{ printf "%.1f", $1 + $2 }' "$T/cpu") s$([ "$name" = postgresql ] && echo "$c0 $c1" | awk '{ printf " + server %.1f s", $2 - $1 }');" \
      "$total stored; load $(load))"
    grep -v "events stored" "$T/load.err" | head -3
  done
  if [ -n "${STORE_BENCH_LOAD_OPTS:-}" ]; then
    t0=$(now); $E index --db "$uri" 2>/dev/null; t1=$(now)
    echo "$name index (full-text, after the load): $(secs "$t0" "$t1") s"
  fi
  if [ "${STORE_BENCH_LOAD_ONLY:-0}" = 1 ]; then
    echo "$name after the load: $(rollup_check "$name" "$uri"); $($E query --db "$uri" --count) events (expected $N)"
  fi
  if [ "$name" = sqlite ]; then size=$(du -cb "$uri"* | tail -n 1 | cut -f1)
  else size=$("$PG_BIN/psql" -h "$PG_DIR" -p 5433 -U postgres -At -c "SELECT pg_database_size('bench')" bench); fi
  echo "$name size: $(echo "$size" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
  [ "${STORE_BENCH_LOAD_ONLY:-0}" = 1 ] && return
  for q in "--agg month" "--agg day" "--agg month --by actor" "--agg all --by actor" "--agg all --by dyad" \
           "--agg week --actor USAGOV" "--agg month --by dyad --from 2023-01-01 --to 2023-12-31" "--count --actor USA*"; do
    t0=$(now); $E query --db "$uri" $q >"$T/q.out"; t1=$(now)
    echo "$name query $q: $(secs "$t0" "$t1") s ($(wc -l <"$T/q.out") lines; load $(load))"
  done
  if both_backends; then
    $E query --db "$uri" --agg month --by dyad --format jsonl >"$T/agg-$name.jsonl"
    $E query --db "$uri" --agg day --by actor --format jsonl >>"$T/agg-$name.jsonl"
    $E query --db "$uri" --agg week --dyad 'USA*,CHN*' --format jsonl >>"$T/agg-$name.jsonl"
  fi
  t0=$(now); $E query --db "$uri" --offset $((N * 9 / 10)) --limit 1 --cursor >/dev/null 2>"$T/cursor"; t1=$(now)
  echo "$name query deep page by offset $((N * 9 / 10)): $(secs "$t0" "$t1") s (load $(load))"
  cursor=$(sed -n 's/^cursor: //p' "$T/cursor")
  serve_start "$uri"
  if [ -n "$PORT" ]; then
    echo "$name api: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
    timeout 600 node bench/store-http.cjs "$PORT" "$cursor" "$SPID" | sed "s/^/$name api /"
    echo "$name api: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
  else echo "$name api: serve did not start: $(cat "$T/serve.err")"; fi
  kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=""
  # kill -9 during a batched load (re-loading the last part), then a re-run
  $E load --db "$uri" "$T/part-9.jsonl" 2>/dev/null &
  lp=$!; sleep 2; kill -9 $lp 2>/dev/null; wait $lp 2>/dev/null
  t0=$(now); echo "$name kill -9 during a load: $(rollup_check "$name" "$uri"); $($E query --db "$uri" --count) events (expected $N; checked in $(secs "$t0" "$(now)") s)"
  $E load --db "$uri" "$T/part-9.jsonl" 2>/dev/null
  t0=$(now); echo "$name re-run: $(rollup_check "$name" "$uri"); $($E query --db "$uri" --count) events (expected $N; checked in $(secs "$t0" "$(now)") s)"
}

# rollup_check NAME URI: the full recount up to 1M events (or STORE_BENCH_RECOUNT=1), else
# the totals: every rollup that counts an event once against the events table
rollup_check() {
  if [ "$N" -le 1000000 ] || [ "${STORE_BENCH_RECOUNT:-0}" = 1 ]; then $E query --db "$2" --check; return; fi
  sql="SELECT 'events', count(*), sum(CAST(round(coalesce(goldstein, 0) * 1000) AS BIGINT)) FROM events"
  for r in rollup_series rollup_dyad rollup_dyad_month; do sql="$sql UNION ALL SELECT '$r', sum(events), sum(goldstein_milli) FROM $r"; done
  if [ "$1" = sqlite ]; then
    command -v sqlite3 >/dev/null 2>&1 || { echo "totals not checked (no sqlite3 command)"; return; }
    sqlite3 "$2" "$sql" >"$T/totals"
  else "$PG_BIN/psql" -h "$PG_DIR" -p 5433 -U postgres -At -c "$sql" bench >"$T/totals"; fi
  awk -F'|' 'NR == 1 { n = $2; g = $3 } NR > 1 && ($2 != n || $3 != g) { bad = bad " " $1 }
    END { if (NR < 4) print "totals not read"; else if (bad) print "totals DIFFER in" bad; else print "totals equal: " n " events, Goldstein " g " thousandths, in the events and 3 rollups (no full recount at this size)" }' "$T/totals"
}

# The whole corpus by ONE `entente load` (one process, its cache warm from batch to batch,
# as a user loads a corpus), into a new store: the rate of each stretch of about a tenth (100k
# at 1M) from the loader's own report lines (load --report-every).  A line closes once the
# events written pass each tenth: on SQLite at the first chunk of whole stories (8,192
# events) the writer thread has finished past it, committed or not, so a stretch holds
# the work on its chunks and the commit of each transaction (500k events) that ended in
# it; on PostgreSQL at the first batch (50k) committed past it.  "committed" is what a kill
# at that moment would have left.
one_load() { # NAME URI
  name=$1 uri=$2
  c0=$(server_cpu)
  echo "$name one load of all ten parts: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
  tr=""; [ "$name" = postgresql ] && tr=${STORE_BENCH_PG_TRACE:-}
  [ -n "$tr" ] && pg_trace_start "$tr" "$(echo "$uri" | sed 's|^postgresql:///\([^?]*\).*|\1|')"
  /usr/bin/time -f "%U %S %e" -o "$T/cpu" $E load ${STORE_BENCH_LOAD_OPTS:-} --report-every $((N / 10)) --db "$uri" "$T"/part-*.jsonl 2>"$T/load.err"
  [ -n "$tr" ] && pg_trace_stop "$tr"
  [ "$name" = postgresql ] && sleep 0.5; c1=$(server_cpu)
  sed -n 's/^entente load: report //p' "$T/load.err" | awk -v name="$name" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%s one load: events %d-%d (%d) in %.2f s = %d events/s (cpu %.1f s; %d committed)\n", name, v["events"] - v["interval_events"] + 1,
        v["events"], v["interval_events"], v["interval_seconds"], v["events_per_s"], v["interval_cpu"], v["committed"] }'
  grep -v -e "^entente load: report " -e "events stored" "$T/load.err" | head -3
  echo "$name one load: $(awk '{ printf "%.1f s wall, %.1f s cpu", $3, $1 + $2 }' "$T/cpu")$([ "$name" = postgresql ] && echo "$c0 $c1" | awk '{ printf " + server %.1f s", $2 - $1 }');" \
    "load average after $(cut -d' ' -f1-3 /proc/loadavg); $($E query --db "$uri" --check); $($E query --db "$uri" --count) events (expected $N)"
}

# pg_trace_start DIR DB / pg_trace_stop DIR (STORE_BENCH_PG_TRACE): a sampler of the
# server's processes, one line per process per second into DIR/activity ("epoch pid type
# state wait cpu_seconds query"), and of the full-text GIN index's pending list in DB
# ("epoch gin pending_pages pending_tuples", pageinspect's view of its metapage), bounded to
# 2 hours; stop copies the server's log and the loader's report lines.
pg_trace_start() {
  mkdir -p "$1"; : >"$T/trace.stop"; rm -f "$T/trace.stop"
  echo "load_start $(date +%s.%N)" >"$1/activity"
  "$PG_BIN/psql" -X -q -h "$PG_DIR" -p 5433 -U postgres -c "CREATE EXTENSION IF NOT EXISTS pageinspect" "$2" >/dev/null 2>&1
  ( i=0
    while [ ! -f "$T/trace.stop" ] && [ $i -lt 7200 ]; do
      "$PG_BIN/psql" -X -At -F ' ' -h "$PG_DIR" -p 5433 -U postgres -c "SELECT round(extract(epoch FROM clock_timestamp())::numeric, 2), 'gin',
          n_pending_pages, n_pending_tuples FROM gin_metapage_info(get_raw_page('sentences_tsv', 0))" "$2" 2>/dev/null >>"$1/activity"
      "$PG_BIN/psql" -X -At -F ' ' -h "$PG_DIR" -p 5433 -U postgres -c "SELECT round(extract(epoch FROM clock_timestamp())::numeric, 2), pid,
          replace(backend_type, ' ', '_'), coalesce(replace(state, ' ', '_'), '-'), coalesce(wait_event_type, '') || ':' || coalesce(wait_event, ''),
          left(regexp_replace(coalesce(query, ''), '\s+', ' ', 'g'), 70) FROM pg_stat_activity WHERE pid <> pg_backend_pid()" postgres 2>/dev/null |
        while read -r ts pid ty stt wt q; do
          c=$(awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$pid/stat" 2>/dev/null)
          echo "$ts $pid $ty $stt $wt ${c:-?} $q"
        done >>"$1/activity"
      sleep 1; i=$((i + 1))
    done ) &
  TRPID=$!
}
pg_trace_stop() {
  touch "$T/trace.stop"; wait "$TRPID" 2>/dev/null
  cp "$PG_DIR/server.log" "$1/server.log"; cp "$T/load.err" "$1/load.err"
  echo "postgresql one load: server-side trace kept in $1 (activity, server.log, load.err)"
}

# CPU seconds of the PostgreSQL server's processes that ended so far (the postmaster's
# children: each connection's backend ends with its load); 0 without a server
server_cpu() {
  pm=$([ -n "$PG_DIR" ] && head -n 1 "$PG_DIR/data/postmaster.pid" 2>/dev/null)
  if [ -n "$pm" ]; then awk '{ printf "%.2f", ($14 + $15 + $16 + $17) / 100 }' "/proc/$pm/stat"; else echo 0; fi
}

BACKENDS=${STORE_BENCH_BACKENDS:-sqlite postgresql}
# whether both backends run (each word tested alone: in " sqlite postgresql " one pattern
# *" sqlite "*" postgresql "* cannot match, the space between the names is used once)
both_backends() {
  case " $BACKENDS " in *" sqlite "*) ;; *) return 1 ;; esac
  case " $BACKENDS " in *" postgresql "*) return 0 ;; *) return 1 ;; esac
}
TEN=${STORE_BENCH_TEN_LOADS:-1}
case " $BACKENDS " in *" sqlite "*)
  [ "$TEN" = 1 ] && bench_backend sqlite "$T/bench.db"
  if [ -n "${STORE_BENCH_KEEP:-}" ]; then
    $E query --db "$T/bench.db" --count >/dev/null # the last handle checkpoints the WAL away
    mv "$T/bench.db" "$STORE_BENCH_KEEP" && echo "bench-store: SQLite store kept as $STORE_BENCH_KEEP"
  fi
  rm -f "$T"/bench.db*
  [ "${STORE_BENCH_ONE_LOAD:-1}" = 1 ] && one_load sqlite "$T/one.db"
  rm -f "$T"/one.db* ;;
esac
case " $BACKENDS " in *" postgresql "*) ;; *) echo "bench-store: machine load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0 ;; esac
# the server's settings for bulk loads that the README's "Loading and scale" recommends (a
# larger buffer cache than the default 128 MB, WAL room for a load between checkpoints and
# no checkpoint by the clock in the middle of one, page images compressed by lz4: pglz,
# what "on" means, doubled the server's CPU for the parts after a checkpoint);
# STORE_BENCH_PG_OPTS replaces them ("" for PostgreSQL's defaults)
PG_SERVER_OPTS=${STORE_BENCH_PG_OPTS--c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=30min -c wal_compression=lz4}
[ -n "${STORE_BENCH_PG_TRACE:-}" ] && PG_SERVER_OPTS="$PG_SERVER_OPTS -c log_checkpoints=on -c log_autovacuum_min_duration=0 -c log_min_duration_statement=1000 -c log_line_prefix='%n [%p] '"
echo "postgresql: private server on a unix socket, fsync=off, ${PG_SERVER_OPTS:-default settings}"
if pg_start; then
  [ "$TEN" = 1 ] && pg_createdb bench && bench_backend postgresql "$(pg_uri bench)"
  [ "${STORE_BENCH_ONE_LOAD:-1}" = 1 ] && pg_createdb bench_one && one_load postgresql "$(pg_uri bench_one)"
  if ! both_backends; then
    : # one backend only: nothing to compare
  elif [ ! -f "$T/agg-sqlite.jsonl" ] || [ ! -f "$T/agg-postgresql.jsonl" ]; then
    echo "aggregates: not compared (a backend's aggregates were not dumped: loads only, or its part stopped early)"
  elif cmp -s "$T/agg-sqlite.jsonl" "$T/agg-postgresql.jsonl"; then
    echo "aggregates: identical on SQLite and PostgreSQL ($(wc -l <"$T/agg-sqlite.jsonl") rows: month x dyad, day x actor, week for USA*-CHN*)"
  else
    echo "aggregates: DIFFER between SQLite and PostgreSQL:"; diff "$T/agg-sqlite.jsonl" "$T/agg-postgresql.jsonl" | head -5
  fi
else
  echo "postgresql: skipped ($PG_WHY)"
fi
echo "bench-store: machine load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

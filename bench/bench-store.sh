#!/bin/sh
# bench-store.sh — event store throughput: loading synthetic stories (one transaction
# each) into SQLite and into a private PostgreSQL server, and the time of typical queries.
# Prints figures only; nothing here passes or fails.
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-bench-store.XXXXXX)
PG_DIR=""
trap 'pg_stop; rm -rf "$T"' EXIT
N=${STORE_BENCH_STORIES:-5000}
gen_stories "$N" 5 >"$T/stories.jsonl"
now() { date +%s.%N; }
rate() { echo "$1 $2 $3" | awk '{ d = $2 - $1; printf "%.2f s, %.0f stories/s", d, (d > 0 ? $3 / d : 0) }'; }
bench_uri() { # NAME URI
  t0=$(now); $E load --db "$2" "$T/stories.jsonl" 2>/dev/null; t1=$(now)
  echo "store $1: first load of $N stories ($((N * 5)) events): $(rate "$t0" "$t1" "$N")"
  t0=$(now); $E load --db "$2" "$T/stories.jsonl" 2>/dev/null; t1=$(now)
  echo "store $1: re-load (replacing every story): $(rate "$t0" "$t1" "$N")"
  for q in "--agg month --by actor" "--agg week --by dyad" "--dyad ARNGOV,GONGOV --limit 50" "--count --actor MORMIL --quad 4"; do
    t0=$(now); $E query --db "$2" $q >/dev/null; t1=$(now)
    echo "store $1: query $q: $(echo "$t0 $t1" | awk '{ printf "%.3f s", $2 - $1 }')"
  done
}
bench_uri sqlite "$T/bench.db"
if pg_start; then pg_createdb bench && bench_uri postgresql "$(pg_uri bench)"; else echo "store postgresql: skipped ($PG_WHY)"; fi

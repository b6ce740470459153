#!/bin/sh
# serve-pg-pool.sh — serve's pool of PostgreSQL connections (src/serve, store.c
# ent_store_open_reader, db.c): every pooled connection is read-only, runs without parallel
# workers or JIT, and has planned the event listing once (its catalog caches warm) before
# it answers a request; the answers are the same as from SQLite.  The server logs every
# statement (log_statement=all) and the log is read back.
. tests/store/lib.sh
SPID=""
script_cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; }
FIX=tests/store/fixtures/events-meta.jsonl
if ! command -v curl >/dev/null 2>&1; then skip "serve-pg-pool" "curl not installed"; exit 0; fi
PG_SERVER_OPTS="-c log_statement=all -c log_line_prefix=%p:"
pg_script serve-pg-pool
pg_createdb pool || { bad "serve-pg-pool: createdb"; exit 1; }
PQ=$(pg_uri pool)
$E load --db "$PQ" $FIX 2>/dev/null && $E load --db "$T/pool.db" $FIX 2>/dev/null || { bad "serve-pg-pool: load"; exit 1; }

log="$PG_DIR/server.log"
n0=$(wc -l <"$log")
serve_start "$PQ" "$T/serve.err" --pool 3
if [ -z "$PORT" ]; then bad "serve-pg-pool: serve did not start" "$(cat "$T/serve.err")"; exit 1; fi
tail -n +$((n0 + 1)) "$log" >"$T/start.log"
# the backends (log prefix "PID:") that ran each statement, before any request
pids() { grep -F "$1" "$T/start.log" | cut -d: -f1 | sort -u | wc -l; }
check "serve-pg-pool: each of the 3 pooled connections is read-only, without parallel workers or JIT" \
  "$(pids "SET default_transaction_read_only = on; SET max_parallel_workers_per_gather = 0; SET jit = off")" 3
check "serve-pg-pool: each pooled connection planned the event listing and every rollup before a request" \
  "$(pids "EXPLAIN SELECT 1 FROM events e LEFT JOIN sentences s") $(pids "EXPLAIN SELECT 1 FROM rollup_actor e WHERE")" "3 3"
check "serve-pg-pool: the warming plans ran nothing (EXPLAIN only)" \
  "$(grep -F "EXPLAIN" "$T/start.log" | grep -c "ANALYZE")" 0
a=$(curl -s "http://127.0.0.1:$PORT/api/events?limit=5&actor=ARNGOV")
kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=""
serve_start "$T/pool.db" "$T/serve-lite.err" --pool 3
b=$(curl -s "http://127.0.0.1:$PORT/api/events?limit=5&actor=ARNGOV")
check "serve-pg-pool: a listing through a warmed connection equals SQLite's" "$([ -n "$a" ] && [ "$a" = "$b" ] && echo same)" same

#!/bin/sh
# explore-pg.sh — the explorer's endpoints on PostgreSQL (a private server started here):
# tests/store/explorer-api-test.cjs passes against a PostgreSQL store as it does on SQLite
# (full-text search through the tsvector index, names, counts, stories, downloads), and
# both backends give byte-identical answers to the same explorer requests.
. tests/store/lib.sh
SPID=""
script_cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; }
FIX=tests/store/fixtures/events-meta.jsonl
DICTS=tests/store/fixtures/dicts

if ! command -v node >/dev/null 2>&1; then skip "explore postgresql" "node not installed"; exit 0; fi
pg_script explore-pg
pg_createdb explore || { bad "explore postgresql: createdb"; exit 1; }
PQ=$(pg_uri explore)
SQ="$T/explore.db"
for uri in "$PQ" "$SQ"; do
  $E load --db "$uri" --dicts $DICTS $FIX 2>"$T/load.err" || { bad "explore: load $uri" "$(cat "$T/load.err")"; exit 1; }
done

stop() { kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=""; }
dump() { # the answers to the explorer's requests
  timeout 30 node -e '
    const base = "http://127.0.0.1:" + process.argv[1];
    (async () => { for (const p of ["/api/events?q=gondor&sort=desc", "/api/events?q=attack&actor=MORMIL", "/api/counts?q=gondor",
      "/api/counts?actor=ARN*", "/api/story?id=ST-4", "/api/actors", "/api/export?format=csv&sort=desc", "/api/export?format=jsonl&q=river"])
      { let text = null, why = "";
        for (let i = 0; i < 3 && text === null; i++) {   /* a loaded machine may drop a connection */
          try { text = await (await fetch(base + p)).text(); }
          catch (e) { why = String(e.cause || e); await new Promise((r) => setTimeout(r, 1000)); } }
        console.log(p + "\n" + (text === null ? "request failed 3 times: " + why : text)); } })();' "$PORT"
}

serve_start "$PQ" "$T/serve.err"
if [ -z "$PORT" ]; then bad "explore postgresql: serve did not start" "$(cat "$T/serve.err")"; exit 1; fi
timeout 120 node tests/store/explorer-api-test.cjs "$PORT" | sed 's/^\(ok\|FAIL\) explorer api /\1 explorer api (postgresql) /'
stop

# the warm pool: serve opens --pool handles (server connections) before the first request,
# and every API answer then says, besides its own times, the PostgreSQL backend's work for
# it (db, dbrunq: the server runs on this machine)
psql_n() { "$PG_BIN/psql" -h "$PG_DIR" -p 5433 -U postgres -At -c "$1" explore; }
serve_start "$PQ" "$T/serve.err" --pool 4
if [ -z "$PORT" ]; then bad "serve --pool 4 did not start" "$(cat "$T/serve.err")"
else
  # (the backends of the servers stopped before end on their own time: wait up to 5 s)
  i=0
  while [ $i -lt 50 ] && [ "$(psql_n "SELECT count(*) FROM pg_stat_activity WHERE datname = 'explore' AND backend_type = 'client backend'")" != 6 ]; do
    sleep 0.1; i=$((i + 1))
  done
  check "serve --pool 4: connections open before any request (1 + 4 + this psql)" \
    "$(psql_n "SELECT count(*) FROM pg_stat_activity WHERE datname = 'explore' AND backend_type = 'client backend'")" 6
  timeout 30 node -e '
    (async () => { for (const p of ["/api/counts", "/api/network", "/api/events?limit=5"]) {
      const r = await fetch("http://127.0.0.1:" + process.argv[1] + p); await r.text();
      console.log(r.headers.get("server-timing")); } })();' "$PORT" >"$T/timing" 2>&1
  t=$(awk -F', ' '{ for (i = 1; i <= NF; i++) { split($i, kv, ";dur="); v[kv[1]] = kv[2] + 0; has[kv[1]] = 1 }
      print (has["db"] && has["dbrunq"] && v["db"] > 0 && v["open"] == 0 && v["db"] <= v["total"] + 1 && has["blocked"]) ? "yes" : "no: " $0 }' "$T/timing" | sort -u)
  check "serve on PostgreSQL: Server-Timing has the backend's own work (db > 0, dbrunq), no handle opened (warm pool)" "$t" yes
  stop
fi
# a warm pool the server cannot give: a clear message naming --pool, not a half-started server
psql_n "CREATE ROLE lim LOGIN CONNECTION LIMIT 3; GRANT pg_read_all_data TO lim" >/dev/null
LQ=$(echo "$PQ" | sed 's/user=postgres/user=lim/')
$E serve --db "$LQ" --port 0 --pool 5 >"$T/lim.out" 2>&1 &
lp=$!; i=0
while [ $i -lt 100 ] && kill -0 $lp 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if kill -0 $lp 2>/dev/null; then kill $lp; wait $lp 2>/dev/null; bad "serve --pool 5 over a 3-connection limit kept running" "$(cat "$T/lim.out")"
else
  wait $lp; rc=$?
  grep -q "cannot open database handle 3 of the pool's 5 (a smaller --pool" "$T/lim.out" && [ $rc -ne 0 ] &&
    ok "serve --pool 5 over a 3-connection limit: refuses to start, naming the handle and --pool (exit $rc)" ||
    bad "serve --pool 5 over a 3-connection limit" "exit $rc: $(cat "$T/lim.out")"
fi
serve_start "$LQ" "$T/serve.err" --pool 2
[ -n "$PORT" ] && ok "serve --pool 2 within the limit starts" || bad "serve --pool 2 within a 3-connection limit" "$(cat "$T/serve.err")"
stop
# aggregates read whole from a rollup in key order stream through a cursor on PostgreSQL,
# 1000 rows a fetch: more rows than one fetch (month x dyad), undated rows last, and a day
# series for one actor answer as on SQLite
awk 'BEGIN { for (s = 0; s < 1500; s++) {
    d = (s % 7 == 0) ? "" : sprintf("\"date\":\"20%02d-%02d-%02d\",", 22 + int(s / 600), 1 + s % 12, 1 + s % 28)
    printf "{\"story_id\":\"M-%d\",\"sentence_index\":0,%s\"source\":\"A%02d\",\"target\":\"B%02d\",\"code\":\"040\",\"quad\":1,\"goldstein\":1.0,\"sentence\":\"Story %d.\"}\n", s, d, s % 37, s % 41, s } }' >"$T/many.jsonl"
pg_createdb many || bad "createdb many"
for uri in "$(pg_uri many)" "$T/many.db"; do $E load --db "$uri" "$T/many.jsonl" 2>/dev/null || bad "load many into $uri"; done
for q in "--agg month --by dyad" "--agg month --by dyad --from 2023-01-01" "--agg day --actor A01" "--agg month --by actor"; do
  $E query --db "$(pg_uri many)" $q >"$T/many.pg" 2>&1; $E query --db "$T/many.db" $q >"$T/many.lite" 2>&1
  if cmp -s "$T/many.pg" "$T/many.lite" && [ "$(grep -c . "$T/many.pg")" -gt 20 ]; then ok "query $q: PostgreSQL (cursor) = SQLite ($(wc -l <"$T/many.pg") lines)"
  else bad "query $q: PostgreSQL and SQLite differ" "$(diff "$T/many.pg" "$T/many.lite" | head -3 | tr '\n' ' ')"; fi
done
n=$($E query --db "$(pg_uri many)" --agg month --by dyad | wc -l)
[ "$n" -gt 1001 ] && tail -n 1 "$T/many.pg" >/dev/null && ok "month x dyad: $n lines, more than one fetch" || bad "month x dyad lines" "$n"
$E query --db "$(pg_uri many)" --agg month --by dyad | awk -F, 'NR > 1 && $1 == "unknown" { u++ } NR > 1 && $1 != "unknown" && u { bad = 1 } END { exit bad || !u }' &&
  ok "month x dyad on PostgreSQL: undated rows last" || bad "month x dyad on PostgreSQL: a dated row after an undated one"
# both backends' answers, compared; on a loaded machine a query may hit the server's time
# limit (a 503 on one side), so a difference is looked at again once before it counts
compare() {
  serve_start "$PQ" "$T/serve.err"; dump >"$T/pg.out" 2>&1; stop
  serve_start "$SQ" "$T/serve.err"; dump >"$T/sqlite.out" 2>&1; stop
  grep -q '"sentences"' "$T/pg.out" && cmp -s "$T/sqlite.out" "$T/pg.out"
}
if compare || compare; then
  ok "explore: SQLite and PostgreSQL answer the explorer's requests identically ($(wc -c <"$T/pg.out") bytes)"
else
  bad "explore: SQLite and PostgreSQL differ"; diff "$T/sqlite.out" "$T/pg.out" | head -10
fi
exit 0

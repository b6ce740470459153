#!/bin/sh
# explore-pg.sh — the explorer's endpoints on PostgreSQL (a private server started here):
# tests/store/explorer-api-test.cjs passes against a PostgreSQL store as it does on SQLite
# (full-text search through the tsvector index, names, counts, stories, downloads), and
# both backends give byte-identical answers to the same explorer requests.
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-explore-pg.XXXXXX)
PG_DIR=""
SPID=""
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; pg_stop; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
FIX=tests/store/fixtures/events-meta.jsonl
DICTS=tests/store/fixtures/dicts

if ! command -v node >/dev/null 2>&1; then skip "explore postgresql" "node not installed"; exit 0; fi
if ! pg_start; then skip "explore postgresql" "$PG_WHY"; exit 0; fi
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

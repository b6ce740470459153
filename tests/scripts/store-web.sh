#!/bin/sh
# store-web.sh — 'entente serve' on the fixture database: the JSON API answers good
# requests with the right numbers and bad ones with 4xx (tests/store/api-test.cjs), and the
# page renders in headless chromium via playwright-core (tests/store/browser-test.cjs).
# The fixture is loaded with its story metadata and with actor names from tests/store/fixtures/dicts;
# the explorer's own endpoints are checked by tests/store/explorer-api-test.cjs.
# playwright-core is installed from npm into $BUILD/npm-store on first use (never committed).
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-web.XXXXXX)
SPID=""
SPID2=""
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; [ -n "$SPID2" ] && kill "$SPID2" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM

if ! command -v node >/dev/null 2>&1; then skip "store web" "node not installed (sh scripts/install-deps.sh --test installs it)"; exit 0; fi
$E load --db "$T/web.db" --dicts tests/store/fixtures/dicts tests/store/fixtures/events-meta.jsonl 2>/dev/null || { bad "store web: load fixture"; exit 1; }
: >"$T/serve.err" # exists before the server's shell opens it (the port loop reads it)
serve_start "$T/web.db" "$T/serve.err"
if [ -z "$PORT" ]; then bad "store web: serve did not start" "$(cat "$T/serve.err")"; exit 1; fi
ok "store web: serve listens on 127.0.0.1 (port $PORT)"

timeout 120 node tests/store/api-test.cjs "$PORT"
timeout 120 node tests/store/explorer-api-test.cjs "$PORT"

# slowloris (issue 16 P9) on a second server with a 3 s header deadline
: >"$T/serve2.err"
SPID1=$SPID; PORT1=$PORT
serve_start "$T/web.db" "$T/serve2.err" --header-timeout 3
SPID2=$SPID; PORT2=$PORT; SPID=$SPID1; PORT=$PORT1
if [ -z "$PORT2" ]; then bad "store web: second serve did not start" "$(cat "$T/serve2.err")"
else timeout 30 node tests/store/slowloris-test.cjs "$PORT2" 3; fi
kill "$SPID2" 2>/dev/null; wait "$SPID2" 2>/dev/null

# browser test
if [ ! -x /usr/bin/chromium ]; then
  skip "store browser" "/usr/bin/chromium not installed (sh scripts/install-deps.sh --test installs it)"
else
  PW=$(pwd)/$BUILD/npm-store
  if [ ! -f "$PW/node_modules/playwright-core/package.json" ]; then
    timeout 300 npm install --prefix "$PW" --no-save --no-audit --no-fund --loglevel=error playwright-core@1.65.1 >"$T/npm.log" 2>&1 ||
      { bad "store browser: npm install playwright-core" "$(tail -n 3 "$T/npm.log" | tr '\n' ' ')"; exit 1; }
  fi
  timeout 300 node tests/store/browser-test.cjs "$PW/node_modules/playwright-core" "http://127.0.0.1:$PORT/" "$(pwd)/$BUILD" "$T/profile"
fi

# an event stored with an empty source (issue 16 P13): the API never hands the page an
# empty actor code, so the explorer keeps working
printf '%s\n' '{"story_id":"E-1","date":"2024-01-02","source":"","target":"GONGOV","code":"111","sentence":"Someone criticised Gondor."}' \
  '{"story_id":"E-1","date":"2024-01-02","source":"ARNGOV","target":"","code":"057","sentence":"Arnor signed."}' >"$T/empty.jsonl"
$E load --db "$T/web.db" "$T/empty.jsonl" 2>/dev/null || bad "store web: load an event with an empty source"
cat >"$T/p13.cjs" <<'JS'
const http = require('http');
const port = Number(process.argv[2]);
const get = (p) => new Promise((res) => http.get({ port, host: '127.0.0.1', path: p }, (r) => {
  let b = ''; r.on('data', (d) => { b += d; }); r.on('end', () => res([r.statusCode, b]));
}).on('error', () => res([0, ''])));
(async () => {
  let bad = 0;
  for (const p of ['/api/events?story=E-1', '/api/network', '/api/actors', '/api/series?actor=GONGOV']) {
    const [st, b] = await get(p);
    let j = null;
    try { j = JSON.parse(b); } catch (e) { /* reported below */ }
    const ids = j ? [...(j.events || []).flatMap((e) => [e.source, e.target]), ...(j.nodes || []).map((n) => n.id),
      ...(j.edges || []).flatMap((e) => [e.source, e.target]), ...(j.actors || []).map((a) => a.id)] : [];
    if (st === 200 && j && !ids.includes('')) console.log('ok store web: ' + p + ' with an empty-source event: no empty actor code');
    else { bad++; console.log('FAIL store web: ' + p + ' with an empty-source event: status ' + st + ' ' + b.slice(0, 120)); }
  }
  const [, b] = await get('/api/events?story=E-1');
  const ev = JSON.parse(b).events.map((e) => e.source + '>' + e.target).join(' ');
  if (ev === '--->GONGOV ARNGOV>---') console.log('ok store web: empty actor codes are stored as ---');
  else console.log('FAIL store web: empty actor codes: ' + ev);
})();
JS
timeout 30 node "$T/p13.cjs" "$PORT"

if kill -0 "$SPID" 2>/dev/null; then ok "store web: server survived every request"; else bad "store web: server died" "$(tail -n 3 "$T/serve.err")"; fi
kill "$SPID"; wait "$SPID" 2>/dev/null; SPID=""
grep -q "entente serve: stopped" "$T/serve.err" && ok "store web: serve stops cleanly on SIGTERM" || bad "store web: serve stop" "$(tail -n 2 "$T/serve.err")"
exit 0

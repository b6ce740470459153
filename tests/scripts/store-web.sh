#!/bin/sh
# store-web.sh — 'entente serve' on the fixture database: the JSON API answers good
# requests with the right numbers and bad ones with 4xx (tests/store/api-test.cjs), and the
# page renders in headless chromium via playwright-core (tests/store/browser-test.cjs).
# playwright-core is installed from npm into $BUILD/npm-store on first use (never committed).
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-web.XXXXXX)
SPID=""
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM

if ! command -v node >/dev/null 2>&1; then skip "store web" "node not installed (sh scripts/install-deps.sh --test installs it)"; exit 0; fi
$E load --db "$T/web.db" tests/store/fixtures/events.jsonl 2>/dev/null || { bad "store web: load fixture"; exit 1; }
$E serve --db "$T/web.db" --port 0 2>"$T/serve.err" &
SPID=$!
PORT=""
i=0
while [ $i -lt 50 ] && [ -z "$PORT" ]; do
  PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$T/serve.err")
  [ -n "$PORT" ] || sleep 0.1
  i=$((i + 1))
done
if [ -z "$PORT" ]; then bad "store web: serve did not start" "$(cat "$T/serve.err")"; exit 1; fi
ok "store web: serve listens on 127.0.0.1 (port $PORT)"

timeout 120 node tests/store/api-test.cjs "$PORT"

# browser test
if [ ! -x /usr/bin/chromium ]; then
  skip "store browser" "/usr/bin/chromium not installed (sh scripts/install-deps.sh --test installs it)"
else
  PW=$(pwd)/$BUILD/npm-store
  if [ ! -f "$PW/node_modules/playwright-core/package.json" ]; then
    timeout 300 npm install --prefix "$PW" --no-save --no-audit --no-fund --loglevel=error playwright-core@1.65.1 >"$T/npm.log" 2>&1 ||
      { bad "store browser: npm install playwright-core" "$(tail -n 3 "$T/npm.log" | tr '\n' ' ')"; exit 1; }
  fi
  SHOT=$(pwd)/$BUILD/explorer.png
  timeout 180 node tests/store/browser-test.cjs "$PW/node_modules/playwright-core" "http://127.0.0.1:$PORT/" "$SHOT" "$T/profile"
fi

if kill -0 "$SPID" 2>/dev/null; then ok "store web: server survived every request"; else bad "store web: server died" "$(tail -n 3 "$T/serve.err")"; fi
kill "$SPID"; wait "$SPID" 2>/dev/null; SPID=""
grep -q "entente serve: stopped" "$T/serve.err" && ok "store web: serve stops cleanly on SIGTERM" || bad "store web: serve stop" "$(tail -n 2 "$T/serve.err")"
exit 0

#!/bin/sh
# bench-http-cpu.sh — bench/store-http.cjs reads the server's CPU from the process it is
# given and every process under it: given the PID of a wrapper (here `timeout`, which
# forks the server) it must count the server's time, not print "the server used 0.0 of N
# cores"; given no PID it says the figure came from the requests' own CPU.  A small
# SQLite store, 240 requests (a few seconds).
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-bench-cpu.XXXXXX)
WPID=""
cleanup() { [ -n "$WPID" ] && kill "$WPID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
if ! command -v node >/dev/null 2>&1; then skip "bench-http-cpu" "node not installed"; exit 0; fi
gen_stories 300 5 >"$T/s.jsonl"
$E load --db "$T/s.db" "$T/s.jsonl" 2>/dev/null || { bad "bench-http-cpu: load"; exit 1; }
timeout 120 $E serve --db "$T/s.db" --port 0 2>"$T/serve.err" &
WPID=$!
PORT=""; i=0
while [ $i -lt 100 ] && [ -z "$PORT" ]; do
  PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$T/serve.err"); [ -n "$PORT" ] || sleep 0.1; i=$((i + 1))
done
if [ -z "$PORT" ]; then bad "bench-http-cpu: serve did not start" "$(cat "$T/serve.err")"; exit 1; fi
timeout 120 node bench/store-http.cjs "$PORT" "" "$WPID" >"$T/wrapped.out"
line=$(grep "requests in flight" "$T/wrapped.out")
used=$(echo "$line" | sed -n 's/.*the server used \([0-9.]*\) of.*/\1/p')
check "bench-http-cpu: given a wrapper's PID, the server's CPU is read from its child (entente counted)" \
  "$(echo "$line" | grep -c 'read from timeout, entente (pid')" 1
check "bench-http-cpu: and the cores used are more than 0.0" "$(echo "$used" | awk '{ print ($1 > 0) }')" 1
timeout 120 node bench/store-http.cjs "$PORT" "" >"$T/nopid.out"
check "bench-http-cpu: given no PID, the figure comes from the requests' own CPU, and says so" \
  "$(grep -c "from the requests' own CPU: the reading of pid (none given)" "$T/nopid.out")" 1

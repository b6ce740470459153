#!/bin/sh
# run.sh — the one test command behind `make check` (and .ci/run).
#  1. unit tests (build/unit-tests)
#  2. data-file cases: tests/cases/<name>/ holds `cmd` (a shell line run from the repo root
#     with $ENTENTE = the CLI and $SHARED = the shared dir), optional `stdin`, `expected`
#     (exact stdout), `expected-stderr` (exact stderr), `exit` (expected status, default 0),
#     `needs-shared` (skip with a message when ../shared is absent).
#  3. tests/scripts/*.sh (servers, databases, browser): their ok/FAIL/skip lines are counted.
# Closes with "N passed, N failed, N skipped" summed over all parts.
BUILD=${BUILD:-build}
ENTENTE=$(pwd)/$BUILD/entente
SHARED=${ENTENTE_SHARED:-../shared}
export ENTENTE SHARED ENTENTE_SHARED="$SHARED"
[ -d "$SHARED" ] || echo "note: shared reference data not found at $SHARED (set ENTENTE_SHARED); tests that need it are skipped"
pass=0; fail=0; skip=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$BUILD/unit-tests" >"$tmp/unit.out" 2>&1
cat "$tmp/unit.out"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$tmp/unit.out" | tail -n 1)
p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
if [ -n "$p" ]; then set -- $p; pass=$((pass+$1)); fail=$((fail+$2)); skip=$((skip+$3));
else echo "FAIL unit-tests: crashed or printed no summary"; fail=$((fail+1)); fi

for d in tests/cases/*/; do
  [ -f "$d/cmd" ] || continue
  name=$(basename "$d")
  if [ -f "$d/needs-shared" ] && [ ! -d "$SHARED/petrarch" ]; then
    echo "skip case $name: needs $SHARED"; skip=$((skip+1)); continue
  fi
  want_exit=0; [ -f "$d/exit" ] && want_exit=$(cat "$d/exit")
  if [ -f "$d/stdin" ]; then sh "$d/cmd" <"$d/stdin" >"$tmp/out" 2>"$tmp/err"; else sh "$d/cmd" </dev/null >"$tmp/out" 2>"$tmp/err"; fi
  got_exit=$?
  ok=1; why=""
  [ "$got_exit" = "$want_exit" ] || { ok=0; why="exit $got_exit, expected $want_exit"; }
  if [ $ok = 1 ] && [ -f "$d/expected" ] && ! cmp -s "$d/expected" "$tmp/out"; then ok=0; why="stdout differs"; diff "$d/expected" "$tmp/out" | head -20; fi
  if [ $ok = 1 ] && [ -f "$d/expected-stderr" ] && ! cmp -s "$d/expected-stderr" "$tmp/err"; then ok=0; why="stderr differs"; diff "$d/expected-stderr" "$tmp/err" | head -20; fi
  if [ $ok = 1 ]; then echo "ok case $name"; pass=$((pass+1)); else echo "FAIL case $name: $why"; head -5 "$tmp/err"; fail=$((fail+1)); fi
done

# 3. test scripts: tests/scripts/*.sh print "ok NAME" / "FAIL NAME" / "skip NAME: why" lines;
#    they are counted, and a script that exits non-zero without a FAIL line counts as one.
for s in tests/scripts/*.sh; do
  [ -f "$s" ] || continue
  BUILD=$BUILD sh "$s" >"$tmp/script.out" 2>&1 </dev/null
  rc=$?
  cat "$tmp/script.out"
  sp=$(grep -c '^ok ' "$tmp/script.out"); sf=$(grep -c '^FAIL ' "$tmp/script.out"); sk=$(grep -c '^skip ' "$tmp/script.out")
  pass=$((pass+sp)); fail=$((fail+sf)); skip=$((skip+sk))
  if [ "$rc" != 0 ] && [ "$sf" = 0 ]; then echo "FAIL script $s: exit $rc"; fail=$((fail+1)); fi
done

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]

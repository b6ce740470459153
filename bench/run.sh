#!/bin/sh
# run.sh — `make bench`: runs every bench/bench-*.sh in turn.  Each benchmark prints its own
# figures (rates as ratios side by side in one run, never as timed unit tests).
BUILD=${BUILD:-build}
export BUILD ENTENTE_SHARED="${ENTENTE_SHARED:-../shared}"
for b in bench/bench-*.sh; do
  [ -f "$b" ] || continue
  echo "== $b"
  sh "$b" || echo "bench $b failed (exit $?)"
done

#!/bin/sh
# bench-gsr.sh — entente against the PLOVER gold-standard records (real news sentences with a
# gold PLOVER category and gold actors): the share of records where one event has the gold
# category and a gold source country.  Scoring rules: bench/gsr-score.cjs.
# Usage: sh bench/bench-gsr.sh [-q] [--dicts DIR] [--min PCT] [GSR.json]
#   default GSR file: $ENTENTE_SHARED/plover/PLOVER_GSR_CAMEO.dev.json (ENTENTE_SHARED=../shared)
#   -q         figures only, no list of misses
#   --dicts    code with the dictionaries in DIR instead of the bundled set
#   --min PCT  exit 1 when the figure is below PCT
set -e
BUILD=${BUILD:-build}
ENTENTE=${ENTENTE:-$BUILD/entente}
SHARED=${ENTENTE_SHARED:-../shared}
gsr=$SHARED/plover/PLOVER_GSR_CAMEO.dev.json; min=; quiet=; dicts=
while [ $# -gt 0 ]; do
  case "$1" in
    -q) quiet=1 ;;
    --min) min=$2; shift ;;
    --dicts) dicts=$2; shift ;;
    -*) echo "bench-gsr: unknown option $1" >&2; exit 2 ;;
    *) gsr=$1 ;;
  esac
  shift
done
[ -x "$ENTENTE" ] || { echo "bench-gsr: $ENTENTE not built (run make)" >&2; exit 1; }
if [ ! -f "$gsr" ]; then echo "skip bench-gsr: $gsr not found (set ENTENTE_SHARED)"; exit 0; fi
command -v node >/dev/null 2>&1 || { echo "skip bench-gsr: node not installed"; exit 0; }
t1=$SHARED/cameo/CAMEO2PLOVER-2021.txt; t2=$SHARED/cameo/CAMEO-PLOV-2021-07.txt
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
here=$(dirname "$0")
node "$here/gsr-score.cjs" make "$gsr" >"$tmp/in.jsonl"
if [ -n "$dicts" ]; then set -- --dicts "$dicts"; else set --; fi
"$ENTENTE" code --input jsonl --format tsv "$@" "$tmp/in.jsonl" >"$tmp/out.tsv"
GSR_QUIET=$quiet node "$here/gsr-score.cjs" score "$gsr" "$tmp/out.tsv" "$t1" "$t2" >"$tmp/score.txt"
grep -v '^GSR_RIGHT=' "$tmp/score.txt"
pct=$(sed -n 's/^GSR records: \([0-9]*\);.* = \([0-9.]*\)%$/\2/p' "$tmp/score.txt")
if [ -n "$min" ] && awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p < m) }'; then
  echo "bench-gsr: $pct% is below the floor $min%" >&2; exit 1
fi

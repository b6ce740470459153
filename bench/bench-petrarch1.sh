#!/bin/sh
# bench-petrarch1.sh — agreement with PETRARCH-1 on parsed sentences: entente codes the
# <Parse> of every record of a PETRARCH XML file (e.g. the GigaWord sample that ships with
# PETRARCH-1) with the public dictionaries, and the events are compared with PETRARCH-1's
# own output for the same file (its event lines: date, source, target, code, issues,
# sentence id, source name).  Events compare as (sentence id, source, target, code)
# multisets.  Prints the counts (PETRARCH-1, entente, the same), the differing ids by
# cause class as bench/petrarch1-differences.md lists them, and every difference.
# Usage: sh bench/bench-petrarch1.sh [-q] [FILE.xml [PETRARCH1-EVENTS.tsv]]
#   FILE.xml  the parsed records (also $PETR_XML); without it the bench is skipped
#   PETRARCH1-EVENTS.tsv  default $ENTENTE_SHARED/petrarch/reference/petrarch1.gigaword.events.tsv
#   -q        counts only
#   ENTENTE_DICTS (default $ENTENTE_SHARED/petrarch/dictionaries) names the dictionaries.
set -e
BUILD=${BUILD:-build}
ENTENTE=${ENTENTE:-$BUILD/entente}
SHARED=${ENTENTE_SHARED:-../shared}
quiet=0
[ "$1" = "-q" ] && { quiet=1; shift; }
xml=${1:-$PETR_XML}
ref=${2:-$SHARED/petrarch/reference/petrarch1.gigaword.events.tsv}
dicts=${ENTENTE_DICTS:-$SHARED/petrarch/dictionaries}
if [ -z "$xml" ]; then
  echo "bench-petrarch1: skipped (give the parsed PETRARCH XML file, e.g." \
       "sh bench/bench-petrarch1.sh $SHARED/petrarch/records/GigaWord.sample.PETR.xml)"
  exit 0
fi
for f in "$xml" "$ref"; do
  [ -f "$f" ] || { echo "bench-petrarch1: skipped ($f not found)"; exit 0; }
done
[ -d "$dicts" ] || { echo "bench-petrarch1: skipped (dictionaries $dicts not found)"; exit 0; }
[ -x "$ENTENTE" ] || { echo "bench-petrarch1: $ENTENTE not built (run make)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$ENTENTE" code --input petrxml --format tsv --dicts "$dicts" "$xml" >"$tmp/out.tsv" 2>"$tmp/err" ||
  { echo "bench-petrarch1: entente failed:" >&2; cat "$tmp/err" >&2; exit 1; }
nrec=$(grep -c '<Sentence' "$xml" || true)

# key = id<TAB>source<TAB>target<TAB>code, one line per event.  PETRARCH-1's writer
# (write_events) leaves out every event whose source or target code starts with '-'
# (an agent without a country, "---GOV"): entente's such events are counted apart.
awk -F'\t' 'NR > 1 { print $1 "\t" $4 "\t" $5 "\t" $6 }' "$tmp/out.tsv" | sort >"$tmp/all"
awk -F'\t' '$2 !~ /^-/ && $3 !~ /^-/' "$tmp/all" >"$tmp/ent"
ndash=$(( $(wc -l <"$tmp/all") - $(wc -l <"$tmp/ent") ))
awk -F'\t' 'NF >= 6 && $1 !~ /^#/ { print $6 "\t" $2 "\t" $3 "\t" $4 }' "$ref" | sort >"$tmp/p1"
np1=$(wc -l <"$tmp/p1"); nent=$(wc -l <"$tmp/ent")
comm -12 "$tmp/p1" "$tmp/ent" >"$tmp/same"; nsame=$(wc -l <"$tmp/same")
comm -23 "$tmp/p1" "$tmp/ent" >"$tmp/only1"; comm -13 "$tmp/p1" "$tmp/ent" >"$tmp/only2"
echo "bench-petrarch1: $nrec records ($xml), dictionaries $dicts"
echo "entente events with a '---' side, which PETRARCH-1 does not write: $ndash (left out below)"
printf 'PETRARCH-1 %d events, entente %d, the same %d (%.1f%% of PETRARCH-1'"'"'s, %.1f%% of entente'"'"'s)\n' \
  "$np1" "$nent" "$nsame" "$(awk -v a="$nsame" -v b="$np1" 'BEGIN { print b ? 100 * a / b : 0 }')" \
  "$(awk -v a="$nsame" -v b="$nent" 'BEGIN { print b ? 100 * a / b : 0 }')"

# The causes: bench/petrarch1-differences.md has one table row per differing id (id in
# the first column, class in the last).  Count the ids that differ now by their class and
# name those the table does not explain.
table=$(dirname "$0")/petrarch1-differences.md
cut -f1 "$tmp/only1" "$tmp/only2" | sort -u >"$tmp/ids"
if [ -f "$table" ]; then
  awk -F'|' 'NR == FNR { now[$1] = 1; next }
    /^\| [^-]/ && $2 !~ /^ id / {
      id = $2; gsub(/^ +| +$/, "", id); c = $NF == "" ? $(NF - 1) : $NF
      if (c ~ /fixed/) k = "fixed"; else if (c ~ /^ *PETRARCH-1 fault/) k = "PETRARCH-1 fault"
      else if (c ~ /dictionary version/) k = "dictionary version"
      else if (c ~ /entente convention/) k = "entente convention"; else k = "undetermined"
      listed[id] = 1
      if (id in now) n[k]++; else if (k == "fixed") nfixed++
    }
    END {
      printf "differing ids by cause (%s): PETRARCH-1 fault %d, dictionary version %d, entente convention %d, undetermined %d; fixed (no longer differ) %d\n", \
        tbl, n["PETRARCH-1 fault"], n["dictionary version"], n["entente convention"], n["undetermined"] + n["fixed"], nfixed
      for (id in now) if (!(id in listed)) { printf "not in the table: %s\n", id; miss++ }
      if (!miss) print "every differing id is in the table"
    }' tbl="$table" "$tmp/ids" "$table"
fi
[ "$quiet" = 1 ] && exit 0
echo "only PETRARCH-1 (id source target code):"
sed 's/^/  /' "$tmp/only1"
echo "only entente:"
sed 's/^/  /' "$tmp/only2"

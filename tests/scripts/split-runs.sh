#!/bin/sh
# split-runs.sh — entente code is a filter that keeps no state across stories, so a corpus
# cut into pieces at story boundaries (as GNU parallel --pipe or Spark's pipe() cut JSON
# lines) and coded piece by piece gives exactly the events of one run over the whole
# corpus, in every output format.  Pieces are read from standard input, as a pipe hands
# them over.  With GNU parallel installed the same is checked through parallel itself.
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-split.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL split-runs: $*"; exit 1; }

# the corpus: the demo stories and 150 generated ones whose second sentence needs the
# first ("They ..." resolves to the story's own earlier source, never to another story's)
cp data/demo/stories.jsonl "$T/corpus.jsonl"
awk 'BEGIN {
  split("France Germany Japan Brazil Kenya India Canada Egypt", c, " ")
  split("condemned praised met accused threatened", v, " ")
  for (s = 1; s <= 150; s++) {
    a = c[1 + s % 8]; b = c[1 + (s * 3 + 1) % 8]; if (a == b) b = c[1 + (s + 5) % 8]
    printf "{\"id\":\"G-%03d\",\"date\":\"2024-%02d-%02d\",\"text\":\"%s %s %s on Monday. They later %s %s.\"}\n",
      s, 1 + s % 12, 1 + s % 28, a, v[1 + s % 5], b, v[1 + (s + 2) % 5], c[1 + (s + 4) % 8]
  }
}' >>"$T/corpus.jsonl"
stories=$(wc -l <"$T/corpus.jsonl")

split -n l/4 "$T/corpus.jsonl" "$T/piece."
[ "$(ls "$T"/piece.* | wc -l)" = 4 ] || fail "split made no 4 pieces"
for fmt in jsonl tsv plover phoenix petrarch; do
  "$E" code --format $fmt <"$T/corpus.jsonl" >"$T/one.$fmt" || fail "$fmt: one run failed"
  : >"$T/pieces.$fmt"
  for p in "$T"/piece.*; do
    "$E" code --format $fmt <"$p" >"$T/out" || fail "$fmt: piece $p failed"
    # a format with a header line writes it once per run: keep the first
    if [ -s "$T/pieces.$fmt" ] && { [ $fmt = tsv ] || [ $fmt = phoenix ]; }; then tail -n +2 "$T/out" >>"$T/pieces.$fmt"
    else cat "$T/out" >>"$T/pieces.$fmt"; fi
  done
  [ -s "$T/one.$fmt" ] || fail "$fmt: no events at all"
  cmp -s "$T/one.$fmt" "$T/pieces.$fmt" || { diff "$T/one.$fmt" "$T/pieces.$fmt" | head -5; fail "$fmt: 4 pieces differ from one run"; }
done
n=$(wc -l <"$T/one.jsonl")
echo "ok split-runs: $stories stories in 4 pieces give the same $n events as one run (jsonl, tsv, plover, phoenix, petrarch)"

"$E" code -j 2 <"$T/corpus.jsonl" >"$T/j2.jsonl" || fail "-j 2 run failed"
cmp -s "$T/one.jsonl" "$T/j2.jsonl" || fail "-j 2 differs from -j 1"
echo "ok split-runs: -j 2 gives the same events as -j 1"

if command -v parallel >/dev/null 2>&1 && parallel --version 2>/dev/null | grep -q GNU; then
  parallel --will-cite --pipe -k -N 17 -j 2 "$E" code <"$T/corpus.jsonl" >"$T/par.jsonl" 2>/dev/null || fail "parallel run failed"
  cmp -s "$T/one.jsonl" "$T/par.jsonl" || fail "GNU parallel --pipe differs from one run"
  echo "ok split-runs: GNU parallel --pipe -N 17 gives the same events as one run"
else
  echo "skip split-runs parallel: GNU parallel is not installed (the split(1) pieces above stand in for it)"
fi

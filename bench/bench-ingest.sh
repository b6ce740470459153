#!/bin/sh
# bench-ingest.sh — `entente code` end to end on generated inputs (built in a temp dir at
# run time; the shared FT article is read from ../shared, never copied into the repo):
#  1. JSON lines: N stories (the article's text, default N=2000): documents/s and
#     sentences/s for ingest+clean+split (--sentences) and for full coding at -j 1 and -j 2,
#     with peak memory (max RSS) and a check that -j 2 prints exactly what -j 1 prints.
#  2. HTML and PDF: the test fixtures repeated 200 times each, coded with the test
#     dictionaries: documents/s.
# Needs `make` first; BUILD selects the build directory (default build).
BUILD=${BUILD:-build}
SHARED=${ENTENTE_SHARED:-../shared}
E="$BUILD/entente"
N=${BENCH_DOCS:-2000}
[ -x "$E" ] || { echo "bench-ingest: $E missing: run make first" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ART="$SHARED/articles/ft-2022-02-04-xi-putin-nato.txt"

# run LABEL DOCS CMD...: prints wall seconds, docs/s, max RSS
run() {
  label=$1; docs=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" 2>/dev/null
  set -- $(cat "$tmp/time")
  lines=$(wc -l <"$tmp/out")
  awk -v l="$label" -v s="$1" -v m="$2" -v d="$docs" -v n="$lines" \
    'BEGIN { printf "%-34s %6.2f s  %8.0f docs/s  %8.0f lines/s  max RSS %6.1f MB\n", l, s, d / (s > 0 ? s : 0.01), n / (s > 0 ? s : 0.01), m / 1024 }'
}

if [ -f "$ART" ]; then
  python3 - "$ART" "$N" >"$tmp/stories.jsonl" <<'EOF'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(int(sys.argv[2])):
    print(json.dumps({"id": "s%d" % i, "text": text}))
EOF
  run "jsonl --sentences (clean+split)" "$N" "$E" code --sentences "$tmp/stories.jsonl"
  run "jsonl code -j 1" "$N" "$E" code -j 1 "$tmp/stories.jsonl"; cp "$tmp/out" "$tmp/j1"
  run "jsonl code -j 2" "$N" "$E" code -j 2 "$tmp/stories.jsonl"
  if cmp -s "$tmp/j1" "$tmp/out"; then echo "  -j 2 output identical to -j 1 ($(wc -l <"$tmp/j1") events)"
  else echo "  MISMATCH: -j 2 output differs from -j 1"; fi
else
  echo "bench-ingest: $ART not found (set ENTENTE_SHARED); JSON-lines figures skipped"
fi

d=tests/cases/code-events
set --
i=0; while [ $i -lt 200 ]; do set -- "$@" $d/story.html; i=$((i+1)); done
run "html x200 code -j 1" 200 "$E" code --dicts $d/dicts "$@"
set --
i=0; while [ $i -lt 200 ]; do set -- "$@" $d/story.pdf; i=$((i+1)); done
run "pdf x200 code -j 1" 200 "$E" code --dicts $d/dicts "$@"

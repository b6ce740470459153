#!/bin/sh
# store-defer-fts.sh — the full-text index of sentences, kept in step by every load or
# deferred with 'load --defer-fts' and built later ('entente index', or by query --search
# and serve on their own): searches give the same hits either way, on SQLite (where the
# FTS5 index must also pass its integrity check against the sentences after every step,
# replaced stories included) and on PostgreSQL (the GIN index dropped, then created).
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-fts.XXXXXX)
PG_DIR=""
cleanup() { pg_stop; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
FIX=tests/store/fixtures/events.jsonl
gen_stories 300 2 >"$T/gen.jsonl"
# story ST-3 coded again with other sentences (the load replaces the stored story)
sed -n '/"ST-3"/p' "$FIX" | sed 's/Arnor <criticized> Mordor \& its allies/Arnor condemned the orc warband/; s/Gondor met Arnor in Minas Tirith/Gondor welcomed envoys at Osgiliath/' >"$T/st3.jsonl"

searches() { # URI: the hits of several searches (one word, two words, a prefix, none)
  for q in Gondor "Mordor attack" "agree*" ARNGOV "sentence 17" criticized warband Osgiliath "nothing-matches-this"; do
    echo "== $q"; timeout 60 $E query --db "$1" --search "$q" --format jsonl 2>/dev/null
  done
}

fts_ok() { # NAME DB: FTS5's own check of the index against the sentences table
  if [ "$HAVE_SQLITE3" = 1 ]; then
    if sqlite3 "$2" "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)" 2>"$T/ic.err"; then ok "$1"
    else bad "$1" "$(cat "$T/ic.err")"; fi
  fi
}
HAVE_SQLITE3=0; command -v sqlite3 >/dev/null 2>&1 && HAVE_SQLITE3=1
[ "$HAVE_SQLITE3" = 1 ] || skip "full-text index integrity checks" "sqlite3 not installed (sh scripts/install-deps.sh --test installs it)"

run_backend() { # NAME URI_NOW URI_DEFER URI_AUTO
  name=$1 now=$2 def=$3 auto=$4
  $E load --db "$now" "$FIX" "$T/gen.jsonl" 2>/dev/null
  $E load --db "$now" "$T/st3.jsonl" 2>/dev/null
  searches "$now" >"$T/now-$name.out"
  hits=$(grep -c '"story_id"' "$T/now-$name.out")
  if [ "$hits" -gt 20 ]; then ok "$name: searches find what was loaded"; else bad "$name: searches find what was loaded" "$hits hits"; fi
  check "$name: a replaced story's old words are gone, its new ones found" \
    "$(sed -n '/^== criticized/,/^== warband/p' "$T/now-$name.out" | grep -c story_id) $(sed -n '/^== warband/,/^== Osgiliath/p' "$T/now-$name.out" | grep -c story_id)" "0 1"

  $E load --defer-fts --db "$def" "$FIX" 2>/dev/null
  $E load --defer-fts --db "$def" "$T/gen.jsonl" "$T/st3.jsonl" 2>/dev/null
  pending=$($E index --db "$def" 2>&1 | sed -n 's/^entente index: \([0-9]*\) sentences indexed.*/\1/p')
  check "$name: entente index builds what --defer-fts left out" "$pending" $((9 + 300 * 2)) # every sentence
  again=$($E index --db "$def" 2>&1)
  check "$name: a second entente index has nothing to do" "$again" "entente index: 0 sentences indexed; the full-text index is complete"
  searches "$def" >"$T/def-$name.out"
  if cmp -s "$T/now-$name.out" "$T/def-$name.out"; then ok "$name: same hits with the index built after the load"
  else bad "$name: same hits with the index built after the load" "$(diff "$T/now-$name.out" "$T/def-$name.out" | head -3)"; fi

  # deferred, then a replacement loaded normally (it catches up), then a search
  $E load --defer-fts --db "$auto" "$FIX" "$T/gen.jsonl" 2>/dev/null
  $E load --db "$auto" "$T/st3.jsonl" 2>/dev/null
  searches "$auto" >"$T/auto-$name.out" 2>&1
  if cmp -s "$T/now-$name.out" "$T/auto-$name.out"; then ok "$name: same hits when a later load catches up"
  else bad "$name: same hits when a later load catches up" "$(diff "$T/now-$name.out" "$T/auto-$name.out" | head -3)"; fi
}

run_backend sqlite "$T/now.db" "$T/def.db" "$T/auto.db"
fts_ok "sqlite: index in step after loads and a replacement" "$T/now.db"
fts_ok "sqlite: index in step after --defer-fts and entente index" "$T/def.db"
fts_ok "sqlite: index in step after a deferred load caught up" "$T/auto.db"

# query --search builds a deferred index by itself (with a note), and finds the same
$E load --defer-fts --db "$T/q.db" "$FIX" 2>/dev/null
$E query --db "$T/q.db" --search Gondor --format jsonl >"$T/q.out" 2>"$T/q.err"
check "sqlite: query --search builds the deferred index first" "$(cat "$T/q.err")" \
  "entente query: indexing 9 sentences for full-text search (loaded with --defer-fts)"
check "sqlite: and finds every sentence with the word" "$(grep -c '"story_id"' "$T/q.out")" 8
fts_ok "sqlite: index in step after query built it" "$T/q.db"

if pg_start; then
  pg_createdb now && pg_createdb def && pg_createdb auto
  run_backend postgresql "$(pg_uri now)" "$(pg_uri def)" "$(pg_uri auto)"
  $E load --defer-fts --db "$(pg_uri def)" "$T/st3.jsonl" 2>/dev/null
  check "postgresql: --defer-fts drops the GIN index" \
    "$("$PG_BIN/psql" -h "$PG_DIR" -p 5433 -U postgres -At -c "SELECT count(*) FROM pg_indexes WHERE indexname = 'sentences_tsv'" def)" 0
  $E index --db "$(pg_uri def)" 2>/dev/null
  check "postgresql: entente index creates it again" \
    "$("$PG_BIN/psql" -h "$PG_DIR" -p 5433 -U postgres -At -c "SELECT count(*) FROM pg_indexes WHERE indexname = 'sentences_tsv'" def)" 1
else
  skip "postgresql: deferred full-text index" "$PG_WHY"
fi

#!/bin/sh
# store-lite-writer.sh — SQLite loads with a writer thread (load's default; --writers 1:
# one thread reads and writes): a transaction of --batch events goes to the writer in about
# four chunks and commits with the last.  The store equals the one-thread store; a story
# repeated in a later chunk of the same transaction ends with its last version; kill -9
# leaves whole stories and rollups equal to a recount, a re-run no duplicates; the WAL is
# checkpointed (by the writer's companion thread) and removed at the end.  (An appended
# story waiting for the open transaction: tests/unit/test_store.c, store_batches_writer_thread.)
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-litewriter.XXXXXX)
LPID=""
cleanup() { [ -n "$LPID" ] && kill "$LPID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
dump() { # DB: events in order, aggregates from the rollups, the rollup check
  timeout 60 $E query --db "$1" --limit 0 --format jsonl
  timeout 60 $E query --db "$1" --agg month --by dyad --format jsonl
  timeout 60 $E query --db "$1" --agg day --by actor --format jsonl
  timeout 60 $E query --db "$1" --agg all --by actor --root 11 --format jsonl
  timeout 60 $E query --db "$1" --search "sentence" --limit 3 --format jsonl
  timeout 60 $E query --db "$1" --check
}
gen_stories 1000 5 >"$T/big.jsonl"

# 1. one thread, and the writer thread with transactions of 200 events (chunks of 50) and
#    of the default size: the same store
timeout 300 $E load --writers 1 --db "$T/one.db" "$T/big.jsonl" 2>"$T/one.err"
timeout 300 $E load --batch 200 --db "$T/small.db" "$T/big.jsonl" 2>"$T/small.err"
timeout 300 $E load --db "$T/default.db" "$T/big.jsonl" 2>"$T/default.err"
dump "$T/one.db" >"$T/one.out"; dump "$T/small.db" >"$T/small.out"; dump "$T/default.db" >"$T/default.out"
check "store-lite-writer: the writer thread stores what one thread stores ($(wc -l <"$T/one.out") lines; rollups, search)" \
  "$(cmp -s "$T/one.out" "$T/small.out" && cmp -s "$T/one.out" "$T/default.out" && echo same); $(tail -n 1 "$T/small.out")" \
  "same; rollups: 0 rows differ from a recount of the events"
check "store-lite-writer: every story and event reported, no warning" "$(cat "$T/small.err")" \
  "entente load: 1000 stories, 5000 events stored (sqlite)"
check "store-lite-writer: no WAL left after the load" "$(ls "$T" | grep -c 'db-wal$')" 0

# 2. every story twice, the second copy 100 lines later: within one transaction of 1000
#    events (chunks of 250) the later copy replaces the earlier, written in an earlier chunk
awk '{ print > ("'"$T"'/orig-" int((NR - 1) / 100) ".jsonl") }' "$T/big.jsonl"
sed 's/ARNGOV/ZZZGOV/g; s/"date":"2024-/"date":"2023-/' "$T/big.jsonl" >"$T/moved.jsonl"
awk '{ print > ("'"$T"'/moved-" int((NR - 1) / 100) ".jsonl") }' "$T/moved.jsonl"
i=0; : >"$T/twice.jsonl"
while [ $i -lt 50 ]; do cat "$T/orig-$i.jsonl" "$T/moved-$i.jsonl" >>"$T/twice.jsonl"; i=$((i + 1)); done
timeout 300 $E load --batch 1000 --db "$T/twice.db" "$T/twice.jsonl" 2>/dev/null
timeout 300 $E load --writers 1 --db "$T/movedref.db" "$T/moved.jsonl" 2>/dev/null
dump "$T/twice.db" >"$T/twice.out"; dump "$T/movedref.db" >"$T/movedref.out"
check "store-lite-writer: a story repeated in a later chunk of the transaction ends with its last version" \
  "$(cmp -s "$T/twice.out" "$T/movedref.out" && echo same); $(tail -n 1 "$T/twice.out")" \
  "same; rollups: 0 rows differ from a recount of the events"

# 3. kill -9 in the middle of a load with a writer thread, then a re-run
gen_stories 6000 5 >"$T/kill.jsonl"
$E load --batch 2000 --db "$T/kill.db" "$T/kill.jsonl" 2>/dev/null &
LPID=$!
end=$(($(date +%s) + 30))
while [ "$(date +%s)" -lt $end ] && [ "$(timeout 5 $E query --db "$T/kill.db" --count 2>/dev/null || echo 0)" -lt 5000 ]; do sleep 0.05; done
kill -9 $LPID 2>/dev/null; wait $LPID 2>/dev/null; LPID=""
got=$(story_counts "$E" "$T/kill.db"); set -- $got
if [ "$3" = 0 ] && [ "$2" = $(($1 * 5)) ] && [ "$1" -gt 0 ]; then ok "store-lite-writer: kill -9 during the load left $1 whole stories, none partial"
else bad "store-lite-writer: kill -9 during the load" "stories/events/partial = $got"; fi
check "store-lite-writer: rollups equal a recount after the kill" "$(timeout 60 $E query --db "$T/kill.db" --check)" \
  "rollups: 0 rows differ from a recount of the events"
timeout 300 $E load --batch 2000 --db "$T/kill.db" "$T/kill.jsonl" 2>/dev/null
check "store-lite-writer: the re-run leaves every story once, rollups equal a recount" \
  "$(story_counts "$E" "$T/kill.db"); $(timeout 60 $E query --db "$T/kill.db" --check)" \
  "6000 30000 0; rollups: 0 rows differ from a recount of the events"
exit 0

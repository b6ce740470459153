#!/bin/sh
# store-code-pg.sh — `code --db` into PostgreSQL writes as `load` does (issue 14): whole
# stories in batches, over writer connections (--writers, default 2; --batch): the store
# equals one connection's and SQLite's; kill -9 in the middle leaves whole stories only and
# rollups equal to a recount (query --check); a re-run leaves every story once.
. tests/store/lib.sh
CPID=""
script_cleanup() { [ -n "$CPID" ] && kill "$CPID" 2>/dev/null; }
PG_SERVER_OPTS="-c log_connections=on"
pg_script store-code-pg
# N stories (-v n) of 1-4 sentences "A VERBED B." between 14 countries, dated over 2023-2024
gen_texts() {
  awk -v n="$1" 'BEGIN {
    split("Russia China France Germany Japan India Egypt Israel Brazil Argentina Kenya Uganda Iran Turkey", c, " ")
    split("criticised|praised|accused|met|threatened|condemned", v, "|")
    seed = 7
    for (s = 1; s <= n; s++) {
      seed = (seed * 16807) % 2147483647; k = 1 + seed % 4; t = ""
      for (e = 0; e < k; e++) {
        seed = (seed * 16807) % 2147483647; a = 1 + seed % 14
        seed = (seed * 16807) % 2147483647; b = 1 + seed % 14; if (b == a) b = 1 + a % 14
        seed = (seed * 16807) % 2147483647; t = t sprintf("%s %s %s. ", c[a], v[1 + seed % 6], c[b])
      }
      seed = (seed * 16807) % 2147483647
      printf "{\"id\":\"C-%05d\",\"date\":\"%d-%02d-%02d\",\"text\":\"%s\"}\n", s, 2023 + seed % 2, 1 + seed % 12, 1 + seed % 28, t
    }
  }'
}
dump() { # URI: what the store answers (events in order, aggregates from the rollups, the check)
  timeout 60 $E query --db "$1" --limit 0 --format jsonl
  timeout 60 $E query --db "$1" --agg month --by dyad --format jsonl
  timeout 60 $E query --db "$1" --agg day --by actor --format jsonl
  timeout 60 $E query --db "$1" --check
}
# per_story URI: "story events" lines, sorted
per_story() { timeout 60 $E query --db "$1" --limit 0 | awk -F, 'NR > 1 { c[$1]++ } END { for (s in c) print s, c[s] }' | sort; }
gen_texts 600 >"$T/small.jsonl"

# 1. two writers and small batches, one connection, SQLite: the same store
for db in one two; do pg_createdb $db; done
conns() { grep -c "connection authorized: user=postgres database=$1" "$PG_DIR/server.log"; }
timeout 300 $E code --db "$T/lite.db" "$T/small.jsonl" 2>"$T/lite.err"
timeout 300 $E code --db "$(pg_uri one)" --writers 1 "$T/small.jsonl" 2>"$T/one.err"
c0=$(conns two)
timeout 300 $E code --db "$(pg_uri two)" --batch 40 "$T/small.jsonl" 2>"$T/two.err"
c1=$(conns two)
dump "$T/lite.db" >"$T/lite.out"; dump "$(pg_uri one)" >"$T/one.out"; dump "$(pg_uri two)" >"$T/two.out"
events=$(tail -n 1 "$T/lite.err" | sed -n 's/^entente code: 600 stories, \([0-9]*\) events stored (sqlite)$/\1/p')
check "store-code-pg: SQLite stores every story ($(tail -n 1 "$T/lite.err"))" "$([ -n "$events" ] && [ "$events" -gt 600 ] && echo yes)" yes
check "store-code-pg: batches of 40 events over the default writers store what one connection and SQLite store ($(wc -l <"$T/lite.out") lines)" \
  "$(cmp -s "$T/lite.out" "$T/one.out" && cmp -s "$T/lite.out" "$T/two.out" && echo same)" same
check "store-code-pg: by default code --db opens 2 writer connections besides its own, and reports every story" \
  "$((c1 - c0)); $(tail -n 1 "$T/two.err")" "3; entente code: 600 stories, $events events stored (postgresql)"
check "store-code-pg: --batch and --writers need --db" "$($E code --batch 10 "$T/small.jsonl" 2>&1 >/dev/null; echo "exit $?")" \
  "entente: code: --batch and --writers set how --db writes; give --db too
exit 2"

# 2. kill -9 while code --db writes 20,000 stories in small batches over two writers
gen_texts 20000 >"$T/big.jsonl"
timeout 300 $E code --db "$T/ref.db" "$T/big.jsonl" 2>/dev/null
per_story "$T/ref.db" >"$T/ref.per"
pg_createdb killed
$E code --db "$(pg_uri killed)" --batch 100 "$T/big.jsonl" 2>/dev/null &
CPID=$!
end=$(($(date +%s) + 60))
while [ "$(date +%s)" -lt $end ] && [ "$(pgq killed "SELECT count(*) FROM stories" 2>/dev/null || echo 0)" -lt 1000 ]; do sleep 0.05; done
kill -9 $CPID 2>/dev/null; wait $CPID 2>/dev/null; CPID=""
per_story "$(pg_uri killed)" >"$T/killed.per"
n=$(wc -l <"$T/killed.per")
# every stored story has all its events (as in the full SQLite run), and the run was cut short
torn=$(join "$T/killed.per" "$T/ref.per" | awk '$2 != $3' | wc -l)
if [ "$n" -ge 1000 ] && [ "$n" -lt 20000 ] && [ "$torn" = 0 ]; then ok "store-code-pg: kill -9 during code --db over two writers left $n whole stories of 20000, none partial"
else bad "store-code-pg: kill -9 during code --db" "$n stories stored, $torn with fewer or more events than a whole run gives"; fi
check "store-code-pg: rollups equal a recount after the kill" "$(timeout 120 $E query --db "$(pg_uri killed)" --check)" \
  "rollups: 0 rows differ from a recount of the events"
# 3. the re-run replaces what was there: every story once, as the full SQLite run
timeout 300 $E code --db "$(pg_uri killed)" "$T/big.jsonl" 2>/dev/null
per_story "$(pg_uri killed)" >"$T/rerun.per"
check "store-code-pg: the re-run after the kill stores every story once, with all its events" \
  "$(cmp -s "$T/rerun.per" "$T/ref.per" && echo same; wc -l <"$T/rerun.per")" "same
20000"
check "store-code-pg: rollups equal a recount after the re-run" "$(timeout 120 $E query --db "$(pg_uri killed)" --check)" \
  "rollups: 0 rows differ from a recount of the events"

#!/bin/sh
# store-pg-prune.sh — PostgreSQL event listings read only the month partitions they need
# (store.c: a page walks the partitions of its range in its order, a window of 1, 2, 4 ...
# months at a time, each statement bounded on month, the partition key), by the server's
# own scan counts: a listing of March, a keyset page after a November cursor, a newest-
# first page before a February cursor, and an unbounded first page either way scan one
# partition; a filter that matches nothing walks all 25 partitions in 5 statements.  Every
# listing, including pages that span windows, offsets into later windows, keyset chains in
# both orders (through the undated rows) and filters, equals SQLite's.  A server's handle
# that read the partitions before a load created new ones (a year before its known months
# and one after) lists their events in the same second (the windows cover every month).
. tests/store/lib.sh
SPID=""
script_cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; }
PG_SERVER_OPTS="-c log_statement=all"
pg_script store-pg-prune
pg_createdb prune || { bad "store-pg-prune: createdb"; exit 1; }
PQ=$(pg_uri prune)
gen_stories 600 5 >"$T/s.jsonl" # 2024, every month: 250 events a month, many on one date
# 12 undated stories, and 8 stories of June 2022 (the year's other 11 partitions are empty)
awk 'BEGIN { for (s = 1; s <= 20; s++) for (e = 0; e < 5; e++) {
  d = s <= 12 ? "" : sprintf(",\"date\":\"2022-06-%02d\"", s % 3 + 1)
  printf "{\"story_id\":\"U-%03d\",\"sentence_index\":%d%s,\"source\":\"GONGOV\",\"target\":\"ARNGOV\",\"code\":\"040\",\"quad\":1,\"goldstein\":1.0,\"sentence\":\"Story %d sentence %d.\"}\n", s, e, d, s, e } }' >>"$T/s.jsonl"
$E load --db "$PQ" "$T/s.jsonl" 2>/dev/null
$E load --db "$T/lite.db" "$T/s.jsonl" 2>/dev/null
check "store-pg-prune: 25 month partitions" "$(pgq prune "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass")" 25
# scanned ARGS: the month partitions the listing 'query ARGS' scanned (the server's counts,
# reset before it; a client's counts reach them when its backend ends); its listing
# statements (the server's log) in $T/stmts
scanned() {
  pgq prune "SELECT pg_stat_reset()" >/dev/null
  log0=$(wc -l <"$PG_DIR/server.log")
  timeout 60 $E query --db "$PQ" "$@" >"$T/pg.out" 2>"$T/pg.err"
  i=0; while [ $i -lt 50 ] && [ "$(pgq prune "SELECT count(*) FROM pg_stat_activity WHERE datname = 'prune' AND pid <> pg_backend_pid()")" != 0 ]; do
    sleep 0.1; i=$((i + 1)); done
  tail -n +"$((log0 + 1))" "$PG_DIR/server.log" | grep -c 'FROM (SELECT \* FROM events e' >"$T/stmts"
  pgq prune "SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_stat_user_tables WHERE relname LIKE 'events_%'
             AND seq_scan + coalesce(idx_scan, 0) > 0"
}
same() { # the listing on SQLite, against the last one on PostgreSQL
  timeout 60 $E query --db "$T/lite.db" "$@" >"$T/lite.out" 2>/dev/null
  cmp -s "$T/pg.out" "$T/lite.out" && [ -s "$T/pg.out" ] && echo same
}
got=$(scanned --from 2024-03-01 --to 2024-03-31 --limit 20)
check "store-pg-prune: a listing of March scans March alone, and equals SQLite's" "$got $(same --from 2024-03-01 --to 2024-03-31 --limit 20)" \
  "events_202403 same"
$E query --db "$PQ" --from 2024-11-20 --limit 3 --cursor >/dev/null 2>"$T/c"
cur=$(sed -n 's/^cursor: //p' "$T/c")
got=$(scanned --after "$cur" --limit 20)
check "store-pg-prune: a keyset page after a November cursor scans November, and equals SQLite's" \
  "$got $(same --after "$cur" --limit 20)" "events_202411 same"
$E query --db "$PQ" --to 2024-02-10 --sort desc --limit 3 --cursor >/dev/null 2>"$T/c"
cur=$(sed -n 's/^cursor: //p' "$T/c")
got=$(scanned --after "$cur" --sort desc --limit 20)
check "store-pg-prune: a newest-first page before a February cursor scans February, and equals SQLite's" \
  "$got $(same --after "$cur" --sort desc --limit 20)" "events_202402 same"
got=$(scanned --limit 20 --sort desc)
check "store-pg-prune: an unbounded newest-first page scans the newest month alone (was all 25), and equals SQLite's" \
  "$got $(same --limit 20 --sort desc)" "events_202412 same"
got=$(scanned --limit 20)
check "store-pg-prune: an unbounded oldest-first page scans the undated alone, and equals SQLite's" \
  "$got $(same --limit 20)" "events_undated same"
got=$(scanned --limit 20 --source XXXGOV)
check "store-pg-prune: a filter that matches nothing walks the 25 partitions in 5 statements (windows of 1, 2, 4, 8, 10)" \
  "$(echo "$got" | wc -w) $(cat "$T/stmts") $(same --limit 20 --source XXXGOV)" "25 5 same"
got=$(scanned --limit 300 --offset 500)
# (60 undated, 0 in 2022-01..02, 40 in 2022-03..06 counted and passed; the page starts in
# the window 2022-07..2024-02 and ends in the next)
check "store-pg-prune: an offset past the first windows counts them, then pages from the window it falls in" \
  "$(cat "$T/stmts") $(same --limit 300 --offset 500)" "2 same"
# pages that span windows, offsets into later windows, filters: each equals SQLite's
n=0; bad=""
while read -r args; do
  n=$((n + 1))
  # shellcheck disable=SC2086 # the arguments are words
  timeout 60 $E query --db "$PQ" $args >"$T/pg.out" 2>/dev/null
  # shellcheck disable=SC2086
  [ "$(same $args)" = same ] || bad="$bad [$args]"
done <<'EOF'
--limit 400
--limit 700 --sort desc
--limit 50 --offset 60
--limit 300 --offset 2990 --sort desc
--limit 40 --offset 3050
--limit 1000 --offset 100 --source ARNGOV
--limit 120 --offset 170 --actor GON* --sort desc
--limit 100 --offset 30 --code 19* --to 2024-05-15 --sort desc
--limit 100 --offset 240 --from 2022-06-02 --to 2024-02-03
--limit 10 --offset 100000
--limit 50 --offset 3090 --dyad GONGOV,ARNGOV
EOF
check "store-pg-prune: $n pages over several windows, with offsets and filters, equal SQLite's" "$n${bad:+ differ:$bad}" 11
# keyset chains of 5 pages of 230, both orders (through the undated rows and June 2022)
for sort in asc desc; do
  cur=""; ok=0
  for p in 1 2 3 4 5; do
    timeout 60 $E query --db "$PQ" --limit 230 --sort $sort --cursor ${cur:+--after "$cur"} >"$T/pg.out" 2>"$T/c"
    [ "$(same --limit 230 --sort $sort ${cur:+--after "$cur"})" = same ] && ok=$((ok + 1))
    cur=$(sed -n 's/^cursor: //p' "$T/c")
  done
  check "store-pg-prune: 5 keyset pages of 230 ($sort) equal SQLite's" "$ok" 5
done
if command -v curl >/dev/null 2>&1; then
  serve_start "$PQ" "$T/serve.err" --pool 1
  [ -n "$PORT" ] || { bad "store-pg-prune: serve did not start" "$(cat "$T/serve.err")"; exit 1; }
  t0=$(date +%s)
  curl -s "http://127.0.0.1:$PORT/api/events?limit=5&sort=desc" >/dev/null # the handle reads the partitions
  log0=$(wc -l <"$PG_DIR/server.log")
  awk 'BEGIN { for (s = 1; s <= 2; s++) for (e = 0; e < 5; e++)
    printf "{\"story_id\":\"N-%d\",\"sentence_index\":%d,\"date\":\"%s\",\"source\":\"NEWGOV\",\"target\":\"ROHGOV\",\"code\":\"040\",\"quad\":1,\"goldstein\":1.0,\"sentence\":\"New %d.\"}\n",
      s, e, s == 1 ? "2023-05-10" : "2025-03-04", s }' >"$T/new.jsonl"
  $E load --db "$PQ" "$T/new.jsonl" 2>/dev/null
  asc=$(curl -s "http://127.0.0.1:$PORT/api/events?limit=20&actor=NEWGOV" | grep -o '"story_id":"N-[0-9]' | sort | uniq -c | awk '{ printf "%s%s", s, $1; s = " " }')
  desc=$(curl -s "http://127.0.0.1:$PORT/api/events?limit=7&sort=desc&actor=NEWGOV" | grep -o '"story_id":"N-[0-9]' | sort | uniq -c | awk '{ printf "%s%s", s, $1; s = " " }')
  reread=$(tail -n +"$((log0 + 1))" "$PG_DIR/server.log" | grep -c 'FROM pg_inherits i JOIN')
  # the handle keeps the list 10 s (store.c LMONTHS_TTL): a machine too slow for that read it again
  [ $(($(date +%s) - t0)) -ge 9 ] && reread=0
  check "store-pg-prune: partitions created after the handle read them (2023, 2025) are listed without reading them again" \
    "$asc / $desc / $reread" "5 5 / 2 5 / 0"
fi
exit 0

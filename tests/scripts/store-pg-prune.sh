#!/bin/sh
# store-pg-prune.sh — PostgreSQL event listings bounded by dates read only the month
# partitions of their range (store.c: the range is also given on the partition key,
# month): a listing of March, a keyset page after a cursor in November (oldest first)
# and one before a cursor in February (newest first) scan no other partition, by the
# server's own scan counts; an unbounded listing scans every month (the control); each
# listing equals SQLite's.
. tests/store/lib.sh
pg_script store-pg-prune
pg_createdb prune || { bad "store-pg-prune: createdb"; exit 1; }
PQ=$(pg_uri prune)
gen_stories 600 5 >"$T/s.jsonl" # 2024, every month
$E load --db "$PQ" "$T/s.jsonl" 2>/dev/null
$E load --db "$T/lite.db" "$T/s.jsonl" 2>/dev/null
# scanned PARTITIONS: the month partitions a listing scanned (the server's counts, reset
# before it; a client's counts reach them when its backend ends)
scanned() {
  pgq prune "SELECT pg_stat_reset()" >/dev/null
  timeout 60 $E query --db "$PQ" "$@" >"$T/pg.out" 2>"$T/pg.err"
  i=0; while [ $i -lt 50 ] && [ "$(pgq prune "SELECT count(*) FROM pg_stat_activity WHERE datname = 'prune' AND pid <> pg_backend_pid()")" != 0 ]; do
    sleep 0.1; i=$((i + 1)); done
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
check "store-pg-prune: a keyset page after a November cursor scans November and December, and equals SQLite's" \
  "$got $(same --after "$cur" --limit 20)" "events_202411 events_202412 same"
$E query --db "$PQ" --to 2024-02-10 --sort desc --limit 3 --cursor >/dev/null 2>"$T/c"
cur=$(sed -n 's/^cursor: //p' "$T/c")
got=$(scanned --after "$cur" --sort desc --limit 20)
check "store-pg-prune: a newest-first page before a February cursor scans January, February and the undated, and equals SQLite's" \
  "$got $(same --after "$cur" --sort desc --limit 20)" "events_202401 events_202402 events_undated same"
got=$(scanned --limit 20)
check "store-pg-prune: an unbounded listing scans every month (the control), and equals SQLite's" \
  "$(echo "$got" | wc -w) $(same --limit 20)" "13 same"
exit 0

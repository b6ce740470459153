#!/bin/sh
# store-pg-stream.sh — rollup rows streamed from PostgreSQL through a cursor (db.c,
# ent_db_run_stream: the next FETCH is sent before the rows of the last go out): an answer
# of several batches (1,000 rows each) equals SQLite's row for row, and a reader that stops
# early (stdout on /dev/full) ends with an error, the FETCH still in flight read and
# dropped (no "another command is already in progress", no hang).
. tests/store/lib.sh
pg_script store-pg-stream
pg_createdb stream || { bad "store-pg-stream: createdb"; exit 1; }
PQ=$(pg_uri stream)
# 3,000 stories of 5 events over 730 days and 20 actors: about 14k actor x day keys
awk 'BEGIN {
  for (s = 0; s < 3000; s++) for (e = 0; e < 5; e++) {
    d = (s * 7 + e) % 730; y = 2023 + int(d / 365); d = d % 365; m = 1 + int(d / 31); if (m > 12) m = 12; dd = 1 + d % 28
    printf "{\"story_id\":\"S-%05d\",\"sentence_index\":%d,\"date\":\"%d-%02d-%02d\",\"source\":\"A%02dGOV\",\"target\":\"B%02dMIL\",\"code\":\"042\",\"quad\":1,\"goldstein\":1.9,\"sentence\":\"Story %d sentence %d.\"}\n", s, e, y, m, dd, (s + e) % 20, (s * 3 + e) % 20, s, e
  } }' >"$T/s.jsonl"
$E load --db "$PQ" "$T/s.jsonl" 2>/dev/null && $E load --db "$T/s.db" "$T/s.jsonl" 2>/dev/null || { bad "store-pg-stream: load"; exit 1; }
timeout 60 $E query --db "$PQ" --agg day --by actor >"$T/pg.csv" 2>"$T/pg.err"; rp=$?
timeout 60 $E query --db "$T/s.db" --agg day --by actor >"$T/lite.csv" 2>/dev/null
n=$(wc -l <"$T/pg.csv")
check "store-pg-stream: actor x day streamed in several batches ($n lines > 5000)" "$rp $([ "$n" -gt 5000 ] && echo many)" "0 many"
check "store-pg-stream: the streamed rows equal SQLite's" "$(cmp -s "$T/pg.csv" "$T/lite.csv" && echo same)" same
timeout 60 $E query --db "$PQ" --agg day --by actor >/dev/full 2>"$T/full.err"; rf=$?
check "store-pg-stream: a reader that stops early fails (exit 1, not a timeout)" "$rf" 1
check "store-pg-stream: and the connection was left usable (no 'command in progress')" \
  "$(grep -c -i "in progress\|another command" "$T/full.err")" 0

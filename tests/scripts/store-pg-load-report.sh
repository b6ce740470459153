#!/bin/sh
# store-pg-load-report.sh — 'entente load --report-every N' on PostgreSQL with two writer
# connections: a line each time the events committed pass another multiple of N, also for
# the batches that the final flush waits for (the store calls the loader back each time it
# collects a writer's batch: ent_store_on_progress).  Counting only when the next batch was
# handed, the last two batches were collected together at the end and their multiples got
# one line.  50 stories of 3 events, --batch 20: batches of 7 stories (21 events), each
# passing one multiple of 20, whichever writer commits first.
. tests/store/lib.sh
pg_script store-pg-load-report
gen_stories 50 3 >"$T/in.jsonl"
pg_createdb rep
timeout 120 $E load --writers 2 --batch 20 --report-every 20 --db "$(pg_uri rep)" "$T/in.jsonl" 2>"$T/rep.err"; rc=$?
got=$(sed -n 's/^entente load: report events=\([0-9]*\) stories=\([0-9]*\) committed=\([0-9]*\) .*/\1:\2:\3/p' "$T/rep.err" | tr '\n' ' ')
check "load --report-every on PostgreSQL, two writers: a line per batch committed, to the end (exit $rc)" "$got" \
  "21:7:21 42:14:42 63:21:63 84:28:84 105:35:105 126:42:126 147:49:147 150:50:150 "
check "load --report-every on PostgreSQL: every event stored, rollups equal a recount" \
  "$(timeout 60 $E query --db "$(pg_uri rep)" --count 2>&1); $(timeout 60 $E query --db "$(pg_uri rep)" --check 2>&1)" \
  "150; rollups: 0 rows differ from a recount of the events"

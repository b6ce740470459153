#!/bin/sh
# store-pg-overlap.sh — two PostgreSQL writers of one load overlap their work (store.c):
# 1. the second batch merges the rollup keys the first does not have while the first's
#    transaction is still open (pg_merge_ordered), and waits in the loader, not on the
#    first's row locks, before merging the keys they share: with the first batch held at
#    a key of its own by another session, the second is seen idle in its transaction after
#    a merge statement (one merge in key order waited on the server at its first shared
#    key instead);
# 2. the full-text index's pending list is merged on the first writer's connection once
#    it has committed while the second still writes (ent_store_flush), not after both;
# 3. at close, the writer's idle connection analyses the stories, sentences and rollups
#    while the handle's own analyses the events (two server processes at once);
# and either way the rollups equal a recount and every story is stored once.
# The other sessions wait at most 30 s for what they look for, then let the load go on.
. tests/store/lib.sh
PG_SERVER_OPTS="-c log_statement=all"
pg_script store-pg-overlap
psql_bg() { "$PG_BIN/psql" -X -q -At -h "$PG_DIR" -p 5433 -U postgres "$1"; } # DB: SQL on stdin
# wait_for COND: a DO block polling pg_stat_activity (other sessions) for COND, 30 s at most
# (a transaction reads a snapshot of it, taken again after pg_stat_clear_snapshot)
wait_for() {
  echo "DO \$\$ DECLARE i int := 0; BEGIN
    WHILE i < 300 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND $1) LOOP
      PERFORM pg_sleep(0.1); PERFORM pg_stat_clear_snapshot(); i := i + 1; END LOOP; END \$\$;
  SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND $1) THEN 'seen' ELSE 'not seen' END;"
}
# hold DB SQL COND OUT: another session runs SQL in a transaction, waits for COND
# (wait_for) and rolls back, in the background (its pid in HPID; what it saw in OUT)
hold() { { echo "BEGIN; $2"; wait_for "$3"; echo "ROLLBACK;"; } | psql_bg "$1" >"$4" 2>&1 & HPID=$!; }
# load_held DB ERR ARGS...: once the holding sessions have taken their locks, a load of
# two writers (exit status in rc), then the sessions' end
load_held() {
  _db=$1 _err=$2; shift 2
  sleep 1
  timeout 120 $E load --writers 2 --db "$(pg_uri "$_db")" "$@" 2>"$_err"
  rc=$?
  wait $HPIDS
}
MERGE="query LIKE 'WITH m AS (INSERT INTO rollup%'"
# a story only batch 1 (K-) and one only batch 2 (M-) would have, stored first, so their
# rollup rows exist for another session to lock: actor YYYGOV is batch 1's alone
gen_stories 1 2 | sed 's/K-00001/P-00001/; s/GONGOV/YYYGOV/' >"$T/pre.jsonl"

# 1. rollup keys merged at once where the batches differ
pg_createdb phases
gen_stories 500 5 | sed 's/ARNGOV/YYYGOV/g' >"$T/b1.jsonl"
gen_stories 500 5 | sed 's/K-/M-/' >"$T/b2.jsonl"
$E load --db "$(pg_uri phases)" "$T/pre.jsonl" 2>/dev/null
# session A holds batch 1's YYYGOV month rows; session B holds batch 2 back (its first
# story's row, uncommitted, which batch 2's COPY waits for) until batch 1 waits in its merge
hold phases "UPDATE rollup_actor_month SET events = events WHERE actor = 'YYYGOV';" "state = 'idle in transaction' AND $MERGE" "$T/a.out"
HPIDS=$HPID
hold phases "INSERT INTO stories (story_id) VALUES ('M-00001');" "wait_event_type = 'Lock' AND $MERGE" "$T/b.out"
HPIDS="$HPIDS $HPID"
load_held phases "$T/phases.err" --batch 2500 "$T/b1.jsonl" "$T/b2.jsonl"
check "store-pg-overlap: batch 1 held in its merge: batch 2 merged its own keys and waited idle in its transaction (exit $rc)" \
  "$(tr '\n' ' ' <"$T/b.out")/ $(tr '\n' ' ' <"$T/a.out")" "seen / seen "
check "store-pg-overlap: after the overlapped merges every story once, rollups equal a recount" \
  "$(pgq phases "SELECT count(*), count(DISTINCT story_id) FROM events"); $(timeout 60 $E query --db "$(pg_uri phases)" --check)" \
  "5002|1001; rollups: 0 rows differ from a recount of the events"
[ $rc = 0 ] || sed 's/^/  loader: /' "$T/phases.err"

# 2. the pending list merged while the second writer still writes (batch 1: 22,000
# sentences, past the 20,000 written since the last merge that ent_store_flush waits for)
pg_createdb gin
$E load --db "$(pg_uri gin)" "$T/pre.jsonl" 2>/dev/null
gen_stories 4400 5 >"$T/g1.jsonl"
gen_stories 200 5 | sed 's/K-/M-/' >"$T/g2.jsonl"
hold gin "INSERT INTO stories (story_id) VALUES ('M-00001');" "query LIKE 'SELECT gin_clean_pending_list%'" "$T/g.out"
HPIDS=$HPID
load_held gin "$T/gin.err" --batch 22000 "$T/g1.jsonl" "$T/g2.jsonl"
pgq gin "CREATE EXTENSION IF NOT EXISTS pgstattuple" >/dev/null 2>&1
check "store-pg-overlap: the pending list merged while batch 2 was held, nothing pending after the load (exit $rc)" \
  "$(tr '\n' ' ' <"$T/g.out")/ $(pgq gin "SELECT pending_pages, pending_tuples FROM pgstatginindex('sentences_tsv')"); $(timeout 60 $E query --db "$(pg_uri gin)" --count --search 'Story 4399')" \
  "seen / 0|0; 5"
check "store-pg-overlap: every story of both batches once, rollups equal a recount" \
  "$(pgq gin "SELECT count(*), count(DISTINCT story_id) FROM events"); $(timeout 60 $E query --db "$(pg_uri gin)" --check)" \
  "23002|4601; rollups: 0 rows differ from a recount of the events"
[ $rc = 0 ] || sed 's/^/  loader: /' "$T/gin.err"
# 3. that load doubled every table: who analysed what (the server's log, [pid] per line)
apid() { grep "statement: .*ANALYZE $1;" "$PG_DIR/server.log" | tail -n 1 | sed -n 's/.*\[\([0-9]*\)\].*/\1/p'; }
e=$(apid events) s=$(apid stories) r=$(apid rollup_dyad)
check "store-pg-overlap: at close the events are analysed on one connection, stories and rollups on another at once" \
  "$([ -n "$e" ] && [ -n "$s" ] && [ "$s" = "$r" ] && [ "$e" != "$s" ] && echo two)" two
exit 0

#!/bin/sh
# store-load-report.sh — 'entente load --report-every N' prints one machine-readable line
# each time the events written pass another multiple of N (bench/bench-store.sh reads them
# for the rate per 100k of a one-process load), and one for the rest at the end; '--batch N'
# sets the events per transaction.  With SQLite's writer thread "written" counts the chunks
# of whole stories the writer has finished, inside a transaction still open or committed
# (committed= says how many are committed), so a line comes every N events even when a
# transaction is larger than N; with one thread a line follows a commit.  Counts are
# checked exactly; times only for their form (they depend on the machine).
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-load-report.XXXXXX)
trap 'rm -rf "$T"' EXIT
gen_stories 50 3 >"$T/in.jsonl"   # 50 stories of 3 events

# one thread: batches of at least 20 events close after 7 stories (21 events); lines when
# 40, 80, 120 are passed (at 42, 84, 126) and the rest at the end (150)
$E load --db "$T/a.db" --writers 1 --batch 20 --report-every 40 "$T/in.jsonl" 2>"$T/a.err"; rc=$?
got=$(sed -n 's/^entente load: report events=\([0-9]*\) stories=\([0-9]*\) .*/\1:\2/p' "$T/a.err" | tr '\n' ' ')
if [ "$rc" = 0 ] && [ "$got" = "42:14 84:28 126:42 150:50 " ]; then ok "load --report-every: a line per 40 events committed, then the rest"
else bad "load --report-every: a line per 40 events committed, then the rest" "exit $rc, got '$got'"; fi
# the writer thread (SQLite's default): a transaction of at least 20 events goes in chunks
# of at least 5 (2 stories, 6 events) and commits with the chunk that reaches 20 (at 24, 48,
# 72 ...).  A chunk counts once the reading thread hands the next one, so lines come when 40,
# 80, 120 are reached (42, 84, 120, of which 24, 72, 120 committed: at 120 a commit) and
# the rest at the end.  (Counting commits only, the lines were 48, 96, 120: a transaction
# larger than N gave one line per transaction.)
$E load --db "$T/w.db" --batch 20 --report-every 40 "$T/in.jsonl" 2>"$T/w.err"; rc=$?
got=$(sed -n 's/^entente load: report events=\([0-9]*\) stories=\([0-9]*\) committed=\([0-9]*\) .*/\1:\2:\3/p' "$T/w.err" | tr '\n' ' ')
check "load --report-every with the writer thread: a line per 40 events written, committed or not (exit $rc)" \
  "$got" "42:14:24 84:28:72 120:40:120 150:50:150 "
c=$($E query --db "$T/w.db" --count 2>&1); k=$($E query --db "$T/w.db" --check 2>&1)
check "load --report-every with the writer thread: every event stored, rollups equal a recount" "$c; $k" \
  "150; rollups: 0 rows differ from a recount of the events"
# one transaction larger than the whole input (--batch 150: chunks of at least 37 events, 13
# stories, 39 events; it commits at the end): lines inside it, nothing committed yet, when
# 30, 60 and 90 are passed (39, 78, and 117 while the final flush waits for the writer),
# then the end (with commits counted only: a single line)
$E load --db "$T/x.db" --batch 150 --report-every 30 "$T/in.jsonl" 2>"$T/x.err"; rc=$?
got=$(sed -n 's/^entente load: report events=\([0-9]*\) stories=\([0-9]*\) committed=\([0-9]*\) .*/\1:\2:\3/p' "$T/x.err" | tr '\n' ' ')
check "load --report-every inside one transaction: lines before its commit (exit $rc)" "$got" "39:13:0 78:26:0 117:39:0 150:50:150 "

# every line has all its fields; the intervals add up to the whole, in order
if awk '/^entente load: report / {
      n++
      if ($0 !~ /^entente load: report events=[0-9]+ stories=[0-9]+ committed=[0-9]+ seconds=[0-9.]+ cpu=[0-9.]+ interval_events=[0-9]+ interval_seconds=[0-9.]+ interval_cpu=[0-9.]+ events_per_s=[0-9]+$/) exit 1
      for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      sum += v["interval_events"]; if (v["events"] != sum || v["seconds"] + 0 < last) exit 1; last = v["seconds"] + 0
    } END { exit !(n == 4 && sum == 150) }' "$T/a.err"
then ok "load --report-every: every field present, intervals sum to the events stored"
else bad "load --report-every: every field present, intervals sum to the events stored" "$(grep report "$T/a.err" | head -2)"; fi

# the batches were whole stories: all 150 events stored, rollups equal a recount
c=$($E query --db "$T/a.db" --count 2>&1); k=$($E query --db "$T/a.db" --check 2>&1)
case "$c; $k" in "150; rollups: 0 rows differ from a recount of the events") ok "load --batch 20: every event stored, rollups equal a recount" ;;
  *) bad "load --batch 20: every event stored, rollups equal a recount" "$c; $k" ;; esac

# no option: no report lines; a bad number is a usage error
$E load --db "$T/b.db" "$T/in.jsonl" 2>"$T/b.err"
if [ "$(grep -c 'report' "$T/b.err")" = 0 ]; then ok "load without --report-every: no report lines"
else bad "load without --report-every: no report lines" "$(head -2 "$T/b.err")"; fi
for a in "--report-every 0" "--report-every x" "--batch -5" "--batch"; do
  $E load --db "$T/c.db" $a "$T/in.jsonl" >/dev/null 2>"$T/c.err"; rc=$?
  if [ "$rc" = 2 ] && grep -q "needs a positive number of events" "$T/c.err"; then ok "load $a: refused with a usage error"
  else bad "load $a: refused with a usage error" "exit $rc: $(head -1 "$T/c.err")"; fi
done

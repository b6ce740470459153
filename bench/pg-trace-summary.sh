#!/bin/sh
# pg-trace-summary.sh DIR — the PostgreSQL one load's server-side trace (bench-store.sh,
# STORE_BENCH_PG_TRACE=DIR) set beside the loader's stretches: for each report line of
# DIR/load.err, its rate, then from DIR/activity the CPU seconds the server's processes
# used in it by kind (the loader's backends, autovacuum workers, checkpointer, WAL writer,
# background writer), the wait events the loader's backends were seen in (samples about
# a second apart: "CPU" when active and waiting on nothing), the tables autovacuum worked
# on, and from DIR/server.log what happened in it (checkpoints, automatic vacuums and
# analyzes with their tables, statements over 1 s by kind), and the full-text index's
# pending list (its largest size in pages, and each drop: a merge into the index).
D=${1:?usage: pg-trace-summary.sh DIR}
awk '
  FILENAME ~ /activity$/ && $1 == "load_start" { t0 = $2 + 0; next }
  FILENAME ~ /load.err$/ && /^entente load: report / {
    for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n++; hi[n] = t0 + v["seconds"]; lo[n] = hi[n] - v["interval_seconds"]
    desc[n] = sprintf("events %d-%d: %.1f s, %d/s, loader cpu %.1f s", v["events"] - v["interval_events"] + 1, v["events"],
                      v["interval_seconds"], v["events_per_s"], v["interval_cpu"])
    next }
  FILENAME ~ /activity$/ && $2 == "gin" {
    if (!n) next
    k = stretch($1 + 0); p = gl; gl = $3 + 0; if (!k) next
    if (gl > ginmax[k]) ginmax[k] = gl
    if (p != "" && gl < p) gindrop[k] = gindrop[k] sprintf(" %d->%d", p, gl)
    next }
  FILENAME ~ /activity$/ {
    if (!n) next # the first pass only finds load_start
    ts = $1 + 0; pid = $2; ty = $3; st = $4; w = $5; cpu = $6 + 0
    q = ""; for (i = 7; i <= NF; i++) q = q " " $i
    # CPU: the use of each process between two samples, counted in the stretch of the later one
    d = (pid in prev) ? cpu - prev[pid] : 0; prev[pid] = cpu
    k = stretch(ts); if (!k) next
    c[k, ty] += d
    if (ty == "client_backend" && st == "active") { if (w == ":") w = "CPU"; waits[k, w]++; wk[w] = 1 }
    if (ty == "autovacuum_worker") { sub(/^ *autovacuum: */, "", q); av[k] = av[k] (index(av[k], q) ? "" : " [" q "]") }
    next }
  FILENAME ~ /server.log$/ {
    ts = $1 + 0; k = stretch(ts); if (!k) next
    if (/checkpoint starting/) ev[k] = ev[k] " checkpoint-start"
    else if (/checkpoint complete/) { m = $0; sub(/.*checkpoint complete: /, "", m); ev[k] = ev[k] " checkpoint-complete(" substr(m, 1, 60) ")" }
    else if (/automatic (vacuum|analyze)/) { m = $0; sub(/.*automatic /, "", m); sub(/:.*/, "", m); gsub(/"/, "", m); ev[k] = ev[k] " auto-" m }
    else if (/duration: /) { m = $0; sub(/.*duration: /, "", m); d = m + 0; sub(/.*(statement|execute <unnamed>): /, "", m)
      m = substr(m, 1, 40); long[k] = long[k] sprintf(" %.1fs:%s", d / 1000, m) }
    next }
  function stretch(ts,   i) { for (i = 1; i <= n; i++) if (ts >= lo[i] && ts < hi[i]) return i; return 0 }
  END {
    for (i = 1; i <= n; i++) {
      print desc[i]
      printf "  server cpu: loader backends %.1f s, autovacuum %.1f s, checkpointer %.1f s, walwriter %.1f s, bgwriter %.1f s\n",
        c[i, "client_backend"], c[i, "autovacuum_worker"], c[i, "checkpointer"], c[i, "walwriter"], c[i, "background_writer"]
      s = ""; for (w in wk) if (waits[i, w]) s = s " " w "=" waits[i, w]
      print "  loader backends seen in:" s
      if (i in ginmax) printf "  full-text GIN pending list: at most %d pages%s\n", ginmax[i], gindrop[i] != "" ? "; merged (pages before->after):" gindrop[i] : ""
      if (av[i] != "") print "  autovacuum on:" av[i]
      if (ev[i] != "") print "  log:" ev[i]
      if (long[i] != "") print "  statements over 1 s:" long[i]
    }
  }' "$D/activity" "$D/load.err" "$D/activity" "$D/server.log"

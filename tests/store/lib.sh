# lib.sh — helpers for the store test scripts (sourced): result lines, a private
# PostgreSQL cluster, synthetic story files.  Every loop here is bounded.
ok() { echo "ok $1"; }
bad() { echo "FAIL $1${2:+: $2}"; }
skip() { echo "skip $1: $2"; }
check() { # check NAME GOT WANT
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "got '$2', expected '$3'"; fi
}

# gen_stories N EVENTS: N synthetic stories of EVENTS events each, as 'entente code' JSONL.
gen_stories() {
  awk -v n="$1" -v k="$2" 'BEGIN {
    split("ARNGOV GONGOV MORMIL ROHGOV SHIREB", a, " ")
    for (s = 1; s <= n; s++) for (e = 0; e < k; e++) {
      src = a[1 + (s + e) % 5]; tgt = a[1 + (s + 2 * e + 1) % 5]; if (tgt == src) tgt = a[1 + (s + 2 * e + 2) % 5]
      q = 1 + (s + e) % 4; code = (q == 1) ? "040" : (q == 2) ? "070" : (q == 3) ? "111" : "190"
      g = (q == 1) ? 1.0 : (q == 2) ? 7.0 : (q == 3) ? -2.0 : -10.0
      printf "{\"story_id\":\"K-%05d\",\"sentence_index\":%d,\"date\":\"2024-%02d-%02d\",\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"quad\":%d,\"goldstein\":%.1f,\"sentence\":\"Story %d sentence %d about %s and %s.\"}\n", s, e, 1 + s % 12, 1 + s % 28, src, tgt, code, q, g, s, e, src, tgt
    }
  }'
}

# story_counts ENTENTE URI: "stories events incomplete" where incomplete counts stories
# whose stored event count differs from $PER_STORY (5).
story_counts() {
  timeout 60 "$1" query --db "$2" --limit 0 >"$T/counts.csv" || { echo "query failed or timed out"; return; }
  awk -F, -v k="${PER_STORY:-5}" 'NR > 1 { c[$1]++; n++ }
    END { s = 0; b = 0; for (x in c) { s++; if (c[x] != k) b++ } print s + 0, n + 0, b + 0 }' "$T/counts.csv"
}

# pg_start: a private PostgreSQL cluster on a unix socket in a temp dir (PG_SERVER_OPTS: more
# server options, such as "-c shared_preload_libraries=pg_stat_statements").  Sets PG_URI_BASE
# (append a database name) and PG_DIR; returns 1 when PostgreSQL is not installed or
# cannot start (reason in PG_WHY).
pg_start() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    PG_WHY="PostgreSQL server not installed (sh scripts/install-deps.sh --test installs it)"; return 1
  fi
  PG_DIR=$(mktemp -d /tmp/entente-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  PG_RUN=""
  if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then PG_WHY="running as root and no 'postgres' user to run the server"; return 1; fi
    chown postgres "$PG_DIR"
    if command -v runuser >/dev/null 2>&1; then PG_RUN="runuser -u postgres --"; else PG_RUN="su postgres -s /bin/sh -c"; fi
  fi
  pg_as "$PG_BIN/initdb -D $PG_DIR/data -A trust -U postgres" >"$PG_DIR/initdb.log" 2>&1 ||
    { PG_WHY="initdb failed: $(tail -n 2 "$PG_DIR/initdb.log" | tr '\n' ' ')"; return 1; }
  pg_as "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -w -t 30 -o \"-k $PG_DIR -c listen_addresses= -p 5433 -c fsync=off ${PG_SERVER_OPTS:-}\" start" >/dev/null 2>&1 ||
    { PG_WHY="server did not start: $(tail -n 2 "$PG_DIR/server.log" 2>/dev/null | tr '\n' ' ')"; return 1; }
  PG_URI_BASE="postgresql:///"
  PG_URI_OPTS="?host=$PG_DIR&port=5433&user=postgres"
  return 0
}
# pg_script NAME: the start of a PostgreSQL test script (after sourcing this file): $E the
# binary, $T a temporary directory, a private server (pg_start, PG_SERVER_OPTS), both removed
# at exit, after the script's own script_cleanup if it defines one (to stop a process it
# started); when the server cannot start, a skip line for NAME and exit 0.
pg_script() {
  BUILD=${BUILD:-build}
  E=$(pwd)/$BUILD/entente
  T=$(mktemp -d "/tmp/entente-$1.XXXXXX")
  PG_DIR=""
  trap 'command -v script_cleanup >/dev/null 2>&1 && script_cleanup; pg_stop; rm -rf "$T"' EXIT
  trap 'exit 1' INT TERM
  if ! pg_start; then skip "$1" "$PG_WHY"; exit 0; fi
}
pg_as() { if [ -z "$PG_RUN" ]; then sh -c "$1"; elif [ "${PG_RUN#su }" != "$PG_RUN" ]; then $PG_RUN "$1"; else $PG_RUN sh -c "$1"; fi; }
pg_uri() { echo "${PG_URI_BASE}$1${PG_URI_OPTS}"; }
pg_createdb() { "$PG_BIN/createdb" -h "$PG_DIR" -p 5433 -U postgres "$1"; }
pgq() { "$PG_BIN/psql" -X -At -h "$PG_DIR" -p 5433 -U postgres -c "$2" "$1"; } # pgq DB SQL: the answer, unaligned
pg_stop() {
  [ -n "$PG_DIR" ] || return 0
  [ -d "$PG_DIR/data" ] && pg_as "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate -w stop" >/dev/null 2>&1
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# serve_start URI ERRFILE [SERVE-OPTION...]: 'entente serve' on port 0 in the background;
# sets SPID and PORT (empty when it did not start within 10 s).  $E is the entente binary.
serve_start() {
  _uri=$1; _err=$2; shift 2
  : >"$_err" # emptied here: the child truncates it only once it runs, and until then the loop
             # below could read the port of an earlier server from the same file
  $E serve --db "$_uri" --port 0 "$@" 2>"$_err" &
  SPID=$!
  PORT=""
  i=0
  while [ $i -lt 100 ] && [ -z "$PORT" ]; do
    PORT=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$_err")
    [ -n "$PORT" ] || sleep 0.1
    i=$((i + 1))
  done
}

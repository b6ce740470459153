#!/bin/sh
# bench-dict.sh — load time and peak memory of the full PETRARCH-1 Phoenix dictionary set
# (target: < 0.1 s, < 100 MB), and of entente's default set (target: <= 0.2 s, <= 100 MB).  Needs `make` first; BUILD selects the build directory.
BUILD=${BUILD:-build}
SHARED=${ENTENTE_SHARED:-../shared}
DIR="$SHARED/petrarch/dictionaries"
set -e
[ -f "$BUILD/libentente.a" ] || { echo "bench-dict: $BUILD/libentente.a missing: run make first" >&2; exit 1; }
[ -d "$DIR" ] || { echo "bench-dict: $DIR not found (set ENTENTE_SHARED); skipped"; exit 0; }
mkdir -p "$BUILD/bench"
${CC:-cc} -O2 -std=c11 -D_GNU_SOURCE -Iinclude -o "$BUILD/bench/bench-dict" bench/bench-dict.c "$BUILD/libentente.a" \
  $(pkg-config --libs libxml-2.0 jansson sqlite3 libpq gumbo poppler-glib libmicrohttpd libutf8proc 2>/dev/null) -lpthread -lm
"$BUILD/bench/bench-dict" "$DIR" "${BENCH_RUNS:-10}"
"$BUILD/bench/bench-dict" --default "${BENCH_RUNS:-10}"

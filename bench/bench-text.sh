#!/bin/sh
# bench-text.sh — entente's own text pipeline: tagging accuracy and speed.
#  1. POS accuracy and base-NP F1 of the tagger/chunker against the Penn parses of the
#     PETRARCH dev records (the tagger_dev_records_accuracy unit test prints them).
#  2. Raw text -> sentence structure speed (split + tokenize + tag + chunk) over the
#     records' <Text>, with coding too when the dictionaries load: sentences/s, MB/s.
#  3. A 50 MB line without punctuation: split, normalise, split + analyze (linear time).
# Needs `make` first; BUILD selects the build directory (default build).
BUILD=${BUILD:-build}
SHARED=${ENTENTE_SHARED:-../shared}
REC="$SHARED/petrarch/records/PETR.UnitTest.dev.xml"
set -e
[ -f "$BUILD/libentente.a" ] || { echo "bench-text: $BUILD/libentente.a missing: run make first" >&2; exit 1; }
mkdir -p "$BUILD/bench"
${CC:-cc} -O2 -std=c11 -D_GNU_SOURCE -Iinclude -o "$BUILD/bench/bench-text" bench/bench-text.c "$BUILD/libentente.a" \
  $(pkg-config --libs libxml-2.0 jansson sqlite3 libpq gumbo poppler-glib libmicrohttpd libutf8proc 2>/dev/null) -lpthread -lm
if [ -f "$REC" ]; then
  "$BUILD/unit-tests" tagger_dev_records_accuracy 2>&1 | grep "dev records" || true
  "$BUILD/bench/bench-text" "$REC" "${BENCH_SECONDS:-3}" "$SHARED/petrarch/dictionaries"
  "$BUILD/bench/bench-text" "$REC" "${BENCH_SECONDS:-3}" default | tail -n 1
else
  echo "bench-text: $REC not found (set ENTENTE_SHARED); accuracy and record speed skipped"
fi
"$BUILD/bench/bench-text" --big "${BENCH_BIG_MB:-50}"

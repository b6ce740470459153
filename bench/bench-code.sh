#!/bin/sh
# bench-code.sh — coder speed from supplied Penn parses with the full dictionaries
# (CAMEO.verbpatterns.150430.txt, the three Phoenix actor files, Phoenix agents and
# discards): builds bench/bench-code.c against $BUILD/libentente.a and runs it over the
# PETRARCH unit-test parses repeated to $SENTENCES sentences (default 200000).
# Targets: >= 100000 sentences/s per core, <= 0.2 s dictionary load, <= 100 MB peak RSS.
BUILD=${BUILD:-build}
SHARED=${ENTENTE_SHARED:-../shared}
SENTENCES=${SENTENCES:-200000}
REC="$SHARED/petrarch/records/PETR.UnitTest.dev.xml"
DICTS="$SHARED/petrarch/dictionaries"
if [ ! -f "$REC" ] || [ ! -d "$DICTS" ]; then
  echo "bench-code: skipped, shared data not found at $SHARED (set ENTENTE_SHARED)"
  exit 0
fi
[ -f "$BUILD/libentente.a" ] || { echo "bench-code: $BUILD/libentente.a missing (run make first)"; exit 1; }
PKGS="libxml-2.0 jansson sqlite3 libpq gumbo poppler-glib libmicrohttpd libutf8proc"
out="$BUILD/bench-code"
${CC:-cc} -O2 -std=c11 -D_GNU_SOURCE -Iinclude -o "$out" bench/bench-code.c "$BUILD/libentente.a" \
  $(pkg-config --libs $PKGS 2>/dev/null) -lpthread -lm || exit 1
"$out" "$REC" "$DICTS" "$SENTENCES"

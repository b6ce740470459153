#!/bin/sh
# symbols.sh — libentente exports only ent_-prefixed names: every global symbol defined in
# the library's objects starts with "ent_".  A name without the prefix would collide
# with a program embedding the library.  (ASan's ODR indicators of position-independent
# objects, "__odr_asan.ent_NAME", name an ent_ global and are not ours.)
BUILD=${BUILD:-build}
command -v nm >/dev/null || { echo "skip symbols: nm not found"; exit 0; }
[ -d "$BUILD/src" ] || { echo "skip symbols: $BUILD/src not built"; exit 0; }
bad=$(for o in "$BUILD"/src/*/*.o; do
        nm -g --defined-only "$o" | awk -v f="$o" '$2 ~ /^[TDBRC]$/ && $3 !~ /^ent_/ && $3 !~ /^__odr_asan\.ent_/ { print f ": " $3 }'
      done)
if [ -z "$bad" ]; then echo "ok symbols: every exported name is ent_-prefixed"
else echo "FAIL symbols: exported names without the ent_ prefix:"; echo "$bad" | head -20; fi
# no one-letter functions and no cryptic type names come back
if grep -nE '\b(T)\(|\b(cit|ck|lz)\b' src/syntax/chunker.c src/coder/*.c src/coder/*.h >/dev/null 2>&1; then
  echo "FAIL symbols: T(), cit, ck or lz in src/syntax/chunker.c or src/coder/"
  grep -nE '\b(T)\(|\b(cit|ck|lz)\b' src/syntax/chunker.c src/coder/*.c src/coder/*.h | head -5
else echo "ok symbols: no T(), cit, ck, lz"; fi

#!/bin/sh
# hostile-corpus.sh — every file of fuzz/corpus (the fuzzers' seeds: deep and unclosed
# HTML, too many attributes, entity expansion, truncated XML, control characters...) is
# coded as detected and as each input format, to a pipe and to a full device (/dev/full):
# no crash, no sanitizer report, no hang past 10 s, and a write failure exits 1 with a
# message.  Under `make asan` the binary is the sanitized one.
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-corpus.XXXXXX)
trap 'rm -rf "$T"' EXIT
for f in fuzz/corpus/*; do
  name=$(basename "$f")
  bad=""
  for input in auto text jsonl html petrxml; do
    timeout 10 "$E" code --input "$input" "$f" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -gt 1 ] || grep -q -e 'Sanitizer' -e 'runtime error' "$T/err"; then bad="$bad $input:exit$rc"; fi
    timeout 10 "$E" code --input "$input" "$f" >/dev/full 2>"$T/err"
    rc=$?
    if grep -q -e 'Sanitizer' -e 'runtime error' "$T/err"; then bad="$bad $input:/dev/full:sanitizer"; fi
    # events to write and a full device: exit 1 and the reason
    if [ -s "$T/out" ] && { [ $rc != 1 ] || ! grep -q 'cannot write: No space left on device' "$T/err"; }; then
      bad="$bad $input:/dev/full:exit$rc"
    fi
  done
  if [ -z "$bad" ]; then echo "ok hostile corpus $name"; else echo "FAIL hostile corpus $name:$bad"; head -3 "$T/err"; fi
done

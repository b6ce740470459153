#!/bin/sh
# demo.sh — the main job on bundled data: codes the project's demo stories with the
# default dictionaries and prints the events.  Until the raw-text stages land it falls
# back to validating the PETRARCH records when ../shared is present.
set -e
BUILD=${BUILD:-build}
if [ -f data/demo/stories.jsonl ] && "$BUILD/entente" code --help >/dev/null 2>&1; then
  exec "$BUILD/entente" code data/demo/stories.jsonl
fi
SHARED=${ENTENTE_SHARED:-../shared}
if [ -f "$SHARED/petrarch/records/PETR.UnitTest.dev.xml" ]; then
  exec "$BUILD/entente" validate "$SHARED/petrarch/records/PETR.UnitTest.dev.xml"
fi
echo "demo: no bundled stories yet and no shared records at $SHARED" >&2
exit 1

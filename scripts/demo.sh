#!/bin/sh
# demo.sh — the README's first command: installs missing Debian packages, builds entente,
# and codes the bundled demo stories (data/demo/stories.jsonl) with the project's default
# dictionaries, printing one JSON event per line.
set -e
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -s -j2
BUILD=${BUILD:-build}
if [ -f data/demo/stories.jsonl ]; then
  exec "$BUILD/entente" code data/demo/stories.jsonl
fi
echo "demo: data/demo/stories.jsonl is missing from this checkout" >&2
exit 1

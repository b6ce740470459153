#!/bin/sh
# store-code-ids.sh — `code --db` (issue 16 P5, P6): stories of one run that share an id
# (index.html in two folders, a duplicate id in one JSONL file, id-less JSON lines in two
# folders) are all stored, the later ones under "ID@PATH" with a warning; the summary
# counts what the database holds, not what was coded (a database that refuses some rows).
. tests/store/lib.sh
BUILD=${BUILD:-build}
E=$(pwd)/$BUILD/entente
T=$(mktemp -d /tmp/entente-ids.XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
mkdir -p a b
echo '<html><head><title>A</title></head><body><article><p>Russia criticised China on Monday.</p></article></body></html>' >a/index.html
echo '<html><head><title>B</title></head><body><article><p>France praised Germany on Monday.</p></article></body></html>' >b/index.html
printf '%s\n' '{"id":"x1","date":"2024-01-02","text":"Russia criticised China."}' \
  '{"id":"x1","date":"2024-01-03","text":"Japan praised India."}' >dup.jsonl
printf '%s\n' '{"date":"2024-01-04","text":"Egypt criticised Israel."}' >a/noid.jsonl
printf '%s\n' '{"date":"2024-01-05","text":"Brazil praised Argentina."}' >b/noid.jsonl
timeout 60 "$E" code --db ids.db a/index.html b/index.html dup.jsonl a/noid.jsonl b/noid.jsonl >out 2>err
check "code --db: colliding story ids are all stored" "$(timeout 30 "$E" query --db ids.db | cut -d, -f1 | tail -n +2 | sort | tr '\n' ' ')" \
  "index.html index.html@b/index.html noid.jsonl:1 noid.jsonl:1@b/noid.jsonl:1 x1 x1@dup.jsonl:2 "
check "code --db: one warning per renamed story" "$(grep -c "was already stored in this run" err)" 3
grep -q "^b/index.html: warning: story id 'index.html' was already stored in this run (from a/index.html); this story is stored as 'index.html@b/index.html'" err &&
  ok "code --db: the warning names both documents and the new id" || bad "code --db: warning text" "$(head -n 3 err)"
check "code --db: summary" "$(tail -n 1 err)" "entente code: 6 stories, 6 events stored (sqlite)"
# a second run re-codes: the same ids replace what the first run stored (no new copies)
timeout 60 "$E" code --db ids.db a/index.html b/index.html dup.jsonl a/noid.jsonl b/noid.jsonl >/dev/null 2>&1
check "code --db: re-running replaces, never duplicates" "$(timeout 30 "$E" query --db ids.db --count)" 6

# P6: a database that refuses a row: nothing of that transaction is counted as stored
if command -v sqlite3 >/dev/null 2>&1; then
  "$E" load --db p6.db /dev/null 2>/dev/null
  sqlite3 p6.db "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.code = '051' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;"
  timeout 60 "$E" code --db p6.db a/index.html b/index.html >/dev/null 2>err6
  rc=$?
  check "code --db: summary counts stored events when storing fails" "$(tail -n 1 err6)" \
    "entente code: 0 stories, 0 events stored (sqlite); storing stopped after an error"
  check "code --db: exit status after a storing error" "$rc" 1
  check "code --db: nothing half-stored" "$(timeout 30 "$E" query --db p6.db --count)" 0
else
  skip "code --db summary after a storing error" "sqlite3 not installed (sh scripts/install-deps.sh --test installs it)"
fi

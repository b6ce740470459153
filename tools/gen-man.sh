#!/bin/sh
# gen-man.sh — writes the man page entente(1) to stdout from the program's own texts:
# help2man reads `entente --help` and `--version`; every command's `entente CMD --help`
# becomes a subsection of COMMANDS, so the page never disagrees with the program.
# usage: sh tools/gen-man.sh build/entente > entente.1
set -e
E=${1:?usage: gen-man.sh ENTENTE_BINARY}
command -v help2man >/dev/null 2>&1 || { echo "gen-man.sh: help2man not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
inc=$(mktemp); trap 'rm -f "$inc"' EXIT
# roff-safe text: backslashes doubled, lines starting with . or ' protected
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }
{
  echo '[COMMANDS]'
  for c in $("$E" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'); do
    echo ".SS $c"
    echo '.nf'
    "$E" "$c" --help | roff
    echo '.fi'
  done
  cat <<'TXT'
[ENVIRONMENT]
.TP
.B ENTENTE_DATA
Directory of the default dictionaries (a data/ directory or its dictionaries/ folder).
.TP
.B ENTENTE_DB
Database for load, query and serve when \-\-db is not given.
.TP
.B ENTENTE_PROGRESS
A progress line on standard error for code and load: "always", "never", or (unset) only
when standard error is a terminal.
.TP
.B ENTENTE_CODER_DEBUG
Set to 1 to print the coder's view of each sentence and the pattern that matched.
[FILES]
.TP
.I PREFIX/share/entente/dictionaries
The default dictionaries (TABARI/PETRARCH formats).
[SEE ALSO]
The README of the entente source tree.
TXT
} > "$inc"
help2man --no-info --no-discard-stderr --name="political event coder: news text to CAMEO/PLOVER events" \
  --section=1 --include="$inc" "$E"

#!/bin/sh
# install-deps.sh — installs the Debian packages entente needs to build and test, only
# those that are missing.  Uses sudo when not root.  Idempotent.
set -e
PKGS="build-essential pkg-config libxml2-dev libjansson-dev libsqlite3-dev libpq-dev libgumbo-dev
      libpoppler-glib-dev libmicrohttpd-dev libutf8proc-dev iso-codes help2man wordnet-base"
# the build fetches the POS lexicon (npm package brill) with npm; node/npm may come from
# another packaging (NodeSource's nodejs bundles npm), so look for the command
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
# extra packages the test suite uses (database server, browser test, PDF fixtures)
if [ "${1:-}" = "--test" ]; then
  PKGS="$PKGS postgresql chromium poppler-utils sqlite3 parallel"
fi
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing

#!/bin/sh
# install.sh — `make install` into a temporary prefix: the binary, libentente.so (with its
# soname) and libentente.a, entente.h, entente.pc, the default dictionaries, the man page
# (every command in it) and the bash completion are there; the installed binary codes from
# another folder with the installed dictionaries; a small C program built with
# `pkg-config --cflags --libs entente` codes a sentence through the shared library.
# Prints ok/FAIL lines (counted by tests/run.sh).
BUILD=${BUILD:-build}
T=$(mktemp -d /tmp/entente-install.XXXXXX)
trap 'rm -rf "$T"' EXIT
P=$T/prefix
fail() { echo "FAIL install: $*"; exit 1; }
VERSION=$(sed -n 's/^#define ENTENTE_VERSION "\(.*\)"/\1/p' include/entente.h)
MAJOR=${VERSION%%.*}

command -v help2man >/dev/null 2>&1 || { echo "skip install: help2man missing (scripts/install-deps.sh)"; exit 0; }
make -s install BUILD="$BUILD" PREFIX="$P" >"$T/make.out" 2>&1 || { cat "$T/make.out"; fail "make install failed"; }
for f in bin/entente lib/libentente.a lib/libentente.so.$VERSION lib/libentente.so.$MAJOR lib/libentente.so \
         include/entente.h lib/pkgconfig/entente.pc share/entente/dictionaries/entente.verbs.txt \
         share/entente/dictionaries/entente.conf share/man/man1/entente.1 share/bash-completion/completions/entente; do
  [ -e "$P/$f" ] || fail "$f not installed"
done
soname=$(objdump -p "$P/lib/libentente.so.$VERSION" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libentente.so.$MAJOR" ] || fail "soname is '$soname', expected libentente.so.$MAJOR"
nm "$P/lib/libentente.a" 2>/dev/null | grep -q ' T ent_version$' || fail "libentente.a has no ent_version"
echo "ok install: files, soname $soname"

# one version everywhere
[ "$("$P/bin/entente" --version)" = "entente $VERSION" ] || fail "--version: $("$P/bin/entente" --version)"
[ "$(PKG_CONFIG_PATH=$P/lib/pkgconfig pkg-config --modversion entente)" = "$VERSION" ] || fail "entente.pc version"
grep -q "entente $VERSION" "$P/share/man/man1/entente.1" || fail "man page version"
for c in $("$P/bin/entente" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'); do
  grep -q "^\.SS $c\$" "$P/share/man/man1/entente.1" || fail "man page lacks command $c"
done
grep -q ENTENTE_PROGRESS "$P/share/man/man1/entente.1" || fail "man page lacks ENTENTE_PROGRESS"
echo "ok install: version $VERSION in binary, pkg-config and man page; man page lists every command"

# the installed binary, run from elsewhere, finds the installed dictionaries
out=$(cd "$T" && echo "France condemned Germany." | env -u ENTENTE_DATA "$P/bin/entente" code --format tsv | cut -f4-6 | tail -n 1)
[ "$out" = "$(printf 'FRA\tDEU\t111')" ] || fail "installed binary coded '$out'"
echo "ok install: installed binary codes with the installed dictionaries"

# a C program built with pkg-config against the installed library
cat >"$T/prog.c" <<'C'
#include <entente.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    ent_diag *diag = ent_diag_new();
    ent_dicts *d = NULL;
    if (ent_dicts_load_default(NULL, diag, &d) != ENT_OK) {
        for (size_t i = 0; i < ent_diag_count(diag); i++) fprintf(stderr, "%s\n", ent_diag_message(diag, i));
        return 1;
    }
    ent_coder_options o;
    ent_coder_options_default(&o);
    ent_coder *c = ent_coder_new(d, &o);
    ent_sentence *s = ent_sentence_new();
    ent_events *ev = ent_events_new();
    const char *text = "France condemned Germany.";
    if (ent_sentence_analyze(s, text, strlen(text), diag) != ENT_OK) return 1;
    ent_coder_code(c, s, 20240101, ev);
    for (size_t i = 0; i < ent_events_count(ev); i++) {
        const ent_event *e = ent_events_get(ev, i);
        printf("%s %s %s %s\n", e->source, e->target, e->code, ent_version());
    }
    ent_events_free(ev); ent_sentence_free(s); ent_coder_free(c); ent_dicts_free(d); ent_diag_free(diag);
    return 0;
}
C
extra=""
nm -D "$P/lib/libentente.so.$VERSION" 2>/dev/null | grep -q __asan_init && extra="-fsanitize=address,undefined"
flags=$(PKG_CONFIG_PATH=$P/lib/pkgconfig pkg-config --cflags --libs entente) || fail "pkg-config --cflags --libs entente"
cc $extra -o "$T/prog" "$T/prog.c" $flags -Wl,-rpath,"$P/lib" 2>"$T/cc.err" || { cat "$T/cc.err"; fail "the C program did not build with: $flags"; }
ldd "$T/prog" | grep -q "libentente.so.$MAJOR => $P/lib/" || fail "the program is not linked to the installed libentente.so"
got=$(cd "$T" && env -u ENTENTE_DATA "$T/prog")
[ "$got" = "FRA DEU 111 $VERSION" ] || fail "the C program printed '$got'"
echo "ok install: a program built with pkg-config --cflags --libs entente codes a sentence"

# DESTDIR stages the same tree under another root
make -s install BUILD="$BUILD" DESTDIR="$T/stage" PREFIX=/usr >/dev/null 2>&1 || fail "make install DESTDIR"
[ -x "$T/stage/usr/bin/entente" ] && [ -e "$T/stage/usr/lib/libentente.so.$MAJOR" ] || fail "DESTDIR layout"
echo "ok install: DESTDIR staging"

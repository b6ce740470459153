#!/bin/sh
# bench-agreement.sh — how far entente's own default dictionaries (data/dictionaries) agree
# with the public PETRARCH/Phoenix dictionaries (../shared/petrarch/dictionaries:
# CAMEO.verbpatterns + Phoenix actors/agents/discards) when both code the same raw
# sentences with entente's tagger and coder.  Corpus: bench/agreement/sentences.txt
# (our own news-like sentences), the demo stories and, when present, the shared FT
# article.  Per sentence it compares the set of CAMEO root codes each side produced and
# the source country (first 3 letters of the source code) of the events, then prints
# counts, agreement rates and the sentences where the two differ.
# Usage: sh bench/bench-agreement.sh [-q]   (-q: totals only)
set -e
BUILD=${BUILD:-build}
ENTENTE=${ENTENTE:-$BUILD/entente}
SHARED=${ENTENTE_SHARED:-../shared}
PUB=$SHARED/petrarch/dictionaries
quiet=0; [ "${1:-}" = "-q" ] && quiet=1
[ -x "$ENTENTE" ] || { echo "bench-agreement: $ENTENTE not built (run make)" >&2; exit 1; }
if [ ! -f "$PUB/CAMEO.verbpatterns.150430.txt" ]; then
  echo "bench-agreement: skipped, $PUB not found (set ENTENTE_SHARED)"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the public operational set only (not the PETR.Validate.* test dictionaries)
mkdir "$tmp/pub"
for f in CAMEO.verbpatterns.150430.txt Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt; do
  ln -s "$(cd "$PUB" && pwd)/$f" "$tmp/pub/$f"
done
set -- bench/agreement/sentences.txt data/demo/stories.jsonl
[ -f "$SHARED/articles/ft-2022-02-04-xi-putin-nato.txt" ] && set -- "$@" "$SHARED/articles/ft-2022-02-04-xi-putin-nato.txt"

"$ENTENTE" code --format tsv "$@" >"$tmp/ours.tsv"
"$ENTENTE" code --format tsv --dicts "$tmp/pub" "$@" >"$tmp/pub.tsv"
"$ENTENTE" code --sentences "$@" >"$tmp/sent.jsonl"
nsent=$(wc -l <"$tmp/sent.jsonl")

# key = story \t sentence; value = sorted unique roots / source countries
summarise() {
  awk -F'\t' 'NR > 1 { k = $1 "\t" $2; r[k] = r[k] " " $7; s[k] = s[k] " " substr($4, 1, 3); t[k] = $14 }
      END { for (k in r) print k "\t" r[k] "\t" s[k] "\t" t[k] }' "$1" |
  awk -F'\t' '{ n = split($3, a, " "); asort_s = ""; delete seen
                for (i = 1; i <= n; i++) if (!(a[i] in seen)) { seen[a[i]] = 1; l[++m] = a[i] }
                # insertion sort of the m unique roots
                for (i = 2; i <= m; i++) { v = l[i]; j = i - 1; while (j > 0 && l[j] > v) { l[j+1] = l[j]; j-- } l[j+1] = v }
                roots = ""; for (i = 1; i <= m; i++) roots = roots (i > 1 ? "," : "") l[i]; m = 0
                n = split($4, a, " "); delete seen
                for (i = 1; i <= n; i++) if (!(a[i] in seen)) { seen[a[i]] = 1; l[++m] = a[i] }
                for (i = 2; i <= m; i++) { v = l[i]; j = i - 1; while (j > 0 && l[j] > v) { l[j+1] = l[j]; j-- } l[j+1] = v }
                src = ""; for (i = 1; i <= m; i++) src = src (i > 1 ? "," : "") l[i]; m = 0
                print $1 "\t" $2 "\t" roots "\t" src "\t" $5 }' | sort
}
summarise "$tmp/ours.tsv" >"$tmp/ours.sum"
summarise "$tmp/pub.tsv" >"$tmp/pub.sum"
ev_ours=$(($(wc -l <"$tmp/ours.tsv") - 1)); ev_pub=$(($(wc -l <"$tmp/pub.tsv") - 1))

# join on story+sentence (both sides may be missing)
awk -F'\t' -v quiet=$quiet -v nsent="$nsent" -v evo="$ev_ours" -v evp="$ev_pub" '
  FNR == NR { k = $1 SUBSEP $2; pr[k] = $3; ps[k] = $4; txt[k] = $5; keys[k] = 1; next }
  { k = $1 SUBSEP $2; orr[k] = $3; os[k] = $4; txt[k] = $5; keys[k] = 1 }
  END {
    for (k in keys) {
      if ((k in pr) && (k in orr)) {
        both++
        if (pr[k] == orr[k]) same++; else { diff[++nd] = k }
        if (ps[k] == os[k]) samesrc++
        split(pr[k], a, ","); split(orr[k], b, ","); any = 0
        for (i in a) for (j in b) if (a[i] == b[j]) any = 1
        if (any) overlap++
      } else if (k in pr) { onlyp[++np] = k } else { onlyo[++no] = k }
    }
    printf "sentences %d; events: ours %d, public %d\n", nsent, evo, evp
    printf "sentences coded: by both %d, only ours %d, only public %d, neither %d\n", both, no, np, nsent - both - no - np
    if (both) {
      printf "root agreement where both coded: same root set %d/%d (%.1f%%), at least one root shared %d/%d (%.1f%%)\n", same, both, 100 * same / both, overlap, both, 100 * overlap / both
      printf "source country agreement where both coded: %d/%d (%.1f%%)\n", samesrc, both, 100 * samesrc / both
    }
    if (nsent) printf "sentence-level agreement (same roots, or both silent): %.1f%%\n", 100 * (same + nsent - both - no - np) / nsent
    if (quiet) exit
    for (i = 1; i <= nd; i++) { k = diff[i]; split(k, p, SUBSEP); printf "DIFF  %s#%s ours=%s/%s public=%s/%s  %s\n", p[1], p[2], orr[k], os[k], pr[k], ps[k], substr(txt[k], 1, 90) }
    for (i = 1; i <= no; i++) { k = onlyo[i]; split(k, p, SUBSEP); printf "OURS  %s#%s ours=%s/%s  %s\n", p[1], p[2], orr[k], os[k], substr(txt[k], 1, 90) }
    for (i = 1; i <= np; i++) { k = onlyp[i]; split(k, p, SUBSEP); printf "PUBL  %s#%s public=%s/%s  %s\n", p[1], p[2], pr[k], ps[k], substr(txt[k], 1, 90) }
  }' "$tmp/pub.sum" "$tmp/ours.sum"

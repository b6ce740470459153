# gen-store-corpus.awk — a synthetic corpus of coded events for bench-store.sh, as the JSON
# lines 'entente code' writes: N events (-v n=...) in stories of 1-6 events, dated over
# five years (2020-2024), between ~300 actor codes (60 countries x 6 sectors, skewed so a
# few countries dominate, as in news), with 40 CAMEO codes of every quad class; 10% of
# events have no target.  Deterministic (its own random generator): the same n gives the
# same corpus on every machine.  -v order=date writes the stories in date order, as a news
# archive coded day by day arrives (the same actors, codes and story sizes; only the dates
# differ); the default scatters each story's date at random over the five years.
# Usage: awk -v n=1000000 [-v order=date] -f bench/gen-store-corpus.awk
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }  # Park-Miller: exact in doubles
function actor(   c, s) {
  c = int(60 * rnd() ^ 2.5); s = int(6 * rnd())
  return country[c] sector[s]
}
BEGIN {
  seed = 20261206
  split("USA CHN RUS UKR GBR FRA DEU IRN ISR PSE IND PAK JPN KOR PRK TUR SYR IRQ SAU EGY " \
        "NGA ZAF KEN ETH SDN LBY AFG BRA MEX VEN COL ARG CAN AUS IDN PHL VNM THA MMR BGD " \
        "POL ITA ESP NLD SWE NOR FIN GRC SRB HUN BLR GEO ARM AZE KAZ UZB QAT ARE YEM LBN", cc, " ")
  for (i = 0; i < 60; i++) country[i] = cc[i + 1]
  split("|GOV|MIL|REB|BUS|CVL", sc, "|")
  for (i = 0; i < 6; i++) sector[i] = sc[i + 1]
  # code root quad goldstein plover verb
  split("010 01 1 0.0 CONSULT said|020 02 1 3.0 CONSULT appealed to|036 03 1 4.0 COOPERATE pledged to meet|" \
        "040 04 1 1.0 CONSULT consulted|042 04 1 1.9 CONSULT visited|043 04 1 2.8 CONSULT hosted|" \
        "046 04 1 7.0 CONSULT negotiated with|051 05 1 3.4 COOPERATE praised|057 05 1 8.0 AGREE signed an agreement with|" \
        "061 06 2 6.4 COOPERATE cooperated economically with|070 07 2 7.0 AID provided aid to|071 07 2 7.4 AID gave economic aid to|" \
        "073 07 2 7.4 AID gave humanitarian aid to|081 08 2 5.0 YIELD eased sanctions on|084 08 2 7.0 YIELD returned|" \
        "090 09 3 -2.0 INVESTIGATE investigated|100 10 3 -5.0 DEMAND demanded|111 11 3 -2.0 DISAPPROVE criticized|" \
        "112 11 3 -2.0 ACCUSE accused|120 12 3 -4.0 REJECT rejected|130 13 3 -4.4 THREATEN threatened|" \
        "138 13 3 -7.0 THREATEN threatened force against|140 14 3 -6.5 PROTEST protested against|160 16 3 -4.0 REDUCE cut ties with|" \
        "163 16 3 -8.0 SANCTION imposed sanctions on|172 17 4 -5.0 COERCE coerced|173 17 4 -5.0 COERCE arrested|" \
        "180 18 4 -9.0 ASSAULT attacked|181 18 4 -9.0 ASSAULT abducted|190 19 4 -10.0 ATTACK fought|" \
        "193 19 4 -10.0 ATTACK clashed with|194 19 4 -10.0 ATTACK shelled|195 19 4 -10.0 ATTACK bombed|" \
        "200 20 4 -10.0 ATTACK massacred|0231 02 1 3.4 REQUEST appealed for aid from|0331 03 1 5.2 COOPERATE promised aid to|" \
        "0311 03 1 5.2 COOPERATE promised economic cooperation with|154 15 4 -7.2 MOBILIZE mobilized against|" \
        "125 12 3 -5.0 REJECT rejected proposal of|056 05 1 3.5 COOPERATE forgave", codes, "|")
  nc = 40
  ev = 0; s = 0
  while (ev < n) {
    s++
    k = 1 + int(6 * rnd() ^ 1.6); if (ev + k > n) k = n - ev
    day = int(1827 * rnd())
    if (order == "date") day = int(1827 * ev / n)
    # day -> date (2020-01-01 + day)
    y = 2020; d = day
    while (1) { yl = (y % 4 == 0) ? 366 : 365; if (d < yl) break; d -= yl; y++ }
    split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " "); if (y % 4 == 0) ml[2] = 29
    m = 1; while (d >= ml[m]) { d -= ml[m]; m++ }
    date = sprintf("%04d-%02d-%02d", y, m, d + 1)
    for (e = 0; e < k; e++) {
      src = actor(); tgt = (rnd() < 0.1) ? "---" : actor()
      if (tgt == src) tgt = "---"
      split(codes[1 + int(nc * rnd() ^ 1.3)], c, " ")
      verb = c[6]; for (w = 7; w in c; w++) verb = verb " " c[w]
      printf "{\"story_id\":\"W-%07d\",\"sentence_index\":%d,\"sentence_id\":\"W-%07d-%d\",\"date\":\"%s\",\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%s\",\"quad\":%d,\"goldstein\":%s,\"plover\":\"%s\",\"source_text\":\"%s\",\"target_text\":\"%s\",\"verb_text\":\"%s\",\"sentence\":\"Officials of %s %s %s on %s, the wire reported in story %d.\"}\n", \
        s, e, s, e, date, src, tgt, c[1], c[2], c[3], c[4], c[5], src, tgt, verb, src, verb, tgt, date, s
      ev++
    }
  }
}

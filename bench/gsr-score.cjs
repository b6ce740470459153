// gsr-score.cjs — scores entente's events against the PLOVER gold-standard records
// (PLOVER_GSR_CAMEO JSON: one record per sentence with a gold PLOVER category and gold
// source/target actor codes).  Used by bench-gsr.sh; reads no network, writes stdout.
//
//   node gsr-score.cjs make  GSR.json                      -> JSONL stories on stdout
//   node gsr-score.cjs score GSR.json EVENTS.tsv TABLE...  -> figures and misses
//
// A record is right when one event has (a) a CAMEO code that one of the TABLEs maps to
// the gold category and (b) a source whose first three letters are one of the gold
// source codes (gold IGO/NGO/IMG/MNC: the event source starts with those letters).
// The gold uses PLOVER 0.5 names; the older names are folded into the tables' names
// (DEMAND=REQUEST, DISAPPROVE=ACCUSE, INVESTIGATE=ACCUSE, FIGHT=ASSAULT,
// COOPERATION=COOPERATE); CAMEO 02x (appeals) count as REQUEST and root 08 as CONCEDE
// or RETREAT.  "target" in the figures is the same test on the gold target codes.
'use strict';
const fs = require('fs');
const [mode, gsrPath, eventsPath, ...tables] = process.argv.slice(2);
const FOLD = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT',
               COOPERATION: 'COOPERATE' };
const fold = (c) => FOLD[c] || c;
const records = JSON.parse(fs.readFileSync(gsrPath, 'utf8')).filter((r) => r.text && r.event !== 'DOCUMENT');

if (mode === 'make') {
  for (const r of records)
    process.stdout.write(JSON.stringify({ id: r.id, date: r.date || '2000-01-01', text: r.text }) + '\n');
  process.exit(0);
}
if (mode !== 'score') { console.error('usage: gsr-score.cjs make|score GSR.json [EVENTS.tsv TABLE...]'); process.exit(2); }

// code -> set of categories, from every table given (CAMEO2PLOVER "030: AGREE, ..." or the
// older whitespace-separated "030  AGREE  ---  context  description")
const cats = new Map();
const addCat = (code, cat) => {
  if (!/^[0-9]{2,4}$/.test(code) || !/^[A-Z]+$/.test(cat)) return;
  if (!cats.has(code)) cats.set(code, new Set());
  cats.get(code).add(fold(cat));
};
for (const t of tables) {
  for (const line of fs.readFileSync(t, 'utf8').split('\n')) {
    if (/^\s*#/.test(line)) continue;
    let m = line.match(/^\s*([0-9]{2,4}):\s*([A-Z]+)\s*,/);
    if (m) { addCat(m[1], m[2]); continue; }
    m = line.match(/^\s*([0-9]{3,4})\s+([A-Z]+)\s/);
    if (m) addCat(m[1], m[2]);
  }
}
const categoriesOf = (code) => {
  const s = new Set(cats.get(code) || []);
  if (code.startsWith('02')) s.add('REQUEST');
  if (code.startsWith('08')) { s.add('CONCEDE'); s.add('RETREAT'); }
  return s;
};
const actorMatches = (goldList, code) => (goldList || []).some((g) => {
  const gc = (g.code || '').toUpperCase();
  if (!gc || !code) return false;
  return code.slice(0, 3) === gc.slice(0, 3);
});

const events = new Map();
const lines = fs.readFileSync(eventsPath, 'utf8').split('\n');
const head = lines[0].split('\t');
const col = (n) => head.indexOf(n);
const [cId, cSrc, cTgt, cCode] = [col('story_id'), col('source'), col('target'), col('code')];
for (const line of lines.slice(1)) {
  if (!line) continue;
  const f = line.split('\t');
  if (!events.has(f[cId])) events.set(f[cId], []);
  events.get(f[cId]).push({ source: f[cSrc], target: f[cTgt], code: f[cCode] });
}

let n = 0, okBoth = 0, okCat = 0, okSrc = 0, okAll = 0, nev = 0, coded = 0;
const perCat = new Map();
const misses = [];
for (const r of records) {
  n++;
  const gold = fold(r.event);
  const evs = events.get(r.id) || [];
  nev += evs.length; if (evs.length) coded++;
  let c = false, s = false, b = false, a = false;
  for (const e of evs) {
    const cc = categoriesOf(e.code).has(gold), ss = actorMatches(r.source, e.source);
    if (cc) c = true; if (ss) s = true;
    if (cc && ss) { b = true; if (actorMatches(r.target, e.target)) a = true; }
  }
  okCat += c; okSrc += s; okBoth += b; okAll += a;
  const pc = perCat.get(gold) || [0, 0]; pc[0] += b; pc[1]++; perCat.set(gold, pc);
  if (!b) misses.push(`  MISS ${r.id}  want ${gold} ${(r.source || []).map((x) => x.code).join('/')}` +
    `>${(r.target || []).map((x) => x.code).join('/')}  got ${evs.length ? evs.map((e) => `${e.source}>${e.target}:${e.code}`).join(' ') : 'nothing'}\n      ${r.text}`);
}
const pct = (a) => (100 * a / n).toFixed(1);
console.log(`GSR records: ${n}; right category+source: ${okBoth}/${n} = ${pct(okBoth)}%`);
console.log(`  category ${pct(okCat)}%  source ${pct(okSrc)}%  category+source+target ${pct(okAll)}%` +
            `  coded ${coded}/${n}  events/sentence ${(nev / n).toFixed(2)}`);
console.log('  per category: ' + [...perCat].map(([k, v]) => `${k} ${v[0]}/${v[1]}`).join(', '));
if (!process.env.GSR_QUIET) console.log('misses:\n' + misses.join('\n'));
process.stdout.write(`GSR_RIGHT=${okBoth}\n`);

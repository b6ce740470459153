#!/usr/bin/env node
// heads-coverage.mjs — how much of each UN member's time since 1945 the default dictionaries
// cover with a dated government role ([XXXGOV from-to], [XXXGOV >from]): the measure of
// issue 12's "heads of state and government of every UN member since 1945".
//
//   node tools/heads-coverage.mjs [--dir data/dictionaries] [--members data/un-members.tsv]
//        [--to YYYYMMDD] [--only GLOB-SUBSTRING ...] [--gaps DAYS] [--member CODE]
//
// A member-day is covered when some person in the actor files holds a GOV role of one of the
// member's codes (data/un-members.tsv, column 4) on that day; a role written [XXXGOV <DATE]
// (until DATE) counts from 1945, the start of the records.  Printed: the covered share of
// member-days per decade and region, the number of people whose first government role starts
// in each decade, and with --gaps N every uncovered stretch longer than N days.
// --only keeps the files whose name contains one of the given strings (e.g. --only heads.
// history. leaders. for the hand-written files).  A GOV role also covers ministers, so the
// figure is "someone in government is known", an upper bound for heads of state/government.
// Exit status 0; 2 on unreadable input.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let dir = 'data/dictionaries', membersFile = 'data/un-members.tsv', gapDays = 0, oneMember = null;
let only = [];
const now = new Date();
let to = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--dir') dir = args[++i];
  else if (a === '--members') membersFile = args[++i];
  else if (a === '--to') to = Number(args[++i]);
  else if (a === '--gaps') gapDays = Number(args[++i]);
  else if (a === '--member') oneMember = args[++i];
  else if (a === '--only') { while (i + 1 < args.length && !args[i + 1].startsWith('--')) only.push(args[++i]); }
  else { process.stderr.write(`heads-coverage: unknown argument '${a}'\n`); process.exit(2); }
}
if (!/^\d{8}$/.test(String(to))) { process.stderr.write(`heads-coverage: --to wants YYYYMMDD, got '${to}'\n`); process.exit(2); }

// Day number of a YYYYMMDD date (days since 1970-01-01).
const dayOf = (d) => Date.UTC(Math.floor(d / 10000), Math.floor(d / 100) % 100 - 1, d % 100) / 86400000;
const yearOfDay = (n) => new Date(n * 86400000).getUTCFullYear();
const dateOfDay = (n) => new Date(n * 86400000).toISOString().slice(0, 10);
const END = dayOf(to);

function readOrDie(file) {
  try { return fs.readFileSync(file, 'utf8'); }
  catch (e) { process.stderr.write(`heads-coverage: cannot read ${file}: ${e.message}\n`); process.exit(2); }
}

// ---- members
const members = [];
readOrDie(membersFile).split('\n').forEach((line, i) => {
  if (!line.trim() || line.startsWith('#')) return;
  const f = line.split('\t');
  if (f.length < 6 || !/^\d{8}$/.test(f[1]) || !(f[2] === '-' || /^\d{8}$/.test(f[2]))) {
    process.stderr.write(`heads-coverage: ${membersFile}:${i + 1}: expected CODE\\tYYYYMMDD\\tYYYYMMDD|-\\tCODES\\tREGION\\tNAME\n`);
    process.exit(2);
  }
  members.push({ code: f[0], from: dayOf(Number(f[1])), to: f[2] === '-' ? END : Math.min(END, dayOf(Number(f[2]))),
                 codes: f[3].split(','), region: f[4], name: f[5] });
});

// ---- government roles: code -> list of [from, to] day intervals; people per start decade
let files;
try { files = fs.readdirSync(dir).filter((f) => f.endsWith('.actors.txt')).sort(); }
catch (e) { process.stderr.write(`heads-coverage: cannot list ${dir}: ${e.message}\n`); process.exit(2); }
if (only.length) files = files.filter((f) => only.some((s) => f.includes(s)));
const roles = new Map();
const peopleByDecade = new Map();
const roleRe = /\[([A-Z]{3})GOV[A-Z]*\s+([<>]?)(\d{8})(?:-(\d{8}))?\]/g;
for (const f of files) {
  let first = null;                       // earliest role start of the current entry
  const flush = () => {
    if (first !== null) { const d = Math.floor(yearOfDay(first) / 10) * 10; peopleByDecade.set(d, (peopleByDecade.get(d) || 0) + 1); }
    first = null;
  };
  for (const line of readOrDie(path.join(dir, f)).split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^[\s+]/.test(line)) flush();     // a new entry
    for (const m of line.matchAll(roleRe)) {
      // [GOV <DATE] (in office until DATE, since before the file's records) counts from 1945
      const a = m[2] === '<' ? dayOf(19450101) : dayOf(Number(m[3]));
      const b = m[2] === '>' ? END : m[2] === '<' ? dayOf(Number(m[3])) : m[4] ? dayOf(Number(m[4])) : null;
      if (b === null) continue;           // a bare date: not a term
      if (!roles.has(m[1])) roles.set(m[1], []);
      roles.get(m[1]).push([a, Math.min(b, END)]);
      if (first === null || a < first) first = a;
    }
  }
  flush();
}

// Covered intervals of a member: the union of its codes' roles, clipped to its membership.
function coveredIntervals(m) {
  const iv = [];
  for (const c of m.codes) for (const [a, b] of roles.get(c) || []) {
    const x = Math.max(a, m.from), y = Math.min(b, m.to);
    if (x <= y) iv.push([x, y]);
  }
  iv.sort((p, q) => p[0] - q[0]);
  const out = [];
  for (const [a, b] of iv) {
    if (out.length && a <= out[out.length - 1][1] + 1) out[out.length - 1][1] = Math.max(out[out.length - 1][1], b);
    else out.push([a, b]);
  }
  return out;
}

// ---- tally member-days per decade and region
const decades = [];
for (let d = 1940; d <= Math.floor(yearOfDay(END) / 10) * 10; d += 10) decades.push(d);
const regions = [...new Set(members.map((m) => m.region))].sort();
const tally = new Map();                  // "region|decade" -> [days, covered]
const add = (key, days, cov) => { const t = tally.get(key) || [0, 0]; t[0] += days; t[1] += cov; tally.set(key, t); };
const decadeStart = (d) => dayOf(d * 10000 + 101);
const gaps = [];
for (const m of members) {
  if (oneMember && m.code !== oneMember) continue;
  const cov = coveredIntervals(m);
  for (const d of decades) {
    const a = Math.max(m.from, decadeStart(d)), b = Math.min(m.to, decadeStart(d + 10) - 1);
    if (a > b) continue;
    let c = 0;
    for (const [x, y] of cov) { const p = Math.max(x, a), q = Math.min(y, b); if (p <= q) c += q - p + 1; }
    add(`${m.region}|${d}`, b - a + 1, c);
    add(`all|${d}`, b - a + 1, c);
  }
  if (gapDays > 0) {
    let prev = m.from;
    for (const [x, y] of [...cov, [m.to + 1, m.to + 1]]) {
      if (x - prev > gapDays) gaps.push(`${m.code}\t${dateOfDay(prev)}\t${dateOfDay(x - 1)}\t${x - prev}\t${m.name}`);
      prev = Math.max(prev, y + 1);
    }
  }
}

const pct = (t) => (t && t[0] ? (100 * t[1] / t[0]).toFixed(1) : '-');
console.log(`# share of UN-member days with a known government role (files: ${only.length ? only.join(' ') : 'all'}; to ${to})`);
console.log(['region', ...decades.map((d) => `${d}s`)].join('\t'));
for (const r of [...regions, 'all']) console.log([r, ...decades.map((d) => pct(tally.get(`${r}|${d}`)))].join('\t'));
console.log(['people', ...decades.map((d) => String(peopleByDecade.get(d) || 0))].join('\t'));
if (gapDays > 0) {
  console.log(`# uncovered stretches longer than ${gapDays} days: ${gaps.length}`);
  for (const g of gaps) console.log(g);
}

// gen-people.mjs — writes data/dictionaries/entente.people.actors.txt, entente's dictionary
// of people with dated roles (heads of state and government, ministers, legislators,
// opposition and rebel leaders, 1945 to 2014), from the person records of the public
// Phoenix country actor dictionary (Phoenix.Countries.actors.txt, MIT licence, (c) 2014
// Open Event Data Alliance, built from the CountryInfo file of the Computational Event
// Data System project).  Run by hand when the source changes; the output is committed,
// since users of entente have no ../shared.
//
// What it does to the records (each change is counted on stderr):
//  - keeps the person records (marked "# CountryInfo.txt") with at least one role other
//    than elite (GOV..., MIL, LEG, OPP, REB, JUD, PTY, SPY, COP, IGO...);
//  - checks every code's country prefix against ISO 3166-1 alpha-3 (Debian iso-codes)
//    and the CAMEO codes for historical states and non-state actors; the CAMEO-era
//    codes of Phoenix are mapped to ISO (TMP -> TLS; SUN -> USR as for the Soviet
//    republics; FRY -> SRB), codes of no known country are dropped with a message;
//  - writes 6-digit dates as 8-digit ones (Phoenix dates are of 2014 or before, so
//    YY <= 14 is 20YY, else 19YY), drops malformed dates and empty ranges;
//  - drops dated elite ranges (the undated default already says "elite" outside roles,
//    and a dated elite range listed first would hide the role it overlaps), merges
//    overlapping ranges of one code, and trims a range that overlaps an earlier one of
//    another code so the first role wins visibly rather than by listing order;
//  - adds the hyphenated spelling of Arabic articles (AL_THANI -> AL-THANI) that news uses;
//  - writes letters other than ASCII as running text has them, lowercase inside a word
//    (DAVUTOĞLU -> DAVUTOğLU: the matcher uppercases ASCII letters only, so the capital
//    never matched);
//  - cuts a remark in parentheses off a name (STANKO_TODOROV (ACTING_ -> STANKO_TODOROV:
//    the remark is no part of what news writes);
//  - leaves out phrases that the hand-written actor files (and the generated country
//    file) already have, one-word phrases that are English words, one-word phrases that
//    are a word of another person's name (given names: "Hassan"), phrases of titles and
//    one given name that two or more other records' names begin with (KING_ABDULLAH of
//    Jordan's ABDULLAH_II reads as Saudi Arabia's King Abdullah too; FOREIGN_MINISTER_
//    ABDULLAH of Afghanistan as Turkey's Abdullah Gul), and phrases two records claim.
// Usage: node tools/gen-people.mjs PHOENIX.Countries.actors.txt ISO_3166-1.JSON
//            [--regions WORLD-COUNTRIES.JSON] [--words BRILL_LIB_DIR] [--skip ACTORS.TXT...]
//        > data/dictionaries/entente.people.actors.txt
// With --regions, stderr also gets the count of people in a government role per decade
// and per region (world-countries' region of the country code).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = { skip: [] };
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--regions') opt.regions = args[++i];
  else if (args[i] === '--words') opt.words = args[++i];
  else if (args[i] === '--skip') { opt.skip.push(...args.slice(i + 1)); break; }
  else pos.push(args[i]);
}
if (pos.length !== 2) {
  console.error('usage: gen-people.mjs PHOENIX.Countries.actors.txt ISO_3166-1.JSON [--regions WC.JSON] [--words BRILL_LIB] [--skip FILE...]');
  process.exit(2);
}
const [phoenixPath, isoPath] = pos;

const iso = new Set(JSON.parse(fs.readFileSync(isoPath, 'utf8'))['3166-1'].map((c) => c.alpha_3));
if (iso.size < 200) { console.error(`${isoPath}: expected the ISO 3166-1 list (found ${iso.size} codes)`); process.exit(1); }
// CAMEO codes of historical states and of actors that are no country (as in the CAMEO
// manual and entente's own dictionaries)
const CAMEO_EXTRA = new Set(['USR', 'YUG', 'CSK', 'DDR', 'VDR', 'YMD', 'SCG', 'RHO', 'ANT', 'KSV',
                             'IGO', 'NGO', 'IMG', 'MNC', 'NGM', 'UIS', '---']);
const REMAP = { TMP: 'TLS', SUN: 'USR', FRY: 'SRB' };
const stats = { records: 0, kept: 0, eliOnly: 0, remapped: 0, badCountry: 0, badDate: 0, eliDropped: 0,
                merged: 0, trimmed: 0, joined: 0, skipped: 0, word: 0, shared: 0, givenName: 0, titleGivenName: 0,
                remark: 0, hyphenated: 0 };
const badCountries = new Map();

// one-word phrases that are ordinary English words (the brill lexicon's lowercase words)
let words = null;
if (opt.words) {
  const mod = await import(pathToFileURL(path.join(opt.words, 'words.js')).href);
  words = new Set(Object.keys(mod.words).filter((w) => /^[a-z]+$/.test(w)).map((w) => w.toUpperCase()));
}

const norm = (p) => p.trim().replace(/[ \t]+/g, '_').replace(/__+/g, '_').replace(/_+$/, '').toUpperCase();
// the matcher folds accents (ent_word_fold), so a hand-written SÉKOU_TOURÉ claims SEKOU_TOURE
const fold = (p) => p.normalize('NFD').replace(/\p{M}/gu, '');
const skip = new Set();
for (const f of opt.skip) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    let m = line.match(/^\+?([^\s\[#;+][^\s\[#;]*)/);
    if (m && !/^[\t ]/.test(line)) skip.add(fold(norm(m[1])));
  }
}

function date8(s) {
  s = s.trim();
  if (/^\d{8}$/.test(s)) return s;
  if (/^\d{6}$/.test(s)) return (Number(s.slice(0, 2)) <= 14 ? '20' : '19') + s;
  return null;
}
const toTime = (d) => Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8));
const fromTime = (t) => new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
const DAY = 86400000;
const MIN = '19000101', MAX = '20991231';

// A remark in parentheses ends some names ("CHULTEM_ULAAN (ACTING_", "(1ST_TIME"): cut it.
function noRemark(name) {
  const i = name.indexOf('(');
  if (i < 0) return name;
  stats.remark++;
  return name.slice(0, i);
}

// ---- read the person records
const records = [];
const byName = new Map();
let cur = null;
for (const raw of fs.readFileSync(phoenixPath, 'utf8').split('\n')) {
  const line = raw.replace(/\r$/, '');
  if (/^---STOP---/.test(line)) break;
  if (/^[\t ]+\[/.test(line)) { if (cur) cur.codes.push(line.trim()); continue; }
  if (/^\+/.test(line)) { if (cur) cur.names.push(noRemark(line.slice(1).replace(/#.*/, ''))); continue; }
  if (/^[#;]/.test(line) || !line.trim()) continue;
  const person = /#\s*CountryInfo\.txt/.test(line);
  const body = line.replace(/#.*/, '');
  const m = body.match(/^([^\[]+)(\[.*\])?/);
  cur = null;
  if (!person) continue;
  const first = norm(noRemark(m[1]));
  cur = byName.get(first);                     // the same person listed twice: one record
  if (cur) { stats.joined++; if (m[2]) cur.codes.push(m[2]); continue; }
  cur = { names: [noRemark(m[1])], codes: m[2] ? [m[2]] : [] };
  byName.set(first, cur);
  records.push(cur);
}
stats.records = records.length;

// ---- codes
function parseCode(text) {
  const m = text.match(/^\[\s*([A-Z-]+)\s*(.*?)\s*\]$/);
  if (!m) return null;
  let code = m[1];
  const rest = m[2];
  const c3 = code.slice(0, 3);
  if (REMAP[c3]) { code = REMAP[c3] + code.slice(3); stats.remapped++; }
  const country = code.slice(0, 3);
  if (code === '---' || (!iso.has(country) && !CAMEO_EXTRA.has(country))) {
    stats.badCountry++;
    badCountries.set(country, (badCountries.get(country) || 0) + 1);
    return null;
  }
  if (!rest) return { code, from: null, to: null };
  let r;
  if ((r = rest.match(/^<\s*(\S+)$/))) { const d = date8(r[1]); return d ? { code, from: MIN, to: d } : bad(); }
  if ((r = rest.match(/^>\s*(\S+)$/))) { const d = date8(r[1]); return d ? { code, from: d, to: MAX } : bad(); }
  if ((r = rest.match(/^(\S+)\s*-\s*(\S+)$/))) {
    const a = date8(r[1]), b = date8(r[2]);
    if (!a || !b || a > b) return bad();
    return { code, from: a, to: b };
  }
  return bad();
}
function bad() { stats.badDate++; return null; }
const role = (code) => code.slice(3);
const isElite = (code) => role(code) === 'ELI' || role(code) === '';

function cleanCodes(list) {
  const undated = [];
  let dated = [];
  for (const c of list) {
    if (!c.from) { if (!undated.some((u) => u.code === c.code)) undated.push(c); continue; }
    if (isElite(c.code)) { stats.eliDropped++; continue; }
    dated.push(c);
  }
  // merge overlapping or touching ranges of one code
  dated.sort((a, b) => a.code.localeCompare(b.code) || a.from.localeCompare(b.from));
  const merged = [];
  for (const c of dated) {
    const p = merged[merged.length - 1];
    if (p && p.code === c.code && toTime(c.from) <= toTime(p.to) + DAY) {
      if (c.to > p.to) p.to = c.to;
      stats.merged++;
      continue;
    }
    merged.push({ ...c });
  }
  // in time order; a range overlapping an earlier one of another code starts after it
  merged.sort((a, b) => a.from.localeCompare(b.from) || b.to.localeCompare(a.to));
  dated = [];
  for (const c of merged) {
    for (const p of dated) {
      if (p.code !== c.code && c.from <= p.to && p.from <= c.to) {
        if (c.to <= p.to) { c.from = null; break; }
        c.from = fromTime(toTime(p.to) + DAY);
        stats.trimmed++;
      }
    }
    if (c.from && c.from <= c.to) dated.push(c);
  }
  return [...dated, ...undated];
}

function codeText(c) {
  if (!c.from) return `[${c.code}]`;
  if (c.from === MIN) return `[${c.code} <${c.to}]`;
  if (c.to === MAX) return `[${c.code} >${c.from}]`;
  return `[${c.code} ${c.from}-${c.to}]`;
}

// ---- names: who claims each phrase
const out = [];
const claims = new Map();
for (const r of records) {
  const codes = cleanCodes(r.codes.map(parseCode).filter(Boolean));
  if (!codes.some((c) => !isElite(c.code))) { stats.eliOnly++; continue; }
  const names = [];
  // Arabic articles are hyphenated in news ("Hamad bin Khalifa al-Thani"), joined by '_' in
  // the source (HAMAD_BIN_KHALIFA_AL_THANI): both spellings
  const spellings = [];
  for (const n of r.names) {
    spellings.push(n);
    const h = norm(n).replace(/(^|_)(AL|EL|UL|AD|ED|UD|AS|ASH|AT|AZ)_(?=[A-Z])/g, '$1$2-');
    if (h !== norm(n)) { spellings.push(h); stats.hyphenated++; }
  }
  for (const n of spellings) {
    const p = norm(n);
    if (!p || names.some((q) => fold(q) === fold(p))) continue;   // one spelling per folded form
    if (skip.has(fold(p))) { stats.skipped++; continue; }
    if (!p.includes('_') && (p.length < 4 || (words && words.has(p)))) { stats.word++; continue; }
    names.push(p);
  }
  if (!names.length) continue;
  const rec = { names, codes };
  out.push(rec);
  for (const p of names) claims.set(p, (claims.get(p) || 0) + 1);
}

let text = `# entente.people.actors.txt — GENERATED by tools/gen-people.mjs; do not edit by hand.
# People with dated roles: heads of state and government, ministers, legislators, military,
# opposition and rebel leaders, about 1945-2014.  Facts from the person records of the
# Phoenix country actor dictionary (Phoenix.Countries.actors.txt, MIT licence,
# Copyright (c) 2014 Open Event Data Alliance; compiled from CountryInfo.140130.txt of the
# Computational Event Data System project), with country codes checked against ISO 3166-1
# (CAMEO-era codes mapped: TMP -> TLS, SUN -> USR, FRY -> SRB), dates written with
# four-digit years, dated elite ranges dropped and overlapping roles made disjoint.
# Names in entente's hand-written files are left out: those entries win.
# Roles: [CODE FROM-TO] between two dates (inclusive), [CODE <DATE] until, [CODE >DATE] from
# a date on, [CODE] the default outside every dated role.  A role ending after 2014 is not
# known to the source: an open role (>DATE) of someone in office in 2014 stays open.

`;
// a one-word name that is also a word of another person's longer name is a given name or
// a common family name ("Hassan", "Hussein", "Abdullah"), not one person: left out
const nameWords = new Map();
for (const r of out)
  for (const p of r.names)
    if (p.includes('_'))
      for (const w of new Set(p.split('_'))) {
        if (!nameWords.has(w)) nameWords.set(w, new Set());
        nameWords.get(w).add(r);
      }
// titles that precede a name in the source's aliases ("KING_ABDULLAH", "PRIME_MINISTER_KHALIL")
const TITLES = /^((KING|QUEEN|PRINCE|PRINCESS|CROWN_PRINCE|SHEIKH|SHAIKH|SHEIK|EMIR|AMIR|SULTAN|IMAM|PRESIDENT|VICE_PRESIDENT|PRIME_MINISTER|PREMIER|CHANCELLOR|CHAIRMAN|FOREIGN_MINISTER|DEFEN[CS]E_MINISTER|MINISTER|GENERAL|MARSHAL|COLONEL|ADMIRAL|AYATOLLAH|HOJATOLISLAM|MULLAH|MAWLAWI|SARDAR|LYONPO|RATU|SIR|DAME|LORD|MR|MRS|MS|DR)_)+/;
// how many records' names begin with a word (titles set aside)
const firstWords = new Map();
const firstWord = (p) => (p.replace(TITLES, '').includes('_') ? p.replace(TITLES, '').split('_')[0] : null);
for (const r of out)
  for (const w of new Set(r.names.map(firstWord).filter(Boolean))) firstWords.set(w, (firstWords.get(w) || 0) + 1);
// titles and one given name: the word after the titles begins two or more other records'
// names (a given name: KING_ABDULLAH, FOREIGN_MINISTER_ABDULLAH) and is not the family name
// that ends one of the record's own longer names (PRESIDENT_MUBARAK of
// MUHAMMAD_HOSNI_MUBARAK stays)
// names of that shape that are one person all the same, and why
const TITLE_GIVEN_KEEP = new Map([
  ['PRINCE_JOHNSON', '"Prince" is his given name (Prince Yormie Johnson, Liberia), not a title'],
  ['PRINCE_ALOIS', 'the regent of Liechtenstein; no other Prince Alois is in the news'],
]);
function titleAndGivenName(p, r) {
  if (TITLE_GIVEN_KEEP.has(p)) return false;
  const rest = p.replace(TITLES, '');
  if (rest === p || !rest || rest.includes('_')) return false;
  const own = r.names.map((q) => q.replace(TITLES, '')).filter((q) => q.includes('_'));
  if (own.some((q) => q.endsWith('_' + rest))) return false;
  const others = (firstWords.get(rest) || 0) - (own.some((q) => q.startsWith(rest + '_')) ? 1 : 0);
  return others >= 2;
}
let nrec = 0;
for (const r of out) {
  const names = r.names.filter((p) => {
    if (claims.get(p) > 1) { stats.shared++; return false; }
    if (!p.includes('_') && [...(nameWords.get(p) || [])].some((o) => o !== r)) { stats.givenName++; return false; }
    if (titleAndGivenName(p, r)) { stats.titleGivenName++; return false; }
    return true;
  });
  if (!names.length) continue;
  nrec++;
  text += names[0] + '\n';
  for (const p of names.slice(1)) text += '+' + p + '\n';
  for (const c of r.codes) text += '\t' + codeText(c) + '\n';
}
process.stdout.write(text);
stats.kept = nrec;
console.error(`gen-people: ${JSON.stringify(stats)}`);
if (badCountries.size)
  console.error('gen-people: codes of no known country dropped: ' +
                [...badCountries].map(([k, v]) => `${k} ${v}`).join(', '));

// ---- coverage report: people in a government role per decade and region
if (opt.regions) {
  const region = new Map();
  for (const c of JSON.parse(fs.readFileSync(opt.regions, 'utf8'))) region.set(c.cca3, c.region);
  for (const k of ['USR', 'YUG', 'CSK', 'DDR', 'SCG']) region.set(k, 'Europe');
  for (const k of ['VDR', 'YMD']) region.set(k, 'Asia');
  region.set('RHO', 'Africa');
  const table = new Map();
  const countries = new Map();
  for (const r of out) {
    const seen = new Set();
    for (const c of r.codes) {
      if (!c.from || !role(c.code).startsWith('GOV')) continue;
      const reg = region.get(c.code.slice(0, 3)) || 'other';
      const a = Math.max(1940, +c.from.slice(0, 4)), b = Math.min(2014, +c.to.slice(0, 4));
      for (let d = Math.floor(a / 10) * 10; d <= b; d += 10) {
        const key = `${d}s\t${reg}`;
        if (seen.has(key)) continue;
        seen.add(key);
        table.set(key, (table.get(key) || 0) + 1);
        if (!countries.has(key)) countries.set(key, new Set());
        countries.get(key).add(c.code.slice(0, 3));
      }
    }
  }
  const regions = [...new Set([...table.keys()].map((k) => k.split('\t')[1]))].sort();
  console.error('people in a government role (countries) per decade and region:');
  console.error(['decade', ...regions].join('\t'));
  for (let d = 1940; d <= 2010; d += 10)
    console.error([`${d}s`, ...regions.map((g) => {
      const k = `${d}s\t${g}`;
      return table.has(k) ? `${table.get(k)} (${countries.get(k).size})` : '0';
    })].join('\t'));
}

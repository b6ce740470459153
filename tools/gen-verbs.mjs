// gen-verbs.mjs — writes data/dictionaries/entente.cameo.verbs.txt, the verbs entente's
// hand-written verb dictionary (entente.verbs.txt) lacks, with their codes and patterns,
// derived from the public CAMEO verb dictionary of PETRARCH-1
// (CAMEO.verbpatterns.150430.txt, MIT licence, (c) Open Event Data Alliance).  Run by
// `make cameo-verbs`; the output is committed, since users of entente have no ../shared.
// The default dictionary loader reads it after entente.verbs.txt.
//
// What it takes (each choice is counted on stderr), a rule chosen by measuring (bench-gsr,
// bench-gold's false events on no-event rows, validate), never by sentence:
//  - only verbs the hand-written file does not have: a public verb is left out when its
//    base text, one of its regular forms (-S/-ES, -ED/-D, -ING, as the reader generates
//    them) or one of its irregular forms is a form of a hand-written verb, and a phrasal
//    verb ("+CALL_UP") when the verb it inflects is hand-written (the hand-written
//    patterns name its particles), so every hand-written verb keeps exactly its senses;
//  - the verbs code only through patterns: the public block's default code and the
//    verbs' own codes are not taken ("DEFEAT [190]" coded sports results, "FLEE",
//    "GATHER", "RALLY" ordinary news), so an imported verb is an event only with the
//    words a pattern names;
//  - of those patterns, the ones that apply to the kept verbs (whose comment names a kept
//    verb, as the CAMEO file records the verb a pattern was written for, or no verb of
//    the block) and that name a content word (not only prepositions, determiners,
//    auxiliaries: "- * TO + [080]" is left out), with one after the verb or a source
//    marker $ before it ("- &WEAPON * [190]" names only what the subject is);
//  - only pattern codes of the roots given with --codes (the make target leaves out 01,
//    public statements, and 06, material cooperation: their noun-object patterns coded
//    domestic appointments and anniversaries);
//  - the synonym sets the kept patterns use, except those the hand-written file defines
//    (its definition wins: same name, entente's members);
//  - patterns entente's reader would reject (no '*' or two, no code, TABARI {a|b}
//    disjunctions, two targets) are left out.
// It also adds public patterns to verbs the hand-written file has, in "=VERB" blocks that
// the coder tries only when none of the verb's own patterns matches; a pattern is taken
// (each step counted on stderr as "more patterns left out: ...") when
//  - it is written for a public verb whose text is a hand-written verb's (or for no verb
//    of its block), is readable, and names a content word after the verb;
//  - its code is one code (no "a:b" pair, which makes two events) of a root given with
//    --more-codes, and that root is not the root of the hand-written verb's own code (a
//    pattern that only refines the verb's own act adds evidence words, not events);
//  - the hand-written verb's block codes something (FRAME's "failed to", "continued to",
//    with a null code and no pattern, leave the act to the verb after them);
//  - it has no + or % after its first content word ("ACCUSED OF ATTACK ON +" would move
//    the target from the one accused to the one attacked);
//  - none of the words it names after the verb (synonym sets by their members, plurals
//    as their singulars) is one the hand-written block names after the verb in any
//    pattern: what entente's own patterns decide stays theirs.
// The make target's --more-codes are the roots that, taken one at a time, moved neither
// bench-gsr, news dev nor the false events on news dev's no-event rows.
// The output is entente's own layout: one block per public block that kept a verb,
// labelled by its first verb, null default code, blocks ordered by label, verbs and
// patterns in sorted order, comments reduced to the verb a pattern was written for.
// Usage: node tools/gen-verbs.mjs CAMEO.verbpatterns.150430.txt entente.verbs.txt
//            [--codes 01,02,...] [--more-codes 03,04,...] > data/dictionaries/entente.cameo.verbs.txt
//   (no --more-codes: no "=VERB" blocks)
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let codesOnly = null, moreCodes = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--codes') codesOnly = new Set(args[++i].split(','));
  else if (args[i] === '--more-codes') moreCodes = new Set(args[++i].split(',').filter(Boolean));
  else files.push(args[i]);
}
if (files.length !== 2) {
  console.error('usage: node tools/gen-verbs.mjs CAMEO.verbpatterns.txt entente.verbs.txt [--codes 01,02,...]');
  process.exit(2);
}
const [pubPath, handPath] = files;
const count = {};
const bump = (k, n = 1) => { count[k] = (count[k] || 0) + n; };

// The reader's regular forms (src/dict/verbs.c regular_forms).
function regularForms(root) {
  const last = root.slice(-1);
  const s = root + ('SXZ'.includes(last) ? 'ES' : 'S');
  if (last === 'E') return [s, root + 'D', root.slice(0, -1) + 'ING'];
  return [s, root + 'ED', root + 'ING'];
}

// Forms of a verb line's text: "SAY {SAYS SAID SAYING}", "+GUN_DOWN {+GUNNED_DOWN}",
// "RE_+OPEN".  Multi-word verbs are compared as their whole phrase without '+'.
function verbForms(base, irregular) {
  const out = new Set();
  const norm = (t) => t.replace(/\+/g, '').replace(/_/g, ' ');
  out.add(norm(base));
  if (irregular) { for (const f of irregular) out.add(norm(f)); return out; }
  const m = /^(.*?)\+([A-Z0-9'-]+)(.*)$/.exec(base);
  if (m) { for (const f of regularForms(m[2])) out.add(norm(m[1] + f + m[3])); }
  else for (const f of regularForms(base)) out.add(f);
  return out;
}

// Parse a PETRARCH-1 verb file into synsets and blocks.
function parse(file) {
  const text = fs.readFileSync(file, 'utf8');
  const synsets = new Map();   // name -> [members]
  const blocks = [];
  let syn = null, block = null, lineno = 0;
  for (let raw of text.split('\n')) {
    lineno++;
    let comment = '';
    const h = raw.indexOf('#');
    if (h >= 0) { comment = raw.slice(h + 1).trim(); raw = raw.slice(0, h); }
    const s = raw.trim();
    if (!s) continue;
    if (syn && s[0] === '+') { syn.push(s.slice(1).trim()); continue; }
    syn = null;
    if (s.startsWith('---')) {
      const m = /^---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-*\s*$/.exec(s);
      block = { name: m[1], code: (m[2] || '---').trim(), verbs: [], patterns: [], line: lineno };
      blocks.push(block);
    } else if (s[0] === '-') {
      if (block) block.patterns.push({ text: s, comment, line: lineno });
    } else if (s[0] === '&') {
      // the reader looks a set up by its name without a final '_' (which only says
      // "no plurals"): &PREPOSIT1 in a pattern is the set &PREPOSIT1_
      syn = [];
      const name = s.slice(1).trim().toUpperCase();
      synsets.set(name.replace(/_$/, ''), { name, members: syn });
    } else if (block) {
      // VERB [code] {forms} ;old-style comment
      let t = s.replace(/;.*$/, '').trim();
      let code = null, irregular = null;
      t = t.replace(/\[([^\]]*)\]/, (_, c) => { code = c.trim(); return ' '; });
      t = t.replace(/\{([^}]*)\}/, (_, f) => { irregular = f.trim().split(/[\s,]+/).filter(Boolean); return ' '; });
      const base = t.trim().toUpperCase();
      if (!base || /\s/.test(base)) { bump('verb lines left out (not one word or one _-joined phrase)'); continue; }
      block.verbs.push({ base, code, irregular, forms: verbForms(base, irregular), line: lineno });
    }
  }
  return { synsets, blocks };
}

const pub = parse(pubPath), hand = parse(handPath);
const handForms = new Set();
for (const b of hand.blocks) for (const v of b.verbs) for (const f of v.forms) handForms.add(f);
// the word a multi-word verb inflects ("CALL" of "+CALL_UP", "OPEN" of "RE_+OPEN")
const verbWord = (base) => { const m = /\+([A-Z0-9'-]+)/.exec(base); return m ? m[1] : null; };

// The verb a pattern comment names: its first token, compared with the block's verbs.
function commentVerb(block, comment) {
  const tok = (comment.split(/[\s<]/)[0] || '').toUpperCase().replace(/\+/g, '').replace(/_/g, ' ');
  if (!tok) return null;
  for (const v of block.verbs) if (v.forms.has(tok)) return v;
  return null;
}

// A pattern entente's reader takes: one '*', a [code], no TABARI {a|b} disjunction.
function readable(p) {
  const br = p.text.indexOf('[');
  if (br < 0 || p.text.indexOf(']', br) < 0) return false;
  const body = p.text.slice(1, br);
  if ((body.match(/\*/g) || []).length !== 1) return false;
  if (/[{}]/.test(body)) return false;
  if (body.split(/\s+/).filter((t) => t === '+').length > 1) return false;   // one target
  return true;
}

// Closed-class words: a pattern made only of these ("- * TO + [080]", "- * IN [042]")
// says nothing about what the verb is done to, so it is left out.
const FUNCTION_WORDS = new Set(('A AN THE THIS THAT THESE THOSE ITS HIS HER THEIR OUR MY YOUR IT THEY ' +
  'HE SHE WE I YOU THEM HIM US ME WHO WHICH WHAT TO IN ON AT BY FOR FROM WITH WITHOUT INTO ONTO ' +
  'UPON OF OFF OUT UP DOWN OVER UNDER ABOUT AGAINST AMONG BETWEEN THROUGH ACROSS AFTER BEFORE ' +
  'SINCE UNTIL DURING TOWARD TOWARDS AROUND BEHIND BEYOND NEAR AS THAN AND OR BUT NOT NO IF ' +
  'IS ARE WAS WERE BE BEEN BEING AM HAS HAVE HAD DO DOES DID WILL WOULD SHALL SHOULD CAN COULD ' +
  'MAY MIGHT MUST SO THERE HERE ALSO BACK AWAY').split(' '));
function namesContentWord(text) {
  for (const tok of text.split(/[\s_]+/)) {
    const t = tok.replace(/^[$+%^*|]+/, '').toUpperCase();
    if (!t || !/[A-Z&]/.test(t)) continue;
    if (t[0] === '&' || !FUNCTION_WORDS.has(t)) return true;
  }
  return false;
}

const rootOf = (code) => (code === '---' ? '---' : code.slice(0, 2));
const seen = new Set();            // forms of the verbs taken (a verb listed twice, or sharing
                                   // a form with one taken before: the first wins)
const out = [];
for (const b of pub.blocks) {
  const kept = [];
  for (const v of b.verbs) {
    const clash = [...v.forms].some((f) => handForms.has(f));
    if (clash) { bump('public verbs left out: the hand-written file has them'); continue; }
    // a phrasal verb of a hand-written verb ("called up", "called off"): the hand-written
    // verb's patterns name its particles, so its senses stay the hand-written ones
    const vw = v.base.includes('_') ? verbWord(v.base) : null;
    if (vw && handForms.has(vw)) { bump('public verbs left out: a phrase of a hand-written verb'); continue; }
    if ([...v.forms].some((f) => seen.has(f))) { bump('public verbs left out: listed before, or a form of one listed before'); continue; }
    kept.push(v);
    for (const f of v.forms) seen.add(f);
  }
  if (!kept.length) continue;
  const keptSet = new Set(kept);
  const pats = [];
  for (const p of b.patterns) {
    const cv = commentVerb(b, p.comment);
    if (cv && !keptSet.has(cv)) { bump('patterns left out: written for a left-out verb'); continue; }
    if (!readable(p)) { bump('patterns left out: not readable by entente (no or two *, no code, {a|b}, two targets)'); continue; }
    const body = p.text.replace(/^-\s*/, '').replace(/\s+/g, ' ').replace(/\s*\[/, ' [').trim();
    const words = body.slice(0, body.indexOf('[')), star = words.indexOf('*');
    if (!namesContentWord(words)) { bump('patterns left out: name no content word'); continue; }
    if (!namesContentWord(words.slice(star + 1)) && !/(^|\s)\$/.test(words.slice(0, star))) {
      bump('patterns left out: name words only before the verb, and no source ($)'); continue;
    }
    const code = /\[([^\]]*)\]/.exec(body)[1].trim();
    if (codesOnly && code !== '---' && !code.split(':').every((c) => codesOnly.has(rootOf(c.trim())))) {
      bump('patterns left out: code not selected (--codes)'); continue;
    }
    pats.push({ body, verb: cv ? cv.base : null });
  }
  // the verbs code only through the patterns: the block's and the verbs' own default
  // codes are not taken
  for (const v of kept) v.code = null;
  out.push({ code: '---', label: kept[0].base.replace(/\+/g, ''), verbs: kept, patterns: pats });
}

// More patterns for hand-written verbs ("=VERB" blocks, tried after the verb's own
// patterns; the rule is at the top): a public pattern written for a verb whose base text
// is a hand-written verb's (or for no verb of its block), after the same steps as above,
// whose words after the verb all are words the hand-written block has no pattern for.
const handBlockOf = new Map();     // hand verb text -> its block
const handRoot = new Map();        // hand verb text -> root of its own code ('---': none)
for (const b of hand.blocks)
  for (const v of b.verbs)
    if (!handBlockOf.has(v.base)) { handBlockOf.set(v.base, b); handRoot.set(v.base, rootOf((v.code || b.code).split(':')[0].trim())); }
// verbs of a block with a null code and no pattern code nothing by design (the FRAME block:
// "failed to", "continued to" leave the act to the verb after them): none are added
const frameBlock = (b) => !b.patterns.length && (b.code || '---') === '---';
const stem = (w) => w.replace(/(IES|ES|S)$/, '');
// the content words a pattern's words after the verb name: literal words and the words of
// the members of its synonym sets (syn: that file's sets)
function lowerWords(body, syn) {
  const words = body.slice(0, body.indexOf('[')), lower = words.slice(words.indexOf('*') + 1);
  const outw = new Set();
  const add = (text, depth) => {
    for (const tok of text.split(/[\s_]+/)) {
      const t = tok.replace(/^[$+%^*|]+/, '').toUpperCase();
      if (!t || !/[A-Z&]/.test(t)) continue;
      if (t[0] === '&') {
        const set = syn.synsets.get(t.slice(1).replace(/_$/, ''));
        if (set && depth < 3) for (const m of set.members) add(m, depth + 1);
      } else if (!FUNCTION_WORDS.has(t)) outw.add(stem(t));
    }
  };
  add(lower, 0);
  return outw;
}
const handCovered = new Map();     // hand block -> stems of the words its patterns name after the verb
for (const b of hand.blocks) {
  const cov = new Set();
  for (const p of b.patterns) {
    const body = p.text.replace(/^-\s*/, '').replace(/\s+/g, ' ').replace(/\s*\[/, ' [').trim();
    if (body.indexOf('[') < 0 || body.indexOf('*') < 0) continue;
    for (const w of lowerWords(body, hand)) cov.add(w);
  }
  handCovered.set(b, cov);
}
const more = new Map();            // hand verb text -> {verb, patterns}
for (const b of pub.blocks) {
  for (const v of b.verbs) {
    const hb = handBlockOf.get(v.base);
    if (!hb) continue;
    if (frameBlock(hb)) { bump('more patterns left out: for a verb that codes nothing by design (null code, no pattern)', b.patterns.length); continue; }
    const cov = handCovered.get(hb);
    for (const p of b.patterns) {
      const cv = commentVerb(b, p.comment);
      if (cv && cv !== v) continue;
      if (!readable(p)) continue;
      const body = p.text.replace(/^-\s*/, '').replace(/\s+/g, ' ').replace(/\s*\[/, ' [').trim();
      const words = body.slice(0, body.indexOf('[')), star = words.indexOf('*');
      if (!namesContentWord(words.slice(star + 1))) { bump('more patterns left out: name no content word after the verb'); continue; }
      const code = /\[([^\]]*)\]/.exec(body)[1].trim();
      if (code === '---') { bump('more patterns left out: null code'); continue; }
      if (!moreCodes || !code.split(':').every((c) => moreCodes.has(c.trim()) || moreCodes.has(rootOf(c.trim())))) {
        bump('more patterns left out: code not selected (--more-codes)'); continue;
      }
      if (code.includes(':')) { bump('more patterns left out: a pair of codes (two events)'); continue; }
      if (rootOf(code) === handRoot.get(v.base)) { bump("more patterns left out: the verb's own code has the same root"); continue; }
      // a + after the pattern's first content word moves the target to a phrase after
      // its words ("ACCUSED OF ATTACK ON +"): who the act is against stays the verb's
      const lowerToks = words.slice(star + 1).trim().split(/\s+/);
      const firstContent = lowerToks.findIndex((t) => namesContentWord(t));
      if (lowerToks.some((t, i) => i > firstContent && /^[+%]/.test(t))) {
        bump('more patterns left out: a target after its words'); continue;
      }
      const lw = lowerWords(body, pub);
      if (!lw.size || [...lw].some((w) => cov.has(w))) {
        bump('more patterns left out: the hand-written block has a pattern for one of its words'); continue;
      }
      if (!more.has(v.base)) more.set(v.base, { verb: v.base, patterns: new Set() });
      more.get(v.base).patterns.add(body);
    }
  }
}

// synonym sets the taken patterns use (transitively), unless the hand-written file has them
const need = new Set();
const synKey = (n) => n.toUpperCase().replace(/_$/, '');
const scan = (s) => { for (const m of s.matchAll(/&([A-Z0-9_]+)/gi)) need.add(synKey(m[1])); };
for (const b of out) for (const p of b.patterns) scan(p.body);
for (const m of more.values()) for (const body of m.patterns) scan(body);
let grew = true;
while (grew) {
  grew = false;
  for (const n of [...need]) {
    const set = pub.synsets.get(n);
    if (!set) continue;
    const before = need.size;
    for (const m of set.members) scan(m);
    if (need.size !== before) grew = true;
  }
}
const synOut = [];
for (const n of [...need].sort()) {
  if (hand.synsets.has(n)) { bump('synonym sets used from the hand-written file'); continue; }
  if (!pub.synsets.has(n)) { bump('synonym sets undefined in the public file (patterns dropped)'); continue; }
  const set = pub.synsets.get(n);
  synOut.push([set.name, [...new Set(set.members.map((m) => m.toUpperCase()))].sort()]);
}
const defined = new Set([...hand.synsets.keys(), ...synOut.map(([n]) => synKey(n))]);
for (const b of out) {
  b.patterns = b.patterns.filter((p) => {
    for (const m of p.body.matchAll(/&([A-Z0-9_]+)/gi))
      if (!defined.has(synKey(m[1]))) { bump('patterns left out: unknown synonym set'); return false; }
    return true;
  });
}
for (const m of more.values()) {
  for (const body of [...m.patterns]) {
    for (const x of body.matchAll(/&([A-Z0-9_]+)/gi))
      if (!defined.has(synKey(x[1]))) { bump('more patterns left out: unknown synonym set'); m.patterns.delete(body); break; }
  }
  if (!m.patterns.size) more.delete(m.verb);
}
// a verb whose patterns were all left out would code nothing: left out with them
const before = out.length;
for (let i = out.length - 1; i >= 0; i--) if (!out[i].patterns.length) out.splice(i, 1);
bump('blocks left out: no pattern taken', before - out.length);

for (const b of out) { bump('verbs taken', b.verbs.length); bump('patterns taken', b.patterns.length); }
out.sort((a, b) => (a.code === b.code ? (a.label < b.label ? -1 : 1) : a.code < b.code ? -1 : 1));
const w = [];
w.push('# entente.cameo.verbs.txt — GENERATED by tools/gen-verbs.mjs (`make cameo-verbs`); do not edit.');
w.push('# The verbs entente.verbs.txt lacks, with the patterns that code them, derived from');
w.push(`# ${path.basename(pubPath)}, the CAMEO verb dictionary of PETRARCH (Open Event Data Alliance),`);
w.push('# under the MIT licence below.  entente reads this file after entente.verbs.txt, whose');
w.push('# verbs and synonym sets win: none of them is repeated here.  Layout as in entente.verbs.txt;');
w.push('# each verb codes only through its patterns (null default code).  The rule that chose them:');
w.push('# tools/gen-verbs.mjs, at its top.  At the end, "=VERB" blocks add public patterns to');
w.push('# verbs of entente.verbs.txt, tried only when none of the verb\'s own patterns matches.');
w.push(`# ${codesOnly ? 'Codes taken: roots ' + [...codesOnly].sort().join(',') + '.' : 'Codes taken: all.'}` +
  (moreCodes ? `  Added patterns: roots ${[...moreCodes].sort().join(',')}.` : ''));
w.push('#');
w.push('# The MIT License (MIT)');
w.push('# Copyright (c) 2014, 2015 Open Event Data Alliance');
w.push('# Permission is hereby granted, free of charge, to any person obtaining a copy of');
w.push('# this software and associated documentation files (the "Software"), to deal in');
w.push('# the Software without restriction, including without limitation the rights to');
w.push('# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of');
w.push('# the Software, and to permit persons to whom the Software is furnished to do so,');
w.push('# subject to the following conditions:');
w.push('# The above copyright notice and this permission notice shall be included in all');
w.push('# copies or substantial portions of the Software.');
w.push('# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR');
w.push('# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS');
w.push('# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR');
w.push('# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER');
w.push('# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN');
w.push('# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.');
w.push('');
w.push('####### SYNONYM SETS #######');
for (const [n, mem] of synOut) {
  w.push('');
  w.push('&' + n);
  for (const m of mem) w.push('+' + m);
}
w.push('');
w.push('####### VERBS #######');
for (const b of out) {
  w.push('');
  w.push(`--- ${b.label} [${b.code}] ---`);
  for (const v of [...b.verbs].sort((x, y) => (x.base < y.base ? -1 : 1))) {
    let line = v.base;
    if (v.irregular) line += ' {' + v.irregular.map((f) => f.toUpperCase()).join(' ') + '}';
    if (v.code) line += ` [${v.code}]`;
    w.push(line);
  }
  const pl = b.patterns.map((p) => '- ' + p.body + (p.verb ? '  # ' + p.verb : ''));
  for (const l of [...new Set(pl)].sort()) w.push(l);
}
w.push('');
w.push('####### MORE PATTERNS FOR HAND-WRITTEN VERBS #######');
w.push('# "=VERB": the block adds its patterns to VERB of entente.verbs.txt, tried after its own.');
for (const m of [...more.values()].sort((a, b) => (a.verb < b.verb ? -1 : 1))) {
  bump('hand-written verbs given more patterns'); bump('more patterns taken', m.patterns.size);
  w.push('');
  w.push(`--- =${m.verb.replace(/\+/g, '')} [---] ---`);
  w.push('=' + m.verb);
  for (const body of [...m.patterns].sort()) w.push('- ' + body);
}
process.stdout.write(w.join('\n') + '\n');
for (const [k, n] of Object.entries(count)) console.error(`gen-verbs: ${k}: ${n}`);

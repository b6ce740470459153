// gen-lexicon.mjs — build-time generator of entente's POS lexicon table.
// Reads the Brill tagger lexicon shipped by the npm package `brill` (word -> Penn tags,
// most frequent first) and writes a C source with an open-addressing hash table
// (FNV-1a, the same function as lexicon.c) so the tagger needs no start-up work.
// Usage: node tools/gen-lexicon.mjs PATH/node_modules/brill/lib > lexicon.c
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: gen-lexicon.mjs BRILL_LIB_DIR'); process.exit(2); }
const { words } = await import(pathToFileURL(path.join(dir, 'words.js')).href);
const { tags } = await import(pathToFileURL(path.join(dir, 'tags.js')).href);

const MAXTAGS = 6;
const tagIndex = new Map();
const tagNames = [];
function tagId(name) {
  if (!tagIndex.has(name)) { tagIndex.set(name, tagNames.length); tagNames.push(name); }
  return tagIndex.get(name);
}
function fnv(buf) {
  let h = 2166136261;
  for (const b of buf) { h ^= b; h = Math.imul(h, 16777619) >>> 0; }
  return h >>> 0;
}

const entries = [];
for (const [w, v] of Object.entries(words)) {
  const list = [...new Set((typeof v === 'number' ? [v] : v).map((i) => tags[i]).filter(Boolean).flatMap((t) => t.split('|')).filter((t) => t.length > 0 && t.length < 12))];
  if (!list.length) continue;
  const bytes = Buffer.from(w, 'utf8');
  if (bytes.length === 0 || bytes.length > 255) continue;
  entries.push({ bytes, tags: list.slice(0, MAXTAGS).map(tagId) });
}
if (entries.length < 1000) { console.error(`gen-lexicon: only ${entries.length} words read from ${dir}`); process.exit(1); }

let size = 1;
while (size < entries.length * 2) size *= 2;
const slots = new Uint32Array(size);
entries.forEach((e, i) => {
  let h = fnv(e.bytes) & (size - 1);
  while (slots[h]) h = (h + 1) & (size - 1);
  slots[h] = i + 1;
});

const out = [];
out.push('/* Generated at build time by tools/gen-lexicon.mjs from the npm package `brill`');
out.push(' * (the Brill tagger lexicon, Penn tags).  Do not edit; not kept in git. */');
out.push('#include <stdint.h>');
out.push(`const unsigned ent_lex_ntagnames = ${tagNames.length};`);
out.push(`const char *const ent_lex_tagnames[] = {${tagNames.map((t) => JSON.stringify(t)).join(', ')}};`);
out.push(`const uint32_t ent_lex_count = ${entries.length}, ent_lex_size = ${size};`);
// one blob record per word: length byte, the word's bytes, tag count, tag ids -- so a
// lookup touches the slot array and one place in the blob (two cache lines, not three)
const blob = [];
const offs = [];
for (const e of entries) { offs.push(blob.length); blob.push(e.bytes.length, ...e.bytes, e.tags.length, ...e.tags); }
// slot: (blob offset + 1) << 11 | 11 high bits of the hash, so most mismatches need no blob read
if (blob.length + 1 >= (1 << 21)) { console.error('gen-lexicon: lexicon blob too large for 21-bit offsets'); process.exit(1); }
out.push(`const uint32_t ent_lex_blob_len = ${blob.length};`);
out.push('const unsigned char ent_lex_blob[] = {');
for (let i = 0; i < blob.length; i += 32) out.push(blob.slice(i, i + 32).join(',') + ',');
out.push('};');
const sl = Array.from(slots).map((v) => v ? (((offs[v - 1] + 1) * 2048) + (fnv(entries[v - 1].bytes) >>> 21)) >>> 0 : 0);
out.push('const uint32_t ent_lex_slots[] = {');
for (let i = 0; i < sl.length; i += 32) out.push(sl.slice(i, i + 32).join(',') + ',');
out.push('};');
process.stdout.write(out.join('\n') + '\n');

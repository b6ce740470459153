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
// word blob: each word as length byte + bytes
let blob = [];
const offs = [];
let off = 0;
for (const e of entries) { offs.push(off); blob.push(e.bytes.length, ...e.bytes); off += 1 + e.bytes.length; }
out.push(`const uint32_t ent_lex_blob_len = ${off};`);
out.push('const unsigned char ent_lex_blob[] = {');
for (let i = 0; i < blob.length; i += 32) out.push(blob.slice(i, i + 32).join(',') + ',');
out.push('};');
// one record per word: blob offset, then [ntags, tag ids...]
out.push(`const struct ent_lex_rec { uint32_t off; uint8_t tags[${MAXTAGS + 1}]; } ent_lex_recs[] = {`);
const recs = entries.map((e, i) => { const a = [e.tags.length, ...e.tags]; while (a.length < MAXTAGS + 1) a.push(0); return `{${offs[i]},{${a.join(',')}}}`; });
for (let i = 0; i < recs.length; i += 8) out.push(recs.slice(i, i + 8).join(',') + ',');
out.push('};');
// slot: (entry index + 1) << 12 | 12 high bits of the hash, so most mismatches need no blob read
if (entries.length >= (1 << 20)) { console.error('gen-lexicon: too many words'); process.exit(1); }
const sl = Array.from(slots).map((v) => v ? ((v * 4096) + (fnv(entries[v - 1].bytes) >>> 20)) >>> 0 : 0);
out.push('const uint32_t ent_lex_slots[] = {');
for (let i = 0; i < sl.length; i += 32) out.push(sl.slice(i, i + 32).join(',') + ',');
out.push('};');
process.stdout.write(out.join('\n') + '\n');

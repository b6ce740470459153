// explorer-api-test.cjs — the explorer's endpoints on the fixture database loaded with
// story metadata (tests/store/fixtures/events-meta.jsonl) and actor names
// (tests/store/fixtures/dicts): names, CAMEO descriptions and story metadata on rows,
// full-text search, newest-first order, counts by category, one story, the CAMEO table,
// and CSV / JSON-lines downloads of every row of a filter.  Usage: node explorer-api-test.cjs PORT
'use strict';
const http = require('http');

const port = Number(process.argv[2]);
let failed = 0;
const ok = (name) => console.log('ok explorer api ' + name);
const bad = (name, why) => { failed++; console.log('FAIL explorer api ' + name + ': ' + why); };

function get(path) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: 10000 }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on('timeout', () => { req.destroy(); resolve({ status: 0, headers: {}, body: 'timeout' }); });
    req.on('error', (e) => resolve({ status: 0, headers: {}, body: String(e) }));
  });
}

async function json(name, path, check) {
  const r = await get(path);
  if (r.status !== 200) return bad(name, 'status ' + r.status + ' ' + r.body.slice(0, 200));
  let j;
  try { j = JSON.parse(r.body); } catch (e) { return bad(name, 'not JSON'); }
  const why = check(j, r);
  if (why) bad(name, why); else ok(name);
}

async function status(name, path, want) {
  const r = await get(path);
  if (r.status === want && /"error":"[^"]+"/.test(r.body)) ok(name + ' -> ' + want);
  else bad(name, 'status ' + r.status + ' ' + r.body.slice(0, 120));
}

// RFC 4180 CSV rows (quoted fields may hold commas, quotes and newlines)
function csvRows(text) {
  const rows = [];
  let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
    else f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  return rows;
}

(async () => {
  await json('names, descriptions and story metadata on event rows', '/api/events?limit=1', (j) => {
    const e = j.events[0];
    const want = { source_name: 'Arnor government', source_country: 'Arnor', target_name: 'Gondor government',
      target_country: 'Gondor', code_name: 'Sign a formal agreement', title: 'Arnor and Gondor sign a trade pact',
      url: 'https://herald.example.org/2024/01/05/trade-pact', publisher: 'Example Herald' };
    for (const [k, v] of Object.entries(want)) if (e[k] !== v) return `${k} = ${JSON.stringify(e[k])}, expected ${JSON.stringify(v)}`;
    return '';
  });
  await json('actor names on the network and actor list', '/api/actors', (j) =>
    j.actors.map((a) => a.id + '=' + a.name + '/' + a.country).sort().join(' ') ===
      'ARNGOV=Arnor government/Arnor GONGOV=Gondor government/Gondor MORMIL=Mordor military/Mordor'
      ? '' : JSON.stringify(j.actors));
  await json('full-text search (stemmed: attack, attacked)', '/api/events?q=attack', (j) =>
    j.total === 2 && j.events.every((e) => /attack/i.test(e.sentence)) ? '' : JSON.stringify(j).slice(0, 300));
  await json('full-text search with other filters', '/api/events?q=gondor&quad=4', (j) =>
    j.total === 2 && j.events.every((e) => e.quad === 4 && /gondor/i.test(e.sentence)) ? '' : 'total ' + j.total);
  await json('full-text search: every word must occur', '/api/events?q=gondor%20river', (j) =>
    j.total === 1 && j.events[0].code === '190' ? '' : 'total ' + j.total);
  await json('full-text search: quotes and operators are words', '/api/events?q=%22river)%20NEAR(', (j) =>
    j.total === 1 && j.events[0].code === '190' ? '' : 'total ' + j.total);
  await json('full-text search: no such word', '/api/events?q=%22zzyzx%20*', (j) => (j.total === 0 ? '' : 'total ' + j.total));
  await json('newest first', '/api/events?sort=desc&limit=3', (j) =>
    j.events.map((e) => e.date).join(' ') === '2024-03-02 2024-03-02 2024-03-02' && j.events[0].sentence_index === 2 ? '' : j.events.map((e) => e.date + '/' + e.sentence_index).join(' '));
  await json('oldest first', '/api/events?sort=asc&limit=1', (j) => (j.events[0].date === '2024-01-05' ? '' : j.events[0].date));
  await json('counts by root and PLOVER category', '/api/counts', (j) => {
    const roots = j.roots.map((r) => `${r.root}:${r.events}:${r.quad}`).join(' ');
    if (roots !== '04:1:1 05:2:1 07:1:2 11:2:3 13:1:3 19:2:4') return roots;
    if (j.roots[0].name !== 'Consult') return 'root name ' + j.roots[0].name;
    return j.plover.reduce((a, p) => a + p.events, 0) === 9 ? '' : JSON.stringify(j.plover);
  });
  await json('counts follow the filter', '/api/counts?actor=MORMIL', (j) =>
    j.roots.map((r) => r.root + ':' + r.events).join(' ') === '11:2 13:1 19:2' ? '' : JSON.stringify(j.roots));
  await json('one story with all its sentences and events', '/api/story?id=ST-4', (j) => {
    if (j.story.title !== 'Fighting on the border' || j.story.publisher !== 'Example Wire' || j.story.date !== '2024-03-02')
      return JSON.stringify(j.story);
    const s = j.sentences.map((x) => x.index + ':' + x.events.length).join(' ');
    return s === '0:1 1:1 2:1' && j.sentences[2].events[0].target_name === 'Mordor military' ? '' : s;
  });
  await status('unknown story', '/api/story?id=NOPE', 404);
  await status('story without id', '/api/story', 400);
  await status('story with other parameters', '/api/story?id=ST-1&actor=X', 400);
  await json('CAMEO table', '/api/cameo', (j) =>
    j.codes['057'] === 'Sign a formal agreement' && j.codes['19'] === 'Fight' ? '' : JSON.stringify(j.codes['057']));
  await status('bad sort', '/api/events?sort=up', 400);

  // downloads: every row of the filter, not a page
  let r = await get('/api/export?format=csv');
  let rows = csvRows(r.body);
  if (r.status === 200 && /attachment; filename="entente-events.csv"/.test(r.headers['content-disposition'] || '') &&
      rows.length === 10 && rows[0][0] === 'story_id' && rows.every((x) => x.length === 22))
    ok('CSV download: header + 9 rows of 22 columns');
  else bad('CSV download', r.status + ' ' + rows.length + ' rows ' + JSON.stringify(rows[1]));
  const h = rows[0];
  const ev = rows.find((x) => x[h.indexOf('code')] === '111');
  if (ev && ev[h.indexOf('sentence')] === 'Arnor <criticized> Mordor & its allies.' && ev[h.indexOf('source_name')] === 'Arnor government' &&
      ev[h.indexOf('title')] === 'Arnor criticizes Mordor' && ev[h.indexOf('code_name')] !== '')
    ok('CSV row: names, description, sentence and title');
  else bad('CSV row', JSON.stringify(ev));
  r = await get('/api/export?format=csv&q=attack&sort=desc');
  rows = csvRows(r.body);
  if (rows.length === 3 && rows[1][0] === 'ST-2') ok('CSV download follows the filter'); else bad('CSV filter', rows.length + ' rows');
  r = await get('/api/export?format=jsonl&actor=MORMIL');
  const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
  if (r.status === 200 && lines.length === 5 && lines.every((l) => l.title && l.url && l.publisher))
    ok('JSON-lines download: 5 events with their story metadata');
  else bad('JSON-lines download', r.status + ' ' + lines.length);
  await status('download without format', '/api/export', 400);
  await status('download with a page size', '/api/export?format=csv&limit=2', 400);
  process.exit(failed ? 1 : 0);
})();

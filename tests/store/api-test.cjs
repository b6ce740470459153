// api-test.cjs — the explorer's JSON API on the fixture database (tests/store/fixtures):
// right numbers for good requests; malformed, oversized and unsupported requests get a
// 4xx with a message, and the server keeps answering.  Usage: node api-test.cjs PORT
'use strict';
const net = require('net');

const port = Number(process.argv[2]);
let failed = 0;
const ok = (name) => console.log('ok api ' + name);
const bad = (name, why) => { failed++; console.log('FAIL api ' + name + ': ' + why); };

// Send raw bytes, return the whole response text (the server closes or we time out).
function raw(data, ms = 5000) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let out = '';
    const done = () => { clearTimeout(t); s.destroy(); resolve(out); };
    const t = setTimeout(done, ms);
    s.on('data', (d) => { out += d.toString('latin1'); });
    s.on('end', done);
    s.on('close', done);
    s.on('error', done);
    s.write(data);
  });
}
const status = (r) => { const m = /^HTTP\/1\.[01] (\d{3})/.exec(r); return m ? Number(m[1]) : 0; };
const body = (r) => r.slice(r.indexOf('\r\n\r\n') + 4);
const get = (path, extra = '') => raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

async function expectJson(name, path, check) {
  const r = await get(path);
  if (status(r) !== 200) return bad(name, 'status ' + status(r) + ' ' + body(r).slice(0, 200));
  let j;
  try { j = JSON.parse(body(r)); } catch (e) { return bad(name, 'not JSON: ' + body(r).slice(0, 100)); }
  const why = check(j);
  if (why) bad(name, why); else ok(name);
}

async function expect4xx(name, req, want) {
  const r = typeof req === 'string' && req.startsWith('/') ? await get(req) : await raw(req);
  const s = status(r);
  if (want ? s !== want : s < 400 || s > 499) return bad(name, `status ${s}, expected ${want || '4xx'}`);
  if (r.includes('application/json') && !/"error":"[^"]+"/.test(body(r))) return bad(name, 'no error message: ' + body(r).slice(0, 100));
  ok(name + ' -> ' + s);
}

(async () => {
  await expectJson('events paging', '/api/events?limit=2&offset=1', (j) =>
    j.total !== 9 ? 'total ' + j.total : j.events.length !== 2 ? 'page of ' + j.events.length
      : j.events[0].story_id !== 'ST-1' || j.events[0].sentence_index !== 1 ? 'first ' + JSON.stringify(j.events[0]) : '');
  await expectJson('events dyad filter', '/api/events?dyad=GONGOV,MORMIL', (j) =>
    j.total !== 4 || j.events.some((e) => [e.source, e.target].sort().join() !== 'GONGOV,MORMIL') ? JSON.stringify(j).slice(0, 200) : '');
  await expectJson('events actor+quad+dates', '/api/events?actor=ARN*&quad=3&from=2024-02-01&to=2024-02-29', (j) =>
    j.total !== 1 || j.events[0].code !== '111' || j.events[0].sentence !== 'Arnor <criticized> Mordor & its allies.' ? JSON.stringify(j).slice(0, 300) : '');
  await expectJson('series per month', '/api/series?dyad=GONGOV,MORMIL&period=month', (j) => {
    const got = j.series.map((p) => `${p.period}:${p.cooperation}/${p.conflict}/${p.goldstein}`).join(' ');
    return got === '2024-01:0/2/-12 2024-03:0/2/-17' ? '' : got;
  });
  await expectJson('series per week', '/api/series?actor=ARNGOV&period=week', (j) =>
    j.series.map((p) => p.period + ':' + p.events).join(' ') === '2024-W01:2 2024-W06:2 2024-W09:1' ? '' : JSON.stringify(j.series));
  await expectJson('network', '/api/network', (j) => {
    const e = j.edges.find((x) => x.source === 'GONGOV' && x.target === 'ARNGOV');
    if (j.nodes.length !== 3 || j.edges.length !== 5) return `${j.nodes.length} nodes, ${j.edges.length} edges`;
    if (!e || e.events !== 3 || Math.abs(e.goldstein - 11.4) > 1e-9) return 'edge ' + JSON.stringify(e);
    const g = j.nodes.find((n) => n.id === 'GONGOV');
    return g.events === 8 ? '' : 'GONGOV ' + JSON.stringify(g);
  });
  await expectJson('actors', '/api/actors?limit=2', (j) =>
    j.actors.length === 2 && j.actors[0].id === 'GONGOV' ? '' : JSON.stringify(j));

  // keyset paging: pages chained by 'next' give the same events as one page
  {
    const all = JSON.parse(body(await get('/api/events?limit=9')));
    const seen = [];
    let after = '', pages = 0;
    for (; pages < 5; pages++) {
      const j = JSON.parse(body(await get('/api/events?limit=4' + (after ? '&after=' + encodeURIComponent(after) : ''))));
      seen.push(...j.events);
      if (!j.next) break;
      after = j.next;
    }
    const key = (e) => e.story_id + '/' + e.sentence_index + '/' + e.code;
    if (seen.map(key).join() === all.events.map(key).join() && pages === 2) ok('keyset pages chain to the full listing');
    else bad('keyset pages', seen.map(key).join() + ' vs ' + all.events.map(key).join());
  }
  await expect4xx('bad cursor', '/api/events?after=nonsense', 400);
  await expect4xx('cursor with offset', '/api/events?after=20240105.0.ST-1&offset=2', 400);

  // Host header (DNS rebinding): names other than localhost and IP literals are refused
  await expect4xx('Host of another site', 'GET /api/events HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n', 421);
  await expect4xx('Host missing (HTTP/1.1)', 'GET /api/events HTTP/1.1\r\nConnection: close\r\n\r\n', 400);
  for (const h of ['localhost:8080', '127.0.0.1', '[::1]:8080', 'LOCALHOST.']) {
    const r = await raw(`GET /api/events?limit=1 HTTP/1.1\r\nHost: ${h}\r\nConnection: close\r\n\r\n`);
    if (status(r) === 200) ok('Host ' + h + ' accepted'); else bad('Host ' + h, 'status ' + status(r));
  }

  // malformed and oversized requests
  await expect4xx('garbage request line', 'HELLO WORLD\r\n\r\n');
  // libmicrohttpd drops a connection whose request line holds control bytes without an
  // answer; either that or a 4xx is fine, as long as the server stays up (checked below)
  const junk = await raw(Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]));
  if (junk === '' || (status(junk) >= 400 && status(junk) < 500)) ok('binary junk -> ' + (status(junk) || 'closed'));
  else bad('binary junk', 'status ' + status(junk));
  await expect4xx('100 KB URL', `GET /api/events?actor=${'A'.repeat(100000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  await expect4xx('60 KB header', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'B'.repeat(60000)}\r\n\r\n`);
  await expect4xx('POST with a body', 'POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello', 413);
  await expect4xx('chunked body', 'POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n', 413);
  await expect4xx('DELETE', 'DELETE /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 405);
  await expect4xx('unknown parameter', '/api/events?bogus=1', 400);
  await expect4xx('limit not a number', '/api/events?limit=ten', 400);
  await expect4xx('limit too large', '/api/events?limit=501', 400);
  await expect4xx('negative offset', '/api/events?offset=-1', 400);
  await expect4xx('quad out of range', '/api/events?quad=9', 400);
  await expect4xx('bad date', '/api/events?from=2024-13-01', 400);
  await expect4xx('dyad without comma', '/api/series?dyad=GONGOV', 400);
  await expect4xx('bad period', '/api/series?period=year', 400);
  await expect4xx('invalid UTF-8', '/api/events?actor=%ff%fe', 400);
  await expect4xx('parameter twice', '/api/events?actor=A&actor=B', 400);
  await expect4xx('long value', '/api/events?actor=' + 'X'.repeat(300), 400);
  await expect4xx('too many parameters', '/api/events?' + Array.from({ length: 30 }, (_, i) => 'p' + i + '=1').join('&'), 400);
  await expect4xx('unknown endpoint', '/api/nope', 404);
  await expect4xx('unknown file', '/etc/passwd', 404);
  await expect4xx('dot-dot path', '/../../etc/passwd');

  // the page itself, with its security headers
  const page = await get('/');
  if (status(page) === 200 && /Content-Security-Policy: default-src 'self'/i.test(page) && body(page).includes('<svg id="network"'))
    ok('page served with CSP');
  else bad('page', 'status ' + status(page));

  // bounded burst of concurrent requests: every one answered
  const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => get('/api/events?limit=1&offset=' + (i % 9))));
  const good = burst.filter((r) => status(r) === 200).length;
  if (good === 40) ok('40 concurrent requests answered'); else bad('concurrent requests', good + '/40 answered 200');

  // still alive after all of it
  const last = await get('/api/events?limit=1');
  if (status(last) === 200) ok('server still answers after bad requests'); else bad('server alive', 'status ' + status(last));
  process.exit(failed ? 1 : 0);
})();

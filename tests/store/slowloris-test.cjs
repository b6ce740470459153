// slowloris-test.cjs — a server that slow clients cannot starve: 128 connections from two
// loopback addresses (64 from 127.0.0.1, 64 from 127.0.0.2) trickle header lines and never
// finish; meanwhile /api/events answers another client on each address within 1 s, and the
// server closes the trickling connections once their header deadline (serve
// --header-timeout, HEADER_S below) passes.  Bounded: about HEADER_S + 4 seconds.
// Usage: node slowloris-test.cjs PORT HEADER_S
'use strict';
const net = require('net');

const port = Number(process.argv[2]);
const headerS = Number(process.argv[3]);
let failed = 0;
const ok = (name) => console.log('ok slowloris ' + name);
const bad = (name, why) => { failed++; console.log('FAIL slowloris ' + name + ': ' + why); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function timedGet(localAddress) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const s = net.connect({ port, host: '127.0.0.1', localAddress });
    let out = '';
    const done = () => { clearTimeout(t); s.destroy(); resolve({ ms: Date.now() - t0, out }); };
    const t = setTimeout(done, 5000);
    s.on('data', (d) => { out += d.toString('latin1'); });
    s.on('end', done); s.on('close', done); s.on('error', done);
    s.write('GET /api/events?limit=5 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  });
}

(async () => {
  const slow = [];
  let closed = 0, refused = 0;
  for (let i = 0; i < 128; i++) {
    const s = net.connect({ port, host: '127.0.0.1', localAddress: i % 2 ? '127.0.0.2' : '127.0.0.1' });
    s.on('error', () => {});
    s.on('close', () => { closed++; });
    s.on('connect', () => s.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    slow.push(s);
  }
  // a header line from every slow connection every 400 ms, for at most (headerS + 3) s
  const trickle = setInterval(() => { for (const s of slow) if (!s.destroyed) s.write('X-Slow: ' + Date.now() + '\r\n'); }, 400);
  await sleep(600);
  const open = slow.filter((s) => !s.destroyed && s.readyState === 'open').length;
  if (open >= 120) ok(`${open} slow connections open from 127.0.0.1 and 127.0.0.2`); else { refused = 128 - open; bad('slow connections', `only ${open} of 128 open`); }
  for (const addr of ['127.0.0.1', '127.0.0.2']) {
    const r = await timedGet(addr);
    const st = /^HTTP\/1\.[01] (\d{3})/.exec(r.out);
    if (st && st[1] === '200' && r.ms <= 1000) ok(`/api/events from ${addr} answered in ${r.ms} ms while 128 connections trickle headers`);
    else bad(`/api/events from ${addr} during slowloris`, `status ${st ? st[1] : 'none'} after ${r.ms} ms`);
  }
  await sleep(headerS * 1000 + 2000 - 600);
  clearInterval(trickle);
  const still = slow.filter((s) => !s.destroyed && s.readyState === 'open').length;
  if (closed >= 128 - refused && still === 0) ok(`the server closed all ${closed} trickling connections after the ${headerS} s header deadline`);
  else bad('header deadline', `${still} trickling connections still open after ${headerS + 2} s`);
  for (const s of slow) s.destroy();
  const r = await timedGet('127.0.0.1');
  if (/^HTTP\/1\.[01] 200/.test(r.out)) ok('server answers after the attack'); else bad('after the attack', r.out.slice(0, 80));
  process.exit(failed ? 1 : 0);
})();

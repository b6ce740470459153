// store-http.cjs — latency of the explorer's API for bench-store.sh.  Usage:
//   node store-http.cjs PORT CURSOR [SERVER_PID]
// 1. every endpoint alone: the median of 5 requests (after one warm-up), in ms, and (with
//    SERVER_PID, on Linux) the server's CPU time per request over those 5 (user + system
//    from /proc/PID/stat: moves less with the machine's load than wall time);
// 2. 20 concurrent clients, each sending 12 requests that cycle through the endpoints
//    (each client starting at a different one): latency p50 / p95 / max, and per endpoint
//    its time alone, its median and longest time among the others, and its longest wait
//    (time beyond its own time alone) against the slowest endpoint's own time: a server
//    that answered one request at a time would make a fast request wait for slow ones.
// 3. head of line: while two slow requests run (exports of every USAGOV event), each endpoint
//    is asked twice more, one request at a time: its time then, against its time alone
//    and the slow requests' time (a server answering one request at a time would make
//    each wait for the exports).
// Prints "name<TAB>ms" lines for the table, "concurrent ..." and "beside-slow ..." lines.
'use strict';
const http = require('http');
const port = Number(process.argv[2]);
const cursor = process.argv[3] || '';
const pid = Number(process.argv[4] || 0);
const fs = require('fs');
// the server's CPU time so far in ms, or NaN
function cpuMs() {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime, stime in clock ticks of 10 ms
  } catch (e) { return NaN; }
}
const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });

const endpoints = [
  ['events (unfiltered)', '/api/events?limit=50'],
  ['events actor=USAGOV', '/api/events?limit=50&actor=USAGOV'],
  ['events actor=USA* (prefix)', '/api/events?limit=50&actor=USA*'],
  ['events dyad=USAGOV,CHNGOV', '/api/events?limit=50&dyad=USAGOV,CHNGOV'],
  ['events root=19', '/api/events?limit=50&root=19'],
  ['events deep page (keyset)', '/api/events?limit=50&after=' + encodeURIComponent(cursor)],
  ['series day', '/api/series?period=day'],
  ['series week', '/api/series?period=week'],
  ['series month', '/api/series?period=month'],
  ['series dyad USAGOV,RUSGOV month', '/api/series?period=month&dyad=USAGOV,RUSGOV'],
  ['series actor USAGOV day', '/api/series?period=day&actor=USAGOV'],
  ['series actor USAGOV week', '/api/series?period=week&actor=USAGOV'],
  ['series actor USAGOV month', '/api/series?period=month&actor=USAGOV'],
  ['series root=19 week', '/api/series?period=week&root=19'],
  ['network', '/api/network'],
  ['network 2023', '/api/network?from=2023-01-01&to=2023-12-31'],
  ['actors', '/api/actors'],
  ['counts', '/api/counts'],
  ['counts actor=USAGOV', '/api/counts?actor=USAGOV'],
  ['counts 2023', '/api/counts?from=2023-01-01&to=2023-12-31'],
];

function get(path) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.get({ port, host: '127.0.0.1', path, agent }, (r) => {
      r.on('data', () => {});
      r.on('end', () => resolve({ status: r.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.setTimeout(30000, () => req.destroy());
  });
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

(async () => {
  const alone = {};
  for (const [name, path] of endpoints) {
    const w = await get(path);
    const t = [];
    const c0 = cpuMs();
    for (let i = 0; i < 5; i++) t.push((await get(path)).ms);
    const cpu = (cpuMs() - c0) / 5;
    alone[name] = median(t);
    console.log(`${name}\t${alone[name].toFixed(1)}${pid ? '\tcpu ' + (Number.isNaN(cpu) ? '?' : cpu.toFixed(0)) : ''}` +
      `${w.status === 200 ? '' : '\tstatus ' + w.status}`);
  }
  const lat = [], over = [], per = {};
  let bad = 0;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: 20 }, async (_, c) => {
    for (let i = 0; i < 12; i++) {
      const [name, path] = endpoints[(c + i) % endpoints.length];
      const r = await get(path);
      if (r.status !== 200) bad++;
      lat.push(r.ms);
      (per[name] = per[name] || []).push(r.ms);
      over.push({ name, wait: r.ms - alone[name], ratio: r.ms / Math.max(alone[name], 0.1) });
    }
  }));
  const wall = (Date.now() - t0) / 1000;
  over.sort((a, b) => b.wait - a.wait);
  const slowest = Math.max(...Object.values(alone));
  console.log(`concurrent\t20 clients x 12 mixed requests in ${wall.toFixed(1)} s (${(240 / wall).toFixed(0)} req/s), ${bad} not 200`);
  console.log(`concurrent\tlatency p50 ${pct(lat, 0.5).toFixed(0)} ms, p95 ${pct(lat, 0.95).toFixed(0)} ms, max ${Math.max(...lat).toFixed(0)} ms`);
  console.log(`concurrent\tlongest wait beyond its own time: ${over[0].wait.toFixed(0)} ms (${over[0].name}, alone ${alone[over[0].name].toFixed(0)} ms); slowest endpoint alone ${slowest.toFixed(0)} ms`);
  for (const [name] of endpoints) {
    const t = per[name] || [];
    if (!t.length) continue;
    console.log(`concurrent\t${name}\talone ${alone[name].toFixed(1)} ms\tp50 ${median(t).toFixed(0)} ms\tmax ${Math.max(...t).toFixed(0)} ms` +
      `\tlongest wait ${(Math.max(...t) - alone[name]).toFixed(0)} ms`);
  }
  // 3. beside two slow requests
  const slowPath = '/api/export?format=jsonl&actor=USAGOV';
  const ts = process.hrtime.bigint();
  let slowDone = 0, slowMs = [];
  const slow = [get(slowPath), get(slowPath)].map((p) => p.then((r) => { slowDone++; slowMs.push(r.ms); return r; }));
  await new Promise((r) => setTimeout(r, 200)); // the exports are under way
  let worst = { name: '', ratio: 0, ms: 0 }, asked = 0, during = 0;
  for (const [name, path] of endpoints) {
    for (let i = 0; i < 2; i++) {
      const running = slowDone < 2;
      const r = await get(path);
      asked++;
      if (!running) continue;
      during++;
      if (r.ms - alone[name] > worst.ms - (alone[worst.name] || 0)) worst = { name, ratio: r.ms / Math.max(alone[name], 0.1), ms: r.ms };
    }
  }
  await Promise.all(slow);
  const slowAll = Number(process.hrtime.bigint() - ts) / 1e6;
  console.log(`beside-slow\ttwo exports of USAGOV took ${slowMs.map((m) => m.toFixed(0)).join(' and ')} ms (${slowAll.toFixed(0)} ms in all);` +
    ` ${during} of ${asked} requests ran beside them`);
  if (worst.name)
    console.log(`beside-slow\tlongest wait beside them: ${(worst.ms - alone[worst.name]).toFixed(0)} ms (${worst.name}: ${worst.ms.toFixed(0)} ms, alone ${alone[worst.name].toFixed(0)} ms)`);
  process.exit(0);
})();

// store-http.cjs — latency of the explorer's API for bench-store.sh.  Usage:
//   node store-http.cjs PORT CURSOR [SERVER_PID]
// Every API answer carries a Server-Timing header (src/serve/serve.c) that splits the
// request's time in the server by what its thread was doing: its own work (cpu), ready to
// run while other threads had the processors (runq: sharing the CPU), waiting for a
// database handle held by another request (pool), opening a new handle when none was idle
// (open: the request's own setup, on PostgreSQL a new server connection), on a PostgreSQL
// server of this machine the server process's own work for the request (db) and its wait
// for a processor (dbrunq), and the rest (blocked: asleep on a lock or the disk, in the
// server or in PostgreSQL).
//
// The criterion "no request waits behind another longer than its own time", measured:
//   own work  = cpu + db                (the request's CPU, in entente and in PostgreSQL)
//   sharing   = runq + dbrunq           (ready, waiting for one of the cores)
//   setup     = open                    (a new database handle; 0 with the warm pool)
//   wait      = pool + blocked          (behind another request: for a handle, a lock,
//                                        the disk; = total - own work - sharing - setup),
//                                        less taken:
//   taken     = blocked of a request whose thread never slept (no voluntary switch: it
//               waited on no lock, condition, socket or disk, so behind nothing): time taken
//               from the running thread by the hypervisor (steal) or interrupts, which Linux
//               counts neither as its CPU nor as its run queue; shown apart, like sharing
//   its own time = the endpoint's median wall time alone (part 1)
// met when, for every request under the 20 clients, wait <= its own time.  Sharing the
// cores is not waiting *behind* a request (any server pays it when more requests run than
// there are cores) and is shown apart, as is the "literal" reading (time under load minus
// time alone).  For a remote PostgreSQL server the header has no db part: its work, and the
// network, then fall in blocked and the wait is over-stated (an upper bound).
// 1. alone: each endpoint, the median of 5 requests after a warm-up: wall ms and the
//    server's CPU ms for it.
// 2. 20 concurrent clients, each sending 12 requests back to back that cycle through the
//    endpoints (each client starting at a different one).  Per endpoint: its time alone,
//    its median and longest time under the 20 clients, and the longest split into own work,
//    sharing, setup, wait, conn (from the server's accept to the request's headers read:
//    its thread starting, the headers arriving) and outside the server (the kernel's accept
//    queue, the response's way back, this client's own event loop: its delay is printed);
//    then the criterion as defined above, and
//    beside it the literal reading (time under load minus time alone), with the average
//    number of requests in flight and the server's processor use, which explain it.
// 3. beside slow: while two slow requests run (exports of every USAGOV event), each
//    endpoint is asked twice more, one request at a time: its time then against its time
//    alone (a server answering one request at a time would make each wait for the exports).
// Waiting, split by where: a request's blocked time while it held its database handle and
// neither its thread nor the PostgreSQL backend ran or waited for a core (dbwait: the
// backend asleep on its locks or disk, the socket; on SQLite its locks and the disk) and the
// rest (blocked - dbwait: in this process, outside the database: MHD, the allocator, the
// address space); with the thread's voluntary sleeps and page faults in the request (counts).
// Beside each request that waited longer than its time alone, the machine's run queue
// meanwhile (runnable threads in /proc/loadavg, sampled every 10 ms while the 20 clients run:
// mean and max over its interval): on 2 cores a run queue far above 2 starves every thread,
// and a thread holding a lock then holds it longer (a queue of ours waits on that lock).
// Prints "name<TAB>ms..." lines for the alone table, "concurrent ..." and "beside-slow ..."
// lines.  Figures only: nothing here passes or fails.
'use strict';
const http = require('http');
const fs = require('fs');
const port = Number(process.argv[2]);
const cursor = process.argv[3] || '';
const pid = Number(process.argv[4] || 0);
const CLIENTS = 20, EACH = 12;

// The server's CPU time so far in ms (user + system), or NaN: the process SERVER_PID and
// every process under it, so a PID of a wrapper (timeout, sh -c, a test harness) counts
// the server it started, not the wrapper's own (zero) time.  Times are in clock ticks of
// CLK_TCK per second (getconf; 100 where it cannot be asked).  cpuTree() also names the
// processes counted, printed with the figure.
const CLK_TCK = (() => {
  try { return Number(require('child_process').execFileSync('getconf', ['CLK_TCK']).toString()) || 100; } catch (e) { return 100; }
})();
function procStat(p) { // [comm, ppid, utime + stime in ticks], or null
  try {
    const s = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const close = s.lastIndexOf(')'); // comm may hold spaces and parentheses
    const f = s.slice(close + 2).split(' ');
    return [s.slice(s.indexOf('(') + 1, close), Number(f[1]), Number(f[11]) + Number(f[12])];
  } catch (e) { return null; }
}
function cpuTree() {
  if (!pid || !procStat(pid)) return { ms: NaN, names: [] };
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(d)) continue;
    const st = procStat(d);
    if (st) { if (!kids.has(st[1])) kids.set(st[1], []); kids.get(st[1]).push(Number(d)); }
  }
  let ticks = 0;
  const names = [], todo = [pid], seen = new Set();
  for (let i = 0; i < todo.length && i < 10000; i++) {
    const p = todo[i];
    if (seen.has(p)) continue;
    seen.add(p);
    const st = procStat(p);
    if (!st) continue;
    ticks += st[2];
    names.push(st[0]);
    todo.push(...(kids.get(p) || []));
  }
  return { ms: ticks * 1000 / CLK_TCK, names };
}
const cpuMs = () => cpuTree().ms;
// The machine's CPU time stolen by the hypervisor so far, in ms (all processors; /proc/stat
// "steal", in CLK_TCK ticks): a thread that was running loses that time from its own clock
// (Linux's paravirtual time accounting) without waiting for anything, so it shows in a
// request's "blocked"; NaN where it cannot be read.
const stealMs = () => {
  try { return Number(fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)[8]) * 1000 / CLK_TCK; } catch (e) { return NaN; }
};
const loadavg = () => { try { return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch (e) { return '?'; } };
const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
const T0 = process.hrtime.bigint();
// The machine's runnable threads (the numerator of /proc/loadavg's fourth field, which
// counts this sampler too), sampled into runq as [ms since T0, n]; runqOver(a, b): mean and
// max over an interval, or null without samples
const runq = [];
const runqNow = () => { try { return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[3].split('/')[0]); } catch (e) { return NaN; } };
const runqOver = (a, b) => {
  const v = runq.filter((x) => x[0] >= a && x[0] <= b && !Number.isNaN(x[1])).map((x) => x[1]);
  return v.length ? { mean: v.reduce((p, q) => p + q, 0) / v.length, max: Math.max(...v), n: v.length } : null;
};
// the processors' time stolen by the hypervisor over [a, b] (ms since T0), from the samples'
// steal readings (all processors; NaN without two samples around the interval)
const stealOver = (a, b) => {
  let lo = null, hi = null;
  for (const x of runq) { if (x[0] <= a) lo = x; if (x[0] >= b && !hi) hi = x; }
  return lo && hi ? hi[2] - lo[2] : NaN;
};

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

// A request's time split as the criterion counts it (see the top), in ms.
function parts(r) {
  const t = r.st;
  return {
    own: (t.cpu || 0) + (t.db || 0), share: (t.runq || 0) + (t.dbrunq || 0), setup: t.open || 0,
    wait: (t.pool || 0) + (t.sleeps === 0 ? 0 : t.blocked || 0), taken: t.sleeps === 0 ? t.blocked || 0 : 0,
    pool: t.pool || 0, blocked: t.blocked || 0, conn: t.conn || 0,
    dbwait: t.dbwait || 0, here: Math.max(0, (t.blocked || 0) - (t.dbwait || 0)),
    outside: r.ms - (t.total || 0) - (t.conn || 0),
  };
}

// Where a request's wait went, by the server's own evidence: a thread that never slept
// (no voluntary switch) waited on nothing (no lock, socket or disk): its blocked time is
// time the processor was taken from it without a switch, which Linux counts neither as
// the thread's CPU nor as its run queue (the hypervisor's steal, and interrupts: with IRQ
// time accounting the kernel's network work for other connections); a thread that slept while
// it held its database handle waited there (PostgreSQL's backend asleep, the socket; SQLite's
// locks); one that slept outside it, on something in this process.
function whyOver(r) {
  const p = parts(r), t = r.st;
  if (p.pool > p.blocked) return 'ours: the wait for a database handle';
  if (t.sleeps === undefined) return 'not split (no sleeps count)';
  if (t.sleeps === 0) return 'not ours: no sleep, the time taken from a running thread (steal, interrupts)';
  if (p.dbwait >= p.here) return 'in the database: slept while holding its handle';
  if (t.dbsleeps !== undefined && t.sleeps - t.dbsleeps === 0)
    return 'not ours: no sleep outside the database (time taken from a running thread, or overlapping backend and thread time)';
  return 'ours: slept outside the database, in this process';
}

// "cpu;dur=1.2, runq;dur=0.3, ..." -> {cpu: 1.2, runq: 0.3, ...}; {} without the header
function timing(h) {
  const t = {};
  for (const part of String(h || '').split(',')) {
    const m = /^\s*(\w+);dur=([0-9.]+)/.exec(part);
    if (m) t[m[1]] = Number(m[2]);
  }
  return t;
}

function get(path) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const done = (status, st) => resolve({ status, st, ms: Number(process.hrtime.bigint() - t0) / 1e6,
      from: Number(t0 - T0) / 1e6, to: Number(process.hrtime.bigint() - T0) / 1e6 });
    const req = http.get({ port, host: '127.0.0.1', path, agent }, (r) => {
      r.on('data', () => {});
      r.on('end', () => done(r.statusCode, timing(r.headers['server-timing'])));
    });
    req.on('error', () => done(0, {}));
    req.setTimeout(60000, () => req.destroy());
  });
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const f0 = (x) => (x === undefined || Number.isNaN(x) ? '?' : x.toFixed(0));
const f1 = (x) => (x === undefined || Number.isNaN(x) ? '?' : x.toFixed(1));

(async () => {
  // 1. alone
  const alone = {}, aloneOwn = {};
  for (const [name, path] of endpoints) {
    const w = await get(path);
    const t = [], c = [], dbs = [];
    for (let i = 0; i < 5; i++) {
      const r = await get(path);
      t.push(r.ms); c.push(r.st.cpu === undefined ? NaN : parts(r).own); dbs.push(r.st.db);
    }
    alone[name] = median(t);
    aloneOwn[name] = median(c);
    const db = dbs[0] === undefined ? '' : ` (db ${f1(median(dbs))})`;
    console.log(`${name}\t${alone[name].toFixed(1)}\town work ${f1(aloneOwn[name])}${db}${w.status === 200 ? '' : '\tstatus ' + w.status}`);
  }

  // 2. 20 clients
  const all = [];
  let bad = 0;
  const c0 = cpuMs(), la0 = loadavg(), steal0 = stealMs();
  const loopDelay = require('perf_hooks').monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const sampler = setInterval(() => runq.push([Number(process.hrtime.bigint() - T0) / 1e6, runqNow(), stealMs()]), 10);
  const t0 = process.hrtime.bigint(), tStart = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let i = 0; i < EACH; i++) {
      const [name, path] = endpoints[(c + i) % endpoints.length];
      const r = await get(path);
      if (r.status !== 200) bad++;
      all.push({ name, ...r });
    }
  }));
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sampler);
  loopDelay.disable();
  const dbCpu = all.reduce((s, r) => s + (r.st.db || 0), 0);
  const tree = cpuTree();
  const ownCpu = all.reduce((s, r) => s + (r.st.cpu || 0), 0);
  // the process tree's CPU holds the requests' own (their threads' clocks): a reading below
  // that sum (by more than a clock tick per request) was taken from the wrong process
  const read = tree.ms - c0;
  const readOk = !Number.isNaN(read) && read + all.length * 1000 / CLK_TCK >= ownCpu;
  const cores = ((readOk ? read : ownCpu) + dbCpu) / wall;
  const coresFrom = readOk ? `read from ${[...new Set(tree.names)].join(', ')} (pid ${pid} and its children)`
    : `from the requests' own CPU: the reading of pid ${pid || '(none given)'}${tree.names.length ? ' (' + [...new Set(tree.names)].join(', ') + ')' : ''} gave ${f0(read)} ms`;
  const inflight = all.reduce((s, r) => s + r.ms, 0) / wall;
  const lat = all.map((r) => r.ms);
  const n = all.length;
  console.log(`concurrent\t${CLIENTS} clients x ${EACH} mixed requests in ${(wall / 1000).toFixed(1)} s (${(n / wall * 1000).toFixed(0)} req/s), ${bad} not 200;` +
    ` load average ${la0} before, ${loadavg()} after`);
  console.log(`concurrent\t${inflight.toFixed(1)} requests in flight on average; the server used ${f1(cores)} of ${require('os').cpus().length} cores, ${coresFrom}` +
    ` (its requests' own CPU: ${f0(ownCpu)} ms in all` +
    `${all.some((r) => r.st.db !== undefined) ? ', and PostgreSQL\'s for them ' + f0(dbCpu) + ' ms, counted in the cores' : ''});` +
    ` this client's event loop was late by ${f0(loopDelay.percentile(50) / 1e6)} ms at the median, ${f0(loopDelay.max / 1e6)} ms at most` +
    ` (part of each request's "outside")`);
  console.log(`concurrent\tfrom ${(tStart / 1000).toFixed(3)} to ${(tStart / 1000 + wall / 1000).toFixed(3)} (seconds since the epoch: to match samples taken on the server);` +
    ` the hypervisor stole ${f0(stealMs() - steal0)} ms of the processors' time meanwhile (counted in "blocked" where it hit a request)`);
  console.log(`concurrent\tlatency p50 ${pct(lat, 0.5).toFixed(0)} ms, p95 ${pct(lat, 0.95).toFixed(0)} ms, max ${Math.max(...lat).toFixed(0)} ms`);
  console.log('concurrent\tendpoint\talone ms (own work)\tunder 20: p50 / max ms\town work p50\tthe longest = own + sharing + setup + wait + taken + conn + outside (ms)' +
    '\twait max (pool max, blocked max)\twait > own time');
  let wb = null, wl = null, literalOver = 0, nOver = 0; // the worst request by each reading
  for (const [name] of endpoints) {
    const rs = all.filter((r) => r.name === name);
    if (!rs.length) continue;
    const longest = rs.reduce((a, b) => (b.ms > a.ms ? b : a));
    const p = parts(longest);
    let nover = 0;
    for (const r of rs) {
      const w = parts(r).wait, yard = Math.max(alone[name], 0.1);
      if (w > alone[name]) nover++;
      if (!wb || w / yard > wb.ratio) wb = { v: w, name, ratio: w / yard, p: parts(r) };
      const lit = r.ms - alone[name];
      if (lit > alone[name]) literalOver++;
      if (!wl || lit / yard > wl.ratio) wl = { v: lit, name, ms: r.ms, ratio: lit / yard };
    }
    nOver += nover;
    console.log(`concurrent\t${name}\t${alone[name].toFixed(1)} (${f1(aloneOwn[name])})\t${median(rs.map((r) => r.ms)).toFixed(0)} / ${longest.ms.toFixed(0)}` +
      `\t${f1(median(rs.map((r) => parts(r).own)))}\t${longest.ms.toFixed(0)} = ${f1(p.own)} + ${f1(p.share)} + ${f1(p.setup)} + ${f1(p.wait)} + ${f1(p.taken)} + ${f1(p.conn)} + ${f1(p.outside)}` +
      `\t${f1(Math.max(...rs.map((r) => parts(r).wait)))} (${f1(Math.max(...rs.map((r) => r.st.pool || 0)))}, ${f1(Math.max(...rs.map((r) => r.st.blocked || 0)))})` +
      `\t${nover} of ${rs.length}`);
  }
  // every request that waited longer than its time alone, with the whole Server-Timing
  // split (what its thread and its PostgreSQL backend were doing), so the cause is seen
  for (const r of all) {
    const p = parts(r);
    if (p.wait <= alone[r.name]) continue;
    const t = r.st;
    const q = runqOver(r.from, r.to);
    console.log(`concurrent\tover\t${r.name}\t${f1(r.ms)} ms (alone ${f1(alone[r.name])}): wait ${f1(p.wait)} = pool ${f1(p.pool)} + blocked ${f1(p.blocked)}` +
      ` (holding the database handle ${f1(p.dbwait)}, outside it ${f1(p.here)}; ${f0(t.sleeps)} sleeps, ${f0(t.dbsleeps)} of them holding the handle, ${f0(t.faults)} page faults);` +
      ` cpu ${f1(t.cpu)}, runq ${f1(t.runq)}, open ${f1(t.open)}, db ${f1(t.db)}, dbrunq ${f1(t.dbrunq)}, conn ${f1(p.conn)}, outside ${f1(p.outside)};` +
      ` machine run queue meanwhile ${q ? f1(q.mean) + ' mean, ' + q.max + ' max (' + q.n + ' samples)' : 'not sampled'},` +
      ` stolen by the hypervisor ${f0(stealOver(r.from, r.to))} ms of both processors; ${whyOver(r)}`);
  }
  const poolMax = Math.max(...all.map((r) => r.st.pool || 0));
  const takenAll = all.map((r) => parts(r).taken);
  const openMax = Math.max(...all.map((r) => r.st.open || 0));
  const withDb = all.filter((r) => r.st.db !== undefined).length;
  console.log(`concurrent\tcriterion (wait = pool + blocked = total - own work - sharing - setup, less the blocked time of requests that never slept` +
    ` (taken: ${takenAll.filter((x) => x > 0).length} requests, at most ${f1(Math.max(...takenAll))} ms), against the request's time alone;` +
    ` PostgreSQL's own work ${withDb ? 'measured (db, dbrunq) in ' + withDb + ' of ' + n + ' requests' : 'not seen: none or remote'}):` +
    ` ${nOver ? 'NOT met: ' + nOver + ' of ' + n + ' requests waited longer than their time alone' : 'met: no request of ' + n + ' waited longer than its time alone'};` +
    ` the longest wait for its own time ${f1(wb.v)} ms (${wb.name}, alone ${f1(alone[wb.name])} ms; pool ${f1(wb.p.pool)}, blocked ${f1(wb.p.blocked)},` +
    ` own work ${f1(wb.p.own)}, sharing ${f1(wb.p.share)}); the wait for a database handle at most ${f1(poolMax)} ms;` +
    ` opening new handles (own setup) at most ${f1(openMax)} ms`);
  // the blocked time of all requests: what a lock (the allocator's, the address space's,
  // SQLite's) or the disk cost, beside the sharing of the cores
  const kinds = {};
  for (const r of all) if (parts(r).wait > alone[r.name]) { const k = whyOver(r); kinds[k] = (kinds[k] || 0) + 1; }
  console.log(`concurrent\tthe requests that waited longer than their time alone, by cause: ${Object.keys(kinds).length ? Object.entries(kinds).map(([k, v]) => v + ' ' + k).join('; ') : 'none'}`);
  const rq = runq.map((x) => x[1]).filter((x) => !Number.isNaN(x));
  const dbw = all.reduce((a, r) => a + parts(r).dbwait, 0), here = all.reduce((a, r) => a + parts(r).here, 0);
  console.log(`concurrent\tblocked split: holding the database handle ${f1(dbw)} ms, outside it (in this process) ${f1(here)} ms in all;` +
    ` the longest outside ${f1(Math.max(...all.map((r) => parts(r).here)))} ms;` +
    ` the machine's run queue while the clients ran: ${rq.length ? f1(rq.reduce((a, b) => a + b, 0) / rq.length) + ' mean, ' + pct(rq, 0.95) + ' p95, ' + Math.max(...rq) + ' max (' + rq.length + ' samples)' : 'not sampled'}`);
  const blk = all.map((r) => r.st.blocked || 0), shr = all.map((r) => parts(r).share);
  console.log(`concurrent\tblocked in all ${f1(blk.reduce((a, b) => a + b, 0))} ms (p50 ${f1(pct(blk, 0.5))}, p99 ${f1(pct(blk, 0.99))},` +
    ` max ${f1(Math.max(...blk))} ms; ${blk.filter((b) => b > 1).length} of ${n} requests over 1 ms); sharing the cores in all` +
    ` ${f0(shr.reduce((a, b) => a + b, 0))} ms (p50 ${f1(pct(shr, 0.5))} ms)`);
  console.log(`concurrent\tcounting CPU sharing as waiting too (time under load - time alone): ${literalOver} of ${n} requests waited longer than their time alone;` +
    ` the worst ${f0(wl.v)} ms (${wl.name}: ${f0(wl.ms)} ms, alone ${f1(alone[wl.name])} ms)` +
    ` with ${inflight.toFixed(1)} requests sharing ${require('os').cpus().length} cores`);

  // 3. beside two slow requests
  const slowPath = '/api/export?format=jsonl&actor=USAGOV';
  const ts = process.hrtime.bigint();
  let slowDone = 0;
  const slowMs = [];
  const slow = [get(slowPath), get(slowPath)].map((p) => p.then((r) => { slowDone++; slowMs.push(r.ms); return r; }));
  await new Promise((r) => setTimeout(r, 200)); // the exports are under way
  let worst = { name: '', ms: 0 }, asked = 0, during = 0, over = 0;
  for (const [name, path] of endpoints) {
    for (let i = 0; i < 2; i++) {
      const running = slowDone < 2;
      const r = await get(path);
      asked++;
      if (!running) continue;
      during++;
      if (r.ms - alone[name] > alone[name]) over++;
      if (!worst.name || r.ms - alone[name] > worst.ms - alone[worst.name]) worst = { name, ms: r.ms, st: r.st };
    }
  }
  await Promise.all(slow);
  const slowAll = Number(process.hrtime.bigint() - ts) / 1e6;
  console.log(`beside-slow\ttwo exports of USAGOV took ${slowMs.map((m) => m.toFixed(0)).join(' and ')} ms (${slowAll.toFixed(0)} ms in all);` +
    ` ${during} of ${asked} requests ran beside them, ${over} of those waited longer than their time alone`);
  if (worst.name)
    console.log(`beside-slow\tlongest wait beside them: ${(worst.ms - alone[worst.name]).toFixed(0)} ms (${worst.name}: ${worst.ms.toFixed(0)} ms,` +
      ` alone ${alone[worst.name].toFixed(0)} ms; sharing ${f1(parts(worst).share)}, wait (pool + blocked) ${f1(parts(worst).wait)} ms)`);
  process.exit(0);
})();

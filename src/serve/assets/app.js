// app.js — the entente explorer page: an event table with highlighted evidence, a dyad
// time series (cooperation vs conflict) and an actor network, all drawn as plain DOM/SVG
// from the JSON API.  Every data string reaches the page as a text node (never as HTML).
'use strict';

const $ = (id) => document.getElementById(id);
const SVGNS = 'http://www.w3.org/2000/svg';
const state = { filters: {}, offset: 0, limit: 25, dyad: '', period: 'month' };

function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) p.set(k, v);
  return p.toString();
}

async function api(path, params) {
  const r = await fetch('/api/' + path + '?' + query(params));
  const j = await r.json();
  if (!r.ok) throw new Error(j.error || r.statusText);
  return j;
}

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) e.append(k); // strings become text nodes
  return e;
}

function sv(tag, attrs, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function fmt(x) { return (Math.round(x * 10) / 10).toFixed(1); }

// ---- evidence highlighting ----------------------------------------------------------

const enc = new TextEncoder();
const dec = new TextDecoder();

// Character range of a matched part: from byte offsets relative to the sentence when
// they fit, else by finding the matched words in the sentence.
function range(ev, kind, sentence, bytes) {
  const off = ev[kind + '_offsets'], so = ev.sentence_offsets;
  if (off && so) {
    const a = off[0] - so[0], b = off[1] - so[0];
    if (a >= 0 && b <= bytes.length && a < b) {
      const s = dec.decode(bytes.slice(0, a)).length;
      const e = s + dec.decode(bytes.slice(a, b)).length;
      return [s, e];
    }
  }
  const words = ev[kind + '_text'];
  if (!words) return null;
  const i = sentence.toLowerCase().indexOf(words.toLowerCase());
  return i >= 0 ? [i, i + words.length] : null;
}

function evidence(ev) {
  const s = ev.sentence || '';
  const bytes = enc.encode(s);
  const marks = [];
  for (const kind of ['source', 'target', 'verb']) {
    const r = range(ev, kind, s, bytes);
    if (r) marks.push([r[0], r[1], kind]);
  }
  marks.sort((x, y) => x[0] - y[0]);
  const td = el('td', { class: 'evidence' });
  let at = 0;
  for (const [a, b, kind] of marks) {
    if (a < at) continue; // overlapping match: keep the first
    if (a > at) td.append(s.slice(at, a));
    td.append(el('mark', { class: kind, title: kind + ': ' + (ev[kind + '_text'] || '') }, s.slice(a, b)));
    at = b;
  }
  if (at < s.length) td.append(s.slice(at));
  return td;
}

// ---- event table ----------------------------------------------------------------------

async function loadEvents() {
  const j = await api('events', { ...state.filters, limit: state.limit, offset: state.offset });
  const tb = $('events').tBodies[0];
  clear(tb);
  for (const ev of j.events) {
    tb.append(el('tr', { 'data-code': ev.code },
      el('td', {}, ev.date || ''), el('td', {}, ev.source), el('td', {}, ev.target),
      el('td', { title: ev.plover || '' }, ev.code), el('td', { class: 'num' }, String(ev.quad)),
      el('td', { class: 'num' }, fmt(ev.goldstein)), evidence(ev)));
  }
  $('events-count').textContent = '(' + j.total + ')';
  $('events').dataset.total = j.total;
  const last = Math.min(j.offset + j.events.length, j.total);
  $('page').textContent = j.total ? (j.offset + 1) + '–' + last + ' of ' + j.total : 'no events';
  $('prev').disabled = j.offset === 0;
  $('next').disabled = last >= j.total;
}

// ---- dyad time series -----------------------------------------------------------------

// ISO 8601 week label "YYYY-Www" of a UTC date.
function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7)); // that week's Thursday
  const y = t.getUTCFullYear();
  const w = 1 + Math.floor((t - Date.UTC(y, 0, 1)) / 86400000 / 7);
  return y + '-W' + String(w).padStart(2, '0');
}

// Labels of every period from the first to the last, so empty periods show as zero.
function allPeriods(first, last, period) {
  const out = [];
  let d;
  if (period === 'month') d = new Date(Date.UTC(+first.slice(0, 4), +first.slice(5, 7) - 1, 1));
  else if (period === 'day') d = new Date(first + 'T00:00:00Z');
  else {
    const m = /^(\d{4})-W(\d{2})$/.exec(first);
    if (!m) return [first];
    d = new Date(Date.UTC(+m[1], 0, 4)); // Jan 4 is always in week 1
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 7 * (+m[2] - 1));
  }
  for (let i = 0; i < 5000; i++) {
    const label = period === 'month' ? d.toISOString().slice(0, 7)
      : period === 'day' ? d.toISOString().slice(0, 10) : isoWeek(d);
    out.push(label);
    if (label >= last) break;
    if (period === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (period === 'day' ? 1 : 7));
  }
  return out;
}

function fillGaps(series, period) {
  const known = series.filter((p) => p.period !== 'unknown');
  if (known.length < 2) return known;
  const by = new Map(known.map((p) => [p.period, p]));
  return allPeriods(known[0].period, known[known.length - 1].period, period).map((l) =>
    by.get(l) || { period: l, events: 0, cooperation: 0, conflict: 0, quad: [0, 0, 0, 0], goldstein: 0 });
}

async function loadSeries() {
  const svg = $('series');
  clear(svg);
  $('series-title').textContent = state.dyad ? state.dyad.replace(',', ' – ') : '';
  if (!state.dyad) { $('series-summary').textContent = 'no dyad'; return; }
  const j = await api('series', { ...state.filters, dyad: state.dyad, period: state.period });
  const pts = fillGaps(j.series, j.period);
  const W = 640, H = 260, L = 40, R = 30, T = 24, B = 40;
  const pw = W - L - R, ph = H - T - B;
  const max = Math.max(1, ...pts.map((p) => Math.max(p.cooperation, p.conflict)));
  const x = (i) => L + (pts.length === 1 ? pw / 2 : (i * pw) / (pts.length - 1));
  const y = (v) => T + ph - (v / max) * ph;
  svg.append(sv('line', { class: 'axis', x1: L, y1: T + ph, x2: W - R, y2: T + ph }));
  svg.append(sv('line', { class: 'axis', x1: L, y1: T, x2: L, y2: T + ph }));
  svg.append(sv('text', { class: 'tick', x: L - 6, y: T + ph + 4, 'text-anchor': 'end' }, '0'));
  svg.append(sv('text', { class: 'tick', x: L - 6, y: T + 4, 'text-anchor': 'end' }, String(max)));
  const step = Math.max(1, Math.ceil(pts.length / 8));
  pts.forEach((p, i) => {
    if (i % step === 0) svg.append(sv('text', { class: 'tick', x: x(i), y: T + ph + 16, 'text-anchor': 'middle' }, p.period));
  });
  for (const kind of ['coop', 'conflict']) {
    const key = kind === 'coop' ? 'cooperation' : 'conflict';
    svg.append(sv('polyline', { class: 'line-' + kind, points: pts.map((p, i) => x(i) + ',' + y(p[key])).join(' ') }));
    pts.forEach((p, i) => {
      const c = sv('circle', { class: 'pt pt-' + kind, cx: x(i), cy: y(p[key]), r: 3.5,
        'data-period': p.period, 'data-value': p[key], 'data-goldstein': p.goldstein });
      c.append(sv('title', {}, p.period + ': ' + p[key] + ' ' + key + ' events, Goldstein ' + fmt(p.goldstein)));
      svg.append(c);
    });
  }
  svg.append(sv('text', { class: 'legend', x: L + 4, y: 12, fill: '#2e7d32' }, '● cooperation (quad 1–2)'));
  svg.append(sv('text', { class: 'legend', x: L + 170, y: 12, fill: '#c62828' }, '● conflict (quad 3–4)'));
  const coop = pts.reduce((a, p) => a + p.cooperation, 0), conf = pts.reduce((a, p) => a + p.conflict, 0);
  const g = pts.reduce((a, p) => a + p.goldstein, 0);
  svg.dataset.periods = pts.length;
  $('series-summary').textContent = pts.length + ' ' + j.period + 's: ' + coop + ' cooperation, ' + conf +
    ' conflict events, Goldstein sum ' + fmt(g);
}

// ---- actor network --------------------------------------------------------------------

function setDyads(edges) {
  const pairs = new Map();
  for (const e of edges) {
    const k = [e.source, e.target].sort().join(',');
    pairs.set(k, (pairs.get(k) || 0) + e.events);
  }
  const sorted = [...pairs.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const sel = $('series-dyad');
  clear(sel);
  for (const [k, n] of sorted) sel.append(el('option', { value: k }, k.replace(',', ' – ') + ' (' + n + ')'));
  if (state.filters.dyad) state.dyad = state.filters.dyad;
  else if (!pairs.has(state.dyad)) state.dyad = sorted.length ? sorted[0][0] : '';
  if (state.dyad && !pairs.has(state.dyad)) sel.append(el('option', { value: state.dyad }, state.dyad));
  sel.value = state.dyad;
}

async function loadNetwork() {
  const j = await api('network', { ...state.filters, limit: 60 });
  const svg = $('network');
  clear(svg);
  const C = 240, Rad = 185;
  const nodes = j.nodes, pos = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    pos.set(n.id, [C + Rad * Math.cos(a), C + Rad * Math.sin(a)]);
  });
  const maxE = Math.max(1, ...j.edges.map((e) => e.events));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const radius = new Map(nodes.map((n) => [n.id, 6 + 12 * Math.sqrt(n.events / maxN)]));
  const defs = sv('defs');
  for (const kind of ['coop', 'conflict']) {
    const m = sv('marker', { id: 'arrow-' + kind, viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 5, markerHeight: 5, orient: 'auto', markerUnits: 'userSpaceOnUse' });
    m.append(sv('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-' + kind }));
    defs.append(m);
  }
  svg.append(defs);
  for (const e of j.edges) {
    if (!pos.has(e.source) || !pos.has(e.target)) continue;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    // bend each direction to its own side so A->B and B->A stay apart
    const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1, k = 18;
    const cx = mx - (dy / len) * k, cy = my + (dx / len) * k;
    // stop at the target's rim so the arrowhead shows
    const ex = x2 - cx, ey = y2 - cy, el2 = Math.hypot(ex, ey) || 1, rt = radius.get(e.target) + 2;
    const tx = x2 - (ex / el2) * rt, ty = y2 - (ey / el2) * rt;
    const kind = e.goldstein >= 0 ? 'coop' : 'conflict';
    const p = sv('path', { class: 'edge ' + kind, 'marker-end': `url(#arrow-${kind})`,
      d: `M${x1},${y1} Q${cx},${cy} ${tx},${ty}`, 'stroke-width': 1 + (7 * e.events) / maxE,
      'data-source': e.source, 'data-target': e.target, 'data-events': e.events, 'data-goldstein': e.goldstein });
    p.append(sv('title', {}, e.source + ' → ' + e.target + ': ' + e.events + ' events, Goldstein sum ' + fmt(e.goldstein)));
    p.addEventListener('click', () => {
      state.dyad = [e.source, e.target].sort().join(',');
      $('series-dyad').value = state.dyad;
      loadSeries().catch(showError);
    });
    svg.append(p);
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const g = sv('g', { class: 'node', 'data-id': n.id, 'data-events': n.events });
    g.append(sv('circle', { cx: x, cy: y, r: radius.get(n.id) }));
    g.append(sv('text', { x: x, y: y - 14 - 12 * Math.sqrt(n.events / maxN) + 6, 'text-anchor': 'middle' }, n.id));
    g.append(sv('title', {}, n.id + ': ' + n.events + ' events, Goldstein sum ' + fmt(n.goldstein)));
    svg.append(g);
  }
  svg.dataset.nodes = nodes.length;
  svg.dataset.edges = j.edges.length;
  $('network-summary').textContent = nodes.length + ' actors, ' + j.edges.length + ' directed links' +
    ' (line width: events; green: net cooperative Goldstein, red: net conflictual)';
  setDyads(j.edges);
}

// ---- wiring ---------------------------------------------------------------------------

function showError(err) {
  $('status').textContent = 'error: ' + err.message;
  document.body.dataset.ready = 'error';
}

async function loadAll() {
  document.body.dataset.ready = '0';
  $('status').textContent = '';
  try {
    await Promise.all([loadEvents(), loadNetwork().then(loadSeries)]);
    document.body.dataset.ready = '1';
  } catch (err) {
    showError(err);
  }
}

$('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = {};
  for (const [k, v] of new FormData(ev.target).entries()) if (v !== '') f[k] = String(v).trim();
  state.filters = f;
  state.offset = 0;
  loadAll();
});
$('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch(showError); });
$('next').addEventListener('click', () => { state.offset += state.limit; loadEvents().catch(showError); });
$('series-dyad').addEventListener('change', (ev) => { state.dyad = ev.target.value; loadSeries().catch(showError); });
$('series-period').addEventListener('change', (ev) => { state.period = ev.target.value; loadSeries().catch(showError); });
// actor codes for the filter's suggestions (busiest first)
api('actors', { limit: 200 }).then((j) => {
  for (const a of j.actors) $('actor-list').append(el('option', { value: a.id }, a.id + ' (' + a.events + ')'));
}).catch(() => {});
loadAll();

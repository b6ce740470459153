// app.js — the entente explorer page: counts by CAMEO root / PLOVER category, a dyad time
// series (cooperation vs conflict), an actor network, an event table with highlighted
// evidence and a link from each row to its story (all its sentences, every event marked)
// and back.  Plain DOM/SVG from the JSON API; every data string reaches the page as a text
// node (never as HTML).  The view (filters, order, page, dyad, period, open story) lives in
// the URL, so a shared URL shows the same view.  Each panel loads and fails on its own.
'use strict';

const $ = (id) => document.getElementById(id);
const SVGNS = 'http://www.w3.org/2000/svg';
const FILTERS = ['q', 'actor', 'dyad', 'code', 'root', 'quad', 'from', 'to', 'sort'];
const state = { filters: {}, offset: 0, limit: 25, dyad: '', period: 'month', story: '', by: 'root' };
let cameo = { codes: {}, plover: {} };
let fromRow = null; // the row whose story is open, to return to

function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) p.set(k, v);
  return p.toString();
}

async function api(path, params) {
  const r = await fetch('/api/' + path + '?' + query(params || {}));
  let j;
  try { j = await r.json(); } catch (e) { throw new Error(r.status + ' ' + r.statusText); }
  if (!r.ok) throw new Error(j.error || r.statusText);
  return j;
}

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) e.setAttribute(k, v);
  for (const k of kids) if (k != null) e.append(k); // strings become text nodes
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
const isCoop = (quad) => quad === 1 || quad === 2;
const sign = (quad) => (isCoop(quad) ? '+' : quad === 3 || quad === 4 ? '−' : '·');
const kindOf = (quad) => (isCoop(quad) ? 'coop' : quad === 3 || quad === 4 ? 'conflict' : 'neutral');

// ---- the view in the URL ---------------------------------------------------------------

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.filters = {};
  for (const k of FILTERS) if (p.get(k)) state.filters[k] = p.get(k);
  state.offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  state.dyad = p.get('sdyad') || '';
  state.period = ['month', 'week', 'day'].includes(p.get('period')) ? p.get('period') : 'month';
  state.by = p.get('by') === 'plover' ? 'plover' : 'root';
  state.story = p.get('story') || '';
  const form = $('filters');
  for (const k of FILTERS) form.elements[k].value = state.filters[k] || '';
  $('series-period').value = state.period;
  $('cat-by').value = state.by;
}

function writeUrl(push) {
  const q = query({ ...state.filters, offset: state.offset || '', sdyad: state.dyad,
    period: state.period === 'month' ? '' : state.period, by: state.by === 'root' ? '' : state.by,
    story: state.story });
  const url = location.pathname + (q ? '?' + q : '');
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

function updateDownloads() {
  $('dl-csv').href = '/api/export?' + query({ format: 'csv', ...state.filters });
  $('dl-json').href = '/api/export?' + query({ format: 'jsonl', ...state.filters });
}

// ---- panels: each loads, and fails, on its own -----------------------------------------

async function panel(id, fn) {
  const p = $(id), st = p.querySelector('.panel-status');
  p.classList.add('loading');
  p.classList.remove('failed');
  p.setAttribute('aria-busy', 'true');
  st.textContent = '';
  try {
    await fn();
    return true;
  } catch (err) {
    p.classList.add('failed');
    st.textContent = 'Could not load: ' + err.message;
    return false;
  } finally {
    p.classList.remove('loading');
    p.removeAttribute('aria-busy');
  }
}

// ---- names and descriptions ---------------------------------------------------------------

function actorCell(code, name, country) {
  const td = el('td', { 'data-label': 'Actor' }, el('span', { class: 'code' }, code));
  if (code === '---') td.append(el('span', { class: 'name' }, 'none'));
  else if (name) {
    const extra = country && !name.startsWith(country) ? ' (' + country + ')' : '';
    td.append(el('span', { class: 'name' }, name + extra));
  }
  return td;
}

function codeName(code) { return cameo.codes[code] || ''; }

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

// The sentence with the source, target and verb of every event in evs marked.
function marked(s, evs) {
  const bytes = enc.encode(s);
  const marks = [];
  evs.forEach((ev, n) => {
    for (const kind of ['source', 'target', 'verb']) {
      const r = range(ev, kind, s, bytes);
      if (r) marks.push([r[0], r[1], kind, ev, n]);
    }
  });
  marks.sort((x, y) => x[0] - y[0] || x[4] - y[4]);
  const span = el('span', { class: 'sentence' });
  let at = 0;
  for (const [a, b, kind, ev] of marks) {
    if (a < at) continue; // overlapping match: keep the first
    if (a > at) span.append(s.slice(at, a));
    span.append(el('mark', { class: kind, title: kind + ': ' + (ev[kind + '_text'] || '') + ' (' + ev.code + ')' }, s.slice(a, b)));
    at = b;
  }
  if (at < s.length) span.append(s.slice(at));
  return span;
}

// ---- event table ----------------------------------------------------------------------

function storyLink(ev) {
  const label = (ev.title || 'story ' + ev.story_id) + (ev.publisher ? ' — ' + ev.publisher : '');
  const a = el('a', { class: 'story-link', href: '?' + query({ ...state.filters, story: ev.story_id }),
    'data-story': ev.story_id }, 'Story: ' + label);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    fromRow = a.closest('tr').dataset.key;
    openStory(ev.story_id);
  });
  return a;
}

async function loadEvents() {
  const j = await api('events', { ...state.filters, limit: state.limit, offset: state.offset });
  const tb = $('events').tBodies[0];
  clear(tb);
  for (const ev of j.events) {
    const q = ev.quad;
    const evCell = el('td', { 'data-label': 'Event', title: ev.plover || '' },
      el('span', { class: 'code' }, ev.code), el('span', { class: 'desc' }, ev.code_name || codeName(ev.code)));
    const src = actorCell(ev.source, ev.source_name, ev.source_country);
    src.dataset.label = 'Source';
    const tgt = actorCell(ev.target, ev.target_name, ev.target_country);
    tgt.dataset.label = 'Target';
    tb.append(el('tr', { 'data-code': ev.code, 'data-story': ev.story_id, 'data-key': ev.story_id + '#' + ev.sentence_index + '#' + ev.code + '#' + ev.source },
      el('td', { class: 'date', 'data-label': 'Date' }, ev.date || ''), src, tgt, evCell,
      el('td', { class: 'num quad-' + kindOf(q), 'data-label': 'Quad', title: isCoop(q) ? 'cooperation' : 'conflict' },
        el('span', { class: 'sign' }, sign(q)), ' ' + q),
      el('td', { class: 'num', 'data-label': 'Goldstein' }, fmt(ev.goldstein)),
      el('td', { class: 'evidence' }, marked(ev.sentence || '', [ev]), storyLink(ev))));
  }
  $('events-count').textContent = '(' + j.total + ')';
  $('events').dataset.total = j.total;
  const last = Math.min(j.offset + j.events.length, j.total);
  $('page').textContent = j.total ? (j.offset + 1) + '–' + last + ' of ' + j.total : 'no events';
  $('prev').disabled = j.offset === 0;
  $('next').disabled = last >= j.total;
}

// ---- counts by category ---------------------------------------------------------------

async function loadCategories() {
  const j = await api('counts', state.filters);
  const box = $('categories');
  clear(box);
  const rows = state.by === 'root' ? j.roots : j.plover;
  const max = Math.max(1, ...rows.map((r) => r.events));
  for (const r of rows) {
    const key = state.by === 'root' ? r.root : r.plover;
    const name = state.by === 'root' ? (r.name || '') : '';
    const q = r.quad || (state.by === 'root' ? 0 : cameo.plover[key] || 0);
    const kind = kindOf(q);
    const label = sign(q) + ' ' + key + (name ? ' ' + name : '');
    const lab = state.by === 'root' && key !== 'unknown'
      ? el('button', { type: 'button', class: 'bar-label', title: 'show only root ' + key + ': ' + name })
      : el('span', { class: 'bar-label', title: label });
    lab.append(el('span', { class: 'sign', 'aria-hidden': 'true' }, sign(q)), key + (name ? ' ' + name : ''));
    if (lab.tagName === 'BUTTON') lab.addEventListener('click', () => { applyFilters({ ...state.filters, root: key }); });
    const bar = el('div', { class: 'bar ' + kind });
    bar.style.width = (100 * r.events / max) + '%';
    box.append(el('div', { role: 'listitem', class: 'bar-row', 'data-key': key,
      'data-events': r.events, 'data-kind': kind, 'aria-label': label + ': ' + r.events + ' events' },
      lab, el('div', { class: 'bar-track' }, bar), el('span', { class: 'bar-count' }, String(r.events))));
  }
  if (!rows.length) box.append(el('p', {}, 'no events'));
  box.dataset.rows = rows.length;
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
  svg.append(sv('line', { class: 'line-coop', x1: L + 4, y1: 8, x2: L + 24, y2: 8 }));
  svg.append(sv('text', { class: 'legend', x: L + 28, y: 12 }, '+ cooperation (quad 1–2)'));
  svg.append(sv('line', { class: 'line-conflict', x1: L + 200, y1: 8, x2: L + 220, y2: 8 }));
  svg.append(sv('text', { class: 'legend', x: L + 224, y: 12 }, '− conflict (quad 3–4)'));
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

function chooseDyad(a, b) {
  state.dyad = [a, b].sort().join(',');
  $('series-dyad').value = state.dyad;
  writeUrl(false);
  panel('series-panel', loadSeries);
}

async function loadNetwork() {
  const j = await api('network', { ...state.filters, limit: 60 });
  const svg = $('network');
  clear(svg);
  // nodes on a circle; each label outside its node, along the radius, so neighbours'
  // labels and circles do not overlap (the viewBox leaves room for them on every side)
  const C = 240, Rad = 165;
  const nodes = j.nodes, pos = new Map(), angle = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    angle.set(n.id, a);
    pos.set(n.id, [C + Rad * Math.cos(a), C + Rad * Math.sin(a)]);
  });
  const names = new Map(nodes.map((n) => [n.id, n.name ? n.id + ' (' + n.name + ')' : n.id]));
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
    const label = names.get(e.source) + ' → ' + names.get(e.target) + ': ' + e.events + ' events, ' +
      (kind === 'coop' ? '+ net cooperative' : '− net conflictual') + ', Goldstein sum ' + fmt(e.goldstein);
    const p = sv('path', { class: 'edge ' + kind, 'marker-end': `url(#arrow-${kind})`,
      d: `M${x1},${y1} Q${cx},${cy} ${tx},${ty}`, 'stroke-width': 1 + (7 * e.events) / maxE,
      tabindex: 0, role: 'button', 'aria-label': label + '. Press Enter to show this dyad over time.',
      'data-source': e.source, 'data-target': e.target, 'data-events': e.events, 'data-goldstein': e.goldstein });
    p.append(sv('title', {}, label));
    p.addEventListener('click', () => chooseDyad(e.source, e.target));
    p.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); chooseDyad(e.source, e.target); }
    });
    svg.append(p);
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const g = sv('g', { class: 'node', 'data-id': n.id, 'data-events': n.events });
    g.append(sv('circle', { cx: x, cy: y, r: radius.get(n.id) }));
    const a = angle.get(n.id), cos = Math.cos(a), sin = Math.sin(a), off = radius.get(n.id) + 5;
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    g.append(sv('text', { x: x + off * cos, y: y + off * sin + 4 + (anchor === 'middle' ? 6 * sin : 0),
      'text-anchor': anchor }, n.id));
    g.append(sv('title', {}, names.get(n.id) + ': ' + n.events + ' events, Goldstein sum ' + fmt(n.goldstein)));
    svg.append(g);
  }
  svg.dataset.nodes = nodes.length;
  svg.dataset.edges = j.edges.length;
  $('network-summary').textContent = nodes.length + ' actors, ' + j.edges.length + ' directed links' +
    ' (line width: events; solid blue: + net cooperative Goldstein, dashed orange: − net conflictual;' +
    ' Tab to a link and press Enter to show its dyad)';
  setDyads(j.edges);
}

// ---- story ---------------------------------------------------------------------------------

async function loadStory() {
  const p = $('story-panel');
  p.hidden = !state.story;
  if (!state.story) return;
  clear($('story-title'));
  clear($('story-meta'));
  clear($('story-sentences'));
  const j = await api('story', { id: state.story });
  const s = j.story;
  $('story-title').append(s.title || 'Story ' + s.story_id);
  const meta = $('story-meta');
  meta.append([s.publisher, s.date, 'story ' + s.story_id].filter(Boolean).join(' · '));
  if (s.url && /^https?:\/\//i.test(s.url)) {
    meta.append(' · ', el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', id: 'story-url' }, s.url));
  } else if (s.url) {
    meta.append(' · ' + s.url);
  }
  const ol = $('story-sentences');
  let nev = 0;
  for (const sen of j.sentences) {
    const li = el('li', { value: sen.index + 1, 'data-index': sen.index, class: sen.events.length ? 'has-events' : null },
      marked(sen.text || '', sen.events));
    for (const ev of sen.events) {
      nev++;
      li.append(el('span', { class: 'ev' }, sign(ev.quad) + ' ' + ev.source + (ev.source_name ? ' (' + ev.source_name + ')' : '') +
        ' → ' + ev.target + (ev.target_name ? ' (' + ev.target_name + ')' : '') + ': ' + ev.code + ' ' + (ev.code_name || '')));
    }
    ol.append(li);
  }
  p.dataset.sentences = j.sentences.length;
  p.dataset.events = nev;
}

function openStory(id) {
  state.story = id;
  writeUrl(true);
  panel('story-panel', loadStory).then(() => {
    $('story-panel').scrollIntoView();
    $('story-panel').focus();
  });
}

function closeStory() {
  state.story = '';
  writeUrl(false);
  $('story-panel').hidden = true;
  const key = fromRow;
  const row = key ? [...$('events').tBodies[0].rows].find((r) => r.dataset.key === key) : null;
  for (const r of document.querySelectorAll('tr.from-story')) r.classList.remove('from-story');
  if (row) {
    row.classList.add('from-story');
    row.scrollIntoView({ block: 'center' });
    const a = row.querySelector('a.story-link');
    if (a) a.focus();
  } else {
    $('events-panel').focus();
  }
}

// ---- wiring ---------------------------------------------------------------------------

function showStatus() {
  const failed = [...document.querySelectorAll('.panel.failed h2')].map((h) => h.firstChild.textContent.trim());
  $('status').textContent = failed.length ? 'Some panels could not load: ' + failed.join(', ') : '';
}

async function loadAll() {
  document.body.dataset.ready = '0';
  updateDownloads();
  const results = await Promise.all([
    panel('events-panel', loadEvents),
    panel('categories-panel', loadCategories),
    panel('network-panel', loadNetwork).then((ok) => panel('series-panel', ok ? loadSeries : async () => {
      if (!state.dyad) throw new Error('the network (which lists the dyads) did not load');
      await loadSeries();
    })),
    state.story ? panel('story-panel', loadStory) : Promise.resolve(true),
  ]);
  if (!state.story) $('story-panel').hidden = true;
  showStatus();
  document.body.dataset.ready = results.every(Boolean) ? '1' : 'error';
}

function applyFilters(f) {
  state.filters = f;
  state.offset = 0;
  for (const k of FILTERS) $('filters').elements[k].value = f[k] || '';
  writeUrl(true);
  loadAll();
}

$('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = {};
  for (const [k, v] of new FormData(ev.target).entries()) if (String(v).trim() !== '') f[k] = String(v).trim();
  applyFilters(f);
});
$('reset').addEventListener('click', () => applyFilters({}));
$('prev').addEventListener('click', () => {
  state.offset = Math.max(0, state.offset - state.limit);
  writeUrl(false);
  panel('events-panel', loadEvents);
});
$('next').addEventListener('click', () => {
  state.offset += state.limit;
  writeUrl(false);
  panel('events-panel', loadEvents);
});
$('series-dyad').addEventListener('change', (ev) => { state.dyad = ev.target.value; writeUrl(false); panel('series-panel', loadSeries); });
$('series-period').addEventListener('change', (ev) => { state.period = ev.target.value; writeUrl(false); panel('series-panel', loadSeries); });
$('cat-by').addEventListener('change', (ev) => { state.by = ev.target.value; writeUrl(false); panel('categories-panel', loadCategories); });
$('story-back').addEventListener('click', closeStory);
window.addEventListener('popstate', () => { readUrl(); loadAll(); });

(async () => {
  readUrl();
  // CAMEO descriptions (root names for the filter) and actor names for the suggestions;
  // the page works without them
  try {
    cameo = await api('cameo');
    const sel = $('filters').elements.root;
    for (const [code, name] of Object.entries(cameo.codes))
      if (code.length === 2) sel.append(el('option', { value: code }, code + ' ' + name));
    sel.value = state.filters.root || '';
  } catch (e) { /* descriptions missing: codes still show */ }
  api('actors', { limit: 200 }).then((j) => {
    for (const a of j.actors) $('actor-list').append(el('option', { value: a.id }, a.id + (a.name ? ' ' + a.name : '') + ' (' + a.events + ')'));
  }).catch(() => {});
  loadAll();
})();

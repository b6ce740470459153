// browser-test.cjs — loads the explorer page in Debian's chromium (driven by
// playwright-core) on the fixture database (with story metadata and actor names) at desktop
// (1280 px) and phone (390 px) widths, and checks every part of the page: the event table
// with names, CAMEO descriptions and highlighted evidence; counts by root / PLOVER category;
// the dyad time series; the actor network reached by keyboard; the colour-blind-safe palette
// with its second cue; full-text search, date order and filters kept in the URL (a shared URL
// gives the same view); CSV / JSON downloads of every row of the filter; a row's story and
// the way back; a loading indicator and per-panel errors; no sideways scroll at 390 px.
// Screenshots go to OUT_DIR/explorer-{desktop,phone}{,-story}.png.
// Usage: node browser-test.cjs PLAYWRIGHT_CORE_DIR URL OUT_DIR PROFILE_DIR
'use strict';
const [pwDir, url, outDir, profile] = process.argv.slice(2);
const { chromium } = require(pwDir);

let failed = 0;
let width = 'desktop';
const ok = (name) => console.log(`ok browser ${width}: ${name}`);
const bad = (name, why) => { failed++; console.log(`FAIL browser ${width}: ${name}: ${why}`); };
const check = (name, got, want) => {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g === w) ok(name); else bad(name, `got ${g}, expected ${w}`);
};
const ready = (page) => page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.ready === 'error', null, { timeout: 15000 });

async function rows(page) {
  return page.$$eval('#events tbody tr', (rs) => rs.map((tr) => tr.dataset.code + '@' + tr.cells[0].textContent));
}

// Checks shared by both widths.
async function common(page, W) {
  await page.goto(url, { waitUntil: 'load', timeout: 15000 });
  await ready(page);
  check('page ready without errors', await page.evaluate(() => document.body.dataset.ready), '1');

  // event table: names next to codes, CAMEO descriptions, highlighted evidence
  check('table rows', await page.$$eval('#events tbody tr', (r) => r.length), 9);
  check('event count', await page.textContent('#events-count'), '(9)');
  const first = await page.$eval('#events tbody tr', (tr) => ({
    date: tr.cells[0].textContent,
    source: [...tr.cells[1].children].map((c) => c.textContent),
    target: [...tr.cells[2].children].map((c) => c.textContent),
    event: [...tr.cells[3].children].map((c) => c.textContent),
    quad: tr.cells[4].textContent, goldstein: tr.cells[5].textContent,
    marks: [...tr.querySelectorAll('mark')].map((m) => m.className + ':' + m.textContent),
    story: tr.querySelector('a.story-link').textContent,
  }));
  check('first row: date', first.date, '2024-01-05');
  check('first row: actor and country names next to codes', [first.source, first.target],
    [['ARNGOV', 'Arnor government'], ['GONGOV', 'Gondor government']]);
  check('first row: CAMEO code with its description', first.event, ['057', 'Sign a formal agreement']);
  check('first row: quad with its sign, Goldstein', [first.quad, first.goldstein], ['+ 2', '8.0']);
  check('evidence highlighted', first.marks, ['source:Arnor', 'verb:signed an agreement', 'target:Gondor']);
  check('row links to its story (title, publisher)', first.story, 'Story: Arnor and Gondor sign a trade pact — Example Herald');
  const esc = await page.$eval('#events tbody tr[data-code="111"] td.evidence .sentence', (s) => ({
    text: s.textContent, tags: s.querySelectorAll('criticized').length }));
  check('evidence HTML-escaped', esc, { text: 'Arnor <criticized> Mordor & its allies.', tags: 0 });

  // counts by root, then by PLOVER category; colour plus a second cue (sign, hatching)
  const bars = async () => page.$$eval('#categories .bar-row', (rs) => rs.map((r) => r.dataset.key + ':' + r.dataset.events + ':' + r.dataset.kind));
  check('bar chart by CAMEO root', await bars(), ['04:1:coop', '05:2:coop', '07:1:coop', '11:2:conflict', '13:1:conflict', '19:2:conflict']);
  const barLook = await page.$eval('#categories', (box) => {
    const label = (k) => box.querySelector(`.bar-row[data-key="${k}"] .bar-label`).textContent;
    const bg = (k) => getComputedStyle(box.querySelector(`.bar-row[data-key="${k}"] .bar`));
    return { coop: label('05'), conflict: label('19'), coopColour: bg('05').backgroundColor,
      hatched: bg('19').backgroundImage.startsWith('repeating-linear-gradient'), plain: bg('05').backgroundImage };
  });
  check('bar labels: sign, root and name', [barLook.coop, barLook.conflict], ['+05 Engage in diplomatic cooperation', '−19 Fight']);
  check('bars: blue cooperation, hatched conflict', [barLook.coopColour, barLook.hatched, barLook.plain], ['rgb(0, 114, 178)', true, 'none']);
  await page.selectOption('#cat-by', 'plover');
  await page.waitForFunction(() => document.querySelector('#categories .bar-row[data-key="AGREE"]'));
  const plover = await bars();
  // in CAMEO order (the category of the lowest root first); categories PLOVER does not
  // list (the fixture's DISAPPROVE, FIGHT) are grey, with no sign
  check('bar chart by PLOVER category', plover, ['CONSULT:2:coop', 'AGREE:1:coop', 'AID:1:coop', 'ACCUSE:1:conflict',
    'DISAPPROVE:1:neutral', 'THREATEN:1:conflict', 'FIGHT:2:neutral']);
  check('bar choice kept in the URL', new URL(page.url()).searchParams.get('by'), 'plover');
  await page.selectOption('#cat-by', 'root');
  await page.waitForFunction(() => document.querySelector('#categories .bar-row[data-key="05"]'));

  // dyad time series: cooperation solid, conflict dashed
  const series = async () => page.$$eval('#series circle.pt', (cs) => cs.map((c) =>
    c.getAttribute('class').replace('pt pt-', '') + ' ' + c.dataset.period + '=' + c.dataset.value));
  check('series dyad', await page.$eval('#series-dyad', (s) => s.value), 'ARNGOV,GONGOV');
  check('series ARNGOV-GONGOV', await series(), ['coop 2024-01=2', 'coop 2024-02=1', 'coop 2024-03=1',
    'conflict 2024-01=0', 'conflict 2024-02=0', 'conflict 2024-03=0']);
  const lines = await page.$eval('#series', (s) => ['coop', 'conflict'].map((k) => {
    const cs = getComputedStyle(s.querySelector('polyline.line-' + k));
    return k + ':' + cs.stroke + ':' + cs.strokeDasharray;
  }));
  check('series palette: solid blue vs dashed vermillion', lines, ['coop:rgb(0, 114, 178):none', 'conflict:rgb(213, 94, 0):6px, 4px']);

  // actor network
  const net = await page.$eval('#network', (s) => ({
    nodes: [...s.querySelectorAll('g.node')].map((g) => g.dataset.id + ':' + g.dataset.events),
    edges: [...s.querySelectorAll('path.edge')].map((p) => `${p.dataset.source}>${p.dataset.target}:${p.dataset.events}:${p.classList.contains('coop') ? 'coop' : 'conflict'}:${getComputedStyle(p).strokeDasharray}`),
    named: s.querySelector('g.node[data-id="MORMIL"] title').textContent,
  }));
  check('network nodes', net.nodes, ['ARNGOV:5', 'GONGOV:8', 'MORMIL:5']);
  check('network edges (conflict dashed)', net.edges, ['ARNGOV>GONGOV:1:coop:none', 'ARNGOV>MORMIL:1:conflict:7px, 4px',
    'GONGOV>ARNGOV:3:coop:none', 'GONGOV>MORMIL:2:conflict:7px, 4px', 'MORMIL>GONGOV:2:conflict:7px, 4px']);
  check('network node names', net.named, 'MORMIL (Mordor military): 5 events, Goldstein sum -31.0');

  // keyboard: Tab reaches a network link, Enter shows its dyad
  await page.focus('#filters input[name="q"]');
  let reached = null;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.matches && a.matches('path.edge') ? a.dataset.source + '>' + a.dataset.target : null;
    });
  }
  check('Tab reaches a network link', reached !== null, true);
  while (reached && reached !== 'GONGOV>MORMIL') {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.matches && a.matches('path.edge') ? a.dataset.source + '>' + a.dataset.target : null;
    });
  }
  check('Tab walks the links to GONGOV>MORMIL', reached, 'GONGOV>MORMIL');
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  check('focused link is described', label.startsWith('GONGOV (Gondor government) → MORMIL (Mordor military): 2 events, − net conflictual'), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#series-title').textContent.includes('MORMIL'));
  await page.waitForSelector('#series circle.pt');
  check('Enter on a link shows its dyad', await series(), ['coop 2024-01=0', 'coop 2024-02=0', 'coop 2024-03=0',
    'conflict 2024-01=2', 'conflict 2024-02=0', 'conflict 2024-03=2']);
  check('series summary', await page.textContent('#series-summary'), '3 months: 0 cooperation, 4 conflict events, Goldstein sum -29.0');

  // layout: nothing scrolls sideways; the evidence column is readable
  const layout = await page.evaluate(() => {
    const ev = document.querySelector('#events tbody td.evidence');
    return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      evidence: Math.round(ev.getBoundingClientRect().width), viewport: window.innerWidth };
  });
  check('no sideways scroll', layout.overflow <= 0, true);
  check('evidence column at least 60% of the viewport wide or 300 px', layout.evidence >= Math.min(300, layout.viewport * 0.6), true);
  await page.screenshot({ path: `${outDir}/explorer-${W}.png`, fullPage: true });
  ok(`screenshot saved to ${outDir}/explorer-${W}.png (evidence column ${layout.evidence} px of ${layout.viewport})`);

  // a row's story, and back to the row
  await page.click('#events tbody tr[data-code="190"] a.story-link');
  await page.waitForFunction(() => !document.querySelector('#story-panel').hidden && document.querySelector('#story-panel').dataset.sentences);
  const story = await page.$eval('#story-panel', (p) => ({
    title: p.querySelector('#story-title').textContent,
    meta: p.querySelector('#story-meta').textContent,
    href: p.querySelector('#story-url') && p.querySelector('#story-url').getAttribute('href'),
    sentences: [...p.querySelectorAll('#story-sentences > li')].map((li) => li.querySelector('.sentence').textContent),
    marks: [...p.querySelectorAll('#story-sentences mark')].map((m) => m.className + ':' + m.textContent),
    focused: document.activeElement === p,
  }));
  check('story: title, publisher, date, url', [story.title, story.meta, story.href],
    ['Mordor troops attack Gondor near the river', 'Example Wire · 2024-01-20 · story ST-2 · https://wire.example.net/mordor-attack?id=2&lang=en',
      'https://wire.example.net/mordor-attack?id=2&lang=en']);
  check('story: all its sentences', story.sentences, ['Mordor troops attacked Gondor near the river.', 'Gondor accused Mordor of the attack.']);
  check('story: every event highlighted', story.marks, ['source:Mordor troops', 'verb:attacked', 'target:Gondor',
    'source:Gondor', 'verb:accused', 'target:Mordor']);
  check('story: focus moves to the story', story.focused, true);
  check('story: in the URL', new URL(page.url()).searchParams.get('story'), 'ST-2');
  await page.screenshot({ path: `${outDir}/explorer-${W}-story.png`, fullPage: false });
  ok(`screenshot saved to ${outDir}/explorer-${W}-story.png`);
  const shared = page.url();
  await page.click('#story-back');
  const back = await page.evaluate(() => ({ hidden: document.querySelector('#story-panel').hidden,
    row: document.activeElement.closest('tr') && document.activeElement.closest('tr').dataset.code,
    marked: document.querySelector('tr.from-story') && document.querySelector('tr.from-story').dataset.code,
    story: new URL(location.href).searchParams.get('story') }));
  check('back to events: story closed, focus on the row it came from', back, { hidden: true, row: '190', marked: '190', story: null });
  return shared;
}

(async () => {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
    timeout: 30000,
  });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 5\d\d/.test(m.text())) errors.push(m.text()); });
    // nothing but the server under test may be contacted (no CDN)
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(url)) foreign.push(r.url()); });

    const storyUrl = await common(page, 'desktop');

    // a shared story URL opens the story
    await page.goto(storyUrl, { waitUntil: 'load' });
    await ready(page);
    check('shared story URL opens the story', await page.$eval('#story-panel', (p) => !p.hidden && p.querySelector('#story-title').textContent),
      'Mordor troops attack Gondor near the river');
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);

    // full-text search, newest first: kept in the URL
    await page.fill('input[name="q"]', 'gondor');
    await page.selectOption('select[name="sort"]', 'desc');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(() => document.body.dataset.ready === '1' && document.querySelector('#events-count').textContent === '(8)');
    const searched = await rows(page);
    check('search "gondor", newest first', searched[0], '190@2024-03-02');
    check('newest first: dates never increase', searched.map((r) => r.split('@')[1]).every((d, i, a) => i === 0 || a[i - 1] >= d), true);
    const sp = new URL(page.url()).searchParams;
    check('filters kept in the URL', [sp.get('q'), sp.get('sort')], ['gondor', 'desc']);
    await page.selectOption('select[name="sort"]', '');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(() => document.body.dataset.ready === '1' && !new URL(location.href).searchParams.get('sort'));
    check('oldest first', (await rows(page))[0], '057@2024-01-05');

    // a filter narrows everything; its URL, opened afresh, gives the same view
    await page.fill('input[name="q"]', '');
    await page.fill('input[name="actor"]', 'MORMIL');
    await page.selectOption('select[name="root"]', '19');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(() => document.body.dataset.ready === '1' && document.querySelector('#events-count').textContent === '(2)');
    const view = async (p) => ({ rows: await rows(p), net: await p.$eval('#network', (s) => s.dataset.edges),
      bars: await p.$$eval('#categories .bar-row', (rs) => rs.map((r) => r.dataset.key + ':' + r.dataset.events)),
      form: await p.$eval('#filters', (f) => [f.elements.actor.value, f.elements.root.value]),
      dyad: await p.$eval('#series-dyad', (s) => s.value), series: await p.textContent('#series-summary') });
    const before = await view(page);
    check('filtered table', before.rows.length, 2);
    check('filtered bars', before.bars, ['19:2']);
    const sharedUrl = page.url();
    const page2 = await ctx.newPage();
    page2.on('pageerror', (e) => errors.push(String(e)));
    await page2.goto(sharedUrl, { waitUntil: 'load' });
    await ready(page2);
    check('a shared URL reproduces the view', await view(page2), before);
    await page2.close();

    // downloads: the links carry the filter and bring every row of it
    const hrefs = await page.$eval('#dl-csv', (a) => a.getAttribute('href'));
    check('CSV link carries the filter', hrefs, '/api/export?format=csv&actor=MORMIL&root=19');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
    const fs = require('fs');
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
    check('CSV download: file name, header and the filtered rows', [download.suggestedFilename(), csv.length, csv[0].split(',').slice(0, 4)],
      ['entente-events.csv', 3, ['story_id', 'sentence_index', 'date', 'source']]);
    await page.click('#reset');
    await page.waitForFunction(() => document.body.dataset.ready === '1' && document.querySelector('#events-count').textContent === '(9)');
    const all = await page.evaluate(async () => {
      const r = await fetch(document.querySelector('#dl-json').getAttribute('href'));
      return (await r.text()).trim().split('\n').map((l) => JSON.parse(l).story_id);
    });
    check('JSON download: all 9 rows', all.length, 9);

    // loading indicator and per-panel errors
    await page.route('**/api/network*', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"database error (injected)","status":500}' }));
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/api/events*', async (route) => { await held; await route.continue(); });
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#events-panel').classList.contains('loading'));
    check('loading indicator while the events load', await page.$eval('#events-panel', (p) => [p.getAttribute('aria-busy'),
      getComputedStyle(p.querySelector('.panel-status'), '::before').content]), ['true', '"Loading…"']);
    release();
    await ready(page);
    const panels = await page.evaluate(() => ({
      network: document.querySelector('#network-panel .panel-status').textContent,
      failed: [...document.querySelectorAll('.panel.failed')].map((p) => p.id),
      events: document.querySelectorAll('#events tbody tr').length,
      bars: document.querySelectorAll('#categories .bar-row').length,
      status: document.querySelector('#status').textContent }));
    check('a failing panel shows its error; the others load (the series from the dyad in the URL)', panels, {
      network: 'Could not load: database error (injected)', failed: ['network-panel'], events: 9, bars: 6,
      status: 'Some panels could not load: Actor network' });
    await page.unroute('**/api/network*');
    await page.unroute('**/api/events*');

    // phone width: the same checks at 390 px
    width = 'phone';
    await page.setViewportSize({ width: 390, height: 844 });
    await common(page, 'phone');
    const phone = await page.evaluate(() => {
      const tr = document.querySelector('#events tbody tr');
      return { head: getComputedStyle(document.querySelector('#events thead')).display,
        label: getComputedStyle(tr.cells[6], '::before').content };
    });
    check('table as cards at 390 px', phone.head, 'none');

    width = 'all';
    check('no page errors', errors, []);
    check('no requests outside the server', foreign, []);
  } catch (e) {
    bad('run', String(e && e.stack || e).split('\n').slice(0, 3).join(' | '));
  } finally {
    await ctx.close();
  }
  process.exit(failed ? 1 : 0);
})();

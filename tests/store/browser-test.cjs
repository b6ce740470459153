// browser-test.cjs — loads the explorer page in Debian's chromium (driven by
// playwright-core) on the fixture database and checks that the event table, the dyad time
// series and the actor network render with the right numbers; saves a screenshot.
// Usage: node browser-test.cjs PLAYWRIGHT_CORE_DIR URL SCREENSHOT.png PROFILE_DIR
'use strict';
const [pwDir, url, shot, profile] = process.argv.slice(2);
const { chromium } = require(pwDir);

let failed = 0;
const ok = (name) => console.log('ok browser ' + name);
const bad = (name, why) => { failed++; console.log('FAIL browser ' + name + ': ' + why); };
const check = (name, got, want) => {
  const g = JSON.stringify(got), w = JSON.stringify(want);
  if (g === w) ok(name); else bad(name, `got ${g}, expected ${w}`);
};

(async () => {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 },
    timeout: 30000,
  });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // nothing but the server under test may be contacted (no CDN)
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(url)) foreign.push(r.url()); });
    await page.goto(url, { waitUntil: 'load', timeout: 15000 });
    await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });

    // event table
    check('table rows', await page.$$eval('#events tbody tr', (r) => r.length), 9);
    check('event count', await page.textContent('#events-count'), '(9)');
    const first = await page.$eval('#events tbody tr', (tr) => ({
      cells: [...tr.cells].slice(0, 6).map((c) => c.textContent),
      marks: [...tr.querySelectorAll('mark')].map((m) => m.className + ':' + m.textContent),
    }));
    check('first row', first.cells, ['2024-01-05', 'ARNGOV', 'GONGOV', '057', '2', '8.0']);
    check('evidence highlighted', first.marks, ['source:Arnor', 'verb:signed an agreement', 'target:Gondor']);
    const esc = await page.$eval('#events tbody tr[data-code="111"] td.evidence', (td) => ({
      text: td.textContent, tags: td.querySelectorAll('criticized').length }));
    check('evidence HTML-escaped', esc, { text: 'Arnor <criticized> Mordor & its allies.', tags: 0 });

    // dyad time series: the busiest dyad first (ARNGOV-GONGOV, 4 events; ties by name)
    const series = async () => page.$$eval('#series circle.pt', (cs) => cs.map((c) =>
      c.getAttribute('class').replace('pt pt-', '') + ' ' + c.dataset.period + '=' + c.dataset.value));
    check('series dyad', await page.$eval('#series-dyad', (s) => s.value), 'ARNGOV,GONGOV');
    check('series ARNGOV-GONGOV', await series(), ['coop 2024-01=2', 'coop 2024-02=1', 'coop 2024-03=1',
      'conflict 2024-01=0', 'conflict 2024-02=0', 'conflict 2024-03=0']);
    await page.selectOption('#series-dyad', 'GONGOV,MORMIL');
    await page.waitForFunction(() => document.querySelector('#series-title').textContent.includes('MORMIL'));
    await page.waitForSelector('#series circle.pt');
    check('series GONGOV-MORMIL (empty month filled)', await series(), ['coop 2024-01=0', 'coop 2024-02=0', 'coop 2024-03=0',
      'conflict 2024-01=2', 'conflict 2024-02=0', 'conflict 2024-03=2']);
    check('series summary', await page.textContent('#series-summary'), '3 months: 0 cooperation, 4 conflict events, Goldstein sum -29.0');

    // actor network
    const net = await page.$eval('#network', (s) => ({
      nodes: [...s.querySelectorAll('g.node')].map((g) => g.dataset.id + ':' + g.dataset.events),
      edges: [...s.querySelectorAll('path.edge')].map((p) => `${p.dataset.source}>${p.dataset.target}:${p.dataset.events}:${p.dataset.goldstein}:${p.classList.contains('coop') ? 'coop' : 'conflict'}`),
    }));
    check('network nodes', net.nodes, ['ARNGOV:5', 'GONGOV:8', 'MORMIL:5']);
    check('network edges', net.edges, ['ARNGOV>GONGOV:1:8:coop', 'ARNGOV>MORMIL:1:-2:conflict',
      'GONGOV>ARNGOV:3:11.4:coop', 'GONGOV>MORMIL:2:-12:conflict', 'MORMIL>GONGOV:2:-17:conflict']);
    const widths = await page.$$eval('#network path.edge', (ps) => ps.map((p) => Number(p.getAttribute('stroke-width'))));
    check('edge width grows with events', widths[2] > widths[0] && widths[3] > widths[0], true);

    // screenshot of the full explorer before filtering
    await page.screenshot({ path: shot, fullPage: true });
    ok('screenshot saved to ' + shot);

    // a filter narrows everything
    await page.fill('input[name="actor"]', 'MORMIL');
    await page.click('#filters button[type="submit"]');
    await page.waitForFunction(() => document.body.dataset.ready === '1' && document.querySelector('#events-count').textContent === '(5)');
    check('filtered table', await page.$$eval('#events tbody tr', (r) => r.length), 5);
    check('filtered network', await page.$eval('#network', (s) => s.dataset.edges), '3');

    check('no page errors', errors, []);
    check('no requests outside the server', foreign, []);
  } catch (e) {
    bad('run', String(e && e.stack || e).split('\n').slice(0, 3).join(' | '));
  } finally {
    await ctx.close();
  }
  process.exit(failed ? 1 : 0);
})();

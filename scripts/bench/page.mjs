// How fast the page shows its first numbers: navigations of the real page (www/, served by
// scripts/serve.mjs with its CSP) in headless Chromium, each in a fresh browser context (an empty
// profile: no cache), timed from navigation start by the page's own clock.
//
//   node scripts/bench/page.mjs [--navigations 7] [--root www]     (or via scripts/bench.mjs)
//
// Measured, best (lowest) of the navigations, and the median:
//   - embed.html?code=<code>: when the first [data-output] has text (the code ran in the worker);
//   - index.html: when Run 1 of the first lesson cell appears (computed in the browser, not the
//     static text), when every cell visible in the first screen (1280x720) has run once, and
//     when the page says it is ready (every cell run once, html.is-ready);
//   - the bytes of JS and wasm requested before the first screen was complete, as sent and as
//     gzip would send them (zlib level 6, what a static server's compression typically uses),
//     counted by the server, so the worker's requests count too.
// A benchmark, not a test: it prints figures and never fails on them.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { createHandler } from '../serve.mjs';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The course notebook's In [4] with the import it relies on (In [1]'s numpy line). */
export const IN_4_WITH_IMPORT = [
  'import numpy as np',
  '',
  '# repeat after fixing the seed (old-but-still-widely-used method)',
  'np.random.seed(17)',
  'print(np.random.randn(5))',
  'print(np.random.randn(5))',
  '',
  '# [ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]',
  '# [ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]',
].join('\n');

/** In [1] (numpy and torch) then In [4], verbatim: the embed of the notebook's first cells. */
export const IN_1_AND_4 = [
  '# import libraries',
  'import numpy as np',
  'import torch',
  '',
  IN_4_WITH_IMPORT.split('\n').slice(2).join('\n'),
].join('\n');

/**
 * Records, with the page's clock (ms since navigation start), when things first appear:
 * window.__pageTimes = { firstOutput, firstRun, visibleReady, ready }.
 */
function timingProbe() {
  /** @type {Record<string, number>} */
  const times = {};
  // @ts-expect-error  the benchmark's own global
  window.__pageTimes = times;
  const stamp = (/** @type {string} */ name) => {
    if (times[name] === undefined) times[name] = performance.now();
  };
  const inView = (/** @type {Element} */ e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.width > 0;
  };
  const check = () => {
    const output = document.querySelector('[data-output]');
    if (output?.textContent) stamp('firstOutput');
    const cells = [...document.querySelectorAll('.cell[data-cell]')];
    if (cells[0]?.querySelector('.runs .run[data-run="1"]')) stamp('firstRun');
    if (cells.length && times.visibleReady === undefined) {
      const visible = [
        ...cells,
        ...document.querySelectorAll('#own-code-cell, #play-form:not([hidden])'),
      ].filter(inView);
      const ran = (/** @type {Element} */ e) => e.querySelector('.run, #play-runs > li') !== null;
      if (visible.length && visible.every(ran)) stamp('visibleReady');
    }
    if (document.documentElement.classList.contains('is-ready')) stamp('ready');
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class'],
  });
}

/** Gzip size of each file, computed once. @type {Map<string, number>} */
const gzipSizes = new Map();
/** @param {string} file */
function gzipSize(file) {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
    gzipSizes.set(file, size);
  }
  return size;
}

/**
 * A static server for root that logs each request it answers: { path, file, at } (at: epoch ms).
 * @param {string} root
 */
async function loggingServer(root) {
  const handler = createHandler(root);
  /** @type {Array<{ path: string, file: string, at: number }>} */
  const log = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    log.push({ path: pathname, file, at: Date.now() });
    handler(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, log, url: `http://127.0.0.1:${port}/` };
}

/**
 * The JS and wasm requested in [from, until] (epoch ms): { js, wasm } with { raw, gzip, files }.
 * @param {Array<{ path: string, file: string, at: number }>} log
 * @param {number} from @param {number} until
 */
function bytesRequested(log, from, until) {
  const totals = {
    js: { raw: 0, gzip: 0, files: 0 },
    wasm: { raw: 0, gzip: 0, files: 0 },
  };
  const seen = new Set();
  for (const { path: p, file, at } of log) {
    if (at < from || at > until || seen.has(p) || !fs.existsSync(file)) continue;
    seen.add(p);
    const kind = p.endsWith('.js') || p.endsWith('.mjs') ? 'js' : p.endsWith('.wasm') ? 'wasm' : '';
    if (!kind) continue;
    const t = totals[/** @type {'js' | 'wasm'} */ (kind)];
    t.raw += fs.statSync(file).size;
    t.gzip += gzipSize(file);
    t.files += 1;
  }
  return totals;
}

/**
 * One navigation in a fresh context: the times the probe recorded, and the bytes requested
 * before `firstScreen` (the name of the time that ends the first screen).
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, log: Array<{ path: string, file: string, at: number }> }} server
 * @param {string} pagePath
 * @param {string} firstScreen
 */
async function navigate(browser, server, pagePath, firstScreen) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(timingProbe);
    const from = Date.now();
    await page.goto(server.url + pagePath);
    await page.waitForSelector('html.is-ready', { timeout: 30_000 });
    const { times, origin } = await page.evaluate(() => ({
      // @ts-expect-error  the probe's global
      times: /** @type {Record<string, number>} */ (window.__pageTimes),
      origin: performance.timeOrigin,
    }));
    const until = origin + (times[firstScreen] ?? times.ready);
    return { times, bytes: bytesRequested(server.log, from, until) };
  } finally {
    await context.close();
  }
}

/** @param {number[]} xs */
const best = (xs) => Math.min(...xs);
/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Measures the pages; returns the rows of the table: { what, best, median, target }.
 * @param {{ executablePath: string, root?: string, navigations?: number }} options
 */
export async function measurePage({ executablePath, root, navigations = 7 }) {
  const wwwRoot = path.resolve(root ?? fileURLToPath(new URL('../../www/', import.meta.url)));
  const server = await loggingServer(wwwRoot);
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  /** @type {Record<string, Array<Awaited<ReturnType<typeof navigate>>>>} */
  const samples = { embed: [], embed1and4: [], index: [] };
  try {
    // Interleaved, so that a busy moment of the machine spreads over all three.
    for (let i = 0; i < navigations; i++) {
      const embed = `embed.html?code=${encodeURIComponent(IN_4_WITH_IMPORT)}`;
      samples.embed.push(await navigate(browser, server, embed, 'firstOutput'));
      const embed14 = `embed.html?code=${encodeURIComponent(IN_1_AND_4)}`;
      samples.embed1and4.push(await navigate(browser, server, embed14, 'firstOutput'));
      samples.index.push(await navigate(browser, server, '', 'visibleReady'));
    }
  } finally {
    await browser.close();
    server.server.close();
  }
  const ms = (/** @type {string} */ key, /** @type {string} */ name) =>
    samples[key].map((s) => s.times[name] ?? Number.NaN);
  const kb = (/** @type {string} */ key, /** @type {'js' | 'wasm'} */ kind) =>
    samples[key].map((s) => s.bytes[kind]);
  const bytesRow = (
    /** @type {string} */ what,
    /** @type {string} */ key,
    /** @type {'js' | 'wasm'} */ kind,
    /** @type {string} */ target,
  ) => {
    const all = kb(key, kind);
    const gz = all.map((b) => b.gzip / 1000);
    const raw = all.map((b) => b.raw / 1000);
    const files = all.map((b) => b.files);
    return {
      what,
      best: `${best(gz).toFixed(1)} KB gzip (${best(raw).toFixed(1)} KB, ${best(files)} files)`,
      median: `${median(gz).toFixed(1)} KB gzip (${median(raw).toFixed(1)} KB, ${median(files)} files)`,
      target,
    };
  };
  const timeRow = (
    /** @type {string} */ what,
    /** @type {string} */ key,
    /** @type {string} */ name,
    /** @type {string} */ target,
  ) => ({
    what,
    best: `${best(ms(key, name)).toFixed(0)} ms`,
    median: `${median(ms(key, name)).toFixed(0)} ms`,
    target,
  });
  return [
    timeRow('embed.html?code=In [4] (with its numpy import): first output', 'embed', 'firstOutput', '100 ms'),
    timeRow('embed.html?code=In [1] + In [4] (numpy and torch): first output', 'embed1and4', 'firstOutput', '-'),
    bytesRow('embed.html?code=In [4]: JS before the first output', 'embed', 'js', '-'),
    bytesRow('embed.html?code=In [4]: wasm before the first output', 'embed', 'wasm', '-'),
    timeRow('index.html: Run 1 of the first cell', 'index', 'firstRun', '100 ms'),
    timeRow('index.html: every cell of the first screen has run', 'index', 'visibleReady', '200 ms'),
    timeRow('index.html: every cell has run (is-ready)', 'index', 'ready', '-'),
    bytesRow('index.html first screen: JS', 'index', 'js', '30 KB gzip'),
    bytesRow('index.html first screen: wasm', 'index', 'wasm', '60 KB gzip'),
  ];
}

/**
 * Prints the rows as a Markdown table.
 * @param {Array<{ what: string, best: string, median: string, target: string }>} rows
 * @param {number} navigations
 */
export function printPageTable(rows, navigations) {
  console.log(
    `\n### The page in Chromium: ms after navigation start, best and median of ${navigations} navigations (fresh profile each), localhost\n`,
  );
  console.log('| measure | best | median | target |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.best} | ${r.median} | ${r.target} |`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (/** @type {string} */ name, /** @type {string | undefined} */ fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const navigations = Number(option('navigations', '7'));
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(fs.existsSync);
  if (!executablePath) {
    console.log('Chromium not found: skipped');
  } else {
    const rows = await measurePage({ executablePath, root: option('root'), navigations });
    printPageTable(rows, navigations);
  }
}
export { bytesRequested, loggingServer, navigate };

// How fast the page shows its first numbers: navigations of the real page (www/, served by
// scripts/serve.mjs in a process of its own, with its CSP) in headless Chromium, each in a fresh
// browser context (an empty profile: no cache), timed from navigation start by the page's clock.
//
//   node scripts/bench/page.mjs [--navigations 7] [--root www] [--baseline DIR]
//                                                        (or via scripts/bench.mjs)
// --baseline DIR measures another build of www/ too (an earlier commit's, built), interleaved
// with this one's, for a before/after table from one run.
//
// Measured, best (lowest) of the navigations, and the median:
//   - embed.html?code=<code>: when the first [data-output] has text (the code ran in the worker);
//   - index.html: when Run 1 of the first lesson cell appears (computed in the browser, not the
//     static text); when the first screen is complete: the first cell and every cell on screen
//     (1280x720) have run once; when the page says it is ready (every cell, the "Try your own
//     code" cell and the playground: html.is-ready); the same for a link to #torch-seed, whose
//     first screen is two torch cells;
//   - the bytes of JS and wasm that arrived before that moment, as sent and as gzip would send
//     them (zlib level 6, what static servers' compression typically uses), worker requests
//     included;
//   - the floor, in the same run: a page whose one module script does nothing but report (when
//     the page could first run anything), and one whose script starts an empty module worker and
//     waits for its first message (the least a first output computed in a worker can take).
// A benchmark, not a test: it prints figures and never fails on them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { COURSE_NOTEBOOK } from '../../www/notebook/course-notebook.js';
import { LAUNCH_ARGS } from './chromium.mjs';

const SERVE = fileURLToPath(new URL('../serve.mjs', import.meta.url));

const cell = (/** @type {string} */ prompt) => {
  const found = COURSE_NOTEBOOK.find((c) => c.prompt === prompt);
  if (!found) throw new Error(`the course notebook has no ${prompt}`);
  return found.code;
};

/** The course notebook's In [4] with the import it relies on (In [1]'s numpy line). */
export const IN_4_WITH_IMPORT = `import numpy as np\n\n${cell('In [4]')}`;

/** In [1] (numpy and torch) then In [4], verbatim: an embed of the notebook's first cells. */
export const IN_1_AND_4 = `${cell('In [1]')}\n\n${cell('In [4]')}`;

/** The floor pages: a module script that reports, and one that waits for an empty worker. */
const FLOOR_FILES = {
  'blank.html':
    '<!doctype html><html><head><meta charset="utf-8"><title>floor</title>' +
    '<script type="module" src="blank.js"></script></head><body><main></main></body></html>',
  'blank.js':
    "document.querySelector('main').append(Object.assign(document.createElement('pre'), { textContent: 'x' }));\n" +
    "document.querySelector('pre').setAttribute('data-output', '');\n" +
    "document.documentElement.classList.add('is-ready');\n",
  'worker.html':
    '<!doctype html><html><head><meta charset="utf-8"><title>floor</title>' +
    '<script type="module" src="worker-page.js"></script></head><body><main></main></body></html>',
  'worker-page.js':
    "const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });\n" +
    "worker.onmessage = () => {\n" +
    "  document.querySelector('main').append(Object.assign(document.createElement('pre'), { textContent: 'x' }));\n" +
    "  document.querySelector('pre').setAttribute('data-output', '');\n" +
    "  document.documentElement.classList.add('is-ready');\n" +
    '};\n',
  'worker.js': 'postMessage(1);\n',
};

/**
 * Records, with the page's clock (ms since navigation start), when things first appear:
 * window.__pageTimes = { firstOutput, firstRun, firstScreen, ready }. Cheap: it looks at the
 * layout only when a run appears.
 */
function timingProbe() {
  /** @type {Record<string, number>} */
  const times = {};
  // @ts-expect-error  the benchmark's own global
  window.__pageTimes = times;
  const stamp = (/** @type {string} */ name) => {
    if (times[name] === undefined) times[name] = performance.now();
  };
  // On the first screen: the top of the page, or where the #fragment's element is (the browser
  // scrolls there once it has laid the page out, which may be after the first runs).
  const onScreen = (/** @type {Element} */ e) => {
    const id = decodeURIComponent(location.hash.slice(1));
    const anchor = id ? document.getElementById(id) : null;
    const top = anchor ? anchor.getBoundingClientRect().top : 0;
    const r = e.getBoundingClientRect();
    return r.bottom > top && r.top < top + innerHeight && r.width > 0;
  };
  const hasRun = (/** @type {Element | null | undefined} */ e) =>
    e?.querySelector('.run, #play-runs > li') != null;
  /** @param {MutationRecord[]} records */
  const check = (records) => {
    const added = records.some((r) =>
      [...r.addedNodes].some(
        (n) => n instanceof Element && (n.matches('.run, li') || n.querySelector('.run')),
      ),
    );
    if (document.documentElement.classList.contains('is-ready')) stamp('ready');
    if (!added && times.firstOutput !== undefined) return;
    if (document.querySelector('[data-output]')?.textContent) stamp('firstOutput');
    const cells = [...document.querySelectorAll('.cell[data-cell]')];
    if (!hasRun(cells[0])) return;
    stamp('firstRun');
    const parts = [...cells, ...document.querySelectorAll('#own-code-cell, #play-form')];
    if (parts.filter(onScreen).every(hasRun)) stamp('firstScreen');
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class'],
  });
}

/** Gzip sizes of files, computed once. @type {Map<string, number>} */
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
 * scripts/serve.mjs for root, in a process of its own (so that this process's work does not
 * delay its answers): { url, stop() }.
 * @param {string} root
 */
async function startServer(root) {
  const child = spawn(process.execPath, [SERVE, '0', root], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/at (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`serve.mjs exited: ${out}`)));
  });
  return { url: String(url), stop: () => child.kill() };
}

/**
 * One navigation in a fresh context: the times the probe recorded, and the JS and wasm the page
 * (and its workers) requested before `until` (the name of a time; the end of the page's work
 * when it has none).
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, root: string }} site
 * @param {string} pagePath
 * @param {string} until
 */
async function navigate(browser, site, pagePath, until) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    /** @type {import('playwright-core').Request[]} */
    const requests = [];
    context.on('request', (request) => requests.push(request));
    const page = await context.newPage();
    await page.addInitScript(timingProbe);
    await page.goto(site.url + pagePath);
    await page.waitForSelector('html.is-ready', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const { times, origin } = await page.evaluate(() => ({
      // @ts-expect-error  the probe's global
      times: /** @type {Record<string, number>} */ (window.__pageTimes),
      origin: performance.timeOrigin,
    }));
    const end = origin + (times[until] ?? Number.POSITIVE_INFINITY);
    const bytes = {
      js: { raw: 0, gzip: 0, files: 0 },
      wasm: { raw: 0, gzip: 0, files: 0 },
    };
    for (const request of requests) {
      const { pathname } = new URL(request.url());
      const kind = pathname.endsWith('.js') ? 'js' : pathname.endsWith('.wasm') ? 'wasm' : null;
      const file = path.join(site.root, decodeURIComponent(pathname));
      // What the first screen needed had arrived before it was complete.
      const { startTime, responseEnd } = request.timing();
      if (!kind || responseEnd < 0 || startTime + responseEnd > end || !fs.existsSync(file)) {
        continue;
      }
      bytes[kind].raw += fs.statSync(file).size;
      bytes[kind].gzip += gzipSize(file);
      bytes[kind].files += 1;
    }
    return { times, bytes };
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

/** What is measured: [key, path, the time that ends the first screen]. */
const PAGES = [
  ['embed', `embed.html?code=${encodeURIComponent(IN_4_WITH_IMPORT)}`, 'firstOutput'],
  ['embed14', `embed.html?code=${encodeURIComponent(IN_1_AND_4)}`, 'firstOutput'],
  ['index', '', 'firstScreen'],
  ['torchLink', '#torch-seed', 'firstScreen'],
];

/** The rows of the table: [what, page key, time name or bytes kind, target]. */
const ROWS = [
  ['embed.html?code=In [4] (with its numpy import): first output', 'embed', 'firstOutput', '100 ms'],
  ['… its JS before the first output (page and worker)', 'embed', 'js', '-'],
  ['… its wasm before the first output', 'embed', 'wasm', '-'],
  ['embed.html?code=In [1] + In [4] (numpy and torch): first output', 'embed14', 'firstOutput', '-'],
  ['index.html: Run 1 of the first cell', 'index', 'firstRun', '100 ms'],
  ['index.html: first screen (the first cell and every cell on screen) has run', 'index', 'firstScreen', '200 ms'],
  ['… its JS', 'index', 'js', '30 KB gzip'],
  ['… its wasm', 'index', 'wasm', '60 KB gzip'],
  ['index.html: every cell, own code and playground ran (is-ready)', 'index', 'ready', '-'],
  ['index.html#torch-seed: first screen (the first cell, the torch cells) has run', 'torchLink', 'firstScreen', '-'],
  ['… its JS', 'torchLink', 'js', '-'],
  ['… its wasm', 'torchLink', 'wasm', '-'],
  ['floor: a page whose module script shows a line', 'blank', 'firstOutput', '-'],
  ['floor: … after an empty module worker answered', 'worker', 'firstOutput', '-'],
];

/** @typedef {Awaited<ReturnType<typeof navigate>>} Sample */

/**
 * A row's figures, best and median: "123 ms" or "51.5 KB gzip (118.0 KB, 1 files)".
 * @param {Sample[] | undefined} samples
 * @param {string} measure  a time's name, or 'js' / 'wasm'
 */
function figures(samples, measure) {
  if (!samples?.length) return { best: '-', median: '-' };
  if (measure === 'js' || measure === 'wasm') {
    const all = samples.map((s) => s.bytes[/** @type {'js' | 'wasm'} */ (measure)]);
    const text = (/** @type {(xs: number[]) => number} */ pick) =>
      `${(pick(all.map((b) => b.gzip)) / 1000).toFixed(1)} KB gzip ` +
      `(${(pick(all.map((b) => b.raw)) / 1000).toFixed(1)} KB, ${pick(all.map((b) => b.files))} files)`;
    return { best: text(best), median: text(median) };
  }
  const ms = samples.map((s) => s.times[measure] ?? Number.NaN);
  return { best: `${best(ms).toFixed(0)} ms`, median: `${median(ms).toFixed(0)} ms` };
}

/**
 * Measures the pages of www/ (and of a baseline build, in the same run, interleaved); returns the
 * rows of the table: { what, best, median, baseline?: { best, median }, target }.
 * @param {{ executablePath: string, root?: string, baseline?: string, navigations?: number }} options
 */
export async function measurePage({ executablePath, root, baseline, navigations = 7 }) {
  const roots = [
    path.resolve(root ?? fileURLToPath(new URL('../../www/', import.meta.url))),
    ...(baseline ? [path.resolve(baseline)] : []),
  ];
  const floorRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'seedlab-floor-'));
  for (const [name, text] of Object.entries(FLOOR_FILES)) {
    fs.writeFileSync(path.join(floorRoot, name), text);
  }
  const sites = await Promise.all(
    roots.map(async (dir) => ({ ...(await startServer(dir)), root: dir })),
  );
  const floor = { ...(await startServer(floorRoot)), root: floorRoot };
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  /** @type {Array<Record<string, Sample[]>>} the samples of each site, by page */
  const samples = sites.map(() => ({}));
  try {
    // Interleaved, so that a busy moment of the machine spreads over all of them.
    for (let i = 0; i < navigations; i++) {
      for (const [key, pagePath, until] of PAGES) {
        for (const [s, site] of sites.entries()) {
          (samples[s][key] ??= []).push(await navigate(browser, site, pagePath, until));
        }
      }
      for (const [key, file] of [
        ['blank', 'blank.html'],
        ['worker', 'worker.html'],
      ]) {
        (samples[0][key] ??= []).push(await navigate(browser, floor, file, 'firstOutput'));
      }
    }
  } finally {
    await browser.close();
    for (const site of [...sites, floor]) site.stop();
    fs.rmSync(floorRoot, { recursive: true, force: true });
  }
  return ROWS.map(([what, key, measure, target]) => ({
    what,
    ...figures(samples[0][key], measure),
    baseline: baseline && !['blank', 'worker'].includes(key) ? figures(samples[1][key], measure) : undefined,
    target,
  }));
}

/**
 * Prints the rows as a Markdown table.
 * @param {Array<{ what: string, best: string, median: string, target: string,
 *   baseline?: { best: string, median: string } }>} rows
 * @param {number} navigations
 * @param {string} [baselineName]
 */
export function printPageTable(rows, navigations, baselineName) {
  console.log(
    `\n### The page in Chromium: ms after navigation start, best and median of ${navigations} navigations (fresh profile each), localhost\n`,
  );
  const head = ['measure', 'best', 'median'];
  if (baselineName) head.push(`${baselineName}: best`, `${baselineName}: median`);
  head.push('target');
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) {
    const cells = [r.what, r.best, r.median];
    if (baselineName) cells.push(r.baseline?.best ?? '-', r.baseline?.median ?? '-');
    cells.push(r.target);
    console.log(`| ${cells.join(' | ')} |`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (/** @type {string} */ name, /** @type {string | undefined} */ fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const navigations = Number(option('navigations', '7'));
  const baseline = option('baseline');
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(fs.existsSync);
  if (!executablePath) {
    console.log('Chromium not found: skipped');
  } else {
    const rows = await measurePage({ executablePath, root: option('root'), baseline, navigations });
    printPageTable(rows, navigations, baseline ? 'baseline' : undefined);
  }
}

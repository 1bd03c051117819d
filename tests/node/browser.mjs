// Shared set-up of the browser tests (not a test file itself). The page is served in-process by
// scripts/serve.mjs with its Content-Security-Policy header, and checked in every engine
// installed here (ENGINES; SEEDLAB_ENGINES=chromium,firefox picks some):
//   chromium  Debian's Chromium, driven by playwright-core (which never downloads a browser)
//   firefox   Firefox ESR over WebDriver (geckodriver)            } webdriver.mjs, with
//   webkit    WebKitGTK's MiniBrowser over WebDriver, under Xvfb   } webdriver-page.mjs giving
//   wpe       WPE WebKit 2.38 (Safari 16.0's engine), cog headless } the tests Playwright's API
// In the WebDriver engines, what Playwright reports as events is found another way: CSP
// violations through the policy's report-uri (the server records the reports) and a
// securitypolicyviolation listener; HTTP errors in the server's log; errors thrown or logged
// after load by listeners installed then; requests leaving the origin in the page's resource
// timing entries. (engines.test.mjs checks that each of these fires.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { CSP, createHandler } from '../../scripts/serve.mjs';
import { missing, WEBDRIVER_ENGINES, WebDriverSession } from './webdriver.mjs';
import { WebDriverPage } from './webdriver-page.mjs';

/** @import { Browser, BrowserContext, BrowserContextOptions, FrameLocator, Page } from 'playwright-core' */
/** @import { WebDriverEngine } from './webdriver.mjs' */

/** @type {string[]} */
const candidates = [
  process.env.CHROMIUM_PATH ?? '',
  '/usr/lib/chromium/chromium', // Debian's binary (/usr/bin/chromium is a shell wrapper around it)
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

/** The Chromium to drive, or undefined (the browser tests are then skipped). */
export const executablePath = candidates.find((p) => fs.existsSync(p));

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

for (const built of ['pkg/seedlab_bg.wasm', 'pkg/core/seedlab_bg.wasm', 'dist/main.js']) {
  if (!fs.existsSync(new URL(`../../www/${built}`, import.meta.url))) {
    throw new Error(`www/${built} not found: run scripts/build.sh first`);
  }
}

/**
 * An engine the page is checked in: Chromium through Playwright, or one over WebDriver.
 * skip is why it cannot run here ('' if it can); build is the seedlab build it loads.
 * @typedef {{ id: string, name: string, skip: string, build: 'simd' | 'compat',
 *   webdriver?: WebDriverEngine }} Engine
 */

const wanted = (process.env.SEEDLAB_ENGINES ?? '').split(',').filter(Boolean);

/** @type {Engine[]} */
export const ENGINES = [
  {
    id: 'chromium',
    name: 'Chromium',
    skip: executablePath ? '' : 'no Chromium found',
    build: /** @type {const} */ ('simd'),
  },
  ...WEBDRIVER_ENGINES.map((webdriver) => ({
    id: webdriver.id,
    name: webdriver.name,
    skip: missing(webdriver),
    build: webdriver.build,
    webdriver,
  })),
].filter((engine) => wanted.length === 0 || wanted.includes(engine.id));

// In CI (CI=true, as .ci/run sets it) scripts/setup.sh has installed every engine: one that is
// missing there is a broken set-up, not a reason to skip its tests.
const absent = ENGINES.filter((engine) => engine.skip);
if (process.env.CI === 'true' && absent.length > 0) {
  throw new Error(`CI: engines missing: ${absent.map((e) => `${e.name} (${e.skip})`).join('; ')}`);
}

/** Chromium, for the tests that run only there. */
export const CHROMIUM = /** @type {Engine} */ (ENGINES.find((e) => e.id === 'chromium')) ?? {
  id: 'chromium',
  name: 'Chromium',
  skip: 'not in SEEDLAB_ENGINES',
  build: 'simd',
};

/**
 * Test options that run a test only in some engines, saying why elsewhere.
 * @param {Engine} engine
 * @param {string[]} ids
 * @param {string} why
 */
export function onlyIn(engine, ids, why) {
  return { skip: engine.skip || (ids.includes(engine.id) ? false : why) };
}

/**
 * A file the test server serves at a path besides www/: by default with no CSP (another site's
 * page, such as a course page embedding seedlab); with `csp: true` under the page's own.
 * @typedef {{ type: string, body: string, csp?: boolean }} ServedFile
 */

/**
 * What the tests check: the page as `scripts/serve.sh` serves it (www/, with the CSP header), or
 * as a static host serves `scripts/dist.sh`'s dist/ (SEEDLAB_SITE=dist): from a sub-path,
 * /course/seedlab/, with no CSP header (the pages carry it in a <meta>).
 */
export const SITE = process.env.SEEDLAB_SITE === 'dist' ? 'dist' : 'www';
const DIST = new URL('../../dist/', import.meta.url);
const MOUNT = SITE === 'dist' ? '/course/seedlab/' : '/';
if (SITE === 'dist' && !fs.existsSync(new URL('index.html', DIST))) {
  throw new Error('dist/index.html not found: run scripts/dist.sh first');
}

/**
 * The test server: the site at MOUNT (www/ with the CSP, plus a report-uri for the WebDriver
 * engines, whose reports it records; or dist/ with no CSP header), the extra files, and a log
 * of error responses.
 * @param {{ reportUri: boolean }} options
 */
function startTestServer({ reportUri }) {
  const csp = reportUri ? `${CSP}; report-uri /__csp-report` : CSP;
  const handler =
    SITE === 'dist'
      ? createHandler(DIST.pathname, { csp: null })
      : createHandler(undefined, { csp });
  /** @type {string[]} */
  const reports = [];
  /** @type {string[]} */
  const log = [];
  /** @type {Map<string, ServedFile>} */
  const files = new Map();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.on('finish', () => {
      if (res.statusCode >= 400) log.push(`HTTP ${res.statusCode} for ${pathname}`);
    });
    if (req.method === 'POST' && pathname === '/__csp-report') {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const report = JSON.parse(body)['csp-report'] ?? {};
        reports.push(`${report['violated-directive']} ${report['blocked-uri']}`);
        res.writeHead(204);
        res.end();
      });
      return;
    }
    const file = files.get(pathname);
    if (!file && !pathname.startsWith(MOUNT)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found\n');
      return;
    }
    if (file) {
      res.writeHead(200, {
        'Content-Type': file.type,
        ...(file.csp ? { 'Content-Security-Policy': csp } : {}),
      });
      res.end(file.body);
      return;
    }
    // The site sees its own paths: /course/seedlab/x is dist/x.
    req.url = `/${(req.url ?? '/').slice(MOUNT.length)}`;
    handler(req, res);
  });
  return new Promise(
    /** @param {(value: { server: http.Server, url: string, reports: string[], log: string[], files: Map<string, ServedFile> }) => void} resolve */
    (resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
        resolve({ server, url: `http://127.0.0.1:${port}${MOUNT}`, reports, log, files });
      });
    },
  );
}

/**
 * A started browser and server.
 * @typedef {Awaited<ReturnType<typeof startBrowser>>} BrowserEnv
 */

/**
 * Starts the server and the engine's browser: { engine, browser | session, server, url, files,
 * close() }. `files` maps paths to extra files the server serves.
 * @param {Engine} [engine]
 */
export async function startBrowser(engine = CHROMIUM) {
  const served = await startTestServer({ reportUri: Boolean(engine.webdriver) });
  if (engine.webdriver) {
    const session = await WebDriverSession.start(engine.webdriver);
    console.log(`# ${engine.name}: ${session.browser}; ${SITE}/ at ${served.url}`);
    return {
      engine,
      ...served,
      browser: undefined,
      session,
      async close() {
        await session.close();
        served.server.close();
      },
    };
  }
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  console.log(`# ${engine.name}: Chromium ${browser.version()}; ${SITE}/ at ${served.url}`);
  return {
    engine,
    ...served,
    browser,
    session: undefined,
    async close() {
      await browser.close();
      served.server.close();
    },
  };
}

// Installed in a page opened over WebDriver, once it has loaded: errors thrown or logged and CSP
// violations from then on.
const AFTER_LOAD_LISTENERS = `
if (!window.__seedlabProblems) {
  window.__seedlabProblems = [];
  window.__cspViolations = [];
  addEventListener('error', (e) => window.__seedlabProblems.push('pageerror: ' + e.message));
  addEventListener('unhandledrejection', (e) => window.__seedlabProblems.push('pageerror: ' + (e.reason && e.reason.message || e.reason)));
  const error = console.error;
  console.error = (...args) => { window.__seedlabProblems.push('console.error: ' + args.join(' ')); error.apply(console, args); };
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
}`;

/**
 * Opens path (relative to url) in a new context, recording problems: page errors, console
 * errors, CSP violations, failed responses, and requests that leave the origin.
 * Returns { context, page, problems, cspViolations() }.
 * @param {BrowserEnv} env
 * @param {string} [path]
 * @param {BrowserContextOptions & { waitReady?: boolean, csp?: boolean }} [options]
 */
export async function openPage(env, path = '', options = {}) {
  if (env.session) return openWebDriverPage(env, env.session, path, options);
  const { browser, url } = env;
  const {
    javaScriptEnabled = true,
    waitReady = javaScriptEnabled,
    csp = true,
    ...contextOptions
  } = options;
  const context = await browser.newContext({ javaScriptEnabled, ...contextOptions });
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // (A failed request also logs "Failed to load resource"; the response handler names it.)
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith('data:'))
      problems.push(`request to ${r.url()}`);
  });
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }
  const response = await page.goto(url + path);
  assert.ok(response);
  assert.equal(response.status(), 200);
  if (csp && SITE === 'www') assert.equal(response.headers()['content-security-policy'], CSP);
  if (csp && SITE === 'dist') {
    assert.equal(response.headers()['content-security-policy'], undefined);
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    assert.equal(await meta.getAttribute('content'), CSP);
  }
  if (waitReady) await page.waitForSelector('html.is-ready', { timeout: 10_000 });
  /** @returns {Promise<string[]> | string[]} */
  const cspViolations = () =>
    javaScriptEnabled ? page.evaluate(() => window.__cspViolations) : [];
  return { context, page, problems, cspViolations, collect: async () => {} };
}

/**
 * openPage in an engine driven over WebDriver: the session's one window navigates to the page.
 * @param {BrowserEnv} env
 * @param {WebDriverSession} session
 * @param {string} path
 * @param {{ waitReady?: boolean, javaScriptEnabled?: boolean, csp?: boolean }} options
 */
async function openWebDriverPage(env, session, path, options) {
  if (options.javaScriptEnabled === false) {
    throw new Error(`${env.engine.name}: a page without JavaScript is checked in Chromium only`);
  }
  const { waitReady = true } = options;
  const logFrom = env.log.length;
  const reportsFrom = env.reports.length;
  const driven = new WebDriverPage(session);
  // Typed as Playwright's Page, whose API it implements the part of the tests use (a call
  // outside it fails in that engine with "... is not a function").
  const page = /** @type {Page} */ (/** @type {unknown} */ (driven));
  await driven.goto(env.url + path);
  await session.execute(AFTER_LOAD_LISTENERS);
  // (Slower engines under a busy CI runner get longer than Chromium's 10 s.)
  if (waitReady) await page.waitForSelector('html.is-ready', { timeout: 30_000 });
  if (SITE === 'dist' && options.csp !== false) {
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    assert.equal(await meta.getAttribute('content'), CSP);
  }
  /** @type {string[]} */
  const problems = [];
  // (A context of its own is Playwright's; here closing it leaves the session for the next page.)
  const context = /** @type {BrowserContext} */ (
    /** @type {unknown} */ ({ close: async () => {} })
  );
  return {
    context,
    page,
    problems,
    cspViolations: async () => [
      ...env.reports.slice(reportsFrom),
      .../** @type {string[]} */ (await session.execute('return window.__cspViolations || [];')),
    ],
    /** Gathers the problems seen since the page was opened (assertCleanAndClose calls it). */
    collect: async () => {
      problems.push(...env.log.slice(logFrom));
      const origin = new URL(env.url).origin;
      const seen = /** @type {{ problems: string[], resources: string[] }} */ (
        await session.execute(`return {
  problems: window.__seedlabProblems || [],
  resources: performance.getEntriesByType('resource').map((e) => e.name),
};`)
      );
      problems.push(...seen.problems);
      for (const resource of seen.resources) {
        if (!resource.startsWith(origin) && !resource.startsWith('data:'))
          problems.push(`request to ${resource}`);
      }
    },
  };
}

/**
 * The runs shown under a cell: [{ number, rows: [{ mark: 'new' | 'same as run 1', text }] }].
 * @param {Page | FrameLocator} page
 * @param {string} cellId
 */
export function runsOf(page, cellId) {
  return runsIn(page, `[data-cell="${cellId}"] .runs`);
}

/**
 * A run as the page shows it.
 * @typedef {{ number: number, rows: Array<{ mark: string, text: string }> }} ShownRun
 */

/**
 * The same for the run list matching a selector (e.g. the playground's #play-runs).
 * @param {Page | FrameLocator} page
 * @param {string} selector
 * @returns {Promise<ShownRun[]>}
 */
export function runsIn(page, selector) {
  return page
    .locator(selector)
    .first()
    .evaluate((list) =>
      [...list.querySelectorAll(':scope > .run')].map((run) => ({
        number: Number(/** @type {HTMLElement} */ (run).dataset.run),
        rows: [...run.querySelectorAll('.run-row')].map((row) => ({
          mark: row.querySelector('.mark')?.textContent?.trim() ?? '',
          text: row.querySelector('.printed')?.textContent ?? '',
        })),
      })),
    );
}

/**
 * Asserts the page logged no problems and violated no CSP directive, then closes it.
 * @param {{ context: { close(): Promise<void> }, problems: string[], cspViolations: () => Promise<string[]> | string[], collect?: () => Promise<void> }} opened
 */
export async function assertCleanAndClose({ context, problems, cspViolations, collect }) {
  await collect?.();
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
  await context.close();
}

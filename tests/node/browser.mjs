// Shared set-up of the browser tests (not a test file itself): Debian's Chromium driven by
// playwright-core (which never downloads a browser), and the page served by scripts/serve.mjs
// in-process, with its Content-Security-Policy header.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CSP, startServer } from '../../scripts/serve.mjs';

/** @import { Browser, BrowserContext, BrowserContextOptions, FrameLocator, Page } from 'playwright-core' */

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
 * A started browser and server.
 * @typedef {Awaited<ReturnType<typeof startBrowser>>} BrowserEnv
 */

/** Starts the server and the browser: { browser, server, url, close() }. */
export async function startBrowser() {
  const { server, url } = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  return {
    browser,
    server,
    url,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * Opens path (relative to url) in a new context, recording problems: page errors, console
 * errors, CSP violations, failed responses, and requests that leave the origin.
 * Returns { context, page, problems, cspViolations() }.
 * @param {{ browser: Browser, url: string }} env
 * @param {string} [path]
 * @param {BrowserContextOptions & { waitReady?: boolean }} [options]
 */
export async function openPage({ browser, url }, path = '', options = {}) {
  const { javaScriptEnabled = true, waitReady = javaScriptEnabled, ...contextOptions } = options;
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
  assert.equal(response.headers()['content-security-policy'], CSP);
  if (waitReady) await page.waitForSelector('html.is-ready', { timeout: 10_000 });
  /** @returns {Promise<string[]> | string[]} */
  const cspViolations = () =>
    javaScriptEnabled ? page.evaluate(() => window.__cspViolations) : [];
  return { context, page, problems, cspViolations };
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
 * @param {{ context: BrowserContext, problems: string[], cspViolations: () => Promise<string[]> | string[] }} opened
 */
export async function assertCleanAndClose({ context, problems, cspViolations }) {
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(problems, []);
  await context.close();
}

// Browser test of the page www/index.html under its Content-Security-Policy, in Debian's
// Chromium driven by playwright-core (which never downloads a browser). Needs scripts/build.sh.
// Set CHROMIUM_PATH to use another Chromium; the test is skipped if none is found.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium', // Debian's binary (/usr/bin/chromium is a shell wrapper)
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);
const executablePath = candidates.find((p) => fs.existsSync(p));

const NP_17 = '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]';
const RS_20210530 = '[-0.24972681 -1.01951826  2.23461339  0.72764703  1.2921122 ]';
const TORCH_17 = 'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])';

describe('www/index.html in Chromium', { skip: executablePath ? false : 'no Chromium found' }, () => {
  let browser;
  let server;
  let url;

  before(async () => {
    ({ server, url } = await startServer({ port: 0 }));
    browser = await chromium.launch({
      executablePath,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens the page, recording errors, CSP violations and requests to other origins. */
  async function open(options = {}) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
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
      if (!r.url().startsWith(url) && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`);
    });
    if (options.javaScriptEnabled !== false) {
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
    }
    const response = await page.goto(url);
    assert.equal(response.status(), 200);
    return { context, page, problems };
  }

  const text = (page, id) => page.locator(`#${id}`).textContent();

  test('runs the cells with the default seeds, with no errors or CSP violations', async () => {
    const { context, page, problems } = await open();
    await page.locator('#status', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('#controls').isVisible(), true);
    assert.equal(await text(page, 'out-np-seed'), `${NP_17}\n${NP_17}`);
    assert.equal(await text(page, 'out-np-rs'), `${RS_20210530}\n${RS_20210530}`);
    assert.equal(await text(page, 'out-torch'), TORCH_17);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Run with new seeds prints what NumPy and PyTorch print', async () => {
    const { context, page, problems } = await open();
    await page.locator('#status', { hasText: 'Ready' }).waitFor({ timeout: 10_000 });
    await page.fill('#seed', '42');
    await page.fill('#rs-seed', '7');
    await page.click('#run');
    await page.locator('#status', { hasText: 'seed 42' }).waitFor();
    const np42 = '[ 0.49671415 -0.1382643   0.64768854  1.52302986 -0.23415337]';
    const rs7 = '[ 1.6905257  -0.46593737  0.03282016  0.40751628 -0.78892303]';
    assert.equal(await text(page, 'out-np-seed'), `${np42}\n${np42}`);
    assert.equal(await text(page, 'out-np-rs'), `${rs7}\n${rs7}`);
    assert.equal(await text(page, 'out-torch'), 'tensor([ 0.3367,  0.1288,  0.2345,  0.2303, -1.1229])');
    assert.equal(await page.locator('#np-seed-title + p + pre .seed').first().textContent(), '42');

    // -1 is a valid torch seed but not a NumPy one: the NumPy cell shows Python's error.
    await page.fill('#seed', '-1');
    await page.keyboard.press('Enter');
    await page.locator('#status', { hasText: 'seed -1' }).waitFor();
    assert.equal(await text(page, 'out-np-seed'), 'ValueError: Seed must be between 0 and 2**32 - 1');
    assert.equal(await text(page, 'out-torch'), 'tensor([ 1.2198, -0.3930,  1.0231, -0.3734, -0.0755])');

    // Seeds beyond 2**53 stay exact (BigInt).
    await page.fill('#seed', '9223372036854775813');
    await page.click('#run');
    await page.locator('#status', { hasText: 'seed 9223372036854775813' }).waitFor();
    assert.equal(await text(page, 'out-torch'), 'tensor([-0.4868, -0.6038, -0.5581,  0.6675, -0.1974])');

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('reads as a lesson without JavaScript', async () => {
    const { context, page, problems } = await open({ javaScriptEnabled: false });
    assert.equal(await page.locator('#controls').isVisible(), false);
    assert.match(await page.locator('noscript').textContent(), /JavaScript is off/);
    assert.equal(await text(page, 'out-np-seed'), `${NP_17}\n${NP_17}`);
    assert.equal(await text(page, 'out-np-rs'), `${RS_20210530}\n${RS_20210530}`);
    assert.equal(await text(page, 'out-torch'), TORCH_17);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

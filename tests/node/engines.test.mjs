// The browser tests' own detectors, in every engine (browser.mjs): a page that violates the CSP,
// requests a missing file, throws after load and loads from another origin must be caught, or a
// clean result elsewhere would mean nothing. Also which seedlab build each engine loads.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES, openPage, startBrowser } from './browser.mjs';

/** @import { BrowserEnv } from './browser.mjs' */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls f until it returns a non-empty array (CSP reports arrive after the violation).
 * @param {() => Promise<string[]> | string[]} f
 */
async function eventually(f) {
  for (let i = 0; i < 100; i++) {
    const value = await f();
    if (value.length > 0) return value;
    await sleep(50);
  }
  return [];
}

for (const engine of ENGINES) {
  describe(`the browser tests' detectors, in ${engine.name}`, {
    skip: engine.skip || false,
  }, () => {
    /** @type {BrowserEnv} */
    let env;

    before(async () => {
      env = await startBrowser(engine);
      // Under seedlab's CSP: an inline script and an inline style (both refused), a missing
      // module, and a script that throws after load.
      env.files.set('/__probe/violations.html', {
        type: 'text/html; charset=utf-8',
        csp: true,
        body:
          '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">' +
          '<title>probe</title><script>document.title = "inline ran";</script>' +
          '<script type="module" src="/__probe/missing.js"></script>' +
          '<script type="module" src="/__probe/throws.js"></script></head>' +
          '<body><p style="color: red">probe</p></body></html>',
      });
      env.files.set('/__probe/throws.js', {
        type: 'text/javascript',
        csp: true,
        body: 'setTimeout(() => { throw new Error("thrown after load"); }, 300);',
      });
      // Another origin (the same server under another host name: no outside network).
      env.files.set('/__probe/elsewhere.html', {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>probe</title></head><body><img alt="" src="${env.url.replace('127.0.0.1', 'localhost')}favicon.svg"></body></html>`,
      });
    });

    after(async () => {
      await env?.close();
    });

    test('CSP violations, HTTP errors and errors after load are caught', async () => {
      const opened = await openPage(env, '__probe/violations.html', { waitReady: false });
      assert.equal(await opened.page.evaluate(() => document.title), 'probe');
      const violations = await eventually(opened.cspViolations);
      assert.ok(
        violations.some((v) => v.startsWith('script-src')),
        `no script-src violation among ${JSON.stringify(violations)}`,
      );
      await sleep(600); // the throw comes 300 ms after load
      await opened.collect();
      const { problems } = opened;
      assert.ok(
        problems.some((p) => /HTTP 404 for .*\/__probe\/missing\.js/.test(p)),
        JSON.stringify(problems),
      );
      assert.ok(
        problems.some((p) => p.startsWith('pageerror:') && p.includes('thrown after load')),
        JSON.stringify(problems),
      );
      await opened.context.close();
    });

    test('a request to another origin is caught', async () => {
      const opened = await openPage(env, '__probe/elsewhere.html', {
        waitReady: false,
        csp: false,
      });
      await opened.page.waitForFunction(() => document.querySelector('img')?.complete);
      await opened.collect();
      assert.ok(
        opened.problems.some((p) => p.startsWith('request to http://localhost:')),
        JSON.stringify(opened.problems),
      );
      await opened.context.close();
    });
  });
}

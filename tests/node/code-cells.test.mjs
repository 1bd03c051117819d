// Your own code, in every engine (browser.mjs's ENGINES) under the strict CSP:
// embed.html?code=... (the contract: each run's output is the text of a [data-output] element,
// exactly as Python prints it), the editor from the keyboard, the step budget and the page's
// responsiveness, XSS attempts shown as text, the "Try your own code" cell and its URL, the
// notebook view's shared session and Restart, <seedlab-cell code="...">, and every snippet of the
// fixture set run in the browser's kernel (a Web Worker, with the build the engine loads).
// Where CodeMirror cannot style itself (Safari 16.0's engine: no constructed style sheets), the
// editor is its textarea.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { assertCleanAndClose, ENGINES, onlyIn, openPage, startBrowser } from './browser.mjs';

/** @import { BrowserEnv } from './browser.mjs' */
/** @import { Page } from 'playwright-core' */

const NOTEBOOK_IN_4 = [
  '# repeat after fixing the seed (old-but-still-widely-used method)',
  'import numpy as np',
  'np.random.seed(17)',
  'print(np.random.randn(5))',
  'print(np.random.randn(5))',
].join('\n');
const NOTEBOOK_OUT_4 =
  '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]\n' +
  '[ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]\n';

const fixture = JSON.parse(
  fs.readFileSync(new URL('../fixtures/python_snippets.json', import.meta.url), 'utf8'),
);
const training = JSON.parse(
  fs.readFileSync(new URL('../fixtures/training_snippets.json', import.meta.url), 'utf8'),
);

/**
 * @typedef {{ id: string, code: string, output: string, deterministic: boolean,
 *   expect?: string }} Snippet
 */

/**
 * Runs snippets in the page's worker kernel; returns the ones that do not print what Python
 * printed (or, marked "expect": "unsupported", that are not refused after printing the
 * beginning of it).
 * @param {Page} page @param {Snippet[]} list
 */
function failuresInBrowser(page, list) {
  return page.evaluate(async (snippets) => {
    const clientUrl = './kernel/client.js'; // the page's module, resolved by the page
    /** @type {typeof import('../../www/kernel/client.js')} */
    const { createKernelClient } = await import(clientUrl);
    const kernel = createKernelClient();
    const bad = [];
    for (const s of snippets) {
      const result = await kernel.run(s.id, s.code);
      await kernel.close(s.id);
      const ok =
        s.expect === 'unsupported'
          ? result.note?.kind === 'unsupported' && s.output.startsWith(result.output)
          : !result.note && result.output === s.output;
      if (!ok) bad.push(`${s.id}: ${result.note?.text ?? JSON.stringify(result.output)}`);
    }
    return bad;
  }, list);
}

/** The [data-output] texts of a page's runs, in order. @param {Page} page */
function outputs(page) {
  return page.locator('[data-output]').allTextContents();
}

/** The marks of the nth run's lines ('new', 'same as run 1', 'error'). @param {Page} page @param {number} n */
function marks(page, n) {
  return page
    .locator(`.run[data-run="${n}"] .out-line`)
    .evaluateAll((lines) => lines.map((l) => /** @type {HTMLElement} */ (l).dataset.mark ?? ''));
}

/** Waits until the page shows n runs. @param {Page} page @param {number} n */
async function waitForRuns(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('.run').length >= k, n, {
    timeout: 20_000,
  });
}

/** embed.html running code. @param {BrowserEnv} env @param {string} code */
function openEmbedded(env, code) {
  return openPage(env, `embed.html?code=${encodeURIComponent(code)}`);
}

/**
 * Whether the page's editors become CodeMirror: where the engine has constructed style sheets
 * (www/editor/code-editor.js); elsewhere they stay textareas.
 * @param {Page} page
 */
function hasCodeMirror(page) {
  return page.evaluate(
    () => 'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype,
  );
}

/** The selector of the element code is typed into, in this page. @param {Page} page */
async function editorInput(page) {
  return (await hasCodeMirror(page)) ? '.cm-content' : 'textarea.code-textarea';
}

for (const engine of ENGINES) {
  describe(`your own code in ${engine.name}`, { skip: engine.skip || false }, () => {
    /** @type {BrowserEnv} */
    let env;
    before(async () => {
      env = await startBrowser(engine);
    });
    after(() => env?.close());

    test('embed.html?code= runs the code once on load: [data-output] is what Python prints', async () => {
      const opened = await openEmbedded(env, NOTEBOOK_IN_4);
      const { page } = opened;
      assert.deepEqual(await outputs(page), [NOTEBOOK_OUT_4]);
      assert.deepEqual(await marks(page, 1), ['new', 'new']);
      // Run again from the keyboard: Ctrl+Enter in the editor. Seeded rows repeat.
      const input = await editorInput(page);
      await page.locator(input).click();
      await page.keyboard.press('Control+Enter');
      await waitForRuns(page, 2);
      assert.deepEqual(await outputs(page), [NOTEBOOK_OUT_4, NOTEBOOK_OUT_4]);
      assert.deepEqual(await marks(page, 2), ['same as run 1', 'same as run 1']);
      // (Where CodeMirror cannot style itself, its <style> elements would break the CSP below.)
      assert.equal(await page.locator('.cm-editor').count(), input === '.cm-content' ? 1 : 0);
      await assertCleanAndClose(opened);
    });

    test(
      'output is text: a printed tag is shown, not parsed',
      onlyIn(engine, ['chromium'], "counts dialogs through Playwright's events"),
      async () => {
        const code = 'print("<img src=x onerror=alert(1)>")\n"<b>bold</b>"';
        const opened = await openEmbedded(env, code);
        const { page } = opened;
        let dialogs = 0;
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        assert.deepEqual(await outputs(page), ["<img src=x onerror=alert(1)>\n'<b>bold</b>'\n"]);
        assert.equal(await page.locator('[data-output] img, [data-output] b').count(), 0);
        assert.equal(dialogs, 0);
        await opened.context.close();
      },
    );

    test('a runaway loop is stopped by the step budget; the page stays responsive', async () => {
      const opened = await openEmbedded(env, 'n = 0\nwhile True:\n    n += 1');
      const { page } = opened;
      // While the kernel (a Web Worker) works, the page answers at once.
      const answered = await page.evaluate(() => 6 * 7);
      assert.equal(answered, 42);
      await page.waitForSelector('.run-note', { timeout: 30_000 });
      assert.match((await page.locator('.run-note').textContent()) ?? '', /Stopped after .* steps/);
      // The kernel still runs code afterwards.
      await page.locator(await editorInput(page)).click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('print(1 + 1)');
      await page.keyboard.press('Control+Enter');
      await waitForRuns(page, 2);
      assert.equal((await outputs(page))[1], '2\n');
      await opened.context.close();
    });

    test('the editor: typing, auto-indent, Tab, and Escape then Tab to leave it', async (t) => {
      const opened = await openEmbedded(env, 'x = 1');
      const { page } = opened;
      if (!(await hasCodeMirror(page))) {
        t.skip('no constructed style sheets here: the editor stays a textarea');
        await opened.context.close();
        return;
      }
      const editor = page.locator('.cm-content');
      assert.equal(await editor.getAttribute('aria-label'), 'Python code');
      await editor.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('for i in range(3):\nprint(i)');
      // CodeMirror indents the line after the colon by itself.
      assert.equal(await editor.textContent(), 'for i in range(3):    print(i)');
      await page.keyboard.press('Control+Enter');
      await waitForRuns(page, 2);
      assert.equal((await outputs(page))[1], '0\n1\n2\n');
      // Escape, then Tab, moves focus out of the editor (to the Run button).
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Run');
      await opened.context.close();
    });

    test('Try your own code: the notebook’s code to start from, kept in the URL', async () => {
      const opened = await openPage(env, '');
      const { page } = opened;
      const cell = page.locator('#own-code-cell');
      await cell.locator('.run').first().waitFor();
      const first = await cell.locator('[data-output]').first().textContent();
      assert.ok(first?.startsWith(NOTEBOOK_OUT_4), first ?? '');
      // The editor bundle loads when the cell comes near the screen.
      await cell.scrollIntoViewIfNeeded();
      await cell.locator(await editorInput(page)).click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('import random\nrandom.seed(1)\nrandom.random()');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('code') !== null);
      const url = await page.url(); // (Playwright's is synchronous, WebDriver's not)
      assert.equal(
        new URL(url).searchParams.get('code')?.trimEnd(),
        'import random\nrandom.seed(1)\nrandom.random()',
      );
      await opened.context.close();
      // Opening the link restores the code and runs it.
      const again = await openPage(env, url.slice(env.url.length));
      const restored = again.page.locator('#own-code-cell [data-output]').first();
      await restored.waitFor();
      assert.equal(await restored.textContent(), '0.13436424411240122\n');
      await again.context.close();
    });

    test('the notebook view: cells share one session; Restart forgets it', async () => {
      const opened = await openPage(env, 'notebook.html');
      const { page } = opened;
      const cell = (/** @type {string} */ prompt) =>
        page.locator(`.nb-cell[data-prompt="${prompt}"]`);
      // Every cell ran once on load, in order: In [4] prints the notebook's rows.
      assert.equal(
        await cell('In [4]').locator('[data-output]').first().textContent(),
        NOTEBOOK_OUT_4,
      );
      const in9 = (await cell('In [9]').locator('[data-output]').first().textContent()) ?? '';
      assert.ok(in9.startsWith('tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])\n'), in9);
      // Running In [4] again repeats its rows; In [2] prints a new one.
      await cell('In [4]').locator('.run-button').click();
      await cell('In [2]').locator('.run-button').click();
      await cell('In [2]').locator('.run[data-run="2"]').waitFor();
      await cell('In [4]').locator('.run[data-run="2"]').waitFor();
      const in4Marks = await cell('In [4]')
        .locator('.run[data-run="2"] .out-line')
        .evaluateAll((ls) => ls.map((l) => /** @type {HTMLElement} */ (l).dataset.mark));
      assert.deepEqual(in4Marks, ['same as run 1', 'same as run 1']);
      const in2Marks = await cell('In [2]')
        .locator('.run[data-run="2"] .out-line')
        .evaluateAll((ls) => ls.map((l) => /** @type {HTMLElement} */ (l).dataset.mark));
      assert.deepEqual(in2Marks, ['new']);
      // After Restart, np is gone until In [1] runs again.
      await page.locator('#restart').click();
      await page.waitForFunction(() =>
        /restarted/.test(document.getElementById('notebook-status')?.textContent ?? ''),
      );
      await cell('In [4]').locator('.run-button').click();
      await cell('In [4]').locator('.run[data-run="3"]').waitFor();
      assert.equal(
        await cell('In [4]').locator('.run[data-run="3"] [data-output]').textContent(),
        "NameError: name 'np' is not defined\n",
      );
      await assertCleanAndClose(opened);
    });

    test('<seedlab-cell code="..."> embeds the code in a frame', async () => {
      const opened = await openPage(env, 'embed.html?code=' + encodeURIComponent('print(6 * 7)'));
      const { page } = opened;
      assert.equal(await page.locator('[data-output]').first().textContent(), '42\n');
      // The custom element builds the same URL from its attributes.
      const built = await page.evaluate(async () => {
        const moduleUrl = './seedlab-cell.js'; // the page's module, resolved by the page
        await import(moduleUrl);
        const element = document.createElement('seedlab-cell');
        element.setAttribute('code', 'print(6 * 7)');
        document.body.append(element);
        return element.querySelector('iframe')?.src ?? '';
      });
      assert.equal(new URL(built).pathname, '/embed.html');
      assert.equal(new URL(built).searchParams.get('code'), 'print(6 * 7)');
      await opened.context.close();
    });

    for (const [name, set] of [
      ['python', fixture],
      ['training-run', training],
    ]) {
      test(`every ${name} snippet prints what Python printed, in the browser (${set.snippets.length})`, async () => {
        const opened = await openEmbedded(env, 'pass');
        const snippets = set.snippets.filter((/** @type {Snippet} */ s) => s.deterministic);
        const failures = await failuresInBrowser(opened.page, snippets);
        console.log(
          `# ${name} snippets in ${engine.name} (${engine.build} build): ${snippets.length - failures.length} of ${snippets.length} as Python printed (or refused where expected)`,
        );
        assert.deepEqual(failures, []);
        await opened.context.close();
      });
    }

    test('training-run snippets through embed.html?code=, one page each', async () => {
      // One snippet of every fixture file, the way a course page embeds one.
      /** @type {Map<string, Snippet>} */
      const firstOfFile = new Map();
      for (const s of training.snippets) {
        if (s.deterministic && !s.expect && !firstOfFile.has(s.file)) firstOfFile.set(s.file, s);
      }
      assert.ok(firstOfFile.size >= 5);
      for (const s of firstOfFile.values()) {
        const opened = await openEmbedded(env, s.code);
        await waitForRuns(opened.page, 1);
        assert.equal((await outputs(opened.page)).join(''), s.output, s.id);
        await assertCleanAndClose(opened);
      }
    });
  });
}

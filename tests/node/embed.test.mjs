// Browser tests of the embeddable single-cell view www/embed.html, of its height messages to the
// parent page (the README's iframe snippet), and of the <seedlab-cell> custom element.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CELLS } from '../../www/lesson/cells.js';
import { assertCleanAndClose, ENGINES, openPage, runsOf, startBrowser } from './browser.mjs';
import { DROPOUT_17, EPOCHS_17 } from './training-outputs.mjs';

/** @import { BrowserEnv } from './browser.mjs' */

const NP_42 = '[ 0.49671415 -0.1382643   0.64768854  1.52302986 -0.23415337]';
const NP_42_NEXT = '[-0.23413696  1.57921282  0.76743473 -0.46947439  0.54256004]';
const TORCH_17 = 'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])';
// key = jax.random.key(42): repr of normal(key, (5,)) twice, then of normal(subkey, (5,))
const JAX_42 =
  'Array([-0.02830462,  0.46713185,  0.29570296,  0.15354592, -0.12403282],      dtype=float32)';
const JAX_42_SUB =
  'Array([ 0.60576403,  0.7990441 , -0.908927  , -0.63525754, -1.2226585 ],      dtype=float32)';
// Pcg64::seed_from_u64(17): {:?} of 5 StandardNormal draws, then of 3 random::<f64>()
const RUST_17 =
  '[0.3123502943931739, 0.14312626169036957, -0.9581147770278297, 0.48372857771201494, -0.32694091026130945]';
const RUST_17_NEXT = '[0.1336153241751642, 0.10512736903378683, 0.7637945398382693]';

// The listener of the README's snippet, as a course page would include it.
const README_LISTENER = `
window.__messages = [];
addEventListener('message', (event) => {
  if (event.data?.type !== 'seedlab:height') return;
  window.__messages.push(event.data);
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.height = event.data.height;
  }
});`;

for (const engine of ENGINES) {
  describe(`www/embed.html in ${engine.name}`, { skip: engine.skip || false }, () => {
    /** @type {BrowserEnv} */
    let env;

    before(async () => {
      env = await startBrowser(engine);
    });

    after(async () => {
      await env?.close();
    });

    /**
     * A course page at __course/<name>.html beside the site with this body: another site's page, served
     * by the test server without a CSP, opened as the seedlab pages are.
     * @param {string} name
     * @param {string} body
     */
    function openCoursePage(name, body) {
      const at = (/** @type {string} */ file) => new URL(`__course/${file}`, env.url).pathname;
      env.files.set(at('listener.js'), { type: 'text/javascript', body: README_LISTENER });
      env.files.set(at(`${name}.html`), {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Course</title></head><body><h1>Week 3</h1>${body}</body></html>`,
      });
      return openPage(env, `__course/${name}.html`, { waitReady: false, csp: false });
    }

    test('renders one cell, without the page around it, with the seeds from the URL', async () => {
      const opened = await openPage(env, 'embed.html?cell=global-seed&seed=42');
      const { page } = opened;
      assert.equal(await page.locator('form.cell-live').count(), 1);
      assert.equal(await page.locator('header, footer, nav, #play-form').count(), 0);
      assert.equal(
        await page.locator('h1').textContent(),
        'np.random.seed: the same rows every run',
      );
      assert.equal(await page.inputValue('#cell-global-seed-seed'), '42');
      const [run] = await runsOf(page, 'global-seed');
      assert.deepEqual(
        run.rows.map((r) => r.text),
        [NP_42, NP_42_NEXT],
      );
      await page.click('.run-button');
      assert.deepEqual(
        (await runsOf(page, 'global-seed'))[1].rows.map((r) => r.mark),
        ['same as run 1', 'same as run 1'],
      );

      // Editing keeps the frame's own URL and its "open in seedlab" link in step.
      await page.fill('#cell-global-seed-seed', '7');
      assert.equal(await page.evaluate(() => location.search), '?cell=global-seed&seed=7');
      const link = new URL((await page.locator('.embed-credit a').getAttribute('href')) ?? '');
      assert.equal(link.searchParams.get('global-seed.seed'), '7');
      assert.equal(link.hash, '#global-seed');
      await assertCleanAndClose(opened);
    });

    test('renders the new cells: JAX keys and Rust’s seed_from_u64', async () => {
      const jax = await openPage(env, 'embed.html?cell=jax-key&seed=42');
      assert.equal(
        await jax.page.locator('h1').textContent(),
        'JAX: the key is the seed, and nothing is hidden',
      );
      assert.deepEqual(
        (await runsOf(jax.page, 'jax-key'))[0].rows.map((r) => r.text),
        [JAX_42, JAX_42, JAX_42_SUB],
      );
      await jax.page.click('.run-button');
      assert.deepEqual(
        (await runsOf(jax.page, 'jax-key'))[1].rows.map((r) => r.mark),
        ['same as run 1', 'same as run 1', 'same as run 1'],
      );
      await assertCleanAndClose(jax);

      const rust = await openPage(env, 'embed.html?cell=rust-seed');
      assert.equal(await rust.page.locator('pre.code').getAttribute('aria-label'), 'Rust code');
      assert.deepEqual(
        (await runsOf(rust.page, 'rust-seed'))[0].rows.map((r) => r.text),
        [RUST_17, RUST_17_NEXT],
      );
      await rust.page.fill('#cell-rust-seed-seed', '-1');
      await rust.page.click('.run-button');
      assert.equal(
        await rust.page.locator('.code-error:not([hidden])').textContent(),
        'error[E0600]: cannot apply unary operator `-` to type `u64`',
      );
      const link = new URL((await rust.page.locator('.embed-credit a').getAttribute('href')) ?? '');
      assert.equal(link.searchParams.get('rust-seed.seed'), '-1');
      assert.equal(link.hash, '#rust-seed');
      await assertCleanAndClose(rust);
    });

    test('renders the training-run cells: DataLoader epochs and dropout masks', async () => {
      const loader = await openPage(env, 'embed.html?cell=train-loader');
      assert.equal(
        await loader.page.locator('h1').textContent(),
        'DataLoader(shuffle=True): a new order each epoch, the same epochs each run',
      );
      assert.deepEqual(
        (await runsOf(loader.page, 'train-loader'))[0].rows.map((r) => r.text),
        EPOCHS_17,
      );
      await assertCleanAndClose(loader);

      const dropout = await openPage(env, 'embed.html?cell=train-dropout&p=0.9');
      const rows = (await runsOf(dropout.page, 'train-dropout'))[0].rows.map((r) => r.text);
      // p = 0.9: the kept values are scaled by 1 / (1 - 0.9) = 10 (torch 2.15.0 printed this).
      assert.equal(rows[0], 'tensor([ 0.,  0.,  0., 10.,  0.,  0.,  0.,  0.])');
      assert.notEqual(rows[0], DROPOUT_17[0]);
      assert.equal(rows[2], 'tensor([1., 1., 1., 1., 1., 1., 1., 1.])');
      await dropout.page.click('.run-button');
      assert.deepEqual(
        (await runsOf(dropout.page, 'train-dropout'))[1].rows.map((r) => r.mark),
        ['same as run 1', 'same as run 1', 'same as run 1'],
      );
      await assertCleanAndClose(dropout);
    });

    test('names the valid cells when the cell is unknown', async () => {
      const opened = await openPage(env, 'embed.html?cell=nope', { waitReady: false });
      const { page } = opened;
      await page.locator('#embed .note').waitFor();
      assert.equal(
        (await page.locator('#embed').textContent()) ?? '',
        `No seedlab cell named “nope”. Use cell=${CELLS.map((c) => c.id).join(', ')}`,
      );
      assert.match(
        (await page.locator('#embed').textContent()) ?? '',
        /Use cell=unseeded, global-seed, generators, default-rng, /,
      );
      await assertCleanAndClose(opened);
    });

    test('posts its height to the parent; the README snippet sizes the iframe', async () => {
      const opened = await openCoursePage(
        'iframe',
        '<iframe id="frame" src="../embed.html?cell=torch-size" title="seedlab" width="100%" height="150"></iframe>' +
          '<script src="listener.js"></script>',
      );
      const { page } = opened;
      await page.waitForFunction(() => window.__messages?.length > 0);
      const frame = page.frameLocator('#frame');
      await frame.locator('html.is-ready').waitFor();
      await page.waitForFunction(() => {
        const last = window.__messages.at(-1);
        const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('frame'));
        return last && Number(frame.height) === last.height;
      });
      const message = await page.evaluate(() => window.__messages.at(-1));
      assert.ok(message);
      assert.deepEqual(Object.keys(message).sort(), ['cell', 'height', 'type']);
      assert.equal(message.type, 'seedlab:height');
      assert.equal(message.cell, 'torch-size');
      // The frame now shows all of its content: no scrolling inside it.
      const inner = await frame.locator('html').evaluate((/** @type {HTMLElement} */ html) => ({
        scroll: html.scrollHeight,
        client: html.clientHeight,
      }));
      assert.ok(
        inner.scroll <= inner.client,
        `content ${inner.scroll} px in a ${inner.client} px frame`,
      );
      assert.equal((await runsOf(frame, 'torch-size'))[0].rows[0].text, TORCH_17);

      // Another run makes the cell taller: a new message, a taller frame.
      const before = message.height;
      await frame.locator('.run-button').click();
      await page.waitForFunction(
        (/** @type {number} */ h) =>
          /** @type {{ height: number }} */ (window.__messages.at(-1)).height > h,
        before,
      );
      assert.ok(Number(await page.locator('#frame').getAttribute('height')) > before);
      await assertCleanAndClose(opened);
    });

    test('<seedlab-cell> embeds a cell and keeps its frame as tall as the cell', async () => {
      const opened = await openCoursePage(
        'element',
        '<script type="module" src="../seedlab-cell.js"></script>' +
          '<seedlab-cell cell="global-seed" seed="42" title="np.random.seed(42)"></seedlab-cell>',
      );
      const { page } = opened;
      const iframe = page.locator('seedlab-cell iframe');
      await iframe.waitFor();
      const src = new URL((await iframe.getAttribute('src')) ?? '');
      assert.equal(src.pathname, new URL('embed.html', env.url).pathname);
      assert.equal(src.search, '?cell=global-seed&seed=42');
      assert.equal(await iframe.getAttribute('title'), 'np.random.seed(42)');
      const frame = page.frameLocator('seedlab-cell iframe');
      await frame.locator('html.is-ready').waitFor();
      assert.deepEqual(
        (await runsOf(frame, 'global-seed'))[0].rows.map((r) => r.text),
        [NP_42, NP_42_NEXT],
      );
      await page.waitForFunction(() => {
        const f = /** @type {HTMLIFrameElement} */ (document.querySelector('seedlab-cell iframe'));
        const inner = /** @type {Document} */ (f.contentDocument);
        return Number(f.height) === Math.ceil(inner.documentElement.getBoundingClientRect().height);
      });
      await assertCleanAndClose(opened);
    });
  });
}

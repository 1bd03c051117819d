// Browser tests of the lesson page www/index.html, served with its strict Content-Security-Policy
// by scripts/serve.mjs and driven in Debian's Chromium (see browser.mjs). Needs scripts/build.sh.
// Expected strings were printed by NumPy 2.4.6 and PyTorch 2.15.0 (CPU) on x86-64 Linux.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CELLS } from '../../www/lesson/cells.js';
import { codeText } from '../../www/lesson/runner.js';
import {
  assertCleanAndClose,
  ENGINES,
  onlyIn,
  openPage,
  runsIn,
  runsOf,
  startBrowser,
} from './browser.mjs';
import {
  DECODER_17,
  DROPOUT_17,
  EPOCHS_17,
  LINEAR_17,
  OWN_GENERATOR_17,
} from './training-outputs.mjs';

/** @import { Page } from 'playwright-core' */
/** @import { BrowserEnv, ShownRun } from './browser.mjs' */

// np.random.seed(17); print(np.random.randn(5)); print(np.random.randn(5))
const NP_17 = '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]';
const NP_17_NEXT = '[ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]';
// RandomState(20210530).randn(5), twice
const RS_20210530 = '[-0.24972681 -1.01951826  2.23461339  0.72764703  1.2921122 ]';
const RS_20210530_NEXT = '[ 1.15494929 -0.0015467  -0.11196868 -1.08136725  0.10265891]';
// torch.manual_seed(17); torch.randn(5); and torch.randn(16) after the same seed
const TORCH_17 = 'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])';
const TORCH_17_16 =
  'tensor([-1.0462,  1.2305,  1.8662, -0.3435,  0.0675,  0.4481, -0.5986,  0.2515,\n' +
  '         0.2113,  0.1331,  0.2522,  0.3827,  0.2344,  1.1805,  0.7783,  1.2318])';
// np.random.seed(42), two draws; RandomState(7), two draws (the second prints in e-notation)
const NP_42 = '[ 0.49671415 -0.1382643   0.64768854  1.52302986 -0.23415337]';
const NP_42_NEXT = '[-0.23413696  1.57921282  0.76743473 -0.46947439  0.54256004]';
const RS_7 = '[ 1.6905257  -0.46593737  0.03282016  0.40751628 -0.78892303]';
const RS_7_NEXT =
  '[ 2.06557291e-03 -8.90385858e-04 -1.75472431e+00  1.01765801e+00\n  6.00498516e-01]';
// np.random.seed(17); np.random.randn(3); np.random.randn(20) (wraps at 75 characters)
const NP_17_3 = '[ 0.27626589 -1.85462808  0.62390111]';
const NP_17_3_THEN_20 =
  '[ 1.14531129  1.03719047  1.88663893 -0.11169829 -0.36210134  0.14867505\n' +
  ' -0.43778315  2.171257    1.15231025 -1.81881234 -0.13804934  0.53983961\n' +
  ' -1.77528229  1.31487654 -0.47344805 -1.0922299  -0.25002744 -0.9822943\n' +
  '  1.03126909  0.49133378]';
// torch.manual_seed(42 / 3); torch.randn(5); torch.manual_seed(17); torch.randint(0, 7, (5,))
const TORCH_42 = 'tensor([ 0.3367,  0.1288,  0.2345,  0.2303, -1.1229])';
const TORCH_3 = 'tensor([ 0.8033,  0.1748,  0.0890, -0.6137,  0.0462])';
const TORCH_17_RANDINT_0_7 = 'tensor([2, 6, 0, 2, 1])';
const TORCH_17_RAND = 'tensor([0.4342, 0.5351, 0.8302, 0.1239, 0.0293])';
// np.random.RandomState(17).normal(3, 0.5, 5)
const RS_17_NORMAL_3_05 = '[3.13813295 2.07268596 3.31195056 3.57265564 3.51859523]';

const SEED_RANGE_ERROR = 'ValueError: Seed must be between 0 and 2**32 - 1';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/** @param {ShownRun} run */
const texts = (run) => run.rows.map((r) => r.text);
/** @param {ShownRun} run */
const marks = (run) => run.rows.map((r) => r.mark);

for (const engine of ENGINES) {
  describe(`www/index.html in ${engine.name}`, { skip: engine.skip || false }, () => {
    /** @type {BrowserEnv} */
    let env;

    before(async () => {
      env = await startBrowser(engine);
    });

    after(async () => {
      await env?.close();
    });

    test('loads under the strict CSP, with no errors and no request leaving the origin', async () => {
      const started = Date.now();
      const opened = await openPage(env);
      const elapsed = Date.now() - started;
      const { page } = opened;
      // Every cell ran once, and the playground drew its histogram.
      for (const cell of CELLS) assert.equal((await runsOf(page, cell.id)).length, 1, cell.id);
      assert.equal(await page.locator('#play-histogram .bars rect').count(), 60);
      assert.match((await page.locator('#status').textContent()) ?? '', /^Ready/);
      // kernel/wasm-files.js loaded the build this engine runs: SIMD128 where the engine has it.
      const build = await page.evaluate(() => document.documentElement.dataset.seedlabBuild);
      assert.equal(build, engine.build);
      // From navigation start to every cell run and the histogram drawn: reported, not asserted
      // (speed is scripts/bench.mjs's to measure; a timed test would flake on a busy machine).
      const ready = await page.evaluate(
        () => performance.getEntriesByName('seedlab-ready')[0].startTime,
      );
      console.log(
        `# ${engine.name}: page ready ${Math.round(ready)} ms after navigation start (${elapsed} ms with browser set-up), ${build} build`,
      );
      await assertCleanAndClose(opened);
    });

    test('prints the notebook’s outputs, character for character', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      const [globalSeed] = await runsOf(page, 'global-seed');
      assert.deepEqual(texts(globalSeed), [NP_17, NP_17_NEXT]);
      const [generators] = await runsOf(page, 'generators');
      assert.equal(generators.rows.length, 5);
      assert.deepEqual(
        texts(generators).filter((/** @type {string} */ _, /** @type {number} */ i) => i !== 2),
        [NP_17, RS_20210530, NP_17_NEXT, RS_20210530_NEXT],
      );
      assert.match(generators.rows[2].text, /^\[[- ]?\d\.\d{1,8}/); // (no sign column when all are positive)
      const [torchSeed] = await runsOf(page, 'torch-seed');
      assert.equal(torchSeed.rows[0].text, TORCH_17);
      const [torchSize] = await runsOf(page, 'torch-size');
      assert.deepEqual(texts(torchSize), [TORCH_17, TORCH_17_16]);
      await assertCleanAndClose(opened);
    });

    test('seeded rows repeat on every Run; unseeded rows are new', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      await page.click('#global-seed .run-button');
      await page.click('#global-seed .run-button');
      const globalSeed = await runsOf(page, 'global-seed');
      assert.deepEqual(
        globalSeed.map((r) => r.number),
        [1, 2, 3],
      );
      assert.deepEqual(marks(globalSeed[0]), ['new', 'new']);
      assert.deepEqual(marks(globalSeed[1]), ['same as run 1', 'same as run 1']);
      assert.deepEqual(marks(globalSeed[2]), ['same as run 1', 'same as run 1']);
      assert.deepEqual(texts(globalSeed[2]), [NP_17, NP_17_NEXT]);
      // The markers are text plus an icon, not colour alone.
      assert.equal(await page.locator('#global-seed .run-row .mark svg').count(), 6);

      await page.click('#unseeded .run-button');
      await page.click('#unseeded .run-button');
      const unseeded = await runsOf(page, 'unseeded');
      assert.deepEqual(
        unseeded.map((r) => marks(r)),
        [['new'], ['new'], ['new']],
      );
      assert.equal(new Set(unseeded.map((r) => r.rows[0].text)).size, 3);

      await page.click('#generators .run-button');
      const [, generators] = await runsOf(page, 'generators');
      assert.deepEqual(marks(generators), [
        'same as run 1',
        'same as run 1',
        'new',
        'same as run 1',
        'same as run 1',
      ]);

      // torch's seed does not reach NumPy: the tensor repeats, the NumPy row does not.
      await page.click('#torch-seed .run-button');
      const [, torchSeed] = await runsOf(page, 'torch-seed');
      assert.deepEqual(marks(torchSeed), ['same as run 1', 'new']);
      assert.equal(torchSeed.rows[0].text, TORCH_17);

      // Clear empties the log and starts the numbering again.
      await page.click('#global-seed .clear-button');
      assert.deepEqual(await runsOf(page, 'global-seed'), []);
      await page.click('#global-seed .run-button');
      const [again] = await runsOf(page, 'global-seed');
      assert.equal(again.number, 1);
      assert.deepEqual(marks(again), ['new', 'new']);
      await assertCleanAndClose(opened);
    });

    test('editing a seed changes the output; going back repeats the earlier run', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      await page.fill('#cell-global-seed-seed', '42');
      await page.click('#global-seed .run-button');
      await page.fill('#cell-global-seed-seed', '0x11'); // 17, as Python reads it
      await page.click('#global-seed .run-button');
      const runs = await runsOf(page, 'global-seed');
      assert.deepEqual(texts(runs[1]), [NP_42, NP_42_NEXT]);
      assert.deepEqual(marks(runs[1]), ['new', 'new']);
      assert.deepEqual(texts(runs[2]), [NP_17, NP_17_NEXT]);
      assert.deepEqual(marks(runs[2]), ['same as run 1', 'same as run 1']);

      // n is a field too: np.random.randn(3) then np.random.randn(20), wrapped at 75 characters.
      await page.fill('#cell-global-seed-n1', '3');
      await page.fill('#cell-global-seed-n2', '20');
      await page.click('#global-seed .run-button');
      assert.deepEqual(texts((await runsOf(page, 'global-seed'))[3]), [NP_17_3, NP_17_3_THEN_20]);

      await page.fill('#cell-generators-seed2', '7');
      await page.click('#generators .run-button');
      const generators = (await runsOf(page, 'generators'))[1];
      assert.deepEqual(
        texts(generators).filter((/** @type {string} */ _, /** @type {number} */ i) => i !== 2),
        [NP_17, RS_7, NP_17_NEXT, RS_7_NEXT],
      );

      await page.fill('#cell-torch-seed-seed', '42');
      await page.click('#torch-seed .run-button');
      assert.equal((await runsOf(page, 'torch-seed'))[1].rows[0].text, TORCH_42);

      // torch.manual_seed(-1) is fine (torch wraps it); 2**64 overflows.
      await page.fill('#cell-torch-size-seed2', '2**64');
      await page.click('#torch-size .run-button');
      assert.equal(
        await page.locator('#torch-size .code-error:not([hidden])').textContent(),
        'ValueError: Overflow when unpacking long long',
      );
      await assertCleanAndClose(opened);
    });

    test('seeding a training run: weights, layer order, epochs, own generator, dropout', async () => {
      const opened = await openPage(env, '#training');
      const { page } = opened;
      assert.deepEqual(texts((await runsOf(page, 'train-init'))[0]), LINEAR_17);
      assert.deepEqual(texts((await runsOf(page, 'train-order'))[0]), DECODER_17);
      assert.deepEqual(texts((await runsOf(page, 'train-loader'))[0]), EPOCHS_17);
      assert.deepEqual(texts((await runsOf(page, 'train-dropout'))[0]), DROPOUT_17);
      assert.equal((await runsOf(page, 'train-generator'))[0].rows[1].text, OWN_GENERATOR_17);

      // Run again: every seeded row repeats; the unseeded layer's bias does not.
      for (const id of ['train-init', 'train-loader', 'train-dropout']) {
        await page.click(`[data-cell="${id}"] .run-button`);
        const [, second] = await runsOf(page, id);
        assert.ok(second.rows.length > 0 && marks(second).every((m) => m === 'same as run 1'), id);
      }
      await page.click('[data-cell="train-generator"] .run-button');
      const [, ownGenerator] = await runsOf(page, 'train-generator');
      assert.deepEqual(marks(ownGenerator), ['new', 'same as run 1']);

      // A float size: torch's TypeError, beside the field that has it.
      await page.fill('#cell-train-init-n_out', '2.5');
      await page.click('[data-cell="train-init"] .run-button');
      assert.equal(
        await page.locator('[data-cell="train-init"] .code-error:not([hidden])').textContent(),
        "TypeError: empty(): argument 'size' (position 1) must be tuple of ints, but found element of type float at pos 0",
      );
      assert.equal(
        await page.locator('#cell-train-init-n_out').getAttribute('aria-invalid'),
        'true',
      );
      assert.equal(await page.locator('#cell-train-init-n_in').getAttribute('aria-invalid'), null);
      await assertCleanAndClose(opened);
    });

    test('bad input shows Python’s error beside the field and keeps the earlier rows', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      const seed = page.locator('#cell-global-seed-seed');
      const error = page.locator('#global-seed .code-error:not([hidden])');
      /** @type {Array<[string, string]>} */
      const cases = [
        ['4294967296', SEED_RANGE_ERROR],
        ['2**32', SEED_RANGE_ERROR],
        ['-1', SEED_RANGE_ERROR],
        [
          '1.5',
          "TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
        ],
        ['abc', "NameError: name 'abc' is not defined"],
        [
          '017',
          'SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        ],
      ];
      for (const [typed, expected] of cases) {
        await seed.fill(typed);
        await page.click('#global-seed .run-button');
        assert.equal(await error.textContent(), expected, typed);
        assert.equal(await error.count(), 1);
        assert.equal(await seed.getAttribute('aria-invalid'), 'true');
        // The error sits right under the line with the field, and the field points at it.
        assert.equal(await seed.getAttribute('aria-describedby'), await error.getAttribute('id'));
        const runs = await runsOf(page, 'global-seed');
        assert.equal(runs.length, 1, 'no row is added for a failed run');
        assert.deepEqual(texts(runs[0]), [NP_17, NP_17_NEXT]);
      }

      // n too large: NumPy's MemoryError, beside n.
      await seed.fill('17');
      await page.fill('#cell-global-seed-n2', '10**12');
      await page.click('#global-seed .run-button');
      assert.equal(
        await error.textContent(),
        'MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64',
      );
      assert.equal(await page.locator('#cell-global-seed-n2').getAttribute('aria-invalid'), 'true');
      assert.equal(await seed.getAttribute('aria-invalid'), null);

      // A good run clears the error.
      await page.fill('#cell-global-seed-n2', '5');
      await page.click('#global-seed .run-button');
      assert.equal(await error.count(), 0);
      assert.deepEqual(marks((await runsOf(page, 'global-seed'))[1]), [
        'same as run 1',
        'same as run 1',
      ]);
      await assertCleanAndClose(opened);
    });

    test('keyboard only: Tab to a Run button, Enter runs it; Ctrl+Enter runs from a field', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      let focused = null;
      for (let i = 0; i < 60 && focused !== 'unseeded'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() =>
          document.activeElement instanceof HTMLButtonElement &&
          document.activeElement.classList.contains('run-button')
            ? document.activeElement.form?.dataset.cell
            : null,
        );
      }
      assert.equal(focused, 'unseeded', 'Tab reaches the first cell’s Run button');
      // The focused button shows a visible focus ring.
      const outline = await page.evaluate(
        () => getComputedStyle(/** @type {Element} */ (document.activeElement)).outlineStyle,
      );
      assert.equal(outline, 'solid');
      await page.keyboard.press('Enter');
      assert.equal((await runsOf(page, 'unseeded')).length, 2);

      await page.focus('#cell-torch-size-n2');
      await page.keyboard.press('Control+Enter');
      const runs = await runsOf(page, 'torch-size');
      assert.equal(runs.length, 2);
      assert.deepEqual(marks(runs[1]), ['same as run 1', 'same as run 1']);
      // Plain Enter in a field runs the cell too (it submits the cell's form).
      await page.keyboard.press('Enter');
      assert.equal((await runsOf(page, 'torch-size')).length, 3);
      await assertCleanAndClose(opened);
    });

    test('new rows are announced (aria-live)', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      for (const cell of CELLS) {
        assert.equal(
          await page.locator(`[data-cell="${cell.id}"] .runs`).getAttribute('aria-live'),
          'polite',
        );
      }
      assert.equal(await page.locator('#play-runs').getAttribute('aria-live'), 'polite');
      await assertCleanAndClose(opened);
    });

    test('settings live in the URL: a link with seeds restores them', async () => {
      const query =
        '?global-seed.seed=42&torch-seed.seed=3&torch-size.n2=15&play.lib=torch&play.fn=randint&play.high=7';
      const opened = await openPage(env, query);
      const { page } = opened;
      assert.equal(await page.inputValue('#cell-global-seed-seed'), '42');
      assert.deepEqual(texts((await runsOf(page, 'global-seed'))[0]), [NP_42, NP_42_NEXT]);
      assert.equal((await runsOf(page, 'torch-seed'))[0].rows[0].text, TORCH_3);
      assert.equal(await page.inputValue('#cell-torch-size-n2'), '15');
      assert.equal(await page.inputValue('#play-lib'), 'torch');
      assert.equal(await page.inputValue('#play-fn'), 'randint');
      assert.deepEqual(texts((await runsIn(page, '#play-runs'))[0]), [TORCH_17_RANDINT_0_7]);

      // Editing writes only non-default values back (history.replaceState, no reload).
      const historyLength = await page.evaluate(() => history.length);
      await page.fill('#cell-global-seed-seed', '17');
      await page.fill('#cell-generators-seed1', '5');
      const params = new URLSearchParams(await page.evaluate(() => location.search));
      assert.equal(params.has('global-seed.seed'), false);
      assert.equal(params.get('generators.seed1'), '5');
      assert.equal(params.get('torch-seed.seed'), '3');
      assert.equal(params.get('play.lib'), 'torch');
      assert.equal(await page.evaluate(() => history.length), historyLength);
      await assertCleanAndClose(opened);
    });

    test(
      'the copy-link button copies the URL with the settings',
      onlyIn(engine, ['chromium'], 'needs clipboard permissions (Playwright)'),
      async () => {
        const opened = await openPage(env, '?unseeded.n=3');
        const { page, context } = opened;
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.fill('#cell-global-seed-seed', '99');
        await page.click('#copy-link');
        await page.locator('#copy-status', { hasText: 'Link copied' }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, page.url());
        assert.equal(new URL(copied).searchParams.get('global-seed.seed'), '99');
        assert.equal(new URL(copied).searchParams.get('unseeded.n'), '3');
        await assertCleanAndClose(opened);
      },
    );

    test('playground: rows as Python prints them, a histogram with the exact density', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      // Default: RandomState(17).randn(5).
      assert.deepEqual(texts((await runsIn(page, '#play-runs'))[0]), [NP_17]);
      assert.match(
        (await page.locator('#play-code').textContent()) ?? '',
        /rng = np\.random\.RandomState\(17\)\nprint\(rng\.randn\(5\)\)/,
      );
      assert.equal(await page.locator('#play-histogram .bars rect').count(), 60);
      assert.equal(await page.locator('#play-histogram path.density').count(), 1);
      const axisLabels = await page.locator('#play-histogram .axis-label').allTextContents();
      assert.deepEqual(axisLabels.sort(), ['density', 'value']);
      assert.match(
        (await page.locator('#play-caption').textContent()) ?? '',
        /100,000 values from np\.random\.randn.*N\(0, 1\)/,
      );

      await page.click('#play-draw');
      assert.deepEqual(marks((await runsIn(page, '#play-runs'))[1]), ['same as run 1']);

      await page.selectOption('#play-fn', 'normal');
      await page.fill('#play-loc', '3');
      await page.fill('#play-scale', '0.5');
      await page.click('#play-draw');
      assert.deepEqual(texts((await runsIn(page, '#play-runs'))[2]), [RS_17_NORMAL_3_05]);

      // scale < 0: NumPy's error beside the scale field, rows kept.
      await page.fill('#play-scale', '-1');
      await page.click('#play-draw');
      assert.equal(await page.locator('#play-scale-error').textContent(), 'ValueError: scale < 0');
      assert.equal((await runsIn(page, '#play-runs')).length, 3);

      // PyTorch offers rand, randn and randint only.
      await page.selectOption('#play-lib', 'torch');
      assert.equal(await page.inputValue('#play-fn'), 'randn');
      assert.deepEqual(
        await page
          .locator('#play-fn option')
          .evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value)),
        ['rand', 'randn', 'randint'],
      );
      await page.selectOption('#play-fn', 'rand');
      await page.click('#play-draw');
      assert.deepEqual(texts((await runsIn(page, '#play-runs'))[3]), [TORCH_17_RAND]);
      assert.equal(await page.locator('#play-histogram .bars rect').count(), 50);

      // No seed: every draw is new.
      await page.check('#play-noseed');
      assert.equal(await page.locator('#play-seed').isDisabled(), true);
      assert.doesNotMatch((await page.locator('#play-code').textContent()) ?? '', /manual_seed/);
      await page.click('#play-draw');
      await page.click('#play-draw');
      const runs = await runsIn(page, '#play-runs');
      assert.deepEqual(marks(runs[4]), ['new']);
      assert.deepEqual(marks(runs[5]), ['new']);
      assert.notEqual(runs[4].rows[0].text, runs[5].rows[0].text);
      await assertCleanAndClose(opened);
    });

    test(
      'says plainly which browsers it needs where WebAssembly cannot run',
      onlyIn(engine, ['chromium'], 'rewrites the CSP header with Playwright'),
      async () => {
        // A policy without 'wasm-unsafe-eval' refuses to compile any WebAssembly module: what an
        // engine that cannot run either build meets.
        const browser = /** @type {import('playwright-core').Browser} */ (env.browser);
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route(`${env.url}**`, async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers() };
          headers['content-security-policy'] = "default-src 'self'; script-src 'self'";
          await route.fulfill({ response, headers });
        });
        await page.goto(env.url);
        const status = page.locator('#status');
        await status.filter({ hasText: 'could not run' }).waitFor({ timeout: 10_000 });
        assert.match(
          (await status.textContent()) ?? '',
          /^This browser could not run seedlab’s WebAssembly module, so the outputs shown are the precomputed ones for the values in the code\. seedlab runs in current Chrome, Edge and Firefox, and in Safari 16 or newer\. \(.+\)$/,
        );
        // The precomputed outputs stay, and no cell became live.
        assert.equal(await page.locator('form.cell-live').count(), 0);
        assert.equal(await page.locator('html.is-ready').count(), 0);
        await context.close();
      },
    );

    test(
      'reads as a lesson without JavaScript, with the code and outputs of the cells',
      onlyIn(engine, ['chromium'], 'WebDriver cannot turn JavaScript off for one page'),
      async () => {
        const opened = await openPage(env, '', { javaScriptEnabled: false });
        const { page } = opened;
        assert.match(
          (await page.locator('noscript').first().textContent()) ?? '',
          /JavaScript is off/,
        );
        assert.equal(await page.locator('#page-tools').isVisible(), false);
        assert.equal(await page.locator('#play-form').isVisible(), false);
        for (const cell of CELLS) {
          const code = await page.locator(`.cell[data-cell="${cell.id}"] pre.code`).textContent();
          assert.equal(code, codeText(cell), `${cell.id}: the static code is the cell's code`);
        }
        /** @param {string} id */
        const output = async (id) =>
          (await page.locator(`.cell[data-cell="${id}"] pre.output`).textContent()) ?? '';
        assert.equal(await output('global-seed'), `${NP_17}\n${NP_17_NEXT}`);
        const generators = (await output('generators')).split('\n');
        assert.deepEqual(
          generators.filter((/** @type {string} */ _, /** @type {number} */ i) => i !== 2),
          [NP_17, RS_20210530, NP_17_NEXT, RS_20210530_NEXT],
        );
        assert.equal((await output('torch-seed')).split('\n')[0], TORCH_17);
        assert.equal(await output('torch-size'), `${TORCH_17}\n${TORCH_17_16}`);
        assert.equal(await output('train-init'), LINEAR_17.join('\n'));
        assert.equal(await output('train-order'), DECODER_17.join('\n'));
        assert.equal(await output('train-loader'), EPOCHS_17.join('\n'));
        assert.equal((await output('train-generator')).split('\n')[2], OWN_GENERATOR_17);
        assert.equal(await output('train-dropout'), DROPOUT_17.join('\n'));
        await assertCleanAndClose(opened);
      },
    );

    test(
      'screenshots at desktop and 360 px width (test-artifacts/)',
      onlyIn(engine, ['chromium'], 'needs an exact viewport (Playwright)'),
      async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        for (const [
          name,
          viewport,
        ] of /** @type {Array<[string, { width: number, height: number }]>} */ ([
          ['page-desktop.png', { width: 1280, height: 900 }],
          ['page-360px.png', { width: 360, height: 780 }],
        ])) {
          const opened = await openPage(env, '', { viewport });
          const { page } = opened;
          await page.click('#global-seed .run-button');
          await page.click('#generators .run-button');
          // Nothing is wider than the viewport (long rows scroll inside their own boxes).
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the viewport`);
          await page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage: true });
          await assertCleanAndClose(opened);
        }
      },
    );
  });
}

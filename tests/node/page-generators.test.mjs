// Browser tests of the page's cells and playground libraries for the further generators
// (NumPy's default_rng, Python's random, R, JAX, Rust), in Chromium under the strict CSP (see
// browser.mjs).
// Expected strings: see cells-generators.test.mjs (printed by the real libraries).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  assertCleanAndClose,
  ENGINES,
  onlyIn,
  openPage,
  runsIn,
  runsOf,
  startBrowser,
} from './browser.mjs';

/** @import { Page } from 'playwright-core' */
/** @import { BrowserEnv, ShownRun } from './browser.mjs' */

const RNG_17 = '[ 1.10126245  0.33843128 -0.53997152 -1.26024186 -1.89462127]';
const RNG_17_NEXT = '[ 0.01863829 -0.8105671  -0.87215596 -0.22196951 -0.05184603]';
const RNG_17_RANDOM_3 = '[0.84507479 0.16097309 0.55774455]';
const RS_17_RAND_3 = '[0.294665   0.53058676 0.19152079]';
const JAX_17 =
  'Array([-0.66748405,  1.1928468 ,  0.7245219 , -0.3257403 ,  0.6412951 ],      dtype=float32)';
const JAX_17_SUB =
  'Array([-1.2122113e-03,  6.9100931e-02, -2.4467373e+00, -5.6012708e-01,\n       -7.8522034e-02], dtype=float32)';
const JAX_42 =
  'Array([-0.02830462,  0.46713185,  0.29570296,  0.15354592, -0.12403282],      dtype=float32)';
const JAX_42_SUB =
  'Array([ 0.60576403,  0.7990441 , -0.908927  , -0.63525754, -1.2226585 ],      dtype=float32)';
const RUST_17 =
  '[0.3123502943931739, 0.14312626169036957, -0.9581147770278297, 0.48372857771201494, -0.32694091026130945]';
const RUST_17_NEXT = '[0.1336153241751642, 0.10512736903378683, 0.7637945398382693]';
const RUST_42 =
  '[-1.6050252119745185, -1.3986566738719157, 1.1598966197292604, 0.038294444954214774, 1.941907513133655]';
const PY_17 = '0.5219839097124932';
const NP_17_RAND = '0.2946650026871097';
const R_17 = '[1] -1.01500872 -0.07963674 -0.23298702 -0.81726793  0.77209084';
const R_17_SAMPLE = ' [1] 10  6  7  1  4  8  2  9  3  5';
const R_42 = '[1]  1.3709584 -0.5646982  0.3631284  0.6328626  0.4042683';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/** @param {ShownRun} run */
const texts = (run) => run.rows.map((r) => r.text);
/** @param {ShownRun} run */
const marks = (run) => run.rows.map((r) => r.mark);
/**
 * @param {Page} page
 * @param {string} id
 */
const run = (page, id) => page.click(`[data-cell="${id}"] .run-button`);

for (const engine of ENGINES) {
  describe(`further generators on www/index.html, in ${engine.name}`, {
    skip: engine.skip || false,
  }, () => {
    /** @type {BrowserEnv} */
    let env;

    before(async () => {
      env = await startBrowser(engine);
    });

    after(async () => {
      await env?.close();
    });

    test('the new cells print the real libraries’ outputs on load', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      const [rng] = await runsOf(page, 'default-rng');
      assert.deepEqual([rng.rows[0].text, rng.rows[2].text], [RNG_17, RNG_17_NEXT]);
      assert.deepEqual(texts((await runsOf(page, 'rng-vs-legacy'))[0]), [
        RNG_17_RANDOM_3,
        RS_17_RAND_3,
      ]);
      assert.deepEqual(texts((await runsOf(page, 'jax-key'))[0]), [JAX_17, JAX_17, JAX_17_SUB]);
      assert.deepEqual(texts((await runsOf(page, 'rust-seed'))[0]), [RUST_17, RUST_17_NEXT]);
      const [py] = await runsOf(page, 'py-random');
      assert.deepEqual([py.rows[0].text, py.rows[2].text], [PY_17, NP_17_RAND]);
      assert.deepEqual(texts((await runsOf(page, 'r-seed'))[0]), [R_17, R_17_SAMPLE]);
      // Each cell's code is labelled with its language.
      assert.equal(
        await page.locator('[data-cell="r-seed"] pre.code').getAttribute('aria-label'),
        'R code',
      );
      assert.equal(
        await page.locator('[data-cell="rust-seed"] pre.code').getAttribute('aria-label'),
        'Rust code',
      );
      assert.equal(
        await page.locator('[data-cell="jax-key"] pre.code').getAttribute('aria-label'),
        'Python code',
      );
      await assertCleanAndClose(opened);
    });

    test('seeded rows repeat on every Run; np.random’s unseeded row is new', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      await run(page, 'default-rng');
      await run(page, 'default-rng');
      const rng = await runsOf(page, 'default-rng');
      assert.deepEqual(marks(rng[1]), ['same as run 1', 'new', 'same as run 1']);
      assert.deepEqual(marks(rng[2]), ['same as run 1', 'new', 'same as run 1']);
      assert.equal(new Set(rng.map((r) => r.rows[1].text)).size, 3);

      // random.seed(17) does not seed NumPy: its row is new each run.
      await run(page, 'py-random');
      assert.deepEqual(marks((await runsOf(page, 'py-random'))[1]), [
        'same as run 1',
        'new',
        'same as run 1',
      ]);

      for (const id of ['rng-vs-legacy', 'r-seed', 'jax-key', 'rust-seed']) {
        await run(page, id);
        const [first, second] = await runsOf(page, id);
        assert.ok(
          marks(first).every((m) => m === 'new'),
          id,
        );
        assert.ok(
          marks(second).every((m) => m === 'same as run 1'),
          id,
        );
        assert.deepEqual(texts(second), texts(first), id);
      }
      await assertCleanAndClose(opened);
    });

    test('editing a seed: new rows; the same seed written otherwise repeats', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      await page.fill('#cell-jax-key-seed', '42');
      await run(page, 'jax-key');
      assert.deepEqual(texts((await runsOf(page, 'jax-key'))[1]), [JAX_42, JAX_42, JAX_42_SUB]);
      assert.deepEqual(marks((await runsOf(page, 'jax-key'))[1]), ['new', 'new', 'new']);

      await page.fill('#cell-rust-seed-seed', '42');
      await run(page, 'rust-seed');
      await page.fill('#cell-rust-seed-seed', '0x11'); // 17, as rustc reads it
      await run(page, 'rust-seed');
      const rust = await runsOf(page, 'rust-seed');
      assert.equal(rust[1].rows[0].text, RUST_42);
      assert.deepEqual(marks(rust[2]), ['same as run 1', 'same as run 1']);

      await page.fill('#cell-rng-vs-legacy-seed1', '0');
      await run(page, 'rng-vs-legacy');
      const legacy = (await runsOf(page, 'rng-vs-legacy'))[1];
      // Other code, so both rows count as new; the RandomState row's text is unchanged.
      assert.deepEqual(marks(legacy), ['new', 'new']);
      assert.deepEqual(texts(legacy), ['[0.63696169 0.26978671 0.04097352]', RS_17_RAND_3]);
      await assertCleanAndClose(opened);
    });

    test('bad seeds show the library’s (or rustc’s) error beside the field, keeping the rows', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      /** @type {Array<[string, string, string, string]>} */
      const cases = [
        ['rust-seed', 'seed', '-1', 'error[E0600]: cannot apply unary operator `-` to type `u64`'],
        [
          'rust-seed',
          'seed',
          '1.5',
          'error[E0308]: mismatched types\n  expected `u64`, found floating-point number',
        ],
        ['rust-seed', 'seed', '18446744073709551616', 'error: literal out of range for `u64`'],
        ['jax-key', 'seed', '2**63', 'OverflowError: Python int too large to convert to C long'],
        ['jax-key', 'seed', 'None', 'ValueError: None is not a valid value for jnp.array'],
        ['default-rng', 'seed', '-1', 'ValueError: expected non-negative integer'],
        ['rng-vs-legacy', 'seed2', '2**32', 'ValueError: Seed must be between 0 and 2**32 - 1'],
        [
          'r-seed',
          'seed',
          '2^31',
          'Error in set.seed(2^31) : supplied seed is not a valid integer',
        ],
        ['r-seed', 'seed', '1 7', 'Error: unexpected numeric constant in "set.seed(1 7"'],
        ['r-seed', 'n', '-1', 'Error in rnorm(-1) : invalid arguments'],
        [
          'py-random',
          'seed1',
          '[1, 2]',
          'TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray.',
        ],
      ];
      for (const [id, field, typed, expected] of cases) {
        const input = page.locator(`#cell-${id}-${field}`);
        await input.fill(typed);
        await run(page, id);
        const error = page.locator(`[data-cell="${id}"] .code-error:not([hidden])`);
        assert.equal(await error.textContent(), expected, `${id} ${typed}`);
        assert.equal(await input.getAttribute('aria-invalid'), 'true');
        assert.equal(await input.getAttribute('aria-describedby'), await error.getAttribute('id'));
        assert.equal((await runsOf(page, id)).length, 1, 'no row is added for a failed run');
        await input.fill(field === 'n' ? '5' : '17');
      }
      await assertCleanAndClose(opened);
    });

    test('playground: each library draws its own row and histogram', async () => {
      const opened = await openPage(env);
      const { page } = opened;
      const lastRun = async () => (await runsIn(page, '#play-runs')).at(-1);
      /** @type {Array<[string, string, Record<string, string>, string, number | null, RegExp]>} */
      const cases = [
        [
          'generator',
          'standard_normal',
          {},
          RNG_17,
          60,
          /rng = np\.random\.default_rng\(17\)\nprint\(rng\.standard_normal\(5\)\)/,
        ],
        ['generator', 'random', { n: '3' }, RNG_17_RANDOM_3, 50, /print\(rng\.random\(3\)\)/],
        [
          'jax',
          'normal',
          {},
          JAX_17,
          60,
          /key = jax\.random\.key\(17\)\nprint\(repr\(jax\.random\.normal\(key, \(5,\)\)\)\)/,
        ],
        ['rust', 'standard_normal', {}, RUST_17, 60, /let mut rng = Pcg64::seed_from_u64\(17\);/],
        [
          'rust',
          'uniform',
          { n: '3', low: '0', high: '10' },
          '[6.11466512648162, 6.132198611595472, 0.9983770780080969]',
          50,
          /Uniform::new\(0\.0, 10\.0\)/,
        ],
        [
          'numpy',
          'permutation',
          { n: '12' },
          '[ 2  3 11  8  7  4  9  5  0 10  6  1]',
          null,
          /print\(rng\.permutation\(12\)\)/,
        ],
        [
          'python',
          'random',
          { n: '3' },
          '[0.5219839097124932, 0.8066907771186791, 0.9604947743238768]',
          50,
          /random\.seed\(17\)\nprint\(\[random\.random\(\) for _ in range\(3\)\]\)/,
        ],
        [
          'python',
          'randint',
          { low: '0', high: '10' },
          '[8, 6, 4, 5, 4]',
          11,
          /random\.randint\(0, 10\)/,
        ],
        ['r', 'rnorm', { loc: '0', scale: '1' }, R_17, 60, /set\.seed\(17\)\nrnorm\(5, 0, 1\)/],
        ['r', 'sample', { pop: '10' }, '[1] 2 8 1 6 4', null, /sample\(10, 5\)/],
      ];
      for (const [lib, fn, fields, row, bars, code] of cases) {
        await page.selectOption('#play-lib', lib);
        await page.selectOption('#play-fn', fn);
        for (const [name, value] of Object.entries(fields)) await page.fill(`#play-${name}`, value);
        await page.click('#play-draw');
        assert.equal((await lastRun())?.rows[0].text, row, `${lib}.${fn}`);
        assert.match((await page.locator('#play-code').textContent()) ?? '', code);
        if (bars === null) assert.equal(await page.locator('#play-figure').isVisible(), false);
        else
          assert.equal(
            await page.locator('#play-histogram .bars rect').count(),
            bars,
            `${lib}.${fn}`,
          );
        await page.fill('#play-n', '5');
      }
      // The code's label names its language.
      for (const [lib, language] of [
        ['generator', 'Python'],
        ['rust', 'Rust'],
        ['r', 'R'],
        ['python', 'Python'],
      ]) {
        await page.selectOption('#play-lib', lib);
        assert.equal(
          await page
            .locator('#play-code')
            .evaluate((code) => code.closest('pre')?.getAttribute('aria-label')),
          `${language} code`,
        );
      }
      // Parameters are named as each library names them.
      await page.selectOption('#play-fn', 'randint');
      assert.equal(await page.locator('label[for="play-high"]').textContent(), 'b (included)');
      await page.selectOption('#play-lib', 'r');
      await page.selectOption('#play-fn', 'rnorm');
      assert.equal(await page.locator('label[for="play-scale"]').textContent(), 'sd');
      assert.equal(await page.locator('#play-low').isVisible(), false);

      // JAX: no unseeded generator, so "no seed" is off and says why.
      await page.selectOption('#play-lib', 'jax');
      assert.equal(await page.locator('#play-noseed').isDisabled(), true);
      assert.match(
        (await page.locator('#play-noseed-note').textContent()) ?? '',
        /JAX has no unseeded generator/,
      );

      // Errors in the library's words, beside the field.
      await page.selectOption('#play-lib', 'generator');
      await page.selectOption('#play-fn', 'choice');
      await page.fill('#play-pop', '3');
      await page.click('#play-draw');
      assert.equal(
        await page.locator('#play-n-error').textContent(),
        'ValueError: Cannot take a larger sample than population when replace is False',
      );
      await page.check('#play-replace');
      await page.click('#play-draw');
      assert.equal(await page.locator('#play-n-error').isVisible(), false);
      assert.equal(await page.locator('#play-histogram .bars rect').count(), 3); // one bar per value
      await assertCleanAndClose(opened);
    });

    test('the new settings live in the URL', async () => {
      const query =
        '?jax-key.seed=42&rust-seed.seed=42&r-seed.seed=42&play.lib=rust&play.fn=uniform&play.high=2';
      const opened = await openPage(env, query);
      const { page } = opened;
      assert.deepEqual(texts((await runsOf(page, 'jax-key'))[0]), [JAX_42, JAX_42, JAX_42_SUB]);
      assert.equal((await runsOf(page, 'rust-seed'))[0].rows[0].text, RUST_42);
      assert.equal((await runsOf(page, 'r-seed'))[0].rows[0].text, R_42);
      assert.equal(await page.inputValue('#play-lib'), 'rust');
      assert.equal(await page.inputValue('#play-fn'), 'uniform');
      assert.match(
        (await page.locator('#play-code').textContent()) ?? '',
        /Uniform::new\(0\.0, 2\.0\)/,
      );

      await page.selectOption('#play-lib', 'generator');
      await page.selectOption('#play-fn', 'choice');
      await page.check('#play-replace');
      await page.fill('#play-pop', '6');
      const params = new URLSearchParams(await page.evaluate(() => location.search));
      assert.equal(params.get('play.lib'), 'generator');
      assert.equal(params.get('play.fn'), 'choice');
      assert.equal(params.get('play.replace'), '1');
      assert.equal(params.get('play.pop'), '6');
      assert.equal(params.get('jax-key.seed'), '42');
      await assertCleanAndClose(opened);
    });

    test(
      'without JavaScript, the new cells show the same code and outputs',
      onlyIn(engine, ['chromium'], 'WebDriver cannot turn JavaScript off for one page'),
      async () => {
        const opened = await openPage(env, '', { javaScriptEnabled: false });
        const { page } = opened;
        /** @param {string} id */
        const output = async (id) =>
          (await page.locator(`.cell[data-cell="${id}"] pre.output`).textContent()) ?? '';
        const rng = (await output('default-rng')).split('\n');
        assert.deepEqual([rng[0], rng[2]], [RNG_17, RNG_17_NEXT]);
        assert.match(rng[1], /^\[[- ]?\d\.\d+/);
        assert.equal(await output('rng-vs-legacy'), `${RNG_17_RANDOM_3}\n${RS_17_RAND_3}`);
        assert.equal(await output('jax-key'), `${JAX_17}\n${JAX_17}\n${JAX_17_SUB}`);
        assert.equal(await output('rust-seed'), `${RUST_17}\n${RUST_17_NEXT}`);
        assert.equal(await output('r-seed'), `${R_17}\n${R_17_SAMPLE}`);
        const py = (await output('py-random')).split('\n');
        assert.deepEqual([py[0], py[2]], [PY_17, NP_17_RAND]);
        await assertCleanAndClose(opened);
      },
    );

    test(
      '360 px: the new sections fit (screenshot in test-artifacts/)',
      onlyIn(engine, ['chromium'], 'needs an exact viewport (Playwright)'),
      async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        const opened = await openPage(env, '?play.lib=rust&play.fn=uniform', {
          viewport: { width: 360, height: 780 },
        });
        const { page } = opened;
        await run(page, 'jax-key');
        await page.fill('#cell-rust-seed-seed', '-1');
        await run(page, 'rust-seed');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the viewport`);
        // No code box scrolls sideways either: long lines wrap.
        const scrolling = await page
          .locator('pre.code')
          .evaluateAll((pres) => pres.filter((p) => p.scrollWidth > p.clientWidth).length);
        assert.equal(scrolling, 0);
        for (const id of ['default-rng', 'other-languages', 'playground']) {
          await page
            .locator(`#${id}`)
            .screenshot({ path: new URL(`generators-${id}-360px.png`, ARTIFACTS).pathname });
        }
        await assertCleanAndClose(opened);
      },
    );
  });
}

// The page's first-screen module www/pkg/core/ (the crate without its `full-api` feature: the
// common calls of NumPy's legacy RandomState) against the full module www/pkg/: the same bits for
// every call, seed, size and state, and the same errors; and the page's view of the two
// (www/kernel/seedlab-wasm.js): code runs on the core, a run that needs more runs again on the
// full module, a generator moves there mid-stream, and every output is the full module's. The
// full module is checked against NumPy's own numbers by api.test.mjs and the browser fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
for (const dir of ['', 'core/']) {
  if (!fs.existsSync(new URL(`${dir}seedlab_bg.wasm`, pkgUrl))) {
    throw new Error(`www/pkg/${dir}seedlab_bg.wasm not found: run scripts/build.sh first`);
  }
}
const full = /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
  await import(new URL('seedlab.js', pkgUrl).href)
);
full.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });
const core = /** @type {typeof import('../../www/pkg/core/seedlab.js')} */ (
  await import(new URL('core/seedlab.js', pkgUrl).href)
);
core.initSync({ module: fs.readFileSync(new URL('core/seedlab_bg.wasm', pkgUrl)) });

/** @typedef {InstanceType<typeof full.RandomState>} Rs */

/** A class's public method names (not the constructor, not wasm-bindgen's own). @param {Function} cls */
const methods = (cls) =>
  Object.getOwnPropertyNames(cls.prototype)
    .filter((name) => name !== 'constructor' && !name.startsWith('__'))
    .sort();

/** The core's RandomState methods: seeding, state and the common draws. */
const CORE_METHODS = [
  'free',
  'getState',
  'normal',
  'rand',
  'randint',
  'randintTyped',
  'randn',
  'seed',
  'setState',
  'uniform',
];

test('the core exports RandomState with the common methods, each the full module’s', () => {
  const exported = Object.keys(core).filter((name) => !['default', 'initSync'].includes(name));
  assert.deepEqual(exported.sort(), ['RandomState', 'start']);
  const mine = methods(core.RandomState).filter((name) => typeof name === 'string');
  assert.deepEqual(mine, CORE_METHODS);
  for (const name of mine) assert.ok(methods(full.RandomState).includes(name), name);
});

/**
 * Every kind of call, on an object of each module in turn: [what, call].
 * @type {Array<[string, (rs: Rs, n: number) => unknown]>}
 */
const CALLS = [
  ['randn', (rs, n) => rs.randn(n)],
  ['rand', (rs, n) => rs.rand(n)],
  ['randint(0, 10)', (rs, n) => rs.randint(0, 10, n)],
  ['randint(-5, 2**40)', (rs, n) => rs.randint(-5, 2 ** 40, n)],
  ['randintTyped uint8', (rs, n) => rs.randintTyped(0, 256, n, 'uint8')],
  ['randintTyped int16', (rs, n) => rs.randintTyped(-100, 100, n, 'int16')],
  ['randintTyped bool', (rs, n) => rs.randintTyped(0, 2, n, 'bool')],
  ['randintTyped int64', (rs, n) => rs.randintTyped(-(2n ** 62n), 2n ** 62n, n, 'int64')],
  ['normal', (rs, n) => rs.normal(1.5, 2, n)],
  ['uniform', (rs, n) => rs.uniform(-1, 3, n)],
  [
    'getState',
    (rs) => Object.values(rs.getState()).flatMap((v) => (v instanceof Uint32Array ? [...v] : [v])),
  ],
];

/** The outcome of a call: its values, or its error's name and message. @param {() => unknown} f */
function outcome(f) {
  try {
    const value = /** @type {any} */ (f());
    return { values: typeof value?.[Symbol.iterator] === 'function' ? [...value] : [value] };
  } catch (e) {
    return { error: `${e instanceof Error ? e.name : ''}: ${e instanceof Error ? e.message : e}` };
  }
}

test('every call gives the same bits in both modules, seed after seed, state after state', () => {
  const pick = new full.RandomState(20240601);
  const seeds = [
    0,
    17,
    2 ** 32 - 1,
    ...pick.randint(0, 2 ** 32, 24),
    4_000_000_000n,
    [1, 2, 3],
    new Uint32Array([0xdeadbeef, 7]),
  ];
  const sizes = [0, 1, 5, 17, 250];
  let compared = 0;
  let calls = 0;
  for (const seed of seeds) {
    const a = new core.RandomState(/** @type {any} */ (seed));
    const b = new full.RandomState(/** @type {any} */ (seed));
    for (const [i, [what, call]] of CALLS.entries()) {
      const n = sizes[(i + Number(compared % 5)) % sizes.length];
      const mine = outcome(() => call(/** @type {any} */ (a), n));
      const theirs = outcome(() => call(b, n));
      calls++;
      if (mine.error !== undefined || theirs.error !== undefined) {
        assert.equal(mine.error, theirs.error, `${what} (seed ${seed}, n ${n})`);
        continue;
      }
      const x = /** @type {unknown[]} */ (mine.values);
      const y = /** @type {unknown[]} */ (theirs.values);
      assert.equal(x.length, y.length, `${what} (seed ${seed}, n ${n}): length`);
      for (let k = 0; k < y.length; k++) {
        assert.ok(
          Object.is(x[k], y[k]),
          `${what} (seed ${seed}, n ${n}) [${k}]: ${x[k]} vs ${y[k]}`,
        );
      }
      compared += y.length;
    }
    // A state moved from one module to the other continues the same stream.
    const state = b.getState();
    const moved = new core.RandomState(0);
    moved.setState('MT19937', state.key, state.pos, state.hasGauss, state.cachedGaussian);
    const [x, y] = [moved.randn(9), b.randn(9)];
    for (let k = 0; k < 9; k++) assert.ok(Object.is(x[k], y[k]), `setState (seed ${seed}) [${k}]`);
    compared += 9;
    a.free();
    b.free();
    moved.free();
  }
  console.log(`core vs full: ${compared} values from ${calls} calls bit-identical`);
  assert.ok(compared > 10_000);
});

test('bad arguments get the same errors', () => {
  /** @type {Array<[string, (m: typeof full) => unknown]>} */
  const bad = [
    ['seed too large', (m) => new m.RandomState(2 ** 32)],
    ['negative seed', (m) => new m.RandomState(-1)],
    ['float seed', (m) => new m.RandomState(1.5)],
    ['empty range', (m) => new m.RandomState(1).randint(5, 5, 1)],
    ['negative scale', (m) => new m.RandomState(1).normal(0, -1, 1)],
    ['high below low', (m) => new m.RandomState(1).uniform(2, 1, Number.NaN)],
    ['bad dtype', (m) => new m.RandomState(1).randintTyped(0, 5, 1, /** @type {any} */ ('int7'))],
    ['bad state', (m) => new m.RandomState(1).setState('PCG64', [1, 2], 0)],
  ];
  for (const [what, call] of bad) {
    const mine = outcome(() => call(/** @type {any} */ (core)));
    const theirs = outcome(() => call(full));
    assert.ok(theirs.error, `${what}: the full module throws`);
    assert.equal(mine.error, theirs.error, what);
  }
});

test('the page’s seedlab: the core first, the full module when a run needs it, the same output', async () => {
  const wasm = await import('../../www/kernel/seedlab-wasm.js');
  const { Session } = await import('../../www/python/session.js');
  await wasm.startCore(
    new WebAssembly.Module(fs.readFileSync(new URL('core/seedlab_bg.wasm', pkgUrl))),
  );
  const page = new Session(wasm.seedlab);
  const reference = new Session(full);
  /**
   * Runs code in the page's session and in a session on the full module: the same output.
   * @param {import('../../www/python/session.js').Session} mine
   * @param {import('../../www/python/session.js').Session} theirs
   * @param {string} code
   */
  const same = async (mine, theirs, code) => {
    const got = await wasm.runWhenReady(mine, code);
    const want = theirs.run(code);
    assert.equal(got.output, want.output, code);
    assert.ok(want.output.length > 20, want.output);
    return got;
  };
  // A generator of the core, seeded and drawn from: no need for the full module.
  const first = [
    'import numpy as np',
    'rs = np.random.RandomState(5)',
    'print(rs.randn(3), rs.randint(0, 100, 4), rs.uniform(1, 2))',
    'np.random.seed(7)',
    'print(np.random.rand(2), np.random.normal(3, 2, (2, 2)))',
  ].join('\n');
  await same(page, reference, first);
  assert.equal(wasm.fullLoaded(), false);
  // A fresh session whose code needs more: run again, from scratch, on the full module.
  const choice =
    'import numpy as np\nnp.random.seed(3)\nprint(np.random.choice(10, 5))\nprint(np.random.randn(2))';
  await same(new Session(wasm.seedlab), new Session(full), choice);
  assert.equal(wasm.fullLoaded(), true);
  // The core's generators move to the full module with their state: the streams go on.
  await same(
    page,
    reference,
    'print(rs.choice(10, 5), rs.randn(2))\nprint(np.random.poisson(4, 3), np.random.randn(2))',
  );
  await same(
    page,
    reference,
    'import torch\ntorch.manual_seed(1)\nprint(torch.randn(3), rs.rand(2))',
  );
});

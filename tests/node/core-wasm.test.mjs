// The page's first-screen module www/pkg/core/ (the crate without its `full-api` feature: NumPy's
// legacy RandomState alone) against the full module www/pkg/: the same API for RandomState and
// the same bits for every call, seed, size and state, and the same errors. The full module's
// RandomState is checked against NumPy's own numbers by api.test.mjs and the browser fixtures.
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

/** A method's public names, without the constructor. @param {Function} cls */
const methods = (cls) =>
  Object.getOwnPropertyNames(cls.prototype)
    .filter((name) => name !== 'constructor')
    .sort();

test('the core exports RandomState with the full module’s methods, less the *Into fills', () => {
  const exported = Object.keys(core).filter((name) => !['default', 'initSync'].includes(name));
  assert.deepEqual(exported.sort(), ['RandomState', 'start']);
  assert.deepEqual(
    methods(core.RandomState),
    methods(full.RandomState).filter((name) => !name.endsWith('Into')),
  );
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
  ['choice with replacement', (rs, n) => rs.choice(10, n, true)],
  ['choice without', (rs, n) => rs.choice(100 + n, n, false)],
  ['choice with p', (rs, n) => rs.choice(5, n, true, [0.1, 0.2, 0.3, 0.2, 0.2])],
  ['choiceIndices', (rs, n) => rs.choiceIndices(n + 3, n, false)],
  ['permutation', (rs, n) => rs.permutation(n)],
  [
    'shuffle',
    (rs, n) => {
      const items = Array.from({ length: n }, (_, i) => i);
      rs.shuffle(items);
      return items;
    },
  ],
  ['poisson small', (rs, n) => rs.poisson(3.5, n)],
  ['poisson large', (rs, n) => rs.poisson(50, n)],
  ['binomial', (rs, n) => rs.binomial(20, 0.3, n)],
  ['binomial large', (rs, n) => rs.binomial(1000, 0.6, n)],
  ['geometric', (rs, n) => rs.geometric(0.2, n)],
  ['exponential', (rs, n) => rs.exponential(2, n)],
  ['standardExponential', (rs, n) => rs.standardExponential(n)],
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
  assert.ok(compared > 20_000);
});

test('bad arguments get the same errors', () => {
  /** @type {Array<[string, (m: typeof full) => unknown]>} */
  const bad = [
    ['seed too large', (m) => new m.RandomState(2 ** 32)],
    ['negative seed', (m) => new m.RandomState(-1)],
    ['float seed', (m) => new m.RandomState(1.5)],
    ['empty range', (m) => new m.RandomState(1).randint(5, 5, 1)],
    ['negative scale', (m) => new m.RandomState(1).normal(0, -1, 1)],
    ['empty population', (m) => new m.RandomState(1).choice(0, 1, true)],
    ['negative lam', (m) => new m.RandomState(1).poisson(-1, 1)],
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

// Tests of PyRandom and RRandom in the built JS package www/pkg/seedlab.js (run scripts/build.sh
// first). Expected values were printed by CPython 3.11.7 and R 4.2.2 (x86-64 Linux).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const { initSync, PyRandom, RRandom } = /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
  await import(new URL('seedlab.js', pkgUrl).href)
);
initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

/** Asserts actual equals expected element by element with Object.is (bit-exact).
 * @param {ArrayLike<number | bigint>} actual
 * @param {ArrayLike<number | bigint>} expected
 * @param {string} what
 */
function assertSameValues(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(
      Object.is(actual[i], expected[i]),
      `${what}: [${i}] got ${actual[i]}, want ${expected[i]}`,
    );
  }
}

/**
 * Asserts f throws an Error with this name and message.
 * @param {() => unknown} f
 * @param {string} name
 * @param {string} message
 */
function assertThrows(f, name, message) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, `expected an Error object, got ${typeof e}: ${String(e)}`);
    assert.equal(e.name, name);
    assert.equal(e.message, message);
    return true;
  });
}

describe('PyRandom (CPython random.Random)', () => {
  test('random.seed(17): random() x 3', () => {
    const got = new PyRandom(17).random(3);
    assert.ok(got instanceof Float64Array);
    assertSameValues(got, [0.5219839097124932, 0.8066907771186791, 0.9604947743238768], 'random');
  });

  test('random.seed(17): gauss() x 3 (cosine, cached sine, cosine)', () => {
    assertSameValues(
      new PyRandom(17).gauss(0, 1, 3),
      [-1.7957207107381599, -0.24963070978623944, 0.8016517906435565],
      'gauss',
    );
  });

  test('random.seed(17): randint(1, 100) x 5, b included', () => {
    assertSameValues(new PyRandom(17).randint(1, 100, 5), [67, 54, 39, 47, 38], 'randint');
  });

  test('str seeds (SHA-512) and big BigInt seeds', () => {
    assertSameValues(
      new PyRandom('hello').random(2),
      [0.3537754404730722, 0.6631985810268619],
      'str seed',
    );
    assertSameValues(
      new PyRandom(2n ** 100n).randint(0, 2 ** 40, 2),
      [179352071189, 181357657167],
      'randint',
    );
    assertSameValues(new PyRandom(-17).random(3), new PyRandom(17n).random(3), 'abs value');
  });

  test('shuffle in place, then choice', () => {
    const py = new PyRandom(17);
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    assert.equal(py.shuffle(x), undefined);
    assert.deepEqual(x, [7, 3, 0, 5, 1, 9, 2, 4, 6, 8]);
    assertSameValues(py.choice(5, 3), [1, 3, 3], 'choice indices');
  });

  test("errors carry CPython 3.11's exception and message", () => {
    assertThrows(
      () => new PyRandom(17).randint(5, 3, 1),
      'ValueError',
      'empty range for randrange() (5, 4, -1)',
    );
    assertThrows(
      () => new PyRandom(17).choice(0, 1),
      'IndexError',
      'Cannot choose from an empty sequence',
    );
    assertThrows(
      // A type the .d.ts rules out, to check the runtime error JS callers get.
      () => new PyRandom(/** @type {never} */ (/** @type {unknown} */ ([1, 2]))),
      'TypeError',
      'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.',
    );
  });
});

describe('RRandom (R set.seed, default RNG kinds)', () => {
  test('set.seed(17): .Random.seed, runif(3), rnorm(3), sample(10)', () => {
    const r = new RRandom(17);
    const state = r.randomSeed();
    assert.ok(state instanceof Int32Array);
    assert.deepEqual(Array.from(state.slice(0, 4)), [10403, 624, -1895491523, -510885414]);
    assertSameValues(
      r.runif(3),
      [0.1550508332438767, 0.9683788088150322, 0.46826308593153954],
      'runif',
    );
    r.setSeed(17);
    assertSameValues(
      r.rnorm(3),
      [-1.0150087164606165, -0.07963673712976711, -0.23298702195762605],
      'rnorm',
    );
    r.setSeed(17);
    assertSameValues(r.sample(10), [2, 8, 1, 6, 4, 5, 3, 10, 7, 9], 'sample');
    r.setSeed(17);
    assertSameValues(r.sample(100, 5, true), [50, 97, 94, 45, 39], 'sample with replacement');
  });

  test('set.seed(20210530): runif(2)', () => {
    assertSameValues(
      new RRandom(20210530).runif(2),
      [0.090899877017363906, 0.053544643800705671],
      'runif',
    );
  });

  test("errors carry R's message", () => {
    assertThrows(() => new RRandom(NaN), 'Error', 'supplied seed is not a valid integer');
    assertThrows(() => new RRandom(2 ** 31), 'Error', 'supplied seed is not a valid integer');
    assertThrows(
      () => new RRandom(1).sample(10, 11),
      'Error',
      "cannot take a sample larger than the population when 'replace = FALSE'",
    );
    assertThrows(() => new RRandom(1).runif(-1), 'Error', 'invalid arguments');
  });
});

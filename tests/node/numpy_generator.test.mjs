// Tests of NumPy's Generator API (defaultRng) and RandomState.permutation/choice in the built JS
// package www/pkg/seedlab.js (run scripts/build.sh first). Expected values were printed by
// NumPy 2.4.6 (x86-64 Linux).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const { initSync, defaultRng, Generator, RandomState } = await import(
  new URL('seedlab.js', pkgUrl).href
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
      `${what}[${i}]: got ${actual[i]}, want ${expected[i]}`,
    );
  }
}

/**
 * Asserts f throws an Error with this Python exception name and message.
 * @param {() => unknown} f
 * @param {string} name
 * @param {string} message
 */
function assertPyError(f, name, message) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, `expected an Error object, got ${typeof e}: ${String(e)}`);
    assert.equal(e.name, name);
    assert.equal(e.message, message);
    return true;
  });
}

describe('defaultRng (numpy.random.default_rng)', () => {
  test('returns a Generator', () => {
    assert.ok(defaultRng(17) instanceof Generator);
  });

  test('random(3) with seed 17 matches np.random.default_rng(17).random(3)', () => {
    const got = defaultRng(17).random(3);
    assert.ok(got instanceof Float64Array, 'returns a Float64Array');
    assertSameValues(got, [0.8450747927979015, 0.16097309116910696, 0.5577445473656921], 'random');
  });

  test('standardNormal(3), normal, uniform with seed 17', () => {
    assertSameValues(
      defaultRng(17).standardNormal(3),
      [1.101262453505847, 0.3384312766461778, -0.5399715152535035],
      'standardNormal',
    );
    assertSameValues(
      defaultRng(17).normal(3, 2.5, 2),
      [5.753156133764618, 3.8460781916154447],
      'normal',
    );
    assertSameValues(
      defaultRng(17).uniform(-2, 5, 2),
      [3.915523549585311, -0.8731883618162513],
      'uniform',
    );
  });

  test('integers, permutation and choice with seed 17', () => {
    assertSameValues(defaultRng(17).integers(0, 100, 5), [74, 84, 10, 16, 45], 'integers');
    assertSameValues(defaultRng(12345).integers(10, undefined, 3), [6, 2, 7], 'integers(10)');
    assertSameValues(defaultRng(17).permutation(10), [4, 0, 1, 7, 8, 6, 2, 9, 5, 3], 'permutation');
    assertSameValues(defaultRng(17).choice(10, 3, false), [7, 1, 5], 'choice without replacement');
    assertSameValues(
      defaultRng(17).choice(100, 5),
      [74, 84, 10, 16, 45],
      'choice with replacement',
    );
  });

  test('integers uses buffered 32-bit halves across a random() call', () => {
    const rng = defaultRng(17);
    assertSameValues(rng.integers(0, 10, 1), [7], 'first');
    assertSameValues(rng.random(1), [0.16097309116910696], 'random');
    assertSameValues(rng.integers(0, 10, 1), [8], 'second');
  });

  test('BigInt and array seeds', () => {
    assertSameValues(
      defaultRng(2n ** 64n + 5n).random(2),
      [0.7426581154321283, 0.3910139257952745],
      '2**64 + 5',
    );
    assertSameValues(
      defaultRng([1, 2, 3]).random(2),
      [0.6704722626516632, 0.1110146366693816],
      '[1, 2, 3]',
    );
    assertSameValues(defaultRng(17n).random(3), defaultRng(17).random(3), '17n');
  });

  test('two unseeded generators differ', () => {
    assert.notDeepEqual(Array.from(defaultRng().random(4)), Array.from(defaultRng().random(4)));
  });

  test("bad seeds and arguments throw NumPy's errors", () => {
    assertPyError(() => defaultRng(-1), 'ValueError', 'expected non-negative integer');
    assertPyError(
      () => defaultRng(17.5),
      'TypeError',
      'SeedSequence expects int or sequence of ints for entropy not 17.5',
    );
    assertPyError(() => defaultRng([1.5]), 'TypeError', 'seed must be integer');
    assertPyError(() => defaultRng(17).uniform(1, 0, 3), 'ValueError', 'high - low < 0');
    assertPyError(
      () => defaultRng(17).random(2.5),
      'TypeError',
      "expected a sequence of integers or a single integer, got '2.5'",
    );
    assertPyError(() => defaultRng(17).integers(5, 5, 3), 'ValueError', 'low >= high');
    assertPyError(
      () => defaultRng(17).choice(5, 6, false),
      'ValueError',
      'Cannot take a larger sample than population when replace is False',
    );
    assertPyError(
      () => defaultRng(17).permutation(2.5),
      'AxisError',
      'axis 0 is out of bounds for array of dimension 0',
    );
  });
});

describe('RandomState.permutation and choice (legacy)', () => {
  test('seed 17', () => {
    assertSameValues(
      new RandomState(17).permutation(10),
      [7, 2, 5, 3, 4, 0, 9, 8, 6, 1],
      'permutation',
    );
    assertSameValues(
      new RandomState(17).choice(10, 3, false),
      [7, 2, 5],
      'choice without replacement',
    );
    assertSameValues(
      new RandomState(17).choice(100, 5),
      [15, 6, 22, 57, 45],
      'choice with replacement',
    );
  });

  test("errors in NumPy's legacy wording", () => {
    assertPyError(
      () => new RandomState(17).choice(5, 6, false),
      'ValueError',
      "Cannot take a larger sample than population when 'replace=False'",
    );
    assertPyError(
      () => new RandomState(17).choice(0, 3),
      'ValueError',
      'a must be greater than 0 unless no samples are taken',
    );
    assertPyError(
      () => new RandomState(17).permutation(2.5),
      'IndexError',
      'x must be an integer or at least 1-dimensional',
    );
  });
});

// Tests of the built JS package www/pkg/seedlab.js (run scripts/build.sh first).
// Expected values were produced by NumPy 2.4.6 and PyTorch 2.15.0 (CPU, x86-64 Linux).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const { initSync, RandomState, TorchGenerator } =
  /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
    await import(new URL('seedlab.js', pkgUrl).href)
  );
initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

/**
 * Asserts actual equals expected element by element with Object.is (bit-exact, -0 and NaN aware).
 * @param {ArrayLike<number | bigint>} actual
 * @param {ArrayLike<number | bigint>} expected
 * @param {string} what
 */
function assertSameValues(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const bad = [];
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      bad.push(`[${i}] got ${actual[i]}, want ${expected[i]}`);
  }
  assert.equal(
    bad.length,
    0,
    `${what}: ${bad.length} of ${expected.length} elements differ:\n  ${bad.join('\n  ')}`,
  );
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

describe('RandomState (numpy.random.RandomState)', () => {
  test('randn(5) with seed 17 matches np.random.seed(17); np.random.randn(5)', () => {
    const got = new RandomState(17).randn(5);
    assert.ok(got instanceof Float64Array, 'returns a Float64Array');
    assertSameValues(
      got,
      [
        0.27626589002131874, -1.854628078806505, 0.6239011113263563, 1.1453112895720903,
        1.0371904682278827,
      ],
      'randn',
    );
  });

  test('rand(3) with seed 17', () => {
    const got = new RandomState(17).rand(3);
    assert.ok(got instanceof Float64Array);
    assertSameValues(got, [0.2946650026871097, 0.5305867556052941, 0.19152078694749486], 'rand');
  });

  test('randint(0, 100, 5) with seed 17', () => {
    assertSameValues(new RandomState(17).randint(0, 100, 5), [15, 6, 22, 57, 45], 'randint');
  });

  test('a BigInt seed gives the same stream as a Number seed', () => {
    assertSameValues(new RandomState(17n).randn(5), new RandomState(17).randn(5), 'randn(17n)');
  });

  test('seed() reseeds in place', () => {
    const rs = new RandomState(17);
    const first = rs.randn(5);
    rs.seed(17);
    assertSameValues(rs.randn(5), first, 'after seed(17)');
  });

  test('two unseeded generators differ', () => {
    const a = new RandomState(undefined).randn(5);
    const b = new RandomState(undefined).randn(5);
    assert.notDeepEqual(Array.from(a), Array.from(b));
  });

  test('seed out of range: ValueError', () => {
    assertPyError(() => new RandomState(-1), 'ValueError', 'Seed must be between 0 and 2**32 - 1');
    assertPyError(
      () => new RandomState(2 ** 32),
      'ValueError',
      'Seed must be between 0 and 2**32 - 1',
    );
  });

  test('non-integer seed: TypeError', () => {
    assertPyError(
      () => new RandomState(17.5),
      'TypeError',
      "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
    );
  });

  test('empty seed array: ValueError', () => {
    assertPyError(() => new RandomState([]), 'ValueError', 'Seed must be non-empty');
  });

  test('negative size: ValueError', () => {
    assertPyError(
      () => new RandomState(17).randn(-1),
      'ValueError',
      'negative dimensions are not allowed',
    );
  });

  test('randint with low >= high: ValueError', () => {
    assertPyError(() => new RandomState(17).randint(5, 5, 3), 'ValueError', 'low >= high');
  });
});

describe('TorchGenerator (torch default CPU generator)', () => {
  test('randn(5) with seed 17 matches torch.manual_seed(17); torch.randn(5)', () => {
    const got = new TorchGenerator(17).randn(5);
    assert.ok(got instanceof Float32Array, 'returns a Float32Array');
    assertSameValues(
      got,
      Float32Array.from([
        -1.41351318359375, 0.23363074660301208, 0.03403318300843239, 0.3499172627925873,
        -0.014521554112434387,
      ]),
      'randn',
    );
  });

  test('rand(3) with seed 17', () => {
    const got = new TorchGenerator(17).rand(3);
    assert.ok(got instanceof Float32Array, 'returns a Float32Array');
    assertSameValues(
      got,
      Float32Array.from([0.43424123525619507, 0.5351095795631409, 0.8302087187767029]),
      'rand',
    );
  });

  test('randint(0, 100, 5) with seed 17', () => {
    assertSameValues(new TorchGenerator(17).randint(0, 100, 5), [59, 85, 51, 42, 10], 'randint');
  });

  test('manual_seed(-1) wraps to 2**64 - 1, as torch.initial_seed() reports', () => {
    assert.equal(new TorchGenerator(-1).initialSeed(), 18446744073709551615n);
  });

  test('a BigInt seed gives the same stream as a Number seed', () => {
    assertSameValues(
      new TorchGenerator(17n).randn(5),
      new TorchGenerator(17).randn(5),
      'randn(17n)',
    );
    assert.equal(new TorchGenerator(17n).initialSeed(), 17n);
  });

  test('seed 2**64 overflows: ValueError', () => {
    assertPyError(
      () => new TorchGenerator(2n ** 64n),
      'ValueError',
      'Overflow when unpacking long long',
    );
  });
});

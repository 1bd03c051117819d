// Tests of the built JS package www/pkg/seedlab.js (run scripts/build.sh first): the math
// functions (mathExp ... mathPow, their Float64Array variants), numpyTanh and numpyPower. Expected
// values are glibc 2.36's own outputs (x86-64, FMA variants), recorded through ctypes by
// tests/fixtures/generate.py in tests/fixtures/math/*.bin, and NumPy 2.4.6's (AVX2 dispatch) by
// tests/fixtures/generate_numpy_math.py.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const seedlab = /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
  await import(new URL('seedlab.js', pkgUrl).href)
);
seedlab.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

const fixtureDir = new URL('../fixtures/math/', import.meta.url);

/**
 * A fixture's columns: tuples of little-endian float64 bit patterns, split into arrays.
 * @param {string} name
 * @param {number} width values per tuple (2: input, output; 3: x, y, pow(x, y))
 */
function columns(name, width) {
  const bytes = fs.readFileSync(new URL(`${name}.bin`, fixtureDir));
  const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  const n = all.length / width;
  return Array.from({ length: width }, (_, c) =>
    Float64Array.from({ length: n }, (_, i) => all[i * width + c]),
  );
}

/** Same bits, or both NaN (glibc's NaN payloads are not part of the contract).
 * @param {number} a
 * @param {number} b
 */
const same = (a, b) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

/**
 * How many of actual match expected; the first few differences.
 * @param {ArrayLike<number>} actual
 * @param {ArrayLike<number>} expected
 */
function tally(actual, expected) {
  assert.equal(actual.length, expected.length, 'length');
  let identical = 0;
  const examples = [];
  for (let i = 0; i < expected.length; i++) {
    if (same(actual[i], expected[i])) identical++;
    else if (examples.length < 5) examples.push(`[${i}] got ${actual[i]}, want ${expected[i]}`);
  }
  return { identical, examples };
}

/** @type {[string, (x: number) => number, (xs: Float64Array) => Float64Array, number][]} */
const unary = [
  ['exp', seedlab.mathExp, seedlab.mathExpArray, 1],
  ['log', seedlab.mathLog, seedlab.mathLogArray, 1],
  ['log1p', seedlab.mathLog1p, seedlab.mathLog1pArray, 1],
  ['sin', seedlab.mathSin, seedlab.mathSinArray, 0.9985],
  ['cos', seedlab.mathCos, seedlab.mathCosArray, 0.9985],
  ['log2', seedlab.mathLog2, seedlab.mathLog2Array, 1],
  ['log10', seedlab.mathLog10, seedlab.mathLog10Array, 1],
  ['exp2', seedlab.mathExp2, seedlab.mathExp2Array, 1],
  ['expm1', seedlab.mathExpm1, seedlab.mathExpm1Array, 1],
  ['tanh', seedlab.mathTanh, seedlab.mathTanhArray, 1],
  ['erf', seedlab.mathErf, seedlab.mathErfArray, 1],
  ['erfc', seedlab.mathErfc, seedlab.mathErfcArray, 1],
];

describe('math functions against glibc (tests/fixtures/math)', () => {
  for (const [name, scalar, array, share] of unary) {
    test(`${name}: the Float64Array variant and the scalar one give glibc's bits`, () => {
      const [xs, want] = columns(name, 2);
      assert.ok(xs.length >= 90_000, `${name}: only ${xs.length} inputs`);
      const got = array(xs);
      assert.ok(got instanceof Float64Array);
      const bulk = tally(got, want);
      console.log(`${name}: ${bulk.identical} of ${xs.length} bit-identical to glibc`);
      // sin and cos are correctly rounded ports; glibc's misround about 0.13 %.
      assert.ok(bulk.identical >= share * xs.length, `${name}: ${bulk.examples.join('; ')}`);
      const n = 20_000;
      const one = tally(
        Float64Array.from(xs.subarray(0, n), (x) => scalar(x)),
        got.subarray(0, n),
      );
      assert.equal(one.identical, n, `${name} scalar vs array: ${one.examples.join('; ')}`);
    });
  }

  test('pow: mathPowArray with an exponent array, and mathPow, give glibc bits', () => {
    const [xs, ys, want] = columns('pow', 3);
    assert.ok(xs.length >= 200_000);
    const bulk = tally(seedlab.mathPowArray(xs, ys), want);
    console.log(`pow: ${bulk.identical} of ${xs.length} bit-identical to glibc`);
    assert.equal(bulk.identical, xs.length, bulk.examples.join('; '));
    const one = tally(
      Float64Array.from(xs, (x, i) => seedlab.mathPow(x, ys[i])),
      want,
    );
    assert.equal(one.identical, xs.length, one.examples.join('; '));
  });

  test('mathPowArray with one Number exponent is pow of each element', () => {
    const xs = Float64Array.of(2, 0, -0, -8, 10, Number.NaN, 1);
    const got = seedlab.mathPowArray(xs, 3);
    const want = [8, 0, -0, -512, 1000, Number.NaN, 1];
    assert.equal(tally(got, want).identical, want.length, String(Array.from(got)));
    assert.ok(Object.is(seedlab.mathPow(-0, 3), -0));
    assert.equal(seedlab.mathPow(Number.NaN, 0), 1);
    assert.equal(seedlab.mathPow(0, -1), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(seedlab.mathPow(-8, 1 / 3)));
  });

  test('mathPowArray names a wrong exponent type or length', () => {
    assert.throws(() => seedlab.mathPowArray(Float64Array.of(1, 2), /** @type {any} */ ('2')), {
      name: 'TypeError',
      message: 'mathPowArray: the exponents must be a Number or a Float64Array, got a string',
    });
    assert.throws(() => seedlab.mathPowArray(Float64Array.of(1, 2), Float64Array.of(1, 2, 3)), {
      name: 'ValueError',
      message: 'mathPowArray: 2 bases but 3 exponents; give as many, or one Number',
    });
  });
});

describe('numpyTanh and numpyPower against NumPy 2.4.6 (AVX2 dispatch, generate_numpy_math.py)', () => {
  test("numpyTanh gives np.tanh's bits, not glibc's tanh", () => {
    const [xs, want] = columns('numpy_tanh', 2);
    assert.ok(xs.length >= 200_000);
    const got = tally(seedlab.numpyTanh(xs), want);
    console.log(`np.tanh: ${got.identical} of ${xs.length} bit-identical to NumPy`);
    assert.equal(got.identical, xs.length, got.examples.join('; '));
    const glibc = tally(seedlab.mathTanhArray(xs), want);
    assert.ok(glibc.identical < 0.9 * xs.length, `mathTanh matched NumPy ${glibc.identical} times`);
  });

  test('numpyPower gives np.power(xs, y) for every recorded scalar exponent', () => {
    const [xs, ys, want] = columns('numpy_power', 3);
    const got = new Float64Array(xs.length);
    for (let start = 0; start < xs.length; ) {
      let end = start;
      while (end < xs.length && Object.is(ys[end], ys[start])) end++;
      got.set(seedlab.numpyPower(xs.subarray(start, end), ys[start]), start);
      start = end;
    }
    const t = tally(got, want);
    console.log(`np.power: ${t.identical} of ${xs.length} bit-identical to NumPy`);
    assert.equal(t.identical, xs.length, t.examples.join('; '));
  });

  // Values printed by numpy 2.4.6 (NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR", i.e.
  // its AVX2 dispatch) where its shortcuts and glibc's pow differ.
  test('exponent 2 is x*x and 0.5 is sqrt, not pow', () => {
    const x2 = 2.710017715327128;
    assert.equal(seedlab.numpyPower(Float64Array.of(x2), 2)[0], 7.3441960173868654);
    assert.equal(seedlab.mathPow(x2, 2), 7.344196017386866);
    const xh = 0.47169802954657003;
    assert.equal(seedlab.numpyPower(Float64Array.of(xh), 0.5)[0], 0.6868027588373318);
    assert.equal(seedlab.mathPow(xh, 0.5), 0.6868027588373317);
    const [neg0, negInf] = seedlab.numpyPower(Float64Array.of(-0, Number.NEGATIVE_INFINITY), 0.5);
    assert.ok(Object.is(neg0, -0) && Number.isNaN(negInf));
  });

  test('other exponents are glibc pow', () => {
    const [xs, ys, want] = columns('pow', 3);
    const n = 5_000;
    const xsub = xs.subarray(40_000, 40_000 + n);
    const got = seedlab.numpyPower(xsub, 3);
    assert.equal(tally(got, seedlab.mathPowArray(xsub, 3)).identical, n);
    assert.equal(tally(seedlab.mathPowArray(xs, ys), want).identical, xs.length);
  });
});

// Tests of the built JS package www/pkg/seedlab.js (run scripts/build.sh first): jaxKey, jaxSplit,
// jaxUniform, jaxNormal and RustRng. Expected values were printed by jax/jaxlib 0.10.2 (CPU) and
// by a Rust program with rand 0.10.4, rand_pcg 0.10.3 and rand_distr 0.6.0 (x86-64 Linux).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const { initSync, jaxKey, jaxSplit, jaxUniform, jaxNormal, RustRng } = await import(
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

/**
 * float32 values from the fixtures' hex bit patterns.
 * @param {string[]} bitsHex
 */
function fixtureValues(bitsHex) {
  return Float32Array.from(
    bitsHex.map((h) => new Float32Array(Uint32Array.of(parseInt(h, 16)).buffer)[0]),
  );
}

describe('JAX (jax.random, threefry2x32, CPU)', () => {
  test('jaxKey(17) is PRNGKey(17) = [0, 17], a Uint32Array', () => {
    const key = jaxKey(17);
    assert.ok(key instanceof Uint32Array);
    assertSameValues(key, [0, 17], 'key');
    assertSameValues(jaxKey(17n), [0, 17], 'key(17n)');
    assertSameValues(jaxKey(-1), [0, 4294967295], 'key(-1): int32 wrap in 32-bit mode');
    assertSameValues(jaxKey(2n ** 32n + 5n), [0, 5], 'key(2**32 + 5)');
  });

  test('jaxSplit(key) = jax.random.split(key) (num defaults to 2)', () => {
    const keys = jaxSplit(jaxKey(17));
    assert.ok(keys instanceof Uint32Array);
    assertSameValues(keys, [1410583977, 344060510, 677216225, 3396477011], 'split');
    assertSameValues(jaxSplit(jaxKey(17), 2), keys, 'split(key, 2)');
    assert.equal(jaxSplit(jaxKey(17), 10).length, 20);
  });

  test('jaxNormal(key, 5) = jax.random.normal(PRNGKey(17), (5,))', () => {
    const got = jaxNormal(jaxKey(17), 5);
    assert.ok(got instanceof Float32Array);
    assertSameValues(
      got,
      Float32Array.from([
        -0.6674840450286865, 1.1928467750549316, 0.7245218753814697, -0.3257403075695038,
        0.6412950754165649,
      ]),
      'normal',
    );
    assertSameValues(jaxNormal([0, 17], 5), got, 'key as a plain Array');
  });

  test('jaxUniform and jaxNormal match the recorded fixtures', () => {
    const fixture = JSON.parse(
      fs.readFileSync(new URL('../fixtures/jax.json', import.meta.url), 'utf8'),
    );
    let compared = 0;
    for (const draw of fixture.draws) {
      if (draw.function === 'bits') continue;
      const f = draw.function === 'uniform' ? jaxUniform : jaxNormal;
      const got = f(Uint32Array.from(draw.key), draw.n);
      assertSameValues(got, fixtureValues(draw.f32), `${draw.function}(${draw.key}, ${draw.n})`);
      compared += draw.n;
    }
    assert.ok(compared > 100000, `${compared} values compared`);
  });

  test('seed outside int64: OverflowError, as JAX raises it', () => {
    assertPyError(
      () => jaxKey(2n ** 63n),
      'OverflowError',
      'Python int too large to convert to C long',
    );
  });

  test("a key that is not two words: TypeError with JAX's message", () => {
    assertPyError(
      () => jaxNormal(Uint32Array.of(1, 2, 3), 3),
      'TypeError',
      'JAX encountered invalid PRNG key data: expected key_data.shape to end with (2,); got shape=(3,)',
    );
  });
});

describe('RustRng (rand_pcg::Pcg64::seed_from_u64 with rand / rand_distr)', () => {
  const fixture = JSON.parse(
    fs.readFileSync(new URL('../fixtures/rust_rng.json', import.meta.url), 'utf8'),
  );
  const f64 = (/** @type {string} */ h) =>
    new Float64Array(BigUint64Array.of(BigInt(`0x${h}`)).buffer)[0];

  test('random, standardNormal and uniform replay the recorded streams', () => {
    let compared = 0;
    for (const c of fixture.cases) {
      const rng = new RustRng(BigInt(c.seed));
      for (const op of c.ops) {
        let got;
        if (op.op === 'random') got = rng.random(op.n);
        else if (op.op === 'standard_normal') got = rng.standardNormal(op.n);
        else got = rng.uniform(f64(op.low), f64(op.high), op.n);
        assert.ok(got instanceof Float64Array);
        assertSameValues(got, op.f64.map(f64), `${c.name}: ${op.op}(${op.n})`);
        compared += op.n;
      }
    }
    assert.ok(compared > 40000, `${compared} values compared`);
  });

  test('a Number seed and a BigInt seed give the same stream', () => {
    assertSameValues(new RustRng(17).random(5), new RustRng(17n).random(5), 'random');
  });

  test('seeds must fit a u64', () => {
    assertPyError(() => new RustRng(-1), 'ValueError', 'seed must be a u64, in [0, 2**64); got -1');
    assertPyError(
      () => new RustRng(2n ** 64n),
      'ValueError',
      'seed must be a u64, in [0, 2**64); got 18446744073709551616',
    );
  });

  test("uniform with low >= high: rand's error", () => {
    assertPyError(
      () => new RustRng(1).uniform(1, 1, 3),
      'ValueError',
      'low > high (or equal if exclusive) in uniform distribution',
    );
  });
});

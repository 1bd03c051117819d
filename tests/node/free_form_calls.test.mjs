// The calls free-form Python code needs, in the built JS package www/pkg/seedlab.js (run
// scripts/build.sh first): NumPy's integer dtypes, choice with p, states and extra
// distributions; CPython's big ints, choices, sample, distributions and states. Expected values
// were printed by NumPy 2.4.6 and CPython 3.11.7 (x86-64 Linux).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const { initSync, defaultRng, RandomState, PyRandom } = await import(
  new URL('seedlab.js', pkgUrl).href
);
initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

/**
 * Asserts actual equals expected element by element with Object.is (bit-exact).
 * @param {ArrayLike<unknown>} actual
 * @param {ArrayLike<unknown>} expected
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
    assert.equal(`${e.name}: ${e.message}`, `${name}: ${message}`);
    return true;
  });
}

describe('RandomState: dtypes, choice with p, states, distributions', () => {
  test("randintTyped returns the dtype's typed array with NumPy's values", () => {
    const bytes = new RandomState(17).randintTyped(0, 256, 5, 'uint8');
    assert.ok(bytes instanceof Uint8Array);
    assertSameValues(bytes, [111, 42, 111, 75, 241], 'uint8');
    const wide = new RandomState(17).randintTyped(-(2n ** 63n), 2n ** 63n, 2);
    assert.ok(wide instanceof BigInt64Array);
    assertSameValues(wide, [-3787762104584831759n, 564226004715812230n], 'int64');
    const unsigned = new RandomState(17).randintTyped(0, 2n ** 64n, 2, 'uint64');
    assert.ok(unsigned instanceof BigUint64Array);
    assertSameValues(unsigned, [5435609932269944049n, 9787598041570588038n], 'uint64');
    assertPyError(
      () => new RandomState(17).randintTyped(0, 10, 3, 'float64'),
      'TypeError',
      "Unsupported dtype dtype('float64') for randint",
    );
  });

  test('choice with p, with and without replacement', () => {
    const p = [0.1, 0.2, 0.3, 0.2, 0.2];
    assertSameValues(new RandomState(17).choice(5, 4, true, p), [1, 2, 1, 0], 'choice(5, 4, p=p)');
    assertSameValues(
      new RandomState(17).choice(5, 3, false, new Float64Array(p)),
      [1, 2, 0],
      'choice(5, 3, replace=False, p=p)',
    );
    assertSameValues(
      new RandomState(17).choiceIndices(5, 4, true, p),
      [1, 2, 1, 0],
      'choiceIndices',
    );
    assertPyError(
      () => new RandomState(17).choice(3, 2, true, [0.5, 0.6, 0.1]),
      'ValueError',
      'probabilities do not sum to 1',
    );
  });

  test('getState and setState round-trip the stream and the cached gaussian', () => {
    const a = new RandomState(17);
    a.randn(1);
    const state = a.getState();
    assert.ok(state.key instanceof Uint32Array);
    assert.equal(state.key.length, 624);
    assert.deepEqual([state.pos, state.hasGauss, state.cachedGaussian], [4, 1, -1.854628078806505]);
    const expected = a.randn(5);
    const b = new RandomState(1);
    b.setState('MT19937', state.key, state.pos, state.hasGauss, state.cachedGaussian);
    assertSameValues(b.randn(5), expected, 'randn after setState');
    assertPyError(
      () => b.setState('MT19936', state.key, 5),
      'ValueError',
      'set_state can only be used with legacy MT19937 state instances.',
    );
    assertPyError(
      () => b.setState('MT19937', state.key.subarray(0, 600), 5),
      'IndexError',
      'index 600 is out of bounds for axis 0 with size 600',
    );
  });

  test('exponential, poisson, binomial, geometric and shuffle', () => {
    assertSameValues(
      new RandomState(17).exponential(2, 3),
      [0.6981648310711621, 1.5125435607603372, 0.42520062161138816],
      'exponential',
    );
    assertSameValues(new RandomState(17).poisson(3, 5), [2n, 2n, 2n, 2n, 2n], 'poisson');
    assertSameValues(
      new RandomState(17).binomial(100, 0.3, 5),
      [27n, 30n, 26n, 23n, 34n],
      'binomial',
    );
    assertSameValues(new RandomState(17).geometric(0.2, 5), [2n, 4n, 1n, 1n, 7n], 'geometric');
    const rows = ['a', 'b', 'c', 'd', 'e'];
    new RandomState(17).shuffle(rows);
    const order = new RandomState(17).permutation(5);
    assert.deepEqual(
      rows,
      Array.from(order, (i) => 'abcde'[i]),
    );
  });
});

describe('Generator: dtypes, float32, exponential, choice', () => {
  test('integersTyped with endpoint, float32 uniforms and normals', () => {
    const small = defaultRng(17).integersTyped(0, 10, 5, 'int16', true);
    assert.ok(small instanceof Int16Array);
    assertSameValues(small, [8, 8, 9, 9, 7], 'integers(0, 10, 5, int16, endpoint=True)');
    const floats = defaultRng(17).randomFloat32(3);
    assert.ok(floats instanceof Float32Array);
    assertSameValues(
      floats,
      [0.7409636974334717, 0.8450747728347778, 0.10734081268310547],
      'random float32',
    );
    assertSameValues(
      defaultRng(17).standardNormalFloat32(3),
      [1.0728336572647095, 1.0527836084365845, 0.12623146176338196],
      'standard_normal float32',
    );
    assertPyError(
      () => defaultRng(17).integersTyped(0, 300, 3, 'uint8'),
      'ValueError',
      'high is out of bounds for uint8',
    );
  });

  test('exponential, choice with p and shuffle=false, the PCG64 state', () => {
    assertSameValues(
      defaultRng(17).exponential(1, 3),
      [1.5654448696305245, 0.04386728985080878, 0.3900656104674699],
      'exponential',
    );
    assertSameValues(
      defaultRng(17).choice(5, 4, true, [0.1, 0.2, 0.3, 0.2, 0.2]),
      [4, 1, 2, 2],
      'choice p',
    );
    assertSameValues(
      defaultRng(17).choice(10, 4, false, null, false),
      [5, 6, 0, 1],
      'choice shuffle=False',
    );
    const state = defaultRng(17).bitGeneratorState();
    assert.equal(state.state, 191425278619858320667688084520535371943n);
    assert.equal(state.hasUint32, 0);
  });
});

describe('PyRandom: big ints, choices, sample, distributions, states', () => {
  test('getrandbits, randbelow and randrange return BigInts', () => {
    assert.equal(new PyRandom(17).getrandbits(100), 380825277873904682254355971265n);
    assert.equal(new PyRandom(17).randrange(10n ** 30n), 380825277873904682254355971265n);
    const r = new PyRandom(17);
    assert.deepEqual(
      Array.from({ length: 5 }, () => r.randrange(0, 100, 7)),
      [56n, 42n, 84n, 28n, 35n],
    );
    assertPyError(
      () => new PyRandom(17).randrange(5, 3),
      'ValueError',
      'empty range for randrange() (5, 3, -2)',
    );
    assertPyError(
      () => new PyRandom(17).randrange(2.5),
      'ValueError',
      'non-integer arg 1 for randrange()',
    );
  });

  test("choices and sample give CPython's indices", () => {
    assertSameValues(new PyRandom(17).choices(10, 5), [5, 8, 9, 2, 7], 'choices(range(10), k=5)');
    assertSameValues(new PyRandom(17).choices(3, 5, [1, 2, 3]), [2, 2, 2, 1, 2], 'choices weights');
    const picked = new PyRandom(17).sample(100, 5);
    assert.ok(picked instanceof BigInt64Array);
    assertSameValues(picked, [66n, 53n, 38n, 46n, 37n], 'sample(range(100), 5)');
  });

  test('uniform, triangular, normalvariate, expovariate, lognormvariate in one stream', () => {
    const r = new PyRandom(17);
    const got = [
      r.uniform(1, 2, 1)[0],
      r.triangular(0, 10, 3, 1)[0],
      r.normalvariate(0, 1, 1)[0],
      r.expovariate(2, 1)[0],
      r.lognormvariate(0, 1, 1)[0],
    ];
    assertSameValues(
      got,
      [
        1.5219839097124932, 6.321461485631493, 1.11207741454814, 0.7264467024741391,
        2.8140781792709926,
      ],
      'variates',
    );
    assertPyError(
      () => new PyRandom(17).expovariate(0, 1),
      'ZeroDivisionError',
      'float division by zero',
    );
  });

  test('getstate / setstate and version-1 seeding', () => {
    const a = new PyRandom(17);
    a.gauss(0, 1, 1);
    const { internalState, gaussNext } = a.getstate();
    assert.equal(internalState.length, 625);
    const expected = a.gauss(0, 1, 3);
    const b = new PyRandom(3);
    b.setstate(3, internalState, gaussNext);
    assertSameValues(b.gauss(0, 1, 3), expected, 'gauss after setstate');
    assertPyError(
      () => b.setstate(4, internalState, null),
      'ValueError',
      'state with version 4 passed to Random.setstate() of version 3',
    );
    const v1 = new PyRandom();
    v1.seed('abc', 1);
    assertSameValues(v1.random(1), [0.09639374978773074], 'seed("abc", version=1)');
  });
});

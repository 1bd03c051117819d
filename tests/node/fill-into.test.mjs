// The *Into methods of the built JS package (run scripts/build.sh first): filling a caller's
// typed array gives exactly the values, and leaves the generator exactly where, the allocating
// call of the same length would, across the chunks they are drawn in (4096 values), torch's
// two randn paths and its partial last block, and NumPy's cached gaussian.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const { initSync, RandomState, TorchGenerator, defaultRng } =
  /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
    await import(new URL('seedlab.js', pkgUrl).href)
  );
initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

const SIZES = [0, 1, 5, 15, 16, 17, 31, 4095, 4096, 4097, 10_007];

/**
 * For each size: `into(out)` on one generator and `draw(n)` on a twin give the same bits, and
 * the next allocating draw from each agrees too (same state afterwards).
 * @param {() => any} make a generator, seeded
 * @param {string} method the allocating method, e.g. 'randn'
 * @param {Float64ArrayConstructor | Float32ArrayConstructor} ArrayType
 */
function checkInto(make, method, ArrayType) {
  const [viaInto, viaCall] = [make(), make()];
  let compared = 0;
  for (const n of SIZES) {
    const out = new ArrayType(n);
    viaInto[`${method}Into`](out);
    const want = viaCall[method](n);
    assert.deepEqual(
      Array.from(out, (x) => (Object.is(x, -0) ? '-0' : x)),
      Array.from(want, (x) => (Object.is(x, -0) ? '-0' : x)),
      `${method}Into(${n})`,
    );
    compared += n;
  }
  assert.deepEqual(Array.from(viaInto[method](7)), Array.from(viaCall[method](7)), 'state after');
  return compared;
}

test('RandomState.randInto and randnInto are rand and randn', () => {
  checkInto(() => new RandomState(17), 'rand', Float64Array);
  checkInto(() => new RandomState(17), 'randn', Float64Array);
  // An odd count leaves the second value of a pair cached; the next fill starts with it.
  const [a, b] = [new RandomState(3), new RandomState(3)];
  const out = new Float64Array(3);
  a.randnInto(out);
  assert.deepEqual(Array.from(out), Array.from(b.randn(3)));
  a.randnInto(out);
  assert.deepEqual(Array.from(out), Array.from(b.randn(3)));
});

test('Generator.randomInto and standardNormalInto are random and standardNormal', () => {
  checkInto(() => defaultRng(17), 'random', Float64Array);
  checkInto(() => defaultRng(17), 'standardNormal', Float64Array);
});

test('TorchGenerator.randInto and randnInto are rand and randn, both randn paths', () => {
  checkInto(() => new TorchGenerator(17), 'rand', Float32Array);
  checkInto(() => new TorchGenerator(17), 'randn', Float32Array);
});

// What np.random does with a sequence once the generator has drawn the indices: choice's
// elements (a[i], rows of an N-d a), shuffle's in-place reordering of a list or of an array along
// an axis, permutation's shuffled copy. The draws themselves (which indices, in which order) are
// seedlab's, bit for bit; both shuffles make the swaps of permutation(len(x)).

import { PyError, typeError } from '../../../errors.js';
import { PyList, PySlice, PyTuple } from '../../../objects.js';
import { typeName } from '../../../ops.js';
import { asArray } from '../convert.js';
import { INT64 } from '../dtype.js';
import { NDArray } from '../ndarray.js';

/** @typedef {import('../../../objects.js').Value} Value */

/** An index array (int64) over a shape, from a generator's indices. @param {ArrayLike<number>} idx @param {number[]} shape */
export function indexArray(idx, shape) {
  return NDArray.fromBuffer(
    BigInt64Array.from(idx, (i) => BigInt(i)),
    shape,
    INT64,
  );
}

/**
 * The order `shuffle` / `permutation` leave n items in: `order[k]` is the old position of the
 * item that ends at k (the generator shuffles [0, n) with the swaps it would make on x).
 * @param {{ shuffle(array: unknown[] | Float64Array): void }} rng @param {number} n
 */
export function shuffledOrder(rng, n) {
  const order = Float64Array.from({ length: n }, (_, i) => i);
  rng.shuffle(order);
  return order;
}

/**
 * Shuffles x in place (a list, or an array along `axis`) with the generator's swaps.
 * @param {{ shuffle(array: unknown[] | Float64Array): void }} rng @param {Value} x
 * @param {number} axis @param {string} fname
 */
export function shuffleInPlace(rng, x, axis, fname) {
  if (x instanceof PyList) {
    const order = shuffledOrder(rng, x.items.length);
    const old = [...x.items];
    for (let k = 0; k < order.length; k++) x.items[k] = old[order[k]];
    return null;
  }
  if (x instanceof NDArray) {
    if (x.ndim === 0) throw typeError('object of type numpy.int64 has no len()');
    const ax = normaliseAxis(axis, x.ndim);
    const order = shuffledOrder(rng, x.shape[ax]);
    const key = axisKey(ax, indexArray(order, [order.length]));
    x.setitem(axisKey(ax, new PySlice(null, null, null)), x.getitem(key));
    return null;
  }
  if (x instanceof PyTuple) {
    throw typeError("'tuple' object does not support item assignment");
  }
  void fname;
  throw typeError(`object of type '${typeName(x)}' has no len()`);
}

/** @param {number} axis @param {number} ndim */
function normaliseAxis(axis, ndim) {
  const a = axis < 0 ? axis + ndim : axis;
  if (a < 0 || a >= ndim) {
    throw new PyError('AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return a;
}

/** x[:, :, key] with the key at `axis`. @param {number} axis @param {Value} key */
function axisKey(axis, key) {
  const items = [];
  for (let i = 0; i < axis; i++) items.push(new PySlice(null, null, null));
  items.push(key);
  return new PyTuple(items);
}

/**
 * A shuffled copy of an array along `axis`.
 * @param {{ shuffle(array: unknown[] | Float64Array): void }} rng @param {NDArray} arr
 * @param {number} axis
 */
export function permutedCopy(rng, arr, axis) {
  const ax = normaliseAxis(axis, arr.ndim);
  const order = shuffledOrder(rng, arr.shape[ax]);
  return arr.getitem(axisKey(ax, indexArray(order, [order.length])));
}

/**
 * The elements choice picked: a[idx] (along axis), shaped as size then a's other axes.
 * @param {NDArray} arr @param {ArrayLike<number>} idx @param {number[] | null} shape  null: one
 * @param {number} axis
 */
export function takeChosen(arr, idx, shape, axis = 0) {
  if (shape === null) {
    return arr.getitem(axisKey(axis, BigInt(idx[0])));
  }
  return arr.getitem(axisKey(axis, indexArray(idx, shape)));
}

/** `a` of choice as an array, when it is not an int. @param {Value} a */
export function populationArray(a) {
  return asArray(a);
}

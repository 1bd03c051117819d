// np.sort, np.argsort and np.unique. Sorted values do not depend on the algorithm (NaN sorts
// last), except where equal keys are distinguishable: the order of +0.0 and -0.0, and the
// indices argsort gives to equal values, depend on NumPy's default (unstable, SIMD) quicksort
// — those cases are refused unless a stable sort was asked for (kind='stable' or
// 'mergesort', stable=True), whose result is unique.

import { PyError, Unsupported } from '../../errors.js';
import { PyTuple } from '../../objects.js';
import { truthy } from '../../ops.js';
import { chargeWork } from './budget.js';
import { INT64 } from './dtype.js';
import { NDArray } from './ndarray.js';
import { normalizeAxis } from './reduce.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtype.js').DType} DType */

/** Whether kind/stable ask for a stable sort. @param {Value | undefined} kind @param {Value | undefined} stable */
function isStable(kind, stable) {
  if (stable !== undefined && stable !== null && truthy(stable)) return true;
  if (kind === undefined || kind === null) return false;
  if (
    typeof kind !== 'string' ||
    !['quicksort', 'mergesort', 'heapsort', 'stable'].includes(kind.toLowerCase())
  ) {
    throw new PyError(
      'ValueError',
      `sort kind must be one of 'quick', 'heap', or 'stable' (got ${typeof kind === 'string' ? `'${kind}'` : String(kind)})`,
    );
  }
  return kind === 'mergesort' || kind === 'stable';
}

/** NumPy's sort order: NaN last. @param {any} x @param {any} y */
function less(x, y) {
  if (typeof x === 'number') {
    if (Number.isNaN(y)) return !Number.isNaN(x);
    return x < y;
  }
  return x < y;
}

/** @param {any} x @param {any} y */
function same(x, y) {
  if (typeof x === 'number' && Number.isNaN(x)) return Number.isNaN(y);
  return x === y;
}

/**
 * Sorted indices of values[start + i*step], i < n, stably; with `strict`, refuses ties that
 * NumPy's unstable sort could order either way.
 * @param {ArrayLike<any>} values @param {number} start @param {number} n @param {boolean} strictIndices
 * @param {boolean} strictZeros
 */
function sortedIndices(values, start, n, strictIndices, strictZeros) {
  chargeWork(n * Math.max(1, Math.ceil(Math.log2(n + 1))));
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((i, j) => {
    const x = values[start + i];
    const y = values[start + j];
    if (less(x, y)) return -1;
    if (less(y, x)) return 1;
    return i - j;
  });
  for (let k = 1; k < n; k++) {
    const x = values[start + idx[k - 1]];
    const y = values[start + idx[k]];
    if (!same(x, y) && !(x === 0 && y === 0)) continue;
    if (strictIndices) {
      throw new Unsupported(
        'np.argsort of an array with equal values (NumPy\'s default quicksort orders their indices in its own way; pass kind="stable")',
      );
    }
    if (strictZeros && x === 0 && Object.is(x, -0) !== Object.is(y, -0)) {
      throw new Unsupported(
        'sorting an array that holds both 0.0 and -0.0 (NumPy\'s default quicksort orders them in its own way; pass kind="stable")',
      );
    }
  }
  return idx;
}

/**
 * The array with `axis` moved last, as a C-ordered buffer; and how to put it back.
 * @param {NDArray} a @param {number} axis
 */
function moveAxisLast(a, axis) {
  const perm = [...a.shape.keys()].filter((i) => i !== axis).concat([axis]);
  const moved = new NDArray(a.dtype, a.s.transpose(perm));
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return { values: moved.values(), movedShape: perm.map((i) => a.shape[i]), inverse };
}

/**
 * np.sort(a, axis, kind)
 * @param {NDArray} a @param {Value} axis @param {Value | undefined} kind @param {Value | undefined} [stable]
 */
export function sortArray(a, axis, kind, stable) {
  const stableSort = isStable(kind, stable);
  let arr = a;
  if (axis === null) arr = NDArray.fromBuffer(a.copy('C').s.data, [a.size], a.dtype);
  if (arr.ndim === 0)
    throw new PyError(
      'numpy.exceptions.AxisError',
      'axis -1 is out of bounds for array of dimension 0',
    );
  const ax = normalizeAxis(axis === null ? -1n : axis, arr.ndim);
  const { values, movedShape, inverse } = moveAxisLast(arr, ax);
  const n = movedShape[movedShape.length - 1];
  const out = arr.dtype.make(values.length);
  for (let start = 0; start < values.length; start += n) {
    const idx = sortedIndices(values, start, n, false, !stableSort && arr.dtype.isFloat);
    for (let k = 0; k < n; k++) out[start + k] = values[start + idx[k]];
  }
  const sorted = NDArray.fromBuffer(out, movedShape, arr.dtype);
  const back = new NDArray(arr.dtype, sorted.s.transpose(inverse));
  return axis === null ? back.copy('C') : copyInLayout(back, arr);
}

/** A copy of `values` (an array) laid out as `like` is. @param {NDArray} values @param {NDArray} like */
function copyInLayout(values, like) {
  return NDArray.fromValues(values.dtype, [...values.shape], values.values(), like.axisOrder());
}

/**
 * np.argsort(a, axis, kind)
 * @param {NDArray} a @param {Value} axis @param {Value | undefined} kind @param {Value | undefined} [stable]
 */
export function argsortArray(a, axis, kind, stable) {
  const stableSort = isStable(kind, stable);
  let arr = a;
  if (axis === null) arr = NDArray.fromBuffer(a.copy('C').s.data, [a.size], a.dtype);
  if (arr.ndim === 0) return NDArray.fromBuffer(new BigInt64Array(1), [], INT64);
  const ax = normalizeAxis(axis === null ? -1n : axis, arr.ndim);
  const { values, movedShape, inverse } = moveAxisLast(arr, ax);
  const n = movedShape[movedShape.length - 1];
  const out = new BigInt64Array(values.length);
  for (let start = 0; start < values.length; start += n) {
    const idx = sortedIndices(values, start, n, !stableSort, false);
    for (let k = 0; k < n; k++) out[start + k] = BigInt(idx[k]);
  }
  const sorted = NDArray.fromBuffer(out, movedShape, INT64);
  return new NDArray(INT64, sorted.s.transpose(inverse)).copy('C');
}

/**
 * np.unique(ar, return_index, return_inverse, return_counts, equal_nan)
 * @param {NDArray} a @param {{ index: boolean, inverse: boolean, counts: boolean, equalNan: boolean }} options
 */
export function unique(a, options) {
  const values = a.copy('C').values();
  const n = values.length;
  const stable = options.index || options.inverse;
  const idx = sortedIndices(values, 0, n, false, !stable && a.dtype.isFloat);
  /** @type {any[]} */
  const uniq = [];
  const first = [];
  const counts = [];
  const inverse = new BigInt64Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[idx[k]];
    const prev = uniq.length ? uniq[uniq.length - 1] : undefined;
    const isNan = typeof v === 'number' && Number.isNaN(v);
    const dup = uniq.length > 0 && (isNan ? options.equalNan && Number.isNaN(prev) : v === prev);
    if (!dup) {
      uniq.push(v);
      first.push(idx[k]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[idx[k]] = BigInt(uniq.length - 1);
  }
  const data = a.dtype.make(uniq.length);
  uniq.forEach((v, i) => {
    data[i] = v;
  });
  const result = NDArray.fromBuffer(data, [uniq.length], a.dtype);
  if (!options.index && !options.inverse && !options.counts) return result;
  const parts = [result];
  if (options.index)
    parts.push(NDArray.fromBuffer(BigInt64Array.from(first.map(BigInt)), [first.length], INT64));
  if (options.inverse)
    parts.push(NDArray.fromBuffer(inverse, a.ndim === 0 ? [1] : [...a.shape], INT64));
  if (options.counts)
    parts.push(NDArray.fromBuffer(BigInt64Array.from(counts.map(BigInt)), [counts.length], INT64));
  return new PyTuple(parts);
}

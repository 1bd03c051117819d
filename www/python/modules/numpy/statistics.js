// np.sum, np.mean, np.var, np.std, np.round as NumPy's _methods.py and PyArray_Round compute
// them, step for step, so that every intermediate rounds as NumPy's does: the mean is
// add.reduce / count (in float64 for integers), the variance sums the squared deviations from
// a keepdims mean, and rounding to d decimals multiplies by 10**d, rounds half to even and
// divides back.

import { Unsupported } from '../../errors.js';
import { BOOL, FLOAT32, FLOAT64 } from './dtype.js';
import { NDArray } from './ndarray.js';
import { reduce } from './reduce.js';
import { binaryUfunc, roundHalfEven, unaryUfunc, wrap } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./scalar.js').NpScalar} NpScalar */
/** @typedef {import('./dtype.js').DType} DType */

/** @param {Value} v @returns {NDArray} */
function arrayOf(v) {
  if (v instanceof NDArray) return v;
  return /** @type {NpScalar} */ (v).toArray();
}

/** The number of elements a reduction over `axes` combines. @param {NDArray} a @param {number[]} axes */
export function reduceCount(a, axes) {
  return axes.reduce((n, i) => n * a.shape[i], 1);
}

/**
 * x / n elementwise as NumPy divides a float result by the element count (an np.intp): in
 * float64, then cast back to the result's type.
 * @param {Value} x @param {number} n
 */
function divideByCount(x, n) {
  const a = arrayOf(x);
  const values = a.values();
  const out = a.dtype.make(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] / n; // Float32Array stores round
  return wrap(NDArray.fromValues(a.dtype, [...a.shape], out, a.axisOrder()));
}

/** The type the mean and variance are computed in. @param {NDArray} a @param {DType | undefined} dtype */
function statType(a, dtype) {
  if (a.dtype.isString) reduce(a, [], 'add');
  if (dtype) {
    if (!dtype.isFloat) throw new Unsupported(`np.mean with dtype=${dtype.name}`);
    return dtype;
  }
  return a.dtype.isInt || a.dtype === BOOL ? FLOAT64 : a.dtype;
}

/**
 * np.mean(a, axis, dtype, keepdims)
 * @param {NDArray} a @param {number[]} axes @param {{ dtype?: DType, keepdims?: boolean }} options
 */
export function mean(a, axes, options) {
  const t = statType(a, options.dtype);
  const total = reduce(a, axes, 'add', { dtype: t, keepdims: options.keepdims });
  return divideByCount(total, reduceCount(a, axes));
}

/**
 * np.var(a, axis, dtype, ddof, keepdims) as _methods._var.
 * @param {NDArray} a @param {number[]} axes
 * @param {{ dtype?: DType, keepdims?: boolean, ddof?: number }} options
 */
export function variance(a, axes, options) {
  const t = statType(a, options.dtype);
  const n = reduceCount(a, axes);
  const arrmean = divideByCount(reduce(a, axes, 'add', { dtype: t, keepdims: true }), n);
  let x = /** @type {Value} */ (
    binaryUfunc('subtract', [{ array: a }, { array: arrayOf(arrmean) }])
  );
  x = binaryUfunc('multiply', [{ array: arrayOf(x) }, { array: arrayOf(x) }]);
  const ret = reduce(arrayOf(x), axes, 'add', { dtype: t, keepdims: options.keepdims });
  const dof = Math.max(n - (options.ddof ?? 0), 0);
  return divideByCount(ret, dof);
}

/** np.std: the square root of the variance, in its type. @param {NDArray} a @param {number[]} axes @param {{ dtype?: DType, keepdims?: boolean, ddof?: number }} options */
export function std(a, axes, options) {
  const v = variance(a, axes, options);
  return unaryUfunc('sqrt', { array: arrayOf(v) });
}

/** 10.0**n as NumPy's power_of_ten builds it. @param {number} n */
function powerOfTen(n) {
  const table = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
  if (n < 9) return table[n];
  let r = 1e9;
  for (let k = n; k > 9; k--) r *= 10;
  return r;
}

/**
 * np.round(a, decimals): PyArray_Round.
 * @param {NDArray} a @param {number} decimals
 * @returns {Value}
 */
export function roundArray(a, decimals) {
  const t = a.dtype;
  if (t.isString) throw new Unsupported('rounding a string array');
  if (t === BOOL) {
    if (decimals >= 0) return wrap(a.copy('K'));
    throw new Unsupported('np.round of a boolean array with negative decimals');
  }
  if (t.isInt && decimals >= 0) return wrap(a.copy('K'));
  if (decimals === 0) return unaryUfunc('rint', { array: a });
  const f = powerOfTen(Math.abs(decimals));
  const outType = t.isInt ? FLOAT64 : t;
  const single = outType === FLOAT32;
  const fc = single ? Math.fround(f) : f;
  const values = a.values();
  const out = outType.make(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = t.isInt ? Number(values[i]) : values[i];
    let y = decimals > 0 ? x * fc : x / fc;
    if (single) y = Math.fround(y);
    y = roundHalfEven(y);
    out[i] = decimals > 0 ? y / fc : y * fc; // Float32Array stores round
  }
  // PyArray_Round allocates its result in C order (Fortran order for Fortran arrays).
  const order = isFortran(a) ? [...a.shape.keys()].reverse() : undefined;
  const result = NDArray.fromValues(outType, [...a.shape], out, order);
  if (t.isInt) return wrap(result.astype(t));
  return wrap(result);
}

/** PyArray_ISFORTRAN: Fortran-contiguous and not C-contiguous. @param {NDArray} a */
function isFortran(a) {
  if (a.ndim < 2 || a.s.isContiguous()) return false;
  let expected = 1;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== 1 && a.s.strides[i] !== expected) return false;
    expected *= a.shape[i];
  }
  return true;
}

/**
 * np.median(a, axis, keepdims): the middle element, or the mean of the middle two, of the
 * sorted values (NaN when there is a NaN), as numpy's _median computes it with mean().
 * @param {NDArray} a @param {number | null} axis @param {boolean} keepdims
 * @returns {Value}
 */
export function median(a, axis, keepdims) {
  if (a.dtype.isString) throw new Unsupported('np.median of a string array');
  const arr = axis === null ? a.reshape([a.size]) : a;
  const ax = axis === null ? 0 : axis;
  const perm = [...arr.shape.keys()].filter((i) => i !== ax).concat([ax]);
  const moved = new NDArray(arr.dtype, arr.s.transpose(perm));
  const values = moved.values();
  const n = arr.shape[ax];
  const rows = n === 0 ? 0 : values.length / n;
  const k = n % 2 === 1 ? 1 : 2;
  const middle = arr.dtype.make(rows * k);
  const nan = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = Array.from(
      values.subarray ? values.subarray(r * n, (r + 1) * n) : values.slice(r * n, (r + 1) * n),
    );
    if (arr.dtype.isFloat && row.some(Number.isNaN)) nan[r] = 1;
    row.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const mid = Math.floor(n / 2);
    if (k === 1) middle[r] = row[mid];
    else {
      middle[r * 2] = row[mid - 1];
      middle[r * 2 + 1] = row[mid];
    }
  }
  const outShape = perm.slice(0, -1).map((i) => arr.shape[i]);
  const parts = NDArray.fromBuffer(middle, [...outShape, n === 0 ? 0 : k], arr.dtype);
  let result = mean(parts, [outShape.length], {});
  if (nan.some((x) => x)) {
    const r = result instanceof NDArray ? result : /** @type {NpScalar} */ (result).toArray();
    const data = r.values().slice();
    nan.forEach((x, i) => {
      if (x) data[i] = Number.NaN;
    });
    result = wrap(NDArray.fromBuffer(data, [...r.shape], r.dtype));
  }
  if (keepdims) {
    const r = result instanceof NDArray ? result : /** @type {NpScalar} */ (result).toArray();
    const shape = a.shape.map((d, i) => (axis === null || i === axis ? 1 : d));
    return r.reshape(shape);
  }
  return result;
}

// np.sum, np.mean, np.var, np.std, np.round as NumPy's _methods.py and PyArray_Round compute
// them, step for step, so that every intermediate rounds as NumPy's does: the mean is
// add.reduce / count (in float64 for integers), the variance sums the squared deviations from
// a keepdims mean, and rounding to d decimals multiplies by 10**d, rounds half to even and
// divides back.

import { Unsupported } from '../../errors.js';
import { BOOL, FLOAT32, FLOAT64, INT64 } from './dtype.js';
import { NDArray } from './ndarray.js';
import { reduce } from './reduce.js';
import { NpScalar, makeScalar } from './scalar.js';
import { binaryUfunc, roundHalfEven, unaryUfunc, wrap } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
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
  let x = /** @type {Value} */ (binaryUfunc('subtract', [{ array: a }, { array: arrayOf(arrmean) }]));
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
  const table = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
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
    const x = t === INT64 ? Number(values[i]) : values[i];
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

void makeScalar;

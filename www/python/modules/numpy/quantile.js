// np.percentile and np.quantile as numpy/lib/_function_base_impl.py's _quantile computes them
// (BSD-3-Clause, ported): q / 100 by true_divide, virtual indexes (n - 1) * q, the sorted
// neighbours of each, and _lerp's two formulas (a + d*t below t = 0.5, b - d*(1 - t) from
// 0.5), every step through the ufuncs so that types promote as NumPy's do (a Python float q
// is weak: a float32 array gives float32). Methods 'linear' (the default), 'lower', 'higher',
// 'nearest' and 'midpoint'; a slice holding NaN gives NaN. np.nanpercentile and np.nanquantile
// take each slice without its NaNs through the same steps.

import { bind } from '../../args.js';
import { PyError, Unsupported } from '../../errors.js';
import { PyTuple } from '../../objects.js';
import { refuse } from './array-methods.js';
import { chargeWork } from './budget.js';
import { asArray } from './convert.js';
import { INT64 } from './dtype.js';
import { NDArray } from './ndarray.js';
import { normalizeAxis } from './reduce.js';
import { NpScalar } from './scalar.js';
import { binaryUfunc, operand, unaryUfunc, wrap } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {import('./ufunc.js').Operand} Operand */

const METHODS = [
  'inverted_cdf',
  'averaged_inverted_cdf',
  'closest_observation',
  'interpolated_inverted_cdf',
  'hazen',
  'weibull',
  'linear',
  'median_unbiased',
  'normal_unbiased',
  'lower',
  'higher',
  'midpoint',
  'nearest',
];

/** @param {Value} v @returns {NDArray} */
function arrayOf(v) {
  return v instanceof NpScalar ? v.toArray() : /** @type {NDArray} */ (v);
}

/** NumPy's sort order for the values of one slice: NaN last. @param {any[]} row */
function sortRow(row) {
  chargeWork(row.length * Math.max(1, Math.ceil(Math.log2(row.length + 1))));
  row.sort((x, y) => {
    if (typeof x === 'number') {
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
      if (Number.isNaN(y)) return -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return row;
}

/**
 * The slices along `axis` (moved last), each sorted, as rows of plain values.
 * @param {NDArray} arr @param {number} axis
 */
function sortedRows(arr, axis) {
  const perm = [...arr.shape.keys()].filter((i) => i !== axis).concat([axis]);
  const moved = new NDArray(arr.dtype, arr.s.transpose(perm));
  const values = moved.values();
  const n = arr.shape[axis];
  const restShape = perm.slice(0, -1).map((i) => arr.shape[i]);
  const count = restShape.reduce((x, y) => x * y, 1);
  /** @type {any[][]} */
  const rows = [];
  for (let r = 0; r < count; r++) {
    const row = sortRow(Array.from(values.slice(r * n, (r + 1) * n)));
    // np.partition may leave either zero at a position where +0.0 and -0.0 tie.
    if (arr.dtype.isFloat && row.some((x) => Object.is(x, -0)) && row.some((x) => Object.is(x, 0)))
      throw new Unsupported(
        'np.percentile of values holding both 0.0 and -0.0 (np.partition leaves either first)',
      );
    rows.push(row);
  }
  return { rows, restShape };
}

/**
 * The values at integer positions of every sorted row: shape q.shape + restShape.
 * @param {NDArray} arr @param {any[][]} rows @param {number[]} positions @param {number[]} shape
 */
function gather(arr, rows, positions, shape) {
  const out = arr.dtype.make(positions.length * rows.length);
  let k = 0;
  for (const p of positions) {
    for (const row of rows) out[k++] = row[p < 0 ? row.length + p : p];
  }
  return NDArray.fromBuffer(out, shape, arr.dtype);
}

/**
 * The arguments of np.percentile / np.quantile (and their nan* forms), checked as NumPy checks
 * them: the array, q as an array in [0, 1], weak promotion, the method, the axis.
 * @param {string} which @param {Value[]} args @param {Kwargs} kwargs
 */
function quantileArgs(which, args, kwargs) {
  const a = bind(
    which,
    ['a', 'q', 'axis=', 'out=', 'overwrite_input=', 'method=', 'keepdims=', '*', 'weights='],
    args,
    kwargs,
  );
  refuse(which, a, ['out', 'weights']);
  const arr0 = asArray(a.a);
  if (arr0.dtype.isString) throw new Unsupported(`np.${which} of a string array`);
  // A Python int or float q keeps weak promotion for the result type.
  const weakQ = typeof a.q === 'bigint' || typeof a.q === 'number';
  const qOperand = operand(a.q);
  if (!qOperand) throw new Unsupported(`np.${which} with q of type ${String(a.q)}`);
  const percent = which.endsWith('percentile');
  const q = percent
    ? arrayOf(binaryUfunc('true_divide', [qOperand, { weak: 100n }]))
    : qOperand.array
      ? qOperand.array
      : asArray(a.q);
  const qValues = Array.from(q.values(), Number);
  if (!qValues.every((v) => v >= 0 && v <= 1)) {
    throw new PyError(
      'ValueError',
      percent
        ? 'Percentiles must be in the range [0, 100]'
        : 'Quantiles must be in the range [0, 1]',
    );
  }
  if (q.ndim > 2) throw new PyError('ValueError', 'q must be a scalar or 1d');
  const method = a.method === undefined ? 'linear' : a.method;
  if (typeof method !== 'string' || !METHODS.includes(method)) {
    throw new PyError(
      'ValueError',
      `${typeof method === 'string' ? `'${method}'` : String(method)} is not a valid method. Use one of: dict_keys([${METHODS.map((m) => `'${m}'`).join(', ')}])`,
    );
  }
  if (!['linear', 'lower', 'higher', 'nearest', 'midpoint'].includes(method))
    throw new Unsupported(`np.${which}(..., method='${method}')`);
  if (a.axis instanceof PyTuple) throw new Unsupported(`np.${which} over several axes`);
  const axisNone = a.axis === undefined || a.axis === null;
  const arr = axisNone ? arr0.reshape([arr0.size]) : arr0;
  const axis = axisNone ? 0 : normalizeAxis(a.axis, arr.ndim);
  const keepdims = a.keepdims !== undefined && a.keepdims !== null && a.keepdims !== false;
  return { arr0, arr, axis, axisNone, q, weakQ, method, keepdims };
}

/**
 * _quantile over sorted rows of n values each: shape q.shape + restShape; a row ending in NaN
 * gives NaN.
 * @param {NDArray} arr @param {any[][]} rows @param {number} n @param {NDArray} q
 * @param {string} method @param {boolean} weakQ @param {number[]} outShape
 */
function quantileRows(arr, rows, n, q, method, weakQ, outShape) {
  const nanRows = rows.map((row) => typeof row[n - 1] === 'number' && Number.isNaN(row[n - 1]));
  const scaled = arrayOf(binaryUfunc('multiply', [{ weak: BigInt(n - 1) }, { array: q }]));
  /** @type {NDArray} */
  let result;
  if (method === 'linear' && !scaled.dtype.isFloat) {
    result = gather(arr, rows, Array.from(scaled.values(), Number), outShape);
  } else if (method === 'lower' || method === 'higher' || method === 'nearest') {
    const ufunc = { lower: 'floor', higher: 'ceil', nearest: 'rint' }[method];
    const idx = arrayOf(unaryUfunc(ufunc, { array: scaled })).astype(INT64);
    result = gather(arr, rows, Array.from(idx.values(), Number), outShape);
  } else {
    let virtual = scaled;
    if (method === 'midpoint') {
      const lo = arrayOf(unaryUfunc('floor', { array: scaled }));
      const hi = arrayOf(unaryUfunc('ceil', { array: scaled }));
      const sum = arrayOf(binaryUfunc('add', [{ array: lo }, { array: hi }]));
      virtual = arrayOf(binaryUfunc('multiply', [{ weak: 0.5 }, { array: sum }]));
    }
    result = interpolate(arr, rows, n, virtual, method, weakQ, q.shape, outShape);
  }
  if (nanRows.some((x) => x)) {
    const data = result.values().slice();
    for (let k = 0; k < data.length; k++) if (nanRows[k % rows.length]) data[k] = Number.NaN;
    result = NDArray.fromBuffer(data, [...result.shape], result.dtype);
  }
  return result;
}

/** keepdims: the result reshaped to q.shape + the array's shape with the reduced axes 1. */
function keptShape(
  /** @type {NDArray} */ result,
  /** @type {ReturnType<typeof quantileArgs>} */ p,
) {
  const kept = p.arr0.shape.map((d, i) => (p.axisNone || i === p.axis ? 1 : d));
  return result.reshape([...p.q.shape, ...kept]);
}

/** np.percentile / np.quantile. @param {'percentile' | 'quantile'} which */
export function quantileFunction(which) {
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const p = quantileArgs(which, args, kwargs);
    const n = p.arr.shape[p.axis];
    if (n === 0)
      throw new PyError('IndexError', `index -1 is out of bounds for axis 0 with size 0`);
    const { rows, restShape } = sortedRows(p.arr, p.axis);
    const outShape = [...p.q.shape, ...restShape];
    const result = quantileRows(p.arr, rows, n, p.q, p.method, p.weakQ, outShape);
    return p.keepdims ? keptShape(result, p) : wrap(result);
  };
}

/**
 * np.nanpercentile / np.nanquantile: each slice's values without its NaNs, through _quantile
 * (_nanquantile_1d); a slice of only NaN is refused (NumPy warns).
 * @param {'nanpercentile' | 'nanquantile'} which
 */
export function nanQuantileFunction(which) {
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const p = quantileArgs(which, args, kwargs);
    if (p.arr0.size === 0)
      throw new Unsupported(`np.${which} of an empty array (NumPy warns "Mean of empty slice")`);
    const perm = [...p.arr.shape.keys()].filter((i) => i !== p.axis).concat([p.axis]);
    const moved = new NDArray(p.arr.dtype, p.arr.s.transpose(perm));
    const values = moved.values();
    const n = p.arr.shape[p.axis];
    const restShape = perm.slice(0, -1).map((i) => p.arr.shape[i]);
    const count = values.length / n;
    const perQ = p.q.size;
    /** @type {NDArray | null} */
    let result = null;
    for (let r = 0; r < count; r++) {
      const kept = Array.from(values.slice(r * n, (r + 1) * n)).filter(
        (x) => !(typeof x === 'number' && Number.isNaN(x)),
      );
      if (kept.length === 0) {
        throw new Unsupported(
          `np.${which} of a slice of only NaN (NumPy warns "All-NaN slice encountered")`,
        );
      }
      const slice = NDArray.fromValues(p.arr.dtype, [kept.length], kept);
      const { rows } = sortedRows(slice, 0);
      const one = quantileRows(slice, rows, kept.length, p.q, p.method, p.weakQ, [...p.q.shape]);
      result ??= NDArray.zeros(one.dtype, [...p.q.shape, ...restShape]);
      const out = /** @type {any} */ (result.s.data);
      const got = one.values();
      for (let k = 0; k < perQ; k++) out[k * count + r] = got[k];
    }
    const full = /** @type {NDArray} */ (result);
    return p.keepdims ? keptShape(full, p) : wrap(full);
  };
}

/**
 * _get_indexes, _get_gamma and _lerp for float virtual indexes.
 * @param {NDArray} arr @param {any[][]} rows @param {number} n @param {NDArray} virtual
 * @param {string} method
 * @param {boolean} weakQ @param {number[]} qShape @param {number[]} outShape
 */
function interpolate(arr, rows, n, virtual, method, weakQ, qShape, outShape) {
  const v = Array.from(virtual.values(), Number);
  const previous = v.map((x) => (x >= n - 1 ? -1 : x < 0 ? 0 : Math.floor(x)));
  const next = v.map((x, i) => (x >= n - 1 ? -1 : x < 0 ? 0 : previous[i] + 1));
  // gamma = virtual - previous (previous as an intp array), in the virtual indexes' type;
  // 'midpoint' fixes it to 0.5, or 0 where the index is whole.
  const gammaValues = virtual.dtype.make(v.length);
  for (let i = 0; i < v.length; i++)
    gammaValues[i] = method === 'midpoint' ? (v[i] % 1 === 0 ? 0 : 0.5) : v[i] - previous[i];
  const ones = [...qShape, ...outShape.slice(qShape.length).map(() => 1)];
  /** @type {Operand} */
  const t = weakQ
    ? { weak: gammaValues[0] }
    : { array: NDArray.fromBuffer(gammaValues, ones, virtual.dtype) };
  const lower = gather(arr, rows, previous, outShape);
  const upper = gather(arr, rows, next, outShape);
  const diff = arrayOf(binaryUfunc('subtract', [{ array: upper }, { array: lower }]));
  const low = arrayOf(
    binaryUfunc('add', [
      { array: lower },
      { array: arrayOf(binaryUfunc('multiply', [{ array: diff }, t])) },
    ]),
  );
  // 1 - t: a Python float again when t is one.
  const oneMinus = weakQ
    ? { weak: 1 - gammaValues[0] }
    : { array: arrayOf(binaryUfunc('subtract', [{ weak: 1n }, t])) };
  const high = arrayOf(
    binaryUfunc('subtract', [
      { array: upper },
      { array: arrayOf(binaryUfunc('multiply', [{ array: diff }, oneMinus])) },
    ]),
  ).astype(low.dtype);
  const lowValues = low.values();
  const highValues = high.values();
  const out = low.dtype.make(lowValues.length);
  const perQ = rows.length;
  for (let k = 0; k < out.length; k++) {
    const g = gammaValues[weakQ ? 0 : Math.floor(k / perQ)];
    out[k] = g >= 0.5 ? highValues[k] : lowValues[k];
  }
  return NDArray.fromBuffer(out, outShape, low.dtype);
}

// NumPy's NaN-ignoring reductions as numpy/lib/_nanfunctions_impl.py computes them (BSD-3-Clause,
// ported): _replace_nan copies the array (same layout, so sums visit it in the same order) with
// NaN replaced by 0 (or +-inf for nanmin/nanmax), then the plain reduction; nanmean divides that
// sum by the count of non-NaN values (in float64, cast back); nanvar subtracts a keepdims mean,
// zeroes the NaN places and sums the squares. Integer and bool arrays have no NaN: the plain
// reductions. Where NumPy warns (a slice of only NaN, ddof past the count) the page refuses.

import { bind } from '../../args.js';
import { PyError, typeError, Unsupported } from '../../errors.js';
import { PyTuple } from '../../objects.js';
import { truthy } from '../../ops.js';
import { REDUCTIONS, refuse } from './array-methods.js';
import { asArray, dtypeArg } from './convert.js';
import { BOOL, INT64 } from './dtype.js';
import { NDArray } from './ndarray.js';
import { argReduce, normalizeAxis, reduce, reductionAxes } from './reduce.js';
import { NpScalar } from './scalar.js';
import { median } from './statistics.js';
import { binaryUfunc, unaryUfunc, wrap } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {import('./dtype.js').DType} DType */

/** @param {Value} v @returns {NDArray} */
function arrayOf(v) {
  return v instanceof NpScalar ? v.toArray() : /** @type {NDArray} */ (v);
}

/**
 * _replace_nan: a copy in the same layout with NaN replaced by `fill`, and the NaN mask (a
 * bool array); mask null for arrays that cannot hold NaN.
 * @param {NDArray} a @param {number} fill
 */
function replaceNan(a, fill) {
  if (!a.dtype.isFloat) return { arr: a, mask: null };
  const values = a.values();
  const out = a.dtype.make(values.length);
  const mask = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const isNan = Number.isNaN(values[i]);
    mask[i] = isNan ? 1 : 0;
    out[i] = isNan ? fill : values[i];
  }
  const order = a.axisOrder();
  return {
    arr: NDArray.fromValues(a.dtype, [...a.shape], out, order),
    mask: NDArray.fromValues(BOOL, [...a.shape], mask, order),
  };
}

/** The first argument as an array (NumPy's asanyarray). @param {Record<string, any>} r */
function input(r) {
  return asArray(r.a);
}

/** @param {Value | undefined} v */
const flag = (v) => v !== undefined && v !== null && truthy(v);

/** ~mask counted along axes, as np.sum(~mask, dtype=np.intp). @param {NDArray} mask @param {number[]} axes @param {boolean} keepdims */
function countValid(mask, axes, keepdims) {
  const values = mask.values();
  const inverted = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) inverted[i] = values[i] ? 0 : 1;
  const notMask = NDArray.fromValues(BOOL, [...mask.shape], inverted, mask.axisOrder());
  return arrayOf(reduce(notMask, axes, 'add', { dtype: INT64, keepdims }));
}

/**
 * _divide_by_count: total / count elementwise, computed in float64 and cast to total's type.
 * @param {NDArray} total @param {NDArray} count
 */
function divideByCount(total, count) {
  const t = total.values();
  const c = count.values();
  const out = total.dtype.make(t.length);
  for (let i = 0; i < t.length; i++) out[i] = t[i] / Number(c[i]); // Float32Array stores round
  return NDArray.fromValues(total.dtype, [...total.shape], out, total.axisOrder());
}

/** The dtype= argument of nanmean/nanvar: inexact only. @param {Value | undefined} v */
function inexactDtype(v) {
  if (v === undefined || v === null) return undefined;
  const t = dtypeArg(v) ?? undefined;
  if (t && !t.isFloat) throw typeError('If a is inexact, then dtype must be inexact');
  return t;
}

/** np.nansum @type {(args: Value[], kwargs: Kwargs) => Value} */
export function nansum(args, kwargs) {
  const r = bind(
    'nansum',
    ['a', 'axis=', 'dtype=', 'out=', 'keepdims=', 'initial=', 'where='],
    args,
    kwargs,
  );
  refuse('nansum', r, ['out', 'initial', 'where']);
  const a = input(r);
  const { arr } = replaceNan(a, 0);
  const dtype = r.dtype === undefined || r.dtype === null ? undefined : dtypeArg(r.dtype);
  return reduce(arr, reductionAxes(r.axis, a.ndim), 'add', {
    dtype: dtype ?? undefined,
    keepdims: flag(r.keepdims),
  });
}

/** np.nanmean @type {(args: Value[], kwargs: Kwargs, interp: any) => Value} */
export function nanmean(args, kwargs, interp) {
  const r = bind(
    'nanmean',
    ['a', 'axis=', 'dtype=', 'out=', 'keepdims=', '*', 'where='],
    args,
    kwargs,
  );
  refuse('nanmean', r, ['out', 'where']);
  const a = input(r);
  const { arr, mask } = replaceNan(a, 0);
  if (mask === null) return REDUCTIONS.mean(a, [], otherArguments(r), interp);
  const dtype = inexactDtype(r.dtype);
  const axes = reductionAxes(r.axis, a.ndim);
  const keepdims = flag(r.keepdims);
  const count = countValid(mask, axes, keepdims);
  const total = arrayOf(reduce(arr, axes, 'add', { dtype, keepdims }));
  if (Array.from(count.values()).some((c) => c === 0n))
    throw new Unsupported('np.nanmean of a slice of only NaN (NumPy warns "Mean of empty slice")');
  return wrap(divideByCount(total, count));
}

/**
 * The bound arguments other than `a`, as keywords for the plain reduction (np.mean, np.var).
 * @param {Record<string, any>} r
 */
function otherArguments(r) {
  /** @type {Kwargs} */
  const rest = new Map();
  for (const [k, v] of Object.entries(r)) if (k !== 'a' && v !== undefined) rest.set(k, v);
  return rest;
}

/** nanvar's arguments and result. @param {'nanvar' | 'nanstd'} name @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
function nanVariance(name, args, kwargs, interp) {
  const r = bind(
    name,
    ['a', 'axis=', 'dtype=', 'out=', 'ddof=', 'keepdims=', '*', 'where=', 'mean=', 'correction='],
    args,
    kwargs,
  );
  refuse(name, r, ['out', 'where', 'mean']);
  const a = input(r);
  const { arr, mask } = replaceNan(a, 0);
  if (mask === null) {
    const plain = name === 'nanvar' ? REDUCTIONS.var : REDUCTIONS.std;
    return { plain: plain(a, [], otherArguments(r), interp) };
  }
  const dtype = inexactDtype(r.dtype);
  let ddof = r.ddof === undefined ? 0 : Number(r.ddof);
  if (r.correction !== undefined) {
    if (ddof !== 0)
      throw new PyError('ValueError', "ddof and correction can't be provided simultaneously.");
    ddof = Number(r.correction);
  }
  const axes = reductionAxes(r.axis, a.ndim);
  const keepdims = flag(r.keepdims);
  const cnt = countValid(mask, axes, true);
  const avg = divideByCount(arrayOf(reduce(arr, axes, 'add', { dtype, keepdims: true })), cnt);
  // np.subtract(arr, avg, out=arr, casting='unsafe'): the difference cast back to arr's type.
  const dev = arrayOf(binaryUfunc('subtract', [{ array: arr }, { array: avg }])).astype(arr.dtype);
  const devValues = dev.values().slice();
  const maskValues = mask.values();
  for (let i = 0; i < devValues.length; i++) if (maskValues[i]) devValues[i] = 0;
  const zeroed = NDArray.fromValues(arr.dtype, [...arr.shape], devValues, arr.axisOrder());
  const sqr = arrayOf(binaryUfunc('multiply', [{ array: zeroed }, { array: zeroed }]));
  const total = arrayOf(reduce(sqr, axes, 'add', { dtype, keepdims }));
  const count = keepdims ? cnt : cnt.reshape([...total.shape]);
  const countValues = Array.from(count.values(), Number);
  if (countValues.some((c) => c - ddof <= 0))
    throw new Unsupported(`np.${name} where a slice has no more values than ddof (NumPy warns)`);
  const dof = NDArray.fromBuffer(
    BigInt64Array.from(countValues.map((c) => BigInt(c - ddof))),
    [...total.shape],
    INT64,
  );
  return { value: divideByCount(total, dof) };
}

/** np.nanvar @type {(args: Value[], kwargs: Kwargs, interp: any) => Value} */
export function nanvar(args, kwargs, interp) {
  const v = nanVariance('nanvar', args, kwargs, interp);
  return 'plain' in v ? /** @type {Value} */ (v.plain) : wrap(/** @type {NDArray} */ (v.value));
}

/** np.nanstd: the square root of nanvar. @type {(args: Value[], kwargs: Kwargs, interp: any) => Value} */
export function nanstd(args, kwargs, interp) {
  const v = nanVariance('nanstd', args, kwargs, interp);
  if ('plain' in v) return /** @type {Value} */ (v.plain);
  return unaryUfunc('sqrt', { array: /** @type {NDArray} */ (v.value) });
}

/** np.nanmin / np.nanmax. @param {boolean} isMax */
export function nanMinMax(isMax) {
  const name = isMax ? 'nanmax' : 'nanmin';
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const r = bind(name, ['a', 'axis=', 'out=', 'keepdims=', 'initial=', 'where='], args, kwargs);
    refuse(name, r, ['out', 'initial', 'where']);
    const a = input(r);
    const axes = reductionAxes(r.axis, a.ndim);
    const keepdims = flag(r.keepdims);
    const { arr, mask } = replaceNan(a, isMax ? -Infinity : Infinity);
    if (mask !== null) {
      const all = arrayOf(reduce(mask, axes, 'logical_and', { keepdims: false }));
      if (Array.from(all.values()).some((x) => x))
        throw new Unsupported(
          `np.${name} of a slice of only NaN (NumPy warns "All-NaN slice encountered")`,
        );
    }
    return reduce(arr, axes, isMax ? 'maximum' : 'minimum', { keepdims });
  };
}

/** np.nanargmin / np.nanargmax. @param {boolean} isMax */
export function nanArg(isMax) {
  const name = isMax ? 'nanargmax' : 'nanargmin';
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const r = bind(name, ['a', 'axis=', 'out=', '*', 'keepdims='], args, kwargs);
    refuse(name, r, ['out']);
    const a = input(r);
    const { arr, mask } = replaceNan(a, isMax ? -Infinity : Infinity);
    if (mask?.size) {
      const axes = reductionAxes(r.axis, a.ndim);
      const all = arrayOf(reduce(mask, axes, 'logical_and', { keepdims: false }));
      if (Array.from(all.values()).some((x) => x))
        throw new PyError('ValueError', 'All-NaN slice encountered');
    }
    return argReduce(arr, r.axis, isMax, flag(r.keepdims));
  };
}

/** np.nanmedian: the median of each slice's values that are not NaN. @type {(args: Value[], kwargs: Kwargs) => Value} */
export function nanmedian(args, kwargs) {
  const r = bind(
    'nanmedian',
    ['a', 'axis=', 'out=', 'overwrite_input=', 'keepdims='],
    args,
    kwargs,
  );
  refuse('nanmedian', r, ['out']);
  const a = input(r);
  if (r.axis instanceof PyTuple) throw new Unsupported('np.nanmedian over several axes');
  const axis = r.axis === undefined || r.axis === null ? null : normalizeAxis(r.axis, a.ndim);
  const keepdims = flag(r.keepdims);
  if (!a.dtype.isFloat || a.size === 0) return median(a, axis, keepdims);
  const arr = axis === null ? a.reshape([a.size]) : a;
  const ax = axis === null ? 0 : axis;
  const perm = [...arr.shape.keys()].filter((i) => i !== ax).concat([ax]);
  const moved = new NDArray(arr.dtype, arr.s.transpose(perm));
  const values = moved.values();
  const n = arr.shape[ax];
  const rows = values.length / n;
  const out = arr.dtype.make(rows);
  for (let k = 0; k < rows; k++) {
    const kept = Array.from(values.slice(k * n, (k + 1) * n)).filter((x) => !Number.isNaN(x));
    if (kept.length === 0)
      throw new Unsupported(
        'np.nanmedian of a slice of only NaN (NumPy warns "All-NaN slice encountered")',
      );
    const m = median(NDArray.fromValues(arr.dtype, [kept.length], kept), null, false);
    out[k] = arrayOf(m).rawAt(0);
  }
  const outShape = perm.slice(0, -1).map((i) => arr.shape[i]);
  const result = NDArray.fromBuffer(out, outShape, arr.dtype);
  if (keepdims) return result.reshape(a.shape.map((d, i) => (axis === null || i === axis ? 1 : d)));
  return wrap(result);
}

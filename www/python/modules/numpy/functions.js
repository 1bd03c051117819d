// Module functions that combine arrays: np.concatenate, np.stack, np.vstack, np.hstack,
// np.where, np.isclose, np.allclose, np.array_equal, np.count_nonzero, np.unique, np.bincount —
// written as NumPy writes them (numeric.py), on the ufuncs, so that they give NumPy's types and values.

import { bind } from '../../args.js';
import { PyError, typeError, Unsupported, valueError } from '../../errors.js';
import { PyList, PyTuple } from '../../objects.js';
import { toIndex, truthy } from '../../ops.js';
import { nonzero } from './array-methods.js';
import { chargeWork, checkSize } from './budget.js';
import { asArray, dtypeArg } from './convert.js';
import { BOOL, castBuffer, FLOAT64, INT64, promote, weakResult } from './dtype.js';
import { NDArray } from './ndarray.js';
import { normalizeAxis, reduce, reductionAxes } from './reduce.js';
import { makeScalar } from './scalar.js';
import { unique } from './sorting.js';
import {
  binaryUfunc,
  broadcastOperands,
  commonType,
  operand,
  operandValues,
  outputOrder,
  unaryUfunc,
} from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./scalar.js').NpScalar} NpScalar */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {import('./ufunc.js').Operand} Operand */

/** The arrays of a sequence argument. @param {Value} seq @param {string} fname */
function arraysOf(seq, fname) {
  if (seq instanceof NDArray) {
    if (seq.ndim === 0) throw valueError('zero-dimensional arrays cannot be concatenated');
    return [...seq.iter()].map((v) => asArray(v));
  }
  if (!(seq instanceof PyList || seq instanceof PyTuple))
    throw typeError(`${fname}() argument 1 must be a sequence of arrays`);
  return seq.items.map((v) => asArray(v));
}

/** The result type of several arrays (np.result_type). @param {NDArray[]} arrays */
function resultType(arrays) {
  return arrays.map((a) => a.dtype).reduce((x, y) => promote(x, y));
}

/**
 * np.concatenate(arrays, axis=0) of already-converted arrays.
 * @param {NDArray[]} arrays @param {Value} axis @param {import('./dtype.js').DType | null} [dtype]
 */
export function concatenateArrays(arrays, axis, dtype = null) {
  if (arrays.length === 0) throw valueError('need at least one array to concatenate');
  let list = arrays;
  if (axis === null) list = list.map((a) => a.reshape([a.size]));
  const first = list[0];
  if (first.ndim === 0) throw valueError('zero-dimensional arrays cannot be concatenated');
  const ax = normalizeAxis(axis === null ? 0n : axis, first.ndim);
  list.forEach((a, i) => {
    if (a.ndim !== first.ndim) {
      throw valueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    }
    a.shape.forEach((d, k) => {
      if (k !== ax && d !== first.shape[k]) {
        throw valueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${first.shape[k]} and the array at index ${i} has size ${d}`,
        );
      }
    });
  });
  const t = dtype ?? resultType(list);
  const shape = [...first.shape];
  shape[ax] = list.reduce((n, a) => n + a.shape[ax], 0);
  checkSize(shape.reduce((x, y) => x * y, 1));
  chargeWork(shape.reduce((x, y) => x * y, 1));
  const outer = shape.slice(0, ax).reduce((x, y) => x * y, 1);
  const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
  const out = t.make(shape.reduce((x, y) => x * y, 1));
  const parts = list.map((a) => {
    const v = a.values();
    return a.dtype === t ? v : castBuffer(v, a.dtype, t);
  });
  let k = 0;
  for (let o = 0; o < outer; o++) {
    list.forEach((a, i) => {
      const run = a.shape[ax] * inner;
      const src = parts[i];
      for (let j = 0; j < run; j++) out[k++] = src[o * run + j];
    });
  }
  // NumPy keeps the inputs' common memory order when they share one.
  const orders = list.map((a) => a.axisOrder().join(','));
  const order = orders.every((o) => o === orders[0]) ? list[0].axisOrder() : undefined;
  return NDArray.fromValues(t, shape, out, order);
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function concatenate(args, kwargs) {
  const a = bind(
    'concatenate',
    ['arrays', 'axis=', 'out=', '*', 'dtype=', 'casting='],
    args,
    kwargs,
  );
  if (a.out !== undefined && a.out !== null) throw new Unsupported('np.concatenate(..., out=...)');
  const dtype = a.dtype === undefined || a.dtype === null ? null : dtypeArg(a.dtype);
  return concatenateArrays(
    arraysOf(a.arrays, 'concatenate'),
    a.axis === undefined ? 0n : a.axis,
    dtype,
  );
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function stack(args, kwargs) {
  const a = bind('stack', ['arrays', 'axis=', 'out=', '*', 'dtype=', 'casting='], args, kwargs);
  if (a.out !== undefined && a.out !== null) throw new Unsupported('np.stack(..., out=...)');
  const arrays = arraysOf(a.arrays, 'stack');
  if (arrays.length === 0) throw valueError('need at least one array to stack');
  const shape = arrays[0].shape;
  if (!arrays.every((x) => x.ndim === shape.length && x.shape.every((d, i) => d === shape[i]))) {
    throw valueError('all input arrays must have the same shape');
  }
  const ax = normalizeAxis(a.axis === undefined ? 0n : a.axis, shape.length + 1);
  const expanded = arrays.map((x) => x.reshape([...shape.slice(0, ax), 1, ...shape.slice(ax)]));
  const dtype = a.dtype === undefined || a.dtype === null ? null : dtypeArg(a.dtype);
  return concatenateArrays(expanded, BigInt(ax), dtype);
}

/** np.vstack / np.hstack. @param {'v' | 'h'} which */
export function vhstack(which) {
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const a = bind(`${which}stack`, ['tup', '*', 'dtype=', 'casting='], args, kwargs);
    let arrays = arraysOf(a.tup, `${which}stack`);
    const dtype = a.dtype === undefined || a.dtype === null ? null : dtypeArg(a.dtype);
    if (which === 'v') {
      arrays = arrays.map((x) =>
        x.ndim === 0 ? x.reshape([1, 1]) : x.ndim === 1 ? x.reshape([1, x.shape[0]]) : x,
      );
      return concatenateArrays(arrays, 0n, dtype);
    }
    arrays = arrays.map((x) => (x.ndim === 0 ? x.reshape([1]) : x));
    return concatenateArrays(arrays, arrays[0].ndim === 1 ? 0n : 1n, dtype);
  };
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function where(args, kwargs) {
  if (kwargs.size) throw typeError('where() takes no keyword arguments');
  if (args.length === 1) return nonzero(asArray(args[0]));
  if (args.length !== 3) throw valueError('either both or neither of x and y should be given');
  const [c, x, y] = args;
  const C = /** @type {Operand} */ ({ array: asArray(c) });
  const X = operand(x);
  const Y = operand(y);
  if (!X || !Y) throw new Unsupported('np.where with values that are not numbers or arrays');
  const t = commonType([X, Y]);
  const ops = [C, X, Y];
  const shape = broadcastOperands(ops);
  const n = shape.reduce((p, q) => p * q, 1);
  checkSize(n);
  chargeWork(n);
  const cond = operandValues(C, shape, BOOL, n);
  const xs = operandValues(X, shape, t, n);
  const ys = operandValues(Y, shape, t, n);
  const out = t.make(n);
  for (let i = 0; i < n; i++) out[i] = cond[i] ? xs[i] : ys[i];
  const result = NDArray.fromValues(t, shape, out, outputOrder(ops, shape));
  return result;
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function countNonzero(args, kwargs) {
  const a = bind('count_nonzero', ['a', 'axis=', '*', 'keepdims='], args, kwargs);
  const arr = asArray(a.a);
  const keepdims = a.keepdims !== undefined && truthy(a.keepdims);
  if ((a.axis === undefined || a.axis === null) && !keepdims) {
    const values = arr.values();
    let n = 0;
    for (let i = 0; i < values.length; i++)
      if (arr.dtype.isString ? values[i] !== '' : values[i] !== arr.dtype.zero) n++;
    return makeScalar(INT64, BigInt(n));
  }
  const asBool =
    arr.dtype === BOOL
      ? arr
      : NDArray.fromValues(
          BOOL,
          [...arr.shape],
          Array.from(arr.values(), (v) =>
            (arr.dtype.isString ? v !== '' : v !== arr.dtype.zero) ? 1 : 0,
          ),
          arr.axisOrder(),
        );
  return reduce(asBool, reductionAxes(a.axis, arr.ndim), 'add', { dtype: INT64, keepdims });
}

/** np.isclose as numeric.py computes it. @param {Value[]} args @param {Kwargs} kwargs */
export function isclose(args, kwargs) {
  const a = bind('isclose', ['a', 'b', 'rtol=', 'atol=', 'equal_nan='], args, kwargs);
  return iscloseValues(
    a.a,
    a.b,
    a.rtol ?? 1e-5,
    a.atol ?? 1e-8,
    a.equal_nan !== undefined && truthy(a.equal_nan),
  );
}

/** @param {Value} v */
function isPyNumber(v) {
  return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
}

/** @param {Value} a @param {Value} b @param {Value} rtol @param {Value} atol @param {boolean} equalNan */
function iscloseValues(a, b, rtol, atol, equalNan) {
  const [x0, y0, atol0, rtol0] = [a, b, atol, rtol].map((v) => (isPyNumber(v) ? v : asArray(v)));
  let y = y0;
  if (y instanceof NDArray) {
    const dt = weakResult(y.dtype, 1.0);
    y = y.dtype === dt ? y : y.astype(dt);
  } else if (typeof y === 'bigint' || typeof y === 'boolean') {
    y = Number(y);
  }
  const op = (/** @type {Value} */ v) => /** @type {Operand} */ (operand(v));
  const absDiff = unaryUfunc('absolute', op(binaryUfunc('subtract', [op(x0), op(y)])));
  const tol = binaryUfunc('add', [
    op(atol0),
    op(binaryUfunc('multiply', [op(rtol0), op(unaryUfunc('absolute', op(y)))])),
  ]);
  let result = binaryUfunc('less_equal', [op(absDiff), op(tol)]);
  result = binaryUfunc('bitwise_and', [op(result), op(unaryUfunc('isfinite', op(y)))]);
  result = binaryUfunc('bitwise_or', [op(result), op(binaryUfunc('equal', [op(x0), op(y)]))]);
  if (equalNan) {
    const both = binaryUfunc('bitwise_and', [
      op(unaryUfunc('isnan', op(x0))),
      op(unaryUfunc('isnan', op(y))),
    ]);
    result = binaryUfunc('bitwise_or', [op(result), op(both)]);
  }
  return result;
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function allclose(args, kwargs) {
  const a = bind('allclose', ['a', 'b', 'rtol=', 'atol=', 'equal_nan='], args, kwargs);
  const r = iscloseValues(
    a.a,
    a.b,
    a.rtol ?? 1e-5,
    a.atol ?? 1e-8,
    a.equal_nan !== undefined && truthy(a.equal_nan),
  );
  const arr = r instanceof NDArray ? r : /** @type {NpScalar} */ (r).toArray();
  const values = arr.values();
  for (let i = 0; i < values.length; i++) if (!values[i]) return false;
  return true;
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function arrayEqual(args, kwargs) {
  const a = bind('array_equal', ['a1', 'a2', 'equal_nan='], args, kwargs);
  let x;
  let y;
  try {
    x = asArray(a.a1);
    y = asArray(a.a2);
  } catch (e) {
    if (e instanceof PyError) return false;
    throw e;
  }
  if (x.ndim !== y.ndim || x.shape.some((d, i) => d !== y.shape[i])) return false;
  const equalNan = a.equal_nan !== undefined && truthy(a.equal_nan);
  const eq = binaryUfunc('equal', [{ array: x }, { array: y }]);
  const eqArr = eq instanceof NDArray ? eq : /** @type {NpScalar} */ (eq).toArray();
  const values = eqArr.values();
  if (!equalNan) {
    for (let i = 0; i < values.length; i++) if (!values[i]) return false;
    return true;
  }
  const xv = x.values();
  const yv = y.values();
  for (let i = 0; i < values.length; i++) {
    const xn = x.dtype.isFloat && Number.isNaN(xv[i]);
    const yn = y.dtype.isFloat && Number.isNaN(yv[i]);
    if (xn !== yn) return false;
    if (!xn && !values[i]) return false;
  }
  return true;
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function uniqueFunction(args, kwargs) {
  const a = bind(
    'unique',
    [
      'ar',
      'return_index=',
      'return_inverse=',
      'return_counts=',
      'axis=',
      '*',
      'equal_nan=',
      'sorted=',
    ],
    args,
    kwargs,
  );
  if (a.axis !== undefined && a.axis !== null) throw new Unsupported('np.unique(..., axis=...)');
  const flag = (/** @type {Value | undefined} */ v) => v !== undefined && truthy(v);
  return unique(asArray(a.ar), {
    index: flag(a.return_index),
    inverse: flag(a.return_inverse),
    counts: flag(a.return_counts),
    equalNan: a.equal_nan === undefined || truthy(a.equal_nan),
  });
}

/**
 * np.bincount(x, /, weights=None, minlength=0): the count of each non-negative integer of a 1-D
 * array (int64), or the sum of its weights in float64, added in the order of x.
 * @param {Value[]} args @param {Kwargs} kwargs
 */
export function bincount(args, kwargs) {
  const a = bind('bincount', ['x', '/', 'weights=', 'minlength='], args, kwargs);
  let minlength = 0;
  if (a.minlength === null) throw typeError('use 0 instead of None for minlength');
  if (a.minlength !== undefined) {
    if (typeof a.minlength === 'number')
      throw typeError("'float' object cannot be interpreted as an integer");
    minlength = Number(toIndex(a.minlength));
    if (minlength < 0) throw valueError("'minlength' must not be negative");
  }
  const x = asArray(a.x);
  if (x.ndim === 0) throw valueError('object of too small depth for desired array');
  if (x.ndim > 1)
    throw valueError(
      a.x instanceof NDArray
        ? 'object too deep for desired array'
        : 'setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.',
    );
  if (x.dtype.isFloat || x.dtype.isString) {
    if (!(a.x instanceof NDArray) && x.dtype.isFloat && x.size > 0) {
      throw new Unsupported(
        'np.bincount of floats (NumPy 2.4 warns: "Non-integer input passed to bincount")',
      );
    }
    if (a.x instanceof NDArray || x.dtype.isString)
      throw typeError(
        `Cannot cast array data from ${x.dtype.repr()} to dtype('int64') according to the rule 'safe'`,
      );
  }
  const values = Array.from(x.values(), (v) => Number(v));
  if (values.some((v) => v < 0)) throw valueError("'list' argument must have no negative elements");
  const length = Math.max(minlength, values.length ? Math.max(...values) + 1 : 0);
  checkSize(length);
  chargeWork(values.length + length);
  if (a.weights === undefined || a.weights === null) {
    const counts = new BigInt64Array(length);
    for (const v of values) counts[v]++;
    return NDArray.fromBuffer(counts, [length], INT64);
  }
  const w = asArray(a.weights);
  if (w.ndim > 1)
    throw valueError(
      'setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.',
    );
  if (w.size !== values.length)
    throw valueError("The weights and list don't have the same length.");
  if (w.dtype.isString) throw new Unsupported('np.bincount with string weights');
  const weights = castBuffer(w.values(), w.dtype, FLOAT64);
  const sums = new Float64Array(length);
  for (let i = 0; i < values.length; i++) sums[values[i]] += weights[i];
  return NDArray.fromBuffer(sums, [length], FLOAT64);
}

/**
 * The bytes an array's elements occupy in its buffer, as [start, end) pairs, with the buffer.
 * @param {NDArray} a
 */
function byteSpans(a) {
  const data = /** @type {any} */ (a.s.data);
  const size = data.BYTES_PER_ELEMENT ?? 0;
  const base = data.byteOffset ?? 0;
  const spans = Array.from(a.s.offsetArray(), (p) => [base + p * size, base + (p + 1) * size]);
  return { buffer: data.buffer ?? data, spans };
}

/**
 * np.shares_memory(a, b) (exact: some byte belongs to both) and np.may_share_memory(a, b)
 * (the memory bounds overlap). Python lists and scalars become new arrays: no sharing.
 * @param {'shares_memory' | 'may_share_memory'} which
 */
export function sharesMemory(which) {
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const a = bind(which, ['a', 'b', '/', 'max_work='], args, kwargs);
    if (!(a.a instanceof NDArray) || !(a.b instanceof NDArray)) return false;
    const x = byteSpans(a.a);
    const y = byteSpans(a.b);
    if (x.buffer !== y.buffer || x.spans.length === 0 || y.spans.length === 0) return false;
    chargeWork(x.spans.length + y.spans.length);
    if (which === 'may_share_memory') {
      const lo = (/** @type {number[][]} */ s) => Math.min(...s.map((p) => p[0]));
      const hi = (/** @type {number[][]} */ s) => Math.max(...s.map((p) => p[1]));
      return lo(x.spans) < hi(y.spans) && lo(y.spans) < hi(x.spans);
    }
    const bytes = new Set();
    for (const [s, e] of x.spans) for (let i = s; i < e; i++) bytes.add(i);
    return y.spans.some(([s, e]) => {
      for (let i = s; i < e; i++) if (bytes.has(i)) return true;
      return false;
    });
  };
}

// Array creation: np.array, np.asarray, np.arange (NumPy's fill: start + i*delta, with delta
// = (start + step) - start in the array's type), np.linspace (function_base.linspace, step by
// step), np.zeros, np.ones, np.full, np.empty (whose values are NumPy's leftover memory: reading
// one before it is set is refused) and the *_like variants.

import { bind } from '../../args.js';
import { PyError, typeError, Unsupported, valueError } from '../../errors.js';
import { shapeSize } from '../../nd/strided.js';
import { PyList, PyTuple } from '../../objects.js';
import { binaryOp, toIndex, truthy, typeName } from '../../ops.js';
import { refuse } from './array-methods.js';
import { checkSize } from './budget.js';
import { asArray, dtypeArg, toRaw } from './convert.js';
import { BOOL, FLOAT32, FLOAT64, INT64, promote } from './dtype.js';
import { NDArray } from './ndarray.js';
import { makeScalar, NpScalar } from './scalar.js';
import { unaryUfunc } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {import('./dtype.js').DType} DType */

/** A shape argument: an int or a sequence of ints, with NumPy's errors. @param {Value} v @returns {number[]} */
export function shapeArg(v) {
  const items = v instanceof PyTuple || v instanceof PyList ? v.items : [v];
  const shape = items.map((x) => {
    if (typeof x === 'number' || typeof x === 'string' || x === null) {
      throw typeError(
        `${v instanceof PyTuple || v instanceof PyList ? "'" + typeName(x) + "' object cannot be interpreted as an integer" : `expected a sequence of integers or a single integer, got '${typeof x === 'number' ? String(x) : String(x)}'`}`,
      );
    }
    return Number(toIndex(x));
  });
  if (shape.some((d) => d < 0)) throw valueError('negative dimensions are not allowed');
  checkSize(shapeSize(shape));
  return shape;
}

/** A dtype= argument, defaulting to float64. @param {Value | undefined} v @param {DType} [dflt] */
function dtypeOr(v, dflt = FLOAT64) {
  if (v === undefined || v === null) return dflt;
  const t = dtypeArg(v);
  if (t === null)
    throw new Unsupported('string arrays of unspecified length here (give a length, as "<U5")');
  return t;
}

/** An array of `shape` filled with one raw value. @param {DType} t @param {number[]} shape @param {any} raw */
function filled(t, shape, raw) {
  const data = t.make(shapeSize(shape));
  if (raw !== t.zero) data.fill(raw);
  return NDArray.fromBuffer(data, shape, t);
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
export function zeros(args, kwargs, interp) {
  const a = bind('zeros', ['shape', 'dtype=', 'order=', '*', 'device=', 'like='], args, kwargs);
  orderArg(a.order);
  const shape = shapeArg(a.shape);
  interp?.charge(shapeSize(shape));
  const t = dtypeOr(a.dtype);
  return filled(t, shape, t.zero);
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
export function ones(args, kwargs, interp) {
  const a = bind('ones', ['shape', 'dtype=', 'order=', '*', 'device=', 'like='], args, kwargs);
  orderArg(a.order);
  const shape = shapeArg(a.shape);
  interp?.charge(shapeSize(shape));
  const t = dtypeOr(a.dtype);
  return filled(t, shape, toRaw(1n, t));
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
export function empty(args, kwargs, interp) {
  const a = bind('empty', ['shape', 'dtype=', 'order=', '*', 'device=', 'like='], args, kwargs);
  orderArg(a.order);
  const shape = shapeArg(a.shape);
  interp?.charge(shapeSize(shape));
  const out = filled(dtypeOr(a.dtype), shape, dtypeOr(a.dtype).zero);
  markUninitialized(out);
  return out;
}

/** Marks every element of a new array as not yet set (np.empty). @param {NDArray} a */
export function markUninitialized(a) {
  const data = /** @type {any} */ (a.s.data);
  if (a.size === 0) return;
  data.uninitialized = new Uint8Array(a.size).fill(1);
  data.uninitializedCount = a.size;
}

/** @param {Value | undefined} order */
function orderArg(order) {
  if (order !== undefined && order !== null && order !== 'C')
    throw new Unsupported(`order=${JSON.stringify(order)}`);
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
export function full(args, kwargs, interp) {
  const a = bind(
    'full',
    ['shape', 'fill_value', 'dtype=', 'order=', '*', 'device=', 'like='],
    args,
    kwargs,
  );
  orderArg(a.order);
  const shape = shapeArg(a.shape);
  interp?.charge(shapeSize(shape));
  const value = asArray(
    a.fill_value,
    a.dtype === undefined || a.dtype === null ? null : dtypeArg(a.dtype),
  );
  if (value.ndim === 0) return filled(value.dtype, shape, value.rawAt(0));
  throw new Unsupported('np.full with an array fill value');
}

/** zeros_like, ones_like, full_like, empty_like. @param {'zeros' | 'ones' | 'full' | 'empty'} kind */
export function likeFunction(kind) {
  const spec =
    kind === 'full'
      ? ['a', 'fill_value', 'dtype=', 'order=', 'subok=', 'shape=', '*', 'device=']
      : ['a', 'dtype=', 'order=', 'subok=', 'shape=', '*', 'device='];
  return (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const a = bind(`${kind}_like`, spec, args, kwargs);
    refuse(`${kind}_like`, a, ['order']);
    const proto = asArray(a.a);
    const t = a.dtype === undefined || a.dtype === null ? proto.dtype : dtypeOr(a.dtype);
    const shape = a.shape === undefined || a.shape === null ? [...proto.shape] : shapeArg(a.shape);
    let raw = t.zero;
    if (kind === 'ones') raw = toRaw(1n, t);
    if (kind === 'full') raw = toRaw(a.fill_value, t);
    const out = NDArray.zeros(
      t,
      shape,
      a.shape === undefined || a.shape === null ? proto.axisOrder() : undefined,
    );
    if (raw !== t.zero) /** @type {any} */ (out.s.data).fill(raw);
    if (kind === 'empty') markUninitialized(out);
    return out;
  };
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function array(args, kwargs) {
  const a = bind(
    'array',
    ['object', 'dtype=', '*', 'copy=', 'order=', 'subok=', 'ndmin=', 'like='],
    args,
    kwargs,
  );
  if (a.order !== undefined && a.order !== null && a.order !== 'K' && a.order !== 'C')
    throw new Unsupported(`np.array(order=${JSON.stringify(a.order)})`);
  const t =
    a.dtype === undefined || a.dtype === null ? null : (dtypeArg(a.dtype) ?? stringTypeMarker());
  const copy = a.copy === undefined || truthy(a.copy);
  let out = asArray(a.object, t, copy);
  if (a.order === 'C' && out === a.object) out = out.copy('C');
  else if (a.order === 'C' && !out.s.isContiguous()) out = out.copy('C');
  if (a.ndmin !== undefined) {
    const ndmin = Number(toIndex(a.ndmin));
    if (out.ndim < ndmin) out = out.reshape([...new Array(ndmin - out.ndim).fill(1), ...out.shape]);
  }
  checkSize(out.size);
  return out;
}

/** A '<U0' marker: np.array(x, dtype=str) sizes the strings from the data. */
function stringTypeMarker() {
  return /** @type {DType} */ (/** @type {any} */ ({ isString: true, chars: 0, kind: 'U' }));
}

/** @param {Value[]} args @param {Kwargs} kwargs */
export function asarray(args, kwargs) {
  const a = bind(
    'asarray',
    ['a', 'dtype=', 'order=', '*', 'device=', 'copy=', 'like='],
    args,
    kwargs,
  );
  const t =
    a.dtype === undefined || a.dtype === null ? null : (dtypeArg(a.dtype) ?? stringTypeMarker());
  return asArray(a.a, t, a.copy !== undefined && a.copy !== null && truthy(a.copy));
}

/** The default type of a Python number given to arange. @param {Value} v */
function numberType(v) {
  if (v instanceof NpScalar) return v.dtype;
  if (typeof v === 'number') return FLOAT64;
  if (typeof v === 'bigint' || typeof v === 'boolean') return INT64;
  if (v instanceof NDArray && v.ndim === 0) return v.dtype;
  throw typeError(`unsupported operand type(s) for -: '${typeName(v)}' and 'int'`);
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
export function arange(args, kwargs, interp) {
  const a = bind(
    'arange',
    ['start=', 'stop=', 'step=', '*', 'dtype=', 'device=', 'like='],
    args,
    kwargs,
  );
  if (a.start === undefined) throw typeError('arange() requires stop to be specified.');
  let start = a.start;
  let stop = a.stop === undefined ? null : a.stop;
  const step = a.step === undefined || a.step === null ? 1n : a.step;
  let t = a.dtype === undefined || a.dtype === null ? null : dtypeOr(a.dtype);
  if (t === null) {
    t = INT64;
    for (const v of [start, stop, a.step])
      if (v !== null && v !== undefined) t = promote(t, numberType(v));
    if (t === BOOL || (t.isInt && !t.isBig)) t = INT64;
  }
  if (stop === null) {
    stop = start;
    start = 0n;
  }
  // len = ceil((stop - start) / step), in Python arithmetic on the arguments.
  const diff = binaryOp('-', stop, start);
  const quotient = binaryOp('/', diff, step);
  const q = Number(quotient instanceof NpScalar ? quotient.float() : quotient);
  if (!Number.isFinite(q) && !Number.isNaN(q)) throw valueError('Maximum allowed size exceeded');
  if (Number.isNaN(q)) throw valueError('arange: cannot compute length');
  let length = Math.ceil(q);
  if (q === 0 && truthy(binaryOp('!=', diff, 0n))) length = Object.is(q, -0) ? 0 : 1;
  if (length > 2 ** 62) throw valueError('Maximum allowed size exceeded');
  length = Math.max(length, 0);
  checkSize(length);
  interp?.charge(length);
  const out = t.make(length);
  if (length > 0) out[0] = toRaw(start, t);
  if (length > 1) out[1] = toRaw(binaryOp('+', start, step), t);
  if (length > 2) fill(out, length, t);
  return NDArray.fromBuffer(out, [length], t);
}

/** The dtype's fill function: buffer[i] = start + i*delta, delta = buffer[1] - buffer[0]. */
function fill(/** @type {any} */ out, /** @type {number} */ length, /** @type {DType} */ t) {
  const start = out[0];
  if (t.isBig) {
    const first = /** @type {bigint} */ (start);
    const delta = t.wrap(/** @type {bigint} */ (out[1]) - first);
    for (let i = 2; i < length; i++)
      out[i] = t.wrap(first + BigInt(i) * /** @type {bigint} */ (delta));
  } else if (t === FLOAT32) {
    const delta = Math.fround(out[1] - start);
    for (let i = 2; i < length; i++)
      out[i] = Math.fround(start + Math.fround(Math.fround(i) * delta));
  } else if (t === BOOL) {
    throw new Unsupported('np.arange with dtype=bool');
  } else if (t.isString) {
    throw typeError(
      "arange() not supported for inputs with DType <class 'numpy.dtypes.StrDType'>.",
    );
  } else {
    // In the type's width, as the C fill computes it (integer typed arrays wrap on store).
    const delta = t.isInt ? Number(t.wrap(BigInt(out[1] - start))) : out[1] - start;
    for (let i = 2; i < length; i++) {
      out[i] = t.isInt
        ? Number(t.wrap(BigInt(start) + BigInt(i) * BigInt(delta)))
        : start + i * delta;
    }
  }
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
export function linspace(args, kwargs, interp) {
  const a = bind(
    'linspace',
    ['start', 'stop', 'num=', 'endpoint=', 'retstep=', 'dtype=', 'axis=', '*', 'device='],
    args,
    kwargs,
  );
  const num = a.num === undefined ? 50 : Number(toIndex(a.num));
  if (num < 0) throw valueError(`Number of samples, ${num}, must be non-negative.`);
  checkSize(num);
  interp?.charge(num);
  const endpoint = a.endpoint === undefined || truthy(a.endpoint);
  if (asArray(a.start).ndim > 0 || asArray(a.stop).ndim > 0)
    throw new Unsupported('np.linspace with array start or stop');
  const div = endpoint ? num - 1 : num;
  // dt = result_type(start, stop, 1.0): Python numbers are weak, so float32 bounds stay float32.
  /** @type {DType | null} */
  let strong = null;
  for (const v of [a.start, a.stop]) {
    if (v instanceof NpScalar || v instanceof NDArray)
      strong = strong === null ? v.dtype : promote(strong, v.dtype);
  }
  const dt = strong === FLOAT32 ? FLOAT32 : FLOAT64;
  const single = dt === FLOAT32;
  const r = single ? Math.fround : (/** @type {number} */ v) => v;
  const start = Number(asArray(a.start, dt).rawAt(0));
  const stop = Number(asArray(a.stop, dt).rawAt(0));
  const delta = r(stop - start);
  const y = single ? new Float32Array(num) : new Float64Array(num);
  for (let i = 0; i < num; i++) y[i] = i;
  let step;
  if (div > 0) {
    step = r(delta / div);
    if (step === 0) {
      for (let i = 0; i < num; i++) y[i] = r(r(y[i] / div) * delta);
    } else {
      for (let i = 0; i < num; i++) y[i] = r(y[i] * step);
    }
  } else {
    step = Number.NaN;
    for (let i = 0; i < num; i++) y[i] = r(y[i] * delta);
  }
  for (let i = 0; i < num; i++) y[i] = r(y[i] + start);
  if (endpoint && num > 1) y[num - 1] = stop;
  if (a.axis !== undefined && Number(toIndex(a.axis)) !== 0 && Number(toIndex(a.axis)) !== -1) {
    throw new PyError(
      'numpy.exceptions.AxisError',
      `axis ${a.axis} is out of bounds for array of dimension 1`,
    );
  }
  let out = NDArray.fromBuffer(y, [num], dt);
  if (a.dtype !== undefined && a.dtype !== null) {
    const t = dtypeOr(a.dtype);
    if (t.isInt && num > 0) out = /** @type {NDArray} */ (unaryUfunc('floor', { array: out }));
    if (t !== dt) out = out.astype(t);
  }
  if (a.retstep !== undefined && truthy(a.retstep)) return new PyTuple([out, makeScalar(dt, step)]);
  return out;
}

/** np.eye(N, M=None, k=0, dtype=float) @param {Value[]} args @param {Kwargs} kwargs */
export function eye(args, kwargs) {
  const a = bind(
    'eye',
    ['N', 'M=', 'k=', 'dtype=', 'order=', '*', 'device=', 'like='],
    args,
    kwargs,
  );
  orderArg(a.order);
  const n = Number(toIndex(a.N));
  const m = a.M === undefined || a.M === null ? n : Number(toIndex(a.M));
  const k = a.k === undefined ? 0 : Number(toIndex(a.k));
  if (n < 0 || m < 0) throw valueError('negative dimensions are not allowed');
  checkSize(n * m);
  const t = dtypeOr(a.dtype);
  const out = NDArray.zeros(t, [n, m]);
  const one = toRaw(1n, t);
  const data = /** @type {any} */ (out.s.data);
  for (let i = 0; i < n; i++) if (i + k >= 0 && i + k < m) data[i * m + i + k] = one;
  return out;
}

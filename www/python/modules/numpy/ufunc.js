// NumPy's elementwise operations (ufuncs) for the types here: operands broadcast, types
// promote by NEP 50 (Python scalars are weak), the loops compute in the promoted type
// (float32 rounds after every operation, int64 and int32 wrap), results take the operands'
// memory layout ("K" order), and 0-d results come back as NumPy scalars.
//
//   binaryUfunc('add', arrayOfInt32, 5n)      int32 array
//   binaryUfunc('true_divide', ints, ints)    float64 array

import { PyError, typeError, Unsupported } from '../../errors.js';
import { broadcastShapes } from '../../nd/strided.js';
import { NotImplemented, PyList, PyObject, PyRange, PyTuple } from '../../objects.js';
import { chargeWork, checkSize } from './budget.js';
import {
  BOOL,
  castBuffer,
  dtypeClassName,
  FLOAT32,
  FLOAT64,
  INT64,
  promote,
  unicode,
  weakResult,
} from './dtype.js';
import { iterationOrder } from './layout.js';
import { assertInitialized, NDArray } from './ndarray.js';
import { exactPower } from './power.js';
import { makeScalar, NpScalar } from './scalar.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtype.js').DType} DType */

/**
 * An operand: an array (NumPy scalars and lists become arrays) or a weak Python scalar.
 * @typedef {{ array: NDArray, weak?: undefined } | { weak: boolean | bigint | number | string, array?: undefined }} Operand
 */

/** Functions set by index.js: Python values to arrays. */
export const ufuncHooks = {
  /** @type {(v: Value) => NDArray} */
  asArray: () => {
    throw new Error('numpy: asArray not installed');
  },
  /** @type {(v: Value, t: DType) => any} */
  toRaw: () => null,
};

/** @param {Value} v @returns {Operand | null} */
export function operand(v) {
  if (v instanceof NDArray) return { array: v };
  if (v instanceof NpScalar) return { array: v.toArray() };
  if (
    typeof v === 'boolean' ||
    typeof v === 'bigint' ||
    typeof v === 'number' ||
    typeof v === 'string'
  )
    return { weak: v };
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyRange)
    return { array: ufuncHooks.asArray(v) };
  return null;
}

/** @param {Operand} o */
function operandShape(o) {
  return o.array ? o.array.shape : [];
}

const fmtShape = (/** @type {readonly number[]} */ s) =>
  `(${s.join(',')}${s.length === 1 ? ',' : ''})`;

/** The broadcast shape of the operands, with NumPy's error. @param {Operand[]} ops */
export function broadcastOperands(ops) {
  const shape = broadcastShapes(ops.map((o) => [...operandShape(o)]));
  if (shape === null) {
    throw new PyError(
      'ValueError',
      `operands could not be broadcast together with shapes ${ops.map((o) => fmtShape(operandShape(o))).join(' ')} `,
    );
  }
  return shape;
}

/** The common type of the operands under NEP 50. @param {Operand[]} ops @returns {DType} */
export function commonType(ops) {
  /** @type {DType | null} */
  let t = null;
  for (const o of ops) if (o.array) t = t === null ? o.array.dtype : promote(t, o.array.dtype);
  if (t === null) {
    // Only Python scalars: their default types.
    t = ufuncHooks.asArray(/** @type {any} */ (ops[0]).weak).dtype;
    for (const o of ops.slice(1))
      t = promote(t, ufuncHooks.asArray(/** @type {any} */ (o).weak).dtype);
    return t;
  }
  for (const o of ops) if (!o.array) t = weakResult(t, /** @type {any} */ (o.weak));
  return t;
}

/**
 * The values of an operand broadcast to `shape`, in C order, converted to `t`.
 * @param {Operand} o @param {number[]} shape @param {DType} t @param {number} n
 */
export function operandValues(o, shape, t, n) {
  if (!o.array) {
    const raw = ufuncHooks.toRaw(/** @type {any} */ (o.weak), t);
    const out = t.make(n);
    out.fill(raw);
    return out;
  }
  const a = o.array;
  let values;
  if (a.shape.length === shape.length && a.shape.every((d, i) => d === shape[i]))
    values = a.values();
  else {
    const view = a.s.broadcastTo(shape);
    assertInitialized(a.s);
    values = a.dtype.make(n);
    const data = /** @type {any} */ (view.data);
    let i = 0;
    for (const p of view.offsets()) values[i++] = data[p];
  }
  return a.dtype === t ? values : castBuffer(values, a.dtype, t);
}

/** The output layout ("K" order) for operands broadcast to shape. @param {Operand[]} ops @param {number[]} shape */
export function outputOrder(ops, shape) {
  const strides = [];
  for (const o of ops) {
    if (!o.array) continue;
    const view = o.array.s.broadcastTo(shape);
    strides.push(view.strides);
  }
  return iterationOrder(shape, strides);
}

/** Wraps a result: NumPy scalars for 0-d results. @param {NDArray} out */
export function wrap(out) {
  return out.ndim === 0 ? makeScalar(out.dtype, out.rawAt(0)) : out;
}

/** NumPy's "no loop" error. @param {string} name @param {DType[]} types */
function noLoop(name, types) {
  const list =
    types.length === 1
      ? `<class 'numpy.dtypes.${dtypeClassName(types[0])}'>`
      : `(${types.map((t) => `<class 'numpy.dtypes.${dtypeClassName(t)}'>`).join(', ')})`;
  return new PyError(
    'numpy._core._exceptions._UFuncNoLoopError',
    `ufunc '${name}' did not contain a loop with signature matching types ${list} -> None`,
  );
}

/** The "no loop" error with the operands' DType classes (Python scalars as _PyLongDType...). @param {string} name @param {Operand[]} ops */
function noLoopClasses(name, ops) {
  const names = ops.map((o) => {
    if (o.array) return dtypeClassName(o.array.dtype);
    const w = o.weak;
    return typeof w === 'bigint'
      ? '_PyLongDType'
      : typeof w === 'number'
        ? '_PyFloatDType'
        : typeof w === 'string'
          ? 'StrDType'
          : 'BoolDType';
  });
  return new PyError(
    'numpy._core._exceptions._UFuncNoLoopError',
    `ufunc '${name}' did not contain a loop with signature matching types (${names.map((c) => `<class 'numpy.dtypes.${c}'>`).join(', ')}) -> None`,
  );
}

/** @param {Operand} o */
function isStringOperand(o) {
  return o.array ? o.array.dtype.isString : typeof o.weak === 'string';
}

/** Binary ufuncs with a string operand: concatenation of two strings, else NumPy's errors. @param {string} name @param {Operand[]} ops */
function stringBinary(name, ops) {
  if (name === 'add' && ops.every(isStringOperand)) {
    const shape = broadcastOperands(ops);
    const n = shape.reduce((x, y) => x * y, 1);
    const chars = ops.map((o) =>
      o.array ? o.array.dtype.chars : [.../** @type {string} */ (o.weak)].length,
    );
    const t = unicode(Math.max(1, chars[0] + chars[1]));
    const x = operandValues(ops[0], shape, t, n);
    const y = operandValues(ops[1], shape, t, n);
    const out = t.make(n);
    for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
    return wrap(NDArray.fromValues(t, shape, out, outputOrder(ops, shape)));
  }
  if (name === 'multiply' && !ops.every(isStringOperand)) {
    throw typeError(
      "The 'out' kwarg is necessary when using the string multiply ufunc directly. Use numpy.strings.multiply to multiply strings without specifying 'out'.",
    );
  }
  if (
    name === 'add' ||
    name === 'subtract' ||
    name === 'multiply' ||
    name === 'maximum' ||
    name === 'minimum'
  ) {
    throw noLoopDtypes(name, ops);
  }
  throw notSupportedForTypes(name === 'true_divide' ? 'divide' : name);
}

/** The "no loop" error NumPy gives for typed operands (dtype reprs). @param {string} name @param {Operand[]} ops */
function noLoopDtypes(name, ops) {
  const types = ops.map((o) =>
    o.array ? o.array.dtype.repr() : pyTypeRepr(/** @type {any} */ (o.weak)),
  );
  return new PyError(
    'numpy._core._exceptions._UFuncNoLoopError',
    `ufunc '${name}' did not contain a loop with signature matching types (${types.join(', ')}) -> None`,
  );
}

/** @param {boolean | bigint | number | string} v */
function pyTypeRepr(v) {
  if (typeof v === 'string') return `dtype('<U${[...v].length}')`;
  if (typeof v === 'bigint') return "dtype('int64')";
  if (typeof v === 'number') return "dtype('float64')";
  return "dtype('bool')";
}

/** @param {string} name */
function notSupportedForTypes(name) {
  return typeError(
    `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
  );
}

// --- binary ufuncs -----------------------------------------------------------------------------

const OP_UFUNC = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '//': 'floor_divide',
  '%': 'remainder',
  '**': 'power',
  '&': 'bitwise_and',
  '|': 'bitwise_or',
  '^': 'bitwise_xor',
  '<<': 'left_shift',
  '>>': 'right_shift',
  '@': 'matmul',
};

const CMP_UFUNC = {
  '==': 'equal',
  '!=': 'not_equal',
  '<': 'less',
  '<=': 'less_equal',
  '>': 'greater',
  '>=': 'greater_equal',
};

/**
 * a op b for a Python operator, or NotImplemented when neither operand is NumPy's business.
 * @param {string} op @param {Value} a @param {Value} b
 */
export function binaryOperator(op, a, b) {
  const name = /** @type {Record<string, string>} */ (OP_UFUNC)[op];
  if (!name) return NotImplemented;
  const A = operand(a);
  const B = operand(b);
  if (!A || !B) {
    if (a instanceof NDArray && (b === null || b instanceof PyObject)) {
      throw typeError(
        `unsupported operand type(s) for ${op}: '${pyElementTypeName(a)}' and '${b === null ? 'NoneType' : /** @type {PyObject} */ (b).typeName}'`,
      );
    }
    return NotImplemented;
  }
  if (name === 'matmul') return matmul(A, B);
  if (name === 'power') {
    if (a instanceof NDArray && !B.array) {
      const fast = fastScalarPower(a, /** @type {any} */ (B.weak));
      if (fast !== null) return fast;
    }
    // A NumPy scalar to a power its own type holds (np.float64(x) ** 2): scalar math, which
    // calls the C library's pow directly, without the array loop's fast paths.
    const scalar = a instanceof NpScalar ? a : b instanceof NpScalar ? b : null;
    if (
      scalar &&
      !(a instanceof NDArray) &&
      !(b instanceof NDArray) &&
      (A.array?.ndim ?? 0) === 0 &&
      (B.array?.ndim ?? 0) === 0
    ) {
      if (commonType([A, B]) === scalar.dtype) return binaryUfunc('power', [A, B], false);
    }
  }
  return binaryUfunc(name === 'divide' ? 'true_divide' : name, [A, B]);
}

/** @param {NDArray} a */
function pyElementTypeName(a) {
  return a.dtype.isFloat ? 'float' : a.dtype.isInt ? 'int' : a.dtype === BOOL ? 'bool' : 'str';
}

/**
 * ndarray.__pow__'s fast paths (array ** 2 squares, ** -1 takes the reciprocal, ** 0.5 the
 * square root, for float arrays; ** 2 squares any type).
 * @param {NDArray} a @param {boolean | bigint | number | string} exponent
 */
function fastScalarPower(a, exponent) {
  if (typeof exponent === 'bigint') {
    if (exponent === 2n) return unaryUfunc('square', { array: a });
    if (exponent === -1n && a.dtype.isFloat) return unaryUfunc('reciprocal', { array: a });
  } else if (typeof exponent === 'number' && exponent === 0.5 && a.dtype.isFloat) {
    return unaryUfunc('sqrt', { array: a });
  }
  return null;
}

/** a op b for comparisons. @param {string} op @param {Value} a @param {Value} b */
export function compareOperator(op, a, b) {
  const name = /** @type {Record<string, string>} */ (CMP_UFUNC)[op];
  const A = operand(a);
  const B = operand(b);
  if (!A || !B) {
    if ((op === '==' || op === '!=') && (a instanceof NDArray || b instanceof NDArray)) {
      const arr = /** @type {NDArray} */ (a instanceof NDArray ? a : b);
      const out = NDArray.zeros(BOOL, [...arr.shape]);
      if (op === '!=') /** @type {Uint8Array} */ (out.s.data).fill(1);
      return wrap(out);
    }
    return NotImplemented;
  }
  return binaryUfunc(name, [A, B]);
}

/** Python ints out of an int array's range compare exactly (NumPy 2 special-cases them). */
function exactIntComparison(/** @type {string} */ name, /** @type {Operand[]} */ ops) {
  const [A, B] = ops;
  const arr = A.array ?? B.array;
  const weak = A.array ? B.weak : A.weak;
  if (!arr?.dtype.isInt || typeof weak !== 'bigint') return null;
  const [lo, hi] = arr.dtype.limits;
  if (weak >= lo && weak <= hi) return null;
  const flip = !A.array;
  const values = arr.values();
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = BigInt(values[i]);
    const [l, r] = flip ? [weak, x] : [x, weak];
    out[i] = compareValues(name, l, r) ? 1 : 0;
  }
  return wrap(NDArray.fromValues(BOOL, [...arr.shape], out, arr.axisOrder()));
}

/** @param {string} name @param {any} x @param {any} y */
function compareValues(name, x, y) {
  switch (name) {
    case 'equal':
      return x === y;
    case 'not_equal':
      return x !== y;
    case 'less':
      return x < y;
    case 'less_equal':
      return x <= y;
    case 'greater':
      return x > y;
    default:
      return x >= y;
  }
}

const COMPARISONS = new Set([
  'equal',
  'not_equal',
  'less',
  'less_equal',
  'greater',
  'greater_equal',
]);
const LOGICAL = new Set(['logical_and', 'logical_or', 'logical_xor']);
const BITWISE = new Set(['bitwise_and', 'bitwise_or', 'bitwise_xor', 'left_shift', 'right_shift']);

/**
 * The loop of a binary ufunc for a common type: [input type, output type].
 * @param {string} name @param {DType} t @param {Operand[]} ops
 * @returns {[DType, DType]}
 */
function binaryLoop(name, t, ops) {
  if (t.isString) {
    if (COMPARISONS.has(name)) return [t, BOOL];
    throw noLoopDtypes(name, ops);
  }
  if (COMPARISONS.has(name) || LOGICAL.has(name)) return [t, BOOL];
  switch (name) {
    case 'add':
    case 'multiply':
    case 'maximum':
    case 'minimum':
      return [t, t];
    case 'subtract':
      if (t === BOOL) {
        throw typeError(
          'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
        );
      }
      return [t, t];
    case 'true_divide':
      if (t === FLOAT32) return [t, t];
      return [FLOAT64, FLOAT64];
    case 'floor_divide':
    case 'remainder':
    case 'power':
    case 'fmod':
      if (t === BOOL)
        throw new Unsupported(`np.${name} of two boolean arrays (NumPy computes it in int8)`);
      return [t, t];
    case 'arctan2':
    case 'hypot':
      throw new Unsupported(`np.${name}`);
    default:
      if (BITWISE.has(name)) {
        if (t.isFloat) throw notSupportedForTypes(name);
        if (t === BOOL && (name === 'left_shift' || name === 'right_shift')) return [INT64, INT64];
        return [t, t];
      }
      throw new Unsupported(`np.${name}`);
  }
}

/**
 * A binary ufunc over two operands.
 * @param {string} name @param {Operand[]} ops
 * @param {boolean} [powerFastPaths]  false for NumPy's scalar math, which has none
 * @returns {Value}
 */
export function binaryUfunc(name, ops, powerFastPaths = true) {
  if (COMPARISONS.has(name)) {
    const exact = exactIntComparison(name, ops);
    if (exact) return exact;
    const strings = ops.map((o) => (o.array ? o.array.dtype.isString : typeof o.weak === 'string'));
    if (strings[0] !== strings[1]) {
      if (name === 'equal' || name === 'not_equal') {
        const shape = broadcastOperands(ops);
        const out = NDArray.zeros(BOOL, shape);
        if (name === 'not_equal') /** @type {Uint8Array} */ (out.s.data).fill(1);
        return wrap(out);
      }
      throw noLoopClasses(name, ops);
    }
  } else if (ops.some(isStringOperand)) {
    return stringBinary(name, ops);
  }
  const t = commonType(ops);
  const [loopType, outType] = binaryLoop(name, t, ops);
  const shape = broadcastOperands(ops);
  const n = shape.reduce((x, y) => x * y, 1);
  checkSize(n);
  chargeWork(n);
  const x = operandValues(ops[0], shape, loopType, n);
  const y = operandValues(ops[1], shape, loopType, n);
  const scalarRight = powerFastPaths && (ops[1].array === undefined || ops[1].array.size === 1);
  const values = binaryKernel(name, loopType, outType, x, y, n, scalarRight);
  return wrap(NDArray.fromValues(outType, shape, values, outputOrder(ops, shape)));
}

/**
 * @param {string} name @param {DType} t @param {DType} outType @param {any} x @param {any} y
 * @param {number} n @param {boolean} scalarRight  the second operand is one value (NumPy's
 *   power loop takes its fast paths only then)
 */
function binaryKernel(name, t, outType, x, y, n, scalarRight) {
  const out = outType.make(n);
  if (COMPARISONS.has(name)) {
    for (let i = 0; i < n; i++) out[i] = compareValues(name, x[i], y[i]) ? 1 : 0;
    return out;
  }
  if (LOGICAL.has(name)) {
    const zero = t.zero;
    for (let i = 0; i < n; i++) {
      const p = x[i] !== zero && !(t.isString && x[i] === '');
      const q = y[i] !== zero;
      out[i] = (name === 'logical_and' ? p && q : name === 'logical_or' ? p || q : p !== q) ? 1 : 0;
    }
    return out;
  }
  if (t === FLOAT64 || t === FLOAT32)
    return floatKernel(name, t === FLOAT32, x, y, n, out, scalarRight);
  if (t.isBig) return bigIntKernel(name, t, x, y, n, out);
  if (t.isInt) return smallIntKernel(name, t, x, y, n, out);
  return boolKernel(name, x, y, n, out);
}

/** @param {string} name @param {boolean} single @param {any} x @param {any} y @param {number} n @param {any} out @param {boolean} scalarRight */
function floatKernel(name, single, x, y, n, out, scalarRight) {
  // out is a Float32Array for float32: storing rounds each result to float32.
  switch (name) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
      return out;
    case 'subtract':
      for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
      return out;
    case 'multiply':
      for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
      return out;
    case 'true_divide':
      for (let i = 0; i < n; i++) out[i] = x[i] / y[i];
      return out;
    case 'floor_divide':
      for (let i = 0; i < n; i++) out[i] = floorDivide(x[i], y[i], single);
      return out;
    case 'remainder':
      for (let i = 0; i < n; i++) out[i] = remainder(x[i], y[i], single);
      return out;
    case 'fmod':
      for (let i = 0; i < n; i++) out[i] = x[i] % y[i];
      return out;
    case 'maximum':
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = maxMin(name === 'maximum', x[i], y[i]);
      return out;
    case 'power':
      for (let i = 0; i < n; i++) out[i] = floatPower(x[i], y[i], single, scalarRight);
      return out;
    default:
      throw new Unsupported(`np.${name} for floats`);
  }
}

/** np.maximum / np.minimum of two floats: NaN propagates. @param {boolean} isMax @param {number} a @param {number} b */
function maxMin(isMax, a, b) {
  if (Number.isNaN(a)) return a;
  if (Number.isNaN(b)) return b;
  if (a === 0 && b === 0 && Object.is(a, -0) !== Object.is(b, -0)) {
    // Which zero NumPy's SIMD loops keep depends on the lane: not reproduced.
    throw new Unsupported(`np.${isMax ? 'maximum' : 'minimum'} of +0.0 and -0.0`);
  }
  return isMax ? Math.max(a, b) : Math.min(a, b);
}

/** npy_floor_divide (CPython's float floor division, without its ZeroDivisionError). */
function floorDivide(
  /** @type {number} */ a,
  /** @type {number} */ b,
  /** @type {boolean} */ single,
) {
  if (b === 0 || Number.isNaN(b)) return a / b;
  return divmod(a, b, single)[0];
}

/** npy_remainder @param {number} a @param {number} b @param {boolean} single */
function remainder(a, b, single) {
  if (b === 0 || Number.isNaN(b)) return a % b;
  return divmod(a, b, single)[1];
}

/** npy_divmod, in the precision of the type. @param {number} a @param {number} b @param {boolean} single */
function divmod(a, b, single) {
  const r = single ? Math.fround : (/** @type {number} */ v) => v;
  let mod = a % b; // fmod is exact
  let div = r(r(a - mod) / b);
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod = r(mod + b);
      div = r(div - 1);
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv;
  if (div) {
    floordiv = Math.floor(div);
    if (r(div - floordiv) > 0.5) floordiv = r(floordiv + 1);
  } else {
    const q = a / b;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** The float power loop: its scalar-exponent fast paths, else the C library's pow. */
function floatPower(
  /** @type {number} */ x,
  /** @type {number} */ y,
  /** @type {boolean} */ single,
  /** @type {boolean} */ scalarRight,
) {
  if (scalarRight) {
    if (y === -1) return 1 / x;
    if (y === 0) return 1;
    if (y === 0.5) return Math.sqrt(x);
    if (y === 1) return x;
    if (y === 2) return x * x;
  }
  if (!single && powPort.f) return powPort.f(x, y);
  return exactPower(x, y, single);
}

/**
 * int64 and uint64 loops, on BigInts; the results wrap as NumPy's do.
 * @param {string} name @param {DType} t @param {BigInt64Array | BigUint64Array} x
 * @param {BigInt64Array | BigUint64Array} y @param {number} n @param {BigInt64Array | BigUint64Array} out
 */
function bigIntKernel(name, t, x, y, n, out) {
  const min = t.limits[0];
  const bits = BigInt(t.bits);
  switch (name) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = x[i] + y[i]; // BigInt64Array stores wrap
      return out;
    case 'subtract':
      for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
      return out;
    case 'multiply':
      for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
      return out;
    case 'floor_divide':
      for (let i = 0; i < n; i++) out[i] = intFloorDiv(x[i], y[i], min);
      return out;
    case 'remainder':
      for (let i = 0; i < n; i++) out[i] = intMod(x[i], y[i]);
      return out;
    case 'fmod':
      for (let i = 0; i < n; i++) out[i] = y[i] === 0n ? 0n : x[i] % y[i];
      return out;
    case 'maximum':
      for (let i = 0; i < n; i++) out[i] = bigMax(x[i], y[i]);
      return out;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = bigMin(x[i], y[i]);
      return out;
    case 'power':
      for (let i = 0; i < n; i++) out[i] = /** @type {bigint} */ (intPower(x[i], y[i], t));
      return out;
    case 'bitwise_and':
      for (let i = 0; i < n; i++) out[i] = x[i] & y[i];
      return out;
    case 'bitwise_or':
      for (let i = 0; i < n; i++) out[i] = x[i] | y[i];
      return out;
    case 'bitwise_xor':
      for (let i = 0; i < n; i++) out[i] = x[i] ^ y[i];
      return out;
    case 'left_shift':
      for (let i = 0; i < n; i++) out[i] = y[i] < 0n || y[i] >= bits ? 0n : x[i] << y[i];
      return out;
    case 'right_shift':
      for (let i = 0; i < n; i++) {
        out[i] = y[i] < 0n || y[i] >= bits ? (x[i] < 0n ? -1n : 0n) : x[i] >> y[i];
      }
      return out;
    default:
      throw new Unsupported(`np.${name} for integers`);
  }
}

/**
 * Loops for the integers of up to 32 bits, on JS numbers (exact: operands below 2**32); the
 * typed array of the result wraps each value into the type, as NumPy's C loops do.
 * @param {string} name @param {DType} t @param {ArrayLike<number>} x @param {ArrayLike<number>} y
 * @param {number} n @param {Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array} out
 */
function smallIntKernel(name, t, x, y, n, out) {
  const min = Number(t.limits[0]);
  const bits = t.bits;
  switch (name) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
      return out;
    case 'subtract':
      for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
      return out;
    case 'multiply':
      if (bits < 32) for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
      else for (let i = 0; i < n; i++) out[i] = Math.imul(x[i], y[i]);
      return out;
    case 'floor_divide':
      for (let i = 0; i < n; i++) out[i] = numFloorDiv(x[i], y[i], min);
      return out;
    case 'remainder':
      for (let i = 0; i < n; i++) out[i] = numMod(x[i], y[i]);
      return out;
    case 'fmod':
      for (let i = 0; i < n; i++) out[i] = y[i] === 0 ? 0 : x[i] % y[i];
      return out;
    case 'maximum':
      for (let i = 0; i < n; i++) out[i] = Math.max(x[i], y[i]);
      return out;
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = Math.min(x[i], y[i]);
      return out;
    case 'power':
      for (let i = 0; i < n; i++)
        out[i] = /** @type {number} */ (intPower(BigInt(x[i]), BigInt(y[i]), t));
      return out;
    case 'bitwise_and':
      for (let i = 0; i < n; i++) out[i] = x[i] & y[i];
      return out;
    case 'bitwise_or':
      for (let i = 0; i < n; i++) out[i] = x[i] | y[i];
      return out;
    case 'bitwise_xor':
      for (let i = 0; i < n; i++) out[i] = x[i] ^ y[i];
      return out;
    case 'left_shift':
      for (let i = 0; i < n; i++) {
        out[i] = y[i] < 0 || y[i] >= bits ? 0 : Number(t.wrap(BigInt(x[i]) << BigInt(y[i])));
      }
      return out;
    case 'right_shift':
      for (let i = 0; i < n; i++) {
        out[i] = y[i] < 0 || y[i] >= bits ? (x[i] < 0 ? -1 : 0) : Math.floor(x[i] / 2 ** y[i]);
      }
      return out;
    default:
      throw new Unsupported(`np.${name} for integers`);
  }
}

/** @param {string} name @param {any} x @param {any} y @param {number} n @param {Uint8Array} out */
function boolKernel(name, x, y, n, out) {
  switch (name) {
    case 'add':
    case 'bitwise_or':
    case 'maximum':
      for (let i = 0; i < n; i++) out[i] = x[i] | y[i];
      return out;
    case 'multiply':
    case 'bitwise_and':
    case 'minimum':
      for (let i = 0; i < n; i++) out[i] = x[i] & y[i];
      return out;
    case 'bitwise_xor':
      for (let i = 0; i < n; i++) out[i] = x[i] ^ y[i];
      return out;
    default:
      throw new Unsupported(`np.${name} for booleans`);
  }
}

/** The larger of two BigInts. @param {bigint} a @param {bigint} b */
function bigMax(a, b) {
  if (a < b) return b;
  return a;
}

/** The smaller of two BigInts. @param {bigint} a @param {bigint} b */
function bigMin(a, b) {
  if (a > b) return b;
  return a;
}

/**
 * NumPy's integer floor division on BigInts: floor, x // 0 is 0, MIN // -1 is MIN.
 * @param {bigint} a @param {bigint} b @param {bigint} min
 */
function intFloorDiv(a, b, min) {
  if (b === 0n) return 0n;
  if (a === min && b === -1n) return min;
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** NumPy's integer remainder on BigInts: the sign of the divisor, x % 0 is 0. @param {bigint} a @param {bigint} b */
function intMod(a, b) {
  if (b === 0n) return 0n;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** The same floor division on exact JS integers. @param {number} a @param {number} b @param {number} min */
function numFloorDiv(a, b, min) {
  if (b === 0) return 0;
  if (a === min && b === -1) return min;
  const r = numMod(a, b);
  return (a - r) / b;
}

/** The same remainder on exact JS integers. @param {number} a @param {number} b */
function numMod(a, b) {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/**
 * Integer power by squaring, wrapping into the type; negative exponents are an error.
 * @param {bigint} a @param {bigint} b @param {DType} t @returns {bigint | number}
 */
function intPower(a, b, t) {
  if (b < 0n) {
    throw new PyError('ValueError', 'Integers to negative integer powers are not allowed.');
  }
  let result = 1n;
  let base = a;
  let e = b;
  const bits = t.bits;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asIntN(bits + 1, result * base);
    base = BigInt.asIntN(bits + 1, base * base);
    e >>= 1n;
  }
  return t.wrap(result);
}

// --- unary ufuncs --------------------------------------------------------------------------------

const UNARY_OPS = { '-': 'negative', '+': 'positive', '~': 'invert', abs: 'absolute' };

/** -a, +a, ~a, abs(a). @param {string} op @param {Value} a */
export function unaryOperator(op, a) {
  const name = /** @type {Record<string, string>} */ (UNARY_OPS)[op];
  const A = operand(a);
  if (!name || !A?.array) return NotImplemented;
  return unaryUfunc(name, A);
}

/**
 * Set by index.js from the wasm package, when it has them: glibc's float64 functions (NumPy's
 * loops call them on an AVX2 machine) and NumPy's own tanh, each over a Float64Array.
 * @type {Record<string, ((x: Float64Array) => Float64Array) | null>}
 */
export const mathPorts = {
  exp: null,
  log: null,
  log1p: null,
  log2: null,
  log10: null,
  exp2: null,
  expm1: null,
  tanh: null,
};

/**
 * Set by index.js: glibc's float64 pow(x, y), when the wasm package has it.
 * @type {{ f: ((x: number, y: number) => number) | null }}
 */
export const powPort = { f: null };

/**
 * A unary ufunc.
 * @param {string} name @param {Operand} o
 * @returns {Value}
 */
export function unaryUfunc(name, o) {
  const a = o.array ?? ufuncHooks.asArray(/** @type {any} */ (o.weak));
  const t = a.dtype;
  if (t.isString) {
    if (name === 'negative' || name === 'positive' || name === 'absolute' || name === 'sign')
      throw noLoop(name, [t]);
    throw notSupportedForTypes(name);
  }
  const n = a.size;
  chargeWork(n);
  if (Object.hasOwn(mathPorts, name)) return transcendental(name, a);
  const kernel = t.isFloat
    ? floatUnary(name, t)
    : (integerUnary(name, t) ?? floatUnary(name, floatFor(name, t)));
  let x = a.values();
  if (kernel.outType.isFloat && !t.isFloat) x = castBuffer(x, t, FLOAT64);
  const out = kernel.outType.make(n);
  for (let i = 0; i < n; i++) out[i] = kernel.f(x[i]); // Float32Array stores round
  return wrap(NDArray.fromValues(kernel.outType, [...a.shape], out, a.axisOrder()));
}

/**
 * The float type a float ufunc computes an integer array in: the smallest that holds it
 * (float16 for bools and 8-bit integers, not available here).
 * @param {string} name @param {DType} t
 */
function floatFor(name, t) {
  if (t.itemsize === 1) {
    throw new Unsupported(`np.${name} of ${t.name} values (NumPy computes it in float16)`);
  }
  return t.itemsize === 2 ? FLOAT32 : FLOAT64;
}

/** @typedef {{ outType: DType, f: (v: any) => any }} UnaryKernel */

/**
 * The loop of a unary ufunc on integers and booleans; null when it computes in floats.
 * @param {string} name @param {DType} t @returns {UnaryKernel | null}
 */
function integerUnary(name, t) {
  const big = t.isBig;
  switch (name) {
    case 'negative':
      if (t === BOOL) {
        throw typeError(
          'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
        );
      }
      // (The result's typed array wraps: -1 is 255 in uint8.)
      return { outType: t, f: big ? (/** @type {bigint} */ v) => t.wrap(-v) : (v) => -v };
    case 'positive':
      if (t === BOOL) throw noLoop('positive', [t]);
      return { outType: t, f: (v) => v };
    case 'absolute':
      if (t === BOOL || t.isUnsigned) return { outType: t, f: (v) => v };
      return {
        outType: t,
        f: big ? (/** @type {bigint} */ v) => t.wrap(v < 0n ? -v : v) : (v) => Math.abs(v),
      };
    case 'invert':
      if (t === BOOL) return { outType: t, f: (v) => (v ? 0 : 1) };
      return { outType: t, f: (v) => ~v };
    case 'logical_not':
      return { outType: BOOL, f: (v) => (v === t.zero ? 1 : 0) };
    case 'square':
      if (t === BOOL) {
        throw new Unsupported('np.square of a boolean array (NumPy computes it in int8)');
      }
      if (big) return { outType: t, f: (/** @type {bigint} */ v) => t.wrap(v * v) };
      return { outType: t, f: t.bits < 32 ? (v) => v * v : (v) => Math.imul(v, v) };
    case 'reciprocal':
      if (t === BOOL) return null;
      // Integer division 1 / v, C's: 0 for |v| > 1; the x86 result for 1 / 0.
      return { outType: t, f: (v) => intReciprocal(v, t) };
    case 'floor':
    case 'ceil':
    case 'trunc':
      return { outType: t, f: (v) => v };
    case 'sign':
      if (t === BOOL) throw noLoop('sign', [t]);
      return {
        outType: t,
        f: big ? (v) => (v > 0n ? 1n : v < 0n ? -1n : 0n) : (v) => Math.sign(v),
      };
    case 'isnan':
    case 'isinf':
      return { outType: BOOL, f: () => 0 };
    case 'isfinite':
      return { outType: BOOL, f: () => 1 };
    case 'signbit':
      return { outType: BOOL, f: (v) => (v < 0 ? 1 : 0) };
    default:
      return null;
  }
}

/** @param {any} v @param {DType} t */
function intReciprocal(v, t) {
  const x = BigInt(v);
  const r = x === 1n ? 1n : x === -1n ? -1n : x === 0n ? t.limits[0] : 0n;
  return t.wrap(r);
}

/**
 * The loop of a unary ufunc on floats (integers converted to float64 before).
 * @param {string} name @param {DType} t @returns {UnaryKernel}
 */
function floatUnary(name, t) {
  const outType = t === FLOAT32 ? FLOAT32 : FLOAT64;
  switch (name) {
    case 'negative':
      return { outType, f: (v) => -v };
    case 'positive':
      return { outType, f: (v) => v };
    case 'absolute':
      return { outType, f: Math.abs };
    case 'invert':
      throw notSupportedForTypes('invert');
    case 'logical_not':
      return { outType: BOOL, f: (v) => (v === 0 ? 1 : 0) };
    case 'square':
      return { outType, f: (v) => v * v };
    case 'reciprocal':
      return { outType, f: (v) => 1 / v };
    case 'sqrt':
      return { outType, f: Math.sqrt };
    case 'rint':
      return { outType, f: roundHalfEven };
    case 'floor':
      return { outType, f: Math.floor };
    case 'ceil':
      return { outType, f: Math.ceil };
    case 'trunc':
      return { outType, f: Math.trunc };
    case 'sign':
      return { outType, f: (v) => (v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v) };
    case 'isnan':
      return { outType: BOOL, f: (v) => (Number.isNaN(v) ? 1 : 0) };
    case 'isinf':
      return { outType: BOOL, f: (v) => (v === Infinity || v === -Infinity ? 1 : 0) };
    case 'isfinite':
      return { outType: BOOL, f: (v) => (Number.isFinite(v) ? 1 : 0) };
    case 'signbit':
      return { outType: BOOL, f: (v) => (v < 0 || Object.is(v, -0) ? 1 : 0) };
    default:
      throw new Unsupported(`np.${name}`);
  }
}

/**
 * np.exp, np.log, np.log1p, np.log2, np.log10, np.exp2, np.expm1 of float64 values (integers
 * converted), through seedlab's ports of glibc's functions, which NumPy calls on an AVX2
 * machine; np.tanh through seedlab's port of NumPy's own SIMD tanh.
 * @param {string} name @param {NDArray} a
 */
function transcendental(name, a) {
  const t = a.dtype;
  const port = mathPorts[name];
  if (!port) {
    throw new Unsupported(
      `np.${name} (its C library digits need seedlab's math ports, which this build of the wasm package lacks)`,
    );
  }
  if (t === FLOAT32 || (!t.isFloat && t.itemsize <= 2)) {
    throw new Unsupported(
      `np.${name} of ${t.name} values (NumPy computes them in float32 or float16 with its own SIMD code)`,
    );
  }
  const x = a.values();
  const vals = t === FLOAT64 ? Float64Array.from(x) : castBuffer(x, t, FLOAT64);
  return wrap(NDArray.fromValues(FLOAT64, [...a.shape], port(vals), a.axisOrder()));
}

/** rint: round half to even. @param {number} v */
export function roundHalfEven(v) {
  if (!Number.isFinite(v)) return v;
  const r = Math.round(v); // half up
  if (r - v === 0.5 && r % 2 !== 0) return r - 1;
  if (r === 0 && (v < 0 || Object.is(v, -0))) return -0;
  return r;
}

// --- matmul --------------------------------------------------------------------------------------

/** a @ b: integers only (float products go through BLAS, whose summation order is not reproduced). */
function matmul(/** @type {Operand} */ A, /** @type {Operand} */ B) {
  if (!A.array || !B.array) {
    throw new PyError(
      'ValueError',
      'matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)',
    );
  }
  const t = promote(A.array.dtype, B.array.dtype);
  if (!t.isInt)
    throw new Unsupported(
      '@ and np.dot on float arrays (NumPy sums them in BLAS, in an order not reproduced here)',
    );
  const a = A.array.astype(INT64);
  const b = B.array.astype(INT64);
  if (a.ndim === 0 || b.ndim === 0) {
    throw new PyError(
      'ValueError',
      `matmul: Input operand ${a.ndim === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`,
    );
  }
  if (a.ndim > 2 || b.ndim > 2) throw new Unsupported('@ on arrays of more than 2 dimensions');
  const [n, k] = a.ndim === 1 ? [1, a.shape[0]] : a.shape;
  const [k2, m] = b.ndim === 1 ? [b.shape[0], 1] : b.shape;
  if (k !== k2) {
    throw new PyError(
      'ValueError',
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${k2} is different from ${k})`,
    );
  }
  const x = /** @type {BigInt64Array} */ (a.values());
  const y = /** @type {BigInt64Array} */ (b.values());
  const out = new BigInt64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0n;
      for (let q = 0; q < k; q++) s = BigInt.asIntN(64, s + x[i * k + q] * y[q * m + j]);
      out[i * m + j] = s;
    }
  }
  const shape =
    a.ndim === 1 && b.ndim === 1 ? [] : a.ndim === 1 ? [m] : b.ndim === 1 ? [n] : [n, m];
  const result = NDArray.fromBuffer(out, shape, INT64);
  // Wrapping sums of products agree modulo 2**bits with the narrower type's own loop.
  return wrap(t === INT64 ? result : result.astype(t));
}

// Python values to NumPy arrays and elements: np.array's discovery of shape and type from
// nested lists (with NumPy's error for ragged ones), element conversion with NumPy's errors,
// `dtype=` arguments, and np.dtype objects.
//
//   asArray(list [[1, 2], [3, 4]])        int64 array of shape (2, 2)
//   dtypeArg('float32')                   FLOAT32

import { PyError, typeError, Unsupported, valueError } from '../../errors.js';
import { PyList, PyObject, PyRange, PyTuple, PyType } from '../../objects.js';
import { str as pyStr, reprString, toFloat, typeName } from '../../ops.js';
import { chargeWork, checkSize } from './budget.js';
import {
  BOOL,
  bigintToFloat32,
  castValue,
  checkIntBounds,
  DType,
  defaultTypeOf,
  dtypeFromString,
  FLOAT32,
  FLOAT64,
  INT8,
  INT16,
  INT32,
  INT64,
  promote,
  UINT8,
  UINT16,
  UINT32,
  UINT64,
  unicode,
} from './dtype.js';
import { hooks, NDArray } from './ndarray.js';
import { NpScalar, scalarHooks, scalarType } from './scalar.js';
import { ufuncHooks } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */

/**
 * One element of `dtype` from a Python value, with NumPy's errors.
 * @param {Value} v @param {DType} t @returns {any}
 */
export function toRaw(v, t) {
  if (v instanceof NpScalar) {
    if (v.dtype.isString && !t.isString) return toRaw(v.raw, t);
    if (t.isString) return truncate(v.str(), t);
    return castValue(v.raw, v.dtype, t);
  }
  if (v instanceof NDArray) {
    if (v.size !== 1) throw typeError('only length-1 arrays can be converted to Python scalars');
    return castValue(v.rawAt(0), v.dtype, t);
  }
  if (t.isInt) return pyToInt(v, t);
  switch (t) {
    case FLOAT64:
    case FLOAT32: {
      if (typeof v === 'string') return stringToFloat(v, t);
      if (typeof v === 'bigint' && t === FLOAT32) return bigintToFloat32(v);
      if (typeof v === 'bigint' && (v >= 2n ** 1024n || v <= -(2n ** 1024n))) {
        throw new PyError('OverflowError', 'int too large to convert to float');
      }
      const x = toFloat(
        v,
        `float() argument must be a string or a real number, not '${typeName(v)}'`,
      );
      return t === FLOAT32 ? Math.fround(x) : x;
    }
    case BOOL:
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'bigint') return v !== 0n ? 1 : 0;
      if (typeof v === 'number') return v !== 0 ? 1 : 0;
      if (typeof v === 'string') return v !== '' ? 1 : 0;
      if (v === null) return 0;
      break;
    default:
      if (t.isString) return truncate(pyStr(v), t);
  }
  if (v === null) {
    if (t.isFloat) return Number.NaN;
    throw typeError(
      `int() argument must be a string, a bytes-like object or a real number, not 'NoneType'`,
    );
  }
  throw typeError(
    `${t.isFloat ? 'float' : 'int'}() argument must be a string or a${t.isFloat ? '' : ' bytes-like object or a'} real number, not '${typeName(v)}'`,
  );
}

/**
 * A Python value as an element of an integer type, with NumPy's errors.
 * @param {Value} v @param {DType} t
 */
function pyToInt(v, t) {
  /** @type {bigint} */
  let n;
  if (typeof v === 'boolean') n = v ? 1n : 0n;
  else if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number') {
    if (Number.isNaN(v)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(v)) {
      throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    }
    n = BigInt(Math.trunc(v));
  } else if (typeof v === 'string') {
    if (!/^\s*[+-]?\d+\s*$/.test(v)) {
      throw valueError(`invalid literal for int() with base 10: ${reprString(v)}`);
    }
    n = BigInt(v.trim());
  } else if (v === null) {
    throw typeError(
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
    );
  } else {
    throw typeError(
      `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`,
    );
  }
  checkIntBounds(n, t);
  return t.isBig ? n : Number(n);
}

/** @param {string} s @param {DType} t */
function truncate(s, t) {
  const chars = [...s];
  return chars.length > t.chars ? chars.slice(0, t.chars).join('') : s;
}

/** @param {string} s @param {DType} t */
function stringToFloat(s, t) {
  const text = s.trim().replace(/_(?=\d)/g, '');
  let x;
  if (/^[+-]?(inf|infinity)$/i.test(text)) x = text.startsWith('-') ? -Infinity : Infinity;
  else if (/^[+-]?nan$/i.test(text)) x = Number.NaN;
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) x = Number(text);
  else throw valueError(`could not convert string to float: ${reprString(s)}`);
  return t === FLOAT32 ? Math.fround(x) : x;
}

/** The Python value's element type and the printed length of numbers in a string array. */
const STRING_LENGTH = new Map([
  [BOOL, 5],
  [INT8, 4],
  [INT16, 6],
  [INT32, 11],
  [INT64, 21],
  [UINT8, 3],
  [UINT16, 5],
  [UINT32, 10],
  [UINT64, 20],
  [FLOAT32, 32],
  [FLOAT64, 32],
]);

/**
 * np.array(v, dtype=t): shape and type discovery over nested lists and tuples.
 * @param {Value} v @param {DType | null} [t] @param {boolean} [copy]
 * @returns {NDArray}
 */
export function asArray(v, t = null, copy = false) {
  if (v instanceof NDArray) {
    if (t === null || t === v.dtype) return copy ? v.copy('K') : v;
    if (t.isString && !v.dtype.isString)
      throw new Unsupported('converting a numeric array to strings');
    if (!t.isString && v.dtype.isString) return fromNested(v.values(), [...v.shape], v.dtype, t);
    return v.astype(t);
  }
  if (v instanceof NpScalar) {
    const arr = v.toArray();
    return t === null || t === v.dtype ? arr : asArray(arr, t);
  }
  if (v instanceof PyRange) {
    const items = [];
    for (let i = v.start; v.step > 0n ? i < v.stop : i > v.stop; i += v.step) items.push(i);
    return asArray(new PyList(items), t);
  }
  if (!(v === null || typeof v !== 'object' || v instanceof PyList || v instanceof PyTuple)) {
    if (
      v instanceof PyObject &&
      typeof (/** @type {any} */ (v).iter) === 'function' &&
      !(v instanceof PyType)
    ) {
      throw new Unsupported(`np.array of a ${v.typeName} (only lists, tuples and arrays)`);
    }
    throw new Unsupported(`arrays of Python objects (dtype=object), here of ${typeName(v)}`);
  }
  if (v === null) throw new Unsupported('arrays of Python objects (dtype=object), here of None');
  /** @type {number[]} */
  const shape = [];
  /** @type {Value[]} */
  const leaves = [];
  discover(v, 0, shape, leaves);
  checkSize(leaves.length);
  chargeWork(leaves.length);
  let type = t;
  if (type === null || (type.isString && type.chars === 0)) {
    let found = /** @type {DType | null} */ (null);
    let hasString = false;
    let numberLength = 0;
    for (const leaf of leaves) {
      const lt = leafType(leaf);
      if (lt.isString) hasString = true;
      else numberLength = Math.max(numberLength, STRING_LENGTH.get(lt) ?? 0);
      found =
        found === null
          ? lt
          : lt.isString || found.isString
            ? stringUnion(found, lt)
            : promote(found, lt);
    }
    if (found === null) found = FLOAT64;
    if (hasString && numberLength) found = unicode(Math.max(found.chars, numberLength));
    if (type?.isString && !found.isString)
      found = unicode(Math.max(1, ...leaves.map((l) => [...pyStr(l)].length)));
    type = found;
  }
  return fromLeaves(leaves, shape, /** @type {DType} */ (type));
}

/** @param {DType} a @param {DType} b */
function stringUnion(a, b) {
  return unicode(Math.max(a.chars, b.chars));
}

/** @param {Value} leaf */
function leafType(leaf) {
  if (leaf instanceof NpScalar) return leaf.dtype;
  if (leaf instanceof NDArray) return leaf.dtype;
  if (leaf === null || (typeof leaf === 'object' && !(leaf instanceof NpScalar))) {
    throw new Unsupported(`arrays of Python objects (dtype=object), here of ${typeName(leaf)}`);
  }
  return defaultTypeOf(/** @type {any} */ (leaf));
}

/**
 * Walks nested sequences, recording the shape and the leaves (NumPy's "requested array has
 * an inhomogeneous shape" error when they are ragged).
 * @param {Value} v @param {number} depth @param {number[]} shape @param {Value[]} leaves
 */
function discover(v, depth, shape, leaves) {
  const ragged = () =>
    new PyError(
      'ValueError',
      `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${shapeRepr(shape.slice(0, depth))} + inhomogeneous part.`,
    );
  if (v instanceof PyList || v instanceof PyTuple) {
    if (shape.length === depth) {
      if (depth > 0 && leaves.length > 0) throw ragged();
      shape.push(v.items.length);
    } else if (shape.length < depth || shape[depth] !== v.items.length) throw ragged();
    for (const item of v.items) discover(item, depth + 1, shape, leaves);
    return;
  }
  if (v instanceof NDArray && v.ndim > 0) {
    // An array inside a list contributes its dimensions.
    const sub = v.shape;
    for (let k = 0; k < sub.length; k++) {
      if (shape.length === depth + k) {
        if (leaves.length > 0 && depth + k > 0) throw ragged();
        shape.push(sub[k]);
      } else if (shape[depth + k] !== sub[k]) throw ragged();
    }
    if (shape.length !== depth + sub.length) throw ragged();
    const values = v.values();
    for (let i = 0; i < values.length; i++) leaves.push(v.scalar(values[i]));
    return;
  }
  if (shape.length > depth) throw ragged();
  leaves.push(v instanceof NDArray ? v.scalar(v.rawAt(0)) : v);
}

/** @param {number[]} shape */
function shapeRepr(shape) {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** @param {Value[]} leaves @param {number[]} shape @param {DType} t */
function fromLeaves(leaves, shape, t) {
  const data = t.make(leaves.length);
  for (let i = 0; i < leaves.length; i++) data[i] = toRaw(leaves[i], t);
  return NDArray.fromBuffer(data, shape, t);
}

/** @param {ArrayLike<any>} values @param {number[]} shape @param {DType} from @param {DType} t */
function fromNested(values, shape, from, t) {
  const leaves = Array.from(values, (v) => new NpScalar(from, v));
  return fromLeaves(leaves, shape, t);
}

// --- dtype arguments and np.dtype objects -----------------------------------------------------------

/** np.dtype(...) objects. */
export class PyDType extends PyObject {
  /** @param {DType} t */
  constructor(t) {
    super();
    this.t = t;
  }

  /** @override */
  get typeName() {
    return `numpy.dtypes.${this.t.isString ? 'StrDType' : this.t === BOOL ? 'BoolDType' : `${this.t.name[0].toUpperCase()}${this.t.name.slice(1)}DType`}`;
  }

  /** @override */
  repr() {
    return this.t.repr();
  }

  /** @override */
  str() {
    return this.t.isString ? this.t.str : this.t.name;
  }

  /** @override */
  hashKey() {
    return `dtype:${this.t.str}`;
  }

  /** @param {string} name @override */
  getattr(name) {
    const { t } = this;
    switch (name) {
      case 'name':
        return t.name;
      case 'kind':
        return t.kind === 'U' ? 'U' : t.kind;
      case 'char':
        return t.char;
      case 'str':
        return t.str;
      case 'itemsize':
        return BigInt(t.itemsize);
      case 'type':
        return scalarType(t);
      case 'byteorder':
        return t === BOOL ? '|' : '=';
      case 'ndim':
        return 0n;
      case 'shape':
        return new PyTuple([]);
      default:
        return undefined;
    }
  }

  /** @param {string} op @param {Value} other */
  compare(op, other) {
    if (op !== '==' && op !== '!=')
      return typeError(
        `'${op}' not supported between instances of 'numpy.dtype' and '${typeName(other)}'`,
      );
    let same = false;
    try {
      const o = dtypeArg(other);
      same = o !== null && o === this.t;
    } catch {
      same = false;
    }
    return op === '==' ? same : !same;
  }
}

/** @type {Map<DType, PyDType>} */
const DTYPE_OBJECTS = new Map();

/** The np.dtype object of a type. @param {DType} t */
export function dtypeObject(t) {
  let d = DTYPE_OBJECTS.get(t);
  if (!d) {
    d = new PyDType(t);
    DTYPE_OBJECTS.set(t, d);
  }
  return d;
}

/**
 * The type a `dtype=` argument names: np.float64, 'float32', float, np.dtype('int32'), '<U5';
 * null for a length-less string type ('U', str) that np.array sizes from the data.
 * @param {Value} v @returns {DType | null}
 */
export function dtypeArg(v) {
  if (v instanceof PyDType) return v.t;
  if (typeof v === 'string') return dtypeFromString(v);
  if (v instanceof PyType) {
    const t = /** @type {any} */ (v).dtype;
    if (t instanceof DType) return t.isString ? null : t;
    switch (v.name) {
      case 'float':
        return FLOAT64;
      case 'int':
        return INT64;
      case 'bool':
        return BOOL;
      case 'str':
        return null;
      case 'complex':
        throw new Unsupported('complex dtypes');
      default:
        throw typeError(`Cannot interpret '${v.repr()}' as a data type`);
    }
  }
  if (v === null) return FLOAT64;
  if (v instanceof NDArray || v instanceof NpScalar)
    throw typeError(`Cannot interpret '${v.repr()}' as a data type`);
  const shown =
    typeof v === 'string' ? reprString(v) : v instanceof PyObject ? v.repr() : String(v);
  throw typeError(`Cannot interpret '${shown}' as a data type`);
}

hooks.asArray = asArray;
hooks.toRaw = toRaw;
ufuncHooks.asArray = (v) => asArray(v);
ufuncHooks.toRaw = toRaw;
scalarHooks.dtypeArg = (v) => dtypeArg(v) ?? unicode(1);
scalarHooks.dtypeObject = dtypeObject;

// NumPy's data types as this module has them — float64, float32, int64, int32, bool and the
// '<U' unicode strings — with their buffers, casts and NumPy 2's promotion rules (NEP 50:
// Python int, float and complex are "weak" and take the array's type when they can).
//
//   promote(INT32, FLOAT32)           FLOAT64
//   weakResult(INT32, 5n)             INT32       (a Python int is weak)
//   castValues([1.7, -2.5], FLOAT64, INT64)   [1n, -2n]   (C casts truncate)
//
// Element values ("raw" values) are JS numbers for the float and int32 types, BigInts for
// int64, 0/1 for bool and JS strings for '<U'.

import { PyError, Unsupported } from '../../errors.js';

/** @typedef {'f' | 'i' | 'b' | 'U'} Kind */

export class DType {
  /**
   * @param {string} name  dtype.name ('float64', 'str160')
   * @param {Kind} kind
   * @param {number} itemsize  bytes
   * @param {string} char  dtype.char
   * @param {string} str  dtype.str ('<f8')
   * @param {(n: number) => any} make  a zeroed buffer of n elements
   * @param {number} [chars]  for '<U': the number of characters
   */
  constructor(name, kind, itemsize, char, str, make, chars = 0) {
    this.name = name;
    this.kind = kind;
    this.itemsize = itemsize;
    this.char = char;
    this.str = str;
    this.make = make;
    this.chars = chars;
  }

  get isFloat() {
    return this.kind === 'f';
  }

  get isInt() {
    return this.kind === 'i';
  }

  get isBool() {
    return this.kind === 'b';
  }

  get isString() {
    return this.kind === 'U';
  }

  /** The zero element of this type. */
  get zero() {
    if (this === INT64) return 0n;
    if (this.kind === 'U') return '';
    return 0;
  }

  /** repr(dtype) */
  repr() {
    return this.kind === 'U' ? `dtype('${this.str}')` : `dtype('${this.name}')`;
  }

  /** How array_repr writes it after `dtype=`: float32, '<U5'. */
  shortRepr() {
    return this.kind === 'U' ? `'${this.str}'` : this.name;
  }
}

export const FLOAT64 = new DType('float64', 'f', 8, 'd', '<f8', (n) => new Float64Array(n));
export const FLOAT32 = new DType('float32', 'f', 4, 'f', '<f4', (n) => new Float32Array(n));
export const INT64 = new DType('int64', 'i', 8, 'l', '<i8', (n) => new BigInt64Array(n));
export const INT32 = new DType('int32', 'i', 4, 'i', '<i4', (n) => new Int32Array(n));
export const BOOL = new DType('bool', 'b', 1, '?', '|b1', (n) => new Uint8Array(n));

/** @type {Map<number, DType>} */
const unicodeTypes = new Map();

/** The '<Un' type of n characters. @param {number} n */
export function unicode(n) {
  let t = unicodeTypes.get(n);
  if (!t) {
    t = new DType(`str${32 * n}`, 'U', 4 * n, 'U', `<U${n}`, (k) => new Array(k).fill(''), n);
    unicodeTypes.set(n, t);
  }
  return t;
}

const NUMERIC = [BOOL, INT32, INT64, FLOAT32, FLOAT64];

/** np.promote_types for the types here. @param {DType} a @param {DType} b @returns {DType} */
export function promote(a, b) {
  if (a === b) return a;
  if (a.kind === 'U' || b.kind === 'U') {
    if (a.kind === 'U' && b.kind === 'U') return a.chars >= b.chars ? a : b;
    return noCommonType(a, b);
  }
  if (a.kind === 'b') return b;
  if (b.kind === 'b') return a;
  if (a.kind === b.kind) return a.itemsize >= b.itemsize ? a : b;
  // int with float: int32 and int64 need float64 to hold them.
  return FLOAT64;
}

/** @param {DType} a @param {DType} b @returns {never} */
function noCommonType(a, b) {
  throw new PyError(
    'numpy.exceptions.DTypePromotionError',
    `The DType <class 'numpy.dtypes.${dtypeClassName(a)}'> could not be promoted by <class 'numpy.dtypes.${dtypeClassName(b)}'>. This means that no common DType exists for the given inputs. For example they cannot be stored in a single array unless the dtype is \`object\`. The full list of DTypes is: (<class 'numpy.dtypes.${dtypeClassName(a)}'>, <class 'numpy.dtypes.${dtypeClassName(b)}'>)`,
  );
}

/** The class name of a dtype in numpy.dtypes: Float64DType, StrDType. @param {DType} t */
export function dtypeClassName(t) {
  if (t.kind === 'U') return 'StrDType';
  if (t.kind === 'b') return 'BoolDType';
  return `${t.name[0].toUpperCase()}${t.name.slice(1)}DType`;
}

const INT_LIMITS = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
};

/**
 * The result type of an operation between an array (or NumPy scalar) of type `t` and a
 * Python scalar (NEP 50: int and float are weak, bool is np.bool).
 * @param {DType} t @param {boolean | bigint | number | string} value
 * @returns {DType}
 */
export function weakResult(t, value) {
  if (typeof value === 'boolean') return promote(t, BOOL);
  if (typeof value === 'bigint') {
    if (t.kind === 'b') return INT64;
    // (A Python int out of the type's range is an OverflowError when it is converted.)
    if (t.kind === 'i') return t;
    if (t.kind === 'f') return t;
    return noCommonType(t, INT64);
  }
  if (typeof value === 'number') {
    if (t.kind === 'f') return t;
    if (t.kind === 'U') return noCommonType(t, FLOAT64);
    return FLOAT64;
  }
  if (t.kind === 'U') return promote(t, unicode([...value].length));
  return noCommonType(t, unicode([...value].length));
}

/** NumPy 2's error for a Python int that does not fit an integer type. @param {bigint} v @param {DType} t */
export function checkIntBounds(v, t) {
  if (v < -(2n ** 63n) || v >= 2n ** 63n)
    throw new PyError('OverflowError', 'Python int too large to convert to C long');
  const [lo, hi] = INT_LIMITS[/** @type {'int64' | 'int32'} */ (t.name)];
  if (v < lo || v > hi)
    throw new PyError('OverflowError', `Python integer ${v} out of bounds for ${t.name}`);
}

/** The type NumPy gives a Python value when it makes an array of it (np.array(5) is int64). */
export function defaultTypeOf(/** @type {boolean | bigint | number | string} */ value) {
  switch (typeof value) {
    case 'boolean':
      return BOOL;
    case 'bigint':
      if (value < -(2n ** 63n) || value >= 2n ** 63n) {
        throw new Unsupported('integers beyond the int64 range in an array');
      }
      return INT64;
    case 'number':
      return FLOAT64;
    default:
      return unicode([...value].length);
  }
}

// --- casts between element values --------------------------------------------------------------

const f32 = new Float32Array(1);

/** A BigInt rounded to the nearest float32 (exactly, without double rounding). @param {bigint} n */
export function bigintToFloat32(n) {
  const a = n < 0n ? -n : n;
  if (a <= 2n ** 53n) return Math.fround(Number(n));
  const bits = a.toString(2).length;
  const shift = BigInt(bits - 24);
  let m = a >> shift;
  const rest = a - (m << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
  f32[0] = Number(m) * 2 ** Number(shift);
  return n < 0n ? -f32[0] : f32[0];
}

/** C's (int64_t)x on x86-64: truncation; NaN and out-of-range give INT64_MIN. @param {number} x */
function floatToInt64(x) {
  if (!(x >= -(2 ** 63) && x < 2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(x));
}

/** C's (int32_t)x on x86-64. @param {number} x */
function floatToInt32(x) {
  if (!(x > -2147483649) || !(x < 2147483648)) return -2147483648;
  return Math.trunc(x) | 0;
}

/**
 * Casts one raw value from one type to another as NumPy's unsafe casts do.
 * @param {any} v @param {DType} from @param {DType} to
 */
export function castValue(v, from, to) {
  if (from === to) return v;
  switch (to) {
    case FLOAT64:
      return from === INT64 ? Number(v) : v;
    case FLOAT32:
      return from === INT64 ? bigintToFloat32(v) : Math.fround(v);
    case INT64:
      if (from.kind === 'f') return floatToInt64(v);
      return BigInt(v);
    case INT32:
      if (from.kind === 'f') return floatToInt32(v);
      if (from === INT64) return Number(BigInt.asIntN(32, v));
      return v;
    case BOOL:
      if (from === INT64) return v !== 0n ? 1 : 0;
      return v !== 0 ? 1 : 0; // NaN != 0
    default:
      break;
  }
  if (to.kind === 'U') {
    if (from.kind === 'U') return v.length > to.chars ? [...v].slice(0, to.chars).join('') : v;
    throw new Unsupported(`casting ${from.name} values to strings`);
  }
  if (from.kind === 'U') throw new Unsupported(`casting strings to ${to.name}`);
  throw new Unsupported(`a cast from ${from.name} to ${to.name}`);
}

/**
 * A buffer of `to` holding the values of `values` (any array-like of `from`'s raw values).
 * @param {ArrayLike<any>} values @param {DType} from @param {DType} to
 */
export function castBuffer(values, from, to) {
  const n = values.length;
  const out = to.make(n);
  if (
    from === to ||
    (to === FLOAT64 && from !== INT64) ||
    (to === INT32 && (from === BOOL || from === INT32))
  ) {
    for (let i = 0; i < n; i++) out[i] = values[i];
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = castValue(values[i], from, to);
  return out;
}

/** Whether a cast is "safe" (np.can_cast(from, to)). @param {DType} from @param {DType} to */
export function canCastSafely(from, to) {
  if (from === to) return true;
  if (from.kind === 'U' || to.kind === 'U')
    return from.kind === 'U' && to.kind === 'U' && to.chars >= from.chars;
  return promote(from, to) === to;
}

/** Types by the names np.dtype() takes. */
const BY_NAME = new Map([
  ['float64', FLOAT64],
  ['f8', FLOAT64],
  ['d', FLOAT64],
  ['double', FLOAT64],
  ['float', FLOAT64],
  ['<f8', FLOAT64],
  ['float_', FLOAT64],
  ['float32', FLOAT32],
  ['f4', FLOAT32],
  ['f', FLOAT32],
  ['single', FLOAT32],
  ['<f4', FLOAT32],
  ['int64', INT64],
  ['i8', INT64],
  ['l', INT64],
  ['long', INT64],
  ['int', INT64],
  ['<i8', INT64],
  ['int_', INT64],
  ['intp', INT64],
  ['q', INT64],
  ['longlong', INT64],
  ['int32', INT32],
  ['i4', INT32],
  ['i', INT32],
  ['intc', INT32],
  ['<i4', INT32],
  ['bool', BOOL],
  ['?', BOOL],
  ['b1', BOOL],
  ['bool_', BOOL],
  ['|b1', BOOL],
]);

/** Names NumPy knows that this module does not implement. */
const KNOWN_OTHER =
  /^(?:[<>=|]?(?:u?int(8|16)|uint(32|64)|u[1248]|i[12]|f2|float16|half|float128|longdouble|g|c(8|16|32)|complex(64|128|256)?|csingle|cdouble|clongdouble|object|O|datetime64.*|M8.*|timedelta64.*|m8.*|bytes_?|S\d*|a\d*|V\d*|void|b|B|h|H|I|L|Q|e|F|D|G))$/;

/**
 * The type a dtype string names ('float32', '<U5', 'U', 'str'); null for 'U'/'str' without a
 * length (np.array picks it from the data).
 * @param {string} s @returns {DType | null}
 */
export function dtypeFromString(s) {
  const t = BY_NAME.get(s);
  if (t) return t;
  const m = /^[<=]?U(\d*)$/.exec(s);
  if (m) return m[1] === '' || m[1] === '0' ? null : unicode(Number(m[1]));
  if (s === 'str' || s === 'str_' || s === 'unicode') return null;
  if (KNOWN_OTHER.test(s)) throw new Unsupported(`the dtype '${s}'`);
  throw new PyError('TypeError', `data type '${s}' not understood`);
}

export { NUMERIC };

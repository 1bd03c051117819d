// NumPy's data types as this module has them — float64, float32, the signed and unsigned
// integers of 8 to 64 bits, bool and the '<U' unicode strings — with their buffers, casts and
// NumPy 2's promotion rules (NEP 50: Python int, float and complex are "weak" and take the
// array's type when they can).
//
//   promote(INT32, FLOAT32)           FLOAT64
//   promote(UINT8, INT8)              INT16
//   weakResult(INT32, 5n)             INT32       (a Python int is weak)
//   castValue(-1.5, FLOAT64, UINT8)   255         (C's casts, as x86-64 compiles them)
//
// Element values ("raw" values) are JS numbers for the float types and the integers of up to
// 32 bits, BigInts for int64 and uint64, 0/1 for bool and JS strings for '<U'. The buffers are
// the matching typed arrays, whose stores wrap integers as NumPy's arithmetic does.

import { PyError, Unsupported } from '../../errors.js';

/** @typedef {'f' | 'i' | 'u' | 'b' | 'U'} Kind */

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

  /** Signed or unsigned integers. */
  get isInt() {
    return this.kind === 'i' || this.kind === 'u';
  }

  get isUnsigned() {
    return this.kind === 'u';
  }

  /** Integers held as BigInts (int64, uint64). */
  get isBig() {
    return this.isInt && this.itemsize === 8;
  }

  get bits() {
    return this.itemsize * 8;
  }

  get isBool() {
    return this.kind === 'b';
  }

  get isString() {
    return this.kind === 'U';
  }

  /** The zero element of this type. */
  get zero() {
    if (this.isBig) return 0n;
    if (this.kind === 'U') return '';
    return 0;
  }

  /** The smallest and largest values of an integer type. @returns {[bigint, bigint]} */
  get limits() {
    const b = BigInt(this.bits);
    return this.isUnsigned ? [0n, 2n ** b - 1n] : [-(2n ** (b - 1n)), 2n ** (b - 1n) - 1n];
  }

  /** Wraps an exact integer (BigInt) into this integer type, as its typed array would. @param {bigint} v */
  wrap(v) {
    const w = this.isUnsigned ? BigInt.asUintN(this.bits, v) : BigInt.asIntN(this.bits, v);
    return this.isBig ? w : Number(w);
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
export const INT16 = new DType('int16', 'i', 2, 'h', '<i2', (n) => new Int16Array(n));
export const INT8 = new DType('int8', 'i', 1, 'b', '|i1', (n) => new Int8Array(n));
export const UINT64 = new DType('uint64', 'u', 8, 'L', '<u8', (n) => new BigUint64Array(n));
export const UINT32 = new DType('uint32', 'u', 4, 'I', '<u4', (n) => new Uint32Array(n));
export const UINT16 = new DType('uint16', 'u', 2, 'H', '<u2', (n) => new Uint16Array(n));
export const UINT8 = new DType('uint8', 'u', 1, 'B', '|u1', (n) => new Uint8Array(n));
export const BOOL = new DType('bool', 'b', 1, '?', '|b1', (n) => new Uint8Array(n));

/** The integer types by signedness and size. */
export const INTEGERS = [INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64];

/** The signed integer type of a number of bytes. @param {number} itemsize */
function signedOfSize(itemsize) {
  return /** @type {DType} */ (INTEGERS.find((t) => !t.isUnsigned && t.itemsize === itemsize));
}

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

/** np.promote_types for the types here. @param {DType} a @param {DType} b @returns {DType} */
export function promote(a, b) {
  if (a === b) return a;
  if (a.kind === 'U' || b.kind === 'U') {
    if (a.kind === 'U' && b.kind === 'U') return a.chars >= b.chars ? a : b;
    return noCommonType(a, b);
  }
  if (a.kind === 'b') return b;
  if (b.kind === 'b') return a;
  if (a.isFloat && b.isFloat) return a.itemsize >= b.itemsize ? a : b;
  if (a.isFloat || b.isFloat) {
    const [f, i] = a.isFloat ? [a, b] : [b, a];
    // float32 holds the integers of up to 16 bits; the others need float64.
    return f === FLOAT32 && i.itemsize <= 2 ? FLOAT32 : FLOAT64;
  }
  if (a.isUnsigned === b.isUnsigned) return a.itemsize >= b.itemsize ? a : b;
  const [u, i] = a.isUnsigned ? [a, b] : [b, a];
  if (i.itemsize > u.itemsize) return i;
  // A signed type twice the unsigned one's size; none for uint64.
  return u === UINT64 ? FLOAT64 : signedOfSize(u.itemsize * 2);
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
  if (t.isUnsigned) return `UInt${t.name.slice(4)}DType`;
  return `${t.name[0].toUpperCase()}${t.name.slice(1)}DType`;
}

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
    if (t.isInt || t.isFloat) return t;
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
  if (v < -(2n ** 63n) || v >= (t === UINT64 ? 2n ** 64n : 2n ** 63n)) {
    throw new PyError('OverflowError', 'Python int too large to convert to C long');
  }
  const [lo, hi] = t.limits;
  if (v < lo || v > hi) {
    throw new PyError('OverflowError', `Python integer ${v} out of bounds for ${t.name}`);
  }
}

/** The type NumPy gives a Python value when it makes an array of it (np.array(5) is int64). */
export function defaultTypeOf(/** @type {boolean | bigint | number | string} */ value) {
  switch (typeof value) {
    case 'boolean':
      return BOOL;
    case 'bigint':
      if (value >= 2n ** 63n && value < 2n ** 64n) return UINT64;
      if (value < -(2n ** 63n) || value >= 2n ** 64n) {
        throw new Unsupported('integers beyond 64 bits in an array (NumPy makes an object array)');
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

/** C's (uint64_t)x as gcc compiles it for x86-64 (via the signed conversion). @param {number} x */
function floatToUint64(x) {
  if (x >= 2 ** 63) return BigInt.asUintN(64, floatToInt64(x - 2 ** 63) ^ -(2n ** 63n));
  return BigInt.asUintN(64, floatToInt64(x));
}

/**
 * A float converted to an integer type as NumPy's C casts do on x86-64: the 8-, 16- and 32-bit
 * signed types and the 8- and 16-bit unsigned ones through int32, uint32 through int64.
 * @param {number} x @param {DType} to
 */
function floatToInt(x, to) {
  if (to.isUnsigned && to.itemsize >= 4 && !(x > -1 && x < 2 ** to.bits)) {
    // Undefined in C: NumPy's scalar and SIMD cast loops give different values.
    throw new Unsupported(`casting the float ${x} to ${to.name} (out of its range)`);
  }
  if (to === INT64) return floatToInt64(x);
  if (to === UINT64) return floatToUint64(x);
  if (to === UINT32) return Number(BigInt.asUintN(32, floatToInt64(x)));
  return to.wrap(BigInt(floatToInt32(x)));
}

/**
 * Casts one raw value from one type to another as NumPy's unsafe casts do.
 * @param {any} v @param {DType} from @param {DType} to
 */
export function castValue(v, from, to) {
  if (from === to) return v;
  if (to.kind === 'U' || from.kind === 'U') {
    if (from.kind === 'U' && to.kind === 'U') {
      return v.length > to.chars ? [...v].slice(0, to.chars).join('') : v;
    }
    throw new Unsupported(`casting ${from.name} values to ${to.name}`);
  }
  if (to === FLOAT64) return from.isBig ? Number(v) : v;
  if (to === FLOAT32) return from.isBig ? bigintToFloat32(v) : Math.fround(v);
  if (to === BOOL) return from.isBig ? (v !== 0n ? 1 : 0) : v !== 0 ? 1 : 0; // NaN != 0
  if (from.isFloat) return floatToInt(v, to);
  // Integers and bools wrap into the target's width.
  return to.wrap(BigInt(v));
}

/**
 * A buffer of `to` holding the values of `values` (any array-like of `from`'s raw values).
 * @param {ArrayLike<any>} values @param {DType} from @param {DType} to
 */
export function castBuffer(values, from, to) {
  const n = values.length;
  const out = to.make(n);
  // Number-valued sources into wider number-valued targets need no conversion.
  const plain =
    from === to ||
    (to === FLOAT64 && !from.isBig) ||
    (to.isInt && !to.isBig && (from === BOOL || (from.isInt && !from.isBig)));
  if (plain) {
    for (let i = 0; i < n; i++) out[i] = values[i]; // integer typed arrays wrap on store
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
  ['int16', INT16],
  ['i2', INT16],
  ['h', INT16],
  ['short', INT16],
  ['<i2', INT16],
  ['int8', INT8],
  ['i1', INT8],
  ['b', INT8],
  ['byte', INT8],
  ['|i1', INT8],
  ['uint64', UINT64],
  ['u8', UINT64],
  ['L', UINT64],
  ['Q', UINT64],
  ['ulong', UINT64],
  ['ulonglong', UINT64],
  ['uintp', UINT64],
  ['uint', UINT64],
  ['<u8', UINT64],
  ['uint32', UINT32],
  ['u4', UINT32],
  ['I', UINT32],
  ['uintc', UINT32],
  ['<u4', UINT32],
  ['uint16', UINT16],
  ['u2', UINT16],
  ['H', UINT16],
  ['ushort', UINT16],
  ['<u2', UINT16],
  ['uint8', UINT8],
  ['u1', UINT8],
  ['B', UINT8],
  ['ubyte', UINT8],
  ['|u1', UINT8],
  ['bool', BOOL],
  ['?', BOOL],
  ['b1', BOOL],
  ['bool_', BOOL],
  ['|b1', BOOL],
]);

/** Names NumPy knows that this module does not implement. */
const KNOWN_OTHER =
  /^(?:[<>=|]?(?:f2|float16|half|float128|longdouble|g|c(8|16|32)|complex(64|128|256)?|csingle|cdouble|clongdouble|object|O|datetime64.*|M8.*|timedelta64.*|m8.*|bytes_?|S\d*|a\d*|V\d*|void|e|F|D|G))$/;

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

// torch's dtypes as the page holds them (torch.float32, float64, int64, int32, int16, int8, uint8,
// bool), their
// buffers, and torch's type promotion (c10/core/ScalarType.h promoteTypes, and the
// ResultTypeState of aten/src/ATen/native/TypeProperties.cpp that ranks dimensioned tensors
// over zero-dim tensors over Python scalars).

import { PyObject } from '../../objects.js';

/** A torch.dtype. Instances are singletons: compare with ===. */
export class DType extends PyObject {
  /**
   * @param {string} name  'float32'
   * @param {'bool' | 'int' | 'float'} kind
   * @param {number} rank  position in the promotion order bool < uint8, int8 < int16 < int32 <
   *   int64 < float32 < float64
   * @param {number} itemsize
   * @param {(n: number) => any} make  a zeroed buffer of n elements
   */
  constructor(name, kind, rank, itemsize, make) {
    super();
    this.name = name;
    this.kind = kind;
    this.rank = rank;
    this.itemsize = itemsize;
    this.make = make;
  }

  /** @override */
  get typeName() {
    return 'dtype';
  }

  /** Py_TYPE(x)->tp_name, as torch's argument errors show it. */
  get tpName() {
    return 'torch.dtype';
  }

  get isFloating() {
    return this.kind === 'float';
  }

  /** Integral, bool excluded. */
  get isIntegral() {
    return this.kind === 'int';
  }

  /** @override */
  repr() {
    return `torch.${this.name}`;
  }

  /** @override */
  hashKey() {
    return `torch.dtype:${this.name}`;
  }

  /** @param {string} name @override */
  getattr(name) {
    switch (name) {
      case 'is_floating_point':
        return this.isFloating;
      case 'is_complex':
        return false;
      case 'is_signed':
        return this.name !== 'bool' && this.name !== 'uint8';
      case 'itemsize':
        return BigInt(this.itemsize);
      default:
        return undefined;
    }
  }
}

export const float32 = new DType('float32', 'float', 5, 4, (n) => new Float32Array(n));
export const float64 = new DType('float64', 'float', 6, 8, (n) => new Float64Array(n));
export const int64 = new DType('int64', 'int', 4, 8, (n) => new BigInt64Array(n));
export const int32 = new DType('int32', 'int', 3, 4, (n) => new Int32Array(n));
export const int16 = new DType('int16', 'int', 2, 2, (n) => new Int16Array(n));
export const int8 = new DType('int8', 'int', 1, 1, (n) => new Int8Array(n));
export const uint8 = new DType('uint8', 'int', 1, 1, (n) => new Uint8Array(n));
export const bool = new DType('bool', 'bool', 0, 1, (n) => new Uint8Array(n));

/** torch.get_default_dtype() (torch.set_default_dtype is not supported here). */
export const DEFAULT_FLOAT = float32;

/** Every dtype by its torch attribute names (aliases included). */
export const DTYPE_ATTRIBUTES = {
  float32,
  float: float32,
  float64,
  double: float64,
  int64,
  long: int64,
  int32,
  int: int32,
  int16,
  short: int16,
  int8,
  bool,
  uint8,
};

/** dtypes torch has that the page does not: `torch.int32` says it is not supported here. */
export const UNSUPPORTED_DTYPES = [
  'float16',
  'half',
  'bfloat16',
  'complex64',
  'cfloat',
  'complex128',
  'cdouble',
  'uint16',
  'uint32',
  'uint64',
  'float8_e4m3fn',
  'float8_e5m2',
  'complex32',
  'chalf',
  'qint8',
  'quint8',
  'qint32',
];

/**
 * promoteTypes for the page's dtypes: the higher of the two in bool < uint8, int8 < int16 <
 * int32 < int64 < float32 < float64, and uint8 with int8 is int16 (both fit).
 */
export function promoteTypes(/** @type {DType} */ a, /** @type {DType} */ b) {
  if ((a === uint8 && b === int8) || (a === int8 && b === uint8)) return int16;
  return a.rank >= b.rank ? a : b;
}

/**
 * The dtype of a Python scalar operand as torch wraps it: bool, int64, or the default float.
 * @param {any} v  a boolean, bigint or number
 */
export function scalarDType(v) {
  if (typeof v === 'boolean') return bool;
  if (typeof v === 'bigint') return int64;
  return DEFAULT_FLOAT;
}

/** c10's combine_categories(higher, lower) for real dtypes (null = Undefined). */
function combineCategories(/** @type {DType | null} */ higher, /** @type {DType | null} */ lower) {
  if (higher === null) return lower;
  if (lower === null) return higher;
  if (higher.isFloating) return higher;
  if (higher === bool || lower.isFloating) return promoteTypes(higher, lower);
  return higher;
}

/**
 * at::result_type over operands: tensors with dimensions first, then zero-dim tensors, then
 * Python scalars, each group promoted, combined by category (an int tensor plus a float scalar
 * is float32; a float32 tensor plus a float64 zero-dim tensor stays float32).
 * @param {{ dtype: DType, ndim?: number, scalar?: boolean }[]} operands
 * @returns {DType}
 */
export function resultType(operands) {
  /** @type {DType | null} */
  let dim = null;
  /** @type {DType | null} */
  let zero = null;
  /** @type {DType | null} */
  let wrapped = null;
  for (const op of operands) {
    if (op.scalar) wrapped = wrapped ? promoteTypes(wrapped, op.dtype) : op.dtype;
    else if (op.ndim === 0) zero = zero ? promoteTypes(zero, op.dtype) : op.dtype;
    else dim = dim ? promoteTypes(dim, op.dtype) : op.dtype;
  }
  return /** @type {DType} */ (combineCategories(dim, combineCategories(zero, wrapped)));
}

// --- element conversions ------------------------------------------------------------------------

const TWO_53 = 2n ** 53n;

/**
 * static_cast<float>(int64): the integer rounded once to float32 (not through a double, which
 * could round twice for integers past 2**53).
 * @param {bigint} n
 */
export function int64ToFloat32(n) {
  if (n < TWO_53 && n > -TWO_53) return Math.fround(Number(n));
  const negative = n < 0n;
  let a = negative ? -n : n;
  const bits = a.toString(2).length;
  const drop = BigInt(bits - 24);
  const low = a & ((1n << drop) - 1n);
  const half = 1n << (drop - 1n);
  a >>= drop;
  if (low > half || (low === half && (a & 1n) === 1n)) a += 1n;
  const x = Number(a) * 2 ** Number(drop);
  return negative ? -x : x;
}

/**
 * static_cast<int64_t>(double) as x86-64 computes it (cvttsd2si): truncation toward zero, and the
 * "integer indefinite" value -2**63 for NaN and out-of-range values.
 * @param {number} x
 */
export function floatToInt64(x) {
  if (Number.isNaN(x) || x >= 2 ** 63 || x < -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(x));
}

/** The range of an integer (or bool) dtype, as bigints [lowest, highest]. @param {DType} t */
export function intRange(t) {
  if (t === bool) return [0n, 1n];
  if (t === uint8) return [0n, 255n];
  const bits = BigInt(t.itemsize * 8);
  return [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
}

/** The legacy tensor type names (t.type(), torch's assignment errors): torch.FloatTensor, ... */
export const LEGACY_TENSOR_TYPES = /** @type {Record<string, string>} */ ({
  float32: 'torch.FloatTensor',
  float64: 'torch.DoubleTensor',
  int64: 'torch.LongTensor',
  int32: 'torch.IntTensor',
  int16: 'torch.ShortTensor',
  int8: 'torch.CharTensor',
  uint8: 'torch.ByteTensor',
  bool: 'torch.BoolTensor',
});

/** The C++ type names torch's messages give the integer dtypes (at::Scalar's accessors). */
export const C_TYPE_NAMES = new Map([
  ['uint8', 'unsigned char'],
  ['int8', 'signed char'],
  ['int16', 'short'],
  ['int32', 'int'],
  ['int64', 'long'],
  ['bool', 'bool'],
]);

/**
 * static_cast<int32_t>(double) as x86-64 computes it (cvttsd2si, 32-bit): truncation, and
 * -2**31 for NaN and out-of-range values. int16 and int8 conversions take its low bits.
 * @param {number} x
 */
function floatToInt32(x) {
  if (Number.isNaN(x) || x >= 2 ** 31 || x < -(2 ** 31)) return -(2 ** 31);
  return Math.trunc(x);
}

/**
 * An integer as a buffer value of an integer dtype: its low bits, two's complement (int64 a
 * bigint, the narrower types numbers).
 * @param {bigint} n @param {DType} to
 * @returns {number | bigint}
 */
export function wrapInt(n, to) {
  if (to === int64) return BigInt.asIntN(64, n);
  if (to === uint8) return Number(BigInt.asUintN(8, n));
  return Number(BigInt.asIntN(to.itemsize * 8, n));
}

/**
 * Converts an element of one dtype (as its buffer holds it) to another's buffer value, as
 * torch's copy_/to() does.
 * @param {number | bigint} v @param {DType} from @param {DType} to
 * @returns {number | bigint}
 */
export function convertElement(v, from, to) {
  if (from === to) return v;
  if (to === bool) return (typeof v === 'bigint' ? v !== 0n : v !== 0) ? 1 : 0;
  if (to === float64) return typeof v === 'bigint' ? Number(v) : v;
  if (to === float32) return typeof v === 'bigint' ? int64ToFloat32(v) : Math.fround(v);
  if (typeof v === 'bigint') return wrapInt(v, to);
  if (from.isFloating) {
    // uint8 goes through int64 (c10::convert's special case); the signed types through int32.
    if (to === int64 || to === uint8) return wrapInt(floatToInt64(v), to);
    return wrapInt(BigInt(floatToInt32(v)), to);
  }
  return wrapInt(BigInt(v), to);
}

// torch's dtypes as the page holds them (torch.float32, float64, int64, bool, uint8), their
// buffers, and torch's type promotion (c10/core/ScalarType.h promoteTypes, and the
// ResultTypeState of aten/src/ATen/native/TypeProperties.cpp that ranks dimensioned tensors
// over zero-dim tensors over Python scalars).

import { PyObject } from '../../objects.js';

/** A torch.dtype. Instances are singletons: compare with ===. */
export class DType extends PyObject {
  /**
   * @param {string} name  'float32'
   * @param {'bool' | 'int' | 'float'} kind
   * @param {number} rank  position in the promotion order bool < uint8 < int64 < float32 < float64
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

export const float32 = new DType('float32', 'float', 3, 4, (n) => new Float32Array(n));
export const float64 = new DType('float64', 'float', 4, 8, (n) => new Float64Array(n));
export const int64 = new DType('int64', 'int', 2, 8, (n) => new BigInt64Array(n));
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
  bool,
  uint8,
};

/** dtypes torch has that the page does not: `torch.int32` says it is not supported here. */
export const UNSUPPORTED_DTYPES = [
  'int32',
  'int',
  'int16',
  'short',
  'int8',
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

/** promoteTypes for the page's dtypes: the higher of the two in bool < uint8 < int64 < float32 < float64. */
export function promoteTypes(/** @type {DType} */ a, /** @type {DType} */ b) {
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
  if (to === int64)
    return typeof v === 'bigint' ? v : from.isFloating ? floatToInt64(v) : BigInt(v);
  // uint8: the low 8 bits of the integer (floats truncated first, as c10::convert does).
  const n = typeof v === 'bigint' ? v : from.isFloating ? floatToInt64(v) : BigInt(v);
  return Number(BigInt.asUintN(8, n));
}

// Reading np.random's arguments the way NumPy does: `size` (None, an int or a shape), scalar
// parameters, seeds, dtypes and `p`; and handing results back as NumPy types them (a Python
// float or int, a NumPy scalar, or an array of the requested shape).

import { PyError, typeError, Unsupported } from '../../../errors.js';
import { PyList, PyTuple } from '../../../objects.js';
import { repr, typeName } from '../../../ops.js';
import { checkSize } from '../budget.js';
import { asArray, dtypeArg } from '../convert.js';
import { BOOL, FLOAT64, INT64 } from '../dtype.js';
import { NDArray } from '../ndarray.js';
import { NpScalar } from '../scalar.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../dtype.js').DType} DType */

/**
 * A draw's shape: null for size=None (one value, returned as a scalar), else the shape. The
 * count passed to the generator is the product, or -1 when a dimension is negative, so that the
 * generator raises NumPy's error in NumPy's order (parameters first, then the size).
 * @typedef {{ shape: number[] | null, n: number }} Size
 */

/** From this many values on, NumPy fails to allocate (seedlab raises its MemoryError). */
const HOPELESS_N = 2 ** 37;

/** A Python int, bool or NumPy integer. @param {Value} v */
export function intLike(v) {
  return (
    typeof v === 'bigint' || typeof v === 'boolean' || (v instanceof NpScalar && v.dtype.isInt)
  );
}

/** @param {Value} v @returns {bigint} */
export function toBigInt(v) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof NpScalar) return BigInt(v.raw);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/**
 * `size=` (or a shape given as separate ints, as rand(2, 3)).
 * @param {Value | undefined} v @returns {Size}
 */
export function sizeArg(v) {
  if (v === undefined || v === null) return { shape: null, n: 1 };
  /** @type {Value[]} */
  let dims;
  if (typeof v === 'number') {
    throw typeError(`expected a sequence of integers or a single integer, got '${repr(v)}'`);
  }
  if (v instanceof PyTuple || v instanceof PyList) dims = v.items;
  else if (v instanceof NDArray) dims = v.ndim === 0 ? [v.getitem(new PyTuple([]))] : [...v.iter()];
  else dims = [v];
  const shape = dims.map((d) => {
    if (!intLike(d)) {
      if (typeof d === 'number') {
        throw typeError("'float' object cannot be interpreted as an integer");
      }
      throw typeError(`'${typeName(d)}' object cannot be interpreted as an integer`);
    }
    const n = toBigInt(d);
    if (n >= 2n ** 63n)
      throw new PyError('OverflowError', 'Python int too large to convert to C long');
    return Number(n);
  });
  const negative = shape.some((d) => d < 0);
  const n = negative ? -1 : shape.reduce((a, b) => a * b, 1);
  // Beyond any memory NumPy fails to allocate, and seedlab raises its MemoryError; below that,
  // the page's own limit.
  if (!negative && n < HOPELESS_N) checkSize(n);
  return { shape, n };
}

/** rand(d0, d1, ...) / randn(...): the dimensions as separate arguments. @param {Value[]} dims */
export function dimsArg(dims) {
  if (dims.length === 0) return { shape: null, n: 1 };
  for (const d of dims) {
    if (!intLike(d)) {
      throw typeError(`'${typeName(d)}' object cannot be interpreted as an integer`);
    }
  }
  return sizeArg(new PyTuple(dims));
}

/**
 * A float parameter (loc, scale, low, high, ...). Arrays of parameters (NumPy broadcasts them
 * against the size) are outside what this page runs.
 * @param {Value | undefined} v @param {number} dflt @param {string} what
 */
export function floatArg(v, dflt, what) {
  if (v === undefined) return dflt;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof NpScalar && !v.dtype.isString) return Number(v.raw);
  if (v instanceof NDArray && v.ndim === 0) return Number(v.values()[0]);
  if (v instanceof NDArray || v instanceof PyList || v instanceof PyTuple) {
    throw new Unsupported(`an array of values for ${what} (NumPy broadcasts it; give one number)`);
  }
  throw typeError(`must be real number, not ${typeName(v)}`);
}

/** An integer bound of randint / integers (any size: a BigInt). @param {Value} v @param {string} what */
export function intArg(v, what) {
  if (intLike(v)) return toBigInt(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return BigInt(v); // NumPy casts an integral float bound
    throw new Unsupported(`a fractional ${what} (NumPy would truncate it with a warning)`);
  }
  if (v instanceof NDArray || v instanceof PyList || v instanceof PyTuple) {
    throw new Unsupported(`an array of bounds for ${what}`);
  }
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/**
 * A dtype= for randint / integers, as the wasm name; null for NumPy's default (`int`).
 * @param {Value | undefined} v @returns {import('../../../../pkg/seedlab.js').IntDtype | null}
 */
export function intDtypeArg(v) {
  if (v === undefined) return null;
  const t = dtypeArg(v);
  if (t === null || !(t.isInt || t === BOOL)) {
    const name = t === null ? typeName(v) : t.name;
    throw typeError(`Unsupported dtype dtype('${name}') for randint`);
  }
  return /** @type {any} */ (t.name);
}

/** A float dtype= (float64 or float32). @param {Value | undefined} v @param {string} fname */
export function floatDtypeArg(v, fname) {
  if (v === undefined || v === null) return 'float64';
  const t = dtypeArg(v);
  if (t?.name === 'float64' || t?.name === 'float32') return t.name;
  throw typeError(`Unsupported dtype dtype('${t?.name ?? typeName(v)}') for ${fname}`);
}

/** `p=`: probabilities as a Float64Array, or undefined. @param {Value | undefined} p */
export function probabilitiesArg(p) {
  if (p === undefined || p === null) return undefined;
  const arr = asArray(p, FLOAT64);
  if (arr.ndim !== 1) throw new PyError('ValueError', "'p' must be 1-dimensional");
  return Float64Array.from(arr.values());
}

/**
 * Draws in a typed array as NumPy returns them: one value as a Python float / int (size=None)
 * or an array of the shape.
 * @param {ArrayLike<any>} values @param {Size} size @param {DType} dtype
 * @param {'python' | 'numpy'} scalar  what size=None returns: a Python number or a NumPy scalar
 */
export function result(values, size, dtype, scalar = 'python') {
  if (size.shape === null) {
    const v = values[0];
    if (scalar === 'numpy') return new NpScalar(dtype, dtype === BOOL ? (v ? 1 : 0) : v);
    if (dtype.isFloat) return Number(v);
    if (dtype === BOOL) return Boolean(v);
    return BigInt(v);
  }
  if (dtype === INT64 && !(values instanceof BigInt64Array)) {
    return NDArray.fromBuffer(
      BigInt64Array.from(values, (v) => BigInt(v)),
      size.shape,
      dtype,
    );
  }
  return NDArray.fromBuffer(values, size.shape, dtype);
}

/** Python seeds for np.random.seed / RandomState: int, a list of ints, an array, or None. */
export function legacySeedArg(/** @type {Value | undefined} */ v) {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    throw typeError(
      "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
    );
  }
  if (intLike(v)) return toBigInt(v);
  if (v instanceof NDArray && v.size === 1) {
    // NumPy squeezes a one-element array to a 0-d one, which takes the integer path.
    return legacySeedArg(v.getitem(new PyTuple(v.shape.map(() => 0n))));
  }
  if (v instanceof NDArray || v instanceof PyList || v instanceof PyTuple) {
    const arr = asArray(v);
    if (arr.size === 0) throw new PyError('ValueError', 'Seed must be non-empty');
    if (arr.dtype.isString || arr.dtype.isFloat) {
      const from = arr.dtype.isString ? arr.dtype.str : arr.dtype.name;
      throw typeError(
        `Cannot cast array data from dtype('${from}') to dtype('int64') according to the rule 'safe'`,
      );
    }
    if (arr.ndim !== 1) throw new PyError('ValueError', 'Seed array must be 1-d');
    return Array.from(arr.values(), (x) => BigInt(x));
  }
  if (typeof v === 'string') {
    throw typeError(
      `Cannot cast scalar from dtype('<U${[...v].length}') to dtype('int64') according to the rule 'safe'`,
    );
  }
  throw typeError(
    `Cannot cast array data from dtype('O') to dtype('int64') according to the rule 'safe'`,
  );
}

/**
 * Seeds for default_rng: an int of any size, a sequence of them (nested), an array, or None.
 * @param {Value | undefined} v @returns {any}
 */
export function entropyArg(v) {
  if (v === undefined || v === null) return null;
  if (intLike(v)) return toBigInt(v);
  if (v instanceof NDArray) {
    if (!v.dtype.isInt && v.dtype !== BOOL) {
      throw typeError('SeedSequence expects int or sequence of ints for entropy not ' + v.repr());
    }
    return Array.from(v.values(), (x) => BigInt(x));
  }
  if (v instanceof PyList || v instanceof PyTuple) {
    return v.items.map((item) => {
      if (item === null) throw typeError("object of type 'NoneType' has no len()");
      if (typeof item === 'number') throw typeError('seed must be integer');
      return entropyArg(item);
    });
  }
  throw typeError(`SeedSequence expects int or sequence of ints for entropy not ${repr(v)}`);
}

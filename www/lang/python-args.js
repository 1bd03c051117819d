// Turns Python values (from python-expr.js) into the arguments seedlab's JS API takes, raising
// what Python raises where the conversion itself fails (e.g. torch.manual_seed(None)).
// Range checks (seed out of range, negative size, n too large to allocate) are left to seedlab,
// which throws the library's own error text.
import { PageLimit, pageLimit } from './limits.js';
import { PythonError, pythonRepr } from './python-expr.js';

/** @import { PyList, PyValue } from './python-expr.js' */

/**
 * np.random.default_rng's seed: an int of any size, a float, a list of them, or none.
 * @typedef {import('../pkg/seedlab.js').SeedEntropy | undefined} GeneratorSeed
 */

/**
 * @param {PyValue} v
 */
function pyType(v) {
  return v.type;
}

/**
 * @param {PyValue} v
 * @returns {PyValue}
 */
function boolAsInt(v) {
  return v.type === 'bool' ? { type: 'int', value: v.value ? 1n : 0n } : v;
}

/**
 * A seed for np.random.seed / RandomState: int, float (NumPy rejects it), None, or a list.
 * @param {PyValue} v
 * @returns {number | bigint | undefined | Array<number | bigint>}
 */
export function numpySeed(v) {
  v = boolAsInt(v);
  switch (v.type) {
    case 'int':
      return v.value;
    case 'float':
      return v.value;
    case 'NoneType':
      return undefined; // np.random.seed(None): fresh entropy from the OS
    case 'list':
      return v.items.map((item) => {
        item = boolAsInt(item);
        if (item.type === 'int' || item.type === 'float') return item.value;
        throw new PythonError(
          'TypeError',
          `int() argument must be a string, a bytes-like object or a real number, not '${pyType(item)}'`,
        );
      });
    default:
      throw new PythonError(
        'TypeError',
        `Cannot cast scalar from dtype('O') to dtype('int64') according to the rule 'safe'`,
      );
  }
}

/**
 * A seed for torch.manual_seed, which calls int(seed) first.
 * @param {PyValue} v
 * @returns {bigint}
 */
export function torchSeed(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return v.value;
  if (v.type === 'float') {
    if (Number.isNaN(v.value))
      throw new PythonError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v.value))
      throw new PythonError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(v.value));
  }
  throw new PythonError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyType(v)}'`,
  );
}

/**
 * The size n of np.random.randn(n) and friends.
 * @param {PyValue} v
 * @returns {number}
 */
export function numpySize(v) {
  v = boolAsInt(v);
  if (v.type === 'int') {
    // NumPy checks the dimension before trying to allocate.
    if (v.value >= 2n ** 63n)
      throw new PythonError('ValueError', 'Maximum allowed dimension exceeded');
    if (v.value < -(2n ** 63n))
      throw new PythonError('ValueError', 'Maximum allowed dimension exceeded');
    return pageLimit(Number(v.value));
  }
  // A float: seedlab raises "'float' object cannot be interpreted as an integer".
  if (v.type === 'float') return v.value;
  throw new PythonError('TypeError', `'${pyType(v)}' object cannot be interpreted as an integer`);
}

/**
 * The size n of torch.randn(n) (a one-element list [n] is the same shape).
 * @param {PyValue} v
 * @param {string} fn
 * @returns {number}
 */
export function torchSize(v, fn) {
  v = boolAsInt(v);
  if (v.type === 'list' && v.items.length === 1) v = boolAsInt(v.items[0]);
  if (v.type === 'int') return pageLimit(Number(v.value));
  if (v.type === 'float') return v.value; // seedlab raises torch's TypeError
  if (v.type === 'list') throw new PageLimit('This page draws one-dimensional tensors only.');
  throw new PythonError(
    'TypeError',
    `${fn}(): argument 'size' (position 1) must be tuple of ints, not ${pyType(v)}`,
  );
}

/**
 * An integer bound of randint (a float with an integer value is taken as that integer).
 * @param {PyValue} v
 * @returns {number | bigint}
 */
export function intBound(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return v.value;
  if (v.type === 'float') return Number.isInteger(v.value) ? BigInt(v.value) : v.value;
  throw new PythonError('TypeError', `'${pyType(v)}' object cannot be interpreted as an integer`);
}

/**
 * A float parameter (low, high, loc, scale).
 * @param {PyValue} v
 * @returns {number}
 */
export function realArg(v) {
  v = boolAsInt(v);
  if (v.type === 'int') {
    const x = Number(v.value);
    if (!Number.isFinite(x))
      throw new PythonError('OverflowError', 'int too large to convert to float');
    return x;
  }
  if (v.type === 'float') return v.value;
  throw new PythonError('TypeError', `must be real number, not ${pyType(v)}`);
}

/**
 * A seed for np.random.default_rng (SeedSequence entropy): an int of any size, a list of them,
 * or None (OS entropy). Negative ints and floats are passed on: seedlab raises NumPy's errors.
 * @param {PyValue} v
 * @returns {GeneratorSeed}
 */
export function generatorSeed(v) {
  v = boolAsInt(v);
  switch (v.type) {
    case 'int':
    case 'float':
      return v.value;
    case 'NoneType':
      return undefined;
    case 'list':
      return v.items.map((item) => {
        // NumPy's own words for default_rng([None]).
        if (item.type === 'NoneType')
          throw new PythonError('TypeError', "object of type 'NoneType' has no len()");
        return /** @type {import('../pkg/seedlab.js').SeedEntropy} */ (generatorSeed(item));
      });
    default:
      throw new PythonError(
        'TypeError',
        `SeedSequence expects int or sequence of ints for entropy not ${pythonRepr(v)}`,
      );
  }
}

/**
 * The shape NumPy/JAX would see for a (possibly nested) list: '(2,)', '(2, 3)'.
 * @param {PyList} v
 */
function listShape(v) {
  const dims = [];
  /** @type {PyValue | { type: 'end' }} */
  let x = v;
  for (; x.type === 'list'; x = x.items[0] ?? { type: 'end' }) dims.push(x.items.length);
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/**
 * A seed for jax.random.key(seed): a scalar int.
 * @param {PyValue} v
 * @returns {number | bigint}
 */
export function jaxSeed(v) {
  v = boolAsInt(v);
  switch (v.type) {
    case 'int':
    case 'float':
      return v.value; // seedlab raises JAX's OverflowError / TypeError
    case 'NoneType':
      throw new PythonError('ValueError', 'None is not a valid value for jnp.array');
    case 'list':
      throw new PythonError(
        'TypeError',
        `key accepts a scalar seed, but was given an array of shape ${listShape(v)} != (). Use jax.vmap for batching`,
      );
    default:
      throw new PythonError('TypeError', `PRNG key seed must be an integer; got ${pyType(v)}`);
  }
}

/**
 * The n of a JAX shape (n,).
 * @param {PyValue} v
 * @returns {number}
 */
export function jaxSize(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return pageLimit(Number(v.value));
  if (v.type === 'float') return v.value; // seedlab raises JAX's TypeError
  throw new PythonError(
    'TypeError',
    `Shapes must be 1D sequences of concrete values of integer type, got (${pythonRepr(v)},).`,
  );
}

/**
 * The int random.seed makes of an integral float: its hash (x mod 2**61 - 1, negative for
 * negative x, -1 being -2) read as an unsigned 64-bit number, as CPython's random_seed does.
 * @param {number} x
 */
function hashIntegralFloat(x) {
  const P = 2n ** 61n - 1n;
  let h = BigInt(Math.abs(x)) % P;
  if (x < 0) h = -h;
  if (h === -1n) h = -2n;
  return h < 0n ? h + 2n ** 64n : h;
}

/**
 * A seed for random.seed / random.Random: an int of any size, a float (seeded with hash(x), as
 * CPython does: seedlab hashes fractional ones, the page integral ones, which a JS Number
 * cannot tell from ints), or None. Other types get CPython's TypeError.
 * @param {PyValue} v
 * @returns {number | bigint | undefined}
 */
export function pySeed(v) {
  v = boolAsInt(v);
  switch (v.type) {
    case 'int':
      return v.value;
    case 'float':
      return Number.isInteger(v.value) ? hashIntegralFloat(v.value) : v.value;
    case 'NoneType':
      return undefined;
    default:
      throw new PythonError(
        'TypeError',
        'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.',
      );
  }
}

/**
 * The n of [random.random() for _ in range(n)]: an int; range of a negative n is empty.
 * @param {PyValue} v
 * @returns {number}
 */
export function pyCount(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return v.value < 0n ? 0 : pageLimit(Number(v.value));
  throw new PythonError('TypeError', `'${pyType(v)}' object cannot be interpreted as an integer`);
}

// `jax` as seeding code uses it: jax.random's keys (key, PRNGKey, split, key_data) and its
// uniform and normal draws (threefry2x32, partitionable, 32-bit mode, XLA:CPU's float32
// normal), printed as jax 0.10 prints its Arrays. The numbers are seedlab's JAX dialect, bit for
// bit; printing reuses NumPy's array2string, as jax.Array.__repr__ does.

import { bind } from '../args.js';
import { PyError, typeError, Unsupported } from '../errors.js';
import { PyBuiltin, PyList, PyModule, PyObject, PyTuple } from '../objects.js';
import { repr, toIndex, typeName } from '../ops.js';
import { array2string, arrayStr } from './numpy/arrayprint.js';
import { FLOAT32, UINT32 } from './numpy/dtype.js';
import { NDArray } from './numpy/ndarray.js';

/** @typedef {import('../objects.js').Value} Value */
/** @typedef {import('../objects.js').Kwargs} Kwargs */

/** A jax.Array: an NDArray's values, printed the JAX way. */
export class JaxArray extends PyObject {
  /** @param {NDArray} value */
  constructor(value) {
    super();
    this.value = value;
  }

  /** @override */
  get typeName() {
    return 'ArrayImpl';
  }

  /** ArrayImpl.__repr__ @override */
  repr() {
    const prefix = 'Array(';
    const a = this.value;
    const dtypeText = `dtype=${a.dtype.name})`;
    const s =
      a.size === 0
        ? `[], shape=${shapeText(a.shape)}`
        : array2string(a, { separator: ', ', prefix, suffix: ',' });
    const lastLineLength = s.length - s.lastIndexOf('\n') + 1;
    // jax's own quirk: a dtype that does not fit goes after six spaces, not on a new line.
    const sep = lastLineLength + dtypeText.length + 1 > 75 ? ' '.repeat(prefix.length) : ' ';
    return `${prefix}${s},${sep}${dtypeText}`;
  }

  /** @override */
  str() {
    return arrayStr(this.value);
  }

  get shape() {
    return this.value.shape;
  }

  len() {
    if (this.value.ndim === 0) throw typeError('len() of unsized object');
    return this.value.shape[0];
  }

  *iter() {
    for (let i = 0; i < this.len(); i++) yield this.getitem(BigInt(i));
  }

  /** @param {Value} key */
  getitem(key) {
    const v = this.value.getitem(key);
    return new JaxArray(v instanceof NDArray ? v : /** @type {any} */ (v).toArray());
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'shape') return new PyTuple(this.value.shape.map((d) => BigInt(d)));
    if (name === 'dtype') return this.value.getattr('dtype');
    if (name === 'ndim') return BigInt(this.value.ndim);
    if (name === 'size') return BigInt(this.value.size);
    return undefined;
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return new Unsupported(`jax.Array.${name}`);
  }
}

/** @param {readonly number[]} shape */
function shapeText(shape) {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** A typed key array (jax.random.key): the threefry words of each key, shape `shape`. */
export class JaxKey extends PyObject {
  /** @param {Uint32Array} words  2 per key @param {number[]} shape */
  constructor(words, shape) {
    super();
    this.words = words;
    this.shape = shape;
  }

  /** @override */
  get typeName() {
    return 'ArrayImpl';
  }

  /** @override */
  repr() {
    const data = NDArray.fromBuffer(this.words, [...this.shape, 2], UINT32);
    return `Array(${shapeText(this.shape)}, dtype=key<fry>) overlaying:\n${arrayStr(data)}`;
  }

  len() {
    if (this.shape.length === 0) throw typeError('len() of unsized object');
    return this.shape[0];
  }

  *iter() {
    if (this.shape.length === 0) throw typeError('iteration over a 0-d key array');
    for (let i = 0; i < this.shape[0]; i++) yield this.key(i);
  }

  /** The i-th key of a 1-d key array. @param {number} i */
  key(i) {
    return new JaxKey(this.words.slice(2 * i, 2 * i + 2), []);
  }

  /** @param {Value} index */
  getitem(index) {
    if (this.shape.length !== 1) throw new Unsupported('indexing this key array');
    let i = Number(toIndex(index));
    if (i < 0) i += this.shape[0];
    return this.key(i);
  }
}

/** The two words of one key (typed, or raw uint32 as PRNGKey gives). @param {Value} key */
function keyWords(key) {
  if (key instanceof JaxKey) {
    if (key.shape.length !== 0) throw new Unsupported('a batch of keys here (give one key)');
    return key.words;
  }
  if (
    key instanceof JaxArray &&
    key.value.dtype === UINT32 &&
    key.value.ndim === 1 &&
    key.value.size === 2
  ) {
    return Uint32Array.from(key.value.values());
  }
  throw typeError(
    `JAX encountered invalid PRNG key data: expected key_data.dtype = uint32; got ${typeName(key)}`,
  );
}

/** @param {Value | undefined} shape @returns {number[]} */
function shapeArg(shape) {
  if (shape === undefined || shape === null) return [];
  const items = shape instanceof PyTuple || shape instanceof PyList ? shape.items : [shape];
  const isInt = (/** @type {Value} */ d) =>
    typeof d === 'bigint' ||
    (d instanceof PyObject && typeof (/** @type {any} */ (d).index) === 'function');
  if (!items.every(isInt)) {
    throw typeError(
      `Shapes must be 1D sequences of concrete values of integer type, got ${repr(new PyTuple(items))}.`,
    );
  }
  return items.map((d) => Number(toIndex(d)));
}

/**
 * jax for one session.
 * @param {any} pkg  seedlab's wasm package
 */
export function createJax(pkg) {
  /** jax.random.normal / uniform. @param {'normal' | 'uniform'} fname */
  const floats = (fname) => (/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) => {
    const a = bind(
      fname,
      ['key', 'shape=', 'dtype=', ...(fname === 'uniform' ? ['minval=', 'maxval='] : [])],
      args,
      kwargs,
    );
    if (a.dtype !== undefined && a.dtype !== null)
      throw new Unsupported(`jax.random.${fname}(dtype=...)`);
    if (
      (a.minval !== undefined && a.minval !== 0n && a.minval !== 0) ||
      (a.maxval !== undefined && a.maxval !== 1n && a.maxval !== 1)
    ) {
      throw new Unsupported('jax.random.uniform with minval or maxval');
    }
    const shape = shapeArg(a.shape);
    const n = shape.reduce((x, y) => x * y, 1);
    const words = keyWords(a.key);
    const values = fname === 'normal' ? pkg.jaxNormal(words, n) : pkg.jaxUniform(words, n);
    return new JaxArray(NDArray.fromBuffer(values, shape, FLOAT32));
  };
  /** @type {Record<string, (args: Value[], kwargs: Kwargs) => Value>} */
  const functions = {
    key(args, kwargs) {
      const a = bind('key', ['seed', '*', 'impl='], args, kwargs);
      return new JaxKey(pkg.jaxKey(seedArg(a.seed)), []);
    },
    PRNGKey(args, kwargs) {
      const a = bind('PRNGKey', ['seed', '*', 'impl='], args, kwargs);
      return new JaxArray(NDArray.fromBuffer(pkg.jaxKey(seedArg(a.seed)), [2], UINT32));
    },
    split(args, kwargs) {
      const a = bind('split', ['key', 'num='], args, kwargs);
      const num = a.num === undefined ? 2 : Number(toIndex(a.num));
      const words = pkg.jaxSplit(keyWords(a.key), num);
      if (a.key instanceof JaxKey) return new JaxKey(words, [num]);
      return new JaxArray(NDArray.fromBuffer(words, [num, 2], UINT32));
    },
    key_data(args) {
      const key = args[0];
      if (key instanceof JaxKey)
        return new JaxArray(NDArray.fromBuffer(key.words, [...key.shape, 2], UINT32));
      return key;
    },
    normal: floats('normal'),
    uniform: floats('uniform'),
  };
  /** @type {Record<string, Value>} */
  const attrs = {};
  for (const [name, fn] of Object.entries(functions)) attrs[name] = new PyBuiltin(name, fn);
  const random = new PyModule('jax.random', attrs, [
    'bits',
    'randint',
    'choice',
    'permutation',
    'shuffle',
    'bernoulli',
    'fold_in',
    'truncated_normal',
    'exponential',
    'gamma',
    'beta',
    'categorical',
    'multivariate_normal',
    'key_impl',
    'wrap_key_data',
  ]);
  return new PyModule('jax', { random }, [
    'numpy',
    'jit',
    'grad',
    'vmap',
    'lax',
    'config',
    'devices',
  ]);
}

/** A seed: a Python int, with JAX's errors for the rest (seedlab raises its OverflowError). @param {Value} v */
function seedArg(v) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).index) === 'function') {
    return /** @type {any} */ (v).index();
  }
  if (typeof v === 'number') {
    // JAX traces the float and reports the tracer.
    throw typeError('PRNG key seed must be an integer; got JitTracer(~float32[])');
  }
  if (v === null) throw new PyError('ValueError', 'None is not a valid value for jnp.array');
  if (typeof v === 'string') {
    throw typeError(
      `Value ${repr(v)} with dtype <U${[...v].length} is not a valid JAX array type. Only arrays of numeric types are supported by JAX.`,
    );
  }
  if (v instanceof PyList || v instanceof PyTuple) throw typeError(scalarSeedMessage(v));
  throw typeError(`PRNG key seed must be an integer; got ${typeName(v)}`);
}

/** JAX's error for a list seed, naming its shape. @param {PyList | PyTuple} v */
function scalarSeedMessage(v) {
  const shape = [];
  /** @type {Value} */
  let x = v;
  while (x instanceof PyList || x instanceof PyTuple) {
    shape.push(x.items.length);
    x = x.items[0] ?? null;
  }
  const text = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return `key accepts a scalar seed, but was given an array of shape ${text} != (). Use jax.vmap for batching`;
}

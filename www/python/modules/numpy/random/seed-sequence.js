// numpy.random.SeedSequence and numpy.random.PCG64 as objects of their own: a SeedSequence keeps
// its entropy, spawn_key and count of spawned children (spawn() numbers children on from there,
// as NumPy does), and default_rng(ss), PCG64(ss) and ss.spawn(n) seed seedlab's PCG64 through
// the same SeedSequence hashing (the wasm defaultRng's spawnKey). Generator(PCG64(seed)) is
// default_rng(seed); two Generators over one PCG64 share its state, as in NumPy.

import { bind } from '../../../args.js';
import { PyError, typeError, Unsupported } from '../../../errors.js';
import { PyBuiltin, PyDict, PyList, PyObject, PyTuple, PyType } from '../../../objects.js';
import { binaryOp, getItem, hashKey, repr, toIndex, truthy } from '../../../ops.js';
import { entropyArg, intLike } from './arguments.js';

/** @typedef {import('../../../objects.js').Value} Value */

const address = (/** @type {PyObject} */ o) => (0x7f0000000000 + o.id * 16).toString(16);

/** The pkg's defaultRng (set by the module). */
const wasm = { defaultRng: /** @type {any} */ (null) };

/** @param {any} defaultRng */
export function useWasmSeedSequence(defaultRng) {
  wasm.defaultRng = defaultRng;
}

/** 128 bits of OS entropy as a Python int, as SeedSequence(None) draws them (randbits(128)). */
function osEntropy() {
  const words = new Uint32Array(4);
  globalThis.crypto.getRandomValues(words);
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

export class PySeedSequence extends PyObject {
  /** @param {Value} entropy @param {bigint[]} spawnKey @param {number} poolSize @param {number} spawned */
  constructor(entropy, spawnKey, poolSize, spawned) {
    super();
    this.entropy = entropy;
    this.spawnKey = spawnKey;
    this.poolSize = poolSize;
    this.spawned = spawned;
  }

  /** @override */
  get typeName() {
    return 'SeedSequence';
  }

  pyType() {
    return SEED_SEQUENCE_TYPE;
  }

  /** A new seedlab PCG64 Generator seeded from this sequence. */
  generator() {
    return wasm.defaultRng(entropyArg(this.entropy), this.spawnKey);
  }

  /** spawn(n): children numbered on from the ones already spawned. @param {number} n */
  spawn(n) {
    const children = Array.from(
      { length: n },
      (_, i) =>
        new PySeedSequence(
          this.entropy,
          [...this.spawnKey, BigInt(this.spawned + i)],
          this.poolSize,
          0,
        ),
    );
    this.spawned += n;
    return children;
  }

  /** @override */
  repr() {
    const lines = [`    entropy=${repr(this.entropy)},`];
    if (this.spawnKey.length > 0) lines.push(`    spawn_key=${repr(new PyTuple(this.spawnKey))},`);
    if (this.poolSize !== 4) lines.push(`    pool_size=${this.poolSize},`);
    if (this.spawned !== 0) lines.push(`    n_children_spawned=${this.spawned},`);
    return `SeedSequence(\n${lines.join('\n')}\n)`;
  }

  /** @param {string} name @override */
  getattr(name) {
    switch (name) {
      case 'entropy':
        return this.entropy;
      case 'spawn_key':
        return new PyTuple(this.spawnKey);
      case 'pool_size':
        return BigInt(this.poolSize);
      case 'n_children_spawned':
        return BigInt(this.spawned);
      case 'spawn':
        return new PyBuiltin('spawn', (args, kwargs) => {
          const a = bind('spawn', ['n_children'], args, kwargs);
          return new PyList(this.spawn(Number(toIndex(a.n_children))));
        });
      default:
        return undefined;
    }
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return name === 'generate_state' ? new Unsupported('SeedSequence.generate_state') : undefined;
  }
}

export const SEED_SEQUENCE_TYPE = new PyType(
  'numpy.random.bit_generator.SeedSequence',
  (args, kwargs) => {
    const a = bind(
      'SeedSequence',
      ['entropy=', '*', 'spawn_key=', 'pool_size=', 'n_children_spawned='],
      args,
      kwargs,
    );
    const entropy = a.entropy === undefined || a.entropy === null ? osEntropy() : a.entropy;
    entropyArg(entropy); // NumPy's checks of the entropy
    const spawnKey =
      a.spawn_key === undefined
        ? []
        : /** @type {Value[]} */ ([
            ...(a.spawn_key instanceof PyTuple || a.spawn_key instanceof PyList
              ? a.spawn_key.items
              : [a.spawn_key]),
          ]).map((k) => toIndex(k));
    const poolSize = a.pool_size === undefined ? 4 : Number(toIndex(a.pool_size));
    if (poolSize !== 4) throw new Unsupported('SeedSequence(pool_size=...)');
    const spawned = a.n_children_spawned === undefined ? 0 : Number(toIndex(a.n_children_spawned));
    return new PySeedSequence(entropy, spawnKey, poolSize, spawned);
  },
  (v) => v instanceof PySeedSequence,
);

/**
 * The SeedSequence a seed stands for (default_rng(seed), PCG64(seed)).
 * @param {Value | undefined} seed
 */
export function seedSequenceOf(seed) {
  if (seed instanceof PySeedSequence) return seed;
  if (seed === undefined || seed === null) return new PySeedSequence(osEntropy(), [], 4, 0);
  if (
    seed instanceof PyObject &&
    !intLike(seed) &&
    !['list', 'tuple', 'numpy.ndarray'].includes(seed.typeName) &&
    !(seed.typeName === 'ndarray')
  ) {
    throw typeError(`SeedSequence expects int or sequence of ints for entropy not ${seed.repr()}`);
  }
  entropyArg(seed);
  return new PySeedSequence(seed, [], 4, 0);
}

/**
 * numpy.random.PCG64: a bit generator, whose state the Generators built on it use (seedlab's
 * Generator holds the PCG64 state), and its `state` dict.
 */
export class PyPcg64BitGenerator extends PyObject {
  /** @param {any} rng  seedlab's wasm Generator @param {PySeedSequence | null} seedSeq */
  constructor(rng, seedSeq) {
    super();
    this.rng = rng;
    this.seedSeq = seedSeq;
  }

  /** @override */
  get typeName() {
    return 'PCG64';
  }

  pyType() {
    return PCG64_TYPE;
  }

  /** @override */
  repr() {
    return `<numpy.random._pcg64.PCG64 object at 0x${address(this)}>`;
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'seed_seq' || name === '_seed_seq') return this.seedSeq;
    if (name !== 'state') return undefined;
    const { state, inc, hasUint32, uinteger } = this.rng.bitGeneratorState();
    const inner = new PyDict();
    inner.map.set(hashKey('state'), ['state', state]);
    inner.map.set(hashKey('inc'), ['inc', inc]);
    const d = new PyDict();
    d.map.set(hashKey('bit_generator'), ['bit_generator', 'PCG64']);
    d.map.set(hashKey('state'), ['state', inner]);
    d.map.set(hashKey('has_uint32'), ['has_uint32', BigInt(hasUint32)]);
    d.map.set(hashKey('uinteger'), ['uinteger', BigInt(uinteger)]);
    return d;
  }

  /** @param {string} name @param {Value} value @override */
  setattr(name, value) {
    if (name === 'state') setPcg64State(this.rng, value);
    else super.setattr(name, value);
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return ['random_raw', 'advance', 'jumped', 'spawn', 'cffi', 'ctypes', 'lock'].includes(name)
      ? new Unsupported(`PCG64.${name}`)
      : undefined;
  }
}

/** A Python int stored into a uint64 array element, with NumPy's error. @param {Value} v */
function uint64Word(v) {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 64) return BigInt(v);
  if (typeof v !== 'bigint' && typeof v !== 'boolean')
    throw new Unsupported(`a PCG64 state holding ${repr(v)}`);
  const n = BigInt(v);
  if (n < 0n || n >= 2n ** 64n)
    throw new PyError('OverflowError', `Python integer ${n} out of bounds for uint64`);
  return n;
}

/**
 * PCG64.state = value (_pcg64.pyx): a dict for 'PCG64', the state and increment split into
 * uint64 words (value // 2**64, value % 2**64), has_uint32 and uinteger (a C uint32_t).
 * @param {any} rng  seedlab's wasm Generator @param {Value} value
 */
function setPcg64State(rng, value) {
  if (typeof rng.setBitGeneratorState !== 'function')
    throw new Unsupported('setting bit_generator.state');
  if (!(value instanceof PyDict)) throw typeError('state must be a dict');
  const name = value.map.get(hashKey('bit_generator'));
  if (name?.[1] !== 'PCG64') throw new PyError('ValueError', 'state must be for a PCG64 RNG');
  const inner = getItem(value, 'state');
  const split = (/** @type {Value} */ key) => {
    const v = getItem(inner, key);
    const q = binaryOp('//', v, 2n ** 64n);
    const r = binaryOp('%', v, 2n ** 64n);
    return [uint64Word(q), uint64Word(r)];
  };
  const [stateHigh, stateLow] = split('state');
  const [incHigh, incLow] = split('inc');
  const has = getItem(value, 'has_uint32');
  const uinteger = getItem(value, 'uinteger');
  if (has !== true && has !== false && has !== 0n && has !== 1n)
    throw new Unsupported(`a PCG64 state with has_uint32=${repr(has)}`);
  if (typeof uinteger !== 'bigint' && typeof uinteger !== 'boolean')
    throw new Unsupported(`a PCG64 state with uinteger=${repr(uinteger)}`);
  const u = BigInt(uinteger);
  if (u < 0n) throw new PyError('OverflowError', "can't convert negative value to uint32_t");
  if (u >= 2n ** 32n) throw new PyError('OverflowError', 'value too large to convert to uint32_t');
  rng.setBitGeneratorState(stateHigh, stateLow, incHigh, incLow, truthy(has), Number(u));
}

export const PCG64_TYPE = new PyType(
  'numpy.random._pcg64.PCG64',
  (args, kwargs) => {
    const a = bind('PCG64', ['seed='], args, kwargs);
    const seedSeq = seedSequenceOf(a.seed);
    return new PyPcg64BitGenerator(seedSeq.generator(), seedSeq);
  },
  (v) => v instanceof PyPcg64BitGenerator,
);

// torch's random number generation over seedlab's wasm TorchGenerator: the default generator
// (one per session, seeded from OS entropy on import as torch seeds its own), torch.Generator()
// objects for generator=, and the sampling functions. The wasm engine reproduces the CPU
// generator's streams; functions it does not offer yet are reported as not supported.
//
// The engine methods used, beyond today's manualSeed / initialSeed / rand / randn / randint
// (bindings of seedlab::torch::Generator's methods; dtype is 'float32' | 'float64' | 'int64',
// results the dtype's typed array, BigInt64Array for int64; errors thrown as today's are):
//   uniform(dtype, n, from, to)            uniform_        Tensor.uniform_, rand(dtype=float64)
//   normal(dtype, n, mean, std)            normal_         Tensor.normal_, normal(mean, std, size),
//                                                          randn(dtype=float64)
//   random(dtype, n)                       random_         Tensor.random_()
//   randomFromTo(dtype, n, from, to?)      random_from_to_ Tensor.random_(from, to), randint past 2**53
//   bernoulli(dtype, n, p)                 bernoulli_      Tensor.bernoulli_(p)
//   exponential(dtype, n, lambd)           exponential_    Tensor.exponential_
//   randperm(n) -> BigInt64Array           randperm        torch.randperm
//   getState() -> Uint8Array (5056 bytes)  get_state       get_rng_state, Generator.get_state
//   setState(bytes: Uint8Array)            set_state       set_rng_state, Generator.set_state
//   seed() -> bigint                       seed            torch.seed, Generator.seed

import { PageLimit, PyError, Unsupported } from '../../errors.js';
import { NotImplemented, PyBoundMethod, PyObject, PyType } from '../../objects.js';
import { hooks, tpName } from './arg-parser.js';
import { float32, float64, int64, uint8 } from './dtypes.js';
import { notImplementedFor } from './elementwise.js';
import { Tensor } from './tensor.js';

/** @typedef {import('../../objects.js').Value} Value */

/** torch.Generator().initial_seed(): default_rng_seed_val in c10/core/GeneratorImpl.h. */
export const DEFAULT_RNG_SEED = 67280421310721n;

/**
 * A wasm call, with the Error it throws turned into the Python exception it names.
 * @template T @param {() => T} f @returns {T}
 */
export function wasmCall(f) {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && /^[A-Z][A-Za-z]*(Error|Exception)$/.test(e.name))
      throw new PyError(e.name, e.message);
    throw e;
  }
}

const FORMAT_N = new Intl.NumberFormat('en-US');

/** The page's limit on values drawn per call. @param {number} n */
function drawLimit(n) {
  if (n > 1_000_000) {
    throw new PageLimit(
      `This page draws at most ${FORMAT_N.format(1_000_000)} values per call (Python would draw ${FORMAT_N.format(n)}).`,
    );
  }
}

/** A torch.Generator (torch._C.Generator) over one wasm TorchGenerator. */
export class TorchGeneratorObject extends PyObject {
  /** @param {any} engine  a wasm TorchGenerator */
  constructor(engine) {
    super();
    this.engine = engine;
  }

  /** @override */
  get typeName() {
    return 'Generator';
  }

  get tpName() {
    return 'torch._C.Generator';
  }

  pyType() {
    return /** @type {PyType} */ (GENERATOR_TYPE);
  }

  /** @override */
  repr() {
    return `<torch._C.Generator object at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }

  /** IPython's default printer for objects without a repr of their own: `<torch._C.Generator at 0x...>`. */
  reprPretty(/** @type {any} */ printer) {
    printer.text(`<torch._C.Generator at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`);
  }

  /** Generator.manual_seed(seed): a Python int only (torch.manual_seed calls int() first). @param {Value} seed */
  manualSeed(seed) {
    if (typeof seed !== 'bigint') {
      throw new PyError('RuntimeError', `manual_seed expected a long, but got ${tpName(seed)}`);
    }
    wasmCall(() => this.engine.manualSeed(seed));
    return this;
  }

  /** Generator.seed(): a new 64-bit seed from OS entropy, set and returned. */
  seed() {
    if (typeof this.engine.seed === 'function') return BigInt(wasmCall(() => this.engine.seed()));
    const bytes = new Uint8Array(8);
    globalThis.crypto.getRandomValues(bytes);
    let s = 0n;
    for (const b of bytes) s = (s << 8n) | BigInt(b);
    wasmCall(() => this.engine.manualSeed(s));
    return s;
  }

  initialSeed() {
    return BigInt(wasmCall(() => this.engine.initialSeed()));
  }

  /** @param {string} name @override */
  getattr(name) {
    const method = (/** @type {(args: Value[]) => Value} */ f) =>
      new PyBoundMethod(
        this,
        name,
        (args, kwargs) => {
          if (kwargs.size > 0)
            throw new PyError('TypeError', `${name}() takes no keyword arguments`);
          return f(args);
        },
        'torch._C.Generator',
      );
    switch (name) {
      case 'manual_seed':
        return method((args) => {
          if (args.length !== 1)
            throw new PyError(
              'TypeError',
              `manual_seed() takes exactly one argument (${args.length} given)`,
            );
          return this.manualSeed(args[0]);
        });
      case 'seed':
        return method(() => this.seed());
      case 'initial_seed':
        return method(() => this.initialSeed());
      case 'get_state':
        return method(() => getState(this));
      case 'set_state':
        return method((args) => {
          setState(this, args[0]);
          return this;
        });
      case 'device':
        return new DeviceObject('cpu');
      default:
        return undefined;
    }
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return ['graphsafe_get_state', 'graphsafe_set_state', 'clone_state'].includes(name)
      ? new Unsupported(`Generator.${name}`)
      : undefined;
  }

  // --- draws (what the sampling functions ask of a generator) --------------------------------

  /** torch.rand: n uniforms of dtype. @param {number} n @param {import('./dtypes.js').DType} dtype */
  rand(n, dtype) {
    drawLimit(n);
    if (dtype === float32) return Float32Array.from(wasmCall(() => this.engine.rand(n)));
    if (dtype === float64)
      return this.fill('uniform', 'torch.rand(..., dtype=torch.float64)', dtype, n, 0, 1);
    throw notImplementedFor('check_uniform_bounds', dtype);
  }

  /** torch.randn @param {number} n @param {import('./dtypes.js').DType} dtype */
  randn(n, dtype) {
    drawLimit(n);
    if (dtype === float32) return Float32Array.from(wasmCall(() => this.engine.randn(n)));
    if (dtype === float64)
      return this.fill('normal', 'torch.randn(..., dtype=torch.float64)', dtype, n, 0, 1);
    throw notImplementedFor('normal_kernel_cpu', dtype);
  }

  /** torch.randint: n int64 values in [low, high) as BigInts. @param {bigint} low @param {bigint} high @param {number} n */
  randint(low, high, n) {
    drawLimit(n);
    const LIMIT = 2n ** 53n;
    if (low >= high) {
      throw new PyError(
        'RuntimeError',
        `random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`,
      );
    }
    if (low <= -LIMIT || high > LIMIT) {
      // the engine's randint returns doubles: past 2**53 the int64 fill is needed
      return /** @type {BigInt64Array} */ (
        this.fill('randomFromTo', 'torch.randint with bounds beyond 2**53', int64, n, low, high)
      );
    }
    const values = wasmCall(() => this.engine.randint(low, high, n));
    return BigInt64Array.from(values, (v) => BigInt(v));
  }

  /** torch.randperm(n): a permutation of 0..n-1 (int64). @param {number} n */
  randperm(n) {
    drawLimit(n);
    const values = this.optional('randperm', 'torch.randperm')(n);
    return BigInt64Array.from(values, (v) => BigInt(v));
  }

  /** torch.normal(mean, std, size) @param {number} mean @param {number} std @param {number} n @param {import('./dtypes.js').DType} dtype */
  normal(mean, std, n, dtype) {
    drawLimit(n);
    if (!dtype.isFloating) throw notImplementedFor('normal_kernel_cpu', dtype);
    return this.fill('normal', 'torch.normal', dtype, n, mean, std);
  }

  /**
   * One of the engine's tensor fills (Tensor.uniform_, normal_, random_, bernoulli_,
   * exponential_ as torch's CPU kernels draw them): `engine[method](dtype, n, ...args)`, dtype
   * as 'float32' | 'float64' | 'int64', returning that dtype's typed array.
   * @param {string} method @param {string} what @param {import('./dtypes.js').DType} dtype @param {number} n
   * @param {...any} args
   */
  fill(method, what, dtype, n, ...args) {
    drawLimit(n);
    if (dtype !== float32 && dtype !== float64 && dtype !== int64)
      throw new Unsupported(`${what} for dtype=${dtype.repr()}`);
    const values = this.optional(method, what)(dtype.name, n, ...args);
    return dtype === float32
      ? Float32Array.from(values)
      : dtype === float64
        ? Float64Array.from(values)
        : BigInt64Array.from(values, (v) => BigInt(v));
  }

  /**
   * A wasm method that the engine may not have yet.
   * @param {string} method @param {string} what
   * @returns {(...args: any[]) => any}
   */
  optional(method, what) {
    const f = this.engine[method];
    if (typeof f !== 'function') throw new Unsupported(what);
    return (...args) => wasmCall(() => f.apply(this.engine, args));
  }
}

/** torch.device('cpu'): only its repr and type here. */
export class DeviceObject extends PyObject {
  /** @param {string} type */
  constructor(type) {
    super();
    this.type = type;
  }

  /** @override */
  get typeName() {
    return 'device';
  }

  get tpName() {
    return 'torch.device';
  }

  /** @override */
  repr() {
    return `device(type='${this.type}')`;
  }

  /** @override */
  str() {
    return this.type;
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'type') return this.type;
    if (name === 'index') return null;
    return undefined;
  }

  /** @override */
  hashKey() {
    return `torch.device:${this.type}`;
  }

  /** @param {string} op @param {Value} other */
  compare(op, other) {
    if (op !== '==' && op !== '!=') return NotImplemented;
    const same = (other instanceof DeviceObject && other.type === this.type) || other === this.type;
    return op === '==' ? same : !same;
  }
}

/** Generator.get_state(): a uint8 tensor of the engine's state. @param {TorchGeneratorObject} g */
export function getState(g) {
  const bytes = g.optional('getState', 'torch.get_rng_state / Generator.get_state')();
  return Tensor.of(Uint8Array.from(bytes), [bytes.length], uint8);
}

/** Generator.set_state(state) @param {TorchGeneratorObject} g @param {Value} state */
export function setState(g, state) {
  const set = g.optional('setState', 'torch.set_rng_state / Generator.set_state');
  if (!(state instanceof Tensor)) {
    throw new PyError('TypeError', `expected a torch.ByteTensor, but got ${tpName(state)}`);
  }
  if (state.dtype !== uint8) throw new PyError('TypeError', 'RNG state must be a torch.ByteTensor');
  set(Uint8Array.from(state.values()));
}

/** The class torch.Generator. @type {PyType | null} */
export let GENERATOR_TYPE = null;

/**
 * torch.Generator(device='cpu'): a new generator seeded with default_rng_seed_val.
 * @param {any} pkg  the wasm package
 */
export function makeGeneratorType(pkg) {
  GENERATOR_TYPE = new PyType(
    'torch._C.Generator',
    (args, kwargs) => {
      const device = args[0] ?? kwargs.get('device') ?? 'cpu';
      const name = device instanceof DeviceObject ? device.type : device;
      if (name !== 'cpu')
        throw new Unsupported(`torch.Generator(device=${JSON.stringify(String(name))})`);
      return new TorchGeneratorObject(wasmCall(() => new pkg.TorchGenerator(DEFAULT_RNG_SEED)));
    },
    (v) => v instanceof TorchGeneratorObject,
  );
  return GENERATOR_TYPE;
}

hooks.isGenerator = (v) => v instanceof TorchGeneratorObject;

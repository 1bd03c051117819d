// numpy.random.Generator, as np.random.default_rng(seed) makes it (PCG64 seeded through
// SeedSequence). The draws are seedlab's Generator, bit for bit; this file reads Python's
// arguments and shapes the results as NumPy returns them.

import { bind } from '../../../args.js';
import { PyError, typeError, Unsupported } from '../../../errors.js';
import { PyDict, PyList, PyObject, PyType } from '../../../objects.js';
import { hashKey, toIndex, truthy } from '../../../ops.js';
import { asArray } from '../convert.js';
import { FLOAT32, FLOAT64, INT64 } from '../dtype.js';
import { NDArray } from '../ndarray.js';
import {
  entropyArg,
  floatDtypeArg,
  intArg,
  intDtypeArg,
  intLike,
  probabilitiesArg,
  result,
  sizeArg,
  toBigInt,
} from './arguments.js';
import { floatDistribution, GeneratorObject } from './generator-object.js';
import { INT_DTYPES } from './random-state.js';
import { permutedCopy, populationArray, shuffleInPlace, takeChosen } from './sequences.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */
/** @typedef {import('../../../../pkg/seedlab.js').Generator} WasmGenerator */
/** @typedef {(g: PyGenerator, args: Value[], kwargs: Kwargs) => Value} Method */

const address = (/** @type {PyObject} */ o) => (0x7f0000000000 + o.id * 16).toString(16);

/** `rng.bit_generator`: the PCG64 under a Generator, with its `state`. */
class PyPcg64 extends PyObject {
  /** @param {PyGenerator} owner */
  constructor(owner) {
    super();
    this.owner = owner;
  }

  /** @override */
  get typeName() {
    return 'PCG64';
  }

  /** @override */
  repr() {
    return `<numpy.random._pcg64.PCG64 object at 0x${address(this)}>`;
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name !== 'state') return undefined;
    const { state, inc, hasUint32, uinteger } = this.owner.rng.bitGeneratorState();
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
    void value;
    if (name === 'state') throw new Unsupported('setting bit_generator.state');
    super.setattr(name, value);
  }
}

/** @extends {GeneratorObject<WasmGenerator>} */
export class PyGenerator extends GeneratorObject {
  /** @param {WasmGenerator} rng */
  constructor(rng) {
    super(rng, 'Generator', METHODS, KNOWN_METHODS);
    this.bitGenerator = new PyPcg64(this);
  }

  /** @override */
  get typeName() {
    return 'numpy.random._generator.Generator';
  }

  /** @override */
  repr() {
    return `Generator(PCG64) at 0x${this.address()}`;
  }

  pyType() {
    return GENERATOR_TYPE;
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'bit_generator') return this.bitGenerator;
    return super.getattr(name);
  }
}

/** random / standard_normal: float64 or float32. @param {string} name @param {'random' | 'standardNormal'} kind */
function floatFill(name, kind) {
  return /** @type {Method} */ (
    (g, args, kwargs) => {
      const a = bind(name, ['size=', 'dtype=', 'out='], args, kwargs);
      if (a.out !== undefined && a.out !== null) throw new Unsupported(`${name}(out=...)`);
      const dtype = floatDtypeArg(a.dtype, name);
      const size = sizeArg(a.size);
      if (dtype === 'float32') {
        const values =
          kind === 'random' ? g.rng.randomFloat32(size.n) : g.rng.standardNormalFloat32(size.n);
        return result(values, size, FLOAT32, 'numpy');
      }
      const values = kind === 'random' ? g.rng.random(size.n) : g.rng.standardNormal(size.n);
      return result(values, size, FLOAT64);
    }
  );
}

/** @param {Value | undefined} axis */
function axisArg(axis) {
  return axis === undefined ? 0 : Number(toIndex(axis));
}

/** Generator.choice(a, size=None, replace=True, p=None, axis=0, shuffle=True) */
const choice = /** @type {Method} */ (
  (g, args, kwargs) => {
    const a = bind('choice', ['a', 'size=', 'replace=', 'p=', 'axis=', 'shuffle='], args, kwargs);
    const size = sizeArg(a.size);
    const replace = a.replace === undefined ? true : truthy(a.replace);
    const shuffle = a.shuffle === undefined ? true : truthy(a.shuffle);
    const p = probabilitiesArg(a.p);
    if (intLike(a.a)) {
      const idx = g.rng.choice(toBigInt(a.a), size.n, replace, p, shuffle);
      return result(idx, size, INT64);
    }
    const arr = populationArray(a.a);
    if (arr.ndim === 0)
      throw new PyError(
        'ValueError',
        "a must be a sequence or an integer, not <class 'numpy.ndarray'>",
      );
    const axis = axisArg(a.axis);
    const ax = axis < 0 ? axis + arr.ndim : axis;
    const idx = g.rng.choiceIndices(arr.shape[ax], size.n, replace, p, shuffle);
    return takeChosen(arr, idx, size.shape, ax);
  }
);

/** Generator.integers(low, high=None, size=None, dtype=np.int64, endpoint=False) */
const integers = /** @type {Method} */ (
  (g, args, kwargs) => {
    const a = bind('integers', ['low', 'high=', 'size=', 'dtype=', 'endpoint='], args, kwargs);
    const low = intArg(a.low, 'low');
    const high = a.high === undefined || a.high === null ? null : intArg(a.high, 'high');
    const dtype = intDtypeArg(a.dtype) ?? 'int64';
    const endpoint = a.endpoint === undefined ? false : truthy(a.endpoint);
    const size = sizeArg(a.size);
    const values = g.rng.integersTyped(low, high, size.n, dtype, endpoint);
    return result(values, size, INT_DTYPES[dtype], 'numpy');
  }
);

/** @type {Record<string, Method>} */
const METHODS = {
  random: floatFill('random', 'random'),
  standard_normal: floatFill('standard_normal', 'standardNormal'),
  normal: floatDistribution('normal', ['loc', 'scale'], [0, 1], (r, [loc, scale], n) =>
    r.normal(loc, scale, n),
  ),
  uniform: floatDistribution('uniform', ['low', 'high'], [0, 1], (r, [lo, hi], n) =>
    r.uniform(lo, hi, n),
  ),
  exponential: floatDistribution('exponential', ['scale'], [1], (r, [scale], n) =>
    r.exponential(scale, n),
  ),
  standard_exponential(g, args, kwargs) {
    const a = bind('standard_exponential', ['size=', 'dtype=', 'method=', 'out='], args, kwargs);
    if (floatDtypeArg(a.dtype, 'standard_exponential') !== 'float64') {
      throw new Unsupported('standard_exponential(dtype=np.float32)');
    }
    if (a.method !== undefined && a.method !== 'zig')
      throw new Unsupported(`standard_exponential(method=${a.method})`);
    const size = sizeArg(a.size);
    return result(g.rng.standardExponential(size.n), size, FLOAT64);
  },
  integers,
  choice,
  shuffle(g, args, kwargs) {
    const a = bind('shuffle', ['x', 'axis='], args, kwargs);
    return shuffleInPlace(g.rng, a.x, axisArg(a.axis), 'shuffle');
  },
  permutation(g, args, kwargs) {
    const a = bind('permutation', ['x', 'axis='], args, kwargs);
    if (intLike(a.x)) {
      const values = g.rng.permutation(toBigInt(a.x));
      return NDArray.fromBuffer(
        BigInt64Array.from(values, (v) => BigInt(v)),
        [values.length],
        INT64,
      );
    }
    return permutedCopy(g.rng, asArray(a.x, null, true), axisArg(a.axis));
  },
  spawn(g, args, kwargs) {
    const a = bind('spawn', ['n_children'], args, kwargs);
    return new PyList(g.rng.spawn(Number(toIndex(a.n_children))).map((r) => new PyGenerator(r)));
  },
};

const KNOWN_METHODS = new Set([
  'beta',
  'binomial',
  'bytes',
  'chisquare',
  'dirichlet',
  'f',
  'gamma',
  'geometric',
  'gumbel',
  'hypergeometric',
  'laplace',
  'logistic',
  'lognormal',
  'logseries',
  'multinomial',
  'multivariate_hypergeometric',
  'multivariate_normal',
  'negative_binomial',
  'noncentral_chisquare',
  'noncentral_f',
  'pareto',
  'permuted',
  'poisson',
  'power',
  'rayleigh',
  'standard_cauchy',
  'standard_gamma',
  'standard_t',
  'triangular',
  'vonmises',
  'wald',
  'weibull',
  'zipf',
]);

/** The pkg's defaultRng, set by the module. */
const wasm = { defaultRng: /** @type {any} */ (null) };

/** @param {any} defaultRng */
export function useWasmDefaultRng(defaultRng) {
  wasm.defaultRng = defaultRng;
}

/** np.random.default_rng(seed=None): a Generator passes through, as in NumPy. */
export function defaultRng(/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) {
  const a = bind('default_rng', ['seed='], args, kwargs);
  if (a.seed instanceof PyGenerator) return a.seed;
  if (
    a.seed instanceof PyObject &&
    !(a.seed instanceof NDArray) &&
    !intLike(a.seed) &&
    a.seed.typeName !== 'list' &&
    a.seed.typeName !== 'tuple'
  ) {
    throw typeError(
      `SeedSequence expects int or sequence of ints for entropy not ${a.seed.repr()}`,
    );
  }
  return new PyGenerator(wasm.defaultRng(entropyArg(a.seed)));
}

/** numpy.random.Generator: `Generator(bit_generator)` needs a BitGenerator, which this page does not have. */
export const GENERATOR_TYPE = new PyType(
  'numpy.random._generator.Generator',
  () => {
    throw new Unsupported('numpy.random.Generator(bit_generator): use np.random.default_rng(seed)');
  },
  (v) => v instanceof PyGenerator,
);

// numpy.random.Generator, as np.random.default_rng(seed) makes it (PCG64 seeded through
// SeedSequence). The draws are seedlab's Generator, bit for bit; this file reads Python's
// arguments and shapes the results as NumPy returns them.

import { bind } from '../../../args.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyList, PyType } from '../../../objects.js';
import { toIndex, truthy } from '../../../ops.js';
import { asArray } from '../convert.js';
import { FLOAT32, FLOAT64, INT64 } from '../dtype.js';
import { NDArray } from '../ndarray.js';
import {
  floatArg,
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
import { PyPcg64BitGenerator, seedSequenceOf } from './seed-sequence.js';
import { permutedCopy, populationArray, shuffleInPlace, takeChosen } from './sequences.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */
/** @typedef {import('../../../../pkg/seedlab.js').Generator} WasmGenerator */
/** @typedef {(g: PyGenerator, args: Value[], kwargs: Kwargs) => Value} Method */

/** @extends {GeneratorObject<WasmGenerator>} */
export class PyGenerator extends GeneratorObject {
  /**
   * @param {WasmGenerator} rng
   * @param {PyPcg64BitGenerator | null} [bitGenerator]  the PCG64 it was built on (shared state)
   */
  constructor(rng, bitGenerator = null) {
    super(rng, 'Generator', METHODS, KNOWN_METHODS);
    this.bitGenerator = bitGenerator ?? new PyPcg64BitGenerator(rng, null);
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
  poisson(g, args, kwargs) {
    if (typeof g.rng.poisson !== 'function') throw new Unsupported('Generator.poisson');
    const a = bind('poisson', ['lam=', 'size='], args, kwargs);
    const size = sizeArg(a.size);
    return result(g.rng.poisson(floatArg(a.lam, 1, 'lam'), size.n), size, INT64);
  },
  geometric(g, args, kwargs) {
    if (typeof g.rng.geometric !== 'function') throw new Unsupported('Generator.geometric');
    const a = bind('geometric', ['p', 'size='], args, kwargs);
    const size = sizeArg(a.size);
    return result(g.rng.geometric(floatArg(a.p, 0, 'p'), size.n), size, INT64);
  },
  binomial(g, args, kwargs) {
    if (typeof g.rng.binomial !== 'function') throw new Unsupported('Generator.binomial');
    const a = bind('binomial', ['n', 'p', 'size='], args, kwargs);
    // <int64_t>n: a float count is truncated
    const n =
      typeof a.n === 'number' && Number.isFinite(a.n) ? BigInt(Math.trunc(a.n)) : intArg(a.n, 'n');
    const size = sizeArg(a.size);
    return result(g.rng.binomial(n, floatArg(a.p, 0, 'p'), size.n), size, INT64);
  },
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
    const n = Number(toIndex(a.n_children));
    const seedSeq = g.bitGenerator.seedSeq;
    if (seedSeq === null)
      return new PyList(g.rng.spawn(n).map((/** @type {any} */ r) => new PyGenerator(r)));
    // Generator.spawn: the bit generator's SeedSequence spawns, each child seeds a new PCG64
    return new PyList(
      seedSeq.spawn(n).map((child) => {
        const rng = child.generator();
        return new PyGenerator(rng, new PyPcg64BitGenerator(rng, child));
      }),
    );
  },
};

const KNOWN_METHODS = new Set([
  'beta',
  'bytes',
  'chisquare',
  'dirichlet',
  'f',
  'gamma',
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

/** np.random.default_rng(seed=None): a Generator passes through, as in NumPy; a PCG64 is used. */
export function defaultRng(/** @type {Value[]} */ args, /** @type {Kwargs} */ kwargs) {
  const a = bind('default_rng', ['seed='], args, kwargs);
  if (a.seed instanceof PyGenerator) return a.seed;
  if (a.seed instanceof PyPcg64BitGenerator) return new PyGenerator(a.seed.rng, a.seed);
  const seedSeq = seedSequenceOf(a.seed);
  const rng = seedSeq.generator();
  return new PyGenerator(rng, new PyPcg64BitGenerator(rng, seedSeq));
}

/** numpy.random.Generator: `Generator(bit_generator)` needs a BitGenerator, which this page does not have. */
export const GENERATOR_TYPE = new PyType(
  'numpy.random._generator.Generator',
  (args, kwargs) => {
    const a = bind('Generator', ['bit_generator'], args, kwargs);
    if (a.bit_generator instanceof PyPcg64BitGenerator)
      return new PyGenerator(a.bit_generator.rng, a.bit_generator);
    throw new Unsupported('numpy.random.Generator over a bit generator other than PCG64');
  },
  (v) => v instanceof PyGenerator,
);

// numpy.random.RandomState — and np.random's global functions, which are the methods of one
// RandomState per session (NumPy's `_rand`, seeded from OS entropy on import). The draws are
// seedlab's RandomState (NumPy's legacy streams, bit for bit); this file reads Python's arguments
// and shapes the results as NumPy returns them.

import { bind } from '../../../args.js';
import { PyError, typeError, Unsupported } from '../../../errors.js';
import { PyDict, PyTuple, PyType } from '../../../objects.js';
import { hashKey, truthy } from '../../../ops.js';
import { asArray } from '../convert.js';
import {
  BOOL,
  FLOAT64,
  INT8,
  INT16,
  INT32,
  INT64,
  UINT8,
  UINT16,
  UINT32,
  UINT64,
} from '../dtype.js';
import { NDArray } from '../ndarray.js';
import {
  dimsArg,
  floatArg,
  intArg,
  intDtypeArg,
  intLike,
  legacySeedArg,
  probabilitiesArg,
  result,
  sizeArg,
  toBigInt,
} from './arguments.js';
import { floatDistribution, GeneratorObject } from './generator-object.js';
import { permutedCopy, populationArray, shuffleInPlace, takeChosen } from './sequences.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */
/** @typedef {InstanceType<typeof import('../../../../pkg/seedlab.js').RandomState>} WasmRandomState */
/** @typedef {(rs: PyRandomState, args: Value[], kwargs: Kwargs) => Value} Method */

/** @extends {GeneratorObject<WasmRandomState>} */
export class PyRandomState extends GeneratorObject {
  /** @param {WasmRandomState} rng */
  constructor(rng) {
    super(rng, 'RandomState', METHODS, KNOWN_METHODS);
  }

  /** @override */
  get typeName() {
    return 'numpy.random.mtrand.RandomState';
  }

  /** @override */
  repr() {
    return `RandomState(MT19937) at 0x${this.address()}`;
  }

  pyType() {
    return RANDOM_STATE_TYPE;
  }
}

/** The elements of choice: an index sample from `a` (an int population or an array). */
const choice = /** @type {Method} */ (
  (rs, args, kwargs) => {
    const a = bind('choice', ['a', 'size=', 'replace=', 'p='], args, kwargs);
    const size = sizeArg(a.size);
    const replace = a.replace === undefined ? true : truthy(a.replace);
    const p = probabilitiesArg(a.p);
    if (intLike(a.a)) {
      const idx = rs.rng.choice(toBigInt(a.a), size.n, replace, p);
      return result(idx, size, INT64);
    }
    const arr = populationArray(a.a);
    if (arr.ndim !== 1) {
      throw new PyError('ValueError', 'a must be 1-dimensional');
    }
    const idx = rs.rng.choiceIndices(arr.size, size.n, replace, p);
    return takeChosen(arr, idx, size.shape);
  }
);

/** randint(low, high=None, size=None, dtype=int). */
const randint = /** @type {Method} */ (
  (rs, args, kwargs) => {
    const a = bind('randint', ['low', 'high=', 'size=', 'dtype='], args, kwargs);
    const low = intArg(a.low, 'low');
    const high = a.high === undefined || a.high === null ? null : intArg(a.high, 'high');
    const dtype = intDtypeArg(a.dtype);
    const size = sizeArg(a.size);
    if (dtype === null || dtype === 'int64') {
      const values = rs.rng.randintTyped(low, high, size.n, 'int64');
      // dtype=int gives a Python int for one value; an explicit np.int64 a NumPy scalar.
      return result(values, size, INT64, dtype === null ? 'python' : 'numpy');
    }
    const values = rs.rng.randintTyped(low, high, size.n, dtype);
    return result(values, size, intDtype(dtype), 'numpy');
  }
);

/** The integer dtypes by the names randint / integers take. */
export const INT_DTYPES = /** @type {Record<string, import('../dtype.js').DType>} */ ({
  int64: INT64,
  int32: INT32,
  int16: INT16,
  int8: INT8,
  uint64: UINT64,
  uint32: UINT32,
  uint16: UINT16,
  uint8: UINT8,
  bool: BOOL,
});

/** @param {string} name */
function intDtype(name) {
  return INT_DTYPES[name];
}

/** get_state(legacy=True) */
const getState = /** @type {Method} */ (
  (rs, args, kwargs) => {
    const a = bind('get_state', ['legacy='], args, kwargs);
    const { key, pos, hasGauss, cachedGaussian } = rs.rng.getState();
    const keyArray = NDArray.fromBuffer(Uint32Array.from(key), [624], UINT32);
    if (a.legacy === undefined || truthy(a.legacy)) {
      return new PyTuple(['MT19937', keyArray, BigInt(pos), BigInt(hasGauss), cachedGaussian]);
    }
    const state = new PyDict();
    state.map.set(hashKey('key'), ['key', keyArray]);
    state.map.set(hashKey('pos'), ['pos', BigInt(pos)]);
    const d = new PyDict();
    d.map.set(hashKey('bit_generator'), ['bit_generator', 'MT19937']);
    d.map.set(hashKey('state'), ['state', state]);
    d.map.set(hashKey('has_gauss'), ['has_gauss', BigInt(hasGauss)]);
    d.map.set(hashKey('gauss'), ['gauss', cachedGaussian]);
    return d;
  }
);

/** set_state(state): the legacy tuple (5 or 3 items). */
const setState = /** @type {Method} */ (
  (rs, args, kwargs) => {
    const a = bind('set_state', ['state'], args, kwargs);
    const state = a.state;
    if (state instanceof PyDict)
      throw new Unsupported("set_state with get_state(legacy=False)'s dict");
    if (!(state instanceof PyTuple) && !(state?.constructor?.name === 'PyList')) {
      throw typeError('state must be a dict or a tuple.');
    }
    const items = /** @type {PyTuple} */ (state).items;
    const [name, key, pos, hasGauss, gauss] = items;
    if (typeof name !== 'string') throw typeError('state must be a dict or a tuple.');
    const keyArg =
      key instanceof NDArray
        ? Uint32Array.from(key.values(), (x) => Number(x))
        : [.../** @type {any} */ (key).items].map((x) => toBigInt(x));
    rs.rng.setState(
      name,
      keyArg,
      toBigInt(/** @type {Value} */ (pos)),
      items.length > 3 ? toBigInt(/** @type {Value} */ (hasGauss)) : undefined,
      items.length > 4 ? floatArg(gauss, 0, 'cached_gaussian') : undefined,
    );
    return null;
  }
);

/** A distribution drawing int64 values. @param {string} name @param {string[]} spec @param {(rs: WasmRandomState, p: Value[], n: number) => ArrayLike<bigint>} draw */
function intDistribution(name, spec, draw) {
  return /** @type {Method} */ (
    (rs, args, kwargs) => {
      const a = bind(name, [...spec, 'size='], args, kwargs);
      const size = sizeArg(a.size);
      return result(
        draw(
          rs.rng,
          spec.map((s) => a[s.replace(/=$/, '')]),
          size.n,
        ),
        size,
        INT64,
      );
    }
  );
}

/** The methods of RandomState (and np.random's functions). @type {Record<string, Method>} */
export const METHODS = {
  seed(rs, args, kwargs) {
    const a = bind('seed', ['seed='], args, kwargs);
    rs.rng.seed(legacySeedArg(a.seed));
    return null;
  },
  rand: (rs, args) => {
    const size = dimsArg(args);
    return result(rs.rng.rand(size.n), size, FLOAT64);
  },
  randn: (rs, args) => {
    const size = dimsArg(args);
    return result(rs.rng.randn(size.n), size, FLOAT64);
  },
  random_sample: floatDistribution('random_sample', [], [], (r, _, n) => r.rand(n)),
  random: floatDistribution('random', [], [], (r, _, n) => r.rand(n)),
  ranf: floatDistribution('ranf', [], [], (r, _, n) => r.rand(n)),
  sample: floatDistribution('sample', [], [], (r, _, n) => r.rand(n)),
  standard_normal: floatDistribution('standard_normal', [], [], (r, _, n) => r.randn(n)),
  uniform: floatDistribution('uniform', ['low', 'high'], [0, 1], (r, [lo, hi], n) =>
    r.uniform(lo, hi, n),
  ),
  normal: floatDistribution('normal', ['loc', 'scale'], [0, 1], (r, [loc, scale], n) =>
    r.normal(loc, scale, n),
  ),
  exponential: floatDistribution('exponential', ['scale'], [1], (r, [scale], n) =>
    r.exponential(scale, n),
  ),
  standard_exponential: floatDistribution('standard_exponential', [], [], (r, _, n) =>
    r.standardExponential(n),
  ),
  poisson: intDistribution('poisson', ['lam='], (r, [lam], n) =>
    r.poisson(floatArg(lam, 1, 'lam'), n),
  ),
  geometric: intDistribution('geometric', ['p'], (r, [p], n) =>
    r.geometric(floatArg(p, 0, 'p'), n),
  ),
  binomial: intDistribution('binomial', ['n', 'p'], (r, [trials, p], n) =>
    r.binomial(intArg(trials, 'n'), floatArg(p, 0, 'p'), n),
  ),
  randint,
  choice,
  shuffle(rs, args, kwargs) {
    const a = bind('shuffle', ['x'], args, kwargs);
    return shuffleInPlace(rs.rng, a.x, 0, 'shuffle');
  },
  permutation(rs, args, kwargs) {
    const a = bind('permutation', ['x'], args, kwargs);
    const x = a.x;
    if (intLike(x)) {
      const values = rs.rng.permutation(toBigInt(x));
      return NDArray.fromBuffer(
        BigInt64Array.from(values, (v) => BigInt(v)),
        [values.length],
        INT64,
      );
    }
    const arr = asArray(x, null, true);
    if (arr.ndim < 1)
      throw new PyError('IndexError', 'x must be an integer or at least 1-dimensional');
    return permutedCopy(rs.rng, arr, 0);
  },
  get_state: getState,
  set_state: setState,
  bytes() {
    throw new Unsupported('np.random.bytes');
  },
};

/** Names RandomState has in NumPy that this page does not run. */
const KNOWN_METHODS = new Set([
  'beta',
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
  'multivariate_normal',
  'negative_binomial',
  'noncentral_chisquare',
  'noncentral_f',
  'pareto',
  'power',
  'random_integers',
  'rayleigh',
  'standard_cauchy',
  'standard_gamma',
  'standard_t',
  'tomaxint',
  'triangular',
  'vonmises',
  'wald',
  'weibull',
  'zipf',
  'bytes',
]);

/** The pkg's RandomState class, set by the module. */
const wasm = { RandomState: /** @type {any} */ (null) };

/** @param {any} RandomStateClass */
export function useWasmRandomState(RandomStateClass) {
  wasm.RandomState = RandomStateClass;
}

/** numpy.random.RandomState(seed=None) */
export const RANDOM_STATE_TYPE = new PyType(
  'numpy.random.mtrand.RandomState',
  (args, kwargs) => {
    const a = bind('RandomState', ['seed='], args, kwargs);
    return new PyRandomState(new wasm.RandomState(legacySeedArg(a.seed)));
  },
  (v) => v instanceof PyRandomState,
);

// The `numpy` module of the interpreter: what `import numpy as np` gives.
//
//   const np = createNumpy(interp, pkg);     // a PyModule; np.random is numpy.random
//
// Arrays (ndarray.js and the files it points to) reproduce NumPy 2.4.6's values, types and
// printing on x86-64 with AVX2; what cannot be reproduced exactly raises Unsupported.

import { bind } from '../../args.js';
import { PyError, typeError, Unsupported, valueError } from '../../errors.js';
import { EXCEPTION_TYPES } from '../../exceptions.js';
import { PyBuiltin, PyDict, PyModule, PyObject, PyTuple, PyType } from '../../objects.js';
import { hashKey, toIndex, truthy } from '../../ops.js';
import {
  clip,
  fixUnknownDimension,
  item,
  NDARRAY_TYPE,
  nonzero,
  REDUCTIONS,
  refuse,
  shapeArgs,
  toList,
  transpose,
} from './array-methods.js';
import { DEFAULT_PRINT_OPTIONS, printOptions } from './arrayprint.js';
import { useInterpreter } from './budget.js';
import { asArray, dtypeArg, dtypeObject, PyDType } from './convert.js';
import {
  arange,
  array,
  asarray,
  empty,
  eye,
  full,
  likeFunction,
  linspace,
  ones,
  zeros,
} from './creation.js';
import {
  BOOL,
  FLOAT32,
  FLOAT64,
  INT8,
  INT16,
  INT32,
  INT64,
  UINT8,
  UINT16,
  UINT32,
  UINT64,
  unicode,
} from './dtype.js';
import {
  allclose,
  arrayEqual,
  bincount,
  concatenate,
  countNonzero,
  isclose,
  sharesMemory,
  stack,
  uniqueFunction,
  vhstack,
  where,
} from './functions.js';
import { nanArg, nanMinMax, nanmean, nanmedian, nanstd, nansum, nanvar } from './nanfunctions.js';
import { nanQuantileFunction, quantileFunction } from './quantile.js';
import { createNumpyRandom } from './random/index.js';
import { normalizeAxis } from './reduce.js';
import { abstractScalarTypes, NpScalar, prettyAsName, scalarType } from './scalar.js';
import { argsortArray, sortArray } from './sorting.js';
import { median, roundArray } from './statistics.js';
import { binaryUfunc, mathPorts, operand, powPort, unaryUfunc } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {(args: Value[], kwargs: Kwargs, interp: any) => Value} Impl */

export { BOOL, FLOAT32, FLOAT64, INT32, INT64, unicode } from './dtype.js';
export { NDArray } from './ndarray.js';
export { NpScalar } from './scalar.js';

/** The first argument as an array, the rest bound to a method of the same name. @param {string} name */
function viaMethod(name) {
  const method = /** @type {any} */ (REDUCTIONS)[name];
  return /** @type {Impl} */ (
    (args, kwargs, interp) => {
      if (args.length === 0 && !kwargs.has('a'))
        throw typeError(`${name}() missing 1 required positional argument: 'a'`);
      const rest = new Map(kwargs);
      const a = args.length ? args[0] : /** @type {Value} */ (rest.get('a'));
      rest.delete('a');
      return method(asArray(a), args.slice(1), rest, interp);
    }
  );
}

/** A unary ufunc as a function: np.sqrt(x). @param {string} name */
function unary(name) {
  return /** @type {Impl} */ (
    (args, kwargs) => {
      const a = bind(
        name,
        ['x', '/', 'out=', '*', 'where=', 'casting=', 'order=', 'dtype=', 'subok='],
        args,
        kwargs,
      );
      refuse(name, a, ['out', 'where', 'casting', 'order', 'dtype']);
      const o = operand(a.x);
      if (!o)
        throw typeError(
          `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
        );
      return unaryUfunc(name, o);
    }
  );
}

/** A binary ufunc as a function: np.add(x, y). @param {string} name @param {string} [loop] */
function binary(name, loop = name) {
  return /** @type {Impl} */ (
    (args, kwargs) => {
      const a = bind(
        name,
        ['x1', 'x2', '/', 'out=', '*', 'where=', 'casting=', 'order=', 'dtype=', 'subok='],
        args,
        kwargs,
      );
      refuse(name, a, ['out', 'where', 'casting', 'order', 'dtype']);
      const x = operand(a.x1);
      const y = operand(a.x2);
      if (!x || !y)
        throw typeError(
          `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
        );
      return binaryUfunc(loop, [x, y]);
    }
  );
}

/** np.round / np.around. @type {Impl} */
function round(args, kwargs) {
  const a = bind('round', ['a', 'decimals=', 'out='], args, kwargs);
  refuse('round', a, ['out']);
  const decimals = a.decimals === undefined ? 0 : Number(toIndex(a.decimals));
  return roundArray(asArray(a.a), decimals);
}

/** np.set_printoptions (precision, threshold, edgeitems, linewidth, suppress). @type {Impl} */
function setPrintoptions(args, kwargs) {
  const a = bind(
    'set_printoptions',
    [
      'precision=',
      'threshold=',
      'edgeitems=',
      'linewidth=',
      'suppress=',
      'nanstr=',
      'infstr=',
      'formatter=',
      'sign=',
      'floatmode=',
      '*',
      'legacy=',
      'override_repr=',
    ],
    args,
    kwargs,
  );
  refuse('np.set_printoptions', a, [
    'nanstr',
    'infstr',
    'formatter',
    'sign',
    'floatmode',
    'legacy',
    'override_repr',
  ]);
  if (a.precision !== undefined && a.precision !== null) {
    let p;
    try {
      p = Number(toIndex(a.precision));
    } catch {
      throw typeError('precision must be an integer');
    }
    printOptions.precision = p; // a negative one fails when a float array is printed, as in NumPy
  }
  if (a.threshold !== undefined && a.threshold !== null) {
    const t = typeof a.threshold === 'number' ? a.threshold : Number(toIndex(a.threshold));
    if (Number.isNaN(t))
      throw valueError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
    printOptions.threshold = t;
  }
  if (a.edgeitems !== undefined && a.edgeitems !== null)
    printOptions.edgeitems = Number(toIndex(a.edgeitems));
  if (a.linewidth !== undefined && a.linewidth !== null)
    printOptions.linewidth = Number(toIndex(a.linewidth));
  if (a.suppress !== undefined && a.suppress !== null) printOptions.suppress = truthy(a.suppress);
  return null;
}

/**
 * What np.printoptions(...) returns (a contextlib._GeneratorContextManager): `with` sets the
 * options on entry (as set_printoptions, checking them then), gives get_printoptions(), and
 * restores the previous options on exit.
 */
class PrintOptionsContext extends PyObject {
  /** @param {Value[]} args @param {Kwargs} kwargs */
  constructor(args, kwargs) {
    super();
    this.args = args;
    this.kwargs = kwargs;
    /** @type {(typeof printOptions)[]} */
    this.saved = [];
  }

  /** @override */
  get typeName() {
    return '_GeneratorContextManager';
  }

  /** @override */
  repr() {
    return `<contextlib._GeneratorContextManager object at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }

  enter() {
    if (this.saved.length > 0) throw new PyError('RuntimeError', "generator didn't yield");
    const before = { ...printOptions };
    setPrintoptions(this.args, this.kwargs, null);
    this.saved.push(before);
    return getPrintoptions([], new Map(), null);
  }

  exit() {
    const before = this.saved.pop();
    if (before) Object.assign(printOptions, before);
    return false;
  }
}

/** np.get_printoptions() @type {Impl} */
function getPrintoptions() {
  const d = new PyDict();
  const entries = [
    ['edgeitems', BigInt(printOptions.edgeitems)],
    [
      'threshold',
      Number.isInteger(printOptions.threshold)
        ? BigInt(printOptions.threshold)
        : printOptions.threshold,
    ],
    ['floatmode', 'maxprec'],
    ['precision', BigInt(printOptions.precision)],
    ['suppress', printOptions.suppress],
    ['linewidth', BigInt(printOptions.linewidth)],
    ['nanstr', 'nan'],
    ['infstr', 'inf'],
    ['sign', '-'],
    ['formatter', null],
    ['legacy', false],
    ['override_repr', null],
  ];
  for (const [k, v] of entries) d.map.set(hashKey(k), [k, /** @type {Value} */ (v)]);
  return d;
}

/** np.reshape(a, newshape) @type {Impl} */
function reshape(args, kwargs) {
  const a = bind('reshape', ['a', 'shape=', 'order=', '*', 'newshape=', 'copy='], args, kwargs);
  if (a.order !== undefined && a.order !== 'C')
    throw new Unsupported(`np.reshape(order=${JSON.stringify(a.order)})`);
  const arr = asArray(a.a);
  const shape = a.shape ?? a.newshape;
  if (shape === undefined)
    throw typeError("reshape() missing 1 required positional argument: 'shape'");
  return arr.reshape(fixUnknownDimension(shapeArgs([shape]), arr.size));
}

/** np.sort / np.argsort. @param {'sort' | 'argsort'} which */
function sortFunction(which) {
  return /** @type {Impl} */ (
    (args, kwargs) => {
      const a = bind(which, ['a', 'axis=', 'kind=', 'order=', '*', 'stable='], args, kwargs);
      refuse(which, a, ['order']);
      const arr = asArray(a.a);
      const axis = a.axis === undefined ? -1n : a.axis;
      return which === 'sort'
        ? sortArray(arr, axis, a.kind, a.stable)
        : argsortArray(arr, axis, a.kind, a.stable);
    }
  );
}

/** Names of numpy that this page does not implement (numpy.foo is then "not supported here"). */
const KNOWN_NAMES = [
  'dot',
  'matmul',
  'inner',
  'outer',
  'cross',
  'tensordot',
  'einsum',
  'linalg',
  'fft',
  'polyfit',
  'polyval',
  'histogram',
  'histogram2d',
  'digitize',
  'average',
  'nanprod',
  'nancumsum',
  'nancumprod',
  'cov',
  'corrcoef',
  'convolve',
  'correlate',
  'diff',
  'gradient',
  'interp',
  'trapz',
  'trapezoid',
  'meshgrid',
  'mgrid',
  'ogrid',
  'tile',
  'repeat',
  'roll',
  'flip',
  'fliplr',
  'flipud',
  'rot90',
  'split',
  'array_split',
  'hsplit',
  'vsplit',
  'column_stack',
  'dstack',
  'append',
  'insert',
  'delete',
  'pad',
  'take',
  'put',
  'searchsorted',
  'argwhere',
  'flatnonzero',
  'diag',
  'diagonal',
  'trace',
  'tri',
  'tril',
  'triu',
  'vander',
  'logspace',
  'geomspace',
  'fromfunction',
  'fromiter',
  'frombuffer',
  'loadtxt',
  'savetxt',
  'load',
  'save',
  'genfromtxt',
  'sin',
  'cos',
  'tan',
  'arcsin',
  'arccos',
  'arctan',
  'arctan2',
  'sinh',
  'cosh',
  'power',
  'float_power',
  'hypot',
  'cbrt',
  'deg2rad',
  'rad2deg',
  'degrees',
  'radians',
  'lcm',
  'gcd',
  'float16',
  'complex64',
  'complex128',
  'longdouble',
  'object_',
  'bytes_',
  'datetime64',
  'timedelta64',
  'ma',
  'char',
  'rec',
  'lib',
  'testing',
  'polynomial',
  'emath',
  'errstate',
  'seterr',
  'geterr',
  'broadcast_to',
  'broadcast_arrays',
  'expand_dims',
  'moveaxis',
  'rollaxis',
  'atleast_1d',
  'atleast_2d',
  'atleast_3d',
  'ptp',
  'cumprod',
  'diff',
  'ediff1d',
  'in1d',
  'isin',
  'intersect1d',
  'union1d',
  'setdiff1d',
  'setxor1d',
  'lexsort',
  'partition',
  'argpartition',
  'fmax',
  'fmin',
  'iinfo',
  'finfo',
  'format_float_positional',
  'format_float_scientific',
  'array2string',
  'array_repr',
  'array_str',
  'isscalar',
  'result_type',
  'promote_types',
  'can_cast',
  'issubdtype',
  'vectorize',
  'frompyfunc',
  'apply_along_axis',
  'piecewise',
  'select',
  'choose',
  'compress',
  'extract',
  'place',
  'putmask',
  'nan_to_num',
  'real',
  'imag',
  'conj',
  'angle',
  'unwrap',
  'kron',
  'block',
  'resize',
  'squeeze',
  'swapaxes',
  'logical_and',
  'logical_or',
  'logical_xor',
  'logical_not',
];

/** The module's functions, by name (each wrapped in a PyBuiltin per session). @type {Record<string, Impl>} */
const FUNCTIONS = {
  array,
  asarray,
  asanyarray: asarray,
  arange,
  zeros,
  ones,
  empty,
  full,
  zeros_like: likeFunction('zeros'),
  ones_like: likeFunction('ones'),
  full_like: likeFunction('full'),
  empty_like: likeFunction('empty'),
  linspace,
  eye,
  identity: (args, kwargs) => {
    const a = bind('identity', ['n', 'dtype=', '*', 'like='], args, kwargs);
    return eye([a.n], new Map(a.dtype === undefined ? [] : [['dtype', a.dtype]]));
  },
  round,
  around: round,
  sum: viaMethod('sum'),
  prod: viaMethod('prod'),
  mean: viaMethod('mean'),
  std: viaMethod('std'),
  var: viaMethod('var'),
  min: viaMethod('min'),
  max: viaMethod('max'),
  amin: viaMethod('min'),
  amax: viaMethod('max'),
  argmax: viaMethod('argmax'),
  argmin: viaMethod('argmin'),
  cumsum: viaMethod('cumsum'),
  cumprod: viaMethod('cumprod'),
  median(args, kwargs) {
    const a = bind('median', ['a', 'axis=', 'out=', 'overwrite_input=', 'keepdims='], args, kwargs);
    refuse('median', a, ['out']);
    const arr = asArray(a.a);
    if (a.axis instanceof PyTuple) throw new Unsupported('np.median over several axes');
    const axis = a.axis === undefined || a.axis === null ? null : normalizeAxis(a.axis, arr.ndim);
    return median(arr, axis, a.keepdims !== undefined && truthy(a.keepdims));
  },
  any: viaMethod('any'),
  all: viaMethod('all'),
  abs: unary('absolute'),
  absolute: unary('absolute'),
  fabs: unary('absolute'),
  sqrt: unary('sqrt'),
  square: unary('square'),
  negative: unary('negative'),
  positive: unary('positive'),
  floor: unary('floor'),
  ceil: unary('ceil'),
  trunc: unary('trunc'),
  rint: unary('rint'),
  sign: unary('sign'),
  isnan: unary('isnan'),
  isinf: unary('isinf'),
  isfinite: unary('isfinite'),
  signbit: unary('signbit'),
  reciprocal: unary('reciprocal'),
  invert: unary('invert'),
  bitwise_not: unary('invert'),
  logical_not: unary('logical_not'),
  exp: unary('exp'),
  log: unary('log'),
  log1p: unary('log1p'),
  log2: unary('log2'),
  log10: unary('log10'),
  exp2: unary('exp2'),
  expm1: unary('expm1'),
  tanh: unary('tanh'),
  add: binary('add'),
  subtract: binary('subtract'),
  multiply: binary('multiply'),
  divide: binary('divide', 'true_divide'),
  true_divide: binary('true_divide'),
  floor_divide: binary('floor_divide'),
  mod: binary('mod', 'remainder'),
  remainder: binary('remainder'),
  fmod: binary('fmod'),
  power: binary('power'),
  maximum: binary('maximum'),
  minimum: binary('minimum'),
  equal: binary('equal'),
  not_equal: binary('not_equal'),
  less: binary('less'),
  less_equal: binary('less_equal'),
  greater: binary('greater'),
  greater_equal: binary('greater_equal'),
  logical_and: binary('logical_and'),
  logical_or: binary('logical_or'),
  logical_xor: binary('logical_xor'),
  bitwise_and: binary('bitwise_and'),
  bitwise_or: binary('bitwise_or'),
  bitwise_xor: binary('bitwise_xor'),
  array_equal: arrayEqual,
  allclose,
  isclose,
  unique: uniqueFunction,
  sort: sortFunction('sort'),
  argsort: sortFunction('argsort'),
  concatenate,
  stack,
  vstack: vhstack('v'),
  hstack: vhstack('h'),
  where,
  count_nonzero: countNonzero,
  nonzero: (args) => nonzero(asArray(args[0])),
  clip(args, kwargs) {
    const a = bind('clip', ['a', 'a_min=', 'a_max=', 'out=', '*', 'min=', 'max='], args, kwargs);
    refuse('clip', a, ['out']);
    return clip(asArray(a.a), a.a_min ?? a.min ?? null, a.a_max ?? a.max ?? null);
  },
  shape: (args) => new PyTuple(asArray(args[0]).shape.map(BigInt)),
  ndim: (args) => BigInt(asArray(args[0]).ndim),
  size(args, kwargs) {
    const a = bind('size', ['a', 'axis='], args, kwargs);
    const arr = asArray(a.a);
    return a.axis === undefined || a.axis === null
      ? BigInt(arr.size)
      : BigInt(arr.shape[Number(toIndex(a.axis))]);
  },
  reshape,
  transpose(args, kwargs) {
    const a = bind('transpose', ['a', 'axes='], args, kwargs);
    return transpose(
      asArray(a.a),
      a.axes === undefined || a.axes === null ? null : shapeArgs([a.axes]),
    );
  },
  ravel: (args) => asArray(args[0]).reshape([asArray(args[0]).size]),
  copy: (args) => asArray(args[0]).copy('K'),
  tolist: (args) => toList(asArray(args[0])),
  set_printoptions: setPrintoptions,
  shares_memory: sharesMemory('shares_memory'),
  may_share_memory: sharesMemory('may_share_memory'),
  printoptions: (args, kwargs) => new PrintOptionsContext(args, kwargs),
  bincount,
  percentile: quantileFunction('percentile'),
  quantile: quantileFunction('quantile'),
  nanpercentile: nanQuantileFunction('nanpercentile'),
  nanquantile: nanQuantileFunction('nanquantile'),
  nansum,
  nanmean,
  nanvar,
  nanstd,
  nanmin: nanMinMax(false),
  nanmax: nanMinMax(true),
  nanargmin: nanArg(false),
  nanargmax: nanArg(true),
  nanmedian,
  get_printoptions: getPrintoptions,
  item: (args) => item(asArray(args[0]), args.slice(1)),
};

/**
 * The numpy module of a session.
 * @param {any} interp
 * @param {any} [pkg]  seedlab's wasm package
 */
export function createNumpy(interp, pkg) {
  useInterpreter(interp);
  Object.assign(printOptions, DEFAULT_PRINT_OPTIONS);
  installMathPorts(pkg);
  const random = pkg?.RandomState
    ? createNumpyRandom(pkg, RANDOM_NAMES)
    : new PyModule('numpy.random', {}, RANDOM_NAMES);
  /** @type {Record<string, Value>} */
  const attrs = {};
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    attrs[name] = new PyBuiltin(name, (args, kwargs, i) => {
      useInterpreter(i);
      return fn(args, kwargs, i);
    });
  }
  Object.assign(attrs, typesAndConstants(), { random });
  return new PyModule('numpy', attrs, KNOWN_NAMES);
}

/** The module's types (np.float64, np.ndarray, np.dtype, ...), constants and submodules. */
function typesAndConstants() {
  const scalarTypes = {
    float64: scalarType(FLOAT64),
    float32: scalarType(FLOAT32),
    int64: scalarType(INT64),
    int32: scalarType(INT32),
    int16: scalarType(INT16),
    int8: scalarType(INT8),
    uint64: scalarType(UINT64),
    uint32: scalarType(UINT32),
    uint16: scalarType(UINT16),
    uint8: scalarType(UINT8),
    bool: scalarType(BOOL),
    str_: scalarType(unicode(1)),
  };
  return {
    ...scalarTypes,
    ...abstractScalarTypes(),
    bool_: scalarTypes.bool,
    True_: new NpScalar(BOOL, 1),
    False_: new NpScalar(BOOL, 0),
    int_: scalarTypes.int64,
    intp: scalarTypes.int64,
    double: scalarTypes.float64,
    single: scalarTypes.float32,
    intc: scalarTypes.int32,
    short: scalarTypes.int16,
    byte: scalarTypes.int8,
    ubyte: scalarTypes.uint8,
    ushort: scalarTypes.uint16,
    uintc: scalarTypes.uint32,
    uint: scalarTypes.uint64,
    uintp: scalarTypes.uint64,
    ndarray: NDARRAY_TYPE,
    dtype: prettyAsName(
      new PyType(
        'numpy.dtype',
        (args, kwargs) => {
          const a = bind('dtype', ['dtype', 'align=', 'copy=', 'metadata='], args, kwargs);
          const t = dtypeArg(a.dtype);
          if (t === null) throw new Unsupported('np.dtype(str) without a length');
          return dtypeObject(t);
        },
        (v) => v instanceof PyDType,
      ),
    ),
    newaxis: null,
    pi: Math.PI,
    e: Math.E,
    inf: Infinity,
    nan: Number.NaN,
    euler_gamma: 0.5772156649015329,
    __version__: '2.4.6',
    exceptions: new PyModule(
      'numpy.exceptions',
      {
        AxisError: /** @type {PyType} */ (EXCEPTION_TYPES.get('AxisError')),
        DTypePromotionError: /** @type {PyType} */ (EXCEPTION_TYPES.get('DTypePromotionError')),
      },
      [
        'ComplexWarning',
        'VisibleDeprecationWarning',
        'RankWarning',
        'TooHardError',
        'ModuleDeprecationWarning',
      ],
    ),
  };
}

/** numpy.random's public names: resolved by the random module when it is wired to the wasm generators. */
export const RANDOM_NAMES = [
  'seed',
  'rand',
  'randn',
  'randint',
  'random',
  'random_sample',
  'ranf',
  'sample',
  'random_integers',
  'choice',
  'shuffle',
  'permutation',
  'uniform',
  'normal',
  'standard_normal',
  'binomial',
  'poisson',
  'exponential',
  'beta',
  'gamma',
  'get_state',
  'set_state',
  'RandomState',
  'default_rng',
  'Generator',
  'PCG64',
  'MT19937',
  'SeedSequence',
  'bytes',
  'multinomial',
  'multivariate_normal',
  'lognormal',
  'laplace',
  'logistic',
  'geometric',
  'chisquare',
  'standard_t',
  'standard_exponential',
  'standard_gamma',
  'standard_cauchy',
  'triangular',
  'weibull',
  'pareto',
  'power',
  'rayleigh',
  'vonmises',
  'wald',
  'zipf',
  'hypergeometric',
  'negative_binomial',
  'noncentral_chisquare',
  'noncentral_f',
  'f',
  'gumbel',
  'logseries',
  'dirichlet',
  'BitGenerator',
  'Philox',
  'SFC64',
];

/**
 * Uses seedlab's wasm math ports (glibc's functions; NumPy's tanh) for the float64
 * transcendentals and float power; without a package those refuse. Each is read from the
 * package when called (the page's full wasm module, which has them, may load after numpy).
 * @param {any} pkg
 */
function installMathPorts(pkg) {
  for (const [name, js] of /** @type {const} */ ([
    ['exp', 'mathExpArray'],
    ['log', 'mathLogArray'],
    ['log1p', 'mathLog1pArray'],
    ['log2', 'mathLog2Array'],
    ['log10', 'mathLog10Array'],
    ['exp2', 'mathExp2Array'],
    ['expm1', 'mathExpm1Array'],
    ['tanh', 'numpyTanh'],
  ])) {
    mathPorts[name] = pkg ? (/** @type {Float64Array} */ x) => pkg[js](x) : null;
  }
  powPort.f = pkg ? (/** @type {number} */ x, /** @type {number} */ y) => pkg.mathPow(x, y) : null;
}

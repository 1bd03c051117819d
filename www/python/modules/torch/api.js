// The Python-facing functions: torch.* functions and Tensor methods, each binding its arguments
// with torch's own overloads (arg-parser.js) and calling the implementations in this folder.

import { PyError, Unsupported } from '../../errors.js';
import { PyBuiltin, PyList, PyObject } from '../../objects.js';
import { truthy } from '../../ops.js';
import { ArgParser, unpackIntList, unpackLong } from './arg-parser.js';
import { checkInplace, recordOp } from './autograd.js';
import {
  applyRequiresGrad,
  arange,
  cat,
  checkFactoryOptions,
  dtypeArg,
  empty,
  fillDType,
  filled,
  fillValue,
  linspace,
  scalarTo,
  shapeArg,
  stack,
  tensorFromData,
} from './creation.js';
import {
  bool,
  DEFAULT_FLOAT,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  LEGACY_TENSOR_TYPES,
  uint8,
} from './dtypes.js';
import { absolute, binary, comparison, copyInto, negate } from './elementwise.js';
import {
  allAny,
  clamp,
  classify,
  equal,
  extremum,
  isclose,
  round,
  rounding,
  sqrt,
  where,
} from './math-ops.js';
import { pyBind } from './nn/pyargs.js';
import { tensorFromNumpyShared, tensorToNumpy } from './numpy-bridge.js';
import { DeviceObject } from './random.js';
import { argExtreme, extremeAll, extremeDim, mean, reducedDims, std, sum } from './reductions.js';
import { ReturnTypes } from './return-types.js';
import {
  chunk,
  flatten,
  matrixT,
  permute,
  reshape,
  reverseT,
  splitBySize,
  splitWithSizes,
  squeeze,
  transpose,
  unbind,
  unsqueeze,
  view,
} from './shape-ops.js';
import { argsort, bincount, cumsum, sort, topk, unique } from './sorting.js';
import {
  castTensor,
  cloneTensor,
  contiguousCopy,
  pyValue,
  session,
  sizeOf,
  TENSOR_METHODS,
  TENSOR_OPS,
  TENSOR_PROPERTIES,
  Tensor,
} from './tensor.js';
import { markWritten } from './uninitialized.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */

const FACTORY_KW =
  'torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False';

/** Marks `out` as a new leaf with requires_grad= and the factory options checked. @param {Tensor} out @param {Record<string, any>} a */
function factoryResult(out, a) {
  checkFactoryOptions(a);
  return applyRequiresGrad(out, a.requires_grad);
}

/** The dims of a `tuple of ints dim` argument (a single int allowed). @param {string} fname @param {Value | undefined} v */
function dimList(fname, v) {
  if (v === undefined || v === null) return null;
  return unpackIntList(fname, 'dim', v);
}

/** An int argument (bound by the parser) as a bigint. @param {Value | undefined} v @param {bigint} dflt */
function intArg(v, dflt) {
  return v === undefined || v === null ? dflt : unpackLong(v);
}

/** A bool argument. @param {Value | undefined} v @param {boolean} dflt */
function boolArg(v, dflt) {
  return v === undefined ? dflt : /** @type {boolean} */ (v);
}

/** A float argument (Python float or int). @param {Value | undefined} v @param {number} dflt */
function floatArg(v, dflt) {
  if (v === undefined || v === null) return dflt;
  if (v instanceof Tensor) return Number(v.item());
  return typeof v === 'bigint'
    ? Number(v)
    : typeof v === 'boolean'
      ? v
        ? 1
        : 0
      : /** @type {number} */ (v);
}

// --- torch.* ---------------------------------------------------------------------------------

/**
 * fns[name] = a torch function binding its arguments with `parser`.
 * @param {Record<string, PyBuiltin>} fns @param {string} name @param {ArgParser} parser
 * @param {(a: Record<string, any>, index: number) => Value} impl
 */
export function defineFunction(fns, name, parser, impl) {
  fns[name] = new PyBuiltin(name, (args, kwargs, interp) => {
    session.interp = interp;
    const { index, values } = parser.parse(args, kwargs);
    return impl(values, index);
  });
}

/** torch.zeros, ones, empty, full and their *_like forms. @param {Record<string, PyBuiltin>} fns */
function sizeFactories(fns) {
  /** @type {[string, (shape: number[], dtype: import('./dtypes.js').DType) => Tensor][]} */
  const bySize = [
    ['zeros', (shape, dtype) => Tensor.zeros(shape, dtype)],
    ['ones', (shape, dtype) => filled(shape, dtype, dtype === int64 ? 1n : 1)],
    ['empty', (shape, dtype) => empty(shape, dtype)],
  ];
  for (const [name, make] of bySize) {
    const parser = new ArgParser(name, [
      `(tuple of ints size, *, Tensor out = None, ${FACTORY_KW})`,
    ]);
    defineFunction(fns, name, parser, (a) =>
      factoryResult(make(shapeArg(name, a.size), dtypeArg(a.dtype) ?? DEFAULT_FLOAT), a),
    );
  }
  const eye = new ArgParser('eye', [
    `(int n, *, Tensor out = None, ${FACTORY_KW})`,
    `(int n, int m, *, Tensor out = None, ${FACTORY_KW})`,
  ]);
  defineFunction(fns, 'eye', eye, (a) => {
    const n = Number(unpackLong(a.n));
    const m = a.m === undefined ? n : Number(unpackLong(a.m));
    for (const d of [n, m]) {
      if (d < 0)
        throw new PyError(
          'RuntimeError',
          `${d === n ? 'n' : 'm'} must be greater or equal to 0, got ${d}`,
        );
    }
    const dtype = dtypeArg(a.dtype) ?? DEFAULT_FLOAT;
    const t = Tensor.zeros([n, m], dtype);
    const one = dtype === int64 ? 1n : 1;
    for (let i = 0; i < Math.min(n, m); i++) /** @type {any} */ (t.storage.data)[i * m + i] = one;
    return factoryResult(t, a);
  });
  const full = new ArgParser('full', [
    `(tuple of ints size, Number fill_value, *, Tensor out = None, ${FACTORY_KW})`,
  ]);
  defineFunction(fns, 'full', full, (a) => {
    const shape = shapeArg('full', a.size);
    const dtype = dtypeArg(a.dtype) ?? fillDType(a.fill_value);
    return factoryResult(filled(shape, dtype, scalarTo(fillValue(a.fill_value), dtype)), a);
  });
  /** @type {[string, string, (t: Tensor, dtype: import('./dtypes.js').DType, a: any) => Tensor][]} */
  const like = [
    ['zeros_like', '', (t, dtype) => Tensor.zeros([...t.shape], dtype)],
    ['ones_like', '', (t, dtype) => filled([...t.shape], dtype, dtype === int64 ? 1n : 1)],
    ['empty_like', '', (t, dtype) => empty([...t.shape], dtype)],
    [
      'full_like',
      'Number fill_value, ',
      (t, dtype, a) => filled([...t.shape], dtype, scalarTo(fillValue(a.fill_value), dtype)),
    ],
  ];
  for (const [name, extra, make] of like) {
    const parser = new ArgParser(name, [
      `(Tensor input, ${extra}*, torch.memory_format memory_format = None, ${FACTORY_KW})`,
    ]);
    defineFunction(fns, name, parser, (a) =>
      factoryResult(make(a.input, dtypeArg(a.dtype) ?? a.input.dtype, a), a),
    );
  }
}

/** torch.tensor, arange, linspace, cat and stack. @param {Record<string, PyBuiltin>} fns */
function dataFactories(fns) {
  const tensor = new ArgParser('tensor', [
    '(object data, *, torch.dtype dtype = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)',
  ]);
  defineFunction(fns, 'tensor', tensor, (a) => {
    const t = tensorFromData(a.data, dtypeArg(a.dtype));
    checkFactoryOptions(a);
    if (a.requires_grad === true && !t.dtype.isFloating) {
      throw new PyError(
        'RuntimeError',
        'Only Tensors of floating point and complex dtype can require gradients',
      );
    }
    return applyRequiresGrad(t, a.requires_grad);
  });
  const arangeParser = new ArgParser('arange', [
    `(Number end, *, Tensor out = None, ${FACTORY_KW})`,
    `(Number start, Number end, *, ${FACTORY_KW})`,
    `(Number start, Number end, Number step = 1, *, Tensor out = None, ${FACTORY_KW})`,
  ]);
  defineFunction(fns, 'arange', arangeParser, (a, index) => {
    const [start, end, step] = index === 0 ? [0n, a.end, 1n] : [a.start, a.end, a.step ?? 1n];
    return factoryResult(arange(start, end, step, dtypeArg(a.dtype)), a);
  });
  const linspaceParser = new ArgParser(
    'linspace',
    [
      'Tensor start, Tensor end',
      'Number start, Tensor end',
      'Tensor start, Number end',
      'Number start, Number end',
    ].map((bounds) => `(${bounds}, int steps, *, Tensor out = None, ${FACTORY_KW})`),
  );
  defineFunction(fns, 'linspace', linspaceParser, (a) =>
    factoryResult(linspace(a.start, a.end, unpackLong(a.steps), dtypeArg(a.dtype)), a),
  );
  for (const name of ['cat', 'concat', 'concatenate', 'stack']) {
    const parser = new ArgParser(name, [
      '(tuple of Tensors tensors, int dim = 0, *, Tensor out = None)',
    ]);
    defineFunction(fns, name, parser, (a) => {
      if (a.out !== undefined) throw new Unsupported('out=');
      return (name === 'stack' ? stack : cat)(a.tensors, intArg(a.dim, 0n));
    });
  }
}

const OUT = 'Tensor out = None';
const NUMPY_CLOSE = 'Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False';

/** torch.f(t, ...) for the Tensor methods t.f(...): their overloads, with the input first. */
const VIA_METHOD = /** @type {Record<string, string[]>} */ ({
  sum: [
    '*, torch.dtype dtype = None',
    `tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None, ${OUT}`,
  ],
  mean: [
    `*, torch.dtype dtype = None, ${OUT}`,
    `tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None, ${OUT}`,
  ],
  sort: [
    `int dim = -1, bool descending = False, *, tuple of Tensors out = None`,
    `*, bool stable, int dim = -1, bool descending = False, tuple of Tensors out = None`,
  ],
  argsort: [
    'int dim = -1, bool descending = False',
    '*, bool stable, int dim = -1, bool descending = False',
  ],
  topk: [
    'int k, int dim = -1, bool largest = True, bool sorted = True, *, tuple of Tensors out = None',
  ],
  cumsum: [`int dim, *, torch.dtype dtype = None, ${OUT}`],
  chunk: ['int chunks, int dim = 0'],
  unbind: ['int dim = 0'],
  bincount: ['Tensor weights = None, int minlength = 0'],
  std: [
    `tuple of ints dim, bool unbiased = True, bool keepdim = False, *, ${OUT}`,
    `tuple of ints dim = None, *, Number correction = None, bool keepdim = False, ${OUT}`,
    'bool unbiased = True',
  ],
  var: [
    `tuple of ints dim, bool unbiased = True, bool keepdim = False, *, ${OUT}`,
    `tuple of ints dim = None, *, Number correction = None, bool keepdim = False, ${OUT}`,
    'bool unbiased = True',
  ],
  max: [
    `*, ${OUT}`,
    `Tensor other, *, ${OUT}`,
    'int dim, bool keepdim = False, *, tuple of Tensors out = None',
  ],
  min: [
    `*, ${OUT}`,
    `Tensor other, *, ${OUT}`,
    'int dim, bool keepdim = False, *, tuple of Tensors out = None',
  ],
  argmax: [`int dim = None, bool keepdim = False, *, ${OUT}`],
  argmin: [`int dim = None, bool keepdim = False, *, ${OUT}`],
  all: [
    `*, ${OUT}`,
    `tuple of ints dim = None, bool keepdim = False, *, ${OUT}`,
    `int dim, bool keepdim = False, *, ${OUT}`,
  ],
  any: [
    `*, ${OUT}`,
    `tuple of ints dim = None, bool keepdim = False, *, ${OUT}`,
    `int dim, bool keepdim = False, *, ${OUT}`,
  ],
  round: [`*, ${OUT}`, `*, int decimals, ${OUT}`],
  maximum: [`Tensor other, *, ${OUT}`],
  minimum: [`Tensor other, *, ${OUT}`],
  clamp: [
    `Tensor min = None, Tensor max = None, *, ${OUT}`,
    `Number min = None, Number max = None, *, ${OUT}`,
  ],
  reshape: ['tuple of ints shape'],
  flatten: ['int start_dim = 0, int end_dim = -1'],
  squeeze: ['', 'int dim', 'tuple of ints dim'],
  unsqueeze: ['int dim'],
  transpose: ['int dim0, int dim1'],
  permute: ['tuple of ints dims'],
  equal: ['Tensor other'],
  allclose: [NUMPY_CLOSE],
  isclose: [NUMPY_CLOSE],
  clone: ['*, torch.memory_format memory_format = None'],
  numel: [''],
  t: [''],
  ...Object.fromEntries(
    ['abs', 'sqrt', 'floor', 'ceil', 'trunc', 'neg', 'negative'].map((n) => [n, [`*, ${OUT}`]]),
  ),
  ...Object.fromEntries(['isnan', 'isinf', 'isfinite', 'logical_not'].map((n) => [n, ['']])),
  ...Object.fromEntries(
    ['add', 'sub'].map((n) => [n, [`Tensor other, *, Number alpha = 1, ${OUT}`]]),
  ),
  ...Object.fromEntries(
    ['mul', 'div', 'true_divide', 'floor_divide', 'remainder'].map((n) => [
      n,
      [`Tensor other, *, ${OUT}`],
    ]),
  ),
  ...Object.fromEntries(
    ['eq', 'ne', 'lt', 'le', 'gt', 'ge'].map((n) => [
      n,
      [`Tensor other, *, ${OUT}`, `Number other, *, ${OUT}`],
    ]),
  ),
});

/** torch.where(condition, input, other) @param {Record<string, PyBuiltin>} fns */
function whereFunction(fns) {
  const parser = new ArgParser('where', [
    '(Tensor condition)',
    `(Tensor condition, Tensor input, Tensor other, *, ${OUT})`,
    '(Tensor condition, Number self, Tensor other)',
    '(Tensor condition, Tensor input, Number other)',
    '(Tensor condition, Number self, Number other)',
  ]);
  defineFunction(fns, 'where', parser, (a, index) => {
    if (index === 0) throw new Unsupported('torch.where(condition) (nonzero indices)');
    if (a.out !== undefined) throw new Unsupported('out=');
    return where(a.condition, a.input ?? a.self, a.other);
  });
}

/**
 * The torch functions (random ones apart: random-api.js).
 * @returns {Record<string, PyBuiltin>}
 */
export function torchFunctions() {
  /** @type {Record<string, PyBuiltin>} */
  const fns = {};
  sizeFactories(fns);
  dataFactories(fns);
  whereFunction(fns);
  for (const [name, overloads] of Object.entries(VIA_METHOD)) {
    const signatures = overloads.map((o) => (o === '' ? '(Tensor input)' : `(Tensor input, ${o})`));
    defineFunction(fns, name, new ArgParser(name, signatures), (a, index) => {
      if (a.out !== undefined) throw new Unsupported('out=');
      return METHOD_IMPLS[name](a.input, a, index);
    });
  }
  fns.is_tensor = new PyBuiltin('is_tensor', (args) => args[0] instanceof Tensor);
  fns.split = new PyBuiltin('split', (args, kwargs, interp) => {
    const a = pyBind('split', ['tensor', 'split_size_or_sections', ['dim', 0n]], args, kwargs);
    if (!(a.tensor instanceof Tensor))
      throw new PyError('TypeError', `split(): argument 'input' (position 1) must be Tensor`);
    return SPLIT(a.tensor, [a.split_size_or_sections, a.dim], new Map(), interp);
  });
  fns.unique = new PyBuiltin('unique', (args, kwargs, interp) => {
    const input = args[0] ?? kwargs.get('input');
    if (!(input instanceof Tensor))
      throw new PyError('TypeError', "unique(): argument 'input' (position 1) must be Tensor");
    const rest = new Map([...kwargs].filter(([k]) => k !== 'input'));
    return UNIQUE(input, args.slice(1), rest, interp);
  });
  fns.from_numpy = new PyBuiltin('from_numpy', (args) => {
    if (args.length !== 1)
      throw new PyError(
        'TypeError',
        `from_numpy() takes exactly 1 argument (${args.length} given)`,
      );
    return tensorFromNumpyShared(args[0]);
  });
  fns.get_default_dtype = new PyBuiltin('get_default_dtype', () => DEFAULT_FLOAT);
  return fns;
}

// --- Tensor methods --------------------------------------------------------------------------

/** @type {Record<string, (self: Tensor, a: Record<string, any>, index: number) => Value>} */
const METHOD_IMPLS = {};

/**
 * Defines t.name(...) with torch's overloads for the method (without `self`) and, in
 * METHOD_IMPLS, the implementation torch.name(t, ...) shares.
 * @param {string} name @param {string[] | null} signatures  null: no arguments (Tensor.name() takes no arguments)
 * @param {(self: Tensor, a: Record<string, any>, index: number) => Value} impl
 * @param {string[]} [hidden]
 */
function method(name, signatures, impl, hidden = []) {
  METHOD_IMPLS[name] = impl;
  if (signatures === null) {
    TENSOR_METHODS[name] = (self, args, kwargs) => {
      if (args.length > 0 || kwargs.size > 0) {
        // the C methods live on torch._C.TensorBase, the name CPython's messages give them
        if (kwargs.size > 0)
          throw new PyError('TypeError', `TensorBase.${name}() takes no keyword arguments`);
        throw new PyError(
          'TypeError',
          `TensorBase.${name}() takes no arguments (${args.length} given)`,
        );
      }
      return impl(self, {}, 0);
    };
    return;
  }
  const parser = new ArgParser(name, signatures, hidden);
  TENSOR_METHODS[name] = (self, args, kwargs) => {
    const { index, values } = parser.parse(args, kwargs);
    return impl(self, values, index);
  };
}

/** Casting sum/mean's dtype= first. @param {Tensor} t @param {any} d */
function withDtype(t, d) {
  const dtype = dtypeArg(d);
  return dtype === null || dtype === t.dtype ? t : castTensor(t, dtype);
}

method(
  'sum',
  [
    '(*, torch.dtype dtype = None)',
    '(tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None)',
  ],
  (t, a, index) => {
    const src = withDtype(t, a.dtype);
    const total =
      index === 0
        ? sum(src, null, false)
        : sum(src, dimList('sum', a.dim) ?? [], boolArg(a.keepdim, false));
    // An integer sum is taken in int64; dtype= names the result's type (its low bits).
    return total.dtype === src.dtype || a.dtype === undefined || a.dtype === null
      ? total
      : castTensor(total, src.dtype);
  },
);
method(
  'mean',
  [
    '(*, torch.dtype dtype = None)',
    '(tuple of ints dim, bool keepdim = False, *, torch.dtype dtype = None)',
  ],
  (t, a, index) => {
    const src = withDtype(t, a.dtype);
    if (index === 0) return mean(src, null, false);
    return mean(src, dimList('mean', a.dim) ?? [], boolArg(a.keepdim, false));
  },
);
for (const name of ['std', 'var']) {
  method(
    name,
    [
      '(tuple of ints dim, bool unbiased = True, bool keepdim = False)',
      '(tuple of ints dim = None, *, Number correction = None, bool keepdim = False)',
      '(bool unbiased = True)',
    ],
    (t, a, index) => {
      const dims = index === 2 ? null : dimList(name, a.dim);
      let correction = 1;
      if (index === 0 || index === 2) correction = boolArg(a.unbiased, true) ? 1 : 0;
      else if (a.correction !== undefined) correction = floatArg(a.correction, 1);
      const keepdim = index === 2 ? false : boolArg(a.keepdim, false);
      return std(t, dims, correction, keepdim, name === 'std');
    },
  );
}
for (const which of /** @type {const} */ (['max', 'min'])) {
  method(which, ['()', '(Tensor other)', '(int dim, bool keepdim = False)'], (t, a, index) => {
    if (index === 0) return extremeAll(t, which);
    if (index === 1) return extremum(t, a.other, which);
    const { values, indices } = extremeDim(t, unpackLong(a.dim), boolArg(a.keepdim, false), which);
    return new ReturnTypes(which, [values, indices], ['values', 'indices']);
  });
}
method('argmax', ['(int dim = None, bool keepdim = False)'], (t, a) =>
  argExtreme(t, a.dim === undefined ? null : unpackLong(a.dim), boolArg(a.keepdim, false), 'max'),
);
method('argmin', ['(int dim = None, bool keepdim = False)'], (t, a) =>
  argExtreme(t, a.dim === undefined ? null : unpackLong(a.dim), boolArg(a.keepdim, false), 'min'),
);
method('abs', null, (t) => absolute(t));
method('absolute', null, (t) => absolute(t));
method('neg', null, (t) => negate(t));
method('negative', null, (t) => negate(t));
method('sqrt', null, (t) => sqrt(t));
method('floor', null, (t) => rounding(t, 'floor'));
method('ceil', null, (t) => rounding(t, 'ceil'));
method('trunc', null, (t) => rounding(t, 'trunc'));
method('round', ['()', '(*, int decimals)'], (t, a, index) =>
  round(t, index === 0 ? null : unpackLong(a.decimals)),
);
method('maximum', ['(Tensor other)'], (t, a) => extremum(t, a.other, 'max'));
for (const which of /** @type {const} */ (['all', 'any'])) {
  method(
    which,
    ['()', '(tuple of ints dim = None, bool keepdim = False)', '(int dim, bool keepdim = False)'],
    (t, a, index) => {
      if (index === 0) return allAny(t, reducedDims(null, t.ndim), false, which);
      const dims = index === 2 ? [unpackLong(a.dim)] : dimList(which, a.dim);
      return allAny(t, reducedDims(dims, t.ndim), boolArg(a.keepdim, false), which);
    },
  );
}
for (const which of /** @type {const} */ (['isnan', 'isinf', 'isfinite']))
  method(which, null, (t) => classify(t, which));
method('logical_not', null, (t) => map1Bool(t));
method('where', ['(Tensor condition, Tensor other)', '(Tensor condition, Number other)'], (t, a) =>
  where(a.condition, t, a.other),
);
method('minimum', ['(Tensor other)'], (t, a) => extremum(t, a.other, 'min'));
method(
  'clamp',
  ['(Tensor min = None, Tensor max = None)', '(Number min = None, Number max = None)'],
  (t, a, index) => {
    if (index === 0 && (a.min !== undefined || a.max !== undefined))
      throw new Unsupported('clamp with tensor bounds');
    const lo = a.min instanceof Tensor ? a.min.item() : a.min;
    const hi = a.max instanceof Tensor ? a.max.item() : a.max;
    return clamp(t, lo, hi);
  },
);
METHOD_IMPLS.clip = METHOD_IMPLS.clamp;
TENSOR_METHODS.clip = TENSOR_METHODS.clamp;

for (const [name, op] of /** @type {const} */ ([
  ['add', '+'],
  ['sub', '-'],
  ['subtract', '-'],
  ['mul', '*'],
  ['multiply', '*'],
  ['div', '/'],
  ['divide', '/'],
  ['true_divide', '/'],
  ['floor_divide', '//'],
  ['remainder', '%'],
])) {
  const alpha = name === 'add' || name === 'sub' || name === 'subtract';
  method(name, [alpha ? '(Tensor other, *, Number alpha = 1)' : '(Tensor other)'], (t, a) => {
    if (alpha && a.alpha !== undefined && !(a.alpha === 1n || a.alpha === 1))
      throw new Unsupported(`${name}(..., alpha=...)`);
    return binary(op, t, a.other);
  });
}
for (const name of ['sort', 'argsort']) {
  method(
    name,
    [
      '(int dim = -1, bool descending = False)',
      '(*, bool stable, int dim = -1, bool descending = False)',
    ],
    (t, a) => {
      const stable = a.stable === undefined || a.stable === null ? false : boolArg(a.stable, false);
      const args = /** @type {const} */ ([
        t,
        a.dim === undefined ? -1n : unpackLong(a.dim),
        boolArg(a.descending, false),
        stable,
      ]);
      return name === 'sort' ? sort(...args) : argsort(...args);
    },
  );
}
method('topk', ['(int k, int dim = -1, bool largest = True, bool sorted = True)'], (t, a) =>
  topk(
    t,
    unpackLong(a.k),
    a.dim === undefined ? -1n : unpackLong(a.dim),
    boolArg(a.largest, true),
    boolArg(a.sorted, true),
  ),
);
method('cumsum', ['(int dim, *, torch.dtype dtype = None)'], (t, a) => {
  const dtype = dtypeArg(a.dtype);
  if (dtype !== null && !dtype.isFloating && t.dtype.isFloating)
    throw new Unsupported('cumsum of a float tensor with an integer dtype=');
  return cumsum(t, unpackLong(a.dim), dtype);
});
method('bincount', ['(Tensor weights = None, int minlength = 0)'], (t, a) => {
  if (a.weights !== undefined && a.weights !== null) throw new Unsupported('bincount(weights=...)');
  return bincount(t, a.minlength === undefined ? 0n : unpackLong(a.minlength));
});
method('chunk', ['(int chunks, int dim = 0)'], (t, a) =>
  chunk(t, unpackLong(a.chunks), a.dim === undefined ? 0n : unpackLong(a.dim)),
);
method('unbind', ['(int dim = 0)'], (t, a) =>
  unbind(t, a.dim === undefined ? 0n : unpackLong(a.dim)),
);
/** Tensor.split / torch.split, Python functions in torch (an int size, or a list of sizes). */
const SPLIT = /** @type {import('./tensor.js').Method} */ (self, args, kwargs) => {
  const a = pyBind('split', ['self', 'split_size', ['dim', 0n]], [self, ...args], kwargs);
  const dim = unpackLong(a.dim);
  if (typeof a.split_size === 'bigint' || a.split_size instanceof Tensor)
    return splitBySize(self, unpackLong(a.split_size), dim);
  return splitWithSizes(self, unpackIntList('split_with_sizes', 'split_sizes', a.split_size), dim);
};
TENSOR_METHODS.split = SPLIT;

/** Tensor.unique / torch.unique, Python functions in torch (torch/functional.py). */
const UNIQUE = /** @type {import('./tensor.js').Method} */ (self, args, kwargs) => {
  const a = pyBind(
    'unique',
    ['self', ['sorted', true], ['return_inverse', false], ['return_counts', false], ['dim', null]],
    [self, ...args],
    kwargs,
  );
  if (a.dim !== null) throw new Unsupported('torch.unique(..., dim=...)');
  if (!truthy(a.sorted)) throw new Unsupported('torch.unique(..., sorted=False)');
  return unique(self, truthy(a.return_inverse), truthy(a.return_counts));
};
TENSOR_METHODS.unique = UNIQUE;

// The in-place forms: x.mul_(2) is x *= 2 (the same kernels, checks and messages).
for (const [name, op] of /** @type {const} */ ([
  ['add_', '+'],
  ['sub_', '-'],
  ['subtract_', '-'],
  ['mul_', '*'],
  ['multiply_', '*'],
  ['div_', '/'],
  ['divide_', '/'],
  ['true_divide_', '/'],
  ['floor_divide_', '//'],
  ['remainder_', '%'],
])) {
  const alpha = name === 'add_' || name === 'sub_' || name === 'subtract_';
  method(name, [alpha ? '(Tensor other, *, Number alpha = 1)' : '(Tensor other)'], (t, a) => {
    if (alpha && a.alpha !== undefined && !(a.alpha === 1n || a.alpha === 1))
      throw new Unsupported(`${name}(..., alpha=...)`);
    return /** @type {Value} */ (TENSOR_OPS.inplace(op, t, a.other));
  });
}
method(
  'pow_',
  ['(Tensor exponent)', '(Number exponent)'],
  (t, a) => /** @type {Value} */ (TENSOR_OPS.inplace('**', t, a.exponent)),
);
for (const [name, of] of /** @type {const} */ ([
  ['neg_', 'neg'],
  ['negative_', 'neg'],
  ['abs_', 'abs'],
  ['absolute_', 'abs'],
  ['clamp_', 'clamp'],
  ['clip_', 'clamp'],
])) {
  const parser = new ArgParser(
    name,
    of === 'clamp'
      ? ['(Tensor min = None, Tensor max = None)', '(Number min = None, Number max = None)']
      : ['()'],
    [],
  );
  TENSOR_METHODS[name] = (self, args, kwargs) => {
    const { index, values } = parser.parse(args, kwargs);
    checkInplace(self);
    const result = /** @type {Tensor} */ (METHOD_IMPLS[of](self, values, index));
    copyInto(self, result);
    if (result.gradFn !== null) {
      self.gradFn = result.gradFn;
      self.requiresGrad = true;
    }
    return self;
  };
}
for (const [name, op] of /** @type {const} */ ([
  ['eq', '=='],
  ['ne', '!='],
  ['lt', '<'],
  ['le', '<='],
  ['gt', '>'],
  ['ge', '>='],
])) {
  method(name, ['(Tensor other)', '(Number other)'], (t, a) => comparison(op, t, a.other));
}
method('pow', ['(Tensor exponent)', '(Number exponent)'], (t, a) => binary('**', t, a.exponent));

method('size', ['(int dim = None)'], (t, a) => {
  if (a.dim === undefined) return sizeOf(t.shape);
  const d = Number(unpackLong(a.dim));
  const n = Math.max(t.ndim, 1);
  if (d < -n || d >= n)
    throw new PyError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`,
    );
  if (t.ndim === 0)
    throw new PyError('IndexError', 'dimension specified as 0 but tensor has no dimensions');
  return BigInt(t.shape[d < 0 ? d + t.ndim : d]);
});
method('dim', null, (t) => BigInt(t.ndim));
method('ndimension', null, (t) => BigInt(t.ndim));
method('numel', null, (t) => BigInt(t.numel));
method('nelement', null, (t) => BigInt(t.numel));
method('element_size', null, (t) => BigInt(t.dtype.itemsize));
method('is_floating_point', null, (t) => t.dtype.isFloating);
method('is_signed', null, (t) => t.dtype !== bool && t.dtype !== uint8);
method('is_contiguous', ['(*, torch.memory_format memory_format = None)'], (t) =>
  t.storage.isContiguous(),
);
method('contiguous', ['(*, torch.memory_format memory_format = None)'], (t) =>
  t.storage.isContiguous() ? t : recordOp(contiguousCopy(t), [t], 'CloneBackward0'),
);

const shapeArgs = (/** @type {string} */ fname, /** @type {Value} */ v) =>
  unpackIntList(fname, 'shape', v);
method('reshape', ['(tuple of ints shape)'], (t, a) => reshape(t, shapeArgs('reshape', a.shape)));
method('view', ['(torch.dtype dtype)', '(tuple of ints size)'], (t, a, index) => {
  if (index === 0) {
    if (dtypeArg(a.dtype) === t.dtype) return recordOp(t.view(t.storage), [t], 'ViewBackward0');
    throw new Unsupported('Tensor.view(dtype) to another dtype');
  }
  return view(t, unpackIntList('view', 'size', a.size));
});
method('flatten', ['(int start_dim = 0, int end_dim = -1)'], (t, a) =>
  flatten(t, intArg(a.start_dim, 0n), intArg(a.end_dim, -1n)),
);
method('ravel', null, (t) => reshape(t, [-1n]));
method('squeeze', ['()', '(int dim)', '(tuple of ints dim)'], (t, a, index) => {
  if (index === 0) return squeeze(t, null, 'SqueezeBackward0');
  if (index === 1) return squeeze(t, [unpackLong(a.dim)], 'SqueezeBackward1');
  return squeeze(t, unpackIntList('squeeze', 'dim', a.dim), 'SqueezeBackward2');
});
method('unsqueeze', ['(int dim)'], (t, a) => unsqueeze(t, unpackLong(a.dim)));
method('transpose', ['(int dim0, int dim1)'], (t, a) =>
  transpose(t, unpackLong(a.dim0), unpackLong(a.dim1)),
);
method('swapaxes', ['(int axis0, int axis1)'], (t, a) =>
  transpose(t, unpackLong(a.axis0), unpackLong(a.axis1)),
);
method('permute', ['(tuple of ints dims)'], (t, a) =>
  permute(t, unpackIntList('permute', 'dims', a.dims)),
);
method('t', null, (t) => matrixT(t));

/** t.to(dtype) and friends: the same tensor when nothing changes. @param {Tensor} t @param {import('./dtypes.js').DType} dtype */
function toDtype(t, dtype) {
  if (dtype === t.dtype) return t;
  return recordOp(castTensor(t, dtype), [t], 'ToCopyBackward0');
}
method(
  'to',
  [
    '(torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)',
    '(torch.dtype dtype, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)',
    '(Tensor tensor, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)',
  ],
  (t, a, index) => {
    if (index === 0) checkFactoryOptions({ device: a.device });
    const dtype = index === 2 ? a.tensor.dtype : (dtypeArg(a.dtype) ?? t.dtype);
    if (a.copy === true) return recordOp(castTensor(t, dtype), [t], 'ToCopyBackward0');
    return toDtype(t, dtype);
  },
);
const noArgsKw = ['(*, torch.memory_format memory_format = None)'];
method('float', noArgsKw, (t) => toDtype(t, float32));
method('double', noArgsKw, (t) => toDtype(t, float64));
method('long', noArgsKw, (t) => toDtype(t, int64));
method('bool', noArgsKw, (t) => toDtype(t, bool));
method('byte', noArgsKw, (t) => toDtype(t, uint8));
method('int', noArgsKw, (t) => toDtype(t, int32));
method('short', noArgsKw, (t) => toDtype(t, int16));
method('char', noArgsKw, (t) => toDtype(t, int8));
method('cpu', noArgsKw, (t) => t);
method('clone', ['(*, torch.memory_format memory_format = None)'], (t) =>
  recordOp(cloneTensor(t), [t], 'CloneBackward0'),
);
// detach() and .data share t's memory but are new leaves outside autograd: in-place changes are allowed.
method('detach', null, (t) => new Tensor(t.storage, t.dtype));
method('requires_grad_', ['(bool requires_grad = True)'], (t, a) => {
  const v = a.requires_grad === undefined ? true : a.requires_grad;
  if (v === true && !t.dtype.isFloating) {
    throw new PyError('RuntimeError', 'only Tensors of floating point dtype can require gradients');
  }
  if (!t.isLeaf && v === false) {
    throw new PyError(
      'RuntimeError',
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  }
  if (t.isLeaf) t.requiresGrad = v;
  return t;
});
method('item', null, (t) => t.item());
method('tolist', null, (t) => toList(t));
method('equal', ['(Tensor other)'], (t, a) => equal(t, a.other));
method(
  'allclose',
  ['(Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)'],
  (t, a) =>
    isclose(t, a.other, floatArg(a.rtol, 1e-5), floatArg(a.atol, 1e-8), boolArg(a.equal_nan, false))
      .values()
      .every((v) => v === 1),
);
method(
  'isclose',
  ['(Tensor other, float rtol = 1e-05, float atol = 1e-08, bool equal_nan = False)'],
  (t, a) =>
    isclose(
      t,
      a.other,
      floatArg(a.rtol, 1e-5),
      floatArg(a.atol, 1e-8),
      boolArg(a.equal_nan, false),
    ),
);
method('fill_', ['(Tensor value)', '(Number value)'], (t, a) => {
  checkInplace(t);
  const v = a.value instanceof Tensor ? a.value.item() : a.value;
  const raw = scalarTo(v, t.dtype);
  const { data } = t.storage;
  for (const p of t.storage.offsets()) data[p] = raw;
  markWritten(data, t.storage.offsets());
  return t;
});
method('zero_', null, (t) => {
  checkInplace(t);
  const { data } = t.storage;
  const zero = t.dtype === int64 ? 0n : 0;
  for (const p of t.storage.offsets()) data[p] = zero;
  markWritten(data, t.storage.offsets());
  return t;
});
method('copy_', ['(Tensor src, bool non_blocking = False)'], (t, a) => {
  checkInplace(t);
  copyInto(t, a.src);
  return t;
});
method(
  'type',
  ['(object dtype = None, bool non_blocking = False, *, torch.memory_format memory_format = None)'],
  (t, a) => {
    if (a.dtype === undefined) {
      return LEGACY_TENSOR_TYPES[t.dtype.name] ?? '';
    }
    const d = dtypeArg(a.dtype);
    if (d === null) throw new Unsupported('Tensor.type(str)');
    return toDtype(t, d);
  },
);
method('numpy', ['(*, bool force = False)'], (t, a) => tensorToNumpy(t, boolArg(a.force, false)));

/** logical_not: a bool tensor. @param {Tensor} t */
function map1Bool(t) {
  return comparison('==', t, t.dtype === bool ? false : t.dtype === int64 ? 0n : 0);
}

/** tolist(): nested Python lists of the elements. @param {Tensor} t @returns {Value} */
export function toList(t) {
  const values = t.values();
  const dtype = t.dtype;
  if (t.ndim === 0) return pyValue(dtype, values[0]);
  let k = 0;
  /** @type {(dim: number) => PyList} */
  const build = (dim) => {
    const items = [];
    for (let i = 0; i < t.shape[dim]; i++)
      items.push(dim === t.ndim - 1 ? pyValue(dtype, values[k++]) : build(dim + 1));
    return new PyList(items);
  };
  return build(0);
}

// --- properties ------------------------------------------------------------------------------

Object.assign(TENSOR_PROPERTIES, {
  shape: (/** @type {Tensor} */ t) => sizeOf(t.shape),
  dtype: (/** @type {Tensor} */ t) => t.dtype,
  ndim: (/** @type {Tensor} */ t) => BigInt(t.ndim),
  T: (/** @type {Tensor} */ t) => reverseT(t),
  requires_grad: (/** @type {Tensor} */ t) => t.requiresGrad,
  is_leaf: (/** @type {Tensor} */ t) => t.isLeaf,
  grad: () => null,
  grad_fn: (/** @type {Tensor} */ t) => (t.gradFn === null ? null : new GradFnObject(t.gradFn)),
  data: (/** @type {Tensor} */ t) => new Tensor(t.storage, t.dtype),
  device: () => new DeviceObject('cpu'),
  is_cuda: () => false,
  is_cpu: () => true,
  layout: () => STRIDED,
  itemsize: (/** @type {Tensor} */ t) => BigInt(t.dtype.itemsize),
  nbytes: (/** @type {Tensor} */ t) => BigInt(t.dtype.itemsize * t.numel),
});

/** A grad_fn node, for its repr: <MulBackward0 object at 0x...>. */
class GradFnObject extends PyObject {
  /** @param {string} name */
  constructor(name) {
    super();
    this.name = name;
  }

  /** @override */
  get typeName() {
    return this.name;
  }

  /** @override */
  repr() {
    return `<${this.name} object at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return ['next_functions', 'register_hook', 'name', 'metadata'].includes(name)
      ? new Unsupported(`grad_fn.${name}`)
      : undefined;
  }
}

/** torch.strided */
const STRIDED = new (class extends PyObject {
  /** @override */
  get typeName() {
    return 'layout';
  }

  get tpName() {
    return 'torch.layout';
  }

  /** @override */
  repr() {
    return 'torch.strided';
  }
})();

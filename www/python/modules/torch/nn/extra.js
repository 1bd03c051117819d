// More of torch.nn's layers, so that a model that uses them can be built, printed, counted and
// seeded exactly: BatchNorm1d/2d/3d and LayerNorm (parameters of ones and zeros, running-stat
// buffers: no draws), Embedding (normal_ draws; its forward pass, a row lookup, is exact), the
// pooling layers, Softmax, LogSoftmax, GELU, SiLU, ELU, Softplus, the usual losses, and the
// feature dropouts. Their forward passes compute with kernels the page does not reproduce
// (reductions, SLEEF's transcendentals), so calling them says so. Reprs and checks follow
// torch/nn/modules/{batchnorm,normalization,sparse,pooling,activation,loss,dropout}.py
// (BSD-3-Clause).

import { typeOf } from '../../../builtin-types.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyTuple } from '../../../objects.js';
import { compare, getItem, iterate, repr, str, truthy, typeName } from '../../../ops.js';
import { gradMode } from '../autograd.js';
import { shapeArg } from '../creation.js';
import { int32, int64 } from '../dtypes.js';
import { DTYPE_CPP_NAMES } from '../elementwise.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { session, Tensor } from '../tensor.js';
import { checkProbability } from './functional.js';
import { attr, factoryDtype, simpleLayer } from './layers.js';
import { moduleType, NNModule } from './module.js';
import { Parameter } from './parameter.js';
import { pyBind } from './pyargs.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('./module.js').ModuleKind} ModuleKind */
/** @typedef {import('../dtypes.js').DType} DType */

/** A forward pass the page refuses. @param {string} name @param {string} why */
const refusedForward = (name, why) => () => {
  throw new Unsupported(`nn.${name}'s forward pass (${why})`);
};

const REDUCTIONS =
  "its reductions and square roots follow torch's vectorised kernels, which the page does not reproduce";
const SLEEF =
  'torch computes it with its vectorised SLEEF kernels, which the page does not reproduce';
const POOLING = 'pooling is not implemented on this page';

/** A tensor of `shape` filled with `value` (ones, zeros). @param {number[]} shape @param {DType} dtype @param {number} value */
function filledValues(shape, dtype, value) {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype.make(n);
  data.fill(dtype === int64 ? BigInt(value) : value);
  return data;
}

/** `{k}` fields of a format string from __dict__, as str.format shows them. @param {NNModule} m @param {string} template */
function format(m, template) {
  return template.replace(/\{(\w+)\}/g, (_, k) => str(attr(m, k)));
}

// --- BatchNorm, LayerNorm ----------------------------------------------------------------------

/** _NormBase.extra_repr @param {NNModule} m */
const batchNormRepr = (m) =>
  format(m, '{num_features}, eps={eps}, momentum={momentum}, affine={affine}, ') +
  `bias=${m.params.get('bias') ? 'True' : 'False'}, ` +
  format(m, 'track_running_stats={track_running_stats}');

/** BatchNorm{n}d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None, *, bias=True) @param {number} n */
function batchNormKind(n) {
  /** @type {ModuleKind} */
  const kind = {
    name: `BatchNorm${n}d`,
    path: 'torch.nn.modules.batchnorm',
    extraRepr: batchNormRepr,
    forward: refusedForward(`BatchNorm${n}d`, REDUCTIONS),
  };
  moduleType(kind, (args, kwargs, interp) => {
    const a = pyBind(
      `${kind.name}.__init__`,
      [
        'self',
        'num_features',
        ['eps', 1e-5],
        ['momentum', 0.1],
        ['affine', true],
        ['track_running_stats', true],
        ['device', null],
        ['dtype', null],
        '*',
        ['bias', true],
      ],
      [null, ...args],
      kwargs,
    );
    session.interp = interp;
    const dtype = factoryDtype(a.device, a.dtype);
    const m = new NNModule(kind);
    for (const k of ['num_features', 'eps', 'momentum', 'affine', 'track_running_stats'])
      m.dict.set(k, a[k]);
    const shape = shapeArg('empty', new PyTuple([a.num_features]));
    if (truthy(a.affine)) {
      m.params.set('weight', onesParameter(shape, dtype, 1));
      m.params.set('bias', truthy(a.bias) ? onesParameter(shape, dtype, 0) : null);
    } else {
      m.params.set('weight', null);
      m.params.set('bias', null);
    }
    const stats = truthy(a.track_running_stats);
    m.buffers.set(
      'running_mean',
      stats ? Tensor.of(filledValues(shape, dtype, 0), shape, dtype) : null,
    );
    m.buffers.set(
      'running_var',
      stats ? Tensor.of(filledValues(shape, dtype, 1), shape, dtype) : null,
    );
    m.buffers.set(
      'num_batches_tracked',
      stats ? Tensor.of(filledValues([], int64, 0), [], int64) : null,
    );
    return m;
  });
  return kind;
}

/** A Parameter of ones or zeros (init.ones_ / zeros_ draw nothing). @param {number[]} shape @param {DType} dtype @param {number} value */
function onesParameter(shape, dtype, value) {
  if (!dtype.isFloating) {
    throw new PyError(
      'RuntimeError',
      'Only Tensors of floating point and complex dtype can require gradients',
    );
  }
  return Parameter.fromValues(filledValues(shape, dtype, value), shape, dtype);
}

/** @type {ModuleKind} */
const LAYER_NORM = {
  name: 'LayerNorm',
  path: 'torch.nn.modules.normalization',
  extraRepr: (m) =>
    format(m, '{normalized_shape}, eps={eps}, elementwise_affine={elementwise_affine}, ') +
    `bias=${m.params.get('bias') ? 'True' : 'False'}`,
  forward: refusedForward('LayerNorm', REDUCTIONS),
};

moduleType(LAYER_NORM, (args, kwargs, interp) => {
  const a = pyBind(
    'LayerNorm.__init__',
    [
      'self',
      'normalized_shape',
      ['eps', 1e-5],
      ['elementwise_affine', true],
      ['bias', true],
      ['device', null],
      ['dtype', null],
    ],
    [null, ...args],
    kwargs,
  );
  session.interp = interp;
  const dtype = factoryDtype(a.device, a.dtype);
  const ns =
    typeof a.normalized_shape === 'bigint'
      ? new PyTuple([a.normalized_shape])
      : new PyTuple([...iterate(a.normalized_shape)]);
  const m = new NNModule(LAYER_NORM);
  m.dict.set('normalized_shape', ns);
  m.dict.set('eps', a.eps);
  m.dict.set('elementwise_affine', a.elementwise_affine);
  const affine = truthy(a.elementwise_affine);
  const shape = affine ? shapeArg('empty', ns) : [];
  m.params.set('weight', affine ? onesParameter(shape, dtype, 1) : null);
  m.params.set('bias', affine && truthy(a.bias) ? onesParameter(shape, dtype, 0) : null);
  return m;
});

// --- Embedding ---------------------------------------------------------------------------------

/** Embedding.extra_repr @param {NNModule} m */
function embeddingRepr(m) {
  let s = '{num_embeddings}, {embedding_dim}';
  if (attr(m, 'padding_idx') !== null) s += ', padding_idx={padding_idx}';
  if (attr(m, 'max_norm') !== null) s += ', max_norm={max_norm}';
  if (truthy(compare('!=', attr(m, 'norm_type'), 2n))) s += ', norm_type={norm_type}';
  if (attr(m, 'scale_grad_by_freq') !== false) s += ', scale_grad_by_freq={scale_grad_by_freq}';
  if (attr(m, 'sparse') !== false) s += ', sparse=True';
  return format(m, s);
}

/** F.embedding(input, weight): the rows of weight at the indices. @param {NNModule} m @param {Value} input */
function embeddingForward(m, input) {
  if (attr(m, 'max_norm') !== null)
    throw new Unsupported('nn.Embedding with max_norm (it renormalises rows in place)');
  if (!(input instanceof Tensor)) {
    throw new PyError(
      'TypeError',
      `embedding(): argument 'indices' (position 2) must be Tensor, not ${typeName(input)}`,
    );
  }
  const weight = /** @type {Tensor} */ (m.params.get('weight'));
  if (input.dtype !== int64 && input.dtype !== int32) {
    const legacy = DTYPE_CPP_NAMES.get(input.dtype.name);
    throw new PyError(
      'RuntimeError',
      `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${legacy}Tensor instead (while checking arguments for embedding)`,
    );
  }
  const rows = weight.shape[0];
  for (const i of input.values()) {
    if (i < 0n || i >= BigInt(rows)) throw new PyError('IndexError', 'index out of range in self');
  }
  const out = /** @type {Tensor} */ (getItem(new Tensor(weight.storage, weight.dtype), input));
  const contiguous = Tensor.of(
    out.storage.copy((k) => weight.dtype.make(k)).data,
    [...out.shape],
    weight.dtype,
  );
  if (weight.requiresGrad && gradMode.enabled) {
    contiguous.requiresGrad = true;
    contiguous.gradFn = 'EmbeddingBackward0';
  }
  return contiguous;
}

/** @type {ModuleKind} */
const EMBEDDING = {
  name: 'Embedding',
  path: 'torch.nn.modules.sparse',
  extraRepr: embeddingRepr,
  forward: embeddingForward,
};

/** Embedding's padding_idx check and normalisation. @param {Value} padding @param {Value} num */
function paddingIndex(padding, num) {
  if (padding === null) return null;
  if (truthy(compare('>', padding, 0n))) {
    if (truthy(compare('>=', padding, num)))
      throw new PyError('AssertionError', 'Padding_idx must be within num_embeddings');
  } else if (truthy(compare('<', padding, 0n))) {
    if (truthy(compare('<', padding, /** @type {bigint} */ (num) * -1n)))
      throw new PyError('AssertionError', 'Padding_idx must be within num_embeddings');
    return /** @type {bigint} */ (num) + /** @type {bigint} */ (padding);
  }
  return padding;
}

moduleType(EMBEDDING, (args, kwargs, interp) => {
  const a = pyBind(
    'Embedding.__init__',
    [
      'self',
      'num_embeddings',
      'embedding_dim',
      ['padding_idx', null],
      ['max_norm', null],
      ['norm_type', 2.0],
      ['scale_grad_by_freq', false],
      ['sparse', false],
      ['_weight', null],
      ['_freeze', false],
      ['device', null],
      ['dtype', null],
    ],
    [null, ...args],
    kwargs,
  );
  if (a._weight !== null) throw new Unsupported('nn.Embedding(_weight=...)');
  const dtype = factoryDtype(a.device, a.dtype);
  const m = new NNModule(EMBEDDING);
  m.dict.set('num_embeddings', a.num_embeddings);
  m.dict.set('embedding_dim', a.embedding_dim);
  const padding = paddingIndex(a.padding_idx, a.num_embeddings);
  for (const [k, v] of Object.entries({
    padding_idx: padding,
    max_norm: a.max_norm,
    norm_type: a.norm_type,
    scale_grad_by_freq: a.scale_grad_by_freq,
  }))
    m.dict.set(k, v);
  session.interp = interp;
  const shape = shapeArg('empty', new PyTuple([a.num_embeddings, a.embedding_dim]));
  const weight = onesParameter(shape, dtype, 0);
  weight.requiresGrad = !truthy(a._freeze);
  const n = shape[0] * shape[1];
  const values = DEFAULT_GENERATORS.get(interp).fill('normal', 'nn.Embedding', dtype, n, 0, 1);
  if (padding !== null)
    values.fill(0, Number(padding) * shape[1], (Number(padding) + 1) * shape[1]);
  /** @type {any} */ (weight.storage.data).set(values);
  m.params.set('weight', weight);
  m.dict.set('sparse', a.sparse);
  return m;
});

// --- parameter-free layers whose forward the page refuses ---------------------------------------

/**
 * @param {string} name @param {string} path @param {string} why @param {(m: NNModule) => string} [extraRepr]
 * @returns {ModuleKind}
 */
const kind = (name, path, why, extraRepr) => ({
  name,
  path,
  extraRepr,
  forward: refusedForward(name, why),
});

/** MaxPool{n}d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False) */
const maxPool = (/** @type {number} */ n) =>
  simpleLayer(
    kind(`MaxPool${n}d`, 'torch.nn.modules.pooling', POOLING, (m) =>
      format(
        m,
        'kernel_size={kernel_size}, stride={stride}, padding={padding}, dilation={dilation}, ceil_mode={ceil_mode}',
      ),
    ),
    [
      'kernel_size',
      ['stride', null],
      ['padding', 0n],
      ['dilation', 1n],
      ['return_indices', false],
      ['ceil_mode', false],
    ],
    (a) => {
      if (a.stride === null) a.stride = a.kernel_size;
    },
  );

/** AvgPool{n}d: AvgPool1d keeps its sizes as 1-tuples. @param {number} n */
function avgPool(n) {
  const spec = /** @type {import('./pyargs.js').ParamSpec[]} */ (
    n === 1
      ? [
          'kernel_size',
          ['stride', null],
          ['padding', 0n],
          ['ceil_mode', false],
          ['count_include_pad', true],
        ]
      : [
          'kernel_size',
          ['stride', null],
          ['padding', 0n],
          ['ceil_mode', false],
          ['count_include_pad', true],
          ['divisor_override', null],
        ]
  );
  const single = (/** @type {Value} */ v) =>
    v instanceof PyTuple || (v !== null && typeof v === 'object' && 'items' in v)
      ? new PyTuple([...iterate(v)])
      : new PyTuple([v]);
  return simpleLayer(
    kind(`AvgPool${n}d`, 'torch.nn.modules.pooling', POOLING, (m) =>
      format(m, 'kernel_size={kernel_size}, stride={stride}, padding={padding}'),
    ),
    spec,
    (a) => {
      if (a.stride === null) a.stride = a.kernel_size;
      if (n === 1)
        [a.kernel_size, a.stride, a.padding] = [a.kernel_size, a.stride, a.padding].map(single);
    },
  );
}

const adaptivePool = (/** @type {string} */ name) =>
  simpleLayer(
    kind(name, 'torch.nn.modules.pooling', POOLING, (m) => format(m, 'output_size={output_size}')),
    ['output_size'],
  );

/** Softmax(dim=None), LogSoftmax(dim=None): dim an int or None. @param {string} name */
const softmax = (name) =>
  simpleLayer(
    kind(name, 'torch.nn.modules.activation', SLEEF, (m) => format(m, 'dim={dim}')),
    [['dim', null]],
    (a) => {
      if (a.dim !== null && typeof a.dim !== 'bigint') {
        throw new PyError('TypeError', `dim must be an int or None, got ${typeOf(a.dim).repr()}`);
      }
    },
  );

const inplaceSuffix = (/** @type {NNModule} */ m, sep = ', ') =>
  truthy(attr(m, 'inplace')) ? `${sep}inplace=True` : '';

/** The losses: reduction= (size_average/reduce are deprecated and warn), weight buffers. @param {string} name @param {import('./pyargs.js').ParamSpec[]} spec @param {string[]} buffers */
function loss(name, spec, buffers) {
  const k = kind(
    name,
    'torch.nn.modules.loss',
    "a loss is a reduction over torch's vectorised kernels, which the page does not reproduce",
  );
  k.forwardParams = ['input', 'target'];
  moduleType(k, (args, kwargs) => {
    const a = pyBind(`${name}.__init__`, ['self', ...spec], [null, ...args], kwargs);
    if (a.size_average !== null || a.reduce !== null)
      throw new Unsupported(`${name}(size_average=..., reduce=...) (deprecated)`);
    const m = new NNModule(k);
    m.dict.set('reduction', a.reduction);
    for (const b of buffers) m.buffers.set(b, a[b]);
    for (const extra of ['ignore_index', 'label_smoothing'])
      if (extra in a) m.dict.set(extra, a[extra]);
    return m;
  });
  return k;
}

/** @type {import('./pyargs.js').ParamSpec[]} */
const LOSS = [
  ['size_average', null],
  ['reduce', null],
  ['reduction', 'mean'],
];
/** @type {import('./pyargs.js').ParamSpec[]} */
const WEIGHTED = [['weight', null], ...LOSS];

/** The feature dropouts (Dropout1d/2d/3d, AlphaDropout): _DropoutNd's constructor and repr. @param {string} name */
const featureDropout = (name) =>
  simpleLayer(
    kind(
      name,
      'torch.nn.modules.dropout',
      'feature dropout is not implemented on this page',
      (m) => `p=${str(attr(m, 'p'))}, inplace=${str(attr(m, 'inplace'))}`,
    ),
    [
      ['p', 0.5],
      ['inplace', false],
    ],
    (a) => checkProbability(a.p, 0n, 1n),
  );

/** The activations whose forward the page refuses. */
function activationKinds() {
  const activation = (
    /** @type {string} */ name,
    /** @type {(m: NNModule) => string} */ extraRepr,
    /** @type {import('./pyargs.js').ParamSpec[]} */ spec,
  ) => simpleLayer(kind(name, 'torch.nn.modules.activation', SLEEF, extraRepr), spec);
  return [
    softmax('Softmax'),
    softmax('LogSoftmax'),
    activation('GELU', (m) => `approximate=${repr(attr(m, 'approximate'))}`, [
      ['approximate', 'none'],
    ]),
    activation('SiLU', (m) => inplaceSuffix(m, ''), [['inplace', false]]),
    activation('ELU', (m) => `alpha=${str(attr(m, 'alpha'))}${inplaceSuffix(m)}`, [
      ['alpha', 1.0],
      ['inplace', false],
    ]),
    activation('Softplus', (m) => format(m, 'beta={beta}, threshold={threshold}'), [
      ['beta', 1.0],
      ['threshold', 20.0],
    ]),
  ];
}

/** The losses. */
function lossKinds() {
  /** @type {import('./pyargs.js').ParamSpec[]} */
  const indexed = [
    ['weight', null],
    ['size_average', null],
    ['ignore_index', -100n],
    ['reduce', null],
    ['reduction', 'mean'],
  ];
  return [
    loss('MSELoss', LOSS, []),
    loss('L1Loss', LOSS, []),
    loss('BCELoss', WEIGHTED, ['weight']),
    loss('CrossEntropyLoss', [...indexed, ['label_smoothing', 0.0]], ['weight']),
    loss('NLLLoss', indexed, ['weight']),
    loss('BCEWithLogitsLoss', [...WEIGHTED, ['pos_weight', null]], ['weight', 'pos_weight']),
  ];
}

/** The classes of this file, by attribute name. */
export function moreLayerTypes() {
  const kinds = [
    batchNormKind(1),
    batchNormKind(2),
    batchNormKind(3),
    LAYER_NORM,
    EMBEDDING,
    maxPool(1),
    maxPool(2),
    maxPool(3),
    avgPool(1),
    avgPool(2),
    adaptivePool('AdaptiveAvgPool1d'),
    adaptivePool('AdaptiveAvgPool2d'),
    adaptivePool('AdaptiveMaxPool2d'),
    ...activationKinds(),
    ...lossKinds(),
    ...['Dropout1d', 'Dropout2d', 'Dropout3d', 'AlphaDropout'].map(featureDropout),
  ];
  return Object.fromEntries(kinds.map((k) => [k.name, /** @type {any} */ (k.type)]));
}

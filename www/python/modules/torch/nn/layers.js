// The layers of torch.nn the page provides: Linear and Conv1d/2d/3d (their parameters drawn as
// torch draws them: kaiming_uniform_(a=sqrt(5)) for the weight, then uniform(-1/sqrt(fan_in),
// 1/sqrt(fan_in)) for the bias, by seedlab's wasm TorchGenerator), the parameter-free layers
// (ReLU, LeakyReLU, Tanh, Sigmoid, Flatten, Dropout, Identity), Sequential and Module itself.
// Constructors check their arguments in torch's order with torch's messages
// (torch/nn/modules/linear.py, conv.py, activation.py, dropout.py, flatten.py; BSD-3-Clause).

import { getAttr } from '../../../attributes.js';
import { allowSubclassing } from '../../../classes.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyList, PyObject, PyRange, PyTuple } from '../../../objects.js';
import { binaryOp, compare, iterate, repr, str, truthy } from '../../../ops.js';
import { unpackLong } from '../arg-parser.js';
import { shapeArg } from '../creation.js';
import { DType, float32, float64, int64 } from '../dtypes.js';
import { DeviceObject } from '../random.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { session } from '../tensor.js';
import { checkProbability, dropout, leakyRelu, relu } from './functional.js';
import { moduleSubclassing, moduleType, NNModule } from './module.js';
import { Parameter } from './parameter.js';
import { pyBind } from './pyargs.js';
import { SEQUENTIAL } from './sequential.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('./module.js').ModuleKind} ModuleKind */

/**
 * The dtype of a layer's parameters (factory_kwargs), refusing devices and dtypes the page lacks.
 * @param {Value} device @param {Value} dtype @returns {DType}
 */
export function factoryDtype(device, dtype) {
  const cpu =
    device === null ||
    device === 'cpu' ||
    (device instanceof DeviceObject && device.type === 'cpu');
  if (!cpu) throw new Unsupported(`nn layers with device=${repr(device)}`);
  if (dtype === null) return float32;
  if (dtype instanceof DType && [float32, float64, int64].includes(dtype)) return dtype;
  throw new Unsupported(
    `nn layers with dtype=${dtype instanceof DType ? dtype.repr() : repr(dtype)}`,
  );
}

/**
 * Parameters as the wasm engine draws them for a new layer, after torch.empty's checks on the
 * weight's shape and the Parameter's check on the dtype.
 * @param {any} interp @param {string} method 'linear' | 'conv' @param {string} what
 * @param {Value[]} weightShape @param {(dims: number[]) => any[]} engineArgs  from the checked shape
 * @param {DType} dtype
 */
function drawParameters(interp, method, what, weightShape, engineArgs, dtype) {
  session.interp = interp;
  const dims = shapeArg('empty', new PyTuple(weightShape));
  if (!dtype.isFloating) {
    throw new PyError(
      'RuntimeError',
      'Only Tensors of floating point and complex dtype can require gradients',
    );
  }
  const g = DEFAULT_GENERATORS.get(interp);
  const drawn = g.optional(method, what)(...engineArgs(dims), dtype.name);
  return drawn.map((/** @type {any} */ p) => Parameter.fromValues(p.values, p.shape, dtype));
}

// --- Linear ------------------------------------------------------------------------------------

/** @type {ModuleKind} */
const LINEAR = {
  name: 'Linear',
  path: 'torch.nn.modules.linear',
  extraRepr: (m) =>
    `in_features=${str(m.dict.get('in_features') ?? null)}, out_features=${str(m.dict.get('out_features') ?? null)}, bias=${m.params.get('bias') ? 'True' : 'False'}`,
  forward: () => {
    throw new Unsupported(
      "nn.Linear's forward pass (a matrix product: its float rounding follows torch's BLAS kernels, which the page does not reproduce)",
    );
  },
  methods: {
    reset_parameters: (m, _args, _kwargs, interp) => {
      resetParameters(m, interp);
      return null;
    },
  },
};

/** nn.Linear(in_features, out_features, bias=True, device=None, dtype=None) */
moduleType(LINEAR, (args, kwargs, interp) => {
  const a = pyBind(
    'Linear.__init__',
    ['self', 'in_features', 'out_features', ['bias', true], ['device', null], ['dtype', null]],
    [null, ...args],
    kwargs,
  );
  const dtype = factoryDtype(a.device, a.dtype);
  const m = new NNModule(LINEAR);
  m.dict.set('in_features', a.in_features);
  m.dict.set('out_features', a.out_features);
  const bias = truthy(a.bias);
  const shape = [a.out_features, a.in_features];
  const params = drawParameters(
    interp,
    'linear',
    'nn.Linear',
    shape,
    (dims) => [dims[1], dims[0], bias],
    dtype,
  );
  m.params.set('weight', params[0]);
  m.params.set('bias', bias ? params[1] : null);
  return m;
});

/**
 * reset_parameters(): draws the layer's parameters again into the same Parameter objects.
 * @param {NNModule} m @param {any} interp
 */
function resetParameters(m, interp) {
  const weight = /** @type {Parameter} */ (m.params.get('weight'));
  const bias = m.params.get('bias') ?? null;
  const g = DEFAULT_GENERATORS.get(interp);
  const dims = weight.shape.map((d) => BigInt(d));
  const drawn =
    m.kind === LINEAR
      ? g.optional('linear', 'nn.Linear')(dims[1], dims[0], bias !== null, weight.dtype.name)
      : g.optional('conv', 'nn.Conv')(
          /** @type {any} */ (dims[1] * /** @type {bigint} */ (m.dict.get('groups'))),
          dims[0],
          weight.shape.slice(2),
          m.dict.get('groups'),
          bias !== null,
          weight.dtype.name,
        );
  /** @type {any} */ (weight.storage.data).set(drawn[0].values);
  if (bias !== null) /** @type {any} */ (bias.storage.data).set(drawn[1].values);
}

// --- Conv ----------------------------------------------------------------------------------------

/** _ntuple(n): an iterable as a tuple, anything else repeated n times. @param {Value} x @param {number} n */
function ntuple(x, n) {
  const iterable =
    typeof x === 'string' ||
    x instanceof PyTuple ||
    x instanceof PyList ||
    x instanceof PyRange ||
    (x instanceof PyObject && typeof (/** @type {any} */ (x).iter) === 'function');
  return new PyTuple(iterable ? [...iterate(x)] : Array(n).fill(x));
}

/** (0,) * len(t) != t for a tuple of sizes. @param {Value} t @param {bigint} value */
function differsFromAll(t, value) {
  if (!(t instanceof PyTuple)) return true;
  return t.items.some((v) => !truthy(compare('==', v, value)));
}

/** _ConvNd.extra_repr @param {NNModule} m */
function convExtraRepr(m) {
  const d = (/** @type {string} */ k) => str(m.dict.get(k) ?? null);
  let s = `${d('in_channels')}, ${d('out_channels')}, kernel_size=${d('kernel_size')}, stride=${d('stride')}`;
  if (differsFromAll(m.dict.get('padding') ?? null, 0n)) s += `, padding=${d('padding')}`;
  if (differsFromAll(m.dict.get('dilation') ?? null, 1n)) s += `, dilation=${d('dilation')}`;
  if (differsFromAll(m.dict.get('output_padding') ?? null, 0n))
    s += `, output_padding=${d('output_padding')}`;
  if (truthy(compare('!=', m.dict.get('groups') ?? null, 1n))) s += `, groups=${d('groups')}`;
  if (!m.params.get('bias')) s += ', bias=False';
  if (m.dict.get('padding_mode') !== 'zeros') s += `, padding_mode=${d('padding_mode')}`;
  return s;
}

/** _ConvNd.__init__'s checks, in torch's order. @param {Record<string, any>} a @param {PyTuple} stride */
function checkConvArgs(a, stride) {
  if (truthy(compare('<=', a.groups, 0n)))
    throw new PyError('ValueError', 'groups must be a positive integer');
  if (truthy(compare('!=', binaryOp('%', a.in_channels, a.groups), 0n)))
    throw new PyError('ValueError', 'in_channels must be divisible by groups');
  if (truthy(compare('!=', binaryOp('%', a.out_channels, a.groups), 0n)))
    throw new PyError('ValueError', 'out_channels must be divisible by groups');
  if (typeof a.padding === 'string') {
    if (a.padding !== 'same' && a.padding !== 'valid') {
      throw new PyError(
        'ValueError',
        `Invalid padding string ${repr(a.padding)}, should be one of {'same', 'valid'}`,
      );
    }
    if (a.padding === 'same' && stride.items.some((s) => truthy(compare('!=', s, 1n)))) {
      throw new PyError('ValueError', "padding='same' is not supported for strided convolutions");
    }
  }
  if (
    !['zeros', 'reflect', 'replicate', 'circular'].includes(/** @type {any} */ (a.padding_mode))
  ) {
    throw new PyError(
      'ValueError',
      `padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='${str(a.padding_mode)}'`,
    );
  }
}

/** nn.Conv1d / Conv2d / Conv3d. @param {number} n the spatial dimensions */
function convKind(n) {
  /** @type {ModuleKind} */
  const kind = {
    name: `Conv${n}d`,
    path: 'torch.nn.modules.conv',
    extraRepr: convExtraRepr,
    forward: () => {
      throw new Unsupported(
        `nn.Conv${n}d's forward pass (a convolution: its float rounding follows torch's oneDNN kernels, which the page does not reproduce)`,
      );
    },
    methods: {
      reset_parameters: (m, _args, _kwargs, interp) => {
        resetParameters(m, interp);
        return null;
      },
    },
  };
  moduleType(kind, (args, kwargs, interp) => makeConv(kind, n, args, kwargs, interp));
  return kind;
}

/** @param {ModuleKind} kind @param {number} n @param {Value[]} args @param {import('../../../objects.js').Kwargs} kwargs @param {any} interp */
function makeConv(kind, n, args, kwargs, interp) {
  const a = pyBind(
    `${kind.name}.__init__`,
    [
      'self',
      'in_channels',
      'out_channels',
      'kernel_size',
      ['stride', 1n],
      ['padding', 0n],
      ['dilation', 1n],
      ['groups', 1n],
      ['bias', true],
      ['padding_mode', 'zeros'],
      ['device', null],
      ['dtype', null],
    ],
    [null, ...args],
    kwargs,
  );
  const kernel = ntuple(a.kernel_size, n);
  const stride = ntuple(a.stride, n);
  const padding = typeof a.padding === 'string' ? a.padding : ntuple(a.padding, n);
  const dilation = ntuple(a.dilation, n);
  checkConvArgs(a, stride);
  const dtype = factoryDtype(a.device, a.dtype);
  const m = new NNModule(kind);
  const entries = {
    in_channels: a.in_channels,
    out_channels: a.out_channels,
    kernel_size: kernel,
    stride,
    padding,
    dilation,
    transposed: false,
    output_padding: ntuple(0n, n),
    groups: a.groups,
    padding_mode: a.padding_mode,
  };
  for (const [k, v] of Object.entries(entries)) m.dict.set(k, v);
  const bias = truthy(a.bias);
  const inPerGroup = binaryOp('//', a.in_channels, a.groups);
  const shape = [a.out_channels, inPerGroup, ...kernel.items];
  const groups = unpackLong(a.groups);
  const params = drawParameters(
    interp,
    'conv',
    `nn.${kind.name}`,
    shape,
    (dims) => [BigInt(dims[1]) * groups, dims[0], dims.slice(2), groups, bias],
    dtype,
  );
  m.params.set('weight', params[0]);
  m.params.set('bias', bias ? params[1] : null);
  return m;
}

// --- parameter-free layers ---------------------------------------------------------------------

/** A layer without parameters: its constructor binds `spec` and keeps the values in __dict__. @param {ModuleKind} kind @param {import('./pyargs.js').ParamSpec[]} spec @param {(a: Record<string, any>) => void} [check] */
export function simpleLayer(kind, spec, check) {
  moduleType(kind, (args, kwargs) => {
    const a = pyBind(`${kind.name}.__init__`, ['self', ...spec], [null, ...args], kwargs);
    check?.(a);
    const m = new NNModule(kind);
    for (const p of spec) {
      const name = typeof p === 'string' ? p : p[0];
      if (!name.startsWith('*')) m.dict.set(name, a[name]);
    }
    return m;
  });
  return kind;
}

const inplaceRepr = (/** @type {NNModule} */ m) =>
  truthy(m.dict.get('inplace') ?? false) ? 'inplace=True' : '';
/** @param {NNModule} m @param {string} k */
export const attr = (m, k) => /** @type {Value} */ (m.dict.get(k) ?? null);

const RELU = simpleLayer(
  {
    name: 'ReLU',
    path: 'torch.nn.modules.activation',
    extraRepr: inplaceRepr,
    forward: (m, input) => relu(input, truthy(attr(m, 'inplace'))),
  },
  [['inplace', false]],
);

const LEAKY_RELU = simpleLayer(
  {
    name: 'LeakyReLU',
    path: 'torch.nn.modules.activation',
    extraRepr: (m) =>
      `negative_slope=${str(attr(m, 'negative_slope'))}${truthy(attr(m, 'inplace')) ? ', inplace=True' : ''}`,
    forward: (m, input) => leakyRelu(input, attr(m, 'negative_slope'), truthy(attr(m, 'inplace'))),
  },
  [
    ['negative_slope', 0.01],
    ['inplace', false],
  ],
);

/** Tanh and Sigmoid: torch computes them with its SLEEF vector kernels. @param {string} name */
const transcendental = (name) =>
  simpleLayer(
    {
      name,
      path: 'torch.nn.modules.activation',
      forward: () => {
        throw new Unsupported(
          `nn.${name}'s forward pass (torch computes ${name.toLowerCase()} with its vectorised SLEEF kernels, which the page does not reproduce)`,
        );
      },
    },
    [],
  );

const FLATTEN = simpleLayer(
  {
    name: 'Flatten',
    path: 'torch.nn.modules.flatten',
    extraRepr: (m) => `start_dim=${str(attr(m, 'start_dim'))}, end_dim=${str(attr(m, 'end_dim'))}`,
    forward: (m, input, interp) => {
      return interp.call(getAttr(input, 'flatten'), [attr(m, 'start_dim'), attr(m, 'end_dim')]);
    },
  },
  [
    ['start_dim', 1n],
    ['end_dim', -1n],
  ],
);

const DROPOUT = simpleLayer(
  {
    name: 'Dropout',
    path: 'torch.nn.modules.dropout',
    extraRepr: (m) => `p=${str(attr(m, 'p'))}, inplace=${str(attr(m, 'inplace'))}`,
    forward: (m, input, interp) => {
      checkProbability(attr(m, 'p'), 0.0, 1.0);
      return dropout(input, attr(m, 'p'), m.training, truthy(attr(m, 'inplace')), interp);
    },
  },
  [
    ['p', 0.5],
    ['inplace', false],
  ],
  (a) => checkProbability(a.p, 0n, 1n),
);

const IDENTITY = simpleLayer(
  { name: 'Identity', path: 'torch.nn.modules.linear', forward: (_m, input) => input },
  ['*args', '**kwargs'],
);

/** nn.Module() itself: no parameters, no forward; the base of the code's own modules. */
const MODULE = simpleLayer({ name: 'Module', path: 'torch.nn.modules.module' }, [
  '*args',
  '**kwargs',
]);
allowSubclassing(/** @type {any} */ (MODULE.type), moduleSubclassing());

const CONV1D = convKind(1);
const CONV2D = convKind(2);
const CONV3D = convKind(3);

/** The classes of torch.nn, by attribute name. */
export function layerTypes() {
  const kinds = [
    LINEAR,
    CONV1D,
    CONV2D,
    CONV3D,
    RELU,
    LEAKY_RELU,
    transcendental('Tanh'),
    transcendental('Sigmoid'),
    FLATTEN,
    DROPOUT,
    IDENTITY,
    MODULE,
    SEQUENTIAL,
  ];
  return Object.fromEntries(kinds.map((k) => [k.name, /** @type {any} */ (k.type)]));
}

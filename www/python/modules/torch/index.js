// The `torch` module of the interpreter: tensors (float32, float64, int64, bool, uint8) with
// torch's printing, promotion, indexing and exact reductions, and torch's CPU random streams
// through seedlab's wasm TorchGenerator.
//
//   const modules = { torch: (interp) => createTorch(pkg) };
//
// One module object per session: its default generator is seeded from OS entropy when the
// session imports torch, as torch seeds its own on import.

import { PyError, Unsupported } from '../../errors.js';
import { PyBuiltin, PyModule, PyType } from '../../objects.js';
import './elementwise.js';
import './indexing.js';
import { torchFunctions } from './api.js';
import { hooks } from './arg-parser.js';
import { gradMode, gradModeType } from './autograd.js';
import { tensorFromData } from './creation.js';
import { createUtils } from './data/index.js';
import { DTYPE_ATTRIBUTES, DType, UNSUPPORTED_DTYPES } from './dtypes.js';
import { indexHooks } from './indexing.js';
import { torchFunctionalAttributes } from './nn/functional.js';
import { createNN } from './nn/index.js';
import { pyBind } from './nn/pyargs.js';
import { SET_PRINTOPTIONS } from './printing.js';
import { DeviceObject, makeGeneratorType, TorchGeneratorObject, wasmCall } from './random.js';
import { DEFAULT_GENERATORS, MATH, randomFunctions } from './random-api.js';
import { SIZE_TYPE } from './size.js';
import { session, TENSOR_TYPE } from './tensor.js';

/** torch.__version__ of the reference (the CPU wheel). */
export const TORCH_VERSION = '2.15.0+cpu';

/** Names torch has that this module does not implement: using one says so. */
const KNOWN_TORCH_NAMES = [
  'optim',
  'distributions',
  'fft',
  'linalg',
  'special',
  'autograd',
  'jit',
  'onnx',
  'sparse',
  'quantization',
  'testing',
  'hub',
  'profiler',
  'mps',
  'xpu',
  'compile',
  'set_default_dtype',
  'set_default_tensor_type',
  'as_tensor',
  'asarray',
  'exp',
  'log',
  'log1p',
  'expm1',
  'log2',
  'log10',
  'sin',
  'cos',
  'tan',
  'softmax',
  'matmul',
  'mm',
  'bmm',
  'dot',
  'outer',
  'einsum',
  'norm',
  'cumprod',
  'prod',
  'var_mean',
  'std_mean',
  'median',
  'mode',
  'quantile',
  'where',
  'nonzero',
  'masked_select',
  'gather',
  'scatter',
  'index_select',
  'take',
  'flip',
  'roll',
  'repeat_interleave',
  'tile',
  'narrow',
  'meshgrid',
  'diag',
  'tril',
  'triu',
  'logspace',
  'atan2',
  'hypot',
  'erf',
  'erfinv',
  'pow',
  'float_power',
  'sign',
  'sgn',
  'logical_and',
  'logical_or',
  'logical_not',
  'logical_xor',
  'isnan',
  'isinf',
  'isfinite',
  'all',
  'any',
  'count_nonzero',
  'histc',
  'searchsorted',
  'bucketize',
  'cdist',
  'dist',
  'cross',
  'det',
  'inverse',
  'svd',
  'qr',
  'lerp',
  'addcmul',
  'addcdiv',
  'fmod',
  'reciprocal',
  'rsqrt',
  'square',
  'exp2',
  'logsumexp',
  'amax',
  'amin',
  'aminmax',
  'nansum',
  'nanmean',
  'cummax',
  'cummin',
  'diff',
  'kron',
  'trace',
  'set_grad_enabled',
  'inference_mode',
  'sym_int',
  'FloatTensor',
  'LongTensor',
  'DoubleTensor',
  'BoolTensor',
  'ByteTensor',
  'IntTensor',
  'save',
  'load',
  'from_file',
  'vmap',
  'func',
  ...UNSUPPORTED_DTYPES,
];

/** A function that is a no-op returning None on the CPU (torch.cuda.manual_seed without CUDA). @param {string} name */
const noop = (name) => new PyBuiltin(name, () => null);

/** torch.cuda (no CUDA here: seeding it does nothing, as in torch without a GPU), torch.backends, torch.nn, torch.utils. */
function submodules(/** @type {any} */ pkg) {
  const cuda = new PyModule(
    'torch.cuda',
    {
      is_available: new PyBuiltin('is_available', () => false),
      device_count: new PyBuiltin('device_count', () => 0n),
      manual_seed: noop('manual_seed'),
      manual_seed_all: noop('manual_seed_all'),
      seed: noop('seed'),
      seed_all: noop('seed_all'),
    },
    ['get_rng_state', 'set_rng_state', 'get_rng_state_all', 'set_rng_state_all', 'initial_seed'],
  );
  const cudnn = new PyModule('torch.backends.cudnn', {
    deterministic: false,
    benchmark: false,
    enabled: true,
  });
  const backends = new PyModule('torch.backends', { cudnn }, ['mps', 'cuda', 'mkldnn', 'cpu']);
  return { cuda, backends, nn: createNN(pkg), utils: createUtils(pkg) };
}

/** torch's classes and settings that do not depend on the session. */
function moduleConstants() {
  return {
    __version__: TORCH_VERSION,
    ...DTYPE_ATTRIBUTES,
    Tensor: TENSOR_TYPE,
    Size: SIZE_TYPE,
    dtype: new PyType(
      'torch.dtype',
      () => {
        throw new PyError('TypeError', "cannot create 'torch.dtype' instances");
      },
      (v) => v instanceof DType,
    ),
    no_grad: gradModeType(false, 'no_grad'),
    enable_grad: gradModeType(true, 'enable_grad'),
    is_grad_enabled: new PyBuiltin('is_grad_enabled', () => gradMode.enabled),
    set_num_threads: new PyBuiltin('set_num_threads', () => {
      throw new Unsupported('torch.set_num_threads');
    }),
    device: new PyType(
      'torch.device',
      (args) => {
        const type = String(args[0] ?? 'cpu');
        if (type !== 'cpu') {
          throw new Unsupported(
            `torch.device(${JSON.stringify(type)}) (this page runs torch's CPU kernels)`,
          );
        }
        return new DeviceObject('cpu');
      },
      (v) => v instanceof DeviceObject,
    ),
    inf: Number.POSITIVE_INFINITY,
    nan: Number.NaN,
    pi: Math.PI,
    e: Math.E,
  };
}

/**
 * torch.use_deterministic_algorithms and its getters: a session's setting, which changes nothing
 * else here (the page's kernels are torch's deterministic CPU ones).
 */
function deterministicMode() {
  const mode = { enabled: false, warnOnly: false };
  return {
    use_deterministic_algorithms: new PyBuiltin('use_deterministic_algorithms', (args, kwargs) => {
      const a = pyBind(
        'use_deterministic_algorithms',
        ['mode', '*', ['warn_only', false]],
        args,
        kwargs,
      );
      if (typeof a.mode !== 'boolean' || typeof a.warn_only !== 'boolean')
        throw new Unsupported('torch.use_deterministic_algorithms with a non-bool argument');
      mode.enabled = a.mode;
      mode.warnOnly = a.warn_only;
      return null;
    }),
    are_deterministic_algorithms_enabled: new PyBuiltin(
      'are_deterministic_algorithms_enabled',
      () => mode.enabled,
    ),
    is_deterministic_algorithms_warn_only_enabled: new PyBuiltin(
      'is_deterministic_algorithms_warn_only_enabled',
      () => mode.warnOnly,
    ),
  };
}

/**
 * A new torch module for a session.
 * @param {typeof import('../../../pkg/seedlab.js')} pkg  seedlab's wasm package, initialised
 * @param {any} [interp]  the session's interpreter
 * @returns {PyModule}
 */
export function createTorch(pkg, interp) {
  session.interp = interp ?? null;
  const defaultGenerator = new TorchGeneratorObject(
    wasmCall(() => new pkg.TorchGenerator(undefined)),
  );
  if (interp) DEFAULT_GENERATORS.set(interp, defaultGenerator);
  MATH.exp = typeof pkg.mathExp === 'function' ? (x) => pkg.mathExp(x) : null;
  const random = randomFunctions(defaultGenerator);
  const attrs = {
    ...moduleConstants(),
    ...deterministicMode(),
    set_printoptions: SET_PRINTOPTIONS,
    ...torchFunctions(),
    ...random,
    ...torchFunctionalAttributes(),
    ...submodules(pkg),
    Generator: makeGeneratorType(pkg),
    default_generator: defaultGenerator,
    random: new PyModule(
      'torch.random',
      {
        manual_seed: random.manual_seed,
        seed: random.seed,
        initial_seed: random.initial_seed,
        get_rng_state: random.get_rng_state,
        set_rng_state: random.set_rng_state,
      },
      ['fork_rng'],
    ),
  };
  return new PyModule('torch', attrs, KNOWN_TORCH_NAMES);
}

indexHooks.tensorFromData = (data) => tensorFromData(data, null);
hooks.isPythonScalarType = (v) =>
  v instanceof PyType && ['float', 'int', 'bool', 'complex'].includes(v.name);

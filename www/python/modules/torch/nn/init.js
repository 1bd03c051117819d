// torch.nn.init (torch/nn/init.py, BSD-3-Clause): each function as torch runs it, under
// no_grad, in place on the tensor it returns. The draws are seedlab's wasm TorchGenerator's
// (kaimingUniform, xavierNormal, truncNormal, ... compute the bounds and gains as CPython does,
// then draw as the CPU kernels do); uniform_, normal_, constant_, ones_ and zeros_ are the
// tensor's own methods, as in torch.

import { getAttr } from '../../../attributes.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyBuiltin, PyTuple } from '../../../objects.js';
import { binaryOp, str, typeName } from '../../../ops.js';
import { tpName } from '../arg-parser.js';
import { gradMode } from '../autograd.js';
import { float32, float64, int64 } from '../dtypes.js';
import { TorchGeneratorObject, wasmCall } from '../random.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { Tensor } from '../tensor.js';
import { assertInitialized, markWritten } from '../uninitialized.js';
import { pyBind } from './pyargs.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */

/** Runs f with grad mode off (torch.no_grad()). @template T @param {() => T} f @returns {T} */
function noGrad(f) {
  const saved = gradMode.enabled;
  gradMode.enabled = false;
  try {
    return f();
  } finally {
    gradMode.enabled = saved;
  }
}

/** tensor.name(*args, **kwargs), as the Python code calls it. @param {any} interp @param {Value} t @param {string} name @param {Value[]} args @param {Kwargs} [kwargs] */
function callMethod(interp, t, name, args, kwargs = new Map()) {
  return interp.call(getAttr(t, name), args, kwargs);
}

/** The generator a call draws from, with the tensor method's error for anything else. @param {Value} g @param {any} interp @param {string} method */
function generatorOf(g, interp, method) {
  if (g === null) return DEFAULT_GENERATORS.get(interp);
  if (g instanceof TorchGeneratorObject) return g;
  throw new PyError(
    'TypeError',
    `${method}(): argument 'generator' must be torch.Generator, not ${tpName(g)}`,
  );
}

/** A tensor the engine can fill: its dtype name, refusing views it cannot fill in order. @param {Value} t @param {string} what */
function fillable(t, what) {
  if (!(t instanceof Tensor)) {
    throw new PyError('AttributeError', `'${typeName(t)}' object has no attribute 'shape'`);
  }
  if (t.dtype !== float32 && t.dtype !== float64 && t.dtype !== int64) {
    throw new Unsupported(`${what} for dtype=${t.dtype.repr()}`);
  }
  if (!t.storage.isContiguous()) throw new Unsupported(`${what} on a non-contiguous tensor`);
  return t;
}

/** Writes drawn values over a contiguous tensor and returns it. @param {Tensor} t @param {ArrayLike<any>} values */
function writeInto(t, values) {
  const { data, offset } = t.storage;
  for (let i = 0; i < values.length; i++) data[offset + i] = values[i];
  markWritten(data, t.storage.offsets());
  return t;
}

/** A Python float argument for the engine (int, float or bool), else the TypeError Python would give. @param {Value} v */
function numberArg(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return Number(binaryOp('*', v, 1.0));
  binaryOp('*', v, 1.0); // raises Python's TypeError for a non-number
  throw new Unsupported(`nn.init with a ${typeName(v)} argument`);
}

/** The engine call, with the refusals the engine reports turned into notes. @template T @param {() => T} f */
function engine(f) {
  try {
    return wasmCall(f);
  } catch (e) {
    const window =
      e instanceof PyError
        ? /^trunc_normal_ with a window of probability (about \S+)/.exec(e.message)
        : null;
    if (window) {
      throw new Unsupported(
        `nn.init.trunc_normal_ with a window of probability ${window[1]} (torch samples windows of probability 0.3 or less through its vectorised log, which the page does not reproduce)`,
      );
    }
    if (e instanceof PyError && e.type === 'OverflowError' && /^seedlab /.test(e.message)) {
      throw new Unsupported('a leaky_relu slope that is an int beyond int64');
    }
    throw e;
  }
}

/**
 * The negative slope calculate_gain('leaky_relu', param) uses, as the engine takes it (a BigInt
 * for an int, a Number for a float), or Python's ValueError.
 * @param {Value} param
 */
function slopeArg(param) {
  if (param === null) return 0.01;
  if (typeof param === 'bigint' || typeof param === 'number') return param;
  throw new PyError('ValueError', `negative_slope ${str(param)} not a valid number`);
}

/** _calculate_correct_fan's mode check: mode.lower() in ['fan_in', 'fan_out']. @param {Value} mode */
function modeArg(mode) {
  if (typeof mode !== 'string') {
    throw new PyError('AttributeError', `'${typeName(mode)}' object has no attribute 'lower'`);
  }
  const lower = mode.toLowerCase();
  if (lower !== 'fan_in' && lower !== 'fan_out') {
    throw new PyError(
      'ValueError',
      `Mode ${lower} not supported, please use one of ['fan_in', 'fan_out']`,
    );
  }
  return lower;
}

/**
 * kaiming_uniform_ / kaiming_normal_: a zero-sized tensor is left as it is (torch warns); then
 * the fan (mode, dimensions), the gain (nonlinearity, slope), the draws.
 * @param {any} pkg @param {'kaimingUniform' | 'kaimingNormal'} method @param {string} fname
 */
function kaiming(pkg, method, fname) {
  return new PyBuiltin(fname, (args, kwargs, interp) => {
    const a = pyBind(
      fname,
      [
        'tensor',
        ['a', 0n],
        ['mode', 'fan_in'],
        ['nonlinearity', 'leaky_relu'],
        ['generator', null],
      ],
      args,
      kwargs,
    );
    const t = fillable(a.tensor, `nn.init.${fname}`);
    if (t.shape.includes(0)) return t;
    const mode = modeArg(a.mode);
    const nonlinearity = typeof a.nonlinearity === 'string' ? a.nonlinearity : str(a.nonlinearity);
    wasmCall(() => pkg.fanInAndFanOut(t.shape));
    const slope = nonlinearity === 'leaky_relu' ? slopeArg(a.a) : 0n;
    const g = generatorOf(
      a.generator,
      interp,
      method === 'kaimingUniform' ? 'uniform_' : 'normal_',
    );
    const values = engine(() =>
      g.engine[method](t.dtype.name, [...t.shape], slope, mode, nonlinearity),
    );
    return writeInto(t, values);
  });
}

/** xavier_uniform_ / xavier_normal_. @param {any} pkg @param {'xavierUniform' | 'xavierNormal'} method @param {string} fname */
function xavier(pkg, method, fname) {
  return new PyBuiltin(fname, (args, kwargs, interp) => {
    const a = pyBind(fname, ['tensor', ['gain', 1.0], ['generator', null]], args, kwargs);
    const t = fillable(a.tensor, `nn.init.${fname}`);
    wasmCall(() => pkg.fanInAndFanOut(t.shape));
    const gain = numberArg(a.gain);
    const g = generatorOf(a.generator, interp, method === 'xavierUniform' ? 'uniform_' : 'normal_');
    return writeInto(
      t,
      engine(() => g.engine[method](t.dtype.name, [...t.shape], gain)),
    );
  });
}

/** trunc_normal_(tensor, mean=0., std=1., a=-2., b=2., generator=None) */
function truncNormal() {
  return new PyBuiltin('trunc_normal_', (args, kwargs, interp) => {
    const a = pyBind(
      'trunc_normal_',
      ['tensor', ['mean', 0.0], ['std', 1.0], ['a', -2.0], ['b', 2.0], ['generator', null]],
      args,
      kwargs,
    );
    const t = fillable(a.tensor, 'nn.init.trunc_normal_');
    const [mean, std, lo, hi] = [a.mean, a.std, a.a, a.b].map(numberArg);
    const g = generatorOf(a.generator, interp, 'normal_');
    return writeInto(
      t,
      engine(() => g.engine.truncNormal(t.dtype.name, t.numel, mean, std, lo, hi)),
    );
  });
}

/**
 * The functions that are the tensor's own methods under no_grad: uniform_, normal_,
 * constant_, ones_, zeros_.
 * @returns {Record<string, PyBuiltin>}
 */
function methodFunctions() {
  /** @param {string} fname @param {import('./pyargs.js').ParamSpec[]} spec @param {(a: Record<string, any>, interp: any) => Value} body */
  const define = (fname, spec, body) =>
    new PyBuiltin(fname, (args, kwargs, interp) => {
      const a = pyBind(fname, spec, args, kwargs);
      return noGrad(() => body(a, interp));
    });
  const gen = (/** @type {Value} */ g) => new Map([['generator', g]]);
  return {
    uniform_: define('uniform_', ['tensor', ['a', 0.0], ['b', 1.0], ['generator', null]], (a, i) =>
      callMethod(i, a.tensor, 'uniform_', [a.a, a.b], gen(a.generator)),
    ),
    normal_: define(
      'normal_',
      ['tensor', ['mean', 0.0], ['std', 1.0], ['generator', null]],
      (a, i) => callMethod(i, a.tensor, 'normal_', [a.mean, a.std], gen(a.generator)),
    ),
    constant_: define('constant_', ['tensor', 'val'], (a, i) =>
      callMethod(i, a.tensor, 'fill_', [a.val]),
    ),
    ones_: define('ones_', ['tensor'], (a, i) => callMethod(i, a.tensor, 'fill_', [1.0])),
    zeros_: define('zeros_', ['tensor'], (a, i) => callMethod(i, a.tensor, 'zero_', [])),
  };
}

/** calculate_gain(nonlinearity, param=None) @param {any} pkg */
function calculateGain(pkg) {
  return new PyBuiltin('calculate_gain', (args, kwargs) => {
    const a = pyBind('calculate_gain', ['nonlinearity', ['param', null]], args, kwargs);
    if (typeof a.nonlinearity !== 'string') {
      throw new PyError('ValueError', `Unsupported nonlinearity ${str(a.nonlinearity)}`);
    }
    const param = a.nonlinearity === 'leaky_relu' ? slopeArg(a.param) : null;
    return engine(() => pkg.calculateGain(a.nonlinearity, param));
  });
}

/** The attributes of torch.nn.init. @param {any} pkg @returns {Record<string, Value>} */
export function initAttributes(pkg) {
  return {
    ...methodFunctions(),
    ...structuredFunctions(),
    kaiming_uniform_: kaiming(pkg, 'kaimingUniform', 'kaiming_uniform_'),
    kaiming_normal_: kaiming(pkg, 'kaimingNormal', 'kaiming_normal_'),
    xavier_uniform_: xavier(pkg, 'xavierUniform', 'xavier_uniform_'),
    xavier_normal_: xavier(pkg, 'xavierNormal', 'xavier_normal_'),
    trunc_normal_: truncNormal(),
    calculate_gain: calculateGain(pkg),
    _calculate_fan_in_and_fan_out: new PyBuiltin(
      '_calculate_fan_in_and_fan_out',
      (args, kwargs) => {
        const t = pyBind('_calculate_fan_in_and_fan_out', ['tensor'], args, kwargs).tensor;
        if (!(t instanceof Tensor)) {
          throw new PyError('AttributeError', `'${typeName(t)}' object has no attribute 'dim'`);
        }
        return new PyTuple([...wasmCall(() => pkg.fanInAndFanOut([...t.shape]))]);
      },
    ),
    orthogonal_: new PyBuiltin('orthogonal_', () => {
      throw new Unsupported(
        'nn.init.orthogonal_ (a QR decomposition by LAPACK, whose float rounding the page does not reproduce)',
      );
    }),
  };
}

/** Names torch.nn.init has that the page does not provide. */
export const KNOWN_INIT_NAMES = [
  'uniform',
  'normal',
  'constant',
  'eye',
  'dirac',
  'xavier_uniform',
  'xavier_normal',
  'kaiming_uniform',
  'kaiming_normal',
  'orthogonal',
  'sparse',
];

// --- eye_, dirac_, sparse_ -----------------------------------------------------------------------

/** Element offsets of a tensor by index tuple. @param {Tensor} t @param {number[]} index */
function offsetOf(t, index) {
  return index.reduce((o, i, k) => o + i * t.storage.strides[k], t.storage.offset);
}

/** Zeroes t, then writes one at each index. @param {Tensor} t @param {number[][]} indices */
function zeroThenOnes(t, indices) {
  const { data } = t.storage;
  const zero = t.dtype === int64 ? 0n : 0;
  const one = t.dtype === int64 ? 1n : 1;
  for (const p of t.storage.offsets()) data[p] = zero;
  for (const index of indices) data[offsetOf(t, index)] = one;
  markWritten(data, t.storage.offsets());
  return t;
}

/** eye_, dirac_ and sparse_. @returns {Record<string, PyBuiltin>} */
function structuredFunctions() {
  return {
    eye_: new PyBuiltin('eye_', (args, kwargs) => {
      const t = /** @type {Tensor} */ (pyBind('eye_', ['tensor'], args, kwargs).tensor);
      if (!(t instanceof Tensor) || t.ndim !== 2)
        throw new PyError('ValueError', 'Only tensors with 2 dimensions are supported');
      const n = Math.min(t.shape[0], t.shape[1]);
      return zeroThenOnes(
        t,
        Array.from({ length: n }, (_, i) => [i, i]),
      );
    }),
    dirac_: new PyBuiltin('dirac_', (args, kwargs) => {
      const a = pyBind('dirac_', ['tensor', ['groups', 1n]], args, kwargs);
      const t = /** @type {Tensor} */ (a.tensor);
      if (!(t instanceof Tensor) || ![3, 4, 5].includes(t.ndim)) {
        throw new PyError('ValueError', 'Only tensors with 3, 4, or 5 dimensions are supported');
      }
      const groups = Number(a.groups);
      if (t.shape[0] % groups !== 0)
        throw new PyError('ValueError', 'dim 0 must be divisible by groups');
      const perGroup = Math.floor(t.shape[0] / groups);
      const minDim = Math.min(perGroup, t.shape[1]);
      const centre = t.shape.slice(2).map((s) => Math.floor(s / 2));
      /** @type {number[][]} */
      const indices = [];
      for (let g = 0; g < groups; g++)
        for (let d = 0; d < minDim; d++) indices.push([g * perGroup + d, d, ...centre]);
      return zeroThenOnes(t, indices);
    }),
    sparse_: sparse(),
  };
}

/** sparse_(tensor, sparsity, std=0.01, generator=None): normal_, then per column randperm(rows) from the default generator. */
function sparse() {
  return new PyBuiltin('sparse_', (args, kwargs, interp) => {
    const a = pyBind(
      'sparse_',
      ['tensor', 'sparsity', ['std', 0.01], ['generator', null]],
      args,
      kwargs,
    );
    const t = /** @type {Tensor} */ (a.tensor);
    if (!(t instanceof Tensor) || t.ndim !== 2)
      throw new PyError('ValueError', 'Only tensors with 2 dimensions are supported');
    const [rows, cols] = t.shape;
    const numZeros = Math.ceil(Number(binaryOp('*', a.sparsity, BigInt(rows))));
    noGrad(() =>
      callMethod(interp, t, 'normal_', [0n, a.std], new Map([['generator', a.generator]])),
    );
    assertInitialized(t.storage);
    const dflt = DEFAULT_GENERATORS.get(interp);
    const zero = t.dtype === int64 ? 0n : 0;
    for (let col = 0; col < cols; col++) {
      const perm = dflt.randperm(rows);
      const count = numZeros >= 0 ? Math.min(numZeros, rows) : Math.max(0, rows + numZeros);
      for (let k = 0; k < count; k++) t.storage.data[offsetOf(t, [Number(perm[k]), col])] = zero;
    }
    return t;
  });
}

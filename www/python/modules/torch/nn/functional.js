// torch.nn.functional's exact functions (relu, leaky_relu, dropout) and the torch.* / Tensor
// functions behind them (torch.relu, torch.dropout, Tensor.relu). Dropout draws its mask as
// torch's CPU kernel does (at::native::dropout: bernoulli_(1 - p) into a tensor like the input,
// div_(1 - p), then input * noise), through seedlab's wasm TorchGenerator.dropout.

import { PyError, Unsupported } from '../../../errors.js';
import { PyBuiltin } from '../../../objects.js';
import { compare, str, truthy } from '../../../ops.js';
import { ArgParser } from '../arg-parser.js';
import { checkInplace, recordOp } from '../autograd.js';
import { cppDouble } from '../creation.js';
import { bool, float32, float64, int64 } from '../dtypes.js';
import { map1 } from '../elementwise.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { fillInOrder, newOutput, TENSOR_METHODS, Tensor } from '../tensor.js';
import { assertInitialized, markWritten } from '../uninitialized.js';
import { pyBind } from './pyargs.js';

/** @typedef {import('../../../objects.js').Value} Value */

const RELU = new ArgParser('relu', ['(Tensor input)']);
const RELU_ = new ArgParser('relu_', ['(Tensor input)']);
const LEAKY_RELU = new ArgParser('leaky_relu', ['(Tensor input, Number negative_slope = 0.01)']);
const LEAKY_RELU_ = new ArgParser('leaky_relu_', ['(Tensor input, Number negative_slope = 0.01)']);
const DROPOUT = new ArgParser('dropout', ['(Tensor input, float p, bool train)']);
const DROPOUT_ = new ArgParser('dropout_', ['(Tensor input, float p, bool train)']);

/** The elementwise function of relu for a dtype: negative values become 0; -0.0 and NaN stay. @param {Tensor} t */
function reluOf(t) {
  if (t.dtype === bool) {
    throw new PyError('NotImplementedError', 'Boolean inputs not supported for relu');
  }
  if (t.dtype === int64) return (/** @type {bigint} */ x) => (x < 0n ? 0n : x);
  // torch's clamp_min keeps -0.0 and NaN, which Math.max would not.
  // biome-ignore lint/complexity/useMathMinMax: Math.max(-0, 0) is 0 and Math.max(NaN, 0) NaN only by accident of order.
  return (/** @type {number} */ x) => (x < 0 ? 0 : x);
}

/** Writes f(x) over every element of t, in place. @param {Tensor} t @param {(x: any) => any} f */
function mapInPlace(t, f) {
  assertInitialized(t.storage);
  const { data } = t.storage;
  const positions = t.storage.offsetArray();
  for (const p of positions) data[p] = f(data[p]);
  markWritten(data, positions);
  return t;
}

/**
 * torch.relu(input) / torch.relu_(input).
 * @param {Value} input @param {boolean} inplace
 */
export function relu(input, inplace) {
  const { values } = (inplace ? RELU_ : RELU).parse([input], new Map());
  const t = /** @type {Tensor} */ (values.input);
  const f = reluOf(t);
  if (!inplace) return recordOp(map1(t, t.dtype, f), [t], 'ReluBackward0');
  checkInplace(t);
  return recordOp(mapInPlace(t, f), [t], 'ReluBackward0');
}

/**
 * torch._C._nn.leaky_relu(input, negative_slope): x > 0 ? x : x * slope, the slope in the
 * tensor's dtype (as the CPU kernel converts it).
 * @param {Value} input @param {Value} slope @param {boolean} inplace
 */
export function leakyRelu(input, slope, inplace) {
  const { values } = (inplace ? LEAKY_RELU_ : LEAKY_RELU).parse([input, slope], new Map());
  const t = /** @type {Tensor} */ (values.input);
  if (t.dtype !== float32 && t.dtype !== float64) {
    throw new Unsupported(`leaky_relu on ${t.dtype.repr()} tensors`);
  }
  const raw = values.negative_slope;
  const s =
    typeof raw === 'bigint' ? Number(raw) : Number(raw instanceof Tensor ? raw.item() : raw);
  const f =
    t.dtype === float32
      ? (/** @type {number} */ x) => (x > 0 ? x : Math.fround(x * Math.fround(s)))
      : (/** @type {number} */ x) => (x > 0 ? x : x * s);
  if (!inplace) return recordOp(map1(t, t.dtype, f), [t], 'LeakyReluBackward0');
  checkInplace(t);
  return recordOp(mapInPlace(t, f), [t], 'LeakyReluBackward1');
}

/**
 * _VF.dropout(input, p, train) / dropout_: the input itself when nothing is dropped; for p = 1,
 * input * 0 (signs and NaNs kept, as torch multiplies); otherwise the engine's mask.
 * @param {Value} input @param {Value} p @param {boolean} train @param {boolean} inplace @param {any} interp
 */
export function dropout(input, p, train, inplace, interp) {
  const { values } = (inplace ? DROPOUT_ : DROPOUT).parse([input, p, train], new Map());
  const t = /** @type {Tensor} */ (values.input);
  const prob = typeof values.p === 'bigint' ? Number(values.p) : Number(values.p);
  if (!(prob >= 0 && prob <= 1)) {
    throw new PyError(
      'RuntimeError',
      `dropout probability has to be between 0 and 1, but got ${cppDouble(prob)}`,
    );
  }
  if (prob === 0 || values.train === false || t.numel === 0) return t;
  if (t.dtype !== float32 && t.dtype !== float64 && t.dtype !== int64) {
    throw new Unsupported(`dropout of ${t.dtype.repr()} tensors`);
  }
  assertInitialized(t.storage);
  // The mask is drawn into empty_like(input) (laid out like the input) in its memory order.
  const noise = newOutput([...t.shape], t.dtype, [t.storage.strides]);
  const noisePos = noise.storage.offsetArray();
  const inPos = t.storage.offsetArray();
  const data = /** @type {any} */ (t.storage.data);
  const ordered = t.dtype.make(t.numel);
  for (let i = 0; i < inPos.length; i++) ordered[noisePos[i]] = data[inPos[i]];
  const g = DEFAULT_GENERATORS.get(interp);
  const drawn = g.optional('dropout', 'F.dropout')(ordered, prob, true);
  if (!inplace) {
    const out = newOutput([...t.shape], t.dtype, [t.storage.strides, noise.storage.strides]);
    fillInOrder(out, (i) => drawn[noisePos[i]]);
    return recordOp(out, [t], 'MulBackward0');
  }
  checkInplace(t);
  for (let i = 0; i < inPos.length; i++) data[inPos[i]] = drawn[noisePos[i]];
  return recordOp(t, [t], 'MulBackward0');
}

/** F.dropout's own check, before torch's: p < 0.0 or p > 1.0. @param {Value} p @param {Value} zero @param {Value} one */
export function checkProbability(p, zero, one) {
  if (truthy(compare('<', p, zero)) || truthy(compare('>', p, one))) {
    throw new PyError(
      'ValueError',
      `dropout probability has to be between 0 and 1, but got ${str(p)}`,
    );
  }
}

/** A function refused with a note. @param {string} name @param {string} why */
const refused = (name, why) =>
  new PyBuiltin(name.slice(name.lastIndexOf('.') + 1), () => {
    throw new Unsupported(`${name} (${why})`);
  });

const SLEEF =
  'torch computes it with its vectorised SLEEF kernels, which the page does not reproduce';
const BLAS =
  "a matrix product: its float rounding follows torch's BLAS kernels, which the page does not reproduce";

/** torch.nn.functional. @returns {Record<string, Value>} */
export function functionalAttributes() {
  return {
    relu: new PyBuiltin('relu', (args, kwargs) => {
      const a = pyBind('relu', ['input', ['inplace', false]], args, kwargs);
      return relu(a.input, truthy(a.inplace));
    }),
    relu_: new PyBuiltin('relu_', (args, kwargs) =>
      relu(RELU_.parse(args, kwargs).values.input ?? null, true),
    ),
    leaky_relu: new PyBuiltin('leaky_relu', (args, kwargs) => {
      const a = pyBind(
        'leaky_relu',
        ['input', ['negative_slope', 0.01], ['inplace', false]],
        args,
        kwargs,
      );
      return leakyRelu(a.input, a.negative_slope, truthy(a.inplace));
    }),
    dropout: new PyBuiltin('dropout', (args, kwargs, interp) => {
      const a = pyBind(
        'dropout',
        ['input', ['p', 0.5], ['training', true], ['inplace', false]],
        args,
        kwargs,
      );
      checkProbability(a.p, 0.0, 1.0);
      return dropout(a.input, a.p, a.training, truthy(a.inplace), interp);
    }),
    linear: refused('F.linear', BLAS),
    conv1d: refused('F.conv1d', 'a convolution'),
    conv2d: refused('F.conv2d', 'a convolution'),
    tanh: refused('F.tanh', SLEEF),
    sigmoid: refused('F.sigmoid', SLEEF),
  };
}

/** torch.relu, torch.relu_, torch.dropout, torch.dropout_. @returns {Record<string, PyBuiltin>} */
export function torchFunctionalAttributes() {
  return {
    relu: new PyBuiltin('relu', (args, kwargs) =>
      relu(RELU.parse(args, kwargs).values.input ?? null, false),
    ),
    relu_: new PyBuiltin('relu_', (args, kwargs) =>
      relu(RELU_.parse(args, kwargs).values.input ?? null, true),
    ),
    dropout: new PyBuiltin('dropout', (args, kwargs, interp) => {
      const v = DROPOUT.parse(args, kwargs).values;
      return dropout(v.input ?? null, v.p ?? null, /** @type {boolean} */ (v.train), false, interp);
    }),
    dropout_: new PyBuiltin('dropout_', (args, kwargs, interp) => {
      const v = DROPOUT_.parse(args, kwargs).values;
      return dropout(v.input ?? null, v.p ?? null, /** @type {boolean} */ (v.train), true, interp);
    }),
    tanh: refused('torch.tanh', SLEEF),
    sigmoid: refused('torch.sigmoid', SLEEF),
  };
}

for (const [name, inplace] of /** @type {const} */ ([
  ['relu', false],
  ['relu_', true],
])) {
  TENSOR_METHODS[name] = (self, args, kwargs) => {
    if (args.length > 0 || kwargs.size > 0) {
      if (kwargs.size > 0)
        throw new PyError('TypeError', `TensorBase.${name}() takes no keyword arguments`);
      throw new PyError(
        'TypeError',
        `TensorBase.${name}() takes no arguments (${args.length} given)`,
      );
    }
    return relu(self, inplace);
  };
}

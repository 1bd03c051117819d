// torch's random functions as Python calls them: manual_seed, seed, initial_seed, rand, randn,
// randint (sizes as ints, tuples, lists or torch.Size, with torch's argument errors), the
// generator= argument, and the *_like variants.

import { toInt } from '../../builtin-types.js';
import { PyError, Unsupported } from '../../errors.js';
import { shapeSize } from '../../nd/strided.js';
import { PyBuiltin } from '../../objects.js';
import { binaryOp } from '../../ops.js';
import { defineFunction } from './api.js';
import { ArgParser, unpackLong } from './arg-parser.js';
import { checkInplace, recordOp } from './autograd.js';
import {
  applyRequiresGrad,
  checkFactoryOptions,
  cppDouble,
  dtypeArg,
  shapeArg,
} from './creation.js';
import {
  bool,
  C_TYPE_NAMES,
  DEFAULT_FLOAT,
  float32,
  float64,
  int64,
  intRange,
  uint8,
} from './dtypes.js';
import { multinomial, poisson } from './multinomial.js';
import { getState, setState, TorchGeneratorObject } from './random.js';
import { session, TENSOR_METHODS, Tensor } from './tensor.js';
import { markWritten } from './uninitialized.js';

/** @typedef {import('../../objects.js').Value} Value */

const FACTORY_KW =
  'torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False';

/** glibc's exp, ported (set from seedlab's package when a session makes the module). */
export const MATH = { exp: /** @type {((x: number) => number) | null} */ (null) };

/** The generator a call draws from: generator= or the session's default. @param {Value | undefined} g @param {TorchGeneratorObject} dflt */
function generatorOf(g, dflt) {
  return g instanceof TorchGeneratorObject ? g : dflt;
}

/**
 * The random functions of a session.
 * @param {TorchGeneratorObject} defaultGenerator
 * @returns {Record<string, PyBuiltin>}
 */
export function randomFunctions(defaultGenerator) {
  /** @type {Record<string, PyBuiltin>} */
  const fns = {};
  seedFunctions(fns, defaultGenerator);
  drawFunctions(fns, defaultGenerator);
  randintFunction(fns, defaultGenerator);
  otherDrawFunctions(fns, defaultGenerator);
  return fns;
}

/**
 * manual_seed, seed, initial_seed, get_rng_state, set_rng_state.
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function seedFunctions(fns, defaultGenerator) {
  fns.manual_seed = new PyBuiltin('manual_seed', (args, kwargs) => {
    if (kwargs.size > 0) {
      const [k] = kwargs.keys();
      if (k !== 'seed' || args.length > 0)
        throw new PyError('TypeError', `manual_seed() got an unexpected keyword argument '${k}'`);
    }
    const seed = args.length > 0 ? args[0] : kwargs.get('seed');
    if (args.length > 1)
      throw new PyError(
        'TypeError',
        `manual_seed() takes 1 positional argument but ${args.length} were given`,
      );
    if (seed === undefined)
      throw new PyError(
        'TypeError',
        "manual_seed() missing 1 required positional argument: 'seed'",
      );
    // torch/random.py: seed = int(seed), then default_generator.manual_seed(seed)
    return defaultGenerator.manualSeed(toInt(seed));
  });
  fns.seed = new PyBuiltin('seed', () => defaultGenerator.seed());
  fns.initial_seed = new PyBuiltin('initial_seed', () => defaultGenerator.initialSeed());
  fns.get_rng_state = new PyBuiltin('get_rng_state', () => getState(defaultGenerator));
  fns.set_rng_state = new PyBuiltin('set_rng_state', (args) => {
    setState(defaultGenerator, args[0]);
    return null;
  });
}

/**
 * torch.rand and torch.randn.
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function drawFunctions(fns, defaultGenerator) {
  for (const name of ['rand', 'randn']) {
    defineFunction(
      fns,
      name,
      new ArgParser(
        name,
        [
          `(tuple of ints size, *, torch.Generator generator, Tensor out = None, ${FACTORY_KW})`,
          `(tuple of ints size, *, Tensor out = None, ${FACTORY_KW})`,
        ],
        [
          `(tuple of ints size, *, torch.Generator generator, tuple of names names, ${FACTORY_KW})`,
          `(tuple of ints size, *, tuple of names names, ${FACTORY_KW})`,
        ],
      ),
      (a) => {
        checkFactoryOptions(a);
        const shape = shapeArg(name, a.size);
        const dtype = dtypeArg(a.dtype) ?? DEFAULT_FLOAT;
        const g = generatorOf(a.generator, defaultGenerator);
        const n = shapeSize(shape);
        const values = name === 'rand' ? g.rand(n, dtype) : g.randn(n, dtype);
        return applyRequiresGrad(Tensor.of(values, shape, dtype), a.requires_grad);
      },
    );
  }
}

/**
 * torch.randint.
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function randintFunction(fns, defaultGenerator) {
  defineFunction(
    fns,
    'randint',
    new ArgParser('randint', [
      `(int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, ${FACTORY_KW})`,
      `(int high, tuple of ints size, *, Tensor out = None, ${FACTORY_KW})`,
      `(int low, int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, ${FACTORY_KW})`,
      `(int low, int high, tuple of ints size, *, Tensor out = None, ${FACTORY_KW})`,
    ]),
    (a, index) => {
      checkFactoryOptions(a);
      const low = index < 2 ? 0n : unpackLong(a.low);
      const high = unpackLong(a.high);
      const shape = shapeArg('randint', a.size);
      const dtype = dtypeArg(a.dtype) ?? int64;
      if (a.requires_grad === true && !dtype.isFloating) {
        throw new PyError(
          'RuntimeError',
          'Only Tensors of floating point and complex dtype can require gradients',
        );
      }
      checkRandintBounds(low, high, dtype);
      const g = generatorOf(a.generator, defaultGenerator);
      const values = g.randint(low, high, shapeSize(shape));
      return applyRequiresGrad(Tensor.of(castInts(values, dtype), shape, dtype), a.requires_grad);
    },
  );
}

/**
 * rand_like, randn_like, randperm, normal (and the ones not supported yet).
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function otherDrawFunctions(fns, defaultGenerator) {
  for (const name of ['rand_like', 'randn_like']) {
    defineFunction(
      fns,
      name,
      new ArgParser(name, [
        `(Tensor input, *, torch.Generator generator, torch.memory_format memory_format = None, ${FACTORY_KW})`,
        `(Tensor input, *, torch.memory_format memory_format = None, ${FACTORY_KW})`,
      ]),
      (a) => {
        checkFactoryOptions(a);
        const t = /** @type {Tensor} */ (a.input);
        const dtype = dtypeArg(a.dtype) ?? t.dtype;
        const g = generatorOf(a.generator, defaultGenerator);
        const values = name === 'rand_like' ? g.rand(t.numel, dtype) : g.randn(t.numel, dtype);
        return applyRequiresGrad(Tensor.of(values, [...t.shape], dtype), a.requires_grad);
      },
    );
  }

  defineFunction(
    fns,
    'randperm',
    new ArgParser('randperm', [
      `(int n, *, torch.Generator generator, Tensor out = None, ${FACTORY_KW})`,
      `(int n, *, Tensor out = None, ${FACTORY_KW})`,
    ]),
    (a) => {
      checkFactoryOptions(a);
      const n = unpackLong(a.n);
      if (n < 0n)
        throw new PyError(
          'RuntimeError',
          `Trying to create tensor with negative dimension ${n}: [${n}]`,
        );
      const dtype = dtypeArg(a.dtype) ?? int64;
      if (dtype === bool) throw new Unsupported('torch.randperm(..., dtype=torch.bool)');
      if (dtype === uint8 && n > 256n) {
        throw new PyError(
          'RuntimeError',
          'value cannot be converted to type uint8_t without overflow',
        );
      }
      const g = generatorOf(a.generator, defaultGenerator);
      // The permutation does not depend on the dtype: torch draws the same swaps and stores them.
      const values = castInts(g.randperm(Number(n)), dtype);
      return applyRequiresGrad(Tensor.of(values, [Number(n)], dtype), a.requires_grad);
    },
  );

  normalFunction(fns, defaultGenerator);
  bernoulliFunction(fns, defaultGenerator);
  defineFunction(
    fns,
    'randint_like',
    new ArgParser('randint_like', [
      `(Tensor input, int high, *, torch.Generator generator, torch.memory_format memory_format = None, ${FACTORY_KW})`,
      `(Tensor input, int high, *, torch.memory_format memory_format = None, ${FACTORY_KW})`,
      `(Tensor input, int low, int high, *, torch.Generator generator, torch.memory_format memory_format = None, ${FACTORY_KW})`,
      `(Tensor input, int low, int high, *, torch.memory_format memory_format = None, ${FACTORY_KW})`,
    ]),
    (a, index) => {
      // empty_like(input).random_(low, high): randint's draws, in the input's dtype by default
      checkFactoryOptions(a);
      const t = /** @type {Tensor} */ (a.input);
      const low = index < 2 ? 0n : unpackLong(a.low);
      const high = unpackLong(a.high);
      const dtype = dtypeArg(a.dtype) ?? t.dtype;
      checkRandintBounds(low, high, dtype);
      const g = generatorOf(a.generator, defaultGenerator);
      const values = g.randint(low, high, t.numel);
      return applyRequiresGrad(
        Tensor.of(castInts(values, dtype), [...t.shape], dtype),
        a.requires_grad,
      );
    },
  );
  multinomialFunction(fns, defaultGenerator);
  poissonFunction(fns, defaultGenerator);
}

/**
 * torch.poisson(input, generator=None)
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function poissonFunction(fns, defaultGenerator) {
  defineFunction(
    fns,
    'poisson',
    new ArgParser('poisson', ['(Tensor input, torch.Generator generator = None)']),
    (a) => {
      const exp = MATH.exp;
      if (!exp) throw new Unsupported('torch.poisson');
      return poisson(a.input, generatorOf(a.generator, defaultGenerator), exp);
    },
  );
}

/**
 * torch.multinomial(input, num_samples, replacement=False, *, generator=None)
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function multinomialFunction(fns, defaultGenerator) {
  defineFunction(
    fns,
    'multinomial',
    new ArgParser('multinomial', [
      '(Tensor input, int num_samples, bool replacement = False, *, torch.Generator generator = None, Tensor out = None)',
    ]),
    (a) => {
      if (a.out !== undefined && a.out !== null)
        throw new Unsupported('torch.multinomial(..., out=...)');
      const g = generatorOf(a.generator, defaultGenerator);
      return multinomial(a.input, unpackLong(a.num_samples), a.replacement === true, g);
    },
  );
}

/**
 * torch.normal(mean, std, size) (float mean and std only).
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function normalFunction(fns, defaultGenerator) {
  defineFunction(
    fns,
    'normal',
    new ArgParser('normal', [
      '(Tensor mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)',
      '(Tensor mean, float std = 1, *, torch.Generator generator = None, Tensor out = None)',
      '(float mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)',
      `(float mean, float std, tuple of ints size, *, torch.Generator generator = None, Tensor out = None, ${FACTORY_KW})`,
    ]),
    (a, index) => {
      if (index !== 3) return normalWithTensors(a, generatorOf(a.generator, defaultGenerator));
      checkFactoryOptions(a);
      const shape = shapeArg('normal', a.size);
      const dtype = dtypeArg(a.dtype) ?? DEFAULT_FLOAT;
      const g = generatorOf(a.generator, defaultGenerator);
      const mean = Number(a.mean instanceof Tensor ? a.mean.item() : a.mean);
      const std = Number(a.std instanceof Tensor ? a.std.item() : a.std);
      if (!(std >= 0))
        throw new PyError(
          'RuntimeError',
          `normal expects std >= 0.0, but found std ${cppDouble(std)}`,
        );
      const values = g.normal(mean, std, shapeSize(shape), dtype);
      return applyRequiresGrad(Tensor.of(values, shape, dtype), a.requires_grad);
    },
  );
}

/**
 * torch.normal with a tensor mean and/or std (ATen's normal_out_impl): a float std draws
 * `normal_(0, std)` then adds the mean; a tensor std draws `normal_(0, 1)`, multiplies by std and
 * adds the mean, in the output's dtype (the mean's, or the std's when the mean is a float).
 * @param {Record<string, any>} a @param {TorchGeneratorObject} g
 */
function normalWithTensors(a, g) {
  if (a.out !== undefined && a.out !== null) throw new Unsupported('torch.normal(..., out=...)');
  const mean = a.mean;
  const std = a.std;
  if (std instanceof Tensor) {
    if (std.values().some((/** @type {any} */ v) => !(Number(v) >= 0))) {
      throw new PyError('RuntimeError', 'normal expects all elements of std >= 0.0');
    }
  } else if (!(Number(std) >= 0)) {
    throw new PyError(
      'RuntimeError',
      `normal expects std >= 0.0, but found std ${cppDouble(Number(std))}`,
    );
  }
  const like = mean instanceof Tensor ? mean : /** @type {Tensor} */ (std);
  const shape =
    mean instanceof Tensor && std instanceof Tensor
      ? /** @type {Tensor} */ (binaryOp('+', mean, std)).shape
      : like.shape;
  const dtype = like.dtype;
  if (!dtype.isFloating) throw new Unsupported(`torch.normal of ${dtype.repr()} tensors`);
  const n = shapeSize([...shape]);
  if (std instanceof Tensor) {
    const z = Tensor.of(g.normal(0, 1, n, dtype), [...shape], dtype);
    return binaryOp('+', binaryOp('*', z, std), mean);
  }
  const z = Tensor.of(g.normal(0, Number(std), n, dtype), [...shape], dtype);
  return binaryOp('+', z, mean);
}

/**
 * torch.bernoulli(probs) (one draw per probability, the probabilities' dtype) and
 * torch.bernoulli(input, p) (input's shape and dtype, probability p).
 * @param {Record<string, PyBuiltin>} fns @param {TorchGeneratorObject} defaultGenerator
 */
function bernoulliFunction(fns, defaultGenerator) {
  defineFunction(
    fns,
    'bernoulli',
    new ArgParser('bernoulli', [
      '(Tensor input, *, torch.Generator generator = None, Tensor out = None)',
      '(Tensor input, float p, *, torch.Generator generator = None)',
    ]),
    (a, index) => {
      if (a.out !== undefined && a.out !== null)
        throw new Unsupported('torch.bernoulli(..., out=...)');
      const g = generatorOf(a.generator, defaultGenerator);
      const t = /** @type {Tensor} */ (a.input);
      if (index === 1) {
        const values = g.fill('bernoulli', 'torch.bernoulli', t.dtype, t.numel, floatOf(a.p, 0.5));
        // torch names this derivative's node NotImplemented
        return recordOp(Tensor.of(values, [...t.shape], t.dtype), [t], 'NotImplemented');
      }
      return recordOp(bernoulliFromProbs(g, t, t.dtype, [...t.shape]), [t], 'BernoulliBackward0');
    },
  );
}

/**
 * One Bernoulli draw per probability of `probs` (broadcast to `shape`, in element order), as a
 * tensor of `dtype`.
 * @param {TorchGeneratorObject} g @param {Tensor} probs @param {import('./dtypes.js').DType} dtype
 * @param {number[]} shape
 */
function bernoulliFromProbs(g, probs, dtype, shape) {
  if (
    ![float32, float64, int64].includes(dtype) ||
    ![float32, float64, int64].includes(probs.dtype)
  ) {
    throw new Unsupported(
      `torch.bernoulli with ${dtype === probs.dtype ? dtype.repr() : `${probs.dtype.repr()} and ${dtype.repr()}`} tensors`,
    );
  }
  checkExpandable(probs.shape, shape);
  const view = new Tensor(probs.storage.broadcastTo(shape), probs.dtype);
  const p = probs.dtype.make(view.numel);
  p.set(view.values());
  const values = g.optional('bernoulliProbs', 'torch.bernoulli')(dtype.name, p);
  return Tensor.of(values, shape, dtype);
}

/** Tensor.expand's checks (p.expand(self.shape) in bernoulli_). @param {readonly number[]} from @param {number[]} to */
function checkExpandable(from, to) {
  if (from.length > to.length) {
    throw new Unsupported('bernoulli_ with more probability dimensions than the tensor has');
  }
  for (let i = to.length - 1, j = from.length - 1; j >= 0; i--, j--) {
    if (from[j] !== to[i] && from[j] !== 1) {
      throw new PyError(
        'RuntimeError',
        `The expanded size of the tensor (${to[i]}) must match the existing size (${from[j]}) at non-singleton dimension ${i}.  Target sizes: [${to.join(', ')}].  Tensor sizes: [${from.join(', ')}]`,
      );
    }
  }
}

/** check_from_to_in_range for the dtypes that have bounds. @param {bigint} low @param {bigint} high @param {import('./dtypes.js').DType} dtype */
function checkRandintBounds(low, high, dtype) {
  if (low >= high) return; // the engine reports it
  if (dtype.isFloating || dtype === int64) return;
  const [min, max] = intRange(dtype);
  const name = C_TYPE_NAMES.get(dtype.name);
  if (low < /** @type {bigint} */ (min) || low > /** @type {bigint} */ (max)) {
    throw new PyError('RuntimeError', `from is out of bounds for ${name}`);
  }
  if (high - 1n < /** @type {bigint} */ (min) || high - 1n > /** @type {bigint} */ (max)) {
    throw new PyError('RuntimeError', `to - 1 is out of bounds for ${name}`);
  }
}

/** int64 draws as a buffer of dtype. @param {BigInt64Array} values @param {import('./dtypes.js').DType} dtype */
function castInts(values, dtype) {
  if (dtype === int64) return values;
  const out = dtype.make(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] =
      dtype === float32
        ? Math.fround(Number(v))
        : dtype === float64
          ? Number(v)
          : dtype === bool
            ? v !== 0n
              ? 1
              : 0
            : Number(v);
  }
  return out;
}

// --- in-place fills: t.uniform_(), t.normal_(), t.random_(), t.bernoulli_(), t.exponential_() --

/** Each session's default generator, by interpreter (tensor methods are shared by all sessions). */
export const DEFAULT_GENERATORS = new WeakMap();

/**
 * Defines an in-place fill method drawing from generator= or the calling session's default.
 * @param {string} name @param {string[]} signatures
 * @param {(t: Tensor, g: TorchGeneratorObject, a: Record<string, any>, index: number) => any} fillValues
 */
function fillMethod(name, signatures, fillValues) {
  const parser = new ArgParser(name, signatures);
  TENSOR_METHODS[name] = (self, args, kwargs, interp) => {
    session.interp = interp;
    const { index, values } = parser.parse(args, kwargs);
    const g =
      values.generator instanceof TorchGeneratorObject
        ? values.generator
        : DEFAULT_GENERATORS.get(interp);
    checkInplace(self);
    if (!self.storage.isContiguous())
      throw new Unsupported(`Tensor.${name} on a non-contiguous tensor`);
    const drawn = fillValues(self, g, values, index);
    const { data, offset } = self.storage;
    for (let i = 0; i < drawn.length; i++) data[offset + i] = drawn[i];
    markWritten(data, self.storage.offsets());
    return self;
  };
}

fillMethod(
  'uniform_',
  ['(float from = 0, float to = 1, *, torch.Generator generator = None)'],
  (t, g, a) =>
    g.fill('uniform', 'Tensor.uniform_', t.dtype, t.numel, floatOf(a.from, 0), floatOf(a.to, 1)),
);
fillMethod(
  'normal_',
  ['(float mean = 0, float std = 1, *, torch.Generator generator = None)'],
  (t, g, a) =>
    g.fill('normal', 'Tensor.normal_', t.dtype, t.numel, floatOf(a.mean, 0), floatOf(a.std, 1)),
);
/** t.multinomial(num_samples, replacement=False, *, generator=None) */
const MULTINOMIAL_METHOD = new ArgParser('multinomial', [
  '(int num_samples, bool replacement = False, *, torch.Generator generator = None)',
]);
TENSOR_METHODS.multinomial = (self, args, kwargs, interp) => {
  session.interp = interp;
  const { values } = MULTINOMIAL_METHOD.parse(args, kwargs);
  const g =
    values.generator instanceof TorchGeneratorObject
      ? values.generator
      : DEFAULT_GENERATORS.get(interp);
  return multinomial(
    self,
    unpackLong(/** @type {Value} */ (values.num_samples)),
    values.replacement === true,
    g,
  );
};

fillMethod('exponential_', ['(float lambd = 1, *, torch.Generator generator = None)'], (t, g, a) =>
  g.fill('exponential', 'Tensor.exponential_', t.dtype, t.numel, floatOf(a.lambd, 1)),
);
fillMethod(
  'random_',
  [
    '(*, torch.Generator generator = None)',
    '(int from, int to, *, torch.Generator generator = None)',
    '(int to, *, torch.Generator generator = None)',
  ],
  (t, g, a, index) => {
    if (index === 0) return g.fill('random', 'Tensor.random_', t.dtype, t.numel);
    const from = index === 1 ? unpackLong(a.from) : 0n;
    const to = unpackLong(a.to);
    if (t.dtype.isIntegral && t.dtype !== int64) {
      // from + draw % (to - from) is computed in int64 whatever the dtype: the same draws, stored.
      checkRandintBounds(from, to, t.dtype);
      const drawn = g.fill('randomFromTo', 'Tensor.random_', int64, t.numel, from, to);
      return castInts(/** @type {BigInt64Array} */ (drawn), t.dtype);
    }
    return g.fill('randomFromTo', 'Tensor.random_', t.dtype, t.numel, from, to);
  },
);
fillMethod(
  'bernoulli_',
  [
    '(Tensor p, *, torch.Generator generator = None)',
    '(float p = 0.5, *, torch.Generator generator = None)',
  ],
  (t, g, a, index) => {
    if (index === 0) return bernoulliFromProbs(g, a.p, t.dtype, [...t.shape]).storage.data;
    return g.fill('bernoulli', 'Tensor.bernoulli_', t.dtype, t.numel, floatOf(a.p, 0.5));
  },
);

/** t.bernoulli(): draws with t's values as probabilities; t.bernoulli(p): with probability p. */
const BERNOULLI_METHOD = new ArgParser('bernoulli', [
  '(*, torch.Generator generator = None)',
  '(float p, *, torch.Generator generator = None)',
]);
TENSOR_METHODS.bernoulli = (self, args, kwargs, interp) => {
  session.interp = interp;
  const { index, values } = BERNOULLI_METHOD.parse(args, kwargs);
  const g =
    values.generator instanceof TorchGeneratorObject
      ? values.generator
      : DEFAULT_GENERATORS.get(interp);
  if (index === 1) {
    const drawn = g.fill(
      'bernoulli',
      'Tensor.bernoulli',
      self.dtype,
      self.numel,
      floatOf(values.p, 0.5),
    );
    return recordOp(Tensor.of(drawn, [...self.shape], self.dtype), [self], 'NotImplemented');
  }
  return recordOp(
    bernoulliFromProbs(g, self, self.dtype, [...self.shape]),
    [self],
    'BernoulliBackward0',
  );
};

/** A float argument bound by the parser. @param {any} v @param {number} dflt */
function floatOf(v, dflt) {
  if (v === undefined || v === null) return dflt;
  if (v instanceof Tensor) return Number(v.item());
  return typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
}

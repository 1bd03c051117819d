// torch's random functions as Python calls them: manual_seed, seed, initial_seed, rand, randn,
// randint (sizes as ints, tuples, lists or torch.Size, with torch's argument errors), the
// generator= argument, and the *_like variants.

import { PyError, Unsupported } from '../../errors.js';
import { PyBuiltin } from '../../objects.js';
import { toInt } from '../../builtins.js';
import { ArgParser, unpackLong } from './arg-parser.js';
import { applyRequiresGrad, checkFactoryOptions, cppDouble, dtypeArg, shapeArg } from './creation.js';
import { bool, DEFAULT_FLOAT, float32, float64, int64, uint8 } from './dtypes.js';
import { getState, setState, TorchGeneratorObject } from './random.js';
import { session, Tensor } from './tensor.js';
import { shapeSize } from '../../nd/strided.js';

/** @typedef {import('../../objects.js').Value} Value */

const FACTORY_KW = 'torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False';

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
  /** @param {string} name @param {ArgParser} parser @param {(a: Record<string, any>, index: number) => Value} impl */
  const def = (name, parser, impl) => {
    fns[name] = new PyBuiltin(name, (args, kwargs, interp) => {
      session.interp = interp;
      const { index, values } = parser.parse(args, kwargs);
      return impl(values, index);
    });
  };

  fns.manual_seed = new PyBuiltin('manual_seed', (args, kwargs) => {
    if (kwargs.size > 0) {
      const [k] = kwargs.keys();
      if (k !== 'seed' || args.length > 0) throw new PyError('TypeError', `manual_seed() got an unexpected keyword argument '${k}'`);
    }
    const seed = args.length > 0 ? args[0] : kwargs.get('seed');
    if (args.length > 1) throw new PyError('TypeError', `manual_seed() takes 1 positional argument but ${args.length} were given`);
    if (seed === undefined) throw new PyError('TypeError', "manual_seed() missing 1 required positional argument: 'seed'");
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

  for (const name of ['rand', 'randn']) {
    def(
      name,
      new ArgParser(name, [
        `(tuple of ints size, *, torch.Generator generator, Tensor out = None, ${FACTORY_KW})`,
        `(tuple of ints size, *, Tensor out = None, ${FACTORY_KW})`,
      ], [
        `(tuple of ints size, *, torch.Generator generator, tuple of names names, ${FACTORY_KW})`,
        `(tuple of ints size, *, tuple of names names, ${FACTORY_KW})`,
      ]),
      (a) => {
        checkFactoryOptions(a);
        const shape = shapeArg(name, a.size);
        const dtype = dtypeArg(a.dtype) ?? DEFAULT_FLOAT;
        const g = generatorOf(a.generator, defaultGenerator);
        const n = shapeSize(shape);
        const values = name === 'rand' ? g.rand(n, dtype) : g.randn(n, dtype);
        return applyRequiresGrad(Tensor.of(dtype === float64 ? Float64Array.from(values) : values, shape, dtype), a.requires_grad);
      },
    );
  }

  def(
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
        throw new PyError('RuntimeError', 'Only Tensors of floating point and complex dtype can require gradients');
      }
      checkRandintBounds(low, high, dtype);
      const g = generatorOf(a.generator, defaultGenerator);
      const values = g.randint(low, high, shapeSize(shape));
      return applyRequiresGrad(Tensor.of(castInts(values, dtype), shape, dtype), a.requires_grad);
    },
  );

  for (const name of ['rand_like', 'randn_like']) {
    def(
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
        return applyRequiresGrad(Tensor.of(dtype === float64 ? Float64Array.from(values) : values, [...t.shape], dtype), a.requires_grad);
      },
    );
  }

  def(
    'randperm',
    new ArgParser('randperm', [
      `(int n, *, torch.Generator generator, Tensor out = None, ${FACTORY_KW})`,
      `(int n, *, Tensor out = None, ${FACTORY_KW})`,
    ]),
    (a) => {
      checkFactoryOptions(a);
      const n = unpackLong(a.n);
      if (n < 0n) throw new PyError('RuntimeError', `Trying to create tensor with negative dimension ${n}: [${n}]`);
      const dtype = dtypeArg(a.dtype) ?? int64;
      if (dtype !== int64) throw new Unsupported(`torch.randperm(..., dtype=${dtype.repr()})`);
      const g = generatorOf(a.generator, defaultGenerator);
      const values = g.randperm(Number(n));
      return applyRequiresGrad(Tensor.of(values, [Number(n)], int64), a.requires_grad);
    },
  );

  def(
    'normal',
    new ArgParser('normal', [
      '(Tensor mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)',
      '(Tensor mean, float std = 1, *, torch.Generator generator = None, Tensor out = None)',
      '(float mean, Tensor std, *, torch.Generator generator = None, Tensor out = None)',
      `(float mean, float std, tuple of ints size, *, torch.Generator generator = None, Tensor out = None, ${FACTORY_KW})`,
    ]),
    (a, index) => {
      if (index !== 3) throw new Unsupported('torch.normal with tensor means or standard deviations');
      checkFactoryOptions(a);
      const shape = shapeArg('normal', a.size);
      const dtype = dtypeArg(a.dtype) ?? DEFAULT_FLOAT;
      const g = generatorOf(a.generator, defaultGenerator);
      const mean = Number(a.mean instanceof Tensor ? a.mean.item() : a.mean);
      const std = Number(a.std instanceof Tensor ? a.std.item() : a.std);
      if (!(std >= 0)) throw new PyError('RuntimeError', `normal expects std >= 0.0, but found std ${cppDouble(std)}`);
      const values = g.normal(mean, std, shapeSize(shape), dtype);
      return applyRequiresGrad(Tensor.of(values, shape, dtype), a.requires_grad);
    },
  );

  for (const name of ['bernoulli', 'multinomial', 'poisson', 'randint_like']) {
    fns[name] = new PyBuiltin(name, () => {
      throw new Unsupported(`torch.${name}`);
    });
  }
  return fns;
}

/** check_from_to_in_range for the dtypes that have bounds. @param {bigint} low @param {bigint} high @param {import('./dtypes.js').DType} dtype */
function checkRandintBounds(low, high, dtype) {
  if (low >= high) return; // the engine reports it
  const limits = dtype === uint8 ? [0n, 255n, 'unsigned char'] : dtype === bool ? [0n, 1n, 'bool'] : null;
  if (limits === null) return;
  const [min, max, name] = limits;
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
    out[i] = dtype === float32 ? Math.fround(Number(v)) : dtype === float64 ? Number(v) : dtype === bool ? (v !== 0n ? 1 : 0) : Number(v);
  }
  return out;
}

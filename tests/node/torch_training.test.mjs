// Tests of the built JS package www/pkg/seedlab.js (run scripts/build.sh first): the PyTorch
// training API (TorchGenerator's fills, state and nn.init methods, layers, dropout,
// TorchDataLoader, calculateGain, fanInAndFanOut, initConstant), replaying a representative part
// of tests/fixtures/torch_training.json (recorded from torch 2.15.0 on x86-64 Linux by
// tests/fixtures/generate_torch_training.py) bit for bit, and every recorded error.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, test } from 'node:test';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
const {
  initSync,
  calculateGain,
  fanInAndFanOut,
  initConstant,
  torchGenerator,
  TorchDataLoader,
  TorchGenerator,
} = /** @type {typeof import('../../www/pkg/seedlab.js')} */ (
  await import(new URL('seedlab.js', pkgUrl).href)
);
initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });

/** @typedef {import('../../www/pkg/seedlab.js').TorchDtype} TorchDtype */
/** @typedef {import('../../www/pkg/seedlab.js').TorchArray} TorchArray */
/** @typedef {import('../../www/pkg/seedlab.js').TorchGenerator} Generator */
/** @typedef {[number, number, string | null]} Position get_rng_state's (left, next, cached normal) */
/** @typedef {number | string} FloatArg a float; the fixture writes non-finite ones as strings */
/**
 * @typedef {object} FillOp
 * @property {string} op
 * @property {TorchDtype} dtype
 * @property {number} n
 * @property {FloatArg} [from]
 * @property {FloatArg} [to]
 * @property {FloatArg} [mean]
 * @property {FloatArg} [std]
 * @property {FloatArg} [p]
 * @property {FloatArg} [lambd]
 * @property {string} [hex]
 * @property {string[]} [i64]
 * @property {string} [x] dropout's input
 * @property {string} [y] dropout's output
 * @property {Position} pos
 */
/**
 * @typedef {object} LayerCase
 * @property {string} kind
 * @property {{ in_features: number, out_features: number, in_channels: number,
 *   out_channels: number, kernel_size: number[], groups: number, bias: boolean }} args
 * @property {TorchDtype} dtype
 * @property {number[]} weight_shape
 * @property {string} weight
 * @property {string | null} bias
 * @property {Position} pos
 */
/**
 * @typedef {object} LoaderCase
 * @property {string} seed
 * @property {number} n
 * @property {number | null} batch_size
 * @property {boolean} shuffle
 * @property {boolean} drop_last
 * @property {boolean} generator
 * @property {boolean} [replacement]
 * @property {number | null} [num_samples]
 * @property {number} len
 * @property {{ batches: number[][], global: Position, loader_gen: Position | null }[]} epochs
 */
/**
 * @typedef {object} ErrorArgs the arguments of a recorded bad call (which depend on its op)
 * @property {TorchDtype} [dtype]
 * @property {TorchDtype} [probs_dtype]
 * @property {FloatArg[]} [probs]
 * @property {FloatArg} [from]
 * @property {FloatArg | null} [to]
 * @property {FloatArg} [mean]
 * @property {FloatArg} [std]
 * @property {FloatArg} [p]
 * @property {FloatArg} [lambd]
 * @property {FloatArg} [val]
 * @property {FloatArg} [a]
 * @property {FloatArg} [b]
 * @property {FloatArg} [n]
 * @property {number} [len]
 * @property {[number, number] | null} [patch]
 * @property {string} [nonlinearity]
 * @property {string} [mode]
 * @property {string} [fn]
 * @property {number[]} [shape]
 * @property {number[]} [kernel]
 * @property {number | string} [in]
 * @property {number | string} [out]
 * @property {number} [groups]
 * @property {number | null} [batch_size]
 * @property {boolean} [shuffle]
 * @property {boolean} [drop_last]
 * @property {boolean} [replacement]
 * @property {number | null} [num_samples]
 */
/**
 * @typedef {object} ErrorCase
 * @property {string} op
 * @property {ErrorArgs} args
 * @property {string} error
 * @property {string} message
 */
/**
 * @typedef {object} InitArgs
 * @property {FloatArg | PyNumber} [a] a float, or kaiming's int-or-float negative slope
 * @property {FloatArg} [b]
 * @property {FloatArg} [mean]
 * @property {FloatArg} [std]
 * @property {FloatArg} [gain]
 * @property {FloatArg} [val]
 * @property {string} [mode]
 * @property {string} [nonlinearity]
 */
/**
 * @typedef {object} TrainingFixture
 * @property {string} torch
 * @property {{ seed: string, ops: FillOp[] }[]} fills
 * @property {{ seed: string, ops: FillOp[] }[]} intel_draws_native
 * @property {{ seed: string, ops: { probs_dtype: TorchDtype, probs: string, dtype: TorchDtype,
 *   hex?: string, i64?: string[], pos: Position }[] }[]} bernoulli_probs
 * @property {{ seed: string, n: number, sha256: string, pos: Position }[]} randperm
 * @property {{ label: string, seed: string, state: string, next_randn5: string,
 *   next_randn16_f64: string, next_randint: string[] }[]} states
 * @property {{ gains: { nonlinearity: string, param: PyNumber | null, gain: PyNumber }[],
 *   fans: { shape: number[], fans: [number, number] }[],
 *   ops: { fn: string, shape: number[], dtype: TorchDtype, args: InitArgs,
 *   hex: string, pos: Position }[] }} init
 * @property {{ seed: string, layers: LayerCase[] }[]} layers
 * @property {{ seed: string, inputs: { dtype: TorchDtype, x: string, runs: { how: string,
 *   p: number, y: string, pos: Position }[] }[] }[]} dropout
 * @property {LoaderCase[]} dataloader
 * @property {ErrorCase[]} errors
 */
/** @typedef {{ int: string } | { float: string }} PyNumber an int, or a float's hex bits */

const fixture = /** @type {TrainingFixture} */ (
  JSON.parse(fs.readFileSync(new URL('../fixtures/torch_training.json', import.meta.url), 'utf8'))
);

/**
 * A float argument of the fixture.
 * @param {FloatArg | undefined} x
 */
function num(x) {
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  return Number(x);
}

/**
 * Values recorded as big-endian bit patterns in hex (8 digits a float32, 16 a float64).
 * @param {string} hex
 * @param {TorchDtype} dtype
 * @returns {TorchArray}
 */
function fromHex(hex, dtype) {
  const bytes = Buffer.from(hex, 'hex');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dtype === 'float32') {
    return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(4 * i));
  }
  if (dtype === 'float64') {
    return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(8 * i));
  }
  throw new Error('int64 values are recorded as decimal strings');
}

/**
 * The recorded values of an op: `i64` for int64, else hex.
 * @param {{ hex?: string, i64?: string[] }} op
 * @param {TorchDtype} dtype
 * @returns {TorchArray}
 */
function recorded(op, dtype) {
  if (dtype === 'int64' && op.i64) return BigInt64Array.from(op.i64, BigInt);
  return fromHex(op.hex ?? '', dtype);
}

/**
 * Asserts the same typed array type and the same bits (NaN payloads and -0 included); returns
 * how many values were compared.
 * @param {TorchArray} got
 * @param {TorchArray} want
 * @param {string} what
 */
function assertSameBits(got, want, what) {
  assert.equal(got.constructor, want.constructor, `${what}: ${got.constructor.name}`);
  assert.equal(got.length, want.length, `${what}: length`);
  const bytes = (/** @type {TorchArray} */ a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  assert.ok(bytes(got).equals(bytes(want)), `${what}: values differ`);
  return want.length;
}

/**
 * How many values have the same bits, for the float64 normals of 16 or more elements, which go
 * through glibc's cos and sin: those misround about 0.13 % of inputs, seedlab's do not (README).
 * @param {TorchArray} got
 * @param {TorchArray} want
 * @param {string} what
 */
function countSameBits(got, want, what) {
  assert.ok(got instanceof Float64Array && want instanceof Float64Array, what);
  assert.equal(got.length, want.length, `${what}: length`);
  const bits = (/** @type {Float64Array} */ a) =>
    new BigUint64Array(a.buffer, a.byteOffset, a.length);
  const [g, w] = [bits(got), bits(want)];
  return w.filter((x, i) => x === g[i]).length;
}

/** Values compared, bit-identical; the float64 normals through glibc's cos/sin apart. */
class Tally {
  compared = 0;
  libmCompared = 0;
  libmIdentical = 0;

  /**
   * Compares bit for bit (or counts, for float64 normals of 16 or more).
   * @param {TorchArray} got
   * @param {TorchArray} want
   * @param {string} what
   * @param {boolean} libm whether the values are float64 normals of n >= 16
   */
  add(got, want, what, libm) {
    if (libm && want.length >= 16) {
      this.libmIdentical += countSameBits(got, want, what);
      this.libmCompared += want.length;
    } else {
      this.compared += assertSameBits(got, want, what);
    }
  }

  /** @param {import('node:test').TestContext} t */
  report(t) {
    t.diagnostic(`${this.compared} values bit-identical`);
    if (this.libmCompared > 0) {
      t.diagnostic(
        `float64 normals (n >= 16, glibc cos/sin): ${this.libmIdentical} of ${this.libmCompared} bit-identical`,
      );
      assert.ok(this.libmIdentical >= this.libmCompared * 0.998);
    }
  }
}

/**
 * The generator's position as get_rng_state reports it.
 * @param {Generator} g
 * @returns {Position}
 */
function position(g) {
  const state = g.getState();
  const view = new DataView(state.buffer, state.byteOffset, state.byteLength);
  const cached = Buffer.from(state.subarray(5024, 5032)).reverse().toString('hex');
  const valid = view.getInt32(5040, true) !== 0;
  return [view.getInt32(8, true), Number(view.getBigUint64(16, true)), valid ? cached : null];
}

/**
 * One fill op of the fixtures, as the JS API calls it.
 * @param {Generator} g
 * @param {FillOp} op
 */
function fill(g, op) {
  const { dtype, n } = op;
  switch (op.op) {
    case 'rand':
      return g.uniform(dtype, n);
    case 'uniform_':
      return g.uniform(dtype, n, num(op.from), num(op.to));
    case 'randn':
      return g.normal(dtype, n);
    case 'normal_':
    case 'torch.normal':
      return g.normal(dtype, n, num(op.mean), num(op.std));
    case 'random_':
      return g.random(dtype, n);
    case 'random_from_to_':
    case 'randint':
      return g.randomFromTo(dtype, n, BigInt(op.from ?? 0), op.to == null ? null : BigInt(op.to));
    case 'bernoulli_':
      return g.bernoulli(dtype, n, num(op.p));
    case 'exponential_':
      return g.exponential(dtype, n, num(op.lambd));
    default:
      throw new Error(`fill op ${op.op}`);
  }
}

describe('TorchGenerator fills (torch.empty(n, dtype).uniform_ / normal_ / random_ / ...)', () => {
  test('every fill of seeds 0 and 17, bit for bit, with the generator position after each', (t) => {
    const tally = new Tally();
    for (const fillCase of [...fixture.fills.slice(0, 2), fixture.intel_draws_native[0]]) {
      const g = new TorchGenerator(BigInt(fillCase.seed));
      // F.dropout draws from the default generator: torch.manual_seed(seed); torch.randn(len).
      /** @type {Generator | undefined} */
      let global;
      for (const [i, op] of fillCase.ops.entries()) {
        const what = `seed ${fillCase.seed} op ${i} (${op.op} ${op.dtype} n=${op.n})`;
        if (op.op === 'dropout') {
          const x = fromHex(op.x ?? '', 'float32');
          if (!global) {
            global = new TorchGenerator(BigInt(fillCase.seed));
            global.normal('float32', x.length);
          }
          tally.add(global.dropout(x, num(op.p)), fromHex(op.y ?? '', 'float32'), what, false);
          assert.deepEqual(position(global), op.pos, what);
          continue;
        }
        const libm = op.dtype === 'float64' && ['randn', 'normal_', 'torch.normal'].includes(op.op);
        tally.add(fill(g, op), recorded(op, op.dtype), what, libm);
        assert.deepEqual(position(g), op.pos, what);
      }
    }
    tally.report(t);
    assert.ok(tally.compared > 20000);
  });

  test('results are the typed array of the dtype; int64 beyond 2**53 stays exact', () => {
    const g = new TorchGenerator(17);
    assert.ok(g.uniform('float32', 2) instanceof Float32Array);
    assert.ok(g.uniform('float64', 2) instanceof Float64Array);
    const big = g.random('int64', 64);
    assert.ok(big instanceof BigInt64Array);
    assert.ok(big.some((v) => v > 2n ** 53n));
    const near = g.randomFromTo('int64', 3, 2n ** 62n, 2n ** 62n + 2n);
    assert.ok(near.every((v) => v === 2n ** 62n || v === 2n ** 62n + 1n));
    // The existing methods keep their types.
    assert.ok(g.randint(0, 10, 2) instanceof Float64Array);
    assert.ok(g.randn(2) instanceof Float32Array);
  });

  test('rand / randn are uniform / normal with the defaults (0, 1) and dtype float32', () => {
    assertSameBits(
      new TorchGenerator(17).uniform('float32', 20),
      new TorchGenerator(17).rand(20),
      'rand',
    );
    assertSameBits(
      new TorchGenerator(17).normal('float32', 20),
      new TorchGenerator(17).randn(20),
      'randn',
    );
  });

  test('bernoulliProbs: torch.bernoulli(probs), one draw per probability', (t) => {
    let compared = 0;
    const probsCase = fixture.bernoulli_probs[0];
    const g = new TorchGenerator(BigInt(probsCase.seed));
    for (const [i, op] of probsCase.ops.entries()) {
      const probs = fromHex(op.probs, op.probs_dtype);
      const what = `op ${i}`;
      compared += assertSameBits(g.bernoulliProbs(op.dtype, probs), recorded(op, op.dtype), what);
      assert.deepEqual(position(g), op.pos, what);
    }
    t.diagnostic(`${compared} values bit-identical`);
  });

  test('randperm: torch.randperm(n) as a BigInt64Array (SHA-256 of the int64 values)', (t) => {
    /** @type {Map<string, Generator>} */
    const generators = new Map();
    let compared = 0;
    for (const c of fixture.randperm) {
      if (!generators.has(c.seed)) {
        generators.set(c.seed, new TorchGenerator(BigInt(c.seed.replace('default:', ''))));
      }
      const g = /** @type {Generator} */ (generators.get(c.seed));
      const perm = g.randperm(c.n);
      assert.ok(perm instanceof BigInt64Array);
      const bytes = Buffer.from(perm.buffer, perm.byteOffset, perm.byteLength);
      assert.equal(crypto.createHash('sha256').update(bytes).digest('hex'), c.sha256, `n=${c.n}`);
      assert.deepEqual(position(g), c.pos, `n=${c.n}`);
      compared += c.n;
    }
    t.diagnostic(`${compared} values bit-identical`);
  });
});

describe('TorchGenerator state (get_rng_state / set_rng_state, torch.Generator(), seed())', () => {
  test("getState is torch's 5056 bytes; setState restores them and the draws after", () => {
    for (const s of fixture.states) {
      const want = Uint8Array.from(Buffer.from(s.state, 'hex'));
      /** @type {Generator | undefined} */
      let rebuilt;
      if (s.label === 'fresh') rebuilt = new TorchGenerator(BigInt(s.seed));
      if (s.label === 'torch.Generator()') rebuilt = torchGenerator();
      if (s.label === 'after randn(3): cached normal') {
        rebuilt = new TorchGenerator(BigInt(s.seed));
        rebuilt.randn(3);
      }
      if (rebuilt) assert.deepEqual(rebuilt.getState(), want, s.label);
      const g = new TorchGenerator(1);
      g.setState(want);
      assert.deepEqual(g.getState(), want, `${s.label}: round trip`);
      assertSameBits(g.randn(5), fromHex(s.next_randn5, 'float32'), `${s.label}: randn(5)`);
      assertSameBits(g.normal('float64', 16), fromHex(s.next_randn16_f64, 'float64'), s.label);
      assert.deepEqual(Array.from(g.randint(0, 1000, 7)), s.next_randint.map(Number), s.label);
    }
  });

  test('torchGenerator() is seeded with 67280421310721; seed() reseeds from OS entropy', () => {
    assert.equal(torchGenerator().initialSeed(), 67280421310721n);
    const g = new TorchGenerator(17);
    const seed = g.seed();
    assert.equal(typeof seed, 'bigint');
    assert.equal(g.initialSeed(), seed);
    assertSameBits(g.rand(5), new TorchGenerator(seed).rand(5), 'after seed()');
  });

  test('setState refuses bytes that are not a state, and leaves the generator unchanged', () => {
    const g = new TorchGenerator(17);
    const before = g.getState();
    assertPyError(
      () => g.setState(new Uint8Array(10)),
      'RuntimeError',
      'Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 10',
    );
    assertPyError(() => g.setState(new Uint8Array(5056)), 'RuntimeError', 'Invalid mt19937 state');
    assert.deepEqual(g.getState(), before);
  });
});

/**
 * A Python number of the fixture as calculateGain returns it: an int as a BigInt.
 * @param {PyNumber} x
 */
function pyNumber(x) {
  if ('int' in x) return BigInt(x.int);
  const bytes = Buffer.from(x.float, 'hex');
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0);
}

/**
 * One nn.init call on torch.empty(shape, dtype=dtype), as the JS API makes it.
 * @param {Generator} g
 * @param {string} fn
 * @param {TorchDtype} dtype
 * @param {number[]} shape
 * @param {InitArgs} args
 * @returns {TorchArray}
 */
function initOp(g, fn, dtype, shape, args) {
  const n = shape.reduce((x, y) => x * y, 1);
  // An argument left out takes the JS API's default, torch's.
  const f = (/** @type {FloatArg | PyNumber | undefined} */ x) =>
    x === undefined ? undefined : num(/** @type {FloatArg} */ (x));
  switch (fn) {
    case 'uniform_':
      return g.uniform(dtype, n, f(args.a), f(args.b));
    case 'normal_':
      return g.normal(dtype, n, f(args.mean), f(args.std));
    case 'kaiming_uniform_':
    case 'kaiming_normal_': {
      const slope = args.a === undefined ? undefined : pyNumber(/** @type {PyNumber} */ (args.a));
      return fn === 'kaiming_uniform_'
        ? g.kaimingUniform(dtype, shape, slope, args.mode, args.nonlinearity)
        : g.kaimingNormal(dtype, shape, slope, args.mode, args.nonlinearity);
    }
    case 'xavier_uniform_':
      return g.xavierUniform(dtype, shape, f(args.gain));
    case 'xavier_normal_':
      return g.xavierNormal(dtype, shape, f(args.gain));
    case 'trunc_normal_':
      return g.truncNormal(dtype, n, f(args.mean), f(args.std), f(args.a), f(args.b));
    case 'constant_':
      return initConstant(dtype, n, num(args.val));
    default:
      return initConstant(dtype, n, fn === 'ones_' ? 1 : 0);
  }
}

describe('nn.init (calculateGain, fanInAndFanOut, the initialisers, initConstant)', () => {
  test('calculateGain: ints as BigInt, floats as Number, bit for bit', () => {
    for (const c of fixture.init.gains) {
      const param = c.param === null ? undefined : pyNumber(c.param);
      assert.ok(Object.is(calculateGain(c.nonlinearity, param), pyNumber(c.gain)), c.nonlinearity);
    }
    assert.equal(calculateGain('linear'), 1n);
    assert.equal(calculateGain('relu'), Math.SQRT2);
  });

  test('fanInAndFanOut: [fanIn, fanOut] as BigInts, exact beyond 2**64', () => {
    for (const c of fixture.init.fans) {
      assert.deepEqual(fanInAndFanOut(c.shape), c.fans.map(BigInt), String(c.shape));
    }
    // torch 2.15.0: _calculate_fan_in_and_fan_out(torch.empty([2**40, 0, 2**40])).
    assert.deepEqual(fanInAndFanOut([2 ** 40, 0, 2 ** 40]), [0n, 2n ** 80n]);
  });

  test('every nn.init op of the fixture from one generator, in order', (t) => {
    const g = new TorchGenerator(11);
    const tally = new Tally();
    for (const [i, op] of fixture.init.ops.entries()) {
      const what = `op ${i} (${op.fn} ${op.shape} ${op.dtype})`;
      const got = initOp(g, op.fn, op.dtype, op.shape, op.args);
      const libm = op.dtype === 'float64' && op.fn.includes('normal');
      tally.add(got, fromHex(op.hex, op.dtype), what, libm);
      assert.deepEqual(position(g), op.pos, what);
    }
    tally.report(t);
    assert.ok(tally.compared > 25000);
  });

  test('kaiming defaults: a = 0 (int), fan_in, leaky_relu; zero-element shapes draw nothing', () => {
    assertSameBits(
      new TorchGenerator(3).kaimingUniform('float32', [4, 5]),
      new TorchGenerator(3).kaimingUniform('float32', [4, 5], 0n, 'fan_in', 'leaky_relu'),
      'defaults',
    );
    const g = new TorchGenerator(3);
    const empty = g.kaimingNormal('float64', [0, 3], undefined, 'not a mode');
    assert.ok(empty instanceof Float64Array && empty.length === 0);
    assert.deepEqual(g.getState(), new TorchGenerator(3).getState());
  });
});

describe('nn.Linear / nn.Conv1d / nn.Conv2d default initialisation', () => {
  test('parameters in draw order: weight, then bias, with names, shapes and values', (t) => {
    let compared = 0;
    for (const layerCase of fixture.layers) {
      const g = new TorchGenerator(BigInt(layerCase.seed));
      for (const [i, layer] of layerCase.layers.entries()) {
        const a = layer.args;
        const params =
          layer.kind === 'linear'
            ? g.linear(a.in_features, a.out_features, a.bias, layer.dtype)
            : g.conv(a.in_channels, a.out_channels, a.kernel_size, a.groups, a.bias, layer.dtype);
        const what = `seed ${layerCase.seed} #${i} ${layer.kind}`;
        assert.deepEqual(
          params.map((p) => p.name),
          layer.bias === null ? ['weight'] : ['weight', 'bias'],
          what,
        );
        assert.deepEqual(params[0].shape, layer.weight_shape, what);
        compared += assertSameBits(params[0].values, fromHex(layer.weight, layer.dtype), what);
        if (layer.bias !== null) {
          assert.deepEqual(params[1].shape, [layer.weight_shape[0]], what);
          compared += assertSameBits(params[1].values, fromHex(layer.bias, layer.dtype), what);
        }
        assert.deepEqual(position(g), layer.pos, what);
      }
    }
    t.diagnostic(`${compared} values bit-identical`);
  });

  test('defaults: bias = true, groups = 1, dtype = float32', () => {
    const [weight, bias] = new TorchGenerator(0).linear(4, 3);
    assert.ok(weight.values instanceof Float32Array && bias.values instanceof Float32Array);
    const conv = new TorchGenerator(0).conv(2, 4, [3, 3]);
    assert.deepEqual(conv[0].shape, [4, 2, 3, 3]);
    assert.deepEqual(
      conv.map((p) => p.values),
      new TorchGenerator(0).conv(2, 4, [3, 3], 1, true, 'float32').map((p) => p.values),
    );
  });
});

describe('dropout (F.dropout / nn.Dropout, train and eval)', () => {
  test('the dropout fixture of seed 0', (t) => {
    let compared = 0;
    const dropoutCase = fixture.dropout[0];
    const g = new TorchGenerator(BigInt(dropoutCase.seed));
    for (const input of dropoutCase.inputs) {
      const x = fromHex(input.x, input.dtype);
      g.normal(input.dtype, x.length); // x = torch.randn(n, dtype), then edited
      for (const run of input.runs) {
        const what = `${run.how} p=${run.p} ${input.dtype} n=${x.length}`;
        const y = g.dropout(x, run.p, run.how !== 'nn.Dropout.eval');
        compared += assertSameBits(y, fromHex(run.y, input.dtype), what);
        assert.deepEqual(position(g), run.pos, what);
      }
    }
    t.diagnostic(`${compared} values bit-identical`);
  });
});

/**
 * Every epoch of a DataLoader case, as Python's `[b for b in loader]`.
 * @param {LoaderCase} c
 */
function replayLoader(c) {
  const global = new TorchGenerator(BigInt(c.seed));
  const own = new TorchGenerator(BigInt(c.seed) + 1n);
  const loader =
    c.replacement === undefined
      ? new TorchDataLoader(c.n, c.batch_size, c.shuffle, c.drop_last, c.generator)
      : TorchDataLoader.withRandomSampler(
          c.n,
          c.batch_size,
          c.replacement,
          c.num_samples ?? null,
          c.generator,
        );
  assert.equal(loader.length, c.len);
  let compared = 0;
  for (const [e, epoch] of c.epochs.entries()) {
    const what = `${JSON.stringify({ ...c, epochs: undefined })} epoch ${e}`;
    const g = c.generator ? own : global;
    // Step by step on even epochs, with the whole-epoch helper on odd ones.
    /** @type {number[][]} */
    const batches = [];
    if (e % 2 === 0) {
      const it = loader.iter(g);
      for (let batch = it.nextBatch(g); batch; batch = it.nextBatch(g)) {
        batches.push(Array.from(batch, Number));
      }
      assert.equal(it.nextBatch(g), undefined, `${what}: stays finished`);
    } else {
      batches.push(...loader.epoch(g).map((b) => Array.from(b, Number)));
    }
    assert.deepEqual(batches, epoch.batches, what);
    assert.deepEqual(position(global), epoch.global, what);
    if (epoch.loader_gen) assert.deepEqual(position(own), epoch.loader_gen, what);
    compared += batches.flat().length;
  }
  return compared;
}

describe('TorchDataLoader (torch.utils.data.DataLoader, num_workers=0)', () => {
  test('every loader of the fixture: batches, len, and both generators after each epoch', (t) => {
    let compared = 0;
    for (const c of fixture.dataloader) compared += replayLoader(c);
    t.diagnostic(`${compared} batch indices identical`);
  });

  test('iter draws the base seed; the first nextBatch seeds the sampler from the global one', () => {
    const global = new TorchGenerator(0);
    const loader = new TorchDataLoader(10, 4, true);
    const it = loader.iter(global);
    assert.equal(typeof it.baseSeed, 'bigint');
    assert.deepEqual(position(global), [623, 2, null]);
    it.nextBatch(global);
    assert.deepEqual(position(global), [621, 4, null]);
  });
});

/**
 * Asserts f throws an Error with this Python exception name and message.
 * @param {() => unknown} f
 * @param {string} name
 * @param {string} message
 */
function assertPyError(f, name, message) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, `expected an Error object, got ${typeof e}: ${String(e)}`);
    assert.equal(e.name, name);
    assert.equal(e.message, message);
    return true;
  });
}

/**
 * An argument the case must have.
 * @template T
 * @param {T | undefined} x
 * @returns {T}
 */
function need(x) {
  if (x === undefined) throw new Error('argument missing from the error case');
  return x;
}

/**
 * Runs one recorded bad call through the JS API.
 * @param {ErrorCase} c
 */
function callWithError(c) {
  const a = c.args;
  const g = new TorchGenerator(0);
  const d = () => need(a.dtype ?? a.probs_dtype);
  const int = (/** @type {FloatArg | undefined} */ x) => BigInt(need(x));
  switch (c.op) {
    case 'rand':
      return g.uniform(d(), 3);
    case 'randn':
      return g.normal(d(), 3);
    case 'uniform_':
      return g.uniform(d(), 3, num(a.from), num(a.to ?? undefined));
    case 'normal_':
      return g.normal(d(), 3, num(a.mean), num(a.std));
    case 'bernoulli_':
      return g.bernoulli(d(), 3, num(a.p));
    case 'exponential_':
      return g.exponential(d(), 3, num(a.lambd));
    case 'random_from_to_':
      return g.randomFromTo(d(), 3, int(a.from), a.to === null ? null : int(a.to));
    case 'bernoulli_probs': {
      const [p, dtype] = [need(a.probs), d()];
      if (dtype === 'float32') return g.bernoulliProbs(dtype, Float32Array.from(p, num));
      if (dtype === 'float64') return g.bernoulliProbs(dtype, Float64Array.from(p, num));
      return g.bernoulliProbs(
        dtype,
        BigInt64Array.from(p, (x) => BigInt(x)),
      );
    }
    case 'randperm':
      return g.randperm(int(a.n));
    case 'set_rng_state':
      return g.setState(stateBytes(need(a.len), a.patch ?? null));
    case 'dropout':
      return g.dropout(new Float32Array([1, 1, 1]), num(a.p));
    case 'dropout_int64':
      return g.dropout(new BigInt64Array([1n, 1n, 1n]), num(a.p));
    case 'calculate_gain':
      return calculateGain(need(a.nonlinearity));
    case 'fan':
      return fanInAndFanOut(need(a.shape));
    case 'kaiming_mode':
      return g.kaimingUniform('float32', [3, 3], undefined, a.mode);
    case 'xavier_zero':
      return g.xavierUniform('float32', need(a.shape));
    case 'conv':
      return g.conv(int(a.in), int(a.out), a.kernel ?? [3, 3], a.groups);
    case 'linear':
      return g.linear(int(a.in), int(a.out));
    case 'dataloader':
    case 'dataloader_epoch': {
      const [n, batchSize] = [num(a.n), need(a.batch_size)];
      const loader =
        a.replacement === undefined
          ? new TorchDataLoader(n, batchSize, a.shuffle, a.drop_last)
          : TorchDataLoader.withRandomSampler(
              n,
              batchSize,
              a.replacement,
              a.num_samples ?? null,
              false,
            );
      return c.op === 'dataloader' ? loader : loader.epoch(g);
    }
    case 'empty':
      return g.random(d(), num(a.n));
    case 'init_shape':
      return initOp(g, need(a.fn), d(), need(a.shape), { mode: a.mode });
    case 'constant':
      return initConstant(d(), 3, num(a.val));
    case 'trunc_normal':
      return g.truncNormal(d(), 16, num(a.mean), num(a.std), num(a.a), num(a.b));
    default:
      throw new Error(`no JS call for error case ${c.op}`);
  }
}

/**
 * A state of `len` bytes: zeros, or a real state with one field patched (an int32, or the
 * uint64 `next` at offset 16).
 * @param {number} len
 * @param {[number, number] | null} patch
 */
function stateBytes(len, patch) {
  const bytes = new Uint8Array(len);
  if (patch) {
    bytes.set(new TorchGenerator(3).getState().subarray(0, len));
    const view = new DataView(bytes.buffer);
    const [at, value] = patch;
    if (at === 16) view.setBigUint64(at, BigInt(value), true);
    else view.setInt32(at, value, true);
  }
  return bytes;
}

describe("errors: torch's exception and message as the JS Error's name and message", () => {
  test('every error case of the fixture', (t) => {
    for (const c of fixture.errors) {
      const what = `${c.op} ${JSON.stringify(c.args)}`;
      if (c.error === 'no error') {
        assert.doesNotThrow(() => callWithError(c), what);
      } else {
        assertPyError(() => callWithError(c), c.error, c.message);
      }
    }
    t.diagnostic(`${fixture.errors.length} cases: torch's exception type and message`);
    assert.ok(fixture.errors.length >= 100);
  });

  test('what only JS can pass throws a TypeError that names it', () => {
    const g = new TorchGenerator(17);
    const dtype = /** @type {TorchDtype} */ (/** @type {unknown} */ ('float16'));
    assertPyError(
      () => g.uniform(dtype, 3),
      'TypeError',
      "dtype must be 'float32', 'float64' or 'int64', got 'float16'",
    );
    const notTyped = /** @type {TorchArray} */ (/** @type {unknown} */ ([1, 2]));
    assertPyError(
      () => g.dropout(notTyped),
      'TypeError',
      'input must be a Float32Array, Float64Array or BigInt64Array (float32, float64, int64), got a object',
    );
    // torch.randperm(2.5) raises exactly this.
    assertPyError(
      () => g.randperm(2.5),
      'TypeError',
      "randperm(): argument 'n' (position 1) must be int, not float",
    );
    assertPyError(() => g.linear(2.5, 3), 'TypeError', 'inFeatures must be an integer, got 2.5');
    assertPyError(
      () => g.conv(3, 4, [3, 0.5]),
      'TypeError',
      'kernelSize[1] must be an integer, got 0.5',
    );
    assertPyError(
      () => new TorchDataLoader(10, 2.5),
      'TypeError',
      'batchSize must be an integer, got 2.5',
    );
    assertPyError(
      () => g.truncNormal('float32', 3, 0, 1, 2, 3),
      'ValueError',
      "trunc_normal_ with a window of probability about 0.021 (not clearly above 0.3) samples through torch's vectorised log, which seedlab does not reproduce exactly",
    );
    // Nothing was drawn by the calls that threw.
    assert.deepEqual(g.getState(), new TorchGenerator(17).getState());
  });
});

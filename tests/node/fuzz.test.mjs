// A property test of the JS API as other people's code calls it: random arguments of every JS
// type (undefined, null, booleans, Numbers of every kind, BigInts, strings, symbols, objects,
// Arrays, typed arrays, functions, other seedlab objects, freed ones) to every constructor,
// method, getter and function that the built package www/pkg/seedlab.js exports (walked from
// the module and its .d.ts, so a new export is fuzzed without a change here). Properties:
//   - a call returns or throws a JS Error whose name is a Python exception's (or R's "Error",
//     or wasm-bindgen's own "Error" for a freed object) with a message: never a WebAssembly trap
//     (a Rust panic ends in one) and never a non-Error value;
//   - a generator whose call threw keeps its state: its next draws and its state equal those of
//     a twin that made the same calls except the one that threw (apart from the calls below
//     that, like Python, change the state before raising).
// FUZZ_SEED=n picks another sequence; FUZZ_CALLS=n the number of calls (default 6,000).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';

const pkgUrl = new URL('../../www/pkg/', import.meta.url);
if (!fs.existsSync(new URL('seedlab_bg.wasm', pkgUrl))) {
  throw new Error('www/pkg/seedlab_bg.wasm not found: run scripts/build.sh first');
}
/** @type {Record<string, any>} */
const seedlab = await import(new URL('seedlab.js', pkgUrl).href);
seedlab.initSync({ module: fs.readFileSync(new URL('seedlab_bg.wasm', pkgUrl)) });
const declarations = fs.readFileSync(new URL('seedlab.d.ts', pkgUrl), 'utf8');

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CALLS = Number(process.env.FUZZ_CALLS ?? 6000);

/** The exception names a call may throw: Python's (as the libraries raise them) and R's. */
const ERROR_NAMES = new Set([
  'ValueError',
  'TypeError',
  'OverflowError',
  'IndexError',
  'KeyError',
  'MemoryError',
  'RuntimeError',
  'ZeroDivisionError',
  'NotImplementedError',
  'AxisError', // numpy.exceptions.AxisError
  'Error', // R's errors; wasm-bindgen's "null pointer passed to rust" for a freed object
]);

/**
 * Calls that, like the Python they reproduce, change the generator's state and then raise:
 * they are fuzzed for their errors but not held to keeping the state.
 */
const RAISE_AFTER_CHANGING_STATE = new Set([
  'PyRandom.expovariate', // expovariate(0): random() is drawn, then ZeroDivisionError
  'PyRandom.lognormvariate', // normalvariate's draws, then math.exp's OverflowError
  'PyRandom.setstate', // gauss_next is stored before the state's checks, as CPython does
  'RandomState.setState', // NumPy's partial updates: the gaussian, then the key word by word
]);

// --- a small PRNG for the fuzz itself (xorshift128+ on BigInts, reproducible) ---------------
let s0 = BigInt(FUZZ_SEED) | 1n;
let s1 = 0x9e3779b97f4a7c15n;
const MASK = (1n << 64n) - 1n;
function next64() {
  let x = s0;
  const y = s1;
  s0 = y;
  x ^= (x << 23n) & MASK;
  s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
  return (s1 + y) & MASK;
}
/** @param {number} n */
const below = (n) => Number(next64() % BigInt(n));
/** @template T @param {readonly T[]} items @returns {T} */
const pick = (items) => items[below(items.length)];

// --- the API, walked from the module ---------------------------------------------------------
const LOADER = new Set(['default', 'initSync']);
const SKIP_MEMBERS = new Set(['constructor', 'free', '__destroy_into_raw']);

/** Classes whose declared constructor is public (the others are made by functions). */
const constructible = new Set(
  [...declarations.matchAll(/export class (\w+) \{([\s\S]*?)\n\}/g)]
    .filter(([, , body]) => /\n {4}constructor\(/.test(body))
    .map(([, name]) => name),
);

const classes = Object.entries(seedlab).filter(
  ([name, value]) => typeof value === 'function' && /^[A-Z]/.test(name) && value.prototype,
);
const functions = Object.entries(seedlab).filter(
  ([name, value]) => typeof value === 'function' && /^[a-z]/.test(name) && !LOADER.has(name),
);

/**
 * A callable member: how to call it, its name, its declared parameter count.
 * @typedef {{ name: string, arity: number, call: (target: any, args: unknown[]) => unknown,
 *   owner?: string }} Member
 */

/** @type {Member[]} */
const members = [];
for (const [className, Class] of classes) {
  if (constructible.has(className)) {
    members.push({
      name: `new ${className}`,
      arity: Class.length,
      call: (_, args) => new Class(...args),
    });
  }
  for (const key of Object.getOwnPropertyNames(Class)) {
    if (['length', 'name', 'prototype'].includes(key) || key.startsWith('__')) continue;
    members.push({
      name: `${className}.${key}`,
      arity: Class[key].length,
      call: (_, args) => Class[key](...args),
    });
  }
  for (const key of Object.getOwnPropertyNames(Class.prototype)) {
    if (SKIP_MEMBERS.has(key)) continue;
    const descriptor = /** @type {PropertyDescriptor} */ (
      Object.getOwnPropertyDescriptor(Class.prototype, key)
    );
    members.push({
      name: `${className}.${key}`,
      owner: className,
      arity: descriptor.get ? 0 : descriptor.value.length,
      call: descriptor.get ? (target) => target[key] : (target, args) => target[key](...args),
    });
  }
}
for (const [name, f] of functions) {
  members.push({ name, arity: f.length, call: (_, args) => f(...args) });
}

// --- receivers and their twins ---------------------------------------------------------------
/** How to make a fresh receiver of each class, and how to read its state and next draws. */
const MAKERS = /** @type {Record<string, { make: () => any, state?: (g: any) => unknown }>} */ ({
  RandomState: {
    make: () => new seedlab.RandomState(17),
    state: (g) => [g.getState(), g.rand(3)],
  },
  Generator: {
    make: () => seedlab.defaultRng(17),
    state: (g) => [g.bitGeneratorState(), g.random(3)],
  },
  PyRandom: { make: () => new seedlab.PyRandom(17), state: (g) => [g.getstate(), g.random(3)] },
  RRandom: { make: () => new seedlab.RRandom(17), state: (g) => [g.randomSeed(), g.runif(3)] },
  RustRng: { make: () => new seedlab.RustRng(17), state: (g) => [g.random(3)] },
  TorchGenerator: {
    make: () => new seedlab.TorchGenerator(17),
    state: (g) => [g.getState(), g.rand(3)],
  },
  TorchDataLoader: { make: () => new seedlab.TorchDataLoader(10, 3, true) },
  TorchDataLoaderIter: {
    make: () => new seedlab.TorchDataLoader(10, 3, true).iter(new seedlab.TorchGenerator(1)),
  },
});

test('the walk found the whole API', () => {
  for (const [name] of classes) assert.ok(MAKERS[name], `no receiver for class ${name}`);
  assert.ok(members.length > 120, `${members.length} members`);
  assert.ok(constructible.has('RandomState') && !constructible.has('Generator'));
});

// --- arguments of every JS type --------------------------------------------------------------
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  2,
  3,
  5,
  17,
  0.5,
  -0.5,
  1.5,
  1e-300,
  5e-324,
  0.1,
  0.9,
  1 / 3,
  255,
  256,
  624,
  625,
  1000,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  2 ** 64,
  1e308,
  Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];
const BIGINTS = [0n, 1n, -1n, 17n, 2n ** 31n, 2n ** 32n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n];
BIGINTS.push(2n ** 64n - 1n, 2n ** 128n, -(2n ** 200n));
const STRINGS = ['', 'abc', '17', 'float32', 'float64', 'int64', 'uint8', 'bool', 'fan_in'];
STRINGS.push('fan_out', 'leaky_relu', 'relu', 'tanh', 'ℝ', '\0', 'x'.repeat(1000));
const TYPED = [
  Float64Array,
  Float32Array,
  BigInt64Array,
  BigUint64Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
];

/** @type {any[]} */
const freed = [];
/** Objects of seedlab's classes to pass as arguments (not the receiver itself). */
const others = () => Object.values(MAKERS).map((m) => m.make());

/** A random JS value of a random type. @returns {unknown} */
function randomValue(depth = 0) {
  switch (below(16)) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return below(2) === 0;
    case 3:
    case 4:
      return pick(NUMBERS);
    case 5:
      return below(2) ? below(100) : (below(2) ? -1 : 1) * below(2 ** 30);
    case 6:
      return below(2) ? pick(BIGINTS) : BigInt(below(1000)) - 500n;
    case 7:
      return pick(STRINGS);
    case 8:
      return Symbol('fuzz');
    case 9: {
      const Typed = pick(TYPED);
      const length = pick([0, 1, 2, 3, 4, 7, 16]);
      const array = new Typed(length);
      for (let i = 0; i < length; i++) {
        const v = below(2) ? below(5) : pick([0.25, 1.5, -3]);
        array[i] = /** @type {never} */ (
          array instanceof BigInt64Array || array instanceof BigUint64Array
            ? BigInt(Math.trunc(v))
            : v
        );
      }
      return array;
    }
    case 10:
    case 11: {
      const length = pick([0, 1, 2, 3, 4, 5]);
      return Array.from({ length }, () =>
        depth < 2 ? randomValue(depth + 1) : pick([0, 1, 0.5, 2n]),
      );
    }
    case 12:
      return pick(
        /** @type {object[]} */ ([
          {},
          { length: 3 },
          { valueOf: () => 3 },
          new Date(0),
          new Map(),
          /x/,
        ]),
      );
    case 13:
      return () => 1;
    case 14:
      return pick(others());
    default:
      return freed.length ? pick(freed) : pick(NUMBERS);
  }
}

/**
 * Checks what a call threw. wasm-bindgen's own "null pointer passed to rust" is accepted only
 * for a call given a freed object; its "recursive use of an object" (a generator left borrowed
 * by an earlier call that failed halfway) never.
 * @param {string} call
 * @param {unknown} thrown
 * @param {boolean} givenFreed
 */
function assertPythonLikeError(call, thrown, givenFreed) {
  assert.ok(!(thrown instanceof WebAssembly.RuntimeError), `${call} trapped: ${String(thrown)}`);
  assert.ok(thrown instanceof Error, `${call} threw a non-Error: ${String(thrown)}`);
  assert.ok(ERROR_NAMES.has(thrown.name), `${call} threw ${thrown.name}: ${thrown.message}`);
  assert.ok(thrown.message.length > 0, `${call} threw ${thrown.name} with no message`);
  assert.doesNotMatch(thrown.message, /recursive use of an object/, `${call}: a dead handle`);
  if (/null pointer passed to rust/.test(thrown.message)) {
    assert.ok(givenFreed, `${call}: ${thrown.message}, with no freed object given`);
  }
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function describe(value) {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return 'Symbol()';
  if (typeof value === 'function') return 'function';
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name}(${/** @type {any} */ (value).length})`;
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value && typeof value === 'object') return value.constructor?.name ?? 'object';
  return String(value);
}

test(`random arguments of every type (${CALLS} calls, FUZZ_SEED=${FUZZ_SEED}): only Python-like errors, and a call that throws leaves the state as it was`, () => {
  const thrownBy = /** @type {Map<string, Set<string>>} */ (new Map());
  let calls = 0;
  let threw = 0;
  let stateChecks = 0;
  let reseeded = 0;
  const started = Date.now();
  // A receiver of each class and its twin, made afresh now and then.
  /** @type {Record<string, { a: any, b: any }>} */
  const pairs = {};
  for (; calls < CALLS; calls++) {
    const member = pick(members);
    const owner = member.owner ?? '';
    if (owner && (!pairs[owner] || below(50) === 0)) {
      pairs[owner] = { a: MAKERS[owner].make(), b: MAKERS[owner].make() };
    }
    const count = below(member.arity + 2);
    const args = Array.from({ length: count }, () => randomValue());
    const call = `${member.name}(${args.map(describe).join(', ')})`;
    const pair = owner ? pairs[owner] : undefined;
    let failed = false;
    if (process.env.FUZZ_TRACE) console.error(call);
    try {
      member.call(pair?.a, args);
    } catch (e) {
      failed = true;
      threw++;
      assertPythonLikeError(
        call,
        e,
        args.some((arg) => freed.includes(arg)),
      );
      const names = thrownBy.get(member.name) ?? new Set();
      names.add(/** @type {Error} */ (e).name);
      thrownBy.set(member.name, names);
    }
    if (!pair) continue;
    const maker = MAKERS[owner];
    const renew = () => {
      pairs[owner] = { a: maker.make(), b: maker.make() };
    };
    if (!failed) {
      // The twin makes the same call (it succeeded once, so it is a valid one).
      try {
        member.call(pair.b, args);
      } catch (e) {
        assert.fail(`${call} succeeded, then threw on its twin: ${e}`);
      }
      // Seeding from OS entropy (no seed given) parts the twins: start a new pair.
      if (maker.state && !isDeepStrictEqual(maker.state(pair.a), maker.state(pair.b))) {
        reseeded++;
        renew();
      }
      continue;
    }
    const state = maker.state;
    if (!state || RAISE_AFTER_CHANGING_STATE.has(member.name)) {
      renew();
      continue;
    }
    assert.deepEqual(state(pair.a), state(pair.b), `${call} threw and changed the state`);
    stateChecks++;
    if (below(20) === 0) {
      // Now and then free one: later calls get freed objects as arguments.
      const victim = maker.make();
      victim.free();
      freed.push(victim);
    }
  }
  const summary = [...thrownBy].map(([name, names]) => `${name}: ${[...names].join('/')}`);
  console.log(
    `# fuzz: ${calls} calls over ${members.length} members, ${threw} threw (all Python-like ` +
      `errors), ${stateChecks} state checks after a throw, ${reseeded} pairs parted by OS ` +
      `entropy and made anew, ${Date.now() - started} ms`,
  );
  console.log(`# fuzz: ${summary.length} members threw; e.g. ${summary.slice(0, 6).join('; ')}`);
  assert.ok(threw > CALLS / 4, 'most random calls should be refused');
  assert.ok(stateChecks > 100, `${stateChecks} state checks`);
});

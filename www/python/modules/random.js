// Python's `random` module (CPython 3.11): the module's functions on the session's own
// random.Random (seeded from OS entropy on import, as CPython seeds `random._inst`), and the
// random.Random class. The streams are seedlab's PyRandom (CPython's C core and random.py's
// algorithms, bit for bit); this file reads Python's arguments and maps drawn indices to the
// caller's own elements.

import { bind } from '../args.js';
import { PyError, typeError, Unsupported, valueError } from '../errors.js';
import {
  PyBoundMethod,
  PyBuiltin,
  PyList,
  PyModule,
  PyObject,
  PySet,
  PyTuple,
  PyType,
} from '../objects.js';
import {
  binaryOp,
  compare,
  getItem,
  iterate,
  len,
  str,
  toIndex,
  truthy,
  typeName,
} from '../ops.js';
import { betavariate, gammavariate, paretovariate, weibullvariate } from './random-variates.js';

/** @typedef {import('../objects.js').Value} Value */
/** @typedef {import('../objects.js').Kwargs} Kwargs */
/** @typedef {InstanceType<typeof import('../../pkg/seedlab.js').PyRandom>} WasmPyRandom */
/** @typedef {(r: PyRandom, args: Value[], kwargs: Kwargs) => Value} Method */

/**
 * hash(x) of an integral float, as random.seed uses it (CPython hashes a float seed; for an
 * integral float that equals the int's hash, reduced mod 2**61 - 1), read as an unsigned 64-bit
 * number, as CPython's random_seed does.
 * @param {number} x
 */
function hashIntegralFloat(x) {
  const P = 2n ** 61n - 1n;
  let h = BigInt(Math.abs(x)) % P;
  if (x < 0) h = -h;
  if (h === -1n) h = -2n;
  return h < 0n ? h + 2n ** 64n : h;
}

/** A seed as seedlab's PyRandom takes it. @param {Value | undefined} a */
function seedArg(a) {
  if (a === undefined || a === null) return null;
  if (typeof a === 'bigint' || typeof a === 'boolean' || typeof a === 'string') return a;
  if (typeof a === 'number') {
    // A JS Number that is integral would read as an int: hash it here as CPython would.
    return Number.isInteger(a) ? hashIntegralFloat(a) : a;
  }
  if (a instanceof PyObject && typeof (/** @type {any} */ (a).index) === 'function') {
    return /** @type {any} */ (a).index();
  }
  throw typeError(
    'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.',
  );
}

/** An int argument of randrange / randint (3.11: an integral float is accepted). @param {Value} v @param {number} position */
function intArgument(v, position) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return BigInt(v); // 3.11 warns (DeprecationWarning) and goes on
    throw valueError(`non-integer arg ${position} for randrange()`);
  }
  return toIndex(v);
}

/**
 * An argument random.py uses in float arithmetic: a number, or the TypeError that arithmetic
 * raises (`probe` is the first operation random.py applies to it, with a float partner).
 * @param {Value | undefined} v @param {number} dflt @param {(v: Value) => Value} probe
 */
function operand(v, dflt, probe) {
  if (v === undefined) return dflt;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
    return floatArg(v, dflt);
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).float) === 'function')
    return floatArg(v, dflt);
  probe(v); // raises Python's TypeError for this operand, or gives a value we do not run
  throw new Unsupported(`random with a ${typeName(v)} argument`);
}

/** random.py's `mu + z * sigma`: sigma meets a float first, then mu. */
const timesFloat = (/** @type {Value} */ v) => binaryOp('*', 0.5, v);
const plusFloat = (/** @type {Value} */ v) => binaryOp('+', v, 0.5);

/** A float argument. @param {Value | undefined} v @param {number} dflt */
function floatArg(v, dflt) {
  if (v === undefined) return dflt;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).float) === 'function') {
    return /** @type {any} */ (v).float();
  }
  throw typeError(`must be real number, not ${typeName(v)}`);
}

/** A sequence's items, for choice/choices/sample (a set is refused, as 3.11 does for sample). @param {Value} seq */
function items(seq) {
  if (seq instanceof PyList || seq instanceof PyTuple) return seq.items;
  if (typeof seq === 'string') return [...seq];
  return null;
}

/** Weights as floats. @param {Value | undefined} w */
function weightsArg(w) {
  if (w === undefined || w === null) return undefined;
  return Float64Array.from([...iterate(w)], (x) => floatArg(x, 0));
}

/**
 * sample(population, k, counts=...): a sample of range(total) mapped back through the
 * cumulative counts (bisect_right), as CPython's Random.sample does.
 * @param {PyRandom} r @param {Record<string, any>} a @param {number} n
 */
function sampleCounts(r, a, n) {
  /** @type {Value[]} */
  const cum = [];
  /** @type {Value} */
  let acc = 0n;
  for (const c of iterate(a.counts)) {
    acc = cum.length === 0 ? c : binaryOp('+', acc, c);
    cum.push(acc);
  }
  if (cum.length !== n)
    throw new PyError('ValueError', 'The number of counts does not match the population');
  const total = /** @type {Value} */ (cum.pop());
  if (typeof total !== 'bigint' && typeof total !== 'boolean')
    throw typeError('Counts must be integers');
  if (BigInt(total) <= 0n)
    throw new PyError('ValueError', 'Total of counts must be greater than zero');
  const picks = r.rng.sample(BigInt(total), toIndex(a.k));
  return new PyList(
    Array.from(picks, (s) => {
      let i = 0;
      while (i < cum.length && !truthy(compare('<', s, cum[i]))) i++; // bisect_right
      return getItem(a.population, BigInt(i));
    }),
  );
}

/** @type {Record<string, Method>} */
const METHODS = {
  seed(r, args, kwargs) {
    const a = bind('seed', ['a=', 'version='], args, kwargs);
    const version = a.version === undefined ? 2 : Number(toIndex(a.version));
    r.rng.seed(seedArg(a.a), version);
    return null;
  },
  random(r, args) {
    if (args.length) throw typeError(`Random.random() takes no arguments (${args.length} given)`);
    return r.rng.random(1)[0];
  },
  uniform(r, args, kwargs) {
    const a = bind('uniform', ['a', 'b'], args, kwargs);
    // random.py: a + (b - a) * random()
    const lo = operand(a.a, 0, (v) => binaryOp('-', a.b, v));
    const hi = operand(a.b, 0, (v) => binaryOp('-', v, lo));
    return r.rng.uniform(lo, hi, 1)[0];
  },
  triangular(r, args, kwargs) {
    const a = bind('triangular', ['low=', 'high=', 'mode='], args, kwargs);
    const mode = a.mode === undefined || a.mode === null ? null : floatArg(a.mode, 0);
    return r.rng.triangular(floatArg(a.low, 0), floatArg(a.high, 1), mode, 1)[0];
  },
  gauss(r, args, kwargs) {
    const a = bind('gauss', ['mu=', 'sigma='], args, kwargs);
    const sigma = operand(a.sigma, 1, timesFloat);
    return r.rng.gauss(operand(a.mu, 0, plusFloat), sigma, 1)[0];
  },
  normalvariate(r, args, kwargs) {
    const a = bind('normalvariate', ['mu=', 'sigma='], args, kwargs);
    const sigma = operand(a.sigma, 1, timesFloat);
    return r.rng.normalvariate(operand(a.mu, 0, plusFloat), sigma, 1)[0];
  },
  lognormvariate(r, args, kwargs) {
    const a = bind('lognormvariate', ['mu', 'sigma'], args, kwargs);
    return r.rng.lognormvariate(floatArg(a.mu, 0), floatArg(a.sigma, 1), 1)[0];
  },
  gammavariate(r, args, kwargs) {
    const a = bind('gammavariate', ['alpha', 'beta'], args, kwargs);
    return gammavariate(
      variateSource(r, 'gammavariate'),
      floatArg(a.alpha, 0),
      floatArg(a.beta, 0),
    );
  },
  betavariate(r, args, kwargs) {
    const a = bind('betavariate', ['alpha', 'beta'], args, kwargs);
    return betavariate(variateSource(r, 'betavariate'), floatArg(a.alpha, 0), floatArg(a.beta, 0));
  },
  paretovariate(r, args, kwargs) {
    const a = bind('paretovariate', ['alpha'], args, kwargs);
    return paretovariate(variateSource(r, 'paretovariate'), a.alpha);
  },
  weibullvariate(r, args, kwargs) {
    const a = bind('weibullvariate', ['alpha', 'beta'], args, kwargs);
    return weibullvariate(variateSource(r, 'weibullvariate'), a.alpha, a.beta);
  },
  expovariate(r, args, kwargs) {
    const a = bind('expovariate', ['lambd'], args, kwargs);
    const lambd = operand(a.lambd, 1, (v) => binaryOp('/', 0.5, v));
    return r.rng.expovariate(lambd, 1)[0];
  },
  randint(r, args, kwargs) {
    const a = bind('randint', ['a', 'b'], args, kwargs);
    return r.rng.randrange(intArgument(a.a, 1), intArgument(a.b, 2) + 1n, 1n);
  },
  randrange(r, args, kwargs) {
    const a = bind('randrange', ['start', 'stop=', 'step='], args, kwargs);
    const stop = a.stop === undefined || a.stop === null ? null : intArgument(a.stop, 2);
    const step = a.step === undefined ? null : intArgument(a.step, 3);
    return r.rng.randrange(intArgument(a.start, 1), stop, step);
  },
  getrandbits(r, args, kwargs) {
    const a = bind('getrandbits', ['k', '/'], args, kwargs);
    const k = toIndex(a.k);
    if (k < 0n) throw valueError('number of bits must be non-negative');
    return r.rng.getrandbits(k);
  },
  choice(r, args, kwargs) {
    const a = bind('choice', ['seq'], args, kwargs);
    const n = len(a.seq);
    if (n === 0) throw new PyError('IndexError', 'Cannot choose from an empty sequence');
    return getItem(a.seq, r.rng.randbelow(BigInt(n)));
  },
  choices(r, args, kwargs) {
    const a = bind('choices', ['population', 'weights=', '*', 'cum_weights=', 'k='], args, kwargs);
    const n = len(a.population);
    const k = a.k === undefined ? 1n : toIndex(a.k);
    const idx = r.rng.choices(BigInt(n), k, weightsArg(a.weights), weightsArg(a.cum_weights));
    return new PyList(Array.from(idx, (i) => getItem(a.population, BigInt(i))));
  },
  sample(r, args, kwargs) {
    const a = bind('sample', ['population', 'k', '*', 'counts='], args, kwargs);
    if (a.population instanceof PySet) {
      throw typeError('Population must be a sequence.  For dicts or sets, use sorted(d).');
    }
    const n = len(a.population);
    if (a.counts !== undefined && a.counts !== null) return sampleCounts(r, a, n);
    const idx = r.rng.sample(BigInt(n), toIndex(a.k));
    return new PyList(Array.from(idx, (i) => getItem(a.population, i)));
  },
  shuffle(r, args, kwargs) {
    const a = bind('shuffle', ['x'], args, kwargs);
    const x = a.x;
    if (!(x instanceof PyList)) {
      if (x instanceof PyObject && typeof (/** @type {any} */ (x).setitem) === 'function') {
        const n = len(x);
        const order = Float64Array.from({ length: n }, (_, i) => i);
        r.rng.shuffle(order);
        const old = Array.from(order, (_, i) => getItem(x, BigInt(i)));
        order.forEach((from, to) => {
          /** @type {any} */ (x).setitem(BigInt(to), old[from]);
        });
        return null;
      }
      throw typeError(`'${typeName(x)}' object does not support item assignment`);
    }
    r.rng.shuffle(x.items);
    return null;
  },
  getstate(r) {
    const { internalState, gaussNext } = r.rng.getstate();
    return new PyTuple([3n, new PyTuple(Array.from(internalState, (w) => BigInt(w))), gaussNext]);
  },
  setstate(r, args, kwargs) {
    const a = bind('setstate', ['state'], args, kwargs);
    const state = items(a.state);
    if (!state) throw typeError(`'${typeName(a.state)}' object is not subscriptable`);
    const version = state[0];
    if (version !== 3n && version !== 2n) {
      throw valueError(
        `state with version ${str(version)} passed to Random.setstate() of version 3`,
      );
    }
    if (state.length !== 3) {
      throw valueError(
        state.length > 3
          ? 'too many values to unpack (expected 3)'
          : `not enough values to unpack (expected 3, got ${state.length})`,
      );
    }
    const [, internal, gaussNext] = state;
    const words = items(/** @type {Value} */ (internal));
    if (!words) throw typeError('state vector must be a tuple');
    r.rng.setstate(
      toIndex(/** @type {Value} */ (version)),
      words.map((w) => toIndex(w)),
      gaussNext === null || gaussNext === undefined ? null : floatArg(gaussNext, 0),
    );
    return null;
  },
};

/** random.Random's methods this page does not run. */
const KNOWN = new Set(['vonmisesvariate', 'randbytes']);

export class PyRandom extends PyObject {
  /** @param {WasmPyRandom} rng */
  constructor(rng) {
    super();
    this.rng = rng;
  }

  /** @override */
  get typeName() {
    return 'Random';
  }

  /** @override */
  repr() {
    return `<random.Random object at 0x${(0x55a000000000 + this.id * 16).toString(16)}>`;
  }

  pyType() {
    return RANDOM_TYPE;
  }

  /** @param {string} name @override */
  getattr(name) {
    const method = METHODS[name];
    if (!method) return undefined;
    return new PyBoundMethod(this, name, (args, kwargs) => method(this, args, kwargs), 'Random');
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return KNOWN.has(name) ? new Unsupported(`random.Random.${name}`) : undefined;
  }
}

const wasm = {
  PyRandom: /** @type {any} */ (null),
  /** glibc's log and exp, ported (math.log / math.exp) @type {((x: number) => number) | null} */
  log: null,
  /** @type {((x: number) => number) | null} */
  exp: null,
};

/** The draws and math ports of a variate. @param {PyRandom} r @param {string} name */
function variateSource(r, name) {
  const { log, exp } = wasm;
  if (!log || !exp) throw new Unsupported(`random.${name}`);
  return { random: () => r.rng.random(1)[0], log, exp };
}

/** random.Random(x=None) */
const RANDOM_TYPE = new PyType(
  'random.Random',
  (args, kwargs) => {
    const a = bind('Random', ['x='], args, kwargs);
    return new PyRandom(new wasm.PyRandom(seedArg(a.x)));
  },
  (v) => v instanceof PyRandom,
);

/**
 * The `random` module of a session.
 * @param {any} pkg  seedlab's wasm package
 */
export function createRandom(pkg) {
  wasm.PyRandom = pkg.PyRandom;
  wasm.log = typeof pkg.mathLog === 'function' ? pkg.mathLog : null;
  wasm.exp = typeof pkg.mathExp === 'function' ? pkg.mathExp : null;
  const inst = new PyRandom(new pkg.PyRandom(undefined));
  /** @type {Record<string, Value>} */
  const attrs = { Random: RANDOM_TYPE };
  for (const [name, method] of Object.entries(METHODS)) {
    attrs[name] = new PyBuiltin(name, (args, kwargs) => method(inst, args, kwargs));
  }
  return new PyModule('random', attrs, [...KNOWN, 'SystemRandom']);
}

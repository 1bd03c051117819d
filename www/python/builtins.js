// Python's built-in functions, as far as seeding code uses them: print, len, range, enumerate,
// zip, sum, min, max, abs, round, sorted, reversed, any, all, map, filter, isinstance, divmod,
// pow, repr, format, hex, bin, oct, chr, ord, id, iter, next. The built-in types (int, list, ...)
// are in builtin-types.js, the exception classes in exceptions.js.

import { pyFixed } from '../format/decimal.js';
import { bind } from './args.js';
import { getAttr } from './attributes.js';
import { BUILTIN_TYPES } from './builtin-types.js';
import { CLASS_BUILTINS, inheritsFrom } from './classes.js';
import { PyError, typeError, Unsupported, valueError } from './errors.js';
import { EXCEPTION_TYPES } from './exceptions.js';
import { formatValue } from './format-spec.js';
import { sortValues } from './methods.js';
import { PyBuiltin, PyCallable, PyList, PyObject, PyTuple, PyType } from './objects.js';
import {
  asBigInt,
  binaryOp,
  compare,
  hashKey,
  isInt,
  iterate,
  len,
  repr,
  str,
  toIndex,
  truthy,
  typeName,
} from './ops.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./objects.js').Kwargs} Kwargs */
/** @typedef {(args: Value[], kwargs: Kwargs, interp: any) => Value} BuiltinImpl */

/**
 * A one-pass iterator, what enumerate(), zip(), map(), filter(), reversed() and iter() return:
 * consumed by the first loop over it, lazy (map calls its function as items are taken).
 */
export class PyIterator extends PyObject {
  /** @param {string} type  e.g. 'zip' @param {Iterator<Value>} source */
  constructor(type, source) {
    super();
    this.type = type;
    this.source = source;
  }

  /** @override */
  get typeName() {
    return this.type;
  }

  *iter() {
    for (let r = this.source.next(); !r.done; r = this.source.next()) yield r.value;
  }

  /** The next item, or undefined when exhausted. */
  next() {
    const r = this.source.next();
    return r.done ? undefined : r.value;
  }
}

/** round(x, ndigits) for a float: correctly rounded, ties to even, as CPython's. @param {number} x @param {number} nd */
function roundFloat(x, nd) {
  if (!Number.isFinite(x) || x === 0) return x;
  if (nd > 330) return x;
  if (nd < -330) return 0.0 * Math.sign(x);
  if (nd >= 0) return Number(pyFixed(x, nd));
  const scale = 10 ** -nd;
  const r = Number(pyFixed(x / scale, 0)) * scale;
  return r;
}

/** round(n, ndigits) for an int. @param {bigint} n @param {bigint} nd */
function roundInt(n, nd) {
  if (nd >= 0n) return n;
  const p = 10n ** -nd;
  const q = n / p;
  const r = n - q * p;
  const twice = 2n * (r < 0n ? -r : r);
  let result = q;
  if (twice > p || (twice === p && (q & 1n) === 1n)) result += n < 0n ? -1n : 1n;
  return result * p;
}

// --- builtins ---------------------------------------------------------------------------------

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp @param {'min' | 'max'} which */
function minMax(args, kwargs, interp, which) {
  const a = bind(which, ['*items', '*', 'key=', 'default='], args, kwargs);
  const items = a.items.length === 1 ? [...iterate(a.items[0])] : a.items;
  if (a.items.length === 0) throw typeError(`${which} expected at least 1 argument, got 0`);
  if (items.length === 0) {
    if (a.default !== undefined) return a.default;
    throw valueError(`${which}() arg is an empty sequence`);
  }
  const keyOf = (/** @type {Value} */ v) =>
    a.key === undefined || a.key === null ? v : interp.call(a.key, [v]);
  let best = items[0];
  let bestKey = keyOf(best);
  for (const item of items.slice(1)) {
    const k = keyOf(item);
    if (truthy(compare(which === 'min' ? '<' : '>', k, bestKey))) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

/** @param {Value} x */
function absValue(x) {
  if (typeof x === 'bigint') return x < 0n ? -x : x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  if (typeof x === 'number') return Math.abs(x);
  if (x instanceof PyObject && typeof (/** @type {any} */ (x).unaryop) === 'function') {
    return /** @type {any} */ (x).unaryop('abs');
  }
  throw typeError(`bad operand type for abs(): '${typeName(x)}'`);
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
function round(args, kwargs, interp) {
  void interp;
  const a = bind('round', ['number', 'ndigits='], args, kwargs);
  const x = a.number;
  const nd = a.ndigits === undefined || a.ndigits === null ? null : toIndex(a.ndigits);
  if (x instanceof PyObject && typeof (/** @type {any} */ (x).round) === 'function') {
    return /** @type {any} */ (x).round(nd);
  }
  if (isInt(x)) return nd === null ? asBigInt(x) : roundInt(asBigInt(x), nd);
  if (typeof x !== 'number') throw typeError(`type ${typeName(x)} doesn't define __round__ method`);
  if (nd === null) {
    if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x))
      throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(pyFixed(x, 0));
  }
  return roundFloat(x, Number(nd));
}

/** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
function print(args, kwargs, interp) {
  const a = bind('print', ['*values', '*', 'sep=', 'end=', 'file=', 'flush='], args, kwargs);
  const sep = a.sep === undefined || a.sep === null ? ' ' : a.sep;
  const end = a.end === undefined || a.end === null ? '\n' : a.end;
  if (typeof sep !== 'string')
    throw typeError(`sep must be None or a string, not ${typeName(sep)}`);
  if (typeof end !== 'string')
    throw typeError(`end must be None or a string, not ${typeName(end)}`);
  if (a.file !== undefined && a.file !== null) throw new Unsupported('print(file=...)');
  interp.write(a.values.map(str).join(sep) + end);
  return null;
}

/** @param {Value[]} args @param {Kwargs} kwargs */
function sumValues(args, kwargs) {
  const a = bind('sum', ['iterable', '/', 'start='], args, kwargs);
  let total = a.start === undefined ? 0n : a.start;
  if (typeof total === 'string')
    throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  for (const item of iterate(a.iterable)) total = binaryOp('+', total, item);
  return total;
}

/** isinstance(x, cls) @param {Value} x @param {Value} cls @returns {boolean} */
function isInstance(x, cls) {
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstance(x, c));
  if (!(cls instanceof PyType))
    throw typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
  return cls.test(x) || inheritsFrom(x, cls);
}

/** callable(x): a class's instance is callable when its class defines __call__. @param {Value} x */
function isCallable(x) {
  if (!(x instanceof PyCallable)) return false;
  const own = /** @type {{ isCallable?: () => boolean }} */ (/** @type {unknown} */ (x));
  return own.isCallable?.() ?? true;
}

/** @param {string} name @param {Value[]} args */
function one(name, args) {
  if (args.length !== 1)
    throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** @param {Value} v @param {number} base @param {string} prefix */
function radix(v, base, prefix) {
  const n = toIndex(v);
  return (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(base);
}

/** @param {Value} v @returns {Iterator<Value>} */
function iteratorOf(v) {
  return iterate(v)[Symbol.iterator]();
}

/** @param {Value[]} args @param {Kwargs} kwargs */
function zip(args, kwargs) {
  const a = bind('zip', ['*iterables', '*', 'strict='], args, kwargs);
  /** @type {Iterator<Value>[]} */
  const sources = a.iterables.map(iteratorOf);
  const strict = a.strict !== undefined && truthy(a.strict);
  function* items() {
    if (sources.length === 0) return;
    for (;;) {
      const next = sources.map((s) => s.next());
      const done = next.filter((r) => r.done).length;
      if (done === next.length) return;
      if (done > 0) {
        if (strict)
          throw valueError(
            `zip() argument ${next.findIndex((r) => r.done) + 1} is shorter than argument 1`,
          );
        return;
      }
      yield new PyTuple(next.map((r) => r.value));
    }
  }
  return new PyIterator('zip', items());
}

/** Functions over iterables. @type {Record<string, BuiltinImpl>} */
const ITERABLE_FUNCTIONS = {
  len: (args) => BigInt(len(one('len', args))),
  sum: sumValues,
  min: (args, kwargs, i) => minMax(args, kwargs, i, 'min'),
  max: (args, kwargs, i) => minMax(args, kwargs, i, 'max'),
  sorted(args, kwargs, i) {
    const a = bind('sorted', ['iterable', '/', '*', 'key=', 'reverse='], args, kwargs);
    const items = [...iterate(a.iterable)];
    sortValues(items, a.key, a.reverse, i);
    return new PyList(items);
  },
  reversed: (args) =>
    new PyIterator('list_reverseiterator', [...iterate(one('reversed', args))].reverse().values()),
  enumerate(args, kwargs) {
    const a = bind('enumerate', ['iterable', 'start='], args, kwargs);
    let n = a.start === undefined ? 0n : toIndex(a.start);
    const source = iteratorOf(a.iterable);
    function* items() {
      for (let r = source.next(); !r.done; r = source.next()) yield new PyTuple([n++, r.value]);
    }
    return new PyIterator('enumerate', items());
  },
  zip,
  map(args, _kwargs, i) {
    if (args.length < 2) throw typeError('map() must have at least two arguments.');
    const [fn, ...iterables] = args;
    const sources = iterables.map(iteratorOf);
    function* items() {
      for (;;) {
        const next = sources.map((s) => s.next());
        if (next.some((r) => r.done)) return;
        yield i.call(
          fn,
          next.map((r) => r.value),
        );
      }
    }
    return new PyIterator('map', items());
  },
  filter(args, _kwargs, i) {
    const [fn, iterable] = args;
    const source = iteratorOf(iterable);
    function* items() {
      for (let r = source.next(); !r.done; r = source.next()) {
        if (truthy(fn === null ? r.value : i.call(fn, [r.value]))) yield r.value;
      }
    }
    return new PyIterator('filter', items());
  },
  any: (args) => [...iterate(one('any', args))].some(truthy),
  all: (args) => [...iterate(one('all', args))].every(truthy),
  iter: (args) => {
    const v = one('iter', args);
    return v instanceof PyIterator ? v : new PyIterator(`${typeName(v)}_iterator`, iteratorOf(v));
  },
  next(args) {
    const [it, dflt] = args;
    const nextValue = /** @type {any} */ (it)?.nextValue;
    if (!(it instanceof PyIterator) && typeof nextValue !== 'function')
      throw typeError(`'${typeName(it)}' object is not an iterator`);
    const v = it instanceof PyIterator ? it.next() : nextValue.call(it);
    if (v !== undefined) return v;
    if (args.length > 1) return dflt;
    throw new PyError('StopIteration', '');
  },
};

/** Functions of numbers. @type {Record<string, BuiltinImpl>} */
const NUMBER_FUNCTIONS = {
  abs: (args) => absValue(one('abs', args)),
  round,
  divmod(args) {
    const [a, b] = args;
    return new PyTuple([binaryOp('//', a, b), binaryOp('%', a, b)]);
  },
  pow(args) {
    if (args.length !== 3) return binaryOp('**', args[0], args[1]);
    const [b, e, m] = args.map((v) => toIndex(v));
    if (e < 0n) throw new Unsupported('pow() with a negative exponent and a modulus');
    let result = 1n;
    let base = ((b % m) + m) % m;
    for (let k = e; k > 0n; k >>= 1n) {
      if (k & 1n) result = (result * base) % m;
      base = (base * base) % m;
    }
    return result;
  },
  hex: (args) => radix(one('hex', args), 16, '0x'),
  bin: (args) => radix(one('bin', args), 2, '0b'),
  oct: (args) => radix(one('oct', args), 8, '0o'),
};

/** hash(n) of an int: n reduced modulo 2**61 - 1 with its sign, -1 read as -2 (CPython). @param {bigint} n */
function intHash(n) {
  const modulus = 2n ** 61n - 1n;
  const h = (n < 0n ? -n : n) % modulus;
  const signed = n < 0n ? -h : h;
  return signed === -1n ? -2n : signed;
}

/** The name argument of getattr / hasattr. @param {Value} name */
function attributeName(name) {
  if (typeof name !== 'string') {
    throw typeError(`attribute name must be string, not '${typeName(name)}'`);
  }
  return name;
}

/** Functions of any object: text, identity, type. @type {Record<string, BuiltinImpl>} */
const OBJECT_FUNCTIONS = {
  print,
  repr: (args) => repr(one('repr', args)),
  ascii: (args) => repr(one('ascii', args)),
  format: (args) => formatValue(args[0], args.length > 1 ? /** @type {string} */ (args[1]) : ''),
  chr: (args) => String.fromCodePoint(Number(toIndex(one('chr', args)))),
  ord(args) {
    const s = one('ord', args);
    if (typeof s !== 'string' || [...s].length !== 1) throw typeError('ord() expected a character');
    return BigInt(/** @type {number} */ (s.codePointAt(0)));
  },
  hash(args) {
    const v = one('hash', args);
    hashKey(v);
    if (isInt(v)) return intHash(asBigInt(/** @type {bigint | boolean} */ (v)));
    // (str hashes are salted per process, PYTHONHASHSEED: no fixed answer to print)
    throw new Unsupported('hash() of this value');
  },
  getattr(args) {
    if (args.length < 2 || args.length > 3) {
      throw typeError(`getattr expected 2 or 3 arguments, got ${args.length}`);
    }
    try {
      return getAttr(args[0], attributeName(args[1]));
    } catch (e) {
      if (args.length === 3 && e instanceof PyError && e.type === 'AttributeError') return args[2];
      throw e;
    }
  },
  hasattr(args) {
    if (args.length !== 2) throw typeError(`hasattr expected 2 arguments, got ${args.length}`);
    try {
      getAttr(args[0], attributeName(args[1]));
      return true;
    } catch (e) {
      if (e instanceof PyError && e.type === 'AttributeError') return false;
      throw e;
    }
  },
  id: (args) => BigInt(args[0] instanceof PyObject ? 0x7f0000000000 + args[0].id * 16 : 0),
  isinstance: (args) => isInstance(args[0], args[1]),
  callable: (args) => isCallable(args[0]),
};

/** Built-ins Python has that this page does not run: a note instead of a NameError. */
const UNSUPPORTED_FUNCTIONS = [
  'input',
  'open',
  'exec',
  'eval',
  'compile',
  'globals',
  'locals',
  'vars',
  'dir',
  'help',
  'setattr',
  'delattr',
  'memoryview',
  'bytearray',
  'bytes',
  'complex',
  'breakpoint',
  '__import__',
];

/**
 * The builtins namespace of one session.
 * @returns {Map<string, Value>}
 */
export function createBuiltins() {
  /** @type {Map<string, Value>} */
  const builtins = new Map();
  for (const table of [ITERABLE_FUNCTIONS, NUMBER_FUNCTIONS, OBJECT_FUNCTIONS]) {
    for (const [name, fn] of Object.entries(table)) builtins.set(name, new PyBuiltin(name, fn));
  }
  for (const name of UNSUPPORTED_FUNCTIONS) {
    builtins.set(
      name,
      new PyBuiltin(name, () => {
        throw new Unsupported(`${name}()`);
      }),
    );
  }
  for (const [name, type] of Object.entries(BUILTIN_TYPES)) builtins.set(name, type);
  for (const [name, value] of Object.entries(CLASS_BUILTINS)) builtins.set(name, value);
  for (const [name, type] of EXCEPTION_TYPES) if (name !== 'AxisError') builtins.set(name, type);
  return builtins;
}

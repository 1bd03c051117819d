// Python's built-in functions and exception classes, as far as seeding code uses them:
// print, len, range, enumerate, zip, sum, min, max, abs, round, int, float, str, bool, list,
// tuple, dict, set, sorted, reversed, any, all, map, filter, isinstance, type, divmod, pow,
// repr, format, hex, bin, oct, chr, ord, hash, id, iter, next.

import { pyFixed } from '../format/decimal.js';
import { bind } from './args.js';
import { PyError, typeError, Unsupported, valueError } from './errors.js';
import { formatValue } from './format-spec.js';
import { sortValues } from './methods.js';
import {
  PyBuiltin,
  PyCallable,
  PyDict,
  PyList,
  PyObject,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  PyType,
} from './objects.js';
import {
  asBigInt,
  binaryOp,
  compare,
  equals,
  hashKey,
  intToFloat,
  isInt,
  iterate,
  len,
  makeDict,
  makeSet,
  repr,
  str,
  toFloatOrUndefined,
  toIndex,
  truthy,
  typeName,
} from './ops.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./objects.js').Kwargs} Kwargs */

// --- exceptions ---------------------------------------------------------------------------------

/** Each exception class and its base (the part of Python's hierarchy seeding code meets). */
const EXCEPTION_BASES = {
  BaseException: null,
  Exception: 'BaseException',
  ArithmeticError: 'Exception',
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  LookupError: 'Exception',
  IndexError: 'LookupError',
  KeyError: 'LookupError',
  ValueError: 'Exception',
  TypeError: 'Exception',
  NameError: 'Exception',
  UnboundLocalError: 'NameError',
  AttributeError: 'Exception',
  RuntimeError: 'Exception',
  RecursionError: 'RuntimeError',
  NotImplementedError: 'RuntimeError',
  AssertionError: 'Exception',
  ImportError: 'Exception',
  ModuleNotFoundError: 'ImportError',
  StopIteration: 'Exception',
  MemoryError: 'Exception',
  SyntaxError: 'Exception',
  IndentationError: 'SyntaxError',
  // numpy.exceptions.AxisError derives from both ValueError and IndexError.
  AxisError: 'ValueError',
};

/** @param {string} name @param {string} base */
function isSubclass(name, base) {
  if (name === 'AxisError' && base === 'IndexError') return true;
  for (
    let n = /** @type {string | null} */ (name);
    n;
    n = EXCEPTION_BASES[/** @type {keyof typeof EXCEPTION_BASES} */ (n)] ?? null
  ) {
    if (n === base) return true;
  }
  return false;
}

/** An exception object: what `except ValueError as e` binds, and what `ValueError('x')` makes. */
export class PyExceptionValue extends PyObject {
  /** @param {string} type @param {Value[]} args */
  constructor(type, args) {
    super();
    this.type = type;
    this.args = args;
  }

  /** The exception object for a caught error. @param {PyError} error */
  static of(error) {
    const existing = /** @type {any} */ (error).pyValue;
    if (existing) return existing;
    return new PyExceptionValue(error.type, error.message === '' ? [] : [error.message]);
  }

  get typeName() {
    return this.type;
  }

  str() {
    if (this.args.length === 0) return '';
    if (this.args.length === 1)
      return this.type === 'KeyError' ? repr(this.args[0]) : str(this.args[0]);
    return repr(new PyTuple(this.args));
  }

  repr() {
    const inner = this.args.length === 1 ? repr(this.args[0]) : this.args.map(repr).join(', ');
    return `${this.type}(${inner})`;
  }

  /** @param {string} name */
  getattr(name) {
    if (name === 'args') return new PyTuple(this.args);
    return undefined;
  }

  toError() {
    const error = new PyError(this.type, this.str());
    /** @type {any} */ (error).pyValue = this;
    return error;
  }
}

const EXCEPTION_TYPES = new Map(
  Object.keys(EXCEPTION_BASES).map((name) => [
    name,
    new PyType(
      name,
      (args) => new PyExceptionValue(name, args),
      (v) => v instanceof PyExceptionValue && isSubclass(v.type, name),
    ),
  ]),
);

/**
 * Whether a raised error matches an `except` clause's class (or tuple of classes).
 * @param {PyError} error @param {Value} clause
 */
export function exceptionMatches(error, clause) {
  if (clause instanceof PyTuple) return clause.items.some((c) => exceptionMatches(error, c));
  if (!(clause instanceof PyType) || !EXCEPTION_TYPES.has(clause.name)) {
    throw typeError('catching classes that do not inherit from BaseException is not allowed');
  }
  return isSubclass(error.type, clause.name);
}

// --- conversions ------------------------------------------------------------------------------

/** int(x, base=10) @param {Value} x @param {Value} [base] */
export function toInt(x, base) {
  if (typeof x === 'string')
    return parseIntText(x, base === undefined ? 10 : Number(toIndex(base)));
  if (base !== undefined) throw typeError("int() can't convert non-string with explicit base");
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  if (typeof x === 'number') {
    if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x))
      throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(x));
  }
  if (x instanceof PyObject && typeof (/** @type {any} */ (x).int) === 'function')
    return /** @type {any} */ (x).int();
  throw typeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`,
  );
}

/** @param {string} text @param {number} base */
function parseIntText(text, base) {
  const s = text.trim();
  const bad = () => valueError(`invalid literal for int() with base ${base}: ${repr(text)}`);
  const m = /^([+-]?)(0[xob])?([0-9a-z_]+)$/i.exec(s);
  if (!m) throw bad();
  let [, sign, prefix, digits] = m;
  let b = base;
  if (prefix) {
    const p = prefix[1].toLowerCase();
    const pb = p === 'x' ? 16 : p === 'o' ? 8 : 2;
    if (b === 0) b = pb;
    else if (b !== pb) {
      if (b === 16 && p === 'b')
        digits = prefix.slice(1) + digits; // '0b1' in base 16 is hex
      else throw bad();
    }
  } else if (b === 0) {
    if (/^0+[1-9]/.test(digits)) throw bad();
    b = 10;
  }
  if (digits.startsWith('_') || digits.endsWith('_') || digits.includes('__')) throw bad();
  digits = digits.replace(/_/g, '');
  let n = 0n;
  for (const ch of digits.toLowerCase()) {
    const d = Number.parseInt(ch, 36);
    if (Number.isNaN(d) || d >= b) throw bad();
    n = n * BigInt(b) + BigInt(d);
  }
  return sign === '-' ? -n : n;
}

/** float(x) @param {Value} x */
export function toFloatValue(x) {
  if (typeof x === 'string') {
    const s = x.trim().replace(/_(?=\d)/g, '');
    if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/i.test(s)) return Number.NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
    throw valueError(`could not convert string to float: ${repr(x)}`);
  }
  const f = toFloatOrUndefined(x);
  if (f === undefined)
    throw typeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
  return f;
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

/** @param {Value[]} args @param {Kwargs} kwargs */
function makeRange(args, kwargs) {
  if (kwargs.size) throw typeError('range() takes no keyword arguments');
  if (args.length === 0 || args.length > 3) {
    throw typeError(
      args.length === 0
        ? 'range expected at least 1 argument, got 0'
        : `range expected at most 3 arguments, got ${args.length}`,
    );
  }
  const ints = args.map((a) => toIndex(a));
  const [start, stop, step] =
    ints.length === 1 ? [0n, ints[0], 1n] : [ints[0], ints[1], ints[2] ?? 1n];
  if (step === 0n) throw valueError('range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
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
function sumValues(args, kwargs, interp) {
  void interp;
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
  return cls.test(x);
}

/** The builtin types as PyType objects (what type(x) returns and isinstance takes). */
function builtinTypes() {
  /** @type {Record<string, PyType>} */
  const types = {
    int: new PyType(
      'int',
      (args, kwargs) => {
        const a = bind('int', ['x=', '/', 'base='], args, kwargs);
        return a.x === undefined ? 0n : toInt(a.x, a.base);
      },
      (v) => typeof v === 'bigint' || typeof v === 'boolean',
    ),
    float: new PyType(
      'float',
      (args) => (args.length ? toFloatValue(args[0]) : 0.0),
      (v) => typeof v === 'number',
    ),
    str: new PyType(
      'str',
      (args) => (args.length ? str(args[0]) : ''),
      (v) => typeof v === 'string',
    ),
    bool: new PyType(
      'bool',
      (args) => (args.length ? truthy(args[0]) : false),
      (v) => typeof v === 'boolean',
    ),
    list: new PyType(
      'list',
      (args) => new PyList(args.length ? [...iterate(args[0])] : []),
      (v) => v instanceof PyList,
    ),
    tuple: new PyType(
      'tuple',
      (args) => new PyTuple(args.length ? [...iterate(args[0])] : []),
      (v) => v instanceof PyTuple,
    ),
    dict: new PyType(
      'dict',
      (args, kwargs) => {
        const d = args.length
          ? args[0] instanceof PyDict
            ? makeDict([...args[0].map.values()])
            : makeDict(
                [...iterate(args[0])].map((pair) => {
                  const items = [...iterate(pair)];
                  if (items.length !== 2)
                    throw valueError(
                      `dictionary update sequence element #0 has length ${items.length}; 2 is required`,
                    );
                  return /** @type {[Value, Value]} */ (items);
                }),
              )
          : new PyDict();
        for (const [k, v] of kwargs) d.map.set(hashKey(k), [k, v]);
        return d;
      },
      (v) => v instanceof PyDict,
    ),
    set: new PyType(
      'set',
      (args) => makeSet(args.length ? iterate(args[0]) : []),
      (v) => v instanceof PySet && !v.frozen,
    ),
    frozenset: new PyType(
      'frozenset',
      (args) => makeSet(args.length ? iterate(args[0]) : [], true),
      (v) => v instanceof PySet && v.frozen,
    ),
    range: new PyType('range', makeRange, (v) => v instanceof PyRange),
    slice: new PyType(
      'slice',
      (args) => {
        const [a, b, c] = args;
        return args.length === 1
          ? new PySlice(null, a, null)
          : new PySlice(a ?? null, b ?? null, c ?? null);
      },
      (v) => v instanceof PySlice,
    ),
    object: new PyType(
      'object',
      () => new PyObject(),
      () => true,
    ),
    type: new PyType(
      'type',
      (args) => typeOf(args[0]),
      (v) => v instanceof PyType,
    ),
  };
  return types;
}

/** @type {Record<string, PyType> | null} */
let TYPES = null;

/** type(x) @param {Value} x */
export function typeOf(x) {
  TYPES ??= builtinTypes();
  const name = typeName(x);
  if (name in TYPES) return TYPES[name];
  if (x instanceof PyObject && typeof (/** @type {any} */ (x).pyType) === 'function') {
    return /** @type {any} */ (x).pyType();
  }
  if (x === null)
    return new PyType(
      'NoneType',
      () => null,
      (v) => v === null,
    );
  if (x instanceof PyExceptionValue) return EXCEPTION_TYPES.get(x.type);
  return new PyType(
    name,
    () => {
      throw typeError(`cannot create '${name}' instances`);
    },
    (v) => typeName(v) === name,
  );
}

/**
 * The builtins namespace of one session.
 * @param {any} interp
 * @returns {Map<string, Value>}
 */
export function createBuiltins(interp) {
  void interp;
  TYPES ??= builtinTypes();
  /** @type {Record<string, (args: Value[], kwargs: Kwargs, interp: any) => Value>} */
  const functions = {
    print,
    len: (args) => BigInt(len(one('len', args))),
    abs: (args) => absValue(one('abs', args)),
    round,
    sum: sumValues,
    min: (args, kwargs, i) => minMax(args, kwargs, i, 'min'),
    max: (args, kwargs, i) => minMax(args, kwargs, i, 'max'),
    sorted(args, kwargs, i) {
      const a = bind('sorted', ['iterable', '/', '*', 'key=', 'reverse='], args, kwargs);
      const items = [...iterate(a.iterable)];
      sortValues(items, a.key, a.reverse, i);
      return new PyList(items);
    },
    reversed: (args) => new PyList([...iterate(one('reversed', args))].reverse()),
    enumerate(args, kwargs) {
      const a = bind('enumerate', ['iterable', 'start='], args, kwargs);
      let n = a.start === undefined ? 0n : toIndex(a.start);
      return new PyList([...iterate(a.iterable)].map((v) => new PyTuple([n++, v])));
    },
    zip(args, kwargs) {
      const a = bind('zip', ['*iterables', '*', 'strict='], args, kwargs);
      const lists = a.iterables.map((/** @type {Value} */ it) => [...iterate(it)]);
      if (lists.length === 0) return new PyList([]);
      const n = Math.min(...lists.map((/** @type {Value[]} */ l) => l.length));
      if (
        a.strict !== undefined &&
        truthy(a.strict) &&
        lists.some((/** @type {Value[]} */ l) => l.length !== n)
      ) {
        throw valueError('zip() argument 2 is shorter than argument 1');
      }
      return new PyList(
        Array.from(
          { length: n },
          (_, i) => new PyTuple(lists.map((/** @type {Value[]} */ l) => l[i])),
        ),
      );
    },
    map(args, kwargs, i) {
      if (args.length < 2) throw typeError('map() must have at least two arguments.');
      const [fn, ...iterables] = args;
      const lists = iterables.map((it) => [...iterate(it)]);
      const n = Math.min(...lists.map((l) => l.length));
      return new PyList(
        Array.from({ length: n }, (_, k) =>
          i.call(
            fn,
            lists.map((l) => l[k]),
          ),
        ),
      );
    },
    filter(args, kwargs, i) {
      const [fn, iterable] = args;
      return new PyList(
        [...iterate(iterable)].filter((v) => truthy(fn === null ? v : i.call(fn, [v]))),
      );
    },
    any: (args) => [...iterate(one('any', args))].some(truthy),
    all: (args) => [...iterate(one('all', args))].every(truthy),
    isinstance: (args) => isInstance(args[0], args[1]),
    divmod(args) {
      const [a, b] = args;
      return new PyTuple([binaryOp('//', a, b), binaryOp('%', a, b)]);
    },
    pow(args) {
      if (args.length === 3) {
        const [b, e, m] = args.map((v) => toIndex(v));
        if (e < 0n) throw new Unsupported('pow() with a negative exponent and a modulus');
        let result = 1n;
        let base = ((b % m) + m) % m;
        for (let k = e; k > 0n; k >>= 1n) {
          if (k & 1n) result = (result * base) % m;
          base = (base * base) % m;
        }
        return result;
      }
      return binaryOp('**', args[0], args[1]);
    },
    repr: (args) => repr(one('repr', args)),
    ascii: (args) => repr(one('ascii', args)),
    format: (args) => formatValue(args[0], args.length > 1 ? /** @type {string} */ (args[1]) : ''),
    hex: (args) => radix(one('hex', args), 16, '0x'),
    bin: (args) => radix(one('bin', args), 2, '0b'),
    oct: (args) => radix(one('oct', args), 8, '0o'),
    chr: (args) => String.fromCodePoint(Number(toIndex(one('chr', args)))),
    ord(args) {
      const s = one('ord', args);
      if (typeof s !== 'string' || [...s].length !== 1)
        throw typeError('ord() expected a character');
      return BigInt(/** @type {number} */ (s.codePointAt(0)));
    },
    hash(args) {
      const v = one('hash', args);
      hashKey(v);
      if (isInt(v)) return asBigInt(/** @type {any} */ (v));
      throw new Unsupported('hash() of this value');
    },
    id: (args) => BigInt(args[0] instanceof PyObject ? 0x7f0000000000 + args[0].id * 16 : 0),
    iter: (args) => new PyList([...iterate(one('iter', args))]),
    callable: (args) => args[0] instanceof PyCallable,
    input() {
      throw new Unsupported('input()');
    },
    open() {
      throw new Unsupported('open() (there are no files here)');
    },
    exec() {
      throw new Unsupported('exec()');
    },
    eval() {
      throw new Unsupported('eval()');
    },
    globals() {
      throw new Unsupported('globals()');
    },
    help() {
      throw new Unsupported('help()');
    },
    next() {
      throw new Unsupported('next() (iterators)');
    },
  };
  /** @type {Map<string, Value>} */
  const builtins = new Map();
  for (const [name, fn] of Object.entries(functions)) builtins.set(name, new PyBuiltin(name, fn));
  for (const [name, type] of Object.entries(TYPES)) builtins.set(name, type);
  for (const [name, type] of EXCEPTION_TYPES) if (name !== 'AxisError') builtins.set(name, type);
  return builtins;
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

void equals;
void intToFloat;

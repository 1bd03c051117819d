// The built-in types as callable PyType objects: int, float, str, bool, list, tuple, dict, set,
// frozenset, range, slice, object, type. `int('17')`, `isinstance(x, float)`, `type(x)`.

import { bind } from './args.js';
import { PyError, typeError, valueError } from './errors.js';
import { EXCEPTION_TYPES, PyExceptionValue, shortExceptionName } from './exceptions.js';
import { PyDict, PyList, PyObject, PyRange, PySet, PySlice, PyTuple, PyType } from './objects.js';
import {
  hashKey,
  iterate,
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

/** @param {Value[]} args @param {Kwargs} kwargs */
function makeDictFrom(args, kwargs) {
  /** @param {Value} pair @param {number} i @returns {[Value, Value]} */
  const entry = (pair, i) => {
    const items = [...iterate(pair)];
    if (items.length !== 2) {
      throw valueError(
        `dictionary update sequence element #${i} has length ${items.length}; 2 is required`,
      );
    }
    return [items[0], items[1]];
  };
  const d =
    args.length === 0
      ? new PyDict()
      : args[0] instanceof PyDict
        ? makeDict([...args[0].map.values()])
        : makeDict([...iterate(args[0])].map(entry));
  for (const [k, v] of kwargs) d.map.set(hashKey(k), [k, v]);
  return d;
}

/** @param {Value[]} args */
function makeSlice(args) {
  const [a, b, c] = args;
  return args.length === 1
    ? new PySlice(null, a, null)
    : new PySlice(a ?? null, b ?? null, c ?? null);
}

/**
 * A built-in type: its name, how calling it makes a value, and its isinstance test.
 * @param {string} name @param {ConstructorParameters<typeof PyType>[1]} construct
 * @param {(v: Value) => boolean} test
 */
const type = (name, construct, test) => new PyType(name, construct, test);

/** The built-in types, made once: `type(3) is int` holds in every session. */
export const BUILTIN_TYPES = /** @type {Record<string, PyType>} */ ({
  int: type(
    'int',
    (args, kwargs) => {
      const a = bind('int', ['x=', '/', 'base='], args, kwargs);
      return a.x === undefined ? 0n : toInt(a.x, a.base);
    },
    (v) => typeof v === 'bigint' || typeof v === 'boolean',
  ),
  float: type(
    'float',
    (args) => (args.length ? toFloatValue(args[0]) : 0.0),
    (v) => typeof v === 'number',
  ),
  str: type(
    'str',
    (args) => (args.length ? str(args[0]) : ''),
    (v) => typeof v === 'string',
  ),
  bool: type(
    'bool',
    (args) => (args.length ? truthy(args[0]) : false),
    (v) => typeof v === 'boolean',
  ),
  list: type(
    'list',
    (args) => new PyList(args.length ? [...iterate(args[0])] : []),
    (v) => v instanceof PyList,
  ),
  tuple: type(
    'tuple',
    (args) => new PyTuple(args.length ? [...iterate(args[0])] : []),
    (v) => v instanceof PyTuple,
  ),
  dict: type('dict', makeDictFrom, (v) => v instanceof PyDict),
  set: type(
    'set',
    (args) => makeSet(args.length ? iterate(args[0]) : []),
    (v) => v instanceof PySet && !v.frozen,
  ),
  frozenset: type(
    'frozenset',
    (args) => makeSet(args.length ? iterate(args[0]) : [], true),
    (v) => v instanceof PySet && v.frozen,
  ),
  range: type('range', makeRange, (v) => v instanceof PyRange),
  slice: type('slice', makeSlice, (v) => v instanceof PySlice),
  object: type(
    'object',
    () => new PyObject(),
    () => true,
  ),
  type: type(
    'type',
    (args) => typeOf(args[0]),
    (v) => v instanceof PyType,
  ),
});

const NONE_TYPE = type(
  'NoneType',
  () => null,
  (v) => v === null,
);

/** type(x) @param {Value} x @returns {PyType} */
export function typeOf(x) {
  const name = typeName(x);
  if (name in BUILTIN_TYPES) return BUILTIN_TYPES[name];
  if (x instanceof PyObject && typeof (/** @type {any} */ (x).pyType) === 'function') {
    return /** @type {any} */ (x).pyType();
  }
  if (x === null) return NONE_TYPE;
  if (x instanceof PyExceptionValue) {
    return /** @type {PyType} */ (EXCEPTION_TYPES.get(shortExceptionName(x.type)));
  }
  return type(
    name,
    () => {
      throw typeError(`cannot create '${name}' instances`);
    },
    (v) => typeName(v) === name,
  );
}

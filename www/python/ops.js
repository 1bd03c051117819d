// Python's operations on any value: type names, repr/str, truth, arithmetic, comparison,
// hashing, iteration, indexing, len. Primitives (None, bool, int, float, str) are handled here;
// PyObjects answer through their own methods (binop, compare, getitem, iter, ...).

import { pyFloatRepr } from '../format/python.js';
import {
  overflowError,
  PageLimit,
  PyError,
  typeError,
  Unsupported,
  valueError,
  zeroDivision,
} from './errors.js';
import {
  NotImplemented,
  PyDict,
  PyList,
  PyObject,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
} from './objects.js';

/** @typedef {import('./objects.js').Value} Value */

/** Python's type name of a value, as messages show it ('int', 'list', 'numpy.ndarray'...). */
export function typeName(/** @type {Value} */ v) {
  switch (typeof v) {
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    default:
      if (v === null) return 'NoneType';
      if (v instanceof PyObject) return v.typeName;
      return 'object';
  }
}

// --- repr and str ------------------------------------------------------------------------------

/** repr() of a str, with Python's choice of quotes and escapes. @param {string} s */
export function reprString(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = /** @type {number} */ (ch.codePointAt(0));
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code <= 0xa0) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0xad) out += '\\xad';
    else if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x2028 && code <= 0x2029)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Cycle guard for repr of containers that contain themselves. */
const reprInProgress = new Set();

/** repr(v) @param {Value} v @returns {string} */
export function repr(v) {
  switch (typeof v) {
    case 'bigint':
      return v.toString();
    case 'number':
      return pyFloatRepr(v);
    case 'string':
      return reprString(v);
    case 'boolean':
      return v ? 'True' : 'False';
    default:
      if (v === null) return 'None';
      if (v instanceof PyList) return reprItems(v, '[', ']', v.items);
      if (v instanceof PyTuple && v.constructor === PyTuple) {
        return reprItems(v, '(', v.items.length === 1 ? ',)' : ')', v.items);
      }
      // a dict subclass (OrderedDict) has a repr of its own
      if (v instanceof PyDict && v.constructor === PyDict) return reprDict(v);
      if (v instanceof PySet) return reprSet(v);
      return /** @type {PyObject} */ (v).repr();
  }
}

/** @param {PyObject} self @param {string} open @param {string} close @param {Value[]} items */
function reprItems(self, open, close, items) {
  if (reprInProgress.has(self)) return `${open}...${close}`;
  reprInProgress.add(self);
  try {
    return open + items.map(repr).join(', ') + close;
  } finally {
    reprInProgress.delete(self);
  }
}

/** @param {PyDict} d */
function reprDict(d) {
  if (reprInProgress.has(d)) return '{...}';
  reprInProgress.add(d);
  try {
    const parts = [];
    for (const [k, v] of d.map.values()) parts.push(`${repr(k)}: ${repr(v)}`);
    return `{${parts.join(', ')}}`;
  } finally {
    reprInProgress.delete(d);
  }
}

/** @param {PySet} s */
function reprSet(s) {
  const items = [...s.map.values()].map(repr);
  if (items.length === 0) return s.frozen ? 'frozenset()' : 'set()';
  const body = `{${items.join(', ')}}`;
  return s.frozen ? `frozenset(${body})` : body;
}

/** str(v) @param {Value} v @returns {string} */
export function str(v) {
  if (typeof v === 'string') return v;
  if (
    v instanceof PyObject &&
    !(v instanceof PyList || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet)
  ) {
    return v.str();
  }
  return repr(v);
}

// --- truth, numbers --------------------------------------------------------------------------

/** bool(v) @param {Value} v @returns {boolean} */
export function truthy(v) {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0 && !Number.isNaN(v) ? true : Number.isNaN(v);
    case 'string':
      return v.length > 0;
    default:
      if (v === null) return false;
      return /** @type {PyObject} */ (v).bool();
  }
}

/** True for Python ints and bools (bool is a subclass of int). @param {Value} v */
export function isInt(v) {
  return typeof v === 'bigint' || typeof v === 'boolean';
}

/** True for int, bool and float. @param {Value} v */
export function isNumber(v) {
  return typeof v === 'bigint' || typeof v === 'boolean' || typeof v === 'number';
}

/** An int or bool as a bigint. @param {bigint | boolean} v */
export function asBigInt(v) {
  return typeof v === 'boolean' ? (v ? 1n : 0n) : v;
}

/**
 * operator.index(v): an int, a bool, or an object with __index__ (NumPy integers); else
 * TypeError with `message` (Python's wording depends on the caller).
 * @param {Value} v @param {string} [message]
 * @returns {bigint}
 */
export function toIndex(v, message) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).index) === 'function') {
    const r = /** @type {any} */ (v).index();
    if (r !== undefined) return r;
  }
  throw typeError(message ?? `'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** An int as a float, with Python's OverflowError. @param {bigint} n */
export function intToFloat(n) {
  const x = Number(n); // rounds to nearest, ties to even, as Python's int.__float__
  if (!Number.isFinite(x)) throw overflowError('int too large to convert to float');
  return x;
}

/**
 * float(v) for numbers and objects with __float__ (NumPy and torch scalars).
 * @param {Value} v @returns {number | undefined}  undefined when v is not a number
 */
export function toFloatOrUndefined(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).float) === 'function') {
    return /** @type {any} */ (v).float();
  }
  return undefined;
}

/** @param {Value} v @param {string} [message] @returns {number} */
export function toFloat(v, message) {
  const x = toFloatOrUndefined(v);
  if (x === undefined) {
    throw typeError(message ?? `must be real number, not ${typeName(v)}`);
  }
  return x;
}

/** Python's a // b for ints. @param {bigint} a @param {bigint} b */
export function floorDivInt(a, b) {
  if (b === 0n) throw zeroDivision('integer division or modulo by zero');
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Python's a % b for ints. @param {bigint} a @param {bigint} b */
export function modInt(a, b) {
  if (b === 0n) throw zeroDivision('integer modulo by zero');
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** Python's float a % b (float_rem). @param {number} a @param {number} b */
export function modFloat(a, b) {
  if (b === 0) throw zeroDivision('float modulo');
  let mod = a % b; // fmod: exact
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** Python's float a // b (float_floor_div, via float_divmod). @param {number} a @param {number} b */
export function floorDivFloat(a, b) {
  if (b === 0) throw zeroDivision('float floor division by zero');
  const mod = a % b; // fmod: exact
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1.0;
  if (div === 0) {
    const q = a / b;
    return q < 0 || Object.is(q, -0) ? -0.0 : 0.0; // copysign(0.0, a / b)
  }
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1.0;
  return floordiv;
}

/**
 * int / int, correctly rounded as Python's long_true_divide.
 * @param {bigint} a @param {bigint} b
 */
export function trueDivInt(a, b) {
  if (b === 0n) throw zeroDivision('division by zero');
  const MAX_EXACT = 1n << 53n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  if (absA <= MAX_EXACT && absB <= MAX_EXACT) return Number(a) / Number(b);
  // Scale so that the quotient has 55+ bits, then round half to even by hand.
  const negative = a < 0n !== b < 0n;
  const shift = BigInt(absB.toString(2).length - absA.toString(2).length + 55);
  let num = absA;
  let den = absB;
  if (shift > 0n) num <<= shift;
  else den <<= -shift;
  let q = num / den;
  const rem = num % den;
  // q has 55 or 56 bits; keep 53 with round half to even, treating a nonzero remainder as sticky.
  const extra = BigInt(q.toString(2).length - 53);
  const low = q & ((1n << extra) - 1n);
  const half = 1n << (extra - 1n);
  q >>= extra;
  if (low > half || (low === half && (rem !== 0n || (q & 1n) === 1n))) q += 1n;
  const x = Number(q) * 2 ** Number(extra - shift);
  if (!Number.isFinite(x)) throw overflowError('integer division result too large for a float');
  return negative ? -x : x;
}

/** Largest integer result the page computes (Python has no limit; a tab does). */
const MAX_INT_BITS = 100_000;

/** @param {bigint} n */
function checkIntSize(n) {
  const a = n < 0n ? -n : n;
  if (a >> BigInt(MAX_INT_BITS) > 0n)
    throw new PageLimit('This integer is too large for this page.');
  return n;
}

/** int ** int. @param {bigint} a @param {bigint} b @returns {bigint | number} */
function powInt(a, b) {
  if (b < 0n) {
    if (a === 0n) throw zeroDivision('0.0 cannot be raised to a negative power');
    return powFloat(intToFloat(a), Number(b));
  }
  const absA = a < 0n ? -a : a;
  if (absA > 1n && BigInt(absA.toString(2).length) * b > BigInt(MAX_INT_BITS)) {
    throw new PageLimit('This integer is too large for this page.');
  }
  return a ** b;
}

/** The platform's pow, for Python's float ** (installed by the math port: see setPow). */
let platformPow = Math.pow;

/**
 * Installs the C library pow that float ** uses (seedlab's port of glibc's), so that results
 * match CPython on the reference platform.
 * @param {(x: number, y: number) => number} pow
 */
export function setPow(pow) {
  platformPow = pow;
}

/** float ** float with CPython's float_pow special cases and errors. @param {number} a @param {number} b */
export function powFloat(a, b) {
  if (b === 0) return 1.0;
  if (Number.isNaN(a)) return b === 0 ? 1.0 : a;
  if (Number.isNaN(b)) return a === 1.0 ? 1.0 : b;
  if (a === 0 && b < 0 && Number.isFinite(b)) {
    throw zeroDivision('0.0 cannot be raised to a negative power');
  }
  if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) {
    // Python returns a complex number here.
    throw new Unsupported('a complex number (a negative number to a fractional power)');
  }
  const r = platformPow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) {
    throw overflowError("(34, 'Numerical result out of range')");
  }
  return r;
}

// --- binary operators -------------------------------------------------------------------------

const OP_NAMES = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '//': '//',
  '%': '%',
  '**': '** or pow()',
  '<<': '<<',
  '>>': '>>',
  '&': '&',
  '|': '|',
  '^': '^',
  '@': '@',
};

/**
 * a op b for the binary operators.
 * @param {string} op @param {Value} a @param {Value} b
 * @returns {Value}
 */
export function binaryOp(op, a, b) {
  const result = primitiveBinary(op, a, b);
  if (result !== NotImplemented) return result;
  if (a instanceof PyObject && typeof (/** @type {any} */ (a).binop) === 'function') {
    const r = /** @type {any} */ (a).binop(op, b, false);
    if (r !== NotImplemented) return r;
  }
  if (b instanceof PyObject && typeof (/** @type {any} */ (b).binop) === 'function') {
    const r = /** @type {any} */ (b).binop(op, a, true);
    if (r !== NotImplemented) return r;
  }
  const name = OP_NAMES[/** @type {keyof typeof OP_NAMES} */ (op)] ?? op;
  if (op === '+' && typeof a === 'string') {
    throw typeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (op === '+' && a instanceof PyList) {
    throw typeError(`can only concatenate list (not "${typeName(b)}") to list`);
  }
  if (op === '+' && a instanceof PyTuple) {
    throw typeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
  }
  if (
    op === '*' &&
    (typeof a === 'string' ||
      a instanceof PyList ||
      a instanceof PyTuple ||
      typeof b === 'string' ||
      b instanceof PyList ||
      b instanceof PyTuple)
  ) {
    const other = typeof a === 'string' || a instanceof PyList || a instanceof PyTuple ? b : a;
    throw typeError(`can't multiply sequence by non-int of type '${typeName(other)}'`);
  }
  throw typeError(`unsupported operand type(s) for ${name}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** @param {string} op @param {Value} a @param {Value} b @returns {Value | typeof NotImplemented} */
function primitiveBinary(op, a, b) {
  const ta = typeof a;
  const tb = typeof b;
  const aInt = ta === 'bigint' || ta === 'boolean';
  const bInt = tb === 'bigint' || tb === 'boolean';
  if (aInt && bInt) {
    if (ta === 'boolean' && tb === 'boolean' && (op === '&' || op === '|' || op === '^')) {
      const x = /** @type {boolean} */ (a);
      const y = /** @type {boolean} */ (b);
      return op === '&' ? x && y : op === '|' ? x || y : x !== y;
    }
    return intBinary(
      op,
      asBigInt(/** @type {bigint|boolean} */ (a)),
      asBigInt(/** @type {bigint|boolean} */ (b)),
    );
  }
  if ((aInt || ta === 'number') && (bInt || tb === 'number')) {
    const x =
      ta === 'number' ? /** @type {number} */ (a) : intToFloat(asBigInt(/** @type {any} */ (a)));
    const y =
      tb === 'number' ? /** @type {number} */ (b) : intToFloat(asBigInt(/** @type {any} */ (b)));
    return floatBinary(op, x, y);
  }
  if (ta === 'string') return stringBinary(op, /** @type {string} */ (a), b);
  if (tb === 'string' && op === '*' && bInt) return repeatString(b, /** @type {any} */ (a));
  if (a instanceof PyList || a instanceof PyTuple || b instanceof PyList || b instanceof PyTuple) {
    return sequenceBinary(op, a, b);
  }
  if (a instanceof PyDict && b instanceof PyDict && op === '|') {
    const d = new PyDict();
    for (const [k, entry] of a.map) d.map.set(k, entry);
    for (const [k, entry] of b.map) d.map.set(k, entry);
    return d;
  }
  if (a instanceof PySet && b instanceof PySet) return setBinary(op, a, b);
  return NotImplemented;
}

/** @param {string} op @param {bigint} x @param {bigint} y @returns {Value | typeof NotImplemented} */
function intBinary(op, x, y) {
  switch (op) {
    case '+':
      return checkIntSize(x + y);
    case '-':
      return checkIntSize(x - y);
    case '*':
      return checkIntSize(x * y);
    case '/':
      return trueDivInt(x, y);
    case '//':
      return floorDivInt(x, y);
    case '%':
      return modInt(x, y);
    case '**':
      return powInt(x, y);
    case '<<':
      if (y < 0n) throw valueError('negative shift count');
      if (y > BigInt(MAX_INT_BITS)) throw new PageLimit('This integer is too large for this page.');
      return checkIntSize(x << y);
    case '>>':
      if (y < 0n) throw valueError('negative shift count');
      return x >> y;
    case '&':
      return x & y;
    case '|':
      return x | y;
    case '^':
      return x ^ y;
    default:
      return NotImplemented;
  }
}

/** @param {string} op @param {number} x @param {number} y @returns {Value | typeof NotImplemented} */
function floatBinary(op, x, y) {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw zeroDivision('float division by zero');
      return x / y;
    case '//':
      return floorDivFloat(x, y);
    case '%':
      return modFloat(x, y);
    case '**':
      return powFloat(x, y);
    default:
      return NotImplemented;
  }
}

/** @param {string} op @param {string} a @param {Value} b */
function stringBinary(op, a, b) {
  if (op === '+' && typeof b === 'string') return a + b;
  if (op === '*' && isInt(b)) return repeatString(b, a);
  if (op === '%') return percentFormat(a, b);
  return NotImplemented;
}

/** @param {Value} count @param {string} s */
function repeatString(count, s) {
  const n = asBigInt(/** @type {bigint|boolean} */ (count));
  if (n <= 0n) return '';
  if (BigInt(s.length) * n > 100_000_000n)
    throw new PageLimit('This string is too long for this page.');
  return s.repeat(Number(n));
}

/** @param {string} op @param {Value} a @param {Value} b */
function sequenceBinary(op, a, b) {
  if (op === '+') {
    if (a instanceof PyList && b instanceof PyList) return new PyList([...a.items, ...b.items]);
    if (a instanceof PyTuple && b instanceof PyTuple) {
      // A tuple subclass on either side (torch.Size) makes the result its own type.
      return (b.constructor !== PyTuple ? b : a).derive([...a.items, ...b.items]);
    }
    return NotImplemented;
  }
  if (op === '*') {
    const [seq, count] = a instanceof PyList || a instanceof PyTuple ? [a, b] : [b, a];
    if (!isInt(count)) return NotImplemented;
    const n = Number(asBigInt(/** @type {bigint|boolean} */ (count)));
    const items = /** @type {PyList | PyTuple} */ (seq).items;
    if (items.length * Math.max(n, 0) > 10_000_000)
      throw new PageLimit('This list is too long for this page.');
    const out = [];
    for (let i = 0; i < n; i++) out.push(...items);
    return seq instanceof PyList ? new PyList(out) : /** @type {PyTuple} */ (seq).derive(out);
  }
  return NotImplemented;
}

/** @param {string} op @param {PySet} a @param {PySet} b */
function setBinary(op, a, b) {
  const out = new PySet(a.frozen);
  switch (op) {
    case '|':
      for (const [k, v] of a.map) out.map.set(k, v);
      for (const [k, v] of b.map) if (!out.map.has(k)) out.map.set(k, v);
      return out;
    case '&':
      for (const [k, v] of a.map) if (b.map.has(k)) out.map.set(k, v);
      return out;
    case '-':
      for (const [k, v] of a.map) if (!b.map.has(k)) out.map.set(k, v);
      return out;
    case '^':
      for (const [k, v] of a.map) if (!b.map.has(k)) out.map.set(k, v);
      for (const [k, v] of b.map) if (!a.map.has(k)) out.map.set(k, v);
      return out;
    default:
      return NotImplemented;
  }
}

/** Set by format-spec.js: printf-style `'%.3f' % x`. */
let percentFormatter = /** @type {(fmt: string, args: Value) => string} */ (
  () => {
    throw new PyError('TypeError', 'not all arguments converted during string formatting');
  }
);

/** @param {(fmt: string, args: Value) => string} f */
export function setPercentFormatter(f) {
  percentFormatter = f;
}

/** @param {string} fmt @param {Value} args */
function percentFormat(fmt, args) {
  return percentFormatter(fmt, args);
}

// --- unary operators -----------------------------------------------------------------------

/** @param {string} op @param {Value} v @returns {Value} */
export function unaryOp(op, v) {
  if (op === 'not') return !truthy(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') {
    const n = asBigInt(v);
    if (op === '-') return -n;
    if (op === '+') return n;
    if (op === '~') return ~n;
  }
  if (typeof v === 'number') {
    if (op === '-') return -v;
    if (op === '+') return v;
  }
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).unaryop) === 'function') {
    const r = /** @type {any} */ (v).unaryop(op);
    if (r !== NotImplemented) return r;
  }
  const name = op === '-' ? 'unary -' : op === '+' ? 'unary +' : 'unary ~';
  throw typeError(`bad operand type for ${name}: '${typeName(v)}'`);
}

// --- comparison --------------------------------------------------------------------------------

/**
 * a op b for == != < <= > >= (not `is`/`in`: see the interpreter).
 * @param {string} op @param {Value} a @param {Value} b @returns {Value}
 */
export function compare(op, a, b) {
  if (a instanceof PyObject && typeof (/** @type {any} */ (a).compare) === 'function') {
    const r = /** @type {any} */ (a).compare(op, b, false);
    if (r !== NotImplemented) return r;
  }
  if (b instanceof PyObject && typeof (/** @type {any} */ (b).compare) === 'function') {
    const r = /** @type {any} */ (b).compare(op, a, true);
    if (r !== NotImplemented) return r;
  }
  if (op === '==') return equals(a, b);
  if (op === '!=') return !equals(a, b);
  const c = order(a, b, op);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    default:
      throw new Error(`unknown comparison ${op}`);
  }
}

/**
 * Python's == for values without their own comparison.
 * @param {Value} a @param {Value} b @returns {boolean}
 */
export function equals(a, b) {
  if (a === b) return typeof a === 'number' ? !Number.isNaN(a) : true;
  if (isNumber(a) && isNumber(b)) {
    const x = typeof a === 'boolean' ? (a ? 1n : 0n) : a;
    const y = typeof b === 'boolean' ? (b ? 1n : 0n) : b;
    // JS compares a bigint with a number exactly, as Python compares an int with a float.
    // biome-ignore lint/suspicious/noDoubleEquals: == is the exact mixed bigint/number comparison.
    return /** @type {any} */ (x) == /** @type {any} */ (y);
  }
  if (a instanceof PyObject && b instanceof PyObject) {
    if (
      (a instanceof PyList && b instanceof PyList) ||
      (a instanceof PyTuple && b instanceof PyTuple)
    ) {
      if (a.items.length !== b.items.length) return false;
      return a.items.every((x, i) => x === b.items[i] || truthy(compare('==', x, b.items[i])));
    }
    if (a instanceof PyDict && b instanceof PyDict) {
      if (a.map.size !== b.map.size) return false;
      for (const [k, [, v]] of a.map) {
        const other = b.map.get(k);
        if (!other || !truthy(compare('==', v, other[1]))) return false;
      }
      return true;
    }
    if (a instanceof PySet && b instanceof PySet) {
      if (a.map.size !== b.map.size) return false;
      for (const k of a.map.keys()) if (!b.map.has(k)) return false;
      return true;
    }
    if (a instanceof PyRange && b instanceof PyRange) {
      return (
        a.length === b.length &&
        (a.length === 0n || (a.start === b.start && (a.length === 1n || a.step === b.step)))
      );
    }
    if (a instanceof PySlice && b instanceof PySlice) {
      return equals(a.start, b.start) && equals(a.stop, b.stop) && equals(a.step, b.step);
    }
  }
  return false;
}

/**
 * -1, 0 or 1 for an ordering comparison; TypeError when Python cannot order the two.
 * @param {Value} a @param {Value} b @param {string} op
 * @returns {number}
 */
export function order(a, b, op = '<') {
  if (isNumber(a) && isNumber(b)) {
    const x = typeof a === 'boolean' ? (a ? 1n : 0n) : a;
    const y = typeof b === 'boolean' ? (b ? 1n : 0n) : b;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (
    (a instanceof PyList && b instanceof PyList) ||
    (a instanceof PyTuple && b instanceof PyTuple)
  ) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      if (!equals(a.items[i], b.items[i])) {
        return truthy(compare('<', a.items[i], b.items[i])) ? -1 : 1;
      }
    }
    return a.items.length - b.items.length;
  }
  throw typeError(
    `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
  );
}

// --- hashing -----------------------------------------------------------------------------------

/**
 * A string key such that equal values (1 == 1.0 == True) get the same key; TypeError for
 * unhashable values.
 * @param {Value} v @returns {string}
 */
export function hashKey(v) {
  switch (typeof v) {
    case 'bigint':
      return `i${v}`;
    case 'boolean':
      return v ? 'i1' : 'i0';
    case 'number':
      if (Number.isInteger(v)) return `i${BigInt(v)}`;
      return `f${v}`;
    case 'string':
      return `s${v}`;
    default:
      if (v === null) return 'N';
      if (v instanceof PyTuple) return `t(${v.items.map(hashKey).join(',')})`;
      if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && !v.frozen)) {
        throw typeError(`unhashable type: '${v.typeName}'`);
      }
      return /** @type {PyObject} */ (v).hashKey();
  }
}

// --- containers: iteration, length, indexing --------------------------------------------------

/**
 * iter(v) as a JS iterator of Python values.
 * @param {Value} v @returns {Iterable<Value>}
 */
export function iterate(v) {
  if (typeof v === 'string') return v;
  if (v instanceof PyList || v instanceof PyTuple) return v.items;
  if (v instanceof PyDict) return [...v.map.values()].map(([k]) => k);
  if (v instanceof PySet) return [...v.map.values()];
  if (v instanceof PyRange) return rangeIterator(v);
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).iter) === 'function') {
    return /** @type {any} */ (v).iter();
  }
  throw typeError(`'${typeName(v)}' object is not iterable`);
}

/** @param {PyRange} r */
function* rangeIterator(r) {
  const { start, stop, step } = r;
  if (step > 0n) for (let i = start; i < stop; i += step) yield i;
  else for (let i = start; i > stop; i += step) yield i;
}

/**
 * KeyError(key): printed as repr(key) ("KeyError: 'x'"), its args the key itself.
 * @param {Value} key
 */
export function keyErrorFor(key) {
  const error = new PyError('KeyError', repr(key));
  error.args = [key];
  return error;
}

/** len(v) @param {Value} v @returns {number} */
export function len(v) {
  if (typeof v === 'string') return [...v].length;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return Number(v.length);
  if (v instanceof PyObject && typeof (/** @type {any} */ (v).len) === 'function') {
    return /** @type {any} */ (v).len();
  }
  throw typeError(`object of type '${typeName(v)}' has no len()`);
}

/** `x in container` @param {Value} x @param {Value} container @returns {boolean} */
export function contains(container, x) {
  if (typeof container === 'string') {
    if (typeof x !== 'string') {
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(x)}`);
    }
    return container.includes(x);
  }
  if (container instanceof PyDict) return container.map.has(hashKey(x));
  if (container instanceof PySet) return container.map.has(hashKey(x));
  if (container instanceof PyRange) {
    if (!isInt(x) && !(typeof x === 'number' && Number.isInteger(x))) {
      for (const item of iterate(container)) if (equals(item, x)) return true;
      return false;
    }
    const n = typeof x === 'number' ? BigInt(x) : asBigInt(/** @type {bigint|boolean} */ (x));
    const { start, step } = container;
    const end = start + container.length * step;
    const inside = step > 0n ? n >= start && n < end : n <= start && n > end;
    return inside && (n - start) % step === 0n;
  }
  if (
    container instanceof PyObject &&
    typeof (/** @type {any} */ (container).contains) === 'function'
  ) {
    return /** @type {any} */ (container).contains(x);
  }
  for (const item of iterate(container)) {
    if (item === x || truthy(compare('==', item, x))) return true;
  }
  return false;
}

/**
 * The indices a slice selects from a sequence of `length`: Python's slice.indices().
 * @param {PySlice} s @param {number} length
 * @returns {{ start: number, stop: number, step: number, count: number }}
 */
export function sliceIndices(s, length) {
  const step =
    s.step === null
      ? 1
      : Number(
          toIndex(s.step, 'slice indices must be integers or None or have an __index__ method'),
        );
  if (step === 0) throw valueError('slice step cannot be zero');
  /** @param {Value} v @param {number} dflt @param {number} lower @param {number} upper */
  const clamp = (v, dflt, lower, upper) => {
    if (v === null) return dflt;
    let i = Number(
      toIndex(v, 'slice indices must be integers or None or have an __index__ method'),
    );
    if (i < 0) i = Math.max(i + length, lower);
    else i = Math.min(i, upper);
    return i;
  };
  const start =
    step > 0 ? clamp(s.start, 0, 0, length) : clamp(s.start, length - 1, -1, length - 1);
  const stop = step > 0 ? clamp(s.stop, length, 0, length) : clamp(s.stop, -1, -1, length - 1);
  const count =
    step > 0
      ? Math.max(0, Math.ceil((stop - start) / step))
      : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, stop, step, count };
}

/** A sequence index, normalised and bounds-checked. @param {Value} key @param {number} length @param {string} what */
export function sequenceIndex(key, length, what) {
  const i = Number(
    toIndex(key, `${what} indices must be integers or slices, not ${typeName(key)}`),
  );
  const j = i < 0 ? i + length : i;
  if (j < 0 || j >= length) throw new PyError('IndexError', `${what} index out of range`);
  return j;
}

/** obj[key] @param {Value} obj @param {Value} key @returns {Value} */
export function getItem(obj, key) {
  if (typeof obj === 'string') {
    const chars = [...obj];
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, chars.length);
      let out = '';
      for (let k = 0, i = start; k < count; k++, i += step) out += chars[i];
      return out;
    }
    return chars[sequenceIndex(key, chars.length, 'string')];
  }
  if (obj instanceof PyList || obj instanceof PyTuple) {
    const what = obj instanceof PyList ? 'list' : 'tuple';
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, obj.items.length);
      const out = [];
      for (let k = 0, i = start; k < count; k++, i += step) out.push(obj.items[i]);
      return obj instanceof PyList ? new PyList(out) : obj.derive(out);
    }
    return obj.items[sequenceIndex(key, obj.items.length, what)];
  }
  if (obj instanceof PyDict) {
    const entry = obj.map.get(hashKey(key));
    if (!entry) throw keyErrorFor(key);
    return entry[1];
  }
  if (obj instanceof PyRange) {
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, Number(obj.length));
      const first = obj.start + BigInt(start) * obj.step;
      const newStep = obj.step * BigInt(step);
      return new PyRange(first, first + BigInt(count) * newStep, newStep);
    }
    const i = sequenceIndex(key, Number(obj.length), 'range object');
    return obj.start + BigInt(i) * obj.step;
  }
  if (obj instanceof PyObject && typeof (/** @type {any} */ (obj).getitem) === 'function') {
    return /** @type {any} */ (obj).getitem(key);
  }
  throw typeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** obj[key] = value @param {Value} obj @param {Value} key @param {Value} value */
export function setItem(obj, key, value) {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, obj.items.length);
      const values = [...iterate(value)];
      if (step === 1) {
        obj.items.splice(start, Math.max(count, 0), ...values);
        return;
      }
      if (values.length !== count) {
        throw valueError(
          `attempt to assign sequence of size ${values.length} to extended slice of size ${count}`,
        );
      }
      for (let k = 0, i = start; k < count; k++, i += step) obj.items[i] = values[k];
      return;
    }
    obj.items[sequenceIndex(key, obj.items.length, 'list assignment')] = value;
    return;
  }
  if (obj instanceof PyDict) {
    obj.map.set(hashKey(key), [key, value]);
    return;
  }
  if (obj instanceof PyObject && typeof (/** @type {any} */ (obj).setitem) === 'function') {
    /** @type {any} */ (obj).setitem(key, value);
    return;
  }
  throw typeError(`'${typeName(obj)}' object does not support item assignment`);
}

/** del obj[key] @param {Value} obj @param {Value} key */
export function delItem(obj, key) {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, obj.items.length);
      const drop = new Set();
      for (let k = 0, i = start; k < count; k++, i += step) drop.add(i);
      obj.items = obj.items.filter((_, i) => !drop.has(i));
      return;
    }
    obj.items.splice(sequenceIndex(key, obj.items.length, 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!obj.map.delete(hashKey(key))) throw keyErrorFor(key);
    return;
  }
  throw typeError(`'${typeName(obj)}' object doesn't support item deletion`);
}

/** Builds a dict from [key, value] pairs. @param {Iterable<[Value, Value]>} pairs */
export function makeDict(pairs) {
  const d = new PyDict();
  for (const [k, v] of pairs) d.map.set(hashKey(k), [k, v]);
  return d;
}

/** Builds a set. @param {Iterable<Value>} items @param {boolean} [frozen] */
export function makeSet(items, frozen = false) {
  const s = new PySet(frozen);
  for (const v of items) {
    const k = hashKey(v);
    if (!s.map.has(k)) s.map.set(k, v);
  }
  return s;
}

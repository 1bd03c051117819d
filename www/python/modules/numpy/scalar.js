// NumPy's scalars — np.float64, np.float32, np.int64, np.int32, np.bool, np.str_ — what
// indexing one element or reducing a whole array returns. NumPy 2 reprs (np.float64(0.5),
// np.True_, np.str_('red')), Python's str(), arithmetic by NEP 50 (through the ufuncs on 0-d
// arrays), __index__ for the integers, and hashes equal to the equal Python numbers'.
//
//   new NpScalar(FLOAT32, Math.fround(0.1)).repr()    'np.float32(0.1)'

import { shortestFloat32 } from '../../../format/decimal.js';
import { pyFloatRepr } from '../../../format/python.js';
import { bind } from '../../args.js';
import { getAttr } from '../../attributes.js';
import { PyError, typeError, valueError } from '../../errors.js';
import { formatValue } from '../../format-spec.js';
import { NotImplemented, PyBoundMethod, PyList, PyObject, PyTuple, PyType } from '../../objects.js';
import {
  getItem,
  hashKey,
  binaryOp as pyBinaryOp,
  compare as pyCompare,
  str as pyStr,
  reprString,
} from '../../ops.js';
import { BOOL, FLOAT32, FLOAT64 } from './dtype.js';
import { hooks, NDArray } from './ndarray.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtype.js').DType} DType */

/** Hooks set by the ufunc and array-method files. */
export const scalarHooks = {
  /** @type {(op: string, a: Value, b: Value, reflected: boolean) => Value | typeof NotImplemented} */
  binop: () => NotImplemented,
  /** @type {(op: string, a: Value, b: Value, reflected: boolean) => Value | typeof NotImplemented} */
  compare: () => NotImplemented,
  /** @type {(op: string, a: Value) => Value | typeof NotImplemented} */
  unary: () => NotImplemented,
  /** @type {(a: NpScalar, decimals: number) => Value} */
  round: () => null,
  /** @type {(spec: Value) => DType} */
  dtypeArg: () => FLOAT64,
  /** @type {(t: DType) => Value} */
  dtypeObject: () => null,
};

/** str() of a float32 as NumPy prints the scalar: shortest float32 digits. @param {number} x */
export function float32Str(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const a = Math.abs(x);
  const { digits, exp } = shortestFloat32(a);
  if (a >= 1e-4 && a < 1e6) {
    if (exp >= 0) {
      const ip = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const fp = digits.slice(exp + 1);
      return `${sign}${ip}.${fp === '' ? '0' : fp}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e}`;
}

/** The Python value of a raw element (what .item() returns). @param {DType} dtype @param {any} raw @returns {Value} */
export function pythonValue(dtype, raw) {
  if (dtype.isInt) return BigInt(raw);
  if (dtype === BOOL) return raw !== 0;
  return raw;
}

/** str() of one element. @param {DType} dtype @param {any} raw */
export function scalarStr(dtype, raw) {
  switch (dtype) {
    case FLOAT64:
      return pyFloatRepr(raw);
    case FLOAT32:
      return float32Str(raw);
    case BOOL:
      return raw ? 'True' : 'False';
    default:
      return dtype.isInt ? String(raw) : raw;
  }
}

/** The `numpy.float64`-style type name of a dtype's scalars. @param {DType} dtype */
export function scalarTypeName(dtype) {
  if (dtype.isString) return 'str_';
  return dtype.name;
}

export class NpScalar extends PyObject {
  /** @param {DType} dtype @param {any} raw */
  constructor(dtype, raw) {
    super();
    this.dtype = dtype;
    this.raw = raw;
  }

  /** @override */
  get typeName() {
    return `numpy.${scalarTypeName(this.dtype)}`;
  }

  pyType() {
    return scalarType(this.dtype);
  }

  /** @override */
  repr() {
    const { dtype, raw } = this;
    if (dtype === BOOL) return raw ? 'np.True_' : 'np.False_';
    if (dtype.isString) return `np.str_(${reprString(raw)})`;
    return `np.${dtype.name}(${scalarStr(dtype, raw)})`;
  }

  /** @override */
  str() {
    return scalarStr(this.dtype, this.raw);
  }

  /** The equal Python value. */
  item() {
    return pythonValue(this.dtype, this.raw);
  }

  /** A 0-d array holding this value. */
  toArray() {
    const data = this.dtype.make(1);
    data[0] = this.raw;
    return NDArray.fromBuffer(data, [], this.dtype);
  }

  /** @override */
  bool() {
    const { dtype, raw } = this;
    if (dtype.isBig) return raw !== 0n;
    if (dtype.isString) return raw !== '';
    return raw !== 0;
  }

  /** @override */
  hashKey() {
    return hashKey(this.item());
  }

  float() {
    if (this.dtype.isString) return undefined;
    return Number(this.item() === true ? 1 : this.item() === false ? 0 : this.item());
  }

  int() {
    const { dtype, raw } = this;
    if (dtype.isInt) return BigInt(raw);
    if (dtype === BOOL) return raw ? 1n : 0n;
    if (dtype.isString) {
      if (!/^\s*[+-]?\d+\s*$/.test(raw))
        throw valueError(`invalid literal for int() with base 10: ${reprString(raw)}`);
      return BigInt(raw.trim());
    }
    if (Number.isNaN(raw)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(raw))
      throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(raw));
  }

  index() {
    if (this.dtype.isInt) return BigInt(this.raw);
    return undefined;
  }

  /** round(x[, ndigits]) @param {bigint | null} ndigits */
  round(ndigits) {
    if (this.dtype.isString) throw typeError("type numpy.str_ doesn't define __round__ method");
    if (ndigits === null) {
      const r = /** @type {NpScalar} */ (scalarHooks.round(this, 0));
      if (this.dtype.isFloat) {
        if (Number.isNaN(r.raw)) throw valueError('cannot convert float NaN to integer');
        if (!Number.isFinite(r.raw))
          throw new PyError('OverflowError', 'cannot convert float infinity to integer');
        return BigInt(r.raw);
      }
      return r.int();
    }
    return scalarHooks.round(this, Number(ndigits));
  }

  /** format(x, spec): NumPy scalars format as the Python value they equal. @param {string} spec */
  format(spec) {
    if (this.dtype.isString) {
      if (/^(?:.?[<>=^])?[-+ ]?z?#?0?\d*[,_]/s.test(spec)) {
        throw valueError(
          `Cannot specify '${/[,_]/.exec(spec.replace(/^.?[<>=^]/s, ''))?.[0]}' with 's'.`,
        );
      }
      try {
        return formatValue(this.raw, spec);
      } catch (e) {
        if (e instanceof PyError) e.message = e.message.replace("type 'str'", "type 'numpy.str_'");
        throw e;
      }
    }
    // np.bool formats as the integer it is, except with an empty spec.
    if (this.dtype === BOOL && spec !== '') return formatValue(this.raw ? 1n : 0n, spec);
    if (this.dtype === FLOAT32 || spec !== '') return formatValue(this.item(), spec);
    return this.str();
  }

  /** @param {string} op @param {Value} other @param {boolean} reflected */
  binop(op, other, reflected) {
    if (this.dtype.isString) {
      // np.str_ is a str: concatenation, repetition and % formatting as Python's str.
      const o = other instanceof NpScalar && other.dtype.isString ? other.raw : other;
      return pyBinaryOp(op, reflected ? o : this.raw, reflected ? this.raw : o);
    }
    if (
      op === '*' &&
      (typeof other === 'string' || other instanceof PyList || other instanceof PyTuple)
    ) {
      // Sequence repetition: NumPy integers are indexes, the others are not.
      if (!this.dtype.isInt)
        throw typeError(`can't multiply sequence by non-int of type '${this.typeName}'`);
      return pyBinaryOp('*', other, BigInt(this.raw));
    }
    if (reflected && typeof other === 'string') return NotImplemented;
    return scalarHooks.binop(op, this, other, reflected);
  }

  /** @param {string} op @param {Value} other @param {boolean} reflected */
  compare(op, other, reflected) {
    if (
      this.dtype.isString &&
      (typeof other === 'string' || (other instanceof NpScalar && other.dtype.isString))
    ) {
      const o = typeof other === 'string' ? other : /** @type {NpScalar} */ (other).raw;
      return pyCompare(op, reflected ? o : this.raw, reflected ? this.raw : o);
    }
    return scalarHooks.compare(op, this, other, reflected);
  }

  /** @param {string} op */
  unaryop(op) {
    return scalarHooks.unary(op, this);
  }

  len() {
    if (this.dtype.isString) return [...this.raw].length;
    throw typeError(`object of type '${this.typeName}' has no len()`);
  }

  iter() {
    if (this.dtype.isString) return [...this.raw];
    throw typeError(`'${this.typeName}' object is not iterable`);
  }

  /** @param {Value} x */
  contains(x) {
    if (this.dtype.isString) {
      if (typeof x !== 'string')
        throw typeError(
          `'in <string>' requires string as left operand, not ${x instanceof PyObject ? x.typeName : typeof x}`,
        );
      return this.raw.includes(x);
    }
    throw typeError(`argument of type '${this.typeName}' is not iterable`);
  }

  /** @param {Value} key */
  getitem(key) {
    if (this.dtype.isString) return getItem(this.raw, key);
    throw new PyError('IndexError', 'invalid index to scalar variable.');
  }

  /** @param {string} name @override */
  getattr(name) {
    const method = (
      /** @type {string} */ n,
      /** @type {(args: Value[], kwargs: Map<string, Value>) => Value} */ fn,
    ) => new PyBoundMethod(this, n, fn, scalarTypeName(this.dtype));
    switch (name) {
      case 'item':
      case 'tolist':
        return method(name, () => this.item());
      case 'dtype':
        return scalarHooks.dtypeObject(this.dtype);
      case 'shape':
        return new PyTuple([]);
      case 'ndim':
        return 0n;
      case 'size':
        return 1n;
      case 'itemsize':
      case 'nbytes':
        return BigInt(this.dtype.itemsize);
      case 'real':
      case 'T':
        return this;
      case 'imag':
        return new NpScalar(this.dtype, this.dtype.zero);
      case 'conjugate':
        return method(name, () => this);
      case 'is_integer':
        if (!this.dtype.isFloat) return undefined;
        return method(name, () => Number.isInteger(this.raw));
      case 'astype':
        return method(name, (args, kwargs) => {
          const a = bind('astype', ['dtype'], args, kwargs);
          return this.toArray().astype(scalarHooks.dtypeArg(a.dtype)).getitem(new PyTuple([]));
        });
      case '__class__':
        return scalarType(this.dtype);
      default:
        break;
    }
    if (this.dtype.isString) {
      try {
        return getAttr(this.raw, name);
      } catch {
        return undefined;
      }
    }
    // Array methods work on scalars as on 0-d arrays (x.sum(), x.round(2), x.mean()).
    const value = /** @type {any} */ (this.toArray()).getattr(name);
    return value;
  }
}

/** A scalar from a raw value. @param {DType} dtype @param {any} raw @returns {NpScalar} */
export function makeScalar(dtype, raw) {
  return new NpScalar(dtype, raw);
}

hooks.scalar = makeScalar;

// --- the scalar types: np.float64, np.int64, ... ------------------------------------------------

/** @type {Map<DType, PyType>} */
const SCALAR_TYPES = new Map();

/** The type object of a dtype's scalars (np.float64 for FLOAT64). @param {DType} dtype */
export function scalarType(dtype) {
  const key = dtype.isString ? STR_KEY : dtype;
  let t = SCALAR_TYPES.get(key);
  if (!t) {
    const name = dtype.isString ? 'str_' : dtype.name;
    t = new PyType(
      `numpy.${name}`,
      (args, kwargs) => constructScalar(dtype, args, kwargs),
      (v) => v instanceof NpScalar && (dtype.isString ? v.dtype.isString : v.dtype === dtype),
    );
    /** @type {any} */ (t).dtype = dtype;
    prettyAsName(t);
    SCALAR_TYPES.set(key, t);
  }
  return t;
}

const STR_KEY = /** @type {DType} */ (/** @type {unknown} */ ({ key: 'str' }));

/** np.float64(x) and friends. @param {DType} dtype @param {Value[]} args @param {Map<string, Value>} kwargs */
function constructScalar(dtype, args, kwargs) {
  if (kwargs.size) throw typeError(`${scalarTypeName(dtype)}() takes no keyword arguments`);
  if (args.length > 1)
    throw typeError(`${scalarTypeName(dtype)}() takes at most 1 argument (${args.length} given)`);
  if (args.length === 0)
    return new NpScalar(dtype.isString ? hooks.asArray('').dtype : dtype, dtype.zero);
  const x = args[0];
  if (dtype.isString) {
    const s = typeof x === 'string' ? x : pyStr(x);
    return new NpScalar(hooks.asArray(s).dtype, s);
  }
  if (typeof x === 'string' || (x instanceof NpScalar && x.dtype.isString)) {
    const text = typeof x === 'string' ? x : x.raw;
    return new NpScalar(dtype, hooks.toRaw(parseNumberText(text, dtype), dtype));
  }
  if (x instanceof NDArray || x instanceof PyList || x instanceof PyTuple) {
    const arr = hooks.asArray(x, dtype);
    return arr.ndim === 0 ? arr.getitem(new PyTuple([])) : arr;
  }
  if (x instanceof NpScalar) {
    const arr = x.toArray().astype(dtype);
    return new NpScalar(dtype, arr.rawAt(0));
  }
  if (typeof x === 'number' && dtype.isInt) {
    if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x))
      throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return new NpScalar(dtype, hooks.toRaw(BigInt(Math.trunc(x)), dtype));
  }
  if (x === null) {
    if (dtype.isFloat) return new NpScalar(dtype, Number.NaN);
    throw typeError(
      `int() argument must be a string, a bytes-like object or a real number, not 'NoneType'`,
    );
  }
  return new NpScalar(dtype, hooks.toRaw(x, dtype));
}

/** @param {string} text @param {DType} dtype @returns {Value} */
function parseNumberText(text, dtype) {
  const s = text.trim();
  if (dtype.isInt) {
    if (!/^[+-]?\d+$/.test(s.replace(/_/g, '')))
      throw valueError(`invalid literal for int() with base 10: ${reprString(text)}`);
    return BigInt(s.replace(/_/g, ''));
  }
  if (dtype === BOOL) return s.length > 0;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return Number.NaN;
  if (/^[+-]?(\d[\d_]*\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s.replace(/_/g, ''));
  throw valueError(`could not convert string to float: ${reprString(text)}`);
}

/**
 * How IPython displays a class: its module and name (numpy.float64), not its repr.
 * @param {PyType} t
 */
export function prettyAsName(t) {
  /** @type {any} */ (t).reprPretty = (/** @type {any} */ p) => p.text(t.name);
  return t;
}

/** The abstract scalar types used with isinstance: np.floating, np.integer, np.number, np.generic. */
export function abstractScalarTypes() {
  const abstract = (/** @type {string} */ name, /** @type {(s: NpScalar) => boolean} */ test) =>
    prettyAsName(
      new PyType(
        `numpy.${name}`,
        () => {
          throw typeError(`cannot create 'numpy.${name}' instances`);
        },
        (v) => v instanceof NpScalar && test(v),
      ),
    );
  return {
    generic: abstract('generic', () => true),
    number: abstract('number', (s) => !s.dtype.isString && s.dtype !== BOOL),
    integer: abstract('integer', (s) => s.dtype.isInt),
    signedinteger: abstract('signedinteger', (s) => s.dtype.isInt && !s.dtype.isUnsigned),
    unsignedinteger: abstract('unsignedinteger', (s) => s.dtype.isUnsigned),
    floating: abstract('floating', (s) => s.dtype.isFloat),
    inexact: abstract('inexact', (s) => s.dtype.isFloat),
  };
}

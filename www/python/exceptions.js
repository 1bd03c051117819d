// Python's exception classes as user code meets them: `raise ValueError('x')`, `except
// (KeyError, IndexError) as e:`, `e.args`. A raised exception travels as a PyError (errors.js);
// PyExceptionValue is the object `except ... as e` binds.

import { PyError, typeError } from './errors.js';
import { PyObject, PyTuple, PyType } from './objects.js';
import { repr, str } from './ops.js';

/** @typedef {import('./objects.js').Value} Value */

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
  // NumPy's TypeErrors, raised under their qualified names (numpy._core._exceptions._UFuncNoLoopError)
  _UFuncNoLoopError: 'TypeError',
  _UFuncOutputCastingError: 'TypeError',
  DTypePromotionError: 'TypeError',
};

/** An exception class's name without its module. @param {string} type */
export function shortExceptionName(type) {
  return type.slice(type.lastIndexOf('.') + 1);
}

/** @param {string} qualifiedName @param {string} base */
function isSubclass(qualifiedName, base) {
  const name = shortExceptionName(qualifiedName);
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
    if (error.args) return new PyExceptionValue(error.type, error.args);
    return new PyExceptionValue(error.type, error.message === '' ? [] : [error.message]);
  }

  /** @override */
  get typeName() {
    return this.type;
  }

  /** @override */
  str() {
    if (this.args.length === 0) return '';
    if (this.args.length === 1)
      return this.type === 'KeyError' ? repr(this.args[0]) : str(this.args[0]);
    return repr(new PyTuple(this.args));
  }

  /** @override */
  repr() {
    const inner = this.args.length === 1 ? repr(this.args[0]) : this.args.map(repr).join(', ');
    return `${shortExceptionName(this.type)}(${inner})`;
  }

  /**
   * @param {string} name
   * @override
   */
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

export const EXCEPTION_TYPES = new Map(
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
 * @returns {boolean}
 */
export function exceptionMatches(error, clause) {
  if (clause instanceof PyTuple) return clause.items.some((c) => exceptionMatches(error, c));
  if (!(clause instanceof PyType) || !EXCEPTION_TYPES.has(clause.name)) {
    throw typeError('catching classes that do not inherit from BaseException is not allowed');
  }
  return isSubclass(error.type, clause.name);
}

/** Whether `name` is an exception class this interpreter knows. @param {string} name */
export function isExceptionName(name) {
  return Object.hasOwn(EXCEPTION_BASES, name);
}

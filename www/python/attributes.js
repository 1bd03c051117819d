// Attribute access: `obj.name`. PyObjects answer for themselves; the built-in types' methods
// (str.join, list.append, dict.items, ...) come from the tables in methods.js.

import { PyError, Unsupported } from './errors.js';
import { METHODS } from './methods.js';
import { PyBoundMethod, PyDict, PyList, PyModule, PyObject, PySet, PyTuple } from './objects.js';
import { typeName } from './ops.js';

/** @typedef {import('./objects.js').Value} Value */

/** The built-in type whose method table applies to a value. @param {Value} obj */
function builtinType(obj) {
  switch (typeof obj) {
    case 'string':
      return 'str';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'int';
    case 'number':
      return 'float';
    default:
      if (obj instanceof PyList) return 'list';
      if (obj instanceof PyTuple) return 'tuple';
      if (obj instanceof PyDict) return 'dict';
      if (obj instanceof PySet) return 'set';
      return null;
  }
}

/**
 * getattr(obj, name), with Python's AttributeError.
 * @param {Value} obj @param {string} name @returns {Value}
 */
export function getAttr(obj, name) {
  const type = builtinType(obj);
  if (type !== null) {
    if (obj instanceof PyTuple && obj.constructor !== PyTuple) {
      // a tuple subclass's own attributes (torch.Size.numel, a structseq's fields)
      const own = obj.getattr(name);
      if (own !== undefined) return own;
    }
    const method = METHODS[type]?.[name];
    if (method)
      return new PyBoundMethod(
        obj,
        name,
        (args, kwargs, interp) => method(obj, args, kwargs, interp),
        typeName(obj),
      );
    const property = PROPERTIES[type]?.[name];
    if (property) return property(obj);
  } else if (obj instanceof PyObject) {
    const value = obj.getattr(name);
    if (value !== undefined) return value;
    if (obj instanceof PyModule) {
      if (obj.knownNames.has(name)) throw new Unsupported(`${obj.name}.${name}`);
      throw new PyError('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
    }
    const unsupported = /** @type {any} */ (obj).unsupportedAttribute?.(name);
    if (unsupported) throw unsupported;
  }
  throw new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** obj.name = value @param {Value} obj @param {string} name @param {Value} value */
export function setAttr(obj, name, value) {
  if (obj instanceof PyObject) {
    obj.setattr(name, value);
    return;
  }
  const has =
    builtinType(obj) !== null && METHODS[/** @type {string} */ (builtinType(obj))]?.[name];
  if (has) {
    throw new PyError(
      'AttributeError',
      `'${typeName(obj)}' object attribute '${name}' is read-only`,
    );
  }
  throw new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** Data attributes of built-in types: (3.5).real, (5).numerator... */
const PROPERTIES = /** @type {Record<string, Record<string, (v: any) => Value>>} */ ({
  int: {
    real: (v) => (typeof v === 'boolean' ? (v ? 1n : 0n) : v),
    imag: () => 0n,
    numerator: (v) => (typeof v === 'boolean' ? (v ? 1n : 0n) : v),
    denominator: () => 1n,
  },
  float: {
    real: (v) => v,
    imag: () => 0.0,
  },
});

// Turns field values (Python values, from python-expr.js) into the numbers the playground's
// histogram and its R and Rust libraries take, raising what Python raises where the conversion
// itself fails. Pure, no DOM.
import { PythonError } from './python-expr.js';

/** @import { PyValue } from './python-expr.js' */

/**
 * @param {PyValue} v
 */
function pyType(v) {
  return v.type;
}

/**
 * @param {PyValue} v
 * @returns {PyValue}
 */
function boolAsInt(v) {
  return v.type === 'bool' ? { type: 'int', value: v.value ? 1n : 0n } : v;
}

/**
 * An integer bound of randint (a float with an integer value is taken as that integer).
 * @param {PyValue} v
 * @returns {number | bigint}
 */
export function intBound(v) {
  v = boolAsInt(v);
  if (v.type === 'int') return v.value;
  if (v.type === 'float') return Number.isInteger(v.value) ? BigInt(v.value) : v.value;
  throw new PythonError('TypeError', `'${pyType(v)}' object cannot be interpreted as an integer`);
}

/**
 * A float parameter (low, high, loc, scale).
 * @param {PyValue} v
 * @returns {number}
 */
export function realArg(v) {
  v = boolAsInt(v);
  if (v.type === 'int') {
    const x = Number(v.value);
    if (!Number.isFinite(x))
      throw new PythonError('OverflowError', 'int too large to convert to float');
    return x;
  }
  if (v.type === 'float') return v.value;
  throw new PythonError('TypeError', `must be real number, not ${pyType(v)}`);
}

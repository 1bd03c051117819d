// Python's repr of a float and print of a list of floats, digit for digit.
//
//   pyFloatRepr(x)             like repr(x) for a Python float   "0.5219839097124932", "1e-05"
//   formatPythonList(values)   like print([floats])              "[0.5219839097124932, 0.80...]"
//
// (Python's f"{x:.{p}f}" and f"{x:.{p}e}" are pyFixed and pyExp in decimal.js.) Pure, no DOM.
import { expSuffix, pyNonFinite, shortestDigits, signOf } from './decimal.js';

/**
 * repr(x) for a Python float: the shortest round-trip digits, '1e-05' and '1e+16' style.
 * @param {number} x
 */
export function pyFloatRepr(x) {
  if (!Number.isFinite(x)) return pyNonFinite(x);
  if (x === 0) return signOf(x) + '0.0';
  const { digits, exp } = shortestDigits(x);
  const decpt = exp + 1; // the decimal point's place after digits[0..decpt)
  let body;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = '0.' + '0'.repeat(-decpt) + digits;
    else if (digits.length <= decpt) body = digits.padEnd(decpt, '0') + '.0';
    else body = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    body = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'e' + expSuffix(exp, 2);
  }
  return signOf(x) + body;
}

/**
 * print(xs) for a Python list of floats: '[0.5219839097124932, 0.8066907771186791]'.
 * @param {ArrayLike<number>} values
 */
export function formatPythonList(values) {
  return '[' + Array.from(values, (v) => pyFloatRepr(Number(v))).join(', ') + ']';
}

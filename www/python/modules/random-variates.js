// CPython 3.11's Random.gammavariate, betavariate, paretovariate and weibullvariate (Lib/random.py,
// PSF licence; the algorithms are Cheng's and Kennedy & Gentle's), step for step over the same
// draws: math.log and math.exp are seedlab's ports of glibc's (what CPython calls), float ** the
// interpreter's (CPython's float_pow over the port of glibc's pow), so the digits are CPython's.

import { PyError } from '../errors.js';
import { binaryOp } from '../ops.js';

/** @typedef {import('../objects.js').Value} Value */

/**
 * The ports a variate needs and the generator's random().
 * @typedef {{ random: () => number, log: (x: number) => number, exp: (x: number) => number }} Source
 */

/** math.log(x): glibc's log; ValueError at and below 0. @param {Source} s @param {number} x */
function log(s, x) {
  if (!(x > 0)) throw new PyError('ValueError', 'math domain error');
  return s.log(x);
}

/** math.exp(x), with CPython's OverflowError. @param {Source} s @param {number} x */
function exp(s, x) {
  const y = s.exp(x);
  if (y === Infinity && Number.isFinite(x)) throw new PyError('OverflowError', 'math range error');
  return y;
}

/** x ** y for floats, as CPython computes it. @param {number} x @param {number} y */
const pow = (x, y) => /** @type {number} */ (binaryOp('**', x, y));

/** gammavariate(alpha, beta) @param {Source} s @param {number} alpha @param {number} beta */
export function gammavariate(s, alpha, beta) {
  if (alpha <= 0.0 || beta <= 0.0)
    throw new PyError('ValueError', 'gammavariate: alpha and beta must be > 0.0');
  if (alpha > 1.0) {
    // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape parameters"
    const LOG4 = log(s, 4.0);
    const SG_MAGICCONST = 1.0 + log(s, 4.5);
    const ainv = Math.sqrt(2.0 * alpha - 1.0);
    const bbb = alpha - LOG4;
    const ccc = alpha + ainv;
    for (;;) {
      const u1 = s.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const u2 = 1.0 - s.random();
      const v = log(s, u1 / (1.0 - u1)) / ainv;
      const x = alpha * exp(s, v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= log(s, z)) return x * beta;
    }
  }
  if (alpha === 1.0) return -log(s, 1.0 - s.random()) * beta;
  // alpha in (0, 1): algorithm GS of Kennedy & Gentle
  let x;
  for (;;) {
    const u = s.random();
    const b = (Math.E + alpha) / Math.E;
    const p = b * u;
    x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log(s, (b - p) / alpha);
    const u1 = s.random();
    if (p > 1.0) {
      if (u1 <= pow(x, alpha - 1.0)) break;
    } else if (u1 <= exp(s, -x)) break;
  }
  return x * beta;
}

/** betavariate(alpha, beta) @param {Source} s @param {number} alpha @param {number} beta */
export function betavariate(s, alpha, beta) {
  const y = gammavariate(s, alpha, 1.0);
  if (y) return y / (y + gammavariate(s, beta, 1.0));
  return 0.0;
}

/** paretovariate(alpha) @param {Source} s @param {Value} alpha */
export function paretovariate(s, alpha) {
  const u = 1.0 - s.random();
  return pow(u, /** @type {number} */ (binaryOp('/', -1.0, alpha)));
}

/** weibullvariate(alpha, beta) @param {Source} s @param {Value} alpha @param {Value} beta */
export function weibullvariate(s, alpha, beta) {
  const u = 1.0 - s.random();
  const e = /** @type {number} */ (binaryOp('/', 1.0, beta));
  return /** @type {number} */ (binaryOp('*', alpha, pow(-log(s, u), e)));
}

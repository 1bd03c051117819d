// pow(x, y) as the C library computes it, where that can be known without its code: NumPy's
// float power calls glibc's pow (powf for float32), which is not correctly rounded but has a
// published error bound (0.52 ULP for pow, 0.82 ULP for powf, Arm Optimized Routines, which
// glibc ships). For an integer exponent (and 0.5) the exact result is computed with BigInt; if
// it is far enough from a rounding midpoint that only one value lies within the bound, that
// value is glibc's. Otherwise (and for other exponents) the result cannot be known here, and
// the caller is told so instead of getting different digits.
//
//   exactPower(1.1, 3, false)    1.3310000000000004   (1.1 ** 3 in glibc)

import { Unsupported } from '../../errors.js';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** |x| = m * 2**e exactly (x finite, non-zero). @param {number} x */
function decompose(x) {
  f64[0] = Math.abs(x);
  const bits = u64[0];
  const biased = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { m: frac, e: -1074 };
  return { m: frac | (1n << 52n), e: biased - 1075 };
}

/** Number of bits of a positive BigInt. @param {bigint} n */
function bitLength(n) {
  return n.toString(2).length;
}

/**
 * The value num/den * 2**shift rounded to a float with `p` significand bits, and the distance
 * from the exact value to the nearest rounding midpoint, in units of the result's ULP.
 * @param {bigint} num @param {bigint} den @param {number} shift @param {number} p
 * @param {number} minExp  the smallest normal exponent (unbiased) of the format
 * @returns {{ value: number, midpointDistance: number, exact: boolean } | null}  null when
 *   the result is subnormal or out of range
 */
function roundRational(num, den, shift, p, minExp) {
  // Scale so that q = floor(num/den * 2**k) has p + 2 bits or more.
  const k = p + 2 - (bitLength(num) - bitLength(den));
  let n = num;
  let d = den;
  if (k >= 0) n <<= BigInt(k);
  else d <<= BigInt(-k);
  let q = n / d;
  const r = n % d;
  const extra = bitLength(q) - p; // bits below the significand
  // value = (q + r/d) * 2**(shift - k); keep p bits.
  const low = q & ((1n << BigInt(extra)) - 1n);
  q >>= BigInt(extra);
  const exp2 = shift - k + extra; // value ~ (q + frac) * 2**exp2
  const topExp = exp2 + p - 1; // exponent of the leading bit
  if (topExp < minExp) return null;
  // frac = (low + r/d) / 2**extra in [0, 1); compare with 1/2.
  const unit = 1n << BigInt(extra);
  const twice = 2n * low * d + 2n * r; // 2 * frac * unit * d
  const half = unit * d; // (1/2) * 2 * unit * d
  const up = twice > half || (twice === half && (q & 1n) === 1n);
  const exact = low === 0n && r === 0n;
  // Distance to the midpoint, in ULPs: |frac - 1/2|.
  const diff = twice > half ? twice - half : half - twice;
  const midpointDistance = Number((diff * 1000000n) / (2n * unit * d)) / 1000000;
  let m = q + (up ? 1n : 0n);
  let e = exp2;
  if (bitLength(m) > p) {
    m >>= 1n;
    e += 1;
  }
  return { value: Number(m) * 2 ** e, midpointDistance, exact };
}

/**
 * pow(x, y) of the C library, for float64 (single = false) or float32 inputs and result.
 * @param {number} x @param {number} y @param {boolean} single
 */
export function exactPower(x, y, single) {
  // C99 special cases (F.9.4.4).
  if (y === 0) return 1;
  if (x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  const yInt = Number.isInteger(y);
  const yOdd = yInt && Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1;
  if (x === 0) {
    const neg = Object.is(x, -0) && yOdd;
    if (y < 0) return neg ? -Infinity : Infinity;
    return neg ? -0 : 0;
  }
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return ax < 1 === y < 0 ? Infinity : 0;
  }
  if (x === Infinity) return y < 0 ? 0 : Infinity;
  if (x === -Infinity) {
    if (y < 0) return yOdd ? -0 : 0;
    return yOdd ? -Infinity : Infinity;
  }
  if (x < 0 && !yInt) return Number.NaN;
  if (y === 1) return x;
  const sign = x < 0 && yOdd ? -1 : 1;
  const p = single ? 24 : 53;
  const minExp = single ? -126 : -1022;
  const maxExp = single ? 127 : 1023;
  const bound = single ? 0.82 : 0.52;
  const { m, e } = decompose(x);
  if (yInt && Math.abs(y) <= 64) {
    const n = BigInt(Math.abs(y));
    // x**n = m**n * 2**(e*n)
    const mn = m ** n;
    const shift = e * Number(n);
    const r =
      y > 0 ? roundRational(mn, 1n, shift, p, minExp) : roundRational(1n, mn, -shift, p, minExp);
    if (r) {
      if (!(r.value < 2 ** (maxExp + 1))) {
        // Overflow, unless the rounding is at the edge of the range.
        if (r.value > 2 ** (maxExp + 1) || r.midpointDistance > bound - 0.5 + 1e-6)
          return sign * Infinity;
      } else if (r.exact || r.midpointDistance > bound - 0.5 + 1e-6) {
        // Only one float lies within the error bound of the exact value: it is the C library's.
        return sign * r.value;
      }
    }
  }
  if (y === 0.5 && x > 0) {
    // sqrt is correctly rounded; pow(x, 0.5) is it unless the root is near a midpoint.
    const c = single ? Math.fround(Math.sqrt(x)) : Math.sqrt(x);
    const ulp = ulpOf(c, single);
    for (const mid of [c - ulp / 2, c + ulp / 2]) {
      // |sqrt(x) - mid| >= (bound - 0.5) ULP, checked by squaring exactly.
      if (!farFromSqrt(x, mid, (bound - 0.5 + 0.02) * ulp)) {
        throw new Unsupported(
          `${single ? 'float32' : 'float64'} power ${x} ** 0.5 (too close to a rounding tie to know the C library's digits)`,
        );
      }
    }
    return c;
  }
  throw new Unsupported(
    `x ** y for floats with the exponent ${y} (NumPy calls the C library's pow, whose digits are only known here for integer exponents up to 64 and 0.5)`,
  );
}

/** @param {number} c @param {boolean} single */
function ulpOf(c, single) {
  const p = single ? 24 : 53;
  const exp = Math.floor(Math.log2(Math.abs(c)));
  return 2 ** (exp - p + 1);
}

/** Whether |sqrt(x) - mid| > delta, exactly. @param {number} x @param {number} mid @param {number} delta */
function farFromSqrt(x, mid, delta) {
  // sqrt(x) > mid + delta  <=>  x > (mid + delta)**2, and the same below.
  const lo = mid - delta;
  const hi = mid + delta;
  return compareSquare(x, hi) > 0 || compareSquare(x, lo) < 0;
}

/** Sign of x - y*y, exactly, for positive finite doubles. @param {number} x @param {number} y */
function compareSquare(x, y) {
  const a = decompose(x);
  const b = decompose(y);
  // x = ma * 2**ea, y*y = mb*mb * 2**(2*eb)
  const e = Math.min(a.e, 2 * b.e);
  const lhs = a.m << BigInt(a.e - e);
  const rhs = (b.m * b.m) << BigInt(2 * b.e - e);
  return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}

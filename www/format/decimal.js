// Exact decimal arithmetic on doubles, shared by every printer in format/: correct rounding
// (half to even) of any double to any number of digits, and the shortest digits that read back
// as the same double (or float32).
//
//   pyFixed(x, p), pyExp(x, p)   Python's f"{x:.{p}f}" and f"{x:.{p}e}" (which C's printf
//                                "%.*f" and "%.*e" write too)
//   shortestDigits(x)            { digits, exp }: the shortest round-trip digits of a double
//
// Rounding is exact: every double is M * 2**E, so it is scaled and rounded with BigInt,
// half to even, as Python's float formatting and NumPy's Dragon4 do. (Number.prototype.toFixed
// rounds ties away from zero, which differs for values such as 0.03125.) Pure, no DOM.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * |x| = M * 2**E exactly, for finite x. Returns { M: BigInt, E: number }.
 * @param {number} x
 * @returns {{ M: bigint, E: number }}
 */
function decompose(x) {
  f64[0] = x;
  const hi = u32[LITTLE_ENDIAN ? 1 : 0];
  const lo = u32[LITTLE_ENDIAN ? 0 : 1];
  const biased = (hi >>> 20) & 0x7ff;
  let M = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { M, E: -1074 }; // subnormal or zero
  M |= 1n << 52n;
  return { M, E: biased - 1075 };
}

const pow10cache = new Map();
/**
 * @param {number} n
 * @returns {bigint}
 */
function pow10(n) {
  let v = pow10cache.get(n);
  if (v === undefined) {
    v = 10n ** BigInt(n);
    pow10cache.set(n, v);
  }
  return v;
}

/**
 * round_half_even(|x| * 10**s) as a BigInt, for finite x and any integer s.
 * @param {number} x
 * @param {number} s
 * @returns {bigint}
 */
export function roundScaled(x, s) {
  const { M, E } = decompose(x);
  let num = M;
  let den = 1n;
  if (E >= 0) num <<= BigInt(E);
  else den <<= BigInt(-E);
  if (s >= 0) num *= pow10(s);
  else den *= pow10(-s);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/**
 * Shortest round-trip digits of |x| (finite, non-zero): { digits, exp } with
 * |x| ~= digits[0].digits[1..] * 10**exp and no trailing zeros in digits.
 * String(x) is specified to give the shortest digits, and the closest such when there is a choice.
 * @param {number} x
 * @returns {{ digits: string, exp: number }}
 */
function shortest(x) {
  const s = String(Math.abs(x));
  let mant = s;
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    mant = s.slice(0, e);
    exp = Number(s.slice(e + 1));
  }
  const [ip, fp = ''] = mant.split('.');
  let digits = ip + fp;
  exp += ip.length - 1;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  exp -= lead;
  digits = digits.replace(/0+$/, '');
  return { digits, exp };
}

export { shortest as shortestDigits };

/**
 * shortest(x), except that a tie between two shortest candidates goes to the larger one (as
 * Rust's Grisu/Dragon printing does), not to the even one (as JavaScript, Python and NumPy do):
 * 730048651755878.25 is "730048651755878.3" in Rust, "730048651755878.2" in Python.
 * @param {number} x
 * @returns {{ digits: string, exp: number }}
 */
export function shortestDigitsTiesUp(x) {
  const r = shortest(x);
  const s = r.digits.length - 1 - r.exp; // |x| * 10**s has the digits as its integer part
  const { M, E } = decompose(Math.abs(x));
  let num = M;
  let den = 1n;
  if (E >= 0) num <<= BigInt(E);
  else den <<= BigInt(-E);
  if (s >= 0) num *= pow10(s);
  else den *= pow10(-s);
  const d = BigInt(r.digits);
  if (2n * num !== (2n * d + 1n) * den) return r; // not halfway between d and d + 1
  const up = (d + 1n).toString();
  const exp = r.exp + (up.length - r.digits.length);
  return { digits: up.replace(/0+$/, ''), exp };
}

/**
 * The same for a float32 value x (given as the double it converts to exactly): the shortest
 * digits that identify x among float32s, the closest such (ties to an even last digit), as
 * NumPy's Dragon4 prints a float32. Exact: the interval of decimals that read back as x reaches
 * halfway to the adjacent float32s (including those points when x's mantissa is even, as
 * round-half-even reading does), compared with BigInt arithmetic; for each length the two
 * decimals around x are the candidates. Checked against NumPy on 200,000 float32 bit patterns.
 * @param {number} x
 * @returns {{ digits: string, exp: number }}
 */
export function shortestFloat32(x) {
  const a = Math.abs(x);
  const { M, E } = decompose(a); // a = M * 2**E, as a double
  // As a float32: a = m * 2**e with m < 2**24 (subnormals from 2**-149).
  const e = Math.max(E + Number(M.toString(2).length) - 24, -149);
  const m = e >= E ? M >> BigInt(e - E) : M << BigInt(E - e);
  // Twice the distance to each neighbour, in units of 2**(e - 2): low is half as far at a
  // power of 2.
  const lowerHalfGap = m === 1n << 23n && e > -149 ? 1n : 2n;
  // Everything as integers over 2**(2 - e) (or times 2**(e - 2)): x4 = 4 * m.
  const x4 = 4n * m;
  const lo4 = x4 - lowerHalfGap;
  const hi4 = x4 + 2n;
  const shift = e - 2; // value = n4 * 2**shift
  const even = (m & 1n) === 0n;
  const k0 = shortest(a).exp; // x's decade, or the one above when the double's digits round up
  for (let p = 1; p <= 9; p++) {
    let best = null;
    for (const k of [k0 - 1, k0, k0 + 1]) {
      // Candidates c * 10**(k - p + 1), c in [10**(p-1), 10**p): the two around x.
      const s = p - 1 - k; // x * 10**s = x4 * 2**shift * 10**s
      let num = x4;
      let den = 1n;
      if (shift >= 0) num <<= BigInt(shift);
      else den <<= BigInt(-shift);
      if (s >= 0) num *= pow10(s);
      else den *= pow10(-s);
      const floor = num / den;
      for (const c of [floor, floor + 1n]) {
        if (c < pow10(p - 1) || c >= pow10(p)) continue;
        // c * 10**-s, in units of 2**shift: cn / cd (compared with lo4, x4, hi4 exactly).
        let cn = c;
        let cd = 1n;
        if (s >= 0) cd *= pow10(s);
        else cn *= pow10(-s);
        if (shift >= 0) cd <<= BigInt(shift);
        else cn <<= BigInt(-shift);
        // The bounds round to x (ties to even) when x's mantissa is even: then they count.
        const inside = even ? cn >= lo4 * cd && cn <= hi4 * cd : cn > lo4 * cd && cn < hi4 * cd;
        if (!inside) continue;
        // Distance to x, as a fraction over cd (compared by cross-multiplying); on a tie the
        // even last digit, as NumPy's Dragon4 rounds.
        const dn = cn > x4 * cd ? cn - x4 * cd : x4 * cd - cn;
        const cmp = best === null ? -1n : dn * best.dd - best.dn * cd;
        if (cmp < 0n || (cmp === 0n && (c & 1n) === 0n)) best = { c, k, dn, dd: cd };
      }
    }
    if (best) return { digits: best.c.toString().replace(/0+$/, ''), exp: best.k };
  }
  return shortest(a); // not reached: 9 digits always identify a float32
}

/**
 * Splits a non-negative BigInt scaled by 10**p into [integer digits, p fraction digits].
 * @param {bigint} n
 * @param {number} p
 * @returns {[string, string]}
 */
export function splitScaled(n, p) {
  const s = n.toString().padStart(p + 1, '0');
  return [s.slice(0, s.length - p), s.slice(s.length - p)];
}

// ---------------------------------------------------------------------------------------------
// Python's format(x, '.pf') and format(x, '.pe')

/**
 * @param {number} x
 */
export function pyNonFinite(x) {
  if (Number.isNaN(x)) return 'nan';
  return x < 0 ? '-inf' : 'inf';
}

/**
 * @param {number} x
 */
export function signOf(x) {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/**
 * Python's f"{x:.{p}f}" (correctly rounded, ties to even).
 * @param {number} x
 * @param {number} p
 */
export function pyFixed(x, p) {
  if (!Number.isFinite(x)) return pyNonFinite(x);
  const [ip, fp] = splitScaled(roundScaled(x, p), p);
  return signOf(x) + ip + (p > 0 ? '.' + fp : '');
}

/**
 * Python's f"{x:.{p}e}" (correctly rounded, ties to even; exponent has at least 2 digits).
 * @param {number} x
 * @param {number} p
 */
export function pyExp(x, p) {
  if (!Number.isFinite(x)) return pyNonFinite(x);
  let k = 0;
  let digits;
  if (x === 0) {
    digits = '0'.repeat(p + 1);
  } else {
    ({ k, digits } = roundSignificant(x, p + 1));
  }
  const mant = digits[0] + (p > 0 ? '.' + digits.slice(1) : '');
  return signOf(x) + mant + 'e' + expSuffix(k, 2);
}

/**
 * |x| rounded to n significant digits: { digits (length n), k (decimal exponent) }.
 * @param {number} x
 * @param {number} n
 * @returns {{ k: number, digits: string }}
 */
export function roundSignificant(x, n) {
  let k = shortest(x).exp;
  // shortest() may have rounded up to the next power of ten; find the exact exponent.
  if (roundScaled(x, n - 1 - k) < pow10(n - 1)) k -= 1;
  let N = roundScaled(x, n - 1 - k);
  if (N >= pow10(n)) {
    k += 1;
    N = roundScaled(x, n - 1 - k);
  }
  return { k, digits: N.toString() };
}

/**
 * @param {number} k
 * @param {number} minDigits
 */
export function expSuffix(k, minDigits) {
  return (k < 0 ? '-' : '+') + String(Math.abs(k)).padStart(minDigits, '0');
}

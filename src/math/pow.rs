//! `pow`, bit-identical to glibc's x86-64 `__ieee754_pow_fma` (glibc >= 2.28).
//!
//! glibc's `pow` since 2.28 is Szabolcs Nagy's implementation from Arm Optimized Routines
//! (`math/pow.c`, MIT OR Apache-2.0 WITH LLVM-exception); this is a port of that C, configured as
//! glibc builds it (`POW_LOG_TABLE_BITS` 7, `POW_LOG_POLY_ORDER` 8, `EXP_TABLE_BITS` 7,
//! `EXP_POLY_ORDER` 5, fma available, nearest rounding). It computes `log(x)` to about 68 bits as
//! `hi + lo`, multiplies by `y` exactly enough (`ehi + elo`), and takes `exp` of that with the
//! same table and polynomial as [`super::exp`].
//!
//! On an x86-64 CPU with FMA and AVX2, glibc runs a copy of that C compiled with `-mfma -mavx2`,
//! and GCC (default `-ffp-contract=fast`) fuses more than the source's explicit `fma`. The fused
//! operations were read off the machine code of `__ieee754_pow_fma` in glibc 2.36 (Debian 12) and
//! are marked below as `fma(a, b, c) = RN(a*b + c)`; each is computed exactly without a
//! general-purpose fma by the helpers in `log::eft` (see there for why each rounds like the
//! hardware fma). Every other operation is the C's, in the C's order.

#[path = "pow_data.rs"]
mod data;

use super::exp::data as exp_data;
use super::log::eft::{add3, fma, fma_fast, two_prod, two_prod_short};
use data::{A, LN2HI, LN2LO, TAB};

/// The reduced argument of the logarithm lies in [OFF, 2*OFF) (OFF ~ 0x1.69555p-1).
const OFF: u64 = 0x3fe6_9555_0000_0000;
/// Added to the exponent bits of the result's scale to make it negative (`0x800 << 7`).
const SIGN_BIAS: u64 = 0x800 << 7;
const SIGN_MASK: u64 = 0x8000_0000_0000_0000;
const ONE_BITS: u64 = 0x3ff0_0000_0000_0000;
const INF_BITS: u64 = 0x7ff0_0000_0000_0000;
/// 2^52, 2^1009 and 2^-1022.
const TWO52: f64 = 4503599627370496.0;
const TWO1009: f64 = f64::from_bits(0x7f00_0000_0000_0000);
const TWO_M1022: f64 = f64::from_bits(0x0010_0000_0000_0000);

/// Top 12 bits of a double (sign and exponent).
#[inline(always)]
fn top12(x: f64) -> u32 {
    (x.to_bits() >> 52) as u32
}

/// What kind of number the nonzero finite `y` (bits `iy`) is: 0 not an integer, 1 an odd
/// integer, 2 an even integer.
#[inline]
fn checkint(iy: u64) -> u32 {
    let e = (iy >> 52 & 0x7ff) as u32;
    if e < 0x3ff {
        return 0;
    }
    if e > 0x3ff + 52 {
        return 2;
    }
    let unit = 1u64 << (0x3ff + 52 - e);
    if iy & (unit - 1) != 0 {
        return 0;
    }
    if iy & unit != 0 {
        return 1;
    }
    2
}

/// Whether the bits `i` are those of 0, an infinity or a NaN (either sign).
#[inline(always)]
fn zeroinfnan(i: u64) -> bool {
    i.wrapping_mul(2).wrapping_sub(1) >= (2 * INF_BITS) - 1
}

/// Whether `x` is a signaling NaN (quiet bit clear, x86-64 and Arm convention).
#[inline(always)]
fn is_signaling(x: f64) -> bool {
    (x.to_bits() ^ 0x0008_0000_0000_0000).wrapping_mul(2) > 2 * 0x7ff8_0000_0000_0000
}

/// glibc's `__math_oflow(sign)` and `__math_uflow(sign)`: an infinity or zero, negative if
/// `sign` is nonzero.
fn overflow(sign: u64) -> f64 {
    if sign != 0 {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    }
}

fn underflow(sign: u64) -> f64 {
    if sign != 0 {
        -0.0
    } else {
        0.0
    }
}

/// `pow(x, y)`: x raised to the power y, with C99's (and glibc's) special cases:
/// `pow(x, +-0) = 1` and `pow(1, y) = 1` even for NaN, `pow(-x, y)` a NaN for finite x > 0 and
/// non-integer y, `pow(+-0, y < 0)` an infinity (negative for odd integer y and -0), and so on.
pub fn pow(x: f64, y: f64) -> f64 {
    let mut sign_bias = 0u64;
    let mut ix = x.to_bits();
    let iy = y.to_bits();
    let mut topx = top12(x);
    let topy = top12(y);
    if topx.wrapping_sub(0x001) >= 0x7ff - 0x001 || (topy & 0x7ff).wrapping_sub(0x3be) >= 0x80 {
        // Special cases: (x < 0x1p-1022 or inf or nan) or (|y| < 0x1p-65 or |y| >= 0x1p63 or
        // nan). If |y| > 1075 * ln2 * 2^53 then pow(x, y) = inf/0, and if |y| < 2^-54 / 1075
        // then pow(x, y) = +-1.
        if zeroinfnan(iy) {
            if iy << 1 == 0 {
                return if is_signaling(x) { x + y } else { 1.0 };
            }
            if ix == ONE_BITS {
                return if is_signaling(y) { x + y } else { 1.0 };
            }
            if ix << 1 > INF_BITS << 1 || iy << 1 > INF_BITS << 1 {
                return x + y;
            }
            if ix << 1 == ONE_BITS << 1 {
                return 1.0;
            }
            if (ix << 1 < ONE_BITS << 1) == (iy >> 63 == 0) {
                return 0.0; // |x| < 1 && y == inf or |x| > 1 && y == -inf.
            }
            return y * y;
        }
        if zeroinfnan(ix) {
            let mut x2 = x * x;
            if ix >> 63 != 0 && checkint(iy) == 1 {
                x2 = -x2;
            }
            // 1/x2 also gives glibc's __math_divzero for x = +-0 and y < 0.
            return if iy >> 63 != 0 { 1.0 / x2 } else { x2 };
        }
        // Here x and y are nonzero finite.
        if ix >> 63 != 0 {
            // Finite x < 0.
            match checkint(iy) {
                0 => return f64::NAN, // __math_invalid(x)
                1 => sign_bias = SIGN_BIAS,
                _ => {}
            }
            ix &= !SIGN_MASK;
            topx &= 0x7ff;
        }
        if (topy & 0x7ff).wrapping_sub(0x3be) >= 0x80 {
            // sign_bias == 0 here because y is not odd.
            if ix == ONE_BITS {
                return 1.0;
            }
            if (topy & 0x7ff) < 0x3be {
                // |y| < 2^-65, x^y ~= 1 + y*log(x).
                return if ix > ONE_BITS { 1.0 + y } else { 1.0 - y };
            }
            return if (ix > ONE_BITS) == (topy < 0x800) {
                overflow(0)
            } else {
                underflow(0)
            };
        }
        if topx == 0 {
            // Normalize subnormal x so the exponent becomes negative.
            ix = ((x * TWO52).to_bits() & !SIGN_MASK).wrapping_sub(52 << 52);
        }
    }

    let (hi, lo) = log_inline(ix);
    // ehi + elo ~= y * (hi + lo): ehi = y*hi; elo = y*lo + fma(y, hi, -ehi), the sum fused too.
    // fma(y, hi, -ehi) is the exact error of the product (Dekker; |y| < 2^63, |hi| < 745 and
    // |y*hi| > 2^-120 here, so nothing overflows or underflows).
    let ehi = y * hi;
    let (_, err) = two_prod(y, hi);
    let elo = fma(y, lo, err);
    exp_inline(ehi, elo, sign_bias)
}

/// `log(x)` as `hi + lo` with about 15 more bits than a double, for `ix` the bits of x > 0
/// (subnormals normalized with an exponent that wrapped below zero).
#[inline(always)]
fn log_inline(ix: u64) -> (f64, f64) {
    // x = 2^k z, z in [OFF, 2*OFF) exact; the range is split into 128 subintervals, c near the
    // center of the one holding z; log(x) = k*Ln2 + log(c) + log1p(z/c - 1).
    let tmp = ix.wrapping_sub(OFF);
    let i = ((tmp >> (52 - 7)) % 128) as usize;
    let k = (tmp as i64) >> 52;
    let iz = ix.wrapping_sub(tmp & (0xfff << 52));
    let z = f64::from_bits(iz);
    let kd = k as f64;
    let (invc, logc, logctail) = TAB[i];

    // r = fma(z, invc, -1.0) (explicit in the C). invc = 1/c has at most 8 significant bits,
    // so z*invc = p + e exactly; p is within 1/128 of 1, so p - 1 is exact (Sterbenz) and
    // (p - 1) + e rounds the exact z*invc - 1 once (the table makes it exact anyway).
    let (p, e) = two_prod_short(invc, z);
    let r = (p - 1.0) + e;

    // k*Ln2 + log(c) + r.
    // t1 = fma(kd, Ln2hi, logc): kd has <= 11 significant bits and Ln2hi 42, so kd*Ln2hi is
    // exact and the plain sum rounds the same value once.
    let t1 = kd * LN2HI + logc;
    let t2 = t1 + r;
    // lo1 = fma(kd, Ln2lo, logctail): kd*Ln2lo split exactly (kd has <= 27 bits).
    let (q1, q2) = two_prod_short(kd, LN2LO);
    let lo1 = add3(logctail, q1, q2);
    let lo2 = t1 - t2 + r;

    // k*Ln2 + log(c) + r + A[0]*r*r, with A[0] = -0.5.
    let ar = A[0] * r;
    let ar2 = r * ar;
    let ar3 = r * ar2;
    let hi = t2 + ar2;
    // lo3 = fma(ar, r, -ar2) (explicit): the exact error of the product ar*r = ar2 (r is 0 or a
    // multiple of 2^-61 above it, so nothing underflows).
    let (_, lo3) = two_prod(ar, r);
    let lo4 = t2 - hi + ar2;

    // p = log1p(r) - r - A[0]*r*r
    //   = ar3 * (A[1] + r*A[2] + ar2*(A[3] + r*A[4] + ar2*(A[5] + r*A[6]))), each `+ u*v` fused.
    let a1 = fma_fast(r, A[2], A[1]);
    let a3 = fma_fast(r, A[4], A[3]);
    let a5 = fma_fast(r, A[6], A[5]);
    let a3 = fma_fast(a5, ar2, a3);
    let q = fma_fast(ar2, a3, a1);
    // lo = lo1 + lo2 + lo3 + lo4 + p: the last addition fused with p's product, fma(ar3, q, .).
    let lo = fma_fast(ar3, q, ((lo1 + lo2) + lo3) + lo4);
    let y = hi + lo;
    let tail = hi - y + lo;
    (y, tail)
}

/// `sign * exp(x + xtail)`, |xtail| < 2^-8/N and |xtail| <= |x|; `sign_bias` is [`SIGN_BIAS`]
/// for a negative result, else 0. The same evaluation as [`super::exp`] (and the same fused
/// operations in glibc's binary), plus the tail and the sign.
#[inline(always)]
fn exp_inline(x: f64, xtail: f64, sign_bias: u64) -> f64 {
    use exp_data::{C, INVLN2N, NEGLN2HIN, NEGLN2LON, SHIFT, TAB};

    let mut abstop = top12(x) & 0x7ff;
    // top12(0x1p-54) = 0x3c9, top12(512.0) = 0x408, top12(1024.0) = 0x409.
    if abstop.wrapping_sub(0x3c9) >= 0x408 - 0x3c9 {
        if abstop.wrapping_sub(0x3c9) >= 0x8000_0000 {
            // Tiny x: avoid spurious underflow (0 is a common input).
            let one = 1.0 + x;
            return if sign_bias != 0 { -one } else { one };
        }
        if abstop >= 0x409 {
            // inf and nan are already handled.
            return if x.to_bits() >> 63 != 0 {
                underflow(sign_bias)
            } else {
                overflow(sign_bias)
            };
        }
        // Large x is special cased below.
        abstop = 0;
    }

    // exp(x) = 2^(k/N) * exp(r), x = ln2/N*k + r, r in [-ln2/2N, ln2/2N].
    // kd = fma(x, InvLn2N, Shift), as in exp.
    let kd = fma_fast(x, INVLN2N, SHIFT);
    let ki = kd.to_bits();
    let kd = kd - SHIFT;
    // r = x + kd*NegLn2hiN + kd*NegLn2loN, both fused; kd*NegLn2hiN is exact for |x| < 1024
    // (see exp), so the first is a plain sum.
    let r = x + kd * NEGLN2HIN;
    let r = fma_fast(kd, NEGLN2LON, r);
    // The code assumes 2^-200 < |xtail| < 2^-8/N.
    let r = r + xtail;
    // 2^(k/N) ~= scale * (1 + tail).
    let idx = 2 * (ki % 128) as usize;
    let top = ki.wrapping_add(sign_bias) << (52 - 7);
    let tail = f64::from_bits(TAB[idx]);
    // This is only a valid scale when -1023*N < k < 1024*N.
    let sbits = TAB[idx + 1].wrapping_add(top);
    // exp(x) = 2^(k/N) * exp(r) ~= scale + scale * (tail + exp(r) - 1).
    // tmp = tail + r + r2*(C2 + r*C3) + r2*r2*(C4 + r*C5), every `+ u*v` fused.
    let r2 = r * r;
    let t1 = fma_fast(r, C[1], C[0]);
    let t2 = fma_fast(r, C[3], C[2]);
    let t3 = fma_fast(t1, r2, tail + r);
    let tmp = fma_fast(r2 * r2, t2, t3);
    if abstop == 0 {
        return specialcase(tmp, sbits, ki);
    }
    let scale = f64::from_bits(sbits);
    // scale + scale*tmp: fma(scale, tmp, scale).
    fma_fast(scale, tmp, scale)
}

/// Results that may overflow or underflow: scale*(1 + tmp) without intermediate rounding. The
/// exponent of scale (`sbits`, signed) may have overflowed into the sign bit; `ki as i32 > 0`
/// means the result may overflow, `< 0` that it may underflow.
#[inline(never)]
fn specialcase(tmp: f64, sbits: u64, ki: u64) -> f64 {
    if ki & 0x8000_0000 == 0 {
        // k > 0, the exponent of scale might have overflowed by <= 460.
        let scale = f64::from_bits(sbits.wrapping_sub(1009 << 52));
        // (scale + scale*tmp) * 0x1p1009, the inner sum fused. (The C's DBL_MAX correction for
        // upward rounding is compiled out of the fma build.)
        return fma_fast(scale, tmp, scale) * TWO1009;
    }
    // k < 0, need special care in the subnormal range. Not fused: scale*tmp has two uses.
    let sbits = sbits.wrapping_add(1022 << 52);
    let scale = f64::from_bits(sbits);
    let st = scale * tmp;
    let mut y = scale + st;
    if y.abs() < 1.0 {
        // Round y to the right precision before scaling it into the subnormal range, avoiding
        // double rounding.
        let one = if y < 0.0 { -1.0 } else { 1.0 };
        let lo = scale - y + st;
        let hi = one + y;
        let lo = one - hi + y + lo;
        y = (hi + lo) - one;
        // Fix the sign of 0.
        if y == 0.0 {
            y = f64::from_bits(sbits & SIGN_MASK);
        }
    }
    TWO_M1022 * y
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "pow_tests.rs"]
mod tests;

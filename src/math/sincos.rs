//! Sine and cosine, correctly rounded: a Rust port of CORE-MATH's binary64 `sin` and `cos`.
//!
//! # Origin and licence
//! The algorithm, its error analysis and all tables are CORE-MATH's: `src/binary64/sin/sin.c`
//! (commit ef5fad40, 2025-02-21) and `src/binary64/cos/cos.c` (commit a3d01bb2, 2025-01-02) of
//! <https://gitlab.inria.fr/core-math/core-math> (<https://core-math.gitlabpages.inria.fr/>),
//! under the MIT licence:
//!
//! > Copyright (c) 2022-2023 Paul Zimmermann and Tom Hubrecht
//! >
//! > Permission is hereby granted, free of charge, to any person obtaining a copy of this
//! > software and associated documentation files (the "Software"), to deal in the Software
//! > without restriction, including without limitation the rights to use, copy, modify, merge,
//! > publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
//! > to whom the Software is furnished to do so, subject to the following conditions:
//! >
//! > The above copyright notice and this permission notice shall be included in all copies or
//! > substantial portions of the Software.
//! >
//! > THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
//! > INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
//! > PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
//! > FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
//! > OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
//! > DEALINGS IN THE SOFTWARE.
//!
//! No glibc code was read or used (glibc's `s_sin.c` is LGPL); only glibc's *outputs* were
//! compared.
//!
//! # Algorithm
//! 1. `x/(2 pi)` mod 1 comes from the 1280-bit table [`tables::T`] of 1/(2 pi) (Payne-Hanek
//!    reduction for every `|x| >= 2 pi`, so huge arguments are reduced accurately).
//! 2. Fast path: the reduced argument is split as `i/2^11 + h + l`; symmetries bring `i` below
//!    256, and `sin(2 pi (i/2^11 + r))` comes from Gal's accurate table [`tables::SC`] and two
//!    short polynomials in double-double arithmetic, with a rigorous absolute error bound `err`.
//!    If `h + l - err` and `h + l + err` round to the same double, that double is the correctly
//!    rounded result. This decides 99.97% of the generators' inputs (fewer for results far
//!    below 1, because the bound is absolute).
//! 3. Otherwise the accurate path redoes everything in 128-bit fixed-point integer arithmetic
//!    (relative error < 2^-122.65); the few inputs where even that cannot decide are CORE-MATH's
//!    listed exceptions.
//!
//! Round-to-nearest only (the only mode Rust and wasm have); CORE-MATH's directed-rounding code
//! is left out.
//!
//! # Differences from the C code (same results)
//! CORE-MATH relies on hardware FMA. `f64::mul_add` is a slow software routine on wasm32
//! (measured under node: 31 ns per call with the code below, 135-160 ns with `mul_add` in the
//! products), so this port uses no FMA at all:
//! - every error-free product (`a_mul`: `hi + lo = a*b` exactly) is Dekker's product with
//!   Veltkamp splitting ([`two_prod`]); it is exact without FMA unless something overflows or
//!   `lo` underflows, and here all operands are below 8 in magnitude and nonzero products are
//!   above 2^-300;
//! - every other `fma(a, b, c)` of the fast path (Horner steps, low-order corrections) became
//!   `a*b + c`. The extra roundings add less than 2^-90.9 to the absolute error of the fast path
//!   and 2^-105.8 (relative) to the reduction's; the bounds are enlarged accordingly
//!   ([`EXTRA_ERR`], `err1` in [`reduce_fast`]), so the rounding test stays rigorous and every
//!   result is still the correctly rounded one;
//! - `fma(i, -2^-11, h)` is exact as a plain subtraction, and the tiny-argument `fma`s round to
//!   `x` (sin) and `1` (cos) under round-to-nearest, so they became exactly that.
//!
//! `f64::mul_add` is therefore not used anywhere.
//!
//! # Agreement with glibc
//! glibc's `sin`/`cos` ("IBM Accurate Mathematical Library", ~0.55 ulp) are not correctly
//! rounded everywhere: where the exact value lies within about 2^-6.5 ulp of the midpoint
//! between two doubles, glibc rounds the wrong way for a fraction of inputs (20-40% at such
//! inputs, as often toward zero as away from it), so the direction cannot be predicted from the
//! value alone; matching it would take glibc's own algorithm. Measured against glibc 2.36
//! (x86-64, FMA variant; the tests repeat this natively), bit-identical results:
//!
//! | inputs | sin | cos |
//! |---|---|---|
//! | `2 pi u`, u uniform in [0,1) (torch, CPython Box-Muller), 16 M | 99.862% | 99.862% |
//! | uniform in [-100, 100], 16 M | 99.862% | 99.862% |
//! | random bit patterns (all binades, half below 2^-26), 16 M | 99.931% | 99.931% |
//! | committed fixtures `tests/fixtures/math/{sin,cos}.bin`, 200 k | 99.884% | 99.866% |
//!
//! Every mismatch checked against mpmath (6900 of them, and 2 M values in all) is glibc's error:
//! this port was correctly rounded each time. On these ranges glibc is off by one ulp; for huge
//! arguments whose sine or cosine is tiny it can be off by more (9 ulps for
//! sin(0x1.61a3db8c8d129p+1023)). For |x| < 2^-5 glibc is almost always correctly rounded.
//! The mismatch rate varies with the argument's octave, from 0.005% to 0.53%.
//!
//! The results are the same natively and in wasm: the code uses only IEEE `+ - *`, comparisons,
//! exact conversions and integer arithmetic (see the test `same_bits_natively_and_in_wasm`).

#[path = "sincos_tables.rs"]
mod tables;

use tables::{C, PC, PS, S, SC, T};

/// `sin(x)`, correctly rounded (round to nearest).
pub fn sin(x: f64) -> f64 {
    let ux = x.to_bits() & !SIGN;
    if ux >= INF_BITS {
        return f64::NAN; // NaN, +Inf, -Inf
    }
    // For |x| <= 0x1.7137449123ef6p-26, |sin x - x| < |x|^3/6 < ulp(x)/2 (CORE-MATH's argument),
    // so sin(x) rounds to x; this also covers +-0 and subnormals.
    if ux <= 0x3e57_1374_4912_3ef6 {
        return x;
    }
    let ax = f64::from_bits(ux);
    let neg = x < 0.0;
    let (h, l, err) = fast(ax, 0);
    let (h, l) = if neg { (-h, -l) } else { (h, l) };
    let (left, right) = (h + (l - err), h + (l + err));
    if left == right {
        return left;
    }
    accurate(ax, neg, 0)
}

/// `cos(x)`, correctly rounded (round to nearest).
pub fn cos(x: f64) -> f64 {
    let ux = x.to_bits() & !SIGN;
    if ux >= INF_BITS {
        return f64::NAN; // NaN, +Inf, -Inf
    }
    // For |x| <= 0x1.6a09e667f3bccp-27, 1 - cos x < x^2/2 < 2^-54 = ulp(1-)/2: cos(x) rounds to 1.
    if ux <= 0x3e46_a09e_667f_3bcc {
        return 1.0;
    }
    let ax = f64::from_bits(ux);
    // cos(x) = sin(x + pi/2): the same evaluation, a quarter turn further.
    let (h, l, err) = fast(ax, 1);
    let (left, right) = (h + (l - err), h + (l + err));
    if left == right {
        return left;
    }
    accurate(ax, false, 1)
}

const SIGN: u64 = 1 << 63;
const INF_BITS: u64 = 0x7ff0_0000_0000_0000;

/// 2^e as a double, for -1022 <= e <= 1023 (stands in for C's hexadecimal float literals).
const fn pow2(e: i32) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic without FMA.

/// Veltkamp's split: `a = hi + lo` exactly, each half with at most 26 significant bits
/// (no overflow for |a| < 2^995).
#[inline(always)]
fn split(a: f64) -> (f64, f64) {
    const SPLITTER: f64 = 134_217_729.0; // 2^27 + 1
    let c = SPLITTER * a;
    let hi = c - (c - a);
    (hi, a - hi)
}

/// Dekker's error-free product: `hi + lo = a * b` exactly, barring overflow, and provided
/// `lo` does not underflow (`|a*b| > 2^-969`); CORE-MATH's `a_mul`, which used an FMA.
#[inline(always)]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let hi = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let lo = ((ah * bh - hi) + ah * bl + al * bh) + al * bl;
    (hi, lo)
}

/// `a * (bh + bl)` as a double-double, error about ulp(lo) (`s_mul`).
#[inline(always)]
fn s_mul(a: f64, bh: f64, bl: f64) -> (f64, f64) {
    let (hi, lo) = two_prod(a, bh);
    (hi, a * bl + lo) // C: fma(a, bl, lo)
}

/// `(ah + al) * (bh + bl)` without the `al*bl` term (`d_mul`).
#[inline(always)]
fn d_mul(ah: f64, al: f64, bh: f64, bl: f64) -> (f64, f64) {
    let (hi, s) = two_prod(ah, bh);
    let t = al * bh + s; // C: fma(al, bh, s)
    (hi, ah * bl + t) // C: fma(ah, bl, t)
}

/// `hi + lo = a + b` exactly, for |a| >= |b| (or a = 0).
#[inline(always)]
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    let e = hi - a;
    (hi, b - e)
}

// ---------------------------------------------------------------------------------------------
// Fast path.

/// Bound on the absolute error added by replacing CORE-MATH's FMAs with a multiply and an add in
/// [`eval_sin_fast`], [`eval_cos_fast`], [`s_mul`], [`d_mul`] and the square `u` (worst term: the
/// degree-2 Horner step of the cosine, 2^-69 * |u| < 2^-91).
const EXTRA_ERR: f64 = pow2(-90);

/// Degree-7 odd polynomial for sin(2 pi x), -2^-24 < x < 2^-11 + 2^-24, relative error
/// 2^-77.306 (CORE-MATH `sin_fast.sollya`): degree 1 as hi + lo, then degrees 3, 5, 7.
const PS_FAST: [f64; 5] = [
    std::f64::consts::TAU, // 0x1.921fb54442d18p+2
    2.4492937487389357e-16,
    -41.34170224039976,
    81.60524929831949,
    -76.77083125858339,
];

/// Degree-6 even polynomial for cos(2 pi x), same interval, relative error 2^-75.188
/// (CORE-MATH `cos_fast.sollya`): degree 0 as hi + lo, then degrees 2, 4, 6.
const PC_FAST: [f64; 5] = [
    1.0,
    -1.0396311785461432e-23,
    -19.739208802178716,
    64.93939400729349,
    -85.41188646817469,
];

/// sin(2 pi (xh + xl)) for 2^-24 <= xh + xl < 2^-11 + 2^-24 with |xl| < 2^-52.36, given
/// `uh + ul ~ (xh + xl)^2`; absolute error < 2^-77.09 (`evalPSfast`).
fn eval_sin_fast(xh: f64, xl: f64, uh: f64, ul: f64) -> (f64, f64) {
    let mut h = PS_FAST[4];
    h = h * uh + PS_FAST[3];
    h = h * uh + PS_FAST[2];
    let (h, l) = s_mul(h, uh, ul);
    let (h, t) = fast_two_sum(PS_FAST[0], h);
    let l = l + (PS_FAST[1] + t);
    d_mul(h, l, xh, xl)
}

/// cos(2 pi (xh + xl)), same conditions, relative error < 2^-69.96 (`evalPCfast`).
fn eval_cos_fast(uh: f64, ul: f64) -> (f64, f64) {
    let mut h = PC_FAST[4];
    h = h * uh + PC_FAST[3];
    h = h * uh + PC_FAST[2];
    let (h, l) = s_mul(h, uh, ul);
    let (h, t) = fast_two_sum(PC_FAST[0], h);
    (h, l + (PC_FAST[1] + t))
}

/// For 0x1.6a09e667f3bccp-27 < x < +Inf: `(i, h, l, err1)` with `i/2^11 + h + l` approximating
/// frac(x/(2 pi)), `0 <= h < 2^-11` (up to the low part), and `err1` an absolute error bound
/// (`reduce_fast`).
fn reduce_fast(x: f64) -> (u32, f64, f64, f64) {
    let (h, l, err1);
    if x <= 6.283_185_307_179_585 {
        // 0x1.921fb54442d17p+2, the double below 2 pi. |CH + CL - 1/(2 pi)| < 2^-110.523.
        const CH: f64 = 0.159_154_943_091_895_35; // 0x1.45f306dc9c883p-3
        const CL: f64 = -9.839_338_337_591_243e-18; // -0x1.6b01ec5417056p-57
        let (ph, pl) = two_prod(CH, x);
        h = ph;
        // C: fma(CL, x, pl). CORE-MATH bounds the relative error of h + l by 2^-104.116
        // (0x1.d9p-105); rounding CL*x separately adds at most 2^-53 |CL| 4 pi = 2^-105.845,
        // total < 2^-103.74 < 0x1.4p-104.
        l = CL * x + pl;
        err1 = (5.0 * pow2(-106)) * h;
    } else {
        let bits = x.to_bits();
        let e = ((bits >> 52) & 0x7ff) as i32; // 1025 <= e <= 2046
        let m = (1u64 << 52) | (bits & 0x000f_ffff_ffff_ffff);
        // x = m/2^53 * 2^(e-1022); only the bits of x*T that land near the binary point matter.
        let (mut c0, mut c1, c2, sh);
        if e <= 1074 {
            // 2^2 <= x < 2^52: x*T[2]/2^192 contributes less than 2^-76.
            let u = mul64(m, T[1]);
            c0 = u as u64;
            c1 = (u >> 64) as u64;
            let u = mul64(m, T[0]);
            c1 = c1.wrapping_add(u as u64);
            c2 = ((u >> 64) as u64).wrapping_add((c1 < u as u64) as u64);
            sh = 1075 - e; // 1 <= sh <= 50 low bits of c2 are fractional
        } else {
            // 2^52 <= x < 2^1024.
            let i = ((e - 1138 + 63) / 64) as usize; // ceil((e-1138)/64), 0 <= i <= 15
            let u = mul64(m, T[i + 2]);
            c0 = u as u64;
            c1 = (u >> 64) as u64;
            let u = mul64(m, T[i + 1]);
            c1 = c1.wrapping_add(u as u64);
            let mut c = ((u >> 64) as u64).wrapping_add((c1 < u as u64) as u64);
            c = c.wrapping_add(m.wrapping_mul(T[i])); // low word of m*T[i]
            c2 = c;
            sh = 1139 + 64 * i as i32 - e; // 1 <= sh <= 64
        }
        if sh == 64 {
            c0 = c1;
            c1 = c2;
        } else {
            c0 = (c1 << (64 - sh)) | (c0 >> sh);
            c1 = (c2 << (64 - sh)) | (c1 >> sh);
        }
        // |c1/2^64 + c0/2^128 - frac(x/(2 pi))| < 2^-75.999
        (h, l) = set_dd(c1, c0);
        err1 = 257.0 * pow2(-84); // 0x1.01p-76
    }
    // h >= 0, so truncation is floor; h - i/2^11 is exact (C used an fma for it).
    let i = (h * 2048.0) as u32;
    (i, h - f64::from(i) * pow2(-11), l, err1)
}

/// `h + l = c1/2^64 + c0/2^128` truncated to a double-double (`set_dd`).
fn set_dd(mut c1: u64, mut c0: u64) -> (f64, f64) {
    if c1 != 0 {
        let e = c1.leading_zeros() as u64;
        if e != 0 {
            c1 = (c1 << e) | (c0 >> (64 - e));
            c0 <<= e;
        }
        let f = 0x3fe - e;
        let h = f64::from_bits((f << 52) | ((c1 << 1) >> 12));
        let mut c0 = (c1 << 53) | (c0 >> 11);
        let l = if c0 != 0 {
            let g = c0.leading_zeros() as u64;
            c0 <<= g;
            f64::from_bits(((f - 53 - g) << 52) | ((c0 << 1) >> 12))
        } else {
            0.0
        };
        (h, l)
    } else if c0 != 0 {
        let e = c0.leading_zeros() as u64;
        let f = 0x3fe - 64 - e;
        let mut c0 = c0.checked_shl(e as u32 + 1).unwrap_or(0); // leading 1 shifted out
        let h = f64::from_bits((f << 52) | (c0 >> 12));
        c0 <<= 52;
        let l = if c0 != 0 {
            let g = c0.leading_zeros() as u64;
            c0 <<= g + 1;
            f64::from_bits(((f - 64 - g) << 52) | (c0 >> 12))
        } else {
            0.0
        };
        (h, l)
    } else {
        (0.0, 0.0)
    }
}

/// Maps the turn index `i` (the reduced argument is `i/2^11 + r` of a full turn, `0 <= i <
/// 2^11`) plus `quarter` quarter turns to: the sign to apply, whether sin(2 pi t) (`true`) or
/// cos(2 pi t) of the folded argument `t = i'/2^11 +- r` is wanted, whether `r` must be reflected
/// (`t = (i'+1)/2^11 - r`), and `i' < 256`. Shared by both paths (CORE-MATH's `is_sin`/`neg`
/// bookkeeping; `quarter = 1` gives cos since cos(x) = sin(x + pi/2)).
fn fold(i: u32, quarter: u32) -> (bool, bool, bool, usize) {
    let i = (i + (quarter << 9)) & 0x7ff;
    let neg = i & 0x400 != 0; // sin(pi + t) = -sin(t)
    let mut want_sin = i & 0x200 == 0; // sin(pi/2 + t) = cos(t)
    let mut i = i & 0x1ff;
    let reflect = i & 0x100 != 0; // sin(pi/2 - t) = cos(t) and vice versa
    if reflect {
        want_sin = !want_sin;
        i = 0x1ff - i;
    }
    (neg, want_sin, reflect, i as usize)
}

/// `(h, l, err)` with |h + l - f(ax)| < err, f = sin for `quarter = 0`, cos for `quarter = 1`,
/// for 0x1.6a09e667f3bccp-27 < ax < +Inf (`sin_fast`, `cos_fast`).
fn fast(ax: f64, quarter: u32) -> (f64, f64, f64) {
    let (i, mut h, mut l, err1) = reduce_fast(ax);
    let (neg, want_sin, reflect, i) = fold(i, quarter);
    if reflect {
        // Exact (CORE-MATH's proof: h is a multiple of 2^-55 below 2^-11 here).
        h = pow2(-11) - h;
        l = -l;
    }
    // Now sin/cos(2 pi (i/2^11 + h + l)) is wanted, 0 <= h + l < 2^-11. SC[i] is tabulated at
    // i/2^11 + SC[i][0]; subtracting SC[i][0] is exact.
    let [dx, s_i, c_i] = SC[i];
    h -= dx;
    let (uh, ul) = two_prod(h, h);
    let ul = (h + h) * l + ul; // C: fma(h + h, l, ul); uh + ul ~ (h + l)^2
    let (sh, sl) = eval_sin_fast(h, l, uh, ul);
    let (ch, cl) = eval_cos_fast(uh, ul);
    let (h, l, err) = if want_sin {
        // sin(a + b) = sin a cos b + cos a sin b; |error| < 2^-68.588
        let (sh, sl) = s_mul(c_i, sh, sl);
        let (ch, cl) = s_mul(s_i, ch, cl);
        let (h, l) = fast_two_sum(ch, sh);
        (h, l + (sl + cl), 341.0 * pow2(-77)) // 0x1.55p-69
    } else {
        // cos(a + b) = cos a cos b - sin a sin b; |error| < 2^-68.414
        let (ch, cl) = s_mul(c_i, ch, cl);
        let (sh, sl) = s_mul(s_i, sh, sl);
        let (h, l) = fast_two_sum(ch, -sh);
        (h, l + (cl - sl), 385.0 * pow2(-77)) // 0x1.81p-69
    };
    let (h, l) = if neg { (-h, -l) } else { (h, l) };
    (h, l, err + EXTRA_ERR + err1)
}

// ---------------------------------------------------------------------------------------------
// Accurate path: 128-bit floating point built on integers (CORE-MATH's `dint64_t`).

/// `(r / 2^128) * 2^ex * (-1)^sgn`; `r` has its top bit set unless the value is zero.
#[derive(Clone, Copy, Debug)]
struct Dint {
    r: u128,
    ex: i64,
    sgn: u64,
}

impl Dint {
    /// `(hi/2^64 + lo/2^128) * 2^ex * (-1)^sgn`, CORE-MATH's initialiser order.
    const fn new(hi: u64, lo: u64, ex: i64, sgn: u64) -> Dint {
        Dint {
            r: ((hi as u128) << 64) | lo as u128,
            ex,
            sgn,
        }
    }

    fn hi(self) -> u64 {
        (self.r >> 64) as u64
    }

    fn lo(self) -> u64 {
        self.r as u64
    }

    fn is_zero(self) -> bool {
        self.hi() == 0
    }

    /// An exact non-zero double (`dint_fromd`).
    fn from_f64(b: f64) -> Dint {
        let bits = b.to_bits();
        let be = ((bits >> 52) & 0x7ff) as i64;
        let m = (bits & 0x000f_ffff_ffff_ffff) + if be != 0 { 1 << 52 } else { 0 };
        let t = m.leading_zeros() as i64;
        Dint {
            r: ((m << t) as u128) << 64,
            ex: be - 0x3fe - if t > 11 { t - 12 } else { 0 },
            sgn: (b < 0.0) as u64,
        }
    }

    /// Rounds to the nearest double (`dint_tod`, normal range; sin and cos values here are in
    /// [2^-70, 1]).
    fn to_f64(self) -> f64 {
        debug_assert!(self.ex > -1022 && self.ex <= 1024);
        let hi = self.hi();
        let mut r = f64::from_bits((hi >> 11) | (0x3ff << 52)); // 1.m, 52 fraction bits
        let mut rd = 0.0;
        if (hi >> 10) & 1 != 0 {
            rd += pow2(-53); // round bit: half an ulp of r
        }
        if hi & 0x3ff != 0 || self.lo() != 0 {
            rd += pow2(-54); // sticky bits: a quarter ulp
        }
        if self.sgn != 0 {
            rd = -rd;
            r = -r;
        }
        r += rd; // round to nearest, ties to even, as the hardware does
        r * f64::from_bits((((self.ex + 1022) & 0x7ff) as u64) << 52)
    }
}

const ZERO: Dint = Dint::new(0, 0, -1076, 0);
/// 2^-11.
const MAGIC: Dint = Dint::new(1 << 63, 0, -10, 0);

fn mul64(a: u64, b: u64) -> u128 {
    (a as u128) * (b as u128)
}

/// |a| vs |b| (`cmp_dint_abs`).
fn cmp_abs(a: &Dint, b: &Dint) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    if a.is_zero() {
        return if b.is_zero() { Equal } else { Less };
    }
    if b.is_zero() {
        return Greater;
    }
    a.ex.cmp(&b.ex).then(a.r.cmp(&b.r))
}

/// `a + b`, error below 2 ulps of the 128-bit result (`add_dint`).
fn add(a: &Dint, b: &Dint) -> Dint {
    use std::cmp::Ordering::*;
    if a.r == 0 {
        return *b;
    }
    let (a, b) = match cmp_abs(a, b) {
        Equal => {
            return if a.sgn != b.sgn {
                ZERO
            } else {
                Dint { ex: a.ex + 1, ..*a }
            };
        }
        Less => (b, a),
        Greater => (a, b),
    };
    // Now |a| > |b|.
    let big = a.r;
    let k = a.ex.wrapping_sub(b.ex) as u64;
    let small = if k == 0 {
        b.r
    } else if k < 128 {
        b.r >> k
    } else {
        0
    };
    let mut ex_r = a.ex;
    let c = if a.sgn != b.sgn {
        let mut c = big.wrapping_sub(small);
        let mut ex = c.leading_zeros(); // c != 0 since |a| > |b|
        if ex > 0 {
            c = if k == 1 {
                // Sterbenz case: recompute without truncating b
                (big << ex).wrapping_sub(b.r << (ex - 1))
            } else {
                (big << ex).wrapping_sub(small << ex)
            };
            ex_r -= ex as i64;
            ex = ((c >> 64) as u64).leading_zeros();
        }
        ex_r -= ex as i64;
        c << ex
    } else {
        let (c, carry) = big.overflowing_add(small);
        if carry {
            ex_r += 1;
            (1 << 127) | (c >> 1)
        } else {
            c
        }
    };
    Dint {
        r: c,
        ex: ex_r,
        sgn: a.sgn,
    }
}

/// `a * b`, error below 6 ulps of the 128-bit result (`mul_dint`).
fn mul(a: &Dint, b: &Dint) -> Dint {
    let m1 = mul64(a.hi(), b.lo());
    let m2 = mul64(a.lo(), b.hi());
    let r = mul64(a.hi(), b.hi()) + (m1 >> 64) + (m2 >> 64);
    let top = (r >> 127) as i64;
    Dint {
        r: r << (1 - top),
        ex: a.ex + b.ex + top - 1,
        sgn: a.sgn ^ b.sgn,
    }
}

/// `a * b` where the low word of `b` is zero, error below 2 ulps (`mul_dint_21`).
fn mul_21(a: &Dint, b: &Dint) -> Dint {
    let r = mul64(a.hi(), b.hi()) + (mul64(a.lo(), b.hi()) >> 64);
    let top = (r >> 127) as i64;
    Dint {
        r: r << (1 - top),
        ex: a.ex + b.ex + top - 1,
        sgn: a.sgn ^ b.sgn,
    }
}

/// Shifts `x` so that the top bit of `r` is set (if `x != 0`) (`normalize`).
fn normalize(x: &mut Dint) {
    if x.r != 0 {
        let cnt = x.r.leading_zeros();
        x.r <<= cnt;
        x.ex -= cnt as i64;
    }
}

/// Replaces `x` (normalized, > 0) by an approximation of `x/(2 pi)` mod 1 with relative error
/// < 2^-126.67, normalized (`reduce`).
fn reduce(x: &mut Dint) {
    let e = x.ex;
    let hi = x.hi();
    if e <= 1 {
        // |x| < 2: multiply by T[0]/2^64 + T[1]/2^128 (within 2^-130.22 of 1/(2 pi)).
        let u = mul64(hi, T[1]);
        let tiny = u as u64;
        let mut lo = (u >> 64) as u64;
        let u = mul64(hi, T[0]);
        lo = lo.wrapping_add(u as u64);
        let new_hi = ((u >> 64) as u64).wrapping_add((lo < u as u64) as u64);
        x.r = ((new_hi as u128) << 64) | lo as u128;
        normalize(x);
        let shift = e - x.ex; // at most 3
        if shift != 0 {
            x.r |= (tiny >> (64 - shift)) as u128; // the upper bits of tiny into the low word
        }
        return;
    }
    // 2 <= e <= 1024: only T[i..] with -127 <= e - 64 i <= 127 contribute.
    let i = if e < 127 {
        0
    } else {
        ((e - 127 + 63) / 64) as usize
    };
    let mut c = [0u64; 5];
    let u = mul64(hi, T[i + 3]);
    c[0] = u as u64;
    c[1] = (u >> 64) as u64;
    let u = mul64(hi, T[i + 2]);
    c[1] = c[1].wrapping_add(u as u64);
    c[2] = ((u >> 64) as u64).wrapping_add((c[1] < u as u64) as u64);
    let u = mul64(hi, T[i + 1]);
    c[2] = c[2].wrapping_add(u as u64);
    c[3] = ((u >> 64) as u64).wrapping_add((c[2] < u as u64) as u64);
    let u = mul64(hi, T[i]);
    c[3] = c[3].wrapping_add(u as u64);
    c[4] = ((u >> 64) as u64).wrapping_add((c[3] < u as u64) as u64);
    let f = (e - 64 * i as i64) as u32; // hi*T[i]/2^128 is scaled by 2^f
    let (new_hi, new_lo, tiny);
    if f < 64 {
        new_hi = (c[4] << f) | (c[3] >> (64 - f));
        new_lo = (c[3] << f) | (c[2] >> (64 - f));
        tiny = (c[2] << f) | (c[1] >> (64 - f));
    } else if f == 64 {
        new_hi = c[3];
        new_lo = c[2];
        tiny = c[1];
    } else {
        // 65 <= f <= 127: one more term.
        let g = f - 64;
        let u = (mul64(hi, T[i + 4]) >> 64) as u64;
        c[0] = c[0].wrapping_add(u);
        let carry = c[0] < u;
        c[1] = c[1].wrapping_add(carry as u64);
        c[2] = c[2].wrapping_add((carry && c[1] == 0) as u64);
        c[3] = c[3].wrapping_add((carry && c[1] == 0 && c[2] == 0) as u64);
        c[4] = c[4].wrapping_add((carry && c[1] == 0 && c[2] == 0 && c[3] == 0) as u64);
        new_hi = (c[3] << g) | (c[2] >> (64 - g));
        new_lo = (c[2] << g) | (c[1] >> (64 - g));
        tiny = (c[1] << g) | (c[0] >> (64 - g));
    }
    x.r = ((new_hi as u128) << 64) | new_lo as u128;
    x.ex = 0;
    normalize(x);
    // The worst case is ex = -61 (|x| = 0x1.6ac5b262ca1ffp+851).
    if x.ex < 0 {
        x.r |= (tiny >> (64 + x.ex)) as u128;
    }
}

/// For 0 <= x < 1: returns `i` and replaces `x` by `x - i/2^11`, 0 <= x < 2^-11; exact
/// (`reduce2`).
fn reduce2(x: &mut Dint) -> u32 {
    if x.ex <= -11 {
        return 0;
    }
    let sh = (64 - 11 - x.ex) as u32;
    let hi = x.hi();
    let i = (hi >> sh) as u32;
    x.r = (((hi & ((1 << sh) - 1)) as u128) << 64) | x.lo() as u128;
    normalize(x);
    i
}

/// sin(2 pi x) for 0 <= x < 2^-11, given x2 ~ x^2 (`evalPS`).
fn eval_sin_accurate(x: &Dint, x2: &Dint) -> Dint {
    let mut y = mul_21(x2, &PS[5]); // degree 11
    for k in (1..5).rev() {
        y = mul(&add(&y, &PS[k]), x2); // degrees 9, 7, 5, 3
    }
    mul(&add(&y, &PS[0]), x) // degree 1, times x
}

/// cos(2 pi x) for 0 <= x < 2^-11, given x2 ~ x^2 (`evalPC`).
fn eval_cos_accurate(x2: &Dint) -> Dint {
    let mut y = mul_21(x2, &PC[5]); // degree 10
    for k in (1..5).rev() {
        y = mul(&add(&y, &PC[k]), x2); // degrees 8, 6, 4, 2
    }
    add(&y, &PC[0])
}

/// CORE-MATH's inputs where even the accurate path cannot decide the rounding, with their
/// correctly rounded values under round-to-nearest: (|x| bits, result bits). The C code stores
/// `h + l` with `|l|` far below half an ulp of `h`, which rounds to `h` (or 1 - tiny to 1).
const SIN_EXCEPTIONS: [(u64, u64); 2] = [
    (0x3ebe_0000_0000_01c2, 0x3ebd_ffff_ffff_f02e), // 0x1.e0000000001c2p-20
    (0x7506_ac5b_262c_a1ff, 0x3ff0_0000_0000_0000), // 0x1.6ac5b262ca1ffp+849 (Erik E.)
];
const COS_EXCEPTIONS: [(u64, u64); 5] = [
    (0x3e88_0000_0000_0009, 0x3fef_ffff_ffff_ff70), // 0x1.8000000000009p-23
    (0x3e98_0000_0000_0024, 0x3fef_ffff_ffff_fdc0), // 0x1.8000000000024p-22
    (0x3ea8_0000_0000_0090, 0x3fef_ffff_ffff_f700), // 0x1.800000000009p-21
    (0x3eb2_0000_0000_00f3, 0x3fef_ffff_ffff_ebc0), // 0x1.20000000000f3p-20
    (0x3eb8_0000_0000_0240, 0x3fef_ffff_ffff_dc00), // 0x1.800000000024p-20
];

/// f(ax) correctly rounded, negated if `neg`; f = sin for `quarter = 0`, cos for
/// `quarter = 1` (`sin_accurate`, `cos_accurate`).
#[cold]
#[inline(never)]
fn accurate(ax: f64, neg: bool, quarter: u32) -> f64 {
    let (mut u, neg_fold) = accurate_dint(ax, quarter);
    let neg = neg ^ neg_fold;
    // |f - u| < 2^-122.65 |u|: at most 41 units of the low word. Check that the upper 54 bits
    // (53 + the rounding bit) agree across that interval.
    const ERR: u128 = 41;
    if (u.r.wrapping_sub(ERR) >> 74) != (u.r.wrapping_add(ERR) >> 74) {
        let exceptions: &[(u64, u64)] = if quarter == 0 {
            &SIN_EXCEPTIONS
        } else {
            &COS_EXCEPTIONS
        };
        if let Some(&(_, y)) = exceptions.iter().find(|e| e.0 == ax.to_bits()) {
            let y = f64::from_bits(y);
            return if neg { -y } else { y };
        }
        // CORE-MATH's worst-case search shows this is unreachable; the C code aborts here.
        // Returning the nearest double of the 128-bit approximation is the best available.
    }
    if neg {
        u.sgn = 1 - u.sgn;
    }
    u.to_f64()
}

/// `(u, neg)`: |f(ax)| ~ u (u >= 0) within 2^-122.65 relative, f = sin for `quarter = 0`, cos
/// for `quarter = 1`; `neg` is the sign of f(ax).
fn accurate_dint(ax: f64, quarter: u32) -> (Dint, bool) {
    let mut x = Dint::from_f64(ax);
    reduce(&mut x); // |x - ax/(2 pi) mod 1| < 2^-126.67 x, 0 <= x < 1
    let i = reduce2(&mut x); // x = i/2^11 + r exactly
    let (neg, want_sin, reflect, i) = fold(i, quarter);
    if reflect {
        x.sgn = 1;
        x = add(&MAGIC, &x); // 2^-11 - x
    }
    let x2 = mul(&x, &x);
    let cos_r = eval_cos_accurate(&x2); // 0.999 < cos_r <= 1
    let sin_r = eval_sin_accurate(&x, &x2); // 0 <= sin_r < 0.0005
    let (u, mut v) = if want_sin {
        // sin(a + b) = sin a cos b + cos a sin b
        (mul(&S[i], &cos_r), mul(&C[i], &sin_r))
    } else {
        // cos(a + b) = cos a cos b - sin a sin b
        (mul(&C[i], &cos_r), mul(&S[i], &sin_r))
    };
    if !want_sin {
        v.sgn = 1 - v.sgn;
    }
    (add(&u, &v), neg)
}

#[cfg(test)]
#[path = "sincos_tests.rs"]
mod tests;

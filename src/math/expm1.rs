//! `expm1` (e^x - 1), bit-identical to glibc's x86-64 FMA variant (`__expm1_fma`).
//!
//! The algorithm is Sun's fdlibm `s_expm1.c` (notice below), which is what glibc ships in
//! `sysdeps/ieee754/dbl-64/s_expm1.c`. On a CPU with FMA and AVX2, glibc (since 2.35) runs a copy
//! compiled with `-mfma -mavx2`, where GCC (default `-ffp-contract=fast`) fuses some `a*b + c`
//! into single-rounding FMAs. What glibc's binary does, read from the machine code of
//! `__expm1_fma` in glibc 2.36, where it differs from the plain fdlibm text:
//!
//! * The rational function's polynomial `r1 = 1 + hxs*(Q1 + hxs*(Q2 + ... hxs*Q5))` is
//!   evaluated in pieces: `r1 = (1 + hxs*Q1) + h2*(Q2 + hxs*Q3) + h4*(Q4 + hxs*Q5)` with
//!   `h2 = hxs*hxs`, `h4 = h2*h2`, every `+ u*v` fused.
//! * `t = 3 - r1*hfx` and `6 - x*t` are fused; so are `x*e - hxs` (k = 0) and `x*(e - c) - c`.
//! * `x - t*ln2_hi`, `0.5*(x - e) - 0.5` and `1 + 2*(x - e)` are fused too, but their products
//!   are exact, so plain operations round the same.
//! * `|x| < 2^-54` returns x itself; `x < -56 ln2` returns -1 (`tiny - one`).
//!
//! The fused operations are computed exactly without a general fma by the helpers in
//! `log::eft`.

// ====================================================
// Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
//
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// Method (fdlibm):
//   1. Argument reduction: x = k*ln2 + r, |r| <= 0.5*ln2, with a correction term c for the
//      rounding of r (ln2 = ln2_hi + ln2_lo, k*ln2_hi exact).
//   2. expm1(r) by a rational function: with hfx = r/2, hxs = r*hfx and
//      R1(hxs) ~ 1 + Q1 hxs + ... + Q5 hxs^5 (a Remez fit, error < 2^-61),
//        t = 3 - R1*hfx, e = hxs*((R1 - t)/(6 - r*t)),  expm1(r) = r - (r*e - hxs),
//      and with the correction, E = r*(e - c) - c - hxs, expm1(r + c) ~ r - E.
//   3. Scale back: expm1(x) = 2^k*(expm1(r) + 1) - 1, arranged per k to avoid cancellation.
//   Special cases: expm1(+inf) = +inf, expm1(-inf) = -1, expm1(NaN) = NaN, expm1(x > 709.78)
//   overflows; for finite x only expm1(0) = 0 is exact.

use super::log::eft::{fma, fma_fast};

const O_THRESHOLD: f64 = f64::from_bits(0x4086_2e42_fefa_39ef); // 7.09782712893383973096e+02
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000); // 6.93147180369123816490e-01
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76); // 1.90821492927058770002e-10
const INVLN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe); // 1.44269504088896338700e+00
/// Scaled coefficients of R1 (Q_i * 2^i, with z = x^2/2).
const Q1: f64 = f64::from_bits(0xbfa1_1111_1111_10f4); // -3.33333333333331316428e-02
const Q2: f64 = f64::from_bits(0x3f5a_01a0_19fe_5585); // 1.58730158725481460165e-03
const Q3: f64 = f64::from_bits(0xbf14_ce19_9eaa_dbb7); // -7.93650757867487942473e-05
const Q4: f64 = f64::from_bits(0x3ed0_cfca_86e6_5239); // 4.00821782732936239552e-06
const Q5: f64 = f64::from_bits(0xbe8a_fdb7_6e09_c32d); // -2.01099218183624371326e-07

/// `x` with `k` added to its binary exponent by adding `k << 20` to the high word, as fdlibm's
/// `SET_HIGH_WORD(y, high + (k << 20))` does (32-bit wrapping arithmetic; the low word stays).
#[inline(always)]
fn add_to_exponent(y: f64, k: i32) -> f64 {
    let bits = y.to_bits();
    let high = ((bits >> 32) as u32).wrapping_add((k as u32) << 20);
    f64::from_bits((u64::from(high) << 32) | (bits & 0xffff_ffff))
}

/// A double from its high word (low word 0).
#[inline(always)]
fn from_high(high: u32) -> f64 {
    f64::from_bits(u64::from(high) << 32)
}

/// `expm1(x)` = e^x - 1, accurate near 0.
pub fn expm1(x: f64) -> f64 {
    let hx_full = (x.to_bits() >> 32) as u32;
    let negative = hx_full & 0x8000_0000 != 0;
    let hx = hx_full & 0x7fff_ffff; // high word of |x|

    // Filter out huge and non-finite arguments.
    if hx >= 0x4043_687a {
        // |x| >= 56*ln2
        if hx >= 0x4086_2e42 {
            // |x| >= 709.78...
            if hx >= 0x7ff0_0000 {
                if (hx & 0xfffff) | (x.to_bits() as u32) != 0 {
                    return x + x; // NaN
                }
                return if negative { -1.0 } else { x }; // exp(+-inf) = {inf, -1}
            }
            if x > O_THRESHOLD {
                return f64::INFINITY; // overflow: huge*huge
            }
        }
        if negative {
            return -1.0; // x < -56*ln2: tiny - one
        }
    }

    // Argument reduction.
    let (x, c, k) = if hx > 0x3fd6_2e42 {
        // |x| > 0.5 ln2
        let (hi, lo, k) = if hx < 0x3ff0_a2b2 {
            // and |x| < 1.5 ln2
            if negative {
                (x + LN2_HI, -LN2_LO, -1)
            } else {
                (x - LN2_HI, LN2_LO, 1)
            }
        } else {
            let k = (INVLN2 * x + if negative { -0.5 } else { 0.5 }) as i32;
            let t = f64::from(k);
            // x - t*ln2_hi: fused in glibc, but t*ln2_hi is exact (t has <= 11 bits, ln2_hi 32).
            (x - t * LN2_HI, t * LN2_LO, k)
        };
        let r = hi - lo;
        (r, (hi - r) - lo, k)
    } else if hx < 0x3c90_0000 {
        // |x| < 2^-54: return x (with inexact when x != 0).
        return x;
    } else {
        (x, 0.0, 0)
    };

    // x is now in the primary range.
    let hfx = 0.5 * x;
    let hxs = x * hfx;
    let r1a = fma_fast(hxs, Q1, 1.0);
    let h2 = hxs * hxs;
    let r2 = fma_fast(hxs, Q3, Q2);
    let h4 = h2 * h2;
    let r3 = fma_fast(hxs, Q5, Q4);
    let r1 = fma_fast(h4, r3, fma_fast(h2, r2, r1a));
    // t = 3 - r1*hfx; e = hxs*((r1 - t)/(6 - x*t)), both differences fused.
    let t = fma_fast(-r1, hfx, 3.0);
    let e = (r1 - t) / fma_fast(-x, t, 6.0) * hxs;
    if k == 0 {
        // x - (x*e - hxs), the inner fused (c is 0).
        return x - fma(x, e, -hxs);
    }
    // e = x*(e - c) - c, fused; e -= hxs.
    let e = fma(x, e - c, -c) - hxs;
    if k == -1 {
        // 0.5*(x - e) - 0.5: fused, the product exact.
        return 0.5 * (x - e) - 0.5;
    }
    if k == 1 {
        if x < -0.25 {
            return -2.0 * (e - (x + 0.5));
        }
        // 1 + 2*(x - e): fused, the product exact.
        return 1.0 + 2.0 * (x - e);
    }
    if k <= -2 || k > 56 {
        // Suffices to return exp(x) - 1.
        let y = 1.0 - (e - x);
        return add_to_exponent(y, k) - 1.0;
    }
    let y = if k < 20 {
        let t = from_high(0x3ff0_0000 - (0x20_0000 >> k)); // 1 - 2^-k
        t - (e - x)
    } else {
        let t = from_high(((0x3ff - k) as u32) << 20); // 2^-k
        let y = x - (e + t);
        y + 1.0
    };
    add_to_exponent(y, k)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::expm1;
    use crate::math::test_inputs::SplitMix64 as Rng;
    use crate::math::test_support::assert_unary;

    #[allow(clippy::disallowed_methods)]
    fn glibc(x: f64) -> f64 {
        std::hint::black_box(x).exp_m1()
    }

    fn check(what: &str, xs: impl Iterator<Item = f64>) {
        assert_unary("expm1", expm1, glibc, what, xs);
    }

    #[test]
    fn specials_and_edges() {
        let s = [
            0.0,
            1.0,
            0.5,
            5e-324,
            1e-300,
            2f64.powi(-54),
            2f64.powi(-53),
            0.25,
            0.34657359027997264,
            1.0397207708399179,
            38.816242111356935,
            700.0,
            709.782712893384,
            709.7827128933841,
            710.0,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ];
        check("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        // Every double around the path bounds (high words 0x3c900000, 0x3fd62e42, 0x3ff0a2b2,
        // 0x4043687a, 0x40862e42) and the overflow threshold.
        let edges = [
            0x3c90_0000_0000_0000u64,
            0x3fd6_2e43_0000_0000,
            0x3ff0_a2b2_0000_0000,
            0x4043_687a_0000_0000,
            0x4086_2e42_0000_0000,
            0x4086_2e42_fefa_39ef,
        ];
        check(
            "ulps around the bounds",
            edges.into_iter().flat_map(|b| {
                (0..20_000u64).flat_map(move |i| {
                    [b + i, b - i, (b + i) | 1 << 63, (b - i) | 1 << 63].map(f64::from_bits)
                })
            }),
        );
    }

    #[test]
    fn ranges() {
        let mut g = Rng(1);
        check("[-1, 1]", (0..1_000_000).map(|_| g.range(-1.0, 1.0)));
        let mut g = Rng(2);
        check("[-40, 710]", (0..1_000_000).map(|_| g.range(-40.0, 710.0)));
        let mut g = Rng(3);
        check(
            "small, every binade",
            (0..500_000).map(|_| g.range(-1.0, 1.0) * 2f64.powi(-((g.next() % 60) as i32))),
        );
        let mut g = Rng(4);
        check(
            "random bits",
            (0..1_000_000).map(|_| f64::from_bits(g.next())),
        );
        // Each k of the reduction: x near k*ln2.
        let mut g = Rng(5);
        check(
            "near k ln2",
            (0..500_000).map(|_| {
                let k = (g.next() % 120) as f64 - 60.0;
                k * std::f64::consts::LN_2 + g.range(-0.4, 0.4)
            }),
        );
    }
}

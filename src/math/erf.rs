//! `erf` and `erfc`, bit-identical to glibc's x86-64 `erf` and `erfc`.
//!
//! glibc's `erf` (`sysdeps/ieee754/dbl-64/s_erf.c`) is Sun's fdlibm `s_erf.c` (notice below);
//! this is a port of fdlibm's algorithm. glibc has no FMA variant of either (its one copy is
//! compiled for baseline x86-64, nothing fused), but the `exp` they call is the FMA-dispatched one,
//! which [`super::exp`] reproduces. Where glibc's binary (glibc 2.36, read from its machine code)
//! differs from the fdlibm text:
//!
//! * Every polynomial is evaluated in pairs, `(c0 + z c1) + z^2 (c2 + z c3) + z^4 (...) + ...`,
//!   rather than by Horner's rule (see each evaluation below for the exact grouping).
//! * Subnormal x (|x| < 2^-1022) gives `0.0625*(16*x + (16*efx)*x)` rather than
//!   `0.125*(8*x + efx8*x)`.

// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// Method (fdlibm):
//   1. |x| in [0, 0.84375]: erf(x) = x + x*R(x^2), R = P/Q (P odd of degree 8, Q odd of degree
//      10), |R - (erf(x) - x)/x| <= 2^-57.90.
//   2. |x| in [0.84375, 1.25]: s = |x| - 1, erf(x) = sign(x)*(erx + P1(s)/Q1(s)) with
//      erx = 0.84506291151 rounded to single precision, |P1/Q1 - (erf(|x|) - erx)| <= 2^-59.06.
//   3. |x| in [1.25, 1/0.35]: erf(x) = 1 - erfc(x), erfc(x) = (1/x) exp(-x*x - 0.5625 + R1/S1),
//      R1, S1 polynomials in 1/x^2 (error < 2^-62.57).
//   4. |x| in [1/0.35, 6]: likewise with R2/S2 (error < 2^-61.52).
//   5. |x| >= 6: erf(x) = sign(x)*(1 - tiny).
//   exp(-x*x - 0.5625 + R/S) is computed as exp(-z*z - 0.5625)*exp((z - x)(z + x) + R/S), z = x
//   with its low 32 bits cleared, so that z*z is exact.
//   Special cases: erf(0) = 0, erf(+-inf) = +-1, erf(NaN) = NaN.

use super::exp;

const fn f(b: u64) -> f64 {
    f64::from_bits(b)
}

/// erx = (float)0.84506291151.
const ERX: f64 = f(0x3feb_0ac1_6000_0000); // 8.45062911510467529297e-01
/// efx = 2/sqrt(pi) - 1.
const EFX: f64 = f(0x3fc0_6eba_8214_db69); // 1.28379167095512586316e-01

// Coefficients for erf on [0, 0.84375].
const PP0: f64 = f(0x3fc0_6eba_8214_db68); // 1.28379167095512558561e-01
const PP1: f64 = f(0xbfd4_cd7d_691c_b913); // -3.25042107247001499370e-01
const PP2: f64 = f(0xbf9d_2a51_dbd7_194f); // -2.84817495755985104766e-02
const PP3: f64 = f(0xbf77_a291_2366_68e4); // -5.77027029648944159157e-03
const PP4: f64 = f(0xbef8_ead6_1200_16ac); // -2.37630166566501626084e-05
const QQ1: f64 = f(0x3fd9_7779_cdda_dc09); // 3.97917223959155352819e-01
const QQ2: f64 = f(0x3fb0_a54c_5536_ceba); // 6.50222499887672944485e-02
const QQ3: f64 = f(0x3f74_d022_c4d3_6b0f); // 5.08130628187576562776e-03
const QQ4: f64 = f(0x3f21_5dc9_221c_1a10); // 1.32494738004321644526e-04
const QQ5: f64 = f(0xbed0_9c43_42a2_6120); // -3.96022827877536812320e-06

// Coefficients for erf on [0.84375, 1.25].
const PA0: f64 = f(0xbf63_59b8_bef7_7538); // -2.36211856075265944077e-03
const PA1: f64 = f(0x3fda_8d00_ad92_b34d); // 4.14856118683748331666e-01
const PA2: f64 = f(0xbfd7_d240_fbb8_c3f1); // -3.72207876035701323847e-01
const PA3: f64 = f(0x3fd4_5fca_8051_20e4); // 3.18346619901161753674e-01
const PA4: f64 = f(0xbfbc_6398_3d3e_28ec); // -1.10894694282396677476e-01
const PA5: f64 = f(0x3fa2_2a36_5997_95eb); // 3.54783043256182359371e-02
const PA6: f64 = f(0xbf61_bf38_0a96_073f); // -2.16637559486879084300e-03
const QA1: f64 = f(0x3fbb_3e66_18ee_e323); // 1.06420880400844228286e-01
const QA2: f64 = f(0x3fe1_4af0_92eb_6f33); // 5.40397917702171048937e-01
const QA3: f64 = f(0x3fb2_635c_d99f_e9a7); // 7.18286544141962662868e-02
const QA4: f64 = f(0x3fc0_2660_e763_351f); // 1.26171219808761642112e-01
const QA5: f64 = f(0x3f8b_edc2_6b51_dd1c); // 1.36370839120290507362e-02
const QA6: f64 = f(0x3f88_8b54_5735_151d); // 1.19844998467991074170e-02

// Coefficients for erfc on [1.25, 1/0.35].
const RA0: f64 = f(0xbf84_3412_600d_6435); // -9.86494403484714822705e-03
const RA1: f64 = f(0xbfe6_3416_e4ba_7360); // -6.93858572707181764372e-01
const RA2: f64 = f(0xc025_1e04_41b0_e726); // -1.05586262253232909814e+01
const RA3: f64 = f(0xc04f_300a_e4cb_a38d); // -6.23753324503260060396e+01
const RA4: f64 = f(0xc064_4cb1_8428_2266); // -1.62396669462573470355e+02
const RA5: f64 = f(0xc067_135c_ebcc_abb2); // -1.84605092906711035994e+02
const RA6: f64 = f(0xc054_5265_57e4_d2f2); // -8.12874355063065934246e+01
const RA7: f64 = f(0xc023_a0ef_c69a_c25c); // -9.81432934416914548592e+00
const SA1: f64 = f(0x4033_a6b9_bd70_7687); // 1.96512716674392571292e+01
const SA2: f64 = f(0x4061_350c_526a_e721); // 1.37657754143519042600e+02
const SA3: f64 = f(0x407b_290d_d58a_1a71); // 4.34565877475229228821e+02
const SA4: f64 = f(0x4084_2b19_21ec_2868); // 6.45387271733267880336e+02
const SA5: f64 = f(0x407a_d021_5770_0314); // 4.29008140027567833386e+02
const SA6: f64 = f(0x405b_28a3_ee48_ae2c); // 1.08635005541779435134e+02
const SA7: f64 = f(0x401a_47ef_8e48_4a93); // 6.57024977031928170135e+00
const SA8: f64 = f(0xbfae_eff2_ee74_9a62); // -6.04244152148580987438e-02

// Coefficients for erfc on [1/0.35, 28].
const RB0: f64 = f(0xbf84_3412_39e8_6f4a); // -9.86494292470009928597e-03
const RB1: f64 = f(0xbfe9_93ba_70c2_85de); // -7.99283237680523006574e-01
const RB2: f64 = f(0xc031_c209_555f_995a); // -1.77579549177547519889e+01
const RB3: f64 = f(0xc064_145d_43c5_ed98); // -1.60636384855821916062e+02
const RB4: f64 = f(0xc083_ec88_1375_f228); // -6.37566443368389627722e+02
const RB5: f64 = f(0xc090_0461_6a2e_5992); // -1.02509513161107724954e+03
const RB6: f64 = f(0xc07e_384e_9bdc_383f); // -4.83519191608651397019e+02
const SB1: f64 = f(0x403e_568b_261d_5190); // 3.03380607434824582924e+01
const SB2: f64 = f(0x4074_5cae_221b_9f0a); // 3.25792512996573918826e+02
const SB3: f64 = f(0x4098_02eb_189d_5118); // 1.53672958608443695994e+03
const SB4: f64 = f(0x40a8_ffb7_688c_246a); // 3.19985821950859553908e+03
const SB5: f64 = f(0x40a3_f219_cedf_3be6); // 2.55305040643316442583e+03
const SB6: f64 = f(0x407d_a874_e79f_e763); // 4.74528541206955367215e+02
const SB7: f64 = f(0xc036_70e2_4271_2d62); // -2.24409524465858183362e+01

/// `R(x^2) = P/Q` of the |x| < 0.84375 range: erf(x) = x + x*R.
#[inline]
fn small_ratio(x: f64) -> f64 {
    let z = x * x;
    let z2 = z * z;
    let z4 = z2 * z2;
    let r = (PP0 + z * PP1) + z2 * (PP2 + z * PP3) + z4 * PP4;
    let s = (1.0 + z * QQ1) + z2 * (QQ2 + z * QQ3) + z4 * (QQ4 + z * QQ5);
    r / s
}

/// `P1(s)/Q1(s)` of the 0.84375 <= |x| < 1.25 range, s = |x| - 1: erf(|x|) = erx + P1/Q1.
#[inline]
fn mid_ratio(x: f64) -> f64 {
    let s = x.abs() - 1.0;
    let s2 = s * s;
    let s4 = s2 * s2;
    let s6 = s2 * s4;
    let p = (PA0 + s * PA1) + s2 * (PA2 + s * PA3) + s4 * (PA4 + s * PA5) + s6 * PA6;
    let q = (1.0 + s * QA1) + s2 * (QA2 + s * QA3) + s4 * (QA4 + s * QA5) + s6 * QA6;
    p / q
}

/// `x * erfc(x) = exp(-x*x - 0.5625 + R/S)` for 1.25 <= x < 28; `near` says x < 1/0.35 (where
/// erf and erfc draw that bound one ulp of the high word apart).
#[inline]
fn tail_scaled(x: f64, near: bool) -> f64 {
    let s = 1.0 / (x * x);
    let s2 = s * s;
    let s4 = s2 * s2;
    let s6 = s4 * s2;
    let (r, big_s) = if near {
        let r =
            (RA0 + s * RA1) + s2 * (RA2 + s * RA3) + s4 * (RA4 + s * RA5) + s6 * (RA6 + s * RA7);
        let big_s = (1.0 + s * SA1)
            + s2 * (SA2 + s * SA3)
            + s4 * (SA4 + s * SA5)
            + s6 * (SA6 + s * SA7)
            + s4 * s4 * SA8;
        (r, big_s)
    } else {
        let r = (RB0 + s * RB1) + s2 * (RB2 + s * RB3) + s4 * (RB4 + s * RB5) + s6 * RB6;
        let big_s =
            (1.0 + s * SB1) + s2 * (SB2 + s * SB3) + s4 * (SB4 + s * SB5) + s6 * (SB6 + s * SB7);
        (r, big_s)
    };
    // z = x with its low word cleared: z*z is exact.
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / big_s)
}

/// `erf(x)`, the error function.
pub fn erf(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let negative = hx & 0x8000_0000 != 0;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        // erf(nan) = nan, erf(+-inf) = +-1: (1 - 2*sign) + 1/x.
        let i = if negative { -1.0 } else { 1.0 };
        return i + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        // |x| < 0.84375
        if ix < 0x3e30_0000 {
            // |x| < 2^-28
            if hx & 0x7f80_0000 == 0 {
                // glibc's subnormal-safe form.
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * small_ratio(x);
    }
    if ix < 0x3ff4_0000 {
        // 0.84375 <= |x| < 1.25
        let pq = mid_ratio(x);
        return if negative { -ERX - pq } else { ERX + pq };
    }
    if ix >= 0x4018_0000 {
        // inf > |x| >= 6: one - tiny, tiny - one.
        return if negative { -1.0 } else { 1.0 };
    }
    let ax = x.abs();
    let r = tail_scaled(ax, ix < 0x4006_db6e);
    if negative {
        r / ax - 1.0
    } else {
        1.0 - r / ax
    }
}

/// `erfc(x)` = 1 - erf(x), the complementary error function, accurate where erf(x) is near 1.
pub fn erfc(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let negative = hx & 0x8000_0000 != 0;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        // erfc(nan) = nan, erfc(+inf) = 0, erfc(-inf) = 2: 2*sign + 1/x.
        let i = if negative { 2.0 } else { 0.0 };
        return i + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        // |x| < 0.84375
        if ix < 0x3c70_0000 {
            return 1.0 - x; // |x| < 2^-56
        }
        let r = x * small_ratio(x);
        // The signed high word: every negative x takes the first form.
        if (hx as i32) < 0x3fd0_0000 {
            // x < 1/4
            return 1.0 - (x + r);
        }
        return 0.5 - (r + (x - 0.5));
    }
    if ix < 0x3ff4_0000 {
        // 0.84375 <= |x| < 1.25
        let pq = mid_ratio(x);
        return if negative {
            1.0 + (ERX + pq)
        } else {
            (1.0 - ERX) - pq
        };
    }
    if ix < 0x403c_0000 {
        // |x| < 28
        if negative && ix >= 0x4018_0000 {
            return 2.0; // x <= -6: two - tiny
        }
        let ax = x.abs();
        let r = tail_scaled(ax, ix < 0x4006_db6d);
        return if negative { 2.0 - r / ax } else { r / ax };
    }
    if negative {
        2.0 // two - tiny
    } else {
        0.0 // tiny*tiny: underflow
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{erf, erfc};
    use crate::math::test_inputs::SplitMix64 as Rng;
    use crate::math::test_support::assert_unary;

    mod libm {
        extern "C" {
            pub fn erf(x: f64) -> f64;
            pub fn erfc(x: f64) -> f64;
        }
    }

    /// glibc's erf and erfc, through their C declarations (std has neither).
    fn glibc_erf(x: f64) -> f64 {
        // SAFETY: libm's erf is a pure function of its argument.
        unsafe { libm::erf(std::hint::black_box(x)) }
    }

    fn glibc_erfc(x: f64) -> f64 {
        // SAFETY: libm's erfc is a pure function of its argument.
        unsafe { libm::erfc(std::hint::black_box(x)) }
    }

    fn check(what: &str, xs: impl Iterator<Item = f64>) {
        let xs: Vec<f64> = xs.collect();
        assert_unary("erf", erf, glibc_erf, what, xs.iter().copied());
        assert_unary("erfc", erfc, glibc_erfc, what, xs.into_iter());
    }

    #[test]
    fn specials_and_edges() {
        let s = [
            0.0,
            1.0,
            0.5,
            5e-324,
            1e-310,
            f64::MIN_POSITIVE,
            1e-300,
            2f64.powi(-28),
            0.84375,
            1.25,
            1.0 / 0.35,
            6.0,
            28.0,
            27.5,
            0.25,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        check("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        let edges = [
            0x0010_0000_0000_0000u64,
            0x3e30_0000_0000_0000,
            0x3feb_0000_0000_0000,
            0x3ff4_0000_0000_0000,
            0x3c70_0000_0000_0000,
            0x3fd0_0000_0000_0000,
            0x4006_db6d_0000_0000,
            0x4006_db6e_0000_0000,
            0x4018_0000_0000_0000,
            0x403c_0000_0000_0000,
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
        check("[-3, 3]", (0..1_000_000).map(|_| g.range(-3.0, 3.0)));
        let mut g = Rng(2);
        check("[-7, 7]", (0..1_000_000).map(|_| g.range(-7.0, 7.0)));
        let mut g = Rng(5);
        check("[-30, 30]", (0..500_000).map(|_| g.range(-30.0, 30.0)));
        let mut g = Rng(3);
        check(
            "small, every binade",
            (0..300_000).map(|_| g.range(-1.0, 1.0) * 2f64.powi(-((g.next() % 1075) as i32))),
        );
        let mut g = Rng(4);
        check(
            "random bits",
            (0..500_000).map(|_| f64::from_bits(g.next())),
        );
    }
}

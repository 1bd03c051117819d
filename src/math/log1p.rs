//! `log1p`, bit-identical to glibc's x86-64 FMA variant (`__log1p_fma`).
//!
//! The algorithm is Sun's fdlibm `s_log1p.c` (notice below), which is what glibc ships in
//! `sysdeps/ieee754/dbl-64/s_log1p.c`. On a CPU with FMA and AVX2, glibc runs a copy of it
//! compiled with `-mfma -mavx2`, and GCC (default `-ffp-contract=fast`) fuses some `a*b + c`
//! patterns into single-rounding FMAs. Reproducing glibc's bits means doing exactly those fused
//! operations with a single rounding, and every other operation with its own rounding.
//!
//! What glibc's binary does (read from the machine code of `__log1p_fma`, glibc 2.36, and
//! confirmed against glibc's results, see the tests), where it differs from the plain fdlibm text:
//!
//! * The `k = 0` range is `hx > 0 || hx <= 0xbfd2bec3` (netlib fdlibm's bound; FreeBSD later
//!   changed it to `0xbfd2bec4`). For `hx == 0xbfd2bec4` glibc takes the `k != 0` path, where `k`
//!   can then come back as 0 and the correction term `c` is ignored.
//! * The polynomial `R = Lp1 z + Lp2 z^2 + ... + Lp7 z^7` is evaluated in pairs:
//!   `R2 = Lp2 + z Lp3`, `R3 = Lp4 + z Lp5`, `R4 = Lp6 + z Lp7`,
//!   `R = ((z Lp1 + z2 R2) + z4 R3) + z6 R4` with `z2 = z*z`, `z4 = z2*z2`, `z6 = z2*z4`.
//!
//! The fused operations (`vfmadd`/`vfnmadd`/`vfmsub` in the binary) and how each is computed here
//! without a general FMA (a slow software routine on wasm32):
//!
//! | fused in glibc                  | computed here                                          |
//! |---------------------------------|--------------------------------------------------------|
//! | `R2 = Lp2 + z*Lp3`              | [`lead_add_in_binade`] (result in `[0.39, 0.41]`)      |
//! | `R3 = Lp4 + z*Lp5`              | [`lead_add_in_binade`] (result in `[0.22, 0.23]`)      |
//! | `R4 = Lp6 + z*Lp7`              | [`lead_add_in_binade`] (result in `[0.15, 0.16]`)      |
//! | `T1 = z*Lp1 + round(z2*R2)`     | Dekker two-product of `z*Lp1`, then [`add_tail`]       |
//! | `T2 = T1 + z4*R3`               | [`lead_add_tiny`] (product `< 2^-16 T1`)               |
//! | `R  = T2 + z6*R4`               | [`lead_add_tiny`] (product `< 2^-27 T2`)               |
//! | `k*ln2_lo + c`                  | [`k_ln2_lo_plus`]: `ln2_lo` split so both `k*` parts are exact |
//! | `1 - f*(2/3)` (`|f| < 2^-19`)   | [`lead_add`]                                           |
//! | `k*ln2_hi - X`, `k*ln2_hi + X`  | plain: `k*ln2_hi` is exact (`|k| <= 1024`, 32-bit `ln2_hi`) |
//! | `x - (x*x)*0.5` (`|x| < 2^-29`) | plain: `(x*x)*0.5` is exact (`x*x >= 2^-108` is normal) |
//!
//! All rest on one argument ([`add_tail`]): when `a` dominates, `round(a + y)` can only differ
//! from the single rounding of `a + y + err` (`err` the rounding error of `y`) when `a + y` is
//! exactly a midpoint, which is cheap to detect; the exact `err` (Dekker's product or Knuth's
//! sum) is then computed to settle it. No `mul_add` is left: only ordinary round-to-nearest
//! `+ - *` (which Rust never contracts), so the results are the same natively and on wasm32.

// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// Method (fdlibm):
//   1. Argument reduction: find k and f such that 1+x = 2^k * (1+f), sqrt(2)/2 < 1+f < sqrt(2).
//      If k = 0, f = x exactly. Otherwise u = 1+x rounded, and c = ((1+x)-u)/u corrects for the
//      rounding: log(1+x) - log(u) ~ c. (For x >= 2^53, u = x and c = 0.)
//   2. With s = f/(2+f), log(1+f) = log(1+s) - log(1-s) = 2s + 2/3 s^3 + 2/5 s^5 + ... = 2s + s*R,
//      R(z) ~ Lp1*z + ... + Lp7*z^7 with z = s^2 (a Remez fit, error < 2^-58.45). Since
//      2s = f - s*f = f - hfsq + s*hfsq with hfsq = f*f/2, log1p(f) = f - (hfsq - s*(hfsq+R)).
//   3. log1p(x) = k*ln2_hi + (f - (hfsq - (s*(hfsq+R) + (k*ln2_lo + c)))), where k*ln2_hi is exact.
//   Special cases: log1p(x < -1) = NaN, log1p(-1) = -inf, log1p(+inf) = +inf, log1p(NaN) = NaN,
//   log1p(+-0) = +-0.

const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000); // 6.93147180369123816490e-01
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76); // 1.90821492927058770002e-10
const LP1: f64 = f64::from_bits(0x3fe5_5555_5555_5593); // 6.666666666666735130e-01
const LP2: f64 = f64::from_bits(0x3fd9_9999_9997_fa04); // 3.999999999940941908e-01
const LP3: f64 = f64::from_bits(0x3fd2_4924_9422_9359); // 2.857142874366239149e-01
const LP4: f64 = f64::from_bits(0x3fcc_71c5_1d8e_78af); // 2.222219843214978396e-01
const LP5: f64 = f64::from_bits(0x3fc7_4664_96cb_03de); // 1.818357216161805012e-01
const LP6: f64 = f64::from_bits(0x3fc3_9a09_d078_c69f); // 1.531383769920937332e-01
const LP7: f64 = f64::from_bits(0x3fc2_f112_df3e_5244); // 1.479819860511658591e-01
/// fdlibm's `0.66666666666666666` (the `|f| < 2^-20` branch), i.e. 2/3 rounded.
const TWO_THIRDS: f64 = f64::from_bits(0x3fe5_5555_5555_5555);

/// `LN2_LO` with its low 11 fraction bits cleared: 42 significant bits, so `k * LN2_LO_HI` is
/// exact for `|k| <= 1024` (at most 11 bits).
const LN2_LO_HI: f64 = f64::from_bits(0x3dea_39ef_3579_3800);
/// The rest, `LN2_LO - LN2_LO_HI` (exact): at most 11 significant bits, so `k * LN2_LO_LO` is
/// exact too.
const LN2_LO_LO: f64 = LN2_LO - LN2_LO_HI;

/// `Lp1` split for Dekker's product (by [`split`], at compile time).
const LP1_SPLIT: (f64, f64) = split(LP1);

/// `log1p(x)` = ln(1 + x), with glibc's (x86-64, FMA variant) bits.
pub fn log1p(x: f64) -> f64 {
    let hx = high_word(x);
    let ax = hx & 0x7fff_ffff;

    let mut k: i32 = 1;
    let mut f = 0.0;
    let mut c = 0.0;
    let mut hu: i32 = 0;
    if hx < 0x3fda_827a {
        // 1+x < sqrt(2)+
        if ax >= 0x3ff0_0000 {
            // x <= -1.0 (or a negative NaN)
            if x == -1.0 {
                return f64::NEG_INFINITY;
            }
            // glibc: (x-x)/(x-x), which is x itself (quieted) for a NaN and the default NaN
            // otherwise; NaN payloads are not part of the contract.
            return if x.is_nan() { x + x } else { f64::NAN };
        }
        if ax < 0x3e20_0000 {
            // |x| < 2^-29
            if ax < 0x3c90_0000 {
                // |x| < 2^-54 (keeps the sign of zero)
                return x;
            }
            // glibc fuses this into fnmadd(x*x, 0.5, x); (x*x)*0.5 is exact here (x*x >= 2^-108
            // is normal, and halving it is exact), so the single rounding of the fused operation
            // is the rounding of this subtraction.
            return x - x * x * 0.5;
        }
        if hx > 0 || hx <= 0xbfd2_bec3_u32 as i32 {
            // sqrt(2)/2- <= 1+x < sqrt(2)+
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if hx >= 0x7ff0_0000 {
        // +inf or NaN
        return x + x;
    }
    if k != 0 {
        let u;
        if hx < 0x4340_0000 {
            u = 1.0 + x;
            hu = high_word(u);
            k = (hu >> 20) - 1023;
            // correction term
            c = if k > 0 { 1.0 - (u - x) } else { x - (u - 1.0) };
            c /= u;
        } else {
            u = x;
            hu = hx;
            k = (hu >> 20) - 1023;
            c = 0.0;
        }
        hu &= 0x000f_ffff;
        let normalized = if hu < 0x6a09e {
            // u ~< sqrt(2): normalize u
            with_high_word(u, hu | 0x3ff0_0000)
        } else {
            // normalize u/2
            k += 1;
            let v = with_high_word(u, hu | 0x3fe0_0000);
            hu = (0x0010_0000 - hu) >> 2;
            v
        };
        f = normalized - 1.0;
    }
    let hfsq = f * 0.5 * f;
    if hu == 0 {
        // |f| < 2^-20
        if f == 0.0 {
            if k == 0 {
                return 0.0;
            }
            let kf = f64::from(k);
            // glibc: fma(k, ln2_hi, k*ln2_lo + c); the product is exact.
            return kf * LN2_HI + k_ln2_lo_plus(kf, c);
        }
        // glibc: fnmadd(f, 2/3, 1.0). |f*(2/3)| < 2^-19 against 1: see `lead_add`.
        let r = hfsq * lead_add(1.0, -f, TWO_THIRDS);
        if k == 0 {
            return f - r;
        }
        let kf = f64::from(k);
        // glibc: fmsub(k, ln2_hi, ...); the product is exact.
        return kf * LN2_HI - ((r - k_ln2_lo_plus(kf, c)) - f);
    }
    let s = f / (2.0 + f);
    let z = s * s;
    // Here |f| < 0.4143, so 0 < z < 0.02944 (|s| < 0.17158); and |f| >= 2^-29, so z > 2^-61 and
    // no product below (down to z6 * R4 > 2^-370) or its rounding error underflows.
    let r2 = lead_add_in_binade(LP2, z, LP3, HALF_ULP_QUARTER);
    let r3 = lead_add_in_binade(LP4, z, LP5, HALF_ULP_EIGHTH);
    let r4 = lead_add_in_binade(LP6, z, LP7, HALF_ULP_EIGHTH);
    let z2 = z * z;
    let z4 = z2 * z2;
    let z6 = z2 * z4;
    // T1 = fma(z, Lp1, z2*R2). Here the product dominates (q/p ~ 0.6 z < 0.018), so its rounding
    // error e matters: Dekker gives it exactly, and z*Lp1 + q = p + (q + e) with p dominating
    // y = round(q + e) (|y| < 2^-5 |p|), which is `add_tail`'s case, with the two-sum error of
    // q + e to settle a midpoint.
    let q = z2 * r2;
    let p = z * LP1;
    let e = prod_err(p, split(z), LP1_SPLIT);
    let y = q + e;
    let (t1, d) = add_tail(p, y);
    let t1 = if d == 0.0 {
        t1
    } else {
        settle(t1, d, sum_err(q, e, y))
    };
    // z4*R3 <= 0.342 z^3 T1 < 2^-16 T1, and z6*R4 <= 0.237 z^5 T2 < 2^-27 T2.
    let t2 = lead_add_tiny(t1, z4, r3);
    let big_r = lead_add_tiny(t2, z6, r4);
    let w = (big_r + hfsq) * s;
    if k == 0 {
        return f - (hfsq - w);
    }
    let kf = f64::from(k);
    kf * LN2_HI - ((hfsq - (k_ln2_lo_plus(kf, c) + w)) - f)
}

/// The high 32 bits of `x`, as fdlibm's `GET_HIGH_WORD`.
#[inline(always)]
fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

/// `x` with its high 32 bits replaced, as fdlibm's `SET_HIGH_WORD`.
#[inline(always)]
fn with_high_word(x: f64, hi: i32) -> f64 {
    f64::from_bits((u64::from(hi as u32) << 32) | (x.to_bits() & 0xffff_ffff))
}

/// `k*ln2_lo + c` with a single rounding, as glibc's `fma(k, ln2_lo, c)`, for the `k` and `c` of
/// the reduction: `1 <= |k| <= 1024` and `|c| <= 2^-53` (`c` is the correction term divided by
/// `u`, at most half an ulp of `u` over `u`).
///
/// `k*ln2_lo` is the exact sum of `a = k*LN2_LO_HI` and `b = k*LN2_LO_LO` (both products exact),
/// so the result is the single rounding of `a + (b + c)`. `a` dominates `y = round(b + c)`
/// (`|a| >= 2^-33`, `|y| < 2^-52`), which is [`add_tail`]'s case, with the two-sum error of
/// `b + c` to settle a midpoint.
///
/// Shortcut: `a` is a multiple of `2^-74` (an integer times the 42-bit `LN2_LO_HI`), and any
/// midpoint near `s = round(a + y)` is a multiple of `ulp(s)/4 >= 2^-87`; so if `a + y` is a
/// midpoint, `y` is a multiple of `2^-87` while `ulp(y) <= 2^-105`: its 18 low mantissa bits are
/// zero. When its 12 low bits are not all zero, `s` is the answer.
#[inline(always)]
fn k_ln2_lo_plus(kf: f64, c: f64) -> f64 {
    let a = kf * LN2_LO_HI;
    let b = kf * LN2_LO_LO;
    let y = b + c;
    if y.to_bits() & 0xfff != 0 {
        return a + y;
    }
    let (s, d) = add_tail(a, y);
    if d == 0.0 {
        s
    } else {
        settle(s, d, sum_err(b, c, y))
    }
}

/// Round-to-nearest of `a + b*c` (what an FMA returns) when the product is small against the
/// sum: requires `exponent(a) >= exponent(b*c)` and `exponent(b*c) <= exponent(a + b*c) - 2`
/// ([`add_tail`]), with no underflow in the product or its error. The product's rounding error
/// is only computed when `a + round(b*c)` is a midpoint.
#[inline(always)]
fn lead_add(a: f64, b: f64, c: f64) -> f64 {
    let p = b * c;
    let (s, d) = add_tail(a, p);
    if d == 0.0 {
        s
    } else {
        lead_add_tie(s, d, p, b, c)
    }
}

/// 2^-55, half an ulp in [1/4, 1/2).
const HALF_ULP_QUARTER: f64 = f64::from_bits(0x3c80_0000_0000_0000);
/// 2^-56, half an ulp in [1/8, 1/4).
const HALF_ULP_EIGHTH: f64 = f64::from_bits(0x3c70_0000_0000_0000);

/// [`lead_add`] when the result is known to lie strictly inside a binade whose half ulp is
/// `half_ulp` (and `a` is in it too): the spacing around `s` is then `2 half_ulp` on both sides,
/// so `a + p` is a midpoint iff its exact error `t` is `+-half_ulp`.
#[inline(always)]
fn lead_add_in_binade(a: f64, b: f64, c: f64, half_ulp: f64) -> f64 {
    let p = b * c;
    let s = a + p;
    let t = (a - s) + p;
    if t.abs() != half_ulp {
        s
    } else {
        lead_add_tie(s, t + t, p, b, c)
    }
}

/// [`lead_add`] when moreover `|b*c| < 2^-16 |a|` (and `b*c` is normal). Then `exponent(s) >=
/// exponent(a) - 1`, so midpoints near `s` are multiples of `ulp(a)/8`, as is `a`; if `a + p` is
/// a midpoint, `p` is a multiple of `ulp(a)/8 >= 2^13 ulp(p)`: its 13 low mantissa bits are zero.
/// When its 12 low bits are not all zero, `round(a + p)` is the answer.
#[inline(always)]
fn lead_add_tiny(a: f64, b: f64, c: f64) -> f64 {
    let p = b * c;
    if p.to_bits() & 0xfff != 0 {
        a + p
    } else {
        lead_add(a, b, c)
    }
}

/// [`lead_add`] when `a + round(b*c)` is a midpoint: the product's exact error decides.
#[cold]
#[inline(never)]
fn lead_add_tie(s: f64, d: f64, p: f64, b: f64, c: f64) -> f64 {
    settle(s, d, prod_err(p, split(b), split(c)))
}

/// `s = round(a + y)`, and `d = 2t` if `a + y` is a midpoint between two doubles (`t` its
/// distance from `s`), else `d = 0`. With [`settle`] this gives the round-to-nearest of the exact
/// `a + y + err`, where `err` is the exact rounding error of `y` (`|err| <= ulp(y)/2`), provided
/// (i) `exponent(a) >= exponent(y)` and (ii) `exponent(y) <= exponent(s) - 2`.
///
/// Why this is exact. `t = (a - s) + y` is the exact error of `s` (Fast2Sum, valid by (i)).
/// `a + y` is a multiple of `ulp(y)` (by (i), `ulp(a) >= ulp(y)`), and so is every midpoint
/// between neighbours of `s`: those are multiples of `ulp(s)/4` (`ulp(s)/2` except just below a
/// power of two), which by (ii) are multiples of `ulp(y)`. So if `a + y` is not a midpoint it is
/// at least `ulp(y)` from every midpoint, and adding `err` (`|err| < ulp(y)`) crosses none: the
/// result is `s`. If `a + y` is a midpoint (`s` is then the even neighbour chosen by the tie
/// rule), the exact value lies beyond the midpoint exactly when `err` is nonzero with the sign of
/// `t`; the result is then the other neighbour, `s + 2t`, exactly representable ([`settle`]).
///
/// `a + y` is a midpoint iff `t != 0` and `(s + 2t) - s == 2t`: at a midpoint `s + 2t` is the
/// neighbour; otherwise `0 < |2t| <` the spacing on that side, so `s + 2t` rounds to `s` or to
/// the neighbour, and `(s + 2t) - s` (exact) is `0` or a full spacing, neither of which is `2t`.
#[inline(always)]
fn add_tail(a: f64, y: f64) -> (f64, f64) {
    let s = a + y;
    let t = (a - s) + y;
    let d = t + t;
    if t != 0.0 && (s + d) - s == d {
        (s, d)
    } else {
        (s, 0.0)
    }
}

/// The result at a midpoint found by [`add_tail`]: the neighbour `s + d` if the exact error `err`
/// pushes the value past the midpoint (nonzero, same sign as `d`), else `s`.
#[inline(always)]
fn settle(s: f64, d: f64, err: f64) -> f64 {
    if err != 0.0 && (err > 0.0) == (d > 0.0) {
        s + d
    } else {
        s
    }
}

/// Veltkamp's split: `x = hi + lo` exactly, each half with at most 26 significant bits, so the
/// products of halves are exact. (No overflow for the arguments used here.)
#[inline(always)]
const fn split(x: f64) -> (f64, f64) {
    let g = x * 134_217_729.0; // 2^27 + 1
    let hi = g - (g - x);
    (hi, x - hi)
}

/// Dekker's two-product: the exact `a*b - p` for `p = round(a*b)`, from the splits of `a` and
/// `b` (exact when no partial product underflows).
#[inline(always)]
fn prod_err(p: f64, (ah, al): (f64, f64), (bh, bl): (f64, f64)) -> f64 {
    al * bl - (((p - ah * bh) - al * bh) - ah * bl)
}

/// Knuth's two-sum: the exact `a + b - s` for `s = round(a + b)`.
#[inline(always)]
fn sum_err(a: f64, b: f64, s: f64) -> f64 {
    let bb = s - a;
    let aa = s - bb;
    (a - aa) + (b - bb)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compares with the platform libm (glibc natively)
mod tests {
    use super::*;

    #[test]
    fn constants() {
        // k * LN2_LO_HI, k * LN2_LO_LO and k * LN2_HI exact for |k| <= 1024.
        assert_eq!(LN2_LO_HI + LN2_LO_LO, LN2_LO);
        assert!(LN2_LO_HI.to_bits().trailing_zeros() >= 11);
        let lo_mant = (LN2_LO_LO.to_bits() & ((1 << 52) - 1)) | (1 << 52);
        assert!(64 - lo_mant.leading_zeros() - lo_mant.trailing_zeros() <= 11);
        assert!(LN2_HI.to_bits().trailing_zeros() >= 21);
        for c in [LP1, LP3, LP5, LP7] {
            let (h, l) = split(c);
            assert_eq!(h + l, c);
            assert_eq!(h.to_bits() & ((1 << 27) - 1), 0);
            assert_eq!(l.to_bits() & ((1 << 27) - 1), 0);
        }
        assert_eq!(LP1_SPLIT, split(LP1));
    }

    /// Native only: there `f64::ln_1p` is glibc's `log1p` (the FMA variant on this CPU), and
    /// `f64::mul_add` is a correct FMA.
    #[cfg(not(target_arch = "wasm32"))]
    mod against_glibc {
        use super::*;

        use crate::math::test_inputs::SplitMix64 as Rng;

        fn same(a: f64, b: f64) -> bool {
            a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
        }

        fn check_all(what: &str, xs: impl Iterator<Item = f64>) {
            let (mut n, mut bad) = (0u64, 0u64);
            for x in xs {
                n += 1;
                let (want, got) = (x.ln_1p(), log1p(x));
                if !same(want, got) {
                    if bad < 5 {
                        eprintln!(
                            "{what}: x={x:e} ({:#018x}) glibc={want:e} got={got:e}",
                            x.to_bits()
                        );
                    }
                    bad += 1;
                }
            }
            println!("{what}: {} of {n} bit-identical to glibc", n - bad);
            assert_eq!(bad, 0, "{what}: {bad} of {n} differ");
        }

        /// ulp neighbours of each point, `width` either side.
        fn around(points: &[f64], width: i64) -> Vec<f64> {
            let mut v = Vec::new();
            for &p in points {
                for d in -width..=width {
                    v.push(f64::from_bits((p.to_bits() as i64 + d) as u64));
                }
            }
            v
        }

        pub fn uniform_neg(n: usize, seed: u64) {
            let mut r = Rng(seed);
            check_all("log1p(-u), u in [0,1)", (0..n).map(|_| -r.unit()));
        }

        pub fn small(n: usize, seed: u64) {
            let mut r = Rng(seed);
            check_all(
                "|x| < 2^-20, every binade",
                (0..n).map(|_| {
                    let e = -((r.next() % 60) as i32) - 20;
                    let m = r.range(1.0, 2.0) * 2f64.powi(e);
                    if r.next() & 1 == 0 {
                        m
                    } else {
                        -m
                    }
                }),
            );
        }

        pub fn ranges(n: usize, seed: u64) {
            let mut r = Rng(seed);
            check_all("(-0.3, 0.42)", (0..n).map(|_| r.range(-0.3, 0.42)));
            check_all("(-1, 2)", (0..n).map(|_| r.range(-1.0, 2.0)));
            check_all("(-1e-3, 1e-3)", (0..n).map(|_| r.range(-1e-3, 1e-3)));
            check_all(
                "[0.4, 1e16)",
                (0..n).map(|_| 0.4 * 2.5e16f64.powf(r.unit())),
            );
            check_all(
                "random finite bit patterns",
                (0..n).map(|_| {
                    let x = f64::from_bits(r.next() & !(1 << 63));
                    if x.is_finite() && r.next() & 1 == 0 {
                        x
                    } else {
                        -f64::from_bits((r.next() & ((1 << 62) - 1)) | (0x3c8 << 52)).abs() % 1.0
                    }
                }),
            );
            check_all("any bit pattern", (0..n).map(|_| f64::from_bits(r.next())));
        }

        /// The rare `|f| < 2^-20` branch: 1+x (or its reduction) within 2^-20 of a power of two.
        pub fn near_powers_of_two(n: usize, seed: u64) {
            let mut r = Rng(seed);
            check_all(
                "1+x just above 2^k",
                (0..n).map(|_| {
                    let k = (r.next() % 60) as i32 - 1;
                    let m = 1.0 + (r.next() >> 32) as f64 * 2f64.powi(-52);
                    m * 2f64.powi(k) - 1.0
                }),
            );
            check_all(
                "1+x just below 2^k",
                (0..n).map(|_| {
                    let k = (r.next() % 60) as i32 - 1;
                    let m = 1.0 - (r.next() >> 30) as f64 * 2f64.powi(-53);
                    m * 2f64.powi(k) - 1.0
                }),
            );
            check_all(
                "x just above 2^k, k >= 53",
                (0..n).map(|_| {
                    let k = 53 + (r.next() % 970) as i32;
                    (1.0 + (r.next() >> 32) as f64 * 2f64.powi(-52)) * 2f64.powi(k)
                }),
            );
        }

        #[test]
        fn specials_and_edges() {
            let specials = [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                -f64::NAN,
                -1.0,
                -1.5,
                -2.0,
                -1e300,
                f64::MIN,
                f64::MAX,
                f64::MIN_POSITIVE,
                -f64::MIN_POSITIVE,
                5e-324,
                -5e-324,
                1e-310,
                -1e-310,
                1.0,
                0.5,
                -0.5,
                2.0,
                1e300,
            ];
            for x in specials {
                assert!(same(x.ln_1p(), log1p(x)), "x={x:e}");
            }
            assert_eq!(log1p(-0.0).to_bits(), (-0.0f64).to_bits());
            assert_eq!(log1p(0.0).to_bits(), 0);
            assert_eq!(log1p(-1.0), f64::NEG_INFINITY);
            assert!(log1p(-1.0 - f64::EPSILON).is_nan());
            let edges = around(
                &[
                    -1.0 + f64::EPSILON / 2.0,
                    -0.5,
                    -0.2928932188134524,  // sqrt(2)/2 - 1
                    -0.29289321881345254, // hx = 0xbfd2bec3 / 0xbfd2bec4
                    f64::from_bits(0xbfd2_bec4_0000_0000),
                    f64::from_bits(0xbfd2_bec3_ffff_ffff),
                    0.41421356237309503, // sqrt(2) - 1
                    f64::from_bits(0x3fda_827a_0000_0000),
                    f64::from_bits(0x3fda_8279_ffff_ffff),
                    2f64.powi(-29),
                    -(2f64.powi(-29)),
                    2f64.powi(-54),
                    -(2f64.powi(-54)),
                    2f64.powi(53),
                    2f64.powi(53) - 1.0,
                    2f64.powi(-20),
                    -(2f64.powi(-20)),
                    1.0,
                    3.0,
                    f64::MIN_POSITIVE,
                    -f64::MIN_POSITIVE,
                    5e-324,
                    f64::MAX,
                    std::f64::consts::FRAC_1_SQRT_2 - 1.0,
                    std::f64::consts::SQRT_2 - 1.0,
                    2.0 * std::f64::consts::SQRT_2 - 1.0,
                    0.5 * std::f64::consts::SQRT_2 - 1.0,
                ],
                2000,
            );
            check_all("edges", edges.into_iter());
            check_all(
                "subnormals",
                (0..200_000u64).map(|i| {
                    f64::from_bits(
                        (i.wrapping_mul(0x9e37_79b9_7f4a_7c15) % (1 << 52)) | ((i & 1) << 63),
                    )
                }),
            );
            // every hu value at the sqrt(2) boundary of the reduction, both sides of 1
            check_all(
                "reduction boundary",
                (0..1 << 16).flat_map(|i: u64| {
                    let lo = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) & 0xffff_ffff;
                    let up = f64::from_bits(0x3ff6_a000_0000_0000 + (i & 0x3fff) * (1 << 32) + lo);
                    let down =
                        f64::from_bits(0x3fe6_a000_0000_0000 + (i & 0x3fff) * (1 << 32) + lo);
                    [up - 1.0, down - 1.0, 4.0 * up - 1.0, 0.125 * down - 1.0]
                }),
            );
        }

        #[test]
        fn against_glibc_quick() {
            uniform_neg(2_000_000, 1);
            small(300_000, 2);
            ranges(300_000, 3);
            near_powers_of_two(300_000, 4);
        }

        /// `cargo test --release -- --ignored` for a longer run.
        #[test]
        #[ignore]
        fn against_glibc_long() {
            uniform_neg(200_000_000, 11);
            small(50_000_000, 12);
            ranges(30_000_000, 13);
            near_powers_of_two(30_000_000, 14);
        }

        /// The FMA replacements against a real FMA, computed as in `log1p` on the polynomial's
        /// domain, and for the `|f| < 2^-20` branch and `k*ln2_lo + c`.
        fn check_fused_on_domain(n: usize, seed: u64) {
            let mut r = Rng(seed);
            let mut ties = 0u64;
            for i in 0..n {
                // z as the polynomial sees it, |s| from 2^-31 up to its bound
                let z = {
                    let s = 0.17158 * 2f64.powf(-31.0 * r.unit() * r.unit());
                    s * s
                };
                let fused = [
                    (LP2, LP3, HALF_ULP_QUARTER),
                    (LP4, LP5, HALF_ULP_EIGHTH),
                    (LP6, LP7, HALF_ULP_EIGHTH),
                ]
                .map(|(a, c, h)| {
                    let p = z * c;
                    let s = a + p;
                    if ((a - s) + p).abs() == h {
                        ties += 1;
                    }
                    let got = lead_add_in_binade(a, z, c, h);
                    assert_eq!(got.to_bits(), z.mul_add(c, a).to_bits(), "z={z:e}");
                    got
                });
                let [r2, r3, r4] = fused;
                let z2 = z * z;
                let q = z2 * r2;
                let p = z * LP1;
                let e = prod_err(p, split(z), LP1_SPLIT);
                assert_eq!(e, z.mul_add(LP1, -p));
                let y = q + e;
                let (t1, d) = add_tail(p, y);
                ties += u64::from(d != 0.0);
                let t1 = settle(t1, d, sum_err(q, e, y));
                assert_eq!(t1.to_bits(), z.mul_add(LP1, q).to_bits(), "z={z:e}");
                let z4 = z2 * z2;
                let t2 = lead_add_tiny(t1, z4, r3);
                assert_eq!(t2.to_bits(), z4.mul_add(r3, t1).to_bits(), "z={z:e}");
                let z6 = z2 * z4;
                assert_eq!(
                    lead_add_tiny(t2, z6, r4).to_bits(),
                    z6.mul_add(r4, t2).to_bits(),
                    "z={z:e}"
                );
                // 1 - f*(2/3) for |f| < 1.5*2^-20 on the grids f lives on
                let f = if i % 2 == 0 {
                    (r.next() >> 32) as f64 * 2f64.powi(-52)
                } else {
                    -((r.next() >> 31) as f64 * 2f64.powi(-53))
                };
                assert_eq!(
                    lead_add(1.0, -f, TWO_THIRDS).to_bits(),
                    (-f).mul_add(TWO_THIRDS, 1.0).to_bits(),
                    "f={f:e}"
                );
                // k*ln2_lo + c: arbitrary c, c = 0 (1+x exact), c a multiple of 2^-87 (y passes
                // the low-bits filter)
                let k = (r.next() % 1078) as i32 - 53;
                let k = if k == 0 { 1024 } else { k };
                let c = match i % 3 {
                    0 => r.range(-1.0, 1.0) * 2f64.powi(-53 - (r.next() % 8) as i32),
                    1 => 0.0,
                    _ => ((r.next() % (1 << 35)) as f64 - (1u64 << 34) as f64) * 2f64.powi(-87),
                };
                let kf = f64::from(k);
                assert_eq!(
                    k_ln2_lo_plus(kf, c).to_bits(),
                    kf.mul_add(LN2_LO, c).to_bits(),
                    "k={k} c={c:e}"
                );
            }
            println!("fused operations on their domains: {n} samples, {ties} unfused midpoints");
            assert!(ties > 0);
        }

        /// `k*ln2_lo + c` with `a + round(b + c)` on a midpoint and `b + c` rounded by `j/8` of
        /// an ulp, `|j| <= 3`: constructed from the midpoint `M = round(a + b) + odd * ulp/2`,
        /// `Y = M - a = (round(a + b) - a) + odd * ulp/2` and `c = (Y - b) + j ulp(Y)/8` (all exact).
        fn check_k_ln2_ties(n: usize, seed: u64) {
            let mut r = Rng(seed);
            let (mut ties, mut moved) = (0u64, 0u64);
            let pow2_of = |x: f64| f64::from_bits(x.to_bits() & 0x7ff0 << 48);
            for _ in 0..n {
                let k = (r.next() % 1078) as i32 - 53;
                let kf = f64::from(if k == 0 { 1024 } else { k });
                let (a, b) = (kf * LN2_LO_HI, kf * LN2_LO_LO);
                let s0 = a + b;
                let half = pow2_of(s0) * 2f64.powi(-53);
                let y = (s0 - a) + half * ((r.next() % 64) as f64 * 2.0 - 63.0);
                let j = (r.next() % 7) as f64 - 3.0;
                let c = (y - b) + j * pow2_of(y) * 2f64.powi(-55);
                assert_eq!(b + c, y);
                let want = kf.mul_add(LN2_LO, c);
                let (s, d) = add_tail(a, b + c);
                if d != 0.0 {
                    ties += 1;
                    moved += u64::from(want != s);
                }
                assert_eq!(
                    k_ln2_lo_plus(kf, c).to_bits(),
                    want.to_bits(),
                    "k={kf} c={c:e}"
                );
            }
            println!("k*ln2_lo + c: {ties} constructed midpoints, of which the FMA moved {moved}");
            assert!(
                ties > n as u64 / 2 && moved > n as u64 / 5,
                "{ties} {moved}"
            );
        }

        /// `a + round(b*c)` on a midpoint, constructed, with the product's error of either sign
        /// or zero: `a` drawn from `a_lo..a_hi`, the product `shift` binades below it.
        fn check_ties(
            n: usize,
            seed: u64,
            (a_lo, a_hi): (f64, f64),
            shifts: std::ops::Range<u64>,
            f: impl Fn(f64, f64, f64) -> f64,
        ) -> (u64, u64) {
            let mut r = Rng(seed);
            let (mut ties, mut moved) = (0u64, 0u64);
            for _ in 0..n {
                let a = r.range(a_lo, a_hi);
                let c = r.range(0.125, 1.0);
                let shift = shifts.start + r.next() % (shifts.end - shifts.start);
                let ua = f64::from_bits(a.to_bits() & 0x7ff0 << 48) * 2f64.powi(-52);
                // a + target is a midpoint of a's binade
                let target = ua * ((r.next() % (1 << (50 - shift))) as f64 + 0.5);
                let b0 = target / c;
                for d in -8i64..=8 {
                    let b = f64::from_bits((b0.to_bits() as i64 + d) as u64);
                    let p = b * c;
                    let s = a + p;
                    let t = (a - s) + p;
                    let want = b.mul_add(c, a);
                    if t != 0.0 && (s + (t + t)) - s == t + t {
                        ties += 1;
                        moved += u64::from(want != s);
                    }
                    assert_eq!(
                        f(a, b, c).to_bits(),
                        want.to_bits(),
                        "a={a:e} b={b:e} c={c:e}"
                    );
                }
            }
            (ties, moved)
        }

        fn check_all_ties(n: usize, seed: u64) {
            type Case = (
                &'static str,
                (f64, f64),
                std::ops::Range<u64>,
                fn(f64, f64, f64) -> f64,
            );
            let cases: [Case; 5] = [
                ("lead_add", (0.125, 0.5), 3..24, lead_add),
                ("lead_add, negative", (-0.5, -0.125), 3..24, lead_add),
                (
                    "lead_add_in_binade [1/4,1/2)",
                    (0.26, 0.44),
                    4..24,
                    |a, b, c| lead_add_in_binade(a, b, c, HALF_ULP_QUARTER),
                ),
                (
                    "lead_add_in_binade [1/8,1/4)",
                    (0.13, 0.22),
                    4..24,
                    |a, b, c| lead_add_in_binade(a, b, c, HALF_ULP_EIGHTH),
                ),
                ("lead_add_tiny", (1e-9, 0.02), 17..34, lead_add_tiny),
            ];
            for (i, (name, a, shifts, f)) in cases.into_iter().enumerate() {
                let (ties, moved) = check_ties(n, seed + i as u64, a, shifts, f);
                println!("{name}: {ties} constructed midpoints, of which the FMA moved {moved}");
                assert!(
                    ties > n as u64 / 10 && moved > n as u64 / 100,
                    "{ties} {moved}"
                );
            }
            check_k_ln2_ties(n, seed + 10);
        }

        #[test]
        fn fused_operations_quick() {
            check_fused_on_domain(300_000, 5);
            check_all_ties(50_000, 6);
        }

        #[test]
        #[ignore]
        fn fused_operations_long() {
            check_fused_on_domain(30_000_000, 15);
            check_all_ties(5_000_000, 16);
        }
    }
}

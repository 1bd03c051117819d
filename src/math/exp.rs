//! Exponential, bit-identical to glibc's x86-64 `__exp_fma` (glibc >= 2.29).
//!
//! glibc's `exp` since 2.29 is Szabolcs Nagy's implementation from Arm Optimized Routines
//! (`math/exp.c`, MIT OR Apache-2.0 WITH LLVM-exception); this is a port of that C, configured as
//! glibc builds it (`EXP_TABLE_BITS` 7, `EXP_POLY_ORDER` 5, no `TOINT_INTRINSICS`, nearest
//! rounding). The operations GCC fused in the `-mfma` build were read off the machine code of
//! `__exp_fma` in glibc 2.36 (Debian 12) and are marked `fma(a, b, c) = RN(a*b + c)` below; they
//! are computed exactly without a general fma by the helpers in `log::eft` (see there).

#[path = "exp_data.rs"]
pub(super) mod data;

use super::log::eft::fma_fast;
use data::{C, INVLN2N, NEGLN2HIN, NEGLN2LON, SHIFT, TAB};

/// Top 12 bits of a double (sign and exponent).
#[inline(always)]
fn top12(x: f64) -> u32 {
    (x.to_bits() >> 52) as u32
}

/// top12(0x1p-54), top12(512.0), top12(1024.0).
const TOP_TINY: u32 = 0x3c9;
const TOP_512: u32 = 0x408;
const TOP_1024: u32 = 0x409;

/// `exp(x)`.
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn exp(x: f64) -> f64 {
    let mut abstop = top12(x) & 0x7ff;
    if abstop.wrapping_sub(TOP_TINY) >= TOP_512 - TOP_TINY {
        if abstop.wrapping_sub(TOP_TINY) >= 0x8000_0000 {
            // |x| < 2^-54 (0 is common).
            return 1.0 + x;
        }
        if abstop >= TOP_1024 {
            if x.to_bits() == f64::NEG_INFINITY.to_bits() {
                return 0.0;
            }
            if abstop >= 0x7ff {
                return 1.0 + x; // +inf or nan
            }
            return if x.to_bits() >> 63 != 0 {
                0.0 // __math_uflow(0)
            } else {
                f64::INFINITY // __math_oflow(0)
            };
        }
        // Large x is special cased below.
        abstop = 0;
    }

    // exp(x) = 2^(k/N) * exp(r), x = ln2/N*k + r, r in [-ln2/2N, ln2/2N].
    // z = InvLn2N*x; kd = z + Shift: fused, fma(x, InvLn2N, Shift); its product is < 2^18, far
    // below Shift = 1.5*2^52 (the fast path of fma_fast, where the tie case is a half-integer z).
    let kd = fma_fast(x, INVLN2N, SHIFT);
    let ki = kd.to_bits();
    let kd = kd - SHIFT;
    // r = x + kd*NegLn2hiN + kd*NegLn2loN: both fused. NegLn2hiN has 36 significant bits, so
    // kd*NegLn2hiN is exact while |k| < 2^53/0xb17217f7d (~189096.9), which covers |x| < 1023.99
    // (beyond that, x > 709.8 or x < -745.2 anyway and the result saturates to inf or 0).
    let r = x + kd * NEGLN2HIN;
    let r = fma_fast(kd, NEGLN2LON, r);
    // 2^(k/N) ~= scale * (1 + tail).
    let idx = 2 * (ki % 128) as usize;
    let top = ki << (52 - 7);
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

/// 2^1009 and 2^-1022.
const TWO1009: f64 = f64::from_bits(0x7f00_0000_0000_0000);
const TWO_M1022: f64 = f64::from_bits(0x0010_0000_0000_0000);

/// Results that may overflow or underflow: scale*(1 + tmp) without intermediate rounding. The
/// exponent of scale (`sbits`) may have overflowed into the sign bit; `ki as i32 > 0` means the
/// result may overflow, `< 0` that it may underflow.
#[inline(never)]
fn specialcase(tmp: f64, sbits: u64, ki: u64) -> f64 {
    if ki & 0x8000_0000 == 0 {
        // k > 0, the exponent of scale might have overflowed by <= 460.
        let scale = f64::from_bits(sbits.wrapping_sub(1009 << 52));
        // 0x1p1009 * (scale + scale*tmp): the inner sum fused.
        return TWO1009 * fma_fast(scale, tmp, scale);
    }
    // k < 0, need special care in the subnormal range. Not fused: scale*tmp has two uses.
    let scale = f64::from_bits(sbits.wrapping_add(1022 << 52));
    let st = scale * tmp;
    let mut y = scale + st;
    if y < 1.0 {
        // Round y to the right precision before scaling it into the subnormal range, avoiding
        // double rounding.
        let lo = scale - y + st;
        let hi = 1.0 + y;
        let lo = 1.0 - hi + y + lo;
        y = (lo + hi) - 1.0;
        // Avoid -0.0 with downward rounding.
        if y == 0.0 {
            y = 0.0;
        }
    }
    TWO_M1022 * y
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::exp;

    use crate::math::test_inputs::SplitMix64 as Rng;

    /// Compares with the platform's `exp` (glibc's `__exp_fma` on x86-64 Linux with FMA).
    #[allow(clippy::disallowed_methods)]
    fn assert_all(what: &str, xs: impl Iterator<Item = f64>) {
        let (mut n, mut bad) = (0usize, 0usize);
        for x in xs {
            n += 1;
            let (want, got) = (x.exp(), exp(x));
            if want.to_bits() != got.to_bits() && !(want.is_nan() && got.is_nan()) {
                if bad < 10 {
                    eprintln!(
                        "exp({x:e} = {:#x}): glibc {want:e}, port {got:e}",
                        x.to_bits()
                    );
                }
                bad += 1;
            }
        }
        println!("exp {what}: {} of {n} bit-identical", n - bad);
        assert_eq!(bad, 0, "exp {what}: {bad} of {n} differ");
    }

    #[test]
    fn specials() {
        assert_eq!(exp(f64::NEG_INFINITY).to_bits(), 0);
        assert_eq!(exp(f64::INFINITY), f64::INFINITY);
        assert!(exp(f64::NAN).is_nan() && exp(-f64::NAN).is_nan());
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-0.0), 1.0);
        assert_eq!(exp(710.0), f64::INFINITY);
        assert_eq!(exp(-746.0).to_bits(), 0);
        let s = [
            0.0,
            1.0,
            5e-324,
            1e-300,
            1e-17,
            0.5,
            512.0,
            709.78,
            709.79,
            f64::from_bits(0x4086_2e42_fefa_39ef), // largest x with a finite exp(x)
            f64::from_bits(0x4086_2e42_fefa_39f0),
            745.1332191019411,
            745.1332191019412,
            745.2,
            1023.9,
            1024.0,
            1e300,
            f64::MAX,
            f64::EPSILON,
        ];
        assert_all("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        // Every double around the overflow and underflow thresholds and the 512 special-case
        // bound, and around 2^-54 (the tiny-x early return).
        let edges = [
            f64::from_bits(0x4086_2e42_fefa_39ef), // 709.78..: overflow threshold
            f64::from_bits(0xc086_232b_dd7a_bcd2), // -708.39..: results become subnormal
            f64::from_bits(0xc087_4910_d52d_3051), // -745.13..: results become 0
            512.0,
            -512.0,
            2f64.powi(-54),
            -(2f64.powi(-54)),
        ];
        assert_all(
            "ulps around the thresholds",
            edges.into_iter().flat_map(|e| {
                let b = e.to_bits();
                (0..100_000u64).flat_map(move |i| [b + i, b - i].map(f64::from_bits))
            }),
        );
    }

    #[test]
    fn shift_products_exact() {
        // kd*NegLn2hiN is exact for every k reachable below |x| = 1023.99.
        for k in -189_096..=189_096 {
            let kd = k as f64;
            let p = kd * super::NEGLN2HIN;
            assert_eq!(kd.mul_add(super::NEGLN2HIN, -p), 0.0, "k = {k}");
        }
    }

    #[test]
    fn random_bits() {
        let mut g = Rng(1);
        assert_all(
            "random bits",
            (0..1_000_000).map(|_| f64::from_bits(g.next())),
        );
        let mut g = Rng(2);
        // Random bits with exponents up to 2^10: every binade that reaches the polynomial.
        assert_all(
            "random bits |x| < 1024",
            (0..1_000_000).map(|_| {
                let b = g.next();
                f64::from_bits(b & 0x800f_ffff_ffff_ffff | (0x3c0 + (b >> 52) % 0x4a) << 52)
            }),
        );
    }

    #[test]
    fn ranges() {
        let mut g = Rng(3);
        assert_all(
            "-0.5 x^2, x in [0, 3.66]",
            (0..2_000_000).map(|_| {
                let x = g.unit() * 3.66;
                -0.5 * x * x
            }),
        );
        let mut g = Rng(4);
        assert_all(
            "[-745, 710]",
            (0..2_000_000).map(|_| -745.0 + g.unit() * 1455.0),
        );
        let mut g = Rng(5);
        assert_all(
            "subnormal results [-745.2, -708]",
            (0..1_000_000).map(|_| -745.2 + g.unit() * 37.2),
        );
        let mut g = Rng(6);
        assert_all(
            "overflow edge [705, 1024]",
            (0..500_000).map(|_| 705.0 + g.unit() * 319.0),
        );
        let mut g = Rng(7);
        assert_all("[-1, 1]", (0..1_000_000).map(|_| g.unit() * 2.0 - 1.0));
    }

    /// Heavy: `cargo test --release -- --ignored`.
    #[test]
    #[ignore]
    fn many() {
        let mut g = Rng(8);
        assert_all(
            "100M -0.5 x^2",
            (0..100_000_000).map(|_| {
                let x = g.unit() * 3.66;
                -0.5 * x * x
            }),
        );
        let mut g = Rng(9);
        assert_all(
            "100M [-745.2, 709.8]",
            (0..100_000_000).map(|_| -745.2 + g.unit() * 1455.0),
        );
        let mut g = Rng(10);
        assert_all(
            "50M random bits |x| < 1024",
            (0..50_000_000).map(|_| {
                let b = g.next();
                f64::from_bits(b & 0x800f_ffff_ffff_ffff | (0x3c0 + (b >> 52) % 0x4a) << 52)
            }),
        );
    }
}

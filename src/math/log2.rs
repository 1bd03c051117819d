//! `log2`, bit-identical to glibc's x86-64 `__log2_fma` (glibc >= 2.29).
//!
//! glibc's `log2` since 2.29 is Szabolcs Nagy's implementation from Arm Optimized Routines
//! (`math/log2.c`, MIT OR Apache-2.0 WITH LLVM-exception); this is a port of that C, configured as
//! glibc builds it (`LOG2_TABLE_BITS` 6, `LOG2_POLY_ORDER` 7, `LOG2_POLY1_ORDER` 11, fma
//! available). On an x86-64 CPU with FMA and AVX2 glibc runs a copy compiled with `-mfma -mavx2`;
//! the operations GCC fused there were read off the machine code of `__log2_fma` in glibc 2.36
//! (Debian 12) and are marked `fma(a, b, c) = RN(a*b + c)` below, computed exactly by the helpers
//! in `log::eft`.

#[path = "log2_data.rs"]
mod data;

use super::log::eft::{fma, fma_fast, split, two_prod};
use data::{A, B, INVLN2HI, INVLN2LO, TAB};

/// `asuint64(0x1.6p-1)`: the reduced argument z lies in [OFF, 2*OFF).
const OFF: u64 = 0x3fe6_0000_0000_0000;
/// `asuint64(1.0 - 0x1.5b51p-5)` and `asuint64(1.0 + 0x1.6ab2p-5)`: bounds of the near-1 path.
const LO: u64 = 0x3fee_a4af_0000_0000;
const HI: u64 = 0x3ff0_b559_0000_0000;
/// 2^52.
const TWO52: f64 = 4503599627370496.0;

/// Veltkamp halves of each `TAB[i].0` (invc), so that `z * invc` splits exactly with only `z`
/// to split at run time. Evaluated at compile time (IEEE arithmetic, as at run time).
const INVC_SPLIT: [(f64, f64); 64] = {
    let mut t = [(0.0, 0.0); 64];
    let mut i = 0;
    while i < 64 {
        t[i] = split(TAB[i].0);
        i += 1;
    }
    t
};

/// `log2(x)`, the base-2 logarithm.
pub fn log2(x: f64) -> f64 {
    let mut ix = x.to_bits();
    let top = (ix >> 48) as u32;

    if ix.wrapping_sub(LO) < HI - LO {
        // Close to 1.0: separate polynomial, no table.
        if ix == 1.0f64.to_bits() {
            return 0.0;
        }
        return log2_near1(x);
    }
    if top.wrapping_sub(0x0010) >= 0x7ff0 - 0x0010 {
        // x < 0x1p-1022 or inf or nan.
        if ix << 1 == 0 {
            return f64::NEG_INFINITY; // __math_divzero(1)
        }
        if ix == f64::INFINITY.to_bits() {
            return x;
        }
        if (top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0 {
            return f64::NAN; // __math_invalid(x): negative or nan
        }
        // Subnormal: normalize it.
        ix = (x * TWO52).to_bits().wrapping_sub(52 << 52);
    }

    // x = 2^k z, z in [OFF, 2*OFF) exact; log2(x) = log2(z/c) + log2(c) + k.
    let tmp = ix.wrapping_sub(OFF);
    let i = ((tmp >> (52 - 6)) % 64) as usize;
    let k = (tmp as i64) >> 52;
    let iz = ix.wrapping_sub(tmp & (0xfff << 52));
    let (invc, logc) = TAB[i];
    let z = f64::from_bits(iz);
    let kd = k as f64;

    // r = fma(z, invc, -1.0) (explicit in the C): z*invc = p + e exactly (Dekker, invc split at
    // compile time); p lies within 1/64 of 1, so p - 1 is exact (Sterbenz) and (p - 1) + e rounds
    // the exact z*invc - 1 once.
    let (ih, il) = INVC_SPLIT[i];
    let (zh, zl) = split(z);
    let p = z * invc;
    let e = ((zh * ih - p) + zh * il + zl * ih) + zl * il;
    let r = (p - 1.0) + e;
    // t1 = r*InvLn2hi; t2 = r*InvLn2lo + fma(r, InvLn2hi, -t1), the sum fused too: the inner fma
    // is the exact error of t1 (Dekker: r is 0 or above 2^-110).
    let t1 = r * INVLN2HI;
    let (_, t1_err) = two_prod(r, INVLN2HI);
    let t2 = fma(r, INVLN2LO, t1_err);

    // hi + lo = r/ln2 + log2(c) + k (k + logc is exact by the table's construction).
    let t3 = kd + logc;
    let hi = t3 + t1;
    let lo = t3 - hi + t1 + t2;

    // log2(r + 1) = r/ln2 + r^2*poly(r):
    // p = A[0] + r*A[1] + r2*(A[2] + r*A[3]) + r4*(A[4] + r*A[5]); y = lo + r2*p + hi,
    // every `+ u*v` fused.
    let r2 = r * r;
    let r4 = r2 * r2;
    let a0 = fma_fast(r, A[1], A[0]);
    let a2 = fma_fast(r, A[3], A[2]);
    let a4 = fma_fast(r, A[5], A[4]);
    let p = fma_fast(a2, r2, a0);
    let p = fma_fast(a4, r4, p);
    fma_fast(r2, p, lo) + hi
}

/// The |x - 1| < ~0.043 path (`LOG2_POLY1_ORDER` 11).
#[inline(never)]
fn log2_near1(x: f64) -> f64 {
    let r = x - 1.0;
    // hi = r*InvLn2hi; lo = r*InvLn2lo + fma(r, InvLn2hi, -hi), the sum fused too (|r| >= 2^-53).
    let hi = r * INVLN2HI;
    let (_, hi_err) = two_prod(r, INVLN2HI);
    let lo = fma(r, INVLN2LO, hi_err);
    let r2 = r * r;
    let r4 = r2 * r2;
    // p = r2*(B[0] + r*B[1]); y = hi + p; lo += hi - y + p: GCC fuses the product r2*q into
    // both sums (q = B[0] + r*B[1], itself fused).
    let q = fma_fast(r, B[1], B[0]);
    let y = fma_fast(q, r2, hi);
    let lo = fma_fast(q, r2, hi - y) + lo;
    // lo += r4*(B[2] + r*B[3] + r2*(B[4] + r*B[5]) + r4*(B[6] + r*B[7] + r2*(B[8] + r*B[9]))),
    // every `+ u*v` fused.
    let b2 = fma_fast(r, B[3], B[2]);
    let b4 = fma_fast(r, B[5], B[4]);
    let b6 = fma_fast(r, B[7], B[6]);
    let b8 = fma_fast(r, B[9], B[8]);
    let s1 = fma_fast(b4, r2, b2);
    let s2 = fma_fast(b8, r2, b6);
    let s = fma_fast(s2, r4, s1);
    let lo = fma_fast(s, r4, lo);
    y + lo
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::log2;
    use crate::math::test_inputs::SplitMix64 as Rng;
    use crate::math::test_support::assert_unary;

    #[allow(clippy::disallowed_methods)]
    fn glibc(x: f64) -> f64 {
        std::hint::black_box(x).log2()
    }

    fn check(what: &str, xs: impl Iterator<Item = f64>) {
        assert_unary("log2", log2, glibc, what, xs);
    }

    #[test]
    fn specials() {
        let s = [
            0.0,
            1.0,
            2.0,
            0.5,
            3.0,
            f64::MIN_POSITIVE,
            f64::MAX,
            5e-324,
            f64::EPSILON,
            f64::INFINITY,
            f64::NAN,
        ];
        check("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        check("powers of two", (-1074..1024).map(|e| 2f64.powi(e)));
        check("integers", (1..200_000).map(|i| i as f64));
        let one = 1.0f64.to_bits();
        check(
            "ulps around 1 and the path bounds",
            (0..20_000u64).flat_map(|i| {
                [
                    one + i,
                    one - i,
                    super::LO + i,
                    super::LO - i,
                    super::HI + i,
                    super::HI - i,
                ]
                .map(f64::from_bits)
            }),
        );
    }

    #[test]
    fn ranges() {
        let mut g = Rng(1);
        check("(0, 1]", (0..1_000_000).map(|_| 1.0 - g.unit()));
        let mut g = Rng(2);
        check("near 1", (0..1_000_000).map(|_| 1.0 + g.range(-0.05, 0.05)));
        let mut g = Rng(3);
        check(
            "very near 1",
            (0..300_000).map(|_| 1.0 + g.range(-0.5, 0.5) * 2f64.powi(-((g.next() % 50) as i32))),
        );
        let mut g = Rng(4);
        check(
            "positive finite",
            (0..1_000_000).map(|_| f64::from_bits(g.next() % 0x7ff0_0000_0000_0000)),
        );
        let mut g = Rng(5);
        check(
            "subnormals",
            (0..300_000).map(|_| f64::from_bits(g.next() >> (12 + g.next() % 52))),
        );
        let mut g = Rng(6);
        check(
            "random bits",
            (0..500_000).map(|_| f64::from_bits(g.next())),
        );
    }
}

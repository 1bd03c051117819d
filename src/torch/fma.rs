//! Fused multiply-adds as torch's AVX2 build computes them (explicit `fma` calls, the
//! `x * range + from` that GCC contracts into one, and the contractions in `avx_mathfun`), fast on
//! every target.
//!
//! `f32::mul_add` / `f64::mul_add` are exact everywhere but a slow software routine on wasm32.

/// `fmaf(a, b, c)`, correctly rounded. The product of two floats is exact in a double, so the
/// double sum is the exact `a*b + c` rounded once. Rounding that double to float gives the fused
/// result unless it landed exactly halfway between two floats, where the first rounding may
/// have decided the tie: every float midpoint (in the normal range) is itself a double, and
/// rounding to double is monotonic, so an exact sum and its double lie on the same side of
/// every midpoint that the double is not. A halfway double that is the exact sum is a true tie,
/// broken to even by both; the other halfway doubles (about 1 in 2^29 inexact sums), and
/// inexact sums in float's subnormal range (whose midpoints sit elsewhere), go to the slow exact
/// routine.
#[inline]
pub(crate) fn fma_f32(a: f32, b: f32, c: f32) -> f32 {
    let (product, c64) = (f64::from(a) * f64::from(b), f64::from(c));
    let sum = product + c64;
    // An exact sum gives back each operand (one of the two differences is exact in any case).
    if fma_f32_needs_exact(sum) && (sum - product != c64 || sum - c64 != product) {
        f32::mul_add(a, b, c)
    } else {
        sum as f32
    }
}

/// Whether the double `sum` of [`fma_f32`] may round to float differently from the exact sum:
/// it is halfway between two floats (its low 29 bits are 1 and 28 zeros), or nonzero and below
/// float's smallest normal, 2^-126.
#[inline(always)]
pub(crate) fn fma_f32_needs_exact(sum: f64) -> bool {
    (sum.to_bits() & FLOAT_ROUNDING_BITS == FLOAT_MIDPOINT)
        | ((sum.abs() < F32_MIN_NORMAL) & (sum != 0.0))
}

/// The 29 low mantissa bits of a double that rounding to float drops, and their pattern at a
/// float midpoint.
pub(crate) const FLOAT_ROUNDING_BITS: u64 = (1 << 29) - 1;
pub(crate) const FLOAT_MIDPOINT: u64 = 1 << 28;
/// 2^-126 as a double.
pub(crate) const F32_MIN_NORMAL: f64 = 1.1754943508222875e-38;

/// `fma(a, b, c)`, correctly rounded; `a + c` when `b` is 1, where the product is exact.
#[inline]
pub(crate) fn fma_f64(a: f64, b: f64, c: f64) -> f64 {
    if b == 1.0 {
        a + c
    } else {
        a.mul_add(b, c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f32_fma_rounds_once() {
        // The tie case that a separate multiply and add would round twice.
        let one_ulp = 1.0 + f32::EPSILON;
        assert_eq!(fma_f32(one_ulp, one_ulp, -1.0), 2.0 * f32::EPSILON);
        // Far-apart magnitudes: the double sum is inexact, and still rounds right.
        assert_eq!(fma_f32(1e-30, 1e-10, 1.0), 1.0);
        // Doubles exactly halfway between two floats, and subnormal ones, take the exact routine;
        // other doubles, zero included, round directly.
        assert!(fma_f32_needs_exact(1.0 + 2f64.powi(-24)));
        assert!(fma_f32_needs_exact(-(3.0 + 2f64.powi(-23))));
        assert!(!fma_f32_needs_exact(1.0 + 2f64.powi(-24) + 2f64.powi(-52)));
        assert!(fma_f32_needs_exact(1e-40) && !fma_f32_needs_exact(0.0));
        assert_eq!(fma_f32(1e-20, 1e-20, 0.0), f32::mul_add(1e-20, 1e-20, 0.0));
        assert_eq!(fma_f32(-0.0, 1.0, 0.0).to_bits(), 0.0f32.to_bits());
        assert!(fma_f32(f32::INFINITY, 0.0, 1.0).is_nan());
        let mut state = 0x1234_5678_u32;
        for _ in 0..100_000 {
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                f32::from_bits(state & 0xbfff_ffff)
            };
            let (a, b, c) = (next(), next(), next());
            let (got, want) = (fma_f32(a, b, c), a.mul_add(b, c));
            assert!(got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()));
        }
    }

    #[test]
    fn f64_fma_with_unit_scale_is_a_sum() {
        assert_eq!(fma_f64(0.1, 1.0, 0.2), 0.1 + 0.2);
        assert_eq!(fma_f64(0.1, 3.0, 0.2), 0.1f64.mul_add(3.0, 0.2));
    }
}

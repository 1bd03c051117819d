//! Fused multiply-adds as torch's AVX2 build computes them (explicit `fma` calls, and the
//! `x * range + from` that GCC contracts into one), fast on every target.
//!
//! `f32::mul_add` / `f64::mul_add` are exact everywhere but a slow software routine on wasm32.

/// `fmaf(a, b, c)`, correctly rounded. The product of two floats is exact in a double; when the
/// double sum is exact too (an error-free transformation says so), rounding it once to float is
/// the fused result. Otherwise the slow exact routine decides.
#[inline]
pub(crate) fn fma_f32(a: f32, b: f32, c: f32) -> f32 {
    let product = f64::from(a) * f64::from(b);
    let c = f64::from(c);
    let sum = product + c;
    // Knuth's TwoSum: the rounding error of `product + c` (NaN for infinities and NaNs).
    let c_part = sum - product;
    let error = (product - (sum - c_part)) + (c - c_part);
    if error == 0.0 {
        sum as f32
    } else {
        f32::mul_add(a, b, c as f32)
    }
}

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
        // Far-apart magnitudes: the double sum is inexact, the slow path decides.
        assert_eq!(fma_f32(1e-30, 1e-10, 1.0), 1.0);
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

//! `np.tanh` for float64, as NumPy 2.4.6 computes it on the reference platform (x86-64, AVX2 and
//! FMA3): NumPy's own SIMD code, not libm's `tanh`.
//!
//! NumPy's `DOUBLE_tanh` loop (`numpy/_core/src/umath/loops_hyperbolic.dispatch.cpp.src`, Highway,
//! compiled for every target with native FMA) evaluates, lane by lane, a piecewise polynomial
//! converted from Intel's SVML: |x| picks one of 16 subintervals (by its exponent and top mantissa
//! bit), `y = |x| - b`, and `r = c0 + y*(c1 + y*(... + y*c16))` by Horner's rule with a hardware
//! FMA at each step; the sign of x is OR-ed back in. It differs from glibc's `tanh` (fdlibm) in
//! the last bit for about a quarter of inputs. Nothing depends on the vector width or on the
//! neighbouring elements, so every array layout (and a scalar, a 1-element loop) gives the same
//! bits. Each FMA is computed exactly here without a general fma ([`crate::math::eft`]).

#[path = "tanh_data.rs"]
mod data;

use crate::math::eft::fma_fast;
use data::TAB;

/// `fma(a, b, c)` for the Horner steps. With c = +0 (the last step of the first subinterval)
/// it is the rounded product, which never underflows to zero here (|y| >= 2^-1074, |a| ~ 1),
/// so the plain operations give the same bits, also for tiny y where Dekker's product would
/// underflow.
#[inline(always)]
fn mul_add(a: f64, b: f64, c: f64) -> f64 {
    if c.to_bits() == 0 {
        a * b + c
    } else {
        fma_fast(a, b, c)
    }
}

/// `np.tanh(x)` for one float64 element.
pub fn tanh(x: f64) -> f64 {
    let bits = x.to_bits();
    // Exponent and top mantissa bit of |x|: which subinterval, and whether |x| is beyond
    // 0x1.8p1023 (or inf, or NaN), where the result is +-1 (or NaN).
    let ndnan = bits & 0x7ff8_0000_0000_0000;
    let in_range = ndnan <= 0x7fe0_0000_0000_0000;
    // The C subtracts 0x3fc0000000000000 and clamps the high 32-bit half to [0, 0x780000]
    // (the low half is 0), then shifts the 64-bit lane right by 51.
    let high = ((ndnan >> 32) as i32).wrapping_sub(0x3fc0_0000);
    let idx = (high.clamp(0, 0x78_0000) >> 19) as usize;
    let coef = |k: usize| f64::from_bits(TAB[k][idx]);

    let sign = bits & 0x8000_0000_0000_0000;
    let y = x.abs() - coef(0);
    let mut r = mul_add(coef(17), y, coef(16));
    for k in (1..=15).rev() {
        r = mul_add(r, y, coef(k));
    }
    if !in_range {
        r = 1.0;
    }
    let r = f64::from_bits(r.to_bits() | sign);
    if x.is_nan() {
        f64::NAN
    } else {
        r
    }
}

/// `np.tanh` of every element of a float64 array.
pub fn tanh_array(xs: &[f64]) -> Vec<f64> {
    xs.iter().map(|&x| tanh(x)).collect()
}

#[cfg(test)]
mod tests {
    use super::tanh;

    #[test]
    fn specials() {
        assert_eq!(tanh(0.0).to_bits(), 0);
        assert_eq!(tanh(-0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(tanh(f64::INFINITY), 1.0);
        assert_eq!(tanh(f64::NEG_INFINITY), -1.0);
        assert_eq!(tanh(1e308), 1.0);
        assert_eq!(tanh(-30.0), -1.0);
        assert!(tanh(f64::NAN).is_nan());
        assert_eq!(tanh(5e-324), 5e-324);
    }
}

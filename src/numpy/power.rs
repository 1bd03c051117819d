//! `np.power` for float64 arrays with a scalar exponent, as NumPy 2.4.6 computes it on the
//! reference platform (x86-64, AVX2: no SVML).
//!
//! NumPy's `DOUBLE_power` loop (`numpy/_core/src/umath/loops_umath_fp.dispatch.c.src`) checks
//! whether the exponent operand has stride 0 in the inner loop, as a Python or NumPy scalar or a
//! 0-d array exponent always does; if its value is -1, 0, 0.5, 1 or 2 it skips `pow` for
//! `1.0/x`, `1.0`, `sqrt(x)`, `x` and `x*x`. These are not always `pow`'s bits: `x*x`, `1/x`
//! and `sqrt` are correctly rounded, glibc's `pow` is not quite (about 1 value in 1,200 differs
//! for random x in (0, 10)), and `sqrt(-0.0)` is -0.0, `sqrt(-inf)` NaN, where `pow` gives +0.0
//! and +inf. Every other exponent, and every exponent array NumPy walks with a nonzero stride,
//! goes to libm's `pow` ([`crate::math::pow`]). (On AVX-512 CPUs NumPy would use Intel's SVML
//! instead, which is not the reference.)

use crate::math;

/// `np.power(xs, y)` for a float64 array `xs` and a scalar exponent `y`.
pub fn power_scalar_exponent(xs: &[f64], y: f64) -> Vec<f64> {
    // NumPy's fast paths, compared with `==` as in the C (so -0.0 counts as 0.0).
    let fast: Option<fn(f64) -> f64> = if y == -1.0 {
        Some(|x| 1.0 / x)
    } else if y == 0.0 {
        Some(|_| 1.0)
    } else if y == 0.5 {
        Some(f64::sqrt)
    } else if y == 1.0 {
        Some(|x| x)
    } else if y == 2.0 {
        Some(|x| x * x)
    } else {
        None
    };
    match fast {
        Some(op) => xs.iter().map(|&x| op(x)).collect(),
        None => xs.iter().map(|&x| math::pow(x, y)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::power_scalar_exponent;
    use crate::math::pow;

    #[test]
    fn fast_paths_and_pow() {
        let xs = [
            -0.0,
            -1.0,
            0.0,
            2.0,
            3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<_>>();
        // sqrt, not pow: -0.0 stays -0.0 and -inf becomes NaN.
        let half = power_scalar_exponent(&xs, 0.5);
        assert_eq!(half[0].to_bits(), (-0.0f64).to_bits());
        assert!(half[6].is_nan() && pow(f64::NEG_INFINITY, 0.5) == f64::INFINITY);
        assert_eq!(
            bits(power_scalar_exponent(&xs, 2.0)),
            bits(xs.map(|x| x * x).to_vec())
        );
        assert_eq!(
            bits(power_scalar_exponent(&xs, -1.0)),
            bits(xs.map(|x| 1.0 / x).to_vec())
        );
        assert_eq!(power_scalar_exponent(&xs, -0.0), vec![1.0; xs.len()]);
        assert_eq!(bits(power_scalar_exponent(&xs, 1.0)), bits(xs.to_vec()));
        assert_eq!(
            bits(power_scalar_exponent(&xs, 3.0)),
            bits(xs.map(|x| pow(x, 3.0)).to_vec())
        );
        // Inputs where glibc's pow misrounds and NumPy's fast paths do not (found with numpy
        // 2.4.6 and glibc 2.36 on x86-64 AVX2).
        let x = 2.710017715327128;
        assert_eq!(power_scalar_exponent(&[x], 2.0)[0], 7.3441960173868654);
        assert_eq!(pow(x, 2.0), 7.344196017386866);
        let x = 0.47169802954657003;
        assert_eq!(power_scalar_exponent(&[x], 0.5)[0], 0.6868027588373318);
        assert_eq!(pow(x, 0.5), 0.6868027588373317);
    }
}

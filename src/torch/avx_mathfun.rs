//! One lane of `log256_ps` and `sincos256_ps` from `avx_mathfun.h` (Julien Pommier's AVX port of
//! the Cephes single-precision routines, zlib licence), as PyTorch's AVX2 kernel build executes
//! them.
//!
//! GCC compiles that unit with FMA enabled and contracts several of the intrinsics' separate
//! multiplies and adds into fused operations. Each `mul_add` below is such a contraction; every
//! other operation rounds on its own. With exactly this pattern the output matches torch 2.15
//! bit for bit (see rng-algorithms.md 3.3); without it 0.2-2% of values differ in the last bits.
//! Constants are the Cephes coefficients as printed in avx_mathfun.h.

// The constants keep the digits printed in avx_mathfun.h; they round to the same floats.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

const SQRTHF: f32 = 0.707_106_781_186_547_524;
const LOG_P: [f32; 9] = [
    7.037_683_629_2E-2,
    -1.151_461_031_0E-1,
    1.167_699_874_0E-1,
    -1.242_014_084_6E-1,
    1.424_932_278_7E-1,
    -1.666_805_766_5E-1,
    2.000_071_476_5E-1,
    -2.499_999_399_3E-1,
    3.333_333_117_4E-1,
];
const LOG_Q1: f32 = -2.121_944_40e-4;
const LOG_Q2: f32 = 0.693_359_375;

const FOPI: f32 = 1.273_239_544_735_16; // 4 / pi
const MINUS_DP1: f32 = -0.785_156_25;
const MINUS_DP2: f32 = -2.418_756_484_985_351_562_5e-4;
const MINUS_DP3: f32 = -3.774_894_977_445_941_08e-8;
const SINCOF: [f32; 3] = [-1.951_529_589_1E-4, 8.332_160_873_6E-3, -1.666_665_461_1E-1];
const COSCOF: [f32; 3] = [
    2.443_315_711_809_948E-5,
    -1.388_731_625_493_765E-3,
    4.166_664_568_298_827E-2,
];

const SIGN_MASK: u32 = 0x8000_0000;

/// `log256_ps` for one lane. Inputs <= 0 give NaN (the kernel only passes (0, 1]).
pub(crate) fn log(x: f32) -> f32 {
    if x <= 0.0 {
        return f32::NAN;
    }
    let x = x.max(f32::MIN_POSITIVE); // "cut off denormalized stuff"
    let bits = x.to_bits();
    let mut e = ((bits >> 23) as i32 - 0x7f) as f32 + 1.0;
    // Mantissa in [0.5, 1).
    let m = f32::from_bits((bits & !0x7f80_0000) | 0x3f00_0000);
    // if m < SQRTHF { e -= 1; x = m + m - 1 } else { x = m - 1 }, computed as (m - 1) + (m & mask).
    let below = m < SQRTHF;
    let mut x = m - 1.0;
    if below {
        e -= 1.0;
        x += m;
    }
    let z = x * x;
    let mut y = LOG_P[0];
    for &p in &LOG_P[1..] {
        y = y.mul_add(x, p);
    }
    y = (y * x).mul_add(z, e * LOG_Q1);
    y = (-z).mul_add(0.5, y);
    e.mul_add(LOG_Q2, x + y)
}

/// `sincos256_ps` for one lane: `(sin x, cos x)`.
pub(crate) fn sincos(x_in: f32) -> (f32, f32) {
    let sign_in = x_in.to_bits() & SIGN_MASK;
    let mut x = x_in.abs();
    // j = (int)(|x| * 4/pi), rounded up to even.
    let mut j = (x * FOPI) as i32;
    j = (j + 1) & !1;
    let y = j as f32;
    let swap_sign_sin = ((j & 4) as u32) << 29;
    let poly_mask = (j & 2) == 0;
    // Extended-precision range reduction, fused by the compiler.
    x = y.mul_add(MINUS_DP1, x);
    x = y.mul_add(MINUS_DP2, x);
    x = y.mul_add(MINUS_DP3, x);
    let sign_cos = ((!(j - 2) & 4) as u32) << 29;
    let sign_sin = sign_in ^ swap_sign_sin;

    let z = x * x;
    let mut yc = COSCOF[0];
    yc = yc.mul_add(z, COSCOF[1]);
    yc = yc.mul_add(z, COSCOF[2]);
    yc = (yc * z).mul_add(z, -(z * 0.5));
    yc += 1.0;

    let mut ys = SINCOF[0];
    ys = ys.mul_add(z, SINCOF[1]);
    ys = ys.mul_add(z, SINCOF[2]);
    ys = (ys * z).mul_add(x, x);

    // The kernel selects with and/andnot masks and then adds the two halves, so a zero from the
    // unselected polynomial (+0.0) is added to the selected one: -0.0 becomes +0.0.
    let (sin_abs, cos_abs) = if poly_mask {
        (0.0 + ys, yc + 0.0)
    } else {
        (yc + 0.0, 0.0 + ys)
    };
    (
        f32::from_bits(sin_abs.to_bits() ^ sign_sin),
        f32::from_bits(cos_abs.to_bits() ^ sign_cos),
    )
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compares with the platform's own functions
mod tests {
    use super::*;

    #[test]
    fn log_is_close_to_ln() {
        for i in 1..=10_000 {
            let x = i as f32 / 10_000.0;
            let got = log(x);
            let want = (x as f64).ln();
            assert!(
                (f64::from(got) - want).abs() <= 2e-7 * want.abs().max(1.0),
                "log({x}) = {got}, want {want}"
            );
        }
        assert_eq!(log(1.0), 0.0);
        assert!(log(0.0).is_nan());
    }

    #[test]
    fn sincos_is_close_to_sin_and_cos() {
        for i in 0..=10_000 {
            let x = i as f32 * (core::f32::consts::TAU / 10_000.0);
            let (s, c) = sincos(x);
            assert!((f64::from(s) - (x as f64).sin()).abs() < 3e-7, "sin({x})");
            assert!((f64::from(c) - (x as f64).cos()).abs() < 3e-7, "cos({x})");
        }
    }
}

//! One lane of `log256_ps` and `sincos256_ps` from `avx_mathfun.h` (Julien Pommier's AVX port of
//! the Cephes single-precision routines, zlib licence), as PyTorch's AVX2 kernel build executes
//! them.
//!
//! GCC compiles that unit with FMA enabled and contracts several of the intrinsics' separate
//! multiplies and adds into fused operations. Each `fma_f32` below is such a contraction (exact,
//! see [`fma_f32`]); every other operation rounds on its own. With exactly this pattern the output matches torch 2.15
//! bit for bit (see rng-algorithms.md 3.3); without it 0.2-2% of values differ in the last bits.
//! Constants are the Cephes coefficients as printed in avx_mathfun.h.

// The constants keep the digits printed in avx_mathfun.h; they round to the same floats.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::fma::fma_f32;

pub(super) const SQRTHF: f32 = 0.707_106_781_186_547_524;
pub(super) const LOG_P: [f32; 9] = [
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
pub(super) const LOG_Q1: f32 = -2.121_944_40e-4;
pub(super) const LOG_Q2: f32 = 0.693_359_375;

pub(super) const FOPI: f32 = 1.273_239_544_735_16; // 4 / pi
pub(super) const MINUS_DP1: f32 = -0.785_156_25;
pub(super) const MINUS_DP2: f32 = -2.418_756_484_985_351_562_5e-4;
pub(super) const MINUS_DP3: f32 = -3.774_894_977_445_941_08e-8;
pub(super) const SINCOF: [f32; 3] = [-1.951_529_589_1E-4, 8.332_160_873_6E-3, -1.666_665_461_1E-1];
pub(super) const COSCOF: [f32; 3] = [
    2.443_315_711_809_948E-5,
    -1.388_731_625_493_765E-3,
    4.166_664_568_298_827E-2,
];

const SIGN_MASK: u32 = 0x8000_0000;

/// `log256_ps` for one lane. Inputs <= 0 give NaN (the kernel only passes (0, 1]).
#[inline]
pub(crate) fn log(x: f32) -> f32 {
    log_with(x, fma_f32)
}

/// `sincos256_ps` for one lane: `(sin x, cos x)`.
#[inline]
pub(crate) fn sincos(x: f32) -> (f32, f32) {
    sincos_with(x, fma_f32)
}

/// [`log`] with the fused multiply-add `fma` (tests compare with the platform's `mul_add`).
#[inline(always)]
fn log_with(x: f32, fma_f32: impl Fn(f32, f32, f32) -> f32) -> f32 {
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
        y = fma_f32(y, x, p);
    }
    y = fma_f32(y * x, z, e * LOG_Q1);
    y = fma_f32(-z, 0.5, y);
    fma_f32(e, LOG_Q2, x + y)
}

/// [`sincos`] with the fused multiply-add `fma`.
#[inline(always)]
fn sincos_with(x_in: f32, fma_f32: impl Fn(f32, f32, f32) -> f32) -> (f32, f32) {
    let sign_in = x_in.to_bits() & SIGN_MASK;
    let mut x = x_in.abs();
    // j = (int)(|x| * 4/pi), rounded up to even.
    let mut j = (x * FOPI) as i32;
    j = (j + 1) & !1;
    let y = j as f32;
    let swap_sign_sin = ((j & 4) as u32) << 29;
    let poly_mask = (j & 2) == 0;
    // Extended-precision range reduction, fused by the compiler.
    x = fma_f32(y, MINUS_DP1, x);
    x = fma_f32(y, MINUS_DP2, x);
    x = fma_f32(y, MINUS_DP3, x);
    let sign_cos = ((!(j - 2) & 4) as u32) << 29;
    let sign_sin = sign_in ^ swap_sign_sin;

    let z = x * x;
    let mut yc = COSCOF[0];
    yc = fma_f32(yc, z, COSCOF[1]);
    yc = fma_f32(yc, z, COSCOF[2]);
    yc = fma_f32(yc * z, z, -(z * 0.5));
    yc += 1.0;

    let mut ys = SINCOF[0];
    ys = fma_f32(ys, z, SINCOF[1]);
    ys = fma_f32(ys, z, SINCOF[2]);
    ys = fma_f32(ys * z, x, x);

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

    /// The kernel's inputs: `1 - u` for the log and `2*pi*u` for sincos, u = k * 2^-24 from
    /// `uniform_real_distribution<float>`. Every `step`-th k, against the platform's fused
    /// multiply-add (`ignored` runs all 2^24 of each).
    fn against_platform_fma(step: usize) -> usize {
        let mut compared = 0;
        for k in (0..1usize << 24).step_by(step) {
            let u = k as f32 * (1.0 / 16_777_216.0);
            let x = 1.0 - u;
            assert_eq!(
                log(x).to_bits(),
                log_with(x, f32::mul_add).to_bits(),
                "log({x:e})"
            );
            let theta = core::f32::consts::TAU * u;
            let (s, c) = sincos(theta);
            let (ws, wc) = sincos_with(theta, f32::mul_add);
            assert_eq!(
                (s.to_bits(), c.to_bits()),
                (ws.to_bits(), wc.to_bits()),
                "{theta:e}"
            );
            compared += 1;
        }
        compared
    }

    #[test]
    fn fused_operations_match_the_platform_fma() {
        let n = against_platform_fma(61);
        println!("avx_mathfun: log and sincos of {n} kernel inputs match the hardware fma");
    }

    #[test]
    #[ignore = "all 2^24 inputs of each: run with --ignored (seconds in release)"]
    fn fused_operations_match_the_platform_fma_everywhere() {
        assert_eq!(against_platform_fma(1), 1 << 24);
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

//! `lax.erf_inv` for float32 as XLA:CPU computes it, the last step of `jax.random.normal`.
//!
//! Sources (Apache-2.0): jax-ml/jax `jax/_src/lax/special.py` (`erf_inv` lowers to
//! `chlo.erf_inv`); openxla/stablehlo `stablehlo/transforms/ChloLegalizeToStablehlo.cpp`
//! (`erfInv32`: Giles' single-precision approximation, "Approximating the erfinv function",
//! GPU Computing Gems, 2011, with `w = -log1p(-x*x)`). XLA:CPU evaluates `log1p` with its own
//! intrinsic ([`super::xla_log1p`]) and fuses each Horner step into one FMA; both were read from
//! the kernel jaxlib 0.10.2 compiles for `jax.random.normal` on x86-64 with FMA.
//!
//! Verified bit for bit against jaxlib 0.10.2 on all 2^23 inputs `jax.random.normal` can feed
//! it (every float32 `uniform(lo, 1)` value), on an AVX-512 x86-64 CPU.

use super::xla_log1p::log1p;

/// Coefficients (highest degree first) for `w < 5`, in `w - 2.5`.
#[allow(clippy::excessive_precision)] // the digits of the stablehlo source
const CENTRAL: [f32; 9] = [
    2.810_226_36e-08,
    3.432_739_39e-07,
    -3.523_387_7e-06,
    -4.391_506_54e-06,
    0.000_218_580_87,
    -0.001_253_725_03,
    -0.004_177_681_64,
    0.246_640_727,
    1.501_409_41,
];
/// Coefficients (highest degree first) for `w >= 5`, in `sqrt(w) - 3`.
#[allow(clippy::excessive_precision)] // the digits of the stablehlo source
const TAIL: [f32; 9] = [
    -0.000_200_214_257,
    0.000_100_950_558,
    0.001_349_343_22,
    -0.003_673_428_44,
    0.005_739_507_73,
    -0.007_622_461_3,
    0.009_438_870_47,
    1.001_674_06,
    2.832_976_82,
];

/// `erf_inv(x)` for float32 `x` in [-1, 1].
pub fn erf_inv(x: f32) -> f32 {
    // log1p(-(x*x)): `x * -x` is exact negation of the rounded square.
    let log = log1p(x * -x);
    let w = -log;
    let (z, coefficients) = if w < 5.0 {
        // Computed by the kernel as -2.5 - log, which rounds the same as w - 2.5.
        (w - 2.5, &CENTRAL)
    } else {
        (w.sqrt() - 3.0, &TAIL)
    };
    let p = coefficients[1..]
        .iter()
        .fold(coefficients[0], |p, &c| z.mul_add(p, c));
    // |x| == 1 gives +-infinity.
    x * if x.abs() == 1.0 { f32::INFINITY } else { p }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_kernels() {
        let bits = |v: &[f32; 9]| v.map(f32::to_bits);
        assert_eq!(
            bits(&CENTRAL),
            [
                0x32f1_6588,
                0x34b8_4b36,
                0xb66c_7357,
                0xb693_5ac1,
                0x3965_32db,
                0xbaa4_5408,
                0xbb88_e4ef,
                0x3e7c_8f63,
                0x3fc0_2e2f
            ]
        );
        assert_eq!(
            bits(&TAIL),
            [
                0xb951_f09b,
                0x38d3_b56b,
                0x3ab0_dc72,
                0xbb70_bde7,
                0x3bbc_127b,
                0xbbf9_c5d7,
                0x3c1a_a57e,
                0x3f80_36db,
                0x4035_4f7e
            ]
        );
    }

    #[test]
    fn inverts_erf() {
        assert_eq!(erf_inv(0.0), 0.0);
        assert_eq!(erf_inv(1.0), f32::INFINITY);
        assert_eq!(erf_inv(-1.0), f32::NEG_INFINITY);
        // erf(0.476936...) = 0.5
        assert!((erf_inv(0.5) - 0.476_936_28).abs() < 1e-6);
        assert!((erf_inv(-0.999) + 2.326_753_8).abs() < 1e-5);
    }
}

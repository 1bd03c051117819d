//! `log1p` for float32 as XLA:CPU computes it: its own intrinsic `xla.log1p.f32`, not libm.
//!
//! Sources (Apache-2.0): openxla/xla `xla/codegen/intrinsic/log1p.cc` (`Log1p::CreateDefinition`:
//! a Cephes rational approximation below sqrt(2) - 1, `log(1 + x)` above) and XLA:CPU's float32
//! `log` polynomial (`log_f32`, Cephes' `logf` coefficients) that the `llvm.log` call there is
//! lowered to. The order of operations and where the compiled kernel fuses a multiply and an add
//! into one FMA were read from the LLVM IR and x86-64 object code that jaxlib 0.10.2 emits for
//! `jax.random.normal` (`XLA_FLAGS=--xla_dump_to=...`); each `mul_add` below is such an FMA.
//! Checked bit for bit on every input `jax.random.normal` can produce (see `erf_inv`).
//!
//! This is not a general-purpose `log1p`: it is exactly as (in)accurate as XLA's.

// The coefficients keep the digits of their sources (XLA, Cephes).
#![allow(clippy::excessive_precision)]

/// Below this magnitude the rational approximation is used: sqrt(2) - 1, rounded to float32.
const SMALL_THRESHOLD: f32 = 0.414_213_562_373_095_048_80_f64 as f32;

/// Cephes `log1p` rational approximation, as XLA lists them (highest degree first, each rounded
/// from double to float32 as XLA's `ConstantFP::get(float, double)` does).
const NUMERATOR: [f32; 7] = [
    4.527_000_086_244_519_963_521_5E-5_f64 as f32,
    4.985_410_282_319_337_597_221_2E-1_f64 as f32,
    6.578_732_594_206_104_484_696_9E0_f64 as f32,
    2.991_191_932_855_307_327_737_5E1_f64 as f32,
    6.094_966_798_098_778_705_755_6E1_f64 as f32,
    5.711_296_359_058_553_810_333_6E1_f64 as f32,
    2.003_955_349_920_128_125_964_8E1_f64 as f32,
];
const DENOMINATOR: [f32; 7] = [
    1.0,
    1.506_290_908_346_919_204_316_7E1_f64 as f32,
    8.304_756_596_796_720_946_943_4E1_f64 as f32,
    2.217_623_982_373_285_646_539_4E2_f64 as f32,
    3.090_987_222_531_205_977_493_8E2_f64 as f32,
    2.164_278_861_449_594_768_500_3E2_f64 as f32,
    6.011_866_049_760_384_391_930_6E1_f64 as f32,
];

/// Cephes `logf` polynomial coefficients p0..p8 (log(1+y) = y - y^2/2 + y^3 * P(y)).
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
/// ln 2 split in two (Cody-Waite): `LN2_HI` has few bits so that `e * LN2_HI` is exact.
const LN2_HI: f32 = 0.693_359_375;
const LN2_LO: f32 = -2.121_944_4E-4;
/// sqrt(1/2) as float32: mantissas below it are doubled to stay within [sqrt(1/2), sqrt(2)).
const SQRT_HALF: f32 = f32::from_bits(0x3f35_04f3);

/// `xla.log1p.f32(x)`.
pub fn log1p(x: f32) -> f32 {
    if x.abs() < SMALL_THRESHOLD {
        small(x)
    } else {
        log(x + 1.0)
    }
}

/// `x - x^2/2 + x^3 * P(x) / Q(x)`.
fn small(x: f32) -> f32 {
    let x2 = x * x;
    // XLA's `EvaluatePolynomial` starts Horner from 0: `(0 * x + c0) * x + c1 ...`. The first
    // step is a separate multiply and add (its product is shared by both polynomials, so the
    // compiler does not fuse it); the rest are FMAs. `0 * x` is kept: it is -0 for negative x.
    let zero_x = 0.0 * x;
    let horner = |coefficients: &[f32; 7]| {
        coefficients[1..]
            .iter()
            .fold(zero_x + coefficients[0], |p, &c| x.mul_add(p, c))
    };
    let ratio = horner(&NUMERATOR) / horner(&DENOMINATOR);
    let tail = (-0.5f32).mul_add(x2, (x * x2) * ratio);
    x + tail
}

/// XLA:CPU's float32 `log`: the Cephes `logf` reduction and polynomial, with its FMAs.
fn log(x: f32) -> f32 {
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    if x == f32::INFINITY {
        return f32::INFINITY;
    }
    if x.is_nan() || x < 0.0 {
        // Negative or NaN: the kernel returns the all-ones bit pattern (a negative quiet NaN).
        return f32::from_bits(u32::MAX);
    }
    // Denormals are clamped to the smallest normal (the kernel's `max(x, FLT_MIN)`).
    let bits = x.max(f32::MIN_POSITIVE).to_bits();
    // x = m * 2^(e + 1) with the mantissa m in [0.5, 1).
    let e = ((bits >> 23) as i32 - 127) as f32;
    let m = f32::from_bits((bits & 0x807f_ffff) | 0x3f00_0000);
    // Keep m in [sqrt(1/2), sqrt(2)): y = 2m - 1 with exponent e, or y = m - 1 with e + 1.
    let below = m < SQRT_HALF;
    let y = (m - 1.0) + if below { m } else { 0.0 };
    let e = (e + 1.0) - if below { 1.0 } else { 0.0 };
    let y2 = y * y;
    let y3 = y2 * y;
    // The polynomial in three interleaved parts, as the kernel schedules it.
    let a = y.mul_add(LOG_P[0], LOG_P[1]).mul_add(y, LOG_P[2]);
    let b = y.mul_add(LOG_P[3], LOG_P[4]).mul_add(y, LOG_P[5]);
    let c = y.mul_add(LOG_P[6], LOG_P[7]).mul_add(y, LOG_P[8]);
    let p = a.mul_add(y3, b).mul_add(y3, c);
    let tail = p.mul_add(y3, e * LN2_LO);
    let head = (-y2).mul_add(0.5, y);
    e.mul_add(LN2_HI, head + tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_kernels() {
        // Bit patterns of the constants in the compiled kernel (.rodata of the object file).
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(SMALL_THRESHOLD.to_bits(), 0x3ed4_13cd);
        assert_eq!(
            bits(&NUMERATOR),
            [
                0x383d_e04b,
                0x3eff_40c5,
                0x40d2_84fa,
                0x41ef_4b9c,
                0x4273_cc76,
                0x4264_73ad,
                0x41a0_5101
            ]
        );
        assert_eq!(
            bits(&DENOMINATOR),
            [
                0x3f80_0000,
                0x4171_01ad,
                0x42a6_185b,
                0x435d_c32d,
                0x439a_8ca3,
                0x4358_6d8a,
                0x4270_7982
            ]
        );
        assert_eq!(
            bits(&LOG_P),
            [
                0x3d90_21bb,
                0xbdeb_d1b8,
                0x3def_251a,
                0xbdfe_5d4f,
                0x3e11_e9bf,
                0xbe2a_ae50,
                0x3e4c_ceac,
                0xbe7f_fffc,
                0x3eaa_aaaa
            ]
        );
        assert_eq!(LN2_LO.to_bits(), 0xb95e_8083);
        assert_eq!(LN2_HI.to_bits(), 0x3f31_8000);
    }

    #[test]
    fn special_values() {
        assert_eq!(log1p(0.0), 0.0);
        assert_eq!(log1p(-1.0), f32::NEG_INFINITY);
        assert_eq!(log1p(f32::INFINITY), f32::INFINITY);
        assert!(log1p(-2.0).is_nan());
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // std's ln_1p is only the yardstick here
    fn close_to_the_true_value() {
        for x in [-0.9_f32, -0.5, -0.3, -1e-3, 1e-3, 0.3, 0.5, 3.0] {
            let exact = f64::from(x).ln_1p();
            let got = f64::from(log1p(x));
            assert!(
                (got - exact).abs() <= 4e-7 * exact.abs(),
                "{x}: {got} vs {exact}"
            );
        }
    }
}

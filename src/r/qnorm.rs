//! The normal quantile function by Wichura's algorithm AS 241 (`PPND16`), which R's `qnorm`
//! implements and its default `rnorm` ("Inversion") calls.
//!
//! Source: M. J. Wichura, "Algorithm AS 241: The Percentage Points of the Normal Distribution",
//! Applied Statistics 37(3), 1988, 477-484. Implemented here from the paper's description; the
//! coefficients are the paper's published data (also reproduced, with the paper's hash sums, in
//! CPython's `Lib/statistics.py`, `_normal_dist_inv_cdf`). R's evaluation order is the paper's
//! (Horner from the highest coefficient, `q * A(r) / B(r)` in the centre) and R's x86-64 builds
//! use plain multiply-then-add, never fused, so this is plain Rust arithmetic.

use crate::math;

/// Above this `|p - 1/2|` the tails take over (the paper's `SPLIT1`).
const SPLIT1: f64 = 0.425;
/// Where the near tail's approximation hands over to the far tail's (`SPLIT2`).
const SPLIT2: f64 = 5.0;
/// `SPLIT1**2` (`CONST1`).
const CONST1: f64 = 0.180625;
/// The near tail's centring constant (`CONST2`).
const CONST2: f64 = 1.6;

// The paper's coefficients, lowest degree first: numerators A (centre), C (near tails), E (far
// tails); denominators B, D, F, whose constant term is 1.
#[allow(clippy::excessive_precision)] // the paper's digits, as published
const A: [f64; 8] = [
    3.387_132_872_796_366_608_0E0,
    1.331_416_678_917_843_774_5E2,
    1.971_590_950_306_551_442_7E3,
    1.373_169_376_550_946_112_5E4,
    4.592_195_393_154_987_145_7E4,
    6.726_577_092_700_870_085_3E4,
    3.343_057_558_358_812_810_5E4,
    2.509_080_928_730_122_672_7E3,
];
#[allow(clippy::excessive_precision)] // the paper's digits, as published
const B: [f64; 8] = [
    1.0,
    4.231_333_070_160_091_125_2E1,
    6.871_870_074_920_579_083_0E2,
    5.394_196_021_424_751_107_7E3,
    2.121_379_430_158_659_586_7E4,
    3.930_789_580_009_271_061_0E4,
    2.872_908_573_572_194_267_4E4,
    5.226_495_278_852_854_561_0E3,
];
#[allow(clippy::excessive_precision)] // the paper's digits, as published
const C: [f64; 8] = [
    1.423_437_110_749_683_577_34E0,
    4.630_337_846_156_545_295_90E0,
    5.769_497_221_460_691_405_50E0,
    3.647_848_324_763_204_605_04E0,
    1.270_458_252_452_368_382_58E0,
    2.417_807_251_774_506_117_70E-1,
    2.272_384_498_926_918_458_33E-2,
    7.745_450_142_783_414_076_40E-4,
];
#[allow(clippy::excessive_precision)] // the paper's digits, as published
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_758_821_87E0,
    1.676_384_830_183_803_849_40E0,
    6.897_673_349_851_000_045_50E-1,
    1.481_039_764_274_800_745_90E-1,
    1.519_866_656_361_645_719_66E-2,
    5.475_938_084_995_344_946_00E-4,
    1.050_750_071_644_416_843_24E-9,
];
#[allow(clippy::excessive_precision)] // the paper's digits, as published
const E: [f64; 8] = [
    6.657_904_643_501_103_777_20E0,
    5.463_784_911_164_114_369_90E0,
    1.784_826_539_917_291_335_80E0,
    2.965_605_718_285_048_912_30E-1,
    2.653_218_952_657_612_309_30E-2,
    1.242_660_947_388_078_438_60E-3,
    2.711_555_568_743_487_578_15E-5,
    2.010_334_399_292_288_132_65E-7,
];
#[allow(clippy::excessive_precision)] // the paper's digits, as published
const F: [f64; 8] = [
    1.0,
    5.998_322_065_558_879_376_90E-1,
    1.369_298_809_227_358_053_10E-1,
    1.487_536_129_085_061_485_25E-2,
    7.868_691_311_456_132_591_00E-4,
    1.846_318_317_510_054_681_80E-5,
    1.421_511_758_316_445_888_70E-7,
    2.044_263_103_389_939_785_64E-15,
];

/// `c[7]*r**7 + ... + c[0]` by Horner's rule from the highest coefficient, unfused.
#[inline]
fn horner(c: &[f64; 8], r: f64) -> f64 {
    c.iter().rev().skip(1).fold(c[7], |acc, &ci| acc * r + ci)
}

/// The standard normal quantile of `p`, for `0 < p < 1` (what `qnorm(p)` returns there).
pub fn qnorm(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= SPLIT1 {
        let r = CONST1 - q * q;
        return q * horner(&A, r) / horner(&B, r);
    }
    // The smaller of p and 1 - p (1 - p is exact here: p > 0.925).
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let mut r = (-math::log(tail)).sqrt();
    let value = if r <= SPLIT2 {
        r -= CONST2;
        horner(&C, r) / horner(&D, r)
    } else {
        r -= SPLIT2;
        horner(&E, r) / horner(&F, r)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::qnorm;

    /// Values of R 4.2.2's `qnorm` (printed with `sprintf("%a")`), one per branch.
    #[test]
    fn one_value_per_branch() {
        assert_eq!(qnorm(0.5), 0.0);
        assert_eq!(qnorm(0.975), f64::from_bits(0x3fff_5c03_31ee_ff82));
        // 1 - 0.975 is not 0.025 in binary, hence the last bit.
        assert_eq!(qnorm(0.025), f64::from_bits(0xbfff_5c03_31ee_ff83));
        assert_eq!(qnorm(1e-3), f64::from_bits(0xc008_b8cb_b720_4470));
        assert_eq!(qnorm(1e-15), f64::from_bits(0xc01f_c3f0_0778_9667));
    }
}

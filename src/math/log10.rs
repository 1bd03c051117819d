//! `log10`, bit-identical to glibc's x86-64 `log10`.
//!
//! glibc's `log10` (`sysdeps/ieee754/dbl-64/e_log10.c`) is Sun's fdlibm `e_log10.c` (notice
//! below) on 64-bit words; this is a port of fdlibm's algorithm. glibc has no FMA variant of
//! `log10` on x86-64 (its one copy is compiled for baseline x86-64, nothing fused: checked in the
//! machine code of glibc 2.36), but the `__ieee754_log` it calls is the FMA-dispatched `log`,
//! which [`super::log`] reproduces.

// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// Method (fdlibm):
//   Let log10_2hi = leading 40 bits of log10(2) and log10_2lo = log10(2) - log10_2hi,
//   ivln10 = 1/log(10) rounded. Then
//     n = ilogb(x), if n < 0 then n = n + 1; x = scalbn(x, -n);
//     log10(x) := n*log10_2hi + (n*log10_2lo + ivln10*log(x))
//   (n*log10_2hi is exact.) log10(10**N) = N for N = 0, ..., 22.
//   Special cases: log10(x) is NaN for x < 0; log10(+-0) = -inf; log10(NaN) = NaN;
//   log10(+inf) = +inf.

use super::log;

/// 2^54.
const TWO54: f64 = 18014398509481984.0;
/// 1/ln(10) rounded, 0x3FDBCB7B_1526E50E.
const IVLN10: f64 = f64::from_bits(0x3fdb_cb7b_1526_e50e);
/// log10(2), its leading bits (0x3FD34413_509F6000) and the rest (0x3D59FEF3_11F12B36).
const LOG10_2HI: f64 = f64::from_bits(0x3fd3_4413_509f_6000);
const LOG10_2LO: f64 = f64::from_bits(0x3d59_fef3_11f1_2b36);

/// `log10(x)`, the base-10 logarithm.
pub fn log10(x: f64) -> f64 {
    let mut x = x;
    let mut ix = x.to_bits() as i64;
    let mut k: i64 = 0;
    if ix < 0x0010_0000_0000_0000 {
        // x < 2^-1022 (negative numbers included: the words are signed).
        if ix & 0x7fff_ffff_ffff_ffff == 0 {
            return -TWO54 / x.abs(); // log(+-0) = -inf
        }
        if ix < 0 {
            return f64::NAN; // log(-#) = NaN: (x - x) / (x - x)
        }
        // Subnormal: scale up x.
        k -= 54;
        x *= TWO54;
        ix = x.to_bits() as i64;
    }
    if ix > 0x7fef_ffff_ffff_ffff {
        return x + x; // inf or nan
    }
    k += (ix >> 52) - 1023;
    // i = 1 if k < 0: x then goes into [0.5, 1) rather than [1, 2), so that log(x) < 0 and the
    // sum below does not cancel.
    let i = ((k as u64) >> 63) as i64;
    let ix = (ix & 0x000f_ffff_ffff_ffff) | ((0x3ff - i) << 52);
    let y = (k + i) as f64;
    let x = f64::from_bits(ix as u64);
    let z = y * LOG10_2LO + IVLN10 * log(x);
    z + y * LOG10_2HI
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::log10;
    use crate::math::test_inputs::SplitMix64 as Rng;
    use crate::math::test_support::assert_unary;

    #[allow(clippy::disallowed_methods)]
    fn glibc(x: f64) -> f64 {
        std::hint::black_box(x).log10()
    }

    fn check(what: &str, xs: impl Iterator<Item = f64>) {
        assert_unary("log10", log10, glibc, what, xs);
    }

    #[test]
    fn specials_and_powers_of_ten() {
        let s = [
            0.0,
            1.0,
            10.0,
            0.1,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
            2.0,
            0.5,
        ];
        check("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        check(
            "powers of ten",
            (-330..=308).map(|e| format!("1e{e}").parse::<f64>().unwrap()),
        );
        check("integers", (1..200_000).map(|i| i as f64));
    }

    #[test]
    fn ranges() {
        let mut g = Rng(1);
        check("(0, 1]", (0..1_000_000).map(|_| 1.0 - g.unit()));
        let mut g = Rng(2);
        check("[0.5, 2]", (0..1_000_000).map(|_| g.range(0.5, 2.0)));
        let mut g = Rng(3);
        check(
            "positive finite",
            (0..1_000_000).map(|_| f64::from_bits(g.next() % 0x7ff0_0000_0000_0000)),
        );
        let mut g = Rng(4);
        check(
            "subnormals",
            (0..300_000).map(|_| f64::from_bits(g.next() >> (12 + g.next() % 52))),
        );
        let mut g = Rng(5);
        check(
            "random bits",
            (0..500_000).map(|_| f64::from_bits(g.next())),
        );
    }
}

//! `tanh`, bit-identical to glibc's x86-64 `tanh`.
//!
//! glibc's `tanh` (`sysdeps/ieee754/dbl-64/s_tanh.c`) is Sun's fdlibm `s_tanh.c` (notice below);
//! this is a port of fdlibm's algorithm. glibc has no FMA variant of `tanh` (its one copy is
//! compiled for baseline x86-64, nothing fused: checked in the machine code of glibc 2.36), but
//! the `expm1` it calls is the FMA-dispatched one, which [`super::expm1`] reproduces. glibc
//! returns +-0 itself for x = +-0 (the same value fdlibm's `x*(1 + x)` gives).

// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// Method (fdlibm):
//   0. tanh(x) = (e^x - e^-x)/(e^x + e^-x); tanh(-x) = -tanh(x).
//   1. 0 <= x <= 2^-55:    tanh(x) := x*(1 + x)
//      2^-55 < x < 1:      tanh(x) := -t/(t + 2), t = expm1(-2x)
//      1 <= x < 22:        tanh(x) := 1 - 2/(t + 2), t = expm1(2x)
//      22 <= x <= inf:     tanh(x) := 1
//   Special cases: tanh(NaN) is NaN; only tanh(0) = 0 is exact for finite x.

use super::expm1;

/// `tanh(x)`, the hyperbolic tangent.
pub fn tanh(x: f64) -> f64 {
    let jx = (x.to_bits() >> 32) as u32;
    let negative = jx & 0x8000_0000 != 0;
    let ix = jx & 0x7fff_ffff;

    if ix >= 0x7ff0_0000 {
        // tanh(+-inf) = +-1, tanh(NaN) = NaN.
        return if negative {
            1.0 / x - 1.0
        } else {
            1.0 / x + 1.0
        };
    }
    let z = if ix < 0x4036_0000 {
        // |x| < 22
        if ix | (x.to_bits() as u32) == 0 {
            return x; // +-0
        }
        if ix < 0x3c80_0000 {
            return x * (1.0 + x); // |x| < 2^-55: tanh(small) = small
        }
        if ix >= 0x3ff0_0000 {
            // |x| >= 1
            let t = expm1(2.0 * x.abs());
            1.0 - 2.0 / (t + 2.0)
        } else {
            let t = expm1(-2.0 * x.abs());
            -t / (t + 2.0)
        }
    } else {
        1.0 // |x| >= 22: one - tiny
    };
    if negative {
        -z
    } else {
        z
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::tanh;
    use crate::math::test_inputs::SplitMix64 as Rng;
    use crate::math::test_support::assert_unary;

    #[allow(clippy::disallowed_methods)]
    fn glibc(x: f64) -> f64 {
        std::hint::black_box(x).tanh()
    }

    fn check(what: &str, xs: impl Iterator<Item = f64>) {
        assert_unary("tanh", tanh, glibc, what, xs);
    }

    #[test]
    fn specials_and_edges() {
        let s = [
            0.0,
            1.0,
            0.5,
            5e-324,
            1e-300,
            2f64.powi(-55),
            2f64.powi(-54),
            22.0,
            21.999999999999996,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        check("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        let edges = [
            0x3c80_0000_0000_0000u64,
            0x3ff0_0000_0000_0000,
            0x4036_0000_0000_0000,
        ];
        check(
            "ulps around the bounds",
            edges.into_iter().flat_map(|b| {
                (0..20_000u64).flat_map(move |i| {
                    [b + i, b - i, (b + i) | 1 << 63, (b - i) | 1 << 63].map(f64::from_bits)
                })
            }),
        );
    }

    #[test]
    fn ranges() {
        let mut g = Rng(1);
        check("[-3, 3]", (0..1_000_000).map(|_| g.range(-3.0, 3.0)));
        let mut g = Rng(2);
        check("[-25, 25]", (0..500_000).map(|_| g.range(-25.0, 25.0)));
        let mut g = Rng(3);
        check(
            "small, every binade",
            (0..300_000).map(|_| g.range(-1.0, 1.0) * 2f64.powi(-((g.next() % 60) as i32))),
        );
        let mut g = Rng(4);
        check(
            "random bits",
            (0..500_000).map(|_| f64::from_bits(g.next())),
        );
    }
}

//! `pow` against the platform's (glibc's `__ieee754_pow_fma` on x86-64 Linux with FMA).

use super::{checkint, pow};
use crate::math::test_inputs::SplitMix64 as Rng;
use std::hint::black_box;

/// glibc's pow. `black_box` keeps LLVM from folding or rewriting the call (it turns pow(x, 0.5)
/// with a constant 0.5 into a square root, for instance).
#[allow(clippy::disallowed_methods)]
fn glibc_pow(x: f64, y: f64) -> f64 {
    black_box(x).powf(black_box(y))
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn assert_all(what: &str, xys: impl Iterator<Item = (f64, f64)>) {
    let (mut n, mut bad) = (0usize, 0usize);
    for (x, y) in xys {
        n += 1;
        let (want, got) = (glibc_pow(x, y), pow(x, y));
        if !same(want, got) {
            if bad < 10 {
                eprintln!(
                    "pow({x:e} = {:#x}, {y:e} = {:#x}): glibc {want:e} ({:#x}), port {got:e} ({:#x})",
                    x.to_bits(),
                    y.to_bits(),
                    want.to_bits(),
                    got.to_bits()
                );
            }
            bad += 1;
        }
    }
    println!("pow {what}: {} of {n} bit-identical", n - bad);
    assert_eq!(bad, 0, "pow {what}: {bad} of {n} differ");
}

/// Values where pow changes behaviour: zeros, ones, infinities, NaNs (quiet and signaling),
/// subnormals, integers odd and even, the bounds of the special-case ranges of x and y.
fn special_values() -> Vec<f64> {
    let mut v = vec![
        0.0,
        1.0,
        2.0,
        3.0,
        0.5,
        0.25,
        1.5,
        10.0,
        f64::INFINITY,
        f64::NAN,
        f64::from_bits(0x7ff4_0000_0000_0000), // signaling NaN
        5e-324,
        f64::MIN_POSITIVE,
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MAX,
        f64::EPSILON,
        1.0 + f64::EPSILON,
        1.0 - f64::EPSILON / 2.0,
        2f64.powi(-65),
        2f64.powi(-66),
        2f64.powi(52),
        2f64.powi(53),
        2f64.powi(53) + 2.0,
        2f64.powi(52) + 1.0,
        2f64.powi(63),
        2f64.powi(64),
        1e300,
        1e-300,
        0.1,
        1023.0,
        1024.0,
        1074.0,
        1075.0,
        1e10,
    ];
    let n = v.len();
    for i in 0..n {
        let b = v[i].to_bits();
        if v[i].is_finite() && v[i] != 0.0 {
            v.push(f64::from_bits(b + 1));
            v.push(f64::from_bits(b - 1));
        }
    }
    let n = v.len();
    for i in 0..n {
        v.push(-v[i]);
    }
    v
}

#[test]
fn specials_grid() {
    let s = special_values();
    assert_all(
        "specials x specials",
        s.iter().flat_map(|&x| s.iter().map(move |&y| (x, y))),
    );
    assert_eq!(pow(0.0, -1.0), f64::INFINITY);
    assert_eq!(pow(-0.0, -1.0), f64::NEG_INFINITY);
    assert_eq!(pow(-0.0, -2.0), f64::INFINITY);
    assert_eq!(pow(-0.0, 3.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(pow(f64::NAN, 0.0), 1.0);
    assert_eq!(pow(1.0, f64::NAN), 1.0);
    assert_eq!(pow(-1.0, f64::INFINITY), 1.0);
    assert!(pow(-2.0, 0.5).is_nan());
    assert_eq!(pow(-2.0, 3.0), -8.0);
    assert!(pow(-8.0, 1.0 / 3.0).is_nan());
}

#[test]
fn checkint_classes() {
    assert_eq!(checkint(1.0f64.to_bits()), 1);
    assert_eq!(checkint(2.0f64.to_bits()), 2);
    assert_eq!(checkint(0.5f64.to_bits()), 0);
    assert_eq!(checkint((2f64.powi(52) + 1.0).to_bits()), 1);
    assert_eq!(checkint(2f64.powi(53).to_bits()), 2);
    assert_eq!(checkint((-3.0f64).to_bits()), 1);
}

#[test]
fn table_consts() {
    // kd*Ln2hi exact for every reachable k (the fusion of t1 needs it), invc short enough for
    // two_prod_short.
    for k in -1100..=1100 {
        let kd = k as f64;
        let p = kd * super::LN2HI;
        assert_eq!(kd.mul_add(super::LN2HI, -p), 0.0);
    }
    for &(invc, _, _) in super::TAB.iter() {
        assert!(invc.to_bits().trailing_zeros() >= 52 - 8, "{invc}");
    }
}

#[test]
fn everyday() {
    let mut g = Rng(1);
    assert_all(
        "x in (0, 10], y in [-30, 30]",
        (0..1_000_000).map(|_| (10.0 * (1.0 - g.unit()), g.range(-30.0, 30.0))),
    );
    let mut g = Rng(2);
    assert_all(
        "x in [0.5, 2], y in [-1000, 1000]",
        (0..500_000).map(|_| (g.range(0.5, 2.0), g.range(-1000.0, 1000.0))),
    );
    let mut g = Rng(3);
    assert_all(
        "x in (0, 1), y in (0, 3]",
        (0..500_000).map(|_| (g.unit(), 3.0 * (1.0 - g.unit()))),
    );
}

#[test]
fn integer_exponents_and_negative_bases() {
    let mut g = Rng(4);
    assert_all(
        "x in [-10, 10], integer y in [-400, 400]",
        (0..1_000_000).map(|_| (g.range(-10.0, 10.0), (g.next() % 801) as f64 - 400.0)),
    );
    let mut g = Rng(5);
    assert_all(
        "random finite x (both signs), integer y in [-3, 3]",
        (0..500_000).map(|_| (g.finite(), (g.next() % 7) as f64 - 3.0)),
    );
    let mut g = Rng(6);
    assert_all(
        "x < 0, odd and even integers up to 2^60",
        (0..300_000).map(|_| {
            let y = ((g.next() >> (4 + g.next() % 60)) | 1) as f64;
            let y = if g.next() & 1 == 0 { y } else { y + 1.0 };
            (
                -g.range(0.999, 1.001),
                if g.next() & 1 == 0 { y } else { -y },
            )
        }),
    );
    let mut g = Rng(7);
    assert_all(
        "x < 0, non-integer y",
        (0..100_000).map(|_| (-g.range(0.0, 100.0), g.range(-10.0, 10.0))),
    );
}

#[test]
fn exact_results() {
    // Small integers to integer powers, powers of two and ten, perfect squares to 0.5.
    let mut v = Vec::new();
    for b in -40i32..=40 {
        for e in -60i32..=60 {
            v.push((b as f64, e as f64));
            v.push((b as f64 / 8.0, e as f64));
        }
    }
    for e in -1100i32..=1100 {
        v.push((2.0, e as f64));
        v.push((0.5, e as f64));
        v.push((10.0, e as f64 / 4.0));
        v.push((10.0, e as f64));
        v.push((2f64.powi(e.clamp(-1074, 1023)), 0.5));
        v.push((2f64.powi(e.clamp(-1074, 1023)), -0.5));
        v.push((2f64.powi(e.clamp(-1074, 1023)), 0.25));
    }
    for i in 0..100_000u64 {
        let s = i as f64;
        v.push((s * s, 0.5));
        v.push((s * s * s, 1.0 / 3.0));
        v.push((s, 2.0));
        v.push((s, 3.0));
    }
    assert_all("exact cases", v.into_iter());
}

#[test]
fn wide_ranges() {
    let mut g = Rng(8);
    // Results spread over the whole exponent range, subnormal and overflowing ones included:
    // y = t / log2(x) for a target exponent t.
    assert_all(
        "random x > 0, y = t/log2(x), t in [-1100, 1050]",
        (0..1_000_000).map(|_| {
            let x = f64::from_bits(g.next() % 0x7ff0_0000_0000_0000);
            let t = g.range(-1100.0, 1050.0);
            (x, t / crate::math::log2(x))
        }),
    );
    let mut g = Rng(9);
    assert_all(
        "subnormal and overflow edges t in [-1076, -1020] u [1020, 1025]",
        (0..1_000_000).map(|_| {
            let x = f64::from_bits(g.next() % 0x7ff0_0000_0000_0000);
            let t = if g.next() & 1 == 0 {
                g.range(-1076.0, -1020.0)
            } else {
                g.range(1020.0, 1025.0)
            };
            let y = t / crate::math::log2(x);
            (if g.next() % 4 == 0 { -x } else { x }, y.round())
        }),
    );
    let mut g = Rng(10);
    assert_all(
        "subnormal x",
        (0..500_000).map(|_| {
            let x = f64::from_bits(g.next() >> (12 + g.next() % 52));
            (x, g.range(-1.2, 1.2))
        }),
    );
    let mut g = Rng(11);
    assert_all(
        "random bits",
        (0..1_000_000).map(|_| (f64::from_bits(g.next()), f64::from_bits(g.next()))),
    );
    let mut g = Rng(12);
    assert_all(
        "random finite x, y with exponent in [-70, 70]",
        (0..1_000_000).map(|_| {
            let b = g.next();
            let y = f64::from_bits(b & 0x800f_ffff_ffff_ffff | (0x3b9 + (b >> 52) % 141) << 52);
            (g.finite(), y)
        }),
    );
}

#[test]
fn near_one_large_y() {
    let mut g = Rng(13);
    assert_all(
        "x within 2^-20 of 1, |y| in [2^8, 2^63)",
        (0..1_000_000).map(|_| {
            let x = 1.0 + g.range(-1.0, 1.0) * 2f64.powi(-((g.next() % 33) as i32 + 20));
            let y = g.range(-1.0, 1.0) * 2f64.powi((g.next() % 56) as i32 + 8);
            (x, y)
        }),
    );
    let one = 1.0f64.to_bits();
    let mut g = Rng(14);
    assert_all(
        "x a few ulps from 1, y around 2^50..2^64",
        (0..300_000).map(|_| {
            let d = g.next() % 64;
            let x = f64::from_bits(if g.next() & 1 == 0 { one + d } else { one - d });
            let y = g.range(-1.0, 1.0) * 2f64.powi((g.next() % 15) as i32 + 50);
            (if g.next() % 8 == 0 { -x } else { x }, y)
        }),
    );
}

/// Heavy: `cargo test --release -- --ignored`.
#[test]
#[ignore]
fn many() {
    let mut g = Rng(15);
    assert_all(
        "40M x in (0, 10], y in [-30, 30]",
        (0..40_000_000).map(|_| (10.0 * (1.0 - g.unit()), g.range(-30.0, 30.0))),
    );
    let mut g = Rng(16);
    assert_all(
        "40M random x, y = t/log2(x)",
        (0..40_000_000).map(|_| {
            let x = f64::from_bits(g.next() % 0x7ff0_0000_0000_0000);
            let t = g.range(-1100.0, 1050.0);
            let x = if g.next() % 4 == 0 { -x } else { x };
            let y = t / crate::math::log2(x.abs());
            (x, if g.next() % 2 == 0 { y.round() } else { y })
        }),
    );
    let mut g = Rng(17);
    assert_all(
        "20M x in [-10, 10], integer y in [-400, 400]",
        (0..20_000_000).map(|_| (g.range(-10.0, 10.0), (g.next() % 801) as f64 - 400.0)),
    );
    let mut g = Rng(18);
    assert_all(
        "20M x within 2^-20 of 1, large y",
        (0..20_000_000).map(|_| {
            let x = 1.0 + g.range(-1.0, 1.0) * 2f64.powi(-((g.next() % 33) as i32 + 20));
            let y = g.range(-1.0, 1.0) * 2f64.powi((g.next() % 56) as i32 + 8);
            (x, y)
        }),
    );
}

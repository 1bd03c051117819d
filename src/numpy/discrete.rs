//! NumPy's discrete distributions as the legacy `RandomState` draws them: `poisson`,
//! `geometric`, `binomial`. Each uses only uniform doubles, arithmetic, `floor`/`ceil`/`sqrt`
//! (exact everywhere) and `log`/`exp`/`log1p` (seedlab's glibc-identical ports), so the numbers
//! are NumPy's bit for bit.
//!
//! Sources: numpy `random/src/distributions/distributions.c` (`random_loggam`,
//! `random_poisson`, `random_poisson_mult`, `random_poisson_ptrs`, `random_geometric_search`,
//! `random_binomial_btpe`) and `random/src/legacy/legacy-distributions.c`
//! (`legacy_random_binomial`, `legacy_random_binomial_inversion`, `legacy_random_geometric`,
//! `legacy_geometric_inversion`).

use super::bit_generator::BitGenerator;
use crate::math;

/// C's conversion of a double to `int64_t` as x86-64 performs it (`cvttsd2si`): truncation,
/// and `INT64_MIN` for NaN and values out of range (where Rust's `as` would saturate). NumPy's
/// samplers cast without checking and then reject negative values.
pub(crate) fn c_double_to_i64(x: f64) -> i64 {
    if x > -9_223_372_036_854_775_809.0 && x < 9_223_372_036_854_775_808.0 {
        x as i64
    } else {
        i64::MIN
    }
}

/// `random_loggam(x)`: log Gamma(x) by the SPECFUN series (Zhang and Jin).
#[allow(clippy::excessive_precision)] // NumPy's literals, as it writes them
pub(crate) fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333333333333333e-02,
        -2.777777777777778e-03,
        7.936507936507937e-04,
        -5.952380952380952e-04,
        8.417508417508418e-04,
        -1.917526917526918e-03,
        6.410256410256410e-03,
        -2.955065359477124e-02,
        1.796443723688307e-01,
        -1.39243221690590e+00,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n = if x < 7.0 { c_double_to_i64(7.0 - x) } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    // log(2 * pi)
    let lg2pi = 1.8378770664093453e+00;
    let mut gl0 = A[9];
    for &a in A[..9].iter().rev() {
        gl0 *= x2;
        gl0 += a;
    }
    let mut gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * math::log(x0) - x0;
    if x < 7.0 {
        for _ in 1..=n {
            gl -= math::log(x0 - 1.0);
            x0 -= 1.0;
        }
    }
    gl
}

/// `random_poisson(lam)`: multiplication of uniforms below 10, Hörmann's PTRS from 10 on; 0
/// without a draw for `lam == 0`.
pub(crate) fn poisson<B: BitGenerator>(bitgen: &mut B, lam: f64) -> i64 {
    if lam >= 10.0 {
        poisson_ptrs(bitgen, lam)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(bitgen, lam)
    }
}

fn poisson_mult<B: BitGenerator>(bitgen: &mut B, lam: f64) -> i64 {
    let enlam = math::exp(-lam);
    let mut x = 0;
    let mut prod = 1.0;
    loop {
        prod *= bitgen.next_double();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

/// The transformed rejection method of W. Hörmann (Insurance: Mathematics and Economics 12,
/// 1993).
fn poisson_ptrs<B: BitGenerator>(bitgen: &mut B, lam: f64) -> i64 {
    let slam = lam.sqrt();
    let loglam = math::log(lam);
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = bitgen.next_double() - 0.5;
        let v = bitgen.next_double();
        let us = 0.5 - u.abs();
        let k = c_double_to_i64(((2.0 * a / us + b) * u + lam + 0.43).floor());
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0 || (us < 0.013 && v > us) {
            continue;
        }
        if (math::log(v) + math::log(invalpha) - math::log(a / (us * us) + b))
            <= (-lam + k as f64 * loglam - loggam(k as f64 + 1.0))
        {
            return k;
        }
    }
}

/// `legacy_random_geometric(p)`: a search through the distribution for `p >= 1/3`, inversion
/// below.
#[allow(clippy::excessive_precision)] // NumPy's literal for 1/3, as it writes it
pub(crate) fn legacy_geometric<B: BitGenerator>(bitgen: &mut B, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_333_333_333 {
        geometric_search(bitgen, p)
    } else {
        // `legacy_geometric_inversion`: unlike the Generator's, no clamp to INT64_MAX.
        c_double_to_i64((math::log1p(-bitgen.next_double()) / math::log(1.0 - p)).ceil())
    }
}

/// `random_geometric(p)` (the Generator's): the search for `p >= 1/3`; below, inversion of a
/// standard exponential (the ziggurat): `ceil(-E / log1p(-p))`, clamped to INT64_MAX.
#[allow(clippy::excessive_precision)] // NumPy's literal for 1/3, as it writes it
pub(crate) fn geometric<B: BitGenerator>(
    bitgen: &mut B,
    p: f64,
    standard_exponential: impl Fn(&mut B) -> f64,
) -> i64 {
    if p >= 0.333_333_333_333_333_333_333_333 {
        return geometric_search(bitgen, p);
    }
    let z = (-standard_exponential(bitgen) / math::log1p(-p)).ceil();
    // 9.223372036854776e+18: the smallest double above INT64_MAX
    if z >= 9.223_372_036_854_776e18 {
        return i64::MAX;
    }
    c_double_to_i64(z)
}

fn geometric_search<B: BitGenerator>(bitgen: &mut B, p: f64) -> i64 {
    let mut x = 1;
    let (mut sum, mut prod) = (p, p);
    let q = 1.0 - p;
    let u = bitgen.next_double();
    while u > sum {
        prod *= q;
        sum += prod;
        x += 1;
    }
    x
}

/// `legacy_random_binomial(p, n)`: inversion when the mean of the smaller tail is at most 30,
/// BTPE otherwise. Unlike the Generator's `random_binomial`, `n == 0` and `p == 0` still draw
/// one uniform.
pub(crate) fn legacy_binomial<B: BitGenerator>(bitgen: &mut B, p: f64, n: i64) -> i64 {
    // legacy_random_binomial_inversion's quirk: `exp(n * log(q))` where the Generator has
    // `log1p(-p)`.
    binomial_by(bitgen, p, n, |n, p| {
        math::exp(n as f64 * math::log(1.0 - p))
    })
}

/// `random_binomial(p, n)` (the Generator's): 0 without a draw when `n == 0` or `p == 0`, else
/// inversion (`exp(n * log1p(-p))`) when the mean of the smaller tail is at most 30, BTPE
/// otherwise. Its cache of constants (`binomial_t`) changes nothing in the values.
pub(crate) fn binomial<B: BitGenerator>(bitgen: &mut B, p: f64, n: i64) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    binomial_by(bitgen, p, n, |n, p| math::exp(n as f64 * math::log1p(-p)))
}

/// The dispatch both binomials share: inversion on the smaller tail when its mean is at most
/// 30, BTPE otherwise; `q_to_the_n(n, p)` is the inversion's starting probability `(1-p)^n`,
/// which the two compute differently.
fn binomial_by<B: BitGenerator>(
    bitgen: &mut B,
    p: f64,
    n: i64,
    q_to_the_n: impl Fn(i64, f64) -> f64,
) -> i64 {
    let tail = p.min(1.0 - p);
    let x = if tail * n as f64 <= 30.0 {
        binomial_inversion(bitgen, n, tail, q_to_the_n(n, tail))
    } else {
        binomial_btpe(bitgen, n, tail)
    };
    if p <= 0.5 {
        x
    } else {
        n.wrapping_sub(x)
    }
}

/// `random_binomial_inversion` (and the legacy one): walks the probabilities up from
/// `qn = (1-p)^n`, restarting past a bound of the mean plus ten deviations.
fn binomial_inversion<B: BitGenerator>(bitgen: &mut B, n: i64, p: f64, qn: f64) -> i64 {
    let q = 1.0 - p;
    let np = n as f64 * p;
    let bound = c_double_to_i64((n as f64).min(np + 10.0 * (np * q + 1.0).sqrt()));
    let mut x: i64 = 0;
    let mut px = qn;
    let mut u = bitgen.next_double();
    while u > px {
        x += 1;
        if x > bound {
            x = 0;
            px = qn;
            u = bitgen.next_double();
        } else {
            u -= px;
            px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
        }
    }
    x
}

/// `random_binomial_btpe`: Kachitvichyanukul and Schmeiser's BTPE (triangle, parallelogram,
/// exponential tails), step for step as NumPy writes it (its `goto`s become a loop).
fn binomial_btpe<B: BitGenerator>(bitgen: &mut B, n: i64, p: f64) -> i64 {
    let nf = n as f64;
    let r = p.min(1.0 - p);
    let q = 1.0 - r;
    let fm = nf * r + r;
    let m = c_double_to_i64(fm.floor());
    let mf = m as f64;
    let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
    let xm = mf + 0.5;
    let xl = xm - p1;
    let xr = xm + p1;
    let c = 0.134 + 20.5 / (15.3 + mf);
    let a = (fm - xl) / (fm - xl * r);
    let laml = a * (1.0 + a / 2.0);
    let a = (xr - fm) / (xr * q);
    let lamr = a * (1.0 + a / 2.0);
    let p2 = p1 * (1.0 + 2.0 * c);
    let p3 = p2 + c / laml;
    let p4 = p3 + c / lamr;

    let y = 'draw: loop {
        // Step 10.
        let nrq = nf * r * q;
        let u = bitgen.next_double() * p4;
        let mut v = bitgen.next_double();
        let y;
        if u <= p1 {
            break 'draw c_double_to_i64((xm - p1 * v + u).floor());
        } else if u <= p2 {
            // Step 20: the parallelogram.
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
            if v > 1.0 {
                continue;
            }
            y = c_double_to_i64(x.floor());
        } else if u <= p3 {
            // Step 30: the left exponential tail.
            y = c_double_to_i64((xl + math::log(v) / laml).floor());
            if y < 0 || v == 0.0 {
                continue;
            }
            v = v * (u - p2) * laml;
        } else {
            // Step 40: the right exponential tail.
            y = c_double_to_i64((xr - math::log(v) / lamr).floor());
            if y > n || v == 0.0 {
                continue;
            }
            v = v * (u - p3) * lamr;
        }
        // Step 50.
        let k = (y.wrapping_sub(m)).wrapping_abs();
        if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
            let s = r / q;
            let a = s * (n.wrapping_add(1)) as f64;
            let mut f = 1.0;
            if m < y {
                for i in m + 1..=y {
                    f *= a / i as f64 - s;
                }
            } else if m > y {
                for i in y + 1..=m {
                    f /= a / i as f64 - s;
                }
            }
            if v > f {
                continue;
            }
            break 'draw y;
        }
        // Step 52: squeeze on log(v).
        let kf = k as f64;
        let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        // NumPy quirk: `-k * k` is integer arithmetic.
        let t = (k.wrapping_neg().wrapping_mul(k)) as f64 / (2.0 * nrq);
        let big_a = math::log(v);
        if big_a < t - rho {
            break 'draw y;
        }
        if big_a > t + rho {
            continue;
        }
        let x1 = y as f64 + 1.0;
        let f1 = mf + 1.0;
        let z = nf + 1.0 - mf;
        let w = nf - y as f64 + 1.0;
        let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
        let stirling = |d: f64, d2: f64| {
            (13680. - (462. - (132. - (99. - 140. / d2) / d2) / d2) / d2) / d / 166320.
        };
        let bound = xm * math::log(f1 / x1)
            + (n.wrapping_sub(m) as f64 + 0.5) * math::log(z / w)
            + (y.wrapping_sub(m)) as f64 * math::log(w * r / (x1 * q))
            + stirling(f1, f2)
            + stirling(z, z2)
            + stirling(x1, x2)
            + stirling(w, w2);
        if big_a > bound {
            continue;
        }
        break 'draw y;
    };
    // Step 60.
    if p > 0.5 {
        n - y
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_convert_as_x86_64_does() {
        assert_eq!(c_double_to_i64(2.9), 2);
        assert_eq!(c_double_to_i64(-2.9), -2);
        assert_eq!(c_double_to_i64(f64::NAN), i64::MIN);
        assert_eq!(c_double_to_i64(f64::INFINITY), i64::MIN);
        assert_eq!(c_double_to_i64(9.3e18), i64::MIN);
        assert_eq!(c_double_to_i64(-9_223_372_036_854_775_808.0), i64::MIN);
    }

    #[test]
    fn loggam_of_small_integers_is_log_factorial() {
        assert_eq!(loggam(1.0), 0.0);
        assert!((loggam(5.0) - math::log(24.0)).abs() < 1e-12);
    }
}

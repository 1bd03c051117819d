//! `exp2` (2^x), bit-identical to glibc's x86-64 `exp2` (glibc >= 2.29).
//!
//! glibc's `exp2` since 2.29 is Szabolcs Nagy's implementation from Arm Optimized Routines
//! (`math/exp2.c`, MIT OR Apache-2.0 WITH LLVM-exception), sharing `exp`'s table; this is a port
//! of that C as glibc builds it (`EXP_TABLE_BITS` 7, `EXP2_POLY_ORDER` 5, nearest rounding).
//! glibc has no FMA variant of `exp2` on x86-64: its one copy is compiled for baseline x86-64
//! (SSE2), where GCC cannot fuse anything, and its machine code (glibc 2.36) does every operation
//! of the C separately, in the C's order, as Rust does.

use super::exp::data::{EXP2_C as C, EXP2_SHIFT as SHIFT, TAB};

/// Top 12 bits of a double (sign and exponent).
#[inline(always)]
fn top12(x: f64) -> u32 {
    (x.to_bits() >> 52) as u32
}

/// 2^-1022.
const TWO_M1022: f64 = f64::from_bits(0x0010_0000_0000_0000);

/// `exp2(x)` = 2^x.
pub fn exp2(x: f64) -> f64 {
    let mut abstop = top12(x) & 0x7ff;
    // top12(0x1p-54) = 0x3c9, top12(512.0) = 0x408, top12(1024.0) = 0x409.
    if abstop.wrapping_sub(0x3c9) >= 0x408 - 0x3c9 {
        if abstop.wrapping_sub(0x3c9) >= 0x8000_0000 {
            // Tiny x: avoid spurious underflow (0 is a common input).
            return 1.0 + x;
        }
        if abstop >= 0x409 {
            if x.to_bits() == f64::NEG_INFINITY.to_bits() {
                return 0.0;
            }
            if abstop >= 0x7ff {
                return 1.0 + x; // +inf or nan
            }
            if x.to_bits() >> 63 == 0 {
                return f64::INFINITY; // __math_oflow(0)
            }
            if x.to_bits() >= (-1075.0f64).to_bits() {
                return 0.0; // __math_uflow(0)
            }
        }
        if x.to_bits() << 1 > 928.0f64.to_bits() << 1 {
            // Large x is special cased below.
            abstop = 0;
        }
    }

    // exp2(x) = 2^(k/N) * 2^r, x = k/N + r, r in [-1/2N, 1/2N].
    let kd = x + SHIFT;
    let ki = kd.to_bits(); // k
    let kd = kd - SHIFT; // k/N for int k
    let r = x - kd;
    // 2^(k/N) ~= scale * (1 + tail).
    let idx = 2 * (ki % 128) as usize;
    let top = ki << (52 - 7);
    let tail = f64::from_bits(TAB[idx]);
    // This is only a valid scale when -1023*N < k < 1024*N.
    let sbits = TAB[idx + 1].wrapping_add(top);
    // exp2(x) = 2^(k/N) * 2^r ~= scale + scale * (tail + 2^r - 1).
    let r2 = r * r;
    let tmp = tail + r * C[0] + r2 * (C[1] + r * C[2]) + r2 * r2 * (C[3] + r * C[4]);
    if abstop == 0 {
        return specialcase(tmp, sbits, ki);
    }
    let scale = f64::from_bits(sbits);
    scale + scale * tmp
}

/// Results that may overflow or underflow: scale*(1 + tmp) without intermediate rounding. The
/// exponent of scale (`sbits`) may have overflowed into the sign bit; `ki as i32 > 0` means the
/// result may overflow, `< 0` that it may underflow.
#[inline(never)]
fn specialcase(tmp: f64, sbits: u64, ki: u64) -> f64 {
    if ki & 0x8000_0000 == 0 {
        // k > 0, the exponent of scale might have overflowed by 1.
        let scale = f64::from_bits(sbits.wrapping_sub(1 << 52));
        return 2.0 * (scale + scale * tmp);
    }
    // k < 0, need special care in the subnormal range.
    let scale = f64::from_bits(sbits.wrapping_add(1022 << 52));
    let mut y = scale + scale * tmp;
    if y < 1.0 {
        // Round y to the right precision before scaling it into the subnormal range, avoiding
        // double rounding.
        let lo = scale - y + scale * tmp;
        let hi = 1.0 + y;
        let lo = 1.0 - hi + y + lo;
        y = (hi + lo) - 1.0;
        // Avoid -0.0 with downward rounding.
        if y == 0.0 {
            y = 0.0;
        }
    }
    TWO_M1022 * y
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::exp2;
    use crate::math::test_inputs::SplitMix64 as Rng;
    use crate::math::test_support::assert_unary;

    #[allow(clippy::disallowed_methods)]
    fn glibc(x: f64) -> f64 {
        std::hint::black_box(x).exp2()
    }

    fn check(what: &str, xs: impl Iterator<Item = f64>) {
        assert_unary("exp2", exp2, glibc, what, xs);
    }

    #[test]
    fn specials_and_edges() {
        let s = [
            0.0,
            1.0,
            0.5,
            5e-324,
            1e-300,
            2f64.powi(-54),
            512.0,
            928.0,
            1023.0,
            1024.0,
            1022.0,
            1074.0,
            1075.0,
            1076.0,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ];
        check("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
        let edges = [
            1024.0,
            -1022.0,
            -1074.0,
            -1075.0,
            928.0,
            -928.0,
            512.0,
            -512.0,
            2f64.powi(-54),
        ];
        check(
            "ulps around the thresholds",
            edges.into_iter().flat_map(|e: f64| {
                let b = e.to_bits();
                (0..50_000u64).flat_map(move |i| [b + i, b - i].map(f64::from_bits))
            }),
        );
        // Every integer and half-integer exponent (exact results).
        check(
            "integers and halves",
            (-2200..=2200).map(|i| i as f64 / 2.0),
        );
    }

    #[test]
    fn ranges() {
        let mut g = Rng(1);
        check("[-1, 1]", (0..1_000_000).map(|_| g.range(-1.0, 1.0)));
        let mut g = Rng(2);
        check(
            "[-1080, 1030]",
            (0..1_000_000).map(|_| g.range(-1080.0, 1030.0)),
        );
        let mut g = Rng(3);
        check(
            "subnormal results",
            (0..500_000).map(|_| g.range(-1076.0, -1020.0)),
        );
        let mut g = Rng(4);
        check(
            "random bits",
            (0..1_000_000).map(|_| f64::from_bits(g.next())),
        );
    }
}

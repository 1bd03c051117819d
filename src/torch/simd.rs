//! torch's float32 kernels four lanes at a time (WebAssembly SIMD128), the same bits as their
//! scalar twins: `uniform_real_distribution<float>` over a buffer of words, and `normal_fill_16`
//! with `avx_mathfun`'s `log256_ps` and `sincos256_ps`.
//!
//! Every operation is the scalar code's, lane by lane, in the same order. The fused multiply-adds
//! are [`fma_f32`](super::fma::fma_f32)'s: the exact product and the sum in `f64x2` halves,
//! rounded to float, with the lanes where that could differ from a single rounding flagged (any
//! double halfway between two floats; for the caller's mean and std, also sums in float's
//! subnormal range); fused operations whose product is exact in float are plain float operations
//! (the same single rounding). A block with a flagged lane, or with an input outside the ranges
//! those arguments need, is redone by the scalar code: about 1 block in 2,000 on the kernel's
//! inputs (tests/web/simd.rs compares the two).

use super::avx_mathfun::{COSCOF, FOPI, LOG_P, LOG_Q1, LOG_Q2, SINCOF, SQRTHF};
use super::avx_mathfun::{MINUS_DP1, MINUS_DP2, MINUS_DP3};
use super::fma::{F32_MIN_NORMAL, FLOAT_MIDPOINT, FLOAT_ROUNDING_BITS};
use core::arch::wasm32::*;

/// `(w & 0xffffff) * 2^-24` for each word (`words.len() == out.len()`).
pub(super) fn words_to_uniform_f32(words: &[u32], out: &mut [f32]) {
    let n = words.len().min(out.len());
    let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    while i + 4 <= n {
        // SAFETY: i + 4 <= n, the length of both slices.
        unsafe {
            let w = v128_and(
                v128_load(src.add(i) as *const v128),
                u32x4_splat(0x00ff_ffff),
            );
            let u = f32x4_mul(f32x4_convert_i32x4(w), f32x4_splat(1.0 / 16_777_216.0));
            v128_store(dst.add(i) as *mut v128, u);
        }
        i += 4;
    }
    for j in i..n {
        out[j] = (words[j] & 0x00ff_ffff) as f32 * (1.0 / 16_777_216.0);
    }
}

/// `normal_fill_16` of 16 uniforms into `out` (lane `j` pairs `data[j]` with `data[j + 8]`), or
/// `false` if a lane needs the scalar code (then `out` is not meaningful).
pub(super) fn normal_fill_16(data: &[f32; 16], out: &mut [f32; 16], mean: f32, std: f32) -> bool {
    let mut cx = Context::new();
    half(data, out, 0, mean, std, &mut cx);
    half(data, out, 4, mean, std, &mut cx);
    !v128_any_true(cx.flags)
}

/// Lanes `first..first + 4` and `first + 8..first + 12` of [`normal_fill_16`]. (Not inlined:
/// V8 keeps fewer values on the stack compiling the two halves as separate calls.)
#[inline(never)]
fn half(
    data: &[f32; 16],
    out: &mut [f32; 16],
    first: usize,
    mean: f32,
    std: f32,
    cx: &mut Context,
) {
    // SAFETY: first + 12 <= 16.
    unsafe {
        let u1 = f32x4_sub(
            f32x4_splat(1.0),
            v128_load(data.as_ptr().add(first) as *const v128),
        );
        let u2 = v128_load(data.as_ptr().add(first + 8) as *const v128);
        let radius = f32x4_sqrt(f32x4_mul(f32x4_splat(-2.0), log(u1, cx)));
        let theta = f32x4_mul(f32x4_splat(core::f32::consts::TAU), u2);
        let (sin, cos) = sincos(theta, cx);
        let (cos_part, sin_part) = (f32x4_mul(radius, cos), f32x4_mul(radius, sin));
        // `_mm256_fmadd_ps(x, std, mean)`: a plain sum when std is 1 (the product is exact).
        let (a, b) = if std == 1.0 {
            let mean = f32x4_splat(mean);
            (f32x4_add(cos_part, mean), f32x4_add(sin_part, mean))
        } else {
            let (mean, std) = (Wide::new(f32x4_splat(mean)), Wide::splat(std));
            (
                fma_any_range(Wide::new(cos_part), std, mean, cx),
                fma_any_range(Wide::new(sin_part), std, mean, cx),
            )
        };
        v128_store(out.as_mut_ptr().add(first) as *mut v128, a);
        v128_store(out.as_mut_ptr().add(first + 8) as *mut v128, b);
    }
}

/// What the kernel's helpers share: the flags of lanes the scalar code must redo (as masks; only
/// whether any bit is set matters), and an identity byte shuffle the compiler cannot see
/// through.
///
/// The shuffle works around a code-generation problem: LLVM merges `f32x4.demote_f64x2_zero`
/// with a following `f64x2.promote_low_f32x4` or lane shuffle into a conversion that it then
/// does one lane at a time (several times slower). Passing the demoted vector through
/// `i8x16.swizzle` with indices it does not know keeps the single vector instruction.
struct Context {
    flags: v128,
    identity: v128,
}

impl Context {
    fn new() -> Context {
        Context {
            flags: u64x2_splat(0),
            identity: core::hint::black_box(u8x16_splat(0)),
        }
    }

    /// Adds lanes to the flags.
    #[inline(always)]
    fn flag(&mut self, lanes: v128) {
        self.flags = v128_or(self.flags, lanes);
    }

    /// `f32x4.demote_f64x2_zero`, kept a single vector instruction.
    #[inline(always)]
    fn demote(&self, x: v128) -> v128 {
        u8x16_max(f32x4_demote_f64x2_zero(x), self.identity)
    }

    /// A double rounded to float and back.
    #[inline(always)]
    fn round_to_float(&self, x: v128) -> v128 {
        f64x2_promote_low_f32x4(self.demote(x))
    }
}

/// Four floats as two `f64x2` halves (each value exactly a float): the form the fused
/// multiply-adds work in, so that chains of them widen their operands once.
#[derive(Clone, Copy)]
struct Wide {
    lo: v128,
    hi: v128,
}

impl Wide {
    #[inline(always)]
    fn new(v: v128) -> Wide {
        Wide {
            lo: f64x2_promote_low_f32x4(v),
            hi: f64x2_promote_low_f32x4(i32x4_shuffle::<2, 3, 2, 3>(v, v)),
        }
    }

    #[inline(always)]
    fn splat(x: f32) -> Wide {
        let v = f64x2_splat(f64::from(x));
        Wide { lo: v, hi: v }
    }

    /// Back to four floats (exact: every value is a float).
    #[inline(always)]
    fn narrow(self, cx: &Context) -> v128 {
        i32x4_shuffle::<0, 1, 4, 5>(cx.demote(self.lo), cx.demote(self.hi))
    }

    /// The float product of each lane (exact in double, then rounded to float once).
    #[inline(always)]
    fn mul(self, other: Wide, cx: &Context) -> Wide {
        Wide {
            lo: cx.round_to_float(f64x2_mul(self.lo, other.lo)),
            hi: cx.round_to_float(f64x2_mul(self.hi, other.hi)),
        }
    }

    /// Each lane times a power of two (exact, as the kernel's products by 0.5 are).
    #[inline(always)]
    fn scale(self, power_of_two: f64) -> Wide {
        let k = f64x2_splat(power_of_two);
        Wide {
            lo: f64x2_mul(self.lo, k),
            hi: f64x2_mul(self.hi, k),
        }
    }
}

/// `fma_f32` of four lanes, for the kernel's own operations: the exact product plus `c` rounded
/// to double, then to float. Lanes where that can differ from a single rounding are flagged:
/// sums that are float midpoints (true ties among them too: rare enough to leave to the scalar
/// code). Sums in float's subnormal range, where the midpoints lie elsewhere, cannot occur
/// here: for the kernel's input ranges every sum is zero or far above 2^-126 (see [`log`] and
/// [`sincos`]).
#[inline(always)]
fn fma(a: Wide, b: Wide, c: Wide, cx: &mut Context) -> Wide {
    let s_lo = f64x2_add(f64x2_mul(a.lo, b.lo), c.lo);
    let s_hi = f64x2_add(f64x2_mul(a.hi, b.hi), c.hi);
    cx.flag(midpoints(s_lo, s_hi));
    Wide {
        lo: cx.round_to_float(s_lo),
        hi: cx.round_to_float(s_hi),
    }
}

/// [`fma`] narrowed to four floats: rounding each double to float once (the rounding `fma` would
/// do before narrowing changes nothing after it).
#[inline(always)]
fn fma_narrow(a: Wide, b: Wide, c: Wide, cx: &mut Context) -> v128 {
    let s_lo = f64x2_add(f64x2_mul(a.lo, b.lo), c.lo);
    let s_hi = f64x2_add(f64x2_mul(a.hi, b.hi), c.hi);
    cx.flag(midpoints(s_lo, s_hi));
    Wide { lo: s_lo, hi: s_hi }.narrow(cx)
}

/// [`fma_narrow`] for operands of any size (the caller's mean and standard deviation): sums
/// below 2^-126 in magnitude are flagged too, zeros excepted (an exact zero rounds right).
#[inline(always)]
fn fma_any_range(a: Wide, b: Wide, c: Wide, cx: &mut Context) -> v128 {
    let s_lo = f64x2_add(f64x2_mul(a.lo, b.lo), c.lo);
    let s_hi = f64x2_add(f64x2_mul(a.hi, b.hi), c.hi);
    cx.flag(midpoints(s_lo, s_hi));
    cx.flag(v128_or(tiny(s_lo), tiny(s_hi)));
    Wide { lo: s_lo, hi: s_hi }.narrow(cx)
}

/// The lanes of two pairs of doubles that are exactly halfway between two floats (normal
/// range): low 29 bits 1 and 28 zeros. Those bits are all in each double's low 32-bit word, so
/// the four low words are tested at once.
#[inline(always)]
fn midpoints(lo: v128, hi: v128) -> v128 {
    let low_words = i32x4_shuffle::<0, 2, 4, 6>(lo, hi);
    i32x4_eq(
        v128_and(low_words, u32x4_splat(FLOAT_ROUNDING_BITS as u32)),
        u32x4_splat(FLOAT_MIDPOINT as u32),
    )
}

/// Nonzero doubles below 2^-126 in magnitude.
#[inline(always)]
fn tiny(sum: v128) -> v128 {
    v128_and(
        f64x2_lt(f64x2_abs(sum), f64x2_splat(F32_MIN_NORMAL)),
        f64x2_ne(sum, f64x2_splat(0.0)),
    )
}

/// `log256_ps` of four lanes, as `avx_mathfun::log`. Lanes outside [2^-126, inf) (where the
/// scalar code cuts off denormals or returns NaN) are flagged.
///
/// Two of its fused operations are plain float operations here, because their products are
/// exact in float, which makes the fused result the rounded sum: `-z * 0.5` (z = x^2 >= 2^-48,
/// x being a nonzero multiple of 2^-24, or 0), and `e * LOG_Q2` (|e| <= 128, 8 bits; LOG_Q2
/// has 9). No fused sum comes near 2^-126: with |x| < 0.42 every partial polynomial stays at
/// least 0.05 from zero, and `(y*x)*z + e*LOG_Q1` adds multiples of 2^-100 (x is a multiple of
/// 2^-24, z of 2^-48, y*x of 2^-52), so it is 0 or at least 2^-100.
#[inline(always)]
fn log(x: v128, cx: &mut Context) -> v128 {
    let in_range = v128_and(
        f32x4_ge(x, f32x4_splat(f32::MIN_POSITIVE)),
        f32x4_lt(x, f32x4_splat(f32::INFINITY)),
    );
    cx.flag(v128_not(in_range));
    let exponent = i32x4_sub(u32x4_shr(x, 23), i32x4_splat(0x7f));
    let e = f32x4_add(f32x4_convert_i32x4(exponent), f32x4_splat(1.0));
    let m = v128_or(
        v128_and(x, u32x4_splat(!0x7f80_0000)),
        u32x4_splat(0x3f00_0000),
    );
    let below = f32x4_lt(m, f32x4_splat(SQRTHF));
    // e -= 1 and x = m - 1 + m where below; adding 0.0 elsewhere changes nothing.
    let e = f32x4_sub(e, v128_and(below, f32x4_splat(1.0)));
    let x = f32x4_add(f32x4_sub(m, f32x4_splat(1.0)), v128_and(below, m));
    let z = f32x4_mul(x, x);
    let (xw, zw) = (Wide::new(x), Wide::new(z));
    let p = |k: usize| Wide::splat(LOG_P[k]);
    let y = fma(p(0), xw, p(1), cx);
    let y = fma(y, xw, p(2), cx);
    let y = fma(y, xw, p(3), cx);
    let y = fma(y, xw, p(4), cx);
    let y = fma(y, xw, p(5), cx);
    let y = fma(y, xw, p(6), cx);
    let y = fma(y, xw, p(7), cx);
    let y = fma(y, xw, p(8), cx);
    let eq1 = Wide::new(f32x4_mul(e, f32x4_splat(LOG_Q1)));
    let y = fma_narrow(y.mul(xw, cx), zw, eq1, cx);
    let y = f32x4_add(f32x4_mul(f32x4_neg(z), f32x4_splat(0.5)), y);
    f32x4_add(f32x4_mul(e, f32x4_splat(LOG_Q2)), f32x4_add(x, y))
}

/// `sincos256_ps` of four lanes, as `avx_mathfun::sincos`: `(sin, cos)`. Lanes with |x| >= 4096
/// (far beyond the kernel's [0, 2 pi)) or NaN are flagged.
///
/// Below 4096, `j` has at most 13 bits, so `j * MINUS_DP1` (8 bits) and `j * MINUS_DP2` (11
/// bits) are exact in float and those two fused steps are plain float operations; so is
/// `-(z * 0.5)`. No fused sum comes near 2^-126: with j = 0 the reduction adds 0 (exact), else
/// its sum is a multiple of 2^-48 (theta >= pi/4 is a multiple of 2^-24); the reduced x is
/// thus 0 or at least 2^-48, and the polynomial sums are dominated by constants of at least
/// 2e-4, by -z/2 or by x.
#[inline(always)]
fn sincos(x_in: v128, cx: &mut Context) -> (v128, v128) {
    const SIGN: u32 = 0x8000_0000;
    cx.flag(v128_not(f32x4_lt(f32x4_abs(x_in), f32x4_splat(4096.0))));
    let sign_in = v128_and(x_in, u32x4_splat(SIGN));
    let x = f32x4_abs(x_in);
    // (int)(x * FOPI): below 2^23, the truncated float plus 2^23 holds the integer in its low
    // mantissa bits (cheaper than the saturating conversion, which handles NaN and overflow).
    let truncated = f32x4_trunc(f32x4_mul(x, f32x4_splat(FOPI)));
    let j = i32x4_sub(
        f32x4_add(truncated, f32x4_splat(8_388_608.0)),
        f32x4_splat(8_388_608.0),
    );
    let j = v128_and(i32x4_add(j, i32x4_splat(1)), i32x4_splat(!1));
    let y = f32x4_convert_i32x4(j);
    let swap_sign_sin = i32x4_shl(v128_and(j, i32x4_splat(4)), 29);
    let poly_mask = i32x4_eq(v128_and(j, i32x4_splat(2)), i32x4_splat(0));
    let x = f32x4_add(f32x4_mul(y, f32x4_splat(MINUS_DP1)), x);
    let x = f32x4_add(f32x4_mul(y, f32x4_splat(MINUS_DP2)), x);
    let xw = fma(Wide::new(y), Wide::splat(MINUS_DP3), Wide::new(x), cx);
    let x = xw.narrow(cx);
    let sign_cos = i32x4_shl(
        v128_and(v128_not(i32x4_sub(j, i32x4_splat(2))), i32x4_splat(4)),
        29,
    );
    let sign_sin = v128_xor(sign_in, swap_sign_sin);

    let z = f32x4_mul(x, x);
    let zw = Wide::new(z);
    let yc = fma(Wide::splat(COSCOF[0]), zw, Wide::splat(COSCOF[1]), cx);
    let yc = fma(yc, zw, Wide::splat(COSCOF[2]), cx);
    let yc = fma_narrow(yc.mul(zw, cx), zw, zw.scale(-0.5), cx);
    let yc = f32x4_add(yc, f32x4_splat(1.0));
    let ys = fma(Wide::splat(SINCOF[0]), zw, Wide::splat(SINCOF[1]), cx);
    let ys = fma(ys, zw, Wide::splat(SINCOF[2]), cx);
    let ys = fma_narrow(ys.mul(zw, cx), xw, xw, cx);

    // The selected polynomial plus the unselected one's +0.0 (as the kernel adds the halves).
    let sin_abs = f32x4_add(v128_bitselect(ys, yc, poly_mask), f32x4_splat(0.0));
    let cos_abs = f32x4_add(v128_bitselect(yc, ys, poly_mask), f32x4_splat(0.0));
    (v128_xor(sin_abs, sign_sin), v128_xor(cos_abs, sign_cos))
}

//! Natural logarithm, bit-identical to glibc's x86-64 `__log_fma` (glibc >= 2.29).
//!
//! glibc's `log` since 2.29 is Szabolcs Nagy's implementation from Arm Optimized Routines
//! (`math/log.c`, MIT OR Apache-2.0 WITH LLVM-exception); this is a port of that C, configured as
//! glibc builds it (`LOG_TABLE_BITS` 7, `LOG_POLY_ORDER` 6, `LOG_POLY1_ORDER` 12, fma available).
//!
//! On an x86-64 CPU with FMA and AVX2, glibc runs a copy of that C compiled with `-mfma -mavx2`,
//! and GCC (default `-ffp-contract=fast`) fuses more than the source's explicit `fma`. The fused
//! operations below were read off the machine code of `__log_fma` in glibc 2.36 (Debian 12): every
//! `vfmadd`/`vfnmadd` is listed at the place it occurs, as `fma(a, b, c) = RN(a*b + c)`. Plain
//! Rust never contracts, so each one is computed here explicitly, without a general-purpose fma
//! (`f64::mul_add` is a slow software routine on wasm32); see [`eft`] for the exact replacements
//! and the reasoning that they round exactly like the hardware fma.

#[path = "log_data.rs"]
mod data;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[path = "log_simd.rs"]
pub(super) mod simd;

use data::{A, B, LN2HI, LN2LO, TAB};
use eft::{add3, fma, fma_fast, split, two_prod_short};

/// `asuint64(0x1.6p-1)`: the reduced argument z lies in [OFF, 2*OFF).
const OFF: u64 = 0x3fe6_0000_0000_0000;
/// `asuint64(1.0 - 0x1p-4)` and `asuint64(1.0 + 0x1.09p-4)`: bounds of the near-1 path.
const LO: u64 = 0x3fee_0000_0000_0000;
const HI: u64 = 0x3ff1_0900_0000_0000;
/// 2^52 and 2^27.
const TWO52: f64 = 4503599627370496.0;
const TWO27: f64 = 134217728.0;

/// Veltkamp halves of each `TAB[i].0` (invc), so that `z * invc` splits exactly at run time
/// with only `z` to split. Evaluated at compile time (IEEE arithmetic, as at run time).
const INVC_SPLIT: [(f64, f64); 128] = {
    let mut t = [(0.0, 0.0); 128];
    let mut i = 0;
    while i < 128 {
        t[i] = split(TAB[i].0);
        i += 1;
    }
    t
};

/// `log(x)`.
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn log(x: f64) -> f64 {
    let mut ix = x.to_bits();
    let top = (ix >> 48) as u32;

    if ix.wrapping_sub(LO) < HI - LO {
        // Close to 1.0 (|x - 1| < ~0.06): separate polynomial, no table.
        if ix == 1.0f64.to_bits() {
            return 0.0;
        }
        return log_near1(x);
    }
    if top.wrapping_sub(0x0010) >= 0x7ff0 - 0x0010 {
        // x < 0x1p-1022 or inf or nan.
        if ix << 1 == 0 {
            return f64::NEG_INFINITY; // __math_divzero(1)
        }
        if ix == f64::INFINITY.to_bits() {
            return x;
        }
        if (top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0 {
            return f64::NAN; // __math_invalid(x): negative or nan
        }
        // Subnormal: normalize it.
        ix = (x * TWO52).to_bits().wrapping_sub(52 << 52);
    }

    let reduced = Reduced::new(ix);
    let (y, certain) = reduced.fast();
    if certain {
        y
    } else {
        reduced.exact()
    }
}

/// The main path's argument reduction: everything that is the same in [`Reduced::fast`] and
/// [`Reduced::exact`].
#[derive(Clone, Copy)]
pub(super) struct Reduced {
    /// `fma(z, invc, -1.0)`.
    r: f64,
    /// `k` as a double.
    kd: f64,
    /// `k*Ln2hi + log(c)`.
    w: f64,
    /// `w + r`.
    hi: f64,
}

impl Reduced {
    /// The reduction of a positive normal `x` (as bits) outside the near-1 range.
    #[inline(always)]
    pub(super) fn new(ix: u64) -> Reduced {
        // x = 2^k z, z in [OFF, 2*OFF) exact; the range is split into 128 subintervals, c near
        // the center of the one holding z; log(x) = log1p(z/c - 1) + log(c) + k*ln2.
        let tmp = ix.wrapping_sub(OFF);
        let i = ((tmp >> (52 - 7)) % 128) as usize;
        let k = (tmp as i64) >> 52;
        let iz = ix.wrapping_sub(tmp & (0xfff << 52));
        let (invc, logc) = TAB[i];
        let z = f64::from_bits(iz);

        // r = fma(z, invc, -1.0) (explicit in the C). z*invc = p + e exactly (Dekker); p lies in
        // [0.99, 1.01], so p - 1 is exact (Sterbenz) and (p - 1) + e rounds the exact z*invc - 1
        // once.
        let (ih, il) = INVC_SPLIT[i];
        let (zh, zl) = split(z);
        let p = z * invc;
        let e = ((zh * ih - p) + zh * il + zl * ih) + zl * il;
        let r = (p - 1.0) + e;
        let kd = k as f64;

        // hi + lo = r + log(c) + k*Ln2.
        // w = fma(kd, Ln2hi, logc): kd has <= 11 significant bits and Ln2hi 42, so kd*Ln2hi is
        // exact and the plain sum rounds the same value once.
        let w = kd * LN2HI + logc;
        let hi = w + r;
        Reduced { r, kd, w, hi }
    }

    /// glibc's result, every fused operation reproduced exactly: the reference.
    #[inline(never)]
    pub(super) fn exact(&self) -> f64 {
        self.exact_y() + self.hi
    }

    /// The small part `y` of [`exact`](Self::exact), before `hi` is added.
    #[inline(always)]
    fn exact_y(&self) -> f64 {
        let Reduced { r, kd, w, hi } = *self;
        // lo = fma(kd, Ln2lo, (w - hi) + r); kd*Ln2lo split exactly (kd has <= 27 bits).
        let (p1, p2) = two_prod_short(kd, LN2LO);
        let lo = add3((w - hi) + r, p1, p2);

        // log(x) = lo + (log1p(r) - r) + hi, with
        // y = lo + r2*A[0] + r*r2*(A[1] + r*A[2] + r2*(A[3] + r*A[4])) + hi.
        let r2 = r * r;
        let r3 = r * r2;
        let t5 = fma_fast(r, A[2], A[1]);
        let t4 = fma_fast(r, A[4], A[3]);
        // t6 = fma(r2, A[0], lo): A[0] = -(2^-1 + 2^-53), so r2*A[0] = (-r2/2) + (-r2*2^-53)
        // exactly, two exact doubles (r2 is 0 or > 2^-213, no underflow) whose sum add3 rounds
        // once.
        let t6 = add3(lo, r2 * -0.5, r2 * -TWO_M53);
        let t7 = fma_fast(t4, r2, t5);
        fma_fast(r3, t7, t6)
    }

    /// glibc's result when it can be certified cheaply, and whether it was.
    ///
    /// The fused operations after `r` are computed unfused (two roundings each). That moves the
    /// small part `y` (|y| < 2^-16) by less than [`FAST_ERROR`] from glibc's `y`: with |r| <
    /// 2^-8, `t5`, `t4` and `t7` can each differ by about one ulp of 1/4 (2^-53 after
    /// propagation), which reaches `y` multiplied by r^3 < 2^-24, and `t6` and `y` themselves
    /// by one ulp of 2^-16 each, 2.6 * 2^-69 in all. glibc rounds `y + hi` once; so if the exact
    /// `y + hi` computed here lies more than `FAST_ERROR` from every rounding midpoint, glibc's
    /// sum rounds to the same double. Fast2Sum (|hi| > 0.06 > |y|) gives the distance; a power
    /// of two (whose lower midpoint is nearer) is never certified. About 1 input in 1,000 is
    /// left to [`exact`](Self::exact).
    #[inline(always)]
    pub(super) fn fast(&self) -> (f64, bool) {
        // |sum| > 0.06: no underflow in `certify`.
        certify(self.fast_y(), self.hi, FAST_ERROR)
    }
}

impl Reduced {
    /// [`fast`](Self::fast)'s small part: the polynomial with every fused operation unfused.
    #[inline(always)]
    fn fast_y(&self) -> f64 {
        let Reduced { r, kd, w, hi } = *self;
        let lo = ((w - hi) + r) + kd * LN2LO;
        let r2 = r * r;
        let r3 = r * r2;
        let t5 = r * A[2] + A[1];
        let t4 = r * A[4] + A[3];
        let t6 = lo + r2 * A[0];
        let t7 = t4 * r2 + t5;
        r3 * t7 + t6
    }
}

/// A bound on how far [`Reduced::fast`]'s `y` can be from glibc's: 2^-65, four times the
/// analysis (the native tests measure the largest difference).
pub(super) const FAST_ERROR: f64 = 2.710505431213761e-20;
const EXPONENT_MASK: u64 = 0x7ff0_0000_0000_0000;
const MANTISSA_MASK: u64 = 0x000f_ffff_ffff_ffff;

/// 2^-53.
const TWO_M53: f64 = 1.1102230246251565e-16;

/// The |x - 1| < ~0.06 path (`LOG_POLY1_ORDER` 12 with 128-entry tables: rhi/rlo variant):
/// certified fast path, else the exact reproduction.
#[inline(never)]
fn log_near1(x: f64) -> f64 {
    let near1 = Near1::new(x);
    let (y, certain) = near1.fast();
    if certain {
        y
    } else {
        near1.exact()
    }
}

/// The near-1 path's values that are the same in [`Near1::fast`] and [`Near1::exact`].
#[derive(Clone, Copy)]
pub(super) struct Near1 {
    r: f64,
    r2: f64,
    r3: f64,
    rhi: f64,
    rlo: f64,
    hi: f64,
    /// `lo` before its fused update.
    lo: f64,
}

impl Near1 {
    #[inline(always)]
    pub(super) fn new(x: f64) -> Near1 {
        let r = x - 1.0;
        let r2 = r * r;
        let r3 = r * r2;
        // w = r*2^27; rhi = r + w - w: GCC emits fma(r, 2^27, r) and fnmadd(r, 2^27, .), whose
        // products are exact (power of two), so the plain operations round the same.
        let w = r * TWO27;
        let rhi = r + w - w;
        let rlo = r - rhi;
        // w = rhi*rhi*B[0]; hi = r + w; lo = r - hi + w: GCC computes rhi*rhi, then fuses the
        // multiplication by B[0] = -0.5 into both additions. That product is exact, so plain
        // again.
        let w = rhi * rhi * B[0];
        let hi = r + w;
        let lo = r - hi + w;
        Near1 {
            r,
            r2,
            r3,
            rhi,
            rlo,
            hi,
            lo,
        }
    }

    /// glibc's result, every fused operation reproduced exactly: the reference.
    #[inline(never)]
    pub(super) fn exact(&self) -> f64 {
        self.exact_y() + self.hi
    }

    /// The small part `y` of [`exact`](Self::exact).
    #[inline(always)]
    fn exact_y(&self) -> f64 {
        let Near1 {
            r,
            r2,
            r3,
            rhi,
            rlo,
            lo,
            ..
        } = *self;
        // y = r3 * (B[1] + r*B[2] + r2*B[3]
        //           + r3*(B[4] + r*B[5] + r2*B[6] + r3*(B[7] + r*B[8] + r2*B[9] + r3*B[10]))),
        // each `+ u*v` fused by GCC.
        let a1 = fma_fast(r, B[2], B[1]);
        let a2 = fma_fast(r, B[5], B[4]);
        let a3 = fma_fast(r, B[8], B[7]);
        let a1 = fma_fast(r2, B[3], a1);
        let a2 = fma_fast(r2, B[6], a2);
        let a3 = fma_fast(r2, B[9], a3);
        let a3 = fma_fast(r3, B[10], a3);
        let a2 = fma_fast(a3, r3, a2);
        let a1 = fma_fast(a2, r3, a1);
        // lo += B[0]*rlo*(rhi + r): fma(B[0]*rlo, rhi + r, lo). B[0]*rlo is exact with <= 27
        // significant bits (|rlo| <= 2^27 ulp(r), a multiple of ulp(r)), so the product splits
        // exactly.
        let (p1, p2) = two_prod_short(B[0] * rlo, rhi + r);
        let lo = add3(lo, p1, p2);
        // y += lo: fma(r3, a1, lo). The product dominates here: general exact fma.
        fma(r3, a1, lo)
    }

    /// [`exact`](Self::exact)'s polynomial with every fused operation unfused.
    #[inline(always)]
    pub(super) fn fast_y(&self) -> f64 {
        let Near1 {
            r,
            r2,
            r3,
            rhi,
            rlo,
            lo,
            ..
        } = *self;
        let a1 = r * B[2] + B[1];
        let a2 = r * B[5] + B[4];
        let a3 = r * B[8] + B[7];
        let a1 = r2 * B[3] + a1;
        let a2 = r2 * B[6] + a2;
        let a3 = r2 * B[9] + a3;
        let a3 = r3 * B[10] + a3;
        let a2 = a3 * r3 + a2;
        let a1 = a2 * r3 + a1;
        let lo = (B[0] * rlo) * (rhi + r) + lo;
        r3 * a1 + lo
    }

    /// glibc's result when it can be certified cheaply, and whether it was: as
    /// [`Reduced::fast`], with an error bound that scales with r. Unfusing moves the polynomial
    /// `a1` (about 1/3) by a few ulps, which reaches `y` times |r^3|, and the roundings of
    /// `r3*a1`, `y` and the `lo` update add a little more; the native tests measure the largest
    /// difference at under a sixth of the bound ([`NEAR1_ERROR_R3`], [`NEAR1_ERROR_R`]). About 2 %
    /// of inputs (more towards |r| = 0.06) are left to [`exact`](Self::exact).
    #[inline(always)]
    pub(super) fn fast(&self) -> (f64, bool) {
        let y = self.fast_y();
        let bound = NEAR1_ERROR_R3 * self.r3.abs() + NEAR1_ERROR_R * self.r.abs();
        certify(y, self.hi, bound)
    }
}

/// Error bound of [`Near1::fast`]'s `y`: `NEAR1_ERROR_R3 * |r^3| + NEAR1_ERROR_R * |r|`
/// (2^-50 and 2^-82).
pub(super) const NEAR1_ERROR_R3: f64 = 8.881784197001252e-16;
pub(super) const NEAR1_ERROR_R: f64 = 2.0679515313825692e-25;

/// `y + hi` rounded, and whether it is certainly the rounding of `y0 + hi` for every `y0`
/// within `bound` of `y`: true when the exact `y + hi` lies more than `bound` inside the
/// rounding interval of the sum (found by Fast2Sum, |hi| > |y|), and the sum is not a power of
/// two (whose lower midpoint is nearer). Needs |sum| >= 2^-969 (no underflow of the half ulp).
#[inline(always)]
fn certify(y: f64, hi: f64, bound: f64) -> (f64, bool) {
    let sum = y + hi;
    let err = y - (sum - hi);
    let bits = sum.to_bits();
    // Half an ulp of `sum`: 2^(exponent - 53).
    let half_ulp = f64::from_bits((bits & EXPONENT_MASK) - (53 << 52));
    let certain = (bits & MANTISSA_MASK != 0) & (err.abs() + bound < half_ulp);
    (sum, certain)
}

/// Error-free transformations, and from them exact replacements for the fused multiply-adds of
/// glibc's FMA builds: each function returns exactly `RN(a*b + c)` (round to nearest even) under
/// its stated conditions, using only `+ - *` in round-to-nearest, which wasm32 and every Rust
/// target implement exactly. Shared with `exp`.
///
/// Notation: RN = round to nearest even; ulp(x) = 2^(E-52) for x in [2^E, 2^(E+1)).
pub(crate) mod eft {
    /// Veltkamp split: `a = hi + lo` exactly, each half with at most 26 significant bits
    /// (`lo` may be negative). Needs |a| < 2^996.
    #[inline(always)]
    pub(crate) const fn split(a: f64) -> (f64, f64) {
        let c = 134217729.0 * a; // 2^27 + 1
        let hi = c - (c - a);
        (hi, a - hi)
    }

    /// Dekker's product: `a*b = p + e` exactly, `p = RN(a*b)`. Needs no overflow and
    /// |a*b| >= 2^-969 (or a zero product), so that the partial products do not underflow.
    #[inline(always)]
    pub(crate) fn two_prod(a: f64, b: f64) -> (f64, f64) {
        let p = a * b;
        let (ah, al) = split(a);
        let (bh, bl) = split(b);
        (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    /// `a*b = p + e` exactly when `a` has at most 27 significant bits: with `b = bh + bl` (26
    /// bits each), `a*bh` and `a*bl` are exact; `a*bh` is within a factor 1 +- 2^-25 of `p`, so
    /// `a*bh - p` is exact (Sterbenz), and adding `a*bl` gives `a*b - p`, which is representable
    /// (no underflow), so it is computed exactly. With a constant `b` the split folds away.
    #[inline(always)]
    pub(crate) fn two_prod_short(a: f64, b: f64) -> (f64, f64) {
        let p = a * b;
        let (bh, bl) = split(b);
        (p, (a * bh - p) + a * bl)
    }

    /// Knuth's TwoSum: `a + b = s + e` exactly, `s = RN(a + b)` (no overflow).
    #[inline(always)]
    pub(crate) fn two_sum(a: f64, b: f64) -> (f64, f64) {
        let s = a + b;
        let bb = s - a;
        (s, (a - (s - bb)) + (b - bb))
    }

    /// `RN(c + h + l)` with a single rounding, for |l| <= 2^-50 |h| (or l = 0).
    ///
    /// Boldo and Melquiond's rounding-to-odd scheme (IEEE TC 57(4), 2008), argued here directly:
    /// `(th, tl) = TwoSum(c, h)`, `v = RO(tl + l)` (round to odd, emulated from TwoSum's exact
    /// error), result `RN(th + v)`.
    /// * If `tl = 0` (c + h exact), v = l exactly and `th + l` rounds the exact sum once.
    /// * Else c + h was inexact, which excludes Sterbenz cancellation, so |th| >= |h|/2, and
    ///   |tl + l| <= (2^-53 + 2^-49)|th|: v's grid u = ulp(v) is below 2^-100 |th|, far finer
    ///   than the rounding midpoints around th (multiples of ulp(th)/4 even at a binade edge,
    ///   hence even multiples of u). If tl + l is not on the grid, it and its odd rounding v lie
    ///   in the same open interval between two consecutive even multiples of u, so th + (tl + l)
    ///   and th + v lie between the same two midpoints and round alike; v is never a midpoint.
    #[inline(always)]
    pub(crate) fn add3(c: f64, h: f64, l: f64) -> f64 {
        let (th, tl) = two_sum(c, h);
        let (v, ve) = two_sum(tl, l);
        th + round_odd(v, ve)
    }

    /// Round to odd of the exact `v + ve` (`v = RN(v + ve)`, `ve` its exact error): if inexact
    /// and `v`'s last bit is even, step one ulp towards `ve` (v != 0 whenever ve != 0).
    #[inline(always)]
    fn round_odd(v: f64, ve: f64) -> f64 {
        // Branch-free (the condition is a coin flip): add 0, +1 or -1 to the bits.
        let b = v.to_bits();
        let step = ((ve != 0.0) & (b & 1 == 0)) as u64;
        let down = (ve.to_bits() ^ b) >> 63; // 1 if ve's sign differs from v's: towards zero
        f64::from_bits(b.wrapping_add(step.wrapping_mul(1u64.wrapping_sub(down << 1))))
    }

    /// `fma(a, b, c) = RN(a*b + c)` in general: Dekker's exact product, then [`add3`].
    /// Conditions: those of [`two_prod`].
    #[inline(never)]
    pub(crate) fn fma(a: f64, b: f64, c: f64) -> f64 {
        let (p, e) = two_prod(a, b);
        add3(c, p, e)
    }

    /// `fma(a, b, c)` tuned for `|a*b|` much smaller than `|c|` (polynomial steps). Exact for all
    /// inputs meeting [`two_prod`]'s conditions; falls back to [`fma`] when |s| < 8|p|.
    ///
    /// Fast path, p = RN(a*b), pl = a*b - p (|pl| <= ulp(p)/2), s = RN(c + p), |s| >= 8|p|:
    /// * then |c| >= 6|p|, so e = (c - s) + p is the exact error of s (Fast2Sum);
    /// * c and p are multiples of ulp(p); the midpoints between s and its neighbours are
    ///   multiples of ulp(s)/4 >= 2 ulp(p) (E(s) >= E(p) + 3). So the exact c + p is either a
    ///   midpoint or at least ulp(p) > |pl| away from every midpoint: in the latter case
    ///   c + p + pl rounds like c + p, to s;
    /// * c + p is a midpoint iff e != 0 and RN(s + 2e) - s == 2e: at a midpoint, s + 2e is the
    ///   neighbour itself; for |e| below half the spacing, RN(s + 2e) is s or a neighbour, so
    ///   RN(s + 2e) - s (exact) is 0 or the full spacing, never 2e. At a midpoint the addition
    ///   broke the tie to even, while the fma rounds towards the sign of pl: to s + 2e if pl has
    ///   e's sign, else to s (pl = 0: the same tie, s). Finding pl's sign takes Dekker's product;
    ///   at a midpoint |p| >= ulp(s)/4, so its range condition reduces to |s| >= 2^-913.
    #[inline(always)]
    pub(crate) fn fma_fast(a: f64, b: f64, c: f64) -> f64 {
        let p = a * b;
        let s = c + p;
        let e = (c - s) + p;
        let d = e + e;
        // One well-predicted branch: `&`/`|` instead of `&&`/`||` (e == 0 is data-dependent).
        if (s.abs() >= 8.0 * p.abs()) & ((e == 0.0) | ((s + d) - s != d)) {
            s
        } else {
            fma_slow(a, b, c, s, d)
        }
    }

    /// The rare cases of [`fma_fast`]: outside its fast range (|s| < 8|p|), the general
    /// [`fma`]; else the midpoint case, where `s + d/2` is the exact `c + RN(a*b)` and the sign
    /// of the product's rounding error decides.
    #[cold]
    #[inline(never)]
    fn fma_slow(a: f64, b: f64, c: f64, s: f64, d: f64) -> f64 {
        if s.abs() < 8.0 * (a * b).abs() {
            return fma(a, b, c);
        }
        let (_, pl) = two_prod(a, b);
        if pl != 0.0 && (pl > 0.0) == (d > 0.0) {
            s + d
        } else {
            s
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::eft;
    use super::log;

    use crate::math::test_inputs::SplitMix64 as Rng;

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    /// Compares with the platform's `ln` (glibc's `__log_fma` on x86-64 Linux with FMA).
    #[allow(clippy::disallowed_methods)]
    fn check(xs: impl Iterator<Item = f64>) -> (usize, usize) {
        let (mut n, mut bad) = (0, 0);
        for x in xs {
            n += 1;
            let (want, got) = (x.ln(), log(x));
            if !same(want, got) {
                if bad < 10 {
                    eprintln!(
                        "log({x:e} = {:#x}): glibc {want:e}, port {got:e}",
                        x.to_bits()
                    );
                }
                bad += 1;
            }
        }
        (n, bad)
    }

    fn assert_all(what: &str, xs: impl Iterator<Item = f64>) {
        let (n, bad) = check(xs);
        println!("log {what}: {} of {n} bit-identical", n - bad);
        assert_eq!(bad, 0, "log {what}: {bad} of {n} differ");
    }

    #[test]
    fn specials() {
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert_eq!(log(-0.0), f64::NEG_INFINITY);
        assert_eq!(log(f64::INFINITY), f64::INFINITY);
        assert!(log(-1.0).is_nan() && log(f64::NEG_INFINITY).is_nan() && log(f64::NAN).is_nan());
        assert!(log(-f64::MIN_POSITIVE).is_nan());
        assert_eq!(log(1.0).to_bits(), 0);
        let s = [
            0.0,
            -0.0,
            1.0,
            2.0,
            0.5,
            f64::MIN_POSITIVE,
            f64::MAX,
            5e-324,
            f64::EPSILON,
        ];
        assert_all("specials", s.into_iter().chain(s.into_iter().map(|x| -x)));
    }

    #[test]
    fn table_consts() {
        // Spot checks of the copied data against the C text (hex floats).
        assert_eq!(super::TAB[0].0, 1.4504249240398293); // 0x1.734f0c3e0de9fp+0
        assert_eq!(super::TAB[127].1, 0.31560871301871884); // 0x1.432eee32fe000p-2
        assert_eq!(super::B[0], -0.5);
        // kd*Ln2hi exact for every reachable k (the fusion of w needs it).
        for k in -1080..=1030 {
            let kd = k as f64;
            let p = kd * super::LN2HI;
            assert_eq!(kd.mul_add(super::LN2HI, -p), 0.0);
        }
    }

    #[test]
    fn random_bits() {
        let mut g = Rng(1);
        assert_all(
            "random bits",
            (0..1_000_000).map(|_| f64::from_bits(g.next())),
        );
    }

    /// The certified fast path: its `y` stays within a quarter of `FAST_ERROR` of the exact
    /// one (the analysis says 2.6 * 2^-69), it certifies nearly every input, and what it
    /// certifies is the exact result (which `assert_all` compares with glibc elsewhere).
    #[test]
    fn fast_path_error_bound_and_rate() {
        let mut g = Rng(7);
        let (mut n, mut certified, mut max_diff) = (0u32, 0u32, 0f64);
        for i in 0..4_000_000u32 {
            let x = match i % 3 {
                0 => f64::from_bits(g.next() >> 1),
                1 => g.unit(),
                _ => 1.0 + g.unit() * 100.0,
            };
            let ix = x.to_bits();
            let normal = (ix >> 52) != 0 && (ix >> 52) < 0x7ff;
            if !normal || ix.wrapping_sub(super::LO) < super::HI - super::LO {
                continue;
            }
            let reduced = super::Reduced::new(ix);
            max_diff = max_diff.max((reduced.fast_y() - reduced.exact_y()).abs());
            let (y, certain) = reduced.fast();
            n += 1;
            if certain {
                certified += 1;
                assert_eq!(y.to_bits(), reduced.exact().to_bits(), "log({x:e})");
            }
        }
        println!(
            "log fast path: {certified} of {n} certified; largest |y - exact y| = 2^{:.2}",
            crate::math::log2(max_diff)
        );
        assert!(max_diff < super::FAST_ERROR / 4.0, "{max_diff:e}");
        assert!(f64::from(certified) > 0.995 * f64::from(n));
    }

    /// The near-1 path's certified fast path, as above: its error stays within a quarter of
    /// its bound (`NEAR1_ERROR_R3 * |r^3| + NEAR1_ERROR_R * |r|`), and what it certifies is exact.
    #[test]
    fn near1_fast_path_error_bound_and_rate() {
        let mut g = Rng(8);
        let (mut n, mut certified) = (0u32, 0u32);
        let (mut worst_r3, mut worst_r, mut worst_share) = (0f64, 0f64, 0f64);
        for i in 0..3_000_000u32 {
            let scale = if i % 2 == 0 {
                0.13
            } else {
                2f64.powi(-((g.next() % 60) as i32))
            };
            let x = 1.0 + (g.unit() - 0.5) * scale;
            if x == 1.0 || x.to_bits().wrapping_sub(super::LO) >= super::HI - super::LO {
                continue;
            }
            let near1 = super::Near1::new(x);
            let diff = (near1.fast_y() - near1.exact_y()).abs();
            let bound =
                super::NEAR1_ERROR_R3 * near1.r3.abs() + super::NEAR1_ERROR_R * near1.r.abs();
            worst_r3 = worst_r3.max(diff / near1.r3.abs());
            worst_r = worst_r.max(diff / near1.r.abs());
            worst_share = worst_share.max(diff / bound);
            let (y, certain) = near1.fast();
            n += 1;
            if certain {
                certified += 1;
                assert_eq!(y.to_bits(), near1.exact().to_bits(), "log({x:e})");
            }
        }
        println!(
            "log near-1 fast path: {certified} of {n} certified; |y - exact y| <= 2^{:.2} |r^3|, \
             <= 2^{:.2} |r|, <= {worst_share:.4} of the bound",
            crate::math::log2(worst_r3),
            crate::math::log2(worst_r)
        );
        assert!(worst_share < 0.25, "{worst_share}");
        assert!(f64::from(certified) > 0.95 * f64::from(n));
    }

    #[test]
    fn unit_interval() {
        let mut g = Rng(2);
        assert_all("(0,1]", (0..2_000_000).map(|_| 1.0 - g.unit()));
    }

    #[test]
    fn near_one() {
        let mut g = Rng(3);
        assert_all(
            "near 1",
            (0..2_000_000).map(|_| 1.0 + (g.unit() - 0.5) * 0.13),
        );
        let mut g = Rng(4);
        assert_all(
            "very near 1",
            (0..500_000).map(|_| 1.0 + (g.unit() - 0.5) * 2f64.powi(-((g.next() % 50) as i32))),
        );
        let one = 1.0f64.to_bits();
        assert_all(
            "ulps around 1 and the path bounds",
            (0..20_000u64).flat_map(|i| {
                [
                    one + i,
                    one - i,
                    super::LO + i,
                    super::LO - i,
                    super::HI + i,
                    super::HI - i,
                ]
                .map(f64::from_bits)
            }),
        );
    }

    #[test]
    fn subnormals_and_wide() {
        let mut g = Rng(5);
        assert_all(
            "subnormals",
            (0..300_000).map(|_| f64::from_bits(g.next() >> (12 + g.next() % 52))),
        );
        let mut g = Rng(6);
        assert_all(
            "positive finite",
            (0..1_000_000).map(|_| f64::from_bits(g.next() % 0x7ff0_0000_0000_0000)),
        );
    }

    /// Heavy: `cargo test --release -- --ignored`.
    #[test]
    #[ignore]
    fn many() {
        let mut g = Rng(7);
        assert_all("100M (0,1]", (0..100_000_000).map(|_| 1.0 - g.unit()));
        let mut g = Rng(8);
        assert_all(
            "50M near 1",
            (0..50_000_000).map(|_| 1.0 + (g.unit() - 0.5) * 0.13),
        );
        let mut g = Rng(9);
        assert_all(
            "50M positive",
            (0..50_000_000).map(|_| f64::from_bits(g.next() % 0x7ff0_0000_0000_0000)),
        );
    }

    // ----- the exact fma replacements against the hardware/libm fma -----

    fn check_fma(
        name: &str,
        f: fn(f64, f64, f64) -> f64,
        abc: impl Iterator<Item = (f64, f64, f64)>,
    ) {
        let (mut n, mut bad) = (0, 0);
        for (a, b, c) in abc {
            n += 1;
            let (want, got) = (a.mul_add(b, c), f(a, b, c));
            if !same(want, got) {
                if bad < 10 {
                    eprintln!("{name}({a:e}, {b:e}, {c:e}): fma {want:e}, got {got:e}");
                }
                bad += 1;
            }
        }
        assert_eq!(bad, 0, "{name}: {bad} of {n} differ");
    }

    /// A double with random 53-bit mantissa and the given binary exponent, random sign.
    fn rand_f(g: &mut Rng, e: i32) -> f64 {
        let m = (g.next() >> 11) | (1 << 52);
        let x = m as f64 * 2f64.powi(e - 52);
        if g.next() & 1 == 0 {
            x
        } else {
            -x
        }
    }

    /// A double with few significant bits (to provoke exact ties).
    fn rand_short(g: &mut Rng, e: i32) -> f64 {
        let bits = 1 + g.next() % 30;
        let m = (g.next() >> (64 - bits)) | (1 << bits);
        let x = m as f64 * 2f64.powi(e - bits as i32);
        if g.next() & 1 == 0 {
            x
        } else {
            -x
        }
    }

    fn triples(seed: u64, n: usize) -> impl Iterator<Item = (f64, f64, f64)> {
        let mut g = Rng(seed);
        (0..n).map(move |i| {
            let ea = (g.next() % 80) as i32 - 40;
            let eb = (g.next() % 80) as i32 - 40;
            let ec = ea + eb + (g.next() % 140) as i32 - 70;
            match i % 4 {
                0 => (rand_f(&mut g, ea), rand_f(&mut g, eb), rand_f(&mut g, ec)),
                1 => (
                    rand_short(&mut g, ea),
                    rand_f(&mut g, eb),
                    rand_short(&mut g, ec),
                ),
                2 => (
                    rand_short(&mut g, ea),
                    rand_short(&mut g, eb),
                    rand_f(&mut g, ec),
                ),
                _ => {
                    // c close to -a*b (cancellation) or a*b at a midpoint of c's grid.
                    let (a, b) = (rand_f(&mut g, ea), rand_short(&mut g, eb));
                    let p = a * b;
                    let c = if g.next() & 1 == 0 {
                        -p * (1.0 + (g.next() % 8) as f64 * f64::EPSILON)
                    } else {
                        rand_short(&mut g, ec)
                    };
                    (a, b, c)
                }
            }
        })
    }

    #[test]
    fn fma_replacements() {
        check_fma("fma", eft::fma, triples(10, 2_000_000));
        check_fma("fma_fast", eft::fma_fast, triples(11, 2_000_000));
        // add3 with an exact short product (the log/exp uses).
        check_fma(
            "two_prod_short+add3",
            |a, b, c| {
                let (p, e) = eft::two_prod_short(a, b);
                eft::add3(c, p, e)
            },
            triples(12, 2_000_000).map(|(_, b, c)| (((c.to_bits() % 4096) as f64) - 2048.0, b, c)),
        );
    }
}

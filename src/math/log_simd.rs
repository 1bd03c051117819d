//! Two [`log`](super::log)s at a time in `f64x2` lanes (WebAssembly SIMD128), the same bits as
//! the scalar port.
//!
//! Each lane runs the scalar function's certified fast paths ([`Reduced::new`] and
//! [`Reduced::fast`](super::Reduced::fast), or near 1 [`Near1::fast`](super::Near1::fast))
//! operation for operation: the same IEEE operations in the same order, so the same roundings.
//! The lanes they do not cover (subnormal, zero, negative, infinite or NaN inputs, and the few
//! they cannot certify) are recomputed by the scalar function.
//!
//! [`Reduced::new`]: super::Reduced::new

use super::data::{A, B, LN2HI, LN2LO, TAB};
use super::{
    EXPONENT_MASK, FAST_ERROR, HI, INVC_SPLIT, LO, MANTISSA_MASK, NEAR1_ERROR_R, NEAR1_ERROR_R3,
    OFF, TWO27,
};
use core::arch::wasm32::*;

/// `TAB[i]` and `INVC_SPLIT[i]` side by side: `[invc, logc, invc_hi, invc_lo]`, so that one lane's
/// four table values are two 16-byte loads.
#[repr(C, align(16))]
struct Table([[f64; 4]; 128]);

static TABLE: Table = {
    let mut t = [[0.0; 4]; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = [TAB[i].0, TAB[i].1, INVC_SPLIT[i].0, INVC_SPLIT[i].1];
        i += 1;
    }
    Table(t)
};

/// `0x0010_0000_0000_0000`: the smallest positive normal, and `+inf`, as bit patterns.
const MIN_NORMAL_BITS: u64 = 0x0010_0000_0000_0000;
const INF_BITS: u64 = 0x7ff0_0000_0000_0000;
const SIGN: u64 = 1 << 63;

/// `log` of both lanes of `x`.
#[inline]
pub fn log2(x: v128) -> v128 {
    let (mut y, near1, mut scalar_lanes) = main_path(x);
    if v128_any_true(near1) {
        let (y1, certain) = near1_path(x);
        y = v128_bitselect(y1, y, near1);
        scalar_lanes = v128_or(scalar_lanes, v128_andnot(near1, certain));
    }
    if !v128_any_true(scalar_lanes) {
        return y;
    }
    if i64x2_extract_lane::<0>(scalar_lanes) != 0 {
        y = f64x2_replace_lane::<0>(y, super::log(f64x2_extract_lane::<0>(x)));
    }
    if i64x2_extract_lane::<1>(scalar_lanes) != 0 {
        y = f64x2_replace_lane::<1>(y, super::log(f64x2_extract_lane::<1>(x)));
    }
    y
}

/// The main path for both lanes, the mask of the near-1 lanes, and the mask of the other lanes
/// it does not cover (specials, and what it cannot certify).
#[inline(always)]
fn main_path(x: v128) -> (v128, v128, v128) {
    let ix = x;
    // Near 1 (the scalar `ix - LO < HI - LO`, unsigned: compared signed with the sign flipped).
    let near1 = i64x2_lt(
        v128_xor(i64x2_sub(ix, u64x2_splat(LO)), u64x2_splat(SIGN)),
        u64x2_splat((HI - LO) ^ SIGN),
    );
    // Not a positive normal finite number: subnormal, zero, negative, inf or NaN.
    let special = v128_or(
        i64x2_lt(ix, u64x2_splat(MIN_NORMAL_BITS)),
        i64x2_ge(ix, u64x2_splat(INF_BITS)),
    );

    let tmp = i64x2_sub(ix, u64x2_splat(OFF));
    let index = u64x2_shr(tmp, 45);
    let i0 = (i64x2_extract_lane::<0>(index) & 127) as usize;
    let i1 = (i64x2_extract_lane::<1>(index) & 127) as usize;
    let k = i64x2_shr(tmp, 52);
    let iz = i64x2_sub(ix, v128_and(tmp, u64x2_splat(0xfff << 52)));
    let z = iz;
    // SAFETY: i0, i1 < 128, and each row is four f64 (two 16-byte halves).
    let (t0a, t0b, t1a, t1b) = unsafe {
        let r0 = TABLE.0[i0].as_ptr();
        let r1 = TABLE.0[i1].as_ptr();
        (
            v128_load(r0 as *const v128),
            v128_load(r0.add(2) as *const v128),
            v128_load(r1 as *const v128),
            v128_load(r1.add(2) as *const v128),
        )
    };
    let invc = i64x2_shuffle::<0, 2>(t0a, t1a);
    let logc = i64x2_shuffle::<1, 3>(t0a, t1a);
    let ih = i64x2_shuffle::<0, 2>(t0b, t1b);
    let il = i64x2_shuffle::<1, 3>(t0b, t1b);

    // r = fma(z, invc, -1.0), exactly as the scalar code rounds it.
    let (zh, zl) = split2(z);
    let p = f64x2_mul(z, invc);
    let e = f64x2_add(
        f64x2_add(
            f64x2_add(f64x2_sub(f64x2_mul(zh, ih), p), f64x2_mul(zh, il)),
            f64x2_mul(zl, ih),
        ),
        f64x2_mul(zl, il),
    );
    let r = f64x2_add(f64x2_sub(p, f64x2_splat(1.0)), e);
    // k fits in 32 bits: its low halves, converted.
    let kd = f64x2_convert_low_i32x4(i32x4_shuffle::<0, 2, 0, 2>(k, k));

    let w = f64x2_add(f64x2_mul(kd, f64x2_splat(LN2HI)), logc);
    let hi = f64x2_add(w, r);

    // Reduced::fast_y and the certificate of Reduced::fast.
    let lo = f64x2_add(
        f64x2_add(f64x2_sub(w, hi), r),
        f64x2_mul(kd, f64x2_splat(LN2LO)),
    );
    let r2 = f64x2_mul(r, r);
    let r3 = f64x2_mul(r, r2);
    let t5 = mul_add(r, f64x2_splat(A[2]), f64x2_splat(A[1]));
    let t4 = mul_add(r, f64x2_splat(A[4]), f64x2_splat(A[3]));
    let t6 = f64x2_add(lo, f64x2_mul(r2, f64x2_splat(A[0])));
    let t7 = mul_add(t4, r2, t5);
    let y = mul_add(r3, t7, t6);
    let (sum, certain) = certify(y, hi, f64x2_splat(FAST_ERROR));
    let scalar_lanes = v128_or(special, v128_andnot(v128_not(certain), near1));
    (sum, near1, scalar_lanes)
}

/// [`Near1::new`](super::Near1::new) and [`Near1::fast`](super::Near1::fast) for both lanes.
#[inline(always)]
fn near1_path(x: v128) -> (v128, v128) {
    let r = f64x2_sub(x, f64x2_splat(1.0));
    let r2 = f64x2_mul(r, r);
    let r3 = f64x2_mul(r, r2);
    let w = f64x2_mul(r, f64x2_splat(TWO27));
    let rhi = f64x2_sub(f64x2_add(r, w), w);
    let rlo = f64x2_sub(r, rhi);
    let w = f64x2_mul(f64x2_mul(rhi, rhi), f64x2_splat(B[0]));
    let hi = f64x2_add(r, w);
    let lo = f64x2_add(f64x2_sub(r, hi), w);

    let b = |i: usize| f64x2_splat(B[i]);
    let a1 = mul_add(r, b(2), b(1));
    let a2 = mul_add(r, b(5), b(4));
    let a3 = mul_add(r, b(8), b(7));
    let a1 = mul_add(r2, b(3), a1);
    let a2 = mul_add(r2, b(6), a2);
    let a3 = mul_add(r2, b(9), a3);
    let a3 = mul_add(r3, b(10), a3);
    let a2 = mul_add(a3, r3, a2);
    let a1 = mul_add(a2, r3, a1);
    let lo = mul_add(f64x2_mul(b(0), rlo), f64x2_add(rhi, r), lo);
    let y = mul_add(r3, a1, lo);
    let bound = f64x2_add(
        f64x2_mul(f64x2_splat(NEAR1_ERROR_R3), f64x2_abs(r3)),
        f64x2_mul(f64x2_splat(NEAR1_ERROR_R), f64x2_abs(r)),
    );
    certify(y, hi, bound)
}

/// `certify` of both lanes: the sum and a mask of the lanes it certifies.
#[inline(always)]
fn certify(y: v128, hi: v128, bound: v128) -> (v128, v128) {
    let sum = f64x2_add(y, hi);
    let err = f64x2_sub(y, f64x2_sub(sum, hi));
    let half_ulp = i64x2_sub(
        v128_and(sum, u64x2_splat(EXPONENT_MASK)),
        u64x2_splat(53 << 52),
    );
    let certain = v128_and(
        v128_not(i64x2_eq(
            v128_and(sum, u64x2_splat(MANTISSA_MASK)),
            u64x2_splat(0),
        )),
        f64x2_lt(f64x2_add(f64x2_abs(err), bound), half_ulp),
    );
    (sum, certain)
}

/// `a * b + c` with two roundings, as [`Reduced::fast`](super::Reduced::fast) computes it.
#[inline(always)]
fn mul_add(a: v128, b: v128, c: v128) -> v128 {
    f64x2_add(f64x2_mul(a, b), c)
}

/// [`split`](super::eft::split) of both lanes.
#[inline(always)]
fn split2(a: v128) -> (v128, v128) {
    let c = f64x2_mul(f64x2_splat(134217729.0), a);
    let hi = f64x2_sub(c, f64x2_sub(c, a));
    (hi, f64x2_sub(a, hi))
}

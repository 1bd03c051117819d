//! `log1pf`, the float `log1p` of glibc before 2.41: Sun's fdlibm `s_log1p.c` converted to float
//! by Ian Lance Taylor (Cygnus Support), which glibc shipped as
//! `sysdeps/ieee754/flt-32/s_log1pf.c` until it switched to CORE-MATH's correctly rounded one in
//! 2.41. Ported from that conversion as newlib ships it (`newlib/libm/math/sf_log1p.c`), with its
//! thresholds (FreeBSD's copy has since moved several of them, and gives other results for small
//! arguments); plain float arithmetic, as glibc builds it on x86-64 (no FMA contraction).
//!
//! NumPy's float32 ziggurat calls it in the tail (`-log1pf(-U)` for `U` a multiple of 2**-24),
//! and the tests compare this port with glibc 2.36's `log1pf` on every one of those 2**24
//! inputs (by checksum).
//!
//! ```text
//! Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//!
//! Developed at SunPro, a Sun Microsystems, Inc. business.
//! Permission to use, copy, modify, and distribute this
//! software is freely granted, provided that this notice
//! is preserved.
//! ```
#![allow(clippy::excessive_precision, clippy::unreadable_literal)]

const LN2_HI: f32 = 6.9313812256e-01; // 0x3f317180
const LN2_LO: f32 = 9.0580006145e-06; // 0x3717f7d1
const TWO25: f32 = 3.355443200e+07; // 0x4c000000
const LP1: f32 = 6.6666668653e-01; // 3F2AAAAB
const LP2: f32 = 4.0000000596e-01; // 3ECCCCCD
const LP3: f32 = 2.8571429849e-01; // 3E924925
const LP4: f32 = 2.2222198546e-01; // 3E638E29
const LP5: f32 = 1.8183572590e-01; // 3E3A3325
const LP6: f32 = 1.5313838422e-01; // 3E1CD04F
const LP7: f32 = 1.4798198640e-01; // 3E178897

/// `log1pf(x)` = log(1 + x) in float.
pub fn log1pf(x: f32) -> f32 {
    let hx = x.to_bits() as i32;
    let ax = hx & 0x7fff_ffff;

    let mut k = 1i32;
    let mut f = 0.0f32;
    let mut c = 0.0f32;
    let mut hu = 0i32;
    if hx < 0x3ed4_13d7 {
        // x < 0.41422
        if ax >= 0x3f80_0000 {
            // x <= -1.0
            return if x == -1.0 {
                f32::NEG_INFINITY
            } else {
                f32::NAN
            };
        }
        if ax < 0x3100_0000 {
            // |x| < 2**-29
            if TWO25 + x > 0.0 && ax < 0x2480_0000 {
                // |x| < 2**-54
                return x;
            }
            return x - x * x * 0.5;
        }
        if hx > 0 || hx <= 0xbe95_f61f_u32 as i32 {
            // -0.2929 < x < 0.41422
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if hx >= 0x7f80_0000 {
        return x + x;
    }
    if k != 0 {
        let u;
        if hx < 0x5a00_0000 {
            u = 1.0f32 + x;
            hu = u.to_bits() as i32;
            k = (hu >> 23) - 127;
            // correction term
            c = if k > 0 { 1.0 - (u - x) } else { x - (u - 1.0) };
            c /= u;
        } else {
            u = x;
            hu = u.to_bits() as i32;
            k = (hu >> 23) - 127;
            c = 0.0;
        }
        hu &= 0x007f_ffff;
        let u = if hu < 0x35_04f7 {
            // u < sqrt(2): normalize u
            f32::from_bits((hu | 0x3f80_0000) as u32)
        } else {
            // normalize u/2
            k += 1;
            let u = f32::from_bits((hu | 0x3f00_0000) as u32);
            hu = (0x0080_0000 - hu) >> 2;
            u
        };
        f = u - 1.0;
    }
    let hfsq = 0.5f32 * f * f;
    let kf = k as f32;
    if hu == 0 {
        // |f| < 2**-20
        if f == 0.0 {
            if k == 0 {
                return 0.0;
            }
            c += kf * LN2_LO;
            return kf * LN2_HI + c;
        }
        let r = hfsq * (1.0f32 - 0.66666666666666666f32 * f);
        return if k == 0 {
            f - r
        } else {
            kf * LN2_HI - ((r - (kf * LN2_LO + c)) - f)
        };
    }
    let s = f / (2.0f32 + f);
    let z = s * s;
    let r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
    if k == 0 {
        f - (hfsq - s * (hfsq + r))
    } else {
        kf * LN2_HI - ((hfsq - (s * (hfsq + r) + (kf * LN2_LO + c))) - f)
    }
}

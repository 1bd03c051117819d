//! The Generator's float64 standard normal: Marsaglia and Tsang's ziggurat with 256 layers, as
//! NumPy writes it.
//!
//! One 64-bit draw gives the layer (low 8 bits), the sign (next bit) and a 52-bit magnitude; about
//! 99.3 % of draws return at once. The rest take the wedge test (one more uniform and an `exp`)
//! or, in the base layer, the tail (pairs of uniforms through `log1p`), and otherwise start over.
//!
//! Source: numpy `random/src/distributions/distributions.c` (`random_standard_normal`), tables
//! from `ziggurat_constants.h` ([`super::ziggurat_tables`]). `exp` and `log1p` are the platform
//! libm in NumPy; here they are [`crate::math`]'s. Not reproduced: the float32 variant
//! (`random_standard_normal_f`, a different stream).

use super::ziggurat_tables::{FI_DOUBLE, KI_DOUBLE, WI_DOUBLE, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R};
use crate::math;
use crate::numpy::bit_generator::BitGenerator;

/// `random_standard_normal`.
pub(crate) fn standard_normal<B: BitGenerator>(bitgen: &mut B) -> f64 {
    loop {
        let r = bitgen.next_uint64();
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let negative = r & 1 == 1;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI_DOUBLE[idx];
        if negative {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
        if idx == 0 {
            // The tail beyond R. `log1p(-u)` rather than `log(u)` avoids log(0) (numpy GH 13361).
            loop {
                let xx = -ZIGGURAT_NOR_INV_R * math::log1p(-bitgen.next_double());
                let yy = -math::log1p(-bitgen.next_double());
                if yy + yy > xx * xx {
                    // NumPy quirk: the tail's sign is bit 8 of the magnitude, not the sign bit
                    // drawn above.
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R + xx)
                    } else {
                        ZIGGURAT_NOR_R + xx
                    };
                }
            }
        }
        // The wedge: accept if a uniform point under layer idx lies under the density.
        let y = (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bitgen.next_double() + FI_DOUBLE[idx];
        if y < math::exp(-0.5 * x * x) {
            return x;
        }
    }
}

/// The tables, for comparing them with the ones compiled into NumPy.
pub fn tables() -> (
    &'static [u64; 256],
    &'static [f64; 256],
    &'static [f64; 256],
) {
    (&KI_DOUBLE, &WI_DOUBLE, &FI_DOUBLE)
}

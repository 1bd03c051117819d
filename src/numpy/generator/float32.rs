//! The Generator's float32 outputs: `random(size, dtype=np.float32)` and
//! `standard_normal(size, dtype=np.float32)`. Both draw 32-bit values (for PCG64, buffered halves
//! of 64-bit draws), so they are other streams than the float64 ones.
//!
//! The float32 ziggurat mirrors the float64 one on a 32-bit draw: the layer from the low 8 bits,
//! the sign from bit 8, a 23-bit magnitude; the wedge test compares with the double `exp`, and
//! the tail calls `log1pf`, glibc's float function, which [`crate::math::log1pf`] reproduces
//! (glibc before 2.41; 2.41 made it correctly rounded, which changes some tail values).
//!
//! Source: numpy `random/src/distributions/distributions.c` (`next_float`,
//! `random_standard_uniform_fill_f`, `random_standard_normal_f`), tables from
//! `ziggurat_constants.h` ([`super::ziggurat_f32_tables`]), `random/_generator.pyx` (`random`,
//! `standard_normal`, `float_fill`).

use super::ziggurat_f32_tables::{
    FI_FLOAT, KI_FLOAT, WI_FLOAT, ZIGGURAT_NOR_INV_R_F, ZIGGURAT_NOR_R_F,
};
use super::{shape, Generator};
use crate::error::Result;
use crate::math;
use crate::numpy::bit_generator::BitGenerator;
use crate::numpy::memory::alloc;

/// `next_float`: the top 24 bits of a 32-bit draw (for PCG64, a buffered half), times 2**-24.
#[inline]
pub(crate) fn next_float<B: BitGenerator>(bitgen: &mut B) -> f32 {
    (bitgen.next_uint32() >> 8) as f32 * (1.0 / 16_777_216.0)
}

/// `random_standard_normal_f`.
pub(crate) fn standard_normal_f32<B: BitGenerator>(bitgen: &mut B) -> f32 {
    loop {
        let r = bitgen.next_uint32();
        let idx = (r & 0xff) as usize;
        let negative = (r >> 8) & 1 == 1;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as f32 * WI_FLOAT[idx];
        if negative {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -ZIGGURAT_NOR_INV_R_F * math::log1pf(-next_float(bitgen));
                let yy = -math::log1pf(-next_float(bitgen));
                if yy + yy > xx * xx {
                    // As in the float64 ziggurat, the tail's sign is bit 8 of the magnitude.
                    return if (rabs >> 8) & 1 == 1 {
                        -(ZIGGURAT_NOR_R_F + xx)
                    } else {
                        ZIGGURAT_NOR_R_F + xx
                    };
                }
            }
        }
        // NumPy quirk: the wedge test compares the float with the double `exp` of a double
        // product (`-0.5 * x * x` with `x` promoted).
        let y = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * next_float(bitgen) + FI_FLOAT[idx];
        let xd = f64::from(x);
        if f64::from(y) < math::exp(-0.5 * xd * xd) {
            return x;
        }
    }
}

/// The tables, for comparing them with the ones compiled into NumPy.
pub fn tables() -> (
    &'static [u32; 256],
    &'static [f32; 256],
    &'static [f32; 256],
) {
    (&KI_FLOAT, &WI_FLOAT, &FI_FLOAT)
}

impl Generator {
    /// `standard_normal(n, dtype=np.float32)`: the float32 ziggurat.
    pub fn standard_normal_f32(&mut self, n: usize) -> Result<Vec<f32>> {
        let mut out = alloc(n, "float32")?;
        let bg = &mut self.bit_generator;
        out.extend((0..n).map(|_| standard_normal_f32(bg)));
        Ok(out)
    }

    /// `standard_normal(size, dtype=np.float32)` with the size as JavaScript passes it.
    pub fn standard_normal_f32_sized(&mut self, size: Option<f64>) -> Result<Vec<f32>> {
        let n = shape(size, "float32")?;
        self.standard_normal_f32(n)
    }

    /// `random(n, dtype=np.float32)`: uniform floats in [0, 1), one 32-bit draw each.
    pub fn random_f32(&mut self, n: usize) -> Result<Vec<f32>> {
        let mut out = alloc(n, "float32")?;
        let bg = &mut self.bit_generator;
        out.extend((0..n).map(|_| next_float(bg)));
        Ok(out)
    }

    /// `random(size, dtype=np.float32)` with the size as JavaScript passes it.
    pub fn random_f32_sized(&mut self, size: Option<f64>) -> Result<Vec<f32>> {
        let n = shape(size, "float32")?;
        self.random_f32(n)
    }
}

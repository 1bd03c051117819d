//! The Generator's float32 outputs: `random(size, dtype=np.float32)`.
//!
//! Source: numpy `random/src/distributions/distributions.c` (`next_float`,
//! `random_standard_uniform_fill_f`), `random/_generator.pyx` (`random`, `float_fill`).

use super::{shape, Generator};
use crate::error::Result;
use crate::numpy::bit_generator::BitGenerator;
use crate::numpy::memory::alloc;

/// `next_float`: the top 24 bits of a 32-bit draw (for PCG64, a buffered half), times 2**-24.
#[inline]
pub(crate) fn next_float<B: BitGenerator>(bitgen: &mut B) -> f32 {
    (bitgen.next_uint32() >> 8) as f32 * (1.0 / 16_777_216.0)
}

impl Generator {
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

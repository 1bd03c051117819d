//! The Generator's standard exponential: a 256-layer ziggurat, as NumPy writes it, and
//! `exponential(scale)` on top of it.
//!
//! One 64-bit draw gives the layer (bits 3 to 10) and a 53-bit magnitude (the rest); about
//! 98.9 % of draws return at once. The rest take the wedge test (one more uniform and an `exp`)
//! or, in the base layer, the tail (`r - log1p(-U)`), and otherwise start over.
//!
//! Source: numpy `random/src/distributions/distributions.c` (`random_standard_exponential`,
//! `standard_exponential_unlikely`, `random_exponential`), tables from `ziggurat_constants.h`
//! ([`super::exponential_tables`]); `random/_generator.pyx` (`exponential`,
//! `standard_exponential`). `exp` and `log1p` are the platform libm in NumPy; here they are
//! [`crate::math`]'s.

use super::exponential_tables::{FE_DOUBLE, KE_DOUBLE, WE_DOUBLE, ZIGGURAT_EXP_R};
use super::{shape, Generator};
use crate::error::{Error, Result};
use crate::math;
use crate::numpy::bit_generator::BitGenerator;

/// `random_standard_exponential`.
pub(crate) fn standard_exponential<B: BitGenerator>(bitgen: &mut B) -> f64 {
    loop {
        let ri = bitgen.next_uint64() >> 3;
        let idx = (ri & 0xFF) as usize;
        let ri = ri >> 8;
        let x = ri as f64 * WE_DOUBLE[idx];
        if ri < KE_DOUBLE[idx] {
            return x;
        }
        if idx == 0 {
            // The tail beyond r; `log1p(-U)` avoids log(0) (numpy GH 13361).
            return ZIGGURAT_EXP_R - math::log1p(-bitgen.next_double());
        }
        if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bitgen.next_double() + FE_DOUBLE[idx]
            < math::exp(-x)
        {
            return x;
        }
        // NumPy starts over with a fresh draw (a recursive call).
    }
}

impl Generator {
    /// `standard_exponential(n)` (the default `method='zig'`, float64).
    pub fn standard_exponential(&mut self, n: usize) -> Result<Vec<f64>> {
        self.fill_f64(n, standard_exponential)
    }

    /// `exponential(scale, n)`: `scale * standard_exponential()`. A negative `scale` (the sign
    /// bit, so `-0.0` too) is NumPy's `ValueError`; NaN passes.
    pub fn exponential(&mut self, scale: f64, n: usize) -> Result<Vec<f64>> {
        check_scale(scale)?;
        self.fill_f64(n, |bg| scale * standard_exponential(bg))
    }

    /// `standard_exponential(size)` with the size as JavaScript passes it.
    pub fn standard_exponential_sized(&mut self, size: Option<f64>) -> Result<Vec<f64>> {
        let n = shape(size, "float64")?;
        self.standard_exponential(n)
    }

    /// `exponential(scale, size)`: the scale is checked before the size.
    pub fn exponential_sized(&mut self, scale: f64, size: Option<f64>) -> Result<Vec<f64>> {
        check_scale(scale)?;
        let n = shape(size, "float64")?;
        self.exponential(scale, n)
    }
}

/// `CONS_NON_NEGATIVE` on `scale`.
fn check_scale(scale: f64) -> Result<()> {
    if !scale.is_nan() && scale.is_sign_negative() {
        return Err(Error::value("scale < 0"));
    }
    Ok(())
}

/// The tables, for comparing them with the ones compiled into NumPy.
pub fn tables() -> (
    &'static [u64; 256],
    &'static [f64; 256],
    &'static [f64; 256],
) {
    (&KE_DOUBLE, &WE_DOUBLE, &FE_DOUBLE)
}

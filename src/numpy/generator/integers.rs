//! `Generator.integers(low, high, size, dtype, endpoint)` for every integer dtype NumPy accepts
//! there.

use super::{shape, Generator};
use crate::error::Result;
use crate::numpy::bounded_integers::bounded_fill;
use crate::numpy::int_dtype::{IntArray, IntDtype};

impl Generator {
    /// `integers(low, high, n, dtype=dtype, endpoint=endpoint)`: integers in `[low, high)`, or
    /// `[low, high]` with `endpoint`; `high = None` means from 0 to `low`. Lemire's method, as
    /// [`Generator::integers`]; the 16-bit, 8-bit and bool dtypes cut each 32-bit draw (for
    /// PCG64, a buffered half of a 64-bit draw) into pieces.
    ///
    /// Quirk of NumPy's `_rand_<dtype>`: an empty size returns an empty array before the bounds
    /// are checked.
    pub fn integers_dtype(
        &mut self,
        low: i128,
        high: Option<i128>,
        n: usize,
        dtype: IntDtype,
        endpoint: bool,
    ) -> Result<IntArray> {
        if n == 0 {
            return Ok(IntArray::empty(dtype));
        }
        let (off, rng) = integers_range(low, high, dtype, endpoint)?;
        bounded_fill(&mut self.bit_generator, dtype, off, rng, n, false)
    }

    /// `integers(low, high, size, dtype, endpoint)` with the size as JavaScript passes it, in
    /// NumPy's order: an empty size returns at once, then the bounds, then the size.
    pub fn integers_dtype_sized(
        &mut self,
        low: i128,
        high: Option<i128>,
        size: Option<f64>,
        dtype: IntDtype,
        endpoint: bool,
    ) -> Result<IntArray> {
        if size == Some(0.0) {
            return Ok(IntArray::empty(dtype));
        }
        integers_range(low, high, dtype, endpoint)?;
        let n = shape(size, dtype.name())?;
        self.integers_dtype(low, high, n, dtype, endpoint)
    }
}

/// `integers`' bounds: `high = None` means from 0 to `low`.
fn integers_range(
    low: i128,
    high: Option<i128>,
    dtype: IntDtype,
    endpoint: bool,
) -> Result<(u64, u64)> {
    match high {
        Some(high) => dtype.bounded_range(low, high, endpoint),
        None => dtype.bounded_range(0, low, endpoint),
    }
}

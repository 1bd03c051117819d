//! `RandomState.randint(low, high, size, dtype)` for every integer dtype NumPy accepts there.

use super::{shape, RandomState};
use crate::error::Result;
use crate::numpy::bounded_integers::bounded_fill;
use crate::numpy::int_dtype::{IntArray, IntDtype};

impl RandomState {
    /// `randint(low, high, n, dtype=dtype)`: integers in `[low, high)` as `dtype`; `high = None`
    /// means `[0, low)`. Masked rejection, as [`RandomState::randint`]; the 16-bit, 8-bit and
    /// bool dtypes cut each 32-bit word into pieces (see the `bounded_integers` module), so they
    /// give other numbers than int64 for the same range.
    ///
    /// Quirk of NumPy's `_rand_<dtype>`: an empty size returns an empty array before the bounds
    /// are checked.
    pub fn randint_dtype(
        &mut self,
        low: i128,
        high: Option<i128>,
        n: usize,
        dtype: IntDtype,
    ) -> Result<IntArray> {
        if n == 0 {
            return Ok(IntArray::empty(dtype));
        }
        let (off, rng) = randint_range(low, high, dtype)?;
        bounded_fill(&mut self.mt, dtype, off, rng, n, true)
    }

    /// `randint(low, high, size, dtype)` with the size as JavaScript passes it, in NumPy's order:
    /// an empty size returns at once, then the bounds, then the size.
    pub fn randint_dtype_sized(
        &mut self,
        low: i128,
        high: Option<i128>,
        size: Option<f64>,
        dtype: IntDtype,
    ) -> Result<IntArray> {
        if size == Some(0.0) {
            return Ok(IntArray::empty(dtype));
        }
        randint_range(low, high, dtype)?;
        let n = shape(size, dtype.name())?;
        self.randint_dtype(low, high, n, dtype)
    }
}

/// `randint`'s bounds: `high = None` means `[0, low)`.
fn randint_range(low: i128, high: Option<i128>, dtype: IntDtype) -> Result<(u64, u64)> {
    match high {
        Some(high) => dtype.bounded_range(low, high, false),
        None => dtype.bounded_range(0, low, false),
    }
}

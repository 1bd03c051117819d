//! The bounds checks of NumPy's int64 bounded integers (`_rand_int64` in numpy
//! `random/_bounded_integers.pyx.in`, with `format_bounds_error`), which `Generator.integers`
//! and both APIs' `choice` with replacement go through.

use super::int_dtype::IntDtype;
use crate::error::Result;

/// `[low, high)` as NumPy's generator takes it: the offset `low` and the inclusive range
/// `high - 1 - low`, or NumPy's error for bounds outside int64 or an empty interval.
pub(crate) fn closed_range(low: i128, high: i128) -> Result<(u64, u64)> {
    IntDtype::Int64.bounded_range(low, high, false)
}

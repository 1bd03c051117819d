//! The bounds checks of NumPy's int64 bounded integers (`_rand_int64` in numpy
//! `random/_bounded_integers.pyx.in`, with `format_bounds_error`), which `Generator.integers`
//! and both APIs' `choice` with replacement go through.

use crate::error::{Error, Result};

/// `[low, high)` as NumPy's generator takes it: the offset `low` and the inclusive range
/// `high - 1 - low`, or NumPy's error for bounds outside int64 or an empty interval.
pub(crate) fn closed_range(low: i128, high: i128) -> Result<(u64, u64)> {
    let high = high - 1;
    if low < i128::from(i64::MIN) {
        return Err(Error::value("low is out of bounds for int64"));
    }
    if high > i128::from(i64::MAX) {
        return Err(Error::value("high is out of bounds for int64"));
    }
    if low > high {
        // `format_bounds_error` special-cases low == 0, the one-argument form.
        let message = if low == 0 { "high <= 0" } else { "low >= high" };
        return Err(Error::value(message));
    }
    Ok((low as i64 as u64, (high - low) as u64))
}

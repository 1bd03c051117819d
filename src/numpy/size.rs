//! A `size=` argument as NumPy turns it into a one-dimensional array shape, with NumPy's errors.
//!
//! The Generator's samplers (`rng.random(size)`, `rng.integers(low, high, size)`, ...) and the
//! legacy `choice` create their output with `np.empty(size)`: NumPy converts the size with
//! `PyArray_IntpConverter` and checks the byte count in `PyArray_NewFromDescr`
//! (numpy `_core/src/multiarray/conversion_utils.c`, `ctors.c`). The legacy `rand(n)` / `randn(n)`
//! take dimensions instead and word a fractional one differently ([`super::size_from_f64`]).

use super::memory::{cannot_allocate, item_size};
use super::py_repr::float_repr;
use crate::error::{Error, Result};

/// Converts a `size=` given as a JavaScript number: a fractional, infinite or NaN size is NumPy's
/// `TypeError`, a negative one its `ValueError`, 2**63 or more "Maximum allowed dimension
/// exceeded", more than 2**63 - 1 bytes "array is too big", and more than this machine can
/// address NumPy's `MemoryError`.
pub fn size_argument(n: f64, dtype: &str) -> Result<usize> {
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(Error::type_error(format!(
            "expected a sequence of integers or a single integer, got '{}'",
            float_repr(n)
        )));
    }
    if n < 0.0 {
        return Err(negative_dimensions());
    }
    array_len(n as u128, dtype)
}

/// The size as an integer when the float is one (a float beyond `i128` saturates, staying out of
/// every valid range); `None` for a fractional, infinite or NaN size.
pub(crate) fn integral(size: f64) -> Option<i128> {
    (size.is_finite() && size.fract() == 0.0).then_some(size as i128)
}

/// NumPy's error for a negative `size=`.
pub(crate) fn negative_dimensions() -> Error {
    Error::value("negative dimensions are not allowed")
}

/// A length NumPy accepts for a one-dimensional array of `dtype` (`"float64"`, `"int64"`, ...):
/// 2**63 or more is "Maximum allowed dimension exceeded", more than 2**63 - 1 bytes is "array is
/// too big" (NumPy's sizes are signed 64-bit `npy_intp`), and a length this machine cannot
/// address is NumPy's `MemoryError` (the allocation itself may still fail later, with the same
/// message).
pub(crate) fn array_len(n: u128, dtype: &str) -> Result<usize> {
    if n >= 1 << 63 {
        return Err(Error::value("Maximum allowed dimension exceeded"));
    }
    if n * item_size(dtype) > i64::MAX as u128 {
        return Err(Error::value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ));
    }
    usize::try_from(n).map_err(|_| cannot_allocate(n as f64, dtype))
}

/// `np.prod(size, dtype=np.intp)` of a float size, as `choice` computes it before the shape is
/// rejected: truncation toward zero, and -2**63 for NaN, infinities and out-of-range values (the
/// x86-64 conversion's "integer indefinite").
pub(crate) fn intp_from_f64(x: f64) -> i128 {
    if x.is_finite() && x.abs() < 9_223_372_036_854_775_808.0 {
        x.trunc() as i128
    } else {
        i128::from(i64::MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages printed by numpy 2.4.6 for `np.random.default_rng(1).random(size)`.
    #[test]
    fn numpy_size_errors() {
        let msg = |n: f64| size_argument(n, "float64").unwrap_err().to_string();
        assert_eq!(
            msg(2.5),
            "TypeError: expected a sequence of integers or a single integer, got '2.5'"
        );
        assert_eq!(
            msg(f64::NAN),
            "TypeError: expected a sequence of integers or a single integer, got 'nan'"
        );
        assert_eq!(msg(-1.0), "ValueError: negative dimensions are not allowed");
        assert_eq!(
            msg(2f64.powi(63)),
            "ValueError: Maximum allowed dimension exceeded"
        );
        assert!(msg(2f64.powi(60)).starts_with("ValueError: array is too big;"));
        assert_eq!(size_argument(-0.0, "float64").unwrap(), 0);
        assert_eq!(size_argument(7.0, "float64").unwrap(), 7);
    }
}

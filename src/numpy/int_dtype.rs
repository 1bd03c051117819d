//! The integer dtypes NumPy's `randint` (legacy) and `integers` (Generator) accept, their bounds
//! checks, and the arrays they return.
//!
//! Source: numpy `random/_bounded_integers.pyx.in` (`_rand_{int64,...,bool}`,
//! `format_bounds_error`), `random/mtrand.pyx` (`RandomState.randint`) and
//! `random/_generator.pyx` (`Generator.integers`).

use crate::error::{Error, Result};

/// An integer dtype of `randint(..., dtype=)` / `integers(..., dtype=)`.
///
/// ```
/// use seedlab::numpy::IntDtype;
///
/// assert_eq!(IntDtype::from_name("uint8"), Some(IntDtype::Uint8));
/// assert_eq!(IntDtype::Int16.bounds(), (-32768, 32767));
/// assert_eq!(IntDtype::Bool.name(), "bool");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntDtype {
    /// `np.int64` (the default of both APIs on 64-bit Linux).
    Int64,
    /// `np.int32`.
    Int32,
    /// `np.int16`.
    Int16,
    /// `np.int8`.
    Int8,
    /// `np.uint64`.
    Uint64,
    /// `np.uint32`.
    Uint32,
    /// `np.uint16`.
    Uint16,
    /// `np.uint8`.
    Uint8,
    /// `np.bool` (`dtype=bool`).
    Bool,
}

impl IntDtype {
    /// Every dtype, in the order NumPy's `randint` tests them.
    pub const ALL: [IntDtype; 9] = [
        IntDtype::Int32,
        IntDtype::Int64,
        IntDtype::Int16,
        IntDtype::Int8,
        IntDtype::Uint64,
        IntDtype::Uint32,
        IntDtype::Uint16,
        IntDtype::Uint8,
        IntDtype::Bool,
    ];

    /// NumPy's name: `"int64"`, ..., `"uint8"`, `"bool"` (what `np.dtype(...).name` prints).
    pub fn name(self) -> &'static str {
        match self {
            IntDtype::Int64 => "int64",
            IntDtype::Int32 => "int32",
            IntDtype::Int16 => "int16",
            IntDtype::Int8 => "int8",
            IntDtype::Uint64 => "uint64",
            IntDtype::Uint32 => "uint32",
            IntDtype::Uint16 => "uint16",
            IntDtype::Uint8 => "uint8",
            IntDtype::Bool => "bool",
        }
    }

    /// The dtype with this NumPy name (`"int64"`, ..., `"bool"`); `None` for any other name.
    pub fn from_name(name: &str) -> Option<Self> {
        IntDtype::ALL.into_iter().find(|d| d.name() == name)
    }

    /// The dtype named `name`, or NumPy's `TypeError` for a dtype the function does not take
    /// (`Unsupported dtype dtype('float64') for randint`); `function` is `"randint"` or
    /// `"integers"`.
    pub fn parse(name: &str, function: &str) -> Result<Self> {
        IntDtype::from_name(name).ok_or_else(|| {
            Error::type_error(format!("Unsupported dtype dtype('{name}') for {function}"))
        })
    }

    /// Bits per value (1 for bool).
    pub fn bits(self) -> u32 {
        match self {
            IntDtype::Int64 | IntDtype::Uint64 => 64,
            IntDtype::Int32 | IntDtype::Uint32 => 32,
            IntDtype::Int16 | IntDtype::Uint16 => 16,
            IntDtype::Int8 | IntDtype::Uint8 => 8,
            IntDtype::Bool => 1,
        }
    }

    fn signed(self) -> bool {
        matches!(
            self,
            IntDtype::Int64 | IntDtype::Int32 | IntDtype::Int16 | IntDtype::Int8
        )
    }

    /// The smallest and largest value of the dtype.
    pub fn bounds(self) -> (i128, i128) {
        let bits = self.bits();
        if self.signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        }
    }

    /// The scalar bounds checks of `_rand_<dtype>`: `low` and `high` as ints, `high` exclusive
    /// unless `closed` (`endpoint=True`). Returns the offset (`low` as the dtype's unsigned
    /// bits) and the inclusive range `high - low` the generator draws from, or NumPy's
    /// `ValueError`, in NumPy's order: `low` out of bounds, `high` out of bounds, an empty range
    /// (worded `high <= 0` / `high < 0` when `low` is 0, the one-argument form).
    pub fn bounded_range(self, low: i128, high: i128, closed: bool) -> Result<(u64, u64)> {
        let (lb, ub) = self.bounds();
        let high = if closed { high } else { high.saturating_sub(1) };
        if low < lb {
            return Err(Error::value(format!(
                "low is out of bounds for {}",
                self.name()
            )));
        }
        if high > ub {
            return Err(Error::value(format!(
                "high is out of bounds for {}",
                self.name()
            )));
        }
        if low > high {
            return Err(Error::value(format_bounds_error(closed, low)));
        }
        // Both in range, so the difference fits the dtype's unsigned width.
        Ok((low as i64 as u64, (high - low) as u64))
    }
}

/// `format_bounds_error`: `low == 0` (the one-argument form) gets its own wording.
fn format_bounds_error(closed: bool, low: i128) -> &'static str {
    match (low == 0, closed) {
        (true, true) => "high < 0",
        (true, false) => "high <= 0",
        (false, true) => "low > high",
        (false, false) => "low >= high",
    }
}

/// The array `randint` / `integers` returns, in its dtype.
///
/// ```
/// use seedlab::numpy::{IntArray, IntDtype, RandomState};
///
/// // np.random.seed(17); np.random.randint(0, 256, 4, dtype=np.uint8)
/// let bytes = RandomState::from_u32(17)
///     .randint_dtype(0, Some(256), 4, IntDtype::Uint8)
///     .unwrap();
/// assert_eq!(bytes.dtype(), IntDtype::Uint8);
/// assert_eq!(bytes.len(), 4);
/// assert!(matches!(bytes, IntArray::Uint8(_)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntArray {
    /// `int64` values.
    Int64(Vec<i64>),
    /// `int32` values.
    Int32(Vec<i32>),
    /// `int16` values.
    Int16(Vec<i16>),
    /// `int8` values.
    Int8(Vec<i8>),
    /// `uint64` values.
    Uint64(Vec<u64>),
    /// `uint32` values.
    Uint32(Vec<u32>),
    /// `uint16` values.
    Uint16(Vec<u16>),
    /// `uint8` values.
    Uint8(Vec<u8>),
    /// `bool` values.
    Bool(Vec<bool>),
}

impl IntArray {
    /// An empty array of `dtype`.
    pub fn empty(dtype: IntDtype) -> Self {
        IntArray::from_raw(dtype, Vec::new())
    }

    /// Values given as the dtype's unsigned bits (two's complement for signed dtypes; 0 or 1
    /// for bool), converted to the dtype.
    pub(crate) fn from_raw(dtype: IntDtype, raw: Vec<u64>) -> Self {
        let it = raw.into_iter();
        match dtype {
            IntDtype::Int64 => IntArray::Int64(it.map(|v| v as i64).collect()),
            IntDtype::Int32 => IntArray::Int32(it.map(|v| v as u32 as i32).collect()),
            IntDtype::Int16 => IntArray::Int16(it.map(|v| v as u16 as i16).collect()),
            IntDtype::Int8 => IntArray::Int8(it.map(|v| v as u8 as i8).collect()),
            IntDtype::Uint64 => IntArray::Uint64(it.collect()),
            IntDtype::Uint32 => IntArray::Uint32(it.map(|v| v as u32).collect()),
            IntDtype::Uint16 => IntArray::Uint16(it.map(|v| v as u16).collect()),
            IntDtype::Uint8 => IntArray::Uint8(it.map(|v| v as u8).collect()),
            IntDtype::Bool => IntArray::Bool(it.map(|v| v != 0).collect()),
        }
    }

    /// The dtype.
    pub fn dtype(&self) -> IntDtype {
        match self {
            IntArray::Int64(_) => IntDtype::Int64,
            IntArray::Int32(_) => IntDtype::Int32,
            IntArray::Int16(_) => IntDtype::Int16,
            IntArray::Int8(_) => IntDtype::Int8,
            IntArray::Uint64(_) => IntDtype::Uint64,
            IntArray::Uint32(_) => IntDtype::Uint32,
            IntArray::Uint16(_) => IntDtype::Uint16,
            IntArray::Uint8(_) => IntDtype::Uint8,
            IntArray::Bool(_) => IntDtype::Bool,
        }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            IntArray::Int64(v) => v.len(),
            IntArray::Int32(v) => v.len(),
            IntArray::Int16(v) => v.len(),
            IntArray::Int8(v) => v.len(),
            IntArray::Uint64(v) => v.len(),
            IntArray::Uint32(v) => v.len(),
            IntArray::Uint16(v) => v.len(),
            IntArray::Uint8(v) => v.len(),
            IntArray::Bool(v) => v.len(),
        }
    }

    /// `len() == 0`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values as `i128` (bool as 0 / 1), for comparing and printing.
    pub fn to_i128(&self) -> Vec<i128> {
        fn all<T: Copy + Into<i128>>(v: &[T]) -> Vec<i128> {
            v.iter().map(|&x| x.into()).collect()
        }
        match self {
            IntArray::Int64(v) => all(v),
            IntArray::Int32(v) => all(v),
            IntArray::Int16(v) => all(v),
            IntArray::Int8(v) => all(v),
            IntArray::Uint64(v) => all(v),
            IntArray::Uint32(v) => all(v),
            IntArray::Uint16(v) => all(v),
            IntArray::Uint8(v) => all(v),
            IntArray::Bool(v) => v.iter().map(|&b| i128::from(b)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages printed by numpy 2.4.6.
    #[test]
    fn bounds_errors_per_dtype() {
        let msg = |d: IntDtype, low, high, closed| {
            d.bounded_range(low, high, closed)
                .unwrap_err()
                .message()
                .to_owned()
        };
        assert_eq!(
            msg(IntDtype::Uint8, -1, 10, false),
            "low is out of bounds for uint8"
        );
        assert_eq!(
            msg(IntDtype::Uint8, 0, 257, false),
            "high is out of bounds for uint8"
        );
        assert_eq!(
            IntDtype::Uint8.bounded_range(0, 256, false).unwrap(),
            (0, 255)
        );
        assert_eq!(
            msg(IntDtype::Bool, 0, 3, false),
            "high is out of bounds for bool"
        );
        assert_eq!(msg(IntDtype::Bool, 1, 1, false), "low >= high");
        assert_eq!(msg(IntDtype::Int64, 5, 4, true), "low > high");
        assert_eq!(msg(IntDtype::Int64, 0, -1, true), "high < 0");
        assert_eq!(
            msg(IntDtype::Int64, 0, 1 << 63, true),
            "high is out of bounds for int64"
        );
        assert_eq!(
            IntDtype::Int16.bounded_range(-5, 3, false).unwrap(),
            ((-5i64) as u64, 7)
        );
        assert_eq!(
            IntDtype::parse("float64", "randint")
                .unwrap_err()
                .to_string(),
            "TypeError: Unsupported dtype dtype('float64') for randint"
        );
    }
}

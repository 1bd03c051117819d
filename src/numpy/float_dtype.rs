//! The float dtypes the Generator's `random(size, dtype=)` and `standard_normal(size, dtype=)`
//! accept.

use crate::error::{Error, Result};

/// `np.float64` or `np.float32`.
///
/// ```
/// use seedlab::numpy::FloatDtype;
///
/// assert_eq!(FloatDtype::parse("float32", "random").unwrap(), FloatDtype::Float32);
/// assert_eq!(FloatDtype::Float64.name(), "float64");
/// assert!(FloatDtype::parse("float16", "random").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatDtype {
    /// `np.float64`, the default.
    Float64,
    /// `np.float32`: a different stream (one 32-bit draw per value).
    Float32,
}

impl FloatDtype {
    /// NumPy's name.
    pub fn name(self) -> &'static str {
        match self {
            FloatDtype::Float64 => "float64",
            FloatDtype::Float32 => "float32",
        }
    }

    /// The dtype named `name` (`"float64"`, `"float32"`), or NumPy's `TypeError` for another
    /// (`Unsupported dtype dtype('int64') for random`); `function` is the method's name.
    pub fn parse(name: &str, function: &str) -> Result<Self> {
        match name {
            "float64" => Ok(FloatDtype::Float64),
            "float32" => Ok(FloatDtype::Float32),
            _ => Err(Error::type_error(format!(
                "Unsupported dtype dtype('{name}') for {function}"
            ))),
        }
    }
}

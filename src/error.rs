//! Errors in the words of the library being reproduced.
//!
//! Every failure the crate can report carries the Python exception type and the message the real
//! library raises for the same input (`ValueError: Seed must be between 0 and 2**32 - 1`), so the
//! page can print it exactly as a notebook would. Where the library has no such error (JavaScript
//! can pass things Python cannot), the message says plainly what was wrong.

use core::fmt;

/// The Python exception class the reference library raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    MemoryError,
    RuntimeError,
    /// `NotImplementedError` (e.g. a PyTorch kernel called with a dtype it has no code for).
    NotImplementedError,
    /// `ZeroDivisionError` (Python float arithmetic, e.g. in `torch.nn.init`).
    ZeroDivisionError,
    /// `IndexError` (e.g. NumPy's legacy `permutation(2.5)`).
    IndexError,
    /// NumPy's `numpy.exceptions.AxisError` (e.g. `Generator.permutation(2.5)`).
    AxisError,
    /// An R error (`stop()`): R has no exception classes, and its message stands alone.
    RError,
}

impl ErrorKind {
    /// The exception's Python name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::AxisError => "AxisError",
            // R prints `Error in f(x) : message`; a JS Error's own name says the same.
            ErrorKind::RError => "Error",
        }
    }
}

/// A rejected argument: exception type plus message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    pub fn value(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::ValueError, message)
    }

    pub fn type_error(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::TypeError, message)
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message without the exception name.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Formats as Python prints an uncaught exception's last line: `ValueError: low >= high`.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = core::result::Result<T, Error>;

/// Reserves an output buffer of `n` elements without aborting when memory runs out: the caller
/// turns the failure into the library's own out-of-memory error.
pub(crate) fn try_vec<T>(n: usize) -> Option<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).ok()?;
    Some(v)
}

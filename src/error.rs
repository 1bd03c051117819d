//! Errors in the words of the library being reproduced.
//!
//! Every failure the crate can report carries the Python exception type and the message the real
//! library raises for the same input (`ValueError: Seed must be between 0 and 2**32 - 1`), so the
//! page can print it exactly as a notebook would. Where the library has no such error (JavaScript
//! can pass things Python cannot), the message says plainly what was wrong.

use core::fmt;

/// The Python exception class the reference library raises.
///
/// ```
/// use seedlab::numpy::{RandomState, Seed};
/// use seedlab::ErrorKind;
///
/// // np.random.seed(-1) raises ValueError.
/// let err = RandomState::new(Some(&Seed::Int(-1))).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::ValueError);
/// assert_eq!(err.kind().name(), "ValueError");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`: an argument of the right type with a value the library refuses (a seed out
    /// of range, `low >= high`, a negative size).
    ValueError,
    /// `TypeError`: an argument of a type the library does not take (a float where an int is
    /// required), and every input that only JavaScript can pass.
    TypeError,
    /// `OverflowError`: an int or a float range too large for the C type the library converts it
    /// to (NumPy's `Range exceeds valid bounds`, JAX's `Python int too large to convert to C
    /// long`).
    OverflowError,
    /// `MemoryError`: an output too large to allocate, with NumPy's `Unable to allocate ...`.
    MemoryError,
    /// `RuntimeError`: PyTorch's errors raised from C++ (`random_ expects 'from' to be less than
    /// 'to'`, negative dimensions, allocator failures), and a missing OS entropy source.
    RuntimeError,
    /// `NotImplementedError` (e.g. a PyTorch kernel called with a dtype it has no code for).
    NotImplementedError,
    /// `ZeroDivisionError` (Python float arithmetic, e.g. in `torch.nn.init`, and CPython's
    /// `random.expovariate(0)`).
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
///
/// ```
/// use seedlab::numpy::{RandomState, Seed};
///
/// let err = RandomState::new(Some(&Seed::Int(1 << 32))).unwrap_err();
/// assert_eq!(err.message(), "Seed must be between 0 and 2**32 - 1");
/// // Displayed as the last line of Python's traceback.
/// assert_eq!(err.to_string(), "ValueError: Seed must be between 0 and 2**32 - 1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// An error of `kind` with the library's `message` (without the exception name).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// A `ValueError` with this message.
    pub fn value(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::ValueError, message)
    }

    /// A `TypeError` with this message.
    pub fn type_error(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::TypeError, message)
    }

    /// The `TypeError` for a call without its count `n`. seedlab's calls always draw an array, so
    /// the count is required (where Python's `size=None` would return a scalar); only a dynamic
    /// caller, JavaScript, can leave it out.
    pub fn missing_count() -> Self {
        Error::type_error("missing the count n (how many values to draw)")
    }

    /// The exception type, which names the error in JavaScript and in `Display`.
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

/// The result of every fallible call in the crate: the value, or the library's exception.
///
/// ```
/// fn first_normal(seed: u32) -> seedlab::Result<f64> {
///     Ok(seedlab::numpy::RandomState::from_u32(seed).randn(1)?[0])
/// }
/// assert_eq!(first_normal(17).unwrap(), 0.27626589002131874);
/// ```
pub type Result<T> = core::result::Result<T, Error>;

/// Reserves an output buffer of `n` elements without aborting when memory runs out: the caller
/// turns the failure into the library's own out-of-memory error.
pub(crate) fn try_vec<T>(n: usize) -> Option<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).ok()?;
    Some(v)
}

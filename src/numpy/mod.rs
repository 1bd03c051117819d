//! NumPy's legacy random API: `np.random.seed`, `np.random.RandomState` and the module-level
//! functions that share its global state (`np.random.rand`, `randn`, `randint`, ...).
//!
//! NumPy freezes this stream by policy ("legacy-distributions.c"), so the same seed gives the same
//! numbers in every NumPy release since 1.x.

mod bit_generator;
mod bounded;
pub mod generator;
mod int64_bounds;
mod memory;
mod py_repr;
mod random_state;
mod shuffle;
mod size;

pub use generator::{default_rng, Entropy, Generator, Pcg64, PyInt, SeedSequence};
pub use memory::size_to_string;
pub use random_state::{RandomState, Seed};
pub use size::size_argument;

use crate::error::{Error, Result};

/// Validates an array length the way NumPy validates a `size` argument, from the JavaScript
/// number the page passes: negative → `ValueError`, fractional → `TypeError`, beyond NumPy's
/// `npy_intp` limits → its `ValueError`s, more elements of `dtype` (`"float64"`, `"int64"`) than
/// this address space holds → `MemoryError`.
pub fn size_from_f64(n: f64, dtype: &str) -> Result<usize> {
    if n.is_nan() || n.fract() != 0.0 {
        return Err(Error::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    if n < 0.0 {
        return Err(Error::value("negative dimensions are not allowed"));
    }
    // NumPy's dimensions and byte sizes are signed 64-bit (npy_intp) on 64-bit platforms.
    const INTP_LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2**63
    if n >= INTP_LIMIT {
        return Err(Error::value("Maximum allowed dimension exceeded"));
    }
    if n * memory::item_size(dtype) as f64 >= INTP_LIMIT {
        return Err(Error::value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ));
    }
    if n >= usize::MAX as f64 {
        return Err(memory::cannot_allocate(n, dtype));
    }
    Ok(n as usize)
}

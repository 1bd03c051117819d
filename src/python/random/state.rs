//! CPython's `getstate()` / `setstate(state)`: `(3, (624 words..., index), gauss_next)`.
//!
//! Source: CPython 3.11.7 `Lib/random.py` (`getstate`, `setstate`: version 2 states are
//! converted, any other version refused) and `Modules/_randommodule.c` (`random_setstate`: the
//! tuple's size, each word as a C `unsigned long` truncated to 32 bits, the index in [0, 624];
//! nothing is stored unless all are valid). Quirk reproduced: `gauss_next` is assigned (by the
//! tuple unpacking in `random.py`) before the C checks, so it changes even when they fail.

use super::Random;
use crate::engines::Mt19937;
use crate::error::{Error, ErrorKind, Result};
use crate::numpy::py_repr::float_repr;
use crate::py_int::PyInt;
use crate::python::PyNumber;

/// `getstate()` after the version 3: the internal state and `gauss_next`.
///
/// ```
/// use seedlab::python::Random;
///
/// // random.seed(17); random.getstate(): 624 words, index 624, no gauss_next
/// let mut r = Random::from_int(17);
/// let state = r.getstate();
/// assert_eq!((state.index, state.gauss_next), (624, None));
/// let first = r.random(1).unwrap();
/// assert_eq!(Random::from_int(17).random(1).unwrap(), first);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PyState {
    /// The 624 state words.
    pub words: [u32; Mt19937::STATE_WORDS],
    /// The index of the next word, 0 to 624 (the internal state's last element).
    pub index: usize,
    /// `gauss_next`: the value the next `gauss` returns, if cached.
    pub gauss_next: Option<f64>,
}

impl Random {
    /// `getstate()`.
    pub fn getstate(&self) -> PyState {
        let (words, index) = self.mt.state();
        PyState {
            words: *words,
            index,
            gauss_next: self.gauss_next,
        }
    }

    /// `setstate((version, internalstate, gauss_next))`, with the internal state's 625 ints
    /// (624 words and the index). (That `state` unpacks into three and that the internal state
    /// is a tuple are the caller's checks.) Errors in CPython's order and words: another
    /// version than 3 or 2; then, with `gauss_next` already stored, the size, each word (a C
    /// `unsigned long`, truncated to 32 bits; for version 2 first taken modulo 2**32), the
    /// index.
    pub fn setstate(
        &mut self,
        version: &PyNumber,
        internal: &[PyNumber],
        gauss_next: Option<f64>,
    ) -> Result<()> {
        let is = |v: u32| match version {
            PyNumber::Int(i) => *i == PyInt::from(v),
            PyNumber::Float(x) => *x == f64::from(v),
        };
        let version2 = if is(3) {
            false
        } else if is(2) {
            true
        } else {
            let shown = match version {
                PyNumber::Int(i) => i.to_string(),
                PyNumber::Float(x) => float_repr(*x),
            };
            return Err(Error::value(format!(
                "state with version {shown} passed to Random.setstate() of version 3"
            )));
        };
        self.gauss_next = gauss_next;
        if internal.len() != Mt19937::STATE_WORDS + 1 {
            return Err(Error::value("state vector is the wrong size"));
        }
        let mut words = [0u32; Mt19937::STATE_WORDS];
        for (word, value) in words.iter_mut().zip(internal) {
            *word = unsigned_long(value, version2)? as u32;
        }
        let index = c_long(&internal[Mt19937::STATE_WORDS], version2)?;
        let index = usize::try_from(index)
            .ok()
            .filter(|&i| i <= Mt19937::STATE_WORDS)
            .ok_or_else(|| Error::value("invalid state"))?;
        self.mt = Mt19937::from_state(words, index);
        Ok(())
    }
}

/// An element of the internal state as an int: version 2 states are taken modulo 2**32 first
/// (a float stays a float, which the C conversion refuses).
fn element(value: &PyNumber, version2: bool) -> Result<PyInt> {
    match value {
        PyNumber::Int(i) if version2 => {
            // Python's x % 2**32 is never negative.
            let low = i.magnitude_words().first().copied().unwrap_or(0);
            let low = if i.is_negative() && low != 0 {
                low.wrapping_neg()
            } else {
                low
            };
            Ok(PyInt::from(low))
        }
        PyNumber::Int(i) => Ok(i.clone()),
        PyNumber::Float(_) => Err(Error::type_error("an integer is required")),
    }
}

/// `PyLong_AsUnsignedLong`.
fn unsigned_long(value: &PyNumber, version2: bool) -> Result<u64> {
    let int = element(value, version2)?;
    if int.is_negative() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    int.to_i128()
        .and_then(|v| u64::try_from(v).ok())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })
}

/// `PyLong_AsLong`.
fn c_long(value: &PyNumber, version2: bool) -> Result<i64> {
    element(value, version2)?
        .to_i128()
        .and_then(|v| i64::try_from(v).ok())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C long",
            )
        })
}

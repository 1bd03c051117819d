//! CPython's `random` module: `random.seed`, `random.Random` and the module-level functions that
//! share its hidden instance (`random.random`, `gauss`, `randint`, `shuffle`, `choice`).
//!
//! Reference: CPython 3.11.7 (`Lib/random.py`, `Modules/_randommodule.c`), the only version
//! checked. The algorithms reproduced (version-2 str seeding, `getrandbits`-based `_randbelow`,
//! `gauss`) date from CPython 3.2 and are not known to have changed since, but other versions
//! were not compared. Error texts are 3.11's. Python 3.12 removed `randrange`'s acceptance of
//! integral floats (`randint(1.0, 3)` raises `TypeError` there, as does `randint(1.5, 3)`, per
//! its "What's New"); 3.12+'s exact messages were not checked.
//!
//! Reproduced: seeding from ints of any size and sign, str/bytes (version 2, SHA-512; version 1,
//! Python 2's string hash) and floats (through `hash`), `random()`, `gauss` with its cache,
//! `getrandbits`, `_randbelow`, `randrange` and `randint` for ints of any size (multi-word
//! `getrandbits`), `shuffle`, `choice`, `choices`, `sample`, `uniform`, `triangular`,
//! `normalvariate`, `expovariate`, `lognormvariate`, `getstate` / `setstate`. Not reproduced:
//! the other distributions (`vonmisesvariate`, `gammavariate`, `betavariate`, ...), NaN seeds
//! (hashed by identity) and str seeds with other versions (hashed with the per-process `hash()`).

mod random;
mod seed;

pub use crate::py_int::{ParsePyIntError, PyInt};
pub use random::{sample_set_size, PyState, Random, Weights};
pub use seed::{hash_float, Seed};

use crate::error::{Error, ErrorKind, Result};

/// A Python int or float argument (`randrange`'s bounds, `setstate`'s elements), kept apart
/// because CPython treats them differently.
///
/// ```
/// use seedlab::python::{PyInt, PyNumber, Random};
///
/// // random.seed(17); random.randrange(10): an int; randrange(2.5) is refused, as in 3.11.
/// let mut r = Random::from_int(17);
/// let ten = PyNumber::Int(PyInt::from(10_i128));
/// let value = r.randrange(&ten, None, None).unwrap().to_i128().unwrap();
/// assert!((0..10).contains(&value));
/// let err = r.randrange(&PyNumber::Float(2.5), None, None).unwrap_err();
/// assert_eq!(err.to_string(), "ValueError: non-integer arg 1 for randrange()");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum PyNumber {
    /// An int, of any size.
    Int(PyInt),
    /// A float.
    Float(f64),
}

/// How many values to draw, from a JavaScript number: the page's `[f() for _ in range(n)]`.
/// A fractional count is `range`'s `TypeError`; a negative one is refused (where `range` would
/// silently give nothing).
pub fn count_from_f64(n: f64) -> Result<usize> {
    if n.is_nan() || n.is_infinite() || n.fract() != 0.0 {
        return Err(Error::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    if n < 0.0 {
        return Err(Error::value(format!(
            "the count n must not be negative (got {n})"
        )));
    }
    if n >= usize::MAX as f64 {
        return Err(Error::new(
            ErrorKind::MemoryError,
            format!("cannot allocate a list of {n} values"),
        ));
    }
    Ok(n as usize)
}

/// The size of the population `choice(seq)` picks from, given as a JavaScript number: a whole
/// number of elements up to 2**53 (the page passes `len(seq)`; `seq[i]` is the value chosen).
pub fn population_from_f64(pop_size: f64) -> Result<u64> {
    if !(0.0..=9_007_199_254_740_992.0).contains(&pop_size) || pop_size.fract() != 0.0 {
        return Err(Error::type_error(format!(
            "popSize must be a whole number of elements in [0, 2**53], got {pop_size}"
        )));
    }
    Ok(pop_size as u64)
}

/// Which `randint` bound a float was given for.
///
/// ```
/// use seedlab::python::{randint_bound_from_f64, Bound};
///
/// // randint(a, b) takes integral floats (with a DeprecationWarning in 3.11) and refuses others.
/// assert_eq!(Bound::High.name(), "b");
/// assert_eq!(randint_bound_from_f64(6.0, Bound::High).unwrap(), 6);
/// assert!(randint_bound_from_f64(2.5, Bound::Low).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `a`, which `randrange` calls "arg 1".
    Low,
    /// `b`: `randint` passes `b + 1` (computed in float) to `randrange` as "stop".
    High,
}

impl Bound {
    /// The parameter's name in `randint(a, b)`.
    pub fn name(self) -> &'static str {
        match self {
            Bound::Low => "a",
            Bound::High => "b",
        }
    }
}

/// A `randint` bound given as an int: any int CPython takes, as far as seedlab's `i128` arithmetic
/// reaches (ranges beyond it are refused with a message saying so).
pub fn randint_bound_from_int(int: &PyInt, bound: Bound) -> Result<i128> {
    int.to_i128().ok_or_else(|| {
        Error::value(format!(
            "randint bound {} is beyond the supported range [-2**127, 2**127)",
            bound.name()
        ))
    })
}

/// A `randint` bound given as a float, as CPython 3.11 converts it: integral floats are
/// accepted (with a `DeprecationWarning`), others raise `randrange`'s error. For `b` the float
/// sum `b + 1.0` is what gets converted, so the returned bound is `int(b + 1.0) - 1`.
pub fn randint_bound_from_f64(x: f64, bound: Bound) -> Result<i128> {
    let (value, name) = match bound {
        Bound::Low => (x, "arg 1"),
        Bound::High => (x + 1.0, "stop"),
    };
    if value.is_nan() {
        return Err(Error::value("cannot convert float NaN to integer"));
    }
    if value.is_infinite() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    if value.fract() != 0.0 {
        return Err(Error::value(format!("non-integer {name} for randrange()")));
    }
    if value.abs() >= 2f64.powi(127) {
        return Err(Error::value(format!(
            "randint bound {x} is beyond the supported range (-2**127, 2**127)"
        )));
    }
    let value = value as i128;
    Ok(match bound {
        Bound::Low => value,
        Bound::High => value - 1,
    })
}

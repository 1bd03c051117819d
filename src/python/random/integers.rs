//! CPython's integer sampling for ints of any size: `getrandbits(k)`, `_randbelow(n)`,
//! `randrange(start, stop, step)` and `randint(a, b)`, with 3.11's argument checks.
//!
//! Source: CPython 3.11.7 `Lib/random.py` (`randrange`, `randint`,
//! `_randbelow_with_getrandbits`) and `Modules/_randommodule.c` (`getrandbits`).

use super::Random;
use crate::error::{Error, ErrorKind, Result};
use crate::py_int::PyInt;
use crate::python::PyNumber;

impl Random {
    /// `getrandbits(k)`: an int of `k` random bits (words least significant first, the last
    /// word's top bits). Errors as CPython's: `k` beyond a C int, then a negative `k`.
    pub fn getrandbits(&mut self, k: &PyInt) -> Result<PyInt> {
        let k = k
            .to_i128()
            .and_then(|k| i32::try_from(k).ok())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })?;
        let k =
            u32::try_from(k).map_err(|_| Error::value("number of bits must be non-negative"))?;
        let mut words = Vec::new();
        if words.try_reserve_exact(k.div_ceil(32) as usize).is_err() {
            return Err(Error::new(ErrorKind::MemoryError, ""));
        }
        self.getrandbits_words(k, &mut words);
        Ok(PyInt::from_words(false, words))
    }

    /// `_randbelow(n)` for an int of any size: `getrandbits(n.bit_length())` until below `n`.
    /// CPython loops forever for `n <= 0`; here that is an error.
    pub fn randbelow_int(&mut self, n: &PyInt) -> Result<PyInt> {
        if n.is_negative() || n.is_zero() {
            return Err(Error::value(format!(
                "_randbelow is defined for n > 0, got {n} (CPython would loop forever)"
            )));
        }
        Ok(PyInt::from_words(
            false,
            self.randbelow_words(n.magnitude_words()),
        ))
    }

    /// `randrange(start, stop=None, step=1)`: one int from `range(start, stop, step)`. Python
    /// floats are taken as 3.11 takes them: an integral float is its int (3.11 warns that this is
    /// deprecated; 3.12 refuses it), any other is `ValueError: non-integer arg 1 for
    /// randrange()` (or `stop`, `step`). `step` is `None` when not given; CPython's
    /// `step is not _ONE` test is true for every step but the int 1.
    pub fn randrange(
        &mut self,
        start: &PyNumber,
        stop: Option<&PyNumber>,
        step: Option<&PyNumber>,
    ) -> Result<PyInt> {
        let one = PyInt::from(1u32);
        let istart = integral(start, "arg 1")?;
        let Some(stop) = stop else {
            if step.is_some_and(|step| !matches!(step, PyNumber::Int(s) if *s == one)) {
                return Err(Error::type_error("Missing a non-None stop argument"));
            }
            if istart > PyInt::default() {
                return self.randbelow_int(&istart);
            }
            return Err(Error::value("empty range for randrange()"));
        };
        let istop = integral(stop, "stop")?;
        let width = istop.sub(&istart);
        let istep = match step {
            Some(step) => integral(step, "step")?,
            None => one.clone(),
        };
        let zero = PyInt::default();
        if istep == one {
            if width > zero {
                return Ok(istart.add(&self.randbelow_int(&width)?));
            }
            return Err(Error::value(format!(
                "empty range for randrange() ({istart}, {istop}, {width})"
            )));
        }
        let n = if istep > zero {
            width.add(&istep).sub(&one).div_floor(&istep)
        } else if istep < zero {
            width.add(&istep).add(&one).div_floor(&istep)
        } else {
            return Err(Error::value("zero step for randrange()"));
        }
        .expect("the step is not zero");
        if n <= zero {
            return Err(Error::value("empty range for randrange()"));
        }
        Ok(istart.add(&istep.mul(&self.randbelow_int(&n)?)))
    }

    /// `randint(a, b)` = `randrange(a, b + 1)` for ints of any size (`b + 1` is a float sum when
    /// `b` is a float).
    pub fn randint_int(&mut self, a: &PyNumber, b: &PyNumber) -> Result<PyInt> {
        let stop = match b {
            PyNumber::Int(b) => PyNumber::Int(b.add(&PyInt::from(1u32))),
            PyNumber::Float(b) => PyNumber::Float(b + 1.0),
        };
        self.randrange(a, Some(&stop), None)
    }
}

/// `_index(x)`, or for a float 3.11's fallback `int(x)`, refused unless integral.
fn integral(x: &PyNumber, which: &str) -> Result<PyInt> {
    match x {
        PyNumber::Int(i) => Ok(i.clone()),
        PyNumber::Float(f) if f.is_nan() => {
            Err(Error::value("cannot convert float NaN to integer"))
        }
        PyNumber::Float(f) if f.is_infinite() => Err(Error::new(
            ErrorKind::OverflowError,
            "cannot convert float infinity to integer",
        )),
        PyNumber::Float(f) => PyInt::from_integral_f64(*f)
            .ok_or_else(|| Error::value(format!("non-integer {which} for randrange()"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i128) -> PyNumber {
        PyNumber::Int(PyInt::from(v))
    }

    /// Values printed by CPython 3.11.7 for `random.Random(17)`.
    #[test]
    fn randrange_matches_cpython() {
        let mut r = Random::from_int(17);
        assert_eq!(
            r.randrange(&int(10), None, Some(&int(1))).unwrap(),
            PyInt::from(8i32)
        );
        let mut r = Random::from_int(17);
        assert_eq!(
            r.randrange(&int(20), Some(&int(10)), Some(&int(-3)))
                .unwrap(),
            PyInt::from(11i32)
        );
        let mut r = Random::from_int(17);
        assert_eq!(
            r.randrange(&PyNumber::Float(10.0), None, None).unwrap(),
            PyInt::from(8i32)
        );
        let msg = |r: Result<PyInt>| r.unwrap_err().to_string();
        assert_eq!(
            msg(r.randrange(&int(5), Some(&int(3)), None)),
            "ValueError: empty range for randrange() (5, 3, -2)"
        );
        assert_eq!(
            msg(r.randrange(&int(10), None, Some(&PyNumber::Float(1.0)))),
            "TypeError: Missing a non-None stop argument"
        );
        assert_eq!(
            msg(r.randrange(&int(10), Some(&int(20)), Some(&int(0)))),
            "ValueError: zero step for randrange()"
        );
        assert_eq!(
            msg(r.randrange(&int(10), Some(&int(20)), Some(&int(-1)))),
            "ValueError: empty range for randrange()"
        );
        assert_eq!(
            msg(r.randrange(&PyNumber::Float(2.5), None, None)),
            "ValueError: non-integer arg 1 for randrange()"
        );
        assert_eq!(
            msg(r.getrandbits(&PyInt::from(1i128 << 31))),
            "OverflowError: Python int too large to convert to C int"
        );
        assert_eq!(
            msg(r.getrandbits(&PyInt::from(-1i32))),
            "ValueError: number of bits must be non-negative"
        );
    }
}

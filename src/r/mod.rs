//! R's random numbers with the default kinds: `set.seed`, `runif`, `rnorm`, `sample`.
//!
//! Reference: R 4.x on x86-64 Linux (checked against R 4.2.2, Debian), default
//! `RNGkind("Mersenne-Twister", "Inversion", "Rejection")`. R is GPL, so nothing here is R's
//! code: the behaviour comes from the project's reference note (which states it from reading R)
//! and from R's observed outputs; the normal quantile is implemented from Wichura's published
//! algorithm AS 241.
//!
//! Reproduced: `set.seed` (R's own LCG seeding of the Mersenne Twister, `.Random.seed`),
//! `runif`, `rnorm` (inversion), `sample`/`sample.int` (rejection sampling, with and without
//! replacement, R's hash path for large populations), R's argument errors. Not reproduced: other
//! `RNGkind`s (Box-Muller keeps a cache, Rounding sampling is pre-3.6), `prob=` weights,
//! sampling from a vector of values (index it with `sample`'s result).

mod qnorm;
mod random;
mod sample;

pub use qnorm::qnorm;
pub use random::{Random, KINDS_CODE};

use crate::error::{ErrorKind, Result};

use crate::error::Error;

/// An R error (`stop(message)`), with R's message.
fn r_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::RError, message)
}

/// The seed `set.seed` receives, from a JavaScript number: R's `as.integer` truncates toward
/// zero; NaN, infinities and values outside the int range (which `as.integer` turns into NA,
/// with a warning) are R's error.
pub fn seed_from_f64(x: f64) -> Result<i32> {
    if x.is_nan() || x >= 2_147_483_648.0 || x <= -2_147_483_648.0 {
        return Err(invalid_seed());
    }
    Ok(x.trunc() as i32)
}

/// An integer seed (a JavaScript BigInt): NA, hence R's error, outside (-2**31, 2**31).
pub fn seed_from_int(x: i128) -> Result<i32> {
    match i32::try_from(x) {
        Ok(seed) if seed != i32::MIN => Ok(seed),
        _ => Err(invalid_seed()),
    }
}

/// R's error for a call without a required argument: `runif()` is `argument "n" is missing, with
/// no default`.
pub fn missing_argument(name: &str) -> Error {
    r_error(format!("argument \"{name}\" is missing, with no default"))
}

fn invalid_seed() -> Error {
    r_error("supplied seed is not a valid integer")
}

/// `R_XLEN_T_MAX`, the longest vector R allows: 2**52.
const XLEN_MAX: f64 = 4_503_599_627_370_496.0;

/// The `n` of `runif(n)`/`rnorm(n)` as R reads a single number: truncated; NaN, negative or
/// beyond the longest vector is R's "invalid arguments".
pub fn count_from_f64(n: f64) -> Result<usize> {
    if !(0.0..=XLEN_MAX).contains(&n) {
        return Err(r_error("invalid arguments"));
    }
    if n >= usize::MAX as f64 {
        return Err(cannot_allocate(n));
    }
    Ok(n as usize)
}

/// Room for `n` values, or R's out-of-memory error.
fn alloc<T>(n: usize) -> Result<Vec<T>> {
    crate::error::try_vec(n).ok_or_else(|| cannot_allocate(n as f64))
}

/// Room for a count of values given as a double (which may exceed the address space).
fn alloc_values(count: f64) -> Result<Vec<f64>> {
    if count >= usize::MAX as f64 {
        return Err(cannot_allocate(count));
    }
    alloc(count as usize)
}

/// R's `cannot allocate vector of size 7450580.6 Gb`, for a vector of doubles.
fn cannot_allocate(n: f64) -> Error {
    let kb = n * 8.0 / 1024.0;
    let size = if kb > 1024.0 * 1024.0 {
        format!("{:.1} Gb", kb / 1024.0 / 1024.0)
    } else if kb > 1024.0 {
        format!("{:.1} Mb", kb / 1024.0)
    } else {
        format!("{kb:.0} Kb")
    };
    r_error(format!("cannot allocate vector of size {size}"))
}

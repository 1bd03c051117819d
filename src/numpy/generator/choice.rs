//! `Generator.choice(a, size, replace, p, shuffle)`, with `a` given as an int or as the length
//! of an array along the axis sampled.
//!
//! With replacement and no `p` it is `integers(0, pop_size, size)`; with `p`, the `weighted`
//! module (shared with the legacy API). Without replacement and without `p`, NumPy picks one of
//! two algorithms by a heuristic cutoff, and they give different numbers, so both are
//! reproduced: for a large population from which a sizeable share is drawn, a partial
//! Fisher-Yates shuffle of the whole `arange(pop_size)`; otherwise Floyd's algorithm, which needs
//! memory only for the sample, followed (with `shuffle=True`) by a shuffle of the sample. Both
//! draw with Lemire's method (unlike `permutation`, which masks).
//!
//! Source: numpy `random/_generator.pyx` (`Generator.choice`, `_shuffle_int`).

use super::lemire::bounded_u64;
use super::{int64_bounds, Generator};
use crate::error::{Error, Result};
use crate::numpy::bit_generator::BitGenerator;
use crate::numpy::bounded::gen_mask;
use crate::numpy::memory::{alloc, cannot_allocate};
use crate::numpy::size::{array_len, integral, intp_from_f64, negative_dimensions, size_argument};
use crate::numpy::weighted::{self, Population, GENERATOR_WORDS as WORDS};
use std::collections::HashSet;

impl Generator {
    /// `choice(pop_size, size, replace)` without `p` (and `shuffle=True`): `size` values of
    /// `range(pop_size)`.
    pub fn choice(&mut self, pop_size: i128, size: i128, replace: bool) -> Result<Vec<i64>> {
        self.choice_from(Population::Int(pop_size), size, replace, None, true)
    }

    /// `choice(a, size, replace, p, shuffle=shuffle)`: `size` indices into the population `a`
    /// (an int `n` means `range(n)`; for an array, indices along the axis sampled), each with
    /// probability `p[i]` when `p` is given. `shuffle=False` leaves Floyd's sample in the order
    /// drawn and moves the tail-shuffle cutoff. Errors in NumPy's order and words: an empty
    /// population unless `size == 0`; `p`'s size, NaN, negative entries and sum; with
    /// replacement and no `p`, `integers`'s bounds; without replacement, a sample larger than
    /// the population, a negative size, fewer positive probabilities than `size` (with `p`), a
    /// population beyond int64 (without `p`). (`p must be 1-dimensional` and the axis are the
    /// caller's checks.)
    pub fn choice_from(
        &mut self,
        a: Population,
        size: i128,
        replace: bool,
        p: Option<&[f64]>,
        shuffle: bool,
    ) -> Result<Vec<i64>> {
        a.check(size != 0, &WORDS)?;
        let pop_size = a.size();
        if let Some(p) = p {
            weighted::check_probabilities(p, pop_size, &WORDS)?;
        }
        if replace {
            if let Some(p) = p {
                // `self.random(shape)`, then the search.
                let n = nonnegative_len(size, "float64")?;
                return weighted::with_replacement(&mut self.bit_generator, p, n);
            }
            // `integers(0, pop_size, size)` returns an empty size before it checks the bounds.
            if size == 0 {
                return Ok(Vec::new());
            }
            let (offset, draw) = int64_bounds(0, pop_size)?;
            let n = nonnegative_len(size, "int64")?;
            return self.fill_integers(offset, draw, n);
        }
        check_sample_without_replacement(pop_size, size)?;
        if let Some(p) = p {
            return weighted::without_replacement(&mut self.bit_generator, p, size as usize);
        }
        check_population_fits_int64(pop_size)?;
        without_replacement(
            &mut self.bit_generator,
            pop_size as u64,
            size as u64,
            shuffle,
        )
    }

    /// [`Generator::choice`] with the size as JavaScript passes it.
    pub fn choice_sized(
        &mut self,
        pop_size: i128,
        size: Option<f64>,
        replace: bool,
    ) -> Result<Vec<i64>> {
        self.choice_from_sized(Population::Int(pop_size), size, replace, None, true)
    }

    /// [`Generator::choice_from`] with the size as JavaScript passes it: an integral size as
    /// `choice_from` takes it; a fractional one fails with the error NumPy's checks on it reach
    /// first (NumPy runs them with the size as a float or truncated to an int, and a size that
    /// passes them is then rejected as a shape).
    pub fn choice_from_sized(
        &mut self,
        a: Population,
        size: Option<f64>,
        replace: bool,
        p: Option<&[f64]>,
        shuffle: bool,
    ) -> Result<Vec<i64>> {
        let size = size.ok_or_else(Error::missing_count)?;
        match integral(size) {
            Some(size) => self.choice_from(a, size, replace, p, shuffle),
            None => Err(fractional_size_error(a, size, replace, p)),
        }
    }
}

/// The error `choice` raises for a fractional (or NaN, infinite) size.
fn fractional_size_error(a: Population, size: f64, replace: bool, p: Option<&[f64]>) -> Error {
    let pop_size = a.size();
    let checks = a
        .check(size != 0.0, &WORDS)
        .and_then(|()| match p {
            Some(p) => weighted::check_probabilities(p, pop_size, &WORDS),
            None => Ok(()),
        })
        .and_then(|()| {
            if replace {
                return match p {
                    Some(_) => Ok(()),
                    None => int64_bounds(0, pop_size).map(drop),
                };
            }
            let truncated = intp_from_f64(size);
            check_sample_without_replacement(pop_size, truncated)?;
            match p {
                Some(p) => weighted::check_enough_nonzero(p, truncated as usize),
                None => check_population_fits_int64(pop_size),
            }
        });
    checks
        .and_then(|()| size_argument(size, "int64").map(drop))
        .expect_err("a fractional size is always an error")
}

/// A size as `np.empty(size)` takes it: negative sizes and lengths beyond NumPy's limits fail.
fn nonnegative_len(size: i128, dtype: &str) -> Result<usize> {
    if size < 0 {
        return Err(negative_dimensions());
    }
    array_len(size as u128, dtype)
}

/// `choice`'s checks without replacement, on the size as an integer.
fn check_sample_without_replacement(pop_size: i128, size: i128) -> Result<()> {
    if size > pop_size {
        return Err(Error::value(WORDS.larger_sample));
    }
    if size < 0 {
        return Err(Error::value(WORDS.negative_size));
    }
    Ok(())
}

/// NumPy's `OverflowError` for a population beyond int64 without replacement (the Cython
/// `int64_t pop_size_i = pop_size` conversion).
fn check_population_fits_int64(pop_size: i128) -> Result<()> {
    if pop_size > i128::from(i64::MAX) {
        return Err(Error::new(
            crate::error::ErrorKind::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    Ok(())
}

/// The tail shuffle is used when `pop_size > 10000` and `size > pop_size // cutoff`, with a
/// cutoff of 50 when the sample is shuffled and 20 when it is not (a heuristic tuning, says
/// NumPy).
const SHUFFLE_CUTOFF: u64 = 50;
const NO_SHUFFLE_CUTOFF: u64 = 20;
const SMALL_POPULATION: u64 = 10_000;

/// Distinct values of `[0, pop_size)`, `size <= pop_size`, both at most `i64::MAX`.
fn without_replacement<B: BitGenerator>(
    bitgen: &mut B,
    pop_size: u64,
    size: u64,
    shuffle: bool,
) -> Result<Vec<i64>> {
    debug_assert!(size <= pop_size && pop_size <= i64::MAX as u64);
    let cutoff = if shuffle {
        SHUFFLE_CUTOFF
    } else {
        NO_SHUFFLE_CUTOFF
    };
    if pop_size > SMALL_POPULATION && size > pop_size / cutoff {
        tail_shuffle(bitgen, pop_size, size)
    } else {
        floyd(bitgen, pop_size, size, shuffle)
    }
}

/// `_shuffle_int(n, first, data)`: Fisher-Yates over `i = n-1` down to `first` with Lemire
/// draws in `[0, i]`.
fn shuffle_int<B: BitGenerator>(bitgen: &mut B, data: &mut [i64], first: usize) {
    for i in (first..data.len()).rev() {
        let j = bounded_u64(bitgen, i as u64) as usize;
        data.swap(i, j);
    }
}

/// Shuffles only the last `size` positions of `arange(pop_size)` and returns them.
fn tail_shuffle<B: BitGenerator>(bitgen: &mut B, pop_size: u64, size: u64) -> Result<Vec<i64>> {
    let n = array_len(u128::from(pop_size), "int64")?;
    let mut idx = alloc(n, "int64")?;
    idx.extend(0..n as i64);
    // NumPy shuffles down to max(pop_size - size, 1): drawing the whole population still
    // leaves position 0 to the last swap.
    let first = (pop_size - size).max(1) as usize;
    shuffle_int(bitgen, &mut idx, first);
    Ok(idx.split_off((pop_size - size) as usize))
}

/// Floyd's algorithm: for `j = pop_size - size, ..., pop_size - 1` take a value in `[0, j]`, or
/// `j` itself if that value was taken already; then, with `shuffle`, shuffle the sample
/// (`_shuffle_int(size, 1)`).
fn floyd<B: BitGenerator>(
    bitgen: &mut B,
    pop_size: u64,
    size: u64,
    shuffle: bool,
) -> Result<Vec<i64>> {
    let n = array_len(u128::from(size), "int64")?;
    let mut idx = alloc(n, "int64")?;
    let mut seen = HashSet::new();
    if seen.try_reserve(n).is_err() {
        // NumPy's open-addressing set: the smallest power of two above 1.2 * size, of uint64.
        let set_size = gen_mask((1.2 * size as f64) as u64).saturating_add(1);
        return Err(cannot_allocate(set_size as f64, "uint64"));
    }
    for j in pop_size - size..pop_size {
        let val = bounded_u64(bitgen, j);
        let taken = if seen.insert(val) {
            val
        } else {
            seen.insert(j);
            j
        };
        idx.push(taken as i64);
    }
    if shuffle {
        shuffle_int(bitgen, &mut idx, 1);
    }
    Ok(idx)
}

//! `RandomState.choice(a, size, replace, p)`, with `a` given as an int or as an array's length.
//!
//! Without `p`: with replacement `randint(0, pop_size, size)`; without, `permutation(pop_size)`
//! cut to `size` (the whole population is shuffled). With `p`: the `weighted` module.

use super::RandomState;
use crate::error::{Error, Result};
use crate::numpy::int64_bounds::closed_range;
use crate::numpy::size::{array_len, integral, intp_from_f64, negative_dimensions, size_argument};
use crate::numpy::weighted::{self, Population, LEGACY_WORDS as WORDS};

impl RandomState {
    /// `choice(pop_size, size, replace)` without `p`: `size` values of `range(pop_size)`.
    pub fn choice(&mut self, pop_size: i128, size: i128, replace: bool) -> Result<Vec<i64>> {
        self.choice_from(Population::Int(pop_size), size, replace, None)
    }

    /// `choice(a, size, replace, p)`: `size` indices into the population `a` (an int `n` means
    /// `range(n)`; an array's elements are `a[i]`), each with probability `p[i]` when `p` is
    /// given. Errors in NumPy's order and words: an empty population unless `size == 0`; `p`'s
    /// size, NaN, negative entries and sum (within `sqrt(eps)`, by Kahan summation); with
    /// replacement and no `p`, `randint`'s bounds; without replacement, a sample larger than the
    /// population, a negative size, and (with `p`) fewer positive probabilities than `size`.
    /// (`'p' must be 1-dimensional` and `a must be 1-dimensional` are the caller's checks.)
    pub fn choice_from(
        &mut self,
        a: Population,
        size: i128,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Vec<i64>> {
        a.check(size != 0, &WORDS)?;
        let pop_size = a.size();
        if let Some(p) = p {
            weighted::check_probabilities(p, pop_size, &WORDS)?;
        }
        if replace {
            if let Some(p) = p {
                // `random_sample(shape)`, then the search.
                let n = nonnegative_len(size, "float64")?;
                return weighted::with_replacement(&mut self.mt, p, n);
            }
            // `randint(0, pop_size, size)` returns an empty size before it checks the bounds.
            if size == 0 {
                return Ok(Vec::new());
            }
            closed_range(0, pop_size)?;
            let n = nonnegative_len(size, "int64")?;
            return self.randint(0, Some(pop_size), n);
        }
        check_sample_without_replacement(pop_size, size)?;
        if let Some(p) = p {
            return weighted::without_replacement(&mut self.mt, p, size as usize);
        }
        let mut sample = self.permutation(pop_size)?;
        sample.truncate(size as usize);
        Ok(sample)
    }

    /// [`RandomState::choice`] with the size as JavaScript passes it.
    pub fn choice_sized(
        &mut self,
        pop_size: i128,
        size: Option<f64>,
        replace: bool,
    ) -> Result<Vec<i64>> {
        self.choice_from_sized(Population::Int(pop_size), size, replace, None)
    }

    /// [`RandomState::choice_from`] with the size as JavaScript passes it: an integral size as
    /// `choice_from` takes it; a fractional one fails with the error NumPy's checks on it reach
    /// first (NumPy runs them with the size as a float or truncated to an int, and a size that
    /// passes them is then rejected as a shape).
    pub fn choice_from_sized(
        &mut self,
        a: Population,
        size: Option<f64>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Vec<i64>> {
        let size = size.ok_or_else(Error::missing_count)?;
        match integral(size) {
            Some(size) => self.choice_from(a, size, replace, p),
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
                    None => closed_range(0, pop_size).map(drop),
                };
            }
            let truncated = intp_from_f64(size);
            check_sample_without_replacement(pop_size, truncated)?;
            match p {
                Some(p) => weighted::check_enough_nonzero(p, truncated as usize),
                None => Ok(()),
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

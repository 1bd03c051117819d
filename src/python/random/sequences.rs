//! CPython's `choices(population, weights, cum_weights=, k=)` and `sample(population, k)`, as
//! indices into a population of `n` elements (the caller maps them to elements).
//!
//! Source: CPython 3.11.7 `Lib/random.py` (`choices`, `sample`), `Modules/_bisectmodule.c`
//! (`bisect_right`), `Modules/mathmodule.c` (`math.log(x, base)` = `log(x) / log(base)`).

use super::Random;
use crate::error::{Error, ErrorKind, Result};
use crate::math;
use crate::py_int::PyInt;

/// `choices`' weights: none, relative weights, or cumulative weights.
///
/// ```
/// use seedlab::python::{PyInt, Random, Weights};
///
/// // random.choices(range(3), weights=[0, 1, 0], k=4): indices into the population
/// let mut r = Random::from_int(17);
/// let picks = r.choices(&PyInt::from(3_i128), 4, Weights::Relative(&[0.0, 1.0, 0.0])).unwrap();
/// assert_eq!(picks, [1.0; 4]);
/// let mut r = Random::from_int(17);
/// let cumulative = r.choices(&PyInt::from(3_i128), 4, Weights::Cumulative(&[0.0, 1.0, 1.0]));
/// assert_eq!(cumulative.unwrap(), [1.0; 4]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Weights<'a> {
    /// Equal probabilities: `floor(random() * n)`.
    None,
    /// `weights=`: accumulated left to right into cumulative weights.
    Relative(&'a [f64]),
    /// `cum_weights=`.
    Cumulative(&'a [f64]),
}

impl Random {
    /// `choices(population, weights, cum_weights=, k=k)` for a population of `n` elements: `k`
    /// indices (`population[i]`), each an integer-valued double, exact even beyond 2**53 (it is
    /// `math.floor` of a double). Without weights each is `floor(random() * float(n))`; an
    /// empty population gives index 0 after a draw, as CPython draws before `population[0]`
    /// raises `IndexError`. With weights: `bisect(cum_weights, random() * total, 0, n - 1)`
    /// where `total = cum_weights[-1] + 0.0`. Weights are floats here (Python ints convert
    /// exactly while their running sums stay below 2**53). A negative `k` gives nothing.
    pub fn choices(&mut self, n: &PyInt, k: i128, weights: Weights<'_>) -> Result<Vec<f64>> {
        let k = usize::try_from(k.max(0)).map_err(|_| too_many(k))?;
        let accumulated: Vec<f64>;
        let cum_weights = match weights {
            Weights::None => {
                let n = n.to_f64().ok_or_else(|| {
                    Error::new(
                        ErrorKind::OverflowError,
                        "int too large to convert to float",
                    )
                })?;
                let mut out = alloc(k)?;
                out.extend((0..k).map(|_| (self.next_random() * n).floor()));
                return Ok(out);
            }
            Weights::Relative(w) => {
                let mut total = 0.0;
                accumulated = w
                    .iter()
                    .enumerate()
                    .map(|(i, &x)| {
                        // accumulate's first value is the first weight itself.
                        total = if i == 0 { x } else { total + x };
                        total
                    })
                    .collect();
                &accumulated[..]
            }
            Weights::Cumulative(c) => c,
        };
        if PyInt::from(cum_weights.len() as u64) != *n {
            return Err(Error::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&last) = cum_weights.last() else {
            return Err(Error::new(ErrorKind::IndexError, "list index out of range"));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(Error::value("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(Error::value("Total of weights must be finite"));
        }
        let hi = cum_weights.len() - 1;
        let mut out = alloc(k)?;
        out.extend(
            (0..k).map(|_| bisect_right(cum_weights, self.next_random() * total, hi) as f64),
        );
        Ok(out)
    }

    /// `sample(population, k)` for a population of `n` elements: `k` distinct indices in
    /// selection order. CPython picks by the population's size: a pool it draws from and
    /// shrinks (`n <= setsize`), or rejection of repeats with a set.
    pub fn sample(&mut self, n: &PyInt, k: i128) -> Result<Vec<PyInt>> {
        if k < 0 || PyInt::from(k) > *n {
            return Err(Error::value("Sample larger than population or is negative"));
        }
        let k = usize::try_from(k).map_err(|_| too_many(k))?;
        let mut result = alloc(k)?;
        if *n <= PyInt::from(sample_set_size(k as u128)) {
            // `pool = list(population)`: n is at most 4**ceil(log4(3k)) + 21 here.
            let n = n
                .to_i128()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| too_many(k as i128))?;
            let mut pool: Vec<usize> = alloc(n)?;
            pool.extend(0..n);
            for i in 0..k {
                let j = self.randbelow((n - i) as u128) as usize;
                result.push(PyInt::from(pool[j] as u64));
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = self.randbelow_int(n)?;
                while selected.contains(&j) {
                    j = self.randbelow_int(n)?;
                }
                selected.insert(j.clone());
                result.push(j);
            }
        }
        Ok(result)
    }
}

/// `sample`'s `setsize`: `21`, plus `4 ** ceil(log(k * 3, 4))` for `k > 5` (the table size of
/// a set of `k` elements), with `math.log(x, 4)` = `log(float(x)) / log(4.0)` computed with
/// glibc's `log`, as CPython does.
pub fn sample_set_size(k: u128) -> u128 {
    let mut setsize = 21;
    if k > 5 {
        let exponent = (math::log((k * 3) as f64) / math::log(4.0)).ceil();
        setsize += 4u128.saturating_pow(exponent as u32);
    }
    setsize
}

/// `bisect.bisect_right(a, x, 0, hi)`: CPython's binary search, as it runs even on unsorted
/// cumulative weights (negative weights).
fn bisect_right(a: &[f64], x: f64, hi: usize) -> usize {
    let (mut lo, mut hi) = (0, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

fn too_many(k: i128) -> Error {
    Error::new(
        ErrorKind::MemoryError,
        format!("cannot allocate a list of {k} values"),
    )
}

fn alloc<T>(n: usize) -> Result<Vec<T>> {
    crate::error::try_vec(n).ok_or_else(|| too_many(n as i128))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_size_steps_at_powers_of_four() {
        assert_eq!(sample_set_size(5), 21);
        assert_eq!(sample_set_size(6), 21 + 64); // log4(18) = 2.08
        assert_eq!(sample_set_size(21), 21 + 64); // log4(63) = 2.99
        assert_eq!(sample_set_size(22), 21 + 256); // log4(66) = 3.02
    }
}

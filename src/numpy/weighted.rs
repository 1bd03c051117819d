//! `choice(a, size, replace, p=p)`: indices drawn with the probabilities `p`, as both NumPy APIs
//! do it (the same algorithm; the two APIs word their errors differently and draw their
//! uniforms from their own bit generators).
//!
//! With replacement: `cdf = cumsum(p); cdf /= cdf[-1]`, then for each uniform `u` the index
//! `searchsorted(cdf, u, side='right')`, the number of `cdf` entries `<= u`. Without replacement,
//! rounds of the same: each round draws as many uniforms as values are still missing, zeroes the
//! probabilities of the values already found, and keeps the new values in order of first
//! appearance (`np.unique(new, return_index=True)` with the indices sorted).
//!
//! Source: numpy `random/mtrand.pyx` (`RandomState.choice`), `random/_generator.pyx`
//! (`Generator.choice`), `random/_common.pyx` (`kahan_sum`).

use super::bit_generator::BitGenerator;
use super::memory::alloc;
use crate::error::{Error, Result};

/// How one API words `choice`'s errors.
pub(crate) struct ChoiceWords {
    /// `a` an int that is not positive, with samples to take.
    pub pop_not_positive: &'static str,
    /// `a` an empty array, with samples to take.
    pub empty_a: &'static str,
    /// `p` and `a` of different sizes.
    pub p_size: &'static str,
    /// `p`'s (Kahan) sum is NaN.
    pub p_nan: &'static str,
    /// A negative probability.
    pub p_negative: &'static str,
    /// `p` does not sum to 1 within `sqrt(eps)`.
    pub p_sum: &'static str,
    /// Without replacement, more samples than the population.
    pub larger_sample: &'static str,
    /// Without replacement, a negative size.
    pub negative_size: &'static str,
}

/// `RandomState.choice`'s words.
pub(crate) const LEGACY_WORDS: ChoiceWords = ChoiceWords {
    pop_not_positive: "a must be greater than 0 unless no samples are taken",
    empty_a: "'a' cannot be empty unless no samples are taken",
    p_size: "'a' and 'p' must have same size",
    p_nan: "probabilities contain NaN",
    p_negative: "probabilities are not non-negative",
    p_sum: "probabilities do not sum to 1",
    larger_sample: "Cannot take a larger sample than population when 'replace=False'",
    // Capitalised here, unlike NumPy's other "negative dimensions" messages.
    negative_size: "Negative dimensions are not allowed",
};

/// `Generator.choice`'s words.
pub(crate) const GENERATOR_WORDS: ChoiceWords = ChoiceWords {
    pop_not_positive: "a must be a positive integer unless no samples are taken",
    empty_a: "a cannot be empty unless no samples are taken",
    p_size: "a and p must have same size",
    p_nan: "Probabilities contain NaN",
    p_negative: "Probabilities are not non-negative",
    p_sum: "Probabilities do not sum to 1. See Notes section of docstring for more information.",
    larger_sample: "Cannot take a larger sample than population when replace is False",
    negative_size: "negative dimensions are not allowed",
};

/// `choice`'s population: `a` given as an int, or as an array of this many elements (along the
/// axis sampled). The draws are the same; the errors differ.
///
/// ```
/// use seedlab::numpy::{Population, RandomState};
///
/// // choice(10, 3) and choice(a, 3) for an array a of 10 elements draw the same indices.
/// let from_int = RandomState::from_u32(17)
///     .choice_from(Population::Int(10), 3, true, None)
///     .unwrap();
/// let from_array = RandomState::from_u32(17)
///     .choice_from(Population::Array(10), 3, true, None)
///     .unwrap();
/// assert_eq!(from_int, from_array);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Population {
    /// `a` is an int: sample from `range(a)`.
    Int(i128),
    /// `a` is an array: sample indices of its `len` elements (along axis 0).
    Array(u64),
}

impl Population {
    /// The number of elements to sample from.
    pub(crate) fn size(self) -> i128 {
        match self {
            Population::Int(n) => n,
            Population::Array(len) => i128::from(len),
        }
    }

    /// `choice`'s first check: a population with nothing in it, unless no samples are taken.
    /// `samples_taken` is `np.prod(size) != 0`.
    pub(crate) fn check(self, samples_taken: bool, words: &ChoiceWords) -> Result<()> {
        match self {
            Population::Int(n) if n <= 0 && samples_taken => {
                Err(Error::value(words.pop_not_positive))
            }
            Population::Array(0) if samples_taken => Err(Error::value(words.empty_a)),
            _ => Ok(()),
        }
    }
}

/// `kahan_sum` (numpy `random/_common.pyx`): compensated summation, left to right; 0.0 for an
/// empty array.
pub(crate) fn kahan_sum(values: &[f64]) -> f64 {
    let Some((&first, rest)) = values.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0);
    for &x in rest {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// `sqrt(np.finfo(np.float64).eps)`: how far from 1 the sum of `p` may be. (NumPy widens it for
/// a float32 array `p`; seedlab takes `p` as float64.)
const P_SUM_TOLERANCE: f64 = 1.490_116_119_384_765_6e-8;

/// `choice`'s checks of `p` against a population of `pop_size`, in NumPy's order. (`p must be
/// 1-dimensional` comes before these and is the caller's: seedlab takes `p` flat.)
pub(crate) fn check_probabilities(p: &[f64], pop_size: i128, words: &ChoiceWords) -> Result<()> {
    if p.len() as i128 != pop_size {
        return Err(Error::value(words.p_size));
    }
    let sum = kahan_sum(p);
    if sum.is_nan() {
        return Err(Error::value(words.p_nan));
    }
    if p.iter().any(|&x| x < 0.0) {
        return Err(Error::value(words.p_negative));
    }
    if (sum - 1.0).abs() > P_SUM_TOLERANCE {
        return Err(Error::value(words.p_sum));
    }
    Ok(())
}

/// `cdf = p.cumsum(); cdf /= cdf[-1]` (`cumsum` adds left to right).
fn normalised_cdf(p: &[f64]) -> Vec<f64> {
    let mut total = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            total += x;
            total
        })
        .collect();
    if let Some(&last) = cdf.last() {
        for c in &mut cdf {
            *c /= last;
        }
    }
    cdf
}

/// `cdf.searchsorted(u, side='right')`: how many entries of the non-decreasing `cdf` are `<= u`.
fn search_right(cdf: &[f64], u: f64) -> usize {
    cdf.partition_point(|&c| c <= u)
}

/// With replacement: one index per uniform, `n` of them (checked `p`, `n > 0` only when `p`
/// is not empty).
pub(crate) fn with_replacement<B: BitGenerator>(
    bitgen: &mut B,
    p: &[f64],
    n: usize,
) -> Result<Vec<i64>> {
    let cdf = normalised_cdf(p);
    let mut out = alloc(n, "int64")?;
    out.extend((0..n).map(|_| search_right(&cdf, bitgen.next_double()) as i64));
    Ok(out)
}

/// Without replacement: `size` distinct indices (checked `p`, `0 <= size <= len(p)`), or
/// NumPy's error when fewer than `size` probabilities are positive.
pub(crate) fn without_replacement<B: BitGenerator>(
    bitgen: &mut B,
    p: &[f64],
    size: usize,
) -> Result<Vec<i64>> {
    check_enough_nonzero(p, size)?;
    let mut p = p.to_vec();
    let mut found: Vec<i64> = alloc(size, "int64")?;
    let mut uniforms = Vec::new();
    let mut seen = vec![false; p.len()];
    while found.len() < size {
        uniforms.clear();
        uniforms.extend((0..size - found.len()).map(|_| bitgen.next_double()));
        for &i in &found {
            p[i as usize] = 0.0;
        }
        let cdf = normalised_cdf(&p);
        for &u in &uniforms {
            let i = search_right(&cdf, u);
            // The values already found have probability 0 now, so no round gives them again;
            // within a round the first appearance of each value is kept.
            if !seen[i] {
                seen[i] = true;
                found.push(i as i64);
            }
        }
    }
    Ok(found)
}

/// `np.count_nonzero(p > 0) < size`: NumPy's error, raised before any draw.
pub(crate) fn check_enough_nonzero(p: &[f64], size: usize) -> Result<()> {
    if p.iter().filter(|&&x| x > 0.0).count() < size {
        return Err(Error::value("Fewer non-zero entries in p than size"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kahan_sum_compensates() {
        assert_eq!(kahan_sum(&[]), 0.0);
        assert_eq!(kahan_sum(&[0.1; 10]), 1.0);
        assert_ne!([0.1f64; 10].iter().sum::<f64>(), 1.0);
        assert!(kahan_sum(&[f64::INFINITY, 1.0, 1.0]).is_nan());
    }

    #[test]
    fn search_right_counts_entries_at_most_u() {
        let cdf = [0.25, 0.25, 0.5, 1.0];
        assert_eq!(search_right(&cdf, 0.0), 0);
        assert_eq!(search_right(&cdf, 0.25), 2);
        assert_eq!(search_right(&cdf, 0.3), 2);
        assert_eq!(search_right(&cdf, 0.99), 3);
    }
}

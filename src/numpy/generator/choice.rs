//! `Generator.choice(pop_size, size, replace=False)` without `p`: `size` distinct values of
//! `range(pop_size)`, in random order.
//!
//! NumPy picks one of two algorithms by a heuristic cutoff, and they give different numbers, so
//! both are reproduced: for a large population from which a sizeable share is drawn, a partial
//! Fisher-Yates shuffle of the whole `arange(pop_size)`; otherwise Floyd's algorithm, which needs
//! memory only for the sample, followed by a shuffle of the sample. Both draw with Lemire's
//! method (unlike `permutation`, which masks).
//!
//! Source: numpy `random/_generator.pyx` (`Generator.choice`, `_shuffle_int`). Not reproduced:
//! `shuffle=False` (cutoff 20, no final shuffle), `p`, `axis` and arrays for `a`.

use super::lemire::bounded_u64;
use crate::error::{Error, Result};
use crate::numpy::bit_generator::BitGenerator;
use crate::numpy::bounded::gen_mask;
use crate::numpy::memory::{alloc, cannot_allocate};
use crate::numpy::size::array_len;
use std::collections::HashSet;

/// With `shuffle=True`, the tail shuffle is used when `pop_size > 10000` and
/// `size > pop_size // 50` (a heuristic tuning, says NumPy).
const SHUFFLE_CUTOFF: u64 = 50;
const SMALL_POPULATION: u64 = 10_000;

/// Distinct values of `[0, pop_size)`, `size <= pop_size`, both at most `i64::MAX`.
pub(crate) fn without_replacement<B: BitGenerator>(
    bitgen: &mut B,
    pop_size: u64,
    size: u64,
) -> Result<Vec<i64>> {
    debug_assert!(size <= pop_size && pop_size <= i64::MAX as u64);
    if pop_size > SMALL_POPULATION && size > pop_size / SHUFFLE_CUTOFF {
        tail_shuffle(bitgen, pop_size, size)
    } else {
        floyd(bitgen, pop_size, size)
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
/// `j` itself if that value was taken already; then shuffle the sample (`_shuffle_int(size, 1)`).
fn floyd<B: BitGenerator>(bitgen: &mut B, pop_size: u64, size: u64) -> Result<Vec<i64>> {
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
    shuffle_int(bitgen, &mut idx, 1);
    Ok(idx)
}

/// NumPy's `OverflowError` for a population beyond int64 without replacement (the Cython
/// `int64_t pop_size_i = pop_size` conversion).
pub(crate) fn population_overflow() -> Error {
    Error::new(
        crate::error::ErrorKind::OverflowError,
        "Python int too large to convert to C long",
    )
}

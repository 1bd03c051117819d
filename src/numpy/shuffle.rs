//! `permutation(n)` and the Fisher-Yates shuffle under it, as both NumPy APIs do it: swap each
//! position `i = n-1, ..., 1` with a position drawn by masked rejection from `[0, i]`.
//!
//! Sources: numpy `random/src/distributions/distributions.c` (`random_interval`),
//! `random/mtrand.pyx` (`RandomState.shuffle`, `_shuffle_raw`, `permutation`) and
//! `random/_generator.pyx` (`Generator.shuffle`, `_shuffle_raw`, `permutation`).

use super::bit_generator::BitGenerator;
use super::bounded::gen_mask;
use super::memory::alloc;
use super::size::array_len;
use crate::error::Result;

/// `random_interval(max)`: a value in `[0, max]` by masked rejection. Ranges that fit in 32 bits
/// draw 32-bit words (for PCG64, buffered halves of a 64-bit draw), wider ones 64-bit draws.
pub(crate) fn random_interval<B: BitGenerator>(bitgen: &mut B, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= 0xFFFF_FFFF {
        loop {
            let value = u64::from(bitgen.next_uint32()) & mask;
            if value <= max {
                return value;
            }
        }
    }
    loop {
        let value = bitgen.next_uint64() & mask;
        if value <= max {
            return value;
        }
    }
}

/// `shuffle(x)` of a 1-d array (`_shuffle_raw` with `first = 1`): for `i = n-1` down to 1, swap
/// `x[i]` with `x[random_interval(i)]`.
pub(crate) fn shuffle<B: BitGenerator, T>(bitgen: &mut B, x: &mut [T]) {
    for i in (1..x.len()).rev() {
        let j = random_interval(bitgen, i as u64) as usize;
        x.swap(i, j);
    }
}

/// `permutation(n)` for an integer `n`: `np.arange(n)` shuffled. A negative `n` gives an empty
/// array, as `np.arange` does, without drawing anything.
pub(crate) fn permutation<B: BitGenerator>(bitgen: &mut B, n: i128) -> Result<Vec<i64>> {
    let len = array_len(n.max(0) as u128, "int64")?;
    let mut out = alloc(len, "int64")?;
    out.extend(0..len as i64);
    shuffle(bitgen, &mut out);
    Ok(out)
}

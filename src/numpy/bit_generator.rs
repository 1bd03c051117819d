//! NumPy's bit-generator interface (`bitgen_t` in numpy `random/bit_generator.pxd` and
//! `_core/include/numpy/random/bitgen.h`): the raw draws every distribution is written against.
//!
//! NumPy's samplers call only these three functions, so a sampler written against this trait
//! draws the same numbers NumPy draws from the same bit generator. Each bit generator defines
//! them its own way: MT19937 joins two 32-bit words for a 64-bit draw, PCG64 splits a 64-bit
//! draw into two buffered 32-bit halves.

use crate::engines::Mt19937;

/// `bitgen_t`: `next_uint64`, `next_uint32` and `next_double`.
pub trait BitGenerator {
    /// `next_uint64`.
    fn next_uint64(&mut self) -> u64;
    /// `next_uint32`.
    fn next_uint32(&mut self) -> u32;
    /// `next_double`: a uniform double in [0, 1) with 53 random bits.
    fn next_double(&mut self) -> f64;
}

/// NumPy's `MT19937` bit generator (numpy `random/src/mt19937/mt19937.h`): `mt19937_next64` is
/// two words with the first as the high half, `mt19937_next_double` takes 27 bits from the first
/// word and 26 from the second.
impl BitGenerator for Mt19937 {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        self.next_u64()
    }

    #[inline]
    fn next_uint32(&mut self) -> u32 {
        self.next_u32()
    }

    #[inline]
    fn next_double(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) / 9_007_199_254_740_992.0
    }
}

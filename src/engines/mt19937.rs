//! MT19937, the 32-bit Mersenne Twister of Matsumoto and Nishimura (1998).
//!
//! The same engine sits under NumPy's legacy `RandomState`, PyTorch's CPU generator, CPython's
//! `random` and R. The libraries differ only in how they seed it and how they turn its words into
//! numbers, so this module holds just the state, the two standard seeding routines and the
//! tempered output.

use rand_core::{utils, TryRng};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The MT19937 state: 624 words and the index of the next word to temper.
#[derive(Clone, PartialEq, Eq)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl core::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Mt19937")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl Mt19937 {
    /// Number of 32-bit words in the state.
    pub const STATE_WORDS: usize = N;

    /// `init_genrand(seed)`: Knuth's linear seeding of the reference implementation.
    pub fn new(seed: u32) -> Self {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    /// `init_by_array(key)`: the reference seeding from a sequence of words (any length,
    /// including longer than the state).
    pub fn from_key(key: &[u32]) -> Self {
        let mut mt = Mt19937::new(19_650_218);
        let state = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = state[i - 1];
            state[i] = (state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = state[i - 1];
            state[i] = (state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x8000_0000;
        mt.index = N;
        mt
    }

    /// Builds an engine from a full state and position, as NumPy's `set_state` does.
    /// `index` is clamped to the state length (624 means "twist before the next word").
    pub fn from_state(state: [u32; N], index: usize) -> Self {
        Mt19937 {
            state,
            index: index.min(N),
        }
    }

    /// The raw state words and the position of the next word, as NumPy's `get_state` reports them.
    pub fn state(&self) -> (&[u32; N], usize) {
        (&self.state, self.index)
    }

    /// Regenerates all 624 words in place.
    fn twist(&mut self) {
        let mt = &mut self.state;
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// The next tempered 32-bit output.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Two words joined with the first as the high half: NumPy's `mt19937_next64` and PyTorch's
    /// `random64()` both do this.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let high = u64::from(self.next_u32());
        let low = u64::from(self.next_u32());
        (high << 32) | low
    }
}

/// `rand_core` view of the engine, so it can drive any `rand` distribution. `next_u64` joins two
/// words high-first, matching NumPy and PyTorch; bytes are little-endian words.
impl TryRng for Mt19937 {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(Mt19937::next_u32(self))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(Mt19937::next_u64(self))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        utils::fill_bytes_via_next_word(dst, || Ok(Mt19937::next_u32(self)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// First outputs of the reference `mt19937ar.c` test driver: init_by_array({0x123, 0x234,
    /// 0x345, 0x456}).
    #[test]
    fn matches_reference_init_by_array_outputs() {
        let mut mt = Mt19937::from_key(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(
            first,
            [
                1_067_595_299,
                955_945_823,
                477_289_528,
                4_107_218_783,
                4_228_976_476
            ]
        );
    }

    /// The 10000th output of the default-seeded (5489) generator is 4123659995 (C++ `std::mt19937`
    /// requirement, [rand.predef]).
    #[test]
    fn ten_thousandth_output_of_seed_5489() {
        let mut mt = Mt19937::new(5489);
        let mut last = 0;
        for _ in 0..10_000 {
            last = mt.next_u32();
        }
        assert_eq!(last, 4_123_659_995);
    }

    #[test]
    fn next_u64_is_high_word_first() {
        let mut a = Mt19937::new(17);
        let mut b = a.clone();
        let joined = a.next_u64();
        assert_eq!(joined >> 32, u64::from(b.next_u32()));
        assert_eq!(joined & 0xffff_ffff, u64::from(b.next_u32()));
    }
}

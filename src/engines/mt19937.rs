//! MT19937, the 32-bit Mersenne Twister of Matsumoto and Nishimura (1998).
//!
//! The same engine sits under NumPy's legacy `RandomState`, PyTorch's CPU generator, CPython's
//! `random` and R. The libraries differ only in how they seed it and how they turn its words into
//! numbers, so this module holds just the state, the two standard seeding routines and the
//! tempered output.

use rand_core::{utils, TryRng};

pub(super) const N: usize = 624;
pub(super) const M: usize = 397;
pub(super) const MATRIX_A: u32 = 0x9908_b0df;
pub(super) const UPPER_MASK: u32 = 0x8000_0000;
pub(super) const LOWER_MASK: u32 = 0x7fff_ffff;
/// The tempering masks.
pub(super) const TEMPER_B: u32 = 0x9d2c_5680;
pub(super) const TEMPER_C: u32 = 0xefc6_0000;

/// The MT19937 state: 624 words and the index of the next word to temper.
///
/// ```
/// use seedlab::engines::Mt19937;
///
/// // The reference MT19937's first output for its default seed, 5489.
/// let mut mt = Mt19937::new(5489);
/// assert_eq!(mt.next_u32(), 3_499_211_612);
/// ```
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

    /// Regenerates all 624 words in place (four lanes at a time in the SIMD build).
    fn twist(&mut self) {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        if crate::simd::active() {
            super::mt19937_simd::twist(&mut self.state);
            self.index = 0;
            return;
        }
        let mt = &mut self.state;
        for k in 0..N {
            mt[k] = twisted(mt[k], mt[(k + 1) % N], mt[(k + M) % N]);
        }
        self.index = 0;
    }

    /// The next tempered 32-bit output.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let y = self.state[self.index];
        self.index += 1;
        temper(y)
    }

    /// Fills `out` with the next `out.len()` outputs: the same words as that many
    /// [`next_u32`](Self::next_u32) calls, tempered a block at a time.
    pub fn fill_u32(&mut self, out: &mut [u32]) {
        let mut done = 0;
        while done < out.len() {
            let taken = self.peek_block(&mut out[done..]);
            self.index += taken;
            done += taken;
        }
    }

    /// Writes the next outputs into `out` without using them up: as many as `out` holds, up to
    /// the end of the current block of 624 (twisting first when the block is used up). Returns
    /// how many were written (at least 1 unless `out` is empty). [`skip`](Self::skip) then marks
    /// the ones a sampler used, so that rejection samplers can look ahead and leave the engine
    /// exactly where the scalar sampler would.
    pub fn peek_block(&mut self, out: &mut [u32]) -> usize {
        if out.is_empty() {
            return 0;
        }
        if self.index >= N {
            self.twist();
        }
        let words = &self.state[self.index..];
        let n = words.len().min(out.len());
        temper_into(&words[..n], &mut out[..n]);
        n
    }

    /// Uses up the next `count` words of the current block (as [`peek_block`](Self::peek_block)
    /// returned them). Panics if fewer are left in the block.
    pub fn skip(&mut self, count: usize) {
        assert!(count <= N - self.index.min(N), "skip past the block");
        self.index += count;
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

/// One step of the recurrence: the new word `k` from words `k`, `k + 1` and `k + 397`.
#[inline(always)]
pub(super) fn twisted(word: u32, next: u32, far: u32) -> u32 {
    let y = (word & UPPER_MASK) | (next & LOWER_MASK);
    let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
    far ^ (y >> 1) ^ mag
}

/// The tempering of a state word into an output.
#[inline(always)]
pub(super) fn temper(mut y: u32) -> u32 {
    y ^= y >> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^ (y >> 18)
}

/// Tempers `words` into `out` (same length), four lanes at a time in the SIMD build.
fn temper_into(words: &[u32], out: &mut [u32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if crate::simd::active() {
        return super::mt19937_simd::temper_into(words, out);
    }
    for (o, &w) in out.iter_mut().zip(words) {
        *o = temper(w);
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
    fn bulk_words_are_the_next_u32_words() {
        let mut one = Mt19937::new(5489);
        let mut bulk = one.clone();
        let mut words = Vec::new();
        for n in [0, 1, 3, 620, 5, 1250, 2, 624] {
            let mut chunk = vec![0; n];
            bulk.fill_u32(&mut chunk);
            words.extend(chunk);
        }
        let expected: Vec<u32> = (0..words.len()).map(|_| one.next_u32()).collect();
        assert_eq!(words, expected);
        assert!(one == bulk);

        // Peeking reads ahead within the block without using anything up.
        let mut peek = [0; 700];
        let n = bulk.peek_block(&mut peek);
        assert_eq!(n, 624 - bulk.state().1);
        assert_eq!(peek[0], one.clone().next_u32());
        bulk.skip(3);
        assert_eq!(bulk.next_u32(), peek[3]);
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

//! `numpy.random.PCG64`: the bit generator under `default_rng`.
//!
//! The engine is [`Lcg128Xsl64`], NumPy's PCG64 algorithm (O'Neill's
//! `pcg_setseq_128_xsl_rr_64`, also `rand_pcg`'s `Lcg128Xsl64`): a 128-bit LCG with multiplier
//! 0x2360ED051FC65DA44385DF649FCCF645 and the XSL-RR output, stepped before each output. What
//! NumPy adds, and this module reproduces, is how the state is seeded from a [`SeedSequence`] and
//! how 32-bit draws are served: each 64-bit output is split into two halves, the low half
//! returned first and the high half kept for the next 32-bit draw.
//!
//! Sources: numpy `random/_pcg64.pyx` (`PCG64.__init__`), `random/src/pcg64/pcg64.c`
//! (`pcg64_set_seed`), `random/src/pcg64/pcg64.h` (`pcg_setseq_128_srandom_r`,
//! `pcg64_next64`, `pcg64_next32`, `pcg64_set_state`), `random/_common.pxd`
//! (`uint64_to_double`). Not reproduced: `advance`, `jumped`.

use super::seed_sequence::SeedSequence;
use crate::engines::Lcg128Xsl64;
use crate::numpy::bit_generator::BitGenerator;
use rand_core::{utils, TryRng};

/// NumPy's PCG64 bit generator: the LCG state and the buffered high half of the last 64-bit
/// draw that was split for a 32-bit one.
///
/// ```
/// use seedlab::numpy::{Entropy, Generator, Pcg64, SeedSequence};
///
/// let seq = SeedSequence::new(&Entropy::from(17_u128)).unwrap();
/// let mut a = Pcg64::new(&seq);
/// let mut b = Pcg64::new(&seq);
/// assert_eq!(a.next_u64(), b.next_u64());
/// assert_eq!((a.state(), a.increment()), (b.state(), b.increment()));
/// let mut rng = Generator::new(Pcg64::new(&seq));
/// assert_eq!(rng.standard_normal(1).unwrap()[0], 1.101262453505847);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Pcg64 {
    lcg: Lcg128Xsl64,
    /// `has_uint32`: a high half is waiting in `uinteger`.
    has_uint32: bool,
    /// `uinteger`: the last high half kept, still reported after it is used (NumPy does not
    /// clear it).
    uinteger: u32,
}

impl core::fmt::Debug for Pcg64 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Pcg64").finish_non_exhaustive()
    }
}

impl Pcg64 {
    /// `PCG64(seed_seq)`: four 64-bit words from `generate_state(4, np.uint64)` give the initial
    /// state (`v[0]` high, `v[1]` low) and the stream (`v[2]` high, `v[3]` low).
    pub fn new(seed_seq: &SeedSequence) -> Self {
        let v = seed_seq.generate_state_u64(4);
        let initstate = (u128::from(v[0]) << 64) | u128::from(v[1]);
        let initseq = (u128::from(v[2]) << 64) | u128::from(v[3]);
        // NumPy's `pcg_setseq_128_srandom_r`: inc = (initseq << 1) | 1; state = 0; step;
        // state += initstate; step. `Lcg128Xsl64::new(initstate, initseq)` does exactly this: it
        // sets the same increment, then state = initstate + inc (the first step from 0) and
        // steps once.
        Pcg64 {
            lcg: Lcg128Xsl64::new(initstate, initseq),
            has_uint32: false,
            uinteger: 0,
        }
    }

    /// `pcg64_next64`: step the LCG, then output XSL-RR of the new state. A buffered 32-bit half
    /// is left as it is (NumPy does not clear `has_uint32` here).
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.lcg.next_u64()
    }

    /// `pcg64_next32`: the buffered high half if there is one, else the low half of a fresh
    /// 64-bit draw, keeping its high half for the next call.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let draw = self.next_u64();
        self.has_uint32 = true;
        self.uinteger = (draw >> 32) as u32;
        draw as u32
    }

    /// `pcg64_next_double`: the top 53 bits of a 64-bit draw, scaled to [0, 1).
    #[inline]
    pub fn next_double(&mut self) -> f64 {
        uint64_to_double(self.next_u64())
    }

    /// `state['state']['state']`: the 128-bit LCG state.
    pub fn state(&self) -> u128 {
        self.lcg.state()
    }

    /// `state['state']['inc']`: the odd increment, `(stream << 1) | 1`.
    pub fn increment(&self) -> u128 {
        self.lcg.increment()
    }

    /// `bit_generator.state = {...}` (`pcg64_set_state`): the LCG state and increment as given,
    /// `has_uint32` and `uinteger`.
    pub fn set_state(&mut self, state: u128, increment: u128, has_uint32: bool, uinteger: u32) {
        self.lcg = Lcg128Xsl64::from_parts(state, increment);
        self.has_uint32 = has_uint32;
        self.uinteger = uinteger;
    }

    /// `pcg64_next64` for every slot of `out`: the same draws as `out.len()` calls of
    /// [`next_u64`](Self::next_u64).
    pub fn fill_u64(&mut self, out: &mut [u64]) {
        self.lcg.fill_u64(out);
    }

    /// `pcg64_next_double` for every slot of `out`: the same values as `out.len()` calls of
    /// [`next_double`](Self::next_double).
    pub fn fill_doubles(&mut self, out: &mut [f64]) {
        self.lcg.fill_map(out, uint64_to_double);
    }

    /// `state['has_uint32']` and `state['uinteger']`: the high half waiting for the next 32-bit
    /// draw, if any.
    pub fn buffered_u32(&self) -> Option<u32> {
        self.has_uint32.then_some(self.uinteger)
    }

    /// `state['uinteger']`: the last high half kept, whether or not it is still waiting.
    pub fn uinteger(&self) -> u32 {
        self.uinteger
    }
}

/// `uint64_to_double`: the top 53 bits, times 2**-53. (Converted as a signed integer, which
/// the value is too: a single instruction in wasm, where the unsigned conversion tests the sign.)
#[inline(always)]
fn uint64_to_double(draw: u64) -> f64 {
    ((draw >> 11) as i64) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// A [`Pcg64`] with some of its next 64-bit draws already taken (by
/// [`fill_u64`](Pcg64::fill_u64)): those are served first, in order, then the generator's own.
/// `used` counts the ones served.
pub(crate) struct DrawnAhead<'a> {
    pub(crate) pcg: &'a mut Pcg64,
    pub(crate) ahead: &'a [u64],
    pub(crate) used: usize,
}

impl BitGenerator for DrawnAhead<'_> {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        match self.ahead.get(self.used) {
            Some(&draw) => {
                self.used += 1;
                draw
            }
            None => self.pcg.next_u64(),
        }
    }

    /// `pcg64_next32` over the draws ahead.
    fn next_uint32(&mut self) -> u32 {
        if self.pcg.has_uint32 {
            self.pcg.has_uint32 = false;
            return self.pcg.uinteger;
        }
        let draw = self.next_uint64();
        self.pcg.has_uint32 = true;
        self.pcg.uinteger = (draw >> 32) as u32;
        draw as u32
    }

    #[inline]
    fn next_double(&mut self) -> f64 {
        uint64_to_double(self.next_uint64())
    }
}

impl BitGenerator for Pcg64 {
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
        Pcg64::next_double(self)
    }
}

/// `rand_core` view with NumPy's draws: `next_u32` takes the buffered halves, as NumPy does.
impl TryRng for Pcg64 {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(Pcg64::next_u32(self))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(Pcg64::next_u64(self))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        utils::fill_bytes_via_next_word(dst, || Ok(Pcg64::next_u64(self)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numpy::generator::seed_sequence::Entropy;

    fn seeded(seed: u32) -> Pcg64 {
        Pcg64::new(&SeedSequence::new(&Entropy::from(seed)).unwrap())
    }

    /// `np.random.PCG64(17).state` and the first raw outputs, printed by numpy 2.4.6.
    #[test]
    fn seed_17_state_and_outputs() {
        let mut bg = seeded(17);
        assert_eq!(bg.state(), 191425278619858320667688084520535371943);
        assert_eq!(bg.increment(), 78856291631749604729656725519709880197);
        assert_eq!(bg.buffered_u32(), None);
        let first = bg.next_u64();
        let mut halves = seeded(17);
        assert_eq!(halves.next_u32(), first as u32);
        assert_eq!(halves.buffered_u32(), Some((first >> 32) as u32));
        assert_eq!(halves.next_u32(), (first >> 32) as u32);
        assert_eq!(halves.buffered_u32(), None);
        // NumPy keeps the used half in `uinteger`: the state dict still shows it.
        assert_eq!(halves.uinteger(), (first >> 32) as u32);
    }

    /// Restoring a saved state (`bit_generator.state = saved`) repeats the draws, the buffered
    /// half included; another generator given that state draws the same.
    #[test]
    fn a_restored_state_repeats_the_draws() {
        let mut bg = seeded(17);
        bg.next_u32();
        let (state, inc, has, uinteger) = (
            bg.state(),
            bg.increment(),
            bg.buffered_u32().is_some(),
            bg.uinteger(),
        );
        let first: Vec<u32> = (0..5).map(|_| bg.next_u32()).collect();
        bg.set_state(state, inc, has, uinteger);
        let again: Vec<u32> = (0..5).map(|_| bg.next_u32()).collect();
        assert_eq!(first, again);
        let mut other = seeded(99);
        other.set_state(state, inc, has, uinteger);
        let copied: Vec<u32> = (0..5).map(|_| other.next_u32()).collect();
        assert_eq!(first, copied);
    }

    #[test]
    fn a_64_bit_draw_keeps_the_buffered_half() {
        let mut bg = seeded(17);
        let low = bg.next_u32();
        let buffered = bg.buffered_u32();
        bg.next_u64();
        bg.next_double();
        assert_eq!(bg.buffered_u32(), buffered);
        assert_ne!(Some(low), buffered);
    }
}

//! Bounded integers by Lemire's multiply-and-reject method, as the Generator draws them
//! (`integers`, and `choice` without replacement). The legacy `RandomState` masks instead
//! ([`crate::numpy`]'s `bounded` module), so the same range gives different numbers.
//!
//! Source: numpy `random/src/distributions/distributions.c` (`random_bounded_uint64`,
//! `random_bounded_uint64_fill` with `use_masked = false`, `buffered_bounded_lemire_uint32`,
//! `bounded_lemire_uint64`); Lemire, "Fast Random Integer Generation in an Interval" (2019).

use crate::numpy::bit_generator::BitGenerator;

/// How NumPy draws a value in `[0, rng]`, chosen once per call from `rng`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum LemireDraw {
    /// `rng == 0`: no draws.
    Constant,
    /// `rng == 0xFFFFFFFF`: one raw 32-bit draw (Lemire's 32-bit method cannot take it).
    Full32,
    /// `rng < 0xFFFFFFFF`: 32-bit Lemire (for PCG64, on buffered 32-bit halves).
    Lemire32 { rng: u32 },
    /// `rng == 2**64 - 1`: one raw 64-bit draw.
    Full64,
    /// Otherwise: 64-bit Lemire with a 128-bit product.
    Lemire64 { rng: u64 },
}

impl LemireDraw {
    pub(crate) fn new(rng: u64) -> Self {
        match rng {
            0 => LemireDraw::Constant,
            0xFFFF_FFFF => LemireDraw::Full32,
            r if r < 0xFFFF_FFFF => LemireDraw::Lemire32 { rng: r as u32 },
            u64::MAX => LemireDraw::Full64,
            r => LemireDraw::Lemire64 { rng: r },
        }
    }

    /// One value in `[0, rng]`.
    #[inline]
    pub(crate) fn draw<B: BitGenerator>(self, bitgen: &mut B) -> u64 {
        match self {
            LemireDraw::Constant => 0,
            LemireDraw::Full32 => u64::from(bitgen.next_uint32()),
            LemireDraw::Lemire32 { rng } => u64::from(lemire_u32(bitgen, rng)),
            LemireDraw::Full64 => bitgen.next_uint64(),
            LemireDraw::Lemire64 { rng } => lemire_u64(bitgen, rng),
        }
    }
}

/// `random_bounded_uint64(bitgen, 0, max, 0, use_masked=False)`: one value in `[0, max]`.
pub(crate) fn bounded_u64<B: BitGenerator>(bitgen: &mut B, max: u64) -> u64 {
    LemireDraw::new(max).draw(bitgen)
}

/// `buffered_bounded_lemire_uint32`: `rng < 0xFFFFFFFF`.
#[inline]
fn lemire_u32<B: BitGenerator>(bitgen: &mut B, rng: u32) -> u32 {
    let rng_excl = rng + 1;
    let mut m = u64::from(bitgen.next_uint32()) * u64::from(rng_excl);
    let mut leftover = m as u32;
    if leftover < rng_excl {
        let threshold = (u32::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = u64::from(bitgen.next_uint32()) * u64::from(rng_excl);
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

/// `bounded_lemire_uint64`: `0xFFFFFFFF < rng < 2**64 - 1`.
#[inline]
fn lemire_u64<B: BitGenerator>(bitgen: &mut B, rng: u64) -> u64 {
    let rng_excl = rng + 1;
    let mut m = u128::from(bitgen.next_uint64()) * u128::from(rng_excl);
    let mut leftover = m as u64;
    if leftover < rng_excl {
        let threshold = (u64::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = u128::from(bitgen.next_uint64()) * u128::from(rng_excl);
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

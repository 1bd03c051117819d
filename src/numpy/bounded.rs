//! NumPy's masked-rejection bounded integers (`random_bounded_uint64_fill` with `use_masked`,
//! numpy/random/src/distributions/distributions.c), used by legacy `randint`.

use super::bit_generator::BitGenerator;

/// The smallest all-ones mask covering `max` (`gen_mask`).
pub(crate) fn gen_mask(max: u64) -> u64 {
    let mut mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    mask
}

/// How `random_bounded_uint64_fill` draws values in `[0, rng]`; the choice is made once per call.
#[derive(Clone, Copy)]
pub(crate) enum BoundedDraw {
    /// `rng == 0`: no draws at all.
    Constant,
    /// `rng == 0xFFFFFFFF`: one raw 32-bit word.
    Full32,
    /// `rng < 0xFFFFFFFF`: 32-bit words masked and rejected while above `rng`.
    Masked32 { rng: u32, mask: u32 },
    /// `rng == u64::MAX`: one raw 64-bit draw (two words, high first).
    Full64,
    /// Otherwise: 64-bit draws masked and rejected.
    Masked64 { rng: u64, mask: u64 },
}

impl BoundedDraw {
    pub(crate) fn new(rng: u64) -> Self {
        match rng {
            0 => BoundedDraw::Constant,
            0xFFFF_FFFF => BoundedDraw::Full32,
            r if r < 0xFFFF_FFFF => BoundedDraw::Masked32 {
                rng: r as u32,
                mask: gen_mask(r) as u32,
            },
            u64::MAX => BoundedDraw::Full64,
            r => BoundedDraw::Masked64 {
                rng: r,
                mask: gen_mask(r),
            },
        }
    }

    /// One value in `[0, rng]`.
    #[inline]
    pub(crate) fn draw<B: BitGenerator>(self, bitgen: &mut B) -> u64 {
        match self {
            BoundedDraw::Constant => 0,
            BoundedDraw::Full32 => u64::from(bitgen.next_uint32()),
            BoundedDraw::Masked32 { rng, mask } => loop {
                let v = bitgen.next_uint32() & mask;
                if v <= rng {
                    return u64::from(v);
                }
            },
            BoundedDraw::Full64 => bitgen.next_uint64(),
            BoundedDraw::Masked64 { rng, mask } => loop {
                let v = bitgen.next_uint64() & mask;
                if v <= rng {
                    return v;
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::gen_mask;

    #[test]
    fn mask_covers_the_range() {
        assert_eq!(gen_mask(0), 0);
        assert_eq!(gen_mask(1), 1);
        assert_eq!(gen_mask(99), 127);
        assert_eq!(gen_mask(128), 255);
        assert_eq!(gen_mask(0xFFFF_FFFE), 0xFFFF_FFFF);
        assert_eq!(gen_mask(1 << 40), (1 << 41) - 1);
    }
}

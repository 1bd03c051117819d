//! Bounded integers of every dtype, as both NumPy APIs draw them: values in `[off, off + rng]`
//! from a bit generator, by masked rejection (legacy `randint`) or Lemire's method (Generator
//! `integers`).
//!
//! 64- and 32-bit dtypes draw whole 32- or 64-bit words (for PCG64, 32-bit draws are buffered
//! halves of a 64-bit output). The 16-bit, 8-bit and bool dtypes cut each 32-bit draw into
//! pieces, low bits first: two 16-bit values, four 8-bit values, 32 bools. That buffer lives for
//! one call (one `*_fill`): a new call starts with a fresh 32-bit draw.
//!
//! Source: numpy `random/src/distributions/distributions.c` (`random_bounded_uint64_fill`,
//! `random_bounded_uint32_fill`, `random_bounded_uint16_fill`, `random_bounded_uint8_fill`,
//! `random_bounded_bool_fill`, `buffered_uint16`, `buffered_uint8`, `buffered_bounded_bool`,
//! `buffered_bounded_masked_uint16/8`, `buffered_bounded_lemire_uint16/8`).

use super::bit_generator::BitGenerator;
use super::bounded::{gen_mask, BoundedDraw};
use super::generator::LemireDraw;
use super::int_dtype::{IntArray, IntDtype};
use super::memory::alloc;
use crate::error::Result;

/// `n` values in `[off, off + rng]` (both as the dtype's unsigned bits), `masked` (legacy) or by
/// Lemire's method (Generator).
pub(crate) fn bounded_fill<B: BitGenerator>(
    bitgen: &mut B,
    dtype: IntDtype,
    off: u64,
    rng: u64,
    n: usize,
    masked: bool,
) -> Result<IntArray> {
    let mut raw: Vec<u64> = alloc(n, dtype.name())?;
    match dtype.bits() {
        64 | 32 => {
            // `random_bounded_uint64_fill` / `random_bounded_uint32_fill`: the ranges that fit in
            // 32 bits take 32-bit draws, the same for both widths.
            if masked {
                let draw = BoundedDraw::new(rng);
                raw.extend((0..n).map(|_| off.wrapping_add(draw.draw(bitgen))));
            } else {
                let draw = LemireDraw::new(rng);
                raw.extend((0..n).map(|_| off.wrapping_add(draw.draw(bitgen))));
            }
        }
        16 => {
            let mut buffer = Buffer::default();
            let (rng, off) = (rng as u16, off as u16);
            raw.extend(
                (0..n)
                    .map(|_| u64::from(off.wrapping_add(buffer.bounded_u16(bitgen, rng, masked)))),
            );
        }
        8 => {
            let mut buffer = Buffer::default();
            let (rng, off) = (rng as u8, off as u8);
            raw.extend(
                (0..n).map(|_| u64::from(off.wrapping_add(buffer.bounded_u8(bitgen, rng, masked)))),
            );
        }
        _ => {
            let mut buffer = Buffer::default();
            raw.extend((0..n).map(|_| buffer.bounded_bool(bitgen, off, rng)));
        }
    }
    Ok(IntArray::from_raw(dtype, raw))
}

/// The 32-bit buffer (`buf`) and the count of pieces left in it (`bcnt`) that the 16-bit, 8-bit
/// and bool fills share across one call.
#[derive(Default)]
struct Buffer {
    buf: u32,
    left: u32,
}

impl Buffer {
    /// `buffered_uint16`: the low 16 bits of a fresh draw, then the high 16.
    fn next_u16<B: BitGenerator>(&mut self, bitgen: &mut B) -> u16 {
        self.next_piece(bitgen, 16, 1) as u16
    }

    /// `buffered_uint8`: a fresh draw's four bytes, lowest first.
    fn next_u8<B: BitGenerator>(&mut self, bitgen: &mut B) -> u8 {
        self.next_piece(bitgen, 8, 3) as u8
    }

    /// A fresh draw when the buffer is used up (keeping `pieces_after` more pieces in it), else
    /// the buffer shifted right by one piece.
    #[inline]
    fn next_piece<B: BitGenerator>(
        &mut self,
        bitgen: &mut B,
        width: u32,
        pieces_after: u32,
    ) -> u32 {
        if self.left == 0 {
            self.buf = bitgen.next_uint32();
            self.left = pieces_after;
        } else {
            self.buf >>= width;
            self.left -= 1;
        }
        self.buf
    }

    /// `random_buffered_bounded_uint16`'s draw in `[0, rng]`.
    fn bounded_u16<B: BitGenerator>(&mut self, bitgen: &mut B, rng: u16, masked: bool) -> u16 {
        match rng {
            0 => 0,
            // Lemire's 16-bit method cannot take the full range.
            0xFFFF => self.next_u16(bitgen),
            _ if masked => {
                let mask = gen_mask(u64::from(rng)) as u16;
                loop {
                    let v = self.next_u16(bitgen) & mask;
                    if v <= rng {
                        return v;
                    }
                }
            }
            _ => {
                // `buffered_bounded_lemire_uint16`: a 32-bit product of the 16-bit draw.
                let rng_excl = u32::from(rng) + 1;
                let mut m = u32::from(self.next_u16(bitgen)) * rng_excl;
                let mut leftover = m & 0xFFFF;
                if leftover < rng_excl {
                    let threshold = (0xFFFF - u32::from(rng)) % rng_excl;
                    while leftover < threshold {
                        m = u32::from(self.next_u16(bitgen)) * rng_excl;
                        leftover = m & 0xFFFF;
                    }
                }
                (m >> 16) as u16
            }
        }
    }

    /// `random_buffered_bounded_uint8`'s draw in `[0, rng]`.
    fn bounded_u8<B: BitGenerator>(&mut self, bitgen: &mut B, rng: u8, masked: bool) -> u8 {
        match rng {
            0 => 0,
            0xFF => self.next_u8(bitgen),
            _ if masked => {
                let mask = gen_mask(u64::from(rng)) as u8;
                loop {
                    let v = self.next_u8(bitgen) & mask;
                    if v <= rng {
                        return v;
                    }
                }
            }
            _ => {
                // `buffered_bounded_lemire_uint8`: a 16-bit product of the 8-bit draw.
                let rng_excl = u16::from(rng) + 1;
                let mut m = u16::from(self.next_u8(bitgen)) * rng_excl;
                let mut leftover = m & 0xFF;
                if leftover < rng_excl {
                    let threshold = (0xFF - u16::from(rng)) % rng_excl;
                    while leftover < threshold {
                        m = u16::from(self.next_u8(bitgen)) * rng_excl;
                        leftover = m & 0xFF;
                    }
                }
                (m >> 8) as u8
            }
        }
    }

    /// `buffered_bounded_bool`: `off` itself when the range is empty (no draw), else one bit of
    /// the buffer, lowest first. NumPy quirk: the bit is returned as it is, not added to `off`
    /// (a range of one with `off = 1` cannot happen: bool's only non-empty range is [0, 1]).
    fn bounded_bool<B: BitGenerator>(&mut self, bitgen: &mut B, off: u64, rng: u64) -> u64 {
        if rng == 0 {
            return off;
        }
        u64::from(self.next_piece(bitgen, 1, 31) & 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engines::Mt19937;

    /// `np.random.RandomState(17).randint(0, 256, 3, dtype=np.uint8)` and
    /// `randint(0, 2, 3, dtype=bool)`, printed by numpy 2.4.6.
    #[test]
    fn small_dtypes_cut_one_word_into_pieces() {
        let mut mt = Mt19937::new(17);
        let bytes = bounded_fill(&mut mt, IntDtype::Uint8, 0, 255, 3, true).unwrap();
        assert_eq!(bytes, IntArray::Uint8(vec![111, 42, 111]));
        // All three came from one word: the next value is the word's fourth byte.
        let mut mt = Mt19937::new(17);
        let word = mt.next_u32();
        assert_eq!(word & 0xFF, 111);
        assert_eq!((word >> 8) & 0xFF, 42);
        let mut mt = Mt19937::new(17);
        let bools = bounded_fill(&mut mt, IntDtype::Bool, 0, 1, 3, true).unwrap();
        assert_eq!(bools, IntArray::Bool(vec![true, true, true]));
    }
}

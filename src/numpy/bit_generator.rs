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
        let a = self.next_u32();
        let b = self.next_u32();
        double_from_words(a, b)
    }
}

/// Doubles filled at a time from one buffer of words.
const DOUBLES_PER_CHUNK: usize = 256;

/// `mt19937_next_double` for every slot of `out`: the same values, and the same engine position
/// afterwards, as `out.len()` calls of [`BitGenerator::next_double`], from words drawn a block at
/// a time (and converted two doubles at a time in the SIMD build).
pub(crate) fn fill_doubles(mt: &mut Mt19937, out: &mut [f64]) {
    let mut words = [0u32; 2 * DOUBLES_PER_CHUNK];
    for chunk in out.chunks_mut(DOUBLES_PER_CHUNK) {
        let words = &mut words[..2 * chunk.len()];
        mt.fill_u32(words);
        words_to_doubles(words, chunk);
    }
}

/// `mt19937_next_double`'s conversion of each pair of words (`words.len() == 2 * out.len()`).
pub(crate) fn words_to_doubles(words: &[u32], out: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if crate::simd::active() {
        return simd::words_to_doubles(words, out);
    }
    for (o, pair) in out.iter_mut().zip(words.chunks_exact(2)) {
        *o = double_from_words(pair[0], pair[1]);
    }
}

/// 27 bits of `a` and 26 of `b`: `(a >> 5) * 2**26 + (b >> 6)`, times 2**-53 (exactly the
/// division by 2**53 NumPy writes).
#[inline(always)]
fn double_from_words(a: u32, b: u32) -> f64 {
    (f64::from(a >> 5) * 67_108_864.0 + f64::from(b >> 6)) / 9_007_199_254_740_992.0
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(crate) mod simd {
    use core::arch::wasm32::*;

    /// Four doubles from eight words per step; each lane does the scalar operations (the
    /// conversions and the product by 2**26 are exact, the sum is exact below 2**53, and the
    /// product by 2**-53 is the same as the division by 2**53).
    pub(super) fn words_to_doubles(words: &[u32], out: &mut [f64]) {
        let n = out.len().min(words.len() / 2);
        let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
        let mut i = 0;
        while i + 4 <= n {
            // SAFETY: doubles i..i+4 use words 2i..2i+8, within both slices.
            unsafe {
                let w0 = v128_load(src.add(2 * i) as *const v128);
                let w1 = v128_load(src.add(2 * i + 4) as *const v128);
                let a = u32x4_shr(i32x4_shuffle::<0, 2, 4, 6>(w0, w1), 5);
                let b = u32x4_shr(i32x4_shuffle::<1, 3, 5, 7>(w0, w1), 6);
                let lo = double_from_words(a, b);
                let hi =
                    double_from_words(i64x2_shuffle::<1, 1>(a, a), i64x2_shuffle::<1, 1>(b, b));
                v128_store(dst.add(i) as *mut v128, lo);
                v128_store(dst.add(i + 2) as *mut v128, hi);
            }
            i += 4;
        }
        for j in i..n {
            out[j] = super::double_from_words(words[2 * j], words[2 * j + 1]);
        }
    }

    /// [`double_from_words`](super::double_from_words) of lanes 0 and 1 of the already shifted
    /// words `a >> 5` and `b >> 6`.
    #[inline(always)]
    pub(crate) fn double_from_words(a: v128, b: v128) -> v128 {
        let a = f64x2_convert_low_u32x4(a);
        let b = f64x2_convert_low_u32x4(b);
        f64x2_mul(
            f64x2_add(f64x2_mul(a, f64x2_splat(67_108_864.0)), b),
            f64x2_splat(1.0 / 9_007_199_254_740_992.0),
        )
    }
}

//! MT19937's twist and tempering four words at a time (WebAssembly SIMD128), the same bits as
//! the scalar loops in [`super::mt19937`].
//!
//! The twist computes word `k` from words `k`, `k + 1` and `k + 397` (mod 624), in increasing
//! `k`. Four consecutive words can be computed at once as long as every word they read is the
//! value the scalar loop would read: words `k + 1 ..= k + 4` are still old (only `k ..= k + 3`
//! are written), and word `k + 397` is old for `k + 397 < 624` and already new (as the scalar
//! loop needs) for `k >= 227`, where it is word `k - 227`, at least four words behind. So the
//! words `0..224` and `227..623` go four at a time, `224..227` one at a time (their vectors
//! would straddle the change of source), and word 623 last, because it reads the new word 0.

use super::mt19937::{temper, twisted, LOWER_MASK, M, MATRIX_A, N, TEMPER_B, TEMPER_C, UPPER_MASK};
use core::arch::wasm32::*;

/// One twist step for the words `k ..= k + 3`, reading the source `far ..= far + 3`.
///
/// # Safety
/// `k + 4 < N` and `far + 3 < N`.
#[inline(always)]
unsafe fn twist4(p: *mut u32, k: usize, far: usize) {
    let word = v128_load(p.add(k) as *const v128);
    let next = v128_load(p.add(k + 1) as *const v128);
    let far = v128_load(p.add(far) as *const v128);
    let y = v128_or(
        v128_and(word, u32x4_splat(UPPER_MASK)),
        v128_and(next, u32x4_splat(LOWER_MASK)),
    );
    // 0 - (y & 1) is all ones where y is odd: select MATRIX_A there.
    let mag = v128_and(
        i32x4_neg(v128_and(y, u32x4_splat(1))),
        u32x4_splat(MATRIX_A),
    );
    let new = v128_xor(v128_xor(far, u32x4_shr(y, 1)), mag);
    v128_store(p.add(k) as *mut v128, new);
}

/// The scalar step, for the words the vectors cannot take.
#[inline(always)]
fn twist1(mt: &mut [u32; N], k: usize) {
    mt[k] = twisted(mt[k], mt[(k + 1) % N], mt[(k + M) % N]);
}

/// Regenerates all 624 words in place, as `Mt19937::twist` does.
pub(super) fn twist(mt: &mut [u32; N]) {
    const FIRST_END: usize = (N - M) / 4 * 4; // 224
    let p = mt.as_mut_ptr();
    let mut k = 0;
    while k < FIRST_END {
        // SAFETY: k + 4 <= 224 < N and k + M + 3 <= 223 + 397 = 620 < N.
        unsafe { twist4(p, k, k + M) };
        k += 4;
    }
    for k in FIRST_END..N - M {
        twist1(mt, k);
    }
    let p = mt.as_mut_ptr();
    let mut k = N - M;
    while k + 4 < N {
        // SAFETY: k + 4 <= 623 < N; the source k + M - N = k - 227 <= 392.
        unsafe { twist4(p, k, k + M - N) };
        k += 4;
    }
    // 227 + 4 * 99 = 623: only the last word is left, and it reads the new word 0.
    debug_assert_eq!(k, N - 1);
    twist1(mt, N - 1);
}

/// Tempering of four words.
#[inline(always)]
pub(crate) fn temper4(y: v128) -> v128 {
    let y = v128_xor(y, u32x4_shr(y, 11));
    let y = v128_xor(y, v128_and(i32x4_shl(y, 7), u32x4_splat(TEMPER_B)));
    let y = v128_xor(y, v128_and(i32x4_shl(y, 15), u32x4_splat(TEMPER_C)));
    v128_xor(y, u32x4_shr(y, 18))
}

/// Tempers `words` into `out` (same length).
pub(super) fn temper_into(words: &[u32], out: &mut [u32]) {
    let n = words.len().min(out.len());
    let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    while i + 4 <= n {
        // SAFETY: i + 4 <= n, the length of both slices.
        unsafe {
            let y = v128_load(src.add(i) as *const v128);
            v128_store(dst.add(i) as *mut v128, temper4(y));
        }
        i += 4;
    }
    for j in i..n {
        out[j] = temper(words[j]);
    }
}

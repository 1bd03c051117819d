//! `legacy_gauss`: the Marsaglia polar method of NumPy's `RandomState`, one value at a time and
//! in bulk.
//!
//! Each try draws two doubles, `x1 = 2*d1 - 1` and `x2 = 2*d2 - 1`, and is accepted when
//! `r2 = x1*x1 + x2*x2` lies in (0, 1); an accepted pair yields `f*x2`, returned, and `f*x1`,
//! cached for the next call, with `f = sqrt(-2*log(r2)/r2)`.
//!
//! The bulk fill (SIMD build) looks ahead: it tempers the rest of the engine's current block and
//! computes every try in it two at a time (rejected ones too, on a harmless `r2`), `log`s
//! included, keeps the accepted pairs in order, and finally uses up exactly the words of the
//! tries up to the last pair it needed, so the engine ends where the scalar loop would. Same
//! values, same cache, same engine position.
//!
//! Source: numpy `random/src/legacy/legacy-distributions.c` (`legacy_gauss`).

use super::bit_generator::BitGenerator;
use crate::engines::Mt19937;
use crate::math;

/// One standard normal (`legacy_gauss`), using and refilling the cache.
pub(crate) fn legacy_gauss(mt: &mut Mt19937, cached: &mut Option<f64>) -> f64 {
    if let Some(value) = cached.take() {
        return value;
    }
    let (x1, x2, r2) = loop {
        let x1 = 2.0 * mt.next_double() - 1.0;
        let x2 = 2.0 * mt.next_double() - 1.0;
        let r2 = x1 * x1 + x2 * x2;
        if r2 < 1.0 && r2 != 0.0 {
            break (x1, x2, r2);
        }
    };
    let f = polar_factor(r2, math::log(r2));
    *cached = Some(f * x1);
    f * x2
}

/// `sqrt(-2.0 * log(r2) / r2)`, in NumPy's order of operations.
#[inline(always)]
fn polar_factor(r2: f64, log_r2: f64) -> f64 {
    (-2.0 * log_r2 / r2).sqrt()
}

/// Fills `out` with successive [`legacy_gauss`] values: the same values, cache and engine
/// position as `out.len()` calls.
pub(crate) fn fill(mt: &mut Mt19937, cached: &mut Option<f64>, out: &mut [f64]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if crate::simd::active() {
        return bulk::fill(mt, cached, out);
    }
    for slot in out {
        *slot = legacy_gauss(mt, cached);
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod bulk {
    use super::legacy_gauss;
    use crate::engines::Mt19937;
    use crate::math::simd::log_f64x2;
    use crate::numpy::bit_generator::simd::double_from_words;
    use core::arch::wasm32::*;

    /// Tries per look-ahead: a whole block of 624 words.
    const MAX_TRIES: usize = 156;
    /// Below this many values the look-ahead costs more than it saves.
    const MIN_BULK: usize = 16;

    pub(super) fn fill(mt: &mut Mt19937, cached: &mut Option<f64>, out: &mut [f64]) {
        let mut i = 0;
        while i < out.len() {
            if let Some(value) = cached.take() {
                out[i] = value;
                i += 1;
                continue;
            }
            let rest = &mut out[i..];
            let written = if rest.len() >= MIN_BULK {
                from_block(mt, cached, rest)
            } else {
                0
            };
            if written == 0 {
                // Few values wanted, or a try straddles the end of the block: the scalar way.
                out[i] = legacy_gauss(mt, cached);
                i += 1;
            } else {
                i += written;
            }
        }
    }

    /// Normals from the tries left in the engine's current block; returns how many were written
    /// (0 if not even one try is left in the block). Leaves the second value of the last pair in
    /// the cache when `out` ends on the first.
    fn from_block(mt: &mut Mt19937, cached: &mut Option<f64>, out: &mut [f64]) -> usize {
        let pairs_wanted = out.len().div_ceil(2);
        // About 4/pi tries per pair: look a little further ahead than that, in pairs of tries.
        let tries_wanted = (pairs_wanted + pairs_wanted / 2 + 4).min(MAX_TRIES);
        let mut words = [0u32; 4 * MAX_TRIES];
        let peeked = mt.peek_block(&mut words[..4 * tries_wanted]);
        let tries = peeked / 4 / 2 * 2;
        if tries == 0 {
            return 0;
        }

        // Every try's pair of normals, rejected ones included (computed from r2 = 0.5 there, so
        // that no lane leaves the vector log's fast path), two tries at a time; each pair is
        // stored at the end of the accepted ones so far and kept only if accepted (no branch:
        // acceptance is a coin toss).
        let mut pairs = [0.0f64; 2 * MAX_TRIES + 2];
        let mut try_of_pair = [0usize; MAX_TRIES + 1];
        let mut kept = 0;
        for t in (0..tries).step_by(2) {
            // SAFETY: tries t and t + 1 use words 4t..4t+8 <= 4 * tries; `kept` <= t, so the
            // stores stay within 2 * (t + 2) <= 2 * MAX_TRIES + 2 values.
            unsafe {
                let (x1, x2) = tries_x1_x2(words.as_ptr().add(4 * t));
                let r2 = f64x2_add(f64x2_mul(x1, x1), f64x2_mul(x2, x2));
                let ok = v128_and(
                    f64x2_lt(r2, f64x2_splat(1.0)),
                    f64x2_ne(r2, f64x2_splat(0.0)),
                );
                let r2 = v128_bitselect(r2, f64x2_splat(0.5), ok);
                // sqrt(-2.0 * log(r2) / r2), NumPy's order of operations.
                let f = f64x2_sqrt(f64x2_div(f64x2_mul(f64x2_splat(-2.0), log_f64x2(r2)), r2));
                let (first, second) = (f64x2_mul(f, x2), f64x2_mul(f, x1));
                let bits = i64x2_bitmask(ok) as usize;
                let out = pairs.as_mut_ptr();
                v128_store(
                    out.add(2 * kept) as *mut v128,
                    i64x2_shuffle::<0, 2>(first, second),
                );
                try_of_pair[kept] = t;
                kept += bits & 1;
                v128_store(
                    out.add(2 * kept) as *mut v128,
                    i64x2_shuffle::<1, 3>(first, second),
                );
                try_of_pair[kept] = t + 1;
                kept += bits >> 1;
            }
        }

        // The accepted pairs, in order, until `out` is full.
        let taken = kept.min(pairs_wanted);
        let written = (2 * taken).min(out.len());
        out[..written].copy_from_slice(&pairs[..written]);
        // Used up: every try up to the last pair taken, or all of them if more are wanted.
        let used_tries = if taken == pairs_wanted {
            if written < 2 * taken {
                *cached = Some(pairs[written]);
            }
            try_of_pair[taken - 1] + 1
        } else {
            tries
        };
        mt.skip(4 * used_tries);
        written
    }

    /// `x1 = 2*d1 - 1` and `x2 = 2*d2 - 1` of two tries (eight words: each try's two doubles,
    /// each double from two words as `mt19937_next_double` makes it).
    ///
    /// # Safety
    /// `words` points to eight readable words.
    #[inline(always)]
    unsafe fn tries_x1_x2(words: *const u32) -> (v128, v128) {
        let w0 = v128_load(words as *const v128);
        let w1 = v128_load(words.add(4) as *const v128);
        // [a1, a1', a2, a2'] and [b1, b1', b2, b2'] for tries t and t' = t + 1.
        let a = u32x4_shr(i32x4_shuffle::<0, 4, 2, 6>(w0, w1), 5);
        let b = u32x4_shr(i32x4_shuffle::<1, 5, 3, 7>(w0, w1), 6);
        let d1 = double_from_words(a, b);
        let d2 = double_from_words(i64x2_shuffle::<1, 1>(a, a), i64x2_shuffle::<1, 1>(b, b));
        let x1 = f64x2_sub(f64x2_mul(f64x2_splat(2.0), d1), f64x2_splat(1.0));
        let x2 = f64x2_sub(f64x2_mul(f64x2_splat(2.0), d2), f64x2_splat(1.0));
        (x1, x2)
    }
}

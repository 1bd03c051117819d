//! `random.Random`: CPython's Mersenne Twister with its seeding, its 53-bit doubles, its
//! bit-exact integer sampling (`getrandbits` rejection) and the one-value cache of `gauss`.
//!
//! Sources: CPython 3.11.7 `Lib/random.py` (`Random.seed`, `gauss`, `randrange`, `randint`,
//! `_randbelow_with_getrandbits`, `choice`, `shuffle`) and `Modules/_randommodule.c`
//! (`random_random`, `getrandbits`, `random_seed`).

use super::seed::{entropy_engine, Seed};
use crate::engines::Mt19937;
use crate::error::{Error, ErrorKind, Result};
use crate::math;

mod integers;
mod sequences;
mod state;
mod variates;

pub use sequences::{sample_set_size, Weights};
pub use state::PyState;

/// `math.tau`, the constant `gauss` calls `TWOPI`.
const TWOPI: f64 = core::f64::consts::TAU;

/// A `random.Random` instance (also the hidden instance behind `random.seed`, `random.random`...).
///
/// ```
/// use seedlab::python::Random;
///
/// // random.seed(17); [random.random(), random.random()]
/// let mut r = Random::from_int(17);
/// assert_eq!(r.random(2).unwrap(), [0.5219839097124932, 0.8066907771186791]);
/// // then [random.randint(1, 6) for _ in range(5)], continuing the same stream
/// assert_eq!(r.randint(1, 6, 5).unwrap(), [3, 3, 2, 6, 6]);
/// ```
#[derive(Clone, Debug)]
pub struct Random {
    mt: Mt19937,
    /// `gauss_next`: the sine half of the last Box-Muller pair, returned by the next `gauss`.
    gauss_next: Option<f64>,
}

impl Random {
    /// `random.Random(seed)`; `None` seeds from 624 words of OS entropy, as CPython does.
    pub fn new(seed: Option<&Seed>) -> Result<Self> {
        let mt = match seed {
            Some(seed) => seed.engine()?,
            None => entropy_engine()?,
        };
        Ok(Random {
            mt,
            gauss_next: None,
        })
    }

    /// `random.Random(seed)` for an int seed, which is always valid.
    pub fn from_int(seed: i128) -> Self {
        Random {
            mt: Seed::from(seed)
                .engine()
                .expect("an int seed is always valid"),
            gauss_next: None,
        }
    }

    /// `seed(a)`: reseeds in place and clears the cached gaussian. On error the state is
    /// unchanged.
    pub fn seed(&mut self, seed: Option<&Seed>) -> Result<()> {
        *self = Random::new(seed)?;
        Ok(())
    }

    /// The engine, for `getstate()`-style inspection.
    pub fn engine(&self) -> &Mt19937 {
        &self.mt
    }

    /// `gauss_next` (`getstate()[2]`): the value the next `gauss` returns without drawing.
    pub fn gauss_next(&self) -> Option<f64> {
        self.gauss_next
    }

    /// One `random()`: 53 random bits, the first word giving the high 27 and the second the low
    /// 26 (`random_random`).
    #[inline]
    pub fn next_random(&mut self) -> f64 {
        let a = self.mt.next_u32();
        let b = self.mt.next_u32();
        random_from_words(a, b)
    }

    /// One `gauss(mu, sigma)`: Box-Muller, returning the cosine value and caching the sine value
    /// for the next call.
    pub fn next_gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let (x, y) = (self.next_random(), self.next_random());
                let (z, next) = box_muller(x, y);
                self.gauss_next = Some(next);
                z
            }
        };
        mu + z * sigma
    }

    /// `getrandbits(k)` as little-endian 32-bit words (`ceil(k / 32)` of them): each word is one
    /// draw, least significant first, and the last is shifted right to keep only its top
    /// `k mod 32` bits.
    fn getrandbits_words(&mut self, k: u32, words: &mut Vec<u32>) {
        words.clear();
        let mut remaining = k;
        while remaining > 0 {
            let r = self.mt.next_u32();
            words.push(if remaining < 32 {
                r >> (32 - remaining)
            } else {
                r
            });
            remaining = remaining.saturating_sub(32);
        }
    }

    /// `_randbelow(n)` for a multi-word `n` (little-endian, no high zero words, nonzero):
    /// `k = n.bit_length()`, then `getrandbits(k)` until the result is below `n`.
    fn randbelow_words(&mut self, n: &[u32]) -> Vec<u32> {
        let k = crate::py_int::bit_length(n);
        let mut r = Vec::with_capacity(n.len());
        loop {
            self.getrandbits_words(k, &mut r);
            if less_than(&r, n) {
                return r;
            }
        }
    }

    /// `_randbelow(n)`: a uniform integer in `[0, n)`, `n >= 1`. Note that `k` is the bit length
    /// of `n`, not of `n - 1`: `n = 8` draws 4 bits and rejects about half of them, and even
    /// `n = 1` consumes words.
    pub fn randbelow(&mut self, n: u128) -> u128 {
        assert!(n >= 1, "_randbelow is defined for n > 0");
        let k = 128 - n.leading_zeros();
        if k <= 32 {
            // getrandbits(k) for k <= 32 is one word's top k bits.
            loop {
                let r = u128::from(self.mt.next_u32() >> (32 - k));
                if r < n {
                    return r;
                }
            }
        }
        words_to_u128(&self.randbelow_words(&u128_to_words(n)))
    }

    /// `randint(a, b)` = `randrange(a, b + 1)` = `a + _randbelow(b - a + 1)`, `n` times. A range
    /// of 2**128 values (`a = i128::MIN`, `b = i128::MAX`) is drawn with 129 bits, as CPython
    /// would.
    pub fn randint(&mut self, a: i128, b: i128, n: usize) -> Result<Vec<i128>> {
        if b < a {
            return Err(empty_range(a, b));
        }
        // The width b - a + 1 as u128; it overflows only for the full i128 span (2**128).
        let width = (b.wrapping_sub(a) as u128).checked_add(1);
        let mut out = alloc(n)?;
        for _ in 0..n {
            let r = match width {
                Some(width) => self.randbelow(width),
                None => words_to_u128(&self.randbelow_words(&[0, 0, 0, 0, 1])),
            };
            out.push((a as u128).wrapping_add(r) as i128);
        }
        Ok(out)
    }

    /// `random()`, `n` times.
    pub fn random(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut out = alloc(n)?;
        out.extend((0..n).map(|_| self.next_random()));
        Ok(out)
    }

    /// `gauss(mu, sigma)`, `n` times (the cache carries over between calls, as in CPython).
    pub fn gauss(&mut self, mu: f64, sigma: f64, n: usize) -> Result<Vec<f64>> {
        let mut out = alloc(n)?;
        out.resize(n, 0.0);
        self.fill_gauss(mu, sigma, &mut out);
        Ok(out)
    }

    /// `gauss` into every slot of `out`: the same values and state (`gauss_next` included) as
    /// `out.len()` calls, with the engine's words drawn a block at a time.
    pub fn fill_gauss(&mut self, mu: f64, sigma: f64, out: &mut [f64]) {
        const PAIRS: usize = 128;
        let mut i = 0;
        if let (Some(z), Some(slot)) = (self.gauss_next, out.first_mut()) {
            self.gauss_next = None;
            *slot = mu + z * sigma;
            i = 1;
        }
        let mut words = [0u32; 4 * PAIRS];
        while out.len() - i >= 2 {
            let pairs = ((out.len() - i) / 2).min(PAIRS);
            let words = &mut words[..4 * pairs];
            self.mt.fill_u32(words);
            for (pair, w) in out[i..i + 2 * pairs]
                .chunks_exact_mut(2)
                .zip(words.chunks_exact(4))
            {
                let (z, next) =
                    box_muller(random_from_words(w[0], w[1]), random_from_words(w[2], w[3]));
                pair[0] = mu + z * sigma;
                pair[1] = mu + next * sigma;
            }
            i += 2 * pairs;
        }
        if i < out.len() {
            out[i] = self.next_gauss(mu, sigma);
        }
    }

    /// `shuffle(x)` in place: Fisher-Yates from the end, `j = _randbelow(i + 1)` for
    /// `i = len - 1, ..., 1`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u128 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `choice(seq)` for a sequence of `population` elements, `n` times: the indices
    /// `_randbelow(len(seq))`. An empty population raises CPython's `IndexError` as soon as a
    /// value is asked for (`n = 0` draws nothing and raises nothing, like a list comprehension).
    pub fn choice(&mut self, population: u64, n: usize) -> Result<Vec<u64>> {
        if population == 0 && n > 0 {
            return Err(Error::new(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        let mut out = alloc(n)?;
        out.extend((0..n).map(|_| self.randbelow(population.into()) as u64));
        Ok(out)
    }
}

/// CPython 3.11's `randrange` message for `randint(a, b)` with `b < a`:
/// `empty range for randrange() (5, 4, -1)` (start, stop, width).
fn empty_range(a: i128, b: i128) -> Error {
    // b < a, so b + 1 <= a cannot overflow; the width b + 1 - a may not fit in i128.
    let stop = b + 1;
    let width = match stop.checked_sub(a) {
        Some(width) => width.to_string(),
        None => format!("-{}", (a as u128).wrapping_sub(stop as u128)),
    };
    Error::value(format!(
        "empty range for randrange() ({a}, {stop}, {width})"
    ))
}

/// `random_random`'s double from two words: 27 bits of the first, 26 of the second.
#[inline(always)]
fn random_from_words(a: u32, b: u32) -> f64 {
    (f64::from(a >> 5) * 67_108_864.0 + f64::from(b >> 6)) * (1.0 / 9_007_199_254_740_992.0)
}

/// `gauss`'s Box-Muller from two `random()` values: the cosine value (returned) and the sine
/// value (cached as `gauss_next`).
#[inline(always)]
fn box_muller(x: f64, y: f64) -> (f64, f64) {
    let x2pi = x * TWOPI;
    // CPython takes log(1.0 - random()), not log1p(-random()).
    let g2rad = (-2.0 * math::log(1.0 - y)).sqrt();
    (math::cos(x2pi) * g2rad, math::sin(x2pi) * g2rad)
}

fn alloc<T>(n: usize) -> Result<Vec<T>> {
    crate::error::try_vec(n).ok_or_else(|| {
        Error::new(
            ErrorKind::MemoryError,
            format!("cannot allocate a list of {n} values"),
        )
    })
}

/// `a < b` for little-endian words of equal length (as `getrandbits(bit_length(b))` returns).
fn less_than(a: &[u32], b: &[u32]) -> bool {
    a.iter().rev().cmp(b.iter().rev()) == core::cmp::Ordering::Less
}

fn u128_to_words(n: u128) -> Vec<u32> {
    let words = (128 - n.leading_zeros()).div_ceil(32) as usize;
    (0..words).map(|i| (n >> (32 * i)) as u32).collect()
}

fn words_to_u128(words: &[u32]) -> u128 {
    words
        .iter()
        .take(4)
        .rev()
        .fold(0, |acc, &w| (acc << 32) | u128::from(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by CPython 3.11.7 (reference note, section 7).
    #[test]
    fn bulk_gauss_is_one_call_per_value() {
        for n in [0, 1, 2, 3, 255, 256, 257, 1001] {
            let mut one = Random::new(Some(&Seed::Int(17u32.into()))).unwrap();
            one.next_gauss(0.0, 1.0); // leaves gauss_next set
            let mut bulk = one.clone();
            let want: Vec<u64> = (0..n).map(|_| one.next_gauss(2.0, 0.5).to_bits()).collect();
            let got = bulk.gauss(2.0, 0.5, n).unwrap();
            assert_eq!(
                got.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                want,
                "n {n}"
            );
            assert_eq!(bulk.gauss_next(), one.gauss_next(), "n {n}");
            assert_eq!(bulk.next_random(), one.next_random(), "n {n}");
        }
    }

    #[test]
    fn seed_17() {
        let mut r = Random::from_int(17);
        assert_eq!(
            r.random(3).unwrap(),
            [0.5219839097124932, 0.8066907771186791, 0.9604947743238768]
        );
        let mut r = Random::from_int(17);
        assert_eq!(
            r.gauss(0.0, 1.0, 3).unwrap(),
            [
                -1.7957207107381599,
                -0.24963070978623944,
                0.8016517906435565
            ]
        );
        let mut r = Random::from_int(17);
        assert_eq!(r.randint(1, 100, 5).unwrap(), [67, 54, 39, 47, 38]);
    }

    #[test]
    fn negative_seed_is_its_absolute_value() {
        let mut a = Random::from_int(-17);
        let mut b = Random::from_int(17);
        assert_eq!(a.random(5).unwrap(), b.random(5).unwrap());
    }

    #[test]
    fn empty_range_messages() {
        let mut r = Random::from_int(1);
        let message = |r: Result<Vec<i128>>| r.unwrap_err().message().to_owned();
        assert_eq!(
            message(r.randint(5, 3, 1)),
            "empty range for randrange() (5, 4, -1)"
        );
        assert_eq!(
            message(r.randint(i128::MAX, i128::MIN, 1)),
            format!(
                "empty range for randrange() ({}, {}, -{})",
                i128::MAX,
                i128::MIN + 1,
                u128::MAX - 1
            )
        );
        assert_eq!(r.randint(i128::MIN, i128::MAX, 3).unwrap().len(), 3);
    }

    #[test]
    fn getrandbits_words_keep_the_top_bits_of_the_last_word() {
        let mut a = Random::from_int(5);
        let mut b = a.clone();
        let mut words = Vec::new();
        a.getrandbits_words(40, &mut words);
        let (w0, w1) = (b.mt.next_u32(), b.mt.next_u32());
        assert_eq!(words, [w0, w1 >> 24]);
    }
}

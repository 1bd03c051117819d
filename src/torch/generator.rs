//! `torch.Generator` on the CPU (`CPUGeneratorImpl`): an MT19937 seeded from the low 32 bits of a
//! 64-bit seed, PyTorch's own float conversions, and a cached Box-Muller value.

use super::{alloc, normal_fill};
use crate::engines::Mt19937;
use crate::error::{Error, ErrorKind, Result};
use crate::{entropy, math};

/// Tensors with at least this many elements (and contiguous, as all of ours are) take the
/// vectorised `normal_fill` path in `normal_kernel`; smaller ones draw one double normal each.
pub const NORMAL_FILL_THRESHOLD: usize = 16;

/// From this range on, PyTorch 2.15's public wheels draw 64 bits per `randint` value (the
/// `#ifndef FBCODE_CAFFE2` branch of `uniform_int_from_to_distribution`).
pub const RANDINT_64BIT_THRESHOLD: u64 = 1 << 28;

/// The seed of a `torch.Generator()` created without one (`default_rng_seed_val`). The default
/// generator itself is seeded from OS entropy instead.
pub const DEFAULT_RNG_SEED: u64 = 67_280_421_310_721;

/// PyTorch's CPU generator.
///
/// ```
/// use seedlab::torch::Generator;
///
/// // torch.manual_seed(17); torch.randn(5); torch.randint(0, 7, (5,))
/// let mut g = Generator::new(17);
/// let normals = g.randn(5).unwrap();
/// assert_eq!(normals[0], -1.41351318359375);
/// assert_eq!(g.initial_seed(), 17);
/// ```
#[derive(Clone, Debug)]
pub struct Generator {
    pub(super) mt: Mt19937,
    pub(super) initial_seed: u64,
    /// `next_double_normal_sample_`: the sine half of the last double Box-Muller pair.
    pub(super) cached_normal: Option<f64>,
    /// `next_float_normal_sample_`: no CPU kernel uses it, but the state bytes carry it.
    pub(super) cached_float_normal: Option<f32>,
    /// While a twist is pending and no word has been drawn since seeding or `set_rng_state`, the
    /// engine's `next_` as torch reports it (0 after seeding); `None` once a word is drawn, when
    /// it follows from the engine position.
    pub(super) pending_next: Option<u32>,
}

/// `torch.Generator()`: a generator seeded with [`DEFAULT_RNG_SEED`].
impl Default for Generator {
    fn default() -> Self {
        Generator::new(DEFAULT_RNG_SEED)
    }
}

impl Generator {
    /// A generator after `manual_seed(seed)`.
    pub fn new(seed: u64) -> Self {
        Generator {
            // `mt19937(seed)` keeps all 64 bits for `initial_seed()` but seeds the engine with
            // the low 32 only: manual_seed(2**32 + 17) gives the stream of manual_seed(17).
            mt: Mt19937::new(seed as u32),
            initial_seed: seed,
            cached_normal: None,
            cached_float_normal: None,
            pending_next: Some(0),
        }
    }

    /// A generator after `manual_seed(seed)` for any Python int, with PyTorch's error for one
    /// outside `[-2**63, 2**64)` (see [`Generator::manual_seed`]).
    pub fn from_seed(seed: i128) -> Result<Self> {
        Ok(Generator::new(seed_to_u64(seed)?))
    }

    /// A generator seeded from 64 bits of OS entropy, as torch seeds its default generator.
    pub fn from_entropy() -> Result<Self> {
        Ok(Generator::new(entropy::u64()?))
    }

    /// `manual_seed(seed)` for any Python int PyTorch accepts: `[-2**63, 2**64)`. Negative seeds
    /// are reinterpreted as unsigned (two's complement), so -1 is 2**64 - 1.
    pub fn manual_seed(&mut self, seed: i128) -> Result<()> {
        *self = Generator::from_seed(seed)?;
        Ok(())
    }

    /// `initial_seed()`: the full 64-bit seed last set.
    pub fn initial_seed(&self) -> u64 {
        self.initial_seed
    }

    /// The engine, for inspection.
    pub fn engine(&self) -> &Mt19937 {
        &self.mt
    }

    /// The cached sine value of the last double Box-Muller pair, if any.
    pub fn cached_normal(&self) -> Option<f64> {
        self.cached_normal
    }

    /// `random()`: one 32-bit engine word.
    #[inline]
    pub fn random(&mut self) -> u32 {
        self.pending_next = None;
        self.mt.next_u32()
    }

    /// `random64()`: two words, the first as the high half.
    #[inline]
    pub fn random64(&mut self) -> u64 {
        self.pending_next = None;
        self.mt.next_u64()
    }

    /// `uniform_real_distribution<float>(0, 1)`: the LOW 24 bits of one word, times 2**-24.
    #[inline]
    pub(crate) fn uniform_f32(&mut self) -> f32 {
        uniform_f32_from_word(self.random())
    }

    /// `uniform_real_distribution<double>(0, 1)`: the LOW 53 bits of `random64()`, times 2**-53.
    #[inline]
    pub(crate) fn uniform_f64(&mut self) -> f64 {
        (self.random64() & ((1 << 53) - 1)) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `normal_distribution<double>(0, 1)`: Box-Muller returning the cosine branch and caching the
    /// sine branch on the generator.
    pub fn normal_f64(&mut self) -> f64 {
        if let Some(cached) = self.cached_normal.take() {
            return cached;
        }
        let u1 = self.uniform_f64();
        let u2 = self.uniform_f64();
        let radius = (-2.0 * math::log1p(-u2)).sqrt();
        let theta = 2.0 * core::f64::consts::PI * u1;
        self.cached_normal = Some(radius * math::sin(theta));
        radius * math::cos(theta)
    }

    /// `torch.rand(n)` (float32): one word per element.
    pub fn rand(&mut self, n: usize) -> Result<Vec<f32>> {
        let mut out = alloc(n)?;
        out.resize(n, 0.0);
        self.fill_rand(&mut out);
        Ok(out)
    }

    /// `torch.rand` into `out`: the same values and state as `rand(out.len())`, without
    /// allocating.
    pub fn fill_rand(&mut self, out: &mut [f32]) {
        const CHUNK: usize = 512;
        if out.is_empty() {
            return;
        }
        self.pending_next = None;
        let mut words = [0u32; CHUNK];
        for chunk in out.chunks_mut(CHUNK) {
            let words = &mut words[..chunk.len()];
            self.mt.fill_u32(words);
            words_to_uniform_f32(words, chunk);
        }
    }

    /// `torch.randn(n)` (float32). Below 16 elements each value is a double Box-Muller normal
    /// rounded to float (using and refilling the cache); from 16 on, the vectorised float path,
    /// which draws `n` uniforms (plus 16 more when `n % 16 != 0`) and leaves the cache alone.
    pub fn randn(&mut self, n: usize) -> Result<Vec<f32>> {
        let mut out = alloc(n)?;
        out.resize(n, 0.0);
        self.fill_randn(&mut out);
        Ok(out)
    }

    /// `torch.randn` into `out`: the same values and state as `randn(out.len())` (the path
    /// depends on the length, as in PyTorch), without allocating.
    pub fn fill_randn(&mut self, out: &mut [f32]) {
        if out.len() < NORMAL_FILL_THRESHOLD {
            // `(float) normal_distribution<double>(mean=0, std=1)`; the kernel's
            // fma(z, std, mean) is exact for std 1 and mean 0 apart from -0.0 + 0.0 = +0.0.
            for slot in out {
                *slot = (self.normal_f64() + 0.0) as f32;
            }
        } else {
            self.fill_normal_f32(out, 0.0, 1.0);
        }
    }

    /// `normal_fill` for float32 (length >= 16): normals with `mean` and `std` from
    /// `out.len()` uniforms (and 16 more when the length is not a multiple of 16).
    pub(crate) fn fill_normal_f32(&mut self, out: &mut [f32], mean: f32, std: f32) {
        normal_fill::normal_fill(out, mean, std, |uniforms| self.fill_rand(uniforms));
    }

    /// `torch.randint(low, high, (n,))` with the default int64 dtype: `low + v % (high - low)`
    /// where `v` is one 32-bit word, or a 64-bit draw once the range reaches 2**28. The modulo is
    /// PyTorch's: slightly biased, no rejection.
    pub fn randint(&mut self, low: i128, high: i128, n: usize) -> Result<Vec<i64>> {
        let (low, high) = (int64_arg(low)?, int64_arg(high)?);
        if low >= high {
            return Err(Error::new(
                ErrorKind::RuntimeError,
                format!(
                    "random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
                ),
            ));
        }
        let range = (high as u64).wrapping_sub(low as u64);
        let mut out = alloc(n)?;
        if range >= RANDINT_64BIT_THRESHOLD {
            out.extend((0..n).map(|_| ((self.random64() % range) as i64).wrapping_add(low)));
        } else {
            let range32 = range as u32;
            out.extend((0..n).map(|_| i64::from(self.random() % range32) + low));
        }
        Ok(out)
    }
}

/// The calls with their size as a dynamic caller (JavaScript) passes it: a float that PyTorch's
/// rules may reject (fractional, negative, too large), or `None` when the caller left it out,
/// which is [`Error::missing_count`]. The size is checked first, then the other arguments, as
/// PyTorch creates the tensor before it fills it.
impl Generator {
    /// `torch.rand(size)`: float32 uniforms in [0, 1).
    pub fn rand_sized(&mut self, size: Option<f64>) -> Result<Vec<f32>> {
        let n = tensor_len(size, "rand")?;
        self.rand(n)
    }

    /// `torch.randn(size)`: float32 standard normals.
    pub fn randn_sized(&mut self, size: Option<f64>) -> Result<Vec<f32>> {
        let n = tensor_len(size, "randn")?;
        self.randn(n)
    }

    /// `torch.randint(low, high, (size,))`: int64 values in [low, high).
    pub fn randint_sized(&mut self, low: i128, high: i128, size: Option<f64>) -> Result<Vec<i64>> {
        let n = tensor_len(size, "randint")?;
        self.randint(low, high, n)
    }
}

/// A tensor length as `function` converts it, with the missing count refused first.
fn tensor_len(size: Option<f64>, function: &str) -> Result<usize> {
    super::size_from_f64(size.ok_or_else(Error::missing_count)?, function)
}

/// `uniform_real_distribution<float>(0, 1)` of each word (four at a time in the SIMD build).
fn words_to_uniform_f32(words: &[u32], out: &mut [f32]) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if crate::simd::active() {
        return super::simd::words_to_uniform_f32(words, out);
    }
    for (slot, &word) in out.iter_mut().zip(words) {
        *slot = uniform_f32_from_word(word);
    }
}

/// The low 24 bits of a word, times 2**-24.
#[inline(always)]
fn uniform_f32_from_word(word: u32) -> f32 {
    (word & 0x00ff_ffff) as f32 * (1.0 / 16_777_216.0)
}

/// Python's conversion of a seed (`unpack_uint64`): uint64 first, then int64 reinterpreted.
fn seed_to_u64(seed: i128) -> Result<u64> {
    if let Ok(unsigned) = u64::try_from(seed) {
        return Ok(unsigned);
    }
    i64::try_from(seed)
        .map(|signed| signed as u64)
        .map_err(|_| Error::value("Overflow when unpacking long long"))
}

/// An int argument PyTorch converts to a C int64.
pub(super) fn int64_arg(value: i128) -> Result<i64> {
    i64::try_from(value).map_err(|_| Error::value("Overflow when unpacking long long"))
}

#[cfg(test)]
#[allow(clippy::excessive_precision)] // expected values keep the digits torch printed
mod tests {
    use super::*;

    // Values printed by torch 2.15.0 (AVX2 kernel), rng-algorithms.md section 7.
    #[test]
    fn seed_17_small_paths() {
        let mut g = Generator::new(17);
        assert_eq!(
            g.randn(5).unwrap(),
            [
                -1.413_513_2_f32,
                0.233_630_75,
                0.034_033_183,
                0.349_917_26,
                -0.014_521_554
            ]
        );
        let mut g = Generator::new(17);
        assert_eq!(
            g.rand(3).unwrap(),
            [0.434_241_24_f32, 0.535_109_6, 0.830_208_7]
        );
        let mut g = Generator::new(17);
        assert_eq!(g.randint(0, 100, 5).unwrap(), [59, 85, 51, 42, 10]);
    }

    #[test]
    fn seed_17_vectorised_path() {
        let mut g = Generator::new(17);
        let v = g.randn(16).unwrap();
        assert_eq!(
            v[..4],
            [
                -1.0461914539337158_f32,
                1.2305212020874023,
                1.866212248802185,
                -0.34353330731391907
            ]
        );
        let mut g = Generator::new(17);
        let v = g.randn(20).unwrap();
        assert_eq!(
            v[16..],
            [
                0.658202052116394_f32,
                0.21687327325344086,
                -0.30294081568717957,
                -0.5902429223060608
            ]
        );
    }

    #[test]
    fn cached_sine_survives_the_vectorised_path() {
        let mut g = Generator::new(17);
        let first = g.randn(3).unwrap();
        let cached = g.cached_normal().unwrap();
        g.randn(16).unwrap();
        assert_eq!(g.randn(1).unwrap(), [cached as f32]);
        assert_ne!(first[2], cached as f32);
    }

    #[test]
    fn seeds_wrap_like_unpack_uint64() {
        let mut g = Generator::new(0);
        g.manual_seed(-1).unwrap();
        assert_eq!(g.initial_seed(), u64::MAX);
        assert_eq!(
            g.manual_seed(1 << 64).unwrap_err().message(),
            "Overflow when unpacking long long"
        );
        assert!(g.manual_seed(-(1 << 63) - 1).is_err());
        g.manual_seed((1 << 32) + 17).unwrap();
        assert_eq!(g.randn(5).unwrap(), Generator::new(17).randn(5).unwrap());
    }

    #[test]
    fn sized_calls_check_the_size_first() {
        let mut g = Generator::new(17);
        let msg = |r: Result<Vec<i64>>| r.unwrap_err().to_string();
        assert_eq!(
            msg(g.randint_sized(5, 5, Some(-1.0))),
            "RuntimeError: Trying to create tensor with negative dimension -1: [-1]"
        );
        assert_eq!(
            msg(g.randint_sized(5, 5, Some(2.0))),
            "RuntimeError: random_ expects 'from' to be less than 'to', but got from=5 >= to=5"
        );
        assert_eq!(
            g.randn_sized(None).unwrap_err().to_string(),
            "TypeError: missing the count n (how many values to draw)"
        );
        assert_eq!(
            g.rand_sized(Some(3.0)).unwrap(),
            Generator::new(17).rand(3).unwrap()
        );
    }
}

//! NumPy's `Generator` API: `rng = np.random.default_rng(seed)` and its methods.
//!
//! `default_rng(seed)` is `Generator(PCG64(SeedSequence(seed)))`: the seed (any non-negative int
//! or a sequence of them) is hashed by [`SeedSequence`] into the state of [`Pcg64`], and the
//! Generator's samplers turn PCG64's draws into numbers. The samplers differ from the legacy
//! `RandomState`'s: doubles take the top 53 bits of one 64-bit draw, normals use a ziggurat,
//! bounded integers use Lemire's method. Unlike the legacy stream, NumPy does not freeze this one
//! by policy (NEP 19 lets it improve between feature releases); the fixtures pin numpy 2.4.6.
//!
//! Sources: numpy `random/_generator.pyx` (`default_rng`, `Generator.random`,
//! `standard_normal`, `normal`, `uniform`, `integers`, `permutation`, `shuffle`, `choice`),
//! `random/_bounded_integers.pyx.in` (`_rand_int64`, `format_bounds_error`),
//! `random/_common.pyx` (`cont`, `check_constraint`), `random/src/distributions/distributions.c`.
//! Reproduced: `random` and `standard_normal` (float64 and float32), `normal`, `uniform`,
//! `integers` (every integer dtype, `endpoint`), `standard_exponential` / `exponential`,
//! `permutation` of an int, `shuffle`, `choice` (of an int or an array's length, with `p`,
//! `replace`, `shuffle`), the PCG64 state, `spawn` and spawn keys, with NumPy's errors for bad
//! arguments. Not reproduced: array arguments and broadcasting (the caller loops), the other
//! distributions, setting a state, and bit generators other than PCG64.

mod choice;
mod discrete;
mod exponential;
mod exponential_tables;
mod float32;
mod integers;
mod lemire;
mod pcg64;
mod seed_sequence;
mod shuffle;
mod ziggurat;
mod ziggurat_f32_tables;
mod ziggurat_tables;

pub use crate::py_int::PyInt;
pub use exponential::tables as exponential_tables;
pub use float32::tables as ziggurat_f32_tables;
pub use pcg64::Pcg64;
pub use seed_sequence::{Entropy, SeedSequence};
pub use ziggurat::tables as ziggurat_tables;

use super::int64_bounds::closed_range;
use super::memory::alloc;
use super::size::size_argument;
use crate::error::{Error, ErrorKind, Result};
pub(crate) use lemire::LemireDraw;

/// `np.random.default_rng(seed)`: `Generator(PCG64(SeedSequence(seed)))`. `None` seeds from OS
/// entropy, as `default_rng()` does.
pub fn default_rng(seed: Option<&Entropy>) -> Result<Generator> {
    default_rng_with_spawn_key(seed, &[])
}

/// `np.random.default_rng(np.random.SeedSequence(seed, spawn_key=spawn_key))`.
pub fn default_rng_with_spawn_key(
    seed: Option<&Entropy>,
    spawn_key: &[PyInt],
) -> Result<Generator> {
    let seed_seq = match seed {
        Some(entropy) => SeedSequence::with_spawn_key(entropy, spawn_key)?,
        None => SeedSequence::from_os_entropy_with_spawn_key(spawn_key)?,
    };
    Ok(Generator::from_seed_sequence(seed_seq))
}

/// `numpy.random.Generator` over a PCG64 bit generator.
///
/// ```
/// use seedlab::numpy::{default_rng, Entropy};
///
/// // rng = np.random.default_rng(17); rng.standard_normal(3)
/// let mut rng = default_rng(Some(&Entropy::from(17_u128))).unwrap();
/// assert_eq!(
///     rng.standard_normal(3).unwrap(),
///     [1.101262453505847, 0.3384312766461778, -0.5399715152535035]
/// );
/// // then rng.integers(0, 10, 5), continuing the same stream
/// assert_eq!(rng.integers(0, Some(10), 5).unwrap(), [7, 3, 0, 2, 4]);
/// ```
#[derive(Clone, Debug)]
pub struct Generator {
    bit_generator: Pcg64,
    /// The bit generator's `_seed_seq`, which `spawn` spawns from.
    seed_seq: Option<SeedSequence>,
}

impl Generator {
    /// `Generator(bit_generator)` (without a seed sequence to spawn from).
    pub fn new(bit_generator: Pcg64) -> Self {
        Generator {
            bit_generator,
            seed_seq: None,
        }
    }

    /// `Generator(PCG64(seed_seq))`.
    pub fn from_seed_sequence(seed_seq: SeedSequence) -> Self {
        Generator {
            bit_generator: Pcg64::new(&seed_seq),
            seed_seq: Some(seed_seq),
        }
    }

    /// `spawn(n_children)`: `n_children` independent Generators from the seed sequence's
    /// children (`SeedSequence.spawn`), each `Generator(PCG64(child))`. More children than
    /// memory can hold is a `MemoryError`, raised before any is spawned.
    pub fn spawn(&mut self, n_children: u64) -> Result<Vec<Generator>> {
        let seed_seq = self.seed_seq.as_mut().ok_or_else(|| {
            Error::type_error("The underlying SeedSequence does not implement spawning.")
        })?;
        let too_many = || {
            Error::new(
                crate::error::ErrorKind::MemoryError,
                format!("cannot allocate {n_children} Generators"),
            )
        };
        let mut children = Vec::new();
        let n = usize::try_from(n_children).map_err(|_| too_many())?;
        children.try_reserve_exact(n).map_err(|_| too_many())?;
        // One child at a time: the same children (and count) as `spawn(n_children)`.
        for _ in 0..n {
            children.extend(
                seed_seq
                    .spawn(1)
                    .into_iter()
                    .map(Generator::from_seed_sequence),
            );
        }
        Ok(children)
    }

    /// The underlying PCG64 (`rng.bit_generator`), for inspecting its state.
    pub fn bit_generator(&self) -> &Pcg64 {
        &self.bit_generator
    }

    /// The underlying PCG64, for restoring a state (`rng.bit_generator.state = saved`).
    pub fn bit_generator_mut(&mut self) -> &mut Pcg64 {
        &mut self.bit_generator
    }

    /// `random(n)`: uniform doubles in [0, 1), each `(next_u64 >> 11) * 2**-53`.
    pub fn random(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut out = zeros(n)?;
        self.fill_random(&mut out);
        Ok(out)
    }

    /// `random` into `out`: the same values and state as `random(out.len())`, without
    /// allocating.
    pub fn fill_random(&mut self, out: &mut [f64]) {
        self.bit_generator.fill_doubles(out);
    }

    /// `standard_normal(n)`: the 256-layer ziggurat.
    pub fn standard_normal(&mut self, n: usize) -> Result<Vec<f64>> {
        let mut out = zeros(n)?;
        self.fill_standard_normal(&mut out);
        Ok(out)
    }

    /// `standard_normal` into `out`: the same values and state as `standard_normal(out.len())`,
    /// without allocating.
    pub fn fill_standard_normal(&mut self, out: &mut [f64]) {
        ziggurat::fill(&mut self.bit_generator, out);
    }

    /// `normal(loc, scale, n)` = `loc + scale * standard_normal()`. A negative `scale` (NumPy
    /// tests the sign bit, so `-0.0` too) is a `ValueError`; NaN passes.
    pub fn normal(&mut self, loc: f64, scale: f64, n: usize) -> Result<Vec<f64>> {
        check_normal(scale)?;
        let mut out = self.standard_normal(n)?;
        for value in &mut out {
            *value = loc + scale * *value;
        }
        Ok(out)
    }

    /// `uniform(low, high, n)` = `low + (high - low) * next_double()`. Unlike the legacy
    /// `RandomState.uniform`, `high < low` is an error (`high - low` must not be negative).
    pub fn uniform(&mut self, low: f64, high: f64, n: usize) -> Result<Vec<f64>> {
        let range = uniform_range(low, high)?;
        let mut out = self.random(n)?;
        for value in &mut out {
            *value = low + range * *value;
        }
        Ok(out)
    }

    /// `integers(low, high, n)` with the default dtype int64 and `endpoint=False`: integers in
    /// `[low, high)`; `high = None` means `[0, low)`. Lemire's method, on 32-bit halves when the
    /// range fits in 32 bits.
    pub fn integers(&mut self, low: i128, high: Option<i128>, n: usize) -> Result<Vec<i64>> {
        let (low, high) = match high {
            Some(high) => (low, high),
            None => (0, low),
        };
        // NumPy quirk: an empty size returns before the bounds are checked
        // (`integers(5, 5, 0)` is an empty array, not an error).
        if n == 0 {
            return Ok(Vec::new());
        }
        let (offset, draw) = int64_bounds(low, high)?;
        self.fill_integers(offset, draw, n)
    }

    /// `permutation(n)`: `arange(n)` shuffled (masked draws in `[0, i]`, as
    /// `RandomState.permutation` does, but from PCG64). A negative `n` gives an empty array.
    pub fn permutation(&mut self, n: i128) -> Result<Vec<i64>> {
        super::shuffle::permutation(&mut self.bit_generator, n)
    }

    /// The error `integers(low, high, size)` raises when `size` is invalid: NumPy checks the
    /// bounds first, so a bad bound wins over a bad size.
    fn integers_size_error(low: i128, high: Option<i128>, size_error: Error) -> Error {
        let (low, high) = match high {
            Some(high) => (low, high),
            None => (0, low),
        };
        int64_bounds(low, high).err().unwrap_or(size_error)
    }

    pub(super) fn fill_integers(
        &mut self,
        offset: u64,
        draw: LemireDraw,
        n: usize,
    ) -> Result<Vec<i64>> {
        let mut out = alloc(n, "int64")?;
        let bg = &mut self.bit_generator;
        out.extend((0..n).map(|_| offset.wrapping_add(draw.draw(bg)) as i64));
        Ok(out)
    }

    pub(super) fn fill_f64(
        &mut self,
        n: usize,
        mut next: impl FnMut(&mut Pcg64) -> f64,
    ) -> Result<Vec<f64>> {
        let mut out = alloc(n, "float64")?;
        let bg = &mut self.bit_generator;
        out.extend((0..n).map(|_| next(bg)));
        Ok(out)
    }
}

/// `n` zeros, or NumPy's `MemoryError` for a float64 array of that size.
fn zeros(n: usize) -> Result<Vec<f64>> {
    let mut out = alloc(n, "float64")?;
    out.resize(n, 0.0);
    Ok(out)
}

/// The calls with their size as a dynamic caller (JavaScript) passes it: a float that NumPy's rules
/// may reject (fractional, negative, too large), or `None` when the caller left it out, which is
/// [`Error::missing_count`]. Each makes NumPy's checks in NumPy's order, so the first error is the
/// one NumPy raises.
impl Generator {
    /// `random(size)`: uniform doubles in [0, 1).
    pub fn random_sized(&mut self, size: Option<f64>) -> Result<Vec<f64>> {
        let n = shape(size, "float64")?;
        self.random(n)
    }

    /// `standard_normal(size)`: standard normals (ziggurat).
    pub fn standard_normal_sized(&mut self, size: Option<f64>) -> Result<Vec<f64>> {
        let n = shape(size, "float64")?;
        self.standard_normal(n)
    }

    /// `normal(loc, scale, size)`: the parameters are checked before the size.
    pub fn normal_sized(&mut self, loc: f64, scale: f64, size: Option<f64>) -> Result<Vec<f64>> {
        check_normal(scale)?;
        let n = shape(size, "float64")?;
        self.normal(loc, scale, n)
    }

    /// `uniform(low, high, size)`: the parameters are checked before the size.
    pub fn uniform_sized(&mut self, low: f64, high: f64, size: Option<f64>) -> Result<Vec<f64>> {
        uniform_range(low, high)?;
        let n = shape(size, "float64")?;
        self.uniform(low, high, n)
    }

    /// `integers(low, high, size)`: a bad bound wins over a bad size, and an empty size returns
    /// before the bounds are checked.
    pub fn integers_sized(
        &mut self,
        low: i128,
        high: Option<i128>,
        size: Option<f64>,
    ) -> Result<Vec<i64>> {
        let n = shape(size, "int64").map_err(|e| Self::integers_size_error(low, high, e))?;
        self.integers(low, high, n)
    }
}

/// A `size=` as the Generator converts it, with the missing count refused first.
fn shape(size: Option<f64>, dtype: &str) -> Result<usize> {
    size_argument(size.ok_or_else(Error::missing_count)?, dtype)
}

/// `normal`'s check: a negative `scale` (NumPy tests the sign bit, so `-0.0` too) is a
/// `ValueError`; NaN passes.
fn check_normal(scale: f64) -> Result<()> {
    if !scale.is_nan() && scale.is_sign_negative() {
        return Err(Error::value("scale < 0"));
    }
    Ok(())
}

/// `uniform`'s check: `high - low` must be finite and not negative; the range when it is.
fn uniform_range(low: f64, high: f64) -> Result<f64> {
    let range = high - low;
    if !range.is_finite() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "high - low range exceeds valid bounds",
        ));
    }
    if range.is_sign_negative() {
        return Err(Error::value("high - low < 0"));
    }
    Ok(range)
}

/// `_rand_int64`'s bounds checks for `[low, high)`, then the offset and the draw for the closed
/// range `[low, high - 1]`.
pub(super) fn int64_bounds(low: i128, high: i128) -> Result<(u64, LemireDraw)> {
    let (offset, rng) = closed_range(low, high)?;
    Ok((offset, LemireDraw::new(rng)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(seed: u64) -> Generator {
        default_rng(Some(&Entropy::from(seed))).unwrap()
    }

    /// Values printed by numpy 2.4.6 (reference rng-algorithms.md, section 7, and the
    /// `default_rng` docstring).
    #[test]
    fn headline_values() {
        assert_eq!(
            rng(17).random(3).unwrap(),
            [0.8450747927979015, 0.16097309116910696, 0.5577445473656921]
        );
        assert_eq!(
            rng(17).standard_normal(5).unwrap(),
            [
                1.101262453505847,
                0.3384312766461778,
                -0.5399715152535035,
                -1.2602418568524327,
                -1.8946212698392553
            ]
        );
        assert_eq!(
            rng(17).integers(0, Some(100), 5).unwrap(),
            [74, 84, 10, 16, 45]
        );
        assert_eq!(
            rng(42).random(3).unwrap(),
            [0.7739560485559633, 0.4388784397520523, 0.8585979199113825]
        );
        assert_eq!(rng(12345).integers(0, Some(10), 3).unwrap(), [6, 2, 7]);
    }

    #[test]
    fn argument_errors_in_numpy_words() {
        let msg = |r: Result<Vec<i64>>| r.unwrap_err().to_string();
        let mut g = rng(17);
        assert_eq!(msg(g.integers(5, Some(5), 3)), "ValueError: low >= high");
        assert!(g.integers(5, Some(5), 0).unwrap().is_empty());
        assert_eq!(msg(g.integers(0, None, 3)), "ValueError: high <= 0");
        assert_eq!(
            msg(g.choice(0, 3, true)),
            "ValueError: a must be a positive integer unless no samples are taken"
        );
        assert_eq!(
            msg(g.choice(5, 6, false)),
            "ValueError: Cannot take a larger sample than population when replace is False"
        );
        assert_eq!(
            msg(g.choice(5, -1, false)),
            "ValueError: negative dimensions are not allowed"
        );
        assert_eq!(
            msg(g.choice(1 << 63, 3, false)),
            "OverflowError: Python int too large to convert to C long"
        );
        assert_eq!(
            g.uniform(1.0, 0.0, 1).unwrap_err().to_string(),
            "ValueError: high - low < 0"
        );
        assert_eq!(
            g.normal(0.0, -0.0, 1).unwrap_err().to_string(),
            "ValueError: scale < 0"
        );
        assert!(g.permutation(-3).unwrap().is_empty());
    }

    #[test]
    fn sized_calls_check_in_numpys_order() {
        let mut g = rng(17);
        let msg = |r: Result<Vec<i64>>| r.unwrap_err().to_string();
        let msg_f = |r: Result<Vec<f64>>| r.unwrap_err().to_string();
        // integers: a bad bound wins over a bad size; an empty size returns before the bounds.
        assert_eq!(
            msg(g.integers_sized(5, Some(5), Some(2.5))),
            "ValueError: low >= high"
        );
        assert_eq!(
            msg(g.integers_sized(5, Some(5), None)),
            "ValueError: low >= high"
        );
        assert!(g.integers_sized(5, Some(5), Some(0.0)).unwrap().is_empty());
        assert_eq!(
            msg(g.integers_sized(0, Some(5), Some(-1.0))),
            "ValueError: negative dimensions are not allowed"
        );
        // normal and uniform: the parameters before the size, without drawing.
        let before = g.bit_generator().clone();
        assert_eq!(
            msg_f(g.normal_sized(0.0, -1.0, Some(2.5))),
            "ValueError: scale < 0"
        );
        assert_eq!(
            msg_f(g.uniform_sized(1.0, 0.0, Some(-1.0))),
            "ValueError: high - low < 0"
        );
        assert_eq!(
            msg_f(g.uniform_sized(0.0, 1.0, Some(-1.0))),
            "ValueError: negative dimensions are not allowed"
        );
        assert_eq!(
            msg_f(g.random_sized(None)),
            "TypeError: missing the count n (how many values to draw)"
        );
        assert_eq!(g.bit_generator(), &before);
        // choice: a fractional size meets NumPy's checks on the truncated size first.
        assert_eq!(
            msg(g.choice_sized(0, Some(2.5), true)),
            "ValueError: a must be a positive integer unless no samples are taken"
        );
        assert_eq!(
            msg(g.choice_sized(5, Some(2.5), true)),
            "TypeError: expected a sequence of integers or a single integer, got '2.5'"
        );
    }
}

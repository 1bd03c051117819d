//! R's default random number generation: `set.seed`, `runif`, `rnorm` and `sample` with the
//! default kinds Mersenne-Twister / Inversion / Rejection (`RNGkind()` since R 3.6.0).
//!
//! Behaviour reproduced from the project's reference note (sections 0 and 6, which describe R's
//! `RNG.c`, `snorm.c`, `runif.c`, `rnorm.c`, `random.c` and `sample.R`) and checked value for
//! value against R 4.2.2; no R source code is copied (R is GPL). R's own state is `.Random.seed`:
//! [`Random::random_seed`] gives it.

use super::qnorm::qnorm;
use super::{alloc, alloc_values, r_error};
use crate::engines::Mt19937;
use crate::entropy;
use crate::error::Result;
use std::collections::HashSet;

/// 2**-32: R turns an MT word into a double by this product (`MT_genrand`).
const TWO_POW_MINUS_32: f64 = 2.328_306_436_538_696_3e-10;
/// `i2_32m1` = 1 / (2**32 - 1), whose half replaces an exact 0 (`fixup`).
const I2_32M1: f64 = 2.328_306_437_080_797e-10;
/// `BIG` of `norm_rand`'s inversion: 2**27.
const BIG: f64 = 134_217_728.0;
/// `.Random.seed[1]` for the default kinds: 3 (Mersenne-Twister) + 100 * 4 (Inversion)
/// + 10000 * 1 (Rejection).
pub const KINDS_CODE: i32 = 10_403;
/// `INT_MAX`: above it `sample` keeps the population size as a double (fractions included).
const INT_MAX: f64 = 2_147_483_647.0;

/// R's RNG state with the default kinds, as `set.seed(seed)` leaves it.
///
/// ```
/// use seedlab::r::Random;
///
/// // set.seed(17); rnorm(3)
/// let mut r = Random::new(17);
/// assert_eq!(
///     r.rnorm(3, 0.0, 1.0).unwrap(),
///     [-1.0150087164606165, -0.07963673712976711, -0.23298702195762605]
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Random {
    mt: Mt19937,
}

impl Random {
    /// `set.seed(seed)`.
    pub fn new(seed: i32) -> Self {
        // `Int32 s = seed`: negative seeds wrap to unsigned.
        let mut s = seed as u32;
        let lcg = |s: u32| s.wrapping_mul(69_069).wrapping_add(1);
        // Initial scrambling.
        for _ in 0..50 {
            s = lcg(s);
        }
        // 625 words: the first is `mti`, which FixupSeeds then sets to 624 ("twist first").
        let mut words = [0u32; 625];
        for w in &mut words {
            s = lcg(s);
            *w = s;
        }
        let mut state = [0u32; Mt19937::STATE_WORDS];
        state.copy_from_slice(&words[1..]);
        // FixupSeeds would re-randomize an all-zero state; the LCG never produces one.
        Random {
            mt: Mt19937::from_state(state, Mt19937::STATE_WORDS),
        }
    }

    /// An unseeded R session: `RNG_Init` from a seed R takes from the clock and process id;
    /// here from 32 bits of OS entropy.
    pub fn from_entropy() -> Result<Self> {
        Ok(Random::new(entropy::u64()? as u32 as i32))
    }

    /// `set.seed(seed)`, where `None` is `set.seed(NULL)`: a fresh random state, as in a new
    /// session.
    pub fn from_seed(seed: Option<i32>) -> Result<Self> {
        match seed {
            Some(seed) => Ok(Random::new(seed)),
            None => Random::from_entropy(),
        }
    }

    /// `set.seed(seed)` in place.
    pub fn set_seed(&mut self, seed: i32) {
        *self = Random::new(seed);
    }

    /// `.Random.seed`: the kinds code, `mti`, then the 624 state words as signed ints.
    pub fn random_seed(&self) -> Vec<i32> {
        let (state, index) = self.mt.state();
        let mut out = Vec::with_capacity(626);
        out.push(KINDS_CODE);
        out.push(index as i32);
        out.extend(state.iter().map(|&w| w as i32));
        out
    }

    /// `unif_rand()`: one MT word times 2**-32, moved off 0 by `fixup` (R returns values strictly
    /// inside (0, 1); a word times 2**-32 is always below 1).
    #[inline]
    pub fn unif_rand(&mut self) -> f64 {
        let x = f64::from(self.mt.next_u32()) * TWO_POW_MINUS_32;
        if x <= 0.0 {
            0.5 * I2_32M1
        } else if 1.0 - x <= 0.0 {
            1.0 - 0.5 * I2_32M1
        } else {
            x
        }
    }

    /// `norm_rand()` by inversion: two uniforms make one probability with about 59 random bits
    /// (`trunc(2**27 * u1) + u2`, over 2**27), then the AS 241 quantile.
    pub fn norm_rand(&mut self) -> f64 {
        let u1 = self.unif_rand();
        let u1 = (BIG * u1).trunc() + self.unif_rand();
        qnorm(u1 / BIG)
    }

    /// `runif(n, min, max)`: `min + (max - min) * u` (plain multiply-add). A non-finite bound
    /// or `max < min` gives NaN (R warns "NAs produced"), and `min == max` gives `min`; neither
    /// draws.
    pub fn runif(&mut self, n: usize, min: f64, max: f64) -> Result<Vec<f64>> {
        let mut out = alloc(n)?;
        out.extend((0..n).map(|_| {
            if !min.is_finite() || !max.is_finite() || max < min {
                f64::NAN
            } else if min == max {
                min
            } else {
                min + (max - min) * self.unif_rand()
            }
        }));
        Ok(out)
    }

    /// `rnorm(n, mean, sd)`: `mean + sd * norm_rand()`. A NaN mean, a non-finite or negative sd
    /// gives NaN; `sd == 0` or an infinite mean gives `mean`; neither draws.
    pub fn rnorm(&mut self, n: usize, mean: f64, sd: f64) -> Result<Vec<f64>> {
        let mut out = alloc(n)?;
        out.extend((0..n).map(|_| {
            if mean.is_nan() || !sd.is_finite() || sd < 0.0 {
                f64::NAN
            } else if sd == 0.0 || !mean.is_finite() {
                mean
            } else {
                mean + sd * self.norm_rand()
            }
        }));
        Ok(out)
    }

    /// `sample.int(n, size, replace)` (= `sample(n, size, replace)` for a number `n >= 1`):
    /// 1-based draws from `1..=n`, with R's argument handling: `size` defaults to `n`;
    /// fractions are truncated (a population up to `INT_MAX` is truncated before drawing, a larger
    /// one is drawn from as the double it is); R's errors for bad arguments.
    ///
    /// Paths, as in R: with replacement (or `size < 2`) each value is `R_unif_index(n) + 1`;
    /// without, a partial Fisher-Yates over `0..n` (draw `j`, take `x[j] + 1`, move the last
    /// element into `x[j]`); and when `n > 1e7` and `size <= n / 2` without replacement
    /// (`useHash`), `R_unif_index(n) + 1` redrawn until it is new.
    pub fn sample(&mut self, n: f64, size: Option<f64>, replace: bool) -> Result<Vec<f64>> {
        let size = size.unwrap_or(n);
        // sample.int's default `useHash = n > 1e7 && !replace && size <= n/2`, in R's
        // three-valued logic (a NaN comparison is NA).
        let use_hash = r_and(&[r_gt(n, 1e7), Some(!replace), r_le(size, n / 2.0)])
            .ok_or_else(|| r_error("missing value where TRUE/FALSE needed"))?;
        if use_hash {
            return self.sample_hashed(n, size);
        }
        // `asVecSize(size)` first, then the checks on n.
        if size.is_nan() {
            return Err(r_error("vector size cannot be NA/NaN"));
        }
        if size.is_infinite() {
            return Err(r_error("vector size cannot be infinite"));
        }
        let size = size.trunc();
        if !(0.0..=4.5e15).contains(&n) || (size > 0.0 && n == 0.0) {
            return Err(r_error("invalid first argument"));
        }
        if size < 0.0 {
            return Err(r_error("invalid 'size' argument"));
        }
        if !replace && size > n {
            return Err(r_error(
                "cannot take a sample larger than the population when 'replace = FALSE'",
            ));
        }
        let mut out = alloc_values(size)?;
        let k = size as usize;
        // Up to INT_MAX, R draws from the truncated int; above, from the double itself.
        let dn = if n > INT_MAX { n } else { n.trunc() };
        if replace || k < 2 {
            out.extend((0..k).map(|_| self.unif_index(dn) + 1.0));
            return Ok(out);
        }
        let population = dn.trunc() as u64;
        // R keeps the population in an int array up to INT_MAX and in doubles above.
        if let Ok(population) = u32::try_from(population) {
            self.partial_shuffle::<u32>(population.into(), k, &mut out)?;
        } else {
            self.partial_shuffle::<u64>(population, k, &mut out)?;
        }
        Ok(out)
    }

    /// Sampling without replacement from `0..population`: draw `j` below the number left, take
    /// `x[j] + 1`, move the last element left into `x[j]`.
    fn partial_shuffle<T>(&mut self, population: u64, k: usize, out: &mut Vec<f64>) -> Result<()>
    where
        T: Copy + TryFrom<u64> + Into<u64>,
    {
        let mut x: Vec<T> = alloc(population as usize)?;
        x.extend((0..population).filter_map(|i| T::try_from(i).ok()));
        let mut remaining = x.len();
        for _ in 0..k {
            let j = self.unif_index(remaining as f64) as usize;
            out.push(x[j].into() as f64 + 1.0);
            remaining -= 1;
            x[j] = x[remaining];
        }
        Ok(())
    }

    /// `sample2` (R's `useHash` path): `size` distinct values, each `R_unif_index(n) + 1` redrawn
    /// until it was not drawn before. Here `size` is read with `as.integer` (NA beyond the int
    /// range, which is R's "invalid 'size' argument").
    fn sample_hashed(&mut self, n: f64, size: f64) -> Result<Vec<f64>> {
        if !(0.0..=4.5e15).contains(&n) {
            return Err(r_error("invalid first argument"));
        }
        let size = size.trunc();
        if !(0.0..=2_147_483_647.0).contains(&size) {
            return Err(r_error("invalid 'size' argument"));
        }
        let k = size as usize;
        let mut out = alloc(k)?;
        let mut seen = HashSet::with_capacity(k);
        for _ in 0..k {
            let value = loop {
                let v = self.unif_index(n) + 1.0;
                if seen.insert(v.to_bits()) {
                    break v;
                }
            };
            out.push(value);
        }
        Ok(out)
    }
}

/// `a > b` as an R logical: NA (None) when either is NaN.
fn r_gt(a: f64, b: f64) -> Option<bool> {
    (!a.is_nan() && !b.is_nan()).then_some(a > b)
}

/// `a <= b` as an R logical.
fn r_le(a: f64, b: f64) -> Option<bool> {
    (!a.is_nan() && !b.is_nan()).then_some(a <= b)
}

/// R's `&&` over logicals without side effects: FALSE if any is FALSE, else NA if any is NA.
fn r_and(values: &[Option<bool>]) -> Option<bool> {
    if values.contains(&Some(false)) {
        Some(false)
    } else if values.contains(&None) {
        None
    } else {
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R 4.2.2, `set.seed(17)` (reference note, section 7).
    #[test]
    fn seed_17() {
        let r = Random::new(17);
        assert_eq!(
            r.random_seed()[..4],
            [10403, 624, -1_895_491_523, -510_885_414]
        );
        let mut r = Random::new(17);
        assert_eq!(
            r.runif(3, 0.0, 1.0).unwrap(),
            [0.1550508332438767, 0.9683788088150322, 0.46826308593153954]
        );
        let mut r = Random::new(17);
        assert_eq!(
            r.rnorm(3, 0.0, 1.0).unwrap(),
            [
                -1.0150087164606165,
                -0.07963673712976711,
                -0.23298702195762605
            ]
        );
        let mut r = Random::new(17);
        assert_eq!(
            r.sample(10.0, None, false).unwrap(),
            [2.0, 8.0, 1.0, 6.0, 4.0, 5.0, 3.0, 10.0, 7.0, 9.0]
        );
    }

    #[test]
    fn sample_errors() {
        let mut r = Random::new(1);
        let message = |r: Result<Vec<f64>>| r.unwrap_err().message().to_owned();
        assert_eq!(
            message(r.sample(10.0, Some(11.0), false)),
            "cannot take a sample larger than the population when 'replace = FALSE'"
        );
        assert_eq!(
            message(r.sample(0.0, Some(1.0), false)),
            "invalid first argument"
        );
        assert_eq!(
            message(r.sample(10.0, Some(-1.0), true)),
            "invalid 'size' argument"
        );
        assert_eq!(
            message(r.sample(f64::NAN, Some(1.0), false)),
            "missing value where TRUE/FALSE needed"
        );
        assert!(r.sample(10.0, Some(-0.5), false).unwrap().is_empty());
    }

    /// Whatever JS passes, `sample` returns values or an error, never a panic.
    #[test]
    fn odd_sample_arguments_never_panic() {
        let ns = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -1.0,
            -0.5,
            0.0,
            0.5,
            1.0,
            2.5,
            1e7 + 0.5,
            2_147_483_647.5,
            2_147_483_648.5,
            4.5e15,
            4.5e15 + 1.0,
            1e300,
        ];
        let sizes = [
            Some(f64::NAN),
            Some(f64::INFINITY),
            Some(f64::NEG_INFINITY),
            Some(-1.0),
            Some(-0.5),
            Some(0.0),
            Some(1.0),
            Some(2.5),
            Some(1e3),
            Some(3e9),
            Some(1e300),
        ];
        let mut r = Random::new(5);
        for n in ns {
            for size in sizes {
                for replace in [false, true] {
                    if replace && size == Some(3e9) {
                        continue; // valid, and three billion draws: R would take its time too
                    }
                    if let Ok(values) = r.sample(n, size, replace) {
                        assert!(values.iter().all(|&v| v >= 1.0 && v <= n.max(1.0).ceil()));
                    }
                }
            }
        }
    }
}

//! `Generator.poisson`, `Generator.binomial` and `Generator.geometric` over PCG64's doubles: NumPy's `random_poisson`
//! (multiplication of uniforms below `lam` = 10, PTRS from 10; the same C function the legacy
//! `RandomState.poisson` calls, with the same checks) and `random_binomial` (the Generator's:
//! no draw for `n == 0` or `p == 0`, inversion through `log1p`, else BTPE) and
//! `random_geometric` (a search from `p` = 1/3, else inversion of the exponential ziggurat).
//!
//! Source: numpy `random/_generator.pyx` (`Generator.poisson`, `Generator.binomial`),
//! `random/src/distributions/distributions.c` (`random_poisson`, `random_binomial`,
//! `random_geometric`).

use super::exponential::standard_exponential;
use super::{shape, Generator};
use crate::error::Result;
use crate::numpy::discrete;
use crate::numpy::memory::alloc;
use crate::numpy::random_state::{check_binomial, check_geometric, check_poisson};

impl Generator {
    /// `poisson(lam, n)`.
    pub fn poisson(&mut self, lam: f64, n: usize) -> Result<Vec<i64>> {
        check_poisson(lam)?;
        let mut out = alloc(n, "int64")?;
        out.extend((0..n).map(|_| discrete::poisson(&mut self.bit_generator, lam)));
        Ok(out)
    }

    /// `poisson(lam, size)` with the size as JavaScript passes it: `lam` is checked first.
    pub fn poisson_sized(&mut self, lam: f64, size: Option<f64>) -> Result<Vec<i64>> {
        check_poisson(lam)?;
        let n = shape(size, "int64")?;
        self.poisson(lam, n)
    }

    /// `geometric(p, n)`: the number of trials up to the first success.
    pub fn geometric(&mut self, p: f64, n: usize) -> Result<Vec<i64>> {
        check_geometric(p)?;
        let mut out = alloc(n, "int64")?;
        let bg = &mut self.bit_generator;
        out.extend((0..n).map(|_| discrete::geometric(bg, p, standard_exponential)));
        Ok(out)
    }

    /// `geometric(p, size)` with the size as JavaScript passes it.
    pub fn geometric_sized(&mut self, p: f64, size: Option<f64>) -> Result<Vec<i64>> {
        check_geometric(p)?;
        let n = shape(size, "int64")?;
        self.geometric(p, n)
    }

    /// `binomial(trials, p, n)` (NumPy's `n, p, size`): `p` in [0, 1] is checked, then
    /// `trials >= 0`.
    pub fn binomial(&mut self, trials: i128, p: f64, n: usize) -> Result<Vec<i64>> {
        let trials = check_binomial(trials, p)?;
        let mut out = alloc(n, "int64")?;
        out.extend((0..n).map(|_| discrete::binomial(&mut self.bit_generator, p, trials)));
        Ok(out)
    }

    /// `binomial(trials, p, size)` with the size as JavaScript passes it.
    pub fn binomial_sized(&mut self, trials: i128, p: f64, size: Option<f64>) -> Result<Vec<i64>> {
        check_binomial(trials, p)?;
        let n = shape(size, "int64")?;
        self.binomial(trials, p, n)
    }
}

#[cfg(test)]
mod tests {
    use crate::numpy::generator::default_rng;
    use crate::numpy::generator::seed_sequence::Entropy;

    /// `rng = np.random.default_rng(0); rng.poisson(4.0, 8), rng.poisson(25.5, 4)`, printed by
    /// numpy 2.4.6: both of random_poisson's paths, one stream.
    const BINOMIAL_10_03: [i64; 6] = [3, 5, 1, 5, 2, 3];
    const BINOMIAL_1000_06: [i64; 3] = [596, 576, 615];
    const BINOMIAL_20_09: [i64; 4] = [19, 17, 19, 18];

    #[test]
    fn both_paths_as_numpy_draws_them() {
        let mut rng = default_rng(Some(&Entropy::from(0u64))).unwrap();
        assert_eq!(rng.poisson(4.0, 8).unwrap(), [2, 0, 7, 3, 4, 4, 6, 6]);
        assert_eq!(rng.poisson(25.5, 4).unwrap(), [27, 27, 24, 21]);
    }

    /// `rng = np.random.default_rng(1); rng.binomial(10, 0.3, 6), rng.binomial(1000, 0.6, 3),
    /// rng.binomial(0, 0.5, 2), rng.binomial(5, 0.0, 2), rng.binomial(20, 0.9, 4)`, printed
    /// by numpy 2.4.6: inversion, BTPE, the two zero cases (no draw), the upper tail.
    #[test]
    fn binomial_as_numpy_draws_it() {
        let mut rng = default_rng(Some(&Entropy::from(1u64))).unwrap();
        assert_eq!(rng.binomial(10, 0.3, 6).unwrap(), BINOMIAL_10_03);
        assert_eq!(rng.binomial(1000, 0.6, 3).unwrap(), BINOMIAL_1000_06);
        assert_eq!(rng.binomial(0, 0.5, 2).unwrap(), [0, 0]);
        assert_eq!(rng.binomial(5, 0.0, 2).unwrap(), [0, 0]);
        assert_eq!(rng.binomial(20, 0.9, 4).unwrap(), BINOMIAL_20_09);
    }

    /// `rng = np.random.default_rng(2); rng.geometric(0.5, 6), rng.geometric(0.05, 6),
    /// rng.geometric(1.0, 2), rng.geometric(1e-300, 2)`, printed by numpy 2.4.6: the search,
    /// the inversion through the exponential ziggurat, and the clamp to INT64_MAX.
    #[test]
    fn geometric_as_numpy_draws_it() {
        let mut rng = default_rng(Some(&Entropy::from(2u64))).unwrap();
        assert_eq!(rng.geometric(0.5, 6).unwrap(), [1, 1, 3, 1, 2, 2]);
        assert_eq!(rng.geometric(0.05, 6).unwrap(), [5, 4, 10, 12, 37, 7]);
        assert_eq!(rng.geometric(1.0, 2).unwrap(), [1, 1]);
        assert_eq!(rng.geometric(1e-300, 2).unwrap(), [i64::MAX, i64::MAX]);
    }

    #[test]
    fn checks_lam_first() {
        let mut rng = default_rng(Some(&Entropy::from(0u64))).unwrap();
        for lam in [-1.0, f64::NAN, 1e19] {
            let error = rng.poisson_sized(lam, Some(-1.0)).unwrap_err();
            assert!(error.to_string().contains("lam"), "{error}");
        }
    }
}

//! `Generator.poisson`: NumPy's `random_poisson` (multiplication of uniforms below `lam` = 10,
//! PTRS from 10), the same C function the legacy `RandomState.poisson` calls, over PCG64's
//! doubles; the same checks (`CONS_POISSON`).
//!
//! Source: numpy `random/_generator.pyx` (`Generator.poisson`), `random/src/distributions/
//! distributions.c` (`random_poisson`).

use super::{shape, Generator};
use crate::error::Result;
use crate::numpy::discrete;
use crate::numpy::memory::alloc;
use crate::numpy::random_state::check_poisson;

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
}

#[cfg(test)]
mod tests {
    use crate::numpy::generator::default_rng;
    use crate::numpy::generator::seed_sequence::Entropy;

    /// `rng = np.random.default_rng(0); rng.poisson(4.0, 8), rng.poisson(25.5, 4)`, printed by
    /// numpy 2.4.6: both of random_poisson's paths, one stream.
    #[test]
    fn both_paths_as_numpy_draws_them() {
        let mut rng = default_rng(Some(&Entropy::from(0u64))).unwrap();
        assert_eq!(rng.poisson(4.0, 8).unwrap(), [2, 0, 7, 3, 4, 4, 6, 6]);
        assert_eq!(rng.poisson(25.5, 4).unwrap(), [27, 27, 24, 21]);
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

//! The legacy distributions beyond uniforms and normals that reproduce exactly:
//! `exponential`, `standard_exponential`, `poisson`, `geometric`, `binomial`.
//!
//! Source: numpy `random/mtrand.pyx` (the methods, through `_common.pyx`'s `cont` and `disc`:
//! the parameter checks come before the size is looked at), `random/src/legacy/
//! legacy-distributions.c` and `random/src/distributions/distributions.c`.

use super::{shape, RandomState};
use crate::error::{Error, ErrorKind, Result};
use crate::math;
use crate::numpy::discrete;
use crate::numpy::memory::alloc;

/// `LEGACY_POISSON_LAM_MAX`: `float(np.iinfo('l').max) - np.sqrt(np.iinfo('l').max) * 10`.
const LEGACY_POISSON_LAM_MAX: f64 = 9.223_372_006_484_771e18;

impl RandomState {
    /// `legacy_standard_exponential`: `-log(1 - U)`.
    fn next_standard_exponential(&mut self) -> f64 {
        -math::log(1.0 - self.next_double())
    }

    /// `standard_exponential(n)`: `-log(1 - U)` per value.
    pub fn standard_exponential(&mut self, n: usize) -> Result<Vec<f64>> {
        self.fill_f64(n, Self::next_standard_exponential)
    }

    /// `exponential(scale, n)`: `scale * standard_exponential()`. A negative `scale` (the sign
    /// bit, so `-0.0` too) is NumPy's `ValueError`; NaN passes.
    pub fn exponential(&mut self, scale: f64, n: usize) -> Result<Vec<f64>> {
        check_non_negative(scale, "scale")?;
        self.fill_f64(n, |rs| scale * rs.next_standard_exponential())
    }

    /// `poisson(lam, n)`.
    pub fn poisson(&mut self, lam: f64, n: usize) -> Result<Vec<i64>> {
        check_poisson(lam)?;
        self.fill_i64(n, |rs| discrete::poisson(&mut rs.mt, lam))
    }

    /// `geometric(p, n)`: the number of trials up to the first success.
    pub fn geometric(&mut self, p: f64, n: usize) -> Result<Vec<i64>> {
        check_geometric(p)?;
        self.fill_i64(n, |rs| discrete::legacy_geometric(&mut rs.mt, p))
    }

    /// `binomial(trials, p, n)`.
    pub fn binomial(&mut self, trials: i128, p: f64, n: usize) -> Result<Vec<i64>> {
        let trials = check_binomial(trials, p)?;
        self.fill_i64(n, |rs| discrete::legacy_binomial(&mut rs.mt, p, trials))
    }

    fn fill_i64(&mut self, n: usize, mut next: impl FnMut(&mut Self) -> i64) -> Result<Vec<i64>> {
        let mut out = alloc(n, "int64")?;
        out.extend((0..n).map(|_| next(self)));
        Ok(out)
    }
}

/// The calls with the size as JavaScript passes it: the parameters are checked first, then the
/// size (`np.empty(size)`).
impl RandomState {
    /// `standard_exponential(size)`.
    pub fn standard_exponential_sized(&mut self, size: Option<f64>) -> Result<Vec<f64>> {
        let n = shape(size, "float64")?;
        self.standard_exponential(n)
    }

    /// `exponential(scale, size)`.
    pub fn exponential_sized(&mut self, scale: f64, size: Option<f64>) -> Result<Vec<f64>> {
        check_non_negative(scale, "scale")?;
        let n = shape(size, "float64")?;
        self.exponential(scale, n)
    }

    /// `poisson(lam, size)`.
    pub fn poisson_sized(&mut self, lam: f64, size: Option<f64>) -> Result<Vec<i64>> {
        check_poisson(lam)?;
        let n = shape(size, "int64")?;
        self.poisson(lam, n)
    }

    /// `geometric(p, size)`.
    pub fn geometric_sized(&mut self, p: f64, size: Option<f64>) -> Result<Vec<i64>> {
        check_geometric(p)?;
        let n = shape(size, "int64")?;
        self.geometric(p, n)
    }

    /// `binomial(trials, p, size)`.
    pub fn binomial_sized(&mut self, trials: i128, p: f64, size: Option<f64>) -> Result<Vec<i64>> {
        check_binomial(trials, p)?;
        let n = shape(size, "int64")?;
        self.binomial(trials, p, n)
    }
}

/// `CONS_NON_NEGATIVE`: the sign bit (so `-0.0` fails); NaN passes.
fn check_non_negative(x: f64, name: &str) -> Result<()> {
    if !x.is_nan() && x.is_sign_negative() {
        return Err(Error::value(format!("{name} < 0")));
    }
    Ok(())
}

/// `LEGACY_CONS_POISSON` (and `CONS_POISSON`: on 64-bit Linux the two limits are equal).
#[allow(clippy::neg_cmp_op_on_partial_ord)] // NumPy's tests, which NaN fails
pub(crate) fn check_poisson(lam: f64) -> Result<()> {
    if !(lam >= 0.0) {
        return Err(Error::value("lam < 0 or lam is NaN"));
    }
    if !(lam <= LEGACY_POISSON_LAM_MAX) {
        return Err(Error::value("lam value too large"));
    }
    Ok(())
}

/// `CONS_BOUNDED_GT_0_1`.
#[allow(clippy::neg_cmp_op_on_partial_ord)] // NumPy's tests, which NaN fails
pub(crate) fn check_geometric(p: f64) -> Result<()> {
    if !(p > 0.0) || !(p <= 1.0) {
        return Err(Error::value("p <= 0, p > 1 or p contains NaNs"));
    }
    Ok(())
}

/// `binomial`'s checks: `n` converted to a C long, then `p` in [0, 1], then `n >= 0`.
#[allow(clippy::neg_cmp_op_on_partial_ord)] // NumPy's tests, which NaN fails
pub(crate) fn check_binomial(trials: i128, p: f64) -> Result<i64> {
    let trials = i64::try_from(trials).map_err(|_| {
        Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C long",
        )
    })?;
    if !(p >= 0.0) || !(p <= 1.0) {
        return Err(Error::value("p < 0, p > 1 or p is NaN"));
    }
    if trials < 0 {
        return Err(Error::value("n < 0"));
    }
    Ok(trials)
}

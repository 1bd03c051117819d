//! CPython's continuous distributions that reproduce exactly: `uniform`, `triangular`,
//! `normalvariate`, `expovariate`, `lognormvariate`. Each is arithmetic on `random()` draws plus
//! `sqrt` (exact) and `log` / `exp` (seedlab's glibc-identical ports).
//!
//! Source: CPython 3.11.7 `Lib/random.py`; `Modules/mathmodule.c` for `math.exp`'s overflow
//! error.

use super::Random;
use crate::error::{Error, ErrorKind, Result};
use crate::math;

/// `NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)`, as CPython computes it at import with glibc:
/// 1.7155277699214135 (0x3FFB72CD3F331398).
const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5;

impl Random {
    /// `uniform(a, b)` = `a + (b - a) * random()`, `n` times.
    pub fn uniform(&mut self, a: f64, b: f64, n: usize) -> Result<Vec<f64>> {
        self.fill(n, |r| Ok(a + (b - a) * r.next_random()))
    }

    /// `triangular(low, high, mode)`, `n` times: one `random()` each; `mode = None` is the
    /// midpoint. CPython quirk: when `high - low` is zero the division by it raises
    /// `ZeroDivisionError`, which `triangular` catches to return `low` (after the draw).
    pub fn triangular(
        &mut self,
        low: f64,
        high: f64,
        mode: Option<f64>,
        n: usize,
    ) -> Result<Vec<f64>> {
        self.fill(n, |r| {
            let u = r.next_random();
            let c = match mode {
                None => 0.5,
                Some(_) if high - low == 0.0 => return Ok(low),
                Some(mode) => (mode - low) / (high - low),
            };
            let (u, c, low, high) = if u > c {
                (1.0 - u, 1.0 - c, high, low)
            } else {
                (u, c, low, high)
            };
            Ok(low + (high - low) * (u * c).sqrt())
        })
    }

    /// `normalvariate(mu, sigma)`, `n` times: Kinderman and Monahan's ratio of uniforms (no
    /// cache, unlike `gauss`).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64, n: usize) -> Result<Vec<f64>> {
        self.fill(n, |r| Ok(r.next_normalvariate(mu, sigma)))
    }

    fn next_normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.next_random();
            let u2 = 1.0 - self.next_random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -math::log(u2) {
                return mu + z * sigma;
            }
        }
    }

    /// `expovariate(lambd)` = `-log(1.0 - random()) / lambd`, `n` times. `lambd == 0` raises
    /// `ZeroDivisionError` after the draw, as CPython does.
    pub fn expovariate(&mut self, lambd: f64, n: usize) -> Result<Vec<f64>> {
        self.fill(n, |r| {
            let x = -math::log(1.0 - r.next_random());
            if lambd == 0.0 {
                return Err(Error::new(
                    ErrorKind::ZeroDivisionError,
                    "float division by zero",
                ));
            }
            Ok(x / lambd)
        })
    }

    /// `lognormvariate(mu, sigma)` = `exp(normalvariate(mu, sigma))`, `n` times. A finite
    /// argument whose `exp` overflows is `math.exp`'s `OverflowError: math range error` (after
    /// the draws).
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64, n: usize) -> Result<Vec<f64>> {
        self.fill(n, |r| {
            let x = r.next_normalvariate(mu, sigma);
            let y = math::exp(x);
            if y.is_infinite() && x.is_finite() {
                return Err(Error::new(ErrorKind::OverflowError, "math range error"));
            }
            Ok(y)
        })
    }

    fn fill(
        &mut self,
        n: usize,
        mut next: impl FnMut(&mut Self) -> Result<f64>,
    ) -> Result<Vec<f64>> {
        let mut out = super::alloc(n)?;
        for _ in 0..n {
            out.push(next(self)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_constant_is_cpythons() {
        assert_eq!(NV_MAGICCONST.to_bits(), 0x3FFB_72CD_3F33_1398);
        assert_eq!(
            4.0 * math::exp(-0.5) / 2f64.sqrt(),
            NV_MAGICCONST,
            "glibc's exp gives CPython's constant"
        );
    }
}

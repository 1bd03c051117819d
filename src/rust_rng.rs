//! `RustRng`: the stream a Rust program gets from the `rand` family of crates,
//!
//! ```text
//! let mut rng = rand_pcg::Pcg64::seed_from_u64(seed);
//! rng.random::<f64>()                          // random(n)
//! rng.sample(rand_distr::StandardNormal)       // standard_normal(n)
//! rng.sample(Uniform::new(low, high)?)         // uniform(low, high, n)
//! ```
//!
//! with exactly the versions this crate pins (`rand` 0.10.4, `rand_pcg` 0.10.3, `rand_distr`
//! 0.6.0, over `rand_core` 0.10). Unlike the other dialects nothing is re-implemented: the crates
//! themselves run, so the stream is theirs by construction, and the tests pin its values (from a
//! separate program, `tests/fixtures/rust_rng_gen`) so that an upgrade cannot change it silently.
//!
//! * Engine: `Pcg64` is PCG XSL-RR 128/64 (`Lcg128Xsl64`); `seed_from_u64` expands the seed with
//!   PCG32 into the 32-byte state + stream seed (`rand_core`'s default).
//! * `random`: `StandardUniform` for `f64`, the multiply method: the top 53 bits of one `u64`
//!   times 2**-53, in [0, 1).
//! * `standard_normal`: `StandardNormal`, a ziggurat (Doornik's ZIGNOR) on one `u64` per try; its
//!   wedge test calls `exp` and its tail `ln`. `rand_distr` is `no_std`, but with its `std`
//!   feature (on by default) it links `std`, whose inherent `f64::exp` / `f64::ln` take precedence
//!   over the `libm` ones of `num_traits::Float` it imports: so these are std's. Natively on
//!   x86-64 Linux that is glibc, and that output defines the stream. In WebAssembly std's are a
//!   musl port, which can change the last bit of a tail value or, on a near tie, a wedge decision.
//! * `uniform`: `rand::distr::Uniform<f64>` (`UniformFloat`): `low + scale * (u - 1)` for `u` in
//!   [1, 2) from the top 52 bits of one `u64`, `scale` shrunk until the result stays below `high`.

use crate::entropy;
use crate::error::{try_vec, Error, ErrorKind, Result};
use rand::distr::{Distribution, StandardUniform, Uniform};
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;
use rand_pcg::Pcg64;

/// `rand_pcg::Pcg64::seed_from_u64(seed)`, drawn through `rand` and `rand_distr`.
///
/// ```
/// use seedlab::rust_rng::RustRng;
///
/// // let mut rng = Pcg64::seed_from_u64(17); [rng.random::<f64>(), rng.random::<f64>()]
/// let mut rng = RustRng::new(17);
/// assert_eq!(rng.random(2).unwrap(), [0.611466512648162, 0.6132198611595473]);
/// ```
#[derive(Clone, Debug)]
pub struct RustRng {
    rng: Pcg64,
}

impl RustRng {
    /// `Pcg64::seed_from_u64(seed)`.
    pub fn new(seed: u64) -> Self {
        RustRng {
            rng: Pcg64::seed_from_u64(seed),
        }
    }

    /// A generator seeded with 64 bits of OS entropy.
    pub fn from_entropy() -> Result<Self> {
        Ok(RustRng::new(entropy::u64()?))
    }

    /// A seed given as any integer: it must fit a `u64`, as `seed_from_u64` requires.
    pub fn from_seed_int(seed: i128) -> Result<Self> {
        u64::try_from(seed)
            .map(RustRng::new)
            .map_err(|_| Error::value(format!("seed must be a u64, in [0, 2**64); got {seed}")))
    }

    /// `n` draws of `rng.random::<f64>()`: [0, 1) with 53 random bits.
    pub fn random(&mut self, n: usize) -> Result<Vec<f64>> {
        self.draw(n, StandardUniform)
    }

    /// `n` draws of `rng.sample(StandardNormal)` as `f64`.
    pub fn standard_normal(&mut self, n: usize) -> Result<Vec<f64>> {
        self.draw(n, StandardNormal)
    }

    /// `n` draws of `rng.sample(Uniform::new(low, high)?)`: [low, high). Fails, with `rand`'s
    /// message, when `low >= high` or a bound or the range is not finite.
    pub fn uniform(&mut self, low: f64, high: f64, n: usize) -> Result<Vec<f64>> {
        // `UniformFloat::new` checks that the bounds are finite only under `debug_assertions`
        // (a release build reports NaN bounds as an empty range): check here, the same way in
        // every build.
        if !(low.is_finite() && high.is_finite()) {
            return Err(Error::value(
                rand::distr::uniform::Error::NonFinite.to_string(),
            ));
        }
        let distribution = Uniform::new(low, high).map_err(|e| Error::value(e.to_string()))?;
        self.draw(n, distribution)
    }

    fn draw<D: Distribution<f64>>(&mut self, n: usize, distribution: D) -> Result<Vec<f64>> {
        let mut out = try_vec(n).ok_or_else(|| out_of_memory(n as u128))?;
        out.extend((&mut self.rng).sample_iter(distribution).take(n));
        Ok(out)
    }
}

/// Validates a count given as a JavaScript number.
pub fn size_from_f64(n: f64) -> Result<usize> {
    if !(n.fract() == 0.0 && n >= 0.0) {
        return Err(Error::type_error(format!(
            "n must be a non-negative integer (a usize); got {n}"
        )));
    }
    if n >= usize::MAX as f64 {
        return Err(out_of_memory(n as u128));
    }
    Ok(n as usize)
}

/// Rust's own out-of-memory wording (`std::alloc::handle_alloc_error`), for `n` `f64`s.
fn out_of_memory(n: u128) -> Error {
    Error::new(
        ErrorKind::MemoryError,
        format!("memory allocation of {} bytes failed", n.saturating_mul(8)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_must_fit_u64() {
        assert!(RustRng::from_seed_int(0).is_ok());
        assert!(RustRng::from_seed_int(u64::MAX.into()).is_ok());
        assert_eq!(
            RustRng::from_seed_int(-1).unwrap_err().message(),
            "seed must be a u64, in [0, 2**64); got -1"
        );
        assert!(RustRng::from_seed_int(1 << 64).is_err());
    }

    #[test]
    fn calls_continue_the_stream() {
        let mut a = RustRng::new(17);
        let mut b = RustRng::new(17);
        let mut joined = a.random(3).unwrap();
        joined.extend(a.standard_normal(4).unwrap());
        joined.extend(a.random(2).unwrap());
        let mut separate = b.random(1).unwrap();
        separate.extend(b.random(2).unwrap());
        separate.extend(b.standard_normal(4).unwrap());
        separate.extend(b.random(2).unwrap());
        assert_eq!(joined, separate);
    }

    #[test]
    fn uniform_errors_are_rands() {
        let mut rng = RustRng::new(1);
        assert_eq!(
            rng.uniform(1.0, 1.0, 3).unwrap_err().message(),
            "low > high (or equal if exclusive) in uniform distribution"
        );
        for (low, high) in [(0.0, f64::INFINITY), (f64::NAN, 1.0), (-f64::MAX, f64::MAX)] {
            assert_eq!(
                rng.uniform(low, high, 3).unwrap_err().message(),
                "Non-finite range in uniform distribution"
            );
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(size_from_f64(4.0).unwrap(), 4);
        assert!(size_from_f64(-1.0).is_err());
        assert!(size_from_f64(0.5).is_err());
        assert!(size_from_f64(f64::NAN).is_err());
        assert_eq!(
            size_from_f64(1e300).unwrap_err().kind(),
            ErrorKind::MemoryError
        );
    }
}

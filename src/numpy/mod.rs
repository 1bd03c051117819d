//! NumPy's random APIs.
//!
//! - The legacy API: `np.random.seed`, `np.random.RandomState` and the module-level functions
//!   that share its global state (`np.random.rand`, `randn`, `randint`, ...): [`RandomState`].
//!   NumPy freezes this stream by policy ("legacy-distributions.c"), so the same seed gives the
//!   same numbers in every NumPy release since 1.x.
//! - The Generator API: `np.random.default_rng(seed)` ([`default_rng`], [`Generator`]): PCG64
//!   seeded through `SeedSequence`. NumPy may change its streams between feature releases
//!   (NEP 19); the fixtures pin numpy 2.4.6.
//!
//! Also the two float64 math loops whose bits differ from libm's on the reference platform:
//! `np.power` with a scalar exponent ([`power_scalar_exponent`], fast paths for -1, 0, 0.5, 1, 2)
//! and `np.tanh` ([`tanh`], NumPy's own SIMD polynomial).

mod bit_generator;
mod bounded;
mod bounded_integers;
mod discrete;
mod float_dtype;
pub mod generator;
mod int64_bounds;
mod int_dtype;
mod legacy_gauss;
mod memory;
mod power;
pub(crate) mod py_repr;
mod random_state;
mod shuffle;
mod size;
mod tanh;
mod weighted;

pub use float_dtype::FloatDtype;
pub use generator::{
    default_rng, default_rng_with_spawn_key, Entropy, Generator, Pcg64, PyInt, SeedSequence,
};
pub use int_dtype::{IntArray, IntDtype};
pub use memory::size_to_string;
pub use power::power_scalar_exponent;
pub use random_state::{CNumber, KeySequence, LegacyState, LegacyStateArgs, RandomState, Seed};
pub use size::size_argument;
pub use tanh::{tanh, tanh_array};
pub use weighted::Population;

use crate::error::{Error, Result};

/// Validates a dimension given to the legacy `rand(n)` / `randn(n)` / `randint(.., n)` as the
/// JavaScript number the page passes: fractional → NumPy's `TypeError` for a float dimension,
/// negative → `ValueError`, then the same length limits as any array ([`size_argument`]).
pub fn size_from_f64(n: f64, dtype: &str) -> Result<usize> {
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(Error::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    if n < 0.0 {
        return Err(size::negative_dimensions());
    }
    size::array_len(n as u128, dtype)
}

//! The transcendental functions the dialects call, identical to the reference platform's.
//!
//! The reference libraries call the platform libm: glibc on the reference platform (x86-64
//! Linux, glibc >= 2.29, a CPU with FMA, where glibc runs copies of its functions compiled with
//! `-mfma`). Rust's `f64::ln` and friends are glibc natively but a musl-derived port in wasm32,
//! which differs in the last bit for up to 16 % of inputs. These are pure-Rust ports that give the
//! same bits on every target:
//!
//! | function | algorithm (licence) | identical to glibc |
//! |---|---|---|
//! | [`log`] | Arm Optimized Routines `log` (MIT/Apache-2.0), glibc's since 2.29 | all inputs tested |
//! | [`exp`] | Arm Optimized Routines `exp` (MIT/Apache-2.0), glibc's since 2.29 | all inputs tested |
//! | [`pow`] | Arm Optimized Routines `pow` (MIT/Apache-2.0), glibc's since 2.28 | all inputs tested |
//! | [`log2`], [`exp2`] | Arm Optimized Routines (MIT/Apache-2.0), glibc's since 2.29 | all inputs tested |
//! | [`log1pf`] | fdlibm's float conversion (Sun's notice, Cygnus), as glibc < 2.41 ships it | every input NumPy's float32 ziggurat gives it (2**24) |
//! | [`log1p`], [`expm1`] | fdlibm (Sun's notice), as glibc's FMA variants evaluate them | all inputs tested |
//! | [`log10`], [`tanh`], [`erf`], [`erfc`] | fdlibm, as glibc evaluates them, over the ports above | all inputs tested |
//! | [`sin`], [`cos`] | CORE-MATH (MIT), correctly rounded | ~99.87 %: glibc's own (LGPL, not ported) misrounds the rest |
//!
//! Where glibc's FMA build fuses a multiply-add, the ports reproduce the single rounding with
//! error-free transformations (Dekker products, midpoint checks) rather than `f64::mul_add`,
//! which is a slow software routine on wasm32.
//!
//! Dialects must call these, never `f64::ln` etc. directly (clippy's `disallowed-methods`, see
//! clippy.toml, enforces it).

mod erf;
mod exp;
mod exp2;
mod expm1;
mod log;
mod log10;
mod log1p;
mod log1pf;
mod log2;
mod pow;
mod sincos;
mod tanh;
#[cfg(test)]
mod test_inputs;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_support;

/// Exact replacements for fused multiply-adds (see `log::eft`), for the dialects that reproduce
/// other libraries' FMA code.
pub(crate) use log::eft;

pub use erf::{erf, erfc};
pub use exp::exp;
pub use exp2::exp2;
pub use expm1::expm1;
pub use log::log;
pub use log10::log10;
pub use log1p::log1p;
pub use log1pf::log1pf;
pub use log2::log2;
pub use pow::pow;
pub use sincos::{cos, sin};
pub use tanh::tanh;

/// The SIMD128 versions (WebAssembly builds with `simd128` only): the same bits as the scalar
/// functions, several lanes at a time.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd {
    /// [`log`](super::log) of both `f64x2` lanes.
    pub use super::log::simd::log2 as log_f64x2;
}

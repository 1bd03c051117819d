//! Bit generators: the raw integer streams the library dialects are built on.
//!
//! Engines know nothing about any library's conversions to floats; those live in the dialect
//! modules ([`crate::numpy`], [`crate::torch`]), because each library converts differently.

pub mod mt19937;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod mt19937_simd;

pub use mt19937::Mt19937;

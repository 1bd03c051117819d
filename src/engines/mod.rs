//! Bit generators: the raw integer streams the library dialects are built on (MT19937, and
//! PCG's 128-bit LCG with the XSL-RR output).
//!
//! Engines know nothing about any library's conversions to floats; those live in the dialect
//! modules ([`crate::numpy`], [`crate::torch`]), because each library converts differently.

pub mod mt19937;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod mt19937_simd;
pub mod pcg128;

pub use mt19937::Mt19937;
pub use pcg128::Lcg128Xsl64;

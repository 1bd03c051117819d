//! The transcendental functions the dialects call, identical to the reference platform's.
//!
//! The reference libraries call the platform libm: glibc on the reference platform (x86-64
//! Linux, glibc >= 2.29, a CPU with FMA, where glibc runs copies of its functions compiled with
//! `-mfma`). Rust's `f64::ln` and friends are glibc natively but a musl-derived port in wasm32,
//! which differs in the last bit for 3-9 % of inputs. These are pure-Rust ports that give the
//! same bits on every target:
//!
//! | function | algorithm (licence) | identical to glibc |
//! |---|---|---|
//! | [`log`] | Arm Optimized Routines `log` (MIT/Apache-2.0), glibc's since 2.29 | all inputs tested |
//! | [`exp`] | Arm Optimized Routines `exp` (MIT/Apache-2.0), glibc's since 2.29 | all inputs tested |
//! | [`log1p`] | fdlibm `s_log1p.c` (Sun's notice), as glibc ships it | all inputs tested |
//! | [`sin`], [`cos`] | CORE-MATH (MIT), correctly rounded | ~99.87 %: glibc's own (LGPL, not ported) misrounds the rest |
//!
//! Where glibc's FMA build fuses a multiply-add, the ports reproduce the single rounding with
//! error-free transformations (Dekker products, midpoint checks) rather than `f64::mul_add`,
//! which is a slow software routine on wasm32.
//!
//! Dialects must call these, never `f64::ln` etc. directly (clippy's `disallowed-methods`, see
//! clippy.toml, enforces it).

mod exp;
mod log;
mod log1p;
mod sincos;
#[cfg(test)]
mod test_inputs;

pub use exp::exp;
pub use log::log;
pub use log1p::log1p;
pub use sincos::{cos, sin};

/// The SIMD128 versions (WebAssembly builds with `simd128` only): the same bits as the scalar
/// functions, several lanes at a time.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd {
    /// [`log`](super::log) of both `f64x2` lanes.
    pub use super::log::simd::log2 as log_f64x2;
}

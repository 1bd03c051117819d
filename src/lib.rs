//! # seedlab
//!
//! The seeded random streams of NumPy (`np.random.seed`, `RandomState`, `default_rng`), PyTorch's
//! CPU generator (`torch.manual_seed`), CPython's `random`, R's `set.seed`, JAX's keys and Rust's
//! own `rand_pcg`, reproduced bit for
//! bit in plain Rust and exported to JavaScript through WebAssembly, for teaching *identical
//! randomness via seeding*.
//!
//! ```
//! use seedlab::numpy::RandomState;
//! use seedlab::torch::Generator;
//!
//! // np.random.seed(17); np.random.randn(5)
//! let mut rs = RandomState::from_u32(17);
//! assert_eq!(rs.randn(5).unwrap()[0], 0.27626589002131874);
//!
//! // torch.manual_seed(17); torch.randn(5)
//! let mut g = Generator::new(17);
//! assert_eq!(g.randn(5).unwrap()[0], -1.4135131835937500_f32);
//! ```
//!
//! ## What "identical" means
//! The reference is each library on x86-64 Linux with glibc >= 2.29 and an AVX2+FMA CPU: NumPy
//! 2.x, PyTorch 2.15 (CPU). Uniforms and integers are exact integer arithmetic and match
//! everywhere. Normals also go through `log`, `exp`, `log1p`, `sin` and `cos`, which seedlab
//! computes with its own ports of the reference platform's functions ([`math`]), so they give
//! the same bits natively and in every browser. The README's exactness table gives the measured
//! figures.
//!
//! ## What it is not
//! Not a general-purpose or cryptographic RNG, and not a NumPy clone: only the functions listed
//! here, with float64 (NumPy) and float32 (PyTorch) outputs.
//!
//! ## Layout
//! - [`engines`]: bit generators (MT19937), free of any library's conversions.
//! - [`numpy`], [`torch`], [`python`], [`r`], [`jax`], [`rust_rng`]: the library dialects:
//!   seeding rules, conversions, caches and errors.
//! - [`math`]: the transcendental functions the dialects call.
//! - [`wasm`]: the thin `#[wasm_bindgen]` layer that converts JS values and errors.

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod engines;
pub mod entropy;
pub mod error;
pub mod jax;
pub mod math;
pub mod numpy;
pub mod py_int;
pub mod python;
pub mod r;
pub mod rust_rng;
pub mod simd;
pub mod torch;

#[cfg(feature = "wasm")]
#[cfg_attr(docsrs, doc(cfg(feature = "wasm")))]
pub mod wasm;

pub use error::{Error, ErrorKind, Result};

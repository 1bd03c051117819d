//! # seedlab
//!
//! The seeded random streams of NumPy's legacy API (`np.random.seed`, `np.random.RandomState`)
//! and of PyTorch's CPU generator (`torch.manual_seed`), reproduced bit for bit in plain Rust and
//! exported to JavaScript through WebAssembly, for teaching *identical randomness via seeding*.
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
//! everywhere. Normals also go through `log`, `log1p`, `sin` and `cos` ([`math`]); natively those
//! are the platform's libm (glibc on Linux, so identical there), in WebAssembly a musl-derived
//! port that can differ from glibc in the last bit. The README's exactness table gives the
//! measured figures.
//!
//! ## What it is not
//! Not a general-purpose or cryptographic RNG, and not a NumPy clone: only the functions listed
//! here, with float64 (NumPy) and float32 (PyTorch) outputs.
//!
//! ## Layout
//! - [`engines`]: bit generators (MT19937), free of any library's conversions.
//! - [`numpy`], [`torch`]: the library dialects: seeding rules, conversions, caches and errors.
//! - [`math`]: the transcendental functions the dialects call.
//! - [`wasm`]: the thin `#[wasm_bindgen]` layer that converts JS values and errors.

pub mod engines;
pub mod entropy;
pub mod error;
pub mod math;
pub mod numpy;
pub mod python;
pub mod r;
pub mod torch;

pub mod wasm;

pub use error::{Error, ErrorKind, Result};

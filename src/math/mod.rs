//! The transcendental functions the dialects call, in one place.
//!
//! The reference libraries call the platform libm (glibc on the reference platform). Natively on
//! x86-64 Linux, Rust's `f64::ln` and friends are glibc's functions, so native results are the
//! reference results. On wasm32 they are a musl-derived port that differs from glibc in the last
//! bit for a few percent of inputs; ports of the reference platform's functions replace these
//! bodies, and every dialect picks them up from here.
//!
//! Dialects must call these, never `f64::ln` etc. directly.

mod exp;
mod log;
mod log1p;
mod sincos;

pub use exp::exp;
pub use log::log;
pub use log1p::log1p;
pub use sincos::{cos, sin};

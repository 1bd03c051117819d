//! The transcendental functions the dialects call, in one place.
//!
//! The reference libraries call the platform libm (glibc on the reference platform). Natively on
//! x86-64 Linux, Rust's `f64::ln` and friends are glibc's functions, so native results are the
//! reference results. On wasm32 they are a musl-derived port that differs from glibc in the last
//! bit for a few percent of inputs; ports of the reference platform's functions replace these
//! bodies in a later change, and every dialect picks them up from here.
//!
//! Dialects must call these, never `f64::ln` etc. directly.

/// Natural logarithm (`log`).
#[inline]
pub fn log(x: f64) -> f64 {
    x.ln()
}

/// `log1p(x)` = ln(1 + x).
#[inline]
pub fn log1p(x: f64) -> f64 {
    x.ln_1p()
}

/// Sine (`sin`).
#[inline]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// Cosine (`cos`).
#[inline]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

/// `exp(x)`.
#[inline]
pub fn exp(x: f64) -> f64 {
    x.exp()
}

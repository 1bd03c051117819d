//! `log1p`. (Placeholder: the platform's `ln_1p`; being replaced by a glibc-identical port.)

/// `log1p(x)` = ln(1 + x).
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn log1p(x: f64) -> f64 {
    x.ln_1p()
}

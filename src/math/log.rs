//! Natural logarithm. (Placeholder: the platform's `ln`; being replaced by a glibc-identical port.)

/// `log(x)`.
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn log(x: f64) -> f64 {
    x.ln()
}

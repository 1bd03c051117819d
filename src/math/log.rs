//! Natural logarithm. (Placeholder: the platform's `ln`; being replaced by a glibc-identical port.)

/// `log(x)`.
#[inline]
pub fn log(x: f64) -> f64 {
    x.ln()
}

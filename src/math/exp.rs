//! Exponential. (Placeholder: the platform's `exp`; being replaced by a glibc-identical port.)

/// `exp(x)`.
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn exp(x: f64) -> f64 {
    x.exp()
}

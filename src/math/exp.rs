//! Exponential. (Placeholder: the platform's `exp`; being replaced by a glibc-identical port.)

/// `exp(x)`.
#[inline]
pub fn exp(x: f64) -> f64 {
    x.exp()
}

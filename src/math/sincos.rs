//! Sine and cosine. (Placeholder: the platform's functions; being replaced by a port.)

/// `sin(x)`.
#[inline]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// `cos(x)`.
#[inline]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

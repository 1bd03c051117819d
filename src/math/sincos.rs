//! Sine and cosine. (Placeholder: the platform's functions; being replaced by a port.)

/// `sin(x)`.
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// `cos(x)`.
#[inline]
#[allow(clippy::disallowed_methods)] // placeholder until the port lands
pub fn cos(x: f64) -> f64 {
    x.cos()
}

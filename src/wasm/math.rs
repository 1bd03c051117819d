//! The glibc-identical math ports for JavaScript: the interpreter's `np.exp`, `np.log` and
//! `np.log1p` on float64 arrays, which NumPy computes with the C library on the reference
//! platform (its own SIMD versions are for float32, or need AVX-512).

use wasm_bindgen::prelude::*;

/// `exp` of each value, as glibc computes it.
#[wasm_bindgen(js_name = mathExp)]
pub fn math_exp(values: &[f64]) -> Vec<f64> {
    values.iter().map(|&x| crate::math::exp(x)).collect()
}

/// `log` of each value, as glibc computes it.
#[wasm_bindgen(js_name = mathLog)]
pub fn math_log(values: &[f64]) -> Vec<f64> {
    values.iter().map(|&x| crate::math::log(x)).collect()
}

/// `log1p` of each value, as glibc computes it.
#[wasm_bindgen(js_name = mathLog1p)]
pub fn math_log1p(values: &[f64]) -> Vec<f64> {
    values.iter().map(|&x| crate::math::log1p(x)).collect()
}

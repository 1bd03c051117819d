//! The JavaScript API: a thin `#[wasm_bindgen]` layer over the dialects, one file per dialect.
//!
//! It only converts: JS seeds (Number, BigInt, Array) and counts into Rust values, results into
//! typed arrays, and every [`crate::Error`] into a thrown JS `Error` whose `name` is the Python
//! exception type and whose `message` is the library's text. Nothing here panics on bad input.

use crate::error::Error;
use wasm_bindgen::prelude::*;

mod jax;
mod math;
mod numpy_generator;
mod numpy_legacy;
mod python;
mod r;
mod rust_rng;
mod torch;

pub use jax::{jax_key, jax_normal, jax_split, jax_uniform};
pub use math::{math_exp, math_log, math_log1p};
pub use numpy_generator::{default_rng, JsGenerator};
pub use numpy_legacy::JsRandomState;
pub use python::JsPyRandom;
pub use r::JsRRandom;
pub use rust_rng::JsRustRng;
pub use torch::JsTorchGenerator;

/// Installs a panic hook so that a bug shows a readable message in the console rather than
/// "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A JS `Error` named after the Python exception: `String(err)` reads `ValueError: low >= high`.
pub(crate) fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(e.message());
    err.set_name(e.kind().name());
    err.into()
}

/// An integer from a JS Number or BigInt; `Err(x)` carries a Number that is not an integer.
pub(crate) enum JsInt {
    Int(i128),
    NotInteger(f64),
}

/// Reads a Number or BigInt; `None` for any other JS type.
pub(crate) fn js_int(value: &JsValue) -> Option<JsInt> {
    if let Some(x) = value.as_f64() {
        // `as` saturates, so huge Numbers stay out of every seed range.
        return Some(if x.is_finite() && x.fract() == 0.0 {
            JsInt::Int(x as i128)
        } else {
            JsInt::NotInteger(x)
        });
    }
    if value.is_bigint() {
        let text = String::from(js_sys::BigInt::from(value.clone()).to_string(10).ok()?);
        let saturated = if text.starts_with('-') {
            i128::MIN
        } else {
            i128::MAX
        };
        return Some(JsInt::Int(text.parse().unwrap_or(saturated)));
    }
    None
}

/// The JS type of a value, for messages ("got a string").
pub(crate) fn describe(value: &JsValue) -> String {
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "value".to_owned())
}

/// An integer bound (`low`, `high`) from JS.
pub(crate) fn int_arg(value: &JsValue, name: &str) -> Result<i128, Error> {
    int_or(value, name, |x| {
        Error::type_error(format!("{name} must be an integer, got {x}"))
    })
}

/// A count the caller must give.
pub(crate) fn required_count(n: Option<f64>) -> Result<f64, Error> {
    n.ok_or_else(|| Error::type_error("missing the count n (how many values to draw)"))
}

/// Integers as a `Float64Array`, as the JS API promises (exact up to 2**53).
pub(crate) fn as_f64s(values: Vec<i64>) -> Vec<f64> {
    values.into_iter().map(|v| v as f64).collect()
}

/// An integer from a JS Number or BigInt, with the caller's error for a Number that is not an
/// integer (libraries word that case differently).
pub(crate) fn int_or(
    value: &JsValue,
    what: &str,
    float_error: impl FnOnce(f64) -> Error,
) -> Result<i128, Error> {
    match js_int(value) {
        Some(JsInt::Int(v)) => Ok(v),
        Some(JsInt::NotInteger(x)) => Err(float_error(x)),
        None => Err(Error::type_error(format!(
            "{what} must be an integer (Number or BigInt), got a {}",
            describe(value)
        ))),
    }
}

/// A `choice` sample size: an integral Number, or the fractional one NumPy rejects (returned as
/// `Err(x)` for the dialect to word).
pub(crate) fn sample_size(size: Option<f64>) -> Result<Result<i128, f64>, JsValue> {
    let size = required_count(size).map_err(js_error)?;
    Ok(if size.is_finite() && size.fract() == 0.0 {
        Ok(size as i128)
    } else {
        Err(size)
    })
}

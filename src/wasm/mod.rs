//! The JavaScript API: a thin `#[wasm_bindgen]` layer over the dialects, one file per dialect.
//!
//! It only converts: JS seeds (Number, BigInt, Array) and counts into Rust values, results into
//! typed arrays, and every [`crate::Error`] into a thrown JS `Error` whose `name` is the Python
//! exception type and whose `message` is the library's text (`?` does that, through the `From`
//! impl below). The libraries' rules, including the order of their checks, live in the dialects.
//! Nothing here panics on bad input.
//!
//! The generated TypeScript declarations (`www/pkg/seedlab.d.ts`) are typed by hand where a
//! parameter is a `JsValue` (`unchecked_param_type`), with the aliases declared below.

use crate::error::Error;
use crate::py_int::PyInt;
use wasm_bindgen::prelude::*;

mod jax;
mod numpy_generator;
mod numpy_legacy;
mod python;
mod r;
mod rust_rng;
mod torch;

pub use jax::{jax_key, jax_normal, jax_split, jax_uniform};
pub use numpy_generator::{default_rng, JsGenerator};
pub use numpy_legacy::JsRandomState;
pub use python::JsPyRandom;
pub use r::JsRRandom;
pub use rust_rng::JsRustRng;
pub use torch::JsTorchGenerator;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Any typed array. */
export type TypedArray =
    | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array
    | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** Integers as an Array or a typed array: Numbers with integer values, or BigInts. */
export type IntArray = readonly (number | bigint)[] | TypedArray;

/** NumPy's `SeedSequence` entropy: an integer of any size, or an Array or typed array of them,
 * nested to any depth (NumPy flattens it). */
export type SeedEntropy = number | bigint | TypedArray | readonly SeedEntropy[];

/** A JAX key as `jaxKey` and `jaxSplit` return it: two uint32 words. */
export type JaxKey = Uint32Array | readonly (number | bigint)[];
"#;

/// Installs a panic hook so that a bug shows a readable message in the console rather than
/// "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A JS `Error` named after the Python exception: `String(err)` reads `ValueError: low >= high`.
impl From<Error> for JsValue {
    // One copy for every `?` in the bindings, rather than one inlined at each.
    #[inline(never)]
    fn from(e: Error) -> JsValue {
        let err = js_sys::Error::new(e.message());
        err.set_name(e.kind().name());
        err.into()
    }
}

/// `value`, unless the caller left the argument out: `undefined` and `null` both mean "not
/// given", as Python's `None` does.
pub(crate) fn given(value: &JsValue) -> Option<&JsValue> {
    if value.is_undefined() || value.is_null() {
        None
    } else {
        Some(value)
    }
}

/// A JS number of either kind: JS carries a Python int as a Number (exact up to 2**53) or a
/// BigInt (exact at any size).
pub(crate) enum JsNumeric {
    /// A Number, any value (fractional, NaN and the infinities included).
    Number(f64),
    /// A BigInt, exactly.
    BigInt(PyInt),
}

impl JsNumeric {
    /// The integer it holds, exactly; `Err(x)` for a Number that is not an integer.
    pub(crate) fn integer(self) -> Result<PyInt, f64> {
        match self {
            JsNumeric::Number(x) => PyInt::from_integral_f64(x).ok_or(x),
            JsNumeric::BigInt(int) => Ok(int),
        }
    }
}

/// Reads a Number or a BigInt; `None` for any other JS type. This is the one place BigInts are
/// read.
pub(crate) fn numeric(value: &JsValue) -> Option<JsNumeric> {
    if let Some(x) = value.as_f64() {
        return Some(JsNumeric::Number(x));
    }
    if value.is_bigint() {
        let hex = js_sys::BigInt::from(value.clone()).to_string(16).ok()?;
        return PyInt::parse(&String::from(hex), 16).map(JsNumeric::BigInt);
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

/// An integer from a JS Number or BigInt, with the caller's error for a Number that is not an
/// integer (libraries word that case differently). Values beyond `i128` saturate, which keeps
/// them outside every range a dialect accepts.
pub(crate) fn int_or(
    value: &JsValue,
    what: &str,
    float_error: impl FnOnce(f64) -> Error,
) -> Result<i128, Error> {
    match numeric(value).map(JsNumeric::integer) {
        Some(Ok(int)) => Ok(int.to_i128_saturating()),
        Some(Err(x)) => Err(float_error(x)),
        None => Err(Error::type_error(format!(
            "{what} must be an integer (Number or BigInt), got a {}",
            describe(value)
        ))),
    }
}

/// An integer argument (`low`, `high`, a seed) from JS.
pub(crate) fn int_arg(value: &JsValue, name: &str) -> Result<i128, Error> {
    int_or(value, name, |x| {
        Error::type_error(format!("{name} must be an integer, got {x}"))
    })
}

/// A count the caller must give.
pub(crate) fn required_count(n: Option<f64>) -> Result<f64, Error> {
    n.ok_or_else(Error::missing_count)
}

/// Integers as a `Float64Array`, as the JS API promises (exact up to 2**53).
pub(crate) fn as_f64s(values: Vec<i64>) -> Vec<f64> {
    values.into_iter().map(|v| v as f64).collect()
}

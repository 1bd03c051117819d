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
//!
//! Without the `full-api` feature (on by default) only [`JsRandomState`] is exported, without
//! its sampling methods and further distributions (numpy_legacy_sampling.rs,
//! numpy_legacy_distributions.rs): seeding, state, `rand`, `randn`, `randint`, `normal` and
//! `uniform` of NumPy's legacy generator, the module the page loads first (`www/pkg/core/`, a
//! quarter of the whole; scripts/build.sh). The same code, so the same numbers.

use crate::error::Error;
use crate::py_int::PyInt;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full-api")]
mod fill_into;
#[cfg(feature = "full-api")]
mod jax;
#[cfg(feature = "full-api")]
mod math;
#[cfg(feature = "full-api")]
mod numpy_generator;
mod numpy_legacy;
#[cfg(feature = "full-api")]
mod numpy_legacy_distributions;
#[cfg(feature = "full-api")]
mod numpy_legacy_sampling;
#[cfg(feature = "full-api")]
mod python;
#[cfg(feature = "full-api")]
mod r;
#[cfg(feature = "full-api")]
mod rust_rng;
#[cfg(feature = "full-api")]
mod torch;
#[cfg(feature = "full-api")]
mod torch_data;
#[cfg(feature = "full-api")]
mod torch_nn;

#[cfg(feature = "full-api")]
pub use jax::{jax_key, jax_normal, jax_split, jax_uniform};
#[cfg(feature = "full-api")]
pub use math::{
    math_cos, math_cos_array, math_erf, math_erf_array, math_erfc, math_erfc_array, math_exp,
    math_exp2, math_exp2_array, math_exp_array, math_expm1, math_expm1_array, math_log, math_log10,
    math_log10_array, math_log1p, math_log1p_array, math_log2, math_log2_array, math_log_array,
    math_pow, math_pow_array, math_sin, math_sin_array, math_tanh, math_tanh_array, numpy_power,
    numpy_tanh,
};
#[cfg(feature = "full-api")]
pub use numpy_generator::{default_rng, JsGenerator};
pub use numpy_legacy::JsRandomState;
#[cfg(feature = "full-api")]
pub use python::JsPyRandom;
#[cfg(feature = "full-api")]
pub use r::JsRRandom;
#[cfg(feature = "full-api")]
pub use rust_rng::JsRustRng;
#[cfg(feature = "full-api")]
pub use torch::{torch_generator, JsTorchGenerator};
#[cfg(feature = "full-api")]
pub use torch_data::{JsTorchDataLoader, JsTorchDataLoaderIter};
#[cfg(feature = "full-api")]
pub use torch_nn::{calculate_gain, fan_in_and_fan_out, init_constant};

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

/** A torch dtype: `torch.float32`, `torch.float64` or `torch.int64`. */
export type TorchDtype = 'float32' | 'float64' | 'int64';

/** A torch tensor's values in element order, as the typed array of its dtype: float32,
 * float64, or int64 (BigInts, exact beyond 2**53). */
export type TorchArray = Float32Array | Float64Array | BigInt64Array;

/** One parameter of a layer, as `named_parameters()` yields it. */
export interface TorchParameter {
    /** `'weight'` or `'bias'`. */
    name: 'weight' | 'bias';
    /** Its shape, e.g. `[outFeatures, inFeatures]`. */
    shape: number[];
    /** Its values in element order (row-major). */
    values: TorchArray;
}

/** Floats as an Array (Numbers or BigInts) or a typed array, such as `choice`'s `p`. */
export type FloatArray = readonly (number | bigint)[] | TypedArray;

/** An integer dtype NumPy's `randint` / `integers` take. */
export type IntDtype =
    | "int64" | "int32" | "int16" | "int8" | "uint64" | "uint32" | "uint16" | "uint8" | "bool";

/** Integers in a typed array of their dtype: `BigInt64Array` for int64, `BigUint64Array` for
 * uint64, `Int32Array` ... `Uint8Array`, and a `Uint8Array` of 0 / 1 for bool. */
export type IntDtypeArray =
    | BigInt64Array | BigUint64Array | Int32Array | Uint32Array | Int16Array | Uint16Array
    | Int8Array | Uint8Array;

/** `RandomState.get_state()`'s legacy tuple after `'MT19937'`. */
export interface LegacyState {
    /** The 624 state words. */
    key: Uint32Array;
    /** The position of the next word, 0 to 624. */
    pos: number;
    /** 1 when a gaussian is cached (or the int `setState` was given, until the next normal). */
    hasGauss: number;
    /** The cached gaussian (0 when none). */
    cachedGaussian: number;
}

/** CPython's `getstate()` after its version 3. */
export interface PyRandomState {
    /** The 624 state words and, last, the index of the next word (0 to 624). */
    internalState: Uint32Array;
    /** `gauss_next`: what the next `gauss` returns without drawing, or null. */
    gaussNext: number | null;
}

/** PCG64's `bit_generator.state` as NumPy reports it. */
export interface Pcg64State {
    /** `state['state']['state']`: the 128-bit LCG state. */
    state: bigint;
    /** `state['state']['inc']`: the odd increment. */
    inc: bigint;
    /** `state['has_uint32']`: 1 when a 32-bit half is buffered. */
    hasUint32: number;
    /** `state['uinteger']`: the last high half kept (NumPy keeps it after its use). */
    uinteger: number;
}
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
#[cfg(feature = "full-api")]
pub(crate) fn required_count(n: Option<f64>) -> Result<f64, Error> {
    n.ok_or_else(Error::missing_count)
}

/// Integers as a `Float64Array`, as the JS API promises (exact up to 2**53).
pub(crate) fn as_f64s(values: Vec<i64>) -> Vec<f64> {
    values.into_iter().map(|v| v as f64).collect()
}

/// An optional dtype name: `undefined` / `null` means `default`; any other value must be a
/// string.
pub(crate) fn dtype_name<'a>(
    value: &JsValue,
    default: &'a str,
) -> Result<std::borrow::Cow<'a, str>, Error> {
    match given(value) {
        None => Ok(default.into()),
        Some(v) => v.as_string().map(Into::into).ok_or_else(|| {
            Error::type_error(format!(
                "dtype must be a string such as 'int64', got a {}",
                describe(v)
            ))
        }),
    }
}

/// Integers in a typed array of their dtype (bool as a `Uint8Array` of 0 / 1).
pub(crate) fn int_array(values: crate::numpy::IntArray) -> JsValue {
    use crate::numpy::IntArray;
    match values {
        IntArray::Int64(v) => js_sys::BigInt64Array::from(&v[..]).into(),
        IntArray::Uint64(v) => js_sys::BigUint64Array::from(&v[..]).into(),
        IntArray::Int32(v) => js_sys::Int32Array::from(&v[..]).into(),
        IntArray::Uint32(v) => js_sys::Uint32Array::from(&v[..]).into(),
        IntArray::Int16(v) => js_sys::Int16Array::from(&v[..]).into(),
        IntArray::Uint16(v) => js_sys::Uint16Array::from(&v[..]).into(),
        IntArray::Int8(v) => js_sys::Int8Array::from(&v[..]).into(),
        IntArray::Uint8(v) => js_sys::Uint8Array::from(&v[..]).into(),
        IntArray::Bool(v) => {
            let bytes: Vec<u8> = v.into_iter().map(u8::from).collect();
            js_sys::Uint8Array::from(&bytes[..]).into()
        }
    }
}

/// Floats from an Array (Numbers or BigInts) or a typed array; `None` for `undefined` / `null`.
#[cfg(feature = "full-api")]
pub(crate) fn float_array(value: &JsValue, name: &str) -> Result<Option<Vec<f64>>, Error> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    if let Some(floats) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(Some(floats.to_vec()));
    }
    if !js_sys::Array::is_array(value) && !js_sys::ArrayBuffer::is_view(value) {
        return Err(Error::type_error(format!(
            "{name} must be an Array or a typed array of numbers, got a {}",
            describe(value)
        )));
    }
    js_sys::Array::from(value)
        .iter()
        .map(|item| match numeric(&item) {
            Some(JsNumeric::Number(x)) => Ok(x),
            Some(JsNumeric::BigInt(int)) => int.to_f64().ok_or_else(|| {
                Error::new(
                    crate::error::ErrorKind::OverflowError,
                    "int too large to convert to float",
                )
            }),
            None => Err(Error::type_error(format!(
                "{name} must hold numbers, got a {}",
                describe(&item)
            ))),
        })
        .collect::<Result<Vec<f64>, Error>>()
        .map(Some)
}

/// A string argument (a dtype, a mode, a nonlinearity). wasm-bindgen would hand any other value
/// to wasm as if it were a string, so every string parameter is a `JsValue` checked here.
pub(crate) fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::type_error(format!(
            "{name} must be a string, got a {}",
            describe(value)
        ))
    })
}

/// [`string_arg`] for an optional argument: `None` for `undefined` / `null`.
#[cfg(feature = "full-api")]
pub(crate) fn optional_string_arg(value: &JsValue, name: &str) -> Result<Option<String>, Error> {
    given(value).map(|v| string_arg(v, name)).transpose()
}

/// A required array of floats ([`float_array`]). Every array parameter is a `JsValue` checked
/// here: wasm-bindgen would size wasm memory from any object's `length`.
#[cfg(feature = "full-api")]
pub(crate) fn floats_arg(value: &JsValue, name: &str) -> Result<Vec<f64>, Error> {
    float_array(value, name)?.ok_or_else(|| {
        Error::type_error(format!(
            "{name} must be an Array or a typed array of numbers, got {}",
            describe(value)
        ))
    })
}

/// Sets `key` of a plain JS object.
pub(crate) fn set_field(object: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property of a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

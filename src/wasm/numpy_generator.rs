//! `defaultRng` and `Generator`: NumPy's Generator API (`np.random.default_rng`) for JavaScript.

use super::{as_f64s, describe, int_arg, int_or, js_error, required_count, sample_size};
use crate::error::{Error, ErrorKind};
use crate::numpy::{self, Entropy, PyInt};
use wasm_bindgen::prelude::*;

/// `SeedSequence` entropy from JS: an integer Number or BigInt of any size, or an Array / typed
/// array of them (nested arrays are flattened, as NumPy does).
fn entropy(value: &JsValue, in_sequence: bool) -> Result<Entropy, Error> {
    if let Some(x) = value.as_f64() {
        return PyInt::from_integral_f64(x)
            .map(Entropy::Int)
            .ok_or_else(|| Entropy::float_error(x, in_sequence));
    }
    if value.is_bigint() {
        let hex = js_sys::BigInt::from(value.clone())
            .to_string(16)
            .map(String::from)
            .ok();
        return hex
            .and_then(|hex| PyInt::parse(&hex, 16))
            .map(Entropy::Int)
            .ok_or_else(|| Error::type_error("seed BigInt could not be read"));
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        return js_sys::Array::from(value)
            .iter()
            .map(|item| entropy(&item, true))
            .collect::<Result<Vec<_>, _>>()
            .map(Entropy::Sequence);
    }
    Err(Error::type_error(format!(
        "seed must be an integer (Number or BigInt), an array of them, or undefined; got a {}",
        describe(value)
    )))
}

/// A `size=` count from JS, with NumPy's Generator messages.
fn size(n: Option<f64>, dtype: &str) -> Result<usize, Error> {
    required_count(n).and_then(|n| numpy::size_argument(n, dtype))
}

/// `np.random.default_rng(seed)`: a non-negative integer of any size (Number or BigInt) or an
/// Array of them; undefined or null: OS entropy.
#[wasm_bindgen(js_name = defaultRng)]
pub fn default_rng(seed: JsValue) -> Result<JsGenerator, JsValue> {
    let seed = if seed.is_undefined() || seed.is_null() {
        None
    } else {
        Some(entropy(&seed, false).map_err(js_error)?)
    };
    let inner = numpy::default_rng(seed.as_ref()).map_err(js_error)?;
    Ok(JsGenerator { inner })
}

/// `numpy.random.Generator` over PCG64, as `defaultRng(seed)` makes it.
#[wasm_bindgen(js_name = Generator)]
pub struct JsGenerator {
    inner: numpy::Generator,
}

#[wasm_bindgen(js_class = Generator)]
impl JsGenerator {
    /// `random(n)`: uniform doubles in [0, 1).
    pub fn random(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = size(n, "float64").map_err(js_error)?;
        self.inner.random(n).map_err(js_error)
    }

    /// `standard_normal(n)`: standard normals (ziggurat).
    #[wasm_bindgen(js_name = standardNormal)]
    pub fn standard_normal(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = size(n, "float64").map_err(js_error)?;
        self.inner.standard_normal(n).map_err(js_error)
    }

    /// `normal(loc, scale, n)`.
    pub fn normal(&mut self, loc: f64, scale: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        // NumPy checks the parameters before the size; a call for no values checks them alone.
        self.inner.normal(loc, scale, 0).map_err(js_error)?;
        let n = size(n, "float64").map_err(js_error)?;
        self.inner.normal(loc, scale, n).map_err(js_error)
    }

    /// `uniform(low, high, n)`: `high - low` must be finite and not negative.
    pub fn uniform(&mut self, low: f64, high: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        // NumPy checks the parameters before the size; a call for no values checks them alone.
        self.inner.uniform(low, high, 0).map_err(js_error)?;
        let n = size(n, "float64").map_err(js_error)?;
        self.inner.uniform(low, high, n).map_err(js_error)
    }

    /// `integers(low, high, n)`: int64 values in [low, high); `high` undefined or null means
    /// [0, low). Bounds may be BigInt.
    pub fn integers(
        &mut self,
        low: JsValue,
        high: JsValue,
        n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low").map_err(js_error)?;
        let high = if high.is_undefined() || high.is_null() {
            None
        } else {
            Some(int_arg(&high, "high").map_err(js_error)?)
        };
        let n = size(n, "int64")
            .map_err(|e| js_error(numpy::Generator::integers_size_error(low, high, e)))?;
        self.inner
            .integers(low, high, n)
            .map(as_f64s)
            .map_err(js_error)
    }

    /// `permutation(n)`: 0..n-1 shuffled; a negative `n` gives an empty array, as in NumPy.
    pub fn permutation(&mut self, n: JsValue) -> Result<Vec<f64>, JsValue> {
        let n = int_or(&n, "n", |_| {
            Error::new(
                ErrorKind::AxisError,
                "axis 0 is out of bounds for array of dimension 0",
            )
        })
        .map_err(js_error)?;
        self.inner.permutation(n).map(as_f64s).map_err(js_error)
    }

    /// `choice(popSize, size, replace = true)`: `size` values of 0..popSize-1, distinct unless
    /// `replace`.
    pub fn choice(
        &mut self,
        pop_size: JsValue,
        size: Option<f64>,
        replace: Option<bool>,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = int_or(&pop_size, "popSize", |_| {
            Error::value("a must be a sequence or an integer, not <class 'float'>")
        })
        .map_err(js_error)?;
        let replace = replace.unwrap_or(true);
        match sample_size(size)? {
            Ok(size) => self
                .inner
                .choice(pop_size, size, replace)
                .map(as_f64s)
                .map_err(js_error),
            Err(x) => Err(js_error(numpy::Generator::choice_fractional_size_error(
                pop_size, x, replace,
            ))),
        }
    }
}

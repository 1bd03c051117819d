//! `PyRandom`: CPython's `random.Random` for JavaScript.

use super::{describe, given, numeric, required_count, JsNumeric};
use crate::error::Error;
use crate::python::{self, Bound, PyInt};
use wasm_bindgen::prelude::*;

/// CPython's `TypeError` for a seed of another type (`random.seed([1, 2])`).
const SEED_TYPES_MESSAGE: &str =
    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.";

/// A `random.seed` argument from JS: undefined/null (OS entropy), a Number (an int when its value
/// is integral, else a float, which CPython seeds with through `hash`), a BigInt, a boolean
/// (Python's bool is an int), a string, or a Uint8Array (bytes).
fn py_seed(value: &JsValue) -> Result<Option<python::Seed>, Error> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    if let Some(number) = numeric(value) {
        return Ok(Some(match number.integer() {
            Ok(int) => python::Seed::Int(int),
            Err(x) => python::Seed::Float(x),
        }));
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Some(python::Seed::Int(PyInt::from(i128::from(flag)))));
    }
    if let Some(text) = value.as_string() {
        return Ok(Some(python::Seed::Str(text)));
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(Some(python::Seed::Bytes(bytes.to_vec())));
    }
    Err(Error::type_error(SEED_TYPES_MESSAGE))
}

/// A `randint` bound: a BigInt or an integral Number as an int; a fractional Number as the float
/// CPython 3.11 would convert (and refuse).
fn randint_bound(value: &JsValue, bound: Bound) -> Result<i128, Error> {
    match numeric(value) {
        Some(JsNumeric::Number(x)) => python::randint_bound_from_f64(x, bound),
        Some(JsNumeric::BigInt(int)) => python::randint_bound_from_int(&int, bound),
        None => Err(Error::type_error(format!(
            "randint bound {} must be an integer (Number or BigInt), got a {}",
            bound.name(),
            describe(value)
        ))),
    }
}

/// How many values to draw, with Python's errors.
fn py_count(n: Option<f64>) -> Result<usize, Error> {
    python::count_from_f64(required_count(n)?)
}

/// CPython's `random.Random` (and the hidden instance behind `random.seed`, `random.random`...).
#[wasm_bindgen(js_name = PyRandom)]
pub struct JsPyRandom {
    inner: python::Random,
}

#[wasm_bindgen(js_class = PyRandom)]
impl JsPyRandom {
    /// `new PyRandom(seed?)`: an int of any size (Number or BigInt; only its absolute value
    /// counts), a fractional Number (a float seed), a string or Uint8Array; none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(
            unchecked_optional_param_type = "number | bigint | boolean | string | Uint8Array | null"
        )]
        seed: JsValue,
    ) -> Result<JsPyRandom, JsValue> {
        let seed = py_seed(&seed)?;
        let inner = python::Random::new(seed.as_ref())?;
        Ok(JsPyRandom { inner })
    }

    /// `seed(a)`: reseeds in place and clears the cached gaussian; on error the state is unchanged.
    pub fn seed(
        &mut self,
        #[wasm_bindgen(
            unchecked_optional_param_type = "number | bigint | boolean | string | Uint8Array | null"
        )]
        seed: JsValue,
    ) -> Result<(), JsValue> {
        let seed = py_seed(&seed)?;
        Ok(self.inner.seed(seed.as_ref())?)
    }

    /// `[random() for _ in range(n)]`: doubles in [0, 1).
    pub fn random(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.random(n)?)
    }

    /// `[gauss(mu, sigma) for _ in range(n)]`: Box-Muller, its cached value kept between calls.
    pub fn gauss(
        &mut self,
        mu: f64,
        sigma: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.gauss(mu, sigma, n)?)
    }

    /// `[randint(a, b) for _ in range(n)]`: integers in [a, b], both ends included, as a
    /// Float64Array (exact up to 2**53). Bounds are Numbers or BigInts.
    pub fn randint(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] b: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let a = randint_bound(&a, Bound::Low)?;
        let b = randint_bound(&b, Bound::High)?;
        let n = py_count(n)?;
        let values = self.inner.randint(a, b, n)?;
        Ok(values.into_iter().map(|v| v as f64).collect())
    }

    /// `shuffle(x)`: shuffles a JS Array or typed array in place, in CPython's order.
    pub fn shuffle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown[] | TypedArray")] array: JsValue,
    ) -> Result<(), JsValue> {
        if !js_sys::Array::is_array(&array) && !js_sys::ArrayBuffer::is_view(&array) {
            return Err(Error::type_error(format!(
                "shuffle needs an Array or a typed array, got a {}",
                describe(&array)
            ))
            .into());
        }
        let mut items: Vec<JsValue> = js_sys::Array::from(&array).iter().collect();
        self.inner.shuffle(&mut items);
        for (i, item) in items.iter().enumerate() {
            js_sys::Reflect::set_u32(&array, i as u32, item)?;
        }
        Ok(())
    }

    /// `[choice(seq) for _ in range(n)]` for a sequence of `popSize` elements, as the indices
    /// chosen (`seq[i]`); an empty population raises `IndexError`.
    pub fn choice(
        &mut self,
        #[wasm_bindgen(js_name = popSize)] pop_size: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = python::population_from_f64(pop_size)?;
        let n = py_count(n)?;
        let values = self.inner.choice(pop_size, n)?;
        Ok(values.into_iter().map(|v| v as f64).collect())
    }
}

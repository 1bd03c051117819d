//! `PyRandom`: CPython's `random.Random` for JavaScript.

use super::{describe, js_error, required_count};
use crate::error::Error;
use crate::python::{self, Bound, PyInt};
use wasm_bindgen::prelude::*;

/// CPython's `TypeError` for a seed of another type (`random.seed([1, 2])`).
const SEED_TYPES_MESSAGE: &str =
    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.";

/// An int from a JS BigInt, exactly.
fn bigint_to_int(value: &JsValue) -> Result<PyInt, Error> {
    js_sys::BigInt::from(value.clone())
        .to_string(10)
        .ok()
        .and_then(|text| String::from(text).parse().ok())
        .ok_or_else(|| Error::type_error("could not read the BigInt"))
}

/// A `random.seed` argument from JS: undefined/null (OS entropy), a Number (an int when its value
/// is integral, else a float, which CPython seeds with through `hash`), a BigInt, a boolean
/// (Python's bool is an int), a string, or a Uint8Array (bytes).
fn py_seed(value: &JsValue) -> Result<Option<python::Seed>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(x) = value.as_f64() {
        return Ok(Some(match PyInt::from_integral_f64(x) {
            Some(int) => python::Seed::Int(int),
            None => python::Seed::Float(x),
        }));
    }
    if value.is_bigint() {
        return Ok(Some(python::Seed::Int(bigint_to_int(value)?)));
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
    let name = match bound {
        Bound::Low => "a",
        Bound::High => "b",
    };
    if let Some(x) = value.as_f64() {
        return python::randint_bound_from_f64(x, bound);
    }
    if value.is_bigint() {
        return bigint_to_int(value)?.to_i128().ok_or_else(|| {
            Error::value(format!(
                "randint bound {name} is beyond the supported range [-2**127, 2**127)"
            ))
        });
    }
    Err(Error::type_error(format!(
        "randint bound {name} must be an integer (Number or BigInt), got a {}",
        describe(value)
    )))
}

fn py_count(n: Option<f64>) -> Result<usize, JsValue> {
    required_count(n)
        .and_then(python::count_from_f64)
        .map_err(js_error)
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
    pub fn new(seed: JsValue) -> Result<JsPyRandom, JsValue> {
        let seed = py_seed(&seed).map_err(js_error)?;
        let inner = python::Random::new(seed.as_ref()).map_err(js_error)?;
        Ok(JsPyRandom { inner })
    }

    /// `seed(a)`: reseeds in place and clears the cached gaussian; on error the state is unchanged.
    pub fn seed(&mut self, seed: JsValue) -> Result<(), JsValue> {
        let seed = py_seed(&seed).map_err(js_error)?;
        self.inner.seed(seed.as_ref()).map_err(js_error)
    }

    /// `[random() for _ in range(n)]`: doubles in [0, 1).
    pub fn random(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        self.inner.random(n).map_err(js_error)
    }

    /// `[gauss(mu, sigma) for _ in range(n)]`: Box-Muller, its cached value kept between calls.
    pub fn gauss(&mut self, mu: f64, sigma: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        self.inner.gauss(mu, sigma, n).map_err(js_error)
    }

    /// `[randint(a, b) for _ in range(n)]`: integers in [a, b], both ends included, as a
    /// Float64Array (exact up to 2**53). Bounds are Numbers or BigInts.
    pub fn randint(&mut self, a: JsValue, b: JsValue, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let a = randint_bound(&a, Bound::Low).map_err(js_error)?;
        let b = randint_bound(&b, Bound::High).map_err(js_error)?;
        let n = py_count(n)?;
        self.inner
            .randint(a, b, n)
            .map(|values| values.into_iter().map(|v| v as f64).collect())
            .map_err(js_error)
    }

    /// `shuffle(x)`: shuffles a JS Array or typed array in place, in CPython's order.
    pub fn shuffle(&mut self, array: JsValue) -> Result<(), JsValue> {
        if !js_sys::Array::is_array(&array) && !js_sys::ArrayBuffer::is_view(&array) {
            return Err(js_error(Error::type_error(format!(
                "shuffle needs an Array or a typed array, got a {}",
                describe(&array)
            ))));
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
    pub fn choice(&mut self, pop_size: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        if !(0.0..=9_007_199_254_740_992.0).contains(&pop_size) || pop_size.fract() != 0.0 {
            return Err(js_error(Error::type_error(format!(
                "popSize must be a whole number of elements in [0, 2**53], got {pop_size}"
            ))));
        }
        let n = py_count(n)?;
        self.inner
            .choice(pop_size as u64, n)
            .map(|values| values.into_iter().map(|v| v as f64).collect())
            .map_err(js_error)
    }
}

//! `RandomState`: NumPy's legacy generator for JavaScript.

use super::{
    as_f64s, describe, int_arg, int_or, js_error, js_int, required_count, sample_size, JsInt,
};
use crate::error::{Error, ErrorKind};
use crate::numpy;
use wasm_bindgen::prelude::*;

/// A NumPy legacy seed from JS: undefined/null, an integer, or an array of integers.
fn numpy_seed(value: &JsValue) -> Result<Option<numpy::Seed>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match js_int(value) {
        Some(JsInt::Int(v)) => return Ok(Some(numpy::Seed::Int(v))),
        Some(JsInt::NotInteger(_)) => return Err(numpy::Seed::float_error(false)),
        None => {}
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        let mut words = Vec::new();
        for item in js_sys::Array::from(value).iter() {
            match js_int(&item) {
                Some(JsInt::Int(v)) => words.push(v),
                Some(JsInt::NotInteger(_)) => return Err(numpy::Seed::float_error(true)),
                None if js_sys::Array::is_array(&item) => {
                    return Err(Error::value("Seed array must be 1-d"))
                }
                None => {
                    return Err(Error::type_error(format!(
                        "Seed array elements must be integers, got a {}",
                        describe(&item)
                    )))
                }
            }
        }
        return Ok(Some(numpy::Seed::Array(words)));
    }
    Err(Error::type_error(format!(
        "Seed must be an integer, an array of integers, or undefined; got a {}",
        describe(value)
    )))
}
fn numpy_count(n: Option<f64>, dtype: &str) -> Result<usize, JsValue> {
    required_count(n)
        .and_then(|n| numpy::size_from_f64(n, dtype))
        .map_err(js_error)
}
/// `numpy.random.RandomState`, and the global state behind `np.random.seed`.
#[wasm_bindgen(js_name = RandomState)]
pub struct JsRandomState {
    inner: numpy::RandomState,
}

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `new RandomState(seed?)`: an int in [0, 2**32 - 1] or an Array of them; none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: JsValue) -> Result<JsRandomState, JsValue> {
        let seed = numpy_seed(&seed).map_err(js_error)?;
        let inner = numpy::RandomState::new(seed.as_ref()).map_err(js_error)?;
        Ok(JsRandomState { inner })
    }

    /// Reseeds in place (clears the cached gaussian); on error the state is unchanged.
    pub fn seed(&mut self, seed: JsValue) -> Result<(), JsValue> {
        let seed = numpy_seed(&seed).map_err(js_error)?;
        self.inner.seed(seed.as_ref()).map_err(js_error)
    }

    /// `rand(n)`: uniform doubles in [0, 1).
    pub fn rand(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = numpy_count(n, "float64")?;
        self.inner.rand(n).map_err(js_error)
    }

    /// `randn(n)`: standard normals (legacy polar method).
    pub fn randn(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = numpy_count(n, "float64")?;
        self.inner.randn(n).map_err(js_error)
    }

    /// `randint(low, high, n)`: integers in [low, high); `high` undefined or null means [0, low).
    pub fn randint(
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
        // NumPy's order: an empty size returns at once, then the bounds, then the size.
        if n != Some(0.0) {
            numpy::RandomState::check_randint(low, high).map_err(js_error)?;
        }
        let n = numpy_count(n, "int64")?;
        self.inner
            .randint(low, high, n)
            .map(as_f64s)
            .map_err(js_error)
    }

    /// `uniform(low, high, n)`.
    pub fn uniform(&mut self, low: f64, high: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        // NumPy checks the parameters before the size.
        numpy::RandomState::check_uniform(low, high).map_err(js_error)?;
        let n = numpy_count(n, "float64")?;
        self.inner.uniform(low, high, n).map_err(js_error)
    }

    /// `normal(loc, scale, n)`.
    pub fn normal(&mut self, loc: f64, scale: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        // NumPy checks the parameters before the size.
        numpy::RandomState::check_normal(scale).map_err(js_error)?;
        let n = numpy_count(n, "float64")?;
        self.inner.normal(loc, scale, n).map_err(js_error)
    }

    /// `permutation(n)`: 0..n-1 shuffled; a negative `n` gives an empty array, as in NumPy.
    pub fn permutation(&mut self, n: JsValue) -> Result<Vec<f64>, JsValue> {
        let n = int_or(&n, "n", |_| {
            Error::new(
                ErrorKind::IndexError,
                "x must be an integer or at least 1-dimensional",
            )
        })
        .map_err(js_error)?;
        self.inner.permutation(n).map(as_f64s).map_err(js_error)
    }

    /// `choice(popSize, size, replace = true)`: with replacement `randint(0, popSize, size)`,
    /// without it `permutation(popSize)[:size]`.
    pub fn choice(
        &mut self,
        pop_size: JsValue,
        size: Option<f64>,
        replace: Option<bool>,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = int_or(&pop_size, "popSize", |_| {
            Error::value("a must be 1-dimensional or an integer")
        })
        .map_err(js_error)?;
        let replace = replace.unwrap_or(true);
        match sample_size(size)? {
            Ok(size) => self
                .inner
                .choice(pop_size, size, replace)
                .map(as_f64s)
                .map_err(js_error),
            Err(x) => Err(js_error(numpy::RandomState::choice_fractional_size_error(
                pop_size, x, replace,
            ))),
        }
    }
}

//! `RandomState`: NumPy's legacy generator for JavaScript.

use super::{as_f64s, describe, given, int_arg, int_or, numeric, JsNumeric};
use crate::error::{Error, ErrorKind};
use crate::numpy;
use wasm_bindgen::prelude::*;

/// A NumPy legacy seed from JS: undefined/null, an integer, or an array of integers.
fn numpy_seed(value: &JsValue) -> Result<Option<numpy::Seed>, Error> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    if let Some(number) = numeric(value) {
        return match number.integer() {
            Ok(int) => Ok(Some(numpy::Seed::Int(int.to_i128_saturating()))),
            Err(_) => Err(numpy::Seed::float_error(false)),
        };
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        let mut words = Vec::new();
        for item in js_sys::Array::from(value).iter() {
            match numeric(&item).map(JsNumeric::integer) {
                Some(Ok(int)) => words.push(int.to_i128_saturating()),
                Some(Err(_)) => return Err(numpy::Seed::float_error(true)),
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

/// `numpy.random.RandomState`, and the global state behind `np.random.seed`.
#[wasm_bindgen(js_name = RandomState)]
pub struct JsRandomState {
    inner: numpy::RandomState,
}

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `new RandomState(seed?)`: an int in [0, 2**32 - 1] or an Array of them; none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | IntArray | null")]
        seed: JsValue,
    ) -> Result<JsRandomState, JsValue> {
        let seed = numpy_seed(&seed)?;
        let inner = numpy::RandomState::new(seed.as_ref())?;
        Ok(JsRandomState { inner })
    }

    /// Reseeds in place (clears the cached gaussian); on error the state is unchanged.
    pub fn seed(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | IntArray | null")]
        seed: JsValue,
    ) -> Result<(), JsValue> {
        let seed = numpy_seed(&seed)?;
        Ok(self.inner.seed(seed.as_ref())?)
    }

    /// `rand(n)`: uniform doubles in [0, 1).
    pub fn rand(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.rand_sized(n)?)
    }

    /// `randn(n)`: standard normals (legacy polar method).
    pub fn randn(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.randn_sized(n)?)
    }

    /// `randint(low, high, n)`: integers in [low, high); `high` undefined or null means [0, low).
    pub fn randint(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint | null | undefined")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = given(&high).map(|high| int_arg(high, "high")).transpose()?;
        Ok(as_f64s(self.inner.randint_sized(low, high, n)?))
    }

    /// `uniform(low, high, n)`: doubles in [low, high) (`high < low` is allowed, as in NumPy).
    pub fn uniform(
        &mut self,
        low: f64,
        high: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.uniform_sized(low, high, n)?)
    }

    /// `normal(loc, scale, n)`: `loc + scale * randn`; `scale` must not be negative.
    pub fn normal(
        &mut self,
        loc: f64,
        scale: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.normal_sized(loc, scale, n)?)
    }

    /// `permutation(n)`: 0..n-1 shuffled; a negative `n` gives an empty array, as in NumPy.
    pub fn permutation(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let n = int_or(&n, "n", |_| {
            Error::new(
                ErrorKind::IndexError,
                "x must be an integer or at least 1-dimensional",
            )
        })?;
        Ok(as_f64s(self.inner.permutation(n)?))
    }

    /// `choice(popSize, size, replace = true)`: with replacement `randint(0, popSize, size)`,
    /// without it `permutation(popSize)[:size]`.
    pub fn choice(
        &mut self,
        #[wasm_bindgen(js_name = popSize, unchecked_param_type = "number | bigint")]
        pop_size: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] size: Option<f64>,
        replace: Option<bool>,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = int_or(&pop_size, "popSize", |_| {
            Error::value("a must be 1-dimensional or an integer")
        })?;
        let replace = replace.unwrap_or(true);
        Ok(as_f64s(self.inner.choice_sized(pop_size, size, replace)?))
    }
}

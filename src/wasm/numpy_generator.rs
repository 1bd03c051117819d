//! `defaultRng` and `Generator`: NumPy's Generator API (`np.random.default_rng`) for JavaScript.

use super::{as_f64s, describe, given, int_arg, int_or, numeric};
use crate::error::{Error, ErrorKind};
use crate::numpy::{self, Entropy};
use wasm_bindgen::prelude::*;

/// `SeedSequence` entropy from JS: an integer Number or BigInt of any size, or an Array / typed
/// array of them (nested arrays are flattened, as NumPy does).
fn entropy(value: &JsValue, in_sequence: bool) -> Result<Entropy, Error> {
    if let Some(number) = numeric(value) {
        return number
            .integer()
            .map(Entropy::Int)
            .map_err(|x| Entropy::float_error(x, in_sequence));
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

/// `np.random.default_rng(seed)`: a non-negative integer of any size (Number or BigInt) or an
/// Array of them; undefined or null: OS entropy.
#[wasm_bindgen(js_name = defaultRng)]
pub fn default_rng(
    #[wasm_bindgen(unchecked_optional_param_type = "SeedEntropy | null")] seed: JsValue,
) -> Result<JsGenerator, JsValue> {
    let seed = given(&seed).map(|seed| entropy(seed, false)).transpose()?;
    let inner = numpy::default_rng(seed.as_ref())?;
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
    pub fn random(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.random_sized(n)?)
    }

    /// `standard_normal(n)`: standard normals (ziggurat).
    #[wasm_bindgen(js_name = standardNormal)]
    pub fn standard_normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.standard_normal_sized(n)?)
    }

    /// `normal(loc, scale, n)`: `loc + scale * standardNormal`; `scale` must not be negative.
    pub fn normal(
        &mut self,
        loc: f64,
        scale: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.normal_sized(loc, scale, n)?)
    }

    /// `uniform(low, high, n)`: `high - low` must be finite and not negative.
    pub fn uniform(
        &mut self,
        low: f64,
        high: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.uniform_sized(low, high, n)?)
    }

    /// `integers(low, high, n)`: int64 values in [low, high); `high` undefined or null means
    /// [0, low). Bounds may be BigInt.
    pub fn integers(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint | null | undefined")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = given(&high).map(|high| int_arg(high, "high")).transpose()?;
        Ok(as_f64s(self.inner.integers_sized(low, high, n)?))
    }

    /// `permutation(n)`: 0..n-1 shuffled; a negative `n` gives an empty array, as in NumPy.
    pub fn permutation(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let n = int_or(&n, "n", |_| {
            Error::new(
                ErrorKind::AxisError,
                "axis 0 is out of bounds for array of dimension 0",
            )
        })?;
        Ok(as_f64s(self.inner.permutation(n)?))
    }

    /// `choice(popSize, size, replace = true)`: `size` values of 0..popSize-1, distinct unless
    /// `replace`.
    pub fn choice(
        &mut self,
        #[wasm_bindgen(js_name = popSize, unchecked_param_type = "number | bigint")]
        pop_size: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] size: Option<f64>,
        replace: Option<bool>,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = int_or(&pop_size, "popSize", |_| {
            Error::value("a must be a sequence or an integer, not <class 'float'>")
        })?;
        let replace = replace.unwrap_or(true);
        Ok(as_f64s(self.inner.choice_sized(pop_size, size, replace)?))
    }
}

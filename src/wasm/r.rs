//! `RRandom`: R's `set.seed` / `runif` / `rnorm` / `sample` (default RNG kinds) for JavaScript.

use super::{describe, given, numeric, JsNumeric};
use crate::error::Error;
use crate::r;
use wasm_bindgen::prelude::*;

/// A `set.seed` argument from JS: undefined/null (re-initialise from entropy, like
/// `set.seed(NULL)`), a Number (truncated, as `as.integer` does), a BigInt, or a boolean.
fn r_seed(value: &JsValue) -> Result<Option<i32>, Error> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    match numeric(value) {
        Some(JsNumeric::Number(x)) => return r::seed_from_f64(x).map(Some),
        // Beyond i128 is beyond int as well.
        Some(JsNumeric::BigInt(int)) => {
            return r::seed_from_int(int.to_i128_saturating()).map(Some)
        }
        None => {}
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Some(i32::from(flag)));
    }
    Err(Error::type_error(format!(
        "seed must be a number (Number or BigInt), got a {}",
        describe(value)
    )))
}

/// The `n` of `runif`/`rnorm`, required as in R.
fn r_count(n: Option<f64>) -> Result<usize, Error> {
    r::count_from_f64(n.ok_or_else(|| r::missing_argument("n"))?)
}

/// R's random number generator with the default kinds (Mersenne-Twister, Inversion, Rejection).
///
/// ```js
/// // set.seed(17); rnorm(3)
/// new RRandom(17).rnorm(3); // Float64Array [-1.0150087164606165, -0.07963673712976711, -0.23298702195762605]
/// ```
#[wasm_bindgen(js_name = RRandom)]
pub struct JsRRandom {
    inner: r::Random,
}

#[wasm_bindgen(js_class = RRandom)]
impl JsRRandom {
    /// `new RRandom(seed?)`: `set.seed(seed)` when given; a fresh random state otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | boolean | null")]
        seed: JsValue,
    ) -> Result<JsRRandom, JsValue> {
        let inner = r::Random::from_seed(r_seed(&seed)?)?;
        Ok(JsRRandom { inner })
    }

    /// `set.seed(seed)`: an integer in (-2**31, 2**31) (fractions truncated); undefined/null
    /// re-initialises randomly, as `set.seed(NULL)` does. On error the state is unchanged.
    #[wasm_bindgen(js_name = setSeed)]
    pub fn set_seed(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | boolean | null")]
        seed: JsValue,
    ) -> Result<(), JsValue> {
        self.inner = r::Random::from_seed(r_seed(&seed)?)?;
        Ok(())
    }

    /// `.Random.seed`: 626 integers (the kinds code 10403, the position, the 624 state words).
    #[wasm_bindgen(js_name = randomSeed)]
    pub fn random_seed(&self) -> Vec<i32> {
        self.inner.random_seed()
    }

    /// `runif(n, min = 0, max = 1)`.
    pub fn runif(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        min: Option<f64>,
        max: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = r_count(n)?;
        Ok(self
            .inner
            .runif(n, min.unwrap_or(0.0), max.unwrap_or(1.0))?)
    }

    /// `rnorm(n, mean = 0, sd = 1)`.
    pub fn rnorm(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        mean: Option<f64>,
        sd: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = r_count(n)?;
        Ok(self
            .inner
            .rnorm(n, mean.unwrap_or(0.0), sd.unwrap_or(1.0))?)
    }

    /// `sample(n, size = n, replace = FALSE)` (= `sample.int`): 1-based integers from `1..=n`, as a
    /// Float64Array.
    pub fn sample(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        size: Option<f64>,
        replace: Option<bool>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = n.ok_or_else(|| r::missing_argument("n"))?;
        Ok(self.inner.sample(n, size, replace.unwrap_or(false))?)
    }
}

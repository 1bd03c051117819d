//! `RRandom`: R's `set.seed` / `runif` / `rnorm` / `sample` (default RNG kinds) for JavaScript.

use super::{describe, js_error};
use crate::error::{Error, ErrorKind};
use crate::r;
use wasm_bindgen::prelude::*;

/// R's error for a call without its required first argument.
fn missing(argument: &str) -> JsValue {
    js_error(Error::new(
        ErrorKind::RError,
        format!("argument \"{argument}\" is missing, with no default"),
    ))
}

/// A `set.seed` argument from JS: undefined/null (re-initialise from entropy, like
/// `set.seed(NULL)`), a Number (truncated, as `as.integer` does), a BigInt, or a boolean.
fn r_seed(value: &JsValue) -> Result<Option<i32>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(x) = value.as_f64() {
        return r::seed_from_f64(x).map(Some);
    }
    if value.is_bigint() {
        let text = String::from(
            js_sys::BigInt::from(value.clone())
                .to_string(10)
                .unwrap_or_else(|_| "NA".into()),
        );
        // Beyond i128 is beyond int as well.
        return r::seed_from_int(text.parse().unwrap_or(i128::MAX)).map(Some);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Some(i32::from(flag)));
    }
    Err(Error::type_error(format!(
        "seed must be a number (Number or BigInt), got a {}",
        describe(value)
    )))
}

fn seeded(seed: Option<i32>) -> Result<r::Random, Error> {
    match seed {
        Some(seed) => Ok(r::Random::new(seed)),
        None => r::Random::from_entropy(),
    }
}

fn r_count(n: Option<f64>) -> Result<usize, JsValue> {
    let n = n.ok_or_else(|| missing("n"))?;
    r::count_from_f64(n).map_err(js_error)
}

/// R's random number generator with the default kinds (Mersenne-Twister, Inversion, Rejection).
#[wasm_bindgen(js_name = RRandom)]
pub struct JsRRandom {
    inner: r::Random,
}

#[wasm_bindgen(js_class = RRandom)]
impl JsRRandom {
    /// `new RRandom(seed?)`: `set.seed(seed)` when given; a fresh random state otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: JsValue) -> Result<JsRRandom, JsValue> {
        let inner = r_seed(&seed).and_then(seeded).map_err(js_error)?;
        Ok(JsRRandom { inner })
    }

    /// `set.seed(seed)`: an integer in (-2**31, 2**31) (fractions truncated); undefined/null
    /// re-initialises randomly, as `set.seed(NULL)` does. On error the state is unchanged.
    #[wasm_bindgen(js_name = setSeed)]
    pub fn set_seed(&mut self, seed: JsValue) -> Result<(), JsValue> {
        self.inner = r_seed(&seed).and_then(seeded).map_err(js_error)?;
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
        n: Option<f64>,
        min: Option<f64>,
        max: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = r_count(n)?;
        self.inner
            .runif(n, min.unwrap_or(0.0), max.unwrap_or(1.0))
            .map_err(js_error)
    }

    /// `rnorm(n, mean = 0, sd = 1)`.
    pub fn rnorm(
        &mut self,
        n: Option<f64>,
        mean: Option<f64>,
        sd: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = r_count(n)?;
        self.inner
            .rnorm(n, mean.unwrap_or(0.0), sd.unwrap_or(1.0))
            .map_err(js_error)
    }

    /// `sample(n, size = n, replace = FALSE)` (= `sample.int`): 1-based integers from `1..=n`, as a
    /// Float64Array.
    pub fn sample(
        &mut self,
        n: Option<f64>,
        size: Option<f64>,
        replace: Option<bool>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = n.ok_or_else(|| missing("n"))?;
        self.inner
            .sample(n, size, replace.unwrap_or(false))
            .map_err(js_error)
    }
}

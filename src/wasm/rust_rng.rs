//! `RustRng`: `rand_pcg::Pcg64::seed_from_u64(seed)` with `rand` / `rand_distr`, for JavaScript.

use super::{describe, given, numeric, required_count, JsNumeric};
use crate::error::Error;
use crate::rust_rng::{self, RustRng};
use wasm_bindgen::prelude::*;

/// A `u64` seed from JS: an integer Number or BigInt.
fn rust_seed(value: &JsValue) -> Result<RustRng, Error> {
    match numeric(value).map(JsNumeric::integer) {
        Some(Ok(int)) => RustRng::from_seed_int(int.to_i128_saturating()),
        Some(Err(x)) => Err(Error::type_error(format!(
            "seed must be an integer (a u64); got {x}"
        ))),
        None => Err(Error::type_error(format!(
            "seed must be an integer (Number or BigInt); got a {}",
            describe(value)
        ))),
    }
}

/// How many values to draw.
fn rust_count(n: Option<f64>) -> Result<usize, Error> {
    rust_rng::size_from_f64(required_count(n)?)
}

/// Rust's `rand_pcg::Pcg64::seed_from_u64(seed)`, sampled with `rand` 0.10 and `rand_distr` 0.6.
///
/// ```js
/// // let mut rng = Pcg64::seed_from_u64(17); two rng.random::<f64>()
/// new RustRng(17).random(2); // Float64Array [0.611466512648162, 0.6132198611595473]
/// ```
#[wasm_bindgen(js_name = RustRng)]
pub struct JsRustRng {
    inner: RustRng,
}

#[wasm_bindgen(js_class = RustRng)]
impl JsRustRng {
    /// `new RustRng(seed?)`: `Pcg64::seed_from_u64(seed)`, seed in [0, 2**64); none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] seed: JsValue,
    ) -> Result<JsRustRng, JsValue> {
        let inner = match given(&seed) {
            Some(seed) => rust_seed(seed)?,
            None => RustRng::from_entropy()?,
        };
        Ok(JsRustRng { inner })
    }

    /// `rng.random::<f64>()` `n` times: a `Float64Array` in [0, 1).
    pub fn random(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = rust_count(n)?;
        Ok(self.inner.random(n)?)
    }

    /// `rng.sample(rand_distr::StandardNormal)` `n` times: a `Float64Array`.
    #[wasm_bindgen(js_name = standardNormal)]
    pub fn standard_normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = rust_count(n)?;
        Ok(self.inner.standard_normal(n)?)
    }

    /// `rng.sample(Uniform::new(low, high)?)` `n` times: a `Float64Array` in [low, high).
    pub fn uniform(
        &mut self,
        low: f64,
        high: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = rust_count(n)?;
        Ok(self.inner.uniform(low, high, n)?)
    }
}

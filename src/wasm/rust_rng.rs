//! `RustRng`: `rand_pcg::Pcg64::seed_from_u64(seed)` with `rand` / `rand_distr`, for JavaScript.

use super::{describe, js_error, js_int, required_count, JsInt};
use crate::error::Error;
use crate::rust_rng::{self, RustRng};
use wasm_bindgen::prelude::*;

/// A `u64` seed from JS: an integer Number or BigInt.
fn rust_seed(value: &JsValue) -> Result<RustRng, Error> {
    match js_int(value) {
        Some(JsInt::Int(v)) => RustRng::from_seed_int(v),
        Some(JsInt::NotInteger(x)) => Err(Error::type_error(format!(
            "seed must be an integer (a u64); got {x}"
        ))),
        None => Err(Error::type_error(format!(
            "seed must be an integer (Number or BigInt); got a {}",
            describe(value)
        ))),
    }
}

fn rust_count(n: Option<f64>) -> Result<usize, JsValue> {
    required_count(n)
        .and_then(rust_rng::size_from_f64)
        .map_err(js_error)
}

/// Rust's `rand_pcg::Pcg64::seed_from_u64(seed)`, sampled with `rand` 0.10 and `rand_distr` 0.6.
#[wasm_bindgen(js_name = RustRng)]
pub struct JsRustRng {
    inner: RustRng,
}

#[wasm_bindgen(js_class = RustRng)]
impl JsRustRng {
    /// `new RustRng(seed?)`: `Pcg64::seed_from_u64(seed)`, seed in [0, 2**64); none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: JsValue) -> Result<JsRustRng, JsValue> {
        let inner = if seed.is_undefined() || seed.is_null() {
            RustRng::from_entropy()
        } else {
            rust_seed(&seed)
        };
        inner.map(|inner| JsRustRng { inner }).map_err(js_error)
    }

    /// `rng.random::<f64>()` `n` times: a `Float64Array` in [0, 1).
    pub fn random(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = rust_count(n)?;
        self.inner.random(n).map_err(js_error)
    }

    /// `rng.sample(rand_distr::StandardNormal)` `n` times: a `Float64Array`.
    #[wasm_bindgen(js_name = standardNormal)]
    pub fn standard_normal(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = rust_count(n)?;
        self.inner.standard_normal(n).map_err(js_error)
    }

    /// `rng.sample(Uniform::new(low, high)?)` `n` times: a `Float64Array` in [low, high).
    pub fn uniform(&mut self, low: f64, high: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = rust_count(n)?;
        self.inner.uniform(low, high, n).map_err(js_error)
    }
}

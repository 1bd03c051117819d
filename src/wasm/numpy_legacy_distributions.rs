//! `RandomState`'s further distributions for JavaScript: `standard_exponential`, `exponential`,
//! `poisson`, `geometric`, `binomial`. Not in the page's first-screen module (see mod.rs): the
//! page moves a generator to the full module, state and all, when code first calls one of these.

use super::{int_arg, JsRandomState};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `standard_exponential(n)`: `-log(1 - U)`.
    #[wasm_bindgen(js_name = standardExponential)]
    pub fn standard_exponential(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.standard_exponential_sized(n)?)
    }

    /// `exponential(scale, n)`; `scale` must not be negative.
    pub fn exponential(
        &mut self,
        scale: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.exponential_sized(scale, n)?)
    }

    /// `poisson(lam, n)`: int64 values in a `BigInt64Array`.
    pub fn poisson(
        &mut self,
        lam: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<i64>, JsValue> {
        Ok(self.inner.poisson_sized(lam, n)?)
    }

    /// `geometric(p, n)`: int64 values in a `BigInt64Array`.
    pub fn geometric(
        &mut self,
        p: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<i64>, JsValue> {
        Ok(self.inner.geometric_sized(p, n)?)
    }

    /// `binomial(trials, p, n)` (NumPy's `n, p, size`): int64 values in a `BigInt64Array`.
    pub fn binomial(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] trials: JsValue,
        p: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<i64>, JsValue> {
        let trials = int_arg(&trials, "trials")?;
        Ok(self.inner.binomial_sized(trials, p, n)?)
    }
}

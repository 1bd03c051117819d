//! `TorchGenerator`: PyTorch's default CPU generator for JavaScript.

use super::{as_f64s, given, int_arg};
use crate::torch;
use wasm_bindgen::prelude::*;

/// PyTorch's default CPU generator.
#[wasm_bindgen(js_name = TorchGenerator)]
pub struct JsTorchGenerator {
    inner: torch::Generator,
}

#[wasm_bindgen(js_class = TorchGenerator)]
impl JsTorchGenerator {
    /// `new TorchGenerator(seed?)`: `manualSeed(seed)` when given; OS entropy otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] seed: JsValue,
    ) -> Result<JsTorchGenerator, JsValue> {
        let inner = match given(&seed) {
            Some(seed) => torch::Generator::from_seed(int_arg(seed, "seed")?)?,
            None => torch::Generator::from_entropy()?,
        };
        Ok(JsTorchGenerator { inner })
    }

    /// `manual_seed(seed)`: any int in [-2**63, 2**64).
    #[wasm_bindgen(js_name = manualSeed)]
    pub fn manual_seed(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] seed: JsValue,
    ) -> Result<(), JsValue> {
        Ok(self.inner.manual_seed(int_arg(&seed, "seed")?)?)
    }

    /// `initial_seed()` as a BigInt.
    #[wasm_bindgen(js_name = initialSeed)]
    pub fn initial_seed(&self) -> u64 {
        self.inner.initial_seed()
    }

    /// `torch.randn(n)`: float32 standard normals.
    pub fn randn(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f32>, JsValue> {
        Ok(self.inner.randn_sized(n)?)
    }

    /// `torch.rand(n)`: float32 uniforms in [0, 1).
    pub fn rand(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f32>, JsValue> {
        Ok(self.inner.rand_sized(n)?)
    }

    /// `torch.randint(low, high, (n,))`: int64 values in [low, high) as a Float64Array.
    pub fn randint(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = int_arg(&high, "high")?;
        Ok(as_f64s(self.inner.randint_sized(low, high, n)?))
    }
}

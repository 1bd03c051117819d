//! `TorchGenerator`: PyTorch's default CPU generator for JavaScript.

use super::{as_f64s, int_arg, js_error, required_count};
use crate::error::Error;
use crate::torch;
use wasm_bindgen::prelude::*;

/// A PyTorch seed from JS: an integer Number or BigInt.
fn torch_seed(value: &JsValue) -> Result<i128, Error> {
    int_arg(value, "seed")
}

/// A tensor length from JS, with PyTorch's messages.
fn torch_count(n: Option<f64>, function: &str) -> Result<usize, JsValue> {
    required_count(n)
        .and_then(|n| torch::size_from_f64(n, function))
        .map_err(js_error)
}
/// PyTorch's default CPU generator.
#[wasm_bindgen(js_name = TorchGenerator)]
pub struct JsTorchGenerator {
    inner: torch::Generator,
}

#[wasm_bindgen(js_class = TorchGenerator)]
impl JsTorchGenerator {
    /// `new TorchGenerator(seed?)`: `manualSeed(seed)` when given; OS entropy otherwise.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: JsValue) -> Result<JsTorchGenerator, JsValue> {
        let inner = if seed.is_undefined() || seed.is_null() {
            torch::Generator::from_entropy()
        } else {
            let mut g = torch::Generator::new(0);
            torch_seed(&seed).and_then(|s| g.manual_seed(s)).map(|()| g)
        };
        inner
            .map(|inner| JsTorchGenerator { inner })
            .map_err(js_error)
    }

    /// `manual_seed(seed)`: any int in [-2**63, 2**64).
    #[wasm_bindgen(js_name = manualSeed)]
    pub fn manual_seed(&mut self, seed: JsValue) -> Result<(), JsValue> {
        torch_seed(&seed)
            .and_then(|s| self.inner.manual_seed(s))
            .map_err(js_error)
    }

    /// `initial_seed()` as a BigInt.
    #[wasm_bindgen(js_name = initialSeed)]
    pub fn initial_seed(&self) -> u64 {
        self.inner.initial_seed()
    }

    /// `torch.randn(n)`: float32 standard normals.
    pub fn randn(&mut self, n: Option<f64>) -> Result<Vec<f32>, JsValue> {
        let n = torch_count(n, "randn")?;
        self.inner.randn(n).map_err(js_error)
    }

    /// `torch.rand(n)`: float32 uniforms in [0, 1).
    pub fn rand(&mut self, n: Option<f64>) -> Result<Vec<f32>, JsValue> {
        let n = torch_count(n, "rand")?;
        self.inner.rand(n).map_err(js_error)
    }

    /// `torch.randint(low, high, (n,))`: int64 values in [low, high) as a Float64Array.
    pub fn randint(
        &mut self,
        low: JsValue,
        high: JsValue,
        n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low").map_err(js_error)?;
        let high = int_arg(&high, "high").map_err(js_error)?;
        let n = torch_count(n, "randint")?;
        self.inner
            .randint(low, high, n)
            .map(as_f64s)
            .map_err(js_error)
    }
}

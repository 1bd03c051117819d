//! `TorchGenerator`: PyTorch's CPU generator for JavaScript: seeding and state, `rand` / `randn`
//! / `randint`, the dtype-aware in-place fills and `randperm`. (`nn.init`, the layers and dropout
//! are in `torch_nn.rs`, the DataLoader in `torch_data.rs`.)
//!
//! A dtype is named by a string (`TorchDtype`), and a tensor's values travel as the typed array
//! of its dtype (`TorchArray`): `Float32Array`, `Float64Array`, or `BigInt64Array` for int64, so
//! that values beyond 2**53 stay exact.

use super::{as_f64s, describe, given, int_arg, string_arg};
use crate::error::Error;
use crate::torch::{self, Dtype, TensorValues};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A dtype from its JS name.
pub(super) fn dtype(name: &JsValue) -> Result<Dtype, Error> {
    Dtype::from_name(&string_arg(name, "dtype")?)
}

/// A tensor's values as the typed array of its dtype.
pub(super) fn tensor_to_js(values: TensorValues) -> JsValue {
    match values {
        TensorValues::Float32(v) => js_sys::Float32Array::from(&v[..]).into(),
        TensorValues::Float64(v) => js_sys::Float64Array::from(&v[..]).into(),
        TensorValues::Int64(v) => js_sys::BigInt64Array::from(&v[..]).into(),
    }
}

/// A tensor's values from a `Float32Array`, `Float64Array` or `BigInt64Array`, which give its
/// dtype.
pub(super) fn tensor_from_js(value: &JsValue, what: &str) -> Result<TensorValues, Error> {
    if let Some(v) = value.dyn_ref::<js_sys::Float32Array>() {
        return Ok(TensorValues::Float32(v.to_vec()));
    }
    if let Some(v) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(TensorValues::Float64(v.to_vec()));
    }
    if let Some(v) = value.dyn_ref::<js_sys::BigInt64Array>() {
        return Ok(TensorValues::Int64(v.to_vec()));
    }
    Err(Error::type_error(format!(
        "{what} must be a Float32Array, Float64Array or BigInt64Array (float32, float64, int64), got a {}",
        describe(value)
    )))
}

/// PyTorch's CPU generator: the default generator (`torch.manual_seed`, `torch.rand`, ...) or a
/// `torch.Generator()`.
///
/// ```js
/// // torch.manual_seed(17); torch.randn(2)
/// new TorchGenerator(17).randn(2); // Float32Array [-1.41351318359375, 0.23363074660301208]
/// ```
#[wasm_bindgen(js_name = TorchGenerator)]
pub struct JsTorchGenerator {
    pub(super) inner: torch::Generator,
}

/// `torch.Generator()`: a new generator, seeded with 67280421310721 as torch seeds it. (`new
/// TorchGenerator()` is seeded from OS entropy instead, as torch's default generator is.)
#[wasm_bindgen(js_name = torchGenerator)]
pub fn torch_generator() -> JsTorchGenerator {
    JsTorchGenerator {
        inner: torch::Generator::default(),
    }
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

    /// `torch.seed()` / `Generator.seed()`: reseeds from 64 bits of OS entropy and returns the
    /// seed as a BigInt.
    pub fn seed(&mut self) -> Result<u64, JsValue> {
        Ok(self.inner.seed()?)
    }

    /// `get_rng_state()` / `get_state()`: torch's 5056 bytes.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> Vec<u8> {
        self.inner.get_state()
    }

    /// `set_rng_state(state)` / `set_state(state)` from torch's 5056 bytes; on error the
    /// generator is unchanged.
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] state: JsValue,
    ) -> Result<(), JsValue> {
        let Some(bytes) = state.dyn_ref::<js_sys::Uint8Array>() else {
            return Err(Error::type_error(format!(
                "state must be a Uint8Array, got a {}",
                describe(&state)
            ))
            .into());
        };
        Ok(self.inner.set_state(&bytes.to_vec())?)
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

    /// `torch.empty(n, dtype=dtype).uniform_(from, to)` (`torch.rand(n, dtype=dtype)` with the
    /// defaults 0 and 1; `nn.init.uniform_(t, a, b)`).
    #[wasm_bindgen(unchecked_return_type = "TorchArray")]
    pub fn uniform(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        from: Option<f64>,
        to: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        let values = self
            .inner
            .uniform_(dtype, n, from.unwrap_or(0.0), to.unwrap_or(1.0))?;
        Ok(tensor_to_js(values))
    }

    /// `torch.empty(n, dtype=dtype).normal_(mean, std)` (`torch.randn(n, dtype=dtype)` with the
    /// defaults 0 and 1; `torch.normal(mean, std, (n,))`; `nn.init.normal_`).
    #[wasm_bindgen(unchecked_return_type = "TorchArray")]
    pub fn normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        mean: Option<f64>,
        std: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        let values = self
            .inner
            .normal_(dtype, n, mean.unwrap_or(0.0), std.unwrap_or(1.0))?;
        Ok(tensor_to_js(values))
    }

    /// `torch.empty(n, dtype=dtype).random_()`: int64 in [0, 2**63); float32 in [0, 2**24];
    /// float64 in [0, 2**53].
    #[wasm_bindgen(unchecked_return_type = "TorchArray")]
    pub fn random(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        Ok(tensor_to_js(self.inner.random_(dtype, n)?))
    }

    /// `torch.empty(n, dtype=dtype).random_(from, to)`: values in [from, to); `to` undefined or
    /// null is `random_(from, None)`, up to the dtype's largest integer. `random_(to)` is
    /// `randomFromTo(dtype, n, 0, to)`, and `torch.randint(low, high, (n,), dtype=dtype)` is
    /// `randomFromTo(dtype, n, low, high)`. Bounds may be BigInt.
    #[wasm_bindgen(js_name = randomFromTo, unchecked_return_type = "TorchArray")]
    pub fn random_from_to(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] from: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] to: JsValue,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        let from = int_arg(&from, "from")?;
        let to = given(&to).map(|to| int_arg(to, "to")).transpose()?;
        Ok(tensor_to_js(
            self.inner.random_from_to_(dtype, n, from, to)?,
        ))
    }

    /// `torch.empty(n, dtype=dtype).bernoulli_(p)` (p defaults to 0.5): 1 with probability `p`,
    /// else 0.
    #[wasm_bindgen(unchecked_return_type = "TorchArray")]
    pub fn bernoulli(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        p: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        Ok(tensor_to_js(self.inner.bernoulli_(
            dtype,
            n,
            p.unwrap_or(0.5),
        )?))
    }

    /// `torch.bernoulli(probs)` (pass the probabilities' own dtype) or `t.bernoulli_(probs)`
    /// (pass `t`'s dtype): one draw per probability, in element order. The probabilities'
    /// typed array is their dtype (float32 draws one word each, float64 two), already
    /// broadcast to the output's shape.
    #[wasm_bindgen(js_name = bernoulliProbs, unchecked_return_type = "TorchArray")]
    pub fn bernoulli_probs(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TorchArray")] probs: JsValue,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let probs = tensor_from_js(&probs, "probs")?;
        Ok(tensor_to_js(self.inner.bernoulli_probs(dtype, &probs)?))
    }

    /// `torch.empty(n, dtype=dtype).exponential_(lambd)` (lambd defaults to 1).
    #[wasm_bindgen(unchecked_return_type = "TorchArray")]
    pub fn exponential(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "TorchDtype")] dtype: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        lambd: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let dtype = self::dtype(&dtype)?;
        let n = torch::empty_len(n, dtype)?;
        Ok(tensor_to_js(self.inner.exponential_(
            dtype,
            n,
            lambd.unwrap_or(1.0),
        )?))
    }

    /// `torch.randperm(n)`: 0..n-1 shuffled, as int64.
    pub fn randperm(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
    ) -> Result<Vec<i64>, JsValue> {
        let n = super::int_or(&n, "n", |_| {
            Error::type_error("randperm(): argument 'n' (position 1) must be int, not float")
        })?;
        Ok(self.inner.randperm(n)?)
    }
}

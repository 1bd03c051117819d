//! The `*Into` methods: fill a typed array the caller owns, as numpy's `out=` does, so that a
//! page drawing many values reuses one array instead of allocating a new one per call (which a
//! browser pays for in page faults, more than the drawing itself at millions of values).
//!
//! The values are drawn a chunk at a time into a small buffer in wasm memory and copied into the
//! caller's array: one copy, no buffer of the array's size. Only for fills that give the same
//! values in pieces as in one call (every dialect's `fill_*` is tested for that); torch's
//! `randn` is not one of them (its last block depends on the length), so its `randnInto` fills a
//! copy of the whole array. Anything but the typed array named is refused with a `TypeError`
//! before a value is drawn.

use crate::error::Error;
use crate::numpy::{Generator, RandomState};
use crate::torch::Generator as TorchGenerator;
use js_sys::{Float32Array, Float64Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{describe, JsGenerator, JsRandomState, JsTorchGenerator};

/// Values drawn per chunk.
const CHUNK: usize = 4096;

/// Fills `out` a chunk at a time with `fill`.
fn fill_f64_chunked(out: &Float64Array, mut fill: impl FnMut(&mut [f64])) {
    let n = out.length() as usize;
    let mut buffer = vec![0.0; CHUNK.min(n)];
    let mut start = 0;
    while start < n {
        let chunk = &mut buffer[..CHUNK.min(n - start)];
        fill(chunk);
        let end = start + chunk.len();
        out.subarray(start as u32, end as u32).copy_from(chunk);
        start = end;
    }
}

/// [`fill_f64_chunked`] for a `Float32Array`.
fn fill_f32_chunked(out: &Float32Array, mut fill: impl FnMut(&mut [f32])) {
    let n = out.length() as usize;
    let mut buffer = vec![0.0; CHUNK.min(n)];
    let mut start = 0;
    while start < n {
        let chunk = &mut buffer[..CHUNK.min(n - start)];
        fill(chunk);
        let end = start + chunk.len();
        out.subarray(start as u32, end as u32).copy_from(chunk);
        start = end;
    }
}

/// `out` as a `Float64Array`, or the TypeError that names what it is instead. (Checked here:
/// a typed-array parameter is not checked by wasm-bindgen, and a JS exception thrown while a
/// method holds its generator would leave the generator unusable.)
fn float64_array(out: &JsValue) -> Result<&Float64Array, Error> {
    out.dyn_ref::<Float64Array>()
        .ok_or_else(|| Error::type_error(format!("out must be a Float64Array, got {}", kind(out))))
}

/// [`float64_array`] for a `Float32Array`.
fn float32_array(out: &JsValue) -> Result<&Float32Array, Error> {
    out.dyn_ref::<Float32Array>()
        .ok_or_else(|| Error::type_error(format!("out must be a Float32Array, got {}", kind(out))))
}

/// What a value is, for the messages above: a typed array by its class, else its JS type.
fn kind(value: &JsValue) -> String {
    if js_sys::ArrayBuffer::is_view(value) || js_sys::Array::is_array(value) {
        let class = js_sys::Reflect::get(value, &"constructor".into())
            .and_then(|c| js_sys::Reflect::get(&c, &"name".into()))
            .ok()
            .and_then(|name| name.as_string());
        if let Some(class) = class {
            return class;
        }
    }
    format!("a {}", describe(value))
}

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `rand(out.length)` into `out`: the same values and state, without a new array.
    #[wasm_bindgen(js_name = randInto)]
    pub fn rand_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: JsValue,
    ) -> Result<(), JsValue> {
        let out = float64_array(&out)?;
        fill_f64_chunked(out, |chunk| RandomState::fill_rand(&mut self.inner, chunk));
        Ok(())
    }

    /// `randn(out.length)` into `out` (the cached gaussian carries over, as in `randn`).
    #[wasm_bindgen(js_name = randnInto)]
    pub fn randn_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: JsValue,
    ) -> Result<(), JsValue> {
        let out = float64_array(&out)?;
        fill_f64_chunked(out, |chunk| RandomState::fill_randn(&mut self.inner, chunk));
        Ok(())
    }
}

#[wasm_bindgen(js_class = Generator)]
impl JsGenerator {
    /// `random(out.length)` into `out`, as `rng.random(out=out)`.
    #[wasm_bindgen(js_name = randomInto)]
    pub fn random_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: JsValue,
    ) -> Result<(), JsValue> {
        let out = float64_array(&out)?;
        fill_f64_chunked(out, |chunk| Generator::fill_random(&mut self.inner, chunk));
        Ok(())
    }

    /// `standard_normal(out.length)` into `out`, as `rng.standard_normal(out=out)`.
    #[wasm_bindgen(js_name = standardNormalInto)]
    pub fn standard_normal_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: JsValue,
    ) -> Result<(), JsValue> {
        let out = float64_array(&out)?;
        fill_f64_chunked(out, |chunk| {
            Generator::fill_standard_normal(&mut self.inner, chunk)
        });
        Ok(())
    }
}

#[wasm_bindgen(js_class = TorchGenerator)]
impl JsTorchGenerator {
    /// `torch.rand(out.length)` into `out`, as `torch.rand(n, out=out)`.
    #[wasm_bindgen(js_name = randInto)]
    pub fn rand_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] out: JsValue,
    ) -> Result<(), JsValue> {
        let out = float32_array(&out)?;
        fill_f32_chunked(out, |chunk| {
            TorchGenerator::fill_rand(&mut self.inner, chunk)
        });
        Ok(())
    }

    /// `torch.randn(out.length)` into `out`, as `torch.randn(n, out=out)` (the path depends on
    /// the length, as in PyTorch).
    #[wasm_bindgen(js_name = randnInto)]
    pub fn randn_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array")] out: JsValue,
    ) -> Result<(), JsValue> {
        let out = float32_array(&out)?;
        let mut values = vec![0.0; out.length() as usize];
        self.inner.fill_randn(&mut values);
        out.copy_from(&values);
        Ok(())
    }
}

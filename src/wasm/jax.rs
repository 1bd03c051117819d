//! `jaxKey`, `jaxSplit`, `jaxUniform`, `jaxNormal`: `jax.random` (threefry2x32, CPU, 32-bit
//! mode) for JavaScript. JAX is functional, so these are free functions of a key: a
//! `Uint32Array` of two words, as `jax.random.key_data` shows it.

use super::{describe, numeric, required_count, JsNumeric};
use crate::error::Error;
use crate::jax;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JAX seed from JS: an integer Number or BigInt (a Python int).
fn jax_seed(value: &JsValue) -> Result<i128, Error> {
    match numeric(value).map(JsNumeric::integer) {
        Some(Ok(int)) => Ok(int.to_i128_saturating()),
        // JAX prints the traced float here ("got JitTracer(~float32[])"); the value is clearer.
        Some(Err(x)) => Err(Error::type_error(format!(
            "PRNG key seed must be an integer; got {x}"
        ))),
        None => Err(Error::type_error(format!(
            "PRNG key seed must be an integer (Number or BigInt); got a {}",
            describe(value)
        ))),
    }
}

/// A key from JS: a `Uint32Array` or an `Array` of words (Numbers or BigInts in [0, 2**32)).
/// Any length converts; [`jax::key_from_words`] then insists on two, with JAX's message.
fn jax_key_arg(value: &JsValue) -> Result<jax::Key, Error> {
    let words = if value.is_instance_of::<js_sys::Uint32Array>() {
        js_sys::Uint32Array::from(value.clone()).to_vec()
    } else if js_sys::Array::is_array(value) {
        js_sys::Array::from(value)
            .iter()
            .map(|item| match numeric(&item).map(JsNumeric::integer) {
                Some(Ok(w)) => {
                    u32::try_from(w.to_i128_saturating()).map_err(|_| key_word_error(&item))
                }
                _ => Err(key_word_error(&item)),
            })
            .collect::<Result<Vec<u32>, Error>>()?
    } else {
        return Err(Error::type_error(format!(
            "key must be a Uint32Array of 2 words, as jaxKey and jaxSplit return; got a {}",
            describe(value)
        )));
    };
    jax::key_from_words(&words)
}

fn key_word_error(item: &JsValue) -> Error {
    let shown = item
        .as_f64()
        .map(|x| x.to_string())
        .unwrap_or_else(|| format!("a {}", describe(item)));
    Error::type_error(format!(
        "key words must be integers in [0, 2**32) (uint32); got {shown}"
    ))
}

/// A shape `(n,)` from JS, with JAX's messages.
fn jax_count(n: Option<f64>, what: &str) -> Result<usize, Error> {
    jax::size_from_f64(required_count(n)?, what)
}

/// Two words per key, flat: key `i` is `[out[2i], out[2i+1]]`.
fn flatten(keys: Vec<jax::Key>) -> Vec<u32> {
    keys.into_iter().flatten().collect()
}

/// `jaxKey(seed)`: `jax.random.key_data(jax.random.key(seed))` (= `jax.random.PRNGKey(seed)`)
/// as a `Uint32Array` of 2 words. `seed`: an integer in [-2**63, 2**63).
#[wasm_bindgen(js_name = jaxKey)]
pub fn jax_key(
    #[wasm_bindgen(unchecked_param_type = "number | bigint")] seed: JsValue,
) -> Result<Vec<u32>, JsValue> {
    Ok(Vec::from(jax::key(jax_seed(&seed)?)?))
}

/// `jaxSplit(key, num = 2)`: `jax.random.split(key, num)` as a `Uint32Array` of `2 * num` words.
#[wasm_bindgen(js_name = jaxSplit)]
pub fn jax_split(
    #[wasm_bindgen(unchecked_param_type = "JaxKey")] key: JsValue,
    num: Option<f64>,
) -> Result<Vec<u32>, JsValue> {
    let key = jax_key_arg(&key)?;
    let num = jax::size_from_f64(num.unwrap_or(2.0), "split")?;
    Ok(flatten(jax::split(key, num)?))
}

/// `jaxUniform(key, n)`: `jax.random.uniform(key, (n,))`, a `Float32Array` in [0, 1).
#[wasm_bindgen(js_name = jaxUniform)]
pub fn jax_uniform(
    #[wasm_bindgen(unchecked_param_type = "JaxKey")] key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
) -> Result<Vec<f32>, JsValue> {
    let key = jax_key_arg(&key)?;
    let n = jax_count(n, "shape")?;
    Ok(jax::uniform(key, n)?)
}

/// `jaxNormal(key, n)`: `jax.random.normal(key, (n,))`, a `Float32Array` of standard normals.
#[wasm_bindgen(js_name = jaxNormal)]
pub fn jax_normal(
    #[wasm_bindgen(unchecked_param_type = "JaxKey")] key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
) -> Result<Vec<f32>, JsValue> {
    let key = jax_key_arg(&key)?;
    let n = jax_count(n, "shape")?;
    Ok(jax::normal(key, n)?)
}

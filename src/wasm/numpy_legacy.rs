//! `RandomState`: NumPy's legacy generator for JavaScript: seeding, state, and the draws the
//! page's first-screen module has (see mod.rs). Its sampling methods and further distributions
//! are in numpy_legacy_sampling.rs and numpy_legacy_distributions.rs.

use super::{
    as_f64s, describe, dtype_name, given, int_arg, int_array, numeric, set_field, string_arg,
    JsNumeric,
};
use crate::error::{Error, ErrorKind};
use crate::numpy::{self, CNumber, IntDtype, KeySequence, LegacyStateArgs};
use wasm_bindgen::prelude::*;

/// A NumPy legacy seed from JS: undefined/null, an integer, or an array of integers.
fn numpy_seed(value: &JsValue) -> Result<Option<numpy::Seed>, Error> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    if let Some(number) = numeric(value) {
        return match number.integer() {
            Ok(int) => Ok(Some(numpy::Seed::Int(int.to_i128_saturating()))),
            Err(_) => Err(numpy::Seed::float_error(false)),
        };
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        let mut words = Vec::new();
        for item in js_sys::Array::from(value).iter() {
            match numeric(&item).map(JsNumeric::integer) {
                Some(Ok(int)) => words.push(int.to_i128_saturating()),
                Some(Err(_)) => return Err(numpy::Seed::float_error(true)),
                None if js_sys::Array::is_array(&item) => {
                    return Err(Error::value("Seed array must be 1-d"))
                }
                None => {
                    return Err(Error::type_error(format!(
                        "Seed array elements must be integers, got a {}",
                        describe(&item)
                    )))
                }
            }
        }
        return Ok(Some(numpy::Seed::Array(words)));
    }
    Err(Error::type_error(format!(
        "Seed must be an integer, an array of integers, or undefined; got a {}",
        describe(value)
    )))
}

/// `numpy.random.RandomState`, and the global state behind `np.random.seed`.
///
/// ```js
/// // np.random.seed(17); np.random.randn(3)
/// new RandomState(17).randn(3); // Float64Array [0.27626589002131874, -1.854628078806505, 0.6239011113263563]
/// ```
#[wasm_bindgen(js_name = RandomState)]
pub struct JsRandomState {
    pub(super) inner: numpy::RandomState,
}

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `new RandomState(seed?)`: an int in [0, 2**32 - 1] or an Array of them; none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | IntArray | null")]
        seed: JsValue,
    ) -> Result<JsRandomState, JsValue> {
        let seed = numpy_seed(&seed)?;
        let inner = numpy::RandomState::new(seed.as_ref())?;
        Ok(JsRandomState { inner })
    }

    /// Reseeds in place (clears the cached gaussian); on error the state is unchanged.
    pub fn seed(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | IntArray | null")]
        seed: JsValue,
    ) -> Result<(), JsValue> {
        let seed = numpy_seed(&seed)?;
        Ok(self.inner.seed(seed.as_ref())?)
    }

    /// `rand(n)`: uniform doubles in [0, 1).
    pub fn rand(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.rand_sized(n)?)
    }

    /// `randn(n)`: standard normals (legacy polar method).
    pub fn randn(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.randn_sized(n)?)
    }

    /// `randint(low, high, n)`: integers in [low, high); `high` undefined or null means [0, low).
    pub fn randint(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint | null | undefined")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = given(&high).map(|high| int_arg(high, "high")).transpose()?;
        Ok(as_f64s(self.inner.randint_sized(low, high, n)?))
    }

    /// `uniform(low, high, n)`: doubles in [low, high) (`high < low` is allowed, as in NumPy).
    pub fn uniform(
        &mut self,
        low: f64,
        high: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.uniform_sized(low, high, n)?)
    }

    /// `normal(loc, scale, n)`: `loc + scale * randn`; `scale` must not be negative.
    pub fn normal(
        &mut self,
        loc: f64,
        scale: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.normal_sized(loc, scale, n)?)
    }

    /// `randint(low, high, n, dtype)`: integers in [low, high) in a typed array of the dtype
    /// (`BigInt64Array` for int64, ..., a `Uint8Array` of 0 / 1 for bool); `high` undefined or
    /// null means [0, low).
    #[wasm_bindgen(js_name = randintTyped, unchecked_return_type = "IntDtypeArray")]
    pub fn randint_typed(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint | null | undefined")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        #[wasm_bindgen(unchecked_optional_param_type = "IntDtype | null")] dtype: JsValue,
    ) -> Result<JsValue, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = given(&high).map(|high| int_arg(high, "high")).transpose()?;
        let dtype = IntDtype::parse(&dtype_name(&dtype, "int64")?, "randint")?;
        Ok(int_array(
            self.inner.randint_dtype_sized(low, high, n, dtype)?,
        ))
    }

    /// `get_state()`: the legacy tuple after `'MT19937'`.
    #[wasm_bindgen(js_name = getState, unchecked_return_type = "LegacyState")]
    pub fn get_state(&self) -> JsValue {
        let state = self.inner.get_state();
        let object = js_sys::Object::new();
        set_field(
            &object,
            "key",
            &js_sys::Uint32Array::from(&state.key[..]).into(),
        );
        set_field(&object, "pos", &JsValue::from_f64(state.pos as f64));
        set_field(
            &object,
            "hasGauss",
            &JsValue::from_f64(state.has_gauss.into()),
        );
        set_field(
            &object,
            "cachedGaussian",
            &JsValue::from_f64(state.cached_gaussian),
        );
        object.into()
    }

    /// `set_state((name, key, pos, hasGauss, cachedGaussian))`, or the 3-tuple form without the
    /// last two (which clears the cached gaussian). `key` as a typed array words a short key's
    /// error as an ndarray does, as an Array as a list does. Numbers with a fraction are
    /// truncated as Cython does; NumPy's partial updates on error are reproduced.
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "IntArray")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] pos: JsValue,
        #[wasm_bindgen(
            js_name = hasGauss,
            unchecked_optional_param_type = "number | bigint | boolean | null"
        )]
        has_gauss: JsValue,
        #[wasm_bindgen(js_name = cachedGaussian, unchecked_optional_param_type = "number | null")]
        cached_gaussian: JsValue,
    ) -> Result<(), JsValue> {
        let name = string_arg(&name, "name")?;
        let key_sequence = if js_sys::Array::is_array(&key) {
            KeySequence::List
        } else if js_sys::ArrayBuffer::is_view(&key) {
            KeySequence::Array
        } else {
            return Err(Error::type_error(format!(
                "key must be an Array or a typed array of integers, got a {}",
                describe(&key)
            ))
            .into());
        };
        let key = js_sys::Array::from(&key)
            .iter()
            .map(|v| c_number(&v, "key elements"))
            .collect::<Result<Vec<_>, _>>()?;
        let pos = c_number(&pos, "pos")?;
        let cached_gaussian = given(&cached_gaussian)
            .map(|g| {
                g.as_f64().ok_or_else(|| {
                    Error::type_error(format!("must be real number, not {}", describe(g)))
                })
            })
            .transpose()?;
        let gauss = match (given(&has_gauss), cached_gaussian) {
            (None, None) => None,
            (Some(has_gauss), Some(gauss)) => Some((c_number(has_gauss, "hasGauss")?, gauss)),
            // A 4-tuple: NumPy reads state[4] and fails.
            _ => return Err(Error::new(ErrorKind::IndexError, "tuple index out of range").into()),
        };
        Ok(self.inner.set_state(&LegacyStateArgs {
            name: &name,
            key: &key,
            key_sequence,
            pos,
            gauss,
        })?)
    }
}

/// A number `set_state` converts to a C integer: a BigInt or an integral Number as an int, any
/// other Number as a float (truncated by the dialect), a boolean as 0 / 1.
fn c_number(value: &JsValue, what: &str) -> Result<CNumber, Error> {
    if let Some(flag) = value.as_bool() {
        return Ok(CNumber::Int(i128::from(flag)));
    }
    match numeric(value) {
        Some(JsNumeric::BigInt(int)) => Ok(CNumber::Int(int.to_i128_saturating())),
        Some(JsNumeric::Number(x)) => Ok(match crate::py_int::PyInt::from_integral_f64(x) {
            Some(int) => CNumber::Int(int.to_i128_saturating()),
            None => CNumber::Float(x),
        }),
        None => Err(Error::type_error(format!(
            "{what} must be integers (Number or BigInt), got a {}",
            describe(value)
        ))),
    }
}

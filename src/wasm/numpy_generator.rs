//! `defaultRng` and `Generator`: NumPy's Generator API (`np.random.default_rng`) for JavaScript.

use super::numpy_legacy_sampling::{array_length, shuffle_in_place};
use super::{
    as_f64s, describe, dtype_name, float_array, given, int_arg, int_array, int_or, numeric,
    set_field,
};
use crate::error::{Error, ErrorKind};
use crate::numpy::{self, Entropy, IntDtype, Population};
use wasm_bindgen::prelude::*;

/// `SeedSequence` entropy from JS: an integer Number or BigInt of any size, or an Array / typed
/// array of them (nested arrays are flattened, as NumPy does).
fn entropy(value: &JsValue, in_sequence: bool) -> Result<Entropy, Error> {
    if let Some(number) = numeric(value) {
        return number
            .integer()
            .map(Entropy::Int)
            .map_err(|x| Entropy::float_error(x, in_sequence));
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        return js_sys::Array::from(value)
            .iter()
            .map(|item| entropy(&item, true))
            .collect::<Result<Vec<_>, _>>()
            .map(Entropy::Sequence);
    }
    Err(Error::type_error(format!(
        "seed must be an integer (Number or BigInt), an array of them, or undefined; got a {}",
        describe(value)
    )))
}

/// An optional boolean argument: `undefined` / `null` means `default`.
fn flag(value: &JsValue, name: &str, default: bool) -> Result<bool, Error> {
    match given(value) {
        None => Ok(default),
        Some(v) => v.as_bool().ok_or_else(|| {
            Error::type_error(format!("{name} must be a boolean, got a {}", describe(v)))
        }),
    }
}

/// `np.random.default_rng(seed)`: a non-negative integer of any size (Number or BigInt) or an
/// Array of them; undefined or null: OS entropy. With `spawnKey` (non-negative integers),
/// `default_rng(np.random.SeedSequence(seed, spawn_key=spawnKey))`.
#[wasm_bindgen(js_name = defaultRng)]
pub fn default_rng(
    #[wasm_bindgen(unchecked_optional_param_type = "SeedEntropy | null")] seed: JsValue,
    #[wasm_bindgen(js_name = spawnKey, unchecked_optional_param_type = "IntArray | null")]
    spawn_key: JsValue,
) -> Result<JsGenerator, JsValue> {
    let seed = given(&seed).map(|seed| entropy(seed, false)).transpose()?;
    let spawn_key = match given(&spawn_key) {
        None => Vec::new(),
        Some(key) if js_sys::Array::is_array(key) || js_sys::ArrayBuffer::is_view(key) => {
            js_sys::Array::from(key)
                .iter()
                .map(|item| match entropy(&item, true)? {
                    Entropy::Int(int) => Ok(int),
                    Entropy::Sequence(_) => Err(Error::type_error("spawn_key must hold integers")),
                })
                .collect::<Result<Vec<_>, Error>>()?
        }
        Some(other) => {
            return Err(Error::type_error(format!(
                "spawnKey must be an Array of integers, got a {}",
                describe(other)
            ))
            .into())
        }
    };
    let inner = numpy::default_rng_with_spawn_key(seed.as_ref(), &spawn_key)?;
    Ok(JsGenerator { inner })
}

/// `numpy.random.Generator` over PCG64, as `defaultRng(seed)` makes it.
///
/// ```js
/// // rng = np.random.default_rng(17); rng.standard_normal(3)
/// const rng = defaultRng(17);
/// rng.standardNormal(3); // Float64Array [1.101262453505847, 0.3384312766461778, -0.5399715152535035]
/// ```
#[wasm_bindgen(js_name = Generator)]
pub struct JsGenerator {
    pub(super) inner: numpy::Generator,
}

#[wasm_bindgen(js_class = Generator)]
impl JsGenerator {
    /// `random(n)`: uniform doubles in [0, 1).
    pub fn random(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.random_sized(n)?)
    }

    /// `standard_normal(n)`: standard normals (ziggurat).
    #[wasm_bindgen(js_name = standardNormal)]
    pub fn standard_normal(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.standard_normal_sized(n)?)
    }

    /// `normal(loc, scale, n)`: `loc + scale * standardNormal`; `scale` must not be negative.
    pub fn normal(
        &mut self,
        loc: f64,
        scale: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.normal_sized(loc, scale, n)?)
    }

    /// `uniform(low, high, n)`: `high - low` must be finite and not negative.
    pub fn uniform(
        &mut self,
        low: f64,
        high: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        Ok(self.inner.uniform_sized(low, high, n)?)
    }

    /// `integers(low, high, n)`: int64 values in [low, high); `high` undefined or null means
    /// [0, low). Bounds may be BigInt.
    pub fn integers(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint | null | undefined")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = given(&high).map(|high| int_arg(high, "high")).transpose()?;
        Ok(as_f64s(self.inner.integers_sized(low, high, n)?))
    }

    /// `permutation(n)`: 0..n-1 shuffled; a negative `n` gives an empty array, as in NumPy.
    pub fn permutation(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let n = int_or(&n, "n", |_| {
            Error::new(
                ErrorKind::AxisError,
                "axis 0 is out of bounds for array of dimension 0",
            )
        })?;
        Ok(as_f64s(self.inner.permutation(n)?))
    }

    /// `choice(popSize, size, replace = true, p = null, shuffle = true)`: `size` values of
    /// 0..popSize-1 (`a` given as an int), distinct unless `replace`, with the probabilities `p`
    /// when given; `shuffle = false` leaves a sample without replacement in the order drawn.
    pub fn choice(
        &mut self,
        #[wasm_bindgen(js_name = popSize, unchecked_param_type = "number | bigint")]
        pop_size: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] size: Option<f64>,
        replace: Option<bool>,
        #[wasm_bindgen(unchecked_optional_param_type = "FloatArray | null")] p: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] shuffle: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = int_or(&pop_size, "popSize", |_| {
            Error::value("a must be a sequence or an integer, not <class 'float'>")
        })?;
        let p = float_array(&p, "p")?;
        Ok(as_f64s(self.inner.choice_from_sized(
            Population::Int(pop_size),
            size,
            replace.unwrap_or(true),
            p.as_deref(),
            flag(&shuffle, "shuffle", true)?,
        )?))
    }

    /// `choice(a, size, replace = true, p = null, shuffle = true)` for an array `a` with `length`
    /// elements along the axis sampled: the indices chosen (`a.take(i, axis)`). The same draws
    /// as `choice`; an empty `a` has its own message.
    #[wasm_bindgen(js_name = choiceIndices)]
    pub fn choice_indices(
        &mut self,
        length: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] size: Option<f64>,
        replace: Option<bool>,
        #[wasm_bindgen(unchecked_optional_param_type = "FloatArray | null")] p: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] shuffle: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let length = array_length(length)?;
        let p = float_array(&p, "p")?;
        Ok(as_f64s(self.inner.choice_from_sized(
            Population::Array(length),
            size,
            replace.unwrap_or(true),
            p.as_deref(),
            flag(&shuffle, "shuffle", true)?,
        )?))
    }

    /// `integers(low, high, n, dtype = 'int64', endpoint = false)`: integers in [low, high), or
    /// [low, high] with `endpoint`, in a typed array of the dtype (`BigInt64Array` for int64,
    /// ..., a `Uint8Array` of 0 / 1 for bool); `high` undefined or null means from 0 to `low`.
    #[wasm_bindgen(js_name = integersTyped, unchecked_return_type = "IntDtypeArray")]
    pub fn integers_typed(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] low: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint | null | undefined")] high: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
        #[wasm_bindgen(unchecked_optional_param_type = "IntDtype | null")] dtype: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean | null")] endpoint: JsValue,
    ) -> Result<JsValue, JsValue> {
        let low = int_arg(&low, "low")?;
        let high = given(&high).map(|high| int_arg(high, "high")).transpose()?;
        let dtype = IntDtype::parse(&dtype_name(&dtype, "int64")?, "integers")?;
        let endpoint = flag(&endpoint, "endpoint", false)?;
        Ok(int_array(
            self.inner
                .integers_dtype_sized(low, high, n, dtype, endpoint)?,
        ))
    }

    /// `random(n, dtype=np.float32)`: uniform floats in [0, 1), one 32-bit draw each.
    #[wasm_bindgen(js_name = randomFloat32)]
    pub fn random_float32(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f32>, JsValue> {
        Ok(self.inner.random_f32_sized(n)?)
    }

    /// `standard_normal(n, dtype=np.float32)`: the float32 ziggurat (one 32-bit draw per value
    /// on the fast path).
    #[wasm_bindgen(js_name = standardNormalFloat32)]
    pub fn standard_normal_float32(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f32>, JsValue> {
        Ok(self.inner.standard_normal_f32_sized(n)?)
    }

    /// `standard_exponential(n)`: the exponential ziggurat.
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

    /// `poisson(lam, n)`: int64 values in a `BigInt64Array`; `lam` must be in [0, ~9.2e18].
    pub fn poisson(
        &mut self,
        lam: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<i64>, JsValue> {
        Ok(self.inner.poisson_sized(lam, n)?)
    }

    /// `geometric(p, n)`: int64 values in a `BigInt64Array`; `p` in (0, 1].
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

    /// `shuffle(x)`: shuffles a JS Array or typed array in place, in NumPy's order (for an N-d
    /// array along an axis, shuffle that axis: the order is `permutation(len)`'s).
    pub fn shuffle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown[] | TypedArray")] array: JsValue,
    ) -> Result<(), JsValue> {
        shuffle_in_place(&array, |items| self.inner.shuffle(items))
    }

    /// `spawn(nChildren)`: independent Generators from the seed sequence's children, as NumPy
    /// spawns them (spawning again continues the numbering).
    pub fn spawn(
        &mut self,
        #[wasm_bindgen(js_name = nChildren)] n_children: f64,
    ) -> Result<Vec<JsGenerator>, JsValue> {
        if !(0.0..=9_007_199_254_740_992.0).contains(&n_children) || n_children.fract() != 0.0 {
            return Err(Error::type_error(format!(
                "nChildren must be a whole number, got {n_children}"
            ))
            .into());
        }
        let children = self.inner.spawn(n_children as u64)?;
        Ok(children
            .into_iter()
            .map(|inner| JsGenerator { inner })
            .collect())
    }

    /// `bit_generator.state`: PCG64's state and buffered half, as NumPy reports them.
    #[wasm_bindgen(js_name = bitGeneratorState, unchecked_return_type = "Pcg64State")]
    pub fn bit_generator_state(&self) -> JsValue {
        let bg = self.inner.bit_generator();
        let object = js_sys::Object::new();
        set_field(&object, "state", &JsValue::from(bg.state()));
        set_field(&object, "inc", &JsValue::from(bg.increment()));
        let has = if bg.buffered_u32().is_some() {
            1.0
        } else {
            0.0
        };
        set_field(&object, "hasUint32", &JsValue::from_f64(has));
        // `uinteger` keeps the last high half after it is used, as NumPy's state shows it.
        set_field(
            &object,
            "uinteger",
            &JsValue::from_f64(f64::from(bg.uinteger())),
        );
        object.into()
    }

    /// `bit_generator.state = {...}`: the state and increment as NumPy's four uint64 words
    /// (high, low of each), and the buffered 32-bit half when `hasUint32`.
    #[wasm_bindgen(js_name = setBitGeneratorState)]
    pub fn set_bit_generator_state(
        &mut self,
        #[wasm_bindgen(js_name = stateHigh, unchecked_param_type = "bigint")] state_high: JsValue,
        #[wasm_bindgen(js_name = stateLow, unchecked_param_type = "bigint")] state_low: JsValue,
        #[wasm_bindgen(js_name = incHigh, unchecked_param_type = "bigint")] inc_high: JsValue,
        #[wasm_bindgen(js_name = incLow, unchecked_param_type = "bigint")] inc_low: JsValue,
        #[wasm_bindgen(js_name = hasUint32)] has_uint32: bool,
        uinteger: u32,
    ) -> Result<(), JsValue> {
        let state = (u128::from(uint64_word(&state_high, "stateHigh")?) << 64)
            | u128::from(uint64_word(&state_low, "stateLow")?);
        let inc = (u128::from(uint64_word(&inc_high, "incHigh")?) << 64)
            | u128::from(uint64_word(&inc_low, "incLow")?);
        self.inner
            .bit_generator_mut()
            .set_state(state, inc, has_uint32, uinteger);
        Ok(())
    }
}

/// One of the state's uint64 words, from a BigInt or an integral Number in [0, 2**64).
fn uint64_word(value: &JsValue, name: &str) -> Result<u64, Error> {
    u64::try_from(int_arg(value, name)?).map_err(|_| {
        Error::new(
            ErrorKind::ValueError,
            format!("{name} must be in [0, 2**64), a uint64 word of the state"),
        )
    })
}

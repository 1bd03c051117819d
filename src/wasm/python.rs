//! `PyRandom`: CPython's `random.Random` for JavaScript.

use super::numpy_legacy_sampling::shuffle_in_place;
use super::{describe, float_array, given, numeric, required_count, set_field, JsNumeric};
use crate::error::{Error, ErrorKind};
use crate::python::{self, Bound, PyInt, PyNumber, Weights};
use wasm_bindgen::prelude::*;

/// CPython's `TypeError` for a seed of another type (`random.seed([1, 2])`).
const SEED_TYPES_MESSAGE: &str =
    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.";

/// A `random.seed` argument from JS: undefined/null (OS entropy), a Number (an int when its value
/// is integral, else a float, which CPython seeds with through `hash`), a BigInt, a boolean
/// (Python's bool is an int), a string, or a Uint8Array (bytes).
fn py_seed(value: &JsValue) -> Result<Option<python::Seed>, Error> {
    let Some(value) = given(value) else {
        return Ok(None);
    };
    if let Some(number) = numeric(value) {
        return Ok(Some(match number.integer() {
            Ok(int) => python::Seed::Int(int),
            Err(x) => python::Seed::Float(x),
        }));
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Some(python::Seed::Int(PyInt::from(i128::from(flag)))));
    }
    if let Some(text) = value.as_string() {
        return Ok(Some(python::Seed::Str(text)));
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(Some(python::Seed::Bytes(bytes.to_vec())));
    }
    Err(Error::type_error(SEED_TYPES_MESSAGE))
}

/// A `randint` bound: a BigInt or an integral Number as an int; a fractional Number as the float
/// CPython 3.11 would convert (and refuse).
fn randint_bound(value: &JsValue, bound: Bound) -> Result<i128, Error> {
    match numeric(value) {
        Some(JsNumeric::Number(x)) => python::randint_bound_from_f64(x, bound),
        Some(JsNumeric::BigInt(int)) => python::randint_bound_from_int(&int, bound),
        None => Err(Error::type_error(format!(
            "randint bound {} must be an integer (Number or BigInt), got a {}",
            bound.name(),
            describe(value)
        ))),
    }
}

/// A Python int or float from JS: a BigInt, or a Number with an integral value, is an int (JS
/// cannot tell `3.0` from `3`; CPython 3.11 takes an integral float as that int); any other
/// Number (fractional, NaN, infinite) is a float; a boolean is 0 or 1.
fn py_number(value: &JsValue, what: &str) -> Result<PyNumber, Error> {
    if let Some(flag) = value.as_bool() {
        return Ok(PyNumber::Int(PyInt::from(i128::from(flag))));
    }
    match numeric(value) {
        Some(JsNumeric::BigInt(int)) => Ok(PyNumber::Int(int)),
        Some(JsNumeric::Number(x)) => Ok(match PyInt::from_integral_f64(x) {
            Some(int) => PyNumber::Int(int),
            None => PyNumber::Float(x),
        }),
        None => Err(Error::type_error(format!(
            "{what} must be a number (Number or BigInt), got a {}",
            describe(value)
        ))),
    }
}

/// An int argument: a BigInt or an integral Number; a fractional Number is Python's
/// `TypeError` for a float where an int is required.
fn py_int(value: &JsValue, what: &str) -> Result<PyInt, Error> {
    match py_number(value, what)? {
        PyNumber::Int(int) => Ok(int),
        PyNumber::Float(_) => Err(Error::type_error(
            "'float' object cannot be interpreted as an integer",
        )),
    }
}

/// A population size as `len()` returns it: at most 2**63 - 1 (a `Py_ssize_t`).
fn population_len(value: &JsValue) -> Result<PyInt, Error> {
    let n = py_int(value, "n")?;
    if n.is_negative() || n > PyInt::from(i64::MAX) {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        ));
    }
    Ok(n)
}

/// A Python int as a JS BigInt.
fn bigint(int: &PyInt) -> Result<js_sys::BigInt, JsValue> {
    // Through hexadecimal, which both sides convert in linear time (a decimal string would take
    // quadratic time: minutes for `getrandbits` of a few million bits).
    let words = int.magnitude_words();
    let mut hex = String::with_capacity(2 + 8 * words.len());
    hex.push_str("0x");
    match words.split_last() {
        None => hex.push('0'),
        Some((top, rest)) => {
            hex.push_str(&format!("{top:x}"));
            for word in rest.iter().rev() {
                hex.push_str(&format!("{word:08x}"));
            }
        }
    }
    let magnitude = js_sys::BigInt::new(&JsValue::from_str(&hex)).map_err(JsValue::from)?;
    Ok(if int.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// How many values to draw, with Python's errors.
fn py_count(n: Option<f64>) -> Result<usize, Error> {
    python::count_from_f64(required_count(n)?)
}

/// CPython's `random.Random` (and the hidden instance behind `random.seed`, `random.random`...).
///
/// ```js
/// // random.seed(17); [random.random(), random.random()]
/// new PyRandom(17).random(2); // Float64Array [0.5219839097124932, 0.8066907771186791]
/// ```
#[wasm_bindgen(js_name = PyRandom)]
pub struct JsPyRandom {
    inner: python::Random,
}

#[wasm_bindgen(js_class = PyRandom)]
impl JsPyRandom {
    /// `new PyRandom(seed?)`: an int of any size (Number or BigInt; only its absolute value
    /// counts), a fractional Number (a float seed), a string or Uint8Array; none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(
            unchecked_optional_param_type = "number | bigint | boolean | string | Uint8Array | null"
        )]
        seed: JsValue,
    ) -> Result<JsPyRandom, JsValue> {
        let seed = py_seed(&seed)?;
        let inner = python::Random::new(seed.as_ref())?;
        Ok(JsPyRandom { inner })
    }

    /// `seed(a, version = 2)`: reseeds in place and clears the cached gaussian; on error the
    /// state is unchanged. `version = 1` seeds a string or Uint8Array with Python 2's string
    /// hash, as CPython does.
    pub fn seed(
        &mut self,
        #[wasm_bindgen(
            unchecked_optional_param_type = "number | bigint | boolean | string | Uint8Array | null"
        )]
        seed: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] version: JsValue,
    ) -> Result<(), JsValue> {
        let seed = py_seed(&seed)?;
        let version = match given(&version) {
            None => 2,
            Some(v) => py_int(v, "version")?.to_i128_saturating(),
        };
        let seed = seed.map(|s| s.with_version(version)).transpose()?;
        Ok(self.inner.seed(seed.as_ref())?)
    }

    /// `[random() for _ in range(n)]`: doubles in [0, 1).
    pub fn random(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.random(n)?)
    }

    /// `[gauss(mu, sigma) for _ in range(n)]`: Box-Muller, its cached value kept between calls.
    pub fn gauss(
        &mut self,
        mu: f64,
        sigma: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.gauss(mu, sigma, n)?)
    }

    /// `[randint(a, b) for _ in range(n)]`: integers in [a, b], both ends included, as a
    /// Float64Array (exact up to 2**53). Bounds are Numbers or BigInts.
    pub fn randint(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] b: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let a = randint_bound(&a, Bound::Low)?;
        let b = randint_bound(&b, Bound::High)?;
        let n = py_count(n)?;
        let values = self.inner.randint(a, b, n)?;
        Ok(values.into_iter().map(|v| v as f64).collect())
    }

    /// `shuffle(x)`: shuffles a JS Array or typed array in place, in CPython's order.
    pub fn shuffle(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown[] | TypedArray")] array: JsValue,
    ) -> Result<(), JsValue> {
        shuffle_in_place(&array, |items| self.inner.shuffle(items))
    }

    /// `[choice(seq) for _ in range(n)]` for a sequence of `popSize` elements, as the indices
    /// chosen (`seq[i]`); an empty population raises `IndexError`.
    pub fn choice(
        &mut self,
        #[wasm_bindgen(js_name = popSize)] pop_size: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let pop_size = python::population_from_f64(pop_size)?;
        let n = py_count(n)?;
        let values = self.inner.choice(pop_size, n)?;
        Ok(values.into_iter().map(|v| v as f64).collect())
    }

    /// `getrandbits(k)`: an int of `k` random bits, as a BigInt.
    pub fn getrandbits(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] k: JsValue,
    ) -> Result<js_sys::BigInt, JsValue> {
        let k = py_int(&k, "k")?;
        bigint(&self.inner.getrandbits(&k)?)
    }

    /// `_randbelow(n)`: an int in [0, n) for any `n > 0`, as a BigInt (what `choice`,
    /// `shuffle` and `randrange` draw with).
    pub fn randbelow(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
    ) -> Result<js_sys::BigInt, JsValue> {
        let n = py_int(&n, "n")?;
        bigint(&self.inner.randbelow_int(&n)?)
    }

    /// `randrange(start, stop?, step?)`: one int of `range(start, stop, step)`, as a BigInt,
    /// with CPython 3.11's checks and messages. Ints of any size; a fractional Number is a
    /// float, which 3.11 refuses (`non-integer arg 1 for randrange()`). `randint(a, b)` of any
    /// size is `randrange(a, b + 1)`.
    pub fn randrange(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] start: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] stop: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | bigint | null")] step: JsValue,
    ) -> Result<js_sys::BigInt, JsValue> {
        let start = py_number(&start, "start")?;
        let stop = given(&stop).map(|v| py_number(v, "stop")).transpose()?;
        let step = given(&step).map(|v| py_number(v, "step")).transpose()?;
        let value = self.inner.randrange(&start, stop.as_ref(), step.as_ref())?;
        bigint(&value)
    }

    /// `choices(population, weights, cum_weights=, k=k)` for a population of `n` elements: the
    /// indices chosen, as integer-valued doubles (exact even beyond 2**53). `weights` given as a
    /// Number is CPython's `TypeError` for a positional `k`.
    pub fn choices(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] k: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "FloatArray | null")] weights: JsValue,
        #[wasm_bindgen(js_name = cumWeights, unchecked_optional_param_type = "FloatArray | null")]
        cum_weights: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let n = population_len(&n)?;
        let k = py_int(&k, "k")?.to_i128_saturating();
        if let Some(number) = given(&weights).and_then(numeric) {
            let shown = match number {
                JsNumeric::Number(x) => x.to_string(),
                JsNumeric::BigInt(int) => int.to_string(),
            };
            return Err(Error::type_error(format!(
                "The number of choices must be a keyword argument: k={shown}"
            ))
            .into());
        }
        let weights = float_array(&weights, "weights")?;
        let cum_weights = float_array(&cum_weights, "cumWeights")?;
        let weights = match (&weights, &cum_weights) {
            (None, None) => Weights::None,
            (Some(w), None) => Weights::Relative(w),
            (None, Some(c)) => Weights::Cumulative(c),
            (Some(_), Some(_)) => {
                return Err(
                    Error::type_error("Cannot specify both weights and cumulative weights").into(),
                )
            }
        };
        Ok(self.inner.choices(&n, k, weights)?)
    }

    /// `sample(population, k)` for a population of `n` elements: `k` distinct indices in
    /// selection order, in a BigInt64Array.
    pub fn sample(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] n: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] k: JsValue,
    ) -> Result<Vec<i64>, JsValue> {
        let n = population_len(&n)?;
        let k = py_int(&k, "k")?.to_i128_saturating();
        let picked = self.inner.sample(&n, k)?;
        // Indices below n <= 2**63 - 1.
        Ok(picked
            .iter()
            .map(|i| i.to_i128().unwrap_or_default() as i64)
            .collect())
    }

    /// `[uniform(a, b) for _ in range(n)]`: `a + (b - a) * random()`.
    pub fn uniform(
        &mut self,
        a: f64,
        b: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.uniform(a, b, n)?)
    }

    /// `[triangular(low, high, mode) for _ in range(n)]`; `mode` null is the midpoint.
    pub fn triangular(
        &mut self,
        low: f64,
        high: f64,
        mode: Option<f64>,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.triangular(low, high, mode, n)?)
    }

    /// `[normalvariate(mu, sigma) for _ in range(n)]`: ratio of uniforms, no cache.
    pub fn normalvariate(
        &mut self,
        mu: f64,
        sigma: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.normalvariate(mu, sigma, n)?)
    }

    /// `[expovariate(lambd) for _ in range(n)]`; `lambd = 0` raises `ZeroDivisionError` after
    /// a draw.
    pub fn expovariate(
        &mut self,
        lambd: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.expovariate(lambd, n)?)
    }

    /// `[lognormvariate(mu, sigma) for _ in range(n)]`: `exp(normalvariate(mu, sigma))`.
    pub fn lognormvariate(
        &mut self,
        mu: f64,
        sigma: f64,
        #[wasm_bindgen(unchecked_param_type = "number")] n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let n = py_count(n)?;
        Ok(self.inner.lognormvariate(mu, sigma, n)?)
    }

    /// `getstate()` after its version 3: the internal state (624 words and the index) and
    /// `gauss_next`.
    #[wasm_bindgen(unchecked_return_type = "PyRandomState")]
    pub fn getstate(&self) -> JsValue {
        let state = self.inner.getstate();
        let mut internal = state.words.to_vec();
        internal.push(state.index as u32);
        let object = js_sys::Object::new();
        set_field(
            &object,
            "internalState",
            &js_sys::Uint32Array::from(&internal[..]).into(),
        );
        let gauss = state.gauss_next.map_or(JsValue::NULL, JsValue::from_f64);
        set_field(&object, "gaussNext", &gauss);
        object.into()
    }

    /// `setstate((version, internalState, gaussNext))` with CPython's checks (that the state is
    /// a 3-tuple and the internal state a tuple are the caller's); `gaussNext` is stored even
    /// when a later check fails, as in CPython.
    pub fn setstate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] version: JsValue,
        #[wasm_bindgen(js_name = internalState, unchecked_param_type = "IntArray")]
        internal_state: JsValue,
        #[wasm_bindgen(js_name = gaussNext)] gauss_next: Option<f64>,
    ) -> Result<(), JsValue> {
        let version = py_number(&version, "version")?;
        if !js_sys::Array::is_array(&internal_state)
            && !js_sys::ArrayBuffer::is_view(&internal_state)
        {
            return Err(Error::type_error("state vector must be a tuple").into());
        }
        let internal = js_sys::Array::from(&internal_state)
            .iter()
            .map(|v| py_number(&v, "internalState elements"))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.inner.setstate(&version, &internal, gauss_next)?)
    }
}

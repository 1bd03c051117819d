//! The JavaScript API: a thin `#[wasm_bindgen]` layer over [`crate::numpy`] and [`crate::torch`].
//!
//! It only converts: JS seeds (Number, BigInt, Array) and counts into Rust values, results into
//! typed arrays, and every [`crate::Error`] into a thrown JS `Error` whose `name` is the Python
//! exception type and whose `message` is the library's text. Nothing here panics on bad input.

use crate::error::Error;
use crate::{numpy, torch};
use wasm_bindgen::prelude::*;

/// Installs a panic hook so that a bug shows a readable message in the console rather than
/// "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A JS `Error` named after the Python exception: `String(err)` reads `ValueError: low >= high`.
fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(e.message());
    err.set_name(e.kind().name());
    err.into()
}

/// An integer from a JS Number or BigInt; `Err(x)` carries a Number that is not an integer.
enum JsInt {
    Int(i128),
    NotInteger(f64),
}

fn js_int(value: &JsValue) -> Option<JsInt> {
    if let Some(x) = value.as_f64() {
        // `as` saturates, so huge Numbers stay out of every seed range.
        return Some(if x.is_finite() && x.fract() == 0.0 {
            JsInt::Int(x as i128)
        } else {
            JsInt::NotInteger(x)
        });
    }
    if value.is_bigint() {
        let text = String::from(js_sys::BigInt::from(value.clone()).to_string(10).ok()?);
        let saturated = if text.starts_with('-') {
            i128::MIN
        } else {
            i128::MAX
        };
        return Some(JsInt::Int(text.parse().unwrap_or(saturated)));
    }
    None
}

fn describe(value: &JsValue) -> String {
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "value".to_owned())
}

/// A NumPy legacy seed from JS: undefined/null, an integer, or an array of integers.
fn numpy_seed(value: &JsValue) -> Result<Option<numpy::Seed>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match js_int(value) {
        Some(JsInt::Int(v)) => return Ok(Some(numpy::Seed::Int(v))),
        Some(JsInt::NotInteger(_)) => return Err(numpy::Seed::float_error(false)),
        None => {}
    }
    if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
        let mut words = Vec::new();
        for item in js_sys::Array::from(value).iter() {
            match js_int(&item) {
                Some(JsInt::Int(v)) => words.push(v),
                Some(JsInt::NotInteger(_)) => return Err(numpy::Seed::float_error(true)),
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

/// A PyTorch seed from JS: an integer Number or BigInt.
fn torch_seed(value: &JsValue) -> Result<i128, Error> {
    match js_int(value) {
        Some(JsInt::Int(v)) => Ok(v),
        Some(JsInt::NotInteger(x)) => Err(Error::type_error(format!(
            "seed must be an integer, got {x}"
        ))),
        None => Err(Error::type_error(format!(
            "seed must be an integer (Number or BigInt), got a {}",
            describe(value)
        ))),
    }
}

/// An integer bound (`low`, `high`) from JS.
fn int_arg(value: &JsValue, name: &str) -> Result<i128, Error> {
    match js_int(value) {
        Some(JsInt::Int(v)) => Ok(v),
        Some(JsInt::NotInteger(x)) => Err(Error::type_error(format!(
            "{name} must be an integer, got {x}"
        ))),
        None => Err(Error::type_error(format!(
            "{name} must be an integer (Number or BigInt), got a {}",
            describe(value)
        ))),
    }
}

fn required_count(n: Option<f64>) -> Result<f64, Error> {
    n.ok_or_else(|| Error::type_error("missing the count n (how many values to draw)"))
}

fn numpy_count(n: Option<f64>, dtype: &str) -> Result<usize, JsValue> {
    required_count(n)
        .and_then(|n| numpy::size_from_f64(n, dtype))
        .map_err(js_error)
}

fn torch_count(n: Option<f64>, function: &str) -> Result<usize, JsValue> {
    required_count(n)
        .and_then(|n| torch::size_from_f64(n, function))
        .map_err(js_error)
}

/// Integers as a `Float64Array`, as the JS API promises (exact up to 2**53).
fn as_f64s(values: Vec<i64>) -> Vec<f64> {
    values.into_iter().map(|v| v as f64).collect()
}

/// `numpy.random.RandomState`, and the global state behind `np.random.seed`.
#[wasm_bindgen(js_name = RandomState)]
pub struct JsRandomState {
    inner: numpy::RandomState,
}

#[wasm_bindgen(js_class = RandomState)]
impl JsRandomState {
    /// `new RandomState(seed?)`: an int in [0, 2**32 - 1] or an Array of them; none: OS entropy.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: JsValue) -> Result<JsRandomState, JsValue> {
        let seed = numpy_seed(&seed).map_err(js_error)?;
        let inner = numpy::RandomState::new(seed.as_ref()).map_err(js_error)?;
        Ok(JsRandomState { inner })
    }

    /// Reseeds in place (clears the cached gaussian); on error the state is unchanged.
    pub fn seed(&mut self, seed: JsValue) -> Result<(), JsValue> {
        let seed = numpy_seed(&seed).map_err(js_error)?;
        self.inner.seed(seed.as_ref()).map_err(js_error)
    }

    /// `rand(n)`: uniform doubles in [0, 1).
    pub fn rand(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = numpy_count(n, "float64")?;
        self.inner.rand(n).map_err(js_error)
    }

    /// `randn(n)`: standard normals (legacy polar method).
    pub fn randn(&mut self, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = numpy_count(n, "float64")?;
        self.inner.randn(n).map_err(js_error)
    }

    /// `randint(low, high, n)`: integers in [low, high); `high` undefined or null means [0, low).
    pub fn randint(
        &mut self,
        low: JsValue,
        high: JsValue,
        n: Option<f64>,
    ) -> Result<Vec<f64>, JsValue> {
        let low = int_arg(&low, "low").map_err(js_error)?;
        let high = if high.is_undefined() || high.is_null() {
            None
        } else {
            Some(int_arg(&high, "high").map_err(js_error)?)
        };
        let n = numpy_count(n, "int64")?;
        self.inner
            .randint(low, high, n)
            .map(as_f64s)
            .map_err(js_error)
    }

    /// `uniform(low, high, n)`.
    pub fn uniform(&mut self, low: f64, high: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = numpy_count(n, "float64")?;
        self.inner.uniform(low, high, n).map_err(js_error)
    }

    /// `normal(loc, scale, n)`.
    pub fn normal(&mut self, loc: f64, scale: f64, n: Option<f64>) -> Result<Vec<f64>, JsValue> {
        let n = numpy_count(n, "float64")?;
        self.inner.normal(loc, scale, n).map_err(js_error)
    }
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

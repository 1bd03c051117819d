//! The torch training fixtures in headless Chromium (included from tests/web.rs), replayed
//! through the JS API: every call goes through the `#[wasm_bindgen]` bindings (`TorchGenerator`,
//! `TorchDataLoader`, `calculateGain`, ...) with JS values in and typed arrays out, and every
//! value and error is compared with torch's.
//!
//! (A subdirectory of tests/, so Cargo does not build it as a test crate of its own.)

use crate::torch_training_fixtures::{
    self as fixtures, Fill, Init, LoaderArgs, Res, Thrown, TorchApi,
};
use seedlab::torch::init::PyNumber;
use seedlab::torch::layers::LayerParameters;
use seedlab::torch::{Dtype, TensorValues};
use seedlab::wasm::{
    calculate_gain, fan_in_and_fan_out, init_constant, torch_generator, JsTorchDataLoader,
    JsTorchDataLoaderIter, JsTorchGenerator,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

/// The JS API, called as JS calls it.
struct JsApi;

/// A dtype's name as JS passes it.
fn js_name(dtype: Dtype) -> JsValue {
    JsValue::from_str(&name(dtype))
}

/// Numbers as a JS Array, as JS passes a shape.
fn js_floats(values: &[f64]) -> JsValue {
    values
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect::<js_sys::Array>()
        .into()
}

fn name(dtype: Dtype) -> String {
    match dtype {
        Dtype::Float32 => "float32",
        Dtype::Float64 => "float64",
        Dtype::Int64 => "int64",
    }
    .to_owned()
}

/// An int as a JS caller passes it: a Number when exact, else a BigInt.
fn int(i: i128) -> JsValue {
    if i.unsigned_abs() <= 1 << 53 {
        JsValue::from_f64(i as f64)
    } else {
        JsValue::from(i)
    }
}

fn bigint(value: &JsValue) -> i128 {
    let text: String = js_sys::BigInt::from(value.clone())
        .to_string(10)
        .unwrap()
        .into();
    text.parse().unwrap()
}

/// A `TorchArray` back as values; anything else fails the test.
fn values(value: JsValue) -> TensorValues {
    if let Some(v) = value.dyn_ref::<js_sys::Float32Array>() {
        return TensorValues::Float32(v.to_vec());
    }
    if let Some(v) = value.dyn_ref::<js_sys::Float64Array>() {
        return TensorValues::Float64(v.to_vec());
    }
    let v: &js_sys::BigInt64Array = value.dyn_ref().expect("a TorchArray");
    TensorValues::Int64(v.to_vec())
}

fn to_js(values: &TensorValues) -> JsValue {
    match values {
        TensorValues::Float32(v) => js_sys::Float32Array::from(&v[..]).into(),
        TensorValues::Float64(v) => js_sys::Float64Array::from(&v[..]).into(),
        TensorValues::Int64(v) => js_sys::BigInt64Array::from(&v[..]).into(),
    }
}

/// A thrown JS `Error` as (name, message).
fn caught<T>(result: Result<T, JsValue>) -> Res<T> {
    result.map_err(|e| {
        let err: js_sys::Error = e.dyn_into().expect("thrown value is a JS Error");
        (err.name().into(), err.message().into())
    })
}

fn tensor(result: Result<JsValue, JsValue>) -> Res<TensorValues> {
    caught(result).map(values)
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap()
}

/// `TorchParameter[]` back as the Rust API's `LayerParameters`.
fn layer(params: JsValue) -> LayerParameters {
    let list: js_sys::Array = params.dyn_into().expect("an Array of parameters");
    let shape = |p: &JsValue| -> Vec<u64> {
        js_sys::Array::from(&get(p, "shape"))
            .iter()
            .map(|d| d.as_f64().unwrap() as u64)
            .collect()
    };
    let weight = list.get(0);
    assert_eq!(get(&weight, "name"), "weight");
    let bias = (list.length() == 2).then(|| {
        let bias = list.get(1);
        assert_eq!(get(&bias, "name"), "bias");
        assert_eq!(shape(&bias), [shape(&weight)[0]]);
        values(get(&bias, "values"))
    });
    LayerParameters {
        weight_shape: shape(&weight),
        weight: values(get(&weight, "values")),
        bias,
    }
}

fn py_number_to_js(number: PyNumber) -> JsValue {
    match number {
        PyNumber::Int(i) => JsValue::from(i),
        PyNumber::Float(x) => JsValue::from_f64(x),
    }
}

fn floats(shape: &[u64]) -> Vec<f64> {
    shape.iter().map(|&s| s as f64).collect()
}

impl TorchApi for JsApi {
    type Gen = JsTorchGenerator;
    type Loader = JsTorchDataLoader;
    type Iter = JsTorchDataLoaderIter;

    fn manual_seed(&self, seed: i128) -> JsTorchGenerator {
        JsTorchGenerator::new(int(seed)).unwrap()
    }

    fn new_generator(&self) -> JsTorchGenerator {
        torch_generator()
    }

    fn get_state(&self, g: &JsTorchGenerator) -> Vec<u8> {
        g.get_state()
    }

    fn set_state(&self, g: &mut JsTorchGenerator, bytes: &[u8]) -> Res<()> {
        caught(g.set_state(js_sys::Uint8Array::from(bytes).into()))
    }

    fn randn(&self, g: &mut JsTorchGenerator, n: usize) -> Vec<f32> {
        g.randn(Some(n as f64)).unwrap()
    }

    fn randint(&self, g: &mut JsTorchGenerator, low: i128, high: i128, n: usize) -> Vec<i64> {
        let values = g.randint(int(low), int(high), Some(n as f64)).unwrap();
        values.into_iter().map(|v| v as i64).collect()
    }

    fn fill(&self, g: &mut JsTorchGenerator, d: Dtype, n: f64, f: &Fill) -> Res<TensorValues> {
        let (d, n) = (js_name(d), Some(n));
        tensor(match *f {
            Fill::Uniform(from, to) => g.uniform(d, n, Some(from), Some(to)),
            Fill::Normal(mean, std) => g.normal(d, n, Some(mean), Some(std)),
            Fill::Random => g.random(d, n),
            Fill::RandomFromTo(from, to) => {
                g.random_from_to(d, n, int(from), to.map_or(JsValue::NULL, int))
            }
            Fill::Bernoulli(p) => g.bernoulli(d, n, Some(p)),
            Fill::Exponential(lambd) => g.exponential(d, n, Some(lambd)),
        })
    }

    fn bernoulli_probs(
        &self,
        g: &mut JsTorchGenerator,
        d: Dtype,
        probs: &TensorValues,
    ) -> Res<TensorValues> {
        tensor(g.bernoulli_probs(js_name(d), to_js(probs)))
    }

    fn randperm(&self, g: &mut JsTorchGenerator, n: i128) -> Res<Vec<i64>> {
        caught(g.randperm(int(n)))
    }

    fn calculate_gain(&self, nonlinearity: &str, param: Option<PyNumber>) -> Res<PyNumber> {
        let param = param.map_or(JsValue::UNDEFINED, py_number_to_js);
        caught(calculate_gain(nonlinearity.into(), param)).map(|gain| match gain.as_f64() {
            Some(x) => PyNumber::Float(x),
            None => PyNumber::Int(bigint(&gain) as i64),
        })
    }

    fn fans(&self, shape: &[u64]) -> Res<(u128, u128)> {
        caught(fan_in_and_fan_out(js_floats(&floats(shape)))).map(|fans| {
            let fans = js_sys::Array::from(&fans);
            (bigint(&fans.get(0)) as u128, bigint(&fans.get(1)) as u128)
        })
    }

    fn init(
        &self,
        g: &mut JsTorchGenerator,
        d: Dtype,
        shape: &[f64],
        f: &Init,
    ) -> Res<TensorValues> {
        // The functions that take a count get the tensor's element count.
        let n = Some(shape.iter().product::<f64>());
        let (d, dims) = (js_name(d), js_floats(shape));
        tensor(match *f {
            Init::Uniform(a, b) => g.uniform(d, n, Some(a), Some(b)),
            Init::Normal(mean, std) => g.normal(d, n, Some(mean), Some(std)),
            Init::KaimingUniform(a, mode, nl) => {
                g.kaiming_uniform(d, dims, py_number_to_js(a), mode.into(), nl.into())
            }
            Init::KaimingNormal(a, mode, nl) => {
                g.kaiming_normal(d, dims, py_number_to_js(a), mode.into(), nl.into())
            }
            Init::XavierUniform(gain) => g.xavier_uniform(d, dims, Some(gain)),
            Init::XavierNormal(gain) => g.xavier_normal(d, dims, Some(gain)),
            Init::TruncNormal(mean, std, a, b) => {
                g.trunc_normal(d, n, Some(mean), Some(std), Some(a), Some(b))
            }
            Init::Constant(val) => init_constant(d, n, val),
        })
    }

    fn linear(
        &self,
        g: &mut JsTorchGenerator,
        i: i128,
        o: i128,
        bias: bool,
        d: Dtype,
    ) -> Res<LayerParameters> {
        caught(g.linear(int(i), int(o), Some(bias), js_name(d))).map(layer)
    }

    fn conv(
        &self,
        g: &mut JsTorchGenerator,
        i: i128,
        o: i128,
        kernel_size: &[i128],
        groups: i128,
        bias: bool,
        d: Dtype,
    ) -> Res<LayerParameters> {
        let kernel_size: Vec<f64> = kernel_size.iter().map(|&k| k as f64).collect();
        let params = g.conv(
            int(i),
            int(o),
            js_floats(&kernel_size),
            int(groups),
            Some(bias),
            js_name(d),
        );
        caught(params).map(layer)
    }

    fn dropout(
        &self,
        g: &mut JsTorchGenerator,
        x: &TensorValues,
        p: f64,
        training: bool,
    ) -> Res<TensorValues> {
        tensor(g.dropout(to_js(x), Some(p), Some(training)))
    }

    fn loader(&self, a: &LoaderArgs) -> Res<JsTorchDataLoader> {
        let batch_size = a.batch_size.map_or(JsValue::NULL, int);
        caught(match a.random_sampler {
            Some((replacement, num_samples)) => JsTorchDataLoader::with_random_sampler(
                int(a.len),
                batch_size,
                replacement,
                num_samples.map_or(JsValue::NULL, int),
                a.has_generator,
                Some(a.drop_last),
            ),
            None => JsTorchDataLoader::new(
                int(a.len),
                batch_size,
                Some(a.shuffle),
                Some(a.drop_last),
                Some(a.has_generator),
            ),
        })
    }

    fn loader_len(&self, loader: &JsTorchDataLoader) -> u64 {
        loader.length() as u64
    }

    fn epoch(&self, loader: &JsTorchDataLoader, g: &mut JsTorchGenerator) -> Res<Vec<Vec<i64>>> {
        caught(loader.epoch(g)).map(|batches| batches.iter().map(|b| b.to_vec()).collect())
    }

    fn iter(&self, loader: &JsTorchDataLoader, g: &mut JsTorchGenerator) -> JsTorchDataLoaderIter {
        loader.iter(g)
    }

    fn next_batch(
        &self,
        it: &mut JsTorchDataLoaderIter,
        g: &mut JsTorchGenerator,
    ) -> Res<Option<Vec<i64>>> {
        caught(it.next_batch(g))
    }
}

#[wasm_bindgen_test]
fn torch_training_fixtures_through_the_js_api() {
    let report = fixtures::run_torch_training(&JsApi);
    console_log!(
        "torch training through the JS API\n{}",
        report.table(&crate::platform())
    );
    let functions: Vec<&str> = report
        .tallies
        .keys()
        .map(|(_, f)| *f)
        .filter(|f| *f != fixtures::LIBM_NORMALS)
        .collect();
    report.assert_exact("torch training", &functions);
    // As natively: float64 normals of 16 or more inherit glibc's misrounded cos/sin.
    let libm = &report.tallies[&("torch training", fixtures::LIBM_NORMALS)];
    assert!(libm.identical * 1000 >= libm.compared * 998, "{libm:?}");
    assert!(libm.max_ulp <= 2, "{libm:?}");
}

#[wasm_bindgen_test]
fn intel_cpu_draws_through_the_js_api() {
    let (_, report) = fixtures::run_torch_training_intel(&JsApi);
    console_log!(
        "torch training, draws recorded on an emulated Intel CPU\n{}",
        report.table(&crate::platform())
    );
    let functions: Vec<&str> = report.tallies.keys().map(|(_, f)| *f).collect();
    report.assert_exact("torch training", &functions);
}

/// What only JS can pass: the errors name the argument and what was wrong.
fn js_only_error(result: Res<()>) -> Thrown {
    result.expect_err("an error is thrown")
}

#[wasm_bindgen_test]
fn js_only_inputs_throw_clear_errors() {
    let mut g = JsApi.manual_seed(17);
    let (name, message) = js_only_error(caught(
        g.uniform("float16".into(), Some(3.0), None, None).map(drop),
    ));
    assert_eq!(
        (name.as_str(), message.as_str()),
        (
            "TypeError",
            "dtype must be 'float32', 'float64' or 'int64', got 'float16'"
        )
    );
    let (name, message) = js_only_error(caught(
        g.dropout(js_sys::Array::new().into(), None, None).map(drop),
    ));
    assert_eq!(name, "TypeError");
    assert_eq!(
        message,
        "input must be a Float32Array, Float64Array or BigInt64Array (float32, float64, int64), got a object"
    );
    let (name, message) = js_only_error(caught(
        g.normal("float32".into(), None, None, None).map(drop),
    ));
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "missing the count n (how many values to draw)")
    );
    let (name, message) = js_only_error(caught(
        g.conv(
            JsValue::from_f64(3.0),
            JsValue::from_f64(4.0),
            js_floats(&[3.0, 2.5]),
            JsValue::UNDEFINED,
            None,
            JsValue::UNDEFINED,
        )
        .map(drop),
    ));
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "kernelSize[1] must be an integer, got 2.5")
    );
    let (name, message) = js_only_error(caught(
        JsTorchDataLoader::new(
            JsValue::from_f64(10.0),
            JsValue::from_f64(2.5),
            None,
            None,
            None,
        )
        .map(drop),
    ));
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "batchSize must be an integer, got 2.5")
    );
    // The failed calls drew nothing.
    assert_eq!(g.get_state(), JsApi.manual_seed(17).get_state());
}

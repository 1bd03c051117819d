//! The same fixtures, run as WebAssembly inside headless Chromium (`wasm-pack test --headless
//! --chrome`), because wasm's math is not the native math. Also the JS-facing layer: errors
//! thrown as JS `Error`s, seeds as Number / BigInt / Array, and unseeded generators.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

mod common;

// Browser tests of further dialects live in tests/web/ (not test crates of their own).
#[path = "common/jax.rs"]
mod jax_fixtures;
#[path = "common/numpy_extended.rs"]
mod numpy_extended_fixtures;
#[path = "common/numpy_generator.rs"]
mod numpy_generator_fixtures;
#[path = "common/rust_rng.rs"]
mod rust_rng_fixtures;
#[path = "common/torch_training.rs"]
mod torch_training_fixtures;
#[path = "web/jax_rust.rs"]
mod web_jax_rust;
#[path = "web/numpy_extended.rs"]
mod web_numpy_extended;
#[path = "web/numpy_generator.rs"]
mod web_numpy_generator;
#[path = "web/simd.rs"]
mod web_simd;
#[path = "web/torch_training.rs"]
mod web_torch_training;

use common::PyArg;
use seedlab::wasm::{JsRandomState, JsTorchGenerator};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn numpy_legacy_fixtures_in_the_browser() {
    let report = common::run_numpy_legacy();
    console_log!("{}", report.table(&platform()));
    // Normals too: `log` is seedlab's glibc-identical port, not wasm's musl-derived `ln`.
    report.assert_exact(
        "numpy legacy",
        &["rand", "randint", "uniform", "randn", "normal"],
    );
}

#[wasm_bindgen_test]
fn torch_cpu_fixtures_in_the_browser() {
    let report = common::run_torch_cpu();
    console_log!("{}", report.table(&platform()));
    report.assert_exact(
        "torch cpu",
        &[
            "rand",
            "randn (n < 16, double Box-Muller)",
            "randn (n >= 16, float32 kernel)",
            "randint",
            "initial_seed",
        ],
    );
}

#[wasm_bindgen_test]
fn notebook_outputs_in_the_browser() {
    for cell in common::notebook_cells() {
        assert_eq!(cell.values, cell.printed, "{}", cell.name);
    }
}

/// Where the tables' figures come from: "wasm32 in Firefox 153", "wasm32 in Chromium 140", from
/// the browser's user agent; just "wasm32" when it names no browser this recognises.
pub(crate) fn platform() -> String {
    let user_agent = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"userAgent".into()))
        .ok()
        .and_then(|agent| agent.as_string())
        .unwrap_or_default();
    match browser(&user_agent) {
        Some(browser) => format!("wasm32 in {browser}"),
        None => "wasm32".to_owned(),
    }
}

/// The browser and its major version named by a user agent string. Chrome and Chromium both
/// say `Chrome/` (headless: `HeadlessChrome/`); Edge adds `Edg/`, Safari says `Version/` and
/// `Safari/` (which Chromium's agent also contains, so it is tested last).
fn browser(user_agent: &str) -> Option<String> {
    let version = |token: &str| {
        let start = user_agent.find(token)? + token.len();
        let major: String = user_agent[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        (!major.is_empty()).then_some(major)
    };
    let found = [
        ("Firefox/", "Firefox"),
        ("Edg/", "Edge"),
        ("HeadlessChrome/", "Chromium"),
        ("Chrome/", "Chromium"),
    ]
    .into_iter()
    .find_map(|(token, name)| Some(format!("{name} {}", version(token)?)));
    found.or_else(|| {
        let safari = version("Version/").filter(|_| user_agent.contains("Safari/"))?;
        // WebKitGTK and WPE WebKit (Linux) say Safari's tokens too; their Version/ is the
        // Safari release whose engine they match (16.0 for WPE 2.38), or a made-up one.
        Some(if user_agent.contains("Linux") {
            format!("WebKit on Linux (Version/{safari})")
        } else {
            format!("Safari {safari}")
        })
    })
}

#[wasm_bindgen_test]
fn browser_names_come_from_the_user_agent() {
    let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0";
    assert_eq!(browser(firefox).as_deref(), Some("Firefox 153"));
    let chromium = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                    HeadlessChrome/140.0.0.0 Safari/537.36";
    assert_eq!(browser(chromium).as_deref(), Some("Chromium 140"));
    assert_eq!(browser("curl/8.0"), None);
    let wpe = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) \
               Version/16.0 Safari/605.1.15";
    assert_eq!(
        browser(wpe).as_deref(),
        Some("WebKit on Linux (Version/16)")
    );
    let safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
                  (KHTML, like Gecko) Version/16.0 Safari/605.1.15";
    assert_eq!(browser(safari).as_deref(), Some("Safari 16"));
    console_log!("this run: {}", platform());
}

/// A fixture argument as a JS caller would pass it: small ints as Numbers, big ones as BigInt.
pub(crate) fn js_arg(arg: &PyArg) -> JsValue {
    match arg {
        PyArg::Int(i) if i.unsigned_abs() <= 1 << 53 => JsValue::from_f64(*i as f64),
        PyArg::Int(i) => JsValue::from(*i),
        PyArg::Float(f) => JsValue::from_f64(*f),
        PyArg::List(items) => items.iter().map(js_arg).collect::<js_sys::Array>().into(),
        PyArg::None => JsValue::UNDEFINED,
    }
}

/// The name and message of the JS `Error` a call threw, if it threw.
pub(crate) fn thrown<T>(result: Result<T, JsValue>) -> Option<(String, String)> {
    let err: js_sys::Error = result
        .err()?
        .dyn_into()
        .expect("thrown value is a JS Error");
    Some((err.name().into(), err.message().into()))
}

/// Calls the exported API exactly as JS would, returning the thrown error's name and message.
fn call_js_api(case: &common::ErrorCase) -> Option<(String, String)> {
    let args: Vec<PyArg> = case.args.iter().map(common::py_arg).collect();
    let js = |i: usize| js_arg(&args[i]);
    let count = |i: usize| Some(args[i].as_f64());
    let rs = || JsRandomState::new(JsValue::from_f64(17.0)).unwrap();
    let tg = || JsTorchGenerator::new(JsValue::from_f64(17.0)).unwrap();
    thrown(match (case.library.as_str(), case.op.as_str()) {
        ("numpy", "RandomState") => JsRandomState::new(js(0)).map(drop),
        ("numpy", "seed") => rs().seed(js(0)),
        ("numpy", "rand") => rs().rand(count(0)).map(drop),
        ("numpy", "randn") => rs().randn(count(0)).map(drop),
        ("numpy", "randint") => rs().randint(js(0), js(1), count(2)).map(drop),
        ("numpy", "normal") => rs()
            .normal(args[0].as_f64(), args[1].as_f64(), count(2))
            .map(drop),
        ("numpy", "uniform") => rs()
            .uniform(args[0].as_f64(), args[1].as_f64(), count(2))
            .map(drop),
        ("torch", "manual_seed") => JsTorchGenerator::new(js(0))
            .map(drop)
            .and_then(|()| tg().manual_seed(js(0))),
        ("torch", "rand") => tg().rand(count(0)).map(drop),
        ("torch", "randn") => tg().randn(count(0)).map(drop),
        ("torch", "randint") => tg().randint(js(0), js(1), count(2)).map(drop),
        (lib, op) => panic!("no JS mapping for {lib} {op}"),
    })
}

#[wasm_bindgen_test]
fn bad_input_throws_the_library_error() {
    let cases = common::error_cases();
    for case in &cases {
        let (name, message) = call_js_api(case)
            .unwrap_or_else(|| panic!("{}: nothing thrown, expected {}", case.call, case.error));
        assert!(
            case.matches(&name, &message),
            "{}: threw {name}: {message}\n expected {}: {}",
            case.call,
            case.error,
            case.message
        );
    }
    console_log!(
        "{} error cases threw the library's exception and message",
        cases.len()
    );
}

#[wasm_bindgen_test]
fn js_only_inputs_throw_clear_errors() {
    let name_and_message =
        |r: Result<JsRandomState, JsValue>| thrown(r.map(drop)).expect("an error is thrown");
    let (name, message) = name_and_message(JsRandomState::new(JsValue::from_str("17")));
    assert_eq!(name, "TypeError");
    assert!(message.contains("got a string"), "{message}");
    let mut rs = JsRandomState::new(JsValue::from_f64(17.0)).unwrap();
    let (name, message) = thrown(rs.randn(None).map(drop)).unwrap();
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "missing the count n (how many values to draw)")
    );
    let (name, _) = thrown(
        rs.randint(JsValue::from_f64(0.5), JsValue::from_f64(3.0), Some(2.0))
            .map(drop),
    )
    .unwrap();
    assert_eq!(name, "TypeError");
    let (name, message) = thrown(JsTorchGenerator::new(JsValue::from_f64(17.5)).map(drop)).unwrap();
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "seed must be an integer, got 17.5")
    );
    let (name, _) = thrown(rs.randn(Some(2f64.powi(40))).map(drop)).unwrap();
    assert_eq!(name, "MemoryError");
}

#[wasm_bindgen_test]
fn seeds_as_number_bigint_and_array() {
    let number = JsRandomState::new(JsValue::from_f64(17.0))
        .unwrap()
        .randn(Some(5.0))
        .unwrap();
    let bigint = JsRandomState::new(JsValue::from(17_i128))
        .unwrap()
        .randn(Some(5.0))
        .unwrap();
    assert_eq!(number, bigint);
    let array: js_sys::Array = [1.0, 2.0, 3.0]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect();
    let typed = js_sys::Uint32Array::from(&[1u32, 2, 3][..]);
    let from_array = JsRandomState::new(array.into())
        .unwrap()
        .rand(Some(3.0))
        .unwrap();
    let from_typed = JsRandomState::new(typed.into())
        .unwrap()
        .rand(Some(3.0))
        .unwrap();
    assert_eq!(from_array, from_typed);
    let mut g = JsTorchGenerator::new(JsValue::from(-1_i128)).unwrap();
    assert_eq!(g.initial_seed(), u64::MAX);
    g.manual_seed(JsValue::from(u64::MAX)).unwrap();
    assert_eq!(g.initial_seed(), u64::MAX);
}

#[wasm_bindgen_test]
fn unseeded_generators_differ() {
    let a = JsRandomState::new(JsValue::UNDEFINED)
        .unwrap()
        .randn(Some(5.0))
        .unwrap();
    let b = JsRandomState::new(JsValue::UNDEFINED)
        .unwrap()
        .randn(Some(5.0))
        .unwrap();
    assert_ne!(a, b, "two unseeded RandomStates gave the same numbers");
    let c = JsTorchGenerator::new(JsValue::UNDEFINED)
        .unwrap()
        .randn(Some(5.0))
        .unwrap();
    let d = JsTorchGenerator::new(JsValue::NULL)
        .unwrap()
        .randn(Some(5.0))
        .unwrap();
    assert_ne!(c, d, "two unseeded torch generators gave the same numbers");
    let mut reseeded = JsRandomState::new(JsValue::from_f64(17.0)).unwrap();
    reseeded.seed(JsValue::UNDEFINED).unwrap();
    assert_ne!(
        reseeded.randn(Some(5.0)).unwrap(),
        JsRandomState::new(JsValue::from_f64(17.0))
            .unwrap()
            .randn(Some(5.0))
            .unwrap()
    );
}

#[path = "common/math.rs"]
mod math_fixtures;

#[wasm_bindgen_test]
fn math_functions_against_glibc_fixtures_in_the_browser() {
    for (name, f, fixture) in math_fixtures::functions() {
        let t = math_fixtures::check(f, fixture);
        console_log!("{}", t.summary(name));
        assert!(t.compared >= math_fixtures::required_count(name));
        assert!(
            t.share() >= math_fixtures::required_share(name),
            "{}",
            t.summary(name)
        );
    }
}

#[wasm_bindgen_test]
fn pow_against_glibc_fixture_in_the_browser() {
    let t = math_fixtures::check_pow(seedlab::math::pow, math_fixtures::POW);
    console_log!("{}", t.summary("pow"));
    assert!(t.compared >= math_fixtures::required_count("pow"));
    assert_eq!(t.identical, t.compared, "{}", t.summary("pow"));
}

#[wasm_bindgen_test]
fn numpy_tanh_and_power_against_numpy_fixtures_in_the_browser() {
    let t = math_fixtures::check(seedlab::numpy::tanh, math_fixtures::NUMPY_TANH);
    console_log!("{}", t.summary("np.tanh"));
    assert!(t.compared >= math_fixtures::required_count("np.tanh"));
    assert_eq!(t.identical, t.compared, "{}", t.summary("np.tanh"));
    let t = math_fixtures::check_pow(math_fixtures::numpy_power, math_fixtures::NUMPY_POWER);
    console_log!("{}", t.summary("np.power"));
    assert!(t.compared >= math_fixtures::required_count("np.power"));
    assert_eq!(t.identical, t.compared, "{}", t.summary("np.power"));
}

#[path = "web/python_r.rs"]
mod web_python_r;

//! The NumPy Generator fixtures in headless Chromium (included from tests/web.rs), and the JS
//! API: `defaultRng`, `Generator`'s methods, `RandomState.permutation` / `choice`, with NumPy's
//! errors thrown as JS `Error`s.
//!
//! (A subdirectory of tests/, so Cargo does not build it as a test crate of its own.)

use crate::common::{self, PyArg, Report};
use crate::numpy_generator_fixtures as fixtures;
use crate::{js_arg, thrown};
use seedlab::wasm::{default_rng, JsGenerator, JsRandomState};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// Every value bit-identical, normals included: the ziggurat's wedge test calls `exp` only to
/// accept or reject, and its tail (about 1 in 3,500 values here) calls `log1p`, which wasm's
/// fdlibm-derived version computes as glibc does on every tail value in the fixtures. Should a
/// `src/math` change break that, this is where it shows.
fn print_and_check(report: &Report) {
    console_log!("{}", report.table(&crate::platform()));
    assert!(
        report.hard_failures.is_empty(),
        "{:#?}",
        report.hard_failures
    );
    for (dialect, function) in report.tallies.keys() {
        report.assert_all_identical(dialect, function);
    }
}

#[wasm_bindgen_test]
fn generator_fixtures_in_the_browser() {
    print_and_check(&fixtures::run_generator());
}

#[wasm_bindgen_test]
fn long_normals_in_the_browser() {
    print_and_check(&fixtures::run_long_normals());
}

#[wasm_bindgen_test]
fn random_state_permutation_and_choice_in_the_browser() {
    print_and_check(&fixtures::run_legacy());
}

/// Calls the exported API as JS would and returns the thrown error's name and message.
fn call_js_api(case: &fixtures::ErrorCase) -> Option<(String, String)> {
    let args: Vec<PyArg> = case
        .args
        .iter()
        .map(|v| {
            if v.is_boolean() {
                PyArg::None
            } else {
                common::py_arg(v)
            }
        })
        .collect();
    let js = |i: usize| js_arg(&args[i]);
    let count = |i: usize| Some(args[i].as_f64());
    let replace = || case.args[2].as_bool();
    let rng = || default_rng(JsValue::from_f64(17.0), JsValue::UNDEFINED).unwrap();
    let rs = || JsRandomState::new(JsValue::from_f64(17.0)).unwrap();
    let f = |i: usize| args[i].as_f64();
    thrown(match (case.target.as_str(), case.op.as_str()) {
        ("generator", "default_rng") => default_rng(js(0), JsValue::UNDEFINED).map(drop),
        ("generator", "random") => rng().random(count(0)).map(drop),
        ("generator", "standard_normal") => rng().standard_normal(count(0)).map(drop),
        ("generator", "normal") => rng().normal(f(0), f(1), count(2)).map(drop),
        ("generator", "uniform") => rng().uniform(f(0), f(1), count(2)).map(drop),
        ("generator", "integers") => rng().integers(js(0), js(1), count(2)).map(drop),
        ("generator", "permutation") => rng().permutation(js(0)).map(drop),
        ("generator", "choice") => rng()
            .choice(
                js(0),
                count(1),
                replace(),
                JsValue::NULL,
                JsValue::UNDEFINED,
            )
            .map(drop),
        ("legacy", "permutation") => rs().permutation(js(0)).map(drop),
        ("legacy", "choice") => rs()
            .choice(js(0), count(1), replace(), JsValue::NULL)
            .map(drop),
        (target, op) => panic!("no JS mapping for {target} {op}"),
    })
}

#[wasm_bindgen_test]
fn bad_input_throws_numpys_error() {
    let cases = fixtures::error_cases();
    for case in &cases {
        let (name, message) = call_js_api(case)
            .unwrap_or_else(|| panic!("{}: nothing thrown, expected {}", case.call, case.error));
        assert_eq!(
            (name.as_str(), message.as_str()),
            (case.error.as_str(), case.message.as_str()),
            "{}",
            case.call
        );
    }
    console_log!(
        "{} NumPy Generator / RandomState error cases threw NumPy's exception and message",
        cases.len()
    );
}

#[wasm_bindgen_test]
fn headline_values_through_the_js_api() {
    let mut rng = default_rng(JsValue::from_f64(17.0), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        rng.random(Some(3.0)).unwrap(),
        [0.8450747927979015, 0.16097309116910696, 0.5577445473656921]
    );
    let mut rng = default_rng(JsValue::from_f64(17.0), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        rng.integers(JsValue::from_f64(0.0), JsValue::from_f64(100.0), Some(5.0))
            .unwrap(),
        [74.0, 84.0, 10.0, 16.0, 45.0]
    );
    // `integers(10)` is [0, 10), as in NumPy.
    let mut a = default_rng(JsValue::from_f64(12345.0), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        a.integers(JsValue::from_f64(10.0), JsValue::NULL, Some(3.0))
            .unwrap(),
        [6.0, 2.0, 7.0]
    );
    // choice's replace defaults to true.
    let with_default = default_rng(JsValue::from_f64(1.0), JsValue::UNDEFINED)
        .unwrap()
        .choice(
            JsValue::from_f64(10.0),
            Some(5.0),
            None,
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .unwrap();
    let with_true = default_rng(JsValue::from_f64(1.0), JsValue::UNDEFINED)
        .unwrap()
        .choice(
            JsValue::from_f64(10.0),
            Some(5.0),
            Some(true),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .unwrap();
    assert_eq!(with_default, with_true);
}

#[wasm_bindgen_test]
fn seeds_as_number_bigint_and_arrays() {
    let draw = |seed: JsValue| -> Vec<f64> {
        let mut g: JsGenerator = default_rng(seed, JsValue::UNDEFINED).unwrap();
        g.random(Some(4.0)).unwrap()
    };
    assert_eq!(draw(JsValue::from_f64(17.0)), draw(JsValue::from(17_i128)));
    let array: js_sys::Array = [1.0, 2.0, 3.0]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect();
    let typed = js_sys::Uint32Array::from(&[1u32, 2, 3][..]);
    let nested = js_sys::Array::of2(
        &js_sys::Array::of1(&JsValue::from_f64(1.0)),
        &js_sys::Array::of2(&JsValue::from(2_i128), &JsValue::from_f64(3.0)),
    );
    assert_eq!(draw(array.into()), draw(typed.into()));
    assert_eq!(
        draw(nested.into()),
        draw(js_sys::Uint32Array::from(&[1u32, 2, 3][..]).into())
    );
    // 2**64 + 5 as a BigInt and as the word list NumPy makes of it.
    let big = JsValue::from((1_i128 << 64) + 5);
    let words: js_sys::Array = [5.0, 0.0, 1.0]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect();
    assert_eq!(draw(big), draw(words.into()));
    // An integral Number beyond 2**53 is taken at its exact value.
    assert_eq!(
        draw(JsValue::from_f64(2f64.powi(64))),
        draw(JsValue::from(1_i128 << 64))
    );
    let (name, message) =
        thrown(default_rng(JsValue::from_str("17"), JsValue::UNDEFINED).map(drop)).unwrap();
    assert_eq!(name, "TypeError");
    assert!(message.contains("got a string"), "{message}");
}

#[wasm_bindgen_test]
fn unseeded_generators_differ() {
    let a = default_rng(JsValue::UNDEFINED, JsValue::UNDEFINED)
        .unwrap()
        .random(Some(4.0))
        .unwrap();
    let b = default_rng(JsValue::NULL, JsValue::UNDEFINED)
        .unwrap()
        .random(Some(4.0))
        .unwrap();
    assert_ne!(a, b, "two unseeded Generators gave the same numbers");
}

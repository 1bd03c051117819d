//! JAX and RustRng in headless Chromium (included from tests/web.rs): the fixtures replayed as
//! WebAssembly, and the JS-facing layer (`jaxKey`, `jaxSplit`, `jaxUniform`, `jaxNormal`,
//! `RustRng`): seeds as Number / BigInt, keys as Uint32Array / Array, errors thrown as JS `Error`s
//! with the library's exception name and message.

use crate::{jax_fixtures, rust_rng_fixtures};
use seedlab::wasm::{jax_key, jax_normal, jax_split, jax_uniform, JsRustRng};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn thrown<T>(result: Result<T, JsValue>) -> (String, String) {
    crate::thrown(result).expect("an error is thrown")
}

fn key_array(words: &[u32]) -> JsValue {
    js_sys::Uint32Array::from(words).into()
}

// ---------------------------------------------------------------------------------------- JAX

#[wasm_bindgen_test]
fn jax_fixtures_in_the_browser() {
    let report = jax_fixtures::run_jax();
    console_log!("{}", report.table(&crate::platform()));
    // Normals too: XLA's log1p and erf_inv are plain float32 arithmetic, FMAs and sqrt, all
    // exact in wasm (`mul_add` is a correctly rounded software FMA there).
    report.assert_exact("jax", &["key", "split", "bits", "uniform", "normal"]);
}

#[wasm_bindgen_test]
fn jax_normal_on_every_input_in_the_browser() {
    let (checked, identical) = jax_fixtures::normal_all_blocks(1);
    console_log!(
        "jax normal, all 2**23 inputs: {identical} of {checked} blocks of 32768 identical"
    );
    assert_eq!(identical, checked);
}

#[wasm_bindgen_test]
#[allow(clippy::excessive_precision)] // the digits JAX printed
fn jax_js_api_matches_the_fixtures() {
    let key = jax_key(JsValue::from_f64(17.0)).unwrap();
    assert_eq!(key, [0, 17]);
    assert_eq!(jax_key(JsValue::from(17_i128)).unwrap(), key);
    assert_eq!(
        jax_key(JsValue::from(i128::from(i64::MAX))).unwrap(),
        [0, u32::MAX]
    );
    assert_eq!(jax_key(JsValue::from(-1_i128)).unwrap(), [0, u32::MAX]);
    // split's num defaults to 2, as in JAX.
    let keys = jax_split(key_array(&key), None).unwrap();
    assert_eq!(
        keys,
        [1_410_583_977, 344_060_510, 677_216_225, 3_396_477_011]
    );
    assert!(jax_split(key_array(&key), Some(0.0)).unwrap().is_empty());
    // A plain Array of Numbers or BigInts works as a key too.
    let array: js_sys::Array = [JsValue::from_f64(0.0), JsValue::from(17_i128)]
        .into_iter()
        .collect();
    let normals = jax_normal(array.into(), Some(5.0)).unwrap();
    assert_eq!(normals, jax_normal(key_array(&key), Some(5.0)).unwrap());
    assert_eq!(
        normals,
        [
            -0.6674840450286865_f32,
            1.1928467750549316,
            0.7245218753814697,
            -0.3257403075695038,
            0.6412950754165649
        ]
    );
    let u = jax_uniform(key_array(&keys[2..]), Some(3.0)).unwrap();
    assert!(u.iter().all(|x| (0.0..1.0).contains(x)));
}

#[wasm_bindgen_test]
fn jax_bad_input_throws_jaxs_errors() {
    let fixture = jax_fixtures::fixture();
    for case in &fixture.seed_errors {
        let seed: i128 = case.seed.parse().unwrap();
        let (name, message) = thrown(jax_key(JsValue::from(seed)));
        assert_eq!((name, message), (case.error.clone(), case.message.clone()));
    }
    for case in &fixture.errors {
        let (words, count) = jax_fixtures::error_args(case);
        let key = key_array(&words);
        let (name, message) = thrown(match case.op.as_str() {
            "split" => jax_split(key, Some(count)).map(drop),
            "uniform" => jax_uniform(key, Some(count)).map(drop),
            "normal" => jax_normal(key, Some(count)).map(drop),
            other => panic!("unknown op {other}"),
        });
        assert_eq!(
            (name.as_str(), message.as_str()),
            (case.error.as_str(), case.message.as_str()),
            "{}",
            case.call
        );
    }
    console_log!(
        "{} JAX error cases threw JAX's exception and message",
        fixture.seed_errors.len() + fixture.errors.len()
    );
    // Inputs only JS can pass: clear TypeErrors.
    let (name, message) = thrown(jax_key(JsValue::from_f64(1.5)));
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "PRNG key seed must be an integer; got 1.5")
    );
    let (name, message) = thrown(jax_normal(JsValue::from_f64(17.0), Some(3.0)));
    assert_eq!(name, "TypeError");
    assert!(message.contains("Uint32Array"), "{message}");
    let bad_word: js_sys::Array = [JsValue::from_f64(0.0), JsValue::from_f64(-1.0)]
        .into_iter()
        .collect();
    let (name, message) = thrown(jax_normal(bad_word.into(), Some(3.0)));
    assert_eq!(
        (name.as_str(), message.as_str()),
        (
            "TypeError",
            "key words must be integers in [0, 2**32) (uint32); got -1"
        )
    );
    let (name, _) = thrown(jax_normal(key_array(&[0, 17]), Some(-1.0)));
    assert_eq!(name, "ValueError");
    let (name, message) = thrown(jax_uniform(key_array(&[0, 17]), None));
    assert_eq!(
        (name.as_str(), message.as_str()),
        ("TypeError", "missing the count n (how many values to draw)")
    );
    let (name, _) = thrown(jax_uniform(key_array(&[0, 17]), Some(2f64.powi(40))));
    assert_eq!(name, "RuntimeError");
}

// ----------------------------------------------------------------------------------- RustRng

#[wasm_bindgen_test]
fn rust_rng_fixtures_in_the_browser() {
    let report = rust_rng_fixtures::run_rust_rng();
    console_log!("{}", report.table(&crate::platform()));
    report.assert_exact("rust rng", &["random", "uniform"]);
    // StandardNormal's ziggurat calls std's exp (wedge test) and ln (tail) inside rand_distr,
    // which are glibc's natively (the definition) and a musl port in wasm: src/math cannot
    // replace them. Measured natively on 10 million draws, libm-style math changes 1 value in a
    // million by 1 ulp, so these are reported, and only a loss of step (a flipped wedge test,
    // which would shift every later value) fails the test.
    for function in ["standard_normal", rust_rng_fixtures::LONG] {
        let t = &report.tallies[&("rust rng", function)];
        console_log!(
            "rust rng {function}: {} of {} bit-identical, max {} ulp",
            t.identical,
            t.compared,
            t.max_ulp
        );
        assert!(t.max_ulp <= 2, "{function}: max {} ulp", t.max_ulp);
        assert!(t.compared - t.identical <= 5, "{function}: lost step?");
    }
}

#[wasm_bindgen_test]
fn rust_rng_js_api() {
    let mut rng = JsRustRng::new(JsValue::from_f64(17.0)).unwrap();
    let from_bigint = JsRustRng::new(JsValue::from(17_i128))
        .unwrap()
        .random(Some(3.0))
        .unwrap();
    assert_eq!(rng.random(Some(3.0)).unwrap(), from_bigint);
    let mut max = JsRustRng::new(JsValue::from(u64::MAX)).unwrap();
    assert_eq!(max.standard_normal(Some(2.0)).unwrap().len(), 2);
    let u = rng.uniform(-2.0, 5.0, Some(100.0)).unwrap();
    assert!(u.iter().all(|x| (-2.0..5.0).contains(x)));
    for seed in [JsValue::from(-1_i128), JsValue::from(1_i128 << 64)] {
        let (name, message) = thrown(JsRustRng::new(seed));
        assert_eq!(name, "ValueError");
        assert!(message.starts_with("seed must be a u64"), "{message}");
    }
    let (name, _) = thrown(JsRustRng::new(JsValue::from_f64(1.5)));
    assert_eq!(name, "TypeError");
    let (name, message) = thrown(rng.uniform(1.0, 1.0, Some(3.0)));
    assert_eq!(
        (name.as_str(), message.as_str()),
        (
            "ValueError",
            "low > high (or equal if exclusive) in uniform distribution"
        )
    );
    let (name, _) = thrown(rng.random(Some(-1.0)));
    assert_eq!(name, "TypeError");
    let a = JsRustRng::new(JsValue::UNDEFINED)
        .unwrap()
        .random(Some(5.0))
        .unwrap();
    let b = JsRustRng::new(JsValue::NULL)
        .unwrap()
        .random(Some(5.0))
        .unwrap();
    assert_ne!(a, b, "two unseeded RustRngs gave the same numbers");
}

//! NumPy's calls beyond the lesson's in headless Chromium (included from tests/web.rs): the
//! fixtures of numpy_extended.json replayed as WebAssembly, NumPy's errors thrown through the
//! JS API, and the JS API's typed arrays, state objects and in-place shuffles.
//!
//! (A subdirectory of tests/, so Cargo does not build it as a test crate of its own.)

use crate::common::{PyArg, Report};
use crate::numpy_extended_fixtures as fixtures;
use crate::{js_arg, thrown};
use seedlab::wasm::{default_rng, JsGenerator, JsRandomState};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

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
fn random_state_extended_fixtures_in_the_browser() {
    print_and_check(&fixtures::run_legacy());
}

#[wasm_bindgen_test]
fn generator_extended_fixtures_in_the_browser() {
    print_and_check(&fixtures::run_generator());
}

#[wasm_bindgen_test]
fn long_exponentials_in_the_browser() {
    print_and_check(&fixtures::run_long_exponentials());
}

#[wasm_bindgen_test]
fn long_float32_normals_in_the_browser() {
    print_and_check(&fixtures::run_long_normals_f32());
}

#[wasm_bindgen_test]
fn log1pf_on_float32_tail_inputs_in_the_browser() {
    // Every eighth block (2,097,152 inputs): the whole set takes too long for one synchronous
    // test in a debug build; natively all 256 blocks are checked.
    let (checked, blocks, samples) = fixtures::check_log1pf(8);
    console_log!(
        "log1pf on {}: {} inputs in {checked} blocks, {blocks} blocks and {samples} samples differ from glibc",
        crate::platform(),
        checked * 65_536
    );
    assert_eq!((checked, blocks, samples), (32, 0, 0));
}

fn rs() -> JsRandomState {
    JsRandomState::new(JsValue::from_f64(17.0)).unwrap()
}

fn rng() -> JsGenerator {
    default_rng(JsValue::from_f64(17.0), JsValue::UNDEFINED).unwrap()
}

/// A JS array of the fixture's numbers (Numbers, BigInts beyond 2**53).
fn js_list(args: &[PyArg]) -> JsValue {
    args.iter().map(js_arg).collect::<js_sys::Array>().into()
}

/// Calls the exported API as JS would and returns the thrown error's name and message.
fn call_js_api(case: &fixtures::ErrorCase) -> Option<(String, String)> {
    let args: Vec<PyArg> = case.args.iter().map(fixtures::py_arg).collect();
    let js = |i: usize| js_arg(&args[i]);
    let count = |i: usize| Some(args[i].as_f64());
    let kw_js = |name: &str| {
        case.kwargs
            .get(name)
            .map_or(JsValue::UNDEFINED, |v| match (v.get("str"), v.as_bool()) {
                (Some(s), _) => JsValue::from_str(s.as_str().unwrap()),
                (None, Some(b)) => JsValue::from_bool(b),
                (None, None) => js_arg(&fixtures::py_arg(v)),
            })
    };
    let p = || match case.kw_p() {
        Some(p) => js_sys::Float64Array::from(&p[..]).into(),
        None => JsValue::NULL,
    };
    let array = case.kw_bool("array") == Some(true);
    let replace = || case.args[2].as_bool();
    thrown(match (case.target.as_str(), case.op.as_str()) {
        ("legacy", "randint") => rs()
            .randint_typed(js(0), js(1), count(2), kw_js("dtype"))
            .map(drop),
        ("generator", "integers") => rng()
            .integers_typed(js(0), js(1), count(2), kw_js("dtype"), kw_js("endpoint"))
            .map(drop),
        ("legacy", "choice") if array => rs()
            .choice_indices(args[0].as_f64(), count(1), replace(), p())
            .map(drop),
        ("legacy", "choice") => rs().choice(js(0), count(1), replace(), p()).map(drop),
        ("generator", "choice") if array => rng()
            .choice_indices(args[0].as_f64(), count(1), replace(), p(), kw_js("shuffle"))
            .map(drop),
        ("generator", "choice") => rng()
            .choice(js(0), count(1), replace(), p(), kw_js("shuffle"))
            .map(drop),
        ("legacy", "set_state") => {
            let PyArg::List(key) = &args[0] else {
                panic!("key")
            };
            let key = if case.kw_str("key_kind").as_deref() == Some("list") {
                js_list(key)
            } else {
                let words: Vec<u32> = key.iter().map(|k| k.as_f64() as u32).collect();
                js_sys::Uint32Array::from(&words[..]).into()
            };
            let (has_gauss, gauss) = match case.kwargs.get("gauss").and_then(|g| g.as_array()) {
                Some(g) => (
                    js_arg(&fixtures::py_arg(&g[0])),
                    JsValue::from_f64(fixtures::py_arg(&g[1]).as_f64()),
                ),
                None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
            };
            let name = case.kw_str("name").unwrap();
            rs().set_state(JsValue::from_str(&name), key, js(1), has_gauss, gauss)
        }
        ("legacy", "exponential") => rs().exponential(args[0].as_f64(), count(1)).map(drop),
        ("generator", "exponential") => rng().exponential(args[0].as_f64(), count(1)).map(drop),
        ("legacy", "standard_exponential") => rs().standard_exponential(count(0)).map(drop),
        ("generator", "standard_exponential") => rng().standard_exponential(count(0)).map(drop),
        ("legacy", "poisson") => rs().poisson(args[0].as_f64(), count(1)).map(drop),
        ("legacy", "geometric") => rs().geometric(args[0].as_f64(), count(1)).map(drop),
        ("legacy", "binomial") => rs().binomial(js(0), args[1].as_f64(), count(2)).map(drop),
        ("generator", "random32") => rng().random_float32(count(0)).map(drop),
        ("generator", "normal32") => rng().standard_normal_float32(count(0)).map(drop),
        (target, op) => panic!("no JS mapping for {target} {op}"),
    })
}

/// The JS API has no dtype argument on `random` and `standardNormal` (the float32 streams are
/// `randomFloat32` and `standardNormalFloat32`), so those cases are checked natively only.
fn js_expressible(case: &fixtures::ErrorCase) -> bool {
    case.op != "random_dtype" && case.op != "normal_dtype"
}

#[wasm_bindgen_test]
fn bad_input_throws_numpys_error_through_the_js_api() {
    let cases: Vec<_> = fixtures::fixture()
        .errors
        .into_iter()
        .filter(js_expressible)
        .collect();
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
        "{} NumPy error cases (dtypes, choice with p, set_state, distributions) threw NumPy's exception and message",
        cases.len()
    );
}

#[wasm_bindgen_test]
fn typed_arrays_of_each_dtype() {
    let draw = |dtype: &str| {
        rs().randint_typed(
            JsValue::from_f64(0.0),
            JsValue::from_f64(2.0),
            Some(3.0),
            JsValue::from_str(dtype),
        )
        .unwrap()
    };
    assert!(draw("int64").is_instance_of::<js_sys::BigInt64Array>());
    assert!(draw("uint64").is_instance_of::<js_sys::BigUint64Array>());
    assert!(draw("int32").is_instance_of::<js_sys::Int32Array>());
    assert!(draw("uint16").is_instance_of::<js_sys::Uint16Array>());
    assert!(draw("int8").is_instance_of::<js_sys::Int8Array>());
    let bools = draw("bool");
    assert!(bools.is_instance_of::<js_sys::Uint8Array>());
    // np.random.RandomState(17).randint(0, 2, 3, dtype=bool): [True, True, True]
    assert_eq!(js_sys::Uint8Array::from(bools).to_vec(), [1, 1, 1]);
    // np.random.RandomState(17).randint(0, 256, 3, dtype=np.uint8): [111, 42, 111]
    let bytes = rs()
        .randint_typed(
            JsValue::from_f64(0.0),
            JsValue::from_f64(256.0),
            Some(3.0),
            JsValue::from_str("uint8"),
        )
        .unwrap();
    assert_eq!(js_sys::Uint8Array::from(bytes).to_vec(), [111, 42, 111]);
    // The default dtype is int64; the values match the Float64Array randint.
    let typed = rs()
        .randint_typed(
            JsValue::from_f64(0.0),
            JsValue::from_f64(100.0),
            Some(5.0),
            JsValue::UNDEFINED,
        )
        .unwrap();
    let floats = rs()
        .randint(JsValue::from_f64(0.0), JsValue::from_f64(100.0), Some(5.0))
        .unwrap();
    let typed: Vec<f64> = js_sys::BigInt64Array::from(typed)
        .to_vec()
        .into_iter()
        .map(|v| v as f64)
        .collect();
    assert_eq!(typed, floats);
    // Generator: integers(0, 10, 3, endpoint=True, dtype=np.int8) for seed 17 is [4, 8, 7].
    let small = rng()
        .integers_typed(
            JsValue::from_f64(0.0),
            JsValue::from_f64(10.0),
            Some(3.0),
            JsValue::from_str("int8"),
            JsValue::TRUE,
        )
        .unwrap();
    assert_eq!(js_sys::Int8Array::from(small).to_vec(), [4, 8, 7]);
}

#[wasm_bindgen_test]
fn state_objects_round_trip() {
    let mut a = rs();
    a.randn(Some(1.0)).unwrap();
    let state = a.get_state();
    let field = |name: &str| js_sys::Reflect::get(&state, &JsValue::from_str(name)).unwrap();
    assert!(field("key").is_instance_of::<js_sys::Uint32Array>());
    assert_eq!(field("pos").as_f64(), Some(4.0));
    assert_eq!(field("hasGauss").as_f64(), Some(1.0));
    // np.random.seed(17); np.random.randn(); get_state()[4]
    assert_eq!(field("cachedGaussian").as_f64(), Some(-1.854628078806505));
    let expected = a.randn(Some(5.0)).unwrap();
    let mut b = JsRandomState::new(JsValue::from_f64(1.0)).unwrap();
    b.set_state(
        "MT19937".into(),
        field("key"),
        field("pos"),
        field("hasGauss"),
        field("cachedGaussian"),
    )
    .unwrap();
    assert_eq!(b.randn(Some(5.0)).unwrap(), expected);

    let mut g = rng();
    let state = g.bit_generator_state();
    let get = |name: &str| js_sys::Reflect::get(&state, &JsValue::from_str(name)).unwrap();
    // np.random.PCG64(17).state
    assert_eq!(
        get("state"),
        JsValue::from(191425278619858320667688084520535371943_u128)
    );
    assert_eq!(get("hasUint32").as_f64(), Some(0.0));
    g.integers(JsValue::from_f64(0.0), JsValue::from_f64(10.0), Some(1.0))
        .unwrap();
    let state = g.bit_generator_state();
    let has = js_sys::Reflect::get(&state, &JsValue::from_str("hasUint32")).unwrap();
    assert_eq!(has.as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn shuffle_in_place_is_permutations_order() {
    let order: Vec<f64> = rs().permutation(JsValue::from_f64(10.0)).unwrap();
    let array: js_sys::Array = (0..10)
        .map(|i| JsValue::from_f64(f64::from(i) * 10.0))
        .collect();
    rs().shuffle(array.clone().into()).unwrap();
    let shuffled: Vec<f64> = array.iter().map(|v| v.as_f64().unwrap() / 10.0).collect();
    assert_eq!(shuffled, order);
    let order: Vec<f64> = rng().permutation(JsValue::from_f64(7.0)).unwrap();
    let typed = js_sys::Float64Array::from(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0][..]);
    rng().shuffle(typed.clone().into()).unwrap();
    assert_eq!(typed.to_vec(), order);
}

#[wasm_bindgen_test]
fn choice_with_p_through_the_js_api() {
    // np.random.RandomState(17).choice(4, 5, p=[0.1, 0.2, 0.3, 0.4]) and the Generator's.
    let p: JsValue = js_sys::Float64Array::from(&[0.1, 0.2, 0.3, 0.4][..]).into();
    let legacy = rs()
        .choice(JsValue::from_f64(4.0), Some(5.0), None, p.clone())
        .unwrap();
    let native = seedlab::numpy::RandomState::from_u32(17)
        .choice_from(
            seedlab::numpy::Population::Int(4),
            5,
            true,
            Some(&[0.1, 0.2, 0.3, 0.4]),
        )
        .unwrap();
    assert_eq!(legacy, native.iter().map(|&v| v as f64).collect::<Vec<_>>());
    let list: JsValue = [0.1, 0.2, 0.3, 0.4]
        .iter()
        .map(|&x| JsValue::from_f64(x))
        .collect::<js_sys::Array>()
        .into();
    let from_list = rs()
        .choice(JsValue::from_f64(4.0), Some(5.0), None, list)
        .unwrap();
    assert_eq!(from_list, legacy);
    let indices = rs()
        .choice_indices(4.0, Some(5.0), None, p.clone())
        .unwrap();
    assert_eq!(indices, legacy);
    let unshuffled = rng()
        .choice(
            JsValue::from_f64(10.0),
            Some(10.0),
            Some(false),
            JsValue::NULL,
            JsValue::FALSE,
        )
        .unwrap();
    let mut sorted = unshuffled.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(sorted, (0..10).map(f64::from).collect::<Vec<_>>());
}

#[wasm_bindgen_test]
fn spawned_generators_in_the_browser() {
    print_and_check(&fixtures::run_spawn());
    // Through the JS API: children, and a spawn key, as the Rust API gives them.
    let mut parent = rng();
    let mut children = parent.spawn(2.0).unwrap();
    let mut native = seedlab::numpy::default_rng(Some(&seedlab::numpy::Entropy::from(17u32)))
        .unwrap()
        .spawn(2)
        .unwrap();
    assert_eq!(
        children[1].random(Some(3.0)).unwrap(),
        native[1].random(3).unwrap()
    );
    let key: JsValue = js_sys::Array::of2(&JsValue::from_f64(1.0), &JsValue::from_f64(2.0)).into();
    let mut keyed = default_rng(JsValue::from_f64(17.0), key).unwrap();
    let mut native_keyed = seedlab::numpy::default_rng_with_spawn_key(
        Some(&seedlab::numpy::Entropy::from(17u32)),
        &[1u32.into(), 2u32.into()],
    )
    .unwrap();
    assert_eq!(
        keyed.random(Some(3.0)).unwrap(),
        native_keyed.random(3).unwrap()
    );
    let (name, _) = thrown(parent.spawn(-1.0).map(drop)).unwrap();
    assert_eq!(name, "TypeError");
}

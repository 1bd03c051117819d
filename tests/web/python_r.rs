//! CPython's `random` and R's RNG in headless Chromium: the fixtures replayed as WebAssembly,
//! and the JS API (`PyRandom`, `RRandom`): seeds of every JS type, errors thrown with the
//! library's text, in-place shuffles, unseeded generators.
//!
//! A child module of tests/web.rs, kept under tests/web/ so that cargo does not also build it as
//! a test target of its own.

#[path = "../common/cpython.rs"]
mod cpython;
#[path = "../common/r.rs"]
mod r;

use crate::common::{py_arg, ErrorCase, PyArg};
use crate::thrown;
use seedlab::wasm::{JsPyRandom, JsRRandom};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn cpython_fixtures_in_the_browser() {
    let report = cpython::run();
    console_log!("{}", report.table(&crate::platform()));
    report.assert_exact(
        cpython::DIALECT,
        &["random", "randint", "shuffle", "choice"],
    );
    console_log!("{}", cpython::check_gauss(&report));
}

#[wasm_bindgen_test]
fn r_fixtures_in_the_browser() {
    let report = r::run();
    console_log!("{}", report.table(&crate::platform()));
    // rnorm's only libm call is log, which seedlab::math ports bit for bit from glibc.
    report.assert_exact(
        r::DIALECT,
        &["set.seed (.Random.seed words)", "runif", "sample", "rnorm"],
    );
}

/// A fixture seed as JS passes it: ints as BigInt, strings as strings, floats as Numbers. Floats
/// with an integral value are ints in JS (17.0 === 17), so those cases are not expressible.
fn js_seed(seed: &cpython::SeedJson) -> Option<JsValue> {
    Some(match seed {
        cpython::SeedJson::Int(s) => js_sys::BigInt::new(&JsValue::from_str(s)).ok()?.into(),
        cpython::SeedJson::Str(s) => JsValue::from_str(s),
        cpython::SeedJson::Float(bits) => {
            let x = cpython::hex_f64(bits);
            if x.is_finite() && x.fract() == 0.0 {
                return None;
            }
            JsValue::from_f64(x)
        }
    })
}

/// The `random`/`gauss` streams of every case again, through the JS class and its seed
/// conversions (BigInt, string, float Numbers).
#[wasm_bindgen_test]
fn cpython_streams_through_the_js_api() {
    let (mut compared, mut identical, mut cases) = (0, 0, 0);
    for case in cpython::fixture().cases {
        let Some(seed) = js_seed(&case.seed) else {
            continue;
        };
        cases += 1;
        let mut py = JsPyRandom::new(seed).unwrap();
        for op in &case.ops {
            let got = match op.op.as_str() {
                "random" => py.random(Some(op.n as f64)).unwrap(),
                "gauss" => py
                    .gauss(op.mu.unwrap(), op.sigma.unwrap(), Some(op.n as f64))
                    .unwrap(),
                "randint" => {
                    let (a, b): (i128, i128) = (
                        op.a.as_ref().unwrap().parse().unwrap(),
                        op.b.as_ref().unwrap().parse().unwrap(),
                    );
                    let got = py
                        .randint(JsValue::from(a), JsValue::from(b), Some(op.n as f64))
                        .unwrap();
                    // Exact only up to 2**53; the draws are checked natively beyond.
                    if a.unsigned_abs() > 1 << 53 || b.unsigned_abs() > 1 << 53 {
                        continue;
                    }
                    assert_eq!(
                        got,
                        op.integers().iter().map(|&v| v as f64).collect::<Vec<_>>(),
                        "{}: randint({a}, {b})",
                        case.name
                    );
                    continue;
                }
                _ => break, // seed, shuffle, choice: covered by the Rust replay and below
            };
            for (w, g) in op.floats().iter().zip(&got) {
                compared += 1;
                identical += usize::from(w.to_bits() == g.to_bits());
            }
            if op.op == "random" {
                assert_eq!(got, op.floats(), "{}: random({})", case.name, op.n);
            }
        }
    }
    console_log!(
        "PyRandom (JS API), {cases} seeds: random and gauss {identical} of {compared} bit-identical"
    );
    assert!(cases >= 40);
}

/// A JS argument for an R fixture argument.
fn r_js_arg(v: &serde_json::Value) -> JsValue {
    match r::arg(v) {
        None => JsValue::UNDEFINED,
        Some(x) => JsValue::from_f64(x),
    }
}

fn call_js_api(case: &ErrorCase) -> Option<(String, String)> {
    let py = || JsPyRandom::new(JsValue::from_f64(17.0)).unwrap();
    let rr = || JsRRandom::new(JsValue::from_f64(17.0)).unwrap();
    if case.library == "cpython" {
        let args: Vec<PyArg> = case.args.iter().map(py_arg).collect();
        let js = |i: usize| crate::js_arg(&args[i]);
        return thrown(match case.op.as_str() {
            "randint" => py().randint(js(0), js(1), Some(1.0)).map(drop),
            "choice" => py().choice(args[0].as_f64(), Some(1.0)).map(drop),
            "Random" => JsPyRandom::new(js(0)).map(drop),
            "seed" => py().seed(js(0), JsValue::UNDEFINED),
            "getrandbits" => py().getrandbits(js(0)).map(drop),
            "randrange" => {
                let opt = |i: usize| args.get(i).map_or(JsValue::UNDEFINED, crate::js_arg);
                py().randrange(js(0), opt(1), opt(2)).map(drop)
            }
            "choices" => {
                let kw = |name: &str| {
                    case.kwargs
                        .get(name)
                        .map_or(JsValue::UNDEFINED, |v| crate::js_arg(&py_arg(v)))
                };
                let k = case
                    .kwargs
                    .get("k")
                    .map_or(JsValue::from_f64(1.0), |v| crate::js_arg(&py_arg(v)));
                let weights = args.get(1).map_or(JsValue::UNDEFINED, crate::js_arg);
                py().choices(js(0), k, weights, kw("cum_weights")).map(drop)
            }
            "sample" => py().sample(js(0), js(1)).map(drop),
            "expovariate" => py().expovariate(args[0].as_f64(), Some(1.0)).map(drop),
            "lognormvariate" => py()
                .lognormvariate(args[0].as_f64(), args[1].as_f64(), Some(1.0))
                .map(drop),
            "setstate" => py().setstate(js(0), js(1), None),
            other => panic!("no JS mapping for cpython {other}"),
        });
    }
    let n = |i: usize| r::arg(&case.args[i]);
    thrown(match case.op.as_str() {
        "set_seed" => {
            let (a, b) = (
                thrown(JsRRandom::new(r_js_arg(&case.args[0])).map(drop)),
                thrown(rr().set_seed(r_js_arg(&case.args[0]))),
            );
            assert_eq!(a, b, "{}: constructor and setSeed disagree", case.call);
            return a;
        }
        "runif" => rr().runif(n(0), None, None).map(drop),
        "rnorm" => rr().rnorm(n(0), None, None).map(drop),
        "sample" => rr().sample(n(0), n(1), case.args[2].as_bool()).map(drop),
        other => panic!("no JS mapping for R {other}"),
    })
}

/// An error case JS can express: JS has one number type, so an integral float (CPython's
/// `randrange(10, None, 1.0)`, `setstate((4.0, ...))`) reaches the API as the int, which CPython
/// treats differently; those cases are checked through the Rust API natively.
fn js_expressible(case: &ErrorCase) -> bool {
    fn integral_float(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Array(items) => items.iter().any(integral_float),
            _ => v
                .get("float")
                .and_then(|f| f.as_f64())
                .is_some_and(|f| f.fract() == 0.0),
        }
    }
    case.library != "cpython" || !case.args.iter().any(integral_float)
}

#[wasm_bindgen_test]
fn bad_input_throws_cpython_and_r_errors() {
    let all: Vec<ErrorCase> = cpython::fixture()
        .errors
        .into_iter()
        .chain(r::fixture().errors)
        .collect();
    let total = all.len();
    let cases: Vec<ErrorCase> = all.into_iter().filter(js_expressible).collect();
    console_log!(
        "{} error cases with an integral float argument are checked natively only",
        total - cases.len()
    );
    assert!(total - cases.len() <= 6);
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
        "{} CPython and R error cases threw the library's message",
        cases.len()
    );
}

#[wasm_bindgen_test]
fn cpython_extended_fixtures_in_the_browser() {
    let report = cpython::run_extended();
    console_log!("{}", report.table(&crate::platform()));
    assert!(
        report.hard_failures.is_empty(),
        "{:#?}",
        report.hard_failures
    );
    for (dialect, function) in report.tallies.keys() {
        report.assert_all_identical(dialect, function);
    }
    let checked = cpython::check_sample_setsize(1_000_000);
    console_log!("sample setsize: {checked} values of k checked against CPython's steps");
}

/// The extended integer calls through the JS API: BigInts equal to CPython's ints.
#[wasm_bindgen_test]
fn cpython_big_ints_through_the_js_api() {
    let mut compared = 0;
    for case in cpython::fixture().extended_cases {
        let Some(seed) = js_seed(&case.seed) else {
            continue;
        };
        let mut py = JsPyRandom::new(seed).unwrap();
        for op in &case.ops {
            let js = |i: usize| {
                op.args
                    .get(i)
                    .map_or(JsValue::UNDEFINED, |v| crate::js_arg(&py_arg(v)))
            };
            let got = match op.op.as_str() {
                "getrandbits" => py.getrandbits(js(0)).unwrap(),
                "randbelow" => py.randbelow(js(0)).unwrap(),
                "randrange" => py.randrange(js(0), js(1), js(2)).unwrap(),
                "random" => {
                    py.random(Some(op.n.unwrap() as f64)).unwrap();
                    continue;
                }
                _ => break,
            };
            let want = &op.ints.as_ref().unwrap()[0];
            assert_eq!(
                got.to_string(10).unwrap(),
                want.as_str(),
                "{}: {}",
                case.name,
                op.op
            );
            compared += 1;
        }
    }
    console_log!("PyRandom getrandbits / randbelow / randrange (JS API): {compared} BigInts equal to CPython's");
    assert!(compared >= 300, "{compared}");
}

#[wasm_bindgen_test]
fn py_random_seeds_of_every_js_type() {
    let first = |seed: JsValue| JsPyRandom::new(seed).unwrap().random(Some(3.0)).unwrap();
    // random.seed(17); [random.random() for _ in range(3)]
    let want = [0.5219839097124932, 0.8066907771186791, 0.9604947743238768];
    assert_eq!(first(JsValue::from_f64(17.0)), want);
    assert_eq!(first(JsValue::from(17_i64)), want);
    assert_eq!(
        first(JsValue::from_f64(-17.0)),
        want,
        "ints seed by absolute value"
    );
    assert_eq!(
        first(JsValue::from_str("hello")),
        first(js_sys::Uint8Array::from(&b"hello"[..]).into()),
        "a str seeds with its UTF-8 bytes"
    );
    assert_eq!(first(JsValue::TRUE), first(JsValue::from_f64(1.0)));
    // A Number beyond 2**64 with an integral value is that int, exactly.
    assert_eq!(
        first(JsValue::from_f64(2f64.powi(70))),
        first(
            js_sys::BigInt::new(&JsValue::from_str("1180591620717411303424"))
                .unwrap()
                .into()
        )
    );
    let (name, message) = thrown(JsPyRandom::new(JsValue::from_f64(f64::NAN)).map(drop)).unwrap();
    assert_eq!(name, "ValueError");
    assert!(message.contains("NaN"), "{message}");
    let mut py = JsPyRandom::new(JsValue::from_f64(17.0)).unwrap();
    assert_eq!(
        thrown(py.random(None).map(drop)).unwrap(),
        (
            "TypeError".into(),
            "missing the count n (how many values to draw)".into()
        )
    );
    assert_eq!(
        thrown(py.random(Some(-1.0)).map(drop)).unwrap().0,
        "ValueError"
    );
    assert_eq!(
        thrown(py.random(Some(2.5)).map(drop)).unwrap().0,
        "TypeError"
    );
}

#[wasm_bindgen_test]
fn py_random_shuffles_arrays_and_typed_arrays_in_place() {
    // random.seed(17); x = list(range(10)); random.shuffle(x)
    let mut rust = seedlab::python::Random::from_int(17);
    let mut want: Vec<u32> = (0..10).collect();
    rust.shuffle(&mut want);
    let array: js_sys::Array = (0..10).map(|i| JsValue::from_f64(f64::from(i))).collect();
    JsPyRandom::new(JsValue::from_f64(17.0))
        .unwrap()
        .shuffle(array.clone().into())
        .unwrap();
    let got: Vec<u32> = array.iter().map(|v| v.as_f64().unwrap() as u32).collect();
    assert_eq!(got, want);
    let typed = js_sys::Int32Array::from(&(0..10).collect::<Vec<i32>>()[..]);
    JsPyRandom::new(JsValue::from_f64(17.0))
        .unwrap()
        .shuffle(typed.clone().into())
        .unwrap();
    assert_eq!(
        typed.to_vec(),
        want.iter().map(|&v| v as i32).collect::<Vec<_>>()
    );
    let (name, _) = thrown(
        JsPyRandom::new(JsValue::from_f64(17.0))
            .unwrap()
            .shuffle(JsValue::from_f64(5.0)),
    )
    .unwrap();
    assert_eq!(name, "TypeError");
}

#[wasm_bindgen_test]
fn r_random_defaults_state_and_seeds() {
    let mut rr = JsRRandom::new(JsValue::from_f64(17.0)).unwrap();
    assert_eq!(
        rr.random_seed()[..4],
        [10403, 624, -1_895_491_523, -510_885_414]
    );
    // set.seed(17); runif(3)
    assert_eq!(
        rr.runif(Some(3.0), None, None).unwrap(),
        [0.1550508332438767, 0.9683788088150322, 0.46826308593153954]
    );
    rr.set_seed(JsValue::from(17_i64)).unwrap();
    assert_eq!(
        rr.sample(Some(10.0), None, None).unwrap(),
        [2.0, 8.0, 1.0, 6.0, 4.0, 5.0, 3.0, 10.0, 7.0, 9.0]
    );
    assert_eq!(
        thrown(rr.runif(None, None, None).map(drop)).unwrap(),
        (
            "Error".into(),
            "argument \"n\" is missing, with no default".into()
        )
    );
    let (name, message) = thrown(JsRRandom::new(JsValue::from_str("17")).map(drop)).unwrap();
    assert_eq!(name, "TypeError");
    assert!(message.contains("got a string"), "{message}");
    let (name, _) = thrown(JsRRandom::new(JsValue::from(1_i64 << 40)).map(drop)).unwrap();
    assert_eq!(name, "Error");
}

#[wasm_bindgen_test]
fn unseeded_py_and_r_generators_differ() {
    let py = || {
        JsPyRandom::new(JsValue::UNDEFINED)
            .unwrap()
            .random(Some(5.0))
            .unwrap()
    };
    assert_ne!(py(), py());
    let rr = || {
        JsRRandom::new(JsValue::NULL)
            .unwrap()
            .runif(Some(5.0), None, None)
            .unwrap()
    };
    assert_ne!(rr(), rr());
    let mut reseeded = JsRRandom::new(JsValue::from_f64(17.0)).unwrap();
    reseeded.set_seed(JsValue::UNDEFINED).unwrap();
    assert_ne!(
        reseeded.random_seed()[2..],
        JsRRandom::new(JsValue::from_f64(17.0))
            .unwrap()
            .random_seed()[2..]
    );
}

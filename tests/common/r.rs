//! Replay of tests/fixtures/r_random.json (written by generate_r.py from R 4.2.2) through
//! `seedlab::r::Random`, shared by the native tests (tests/python_r.rs) and the browser tests
//! (tests/web_python_r.rs).
#![allow(dead_code)]

use super::cpython::{compare_f64, hex_f64};
use crate::common::{ErrorCase, Report, Tally};
use seedlab::r::{self, Random};
use serde::Deserialize;
use serde_json::Value;

pub const R_RANDOM: &str = include_str!("../fixtures/r_random.json");
pub const DIALECT: &str = "r";

#[derive(Deserialize)]
pub struct Fixture {
    pub r_version: String,
    pub cases: Vec<Case>,
    pub errors: Vec<ErrorCase>,
}

#[derive(Deserialize)]
pub struct Case {
    pub name: String,
    /// The seed as Python's repr: "17", "1.5".
    pub seed: String,
    /// `.Random.seed` right after `set.seed(seed)`.
    pub random_seed: Vec<i32>,
    pub ops: Vec<Op>,
}

#[derive(Deserialize)]
pub struct Op {
    pub op: String,
    pub pos: i32,
    pub seed: Option<String>,
    #[serde(default)]
    pub args: Vec<Value>,
    pub f64: Option<Vec<String>>,
    pub values: Option<Vec<String>>,
}

/// An argument as generate_r.py writes it: `{"float": x}` (NaN and infinities as strings),
/// `null` or a boolean.
pub fn arg(v: &Value) -> Option<f64> {
    match v {
        Value::Null => None,
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Object(map) => Some(match &map["float"] {
            Value::String(s) => match s.as_str() {
                "nan" => f64::NAN,
                "inf" => f64::INFINITY,
                "-inf" => f64::NEG_INFINITY,
                other => panic!("unexpected float {other}"),
            },
            number => number.as_f64().unwrap(),
        }),
        other => panic!("unexpected argument {other}"),
    }
}

pub fn fixture() -> Fixture {
    serde_json::from_str(R_RANDOM).unwrap()
}

pub fn seed_of(repr: &str) -> i32 {
    r::seed_from_f64(repr.parse().unwrap()).unwrap()
}

fn tally<'a>(report: &'a mut Report, function: &'static str) -> &'a mut Tally {
    report.tallies.entry((DIALECT, function)).or_default()
}

fn fail(report: &mut Report, message: String) {
    if report.hard_failures.len() < 20 {
        report.hard_failures.push(message);
    }
}

/// Replays every case through [`Random`], checking `.Random.seed` after `set.seed`, every value
/// and R's position in the state after every call.
pub fn run() -> Report {
    let mut report = Report::default();
    for case in &fixture().cases {
        let mut rng = Random::new(seed_of(&case.seed));
        let state = rng.random_seed();
        let t = tally(&mut report, "set.seed (.Random.seed words)");
        t.compared += case.random_seed.len();
        t.identical += case
            .random_seed
            .iter()
            .zip(&state)
            .filter(|(a, b)| a == b)
            .count();
        if state != case.random_seed {
            fail(&mut report, format!("{}: .Random.seed differs", case.name));
        }
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            let args: Vec<Option<f64>> = op.args.iter().map(arg).collect();
            let (function, got, want): (&'static str, Vec<f64>, Vec<f64>) = match op.op.as_str() {
                "set_seed" => {
                    rng.set_seed(seed_of(op.seed.as_ref().unwrap()));
                    ("set.seed", vec![], vec![])
                }
                "runif" | "rnorm" => {
                    let n = r::count_from_f64(args[0].unwrap()).unwrap();
                    let (a, b) = (args[1].unwrap(), args[2].unwrap());
                    let got = if op.op == "runif" {
                        rng.runif(n, a, b).unwrap()
                    } else {
                        rng.rnorm(n, a, b).unwrap()
                    };
                    let want = op
                        .f64
                        .as_ref()
                        .unwrap()
                        .iter()
                        .map(|h| hex_f64(h))
                        .collect();
                    (if op.op == "runif" { "runif" } else { "rnorm" }, got, want)
                }
                "sample" => {
                    let replace = args[2] == Some(1.0);
                    let got = rng.sample(args[0].unwrap(), args[1], replace).unwrap();
                    let want = op
                        .values
                        .as_ref()
                        .unwrap()
                        .iter()
                        .map(|s| s.parse().unwrap())
                        .collect();
                    ("sample", got, want)
                }
                other => panic!("unknown op {other}"),
            };
            if got.len() != want.len() {
                fail(
                    &mut report,
                    format!("{at}: {} values, expected {}", got.len(), want.len()),
                );
            }
            if function == "sample" && got != want {
                fail(&mut report, format!("{at}: sampled integers differ"));
            }
            if !want.is_empty() {
                let t = tally(&mut report, function);
                for (w, g) in want.iter().zip(&got) {
                    compare_f64(t, *w, *g);
                }
            }
            let pos = rng.random_seed()[1];
            if pos != op.pos {
                fail(&mut report, format!("{at}: at word {pos}, R at {}", op.pos));
            }
        }
    }
    report
}

/// Runs an R error case through the Rust API (every case is expressible).
pub fn rust_api_error(case: &ErrorCase) -> (String, String) {
    let args: Vec<Option<f64>> = case.args.iter().map(arg).collect();
    let result = match case.op.as_str() {
        "set_seed" => r::seed_from_f64(args[0].unwrap()).map(drop),
        "runif" => r::count_from_f64(args[0].unwrap())
            .and_then(|n| Random::new(1).runif(n, 0.0, 1.0))
            .map(drop),
        "rnorm" => r::count_from_f64(args[0].unwrap())
            .and_then(|n| Random::new(1).rnorm(n, 0.0, 1.0))
            .map(drop),
        "sample" => Random::new(1)
            .sample(args[0].unwrap(), args[1], args[2] == Some(1.0))
            .map(drop),
        other => panic!("no Rust mapping for R {other}"),
    };
    let e = result.expect_err(&case.call);
    (e.kind().name().to_owned(), e.message().to_owned())
}

//! Replay of tests/fixtures/jax.json (jax 0.10.2 on CPU, written by generate_jax.py), shared by
//! the native tests (tests/jax.rs) and the browser tests (tests/web_jax_rust.rs).
#![allow(dead_code)]

use super::common::{Report, Tally};
use seedlab::jax::{self, Key};
use serde::Deserialize;

pub const JAX: &str = include_str!("../fixtures/jax.json");
const D: &str = "jax";

#[derive(Deserialize)]
pub struct Fixture {
    pub jax: String,
    keys: Vec<KeyCase>,
    pub seed_errors: Vec<SeedError>,
    splits: Vec<SplitCase>,
    draws: Vec<Draw>,
    normal_all: NormalAll,
    pub errors: Vec<ErrorCase>,
}

#[derive(Deserialize)]
struct KeyCase {
    seed: String,
    key: Vec<u32>,
}

#[derive(Deserialize)]
pub struct SeedError {
    pub call: String,
    pub seed: String,
    pub error: String,
    pub message: String,
}

#[derive(Deserialize)]
struct SplitCase {
    key: Vec<u32>,
    num: usize,
    keys: Vec<u32>,
}

#[derive(Deserialize)]
struct Draw {
    function: String,
    key: Vec<u32>,
    n: usize,
    u32: Option<Vec<u32>>,
    f32: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct NormalAll {
    block: usize,
    fnv_offset: String,
    fnv_prime: String,
    digests: Vec<String>,
}

/// A bad key or shape, as JAX words it. `match` is "exact", or "prefix" where JAX appends the
/// repr of its PRNG implementation (with memory addresses) to the recorded text.
#[derive(Deserialize)]
pub struct ErrorCase {
    pub call: String,
    pub op: String,
    pub args: Vec<serde_json::Value>,
    pub error: String,
    pub message: String,
}

pub fn fixture() -> Fixture {
    serde_json::from_str(JAX).unwrap()
}

fn key_of(words: &[u32]) -> Key {
    jax::key_from_words(words).unwrap()
}

fn hex_f32(s: &str) -> f32 {
    f32::from_bits(u32::from_str_radix(s, 16).unwrap())
}

/// Distance in units in the last place between two float32 values of any sign.
pub fn ulp_distance_f32(a: f32, b: f32) -> u64 {
    let key = |x: f32| {
        let bits = x.to_bits() as i32;
        i64::from(if bits < 0 { i32::MIN - bits } else { bits })
    };
    key(a).abs_diff(key(b))
}

fn compare_f32(t: &mut Tally, expected: f32, actual: f32) {
    t.compared += 1;
    if expected.to_bits() == actual.to_bits() {
        t.identical += 1;
    } else {
        t.max_ulp = t.max_ulp.max(ulp_distance_f32(expected, actual));
        t.print_mismatches += 1;
    }
}

fn compare_words(report: &mut Report, function: &'static str, at: &str, want: &[u32], got: &[u32]) {
    let t = report.tallies.entry((D, function)).or_default();
    t.compared += want.len();
    t.identical += want.iter().zip(got).filter(|(a, b)| a == b).count();
    if want != got {
        report.hard_failures.push(format!("{at}: words differ"));
    }
}

/// Replays keys, splits and draws (bits, uniform, normal; 1..40 and longer counts, 20,000
/// normals from key(0)).
pub fn run_jax() -> Report {
    let fixture = fixture();
    let mut report = Report::default();
    for case in &fixture.keys {
        let got = jax::key(case.seed.parse().unwrap()).unwrap();
        compare_words(
            &mut report,
            "key",
            &format!("key({})", case.seed),
            &case.key,
            &got,
        );
    }
    for case in &fixture.splits {
        let got: Vec<u32> = jax::split(key_of(&case.key), case.num)
            .unwrap()
            .into_iter()
            .flatten()
            .collect();
        let at = format!("split({:?}, {})", case.key, case.num);
        compare_words(&mut report, "split", &at, &case.keys, &got);
    }
    for draw in &fixture.draws {
        let key = key_of(&draw.key);
        let at = format!("{}({:?}, ({},))", draw.function, draw.key, draw.n);
        if draw.function == "bits" {
            let got = jax::random_bits(key, draw.n).unwrap();
            compare_words(&mut report, "bits", &at, draw.u32.as_ref().unwrap(), &got);
            continue;
        }
        let (function, got) = match draw.function.as_str() {
            "uniform" => ("uniform", jax::uniform(key, draw.n).unwrap()),
            "normal" => ("normal", jax::normal(key, draw.n).unwrap()),
            other => panic!("unknown draw {other}"),
        };
        let want = draw.f32.as_ref().unwrap();
        if got.len() != want.len() {
            report
                .hard_failures
                .push(format!("{at}: {} values", got.len()));
        }
        let t = report.tallies.entry((D, function)).or_default();
        for (w, g) in want.iter().zip(&got) {
            compare_f32(t, hex_f32(w), *g);
        }
    }
    report
}

/// `jax.random.normal` on every input it can see, compared by block digest: every `stride`-th
/// block of the fixture's 256 blocks of 32768 inputs. Returns (blocks checked, blocks identical).
pub fn normal_all_blocks(stride: usize) -> (usize, usize) {
    let all = fixture().normal_all;
    let offset = u64::from_str_radix(&all.fnv_offset, 16).unwrap();
    let prime = u64::from_str_radix(&all.fnv_prime, 16).unwrap();
    let (mut checked, mut identical) = (0, 0);
    for (b, want) in all.digests.iter().enumerate().step_by(stride) {
        let first = (b * all.block) as u32;
        let digest = (first..first + all.block as u32).fold(offset, |h, m| {
            let word = jax::normal_from_bits(m << 9).to_bits();
            (h ^ u64::from(word)).wrapping_mul(prime)
        });
        checked += 1;
        if format!("{digest:016x}") == *want {
            identical += 1;
        }
    }
    (checked, identical)
}

/// The fixture's inputs of a bad-input case: (key words, count as a JS Number).
pub fn error_args(case: &ErrorCase) -> (Vec<u32>, f64) {
    let key = case.args[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_u64().unwrap() as u32)
        .collect();
    (key, case.args[1].as_f64().unwrap())
}

/// Runs a bad-input case through the plain Rust API: (exception name, message).
pub fn rust_api_error(case: &ErrorCase) -> (String, String) {
    let (words, count) = error_args(case);
    let what = if case.op == "split" { "split" } else { "shape" };
    let result = jax::key_from_words(&words).and_then(|key| {
        let n = jax::size_from_f64(count, what)?;
        match case.op.as_str() {
            "split" => jax::split(key, n).map(drop),
            "uniform" => jax::uniform(key, n).map(drop),
            "normal" => jax::normal(key, n).map(drop),
            other => panic!("unknown op {other}"),
        }
    });
    let e = result.expect_err(&case.call);
    (e.kind().name().to_owned(), e.message().to_owned())
}

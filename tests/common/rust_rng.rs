//! Replay of tests/fixtures/rust_rng.json and rust_rng_normal.bin (written natively on x86-64
//! Linux by tests/fixtures/rust_rng_gen with rand 0.10.4, rand_pcg 0.10.3, rand_distr 0.6.0),
//! shared by the native tests (tests/rust_rng.rs) and the browser tests (tests/web_jax_rust.rs).
#![allow(dead_code)]

use super::common::{ulp_distance_f64, Report, Tally};
use seedlab::rust_rng::RustRng;
use serde::Deserialize;

pub const RUST_RNG: &str = include_str!("../fixtures/rust_rng.json");
/// 100,000 `StandardNormal` draws from `Pcg64::seed_from_u64(0)`, little-endian f64 bit patterns.
pub const LONG_NORMAL: &[u8] = include_bytes!("../fixtures/rust_rng_normal.bin");
const D: &str = "rust rng";
/// The tally name of the long standard-normal stream.
pub const LONG: &str = "standard_normal (100,000 from seed 0)";

#[derive(Deserialize)]
struct Fixture {
    long_normal: LongNormal,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct LongNormal {
    seed: String,
    n: usize,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    seed: String,
    ops: Vec<Op>,
}

#[derive(Deserialize)]
struct Op {
    op: String,
    n: usize,
    low: Option<String>,
    high: Option<String>,
    f64: Vec<String>,
}

fn hex_f64(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn compare(t: &mut Tally, expected: f64, actual: f64) {
    t.compared += 1;
    if expected.to_bits() == actual.to_bits() {
        t.identical += 1;
    } else {
        t.max_ulp = t.max_ulp.max(ulp_distance_f64(expected, actual));
        t.print_mismatches += 1;
    }
}

/// Replays every case (sequences of calls on one generator), then the long normal stream.
pub fn run_rust_rng() -> Report {
    let fixture: Fixture = serde_json::from_str(RUST_RNG).unwrap();
    let mut report = Report::default();
    for case in &fixture.cases {
        let mut rng = RustRng::new(case.seed.parse().unwrap());
        for (i, op) in case.ops.iter().enumerate() {
            let (function, got) = match op.op.as_str() {
                "random" => ("random", rng.random(op.n).unwrap()),
                "standard_normal" => ("standard_normal", rng.standard_normal(op.n).unwrap()),
                "uniform" => {
                    let low = hex_f64(op.low.as_ref().unwrap());
                    let high = hex_f64(op.high.as_ref().unwrap());
                    ("uniform", rng.uniform(low, high, op.n).unwrap())
                }
                other => panic!("unknown op {other}"),
            };
            if got.len() != op.f64.len() {
                report
                    .hard_failures
                    .push(format!("{} / op {i}: {} values", case.name, got.len()));
            }
            let t = report.tallies.entry((D, function)).or_default();
            for (w, g) in op.f64.iter().zip(&got) {
                compare(t, hex_f64(w), *g);
            }
        }
    }
    let long = &fixture.long_normal;
    let got = RustRng::new(long.seed.parse().unwrap())
        .standard_normal(long.n)
        .unwrap();
    assert_eq!(LONG_NORMAL.len(), 8 * long.n);
    let t = report.tallies.entry((D, LONG)).or_default();
    for (w, g) in LONG_NORMAL.chunks_exact(8).zip(&got) {
        compare(t, f64::from_le_bytes(w.try_into().unwrap()), *g);
    }
    report
}

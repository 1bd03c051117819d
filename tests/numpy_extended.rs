//! Native replay of the NumPy fixtures of tests/fixtures/numpy_extended.json (integer dtypes,
//! choice with p, get_state / set_state, exponential / poisson / geometric / binomial, float32
//! uniforms, shuffles) and numpy_generator_exponentials.bin, recorded from numpy 2.4.6.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/numpy_extended.rs"]
mod numpy_extended_fixtures;

use numpy_extended_fixtures as fixtures;

fn assert_all_exact(report: &common::Report) {
    println!("{}", report.table("native"));
    assert!(
        report.hard_failures.is_empty(),
        "{:#?}",
        report.hard_failures
    );
    for (dialect, function) in report.tallies.keys() {
        report.assert_all_identical(dialect, function);
    }
}

#[test]
fn random_state_extended_fixtures_are_bit_identical() {
    let report = fixtures::run_legacy();
    assert_all_exact(&report);
    assert!(report.tallies.len() >= 12, "{}", report.tallies.len());
}

#[test]
fn generator_extended_fixtures_are_bit_identical() {
    let report = fixtures::run_generator();
    assert_all_exact(&report);
    assert!(report.tallies.len() >= 9, "{}", report.tallies.len());
}

#[test]
fn two_hundred_thousand_exponentials_with_tails_and_wedges() {
    let meta = fixtures::fixture().long_exponentials;
    assert!(meta.tail_values >= 50, "{} tail values", meta.tail_values);
    let slow: usize = meta
        .draws_per_value
        .iter()
        .filter(|(draws, _)| draws.as_str() != "1")
        .map(|(_, count)| count)
        .sum();
    assert!(slow >= 2_000, "{slow} values off the fast path");
    assert_all_exact(&fixtures::run_long_exponentials());
}

#[test]
fn errors_carry_numpys_exception_and_message() {
    let cases = fixtures::fixture().errors;
    for case in &cases {
        match fixtures::rust_api_error(case) {
            Ok(()) => panic!(
                "{}: no error, expected {}: {}",
                case.call, case.error, case.message
            ),
            Err((name, message)) => assert_eq!(
                (name.as_str(), message.as_str()),
                (case.error.as_str(), case.message.as_str()),
                "{}",
                case.call
            ),
        }
    }
    println!("NumPy extended error cases matched: {}", cases.len());
    assert!(cases.len() >= 300, "{}", cases.len());
}

#[test]
fn two_hundred_thousand_float32_normals_with_tails_and_wedges() {
    let meta = fixtures::fixture().long_normals_f32;
    assert!(meta.tail_values >= 40, "{} tail values", meta.tail_values);
    assert_all_exact(&fixtures::run_long_normals_f32());
}

#[test]
fn log1pf_is_glibcs_on_every_input_of_the_float32_tail() {
    let (checked, blocks, samples) = fixtures::check_log1pf(1);
    println!(
        "log1pf: 16,777,216 inputs in {checked} blocks, {blocks} blocks and {samples} samples differ from glibc ({})",
        fixtures::fixture().log1pf.glibc
    );
    assert_eq!((checked, blocks, samples), (256, 0, 0));
}

#[test]
fn spawned_generators_are_numpys() {
    assert_all_exact(&fixtures::run_spawn());
}

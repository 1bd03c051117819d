//! Native replay of the NumPy Generator fixtures (tests/fixtures/numpy_generator.json and
//! numpy_generator_normals.bin, from numpy 2.4.6) and of the RandomState permutation/choice
//! fixtures. Natively on x86-64 Linux every value must be bit-identical: the math functions are
//! glibc's own there.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/numpy_generator.rs"]
mod numpy_generator_fixtures;

use numpy_generator_fixtures as fixtures;

fn assert_no_hard_failures(report: &common::Report) {
    assert!(
        report.hard_failures.is_empty(),
        "{:#?}",
        report.hard_failures
    );
}

#[test]
fn generator_fixtures_are_bit_identical() {
    let report = fixtures::run_generator();
    println!("{}", report.table("native"));
    assert_no_hard_failures(&report);
    for (dialect, function) in report.tallies.keys() {
        report.assert_all_identical(dialect, function);
    }
    assert_eq!(report.tallies.len(), 11, "every function was compared");
}

#[test]
fn two_hundred_thousand_normals_with_tails_and_wedges() {
    let meta = fixtures::long_normals_meta();
    // The fixture really exercises the rare paths: values beyond the ziggurat's R come only from
    // the tail, and every value that took more than one 64-bit draw went through a wedge test
    // or the tail.
    assert!(meta.tail_values >= 40, "{} tail values", meta.tail_values);
    let slow: usize = meta
        .draws_per_value
        .iter()
        .filter(|(draws, _)| draws.as_str() != "1")
        .map(|(_, count)| count)
        .sum();
    assert!(slow >= 2_000, "{slow} values off the fast path");
    let report = fixtures::run_long_normals();
    println!("{}", report.table("native"));
    assert_no_hard_failures(&report);
    for (dialect, function) in report.tallies.keys() {
        report.assert_all_identical(dialect, function);
    }
}

#[test]
fn random_state_permutation_and_choice_are_bit_identical() {
    let report = fixtures::run_legacy();
    println!("{}", report.table("native"));
    assert_no_hard_failures(&report);
    for function in [
        "permutation",
        "choice, with replacement",
        "choice, without replacement",
    ] {
        report.assert_all_identical(fixtures::LEGACY, function);
    }
}

#[test]
fn errors_carry_numpy_exception_and_message() {
    let (mut checked, mut js_only) = (0, 0);
    for case in fixtures::error_cases() {
        match fixtures::rust_api_error(&case) {
            None => js_only += 1,
            Some(Ok(())) => panic!("{}: no error, expected {}", case.call, case.error),
            Some(Err((name, message))) => {
                assert_eq!(
                    (name.as_str(), message.as_str()),
                    (case.error.as_str(), case.message.as_str()),
                    "{}",
                    case.call
                );
                checked += 1;
            }
        }
    }
    println!("NumPy Generator / RandomState error cases matched: {checked}; only expressible from JS: {js_only}");
    assert!(checked >= 60, "{checked}");
}

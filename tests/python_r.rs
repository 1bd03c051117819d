//! Native replay of the CPython and R fixtures (tests/fixtures/cpython_random.json,
//! r_random.json). Every value must be bit-identical, except CPython's `gauss`, whose `sin` and
//! `cos` are not glibc's (see `cpython::check_gauss`).
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/cpython.rs"]
mod cpython;
#[path = "common/r.rs"]
mod r;

#[test]
fn cpython_fixtures_are_bit_identical() {
    let report = cpython::run();
    println!("{}", report.table("native"));
    report.assert_exact(
        cpython::DIALECT,
        &["random", "randint", "shuffle", "choice"],
    );
    println!("{}", cpython::check_gauss(&report));
}

#[test]
fn cpython_extended_calls_are_bit_identical() {
    let report = cpython::run_extended();
    println!("{}", report.table("native"));
    assert!(
        report.hard_failures.is_empty(),
        "{:#?}",
        report.hard_failures
    );
    for (dialect, function) in report.tallies.keys() {
        report.assert_all_identical(dialect, function);
    }
    assert!(report.tallies.len() >= 15, "{}", report.tallies.len());
}

#[test]
fn cpython_sample_set_size_steps_where_cpythons_does() {
    let checked = cpython::check_sample_setsize(10_000_000);
    println!("sample setsize: {checked} values of k checked against CPython's steps");
}

#[test]
fn r_fixtures_are_bit_identical() {
    let report = r::run();
    println!("{}", report.table("native"));
    report.assert_exact(
        r::DIALECT,
        &["set.seed (.Random.seed words)", "runif", "rnorm", "sample"],
    );
}

#[test]
fn cpython_errors_carry_the_exception_and_message() {
    let (mut checked, mut js_only) = (0, 0);
    for case in cpython::fixture().errors {
        match cpython::rust_api_error(&case) {
            None => js_only += 1,
            Some((name, message)) => {
                assert!(
                    case.matches(&name, &message),
                    "{}: got {name}: {message}\n expected {}: {}",
                    case.call,
                    case.error,
                    case.message
                );
                checked += 1;
            }
        }
    }
    println!("CPython error cases matched: {checked}; only expressible from JS: {js_only}");
    assert!(checked >= 12);
}

#[test]
fn r_errors_carry_the_message() {
    let cases = r::fixture().errors;
    for case in &cases {
        let (name, message) = r::rust_api_error(case);
        assert!(
            case.matches(&name, &message),
            "{}: got {name}: {message}\n expected {}: {}",
            case.call,
            case.error,
            case.message
        );
    }
    println!("R error cases matched: {}", cases.len());
    assert!(cases.len() >= 25);
}

//! Native replay of the reference fixtures (tests/fixtures/*.json, written by generate.py from
//! numpy 2.4.6 and torch 2.15.0). Natively on x86-64 Linux every value must be bit-identical:
//! the math functions are glibc's own there.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[test]
fn numpy_legacy_fixtures_are_bit_identical() {
    let report = common::run_numpy_legacy();
    println!("{}", report.table("native"));
    report.assert_exact(
        "numpy legacy",
        &["rand", "randn", "randint", "uniform", "normal"],
    );
}

#[test]
fn torch_cpu_fixtures_are_bit_identical() {
    let report = common::run_torch_cpu();
    println!("{}", report.table("native"));
    report.assert_exact(
        "torch cpu",
        &[
            "rand",
            "randn (n < 16, double Box-Muller)",
            "randn (n >= 16, float32 kernel)",
            "randint",
            "initial_seed",
            "cached normal (double)",
        ],
    );
}

#[test]
fn errors_carry_the_library_exception_and_message() {
    let (mut checked, mut not_expressible) = (0, 0);
    for case in common::error_cases() {
        match common::rust_api_error(&case) {
            None => not_expressible += 1,
            Some(Ok(())) => panic!("{}: no error, expected {}", case.call, case.error),
            Some(Err((name, message))) => {
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
    println!("error cases matched: {checked}; only expressible from JS: {not_expressible}");
    assert!(checked >= 40);
}

#[test]
fn notebook_outputs() {
    for cell in common::notebook_cells() {
        assert_eq!(cell.values, cell.printed, "{}", cell.name);
    }
}

//! Native replay of tests/fixtures/rust_rng.json and rust_rng_normal.bin: `RustRng` runs the
//! pinned crates themselves, so natively every value must be bit-identical to what the separate
//! generator program printed; a failure here means a crate version or feature changed the stream.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/rust_rng.rs"]
mod rust_rng_fixtures;

#[test]
fn rust_rng_fixtures_are_bit_identical() {
    let report = rust_rng_fixtures::run_rust_rng();
    println!("{}", report.table("native"));
    report.assert_exact(
        "rust rng",
        &[
            "random",
            "standard_normal",
            "uniform",
            rust_rng_fixtures::LONG,
        ],
    );
}

//! Native replay of tests/fixtures/jax.json (jax/jaxlib 0.10.2, CPU, default configuration):
//! keys, splits, bits, uniforms and normals must all be bit-identical, and so must `normal` on
//! every one of the 2**23 inputs it can see.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/jax.rs"]
mod jax_fixtures;

#[test]
fn jax_fixtures_are_bit_identical() {
    let report = jax_fixtures::run_jax();
    println!("{}", report.table("native"));
    report.assert_exact("jax", &["key", "split", "bits", "uniform", "normal"]);
}

#[test]
fn normal_is_bit_identical_on_every_input() {
    let (checked, identical) = jax_fixtures::normal_all_blocks(1);
    println!("jax normal, all 2**23 inputs: {identical} of {checked} blocks of 32768 identical");
    assert_eq!(checked, 256);
    assert_eq!(identical, checked);
}

#[test]
fn seeds_outside_int64_raise_jaxs_overflow_error() {
    let fixture = jax_fixtures::fixture();
    assert_eq!(fixture.jax, "0.10.2");
    assert!(!fixture.seed_errors.is_empty());
    for case in &fixture.seed_errors {
        let e = seedlab::jax::key(case.seed.parse().unwrap()).unwrap_err();
        assert_eq!(
            (e.kind().name(), e.message()),
            (case.error.as_str(), case.message.as_str()),
            "{}",
            case.call
        );
    }
}

#[test]
fn bad_keys_and_shapes_raise_jaxs_errors() {
    let fixture = jax_fixtures::fixture();
    for case in &fixture.errors {
        let (name, message) = jax_fixtures::rust_api_error(case);
        assert_eq!(
            (name.as_str(), message.as_str()),
            (case.error.as_str(), case.message.as_str()),
            "{}",
            case.call
        );
    }
    println!("{} JAX error cases matched", fixture.errors.len());
}

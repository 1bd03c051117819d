//! Native replay of tests/fixtures/torch_training.json and torch_training_intel.json (torch
//! 2.15.0, written by generate_torch_training.py): what a seeded training run draws, bit for bit.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/torch_training.rs"]
mod torch_training;

#[test]
fn training_fixtures_are_bit_identical() {
    let report = torch_training::run_torch_training(&torch_training::RustApi);
    println!("{}", report.table("native"));
    let functions: Vec<&str> = report
        .tallies
        .keys()
        .map(|(_, f)| *f)
        .filter(|f| *f != torch_training::LIBM_NORMALS)
        .collect();
    report.assert_exact("torch training", &functions);
    // float64 normals from 16 elements on inherit glibc's misrounded cos/sin (README: 99.87 %
    // of their inputs); a 1-ulp cos error becomes at most 2 ulp after `radius * cos` and the FMA.
    let libm = &report.tallies[&("torch training", torch_training::LIBM_NORMALS)];
    assert!(libm.identical * 1000 >= libm.compared * 998, "{libm:?}");
    assert!(libm.max_ulp <= 2, "{libm:?}");
}

#[test]
fn intel_cpu_draws_the_same_bernoulli_dropout_and_exponential() {
    let (fixture, report) = torch_training::run_torch_training_intel(&torch_training::RustApi);
    println!(
        "recorded on {} ({} kernels)\n{}",
        fixture["cpu_vendor"],
        fixture["cpu_capability"],
        report.table("native")
    );
    assert_eq!(fixture["cpu_vendor"], "GenuineIntel");
    let functions: Vec<&str> = report.tallies.keys().map(|(_, f)| *f).collect();
    report.assert_exact("torch training", &functions);
}

/// randperm's 64-bit path starts at 214,748,364 elements: 1.7 GB of int64. Run with
/// `cargo test --release --test torch_training -- --ignored`.
#[test]
#[ignore]
fn large_randperm_takes_the_64_bit_path() {
    let cases = torch_training::large_randperm_cases();
    assert!(
        !cases.is_empty(),
        "fixture recorded without the large randperm"
    );
    for (n, seed, sha256, head, pos) in cases {
        let (perm, hash, position) = torch_training::large_randperm(&seed, n);
        assert_eq!(perm[..16], head[..]);
        assert_eq!(hash, sha256, "randperm({n}) from seed {seed}");
        assert_eq!(position, pos);
        println!("randperm({n}), seed {seed}: {n} values identical (SHA-256)");
    }
}

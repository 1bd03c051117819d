//! The math module against glibc's recorded outputs (native).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/math.rs"]
mod math_fixtures;

#[test]
fn math_functions_against_glibc_fixtures() {
    for (name, f, fixture) in math_fixtures::functions() {
        let t = math_fixtures::check(f, fixture);
        println!("{}", t.summary(name));
        assert!(t.compared >= math_fixtures::required_count(name));
        assert!(
            t.share() >= math_fixtures::required_share(name),
            "{}",
            t.summary(name)
        );
    }
}

#[test]
fn pow_against_glibc_fixture() {
    let t = math_fixtures::check_pow(seedlab::math::pow, math_fixtures::POW);
    println!("{}", t.summary("pow"));
    assert!(t.compared >= math_fixtures::required_count("pow"));
    assert_eq!(t.identical, t.compared, "{}", t.summary("pow"));
}

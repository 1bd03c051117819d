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

#[test]
fn numpy_tanh_and_power_against_numpy_fixtures() {
    let t = math_fixtures::check(seedlab::numpy::tanh, math_fixtures::NUMPY_TANH);
    println!("{}", t.summary("np.tanh"));
    assert!(t.compared >= math_fixtures::required_count("np.tanh"));
    assert_eq!(t.identical, t.compared, "{}", t.summary("np.tanh"));
    let t = math_fixtures::check_pow(math_fixtures::numpy_power, math_fixtures::NUMPY_POWER);
    println!("{}", t.summary("np.power"));
    assert!(t.compared >= math_fixtures::required_count("np.power"));
    assert_eq!(t.identical, t.compared, "{}", t.summary("np.power"));
}

//! Comparison of a port with the platform's own function (glibc natively), for the math
//! modules' native tests.

/// Asserts that `port` and `glibc` give the same bits (any NaN matching any NaN) on every input,
/// printing how many matched and the first few differences.
pub(crate) fn assert_unary(
    name: &str,
    port: fn(f64) -> f64,
    glibc: fn(f64) -> f64,
    what: &str,
    xs: impl Iterator<Item = f64>,
) {
    let (mut n, mut bad) = (0usize, 0usize);
    for x in xs {
        n += 1;
        let (want, got) = (glibc(x), port(x));
        if want.to_bits() != got.to_bits() && !(want.is_nan() && got.is_nan()) {
            if bad < 10 {
                eprintln!(
                    "{name}({x:e} = {:#x}): glibc {want:e} ({:#x}), port {got:e} ({:#x})",
                    x.to_bits(),
                    want.to_bits(),
                    got.to_bits()
                );
            }
            bad += 1;
        }
    }
    println!("{name} {what}: {} of {n} bit-identical", n - bad);
    assert_eq!(bad, 0, "{name} {what}: {bad} of {n} differ");
}

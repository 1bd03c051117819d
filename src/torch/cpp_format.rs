//! Numbers as PyTorch's C++ error messages print them (`TORCH_CHECK` streams a `double` into an
//! `std::ostringstream`: `%g` with 6 significant digits).

/// `os << x` for a double at the default precision: `1.5`, `-1`, `1e-07`, `3e+38`, `inf`, `nan`.
pub(crate) fn cpp_double(x: f64) -> String {
    if x.is_nan() {
        return if x.is_sign_negative() { "-nan" } else { "nan" }.to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    const PRECISION: i32 = 6;
    // The exponent %e would print after rounding to 6 significant digits decides the style.
    let scientific = format!("{:.*e}", (PRECISION - 1) as usize, x);
    let (mantissa, exponent) = scientific
        .split_once('e')
        .expect("`{:e}` writes an exponent");
    let exponent: i32 = exponent.parse().expect("an integer exponent");
    if (-4..PRECISION).contains(&exponent) {
        let fixed = format!("{:.*}", (PRECISION - 1 - exponent) as usize, x);
        strip_zeros(&fixed).to_owned()
    } else {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!(
            "{}e{sign}{:02}",
            strip_zeros(mantissa),
            exponent.unsigned_abs()
        )
    }
}

/// `%g` drops trailing zeros of the fraction, and the point if nothing follows it.
fn strip_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cpp_double;

    #[test]
    fn prints_like_an_ostream() {
        for (x, want) in [
            (1.5, "1.5"),
            (-1.0, "-1"),
            (0.0, "0"),
            (-0.0, "-0"),
            (1e-7, "1e-07"),
            (0.0001, "0.0001"),
            (100_000.0, "100000"),
            (1e6, "1e+06"),
            (3e38, "3e+38"),
            (67_280_421_310_721.0, "6.72804e+13"),
            (0.123_456_789, "0.123457"),
            (999_999.5, "1e+06"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
        ] {
            assert_eq!(cpp_double(x), want, "{x}");
        }
    }
}

//! Replay of the glibc math fixtures (tests/fixtures/math/*.bin): pairs of little-endian u64
//! bit patterns (input, glibc output) written by generate.py through ctypes from libm itself;
//! pow.bin holds triples (x, y, glibc's pow(x, y)).

pub const LOG: &[u8] = include_bytes!("../fixtures/math/log.bin");
pub const EXP: &[u8] = include_bytes!("../fixtures/math/exp.bin");
pub const LOG1P: &[u8] = include_bytes!("../fixtures/math/log1p.bin");
pub const SIN: &[u8] = include_bytes!("../fixtures/math/sin.bin");
pub const COS: &[u8] = include_bytes!("../fixtures/math/cos.bin");
pub const LOG2: &[u8] = include_bytes!("../fixtures/math/log2.bin");
pub const LOG10: &[u8] = include_bytes!("../fixtures/math/log10.bin");
pub const EXP2: &[u8] = include_bytes!("../fixtures/math/exp2.bin");
pub const EXPM1: &[u8] = include_bytes!("../fixtures/math/expm1.bin");
pub const TANH: &[u8] = include_bytes!("../fixtures/math/tanh.bin");
pub const ERF: &[u8] = include_bytes!("../fixtures/math/erf.bin");
pub const ERFC: &[u8] = include_bytes!("../fixtures/math/erfc.bin");
pub const POW: &[u8] = include_bytes!("../fixtures/math/pow.bin");
/// NumPy 2.4.6's own float64 results on the AVX2 dispatch (generate_numpy_math.py): `np.tanh`
/// pairs, and `np.power(xs, y)` triples with a scalar exponent y.
pub const NUMPY_TANH: &[u8] = include_bytes!("../fixtures/math/numpy_tanh.bin");
pub const NUMPY_POWER: &[u8] = include_bytes!("../fixtures/math/numpy_power.bin");

/// `np.power(x, y)` with a scalar exponent, one element at a time.
pub fn numpy_power(x: f64, y: f64) -> f64 {
    seedlab::numpy::power_scalar_exponent(&[x], y)[0]
}

/// A function's name, seedlab's implementation and glibc's recorded outputs.
pub type MathCase = (&'static str, fn(f64) -> f64, &'static [u8]);

/// The one-argument functions and their fixtures, by name.
pub fn functions() -> [MathCase; 12] {
    use seedlab::math;
    [
        ("log", math::log, LOG),
        ("exp", math::exp, EXP),
        ("log1p", math::log1p, LOG1P),
        ("sin", math::sin, SIN),
        ("cos", math::cos, COS),
        ("log2", math::log2, LOG2),
        ("log10", math::log10, LOG10),
        ("exp2", math::exp2, EXP2),
        ("expm1", math::expm1, EXPM1),
        ("tanh", math::tanh, TANH),
        ("erf", math::erf, ERF),
        ("erfc", math::erfc, ERFC),
    ]
}

/// How many inputs a fixture must hold (a truncated file would pass with fewer): 200,000 for
/// the functions the generators use, fewer for the others.
pub fn required_count(name: &str) -> usize {
    match name {
        "log" | "exp" | "log1p" | "sin" | "cos" | "pow" | "np.tanh" => 200_000,
        "np.power" => 120_000,
        _ => 90_000,
    }
}

/// The share of fixture inputs that must be bit-identical to glibc. All but `sin` and `cos` are
/// ports of glibc's own algorithms (Arm Optimized Routines, fdlibm) and must match everywhere.
/// `sin` and `cos` are correctly rounded (CORE-MATH), and glibc's are not always: they differ
/// where glibc rounds the wrong way (measured 99.86-99.88 % identical on these inputs).
pub fn required_share(name: &str) -> f64 {
    match name {
        "sin" | "cos" => 0.9985,
        _ => 1.0,
    }
}

pub struct MathTally {
    pub compared: usize,
    pub identical: usize,
    pub max_ulp: u64,
    /// A few mismatches: (input, expected, got).
    pub examples: Vec<(f64, f64, f64)>,
}

fn ulps(a: f64, b: f64) -> u64 {
    let key = |x: f64| {
        let bits = x.to_bits() as i64;
        if bits < 0 {
            i64::MIN - bits
        } else {
            bits
        }
    };
    key(a).abs_diff(key(b))
}

/// Compares `f` with the recorded glibc outputs. NaNs match any NaN (glibc's payload is not part
/// of the contract); everything else must have identical bits, including the sign of zero.
pub fn check(f: fn(f64) -> f64, fixture: &[u8]) -> MathTally {
    let mut t = MathTally {
        compared: 0,
        identical: 0,
        max_ulp: 0,
        examples: Vec::new(),
    };
    for pair in fixture.chunks_exact(16) {
        let x = f64::from_bits(u64::from_le_bytes(pair[..8].try_into().unwrap()));
        let want = f64::from_bits(u64::from_le_bytes(pair[8..].try_into().unwrap()));
        let got = f(x);
        t.compared += 1;
        if got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()) {
            t.identical += 1;
        } else {
            t.max_ulp = t.max_ulp.max(ulps(want, got));
            if t.examples.len() < 5 {
                t.examples.push((x, want, got));
            }
        }
    }
    t
}

/// Compares `pow` with the recorded glibc outputs (triples x, y, pow(x, y)), as [`check`].
pub fn check_pow(f: fn(f64, f64) -> f64, fixture: &[u8]) -> MathTally {
    let word = |b: &[u8]| f64::from_bits(u64::from_le_bytes(b.try_into().unwrap()));
    let mut t = MathTally {
        compared: 0,
        identical: 0,
        max_ulp: 0,
        examples: Vec::new(),
    };
    for triple in fixture.chunks_exact(24) {
        let (x, y, want) = (
            word(&triple[..8]),
            word(&triple[8..16]),
            word(&triple[16..]),
        );
        let got = f(x, y);
        t.compared += 1;
        if got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()) {
            t.identical += 1;
        } else {
            t.max_ulp = t.max_ulp.max(ulps(want, got));
            if t.examples.len() < 5 {
                t.examples.push((x, want, got));
            }
        }
    }
    t
}

impl MathTally {
    pub fn share(&self) -> f64 {
        self.identical as f64 / self.compared as f64
    }

    pub fn summary(&self, name: &str) -> String {
        let reference = if name.starts_with("np.") {
            "NumPy"
        } else {
            "glibc"
        };
        format!(
            "{name}: {} of {} bit-identical to {reference} ({:.4}%), max {} ulp; e.g. {:?}",
            self.identical,
            self.compared,
            100.0 * self.identical as f64 / self.compared as f64,
            self.max_ulp,
            self.examples
                .iter()
                .map(|(x, w, g)| format!("x={x:e} {reference}={w:e} got={g:e}"))
                .collect::<Vec<_>>()
        )
    }
}

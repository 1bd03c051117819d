//! Replay of the NumPy Generator fixtures (tests/fixtures/numpy_generator.json and
//! numpy_generator_normals.bin, written by generate_numpy_generator.py from numpy 2.4.6), shared
//! by the native tests (tests/numpy_generator.rs) and the browser tests (tests/web_numpy_generator.rs).
//! Included by `#[path]` as a sibling of `mod common;`, whose `Report` it fills.
#![allow(dead_code)]

use super::common::{numpy_print, py_arg, ulp_distance_f64, PyArg, Report, Tally};
use seedlab::numpy::generator::ziggurat_tables;
use seedlab::numpy::{default_rng, Entropy, Generator, PyInt, RandomState, Seed, SeedSequence};
use serde::Deserialize;

pub const FIXTURE: &str = include_str!("../fixtures/numpy_generator.json");
pub const LONG_NORMALS: &[u8] = include_bytes!("../fixtures/numpy_generator_normals.bin");

pub const GENERATOR: &str = "numpy Generator";
pub const LEGACY: &str = "numpy legacy";

#[derive(Deserialize)]
struct Fixture {
    ziggurat_tables: Tables,
    seed_sequences: Vec<SeedSequenceCase>,
    long_normals: LongNormals,
    cases: Vec<GeneratorCase>,
    legacy_cases: Vec<LegacyCase>,
    errors: Vec<ErrorCase>,
}

#[derive(Deserialize)]
struct Tables {
    ki_double: Vec<String>,
    wi_double: Vec<String>,
    fi_double: Vec<String>,
}

#[derive(Deserialize)]
struct SeedSequenceCase {
    seed: serde_json::Value,
    words: Vec<String>,
    pool: Vec<String>,
    state32: Vec<String>,
    state64: Vec<String>,
}

#[derive(Deserialize, PartialEq, Debug)]
struct Pcg64State {
    state: String,
    inc: String,
    buffered_u32: Option<String>,
}

#[derive(Deserialize)]
pub struct LongNormals {
    pub n: usize,
    state: Pcg64State,
    after: Pcg64State,
    pub tail_values: usize,
    pub draws_per_value: std::collections::BTreeMap<String, usize>,
}

#[derive(Deserialize)]
struct GeneratorCase {
    name: String,
    seed: serde_json::Value,
    state: Pcg64State,
    ops: Vec<Op>,
}

#[derive(Deserialize)]
struct LegacyCase {
    name: String,
    seed: serde_json::Value,
    ops: Vec<Op>,
}

#[derive(Deserialize)]
struct Op {
    op: String,
    #[serde(default)]
    n: i64,
    low: Option<serde_json::Value>,
    high: Option<serde_json::Value>,
    loc: Option<f64>,
    scale: Option<serde_json::Value>,
    pop: Option<String>,
    size: Option<i64>,
    replace: Option<bool>,
    f64: Option<Vec<String>>,
    i64: Option<Vec<String>>,
    /// Generator cases: the PCG64 state after the call.
    after: Option<Pcg64State>,
    /// Legacy cases: the MT19937 position and cached gaussian after the call.
    pos: Option<usize>,
    gauss: Option<String>,
}

/// One bad-input case recorded from NumPy.
#[derive(Deserialize, Debug)]
pub struct ErrorCase {
    /// `"generator"` (`np.random.default_rng(17)`) or `"legacy"` (`np.random.RandomState(17)`).
    pub target: String,
    pub call: String,
    pub op: String,
    pub args: Vec<serde_json::Value>,
    pub error: String,
    pub message: String,
}

fn fixture() -> Fixture {
    serde_json::from_str(FIXTURE).unwrap()
}

pub fn error_cases() -> Vec<ErrorCase> {
    fixture().errors
}

pub fn long_normals_meta() -> LongNormals {
    fixture().long_normals
}

/// A seed as the fixture stores it: a decimal string, or a (nested) list of them.
pub fn entropy(seed: &serde_json::Value) -> Entropy {
    match seed {
        serde_json::Value::String(s) => Entropy::Int(PyInt::parse(s, 10).unwrap()),
        serde_json::Value::Array(items) => Entropy::Sequence(items.iter().map(entropy).collect()),
        other => panic!("unexpected seed {other}"),
    }
}

fn legacy_seed(seed: &serde_json::Value) -> Seed {
    match seed {
        serde_json::Value::String(s) => Seed::Int(s.parse().unwrap()),
        serde_json::Value::Array(items) => Seed::Array(
            items
                .iter()
                .map(|s| s.as_str().unwrap().parse().unwrap())
                .collect(),
        ),
        other => panic!("unexpected seed {other}"),
    }
}

fn hex_f64(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn parse_all<T: std::str::FromStr>(values: &[String]) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    values.iter().map(|s| s.parse().unwrap()).collect()
}

fn tally<'a>(
    report: &'a mut Report,
    dialect: &'static str,
    function: &'static str,
) -> &'a mut Tally {
    report.tallies.entry((dialect, function)).or_default()
}

fn fail(report: &mut Report, message: String) {
    if report.hard_failures.len() < 20 {
        report.hard_failures.push(message);
    }
}

fn compare_floats(
    report: &mut Report,
    function: &'static str,
    at: &str,
    want: &[String],
    got: &[f64],
) {
    if want.len() != got.len() {
        fail(
            report,
            format!("{at}: {} values, expected {}", got.len(), want.len()),
        );
    }
    let t = tally(report, GENERATOR, function);
    for (w, &g) in want.iter().zip(got) {
        let w = hex_f64(w);
        t.compared += 1;
        if w.to_bits() == g.to_bits() {
            t.identical += 1;
        } else {
            t.max_ulp = t.max_ulp.max(ulp_distance_f64(w, g));
            if numpy_print(w) != numpy_print(g) {
                t.print_mismatches += 1;
            }
        }
    }
}

fn compare_ints(
    report: &mut Report,
    dialect: &'static str,
    function: &'static str,
    at: &str,
    want: &[String],
    got: &[i64],
) {
    let want: Vec<i64> = parse_all(want);
    let t = tally(report, dialect, function);
    t.compared += want.len();
    t.identical += want.iter().zip(got).filter(|(a, b)| a == b).count();
    if got != want {
        fail(report, format!("{at}: integers differ"));
    }
}

fn pcg64_state(g: &Generator) -> Pcg64State {
    let bg = g.bit_generator();
    Pcg64State {
        state: bg.state().to_string(),
        inc: bg.increment().to_string(),
        buffered_u32: bg.buffered_u32().map(|v| v.to_string()),
    }
}

/// Compares the PCG64 state (LCG state, increment, buffered half) with NumPy's.
fn compare_state(report: &mut Report, at: &str, want: &Pcg64State, g: &Generator) {
    let got = pcg64_state(g);
    let t = tally(report, GENERATOR, "PCG64 state after each call");
    t.compared += 1;
    if got == *want {
        t.identical += 1;
    } else {
        fail(
            report,
            format!("{at}: PCG64 state {got:?}, NumPy has {want:?}"),
        );
    }
}

/// Replays the Generator streams, the SeedSequence vectors and the ziggurat tables.
pub fn run_generator() -> Report {
    let fixture = fixture();
    let mut report = Report::default();

    // The tables compiled into NumPy's _generator module, entry by entry.
    let (ki, wi, fi) = ziggurat_tables();
    let t = tally(
        &mut report,
        GENERATOR,
        "ziggurat tables (vs NumPy's binary)",
    );
    let tables = &fixture.ziggurat_tables;
    for (i, want) in tables.ki_double.iter().enumerate() {
        t.compared += 1;
        t.identical += usize::from(u64::from_str_radix(want, 16).unwrap() == ki[i]);
    }
    for (want, got) in [(&tables.wi_double, wi), (&tables.fi_double, fi)] {
        for (i, w) in want.iter().enumerate() {
            t.compared += 1;
            t.identical += usize::from(hex_f64(w).to_bits() == got[i].to_bits());
        }
    }

    for case in &fixture.seed_sequences {
        let entropy = entropy(&case.seed);
        let ss = SeedSequence::new(&entropy).unwrap();
        let t = tally(
            &mut report,
            GENERATOR,
            "SeedSequence words, pool, generate_state",
        );
        let checks: [(Vec<u64>, Vec<u64>); 4] = [
            (
                parse_all(&case.words),
                entropy
                    .uint32_words()
                    .unwrap()
                    .into_iter()
                    .map(u64::from)
                    .collect(),
            ),
            (
                parse_all(&case.pool),
                ss.pool().into_iter().map(u64::from).collect(),
            ),
            (
                parse_all(&case.state32),
                ss.generate_state(8).into_iter().map(u64::from).collect(),
            ),
            (parse_all(&case.state64), ss.generate_state_u64(4)),
        ];
        let mut all_equal = true;
        for (want, got) in checks {
            t.compared += want.len();
            t.identical += want.iter().zip(&got).filter(|(a, b)| a == b).count();
            all_equal &= want == got;
        }
        if !all_equal {
            fail(&mut report, format!("SeedSequence({}) differs", case.seed));
        }
    }

    for case in &fixture.cases {
        let mut g = default_rng(Some(&entropy(&case.seed))).unwrap();
        compare_state(
            &mut report,
            &format!("{} / seeding", case.name),
            &case.state,
            &g,
        );
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            let n = op.n as usize;
            match op.op.as_str() {
                "random" => {
                    let got = g.random(n).unwrap();
                    compare_floats(&mut report, "random", &at, op.f64.as_ref().unwrap(), &got);
                }
                "standard_normal" => {
                    let got = g.standard_normal(n).unwrap();
                    let want = op.f64.as_ref().unwrap();
                    compare_floats(&mut report, "standard_normal", &at, want, &got);
                }
                "normal" => {
                    let scale = json_float(op.scale.as_ref().unwrap());
                    let got = g.normal(op.loc.unwrap(), scale, n).unwrap();
                    compare_floats(&mut report, "normal", &at, op.f64.as_ref().unwrap(), &got);
                }
                "uniform" => {
                    let low = json_float(op.low.as_ref().unwrap());
                    let high = json_float(op.high.as_ref().unwrap());
                    let got = g.uniform(low, high, n).unwrap();
                    compare_floats(&mut report, "uniform", &at, op.f64.as_ref().unwrap(), &got);
                }
                "integers" => {
                    let low = json_int(op.low.as_ref().unwrap());
                    let high = op.high.as_ref().filter(|h| !h.is_null()).map(json_int);
                    let got = g.integers(low, high, n).unwrap();
                    let want = op.i64.as_ref().unwrap();
                    compare_ints(&mut report, GENERATOR, "integers", &at, want, &got);
                }
                "permutation" => {
                    let got = g.permutation(i128::from(op.n)).unwrap();
                    let want = op.i64.as_ref().unwrap();
                    compare_ints(&mut report, GENERATOR, "permutation", &at, want, &got);
                }
                "choice" => {
                    let (pop, size, replace) = choice_args(op);
                    let got = g.choice(pop, size, replace).unwrap();
                    let function = if replace {
                        "choice, with replacement"
                    } else {
                        "choice, without replacement"
                    };
                    let want = op.i64.as_ref().unwrap();
                    compare_ints(&mut report, GENERATOR, function, &at, want, &got);
                }
                other => panic!("unknown Generator op {other}"),
            }
            compare_state(&mut report, &at, op.after.as_ref().unwrap(), &g);
        }
    }
    report
}

/// `default_rng(0).standard_normal(200000)`: enough draws for dozens of tail and thousands of
/// wedge cases (the counts are in the fixture's `long_normals`).
pub fn run_long_normals() -> Report {
    let meta = long_normals_meta();
    let mut report = Report::default();
    let mut g = default_rng(Some(&Entropy::from(0u32))).unwrap();
    compare_state(&mut report, "long normals / seeding", &meta.state, &g);
    let got = g.standard_normal(meta.n).unwrap();
    let want: Vec<String> = LONG_NORMALS
        .chunks_exact(8)
        .map(|b| format!("{:016x}", u64::from_le_bytes(b.try_into().unwrap())))
        .collect();
    assert_eq!(want.len(), meta.n);
    compare_floats(
        &mut report,
        "standard_normal, 200,000 from seed 0 (tail and wedge)",
        "long normals",
        &want,
        &got,
    );
    compare_state(&mut report, "long normals / after", &meta.after, &g);
    report
}

/// Replays the RandomState permutation and choice streams.
pub fn run_legacy() -> Report {
    let fixture = fixture();
    let mut report = Report::default();
    for case in &fixture.legacy_cases {
        let mut rs = RandomState::new(Some(&legacy_seed(&case.seed))).unwrap();
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            match op.op.as_str() {
                "permutation" => {
                    let got = rs.permutation(i128::from(op.n)).unwrap();
                    let want = op.i64.as_ref().unwrap();
                    compare_ints(&mut report, LEGACY, "permutation", &at, want, &got);
                }
                "choice" => {
                    let (pop, size, replace) = choice_args(op);
                    let got = rs.choice(pop, size, replace).unwrap();
                    let function = if replace {
                        "choice, with replacement"
                    } else {
                        "choice, without replacement"
                    };
                    let want = op.i64.as_ref().unwrap();
                    compare_ints(&mut report, LEGACY, function, &at, want, &got);
                }
                "randn" => {
                    let got = rs.randn(op.n as usize).unwrap();
                    let want: Vec<u64> = op
                        .f64
                        .as_ref()
                        .unwrap()
                        .iter()
                        .map(|s| u64::from_str_radix(s, 16).unwrap())
                        .collect();
                    if got.iter().map(|x| x.to_bits()).collect::<Vec<_>>() != want {
                        // randn itself is covered by the legacy fixtures; here it only moves
                        // the engine and the gaussian cache.
                        fail(&mut report, format!("{at}: randn differs"));
                    }
                }
                other => panic!("unknown legacy op {other}"),
            }
            let (_, pos) = rs.engine().state();
            if Some(pos) != op.pos {
                fail(
                    &mut report,
                    format!("{at}: engine at word {pos}, NumPy at {:?}", op.pos),
                );
            }
            let gauss = rs.cached_gauss().map(|g| format!("{:016x}", g.to_bits()));
            if gauss != op.gauss {
                fail(
                    &mut report,
                    format!("{at}: cached gauss {gauss:?}, NumPy {:?}", op.gauss),
                );
            }
        }
    }
    report
}

fn choice_args(op: &Op) -> (i128, i128, bool) {
    (
        op.pop.as_ref().unwrap().parse().unwrap(),
        i128::from(op.size.unwrap()),
        op.replace.unwrap(),
    )
}

fn json_int(v: &serde_json::Value) -> i128 {
    v.as_str().unwrap().parse().unwrap()
}

/// A float argument: a JSON number, or "nan" as Python's repr for the one NaN scale.
fn json_float(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Runs an error case through the plain Rust API where it can express the input (integers for
/// seeds, sizes and populations); `None` for inputs only JavaScript can pass (float seeds,
/// fractional sizes and populations). Returns the exception name and message.
pub fn rust_api_error(case: &ErrorCase) -> Option<Result<(), (String, String)>> {
    // `replace` is a JSON boolean, which `py_arg` does not take.
    let args: Vec<PyArg> = case
        .args
        .iter()
        .map(|v| {
            if v.is_boolean() {
                PyArg::None
            } else {
                py_arg(v)
            }
        })
        .collect();
    let err = |e: seedlab::Error| (e.kind().name().to_owned(), e.message().to_owned());
    let int = |a: &PyArg| match a {
        PyArg::Int(i) => Some(*i),
        _ => None,
    };
    let size = |i: usize| Some(args[i].as_f64());
    let rng = || default_rng(Some(&Entropy::from(17u32))).unwrap();
    let rs = || RandomState::from_u32(17);
    let result = match (case.target.as_str(), case.op.as_str()) {
        ("generator", "default_rng") => default_rng(Some(&py_entropy(&args[0])?)).map(drop),
        // The `_sized` calls take the size as JS passes it and make NumPy's checks in NumPy's
        // order (the parameters, or the bounds, before the size).
        ("generator", "random") => rng().random_sized(size(0)).map(drop),
        ("generator", "standard_normal") => rng().standard_normal_sized(size(0)).map(drop),
        ("generator", "normal") => rng()
            .normal_sized(args[0].as_f64(), args[1].as_f64(), size(2))
            .map(drop),
        ("generator", "uniform") => rng()
            .uniform_sized(args[0].as_f64(), args[1].as_f64(), size(2))
            .map(drop),
        ("generator", "integers") => {
            let low = int(&args[0])?;
            let high = match &args[1] {
                PyArg::None => None,
                a => Some(int(a)?),
            };
            int(&args[2])?;
            rng().integers_sized(low, high, size(2)).map(drop)
        }
        ("generator", "permutation") => rng().permutation(int(&args[0])?).map(drop),
        ("generator", "choice") => {
            let (pop, size) = (int(&args[0])?, int(&args[1])?);
            rng().choice(pop, size, args_bool(&case.args[2])).map(drop)
        }
        ("legacy", "permutation") => rs().permutation(int(&args[0])?).map(drop),
        ("legacy", "choice") => {
            let (pop, size) = (int(&args[0])?, int(&args[1])?);
            rs().choice(pop, size, args_bool(&case.args[2])).map(drop)
        }
        (target, op) => panic!("no Rust API mapping for {target} {op}"),
    };
    Some(result.map_err(err))
}

fn args_bool(v: &serde_json::Value) -> bool {
    v.as_bool().unwrap()
}

/// An int or a (nested) list of ints as entropy; `None` if a float is involved.
fn py_entropy(arg: &PyArg) -> Option<Entropy> {
    match arg {
        PyArg::Int(i) => Some(Entropy::from(*i)),
        PyArg::List(items) => items
            .iter()
            .map(py_entropy)
            .collect::<Option<Vec<_>>>()
            .map(Entropy::Sequence),
        _ => None,
    }
}

/// The largest exact integer a JS Number carries, for deciding how the browser passes an int.
pub const MAX_SAFE_INTEGER: i128 = (1 << 53) - 1;

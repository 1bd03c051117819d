//! Fixture replay shared by the native tests (`tests/fixtures.rs`) and the browser tests
//! (`tests/web.rs`): the same JSON, the same comparisons, the same report.
#![allow(dead_code)]

use seedlab::numpy::{RandomState, Seed};
use seedlab::torch::Generator;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const NUMPY_LEGACY: &str = include_str!("../fixtures/numpy_legacy.json");
pub const TORCH_CPU: &str = include_str!("../fixtures/torch_cpu.json");
pub const ERRORS: &str = include_str!("../fixtures/errors.json");

#[derive(Deserialize)]
struct Fixture<C> {
    cases: Vec<C>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SeedJson {
    Int(String),
    Array(Vec<String>),
}

impl SeedJson {
    fn numpy(&self) -> Seed {
        match self {
            SeedJson::Int(s) => Seed::Int(s.parse().unwrap()),
            SeedJson::Array(v) => Seed::Array(v.iter().map(|s| s.parse().unwrap()).collect()),
        }
    }
}

#[derive(Deserialize)]
struct NumpyCase {
    name: String,
    seed: SeedJson,
    ops: Vec<NumpyOp>,
}

#[derive(Deserialize)]
struct NumpyOp {
    op: String,
    #[serde(default)]
    n: usize,
    seed: Option<SeedJson>,
    low: Option<serde_json::Value>,
    high: Option<serde_json::Value>,
    loc: Option<f64>,
    scale: Option<f64>,
    f64: Option<Vec<String>>,
    i64: Option<Vec<String>>,
    pos: usize,
    gauss: Option<String>,
}

#[derive(Deserialize)]
struct TorchCase {
    name: String,
    seed: String,
    ops: Vec<TorchOp>,
}

#[derive(Deserialize)]
struct TorchOp {
    op: String,
    #[serde(default)]
    n: usize,
    seed: Option<String>,
    low: Option<String>,
    high: Option<String>,
    value: Option<String>,
    f32: Option<Vec<String>>,
    i64: Option<Vec<String>>,
    pos: usize,
    cached_normal: Option<String>,
}

/// How many values of one kind were compared and how they matched.
#[derive(Default, Clone, Debug)]
pub struct Tally {
    pub compared: usize,
    pub identical: usize,
    /// Largest distance in units in the last place among non-identical values.
    pub max_ulp: u64,
    /// Values that differ even when printed as the library prints them (8 decimals for NumPy).
    pub print_mismatches: usize,
}

/// Results per (dialect, function), plus the failures that are never tolerated (wrong lengths,
/// wrong integers, wrong engine positions).
#[derive(Default)]
pub struct Report {
    pub tallies: BTreeMap<(&'static str, &'static str), Tally>,
    pub hard_failures: Vec<String>,
}

impl Report {
    fn tally(&mut self, dialect: &'static str, function: &'static str) -> &mut Tally {
        self.tallies.entry((dialect, function)).or_default()
    }

    fn fail(&mut self, message: String) {
        if self.hard_failures.len() < 20 {
            self.hard_failures.push(message);
        }
    }

    /// Integers must all be equal: any difference is a hard failure, counted too.
    pub fn compare_ints(
        &mut self,
        dialect: &'static str,
        function: &'static str,
        at: &str,
        want: &[String],
        got: &[i64],
    ) {
        let want: Vec<i64> = want.iter().map(|s| s.parse().unwrap()).collect();
        let t = self.tally(dialect, function);
        t.compared += want.len();
        t.identical += want.iter().zip(got).filter(|(a, b)| a == b).count();
        if got != want.as_slice() {
            self.fail(format!("{at}: integers differ"));
        }
    }

    /// A table row per function: "numpy legacy | randn | 31262 | 31262 | 0".
    pub fn table(&self, platform: &str) -> String {
        let mut out = format!(
            "exactness on {platform}\n| dialect | function | values compared | bit-identical | max ulp |\n|---|---|---|---|---|\n"
        );
        for ((dialect, function), t) in &self.tallies {
            out += &format!(
                "| {dialect} | {function} | {} | {} | {} |\n",
                t.compared, t.identical, t.max_ulp
            );
        }
        out
    }

    /// No hard failures, and every value of each of `functions` bit-identical.
    pub fn assert_exact(&self, dialect: &str, functions: &[&str]) {
        assert!(self.hard_failures.is_empty(), "{:#?}", self.hard_failures);
        for function in functions {
            self.assert_all_identical(dialect, function);
        }
    }

    /// Every value of `function` must be bit-identical.
    pub fn assert_all_identical(&self, dialect: &str, function: &str) {
        let t = self
            .tallies
            .iter()
            .find(|((d, f), _)| *d == dialect && *f == function)
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("no {dialect} {function} values compared"));
        assert!(t.compared > 0);
        assert_eq!(
            t.identical, t.compared,
            "{dialect} {function}: {} of {} bit-identical (max {} ulp)",
            t.identical, t.compared, t.max_ulp
        );
    }
}

/// Distance in units in the last place, across zero.
pub fn ulp_distance_f64(a: f64, b: f64) -> u64 {
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

pub fn ulp_distance_f32(a: f32, b: f32) -> u64 {
    ulp_distance_f64(f64::from(a), f64::from(b)).min(u64::from(a.to_bits().abs_diff(b.to_bits())))
}

fn hex_f64(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn hex_f32(s: &str) -> f32 {
    f32::from_bits(u32::from_str_radix(s, 16).unwrap())
}

/// NumPy prints float64 arrays with 8 decimals by default.
pub fn numpy_print(x: f64) -> String {
    format!("{x:.8}")
}

fn compare_f64(t: &mut Tally, expected: f64, actual: f64) {
    t.compared += 1;
    if expected.to_bits() == actual.to_bits() {
        t.identical += 1;
    } else {
        t.max_ulp = t.max_ulp.max(ulp_distance_f64(expected, actual));
        if numpy_print(expected) != numpy_print(actual) {
            t.print_mismatches += 1;
        }
    }
}

fn compare_f32(t: &mut Tally, expected: f32, actual: f32) {
    t.compared += 1;
    if expected.to_bits() == actual.to_bits() {
        t.identical += 1;
    } else {
        t.max_ulp = t.max_ulp.max(ulp_distance_f32(expected, actual));
        t.print_mismatches += 1;
    }
}

fn function_name(op: &str) -> &'static str {
    match op {
        "rand" => "rand",
        "randn" => "randn",
        "randint" => "randint",
        "uniform" => "uniform",
        "normal" => "normal",
        "seed" => "seed",
        "manual_seed" => "manual_seed",
        "initial_seed" => "initial_seed",
        other => panic!("unknown fixture op {other}"),
    }
}

fn json_int(v: &serde_json::Value) -> i128 {
    v.as_str().unwrap().parse().unwrap()
}

fn json_f64(v: &Option<serde_json::Value>) -> f64 {
    v.as_ref().unwrap().as_f64().unwrap()
}

/// Replays every NumPy-legacy fixture case through [`RandomState`].
pub fn run_numpy_legacy() -> Report {
    const D: &str = "numpy legacy";
    let fixture: Fixture<NumpyCase> = serde_json::from_str(NUMPY_LEGACY).unwrap();
    let mut report = Report::default();
    for case in &fixture.cases {
        let mut rs = RandomState::new(Some(&case.seed.numpy())).unwrap();
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            let function = function_name(&op.op);
            let floats = match op.op.as_str() {
                "seed" => {
                    rs.seed(Some(&op.seed.as_ref().unwrap().numpy())).unwrap();
                    None
                }
                "rand" => Some(rs.rand(op.n).unwrap()),
                "randn" => Some(rs.randn(op.n).unwrap()),
                "uniform" => Some(
                    rs.uniform(json_f64(&op.low), json_f64(&op.high), op.n)
                        .unwrap(),
                ),
                "normal" => Some(rs.normal(op.loc.unwrap(), op.scale.unwrap(), op.n).unwrap()),
                "randint" => {
                    let low = json_int(op.low.as_ref().unwrap());
                    let high = op.high.as_ref().filter(|h| !h.is_null()).map(json_int);
                    let got = rs.randint(low, high, op.n).unwrap();
                    report.compare_ints(D, function, &at, op.i64.as_ref().unwrap(), &got);
                    None
                }
                other => panic!("unknown op {other}"),
            };
            if let Some(got) = floats {
                let want = op.f64.as_ref().unwrap();
                if got.len() != want.len() {
                    report.fail(format!(
                        "{at}: {} values, expected {}",
                        got.len(),
                        want.len()
                    ));
                }
                let t = report.tally(D, function);
                for (w, g) in want.iter().zip(&got) {
                    compare_f64(t, hex_f64(w), *g);
                }
            }
            let (_, pos) = rs.engine().state();
            if pos != op.pos {
                report.fail(format!("{at}: engine at word {pos}, NumPy at {}", op.pos));
            }
            match (&op.gauss, rs.cached_gauss()) {
                (None, None) => {}
                (Some(w), Some(g)) => compare_f64(report.tally(D, "randn"), hex_f64(w), g),
                (w, g) => report.fail(format!("{at}: cached gauss {g:?}, NumPy has {w:?}")),
            }
        }
    }
    report
}

/// Replays every PyTorch fixture case through [`Generator`].
pub fn run_torch_cpu() -> Report {
    const D: &str = "torch cpu";
    let fixture: Fixture<TorchCase> = serde_json::from_str(TORCH_CPU).unwrap();
    let mut report = Report::default();
    for case in &fixture.cases {
        let mut g = Generator::new(0);
        g.manual_seed(case.seed.parse().unwrap()).unwrap();
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            let function = function_name(&op.op);
            match op.op.as_str() {
                "manual_seed" => g
                    .manual_seed(op.seed.as_ref().unwrap().parse().unwrap())
                    .unwrap(),
                "initial_seed" => {
                    let want: u64 = op.value.as_ref().unwrap().parse().unwrap();
                    let t = report.tally(D, function);
                    t.compared += 1;
                    if g.initial_seed() == want {
                        t.identical += 1;
                    } else {
                        report.fail(format!("{at}: initial_seed {} != {want}", g.initial_seed()));
                    }
                }
                "randn" | "rand" => {
                    let got = if op.op == "randn" {
                        g.randn(op.n).unwrap()
                    } else {
                        g.rand(op.n).unwrap()
                    };
                    let want = op.f32.as_ref().unwrap();
                    if got.len() != want.len() {
                        report.fail(format!(
                            "{at}: {} values, expected {}",
                            got.len(),
                            want.len()
                        ));
                    }
                    let function = if op.op == "randn" && op.n >= 16 {
                        "randn (n >= 16, float32 kernel)"
                    } else if op.op == "randn" {
                        "randn (n < 16, double Box-Muller)"
                    } else {
                        function
                    };
                    let t = report.tally(D, function);
                    for (w, v) in want.iter().zip(&got) {
                        compare_f32(t, hex_f32(w), *v);
                    }
                }
                "randint" => {
                    let low = op.low.as_ref().unwrap().parse().unwrap();
                    let high = op.high.as_ref().unwrap().parse().unwrap();
                    let got = g.randint(low, high, op.n).unwrap();
                    report.compare_ints(D, function, &at, op.i64.as_ref().unwrap(), &got);
                }
                other => panic!("unknown op {other}"),
            }
            let (_, pos) = g.engine().state();
            if pos != op.pos {
                report.fail(format!("{at}: engine at word {pos}, torch at {}", op.pos));
            }
            match (&op.cached_normal, g.cached_normal()) {
                (None, None) => {}
                (Some(w), Some(v)) => {
                    compare_f64(report.tally(D, "cached normal (double)"), hex_f64(w), v)
                }
                (w, v) => report.fail(format!("{at}: cached normal {v:?}, torch has {w:?}")),
            }
        }
    }
    report
}

/// One bad-input case recorded from the real library.
#[derive(Deserialize, Debug)]
pub struct ErrorCase {
    pub library: String,
    pub call: String,
    pub op: String,
    pub args: Vec<serde_json::Value>,
    #[serde(default)]
    pub kwargs: BTreeMap<String, serde_json::Value>,
    pub error: String,
    pub message: String,
    #[serde(rename = "match")]
    pub match_mode: String,
}

impl ErrorCase {
    /// Does `(name, message)` reproduce the library's exception?
    pub fn matches(&self, name: &str, message: &str) -> bool {
        name == self.error
            && match self.match_mode.as_str() {
                "exact" => message == self.message,
                "contains" => self.message.contains(message),
                other => panic!("unknown match mode {other}"),
            }
    }
}

pub fn error_cases() -> Vec<ErrorCase> {
    let fixture: Fixture<ErrorCase> = serde_json::from_str(ERRORS).unwrap();
    fixture.cases
}

/// A Python argument as the fixture stores it.
pub enum PyArg {
    Int(i128),
    Float(f64),
    List(Vec<PyArg>),
    None,
}

pub fn py_arg(v: &serde_json::Value) -> PyArg {
    match v {
        serde_json::Value::Null => PyArg::None,
        serde_json::Value::Array(items) => PyArg::List(items.iter().map(py_arg).collect()),
        serde_json::Value::Object(map) => {
            if let Some(i) = map.get("int") {
                PyArg::Int(i.as_str().unwrap().parse().unwrap())
            } else {
                let f = &map["float"];
                PyArg::Float(match f.as_str() {
                    Some("nan") => f64::NAN,
                    Some("inf") => f64::INFINITY,
                    Some("-inf") => f64::NEG_INFINITY,
                    _ => f.as_f64().unwrap(),
                })
            }
        }
        other => panic!("unexpected argument {other}"),
    }
}

impl PyArg {
    /// The argument as a JS Number would carry it (ints up to 2**53 exactly).
    pub fn as_f64(&self) -> f64 {
        match self {
            PyArg::Int(i) => *i as f64,
            PyArg::Float(f) => *f,
            _ => panic!("not a number"),
        }
    }
}

/// Runs an error case through the plain Rust API where the Rust API can express the input
/// (everything except float seeds and nested seed arrays, which only JS can pass). Returns the
/// (exception name, message), or `None` if the case is not expressible natively.
pub fn rust_api_error(case: &ErrorCase) -> Option<Result<(), (String, String)>> {
    let args: Vec<PyArg> = case.args.iter().map(py_arg).collect();
    let err = |e: seedlab::Error| (e.kind().name().to_owned(), e.message().to_owned());
    let int = |a: &PyArg| match a {
        PyArg::Int(i) => Some(*i),
        _ => None,
    };
    let numpy_seed = |a: &PyArg| match a {
        PyArg::Int(i) => Some(Seed::Int(*i)),
        PyArg::List(items) => items
            .iter()
            .map(int)
            .collect::<Option<Vec<_>>>()
            .map(Seed::Array),
        _ => None,
    };
    let size = |i: usize| Some(args[i].as_f64());
    let rs = || RandomState::from_u32(17);
    let result = match (case.library.as_str(), case.op.as_str()) {
        ("numpy", "RandomState") => RandomState::new(Some(&numpy_seed(&args[0])?)).map(drop),
        ("numpy", "seed") => RandomState::from_u32(17).seed(Some(&numpy_seed(&args[0])?)),
        // The `_sized` calls take the size as JS passes it and make the library's checks in the
        // library's order (NumPy: the parameters, or randint's bounds, before the size).
        ("numpy", "rand") => rs().rand_sized(size(0)).map(drop),
        ("numpy", "randn") => rs().randn_sized(size(0)).map(drop),
        ("numpy", "randint") => {
            let high = match &args[1] {
                PyArg::None => None,
                a => Some(int(a)?),
            };
            rs().randint_sized(int(&args[0])?, high, size(2)).map(drop)
        }
        ("numpy", "normal") => rs()
            .normal_sized(args[0].as_f64(), args[1].as_f64(), size(2))
            .map(drop),
        ("numpy", "uniform") => rs()
            .uniform_sized(args[0].as_f64(), args[1].as_f64(), size(2))
            .map(drop),
        ("torch", "manual_seed") => Generator::new(17).manual_seed(int(&args[0])?),
        ("torch", "rand") => Generator::new(17).rand_sized(size(0)).map(drop),
        ("torch", "randn") => Generator::new(17).randn_sized(size(0)).map(drop),
        ("torch", "randint") => Generator::new(17)
            .randint_sized(int(&args[0])?, int(&args[1])?, size(2))
            .map(drop),
        (lib, op) => panic!("no Rust API mapping for {lib} {op}"),
    };
    Some(result.map_err(err))
}

/// The seed notebook's printed outputs, which the lesson quotes. Each entry: a name, the Python
/// that printed it, the draws seedlab makes for it, and the digits NumPy/PyTorch printed.
pub struct NotebookCell {
    pub name: &'static str,
    pub printed: &'static [&'static str],
    pub values: Vec<String>,
}

pub fn notebook_cells() -> Vec<NotebookCell> {
    let np_fmt = |v: Vec<f64>| {
        v.into_iter()
            .map(|x| {
                // NumPy trims trailing zeros when every element allows it (floatmode 'maxprec').
                let s = numpy_print(x);
                s.trim_end_matches('0').to_owned()
            })
            .collect::<Vec<_>>()
    };
    let mut global = RandomState::from_u32(17);
    let first = np_fmt(global.randn(5).unwrap());
    let second = np_fmt(global.randn(5).unwrap());
    let mut rs = RandomState::from_u32(20_210_530);
    let rs_first = np_fmt(rs.randn(5).unwrap());
    let rs_second = np_fmt(rs.randn(5).unwrap());
    let torch_first = Generator::new(17)
        .randn(5)
        .unwrap()
        .into_iter()
        .map(|x| format!("{x:.4}"))
        .collect();
    vec![
        NotebookCell {
            name: "np.random.seed(17); np.random.randn(5)",
            printed: &[
                "0.27626589",
                "-1.85462808",
                "0.62390111",
                "1.14531129",
                "1.03719047",
            ],
            values: first,
        },
        NotebookCell {
            name: "np.random.seed(17); np.random.randn(5); np.random.randn(5)  # second draw",
            printed: &[
                "1.88663893",
                "-0.11169829",
                "-0.36210134",
                "0.14867505",
                "-0.43778315",
            ],
            values: second,
        },
        NotebookCell {
            name: "np.random.RandomState(20210530).randn(5)",
            printed: &[
                "-0.24972681",
                "-1.01951826",
                "2.23461339",
                "0.72764703",
                "1.2921122",
            ],
            values: rs_first,
        },
        NotebookCell {
            name: "np.random.RandomState(20210530): second randn(5)",
            printed: &[
                "1.15494929",
                "-0.0015467",
                "-0.11196868",
                "-1.08136725",
                "0.10265891",
            ],
            values: rs_second,
        },
        NotebookCell {
            name: "torch.manual_seed(17); torch.randn(5)",
            printed: &["-1.4135", "0.2336", "0.0340", "0.3499", "-0.0145"],
            values: torch_first,
        },
    ]
}

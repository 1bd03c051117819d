//! Replay of tests/fixtures/numpy_extended.json and numpy_generator_exponentials.bin (written by
//! generate_numpy_extended.py from numpy 2.4.6): integer dtypes, choice with p, get_state /
//! set_state, the extra distributions, float32 outputs and shuffles, through the plain Rust API.
//! Shared by the native tests (tests/numpy_extended.rs) and the browser tests (tests/web.rs).
//! Included by `#[path]` as a sibling of `mod common;`, whose `Report` it fills.
#![allow(dead_code)]

use super::common::{ulp_distance_f64, PyArg, Report, Tally};
use seedlab::numpy::{
    default_rng, CNumber, Entropy, Generator, IntDtype, KeySequence, LegacyStateArgs, Population,
    PyInt, RandomState, Seed,
};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const FIXTURE: &str = include_str!("../fixtures/numpy_extended.json");
pub const LONG_EXPONENTIALS: &[u8] = include_bytes!("../fixtures/numpy_generator_exponentials.bin");
pub const LONG_NORMALS_F32: &[u8] = include_bytes!("../fixtures/numpy_generator_normals_f32.bin");

pub const GENERATOR: &str = "numpy Generator";
pub const LEGACY: &str = "numpy legacy";

#[derive(Deserialize)]
pub struct Fixture {
    exponential_tables: Tables,
    ziggurat_f32_tables: TablesF32,
    pub long_exponentials: LongValues,
    pub long_normals_f32: LongValues,
    pub log1pf: Log1pfChecksums,
    legacy_cases: Vec<Case>,
    generator_cases: Vec<Case>,
    spawn_cases: Vec<SpawnCase>,
    pub errors: Vec<ErrorCase>,
    p_table: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct Tables {
    ke_double: Vec<String>,
    we_double: Vec<String>,
    fe_double: Vec<String>,
}

#[derive(Deserialize)]
struct TablesF32 {
    ki_float: Vec<String>,
    wi_float: Vec<String>,
    fi_float: Vec<String>,
}

/// glibc's `log1pf(-k * 2**-24)` for every `k < 2**24`, as checksums (see
/// generate_numpy_extended.py).
#[derive(Deserialize)]
pub struct Log1pfChecksums {
    pub glibc: String,
    total: String,
    blocks: Vec<String>,
    samples: BTreeMap<String, String>,
}

#[derive(Deserialize, PartialEq, Debug)]
pub struct Pcg64State {
    state: String,
    inc: String,
    buffered_u32: Option<String>,
}

#[derive(Deserialize)]
pub struct LongValues {
    pub n: usize,
    state: Pcg64State,
    after: Pcg64State,
    pub tail_values: usize,
    pub draws_per_value: BTreeMap<String, usize>,
}

/// `random(3)` of the Generators spawned from `default_rng(SeedSequence(seed, spawn_key))`, by
/// path: "0" is the first child, "0/1" that child's second child, "parent" the parent after.
#[derive(Deserialize)]
struct SpawnCase {
    seed: serde_json::Value,
    spawn_key: Vec<String>,
    random3: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    seed: serde_json::Value,
    ops: Vec<Op>,
}

/// `get_state()` after a legacy op.
#[derive(Deserialize)]
struct LegacyAfter {
    pos: usize,
    has_gauss: i32,
    gauss: String,
    key: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum After {
    Legacy(LegacyAfter),
    Generator(Pcg64State),
}

#[derive(Deserialize)]
struct Op {
    op: String,
    #[serde(default)]
    n: i64,
    low: Option<String>,
    high: Option<String>,
    dtype: Option<String>,
    endpoint: Option<bool>,
    pop: Option<String>,
    array: Option<bool>,
    size: Option<i64>,
    replace: Option<bool>,
    shuffle: Option<bool>,
    p: Option<usize>,
    args: Option<Vec<serde_json::Value>>,
    kind: Option<String>,
    key: Option<Vec<serde_json::Value>>,
    key_kind: Option<String>,
    pos: Option<serde_json::Value>,
    gauss: Option<Vec<serde_json::Value>>,
    error: Option<String>,
    message: Option<String>,
    ints: Option<Vec<String>>,
    f64: Option<Vec<String>>,
    f32: Option<Vec<String>>,
    after: After,
}

/// One bad-input case recorded from NumPy.
#[derive(Deserialize, Debug)]
pub struct ErrorCase {
    /// `"legacy"` (`np.random.RandomState(17)`) or `"generator"` (`np.random.default_rng(17)`).
    pub target: String,
    pub call: String,
    pub op: String,
    pub args: Vec<serde_json::Value>,
    pub kwargs: BTreeMap<String, serde_json::Value>,
    pub error: String,
    pub message: String,
}

impl ErrorCase {
    /// A keyword argument: a string (`{"str": ...}`), as given.
    pub fn kw_str(&self, name: &str) -> Option<String> {
        self.kwargs
            .get(name)?
            .get("str")?
            .as_str()
            .map(str::to_owned)
    }

    /// A boolean keyword argument.
    pub fn kw_bool(&self, name: &str) -> Option<bool> {
        self.kwargs.get(name)?.as_bool()
    }

    /// The probabilities given as `p=`, if any.
    pub fn kw_p(&self) -> Option<Vec<f64>> {
        let p = self.kwargs.get("p")?.as_array()?;
        Some(p.iter().map(|v| py_arg(v).as_f64()).collect())
    }
}

/// An argument as the fixture stores it (`common::py_arg`), with booleans as the ints they are in
/// Python.
pub fn py_arg(v: &serde_json::Value) -> PyArg {
    match v.as_bool() {
        Some(b) => PyArg::Int(b.into()),
        None => super::common::py_arg(v),
    }
}

pub fn fixture() -> Fixture {
    serde_json::from_str(FIXTURE).unwrap()
}

fn hex_f64(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn hex_f32(s: &str) -> f32 {
    f32::from_bits(u32::from_str_radix(s, 16).unwrap())
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

fn compare_ints(
    report: &mut Report,
    dialect: &'static str,
    function: &'static str,
    at: &str,
    want: &[String],
    got: &[i128],
) {
    let want: Vec<i128> = want.iter().map(|s| s.parse().unwrap()).collect();
    let t = tally(report, dialect, function);
    t.compared += want.len();
    t.identical += want.iter().zip(got).filter(|(a, b)| a == b).count();
    if got != want {
        fail(report, format!("{at}: integers differ"));
    }
}

fn compare_f64(
    report: &mut Report,
    dialect: &'static str,
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
    let t = tally(report, dialect, function);
    for (w, &g) in want.iter().zip(got) {
        let w = hex_f64(w);
        t.compared += 1;
        if w.to_bits() == g.to_bits() {
            t.identical += 1;
        } else {
            t.max_ulp = t.max_ulp.max(ulp_distance_f64(w, g));
            t.print_mismatches += 1;
        }
    }
}

/// The seed as the fixture writes it: a decimal string or a list of them.
fn entropy(seed: &serde_json::Value) -> Entropy {
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

fn dtype(op: &Op) -> IntDtype {
    IntDtype::from_name(op.dtype.as_deref().unwrap()).unwrap()
}

fn int_of(s: &Option<String>) -> Option<i128> {
    s.as_ref().map(|s| s.parse().unwrap())
}

fn population(op: &Op) -> Population {
    let pop: i128 = op.pop.as_ref().unwrap().parse().unwrap();
    if op.array == Some(true) {
        Population::Array(pop as u64)
    } else {
        Population::Int(pop)
    }
}

fn cnumber(v: &serde_json::Value) -> CNumber {
    match py_arg(v) {
        PyArg::Int(i) => CNumber::Int(i),
        PyArg::Float(x) => CNumber::Float(x),
        _ => panic!("not a number: {v}"),
    }
}

fn key_hex(key: &[u32]) -> String {
    key.iter().map(|w| format!("{w:08x}")).collect()
}

fn function_name(op: &str) -> &'static str {
    match op {
        "randint" => "randint (every dtype)",
        "integers" => "integers (every dtype, endpoint)",
        "choice" => "choice with p, a as an array (Generator: shuffle=False)",
        "set_state" | "get_state" => "get_state / set_state (key, pos, has_gauss, gauss)",
        "randn" => "randn",
        "rand" => "rand",
        "random" => "random",
        "random32" => "random(dtype=float32)",
        "normal32" => "standard_normal(dtype=float32)",
        "standard_exponential" => "standard_exponential",
        "exponential" => "exponential",
        "poisson" => "poisson",
        "geometric" => "geometric",
        "binomial" => "binomial",
        "shuffle" => "shuffle (list, array, rows)",
        "permutation" => "permutation",
        other => panic!("unknown op {other}"),
    }
}

/// Replays the RandomState cases, checking values and `get_state()` after every call.
pub fn run_legacy() -> Report {
    let fixture = fixture();
    let mut report = Report::default();
    for case in &fixture.legacy_cases {
        let mut rs = RandomState::new(Some(&legacy_seed(&case.seed))).unwrap();
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            let function = function_name(&op.op);
            let args: Vec<PyArg> = op.args.iter().flatten().map(py_arg).collect();
            let n = op.n as usize;
            let ints: Option<Vec<i128>> = match op.op.as_str() {
                "randint" => Some(
                    rs.randint_dtype(int_of(&op.low).unwrap(), int_of(&op.high), n, dtype(op))
                        .unwrap()
                        .to_i128(),
                ),
                "choice" => {
                    let p = op.p.map(|i| {
                        fixture.p_table[i]
                            .iter()
                            .map(|h| hex_f64(h))
                            .collect::<Vec<_>>()
                    });
                    let got = rs
                        .choice_from(
                            population(op),
                            op.size.unwrap().into(),
                            op.replace.unwrap(),
                            p.as_deref(),
                        )
                        .unwrap();
                    Some(got.into_iter().map(i128::from).collect())
                }
                "poisson" => Some(
                    rs.poisson(args[0].as_f64(), n)
                        .unwrap()
                        .into_iter()
                        .map(i128::from)
                        .collect(),
                ),
                "geometric" => Some(
                    rs.geometric(args[0].as_f64(), n)
                        .unwrap()
                        .into_iter()
                        .map(i128::from)
                        .collect(),
                ),
                "binomial" => {
                    let PyArg::Int(trials) = args[0] else {
                        panic!("binomial n")
                    };
                    Some(
                        rs.binomial(trials, args[1].as_f64(), n)
                            .unwrap()
                            .into_iter()
                            .map(i128::from)
                            .collect(),
                    )
                }
                "shuffle" => {
                    let mut x: Vec<i128> = (0..op.n as i128).collect();
                    rs.shuffle(&mut x);
                    Some(x)
                }
                "permutation" => Some(
                    rs.permutation(op.n.into())
                        .unwrap()
                        .into_iter()
                        .map(i128::from)
                        .collect(),
                ),
                _ => None,
            };
            if let Some(got) = ints {
                compare_ints(
                    &mut report,
                    LEGACY,
                    function,
                    &at,
                    op.ints.as_ref().unwrap(),
                    &got,
                );
            }
            let floats = match op.op.as_str() {
                "randn" => Some(rs.randn(n).unwrap()),
                "rand" => Some(rs.rand(n).unwrap()),
                "standard_exponential" => Some(rs.standard_exponential(n).unwrap()),
                "exponential" => Some(rs.exponential(args[0].as_f64(), n).unwrap()),
                _ => None,
            };
            if let Some(got) = floats {
                compare_f64(
                    &mut report,
                    LEGACY,
                    function,
                    &at,
                    op.f64.as_ref().unwrap(),
                    &got,
                );
            }
            if op.op == "set_state" {
                let key: Vec<CNumber> = op.key.iter().flatten().map(cnumber).collect();
                let gauss = op
                    .gauss
                    .as_ref()
                    .map(|g| (cnumber(&g[0]), hex_f64(g[1].as_str().unwrap())));
                let args = LegacyStateArgs {
                    name: "MT19937",
                    key: &key,
                    key_sequence: match op.key_kind.as_deref() {
                        Some("list") => KeySequence::List,
                        _ => KeySequence::Array,
                    },
                    pos: cnumber(op.pos.as_ref().unwrap()),
                    gauss,
                };
                let result = rs
                    .set_state(&args)
                    .map_err(|e| (e.kind().name().to_owned(), e.message().to_owned()));
                let want = op.error.clone().map(|e| (e, op.message.clone().unwrap()));
                let t = tally(&mut report, LEGACY, function);
                t.compared += 1;
                if result.clone().err() == want {
                    t.identical += 1;
                } else {
                    fail(
                        &mut report,
                        format!("{at}: set_state gave {result:?}, NumPy {want:?}"),
                    );
                }
            }
            let After::Legacy(after) = &op.after else {
                panic!("{at}: not a legacy state")
            };
            let state = rs.get_state();
            let t = tally(&mut report, LEGACY, "get_state after each call");
            t.compared += 1;
            let key_ok = after.key.as_ref().is_none_or(|k| *k == key_hex(&state.key));
            if state.pos == after.pos
                && state.has_gauss == after.has_gauss
                && state.cached_gaussian.to_bits() == hex_f64(&after.gauss).to_bits()
                && key_ok
            {
                t.identical += 1;
            } else {
                fail(
                    &mut report,
                    format!(
                        "{at}: state (pos {}, has_gauss {}, gauss {}, key {}), NumPy ({}, {}, {}, {})",
                        state.pos, state.has_gauss, state.cached_gaussian, if key_ok { "same" } else { "differs" },
                        after.pos, after.has_gauss, hex_f64(&after.gauss), after.key.is_some()
                    ),
                );
            }
        }
    }
    report
}

fn pcg64_state(g: &Generator) -> Pcg64State {
    let bg = g.bit_generator();
    Pcg64State {
        state: bg.state().to_string(),
        inc: bg.increment().to_string(),
        buffered_u32: bg.buffered_u32().map(|v| v.to_string()),
    }
}

/// Replays the Generator cases, checking values and the PCG64 state after every call; and the
/// exponential ziggurat tables against the ones compiled into NumPy.
pub fn run_generator() -> Report {
    let fixture = fixture();
    let mut report = Report::default();

    let (ke, we, fe) = seedlab::numpy::generator::exponential_tables();
    let tables = &fixture.exponential_tables;
    let t = tally(
        &mut report,
        GENERATOR,
        "exponential ziggurat tables (vs NumPy's binary)",
    );
    for (i, want) in tables.ke_double.iter().enumerate() {
        t.compared += 1;
        t.identical += usize::from(u64::from_str_radix(want, 16).unwrap() == ke[i]);
    }
    for (want, got) in [(&tables.we_double, we), (&tables.fe_double, fe)] {
        for (i, w) in want.iter().enumerate() {
            t.compared += 1;
            t.identical += usize::from(hex_f64(w).to_bits() == got[i].to_bits());
        }
    }

    let (ki, wi, fi) = seedlab::numpy::generator::ziggurat_f32_tables();
    let tables = &fixture.ziggurat_f32_tables;
    let t = tally(
        &mut report,
        GENERATOR,
        "float32 ziggurat tables (vs NumPy's binary)",
    );
    for (i, want) in tables.ki_float.iter().enumerate() {
        t.compared += 1;
        t.identical += usize::from(u32::from_str_radix(want, 16).unwrap() == ki[i]);
    }
    for (want, got) in [(&tables.wi_float, wi), (&tables.fi_float, fi)] {
        for (i, w) in want.iter().enumerate() {
            t.compared += 1;
            t.identical += usize::from(hex_f32(w).to_bits() == got[i].to_bits());
        }
    }

    for case in &fixture.generator_cases {
        let mut g = default_rng(Some(&entropy(&case.seed))).unwrap();
        for (i, op) in case.ops.iter().enumerate() {
            let at = format!("{} / op {i} ({})", case.name, op.op);
            let function = function_name(&op.op);
            let args: Vec<PyArg> = op.args.iter().flatten().map(py_arg).collect();
            let n = op.n as usize;
            let ints: Option<Vec<i128>> = match op.op.as_str() {
                "integers" => Some(
                    g.integers_dtype(
                        int_of(&op.low).unwrap(),
                        int_of(&op.high),
                        n,
                        dtype(op),
                        op.endpoint.unwrap(),
                    )
                    .unwrap()
                    .to_i128(),
                ),
                "choice" => {
                    let p = op.p.map(|i| {
                        fixture.p_table[i]
                            .iter()
                            .map(|h| hex_f64(h))
                            .collect::<Vec<_>>()
                    });
                    let got = g
                        .choice_from(
                            population(op),
                            op.size.unwrap().into(),
                            op.replace.unwrap(),
                            p.as_deref(),
                            op.shuffle.unwrap(),
                        )
                        .unwrap();
                    Some(got.into_iter().map(i128::from).collect())
                }
                "shuffle" => {
                    let mut x: Vec<i128> = (0..op.n as i128).collect();
                    g.shuffle(&mut x);
                    Some(x)
                }
                "permutation" => Some(
                    g.permutation(op.n.into())
                        .unwrap()
                        .into_iter()
                        .map(i128::from)
                        .collect(),
                ),
                _ => None,
            };
            if let Some(got) = ints {
                compare_ints(
                    &mut report,
                    GENERATOR,
                    function,
                    &at,
                    op.ints.as_ref().unwrap(),
                    &got,
                );
            }
            let floats = match op.op.as_str() {
                "random" => Some(g.random(n).unwrap()),
                "standard_exponential" => Some(g.standard_exponential(n).unwrap()),
                "exponential" => Some(g.exponential(args[0].as_f64(), n).unwrap()),
                _ => None,
            };
            if let Some(got) = floats {
                compare_f64(
                    &mut report,
                    GENERATOR,
                    function,
                    &at,
                    op.f64.as_ref().unwrap(),
                    &got,
                );
            }
            if op.op == "random32" || op.op == "normal32" {
                let got = if op.op == "random32" {
                    g.random_f32(n).unwrap()
                } else {
                    g.standard_normal_f32(n).unwrap()
                };
                let want = op.f32.as_ref().unwrap();
                if want.len() != got.len() {
                    fail(
                        &mut report,
                        format!("{at}: {} values, expected {}", got.len(), want.len()),
                    );
                }
                let t = tally(&mut report, GENERATOR, function);
                for (w, v) in want.iter().zip(&got) {
                    t.compared += 1;
                    t.identical += usize::from(hex_f32(w).to_bits() == v.to_bits());
                }
            }
            let After::Generator(after) = &op.after else {
                panic!("{at}: not a PCG64 state")
            };
            let got = pcg64_state(&g);
            let t = tally(&mut report, GENERATOR, "PCG64 state after each call");
            t.compared += 1;
            if got == *after {
                t.identical += 1;
            } else {
                fail(
                    &mut report,
                    format!("{at}: PCG64 state {got:?}, NumPy has {after:?}"),
                );
            }
        }
    }
    report
}

/// `Generator.spawn` and spawn keys: each child's `random(3)`.
pub fn run_spawn() -> Report {
    let mut report = Report::default();
    for case in &fixture().spawn_cases {
        let key: Vec<PyInt> = case.spawn_key.iter().map(|k| k.parse().unwrap()).collect();
        let mut parent =
            seedlab::numpy::default_rng_with_spawn_key(Some(&entropy(&case.seed)), &key).unwrap();
        let mut streams: BTreeMap<String, Generator> = BTreeMap::new();
        if case.random3.contains_key("1") {
            let mut first = parent.spawn(2).unwrap();
            let second = parent.spawn(1).unwrap();
            let grand = first[0].spawn(2).unwrap();
            for (path, g) in ["0", "1", "2", "0/0", "0/1"]
                .into_iter()
                .zip(first.into_iter().chain(second).chain(grand))
            {
                streams.insert(path.to_owned(), g);
            }
        } else {
            streams.insert("0".to_owned(), parent.spawn(1).unwrap().remove(0));
        }
        streams.insert("parent".to_owned(), parent);
        for (path, want) in &case.random3 {
            let got = streams.get_mut(path).unwrap().random(3).unwrap();
            let at = format!("spawn of {} (key {:?}) / {path}", case.seed, case.spawn_key);
            compare_f64(
                &mut report,
                GENERATOR,
                "spawn / spawn_key (random(3) of each child)",
                &at,
                want,
                &got,
            );
        }
    }
    report
}

/// `default_rng(0).standard_exponential(200000)`, value by value, and the state after.
pub fn run_long_exponentials() -> Report {
    let meta = fixture().long_exponentials;
    let mut report = Report::default();
    let mut g = default_rng(Some(&Entropy::from(0u32))).unwrap();
    let got = g.standard_exponential(meta.n).unwrap();
    let want: Vec<f64> = LONG_EXPONENTIALS
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
        .collect();
    let t = tally(
        &mut report,
        GENERATOR,
        "standard_exponential, 200,000 values",
    );
    for (w, v) in want.iter().zip(&got) {
        t.compared += 1;
        if w.to_bits() == v.to_bits() {
            t.identical += 1;
        } else {
            t.max_ulp = t.max_ulp.max(ulp_distance_f64(*w, *v));
        }
    }
    if got.len() != want.len() || pcg64_state(&g) != meta.after {
        fail(
            &mut report,
            "long exponentials: length or final state differs".to_owned(),
        );
    }
    report
}

/// `default_rng(0).standard_normal(200000, dtype=np.float32)`, value by value, and the state
/// after.
pub fn run_long_normals_f32() -> Report {
    let meta = fixture().long_normals_f32;
    let mut report = Report::default();
    let mut g = default_rng(Some(&Entropy::from(0u32))).unwrap();
    let got = g.standard_normal_f32(meta.n).unwrap();
    let want: Vec<f32> = LONG_NORMALS_F32
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect();
    let t = tally(
        &mut report,
        GENERATOR,
        "standard_normal(dtype=float32), 200,000 values",
    );
    for (w, v) in want.iter().zip(&got) {
        t.compared += 1;
        t.identical += usize::from(w.to_bits() == v.to_bits());
    }
    if got.len() != want.len() || pcg64_state(&g) != meta.after {
        fail(
            &mut report,
            "long float32 normals: length or final state differs".to_owned(),
        );
    }
    report
}

/// `seedlab::math::log1pf` on the inputs NumPy's float32 ziggurat can give it, against glibc's
/// checksums: every `block_step`-th block of 65,536 inputs (1: all 2**24 inputs, with the total
/// checksum too). Returns the number of blocks checked, the number that differ, and the number of
/// sampled values that differ.
pub fn check_log1pf(block_step: usize) -> (usize, usize, usize) {
    let meta = fixture().log1pf;
    let mut differing_blocks = 0;
    let mut checked = 0;
    let mut total = 0u64;
    for (b, want) in meta.blocks.iter().enumerate().step_by(block_step) {
        checked += 1;
        let mut sum = 0u64;
        for k in (b as u64) * 65536..(b as u64 + 1) * 65536 {
            let x = -((k as f32) * (1.0 / 16_777_216.0));
            let bits = u64::from(seedlab::math::log1pf(x).to_bits());
            sum = sum.wrapping_add(bits.wrapping_mul(2 * k + 1));
        }
        total = total.wrapping_add(sum);
        differing_blocks += usize::from(sum.to_string() != *want);
    }
    if block_step == 1 {
        assert_eq!(total.to_string() == meta.total, differing_blocks == 0);
    }
    let differing_samples = meta
        .samples
        .iter()
        .filter(|(k, want)| {
            let x = -((k.parse::<u32>().unwrap() as f32) * (1.0 / 16_777_216.0));
            format!("{:08x}", seedlab::math::log1pf(x).to_bits()) != **want
        })
        .count();
    (checked, differing_blocks, differing_samples)
}

/// Runs an error case through the plain Rust API (the `_sized` calls, which take the size as
/// JS does). Returns the (exception name, message), `Ok(())` if nothing was raised.
pub fn rust_api_error(case: &ErrorCase) -> Result<(), (String, String)> {
    let args: Vec<PyArg> = case.args.iter().map(py_arg).collect();
    let err = |e: seedlab::Error| (e.kind().name().to_owned(), e.message().to_owned());
    let int = |a: &PyArg| match a {
        PyArg::Int(i) => Some(*i),
        _ => None,
    };
    let size = |i: usize| Some(args[i].as_f64());
    let rs = || RandomState::from_u32(17);
    let rng = || default_rng(Some(&Entropy::from(17u32))).unwrap();
    let dtype = || {
        let name = case.kw_str("dtype").unwrap();
        let function = if case.target == "legacy" {
            "randint"
        } else {
            "integers"
        };
        IntDtype::parse(&name, function)
    };
    let pop = || {
        let n = int(&args[0]).unwrap();
        if case.kw_bool("array") == Some(true) {
            Population::Array(n as u64)
        } else {
            Population::Int(n)
        }
    };
    let result: seedlab::Result<()> = match (case.target.as_str(), case.op.as_str()) {
        ("legacy", "randint") => dtype().and_then(|d| {
            rs().randint_dtype_sized(int(&args[0]).unwrap(), int(&args[1]), size(2), d)
                .map(drop)
        }),
        ("generator", "integers") => dtype().and_then(|d| {
            rng()
                .integers_dtype_sized(
                    int(&args[0]).unwrap(),
                    int(&args[1]),
                    size(2),
                    d,
                    case.kw_bool("endpoint").unwrap(),
                )
                .map(drop)
        }),
        ("legacy", "choice") => rs()
            .choice_from_sized(
                pop(),
                size(1),
                case.args[2].as_bool().unwrap(),
                case.kw_p().as_deref(),
            )
            .map(drop),
        ("generator", "choice") => rng()
            .choice_from_sized(
                pop(),
                size(1),
                case.args[2].as_bool().unwrap(),
                case.kw_p().as_deref(),
                case.kw_bool("shuffle").unwrap_or(true),
            )
            .map(drop),
        ("legacy", "set_state") => {
            let PyArg::List(key) = &args[0] else {
                panic!("key")
            };
            let key: Vec<CNumber> = key
                .iter()
                .map(|k| match k {
                    PyArg::Int(i) => CNumber::Int(*i),
                    PyArg::Float(x) => CNumber::Float(*x),
                    _ => panic!("key element"),
                })
                .collect();
            let pos = cnumber(&case.args[1]);
            let gauss = case
                .kwargs
                .get("gauss")
                .and_then(|g| g.as_array())
                .map(|g| (cnumber(&g[0]), py_arg(&g[1]).as_f64()));
            let name = case.kw_str("name").unwrap();
            let sequence = if case.kw_str("key_kind").as_deref() == Some("list") {
                KeySequence::List
            } else {
                KeySequence::Array
            };
            rs().set_state(&LegacyStateArgs {
                name: &name,
                key: &key,
                key_sequence: sequence,
                pos,
                gauss,
            })
        }
        ("legacy", "exponential") => rs().exponential_sized(args[0].as_f64(), size(1)).map(drop),
        ("generator", "exponential") => {
            rng().exponential_sized(args[0].as_f64(), size(1)).map(drop)
        }
        ("legacy", "standard_exponential") => rs().standard_exponential_sized(size(0)).map(drop),
        ("generator", "standard_exponential") => {
            rng().standard_exponential_sized(size(0)).map(drop)
        }
        ("legacy", "poisson") => rs().poisson_sized(args[0].as_f64(), size(1)).map(drop),
        ("legacy", "geometric") => rs().geometric_sized(args[0].as_f64(), size(1)).map(drop),
        ("legacy", "binomial") => rs()
            .binomial_sized(int(&args[0]).unwrap(), args[1].as_f64(), size(2))
            .map(drop),
        ("generator", "random32") => rng().random_f32_sized(size(0)).map(drop),
        ("generator", "normal32") => rng().standard_normal_f32_sized(size(0)).map(drop),
        ("generator", "random_dtype") => {
            seedlab::numpy::FloatDtype::parse(&case.kw_str("dtype").unwrap(), "random").map(drop)
        }
        ("generator", "normal_dtype") => {
            seedlab::numpy::FloatDtype::parse(&case.kw_str("dtype").unwrap(), "standard_normal")
                .map(drop)
        }
        (target, op) => panic!("no Rust mapping for {target} {op}"),
    };
    result.map_err(err)
}

//! Replay of tests/fixtures/torch_training.json and torch_training_intel.json (torch 2.15.0,
//! written by generate_torch_training.py): fills, randperm, generator state bytes, nn.init,
//! layer initialisation, dropout, DataLoader batches and errors, compared bit for bit.
//!
//! The replay calls torch through [`TorchApi`]: natively the Rust API ([`RustApi`], here), in
//! the browser the JS bindings (tests/web/torch_training.rs), so both run every fixture.
#![allow(dead_code)]

use super::common::Report;
use seedlab::torch::data::{DataLoader, DataLoaderIter, Sampler};
use seedlab::torch::init::{self, PyNumber};
use seedlab::torch::layers::{self, LayerParameters};
use seedlab::torch::{dropout, Dtype, Generator, TensorValues};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const TRAINING: &str = include_str!("../fixtures/torch_training.json");
pub const INTEL: &str = include_str!("../fixtures/torch_training_intel.json");
const D: &str = "torch training";

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

fn int(v: &Value) -> i128 {
    s(v).parse().unwrap()
}

/// A float argument; the fixture writes non-finite ones as "nan", "inf", "-inf".
fn float(v: &Value) -> f64 {
    match v.as_str() {
        Some(text) => text.parse().unwrap_or_else(|_| panic!("not a float: {v}")),
        None => v.as_f64().unwrap_or_else(|| panic!("not a float: {v}")),
    }
}

fn dtype(v: &Value) -> Dtype {
    match s(v) {
        "float32" => Dtype::Float32,
        "float64" => Dtype::Float64,
        "int64" => Dtype::Int64,
        other => panic!("dtype {other}"),
    }
}

/// The recorded values of `op` (`hex` for floats, `i64` for ints) as the dtype's values.
fn recorded(op: &Value, dtype: Dtype, hex_key: &str) -> TensorValues {
    if dtype == Dtype::Int64 {
        if let Some(ints) = op["i64"].as_array() {
            return TensorValues::Int64(ints.iter().map(|v| s(v).parse().unwrap()).collect());
        }
    }
    let hex = s(&op[hex_key]);
    match dtype {
        Dtype::Float32 => TensorValues::Float32(
            hex.as_bytes()
                .chunks(8)
                .map(|c| {
                    f32::from_bits(
                        u32::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap(),
                    )
                })
                .collect(),
        ),
        Dtype::Float64 => TensorValues::Float64(
            hex.as_bytes()
                .chunks(16)
                .map(|c| {
                    f64::from_bits(
                        u64::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap(),
                    )
                })
                .collect(),
        ),
        // Bernoulli masks recorded as floats for an int64 output do not occur.
        Dtype::Int64 => panic!("int64 values are recorded as decimal strings"),
    }
}

/// Bits of each value, for exact comparison (NaN payloads and signed zeros included).
fn bits(values: &TensorValues) -> Vec<u64> {
    match values {
        TensorValues::Float32(v) => v.iter().map(|x| u64::from(x.to_bits())).collect(),
        TensorValues::Float64(v) => v.iter().map(|x| x.to_bits()).collect(),
        TensorValues::Int64(v) => v.iter().map(|&x| x as u64).collect(),
    }
}

/// Tallies under this name collect float64 normals of `normal_fill<double>`, which calls glibc's
/// `cos` and `sin`: seedlab's are correctly rounded, glibc's misround about 0.13 % of inputs.
pub const LIBM_NORMALS: &str = "float64 normals, n >= 16 (glibc cos/sin), all callers";

fn compare(
    report: &mut Report,
    function: &'static str,
    at: &str,
    want: &TensorValues,
    got: &TensorValues,
) {
    let (w, g) = (bits(want), bits(got));
    let t = report.tallies.entry((D, function)).or_default();
    t.compared += w.len();
    t.identical += w.iter().zip(&g).filter(|(a, b)| a == b).count();
    if let (TensorValues::Float64(a), TensorValues::Float64(b)) = (want, got) {
        for (x, y) in a.iter().zip(b) {
            t.max_ulp = t.max_ulp.max(super::common::ulp_distance_f64(*x, *y));
        }
    }
    let tolerated = function == LIBM_NORMALS && w.len() == g.len();
    if (w != g && !tolerated) || want.dtype() != got.dtype() {
        fail(
            report,
            format!("{at}: values differ ({} vs {} values)", w.len(), g.len()),
        );
    }
}

fn fail(report: &mut Report, message: String) {
    if report.hard_failures.len() < 30 {
        report.hard_failures.push(message);
    }
}

/// An exception as (type name, message).
pub type Thrown = (String, String);

/// A call's result, with the exception it raised.
pub type Res<T> = Result<T, Thrown>;

/// An in-place fill of a tensor (`torch.empty(n, dtype).<fill>`).
#[derive(Clone, Debug)]
pub enum Fill {
    /// `uniform_(from, to)`.
    Uniform(f64, f64),
    /// `normal_(mean, std)`.
    Normal(f64, f64),
    /// `random_()`.
    Random,
    /// `random_(from, to)`.
    RandomFromTo(i128, Option<i128>),
    /// `bernoulli_(p)`.
    Bernoulli(f64),
    /// `exponential_(lambd)`.
    Exponential(f64),
}

/// An `nn.init` function applied to `torch.empty(shape, dtype)`.
#[derive(Clone, Debug)]
pub enum Init<'a> {
    /// `uniform_(a, b)`.
    Uniform(f64, f64),
    /// `normal_(mean, std)`.
    Normal(f64, f64),
    /// `kaiming_uniform_(a, mode, nonlinearity)`.
    KaimingUniform(PyNumber, &'a str, &'a str),
    /// `kaiming_normal_(a, mode, nonlinearity)`.
    KaimingNormal(PyNumber, &'a str, &'a str),
    /// `xavier_uniform_(gain)`.
    XavierUniform(f64),
    /// `xavier_normal_(gain)`.
    XavierNormal(f64),
    /// `trunc_normal_(mean, std, a, b)`.
    TruncNormal(f64, f64, f64, f64),
    /// `constant_(val)`.
    Constant(f64),
}

/// The DataLoader settings a fixture case uses.
#[derive(Clone, Debug)]
pub struct LoaderArgs {
    pub len: i128,
    pub batch_size: Option<i128>,
    pub drop_last: bool,
    /// `shuffle` for `DataLoader(..., shuffle=...)`; unused with `random_sampler`.
    pub shuffle: bool,
    pub has_generator: bool,
    /// `sampler=RandomSampler(replacement, num_samples)`, if given.
    pub random_sampler: Option<(bool, Option<i128>)>,
}

/// The torch calls the replay makes.
pub trait TorchApi {
    /// A generator.
    type Gen;
    /// A DataLoader.
    type Loader;
    /// One `iter(loader)`.
    type Iter;
    /// `torch.Generator().manual_seed(seed)` (the default generator after `torch.manual_seed`
    /// is the same).
    fn manual_seed(&self, seed: i128) -> Self::Gen;
    /// `torch.Generator()`.
    fn new_generator(&self) -> Self::Gen;
    fn get_state(&self, g: &Self::Gen) -> Vec<u8>;
    fn set_state(&self, g: &mut Self::Gen, bytes: &[u8]) -> Res<()>;
    /// `torch.randn(n)`.
    fn randn(&self, g: &mut Self::Gen, n: usize) -> Vec<f32>;
    /// `torch.randint(low, high, (n,))`.
    fn randint(&self, g: &mut Self::Gen, low: i128, high: i128, n: usize) -> Vec<i64>;
    /// `torch.empty(n, dtype=dtype).<fill>`, `n` as JS passes it.
    fn fill(&self, g: &mut Self::Gen, dtype: Dtype, n: f64, fill: &Fill) -> Res<TensorValues>;
    /// `torch.bernoulli(probs)` into `dtype`.
    fn bernoulli_probs(
        &self,
        g: &mut Self::Gen,
        dtype: Dtype,
        probs: &TensorValues,
    ) -> Res<TensorValues>;
    fn randperm(&self, g: &mut Self::Gen, n: i128) -> Res<Vec<i64>>;
    fn calculate_gain(&self, nonlinearity: &str, param: Option<PyNumber>) -> Res<PyNumber>;
    fn fans(&self, shape: &[u64]) -> Res<(u128, u128)>;
    /// `nn.init.<init>(torch.empty(shape, dtype=dtype))`, `shape` as JS passes it.
    fn init(
        &self,
        g: &mut Self::Gen,
        dtype: Dtype,
        shape: &[f64],
        init: &Init,
    ) -> Res<TensorValues>;
    fn linear(
        &self,
        g: &mut Self::Gen,
        in_features: i128,
        out_features: i128,
        bias: bool,
        dtype: Dtype,
    ) -> Res<LayerParameters>;
    #[allow(clippy::too_many_arguments)]
    fn conv(
        &self,
        g: &mut Self::Gen,
        in_channels: i128,
        out_channels: i128,
        kernel_size: &[i128],
        groups: i128,
        bias: bool,
        dtype: Dtype,
    ) -> Res<LayerParameters>;
    /// `F.dropout(input, p, training)` from the default generator `g`.
    fn dropout(
        &self,
        g: &mut Self::Gen,
        input: &TensorValues,
        p: f64,
        training: bool,
    ) -> Res<TensorValues>;
    fn loader(&self, args: &LoaderArgs) -> Res<Self::Loader>;
    fn loader_len(&self, loader: &Self::Loader) -> u64;
    fn epoch(&self, loader: &Self::Loader, g: &mut Self::Gen) -> Res<Vec<Vec<i64>>>;
    fn iter(&self, loader: &Self::Loader, g: &mut Self::Gen) -> Self::Iter;
    fn next_batch(&self, it: &mut Self::Iter, g: &mut Self::Gen) -> Res<Option<Vec<i64>>>;
}

fn thrown(e: seedlab::error::Error) -> Thrown {
    (e.kind().name().to_owned(), e.message().to_owned())
}

/// The Rust API.
pub struct RustApi;

impl TorchApi for RustApi {
    type Gen = Generator;
    type Loader = DataLoader;
    type Iter = DataLoaderIter;

    fn manual_seed(&self, seed: i128) -> Generator {
        Generator::from_seed(seed).unwrap()
    }

    fn new_generator(&self) -> Generator {
        Generator::default()
    }

    fn get_state(&self, g: &Generator) -> Vec<u8> {
        g.get_state()
    }

    fn set_state(&self, g: &mut Generator, bytes: &[u8]) -> Res<()> {
        g.set_state(bytes).map_err(thrown)
    }

    fn randn(&self, g: &mut Generator, n: usize) -> Vec<f32> {
        g.randn(n).unwrap()
    }

    fn randint(&self, g: &mut Generator, low: i128, high: i128, n: usize) -> Vec<i64> {
        g.randint(low, high, n).unwrap()
    }

    fn fill(&self, g: &mut Generator, d: Dtype, n: f64, fill: &Fill) -> Res<TensorValues> {
        let n = seedlab::torch::empty_len(Some(n), d).map_err(thrown)?;
        match *fill {
            Fill::Uniform(from, to) => g.uniform_(d, n, from, to),
            Fill::Normal(mean, std) => g.normal_(d, n, mean, std),
            Fill::Random => g.random_(d, n),
            Fill::RandomFromTo(from, to) => g.random_from_to_(d, n, from, to),
            Fill::Bernoulli(p) => g.bernoulli_(d, n, p),
            Fill::Exponential(lambd) => g.exponential_(d, n, lambd),
        }
        .map_err(thrown)
    }

    fn bernoulli_probs(&self, g: &mut Generator, d: Dtype, p: &TensorValues) -> Res<TensorValues> {
        g.bernoulli_probs(d, p).map_err(thrown)
    }

    fn randperm(&self, g: &mut Generator, n: i128) -> Res<Vec<i64>> {
        g.randperm(n).map_err(thrown)
    }

    fn calculate_gain(&self, nonlinearity: &str, param: Option<PyNumber>) -> Res<PyNumber> {
        init::calculate_gain(nonlinearity, param).map_err(thrown)
    }

    fn fans(&self, shape: &[u64]) -> Res<(u128, u128)> {
        init::fan_in_and_fan_out(shape).map_err(thrown)
    }

    fn init(&self, g: &mut Generator, d: Dtype, shape: &[f64], f: &Init) -> Res<TensorValues> {
        let shape = seedlab::torch::empty_shape(shape, d).map_err(thrown)?;
        let shape = &shape[..];
        let n = shape.iter().product::<u64>() as usize;
        match *f {
            Init::Uniform(a, b) => g.uniform_(d, n, a, b),
            Init::Normal(mean, std) => g.normal_(d, n, mean, std),
            Init::KaimingUniform(a, mode, nl) => init::kaiming_uniform_(g, d, shape, a, mode, nl),
            Init::KaimingNormal(a, mode, nl) => init::kaiming_normal_(g, d, shape, a, mode, nl),
            Init::XavierUniform(gain) => init::xavier_uniform_(g, d, shape, gain),
            Init::XavierNormal(gain) => init::xavier_normal_(g, d, shape, gain),
            Init::TruncNormal(mean, std, a, b) => init::trunc_normal_(g, d, n, mean, std, a, b),
            Init::Constant(val) => init::constant_(d, n, val),
        }
        .map_err(thrown)
    }

    fn linear(
        &self,
        g: &mut Generator,
        i: i128,
        o: i128,
        bias: bool,
        d: Dtype,
    ) -> Res<LayerParameters> {
        layers::linear(g, i, o, bias, d).map_err(thrown)
    }

    fn conv(
        &self,
        g: &mut Generator,
        i: i128,
        o: i128,
        kernel_size: &[i128],
        groups: i128,
        bias: bool,
        d: Dtype,
    ) -> Res<LayerParameters> {
        layers::conv(g, i, o, kernel_size, groups, bias, d).map_err(thrown)
    }

    fn dropout(
        &self,
        g: &mut Generator,
        x: &TensorValues,
        p: f64,
        training: bool,
    ) -> Res<TensorValues> {
        dropout::dropout(g, x, p, training).map_err(thrown)
    }

    fn loader(&self, a: &LoaderArgs) -> Res<DataLoader> {
        match a.random_sampler {
            Some((replacement, num_samples)) => {
                let sampler = Sampler::Random {
                    replacement,
                    num_samples,
                    has_generator: a.has_generator,
                };
                DataLoader::with_sampler(a.len, sampler, a.batch_size, a.drop_last)
            }
            None => DataLoader::new(a.len, a.batch_size, a.shuffle, a.drop_last, a.has_generator),
        }
        .map_err(thrown)
    }

    fn loader_len(&self, loader: &DataLoader) -> u64 {
        loader.len()
    }

    fn epoch(&self, loader: &DataLoader, g: &mut Generator) -> Res<Vec<Vec<i64>>> {
        loader.epoch(g).map_err(thrown)
    }

    fn iter(&self, loader: &DataLoader, g: &mut Generator) -> DataLoaderIter {
        loader.iter(g)
    }

    fn next_batch(&self, it: &mut DataLoaderIter, g: &mut Generator) -> Res<Option<Vec<i64>>> {
        it.next_batch(g).map_err(thrown)
    }
}

fn seeded<A: TorchApi>(api: &A, seed: &Value) -> A::Gen {
    api.manual_seed(int(seed))
}

/// (left, next, cached double normal as hex) as torch's get_rng_state reports them.
fn position<A: TorchApi>(api: &A, g: &A::Gen) -> Value {
    let state = api.get_state(g);
    let left = i32::from_le_bytes(state[8..12].try_into().unwrap());
    let next = u64::from_le_bytes(state[16..24].try_into().unwrap());
    let valid = i32::from_le_bytes(state[5040..5044].try_into().unwrap()) != 0;
    let cached = f64::from_le_bytes(state[5024..5032].try_into().unwrap());
    serde_json::json!([
        left,
        next,
        valid.then(|| format!("{:016x}", cached.to_bits()))
    ])
}

fn check_position<A: TorchApi>(api: &A, report: &mut Report, at: &str, g: &A::Gen, want: &Value) {
    let got = position(api, g);
    let t = report
        .tallies
        .entry((D, "generator position after each call"))
        .or_default();
    t.compared += 1;
    if &got == want {
        t.identical += 1;
    } else {
        fail(report, format!("{at}: generator at {got}, torch at {want}"));
    }
}

/// One fill op of the fixtures.
fn fill_of(op: &Value) -> Fill {
    match s(&op["op"]) {
        "rand" => Fill::Uniform(0.0, 1.0),
        "uniform_" => Fill::Uniform(float(&op["from"]), float(&op["to"])),
        "randn" => Fill::Normal(0.0, 1.0),
        "normal_" | "torch.normal" => Fill::Normal(float(&op["mean"]), float(&op["std"])),
        "random_" => Fill::Random,
        "random_from_to_" | "randint" => {
            let to = (!op["to"].is_null()).then(|| int(&op["to"]));
            Fill::RandomFromTo(int(&op["from"]), to)
        }
        "bernoulli_" => Fill::Bernoulli(float(&op["p"])),
        "exponential_" => Fill::Exponential(float(&op["lambd"])),
        other => panic!("fill op {other}"),
    }
}

fn fill_function(op: &Value) -> &'static str {
    let n = op["n"].as_u64().unwrap_or(0);
    let small = n < 16;
    match (s(&op["op"]), s(&op["dtype"])) {
        ("rand" | "uniform_", "float32") => "uniform_ / rand, float32 (FMA)",
        ("rand" | "uniform_", _) => "uniform_ / rand, float64 (FMA)",
        ("randn" | "normal_" | "torch.normal", "float32") if small => {
            "normal_ / randn, float32, n < 16"
        }
        ("randn" | "normal_" | "torch.normal", "float32") => {
            "normal_ / randn, float32, n >= 16 (AVX2)"
        }
        ("randn" | "normal_" | "torch.normal", _) if small => "normal_ / randn, float64, n < 16",
        ("randn" | "normal_" | "torch.normal", _) => LIBM_NORMALS,
        ("random_", _) => "random_()",
        ("random_from_to_" | "randint", _) => "random_(from, to) / randint",
        ("bernoulli_", _) => "bernoulli_(p)",
        ("exponential_", _) => "exponential_",
        (other, _) => panic!("fill op {other}"),
    }
}

fn replay_fills<A: TorchApi>(api: &A, report: &mut Report, cases: &Value, label: &str) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(api, &case["seed"]);
        // Dropout draws from the default generator, seeded separately by torch.manual_seed.
        let mut default: Option<A::Gen> = None;
        for (i, op) in case["ops"].as_array().unwrap().iter().enumerate() {
            let at = format!(
                "{label} seed {} op {i} ({} {})",
                s(&case["seed"]),
                s(&op["op"]),
                s(&op["dtype"])
            );
            if s(&op["op"]) == "dropout" {
                let x = recorded(op, Dtype::Float32, "x");
                let d = default.get_or_insert_with(|| {
                    // torch.manual_seed(seed); x = torch.randn(len)
                    let mut d = seeded(api, &case["seed"]);
                    api.fill(
                        &mut d,
                        Dtype::Float32,
                        x.len() as f64,
                        &Fill::Normal(0.0, 1.0),
                    )
                    .unwrap();
                    d
                });
                match api.dropout(d, &x, float(&op["p"]), true) {
                    Ok(y) => {
                        let want = recorded(op, Dtype::Float32, "y");
                        compare(report, "dropout (train)", &at, &want, &y);
                    }
                    Err(e) => fail(report, format!("{at}: {e:?}")),
                }
                check_position(api, report, &at, d, &op["pos"]);
                continue;
            }
            let n = op["n"].as_f64().unwrap();
            match api.fill(&mut g, dtype(&op["dtype"]), n, &fill_of(op)) {
                Ok(got) => {
                    let want = recorded(op, dtype(&op["dtype"]), "hex");
                    compare(report, fill_function(op), &at, &want, &got);
                }
                Err(e) => fail(report, format!("{at}: {e:?}")),
            }
            check_position(api, report, &at, &g, &op["pos"]);
        }
    }
}

fn replay_bernoulli_probs<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(api, &case["seed"]);
        for (i, op) in case["ops"].as_array().unwrap().iter().enumerate() {
            let at = format!("bernoulli(probs) seed {} op {i}", s(&case["seed"]));
            let probs = recorded(op, dtype(&op["probs_dtype"]), "probs");
            let d = dtype(&op["dtype"]);
            match api.bernoulli_probs(&mut g, d, &probs) {
                Ok(got) => compare(
                    report,
                    "bernoulli(probs)",
                    &at,
                    &recorded(op, d, "hex"),
                    &got,
                ),
                Err(e) => fail(report, format!("{at}: {e:?}")),
            }
            check_position(api, report, &at, &g, &op["pos"]);
        }
    }
}

fn sha256_i64(values: &[i64]) -> String {
    let mut h = Sha256::new();
    for v in values {
        h.update(v.to_le_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn replay_randperm<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    let mut generators: Vec<(String, A::Gen)> = Vec::new();
    for case in cases.as_array().unwrap() {
        let seed = s(&case["seed"]).to_owned();
        if !generators.iter().any(|(k, _)| *k == seed) {
            let g = match seed.strip_prefix("default:") {
                Some(x) => api.manual_seed(x.parse().unwrap()),
                None => seeded(api, &case["seed"]),
            };
            generators.push((seed.clone(), g));
        }
        let g = &mut generators.iter_mut().find(|(k, _)| *k == seed).unwrap().1;
        let n = case["n"].as_i64().unwrap();
        let at = format!("randperm seed {seed} n {n}");
        let got = match api.randperm(g, i128::from(n)) {
            Ok(got) => got,
            Err(e) => {
                fail(report, format!("{at}: {e:?}"));
                continue;
            }
        };
        let t = report.tallies.entry((D, "randperm (values)")).or_default();
        t.compared += got.len();
        if sha256_i64(&got) == s(&case["sha256"]) {
            t.identical += got.len();
        } else {
            fail(report, format!("{at}: permutation differs"));
        }
        check_position(api, report, &at, g, &case["pos"]);
    }
}

/// Rebuilds each recorded generator state by the calls that made it, compares the 5056 bytes,
/// then restores the bytes into a fresh generator and compares the draws that followed.
fn replay_states<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let label = s(&case["label"]);
        let seed: i128 = s(&case["seed"]).parse().unwrap();
        let want: Vec<u8> = (0..s(&case["state"]).len() / 2)
            .map(|i| u8::from_str_radix(&s(&case["state"])[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        let rebuilt = match label {
            "fresh" => Some(api.manual_seed(seed)),
            "torch.Generator()" => Some(api.new_generator()),
            "after randn(3): cached normal" => {
                let mut g = api.manual_seed(seed);
                api.randn(&mut g, 3);
                Some(g)
            }
            "after 624 words: left 1, next 624" | "after 1000 words" => {
                let mut g = api.manual_seed(seed);
                // torch.rand(n): one word each.
                let n = if label.contains("624") { 624.0 } else { 1000.0 };
                api.fill(&mut g, Dtype::Float32, n, &Fill::Uniform(0.0, 1.0))
                    .unwrap();
                Some(g)
            }
            _ => None,
        };
        let at = format!("state {label} seed {seed}");
        if let Some(g) = rebuilt {
            let t = report
                .tallies
                .entry((D, "get_rng_state bytes"))
                .or_default();
            t.compared += want.len();
            let got = api.get_state(&g);
            t.identical += got.iter().zip(&want).filter(|(a, b)| a == b).count();
            if got != want {
                fail(report, format!("{at}: get_rng_state bytes differ"));
            }
        }
        let mut g = api.manual_seed(1);
        api.set_state(&mut g, &want).unwrap();
        let t = report
            .tallies
            .entry((D, "set_rng_state round trip (bytes)"))
            .or_default();
        t.compared += want.len();
        if api.get_state(&g) == want {
            t.identical += want.len();
        } else {
            fail(
                report,
                format!("{at}: state bytes change through set_rng_state"),
            );
        }
        let randn5 = TensorValues::Float32(api.randn(&mut g, 5));
        compare(
            report,
            "draws after set_rng_state",
            &at,
            &recorded(case, Dtype::Float32, "next_randn5"),
            &randn5,
        );
        let f64s = api
            .fill(&mut g, Dtype::Float64, 16.0, &Fill::Normal(0.0, 1.0))
            .unwrap();
        compare(
            report,
            "draws after set_rng_state",
            &at,
            &recorded(case, Dtype::Float64, "next_randn16_f64"),
            &f64s,
        );
        let ints = TensorValues::Int64(api.randint(&mut g, 0, 1000, 7));
        let want_ints = TensorValues::Int64(
            case["next_randint"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| s(v).parse().unwrap())
                .collect(),
        );
        compare(report, "draws after set_rng_state", &at, &want_ints, &ints);
    }
}

fn py_number(v: &Value) -> PyNumber {
    if let Some(i) = v.get("int") {
        PyNumber::Int(s(i).parse().unwrap())
    } else {
        PyNumber::Float(f64::from_bits(
            u64::from_str_radix(s(&v["float"]), 16).unwrap(),
        ))
    }
}

fn shape(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

/// A fixture's shape as JS passes it: Numbers, some of them not sizes.
fn shape_f64(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(float).collect()
}

fn floats_of(shape: &[u64]) -> Vec<f64> {
    shape.iter().map(|&s| s as f64).collect()
}

fn ints_signed(v: &Value) -> Vec<i128> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| i128::from(x.as_i64().unwrap()))
        .collect()
}

fn ints(v: &Value) -> Vec<i128> {
    shape(v).into_iter().map(i128::from).collect()
}

fn same_number(a: PyNumber, b: PyNumber) -> bool {
    match (a, b) {
        (PyNumber::Int(a), PyNumber::Int(b)) => a == b,
        (PyNumber::Float(a), PyNumber::Float(b)) => a.to_bits() == b.to_bits(),
        _ => false,
    }
}

/// The `nn.init` call of an init op of the fixtures.
fn init_of(op: &Value) -> Init<'_> {
    let args = &op["args"];
    let f = |k: &str| float(&args[k]);
    match s(&op["fn"]) {
        "uniform_" => Init::Uniform(f("a"), f("b")),
        "normal_" => Init::Normal(f("mean"), f("std")),
        "kaiming_uniform_" => Init::KaimingUniform(
            py_number(&args["a"]),
            s(&args["mode"]),
            s(&args["nonlinearity"]),
        ),
        "kaiming_normal_" => Init::KaimingNormal(
            py_number(&args["a"]),
            s(&args["mode"]),
            s(&args["nonlinearity"]),
        ),
        "xavier_uniform_" => Init::XavierUniform(f("gain")),
        "xavier_normal_" => Init::XavierNormal(f("gain")),
        "trunc_normal_" => Init::TruncNormal(f("mean"), f("std"), f("a"), f("b")),
        "constant_" => Init::Constant(f("val")),
        "zeros_" => Init::Constant(0.0),
        "ones_" => Init::Constant(1.0),
        other => panic!("init fn {other}"),
    }
}

fn replay_init<A: TorchApi>(api: &A, report: &mut Report, fixture: &Value) {
    for case in fixture["gains"].as_array().unwrap() {
        let param = (!case["param"].is_null()).then(|| py_number(&case["param"]));
        let got = api.calculate_gain(s(&case["nonlinearity"]), param);
        let t = report.tallies.entry((D, "calculate_gain")).or_default();
        t.compared += 1;
        match got {
            Ok(got) if same_number(got, py_number(&case["gain"])) => t.identical += 1,
            got => fail(report, format!("calculate_gain {case}: got {got:?}")),
        }
    }
    for case in fixture["fans"].as_array().unwrap() {
        let want = case["fans"].as_array().unwrap();
        let want = (
            u128::from(want[0].as_u64().unwrap()),
            u128::from(want[1].as_u64().unwrap()),
        );
        let got = api.fans(&shape(&case["shape"]));
        let t = report.tallies.entry((D, "fan_in / fan_out")).or_default();
        t.compared += 2;
        match got {
            Ok((fan_in, fan_out)) => {
                t.identical += usize::from(fan_in == want.0) + usize::from(fan_out == want.1)
            }
            Err(e) => fail(report, format!("fans {case}: {e:?}")),
        }
    }
    let mut g = api.manual_seed(11);
    for (i, op) in fixture["ops"].as_array().unwrap().iter().enumerate() {
        let d = dtype(&op["dtype"]);
        let sh = shape(&op["shape"]);
        let n = sh.iter().product::<u64>();
        let f = s(&op["fn"]);
        let at = format!("init op {i} ({f} {sh:?} {})", s(&op["dtype"]));
        let libm = d == Dtype::Float64 && n >= 16 && (f.contains("normal") || f == "trunc_normal_");
        let function: &'static str = match f {
            _ if libm => LIBM_NORMALS,
            "uniform_" => "init.uniform_",
            "normal_" => "init.normal_",
            "kaiming_uniform_" => "init.kaiming_uniform_",
            "kaiming_normal_" => "init.kaiming_normal_",
            "xavier_uniform_" => "init.xavier_uniform_",
            "xavier_normal_" => "init.xavier_normal_",
            "trunc_normal_" => "init.trunc_normal_",
            _ => "init.constant_ / zeros_ / ones_",
        };
        // A zero-element tensor is left untouched by kaiming_* (and recorded empty).
        match api.init(&mut g, d, &floats_of(&sh), &init_of(op)) {
            Ok(got) => compare(report, function, &at, &recorded(op, d, "hex"), &got),
            Err(e) => fail(report, format!("{at}: {e:?}")),
        }
        check_position(api, report, &at, &g, &op["pos"]);
    }
}

fn replay_layers<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(api, &case["seed"]);
        for (i, layer) in case["layers"].as_array().unwrap().iter().enumerate() {
            let a = &layer["args"];
            let d = dtype(&layer["dtype"]);
            let kind = s(&layer["kind"]);
            let at = format!("layer seed {} #{i} {kind} {a}", s(&case["seed"]));
            let u = |k: &str| i128::from(a[k].as_u64().unwrap());
            let bias = a["bias"].as_bool().unwrap();
            let params = if kind == "linear" {
                api.linear(&mut g, u("in_features"), u("out_features"), bias, d)
            } else {
                let kernel = ints(&a["kernel_size"]);
                api.conv(
                    &mut g,
                    u("in_channels"),
                    u("out_channels"),
                    &kernel,
                    u("groups"),
                    bias,
                    d,
                )
            };
            let params = match params {
                Ok(params) => params,
                Err(e) => {
                    fail(report, format!("{at}: {e:?}"));
                    continue;
                }
            };
            let function = match kind {
                "linear" => "nn.Linear default init",
                "conv1d" => "nn.Conv1d default init",
                _ => "nn.Conv2d default init",
            };
            if params.weight_shape != shape(&layer["weight_shape"]) {
                fail(
                    report,
                    format!("{at}: weight shape {:?}", params.weight_shape),
                );
            }
            compare(
                report,
                function,
                &at,
                &recorded(layer, d, "weight"),
                &params.weight,
            );
            match (&params.bias, layer["bias"].is_null()) {
                (Some(b), false) => compare(report, function, &at, &recorded(layer, d, "bias"), b),
                (None, true) => {}
                _ => fail(report, format!("{at}: bias presence differs")),
            }
            check_position(api, report, &at, &g, &layer["pos"]);
        }
    }
}

fn replay_dropout<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(api, &case["seed"]);
        for input in case["inputs"].as_array().unwrap() {
            let d = dtype(&input["dtype"]);
            let x = recorded(input, d, "x");
            // x = torch.randn(n, dtype) from the default generator (then edited).
            api.fill(&mut g, d, x.len() as f64, &Fill::Normal(0.0, 1.0))
                .unwrap();
            for run in input["runs"].as_array().unwrap() {
                let how = s(&run["how"]);
                let p = float(&run["p"]);
                let at = format!(
                    "dropout seed {} {how} p={p} {:?} n={}",
                    s(&case["seed"]),
                    d,
                    x.len()
                );
                let training = how != "nn.Dropout.eval";
                let function = if training {
                    "dropout (train)"
                } else {
                    "dropout (eval)"
                };
                match api.dropout(&mut g, &x, p, training) {
                    Ok(got) => compare(report, function, &at, &recorded(run, d, "y"), &got),
                    Err(e) => fail(report, format!("{at}: {e:?}")),
                }
                check_position(api, report, &at, &g, &run["pos"]);
            }
        }
    }
}

fn loader_args(case: &Value) -> LoaderArgs {
    LoaderArgs {
        len: i128::from(case["n"].as_i64().unwrap()),
        batch_size: case["batch_size"].as_i64().map(i128::from),
        drop_last: case["drop_last"].as_bool().unwrap(),
        shuffle: case["shuffle"].as_bool().unwrap(),
        has_generator: case["generator"].as_bool().unwrap_or(false),
        random_sampler: case.get("replacement").map(|r| {
            (
                r.as_bool().unwrap(),
                case["num_samples"].as_i64().map(i128::from),
            )
        }),
    }
}

/// One epoch's batches against torch's, and the generators' positions after it.
#[allow(clippy::too_many_arguments)]
fn check_epoch<A: TorchApi>(
    api: &A,
    report: &mut Report,
    at: &str,
    want: &Value,
    batches: Res<Vec<Vec<i64>>>,
    default: &A::Gen,
    own: Option<&A::Gen>,
) {
    let want_batches = &want["batches"];
    let count: usize = want_batches
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_array().unwrap().len())
        .sum();
    let t = report
        .tallies
        .entry((D, "DataLoader batch indices"))
        .or_default();
    t.compared += count;
    match batches {
        Ok(batches) if serde_json::json!(batches) == *want_batches => t.identical += count,
        batches => fail(report, format!("{at}: batches {batches:?}")),
    }
    check_position(api, report, at, default, &want["global"]);
    if let Some(own) = own {
        check_position(api, report, at, own, &want["loader_gen"]);
    }
}

fn replay_dataloader<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let seed: i128 = s(&case["seed"]).parse().unwrap();
        let args = loader_args(case);
        let with_gen = args.has_generator;
        let mut default = api.manual_seed(seed);
        let mut own = api.manual_seed(seed + 1);
        let at = format!("dataloader {case}");
        let loader = match api.loader(&args) {
            Ok(loader) => loader,
            Err(e) => {
                fail(report, format!("{at}: {e:?}"));
                continue;
            }
        };
        let t = report.tallies.entry((D, "DataLoader len")).or_default();
        t.compared += 1;
        t.identical += usize::from(api.loader_len(&loader) == case["len"].as_u64().unwrap());
        for epoch in case["epochs"].as_array().unwrap() {
            let batches = api.epoch(&loader, if with_gen { &mut own } else { &mut default });
            check_epoch(
                api,
                report,
                &at,
                epoch,
                batches,
                &default,
                with_gen.then_some(&own),
            );
        }
        if let Some(partial) = case.get("partial") {
            let src = if with_gen { &mut own } else { &mut default };
            let mut it = api.iter(&loader, src);
            let first = api.next_batch(&mut it, src);
            let t = report
                .tallies
                .entry((D, "DataLoader batch indices"))
                .or_default();
            t.compared += 1;
            match first {
                Ok(first) if serde_json::json!(first) == partial["first"] => t.identical += 1,
                first => fail(
                    report,
                    format!("{at}: first batch of a partial epoch {first:?}"),
                ),
            }
            check_position(api, report, &at, &default, &partial["global"]);
            let batches = api.epoch(&loader, if with_gen { &mut own } else { &mut default });
            let own = with_gen.then_some(&own);
            check_epoch(
                api,
                report,
                &at,
                &case["after_partial"],
                batches,
                &default,
                own,
            );
        }
    }
}

/// A fixture's float list as the dtype's values.
fn floats(v: &Value, dtype: Dtype) -> TensorValues {
    let values = v.as_array().unwrap();
    match dtype {
        Dtype::Float32 => TensorValues::Float32(values.iter().map(|v| float(v) as f32).collect()),
        Dtype::Float64 => TensorValues::Float64(values.iter().map(float).collect()),
        Dtype::Int64 => TensorValues::Int64(values.iter().map(|v| v.as_i64().unwrap()).collect()),
    }
}

/// Runs one recorded bad call through `api`: the exception it raised, or "no error".
pub fn error_of<A: TorchApi>(api: &A, case: &Value) -> Thrown {
    let a = &case["args"];
    let mut g = api.manual_seed(0);
    let f = |x: &Value| float(x);
    let d = || dtype(&a["dtype"]);
    let result: Res<()> = match s(&case["op"]) {
        "rand" => api
            .fill(&mut g, d(), 3.0, &Fill::Uniform(0.0, 1.0))
            .map(drop),
        "randn" => api
            .fill(&mut g, d(), 3.0, &Fill::Normal(0.0, 1.0))
            .map(drop),
        "uniform_" => api
            .fill(&mut g, d(), 3.0, &Fill::Uniform(f(&a["from"]), f(&a["to"])))
            .map(drop),
        "normal_" => api
            .fill(&mut g, d(), 3.0, &Fill::Normal(f(&a["mean"]), f(&a["std"])))
            .map(drop),
        "bernoulli_" => api
            .fill(&mut g, d(), 3.0, &Fill::Bernoulli(f(&a["p"])))
            .map(drop),
        "bernoulli_probs" => {
            let probs = floats(&a["probs"], dtype(&a["probs_dtype"]));
            api.bernoulli_probs(&mut g, probs.dtype(), &probs).map(drop)
        }
        "exponential_" => api
            .fill(&mut g, d(), 3.0, &Fill::Exponential(f(&a["lambd"])))
            .map(drop),
        "random_from_to_" => {
            let to = (!a["to"].is_null()).then(|| int(&a["to"]));
            api.fill(&mut g, d(), 3.0, &Fill::RandomFromTo(int(&a["from"]), to))
                .map(drop)
        }
        "randperm" => api.randperm(&mut g, int(&a["n"])).map(drop),
        "set_rng_state" => {
            let mut bytes = api.get_state(&api.manual_seed(3));
            bytes.resize(a["len"].as_u64().unwrap() as usize, 0);
            if let Some(patch) = a["patch"].as_array() {
                let (at, v) = (
                    patch[0].as_u64().unwrap() as usize,
                    patch[1].as_i64().unwrap(),
                );
                if at == 16 {
                    bytes[at..at + 8].copy_from_slice(&(v as u64).to_le_bytes());
                } else {
                    bytes[at..at + 4].copy_from_slice(&(v as i32).to_le_bytes());
                }
            } else {
                bytes.iter_mut().for_each(|b| *b = 0);
            }
            api.set_state(&mut g, &bytes)
        }
        "dropout" => {
            let ones = TensorValues::Float32(vec![1.0; 3]);
            api.dropout(&mut g, &ones, f(&a["p"]), true).map(drop)
        }
        "dropout_int64" => {
            let ones = TensorValues::Int64(vec![1; 3]);
            api.dropout(&mut g, &ones, f(&a["p"]), true).map(drop)
        }
        "calculate_gain" => api.calculate_gain(s(&a["nonlinearity"]), None).map(drop),
        "fan" => api.fans(&shape(&a["shape"])).map(drop),
        "kaiming_mode" => {
            let kaiming = Init::KaimingUniform(PyNumber::Int(0), s(&a["mode"]), "leaky_relu");
            api.init(&mut g, Dtype::Float32, &[3.0, 3.0], &kaiming)
                .map(drop)
        }
        "xavier_zero" => {
            let xavier = Init::XavierUniform(1.0);
            api.init(
                &mut g,
                Dtype::Float32,
                &floats_of(&shape(&a["shape"])),
                &xavier,
            )
            .map(drop)
        }
        "conv" => {
            let i = |k: &str| i128::from(a[k].as_i64().unwrap());
            let kernel: Vec<i128> = match a.get("kernel") {
                Some(k) => ints_signed(k),
                None => vec![3, 3],
            };
            let groups = i("groups");
            api.conv(
                &mut g,
                i("in"),
                i("out"),
                &kernel,
                groups,
                true,
                Dtype::Float32,
            )
            .map(drop)
        }
        "linear" => api
            .linear(&mut g, int(&a["in"]), int(&a["out"]), true, Dtype::Float32)
            .map(drop),
        "dataloader_epoch" => api.loader(&loader_args(a)).and_then(|loader| {
            let mut default = api.manual_seed(0);
            api.epoch(&loader, &mut default).map(drop)
        }),
        "empty" => api.fill(&mut g, d(), f(&a["n"]), &Fill::Random).map(drop),
        "init_shape" => {
            let mode = a.get("mode").map_or("fan_in", s);
            let init = match s(&a["fn"]) {
                "kaiming_uniform_" => Init::KaimingUniform(PyNumber::Int(0), mode, "leaky_relu"),
                "kaiming_normal_" => Init::KaimingNormal(PyNumber::Int(0), mode, "leaky_relu"),
                "xavier_uniform_" => Init::XavierUniform(1.0),
                "xavier_normal_" => Init::XavierNormal(1.0),
                other => panic!("init_shape {other}"),
            };
            api.init(&mut g, d(), &shape_f64(&a["shape"]), &init)
                .map(drop)
        }
        "trunc_normal" => {
            let init = Init::TruncNormal(f(&a["mean"]), f(&a["std"]), f(&a["a"]), f(&a["b"]));
            api.init(&mut g, d(), &[16.0], &init).map(drop)
        }
        "constant" => {
            let constant = Init::Constant(f(&a["val"]));
            api.init(&mut g, d(), &[3.0], &constant).map(drop)
        }
        "dataloader" => api.loader(&loader_args(a)).map(drop),
        other => panic!("error case {other} has no replay"),
    };
    match result {
        Ok(()) => ("no error".to_owned(), String::new()),
        Err(e) => e,
    }
}

fn replay_errors<A: TorchApi>(api: &A, report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let (name, message) = error_of(api, case);
        let t = report
            .tallies
            .entry((D, "errors (type and message)"))
            .or_default();
        t.compared += 1;
        if name == s(&case["error"]) && message == s(&case["message"]) {
            t.identical += 1;
        } else {
            fail(
                report,
                format!(
                    "{}: got {name}: {message}; torch: {}: {}",
                    case["op"],
                    s(&case["error"]),
                    s(&case["message"])
                ),
            );
        }
    }
}

pub fn fixture() -> Value {
    serde_json::from_str(TRAINING).unwrap()
}

/// Everything in torch_training.json, through `api`.
pub fn run_torch_training<A: TorchApi>(api: &A) -> Report {
    let fixture = fixture();
    assert_eq!(
        fixture["torch"].as_str().unwrap().split('+').next(),
        Some("2.15.0")
    );
    let mut report = Report::default();
    replay_fills(api, &mut report, &fixture["fills"], "fills");
    replay_bernoulli_probs(api, &mut report, &fixture["bernoulli_probs"]);
    replay_randperm(api, &mut report, &fixture["randperm"]);
    replay_states(api, &mut report, &fixture["states"]);
    replay_init(api, &mut report, &fixture["init"]);
    replay_layers(api, &mut report, &fixture["layers"]);
    replay_dropout(api, &mut report, &fixture["dropout"]);
    replay_dataloader(api, &mut report, &fixture["dataloader"]);
    replay_errors(api, &mut report, &fixture["errors"]);
    replay_fills(
        api,
        &mut report,
        &fixture["intel_draws_native"],
        "native draws",
    );
    report
}

/// torch_training_intel.json: the scalar Bernoulli, exponential_ and dropout draws recorded on an
/// emulated Intel CPU, replayed with the same code.
pub fn run_torch_training_intel<A: TorchApi>(api: &A) -> (Value, Report) {
    let fixture: Value = serde_json::from_str(INTEL).unwrap();
    let mut report = Report::default();
    replay_fills(api, &mut report, &fixture["cases"], "intel");
    (fixture, report)
}

/// The recorded large randperm (64-bit path), when the fixture has it: (n, seed, sha256, head).
pub fn large_randperm_cases() -> Vec<(i128, Value, String, Vec<i64>, Value)> {
    fixture()["randperm_large"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                i128::from(c["n"].as_i64().unwrap()),
                c["seed"].clone(),
                s(&c["sha256"]).to_owned(),
                c["head"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| s(v).parse().unwrap())
                    .collect(),
                c["pos"].clone(),
            )
        })
        .collect()
}

pub fn large_randperm(seed: &Value, n: i128) -> (Vec<i64>, String, Value) {
    let mut g = seeded(&RustApi, seed);
    let p = g.randperm(n).unwrap();
    let hash = sha256_i64(&p);
    (p, hash, position(&RustApi, &g))
}

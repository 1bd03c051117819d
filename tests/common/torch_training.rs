//! Replay of tests/fixtures/torch_training.json and torch_training_intel.json (torch 2.15.0,
//! written by generate_torch_training.py): fills, randperm, generator state bytes, nn.init,
//! layer initialisation, dropout, DataLoader batches and errors, compared bit for bit.
#![allow(dead_code)]

use super::common::Report;
use seedlab::torch::data::{DataLoader, Sampler};
use seedlab::torch::init::{self, FanMode, PyNumber};
use seedlab::torch::{dropout, layers, Dtype, Generator, TensorValues};
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

fn seeded(seed: &Value) -> Generator {
    let mut g = Generator::new(0);
    g.manual_seed(int(seed)).unwrap();
    g
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

/// (left, next, cached double normal as hex) as torch's get_rng_state reports them.
fn position(g: &Generator) -> Value {
    let state = g.get_state();
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

fn check_position(report: &mut Report, at: &str, g: &Generator, want: &Value) {
    let got = position(g);
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

/// One fill op of the fixtures on `g`.
fn run_fill(g: &mut Generator, op: &Value) -> seedlab::error::Result<TensorValues> {
    let d = dtype(&op["dtype"]);
    let n = op["n"].as_u64().unwrap() as usize;
    match s(&op["op"]) {
        "rand" => g.uniform_(d, n, 0.0, 1.0),
        "uniform_" => g.uniform_(d, n, float(&op["from"]), float(&op["to"])),
        "randn" => g.normal_(d, n, 0.0, 1.0),
        "normal_" | "torch.normal" => g.normal_(d, n, float(&op["mean"]), float(&op["std"])),
        "random_" => g.random_(d, n),
        "random_from_to_" | "randint" => {
            let to = (!op["to"].is_null()).then(|| int(&op["to"]));
            g.random_from_to_(d, n, int(&op["from"]), to)
        }
        "bernoulli_" => g.bernoulli_(d, n, float(&op["p"])),
        "exponential_" => g.exponential_(d, n, float(&op["lambd"])),
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

fn replay_fills(report: &mut Report, cases: &Value, label: &str) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(&case["seed"]);
        // Dropout draws from the default generator, seeded separately by torch.manual_seed.
        let mut default: Option<Generator> = None;
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
                    let mut d = seeded(&case["seed"]);
                    d.normal_(Dtype::Float32, x.len(), 0.0, 1.0).unwrap();
                    d
                });
                let y = dropout::dropout(d, &x, float(&op["p"]), true).unwrap();
                compare(
                    report,
                    "dropout (train)",
                    &at,
                    &recorded(op, Dtype::Float32, "y"),
                    &y,
                );
                check_position(report, &at, d, &op["pos"]);
                continue;
            } else {
                match run_fill(&mut g, op) {
                    Ok(got) => {
                        let want = recorded(op, dtype(&op["dtype"]), "hex");
                        compare(report, fill_function(op), &at, &want, &got);
                    }
                    Err(e) => fail(report, format!("{at}: {e}")),
                }
            }
            check_position(report, &at, &g, &op["pos"]);
        }
    }
}

fn replay_bernoulli_probs(report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(&case["seed"]);
        for (i, op) in case["ops"].as_array().unwrap().iter().enumerate() {
            let at = format!("bernoulli(probs) seed {} op {i}", s(&case["seed"]));
            let probs = recorded(op, dtype(&op["probs_dtype"]), "probs");
            let d = dtype(&op["dtype"]);
            let got = g.bernoulli_probs(d, &probs).unwrap();
            compare(
                report,
                "bernoulli(probs)",
                &at,
                &recorded(op, d, "hex"),
                &got,
            );
            check_position(report, &at, &g, &op["pos"]);
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

fn replay_randperm(report: &mut Report, cases: &Value) {
    let mut generators: Vec<(String, Generator)> = Vec::new();
    for case in cases.as_array().unwrap() {
        let seed = s(&case["seed"]).to_owned();
        if !generators.iter().any(|(k, _)| *k == seed) {
            let g = match seed.strip_prefix("default:") {
                Some(x) => Generator::new(x.parse().unwrap()),
                None => seeded(&case["seed"]),
            };
            generators.push((seed.clone(), g));
        }
        let g = &mut generators.iter_mut().find(|(k, _)| *k == seed).unwrap().1;
        let n = case["n"].as_i64().unwrap();
        let got = g.randperm(i128::from(n)).unwrap();
        let at = format!("randperm seed {seed} n {n}");
        let t = report.tallies.entry((D, "randperm (values)")).or_default();
        t.compared += got.len();
        if sha256_i64(&got) == s(&case["sha256"]) {
            t.identical += got.len();
        } else {
            fail(report, format!("{at}: permutation differs"));
        }
        let g = &generators.iter().find(|(k, _)| *k == seed).unwrap().1;
        check_position(report, &at, g, &case["pos"]);
    }
}

/// Rebuilds each recorded generator state by the calls that made it, compares the 5056 bytes,
/// then restores the bytes into a fresh generator and compares the draws that followed.
fn replay_states(report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let label = s(&case["label"]);
        let seed: u64 = s(&case["seed"]).parse().unwrap();
        let want: Vec<u8> = (0..s(&case["state"]).len() / 2)
            .map(|i| u8::from_str_radix(&s(&case["state"])[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        let rebuilt = match label {
            "fresh" => Some(Generator::new(seed)),
            "torch.Generator()" => Some(Generator::default()),
            "after randn(3): cached normal" => {
                let mut g = Generator::new(seed);
                g.randn(3).unwrap();
                Some(g)
            }
            "after 624 words: left 1, next 624" | "after 1000 words" => {
                let mut g = Generator::new(seed);
                g.rand(if label.contains("624") { 624 } else { 1000 })
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
            let got = g.get_state();
            t.identical += got.iter().zip(&want).filter(|(a, b)| a == b).count();
            if got != want {
                fail(report, format!("{at}: get_rng_state bytes differ"));
            }
        }
        let mut g = Generator::new(1);
        g.set_state(&want).unwrap();
        let t = report
            .tallies
            .entry((D, "set_rng_state round trip (bytes)"))
            .or_default();
        t.compared += want.len();
        if g.get_state() == want {
            t.identical += want.len();
        } else {
            fail(
                report,
                format!("{at}: state bytes change through set_rng_state"),
            );
        }
        let randn5 = TensorValues::Float32(g.randn(5).unwrap());
        compare(
            report,
            "draws after set_rng_state",
            &at,
            &recorded(case, Dtype::Float32, "next_randn5"),
            &randn5,
        );
        let f64s = g.normal_(Dtype::Float64, 16, 0.0, 1.0).unwrap();
        compare(
            report,
            "draws after set_rng_state",
            &at,
            &recorded(case, Dtype::Float64, "next_randn16_f64"),
            &f64s,
        );
        let ints = TensorValues::Int64(g.randint(0, 1000, 7).unwrap());
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

fn shape(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

fn replay_init(report: &mut Report, fixture: &Value) {
    for case in fixture["gains"].as_array().unwrap() {
        let param = (!case["param"].is_null()).then(|| py_number(&case["param"]));
        let got = init::calculate_gain(s(&case["nonlinearity"]), param).unwrap();
        let want = py_number(&case["gain"]);
        let t = report.tallies.entry((D, "calculate_gain")).or_default();
        t.compared += 1;
        let same = match (got, want) {
            (PyNumber::Int(a), PyNumber::Int(b)) => a == b,
            (PyNumber::Float(a), PyNumber::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        };
        if same {
            t.identical += 1;
        } else {
            fail(report, format!("calculate_gain {case}: got {got:?}"));
        }
    }
    for case in fixture["fans"].as_array().unwrap() {
        let (fan_in, fan_out) = init::fan_in_and_fan_out(&shape(&case["shape"])).unwrap();
        let want = case["fans"].as_array().unwrap();
        let t = report.tallies.entry((D, "fan_in / fan_out")).or_default();
        t.compared += 2;
        t.identical += usize::from(fan_in == want[0].as_u64().unwrap())
            + usize::from(fan_out == want[1].as_u64().unwrap());
    }
    let mut g = Generator::new(11);
    for (i, op) in fixture["ops"].as_array().unwrap().iter().enumerate() {
        let d = dtype(&op["dtype"]);
        let sh = shape(&op["shape"]);
        let n: usize = sh.iter().product();
        let args = &op["args"];
        let f = s(&op["fn"]);
        let at = format!("init op {i} ({f} {sh:?} {})", s(&op["dtype"]));
        let got = match f {
            "uniform_" => g.uniform_(d, n, float(&args["a"]), float(&args["b"])),
            "normal_" => g.normal_(d, n, float(&args["mean"]), float(&args["std"])),
            "kaiming_uniform_" | "kaiming_normal_" => {
                let a = py_number(&args["a"]);
                let mode = FanMode::parse(s(&args["mode"])).unwrap();
                let nl = s(&args["nonlinearity"]);
                let r = if f == "kaiming_uniform_" {
                    init::kaiming_uniform_(&mut g, d, &sh, a, mode, nl)
                } else {
                    init::kaiming_normal_(&mut g, d, &sh, a, mode, nl)
                };
                // A zero-element tensor is left untouched (and recorded empty).
                r.map(|v| v.unwrap_or_else(|| init::constant_(d, 0, 0.0).unwrap()))
            }
            "xavier_uniform_" => init::xavier_uniform_(&mut g, d, &sh, float(&args["gain"])),
            "xavier_normal_" => init::xavier_normal_(&mut g, d, &sh, float(&args["gain"])),
            "trunc_normal_" => init::trunc_normal_(
                &mut g,
                d,
                n,
                float(&args["mean"]),
                float(&args["std"]),
                float(&args["a"]),
                float(&args["b"]),
            ),
            "constant_" => init::constant_(d, n, float(&args["val"])),
            "zeros_" => init::constant_(d, n, 0.0),
            "ones_" => init::constant_(d, n, 1.0),
            other => panic!("init fn {other}"),
        };
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
        match got {
            Ok(got) => compare(report, function, &at, &recorded(op, d, "hex"), &got),
            Err(e) => fail(report, format!("{at}: {e}")),
        }
        check_position(report, &at, &g, &op["pos"]);
    }
}

fn replay_layers(report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(&case["seed"]);
        for (i, layer) in case["layers"].as_array().unwrap().iter().enumerate() {
            let a = &layer["args"];
            let d = dtype(&layer["dtype"]);
            let kind = s(&layer["kind"]);
            let at = format!("layer seed {} #{i} {kind} {a}", s(&case["seed"]));
            let u = |k: &str| a[k].as_u64().unwrap() as usize;
            let params = if kind == "linear" {
                layers::linear(
                    &mut g,
                    u("in_features"),
                    u("out_features"),
                    a["bias"].as_bool().unwrap(),
                    d,
                )
            } else {
                layers::conv(
                    &mut g,
                    u("in_channels"),
                    u("out_channels"),
                    &shape(&a["kernel_size"]),
                    u("groups"),
                    a["bias"].as_bool().unwrap(),
                    d,
                )
            }
            .unwrap();
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
            check_position(report, &at, &g, &layer["pos"]);
        }
    }
}

fn replay_dropout(report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let mut g = seeded(&case["seed"]);
        for input in case["inputs"].as_array().unwrap() {
            let d = dtype(&input["dtype"]);
            let x = recorded(input, d, "x");
            // x = torch.randn(n, dtype) from the default generator (then edited).
            g.normal_(d, x.len(), 0.0, 1.0).unwrap();
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
                let got = dropout::dropout(&mut g, &x, p, training).unwrap();
                let function = if training {
                    "dropout (train)"
                } else {
                    "dropout (eval)"
                };
                compare(report, function, &at, &recorded(run, d, "y"), &got);
                check_position(report, &at, &g, &run["pos"]);
            }
        }
    }
}

fn batches_json(batches: &[Vec<i64>]) -> Value {
    serde_json::json!(batches)
}

fn replay_dataloader(report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let seed: u64 = s(&case["seed"]).parse().unwrap();
        let n = case["n"].as_u64().unwrap() as usize;
        let batch_size = case["batch_size"].as_u64().map(|b| b as usize);
        let with_gen = case["generator"].as_bool().unwrap();
        let mut default = Generator::new(seed);
        let mut own = Generator::new(seed + 1);
        let loader = if case.get("replacement").is_some() {
            let sampler = Sampler::Random {
                replacement: case["replacement"].as_bool().unwrap(),
                num_samples: case["num_samples"].as_u64().map(|x| x as usize),
                has_generator: with_gen,
            };
            DataLoader::with_sampler(n, sampler, batch_size, false)
        } else {
            DataLoader::new(
                n,
                batch_size,
                case["shuffle"].as_bool().unwrap(),
                case["drop_last"].as_bool().unwrap(),
                with_gen,
            )
        }
        .unwrap();
        let at = format!("dataloader {case}");
        let t = report.tallies.entry((D, "DataLoader len")).or_default();
        t.compared += 1;
        t.identical += usize::from(loader.len() == case["len"].as_u64().unwrap() as usize);
        let check_epoch = |report: &mut Report,
                           want: &Value,
                           batches: Vec<Vec<i64>>,
                           default: &Generator,
                           own: &Generator| {
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
            if &batches_json(&batches) == want_batches {
                t.identical += count;
            } else {
                fail(report, format!("{at}: batches {batches:?}"));
            }
            check_position(report, &at, default, &want["global"]);
            if with_gen {
                check_position(report, &at, own, &want["loader_gen"]);
            }
        };
        for epoch in case["epochs"].as_array().unwrap() {
            let batches = loader
                .epoch(if with_gen { &mut own } else { &mut default })
                .unwrap();
            check_epoch(report, epoch, batches, &default, &own);
        }
        if let Some(partial) = case.get("partial") {
            let src = if with_gen { &mut own } else { &mut default };
            let mut it = loader.iter(src);
            let first = it.next_batch(src).unwrap();
            let t = report
                .tallies
                .entry((D, "DataLoader batch indices"))
                .or_default();
            let want = &partial["first"];
            t.compared += 1;
            if serde_json::json!(first) == *want {
                t.identical += 1;
            } else {
                fail(
                    report,
                    format!("{at}: first batch of a partial epoch {first:?}"),
                );
            }
            check_position(report, &at, &default, &partial["global"]);
            let batches = loader
                .epoch(if with_gen { &mut own } else { &mut default })
                .unwrap();
            check_epoch(report, &case["after_partial"], batches, &default, &own);
        }
    }
}

/// Runs one recorded bad call; None when the op is outside the Rust API (Python-only checks).
pub fn error_of(case: &Value) -> Option<(String, String)> {
    let a = &case["args"];
    let mut g = Generator::new(0);
    let f = |x: &Value| float(x);
    let result: seedlab::error::Result<()> = match s(&case["op"]) {
        "rand" => g.uniform_(dtype(&a["dtype"]), 3, 0.0, 1.0).map(drop),
        "randn" => g.normal_(dtype(&a["dtype"]), 3, 0.0, 1.0).map(drop),
        "uniform_" => g
            .uniform_(dtype(&a["dtype"]), 3, f(&a["from"]), f(&a["to"]))
            .map(drop),
        "normal_" => g
            .normal_(dtype(&a["dtype"]), 3, f(&a["mean"]), f(&a["std"]))
            .map(drop),
        "bernoulli_" => g.bernoulli_(dtype(&a["dtype"]), 3, f(&a["p"])).map(drop),
        "bernoulli_probs" => {
            let probs = match s(&a["probs_dtype"]) {
                "float32" => TensorValues::Float32(
                    a["probs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| f(v) as f32)
                        .collect(),
                ),
                "float64" => {
                    TensorValues::Float64(a["probs"].as_array().unwrap().iter().map(f).collect())
                }
                _ => TensorValues::Int64(
                    a["probs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_i64().unwrap())
                        .collect(),
                ),
            };
            let d = probs.dtype();
            g.bernoulli_probs(d, &probs).map(drop)
        }
        "exponential_" => g
            .exponential_(dtype(&a["dtype"]), 3, f(&a["lambd"]))
            .map(drop),
        "random_from_to_" => {
            let to = (!a["to"].is_null()).then(|| int(&a["to"]));
            g.random_from_to_(dtype(&a["dtype"]), 3, int(&a["from"]), to)
                .map(drop)
        }
        "randperm" => g.randperm(int(&a["n"])).map(drop),
        "set_rng_state" => {
            let mut bytes = Generator::new(3).get_state();
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
            g.set_state(&bytes)
        }
        "dropout" => dropout::check_dropout_probability(f(&a["p"])),
        "dropout_int64" => dropout::dropout(
            &mut g,
            &TensorValues::Int64(vec![1, 1, 1]),
            f(&a["p"]),
            true,
        )
        .map(drop),
        "calculate_gain" => init::calculate_gain(s(&a["nonlinearity"]), None).map(drop),
        "fan" => init::fan_in_and_fan_out(&shape(&a["shape"])).map(drop),
        "kaiming_mode" => FanMode::parse(s(&a["mode"])).map(drop),
        "xavier_zero" => {
            init::xavier_uniform_(&mut g, Dtype::Float32, &shape(&a["shape"]), 1.0).map(drop)
        }
        "conv" => layers::conv(
            &mut g,
            a["in"].as_u64().unwrap() as usize,
            a["out"].as_u64().unwrap() as usize,
            &[3, 3],
            a["groups"].as_u64().unwrap() as usize,
            true,
            Dtype::Float32,
        )
        .map(drop),
        "dataloader" => DataLoader::new(
            a["n"].as_u64().unwrap() as usize,
            a["batch_size"].as_u64().map(|b| b as usize),
            a["shuffle"].as_bool().unwrap(),
            a["drop_last"].as_bool().unwrap(),
            false,
        )
        .map(drop),
        _ => return None,
    };
    Some(match result {
        Ok(()) => ("no error".to_owned(), String::new()),
        Err(e) => (e.kind().name().to_owned(), e.message().to_owned()),
    })
}

fn replay_errors(report: &mut Report, cases: &Value) {
    for case in cases.as_array().unwrap() {
        let Some((name, message)) = error_of(case) else {
            fail(report, format!("error case not replayed: {case}"));
            continue;
        };
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

/// Everything in torch_training.json.
pub fn run_torch_training() -> Report {
    let fixture = fixture();
    assert_eq!(
        fixture["torch"].as_str().unwrap().split('+').next(),
        Some("2.15.0")
    );
    let mut report = Report::default();
    replay_fills(&mut report, &fixture["fills"], "fills");
    replay_bernoulli_probs(&mut report, &fixture["bernoulli_probs"]);
    replay_randperm(&mut report, &fixture["randperm"]);
    replay_states(&mut report, &fixture["states"]);
    replay_init(&mut report, &fixture["init"]);
    replay_layers(&mut report, &fixture["layers"]);
    replay_dropout(&mut report, &fixture["dropout"]);
    replay_dataloader(&mut report, &fixture["dataloader"]);
    replay_errors(&mut report, &fixture["errors"]);
    replay_fills(&mut report, &fixture["intel_draws_native"], "native draws");
    report
}

/// torch_training_intel.json: the scalar Bernoulli, exponential_ and dropout draws recorded on an
/// emulated Intel CPU, replayed with the same code.
pub fn run_torch_training_intel() -> (Value, Report) {
    let fixture: Value = serde_json::from_str(INTEL).unwrap();
    let mut report = Report::default();
    replay_fills(&mut report, &fixture["cases"], "intel");
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
    let mut g = seeded(seed);
    let p = g.randperm(n).unwrap();
    let hash = sha256_i64(&p);
    (p, hash, position(&g))
}

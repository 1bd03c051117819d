//! `torch.nn.init` (torch 2.15 `torch/nn/init.py`): the bounds and standard deviations computed
//! in Python floats, then the fills of [`Generator`].
//!
//! Python's arithmetic is IEEE double; `math.sqrt` is correctly rounded, as Rust's `sqrt`. The one
//! libm call is `negative_slope ** 2` in `calculate_gain("leaky_relu", a)` for a float `a`,
//! which CPython sends to glibc's `pow(a, 2.0)`: [`crate::math::pow`] (glibc's `pow` is not
//! correctly rounded, and differs from `a * a` for 0.074 % of random doubles). An int `a` (the
//! default 0) is squared exactly, as Python does.

use super::dtype::{Dtype, TensorValues};
use super::shape::{buffer_len, shape_numel};
use super::{alloc, Generator};
use crate::error::{Error, Result};

/// A Python number as an argument or a result: `calculate_gain` returns the int 1 for linear
/// layers and `sigmoid`, and an int `a` is squared exactly.
///
/// ```
/// use seedlab::torch::init::{calculate_gain, PyNumber};
///
/// // nn.init.calculate_gain: an int for 'linear', a float for 'relu'
/// assert_eq!(calculate_gain("linear", None).unwrap(), PyNumber::Int(1));
/// assert_eq!(calculate_gain("relu", None).unwrap().as_f64(), 2f64.sqrt());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyNumber {
    /// A Python `int` (within int64).
    Int(i64),
    /// A Python `float`.
    Float(f64),
}

impl PyNumber {
    /// A Python int; seedlab computes with ints in the int64 range.
    pub fn int(value: i128) -> Result<PyNumber> {
        i64::try_from(value).map(PyNumber::Int).map_err(|_| {
            Error::new(
                crate::error::ErrorKind::OverflowError,
                "seedlab computes gains with ints in the int64 range; this one is outside it",
            )
        })
    }

    /// `float(x)`.
    pub fn as_f64(self) -> f64 {
        match self {
            PyNumber::Int(i) => i as f64,
            PyNumber::Float(x) => x,
        }
    }
}

/// `nn.init.calculate_gain(nonlinearity, param)`. `param` is the leaky ReLU's negative slope
/// (None: 0.01); a `param` that is neither int nor float raises `ValueError: negative_slope
/// {param} not a valid number` in torch, which the caller words with the value's repr.
pub fn calculate_gain(nonlinearity: &str, param: Option<PyNumber>) -> Result<PyNumber> {
    Ok(match nonlinearity {
        "linear" | "conv1d" | "conv2d" | "conv3d" | "conv_transpose1d" | "conv_transpose2d"
        | "conv_transpose3d" | "sigmoid" => PyNumber::Int(1),
        "tanh" => PyNumber::Float(5.0 / 3.0),
        "relu" => PyNumber::Float(2.0f64.sqrt()),
        "leaky_relu" => {
            // `math.sqrt(2.0 / (1 + negative_slope**2))`.
            let denominator = match param.unwrap_or(PyNumber::Float(0.01)) {
                PyNumber::Int(i) => (1 + i128::from(i) * i128::from(i)) as f64,
                // float ** int: CPython's float_pow, glibc's pow (not `x * x`).
                PyNumber::Float(x) => 1.0 + crate::math::pow(x, 2.0),
            };
            PyNumber::Float((2.0 / denominator).sqrt())
        }
        "selu" => PyNumber::Float(3.0 / 4.0),
        other => return Err(Error::value(format!("Unsupported nonlinearity {other}"))),
    })
}

/// `_calculate_fan_in_and_fan_out(tensor)` for a tensor of this shape: `(size(1) * receptive,
/// size(0) * receptive)` where `receptive` is the product of the dimensions after the second.
/// Python's ints do not overflow; for the shape of any tensor torch can make (see
/// [`super::empty_shape`]) these products fit `u128`, and beyond that they saturate.
pub fn fan_in_and_fan_out(shape: &[u64]) -> Result<(u128, u128)> {
    if shape.len() < 2 {
        return Err(Error::value(
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
        ));
    }
    let receptive = shape[2..]
        .iter()
        .fold(1u128, |product, &s| product.saturating_mul(u128::from(s)));
    Ok((
        u128::from(shape[1]).saturating_mul(receptive),
        u128::from(shape[0]).saturating_mul(receptive),
    ))
}

/// `mode` of the Kaiming initialisers.
///
/// ```
/// use seedlab::torch::init::FanMode;
///
/// assert_eq!(FanMode::parse("fan_out").unwrap(), FanMode::FanOut);
/// assert!(FanMode::parse("fan_sideways").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FanMode {
    /// `mode="fan_in"`: the variance of the forward pass.
    FanIn,
    /// `mode="fan_out"`: the variance of the backward pass.
    FanOut,
}

impl FanMode {
    /// Python's `mode.lower()` and its check: `ValueError: Mode fan_avg not supported, please use
    /// one of ['fan_in', 'fan_out']`.
    pub fn parse(mode: &str) -> Result<FanMode> {
        match mode.to_lowercase().as_str() {
            "fan_in" => Ok(FanMode::FanIn),
            "fan_out" => Ok(FanMode::FanOut),
            lowered => Err(Error::value(format!(
                "Mode {lowered} not supported, please use one of ['fan_in', 'fan_out']"
            ))),
        }
    }
}

/// The buffer length of a tensor of this shape, checked as torch checked it when the tensor was
/// made.
fn tensor_len(shape: &[u64], dtype: Dtype) -> Result<usize> {
    let numel = shape_numel(shape, dtype)?;
    buffer_len(numel, dtype.item_size())
}

/// `math.sqrt(x)` of a Python int (converted to float first, correctly rounded).
fn sqrt_int(x: u128) -> f64 {
    (x as f64).sqrt()
}

/// `gain / math.sqrt(fan)` with Python's types (an int gain is converted exactly), in torch's
/// order: the mode, the fans, then the gain.
fn kaiming_std(shape: &[u64], a: PyNumber, mode: &str, nonlinearity: &str) -> Result<f64> {
    let mode = FanMode::parse(mode)?;
    let (fan_in, fan_out) = fan_in_and_fan_out(shape)?;
    let fan = if mode == FanMode::FanIn {
        fan_in
    } else {
        fan_out
    };
    let gain = calculate_gain(nonlinearity, Some(a))?.as_f64();
    let root = sqrt_int(fan);
    if root == 0.0 {
        return Err(Error::new(
            crate::error::ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(gain / root)
}

/// `nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)` on a tensor of `shape`:
/// `uniform_(-bound, bound)` with `bound = math.sqrt(3.0) * gain / math.sqrt(fan)`. A tensor with
/// a zero dimension is left alone (torch warns) without drawing: its values are empty.
pub fn kaiming_uniform_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[u64],
    a: PyNumber,
    mode: &str,
    nonlinearity: &str,
) -> Result<TensorValues> {
    let n = tensor_len(shape, dtype)?;
    if shape.contains(&0) {
        return Ok(TensorValues::empty(dtype));
    }
    let std = kaiming_std(shape, a, mode, nonlinearity)?;
    let bound = 3.0f64.sqrt() * std;
    generator.uniform_(dtype, n, -bound, bound)
}

/// `nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)` on a tensor of `shape`:
/// `normal_(0, gain / sqrt(fan))`. A tensor with a zero dimension is left alone without drawing.
pub fn kaiming_normal_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[u64],
    a: PyNumber,
    mode: &str,
    nonlinearity: &str,
) -> Result<TensorValues> {
    let n = tensor_len(shape, dtype)?;
    if shape.contains(&0) {
        return Ok(TensorValues::empty(dtype));
    }
    let std = kaiming_std(shape, a, mode, nonlinearity)?;
    generator.normal_(dtype, n, 0.0, std)
}

/// `gain * math.sqrt(2.0 / float(fan_in + fan_out))`.
fn xavier_std(shape: &[u64], gain: f64) -> Result<f64> {
    let (fan_in, fan_out) = fan_in_and_fan_out(shape)?;
    let fans = fan_in.saturating_add(fan_out) as f64;
    if fans == 0.0 {
        return Err(Error::new(
            crate::error::ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(gain * (2.0 / fans).sqrt())
}

/// `nn.init.xavier_uniform_(tensor, gain)` on a tensor of `shape`: `uniform_(-a, a)`,
/// `a = math.sqrt(3.0) * std`.
pub fn xavier_uniform_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[u64],
    gain: f64,
) -> Result<TensorValues> {
    let n = tensor_len(shape, dtype)?;
    let a = 3.0f64.sqrt() * xavier_std(shape, gain)?;
    generator.uniform_(dtype, n, -a, a)
}

/// `nn.init.xavier_normal_(tensor, gain)` on a tensor of `shape`: `normal_(0, std)`.
pub fn xavier_normal_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[u64],
    gain: f64,
) -> Result<TensorValues> {
    let n = tensor_len(shape, dtype)?;
    let std = xavier_std(shape, gain)?;
    generator.normal_(dtype, n, 0.0, std)
}

/// `nn.init.constant_(tensor, val)` (`ones_` is `val = 1`, `zeros_` is `val = 0`) on `n`
/// elements: `fill_(val)`, which refuses a value the dtype cannot hold (`checked_convert`), then
/// casts it (float to int64 truncates).
pub fn constant_(dtype: Dtype, n: usize, val: f64) -> Result<TensorValues> {
    // `checked_convert`: an infinity fits a float type, a NaN does not fit an int.
    let overflows = match dtype {
        Dtype::Float32 => val.is_finite() && val.abs() > f64::from(f32::MAX),
        Dtype::Float64 => false,
        // [-2**63, 2**63), as torch 2.15 measures it (2**63 itself overflows).
        Dtype::Int64 => {
            val.is_nan()
                || !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&val)
        }
    };
    if overflows {
        return Err(Error::new(
            crate::error::ErrorKind::RuntimeError,
            format!(
                "value cannot be converted to type {} without overflow",
                match dtype {
                    Dtype::Float32 => "float",
                    Dtype::Float64 => "double",
                    Dtype::Int64 => "int64_t",
                }
            ),
        ));
    }
    Ok(match dtype {
        Dtype::Float32 => TensorValues::Float32(filled(n, val as f32)?),
        Dtype::Float64 => TensorValues::Float64(filled(n, val)?),
        Dtype::Int64 => TensorValues::Int64(filled(n, val as i64)?),
    })
}

fn filled<T: Copy>(n: usize, value: T) -> Result<Vec<T>> {
    let mut out = alloc(n)?;
    out.resize(n, value);
    Ok(out)
}

/// Which of `trunc_normal_`'s two methods torch 2.15 takes: for `p = Φ((b - mean) / std) -
/// Φ((a - mean) / std) > 0.3`, normal draws with rejection (reproduced exactly); otherwise
/// uniform candidates accepted through torch's vectorised `log`, which seedlab does not have.
fn trunc_normal_mass(mean: f64, std: f64, a: f64, b: f64) -> f64 {
    normal_cdf((b - mean) / std) - normal_cdf((a - mean) / std)
}

/// Φ(x) = (1 + erf(x / sqrt 2)) / 2 to about 1e-7 (Abramowitz and Stegun 7.1.26): only used to
/// decide which method applies, refusing when `p` is too close to 0.3 to tell.
fn normal_cdf(x: f64) -> f64 {
    let z = x / 2.0f64.sqrt();
    let t = 1.0 / (1.0 + 0.327_591_1 * z.abs());
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf_abs = 1.0 - poly * crate::math::exp(-z * z);
    let erf = if z < 0.0 { -erf_abs } else { erf_abs };
    (1.0 + erf) / 2.0
}

/// `nn.init.trunc_normal_(tensor, mean, std, a, b)` where torch 2.15 samples by rejection from
/// `normal_(mean, std)`: the whole tensor is drawn, then while any value lies outside `[a, b]`
/// (the bounds rounded to the dtype), a fresh full-size `normal_` is drawn and replaces just those
/// values. Narrow windows (probability mass <= 0.3), which torch samples through its vectorised
/// `log`, are refused with a message.
pub fn trunc_normal_(
    generator: &mut Generator,
    dtype: Dtype,
    n: usize,
    mean: f64,
    std: f64,
    a: f64,
    b: f64,
) -> Result<TensorValues> {
    if std == 0.0 {
        // `(b - mean) / std` in Python floats (a -0.0 too).
        return Err(Error::new(
            crate::error::ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    let p = trunc_normal_mass(mean, std, a, b);
    if p.is_nan() || p <= 0.3 + 1e-6 {
        // p is approximate (to about 1e-7): say so rather than print its digits.
        return Err(Error::value(format!(
            "trunc_normal_ with a window of probability about {p:.3} (not clearly above 0.3) samples through torch's vectorised log, which seedlab does not reproduce exactly"
        )));
    }
    // `tensor.new_tensor(a).item()`: the bounds as the dtype holds them.
    let (lo, hi) = match dtype {
        Dtype::Float32 => (f64::from(a as f32), f64::from(b as f32)),
        _ => (a, b),
    };
    let mut result = generator.normal_(dtype, n, mean, std)?;
    loop {
        let outside: Vec<bool> = match &result {
            TensorValues::Float32(v) => v
                .iter()
                .map(|&x| f64::from(x) < lo || f64::from(x) > hi)
                .collect(),
            TensorValues::Float64(v) => v.iter().map(|&x| x < lo || x > hi).collect(),
            // normal_ refuses int64 tensors with elements, so this one is empty.
            TensorValues::Int64(v) => v
                .iter()
                .map(|&x| (x as f64) < lo || (x as f64) > hi)
                .collect(),
        };
        if !outside.iter().any(|&o| o) {
            return Ok(result);
        }
        let fresh = generator.normal_(dtype, n, mean, std)?;
        match (&mut result, fresh) {
            (TensorValues::Float32(r), TensorValues::Float32(f)) => {
                for ((r, f), o) in r.iter_mut().zip(f).zip(&outside) {
                    if *o {
                        *r = f;
                    }
                }
            }
            (TensorValues::Float64(r), TensorValues::Float64(f)) => {
                for ((r, f), o) in r.iter_mut().zip(f).zip(&outside) {
                    if *o {
                        *r = f;
                    }
                }
            }
            // normal_ gives the dtype asked for.
            _ => unreachable!("same dtype"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fans_beyond_u64_and_empty_tensors() {
        // torch 2.15.0: _calculate_fan_in_and_fan_out(torch.empty([2**40, 0, 2**40])) is
        // (0, 1208925819614629174706176).
        assert_eq!(
            fan_in_and_fan_out(&[1 << 40, 0, 1 << 40]).unwrap(),
            (0, 1_208_925_819_614_629_174_706_176)
        );
        // nn.init.trunc_normal_(torch.empty(0, dtype=torch.int64)) returns it unchanged.
        let mut g = Generator::new(0);
        assert_eq!(
            trunc_normal_(&mut g, Dtype::Int64, 0, 0.0, 1.0, -2.0, 2.0).unwrap(),
            TensorValues::Int64(Vec::new())
        );
    }

    #[test]
    fn gains() {
        assert_eq!(calculate_gain("conv2d", None).unwrap(), PyNumber::Int(1));
        assert_eq!(
            calculate_gain("leaky_relu", Some(PyNumber::Int(0))).unwrap(),
            PyNumber::Float(2.0f64.sqrt())
        );
        // A slope where glibc's pow(a, 2) and a * a differ: torch 2.15.0 prints
        // calculate_gain('leaky_relu', 2.710017715327128) = 0.4895789639773467 (a * a would give
        // 0.48957896397734674).
        assert_eq!(
            calculate_gain("leaky_relu", Some(PyNumber::Float(2.710017715327128))).unwrap(),
            PyNumber::Float(0.4895789639773467)
        );
        assert_eq!(
            calculate_gain("foo", None).unwrap_err().to_string(),
            "ValueError: Unsupported nonlinearity foo"
        );
        assert!((normal_cdf(1.0) - 0.841_344_746_068_543).abs() < 2e-7);
    }
}

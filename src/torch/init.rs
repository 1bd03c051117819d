//! `torch.nn.init` (torch 2.15 `torch/nn/init.py`): the bounds and standard deviations computed
//! in Python floats, then the fills of [`Generator`].
//!
//! Python's arithmetic is IEEE double; `math.sqrt` is correctly rounded, as Rust's `sqrt`. The one
//! libm call is `negative_slope ** 2` in `calculate_gain("leaky_relu", a)` for a float `a`,
//! which CPython sends to glibc's `pow(a, 2.0)`; seedlab squares instead. glibc's `pow` is not
//! correctly rounded: measured on 3,000,000 random doubles it differs from `a * a` for 0.074 %
//! of them, but for the slopes in use (`math.sqrt(5)`, 0.01, 0.1, 0.2, 0.3) it equals `a * a`.
//! An int `a` (the default 0) is squared exactly, as Python does.

use super::dtype::{Dtype, TensorValues};
use super::Generator;
use crate::error::{Error, Result};
use crate::numpy::py_repr::float_repr;

/// A Python number as an argument or a result: `calculate_gain` returns the int 1 for linear
/// layers and `sigmoid`, and an int `a` is squared exactly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyNumber {
    Int(i64),
    Float(f64),
}

impl PyNumber {
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
                PyNumber::Float(x) => 1.0 + x * x,
            };
            PyNumber::Float((2.0 / denominator).sqrt())
        }
        "selu" => PyNumber::Float(3.0 / 4.0),
        other => return Err(Error::value(format!("Unsupported nonlinearity {other}"))),
    })
}

/// `_calculate_fan_in_and_fan_out(tensor)` for a tensor of this shape: `(size(1) * receptive,
/// size(0) * receptive)` where `receptive` is the product of the dimensions after the second.
pub fn fan_in_and_fan_out(shape: &[usize]) -> Result<(u64, u64)> {
    if shape.len() < 2 {
        return Err(Error::value(
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
        ));
    }
    let receptive: u64 = shape[2..].iter().map(|&s| s as u64).product();
    Ok((shape[1] as u64 * receptive, shape[0] as u64 * receptive))
}

/// `mode` of the Kaiming initialisers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FanMode {
    FanIn,
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

fn numel(shape: &[usize]) -> usize {
    shape.iter().product()
}

/// `math.sqrt(x)` of a Python int (converted to float first).
fn sqrt_int(x: u64) -> f64 {
    (x as f64).sqrt()
}

/// `gain / math.sqrt(fan)` with Python's types: an int gain is converted exactly.
fn kaiming_std(shape: &[usize], a: PyNumber, mode: FanMode, nonlinearity: &str) -> Result<f64> {
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

/// `nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)`: `uniform_(-bound, bound)` with
/// `bound = math.sqrt(3.0) * gain / math.sqrt(fan)`. A tensor with a zero dimension is left alone
/// (torch warns) without drawing.
pub fn kaiming_uniform_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[usize],
    a: PyNumber,
    mode: FanMode,
    nonlinearity: &str,
) -> Result<Option<TensorValues>> {
    if shape.contains(&0) {
        return Ok(None);
    }
    let std = kaiming_std(shape, a, mode, nonlinearity)?;
    let bound = 3.0f64.sqrt() * std;
    generator
        .uniform_(dtype, numel(shape), -bound, bound)
        .map(Some)
}

/// `nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)`: `normal_(0, gain / sqrt(fan))`.
/// A tensor with a zero dimension is left alone without drawing.
pub fn kaiming_normal_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[usize],
    a: PyNumber,
    mode: FanMode,
    nonlinearity: &str,
) -> Result<Option<TensorValues>> {
    if shape.contains(&0) {
        return Ok(None);
    }
    let std = kaiming_std(shape, a, mode, nonlinearity)?;
    generator.normal_(dtype, numel(shape), 0.0, std).map(Some)
}

/// `gain * math.sqrt(2.0 / float(fan_in + fan_out))`.
fn xavier_std(shape: &[usize], gain: f64) -> Result<f64> {
    let (fan_in, fan_out) = fan_in_and_fan_out(shape)?;
    let fans = (fan_in + fan_out) as f64;
    if fans == 0.0 {
        return Err(Error::new(
            crate::error::ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(gain * (2.0 / fans).sqrt())
}

/// `nn.init.xavier_uniform_(tensor, gain)`: `uniform_(-a, a)`, `a = math.sqrt(3.0) * std`.
pub fn xavier_uniform_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[usize],
    gain: f64,
) -> Result<TensorValues> {
    let a = 3.0f64.sqrt() * xavier_std(shape, gain)?;
    generator.uniform_(dtype, numel(shape), -a, a)
}

/// `nn.init.xavier_normal_(tensor, gain)`: `normal_(0, std)`.
pub fn xavier_normal_(
    generator: &mut Generator,
    dtype: Dtype,
    shape: &[usize],
    gain: f64,
) -> Result<TensorValues> {
    let std = xavier_std(shape, gain)?;
    generator.normal_(dtype, numel(shape), 0.0, std)
}

/// `nn.init.constant_(tensor, val)` (`ones_` is `val = 1`, `zeros_` is `val = 0`): the value cast
/// to the dtype (float to int64 truncates, as `fill_` does).
pub fn constant_(dtype: Dtype, n: usize, val: f64) -> Result<TensorValues> {
    Ok(match dtype {
        Dtype::Float32 => TensorValues::Float32(vec![val as f32; n]),
        Dtype::Float64 => TensorValues::Float64(vec![val; n]),
        Dtype::Int64 => TensorValues::Int64(vec![val as i64; n]),
    })
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
    let p = trunc_normal_mass(mean, std, a, b);
    if p.is_nan() || p <= 0.3 + 1e-6 {
        return Err(Error::value(format!(
            "trunc_normal_ with a window of probability {} samples through torch's vectorised log, which seedlab does not reproduce exactly",
            float_repr(p)
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
            TensorValues::Int64(_) => unreachable!("normal_ rejects int64"),
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
            _ => unreachable!("same dtype"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gains() {
        assert_eq!(calculate_gain("conv2d", None).unwrap(), PyNumber::Int(1));
        assert_eq!(
            calculate_gain("leaky_relu", Some(PyNumber::Int(0))).unwrap(),
            PyNumber::Float(2.0f64.sqrt())
        );
        assert_eq!(
            calculate_gain("foo", None).unwrap_err().to_string(),
            "ValueError: Unsupported nonlinearity foo"
        );
        assert!((normal_cdf(1.0) - 0.841_344_746_068_543).abs() < 2e-7);
    }
}

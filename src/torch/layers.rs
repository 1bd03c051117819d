//! The parameters of `nn.Linear`, `nn.Conv1d` and `nn.Conv2d` as their constructors initialise
//! them (`reset_parameters` in torch 2.15 `nn/modules/linear.py` and `conv.py`), in torch's order
//! of draws: the weight by `kaiming_uniform_(weight, a=math.sqrt(5))`, then the bias by
//! `uniform_(-1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))` (0 when `fan_in` is 0).

use super::dtype::{Dtype, TensorValues};
use super::init::{fan_in_and_fan_out, kaiming_uniform_, PyNumber};
use super::shape::{buffer_len, numel, sizes_from_ints};
use super::Generator;
use crate::error::{Error, Result};

/// A layer's parameters: the weight (values in element order, and its shape) and the bias.
///
/// ```
/// use seedlab::torch::{layers, Dtype, Generator};
///
/// // torch.manual_seed(0); nn.Linear(4, 3): weight (3, 4), then bias (3,)
/// let mut g = Generator::new(0);
/// let params = layers::linear(&mut g, 4, 3, true, Dtype::Float32).unwrap();
/// assert_eq!(params.weight_shape, [3, 4]);
/// assert_eq!(params.weight.len(), 12);
/// assert_eq!(params.bias.map(|b| b.len()), Some(3));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LayerParameters {
    /// The weight's shape: `[out, in]`, or `[out, in / groups, *kernel_size]`.
    pub weight_shape: Vec<u64>,
    /// The weight's values in element order, drawn first.
    pub weight: TensorValues,
    /// The bias, drawn after the weight; None for `bias=False`.
    pub bias: Option<TensorValues>,
}

/// `Parameter(torch.empty(weight_sizes))`, `Parameter(torch.empty(bias_len))` if any, then
/// `reset_parameters` of Linear and the convolutions.
fn make_parameters(
    generator: &mut Generator,
    dtype: Dtype,
    weight_sizes: &[i128],
    bias_len: Option<i128>,
) -> Result<LayerParameters> {
    let sizes = sizes_from_ints(weight_sizes)?;
    buffer_len(numel(&sizes, dtype)?, dtype.item_size())?;
    let bias_len = match bias_len {
        Some(len) => {
            let numel = numel(&sizes_from_ints(&[len])?, dtype)?;
            Some(buffer_len(numel, dtype.item_size())?)
        }
        None => None,
    };
    // Checked above: no dimension is negative.
    let weight_shape: Vec<u64> = sizes.iter().map(|&s| s as u64).collect();
    let weight = kaiming_uniform_(
        generator,
        dtype,
        &weight_shape,
        PyNumber::Float(5.0f64.sqrt()),
        "fan_in",
        "leaky_relu",
    )?;
    let bias = match bias_len {
        None => None,
        Some(len) => {
            let (fan_in, _) = fan_in_and_fan_out(&weight_shape)?;
            // `bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0`: the int 0, so `-bound` is
            // +0 (a float -0.0 would come out of `uniform_` as -0.0).
            let (from, to) = if fan_in > 0 {
                let bound = 1.0 / (fan_in as f64).sqrt();
                (-bound, bound)
            } else {
                (0.0, 0.0)
            };
            Some(generator.uniform_(dtype, len, from, to)?)
        }
    };
    Ok(LayerParameters {
        weight_shape,
        weight,
        bias,
    })
}

/// `nn.Linear(in_features, out_features, bias, dtype=dtype)`: weight `(out_features,
/// in_features)`, bias `(out_features,)`.
pub fn linear(
    generator: &mut Generator,
    in_features: i128,
    out_features: i128,
    bias: bool,
    dtype: Dtype,
) -> Result<LayerParameters> {
    make_parameters(
        generator,
        dtype,
        &[out_features, in_features],
        bias.then_some(out_features),
    )
}

/// `nn.Conv1d` / `nn.Conv2d` (`kernel_size` of length 1 or 2; Conv3d with 3) with `groups`:
/// weight `(out_channels, in_channels // groups, *kernel_size)`, with torch's `ValueError`s for
/// bad `groups`.
pub fn conv(
    generator: &mut Generator,
    in_channels: i128,
    out_channels: i128,
    kernel_size: &[i128],
    groups: i128,
    bias: bool,
    dtype: Dtype,
) -> Result<LayerParameters> {
    if groups <= 0 {
        return Err(Error::value("groups must be a positive integer"));
    }
    // Python's `%` and `//`, which for a positive divisor are the Euclidean ones.
    if in_channels.rem_euclid(groups) != 0 {
        return Err(Error::value("in_channels must be divisible by groups"));
    }
    if out_channels.rem_euclid(groups) != 0 {
        return Err(Error::value("out_channels must be divisible by groups"));
    }
    let mut sizes = vec![out_channels, in_channels.div_euclid(groups)];
    sizes.extend_from_slice(kernel_size);
    make_parameters(generator, dtype, &sizes, bias.then_some(out_channels))
}

//! The parameters of `nn.Linear`, `nn.Conv1d` and `nn.Conv2d` as their constructors initialise
//! them (`reset_parameters` in torch 2.15 `nn/modules/linear.py` and `conv.py`), in torch's order
//! of draws: the weight by `kaiming_uniform_(weight, a=math.sqrt(5))`, then the bias by
//! `uniform_(-1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))` (0 when `fan_in` is 0).

use super::dtype::{Dtype, TensorValues};
use super::init::{fan_in_and_fan_out, kaiming_uniform_, FanMode, PyNumber};
use super::Generator;
use crate::error::{Error, Result};

/// A layer's parameters: the weight (values in element order, and its shape) and the bias.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerParameters {
    pub weight_shape: Vec<usize>,
    pub weight: TensorValues,
    pub bias: Option<TensorValues>,
}

/// `reset_parameters` of Linear and the convolutions.
fn reset_parameters(
    generator: &mut Generator,
    dtype: Dtype,
    weight_shape: Vec<usize>,
    bias_len: Option<usize>,
) -> Result<LayerParameters> {
    let n: usize = weight_shape.iter().product();
    let weight = kaiming_uniform_(
        generator,
        dtype,
        &weight_shape,
        PyNumber::Float(5.0f64.sqrt()),
        FanMode::FanIn,
        "leaky_relu",
    )?
    // An empty weight is left as torch.empty left it; it has no values to show.
    .unwrap_or_else(|| super::init::constant_(dtype, n, 0.0).expect("an empty tensor"));
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

/// `nn.Linear(in_features, out_features, bias)`: weight `(out_features, in_features)`.
pub fn linear(
    generator: &mut Generator,
    in_features: usize,
    out_features: usize,
    bias: bool,
    dtype: Dtype,
) -> Result<LayerParameters> {
    reset_parameters(
        generator,
        dtype,
        vec![out_features, in_features],
        bias.then_some(out_features),
    )
}

/// `nn.Conv1d` / `nn.Conv2d` (`kernel_size` of length 1 or 2; Conv3d with 3) with `groups`:
/// weight `(out_channels, in_channels / groups, *kernel_size)`, with torch's `ValueError`s for
/// bad `groups`.
pub fn conv(
    generator: &mut Generator,
    in_channels: usize,
    out_channels: usize,
    kernel_size: &[usize],
    groups: usize,
    bias: bool,
    dtype: Dtype,
) -> Result<LayerParameters> {
    if groups == 0 {
        return Err(Error::value("groups must be a positive integer"));
    }
    if in_channels % groups != 0 {
        return Err(Error::value("in_channels must be divisible by groups"));
    }
    if out_channels % groups != 0 {
        return Err(Error::value("out_channels must be divisible by groups"));
    }
    let mut shape = vec![out_channels, in_channels / groups];
    shape.extend_from_slice(kernel_size);
    reset_parameters(generator, dtype, shape, bias.then_some(out_channels))
}

//! `torch.nn.functional.dropout` / `nn.Dropout` on the CPU (torch 2.15 `native/Dropout.cpp`,
//! `_dropout_impl`; CPU tensors never take the fused kernel), with or without autograd.
//!
//! In training mode with `0 < p < 1`: `noise = empty_like(input).bernoulli_(1 - p)` (the scalar
//! Bernoulli: two words per element), `noise.div_(1 - p)` (a tensor-by-scalar division in the
//! input's dtype: for float32 each kept element is `1f / (float)(1 - p)`, *not* the rounded
//! reciprocal `(float)(1 / (1 - p))`, which differs for some `p`), then `input * noise`.
//! `p == 1` multiplies by a zero scalar (keeping `-0.0` and NaN); `p == 0`, eval mode and empty
//! inputs return the input unchanged without drawing.

use super::cpp_format::cpp_double;
use super::distributions::{not_implemented, runtime_error};
use super::dtype::{Dtype, TensorValues};
use super::Generator;
use crate::error::{Error, Result};
use crate::numpy::py_repr::float_repr;

/// The Python-level check of `F.dropout` and `nn.Dropout(p)`: `ValueError: dropout probability
/// has to be between 0 and 1, but got 1.5` (a NaN passes it and fails torch's C++ check).
pub fn check_dropout_probability(p: f64) -> Result<()> {
    // Python's `p < 0.0 or p > 1.0`: false for NaN.
    if !p.is_nan() && !(0.0..=1.0).contains(&p) {
        return Err(Error::value(format!(
            "dropout probability has to be between 0 and 1, but got {}",
            float_repr(p)
        )));
    }
    if p.is_nan() {
        return Err(runtime_error(format!(
            "dropout probability has to be between 0 and 1, but got {}",
            cpp_double(p)
        )));
    }
    Ok(())
}

/// The scaled mask `dropout` multiplies a training-mode input of `n` elements by: each element
/// 0 or `1 / (1 - p)` in the dtype, drawn from `generator` (the default generator: `F.dropout`
/// takes none). Only for `0 < p < 1`, where torch draws.
pub fn dropout_mask(
    generator: &mut Generator,
    dtype: Dtype,
    n: usize,
    p: f64,
) -> Result<TensorValues> {
    check_dropout_probability(p)?;
    if p <= 0.0 || p >= 1.0 {
        return Err(Error::value(format!(
            "dropout draws a mask only for 0 < p < 1, not p={}",
            float_repr(p)
        )));
    }
    let keep = 1.0 - p;
    Ok(match generator.bernoulli_(dtype, n, keep)? {
        TensorValues::Float32(mut mask) => {
            // `noise.div_(1 - p)`: the double scalar is cast to float, then a float division.
            let keep = keep as f32;
            mask.iter_mut().for_each(|m| *m /= keep);
            TensorValues::Float32(mask)
        }
        TensorValues::Float64(mut mask) => {
            mask.iter_mut().for_each(|m| *m /= keep);
            TensorValues::Float64(mask)
        }
        // In-place true division cannot write floats into an int64 tensor.
        TensorValues::Int64(_) => {
            return Err(runtime_error(
                "result type Float can't be cast to the desired output type Long",
            ))
        }
    })
}

/// `F.dropout(input, p, training)` (and `nn.Dropout(p)(input)`, whose `training` is the module's
/// mode) on a float tensor's values, drawing from `generator` (the default one).
pub fn dropout(
    generator: &mut Generator,
    input: &TensorValues,
    p: f64,
    training: bool,
) -> Result<TensorValues> {
    check_dropout_probability(p)?;
    if p == 0.0 || !training || input.is_empty() {
        return Ok(input.clone());
    }
    if p == 1.0 {
        // `input * zeros({})`.
        return Ok(match input {
            TensorValues::Float32(x) => TensorValues::Float32(x.iter().map(|v| v * 0.0).collect()),
            TensorValues::Float64(x) => TensorValues::Float64(x.iter().map(|v| v * 0.0).collect()),
            TensorValues::Int64(x) => TensorValues::Int64(vec![0; x.len()]),
        });
    }
    if input.dtype() == Dtype::Int64 {
        // bernoulli_ would draw first, then the division fails.
        generator.bernoulli_(Dtype::Int64, input.len(), 1.0 - p)?;
        return Err(runtime_error(
            "result type Float can't be cast to the desired output type Long",
        ));
    }
    Ok(
        match (
            input,
            dropout_mask(generator, input.dtype(), input.len(), p)?,
        ) {
            (TensorValues::Float32(x), TensorValues::Float32(mask)) => {
                TensorValues::Float32(x.iter().zip(&mask).map(|(v, m)| v * m).collect())
            }
            (TensorValues::Float64(x), TensorValues::Float64(mask)) => {
                TensorValues::Float64(x.iter().zip(&mask).map(|(v, m)| v * m).collect())
            }
            _ => return Err(not_implemented("dropout", input.dtype())),
        },
    )
}

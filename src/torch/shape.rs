//! Tensor sizes as `torch.empty(size, dtype=dtype)` checks them, in torch 2.15's order: the
//! Python argument parser (each element an int that fits int64), `check_size_nonnegative`,
//! `computeStorageNbytesContiguous` (the element count times the item size must fit int64), the
//! contiguous strides (`empty_tensor_restride`: each must fit int64), then the allocator.
//!
//! Every function that makes a tensor of a size it did not check itself goes through here, so a
//! size that torch refuses is refused with torch's message, and no size overflows Rust's integers.

use super::dtype::Dtype;
use crate::error::{Error, ErrorKind, Result};

/// 2**63 as a double: the first value that does not fit int64.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

fn runtime_error(message: String) -> Error {
    Error::new(ErrorKind::RuntimeError, message)
}

/// The parser's error for an int that does not fit int64 (its message has no closing quote).
fn unpack_overflow(function: &str, position: usize) -> Error {
    Error::type_error(format!(
        "{function}(): argument 'size' failed to unpack the object at pos {position} with error \"Overflow when unpacking long long"
    ))
}

/// `DefaultCPUAllocator`'s out-of-memory error (alloc_cpu.cpp), without the C++ source location.
pub(super) fn cannot_allocate(bytes: u128) -> Error {
    runtime_error(format!(
        "DefaultCPUAllocator: can't allocate memory: you tried to allocate {bytes} bytes."
    ))
}

/// One size given alone (`torch.rand(n)`, `torch.empty(n)`) as a JS number: a float is refused
/// as the parser refuses it for `function`'s `size` argument at `position`.
pub(super) fn count_from_f64(
    n: f64,
    function: &str,
    position: usize,
    item_size: usize,
) -> Result<usize> {
    if n.is_nan() || n.is_infinite() || n.fract() != 0.0 {
        return Err(Error::type_error(format!(
            "{function}(): argument 'size' (position {position}) must be tuple of ints, not float"
        )));
    }
    if !(-TWO_63..TWO_63).contains(&n) {
        return Err(unpack_overflow(function, 1));
    }
    buffer_len(numel_of(&[n as i64], item_size)?, item_size)
}

/// `torch.empty(n, dtype=dtype)`'s checks for a count given as a JS number; `None` (the caller
/// left it out) is [`Error::missing_count`]. The length of the buffer to fill.
pub fn empty_len(n: Option<f64>, dtype: Dtype) -> Result<usize> {
    let n = n.ok_or_else(Error::missing_count)?;
    count_from_f64(n, "empty", 1, dtype.item_size())
}

/// `torch.empty(shape, dtype=dtype)`'s checks for a shape given as JS numbers: the shape, each
/// dimension a non-negative int, whose element count fits the dtype's storage. (The buffer
/// itself is allocated, or refused, by the function that fills it.)
pub fn empty_shape(shape: &[f64], dtype: Dtype) -> Result<Vec<u64>> {
    let mut sizes = Vec::new();
    for (i, &x) in shape.iter().enumerate() {
        if x.is_nan() || x.is_infinite() || x.fract() != 0.0 {
            // The parser takes a list for an int list when its first element is an int.
            return Err(Error::type_error(if i == 0 {
                "empty(): argument 'size' (position 1) must be tuple of ints, but found element of type float at pos 0".to_owned()
            } else {
                format!(
                    "empty(): argument 'size' failed to unpack the object at pos {} with error \"type must be tuple of ints,but got float\"",
                    i + 1
                )
            }));
        }
        if !(-TWO_63..TWO_63).contains(&x) {
            return Err(unpack_overflow("empty", i + 1));
        }
        sizes.push(x as i64);
    }
    numel(&sizes, dtype)?;
    Ok(sizes.iter().map(|&s| s as u64).collect())
}

/// The sizes of a tensor built from Python ints (a layer's weight shape): each must fit int64.
pub(super) fn sizes_from_ints(ints: &[i128]) -> Result<Vec<i64>> {
    ints.iter()
        .enumerate()
        .map(|(i, &x)| i64::try_from(x).map_err(|_| unpack_overflow("empty", i + 1)))
        .collect()
}

/// The element count of a tensor of `sizes` and `dtype`, with torch's checks: no negative
/// dimension, storage bytes and strides within int64.
pub(super) fn numel(sizes: &[i64], dtype: Dtype) -> Result<u64> {
    numel_of(sizes, dtype.item_size())
}

fn numel_of(sizes: &[i64], item_size: usize) -> Result<u64> {
    if let Some(negative) = sizes.iter().find(|&&s| s < 0) {
        return Err(runtime_error(format!(
            "Trying to create tensor with negative dimension {negative}: {}",
            list(sizes)
        )));
    }
    // `safe_multiply_u64`: the overflow flag is sticky, so [2**62, 2**62, 0] overflows although
    // its product is 0, while [0, 2**62, 2**62] does not (its strides do, below).
    let mut product: u64 = 1;
    let mut overflowed = false;
    for &s in sizes {
        let (p, o) = product.overflowing_mul(s as u64);
        product = p;
        overflowed |= o;
    }
    let (bytes, o) = product.overflowing_mul(item_size as u64);
    if overflowed || o || bytes > i64::MAX as u64 {
        return Err(runtime_error(format!(
            "Storage size calculation overflowed with sizes={}",
            list(sizes)
        )));
    }
    // Contiguous strides, last dimension first: stride[i] = stride[i + 1] * max(size[i + 1], 1).
    let mut stride: i64 = 1;
    let mut overflowed = false;
    for &s in sizes.iter().skip(1).rev() {
        let (p, o) = stride.overflowing_mul(s.max(1));
        stride = p;
        overflowed |= o;
    }
    if overflowed {
        return Err(runtime_error("Stride calculation overflowed".to_owned()));
    }
    Ok(product)
}

/// The element count of an existing tensor's shape (what `nn.init` receives), checked as torch
/// checked it when the tensor was made.
pub(super) fn shape_numel(shape: &[u64], dtype: Dtype) -> Result<u64> {
    let ints: Vec<i128> = shape.iter().map(|&s| i128::from(s)).collect();
    numel(&sizes_from_ints(&ints)?, dtype)
}

/// The length of a buffer of `numel` elements of `item_size` bytes, or the allocator's error
/// where it does not fit the address space (a 32-bit wasm memory).
pub(super) fn buffer_len(numel: u64, item_size: usize) -> Result<usize> {
    usize::try_from(numel).map_err(|_| cannot_allocate(u128::from(numel) * item_size as u128))
}

/// Sizes as torch prints an `IntArrayRef`: `[3, -2]`.
fn list(sizes: &[i64]) -> String {
    let items: Vec<String> = sizes.iter().map(i64::to_string).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(r: Result<impl core::fmt::Debug>) -> String {
        r.unwrap_err().to_string()
    }

    // Messages printed by torch 2.15.0 for torch.empty(...).
    #[test]
    fn shapes_are_checked_in_torchs_order() {
        let f32 = Dtype::Float32;
        assert_eq!(empty_shape(&[3.0, 4.0], f32).unwrap(), [3, 4]);
        assert_eq!(empty_shape(&[], f32).unwrap(), Vec::<u64>::new());
        assert_eq!(
            message(empty_shape(&[2.5, 3.0], f32)),
            "TypeError: empty(): argument 'size' (position 1) must be tuple of ints, but found element of type float at pos 0"
        );
        assert_eq!(
            message(empty_shape(&[-1.0, 2.5], f32)),
            "TypeError: empty(): argument 'size' failed to unpack the object at pos 2 with error \"type must be tuple of ints,but got float\""
        );
        assert_eq!(
            message(empty_shape(&[3.0, TWO_63], f32)),
            "TypeError: empty(): argument 'size' failed to unpack the object at pos 2 with error \"Overflow when unpacking long long"
        );
        let big = 2f64.powi(62);
        assert_eq!(
            message(empty_shape(&[-1.0, big, big], f32)),
            "RuntimeError: Trying to create tensor with negative dimension -1: [-1, 4611686018427387904, 4611686018427387904]"
        );
        assert_eq!(
            message(empty_shape(&[big, big, 0.0], f32)),
            "RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 4611686018427387904, 0]"
        );
        assert_eq!(
            message(empty_shape(&[0.0, big, big], f32)),
            "RuntimeError: Stride calculation overflowed"
        );
        let t = 2f64.powi(40);
        assert_eq!(
            empty_shape(&[t, 0.0, t], f32).unwrap(),
            [1 << 40, 0, 1 << 40]
        );
        assert_eq!(
            message(empty_shape(&[2f64.powi(60)], Dtype::Float64)),
            "RuntimeError: Storage size calculation overflowed with sizes=[1152921504606846976]"
        );
    }

    #[test]
    fn counts() {
        assert_eq!(empty_len(Some(5.0), Dtype::Int64).unwrap(), 5);
        assert_eq!(
            message(empty_len(Some(2.5), Dtype::Float32)),
            "TypeError: empty(): argument 'size' (position 1) must be tuple of ints, not float"
        );
        assert_eq!(
            message(empty_len(Some(-1.0), Dtype::Float32)),
            "RuntimeError: Trying to create tensor with negative dimension -1: [-1]"
        );
        assert_eq!(
            message(empty_len(Some(-1e30), Dtype::Float32)),
            "TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error \"Overflow when unpacking long long"
        );
        assert_eq!(
            message(empty_len(None, Dtype::Float32)),
            "TypeError: missing the count n (how many values to draw)"
        );
    }
}

//! PyTorch's default CPU generator (`torch.manual_seed`, `torch.rand`, `torch.randn`,
//! `torch.randint`), as PyTorch 2.15 computes it on x86-64 with AVX2.
//!
//! Sources: pytorch `aten/src/ATen/core/MT19937RNGEngine.h`, `CPUGeneratorImpl.cpp`,
//! `core/TransformationHelper.h`, `core/DistributionsHelper.h`,
//! `native/cpu/DistributionTemplates.h` and `native/cpu/avx_mathfun.h`; `torch/csrc/Generator.cpp`.

mod avx_mathfun;
mod generator;
mod normal_fill;

pub use generator::Generator;

use crate::error::{Error, ErrorKind, Result};

/// Validates a tensor length given as a JavaScript number, with PyTorch's messages.
pub fn size_from_f64(n: f64, function: &str) -> Result<usize> {
    if n.is_nan() || n.fract() != 0.0 || n.is_infinite() {
        // randint's size is its third positional argument.
        let position = if function == "randint" { 3 } else { 1 };
        return Err(Error::type_error(format!(
            "{function}(): argument 'size' (position {position}) must be tuple of ints, not float"
        )));
    }
    if n < 0.0 {
        return Err(Error::new(
            ErrorKind::RuntimeError,
            format!("Trying to create tensor with negative dimension {n}: [{n}]"),
        ));
    }
    if n >= usize::MAX as f64 {
        return Err(cannot_allocate(n, 4));
    }
    Ok(n as usize)
}

/// `DefaultCPUAllocator`'s out-of-memory error (alloc_cpu.cpp), without the C++ source location.
fn cannot_allocate(n: f64, item_size: u128) -> Error {
    Error::new(
        ErrorKind::RuntimeError,
        format!(
            "DefaultCPUAllocator: can't allocate memory: you tried to allocate {} bytes.",
            (n as u128).saturating_mul(item_size)
        ),
    )
}

/// Allocates a tensor buffer of `n` elements or fails as PyTorch's allocator does.
fn alloc<T>(n: usize) -> Result<Vec<T>> {
    crate::error::try_vec(n)
        .ok_or_else(|| cannot_allocate(n as f64, core::mem::size_of::<T>() as u128))
}

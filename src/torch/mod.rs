//! PyTorch's CPU generator and what draws from it, as the torch 2.15.0 x86-64 wheel computes it
//! (its AVX2 kernels, which AVX-512 CPUs run too): `torch.manual_seed`, `seed`, `initial_seed`,
//! `get_rng_state` / `set_rng_state`, `torch.Generator()`; `rand`, `randn`, `randint`,
//! `randperm`, `normal` and the in-place fills (`uniform_`, `normal_`, `random_`, `bernoulli_`,
//! `exponential_`) for float32, float64 and int64; dropout; `torch.nn.init` and the default
//! initialisation of Linear and convolution layers; a DataLoader's batches.
//!
//! Sources: pytorch `aten/src/ATen/core/MT19937RNGEngine.h`, `CPUGeneratorImpl.cpp`,
//! `core/TransformationHelper.h`, `core/DistributionsHelper.h`, `native/DistributionTemplates.h`,
//! `native/cpu/DistributionTemplates.h`, `native/cpu/avx_mathfun.h`, `native/Dropout.cpp`,
//! `native/TensorFactories.cpp`; `torch/csrc/Generator.cpp`; `torch/nn/init.py`,
//! `torch/nn/modules/{linear,conv}.py`, `torch/utils/data/{dataloader,sampler}.py`.

mod avx_mathfun;
mod cpp_format;
pub mod data;
mod distributions;
pub mod dropout;
mod dtype;
mod fma;
mod generator;
pub mod init;
pub mod layers;
mod normal_fill;
mod randperm;
mod state;

pub use dtype::{Dtype, TensorValues};
pub use generator::{Generator, DEFAULT_RNG_SEED, NORMAL_FILL_THRESHOLD, RANDINT_64BIT_THRESHOLD};
pub use randperm::RANDPERM_64BIT_THRESHOLD;
pub use state::RNG_STATE_SIZE;

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
    if n >= 9_223_372_036_854_775_808.0 {
        // Python's int does not fit the C int64 PyTorch unpacks sizes into.
        return Err(Error::type_error(format!(
            "{function}(): argument 'size' failed to unpack the object at pos 1 with error \"Overflow when unpacking long long"
        )));
    }
    // rand and randn make float32 tensors, randint int64 ones.
    let item_size: u128 = if function == "randint" { 8 } else { 4 };
    if (n as u128) * item_size >= 1 << 63 {
        return Err(Error::new(
            ErrorKind::RuntimeError,
            format!(
                "Storage size calculation overflowed with sizes=[{}]",
                n as u128
            ),
        ));
    }
    if n >= usize::MAX as f64 {
        return Err(cannot_allocate(n, item_size));
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

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
mod shape;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;
mod state;

pub use dtype::{Dtype, TensorValues};
pub use generator::{Generator, DEFAULT_RNG_SEED, NORMAL_FILL_THRESHOLD, RANDINT_64BIT_THRESHOLD};
pub use normal_fill::normal_fill_16;
pub use randperm::RANDPERM_64BIT_THRESHOLD;
pub use shape::{empty_len, empty_shape};
pub use state::RNG_STATE_SIZE;

use crate::error::Result;

/// Validates a tensor length given as a JavaScript number, with PyTorch's messages for `function`
/// (`rand` and `randn` make float32 tensors, `randint` int64 ones).
pub fn size_from_f64(n: f64, function: &str) -> Result<usize> {
    // randint's size is its third positional argument.
    let (position, dtype) = if function == "randint" {
        (3, Dtype::Int64)
    } else {
        (1, Dtype::Float32)
    };
    shape::count_from_f64(n, function, position, dtype.item_size())
}

/// Allocates a tensor buffer of `n` elements or fails as PyTorch's allocator does.
fn alloc<T>(n: usize) -> Result<Vec<T>> {
    crate::error::try_vec(n)
        .ok_or_else(|| shape::cannot_allocate(n as u128 * core::mem::size_of::<T>() as u128))
}

//! `normal_fill` for float32 tensors with at least 16 elements: the vectorised Box-Muller of
//! PyTorch's CPU kernel (`native/cpu/DistributionTemplates.h`, `normal_fill_16_AVX2` /
//! `NormalFill16<float, true>`), lane by lane.

use super::avx_mathfun;
use super::fma::fma_f32;

/// float32(2*pi) as `_mm256_set1_ps(2.0f * c10::pi<double>)` stores it: 0x40C90FDB.
const TWO_PI_F32: f32 = core::f32::consts::TAU;

/// Transforms 16 uniforms in place into 16 normals with the given mean and standard deviation.
/// Lane `j` pairs `data[j]` with `data[j + 8]`: the cosine branch lands in slot `j`, the sine
/// branch in slot `j + 8`.
pub(crate) fn normal_fill_16(data: &mut [f32], mean: f32, std: f32) {
    debug_assert_eq!(data.len(), 16);
    for j in 0..8 {
        let u1 = 1.0 - data[j];
        let u2 = data[j + 8];
        let radius = (-2.0 * avx_mathfun::log(u1)).sqrt();
        let theta = TWO_PI_F32 * u2;
        let (sin, cos) = avx_mathfun::sincos(theta);
        // `_mm256_fmadd_ps(radius * cos, std, mean)`.
        data[j] = fma_f32(radius * cos, std, mean);
        data[j + 8] = fma_f32(radius * sin, std, mean);
    }
}

/// Fills `data` (length >= 16, already holding one uniform per slot) with normals. Whole blocks
/// of 16 are transformed in order; a partial last block is handled by PyTorch by refilling the
/// *last* 16 slots with 16 fresh uniforms and transforming those, which overwrites some normals
/// of the previous block. `fresh_uniform` supplies those 16 draws.
pub(crate) fn normal_fill(
    data: &mut [f32],
    mean: f32,
    std: f32,
    mut fresh_uniform: impl FnMut() -> f32,
) {
    let n = data.len();
    debug_assert!(n >= 16);
    for block in data.chunks_exact_mut(16) {
        normal_fill_16(block, mean, std);
    }
    if n % 16 != 0 {
        let tail = &mut data[n - 16..];
        for slot in tail.iter_mut() {
            *slot = fresh_uniform();
        }
        normal_fill_16(tail, mean, std);
    }
}

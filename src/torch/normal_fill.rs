//! `normal_fill` for float32 tensors with at least 16 elements: the vectorised Box-Muller of
//! PyTorch's CPU kernel (`native/cpu/DistributionTemplates.h`, `normal_fill_16_AVX2` /
//! `NormalFill16<float, true>`), lane by lane, or four lanes at a time in the SIMD build
//! ([`super::simd`]).

use super::avx_mathfun;
use super::fma::fma_f32;

/// float32(2*pi) as `_mm256_set1_ps(2.0f * c10::pi<double>)` stores it: 0x40C90FDB.
const TWO_PI_F32: f32 = core::f32::consts::TAU;

/// Transforms 16 uniforms in place into 16 normals with the given mean and standard deviation.
/// Lane `j` pairs `data[j]` with `data[j + 8]`: the cosine branch lands in slot `j`, the sine
/// branch in slot `j + 8`. Four lanes at a time in the SIMD build (the scalar code redoes the
/// rare block that the SIMD code flags).
pub fn normal_fill_16(data: &mut [f32; 16], mean: f32, std: f32) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if crate::simd::active() {
        let mut out = [0.0; 16];
        if super::simd::normal_fill_16(data, &mut out, mean, std) {
            *data = out;
            return;
        }
    }
    normal_fill_16_scalar(data, mean, std);
}

/// [`normal_fill_16`] one lane at a time.
#[inline(never)]
fn normal_fill_16_scalar(data: &mut [f32; 16], mean: f32, std: f32) {
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

/// Uniforms drawn and transformed at a time by [`normal_fill`] (a multiple of 16).
const CHUNK: usize = 1024;

/// Fills `data` (length >= 16) with normals as PyTorch's `normal_fill` does: `data.len()`
/// uniforms drawn in order, each whole block of 16 transformed in order, and for a partial last
/// block, 16 fresh uniforms drawn into the *last* 16 slots and transformed, which overwrites some
/// normals of the previous block. `draw_uniforms` fills a slice with the next uniforms.
///
/// The draws are made a chunk at a time, each chunk transformed while it is in cache: the same
/// uniforms in the same order, since transforming draws nothing.
pub(crate) fn normal_fill(
    data: &mut [f32],
    mean: f32,
    std: f32,
    mut draw_uniforms: impl FnMut(&mut [f32]),
) {
    let n = data.len();
    debug_assert!(n >= 16);
    let whole = n - n % 16;
    for chunk in data[..whole].chunks_mut(CHUNK) {
        draw_uniforms(chunk);
        for block in chunk.chunks_exact_mut(16) {
            normal_fill_16(block.try_into().expect("16 slots"), mean, std);
        }
    }
    if n % 16 != 0 {
        // The partial block's own uniforms are drawn, then replaced.
        draw_uniforms(&mut data[whole..]);
        let tail = &mut data[n - 16..];
        draw_uniforms(tail);
        normal_fill_16(tail.try_into().expect("16 slots"), mean, std);
    }
}

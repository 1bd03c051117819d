//! The SIMD128 build option: which hot loops run four (or two) lanes at a time.
//!
//! Built for wasm32 with `-C target-feature=+simd128` (what `.cargo/config.toml` sets; see
//! `scripts/build.sh` for the scalar build), the hot loops of the generators use fixed-width
//! WebAssembly SIMD (never relaxed-simd, whose results depend on the CPU): MT19937's twist and
//! tempering, NumPy's word-to-double conversion, two glibc-identical `log`s at a time for the
//! legacy polar method, PyTorch's normal kernel four floats at a time. Built without it (natively,
//! or for engines without wasm SIMD such as Safari before 16.4), the same functions take their
//! scalar paths.
//!
//! Every SIMD path has a scalar twin that gives the same bits. [`set_scalar_only`] makes a SIMD
//! build take the scalar twins, so that tests can run both on the same inputs in one build and
//! compare them bit for bit.

use core::sync::atomic::{AtomicBool, Ordering};

/// Whether this build contains the SIMD128 paths.
pub const COMPILED: bool = cfg!(all(target_arch = "wasm32", target_feature = "simd128"));

static SCALAR_ONLY: AtomicBool = AtomicBool::new(false);

/// Makes every generator take its scalar path (`true`) or, in a SIMD build, its SIMD path again
/// (`false`, the default). The outputs are the same either way; only the speed differs.
pub fn set_scalar_only(scalar_only: bool) {
    SCALAR_ONLY.store(scalar_only, Ordering::Relaxed);
}

/// Whether the SIMD paths are compiled in and in use.
#[inline]
pub fn active() -> bool {
    COMPILED && !SCALAR_ONLY.load(Ordering::Relaxed)
}

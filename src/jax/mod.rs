//! JAX's `jax.random` with its default PRNG, Threefry-2x32, as jax/jaxlib 0.10 computes it on
//! the CPU in the default configuration: 32-bit mode (`jax_enable_x64=False`) and
//! `jax_threefry_partitionable=True` (the default since jax 0.5.0).
//!
//! JAX has no hidden state: a key is two `u32` words, `split` derives new keys, and every draw is
//! a pure function of a key and a shape (here always `(n,)`).
//!
//! | JAX | here |
//! |---|---|
//! | `jax.random.key_data(jax.random.key(seed))`, `jax.random.PRNGKey(seed)` | [`key`] |
//! | `jax.random.split(key, num)` | [`split`] |
//! | `jax.random.bits(key, (n,))` (uint32) | [`random_bits`] |
//! | `jax.random.uniform(key, (n,))` (float32 in [0, 1)) | [`uniform`] |
//! | `jax.random.normal(key, (n,))` (float32) | [`normal`] |
//!
//! Keys, splits, bits and uniforms are integer arithmetic and exact everywhere. Normals use
//! XLA:CPU's own `log1p` and `erf_inv` kernels, reproduced with their FMAs ([`xla_log1p`],
//! [`erf_inv`]); they match jaxlib 0.10.2 on x86-64 with AVX2 and FMA bit for bit, checked on all
//! 2**23 inputs `normal` can see. On CPUs without FMA, XLA does not fuse the polynomial steps
//! and about 4 % of JAX's own normals come out up to 3 ulp different; other XLA backends (GPU,
//! TPU) and other XLA versions may also round the last bit differently.
//!
//! Not reproduced: 64-bit mode (other keys for negative or large seeds, float64 draws), the
//! non-partitionable stream of jax < 0.5, `jax_random_seed_offset`, other PRNG implementations
//! (`rbg`, `unsafe_rbg`), `minval`/`maxval` other than 0 and 1, and shapes other than `(n,)`
//! (a shape's values are those of the flat `(n,)` draw, reshaped).
//!
//! Sources (Apache-2.0): jax-ml/jax `jax/_src/random/{core.py,prng.py,threefry2x32.py}`,
//! `jax/_src/config.py`, `CHANGELOG.md`; openxla/stablehlo
//! `stablehlo/transforms/ChloLegalizeToStablehlo.cpp`; openxla/xla
//! `xla/codegen/intrinsic/log1p.cc`.

mod erf_inv;
mod threefry;
mod xla_log1p;

pub use erf_inv::erf_inv;
pub use threefry::threefry2x32;
pub use xla_log1p::log1p as xla_log1p;

use crate::error::{Error, ErrorKind, Result};

/// A raw Threefry key, as `jax.random.key_data` shows it: `[k1, k2]`.
///
/// ```
/// use seedlab::jax::{self, Key};
///
/// // key = jax.random.key(17); jax.random.normal(key, (1,))
/// let key: Key = jax::key(17).unwrap();
/// assert_eq!(key, [0, 17]);
/// assert_eq!(jax::normal(key, 1).unwrap()[0], -0.6674840450286865_f64 as f32);
/// ```
pub type Key = [u32; 2];

/// `nextafter(-1, 0)` in float32: `normal` draws uniforms in `[LO, 1)` so that `erf_inv` stays
/// finite.
const NORMAL_LO: f32 = f32::from_bits(0xbf7f_ffff);

/// `jax.random.PRNGKey(seed)` / `jax.random.key_data(jax.random.key(seed))` in 32-bit mode.
///
/// The Python int becomes an int64 (`OverflowError` outside [-2**63, 2**63)), which 32-bit mode
/// then wraps to int32: the key is `[0, seed mod 2**32]`, its first word always 0.
pub fn key(seed: i128) -> Result<Key> {
    let seed = i64::try_from(seed).map_err(|_| {
        Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C long",
        )
    })?;
    // Quirk of x32 mode: `threefry_seed` shifts the (already int32) seed right by 32 for the
    // high word, which gives 0, so only the low 32 bits of the seed matter.
    Ok([0, seed as u32])
}

/// Key data as JAX validates it: exactly two words (JAX's message, without the repr of its PRNG
/// implementation that it appends).
pub fn key_from_words(words: &[u32]) -> Result<Key> {
    Key::try_from(words).map_err(|_| {
        Error::type_error(format!(
            "JAX encountered invalid PRNG key data: expected key_data.shape to end with (2,); \
             got shape=({},)",
            words.len()
        ))
    })
}

/// The counter pair Threefry encrypts for element `i` of a flat shape (`prng.iota_2x32_shape`):
/// the high and low words of the 64-bit index.
fn counter(i: u64) -> [u32; 2] {
    [(i >> 32) as u32, i as u32]
}

/// `jax.random.split(key, num)`: key `i` is Threefry of the counter `i` (the whole output pair,
/// not XOR-ed as for bits).
pub fn split(key: Key, num: usize) -> Result<Vec<Key>> {
    let mut out = alloc(num, 8)?;
    out.extend((0..num as u64).map(|i| threefry2x32(key, counter(i))));
    Ok(out)
}

/// `jax.random.bits(key, (n,), dtype=jnp.uint32)`: word `i` is the XOR of the two output words
/// of Threefry on counter `i`.
pub fn random_bits(key: Key, n: usize) -> Result<Vec<u32>> {
    let mut out = alloc(n, 4)?;
    out.extend((0..n as u64).map(|i| bits_at(key, i)));
    Ok(out)
}

fn bits_at(key: Key, i: u64) -> u32 {
    let [b1, b2] = threefry2x32(key, counter(i));
    b1 ^ b2
}

/// The float32 in [1, 2) whose mantissa is the top 23 bits of `bits`, minus 1: [0, 1 - 2**-23].
fn unit_float(bits: u32) -> f32 {
    f32::from_bits((bits >> 9) | 0x3f80_0000) - 1.0
}

/// `jax.random.uniform(key, (n,))`: float32 in [0, 1), 23 random bits each.
pub fn uniform(key: Key, n: usize) -> Result<Vec<f32>> {
    let mut out = alloc(n, 4)?;
    // `max(minval, f * (maxval - minval) + minval)` is exactly `f` for [0, 1).
    out.extend((0..n as u64).map(|i| unit_float(bits_at(key, i))));
    Ok(out)
}

/// `jax.random.normal(key, (n,))`: float32 `sqrt(2) * erf_inv(u)` with `u` uniform in
/// `[nextafter(-1, 0), 1)`.
pub fn normal(key: Key, n: usize) -> Result<Vec<f32>> {
    let mut out = alloc(n, 4)?;
    out.extend((0..n as u64).map(|i| normal_from_bits(bits_at(key, i))));
    Ok(out)
}

/// One standard normal from 32 random bits (only the top 23 are used).
pub fn normal_from_bits(bits: u32) -> f32 {
    // uniform(lo, hi=1): `f * (hi - lo) + lo`, where `hi - lo` rounds to 2 in float32 (the
    // product is exact, so the kernel's FMA changes nothing), then `max(lo, .)`.
    let u = (unit_float(bits) * 2.0 + NORMAL_LO).max(NORMAL_LO);
    core::f32::consts::SQRT_2 * erf_inv(u)
}

/// Validates a shape dimension given as a JavaScript number (`n` of `uniform`/`normal`, `num` of
/// `split`). `what` names the Python call for the messages: `"shape"` or `"split"`.
pub fn size_from_f64(n: f64, what: &str) -> Result<usize> {
    if n.is_nan() || n.is_infinite() || n.fract() != 0.0 {
        return Err(Error::type_error(if what == "split" {
            // `split(key, 2.5)`: Python's own message for a float where an int is required.
            "'float' object cannot be interpreted as an integer".to_owned()
        } else {
            format!(
                "Shapes must be 1D sequences of concrete values of integer type, got ({},).",
                python_float(n)
            )
        }));
    }
    if n < 0.0 {
        // JAX itself fails later, inside its compiler (MLIRError "invalid tensor dimension
        // size"); this states its documented contract instead.
        return Err(Error::value(format!(
            "shape must be a tuple of nonnegative integers, got ({n},)"
        )));
    }
    if n >= usize::MAX as f64 {
        return Err(out_of_memory(
            n as u128,
            if what == "split" { 8 } else { 4 },
        ));
    }
    Ok(n as usize)
}

/// A float as Python's `repr` shows the usual ones: `2.5`, `nan`, `inf`.
fn python_float(x: f64) -> String {
    if x.is_nan() {
        "nan".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_owned()
    } else {
        x.to_string()
    }
}

/// XLA's allocation failure (`jax.errors.JaxRuntimeError`, a `RuntimeError`).
fn out_of_memory(n: u128, item_size: u128) -> Error {
    Error::new(
        ErrorKind::RuntimeError,
        format!(
            "RESOURCE_EXHAUSTED: Out of memory allocating {} bytes.",
            n.saturating_mul(item_size)
        ),
    )
}

fn alloc<T>(n: usize, item_size: u128) -> Result<Vec<T>> {
    crate::error::try_vec(n).ok_or_else(|| out_of_memory(n as u128, item_size))
}

#[cfg(test)]
#[allow(clippy::excessive_precision)] // expected values keep the digits JAX printed
mod tests {
    use super::*;

    // Values printed by jax 0.10.2 (rng-algorithms.md section 7).
    #[test]
    fn seed_17() {
        let k = key(17).unwrap();
        assert_eq!(k, [0, 17]);
        assert_eq!(
            split(k, 2).unwrap(),
            [[1_410_583_977, 344_060_510], [677_216_225, 3_396_477_011]]
        );
        assert_eq!(bits_at(k, 0), 1_083_326_455);
        assert_eq!(
            normal(k, 5).unwrap(),
            [
                -0.6674840450286865_f32,
                1.1928467750549316,
                0.7245218753814697,
                -0.3257403075695038,
                0.6412950754165649
            ]
        );
    }

    #[test]
    fn seeds_wrap_to_32_bits() {
        assert_eq!(key(-1).unwrap(), [0, u32::MAX]);
        assert_eq!(key((1 << 32) + 5).unwrap(), [0, 5]);
        assert_eq!(key(i64::MIN.into()).unwrap(), [0, 0]);
        let err = key(1 << 63).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OverflowError);
        assert_eq!(err.message(), "Python int too large to convert to C long");
        assert!(key(-(1 << 63) - 1).is_err());
    }

    #[test]
    fn key_data_must_be_two_words() {
        assert_eq!(key_from_words(&[3, 4]).unwrap(), [3, 4]);
        assert_eq!(
            key_from_words(&[1, 2, 3]).unwrap_err().message(),
            "JAX encountered invalid PRNG key data: expected key_data.shape to end with (2,); \
             got shape=(3,)"
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(size_from_f64(3.0, "shape").unwrap(), 3);
        assert_eq!(
            size_from_f64(2.5, "shape").unwrap_err().message(),
            "Shapes must be 1D sequences of concrete values of integer type, got (2.5,)."
        );
        assert_eq!(
            size_from_f64(f64::NAN, "shape").unwrap_err().message(),
            "Shapes must be 1D sequences of concrete values of integer type, got (nan,)."
        );
        assert_eq!(
            size_from_f64(2.5, "split").unwrap_err().message(),
            "'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            size_from_f64(-1.0, "shape").unwrap_err().kind(),
            ErrorKind::ValueError
        );
        assert_eq!(
            size_from_f64(1e300, "shape").unwrap_err().kind(),
            ErrorKind::RuntimeError
        );
    }
}

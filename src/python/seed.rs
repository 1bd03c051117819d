//! `random.seed(a)`: how CPython turns a seed into MT19937's `init_by_array` key.
//!
//! Sources: CPython 3.11.7 `Lib/random.py` (`Random.seed`, version 2) and
//! `Modules/_randommodule.c` (`random_seed`, `random_seed_urandom`); `Python/pyhash.c`
//! (`_Py_HashDouble`) for float seeds.

use crate::error::{Error, Result};
use crate::py_int::PyInt;
use crate::{engines::Mt19937, entropy};
use sha2::{Digest, Sha512};

/// A seed as `random.seed(a)` / `random.Random(a)` accepts it.
///
/// ```
/// use seedlab::python::{PyInt, Random, Seed};
///
/// // random.seed(17) and random.seed("seedlab") (version 2: the string through SHA-512)
/// let mut by_int = Random::new(Some(&Seed::Int(PyInt::from(17_i128)))).unwrap();
/// assert_eq!(by_int.random(1).unwrap()[0], 0.5219839097124932);
/// let mut by_str = Random::new(Some(&Seed::Str("seedlab".into()))).unwrap();
/// assert!((0.0..1.0).contains(&by_str.random(1).unwrap()[0]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Seed {
    /// An int of any size and sign. Only its absolute value seeds: `seed(-17)` is `seed(17)`.
    Int(PyInt),
    /// A str: its UTF-8 bytes followed by their SHA-512 digest, read as one big-endian int.
    Str(String),
    /// bytes / bytearray: as a str, without the encoding step.
    Bytes(Vec<u8>),
    /// A float: seeds with `hash(a)`, which is not its absolute value: `seed(-17.0)` is
    /// `seed(2**64 - 17)`, while `seed(17.0)` is `seed(17)`.
    Float(f64),
}

impl From<i128> for Seed {
    fn from(value: i128) -> Self {
        Seed::Int(value.into())
    }
}

impl From<&str> for Seed {
    fn from(value: &str) -> Self {
        Seed::Str(value.to_owned())
    }
}

impl Seed {
    /// The seed `seed(a, version=version)` uses: version 1 turns a str or bytes into an int by
    /// Python 2's string hash (code points, or bytes as latin-1); version 2 (the default)
    /// keeps it for SHA-512 seeding. Other versions pass a str or bytes to `hash()`, which
    /// Python randomizes per process, so they are refused. Ints and floats are the same for
    /// every version.
    pub fn with_version(self, version: i128) -> Result<Seed> {
        let code_points: Vec<u32> = match (&self, version) {
            (Seed::Int(_) | Seed::Float(_), _) | (_, 2) => return Ok(self),
            (Seed::Str(text), 1) => text.chars().map(u32::from).collect(),
            (Seed::Bytes(bytes), 1) => bytes.iter().map(|&b| u32::from(b)).collect(),
            (_, v) => {
                return Err(Error::value(format!(
                    "a str or bytes seed with version {v} is seeded with hash(), which Python \
                     randomizes per process, so its stream cannot be reproduced"
                )))
            }
        };
        let mut x = code_points.first().map_or(0, |&c| u64::from(c) << 7);
        for &c in &code_points {
            x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
        }
        x ^= code_points.len() as u64;
        Ok(Seed::Int(PyInt::from(x)))
    }

    /// The `init_by_array` key CPython builds for this seed.
    pub fn key(&self) -> Result<Vec<u32>> {
        let int = match self {
            Seed::Int(int) => int.clone(),
            Seed::Str(text) => str_to_int(text.as_bytes()),
            Seed::Bytes(bytes) => str_to_int(bytes),
            Seed::Float(x) => {
                // `hash(x)` is cast to size_t: a negative hash wraps to 2**64 + hash.
                PyInt::from(hash_float(*x)? as u64)
            }
        };
        Ok(int_key(&int))
    }

    /// The engine CPython builds for this seed.
    pub(super) fn engine(&self) -> Result<Mt19937> {
        Ok(Mt19937::from_key(&self.key()?))
    }
}

/// Version-2 seeding of str/bytes: `int.from_bytes(a + sha512(a).digest())`, big-endian.
fn str_to_int(bytes: &[u8]) -> PyInt {
    let mut all = bytes.to_vec();
    all.extend_from_slice(&Sha512::digest(bytes));
    PyInt::from_be_bytes(&all)
}

/// `abs(n)` as 32-bit words, least significant first; 0 becomes the one-word key `[0]`
/// (`keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1`).
fn int_key(int: &PyInt) -> Vec<u32> {
    let words = int.magnitude_words();
    if words.is_empty() {
        vec![0]
    } else {
        words.to_vec()
    }
}

/// `_PyHASH_MODULUS`: the Mersenne prime 2**61 - 1 of `sys.hash_info` on 64-bit builds.
const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
const HASH_INF: i64 = 314_159;

/// `hash(x)` of a Python float on a 64-bit build (`_Py_HashDouble`): the exact rational value of
/// `x` reduced modulo 2**61 - 1, with its sign, where -1 (reserved for errors) becomes -2.
///
/// A NaN hashes by object identity since Python 3.10, so a NaN seed gives an unrepeatable stream;
/// that is refused here rather than imitated.
pub fn hash_float(x: f64) -> Result<i64> {
    if x.is_nan() {
        return Err(Error::value(
            "a NaN seed is hashed by object identity in Python 3.10+, so its stream cannot be \
             reproduced",
        ));
    }
    if x.is_infinite() {
        return Ok(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    // x = mantissa * 2**exponent exactly, with an integer mantissa below 2**53.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // 2**61 = 1 (mod 2**61 - 1), so multiplying by 2**e is a rotation by e mod 61.
    let rotation = exponent.rem_euclid(61) as u32;
    let reduced = (u128::from(mantissa) << rotation) % u128::from(HASH_MODULUS);
    let magnitude = reduced as i64;
    let hash = if x < 0.0 { -magnitude } else { magnitude };
    Ok(if hash == -1 { -2 } else { hash })
}

/// `random_seed_urandom`: 624 words of OS entropy through `init_by_array`.
pub(super) fn entropy_engine() -> Result<Mt19937> {
    let mut key = [0u32; Mt19937::STATE_WORDS];
    entropy::fill_words(&mut key)?;
    Ok(Mt19937::from_key(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values of `hash(x)` printed by CPython 3.11.7.
    #[test]
    fn float_hashes_match_cpython() {
        let cases: [(f64, i64); 10] = [
            (17.5, 1_152_921_504_606_846_993),
            (17.0, 17),
            (-17.0, -17),
            (0.5, 1_152_921_504_606_846_976),
            (-0.5, -1_152_921_504_606_846_976),
            (0.0, 0),
            (-1.0, -2),
            (1e300, 1_224_995_262_755_759_164),
            (5e-324, 16_777_216),
            (f64::INFINITY, 314_159),
        ];
        for (x, want) in cases {
            assert_eq!(hash_float(x).unwrap(), want, "hash({x:e})");
        }
        assert!(hash_float(f64::NAN).is_err());
    }

    #[test]
    fn keys() {
        assert_eq!(Seed::from(17).key().unwrap(), [17]);
        assert_eq!(Seed::from(-17).key().unwrap(), [17]);
        assert_eq!(Seed::from(0).key().unwrap(), [0]);
        assert_eq!(Seed::from((1 << 32) + 5).key().unwrap(), [5, 1]);
        assert_eq!(Seed::Float(17.0).key().unwrap(), [17]);
        assert_eq!(
            Seed::Float(-17.0).key().unwrap(),
            [(-17i64) as u64 as u32, u32::MAX]
        );
        // "" + sha512(b"").digest(): 64 bytes, 16 words.
        assert_eq!(Seed::from("").key().unwrap().len(), 16);
    }

    /// `random.seed('abc', version=1); random.random()` is 0.09639374978773074 in CPython 3.11.7,
    /// as is `random.seed(b'abc', version=1)`.
    #[test]
    fn version_1_strings() {
        let draw = |seed: Seed| {
            crate::python::Random::new(Some(&seed.with_version(1).unwrap()))
                .unwrap()
                .random(1)
                .unwrap()[0]
        };
        assert_eq!(draw(Seed::from("abc")), 0.09639374978773074);
        assert_eq!(draw(Seed::Bytes(b"abc".to_vec())), 0.09639374978773074);
        assert_eq!(draw(Seed::from("")), 0.8444218515250481);
        assert!(Seed::from("abc").with_version(3).is_err());
    }
}

//! `numpy.random.SeedSequence`: how `default_rng(seed)` turns a seed of any size into state.
//!
//! The seed ("entropy") is cut into 32-bit words, least significant first, and hashed into a pool
//! of four words; `generate_state` hashes the pool out into as many words as the bit generator
//! needs. This is O'Neill's `seed_seq` design as NumPy implements it.
//!
//! Source: numpy `random/bit_generator.pyx` (`_int_to_uint32_array`, `_coerce_to_uint32_array`,
//! `hashmix`, `mix`, `SeedSequence.__init__`, `mix_entropy`, `get_assembled_entropy`,
//! `generate_state`, `spawn`). Reproduced: integer and (nested) sequence entropy, OS entropy for
//! `None`, a `spawn_key` and `spawn`, `generate_state` as uint32 and uint64. Not reproduced:
//! `pool_size` other than 4, string entropy (`"0x11"`).

use crate::entropy;
use crate::error::{Error, Result};
use crate::numpy::py_repr::float_repr;
use crate::py_int::PyInt;

const POOL_SIZE: usize = 4;
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

macro_rules! entropy_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Entropy {
            fn from(v: $t) -> Self {
                Entropy::Int(PyInt::from(v))
            }
        }
    )*};
}

entropy_from!(u32, u64, i32, i64);

impl From<u128> for Entropy {
    fn from(v: u128) -> Self {
        Entropy::Int(v.into())
    }
}

impl From<i128> for Entropy {
    fn from(v: i128) -> Self {
        Entropy::Int(v.into())
    }
}

/// What `SeedSequence(entropy)` (and so `default_rng(seed)`) accepts: a non-negative int of any
/// size, or a sequence of them (nested sequences are flattened, as NumPy does).
///
/// ```
/// use seedlab::numpy::{default_rng, Entropy};
///
/// // default_rng(17) and default_rng([17]): the same entropy words, so the same stream, as
/// // in NumPy; default_rng([17, 1]) another.
/// let int = Entropy::from(17_u128);
/// let list = Entropy::from(vec![17_u128]);
/// let pair = Entropy::from(vec![17_u128, 1]);
/// let a = default_rng(Some(&int)).unwrap().random(1).unwrap();
/// let b = default_rng(Some(&list)).unwrap().random(1).unwrap();
/// let c = default_rng(Some(&pair)).unwrap().random(1).unwrap();
/// assert_eq!(int.uint32_words().unwrap(), [17]);
/// assert_eq!(a, b);
/// assert_ne!(a, c);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entropy {
    /// An int, which must not be negative (`SeedSequence(-1)` is NumPy's `ValueError`).
    Int(PyInt),
    /// A sequence of entropy, flattened in order: its ints' words are concatenated.
    Sequence(Vec<Entropy>),
}

impl<T: Into<Entropy>> From<Vec<T>> for Entropy {
    fn from(items: Vec<T>) -> Self {
        Entropy::Sequence(items.into_iter().map(Into::into).collect())
    }
}

impl Entropy {
    /// NumPy's error for a float seed: `default_rng(17.5)` names the value, a float inside a
    /// sequence (`default_rng([1.5])`) does not.
    pub fn float_error(value: f64, in_sequence: bool) -> Error {
        if in_sequence {
            Error::type_error("seed must be integer")
        } else {
            Error::type_error(format!(
                "SeedSequence expects int or sequence of ints for entropy not {}",
                float_repr(value)
            ))
        }
    }

    /// `_coerce_to_uint32_array(entropy)`: every int as its words, least significant first,
    /// concatenated in order. A negative int is NumPy's `ValueError`.
    pub fn uint32_words(&self) -> Result<Vec<u32>> {
        match self {
            Entropy::Int(int) => int_to_uint32_array(int),
            Entropy::Sequence(items) => {
                let mut words = Vec::new();
                for item in items {
                    words.extend(item.uint32_words()?);
                }
                Ok(words)
            }
        }
    }
}

/// `_int_to_uint32_array(n)`: the words of a non-negative int, least significant first; zero is
/// one word.
fn int_to_uint32_array(int: &PyInt) -> Result<Vec<u32>> {
    if int.is_negative() {
        return Err(Error::value("expected non-negative integer"));
    }
    if int.magnitude_words().is_empty() {
        return Ok(vec![0]);
    }
    Ok(int.magnitude_words().to_vec())
}

/// `hashmix(value, hash_const)`: the multiplier `hash_const` advances with every call.
fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut value = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    value = value.wrapping_mul(*hash_const);
    value ^ (value >> XSHIFT)
}

fn mix(x: u32, y: u32) -> u32 {
    let result = MIX_MULT_L
        .wrapping_mul(x)
        .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    result ^ (result >> XSHIFT)
}

/// `numpy.random.SeedSequence` with the default pool of four words.
///
/// ```
/// use seedlab::numpy::{Entropy, Generator, SeedSequence};
///
/// // Generator(PCG64(SeedSequence(17))) is default_rng(17).
/// let seq = SeedSequence::new(&Entropy::from(17_u128)).unwrap();
/// assert_eq!(seq.generate_state(4).len(), 4);
/// let mut rng = Generator::from_seed_sequence(seq);
/// assert_eq!(rng.standard_normal(1).unwrap()[0], 1.101262453505847);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedSequence {
    pool: [u32; POOL_SIZE],
    /// The run entropy's words (`_coerce_to_uint32_array(entropy)`), kept for `spawn`.
    entropy: Vec<u32>,
    /// `spawn_key`.
    spawn_key: Vec<PyInt>,
    /// `n_children_spawned`.
    children_spawned: u64,
}

impl SeedSequence {
    /// `SeedSequence(entropy)`.
    pub fn new(entropy: &Entropy) -> Result<Self> {
        SeedSequence::with_spawn_key(entropy, &[])
    }

    /// `SeedSequence(entropy, spawn_key=spawn_key)`: the spawn key's words follow the
    /// entropy's, which is first padded with zeros to the pool size (NumPy 1.19's fix for
    /// gh-16539, applied only when there is a spawn key, to keep the old streams).
    pub fn with_spawn_key(entropy: &Entropy, spawn_key: &[PyInt]) -> Result<Self> {
        SeedSequence::from_parts(entropy.uint32_words()?, spawn_key.to_vec())
    }

    /// `SeedSequence()`: 128 bits of OS entropy (`secrets.randbits(128)`), as an int.
    pub fn from_os_entropy() -> Result<Self> {
        SeedSequence::from_os_entropy_with_spawn_key(&[])
    }

    /// `SeedSequence(None, spawn_key=spawn_key)`.
    pub fn from_os_entropy_with_spawn_key(spawn_key: &[PyInt]) -> Result<Self> {
        let mut words = [0u32; POOL_SIZE];
        entropy::fill_words(&mut words)?;
        let int = PyInt::from_words(false, words.to_vec());
        SeedSequence::from_parts(int_to_uint32_array(&int)?, spawn_key.to_vec())
    }

    fn from_parts(entropy: Vec<u32>, spawn_key: Vec<PyInt>) -> Result<Self> {
        let mut assembled = entropy.clone();
        let mut spawn_words = Vec::new();
        for key in &spawn_key {
            spawn_words.extend(int_to_uint32_array(key)?);
        }
        if !spawn_words.is_empty() && assembled.len() < POOL_SIZE {
            assembled.resize(POOL_SIZE, 0);
        }
        assembled.extend(spawn_words);
        Ok(SeedSequence {
            pool: mix_entropy(&assembled),
            entropy,
            spawn_key,
            children_spawned: 0,
        })
    }

    /// `spawn(n_children)`: `n_children` new sequences with the same entropy and the spawn key
    /// extended by `n_children_spawned, n_children_spawned + 1, ...`; the count moves on.
    pub fn spawn(&mut self, n_children: u64) -> Vec<SeedSequence> {
        let first = self.children_spawned;
        self.children_spawned += n_children;
        (first..first + n_children)
            .map(|i| {
                let mut spawn_key = self.spawn_key.clone();
                spawn_key.push(PyInt::from(i));
                SeedSequence::from_parts(self.entropy.clone(), spawn_key)
                    .expect("spawn keys are non-negative")
            })
            .collect()
    }

    /// `spawn_key`.
    pub fn spawn_key(&self) -> &[PyInt] {
        &self.spawn_key
    }

    /// `n_children_spawned`.
    pub fn children_spawned(&self) -> u64 {
        self.children_spawned
    }
}

/// `mix_entropy(pool, entropy_words)`: the assembled entropy hashed into the pool.
fn mix_entropy(entropy: &[u32]) -> [u32; POOL_SIZE] {
    let mut hash_const = INIT_A;
    let mut pool = [0u32; POOL_SIZE];
    for (i, slot) in pool.iter_mut().enumerate() {
        *slot = hashmix(entropy.get(i).copied().unwrap_or(0), &mut hash_const);
    }
    for src in 0..POOL_SIZE {
        for dst in 0..POOL_SIZE {
            if src != dst {
                pool[dst] = mix(pool[dst], hashmix(pool[src], &mut hash_const));
            }
        }
    }
    for &word in entropy.iter().skip(POOL_SIZE) {
        for slot in pool.iter_mut() {
            *slot = mix(*slot, hashmix(word, &mut hash_const));
        }
    }
    pool
}

impl SeedSequence {
    /// The mixed pool (`SeedSequence.pool`).
    pub fn pool(&self) -> [u32; POOL_SIZE] {
        self.pool
    }

    /// `generate_state(n_words)` with dtype uint32: the pool, cycled and hashed again.
    pub fn generate_state(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        self.pool
            .iter()
            .cycle()
            .take(n_words)
            .map(|&word| {
                let mut value = word ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                value = value.wrapping_mul(hash_const);
                value ^ (value >> XSHIFT)
            })
            .collect()
    }

    /// `generate_state(n_words, np.uint64)`: twice as many 32-bit words, paired little-endian
    /// (the first word of each pair is the low half).
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state(2 * n_words)
            .chunks_exact(2)
            .map(|pair| u64::from(pair[0]) | (u64::from(pair[1]) << 32))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// numpy `random/tests/test_seed_sequence.py::test_reference_data` (from O'Neill's C++
    /// reference), first three rows.
    #[test]
    fn numpy_reference_data() {
        let rows: [([u32; 4], [u32; 4], [u64; 2]); 3] = [
            (
                [3735928559, 195939070, 229505742, 305419896],
                [3914649087, 576849849, 3593928901, 2229911004],
                [2477551240072187391, 9577394838764454085],
            ),
            (
                [3668361503, 4165561550, 1661411377, 3634257570],
                [2240804226, 3691353228, 1365957195, 2654016646],
                [15854241394484835714, 11398914698975566411],
            ),
            (
                [164546577, 4166754639, 1765190214, 1303880213],
                [3562296087, 3191708229, 1147942216, 3726991905],
                [13708282465491374871, 16007308345579681096],
            ),
        ];
        for (input, want32, want64) in rows {
            let ss = SeedSequence::new(&Entropy::from(input.to_vec())).unwrap();
            assert_eq!(ss.generate_state(4), want32);
            assert_eq!(ss.generate_state_u64(2), want64);
        }
    }

    #[test]
    fn ints_become_words_least_significant_first() {
        let words = |e: Entropy| e.uint32_words().unwrap();
        assert_eq!(words(0u32.into()), [0]);
        assert_eq!(words(((1u64 << 32) + 5).into()), [5, 1]);
        assert_eq!(words(u128::MAX.into()), [u32::MAX; 4]);
        assert_eq!(
            words(vec![Entropy::from(1u32), vec![2u32, 3].into()].into()),
            [1, 2, 3]
        );
        assert_eq!(words(Vec::<u32>::new().into()), [0u32; 0]);
        let big = PyInt::parse(
            "1606938044258990275541962092341162602522202993782792835301376",
            10,
        )
        .unwrap(); // 2**200
        assert_eq!(words(Entropy::Int(big)), [0, 0, 0, 0, 0, 0, 256]);
        assert_eq!(PyInt::parse("-ff", 16), Some(PyInt::from(-255i32)));
        assert_eq!(PyInt::parse("12x", 10), None);
        assert_eq!(
            Entropy::from(-1i32).uint32_words().unwrap_err().to_string(),
            "ValueError: expected non-negative integer"
        );
    }
}

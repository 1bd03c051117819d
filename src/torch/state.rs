//! `torch.get_rng_state()` / `set_rng_state()` (and `Generator.get_state()` / `set_state()`):
//! the generator as the 5056 bytes of `CPUGeneratorImplState` (`CPUGeneratorImpl.cpp`), and
//! `torch.seed()`.
//!
//! Layout (little-endian, x86-64): `u64 the_initial_seed` at 0, `i32 left` at 8, `i32 seeded`
//! at 12, `u64 next` at 16, the 624 engine words as `u64` at 24, `f64 normal_x` at 5016 (always
//! 0), `f64 normal_y` at 5024 (the cached double normal), `f64 normal_rho` at 5032 (0), `i32
//! normal_is_valid` at 5040, 4 bytes of padding, `f32 next_float_normal_sample` at 5048, `bool`
//! valid flag at 5052, 3 bytes of padding (zeros: torch builds the struct zero-initialised).

use super::distributions::runtime_error;
use super::Generator;
use crate::engines::Mt19937;
use crate::entropy;
use crate::error::Result;

/// `sizeof(CPUGeneratorImplState)`.
pub const RNG_STATE_SIZE: usize = 5056;

const WORDS: usize = Mt19937::STATE_WORDS;
const NORMAL_Y: usize = 24 + 8 * WORDS + 8;
const NORMAL_IS_VALID: usize = NORMAL_Y + 16;
const FLOAT_NORMAL: usize = NORMAL_IS_VALID + 8;
const FLOAT_NORMAL_VALID: usize = FLOAT_NORMAL + 4;

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}

fn read_i32(bytes: &[u8], at: usize) -> i32 {
    i32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

impl Generator {
    /// `torch.get_rng_state()`: the state as torch's 5056 bytes (a `uint8` tensor in Python).
    pub fn get_state(&self) -> Vec<u8> {
        let (words, index) = self.mt.state();
        // torch counts `left_` down to a twist and `next_` up through the words; right after
        // seeding it reports left 1, next 0.
        let (left, next) = match self.pending_next {
            Some(next) => (1, next),
            None => (625 - index as i32, index as u32),
        };
        let mut bytes = vec![0u8; RNG_STATE_SIZE];
        bytes[0..8].copy_from_slice(&self.initial_seed.to_le_bytes());
        bytes[8..12].copy_from_slice(&left.to_le_bytes());
        bytes[12..16].copy_from_slice(&1i32.to_le_bytes());
        bytes[16..24].copy_from_slice(&u64::from(next).to_le_bytes());
        for (i, word) in words.iter().enumerate() {
            bytes[24 + 8 * i..32 + 8 * i].copy_from_slice(&u64::from(*word).to_le_bytes());
        }
        if let Some(normal) = self.cached_normal {
            bytes[NORMAL_Y..NORMAL_Y + 8].copy_from_slice(&normal.to_le_bytes());
            bytes[NORMAL_IS_VALID..NORMAL_IS_VALID + 4].copy_from_slice(&1i32.to_le_bytes());
        }
        if let Some(normal) = self.cached_float_normal {
            bytes[FLOAT_NORMAL..FLOAT_NORMAL + 4].copy_from_slice(&normal.to_le_bytes());
            bytes[FLOAT_NORMAL_VALID] = 1;
        }
        bytes
    }

    /// `torch.set_rng_state(state)` from the 5056 bytes, with torch's checks. On error the
    /// generator is unchanged.
    ///
    /// seedlab reproduces every state `get_rng_state` can return (`left + next = 625`, or `left`
    /// 1 with any `next`). Other combinations that torch's validity check lets through (bytes
    /// edited by hand) are refused with a message saying so.
    pub fn set_state(&mut self, bytes: &[u8]) -> Result<()> {
        if bytes.len() != RNG_STATE_SIZE {
            return Err(runtime_error(format!(
                "Expected a CPUGeneratorImplState of size {RNG_STATE_SIZE} but found the input RNG state size to be {}",
                bytes.len()
            )));
        }
        let left = read_i32(bytes, 8);
        let seeded = read_i32(bytes, 12) != 0;
        // `static_cast<uint32_t>(legacy_pod->next)`.
        let next = read_u64(bytes, 16) as u32;
        if !(seeded && left > 0 && left <= WORDS as i32 && next <= WORDS as u32) {
            return Err(runtime_error("Invalid mt19937 state"));
        }
        let (index, pending_next) = if left == 1 {
            (WORDS, Some(next))
        } else if left as u32 + next == 625 {
            (next as usize, None)
        } else {
            return Err(runtime_error(format!(
                "seedlab reproduces the generator states torch.get_rng_state() returns, where left + next = 625 or left = 1; this one has left={left}, next={next}"
            )));
        };
        let mut words = [0u32; WORDS];
        for (i, word) in words.iter_mut().enumerate() {
            // The legacy layout stores each 32-bit word in a u64; torch keeps the low half.
            *word = read_u64(bytes, 24 + 8 * i) as u32;
        }
        self.mt = Mt19937::from_state(words, index);
        self.pending_next = pending_next;
        self.initial_seed = read_u64(bytes, 0);
        self.cached_normal = (read_i32(bytes, NORMAL_IS_VALID) != 0)
            .then(|| f64::from_le_bytes(bytes[NORMAL_Y..NORMAL_Y + 8].try_into().expect("8")));
        self.cached_float_normal = (bytes[FLOAT_NORMAL_VALID] != 0).then(|| {
            f32::from_le_bytes(bytes[FLOAT_NORMAL..FLOAT_NORMAL + 4].try_into().expect("4"))
        });
        Ok(())
    }

    /// `torch.seed()` / `Generator.seed()`: reseeds from 64 bits of OS entropy and returns the
    /// seed (which `initial_seed()` then reports).
    pub fn seed(&mut self) -> Result<u64> {
        let seed = entropy::u64()?;
        *self = Generator::new(seed);
        Ok(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_bytes() {
        let mut g = Generator::new(17);
        let fresh = g.get_state();
        assert_eq!((read_i32(&fresh, 8), read_u64(&fresh, 16)), (1, 0));
        g.randn(3).unwrap();
        let saved = g.get_state();
        let a = g.randn(20).unwrap();
        g.set_state(&saved).unwrap();
        assert_eq!(g.get_state(), saved);
        assert_eq!(g.randn(20).unwrap(), a);
        g.set_state(&fresh).unwrap();
        assert_eq!(g.get_state(), fresh);
        assert_eq!(g.randn(5).unwrap(), Generator::new(17).randn(5).unwrap());
        assert_eq!(
            g.set_state(&[0; 10]).unwrap_err().to_string(),
            "RuntimeError: Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 10"
        );
        assert_eq!(
            g.set_state(&[0; RNG_STATE_SIZE]).unwrap_err().message(),
            "Invalid mt19937 state"
        );
    }
}

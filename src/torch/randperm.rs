//! `torch.randperm(n)` on the CPU (`randperm_cpu` in `native/TensorFactories.cpp`, torch 2.15),
//! int64 output.

use super::dtype::Dtype;
use super::generator::int64_arg;
use super::shape::{buffer_len, numel};
use super::{alloc, Generator};
use crate::error::Result;

/// Below this `n` (`UINT32_MAX / 20`) torch keeps its original shuffle, drawing one 32-bit word
/// per position; from it on, the "inside-out" Fisher-Yates with one 64-bit draw per element.
pub const RANDPERM_64BIT_THRESHOLD: u64 = u32::MAX as u64 / 20;

impl Generator {
    /// `torch.randperm(n, generator=g)`.
    ///
    /// For `n < 214748364`: start from `0..n`, then for `i` in `0..n-1` swap slot `i` with slot
    /// `i + random() % (n - i)` (biased modulo, as torch). From that size on: for `i` in `0..n`,
    /// `z = random64() % (i + 1)`, `r[i] = r[z]`, `r[z] = i`.
    pub fn randperm(&mut self, n: i128) -> Result<Vec<i64>> {
        let n = int64_arg(n)?;
        // `at::empty({n})` fails first for a negative or too large n.
        let len = buffer_len(numel(&[n], Dtype::Int64)?, Dtype::Int64.item_size())?;
        let mut r: Vec<i64> = alloc(len)?;
        if (n as u64) < RANDPERM_64BIT_THRESHOLD {
            r.extend(0..n);
            for i in 0..len.saturating_sub(1) {
                let z = i64::from(self.random()) % (n - i as i64);
                r.swap(i, i + z as usize);
            }
        } else {
            r.resize(len, 0);
            for i in 0..len {
                let z = (self.random64() % (i as u64 + 1)) as usize;
                r[i] = r[z];
                r[z] = i as i64;
            }
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_permutations_are_permutations() {
        let mut g = Generator::new(0);
        for n in 0..50 {
            let mut p = g.randperm(n).unwrap();
            p.sort_unstable();
            assert_eq!(p, (0..n as i64).collect::<Vec<_>>());
        }
        assert_eq!(
            g.randperm(-1).unwrap_err().to_string(),
            "RuntimeError: Trying to create tensor with negative dimension -1: [-1]"
        );
    }
}

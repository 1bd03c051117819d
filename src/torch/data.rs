//! `torch.utils.data.DataLoader` with `num_workers=0` over a map-style dataset (a list or a
//! `TensorDataset`): which indices each batch holds, and every draw it makes, in torch 2.15's
//! order (`utils/data/dataloader.py`, `sampler.py`).
//!
//! Each `iter(loader)` (each `for batch in loader`) first draws a base seed for workers,
//! `torch.empty((), dtype=torch.int64).random_(generator=loader.generator)`, even with no workers.
//! The sampler starts on the first batch. `SequentialSampler` draws nothing. A `RandomSampler`
//! without a generator seeds a private `torch.Generator()` with one more `random_()` from the
//! default generator, so every epoch (and every reseed) gives a new order; with `generator=g` it
//! draws from `g` directly. Without replacement it yields `randperm(n)` `num_samples // n` times,
//! then `randperm(n)[:num_samples % n]` — a permutation drawn even when that slice is empty, as
//! the epoch ends. With replacement it yields `randint(0, n, (32,))` chunks, then the rest.
//!
//! Draws happen when Python's generators run, which this reproduces: call [`DataLoader::iter`]
//! when Python calls `iter(loader)` and [`DataLoaderIter::next_batch`] for each `next()`.

use super::dtype::{Dtype, TensorValues};
use super::Generator;
use crate::error::{Error, ErrorKind, Result};

/// The loader's sampler.
///
/// ```
/// use seedlab::torch::data::{DataLoader, Sampler};
/// use seedlab::torch::Generator;
///
/// // DataLoader(range(10), batch_size=5) draws nothing: a SequentialSampler.
/// let loader = DataLoader::with_sampler(10, Sampler::Sequential, Some(5), false).unwrap();
/// let batches = loader.epoch(&mut Generator::new(0)).unwrap();
/// assert_eq!(batches, [vec![0, 1, 2, 3, 4], vec![5, 6, 7, 8, 9]]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sampler {
    /// `SequentialSampler` (`shuffle=False`).
    Sequential,
    /// `RandomSampler(dataset, replacement, num_samples, generator)` (`shuffle=True` gives
    /// `RandomSampler(dataset, generator=loader.generator)`). `has_generator` says whether it was
    /// given one; the caller passes that generator, or the default one, to `next_batch`.
    Random {
        /// `replacement`: `randint` chunks of 32 instead of permutations.
        replacement: bool,
        /// `num_samples` (None: the dataset's length).
        num_samples: Option<i128>,
        /// Whether the sampler was given a `generator`.
        has_generator: bool,
    },
}

/// A `DataLoader(dataset, batch_size, shuffle, sampler, drop_last, generator)` over a dataset of
/// `len` items.
///
/// ```
/// use seedlab::torch::data::DataLoader;
/// use seedlab::torch::Generator;
///
/// // torch.manual_seed(0); list(DataLoader(range(10), batch_size=4, shuffle=True))
/// let loader = DataLoader::new(10, Some(4), true, false, false).unwrap();
/// let batches = loader.epoch(&mut Generator::new(0)).unwrap();
/// assert_eq!(batches, [vec![6, 7, 1, 4], vec![2, 0, 9, 8], vec![3, 5]]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataLoader {
    len: u64,
    sampler: Sampler,
    /// How many indices the sampler yields: `len`, or a RandomSampler's `num_samples`.
    samples: u64,
    /// None: no automatic batching (`batch_size=None`): each "batch" is one index.
    batch_size: Option<u64>,
    drop_last: bool,
}

/// `len(dataset)` as Python's `len()` accepts it.
fn dataset_len(len: i128) -> Result<u64> {
    if len < 0 {
        return Err(Error::value("__len__() should return >= 0"));
    }
    // `Py_ssize_t`.
    u64::try_from(len)
        .ok()
        .filter(|&len| len <= i64::MAX as u64)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )
        })
}

impl DataLoader {
    /// `DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
    /// generator=g if has_generator)` over a dataset of `len` items, with the errors torch
    /// raises.
    pub fn new(
        len: i128,
        batch_size: Option<i128>,
        shuffle: bool,
        drop_last: bool,
        has_generator: bool,
    ) -> Result<DataLoader> {
        let sampler = if shuffle {
            Sampler::Random {
                replacement: false,
                num_samples: None,
                has_generator,
            }
        } else {
            Sampler::Sequential
        };
        DataLoader::with_sampler(len, sampler, batch_size, drop_last)
    }

    /// `DataLoader(dataset, sampler=..., batch_size, drop_last)`, in torch's order of checks:
    /// `batch_size=None` with `drop_last`, the sampler's `num_samples`, then `batch_size`.
    pub fn with_sampler(
        len: i128,
        sampler: Sampler,
        batch_size: Option<i128>,
        drop_last: bool,
    ) -> Result<DataLoader> {
        let len = dataset_len(len)?;
        if batch_size.is_none() && drop_last {
            return Err(Error::value(
                "batch_size=None option disables auto-batching and is mutually exclusive with drop_last",
            ));
        }
        let samples = match sampler {
            Sampler::Sequential => len,
            Sampler::Random { num_samples, .. } => {
                let num_samples = num_samples.unwrap_or(i128::from(len));
                if num_samples <= 0 {
                    return Err(Error::value(format!(
                        "num_samples should be a positive integer value, but got num_samples={num_samples}"
                    )));
                }
                // More samples than u64 holds would take longer than any epoch runs.
                u64::try_from(num_samples).unwrap_or(u64::MAX)
            }
        };
        let batch_size = match batch_size {
            Some(b) if b <= 0 => {
                return Err(Error::value(format!(
                    "batch_size should be a positive integer value, but got batch_size={b}"
                )))
            }
            Some(b) => Some(u64::try_from(b).unwrap_or(u64::MAX)),
            None => None,
        };
        Ok(DataLoader {
            len,
            sampler,
            samples,
            batch_size,
            drop_last,
        })
    }

    /// `len(loader)`: the number of batches an epoch yields.
    pub fn len(&self) -> u64 {
        match self.batch_size {
            None => self.samples,
            Some(b) if self.drop_last => self.samples / b,
            Some(b) => self.samples.div_ceil(b),
        }
    }

    /// Whether an epoch yields no batch.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `iter(loader)`: draws the base seed from `loader_generator` (the loader's `generator`, or
    /// the default generator when it has none).
    pub fn iter(&self, loader_generator: &mut Generator) -> DataLoaderIter {
        let base_seed = (loader_generator.random64() & (u64::MAX >> 1)) as i64;
        DataLoaderIter {
            loader: self.clone(),
            base_seed,
            sampler: SamplerState::NotStarted,
            batches_done: false,
        }
    }

    /// Every batch of one full epoch (`[b for b in loader]`) when the loader and its sampler
    /// draw from the same generator (the loader's, or the default one).
    pub fn epoch(&self, generator: &mut Generator) -> Result<Vec<Vec<i64>>> {
        let mut it = self.iter(generator);
        let mut batches = Vec::new();
        while let Some(batch) = it.next_batch(generator)? {
            batches.try_reserve(1).map_err(|_| out_of_memory())?;
            batches.push(batch);
        }
        Ok(batches)
    }
}

/// Python's `MemoryError` for a list that does not fit.
fn out_of_memory() -> Error {
    Error::new(ErrorKind::MemoryError, "")
}

/// Where a sampler's Python generator stands.
#[derive(Clone, Debug)]
enum SamplerState {
    NotStarted,
    /// `iter(range(len))`: the next index.
    Sequential {
        next: u64,
    },
    Random {
        /// The private generator of a RandomSampler without one.
        own: Option<Box<Generator>>,
        /// Values of the current chunk (a permutation or a randint block) not yet yielded.
        chunk: Vec<i64>,
        next: usize,
        /// Chunks still to draw after this one: full ones, then the last (possibly empty) one.
        full_chunks_left: u64,
        last_chunk_len: Option<u64>,
    },
    Done,
}

/// One `iter(loader)`: yields the index batches of an epoch.
///
/// ```
/// use seedlab::torch::data::DataLoader;
/// use seedlab::torch::Generator;
///
/// // it = iter(loader); next(it); ... as DataLoader.epoch does it
/// let loader = DataLoader::new(10, Some(4), true, false, false).unwrap();
/// let mut g = Generator::new(0);
/// let mut it = loader.iter(&mut g);
/// assert_eq!(it.next_batch(&mut g).unwrap(), Some(vec![6, 7, 1, 4]));
/// assert_eq!(it.next_batch(&mut g).unwrap(), Some(vec![2, 0, 9, 8]));
/// assert_eq!(it.next_batch(&mut g).unwrap(), Some(vec![3, 5]));
/// assert_eq!(it.next_batch(&mut g).unwrap(), None);
/// ```
#[derive(Clone, Debug)]
pub struct DataLoaderIter {
    loader: DataLoader,
    base_seed: i64,
    sampler: SamplerState,
    batches_done: bool,
}

impl DataLoaderIter {
    /// The `_base_seed` drawn when the iterator was made (workers would be seeded from it).
    pub fn base_seed(&self) -> i64 {
        self.base_seed
    }

    /// `next(it)`: the next batch of indices, or None at the end of the epoch. `sampler_generator`
    /// is the sampler's generator (the loader's `generator`), or the default generator when it
    /// has none (a RandomSampler then draws its own seed from it).
    pub fn next_batch(&mut self, sampler_generator: &mut Generator) -> Result<Option<Vec<i64>>> {
        if self.batches_done {
            return Ok(None);
        }
        let batch = match self.loader.batch_size {
            None => self.next_index(sampler_generator)?.map(|i| vec![i]),
            Some(size) => {
                // `zip(*[sampler_iter] * batch_size)` with drop_last (a short last batch is
                // pulled, then dropped); else `[*itertools.islice(sampler_iter, batch_size)]`.
                let mut batch = Vec::new();
                while (batch.len() as u64) < size {
                    match self.next_index(sampler_generator)? {
                        Some(i) => {
                            batch.try_reserve(1).map_err(|_| out_of_memory())?;
                            batch.push(i);
                        }
                        None => break,
                    }
                }
                let complete = batch.len() as u64 == size;
                (complete || (!self.loader.drop_last && !batch.is_empty())).then_some(batch)
            }
        };
        if batch.is_none() {
            self.batches_done = true;
        }
        Ok(batch)
    }

    /// One `next(sampler_iter)`.
    fn next_index(&mut self, generator: &mut Generator) -> Result<Option<i64>> {
        let n = self.loader.len;
        loop {
            match &mut self.sampler {
                SamplerState::Done => return Ok(None),
                SamplerState::NotStarted => {
                    self.sampler = match self.loader.sampler {
                        Sampler::Sequential => SamplerState::Sequential { next: 0 },
                        Sampler::Random {
                            replacement,
                            has_generator,
                            ..
                        } => {
                            let own = (!has_generator).then(|| {
                                // seed = int(torch.empty((), dtype=torch.int64).random_().item())
                                let seed = generator.random64() & (u64::MAX >> 1);
                                Box::new(Generator::new(seed))
                            });
                            let samples = self.loader.samples;
                            let block = if replacement { 32 } else { n };
                            if block == 0 {
                                // `range(self.num_samples // n)` on an empty dataset, after the
                                // seed draw; the generator is finished by the exception.
                                self.sampler = SamplerState::Done;
                                return Err(Error::new(
                                    ErrorKind::ZeroDivisionError,
                                    "integer division or modulo by zero",
                                ));
                            }
                            SamplerState::Random {
                                own,
                                chunk: Vec::new(),
                                next: 0,
                                full_chunks_left: samples / block,
                                last_chunk_len: Some(samples % block),
                            }
                        }
                    };
                }
                SamplerState::Sequential { next } => {
                    if *next < n {
                        *next += 1;
                        // len fits int64 (`dataset_len`).
                        return Ok(Some((*next - 1) as i64));
                    }
                    self.sampler = SamplerState::Done;
                }
                SamplerState::Random {
                    own,
                    chunk,
                    next,
                    full_chunks_left,
                    last_chunk_len,
                } => {
                    if let Some(&i) = chunk.get(*next) {
                        *next += 1;
                        return Ok(Some(i));
                    }
                    let replacement = matches!(
                        self.loader.sampler,
                        Sampler::Random {
                            replacement: true,
                            ..
                        }
                    );
                    let take = if *full_chunks_left > 0 {
                        *full_chunks_left -= 1;
                        if replacement {
                            32
                        } else {
                            n
                        }
                    } else if let Some(len) = last_chunk_len.take() {
                        len
                    } else {
                        self.sampler = SamplerState::Done;
                        continue;
                    };
                    let g = match own {
                        Some(own) => own.as_mut(),
                        None => &mut *generator,
                    };
                    *chunk = if replacement {
                        // torch.randint(high=n, size=(take,), dtype=torch.int64, generator=g);
                        // take <= 32.
                        match g.random_from_to_(
                            Dtype::Int64,
                            take as usize,
                            0,
                            Some(i128::from(n)),
                        )? {
                            TensorValues::Int64(v) => v,
                            _ => unreachable!("int64 requested"),
                        }
                    } else {
                        // take <= n, the permutation's length.
                        let mut perm = g.randperm(i128::from(n))?;
                        perm.truncate(take as usize);
                        perm
                    };
                    *next = 0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_batches() {
        let loader = DataLoader::new(10, Some(3), false, false, false).unwrap();
        let mut g = Generator::new(0);
        assert_eq!(
            loader.epoch(&mut g).unwrap(),
            vec![vec![0, 1, 2], vec![3, 4, 5], vec![6, 7, 8], vec![9]]
        );
        assert_eq!(loader.len(), 4);
        let loader = DataLoader::new(10, Some(3), false, true, false).unwrap();
        assert_eq!(loader.epoch(&mut g).unwrap().len(), 3);
    }

    #[test]
    fn sizes_need_no_memory_of_their_own() {
        // range(2**62) is lazy in Python, and so are these indices.
        let loader = DataLoader::new(1 << 62, Some(2), false, false, false).unwrap();
        assert_eq!(loader.len(), 1 << 61);
        let mut g = Generator::new(0);
        let mut it = loader.iter(&mut g);
        assert_eq!(it.next_batch(&mut g).unwrap(), Some(vec![0, 1]));
        // A batch size far beyond the dataset: one batch of everything.
        let loader = DataLoader::new(3, Some(1 << 62), false, false, false).unwrap();
        assert_eq!(loader.epoch(&mut g).unwrap(), vec![vec![0, 1, 2]]);
        assert_eq!(
            DataLoader::new(-1, Some(1), false, false, false)
                .unwrap_err()
                .to_string(),
            "ValueError: __len__() should return >= 0"
        );
    }
}

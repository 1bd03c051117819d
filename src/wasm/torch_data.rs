//! `TorchDataLoader`: which indices `torch.utils.data.DataLoader` (`num_workers=0`) puts in each
//! batch, drawing from `TorchGenerator`s when torch does: `iter(loader)` draws the workers' base
//! seed, the first `next()` the sampler's.
//!
//! Each call takes the one generator that call draws from, since a loader and its sampler may
//! draw from different ones (and a loader's `generator=` may be the default generator itself):
//! `iter` the loader's `generator=` (else the default generator), `nextBatch` the sampler's
//! (with `shuffle=True` the loader's `generator=`; else the default generator).

use super::int_arg;
use super::torch::JsTorchGenerator;
use crate::torch::data::{DataLoader, DataLoaderIter, Sampler};
use wasm_bindgen::prelude::*;

/// The batches an epoch yields, each a `BigInt64Array` of dataset indices.
fn batches_to_js(batches: Vec<Vec<i64>>) -> Vec<js_sys::BigInt64Array> {
    batches
        .iter()
        .map(|batch| js_sys::BigInt64Array::from(&batch[..]))
        .collect()
}

/// An int (Number or BigInt) or, for undefined / null, Python's `None`.
fn optional_int(value: &JsValue, name: &str) -> Result<Option<i128>, JsValue> {
    Ok(super::given(value).map(|v| int_arg(v, name)).transpose()?)
}

/// `torch.utils.data.DataLoader` over a map-style dataset of `len` items (a list or a
/// `TensorDataset`), with `num_workers=0`.
///
/// ```js
/// // torch.manual_seed(0); list(DataLoader(range(10), batch_size=4, shuffle=True))
/// new TorchDataLoader(10, 4, true).epoch(new TorchGenerator(0)); // [[6n, 7n, 1n, 4n], [2n, 0n, 9n, 8n], [3n, 5n]]
/// ```
#[wasm_bindgen(js_name = TorchDataLoader)]
pub struct JsTorchDataLoader {
    inner: DataLoader,
}

#[wasm_bindgen(js_class = TorchDataLoader)]
impl JsTorchDataLoader {
    /// `DataLoader(dataset, batch_size=batchSize, shuffle=shuffle, drop_last=dropLast,
    /// generator=g)` where `len(dataset) == len` and `hasGenerator` says whether a `generator=`
    /// was given. `batchSize` null is `batch_size=None` (no batching: each batch is one index);
    /// `shuffle` and `dropLast` default to false, as in torch.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] len: JsValue,
        #[wasm_bindgen(js_name = batchSize, unchecked_param_type = "number | bigint | null")]
        batch_size: JsValue,
        shuffle: Option<bool>,
        #[wasm_bindgen(js_name = dropLast)] drop_last: Option<bool>,
        #[wasm_bindgen(js_name = hasGenerator)] has_generator: Option<bool>,
    ) -> Result<JsTorchDataLoader, JsValue> {
        let len = int_arg(&len, "len")?;
        let batch_size = optional_int(&batch_size, "batchSize")?;
        let inner = DataLoader::new(
            len,
            batch_size,
            shuffle.unwrap_or(false),
            drop_last.unwrap_or(false),
            has_generator.unwrap_or(false),
        )?;
        Ok(JsTorchDataLoader { inner })
    }

    /// `DataLoader(dataset, batch_size=batchSize, drop_last=dropLast, sampler=RandomSampler(
    /// dataset, replacement=replacement, num_samples=numSamples, generator=g))`, where
    /// `samplerHasGenerator` says whether the sampler was given a `generator=`; `numSamples`
    /// null is `None` (the dataset's length).
    #[wasm_bindgen(js_name = withRandomSampler)]
    pub fn with_random_sampler(
        #[wasm_bindgen(unchecked_param_type = "number | bigint")] len: JsValue,
        #[wasm_bindgen(js_name = batchSize, unchecked_param_type = "number | bigint | null")]
        batch_size: JsValue,
        replacement: bool,
        #[wasm_bindgen(js_name = numSamples, unchecked_param_type = "number | bigint | null")]
        num_samples: JsValue,
        #[wasm_bindgen(js_name = samplerHasGenerator)] sampler_has_generator: bool,
        #[wasm_bindgen(js_name = dropLast)] drop_last: Option<bool>,
    ) -> Result<JsTorchDataLoader, JsValue> {
        let len = int_arg(&len, "len")?;
        let batch_size = optional_int(&batch_size, "batchSize")?;
        let sampler = Sampler::Random {
            replacement,
            num_samples: optional_int(&num_samples, "numSamples")?,
            has_generator: sampler_has_generator,
        };
        let inner = DataLoader::with_sampler(len, sampler, batch_size, drop_last.unwrap_or(false))?;
        Ok(JsTorchDataLoader { inner })
    }

    /// `len(loader)`: how many batches an epoch yields.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> f64 {
        self.inner.len() as f64
    }

    /// `iter(loader)` (what `for batch in loader` does first): draws the workers' base seed
    /// from `loaderGenerator`, the loader's `generator=` if it was given one, else the default
    /// generator.
    pub fn iter(
        &self,
        #[wasm_bindgen(js_name = loaderGenerator)] loader_generator: &mut JsTorchGenerator,
    ) -> JsTorchDataLoaderIter {
        JsTorchDataLoaderIter {
            inner: self.inner.iter(&mut loader_generator.inner),
        }
    }

    /// Every batch of one epoch (`[b for b in loader]`), when the loader and its sampler draw
    /// from the same `generator`: the loader's `generator=` (`shuffle=True` gives it to the
    /// sampler), or the default generator when neither has one. Otherwise iterate with `iter`
    /// and `nextBatch`.
    pub fn epoch(
        &self,
        generator: &mut JsTorchGenerator,
    ) -> Result<Vec<js_sys::BigInt64Array>, JsValue> {
        Ok(batches_to_js(self.inner.epoch(&mut generator.inner)?))
    }
}

/// One `iter(loader)`: the batches of an epoch, one `nextBatch` per `next()`.
///
/// ```js
/// const g = new TorchGenerator(0);
/// const it = new TorchDataLoader(10, 4, true).iter(g);
/// it.nextBatch(g); // BigInt64Array [6n, 7n, 1n, 4n]
/// ```
#[wasm_bindgen(js_name = TorchDataLoaderIter)]
pub struct JsTorchDataLoaderIter {
    inner: DataLoaderIter,
}

#[wasm_bindgen(js_class = TorchDataLoaderIter)]
impl JsTorchDataLoaderIter {
    /// `next(it)`: the next batch's dataset indices, or undefined at the end of the epoch.
    /// `samplerGenerator` is the sampler's `generator=` (with `shuffle=True`, the loader's
    /// `generator=`), else the default generator (from which a sampler without one seeds
    /// itself on the first batch).
    #[wasm_bindgen(js_name = nextBatch)]
    pub fn next_batch(
        &mut self,
        #[wasm_bindgen(js_name = samplerGenerator)] sampler_generator: &mut JsTorchGenerator,
    ) -> Result<Option<Vec<i64>>, JsValue> {
        Ok(self.inner.next_batch(&mut sampler_generator.inner)?)
    }

    /// The `_base_seed` drawn by `iter` (what workers would be seeded from), as a BigInt.
    #[wasm_bindgen(getter, js_name = baseSeed)]
    pub fn base_seed(&self) -> i64 {
        self.inner.base_seed()
    }
}

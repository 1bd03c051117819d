// torch.utils.data.DataLoader with num_workers=0 (torch/utils/data/dataloader.py, BSD-3-Clause):
// the constructor's checks in torch's order, len(loader), and iteration through seedlab's wasm
// TorchDataLoader, which draws what torch draws when torch draws it: iter(loader) draws the
// workers' base seed (from generator=, else the default generator); the first batch draws the
// sampler's permutation (a sampler without a generator first seeds one from the default
// generator); later batches draw nothing, unless the sampler draws with replacement. Batches
// are fetched from the dataset and collated as torch's default_collate does, or by collate_fn=.

import { PyInstance } from '../../../classes.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyList, PyObject, PyType } from '../../../objects.js';
import { compare, getItem, iterate, len, repr, str, truthy } from '../../../ops.js';
import { pyBind } from '../nn/pyargs.js';
import { TorchGeneratorObject, wasmCall } from '../random.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { collate, convert, DEFAULT_COLLATE, DEFAULT_CONVERT } from './collate.js';
import { objectRepr } from './dataset.js';
import { RandomSampler, SequentialSampler, shuffleSampler, WASM } from './sampler.js';

/** @typedef {import('../../../objects.js').Value} Value */

/**
 * A Python iterator as the loader holds one: an object of the code's own class (its __next__
 * and __iter__ run as Python runs them) or a built-in iterator (a JS iterator).
 * @typedef {PyInstance | Iterator<Value>} PyIterator
 */

/** iter(v) @param {Value | PyIterator} v @returns {PyIterator} */
function pyIter(v) {
  if (v instanceof PyInstance) {
    const it = v.special('__iter__');
    if (it instanceof PyInstance) return it;
    if (it !== undefined) return iterate(it)[Symbol.iterator]();
  }
  if (v instanceof PyObject || typeof v !== 'object' || v === null)
    return iterate(/** @type {Value} */ (v))[Symbol.iterator]();
  return /** @type {Iterator<Value>} */ (v); // a built-in iterator's iter() is itself
}

/** next(it), or undefined at StopIteration. @param {PyIterator} it */
function pyNext(it) {
  if (it instanceof PyInstance) return it.nextValue();
  const r = it.next();
  return r.done ? undefined : r.value;
}

/** Attributes DataLoader.__setattr__ refuses to change after __init__. */
const FROZEN = new Set([
  'batch_size',
  'batch_sampler',
  'sampler',
  'drop_last',
  'dataset',
  'persistent_workers',
]);

export class DataLoader extends PyObject {
  /** @param {Record<string, any>} a  the bound and checked arguments @param {any} interp */
  constructor(a, interp) {
    super();
    this.interp = interp;
    /** @type {Map<string, Value>} */
    this.attrs = new Map(Object.entries(a));
  }

  /** @override */
  get typeName() {
    return 'DataLoader';
  }

  pyType() {
    return DATALOADER_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.dataloader.DataLoader');
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'batch_sampler') throw new Unsupported('DataLoader.batch_sampler');
    return this.attrs.get(name);
  }

  /** @param {string} name @param {Value} value @override */
  setattr(name, value) {
    if (FROZEN.has(name)) {
      throw new PyError(
        'ValueError',
        `${name} attribute should not be set after DataLoader is initialized`,
      );
    }
    this.attrs.set(name, value);
  }

  /** @param {string} name */
  get(name) {
    return /** @type {Value} */ (this.attrs.get(name));
  }

  /** The wasm loader over the dataset's current length. */
  engine() {
    const sampler = this.get('sampler');
    const batchSize = this.get('batch_size');
    const dropLast = this.get('drop_last') === true;
    if (sampler instanceof RandomSampler) return sampler.loader(batchSize, dropLast);
    // Other samplers give their own indices: the engine runs over the sampler's length.
    const n = len(sampler instanceof SequentialSampler ? this.get('dataset') : sampler);
    return wasmCall(() => new WASM.pkg.TorchDataLoader(n, batchSize, false, dropLast, false));
  }

  len() {
    const engine = this.engine();
    try {
      return wasmCall(() => engine.length);
    } finally {
      engine.free();
    }
  }

  /** iter(loader): draws the base seed now; each next() draws and fetches one batch. */
  iter() {
    const dflt = DEFAULT_GENERATORS.get(this.interp);
    const g = this.get('generator');
    const loaderGenerator = g instanceof TorchGeneratorObject ? g : dflt;
    const sampler = this.get('sampler');
    const samplerGenerator = sampler instanceof RandomSampler ? (sampler.generator ?? dflt) : dflt;
    if (sampler instanceof RandomSampler) sampler.checkDraws();
    if (!(sampler instanceof RandomSampler || sampler instanceof SequentialSampler)) {
      return this.iterSampler(sampler, loaderGenerator);
    }
    const it = wasmCall(() => this.engine().iter(loaderGenerator.engine));
    if (truthy(compare('!=', this.get('timeout'), 0n))) {
      // _BaseDataLoaderIter drew the base seed before _SingleProcessDataLoaderIter checks this
      throw new PyError('AssertionError', '_SingleProcessDataLoaderIter requires timeout == 0');
    }
    const loader = this;
    return {
      next() {
        const indices = wasmCall(() => it.nextBatch(samplerGenerator.engine));
        if (indices === undefined) return { done: true, value: null };
        return { done: false, value: loader.fetch(indices) };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }

  /**
   * Iteration over any other sampler (WeightedRandomSampler, SubsetRandomSampler, one's own):
   * the base seed on iter(loader), then BatchSampler's batches of the sampler's indices, pulled
   * lazily (the sampler starts on the first batch and advances one batch per next()).
   * @param {Value} sampler @param {TorchGeneratorObject} loaderGenerator
   */
  iterSampler(sampler, loaderGenerator) {
    const base = wasmCall(() => new WASM.pkg.TorchDataLoader(0, null, false, false, false));
    try {
      wasmCall(() => base.iter(loaderGenerator.engine)).free(); // draws the base seed
    } finally {
      base.free();
    }
    if (truthy(compare('!=', this.get('timeout'), 0n)))
      throw new PyError('AssertionError', '_SingleProcessDataLoaderIter requires timeout == 0');
    const batchSize = this.get('batch_size');
    const size = batchSize === null ? 1 : Number(batchSize);
    const dropLast = batchSize !== null && this.get('drop_last') === true;
    const loader = this;
    /** BatchSampler.__iter__'s state, made on the first batch @type {PyIterator[] | null} */
    let sources = null;
    let finished = false;
    return {
      next() {
        if (finished) return { done: true, value: null };
        if (sources === null) {
          const samplerIter = pyIter(sampler);
          // drop_last: zip(*[sampler_iter] * batch_size) takes iter() of it batch_size times
          sources = dropLast
            ? Array.from({ length: size }, () => pyIter(samplerIter))
            : [samplerIter];
        }
        const from = /** @type {PyIterator[]} */ (sources);
        // otherwise: [*itertools.islice(sampler_iter, batch_size)], an iter() per batch
        const source = dropLast ? null : pyIter(from[0]);
        /** @type {Value[]} */
        const batch = [];
        for (let k = 0; k < size; k++) {
          const v = pyNext(source ?? from[k]);
          if (v === undefined) {
            finished = true;
            break;
          }
          batch.push(v);
        }
        if (batch.length === 0 || (finished && dropLast)) return { done: true, value: null };
        return { done: false, value: loader.fetch(batch) };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }

  /** _MapDatasetFetcher.fetch: the samples at these indices, collated. @param {ArrayLike<Value>} indices */
  fetch(indices) {
    const dataset = this.get('dataset');
    const collateFn = this.get('collate_fn');
    this.interp.charge(indices.length);
    if (this.get('batch_size') === null) {
      const sample = getItem(dataset, indices[0]);
      return collateFn === DEFAULT_CONVERT
        ? convert(sample)
        : this.interp.call(collateFn, [sample]);
    }
    const samples = new PyList(Array.from(indices, (i) => getItem(dataset, i)));
    return collateFn === DEFAULT_COLLATE
      ? collate(samples)
      : this.interp.call(collateFn, [samples]);
  }
}

const SPEC = /** @type {import('../nn/pyargs.js').ParamSpec[]} */ ([
  'self',
  'dataset',
  ['batch_size', 1n],
  ['shuffle', null],
  ['sampler', null],
  ['batch_sampler', null],
  ['num_workers', 0n],
  ['collate_fn', null],
  ['pin_memory', false],
  ['drop_last', false],
  ['timeout', 0n],
  ['worker_init_fn', null],
  ['multiprocessing_context', null],
  ['generator', null],
  '*',
  ['prefetch_factor', null],
  ['persistent_workers', false],
  ['pin_memory_device', ''],
  ['in_order', true],
]);

/** The worker options' checks (num_workers=0 only). @param {Record<string, any>} a */
function checkWorkers(a) {
  const gt0 = (/** @type {Value} */ v) => truthy(compare('>', v, 0n));
  if (truthy(compare('<', a.num_workers, 0n))) {
    throw new PyError(
      'ValueError',
      'num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.',
    );
  }
  if (truthy(compare('<', a.timeout, 0n)))
    throw new PyError('ValueError', 'timeout option should be non-negative');
  if (gt0(a.num_workers)) {
    throw new Unsupported(
      `DataLoader(num_workers=${str(a.num_workers)}) (worker processes; this page loads batches in the main process, num_workers=0)`,
    );
  }
  if (a.prefetch_factor !== null) {
    throw new PyError(
      'ValueError',
      'prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing, otherwise set prefetch_factor to None.',
    );
  }
  if (truthy(a.persistent_workers))
    throw new PyError('ValueError', 'persistent_workers option needs num_workers > 0');
  if (a.multiprocessing_context !== null) {
    throw new PyError(
      'ValueError',
      `multiprocessing_context can only be used with multi-process loading (num_workers > 0), but got num_workers=${str(a.num_workers)}`,
    );
  }
}

/** BatchSampler's checks on batch_size and drop_last. @param {Value} batchSize @param {Value} dropLast */
function checkBatching(batchSize, dropLast) {
  if (typeof batchSize !== 'bigint' || batchSize <= 0n) {
    throw new PyError(
      'ValueError',
      `batch_size should be a positive integer value, but got batch_size=${str(batchSize)}`,
    );
  }
  if (typeof dropLast !== 'boolean') {
    throw new PyError(
      'ValueError',
      `drop_last should be a boolean value, but got drop_last=${str(dropLast)}`,
    );
  }
}

/** DataLoader(dataset, batch_size=1, shuffle=None, sampler=None, ...) @param {Value[]} args @param {any} kwargs @param {any} interp */
function makeDataLoader(args, kwargs, interp) {
  const a = pyBind('DataLoader.__init__', SPEC, [null, ...args], kwargs);
  checkWorkers(a);
  const shuffle = truthy(a.shuffle);
  if (a.sampler !== null && shuffle)
    throw new PyError('ValueError', 'sampler option is mutually exclusive with shuffle');
  if (a.batch_sampler !== null) throw new Unsupported('DataLoader(batch_sampler=...)');
  if (a.batch_size === null && truthy(a.drop_last)) {
    throw new PyError(
      'ValueError',
      'batch_size=None option disables auto-batching and is mutually exclusive with drop_last',
    );
  }
  if (a.generator !== null && !(a.generator instanceof TorchGeneratorObject)) {
    throw new Unsupported(`DataLoader(generator=${repr(a.generator)})`);
  }
  let sampler = a.sampler;
  if (sampler === null) {
    sampler = shuffle
      ? shuffleSampler(a.dataset, a.generator, interp)
      : new SequentialSampler(a.dataset);
  }
  if (a.batch_size !== null) checkBatching(a.batch_size, a.drop_last);
  if (a.pin_memory_device !== '') {
    // pin_memory=True alone only warns without an accelerator; the batches are the same
    throw new Unsupported('DataLoader(pin_memory_device=...) (no accelerator here)');
  }
  const collateFn = a.collate_fn ?? (a.batch_size === null ? DEFAULT_CONVERT : DEFAULT_COLLATE);
  const attrs = {
    dataset: a.dataset,
    num_workers: a.num_workers,
    prefetch_factor: a.prefetch_factor,
    pin_memory: a.pin_memory,
    pin_memory_device: a.pin_memory_device,
    timeout: a.timeout,
    worker_init_fn: a.worker_init_fn,
    multiprocessing_context: a.multiprocessing_context,
    in_order: a.in_order,
    batch_size: a.batch_size,
    drop_last: a.drop_last,
    sampler,
    generator: a.generator,
    collate_fn: collateFn,
    persistent_workers: a.persistent_workers,
  };
  return new DataLoader(attrs, interp);
}

export const DATALOADER_TYPE = new PyType(
  'torch.utils.data.dataloader.DataLoader',
  makeDataLoader,
  (v) => v instanceof DataLoader,
);

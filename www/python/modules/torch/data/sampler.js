// torch.utils.data's samplers (torch/utils/data/sampler.py, BSD-3-Clause): SequentialSampler and
// RandomSampler, which a DataLoader hands to seedlab's wasm TorchDataLoader. A RandomSampler
// without a generator seeds a fresh torch.Generator from the default generator each time it is
// iterated; with replacement it draws randint in chunks of 32; the wasm engine reproduces both.

import { PageLimit, PyError, Unsupported } from '../../../errors.js';
import { PyObject, PyType } from '../../../objects.js';
import { len, repr, str } from '../../../ops.js';
import { pyBind } from '../nn/pyargs.js';
import { TorchGeneratorObject, wasmCall } from '../random.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { objectRepr } from './dataset.js';

/** @typedef {import('../../../objects.js').Value} Value */

/** Set by the module factory: seedlab's wasm package. */
export const WASM = { pkg: /** @type {any} */ (null) };

export class SequentialSampler extends PyObject {
  /** @param {Value} dataSource */
  constructor(dataSource) {
    super();
    this.dataSource = dataSource;
  }

  /** @override */
  get typeName() {
    return 'SequentialSampler';
  }

  pyType() {
    return SEQUENTIAL_SAMPLER_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.sampler.SequentialSampler');
  }

  /** @param {string} name @override */
  getattr(name) {
    return name === 'data_source' ? this.dataSource : undefined;
  }

  len() {
    return len(this.dataSource);
  }

  *iter() {
    const n = len(this.dataSource);
    for (let i = 0; i < n; i++) yield BigInt(i);
  }
}

export class RandomSampler extends PyObject {
  /** @param {Value} dataSource @param {boolean} replacement @param {Value} numSamples @param {TorchGeneratorObject | null} generator */
  constructor(dataSource, replacement, numSamples, generator) {
    super();
    this.dataSource = dataSource;
    this.replacement = replacement;
    this.numSamplesArg = numSamples;
    this.generator = generator;
    /** the session whose default generator seeds the sampler @type {any} */
    this.interp = null;
  }

  /** @override */
  get typeName() {
    return 'RandomSampler';
  }

  pyType() {
    return RANDOM_SAMPLER_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.sampler.RandomSampler');
  }

  /** The num_samples property: the dataset's length unless given. @returns {Value} */
  get numSamples() {
    return this.numSamplesArg === null ? BigInt(len(this.dataSource)) : this.numSamplesArg;
  }

  /** @param {string} name @override */
  getattr(name) {
    switch (name) {
      case 'data_source':
        return this.dataSource;
      case 'replacement':
        return this.replacement;
      case 'num_samples':
        return this.numSamples;
      case 'generator':
        return this.generator;
      default:
        return undefined;
    }
  }

  len() {
    return Number(this.numSamples);
  }

  /**
   * The wasm loader for this sampler over the dataset's current length.
   * @param {Value} batchSize  a Python int, or null for no batching @param {boolean} dropLast
   */
  loader(batchSize, dropLast) {
    const n = len(this.dataSource);
    return wasmCall(() =>
      WASM.pkg.TorchDataLoader.withRandomSampler(
        n,
        batchSize,
        this.replacement,
        this.numSamplesArg,
        this.generator !== null,
        dropLast,
      ),
    );
  }

  /**
   * The page's limit and the step budget for the permutations an epoch draws (torch draws each
   * randperm whole, on the first index); draws with replacement come 32 at a time.
   */
  checkDraws() {
    if (this.replacement) return;
    const n = len(this.dataSource);
    if (n > 1_000_000) {
      throw new PageLimit(
        `This page draws at most 1,000,000 values per call (Python would draw ${n.toLocaleString('en-US')}).`,
      );
    }
    this.interp?.charge(Math.max(n, Number(this.numSamples)));
  }

  /** Iterating the sampler alone: its indices, drawn as the sampler draws them (no base seed). */
  iter() {
    this.checkDraws();
    const g = this.generator ?? DEFAULT_GENERATORS.get(this.interp);
    // A DataLoader's iterator would draw a base seed first: a throwaway generator absorbs it.
    const it = wasmCall(() => this.loader(null, false).iter(new WASM.pkg.TorchGenerator(0n)));
    return {
      next() {
        const batch = wasmCall(() => it.nextBatch(g.engine));
        return batch === undefined ? { done: true, value: null } : { done: false, value: batch[0] };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }
}

/** RandomSampler(data_source, replacement=False, num_samples=None, generator=None) @param {Value[]} args @param {any} kwargs @param {any} interp */
function makeRandomSampler(args, kwargs, interp) {
  const a = pyBind(
    'RandomSampler.__init__',
    ['self', 'data_source', ['replacement', false], ['num_samples', null], ['generator', null]],
    [null, ...args],
    kwargs,
  );
  if (typeof a.replacement !== 'boolean') {
    throw new PyError(
      'TypeError',
      `replacement should be a boolean value, but got replacement=${str(a.replacement)}`,
    );
  }
  if (a.generator !== null && !(a.generator instanceof TorchGeneratorObject)) {
    throw new Unsupported(`RandomSampler(generator=${repr(a.generator)})`);
  }
  const s = new RandomSampler(a.data_source, a.replacement, a.num_samples, a.generator);
  s.interp = interp;
  const n = s.numSamples;
  if ((typeof n !== 'bigint' && typeof n !== 'boolean') || BigInt(n) <= 0n) {
    throw new PyError(
      'ValueError',
      `num_samples should be a positive integer value, but got num_samples=${str(n)}`,
    );
  }
  return s;
}

export const RANDOM_SAMPLER_TYPE = new PyType(
  'torch.utils.data.sampler.RandomSampler',
  makeRandomSampler,
  (v) => v instanceof RandomSampler,
);

export const SEQUENTIAL_SAMPLER_TYPE = new PyType(
  'torch.utils.data.sampler.SequentialSampler',
  (args, kwargs) => {
    const a = pyBind(
      'SequentialSampler.__init__',
      ['self', 'data_source'],
      [null, ...args],
      kwargs,
    );
    return new SequentialSampler(a.data_source);
  },
  (v) => v instanceof SequentialSampler,
);

/** A RandomSampler made by DataLoader(shuffle=True). @param {Value} dataset @param {TorchGeneratorObject | null} g @param {any} interp */
export function shuffleSampler(dataset, g, interp) {
  return makeRandomSampler([dataset], new Map([['generator', g]]), interp);
}

// torch.utils.data's samplers that draw their whole index list when iteration starts
// (torch/utils/data/sampler.py, BSD-3-Clause): WeightedRandomSampler (torch.multinomial over
// its float64 weights) and SubsetRandomSampler (torch.randperm over its indices), from
// generator= or the default generator. A DataLoader draws its base seed on iter(loader) and
// the sampler's draws on the first batch, as torch's lazy sampler iterator does. Sampler is the
// base class of one's own samplers (any iterable of indices serves a DataLoader).

import { allowSubclassing, PLAIN_SUBCLASSING } from '../../../classes.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyObject, PyType } from '../../../objects.js';
import { getItem, len, repr, str } from '../../../ops.js';
import { tensorFromData } from '../creation.js';
import { float64 } from '../dtypes.js';
import { multinomial } from '../multinomial.js';
import { pyBind } from '../nn/pyargs.js';
import { TorchGeneratorObject } from '../random.js';
import { DEFAULT_GENERATORS } from '../random-api.js';
import { Tensor } from '../tensor.js';
import { objectRepr } from './dataset.js';
import { RandomSampler, SequentialSampler } from './sampler.js';

/** @typedef {import('../../../objects.js').Value} Value */

/** A sampler whose __iter__ draws the full list of indices at once. */
export class IndexListSampler extends PyObject {
  /** @param {TorchGeneratorObject | null} generator @param {any} interp */
  constructor(generator, interp) {
    super();
    this.generator = generator;
    this.interp = interp;
  }

  /** The generator the draws come from. @returns {TorchGeneratorObject} */
  source() {
    return this.generator ?? DEFAULT_GENERATORS.get(this.interp);
  }

  /** The indices of one pass, drawn now. @returns {Value[]} */
  draw() {
    return [];
  }

  iter() {
    return this.draw()[Symbol.iterator]();
  }
}

export class WeightedRandomSampler extends IndexListSampler {
  /**
   * @param {Tensor} weights @param {bigint} numSamples @param {boolean} replacement
   * @param {TorchGeneratorObject | null} generator @param {any} interp
   */
  constructor(weights, numSamples, replacement, generator, interp) {
    super(generator, interp);
    this.weights = weights;
    this.numSamples = numSamples;
    this.replacement = replacement;
  }

  /** @override */
  get typeName() {
    return 'WeightedRandomSampler';
  }

  pyType() {
    return WEIGHTED_RANDOM_SAMPLER_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.sampler.WeightedRandomSampler');
  }

  /** @param {string} name @override */
  getattr(name) {
    switch (name) {
      case 'weights':
        return this.weights;
      case 'num_samples':
        return this.numSamples;
      case 'replacement':
        return this.replacement;
      case 'generator':
        return this.generator;
      default:
        return undefined;
    }
  }

  len() {
    return Number(this.numSamples);
  }

  /** @override */
  draw() {
    this.interp?.charge(Number(this.numSamples));
    const drawn = multinomial(this.weights, this.numSamples, this.replacement, this.source());
    return Array.from(/** @type {BigInt64Array} */ (drawn.storage.data));
  }
}

export class SubsetRandomSampler extends IndexListSampler {
  /** @param {Value} indices @param {TorchGeneratorObject | null} generator @param {any} interp */
  constructor(indices, generator, interp) {
    super(generator, interp);
    this.indices = indices;
  }

  /** @override */
  get typeName() {
    return 'SubsetRandomSampler';
  }

  pyType() {
    return SUBSET_RANDOM_SAMPLER_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.sampler.SubsetRandomSampler');
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'indices') return this.indices;
    if (name === 'generator') return this.generator;
    return undefined;
  }

  len() {
    return len(this.indices);
  }

  /** @override */
  draw() {
    const order = this.source().randperm(len(this.indices));
    return Array.from(order, (i) => getItem(this.indices, i));
  }
}

/** generator= of a sampler: a torch.Generator or None. @param {Value} g @param {string} what */
function generatorArg(g, what) {
  if (g === null || g instanceof TorchGeneratorObject) return g;
  throw new Unsupported(`${what}(generator=${repr(g)})`);
}

export const WEIGHTED_RANDOM_SAMPLER_TYPE = new PyType(
  'torch.utils.data.sampler.WeightedRandomSampler',
  (args, kwargs, interp) => {
    const a = pyBind(
      'WeightedRandomSampler.__init__',
      ['self', 'weights', 'num_samples', ['replacement', true], ['generator', null]],
      [null, ...args],
      kwargs,
    );
    const n = a.num_samples;
    if (typeof n !== 'bigint' || n <= 0n) {
      throw new PyError(
        'ValueError',
        `num_samples should be a positive integer value, but got num_samples=${str(n)}`,
      );
    }
    if (typeof a.replacement !== 'boolean') {
      throw new PyError(
        'ValueError',
        `replacement should be a boolean value, but got replacement=${str(a.replacement)}`,
      );
    }
    // torch.as_tensor(weights, dtype=torch.double)
    const weights = tensorFromData(a.weights, float64);
    if (weights.ndim !== 1) {
      const shape = weights.shape;
      throw new PyError(
        'ValueError',
        `weights should be a 1d sequence but given weights have shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''})`,
      );
    }
    const g = generatorArg(a.generator, 'WeightedRandomSampler');
    return new WeightedRandomSampler(weights, n, a.replacement, g, interp);
  },
  (v) => v instanceof WeightedRandomSampler,
);

export const SUBSET_RANDOM_SAMPLER_TYPE = new PyType(
  'torch.utils.data.sampler.SubsetRandomSampler',
  (args, kwargs, interp) => {
    const a = pyBind(
      'SubsetRandomSampler.__init__',
      ['self', 'indices', ['generator', null]],
      [null, ...args],
      kwargs,
    );
    const g = generatorArg(a.generator, 'SubsetRandomSampler');
    return new SubsetRandomSampler(a.indices, g, interp);
  },
  (v) => v instanceof SubsetRandomSampler,
);

export const SAMPLER_TYPE = new PyType(
  'torch.utils.data.sampler.Sampler',
  () => {
    throw new Unsupported('torch.utils.data.Sampler() itself');
  },
  (v) =>
    v instanceof RandomSampler || v instanceof SequentialSampler || v instanceof IndexListSampler,
);
allowSubclassing(SAMPLER_TYPE, PLAIN_SUBCLASSING);

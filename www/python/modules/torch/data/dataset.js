// torch.utils.data's datasets (torch/utils/data/dataset.py, BSD-3-Clause): TensorDataset, Subset
// and random_split (a randperm from generator=, the default generator unless given). Any Python
// object with len() and [i] is a dataset too (a list, a range, a tensor), as in torch, and so is
// an instance of a Dataset subclass of the code's own (its __len__ and __getitem__).

import { getAttr } from '../../../attributes.js';
import { allowSubclassing, PLAIN_SUBCLASSING } from '../../../classes.js';
import { PyError, Unsupported } from '../../../errors.js';
import { PyBuiltin, PyList, PyObject, PyTuple, PyType } from '../../../objects.js';
import { binaryOp, compare, getItem, iterate, len, truthy, typeName } from '../../../ops.js';
import { pyBind } from '../nn/pyargs.js';
import { TorchGeneratorObject } from '../random.js';
import { DEFAULT_GENERATORS } from '../random-api.js';

/** @typedef {import('../../../objects.js').Value} Value */

/**
 * Iterating a dataset that has __getitem__ but no __iter__: Python's old sequence protocol, item
 * 0, 1, ... until an IndexError.
 * @param {PyObject & { getitem: (i: Value) => Value }} dataset
 */
function* sequenceProtocol(dataset) {
  for (let i = 0n; ; i++) {
    let item;
    try {
      item = dataset.getitem(i);
    } catch (e) {
      if (e instanceof PyError && e.type === 'IndexError') return;
      throw e;
    }
    yield item;
  }
}

/** <torch.utils.data.dataset.X object at 0x...> @param {PyObject} o @param {string} path */
export const objectRepr = (o, path) =>
  `<${path} object at 0x${(0x7f0000000000 + o.id * 16).toString(16)}>`;

export class TensorDataset extends PyObject {
  /** @param {PyTuple} tensors */
  constructor(tensors) {
    super();
    this.tensors = tensors;
    /** the length, as __len__ computes it on construction's check */
    this.size = /** @type {bigint} */ (0n);
  }

  /** @override */
  get typeName() {
    return 'TensorDataset';
  }

  pyType() {
    return TENSOR_DATASET_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.dataset.TensorDataset');
  }

  /** @param {string} name @override */
  getattr(name) {
    return name === 'tensors' ? this.tensors : undefined;
  }

  len() {
    return Number(this.size);
  }

  iter() {
    return sequenceProtocol(this);
  }

  /** tuple(tensor[index] for tensor in self.tensors) @param {Value} index */
  getitem(index) {
    return new PyTuple(this.tensors.items.map((t) => getItem(t, index)));
  }
}

export class Subset extends PyObject {
  /** @param {Value} dataset @param {Value} indices */
  constructor(dataset, indices) {
    super();
    this.dataset = dataset;
    this.indices = indices;
  }

  /** @override */
  get typeName() {
    return 'Subset';
  }

  pyType() {
    return SUBSET_TYPE;
  }

  /** @override */
  repr() {
    return objectRepr(this, 'torch.utils.data.dataset.Subset');
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'dataset') return this.dataset;
    if (name === 'indices') return this.indices;
    return undefined;
  }

  len() {
    return len(this.indices);
  }

  iter() {
    return sequenceProtocol(this);
  }

  /** @param {Value} idx */
  getitem(idx) {
    if (idx instanceof PyList) {
      return getItem(this.dataset, new PyList(idx.items.map((i) => getItem(this.indices, i))));
    }
    return getItem(this.dataset, getItem(this.indices, idx));
  }
}

/** TensorDataset(*tensors): every tensor's size(0) must agree. @param {Value[]} args @param {any} kwargs @param {any} interp */
function makeTensorDataset(args, kwargs, interp) {
  const a = pyBind('TensorDataset.__init__', ['self', '*tensors'], [null, ...args], kwargs);
  const tensors = /** @type {PyTuple} */ (a.tensors);
  if (tensors.items.length === 0) throw new PyError('IndexError', 'tuple index out of range');
  const size0 = (/** @type {Value} */ t) => interp.call(getAttr(t, 'size'), [0n]);
  const first = size0(tensors.items[0]);
  for (const t of tensors.items) {
    if (truthy(compare('!=', first, size0(t))))
      throw new PyError('AssertionError', 'Size mismatch between tensors');
  }
  const ds = new TensorDataset(tensors);
  ds.size = /** @type {bigint} */ (first);
  return ds;
}

export const TENSOR_DATASET_TYPE = new PyType(
  'torch.utils.data.dataset.TensorDataset',
  makeTensorDataset,
  (v) => v instanceof TensorDataset,
);

export const SUBSET_TYPE = new PyType(
  'torch.utils.data.dataset.Subset',
  (args, kwargs) => {
    const a = pyBind('Subset.__init__', ['self', 'dataset', 'indices'], [null, ...args], kwargs);
    return new Subset(a.dataset, a.indices);
  },
  (v) => v instanceof Subset,
);

export const DATASET_TYPE = new PyType(
  'torch.utils.data.dataset.Dataset',
  () => {
    throw new Unsupported('torch.utils.data.Dataset() itself');
  },
  (v) => v instanceof TensorDataset || v instanceof Subset,
);
allowSubclassing(DATASET_TYPE, PLAIN_SUBCLASSING);

/**
 * random_split's lengths: fractions summing to 1 become counts (floor, then the remainder one by
 * one from the first split); counts must sum to the dataset's length.
 * @param {Value[]} lengths @param {number} n
 * @returns {bigint[]}
 */
function splitLengths(lengths, n) {
  /** @type {Value} */
  let total = 0n;
  for (const l of lengths) total = binaryOp('+', total, l);
  const t = Number(total);
  if (Math.abs(t - 1) <= 1e-9 * Math.max(Math.abs(t), 1) && truthy(compare('<=', total, 1n))) {
    const counts = lengths.map((frac, i) => {
      if (truthy(compare('<', frac, 0n)) || truthy(compare('>', frac, 1n))) {
        throw new PyError('ValueError', `Fraction at index ${i} is not between 0 and 1`);
      }
      return BigInt(Math.floor(n * Number(frac)));
    });
    const remainder = n - Number(counts.reduce((x, y) => x + y, 0n));
    for (let i = 0; i < remainder; i++) counts[i % counts.length] += 1n;
    return counts;
  }
  if (truthy(compare('!=', total, BigInt(n)))) {
    throw new PyError(
      'ValueError',
      'Sum of input lengths does not equal the length of the input dataset!',
    );
  }
  return lengths.map((l) => {
    if (typeof l !== 'bigint')
      throw new Unsupported(`random_split with a length of type ${typeName(l)}`);
    return l;
  });
}

/** random_split(dataset, lengths, generator=default_generator) */
export const RANDOM_SPLIT = new PyBuiltin('random_split', (args, kwargs, interp) => {
  const a = pyBind('random_split', ['dataset', 'lengths', ['generator', null]], args, kwargs);
  const g = a.generator ?? DEFAULT_GENERATORS.get(interp);
  if (!(g instanceof TorchGeneratorObject)) {
    throw new PyError(
      'TypeError',
      `randperm(): argument 'generator' must be torch.Generator, not ${typeName(g)}`,
    );
  }
  const counts = splitLengths([...iterate(a.lengths)], len(a.dataset));
  const total = counts.reduce((x, y) => x + y, 0n);
  const perm = g.randperm(Number(total));
  const out = [];
  let offset = 0;
  for (const c of counts) {
    const indices = Array.from(perm.subarray(offset, offset + Number(c)));
    out.push(new Subset(a.dataset, new PyList(indices)));
    offset += Number(c);
  }
  return new PyList(out);
});

// Tensor indexing, t[key] and t[key] = value, as torch/csrc/autograd/python_variable_indexing.cpp
// and ATen's TensorIndexing.h apply it: the items of the key one after the other (integers
// select, slices slice, None unsqueezes: views of the same memory), then the tensor and list
// items together as one advanced index (a copy), with NumPy's placement rules (nd/indexing.js).
// The error messages are torch's, which name dimensions by the item's place in the key.

import { PyError, Unsupported } from '../../errors.js';
import { indexStrided, sliceRange } from '../../nd/indexing.js';
import { Strided } from '../../nd/strided.js';
import { Ellipsis, PyList, PySlice, PyTuple } from '../../objects.js';
import { typeName } from '../../ops.js';
import { tpName, unpackLong } from './arg-parser.js';
import { checkInplace, recordOp } from './autograd.js';
import { scalarTo } from './creation.js';
import { bool, int64, LEGACY_TENSOR_TYPES, uint8 } from './dtypes.js';
import { castTensor, TENSOR_OPS, Tensor } from './tensor.js';
import { assertInitialized, markWritten } from './uninitialized.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../nd/indexing.js').IndexItem} IndexItem */

/** Set by index.js: torch.tensor(data), for list indices. */
export const indexHooks = {
  /** @type {(data: Value) => Tensor} */
  tensorFromData: () => {
    throw new Error('torch.tensor is not wired up');
  },
};

/** The legacy type names torch's assignment errors use (torch.FloatTensor). */
const LEGACY_TYPE = LEGACY_TENSOR_TYPES;

/** Does a list index stand for a tuple of indices (treatSequenceAsTuple)? @param {PyList} list */
function sequenceIsTuple(list) {
  return list.items.some(
    (v) =>
      v instanceof Tensor ||
      v instanceof PyList ||
      v instanceof PyTuple ||
      v instanceof PySlice ||
      v === Ellipsis ||
      v === null,
  );
}

/** The key's items: a tuple's, a list that stands for a tuple, or the key itself. @param {Value} key */
function keyItems(key) {
  if (key instanceof PyTuple) return key.items;
  if (key instanceof PyList && sequenceIsTuple(key)) return key.items;
  return [key];
}

/** @param {PySlice} s */
function sliceBounds(s) {
  const bound = (/** @type {Value} */ v) => {
    if (v === null) return null;
    const n = unpackIndexLike(v);
    // Python clamps slice bounds; anything past the int64 range clamps the same way.
    return Number(n < -(2n ** 62n) ? -(2n ** 62n) : n > 2n ** 62n ? 2n ** 62n : n);
  };
  const step = bound(s.step);
  if (step === 0) throw new PyError('ValueError', 'slice step cannot be zero');
  if (step !== null && step < 0) throw new PyError('ValueError', 'step must be greater than zero');
  return { start: bound(s.start), stop: bound(s.stop), step };
}

/** @param {Value} v @returns {bigint} */
function unpackIndexLike(v) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof Tensor) return v.index();
  throw new PyError(
    'TypeError',
    'slice indices must be integers or None or have an __index__ method',
  );
}

/** An index tensor (from a tensor or a list item) with torch's dtype checks. @param {Value} v */
function indexTensor(v) {
  const t = v instanceof Tensor ? v : indexHooks.tensorFromData(v);
  if (t.dtype.isFloating)
    throw new PyError(
      'IndexError',
      'tensors used as indices must be long, int, byte or bool tensors',
    );
  return t;
}

/**
 * Applies the basic items of a key and collects the advanced ones.
 * @param {Tensor} self @param {Value} key
 * @returns {{ view: Strided, advanced: { dim: number, ordinal: number, tensor: Tensor }[], lastOp: string }}
 */
function applySlicing(self, key) {
  const items = keyItems(key);
  if (self.ndim === 0 && items.length === 1 && !(key instanceof PyTuple)) {
    // a lone int or slice on a 0-dim tensor has messages of its own
    if (typeof key === 'bigint') {
      throw new PyError(
        'IndexError',
        'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number',
      );
    }
    if (key instanceof PySlice)
      throw new PyError('IndexError', 'slice() cannot be applied to a 0-dim tensor.');
  }
  // count_specified_dimensions
  let specified = 0;
  for (const v of items) {
    if (v instanceof Tensor)
      specified += v.dtype === bool || v.dtype === uint8 ? Math.max(v.ndim, 1) : 1;
    else if (v !== null && v !== Ellipsis) specified += 1;
  }
  if (specified > self.ndim)
    throw new PyError('IndexError', `too many indices for tensor of dimension ${self.ndim}`);
  let s = self.storage;
  let dim = 0;
  let lastOp = 'AliasBackward0';
  /** @type {{ dim: number, ordinal: number, tensor: Tensor }[]} */
  const advanced = [];
  items.forEach((v, realDim) => {
    if (typeof v === 'bigint' || (v instanceof Tensor && v.ndim === 0 && v.dtype === int64)) {
      const i = Number(typeof v === 'bigint' ? unpackLong(v) : v.index());
      const size = s.shape[dim];
      const j = i < 0 ? i + size : i;
      if (j < 0 || j >= size) {
        throw new PyError(
          'IndexError',
          `index ${i} is out of bounds for dimension ${realDim} with size ${size}`,
        );
      }
      s = new Strided(
        s.data,
        [...s.shape.slice(0, dim), ...s.shape.slice(dim + 1)],
        [...s.strides.slice(0, dim), ...s.strides.slice(dim + 1)],
        s.offset + j * s.strides[dim],
      );
      lastOp = 'SelectBackward0';
    } else if (v instanceof PySlice) {
      const { start, step, count } = sliceRange(sliceBounds(v), s.shape[dim]);
      const shape = [...s.shape];
      const strides = [...s.strides];
      shape[dim] = count;
      strides[dim] = s.strides[dim] * step;
      s = new Strided(s.data, shape, strides, s.offset + (count > 0 ? start * s.strides[dim] : 0));
      lastOp = 'SliceBackward0';
      dim++;
    } else if (v === null) {
      s = new Strided(
        s.data,
        [...s.shape.slice(0, dim), 1, ...s.shape.slice(dim)],
        [...s.strides.slice(0, dim), 0, ...s.strides.slice(dim)],
        s.offset,
      );
      lastOp = 'UnsqueezeBackward0';
      dim++;
    } else if (v === Ellipsis) {
      dim += self.ndim - specified;
    } else if (typeof v === 'boolean') {
      throw new Unsupported('indexing a tensor with True or False');
    } else if (v instanceof Tensor || v instanceof PyList || v instanceof PyTuple) {
      const t = indexTensor(v);
      advanced.push({ dim, ordinal: advanced.length, tensor: t });
      dim += t.dtype === bool || t.dtype === uint8 ? Math.max(t.ndim, 1) : 1;
    } else if (typeof v === 'number') {
      throw new PyError(
        'IndexError',
        'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)',
      );
    } else if (typeof v === 'string') {
      throw new PyError('TypeError', "new(): invalid data type 'str'");
    } else {
      throw new PyError(
        'IndexError',
        `only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${typeName(v)})`,
      );
    }
  });
  return { view: s, advanced, lastOp };
}

/** @type {IndexItem} */
const FULL = { kind: 'slice', start: null, stop: null, step: null };

/**
 * The advanced part: the IndexItems over every dim of `view`, after torch's checks.
 * @param {Strided} view @param {{ dim: number, ordinal: number, tensor: Tensor }[]} advanced
 */
function advancedItems(view, advanced) {
  /** @type {IndexItem[]} */
  const items = [];
  let dim = 0;
  let ordinal = 0;
  for (const { dim: at, tensor } of advanced) {
    while (dim < at) {
      items.push(FULL);
      dim++;
    }
    if (tensor.dtype === bool || tensor.dtype === uint8) {
      const k = Math.max(tensor.ndim, 1);
      for (let j = 0; j < tensor.ndim; j++) {
        if (tensor.shape[j] !== view.shape[dim + j]) {
          throw new PyError(
            'IndexError',
            `The shape of the mask [${tensor.shape.join(', ')}] at index ${j} does not match the shape of the indexed tensor [${view.shape.join(', ')}] at index ${dim + j}`,
          );
        }
      }
      if (tensor.ndim === 0) throw new Unsupported('indexing with a zero-dim bool tensor');
      items.push({ kind: 'bool', shape: [...tensor.shape], values: tensor.values() });
      dim += k;
      ordinal += k;
    } else {
      const size = view.shape[dim];
      const values = tensor.values().map((x) => {
        const i = Number(x);
        if (i < -size || i >= size) {
          throw new PyError(
            'IndexError',
            `index ${i} is out of bounds for dimension ${ordinal} with size ${size}`,
          );
        }
        return i;
      });
      items.push({ kind: 'array', shape: [...tensor.shape], values });
      dim++;
      ordinal++;
    }
  }
  return items;
}

/** Broadcast shapes of the index tensors, with torch's message. @param {IndexItem[]} items */
function checkIndexShapes(items) {
  const shapes = items
    .filter((it) => it.kind === 'array')
    .map((it) => /** @type {any} */ (it).shape);
  const bools = items
    .filter((it) => it.kind === 'bool')
    .map((it) => [/** @type {any} */ (it).values.filter(Boolean).length]);
  const all = [...shapes, ...bools];
  const nd = Math.max(0, ...all.map((sh) => sh.length));
  for (let i = 0; i < nd; i++) {
    let size = 1;
    for (const sh of all) {
      const d = sh.length - nd + i >= 0 ? sh[sh.length - nd + i] : 1;
      if (d !== 1 && size !== 1 && d !== size) {
        throw new PyError(
          'IndexError',
          `shape mismatch: indexing tensors could not be broadcast together with shapes ${all.map((sh) => `[${sh.join(', ')}]`).join(', ')}`,
        );
      }
      if (d !== 1) size = d;
    }
  }
}

/** Where t[key] lives: a view, or the buffer positions of an advanced index's elements. @param {Tensor} self @param {Value} key */
function locate(self, key) {
  const { view, advanced, lastOp } = applySlicing(self, key);
  if (advanced.length === 0) return { view, lastOp };
  const items = advancedItems(view, advanced);
  checkIndexShapes(items);
  const r = /** @type {{ shape: number[], positions: Int32Array }} */ (indexStrided(view, items));
  return { shape: r.shape, positions: r.positions, lastOp: 'IndexBackward0' };
}

/** t[key] @param {Tensor} self @param {Value} key */
export function getItem(self, key) {
  const where = locate(self, key);
  if ('view' in where && where.view) {
    return recordOp(self.view(where.view), [self], where.lastOp);
  }
  const { shape, positions } = /** @type {{ shape: number[], positions: Int32Array }} */ (where);
  assertInitialized(self.storage);
  const out = self.dtype.make(positions.length);
  const { data } = self.storage;
  for (let i = 0; i < positions.length; i++) out[i] = data[positions[i]];
  return recordOp(Tensor.of(out, shape, self.dtype), [self], 'IndexBackward0');
}

/** The value of an assignment as a tensor of self's dtype. @param {Tensor} self @param {Value} value */
function assignedValue(self, value) {
  if (value instanceof Tensor) assertInitialized(value.storage);
  if (value instanceof Tensor)
    return value.dtype === self.dtype ? value : castTensor(value, self.dtype);
  if (typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'number') {
    if (typeof value === 'bigint') unpackLong(value);
    const data = self.dtype.make(1);
    data[0] = scalarTo(value, self.dtype);
    return Tensor.of(data, [], self.dtype);
  }
  throw new PyError(
    'TypeError',
    `can't assign a ${tpName(value)} to a ${LEGACY_TYPE[self.dtype.name]}`,
  );
}

/** copy_'s expand of the value to the target shape, with its message. @param {number[]} from @param {number[]} target */
function expandShape(from, target) {
  // Leading 1-dims of the value are dropped first (slicePrefix1sSize).
  let sizes = from;
  while (sizes.length > 0 && sizes[0] === 1) sizes = sizes.slice(1);
  if (sizes.length > target.length) {
    throw new PyError(
      'RuntimeError',
      `expand(torch.FloatTensor{[${from.join(', ')}]}, size=[${target.join(', ')}]): the number of sizes provided (${target.length}) must be greater or equal to the number of dimensions in the tensor (${from.length})`,
    );
  }
  for (let i = target.length - 1; i >= 0; i--) {
    const j = i - (target.length - sizes.length);
    const size = j >= 0 ? sizes[j] : 1;
    if (size !== target[i] && size !== 1) {
      throw new PyError(
        'RuntimeError',
        `The expanded size of the tensor (${target[i]}) must match the existing size (${size}) at non-singleton dimension ${i}.  Target sizes: [${target.join(', ')}].  Tensor sizes: [${sizes.join(', ')}]`,
      );
    }
  }
  return sizes;
}

/** t[key] = value @param {Tensor} self @param {Value} key @param {Value} value */
export function setItem(self, key, value) {
  const v = assignedValue(self, value);
  const where = locate(self, key);
  if ('view' in where && where.view) {
    checkInplace(self, true);
    const target = where.view;
    const sizes = expandShape(v.shape, target.shape);
    const source = new Strided(
      v.storage.data,
      sizes,
      v.storage.strides.slice(v.ndim - sizes.length),
      v.storage.offset,
    ).broadcastTo(target.shape);
    const from = source.offsetArray();
    let i = 0;
    for (const p of target.offsets()) target.data[p] = source.data[from[i++]];
    markWritten(target.data, target.offsets());
    if (self.requiresGrad && !self.isLeaf) self.gradFn = 'CopySlices';
    else if (v.requiresGrad) Object.assign(self, { requiresGrad: true, gradFn: 'CopySlices' });
    return;
  }
  checkInplace(self);
  const { shape, positions } = /** @type {{ shape: number[], positions: Int32Array }} */ (where);
  const broadcastable =
    v.ndim <= shape.length &&
    v.shape.every((d, i) => d === 1 || d === shape[shape.length - v.ndim + i]);
  if (!broadcastable) {
    throw new PyError(
      'RuntimeError',
      `shape mismatch: value tensor of shape [${v.shape.join(', ')}] cannot be broadcast to indexing result of shape [${shape.join(', ')}]`,
    );
  }
  const source = v.storage.broadcastTo(shape);
  const from = source.offsetArray();
  const out = self.storage.data;
  for (let i = 0; i < positions.length; i++) out[positions[i]] = source.data[from[i]];
  markWritten(out, positions);
  if (self.requiresGrad && !self.isLeaf) self.gradFn = 'IndexPutBackward0';
}

TENSOR_OPS.getitem = getItem;
TENSOR_OPS.setitem = setItem;

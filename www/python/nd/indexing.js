// NumPy's indexing rules for strided arrays (PyTorch follows the same rules): integers, slices,
// None, Ellipsis give a view; integer arrays and boolean masks ("advanced" indices) give a copy
// whose shape puts the broadcast advanced dimensions where the first advanced index was when
// the advanced indices are adjacent, and first otherwise (integers count as advanced then).
//
//   indexStrided(a, [{ kind: 'int', value: 0 }, { kind: 'slice', start: null, stop: null, step: null }])
//     -> { view: Strided }        a[0, :]
//   indexStrided(a, [{ kind: 'array', shape: [2], values: [0, 2] }])
//     -> { shape: [2, ...], positions: Int32Array }   a[[0, 2]]

import { PyError } from '../errors.js';
import { broadcastShapes, contiguousStrides, Strided, shapeRepr, shapeSize } from './strided.js';

/**
 * One item of an index tuple, already read from Python values by the array type.
 * @typedef {{ kind: 'int', value: number }
 *   | { kind: 'slice', start: number | null, stop: number | null, step: number | null }
 *   | { kind: 'newaxis' } | { kind: 'ellipsis' }
 *   | { kind: 'array', shape: number[], values: ArrayLike<number> }
 *   | { kind: 'bool', shape: number[], values: ArrayLike<boolean | number> }} IndexItem
 *
 * Error wordings, which NumPy and PyTorch phrase differently.
 * @typedef {{ outOfBounds: (index: number, axis: number, size: number) => string,
 *   tooMany: (ndim: number, count: number) => string,
 *   boolMismatch: (axis: number, size: number, boolSize: number) => string,
 *   shapeMismatch: (shapes: number[][]) => string }} IndexMessages
 */

/** @type {IndexMessages} */
export const NUMPY_INDEX_MESSAGES = {
  outOfBounds: (index, axis, size) =>
    `index ${index} is out of bounds for axis ${axis} with size ${size}`,
  tooMany: (ndim, count) =>
    `too many indices for array: array is ${ndim}-dimensional, but ${count} were indexed`,
  boolMismatch: (axis, size, boolSize) =>
    `boolean index did not match indexed array along axis ${axis}; size of axis is ${size} but size of corresponding boolean axis is ${boolSize}`,
  shapeMismatch: (shapes) =>
    `shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes.map(shapeRepr).join(' ')} `,
};

/**
 * Python's slice.indices for one axis.
 * @param {{ start: number | null, stop: number | null, step: number | null }} s @param {number} length
 */
export function sliceRange(s, length) {
  const step = s.step ?? 1;
  if (step === 0) throw new PyError('ValueError', 'slice step cannot be zero');
  /** @param {number | null} v @param {number} dflt @param {number} lower @param {number} upper */
  const clamp = (v, dflt, lower, upper) => {
    if (v === null) return dflt;
    if (v < 0) return Math.max(v + length, lower);
    return Math.min(v, upper);
  };
  const start =
    step > 0 ? clamp(s.start, 0, 0, length) : clamp(s.start, length - 1, -1, length - 1);
  const stop = step > 0 ? clamp(s.stop, length, 0, length) : clamp(s.stop, -1, -1, length - 1);
  const count =
    step > 0
      ? Math.max(0, Math.ceil((stop - start) / step))
      : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, count };
}

/**
 * Applies an index to a strided array.
 * @param {Strided} a @param {IndexItem[]} items @param {IndexMessages} messages
 * @returns {{ view: Strided } | { shape: number[], positions: Int32Array }}
 */
export function indexStrided(a, items, messages = NUMPY_INDEX_MESSAGES) {
  const ellipses = items.filter((it) => it.kind === 'ellipsis').length;
  if (ellipses > 1)
    throw new PyError('IndexError', "an index can only have a single ellipsis ('...')");
  const consumed = items.reduce(
    (n, it) =>
      n +
      (it.kind === 'bool'
        ? it.shape.length
        : it.kind === 'newaxis' || it.kind === 'ellipsis'
          ? 0
          : 1),
    0,
  );
  if (consumed > a.ndim) throw new PyError('IndexError', messages.tooMany(a.ndim, consumed));
  // Expand the ellipsis (or append one) into full slices.
  /** @type {IndexItem[]} */
  const full = [];
  for (const it of items) {
    if (it.kind === 'ellipsis') {
      for (let k = 0; k < a.ndim - consumed; k++)
        full.push({ kind: 'slice', start: null, stop: null, step: null });
    } else full.push(it);
  }
  if (ellipses === 0) {
    for (let k = consumed; k < a.ndim; k++)
      full.push({ kind: 'slice', start: null, stop: null, step: null });
  }
  const advanced = full.some((it) => it.kind === 'array' || it.kind === 'bool');
  return advanced ? advancedIndex(a, full, messages) : { view: basicIndex(a, full, messages) };
}

/** @param {Strided} a @param {IndexItem[]} items @param {IndexMessages} messages */
function basicIndex(a, items, messages) {
  let offset = a.offset;
  /** @type {number[]} */
  const shape = [];
  /** @type {number[]} */
  const strides = [];
  let axis = 0;
  for (const it of items) {
    if (it.kind === 'newaxis') {
      shape.push(1);
      strides.push(0);
      continue;
    }
    const size = a.shape[axis];
    const stride = a.strides[axis];
    if (it.kind === 'int') {
      offset += checkIndex(it.value, axis, size, messages) * stride;
    } else if (it.kind === 'slice') {
      const { start, step, count } = sliceRange(it, size);
      if (count > 0) offset += start * stride;
      shape.push(count);
      strides.push(stride * step);
    }
    axis++;
  }
  return new Strided(a.data, shape, strides, offset);
}

/** @param {number} i @param {number} axis @param {number} size @param {IndexMessages} messages */
function checkIndex(i, axis, size, messages) {
  const j = i < 0 ? i + size : i;
  if (j < 0 || j >= size) throw new PyError('IndexError', messages.outOfBounds(i, axis, size));
  return j;
}

/** @typedef {{ type: 'basic', size: number, stride: number, start: number }} BasicDim */
/** @typedef {{ type: 'adv', shape: number[], values: number[], stride: number }} AdvDim */

/**
 * The nonzero() positions of a boolean mask over k axes: k integer index arrays.
 * @param {{ shape: number[], values: ArrayLike<boolean | number> }} mask
 * @returns {number[][]}
 */
function maskCoordinates(mask) {
  const k = mask.shape.length;
  const strides = contiguousStrides(mask.shape);
  /** @type {number[][]} */
  const coords = Array.from({ length: k }, () => []);
  for (let p = 0; p < mask.values.length; p++) {
    if (!mask.values[p]) continue;
    for (let i = 0; i < k; i++) coords[i].push(Math.floor(p / strides[i]) % mask.shape[i]);
  }
  return coords;
}

/**
 * Each index item as a basic axis (slice, newaxis) or an advanced index array over one axis.
 * @param {Strided} a @param {IndexItem[]} items @param {IndexMessages} messages
 * @returns {(BasicDim | AdvDim)[]}
 */
function indexDims(a, items, messages) {
  /** @type {(BasicDim | AdvDim)[]} */
  const dims = [];
  let axis = 0;
  for (const it of items) {
    if (it.kind === 'newaxis') {
      dims.push({ type: 'basic', size: 1, stride: 0, start: 0 });
    } else if (it.kind === 'slice') {
      const { start, step, count } = sliceRange(it, a.shape[axis]);
      const stride = a.strides[axis];
      dims.push({
        type: 'basic',
        size: count,
        stride: stride * step,
        start: count > 0 ? start * stride : 0,
      });
      axis++;
    } else if (it.kind === 'int') {
      const j = checkIndex(it.value, axis, a.shape[axis], messages);
      dims.push({ type: 'adv', shape: [], values: [j], stride: a.strides[axis] });
      axis++;
    } else if (it.kind === 'array') {
      const size = a.shape[axis];
      const at = axis;
      const values = Array.from(it.values, (v) => checkIndex(v, at, size, messages));
      dims.push({ type: 'adv', shape: it.shape, values, stride: a.strides[axis] });
      axis++;
    } else if (it.kind === 'bool') {
      it.shape.forEach((d, i) => {
        if (d !== a.shape[axis + i]) {
          throw new PyError('IndexError', messages.boolMismatch(axis + i, a.shape[axis + i], d));
        }
      });
      for (const [i, coords] of maskCoordinates(it).entries()) {
        dims.push({
          type: 'adv',
          shape: [coords.length],
          values: coords,
          stride: a.strides[axis + i],
        });
      }
      axis += it.shape.length;
    }
  }
  return dims;
}

/** The flat positions a set of basic axes walks, in C order. @param {BasicDim[]} ds */
function basicOffsets(ds) {
  if (ds.length === 0) return [0];
  const view = new Strided(
    /** @type {any} */ ([]),
    ds.map((d) => d.size),
    ds.map((d) => d.stride),
    0,
  );
  return [...view.offsets()];
}

/** @param {Strided} a @param {IndexItem[]} items @param {IndexMessages} messages */
function advancedIndex(a, items, messages) {
  const dims = indexDims(a, items, messages);
  const adv = /** @type {AdvDim[]} */ (dims.filter((d) => d.type === 'adv'));
  const advShape = broadcastShapes(adv.map((d) => d.shape));
  if (advShape === null)
    throw new PyError('IndexError', messages.shapeMismatch(adv.map((d) => d.shape)));
  // Adjacent advanced indices put their dimensions where they stand; separated ones, first.
  const positions = dims.map((d, i) => (d.type === 'adv' ? i : -1)).filter((i) => i >= 0);
  const adjacent = positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
  const basic = /** @type {BasicDim[]} */ (dims.filter((d) => d.type === 'basic'));
  const firstAdv = adjacent
    ? dims.slice(0, positions[0]).filter((d) => d.type === 'basic').length
    : 0;
  const before = basic.slice(0, firstAdv);
  const after = basic.slice(firstAdv);
  const shape = [...before.map((d) => d.size), ...advShape, ...after.map((d) => d.size)];
  const out = new Int32Array(shapeSize(shape));
  if (out.length === 0) return { shape, positions: out };

  // Offsets contributed by the advanced block, for each element of its broadcast shape.
  const advOffsets = new Float64Array(shapeSize(advShape));
  for (const d of adv) {
    const view = Strided.contiguous(/** @type {any} */ (d.values), d.shape).broadcastTo(advShape);
    let i = 0;
    for (const p of view.offsets()) advOffsets[i++] += d.values[p] * d.stride;
  }
  const base = a.offset + basic.reduce((s, d) => s + d.start, 0);
  const inner = basicOffsets(after);
  let k = 0;
  for (const o of basicOffsets(before)) {
    for (const adv of advOffsets) for (const i of inner) out[k++] = base + o + adv + i;
  }
  return { shape, positions: out };
}

// Sorting and counting along a dimension: sort, argsort, topk, unique, bincount, cumsum
// (aten/src/ATen/native/cpu/SortingKernel.cpp, TopKImpl.h, Unique.cpp, SummaryOps.cpp and
// ReduceOpsKernel.cpp's cumsum; BSD-3-Clause).
//
// torch.sort without stable=True is libstdc++'s std::sort: an introsort, which orders equal keys
// as its partitioning happens to leave them once a slice has more than 16 elements (up to 16 it
// is an insertion sort, which keeps equal keys in order). The page sorts stably, so it refuses a
// sort of more than 16 elements with equal keys; topk's selection orders ties its own way too,
// so topk refuses ties. cumsum accumulates float32 in double (acc_type), as torch does.

import { PyError, Unsupported } from '../../errors.js';
import { PyTuple } from '../../objects.js';
import { recordOp } from './autograd.js';
import { bool, float64, int64, wrapInt } from './dtypes.js';
import { wrapDim } from './reductions.js';
import { ReturnTypes } from './return-types.js';
import { Tensor } from './tensor.js';
import { assertInitialized } from './uninitialized.js';

/** @typedef {number | bigint} Raw */

/** std::sort's insertion-sort threshold (libstdc++ _S_threshold). */
const INSERTION_SORT_MAX = 16;

/**
 * The buffer positions of every slice along `dim`, slices in C order of the other dims.
 * @param {Tensor} t @param {number} dim @returns {number[][]}
 */
function slicesAlong(t, dim) {
  const { shape, strides, offset } = t.storage;
  if (t.ndim === 0) return [[offset]];
  const outer = shape.map((_, i) => i).filter((i) => i !== dim);
  const n = shape[dim];
  const count = outer.reduce((p, i) => p * shape[i], 1);
  /** @type {number[][]} */
  const out = [];
  const index = new Array(outer.length).fill(0);
  for (let k = 0; k < count; k++) {
    let base = offset;
    outer.forEach((axis, j) => {
      base += index[j] * strides[axis];
    });
    out.push(Array.from({ length: n }, (_, i) => base + i * strides[dim]));
    for (let j = outer.length - 1; j >= 0; j--) {
      if (++index[j] < shape[outer[j]]) break;
      index[j] = 0;
    }
  }
  return out;
}

/** Output positions (C order) of the same slices in a contiguous tensor of t's shape. @param {Tensor} t @param {number} dim */
function contiguousSlices(t, dim) {
  return slicesAlong(Tensor.zeros([...t.shape], bool), dim);
}

/**
 * KeyValueCompAsc / KeyValueCompDesc: NaN sorts as the largest value.
 * @param {boolean} descending @returns {(a: Raw, b: Raw) => boolean}  a before b
 */
function before(descending) {
  const nan = (/** @type {Raw} */ x) => typeof x === 'number' && Number.isNaN(x);
  return descending
    ? (a, b) => (nan(a) && !nan(b)) || a > b
    : (a, b) => (!nan(a) && nan(b)) || a < b;
}

/** Equal as sort keys (NaN equals NaN). @param {Raw} a @param {Raw} b */
const sameKey = (a, b) =>
  a === b || (typeof a === 'number' && Number.isNaN(a) && Number.isNaN(/** @type {number} */ (b)));

/**
 * The order of each slice: indices along dim, sorted (stably).
 * @param {Tensor} t @param {number} dim @param {boolean} descending @param {boolean} stable
 * @param {string} what  the function, for the note on ties
 */
function sortedOrders(t, dim, descending, stable, what) {
  assertInitialized(t.storage);
  const data = /** @type {ArrayLike<Raw>} */ (t.storage.data);
  const first = before(descending);
  return slicesAlong(t, dim).map((positions) => {
    const order = positions.map((_, i) => i);
    order.sort((i, j) => {
      const a = data[positions[i]];
      const b = data[positions[j]];
      return first(a, b) ? -1 : first(b, a) ? 1 : 0;
    });
    if (!stable && positions.length > INSERTION_SORT_MAX) {
      for (let k = 1; k < order.length; k++) {
        if (sameKey(data[positions[order[k]]], data[positions[order[k - 1]]])) {
          throw new Unsupported(
            `${what} of more than ${INSERTION_SORT_MAX} values with repeats (torch's unstable sort orders equal values in a way the page does not reproduce; stable=True is supported)`,
          );
        }
      }
    }
    return { positions, order };
  });
}

/**
 * torch.sort(t, dim, descending, stable) -> (values, indices).
 * @param {Tensor} t @param {bigint} dimArg @param {boolean} descending @param {boolean} stable
 */
export function sort(t, dimArg, descending, stable) {
  const dim = t.ndim === 0 ? 0 : wrapDim(dimArg, t.ndim);
  const orders = sortedOrders(t, dim, descending, stable, 'torch.sort');
  const values = Tensor.zeros([...t.shape], t.dtype);
  const indices = Tensor.zeros([...t.shape], int64);
  const src = /** @type {any} */ (t.storage.data);
  const outSlices = contiguousSlices(t, dim);
  orders.forEach(({ positions, order }, s) => {
    const out = outSlices[s];
    order.forEach((i, k) => {
      /** @type {any} */ (values.storage.data)[out[k]] = src[positions[i]];
      /** @type {BigInt64Array} */ (indices.storage.data)[out[k]] = BigInt(i);
    });
  });
  return new ReturnTypes(
    'sort',
    [recordOp(values, [t], 'SortBackward0'), indices],
    ['values', 'indices'],
  );
}

/** torch.argsort @param {Tensor} t @param {bigint} dimArg @param {boolean} descending @param {boolean} stable */
export function argsort(t, dimArg, descending, stable) {
  return /** @type {Tensor} */ (sort(t, dimArg, descending, stable).items[1]);
}

/**
 * torch.topk(t, k, dim, largest, sorted) -> (values, indices), refusing ties in a slice.
 * @param {Tensor} t @param {bigint} kArg @param {bigint} dimArg @param {boolean} largest @param {boolean} sorted
 */
export function topk(t, kArg, dimArg, largest, sorted) {
  const dim = t.ndim === 0 ? 0 : wrapDim(dimArg, t.ndim);
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  const k = Number(kArg);
  if (k < 0 || k > size) throw new PyError('RuntimeError', 'selected index k out of range');
  if (!sorted) throw new Unsupported('torch.topk(..., sorted=False)');
  const orders = sortedOrders(t, dim, largest, true, 'torch.topk');
  const data = /** @type {ArrayLike<Raw>} */ (t.storage.data);
  for (const { positions, order } of orders) {
    for (let i = 1; i < order.length; i++) {
      if (sameKey(data[positions[order[i]]], data[positions[order[i - 1]]])) {
        throw new Unsupported(
          "torch.topk of values with repeats (torch's selection orders equal values in a way the page does not reproduce)",
        );
      }
    }
  }
  const shape = t.ndim === 0 ? [] : t.shape.map((d, i) => (i === dim ? k : d));
  const values = Tensor.zeros(shape, t.dtype);
  const indices = Tensor.zeros(shape, int64);
  const outSlices = contiguousSlices(values, dim);
  orders.forEach(({ positions, order }, s) => {
    for (let j = 0; j < k; j++) {
      /** @type {any} */ (values.storage.data)[outSlices[s][j]] = data[positions[order[j]]];
      /** @type {BigInt64Array} */ (indices.storage.data)[outSlices[s][j]] = BigInt(order[j]);
    }
  });
  return new ReturnTypes(
    'topk',
    [recordOp(values, [t], 'TopkBackward0'), indices],
    ['values', 'indices'],
  );
}

/**
 * torch.unique(t, sorted=True, return_inverse, return_counts) over all elements.
 * @param {Tensor} t @param {boolean} returnInverse @param {boolean} returnCounts
 */
export function unique(t, returnInverse, returnCounts) {
  assertInitialized(t.storage);
  const values = t.values();
  if (values.some((v) => typeof v === 'number' && (Number.isNaN(v) || Object.is(v, -0))))
    throw new Unsupported('torch.unique of NaN or -0.0');
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(distinct.map((v, i) => [v, i]));
  const out = Tensor.of(
    Object.assign(t.dtype.make(distinct.length), distinct).slice(0, distinct.length),
    [distinct.length],
    t.dtype,
  );
  if (!returnInverse && !returnCounts) return out;
  const items = [out];
  const inverse = new BigInt64Array(values.length);
  const counts = new BigInt64Array(distinct.length);
  values.forEach((v, i) => {
    const p = /** @type {number} */ (position.get(v));
    inverse[i] = BigInt(p);
    counts[p]++;
  });
  items.push(Tensor.of(inverse, [...t.shape], int64));
  items.push(Tensor.of(counts, [distinct.length], int64));
  // torch returns all three, and the Python wrapper drops the ones not asked for
  return new PyTuple([
    items[0],
    ...(returnInverse ? [items[1]] : []),
    ...(returnCounts ? [items[2]] : []),
  ]);
}

/** torch.bincount(t, minlength) (without weights). @param {Tensor} t @param {bigint} minlengthArg */
export function bincount(t, minlengthArg) {
  assertInitialized(t.storage);
  const minlength = Number(minlengthArg);
  if (minlength < 0) throw new PyError('RuntimeError', 'minlength should be >= 0');
  const values = t.values();
  if (t.ndim !== 1 || t.dtype.kind !== 'int' || values.some((v) => v < 0)) {
    throw new PyError('RuntimeError', 'bincount only supports 1-d non-negative integral inputs.');
  }
  const n = values.reduce((m, v) => Math.max(m, Number(v) + 1), minlength);
  const out = new BigInt64Array(n);
  for (const v of values) out[Number(v)]++;
  return Tensor.of(out, [n], int64);
}

/**
 * t.cumsum(dim, dtype): integers and bools in int64, float32 accumulated in double and each
 * partial sum rounded to float (acc_type), float64 in double.
 * @param {Tensor} t @param {bigint} dimArg @param {import('./dtypes.js').DType | null} dtype
 */
export function cumsum(t, dimArg, dtype) {
  assertInitialized(t.storage);
  const dim = t.ndim === 0 ? 0 : wrapDim(dimArg, t.ndim);
  const outDtype = dtype ?? (t.dtype.isFloating ? t.dtype : int64);
  const out = Tensor.zeros([...t.shape], outDtype);
  const src = /** @type {ArrayLike<Raw>} */ (t.storage.data);
  const dst = /** @type {any} */ (out.storage.data);
  const outSlices = contiguousSlices(t, dim);
  const floating = outDtype.isFloating;
  const round = outDtype === float64 ? (/** @type {number} */ x) => x : Math.fround;
  slicesAlong(t, dim).forEach((positions, s) => {
    if (floating) {
      let acc = 0;
      positions.forEach((p, i) => {
        acc += Number(src[p]);
        dst[outSlices[s][i]] = round(acc);
      });
    } else {
      let acc = 0n;
      positions.forEach((p, i) => {
        acc = BigInt.asIntN(64, acc + BigInt(src[p]));
        dst[outSlices[s][i]] = wrapInt(acc, outDtype);
      });
    }
  });
  return recordOp(out, [t], 'CumsumBackward0');
}

// NumPy's reductions with NumPy's digits. np.add.reduce visits the elements in the order of
// its iterator (nditer: axes sorted by memory stride, runs coalesced): when the innermost run
// is along reduced axes it is summed pairwise (pairwise_sum in loops_utils.h.src: blocks of
// 8 accumulators up to 128 elements, halves above), each pairwise sum added to the output in
// turn; otherwise the output accumulates element by element, in order. Products accumulate in
// that same order without pairing. Integer sums wrap and do not depend on order; max and min
// do not either (except for which zero a mix of +0.0 and -0.0 gives, which is refused).
//
//   reduce(a, [1], 'add')        a.sum(axis=1), each row summed pairwise
//   reduce(a, [0], 'add')        a.sum(axis=0), rows added in order

import { PyError, Unsupported } from '../../errors.js';
import { PyTuple } from '../../objects.js';
import { toIndex, typeName } from '../../ops.js';
import { shapeSize } from '../../nd/strided.js';
import { BOOL, FLOAT32, FLOAT64, INT32, INT64, castBuffer, castValue } from './dtype.js';
import { iterationOrder } from './layout.js';
import { NDArray, assertInitialized, truthOf } from './ndarray.js';
import { wrap } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtype.js').DType} DType */

/** NumPy's AxisError. @param {number} axis @param {number} ndim */
export function axisError(axis, ndim) {
  return new PyError('numpy.exceptions.AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

/** A normalised axis index. @param {Value} v @param {number} ndim */
export function normalizeAxis(v, ndim) {
  if (typeof v === 'number') throw new PyError('TypeError', "'float' object cannot be interpreted as an integer");
  const a = Number(toIndex(v));
  if (a < -ndim || a >= ndim) throw axisError(a, ndim);
  return a < 0 ? a + ndim : a;
}

/**
 * The axes an `axis=` argument names (all of them for None), sorted.
 * @param {Value | undefined} axis @param {number} ndim @returns {number[]}
 */
export function reductionAxes(axis, ndim) {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = axis instanceof PyTuple ? axis.items.map((v) => normalizeAxis(v, ndim)) : [normalizeAxis(axis, ndim)];
  if (new Set(list).size !== list.length) throw new PyError('ValueError', "duplicate value in 'axis'");
  return list.sort((x, y) => x - y);
}

/** The shape of a reduction's result. @param {number[]} shape @param {number[]} axes @param {boolean} keepdims */
function resultShape(shape, axes, keepdims) {
  const out = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/** The result layout: the input's memory order, restricted to the kept axes. */
function resultOrder(/** @type {NDArray} */ a, /** @type {number[]} */ axes, /** @type {boolean} */ keepdims) {
  const order = a.axisOrder();
  const index = new Map();
  let k = 0;
  a.shape.forEach((_, i) => {
    if (!axes.includes(i)) index.set(i, k++);
    else if (keepdims) index.set(i, k++);
  });
  return order.filter((i) => index.has(i)).map((i) => index.get(i));
}

/**
 * @typedef {'add' | 'multiply' | 'maximum' | 'minimum' | 'logical_or' | 'logical_and'} ReduceOp
 */

const NO_IDENTITY = { maximum: 'maximum', minimum: 'minimum' };

/**
 * A ufunc reduction (sum, prod, max, min, any, all).
 * @param {NDArray} a @param {number[]} axes  sorted, normalised
 * @param {ReduceOp} op @param {{ dtype?: DType, keepdims?: boolean }} [options]
 * @returns {Value}
 */
export function reduce(a, axes, op, options = {}) {
  const keepdims = options.keepdims ?? false;
  let t = options.dtype ?? defaultReduceType(a.dtype, op);
  if (a.dtype.isString) {
    if (op === 'maximum' || op === 'minimum') throw new Unsupported(`np.${op === 'maximum' ? 'max' : 'min'} of a string array`);
    throw new PyError('numpy._core._exceptions._UFuncNoLoopError', `ufunc '${op}' did not contain a loop with signature matching types (<class 'numpy.dtypes.StrDType'>, <class 'numpy.dtypes.StrDType'>) -> None`);
  }
  const shape = [...a.shape];
  const outShape = resultShape(shape, axes, keepdims);
  const outSize = shapeSize(outShape);
  const count = axes.reduce((n, i) => n * shape[i], 1);
  if (count === 0 && op in NO_IDENTITY && outSize > 0) {
    throw new PyError('ValueError', `zero-size array to reduction operation ${op} which has no identity`);
  }
  if (op === 'logical_or' || op === 'logical_and') t = BOOL;
  const values = computeReduction(a, axes, op, t, outShape);
  return wrap(NDArray.fromValues(t, outShape, values, resultOrder(a, axes, keepdims)));
}

/** The accumulator type NumPy picks: small ints and bools sum and multiply as int64. */
function defaultReduceType(/** @type {DType} */ t, /** @type {ReduceOp} */ op) {
  if ((op === 'add' || op === 'multiply') && (t === INT32 || t === BOOL)) return INT64;
  return t;
}

/**
 * The reduced values, in C order of the result shape.
 * @param {NDArray} a @param {number[]} axes @param {ReduceOp} op @param {DType} t @param {number[]} outShape
 */
function computeReduction(a, axes, op, t, outShape) {
  const outSize = shapeSize(outShape);
  const { shape, strides } = a.s;
  // The output position (C order over the kept axes) of each input axis step.
  const outStride = new Array(shape.length).fill(0);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (!axes.includes(i)) {
      outStride[i] = acc;
      acc *= shape[i];
    }
  }
  assertInitialized(a.s);
  const cast = a.dtype !== t;
  const orderMatters = t.isFloat && (op === 'add' || op === 'multiply');
  if (orderMatters && cast) {
    if (op === 'multiply' || !sumIsExact(a)) {
      throw new Unsupported(
        `this ${op === 'add' ? 'sum' : 'product'} of ${a.dtype.name} values as ${t.name} (NumPy converts them in buffered chunks whose order is not reproduced here)`,
      );
    }
  }
  const data = /** @type {any} */ (a.s.data);
  const read = cast ? (/** @type {number} */ p) => castValue(data[p], a.dtype, t) : (/** @type {number} */ p) => data[p];
  const out = t.make(outSize);
  if (op === 'add' || op === 'logical_or' || op === 'maximum' || op === 'minimum') out.fill(t.zero);
  if (op === 'multiply' || op === 'logical_and') out.fill(t === INT64 ? 1n : 1);

  if (a.size === 0) return out;
  // Iterate in NumPy's order: axes outermost first by memory stride; size-1 axes do not matter.
  const order = iterationOrder(shape, [strides]).filter((i) => shape[i] > 1);
  if (op === 'maximum' || op === 'minimum') return minMax(a, axes, op, outShape, outStride, order, read, t);
  if (op === 'logical_or' || op === 'logical_and') {
    visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
      const v = truthOf(data[p], a.dtype);
      if (op === 'logical_or') out[o] = out[o] || v ? 1 : 0;
      else out[o] = out[o] && v ? 1 : 0;
    });
    return out;
  }
  if (!orderMatters) {
    if (t === INT64) {
      visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
        out[o] = op === 'add' ? BigInt.asIntN(64, out[o] + read(p)) : BigInt.asIntN(64, out[o] * read(p));
      });
    } else {
      // float sums of exactly representable integers (any order gives the same result)
      visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
        out[o] = op === 'add' ? out[o] + read(p) : out[o] * read(p);
      });
    }
    return out;
  }
  const single = t === FLOAT32;
  // The innermost run: reduced axes that coalesce (uniform stride) are summed pairwise.
  const inner = order.length ? order[order.length - 1] : -1;
  if (op === 'add' && inner >= 0 && axes.includes(inner)) {
    let run = [inner];
    let length = shape[inner];
    let k = order.length - 2;
    while (k >= 0) {
      const next = order[k];
      const prev = run[run.length - 1];
      if (!axes.includes(next) || strides[prev] * shape[prev] !== strides[next]) break;
      run.push(next);
      length *= shape[next];
      k--;
    }
    const outer = order.slice(0, k + 1);
    const stride = strides[inner];
    const block = single ? new Float32Array(length) : new Float64Array(length);
    visit(a.s.offset, outer, shape, strides, outStride, (p, o) => {
      for (let j = 0; j < length; j++) block[j] = data[p + j * stride];
      const s = pairwiseSum(block, 0, length, single);
      out[o] = single ? Math.fround(out[o] + s) : out[o] + s;
    });
    return out;
  }
  visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
    const v = data[p];
    out[o] = op === 'add' ? out[o] + v : out[o] * v; // Float32Array stores round to float32
  });
  return out;
}

/**
 * Calls f(input position, output index) for every element, iterating the axes of `order`
 * (outermost first), as nested loops.
 * @param {number} offset @param {number[]} order @param {readonly number[]} shape
 * @param {readonly number[]} strides @param {number[]} outStride
 * @param {(p: number, o: number) => void} f
 */
function visit(offset, order, shape, strides, outStride, f) {
  const nd = order.length;
  if (nd === 0) {
    f(offset, 0);
    return;
  }
  const sizes = order.map((i) => shape[i]);
  const st = order.map((i) => strides[i]);
  const os = order.map((i) => outStride[i]);
  const idx = new Array(nd).fill(0);
  let p = offset;
  let o = 0;
  const total = sizes.reduce((x, y) => x * y, 1);
  const last = nd - 1;
  const innerSize = sizes[last];
  const innerStride = st[last];
  const innerOut = os[last];
  for (let done = 0; done < total; done += innerSize) {
    for (let j = 0, pj = p, oj = o; j < innerSize; j++, pj += innerStride, oj += innerOut) f(pj, oj);
    for (let axis = last - 1; axis >= 0; axis--) {
      idx[axis]++;
      p += st[axis];
      o += os[axis];
      if (idx[axis] < sizes[axis]) break;
      p -= st[axis] * sizes[axis];
      o -= os[axis] * sizes[axis];
      idx[axis] = 0;
    }
  }
}

/**
 * NumPy's pairwise_sum (loops_utils.h.src) over block[lo, lo + n), in float64 or float32.
 * @param {Float64Array | Float32Array} a @param {number} lo @param {number} n @param {boolean} single
 * @returns {number}
 */
export function pairwiseSum(a, lo, n, single) {
  const r = single ? Math.fround : (/** @type {number} */ v) => v;
  if (n < 8) {
    // Starts from -0.0 so that a sum of -0.0 values stays -0.0.
    let res = -0;
    for (let i = 0; i < n; i++) res = r(res + a[lo + i]);
    return res;
  }
  if (n <= 128) {
    let r0 = a[lo];
    let r1 = a[lo + 1];
    let r2 = a[lo + 2];
    let r3 = a[lo + 3];
    let r4 = a[lo + 4];
    let r5 = a[lo + 5];
    let r6 = a[lo + 6];
    let r7 = a[lo + 7];
    let i = 8;
    const end = n - (n % 8);
    if (single) {
      for (; i < end; i += 8) {
        r0 = Math.fround(r0 + a[lo + i]);
        r1 = Math.fround(r1 + a[lo + i + 1]);
        r2 = Math.fround(r2 + a[lo + i + 2]);
        r3 = Math.fround(r3 + a[lo + i + 3]);
        r4 = Math.fround(r4 + a[lo + i + 4]);
        r5 = Math.fround(r5 + a[lo + i + 5]);
        r6 = Math.fround(r6 + a[lo + i + 6]);
        r7 = Math.fround(r7 + a[lo + i + 7]);
      }
    } else {
      for (; i < end; i += 8) {
        r0 += a[lo + i];
        r1 += a[lo + i + 1];
        r2 += a[lo + i + 2];
        r3 += a[lo + i + 3];
        r4 += a[lo + i + 4];
        r5 += a[lo + i + 5];
        r6 += a[lo + i + 6];
        r7 += a[lo + i + 7];
      }
    }
    let res = r(r(r(r0 + r1) + r(r2 + r3)) + r(r(r4 + r5) + r(r6 + r7)));
    for (; i < n; i++) res = r(res + a[lo + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwiseSum(a, lo, n2, single) + pairwiseSum(a, lo + n2, n - n2, single));
}

/** Whether converting to float64 and summing in any order is exact (every partial sum < 2**53). @param {NDArray} a */
function sumIsExact(a) {
  if (a.dtype === BOOL) return true;
  const values = a.values();
  if (a.dtype === INT32) return values.length < 2 ** 21;
  let total = 0n;
  for (let i = 0; i < values.length; i++) total += values[i] < 0n ? -values[i] : values[i];
  return total <= 2n ** 53n;
}

/** max/min: the value does not depend on order, except the sign of a zero. */
function minMax(
  /** @type {NDArray} */ a, /** @type {number[]} */ axes, /** @type {ReduceOp} */ op, /** @type {number[]} */ outShape,
  /** @type {number[]} */ outStride, /** @type {number[]} */ order, /** @type {(p: number) => any} */ read, /** @type {DType} */ t,
) {
  const outSize = shapeSize(outShape);
  const out = t.make(outSize);
  const seen = new Uint8Array(outSize);
  const isMax = op === 'maximum';
  const float = t.isFloat;
  const mixedZeros = float ? new Uint8Array(outSize) : null;
  visit(a.s.offset, order, a.s.shape, a.s.strides, outStride, (p, o) => {
    const v = read(p);
    if (!seen[o]) {
      out[o] = v;
      seen[o] = 1;
      return;
    }
    const cur = out[o];
    if (float) {
      if (Number.isNaN(cur)) return;
      if (Number.isNaN(v)) {
        out[o] = v;
        return;
      }
      if (v === 0 && cur === 0 && Object.is(v, -0) !== Object.is(cur, -0)) /** @type {Uint8Array} */ (mixedZeros)[o] = 1;
    }
    if (isMax ? v > cur : v < cur) out[o] = v;
  });
  if (mixedZeros) {
    for (let o = 0; o < outSize; o++) {
      if (mixedZeros[o] && out[o] === 0) {
        throw new Unsupported(`np.${isMax ? 'max' : 'min'} where the result is a zero and both +0.0 and -0.0 occur (NumPy's SIMD lanes decide which)`);
      }
    }
  }
  void axes;
  return out;
}

/**
 * argmax / argmin: the first index of the maximum (a NaN counts as the maximum, and minimum).
 * @param {NDArray} a @param {Value | undefined} axis @param {boolean} isMax @param {boolean} keepdims
 */
export function argReduce(a, axis, isMax, keepdims) {
  const name = isMax ? 'argmax' : 'argmin';
  if (a.dtype.isString) throw new Unsupported(`np.${name} of a string array`);
  if (axis === undefined || axis === null) {
    if (a.size === 0) throw new PyError('ValueError', `attempt to get ${name} of an empty sequence`);
    const values = a.values();
    const idx = argOf(values, 0, values.length, 1, isMax, a.dtype);
    if (keepdims) return NDArray.fromBuffer(BigInt64Array.of(BigInt(idx)), a.shape.map(() => 1), INT64);
    return wrap(NDArray.fromBuffer(BigInt64Array.of(BigInt(idx)), [], INT64));
  }
  const ax = normalizeAxis(axis, a.ndim);
  const shape = [...a.shape];
  const n = shape[ax];
  if (n === 0) throw new PyError('ValueError', `attempt to get ${name} of an empty sequence`);
  const outShape = shape.filter((_, i) => i !== ax);
  const outSize = shapeSize(outShape);
  // Move the axis last, in C order, as NumPy does.
  const perm = [...shape.keys()].filter((i) => i !== ax).concat([ax]);
  const moved = new NDArray(a.dtype, a.s.transpose(perm)).values();
  const out = new BigInt64Array(outSize);
  for (let k = 0; k < outSize; k++) out[k] = BigInt(argOf(moved, k * n, n, 1, isMax, a.dtype));
  const finalShape = keepdims ? shape.map((d, i) => (i === ax ? 1 : d)) : outShape;
  return wrap(NDArray.fromBuffer(out, finalShape, INT64));
}

/** @param {ArrayLike<any>} v @param {number} start @param {number} n @param {number} step @param {boolean} isMax @param {DType} t */
function argOf(v, start, n, step, isMax, t) {
  let best = 0;
  let bestValue = v[start];
  if (t.isFloat && Number.isNaN(bestValue)) return 0;
  for (let i = 1; i < n; i++) {
    const x = v[start + i * step];
    if (t.isFloat && Number.isNaN(x)) return i;
    if (isMax ? x > bestValue : x < bestValue) {
      best = i;
      bestValue = x;
    }
  }
  return best;
}

/**
 * np.cumsum / np.cumprod: np.add.accumulate along one axis (the flattened array for None).
 * @param {NDArray} a @param {Value | undefined} axis @param {'add' | 'multiply'} op
 * @param {DType} [dtype]
 */
export function accumulate(a, axis, op, dtype) {
  let arr = a;
  if (axis === undefined || axis === null) arr = NDArray.fromBuffer(a.copy('C').s.data, [a.size], a.dtype);
  const ax = normalizeAxis(axis ?? 0n, arr.ndim === 0 ? 1 : arr.ndim);
  if (arr.ndim === 0) arr = arr.reshape([1]);
  const t = dtype ?? defaultReduceType(arr.dtype, op);
  if (arr.dtype.isString) throw new Unsupported(`np.cum${op === 'add' ? 'sum' : 'prod'} of a string array`);
  const shape = [...arr.shape];
  const n = shape[ax];
  const values = arr.values();
  const src = arr.dtype === t ? values : castBuffer(values, arr.dtype, t);
  const out = t.make(src.length);
  const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
  const outer = shape.slice(0, ax).reduce((x, y) => x * y, 1);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      if (n === 0) continue;
      out[base] = src[base];
      for (let j = 1; j < n; j++) {
        const prev = out[base + (j - 1) * inner];
        const x = src[base + j * inner];
        if (t === INT64) out[base + j * inner] = BigInt.asIntN(64, op === 'add' ? prev + x : prev * x);
        else if (t === BOOL) out[base + j * inner] = op === 'add' ? prev | x : prev & x;
        else out[base + j * inner] = op === 'add' ? prev + x : prev * x;
      }
    }
  }
  return NDArray.fromValues(t, shape, out, arr.axisOrder());
}

void FLOAT64;
void typeName;

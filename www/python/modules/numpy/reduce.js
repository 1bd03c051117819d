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
import { shapeSize } from '../../nd/strided.js';
import { PyTuple } from '../../objects.js';
import { toIndex } from '../../ops.js';
import { chargeWork } from './budget.js';
import { BOOL, castBuffer, castValue, FLOAT32, INT64, UINT64 } from './dtype.js';
import { iterationOrder } from './layout.js';
import { assertInitialized, NDArray, truthOf } from './ndarray.js';
import { wrap } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtype.js').DType} DType */

/** NumPy's AxisError. @param {number} axis @param {number} ndim */
export function axisError(axis, ndim) {
  return new PyError(
    'numpy.exceptions.AxisError',
    `axis ${axis} is out of bounds for array of dimension ${ndim}`,
  );
}

/** A normalised axis index. @param {Value} v @param {number} ndim */
export function normalizeAxis(v, ndim) {
  if (typeof v === 'number')
    throw new PyError('TypeError', "'float' object cannot be interpreted as an integer");
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
  const list =
    axis instanceof PyTuple
      ? axis.items.map((v) => normalizeAxis(v, ndim))
      : [normalizeAxis(axis, ndim)];
  if (new Set(list).size !== list.length)
    throw new PyError('ValueError', "duplicate value in 'axis'");
  return list.sort((x, y) => x - y);
}

/** The shape of a reduction's result. @param {number[]} shape @param {number[]} axes @param {boolean} keepdims */
function resultShape(shape, axes, keepdims) {
  /** @type {number[]} */
  const out = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/** The result layout: the input's memory order, restricted to the kept axes. */
function resultOrder(
  /** @type {NDArray} */ a,
  /** @type {number[]} */ axes,
  /** @type {boolean} */ keepdims,
) {
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
    const d = a.dtype.repr();
    if (op === 'add') {
      throw new PyError(
        'TypeError',
        `the resolved dtypes are not compatible with add.reduce. Resolved (${d}, ${d}, dtype('<U${2 * a.dtype.chars}'))`,
      );
    }
    if (op !== 'logical_or' && op !== 'logical_and') {
      throw new PyError(
        'numpy._core._exceptions._UFuncNoLoopError',
        `ufunc '${op}' did not contain a loop with signature matching types (${d}, ${d}) -> None`,
      );
    }
  }
  const shape = [...a.shape];
  const outShape = resultShape(shape, axes, keepdims);
  const outSize = shapeSize(outShape);
  chargeWork(a.size);
  const count = axes.reduce((n, i) => n * shape[i], 1);
  if (count === 0 && op in NO_IDENTITY && outSize > 0) {
    throw new PyError(
      'ValueError',
      `zero-size array to reduction operation ${op} which has no identity`,
    );
  }
  if (op === 'logical_or' || op === 'logical_and') t = BOOL;
  const values = computeReduction(a, axes, op, t, outShape);
  return wrap(NDArray.fromValues(t, outShape, values, resultOrder(a, axes, keepdims)));
}

/**
 * The accumulator type NumPy picks: bools and the integers narrower than 64 bits sum and
 * multiply as int64 (unsigned ones as uint64).
 */
function defaultReduceType(/** @type {DType} */ t, /** @type {ReduceOp} */ op) {
  if (op !== 'add' && op !== 'multiply') return t;
  if (t === BOOL || (t.isInt && !t.isBig)) return t.isUnsigned ? UINT64 : INT64;
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
  const data = /** @type {any} */ (a.s.data);
  const read = cast
    ? (/** @type {number} */ p) => castValue(data[p], a.dtype, t)
    : (/** @type {number} */ p) => data[p];
  const out = t.make(outSize);
  if (op === 'add' || op === 'logical_or' || op === 'maximum' || op === 'minimum') out.fill(t.zero);
  if (op === 'multiply' || op === 'logical_and') out.fill(t.isBig ? 1n : 1);

  if (a.size === 0) return out;
  // Iterate in NumPy's order: axes outermost first by memory stride; size-1 axes do not matter.
  const order = iterationOrder(shape, [strides]).filter((i) => shape[i] > 1);
  if (op === 'maximum' || op === 'minimum')
    return minMax(a, op, outShape, outStride, order, read, t);
  if (op === 'logical_or' || op === 'logical_and') {
    visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
      const v = truthOf(data[p], a.dtype);
      if (op === 'logical_or') out[o] = out[o] || v ? 1 : 0;
      else out[o] = out[o] && v ? 1 : 0;
    });
    return out;
  }
  if (t.isInt) {
    // Wrapping integer arithmetic: the order does not matter.
    visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
      const x = BigInt(out[o]);
      const v = BigInt(read(p));
      out[o] = t.wrap(op === 'add' ? x + v : x * v);
    });
    return out;
  }
  if (op === 'multiply' || order.length === 0 || !axes.includes(order[order.length - 1])) {
    // Products, and sums whose innermost axis is kept: element by element, in iteration order.
    visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
      const v = read(p);
      out[o] = op === 'add' ? out[o] + v : out[o] * v; // Float32Array stores round to float32
    });
    return out;
  }
  // Sums whose innermost axis is reduced: each inner-loop call of NumPy's iterator is summed
  // pairwise and added to its output element. The calls are the iterator's buffer transfers.
  const single = t === FLOAT32;
  const n = a.size;
  const inPos = new Int32Array(n);
  const outPos = new Int32Array(n);
  let k = 0;
  visit(a.s.offset, order, shape, strides, outStride, (p, o) => {
    inPos[k] = p;
    outPos[k++] = o;
  });
  const block = single ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) block[i] = read(inPos[i]);
  for (const [start, count] of innerLoopCalls(shape, strides, axes, order, cast)) {
    const s = pairwiseSum(block, start, count, single);
    const o = outPos[start];
    out[o] = out[o] + s; // Float32Array stores round to float32
  }
  return out;
}

/**
 * The inner-loop calls of NumPy's reduction iterator (nditer with buffering, GROWINNER and the
 * default 8192-element buffer), as [first element, count] in iteration order: the axes are
 * coalesced, then npyiter_find_buffering_setup chooses a "core" of inner axes to copy into a
 * buffer (when that is cheaper than looping over them), and each buffer transfer — or each
 * core of it, when the output is a reduce operand of the transfer — is one call.
 * @param {readonly number[]} shape @param {readonly number[]} strides  of the input
 * @param {number[]} axes  reduced axes @param {number[]} order  axes, outermost first, size > 1
 * @param {boolean} cast  the input is converted (always buffered)
 * @returns {Generator<[number, number]>}
 */
function* innerLoopCalls(shape, strides, axes, order, cast) {
  const dims = coalescedDims(shape, strides, axes, order);
  const { bestDim, bestCore, bestSize, usingReduce } = bufferingSetup(dims, cast);
  // Blocks of the dims up to bestDim, transferred bestSize elements at a time.
  const block = bestCore * dims.shape[bestDim];
  let outer = 1;
  for (let d = bestDim + 1; d < dims.shape.length; d++) outer *= dims.shape[d];
  let start = 0;
  for (let o = 0; o < outer; o++) {
    let pos = 0;
    while (pos < block) {
      const transfer = Math.min(bestSize, block - pos);
      if (usingReduce && transfer / bestCore > 1) {
        for (let c = 0; c < transfer; c += bestCore) yield [start + pos + c, bestCore];
      } else {
        yield [start + pos, transfer];
      }
      pos += transfer;
    }
    start += block;
  }
}

/**
 * @typedef {{ shape: number[], in: number[], out: number[] }} IterDims  the iterator's axes,
 *   innermost first, with the input's strides and the output's (0 along reduced axes)
 */

/**
 * The iterator's axes after npyiter_coalesce_axes: neighbours merge where both operands step
 * through them as one (the output is allocated in iteration order, so kept axes merge when the
 * input's do; reduced axes only with reduced axes).
 * @param {readonly number[]} shape @param {readonly number[]} strides @param {number[]} axes
 * @param {number[]} order @returns {IterDims}
 */
function coalescedDims(shape, strides, axes, order) {
  const inner = [...order].reverse();
  const outStride = new Map();
  let acc = 1;
  for (const ax of inner) {
    if (axes.includes(ax)) outStride.set(ax, 0);
    else {
      outStride.set(ax, acc);
      acc *= shape[ax];
    }
  }
  /** @type {IterDims} */
  const dims = { shape: [], in: [], out: [] };
  for (const ax of inner) {
    const last = dims.shape.length - 1;
    const s = strides[ax];
    const o = outStride.get(ax);
    if (
      last >= 0 &&
      dims.in[last] * dims.shape[last] === s &&
      dims.out[last] * dims.shape[last] === o
    ) {
      dims.shape[last] *= shape[ax];
    } else {
      dims.shape.push(shape[ax]);
      dims.in.push(s);
      dims.out.push(o);
    }
  }
  return dims;
}

/**
 * npyiter_find_buffering_setup for the operands (output, input): how many inner axes form the
 * "core" that one buffer transfer covers, the transfer size, and whether the reduce double loop
 * (one inner-loop call per core) is used.
 * @param {IterDims} dims @param {boolean} cast
 */
function bufferingSetup(dims, cast) {
  const MAX = 8192;
  const nd = dims.shape.length;
  const ops = [dims.out, dims.in];
  let cost = 1 + (cast ? 1 : 0);
  const singleStride = [1, 1];
  const reduceOuter = [0, 0];
  let outerReduceDim = 0;
  let size = dims.shape[0];
  let bestDim = 0;
  let bestCost = cost;
  let bestSize = size;
  let bestCore = 1;
  for (let idim = 1; idim < nd; idim++) {
    if (outerReduceDim) break;
    if (size >= MAX && cost > 1) break;
    for (let op = 0; op < 2; op++) {
      const prev = ops[op][idim - 1];
      const cur = ops[op][idim];
      if (singleStride[op] === idim) {
        if (prev * dims.shape[idim - 1] === cur) {
          singleStride[op]++;
          continue;
        }
        if (!(op === 1 && cast)) cost++;
      }
      if (op === 0 && (cur === 0 || prev === 0)) {
        reduceOuter[op] = idim;
        outerReduceDim = idim;
      }
    }
    const core = size;
    size *= dims.shape[idim];
    const bufsize = size > MAX && cost > 1 ? MAX : size;
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost;
      bestCore = core;
      bestSize = size;
      bestDim = idim;
    }
  }
  const usingReduce = outerReduceDim !== 0 && bestDim === outerReduceDim;
  let mustBuffer = cast;
  for (let op = 0; op < 2; op++) {
    const buffered = op === 1 && cast;
    let isReduce = 0;
    if (!usingReduce) isReduce = 0;
    else if (reduceOuter[op] === bestDim) isReduce = 1;
    else if (singleStride[op] === bestDim && !buffered) isReduce = 1;
    else if (ops[op][outerReduceDim] === 0 && singleStride[op] <= bestDim) isReduce = 1;
    if (buffered || singleStride[op] + isReduce <= bestDim) mustBuffer = true;
  }
  if (mustBuffer && MAX < bestSize) bestSize = bestCore * Math.floor(MAX / bestCore);
  return { bestDim, bestCore, bestSize, usingReduce };
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
    for (let j = 0, pj = p, oj = o; j < innerSize; j++, pj += innerStride, oj += innerOut)
      f(pj, oj);
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

/** max/min: the value does not depend on order, except the sign of a zero. */
function minMax(
  /** @type {NDArray} */ a,
  /** @type {ReduceOp} */ op,
  /** @type {number[]} */ outShape,
  /** @type {number[]} */ outStride,
  /** @type {number[]} */ order,
  /** @type {(p: number) => any} */ read,
  /** @type {DType} */ t,
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
      if (v === 0 && cur === 0 && Object.is(v, -0) !== Object.is(cur, -0))
        /** @type {Uint8Array} */ (mixedZeros)[o] = 1;
    }
    if (isMax ? v > cur : v < cur) out[o] = v;
  });
  if (mixedZeros) {
    for (let o = 0; o < outSize; o++) {
      if (mixedZeros[o] && out[o] === 0) {
        throw new Unsupported(
          `np.${isMax ? 'max' : 'min'} where the result is a zero and both +0.0 and -0.0 occur (NumPy's SIMD lanes decide which)`,
        );
      }
    }
  }
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
    if (a.size === 0)
      throw new PyError('ValueError', `attempt to get ${name} of an empty sequence`);
    const values = a.values();
    const idx = argOf(values, 0, values.length, 1, isMax, a.dtype);
    if (keepdims)
      return NDArray.fromBuffer(
        BigInt64Array.of(BigInt(idx)),
        a.shape.map(() => 1),
        INT64,
      );
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
  if (axis === undefined || axis === null)
    arr = NDArray.fromBuffer(a.copy('C').s.data, [a.size], a.dtype);
  const ax = normalizeAxis(axis ?? 0n, arr.ndim === 0 ? 1 : arr.ndim);
  if (arr.ndim === 0) arr = arr.reshape([1]);
  const t = dtype ?? defaultReduceType(arr.dtype, op);
  if (arr.dtype.isString)
    throw new Unsupported(`np.cum${op === 'add' ? 'sum' : 'prod'} of a string array`);
  const shape = [...arr.shape];
  const n = shape[ax];
  chargeWork(arr.size);
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
        if (t.isInt) {
          out[base + j * inner] = t.wrap(
            op === 'add' ? BigInt(prev) + BigInt(x) : BigInt(prev) * BigInt(x),
          );
        } else if (t === BOOL) out[base + j * inner] = op === 'add' ? prev | x : prev & x;
        else out[base + j * inner] = op === 'add' ? prev + x : prev * x;
      }
    }
  }
  return NDArray.fromValues(t, shape, out, arr.axisOrder());
}

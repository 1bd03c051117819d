// Reductions with torch's exact digits on the reference CPU (x86-64, AVX2 kernels):
//  - sum and mean of floats: SumKernel.cpp's cascade_sum, whose order (multi-level partial sums,
//    four interleaved accumulators, 8-lane float / 4-lane double vectors) is reproduced here;
//  - std of all elements: ReduceOps.cpp's std_var_all_cpu (two passes, in double);
//    std along dims: Welford's algorithm in double (WelfordOps);
//  - integer sums, min, max, argmax: exact in any order.
// Past 32,767 elements torch splits float sums and all-element std across CPU threads, so its
// last digits depend on the machine's thread count: those raise Unsupported instead.

import { PyError, Unsupported } from '../../errors.js';
import { contiguousStrides, shapeSize } from '../../nd/strided.js';
import { recordOp } from './autograd.js';
import { bool, float32, int64 } from './dtypes.js';
import { DTYPE_CPP_NAMES } from './elementwise.js';
import { Tensor } from './tensor.js';
import { forEach2d, reducedGroups, reductionLayout } from './tensor-iterator.js';
import { assertInitialized } from './uninitialized.js';

/** at::internal::GRAIN_SIZE: reductions of this many elements or more run on several threads. */
export const GRAIN_SIZE = 32768;

/** @param {string} what */
function threadDependent(what) {
  return new Unsupported(
    `${what} of 32,768 or more floating-point elements (torch splits that work across CPU threads, so its last digits depend on the machine)`,
  );
}

// --- dims ---------------------------------------------------------------------------------------

/**
 * maybe_wrap_dim with torch's message.
 * @param {bigint | number} dim @param {number} ndim
 */
export function wrapDim(dim, ndim) {
  const d = Number(dim);
  const n = Math.max(ndim, 1);
  if (d < -n || d >= n) {
    throw new PyError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`,
    );
  }
  return d < 0 ? d + n : d;
}

/**
 * The set of reduced dims of a `dim` argument (null: all), with torch's checks.
 * @param {bigint[] | null} dims @param {number} ndim
 */
export function reducedDims(dims, ndim) {
  if (dims === null || dims.length === 0) return new Set(Array.from({ length: ndim }, (_, i) => i));
  const out = new Set();
  for (const d of dims) {
    const w = wrapDim(d, ndim);
    if (out.has(w))
      throw new PyError('RuntimeError', `dim ${w} appears multiple times in the list of dims`);
    out.add(ndim === 0 ? w : w);
  }
  if (ndim === 0) return new Set();
  return out;
}

/** The output shape of a reduction. @param {number[]} shape @param {Set<number>} dims @param {boolean} keepdim */
function outputShape(shape, dims, keepdim) {
  return keepdim
    ? shape.map((d, i) => (dims.has(i) ? 1 : d))
    : shape.filter((_, i) => !dims.has(i));
}

// --- the cascade sum --------------------------------------------------------------------------

/**
 * Arithmetic on accumulators: scalars, or vectors of `lanes` elements.
 * @typedef {{ zero: () => any, add: (a: any, b: any) => any }} AccOps
 */

/** utils::CeilLog2 @param {number} x */
function ceilLog2(x) {
  if (x <= 2) return 1;
  return 32 - Math.clz32(x - 1);
}

/**
 * multi_row_sum: sums `size` rows of `nrows` columns in a cascade of four levels.
 * @param {(i: number, k: number) => any} load @param {number} nrows @param {number} size @param {AccOps} ops
 */
function multiRowSum(load, nrows, size, ops) {
  const NUM_LEVELS = 4;
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / NUM_LEVELS));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc = Array.from({ length: NUM_LEVELS }, () =>
    Array.from({ length: nrows }, () => ops.zero()),
  );
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) {
      for (let k = 0; k < nrows; k++) acc[0][k] = ops.add(acc[0][k], load(i, k));
    }
    for (let j = 1; j < NUM_LEVELS; j++) {
      for (let k = 0; k < nrows; k++) {
        acc[j][k] = ops.add(acc[j][k], acc[j - 1][k]);
        acc[j - 1][k] = ops.zero();
      }
      const mask = levelMask << (j * levelPower);
      if ((i & mask) !== 0) break;
    }
  }
  for (; i < size; i++) {
    for (let k = 0; k < nrows; k++) acc[0][k] = ops.add(acc[0][k], load(i, k));
  }
  for (let j = 1; j < NUM_LEVELS; j++) {
    for (let k = 0; k < nrows; k++) acc[0][k] = ops.add(acc[0][k], acc[j][k]);
  }
  return acc[0];
}

/** row_sum: four interleaved partial sums. @param {(i: number) => any} load @param {number} size @param {AccOps} ops */
function rowSum(load, size, ops) {
  const ILP = 4;
  const sizeIlp = Math.floor(size / ILP);
  const partial = multiRowSum((i, k) => load(i * ILP + k), ILP, sizeIlp, ops);
  for (let i = sizeIlp * ILP; i < size; i++) partial[0] = ops.add(partial[0], load(i));
  for (let k = 1; k < ILP; k++) partial[0] = ops.add(partial[0], partial[k]);
  return partial[0];
}

/**
 * What the cascade_sum loops share: the input buffer, the accumulator arithmetic of the dtype
 * (scalars, and vectors of Vectorized<float>'s 8 or Vectorized<double>'s 4 lanes on AVX2), and
 * the output, accumulated into as CastStoreAccumulate does (out[i] += v).
 * @typedef {{ data: Float32Array | Float64Array, lanes: number, scalar: AccOps, vector: AccOps,
 *   vec: (p: number) => number[], store: (i: number, v: number) => void }} SumKit
 */

/**
 * One two-dimensional slab of cascade_sum: size0 x size1 elements from inBase with strides
 * inS, summed into the outputs at outBase + j * outStride.
 * @typedef {{ inBase: number, outBase: number, inS: number[], outStride: number, size0: number, size1: number }} Slab
 */

/** vectorized_inner_sum: each row of contiguous elements as vectors, then its tail. @param {SumKit} kit @param {Slab} slab */
function vectorizedInnerSum(kit, { inBase, outBase, inS, outStride, size0, size1 }) {
  const { data, lanes, vector, vec, store, scalar } = kit;
  const vecSize = Math.floor(size0 / lanes);
  for (let j = 0; j < size1; j++) {
    const row = inBase + j * inS[1];
    const acc = rowSum((i) => vec(row + i * lanes), vecSize, vector);
    let final = 0;
    for (let k = vecSize * lanes; k < size0; k++) final = scalar.add(final, data[row + k]);
    for (let k = 0; k < lanes; k++) final = scalar.add(final, acc[k]);
    store(outBase + j * outStride, final);
  }
}

/** vectorized_outer_sum: columns four vectors at a time, then one vector, then one by one. @param {SumKit} kit @param {Slab} slab */
function vectorizedOuterSum(kit, { inBase, outBase, inS, outStride, size0, size1 }) {
  const { data, lanes, vector, vec, store, scalar } = kit;
  let j = 0;
  for (; j + 4 * lanes <= size1; j += 4 * lanes) {
    const row = inBase + j;
    const sums = multiRowSum((i, k) => vec(row + i * inS[0] + k * lanes), 4, size0, vector);
    for (let r = 0; r < 4; r++) {
      for (let k = 0; k < lanes; k++) store(outBase + (j + r * lanes + k) * outStride, sums[r][k]);
    }
  }
  for (; j + lanes <= size1; j += lanes) {
    const row = inBase + j;
    const sums = rowSum((i) => vec(row + i * inS[0]), size0, vector);
    for (let k = 0; k < lanes; k++) store(outBase + (j + k) * outStride, sums[k]);
  }
  for (; j < size1; j++) {
    const row = inBase + j;
    store(
      outBase + j * outStride,
      rowSum((i) => data[row + i * inS[0]], size0, scalar),
    );
  }
}

/** scalar_inner_sum and scalar_outer_sum (columns four at a time). @param {SumKit} kit @param {Slab} slab @param {boolean} outer */
function scalarSum(kit, { inBase, outBase, inS, outStride, size0, size1 }, outer) {
  const { data, store, scalar } = kit;
  let j = 0;
  if (outer) {
    for (; j + 3 < size1; j += 4) {
      const row = inBase + j * inS[1];
      const sums = multiRowSum((i, k) => data[row + i * inS[0] + k * inS[1]], 4, size0, scalar);
      for (let k = 0; k < 4; k++) store(outBase + (j + k) * outStride, sums[k]);
    }
  }
  for (; j < size1; j++) {
    const row = inBase + j * inS[1];
    store(
      outBase + j * outStride,
      rowSum((i) => data[row + i * inS[0]], size0, scalar),
    );
  }
}

/** The accumulator arithmetic and output of a cascade sum. @param {Tensor} t @param {Float32Array | Float64Array} out @returns {SumKit} */
function sumKit(t, out) {
  const data = /** @type {Float32Array | Float64Array} */ (t.storage.data);
  const round = t.dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  const lanes = t.dtype === float32 ? 8 : 4;
  return {
    data,
    lanes,
    scalar: { zero: () => 0, add: (a, b) => round(a + b) },
    vector: {
      zero: () => new Array(lanes).fill(0),
      add: (a, b) => a.map((/** @type {number} */ x, /** @type {number} */ k) => round(x + b[k])),
    },
    vec: (p) => Array.from({ length: lanes }, (_, k) => data[p + k]),
    store: (i, v) => {
      out[i] = round(out[i] + v);
    },
  };
}

/**
 * cascade_sum over a tensor into `out` (a zeroed buffer of the output's elements): each 2-D slab
 * of TensorIterator's layout goes to the loop ATen picks for its strides.
 * @param {Tensor} t @param {Set<number>} dims @param {Float32Array | Float64Array} out
 */
function cascadeSum(t, dims, out) {
  const { shape, strides, offset } = t.storage;
  const kit = sumKit(t, out);
  const outShape = shape.map((d, i) => (dims.has(i) ? 1 : d));
  const outContig = contiguousStrides(outShape);
  const outStrides = shape.map((_, i) => (dims.has(i) ? 0 : outContig[i]));
  const layout = reductionLayout(shape, strides, outStrides);
  forEach2d(layout, offset, (outBase, inBase, st, size0, size1) => {
    let inS = [st[1], st[3]];
    let outS = [st[0], st[2]];
    if (outS[0] !== 0 && outS[1] === 0) {
      // move the reduction to the first dimension
      inS = [inS[1], inS[0]];
      outS = [outS[1], outS[0]];
      [size0, size1] = [size1, size0];
    }
    if (outS[0] !== 0 && outS[1] !== 0) {
      // not a reduction: out = out + in, elementwise
      for (let j = 0; j < size1; j++) {
        for (let i = 0; i < size0; i++) {
          kit.store(
            outBase + j * outS[1] + i * outS[0],
            kit.data[inBase + j * inS[1] + i * inS[0]],
          );
        }
      }
      return;
    }
    const slab = { inBase, outBase, inS, outStride: outS[1], size0, size1 };
    if (inS[0] === 1 && size0 >= kit.lanes) vectorizedInnerSum(kit, slab);
    else if (inS[1] === 1 && size1 >= kit.lanes) vectorizedOuterSum(kit, slab);
    else scalarSum(kit, slab, !(inS[0] < inS[1]));
  });
}

/**
 * Does a float sum of this many elements give the same digits on any number of threads? A sum
 * of all elements is split into per-thread partial sums (two_pass_reduction): no. A sum along
 * dims is split into column ranges (parallel_dim_reduction along find_split_dim): each output
 * element is still summed by one thread, but when the split falls in the kernel's second
 * dimension of an "outer" sum, the column groups the kernel forms change with the split.
 * @param {Tensor} t @param {Set<number>} dims
 */
function threadIndependent(t, dims) {
  const outCount = t.shape.reduce((n, d, i) => (dims.has(i) ? n : n * d), 1);
  if (outCount <= 1) return false;
  const { shape, strides } = t.storage;
  const outShape = shape.map((d, i) => (dims.has(i) ? 1 : d));
  const outContig = contiguousStrides(outShape);
  const layout = reductionLayout(
    shape,
    strides,
    shape.map((_, i) => (dims.has(i) ? 0 : outContig[i])),
  );
  const nd = layout.shape.length;
  const reduced = (/** @type {number} */ d) => layout.outStrides[d] === 0 && layout.shape[d] > 1;
  // find_split_dim: the largest dimension among the outermost unreduced ones
  let split = nd - 1;
  for (let d = nd - 1; d >= 0 && !reduced(d); d--)
    if (layout.shape[d] >= layout.shape[split]) split = d;
  if (split >= 2) return true; // whole two-dimensional slabs per thread
  if (split !== 1 || reduced(0) === false) return false;
  const lanes = t.dtype === float32 ? 8 : 4;
  const [in0, in1] = layout.inStrides;
  // an inner sum: one row_sum per output element, whatever the split
  return (in0 === 1 && layout.shape[0] >= lanes) || in0 < in1;
}

// --- sum, mean ----------------------------------------------------------------------------------

/**
 * t.sum(dim, keepdim): floats by the cascade, integers and bools as int64.
 * @param {Tensor} t @param {bigint[] | null} dimArg @param {boolean} keepdim
 */
export function sum(t, dimArg, keepdim) {
  assertInitialized(t.storage);
  const dims = reducedDims(dimArg, t.ndim);
  const shape = outputShape(t.shape, dims, keepdim);
  const n = shapeSize(shape);
  if (t.dtype.isFloating) {
    if (t.numel >= GRAIN_SIZE && !threadIndependent(t, dims)) throw threadDependent('torch.sum');
    const out = t.dtype.make(n);
    if (t.ndim === 0) out[0] = /** @type {number} */ (t.storage.data[t.storage.offset]) + 0;
    else cascadeSum(t, dims, out);
    return recordOp(
      Tensor.of(out, shape, t.dtype),
      [t],
      dimArg === null ? 'SumBackward0' : 'SumBackward1',
    );
  }
  const out = new BigInt64Array(n);
  const { groups } = reducedGroups(t.shape, t.storage.strides, t.storage.offset, dims);
  const { data } = t.storage;
  groups.forEach((g, k) => {
    let s = 0n;
    for (const p of g) s += BigInt(data[p]);
    out[k] = s;
  });
  return Tensor.of(out, shape, int64);
}

/** t.mean(dim, keepdim): the sum divided by the count, in the tensor's dtype. @param {Tensor} t @param {bigint[] | null} dimArg @param {boolean} keepdim */
export function mean(t, dimArg, keepdim) {
  if (!t.dtype.isFloating) {
    throw new PyError(
      'NotImplementedError',
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${DTYPE_CPP_NAMES.get(t.dtype.name)}`,
    );
  }
  const dims = reducedDims(dimArg, t.ndim);
  if (t.numel >= GRAIN_SIZE && !threadIndependent(t, dims)) throw threadDependent('torch.mean');
  let count = 1;
  for (const d of dims) count *= t.shape[d];
  const s = sum(t, dimArg, keepdim);
  const round = t.dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  const divisor = round(count);
  const out = /** @type {Float32Array | Float64Array} */ (s.storage.data);
  for (let i = 0; i < out.length; i++) out[i] = round(out[i] / divisor);
  s.gradFn = null;
  s.requiresGrad = false;
  return recordOp(s, [t], dimArg === null ? 'MeanBackward0' : 'MeanBackward1');
}

// --- std ----------------------------------------------------------------------------------------

const TWO = 2n;

/** a * b + c rounded once (the FMA the AVX2 build uses), exactly, with BigInt. @param {number} a @param {number} b @param {number} c */
export function fma(a, b, c) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return a * b + c;
  if (a === 0 || b === 0) return a * b + c;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  // a*b + c = (ma*mb) * 2^(ea+eb) + mc * 2^ec, exactly, over a common exponent.
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const total = ma * mb * TWO ** BigInt(ep - e) + mc * TWO ** BigInt(ec - e);
  if (total === 0n) return a * b + c; // exact zero: the sign follows IEEE's rules for the sum
  return roundToDouble(total, e);
}

/** x = m * 2^e with an integer m (signed BigInt). @param {number} x @returns {[bigint, number]} */
function decompose(x) {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e;
  if (exp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = exp - 1075;
  }
  return [x < 0 ? -m : m, e];
}

/** The double nearest m * 2^e (ties to even). @param {bigint} m @param {number} e */
function roundToDouble(m, e) {
  const negative = m < 0n;
  let a = negative ? -m : m;
  const bits = a.toString(2).length;
  // keep 53 significant bits (fewer for subnormals)
  let shift = bits - 53;
  if (e + shift < -1074) shift = -1074 - e;
  if (shift > 0) {
    const low = a & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    a >>= BigInt(shift);
    if (low > half || (low === half && (a & 1n) === 1n)) a += 1n;
    e += shift;
  }
  const x = Number(a) * 2 ** e;
  return negative ? -x : x;
}

/**
 * t.std(dim, correction, keepdim), and t.var(...) with takeSqrt false (the same kernels, the
 * variance in double before its square root).
 * @param {Tensor} t @param {bigint[] | null} dimArg @param {number} correction @param {boolean} keepdim
 * @param {boolean} [takeSqrt]
 */
export function std(t, dimArg, correction, keepdim, takeSqrt = true) {
  const root = takeSqrt ? Math.sqrt : (/** @type {number} */ v) => v;
  assertInitialized(t.storage);
  if (!t.dtype.isFloating)
    throw new PyError(
      'NotImplementedError',
      'std and var only support floating point and complex dtypes',
    );
  const dims = reducedDims(dimArg, t.ndim);
  const shape = outputShape(t.shape, dims, keepdim);
  const n = shapeSize(shape);
  const round = t.dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  const out = t.dtype.make(n);
  const grad = takeSqrt ? 'StdBackward0' : 'VarBackward0';
  if (t.numel === 0) {
    out.fill(Number.NaN);
    return recordOp(Tensor.of(out, shape, t.dtype), [t], grad);
  }
  if (n === 1) {
    // std_var_all_cpu: the float mean, then the squared deviations summed in double.
    if (t.numel >= GRAIN_SIZE) throw threadDependent(takeSqrt ? 'torch.std' : 'torch.var');
    const m = /** @type {number} */ (mean(t, null, false).item());
    const { groups } = reducedGroups(
      t.shape,
      t.storage.strides,
      t.storage.offset,
      new Set(t.shape.map((_, i) => i)),
    );
    const data = /** @type {Float32Array | Float64Array} */ (t.storage.data);
    let total = 0;
    for (const p of groups[0]) {
      const dx = data[p] - m;
      total += dx * dx;
    }
    const v = total / Math.max(0, t.numel - correction);
    out[0] = round(root(v));
    return recordOp(Tensor.of(out, shape, t.dtype), [t], grad);
  }
  // WelfordOps<scalar_t, double>: one pass per output element, in memory order.
  const { groups } = reducedGroups(t.shape, t.storage.strides, t.storage.offset, dims);
  const data = /** @type {Float32Array | Float64Array} */ (t.storage.data);
  groups.forEach((g, k) => {
    let meanAcc = 0;
    let m2 = 0;
    let count = 0;
    for (const p of g) {
      const x = data[p];
      count++;
      const delta = x - meanAcc;
      const newMean = meanAcc + delta / count;
      const newDelta = x - newMean;
      m2 += delta * newDelta; // two roundings: this update is not fused (checked against torch on float64)
      meanAcc = newMean;
    }
    const divisor = count > correction ? count - correction : 0;
    out[k] = round(root(m2 / divisor));
  });
  return recordOp(Tensor.of(out, shape, t.dtype), [t], grad);
}

// --- min, max, argmax --------------------------------------------------------------------------

/** Is a > b for max (NaN wins)? @param {any} a @param {any} b */
const greater = (a, b) => !(a <= b);
/** @param {any} a @param {any} b */
const less = (a, b) => !(a >= b);

/**
 * max() / min() of all elements (NaN if any).
 * @param {Tensor} t @param {'max' | 'min'} which
 */
export function extremeAll(t, which) {
  if (t.numel === 0) {
    throw new PyError(
      'RuntimeError',
      `${which}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
    );
  }
  const values = t.values();
  const better = which === 'max' ? greater : less;
  let best = values[0];
  for (const v of values) {
    if (typeof v === 'number' && Number.isNaN(v)) {
      best = v;
      break;
    }
    if (better(v, best)) best = v;
  }
  const out = t.dtype.make(1);
  out[0] = best;
  return recordOp(
    Tensor.of(out, [], t.dtype),
    [t],
    which === 'max' ? 'MaxBackward1' : 'MinBackward1',
  );
}

/**
 * max(dim) / min(dim): values and the index of the first extreme (the first NaN).
 * @param {Tensor} t @param {bigint} dimArg @param {boolean} keepdim @param {'max' | 'min'} which
 */
export function extremeDim(t, dimArg, keepdim, which) {
  assertInitialized(t.storage);
  const dim = wrapDim(dimArg, t.ndim);
  const dims = new Set(t.ndim === 0 ? [] : [dim]);
  if (t.numel === 0 && t.ndim > 0 && t.shape[dim] === 0) {
    throw new PyError(
      'IndexError',
      `${which}(): Expected reduction dim ${dim} to have non-zero size.`,
    );
  }
  const shape = outputShape(t.shape, dims, keepdim);
  const { groups } = reducedGroups(t.shape, t.storage.strides, t.storage.offset, dims);
  const { data } = t.storage;
  const values = t.dtype.make(groups.length);
  const indices = new BigInt64Array(groups.length);
  // compare_base_kernel visits the dim in index order; reducedGroups gives memory order, so
  // walk the dim by stride instead.
  const stride = t.ndim === 0 ? 0 : t.storage.strides[dim];
  const size = t.ndim === 0 ? 1 : t.shape[dim];
  groups.forEach((g, k) => {
    const base = minOf(g);
    let best = data[base];
    let index = 0;
    for (let i = 0; i < size; i++) {
      const v = data[base + i * stride];
      const replace = which === 'max' ? !(v <= best) : !(v >= best);
      if (replace) {
        best = v;
        index = i;
        if (typeof v === 'number' && Number.isNaN(v)) break;
      }
    }
    values[k] = best;
    indices[k] = BigInt(index);
  });
  const v = recordOp(
    Tensor.of(values, shape, t.dtype),
    [t],
    which === 'max' ? 'MaxBackward0' : 'MinBackward0',
  );
  return { values: v, indices: Tensor.of(indices, [...shape], int64) };
}

/** The position of index 0 along the reduced dim (strides are never negative). @param {number[]} g */
function minOf(g) {
  let m = g[0];
  for (const p of g) if (p < m) m = p;
  return m;
}

/**
 * argmax(dim=None, keepdim): the first index of the maximum (the first NaN); flat when dim is None.
 * @param {Tensor} t @param {bigint | null} dimArg @param {boolean} keepdim @param {'max' | 'min'} which
 */
export function argExtreme(t, dimArg, keepdim, which) {
  const fname = which === 'max' ? 'argmax' : 'argmin';
  if (t.dtype === bool)
    throw new PyError('NotImplementedError', `${fname}(): does not support bool input`);
  if (dimArg === null) {
    if (t.numel === 0) {
      throw new PyError(
        'IndexError',
        `${fname}(): Expected reduction dim to be specified for input.numel() == 0.`,
      );
    }
    const values = t.values();
    let best = values[0];
    let index = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof best === 'number' && Number.isNaN(best)) break;
      if ((typeof v === 'number' && Number.isNaN(v)) || (which === 'max' ? v > best : v < best)) {
        best = v;
        index = i;
      }
    }
    const out = new BigInt64Array(1);
    out[0] = BigInt(index);
    const shape = keepdim ? t.shape.map(() => 1) : [];
    return Tensor.of(out, shape, int64);
  }
  const { indices } = extremeDim(t, dimArg, keepdim, which);
  return indices;
}

// numpy.ndarray over the shared strided storage (../../nd/strided.js): basic indexing gives
// views that share the buffer, advanced indexing (integer arrays, boolean masks) gives copies
// laid out as NumPy lays them out, and every result keeps NumPy's memory layout so that
// reductions over it visit the elements in NumPy's order.
//
//   NDArray.fromBuffer(new Float64Array([1, 2, 3]), [3], FLOAT64)     array([1., 2., 3.])
//
// The Python-facing protocol (attributes, operators, printing) is wired in methods.js,
// ufunc.js and arrayprint.js; this file holds the storage and the indexing.

import { PyError, typeError, Unsupported } from '../../errors.js';
import { indexStrided } from '../../nd/indexing.js';
import { contiguousStrides, Strided, shapeSize } from '../../nd/strided.js';
import { Ellipsis, PyList, PyObject, PySlice, PyTuple } from '../../objects.js';
import { toIndex } from '../../ops.js';
import { chargeWork } from './budget.js';
import { BOOL, castValue, FLOAT64 } from './dtype.js';
import { isIdentity, iterationOrder, stridesInOrder } from './layout.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtype.js').DType} DType */
/** @typedef {import('../../nd/indexing.js').IndexItem} IndexItem */

/** Hooks filled in by the files that build on this one (to avoid import cycles). */
export const hooks = {
  /** @type {(a: NDArray) => string} */ repr: () => '',
  /** @type {(a: NDArray) => string} */ str: () => '',
  /** @type {(dtype: DType, raw: any) => Value} */ scalar: () => null,
  /** @type {(v: Value, dtype?: DType | null) => NDArray} */ asArray: () => {
    throw new Error('numpy: asArray not installed');
  },
  /** @type {(v: Value, dtype: DType) => any} */ toRaw: () => null,
};

export class NDArray extends PyObject {
  /** @param {DType} dtype @param {Strided} s */
  constructor(dtype, s) {
    super();
    this.dtype = dtype;
    this.s = s;
  }

  /**
   * An array over a buffer (C order), without copying: how other modules hand their results
   * to NumPy code (`np.random` fills a Float64Array, for example).
   * @param {any} data @param {number[]} shape @param {DType} dtype
   */
  static fromBuffer(data, shape, dtype) {
    return new NDArray(dtype, Strided.contiguous(data, [...shape]));
  }

  /**
   * A new zero-filled array; `order` lists the axes outermost first (C order when omitted).
   * @param {DType} dtype @param {number[]} shape @param {number[]} [order]
   */
  static zeros(dtype, shape, order) {
    const data = dtype.make(shapeSize(shape));
    const strides =
      order && !isIdentity(order) ? stridesInOrder(shape, order) : contiguousStrides(shape);
    return new NDArray(dtype, new Strided(data, [...shape], strides, 0));
  }

  /**
   * An array from values in C order, laid out in `order` (axes outermost first).
   * @param {DType} dtype @param {number[]} shape @param {ArrayLike<any>} values
   * @param {number[]} [order]
   */
  static fromValues(dtype, shape, values, order) {
    if (!order || isIdentity(order) || shape.length < 2) {
      const data = dtype.make(values.length);
      for (let i = 0; i < values.length; i++) data[i] = values[i];
      return NDArray.fromBuffer(data, shape, dtype);
    }
    const out = NDArray.zeros(dtype, shape, order);
    const positions = out.s.offsetArray();
    const data = /** @type {any} */ (out.s.data);
    for (let i = 0; i < values.length; i++) data[positions[i]] = values[i];
    return out;
  }

  /** @override */
  get typeName() {
    return 'numpy.ndarray';
  }

  get shape() {
    return this.s.shape;
  }

  get ndim() {
    return this.s.shape.length;
  }

  get size() {
    return this.s.size;
  }

  /** The raw element values in C order (a typed array when possible; do not modify). */
  values() {
    const { s } = this;
    assertInitialized(s);
    const n = s.size;
    if (s.isContiguous()) {
      const data = /** @type {any} */ (s.data);
      if (Array.isArray(data)) return data.slice(s.offset, s.offset + n);
      return data.subarray(s.offset, s.offset + n);
    }
    const out = this.dtype.make(n);
    const data = /** @type {any} */ (s.data);
    let i = 0;
    for (const p of s.offsets()) out[i++] = data[p];
    return out;
  }

  /** The raw value at flat C-order index i. @param {number} i */
  rawAt(i) {
    const { s } = this;
    let p = s.offset;
    if (/** @type {any} */ (s.data).uninitialized) assertInitialized(s);
    let rest = i;
    for (let axis = s.shape.length - 1; axis >= 0; axis--) {
      const d = s.shape[axis];
      p += (rest % d) * s.strides[axis];
      rest = Math.floor(rest / d);
    }
    return /** @type {any} */ (s.data)[p];
  }

  /** The memory order of the axes (outermost first), as NumPy's "K" order sees them. */
  axisOrder() {
    return iterationOrder(this.shape, [this.s.strides]);
  }

  /** A copy, C-ordered or in the same layout ("K"). @param {'C' | 'K'} [order] */
  copy(order = 'C') {
    const values = this.values();
    return NDArray.fromValues(
      this.dtype,
      [...this.shape],
      values,
      order === 'K' ? this.axisOrder() : undefined,
    );
  }

  /** A copy converted to dtype (NumPy's unsafe cast), laid out as this one ("K"). @param {DType} dtype */
  astype(dtype) {
    const values = this.values();
    const out = dtype.make(values.length);
    if (dtype === this.dtype) for (let i = 0; i < values.length; i++) out[i] = values[i];
    else for (let i = 0; i < values.length; i++) out[i] = castValue(values[i], this.dtype, dtype);
    return NDArray.fromValues(dtype, [...this.shape], out, this.axisOrder());
  }

  /** The scalar for a raw value of this array's type. @param {any} raw */
  scalar(raw) {
    return hooks.scalar(this.dtype, raw);
  }

  /** @override */
  repr() {
    return hooks.repr(this);
  }

  /** @override */
  str() {
    return hooks.str(this);
  }

  /** @override */
  bool() {
    if (this.size === 1) return Boolean(truthOf(this.rawAt(0), this.dtype));
    if (this.size === 0) {
      throw new PyError(
        'ValueError',
        'The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.',
      );
    }
    throw new PyError(
      'ValueError',
      'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()',
    );
  }

  len() {
    if (this.ndim === 0) throw typeError('len() of unsized object');
    return this.shape[0];
  }

  iter() {
    if (this.ndim === 0) throw typeError('iteration over a 0-d array');
    return this.rows();
  }

  /** The sub-arrays (or scalars) along the first axis. */
  *rows() {
    const n = this.shape[0];
    for (let i = 0; i < n; i++) yield this.getitem(BigInt(i));
  }

  /** @override @returns {string} */
  hashKey() {
    throw typeError("unhashable type: 'numpy.ndarray'");
  }

  /** A view with another shape, when the layout allows it, else null. @param {number[]} shape */
  reshapeView(shape) {
    const { s } = this;
    if (s.isContiguous() || s.size === 0)
      return new NDArray(
        this.dtype,
        new Strided(s.data, shape, contiguousStrides(shape), s.offset),
      );
    // NumPy's _attempt_nocopy_reshape: a view when the old axes can be regrouped.
    /** @type {number[]} */
    const oldDims = [];
    /** @type {number[]} */
    const oldStrides = [];
    s.shape.forEach((d, i) => {
      if (d !== 1) {
        oldDims.push(d);
        oldStrides.push(s.strides[i]);
      }
    });
    const newStrides = new Array(shape.length).fill(0);
    let oi = 0;
    let oj = 1;
    let ni = 0;
    let nj = 1;
    while (ni < shape.length && oi < oldDims.length) {
      let np = shape[ni];
      let op = oldDims[oi];
      while (np !== op) {
        if (np < op) np *= shape[nj++];
        else op *= oldDims[oj++];
      }
      for (let ok = oi; ok < oj - 1; ok++) {
        if (oldStrides[ok] !== oldDims[ok + 1] * oldStrides[ok + 1]) return null;
      }
      newStrides[nj - 1] = oldStrides[oj - 1];
      for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * shape[nk];
      ni = nj++;
      oi = oj++;
    }
    const last = ni > 0 ? newStrides[ni - 1] : 1;
    for (let nk = ni; nk < shape.length; nk++) newStrides[nk] = last;
    return new NDArray(this.dtype, new Strided(s.data, shape, newStrides, s.offset));
  }

  /** a.reshape(shape) (C order): a view when possible, else a copy. @param {number[]} shape */
  reshape(shape) {
    const view = this.reshapeView(shape);
    if (view) return view;
    return NDArray.fromBuffer(this.copy('C').s.data, shape, this.dtype);
  }

  // --- indexing ---------------------------------------------------------------------------

  /** @param {Value} key */
  getitem(key) {
    const result = this.applyIndex(key);
    if ('view' in result) {
      const view = result.view;
      if (view.shape.length === 0 && !result.keepArray) {
        assertInitialized(view);
        return this.scalar(/** @type {any} */ (view.data)[view.offset]);
      }
      return new NDArray(this.dtype, view);
    }
    if (/** @type {any} */ (this.s.data).uninitialized)
      checkPositions(this.s.data, result.positions);
    chargeWork(result.positions.length);
    const data = this.dtype.make(result.positions.length);
    const src = /** @type {any} */ (this.s.data);
    const { positions } = result;
    for (let i = 0; i < positions.length; i++) data[i] = src[positions[i]];
    return NDArray.fromValues(this.dtype, result.shape, data, advancedOrder(result));
  }

  /** @param {Value} key @param {Value} value */
  setitem(key, value) {
    const result = this.applyIndex(key);
    const dst = /** @type {any} */ (this.s.data);
    let positions;
    let shape;
    if ('view' in result) {
      positions = result.view.offsetArray();
      shape = result.view.shape;
    } else {
      positions = result.positions;
      shape = result.shape;
    }
    const n = positions.length;
    chargeWork(n);
    if (value === null || typeof value !== 'object') {
      // A Python scalar: converted with NumPy's errors ("Python integer ... out of bounds").
      const raw = hooks.toRaw(value, this.dtype);
      for (let i = 0; i < n; i++) dst[positions[i]] = raw;
      markWritten(dst, positions);
      return;
    }
    const source = hooks.asArray(value);
    if ((value instanceof PyList || value instanceof PyTuple) && source.ndim > shape.length) {
      throw new PyError(
        'ValueError',
        `setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${shape.length}.`,
      );
    }
    if (
      source.ndim === 0 ||
      (source.size === 1 && source.ndim <= shape.length && source.shape.every((d) => d === 1))
    ) {
      const raw = assignableRaw(source, 0, this.dtype, value);
      for (let i = 0; i < n; i++) dst[positions[i]] = raw;
    } else {
      const b =
        !('view' in result) && source.ndim === 1 && source.size === n && shape.length === 1
          ? source
          : broadcastFor(source, shape);
      const values = convertForAssign(b, this.dtype);
      for (let i = 0; i < n; i++) dst[positions[i]] = values[i];
    }
    markWritten(dst, positions);
  }

  /**
   * Reads a Python index into NumPy's index items and applies it.
   * @param {Value} key
   * @returns {({ view: Strided, keepArray?: boolean }) | { shape: number[], positions: Int32Array, advStart: number, advNdim: number, basicStrides: number[] }}
   */
  applyIndex(key) {
    const keys = key instanceof PyTuple ? key.items : [key];
    /** @type {IndexItem[]} */
    const items = keys.map(indexItem);
    const result = /** @type {any} */ (indexStrided(this.s, items));
    if ('view' in result) {
      // a[...] and a[()] on 0-d give 0-d arrays, not scalars.
      const keepArray = keys.some((k) => k === Ellipsis);
      return { view: result.view, keepArray };
    }
    return { ...result, ...advancedLayout(items, this.s) };
  }
}

/** The truth of one raw value. @param {any} raw @param {DType} dtype */
export function truthOf(raw, dtype) {
  if (dtype.isBig) return raw !== 0n;
  if (dtype.isString) return raw !== '';
  return raw !== 0;
}

/**
 * Where advanced indexing puts its dimensions: NumPy allocates the result with the advanced
 * (broadcast index) dimensions outermost in memory, then the sliced dimensions in the memory
 * order they have in the source, and moves the advanced dimensions where the index was.
 * @param {IndexItem[]} items @param {Strided} s
 */
function advancedLayout(items, s) {
  const ndim = s.shape.length;
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
  /** @type {('adv' | 'basic')[]} */
  const kinds = [];
  /** @type {number[]} the strides of the sliced dimensions, in order */
  const basicStrides = [];
  /** @type {number[][]} */
  const advShapes = [];
  let axis = 0;
  const slice = (/** @type {number} */ step) => {
    kinds.push('basic');
    basicStrides.push(s.strides[axis] * step);
    axis++;
  };
  for (const it of items) {
    if (it.kind === 'ellipsis') for (let k = 0; k < ndim - consumed; k++) slice(1);
    else if (it.kind === 'slice') slice(it.step ?? 1);
    else if (it.kind === 'newaxis') {
      kinds.push('basic');
      basicStrides.push(0);
    } else if (it.kind === 'bool') {
      kinds.push('adv');
      advShapes.push([1]);
      for (let k = 1; k < it.shape.length; k++) kinds.push('adv');
      axis += it.shape.length;
    } else {
      kinds.push('adv');
      advShapes.push(it.kind === 'array' ? it.shape : []);
      axis++;
    }
  }
  if (!items.some((it) => it.kind === 'ellipsis')) while (axis < ndim) slice(1);
  const advPositions = kinds.map((k, i) => (k === 'adv' ? i : -1)).filter((i) => i >= 0);
  const adjacent = advPositions.every((p, i) => i === 0 || p === advPositions[i - 1] + 1);
  const advStart = adjacent
    ? kinds.slice(0, advPositions[0]).filter((k) => k === 'basic').length
    : 0;
  const advNdim = Math.max(0, ...advShapes.map((sh) => sh.length));
  return { advStart, advNdim, basicStrides };
}

/**
 * The memory order (axes outermost first) of an advanced-indexing result.
 * @param {{ shape: number[], advStart: number, advNdim: number, basicStrides: number[] }} r
 */
function advancedOrder(r) {
  const { shape, advStart, advNdim, basicStrides } = r;
  const nd = shape.length;
  /** @type {number[]} */
  const basicAxes = [];
  for (let k = 0; k < nd; k++) if (k < advStart || k >= advStart + advNdim) basicAxes.push(k);
  const basicOrder = iterationOrder(
    basicAxes.map((k) => shape[k]),
    [basicStrides],
  ).map((i) => basicAxes[i]);
  const order = [];
  for (let k = 0; k < advNdim; k++) order.push(advStart + k);
  return [...order, ...basicOrder];
}

const INDEX_ERROR =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';

/** One Python index value as an index item. @param {Value} k @returns {IndexItem} */
function indexItem(k) {
  if (k === null) return { kind: 'newaxis' };
  if (k === Ellipsis) return { kind: 'ellipsis' };
  if (typeof k === 'bigint') return { kind: 'int', value: Number(k) };
  if (typeof k === 'boolean') throw new Unsupported('indexing with a single True or False');
  if (k instanceof PySlice) {
    const part = (/** @type {Value} */ v) =>
      v === null
        ? null
        : Number(toIndex(v, 'slice indices must be integers or None or have an __index__ method'));
    return { kind: 'slice', start: part(k.start), stop: part(k.stop), step: part(k.step) };
  }
  if (k instanceof PyList || k instanceof NDArray) {
    const arr = k instanceof NDArray ? k : hooks.asArray(k);
    if (arr.dtype === BOOL) return { kind: 'bool', shape: [...arr.shape], values: arr.values() };
    if (arr.dtype.isInt || (arr.size === 0 && k instanceof PyList)) {
      const vals = arr.values();
      return { kind: 'array', shape: [...arr.shape], values: Array.from(vals, Number) };
    }
    throw new PyError('IndexError', 'arrays used as indices must be of integer (or boolean) type');
  }
  if (
    k instanceof PyObject &&
    typeof (/** @type {any} */ (k).index) === 'function' &&
    /** @type {any} */ (k).dtype?.isInt
  ) {
    return { kind: 'int', value: Number(/** @type {any} */ (k).index()) };
  }
  if (k instanceof PyObject && /** @type {any} */ (k).dtype === BOOL) {
    throw new Unsupported('indexing with a NumPy boolean scalar');
  }
  if (k instanceof PyTuple) throw new Unsupported('a tuple inside an index');
  throw new PyError('IndexError', INDEX_ERROR);
}

/**
 * The array broadcast to `shape` for an assignment, with NumPy's error.
 * @param {NDArray} a @param {number[]} shape
 */
export function broadcastFor(a, shape) {
  // Leading size-1 axes of the value may be dropped (a[0] = [[1, 2, 3]]).
  let src = a;
  while (src.ndim > shape.length && src.shape[0] === 1) src = src.reshape(src.shape.slice(1));
  const ok =
    src.ndim <= shape.length &&
    src.shape.every((d, i) => d === 1 || d === shape[shape.length - src.ndim + i]);
  if (!ok) {
    const fmt = (/** @type {readonly number[]} */ s) =>
      `(${s.join(',')}${s.length === 1 ? ',' : ''})`;
    throw new PyError(
      'ValueError',
      `could not broadcast input array from shape ${fmt(a.shape)} into shape ${fmt(shape)}`,
    );
  }
  return new NDArray(src.dtype, src.s.broadcastTo(shape));
}

/** A raw value of `dtype` from element i of `source` (which came from the Python value). */
function assignableRaw(
  /** @type {NDArray} */ source,
  /** @type {number} */ i,
  /** @type {DType} */ dtype,
  /** @type {Value} */ original,
) {
  if (
    !(original instanceof NDArray) &&
    !(original instanceof PyList) &&
    !(original instanceof PyTuple)
  ) {
    return hooks.toRaw(original, dtype);
  }
  return castForAssign(source.rawAt(i), source.dtype, dtype);
}

/** The elements of `source` as raw values of `dtype`, in C order. @param {NDArray} source @param {DType} dtype */
function convertForAssign(source, dtype) {
  const values = source.values();
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = castForAssign(values[i], source.dtype, dtype);
  return out;
}

/** @param {any} raw @param {DType} from @param {DType} to */
function castForAssign(raw, from, to) {
  if (to.isString && !from.isString) {
    const text = from === BOOL ? (raw ? 'True' : 'False') : String(raw);
    return [...text].slice(0, to.chars).join('');
  }
  if (from.isString && !to.isString) {
    if (to.isFloat) {
      const x = Number(raw.trim());
      if (raw.trim() === '' || (Number.isNaN(x) && !/^[+-]?nan$/i.test(raw.trim()))) {
        throw new PyError('ValueError', `could not convert string to float: '${raw}'`);
      }
      return castValue(x, FLOAT64, to);
    }
    throw new Unsupported('assigning strings into a numeric array');
  }
  return castValue(raw, from, to);
}

// --- np.empty: values NumPy leaves as whatever was in memory ----------------------------------

const UNINITIALIZED =
  'reading values of np.empty before they are set (NumPy shows whatever was in memory)';

/** Refuses to read elements of an np.empty array that were never set. @param {Strided} s */
export function assertInitialized(s) {
  const data = /** @type {any} */ (s.data);
  if (!data.uninitialized) return;
  for (const p of s.offsets()) if (data.uninitialized[p]) throw new Unsupported(UNINITIALIZED);
}

/** @param {any} data @param {ArrayLike<number>} positions */
function checkPositions(data, positions) {
  for (let i = 0; i < positions.length; i++)
    if (data.uninitialized[positions[i]]) throw new Unsupported(UNINITIALIZED);
}

/** Records that these buffer positions now hold values. @param {any} data @param {ArrayLike<number>} positions */
export function markWritten(data, positions) {
  const bits = data.uninitialized;
  if (!bits) return;
  for (let i = 0; i < positions.length; i++) {
    if (bits[positions[i]]) {
      bits[positions[i]] = 0;
      data.uninitializedCount--;
    }
  }
  if (data.uninitializedCount === 0) {
    delete data.uninitialized;
    delete data.uninitializedCount;
  }
}

// Strided N-dimensional storage, shared by numpy.ndarray and torch.Tensor: a flat buffer read
// through a shape, per-axis strides (in elements) and an offset, so that slicing, transposing
// and broadcasting make views without copying, as in NumPy and PyTorch.
//
//   const a = Strided.contiguous(new Float64Array(6), [2, 3]);
//   a.transpose().shape          [3, 2]   (a view: same buffer, strides [1, 3])
//   [...a.offsets()]             [0, 1, 2, 3, 4, 5]   (flat positions in C order)

/**
 * A flat buffer of one dtype's elements.
 * @typedef {Float64Array | Float32Array | BigInt64Array | Int32Array | Uint8Array | Int8Array
 *   | Int16Array | string[]} Buffer
 */

/** The number of elements of a shape. @param {readonly number[]} shape */
export function shapeSize(shape) {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order (row-major) strides of a shape, in elements. @param {readonly number[]} shape */
export function contiguousStrides(shape) {
  const strides = new Array(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

export class Strided {
  /**
   * @param {Buffer} data @param {number[]} shape @param {number[]} strides @param {number} offset
   */
  constructor(data, shape, strides, offset) {
    this.data = data;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
  }

  /** @param {Buffer} data @param {number[]} shape */
  static contiguous(data, shape) {
    return new Strided(data, shape, contiguousStrides(shape), 0);
  }

  get ndim() {
    return this.shape.length;
  }

  get size() {
    return shapeSize(this.shape);
  }

  /** True when the elements are the buffer's, in C order, with no gaps. */
  isContiguous() {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== expected) return false;
      expected *= this.shape[i];
    }
    return true;
  }

  /** The flat buffer positions of every element, in C order. @returns {Generator<number>} */
  *offsets() {
    const { shape, strides } = this;
    const n = this.size;
    if (n === 0) return;
    if (this.isContiguous()) {
      for (let i = 0; i < n; i++) yield this.offset + i;
      return;
    }
    const nd = shape.length;
    const index = new Array(nd).fill(0);
    let pos = this.offset;
    for (let k = 0; k < n; k++) {
      yield pos;
      for (let axis = nd - 1; axis >= 0; axis--) {
        index[axis]++;
        pos += strides[axis];
        if (index[axis] < shape[axis]) break;
        pos -= strides[axis] * shape[axis];
        index[axis] = 0;
      }
    }
  }

  /** The flat positions as an array (for repeated passes). */
  offsetArray() {
    const out = new Int32Array(this.size);
    let i = 0;
    for (const p of this.offsets()) out[i++] = p;
    return out;
  }

  /** The elements in C order, as raw JS values. @returns {any[]} */
  values() {
    const out = new Array(this.size);
    let i = 0;
    for (const p of this.offsets()) out[i++] = this.data[p];
    return out;
  }

  /** A C-contiguous copy into a new buffer made by `make(n)`. @param {(n: number) => Buffer} make */
  copy(make) {
    const out = make(this.size);
    let i = 0;
    for (const p of this.offsets()) out[i++] = /** @type {any} */ (this.data[p]);
    return Strided.contiguous(out, [...this.shape]);
  }

  /** The position of a full multi-index. @param {number[]} index */
  position(index) {
    let p = this.offset;
    for (let i = 0; i < index.length; i++) p += index[i] * this.strides[i];
    return p;
  }

  /** A view with the axes permuted (reversed when `axes` is omitted). @param {number[]} [axes] */
  transpose(axes) {
    const order = axes ?? this.shape.map((_, i) => this.shape.length - 1 - i);
    return new Strided(
      this.data,
      order.map((a) => this.shape[a]),
      order.map((a) => this.strides[a]),
      this.offset,
    );
  }

  /**
   * A view with a new shape when the strides allow it (as NumPy's reshape of a contiguous
   * array); null when a copy is needed.
   * @param {number[]} shape
   */
  reshapeView(shape) {
    if (this.isContiguous())
      return new Strided(this.data, shape, contiguousStrides(shape), this.offset);
    return null;
  }

  /** A view broadcast to a larger shape (stride 0 along stretched axes). @param {number[]} shape */
  broadcastTo(shape) {
    const extra = shape.length - this.shape.length;
    const strides = shape.map((d, i) => {
      const j = i - extra;
      if (j < 0) return 0;
      return this.shape[j] === 1 && d !== 1 ? 0 : this.strides[j];
    });
    return new Strided(this.data, shape, strides, this.offset);
  }
}

/**
 * The broadcast shape of several shapes, or null when they do not broadcast.
 * @param {readonly number[][]} shapes
 * @returns {number[] | null}
 */
export function broadcastShapes(shapes) {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array(nd).fill(1);
  for (const s of shapes) {
    const extra = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[i + extra];
      if (d === o || d === 1) continue;
      if (o === 1) out[i + extra] = d;
      else return null;
    }
  }
  return out;
}

/** Python's repr of a shape tuple: (3,), (2, 3), (). @param {readonly number[]} shape */
export function shapeRepr(shape) {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

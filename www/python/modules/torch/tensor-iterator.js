// The order in which ATen's TensorIterator visits a tensor's elements in a reduction
// (aten/src/ATen/TensorIterator.cpp: reorder_dimensions, coalesce_dimensions, serial_for_each
// with DimCounter's two-dimensional steps). The reduction kernels' summation order follows
// from it, so the exact digits of sum() and mean() depend on reproducing it.

/**
 * The iteration layout of a reduction: dimensions sorted as TensorIterator sorts them
 * (reduced dimensions innermost, then by input stride) and coalesced.
 * @typedef {{ shape: number[], inStrides: number[], outStrides: number[] }} Layout
 */

/**
 * @param {number[]} shape  the input's shape
 * @param {number[]} inStrides  the input's strides, in elements
 * @param {number[]} outStrides  the output's strides for the same dimensions (0 on reduced ones)
 * @returns {Layout}
 */
export function reductionLayout(shape, inStrides, outStrides) {
  const nd = shape.length;
  // perm_ starts reversed: iteration dimension 0 is the tensor's last.
  const perm = shape.map((_, i) => nd - 1 - i);
  if (nd > 1) {
    const operands = [outStrides, inStrides];
    /** should_swap(dim0, dim1): 1 to swap, -1 to keep, 0 when no operand has an opinion. */
    const shouldSwap = (/** @type {number} */ d0, /** @type {number} */ d1) => {
      for (let arg = 0; arg < operands.length; arg++) {
        const s0 = operands[arg][d0];
        const s1 = operands[arg][d1];
        // The output comes first: reduced dimensions (stride 0) move to the front.
        if (arg === 0 && (s0 === 0) !== (s1 === 0)) return s1 === 0 ? 1 : -1;
        if (s0 === 0 || s1 === 0) continue;
        if (s0 < s1) return -1;
        if (s0 > s1) return 1;
        if (shape[d0] > shape[d1]) return 1;
      }
      return 0;
    };
    for (let i = 1; i < nd; i++) {
      let dim1 = i;
      for (let dim0 = i - 1; dim0 >= 0; dim0--) {
        const c = shouldSwap(perm[dim0], perm[dim1]);
        if (c > 0) {
          [perm[dim0], perm[dim1]] = [perm[dim1], perm[dim0]];
          dim1 = dim0;
        } else if (c < 0) break;
      }
    }
  }
  const layout = {
    shape: perm.map((p) => shape[p]),
    inStrides: perm.map((p) => inStrides[p]),
    outStrides: perm.map((p) => outStrides[p]),
  };
  return coalesce(layout);
}

/** coalesce_dimensions @param {Layout} l @returns {Layout} */
function coalesce(l) {
  const nd = l.shape.length;
  if (nd <= 1) return l;
  const shape = [...l.shape];
  const strides = [[...l.outStrides], [...l.inStrides]];
  const canCoalesce = (/** @type {number} */ d0, /** @type {number} */ d1) => {
    if (shape[d0] === 1 || shape[d1] === 1) return true;
    return strides.every((s) => shape[d0] * s[d0] === s[d1]);
  };
  let prev = 0;
  for (let dim = 1; dim < nd; dim++) {
    if (canCoalesce(prev, dim)) {
      if (shape[prev] === 1) for (const s of strides) s[prev] = s[dim];
      shape[prev] *= shape[dim];
    } else {
      prev++;
      if (prev !== dim) {
        for (const s of strides) s[prev] = s[dim];
        shape[prev] = shape[dim];
      }
    }
  }
  return {
    shape: shape.slice(0, prev + 1),
    outStrides: strides[0].slice(0, prev + 1),
    inStrides: strides[1].slice(0, prev + 1),
  };
}

/**
 * serial_for_each over the whole range: calls loop(outOffset, inOffset, strides, size0, size1)
 * once per two-dimensional slab, strides = [out0, in0, out1, in1] (in elements), as the 2-D
 * loops of ATen's kernels receive them.
 * @param {Layout} l @param {number} inBase @param {(out: number, inp: number, strides: number[], size0: number, size1: number) => void} loop
 */
export function forEach2d(l, inBase, loop) {
  const nd = l.shape.length;
  const numel = l.shape.reduce((a, b) => a * b, 1);
  if (numel === 0) return;
  const strides = [
    l.outStrides[0] ?? 0,
    l.inStrides[0] ?? 0,
    nd > 1 ? l.outStrides[1] : 0,
    nd > 1 ? l.inStrides[1] : 0,
  ];
  if (nd <= 1) {
    loop(0, inBase, strides, numel, 1);
    return;
  }
  const counter = new Array(nd).fill(0);
  for (;;) {
    let out = 0;
    let inp = inBase;
    for (let d = 2; d < nd; d++) {
      out += counter[d] * l.outStrides[d];
      inp += counter[d] * l.inStrides[d];
    }
    loop(out, inp, strides, l.shape[0], l.shape[1]);
    let d = 2;
    for (; d < nd; d++) {
      counter[d]++;
      if (counter[d] < l.shape[d]) break;
      counter[d] = 0;
    }
    if (d === nd) return;
  }
}

/**
 * The buffer positions of the input elements in the order a 1-D reduction loop sees them for
 * each output element (binary_kernel_reduce's foreach_reduced_elt): reduced dimensions sorted by
 * input stride, smallest first.
 * @param {number[]} shape @param {number[]} strides @param {number} offset @param {Set<number>} reduced
 * @returns {{ outShape: number[], groups: number[][] }}  groups[k]: positions for output element k (C order)
 */
export function reducedGroups(shape, strides, offset, reduced) {
  const kept = shape.map((_, i) => i).filter((i) => !reduced.has(i));
  const red = shape.map((_, i) => i).filter((i) => reduced.has(i));
  const outShape = kept.map((i) => shape[i]);
  const outStrides = new Array(shape.length).fill(0);
  let s = 1;
  for (let k = kept.length - 1; k >= 0; k--) {
    outStrides[kept[k]] = s;
    s *= shape[kept[k]];
  }
  const layout = reductionLayout(
    red.map((i) => shape[i]),
    red.map((i) => strides[i]),
    red.map(() => 0),
  );
  const outCount = outShape.reduce((a, b) => a * b, 1);
  const groups = [];
  const idx = new Array(kept.length).fill(0);
  for (let k = 0; k < outCount; k++) {
    let base = offset;
    kept.forEach((d, j) => {
      base += idx[j] * strides[d];
    });
    /** @type {number[]} */
    const positions = [];
    forEach2d(layout, base, (_o, inp, st, size0, size1) => {
      for (let j = 0; j < size1; j++)
        for (let i = 0; i < size0; i++) positions.push(inp + j * st[3] + i * st[1]);
    });
    if (red.length === 0) positions.push(base);
    groups.push(positions);
    for (let j = kept.length - 1; j >= 0; j--) {
      idx[j]++;
      if (idx[j] < outShape[j]) break;
      idx[j] = 0;
    }
  }
  return { outShape, groups };
}

/**
 * The strides TensorIterator gives a new output of `shape` computed from operands with these
 * strides: the operands' memory order (reorder_dimensions, inputs in order, broadcast dims
 * ignored), made dense. x.T * 2 is laid out like x.T, not row-major; its later reductions and
 * views depend on that.
 * @param {number[]} shape @param {number[][]} operandStrides  one array per tensor operand (broadcast to shape)
 * @returns {number[]}
 */
export function iteratorOutputStrides(shape, operandStrides) {
  const nd = shape.length;
  const perm = shape.map((_, i) => nd - 1 - i);
  if (nd > 1) {
    const shouldSwap = (/** @type {number} */ d0, /** @type {number} */ d1) => {
      for (const strides of operandStrides) {
        const s0 = strides[d0];
        const s1 = strides[d1];
        if (s0 === 0 || s1 === 0) continue;
        if (s0 < s1) return -1;
        if (s0 > s1) return 1;
        if (shape[d0] > shape[d1]) return 1;
      }
      return 0;
    };
    for (let i = 1; i < nd; i++) {
      let dim1 = i;
      for (let dim0 = i - 1; dim0 >= 0; dim0--) {
        const c = shouldSwap(perm[dim0], perm[dim1]);
        if (c > 0) {
          [perm[dim0], perm[dim1]] = [perm[dim1], perm[dim0]];
          dim1 = dim0;
        } else if (c < 0) break;
      }
    }
  }
  const strides = new Array(nd).fill(0);
  let s = 1;
  for (const p of perm) {
    strides[p] = s;
    s *= shape[p];
  }
  return strides;
}

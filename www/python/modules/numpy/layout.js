// Memory layouts as NumPy's iterator (nditer) chooses them. NumPy's ufuncs allocate their
// results in "K" order — the axis order of the inputs' strides — and its reductions visit the
// elements in that order too, so the layout of an array decides the digits of a later sum:
// np.add.reduce sums the innermost (smallest-stride) run pairwise and the rest in order.
//
//   iterationOrder([2, 3], [[1, 2]])    [1, 0]   (a transposed array: axis 1 is outermost)
//   stridesInOrder([2, 3], [1, 0])      [1, 2]

/**
 * The axes from outermost to innermost, as npyiter_find_best_axis_ordering sorts them: a
 * stable insertion sort by absolute stride over the operands that have a non-zero stride on
 * both axes compared (size-1 axes count as stride 0); on conflicts between operands, C order.
 * @param {readonly number[]} shape
 * @param {readonly (readonly number[])[]} operandStrides  per operand, one stride per axis
 *   (broadcast axes 0)
 * @returns {number[]}
 */
export function iterationOrder(shape, operandStrides) {
  const nd = shape.length;
  // perm[0] is the innermost axis (NumPy keeps its axis data reversed from C order).
  /** @type {number[]} */
  const perm = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  const stride = (/** @type {number} */ op, /** @type {number} */ axis) =>
    shape[axis] === 1 ? 0 : operandStrides[op][axis];
  for (let i0 = 1; i0 < nd; i0++) {
    let ipos = i0;
    const j0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const j1 = perm[i1];
      let ambiguous = true;
      let shouldSwap = false;
      for (let op = 0; op < operandStrides.length; op++) {
        const s0 = stride(op, j0);
        const s1 = stride(op, j1);
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) shouldSwap = false;
          else if (ambiguous) shouldSwap = true;
          ambiguous = false;
        }
      }
      if (!ambiguous) {
        if (shouldSwap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1];
      perm[ipos] = j0;
    }
  }
  return perm.reverse();
}

/**
 * Contiguous strides for a shape whose axes are laid out in `order` (outermost first).
 * @param {readonly number[]} shape @param {readonly number[]} order
 */
export function stridesInOrder(shape, order) {
  const strides = new Array(shape.length).fill(0);
  let s = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const axis = order[k];
    strides[axis] = s;
    s *= Math.max(shape[axis], 1);
  }
  return strides;
}

/** True when `order` is 0, 1, 2, ... (C order). @param {readonly number[]} order */
export function isIdentity(order) {
  return order.every((a, i) => a === i);
}

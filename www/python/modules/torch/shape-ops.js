// Views and reshapes: view/reshape (ATen's computeStride decides whether a view is possible),
// flatten, squeeze, unsqueeze, transpose, t, T, permute, and the pieces of split, chunk and
// unbind, with torch's errors and grad_fn names.

import { PyError } from '../../errors.js';
import { contiguousStrides, Strided } from '../../nd/strided.js';
import { PyTuple } from '../../objects.js';
import { recordOp } from './autograd.js';
import { wrapDim } from './reductions.js';
import { contiguousCopy, Tensor } from './tensor.js';

/**
 * infer_size: the shape with its -1 filled in, or torch's error.
 * @param {bigint[]} shape @param {number} numel @returns {number[]}
 */
export function inferSize(shape, numel) {
  let newsize = 1;
  let inferDim = -1;
  const dims = shape.map(Number);
  dims.forEach((d, i) => {
    if (d === -1) {
      if (inferDim >= 0) throw new PyError('RuntimeError', 'only one dimension can be inferred');
      inferDim = i;
    } else if (d >= 0) newsize *= d;
    else throw new PyError('RuntimeError', `invalid shape dimension ${d}`);
  });
  if (numel === newsize || (inferDim >= 0 && newsize > 0 && numel % newsize === 0)) {
    if (inferDim >= 0) {
      if (newsize === 0) {
        throw new PyError(
          'RuntimeError',
          `cannot reshape tensor of 0 elements into shape [${dims.join(', ')}] because the unspecified dimension size -1 can be any value and is ambiguous`,
        );
      }
      dims[inferDim] = numel / newsize;
    }
    return dims;
  }
  throw new PyError(
    'RuntimeError',
    `shape '[${dims.join(', ')}]' is invalid for input of size ${numel}`,
  );
}

/**
 * at::detail::computeStride: strides viewing (oldshape, oldstride) as newshape, or null.
 * @param {number[]} oldshape @param {number[]} oldstride @param {number[]} newshape
 * @returns {number[] | null}
 */
export function computeStride(oldshape, oldstride, newshape) {
  if (oldshape.length === 0) return newshape.map(() => 1);
  const numel = oldshape.reduce((a, b) => a * b, 1);
  if (
    numel === 0 &&
    oldshape.length === newshape.length &&
    oldshape.every((d, i) => d === newshape[i])
  ) {
    return [...oldstride];
  }
  const newstride = new Array(newshape.length).fill(0);
  if (numel === 0) {
    for (let d = newshape.length - 1; d >= 0; d--) {
      newstride[d] =
        d === newshape.length - 1 ? 1 : Math.max(newshape[d + 1], 1) * newstride[d + 1];
    }
    return newstride;
  }
  let viewD = newshape.length - 1;
  let chunkBaseStride = oldstride[oldstride.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let tensorD = oldshape.length - 1; tensorD >= 0; tensorD--) {
    tensorNumel *= oldshape[tensorD];
    if (
      tensorD === 0 ||
      (oldshape[tensorD - 1] !== 1 && oldstride[tensorD - 1] !== tensorNumel * chunkBaseStride)
    ) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newshape[viewD] === 1)) {
        newstride[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newshape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (tensorD > 0) {
        chunkBaseStride = oldstride[tensorD - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? newstride : null;
}

/** t.view(shape) @param {Tensor} t @param {bigint[]} shape */
export function view(t, shape) {
  const dims = inferSize(shape, t.numel);
  const strides = computeStride(t.shape, t.storage.strides, dims);
  if (strides === null) {
    throw new PyError(
      'RuntimeError',
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  return recordOp(
    t.view(new Strided(t.storage.data, dims, strides, t.storage.offset)),
    [t],
    'ViewBackward0',
  );
}

/** t.reshape(shape): a view when possible, else a copy. @param {Tensor} t @param {bigint[]} shape */
export function reshape(t, shape) {
  const dims = inferSize(shape, t.numel);
  const strides = computeStride(t.shape, t.storage.strides, dims);
  if (strides !== null) {
    return recordOp(
      t.view(new Strided(t.storage.data, dims, strides, t.storage.offset)),
      [t],
      'ViewBackward0',
    );
  }
  const copy = contiguousCopy(t);
  const out = new Tensor(new Strided(copy.storage.data, dims, contiguousStrides(dims), 0), t.dtype);
  return recordOp(out, [t], 'UnsafeViewBackward0');
}

/** t.flatten(start_dim, end_dim) @param {Tensor} t @param {bigint} start @param {bigint} end */
export function flatten(t, start, end) {
  if (t.ndim === 0) return reshape(t, [1n]);
  const s = wrapDim(start, t.ndim);
  const e = wrapDim(end, t.ndim);
  if (s > e)
    throw new PyError(
      'RuntimeError',
      'flatten() has invalid args: start_dim cannot come after end_dim',
    );
  if (s === e) return t;
  const merged = t.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
  const shape = [...t.shape.slice(0, s), merged, ...t.shape.slice(e + 1)].map(BigInt);
  return reshape(t, shape);
}

/** A view with a new layout. @param {Tensor} t @param {number[]} shape @param {number[]} strides @param {string} grad */
function restride(t, shape, strides, grad) {
  return recordOp(t.view(new Strided(t.storage.data, shape, strides, t.storage.offset)), [t], grad);
}

/** t.squeeze(dim?) @param {Tensor} t @param {bigint[] | null} dims @param {string} grad */
export function squeeze(t, dims, grad) {
  const drop = new Set();
  if (dims === null) {
    t.shape.forEach((d, i) => {
      if (d === 1) drop.add(i);
    });
  } else {
    for (const d of dims) {
      const w = wrapDim(d, t.ndim);
      if (t.ndim > 0 && t.shape[w] === 1) drop.add(w);
    }
  }
  const keep = t.shape.map((_, i) => i).filter((i) => !drop.has(i));
  return restride(
    t,
    keep.map((i) => t.shape[i]),
    keep.map((i) => t.storage.strides[i]),
    grad,
  );
}

/** t.unsqueeze(dim) @param {Tensor} t @param {bigint} dimArg */
export function unsqueeze(t, dimArg) {
  const dim = wrapDim(dimArg, t.ndim + 1);
  const shape = [...t.shape];
  const strides = [...t.storage.strides];
  const stride = dim >= t.ndim ? 1 : shape[dim] * strides[dim];
  shape.splice(dim, 0, 1);
  strides.splice(dim, 0, stride);
  return restride(t, shape, strides, 'UnsqueezeBackward0');
}

/** t.transpose(d0, d1) @param {Tensor} t @param {bigint} a @param {bigint} b @param {string} [grad] */
export function transpose(t, a, b, grad = 'TransposeBackward0') {
  const d0 = wrapDim(a, t.ndim);
  const d1 = wrapDim(b, t.ndim);
  const order = t.shape.map((_, i) => i);
  if (t.ndim > 0) [order[d0], order[d1]] = [order[d1], order[d0]];
  return restride(
    t,
    order.map((i) => t.shape[i]),
    order.map((i) => t.storage.strides[i]),
    grad,
  );
}

/** t.t() @param {Tensor} t */
export function matrixT(t) {
  if (t.ndim > 2)
    throw new PyError(
      'RuntimeError',
      `t() expects a tensor with <= 2 dimensions, but self is ${t.ndim}D`,
    );
  return t.ndim < 2
    ? restride(t, [...t.shape], [...t.storage.strides], 'TBackward0')
    : transpose(t, 0n, 1n, 'TBackward0');
}

/** t.permute(dims) @param {Tensor} t @param {bigint[]} dims */
export function permute(t, dims) {
  if (dims.length !== t.ndim) {
    throw new PyError(
      'RuntimeError',
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const order = dims.map((d) => wrapDim(d, t.ndim));
  if (new Set(order).size !== order.length)
    throw new PyError('RuntimeError', 'permute(): duplicate dims are not allowed.');
  return restride(
    t,
    order.map((i) => t.shape[i]),
    order.map((i) => t.storage.strides[i]),
    'PermuteBackward0',
  );
}

/** t.T: the dims reversed. @param {Tensor} t */
export function reverseT(t) {
  return permute(
    t,
    t.shape.map((_, i) => BigInt(t.ndim - 1 - i)),
  );
}

/**
 * Views of consecutive pieces of t along dim, of these sizes (split, chunk, split_with_sizes).
 * @param {Tensor} t @param {number} dim @param {number[]} sizes @param {string} grad
 */
function pieces(t, dim, sizes, grad) {
  let start = 0;
  return new PyTuple(
    sizes.map((size) => {
      const shape = [...t.shape];
      shape[dim] = size;
      const strided = new Strided(
        t.storage.data,
        shape,
        [...t.storage.strides],
        t.storage.offset + start * t.storage.strides[dim],
      );
      start += size;
      return recordOp(t.view(strided), [t], grad);
    }),
  );
}

/** A dim argument of split/chunk (a 0-dim tensor has none). @param {Tensor} t @param {bigint} dimArg */
function pieceDim(t, dimArg) {
  if (t.ndim === 0)
    throw new PyError('RuntimeError', 'split expects at least a 1-dimensional tensor');
  return wrapDim(dimArg, t.ndim);
}

/** t.split(split_size, dim): pieces of split_size, the last one smaller. @param {Tensor} t @param {bigint} sizeArg @param {bigint} dimArg */
export function splitBySize(t, sizeArg, dimArg) {
  const dim = pieceDim(t, dimArg);
  const size = Number(sizeArg);
  if (size < 0) {
    throw new PyError(
      'RuntimeError',
      `split expects split_size be non-negative, but got split_size=${size}`,
    );
  }
  const n = t.shape[dim];
  if (size === 0 && n !== 0) {
    throw new PyError(
      'RuntimeError',
      `split_size can only be 0 if dimension size is 0, but got dimension size of ${n}`,
    );
  }
  const count = size === 0 ? 1 : Math.max(Math.ceil(n / size), 1);
  const sizes = Array.from({ length: count }, (_, i) => Math.min(size, n - i * size));
  return pieces(t, dim, sizes, 'SplitBackward0');
}

/** t.split([sizes], dim) @param {Tensor} t @param {bigint[]} sizesArg @param {bigint} dimArg */
export function splitWithSizes(t, sizesArg, dimArg) {
  const dim = pieceDim(t, dimArg);
  const sizes = sizesArg.map(Number);
  const n = t.shape[dim];
  if (sizes.some((s) => s < 0) || sizes.reduce((a, b) => a + b, 0) !== n) {
    throw new PyError(
      'RuntimeError',
      `split_with_sizes expects split_sizes to sum exactly to ${n} (input tensor's size at dimension ${dim}), but got split_sizes=[${sizes.join(', ')}]`,
    );
  }
  return pieces(t, dim, sizes, 'SplitWithSizesBackward0');
}

/** t.chunk(chunks, dim) @param {Tensor} t @param {bigint} chunksArg @param {bigint} dimArg */
export function chunk(t, chunksArg, dimArg) {
  if (t.ndim === 0)
    throw new PyError('RuntimeError', 'chunk expects at least a 1-dimensional tensor');
  const chunks = Number(chunksArg);
  if (chunks <= 0)
    throw new PyError(
      'RuntimeError',
      `chunk expects \`chunks\` to be greater than 0, got: ${chunks}`,
    );
  const dim = wrapDim(dimArg, t.ndim);
  const size = Math.ceil(t.shape[dim] / chunks);
  return splitBySize(t, BigInt(size), BigInt(dim));
}

/** t.unbind(dim): the slices along dim. @param {Tensor} t @param {bigint} dimArg */
export function unbind(t, dimArg) {
  if (t.ndim === 0)
    throw new PyError('IndexError', 'Dimension specified as 0 but tensor has no dimensions');
  const dim = wrapDim(dimArg, t.ndim);
  const keep = t.shape.map((_, i) => i).filter((i) => i !== dim);
  return new PyTuple(
    Array.from({ length: t.shape[dim] }, (_, k) =>
      recordOp(
        t.view(
          new Strided(
            t.storage.data,
            keep.map((i) => t.shape[i]),
            keep.map((i) => t.storage.strides[i]),
            t.storage.offset + k * t.storage.strides[dim],
          ),
        ),
        [t],
        'UnbindBackward0',
      ),
    ),
  );
}

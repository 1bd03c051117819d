// Elementwise functions with exact results: sqrt, round (half to even, and with decimals as
// round_decimals_kernel computes it), floor/ceil/trunc, maximum/minimum, clamp, and the
// closeness tests equal/allclose/isclose.

import { PyError } from '../../errors.js';
import { recordOp } from './autograd.js';
import { scalarTo } from './creation.js';
import { bool, DEFAULT_FLOAT, float32, int64, intRange, resultType, uint8 } from './dtypes.js';
import {
  absolute,
  binary,
  broadcastShape,
  comparison,
  DTYPE_CPP_NAMES,
  map1,
  notImplementedFor,
} from './elementwise.js';
import { castTensor, fillInOrder, newOutput, Tensor } from './tensor.js';
import { reducedGroups } from './tensor-iterator.js';

/** nearbyint: round half to even, keeping the sign of zero. @param {number} x */
export function roundHalfEven(x) {
  if (!Number.isFinite(x) || Math.abs(x) >= 4503599627370496) return x;
  const f = Math.floor(x);
  const d = x - f;
  let r;
  if (d > 0.5) r = f + 1;
  else if (d < 0.5) r = f;
  else r = f % 2 === 0 ? f : f + 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

/** torch.sqrt: integers and bools promote to float32. @param {Tensor} t */
export function sqrt(t) {
  const src = t.dtype.isFloating ? t : castTensor(t, DEFAULT_FLOAT);
  const round = src.dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  return recordOp(
    map1(src, src.dtype, (x) => round(Math.sqrt(x))),
    [t],
    'SqrtBackward0',
  );
}

/** torch.round(t, decimals=0) @param {Tensor} t @param {bigint | null} decimals */
export function round(t, decimals) {
  if (decimals === null) {
    if (t.dtype === bool) throw notImplementedFor('round_vml_cpu', t.dtype);
    if (!t.dtype.isFloating) return map1(t, t.dtype, (x) => x);
    return recordOp(map1(t, t.dtype, roundHalfEven), [t], 'RoundBackward0');
  }
  if (!t.dtype.isFloating) throw notImplementedFor('round_cpu', t.dtype);
  const fr = t.dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  const neg = decimals < 0n;
  const d = Number(neg ? -decimals : decimals);
  // static_cast<opmath_t>(std::pow(10, decimals)): exact for the powers of ten a double holds
  const p = fr(Number(`1e${d}`));
  const f = neg
    ? (/** @type {number} */ a) => fr(roundHalfEven(fr(a / p)) * p)
    : (/** @type {number} */ a) => fr(roundHalfEven(fr(a * p)) / p);
  return recordOp(map1(t, t.dtype, f), [t], 'RoundBackward1');
}

/** floor, ceil, trunc (integers unchanged). @param {Tensor} t @param {'floor' | 'ceil' | 'trunc'} which */
export function rounding(t, which) {
  if (!t.dtype.isFloating) {
    if (t.dtype === bool) throw notImplementedFor(`${which}_vml_cpu`, t.dtype);
    return map1(t, t.dtype, (x) => x);
  }
  const f = Math[which];
  const grads = { floor: 'FloorBackward0', ceil: 'CeilBackward0', trunc: 'TruncBackward0' };
  return recordOp(
    map1(t, t.dtype, (x) => f(x)),
    [t],
    grads[which],
  );
}

/**
 * torch.maximum / torch.minimum: NaN-propagating, with type promotion.
 * @param {Tensor} a @param {Tensor} b @param {'max' | 'min'} which
 */
export function extremum(a, b, which) {
  const common = resultType([a, b]);
  const left = a.dtype === common ? a : castTensor(a, common);
  const right = b.dtype === common ? b : castTensor(b, common);
  const picked = /** @type {Tensor} */ (comparison(which === 'max' ? '>' : '<', left, right));
  const aNan = /** @type {Tensor} */ (comparison('!=', left, left));
  const shape = picked.shape;
  const view = (/** @type {Tensor} */ t) => {
    const v = t.storage.broadcastTo(shape);
    const pos = v.offsetArray();
    return (/** @type {number} */ i) => v.data[pos[i]];
  };
  const x = view(left);
  const y = view(right);
  const p = picked.values();
  const n = aNan.storage.broadcastTo(shape);
  const nanPos = n.offsetArray();
  const out = newOutput([...shape], common, [
    left.storage.broadcastTo(shape).strides,
    right.storage.broadcastTo(shape).strides,
  ]);
  fillInOrder(out, (i) => (p[i] || n.data[nanPos[i]] ? x(i) : y(i)));
  return recordOp(out, [a, b], which === 'max' ? 'MaximumBackward0' : 'MinimumBackward0');
}

/**
 * torch.isclose(a, b, rtol, atol, equal_nan), computed as ATen does, in the tensors' dtype.
 * @param {Tensor} a @param {Tensor} b @param {number} rtol @param {number} atol @param {boolean} equalNan
 */
export function isclose(a, b, rtol, atol, equalNan) {
  if (a.dtype !== b.dtype) {
    throw new PyError(
      'RuntimeError',
      `${DTYPE_CPP_NAMES.get(a.dtype.name)} did not match ${DTYPE_CPP_NAMES.get(b.dtype.name)}`,
    );
  }
  let close = /** @type {Tensor} */ (comparison('==', a, b));
  if (equalNan && a.dtype.isFloating) {
    const both = /** @type {Tensor} */ (
      binary('&', comparison('!=', a, a), comparison('!=', b, b))
    );
    close = /** @type {Tensor} */ (binary('|', close, both));
  }
  if (rtol === 0 && atol === 0) return close;
  const ca = a.dtype === bool ? castTensor(a, DEFAULT_FLOAT) : a;
  const cb = b.dtype === bool ? castTensor(b, DEFAULT_FLOAT) : b;
  const allowed = binary('+', atol, absolute(/** @type {Tensor} */ (binary('*', rtol, cb))));
  const actual = absolute(/** @type {Tensor} */ (binary('-', ca, cb)));
  const finite = map1(actual, bool, (x) => (typeof x === 'bigint' || Number.isFinite(x) ? 1 : 0));
  const within = comparison('<=', actual, allowed);
  return /** @type {Tensor} */ (binary('|', close, binary('&', finite, within)));
}

/** torch.equal: same shape and equal elements (after promotion). @param {Tensor} a @param {Tensor} b */
export function equal(a, b) {
  if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return false;
  const eq = /** @type {Tensor} */ (comparison('==', a, b));
  return eq.values().every((v) => v === 1);
}

/**
 * t.clamp(min, max) with Number bounds: the result dtype promotes with the bounds as with
 * Python scalars; integer bounds past the dtype's range are ignored on the far side and an
 * error on the near one; a NaN bound makes every element NaN; NaN elements stay NaN.
 * @param {Tensor} t @param {any} lo @param {any} hi
 */
export function clamp(t, lo, hi) {
  if (lo === undefined && hi === undefined) {
    throw new PyError(
      'RuntimeError',
      "torch.clamp: At least one of 'min' or 'max' must not be None",
    );
  }
  const scalarOp = (/** @type {any} */ v) => ({
    dtype: typeof v === 'number' ? DEFAULT_FLOAT : typeof v === 'boolean' ? bool : int64,
    scalar: true,
  });
  const dtype = t.dtype.isFloating
    ? t.dtype
    : resultType([
        { dtype: t.dtype, ndim: t.ndim },
        ...[lo, hi].filter((v) => v !== undefined).map(scalarOp),
      ]);
  const src = t.dtype === dtype ? t : castTensor(t, dtype);
  const isNan = (/** @type {any} */ v) => typeof v === 'number' && Number.isNaN(v);
  if (lo !== undefined && hi !== undefined && (isNan(lo) || isNan(hi))) {
    return recordOp(
      map1(src, dtype, () => Number.NaN),
      [t],
      'ClampBackward1',
    );
  }
  /** @param {any} v @param {'min' | 'max'} which */
  const bound = (v, which) => {
    if (v === undefined) return undefined;
    if (dtype.isFloating) return dtype === float32 ? Math.fround(Number(v)) : Number(v);
    const n = typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(v);
    const [lowest, highest] = intRange(dtype);
    const outside = which === 'min' ? n > highest : n < lowest;
    if (outside) {
      throw new PyError(
        'RuntimeError',
        `Clamp ${which} value ${n} is outside the representable range of ${DTYPE_CPP_NAMES.get(dtype.name)}`,
      );
    }
    const clipped = n < lowest ? lowest : n > highest ? highest : n;
    return dtype === int64 ? clipped : Number(clipped);
  };
  const low = bound(lo, 'min');
  const high = bound(hi, 'max');
  return recordOp(
    map1(src, dtype, (x) => {
      if (isNan(x)) return x;
      let v = x;
      if (low !== undefined && v < low) v = low;
      if (high !== undefined && v > high) v = high;
      return v;
    }),
    [t],
    'ClampBackward1',
  );
}

/**
 * all() / any() along dims (bool results; uint8 tensors give uint8, as torch's kernels do).
 * @param {Tensor} t @param {Set<number>} dims @param {boolean} keepdim @param {'all' | 'any'} which
 */
export function allAny(t, dims, keepdim, which) {
  const { outShape, groups } = reducedGroups(t.shape, t.storage.strides, t.storage.offset, dims);
  const shape = keepdim ? t.shape.map((d, i) => (dims.has(i) ? 1 : d)) : outShape;
  const outType = t.dtype === uint8 ? uint8 : bool;
  const out = outType.make(groups.length);
  const { data } = t.storage;
  const truthy = (/** @type {any} */ v) => (typeof v === 'bigint' ? v !== 0n : v !== 0);
  groups.forEach((g, k) => {
    out[k] =
      which === 'all'
        ? g.every((p) => truthy(data[p]))
          ? 1
          : 0
        : g.some((p) => truthy(data[p]))
          ? 1
          : 0;
  });
  return Tensor.of(out, shape, outType);
}

/** isnan, isinf, isfinite (integers: never nan or infinite). @param {Tensor} t @param {'isnan' | 'isinf' | 'isfinite'} which */
export function classify(t, which) {
  const test = {
    isnan: (/** @type {any} */ x) => typeof x === 'number' && Number.isNaN(x),
    isinf: (/** @type {any} */ x) =>
      typeof x === 'number' && t.dtype.isFloating && Math.abs(x) === Infinity,
    isfinite: (/** @type {any} */ x) =>
      typeof x !== 'number' || !t.dtype.isFloating || Number.isFinite(x),
  }[which];
  return map1(t, bool, (x) => (test(x) ? 1 : 0));
}

/** torch.where(condition, input, other) with torch's promotion of the two values. @param {Tensor} cond @param {any} a @param {any} b */
export function where(cond, a, b) {
  if (cond.dtype !== bool && cond.dtype !== uint8) {
    throw new PyError(
      'RuntimeError',
      `where expected condition to be a boolean tensor, but got a tensor with dtype ${DTYPE_CPP_NAMES.get(cond.dtype.name)}`,
    );
  }
  const operand = (/** @type {any} */ v) =>
    v instanceof Tensor
      ? { dtype: v.dtype, ndim: v.ndim }
      : {
          dtype: typeof v === 'number' ? DEFAULT_FLOAT : typeof v === 'boolean' ? bool : int64,
          scalar: true,
        };
  const common = resultType([operand(a), operand(b)]);
  const asTensor = (/** @type {any} */ v) => {
    if (v instanceof Tensor) return v.dtype === common ? v : castTensor(v, common);
    const data = common.make(1);
    data[0] = scalarTo(v, common);
    return Tensor.of(data, [], common);
  };
  const x = asTensor(a);
  const y = asTensor(b);
  const shape = broadcastShape([cond.shape, x.shape, y.shape]);
  const views = [cond, x, y].map((t) => t.storage.broadcastTo(shape));
  const pos = views.map((v) => v.offsetArray());
  const out = newOutput(
    shape,
    common,
    views.map((v) => v.strides),
  );
  fillInOrder(out, (i) =>
    views[0].data[pos[0][i]] ? views[1].data[pos[1][i]] : views[2].data[pos[2][i]],
  );
  return recordOp(
    out,
    [a instanceof Tensor ? a : null, b instanceof Tensor ? b : null],
    'WhereBackward0',
  );
}

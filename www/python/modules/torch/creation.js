// Tensor factories: torch.tensor (nested data, dtype inference), zeros, ones, full, empty,
// arange and linspace (with the exact formulas of RangeFactoriesKernel.cpp, whose AVX2 build
// fuses a*b+c into FMAs), cat and stack.

import { PageLimit, PyError, Unsupported } from '../../errors.js';
import { Strided, shapeSize } from '../../nd/strided.js';
import { PyList, PyObject, PyRange, PyTuple } from '../../objects.js';
import { iterate, typeName } from '../../ops.js';
import { tpName, unpackIntList } from './arg-parser.js';
import { recordOp } from './autograd.js';
import {
  bool,
  DEFAULT_FLOAT,
  DType,
  float32,
  float64,
  floatToInt64,
  int8,
  int16,
  int32,
  int64,
  int64ToFloat32,
  intRange,
  promoteTypes,
  scalarDType,
  uint8,
  wrapInt,
} from './dtypes.js';
import { fma, wrapDim } from './reductions.js';
import { castTensor, setRequiresGrad, Tensor } from './tensor.js';
import { assertInitialized, markUninitialized } from './uninitialized.js';

/** @typedef {import('../../objects.js').Value} Value */

/** The most elements a tensor made on this page may have. */
export const PAGE_MAX_ELEMENTS = 1_000_000;

const FORMAT_N = new Intl.NumberFormat('en-US');

/** A shape of ints from an argument, with torch's checks, within the page's limit. @param {string} fname @param {Value} v */
export function shapeArg(fname, v) {
  const dims = unpackIntList(fname, 'size', v, 1);
  for (const d of dims) {
    if (d < 0n) {
      if (fname === 'zeros')
        throw new PyError('RuntimeError', 'zeros: Dimension size must be non-negative.');
      throw new PyError(
        'RuntimeError',
        `Trying to create tensor with negative dimension ${d}: [${dims.join(', ')}]`,
      );
    }
  }
  let n = 1n;
  for (const d of dims) n *= d;
  checkSize(n);
  return dims.map(Number);
}

/** @param {bigint | number} n */
export function checkSize(n) {
  if (BigInt(n) > BigInt(PAGE_MAX_ELEMENTS)) {
    throw new PageLimit(
      `This page makes tensors of at most ${FORMAT_N.format(PAGE_MAX_ELEMENTS)} elements (Python would make ${FORMAT_N.format(BigInt(n))}).`,
    );
  }
}

/** A dtype argument: a torch.dtype, or Python's float, int or bool type. @param {Value | undefined} v */
export function dtypeArg(v) {
  if (v === undefined || v === null) return null;
  if (v instanceof DType) return v;
  const name = /** @type {any} */ (v).name;
  if (name === 'float') return float64;
  if (name === 'int') return int64;
  if (name === 'bool') return bool;
  throw new Unsupported(`dtype=${name}`);
}

/** device=, layout=, pin_memory= and out= as the page takes them: the CPU defaults only. @param {Record<string, any>} a */
export function checkFactoryOptions(a) {
  if (a.out !== undefined) throw new Unsupported('out=');
  if (a.device !== undefined) {
    const d = a.device;
    const name =
      typeof d === 'string'
        ? d
        : d instanceof PyObject && tpName(d) === 'torch.device'
          ? /** @type {any} */ (d).type
          : null;
    if (name !== 'cpu')
      throw new Unsupported(
        `device=${typeof d === 'string' ? `'${d}'` : typeName(d)} (this page runs torch's CPU kernels)`,
      );
  }
  if (a.layout !== undefined) throw new Unsupported('layout=');
  if (a.pin_memory === true) throw new Unsupported('pin_memory=True');
}

/** requires_grad= on a new tensor. @param {Tensor} t @param {Value | undefined} v */
export function applyRequiresGrad(t, v) {
  if (v === true) {
    if (!t.dtype.isFloating) {
      throw new PyError(
        'RuntimeError',
        'Only Tensors of floating point and complex dtype can require gradients',
      );
    }
    setRequiresGrad(t, true);
  }
  return t;
}

// --- checked scalar conversion (c10::checked_convert) ------------------------------------------

/** The C type names of at::Scalar conversions (fill_, full, t[i] = x); torch.tensor's own checks say 'uint8'. */
let cTypeNames = false;

/** at::Scalar's accessor names where they are not `<name>_t` (int32's is `int`). */
const SCALAR_TYPE_NAMES = new Map([['int32', 'int']]);

/** @param {string} name */
function overflow(name) {
  const cName = SCALAR_TYPE_NAMES.get(name) ?? `${name}_t`;
  return new PyError(
    'RuntimeError',
    `value cannot be converted to type ${cTypeNames ? cName : name} without overflow`,
  );
}

/**
 * checkedRaw as at::Scalar::to<T>() words its errors (uint8_t, int64_t).
 * @param {Value} v @param {DType} dtype
 */
export function scalarTo(v, dtype) {
  if (typeof v === 'bigint' && (v < -(2n ** 63n) || v >= 2n ** 63n)) {
    // The argument parser makes a Python int past int64 an unsigned Scalar, if it can.
    if (v >= 2n ** 64n) throw new PyError('OverflowError', 'int too big to convert');
    if (v < 0n) throw new PyError('OverflowError', "can't convert negative int to unsigned");
    if (dtype === int64) throw overflow('int64_t');
    if (dtype.isFloating) return dtype === float32 ? int64ToFloat32(v) : Number(v);
    throw new Unsupported(`an unsigned 64-bit Scalar stored as ${dtype.repr()}`);
  }
  cTypeNames = true;
  try {
    return checkedRaw(v, dtype);
  } finally {
    cTypeNames = false;
  }
}

/**
 * A Python number as a buffer value of `dtype`, refusing values the dtype cannot hold as torch
 * does (an int64 from NaN, a uint8 from 300; negative ints wrap into uint8 down to -255).
 * @param {Value} v @param {DType} dtype
 */
export function checkedRaw(v, dtype) {
  if (typeof v === 'boolean')
    return dtype === bool
      ? v
        ? 1
        : 0
      : dtype.isFloating
        ? v
          ? 1
          : 0
        : dtype === int64
          ? v
            ? 1n
            : 0n
          : v
            ? 1
            : 0;
  if (typeof v === 'bigint') {
    if (v < -(2n ** 63n) || v >= 2n ** 63n)
      throw new PyError('ValueError', 'Overflow when unpacking long long');
    if (dtype === int64) return v;
    if (dtype === float32) return int64ToFloat32(v);
    if (dtype === float64) return Number(v);
    if (dtype === bool) return v !== 0n ? 1 : 0;
    if (dtype === uint8) {
      // c10::overflows lets negative ints wrap into unsigned types
      if (v > 255n || v < -255n) throw overflow('uint8');
      return Number(BigInt.asUintN(8, v));
    }
    const [lowest, highest] = intRange(dtype);
    if (v < lowest || v > highest) throw overflow(dtype.name);
    return wrapInt(v, dtype);
  }
  const x = /** @type {number} */ (v);
  if (dtype === float64) return x;
  if (dtype === float32) return Math.fround(x); // past float's range: inf, as torch stores it
  if (dtype === bool) return x !== 0 ? 1 : 0;
  if (!Number.isFinite(x)) throw overflow(dtype.name);
  if (dtype === int64) {
    if (x < -(2 ** 63) || x > 2 ** 63) throw overflow('int64'); // INT64_MAX as a double is 2**63
    return floatToInt64(x);
  }
  const [lowest, highest] = intRange(dtype);
  if (x < Number(lowest) || x > Number(highest)) throw overflow(dtype.name);
  return Math.trunc(x);
}

/** A double as C++'s ostream prints it (%g with 6 significant digits; inf, nan). @param {number} x */
export function cppDouble(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let out;
  const p = Number(x.toPrecision(6));
  const e = Math.floor(Math.log10(Math.abs(p)));
  if (e < -4 || e >= 6) {
    out = p
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace(/e([+-])(\d)$/, 'e$10$2');
  } else {
    out = String(p);
  }
  return out;
}

// --- torch.tensor ------------------------------------------------------------------------------

/** Is v a sequence torch.tensor descends into? @param {Value} v */
function isSequence(v) {
  return v instanceof PyList || v instanceof PyTuple || v instanceof PyRange;
}

/** @param {Value} v */
function seqItems(v) {
  return [...iterate(v)];
}

/** infer_scalar_type @param {Value} v @returns {DType} */
function inferDType(v) {
  if (typeof v === 'number') return DEFAULT_FLOAT;
  if (typeof v === 'bigint') return int64;
  if (typeof v === 'boolean') return bool;
  if (v instanceof Tensor) return v.dtype;
  if (isSequence(v)) {
    const items = seqItems(v);
    if (items.length === 0) return DEFAULT_FLOAT;
    /** @type {DType | null} */
    let out = null;
    for (const item of items) {
      const d = inferDType(item);
      out = out === null ? d : promoteTypes(out, d);
    }
    return /** @type {DType} */ (out);
  }
  if (typeof v === 'string') throw new PyError('TypeError', "new(): invalid data type 'str'");
  if (v instanceof PyObject && tpName(v) === 'numpy.ndarray')
    throw new Unsupported('torch.tensor of a NumPy array');
  throw new PyError('RuntimeError', `Could not infer dtype of ${typeName(v)}`);
}

/** The torch dtypes of NumPy's dtypes (by name), as torch.from_numpy maps them. */
const FROM_NUMPY = /** @type {Record<string, DType>} */ ({
  float64: float64,
  float32: float32,
  int64: int64,
  int32: int32,
  int16: int16,
  int8: int8,
  uint8: uint8,
  bool: bool,
});

/**
 * A tensor with a NumPy array's values, shape and (mapped) dtype: torch.tensor(ndarray) copies it.
 * @param {any} arr  a numpy.ndarray of the interpreter's numpy module
 */
function tensorFromNumpy(arr) {
  const dtype = FROM_NUMPY[arr.dtype.name];
  if (!dtype) throw new Unsupported(`torch.tensor of a NumPy ${arr.dtype.name} array`);
  const values = arr.values();
  const data = dtype.make(values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i];
  return Tensor.of(data, [...arr.shape], dtype);
}

/** compute_sizes @param {Value} data */
function computeSizes(data) {
  const sizes = [];
  let seq = data;
  while (isSequence(seq)) {
    const items = seqItems(seq);
    sizes.push(items.length);
    checkSize(sizes.reduce((a, b) => a * b, 1));
    if (items.length === 0) break;
    seq = items[0];
  }
  if (seq instanceof Tensor && seq.numel !== 1 && sizes.length > 0) {
    // a list of multi-element tensors
    throw new PyError('ValueError', 'only one element tensors can be converted to Python scalars');
  }
  if (typeof seq === 'string' && sizes.length > 0)
    throw new PyError('ValueError', "too many dimensions 'str'");
  return sizes;
}

/**
 * torch.tensor(data, dtype=None): a new tensor from nested sequences of numbers (or tensors of one
 * element), with torch's dtype inference and errors.
 * @param {Value} data @param {DType | null} dtype
 */
export function tensorFromData(data, dtype) {
  if (data instanceof PyObject && tpName(data) === 'numpy.ndarray') {
    const fromNumpy = tensorFromNumpy(data);
    return dtype === null || dtype === fromNumpy.dtype ? fromNumpy : castTensor(fromNumpy, dtype);
  }
  if (data instanceof Tensor) {
    // torch.tensor(t) copies (with a warning to use t.clone().detach()).
    const copy = castTensor(data, dtype ?? data.dtype);
    return copy;
  }
  const sizes = computeSizes(data);
  const target = dtype ?? inferDType(data);
  const n = shapeSize(sizes);
  const out = target.make(n);
  let k = 0;
  /** @param {Value} v @param {number} dim */
  const store = (v, dim) => {
    if (dim === sizes.length) {
      if (isSequence(v)) {
        // A sequence where a number belongs: what Python's int() says of it.
        throw new PyError(
          'TypeError',
          `'${typeName(v)}' object cannot be interpreted as an integer`,
        );
      }
      out[k++] = scalarRaw(v, target);
      return;
    }
    if (!isSequence(v)) throw new PyError('TypeError', 'not a sequence');
    const items = seqItems(v);
    if (items.length !== sizes[dim]) {
      throw new PyError(
        'ValueError',
        `expected sequence of length ${sizes[dim]} at dim ${dim} (got ${items.length})`,
      );
    }
    for (const item of items) store(item, dim + 1);
  };
  store(data, 0);
  return Tensor.of(out, sizes, target);
}

/** One element of torch.tensor's data. @param {Value} v @param {DType} dtype */
function scalarRaw(v, dtype) {
  if (v instanceof Tensor) {
    if (v.numel !== 1)
      throw new PyError(
        'ValueError',
        'only one element tensors can be converted to Python scalars',
      );
    return checkedRaw(v.item(), dtype);
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    if (dtype.isFloating && typeof v === 'bigint') {
      // store_scalar unpacks a Python int of any size as a double (then narrows it to float)
      return dtype === float32 ? Math.fround(Number(v)) : Number(v);
    }
    return checkedRaw(v, dtype);
  }
  if (v === null) throw new PyError('RuntimeError', 'Could not infer dtype of NoneType');
  if (typeof v === 'string') throw new PyError('TypeError', "new(): invalid data type 'str'");
  throw new PyError('TypeError', `'${typeName(v)}' object cannot be interpreted as an integer`);
}

// --- zeros, ones, full, empty ------------------------------------------------------------------

/** A tensor of `shape` filled with one raw value. @param {number[]} shape @param {DType} dtype @param {any} raw */
export function filled(shape, dtype, raw) {
  const data = dtype.make(shapeSize(shape));
  data.fill(raw);
  return Tensor.of(data, shape, dtype);
}

/** torch.empty: a tensor whose elements cannot be read until written. @param {number[]} shape @param {DType} dtype */
export function empty(shape, dtype) {
  const t = Tensor.zeros(shape, dtype);
  markUninitialized(t.storage.data, t.numel);
  return t;
}

/** full's dtype when none is given: that of the fill value. @param {Value} v */
export function fillDType(v) {
  if (v instanceof Tensor)
    return v.dtype === bool ? bool : v.dtype.isFloating ? DEFAULT_FLOAT : int64;
  return scalarDType(v);
}

/** The fill value of full() as a Python number. @param {Value} v */
export function fillValue(v) {
  return v instanceof Tensor ? v.item() : v;
}

// --- arange, linspace --------------------------------------------------------------------------

/** @param {Value} v */
function isIntegral(v) {
  return (
    typeof v === 'bigint' || typeof v === 'boolean' || (v instanceof Tensor && !v.dtype.isFloating)
  );
}

/** A Number argument as a JS number and whether it is integral. @param {Value} v */
function numberOf(v) {
  const x = v instanceof Tensor ? v.item() : v;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  return /** @type {number | bigint} */ (x);
}

/**
 * torch.arange(start, end, step, dtype=None).
 * @param {Value} startV @param {Value} endV @param {Value} stepV @param {DType | null} dtypeArgV
 */
export function arange(startV, endV, stepV, dtypeArgV) {
  const integral = isIntegral(startV) && isIntegral(endV) && isIntegral(stepV);
  const dtype = dtypeArgV ?? (integral ? int64 : DEFAULT_FLOAT);
  const start = numberOf(startV);
  const end = numberOf(endV);
  const step = numberOf(stepV);
  if (dtype === bool)
    throw new PyError('NotImplementedError', '"arange_cpu" not implemented for \'Bool\'');
  let size;
  if (dtype.isIntegral) {
    if (!integral) throw new Unsupported('torch.arange with an integer dtype and float bounds');
    const [s, e, st] = [BigInt(start), BigInt(end), BigInt(step)];
    if (st === 0n) throw new PyError('RuntimeError', 'step must be nonzero');
    if (!((st > 0n && e >= s) || (st < 0n && e <= s))) {
      throw new PyError('RuntimeError', 'upper bound and lower bound inconsistent with step sign');
    }
    const sgn = st > 0n ? 1n : -1n;
    const count = (e - s + st - sgn) / st;
    checkSize(count);
    size = Number(count);
    const out = dtype.make(size);
    for (let i = 0; i < size; i++) {
      const v = s + st * BigInt(i);
      out[i] = wrapInt(v, dtype);
    }
    return Tensor.of(out, [size], dtype);
  }
  const [s, e, st] = [Number(start), Number(end), Number(step)];
  if (st === 0) throw new PyError('RuntimeError', 'step must be nonzero');
  if (!Number.isFinite(s) || !Number.isFinite(e))
    throw new PyError('RuntimeError', `unsupported range: ${cppDouble(s)} -> ${cppDouble(e)}`);
  if (!((st > 0 && e >= s) || (st < 0 && e <= s))) {
    throw new PyError('RuntimeError', 'upper bound and lower bound inconsistent with step sign');
  }
  const sizeD = Math.ceil((e - s) / st);
  if (!(sizeD >= 0 && sizeD <= 2 ** 63))
    throw new PyError('RuntimeError', 'invalid size, possible overflow?');
  checkSize(sizeD);
  size = sizeD;
  if (size > 32768) {
    throw new Unsupported(
      'a floating-point torch.arange of more than 32,768 elements (torch fills it on several CPU threads, and the values at the seams depend on the machine)',
    );
  }
  const round = dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  const lanes = dtype === float32 ? 8 : 4;
  const out = dtype.make(size);
  // cpu_serial_kernel_vec: blocks of two vectors, each lane base + k*step from its vector's
  // base = start + step*idx (both FMAs, in double), then the tail one element at a time.
  let i = 0;
  for (; i + 2 * lanes <= size; i += 2 * lanes) {
    for (let v = 0; v < 2; v++) {
      const idx = i + v * lanes;
      const base = round(fma(st, idx, s));
      for (let k = 0; k < lanes; k++) out[idx + k] = k === 0 ? base : round(fma(k, st, base));
    }
  }
  for (; i < size; i++) out[i] = round(fma(st, i, s));
  return Tensor.of(out, [size], dtype);
}

/**
 * torch.linspace(start, end, steps, dtype=None).
 * @param {Value} startV @param {Value} endV @param {bigint} steps @param {DType | null} dtypeArgV
 */
export function linspace(startV, endV, steps, dtypeArgV) {
  if (steps < 0n) throw new PyError('RuntimeError', 'number of steps must be non-negative');
  checkSize(steps);
  const dtype = dtypeArgV ?? DEFAULT_FLOAT;
  if (dtype === bool || dtype === uint8)
    throw new Unsupported(`torch.linspace with dtype=${dtype.repr()}`);
  const n = Number(steps);
  const out = dtype.make(n);
  const start = numberOf(startV);
  const end = numberOf(endV);
  if (n === 0) return Tensor.of(out, [0], dtype);
  if (n > 32768)
    throw new Unsupported(
      'torch.linspace of more than 32,768 steps (torch fills it on several CPU threads)',
    );
  if (dtype === int64) {
    const s = checkedRaw(start, int64);
    const e = checkedRaw(end, int64);
    if (n === 1) {
      out[0] = s;
      return Tensor.of(out, [1], dtype);
    }
    // step_t is double for integral types
    const step = (Number(e) - Number(s)) / (n - 1);
    const half = Math.floor(n / 2);
    for (let i = 0; i < n; i++) {
      const v = i < half ? fma(step, i, Number(s)) : fma(-step, n - i - 1, Number(e));
      out[i] = floatToInt64(v);
    }
    return Tensor.of(out, [n], dtype);
  }
  const round = dtype === float32 ? Math.fround : (/** @type {number} */ x) => x;
  const s = round(Number(start));
  const e = round(Number(end));
  if (n === 1) {
    out[0] = s;
    return Tensor.of(out, [1], dtype);
  }
  const step = round(round(e - s) / round(n - 1));
  const half = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    // start + step*idx and end - step*(steps-idx-1), each one FMA in the tensor's precision
    out[i] =
      i < half
        ? round(fmaRounded(step, i, s, dtype))
        : round(fmaRounded(-step, n - i - 1, e, dtype));
  }
  return Tensor.of(out, [n], dtype);
}

/** a*b + c rounded once to the dtype's precision. @param {number} a @param {number} b @param {number} c @param {DType} dtype */
function fmaRounded(a, b, c, dtype) {
  if (dtype === float64) return fma(a, b, c);
  return fma32(a, b, c);
}

/**
 * a*b + c for float32 operands, rounded once to float32: the product is exact in double; the
 * two-sum error of the addition breaks the tie when the double sum falls halfway between two
 * float32s (anywhere else the double sum rounds the same way as the exact one).
 * @param {number} a @param {number} b @param {number} c
 */
function fma32(a, b, c) {
  const p = a * b;
  const s = p + c;
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  const r = Math.fround(s);
  if (err === 0 || r === s) return r;
  const other = r > s ? stepFloat32(r, -1) : stepFloat32(r, 1);
  if ((r + other) / 2 !== s) return r;
  return err > 0 ? Math.max(r, other) : Math.min(r, other);
}

/** The float32 next to x, up (dir 1) or down (dir -1). @param {number} x @param {number} dir */
function stepFloat32(x, dir) {
  if (x === 0) return dir * 1.401298464324817e-45;
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  u[0] += x > 0 === dir > 0 ? 1 : -1;
  return f[0];
}

// --- cat, stack ---------------------------------------------------------------------------------

/** @param {Value} seq @param {string} fname */
function tensorList(seq, fname) {
  const items = [...iterate(seq)];
  items.forEach((t, i) => {
    if (!(t instanceof Tensor)) {
      throw new PyError(
        'TypeError',
        `expected Tensor as element ${i} in argument 0, but got ${tpName(t)}`,
      );
    }
  });
  if (items.length === 0) {
    throw new PyError(
      fname === 'cat' ? 'ValueError' : 'RuntimeError',
      `${fname === 'cat' ? 'torch.cat' : 'stack'}(): expected a non-empty list of Tensors`,
    );
  }
  return /** @type {Tensor[]} */ (items);
}

/**
 * torch.cat(tensors, dim=0)
 * @param {Value} seq @param {bigint} dimArg
 */
export function cat(seq, dimArg) {
  const tensors = tensorList(seq, 'cat');
  // Legacy rule: 1-D empty tensors are skipped.
  const used = tensors.filter((t) => !(t.ndim === 1 && t.numel === 0));
  let dtype = tensors[0].dtype;
  for (const t of tensors) dtype = promoteTypes(dtype, t.dtype);
  if (used.length === 0) return Tensor.zeros([0], dtype);
  const ref = used[0];
  if (ref.ndim === 0)
    throw new PyError(
      'RuntimeError',
      'zero-dimensional tensor (at position 0) cannot be concatenated',
    );
  const dim = wrapDim(dimArg, ref.ndim);
  used.forEach((t) => {
    if (t.ndim === 0)
      throw new PyError(
        'RuntimeError',
        `zero-dimensional tensor (at position ${tensors.indexOf(t)}) cannot be concatenated`,
      );
    if (t.ndim !== ref.ndim) {
      throw new PyError(
        'RuntimeError',
        `Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`,
      );
    }
    for (let d = 0; d < ref.ndim; d++) {
      if (d !== dim && t.shape[d] !== ref.shape[d]) {
        throw new PyError(
          'RuntimeError',
          `Sizes of tensors must match except in dimension ${dim}. Expected size ${ref.shape[d]} but got size ${t.shape[d]} for tensor number ${tensors.indexOf(t)} in the list.`,
        );
      }
    }
  });
  const shape = [...ref.shape];
  shape[dim] = used.reduce((s, t) => s + t.shape[dim], 0);
  checkSize(shapeSize(shape));
  const out = Tensor.zeros(shape, dtype);
  let at = 0;
  for (const t of used) {
    assertInitialized(t.storage);
    const src = t.dtype === dtype ? t : castTensor(t, dtype);
    const strides = out.storage.strides;
    const view = new Strided(out.storage.data, [...t.shape], [...strides], at * strides[dim]);
    const from = src.storage.offsetArray();
    let i = 0;
    for (const p of view.offsets()) view.data[p] = src.storage.data[from[i++]];
    at += t.shape[dim];
  }
  return recordOp(out, tensors, 'CatBackward0');
}

/**
 * torch.stack(tensors, dim=0)
 * @param {Value} seq @param {bigint} dimArg
 */
export function stack(seq, dimArg) {
  const tensors = tensorList(seq, 'stack');
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (t.ndim !== ref.ndim || t.shape.some((d, k) => d !== ref.shape[k])) {
      throw new PyError(
        'RuntimeError',
        `stack expects each tensor to be equal size, but got [${ref.shape.join(', ')}] at entry 0 and [${t.shape.join(', ')}] at entry ${i}`,
      );
    }
  });
  const dim = wrapDim(dimArg, ref.ndim + 1);
  const expanded = tensors.map((t) => {
    const shape = [...t.shape.slice(0, dim), 1, ...t.shape.slice(dim)];
    const strides = [...t.storage.strides.slice(0, dim), 0, ...t.storage.strides.slice(dim)];
    const v = new Tensor(new Strided(t.storage.data, shape, strides, t.storage.offset), t.dtype);
    return v;
  });
  const out = cat(new PyList(expanded), BigInt(dim));
  return recordOp(out, tensors, 'StackBackward0');
}

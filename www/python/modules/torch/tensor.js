// torch.Tensor over the shared strided storage (nd/strided.js): a buffer of one dtype read through
// shape, strides and offset, so that basic indexing, transpose, view and friends share memory
// with the tensor they come from, as in torch. The autograd flags are kept for printing
// (requires_grad=True, grad_fn=<MulBackward0>); gradients themselves are not computed.
//
// Methods live in a table (TENSOR_METHODS) that the other files of this module fill in.

import { PyError, Unsupported } from '../../errors.js';
import { formatValue } from '../../format-spec.js';
import { Strided, shapeSize } from '../../nd/strided.js';
import { NotImplemented, PyBoundMethod, PyObject, PyType } from '../../objects.js';
import { hooks } from './arg-parser.js';
import { bool, convertElement, DType, float64, int64 } from './dtypes.js';
import { TorchSize } from './size.js';
import { iteratorOutputStrides } from './tensor-iterator.js';
import { assertInitialized } from './uninitialized.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {(self: Tensor, args: Value[], kwargs: Kwargs, interp: any) => Value} Method */

/**
 * The interpreter running torch code now, charged for the work of each new tensor (one step per
 * 64 elements) so that a loop of big tensor operations meets the step budget. Set on every call
 * into the module; operators (x + y) charge the interpreter of the last call.
 * @type {{ interp: { charge: (n: number) => void } | null }}
 */
export const session = { interp: null };

/** Tensor methods by name, filled in by the files that implement them. @type {Record<string, Method>} */
export const TENSOR_METHODS = {};

/** Tensor properties by name. @type {Record<string, (self: Tensor) => Value>} */
export const TENSOR_PROPERTIES = {};

/** Tensor operator hooks (set by elementwise.js, indexing.js and printing.js). */
export const TENSOR_OPS = {
  /** @type {(self: Tensor) => string} */
  repr: () => '',
  /** @type {(op: string, a: Tensor, b: Value, reflected: boolean) => Value | typeof NotImplemented} */
  binop: () => NotImplemented,
  /** @type {(op: string, a: Tensor, b: Value, reflected: boolean) => Value | typeof NotImplemented} */
  compare: () => NotImplemented,
  /** @type {(op: string, a: Tensor) => Value | typeof NotImplemented} */
  unaryop: () => NotImplemented,
  /** @type {(op: string, a: Tensor, b: Value) => Value | undefined} */
  inplace: () => undefined,
  /** @type {(self: Tensor, key: Value) => Value} */
  getitem: () => null,
  /** @type {(self: Tensor, key: Value, value: Value) => void} */
  setitem: () => {},
};

/** Methods and attributes torch.Tensor has that the page does not implement. */
export const UNSUPPORTED_TENSOR_ATTRIBUTES = new Set([
  'backward',
  'register_hook',
  'retain_grad',
  'cuda',
  'to_sparse',
  'storage',
  'untyped_storage',
  'data_ptr',
  'exp',
  'log',
  'sin',
  'cos',
  'tan',
  'tanh',
  'sigmoid',
  'softmax',
  'log_softmax',
  'matmul',
  'mm',
  'dot',
  'bmm',
  'norm',
  'cumprod',
  'prod',
  'median',
  'mode',
  'log1p',
  'expm1',
  'log2',
  'log10',
  'exp2',
  'erf',
  'erfinv',
  'atan',
  'asin',
  'acos',
  'atan2',
  'sinh',
  'cosh',
  'lerp',
  'addcmul',
  'addcdiv',
  'cauchy_',
  'log_normal_',
  'geometric_',
  'half',
  'bfloat16',
  'cfloat',
  'cdouble',
  'apply_',
  'map_',
  'index_select',
  'gather',
  'scatter',
  'scatter_',
  'scatter_add',
  'scatter_add_',
  'masked_select',
  'masked_fill',
  'masked_fill_',
  'nonzero',
  'roll',
  'flip',
  'repeat',
  'tile',
  'expand',
  'expand_as',
  'narrow',
  'unfold',
  'diff',
  'cummax',
  'cummin',
  'logsumexp',
  'amax',
  'amin',
  'aminmax',
  'nansum',
  'nanmean',
  'count_nonzero',
  'std_mean',
  'var_mean',
  'kthvalue',
  'quantile',
  'nanquantile',
  'histc',
  'outer',
  'cross',
  'kron',
  'trace',
  'diag',
  'diagonal',
  'tril',
  'triu',
  'inverse',
  'det',
  'svd',
  'qr',
  'cholesky',
  'pinverse',
  'logdet',
  'matrix_power',
  'fmod',
  'reciprocal',
  'rsqrt',
  'float_power',
  'hypot',
  'sign',
  'sgn',
  'frac',
  'fmax',
  'fmin',
  'logical_and',
  'logical_or',
  'logical_xor',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
  'bitwise_not',
  'nan_to_num',
  'square',
  'pin_memory',
  'share_memory_',
  'is_pinned',
  'new_tensor',
  'new_zeros',
  'new_ones',
  'new_full',
  'new_empty',
  'type_as',
  'view_as',
  'reshape_as',
  'movedim',
  'moveaxis',
  'swapdims',
  'select',
  'index_add',
  'index_add_',
  'index_copy',
  'index_fill',
  'index_put',
  'index_put_',
  'put_',
  'take',
  'stride',
  'storage_offset',
  'mH',
  'H',
  'mT',
  'real',
  'imag',
  'angle',
  'conj',
  'sqrt_',
  'round_',
  'squeeze_',
  'unsqueeze_',
  't_',
  'transpose_',
  'resize_',
  'resize_as_',
  'as_strided',
  'set_',
  'detach_',
  'is_complex',
  'get_device',
  'dim_order',
]);

export class Tensor extends PyObject {
  /**
   * @param {Strided} storage @param {DType} dtype
   */
  constructor(storage, dtype) {
    super();
    this.storage = storage;
    this.dtype = dtype;
    this.requiresGrad = false;
    /** The name of the autograd node that made this tensor ('MulBackward0'), or null for a leaf. @type {string | null} */
    this.gradFn = null;
    /** The tensor whose memory this one views (for in-place checks on views of leaves). @type {Tensor | null} */
    this.base = null;
    /** Attributes set from Python code (tensors have a __dict__). @type {Map<string, Value>} */
    this.extra = new Map();
  }

  /** A contiguous tensor over a new buffer. @param {any} data @param {number[]} shape @param {DType} dtype */
  static of(data, shape, dtype) {
    if (data.length > 64) session.interp?.charge(data.length);
    return new Tensor(Strided.contiguous(data, shape), dtype);
  }

  /** A zero-filled contiguous tensor. @param {number[]} shape @param {DType} dtype */
  static zeros(shape, dtype) {
    return Tensor.of(dtype.make(shapeSize(shape)), shape, dtype);
  }

  /** @override */
  get typeName() {
    return 'Tensor';
  }

  get tpName() {
    return 'Tensor';
  }

  get shape() {
    return this.storage.shape;
  }

  get ndim() {
    return this.storage.shape.length;
  }

  get numel() {
    return this.storage.size;
  }

  get isLeaf() {
    return this.gradFn === null;
  }

  pyType() {
    return TENSOR_TYPE;
  }

  /** The raw buffer values in C order. @returns {any[]} */
  values() {
    assertInitialized(this.storage);
    return this.storage.values();
  }

  /** A view of this tensor's memory with another layout. @param {Strided} storage */
  view(storage) {
    const t = new Tensor(storage, this.dtype);
    t.base = this.base ?? this;
    return t;
  }

  /** The one element's Python value (item()). */
  item() {
    if (this.numel !== 1) {
      throw new PyError(
        'RuntimeError',
        `a Tensor with ${this.numel} elements cannot be converted to Scalar`,
      );
    }
    assertInitialized(this.storage);
    return pyValue(this.dtype, this.storage.data[this.storage.offset]);
  }

  /** @override */
  repr() {
    return TENSOR_OPS.repr(this);
  }

  /** @param {string} name @override */
  getattr(name) {
    const property = TENSOR_PROPERTIES[name];
    if (property) return property(this);
    const method = TENSOR_METHODS[name];
    if (method) {
      return new PyBoundMethod(
        this,
        name,
        (args, kwargs, interp) => {
          session.interp = interp;
          return method(this, args, kwargs, interp);
        },
        'Tensor',
      );
    }
    return this.extra.get(name);
  }

  /** @param {string} name @param {Value} value @override */
  setattr(name, value) {
    if (name === 'requires_grad') {
      setRequiresGrad(this, value);
      return;
    }
    if (name === 'data') {
      // x.data = y: x keeps its identity and autograd flags, over y's memory and layout
      if (!(value instanceof Tensor))
        throw new PyError(
          'TypeError',
          `Variable data has to be a tensor, but got ${value instanceof PyObject ? value.typeName : typeof value === 'bigint' ? 'int' : typeof value === 'number' ? 'float' : typeof value === 'string' ? 'str' : typeof value === 'boolean' ? 'bool' : 'NoneType'}`,
        );
      this.storage = value.storage;
      this.dtype = value.dtype;
      return;
    }
    if (
      name in TENSOR_PROPERTIES ||
      name in TENSOR_METHODS ||
      UNSUPPORTED_TENSOR_ATTRIBUTES.has(name)
    ) {
      throw new Unsupported(`setting Tensor.${name}`);
    }
    this.extra.set(name, value);
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return UNSUPPORTED_TENSOR_ATTRIBUTES.has(name) ? new Unsupported(`Tensor.${name}`) : undefined;
  }

  /** @override */
  bool() {
    if (this.numel !== 1) {
      if (this.numel === 0)
        throw new PyError('RuntimeError', 'Boolean value of Tensor with no values is ambiguous');
      throw new PyError(
        'RuntimeError',
        'Boolean value of Tensor with more than one value is ambiguous',
      );
    }
    const v = this.item();
    return typeof v === 'bigint' ? v !== 0n : Boolean(v);
  }

  len() {
    if (this.ndim === 0) throw new PyError('TypeError', 'len() of a 0-d tensor');
    return this.shape[0];
  }

  /** Iterating a tensor gives its sub-tensors along the first dimension (Tensor.__iter__ unbinds). */
  *iter() {
    if (this.ndim === 0) throw new PyError('TypeError', 'iteration over a 0-d tensor');
    for (let i = 0; i < this.shape[0]; i++) {
      const row = /** @type {Tensor} */ (TENSOR_OPS.getitem(this, BigInt(i)));
      if (row.gradFn !== null) row.gradFn = 'UnbindBackward0';
      yield row;
    }
  }

  /** __index__: integer tensors of one element. */
  index() {
    if (this.dtype.kind !== 'int' || this.numel !== 1) {
      throw new PyError(
        'TypeError',
        'only integer tensors of a single element can be converted to an index',
      );
    }
    return /** @type {bigint} */ (this.item());
  }

  /** int(t) */
  int() {
    const v = scalarValue(this);
    if (typeof v === 'bigint') return v;
    if (typeof v === 'boolean') return v ? 1n : 0n;
    if (typeof v !== 'number') throw new PyError('TypeError', 'int() of a non-number');
    if (Number.isNaN(v)) throw new PyError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v))
      throw new PyError('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(v));
  }

  /** float(t) */
  float() {
    const v = scalarValue(this);
    return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v ? 1 : 0;
  }

  /** format(t, spec): a 0-dim tensor formats its item(); others only with an empty spec. @param {string} spec */
  format(spec) {
    if (this.ndim === 0) return formatValue(this.item(), spec);
    if (spec === '') return this.repr();
    throw new PyError('TypeError', 'unsupported format string passed to Tensor.__format__');
  }

  /** @param {Value} key */
  getitem(key) {
    return TENSOR_OPS.getitem(this, key);
  }

  /** @param {Value} key @param {Value} value */
  setitem(key, value) {
    TENSOR_OPS.setitem(this, key, value);
  }

  /** @param {string} op @param {Value} other @param {boolean} reflected */
  binop(op, other, reflected) {
    return TENSOR_OPS.binop(op, this, other, reflected);
  }

  /** @param {string} op @param {Value} other */
  inplace(op, other) {
    return TENSOR_OPS.inplace(op, this, other);
  }

  /** @param {string} op @param {Value} other @param {boolean} reflected */
  compare(op, other, reflected) {
    return TENSOR_OPS.compare(op, this, other, reflected);
  }

  /** @param {string} op */
  unaryop(op) {
    return TENSOR_OPS.unaryop(op, this);
  }

  /** `x in t`: (t == x).any() */
  /** @param {Value} x */
  contains(x) {
    const eq = /** @type {Tensor} */ (TENSOR_OPS.compare('==', this, x, false));
    return eq.values().some((v) => v !== 0);
  }
}

/** The Python value of a one-element tensor, with torch's error for others. @param {Tensor} t */
function scalarValue(t) {
  if (t.numel !== 1)
    throw new PyError('ValueError', 'only one element tensors can be converted to Python scalars');
  return t.item();
}

/** `t.requires_grad = v` with torch's checks. @param {Tensor} t @param {Value} v */
export function setRequiresGrad(t, v) {
  if (typeof v !== 'boolean')
    throw new PyError(
      'TypeError',
      `'requires_grad' must be a bool, not ${typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float' : 'object'}`,
    );
  if (!t.isLeaf) {
    throw new PyError(
      'RuntimeError',
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  }
  if (v && !t.dtype.isFloating) {
    throw new PyError(
      'RuntimeError',
      'only Tensors of floating point and complex dtype can require gradients',
    );
  }
  t.requiresGrad = v;
}

/**
 * The Python value of a buffer element: float for floating dtypes, int for integers, bool.
 * @param {DType} dtype @param {any} raw @returns {Value}
 */
export function pyValue(dtype, raw) {
  if (dtype.isFloating) return raw;
  if (dtype === bool) return raw !== 0;
  return typeof raw === 'bigint' ? raw : BigInt(raw);
}

/**
 * A Python scalar (bool, int, float) as a buffer value of `dtype`, as torch casts a Scalar.
 * @param {Value} v @param {DType} dtype
 */
export function rawValue(v, dtype) {
  if (typeof v === 'boolean') return convertElement(v ? 1 : 0, bool, dtype);
  if (typeof v === 'bigint') return convertElement(BigInt.asIntN(64, v), int64, dtype);
  return convertElement(/** @type {number} */ (v), float64, dtype);
}

/**
 * A new tensor of `shape` laid out as TensorIterator lays out an output computed from operands
 * with these strides (x.T * 2 is laid out like x.T).
 * @param {number[]} shape @param {DType} dtype @param {number[][]} operandStrides
 */
export function newOutput(shape, dtype, operandStrides) {
  const data = dtype.make(shapeSize(shape));
  if (data.length > 64) session.interp?.charge(data.length);
  return new Tensor(
    new Strided(data, shape, iteratorOutputStrides(shape, operandStrides), 0),
    dtype,
  );
}

/** Fills a new tensor's elements, given in C order. @param {Tensor} out @param {(i: number) => any} value */
export function fillInOrder(out, value) {
  const { data } = out.storage;
  let i = 0;
  for (const p of out.storage.offsets()) data[p] = value(i++);
  return out;
}

/** A copy of t converted to dtype, laid out like t (torch's preserve_format). @param {Tensor} t @param {DType} dtype */
export function castTensor(t, dtype) {
  assertInitialized(t.storage);
  const out = newOutput([...t.shape], dtype, [t.storage.strides]);
  const values = t.storage.offsetArray();
  const data = /** @type {ArrayLike<number | bigint>} */ (t.storage.data);
  return fillInOrder(out, (i) => convertElement(data[values[i]], t.dtype, dtype));
}

/** t.clone(): a copy laid out like t (preserve_format). @param {Tensor} t */
export function cloneTensor(t) {
  return castTensor(t, t.dtype);
}

/** A row-major copy of t (contiguous(), and reshape's copy). @param {Tensor} t */
export function contiguousCopy(t) {
  assertInitialized(t.storage);
  return new Tensor(
    t.storage.copy((n) => t.dtype.make(n)),
    t.dtype,
  );
}

/** torch.Size of a shape. @param {readonly number[]} shape */
export function sizeOf(shape) {
  return TorchSize.of(shape);
}

export const TENSOR_TYPE = new PyType(
  'torch.Tensor',
  () => {
    throw new Unsupported('torch.Tensor(...) (use torch.tensor)');
  },
  (v) => v instanceof Tensor,
);

hooks.isTensor = (v) => v instanceof Tensor;
hooks.isDType = (v) => v instanceof DType;

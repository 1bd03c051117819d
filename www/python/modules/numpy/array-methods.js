// The Python side of numpy.ndarray: attributes (shape, dtype, T, ...), methods (reshape,
// sum, mean, astype, tolist, ...), operators and conversions, on top of ndarray.js.

import { bind } from '../../args.js';
import { PyError, typeError, Unsupported, valueError } from '../../errors.js';
import { formatValue } from '../../format-spec.js';
import { Strided } from '../../nd/strided.js';
import { NotImplemented, PyBoundMethod, PyList, PyTuple, PyType } from '../../objects.js';
import { toIndex, truthy } from '../../ops.js';
import { useInterpreter } from './budget.js';
import { dtypeArg, dtypeObject, toRaw } from './convert.js';
import { BOOL, INT64, unicode } from './dtype.js';
import { markWritten, NDArray, truthOf } from './ndarray.js';
import { accumulate, argReduce, normalizeAxis, reduce, reductionAxes } from './reduce.js';
import { NpScalar, prettyAsName, pythonValue, scalarHooks, scalarStr } from './scalar.js';
import { argsortArray, sortArray } from './sorting.js';
import { mean, roundArray, std, variance } from './statistics.js';
import { binaryOperator, binaryUfunc, compareOperator, operand, unaryOperator } from './ufunc.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('../../objects.js').Kwargs} Kwargs */
/** @typedef {(a: NDArray, args: Value[], kwargs: Kwargs, interp: any) => Value} Method */

/** Keyword arguments NumPy has that this page does not implement. @param {string} fname @param {Record<string, any>} a @param {string[]} names */
export function refuse(fname, a, names) {
  for (const name of names) {
    if (a[name] !== undefined && a[name] !== null && !(name === 'where' && a[name] === true)) {
      throw new Unsupported(`${fname}(..., ${name}=...)`);
    }
  }
}

/** A shape from `reshape(2, 3)`, `reshape((2, 3))`, `reshape([2, 3])`. @param {Value[]} args */
export function shapeArgs(args) {
  const items =
    args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList)
      ? args[0].items
      : args;
  return items.map((v) => Number(toIndex(v)));
}

/** NumPy's -1 in a new shape, and its errors. @param {number[]} shape @param {number} size */
export function fixUnknownDimension(shape, size) {
  const unknown = shape.indexOf(-1);
  if (shape.filter((d) => d === -1).length > 1)
    throw valueError('can only specify one unknown dimension');
  if (shape.some((d) => d < -1)) throw valueError('negative dimensions not allowed');
  const known = shape.reduce((n, d) => (d === -1 ? n : n * d), 1);
  const fmt = () =>
    `(${shape.map((d) => (d === -1 ? 'newaxis' : d)).join(',')}${shape.length === 1 ? ',' : ''})`;
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0)
      throw valueError(`cannot reshape array of size ${size} into shape ${fmt()}`);
    const out = [...shape];
    out[unknown] = size / known;
    return out;
  }
  if (known !== size) throw valueError(`cannot reshape array of size ${size} into shape ${fmt()}`);
  return shape;
}

/** a.transpose(axes) with NumPy's errors. @param {NDArray} a @param {number[] | null} axes */
export function transpose(a, axes) {
  if (axes === null || axes.length === 0) return new NDArray(a.dtype, a.s.transpose());
  if (axes.length !== a.ndim) throw valueError("axes don't match array");
  const norm = axes.map((ax) => normalizeAxis(BigInt(ax), a.ndim));
  if (new Set(norm).size !== norm.length) throw valueError('repeated axis in transpose');
  return new NDArray(a.dtype, a.s.transpose(norm));
}

/** a.tolist() @param {NDArray} a @returns {Value} */
export function toList(a) {
  const values = a.values();
  if (a.ndim === 0) return pythonValue(a.dtype, values[0]);
  let k = 0;
  /** @param {number} axis @returns {Value} */
  const build = (axis) => {
    const n = a.shape[axis];
    const items = [];
    for (let i = 0; i < n; i++)
      items.push(axis === a.ndim - 1 ? pythonValue(a.dtype, values[k++]) : build(axis + 1));
    return new PyList(items);
  };
  return build(0);
}

/** a.item(*args) @param {NDArray} a @param {Value[]} args */
export function item(a, args) {
  if (args.length === 0) {
    if (a.size !== 1) throw valueError('can only convert an array of size 1 to a Python scalar');
    return pythonValue(a.dtype, a.rawAt(0));
  }
  if (args.length === 1 && !(args[0] instanceof PyTuple)) {
    const i = Number(toIndex(args[0]));
    const j = i < 0 ? i + a.size : i;
    if (j < 0 || j >= a.size)
      throw new PyError('IndexError', `index ${i} is out of bounds for size ${a.size}`);
    return pythonValue(a.dtype, a.rawAt(j));
  }
  const idx = args.length === 1 ? /** @type {PyTuple} */ (args[0]).items : args;
  if (idx.length !== a.ndim) throw valueError('incorrect number of indices for array');
  const v = a.getitem(new PyTuple(idx));
  return v instanceof NpScalar ? v.item() : v;
}

/** The common options of reductions: axis, dtype, keepdims. */
function reductionOptions(/** @type {NDArray} */ a, /** @type {Record<string, any>} */ r) {
  return {
    axes: reductionAxes(r.axis, a.ndim),
    dtype: r.dtype === undefined || r.dtype === null ? undefined : (dtypeArg(r.dtype) ?? undefined),
    keepdims: r.keepdims !== undefined && truthy(r.keepdims),
  };
}

/** Reductions shared by the methods and np.* functions. */
export const REDUCTIONS = {
  /** @type {Method} */
  sum(a, args, kwargs) {
    const r = bind(
      'sum',
      ['axis=', 'dtype=', 'out=', 'keepdims=', 'initial=', 'where='],
      args,
      kwargs,
    );
    refuse('sum', r, ['out', 'initial', 'where']);
    const { axes, dtype, keepdims } = reductionOptions(a, r);
    return reduce(a, axes, 'add', { dtype, keepdims });
  },
  /** @type {Method} */
  prod(a, args, kwargs) {
    const r = bind(
      'prod',
      ['axis=', 'dtype=', 'out=', 'keepdims=', 'initial=', 'where='],
      args,
      kwargs,
    );
    refuse('prod', r, ['out', 'initial', 'where']);
    const { axes, dtype, keepdims } = reductionOptions(a, r);
    return reduce(a, axes, 'multiply', { dtype, keepdims });
  },
  /** @type {Method} */
  max(a, args, kwargs) {
    const r = bind('max', ['axis=', 'out=', 'keepdims=', 'initial=', 'where='], args, kwargs);
    refuse('max', r, ['out', 'initial', 'where']);
    const { axes, keepdims } = reductionOptions(a, r);
    return reduce(a, axes, 'maximum', { keepdims });
  },
  /** @type {Method} */
  min(a, args, kwargs) {
    const r = bind('min', ['axis=', 'out=', 'keepdims=', 'initial=', 'where='], args, kwargs);
    refuse('min', r, ['out', 'initial', 'where']);
    const { axes, keepdims } = reductionOptions(a, r);
    return reduce(a, axes, 'minimum', { keepdims });
  },
  /** @type {Method} */
  any(a, args, kwargs) {
    const r = bind('any', ['axis=', 'out=', 'keepdims=', '*', 'where='], args, kwargs);
    refuse('any', r, ['out', 'where']);
    const { axes, keepdims } = reductionOptions(a, r);
    return reduce(a, axes, 'logical_or', { keepdims });
  },
  /** @type {Method} */
  all(a, args, kwargs) {
    const r = bind('all', ['axis=', 'out=', 'keepdims=', '*', 'where='], args, kwargs);
    refuse('all', r, ['out', 'where']);
    const { axes, keepdims } = reductionOptions(a, r);
    return reduce(a, axes, 'logical_and', { keepdims });
  },
  /** @type {Method} */
  mean(a, args, kwargs) {
    const r = bind('mean', ['axis=', 'dtype=', 'out=', 'keepdims=', '*', 'where='], args, kwargs);
    refuse('mean', r, ['out', 'where']);
    return mean(a, reductionAxes(r.axis, a.ndim), reductionOptions(a, r));
  },
  /** @type {Method} */
  var(a, args, kwargs) {
    const r = bind(
      'var',
      ['axis=', 'dtype=', 'out=', 'ddof=', 'keepdims=', '*', 'where=', 'mean=', 'correction='],
      args,
      kwargs,
    );
    refuse('var', r, ['out', 'where', 'mean']);
    return variance(a, reductionAxes(r.axis, a.ndim), {
      ...reductionOptions(a, r),
      ddof: ddofOf(r),
    });
  },
  /** @type {Method} */
  std(a, args, kwargs) {
    const r = bind(
      'std',
      ['axis=', 'dtype=', 'out=', 'ddof=', 'keepdims=', '*', 'where=', 'mean=', 'correction='],
      args,
      kwargs,
    );
    refuse('std', r, ['out', 'where', 'mean']);
    return std(a, reductionAxes(r.axis, a.ndim), { ...reductionOptions(a, r), ddof: ddofOf(r) });
  },
  /** @type {Method} */
  argmax(a, args, kwargs) {
    const r = bind('argmax', ['axis=', 'out=', '*', 'keepdims='], args, kwargs);
    refuse('argmax', r, ['out']);
    return argReduce(a, r.axis, true, r.keepdims !== undefined && truthy(r.keepdims));
  },
  /** @type {Method} */
  argmin(a, args, kwargs) {
    const r = bind('argmin', ['axis=', 'out=', '*', 'keepdims='], args, kwargs);
    refuse('argmin', r, ['out']);
    return argReduce(a, r.axis, false, r.keepdims !== undefined && truthy(r.keepdims));
  },
  /** @type {Method} */
  cumsum(a, args, kwargs) {
    const r = bind('cumsum', ['axis=', 'dtype=', 'out='], args, kwargs);
    refuse('cumsum', r, ['out']);
    return accumulate(
      a,
      r.axis,
      'add',
      r.dtype === undefined || r.dtype === null ? undefined : (dtypeArg(r.dtype) ?? undefined),
    );
  },
  /** @type {Method} */
  cumprod(a, args, kwargs) {
    const r = bind('cumprod', ['axis=', 'dtype=', 'out='], args, kwargs);
    refuse('cumprod', r, ['out']);
    return accumulate(
      a,
      r.axis,
      'multiply',
      r.dtype === undefined || r.dtype === null ? undefined : (dtypeArg(r.dtype) ?? undefined),
    );
  },
};

/** ddof= or correction=, as a number. @param {Record<string, any>} r */
function ddofOf(r) {
  if (r.ddof !== undefined && r.correction !== undefined) {
    throw valueError("ddof and correction can't be provided simultaneously.");
  }
  const v = r.ddof ?? r.correction;
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  return Number(toIndex(v));
}

/** @type {Record<string, Method>} */
const METHODS = {
  ...REDUCTIONS,
  reshape(a, args, kwargs) {
    const r = bind('reshape', ['*shape', 'order=', 'copy='], args, kwargs);
    if (r.order !== undefined && r.order !== 'C')
      throw new Unsupported(`reshape(order=${JSON.stringify(r.order)})`);
    if (r.shape.length === 0) throw typeError('reshape() takes exactly 1 argument (0 given)');
    return a.reshape(fixUnknownDimension(shapeArgs(r.shape), a.size));
  },
  transpose(a, args) {
    const axes =
      args.length === 0 || (args.length === 1 && args[0] === null) ? null : shapeArgs(args);
    return transpose(a, axes);
  },
  swapaxes(a, args, kwargs) {
    const r = bind('swapaxes', ['axis1', 'axis2'], args, kwargs);
    const i = normalizeAxis(r.axis1, a.ndim);
    const j = normalizeAxis(r.axis2, a.ndim);
    const perm = [...a.shape.keys()];
    [perm[i], perm[j]] = [perm[j], perm[i]];
    return new NDArray(a.dtype, a.s.transpose(perm));
  },
  flatten(a, args, kwargs) {
    const r = bind('flatten', ['order='], args, kwargs);
    if (r.order !== undefined && r.order !== 'C')
      throw new Unsupported(`flatten(order=${JSON.stringify(r.order)})`);
    return NDArray.fromBuffer(a.copy('C').s.data, [a.size], a.dtype);
  },
  ravel(a, args, kwargs) {
    const r = bind('ravel', ['order='], args, kwargs);
    if (r.order !== undefined && r.order !== 'C')
      throw new Unsupported(`ravel(order=${JSON.stringify(r.order)})`);
    return a.reshape([a.size]);
  },
  squeeze(a, args, kwargs) {
    const r = bind('squeeze', ['axis='], args, kwargs);
    const axes =
      r.axis === undefined || r.axis === null
        ? a.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0)
        : reductionAxes(r.axis, a.ndim);
    for (const ax of axes) {
      if (a.shape[ax] !== 1)
        throw valueError('cannot select an axis to squeeze out which has size not equal to one');
    }
    const keep = [...a.shape.keys()].filter((i) => !axes.includes(i));
    return new NDArray(
      a.dtype,
      new Strided(
        a.s.data,
        keep.map((i) => a.shape[i]),
        keep.map((i) => a.s.strides[i]),
        a.s.offset,
      ),
    );
  },
  astype(a, args, kwargs) {
    const r = bind('astype', ['dtype', 'order=', 'casting=', 'subok=', 'copy='], args, kwargs);
    const t = dtypeArg(r.dtype);
    if (t === null || (t.isString && !a.dtype.isString)) return toStrings(a, t);
    if (a.dtype.isString && !t.isString) return /** @type {any} */ (a).astypeFromStrings(t);
    if (r.copy !== undefined && !truthy(r.copy) && t === a.dtype) return a;
    return a.astype(t);
  },
  copy(a, args, kwargs) {
    const r = bind('copy', ['order='], args, kwargs);
    if (r.order !== undefined && r.order !== 'C' && r.order !== 'K')
      throw new Unsupported(`copy(order=${JSON.stringify(r.order)})`);
    return a.copy(r.order === 'K' ? 'K' : 'C');
  },
  tolist: (a) => toList(a),
  item: (a, args) => item(a, args),
  fill(a, args, kwargs) {
    const r = bind('fill', ['value'], args, kwargs);
    const raw = toRaw(r.value, a.dtype);
    const data = /** @type {any} */ (a.s.data);
    const positions = a.s.offsetArray();
    for (let i = 0; i < positions.length; i++) data[positions[i]] = raw;
    markWritten(data, positions);
    return null;
  },
  round(a, args, kwargs) {
    const r = bind('round', ['decimals=', 'out='], args, kwargs);
    refuse('round', r, ['out']);
    return roundArray(a, r.decimals === undefined ? 0 : Number(toIndex(r.decimals)));
  },
  clip(a, args, kwargs) {
    const r = bind('clip', ['min=', 'max=', 'out='], args, kwargs);
    refuse('clip', r, ['out']);
    return clip(a, r.min ?? null, r.max ?? null);
  },
  nonzero: (a) => nonzero(a),
  sort(a, args, kwargs) {
    const r = bind('sort', ['axis=', 'kind=', 'order=', '*', 'stable='], args, kwargs);
    refuse('sort', r, ['order']);
    const sorted = sortArray(a, r.axis === undefined ? -1n : r.axis, r.kind, r.stable);
    const src = sorted.values();
    const data = /** @type {any} */ (a.s.data);
    let i = 0;
    for (const p of a.s.offsets()) data[p] = src[i++];
    return null;
  },
  argsort(a, args, kwargs) {
    const r = bind('argsort', ['axis=', 'kind=', 'order=', '*', 'stable='], args, kwargs);
    refuse('argsort', r, ['order']);
    return argsortArray(a, r.axis === undefined ? -1n : r.axis, r.kind, r.stable);
  },
  dot(a, args) {
    const r = binaryOperator('@', a, args[0]);
    if (r === NotImplemented) throw typeError('unsupported operand type for dot');
    return r;
  },
  conjugate: (a) => a,
  view() {
    throw new Unsupported('ndarray.view');
  },
};

/** The lengths of the string types NumPy gives numbers converted to strings. */
const STRING_LENGTHS = new Map([
  ['bool', 5],
  ['int8', 4],
  ['int16', 6],
  ['int32', 11],
  ['int64', 21],
  ['uint8', 3],
  ['uint16', 5],
  ['uint32', 10],
  ['uint64', 20],
  ['float32', 32],
  ['float64', 32],
]);

/** a.astype(str) or a.astype('<Un'): each element as str() prints its scalar. @param {NDArray} a @param {import('./dtype.js').DType | null} t */
function toStrings(a, t) {
  const type = t ?? unicode(/** @type {number} */ (STRING_LENGTHS.get(a.dtype.name)));
  const values = a.values();
  const out = type.make(values.length);
  for (let i = 0; i < values.length; i++)
    out[i] = [...scalarStr(a.dtype, values[i])].slice(0, type.chars).join('');
  return NDArray.fromValues(type, [...a.shape], out, a.axisOrder());
}

/** np.clip / a.clip: np.minimum(np.maximum(a, lo), hi) as _methods._clip does. @param {NDArray} a @param {Value} lo @param {Value} hi */
export function clip(a, lo, hi) {
  if (lo === null && hi === null) {
    throw valueError('One of max or min must be given');
  }
  /** @type {Value} */
  let out = a;
  if (lo !== null) out = binaryUfunc('maximum', [operandOf(out), operandOf(lo)]);
  if (hi !== null) out = binaryUfunc('minimum', [operandOf(out), operandOf(hi)]);
  return out;
}

/** @param {Value} v */
function operandOf(v) {
  const o = operand(v);
  if (!o) throw typeError(`unsupported operand: ${String(v)}`);
  return o;
}

/** a.nonzero(): a tuple of index arrays. @param {NDArray} a */
export function nonzero(a) {
  if (a.ndim === 0)
    throw valueError(
      'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context of this error is of the form `arr.nonzero()`, then the input is likely a 0d array.',
    );
  const values = a.values();
  const coords = a.shape.map(() => /** @type {bigint[]} */ ([]));
  const strides = a.shape.map((_, i) => a.shape.slice(i + 1).reduce((x, y) => x * y, 1));
  for (let k = 0; k < values.length; k++) {
    if (!truthOf(values[k], a.dtype)) continue;
    for (let i = 0; i < a.ndim; i++)
      coords[i].push(BigInt(Math.floor(k / strides[i]) % a.shape[i]));
  }
  return new PyTuple(
    coords.map((c) => NDArray.fromBuffer(BigInt64Array.from(c), [c.length], INT64)),
  );
}

/** The ndarray type object. */
export const NDARRAY_TYPE = prettyAsName(
  new PyType(
    'numpy.ndarray',
    () => {
      throw new Unsupported('calling np.ndarray directly (use np.array, np.zeros or np.empty)');
    },
    (v) => v instanceof NDArray,
  ),
);

/** Attributes of arrays. @param {NDArray} a @param {string} name */
function getattr(a, name) {
  switch (name) {
    case 'shape':
      return new PyTuple(a.shape.map(BigInt));
    case 'ndim':
      return BigInt(a.ndim);
    case 'size':
      return BigInt(a.size);
    case 'dtype':
      return dtypeObject(a.dtype);
    case 'T':
      return new NDArray(a.dtype, a.s.transpose());
    case 'itemsize':
      return BigInt(a.dtype.itemsize);
    case 'nbytes':
      return BigInt(a.dtype.itemsize * a.size);
    case 'strides':
      return new PyTuple(a.s.strides.map((s) => BigInt(s * a.dtype.itemsize)));
    case 'real':
      if (a.dtype.isString) return undefined;
      return a;
    case 'imag':
      if (a.dtype.isString) return undefined;
      return NDArray.zeros(a.dtype, [...a.shape]);
    case '__class__':
      return NDARRAY_TYPE;
    default:
      break;
  }
  const method = METHODS[name];
  if (method) {
    return new PyBoundMethod(
      a,
      name,
      (args, kwargs, interp) => {
        useInterpreter(interp);
        return method(a, args, kwargs, interp);
      },
      'numpy.ndarray',
    );
  }
  return undefined;
}

/** Names ndarray has that this page does not implement. */
const KNOWN_ATTRIBUTES = new Set([
  'flat',
  'flags',
  'base',
  'data',
  'ctypes',
  'tobytes',
  'tofile',
  'dump',
  'dumps',
  'byteswap',
  'getfield',
  'setfield',
  'setflags',
  'resize',
  'partition',
  'argpartition',
  'searchsorted',
  'repeat',
  'take',
  'put',
  'choose',
  'compress',
  'diagonal',
  'trace',
  'ptp',
  'newbyteorder',
  'mT',
  'device',
  'to_device',
]);

Object.assign(NDArray.prototype, {
  /** @this {NDArray} @param {string} name */
  getattr(name) {
    return getattr(this, name);
  },
  /** a.shape = ...: an in-place reshape, when the layout allows a view. @this {NDArray} @param {string} name @param {Value} value */
  setattr(name, value) {
    if (name === 'shape') {
      const shape = fixUnknownDimension(shapeArgs([value]), this.size);
      const view = this.reshapeView(shape);
      if (!view) {
        throw new PyError(
          'AttributeError',
          'Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.',
        );
      }
      this.s = view.s;
      return;
    }
    if (name === 'dtype')
      throw new Unsupported('assigning ndarray.dtype (a view of the bytes as another type)');
    if (
      [
        'size',
        'ndim',
        'T',
        'itemsize',
        'nbytes',
        'strides',
        'real',
        'imag',
        'base',
        'flags',
        'data',
      ].includes(name)
    ) {
      throw new PyError(
        'AttributeError',
        `attribute '${name}' of 'numpy.ndarray' objects is not writable`,
      );
    }
    throw new PyError('AttributeError', `'numpy.ndarray' object has no attribute '${name}'`);
  },
  /** @this {NDArray} @param {string} name */
  unsupportedAttribute(name) {
    return KNOWN_ATTRIBUTES.has(name) ? new Unsupported(`ndarray.${name}`) : undefined;
  },
  pyType: () => NDARRAY_TYPE,
  /** @this {NDArray} @param {string} op @param {Value} other @param {boolean} reflected */
  binop(op, other, reflected) {
    return reflected ? binaryOperator(op, other, this) : binaryOperator(op, this, other);
  },
  /** In-place operators write into the array (a += 1), casting as NumPy's same_kind rule allows. */
  /** @this {NDArray} @param {string} op @param {Value} other */
  inplace(op, other) {
    const result = binaryOperator(op, this, other);
    if (result === NotImplemented) return undefined;
    const r = result instanceof NpScalar ? result.toArray() : /** @type {NDArray} */ (result);
    if (r.dtype !== this.dtype && !sameKindCast(r.dtype, this.dtype)) {
      const ufunc =
        {
          '+': 'add',
          '-': 'subtract',
          '*': 'multiply',
          '/': 'divide',
          '//': 'floor_divide',
          '%': 'remainder',
          '**': 'power',
        }[op] ?? op;
      throw new PyError(
        'numpy._core._exceptions._UFuncOutputCastingError',
        `Cannot cast ufunc '${ufunc}' output from ${r.dtype.repr()} to ${this.dtype.repr()} with casting rule 'same_kind'`,
      );
    }
    if (
      r.ndim > this.ndim ||
      r.shape.some((d, i) => d !== this.shape[this.ndim - r.ndim + i] && d !== 1)
    ) {
      const fmt = (/** @type {readonly number[]} */ s) =>
        `(${s.join(',')}${s.length === 1 ? ',' : ''})`;
      throw new PyError(
        'ValueError',
        `non-broadcastable output operand with shape ${fmt(this.shape)} doesn't match the broadcast shape ${fmt(r.shape)}`,
      );
    }
    this.setitem(new PyTuple([]), r);
    return this;
  },
  /** @this {NDArray} @param {string} op @param {Value} other @param {boolean} reflected */
  compare(op, other, reflected) {
    if (reflected) {
      const flipped =
        { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' }[op] ?? op;
      return compareOperator(flipped, this, other);
    }
    return compareOperator(op, this, other);
  },
  /** @this {NDArray} @param {string} op */
  unaryop(op) {
    return unaryOperator(op, this);
  },
  /** @this {NDArray} @param {Value} x */
  contains(x) {
    const eq = compareOperator('==', this, x);
    if (eq === NotImplemented) return false;
    const arr = eq instanceof NpScalar ? eq.toArray() : /** @type {NDArray} */ (eq);
    const values = arr.values();
    for (let i = 0; i < values.length; i++) if (values[i]) return true;
    return false;
  },
  /** @this {NDArray} */
  float() {
    if (this.ndim !== 0)
      throw typeError('only 0-dimensional arrays can be converted to Python scalars');
    return Number(pythonValue(this.dtype, this.rawAt(0)));
  },
  /** @this {NDArray} */
  int() {
    if (this.ndim !== 0)
      throw typeError('only 0-dimensional arrays can be converted to Python scalars');
    return /** @type {NpScalar} */ (this.scalar(this.rawAt(0))).int();
  },
  /** @this {NDArray} */
  index() {
    if (this.ndim === 0 && this.dtype.isInt) return BigInt(this.rawAt(0));
    throw typeError('only integer scalar arrays can be converted to a scalar index');
  },
  /** @this {NDArray} @param {bigint | null} ndigits */
  round(ndigits) {
    return roundArray(this, ndigits === null ? 0 : Number(ndigits));
  },
  /** @this {NDArray} @param {string} spec */
  format(spec) {
    if (this.ndim === 0) return formatValue(this.scalar(this.rawAt(0)), spec);
    if (spec === '') return this.str();
    throw typeError('unsupported format string passed to numpy.ndarray.__format__');
  },
  /** @this {NDArray} @param {import('./dtype.js').DType} t */
  astypeFromStrings(t) {
    const values = this.values();
    const out = t.make(values.length);
    for (let i = 0; i < values.length; i++) out[i] = toRaw(values[i], t);
    return NDArray.fromValues(t, [...this.shape], out, this.axisOrder());
  },
});

/** Whether NumPy's same_kind rule allows an in-place result to be cast back. @param {import('./dtype.js').DType} from @param {import('./dtype.js').DType} to */
function sameKindCast(from, to) {
  const rank = (/** @type {import('./dtype.js').DType} */ t) =>
    t === BOOL ? 0 : t.isInt ? 1 : t.isFloat ? 2 : 3;
  return rank(from) <= rank(to);
}

// Scalars round through the array code.
scalarHooks.round = (s, decimals) => roundArray(s.toArray(), decimals);
scalarHooks.binop = (op, a, b, reflected) =>
  reflected ? binaryOperator(op, b, a) : binaryOperator(op, a, b);
scalarHooks.compare = (op, a, b, reflected) => {
  if (reflected) {
    const flipped =
      { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' }[op] ?? op;
    return compareOperator(flipped, a, b);
  }
  return compareOperator(op, a, b);
};
scalarHooks.unary = (op, a) => unaryOperator(op, a);

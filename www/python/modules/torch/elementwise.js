// Elementwise arithmetic and comparisons of tensors with tensors and Python scalars: torch's type
// promotion, broadcasting and CPU kernels (aten/src/ATen/native/cpu/BinaryOpsKernel.cpp,
// PowKernel.cpp, UnaryOpsKernel.cpp). Every float32 result is rounded to float32 after each
// operation, as the kernels compute in float.

import { PyError, Unsupported } from '../../errors.js';
import { NotImplemented, PyList, PyTuple } from '../../objects.js';
import { binaryOp } from '../../ops.js';
import { checkInplace, recordOp } from './autograd.js';
import {
  bool,
  DEFAULT_FLOAT,
  float32,
  int32,
  int64,
  resultType,
  scalarDType,
  uint8,
  wrapInt,
} from './dtypes.js';
import { castTensor, fillInOrder, newOutput, rawValue, TENSOR_OPS, Tensor } from './tensor.js';
import { assertInitialized, markWritten } from './uninitialized.js';

/** @typedef {import('../../objects.js').Value} Value */
/** @typedef {import('./dtypes.js').DType} DType */

/** The names torch's "not implemented for" errors give dtypes. */
export const DTYPE_CPP_NAMES = new Map([
  ['float32', 'Float'],
  ['float64', 'Double'],
  ['int64', 'Long'],
  ['bool', 'Bool'],
  ['uint8', 'Byte'],
  ['int32', 'Int'],
  ['int16', 'Short'],
  ['int8', 'Char'],
]);

/** NotImplementedError: "abs_cpu" not implemented for 'Bool'. @param {string} kernel @param {DType} dtype */
export function notImplementedFor(kernel, dtype) {
  return new PyError(
    'NotImplementedError',
    `"${kernel}" not implemented for '${DTYPE_CPP_NAMES.get(dtype.name)}'`,
  );
}

/** A Python number an operator takes as a tensor operand. @param {Value} v */
function isScalar(v) {
  return typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number';
}

/**
 * One operand of an elementwise op: a tensor, or a Python scalar (a "wrapped number").
 * @typedef {{ tensor: Tensor | null, value: Value, scalar: boolean, dtype: DType, ndim: number, shape: number[] }} Operand
 */

/** @param {Value} v @returns {Operand} */
function operand(v) {
  if (v instanceof Tensor) {
    return { tensor: v, value: null, scalar: false, dtype: v.dtype, ndim: v.ndim, shape: v.shape };
  }
  return { tensor: null, value: v, scalar: true, dtype: scalarDType(v), ndim: 0, shape: [] };
}

/** infer_size over operands in order, with torch's message. @param {number[][]} shapes */
export function broadcastShape(shapes) {
  let out = /** @type {number[]} */ ([]);
  for (const s of shapes) {
    const nd = Math.max(out.length, s.length);
    const next = new Array(nd);
    for (let i = nd - 1; i >= 0; i--) {
      const offset = nd - 1 - i;
      const a = out.length - 1 - offset >= 0 ? out[out.length - 1 - offset] : 1;
      const b = s.length - 1 - offset >= 0 ? s[s.length - 1 - offset] : 1;
      if (a !== b && a !== 1 && b !== 1) {
        throw new PyError(
          'RuntimeError',
          `The size of tensor a (${a}) must match the size of tensor b (${b}) at non-singleton dimension ${i}`,
        );
      }
      next[i] = a === 1 ? b : a;
    }
    out = next;
  }
  return out;
}

/**
 * A reader of an operand's elements in the broadcast order of `shape`, converted to `dtype`.
 * @param {Operand} op @param {number[]} shape @param {DType} dtype
 * @returns {(i: number) => any}
 */
function reader(op, shape, dtype) {
  if (op.tensor === null) {
    const v = rawValue(op.value, dtype);
    return () => v;
  }
  const t = op.tensor;
  assertInitialized(t.storage);
  const source = t.dtype === dtype ? t : castTensor(t, dtype);
  const view = source.storage.broadcastTo(shape);
  const positions = view.offsetArray();
  const { data } = view;
  return (i) => data[positions[i]];
}

/**
 * Runs f over the broadcast elements of a and b (converted to `compute`), into a new tensor of
 * `out` dtype.
 * @param {Operand} a @param {Operand} b @param {DType} compute @param {DType} out
 * @param {(x: any, y: any) => any} f
 */
function map2(a, b, compute, out, f) {
  const shape = broadcastShape([a.shape, b.shape]);
  const x = reader(a, shape, compute);
  const y = reader(b, shape, compute);
  const strides = [a, b]
    .filter((op) => op.tensor !== null)
    .map((op) => /** @type {Tensor} */ (op.tensor).storage.broadcastTo(shape).strides);
  return fillInOrder(newOutput(shape, out, strides), (i) => f(x(i), y(i)));
}

/** @param {Tensor} t @param {DType} out @param {(x: any) => any} f */
export function map1(t, out, f) {
  assertInitialized(t.storage);
  const src = t.storage.data;
  const positions = t.storage.offsetArray();
  return fillInOrder(newOutput([...t.shape], out, [t.storage.strides]), (i) =>
    f(src[positions[i]]),
  );
}

const fr = Math.fround;

/** c10::div_floor_floating: Python's floor division for floats, in the tensor's precision. @param {(x: number) => number} round */
function divFloorFloating(round) {
  return (/** @type {number} */ a, /** @type {number} */ b) => {
    if (b === 0) return round(a / b);
    const mod = a % b; // fmod: exact
    let div = round(round(a - mod) / b);
    if (mod !== 0 && b < 0 !== mod < 0) div = round(div - 1);
    if (div !== 0) {
      let floordiv = Math.floor(div);
      if (round(div - floordiv) > 0.5) floordiv = round(floordiv + 1);
      return floordiv;
    }
    const q = round(a / b);
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  };
}

/** Python-style float remainder, in the tensor's precision. @param {(x: number) => number} round */
function remainderFloating(round) {
  return (/** @type {number} */ a, /** @type {number} */ b) => {
    let mod = a % b;
    if (mod !== 0 && b < 0 !== mod < 0) mod = round(mod + b);
    return mod;
  };
}

/** c10::div_floor_integer @param {bigint} a @param {bigint} b */
function divFloorInt(a, b) {
  if (b === 0n) throw new PyError('RuntimeError', 'ZeroDivisionError');
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** @param {bigint} a @param {bigint} b */
function remainderInt(a, b) {
  if (b === 0n) throw new PyError('RuntimeError', 'ZeroDivisionError');
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** native::powi for int64, wrapping as C++ does. @param {bigint} a @param {bigint} b */
function powInt(a, b) {
  if (b < 0n) {
    if (a === 1n) return 1n;
    if (a === -1n) return -b % 2n ? -1n : 1n;
    return 0n;
  }
  let result = 1n;
  let base = BigInt.asIntN(64, a);
  let e = b;
  while (e > 0n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    e >>= 1n;
    base = BigInt.asIntN(64, base * base);
  }
  return result;
}

/** The kernel of an arithmetic op for a compute dtype. @param {string} op @param {DType} dtype */
function arithmetic(op, dtype) {
  const round = dtype === float32 ? fr : (/** @type {number} */ x) => x;
  if (dtype.isFloating) {
    switch (op) {
      case '+':
        return (/** @type {number} */ x, /** @type {number} */ y) => round(x + y);
      case '-':
        return (/** @type {number} */ x, /** @type {number} */ y) => round(x - y);
      case '*':
        return (/** @type {number} */ x, /** @type {number} */ y) => round(x * y);
      case '/':
        return (/** @type {number} */ x, /** @type {number} */ y) => round(x / y);
      case '//':
        return divFloorFloating(round);
      case '%':
        return remainderFloating(round);
      default:
        return null;
    }
  }
  if (dtype === int64) {
    switch (op) {
      case '+':
        return (/** @type {bigint} */ x, /** @type {bigint} */ y) => x + y;
      case '-':
        return (/** @type {bigint} */ x, /** @type {bigint} */ y) => x - y;
      case '*':
        return (/** @type {bigint} */ x, /** @type {bigint} */ y) => x * y;
      case '//':
        return divFloorInt;
      case '%':
        return remainderInt;
      case '&':
        return (/** @type {bigint} */ x, /** @type {bigint} */ y) => x & y;
      case '|':
        return (/** @type {bigint} */ x, /** @type {bigint} */ y) => x | y;
      case '^':
        return (/** @type {bigint} */ x, /** @type {bigint} */ y) => x ^ y;
      default:
        return null;
    }
  }
  if (dtype.isIntegral) {
    // uint8, int8, int16, int32 as numbers: the typed array keeps the low bits of each result.
    switch (op) {
      case '+':
        return (/** @type {number} */ x, /** @type {number} */ y) => x + y;
      case '-':
        return (/** @type {number} */ x, /** @type {number} */ y) => x - y;
      case '*':
        return dtype === int32
          ? Math.imul // a product of two int32 may pass 2**53: its low 32 bits exactly
          : (/** @type {number} */ x, /** @type {number} */ y) => x * y;
      case '//':
        // (for uint8 floor division is truncation)
        return (/** @type {number} */ x, /** @type {number} */ y) =>
          Number(divFloorInt(BigInt(x), BigInt(y)));
      case '%':
        return (/** @type {number} */ x, /** @type {number} */ y) =>
          Number(remainderInt(BigInt(x), BigInt(y)));
      case '&':
        return (/** @type {number} */ x, /** @type {number} */ y) => x & y;
      case '|':
        return (/** @type {number} */ x, /** @type {number} */ y) => x | y;
      case '^':
        return (/** @type {number} */ x, /** @type {number} */ y) => x ^ y;
      default:
        return null;
    }
  }
  // bool
  switch (op) {
    case '+':
    case '|':
      return (/** @type {number} */ x, /** @type {number} */ y) => (x || y ? 1 : 0);
    case '*':
    case '&':
      return (/** @type {number} */ x, /** @type {number} */ y) => (x && y ? 1 : 0);
    case '^':
      return (/** @type {number} */ x, /** @type {number} */ y) => (x !== y ? 1 : 0);
    default:
      return null;
  }
}

const KERNEL_NAMES = /** @type {Record<string, string>} */ ({
  '//': 'div_floor_cpu',
  '%': 'remainder_cpu',
  '&': 'bitwise_and_cpu',
  '|': 'bitwise_or_cpu',
  '^': 'bitwise_xor_cpu',
});

/** The grad_fn of each operator's result (x - 1 is SubBackward0; 1 - x RsubBackward1, 2 / x is x.reciprocal() * 2). */
const GRAD_NAMES = /** @type {Record<string, string>} */ ({
  '+': 'AddBackward0',
  '-': 'SubBackward0',
  '*': 'MulBackward0',
  '/': 'DivBackward0',
  '//': 'NotImplemented',
  '%': 'RemainderBackward0',
});

/**
 * `a op b` for tensors and Python scalars (at least one a tensor), as Tensor.__add__ and friends.
 * @param {string} op @param {Value} left @param {Value} right
 * @returns {Value}
 */
export function binary(op, left, right) {
  const a = operand(left);
  const b = operand(right);
  if (op === '**') return power(a, b);
  if (op === '@')
    throw new Unsupported(
      'matrix products (@, matmul): torch sums them in an order the page does not reproduce',
    );
  if (op === '<<' || op === '>>') throw new Unsupported(`the ${op} operator on tensors`);
  if (op === '-' && (a.dtype === bool || b.dtype === bool)) {
    throw new PyError(
      'NotImplementedError',
      a.dtype === bool && b.dtype === bool
        ? 'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.'
        : 'Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
  const common = resultType([a, b]);
  if (op === '/') {
    // true division promotes integer inputs to the default float dtype
    const compute = common.isFloating ? common : DEFAULT_FLOAT;
    return recordOp(
      map2(a, b, compute, compute, /** @type {any} */ (arithmetic('/', compute))),
      [a.tensor, b.tensor],
      GRAD_NAMES['/'],
    );
  }
  if ((op === '&' || op === '|' || op === '^') && common.isFloating)
    throw notImplementedFor(KERNEL_NAMES[op], common);
  const f = arithmetic(op, common);
  if (f === null) throw notImplementedFor(KERNEL_NAMES[op] ?? op, common);
  const out = map2(a, b, common, common, f);
  return recordOp(out, [a.tensor, b.tensor], GRAD_NAMES[op] ?? 'NotImplemented');
}

/** `a ** b`. @param {Operand} a @param {Operand} b */
function power(a, b) {
  const common = resultType([a, b]);
  if (a.tensor !== null && b.tensor === null) {
    const e = b.value;
    if (common === bool) {
      // bool ** bool: exponent 0 fills True, 1 copies
      return map1(a.tensor, bool, (x) => (e ? x : 1));
    }
    if (common.isIntegral) {
      const exp = typeof e === 'boolean' ? (e ? 1n : 0n) : /** @type {bigint} */ (e);
      if (exp < 0n)
        throw new PyError('RuntimeError', 'Integers to negative integer powers are not allowed.');
      const compute = common;
      return map1(
        a.tensor.dtype === compute ? a.tensor : castTensor(a.tensor, compute),
        compute,
        (x) => (compute === int64 ? powInt(x, exp) : wrapInt(powInt(BigInt(x), exp), compute)),
      );
    }
    const x = Number(typeof e === 'boolean' ? (e ? 1 : 0) : e);
    const round = common === float32 ? fr : (/** @type {number} */ v) => v;
    /** @type {((v: number) => number) | null} */
    let f = null;
    // Pow.cpp and PowKernel.cpp special-case these exponents; others use a vectorised pow.
    if (x === 0) f = () => 1;
    else if (x === 1) f = (v) => v;
    else if (x === 2) f = (v) => round(v * v);
    else if (x === 3) f = (v) => round(round(v * v) * v);
    else if (x === -2) f = (v) => round(1 / round(v * v));
    else if (x === 0.5) f = (v) => round(Math.sqrt(v));
    else if (x === -0.5) f = (v) => round(1 / round(Math.sqrt(v)));
    else if (x === -1) f = (v) => round(1 / v);
    if (f === null) {
      throw new Unsupported(
        'tensor ** x for exponents other than 0, 1, 2, 3, -1, -2, 0.5 and -0.5 (torch computes them with a vectorised pow the page does not reproduce)',
      );
    }
    const t = a.tensor.dtype === common ? a.tensor : castTensor(a.tensor, common);
    return recordOp(
      map1(t, common, /** @type {(v: any) => any} */ (f)),
      [a.tensor],
      'PowBackward0',
    );
  }
  if (common.isFloating) {
    throw new Unsupported(
      'powers with a tensor exponent of floating dtype (torch computes them with a vectorised pow the page does not reproduce)',
    );
  }
  if (common === bool) throw notImplementedFor('pow', bool);
  const compute = common;
  const out = map2(a, b, compute, compute, (x, y) =>
    compute === int64 ? powInt(x, y) : wrapInt(powInt(BigInt(x), BigInt(y)), compute),
  );
  return out;
}

const COMPARE = /** @type {Record<string, (x: any, y: any) => boolean>} */ ({
  '==': (x, y) => x === y,
  '!=': (x, y) => x !== y,
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
});

const REFLECT = /** @type {Record<string, string>} */ ({
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
});

/** `a op b` for comparisons: a bool tensor. @param {string} op @param {Value} left @param {Value} right */
export function comparison(op, left, right) {
  const a = operand(left);
  const b = operand(right);
  const common = resultType([a, b]);
  const f = COMPARE[op];
  return map2(a, b, common, bool, (x, y) => (f(x, y) ? 1 : 0));
}

/** Can a result of dtype `from` be written into a tensor of dtype `to`? (c10::canCast) @param {DType} from @param {DType} to */
export function canCast(from, to) {
  if (from.isFloating && !to.isFloating) return false;
  if (from !== bool && to === bool) return false;
  return true;
}

/**
 * Writes `source` (broadcast) into `target`'s elements, converting dtypes.
 * @param {Tensor} target @param {Tensor} source
 */
export function copyInto(target, source) {
  const src = source.dtype === target.dtype ? source : castTensor(source, target.dtype);
  const view = src.storage.broadcastTo(target.shape);
  const from = view.offsetArray();
  let i = 0;
  const out = target.storage.data;
  for (const p of target.storage.offsets()) out[p] = view.data[from[i++]];
  markWritten(out, target.storage.offsets());
}

/** `t op= other` in place (Tensor.__iadd__ ...). @param {string} op @param {Tensor} t @param {Value} other */
function inplace(op, t, other) {
  if (!(other instanceof Tensor) && !isScalar(other)) return undefined;
  if (!['+', '-', '*', '/', '//', '%', '**', '&', '|', '^'].includes(op)) return undefined;
  checkInplace(t);
  const result = /** @type {Tensor} */ (
    op === '**' ? power(operand(t), operand(other)) : binary(op, t, other)
  );
  if (!canCast(result.dtype, t.dtype)) {
    throw new PyError(
      'RuntimeError',
      `result type ${DTYPE_CPP_NAMES.get(result.dtype.name)} can't be cast to the desired output type ${DTYPE_CPP_NAMES.get(t.dtype.name)}`,
    );
  }
  if (result.shape.length !== t.shape.length || result.shape.some((d, i) => d !== t.shape[i])) {
    throw new PyError(
      'RuntimeError',
      `output with shape [${t.shape.join(', ')}] doesn't match the broadcast shape [${result.shape.join(', ')}]`,
    );
  }
  copyInto(t, result);
  if (result.gradFn !== null) {
    t.gradFn = result.gradFn;
    t.requiresGrad = true;
  }
  return t;
}

// --- unary --------------------------------------------------------------------------------------

/** -t */
export function negate(/** @type {Tensor} */ t) {
  if (t.dtype === bool) {
    throw new PyError(
      'NotImplementedError',
      'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
  const f =
    t.dtype === int64
      ? (/** @type {bigint} */ x) => -x
      : t.dtype === uint8
        ? (/** @type {number} */ x) => -x
        : (/** @type {number} */ x) => -x;
  return recordOp(map1(t, t.dtype, /** @type {any} */ (f)), [t], 'NegBackward0');
}

/** t.abs() */
export function absolute(/** @type {Tensor} */ t) {
  if (t.dtype === bool) throw notImplementedFor('abs_cpu', t.dtype);
  const f =
    t.dtype === int64
      ? (/** @type {bigint} */ x) => (x < 0n ? -x : x)
      : (/** @type {number} */ x) => Math.abs(x);
  return recordOp(map1(t, t.dtype, /** @type {any} */ (f)), [t], 'AbsBackward0');
}

/** @param {string} op @param {Tensor} t */
function unary(op, t) {
  switch (op) {
    case '-':
      return negate(t);
    case '+':
      if (t.dtype === bool)
        throw new PyError(
          'NotImplementedError',
          'The `+` operator, on a bool tensor is not supported.',
        );
      return t;
    case 'abs':
      return absolute(t);
    case '~':
      if (t.dtype.isFloating)
        throw new PyError(
          'TypeError',
          '~ (operator.invert) is only implemented on integer and Boolean-type tensors',
        );
      if (t.dtype === bool) return map1(t, bool, (x) => (x ? 0 : 1));
      if (t.dtype === uint8) return map1(t, uint8, (x) => ~x & 255);
      return map1(t, t.dtype, (x) => ~x);
    default:
      return NotImplemented;
  }
}

// --- operator hooks -----------------------------------------------------------------------------

TENSOR_OPS.binop = (op, t, other, reflected) => {
  if (op === '*' && (other instanceof PyList || other instanceof PyTuple)) {
    // list * tensor repeats the list when the tensor is an integer index (tensor.__index__).
    return binaryOp('*', other, t.index());
  }
  if (!(other instanceof Tensor) && !isScalar(other)) return NotImplemented;
  if (reflected && op === '/') {
    // Tensor.__rdiv__: self.reciprocal() * other
    const recip = binary('/', 1, t);
    return recordOp(/** @type {Tensor} */ (binary('*', recip, other)), [t], 'MulBackward0');
  }
  if (reflected && op === '-') {
    const out = /** @type {Tensor} */ (binary('-', other, t));
    out.gradFn = out.gradFn && 'RsubBackward1';
    return out;
  }
  if (reflected && op === '**') {
    const out = power(operand(other), operand(t));
    return recordOp(/** @type {Tensor} */ (out), [t], 'PowBackward2');
  }
  if (op === '**' && other instanceof Tensor) {
    const out = power(operand(t), operand(other));
    return recordOp(/** @type {Tensor} */ (out), [t, other], 'PowBackward1');
  }
  return reflected ? binary(op, other, t) : binary(op, t, other);
};

TENSOR_OPS.compare = (op, t, other, reflected) => {
  if (!(other instanceof Tensor) && !isScalar(other)) {
    if (op === '==' || op === '!=') return NotImplemented;
    return NotImplemented;
  }
  return reflected ? comparison(REFLECT[op], t, other) : comparison(op, t, other);
};

TENSOR_OPS.unaryop = (op, t) => unary(op, t);
TENSOR_OPS.inplace = (op, t, other) => inplace(op, t, other);

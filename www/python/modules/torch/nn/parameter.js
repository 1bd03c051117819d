// torch.nn.Parameter: a tensor that a module registers as one of its parameters. It is a Tensor
// (every tensor method works on it, and those that return their input return the Parameter),
// requires grad by default, and prints as torch prints it:
//
//   Parameter containing:
//   tensor([-0.4777, -0.3311, -0.2061], requires_grad=True)
//
// Operations on a Parameter give plain tensors, as torch's do (Parameter disables
// __torch_function__ for its results).

import { PyError } from '../../../errors.js';
import { Strided } from '../../../nd/strided.js';
import { PyType } from '../../../objects.js';
import { typeName } from '../../../ops.js';
import { float32, LEGACY_TENSOR_TYPES } from '../dtypes.js';
import { tensorRepr } from '../printing.js';
import { session, Tensor } from '../tensor.js';
import { pyBind } from './pyargs.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../dtypes.js').DType} DType */

export class Parameter extends Tensor {
  /** A new Parameter over new values. @param {any} data @param {number[]} shape @param {DType} dtype */
  static fromValues(data, shape, dtype) {
    if (data.length > 64) session.interp?.charge(data.length);
    const p = new Parameter(Strided.contiguous(data, shape), dtype);
    p.requiresGrad = dtype.isFloating;
    return p;
  }

  /** @override */
  get typeName() {
    return 'Parameter';
  }

  /** @override */
  get tpName() {
    return 'Parameter';
  }

  /** @override */
  pyType() {
    return PARAMETER_TYPE;
  }

  /** @override */
  repr() {
    return `Parameter containing:\n${tensorRepr(this)}`;
  }
}

/** torch.typename(x) as torch's messages show it ('torch.FloatTensor', 'int', 'builtins' dropped). @param {Value} v */
export function torchTypename(v) {
  if (v instanceof Tensor) return LEGACY_TENSOR_TYPES[v.dtype.name] ?? 'torch.Tensor';
  if (v instanceof PyType) return v.name;
  return typeName(v);
}

/**
 * nn.Parameter(data=None, requires_grad=True): shares data's memory.
 * @param {Value[]} args @param {import('../../../objects.js').Kwargs} kwargs
 */
function makeParameter(args, kwargs) {
  const a = pyBind(
    'Parameter.__new__',
    ['cls', ['data', null], ['requires_grad', true]],
    [PARAMETER_TYPE, ...args],
    kwargs,
  );
  const source = a.data === null ? Tensor.zeros([0], float32) : a.data;
  if (!(source instanceof Tensor)) {
    throw new PyError('AttributeError', `'${typeName(source)}' object has no attribute 'detach'`);
  }
  if (typeof a.requires_grad !== 'boolean') {
    throw new PyError(
      'TypeError',
      `_make_subclass(): argument 'require_grad' (position 3) must be bool, not ${typeName(a.requires_grad)}`,
    );
  }
  const p = new Parameter(source.storage, source.dtype);
  if (a.requires_grad && !source.dtype.isFloating) {
    throw new PyError(
      'RuntimeError',
      'Only Tensors of floating point and complex dtype can require gradients',
    );
  }
  p.requiresGrad = a.requires_grad;
  return p;
}

/** @type {PyType} */
export const PARAMETER_TYPE = new PyType(
  'torch.nn.parameter.Parameter',
  (args, kwargs) => makeParameter(args, kwargs),
  (v) => v instanceof Parameter,
);

// Module.state_dict() and load_state_dict() (torch/nn/modules/module.py, BSD-3-Clause): the
// parameters by dotted name in an OrderedDict, detached unless keep_vars=True; loading copies
// values into the module's parameters when the keys and shapes match exactly.

import { PyError, Unsupported } from '../../../errors.js';
import { PyDict, PyList, PyObject, PyTuple } from '../../../objects.js';
import { hashKey, repr, truthy } from '../../../ops.js';
import { gradMode } from '../autograd.js';
import { copyInto } from '../elementwise.js';
import { Tensor } from '../tensor.js';
import { pyBind } from './pyargs.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('./module.js').NNModule} NNModule */

/** collections.OrderedDict, as state_dict() returns it: a dict with OrderedDict's reprs. */
export class OrderedDictObject extends PyDict {
  /** @override */
  get typeName() {
    return 'OrderedDict';
  }

  /** The (key, value) pairs, as list(d.items()) gives them. */
  pairs() {
    return new PyList([...this.map.values()].map(([k, v]) => new PyTuple([k, v])));
  }

  /** @override */
  repr() {
    return this.map.size === 0 ? 'OrderedDict()' : `OrderedDict(${repr(this.pairs())})`;
  }

  /** IPython's _ordereddict_pprint. @param {any} p @param {boolean} cycle */
  reprPretty(p, cycle) {
    p.beginGroup(12, 'OrderedDict(');
    if (cycle) p.text('...');
    else if (this.map.size > 0) p.pretty(this.pairs());
    p.endGroup(12, ')');
  }
}

/**
 * _save_to_state_dict over the module tree (no deduplication: a shared module appears under
 * each of its names, as in torch).
 * @param {NNModule} m @param {OrderedDictObject} out @param {string} prefix @param {boolean} keepVars
 */
function saveTo(m, out, prefix, keepVars) {
  const own = [...m.params, ...[...m.buffers].filter(([name]) => !m.nonPersistent.has(name))];
  for (const [name, p] of own) {
    if (p === null) continue;
    const value = keepVars ? p : new Tensor(p.storage, p.dtype);
    out.map.set(hashKey(prefix + name), [prefix + name, value]);
  }
  for (const [name, child] of m.children) {
    if (child !== null) saveTo(child, out, `${prefix}${name}.`, keepVars);
  }
}

/** state_dict(*, destination=None, prefix='', keep_vars=False) @param {NNModule} m @param {Value[]} args @param {any} kwargs */
export function stateDict(m, args, kwargs) {
  const a = pyBind(
    'Module.state_dict',
    ['self', '*args', ['destination', null], ['prefix', ''], ['keep_vars', false]],
    [m, ...args],
    kwargs,
  );
  if (a.args.items.length > 0 || a.destination !== null) {
    throw new Unsupported('state_dict with a destination');
  }
  const out = new OrderedDictObject();
  saveTo(m, out, String(a.prefix), truthy(a.keep_vars));
  return out;
}

/** The `<All keys matched successfully>` that load_state_dict returns. */
class IncompatibleKeys extends PyObject {
  /** @override */
  get typeName() {
    return '_IncompatibleKeys';
  }

  /** @override */
  repr() {
    return '<All keys matched successfully>';
  }
}

/** load_state_dict(state_dict, strict=True, assign=False) @param {NNModule} m @param {Value[]} args @param {any} kwargs */
export function loadStateDict(m, args, kwargs) {
  const a = pyBind(
    'Module.load_state_dict',
    ['self', 'state_dict', ['strict', true], ['assign', false]],
    [m, ...args],
    kwargs,
  );
  if (!(a.state_dict instanceof PyDict)) {
    throw new PyError(
      'TypeError',
      `Expected state_dict to be dict-like, got ${repr(a.state_dict)}.`,
    );
  }
  const own = new OrderedDictObject();
  saveTo(m, own, '', true);
  const keys = [...own.map.keys()];
  const given = [...a.state_dict.map.keys()];
  if (keys.length !== given.length || keys.some((k) => !a.state_dict.map.has(k))) {
    throw new Unsupported('load_state_dict with missing or unexpected keys');
  }
  for (const [hk, [, param]] of own.map) {
    const source = /** @type {[Value, Value]} */ (a.state_dict.map.get(hk))[1];
    const target = /** @type {Tensor} */ (param);
    if (!(source instanceof Tensor) || source.shape.join() !== target.shape.join()) {
      throw new Unsupported('load_state_dict with values of other shapes or types');
    }
    const saved = gradMode.enabled;
    gradMode.enabled = false;
    try {
      copyInto(target, source);
    } finally {
      gradMode.enabled = saved;
    }
  }
  return new IncompatibleKeys();
}

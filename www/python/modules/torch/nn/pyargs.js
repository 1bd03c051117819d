// Argument binding for torch's Python-level functions and methods (nn.Linear.__init__,
// nn.init.kaiming_uniform_, DataLoader.__init__ ...): CPython binds those, so their errors are
// CPython's ("Linear.__init__() missing 1 required positional argument: 'out_features'"), not
// the C++ argument parser's. The binding is the interpreter's own, for a `def` with the same
// parameters.
//
//   const a = pyBind('Linear.__init__', ['self', 'in_features', 'out_features', ['bias', true]],
//     [self, ...args], kwargs);

import { PyFunction } from '../../../interpreter.js';
import { Scope } from '../../../scope.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */

/**
 * A parameter: 'name' (required), ['name', default], '*' (the rest are keyword-only),
 * '*name' (extra positional arguments) or '**name' (extra keywords).
 * @typedef {string | [string, Value]} ParamSpec
 */

/** @type {Map<string, PyFunction>} */
const signatures = new Map();

/** @param {string} qualname @param {ParamSpec[]} spec */
function signature(qualname, spec) {
  const key = `${qualname}\u0000${JSON.stringify(spec, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`;
  const cached = signatures.get(key);
  if (cached) return cached;
  /** @type {{ name: string, default: null, kind: string }[]} */
  const params = [];
  /** @type {Array<Value | undefined>} */
  const defaults = [];
  let keywordOnly = false;
  for (const p of spec) {
    if (p === '*') {
      keywordOnly = true;
      continue;
    }
    const [name, dflt] = typeof p === 'string' ? [p, undefined] : p;
    if (name.startsWith('**')) params.push({ name: name.slice(2), default: null, kind: 'varkw' });
    else if (name.startsWith('*')) {
      params.push({ name: name.slice(1), default: null, kind: 'varargs' });
      keywordOnly = true;
    } else params.push({ name, default: null, kind: keywordOnly ? 'keyword' : 'positional' });
    defaults.push(typeof p === 'string' ? undefined : dflt);
  }
  const fn = new PyFunction(qualname, params, defaults, [], new Scope(null));
  signatures.set(key, fn);
  return fn;
}

/**
 * Binds a call as CPython binds it to a `def qualname(...)` with these parameters.
 * @param {string} qualname  as CPython's messages name it ('Linear.__init__', 'uniform_')
 * @param {ParamSpec[]} spec @param {Value[]} args @param {Kwargs} kwargs
 * @returns {Record<string, any>}  each parameter's value (a *name: a PyTuple; **name: a PyDict)
 */
export function pyBind(qualname, spec, args, kwargs) {
  const fn = signature(qualname, spec);
  const scope = new Scope(null);
  fn.bind(scope, args, kwargs);
  return Object.fromEntries(scope.vars);
}

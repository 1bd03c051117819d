// Python's name resolution: a function's locals are the names it assigns (decided when it is
// defined, so reading one before assignment is an UnboundLocalError), then the enclosing
// functions' names, then the module's globals, then the builtins.

import { nameError, PyError } from './errors.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./parser.js').Node} Node */

export class Scope {
  /**
   * @param {Scope | null} parent
   * @param {Set<string> | null} locals  a function's local names; null for other scopes
   */
  constructor(parent, locals = null) {
    /** @type {Map<string, Value>} */
    this.vars = new Map();
    this.parent = parent;
    this.locals = locals;
  }

  /** @param {string} name @param {Map<string, Value>} builtins @returns {Value} */
  lookup(name, builtins) {
    /** @type {Scope | null} */
    let scope = this;
    while (scope) {
      const value = scope.vars.get(name);
      if (value !== undefined || scope.vars.has(name)) return /** @type {Value} */ (value);
      if (scope.locals?.has(name)) {
        throw new PyError(
          'UnboundLocalError',
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
      }
      scope = scope.parent;
    }
    const builtin = builtins.get(name);
    if (builtin !== undefined) return builtin;
    throw nameError(name);
  }

  /** @param {string} name @param {Value} value */
  assign(name, value) {
    this.vars.set(name, value);
  }

  /** @param {string} name */
  delete(name) {
    if (!this.vars.delete(name)) throw nameError(name);
  }
}

/**
 * The names a function body binds: assignment and for targets, defs, imports, except-as names;
 * not those inside nested functions, lambdas or comprehensions, which have scopes of their own.
 * @param {Node[]} body @param {Set<string>} [names]
 */
export function boundNames(body, names = new Set()) {
  for (const node of body) collectStatement(node, names);
  return names;
}

/** @param {Node} node @param {Set<string>} names */
function collectStatement(node, names) {
  switch (node.type) {
    case 'Assign':
      for (const t of node.targets) collectTarget(t, names);
      break;
    case 'AugAssign':
    case 'AnnAssign':
      collectTarget(node.target, names);
      break;
    case 'For':
      collectTarget(node.target, names);
      boundNames(node.body, names);
      boundNames(node.orelse, names);
      break;
    case 'While':
    case 'If':
      boundNames(node.body, names);
      boundNames(node.orelse, names);
      break;
    case 'FunctionDef':
      names.add(node.name);
      break;
    case 'Import':
      for (const alias of node.names) names.add(alias.asname ?? alias.name.split('.')[0]);
      break;
    case 'ImportFrom':
      if (node.names !== '*') for (const alias of node.names) names.add(alias.asname ?? alias.name);
      break;
    case 'Delete':
      for (const t of node.targets) collectTarget(t, names);
      break;
    case 'Try':
      boundNames(node.body, names);
      for (const handler of node.handlers) {
        if (handler.name) names.add(handler.name);
        boundNames(handler.body, names);
      }
      boundNames(node.orelse, names);
      boundNames(node.finalbody, names);
      break;
    case 'With':
      for (const item of node.items) if (item.target) collectTarget(item.target, names);
      boundNames(node.body, names);
      break;
    default:
  }
}

/** @param {Node} target @param {Set<string>} names */
function collectTarget(target, names) {
  if (target.type === 'Name') names.add(target.id);
  else if (target.type === 'Tuple' || target.type === 'List') {
    for (const t of target.elts) collectTarget(t, names);
  } else if (target.type === 'Starred') collectTarget(target.value, names);
}

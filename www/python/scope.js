// Python's name resolution: a function's locals are the names it assigns (decided when it is
// defined, so reading one before assignment is an UnboundLocalError), then the enclosing
// functions' names, then the module's globals, then the builtins. `global` and `nonlocal`
// declarations send a name to the module's or an enclosing function's scope; a class body's
// names are seen by the class body itself only, not by the functions defined in it.

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
    /** `global` / `nonlocal` declarations of a function's body @type {Map<string, string> | null} */
    this.declared = null;
    /** the function whose call this scope is (for super()) @type {any} */
    this.fn = null;
    /** a class body's namespace: invisible to the scopes nested in it */
    this.classBody = false;
    /** a comprehension's scope (`:=` inside binds in the enclosing scope) */
    this.comprehension = false;
  }

  /** The module's scope. @returns {Scope} */
  root() {
    /** @type {Scope} */
    let scope = this;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  /**
   * The scope a `nonlocal` name lives in: the nearest enclosing function scope that binds it.
   * @param {string} name @returns {Scope}
   */
  enclosing(name) {
    for (let scope = this.parent; scope?.parent; scope = scope.parent) {
      if (scope.classBody) continue;
      if (scope.vars.has(name) || scope.locals?.has(name)) return scope;
    }
    throw new PyError('SyntaxError', `no binding for nonlocal '${name}' found`);
  }

  /** The scope that holds a declared name, or this one. @param {string} name @returns {Scope} */
  target(name) {
    const declaration = this.declared?.get(name);
    if (declaration === 'global') return this.root();
    if (declaration === 'nonlocal') return this.enclosing(name);
    return this;
  }

  /** @param {string} name @param {Map<string, Value>} builtins @returns {Value} */
  lookup(name, builtins) {
    /** @type {Scope | null} */
    let scope = this.target(name);
    while (scope) {
      if (scope.classBody && scope !== this) {
        scope = scope.parent;
        continue;
      }
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
    (this.declared ? this.target(name) : this).vars.set(name, value);
  }

  /** @param {string} name */
  delete(name) {
    if (!(this.declared ? this.target(name) : this).vars.delete(name)) throw nameError(name);
  }
}

/**
 * The `global` and `nonlocal` declarations of a function body (not of the functions and classes
 * nested in it), name -> 'global' | 'nonlocal'.
 * @param {Node[]} body @param {Map<string, string>} [out]
 */
export function declarations(body, out = new Map()) {
  for (const node of body) {
    if (node.type === 'Global' || node.type === 'Nonlocal') {
      for (const name of node.names) out.set(name, node.type === 'Global' ? 'global' : 'nonlocal');
    }
    for (const key of ['body', 'orelse', 'finalbody']) {
      if (Array.isArray(node[key]) && node.type !== 'FunctionDef' && node.type !== 'ClassDef')
        declarations(node[key], out);
    }
    if (node.type === 'Try') for (const handler of node.handlers) declarations(handler.body, out);
  }
  return out;
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
    case 'ClassDef':
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

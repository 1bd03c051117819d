// The interpreter: runs a parsed module statement by statement in a session (the globals a
// Jupyter kernel keeps between cells), counting steps against a budget so that an endless loop
// stops with a message instead of hanging the page.
//
//   const session = new Interpreter({ modules });
//   session.run('import numpy as np\nnp.random.seed(17)\nnp.random.randn(3)')
//     -> { stdout: '', display: 'array([ 0.27626589, -1.85462808,  0.62390111])', error: null }

import { getAttr, setAttr } from './attributes.js';
import { createBuiltins } from './builtins.js';
import { PyClass, PySuper } from './classes.js';
import {
  attributeError,
  BudgetExceeded,
  PageLimit,
  PyError,
  typeError,
  Unsupported,
} from './errors.js';
import { exceptionMatches, isExceptionName, PyExceptionValue } from './exceptions.js';
import { formatValue } from './format-spec.js';
import {
  Ellipsis,
  PyBuiltin,
  PyCallable,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  PySlice,
  PyTuple,
} from './objects.js';
import {
  binaryOp,
  compare,
  contains,
  delItem,
  getItem,
  hashKey,
  iterate,
  makeDict,
  makeSet,
  repr,
  setItem,
  str,
  truthy,
  typeName,
  unaryOp,
} from './ops.js';
import { parse } from './parser.js';
import { pretty } from './pretty.js';
import { boundNames, declarations, Scope } from './scope.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./objects.js').Kwargs} Kwargs */
/** @typedef {import('./parser.js').Node} Node */

/** Steps a run may take: about a second of work in a browser. */
export const DEFAULT_STEP_BUDGET = 20_000_000;

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

class ReturnSignal {
  /** @param {Value} value */
  constructor(value) {
    this.value = value;
  }
}

/** @typedef {typeof BREAK | typeof CONTINUE | ReturnSignal | undefined} Signal */

/**
 * A module the code can import: its object, made on first import (per session).
 * @typedef {(interp: Interpreter) => PyModule} ModuleFactory
 */

/** A function defined in the code with `def` or `lambda`. */
export class PyFunction extends PyCallable {
  /**
   * @param {string} name
   * @param {{ name: string, default: Node | null, kind: string }[]} params
   * @param {Array<Value | undefined>} defaults  evaluated default values, one per param
   *   (undefined: none)
   * @param {Node[] | Node} body  statements, or an expression for a lambda
   * @param {Scope} closure
   * @param {string} [qualname]  'Net.forward', 'outer.<locals>.inner' (as error messages show it)
   */
  constructor(name, params, defaults, body, closure, qualname = name) {
    super();
    this.name = name;
    this.qualname = qualname;
    this.params = params;
    this.defaults = defaults;
    this.body = body;
    this.closure = closure;
    this.locals = new Set(params.map((p) => p.name));
    /** the body's `global` and `nonlocal` names @type {Map<string, string> | null} */
    this.declared = null;
    if (Array.isArray(body)) {
      boundNames(body, this.locals);
      const declared = declarations(body);
      if (declared.size > 0) {
        this.declared = declared;
        for (const name of declared.keys()) this.locals.delete(name);
      }
    }
  }

  /** @override */
  get typeName() {
    return 'function';
  }

  /** @override */
  repr() {
    return `<function ${this.name} at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }

  /**
   * @param {string} name
   * @override
   */
  getattr(name) {
    switch (name) {
      case '__name__':
        return this.name;
      case '__qualname__':
        return this.qualname;
      case '__module__':
        return '__main__';
      case '__doc__': {
        const first = Array.isArray(this.body) ? this.body[0] : undefined;
        return first?.type === 'Expr' &&
          first.value.type === 'Constant' &&
          typeof first.value.value === 'string'
          ? first.value.value
          : null;
      }
      default:
        return undefined;
    }
  }

  /**
   * @param {Value[]} args @param {Kwargs} kwargs @param {Interpreter} interp
   * @override
   */
  call(args, kwargs, interp) {
    const scope = new Scope(this.closure, this.locals);
    scope.fn = this;
    scope.declared = this.declared;
    this.bind(scope, args, kwargs);
    return interp.callFunction(this, scope);
  }

  /** Binds arguments to parameters with Python's errors. @param {Scope} scope @param {Value[]} args @param {Kwargs} kwargs */
  bind(scope, args, kwargs) {
    const positional = this.params.filter((p) => p.kind === 'positional');
    const varargs = this.params.find((p) => p.kind === 'varargs');
    const varkw = this.params.find((p) => p.kind === 'varkw');
    const fname = `${this.qualname}()`;
    if (args.length > positional.length && !varargs) {
      const required = positional.filter(
        (p) => this.defaults[this.params.indexOf(p)] === undefined,
      ).length;
      const takes =
        required === positional.length
          ? `${positional.length}`
          : `from ${required} to ${positional.length}`;
      const s = positional.length === 1 && required === positional.length ? '' : 's';
      throw typeError(
        `${fname} takes ${takes} positional argument${s} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`,
      );
    }
    positional.forEach((p, i) => {
      if (i < args.length) scope.assign(p.name, args[i]);
    });
    if (varargs) scope.assign(varargs.name, new PyTuple(args.slice(positional.length)));
    const extra = new PyDict();
    for (const [key, value] of kwargs) {
      const param = this.params.find(
        (p) => p.name === key && (p.kind === 'positional' || p.kind === 'keyword'),
      );
      if (!param) {
        if (!varkw) throw typeError(`${fname} got an unexpected keyword argument '${key}'`);
        extra.map.set(hashKey(key), [key, value]);
        continue;
      }
      if (scope.vars.has(key))
        throw typeError(`${fname} got multiple values for argument '${key}'`);
      scope.assign(key, value);
    }
    if (varkw) scope.assign(varkw.name, extra);
    const missing = {
      positional: /** @type {string[]} */ ([]),
      keyword: /** @type {string[]} */ ([]),
    };
    this.params.forEach((p, i) => {
      if (p.kind === 'varargs' || p.kind === 'varkw' || scope.vars.has(p.name)) return;
      const dflt = this.defaults[i];
      if (dflt !== undefined) scope.assign(p.name, dflt);
      else missing[p.kind === 'keyword' ? 'keyword' : 'positional'].push(`'${p.name}'`);
    });
    for (const kind of /** @type {const} */ (['positional', 'keyword'])) {
      const names = missing[kind];
      if (names.length === 0) continue;
      const list =
        names.length === 1
          ? names[0]
          : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const what = kind === 'keyword' ? 'keyword-only argument' : 'positional argument';
      throw typeError(
        `${fname} missing ${names.length} required ${what}${names.length === 1 ? '' : 's'}: ${list}`,
      );
    }
  }
}

/**
 * Whether a JS error is the engine's stack overflow, which deep Python recursion can reach
 * before the interpreter's own limit: a RangeError "Maximum call stack size exceeded" in V8 and
 * JavaScriptCore, an InternalError "too much recursion" in SpiderMonkey (Firefox).
 * @param {unknown} error
 */
function isStackOverflow(error) {
  if (error instanceof RangeError) return /call stack/i.test(error.message);
  return (
    error instanceof Error && error.name === 'InternalError' && /recursion/.test(error.message)
  );
}

/** One session: globals, imported modules, stdout, a step budget per run. */
export class Interpreter {
  /**
   * @param {{ modules?: Record<string, ModuleFactory>, budget?: number }} [options]
   */
  constructor({ modules = {}, budget = DEFAULT_STEP_BUDGET } = {}) {
    this.moduleFactories = modules;
    /** @type {Map<string, PyModule>} */
    this.moduleCache = new Map();
    this.globals = new Scope(null);
    this.globals.assign('__name__', '__main__');
    this.builtins = createBuiltins();
    this.budget = budget;
    this.steps = 0;
    this.stdout = '';
    /** @type {string[]} what each write (each print) added to stdout */
    this.writes = [];
    this.line = 0;
    this.depth = 0;
  }

  /**
   * Runs a cell's code as Jupyter does: every statement, then the repr of a last bare
   * expression (unless it is None or the line ends with ';').
   * @param {string} source
   * @returns {{ stdout: string, writes: string[], display: string | null,
   *   error: import('./errors.js').RunError | null }}
   */
  run(source) {
    this.stdout = '';
    /** @type {string[]} what each write (each print) added to stdout */
    this.writes = [];
    this.steps = 0;
    this.depth = 0;
    let display = null;
    try {
      const module = parse(source);
      const body = module.body;
      const last = body[body.length - 1];
      const showLast = last?.type === 'Expr' && !lastLineEndsWithSemicolon(source);
      const signal = this.execBlock(showLast ? body.slice(0, -1) : body, this.globals);
      if (signal !== undefined) throw new PyError('SyntaxError', "'return' outside function");
      if (showLast) {
        this.line = last.line;
        this.step();
        const value = this.eval(last.value, this.globals);
        if (value !== null) display = pretty(value);
      }
      return { stdout: this.stdout, writes: this.writes, display, error: null };
    } catch (error) {
      if (
        error instanceof PyError ||
        error instanceof Unsupported ||
        error instanceof BudgetExceeded ||
        error instanceof PageLimit
      ) {
        if (error.line === undefined) error.line = this.line || undefined;
        return { stdout: this.stdout, writes: this.writes, display: null, error };
      }
      if (isStackOverflow(error)) {
        const e = new PyError('RecursionError', 'maximum recursion depth exceeded');
        e.line = this.line;
        return { stdout: this.stdout, writes: this.writes, display: null, error: e };
      }
      throw error;
    }
  }

  /** Writes to the run's stdout (print). @param {string} text */
  write(text) {
    this.stdout += text;
    this.writes.push(text);
    if (this.stdout.length > 10_000_000)
      throw new PageLimit('This code prints more than the page can show.');
  }

  /** Counts one step; throws BudgetExceeded past the budget. */
  step() {
    if (++this.steps > this.budget) throw new BudgetExceeded(this.budget);
  }

  /**
   * Counts the work of a call over n elements (one step per 64 elements).
   * @param {number} n
   */
  charge(n) {
    this.steps += Math.ceil(n / 64);
    if (this.steps > this.budget) throw new BudgetExceeded(this.budget);
  }

  /**
   * The module `name` (importing it on first use).
   * @param {string} name
   * @returns {PyModule}
   */
  importModule(name) {
    const cached = this.moduleCache.get(name);
    if (cached) return cached;
    const factory = this.moduleFactories[name];
    if (!factory) {
      const top = name.split('.')[0];
      if (this.moduleFactories[top]) {
        // A submodule the package does not have, or one this page does not implement.
        const parent = this.importModule(top);
        const sub = resolveSubmodule(parent, name.split('.').slice(1));
        if (sub) {
          this.moduleCache.set(name, sub);
          return sub;
        }
        throw new Unsupported(`the module ${name}`);
      }
      if (KNOWN_MODULES.has(top)) throw new Unsupported(`the module ${top}`);
      throw new PyError('ModuleNotFoundError', `No module named '${name}'`);
    }
    const module = factory(this);
    this.moduleCache.set(name, module);
    return module;
  }

  // --- statements -----------------------------------------------------------------------------

  /** @param {Node[]} body @param {Scope} scope @returns {Signal} */
  execBlock(body, scope) {
    for (const statement of body) {
      const signal = this.exec(statement, scope);
      if (signal !== undefined) return signal;
    }
    return undefined;
  }

  /** @param {Node} node @param {Scope} scope @returns {Signal} */
  exec(node, scope) {
    this.line = node.line;
    this.step();
    try {
      return this.execStatement(node, scope);
    } catch (error) {
      if ((error instanceof PyError || error instanceof PageLimit) && error.line === undefined) {
        error.line = node.line;
      }
      throw error;
    }
  }

  /** @param {Node} node @param {Scope} scope @returns {Signal} */
  execStatement(node, scope) {
    switch (node.type) {
      case 'Expr':
        this.eval(node.value, scope);
        return undefined;
      case 'Assign': {
        const value = this.eval(node.value, scope);
        for (const target of node.targets) this.assign(target, value, scope);
        return undefined;
      }
      case 'AugAssign':
        this.augAssign(node, scope);
        return undefined;
      case 'AnnAssign':
        if (node.value) this.assign(node.target, this.eval(node.value, scope), scope);
        return undefined;
      case 'If':
        return truthy(this.eval(node.test, scope))
          ? this.execBlock(node.body, scope)
          : this.execBlock(node.orelse, scope);
      case 'For':
        return this.execFor(node, scope);
      case 'While':
        return this.execWhile(node, scope);
      case 'Break':
        return BREAK;
      case 'Continue':
        return CONTINUE;
      case 'Pass':
        return undefined;
      case 'Return':
        return new ReturnSignal(node.value ? this.eval(node.value, scope) : null);
      case 'FunctionDef': {
        const decorators = this.evalItems(node.decorators, scope);
        const fn = this.makeFunction(node.name, node.params, node.body, scope);
        scope.assign(node.name, this.decorate(decorators, fn));
        return undefined;
      }
      case 'ClassDef': {
        const decorators = this.evalItems(node.decorators, scope);
        scope.assign(node.name, this.decorate(decorators, this.makeClass(node, scope)));
        return undefined;
      }
      case 'Global':
      case 'Nonlocal':
        return undefined;
      case 'Import':
        this.execImport(node, scope);
        return undefined;
      case 'ImportFrom':
        this.execImportFrom(node, scope);
        return undefined;
      case 'Delete':
        for (const target of node.targets) this.delete(target, scope);
        return undefined;
      case 'Assert':
        if (!truthy(this.eval(node.test, scope))) {
          throw new PyError('AssertionError', node.msg ? str(this.eval(node.msg, scope)) : '');
        }
        return undefined;
      case 'Raise':
        throw this.raise(node, scope);
      case 'Try':
        return this.execTry(node, scope);
      case 'With':
        return this.execWith(node, scope);
      default:
        throw new Unsupported(`the statement ${node.type}`, node.line);
    }
  }

  /** @param {Node} node @param {Scope} scope */
  augAssign(node, scope) {
    const target = node.target;
    const op = node.op;
    /** @param {Value} current */
    const combine = (current) => {
      const value = this.eval(node.value, scope);
      const inPlace =
        current instanceof PyObject && typeof (/** @type {any} */ (current).inplace) === 'function'
          ? /** @type {any} */ (current).inplace(op, value)
          : undefined;
      if (inPlace !== undefined) return inPlace;
      if (current instanceof PyList && op === '+') {
        current.items.push(...iterate(value));
        return current;
      }
      return binaryOp(op, current, value);
    };
    if (target.type === 'Name') {
      scope.assign(target.id, combine(this.lookup(target.id, scope)));
    } else if (target.type === 'Attribute') {
      const obj = this.eval(target.value, scope);
      setAttr(obj, target.attr, combine(getAttr(obj, target.attr)));
    } else if (target.type === 'Subscript') {
      const obj = this.eval(target.value, scope);
      const key = this.evalSlice(target.slice, scope);
      setItem(obj, key, combine(getItem(obj, key)));
    }
  }

  /** @param {Node} node @param {Scope} scope @returns {Signal} */
  execFor(node, scope) {
    const iterable = this.eval(node.iter, scope);
    for (const item of iterate(iterable)) {
      this.step();
      this.assign(node.target, item, scope);
      const signal = this.execBlock(node.body, scope);
      if (signal === BREAK) return undefined;
      if (signal instanceof ReturnSignal) return signal;
    }
    return this.execBlock(node.orelse, scope);
  }

  /** @param {Node} node @param {Scope} scope @returns {Signal} */
  execWhile(node, scope) {
    while (truthy(this.eval(node.test, scope))) {
      this.step();
      const signal = this.execBlock(node.body, scope);
      if (signal === BREAK) return undefined;
      if (signal instanceof ReturnSignal) return signal;
    }
    return this.execBlock(node.orelse, scope);
  }

  /** @param {Node} node @param {Scope} scope @returns {Signal} */
  execTry(node, scope) {
    let signal;
    try {
      try {
        signal = this.execBlock(node.body, scope);
      } catch (error) {
        if (!(error instanceof PyError)) throw error;
        const handler = node.handlers.find(
          (/** @type {any} */ h) =>
            h.type === null || exceptionMatches(error, this.eval(h.type, scope)),
        );
        if (!handler) throw error;
        if (handler.name) scope.assign(handler.name, PyExceptionValue.of(error));
        try {
          return this.execBlock(handler.body, scope);
        } finally {
          if (handler.name) scope.vars.delete(handler.name);
        }
      }
      if (signal === undefined) signal = this.execBlock(node.orelse, scope);
      return signal;
    } finally {
      if (node.finalbody.length > 0) {
        const finalSignal = this.execBlock(node.finalbody, scope);
        if (finalSignal !== undefined) signal = finalSignal;
      }
    }
  }

  /** @param {Node} node @param {Scope} scope @returns {Signal} */
  execWith(node, scope) {
    const [item, ...rest] = node.items;
    const manager = this.eval(item.context, scope);
    const enter = manager instanceof PyObject ? /** @type {any} */ (manager).enter : undefined;
    if (typeof enter !== 'function') {
      throw typeError(
        `'${typeName(manager)}' object does not support the context manager protocol`,
      );
    }
    const value = enter.call(manager, this);
    if (item.target) this.assign(item.target, value, scope);
    let signal;
    try {
      signal =
        rest.length > 0
          ? this.execWith({ ...node, items: rest }, scope)
          : this.execBlock(node.body, scope);
    } catch (error) {
      /** @type {any} */ (manager).exit(this, error);
      throw error;
    }
    /** @type {any} */ (manager).exit(this, null);
    return signal;
  }

  /** @param {Node} node @param {Scope} scope */
  raise(node, scope) {
    if (!node.exc) return new PyError('RuntimeError', 'No active exception to reraise');
    let exc = this.eval(node.exc, scope);
    if (exc instanceof PyCallable && !(exc instanceof PyExceptionValue))
      exc = exc.call([], new Map(), this);
    if (!(exc instanceof PyExceptionValue)) {
      return typeError('exceptions must derive from BaseException');
    }
    return exc.toError();
  }

  /** @param {Node} node @param {Scope} scope */
  execImport(node, scope) {
    for (const alias of node.names) {
      const module = this.importModule(alias.name);
      if (alias.asname) {
        scope.assign(alias.asname, module);
      } else {
        const top = alias.name.split('.')[0];
        scope.assign(top, this.importModule(top));
      }
    }
  }

  /** @param {Node} node @param {Scope} scope */
  execImportFrom(node, scope) {
    const module = this.importModule(node.module);
    if (node.names === '*') {
      for (const [name, value] of module.attrs)
        if (!name.startsWith('_')) scope.assign(name, value);
      return;
    }
    for (const alias of node.names) {
      let value = module.getattr(alias.name);
      if (value === undefined) {
        try {
          value = this.importModule(`${node.module}.${alias.name}`);
        } catch (error) {
          // a name the module has but this page lacks: say so by its name, not as a module
          if (module.knownNames.has(alias.name) && error instanceof Unsupported)
            throw new Unsupported(`${node.module}.${alias.name}`, node.line);
          if (!(error instanceof PyError)) throw error;
          if (module.knownNames.has(alias.name))
            throw new Unsupported(`${node.module}.${alias.name}`, node.line);
          throw new PyError(
            'ImportError',
            `cannot import name '${alias.name}' from '${node.module}'`,
          );
        }
      }
      scope.assign(alias.asname ?? alias.name, value);
    }
  }

  /** @param {Node} target @param {Value} value @param {Scope} scope */
  assign(target, value, scope) {
    switch (target.type) {
      case 'Name':
        scope.assign(target.id, value);
        return;
      case 'Attribute':
        setAttr(this.eval(target.value, scope), target.attr, value);
        return;
      case 'Subscript':
        setItem(this.eval(target.value, scope), this.evalSlice(target.slice, scope), value);
        return;
      case 'Tuple':
      case 'List':
        this.unpack(target.elts, value, scope);
        return;
      case 'Starred':
        throw new PyError('SyntaxError', 'starred assignment target must be in a list or tuple');
      default:
        throw new PyError('SyntaxError', 'cannot assign to expression');
    }
  }

  /** Tuple unpacking, with one optional starred target. @param {Node[]} targets @param {Value} value @param {Scope} scope */
  unpack(targets, value, scope) {
    /** @type {Value[]} */
    let items;
    try {
      items = [...iterate(value)];
    } catch (error) {
      if (
        error instanceof PyError &&
        error.type === 'TypeError' &&
        /is not iterable$/.test(error.message)
      ) {
        throw typeError(`cannot unpack non-iterable ${typeName(value)} object`);
      }
      throw error;
    }
    const star = targets.findIndex((t) => t.type === 'Starred');
    if (star === -1) {
      if (items.length > targets.length) {
        throw new PyError('ValueError', `too many values to unpack (expected ${targets.length})`);
      }
      if (items.length < targets.length) {
        throw new PyError(
          'ValueError',
          `not enough values to unpack (expected ${targets.length}, got ${items.length})`,
        );
      }
      for (let i = 0; i < targets.length; i++) this.assign(targets[i], items[i], scope);
      return;
    }
    const after = targets.length - star - 1;
    if (items.length < targets.length - 1) {
      throw new PyError(
        'ValueError',
        `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`,
      );
    }
    for (let i = 0; i < star; i++) this.assign(targets[i], items[i], scope);
    this.assign(targets[star].value, new PyList(items.slice(star, items.length - after)), scope);
    for (let i = 0; i < after; i++) {
      this.assign(targets[star + 1 + i], items[items.length - after + i], scope);
    }
  }

  /** @param {Node} target @param {Scope} scope */
  delete(target, scope) {
    if (target.type === 'Name') scope.delete(target.id);
    else if (target.type === 'Subscript')
      delItem(this.eval(target.value, scope), this.evalSlice(target.slice, scope));
    else if (target.type === 'Tuple' || target.type === 'List')
      for (const t of target.elts) this.delete(t, scope);
    else throw new Unsupported('deleting an attribute', target.line);
  }

  /**
   * @param {string} name @param {any[]} params @param {Node[] | Node} body @param {Scope} scope
   */
  makeFunction(name, params, body, scope) {
    /** @type {Array<Value | undefined>} */
    const defaults = params.map((p) => (p.default ? this.eval(p.default, scope) : undefined));
    return new PyFunction(name, params, defaults, body, scope, qualnamePrefix(scope) + name);
  }

  /** Applies decorators, the innermost (last written) first. @param {Value[]} decorators @param {Value} value */
  decorate(decorators, value) {
    let result = value;
    for (let i = decorators.length - 1; i >= 0; i--) result = this.call(decorators[i], [result]);
    return result;
  }

  /**
   * A class statement: the body runs in a namespace of its own, whose names become the class's
   * attributes; the methods see `__class__` (for super()) but not the class body's names.
   * @param {Node} node @param {Scope} scope
   */
  makeClass(node, scope) {
    const bases = this.evalItems(node.bases, scope);
    if (node.keywords.length > 0)
      throw new Unsupported('class keywords (metaclass=...)', node.line);
    const cell = new Scope(scope);
    const namespace = new Scope(cell);
    namespace.classBody = true;
    const qualname = qualnamePrefix(scope) + node.name;
    namespace.assign('__module__', '__main__');
    namespace.assign('__qualname__', qualname);
    const first = node.body[0];
    if (
      first?.type === 'Expr' &&
      first.value.type === 'Constant' &&
      typeof first.value.value === 'string'
    )
      namespace.assign('__doc__', first.value.value);
    const signal = this.execBlock(node.body, namespace);
    if (signal instanceof ReturnSignal)
      throw new PyError('SyntaxError', "'return' outside function");
    const cls = new PyClass(qualname, bases, namespace.vars, this);
    cell.assign('__class__', cls);
    return cls;
  }

  /**
   * super() without arguments: the class the method was defined in, and its first argument.
   * @param {Scope} scope
   */
  zeroArgumentSuper(scope) {
    /** @type {Scope | null} */
    let frame = scope;
    while (frame && !frame.fn) frame = frame.parent;
    const fn = frame?.fn;
    if (!frame || !fn || fn.params.length === 0 || fn.params[0].kind === 'keyword')
      throw new PyError('RuntimeError', 'super(): no arguments');
    let cls;
    try {
      cls = frame.lookup('__class__', new Map());
    } catch {
      throw new PyError('RuntimeError', 'super(): __class__ cell not found');
    }
    const self = frame.vars.get(fn.params[0].name);
    if (self === undefined) throw new PyError('RuntimeError', 'super(): arg[0] deleted');
    if (!(cls instanceof PyClass))
      throw new PyError('RuntimeError', 'super(): __class__ is not a type');
    if (!cls.test(self) && !(self instanceof PyClass && self.mro.includes(cls))) {
      throw typeError('super(type, obj): obj must be an instance or subtype of type');
    }
    return new PySuper(cls, self);
  }

  /** Runs a user function's body in its new scope. @param {PyFunction} fn @param {Scope} scope */
  callFunction(fn, scope) {
    if (++this.depth > 900) {
      this.depth = 0;
      throw new PyError('RecursionError', 'maximum recursion depth exceeded');
    }
    const line = this.line;
    try {
      if (!Array.isArray(fn.body)) return this.eval(fn.body, scope);
      const signal = this.execBlock(fn.body, scope);
      if (signal instanceof ReturnSignal) return signal.value;
      if (signal === BREAK || signal === CONTINUE)
        throw new PyError('SyntaxError', "'break' outside loop");
      return null;
    } finally {
      this.depth--;
      this.line = line;
    }
  }

  // --- expressions ----------------------------------------------------------------------------

  /** @param {string} name @param {Scope} scope */
  lookup(name, scope) {
    return scope.lookup(name, this.builtins);
  }

  /** @param {Node} node @param {Scope} scope @returns {Value} */
  eval(node, scope) {
    switch (node.type) {
      case 'Constant':
        return node.value !== null && typeof node.value === 'object' ? Ellipsis : node.value;
      case 'Name':
        return this.lookup(node.id, scope);
      case 'BinOp':
        return binaryOp(node.op, this.eval(node.left, scope), this.eval(node.right, scope));
      case 'UnaryOp':
        return unaryOp(node.op, this.eval(node.operand, scope));
      case 'BoolOp':
        return this.evalBoolOp(node, scope);
      case 'Compare':
        return this.evalCompare(node, scope);
      case 'Call':
        return this.evalCall(node, scope);
      case 'Attribute':
        return getAttr(this.eval(node.value, scope), node.attr);
      case 'Subscript':
        return getItem(this.eval(node.value, scope), this.evalSlice(node.slice, scope));
      case 'IfExp':
        return truthy(this.eval(node.test, scope))
          ? this.eval(node.body, scope)
          : this.eval(node.orelse, scope);
      case 'List':
        return new PyList(this.evalItems(node.elts, scope));
      case 'Tuple':
        return new PyTuple(this.evalItems(node.elts, scope));
      case 'Set':
        return makeSet(this.evalItems(node.elts, scope));
      case 'Dict':
        return this.evalDict(node, scope);
      case 'ListComp':
        return new PyList(this.comprehension(node, scope, (s) => this.eval(node.elt, s)));
      case 'SetComp':
        return makeSet(this.comprehension(node, scope, (s) => this.eval(node.elt, s)));
      case 'GeneratorExp':
        // Evaluated eagerly: the subset has no generators to observe the difference.
        return new PyList(this.comprehension(node, scope, (s) => this.eval(node.elt, s)));
      case 'DictComp':
        return makeDict(
          this.comprehension(
            node,
            scope,
            (s) =>
              /** @type {[Value, Value]} */ ([this.eval(node.key, s), this.eval(node.value, s)]),
          ),
        );
      case 'JoinedStr':
        return this.evalJoinedStr(node, scope);
      case 'Lambda':
        return this.makeFunction('<lambda>', node.params, node.body, scope);
      case 'Slice':
        return this.evalSlice(node, scope);
      case 'Starred':
        throw new PyError('SyntaxError', "can't use starred expression here");
      case 'NamedExpr': {
        const value = this.eval(node.value, scope);
        /** @type {Scope} */
        let target = scope;
        // inside a comprehension, := binds in the enclosing function (or module)
        while (target.comprehension && target.parent) target = target.parent;
        target.assign(node.target.id, value);
        return value;
      }
      default:
        throw new Unsupported(`the expression ${node.type}`, node.line);
    }
  }

  /** Items of a display, expanding `*iterable`. @param {Node[]} elts @param {Scope} scope */
  evalItems(elts, scope) {
    const out = [];
    for (const e of elts) {
      if (e.type === 'Starred') out.push(...iterate(this.eval(e.value, scope)));
      else out.push(this.eval(e, scope));
    }
    return out;
  }

  /** @param {Node} node @param {Scope} scope */
  evalDict(node, scope) {
    const d = new PyDict();
    node.keys.forEach((/** @type {Node | null} */ k, /** @type {number} */ i) => {
      const value = this.eval(node.values[i], scope);
      if (k === null) {
        if (!(value instanceof PyDict))
          throw typeError(`'${typeName(value)}' object is not a mapping`);
        for (const [hk, entry] of value.map) d.map.set(hk, entry);
      } else {
        const key = this.eval(k, scope);
        d.map.set(hashKey(key), [key, value]);
      }
    });
    return d;
  }

  /** @param {Node} node @param {Scope} scope */
  evalBoolOp(node, scope) {
    const last = node.values.length - 1;
    for (let i = 0; i < last; i++) {
      const value = this.eval(node.values[i], scope);
      if (node.op === 'and' ? !truthy(value) : truthy(value)) return value;
    }
    // The last operand is the result as it is: Python never asks for its truth value.
    return this.eval(node.values[last], scope);
  }

  /** Chained comparisons: `a < b < c` is `a < b and b < c`, b evaluated once. @param {Node} node @param {Scope} scope */
  evalCompare(node, scope) {
    let left = this.eval(node.left, scope);
    /** @type {Value} */
    let result = true;
    for (let i = 0; i < node.ops.length; i++) {
      const right = this.eval(node.comparators[i], scope);
      result = compareOp(node.ops[i], left, right);
      if (node.ops.length > 1 && !truthy(result)) return result;
      left = right;
    }
    return result;
  }

  /** @param {Node} node @param {Scope} scope */
  evalCall(node, scope) {
    const func = this.eval(node.func, scope);
    const args = this.evalItems(node.args, scope);
    if (
      node.func.type === 'Name' &&
      node.func.id === 'super' &&
      args.length === 0 &&
      node.keywords.length === 0 &&
      func === this.builtins.get('super')
    ) {
      this.step();
      return this.zeroArgumentSuper(scope);
    }
    /** @type {Kwargs} */
    const kwargs = new Map();
    for (const kw of node.keywords) {
      const value = this.eval(kw.value, scope);
      if (kw.name === null) {
        if (!(value instanceof PyDict)) {
          throw typeError(`argument after ** must be a mapping, not ${typeName(value)}`);
        }
        for (const [k, v] of value.map.values()) {
          if (typeof k !== 'string') throw typeError('keywords must be strings');
          if (kwargs.has(k)) throw typeError(`got multiple values for keyword argument '${k}'`);
          kwargs.set(k, v);
        }
      } else {
        kwargs.set(kw.name, value);
      }
    }
    return this.call(func, args, kwargs);
  }

  /**
   * Calls any callable Python value.
   * @param {Value} func @param {Value[]} args @param {Kwargs} [kwargs]
   * @returns {Value}
   */
  call(func, args, kwargs = new Map()) {
    this.step();
    if (!(func instanceof PyCallable))
      throw typeError(`'${typeName(func)}' object is not callable`);
    try {
      return func.call(args, kwargs, this);
    } catch (error) {
      throw fromLibrary(error);
    }
  }

  /** The key between [ ]: slices become PySlice, tuples of them a PyTuple. @param {Node} node @param {Scope} scope @returns {Value} */
  evalSlice(node, scope) {
    if (node.type === 'Slice') {
      const part = (/** @type {Node | null} */ n) => (n ? this.eval(n, scope) : null);
      return new PySlice(part(node.lower), part(node.upper), part(node.step));
    }
    if (node.type === 'Tuple' && !node.parenthesised) {
      return new PyTuple(node.elts.map((/** @type {Node} */ e) => this.evalSlice(e, scope)));
    }
    return this.eval(node, scope);
  }

  /**
   * Runs the `for`/`if` clauses of a comprehension in a scope of its own, collecting
   * produce(scope) for each binding.
   * @template T
   * @param {Node} node @param {Scope} scope @param {(scope: Scope) => T} produce
   * @returns {T[]}
   */
  comprehension(node, scope, produce) {
    const inner = new Scope(scope);
    inner.comprehension = true;
    /** @type {T[]} */
    const out = [];
    const generators = node.generators;
    const loop = (/** @type {number} */ level) => {
      const gen = generators[level];
      // The first iterable is evaluated in the enclosing scope, as Python does.
      const iterable = this.eval(gen.iter, level === 0 ? scope : inner);
      for (const item of iterate(iterable)) {
        this.step();
        this.assign(gen.target, item, inner);
        if (!gen.ifs.every((/** @type {Node} */ cond) => truthy(this.eval(cond, inner)))) continue;
        if (level + 1 < generators.length) loop(level + 1);
        else out.push(produce(inner));
      }
    };
    loop(0);
    return out;
  }

  /** @param {Node} node @param {Scope} scope */
  evalJoinedStr(node, scope) {
    let out = '';
    for (const part of node.values) {
      if (part.type === 'Constant') {
        out += part.value;
        continue;
      }
      let value = this.eval(part.value, scope);
      if (part.conversion === 'r') value = repr(value);
      else if (part.conversion === 's') value = str(value);
      else if (part.conversion === 'a') value = asciiRepr(repr(value));
      const spec = part.spec ? /** @type {string} */ (this.evalJoinedStr(part.spec, scope)) : '';
      out += formatValue(value, spec);
    }
    return out;
  }
}

/**
 * The start of a qualified name defined in `scope`: 'Net.' in a class body, 'outer.<locals>.'
 * in a function, '' at module level.
 * @param {Scope} scope
 */
function qualnamePrefix(scope) {
  for (let s = /** @type {Scope | null} */ (scope); s; s = s.parent) {
    if (s.classBody) return `${s.vars.get('__qualname__')}.`;
    if (s.fn) return `${s.fn.qualname}.<locals>.`;
  }
  return '';
}

/** @param {string} s */
function asciiRepr(s) {
  return [...s]
    .map((ch) => {
      const code = /** @type {number} */ (ch.codePointAt(0));
      if (code < 0x80) return ch;
      if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
      if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
      return `\\U${code.toString(16).padStart(8, '0')}`;
    })
    .join('');
}

/** @param {string} op @param {Value} a @param {Value} b @returns {Value} */
function compareOp(op, a, b) {
  switch (op) {
    case 'is':
      return identical(a, b);
    case 'is not':
      return !identical(a, b);
    case 'in':
      return contains(b, a);
    case 'not in':
      return !contains(b, a);
    default:
      return compare(op, a, b);
  }
}

/** Python's `is`: the same object (small ints and equal strings are the same object in CPython too). @param {Value} a @param {Value} b */
function identical(a, b) {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b && a >= -5n && a <= 256n;
  return a === b;
}

/**
 * seedlab's wasm API throws JS Errors named after the Python exception, with the library's
 * message: inside the interpreter they are that Python exception.
 * @param {unknown} error
 */
function fromLibrary(error) {
  if (
    error instanceof Error &&
    !(
      error instanceof PyError ||
      error instanceof Unsupported ||
      error instanceof BudgetExceeded ||
      error instanceof PageLimit
    ) &&
    isExceptionName(error.name) &&
    !(typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError)
  ) {
    const converted = new PyError(error.name, error.message);
    return converted;
  }
  return error;
}

/** @param {string} source */
function lastLineEndsWithSemicolon(source) {
  const lines = source
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trimEnd())
    .filter((l) => l !== '');
  return lines.length > 0 && lines[lines.length - 1].endsWith(';');
}

/** @param {PyModule} parent @param {string[]} path @returns {PyModule | null} */
function resolveSubmodule(parent, path) {
  /** @type {Value | undefined} */
  let current = parent;
  for (const part of path) {
    if (!(current instanceof PyModule)) return null;
    current = current.getattr(part);
  }
  return current instanceof PyModule ? current : null;
}

/** Modules people import in seeding code that this page does not provide. */
const KNOWN_MODULES = new Set([
  'pandas',
  'matplotlib',
  'scipy',
  'sklearn',
  'tensorflow',
  'keras',
  'jax',
  'os',
  'sys',
  'time',
  'collections',
  'itertools',
  'functools',
  'statistics',
  'secrets',
  'seaborn',
  'torchvision',
  'torchaudio',
  'torchtext',
  'lightning',
  'pytorch_lightning',
  'transformers',
  'tqdm',
  'PIL',
  'copy',
  'json',
  're',
  'datetime',
  'typing',
  'dataclasses',
  'pathlib',
  'logging',
  'warnings',
  'argparse',
  'operator',
  'string',
  'fractions',
  'decimal',
  'uuid',
  'hashlib',
]);

void attributeError;
void PyBuiltin;

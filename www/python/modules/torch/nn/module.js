// torch.nn.Module as the page runs it: a module's parameters, its child modules and its plain
// attributes (what torch keeps in _parameters, _modules and __dict__), with Module's methods
// (parameters(), named_parameters(), children(), modules(), train(), eval(), apply(), ...),
// attribute rules (assigning a Parameter registers it, a Module adds a child) and repr, ported
// from torch/nn/modules/module.py (BSD-3-Clause).
//
// Each layer is a ModuleKind: its class name and module path, its extra_repr and forward. A class
// of the code that derives from nn.Module (`class Net(nn.Module)`) is a kind too, whose methods,
// forward and extra_repr are the class's own (moduleSubclassing).

import { PyIterator } from '../../../builtins.js';
import { bind } from '../../../classes.js';
import { PyError, typeError, Unsupported } from '../../../errors.js';
import { PyBoundMethod, PyCallable, PyTuple, PyType } from '../../../objects.js';
import { keyErrorFor, str, truthy } from '../../../ops.js';
import { DType, float32, float64 } from '../dtypes.js';
import { DeviceObject } from '../random.js';
import { castTensor, Tensor } from '../tensor.js';
import { Parameter, torchTypename } from './parameter.js';
import { pyBind } from './pyargs.js';
import { loadStateDict, stateDict } from './state.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */

/**
 * A kind of module: what a class of torch.nn adds to Module.
 * @typedef {{
 *   name: string,
 *   path: string,
 *   type?: PyType,
 *   extraRepr?: (m: NNModule) => string,
 *   forward?: (m: NNModule, input: Value, interp: any) => Value,
 *   methods?: Record<string, ModuleMethod>,
 *   forwardParams?: string[],
 *   cls?: import('../../../classes.js').PyClass,
 * }} ModuleKind
 *   name: the class name ('Linear'); path: its module ('torch.nn.modules.linear');
 *   forwardParams: forward's parameters after self (['input'] unless given);
 *   cls: the class of the code this kind is (its attributes come before Module's)
 */

/** @typedef {(m: NNModule, args: Value[], kwargs: Kwargs, interp: any) => Value} ModuleMethod */

export class NNModule extends PyCallable {
  /** @param {ModuleKind} kind */
  constructor(kind) {
    super();
    this.kind = kind;
    /** _parameters @type {Map<string, Parameter | null>} */
    this.params = new Map();
    /** _buffers @type {Map<string, Tensor | null>} */
    this.buffers = new Map();
    /** _non_persistent_buffers_set: buffers that state_dict() leaves out @type {Set<string>} */
    this.nonPersistent = new Set();
    /** _modules @type {Map<string, NNModule | null>} */
    this.children = new Map();
    /** __dict__: `training` and the module's plain attributes @type {Map<string, Value>} */
    this.dict = new Map([['training', true]]);
    /** false for a subclass's instance until Module.__init__ has run */
    this.initialized = true;
  }

  /** @override */
  get typeName() {
    return this.kind.name;
  }

  pyType() {
    return /** @type {PyType} */ (this.kind.type);
  }

  get training() {
    return this.dict.get('training') === true;
  }

  /** @override */
  repr() {
    const cls = this.kind.cls;
    const own = cls?.lookup('__repr__');
    if (cls && own !== undefined) {
      const r = cls.interp.call(bind(own, this, cls), []);
      if (typeof r !== 'string') throw typeError(`__repr__ returned non-string (type ${typeof r})`);
      return r;
    }
    return moduleRepr(this);
  }

  /** Attribute lookup: __dict__, then the class's methods, then Module.__getattr__. @param {string} name @override */
  getattr(name) {
    if (this.dict.has(name)) return /** @type {Value} */ (this.dict.get(name));
    if (name === '__class__') return this.pyType();
    const cls = this.kind.cls;
    const own = cls?.lookup(name);
    if (cls && own !== undefined) return bind(own, this, cls);
    const method = this.kind.methods?.[name] ?? MODULE_METHODS[name];
    if (method) {
      return new PyBoundMethod(
        this,
        name,
        (args, kwargs, interp) => method(this, args, kwargs, interp),
        this.kind.name,
      );
    }
    if (this.params.has(name)) return /** @type {Value} */ (this.params.get(name));
    if (this.buffers.has(name)) return /** @type {Value} */ (this.buffers.get(name));
    if (this.children.has(name)) return /** @type {Value} */ (this.children.get(name));
    return undefined;
  }

  /** Module.__setattr__. @param {string} name @param {Value} value @override */
  setattr(name, value) {
    if (!this.initialized && (value instanceof Parameter || value instanceof NNModule)) {
      throw new PyError(
        'AttributeError',
        `cannot assign ${value instanceof Parameter ? 'parameters' : 'module'} before Module.__init__() call`,
      );
    }
    if (value instanceof Parameter) {
      this.dict.delete(name);
      this.buffers.delete(name);
      this.children.delete(name);
      this.params.set(name, value);
    } else if (this.params.has(name)) {
      if (value !== null) {
        throw typeError(
          `cannot assign '${torchTypename(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`,
        );
      }
      this.params.set(name, null);
    } else if (value instanceof NNModule) {
      this.dict.delete(name);
      this.params.delete(name);
      this.buffers.delete(name);
      this.children.set(name, value);
    } else if (this.children.has(name)) {
      if (value !== null) {
        throw typeError(
          `cannot assign '${torchTypename(value)}' as child module '${name}' (torch.nn.Module or None expected)`,
        );
      }
      this.children.set(name, null);
    } else if (this.buffers.has(name)) {
      if (value !== null && !(value instanceof Tensor)) {
        throw typeError(
          `cannot assign '${torchTypename(value)}' as buffer '${name}' (torch.nn.Buffer, torch.Tensor or None expected)`,
        );
      }
      this.buffers.set(name, value);
    } else {
      this.dict.set(name, value);
    }
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return UNSUPPORTED_MODULE_ATTRIBUTES.has(name)
      ? new Unsupported(`nn.Module.${name}`)
      : undefined;
  }

  /**
   * module(input): forward (no hooks here).
   * @param {Value[]} args @param {Kwargs} kwargs @param {any} interp @override
   */
  call(args, kwargs, interp) {
    return callForward(this, args, kwargs, interp);
  }
}

/** Module methods the page does not implement. */
const UNSUPPORTED_MODULE_ATTRIBUTES = new Set([
  'register_forward_hook',
  'register_forward_pre_hook',
  'register_full_backward_hook',
  'register_backward_hook',
  'get_submodule',
  'get_parameter',
  'cuda',
  'half',
  'bfloat16',
  'type',
  'share_memory',
  'compile',
  'to_empty',
  'parameters_to_vector',
]);

/** self.forward(*args, **kwargs), bound as Python binds it. @param {NNModule} m @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
function callForward(m, args, kwargs, interp) {
  const cls = m.kind.cls;
  const own = cls?.lookup('forward');
  if (cls && own !== undefined) return interp.call(bind(own, m, cls), args, kwargs);
  const forward = m.kind.forward;
  if (!forward) {
    throw new PyError(
      'NotImplementedError',
      `Module [${m.kind.name}] is missing the required "forward" function`,
    );
  }
  const params = m.kind.forwardParams ?? ['input'];
  const a = pyBind(`${m.kind.name}.forward`, ['self', ...params], [m, ...args], kwargs);
  return forward(m, a.input, interp);
}

// --- repr ------------------------------------------------------------------------------------

/** _addindent: indents every line after the first (blank lines stay empty). @param {string} s @param {number} n */
function addIndent(s, n) {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const [first, ...rest] = lines;
  return [first, ...rest.map((l) => (l.trim() ? ' '.repeat(n) + l : ''))].join('\n');
}

/** Module.__repr__ @param {NNModule} m */
export function moduleRepr(m) {
  const extra = m.kind.extraRepr?.(m) ?? '';
  const extraLines = extra ? extra.split('\n') : [];
  const childLines = [...m.children].map(
    ([key, child]) => `(${key}): ${addIndent(child === null ? 'None' : moduleRepr(child), 2)}`,
  );
  const lines = [...extraLines, ...childLines];
  let main = `${m.kind.name}(`;
  if (lines.length > 0) {
    if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
    else main += `\n  ${lines.join('\n  ')}\n`;
  }
  return `${main})`;
}

// --- traversal -------------------------------------------------------------------------------

/**
 * named_modules(memo, prefix, remove_duplicate)
 * @param {NNModule} m @param {Set<NNModule>} memo @param {string} prefix @param {boolean} dedupe
 * @param {[string, NNModule][]} out
 */
function namedModules(m, memo, prefix, dedupe, out = []) {
  if (memo.has(m)) return out;
  if (dedupe) memo.add(m);
  out.push([prefix, m]);
  for (const [name, child] of m.children) {
    if (child === null) continue;
    namedModules(child, memo, prefix + (prefix ? '.' : '') + name, dedupe, out);
  }
  return out;
}

/**
 * _named_members over parameters (or buffers).
 * @param {NNModule} m @param {string} prefix @param {boolean} recurse @param {boolean} dedupe
 * @param {'params' | 'buffers'} [which]
 * @returns {[string, Tensor][]}
 */
export function namedParameters(m, prefix = '', recurse = true, dedupe = true, which = 'params') {
  const memo = new Set();
  const modules = recurse ? namedModules(m, new Set(), prefix, dedupe) : [[prefix, m]];
  /** @type {[string, Tensor][]} */
  const out = [];
  for (const [modulePrefix, module] of /** @type {[string, NNModule][]} */ (modules)) {
    for (const [k, v] of module[which]) {
      if (v === null || memo.has(v)) continue;
      if (dedupe) memo.add(v);
      out.push([modulePrefix + (modulePrefix ? '.' : '') + k, v]);
    }
  }
  return out;
}

/** named_children() @param {NNModule} m @returns {[string, NNModule][]} */
function namedChildren(m) {
  const memo = new Set();
  /** @type {[string, NNModule][]} */
  const out = [];
  for (const [name, child] of m.children) {
    if (child !== null && !memo.has(child)) {
      memo.add(child);
      out.push([name, child]);
    }
  }
  return out;
}

/** A Python generator over precomputed items: <generator object Module.parameters at 0x...>. */
class ModuleGenerator extends PyIterator {
  /** @param {string} qualname @param {Value[]} items */
  constructor(qualname, items) {
    super('generator', items[Symbol.iterator]());
    this.qualname = qualname;
  }

  /** @override */
  repr() {
    return `<generator object ${this.qualname} at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }
}

/** @param {[string, Value][]} pairs */
const tuples = (pairs) => pairs.map(([k, v]) => new PyTuple([k, v]));

/** Module.train(mode) @param {NNModule} m @param {Value} mode */
function train(m, mode) {
  if (typeof mode !== 'boolean')
    throw new PyError('ValueError', 'training mode is expected to be boolean');
  m.dict.set('training', mode);
  for (const [, child] of namedChildren(m)) train(child, mode);
  return m;
}

/**
 * Module._apply for dtype conversions: each parameter gets new data of the dtype (same object,
 * as torch keeps parameters on conversion).
 * @param {NNModule} m @param {import('../dtypes.js').DType} dtype
 */
function convertParameters(m, dtype) {
  const tensors = [...namedParameters(m), ...namedParameters(m, '', true, true, 'buffers')];
  for (const [, p] of tensors) {
    if (!p.dtype.isFloating || p.dtype === dtype) continue;
    const converted = castTensor(p, dtype);
    p.storage = converted.storage;
    p.dtype = dtype;
  }
  return m;
}

/** module.to(...): a device ('cpu') and/or a floating dtype. @param {NNModule} m @param {Value[]} args @param {Kwargs} kwargs */
function moduleTo(m, args, kwargs) {
  for (const v of [...args, ...kwargs.values()]) {
    if (v === 'cpu' || (v instanceof DeviceObject && v.type === 'cpu') || typeof v === 'boolean')
      continue;
    if (v instanceof DType) {
      if (!v.isFloating) {
        throw new PyError(
          'TypeError',
          `nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=${v.repr()}`,
        );
      }
      convertParameters(m, v);
      continue;
    }
    throw new Unsupported(`nn.Module.to(${typeof v === 'string' ? `'${v}'` : '...'})`);
  }
  return m;
}

/**
 * parameters() and named_parameters(), or buffers() and named_buffers(): generators over a
 * module's (and by default its descendants') tensors of that kind, each shared one listed once.
 * @param {'parameters' | 'buffers'} kind @param {'params' | 'buffers'} field  the NNModule map
 * @returns {Record<string, ModuleMethod>}
 */
function memberMethods(kind, field) {
  const named = `named_${kind}`;
  return {
    [kind](m, args, kwargs) {
      const a = pyBind(`Module.${kind}`, ['self', ['recurse', true]], [m, ...args], kwargs);
      const items = namedParameters(m, '', truthy(a.recurse), true, field).map(([, t]) => t);
      return new ModuleGenerator(`Module.${kind}`, items);
    },
    [named](m, args, kwargs) {
      const a = pyBind(
        `Module.${named}`,
        ['self', ['prefix', ''], ['recurse', true], ['remove_duplicate', true]],
        [m, ...args],
        kwargs,
      );
      const pairs = namedParameters(
        m,
        String(a.prefix),
        truthy(a.recurse),
        truthy(a.remove_duplicate),
        field,
      );
      return new ModuleGenerator(`Module.${named}`, tuples(pairs));
    },
  };
}

/** The methods every module has. @type {Record<string, ModuleMethod>} */
const MODULE_METHODS = {
  ...memberMethods('parameters', 'params'),
  children(m, args, kwargs) {
    pyBind('Module.children', ['self'], [m, ...args], kwargs);
    return new ModuleGenerator(
      'Module.children',
      namedChildren(m).map(([, c]) => c),
    );
  },
  named_children(m, args, kwargs) {
    pyBind('Module.named_children', ['self'], [m, ...args], kwargs);
    return new ModuleGenerator('Module.named_children', tuples(namedChildren(m)));
  },
  modules(m, args, kwargs) {
    const a = pyBind('Module.modules', ['self', ['remove_duplicate', true]], [m, ...args], kwargs);
    const items = namedModules(m, new Set(), '', truthy(a.remove_duplicate)).map(([, x]) => x);
    return new ModuleGenerator('Module.modules', items);
  },
  named_modules(m, args, kwargs) {
    const a = pyBind(
      'Module.named_modules',
      ['self', ['memo', null], ['prefix', ''], ['remove_duplicate', true]],
      [m, ...args],
      kwargs,
    );
    if (a.memo !== null) throw new Unsupported('named_modules(memo=...)');
    const pairs = namedModules(m, new Set(), String(a.prefix), truthy(a.remove_duplicate));
    return new ModuleGenerator('Module.named_modules', tuples(pairs));
  },
  train(m, args, kwargs) {
    const a = pyBind('Module.train', ['self', ['mode', true]], [m, ...args], kwargs);
    return train(m, a.mode);
  },
  eval(m, args, kwargs) {
    pyBind('Module.eval', ['self'], [m, ...args], kwargs);
    return train(m, false);
  },
  forward(m, args, kwargs, interp) {
    return callForward(m, args, kwargs, interp);
  },
  extra_repr(m, args, kwargs) {
    pyBind(`${m.kind.name}.extra_repr`, ['self'], [m, ...args], kwargs);
    return m.kind.extraRepr?.(m) ?? '';
  },
  ...moreModuleMethods(),
};

/** requires_grad_, zero_grad, apply, add_module, register_parameter, float/double/to/cpu. @returns {Record<string, ModuleMethod>} */
function moreModuleMethods() {
  return {
    requires_grad_(m, args, kwargs, interp) {
      const a = pyBind(
        'Module.requires_grad_',
        ['self', ['requires_grad', true]],
        [m, ...args],
        kwargs,
      );
      for (const [, p] of namedParameters(m)) {
        interp.call(p.getattr('requires_grad_'), [a.requires_grad]);
      }
      return m;
    },
    zero_grad(m, args, kwargs) {
      pyBind('Module.zero_grad', ['self', ['set_to_none', true]], [m, ...args], kwargs);
      return null;
    },
    apply(m, args, kwargs, interp) {
      const a = pyBind('Module.apply', ['self', 'fn'], [m, ...args], kwargs);
      for (const [, child] of namedChildren(m))
        MODULE_METHODS.apply(child, [a.fn], new Map(), interp);
      interp.call(a.fn, [m]);
      return m;
    },
    add_module(m, args, kwargs) {
      const a = pyBind('Module.add_module', ['self', 'name', 'module'], [m, ...args], kwargs);
      addModule(m, a.name, a.module);
      return null;
    },
    register_parameter(m, args, kwargs) {
      const a = pyBind(
        'Module.register_parameter',
        ['self', 'name', 'param'],
        [m, ...args],
        kwargs,
      );
      if (a.param !== null && !(a.param instanceof Parameter)) {
        throw typeError(
          `cannot assign '${torchTypename(a.param)}' object to parameter '${a.name}' (torch.nn.Parameter or None required)`,
        );
      }
      m.params.set(String(a.name), a.param);
      return null;
    },
    float: (m, args, kwargs) => {
      pyBind('Module.float', ['self'], [m, ...args], kwargs);
      return convertParameters(m, float32);
    },
    double: (m, args, kwargs) => {
      pyBind('Module.double', ['self'], [m, ...args], kwargs);
      return convertParameters(m, float64);
    },
    cpu: (m, args, kwargs) => {
      pyBind('Module.cpu', ['self'], [m, ...args], kwargs);
      return m;
    },
    to: (m, args, kwargs) => moduleTo(m, args, kwargs),
    state_dict: stateDict,
    ...bufferMethods(),
    load_state_dict: loadStateDict,
  };
}

/** buffers, named_buffers, register_buffer. @returns {Record<string, ModuleMethod>} */
function bufferMethods() {
  return {
    ...memberMethods('buffers', 'buffers'),
    register_buffer(m, args, kwargs) {
      const a = pyBind(
        'Module.register_buffer',
        ['self', 'name', 'tensor', ['persistent', true]],
        [m, ...args],
        kwargs,
      );
      if (a.tensor !== null && !(a.tensor instanceof Tensor)) {
        throw typeError(
          `cannot assign '${torchTypename(a.tensor)}' object to buffer '${a.name}' (torch Tensor or None required)`,
        );
      }
      m.buffers.set(String(a.name), a.tensor);
      if (truthy(a.persistent)) m.nonPersistent.delete(String(a.name));
      else m.nonPersistent.add(String(a.name));
      return null;
    },
  };
}

/** Module.add_module's checks, then the child. @param {NNModule} m @param {Value} name @param {Value} module */
export function addModule(m, name, module) {
  if (!(module instanceof NNModule) && module !== null) {
    throw typeError(`${torchTypename(module)} is not a Module subclass`);
  }
  if (typeof name !== 'string') {
    throw typeError(`module name should be a string. Got ${torchTypename(name)}`);
  }
  if (m.getattr(name) !== undefined && !m.children.has(name)) {
    throw keyErrorFor(`attribute '${name}' already exists`);
  }
  if (name.includes('.')) throw keyErrorFor(`module name can't contain ".", got: ${name}`);
  if (name === '') throw keyErrorFor('module name can\'t be empty string ""');
  m.children.set(name, module);
}

/**
 * The class of a kind of module: calling it makes one, isinstance tests it.
 * @param {ModuleKind} kind
 * @param {(args: Value[], kwargs: Kwargs, interp: any) => NNModule} construct
 */
export function moduleType(kind, construct) {
  kind.type = new PyType(
    `${kind.path}.${kind.name}`,
    construct,
    (v) => v instanceof NNModule && (kind.name === 'Module' || v.kind === kind),
  );
  return kind.type;
}

/**
 * What a class of the code inherits from nn.Module: its instances are modules of a kind of their
 * own (named after the class, '__main__' as module path), Module.__init__ (torch's checks of its
 * arguments), and Module's methods for super().name.
 * @returns {import('../../../classes.js').Subclassing}
 */
export function moduleSubclassing() {
  /** @type {WeakMap<object, ModuleKind>} */
  const kinds = new WeakMap();
  return {
    instance(cls) {
      let kind = kinds.get(cls);
      if (!kind) {
        kind = {
          name: cls.shortName,
          path: '__main__',
          type: cls,
          cls,
          extraRepr: (m) => {
            const own = cls.lookup('extra_repr');
            return own === undefined ? '' : str(cls.interp.call(bind(own, m, cls), []));
          },
        };
        kinds.set(cls, kind);
      }
      const m = new NNModule(kind);
      m.initialized = false;
      return m;
    },
    init(self, args, kwargs) {
      const m = /** @type {NNModule} */ (self);
      if (kwargs.size > 0) {
        throw typeError(
          `${m.kind.name}.__init__() got an unexpected keyword argument '${[...kwargs.keys()][0]}'`,
        );
      }
      if (args.length > 0) {
        throw typeError(
          `${m.kind.name}.__init__() takes 1 positional argument but ${args.length + 1} were given`,
        );
      }
      m.initialized = true;
      return null;
    },
    attr(self, name) {
      const m = /** @type {NNModule} */ (self);
      const method = MODULE_METHODS[name];
      if (!method) return undefined;
      return new PyBoundMethod(
        m,
        name,
        (args, kwargs, interp) => method(m, args, kwargs, interp),
        m.kind.name,
      );
    },
  };
}

// Python's values as the interpreter holds them.
//
//   None -> null    bool -> true/false    int -> bigint    float -> number    str -> string
//
// Everything else is an instance of PyObject (below) or of a library's subclass of it
// (numpy.ndarray, torch.Tensor, ...). A PyObject answers the protocols the interpreter needs —
// repr/str, attribute access, calling, indexing, iteration, arithmetic, comparison, hashing —
// by overriding the methods here; a method it does not override means Python's TypeError.

import { PyError } from './errors.js';

/**
 * A Python value.
 * @typedef {null | boolean | bigint | number | string | PyObject} Value
 * @typedef {Map<string, Value>} Kwargs  keyword arguments, in the order given
 */

/** Returned by binop/compare when an operand does not handle the other (Python's NotImplemented). */
export const NotImplemented = Symbol('NotImplemented');

let nextId = 1;

export class PyObject {
  constructor() {
    /** identity, for `is`, hashing and the default repr */
    this.id = nextId++;
  }

  /** The Python type's name as error messages show it: 'list', 'numpy.ndarray' shows 'ndarray'. */
  get typeName() {
    return 'object';
  }

  /** repr(self) */
  repr() {
    return `<${this.typeName} object at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
  }

  /** str(self) */
  str() {
    return this.repr();
  }

  /**
   * The attribute `name`, or undefined when there is none (the caller raises AttributeError).
   * @param {string} name @returns {Value | undefined}
   */
  getattr(name) {
    void name;
    return undefined;
  }

  /** @param {string} name @param {Value} value */
  setattr(name, value) {
    void value;
    throw new PyError('AttributeError', `'${this.typeName}' object has no attribute '${name}'`);
  }

  /** Truth value (Python's bool(self)); objects are true unless they say otherwise. */
  bool() {
    return true;
  }

  /** A key for dicts and sets: objects equal under == must give equal keys. */
  hashKey() {
    return `o:${this.id}`;
  }
}

/** An object callable from Python code. */
export class PyCallable extends PyObject {
  /**
   * @param {Value[]} args @param {Kwargs} kwargs
   * @param {import('./interpreter.js').Interpreter} interp
   * @returns {Value}
   */
  call(args, kwargs, interp) {
    void args;
    void kwargs;
    void interp;
    throw new PyError('TypeError', `'${this.typeName}' object is not callable`);
  }
}

/** A function implemented in JS: builtins and library functions. */
export class PyBuiltin extends PyCallable {
  /**
   * @param {string} name  as Python shows it ('randn', 'print')
   * @param {(args: Value[], kwargs: Kwargs, interp: import('./interpreter.js').Interpreter) => Value} impl
   * @param {string} [qualname]  for the repr, e.g. 'RandomState.randn'
   */
  constructor(name, impl, qualname = name) {
    super();
    this.name = name;
    this.impl = impl;
    this.qualname = qualname;
  }

  /** @override */
  get typeName() {
    return 'builtin_function_or_method';
  }

  /** @override */
  repr() {
    return `<built-in function ${this.name}>`;
  }

  /**
   * @param {Value[]} args @param {Kwargs} kwargs @param {any} interp
   * @override
   */
  call(args, kwargs, interp) {
    return this.impl(args, kwargs, interp);
  }

  /**
   * @param {string} name
   * @override
   */
  getattr(name) {
    if (name === '__name__') return this.name;
    if (name === '__qualname__') return this.qualname;
    return undefined;
  }
}

/** A Python module: a namespace of attributes. */
export class PyModule extends PyObject {
  /**
   * @param {string} name
   * @param {Record<string, Value>} [attrs]
   * @param {Iterable<string>} [knownNames]  names the real module has that this one lacks:
   *   using one is reported as unsupported rather than as an AttributeError
   */
  constructor(name, attrs = {}, knownNames = []) {
    super();
    this.name = name;
    /** @type {Map<string, Value>} */
    this.attrs = new Map(Object.entries(attrs));
    this.knownNames = new Set(knownNames);
  }

  /** @override */
  get typeName() {
    return 'module';
  }

  /** @override */
  repr() {
    return `<module '${this.name}'>`;
  }

  /**
   * @param {string} name
   * @override
   */
  getattr(name) {
    if (name === '__name__') return this.name;
    return this.attrs.get(name);
  }

  /**
   * @param {string} name @param {Value} value
   * @override
   */
  setattr(name, value) {
    this.attrs.set(name, value);
  }
}

/** list */
export class PyList extends PyObject {
  /** @param {Value[]} [items] */
  constructor(items = []) {
    super();
    this.items = items;
  }

  /** @override */
  get typeName() {
    return 'list';
  }

  /** @override */
  bool() {
    return this.items.length > 0;
  }
}

/** tuple */
export class PyTuple extends PyObject {
  /** @param {Value[]} [items] */
  constructor(items = []) {
    super();
    this.items = items;
  }

  /** @override */
  get typeName() {
    return 'tuple';
  }

  /** @override */
  bool() {
    return this.items.length > 0;
  }

  /**
   * A tuple of this one's type with other items: what slicing, + and * return. Subclasses
   * (torch.Size) return their own type, and give their own repr().
   * @param {Value[]} items
   */
  derive(items) {
    return new PyTuple(items);
  }
}

/** dict: insertion-ordered, keyed by hashKey. */
export class PyDict extends PyObject {
  constructor() {
    super();
    /** @type {Map<string, [Value, Value]>} */
    this.map = new Map();
  }

  /** @override */
  get typeName() {
    return 'dict';
  }

  /** @override */
  bool() {
    return this.map.size > 0;
  }
}

/** set */
export class PySet extends PyObject {
  /** @param {boolean} [frozen] */
  constructor(frozen = false) {
    super();
    /** @type {Map<string, Value>} */
    this.map = new Map();
    this.frozen = frozen;
  }

  /** @override */
  get typeName() {
    return this.frozen ? 'frozenset' : 'set';
  }

  /** @override */
  bool() {
    return this.map.size > 0;
  }
}

/** range(start, stop, step) */
export class PyRange extends PyObject {
  /** @param {bigint} start @param {bigint} stop @param {bigint} step */
  constructor(start, stop, step) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /** @override */
  get typeName() {
    return 'range';
  }

  get length() {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
    return start > stop ? (start - stop - step - 1n) / -step : 0n;
  }

  /** @override */
  repr() {
    const step = this.step === 1n ? '' : `, ${this.step}`;
    return `range(${this.start}, ${this.stop}${step})`;
  }

  /** @override */
  bool() {
    return this.length > 0n;
  }
}

/** slice(start, stop, step) */
export class PySlice extends PyObject {
  /** @param {Value} start @param {Value} stop @param {Value} step */
  constructor(start, stop, step) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /** @override */
  get typeName() {
    return 'slice';
  }
}

/** The Ellipsis singleton, `...` */
export class PyEllipsis extends PyObject {
  /** @override */
  get typeName() {
    return 'ellipsis';
  }

  /** @override */
  repr() {
    return 'Ellipsis';
  }
}
export const Ellipsis = new PyEllipsis();

/** A method bound to its object: `rng.randn` before it is called. */
export class PyBoundMethod extends PyCallable {
  /**
   * @param {Value} self @param {string} name
   * @param {(args: Value[], kwargs: Kwargs, interp: any) => Value} impl
   * @param {string} [ownerName] the class name for the repr
   */
  constructor(self, name, impl, ownerName) {
    super();
    this.self = self;
    this.name = name;
    this.impl = impl;
    this.ownerName = ownerName;
  }

  /** @override */
  get typeName() {
    return 'builtin_function_or_method';
  }

  /** @override */
  repr() {
    return `<built-in method ${this.name} of ${this.ownerName ?? 'object'} object>`;
  }

  /**
   * @param {Value[]} args @param {Kwargs} kwargs @param {any} interp
   * @override
   */
  call(args, kwargs, interp) {
    return this.impl(args, kwargs, interp);
  }
}

/**
 * A JS-implemented class whose instances come from calling it: `np.random.RandomState`,
 * `torch.Generator`. `isinstance` checks use `test`.
 */
export class PyType extends PyCallable {
  /**
   * @param {string} name  as repr shows it, e.g. 'numpy.random.mtrand.RandomState'
   * @param {(args: Value[], kwargs: Kwargs, interp: any) => Value} construct
   * @param {(value: Value) => boolean} test  isinstance(value, this)
   * @param {Record<string, Value>} [attrs]  class attributes
   */
  constructor(name, construct, test, attrs = {}) {
    super();
    this.name = name;
    this.construct = construct;
    this.test = test;
    this.attrs = new Map(Object.entries(attrs));
  }

  /** @override */
  get typeName() {
    return 'type';
  }

  get shortName() {
    return this.name.slice(this.name.lastIndexOf('.') + 1);
  }

  /** @override */
  repr() {
    return `<class '${this.name}'>`;
  }

  /**
   * @param {Value[]} args @param {Kwargs} kwargs @param {any} interp
   * @override
   */
  call(args, kwargs, interp) {
    return this.construct(args, kwargs, interp);
  }

  /**
   * @param {string} name
   * @override
   */
  getattr(name) {
    if (name === '__name__') return this.shortName;
    return this.attrs.get(name);
  }
}

// Classes defined in the code: `class Name(bases): body`. A class is a PyType whose namespace is
// the body's names; its method resolution order is C3's, as Python's; calling it makes an
// instance and runs __init__. Instances keep their attributes in a __dict__, find methods in
// their class, and answer Python's protocols (repr, len, [ ], iteration, calling, operators)
// through the special methods their class defines. super(), property, staticmethod and
// classmethod work as in Python.
//
// A class may derive from a library class that allows it (a PyType with `subclassing`): then
// that class makes the instance (torch.nn.Module subclasses are modules, with parameters and
// children), runs its own __init__ when super().__init__() reaches it, and lends its methods.

import { BUILTIN_TYPES } from './builtin-types.js';
import { PyError, typeError, Unsupported } from './errors.js';
import { PyFunction } from './interpreter.js';
import {
  NotImplemented,
  PyBuiltin,
  PyCallable,
  PyDict,
  PyObject,
  PyTuple,
  PyType,
} from './objects.js';
import { compare, hashKey, iterate, repr, str, toIndex, truthy, typeName } from './ops.js';

/** @typedef {import('./objects.js').Value} Value */
/** @typedef {import('./objects.js').Kwargs} Kwargs */

/**
 * What a library class lets a class of the code inherit.
 * @typedef {{
 *   instance: (cls: PyClass, interp: any) => PyObject,
 *   init: (self: Value, args: Value[], kwargs: Kwargs, interp: any) => Value,
 *   attr?: (self: Value, name: string) => Value | undefined,
 * }} Subclassing
 *   instance: a new, uninitialised instance of a subclass; init: the class's own __init__;
 *   attr: the class's own attributes (its methods, bound to self), for super().name
 */

/**
 * Lets the code subclass a library class: `class Net(nn.Module)`. Also gives the class an
 * `__init__` attribute, for the older `nn.Module.__init__(self)` style.
 * @param {PyType} type @param {Subclassing} subclassing
 */
export function allowSubclassing(type, subclassing) {
  /** @type {any} */ (type).subclassing = subclassing;
  type.attrs.set(
    '__init__',
    new PyBuiltin('__init__', (args, kwargs, interp) => {
      if (args.length === 0)
        throw typeError(`descriptor '__init__' of '${type.shortName}' object needs an argument`);
      return subclassing.init(args[0], args.slice(1), kwargs, interp);
    }),
  );
}

/** `object` as a base: instances with a __dict__ and nothing else. @type {Subclassing} */
export const PLAIN_SUBCLASSING = {
  instance: (cls) => new PyInstance(cls),
  init(_self, args, kwargs) {
    if (args.length > 0 || kwargs.size > 0)
      throw typeError('object.__init__() takes exactly one argument (the instance to initialize)');
    return null;
  },
};

allowSubclassing(BUILTIN_TYPES.object, PLAIN_SUBCLASSING);

/** The class of a value when the code defined it, else null. @param {Value} v */
export function userClassOf(v) {
  const t = v instanceof PyObject ? /** @type {any} */ (v).pyType?.() : undefined;
  return t instanceof PyClass ? t : null;
}

/** Whether v is an instance of a class of the code that derives from `cls`. @param {Value} v @param {PyType} cls */
export function inheritsFrom(v, cls) {
  return userClassOf(v)?.mro.includes(cls) ?? false;
}

/** A class defined by a `class` statement. */
export class PyClass extends PyType {
  /**
   * @param {string} qualname  'Net', or 'Outer.Inner' for a nested class
   * @param {Value[]} bases
   * @param {Map<string, Value>} namespace  the class body's names
   * @param {any} interp  the interpreter that runs the class's methods
   */
  constructor(qualname, bases, namespace, interp) {
    super(
      `__main__.${qualname}`,
      (args, kwargs, i) => this.instantiate(args, kwargs, i),
      (v) => inheritsFrom(v, this),
    );
    this.qualname = qualname;
    this.namespace = namespace;
    this.interp = interp;
    const object = BUILTIN_TYPES.object;
    for (const base of bases) {
      if (!(base instanceof PyType)) {
        throw typeError(`bases must be types, not ${typeName(base)}`);
      }
      if (!(base instanceof PyClass) && !(/** @type {any} */ (base).subclassing)) {
        throw new Unsupported(`a class deriving from ${base.name}`);
      }
    }
    /** @type {PyType[]} */
    this.bases = bases.length > 0 ? /** @type {PyType[]} */ (bases) : [object];
    /** @type {PyType[]} the method resolution order, this class first */
    this.mro = linearise(this);
    /** the library class that makes this class's instances (object if none) */
    this.native = /** @type {PyType & { subclassing: Subclassing }} */ (
      this.mro.find((c) => !(c instanceof PyClass) && /** @type {any} */ (c).subclassing) ?? object
    );
  }

  /** @override */
  get shortName() {
    return this.qualname.slice(this.qualname.lastIndexOf('.') + 1);
  }

  /**
   * A class attribute found along the MRO, with the class that defines it.
   * @param {string} name @returns {Value | undefined}
   */
  lookup(name) {
    for (const c of this.mro) {
      if (c instanceof PyClass && c.namespace.has(name)) return c.namespace.get(name);
    }
    return undefined;
  }

  /** Calling the class: a new instance, then __init__. @param {Value[]} args @param {Kwargs} kwargs @param {any} interp */
  instantiate(args, kwargs, interp) {
    const instance = this.native.subclassing.instance(this, interp);
    const init = this.lookup('__init__');
    if (init !== undefined) {
      const result = interp.call(bind(init, instance, this), args, kwargs);
      if (result !== null)
        throw typeError(`__init__() should return None, not '${typeName(result)}'`);
    } else if (this.native === BUILTIN_TYPES.object) {
      if (args.length > 0 || kwargs.size > 0)
        throw typeError(`${this.shortName}() takes no arguments`);
    } else {
      this.native.subclassing.init(instance, args, kwargs, interp);
    }
    return instance;
  }

  /** @param {string} name @override */
  getattr(name) {
    switch (name) {
      case '__name__':
        return this.shortName;
      case '__qualname__':
        return this.qualname;
      case '__module__':
        return '__main__';
      case '__doc__':
        return this.lookup('__doc__') ?? null;
      case '__bases__':
        return new PyTuple(this.bases);
      case '__mro__':
        return new PyTuple(this.mro);
      default: {
        const value = this.lookup(name);
        if (value instanceof PyClassMethod) return new PyMethod(value.fn, this);
        if (value instanceof PyStaticMethod) return value.fn;
        if (value !== undefined) return value;
        for (const c of this.mro) {
          if (!(c instanceof PyClass)) {
            const v = c.getattr(name);
            if (v !== undefined) return v;
          }
        }
        return undefined;
      }
    }
  }

  /** @param {string} name @param {Value} value @override */
  setattr(name, value) {
    this.namespace.set(name, value);
  }
}

/**
 * C3 linearisation of a class's bases (Python's MRO), with TypeError when there is none.
 * @param {PyClass} cls @returns {PyType[]}
 */
function linearise(cls) {
  /** @param {PyType} c @returns {PyType[]} */
  const mroOf = (c) => (c instanceof PyClass ? [...c.mro] : [c]);
  const sequences = [...cls.bases.map(mroOf), [...cls.bases]];
  /** @type {PyType[]} */
  const out = [cls];
  for (;;) {
    const rest = sequences.filter((s) => s.length > 0);
    if (rest.length === 0) break;
    const head = rest
      .map((s) => s[0])
      .find((candidate) => !rest.some((s) => s.indexOf(candidate) > 0));
    if (!head) {
      throw typeError(
        `Cannot create a consistent method resolution order (MRO) for bases ${cls.bases.map((b) => /** @type {any} */ (b).shortName).join(', ')}`,
      );
    }
    out.push(head);
    for (const s of rest) if (s[0] === head) s.shift();
  }
  // object ends every MRO; a library base stands for itself and object
  const object = BUILTIN_TYPES.object;
  return [...out.filter((c) => c !== object), object];
}

/**
 * A class attribute as seen from an instance (or, for classmethods, the class): functions become
 * bound methods, properties call their getter.
 * @param {Value} value @param {Value} self @param {PyClass} cls
 */
export function bind(value, self, cls) {
  if (value instanceof PyFunction) return new PyMethod(value, self);
  if (value instanceof PyStaticMethod) return value.fn;
  if (value instanceof PyClassMethod) return new PyMethod(value.fn, cls);
  if (value instanceof PyProperty) return value.get(self, cls.interp);
  return value;
}

/** A function bound to its instance: `obj.method`. */
export class PyMethod extends PyCallable {
  /** @param {Value} fn @param {Value} self */
  constructor(fn, self) {
    super();
    this.fn = fn;
    this.self = self;
  }

  /** @override */
  get typeName() {
    return 'method';
  }

  /** @override */
  repr() {
    const name = /** @type {any} */ (this.fn).qualname ?? /** @type {any} */ (this.fn).name;
    return `<bound method ${name} of ${repr(this.self)}>`;
  }

  /** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp @override */
  call(args, kwargs, interp) {
    return interp.call(this.fn, [this.self, ...args], kwargs);
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === '__self__') return this.self;
    if (name === '__func__') return this.fn;
    return /** @type {PyObject} */ (this.fn).getattr(name);
  }
}

/** staticmethod(f) */
export class PyStaticMethod extends PyObject {
  /** @param {Value} fn */
  constructor(fn) {
    super();
    this.fn = fn;
  }

  /** @override */
  get typeName() {
    return 'staticmethod';
  }
}

/** classmethod(f) */
export class PyClassMethod extends PyObject {
  /** @param {Value} fn */
  constructor(fn) {
    super();
    this.fn = fn;
  }

  /** @override */
  get typeName() {
    return 'classmethod';
  }
}

/** property(fget, fset), and its .setter for `@x.setter`. */
export class PyProperty extends PyObject {
  /** @param {Value} fget @param {Value} fset */
  constructor(fget, fset) {
    super();
    this.fget = fget;
    this.fset = fset;
  }

  /** @override */
  get typeName() {
    return 'property';
  }

  /** @param {Value} self @param {any} interp */
  get(self, interp) {
    if (this.fget === null)
      throw new PyError('AttributeError', `property of '${typeName(self)}' object has no getter`);
    return interp.call(this.fget, [self]);
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === 'setter')
      return new PyBuiltin('setter', (args) => new PyProperty(this.fget, args[0] ?? null));
    if (name === 'getter')
      return new PyBuiltin('getter', (args) => new PyProperty(args[0] ?? null, this.fset));
    if (name === 'fget') return this.fget;
    if (name === 'fset') return this.fset;
    return undefined;
  }
}

/** Operators and the special methods that implement them (reflected second). */
const BINARY_METHODS = /** @type {Record<string, [string, string]>} */ ({
  '+': ['__add__', '__radd__'],
  '-': ['__sub__', '__rsub__'],
  '*': ['__mul__', '__rmul__'],
  '/': ['__truediv__', '__rtruediv__'],
  '//': ['__floordiv__', '__rfloordiv__'],
  '%': ['__mod__', '__rmod__'],
  '**': ['__pow__', '__rpow__'],
  '@': ['__matmul__', '__rmatmul__'],
  '&': ['__and__', '__rand__'],
  '|': ['__or__', '__ror__'],
  '^': ['__xor__', '__rxor__'],
  '<<': ['__lshift__', '__rlshift__'],
  '>>': ['__rshift__', '__rrshift__'],
});

/** Comparisons, their special methods, and the reflected operator's. */
const COMPARE_METHODS = /** @type {Record<string, [string, string]>} */ ({
  '==': ['__eq__', '__eq__'],
  '!=': ['__ne__', '__ne__'],
  '<': ['__lt__', '__gt__'],
  '<=': ['__le__', '__ge__'],
  '>': ['__gt__', '__lt__'],
  '>=': ['__ge__', '__le__'],
});

const UNARY_METHODS = /** @type {Record<string, string>} */ ({
  '-': '__neg__',
  '+': '__pos__',
  '~': '__invert__',
  abs: '__abs__',
});

/** An instance of a class of the code whose base is `object` (or a plain library class). */
export class PyInstance extends PyCallable {
  /** @param {PyClass} cls */
  constructor(cls) {
    super();
    this.cls = cls;
    /** __dict__ @type {Map<string, Value>} */
    this.dict = new Map();
  }

  /** @override */
  get typeName() {
    return this.cls.shortName;
  }

  pyType() {
    return this.cls;
  }

  /**
   * Calls the special method `name` if the class defines it; undefined if it does not.
   * @param {string} name @param {Value[]} args @returns {Value | undefined}
   */
  special(name, args = []) {
    const fn = this.cls.lookup(name);
    if (fn === undefined) return undefined;
    return this.cls.interp.call(bind(fn, this, this.cls), args);
  }

  /** @param {string} name @override */
  getattr(name) {
    if (name === '__class__') return this.cls;
    if (name === '__dict__') {
      const d = new PyDict();
      for (const [k, v] of this.dict) d.map.set(hashKey(k), [k, v]);
      return d;
    }
    const attr = this.cls.lookup(name);
    if (attr instanceof PyProperty) return attr.get(this, this.cls.interp);
    if (this.dict.has(name)) return this.dict.get(name);
    if (attr !== undefined) return bind(attr, this, this.cls);
    if (name === '__doc__' || name === '__module__') return this.cls.getattr(name);
    if (this.cls.lookup('__getattr__') !== undefined) return this.special('__getattr__', [name]);
    return undefined;
  }

  /** @param {string} name @param {Value} value @override */
  setattr(name, value) {
    const attr = this.cls.lookup(name);
    if (attr instanceof PyProperty) {
      if (attr.fset === null) {
        throw new PyError(
          'AttributeError',
          `property '${name}' of '${this.typeName}' object has no setter`,
        );
      }
      this.cls.interp.call(attr.fset, [this, value]);
      return;
    }
    this.dict.set(name, value);
  }

  /** @override */
  repr() {
    const r = this.special('__repr__');
    if (r === undefined) {
      return `<__main__.${this.cls.qualname} object at 0x${(0x7f0000000000 + this.id * 16).toString(16)}>`;
    }
    if (typeof r !== 'string')
      throw typeError(`__repr__ returned non-string (type ${typeName(r)})`);
    return r;
  }

  /** @override */
  str() {
    const s = this.special('__str__');
    if (s === undefined) return this.repr();
    if (typeof s !== 'string') throw typeError(`__str__ returned non-string (type ${typeName(s)})`);
    return s;
  }

  /** @param {string} spec */
  format(spec) {
    const f = this.special('__format__', [spec]);
    if (f !== undefined) return str(f);
    if (spec !== '')
      throw typeError(`unsupported format string passed to ${this.typeName}.__format__`);
    return this.str();
  }

  /** @override */
  bool() {
    const b = this.special('__bool__');
    if (b !== undefined) {
      if (typeof b !== 'boolean')
        throw typeError(`__bool__ should return bool, returned ${typeName(b)}`);
      return b;
    }
    if (this.cls.lookup('__len__') !== undefined) return this.len() > 0;
    return true;
  }

  len() {
    const n = this.special('__len__');
    if (n === undefined) throw typeError(`object of type '${this.typeName}' has no len()`);
    const i = toIndex(n, `'${typeName(n)}' object cannot be interpreted as an integer`);
    if (i < 0n) throw new PyError('ValueError', '__len__() should return >= 0');
    return Number(i);
  }

  /** @param {Value} key */
  getitem(key) {
    const v = this.special('__getitem__', [key]);
    if (v === undefined) throw typeError(`'${this.typeName}' object is not subscriptable`);
    return v;
  }

  /** @param {Value} key @param {Value} value */
  setitem(key, value) {
    const v = this.special('__setitem__', [key, value]);
    if (v === undefined)
      throw typeError(`'${this.typeName}' object does not support item assignment`);
  }

  /** iter(obj): __iter__ (then __next__ until StopIteration), or __getitem__ from 0 until IndexError. */
  *iter() {
    if (this.cls.lookup('__iter__') !== undefined) {
      const it = /** @type {Value} */ (this.special('__iter__'));
      if (it instanceof PyInstance) {
        if (it.cls.lookup('__next__') === undefined)
          throw typeError(`iter() returned non-iterator of type '${it.typeName}'`);
        for (;;) {
          const v = it.nextValue();
          if (v === undefined) return;
          yield v;
        }
      }
      yield* iterate(it);
      return;
    }
    if (this.cls.lookup('__getitem__') === undefined)
      throw typeError(`'${this.typeName}' object is not iterable`);
    for (let i = 0n; ; i++) {
      let item;
      try {
        item = this.getitem(i);
      } catch (e) {
        if (e instanceof PyError && e.type === 'IndexError') return;
        throw e;
      }
      yield item;
    }
  }

  /** next(obj): __next__, or undefined at StopIteration. @returns {Value | undefined} */
  nextValue() {
    try {
      const v = this.special('__next__');
      if (v === undefined) throw typeError(`'${this.typeName}' object is not an iterator`);
      return v;
    } catch (e) {
      if (e instanceof PyError && e.type === 'StopIteration') return undefined;
      throw e;
    }
  }

  /** @param {Value} x */
  contains(x) {
    const c = this.special('__contains__', [x]);
    if (c !== undefined) return truthy(c);
    for (const item of this.iter()) {
      if (item === x || truthy(compare('==', item, x))) return true;
    }
    return false;
  }

  /** @param {Value[]} args @param {Kwargs} kwargs @param {any} interp @override */
  call(args, kwargs, interp) {
    const fn = this.cls.lookup('__call__');
    if (fn === undefined) throw typeError(`'${this.typeName}' object is not callable`);
    return interp.call(bind(fn, this, this.cls), args, kwargs);
  }

  isCallable() {
    return this.cls.lookup('__call__') !== undefined;
  }

  /** @param {string} op @param {Value} other @param {boolean} reflected */
  binop(op, other, reflected) {
    const names = BINARY_METHODS[op];
    if (!names) return NotImplemented;
    const r = this.special(names[reflected ? 1 : 0], [other]);
    return r === undefined || r === NOT_IMPLEMENTED ? NotImplemented : r;
  }

  /** @param {string} op @param {Value} other @param {boolean} reflected */
  compare(op, other, reflected) {
    const names = COMPARE_METHODS[op];
    let r = this.special(names[reflected ? 1 : 0], [other]);
    if (r === undefined && op === '!=') {
      const eq = this.special('__eq__', [other]);
      if (eq !== undefined && eq !== NOT_IMPLEMENTED) r = !truthy(eq);
    }
    return r === undefined || r === NOT_IMPLEMENTED ? NotImplemented : r;
  }

  /** @param {string} op */
  unaryop(op) {
    const r = this.special(UNARY_METHODS[op] ?? '');
    return r === undefined ? NotImplemented : r;
  }

  /** @override */
  hashKey() {
    const h = this.cls.lookup('__hash__');
    if (h === null || (h === undefined && this.cls.lookup('__eq__') !== undefined))
      throw typeError(`unhashable type: '${this.typeName}'`);
    if (h === undefined) return super.hashKey();
    return `h${String(this.special('__hash__'))}`;
  }

  /** int(obj) */
  int() {
    const v = this.special('__int__') ?? this.special('__index__');
    if (v === undefined) {
      throw typeError(
        `int() argument must be a string, a bytes-like object or a real number, not '${this.typeName}'`,
      );
    }
    return v;
  }

  /** float(obj) */
  float() {
    const v = this.special('__float__');
    if (v === undefined)
      throw typeError(`float() argument must be a string or a real number, not '${this.typeName}'`);
    return v;
  }

  /** operator.index(obj) */
  index() {
    const v = this.special('__index__');
    if (v === undefined)
      throw typeError(`'${this.typeName}' object cannot be interpreted as an integer`);
    return v;
  }
}

/** super(): the class after `cls` in the MRO of self's class. */
export class PySuper extends PyObject {
  /** @param {PyClass} cls @param {Value} self */
  constructor(cls, self) {
    super();
    this.cls = cls;
    this.self = self;
  }

  /** @override */
  get typeName() {
    return 'super';
  }

  /** @override */
  repr() {
    return `<super: <class '${this.cls.shortName}'>, <${typeName(this.self)} object>>`;
  }

  /** @param {string} name @override */
  getattr(name) {
    const own = /** @type {PyClass} */ (userClassOf(this.self) ?? this.self);
    const mro = own instanceof PyClass ? own.mro : [];
    for (const c of mro.slice(mro.indexOf(this.cls) + 1)) {
      if (c instanceof PyClass) {
        if (c.namespace.has(name))
          return bind(/** @type {Value} */ (c.namespace.get(name)), this.self, own);
        continue;
      }
      const subclassing = /** @type {Subclassing | undefined} */ (
        /** @type {any} */ (c).subclassing
      );
      if (!subclassing) continue;
      if (name === '__init__') {
        return new PyBuiltin('__init__', (args, kwargs, interp) =>
          subclassing.init(this.self, args, kwargs, interp),
        );
      }
      const v = subclassing.attr?.(this.self, name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/** The sentinel a special method returns to decline an operand (Python's NotImplemented). */
export const NOT_IMPLEMENTED = new (class extends PyObject {
  /** @override */
  get typeName() {
    return 'NotImplementedType';
  }

  /** @override */
  repr() {
    return 'NotImplemented';
  }
})();

/** super(type, obj) with both arguments (the zero-argument form is the interpreter's). */
function superBuiltin(/** @type {Value[]} */ args) {
  if (args.length !== 2) throw new PyError('RuntimeError', 'super(): no arguments');
  const [cls, self] = args;
  if (!(cls instanceof PyClass))
    throw typeError(`super() argument 1 must be a type, not ${typeName(cls)}`);
  if (!cls.test(self))
    throw typeError('super(type, obj): obj must be an instance or subtype of type');
  return new PySuper(cls, self);
}

/** The built-ins for classes: super, property, staticmethod, classmethod, NotImplemented. */
export const CLASS_BUILTINS = /** @type {Record<string, Value>} */ ({
  super: new PyBuiltin('super', superBuiltin),
  property: new PyBuiltin('property', (args) => new PyProperty(args[0] ?? null, args[1] ?? null)),
  staticmethod: new PyBuiltin('staticmethod', (args) => new PyStaticMethod(args[0] ?? null)),
  classmethod: new PyBuiltin('classmethod', (args) => new PyClassMethod(args[0] ?? null)),
  NotImplemented: NOT_IMPLEMENTED,
});

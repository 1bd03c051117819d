// What RandomState and Generator share: a Python object over one of seedlab's wasm generators,
// whose methods come from a table (each reads Python's arguments and shapes NumPy's result), and
// the float distributions of scalar parameters that both define the same way.

import { bind } from '../../../args.js';
import { Unsupported } from '../../../errors.js';
import { PyBoundMethod, PyObject } from '../../../objects.js';
import { FLOAT64 } from '../dtype.js';
import { floatArg, result, sizeArg } from './arguments.js';

/** @typedef {import('../../../objects.js').Value} Value */
/** @typedef {import('../../../objects.js').Kwargs} Kwargs */

/**
 * @template R  the wasm generator
 */
export class GeneratorObject extends PyObject {
  /**
   * @param {R} rng
   * @param {string} className  'RandomState' or 'Generator', for method reprs and notes
   * @param {Record<string, (self: any, args: Value[], kwargs: Kwargs) => Value>} methods
   * @param {Set<string>} knownMethods  the real class's methods this page does not run
   */
  constructor(rng, className, methods, knownMethods) {
    super();
    this.rng = rng;
    this.className = className;
    this.methods = methods;
    this.knownMethods = knownMethods;
  }

  /**
   * @param {string} name
   * @returns {Value | undefined}
   * @override
   */
  getattr(name) {
    const method = this.methods[name];
    if (!method) return undefined;
    return new PyBoundMethod(
      this,
      name,
      (args, kwargs) => method(this, args, kwargs),
      this.className,
    );
  }

  /** @param {string} name */
  unsupportedAttribute(name) {
    return this.knownMethods.has(name) ? new Unsupported(`${this.className}.${name}`) : undefined;
  }

  /** The address-like part of the repr. */
  address() {
    return (0x7f0000000000 + this.id * 16).toString(16).toUpperCase();
  }
}

/**
 * A method drawing floats from scalar parameters: `name(param=default, ..., size=None)`.
 * @template R
 * @param {string} name @param {string[]} params @param {number[]} defaults
 * @param {(rng: R, values: number[], n: number) => ArrayLike<number>} draw
 * @returns {(self: GeneratorObject<R>, args: Value[], kwargs: Kwargs) => Value}
 */
export function floatDistribution(name, params, defaults, draw) {
  return (self, args, kwargs) => {
    const a = bind(name, [...params.map((p) => `${p}=`), 'size='], args, kwargs);
    const values = params.map((p, i) => floatArg(a[p], defaults[i], p));
    const size = sizeArg(a.size);
    return result(draw(self.rng, values, size.n), size, FLOAT64);
  };
}

// What every playground library module (numpy.js, generator.js, ...) provides, and the pieces
// they share: the function specs, the parameter lists, the size of the plotted sample.
//
// A settings object s holds the form's values as typed: { lib, fn, seed, noseed, n, low, high,
// loc, scale, pop, replace }. A library reads them as its language reads them. Pure, no DOM.
import { atField } from '../../lang/field-error.js';
/** @import { Kernel } from '../../lesson/kernel.js' */

/**
 * The playground form's values, as typed (texts; the two checkboxes as booleans).
 * @typedef {object} Settings
 * @property {string} lib
 * @property {string} fn
 * @property {string} seed
 * @property {boolean} noseed
 * @property {string} n
 * @property {string} low
 * @property {string} high
 * @property {string} loc
 * @property {string} scale
 * @property {string} pop
 * @property {boolean} replace
 */

/** @typedef {'low' | 'high' | 'loc' | 'scale' | 'pop' | 'replace'} ParamName */

/**
 * The parameters as the library reads them. A draw reads those its function's spec lists, and
 * a function uses only those.
 * @typedef {object} Params
 * @property {number} low
 * @property {number} high
 * @property {number} loc
 * @property {number} scale
 * @property {number | bigint} pop
 * @property {boolean} replace
 */

/**
 * What a function's values are: 'rand', 'randn', 'normal', 'uniform', 'randint',
 * 'randint-inclusive', 'choice' or 'permutation'.
 * @typedef {'rand' | 'randn' | 'normal' | 'uniform' | 'randint' | 'randint-inclusive' | 'choice' | 'permutation'} Kind
 */

/**
 * A function of a library: params (setting names, in call order), kind (what the values are),
 * labels (how the library names the parameters, where that differs from the setting's name),
 * base (the first value a choice draws, 1 in R) and alwaysReplace (a choice that always draws
 * with replacement: Python's random.choice).
 * @typedef {object} FnSpec
 * @property {Kind} kind
 * @property {ParamName[]} params
 * @property {Partial<Record<ParamName, string>>} [labels]
 * @property {number} [base]
 * @property {boolean} [alwaysReplace]
 */

/**
 * The values of one draw: a typed array from seedlab, or a list (Python's shuffle).
 * @typedef {Float64Array | Float32Array | number[]} Values
 */

/**
 * A generator made for one draw: draw(fn, p, n) calls the function fn with parameters p for n
 * values and throws the library's own error (in its words); free() releases it.
 * @typedef {object} Drawer
 * @property {(fn: string, p: Params, n: number) => Values} draw
 * @property {() => void} free
 */

/**
 * What every playground library has.
 * @typedef {object} LibraryBase
 * @property {string} label                  the name in the library menu
 * @property {Record<string, FnSpec>} functions
 * @property {string} defaultFn
 * @property {string} [noSeedNote]           why "no seed" is off, for a library without one
 * @property {(name: ParamName, text: string | boolean, s: Settings) => number | bigint | boolean} param
 *   a parameter as the histogram's density takes it
 * @property {(s: Settings, spec: FnSpec) => string} code   the code a draw stands for
 * @property {(s: Settings) => string} source   what the histogram's caption names
 */

/**
 * A Python library: a draw runs its code through the page's interpreter (draw.js).
 * @typedef {LibraryBase & { lang: 'python' }} PythonLibrary
 */

/**
 * An R or Rust library: a draw computes what the language prints with seedlab's dialect.
 * @typedef {LibraryBase & { lang: 'r' | 'rust',
 *   open: (s: Settings, kernel: Kernel) => Drawer,
 *   size: (text: string, fn: string, s: Settings) => number,
 *   print: (spec: FnSpec, values: Values) => string }} NativeLibrary
 *   open: the generator for s: seeded with s.seed as the library reads it, or the library's
 *   unseeded one when s.noseed (its errors are about the seed); size: n as it reads it; print:
 *   the row as it prints
 */

/** @typedef {PythonLibrary | NativeLibrary} Library */

/** How many values the histogram plots, and how the code writes that number. */
export const SAMPLE_SIZE = 100_000;
export const SAMPLE_TEXT = '100_000';

/** @type {ParamName[]} */
export const BOUNDS = ['low', 'high'];
/** @type {ParamName[]} */
export const LOC_SCALE = ['loc', 'scale'];
/** @type {ParamName[]} */
export const CHOICE = ['pop', 'replace'];

/**
 * @param {Kind} kind
 * @param {ParamName[]} [params]
 * @param {Omit<FnSpec, 'kind' | 'params'>} [extra]
 * @returns {FnSpec}
 */
export const fnSpec = (kind, params = [], extra = {}) => ({ kind, params, ...extra });

/**
 * Whether a draw is plotted: everything but permutations and draws without replacement.
 * @param {FnSpec} spec
 * @param {Settings} s
 */
export const samples = (spec, s) =>
  spec.kind !== 'permutation' && !(spec.kind === 'choice' && !s.replace && !spec.alwaysReplace);

/**
 * The parameters of s that spec lists, as lib reads them; an error reading one is about its
 * field (a FieldError).
 * @param {Library} lib
 * @param {Settings} s
 * @param {FnSpec} spec
 * @returns {Params}
 */
export function readParams(lib, s, spec) {
  /** @type {Partial<Record<ParamName, number | bigint | boolean>>} */
  const p = {};
  for (const name of spec.params) p[name] = atField(name, () => lib.param(name, s[name], s));
  return /** @type {Params} */ (p);
}

/**
 * The parameters of s as lib reads them, or null when one does not parse.
 * @param {Library} lib
 * @param {Settings} s
 * @param {FnSpec} spec
 */
export function parsedOrNull(lib, s, spec) {
  try {
    return readParams(lib, s, spec);
  } catch {
    return null;
  }
}

/**
 * A drawer for a generator that lives on after the draw (nothing to free).
 * @template G
 * @param {G} gen
 * @param {(gen: G, fn: string, p: Params, n: number) => Values} draw
 * @returns {Drawer}
 */
export function kept(gen, draw) {
  return { draw: (fn, p, n) => draw(gen, fn, p, n), free: () => {} };
}

/**
 * A drawer for a generator made for this draw, freed after it.
 * @template {{ free(): void }} G
 * @param {G} gen
 * @param {(gen: G, fn: string, p: Params, n: number) => Values} draw
 * @returns {Drawer}
 */
export function owned(gen, draw) {
  return { draw: (fn, p, n) => draw(gen, fn, p, n), free: () => gen.free() };
}

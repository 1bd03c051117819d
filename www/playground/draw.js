// One Draw of the playground: the row the library prints and, for draws from a distribution, a
// large sample for the histogram. Every error comes back with the field it is about: reading a
// field wraps its errors with that field, and an error from the library's call is placed by
// asking the library again (fieldOfCallError). Pure apart from the kernel's generators.
import { atField, FieldError } from '../lang/field-error.js';
import { evalPython, pythonRepr } from '../lang/python-expr.js';
import { distribution } from './histogram.js';
import { readParams, SAMPLE_SIZE, samples } from './libraries/spec.js';
import { LIBRARIES, withKnownFunction } from './libraries.js';
import { PLAYGROUND_DEFAULTS } from './settings.js';

/** @import { Kernel } from '../lesson/kernel.js' */
/** @import { Distribution } from './histogram.js' */
/** @import { FnSpec, Library, ParamName, Params, Settings, Values } from './libraries/spec.js' */

export { SAMPLE_SIZE };

/**
 * A draw's outcome.
 * @typedef {{ ok: true, line: string, sample: Values | null,
 *   dist: Distribution | null, params: Params, key: string }
 *   | { ok: false, field: string | null, error: unknown }} DrawResult
 */

/**
 * A field's text as Python reads it, for "the same code" (as typed when it does not parse).
 * @param {string} text
 */
function safeRepr(text) {
  try {
    return pythonRepr(evalPython(text));
  } catch {
    return String(text).trim();
  }
}

/**
 * The identity of "the same code" for the run log.
 * @param {Settings} s
 * @param {FnSpec} spec
 * @param {boolean} noseed
 */
function drawKey(s, spec, noseed) {
  return [s.lib, s.fn, noseed ? 'seed=none' : `seed=${safeRepr(s.seed)}`]
    .concat(
      spec.params.map((p) => `${p}=${p === 'replace' ? Boolean(s.replace) : safeRepr(s[p])}`),
      `n=${safeRepr(s.n)}`,
    )
    .join(' ');
}

/**
 * Whether f() throws an error with the same name and message as error (true), none or another
 * (false).
 * @param {() => unknown} f
 * @param {unknown} error
 */
function throwsSame(f, error) {
  try {
    f();
    return false;
  } catch (e) {
    return (
      e instanceof Error &&
      error instanceof Error &&
      e.name === error.name &&
      e.message === error.message
    );
  }
}

/**
 * The parameters p with parameter name at its default value (null if that does not read).
 * @param {Library} lib
 * @param {Settings} s
 * @param {Params} p
 * @param {ParamName} name
 * @returns {Params | null}
 */
function withDefault(lib, s, p, name) {
  const text = PLAYGROUND_DEFAULTS[name];
  try {
    return { ...p, [name]: lib.param(name, text, { ...s, [name]: text }) };
  } catch {
    return null;
  }
}

/**
 * Which field an error from the library's call is about, found by asking the library again on a
 * scratch generator (seed 0; the page's generators are left alone), never by reading the
 * message: when one value with the same parameters does not raise the same error, the size n
 * was at fault; otherwise the first parameter, from the last, whose default value makes the
 * error go away; otherwise the last parameter the function takes.
 * @param {Library} lib
 * @param {Settings} s
 * @param {FnSpec} spec
 * @param {Params} p
 * @param {unknown} error
 * @param {Kernel} kernel
 * @returns {string}
 */
function fieldOfCallError(lib, s, spec, p, error, kernel) {
  /** @type {ParamName[]} */
  const typed = spec.params.filter((name) => name !== 'replace');
  if (typed.length === 0) return 'n';
  const scratch = lib.open({ ...s, noseed: false, seed: '0' }, kernel);
  try {
    if (!throwsSame(() => scratch.draw(s.fn, p, 1), error)) return 'n';
    for (const name of [...typed].reverse()) {
      const q = withDefault(lib, s, p, name);
      if (q && !throwsSame(() => scratch.draw(s.fn, q, 1), error)) return name;
    }
    return typed[typed.length - 1];
  } finally {
    scratch.free();
  }
}

/**
 * Draws a row and the sample for settings s (texts as typed). Pure apart from the kernel's
 * generators. Returns { ok: true, line, sample, dist, key } (sample and dist null when nothing
 * is plotted) or { ok: false, field, error }.
 * @param {Settings} settings
 * @param {Kernel} kernel
 * @returns {DrawResult}
 */
export function draw(settings, kernel) {
  const s = withKnownFunction(settings); // as the form would select
  const lib = LIBRARIES[s.lib];
  const spec = lib.functions[s.fn];
  const noseed = Boolean(s.noseed) && !lib.noSeedNote;
  const plain = { ...s, noseed };
  let drawer = null;
  try {
    const key = drawKey(s, spec, noseed);
    drawer = atField('seed', () => lib.open(plain, kernel));
    const n = atField('n', () => lib.size(s.n, s.fn, s));
    const p = readParams(lib, s, spec);
    const gen = drawer;
    /** @param {number} count */
    const call = (count) => {
      try {
        return gen.draw(s.fn, p, count);
      } catch (e) {
        throw new FieldError(fieldOfCallError(lib, s, spec, p, e, kernel), e);
      }
    };
    const line = lib.print(spec, call(n));
    const plotted = samples(spec, plain);
    const sample = plotted ? call(SAMPLE_SIZE) : null;
    return { ok: true, line, sample, dist: plotted ? distribution(spec, p) : null, params: p, key };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, field: e.field, error: e.error };
    return { ok: false, field: null, error: e };
  } finally {
    drawer?.free();
  }
}

// One Draw of the playground: the row the library prints and, for draws from a distribution, a
// large sample for the histogram. Every error comes back with the field it is about: reading a
// field wraps its errors with that field, and an error from the library's call is placed by
// asking the library again (fieldOfCallError). Pure apart from the kernel's generators.
import { atField, FieldError } from '../lang/field-error.js';
import { PageLimit } from '../lang/limits.js';
import { evalPython, PythonError, pythonRepr } from '../lang/python-expr.js';
import { distribution } from './histogram.js';
import { readParams, SAMPLE_SIZE, samples } from './libraries/spec.js';
import { LIBRARIES, withKnownFunction } from './libraries.js';
import { PLAYGROUND_DEFAULTS } from './settings.js';

/** @import { Kernel } from '../lesson/kernel.js' */
/** @import { Distribution } from './histogram.js' */
/** @import { FnSpec, Library, NativeLibrary, ParamName, Params, Settings, Values } from './libraries/spec.js' */

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
 * @param {NativeLibrary} lib
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
  if (lib.lang === 'python') return drawPython(lib, plain, spec, kernel);
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

/**
 * A Python library's draw: the code the playground shows, run by the page's interpreter (the
 * lesson's one way to run Python). The row is what the code prints; the histogram's sample is the
 * code's `sample`. An error is placed on the seed when the seeding line raised it, else by
 * running the code again with one field changed: n at 1, then each parameter, from the last, at
 * its default; the first change that makes the error go away names the field.
 * @param {Library} lib @param {Settings} s @param {FnSpec} spec @param {Kernel} kernel
 * @returns {DrawResult}
 */
function drawPython(lib, s, spec, kernel) {
  const key = drawKey(s, spec, Boolean(s.noseed));
  const { result, variable } = kernel.runPythonAndRead(lib.code(s, spec), 'sample');
  if (result.error !== null || result.note !== null) {
    return {
      ok: false,
      field: pythonErrorField(lib, s, spec, kernel, result),
      error: runError(result),
    };
  }
  let p;
  try {
    p = readParams(lib, s, spec);
  } catch (e) {
    return { ok: false, field: e instanceof FieldError ? e.field : null, error: e };
  }
  const plotted = samples(spec, s) && variable !== undefined;
  return {
    ok: true,
    line: result.prints[0] ?? '',
    sample: plotted ? sampleValues(variable) : null,
    dist: plotted ? distribution(spec, p) : null,
    params: p,
    key,
  };
}

/** A failed run's error, as the field error shows it. @param {import('../python/session.js').RunResult} result */
function runError(result) {
  if (result.error !== null) {
    const text = result.error;
    const colon = text.indexOf(': ');
    return new PythonError(
      colon < 0 ? text : text.slice(0, colon),
      colon < 0 ? '' : text.slice(colon + 2),
    );
  }
  return new PageLimit(result.note?.text ?? '');
}

/**
 * Which field a failed run is about (see drawPython).
 * @param {Library} lib @param {Settings} s @param {FnSpec} spec @param {Kernel} kernel
 * @param {import('../python/session.js').RunResult} failed
 */
function pythonErrorField(lib, s, spec, kernel, failed) {
  const code = lib.code(s, spec).split('\n');
  const line = failed.line === null ? '' : (code[failed.line - 1] ?? '');
  // The seeding line: the one line that is neither a draw nor the sample.
  const seeding = !/^(print|sample|x =|random\.shuffle|import)/.test(line.trim());
  if (!s.noseed && seeding && line.includes(String(s.seed))) return 'seed';
  const same = (/** @type {Settings} */ t) => {
    const again = kernel.runPythonAndRead(lib.code(t, spec), 'sample').result;
    return again.error === failed.error && again.note?.text === failed.note?.text;
  };
  if (!same({ ...s, n: '1' })) return 'n';
  const typed = spec.params.filter((name) => name !== 'replace');
  for (const name of [...typed].reverse()) {
    if (!same({ ...s, [name]: PLAYGROUND_DEFAULTS[name] })) return name;
  }
  return typed[typed.length - 1] ?? 'n';
}

/**
 * The numbers of the code's `sample`: an array, a tensor, a JAX array or a list.
 * @param {import('../python/objects.js').Value} v
 * @returns {Values}
 */
function sampleValues(v) {
  const any = /** @type {any} */ (v);
  if (any && typeof any.values === 'function') return Float64Array.from(any.values(), Number);
  if (any?.value && typeof any.value.values === 'function') {
    return Float64Array.from(any.value.values(), Number);
  }
  if (any && Array.isArray(any.items)) return Float64Array.from(any.items, Number);
  return new Float64Array(0);
}

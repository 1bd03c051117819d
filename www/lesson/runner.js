// Runs a lesson cell (cells.js) with the field values as typed, as a notebook would run its code.
//
//   runCell(CELLS_BY_ID['global-seed'], { seed: '17', n1: '5', n2: '5' }, kernel)
//     -> { ok: true, lines: ['[ 0.27626589 ...]', '[ 1.88663893 ...]'], key: '...' }
//     or { ok: false, field: 'seed', error }   (error: PythonError, RError, RustError or PageLimit)
//
// Each field is read as the cell's language reads it, and every error is wrapped with the field
// it is about (lang/field-error.js). Pure: no DOM, so the Node tests run cells too.
import { atField, FieldError } from '../lang/field-error.js';
import { evalPython, pythonRepr } from '../lang/python-expr.js';
import { rCallError, rError, readR, rRepr } from '../lang/r-expr.js';
import { readRustU64, rustRepr } from '../lang/rust-expr.js';

/** A field's place in a cell's code: {seed}, {n_in}. */
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** @import { Kernel } from './kernel.js' */

/** @typedef {string} Field  a field's name */

/**
 * A field of a cell's code: its name ({name} in the code), default text and accessible label.
 * @typedef {{ name: string, value: string, label: string }} CellField
 */

/**
 * A lesson cell (cells.js): the code it shows, its fields, and what running it does.
 * @typedef {object} Cell
 * @property {string} id
 * @property {'python' | 'r' | 'rust'} [lang]   the code's language ('python' when absent)
 * @property {string} title
 * @property {string} caption
 * @property {string} code     with a {name} placeholder where each field sits
 * @property {CellField[]} fields
 * @property {(py: RunContext, kernel: Kernel) => void} [run]  R and Rust cells: what the code
 *   prints, computed with seedlab (Python cells run their code with the interpreter instead)
 */

/** @typedef {ReturnType<typeof context>['py']} RunContext */

/**
 * A run's outcome: the printed lines and the identity of "the same code", or the error and the
 * field it is about (null: none in particular).
 * @typedef {{ ok: true, lines: string[], key: string }
 *   | { ok: false, field: string | null, error: unknown }} RunResult
 */

/**
 * How each language's fields are read: the value's canonical text (for "the same code").
 * @type {Record<string, { name: string, repr: (text: string) => string }>}
 */
const LANGUAGES = {
  python: { name: 'Python', repr: (text) => pythonRepr(evalPython(text)) },
  r: { name: 'R', repr: rRepr },
  rust: { name: 'Rust', repr: rustRepr },
};

/**
 * 'Python', 'Rust', ...: the language a cell's code is written in.
 * @param {Cell} cell
 */
export function languageName(cell) {
  return LANGUAGES[cell.lang ?? 'python'].name;
}

/**
 * The default text of each field: { seed: '17', ... }.
 * @param {Cell} cell
 * @returns {Record<string, string>}
 */
export function defaultValues(cell) {
  return Object.fromEntries(cell.fields.map((f) => [f.name, f.value]));
}

/**
 * The code split into text and field parts, for rendering:
 * [['import numpy as np'], [], ['np.random.seed(', { field: 'seed' }, ')'], ...]
 * (one array per line).
 * @param {Cell} cell
 * @returns {Array<Array<string | { field: string }>>}
 */
export function codeLines(cell) {
  return cell.code.split('\n').map((line) =>
    line
      .split(/(\{[a-z][a-z0-9_]*\})/)
      .filter((part) => part !== '')
      .map((part) => (/^\{[a-z][a-z0-9_]*\}$/.test(part) ? { field: part.slice(1, -1) } : part)),
  );
}

/**
 * The code as text with the given field values (defaults where missing).
 * @param {Cell} cell
 * @param {Record<string, string>} [values]
 */
export function codeText(cell, values = {}) {
  const all = { ...defaultValues(cell), ...values };
  return cell.code.replace(PLACEHOLDER, (_, name) => all[name]);
}

/**
 * The code around a field on its line: { before, after } (for R's syntax error messages).
 * @param {Cell} cell
 * @param {string} field
 */
function fieldContext(cell, field) {
  const line = cell.code.split('\n').find((l) => l.includes(`{${field}}`));
  if (line === undefined) throw new Error(`The code of cell ${cell.id} has no {${field}}`);
  const [before, after] = line.split(`{${field}}`);
  return { before: before.replace(PLACEHOLDER, ''), after };
}

/**
 * The context a cell's run() uses: parsed arguments, error attribution, print, cleanup.
 * @param {Cell} cell
 * @param {Record<string, string>} values
 */
function context(cell, values) {
  /** @type {string[]} */
  const lines = [];
  /** @type {Array<{ free(): void }>} */
  const owned = [];
  const py = {
    call: atField,
    /** @param {string} text */
    print: (text) => lines.push(text),
    /**
     * obj, freed after the run.
     * @template {{ free(): void }} T
     * @param {T} obj
     */
    own: (obj) => {
      owned.push(obj);
      return obj;
    },
    /** @param {Field} field */
    rustSeed: (field) => atField(field, () => readRustU64(values[field])),
    // An R argument, read where its field sits in the code: { value, call } with call the
    // function call as R names it in errors ("set.seed(2^31)").
    /**
     * @param {Field} field
     * @param {string} fn
     */
    rArg: (field, fn) =>
      atField(field, () => {
        const { before, after } = fieldContext(cell, field);
        const read = readR(values[field], { before, after });
        if (read.value === null) {
          throw rError(
            `${fn}()`,
            `argument "${fn === 'set.seed' ? 'seed' : 'n'}" is missing, with no default`,
          );
        }
        return { value: read.value, text: read.text, call: `${fn}(${read.text})` };
      }),
    // A call into seedlab's R API; its errors become R's ("Error in set.seed(2^31) : ...").
    /**
     * @template T
     * @param {Field} field
     * @param {{ call: string }} arg   the argument, as rArg read it
     * @param {() => T} f
     * @returns {T}
     */
    rCall: (field, arg, f) =>
      atField(field, () => {
        try {
          return f();
        } catch (e) {
          throw rCallError(arg.call, e);
        }
      }),
  };
  return { py, lines, owned };
}

/**
 * The identity of "the same code": the cell and its field values as Python reads them, so
 * 17, 0x11 and 1_7 count as the same seed. Unparsable values are taken as typed.
 * @param {Cell} cell
 * @param {Record<string, string>} values
 */
export function runKey(cell, values) {
  const { repr } = LANGUAGES[cell.lang ?? 'python'];
  const parts = cell.fields.map(({ name }) => {
    try {
      return `${name}=${repr(values[name])}`;
    } catch {
      return `${name}=${String(values[name]).trim()}`;
    }
  });
  return `${cell.id}(${parts.join(', ')})`;
}

/**
 * Runs a cell with the field values given as text (defaults where missing).
 * @param {Cell} cell
 * @param {Record<string, string>} values
 * @param {Kernel} kernel
 * @returns {RunResult}
 */
export function runCell(cell, values, kernel) {
  const all = { ...defaultValues(cell), ...values };
  if (!cell.run) return runPythonCell(cell, all, kernel);
  const { py, lines, owned } = context(cell, all);
  try {
    cell.run(py, kernel);
    return { ok: true, lines, key: runKey(cell, all) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, field: e.field, error: e.error };
    return { ok: false, field: null, error: e };
  } finally {
    for (const obj of owned) obj.free();
  }
}

/**
 * The fields whose values sit on a line of the cell's code.
 * @param {Cell} cell @param {number | null} line  1-based
 * @returns {string[]}
 */
function fieldsAtLine(cell, line) {
  if (line === null) return [];
  return [...(cell.code.split('\n')[line - 1] ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * The field whose value sits on a line of the cell's code (null: none, or several).
 * @param {Cell} cell @param {number | null} line  1-based
 */
export function fieldAtLine(cell, line) {
  const fields = fieldsAtLine(cell, line);
  return fields.length === 1 ? fields[0] : null;
}

/**
 * The field an error is about: the one on the line where the run stopped; when that line has
 * several (nn.Linear({n_in}, {n_out})), the one whose value, put back to its default, makes the
 * error go away (null when none does).
 * @param {Cell} cell @param {Record<string, string>} values @param {Kernel} kernel
 * @param {import('../python/session.js').RunResult} result  the failed run
 */
function fieldOfError(cell, values, kernel, result) {
  const fields = fieldsAtLine(cell, result.line);
  if (fields.length <= 1) return fields[0] ?? null;
  const defaults = defaultValues(cell);
  const edited = fields.filter((f) => values[f] !== undefined && values[f] !== defaults[f]);
  if (edited.length === 1) return edited[0];
  for (const field of edited) {
    const again = kernel.runPython(codeText(cell, { ...values, [field]: defaults[field] }));
    if (again.line !== result.line || again.error !== result.error) return field;
  }
  return null;
}

/**
 * A Python cell: its code with the field values, run in a fresh interpreter session. Like the
 * fields' errors before, an error (Python's, or a note of the page's) is shown beside the field
 * on the line where the run stopped, and the run is not logged.
 * @param {Cell} cell @param {Record<string, string>} values @param {Kernel} kernel
 * @returns {RunResult}
 */
function runPythonCell(cell, values, kernel) {
  const result = kernel.runPython(codeText(cell, values));
  if (result.error !== null || result.note !== null) {
    const error =
      result.error !== null
        ? Object.assign(new Error(result.error.slice(result.error.indexOf(': ') + 2)), {
            name: result.error.slice(0, Math.max(result.error.indexOf(':'), 0)) || result.error,
          })
        : Object.assign(new Error(result.note?.text), { name: 'PageLimit' });
    return { ok: false, field: fieldOfError(cell, values, kernel, result), error };
  }
  return { ok: true, lines: result.prints, key: runKey(cell, values) };
}

// Runs a lesson cell (cells.js) with the field values as typed, as a notebook would run its code.
//
//   runCell(CELLS_BY_ID['global-seed'], { seed: '17', n1: '5', n2: '5' }, kernel)
//     -> { ok: true, lines: ['[ 0.27626589 ...]', '[ 1.88663893 ...]'], key: '...' }
//     or { ok: false, field: 'seed', error }   (error: PythonError, RError, RustError or PageLimit)
//
// Each field is read as the cell's language reads it, and every error is wrapped with the field
// it is about (lang/field-error.js). Pure: no DOM, so the Node tests run cells too.
import { atField, FieldError } from '../lang/field-error.js';
import * as args from '../lang/python-args.js';
import { evalPython, pythonRepr } from '../lang/python-expr.js';
import { rCallError, rError, readR, rRepr } from '../lang/r-expr.js';
import { readRustU64, rustRepr } from '../lang/rust-expr.js';

/** How each language's fields are read: the value's canonical text (for "the same code"). */
const LANGUAGES = {
  python: { name: 'Python', repr: (text) => pythonRepr(evalPython(text)) },
  r: { name: 'R', repr: rRepr },
  rust: { name: 'Rust', repr: rustRepr },
};

/** 'Python', 'Rust', ...: the language a cell's code is written in. */
export function languageName(cell) {
  return LANGUAGES[cell.lang ?? 'python'].name;
}

/** The default text of each field: { seed: '17', ... }. */
export function defaultValues(cell) {
  return Object.fromEntries(cell.fields.map((f) => [f.name, f.value]));
}

/**
 * The code split into text and field parts, for rendering:
 * [['import numpy as np'], [], ['np.random.seed(', { field: 'seed' }, ')'], ...]
 * (one array per line).
 */
export function codeLines(cell) {
  return cell.code.split('\n').map((line) =>
    line
      .split(/(\{[a-z0-9]+\})/)
      .filter((part) => part !== '')
      .map((part) => (/^\{[a-z0-9]+\}$/.test(part) ? { field: part.slice(1, -1) } : part)),
  );
}

/** The code as text with the given field values (defaults where missing). */
export function codeText(cell, values = {}) {
  const all = { ...defaultValues(cell), ...values };
  return cell.code.replace(/\{([a-z0-9]+)\}/g, (_, name) => all[name]);
}

/** The code around a field on its line: { before, after } (for R's syntax error messages). */
function fieldContext(cell, field) {
  const line = cell.code.split('\n').find((l) => l.includes(`{${field}}`));
  const [before, after] = line.split(`{${field}}`);
  return { before: before.replace(/\{([a-z0-9]+)\}/g, ''), after };
}

/** The context a cell's run() uses: parsed arguments, error attribution, print, cleanup. */
function context(cell, values) {
  const lines = [];
  const owned = [];
  const arg = (field) => atField(field, () => evalPython(values[field]));
  const py = {
    arg,
    call: atField,
    print: (text) => lines.push(text),
    own: (obj) => {
      owned.push(obj);
      return obj;
    },
    numpySeed: (field) => atField(field, () => args.numpySeed(arg(field))),
    torchSeed: (field) => atField(field, () => args.torchSeed(arg(field))),
    numpySize: (field) => atField(field, () => args.numpySize(arg(field))),
    torchSize: (field, fn) => atField(field, () => args.torchSize(arg(field), fn)),
    generatorSeed: (field) => atField(field, () => args.generatorSeed(arg(field))),
    jaxSeed: (field) => atField(field, () => args.jaxSeed(arg(field))),
    jaxSize: (field) => atField(field, () => args.jaxSize(arg(field))),
    rustSeed: (field) => atField(field, () => readRustU64(values[field])),
    pySeed: (field) => atField(field, () => args.pySeed(arg(field))),
    // An R argument, read where its field sits in the code: { value, call } with call the
    // function call as R names it in errors ("set.seed(2^31)").
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
        return { ...read, call: `${fn}(${read.text})` };
      }),
    // A call into seedlab's R API; its errors become R's ("Error in set.seed(2^31) : ...").
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

/** Runs a cell with the field values given as text (defaults where missing). */
export function runCell(cell, values, kernel) {
  const all = { ...defaultValues(cell), ...values };
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

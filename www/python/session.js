// A kernel session: what a notebook's cells share (imports, variables, generator states), and
// the text a run prints, as Jupyter shows it.
//
//   const session = new Session(pkg);
//   const code = 'import numpy as np\nnp.random.seed(17)\nprint(np.random.randn(5))';
//   await session.prepare(code);   // loads the code of the modules it imports (numpy here)
//   session.run(code)
//     -> { output: '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]\n',
//          note: null, line: null }
//
// output is exactly what Python prints: stdout, then the display of a last bare expression,
// then, when the code raised, the exception's last traceback line ("ValueError: ..."). A note is
// the page speaking, not Python: code outside the supported subset, a run stopped by the step
// budget, a call over the page's size limit. `line` is where the run stopped, for the editor.

import { PyError } from './errors.js';
import { DEFAULT_STEP_BUDGET, Interpreter } from './interpreter.js';
import { loadModules, standardModules } from './modules/index.js';
import { parse } from './parser.js';

/**
 * @typedef {{ output: string, note: { kind: 'unsupported' | 'budget' | 'limit', text: string } | null,
 *   error: string | null, line: number | null, prints: string[] }} RunResult
 *   error: the Python exception's last traceback line (also at the end of output), or null
 *   prints: the output by print call (each without its final newline), then the display: the
 *     rows a lesson cell marks as new or repeated
 */

/** How Python's traceback names an exception class defined outside builtins. */
const QUALIFIED_EXCEPTIONS = {
  AxisError: 'numpy.exceptions.AxisError',
};

/** traceback.format_exception_only(e)[-1], without its newline. @param {PyError} error */
export function exceptionLine(error) {
  const name =
    QUALIFIED_EXCEPTIONS[/** @type {keyof typeof QUALIFIED_EXCEPTIONS} */ (error.type)] ??
    error.type;
  return error.message === '' ? name : `${name}: ${error.message}`;
}

/**
 * The top-level names of the modules code imports anywhere ('numpy' for `import numpy.random`
 * or `from numpy.random import default_rng`); none for code that does not parse (its run reports
 * the error).
 * @param {string} code
 * @returns {Set<string>}
 */
export function importedModules(code) {
  /** @type {Set<string>} */
  const names = new Set();
  let module;
  try {
    module = parse(code);
  } catch {
    return names;
  }
  /** @param {unknown} node */
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node !== null && typeof node === 'object') {
      const n = /** @type {Record<string, any>} */ (node);
      if (n.type === 'Import') for (const { name } of n.names) names.add(name.split('.')[0]);
      else if (n.type === 'ImportFrom') names.add(n.module.split('.')[0]);
      for (const value of Object.values(n)) if (typeof value === 'object') visit(value);
    }
  };
  visit(module.body);
  return names;
}

export class Session {
  /**
   * @param {any} pkg  seedlab's wasm package (initialised)
   * @param {{ budget?: number }} [options]
   */
  constructor(pkg, { budget = DEFAULT_STEP_BUDGET } = {}) {
    this.pkg = pkg;
    this.budget = budget;
    this.interp = this.newInterpreter();
    /** Whether nothing has run since the session began (or restarted). */
    this.fresh = true;
  }

  newInterpreter() {
    return new Interpreter({ modules: standardModules(this.pkg), budget: this.budget });
  }

  /** Forgets every variable, import and generator state, as Jupyter's "Restart kernel". */
  restart() {
    this.interp = this.newInterpreter();
    this.fresh = true;
  }

  /**
   * Loads the code of the modules `code` imports, so that run(code) can import them.
   * @param {string} code
   */
  prepare(code) {
    return loadModules(importedModules(code));
  }

  /**
   * Runs one cell's code in this session.
   * @param {string} code @returns {RunResult}
   */
  run(code) {
    this.fresh = false;
    const { stdout, writes, display, error } = this.interp.run(code);
    let output = stdout;
    if (display !== null) output += `${display}\n`;
    const prints = writes.map((w) => (w.endsWith('\n') ? w.slice(0, -1) : w));
    if (display !== null) prints.push(display);
    if (error === null) return { output, note: null, error: null, line: null, prints };
    const line = error.line ?? null;
    if (error instanceof PyError) {
      const text = exceptionLine(error);
      return { output: `${output}${text}\n`, note: null, error: text, line, prints };
    }
    const kind =
      error.name === 'Unsupported'
        ? 'unsupported'
        : error.name === 'BudgetExceeded'
          ? 'budget'
          : 'limit';
    return { output, note: { kind, text: error.message }, error: null, line, prints };
  }
}
